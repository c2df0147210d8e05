//! The deployment-group model: each group of a document (an API input or output, a partial
//! document, or a CloudFormation resource), lowered once with a span on every part, shared by the
//! `DEP1…` rules and the simulator ([`DeploymentGroup::settings`]).

use crate::appspec::Platform;
use crate::deployment::config::find_predefined;
use crate::deployment::group::{
    GreenFleet, Group, ReadyAction, RollbackEvent, StyleType, TerminationAction,
};
use crate::deployment::read::{
    self, DocumentKind, Field, Form, List, Located, Obj, ReadFacts, Shape, Ty, api, both, cfn,
    output,
};
use crate::deployment_config::DeploymentConfigs;
use crate::source::{Node, Span};

pub use crate::deployment::read::Dialect;

/// `autoRollbackConfiguration.events` values.
pub(crate) const ROLLBACK_EVENTS: &[&str] = &[
    "DEPLOYMENT_FAILURE",
    "DEPLOYMENT_STOP_ON_ALARM",
    "DEPLOYMENT_STOP_ON_REQUEST",
];
/// `deploymentStyle.deploymentType` values.
pub(crate) const DEPLOYMENT_TYPES: &[&str] = &["IN_PLACE", "BLUE_GREEN"];
/// `deploymentStyle.deploymentOption` values.
pub(crate) const DEPLOYMENT_OPTIONS: &[&str] = &["WITH_TRAFFIC_CONTROL", "WITHOUT_TRAFFIC_CONTROL"];
/// `terminateBlueInstancesOnDeploymentSuccess.action` values.
pub(crate) const TERMINATION_ACTIONS: &[&str] = &["TERMINATE", "KEEP_ALIVE"];
/// `deploymentReadyOption.actionOnTimeout` values.
pub(crate) const READY_ACTIONS: &[&str] = &["CONTINUE_DEPLOYMENT", "STOP_DEPLOYMENT"];
/// `greenFleetProvisioningOption.action` values.
pub(crate) const GREEN_FLEET_ACTIONS: &[&str] = &["DISCOVER_EXISTING", "COPY_AUTO_SCALING_GROUP"];
/// Tag filter `Type` values.
pub(crate) const TAG_FILTER_TYPES: &[&str] = &["KEY_ONLY", "VALUE_ONLY", "KEY_AND_VALUE"];
/// `outdatedInstancesStrategy` values.
pub(crate) const OUTDATED_STRATEGIES: &[&str] = &["UPDATE", "IGNORE"];
/// `triggerEvents` values.
pub(crate) const TRIGGER_EVENTS: &[&str] = &[
    "DeploymentStart",
    "DeploymentSuccess",
    "DeploymentFailure",
    "DeploymentStop",
    "DeploymentRollback",
    "DeploymentReady",
    "InstanceStart",
    "InstanceSuccess",
    "InstanceFailure",
    "InstanceReady",
];
/// `computePlatform` values of outputs.
pub(crate) const COMPUTE_PLATFORMS: &[&str] = &["Server", "Lambda", "ECS", "Kubernetes"];

static ALARM: Shape = Shape {
    what: "alarm",
    fields: &[both(
        "name",
        "Name",
        Ty::Str,
        "the name of a CloudWatch alarm to watch",
    )],
};

static ALARM_CONFIG: Shape = Shape {
    what: "alarm configuration",
    fields: &[
        both(
            "enabled",
            "Enabled",
            Ty::Bool,
            "whether the deployment stops when an alarm goes off",
        ),
        both(
            "ignorePollAlarmFailure",
            "IgnorePollAlarmFailure",
            Ty::Bool,
            "whether the deployment goes on when the alarms' state cannot be read from CloudWatch",
        ),
        both(
            "alarms",
            "Alarms",
            Ty::List(&Ty::Object(&ALARM)),
            "the CloudWatch alarms to watch (at most 10)",
        ),
    ],
};

static ROLLBACK: Shape = Shape {
    what: "automatic rollback configuration",
    fields: &[
        both(
            "enabled",
            "Enabled",
            Ty::Bool,
            "whether a failed or stopped deployment rolls back to the last good revision",
        ),
        both(
            "events",
            "Events",
            Ty::List(&Ty::Enum(ROLLBACK_EVENTS)),
            "the events that roll the deployment back: DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM, DEPLOYMENT_STOP_ON_REQUEST",
        ),
    ],
};

static STYLE: Shape = Shape {
    what: "deployment style",
    fields: &[
        both(
            "deploymentType",
            "DeploymentType",
            Ty::Enum(DEPLOYMENT_TYPES),
            "IN_PLACE (replace the revision on the same instances) or BLUE_GREEN (on a replacement fleet or task set)",
        ),
        both(
            "deploymentOption",
            "DeploymentOption",
            Ty::Enum(DEPLOYMENT_OPTIONS),
            "WITH_TRAFFIC_CONTROL (route traffic through the load balancer) or WITHOUT_TRAFFIC_CONTROL",
        ),
    ],
};

static TERMINATE: Shape = Shape {
    what: "blue instance termination option",
    fields: &[
        both(
            "action",
            "Action",
            Ty::Enum(TERMINATION_ACTIONS),
            "TERMINATE the original instances after the wait, or KEEP_ALIVE (deregister them and leave them running)",
        ),
        both(
            "terminationWaitTimeInMinutes",
            "TerminationWaitTimeInMinutes",
            Ty::Int,
            "minutes to wait after a successful blue/green deployment before terminating the original instances (at most 2880)",
        ),
    ],
};

static READY: Shape = Shape {
    what: "deployment ready option",
    fields: &[
        both(
            "actionOnTimeout",
            "ActionOnTimeout",
            Ty::Enum(READY_ACTIONS),
            "CONTINUE_DEPLOYMENT (reroute traffic as soon as the replacement is ready) or STOP_DEPLOYMENT (wait for a manual reroute)",
        ),
        both(
            "waitTimeInMinutes",
            "WaitTimeInMinutes",
            Ty::Int,
            "minutes to wait for a manual reroute before the deployment stops (STOP_DEPLOYMENT only)",
        ),
    ],
};

static GREEN_FLEET: Shape = Shape {
    what: "green fleet provisioning option",
    fields: &[both(
        "action",
        "Action",
        Ty::Enum(GREEN_FLEET_ACTIONS),
        "DISCOVER_EXISTING (use instances that already exist) or COPY_AUTO_SCALING_GROUP (copy the Auto Scaling group)",
    )],
};

static BLUE_GREEN: Shape = Shape {
    what: "blue/green deployment configuration",
    fields: &[
        both(
            "terminateBlueInstancesOnDeploymentSuccess",
            "TerminateBlueInstancesOnDeploymentSuccess",
            Ty::Object(&TERMINATE),
            "what happens to the original instances after a successful blue/green deployment",
        ),
        both(
            "deploymentReadyOption",
            "DeploymentReadyOption",
            Ty::Object(&READY),
            "when traffic moves to the replacement environment",
        ),
        both(
            "greenFleetProvisioningOption",
            "GreenFleetProvisioningOption",
            Ty::Object(&GREEN_FLEET),
            "how the replacement fleet of a blue/green EC2 deployment is provisioned",
        ),
    ],
};

static NAMED: Shape = Shape {
    what: "load balancer or target group",
    fields: &[both(
        "name",
        "Name",
        Ty::Str,
        "the name of the load balancer or target group",
    )],
};

static ROUTE: Shape = Shape {
    what: "traffic route",
    fields: &[both(
        "listenerArns",
        "ListenerArns",
        Ty::List(&Ty::Str),
        "the ARN of the listener that routes this traffic (one listener)",
    )],
};

static PAIR: Shape = Shape {
    what: "target group pair",
    fields: &[
        both(
            "targetGroups",
            "TargetGroups",
            Ty::List(&Ty::Object(&NAMED)),
            "the two target groups (original and replacement) of an ECS blue/green deployment",
        ),
        both(
            "prodTrafficRoute",
            "ProdTrafficRoute",
            Ty::Object(&ROUTE),
            "the listener that serves production traffic",
        ),
        both(
            "testTrafficRoute",
            "TestTrafficRoute",
            Ty::Object(&ROUTE),
            "the listener that serves test traffic to the replacement task set before rerouting",
        ),
    ],
};

static LOAD_BALANCER: Shape = Shape {
    what: "load balancer information",
    fields: &[
        both(
            "elbInfoList",
            "ElbInfoList",
            Ty::List(&Ty::Object(&NAMED)),
            "Classic Load Balancers of an EC2/on-premises deployment",
        ),
        both(
            "targetGroupInfoList",
            "TargetGroupInfoList",
            Ty::List(&Ty::Object(&NAMED)),
            "target groups of an EC2/on-premises deployment",
        ),
        both(
            "targetGroupPairInfoList",
            "TargetGroupPairInfoList",
            Ty::List(&Ty::Object(&PAIR)),
            "the target group pair and listeners of an ECS blue/green deployment",
        ),
    ],
};

static TAG_FILTER: Shape = Shape {
    what: "tag filter",
    fields: &[
        both("Key", "Key", Ty::Str, "the tag key"),
        both("Value", "Value", Ty::Str, "the tag value"),
        both(
            "Type",
            "Type",
            Ty::Enum(TAG_FILTER_TYPES),
            "KEY_ONLY, VALUE_ONLY or KEY_AND_VALUE",
        ),
    ],
};

static EC2_TAG_GROUP: Shape = Shape {
    what: "EC2 tag group",
    fields: &[cfn(
        "Ec2TagGroup",
        Ty::List(&Ty::Object(&TAG_FILTER)),
        "tag filters of one group (an instance must match one filter of every group)",
    )],
};

static EC2_TAG_SET: Shape = Shape {
    what: "EC2 tag set",
    fields: &[
        api(
            "ec2TagSetList",
            Ty::List(&Ty::List(&Ty::Object(&TAG_FILTER))),
            "groups of tag filters (an instance must match one filter of every group)",
        ),
        cfn(
            "Ec2TagSetList",
            Ty::List(&Ty::Object(&EC2_TAG_GROUP)),
            "groups of tag filters (an instance must match one filter of every group)",
        ),
    ],
};

static ON_PREMISES_TAG_GROUP: Shape = Shape {
    what: "on-premises tag group",
    fields: &[cfn(
        "OnPremisesTagGroup",
        Ty::List(&Ty::Object(&TAG_FILTER)),
        "tag filters of one group (an instance must match one filter of every group)",
    )],
};

static ON_PREMISES_TAG_SET: Shape = Shape {
    what: "on-premises tag set",
    fields: &[
        api(
            "onPremisesTagSetList",
            Ty::List(&Ty::List(&Ty::Object(&TAG_FILTER))),
            "groups of tag filters (an instance must match one filter of every group)",
        ),
        cfn(
            "OnPremisesTagSetList",
            Ty::List(&Ty::Object(&ON_PREMISES_TAG_GROUP)),
            "groups of tag filters (an instance must match one filter of every group)",
        ),
    ],
};

static ECS_SERVICE: Shape = Shape {
    what: "ECS service",
    fields: &[
        both(
            "serviceName",
            "ServiceName",
            Ty::Str,
            "the ECS service to deploy",
        ),
        both(
            "clusterName",
            "ClusterName",
            Ty::Str,
            "the cluster the service runs in",
        ),
    ],
};

static TRIGGER: Shape = Shape {
    what: "trigger",
    fields: &[
        both("triggerName", "TriggerName", Ty::Str, "the trigger's name"),
        both(
            "triggerTargetArn",
            "TriggerTargetArn",
            Ty::Str,
            "the SNS topic notified",
        ),
        both(
            "triggerEvents",
            "TriggerEvents",
            Ty::List(&Ty::Enum(TRIGGER_EVENTS)),
            "the deployment and instance events that notify the topic",
        ),
    ],
};

static TAG: Shape = Shape {
    what: "tag",
    fields: &[
        both("Key", "Key", Ty::Str, "the tag key"),
        both("Value", "Value", Ty::Str, "the tag value"),
    ],
};

static AUTO_SCALING_GROUP: Shape = Shape {
    what: "Auto Scaling group",
    fields: &[
        output("name", Ty::Str, "the Auto Scaling group's name"),
        output(
            "hook",
            Ty::Str,
            "the lifecycle hook CodeDeploy installed for launches",
        ),
        output(
            "terminationHook",
            Ty::Str,
            "the lifecycle hook CodeDeploy installed for terminations",
        ),
    ],
};

static CFN_DEPLOYMENT: Shape = Shape {
    what: "deployment",
    fields: &[
        cfn(
            "Description",
            Ty::Str,
            "a description of the deployment CloudFormation starts",
        ),
        cfn(
            "IgnoreApplicationStopFailures",
            Ty::Bool,
            "whether a failed ApplicationStop hook lets the deployment go on",
        ),
        cfn(
            "Revision",
            Ty::Any,
            "the revision to deploy (S3 or GitHub location)",
        ),
    ],
};

/// The keys of a deployment group.
pub(crate) static GROUP: Shape = Shape {
    what: "deployment group",
    fields: &[
        both(
            "applicationName",
            "ApplicationName",
            Ty::Str,
            "the CodeDeploy application the group belongs to",
        ),
        both(
            "deploymentGroupName",
            "DeploymentGroupName",
            Ty::Str,
            "the group's name (unique in its application, at most 100 characters)",
        ),
        api(
            "currentDeploymentGroupName",
            Ty::Str,
            "UpdateDeploymentGroup: the name of the group to change",
        ),
        api(
            "newDeploymentGroupName",
            Ty::Str,
            "UpdateDeploymentGroup: the group's new name",
        ),
        both(
            "deploymentConfigName",
            "DeploymentConfigName",
            Ty::Str,
            "the deployment configuration (when absent: CodeDeployDefault.OneAtATime for EC2/on-premises; for ECS and Lambda the playground assumes the all-at-once one)",
        ),
        both(
            "ec2TagFilters",
            "Ec2TagFilters",
            Ty::List(&Ty::Object(&TAG_FILTER)),
            "EC2 instances with any of these tags are deployed to",
        ),
        both(
            "onPremisesInstanceTagFilters",
            "OnPremisesInstanceTagFilters",
            Ty::List(&Ty::Object(&TAG_FILTER)),
            "on-premises instances with any of these tags are deployed to",
        ),
        both(
            "autoScalingGroups",
            "AutoScalingGroups",
            Ty::List(&Ty::StrOrObject(&AUTO_SCALING_GROUP)),
            "Auto Scaling groups whose instances are deployed to",
        ),
        both(
            "serviceRoleArn",
            "ServiceRoleArn",
            Ty::Str,
            "the service role CodeDeploy acts with",
        ),
        both(
            "triggerConfigurations",
            "TriggerConfigurations",
            Ty::List(&Ty::Object(&TRIGGER)),
            "SNS notifications of deployment and instance events",
        ),
        both(
            "alarmConfiguration",
            "AlarmConfiguration",
            Ty::Object(&ALARM_CONFIG),
            "CloudWatch alarms that stop a deployment",
        ),
        both(
            "autoRollbackConfiguration",
            "AutoRollbackConfiguration",
            Ty::Object(&ROLLBACK),
            "when a deployment rolls back automatically",
        ),
        both(
            "outdatedInstancesStrategy",
            "OutdatedInstancesStrategy",
            Ty::Enum(OUTDATED_STRATEGIES),
            "UPDATE (deploy the last revision to instances launched during a deployment) or IGNORE",
        ),
        both(
            "deploymentStyle",
            "DeploymentStyle",
            Ty::Object(&STYLE),
            "in-place or blue/green, with or without traffic control",
        ),
        both(
            "blueGreenDeploymentConfiguration",
            "BlueGreenDeploymentConfiguration",
            Ty::Object(&BLUE_GREEN),
            "blue/green settings: provisioning, rerouting, termination",
        ),
        both(
            "loadBalancerInfo",
            "LoadBalancerInfo",
            Ty::Object(&LOAD_BALANCER),
            "the load balancer, target groups or target group pair traffic goes through",
        ),
        both(
            "ec2TagSet",
            "Ec2TagSet",
            Ty::Object(&EC2_TAG_SET),
            "groups of EC2 tag filters (use instead of ec2TagFilters)",
        ),
        both(
            "ecsServices",
            "ECSServices",
            Ty::List(&Ty::Object(&ECS_SERVICE)),
            "the ECS service to deploy (one)",
        ),
        both(
            "onPremisesTagSet",
            "OnPremisesTagSet",
            Ty::Object(&ON_PREMISES_TAG_SET),
            "groups of on-premises tag filters (use instead of onPremisesInstanceTagFilters)",
        ),
        both(
            "tags",
            "Tags",
            Ty::List(&Ty::Object(&TAG)),
            "tags of the deployment group",
        ),
        both(
            "terminationHookEnabled",
            "TerminationHookEnabled",
            Ty::Bool,
            "whether CodeDeploy installs a termination hook in the Auto Scaling groups",
        ),
        cfn(
            "Deployment",
            Ty::Object(&CFN_DEPLOYMENT),
            "a deployment CloudFormation starts when it creates the group",
        ),
        output(
            "deploymentGroupId",
            Ty::Str,
            "output of get-deployment-group: the group's id",
        ),
        output(
            "computePlatform",
            Ty::Enum(COMPUTE_PLATFORMS),
            "output of get-deployment-group: Server, Lambda, ECS or Kubernetes",
        ),
        output(
            "targetRevision",
            Ty::Any,
            "output of get-deployment-group: the revision the group's instances should have",
        ),
        output(
            "lastSuccessfulDeployment",
            Ty::Any,
            "output of get-deployment-group: the last successful deployment",
        ),
        output(
            "lastAttemptedDeployment",
            Ty::Any,
            "output of get-deployment-group: the last attempted deployment",
        ),
    ],
};

/// How deployment groups are written.
pub(crate) static DOCUMENT: DocumentKind = DocumentKind {
    wrapper: "deploymentGroupInfo",
    batch_wrapper: Some("deploymentGroupsInfo"),
    resource_type: "AWS::CodeDeploy::DeploymentGroup",
    shape: &GROUP,
};

/// Every deployment group of a document, and the deployment configurations of its template.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeploymentGroups {
    /// The groups, in document order.
    pub items: Vec<DeploymentGroup>,
    /// `AWS::CodeDeploy::DeploymentConfig` resources of the same template (checked with the
    /// `DEP0…` rules, and used when a group names one with `!Ref`).
    pub configs: DeploymentConfigs,
    /// Whether the document is a CloudFormation template (or a map of resources).
    pub template: bool,
    /// Whether the document is an object.
    pub object: bool,
    /// Whether the document could be read at all.
    pub readable: bool,
    /// Where a finding about the whole document points (its first key).
    pub anchor: Span,
}

/// A list field: where it is and how long it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListPart {
    /// The key.
    pub key: Span,
    /// The value.
    pub span: Span,
    /// How many items.
    pub len: usize,
    /// Whether it is an intrinsic function (its length is unknown).
    pub opaque: bool,
}

impl ListPart {
    fn of(list: List<'_>) -> ListPart {
        ListPart {
            key: list.key,
            span: list.span,
            len: list.items.len(),
            opaque: list.opaque,
        }
    }

    /// Whether the list has items (or may have: an intrinsic).
    pub fn filled(&self) -> bool {
        self.opaque || self.len > 0
    }
}

/// `deploymentStyle`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StylePart {
    /// The key.
    pub key: Span,
    /// `deploymentType`.
    pub deployment_type: Option<Field<String>>,
    /// `deploymentOption`.
    pub option: Option<Field<String>>,
}

/// An object with an action and a wait (`terminateBlueInstancesOnDeploymentSuccess`,
/// `deploymentReadyOption`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionPart {
    /// The key.
    pub key: Span,
    /// `action` / `actionOnTimeout`.
    pub action: Option<Field<String>>,
    /// `terminationWaitTimeInMinutes` / `waitTimeInMinutes`.
    pub wait: Option<Field<i64>>,
}

/// `blueGreenDeploymentConfiguration`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlueGreenPart {
    /// The key.
    pub key: Span,
    /// `terminateBlueInstancesOnDeploymentSuccess`.
    pub terminate: Option<ActionPart>,
    /// `deploymentReadyOption`.
    pub ready: Option<ActionPart>,
    /// `greenFleetProvisioningOption`.
    pub green_fleet: Option<ActionPart>,
}

/// A traffic route of a target group pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoutePart {
    /// The key.
    pub key: Span,
    /// `listenerArns`.
    pub listeners: Vec<Field<String>>,
    /// The list of listeners (`None` when absent).
    pub list: Option<ListPart>,
}

/// One target group pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairPart {
    /// The pair object.
    pub span: Span,
    /// Its first key (where findings about the pair point).
    pub anchor: Span,
    /// `targetGroups`.
    pub target_groups: Option<ListPart>,
    /// `prodTrafficRoute`.
    pub prod: Option<RoutePart>,
    /// `testTrafficRoute`.
    pub test: Option<RoutePart>,
    /// Whether a part is an intrinsic function.
    pub opaque: bool,
}

/// `loadBalancerInfo`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadBalancerPart {
    /// The key.
    pub key: Span,
    /// `elbInfoList`.
    pub elbs: Option<ListPart>,
    /// `targetGroupInfoList`.
    pub target_groups: Option<ListPart>,
    /// `targetGroupPairInfoList`.
    pub pairs_list: Option<ListPart>,
    /// The pairs.
    pub pairs: Vec<PairPart>,
}

impl LoadBalancerPart {
    /// Whether it names a load balancer or target group for instances (Classic or target
    /// groups: EC2/on-premises).
    pub fn for_instances(&self) -> bool {
        self.elbs.is_some_and(|l| l.filled()) || self.target_groups.is_some_and(|l| l.filled())
    }

    /// Every production and test listener ARN of the pairs.
    pub fn listeners(&self) -> impl Iterator<Item = &Field<String>> {
        self.pairs.iter().flat_map(|p| {
            p.prod
                .iter()
                .chain(p.test.iter())
                .flat_map(|r| r.listeners.iter())
        })
    }

    /// Whether a pair has a test traffic route with a listener.
    pub fn test_listener(&self) -> bool {
        self.pairs.iter().any(|p| {
            p.test
                .as_ref()
                .is_some_and(|t| t.list.is_some_and(|l| l.filled()))
        })
    }
}

/// Whether a listener ARN is a Network Load Balancer's (`…:listener/net/…`).
pub fn is_network_listener(arn: &str) -> bool {
    arn.contains(":listener/net/")
}

/// One alarm of `alarmConfiguration.alarms`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlarmItem {
    /// The item.
    pub span: Span,
    /// `name`.
    pub name: Option<Field<String>>,
}

/// `alarmConfiguration`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlarmPart {
    /// The key.
    pub key: Span,
    /// `enabled`.
    pub enabled: Option<Field<bool>>,
    /// `ignorePollAlarmFailure`.
    pub ignore_poll: Option<Field<bool>>,
    /// `alarms`.
    pub list: Option<ListPart>,
    /// The alarms.
    pub alarms: Vec<AlarmItem>,
}

impl AlarmPart {
    /// Whether alarms are watched: `enabled` is true, or (CloudFormation) an intrinsic.
    pub fn watched(&self) -> bool {
        self.enabled
            .as_ref()
            .is_some_and(|e| e.known() == Some(&true) || e.is_opaque())
    }

    /// The known alarm names.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.alarms
            .iter()
            .filter_map(|a| a.name.as_ref().and_then(|n| n.text()))
    }
}

/// `autoRollbackConfiguration`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RollbackPart {
    /// The key.
    pub key: Span,
    /// `enabled`.
    pub enabled: Option<Field<bool>>,
    /// `events`.
    pub list: Option<ListPart>,
    /// The events.
    pub events: Vec<Field<String>>,
}

impl RollbackPart {
    /// Whether rollback is on: `enabled` is true or an intrinsic.
    pub fn on(&self) -> bool {
        self.enabled
            .as_ref()
            .is_some_and(|e| e.known() == Some(&true) || e.is_opaque())
    }

    /// Whether `event` is listed.
    pub fn has(&self, event: &str) -> bool {
        self.events.iter().any(|e| e.text() == Some(event))
    }

    /// Whether the list of events may hold anything (an intrinsic or an intrinsic item).
    pub fn opaque(&self) -> bool {
        self.list.is_some_and(|l| l.opaque) || self.events.iter().any(Field::is_opaque)
    }
}

/// One deployment group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeploymentGroup {
    /// How it is written.
    pub dialect: Dialect,
    /// Input or output (CloudFormation: input).
    pub form: Form,
    /// The CloudFormation resource's logical id and its key.
    pub resource: Option<(String, Span)>,
    /// Where findings about the whole group point.
    pub anchor: Span,
    /// The object.
    pub span: Span,
    /// Whether the object has no key at all.
    pub empty: bool,
    /// `applicationName`.
    pub application_name: Option<Field<String>>,
    /// `deploymentGroupName`, `currentDeploymentGroupName` and `newDeploymentGroupName`.
    pub names: Vec<Field<String>>,
    /// `deploymentConfigName`.
    pub config_name: Option<Field<String>>,
    /// The logical id of a template resource `deploymentConfigName` refers to (`!Ref X`).
    pub config_ref: Option<String>,
    /// `computePlatform` (outputs).
    pub compute_platform: Option<Field<String>>,
    /// CloudFormation: the `ComputePlatform` of the template's `AWS::CodeDeploy::Application`
    /// that `ApplicationName` refers to (`!Ref App`).
    pub application_platform: Option<Platform>,
    /// `deploymentStyle`.
    pub style: Option<StylePart>,
    /// `blueGreenDeploymentConfiguration`.
    pub blue_green: Option<BlueGreenPart>,
    /// `loadBalancerInfo`.
    pub load_balancer: Option<LoadBalancerPart>,
    /// Whether `loadBalancerInfo` is an intrinsic function.
    pub load_balancer_opaque: bool,
    /// `alarmConfiguration`.
    pub alarms: Option<AlarmPart>,
    /// `autoRollbackConfiguration`.
    pub rollback: Option<RollbackPart>,
    /// `ecsServices`.
    pub ecs_services: Option<ListPart>,
    /// `autoScalingGroups`.
    pub auto_scaling_groups: Option<ListPart>,
    /// `triggerConfigurations`.
    pub triggers: Option<ListPart>,
    /// `ec2TagFilters`.
    pub ec2_tag_filters: Option<ListPart>,
    /// `ec2TagSet`'s list of tag groups.
    pub ec2_tag_set: Option<ListPart>,
    /// `onPremisesInstanceTagFilters`.
    pub on_premises_tag_filters: Option<ListPart>,
    /// `onPremisesTagSet`'s list of tag groups.
    pub on_premises_tag_set: Option<ListPart>,
}

impl DeploymentGroups {
    /// The configuration of this template that `group` names with `!Ref` (`None` when it names
    /// none, or one the template does not hold); `Err` when that configuration cannot be
    /// resolved, with why.
    pub fn own_config(
        &self,
        group: &DeploymentGroup,
    ) -> Option<Result<crate::deployment::Config, String>> {
        let target = group.config_ref.as_ref()?;
        let config = self
            .configs
            .items
            .iter()
            .find(|c| c.resource.as_ref().is_some_and(|r| &r.0 == target))?;
        Some(config.resolve())
    }

    /// The configuration a deployment of `group` runs with when nobody chooses another: the
    /// template's own configuration the group names with `!Ref`, else the predefined one it
    /// names, else the default of `platform` (or of the group's platform; EC2/on-premises when
    /// neither says). `Err` when the group's own configuration cannot be resolved, with why.
    /// The CLI, the playground's engine and the npm package all choose with this.
    pub fn config_choice(
        &self,
        group: &DeploymentGroup,
        platform: Option<Platform>,
    ) -> Result<ConfigChoice, String> {
        if let Some(own) = self.own_config(group) {
            return own.map(ConfigChoice::Named);
        }
        let settings = group.settings();
        let default = || {
            crate::deployment::Config::default_for(
                platform.or(settings.platform).unwrap_or(Platform::Ec2),
            )
        };
        Ok(match settings.config_name {
            Some(name) => match crate::deployment::Config::predefined(&name) {
                Some(config) => ConfigChoice::Named(config),
                None => ConfigChoice::Custom {
                    name,
                    stand_in: default(),
                },
            },
            None => ConfigChoice::Default(default()),
        })
    }
}

/// The configuration a deployment group's deployment runs with ([`DeploymentGroups::config_choice`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigChoice {
    /// The configuration the group names: its template's own, or a predefined one.
    Named(crate::deployment::Config),
    /// The group names a custom configuration its file does not hold (CodeDeploy reads it from
    /// the account): the platform's default stands in for it.
    Custom {
        /// The name the group gives.
        name: String,
        /// The platform's default configuration.
        stand_in: crate::deployment::Config,
    },
    /// The group names none: the platform's default.
    Default(crate::deployment::Config),
}

impl ConfigChoice {
    /// The configuration to simulate.
    pub fn into_config(self) -> crate::deployment::Config {
        match self {
            ConfigChoice::Named(c) | ConfigChoice::Default(c) => c,
            ConfigChoice::Custom { stand_in, .. } => stand_in,
        }
    }
}

impl DeploymentGroup {
    /// The key named `api` in the API and `cfn` in CloudFormation, as this group writes it.
    pub fn key(&self, api: &'static str, cfn: &'static str) -> &'static str {
        match self.dialect {
            Dialect::Api => api,
            Dialect::Cfn => cfn,
        }
    }

    /// Whether the document is an input (create or update call, partial, CloudFormation).
    pub fn is_input(&self) -> bool {
        self.form == Form::Input
    }

    /// The platform the group's own keys tell: `computePlatform` (outputs), ECS services, or
    /// instances (EC2 tags, Auto Scaling groups, on-premises tags, a Classic load balancer or
    /// target groups, green fleet provisioning). `None` when nothing tells (Lambda groups have no
    /// key of their own).
    pub fn platform(&self) -> Option<Platform> {
        if let Some(p) = self
            .compute_platform
            .as_ref()
            .and_then(|f| f.text())
            .and_then(crate::deployment_config::model::platform_named)
            .or(self.application_platform)
        {
            return Some(p);
        }
        if self.ecs_services.is_some_and(|l| l.filled()) {
            return Some(Platform::Ecs);
        }
        let instances = [
            self.auto_scaling_groups,
            self.ec2_tag_filters,
            self.ec2_tag_set,
            self.on_premises_tag_filters,
            self.on_premises_tag_set,
        ]
        .iter()
        .flatten()
        .any(ListPart::filled)
            || self
                .load_balancer
                .as_ref()
                .is_some_and(LoadBalancerPart::for_instances)
            || self
                .blue_green
                .as_ref()
                .is_some_and(|b| b.green_fleet.is_some());
        instances.then_some(Platform::Ec2)
    }

    /// The platform, also from a predefined configuration's name when the keys do not tell.
    pub fn platform_or_config(&self) -> Option<Platform> {
        self.platform().or_else(|| {
            self.config_name
                .as_ref()
                .and_then(|c| c.text())
                .and_then(find_predefined)
                .map(|p| p.platform)
        })
    }

    /// The deployment type as written (`IN_PLACE`, `BLUE_GREEN`).
    pub fn deployment_type(&self) -> Option<&str> {
        self.style
            .as_ref()
            .and_then(|s| s.deployment_type.as_ref())
            .and_then(|t| t.text())
    }

    /// The deployment option as written.
    pub fn deployment_option(&self) -> Option<&str> {
        self.style
            .as_ref()
            .and_then(|s| s.option.as_ref())
            .and_then(|t| t.text())
    }

    /// The settings the simulator reads. Unknown parts (intrinsic functions, invalid values)
    /// become the defaults CodeDeploy uses.
    pub fn settings(&self) -> Group {
        let platform = self.platform_or_config();
        let lb = self.load_balancer.as_ref();
        let known =
            |f: &Option<Field<String>>| f.as_ref().and_then(|v| v.text()).map(str::to_string);
        let bg = self.blue_green.as_ref();
        let wait = |p: Option<&ActionPart>| {
            p.and_then(|a| a.wait.as_ref())
                .and_then(|w| w.known())
                .and_then(|v| u32::try_from(*v).ok())
        };
        fn action(p: Option<&ActionPart>) -> Option<&str> {
            p.and_then(|a| a.action.as_ref()).and_then(|a| a.text())
        }
        Group {
            name: self
                .names
                .first()
                .and_then(|n| n.text())
                .map(str::to_string),
            platform,
            config_name: known(&self.config_name),
            deployment_type: match self.deployment_type() {
                Some("BLUE_GREEN") => Some(StyleType::BlueGreen),
                Some("IN_PLACE") => Some(StyleType::InPlace),
                _ => None,
            },
            traffic_control: match self.deployment_option() {
                Some("WITH_TRAFFIC_CONTROL") => Some(true),
                Some("WITHOUT_TRAFFIC_CONTROL") => Some(false),
                _ => None,
            },
            load_balancer: lb.is_some_and(|l| l.for_instances() || !l.pairs.is_empty())
                || self.load_balancer_opaque,
            test_listener: lb.is_some_and(LoadBalancerPart::test_listener),
            network_load_balancer: lb.is_some_and(|l| {
                l.listeners()
                    .any(|f| f.text().is_some_and(is_network_listener))
            }),
            alarms_enabled: self.alarms.as_ref().is_some_and(AlarmPart::watched),
            alarms: self
                .alarms
                .as_ref()
                .map(|a| a.names().map(str::to_string).collect())
                .unwrap_or_default(),
            ignore_poll_alarm_failure: self
                .alarms
                .as_ref()
                .and_then(|a| a.ignore_poll.as_ref())
                .and_then(|f| f.known().copied())
                .unwrap_or(false),
            rollback_enabled: self.rollback.as_ref().is_some_and(RollbackPart::on),
            rollback_events: self
                .rollback
                .as_ref()
                .map(|r| {
                    let mut events: Vec<RollbackEvent> = r
                        .events
                        .iter()
                        .filter_map(|e| e.text().and_then(RollbackEvent::from_id))
                        .collect();
                    events.dedup();
                    events
                })
                .unwrap_or_default(),
            ready_action: match action(bg.and_then(|b| b.ready.as_ref())) {
                Some("STOP_DEPLOYMENT") => ReadyAction::StopDeployment,
                _ => ReadyAction::ContinueDeployment,
            },
            ready_wait_minutes: wait(bg.and_then(|b| b.ready.as_ref())).unwrap_or(0),
            termination_action: match action(bg.and_then(|b| b.terminate.as_ref())) {
                Some("KEEP_ALIVE") => TerminationAction::KeepAlive,
                _ => TerminationAction::Terminate,
            },
            termination_wait_minutes: wait(bg.and_then(|b| b.terminate.as_ref())),
            green_fleet: match action(bg.and_then(|b| b.green_fleet.as_ref())) {
                Some("COPY_AUTO_SCALING_GROUP") => GreenFleet::CopyAutoScalingGroup,
                _ => GreenFleet::DiscoverExisting,
            },
        }
    }
}

/// Lowers every deployment group of a document (walking each against the shape) and the
/// deployment configurations of its template (walked into `config_facts`).
pub(crate) fn lower(
    root: &Node,
    facts: &mut ReadFacts,
    config_facts: &mut ReadFacts,
) -> DeploymentGroups {
    let layout = read::layout(root, &DOCUMENT);
    let anchor = root
        .entries()
        .first()
        .map_or(Span::empty(root.span.start()), |p| p.key.span);
    let items = layout
        .objects
        .iter()
        .take(1000)
        .map(|o| {
            read::walk(o.node, &GROUP, o.dialect, o.form, facts);
            let mut group = lower_one(o);
            if layout.template {
                group.application_platform = application_platform(root, o);
            }
            group
        })
        .collect();
    let configs = if layout.template {
        let config_layout = read::layout(root, &crate::deployment_config::model::DOCUMENT);
        DeploymentConfigs {
            items: crate::deployment_config::model::lower_objects(
                &config_layout.objects,
                config_facts,
            ),
            template: true,
            object: true,
            readable: true,
            anchor,
        }
    } else {
        DeploymentConfigs::default()
    };
    DeploymentGroups {
        items,
        configs,
        template: layout.template,
        object: root.map().is_some(),
        readable: !root.is_invalid(),
        anchor,
    }
}

/// The compute platform of the template's application a group names with `!Ref`.
fn application_platform(root: &Node, o: &Located<'_>) -> Option<Platform> {
    let target = ref_target(o.node.get("ApplicationName")?)?;
    let resources = root.get("Resources").unwrap_or(root);
    let app = resources.get(&target)?;
    if app.get("Type").and_then(Node::as_str) != Some("AWS::CodeDeploy::Application") {
        return None;
    }
    // An application without `ComputePlatform` is a `Server` application.
    match app.get("Properties").and_then(|p| p.get("ComputePlatform")) {
        None => Some(Platform::Ec2),
        Some(p) => p
            .as_str()
            .and_then(crate::deployment_config::model::platform_named),
    }
}

fn list(obj: Obj<'_>, api: &str, cfn: &str) -> Option<ListPart> {
    obj.list(api, cfn).map(ListPart::of)
}

fn action_part(
    obj: Obj<'_>,
    api: &str,
    cfn: &str,
    action: [&str; 2],
    wait: [&str; 2],
) -> Option<ActionPart> {
    let (o, pair) = obj.object(api, cfn)?;
    Some(ActionPart {
        key: pair.key.span,
        action: o.string(action[0], action[1]),
        wait: o.int(wait[0], wait[1]),
    })
}

fn route(obj: Obj<'_>, api: &str, cfn: &str) -> Option<RoutePart> {
    let (o, pair) = obj.object(api, cfn)?;
    Some(RoutePart {
        key: pair.key.span,
        listeners: o.strings("listenerArns", "ListenerArns"),
        list: list(o, "listenerArns", "ListenerArns"),
    })
}

/// The tag groups of a tag set (`ec2TagSetList` in the API, `Ec2TagSetList` in CloudFormation).
fn tag_set(obj: Obj<'_>, api: &str, cfn: &str, api_list: &str, cfn_list: &str) -> Option<ListPart> {
    let (o, pair) = obj.object(api, cfn)?;
    Some(list(o, api_list, cfn_list).unwrap_or(ListPart {
        key: pair.key.span,
        span: pair.value.span,
        len: 0,
        opaque: false,
    }))
}

fn ref_target(node: &Node) -> Option<String> {
    if node.tag.as_deref() == Some("!Ref") {
        return node.as_str().map(str::to_string);
    }
    node.get("Ref").and_then(Node::as_str).map(str::to_string)
}

fn lower_one(o: &Located<'_>) -> DeploymentGroup {
    let obj = Obj::new(o.node, o.dialect);
    let names = [
        ("deploymentGroupName", "DeploymentGroupName"),
        ("currentDeploymentGroupName", "-"),
        ("newDeploymentGroupName", "-"),
    ]
    .iter()
    .filter_map(|(a, c)| obj.string(a, c))
    .collect();
    let load_balancer = obj
        .object("loadBalancerInfo", "LoadBalancerInfo")
        .map(|(lb, pair)| LoadBalancerPart {
            key: pair.key.span,
            elbs: list(lb, "elbInfoList", "ElbInfoList"),
            target_groups: list(lb, "targetGroupInfoList", "TargetGroupInfoList"),
            pairs_list: list(lb, "targetGroupPairInfoList", "TargetGroupPairInfoList"),
            pairs: lb
                .list("targetGroupPairInfoList", "TargetGroupPairInfoList")
                .map(|l| l.items)
                .unwrap_or(&[])
                .iter()
                .filter(|p| p.map().is_some())
                .map(|p| {
                    let po = Obj::new(p, o.dialect);
                    PairPart {
                        span: p.span,
                        anchor: p.entries().first().map_or(p.span, |e| e.key.span),
                        target_groups: list(po, "targetGroups", "TargetGroups"),
                        prod: route(po, "prodTrafficRoute", "ProdTrafficRoute"),
                        test: route(po, "testTrafficRoute", "TestTrafficRoute"),
                        opaque: po.opaque("prodTrafficRoute", "ProdTrafficRoute")
                            || po.opaque("testTrafficRoute", "TestTrafficRoute")
                            || po.opaque("targetGroups", "TargetGroups"),
                    }
                })
                .collect(),
        });
    let alarms = obj
        .object("alarmConfiguration", "AlarmConfiguration")
        .map(|(a, pair)| AlarmPart {
            key: pair.key.span,
            enabled: a.boolean("enabled", "Enabled"),
            ignore_poll: a.boolean("ignorePollAlarmFailure", "IgnorePollAlarmFailure"),
            list: list(a, "alarms", "Alarms"),
            alarms: a
                .list("alarms", "Alarms")
                .map(|l| l.items)
                .unwrap_or(&[])
                .iter()
                .map(|item| AlarmItem {
                    span: item.span,
                    name: if item.map().is_some() {
                        Obj::new(item, o.dialect).string("name", "Name")
                    } else {
                        None
                    },
                })
                .collect(),
        });
    let rollback = obj
        .object("autoRollbackConfiguration", "AutoRollbackConfiguration")
        .map(|(r, pair)| RollbackPart {
            key: pair.key.span,
            enabled: r.boolean("enabled", "Enabled"),
            list: list(r, "events", "Events"),
            events: r.strings("events", "Events"),
        });
    let blue_green = obj
        .object(
            "blueGreenDeploymentConfiguration",
            "BlueGreenDeploymentConfiguration",
        )
        .map(|(b, pair)| BlueGreenPart {
            key: pair.key.span,
            terminate: action_part(
                b,
                "terminateBlueInstancesOnDeploymentSuccess",
                "TerminateBlueInstancesOnDeploymentSuccess",
                ["action", "Action"],
                [
                    "terminationWaitTimeInMinutes",
                    "TerminationWaitTimeInMinutes",
                ],
            ),
            ready: action_part(
                b,
                "deploymentReadyOption",
                "DeploymentReadyOption",
                ["actionOnTimeout", "ActionOnTimeout"],
                ["waitTimeInMinutes", "WaitTimeInMinutes"],
            ),
            green_fleet: action_part(
                b,
                "greenFleetProvisioningOption",
                "GreenFleetProvisioningOption",
                ["action", "Action"],
                ["-", "-"],
            ),
        });
    let config_name = obj.string("deploymentConfigName", "DeploymentConfigName");
    let config_ref = match o.dialect {
        Dialect::Cfn => obj
            .entry("deploymentConfigName", "DeploymentConfigName")
            .and_then(|p| ref_target(&p.value)),
        Dialect::Api => None,
    };
    DeploymentGroup {
        dialect: o.dialect,
        form: o.form,
        resource: o.resource.clone(),
        anchor: o.anchor,
        span: o.node.span,
        empty: o.node.entries().is_empty(),
        application_name: obj.string("applicationName", "ApplicationName"),
        names,
        config_name,
        config_ref,
        compute_platform: obj.string("computePlatform", "-"),
        application_platform: None,
        style: obj
            .object("deploymentStyle", "DeploymentStyle")
            .map(|(s, pair)| StylePart {
                key: pair.key.span,
                deployment_type: s.string("deploymentType", "DeploymentType"),
                option: s.string("deploymentOption", "DeploymentOption"),
            }),
        blue_green,
        load_balancer,
        load_balancer_opaque: obj.opaque("loadBalancerInfo", "LoadBalancerInfo"),
        alarms,
        rollback,
        ecs_services: list(obj, "ecsServices", "ECSServices"),
        auto_scaling_groups: list(obj, "autoScalingGroups", "AutoScalingGroups"),
        triggers: list(obj, "triggerConfigurations", "TriggerConfigurations"),
        ec2_tag_filters: list(obj, "ec2TagFilters", "Ec2TagFilters"),
        ec2_tag_set: tag_set(
            obj,
            "ec2TagSet",
            "Ec2TagSet",
            "ec2TagSetList",
            "Ec2TagSetList",
        ),
        on_premises_tag_filters: list(
            obj,
            "onPremisesInstanceTagFilters",
            "OnPremisesInstanceTagFilters",
        ),
        on_premises_tag_set: tag_set(
            obj,
            "onPremisesTagSet",
            "OnPremisesTagSet",
            "onPremisesTagSetList",
            "OnPremisesTagSetList",
        ),
    }
}
