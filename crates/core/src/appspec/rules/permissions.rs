//! EC2/on-premises `permissions`: object, pattern, mode, ACLs, SELinux context, and the
//! Windows restriction.

use crate::appspec::Ctx;
use crate::appspec::ruby::{RubyValue, ruby_value};
use crate::appspec::schema::{PERMISSION, strict_list};
use crate::declare_rule;
use crate::schema::{Checker, EnumSpec, Ty};
use crate::source::{Node, Span};

declare_rule! {
    /// ## What it does
    /// Reports `permissions` in an AppSpec for Windows (`os: windows`).
    ///
    /// ## Why is this bad?
    /// Permissions are supported only on Linux. The Windows agent fails the deployment: "the
    /// application specification file specifies file permissions, but the deployment is
    /// targeting one or more Windows Server instances".
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: windows
    /// files:
    ///   - source: \
    ///     destination: C:\inetpub\wwwroot
    /// permissions:
    ///   - object: C:\inetpub\wwwroot
    ///     owner: IIS_IUSRS
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: windows
    /// files:
    ///   - source: \
    ///     destination: C:\inetpub\wwwroot
    /// ```
    ///
    /// ## References
    /// - AppSpec 'permissions' section ("applies to Amazon Linux, Ubuntu Server, and RHEL instances only"): <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_permissions`
    pub static PERMISSIONS_ON_WINDOWS = { code: "AS030", name: "permissions-on-windows", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a `permissions` entry without `object`, or with an empty one.
    ///
    /// ## Why is this bad?
    /// `object` names the installed file or directory the entry applies to. The agent fails the
    /// deployment: "a permission listed in the application specification file has no object
    /// value".
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - owner: www-data
    ///     mode: 755
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     owner: www-data
    ///     mode: 755
    /// ```
    ///
    /// ## References
    /// - AppSpec 'permissions' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html>
    /// - CodeDeploy agent, `linux_permission_info.rb`
    pub static MISSING_PERMISSION_OBJECT = { code: "AS031", name: "missing-permission-object", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a `mode` that is not 1 to 4 octal digits: symbolic modes (`u+x`, `rwxr-xr-x`),
    /// digits 8 or 9, more than four digits, and an unquoted mode with a leading zero that YAML
    /// reads as another number.
    ///
    /// ## Why is this bad?
    /// The agent accepts chmod's numeric notation only and fails the deployment otherwise
    /// ("contains an invalid character"). A leading zero is a trap: the agent's YAML 1.1 reader
    /// takes an unquoted `0644` as an octal number, 420 in decimal, and the agent turns that
    /// number back into text. When the decimal digits happen to be valid (420), the agent
    /// silently applies mode 420 (`r---w----`) instead of 644; when they are not (`0755` is
    /// 493, with a 9), the agent rejects the mode and the deployment fails. The message says
    /// which of the two happens. Quote such a mode (`"0644"`) or drop the zero.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     mode: 0644
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     mode: 644
    /// ```
    ///
    /// ## References
    /// - AppSpec 'permissions' section, `mode`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html>
    /// - CodeDeploy agent, `mode_info.rb`
    pub static INVALID_PERMISSION_MODE = { code: "AS032", name: "invalid-permission-mode", severity: Error };
}

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
    pub static INVALID_ACL_ENTRY = { code: "AS033", name: "invalid-acl-entry", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a permissions `type` other than `file` and `directory`.
    ///
    /// ## Why is this bad?
    /// The agent fails the deployment: "specifies a permission for an object type not supported
    /// for permissions". `file` applies to files directly inside `object`, `directory` to every
    /// directory below it.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     mode: 644
    ///     type:
    ///       - files
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     mode: 644
    ///     type:
    ///       - file
    /// ```
    ///
    /// ## References
    /// - AppSpec 'permissions' section, `type`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_type_list`
    pub static INVALID_PERMISSION_TYPE = { code: "AS034", name: "invalid-permission-type", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports an SELinux `context` without `type`.
    ///
    /// ## Why is this bad?
    /// The agent requires `type` and fails the deployment: "specifies an invalid context type".
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     context:
    ///       range: s0
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
    ///       range: s0
    /// ```
    ///
    /// ## References
    /// - AppSpec 'permissions' section, `context`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html>
    /// - CodeDeploy agent, `context_info.rb`
    pub static MISSING_CONTEXT_TYPE = { code: "AS035", name: "missing-context-type", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns about `user` inside an SELinux `context`.
    ///
    /// ## Why is this bad?
    /// The documentation calls the SELinux user field `user`, but the agent reads `name`, so a
    /// `user` is silently ignored and the file keeps its default SELinux user. Because the
    /// documentation and the agent disagree, this is a warning; `name` is what takes effect.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     context:
    ///       user: system_u
    ///       type: httpd_sys_content_t
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     context:
    ///       name: system_u
    ///       type: httpd_sys_content_t
    /// ```
    ///
    /// ## References
    /// - AppSpec 'permissions' section, `context`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html>
    /// - CodeDeploy agent, `context_info.rb` (`@user = context['name']`)
    pub static CONTEXT_USER_IGNORED = { code: "AS036", name: "context-user-ignored", severity: Warning };
}

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
    pub static INVALID_SELINUX_RANGE = { code: "AS037", name: "invalid-selinux-range", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns about a `pattern` or `except` glob that contains `/`.
    ///
    /// ## Why is this bad?
    /// The agent matches these globs against the names directly under `object`, one level, and
    /// a name containing `/` never matches; only `*` is special (except the whole pattern `**`,
    /// which means everything). Such a pattern applies the permissions to nothing, and such an
    /// exception excludes nothing.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www
    ///     pattern: "html/*.php"
    ///     mode: 640
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// permissions:
    ///   - object: /var/www/html
    ///     pattern: "*.php"
    ///     mode: 640
    /// ```
    ///
    /// ## References
    /// - AppSpec 'permissions' section, `pattern` and `except`: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html>
    /// - CodeDeploy agent, `linux_permission_info.rb` `matches_simple_glob`
    pub static UNMATCHABLE_PERMISSION_PATTERN = { code: "AS038", name: "unmatchable-permission-pattern", severity: Warning };
}

pub(crate) static PERMISSION_TYPE: EnumSpec = EnumSpec {
    values: &["file", "directory"],
    case_insensitive: false,
    rule: &INVALID_PERMISSION_TYPE,
    what: "permission `type`",
};

/// `permissions`: a list of permission mappings.
pub(crate) fn check_permissions<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    strict_list(
        node,
        &Ty::Map(&PERMISSION),
        "a list of permission entries (`- object: …`)",
        c,
    );
}

/// `object`: present and not empty.
pub(crate) fn check_object<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    match node.scalar() {
        None => c.wrong_type(node, "a path"),
        Some(s) if s.is_null() => {}
        Some(s) if s.text.trim().is_empty() => c.push(
            MISSING_PERMISSION_OBJECT
                .at(anchor, "`object` is empty")
                .with_help("name the installed file or directory the permissions apply to"),
        ),
        Some(_) => {}
    }
}

fn unmatchable(node: &Node, glob: &str, what: &str) -> crate::diagnostic::Diagnostic {
    UNMATCHABLE_PERMISSION_PATTERN
        .at(node.span, format!("{what} `{glob}` contains `/`, so it never matches"))
        .with_help("globs are matched against the names directly under `object`; point `object` at the directory instead and keep only the name here")
}

/// `pattern`: a simple glob.
pub(crate) fn check_pattern<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    let Some(s) = node.scalar() else {
        c.wrong_type(node, "a glob such as `\"*.sh\"`");
        return;
    };
    if !s.is_null() && s.text != "**" && s.text.contains('/') {
        c.push(unmatchable(node, &s.text, "pattern"));
    }
}

/// `except`: a list of simple globs.
pub(crate) fn check_except<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    strict_list(
        node,
        &Ty::Str,
        "a list of globs, such as `[a.txt, b.txt]`",
        c,
    );
    for item in node.items() {
        if let Some(glob) = item.as_str()
            && glob.contains('/')
        {
            c.push(unmatchable(item, glob, "exception"));
        }
    }
}

/// `type`: a list of `file`/`directory`.
pub(crate) fn check_types<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    strict_list(
        node,
        &Ty::Enum(&PERMISSION_TYPE),
        "a list of `file` and/or `directory`",
        c,
    );
}

/// `mode`: 1–4 octal digits, read the way the agent reads it.
pub(crate) fn check_mode<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    let Some(s) = node.scalar() else {
        c.wrong_type(node, "a numeric mode such as 755");
        return;
    };
    let written = s.text.as_str();
    // The agent calls `to_s` on whatever YAML produced.
    let as_read = match ruby_value(node).unwrap_or(RubyValue::Nil) {
        RubyValue::Nil => return,
        RubyValue::Int(i) => {
            let digits = written.replace('_', "");
            let unpadded = match digits.trim_start_matches('0') {
                "" => "0",
                rest => rest,
            };
            let read = i.to_string();
            // `07` is 7 either way; `0644` is 420, not 644.
            let octal_literal = written.len() > 1
                && written.starts_with('0')
                && written.bytes().all(|b| b.is_ascii_digit() || b == b'_')
                && read != unpadded;
            if octal_literal {
                let quoted = format!("\"{written}\"");
                let rejected = read.chars().find(|ch| !('0'..='7').contains(ch));
                let message = match rejected {
                    Some(ch) => format!(
                        "`{written}` starts with 0, so YAML reads it as the octal number {i}, and the agent rejects mode `{i}` (`{ch}` is not an octal digit)"
                    ),
                    None if read.chars().count() > 4 => format!(
                        "`{written}` starts with 0, so YAML reads it as the octal number {i}, and the agent rejects mode `{i}` (more than 4 digits)"
                    ),
                    None => format!(
                        "`{written}` starts with 0, so YAML reads it as the octal number {i}, and the agent silently applies mode `{i}`{} instead of `{unpadded}`",
                        symbolic_mode(&read).map_or_else(String::new, |m| format!(" (`{m}`)"))
                    ),
                };
                let d = INVALID_PERMISSION_MODE
                    .at(node.span, message)
                    .with_help(format!(
                        "quote the mode (`{quoted}`) or drop the leading zero (`{unpadded}`)"
                    ))
                    .with_fix(format!("quote as {quoted}"), node.span, quoted);
                c.push(d);
                return;
            }
            read
        }
        RubyValue::Bool(_) => {
            c.push(
                INVALID_PERMISSION_MODE
                    .at(
                        node.span,
                        format!("`{written}` is a boolean to YAML, not a mode"),
                    )
                    .with_help(
                        "write chmod's numeric notation: 1 to 4 octal digits, such as 755 or 644",
                    ),
            );
            return;
        }
        RubyValue::Float(_) | RubyValue::Str(_) => written.to_string(),
    };
    let symbolic = !as_read.is_empty()
        && as_read.chars().all(|ch| "ugoarwxXst+-=,".contains(ch))
        && as_read.chars().any(|ch| "+-=rwx".contains(ch));
    let bad_char = as_read.chars().find(|ch| !('0'..='7').contains(ch));
    let message = if symbolic {
        Some(format!(
            "`{written}` is a symbolic mode; the agent accepts only numeric modes"
        ))
    } else if let Some(ch) = bad_char {
        Some(format!(
            "`{written}` is not an octal mode: `{ch}` is not a digit from 0 to 7"
        ))
    } else if as_read.chars().count() > 4 {
        Some(format!("`{written}` has more than 4 digits"))
    } else {
        None
    };
    if let Some(message) = message {
        c.push(
            INVALID_PERMISSION_MODE.at(node.span, message).with_help(
                "write chmod's numeric notation: 1 to 4 octal digits, such as 755 or 644",
            ),
        );
    }
}

/// `ls`-style permissions of a mode of 1 to 3 octal digits (`420` is `r---w----`), as the agent
/// pads it to three digits; `None` for other modes.
fn symbolic_mode(mode: &str) -> Option<String> {
    if mode.is_empty() || mode.len() > 3 || !mode.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        return None;
    }
    let padded = format!("{mode:0>3}");
    let mut out = String::new();
    for b in padded.bytes() {
        let bits = b - b'0';
        out.push(if bits & 4 != 0 { 'r' } else { '-' });
        out.push(if bits & 2 != 0 { 'w' } else { '-' });
        out.push(if bits & 1 != 0 { 'x' } else { '-' });
    }
    Some(out)
}

/// `acls`: a list of setfacl entries.
pub(crate) fn check_acls<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    strict_list(
        node,
        &Ty::Any,
        "a list of ACL entries such as `u:deploy:rwx`",
        c,
    );
    for item in node.items().iter().take(1000) {
        let Some(s) = item.scalar() else {
            c.wrong_type(item, "an ACL entry such as `u:deploy:rwx`");
            continue;
        };
        let text = match ruby_value(item).unwrap_or(RubyValue::Nil) {
            RubyValue::Str(t) => t,
            RubyValue::Nil => {
                c.push(INVALID_ACL_ENTRY.at(item.span, "empty ACL entry"));
                continue;
            }
            _ => {
                c.push(
                    INVALID_ACL_ENTRY
                        .at(item.span, format!("`{}` is not an ACL entry", s.text))
                        .with_help("write entries such as `u:deploy:rwx` or `g:web:r-x`"),
                );
                continue;
            }
        };
        if let Err(why) = parse_ace(&text) {
            c.push(
                INVALID_ACL_ENTRY
                    .at(item.span, format!("invalid ACL entry `{text}`: {why}"))
                    .with_help("write `[d:]u:<user>:<perm>` or `[d:]g:<group>:<perm>`, with `<perm>` as `rwx`/`-` characters or one octal digit; set the owner, group and other permissions with `mode`"),
            );
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

/// `context.user`: ignored by the agent.
pub(crate) fn check_context_user<'a>(_node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    c.push(
        CONTEXT_USER_IGNORED
            .at(anchor, "the agent ignores `user`: it reads the SELinux user from `name`")
            .with_help("rename `user` to `name` (the documentation says `user`, but the agent's code reads `name`)")
            .with_fix("rename to `name`", anchor, "name"),
    );
}

/// `context.range`: the agent's `RangeInfo` grammar.
pub(crate) fn check_range<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    let Some(s) = node.scalar() else {
        c.wrong_type(node, "an SELinux range such as `s0-s0:c0.c1023`");
        return;
    };
    if s.is_null() {
        return;
    }
    let text = match ruby_value(node).unwrap_or(RubyValue::Nil) {
        RubyValue::Str(t) => t,
        _ => s.text.clone(),
    };
    if let Err(why) = parse_range(&text) {
        c.push(
            INVALID_SELINUX_RANGE
                .at(node.span, format!("invalid SELinux range `{text}`: {why}"))
                .with_help("write `s<N>[-s<M>][:c<N>[.c<M>],…]`, such as `s0-s0:c0.c1023`"),
        );
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

/// AS030: `permissions` with `os: windows`.
pub(crate) fn windows(cx: &mut Ctx<'_>) {
    if cx.os() != Some("windows") {
        return;
    }
    let root = cx.root;
    if let Some(pair) = root.entry("permissions")
        && !pair.value.items().is_empty()
    {
        cx.push(
            PERMISSIONS_ON_WINDOWS
                .at(pair.key.span, "`permissions` are not supported with `os: windows`")
                .with_help("remove `permissions`; set file permissions on Windows from a hook script (for example with `icacls`)"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_ace, parse_range};

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
