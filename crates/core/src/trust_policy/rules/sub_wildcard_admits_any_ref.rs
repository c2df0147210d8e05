//! IAM034 sub-wildcard-admits-any-ref.

use crate::declare_rule;
use super::Cx;
use super::helpers::{admits_callers, admitted_elsewhere, quote_admissions};
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::trust_policy::explore::Admits;
use crate::trust_policy::oidc::ProviderKind;

declare_rule! {
    /// ## What it does
    /// Warns about a `sub` pattern that admits other branches, tags, pull requests or
    /// environments of the repository — `repo:org/repo:*`, `repo:org/repo:ref:refs/heads/*` —
    /// with examples checked against every condition of the statement.
    ///
    /// ## Why is this bad?
    /// It is the pattern GitHub's own documentation shows and is often what you want for a
    /// role that only reads. For a deploy role, it means a push to any branch, or a run triggered
    /// by `pull_request_target`, `issue_comment` or `workflow_run` (which forks can cause), gets
    /// the same credentials as a deployment from `main`. Name the branch
    /// (`repo:org/repo:ref:refs/heads/main`) or a protected environment
    /// (`repo:org/repo:environment:production`) for roles that change production.
    ///
    /// A warning, not an error: the role is limited to one repository, and the policy is valid.
    /// IAM Access Analyzer reports a `*` in the `sub` value as the general warning "Specific
    /// github repo and branch recommended".
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
    ///       "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
    ///       "StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:*"}
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
    ///         "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///         "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:environment:production"
    ///       }
    ///     }
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - GitHub: OpenID Connect reference (example subject claims): <https://docs.github.com/en/actions/reference/security/oidc>
    /// - GitHub: Using environments for deployment (protection rules): <https://docs.github.com/en/actions/managing-workflow-runs-and-deployments/managing-deployments/managing-environments-for-deployment>
    /// - IAM Access Analyzer policy check reference ("Specific github repo and branch recommended"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    code: "IAM034", name: "sub-wildcard-admits-any-ref", severity: Warning
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for report in cx.wildcards().iter().filter(|r| admits_callers(r)) {
        // A pattern that admits other repositories is IAM033's; GitLab's refs are not checked.
        if !admitted_elsewhere(report).is_empty()
            || report.provider == Some(ProviderKind::GitLab)
        {
            continue;
        }
        let refs: Vec<_> = report
            .admitted
            .iter()
            .filter(|a| a.kind == Admits::OtherRef)
            .collect();
        if refs.is_empty() {
            continue;
        }
        let mut kinds: Vec<&str> = Vec::new();
        for a in &refs {
            let k = context_kind(&a.value);
            if !kinds.contains(&k) {
                kinds.push(k);
            }
        }
        out.push(
            RULE.at(
                report.span,
                format!(
                    "`{}` admits other {} of the repository, e.g. {}",
                    shorten(&report.pattern, 80),
                    kinds.join(", "),
                    quote_admissions(&refs.iter().take(2).copied().collect::<Vec<_>>())
                ),
            )
            .with_help(
                "for a role that deploys, name the branch (`…:ref:refs/heads/main`) or a protected environment (`…:environment:production`)",
            ),
        );
    }
}

/// The kind of run a default-template GitHub `sub` describes, in the plural.
fn context_kind(sub: &str) -> &'static str {
    let context = sub
        .strip_prefix("repo:")
        .and_then(|r| r.split_once(':'))
        .map_or("", |(_, c)| c);
    if context == "pull_request" {
        "pull requests"
    } else if context.starts_with("ref:refs/tags/") || context.starts_with("ref_type:tag:") {
        "tags"
    } else if context.starts_with("environment:") {
        "environments"
    } else if context.starts_with("ref:") || context.starts_with("ref_type:branch:") {
        "branches"
    } else {
        "runs"
    }
}
