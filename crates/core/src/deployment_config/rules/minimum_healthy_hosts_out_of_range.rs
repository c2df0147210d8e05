//! DEP020 minimum-healthy-hosts-out-of-range.

use super::Cx;
use super::helpers::{inputs, int, minimum_parts};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a minimum-healthy-hosts value CodeDeploy does not accept: a `FLEET_PERCENT`
    /// outside 0–99, or a negative `HOST_COUNT` (in `minimumHealthyHosts` and in
    /// `zonalConfig.minimumHealthyHostsPerZone`).
    ///
    /// ## Why is this bad?
    /// A percentage is at most 99: at 100 % no instance could ever be taken offline, so the
    /// deployment could never start (`InvalidMinimumHealthyHostValueException`). Even 95 % of 10
    /// instances rounds up to all 10, and such a deployment fails at once without touching an
    /// instance — the simulator shows it.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentConfigName": "AllHealthy",
    ///   "minimumHealthyHosts": {"type": "FLEET_PERCENT", "value": 100}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentConfigName": "NinetyPercentHealthy",
    ///   "minimumHealthyHosts": {"type": "FLEET_PERCENT", "value": 90}
    /// }
    /// ```
    ///
    /// ## References
    /// - CodeDeploy instance health, minimum healthy hosts: <https://docs.aws.amazon.com/codedeploy/latest/userguide/instances-health.html>
    /// - MinimumHealthyHosts (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_MinimumHealthyHosts.html>
    code: "DEP020", name: "minimum-healthy-hosts-out-of-range", severity: Error
}

/// Percentages above 99 and negative values.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for c in inputs(&cx.model.items) {
        for (key, part) in minimum_parts(c) {
            let Some((value, field)) = int(part.value.as_ref()) else {
                continue;
            };
            let kind = part.kind.as_ref().and_then(|k| k.text());
            let (problem, help) = match kind {
                Some("FLEET_PERCENT") if !(0..=99).contains(&value) => (
                    format!("`{key}` `FLEET_PERCENT` must be between 0 and 99, found {value}"),
                    "at 100 % no instance could ever be taken offline; choose at most 99, or `HOST_COUNT` with a number of instances",
                ),
                Some("HOST_COUNT") if value < 0 => (
                    format!("`{key}` `HOST_COUNT` cannot be negative, found {value}"),
                    "give a number of instances; 0 means as many at once as possible",
                ),
                _ => continue,
            };
            out.push(RULE.at(field.span, problem).with_help(help));
        }
    }
}
