//! AS041 unknown-lifecycle-event.

use crate::declare_rule;
use super::Cx;
use super::helpers::{checked_hooks, hookable_list};
use crate::appspec::{Platform, events};
use crate::diagnostic::Diagnostic;
use crate::suggest::did_you_mean;

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
    code: "AS041", name: "unknown-lifecycle-event", severity: Error
}

/// Hooks whose name is no lifecycle event of the platform.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((platform, hooks)) = checked_hooks(cx.model) else {
        return;
    };
    let valid = events::scriptable(platform);
    // The agent matches EC2/on-premises event names exactly; ECS and Lambda keys are read
    // ignoring case (reference B5).
    let service = platform != Platform::Ec2;
    let same = |a: &str, b: &str| {
        if service {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    };
    let never_runs = match platform {
        Platform::Ec2 => "its scripts never run",
        Platform::Ecs | Platform::Lambda => "its hook function never runs",
    };
    let hooks: Vec<_> = hooks.collect();
    for hook in &hooks {
        if hook.event_of(platform).is_some() {
            continue;
        }
        let name = hook.name.as_str();
        let span = hook.span;
        let elsewhere: Vec<&str> = [Platform::Ec2, Platform::Ecs, Platform::Lambda]
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
        let d = RULE.at(span, message);
        out.push(match did_you_mean(name, valid.iter().copied()) {
            Some(s) if elsewhere.is_empty() => {
                let d = d.with_help(format!("did you mean `{s}`?"));
                // Renaming onto an event the file already hooks would make a duplicate: which
                // of the two is meant is for a person to say.
                if hooks.iter().any(|h| same(&h.name, s)) {
                    d
                } else {
                    d.with_rewrite(format!("rename to `{s}`"), cx.text, span, s)
                }
            }
            _ => d.with_help(format!(
                "hookable events of {} deployments: {}",
                platform.title(),
                hookable_list(platform)
            )),
        });
    }
}
