//! Hooks: lifecycle event names for every platform, EC2/on-premises scripts (`location`,
//! `timeout`, `runas`) and ECS/Lambda hook entries.

use crate::appspec::model::{Platform, agent_timeout, get_ci};
use crate::appspec::ruby::{RubyValue, ruby_value, string_to_i};
use crate::appspec::rules::structure::NONCANONICAL_KEY_CASE;
use crate::appspec::schema::{SCRIPT, strict_list};
use crate::appspec::{Ctx, events};
use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::schema::{Checker, Ty};
use crate::source::{Node, Span, Value};
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports a hook on a lifecycle event that CodeDeploy runs itself: `Start`,
    /// `DownloadBundle`, `Install`, `BlockTraffic`, `AllowTraffic` and `End` on
    /// EC2/on-premises; `Start`, `Install`, `AllowTestTraffic`, `AllowTraffic` and `End` on ECS;
    /// `Start`, `AllowTraffic` and `End` on Lambda.
    ///
    /// ## Why is this bad?
    /// The documentation says these events cannot be scripted: CodeDeploy downloads the
    /// revision, copies the files or moves traffic itself, and never runs a script or function
    /// listed under them. When the deployment tells the agent its list of lifecycle events, the
    /// agent also rejects the file ("contains unknown lifecycle events"); whether every
    /// deployment sends that list is unconfirmed, but the hook never runs either way. Move the
    /// work to the hook just before or after (`BeforeInstall`/`AfterInstall`,
    /// `BeforeAllowTraffic`/`AfterAllowTraffic`).
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   Install:
    ///     - location: scripts/install.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   AfterInstall:
    ///     - location: scripts/install.sh
    /// ```
    ///
    /// ## References
    /// - AppSpec 'hooks' section ("This event is reserved for the CodeDeploy agent and cannot be used to run scripts"; "The Start, Install, TestTraffic, AllowTraffic, and End events in the deployment cannot be scripted"): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    /// - CodeDeploy agent, `command_executor.rb` `validate_app_spec_hooks`
    pub static RESERVED_LIFECYCLE_EVENT = { code: "AS040", name: "reserved-lifecycle-event", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a hook whose name is not a lifecycle event of the AppSpec's platform: a typo
    /// (`BeforeInstal`, `Before Install`), a made-up event, or an event of another platform
    /// (`AfterAllowTestTraffic` outside ECS, `ApplicationStart` outside EC2/on-premises,
    /// `BeforeInstall` in a Lambda AppSpec). EC2/on-premises event names are matched exactly,
    /// as the agent does (`beforeinstall` is reported); ECS and Lambda event names are matched
    /// ignoring case, and a name in another case gets the style warning AS003 instead.
    ///
    /// ## Why is this bad?
    /// CodeDeploy runs hooks by event name, so a hook under any other name never runs. When the
    /// deployment tells the agent its list of lifecycle events, the agent also rejects the file
    /// ("contains unknown lifecycle events"); whether every deployment sends that list is
    /// unconfirmed, but the scripts never run either way.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   Before Install:
    ///     - location: scripts/before_install.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   BeforeInstall:
    ///     - location: scripts/before_install.sh
    /// ```
    ///
    /// ## References
    /// - AppSpec 'hooks' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    /// - CodeDeploy agent, `command_executor.rb` `validate_app_spec_hooks`
    pub static UNKNOWN_LIFECYCLE_EVENT = { code: "AS041", name: "unknown-lifecycle-event", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a hook script without `location`, or with an empty one.
    ///
    /// ## Why is this bad?
    /// `location` is the script to run. The agent fails the deployment: "the application
    /// specification file specifies a script with no location value".
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   AfterInstall:
    ///     - timeout: 300
    ///       runas: root
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   AfterInstall:
    ///     - location: scripts/after_install.sh
    ///       timeout: 300
    ///       runas: root
    /// ```
    ///
    /// ## References
    /// - AppSpec 'hooks' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_hooks`, `script_info.rb`
    pub static MISSING_SCRIPT_LOCATION = { code: "AS042", name: "missing-script-location", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a script `timeout` the agent rejects: zero, negative, or not a number (the
    /// agent converts it with Ruby's `to_i`, so `abc` is 0). Values the agent reads differently
    /// from how they look are warnings: `300s` is 300 seconds, `1.5` is 1, and an unquoted
    /// `0300` is the octal number 192.
    ///
    /// ## Why is this bad?
    /// The agent requires a timeout above 0 seconds and fails the deployment otherwise: "an
    /// invalid timeout value was provided for a script in the application specification file".
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   ApplicationStart:
    ///     - location: scripts/start.sh
    ///       timeout: 0
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   ApplicationStart:
    ///     - location: scripts/start.sh
    ///       timeout: 300
    /// ```
    ///
    /// ## References
    /// - AppSpec 'hooks' section, `timeout`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    /// - CodeDeploy agent, `script_info.rb`
    pub static INVALID_SCRIPT_TIMEOUT = { code: "AS043", name: "invalid-script-timeout", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns when the timeouts of the scripts of one lifecycle event add up to more than 3600
    /// seconds (a script without `timeout` counts as 3600, the agent's default).
    ///
    /// ## Why is this bad?
    /// 3600 seconds is the most script execution the documentation allows for one deployment
    /// lifecycle event ("if scripts exceed this limit, the deployment stops and the deployment
    /// to the instance fails"), and it asks that the timeouts of an event's scripts add up to no
    /// more. The file is not rejected, so this is a warning: the deployment fails only when the
    /// scripts really run that long.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   AfterInstall:
    ///     - location: scripts/migrate.sh
    ///       timeout: 3000
    ///     - location: scripts/warm_cache.sh
    ///       timeout: 1200
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   AfterInstall:
    ///     - location: scripts/migrate.sh
    ///       timeout: 3000
    ///   ApplicationStart:
    ///     - location: scripts/warm_cache.sh
    ///       timeout: 600
    /// ```
    ///
    /// ## References
    /// - AppSpec 'hooks' section, `timeout` ("Make sure the total number of seconds specified in timeout for all scripts in each deployment lifecycle event does not exceed this limit"): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    /// - CodeDeploy quotas: <https://docs.aws.amazon.com/codedeploy/latest/userguide/limits.html>
    pub static EVENT_TIMEOUTS_EXCEED_LIMIT = { code: "AS044", name: "event-timeouts-exceed-limit", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Warns about `runas` (or `sudo`) on a hook script in an AppSpec for Windows.
    ///
    /// ## Why is this bad?
    /// `runas` is documented for Amazon Linux and Ubuntu Server only. The Windows agent ignores
    /// it, so the script runs as the agent's own account (LocalSystem by default), not as the
    /// user you named.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: windows
    /// hooks:
    ///   AfterInstall:
    ///     - location: scripts\after_install.bat
    ///       runas: Administrator
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: windows
    /// hooks:
    ///   AfterInstall:
    ///     - location: scripts\after_install.bat
    /// ```
    ///
    /// ## References
    /// - AppSpec 'hooks' section, `runas`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    /// - CodeDeploy agent, `windows_util.rb` `prepare_script_command`
    pub static RUNAS_IGNORED_ON_WINDOWS = { code: "AS045", name: "runas-ignored-on-windows", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Warns about a lifecycle event of an EC2/on-premises AppSpec that lists no scripts:
    /// `BeforeInstall:` with nothing after it (null), or `BeforeInstall: []`.
    ///
    /// ## Why is this bad?
    /// The sources disagree about a null event. The reference this checker follows says "an
    /// event whose value is null is ignored" (the AppSpec 'hooks' page: "If an event hook is
    /// not present, no operation is executed for that event"). The CodeDeploy agent's code
    /// says otherwise: `parse_hooks` calls `scripts.each` on the event's value, which on `nil`
    /// raises Ruby's `NoMethodError` and would fail the deployment; AWS's own AppSpec template
    /// also warns that "a blank or incomplete hooks section may cause associated deployments to
    /// fail". Which one happens is unconfirmed, hence a warning. An empty list (`[]`) loads
    /// fine and runs nothing. Either way the event does nothing useful, and the lifecycle
    /// timeline shows it running nothing. Remove the event, or list its scripts.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   BeforeInstall:
    ///   AfterInstall:
    ///     - location: scripts/after_install.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   AfterInstall:
    ///     - location: scripts/after_install.sh
    /// ```
    ///
    /// ## References
    /// - AppSpec 'hooks' section ("If an event hook is not present, no operation is executed for that event"): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_hooks` (`scripts.each`)
    /// - AWS AppSpec template comment ("A blank or incomplete hooks section may cause associated deployments to fail")
    pub static EMPTY_LIFECYCLE_EVENT = { code: "AS046", name: "empty-lifecycle-event", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Reports an ECS or Lambda `Hooks` item that is not a single `Event: FunctionName` pair:
    /// two events in one item, a plain string, or an empty function name.
    ///
    /// ## Why is this bad?
    /// ECS and Lambda hooks are a list of one-key mappings, each naming the Lambda function
    /// CodeDeploy invokes at that event; the function name must not be empty.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - myLambdaFunction:
    ///       Type: AWS::Lambda::Function
    ///       Properties:
    ///         Name: "my-function"
    ///         Alias: "live"
    ///         CurrentVersion: "1"
    ///         TargetVersion: "2"
    /// Hooks:
    ///   - BeforeAllowTraffic: ""
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - myLambdaFunction:
    ///       Type: AWS::Lambda::Function
    ///       Properties:
    ///         Name: "my-function"
    ///         Alias: "live"
    ///         CurrentVersion: "1"
    ///         TargetVersion: "2"
    /// Hooks:
    ///   - BeforeAllowTraffic: "validate-before-traffic"
    /// ```
    ///
    /// ## References
    /// - AppSpec 'hooks' section (ECS, Lambda): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    /// - aws-samples/aws-codedeploy-appspec-assistant
    pub static INVALID_HOOK_ENTRY = { code: "AS047", name: "invalid-hook-entry", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns when an ECS or Lambda `Hooks` list names the same lifecycle event twice (in any
    /// case: `BeforeInstall` and `beforeinstall` are the same event).
    ///
    /// ## Why is this bad?
    /// Each event has one hook, a single Lambda function that "is executed once per
    /// deployment". Listing an event twice does not run two functions: which one CodeDeploy
    /// invokes is not documented (the lifecycle timeline shows the last one), so one of your
    /// checks silently never runs. Run every check of an event from one function.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - myLambdaFunction:
    ///       Type: AWS::Lambda::Function
    ///       Properties:
    ///         Name: "my-function"
    ///         Alias: "live"
    ///         CurrentVersion: "1"
    ///         TargetVersion: "2"
    /// Hooks:
    ///   - BeforeAllowTraffic: "check-database"
    ///   - BeforeAllowTraffic: "check-cache"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - myLambdaFunction:
    ///       Type: AWS::Lambda::Function
    ///       Properties:
    ///         Name: "my-function"
    ///         Alias: "live"
    ///         CurrentVersion: "1"
    ///         TargetVersion: "2"
    /// Hooks:
    ///   - BeforeAllowTraffic: "check-database-and-cache"
    /// ```
    ///
    /// ## References
    /// - AppSpec 'hooks' section (ECS: "An AWS Lambda hook is one Lambda function specified with a string on a new line after the name of the lifecycle event. Each hook is executed once per deployment."): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html>
    pub static DUPLICATE_HOOK_EVENT = { code: "AS048", name: "duplicate-hook-event", severity: Warning };
}

/// `hooks` (EC2/on-premises): a mapping of event names to lists of scripts.
pub(crate) fn check_server_hooks<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
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

/// `location`: not empty.
pub(crate) fn check_location<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    match node.scalar() {
        None => c.wrong_type(node, "a script path"),
        Some(s) if s.is_null() => {}
        Some(s) if s.text.trim().is_empty() => c.push(
            MISSING_SCRIPT_LOCATION
                .at(anchor, "`location` is empty")
                .with_help("give the script's path relative to the root of the revision, such as `scripts/start.sh`"),
        ),
        Some(_) => {}
    }
}

/// `timeout`: read as the agent reads it (`(value || 3600).to_i > 0`).
pub(crate) fn check_timeout<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    let Some(s) = node.scalar() else {
        c.push(
            INVALID_SCRIPT_TIMEOUT
                .at(
                    node.span,
                    format!(
                        "`timeout` must be a number of seconds, found {}",
                        node.describe()
                    ),
                )
                .with_help("write the number of seconds, such as `timeout: 300`"),
        );
        return;
    };
    let written = s.text.as_str();
    let seconds = agent_timeout(node);
    let odd = |why: String| {
        INVALID_SCRIPT_TIMEOUT
            .at(node.span, why)
            .with_severity(Severity::Warning)
            .with_help("write a plain number of seconds, such as `timeout: 300`")
    };
    let Some(seconds) = seconds else {
        let why = match ruby_value(node).unwrap_or(RubyValue::Nil) {
            RubyValue::Bool(true) => {
                format!("`{written}` is a boolean to YAML, not a number of seconds")
            }
            RubyValue::Str(t) if string_to_i(&t) == 0 && !t.trim().starts_with('0') => {
                format!("`{written}` is not a number: the agent reads it as 0 seconds")
            }
            _ => format!("`timeout: {written}` is not above 0 seconds"),
        };
        c.push(
            INVALID_SCRIPT_TIMEOUT
                .at(node.span, why)
                .with_help("the agent needs a timeout above 0 seconds; write one such as `timeout: 300`, or leave it out for the default of 3600"),
        );
        return;
    };
    match ruby_value(node).unwrap_or(RubyValue::Nil) {
        RubyValue::Int(_) if written.len() > 1 && (written.starts_with('0') || written.starts_with("-0") || written.starts_with("+0")) => {
            c.push(odd(format!("YAML 1.1 reads `{written}` as the {} number {seconds}, so the agent waits {seconds} seconds", if written.trim_start_matches(['-', '+']).starts_with("0x") { "hexadecimal" } else { "octal" })));
        }
        RubyValue::Float(_) => c.push(odd(format!("the agent truncates `{written}` to {seconds} seconds"))),
        RubyValue::Bool(false) => c.push(odd(format!("`{written}` is a boolean to YAML; the agent falls back to its default of {seconds} seconds"))),
        RubyValue::Str(t) if !t.trim().bytes().all(|b| b.is_ascii_digit()) => {
            c.push(odd(format!("the agent reads `{written}` as {seconds} seconds (Ruby `to_i` keeps the leading digits)")));
        }
        _ => {}
    }
}

/// `Hooks` (ECS, Lambda): a list of one-key mappings `Event: FunctionName`.
pub(crate) fn check_service_hooks<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    match &node.value {
        Value::Seq(seq) => {
            for item in seq.items.iter().take(1000) {
                check_service_hook_item(item, c);
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

fn check_service_hook_item<'a>(item: &'a Node, c: &mut Checker<'a>) {
    let Some(map) = item.map() else {
        if !item.is_invalid() {
            c.push(
                INVALID_HOOK_ENTRY
                    .at(
                        item.span,
                        format!(
                            "a `Hooks` item must be `Event: FunctionName`, found {}",
                            item.describe()
                        ),
                    )
                    .with_help("write each hook as `- BeforeAllowTraffic: \"MyFunction\"`"),
            );
        }
        return;
    };
    if map.entries.len() > 1 {
        c.push(
            INVALID_HOOK_ENTRY
                .at(
                    item.span,
                    format!(
                        "this `Hooks` item names {} events; each item names one",
                        map.entries.len()
                    ),
                )
                .with_help("start each event on its own `- ` line"),
        );
    }
    for pair in &map.entries {
        let event = pair.key_str().unwrap_or("?");
        match pair.value.scalar() {
            Some(s) if !s.is_null() && !s.text.trim().is_empty() => {}
            Some(_) => c.push(
                INVALID_HOOK_ENTRY
                    .at(if pair.value.span.is_empty() { pair.key.span } else { pair.value.span }, format!("`{event}` names no Lambda function"))
                    .with_help("give the name of the Lambda function CodeDeploy invokes at this event, or remove the hook"),
            ),
            None if pair.value.is_invalid() => {}
            None => c.push(
                INVALID_HOOK_ENTRY
                    .at(pair.value.span, format!("`{event}` must name a Lambda function, found {}", pair.value.describe()))
                    .with_help("write the function's name as a string: `- BeforeAllowTraffic: \"MyFunction\"`"),
            ),
        }
    }
}

/// AS040/AS041 (and AS003 for an ECS or Lambda event written in another case) for one event
/// name; returns the event's documented spelling when it is hookable on the platform.
fn event_name(cx: &mut Ctx<'_>, name: &str, span: Span) -> Option<&'static str> {
    let platform = cx.platform;
    let valid = events::scriptable(platform);
    // The agent matches EC2/on-premises event names exactly; ECS and Lambda keys are read
    // ignoring case, with a style warning (reference B5).
    let service = platform != Platform::Server;
    let same = |a: &str, b: &str| {
        if service {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    };
    let canonical = if service {
        events::known_ignoring_case(platform, name)
    } else {
        valid
            .iter()
            .chain(events::reserved(platform))
            .find(|e| **e == name)
            .copied()
    };
    if let Some(documented) = canonical
        && documented != name
    {
        cx.push(
            NONCANONICAL_KEY_CASE
                .at(span, format!("`{name}` is documented as `{documented}`"))
                .with_help(format!(
                    "write `{documented}` as the documentation and AWS's samples do"
                ))
                .with_fix(format!("rename to `{documented}`"), span, documented),
        );
    }
    let key = canonical.unwrap_or(name);
    if let Some(event) = valid.iter().find(|e| **e == key) {
        return Some(event);
    }
    let list = valid
        .iter()
        .map(|e| format!("`{e}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let (what, never_runs) = match platform {
        Platform::Server => ("scripts", "its scripts never run"),
        Platform::Ecs | Platform::Lambda => ("a hook function", "its hook function never runs"),
    };
    if events::reserved(platform).contains(&key) {
        let instead = events::reserved_alternative(platform, key);
        cx.push(
            RESERVED_LIFECYCLE_EVENT
                .at(
                    span,
                    format!("`{name}` is run by CodeDeploy itself and cannot run {what}"),
                )
                .with_help(format!(
                    "move the hook to {instead}; hookable events here: {list}"
                )),
        );
        return None;
    }
    let elsewhere: Vec<&str> = [Platform::Server, Platform::Ecs, Platform::Lambda]
        .into_iter()
        .filter(|p| *p != platform && events::scriptable(*p).iter().any(|e| same(e, name)))
        .map(Platform::title)
        .collect();
    let message = if elsewhere.is_empty() {
        format!("`{name}` is not a lifecycle event, so {never_runs}")
    } else {
        format!(
            "`{name}` is a lifecycle event of {} deployments, not of {} ones, so {never_runs}",
            elsewhere.join(" and "),
            platform.title()
        )
    };
    let mut d = UNKNOWN_LIFECYCLE_EVENT.at(span, message);
    match did_you_mean(name, valid.iter().copied()) {
        Some(s) if elsewhere.is_empty() => {
            d = d.with_help(format!("did you mean `{s}`?")).with_fix(
                format!("rename to `{s}`"),
                span,
                s,
            );
        }
        _ => {
            d = d.with_help(format!(
                "hookable events of {} deployments: {list}",
                platform.title()
            ))
        }
    }
    cx.push(d);
    None
}

/// AS040, AS041, AS044, AS045 and AS046 over an EC2/on-premises `hooks` mapping.
pub(crate) fn server_hooks(cx: &mut Ctx<'_>) {
    let root = cx.root;
    let Some(hooks) = root.get("hooks") else {
        return;
    };
    let windows = cx.os() == Some("windows");
    for pair in hooks.entries().iter().take(1000) {
        let Some(name) = pair.key_str() else { continue };
        event_name(cx, name, pair.key.span);
        if pair.value.is_null() {
            cx.push(
                EMPTY_LIFECYCLE_EVENT
                    .at(
                        pair.key.span,
                        format!("`{name}` lists no scripts; whether the agent ignores it or fails is unconfirmed"),
                    )
                    .with_help(
                        "list the event's scripts under it (`- location: …`), or remove the event",
                    ),
            );
            continue;
        }
        if pair
            .value
            .seq()
            .is_some_and(|s| s.items.is_empty() && s.complete)
        {
            cx.push(
                EMPTY_LIFECYCLE_EVENT
                    .at(
                        pair.key.span,
                        format!("`{name}` has an empty list of scripts"),
                    )
                    .with_help("list the event's scripts, or remove the event"),
            );
            continue;
        }
        let mut total: i64 = 0;
        for script in pair.value.items().iter().take(1000) {
            if script.map().is_none() {
                continue;
            }
            total = total.saturating_add(
                script
                    .get("timeout")
                    .map_or(3600, |t| agent_timeout(t).unwrap_or(0)),
            );
            if windows {
                for key in ["runas", "sudo"] {
                    if let Some(p) = script.entry(key)
                        && !p.value.is_null()
                    {
                        cx.push(
                            RUNAS_IGNORED_ON_WINDOWS
                                .at(p.key.span, format!("the Windows agent ignores `{key}`: the script runs as the agent's account"))
                                .with_help("remove it; on Windows the script runs as the CodeDeploy agent's service account (LocalSystem by default)"),
                        );
                    }
                }
            }
        }
        if total > 3600 {
            cx.push(
                EVENT_TIMEOUTS_EXCEED_LIMIT
                    .at(pair.key.span, format!("the scripts of `{name}` may run for {total} seconds in total, more than the 3600 allowed for one lifecycle event"))
                    .with_help("a script without `timeout` counts as 3600 seconds; lower the timeouts, or spread the scripts over several events"),
            );
        }
    }
}

/// AS040, AS041, AS003 (event name case) and AS048 over an ECS or Lambda `Hooks` list.
pub(crate) fn service_hooks(cx: &mut Ctx<'_>) {
    let root = cx.root;
    let Some(hooks) = get_ci(root, "Hooks") else {
        return;
    };
    // Hookable events seen so far: (event, its key, the item it is in).
    let mut seen: Vec<(&'static str, Span, usize)> = Vec::new();
    for (index, item) in hooks.items().iter().enumerate().take(1000) {
        for pair in item.entries() {
            let Some(name) = pair.key_str() else { continue };
            let Some(event) = event_name(cx, name, pair.key.span) else {
                continue;
            };
            match seen.iter().find(|(e, _, _)| *e == event) {
                // Two events in one item are rule AS047 (or a duplicate key).
                Some((_, _, first_item)) if *first_item == index => {}
                Some((_, first, _)) => cx.push(
                    DUPLICATE_HOOK_EVENT
                        .at(pair.key.span, format!("`{event}` already has a hook function: each hook runs once per deployment"))
                        .with_label(*first, "first listed here")
                        .with_help(format!("keep one `{event}` entry and call every check from that function; which of the listed functions CodeDeploy invokes is not documented (the timeline shows the last)")),
                ),
                None => seen.push((event, pair.key.span, index)),
            }
        }
    }
}
