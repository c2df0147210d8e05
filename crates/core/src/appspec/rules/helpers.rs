//! Helpers shared by several AppSpec rules (none of them reports anything).

use crate::appspec::events;
use crate::appspec::model::{AppSpec, Hook, Platform, get_ci};
use crate::appspec::ruby::{RubyValue, ruby_value};
use crate::source::{Node, ScalarKind};

/// The last segment of a dotted path (`Resources.0.fn.Properties.Name` → `Name`).
pub(crate) fn last_segment(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// How many hook entries (EC2/on-premises) or `Hooks` items (ECS, Lambda) the hook rules look
/// at.
const HOOK_LIMIT: usize = 1000;

/// How many scripts of an EC2/on-premises event the script rules look at.
pub(crate) const SCRIPT_LIMIT: usize = 1000;

/// The hooks the hook rules check, with the platform, when the platform is known.
pub(crate) fn checked_hooks(spec: &AppSpec) -> Option<(Platform, impl Iterator<Item = &Hook>)> {
    let platform = spec.known_platform()?;
    Some((platform, spec.hooks.iter().filter(|h| h.index < HOOK_LIMIT)))
}

/// The hookable event of `platform` a hook is for, in its documented spelling.
pub(crate) fn hookable_event(platform: Platform, hook: &Hook) -> Option<&'static str> {
    hook.event_of(platform)
        .filter(|e| events::scriptable(platform).contains(e))
}

/// The hookable events of `platform`, quoted and separated by commas, for help texts.
pub(crate) fn hookable_list(platform: Platform) -> String {
    events::scriptable(platform)
        .iter()
        .map(|e| format!("`{e}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a `version` value is to its reader.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Version {
    /// `0.0` (or null, reported as missing).
    Fine,
    /// A number equal to 0.0 not written `0.0` (rule AS013).
    Nonstandard,
    /// A string (quoted or tagged `!!str`) holding 0.0, with its text (rule AS012).
    Quoted(String),
    /// Anything else (rule AS011).
    Unsupported,
}

/// `version` of an EC2/on-premises AppSpec, as the agent reads it (Ruby YAML, compared with
/// `[0.0]`).
pub(crate) fn ec2_version(node: &Node) -> Version {
    let Some(s) = node.scalar() else {
        return Version::Fine;
    };
    match ruby_value(node).unwrap_or(RubyValue::Nil) {
        RubyValue::Nil => Version::Fine, // reported as missing
        RubyValue::Int(0) => Version::Nonstandard,
        RubyValue::Float(0.0) => {
            if s.text == "0.0" {
                Version::Fine
            } else {
                Version::Nonstandard
            }
        }
        RubyValue::Str(t) if t.trim().parse::<f64>().is_ok_and(|v| v == 0.0) => Version::Quoted(t),
        _ => Version::Unsupported,
    }
}

/// `version` of an ECS or Lambda AppSpec (read by the service; JSON or YAML).
pub(crate) fn service_version(node: &Node) -> Version {
    let Some(s) = node.scalar().filter(|s| !s.is_null()) else {
        return Version::Fine;
    };
    // An explicit `!!str` makes the value a string for any YAML reader.
    let kind = match ruby_value(node) {
        Some(RubyValue::Str(_)) if node.tag.is_some() => ScalarKind::Str,
        _ => s.kind(),
    };
    match (kind, s.number()) {
        (ScalarKind::Int | ScalarKind::Float, Some(0.0)) => {
            if s.text == "0.0" {
                Version::Fine
            } else {
                Version::Nonstandard
            }
        }
        (ScalarKind::Str, _) if s.text.trim().parse::<f64>().is_ok_and(|v| v == 0.0) => {
            Version::Quoted(s.text.clone())
        }
        _ => Version::Unsupported,
    }
}

/// A `<placeholder>` in `text`: `<` and `>` around 1 to 64 letters, digits, `_`, `-`, `.` or
/// spaces, starting with a letter.
pub(crate) fn placeholder(text: &str) -> Option<&str> {
    let mut rest = text;
    let mut offset = 0;
    for _ in 0..64 {
        let open = rest.find('<')?;
        let after = rest.get(open + 1..).unwrap_or("");
        let len = after
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b' '))
            .count();
        let starts_with_letter = after
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic());
        if starts_with_letter && (1..=64).contains(&len) && after.as_bytes().get(len) == Some(&b'>')
        {
            let start = offset + open;
            return text.get(start..start + len + 2);
        }
        offset += open + 1;
        rest = after;
    }
    None
}

/// The `Properties` of the first resource (ECS, Lambda), read from the tree.
pub(crate) fn properties(root: &Node) -> Option<&Node> {
    get_ci(root, "Resources")?
        .items()
        .first()?
        .entries()
        .first()
        .and_then(|p| get_ci(&p.value, "Properties"))
}

#[cfg(test)]
mod tests {
    use super::placeholder;

    #[test]
    fn placeholders() {
        assert_eq!(placeholder("<TASK_ARN>"), Some("<TASK_ARN>"));
        assert_eq!(
            placeholder("arn::ecs:<region>:<account id>:x"),
            Some("<region>")
        );
        assert_eq!(placeholder("a < b > c"), None);
        assert_eq!(placeholder("<<EOF"), None);
        assert_eq!(placeholder("plain"), None);
    }
}
