//! AS033 invalid-acl-entry.

use crate::declare_rule;
use super::Cx;
use crate::appspec::ruby::{RubyValue, ruby_value};
use crate::appspec::schema::ACLS_TAG;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an `acls` entry the agent rejects: not `[d:][u|g|m|o:][name]:perm` (two to four
    /// parts), a permission other than `rwx`/`-` characters or one octal digit, a named `mask`
    /// or `other` entry, or an unnamed base entry such as `u::rwx` or `o::r`.
    ///
    /// ## Why is this bad?
    /// The agent parses each entry before running `setfacl` and fails the deployment on any of
    /// these ("Invalid acl entry"; for base entries "Use mode to set the base acl entry"). The
    /// owner, group and other permissions belong in `mode`; `acls` adds named users and groups.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     acls:
    ///       - u::rwx
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     mode: 750
    ///     acls:
    ///       - u:deploy:rwx
    /// ```
    ///
    /// ## References
    /// - AppSpec 'permissions' section, `acls`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html>
    /// - CodeDeploy agent, `ace_info.rb`
    code: "AS033", name: "invalid-acl-entry", severity: Error
}

/// `acls` entries the agent's parser rejects.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(ACLS_TAG) {
        for item in tagged.node.items().iter().take(1000) {
            // Entries that are not scalars are wrong types (rule AS002).
            let Some(s) = item.scalar() else {
                continue;
            };
            let text = match ruby_value(item).unwrap_or(RubyValue::Nil) {
                RubyValue::Str(t) => t,
                RubyValue::Nil => {
                    out.push(RULE.at(item.span, "empty ACL entry"));
                    continue;
                }
                _ => {
                    out.push(
                        RULE
                            .at(item.span, format!("`{}` is not an ACL entry", s.text))
                            .with_help("write entries such as `u:deploy:rwx` or `g:web:r-x`"),
                    );
                    continue;
                }
            };
            if let Err(why) = parse_ace(&text) {
                out.push(
                    RULE
                        .at(item.span, format!("invalid ACL entry `{text}`: {why}"))
                        .with_help("write `[d:]u:<user>:<perm>` or `[d:]g:<group>:<perm>`, with `<perm>` as `rwx`/`-` characters or one octal digit; set the owner, group and other permissions with `mode`"),
                );
            }
        }
    }
}

/// Parses an ACL entry as the agent's `AceInfo` does; the error says why it is rejected.
fn parse_ace(ace: &str) -> Result<(), &'static str> {
    let parts: Vec<&str> = ace.split(':').rev().collect();
    if !(2..=4).contains(&parts.len()) {
        return Err("an entry has 2 to 4 parts separated by `:`");
    }
    let is =
        |s: Option<&&str>, short: &str, long: &str| s.is_some_and(|p| *p == short || *p == long);
    let mut default = false;
    let mut kind: Option<&str> = None;
    if parts.len() == 4 {
        if !is(parts.get(3), "d", "default") {
            return Err("a 4-part entry must start with `d:` or `default:`");
        }
        default = true;
    }
    if parts.len() >= 3 {
        let p = parts.get(2);
        if is(p, "d", "default") {
            if default {
                return Err("`default` appears twice");
            }
            default = true;
        } else if is(p, "m", "mask") {
            kind = Some("mask");
        } else if is(p, "o", "other") {
            kind = Some("other");
        } else if is(p, "g", "group") {
            kind = Some("group");
        } else if is(p, "u", "user") {
            kind = Some("user");
        } else {
            return Err(
                "the type must be `u`, `g`, `m` or `o` (or `user`, `group`, `mask`, `other`)",
            );
        }
    }
    let mut name = "";
    let second = parts.get(1).copied().unwrap_or("");
    if matches!(second, "m" | "mask" | "o" | "other") {
        let long = if second.starts_with('m') {
            "mask"
        } else {
            "other"
        };
        if kind.is_none() {
            kind = Some(long);
        } else {
            name = long;
        }
    } else {
        if kind.is_none() {
            kind = Some("user");
        }
        name = second;
    }
    let kind = kind.unwrap_or("user");
    if matches!(kind, "mask" | "other") && !name.is_empty() {
        return Err("`mask` and `other` entries cannot name a user or group");
    }
    if !default && kind != "mask" && name.is_empty() {
        return Err(
            "an unnamed entry sets the owner, group or other permissions, which the agent refuses: use `mode`",
        );
    }
    let perm = parts.first().copied().unwrap_or("");
    let single_octal = perm.len() == 1 && perm.bytes().all(|b| (b'0'..=b'7').contains(&b));
    if !single_octal && !perm.chars().all(|ch| matches!(ch, 'r' | 'w' | 'x' | '-')) {
        return Err("the permission must be `rwx`/`-` characters or one octal digit");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse_ace;

    #[test]
    fn acl_entries_like_the_agent() {
        for ok in [
            "u:bob:rwx",
            "g:web:r-x",
            "d:u:bob:rw",
            "default:g:web:5",
            "bob:7",
            "m::rx",
            "d:u::rwx",
            "mask::r",
        ] {
            assert!(parse_ace(ok).is_ok(), "{ok}");
        }
        for bad in [
            "u::rwx",
            "o::r",
            "g::r",
            "rwx",
            "a:b:c:d:e",
            "x:bob:rwx",
            "u:bob:rwz",
            "m:bob:r",
            "o:bob:r",
            "d:d:bob:r",
            "u:bob:77",
        ] {
            assert!(parse_ace(bad).is_err(), "{bad}");
        }
    }
}
