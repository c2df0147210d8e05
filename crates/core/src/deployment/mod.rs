//! CodeDeploy deployments: what the `deployment-group` and `deployment-config` kinds share, and
//! the deployment simulator.
//!
//! - [`config`]: the predefined configurations (reference C1) and the resolved [`Config`] any
//!   configuration becomes.
//! - [`read`]: how CodeDeploy documents are read in their two dialects (API JSON, CloudFormation).
//! - [`group`]: the settings of a deployment group the simulator reads.
//! - [`names`]: CodeDeploy's name rules.
//! - [`simulate`](mod@simulate): the deployment simulator ([`simulate()`]).

pub mod config;
pub mod group;
pub mod names;
pub mod read;
pub mod simulate;

pub use config::{Config, MinimumHealthyHosts, PREDEFINED, TrafficRouting, ZonalConfig};
pub use group::{GreenFleet, Group, ReadyAction, RollbackEvent, StyleType, TerminationAction};
pub use simulate::{DeploymentReport, Scenario, simulate};
