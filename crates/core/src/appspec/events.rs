//! The lifecycle events of each platform, after the AppSpec 'hooks' reference and the
//! CodeDeploy agent's `DEFAULT_ORDERED_LIFECYCLE_EVENTS`.

use super::model::Platform;

/// EC2/on-premises events that run the user's scripts.
pub const EC2_HOOKS: &[&str] = &[
    "ApplicationStop",
    "BeforeInstall",
    "AfterInstall",
    "ApplicationStart",
    "ValidateService",
    "BeforeBlockTraffic",
    "AfterBlockTraffic",
    "BeforeAllowTraffic",
    "AfterAllowTraffic",
];

/// EC2/on-premises events CodeDeploy runs itself.
pub const EC2_RESERVED: &[&str] = &[
    "Start",
    "DownloadBundle",
    "Install",
    "BlockTraffic",
    "AllowTraffic",
    "End",
];

/// ECS events that invoke a hook function.
pub const ECS_HOOKS: &[&str] = &[
    "BeforeInstall",
    "AfterInstall",
    "AfterAllowTestTraffic",
    "BeforeAllowTraffic",
    "AfterAllowTraffic",
];

/// ECS events CodeDeploy runs itself.
pub const ECS_RESERVED: &[&str] = &[
    "Start",
    "Install",
    "AllowTestTraffic",
    "AllowTraffic",
    "End",
];

/// Lambda events that invoke a hook function.
pub const LAMBDA_HOOKS: &[&str] = &["BeforeAllowTraffic", "AfterAllowTraffic"];

/// Lambda events CodeDeploy runs itself.
pub const LAMBDA_RESERVED: &[&str] = &["Start", "AllowTraffic", "End"];

/// The events of `platform` that run hooks.
pub fn scriptable(platform: Platform) -> &'static [&'static str] {
    match platform {
        Platform::Ec2 => EC2_HOOKS,
        Platform::Ecs => ECS_HOOKS,
        Platform::Lambda => LAMBDA_HOOKS,
    }
}

/// The events of `platform` that CodeDeploy runs itself.
pub fn reserved(platform: Platform) -> &'static [&'static str] {
    match platform {
        Platform::Ec2 => EC2_RESERVED,
        Platform::Ecs => ECS_RESERVED,
        Platform::Lambda => LAMBDA_RESERVED,
    }
}

/// Whether `event` is an event (hookable or reserved) of `platform`, as documented.
pub(crate) fn is_event(platform: Platform, event: &str) -> bool {
    scriptable(platform).contains(&event) || reserved(platform).contains(&event)
}

/// `name` as an event (hookable or reserved) of `platform`, written exactly (the agent's
/// reading of EC2/on-premises names); `None` when it is none of them.
pub(crate) fn known_exactly(platform: Platform, name: &str) -> Option<&'static str> {
    scriptable(platform)
        .iter()
        .chain(reserved(platform))
        .find(|e| **e == name)
        .copied()
}

/// The documented spelling of `name` among the events (hookable or reserved) of `platform`,
/// matched ignoring ASCII case; `None` when it is none of them.
pub(crate) fn known_ignoring_case(platform: Platform, name: &str) -> Option<&'static str> {
    scriptable(platform)
        .iter()
        .chain(reserved(platform))
        .find(|e| e.eq_ignore_ascii_case(name))
        .copied()
}

/// The documented spelling of an ECS or Lambda event `name` written in any case (the service
/// reads these keys ignoring case, rule AS003); `None` when it is no ECS or Lambda event.
pub(crate) fn service_event(name: &str) -> Option<&'static str> {
    known_ignoring_case(Platform::Ecs, name).or_else(|| known_ignoring_case(Platform::Lambda, name))
}

/// Where the work of a hook wrongly put on reserved `event` belongs, for help texts.
pub(crate) fn reserved_alternative(platform: Platform, event: &str) -> &'static str {
    match (platform, event) {
        (Platform::Ec2, "DownloadBundle") => "`BeforeInstall`",
        (Platform::Ec2 | Platform::Ecs, "Install") => "`BeforeInstall` or `AfterInstall`",
        (_, "BlockTraffic") => "`BeforeBlockTraffic` or `AfterBlockTraffic`",
        (_, "AllowTraffic") => "`BeforeAllowTraffic` or `AfterAllowTraffic`",
        (_, "AllowTestTraffic") => "`AfterAllowTestTraffic`",
        (Platform::Ec2, "Start") => "`ApplicationStop` or `BeforeInstall`",
        (Platform::Ec2, "End") => "`ValidateService`",
        (Platform::Ecs, "Start") => "`BeforeInstall`",
        (Platform::Lambda, "Start") => "`BeforeAllowTraffic`",
        (Platform::Ecs | Platform::Lambda, "End") => "`AfterAllowTraffic`",
        _ => "a hookable event",
    }
}
