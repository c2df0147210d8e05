//! The AppSpec's keys and value types, one root per platform, after the CodeDeploy AppSpec
//! reference and the agent's parser (EC2/on-premises keys are case-sensitive for the agent;
//! ECS and Lambda keys are matched ignoring case, with a style warning, because the
//! documentation itself spells them both ways — reference B5).

use super::rules::{ec2, ecs, hooks, lambda, permissions, resources, structure};
use crate::schema::{
    Checker, EnumSpec, Field, MapSchema, SchemaRules, Ty, field, map, map_any_case, required,
};
use crate::source::{Node, Span, Value};

/// A scalar where a list is expected makes the agent fail (`String#each` does not exist), so it
/// is reported as a wrong type, not as a style issue.
pub(super) static RULES: SchemaRules = SchemaRules {
    unknown_key: &structure::UNKNOWN_KEY,
    wrong_type: &structure::INVALID_TYPE,
    scalar_for_list: &structure::INVALID_TYPE,
};

const fn exact(fields: &'static [Field]) -> MapSchema {
    map(fields)
}

const fn any_case(fields: &'static [Field]) -> MapSchema {
    map_any_case(fields, &structure::NONCANONICAL_KEY_CASE)
}

/// Walks a list strictly: anything but a list (or null) is a wrong type.
pub(crate) fn strict_list<'a>(node: &'a Node, inner: &Ty, what: &str, c: &mut Checker<'a>) {
    match &node.value {
        Value::Seq(seq) => {
            for (i, item) in seq.items.iter().enumerate() {
                c.within(&i.to_string(), |c| c.value(item, inner, item.span));
            }
        }
        Value::Invalid => {}
        _ if node.is_null() => {}
        _ => c.wrong_type(node, what),
    }
}

pub(super) fn string_list<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    strict_list(node, &Ty::Str, "a list of strings", c);
}

// ---------------------------------------------------------------------------------------------
// EC2/on-premises

pub(super) static SERVER_ROOT: MapSchema = exact(&[
    required(
        "version",
        Ty::Custom(structure::check_server_version),
        &structure::MISSING_VERSION,
        "the AppSpec format version: always the number 0.0",
    ),
    required(
        "os",
        Ty::Custom(ec2::check_os),
        &ec2::MISSING_OS,
        "the instances' operating system: `linux` or `windows`",
    ),
    field(
        "files",
        Ty::Custom(ec2::check_files),
        "what to copy from the revision to the instance: a list of `source`/`destination`",
    ),
    field(
        "file_exists_behavior",
        Ty::Enum(&FILE_EXISTS_BEHAVIOR),
        "what to do with files that already exist: DISALLOW (default), OVERWRITE or RETAIN",
    ),
    field(
        "permissions",
        Ty::Custom(permissions::check_permissions),
        "owner, group, mode, ACLs and SELinux context of the copied files (Linux only)",
    ),
    field(
        "hooks",
        Ty::Custom(hooks::check_server_hooks),
        "scripts to run at each lifecycle event: event name → list of scripts",
    ),
]);

static FILE_EXISTS_BEHAVIOR: EnumSpec = EnumSpec {
    values: &["DISALLOW", "OVERWRITE", "RETAIN"],
    case_insensitive: false,
    rule: &ec2::INVALID_FILE_EXISTS_BEHAVIOR,
    what: "`file_exists_behavior`",
};

pub(super) static FILE: MapSchema = exact(&[
    required(
        "source",
        Ty::Str,
        &ec2::INCOMPLETE_FILE_MAPPING,
        "a file or directory of the revision, relative to the AppSpec (`/` for everything)",
    ),
    required(
        "destination",
        Ty::Str,
        &ec2::INCOMPLETE_FILE_MAPPING,
        "the fully qualified directory on the instance, such as `/var/www/html`",
    ),
    field(
        "overwrite",
        Ty::Custom(ec2::check_overwrite),
        "not an AppSpec key: use `file_exists_behavior: OVERWRITE`",
    ),
]);

pub(super) static PERMISSION: MapSchema = exact(&[
    required(
        "object",
        Ty::Custom(permissions::check_object),
        &permissions::MISSING_PERMISSION_OBJECT,
        "the file or directory the permissions apply to (an installed path)",
    ),
    field(
        "pattern",
        Ty::Custom(permissions::check_pattern),
        "which names directly under `object` match: a glob where only `*` is special (default `\"**\"`, everything)",
    ),
    field(
        "except",
        Ty::Custom(permissions::check_except),
        "names to leave out: a list of simple globs",
    ),
    field("owner", Ty::Str, "the user that owns the matched files"),
    field("group", Ty::Str, "the group of the matched files"),
    field(
        "mode",
        Ty::Custom(permissions::check_mode),
        "chmod numeric mode, 1 to 4 octal digits such as 755 (quote it when it starts with 0)",
    ),
    field(
        "acls",
        Ty::Custom(permissions::check_acls),
        "setfacl entries such as `u:deploy:rwx`",
    ),
    field(
        "context",
        Ty::Map(&CONTEXT),
        "SELinux context: `type` (required), `name`, `range`",
    ),
    field(
        "type",
        Ty::Custom(permissions::check_types),
        "what the permissions apply to: `file`, `directory` or both (default both)",
    ),
]);

static CONTEXT: MapSchema = exact(&[
    required(
        "type",
        Ty::Str,
        &permissions::MISSING_CONTEXT_TYPE,
        "the SELinux type, such as `httpd_sys_content_t`",
    ),
    field(
        "name",
        Ty::Str,
        "the SELinux user (the agent reads `name`; the documentation calls it `user`)",
    ),
    field(
        "user",
        Ty::Custom(permissions::check_context_user),
        "documented name of the SELinux user, which the agent ignores (it reads `name`)",
    ),
    field(
        "range",
        Ty::Custom(permissions::check_range),
        "the SELinux MLS/MCS range, such as `s0-s0:c0.c1023`",
    ),
]);

pub(super) static SCRIPT: MapSchema = exact(&[
    required(
        "location",
        Ty::Custom(hooks::check_location),
        &hooks::MISSING_SCRIPT_LOCATION,
        "the script's path, relative to the root of the revision",
    ),
    field(
        "timeout",
        Ty::Custom(hooks::check_timeout),
        "seconds the script may run (default 3600)",
    ),
    field(
        "runas",
        Ty::Str,
        "the Linux user that runs the script (ignored on Windows)",
    ),
    field(
        "sudo",
        Ty::Any,
        "undocumented: the Linux agent runs the script with sudo",
    ),
]);

// ---------------------------------------------------------------------------------------------
// ECS

pub(super) static ECS_ROOT: MapSchema = any_case(&[
    required(
        "version",
        Ty::Custom(structure::check_service_version),
        &structure::MISSING_VERSION,
        "the AppSpec format version: always the number 0.0",
    ),
    required(
        "Resources",
        Ty::Custom(resources::check_ecs_resources),
        &resources::MISSING_RESOURCES,
        "the ECS service to deploy: one `TargetService` entry",
    ),
    field(
        "Hooks",
        Ty::Custom(hooks::check_service_hooks),
        "Lambda functions to run at lifecycle events: a list of `Event: FunctionName`",
    ),
]);

pub(super) static ECS_RESOURCE: MapSchema = any_case(&[
    required(
        "Type",
        Ty::Custom(resources::check_ecs_type),
        &resources::MISSING_RESOURCE_PROPERTY,
        "always `AWS::ECS::Service`",
    ),
    required(
        "Properties",
        Ty::Map(&ECS_PROPERTIES),
        &resources::MISSING_RESOURCE_PROPERTY,
        "the task definition and load balancer settings",
    ),
]);

static ECS_PROPERTIES: MapSchema = any_case(&[
    required(
        "TaskDefinition",
        Ty::Custom(ecs::check_task_definition),
        &resources::MISSING_RESOURCE_PROPERTY,
        "the ARN of the task definition revision to deploy (or `<TASK_DEFINITION>` in CodePipeline)",
    ),
    required(
        "LoadBalancerInfo",
        Ty::Map(&LOAD_BALANCER_INFO),
        &resources::MISSING_RESOURCE_PROPERTY,
        "the container and port the load balancer sends traffic to",
    ),
    field(
        "PlatformVersion",
        Ty::Custom(ecs::check_platform_version),
        "Fargate platform version (default LATEST)",
    ),
    field(
        "NetworkConfiguration",
        Ty::Map(&NETWORK_CONFIGURATION),
        "awsvpc network settings of the replacement task set",
    ),
    field(
        "CapacityProviderStrategy",
        Ty::Custom(ecs::check_capacity_provider_strategy),
        "capacity providers of the replacement task set",
    ),
]);

static LOAD_BALANCER_INFO: MapSchema = any_case(&[
    required(
        "ContainerName",
        Ty::Custom(resources::check_required_text),
        &resources::MISSING_RESOURCE_PROPERTY,
        "the container (in the task definition) that receives traffic",
    ),
    required(
        "ContainerPort",
        Ty::Custom(ecs::check_container_port),
        &resources::MISSING_RESOURCE_PROPERTY,
        "the container port that receives traffic, as a number",
    ),
]);

static NETWORK_CONFIGURATION: MapSchema = any_case(&[field(
    "AwsvpcConfiguration",
    Ty::Map(&AWSVPC_CONFIGURATION),
    "`Subnets`, `SecurityGroups` and `AssignPublicIp`, all three or none",
)]);

static AWSVPC_CONFIGURATION: MapSchema = any_case(&[
    field("Subnets", Ty::Custom(string_list), "subnet IDs"),
    field(
        "SecurityGroups",
        Ty::Custom(string_list),
        "security group IDs",
    ),
    field(
        "AssignPublicIp",
        Ty::Enum(&ASSIGN_PUBLIC_IP),
        "`ENABLED` or `DISABLED`",
    ),
]);

static ASSIGN_PUBLIC_IP: EnumSpec = EnumSpec {
    values: &["ENABLED", "DISABLED"],
    case_insensitive: false,
    rule: &ecs::INVALID_ASSIGN_PUBLIC_IP,
    what: "`AssignPublicIp` value",
};

pub(super) static CAPACITY_PROVIDER: MapSchema = any_case(&[
    field(
        "Base",
        Ty::Int {
            min: 0,
            max: 100_000,
        },
        "tasks that run on this provider first (only one provider may set it)",
    ),
    required(
        "CapacityProvider",
        Ty::Custom(resources::check_required_text),
        &resources::MISSING_RESOURCE_PROPERTY,
        "the capacity provider's short name, such as `FARGATE_SPOT`",
    ),
    field(
        "Weight",
        Ty::Int { min: 0, max: 1000 },
        "relative share of tasks on this provider",
    ),
]);

// ---------------------------------------------------------------------------------------------
// Lambda

pub(super) static LAMBDA_ROOT: MapSchema = any_case(&[
    required(
        "version",
        Ty::Custom(structure::check_service_version),
        &structure::MISSING_VERSION,
        "the AppSpec format version: always the number 0.0",
    ),
    required(
        "Resources",
        Ty::Custom(resources::check_lambda_resources),
        &resources::MISSING_RESOURCES,
        "the function whose alias shifts traffic: one entry",
    ),
    field(
        "Hooks",
        Ty::Custom(hooks::check_service_hooks),
        "Lambda functions to run before and after traffic shifts",
    ),
]);

pub(super) static LAMBDA_RESOURCE: MapSchema = any_case(&[
    required(
        "Type",
        Ty::Custom(resources::check_lambda_type),
        &resources::MISSING_RESOURCE_PROPERTY,
        "always `AWS::Lambda::Function`",
    ),
    required(
        "Properties",
        Ty::Map(&LAMBDA_PROPERTIES),
        &resources::MISSING_RESOURCE_PROPERTY,
        "the function, its alias and the versions to shift between",
    ),
]);

static LAMBDA_PROPERTIES: MapSchema = any_case(&[
    required(
        "Name",
        Ty::Custom(resources::check_required_text),
        &resources::MISSING_RESOURCE_PROPERTY,
        "the Lambda function's name",
    ),
    required(
        "Alias",
        Ty::Custom(resources::check_required_text),
        &resources::MISSING_RESOURCE_PROPERTY,
        "the alias whose traffic shifts from CurrentVersion to TargetVersion",
    ),
    field(
        "CurrentVersion",
        Ty::Custom(lambda::check_function_version),
        "the version the alias points to now, as a string such as \"1\"",
    ),
    required(
        "TargetVersion",
        Ty::Custom(lambda::check_function_version),
        &resources::MISSING_RESOURCE_PROPERTY,
        "the version to shift the alias to, as a string such as \"2\"",
    ),
]);

// ---------------------------------------------------------------------------------------------
// Platform not known: only the keys of every platform, so that typos still get suggestions.

pub(super) static ANY_ROOT: MapSchema = exact(&[
    field(
        "version",
        Ty::Custom(structure::check_service_version),
        "the AppSpec format version: always the number 0.0",
    ),
    field("os", Ty::Any, "EC2/on-premises: `linux` or `windows`"),
    field("files", Ty::Any, "EC2/on-premises: files to copy"),
    field(
        "file_exists_behavior",
        Ty::Any,
        "EC2/on-premises: DISALLOW, OVERWRITE or RETAIN",
    ),
    field("permissions", Ty::Any, "EC2/on-premises: file permissions"),
    field(
        "hooks",
        Ty::Any,
        "EC2/on-premises: scripts per lifecycle event",
    ),
    field("Resources", Ty::Any, "ECS and Lambda: what to deploy"),
    field("Hooks", Ty::Any, "ECS and Lambda: hook functions"),
]);
