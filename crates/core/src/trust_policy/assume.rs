//! Building an assume-role request from what a person knows — a GitHub repository and ref, or a
//! principal — against a given policy. Shared by `cicd assume` and the playground's panel.

use super::github::Run;
use super::model::{PrincipalKind, TrustPolicy};
use super::oidc::{self, ProviderKind};
use super::request::{Caller, Context, Request};

/// A GitHub provider ARN to use when the policy names none.
pub const EXAMPLE_GITHUB_PROVIDER: &str =
    "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";

/// The GitHub OIDC provider ARN the policy trusts (the first one named literally), or an example
/// ARN when it names none.
pub fn github_provider(policy: &TrustPolicy) -> String {
    policy
        .statements
        .iter()
        .flat_map(|s| s.principals())
        .filter(|p| p.kind == PrincipalKind::Federated && !p.template)
        .find(|p| {
            oidc::host_of_provider_arn(&p.value)
                .is_some_and(|h| oidc::classify(h) == ProviderKind::GitHub)
                && super::text::placeholder(&p.value).is_none()
        })
        .map_or_else(|| EXAMPLE_GITHUB_PROVIDER.to_string(), |p| p.value.clone())
}

impl Caller {
    /// The action this kind of caller assumes roles with: `AssumeRoleWithWebIdentity` for an OIDC
    /// provider, `AssumeRoleWithSAML` for a SAML provider, `AssumeRole` otherwise.
    pub fn default_action(&self) -> &'static str {
        match self {
            Caller::Federated(p) if p.contains(":saml-provider/") => "sts:AssumeRoleWithSAML",
            Caller::Federated(_) => "sts:AssumeRoleWithWebIdentity",
            _ => "sts:AssumeRole",
        }
    }
}

/// The request a GitHub Actions run makes against this policy (its GitHub provider, the run's
/// claims as context keys, and the principal keys).
pub fn github_request(policy: &TrustPolicy, run: &Run) -> Request {
    let caller = Caller::Federated(github_provider(policy));
    request(caller, None, Some(run), &Context::new())
}

/// The request `caller` makes: `action` (the caller's [default](Caller::default_action) when
/// `None` or empty); with `run`, the run's claims as context keys (named after the caller's OIDC
/// provider, or GitHub's); then each key of `extra`, replacing a claim of the same name; then the
/// principal keys AWS sets from the caller.
pub fn request(
    caller: Caller,
    action: Option<&str>,
    run: Option<&Run>,
    extra: &Context,
) -> Request {
    let action = action
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map_or_else(|| caller.default_action().to_string(), str::to_string);
    let mut request = Request::new(caller, action);
    if let Some(run) = run {
        let host = match &request.caller {
            Caller::Federated(arn) => oidc::host_of_provider_arn(arn),
            _ => None,
        };
        request.context = run.claims().context(host.unwrap_or(oidc::GITHUB_HOST));
    }
    for entry in extra.entries() {
        request.context.set(entry.key.clone(), entry.values.clone());
    }
    request.with_principal_keys()
}

/// A run worth trying first against this policy: the repository (and ref or environment) its
/// GitHub `sub` conditions name, or an example repository.
pub fn suggested_run(policy: &TrustPolicy) -> Run {
    let subs = policy
        .statements
        .iter()
        .filter(|s| s.is_allow())
        .flat_map(|s| s.conditions.iter())
        .filter(|c| {
            c.key_parts().is_some_and(|(prefix, claim)| {
                claim.eq_ignore_ascii_case("sub") && oidc::classify(prefix) == ProviderKind::GitHub
            })
        })
        .flat_map(|c| c.values.iter().map(|v| v.text.as_str()));
    let mut fallback = None;
    for value in subs {
        if !value.contains(['*', '?']) {
            if let Some(run) = Run::from_sub(value) {
                return run;
            }
        } else if fallback.is_none() {
            // `repo:org/repo:*` → org/repo on its default branch.
            let literal = value.split(['*', '?']).next().unwrap_or("");
            let repo = literal
                .strip_prefix("repo:")
                .and_then(|r| r.split(':').next())
                .unwrap_or("");
            fallback = Run::for_repository(repo.trim_end_matches(['/', '-', '_', '.']));
        }
    }
    fallback.unwrap_or_else(|| Run::for_repository("octo-org/octo-repo").unwrap_or_default())
}

impl Run {
    /// The run a default-template `sub` describes: `repo:O/R:ref:REF`, `repo:O/R:pull_request`
    /// or `repo:O/R:environment:ENV` (with `%3A` decoded, and the `O@ID/R@ID` form).
    pub fn from_sub(sub: &str) -> Option<Run> {
        let rest = sub.strip_prefix("repo:")?;
        let (repo_part, context) = rest.split_once(':')?;
        let (owner, repo) = repo_part.split_once('/')?;
        let split_id = |s: &str| match s.split_once('@') {
            Some((name, id)) => (name.to_string(), Some(id.to_string())),
            None => (s.to_string(), None),
        };
        let (owner, owner_id) = split_id(owner);
        let (repo, repo_id) = split_id(repo);
        if owner.is_empty() || repo.is_empty() {
            return None;
        }
        let mut run = Run {
            owner,
            repo,
            owner_id: owner_id.filter(|_| repo_id.is_some()),
            repo_id,
            ..Run::default()
        };
        let decode = |s: &str| s.replace("%3A", ":").replace("%3a", ":");
        if let Some(env) = context.strip_prefix("environment:") {
            run.environment = Some(decode(env));
        } else if context == "pull_request" {
            run.event = Some("pull_request".to_string());
        } else if let Some(r) = context.strip_prefix("ref:") {
            run.git_ref = Some(decode(r));
        } else {
            return None;
        }
        Some(run)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(text: &str) -> TrustPolicy {
        let options = crate::Options::default();
        match crate::analyze(crate::Kind::TrustPolicy, text, &options).map(|a| a.model) {
            Ok(crate::Model::TrustPolicy(policy)) => policy,
            other => panic!("not a trust policy: {other:?}"),
        }
    }

    #[test]
    fn request_defaults_the_action_and_lets_extra_keys_replace_claims() {
        let run = Run::for_repository("octo-org/octo-repo").unwrap();
        let provider = "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com";
        let mut extra = Context::new();
        extra.insert(
            "token.actions.githubusercontent.com:sub",
            "repo:o/r:pull_request",
        );
        let r = request(
            Caller::Federated(provider.into()),
            Some("  "),
            Some(&run),
            &extra,
        );
        assert_eq!(r.action, "sts:AssumeRoleWithWebIdentity");
        let sub = r
            .context
            .entries()
            .iter()
            .find(|e| e.key.ends_with(":sub"))
            .map(|e| e.values.clone());
        assert_eq!(sub, Some(vec!["repo:o/r:pull_request".to_string()]));
        assert!(
            r.context
                .contains("token.actions.githubusercontent.com:aud")
        );
        // An AWS caller with no run: the given action, and the principal keys AWS adds.
        let r = request(
            Caller::parse("aws:arn:aws:iam::111122223333:role/ci").unwrap(),
            Some("sts:TagSession"),
            None,
            &Context::new(),
        );
        assert_eq!(r.action, "sts:TagSession");
        assert!(r.context.contains("aws:PrincipalAccount"));
    }

    #[test]
    fn from_sub_round_trips_the_default_template() {
        for sub in [
            "repo:o/r:ref:refs/heads/main",
            "repo:o/r:ref:refs/tags/v1.2",
            "repo:o/r:pull_request",
            "repo:o/r:environment:Production%3AV1",
            "repo:o@1/r@2:ref:refs/heads/main",
        ] {
            let run = Run::from_sub(sub).unwrap();
            assert_eq!(run.sub(), sub);
        }
        assert!(Run::from_sub("repo:o/r:*").is_none());
        assert!(Run::from_sub("project_path:g/p:ref_type:branch:ref:main").is_none());
    }

    #[test]
    fn suggestions_and_providers() {
        let guide = policy(include_str!(
            "../../../../examples/trust-policy-github-oidc.json"
        ));
        let run = suggested_run(&guide);
        assert_eq!((run.owner.as_str(), run.repo.as_str()), ("myorg", "myrepo"));
        assert!(
            github_provider(&guide).ends_with(":oidc-provider/token.actions.githubusercontent.com")
        );
        let request = github_request(&guide, &run);
        assert_eq!(
            super::super::evaluate(&guide, &request).decision,
            super::super::evaluate::Decision::Allow
        );
        let none = policy(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
        );
        assert_eq!(github_provider(&none), EXAMPLE_GITHUB_PROVIDER);
        assert_eq!(suggested_run(&none).owner, "octo-org");
        assert_eq!(
            Caller::Service("x".into()).default_action(),
            "sts:AssumeRole"
        );
        assert_eq!(
            Caller::Federated("arn:aws:iam::1:saml-provider/x".into()).default_action(),
            "sts:AssumeRoleWithSAML"
        );
    }
}

/// A `KEY=VALUE` context entry that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContextError {
    /// The entry as given.
    pub entry: String,
    /// What is wrong with it.
    pub problem: &'static str,
}

impl std::fmt::Display for ContextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` {}", self.entry, self.problem)
    }
}

/// Reads request-context entries written `KEY=VALUE` (the CLI's `--context` values, the lines of
/// the playground's context box): key and value are trimmed, a key given twice becomes
/// multivalued, blank entries are skipped. The first entry that is not `KEY=VALUE` is an error.
pub fn parse_context<'a>(
    entries: impl IntoIterator<Item = &'a str>,
) -> Result<Context, ContextError> {
    let mut context = Context::new();
    for entry in entries {
        if entry.trim().is_empty() {
            continue;
        }
        let error = |problem| ContextError {
            entry: entry.to_string(),
            problem,
        };
        let (key, value) = entry.split_once('=').ok_or(error("is not KEY=VALUE"))?;
        if key.trim().is_empty() {
            return Err(error("has no key"));
        }
        context.insert(key.trim(), value.trim());
    }
    Ok(context)
}
