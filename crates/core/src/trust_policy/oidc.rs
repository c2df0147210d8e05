//! OpenID Connect identity providers a trust policy may federate with, recognised from the
//! provider ARN in `Federated` or from the prefix of the condition keys, and what their claims
//! look like.
//!
//! IAM names the condition keys of an OIDC provider after its issuer without the scheme:
//! `token.actions.githubusercontent.com:sub`, `gitlab.com:sub`,
//! `oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub`.

use super::model::{PrincipalKind, Statement};

/// The identity providers the checker knows the claims of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProviderKind {
    /// GitHub Actions (`token.actions.githubusercontent.com`, also with an enterprise path, and
    /// GitHub Enterprise Server's `HOST/_services/token`).
    GitHub,
    /// GitLab CI/CD (`gitlab.com` or a self-managed GitLab host).
    GitLab,
    /// HCP Terraform / Terraform Cloud (`app.terraform.io`).
    HcpTerraform,
    /// EKS IAM roles for service accounts (`oidc.eks.REGION.amazonaws.com/id/ID`).
    EksIrsa,
    /// Any other OIDC provider.
    Other,
}

impl ProviderKind {
    /// A human name.
    pub fn title(self) -> &'static str {
        match self {
            ProviderKind::GitHub => "GitHub Actions",
            ProviderKind::GitLab => "GitLab CI/CD",
            ProviderKind::HcpTerraform => "HCP Terraform",
            ProviderKind::EksIrsa => "EKS (IAM roles for service accounts)",
            ProviderKind::Other => "OIDC",
        }
    }

    /// What the provider's `sub` looks like.
    pub fn sub_example(self) -> &'static str {
        match self {
            ProviderKind::GitHub => "repo:OWNER/REPO:ref:refs/heads/main",
            ProviderKind::GitLab => "project_path:GROUP/PROJECT:ref_type:branch:ref:main",
            ProviderKind::HcpTerraform => {
                "organization:ORG:project:PROJECT:workspace:WORKSPACE:run_phase:apply"
            }
            ProviderKind::EksIrsa => "system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT",
            ProviderKind::Other => "the subject your provider issues",
        }
    }

    /// The audience the provider's tokens carry when set up as AWS documents it.
    pub fn default_audience(self) -> Option<&'static str> {
        match self {
            ProviderKind::GitHub | ProviderKind::EksIrsa => Some("sts.amazonaws.com"),
            ProviderKind::GitLab => Some("https://gitlab.com"),
            ProviderKind::HcpTerraform => Some("aws.workload.identity"),
            ProviderKind::Other => None,
        }
    }
}

/// How a statement comes to trust a provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Trust {
    /// `Federated` names the provider (or a template whose conditions use its keys).
    Named,
    /// A wildcard principal (`"*"` or `{"AWS": "*"}`) admits every principal, this provider's
    /// tokens included, and the conditions use the provider's keys.
    Wildcard,
    /// A wildcard principal with `sts:AssumeRoleWithWebIdentity` and no condition that keeps a
    /// GitHub token out: any GitHub workflow gets in if the account has the GitHub provider.
    WildcardAction,
}

/// An OIDC provider a statement trusts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provider {
    /// Which provider.
    pub kind: ProviderKind,
    /// The prefix of its condition keys (the issuer without `https://`).
    pub host: String,
    /// Whether `Federated` names it or a wildcard principal admits it.
    pub trust: Trust,
}

impl Provider {
    /// The condition key of one of its claims (`token.actions.githubusercontent.com:sub`).
    pub fn key(&self, claim: &str) -> String {
        format!("{}:{claim}", self.host)
    }
}

/// The GitHub Actions issuer host.
pub const GITHUB_HOST: &str = "token.actions.githubusercontent.com";

/// Classifies an issuer host (the condition-key prefix).
pub fn classify(host: &str) -> ProviderKind {
    let h = host.to_ascii_lowercase();
    if h == GITHUB_HOST
        || h.starts_with("token.actions.githubusercontent.com/")
        || h.ends_with("/_services/token")
    {
        ProviderKind::GitHub
    } else if h == "gitlab.com" || h.split('/').next().is_some_and(|d| d.contains("gitlab")) {
        ProviderKind::GitLab
    } else if h == "app.terraform.io" {
        ProviderKind::HcpTerraform
    } else if h.starts_with("oidc.eks.") && h.contains(".amazonaws.com/id/") {
        ProviderKind::EksIrsa
    } else {
        ProviderKind::Other
    }
}

/// Whether an issuer host is a public, multi-tenant one (github.com's Actions, gitlab.com,
/// HCP Terraform): anyone can get a token from it, with any audience they ask for.
pub fn is_public_issuer(host: &str) -> bool {
    [
        "token.actions.githubusercontent.com",
        "gitlab.com",
        "app.terraform.io",
    ]
    .iter()
    .any(|h| h.eq_ignore_ascii_case(host))
}

/// The issuer host of an IAM OIDC provider ARN (`arn:aws:iam::123:oidc-provider/HOST`).
pub fn host_of_provider_arn(arn: &str) -> Option<&str> {
    let (_, host) = arn.split_once(":oidc-provider/")?;
    (arn.starts_with("arn:") && !host.is_empty()).then_some(host)
}

/// The OIDC providers a statement trusts: those named by provider ARN in `Federated`; when
/// `Federated` is a template placeholder, those whose keys its conditions use; and when the
/// principal is everyone (`"*"`, `{"AWS": "*"}`), which admits every identity provider's tokens
/// too, those whose keys its conditions use and, for `sts:AssumeRoleWithWebIdentity`, GitHub
/// unless another condition keeps GitHub tokens out.
pub fn providers(stmt: &Statement) -> Vec<Provider> {
    let mut out: Vec<Provider> = Vec::new();
    let mut templated = false;
    for p in stmt.principals() {
        if p.kind != PrincipalKind::Federated {
            continue;
        }
        if p.template || super::text::placeholder(&p.value).is_some() {
            // An unrendered provider ARN whose host part is still known counts as that host.
            match host_of_provider_arn(&p.value) {
                Some(host) if super::text::placeholder(host).is_none() => {
                    push(&mut out, host, Trust::Named);
                }
                _ => templated = true,
            }
            continue;
        }
        if let Some(host) = host_of_provider_arn(&p.value) {
            push(&mut out, host, Trust::Named);
        }
    }
    let wildcard = stmt.principals().iter().any(|p| p.is_everyone());
    if templated || wildcard {
        let trust = if templated {
            Trust::Named
        } else {
            Trust::Wildcard
        };
        for c in &stmt.conditions {
            if let Some((prefix, _)) = c.key_parts()
                && classify(prefix) != ProviderKind::Other
                && super::text::placeholder(prefix).is_none()
            {
                push(&mut out, prefix, trust);
            }
        }
    }
    if wildcard
        && !out.iter().any(|p| p.kind == ProviderKind::GitHub)
        && web_identity(stmt)
        && admits_github_token(stmt)
    {
        push(&mut out, GITHUB_HOST, Trust::WildcardAction);
    }
    out
}

fn push(out: &mut Vec<Provider>, host: &str, trust: Trust) {
    if !out.iter().any(|p| p.host.eq_ignore_ascii_case(host)) {
        out.push(Provider {
            kind: classify(host),
            host: host.to_string(),
            trust,
        });
    }
}

/// Whether the statement's `Action` (or `NotAction`) covers `sts:AssumeRoleWithWebIdentity`.
fn web_identity(stmt: &Statement) -> bool {
    stmt.action.as_ref().is_some_and(|a| {
        let listed = a
            .actions
            .iter()
            .any(|x| super::evaluate::action_matches(&x.value, "sts:AssumeRoleWithWebIdentity"));
        listed != a.not
    })
}

/// Whether the statement's conditions let a token of some GitHub workflow through, apart from
/// conditions on GitHub's own keys (those are what the `sub` checks judge): a positive condition
/// on a key a GitHub token does not carry (`aws:PrincipalOrgID`, another provider's claim)
/// keeps every GitHub workflow out.
fn admits_github_token(stmt: &Statement) -> bool {
    let run = super::github::Run {
        owner: "some-org".to_string(),
        repo: "some-repo".to_string(),
        ..super::github::Run::default()
    };
    let context = run.claims().context(GITHUB_HOST);
    stmt.conditions
        .iter()
        .filter(|c| {
            !c.key_parts()
                .is_some_and(|(prefix, _)| classify(prefix) == ProviderKind::GitHub)
        })
        .all(|c| super::evaluate::condition_holds(c, &context, true).is_ok())
}

/// The GitHub claims that STS reportedly evaluates as condition keys since early 2026, besides
/// `sub` and `aud` (secondary sources; the exact list is unconfirmed).
pub const GITHUB_2026_CLAIM_KEYS: &[&str] = &[
    "actor",
    "actor_id",
    "job_workflow_ref",
    "repository",
    "repository_id",
    "workflow",
    "ref",
    "environment",
    "enterprise_id",
    "repository_owner_id",
    "runner_environment",
];

/// Global and STS keys that hold several values, so that `ForAllValues:`/`ForAnyValue:` are the
/// right operators for them.
const MULTIVALUED_KEYS: &[&str] = &[
    "aws:tagkeys",
    "aws:principalorgpaths",
    "aws:sourceorgpaths",
    "aws:calledvia",
    "aws:principalservicenameslist",
    "sts:transitivetagkeys",
];

/// Whether a condition key is known to hold a single value: every claim of an OIDC provider
/// except `amr`, and the `aws:`/`sts:` keys except the few documented as multivalued. Other keys
/// (SAML attributes, service keys) are not judged.
pub fn is_single_valued(key: &str, stmt: &Statement) -> bool {
    let lower = key.to_ascii_lowercase();
    let Some((prefix, claim)) = lower.rsplit_once(':') else {
        return false;
    };
    if prefix == "aws" || prefix == "sts" {
        return !MULTIVALUED_KEYS.contains(&lower.as_str())
            && !lower.starts_with("aws:tagkeys")
            && !lower.starts_with("saml:");
    }
    let is_provider = providers(stmt)
        .iter()
        .any(|p| p.host.eq_ignore_ascii_case(prefix))
        || classify(prefix) != ProviderKind::Other;
    is_provider && claim != "amr"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_issuers() {
        assert_eq!(classify(GITHUB_HOST), ProviderKind::GitHub);
        assert_eq!(
            classify("token.actions.githubusercontent.com/octo-enterprise"),
            ProviderKind::GitHub
        );
        assert_eq!(
            classify("ghe.example.com/_services/token"),
            ProviderKind::GitHub
        );
        assert_eq!(classify("gitlab.com"), ProviderKind::GitLab);
        assert_eq!(classify("gitlab.example.com"), ProviderKind::GitLab);
        assert_eq!(classify("app.terraform.io"), ProviderKind::HcpTerraform);
        assert_eq!(
            classify("oidc.eks.us-east-1.amazonaws.com/id/0EF15E7D"),
            ProviderKind::EksIrsa
        );
        assert_eq!(classify("accounts.example.com"), ProviderKind::Other);
        assert_eq!(
            host_of_provider_arn(
                "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
            ),
            Some(GITHUB_HOST)
        );
    }
}
