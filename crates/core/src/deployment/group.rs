//! The settings of a deployment group the simulator reads, as plain data: built from a
//! `deployment-group` file ([`crate::deployment_group::DeploymentGroup::settings`]) or by a
//! front end, every field defaulting to what CodeDeploy does when the group does not say.

use crate::appspec::Platform;

/// An event that triggers an automatic rollback.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "SCREAMING_SNAKE_CASE")
)]
pub enum RollbackEvent {
    /// The deployment fails.
    DeploymentFailure,
    /// An alarm stops the deployment.
    DeploymentStopOnAlarm,
    /// Someone stops the deployment.
    DeploymentStopOnRequest,
}

impl RollbackEvent {
    /// Every event, in the API's order.
    pub const ALL: [RollbackEvent; 3] = [
        RollbackEvent::DeploymentFailure,
        RollbackEvent::DeploymentStopOnAlarm,
        RollbackEvent::DeploymentStopOnRequest,
    ];

    /// `DEPLOYMENT_FAILURE`, `DEPLOYMENT_STOP_ON_ALARM` or `DEPLOYMENT_STOP_ON_REQUEST`.
    pub fn id(self) -> &'static str {
        match self {
            RollbackEvent::DeploymentFailure => "DEPLOYMENT_FAILURE",
            RollbackEvent::DeploymentStopOnAlarm => "DEPLOYMENT_STOP_ON_ALARM",
            RollbackEvent::DeploymentStopOnRequest => "DEPLOYMENT_STOP_ON_REQUEST",
        }
    }

    /// The event named `id`.
    pub fn from_id(id: &str) -> Option<RollbackEvent> {
        RollbackEvent::ALL.into_iter().find(|e| e.id() == id)
    }
}

/// `deploymentStyle.deploymentType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum StyleType {
    /// `IN_PLACE`.
    InPlace,
    /// `BLUE_GREEN`.
    BlueGreen,
}

/// `deploymentReadyOption.actionOnTimeout`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "SCREAMING_SNAKE_CASE")
)]
pub enum ReadyAction {
    /// Reroute as soon as the replacement is ready.
    #[default]
    ContinueDeployment,
    /// Wait for a manual `ContinueDeployment`; stop the deployment when the wait runs out.
    StopDeployment,
}

/// `terminateBlueInstancesOnDeploymentSuccess.action`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "SCREAMING_SNAKE_CASE")
)]
pub enum TerminationAction {
    /// Terminate the original instances (remove the original task set) after the wait.
    #[default]
    Terminate,
    /// Deregister the original instances and leave them running.
    KeepAlive,
}

/// `greenFleetProvisioningOption.action`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "SCREAMING_SNAKE_CASE")
)]
pub enum GreenFleet {
    /// Use instances that already exist.
    #[default]
    DiscoverExisting,
    /// Copy the Auto Scaling group to create the replacement fleet.
    CopyAutoScalingGroup,
}

/// What the simulator reads of a deployment group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default)
)]
pub struct Group {
    /// `deploymentGroupName`.
    pub name: Option<String>,
    /// The platform its keys tell, when they do.
    pub platform: Option<Platform>,
    /// `deploymentConfigName`.
    pub config_name: Option<String>,
    /// `deploymentStyle.deploymentType`.
    pub deployment_type: Option<StyleType>,
    /// `deploymentStyle.deploymentOption` (`WITH_TRAFFIC_CONTROL` is `true`).
    pub traffic_control: Option<bool>,
    /// Whether the group names a load balancer, target groups or a target group pair.
    pub load_balancer: bool,
    /// ECS: whether a target group pair has a test listener.
    pub test_listener: bool,
    /// ECS: whether a listener is a Network Load Balancer's.
    pub network_load_balancer: bool,
    /// `alarmConfiguration.enabled`.
    pub alarms_enabled: bool,
    /// `alarmConfiguration.alarms[].name`.
    pub alarms: Vec<String>,
    /// `alarmConfiguration.ignorePollAlarmFailure`.
    pub ignore_poll_alarm_failure: bool,
    /// `autoRollbackConfiguration.enabled`.
    pub rollback_enabled: bool,
    /// `autoRollbackConfiguration.events`.
    pub rollback_events: Vec<RollbackEvent>,
    /// `deploymentReadyOption.actionOnTimeout`.
    pub ready_action: ReadyAction,
    /// `deploymentReadyOption.waitTimeInMinutes`.
    pub ready_wait_minutes: u32,
    /// `terminateBlueInstancesOnDeploymentSuccess.action`.
    pub termination_action: TerminationAction,
    /// `terminateBlueInstancesOnDeploymentSuccess.terminationWaitTimeInMinutes`.
    pub termination_wait_minutes: Option<u32>,
    /// `greenFleetProvisioningOption.action`.
    pub green_fleet: GreenFleet,
}

impl Group {
    /// Whether a rollback runs on `event`.
    pub fn rolls_back_on(&self, event: RollbackEvent) -> bool {
        self.rollback_enabled && self.rollback_events.contains(&event)
    }

    /// Whether alarms are watched (enabled, with at least one alarm).
    pub fn watches_alarms(&self) -> bool {
        self.alarms_enabled && !self.alarms.is_empty()
    }
}
