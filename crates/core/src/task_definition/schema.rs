//! The task definition's keys and value types, after the `RegisterTaskDefinition` API
//! (request syntax, `ContainerDefinition` and its parts) and the "Task definition parameters"
//! guide, as far as the checker models them: the top level, container definitions with their
//! port mappings, environment, secrets, mounts, dependencies, log configuration and health
//! check, and the keys `describe-task-definition` adds. Parts whose keys are many and rarely
//! written (`linuxParameters`, `volumes`, `proxyConfiguration`, …) are typed as far as certain
//! and left open inside.
//!
//! Unknown keys are warnings (the API gains parameters); a type is an error only where the API
//! is certain and no deploy path reads the value otherwise: integers may be written in quotes,
//! booleans as `"true"`, and every scalar is accepted where the API wants a string (the task's
//! `cpu` and `memory` are strings that people write as numbers).

use super::rules;
use crate::schema::{Checker, EnumSpec, MapSchema, SchemaRules, Ty, field, map, required};
use crate::source::{Node, Span, Value};

/// Unknown keys warn; a wrong type is an error; a missing `family` or `containerDefinitions`
/// is ECS001's.
pub(crate) static RULES: SchemaRules = SchemaRules {
    unknown_key: &rules::unknown_task_definition_key::RULE,
    wrong_type: &rules::wrong_task_definition_value_type::RULE,
    scalar_for_list: &rules::wrong_task_definition_value_type::RULE,
};

const MISSING: &crate::rule::Rule = &rules::missing_task_definition_key::RULE;

/// Any whole number the API's `Integer` holds.
const INT: Ty = Ty::Int {
    min: i32::MIN as i64,
    max: i32::MAX as i64,
};
const STR_LIST: Ty = Ty::List(&Ty::Str);

/// The values of the ECS API's closed sets that task definitions write (its reference's
/// `NetworkMode`, `Compatibility`, `TransportProtocol`, `ApplicationProtocol`, `PidMode` and
/// `IpcMode`), in its spelling.
const fn closed(values: &'static [&'static str], what: &'static str) -> EnumSpec {
    EnumSpec {
        values,
        case_insensitive: false,
        // Task definitions are often rendered (`envsubst`, a deploy step) before ECS reads them.
        filled_in_later: true,
        rule: &rules::invalid_task_definition_value::RULE,
        what,
    }
}
static NETWORK_MODE: EnumSpec = closed(&["awsvpc", "bridge", "host", "none"], "network mode");
static COMPATIBILITY: EnumSpec = closed(
    &["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"],
    "launch type",
);
static PROTOCOL: EnumSpec = closed(&["tcp", "udp"], "port mapping protocol");
static APP_PROTOCOL: EnumSpec = closed(&["http", "http2", "grpc"], "application protocol");
static PID_MODE: EnumSpec = closed(&["host", "task"], "process namespace");
static IPC_MODE: EnumSpec = closed(&["host", "task", "none"], "IPC namespace");
const ANY_LIST: Ty = Ty::List(&Ty::Any);

/// `describe-task-definition` output: the definition under `taskDefinition`, with its tags.
pub(crate) static DESCRIBED: MapSchema = map(&[
    field(
        "taskDefinition",
        Ty::Map(&ROOT),
        "the task definition, as `aws ecs describe-task-definition` prints it",
    ),
    field(
        "tags",
        Ty::List(&Ty::Map(&TAG)),
        "the task definition's tags (`describe-task-definition --include TAGS`)",
    ),
]);

/// The task definition: `RegisterTaskDefinition`'s parameters and what describing adds.
pub(crate) static ROOT: MapSchema = map(&[
    required(
        "family",
        Ty::Str,
        MISSING,
        "the task definition's name (`\"family\": \"web\"`): each registration adds a revision to it",
    ),
    required(
        "containerDefinitions",
        Ty::List(&Ty::Map(&CONTAINER)),
        MISSING,
        "the task's containers, each with a `name` and an `image`",
    ),
    field(
        "taskRoleArn",
        Ty::Str,
        "the IAM role the task's containers call AWS with",
    ),
    field(
        "executionRoleArn",
        Ty::Str,
        "the IAM role ECS pulls images, reads secrets and writes logs with",
    ),
    field(
        "networkMode",
        Ty::Enum(&NETWORK_MODE),
        "`awsvpc` (Fargate's only mode), `bridge`, `host` or `none`",
    ),
    field(
        "requiresCompatibilities",
        Ty::List(&Ty::Enum(&COMPATIBILITY)),
        "the launch types to validate the definition for: `FARGATE`, `EC2`, `EXTERNAL`, `MANAGED_INSTANCES`",
    ),
    field(
        "cpu",
        Ty::Str,
        "the task's CPU units, a string such as `\"256\"` or `\"1 vCPU\"` (required for Fargate)",
    ),
    field(
        "memory",
        Ty::Str,
        "the task's memory in MiB, a string such as `\"512\"` or `\"1 GB\"` (required for Fargate)",
    ),
    field(
        "volumes",
        ANY_LIST,
        "data volumes the containers mount (`name`, `host`, `efsVolumeConfiguration`, …)",
    ),
    field(
        "placementConstraints",
        ANY_LIST,
        "placement constraints for tasks on EC2 instances",
    ),
    field(
        "runtimePlatform",
        Ty::Map(&RUNTIME_PLATFORM),
        "the operating system and CPU architecture the task runs on",
    ),
    field(
        "ephemeralStorage",
        Ty::Map(&EPHEMERAL_STORAGE),
        "the task's ephemeral storage on Fargate (`sizeInGiB`)",
    ),
    field(
        "tags",
        Ty::List(&Ty::Map(&TAG)),
        "the task definition's tags",
    ),
    field(
        "pidMode",
        Ty::Enum(&PID_MODE),
        "the process namespace: `host` or `task`",
    ),
    field(
        "ipcMode",
        Ty::Enum(&IPC_MODE),
        "the IPC namespace: `host`, `task` or `none`",
    ),
    field(
        "proxyConfiguration",
        Ty::Any,
        "the App Mesh proxy's configuration",
    ),
    field(
        "inferenceAccelerators",
        ANY_LIST,
        "Elastic Inference accelerators (retired)",
    ),
    field(
        "enableFaultInjection",
        Ty::Bool,
        "whether the task accepts fault injection requests",
    ),
    // What `describe-task-definition` adds: the deploy actions drop these before registering.
    field(
        "taskDefinitionArn",
        Ty::Str,
        "set by ECS (`describe-task-definition` output; removed before registering)",
    ),
    field(
        "revision",
        Ty::Any,
        "set by ECS (`describe-task-definition` output; removed before registering)",
    ),
    field(
        "status",
        Ty::Any,
        "set by ECS (`describe-task-definition` output; removed before registering)",
    ),
    field(
        "requiresAttributes",
        Ty::Any,
        "set by ECS (`describe-task-definition` output; removed before registering)",
    ),
    field(
        "compatibilities",
        Ty::Any,
        "set by ECS (`describe-task-definition` output; removed before registering)",
    ),
    field(
        "registeredAt",
        Ty::Any,
        "set by ECS (`describe-task-definition` output; removed before registering)",
    ),
    field(
        "deregisteredAt",
        Ty::Any,
        "set by ECS (`describe-task-definition` output; removed before registering)",
    ),
    field(
        "registeredBy",
        Ty::Any,
        "set by ECS (`describe-task-definition` output; removed before registering)",
    ),
]);

/// A list of container definitions: what `aws ecs register-task-definition
/// --container-definitions file://…` reads.
pub(crate) static CONTAINER_LIST: Ty = Ty::List(&Ty::Map(&CONTAINER));

/// One container definition.
pub(crate) static CONTAINER: MapSchema = map(&[
    field(
        "name",
        Ty::Str,
        "the container's name, by which the AppSpec, `imagedefinitions.json` and the deploy actions find it",
    ),
    field(
        "image",
        Ty::Str,
        "the image (`repository:tag`, or a placeholder such as `<IMAGE1_NAME>` the deploy action fills in)",
    ),
    field(
        "repositoryCredentials",
        Ty::Map(&REPOSITORY_CREDENTIALS),
        "the secret holding a private registry's credentials",
    ),
    field(
        "cpu",
        INT,
        "CPU units reserved for the container, a number (1024 is one vCPU)",
    ),
    field(
        "memory",
        INT,
        "the container's hard memory limit in MiB, a number",
    ),
    field(
        "memoryReservation",
        INT,
        "the container's soft memory limit in MiB, a number",
    ),
    field("links", STR_LIST, "containers to link to (`bridge` mode)"),
    field(
        "portMappings",
        Ty::List(&Ty::Map(&PORT_MAPPING)),
        "the ports the container listens on",
    ),
    field(
        "essential",
        Ty::Bool,
        "whether the task stops when this container stops (`true` by default)",
    ),
    field(
        "restartPolicy",
        Ty::Map(&RESTART_POLICY),
        "whether ECS restarts the container when it exits",
    ),
    field(
        "entryPoint",
        Ty::Shaped(&STR_LIST, command),
        "the entry point, a list of strings (`[\"sh\", \"-c\"]`)",
    ),
    field(
        "command",
        Ty::Shaped(&STR_LIST, command),
        "the command, a list of strings (`[\"npm\", \"start\"]`)",
    ),
    field(
        "environment",
        Ty::List(&Ty::Map(&NAME_VALUE)),
        "environment variables, a list of `{\"name\": …, \"value\": …}`",
    ),
    field(
        "environmentFiles",
        Ty::List(&Ty::Map(&ENVIRONMENT_FILE)),
        "S3 files of environment variables (`{\"value\": arn, \"type\": \"s3\"}`)",
    ),
    field(
        "mountPoints",
        Ty::List(&Ty::Map(&MOUNT_POINT)),
        "the task's volumes this container mounts",
    ),
    field(
        "volumesFrom",
        Ty::List(&Ty::Map(&VOLUME_FROM)),
        "other containers whose volumes this container mounts",
    ),
    field(
        "linuxParameters",
        Ty::Any,
        "Linux-specific settings (capabilities, devices, `initProcessEnabled`, tmpfs, …)",
    ),
    field(
        "secrets",
        Ty::List(&Ty::Map(&SECRET)),
        "secrets exposed as environment variables, a list of `{\"name\": …, \"valueFrom\": arn}`",
    ),
    field(
        "dependsOn",
        Ty::List(&Ty::Map(&DEPENDENCY)),
        "containers that must reach a condition before this one starts",
    ),
    field(
        "startTimeout",
        INT,
        "seconds to wait for the dependencies before giving up",
    ),
    field(
        "stopTimeout",
        INT,
        "seconds before the container is killed when it does not exit on its own",
    ),
    field(
        "versionConsistency",
        Ty::Str,
        "whether ECS resolves the image tag to a digest: `enabled` or `disabled`",
    ),
    field("hostname", Ty::Str, "the container's host name"),
    field("user", Ty::Str, "the user the container runs as"),
    field(
        "workingDirectory",
        Ty::Str,
        "the working directory of the command",
    ),
    field("disableNetworking", Ty::Bool, "whether networking is off"),
    field(
        "privileged",
        Ty::Bool,
        "whether the container runs privileged (EC2 only)",
    ),
    field(
        "readonlyRootFilesystem",
        Ty::Bool,
        "whether the root file system is read-only",
    ),
    field("dnsServers", STR_LIST, "DNS servers"),
    field("dnsSearchDomains", STR_LIST, "DNS search domains"),
    field(
        "extraHosts",
        Ty::List(&Ty::Map(&HOST_ENTRY)),
        "entries added to `/etc/hosts`",
    ),
    field(
        "dockerSecurityOptions",
        STR_LIST,
        "SELinux or AppArmor labels",
    ),
    field("interactive", Ty::Bool, "whether stdin stays open"),
    field("pseudoTerminal", Ty::Bool, "whether a TTY is allocated"),
    field(
        "dockerLabels",
        Ty::Dict(&Ty::Str),
        "Docker labels, names to strings",
    ),
    field(
        "ulimits",
        Ty::List(&Ty::Map(&ULIMIT)),
        "resource limits (`nofile`, …)",
    ),
    field(
        "logConfiguration",
        Ty::Map(&LOG_CONFIGURATION),
        "where the container's logs go (`awslogs`, `awsfirelens`, …)",
    ),
    field(
        "healthCheck",
        Ty::Map(&HEALTH_CHECK),
        "the container's health check command",
    ),
    field(
        "systemControls",
        Ty::List(&Ty::Map(&SYSTEM_CONTROL)),
        "kernel parameters (`sysctl`)",
    ),
    field(
        "resourceRequirements",
        Ty::List(&Ty::Map(&RESOURCE_REQUIREMENT)),
        "GPUs or inference accelerators for the container",
    ),
    field(
        "firelensConfiguration",
        Ty::Map(&FIRELENS_CONFIGURATION),
        "the FireLens log router's configuration",
    ),
    field(
        "credentialSpecs",
        STR_LIST,
        "Active Directory credential specs (Windows and Linux gMSA)",
    ),
]);

static PORT_MAPPING: MapSchema = map(&[
    field(
        "containerPort",
        INT,
        "the port the container listens on, a number (what the AppSpec's `ContainerPort` names)",
    ),
    field(
        "hostPort",
        INT,
        "the host port, a number (the container port in `awsvpc` mode; 0 or left out for a dynamic port in `bridge` mode)",
    ),
    field("protocol", Ty::Enum(&PROTOCOL), "`tcp` (default) or `udp`"),
    field("name", Ty::Str, "the port's name, for Service Connect"),
    field(
        "appProtocol",
        Ty::Enum(&APP_PROTOCOL),
        "the application protocol for Service Connect: `http`, `http2` or `grpc`",
    ),
    field(
        "containerPortRange",
        Ty::Str,
        "a range of container ports (`\"8000-8010\"`), instead of `containerPort`",
    ),
]);

static NAME_VALUE: MapSchema = map(&[
    field("name", Ty::Str, "the variable's name"),
    field("value", Ty::Str, "the variable's value"),
]);

static SECRET: MapSchema = map(&[
    field("name", Ty::Str, "the environment variable's name"),
    field(
        "valueFrom",
        Ty::Str,
        "the ARN of the Secrets Manager secret or the SSM parameter",
    ),
]);

static ENVIRONMENT_FILE: MapSchema = map(&[
    field("value", Ty::Str, "the file's S3 object ARN"),
    field("type", Ty::Str, "`s3`"),
]);

static MOUNT_POINT: MapSchema = map(&[
    field("sourceVolume", Ty::Str, "the name of a volume of the task"),
    field(
        "containerPath",
        Ty::Str,
        "where it is mounted in the container",
    ),
    field("readOnly", Ty::Bool, "whether the mount is read-only"),
]);

static VOLUME_FROM: MapSchema = map(&[
    field(
        "sourceContainer",
        Ty::Str,
        "the container whose volumes are mounted",
    ),
    field("readOnly", Ty::Bool, "whether the mounts are read-only"),
]);

static DEPENDENCY: MapSchema = map(&[
    field("containerName", Ty::Str, "the container depended on"),
    field(
        "condition",
        Ty::Str,
        "`START`, `COMPLETE`, `SUCCESS` or `HEALTHY`",
    ),
]);

static HOST_ENTRY: MapSchema = map(&[
    field("hostname", Ty::Str, "the host name"),
    field("ipAddress", Ty::Str, "its IP address"),
]);

static ULIMIT: MapSchema = map(&[
    field("name", Ty::Str, "the limit (`nofile`, `nproc`, …)"),
    field("softLimit", INT, "the soft limit, a number"),
    field("hardLimit", INT, "the hard limit, a number"),
]);

pub(crate) static LOG_CONFIGURATION: MapSchema = map(&[
    field(
        "logDriver",
        Ty::Str,
        "the log driver: `awslogs`, `awsfirelens`, `splunk`, … (Fargate: `awslogs`, `splunk`, `awsfirelens`)",
    ),
    field(
        "options",
        Ty::Dict(&Ty::Str),
        "the driver's options (`awslogs-group`, `awslogs-region`, `awslogs-stream-prefix`, …), names to strings",
    ),
    field(
        "secretOptions",
        Ty::List(&Ty::Map(&SECRET)),
        "options read from secrets",
    ),
]);

static HEALTH_CHECK: MapSchema = map(&[
    field(
        "command",
        Ty::Shaped(&STR_LIST, health_check_command),
        "the check, a list starting with `CMD` or `CMD-SHELL` (`[\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"]`)",
    ),
    field("interval", INT, "seconds between checks (default 30)"),
    field("timeout", INT, "seconds before a check fails (default 5)"),
    field(
        "retries",
        INT,
        "failures before the container is unhealthy (default 3)",
    ),
    field(
        "startPeriod",
        INT,
        "seconds of grace after the start before failures count",
    ),
]);

static SYSTEM_CONTROL: MapSchema = map(&[
    field("namespace", Ty::Str, "the kernel parameter"),
    field("value", Ty::Str, "its value"),
]);

static RESOURCE_REQUIREMENT: MapSchema = map(&[
    field("value", Ty::Str, "how many GPUs, or the accelerator's name"),
    field("type", Ty::Str, "`GPU` or `InferenceAccelerator`"),
]);

static FIRELENS_CONFIGURATION: MapSchema = map(&[
    field("type", Ty::Str, "`fluentbit` or `fluentd`"),
    field(
        "options",
        Ty::Dict(&Ty::Str),
        "the router's options, names to strings",
    ),
]);

static REPOSITORY_CREDENTIALS: MapSchema = map(&[field(
    "credentialsParameter",
    Ty::Str,
    "the ARN of the secret holding the registry's credentials",
)]);

static RESTART_POLICY: MapSchema = map(&[
    field("enabled", Ty::Bool, "whether the restart policy is on"),
    field(
        "ignoredExitCodes",
        Ty::List(&INT),
        "exit codes that do not restart the container",
    ),
    field(
        "restartAttemptPeriod",
        INT,
        "seconds the container must run before a restart is attempted",
    ),
]);

static RUNTIME_PLATFORM: MapSchema = map(&[
    field("cpuArchitecture", Ty::Str, "`X86_64` or `ARM64`"),
    field(
        "operatingSystemFamily",
        Ty::Str,
        "`LINUX` or a Windows Server family",
    ),
]);

static EPHEMERAL_STORAGE: MapSchema = map(&[field(
    "sizeInGiB",
    INT,
    "the size in GiB, a number (21 to 200)",
)]);

static TAG: MapSchema = map(&[
    field("key", Ty::Str, "the tag's key"),
    field("value", Ty::Str, "the tag's value"),
]);

/// `command` and `entryPoint`: a list of strings. A command written as one string is no list of
/// one item (that would run a program named `npm start`): it is split into words, or run by a
/// shell.
fn command<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    words(
        node,
        anchor,
        c,
        "split the command into its words (`[\"npm\", \"start\"]`), or have a shell run it (`[\"sh\", \"-c\", \"npm start\"]`)",
    );
}

/// `healthCheck.command`: a list whose first word is `CMD` or `CMD-SHELL`.
fn health_check_command<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    words(
        node,
        anchor,
        c,
        "write the check as a list: `[\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"]`",
    );
}

/// A list of strings; a lone scalar is a wrong type with `help` (no fix: which words make the
/// command is the author's choice).
fn words<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>, help: &str) {
    match &node.value {
        Value::Seq(seq) => {
            for (i, item) in seq.items.iter().enumerate() {
                c.within(&i.to_string(), |c| c.value(item, &Ty::Str, anchor));
            }
        }
        _ if node.is_null() => {}
        _ => {
            c.wrong_type(node, "a list of strings");
            c.help_last(help);
        }
    }
}
