//! BS023 command-is-mapping.

use crate::declare_rule;
use super::Cx;
use super::helpers::last_segment;
use crate::buildspec::schema::COMMANDS_TAG;
use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::source::tree::shorten;

declare_rule! {
    /// ## What it does
    /// Reports a command that YAML read as a mapping, because it contains `: ` (a colon followed
    /// by a space) and is not quoted.
    ///
    /// ## Why is this bad?
    /// This is the most common buildspec mistake. YAML turns `- echo "Status: ok"` into a mapping
    /// with the key `echo "Status`, and CodeBuild fails the build before running anything:
    /// `YAML_FILE_ERROR Message: Expected Commands[0] to be of string type: found subkeys
    /// instead at line 5, value of the key tag on line 4 might be empty`.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - echo "Status: ok"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - 'echo "Status: ok"'
    /// ```
    ///
    /// ## References
    /// - Buildspec syntax ("you must enclose the command in quotation marks"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    /// - Real reports: aws/sagemaker-chainer-container PR #83; <https://www.bioerrorlog.work/entry/codebuild-colon-error>
    code: "BS023", name: "command-is-mapping", severity: Error
}

/// Commands that YAML read as a mapping because of a `: ` inside them.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(COMMANDS_TAG) {
        let key = last_segment(&tagged.path);
        let items = tagged.node.seq().map_or(&[][..], |s| &s.items[..]);
        for (index, item) in items.iter().enumerate() {
            let Some(map) = item.map() else {
                continue;
            };
            let key_text = map
                .entries
                .first()
                .and_then(|p| p.key_str())
                .unwrap_or("")
                .to_string();
            // The mapping's span ends with its last key or value: a command ending in `:` (an
            // empty value) ends after the colon, on the same line, before any comment.
            let after = cx.text.get(item.span.end()..).unwrap_or("");
            let rest = after.split('\n').next().unwrap_or("");
            let rest = rest.split(" #").next().unwrap_or("").trim_end();
            let whole = Span::new(item.span.start(), item.span.end() + rest.len());
            let raw = whole.slice(cx.text);
            let mut d = RULE
                .at(
                    item.span,
                    format!(
                        "{key}[{index}] was read as a mapping, not a command, because of the `: ` after `{}`",
                        shorten(&key_text, 40)
                    ),
                )
                .with_help("quote this command: a colon followed by a space starts a YAML mapping");
            if !raw.contains('\n') && !raw.is_empty() {
                let quoted = format!("'{}'", raw.replace('\'', "''"));
                d = d.with_fix("quote the command", whole, quoted);
            }
            out.push(d);
        }
    }
}
