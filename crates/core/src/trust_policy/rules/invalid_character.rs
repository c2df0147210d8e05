//! IAM027 invalid-character.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Reports a character IAM does not allow in a policy document: anything other than tab,
    /// line feed, carriage return and U+0020 to U+00FF — typically typographic quotes (`’`),
    /// dashes (`–`) or emoji pasted from a document or chat.
    ///
    /// ## Why is this bad?
    /// IAM rejects the policy. The characters are invisible in most editors' fonts, so the error
    /// is hard to find without a position.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Sid": "Deploy–Role",
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Sid": "DeployRole",
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM and AWS STS quotas ("IAM name requirements": allowed characters): <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>
    code: "IAM027", name: "invalid-character", severity: Error
}

/// Most invalid characters reported in one file.
const MAX_CHARACTER_FINDINGS: usize = 10;

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if !cx.is_object() || cx.policy.span.is_empty() {
        return;
    }
    let mut found = 0;
    for (i, c) in cx.text.char_indices() {
        let allowed = matches!(c, '\t' | '\n' | '\r') || ('\u{20}'..='\u{ff}').contains(&c);
        if allowed || (i == 0 && c == '\u{feff}') {
            continue;
        }
        found += 1;
        if found > MAX_CHARACTER_FINDINGS {
            break;
        }
        let span = Span::new(i, i + c.len_utf8());
        let replacement = match c {
            '\u{2018}' | '\u{2019}' => Some("'"),
            '\u{201c}' | '\u{201d}' => Some("\\\""),
            '\u{2013}' | '\u{2014}' | '\u{2212}' => Some("-"),
            '\u{2026}' => Some("..."),
            '\u{200b}' | '\u{feff}' => Some(""),
            _ => None,
        };
        let mut d = RULE
            .at(
                span,
                format!(
                    "`{c}` (U+{:04X}) is not allowed in a policy document",
                    c as u32
                ),
            )
            .with_help(
                "IAM accepts tab, line feed, carriage return and the characters U+0020 to U+00FF only",
            );
        if let Some(r) = replacement {
            let title = if r.is_empty() {
                "remove it".to_string()
            } else {
                format!("replace with `{r}`")
            };
            d = d.with_fix(title, span, r);
        }
        out.push(d);
    }
}
