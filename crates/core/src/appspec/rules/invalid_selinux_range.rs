//! AS037 invalid-selinux-range.

use crate::declare_rule;
use super::Cx;
use crate::appspec::ruby::{RubyValue, ruby_value};
use crate::appspec::schema::RANGE_TAG;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an SELinux `range` the agent cannot read: it must be `s<N>` or `s<N>-s<M>`
    /// (with M ≥ N), optionally followed by `:` and categories `c<N>` or `c<N>.c<M>` separated
    /// by commas, each at most 1023 and none repeated. Trailing commas (`s0:c1,`) are accepted,
    /// as the agent accepts them.
    ///
    /// ## Why is this bad?
    /// The agent parses the range before calling `semanage` and fails the deployment ("invalid
    /// sensitivity", "invalid category", "duplicate categories"). It splits the categories with
    /// Ruby's `split(",")`, which drops trailing empty parts, so only an empty part before
    /// another category (`s0:c1,,c2`) is rejected.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     context:
    ///       type: httpd_sys_content_t
    ///       range: s0:c2048
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     context:
    ///       type: httpd_sys_content_t
    ///       range: s0:c0.c1023
    /// ```
    ///
    /// ## References
    /// - AppSpec 'permissions' section, `context`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html>
    /// - CodeDeploy agent, `range_info.rb`
    code: "AS037", name: "invalid-selinux-range", severity: Error
}

/// SELinux `range` values the agent's parser rejects.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(RANGE_TAG) {
        let node = tagged.node;
        let Some(s) = node.scalar() else {
            continue;
        };
        let text = match ruby_value(node).unwrap_or(RubyValue::Nil) {
            RubyValue::Str(t) => t,
            _ => s.text.clone(),
        };
        if let Err(why) = parse_range(&text) {
            out.push(
                RULE
                    .at(node.span, format!("invalid SELinux range `{text}`: {why}"))
                    .with_help("write `s<N>[-s<M>][:c<N>[.c<M>],…]`, such as `s0-s0:c0.c1023`"),
            );
        }
    }
}

/// Splits like the agent's `ensure_parts`: at most two non-empty parts around the first `sep`.
fn two_parts(input: &str, sep: char) -> Result<(&str, Option<&str>), &'static str> {
    match input.split_once(sep) {
        Some((a, b)) if !a.is_empty() && !b.is_empty() => Ok((a, Some(b))),
        Some(_) => Err("a part is empty"),
        None if input.is_empty() => Err("a part is empty"),
        None => Ok((input, None)),
    }
}

fn level(part: &str, prefix: char) -> Option<u32> {
    let digits = part.strip_prefix(prefix)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.parse::<u32>().unwrap_or(u32::MAX))
}

fn parse_range(range: &str) -> Result<(), &'static str> {
    let (sensitivity, categories) = two_parts(range, ':')?;
    let (low, high) = two_parts(sensitivity, '-')?;
    let low = level(low, 's').ok_or("a sensitivity is `s` followed by digits")?;
    if let Some(high) = high {
        let high = level(high, 's').ok_or("a sensitivity is `s` followed by digits")?;
        if high < low {
            return Err("the high sensitivity is lower than the low one");
        }
    }
    let Some(categories) = categories else {
        return Ok(());
    };
    // Ruby's `split(",")` drops trailing empty parts: the agent accepts `s0:c1,` (and `s0:,`).
    let mut parts: Vec<&str> = categories.split(',').take(2048).collect();
    while parts.last().is_some_and(|p| p.is_empty()) {
        parts.pop();
    }
    let mut seen: Vec<u32> = Vec::new();
    for part in parts {
        let category = |c: &str| {
            level(c, 'c')
                .filter(|n| *n <= 1023)
                .ok_or("a category is `c` followed by a number from 0 to 1023")
        };
        let (a, b) = two_parts(part, '.')?;
        let low = category(a)?;
        let high = match b {
            Some(b) => category(b)?,
            None => low,
        };
        if high < low {
            return Err("a category range ends below its start");
        }
        for n in low..=high {
            if seen.contains(&n) {
                return Err("a category is listed twice");
            }
            seen.push(n);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse_range;

    #[test]
    fn selinux_ranges_like_the_agent() {
        for ok in [
            "s0",
            "s0-s0",
            "s0-s15:c0.c1023",
            "s0:c1,c3,c5.c7",
            "s0:c1,",
            "s0:c1,c2,,",
            "s0:,",
        ] {
            assert!(parse_range(ok).is_ok(), "{ok}");
        }
        for bad in [
            "0",
            "s",
            "s1-s0",
            "s0:c1024",
            "s0:c1,c1",
            "s0:c5.c1",
            "s0:",
            "s0:c1.c3,c2",
            "t0",
            "s0:,c1",
            "s0:c1,,c2",
        ] {
            assert!(parse_range(bad).is_err(), "{bad}");
        }
    }
}
