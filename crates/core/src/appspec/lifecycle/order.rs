//! The order of lifecycle events of each deployment type: EC2/on-premises in-place (with or
//! without a load balancer) and blue/green, ECS and Lambda.

use super::{Deployment, Fleet};

/// The EC2/on-premises events whose scripts come from the last successful revision's AppSpec.
pub(crate) const LAST_SUCCESSFUL_EVENTS: [&str; 3] =
    ["ApplicationStop", "BeforeBlockTraffic", "AfterBlockTraffic"];

const IN_PLACE: [&str; 9] = [
    "Start",
    "ApplicationStop",
    "DownloadBundle",
    "BeforeInstall",
    "Install",
    "AfterInstall",
    "ApplicationStart",
    "ValidateService",
    "End",
];

const IN_PLACE_LB: [&str; 15] = [
    "Start",
    "BeforeBlockTraffic",
    "BlockTraffic",
    "AfterBlockTraffic",
    "ApplicationStop",
    "DownloadBundle",
    "BeforeInstall",
    "Install",
    "AfterInstall",
    "ApplicationStart",
    "ValidateService",
    "BeforeAllowTraffic",
    "AllowTraffic",
    "AfterAllowTraffic",
    "End",
];

const BLUE_GREEN_REPLACEMENT: [&str; 11] = [
    "Start",
    "ApplicationStop",
    "DownloadBundle",
    "BeforeInstall",
    "Install",
    "AfterInstall",
    "ApplicationStart",
    "ValidateService",
    "BeforeAllowTraffic",
    "AllowTraffic",
    "AfterAllowTraffic",
];

const BLUE_GREEN_ORIGINAL: [&str; 4] = [
    "BeforeBlockTraffic",
    "BlockTraffic",
    "AfterBlockTraffic",
    "End",
];

/// The EC2/on-premises event order of a deployment kind, as (event, fleet) pairs.
pub fn server_order(deployment: Deployment) -> Vec<(&'static str, Fleet)> {
    match deployment {
        Deployment::InPlace => IN_PLACE.iter().map(|e| (*e, Fleet::Instances)).collect(),
        Deployment::InPlaceWithLoadBalancer => {
            IN_PLACE_LB.iter().map(|e| (*e, Fleet::Instances)).collect()
        }
        Deployment::BlueGreen => BLUE_GREEN_REPLACEMENT
            .iter()
            .map(|e| (*e, Fleet::ReplacementInstances))
            .chain(
                BLUE_GREEN_ORIGINAL
                    .iter()
                    .map(|e| (*e, Fleet::OriginalInstances)),
            )
            .collect(),
    }
}

/// The ECS event order.
pub const ECS_ORDER: [&str; 10] = [
    "Start",
    "BeforeInstall",
    "Install",
    "AfterInstall",
    "AllowTestTraffic",
    "AfterAllowTestTraffic",
    "BeforeAllowTraffic",
    "AllowTraffic",
    "AfterAllowTraffic",
    "End",
];

/// The Lambda event order.
pub const LAMBDA_ORDER: [&str; 5] = [
    "Start",
    "BeforeAllowTraffic",
    "AllowTraffic",
    "AfterAllowTraffic",
    "End",
];
