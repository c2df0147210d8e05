//! Building an assume-role request from what a person knows — a GitHub repository and ref, or a
//! principal — against a given policy. Shared by `cicd assume` and the playground's panel.

use super::github::Run;
use super::model::{PrincipalEntry, PrincipalKind, Statement, TrustPolicy};
use super::oidc::{self, ProviderKind};
use super::operators::{self, Family, SetQualifier};
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
/// GitHub `sub` conditions name (a `sub` check IAM drops included: it says whom the author
/// meant), or an example repository.
pub fn suggested_run(policy: &TrustPolicy) -> Run {
    let subs = policy
        .statements
        .iter()
        .filter(|s| s.is_allow())
        .flat_map(|s| s.conditions.iter().chain(&s.dropped_conditions))
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

/// The caller to try first against a policy: the one it trusts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SuggestedCaller {
    /// A GitHub Actions run ([`suggested_run`]): the policy trusts GitHub's OIDC provider.
    Github(Box<Run>),
    /// Another principal (a service, an account or role, another identity provider), with the
    /// request context its statement's conditions ask for.
    Principal {
        /// Who calls.
        caller: Caller,
        /// The context keys the conditions check, with values they accept.
        context: Context,
    },
}

/// The caller the policy actually trusts, so that an "assume role?" form starts on an allowed,
/// intended caller: the principal of the first `Allow` statement that lets it in — a GitHub run
/// of the repository its `sub` condition names for GitHub's provider, the service for a service
/// principal (`codebuild.amazonaws.com`), the account, role or provider otherwise — with the
/// context its conditions ask for. When no principal can be let in, the first one named; a
/// policy that names none gets an example GitHub run.
pub fn suggested_caller(policy: &TrustPolicy) -> SuggestedCaller {
    let mut first = None;
    for stmt in policy.statements.iter().filter(|s| s.is_allow()) {
        for entry in stmt.principals() {
            let Some(candidate) = candidate(policy, stmt, entry) else {
                continue;
            };
            if allowed(policy, &candidate) {
                return candidate;
            }
            first.get_or_insert(candidate);
        }
    }
    first.unwrap_or_else(|| SuggestedCaller::Github(Box::new(suggested_run(policy))))
}

/// The caller `entry` names, with the context `stmt`'s conditions ask for; `None` for `*` and
/// for values that are placeholders.
fn candidate(
    policy: &TrustPolicy,
    stmt: &Statement,
    entry: &PrincipalEntry,
) -> Option<SuggestedCaller> {
    if entry.template || entry.is_everyone() || super::text::placeholder(&entry.value).is_some() {
        return None;
    }
    let caller = match entry.kind {
        PrincipalKind::Federated => {
            let github = oidc::host_of_provider_arn(&entry.value)
                .is_some_and(|h| oidc::classify(h) == ProviderKind::GitHub);
            if github {
                return Some(SuggestedCaller::Github(Box::new(suggested_run(policy))));
            }
            Caller::Federated(entry.value.clone())
        }
        PrincipalKind::Service => Caller::Service(entry.value.clone()),
        PrincipalKind::Aws => Caller::Aws(entry.value.clone()),
        PrincipalKind::CanonicalUser => Caller::CanonicalUser(entry.value.clone()),
        PrincipalKind::Everyone => return None,
    };
    Some(SuggestedCaller::Principal {
        caller,
        context: expected_context(stmt),
    })
}

/// A request context the statement's positive conditions accept: each checked key with its first
/// value (a pattern's wildcards filled in). Keys only excluded, tested for absence or checked
/// with `…IfExists` or `ForAllValues:` are left out, as a request without them passes.
fn expected_context(stmt: &Statement) -> Context {
    let mut context = Context::new();
    for cond in &stmt.conditions {
        let Some(op) = cond.parsed else { continue };
        if op.base.is_negated()
            || op.if_exists
            || op.qualifier == Some(SetQualifier::ForAllValues)
            || context.contains(&cond.key.value)
        {
            continue;
        }
        let Some(value) = cond.values.first() else {
            continue;
        };
        let value = match op.base.family() {
            Family::Null => {
                // `"false"`: the key must be there.
                if operators::parse_bool(&value.text) != Some(false) {
                    continue;
                }
                "example".to_string()
            }
            Family::String | Family::Arn if op.base.has_wildcards() => {
                super::explore::fill(&value.text, "example")
            }
            _ => value.text.clone(),
        };
        context.insert(cond.key.value.clone(), value);
    }
    context
}

/// Whether the policy lets the suggested caller in.
fn allowed(policy: &TrustPolicy, suggestion: &SuggestedCaller) -> bool {
    let request = match suggestion {
        SuggestedCaller::Github(run) => github_request(policy, run),
        SuggestedCaller::Principal { caller, context } => {
            request(caller.clone(), None, None, context)
        }
    };
    super::evaluate(policy, &request).decision == super::trace::Decision::Allow
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
    fn the_suggested_caller_is_the_one_the_policy_trusts() {
        // The playground's template: a CodeBuild service role.
        let codebuild = policy(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
        );
        assert_eq!(
            suggested_caller(&codebuild),
            SuggestedCaller::Principal {
                caller: Caller::Service("codebuild.amazonaws.com".into()),
                context: Context::new(),
            }
        );
        // The guide's GitHub role: its repository.
        let guide = policy(include_str!(
            "../../../../examples/trust-policy-github-oidc.json"
        ));
        let SuggestedCaller::Github(run) = suggested_caller(&guide) else {
            panic!("a GitHub run")
        };
        assert_eq!(run.owner, "myorg");
        // A `sub` check IAM drops still says which repository was meant.
        let dropped = policy(include_str!(
            "../../../../examples/broken/trust-policy-duplicate-condition-block.json"
        ));
        let SuggestedCaller::Github(run) = suggested_caller(&dropped) else {
            panic!("a GitHub run")
        };
        assert_eq!(run.sub(), "repo:myorg/myrepo:ref:refs/heads/main");
        // An account with an external ID, a service with its source account: the context they
        // ask for, so that the first answer is "allowed".
        let account = policy(
            r#"{"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}},
              {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"abc"},"StringNotEquals":{"aws:PrincipalTag/team":"x"}}}]}"#,
        );
        let SuggestedCaller::Principal { caller, context } = suggested_caller(&account) else {
            panic!("a principal")
        };
        assert_eq!(caller, Caller::Aws("arn:aws:iam::111122223333:root".into()));
        assert_eq!(
            context.get("sts:ExternalId"),
            Some(&["abc".to_string()][..])
        );
        assert!(!context.contains("aws:PrincipalTag/team"));
        let service = policy(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codepipeline.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"},"ArnLike":{"aws:SourceArn":"arn:aws:codepipeline:*:111122223333:*"}}}]}"#,
        );
        let suggestion = suggested_caller(&service);
        assert!(allowed(&service, &suggestion), "{suggestion:?}");
        // Another identity provider: its token's keys.
        let gitlab = policy(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::1:oidc-provider/gitlab.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"gitlab.com:aud":"https://gitlab.com"},"StringLike":{"gitlab.com:sub":"project_path:g/p:ref_type:branch:ref:*"}}}]}"#,
        );
        let suggestion = suggested_caller(&gitlab);
        assert!(allowed(&gitlab, &suggestion), "{suggestion:?}");
        assert!(matches!(
            suggestion,
            SuggestedCaller::Principal {
                caller: Caller::Federated(_),
                ..
            }
        ));
        // Nobody named: an example run.
        let anyone = policy(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}]}"#,
        );
        assert!(matches!(
            suggested_caller(&anyone),
            SuggestedCaller::Github(_)
        ));
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
