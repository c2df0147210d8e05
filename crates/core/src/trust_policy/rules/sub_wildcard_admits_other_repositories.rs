//! IAM033 sub-wildcard-admits-other-repositories.

use crate::declare_rule;
use super::Cx;
use super::helpers::{admits_callers, admitted_elsewhere, quote_admissions};
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::trust_policy::explore::Admits;
use crate::trust_policy::oidc::ProviderKind;

declare_rule! {
    /// ## What it does
    /// Warns about a `sub` pattern (GitHub Actions or GitLab) whose wildcard admits other
    /// repositories or owners, and lists the exact values that would get in: `repo:*`, `*`,
    /// `repo:*:pull_request` and `repo:*:environment:production` (every repository on GitHub),
    /// `repo:org*/repo:…` (owners whose name starts with `org`), `repo:org/*` and
    /// `repo:org/*:ref:refs/tags/*` (every repository of the organization), `repo:org/repo*`
    /// without a `:` before the `*` (also `repo:org/repo-evil`), and any `?` or `*` in the owner
    /// or the repository (`repo:org/service-??:…` also admits `org/service-xx`, `repo:*-org/…`
    /// the owner `evil-org`). Each candidate caller is tried
    /// in every context the pattern allows — a push to a branch, a pull request, an environment,
    /// a tag — and checked against every condition of the statement, so a pattern that another
    /// condition narrows is not reported. `ArnLike`/`ArnEquals` with `*` on `sub` admits every
    /// value, exactly like `StringLike` with `*`.
    ///
    /// ## Why is this bad?
    /// Whoever controls an admitted repository can assume the role from a workflow of theirs.
    /// A pattern that admits other owners lets anyone on GitHub in: creating a repository, an
    /// environment named `production` or a pull request costs nothing. For `repo:org/repo*`,
    /// anyone in the organization who can create a repository named `repo-something` gets the
    /// role. Access Analyzer asks for a specific repository and branch.
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
    ///       "StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo*"}
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
    ///       "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
    ///       "StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"}
    ///     }
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - GitHub: OpenID Connect reference (example subject claims): <https://docs.github.com/en/actions/reference/security/oidc>
    /// - IAM Access Analyzer policy check reference ("Specific github repo and branch recommended"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    /// - Datadog Security Labs, "Exploring GitHub-to-AWS keyless authentication flaws" (2023)
    code: "IAM033", name: "sub-wildcard-admits-other-repositories", severity: Warning
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for report in cx.wildcards().iter().filter(|r| admits_callers(r)) {
        let others = admitted_elsewhere(report);
        if others.is_empty() {
            continue;
        }
        let pattern = shorten(&report.pattern, 80);
        let gitlab = report.provider == Some(ProviderKind::GitLab);
        let (what, help) = if gitlab {
            (
                "projects",
                "name the project and end it with `:` before any wildcard (`project_path:GROUP/PROJECT:*`), better a branch (`project_path:GROUP/PROJECT:ref_type:branch:ref:main`); list several projects as separate values",
            )
        } else {
            (
                "repositories",
                "name the repository and end it with `:` before any wildcard (`repo:OWNER/REPO:*`), better a branch or environment (`repo:OWNER/REPO:ref:refs/heads/main`); list several repositories as separate values",
            )
        };
        let who = if others.iter().any(|a| a.kind == Admits::AnyOwner) {
            if gitlab {
                "any GitLab project, whoever owns it,".to_string()
            } else {
                "any repository on GitHub, whoever owns it,".to_string()
            }
        } else if others.iter().any(|a| a.kind == Admits::OtherOwner) {
            format!("{what} of other owners")
        } else {
            format!("other {what}")
        };
        let mut d = RULE
            .at(
                report.span,
                format!(
                    "`{pattern}` lets {who} assume this role: {}",
                    quote_admissions(&others)
                ),
            )
            .with_help(help);
        // `repo:org/repo*`: the `:` is missing before the wildcard.
        if report.provider == Some(ProviderKind::GitHub)
            && let Some(stem) = report.pattern.strip_suffix('*')
            && !stem.contains(['*', '?'])
            && stem.matches(':').count() == 1
            && stem.contains('/')
            && !stem.ends_with('/')
            && !stem.ends_with(':')
        {
            let fixed = format!("{stem}:*");
            d = d.with_rewrite(format!("replace with `{fixed}`"), cx.text, report.span, &fixed);
        }
        out.push(d);
    }
}
