//! The one table of every rule, across kinds.

use crate::kinds::Kind;
use crate::rule::Rule;

/// Every rule of every kind, `SRC` first, then each kind of the kind table in code order.
pub fn all() -> Vec<&'static Rule> {
    let mut rules: Vec<&'static Rule> = Vec::new();
    rules.extend_from_slice(crate::source::rules::RULES);
    for kind in Kind::ALL {
        rules.extend_from_slice(kind.rules());
    }
    rules
}

/// The rule with `code` (case-insensitive), if any.
pub fn rule(code: &str) -> Option<&'static Rule> {
    all()
        .into_iter()
        .find(|r| r.code.eq_ignore_ascii_case(code))
}

/// The rule named `name` (`missing-phase-commands`), if any.
pub fn by_name(name: &str) -> Option<&'static Rule> {
    all().into_iter().find(|r| r.name == name)
}

/// The kind whose rule `code` is (`BS021` → buildspec), or for a code no rule has, the kind its
/// prefix names; `None` for the source rules shared by all kinds. Two kinds may share a prefix
/// (`deployment-group` and `deployment-config` both use `DEP`, with numbers of their own), so a
/// registered code is looked up in the kinds' rule tables first.
pub fn kind_of(code: &str) -> Option<Kind> {
    if let Some(kind) = Kind::ALL
        .iter()
        .copied()
        .find(|k| k.rules().iter().any(|r| r.code.eq_ignore_ascii_case(code)))
    {
        return Some(kind);
    }
    let prefix: String = code
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    Kind::ALL
        .iter()
        .copied()
        .find(|k| k.code_prefix().eq_ignore_ascii_case(&prefix))
}

/// The rule's documentation page (markdown): a title, its metadata, then its docs.
pub fn page(rule: &Rule) -> String {
    let applies = match kind_of(rule.code) {
        Some(kind) => kind.title().to_string(),
        None => "every kind of file".to_string(),
    };
    format!(
        "# {} {}\n\nDefault severity: **{}**. Applies to: {}.\n\n{}",
        rule.code,
        rule.name,
        rule.severity.as_str(),
        applies,
        rule.markdown()
    )
}
