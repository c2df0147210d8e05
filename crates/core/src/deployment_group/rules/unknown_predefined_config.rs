//! DEP110 unknown-predefined-config.

use super::Cx;
use crate::declare_rule;
use crate::deployment::config::{PREDEFINED_PREFIX, find_predefined, suggest_predefined};
use crate::deployment::read::requote;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `deploymentConfigName` that starts with `CodeDeployDefault.` but is not one of
    /// CodeDeploy's predefined configurations, with the one it most likely means. The usual trap:
    /// `CodeDeployDefault.LambdaLinear10PercentEvery1Minute` is singular, while every other
    /// linear configuration, `CodeDeployDefault.ECSLinear10PercentEvery1Minutes` included, ends
    /// in `Minutes`.
    ///
    /// ## Why is this bad?
    /// Only CodeDeploy creates names with that prefix, so a misspelt one names no configuration
    /// at all: the group cannot be created (`DeploymentConfigDoesNotExistException`). Names are
    /// matched exactly, case included.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "applicationName": "my-function-app",
    ///   "deploymentGroupName": "live",
    ///   "deploymentConfigName": "CodeDeployDefault.LambdaLinear10PercentEvery1Minutes"
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "applicationName": "my-function-app",
    ///   "deploymentGroupName": "live",
    ///   "deploymentConfigName": "CodeDeployDefault.LambdaLinear10PercentEvery1Minute"
    /// }
    /// ```
    ///
    /// ## References
    /// - Working with deployment configurations (the predefined names): <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html>
    code: "DEP110", name: "unknown-predefined-config", severity: Error
}

/// Predefined-looking names that are not predefined.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(field) = &g.config_name else { continue };
        let Some(name) = field.text() else { continue };
        let prefixed = name
            .get(..PREDEFINED_PREFIX.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(PREDEFINED_PREFIX));
        if !prefixed || find_predefined(name).is_some() {
            continue;
        }
        let mut d = RULE.at(field.span, format!("`{name}` is not a predefined deployment configuration"));
        match suggest_predefined(name) {
            Some(p) => {
                let note = if p.name.ends_with("Every1Minute") {
                    " (singular `Minute`: the only linear configuration spelt so)"
                } else if p.name.ends_with("Every1Minutes") {
                    " (plural `Minutes`, unlike the Lambda one)"
                } else {
                    ""
                };
                d = d
                    .with_help(format!("did you mean `{}`?{note}", p.name))
                    .with_fix(format!("replace with `{}`", p.name), field.span, requote(cx.text, field.span, p.name));
            }
            None => {
                d = d.with_help("names starting with `CodeDeployDefault.` are CodeDeploy's own; `cicd simulate deployment --help` lists them, or create a custom configuration with a name of your own");
            }
        }
        out.push(d);
    }
}
