//! The AppSpec's keys and value types, one root per platform, after the CodeDeploy AppSpec
//! reference and the agent's parser (EC2/on-premises keys are case-sensitive for the agent;
//! ECS and Lambda keys are matched ignoring case, with a style warning, because the
//! documentation itself spells them both ways — reference B5).
//!
//! The `Ty::Custom` functions at the end lower the values the generic walk cannot judge: they
//! record wrong types, walk on into the parts, and tag the nodes that a rule looks at (the tags
//! below); the rules report.

use super::rules;
use crate::schema::{
    Checker, EnumSpec, Field, MapSchema, SchemaRules, Ty, field, map, map_any_case, required,
};
use crate::source::{Node, Span, Value};

/// `version` of an EC2/on-premises AppSpec (a scalar; read as the agent reads it).
pub(crate) const EC2_VERSION_TAG: &str = "ec2-version";
/// `version` of an ECS or Lambda AppSpec, or of one whose platform is not known (a non-null
/// scalar).
pub(crate) const SERVICE_VERSION_TAG: &str = "service-version";
/// `os` (a non-null scalar).
pub(crate) const OS_TAG: &str = "os";
/// `overwrite` in a `files` entry (its key is the anchor).
pub(crate) const OVERWRITE_TAG: &str = "overwrite";
/// A permission's `object` (a scalar; the key is the anchor).
pub(crate) const OBJECT_TAG: &str = "object";
/// A permission's `pattern` (a scalar).
pub(crate) const PATTERN_TAG: &str = "pattern";
/// A permission's `except` list.
pub(crate) const EXCEPT_TAG: &str = "except";
/// A permission's `mode` (a scalar).
pub(crate) const MODE_TAG: &str = "mode";
/// A permission's `acls` list.
pub(crate) const ACLS_TAG: &str = "acls";
/// `user` in an SELinux `context` (its key is the anchor).
pub(crate) const CONTEXT_USER_TAG: &str = "context-user";
/// `range` in an SELinux `context` (a non-null scalar).
pub(crate) const RANGE_TAG: &str = "selinux-range";
/// A script's `location` (a scalar; the key is the anchor).
pub(crate) const LOCATION_TAG: &str = "location";
/// A script's `timeout` (any value).
pub(crate) const TIMEOUT_TAG: &str = "timeout";
/// An item of an ECS or Lambda `Hooks` list.
pub(crate) const SERVICE_HOOK_TAG: &str = "service-hook";
/// The `Resources` list of an ECS or Lambda AppSpec (the key is the anchor).
pub(crate) const RESOURCES_TAG: &str = "resources";
/// A `Resources` item that is a mapping but not one with a single key, the resource's name.
pub(crate) const MALFORMED_RESOURCE_TAG: &str = "malformed-resource";
/// A `Resources` item of the expected shape (its name's key is the anchor).
pub(crate) const RESOURCE_TAG: &str = "resource";
/// A resource's `Type` (a scalar) in an ECS AppSpec.
pub(crate) const ECS_TYPE_TAG: &str = "ecs-type";
/// A resource's `Type` (a scalar) in a Lambda AppSpec.
pub(crate) const LAMBDA_TYPE_TAG: &str = "lambda-type";
/// A required text property (`Name`, `Alias`, `ContainerName`, `CapacityProvider`; a scalar).
pub(crate) const REQUIRED_TEXT_TAG: &str = "required-text";
/// `TaskDefinition` (a non-null scalar).
pub(crate) const TASK_DEFINITION_TAG: &str = "task-definition";
/// `ContainerPort` (a non-null scalar).
pub(crate) const CONTAINER_PORT_TAG: &str = "container-port";
/// `PlatformVersion` (a non-null scalar).
pub(crate) const PLATFORM_VERSION_TAG: &str = "platform-version";
/// `CurrentVersion` or `TargetVersion` of a Lambda function (a non-null scalar).
pub(crate) const FUNCTION_VERSION_TAG: &str = "function-version";

/// A scalar where a list is expected makes the agent fail (`String#each` does not exist), so it
/// is reported as a wrong type, not as a style issue.
pub(crate) static RULES: SchemaRules = SchemaRules {
    unknown_key: &rules::unknown_appspec_key::RULE,
    wrong_type: &rules::wrong_value_type::RULE,
    scalar_for_list: &rules::wrong_value_type::RULE,
};

const fn exact(fields: &'static [Field]) -> MapSchema {
    map(fields)
}

const fn any_case(fields: &'static [Field]) -> MapSchema {
    map_any_case(fields, &rules::noncanonical_key_case::RULE)
}

/// Walks a list strictly: anything but a list (or null) is a wrong type.
fn strict_list<'a>(node: &'a Node, inner: &Ty, what: &str, c: &mut Checker<'a>) {
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

/// The shapes the lowering functions below accept (for the JSON Schemas).
static STR_LIST: Ty = Ty::List(&Ty::Str);
static FILES: Ty = Ty::List(&Ty::Map(&FILE));
static PERMISSIONS: Ty = Ty::List(&Ty::Map(&PERMISSION));
static PERMISSION_TYPES: Ty = Ty::List(&Ty::Enum(&PERMISSION_TYPE));
static EC2_HOOKS: Ty = Ty::Dict(&Ty::List(&Ty::Map(&SCRIPT)));
/// Each item is checked by AS047 (one `Event: FunctionName` mapping).
static SERVICE_HOOKS: Ty = Ty::List(&Ty::Any);

fn string_list<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    strict_list(node, &Ty::Str, "a list of strings", c);
}

// ---------------------------------------------------------------------------------------------
// EC2/on-premises

pub(crate) static EC2_ROOT: MapSchema = exact(&[
    required(
        "version",
        Ty::Custom(ec2_version),
        &rules::missing_appspec_version::RULE,
        "the AppSpec format version: always the number 0.0",
    ),
    required(
        "os",
        Ty::Custom(os),
        &rules::missing_os::RULE,
        "the instances' operating system: `linux` or `windows`",
    ),
    field(
        "files",
        Ty::Shaped(&FILES, files),
        "what to copy from the revision to the instance: a list of `source`/`destination`",
    ),
    field(
        "file_exists_behavior",
        Ty::Enum(&FILE_EXISTS_BEHAVIOR),
        "what to do with files that already exist: DISALLOW (default), OVERWRITE or RETAIN",
    ),
    field(
        "permissions",
        Ty::Shaped(&PERMISSIONS, permissions),
        "owner, group, mode, ACLs and SELinux context of the copied files (Linux only)",
    ),
    field(
        "hooks",
        Ty::Shaped(&EC2_HOOKS, ec2_hooks),
        "scripts to run at each lifecycle event: event name → list of scripts",
    ),
]);

static FILE_EXISTS_BEHAVIOR: EnumSpec = EnumSpec {
    values: &["DISALLOW", "OVERWRITE", "RETAIN"],
    case_insensitive: false,
    filled_in_later: false,
    rule: &rules::invalid_file_exists_behavior::RULE,
    what: "`file_exists_behavior`",
};

static FILE: MapSchema = exact(&[
    required(
        "source",
        Ty::Str,
        &rules::incomplete_file_mapping::RULE,
        "a file or directory of the revision, relative to the AppSpec (`/` for everything)",
    ),
    required(
        "destination",
        Ty::Str,
        &rules::incomplete_file_mapping::RULE,
        "the fully qualified directory on the instance, such as `/var/www/html`",
    ),
    field(
        "overwrite",
        Ty::Custom(overwrite),
        "not an AppSpec key: use `file_exists_behavior: OVERWRITE`",
    ),
]);

static PERMISSION: MapSchema = exact(&[
    required(
        "object",
        Ty::Shaped(&Ty::Str, object),
        &rules::missing_permission_object::RULE,
        "the file or directory the permissions apply to (an installed path)",
    ),
    field(
        "pattern",
        Ty::Shaped(&Ty::Str, pattern),
        "which names directly under `object` match: a glob where only `*` is special (default `\"**\"`, everything)",
    ),
    field(
        "except",
        Ty::Shaped(&STR_LIST, except),
        "names to leave out: a list of simple globs",
    ),
    field("owner", Ty::Str, "the user that owns the matched files"),
    field("group", Ty::Str, "the group of the matched files"),
    field(
        "mode",
        Ty::Shaped(&Ty::Str, mode),
        "chmod numeric mode, 1 to 4 octal digits such as 755 (quote it when it starts with 0)",
    ),
    field(
        "acls",
        Ty::Shaped(&STR_LIST, acls),
        "setfacl entries such as `u:deploy:rwx`",
    ),
    field(
        "context",
        Ty::Map(&CONTEXT),
        "SELinux context: `type` (required), `name`, `range`",
    ),
    field(
        "type",
        Ty::Shaped(&PERMISSION_TYPES, permission_types),
        "what the permissions apply to: `file`, `directory` or both (default both)",
    ),
]);

static CONTEXT: MapSchema = exact(&[
    required(
        "type",
        Ty::Str,
        &rules::missing_context_type::RULE,
        "the SELinux type, such as `httpd_sys_content_t`",
    ),
    field(
        "name",
        Ty::Str,
        "the SELinux user (the agent reads `name`; the documentation calls it `user`)",
    ),
    field(
        "user",
        Ty::Custom(context_user),
        "documented name of the SELinux user, which the agent ignores (it reads `name`)",
    ),
    field(
        "range",
        Ty::Shaped(&Ty::Str, selinux_range),
        "the SELinux MLS/MCS range, such as `s0-s0:c0.c1023`",
    ),
]);

static SCRIPT: MapSchema = exact(&[
    required(
        "location",
        Ty::Shaped(&Ty::Str, location),
        &rules::missing_script_location::RULE,
        "the script's path, relative to the root of the revision",
    ),
    field(
        "timeout",
        Ty::Custom(timeout),
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

pub(crate) static ECS_ROOT: MapSchema = any_case(&[
    required(
        "version",
        Ty::Custom(service_version),
        &rules::missing_appspec_version::RULE,
        "the AppSpec format version: always the number 0.0",
    ),
    required(
        "Resources",
        Ty::Custom(ecs_resources),
        &rules::missing_resources::RULE,
        "the ECS service to deploy: one `TargetService` entry",
    ),
    field(
        "Hooks",
        Ty::Shaped(&SERVICE_HOOKS, service_hooks),
        "Lambda functions to run at lifecycle events: a list of `Event: FunctionName`",
    ),
]);

static ECS_RESOURCE: MapSchema = any_case(&[
    required(
        "Type",
        Ty::Custom(ecs_type),
        &rules::missing_resource_property::RULE,
        "always `AWS::ECS::Service`",
    ),
    required(
        "Properties",
        Ty::Map(&ECS_PROPERTIES),
        &rules::missing_resource_property::RULE,
        "the task definition and load balancer settings",
    ),
]);

static ECS_PROPERTIES: MapSchema = any_case(&[
    required(
        "TaskDefinition",
        Ty::Custom(task_definition),
        &rules::missing_resource_property::RULE,
        "the ARN of the task definition revision to deploy (or `<TASK_DEFINITION>` in CodePipeline)",
    ),
    required(
        "LoadBalancerInfo",
        Ty::Map(&LOAD_BALANCER_INFO),
        &rules::missing_resource_property::RULE,
        "the container and port the load balancer sends traffic to",
    ),
    field(
        "PlatformVersion",
        Ty::Custom(platform_version),
        "Fargate platform version (default LATEST)",
    ),
    field(
        "NetworkConfiguration",
        Ty::Map(&NETWORK_CONFIGURATION),
        "awsvpc network settings of the replacement task set",
    ),
    field(
        "CapacityProviderStrategy",
        Ty::Custom(capacity_provider_strategy),
        "capacity providers of the replacement task set",
    ),
]);

static LOAD_BALANCER_INFO: MapSchema = any_case(&[
    required(
        "ContainerName",
        Ty::Custom(required_text),
        &rules::missing_resource_property::RULE,
        "the container (in the task definition) that receives traffic",
    ),
    required(
        "ContainerPort",
        Ty::Custom(container_port),
        &rules::missing_resource_property::RULE,
        "the container port that receives traffic, as a number",
    ),
]);

static NETWORK_CONFIGURATION: MapSchema = any_case(&[field(
    "AwsvpcConfiguration",
    Ty::Map(&AWSVPC_CONFIGURATION),
    "`Subnets`, `SecurityGroups` and `AssignPublicIp`, all three or none",
)]);

static AWSVPC_CONFIGURATION: MapSchema = any_case(&[
    field("Subnets", Ty::Shaped(&STR_LIST, string_list), "subnet IDs"),
    field(
        "SecurityGroups",
        Ty::Shaped(&STR_LIST, string_list),
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
    filled_in_later: false,
    rule: &rules::invalid_assign_public_ip::RULE,
    what: "`AssignPublicIp` value",
};

static CAPACITY_PROVIDER: MapSchema = any_case(&[
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
        Ty::Custom(required_text),
        &rules::missing_resource_property::RULE,
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

pub(crate) static LAMBDA_ROOT: MapSchema = any_case(&[
    required(
        "version",
        Ty::Custom(service_version),
        &rules::missing_appspec_version::RULE,
        "the AppSpec format version: always the number 0.0",
    ),
    required(
        "Resources",
        Ty::Custom(lambda_resources),
        &rules::missing_resources::RULE,
        "the function whose alias shifts traffic: one entry",
    ),
    field(
        "Hooks",
        Ty::Shaped(&SERVICE_HOOKS, service_hooks),
        "Lambda functions to run before and after traffic shifts",
    ),
]);

static LAMBDA_RESOURCE: MapSchema = any_case(&[
    required(
        "Type",
        Ty::Custom(lambda_type),
        &rules::missing_resource_property::RULE,
        "always `AWS::Lambda::Function`",
    ),
    required(
        "Properties",
        Ty::Map(&LAMBDA_PROPERTIES),
        &rules::missing_resource_property::RULE,
        "the function, its alias and the versions to shift between",
    ),
]);

static LAMBDA_PROPERTIES: MapSchema = any_case(&[
    required(
        "Name",
        Ty::Custom(required_text),
        &rules::missing_resource_property::RULE,
        "the Lambda function's name",
    ),
    required(
        "Alias",
        Ty::Custom(required_text),
        &rules::missing_resource_property::RULE,
        "the alias whose traffic shifts from CurrentVersion to TargetVersion",
    ),
    field(
        "CurrentVersion",
        Ty::Custom(function_version),
        "the version the alias points to now, as a string such as \"1\"",
    ),
    required(
        "TargetVersion",
        Ty::Custom(function_version),
        &rules::missing_resource_property::RULE,
        "the version to shift the alias to, as a string such as \"2\"",
    ),
]);

// ---------------------------------------------------------------------------------------------
// Platform not known: only the keys of every platform, so that typos still get suggestions.

pub(crate) static ANY_ROOT: MapSchema = exact(&[
    field(
        "version",
        Ty::Custom(service_version),
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

static PERMISSION_TYPE: EnumSpec = EnumSpec {
    values: &["file", "directory"],
    case_insensitive: false,
    filled_in_later: false,
    rule: &rules::invalid_permission_type::RULE,
    what: "permission `type`",
};

// ---------------------------------------------------------------------------------------------
// Lowering functions (`Ty::Custom`): they record facts only.

/// `version` of an EC2/on-premises AppSpec, as the agent reads it (Ruby YAML, compared with
/// `[0.0]`).
fn ec2_version<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    if node.scalar().is_none() {
        c.wrong_type(node, "the number 0.0");
        return;
    }
    c.tag(EC2_VERSION_TAG, node, anchor);
}

/// `version` of an ECS or Lambda AppSpec (read by the service; JSON or YAML).
fn service_version<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    let Some(s) = node.scalar() else {
        c.wrong_type(node, "the number 0.0");
        return;
    };
    if !s.is_null() {
        c.tag(SERVICE_VERSION_TAG, node, anchor);
    }
}

/// `os`: a scalar (rule AS021 reads it).
fn os<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    let Some(s) = node.scalar() else {
        c.wrong_type(node, "`linux` or `windows`");
        return;
    };
    // A null `os` is reported as missing.
    if !s.is_null() {
        c.tag(OS_TAG, node, anchor);
    }
}

/// `files`: a list of `source`/`destination` mappings.
fn files<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    strict_list(
        node,
        &Ty::Map(&FILE),
        "a list of `source`/`destination` entries",
        c,
    );
}

/// `overwrite:` in a `files` entry (rule AS025).
fn overwrite<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    c.tag(OVERWRITE_TAG, node, anchor);
}

/// `permissions`: a list of permission mappings.
fn permissions<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    strict_list(
        node,
        &Ty::Map(&PERMISSION),
        "a list of permission entries (`- object: …`)",
        c,
    );
}

/// `object`: a path (rule AS031 reports an empty one).
fn object<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    if node.scalar().is_none() {
        c.wrong_type(node, "a path");
        return;
    }
    c.tag(OBJECT_TAG, node, anchor);
}

/// `pattern`: a simple glob (rule AS038).
fn pattern<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    if node.scalar().is_none() {
        c.wrong_type(node, "a glob such as `\"*.sh\"`");
        return;
    }
    c.tag(PATTERN_TAG, node, anchor);
}

/// `except`: a list of simple globs (rule AS038).
fn except<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    strict_list(
        node,
        &Ty::Str,
        "a list of globs, such as `[a.txt, b.txt]`",
        c,
    );
    c.tag(EXCEPT_TAG, node, anchor);
}

/// `type`: a list of `file`/`directory`.
fn permission_types<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    strict_list(
        node,
        &Ty::Enum(&PERMISSION_TYPE),
        "a list of `file` and/or `directory`",
        c,
    );
}

/// `mode`: a scalar (rule AS032 reads it the way the agent does).
fn mode<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    if node.scalar().is_none() {
        c.wrong_type(node, "a numeric mode such as 755");
        return;
    }
    c.tag(MODE_TAG, node, anchor);
}

/// `acls`: a list of setfacl entries, each a scalar (rule AS033 parses them).
fn acls<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    strict_list(
        node,
        &Ty::Any,
        "a list of ACL entries such as `u:deploy:rwx`",
        c,
    );
    for item in node.items().iter().take(1000) {
        if item.scalar().is_none() {
            c.wrong_type(item, "an ACL entry such as `u:deploy:rwx`");
        }
    }
    c.tag(ACLS_TAG, node, anchor);
}

/// `context.user`, which the agent ignores (rule AS036).
fn context_user<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    c.tag(CONTEXT_USER_TAG, node, anchor);
}

/// `context.range`: a scalar (rule AS037 parses it).
fn selinux_range<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    let Some(s) = node.scalar() else {
        c.wrong_type(node, "an SELinux range such as `s0-s0:c0.c1023`");
        return;
    };
    if !s.is_null() {
        c.tag(RANGE_TAG, node, anchor);
    }
}

/// `hooks` (EC2/on-premises): a mapping of event names to lists of scripts.
fn ec2_hooks<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    match &node.value {
        Value::Map(map) => {
            for pair in &map.entries {
                let key = pair.key_str().unwrap_or("?").to_string();
                c.within(&key, |c| {
                    strict_list(
                        &pair.value,
                        &Ty::Map(&SCRIPT),
                        "a list of scripts (`- location: …`)",
                        c,
                    );
                });
            }
        }
        Value::Seq(_) => {
            c.wrong_type(node, "a mapping of lifecycle events to scripts");
            c.help_last("EC2/on-premises hooks are a mapping (`BeforeInstall:` followed by its list of scripts); the list form `- BeforeInstall: Function` is for ECS and Lambda");
        }
        Value::Invalid => {}
        Value::Scalar(_) if node.is_null() => {}
        Value::Scalar(_) => c.wrong_type(node, "a mapping of lifecycle events to scripts"),
    }
}

/// `location`: a script path (rule AS042 reports an empty one).
fn location<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    if node.scalar().is_none() {
        c.wrong_type(node, "a script path");
        return;
    }
    c.tag(LOCATION_TAG, node, anchor);
}

/// `timeout`: rule AS043 reads it as the agent does (`(value || 3600).to_i > 0`).
fn timeout<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    c.tag(TIMEOUT_TAG, node, anchor);
}

/// `Hooks` (ECS, Lambda): a list of one-key mappings `Event: FunctionName` (rule AS047 checks
/// each item).
fn service_hooks<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    match &node.value {
        Value::Seq(seq) => {
            for item in seq.items.iter().take(1000) {
                c.tag(SERVICE_HOOK_TAG, item, item.span);
            }
        }
        Value::Map(_) => {
            c.wrong_type(node, "a list of `- Event: FunctionName` items");
            c.help_last("ECS and Lambda hooks are a list: write each event as `- BeforeAllowTraffic: \"MyFunction\"`");
        }
        Value::Invalid => {}
        Value::Scalar(_) if node.is_null() => {}
        Value::Scalar(_) => c.wrong_type(node, "a list of `- Event: FunctionName` items"),
    }
}

/// `Resources` of an ECS AppSpec.
fn ecs_resources<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    resources(node, anchor, c, &ECS_RESOURCE, "TargetService");
}

/// `Resources` of a Lambda AppSpec.
fn lambda_resources<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    resources(node, anchor, c, &LAMBDA_RESOURCE, "myLambdaFunction");
}

/// `Resources`: a list with one resource (rule AS051 counts them), each walked with `schema`;
/// `sample` is the documented resource name, for help texts.
fn resources<'a>(
    node: &'a Node,
    anchor: Span,
    c: &mut Checker<'a>,
    schema: &'static MapSchema,
    sample: &str,
) {
    let items = match &node.value {
        Value::Seq(seq) => &seq.items,
        Value::Invalid => return,
        _ if node.is_null() => return,
        _ => {
            c.wrong_type(node, "a list with one resource");
            c.help_last(format!(
                "write `Resources:` as a list: `- {sample}:` then `Type` and `Properties` indented below it"
            ));
            return;
        }
    };
    c.tag(RESOURCES_TAG, node, anchor);
    for (i, item) in items.iter().enumerate().take(100) {
        c.within(&i.to_string(), |c| resource(item, c, schema));
    }
}

/// One `Resources` item: a mapping from the resource's name to its `Type` and `Properties`.
fn resource<'a>(item: &'a Node, c: &mut Checker<'a>, schema: &'static MapSchema) {
    let entries = match &item.value {
        Value::Map(map) => &map.entries,
        Value::Invalid => return,
        _ => {
            c.wrong_type(
                item,
                "a mapping from the resource's name to its `Type` and `Properties`",
            );
            return;
        }
    };
    let has_fields = entries.iter().any(|p| {
        p.key_str()
            .is_some_and(|k| k.eq_ignore_ascii_case("Type") || k.eq_ignore_ascii_case("Properties"))
    });
    let (Some(pair), 1, false) = (entries.first(), entries.len(), has_fields) else {
        // Rule AS002 explains the shape; the fields are not walked.
        c.tag(MALFORMED_RESOURCE_TAG, item, item.span);
        return;
    };
    c.tag(RESOURCE_TAG, item, pair.key.span);
    let key = pair.key_str().unwrap_or("?").to_string();
    c.within(&key, |c| {
        c.value(&pair.value, &Ty::Map(schema), pair.key.span)
    });
}

/// A required string property (`Name`, `Alias`, `ContainerName`, `CapacityProvider`): rule AS053
/// reports it empty; a null value is reported as missing by the walk.
fn required_text<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    if node.scalar().is_none() {
        c.wrong_type(node, "a string");
        return;
    }
    c.tag(REQUIRED_TEXT_TAG, node, anchor);
}

/// `Type` of an ECS resource.
fn ecs_type<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    resource_type(node, anchor, c, "AWS::ECS::Service", ECS_TYPE_TAG);
}

/// `Type` of a Lambda resource.
fn lambda_type<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    resource_type(node, anchor, c, "AWS::Lambda::Function", LAMBDA_TYPE_TAG);
}

/// A resource's `Type`: a scalar (rule AS052 compares it with `expected`).
fn resource_type<'a>(
    node: &'a Node,
    anchor: Span,
    c: &mut Checker<'a>,
    expected: &str,
    tag: &'static str,
) {
    if node.scalar().is_none() {
        c.wrong_type(node, expected);
        return;
    }
    c.tag(tag, node, anchor);
}

/// `TaskDefinition`: a scalar (rules AS054, AS055 and AS056 read it).
fn task_definition<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    scalar_tagged(
        node,
        anchor,
        c,
        "a task definition ARN",
        TASK_DEFINITION_TAG,
    );
}

/// `ContainerPort`: a scalar (rule AS057 wants a port number).
fn container_port<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    scalar_tagged(node, anchor, c, "a port number", CONTAINER_PORT_TAG);
}

/// `PlatformVersion`: a scalar (rule AS062 wants `LATEST` or `x.y.z`).
fn platform_version<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    scalar_tagged(
        node,
        anchor,
        c,
        "a platform version such as \"LATEST\"",
        PLATFORM_VERSION_TAG,
    );
}

/// `CapacityProviderStrategy`: a list of providers.
fn capacity_provider_strategy<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    strict_list(
        node,
        &Ty::Map(&CAPACITY_PROVIDER),
        "a list of capacity providers",
        c,
    );
}

/// `CurrentVersion` / `TargetVersion`: a scalar (rule AS070 wants a positive integer as a
/// string).
fn function_version<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    scalar_tagged(
        node,
        anchor,
        c,
        "a version number as a string, such as \"2\"",
        FUNCTION_VERSION_TAG,
    );
}

/// A value that must be a scalar: anything else is a wrong type (`expected`); a non-null scalar
/// is tagged `tag` (a null one is reported as missing by the walk, when required).
fn scalar_tagged<'a>(
    node: &'a Node,
    anchor: Span,
    c: &mut Checker<'a>,
    expected: &str,
    tag: &'static str,
) {
    let Some(s) = node.scalar() else {
        c.wrong_type(node, expected);
        return;
    };
    if !s.is_null() {
        c.tag(tag, node, anchor);
    }
}
