//! DEP011 invalid-config-name.

use super::Cx;
use super::helpers::inputs;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a configuration name that is empty, longer than 100 characters, or holds a
    /// character other than letters, digits and `.` `_` `+` `=` `,` `@` `-`. Templated names
    /// (`${Env}-canary`, intrinsic functions) are not judged.
    ///
    /// ## Why is this bad?
    /// The API's name pattern is `[A-Za-z0-9+=,.@_-]*` with a length of 1 to 100; CodeDeploy
    /// rejects other names with `InvalidDeploymentConfigNameException`. Spaces and `/` are the
    /// usual culprits.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentConfigName": "Three quarters healthy",
    ///   "minimumHealthyHosts": {"type": "FLEET_PERCENT", "value": 75}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentConfigName": "ThreeQuartersHealthy",
    ///   "minimumHealthyHosts": {"type": "FLEET_PERCENT", "value": 75}
    /// }
    /// ```
    ///
    /// ## References
    /// - GetDeploymentConfig (`deploymentConfigName` pattern and length): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_GetDeploymentConfig.html>
    /// - CodeDeploy quotas (names): <https://docs.aws.amazon.com/codedeploy/latest/userguide/limits.html>
    code: "DEP011", name: "invalid-config-name", severity: Error
}

/// Names CodeDeploy's pattern rejects.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for c in inputs(&cx.model.items) {
        let Some(name) = c.name.as_ref() else { continue };
        let Some(text) = name.text() else { continue };
        if crate::deployment::read::templated(text) {
            continue;
        }
        if let Some(problem) = crate::deployment::names::problem(text) {
            out.push(
                RULE.at(name.span, format!("deployment configuration name `{text}` {problem}"))
                    .with_help("use 1 to 100 letters, digits and `.` `_` `+` `=` `,` `@` `-`"),
            );
        }
    }
}
