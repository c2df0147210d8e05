//! IAM007 invalid-sid.

use crate::declare_rule;
use super::Cx;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;

declare_rule! {
    /// ## What it does
    /// Reports a `Sid` with characters other than ASCII letters and digits (spaces, hyphens,
    /// underscores), or a `Sid` that is not a string. An empty `Sid` is allowed.
    ///
    /// ## Why is this bad?
    /// IAM policies accept only `[A-Za-z0-9]` in `Sid` and reject the document otherwise
    /// (Access Analyzer: "Unsupported Sid"). Other services' resource policies (S3, SNS) are more
    /// lenient, which is why such Sids get copied into trust policies.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Sid": "allow-codebuild",
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
    ///     "Sid": "AllowCodeBuild",
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Sid: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html>
    /// - IAM Access Analyzer policy check reference ("Unsupported Sid"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    code: "IAM007", name: "invalid-sid", severity: Error
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for stmt in &cx.policy.statements {
        let Some(sid) = &stmt.sid else { continue };
        let mut bad: Vec<char> = Vec::new();
        for c in sid.value.chars().filter(|c| !c.is_ascii_alphanumeric()) {
            if !bad.contains(&c) {
                bad.push(c);
            }
        }
        if bad.is_empty() {
            continue;
        }
        let fixed: String = sid
            .value
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                let mut cs = w.chars();
                match cs.next() {
                    Some(f) => f.to_ascii_uppercase().to_string() + cs.as_str(),
                    None => String::new(),
                }
            })
            .collect();
        let shown: String = bad
            .iter()
            .take(3)
            .map(|c| match c {
                ' ' => "a space".to_string(),
                c => format!("`{c}`"),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let mut d = RULE
            .at(
                sid.span,
                format!(
                    "`Sid` `{}` contains {shown}; IAM allows only letters and digits",
                    shorten(&sid.value, 60)
                ),
            )
            .with_help("IAM rejects the policy: \"Statement IDs (SID) must be alpha-numeric\"");
        if !fixed.is_empty() {
            d = d.with_fix(
                format!("rename to `{fixed}`"),
                sid.span,
                format!("\"{fixed}\""),
            );
        }
        out.push(d);
    }
}
