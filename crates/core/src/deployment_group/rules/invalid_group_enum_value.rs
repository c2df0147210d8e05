//! DEP103 invalid-group-enum-value.

use super::Cx;
use crate::declare_rule;
use crate::deployment::read::requote;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a value outside its closed set, with the value it most likely means: rollback
    /// events, the deployment type and option, blue/green actions, tag filter types, trigger
    /// events and `outdatedInstancesStrategy`.
    ///
    /// ## Why is this bad?
    /// CodeDeploy compares these words exactly and rejects anything else
    /// (`InvalidAutoRollbackConfigException`, `InvalidDeploymentStyleException`,
    /// `InvalidBlueGreenDeploymentConfigurationException`, `InvalidTriggerConfigException`, …).
    /// A rollback event misspelt in a template would fail the stack update.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "autoRollbackConfiguration": {
    ///     "enabled": true,
    ///     "events": ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOPPED_ON_ALARM"]
    ///   }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "autoRollbackConfiguration": {
    ///     "enabled": true,
    ///     "events": ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - CreateDeploymentGroup (API, the values of each setting): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateDeploymentGroup.html>
    /// - AutoRollbackConfiguration: <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_AutoRollbackConfiguration.html>
    code: "DEP103", name: "invalid-group-enum-value", severity: Error
}

/// Words outside their sets.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for b in &cx.facts.bad_enums {
        let allowed: Vec<String> = b
            .allowed
            .iter()
            .filter(|a| **a != "Kubernetes")
            .map(|a| format!("`{a}`"))
            .collect();
        let mut d = RULE
            .at(b.span, format!("`{}` is not a valid `{}`", b.value, b.path))
            .with_help(match b.suggestion {
                Some(s) => format!("did you mean `{s}`? (one of {})", allowed.join(", ")),
                None => format!("use one of {}", allowed.join(", ")),
            });
        if let Some(s) = b.suggestion {
            d = d.with_fix(format!("replace with `{s}`"), b.span, requote(cx.text, b.span, s));
        }
        out.push(d);
    }
}
