//! DEP106 invalid-group-name.

use super::Cx;
use super::helpers::inputs;
use crate::declare_rule;
use crate::deployment::read::templated;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an application or deployment group name that is empty, longer than 100
    /// characters, or holds a character other than letters, digits and `.` `_` `+` `=` `,` `@`
    /// `-`. Templated names (`${var.app}-dg`, intrinsic functions) are not judged.
    ///
    /// ## Why is this bad?
    /// CodeDeploy's quotas allow names of at most 100 characters from that set
    /// (`InvalidApplicationNameException`, `InvalidDeploymentGroupNameException`). Spaces and `/`
    /// are the usual culprits.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "applicationName": "WordPress App",
    ///   "deploymentGroupName": "WordPress/production"
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "applicationName": "WordPress_App",
    ///   "deploymentGroupName": "WordPress-production"
    /// }
    /// ```
    ///
    /// ## References
    /// - CodeDeploy quotas (application and deployment group names): <https://docs.aws.amazon.com/codedeploy/latest/userguide/limits.html>
    code: "DEP106", name: "invalid-group-name", severity: Error
}

/// Names CodeDeploy's rules reject.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in inputs(&cx.model.items) {
        let names = g
            .application_name
            .iter()
            .map(|f| ("application", f))
            .chain(g.names.iter().map(|f| ("deployment group", f)));
        for (what, field) in names {
            let Some(text) = field.text() else { continue };
            if templated(text) {
                continue;
            }
            if let Some(problem) = crate::deployment::names::problem(text) {
                out.push(
                    RULE.at(field.span, format!("{what} name `{text}` {problem}"))
                        .with_help("use 1 to 100 letters, digits and `.` `_` `+` `=` `,` `@` `-`"),
                );
            }
        }
    }
}
