//! DEP003 invalid-config-enum-value.

use super::Cx;
use super::helpers::{inputs, minimum_parts};
use crate::declare_rule;
use crate::deployment::read::{OUTPUT_ONLY_WORDS, requote};
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a value outside its closed set: `computePlatform` (`Server`, `Lambda`, `ECS`),
    /// `minimumHealthyHosts.type` (`HOST_COUNT`, `FLEET_PERCENT`) and `trafficRoutingConfig.type`
    /// (`TimeBasedCanary`, `TimeBasedLinear`, `AllAtOnce`), with the value it most likely means.
    /// `MOST_CONCURRENCY` (what `get-deployment-config` returns for OneAtATime) and `Kubernetes`
    /// are accepted in outputs only.
    ///
    /// ## Why is this bad?
    /// CodeDeploy compares these words exactly and rejects anything else
    /// (`InvalidComputePlatformException`, `InvalidMinimumHealthyHostValueException`,
    /// `InvalidTrafficRoutingConfigurationException`). `MOST_CONCURRENCY` "cannot be set by
    /// users", the API reference says: only OneAtATime has it.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentConfigName": "CanaryTwentyPercent",
    ///   "computePlatform": "lambda",
    ///   "trafficRoutingConfig": {
    ///     "type": "TimeBasedCanary",
    ///     "timeBasedCanary": {"canaryPercentage": 20, "canaryInterval": 10}
    ///   }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentConfigName": "CanaryTwentyPercent",
    ///   "computePlatform": "Lambda",
    ///   "trafficRoutingConfig": {
    ///     "type": "TimeBasedCanary",
    ///     "timeBasedCanary": {"canaryPercentage": 20, "canaryInterval": 10}
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - CreateDeploymentConfig (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateDeploymentConfig.html>
    /// - MinimumHealthyHosts (MOST_CONCURRENCY cannot be set): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_MinimumHealthyHosts.html>
    code: "DEP003", name: "invalid-config-enum-value", severity: Error
}

/// Words outside their sets, and output-only words in inputs.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for b in &cx.facts.bad_enums {
        let allowed: Vec<String> = b
            .allowed
            .iter()
            .filter(|a| !OUTPUT_ONLY_WORDS.contains(a))
            .map(|a| format!("`{a}`"))
            .collect();
        let mut d = RULE.at(
            b.span,
            format!("`{}` is not a valid `{}`", b.value, b.path),
        )
        .with_help(match b.suggestion {
            Some(s) => format!("did you mean `{s}`? (one of {})", allowed.join(", ")),
            None => format!("use one of {}", allowed.join(", ")),
        });
        if let Some(s) = b.suggestion {
            d = d.with_fix(
                format!("replace with `{s}`"),
                b.span,
                requote(cx.text, b.span, s),
            );
        }
        out.push(d);
    }
    for c in inputs(&cx.model.items) {
        for (key, part) in minimum_parts(c) {
            if let Some(kind) = part.kind.as_ref().filter(|k| k.text() == Some("MOST_CONCURRENCY")) {
                out.push(
                    RULE.at(kind.span, format!("`{key}` cannot be `MOST_CONCURRENCY` in a configuration you create"))
                        .with_help("only `CodeDeployDefault.OneAtATime` has it; for one instance at a time use the predefined configuration, or `HOST_COUNT` with the fleet size minus one"),
                );
            }
        }
        if let Some(p) = c.compute_platform.as_ref().filter(|p| p.text() == Some("Kubernetes")) {
            out.push(
                RULE.at(p.span, "`Kubernetes` is not a compute platform you can create a configuration for")
                    .with_help("use `Server`, `Lambda` or `ECS`"),
            );
        }
    }
}
