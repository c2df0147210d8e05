//! The AppSpec rules (`AS…`), grouped by the part of the file they check.

pub(crate) mod ec2;
pub(crate) mod ecs;
pub(crate) mod hooks;
pub(crate) mod lambda;
pub(crate) mod permissions;
pub(crate) mod resources;
pub(crate) mod structure;

use super::Ctx;
use super::model::Platform;
use crate::rule::Rule;

/// Every AppSpec rule, in code order.
pub(crate) static RULES: &[&Rule] = &[
    &structure::UNKNOWN_KEY,
    &structure::INVALID_TYPE,
    &structure::NONCANONICAL_KEY_CASE,
    &structure::MISSING_VERSION,
    &structure::UNSUPPORTED_VERSION,
    &structure::QUOTED_VERSION,
    &structure::NONSTANDARD_VERSION_NUMBER,
    &structure::UNDETERMINED_PLATFORM,
    &structure::TEMPLATE_INSTEAD_OF_APPSPEC,
    &ec2::MISSING_OS,
    &ec2::UNSUPPORTED_OS,
    &ec2::INCOMPLETE_FILE_MAPPING,
    &ec2::RELATIVE_FILE_DESTINATION,
    &ec2::INVALID_FILE_EXISTS_BEHAVIOR,
    &ec2::UNDOCUMENTED_OVERWRITE_KEY,
    &permissions::PERMISSIONS_ON_WINDOWS,
    &permissions::MISSING_PERMISSION_OBJECT,
    &permissions::INVALID_PERMISSION_MODE,
    &permissions::INVALID_ACL_ENTRY,
    &permissions::INVALID_PERMISSION_TYPE,
    &permissions::MISSING_CONTEXT_TYPE,
    &permissions::CONTEXT_USER_IGNORED,
    &permissions::INVALID_SELINUX_RANGE,
    &permissions::UNMATCHABLE_PERMISSION_PATTERN,
    &hooks::RESERVED_LIFECYCLE_EVENT,
    &hooks::UNKNOWN_LIFECYCLE_EVENT,
    &hooks::MISSING_SCRIPT_LOCATION,
    &hooks::INVALID_SCRIPT_TIMEOUT,
    &hooks::EVENT_TIMEOUTS_EXCEED_LIMIT,
    &hooks::RUNAS_IGNORED_ON_WINDOWS,
    &hooks::EMPTY_LIFECYCLE_EVENT,
    &hooks::INVALID_HOOK_ENTRY,
    &hooks::DUPLICATE_HOOK_EVENT,
    &resources::MISSING_RESOURCES,
    &resources::WRONG_RESOURCE_COUNT,
    &resources::INVALID_RESOURCE_TYPE,
    &resources::MISSING_RESOURCE_PROPERTY,
    &resources::UNFILLED_PLACEHOLDER,
    &ecs::TASK_DEFINITION_PLACEHOLDER,
    &ecs::TASK_DEFINITION_NOT_ARN,
    &ecs::INVALID_CONTAINER_PORT,
    &ecs::INCOMPLETE_AWSVPC_CONFIGURATION,
    &ecs::INVALID_ASSIGN_PUBLIC_IP,
    &ecs::REPEATED_CAPACITY_PROVIDER_BASE,
    &ecs::ZERO_CAPACITY_PROVIDER_WEIGHTS,
    &ecs::INVALID_PLATFORM_VERSION,
    &ecs::NON_TARGET_SERVICE_NAME,
    &lambda::INVALID_FUNCTION_VERSION,
    &lambda::SAME_CURRENT_AND_TARGET_VERSION,
];

/// Runs the rules that relate several places of the file (the schema walk has already run).
pub(crate) fn run(cx: &mut Ctx<'_>) {
    match cx.platform {
        Platform::Server => {
            ec2::destinations(cx);
            permissions::windows(cx);
            hooks::server_hooks(cx);
        }
        Platform::Ecs => {
            ecs::network_and_capacity(cx);
            hooks::service_hooks(cx);
        }
        Platform::Lambda => {
            lambda::versions(cx);
            hooks::service_hooks(cx);
        }
    }
    resources::placeholders(cx);
}
