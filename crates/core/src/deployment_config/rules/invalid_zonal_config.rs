//! DEP040 invalid-zonal-config.

use super::Cx;
use super::helpers::{inputs, int};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a negative monitor duration in `zonalConfig`
    /// (`firstZoneMonitorDurationInSeconds`, `monitorDurationInSeconds`).
    ///
    /// ## Why is this bad?
    /// A zonal deployment deploys one Availability Zone at a time and waits the monitor duration
    /// after each zone (after the first, `firstZoneMonitorDurationInSeconds`, which defaults to
    /// `monitorDurationInSeconds`); a wait cannot be negative
    /// (`InvalidZonalDeploymentConfigurationException`). Zero means no wait.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentConfigName": "ZoneByZone",
    ///   "computePlatform": "Server",
    ///   "minimumHealthyHosts": {"type": "FLEET_PERCENT", "value": 75},
    ///   "zonalConfig": {"monitorDurationInSeconds": -600}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentConfigName": "ZoneByZone",
    ///   "computePlatform": "Server",
    ///   "minimumHealthyHosts": {"type": "FLEET_PERCENT", "value": 75},
    ///   "zonalConfig": {"monitorDurationInSeconds": 600}
    /// }
    /// ```
    ///
    /// ## References
    /// - Zonal configuration: <https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations-create.html#zonal-config>
    /// - ZonalConfig (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_ZonalConfig.html>
    code: "DEP040", name: "invalid-zonal-config", severity: Error
}

/// Negative monitor durations.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for c in inputs(&cx.model.items) {
        let Some(z) = &c.zonal else { continue };
        let parts = [
            (z.first_zone_monitor.as_ref(), c.key("firstZoneMonitorDurationInSeconds", "FirstZoneMonitorDurationInSeconds")),
            (z.monitor.as_ref(), c.key("monitorDurationInSeconds", "MonitorDurationInSeconds")),
        ];
        for (field, name) in parts {
            let Some((value, field)) = int(field) else { continue };
            if value < 0 {
                out.push(
                    RULE.at(field.span, format!("`{name}` cannot be negative, found {value}"))
                        .with_help("give the seconds to wait after a zone, or 0 for no wait"),
                );
            }
        }
    }
}
