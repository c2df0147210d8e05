//! Security findings: who can assume the role beyond what the author meant. After IAM Access
//! Analyzer's security checks and the GitHub-OIDC incident reports (reference Part C4–C5).

use super::Ctx;
use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::source::tree::shorten;
use crate::trust_policy::explore::{self, Admits, has_wildcard};
use crate::trust_policy::model::{Condition, PrincipalKind, Statement};
use crate::trust_policy::oidc::{self, GITHUB_2026_CLAIM_KEYS, Provider, ProviderKind, Trust};
use crate::trust_policy::operators::{BaseOperator, Family, SetQualifier};

declare_rule! {
    /// ## What it does
    /// Reports an `Allow` statement whose principal is everyone — `"Principal": "*"` or
    /// `{"AWS": "*"}` — with no condition at all, or with conditions none of which restricts who
    /// the caller is.
    ///
    /// A condition restricts the caller when it positively requires (no negated operator, no
    /// `ForAllValues:`, no `…IfExists`, not `Null`, not a lone `*`) a key other than those that
    /// say nothing about who calls: the network (`aws:SourceIp`, `aws:SourceVpc`, …), the time,
    /// MFA, TLS, the requested region, request tags, the session name or source identity the
    /// caller picks, and the `aud`/`amr` of a public identity provider (GitHub.com's Actions,
    /// gitlab.com, HCP Terraform), whose tokens anyone can obtain for any audience.
    ///
    /// ## Why is this bad?
    /// Anyone with AWS credentials, in any account, can assume the role and use its permissions.
    /// The wildcard principal admits identity providers' tokens too: with
    /// `sts:AssumeRoleWithWebIdentity` and only an `aud` check, any GitHub Actions workflow can
    /// assume the role (the GitHub rules IAM031–IAM033 report that as well). IAM Access Analyzer
    /// reports the wildcard principal in a trust policy as an error. A wildcard principal is only
    /// acceptable when conditions narrow it to known callers (for example to your organization
    /// with `aws:PrincipalOrgID`).
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"AWS": "*"},
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
    ///     "Effect": "Allow",
    ///     "Principal": {"AWS": "*"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Principal ("All principals"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html>
    /// - IAM Access Analyzer policy check reference ("Role trust policy unsupported wildcard in principal"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    pub static WILDCARD_PRINCIPAL_WITHOUT_CONDITION = { code: "IAM030", name: "wildcard-principal-without-condition", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports an `Allow` statement trusting the GitHub Actions OIDC provider without a positive
    /// condition on `token.actions.githubusercontent.com:sub` — no condition at all, only an `aud`
    /// check, only a negated check (`StringNotLike`), or only a `ForAllValues:` check (true when
    /// the key is absent).
    ///
    /// The statement trusts the provider when `Federated` names it, and also when the principal
    /// is everyone (`"*"` or `{"AWS": "*"}`, which admits every identity provider's tokens) and
    /// either the conditions use GitHub's keys or the action is `sts:AssumeRoleWithWebIdentity`
    /// and no other condition keeps GitHub's tokens out.
    ///
    /// ## Why is this bad?
    /// The GitHub provider issues tokens to every workflow of every repository on GitHub. Without
    /// a `sub` condition, anyone who learns the role's ARN can assume it from their own workflow.
    /// AWS recommends the `sub` condition and IAM Access Analyzer reports "Missing github repo
    /// condition key"; AWS reportedly rejects new trust policies without it.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}
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
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - Configuring a role for GitHub OIDC identity provider: <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub>
    /// - GitHub: OpenID Connect reference (subject claims): <https://docs.github.com/en/actions/reference/security/oidc>
    /// - Datadog Security Labs, "Exploring GitHub-to-AWS keyless authentication flaws" (2023)
    pub static GITHUB_OIDC_WITHOUT_SUB_CONDITION = { code: "IAM031", name: "github-oidc-without-sub-condition", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns about an `Allow` statement trusting the GitHub Actions OIDC provider without a
    /// condition on `token.actions.githubusercontent.com:aud`.
    ///
    /// ## Why is this bad?
    /// STS already checks the audience against the provider's client-ID list, so the role is not
    /// open because of this alone; but AWS's and GitHub's guidance pins `aud` to
    /// `sts.amazonaws.com` in the trust policy too, so that a token minted for another audience
    /// (another cloud, a package registry) cannot be replayed against AWS if the provider's list
    /// grows.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {"token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"}}
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
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - Configuring a role for GitHub OIDC identity provider: <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub>
    /// - GitHub: Configuring OpenID Connect in Amazon Web Services: <https://docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-in-aws>
    pub static GITHUB_OIDC_WITHOUT_AUD_CONDITION = { code: "IAM032", name: "github-oidc-without-aud-condition", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Warns about a `sub` pattern (GitHub Actions or GitLab) whose wildcard admits other
    /// repositories or owners, and lists the exact values that would get in: `repo:*`, `*`,
    /// `repo:*:pull_request` and `repo:*:environment:production` (every repository on GitHub),
    /// `repo:org*/repo:…` (owners whose name starts with `org`), `repo:org/*` and
    /// `repo:org/*:ref:refs/tags/*` (every repository of the organization), `repo:org/repo*`
    /// without a `:` before the `*` (also `repo:org/repo-evil`). Each candidate caller is tried
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
    pub static SUB_WILDCARD_ADMITS_OTHER_REPOSITORIES = { code: "IAM033", name: "sub-wildcard-admits-other-repositories", severity: Warning };
}

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
    pub static SUB_WILDCARD_ADMITS_ANY_REF = { code: "IAM034", name: "sub-wildcard-admits-any-ref", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Warns about a `*` or `?` in the value of `StringEquals`, `StringNotEquals` or their
    /// `IgnoreCase` forms.
    ///
    /// ## Why is this bad?
    /// These operators compare exactly: `*` is a literal asterisk. `StringEquals` with
    /// `repo:org/repo:*` only matches a token whose `sub` is literally that text — never — so the
    /// role cannot be assumed; `StringNotEquals` with a wildcard excludes nothing. Use
    /// `StringLike` (or `StringNotLike`) for patterns. Access Analyzer reports "Wildcard without
    /// like operator".
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:*"
    ///     }}
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
    ///     "Condition": {"StringLike": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:*"
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Condition operators (string operators): <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String>
    /// - IAM Access Analyzer policy check reference ("Wildcard without like operator"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    /// - aws-actions/configure-aws-credentials issue #1137
    pub static WILDCARD_IN_EXACT_OPERATOR = { code: "IAM035", name: "wildcard-in-exact-operator", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Warns about `ForAllValues:` on a key that holds a single value (every OIDC claim such as
    /// `sub` and `aud` except `amr`, and the single-valued `aws:` keys) in an `Allow` statement.
    ///
    /// ## Why is this bad?
    /// `ForAllValues:` is true when the key is absent or empty, so the condition lets through
    /// requests that do not carry the key at all. GitHub's documentation used
    /// `ForAllValues:StringEquals` for `sub` until 2022. Single-valued keys take the plain
    /// operator. Access Analyzer reports "ForAllValues with single valued key".
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"ForAllValues:StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"
    ///     }}
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
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - Single-valued vs. multivalued context keys: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html>
    /// - IAM Access Analyzer policy check reference ("ForAllValues with single valued key"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    /// - github/docs PR #17463 (the documentation's `ForAllValues:` example corrected)
    pub static FOR_ALL_VALUES_ON_SINGLE_VALUED_KEY = { code: "IAM036", name: "for-all-values-on-single-valued-key", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Notes an `Allow` statement trusting an AWS service principal with no condition on
    /// `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceOrgID` or `aws:SourceOrgPaths`.
    ///
    /// ## Why is this bad?
    /// Nothing is broken: the service can assume the role. But a service acts for many
    /// customers; where the service sets these keys, a condition on them makes sure it assumes
    /// your role only on behalf of your own account or resource (the "confused deputy"
    /// problem). Not every service sets them, so check the service's documentation first.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
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
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"}}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - The confused deputy problem: <https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html>
    /// - AWS global condition context keys (`aws:SourceAccount`, `aws:SourceArn`): <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html>
    pub static SERVICE_PRINCIPAL_WITHOUT_SOURCE_CONDITION = { code: "IAM037", name: "service-principal-without-source-condition", severity: Info };
}

declare_rule! {
    /// ## What it does
    /// Warns about an `Allow` statement trusting an OIDC provider other than GitHub — GitLab,
    /// HCP Terraform, an EKS cluster (IAM roles for service accounts) or any other issuer —
    /// without a positive condition on the provider's `sub` key.
    ///
    /// ## Why is this bad?
    /// Without `sub`, every identity the provider issues tokens to can assume the role: every
    /// project on GitLab.com (`project_path:…`), every workspace of every organization on HCP
    /// Terraform (`organization:…`), every service account of the cluster
    /// (`system:serviceaccount:…`). Access Analyzer reports "Missing condition key for oidc
    /// principal".
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/gitlab.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {"gitlab.com:aud": "https://gitlab.com"}}
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
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/gitlab.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {
    ///       "gitlab.com:aud": "https://gitlab.com",
    ///       "gitlab.com:sub": "project_path:my-group/my-project:ref_type:branch:ref:main"
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM Access Analyzer policy check reference ("Missing condition key for oidc principal"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    /// - Creating a role for OIDC federation: <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html>
    /// - Datadog rule "AWS IAM role should not allow untrusted GitLab runners to assume it": <https://docs.datadoghq.com/security/default_rules/aws-iam-role-trust-policy-misconfigured-gitlab>
    pub static OIDC_WITHOUT_SUBJECT_CONDITION = { code: "IAM038", name: "oidc-without-subject-condition", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Warns about a condition on a GitHub token claim that IAM does not evaluate (for example
    /// `token.actions.githubusercontent.com:event_name`, `:ref_type` or `:repository_owner`),
    /// and notes conditions on the claims STS reportedly started evaluating in early 2026
    /// (`repository`, `ref`, `environment`, `job_workflow_ref`, `actor`, `workflow`, the IDs…),
    /// which older setups ignore.
    ///
    /// ## Why is this bad?
    /// For years IAM exposed only `aud` and `sub` (and `amr`) of an OIDC token; a condition on
    /// another claim never matched (a positive operator) or always did (a negated one). Since
    /// early 2026 secondary sources report that STS evaluates a list of GitHub claims, but the
    /// exact list is not confirmed by the IAM User Guide and GitHub's own page still says custom
    /// claims are unavailable in AWS — so those keys get a note, the others a warning. Put
    /// repository and branch restrictions in `sub`.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main",
    ///       "token.actions.githubusercontent.com:event_name": "push"
    ///     }}
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
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - Available keys for OIDC federation: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html>
    /// - GitHub: Configuring OpenID Connect in Amazon Web Services ("custom claims are unavailable in AWS"): <https://docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-in-aws>
    /// - aws-actions/configure-aws-credentials issue #306 (a condition on `actor` never matched)
    pub static UNSUPPORTED_OIDC_CLAIM_KEY = { code: "IAM039", name: "unsupported-oidc-claim-key", severity: Warning };
}

/// Runs the security checks.
pub(crate) fn security(cx: &mut Ctx<'_>) {
    for stmt in &cx.policy.statements {
        exact_operator_wildcards(cx, stmt);
        if !stmt.is_allow() {
            continue;
        }
        wildcard_principal(cx, stmt);
        for_all_values(cx, stmt);
        service_source(cx, stmt);
        let providers = oidc::providers(stmt);
        for provider in &providers {
            subject_condition(cx, stmt, provider);
            if provider.kind == ProviderKind::GitHub {
                audience_condition(cx, stmt, provider);
                claim_keys(cx, stmt, provider);
            }
        }
    }
    wildcard_subjects(cx);
}

fn wildcard_principal(cx: &mut Ctx<'_>, stmt: &Statement) {
    let Some(p) = stmt.principals().iter().find(|p| p.is_everyone()) else {
        return;
    };
    let shown = if p.kind == PrincipalKind::Everyone {
        "`\"Principal\": \"*\"`"
    } else {
        "`{\"AWS\": \"*\"}`"
    };
    let help = "name the accounts, roles, services or identity provider that may assume the role, or narrow `*` with a condition on who the caller is, such as `aws:PrincipalOrgID`";
    if stmt.conditions.is_empty() {
        cx.push(
            WILDCARD_PRINCIPAL_WITHOUT_CONDITION
                .at(
                    p.span,
                    format!(
                        "{shown} with no condition lets anyone in any AWS account assume this role"
                    ),
                )
                .with_help(help),
        );
        return;
    }
    if stmt.conditions.iter().any(restricts_caller) {
        return;
    }
    let mut keys: Vec<String> = Vec::new();
    for c in &stmt.conditions {
        let k = format!("`{}`", shorten(&c.key.value, 60));
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    // Which callers the wildcard lets in depends on the action: AWS principals call
    // `AssumeRole`, identity providers' users the `…WithWebIdentity`/`…WithSAML` actions.
    let covers = |action: &str| {
        stmt.action.as_ref().is_some_and(|a| {
            let listed = a
                .actions
                .iter()
                .any(|x| crate::trust_policy::evaluate::action_matches(&x.value, action));
            listed != a.not
        })
    };
    let federated = covers("sts:AssumeRoleWithWebIdentity") || covers("sts:AssumeRoleWithSAML");
    let who = match (covers("sts:AssumeRole"), federated) {
        (true, true) => "anyone in any AWS account or with any identity provider's token",
        (false, true) => "anyone with a token of any identity provider the account trusts",
        _ => "anyone in any AWS account",
    };
    let mut d = WILDCARD_PRINCIPAL_WITHOUT_CONDITION
        .at(
            p.span,
            format!(
                "{shown} lets {who} assume this role: the conditions on {} do not restrict who the caller is",
                keys.into_iter().take(4).collect::<Vec<_>>().join(", ")
            ),
        )
        .with_help(help);
    if let Some(c) = stmt.conditions.first() {
        d = d.with_label(c.span, "this does not restrict who the caller is");
    }
    cx.push(d);
}

/// Keys that say nothing about who the caller is: where the request comes from, when, how it is
/// authenticated, and values the caller chooses itself.
const NON_IDENTIFYING_KEYS: &[&str] = &[
    "aws:sourceip",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:vpcsourceip",
    "aws:securetransport",
    "aws:multifactorauthpresent",
    "aws:multifactorauthage",
    "aws:currenttime",
    "aws:epochtime",
    "aws:requestedregion",
    "aws:tokenissuetime",
    "aws:viaawsservice",
    "aws:calledvia",
    "aws:calledviafirst",
    "aws:calledvialast",
    "aws:tagkeys",
    "aws:useragent",
    "aws:referer",
    "aws:principaltype",
    "aws:principalisawsservice",
    "sts:rolesessionname",
    "sts:sourceidentity",
    "sts:transitivetagkeys",
];

/// Whether a condition restricts who the caller is (see IAM030's docs): a positive check on a key
/// that identifies the caller, with a value other than a lone `*`. Unknown operators and
/// template placeholders count as restricting, so that nothing is claimed about them.
fn restricts_caller(cond: &Condition) -> bool {
    let Some(op) = cond.parsed else {
        return true;
    };
    if op.base.is_negated()
        || op.base == BaseOperator::Null
        || op.if_exists
        || op.qualifier == Some(SetQualifier::ForAllValues)
    {
        return false;
    }
    let key = cond.key.value.to_ascii_lowercase();
    if NON_IDENTIFYING_KEYS.contains(&key.as_str()) || key.starts_with("aws:requesttag/") {
        return false;
    }
    if let Some((prefix, claim)) = cond.key_parts() {
        if claim.eq_ignore_ascii_case("amr") {
            return false;
        }
        if claim.eq_ignore_ascii_case("aud") && oidc::is_public_issuer(prefix) {
            return false;
        }
    }
    if crate::trust_policy::text::placeholder(&cond.key.value).is_some()
        || cond
            .values
            .iter()
            .any(|v| crate::trust_policy::text::placeholder(&v.text).is_some())
    {
        return true;
    }
    // A value of only `*` under a pattern operator admits every value the key can have.
    let everything = |t: &str| !t.is_empty() && t.chars().all(|c| c == '*');
    !(op.base.has_wildcards() && cond.values.iter().any(|v| everything(&v.text)))
}

fn key_is(cond: &Condition, key: &str) -> bool {
    cond.key.value.eq_ignore_ascii_case(key)
}

/// Whether a condition positively restricts its key: a known, non-negated string or ARN
/// operator without `ForAllValues:`.
fn positive(cond: &Condition) -> bool {
    cond.parsed.is_some_and(|op| {
        !op.base.is_negated()
            && matches!(op.base.family(), Family::String | Family::Arn)
            && op.qualifier != Some(SetQualifier::ForAllValues)
    })
}

fn principal_span(stmt: &Statement, provider: &Provider) -> crate::source::Span {
    stmt.principals()
        .iter()
        .find(|p| {
            p.kind == PrincipalKind::Federated
                && oidc::host_of_provider_arn(&p.value)
                    .is_some_and(|h| h.eq_ignore_ascii_case(&provider.host))
        })
        .or_else(|| stmt.principals().first())
        .map_or(stmt.span, |p| p.span)
}

fn subject_condition(cx: &mut Ctx<'_>, stmt: &Statement, provider: &Provider) {
    let sub_key = provider.key("sub");
    let subs: Vec<&Condition> = stmt
        .conditions
        .iter()
        .filter(|c| key_is(c, &sub_key))
        .collect();
    if subs.iter().any(|c| positive(c)) {
        return;
    }
    let span = principal_span(stmt, provider);
    let via = match provider.trust {
        Trust::Named => "",
        Trust::Wildcard => "the wildcard principal admits the provider's tokens, and ",
        Trust::WildcardAction => {
            "the wildcard principal admits GitHub's tokens with `sts:AssumeRoleWithWebIdentity` (if the account has the GitHub OIDC provider), and "
        }
    };
    let detail = if subs.is_empty() {
        format!("there is no condition on `{sub_key}`")
    } else if subs.iter().any(|c| {
        c.parsed
            .is_some_and(|o| o.qualifier == Some(SetQualifier::ForAllValues))
    }) {
        format!(
            "the only `{sub_key}` check uses `ForAllValues:`, which is true when the key is absent"
        )
    } else {
        format!("the `{sub_key}` conditions only exclude values; every other subject still gets in")
    };
    if provider.kind == ProviderKind::GitHub {
        let mut d = GITHUB_OIDC_WITHOUT_SUB_CONDITION
            .at(
                span,
                format!("any GitHub Actions workflow in any repository can assume this role: {via}{detail}"),
            )
            .with_help(format!(
                "add `\"StringEquals\": {{\"{sub_key}\": \"repo:OWNER/REPO:ref:refs/heads/main\"}}` (or `StringLike` with `repo:OWNER/REPO:*`)"
            ));
        if let Some(c) = subs.first() {
            d = d.with_label(c.span, "this does not restrict who gets in");
        }
        cx.push(d);
    } else {
        let mut d = OIDC_WITHOUT_SUBJECT_CONDITION
            .at(
                span,
                format!(
                    "every identity the {} provider `{}` issues tokens to can assume this role: {via}{detail}",
                    provider.kind.title(),
                    shorten(&provider.host, 60)
                ),
            )
            .with_help(format!(
                "add a condition on `{sub_key}`, e.g. `{}`",
                provider.kind.sub_example()
            ));
        if let Some(c) = subs.first() {
            d = d.with_label(c.span, "this does not restrict who gets in");
        }
        cx.push(d);
    }
}

fn audience_condition(cx: &mut Ctx<'_>, stmt: &Statement, provider: &Provider) {
    let aud_key = provider.key("aud");
    if stmt.conditions.iter().any(|c| key_is(c, &aud_key)) {
        return;
    }
    cx.push(
        GITHUB_OIDC_WITHOUT_AUD_CONDITION
            .at(
                principal_span(stmt, provider),
                format!("the statement does not check `{aud_key}`"),
            )
            .with_help(format!(
                "add `\"StringEquals\": {{\"{aud_key}\": \"sts.amazonaws.com\"}}` (the audience aws-actions/configure-aws-credentials requests)"
            )),
    );
}

fn claim_keys(cx: &mut Ctx<'_>, stmt: &Statement, provider: &Provider) {
    for cond in &stmt.conditions {
        let Some((prefix, claim)) = cond.key_parts() else {
            continue;
        };
        if !prefix.eq_ignore_ascii_case(&provider.host) {
            continue;
        }
        let claim_lower = claim.to_ascii_lowercase();
        if matches!(claim_lower.as_str(), "sub" | "aud" | "amr") {
            continue;
        }
        if GITHUB_2026_CLAIM_KEYS.contains(&claim_lower.as_str()) {
            cx.push(
                UNSUPPORTED_OIDC_CLAIM_KEY
                    .at(
                        cond.key.span,
                        format!("`{claim}` is one of the GitHub claims STS reportedly evaluates only since early 2026"),
                    )
                    .with_severity(Severity::Info)
                    .with_help("the list of supported claims is not confirmed by AWS documentation; keep the repository and branch restriction in `sub` as well"),
            );
        } else {
            let effect = if cond.parsed.is_some_and(|o| o.base.is_negated()) {
                "is always true"
            } else {
                "never matches"
            };
            cx.push(
                UNSUPPORTED_OIDC_CLAIM_KEY
                    .at(
                        cond.key.span,
                        format!("IAM does not evaluate the GitHub claim `{claim}`: this condition {effect}"),
                    )
                    .with_help(format!(
                        "restrict the repository, branch or environment through `{}` instead",
                        provider.key("sub")
                    )),
            );
        }
    }
}

fn exact_operator_wildcards(cx: &mut Ctx<'_>, stmt: &Statement) {
    for cond in &stmt.conditions {
        let Some(op) = cond.parsed else { continue };
        if !op.base.is_exact_string() {
            continue;
        }
        for v in &cond.values {
            if !has_wildcard(&v.text) {
                continue;
            }
            let like = match op.base {
                BaseOperator::StringEquals => Some("StringLike"),
                BaseOperator::StringNotEquals => Some("StringNotLike"),
                _ => None,
            };
            let effect = if op.base.is_negated() {
                "excludes only that exact text"
            } else {
                "matches only that exact text, so this condition practically never holds"
            };
            let mut d = WILDCARD_IN_EXACT_OPERATOR.at(
                v.span,
                format!(
                    "`{}` compares `*` and `?` literally: `{}` {effect}",
                    op.base.name(),
                    shorten(&v.text, 60)
                ),
            );
            match like {
                Some(like) => {
                    let mut fixed = op;
                    fixed.base = if like == "StringLike" {
                        BaseOperator::StringLike
                    } else {
                        BaseOperator::StringNotLike
                    };
                    let name = fixed.name();
                    d = d
                        .with_label(cond.operator.span, "this operator")
                        .with_help(format!(
                            "use `{name}` for patterns (without wildcards it compares exactly, like `{}`)",
                            op.base.name()
                        ))
                        .with_fix(format!("replace with `{name}`"), cond.operator.span, format!("\"{name}\""));
                }
                None => {
                    d = d.with_help(
                        "there is no case-insensitive pattern operator: use `StringLike` with the exact case",
                    );
                }
            }
            cx.push(d);
        }
    }
}

fn for_all_values(cx: &mut Ctx<'_>, stmt: &Statement) {
    for cond in &stmt.conditions {
        let Some(op) = cond.parsed else { continue };
        if op.qualifier != Some(SetQualifier::ForAllValues) || op.base == BaseOperator::Null {
            continue;
        }
        if !oidc::is_single_valued(&cond.key.value, stmt) {
            continue;
        }
        let mut plain = op;
        plain.qualifier = None;
        let name = plain.name();
        cx.push(
            FOR_ALL_VALUES_ON_SINGLE_VALUED_KEY
                .at(
                    cond.key.span,
                    format!(
                        "`ForAllValues:` on the single-valued key `{}` is true when the key is absent",
                        shorten(&cond.key.value, 60)
                    ),
                )
                .with_label(cond.operator.span, "this operator")
                .with_help(format!("use `{name}`: set operators are for keys that hold several values"))
                .with_fix(format!("replace with `{name}`"), cond.operator.span, format!("\"{name}\"")),
        );
    }
}

const SOURCE_KEYS: &[&str] = &[
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
];

fn service_source(cx: &mut Ctx<'_>, stmt: &Statement) {
    let Some(service) = stmt
        .principals()
        .iter()
        .find(|p| p.kind == PrincipalKind::Service && !p.template)
    else {
        return;
    };
    if stmt
        .conditions
        .iter()
        .any(|c| SOURCE_KEYS.iter().any(|k| key_is(c, k)))
    {
        return;
    }
    cx.push(
        SERVICE_PRINCIPAL_WITHOUT_SOURCE_CONDITION
            .at(
                service.span,
                format!(
                    "`{}` may assume this role on behalf of any AWS account",
                    shorten(&service.value, 60)
                ),
            )
            .with_help(
                "if the service sets them, add a condition on `aws:SourceAccount` (your account ID) or `aws:SourceArn` (the resource that uses the role)",
            ),
    );
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

fn wildcard_subjects(cx: &mut Ctx<'_>) {
    for report in explore::who_gets_in(cx.policy) {
        if !matches!(
            report.provider,
            Some(ProviderKind::GitHub | ProviderKind::GitLab)
        ) || report.admitted.is_empty()
        {
            continue;
        }
        let others: Vec<_> = report
            .admitted
            .iter()
            .filter(|a| {
                matches!(
                    a.kind,
                    Admits::AnyOwner | Admits::OtherOwner | Admits::OtherRepository
                )
            })
            .collect();
        let quote = |list: &[&explore::Admission]| {
            list.iter()
                .take(4)
                .map(|a| format!("`{}` ({})", a.value, a.note))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let pattern = shorten(&report.pattern, 80);
        let gitlab = report.provider == Some(ProviderKind::GitLab);
        if !others.is_empty() {
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
            let mut d = SUB_WILDCARD_ADMITS_OTHER_REPOSITORIES
                .at(
                    report.span,
                    format!(
                        "`{pattern}` lets {who} assume this role: {}",
                        quote(&others)
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
                d = d.with_fix(
                    format!("replace with `{fixed}`"),
                    report.span,
                    format!("\"{fixed}\""),
                );
            }
            cx.push(d);
            continue;
        }
        if gitlab {
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
        cx.push(
            SUB_WILDCARD_ADMITS_ANY_REF
                .at(
                    report.span,
                    format!(
                        "`{pattern}` admits other {} of the repository, e.g. {}",
                        kinds.join(", "),
                        quote(&refs.iter().take(2).copied().collect::<Vec<_>>())
                    ),
                )
                .with_help(
                    "for a role that deploys, name the branch (`…:ref:refs/heads/main`) or a protected environment (`…:environment:production`)",
                ),
        );
    }
}
