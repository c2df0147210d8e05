//! IAM021 condition-silently-dropped.

use crate::declare_rule;
use super::Cx;
use super::helpers::merge_with_duplicates;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::trust_policy::lower::Dropped;

declare_rule! {
    /// ## What it does
    /// Reports a condition that IAM silently drops because its operator (or key) appears twice
    /// in the same JSON object — for example two `StringEquals` blocks in one `Condition`, one
    /// for `aud` and one for `sub` — and names the checks that are lost. Two `Condition` elements
    /// in one statement are reported too.
    ///
    /// ## Why is this bad?
    /// JSON readers keep only the last of two identical keys, and IAM is no exception: the first
    /// block vanishes without any error. This has removed the `sub` check from real GitHub
    /// deploy roles, letting any repository assume them. The generic duplicate-key rule (SRC002)
    /// reports the key; this rule says which condition is lost.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {
    ///       "StringEquals": {"token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"},
    ///       "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}
    ///     }
    ///   }]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {
    ///       "StringEquals": {
    ///         "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main",
    ///         "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
    ///       }
    ///     }
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Condition: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html>
    /// - alphagov/govuk-infrastructure PR #879 (a duplicated `StringEquals` dropped the `sub` check)
    /// - RFC 8259, 4 "Objects" (duplicate names): <https://www.rfc-editor.org/rfc/rfc8259#section-4>
    code: "IAM021", name: "condition-silently-dropped", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for dropped in &cx.facts.dropped {
        let d = match dropped {
            Dropped::ConditionElement { dropped, kept } => RULE
                .at(
                    *dropped,
                    "this `Condition` element is silently dropped: a later `Condition` in the same statement replaces it",
                )
                .with_label(*kept, "this one is kept")
                .with_help("merge both into one `Condition` object")
                .with_edits(
                    "merge the `Condition` elements into one",
                    merge_with_duplicates(cx, *dropped),
                ),
            Dropped::OperatorBlock {
                operator,
                dropped,
                kept,
                lost_keys,
            } => {
                let consequence = if lost_keys.is_empty() {
                    String::new()
                } else {
                    format!(
                        ", so its check on {} no longer applies",
                        lost_keys
                            .iter()
                            .map(|k| format!("`{}`", shorten(k, 60)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                RULE.at(
                    *dropped,
                    format!(
                        "this `{operator}` block is silently dropped: a later `{operator}` in the same `Condition` replaces it{consequence}"
                    ),
                )
                .with_label(*kept, "this block replaces it")
                .with_help(format!(
                    "put every key of both blocks into one `{operator}` object (keys inside one operator are AND-ed)"
                ))
                .with_edits(
                    format!("merge the `{operator}` blocks into one"),
                    merge_with_duplicates(cx, *dropped),
                )
            }
            Dropped::ConditionKey {
                key,
                operator,
                dropped,
                kept,
            } => RULE
                .at(
                    *dropped,
                    format!(
                        "this `{}` condition is silently dropped: the same key appears again later in this `{}` block",
                        shorten(key, 60),
                        shorten(operator, 60)
                    ),
                )
                .with_label(*kept, "this one replaces it")
                .with_help(
                    "to accept several values, list them in one array: `\"key\": [\"a\", \"b\"]`",
                ),
        };
        out.push(d);
    }
}
