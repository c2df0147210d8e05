//! DEP010 reserved-config-name-prefix.

use super::Cx;
use super::helpers::inputs;
use crate::declare_rule;
use crate::deployment::config::PREDEFINED_PREFIX;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a configuration to be created whose name starts with `CodeDeployDefault.`, the
    /// prefix of the predefined configurations.
    ///
    /// ## Why is this bad?
    /// The prefix is reserved: CodeDeploy refuses to create a custom configuration with it
    /// (`InvalidDeploymentConfigNameException`), and a copy of a predefined configuration's
    /// settings under its own name is not needed — a deployment group can name the predefined
    /// one directly. Outputs of `get-deployment-config` for predefined configurations are not
    /// reported.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentConfigName": "CodeDeployDefault.ThreeQuartersHealthy",
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
    /// - Create a deployment configuration: <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations-create.html>
    /// - Predefined deployment configurations: <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html>
    code: "DEP010", name: "reserved-config-name-prefix", severity: Error
}

/// Custom configuration names with the reserved prefix.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for c in inputs(&cx.model.items) {
        let Some(name) = c.name.as_ref() else { continue };
        let Some(text) = name.text() else { continue };
        let reserved = text
            .get(..PREDEFINED_PREFIX.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(PREDEFINED_PREFIX));
        if !reserved {
            continue;
        }
        let rest = text.get(PREDEFINED_PREFIX.len()..).unwrap_or("");
        let help = if crate::deployment::config::Config::predefined(text).is_some() {
            format!("`{text}` already exists: name it in the deployment group (`deploymentConfigName`) instead of creating it")
        } else if rest.is_empty() {
            "choose a name of your own".to_string()
        } else {
            format!("name it `{rest}`, without the prefix")
        };
        out.push(
            RULE.at(
                name.span,
                format!("`{text}` starts with `{PREDEFINED_PREFIX}`, which only predefined configurations may use"),
            )
            .with_help(help),
        );
    }
}
