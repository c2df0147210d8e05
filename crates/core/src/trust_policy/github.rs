//! The OIDC token a GitHub Actions run presents to AWS, computed from the run's repository,
//! event, ref and environment (reference Part C1–C2 and `github-actions-aws.md` §3).
//!
//! `sub` follows GitHub's precedence: a job that references an environment gets
//! `repo:OWNER/REPO:environment:NAME`; otherwise a pull-request event (`pull_request`,
//! `pull_request_target`, `pull_request_review`, `pull_request_review_comment`) gets
//! `repo:OWNER/REPO:pull_request`; otherwise `repo:OWNER/REPO:ref:REF`. A `:` inside a value is
//! written `%3A`. Repositories on the immutable-subject scheme use `OWNER@OWNER_ID/REPO@REPO_ID`,
//! and a custom template (`include_claim_keys`) replaces the default shape.

use super::oidc::{GITHUB_2026_CLAIM_KEYS, GITHUB_HOST};
use super::request::{Caller, Context, Request};

/// The issuer of GitHub.com's Actions tokens.
pub const GITHUB_ISSUER: &str = "https://token.actions.githubusercontent.com";

/// The audience `aws-actions/configure-aws-credentials` requests by default.
pub const DEFAULT_AUDIENCE: &str = "sts.amazonaws.com";

/// A GitHub Actions run, as far as its OIDC token is concerned.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Run {
    /// The repository's owner (`octo-org`).
    pub owner: String,
    /// The repository's name (`octo-repo`).
    pub repo: String,
    /// The owner's numeric ID; with `repo_id`, selects the immutable `sub` form.
    pub owner_id: Option<String>,
    /// The repository's numeric ID.
    pub repo_id: Option<String>,
    /// The triggering event (`push` when absent).
    pub event: Option<String>,
    /// The Git ref (`refs/heads/main`, `refs/tags/v1`); a bare name is a branch. When absent:
    /// the ref the event runs on (see [`Run::git_ref`]).
    pub git_ref: Option<String>,
    /// The environment the job references.
    pub environment: Option<String>,
    /// The repository's default branch (`main` when absent).
    pub default_branch: Option<String>,
    /// The audience requested (`sts.amazonaws.com` when absent).
    pub audience: Option<String>,
    /// A custom `sub` template: the claim keys, in order (`["repo", "context",
    /// "job_workflow_ref"]`); `None` for GitHub's default.
    pub sub_claim_keys: Option<Vec<String>>,
    /// The user who triggered the run.
    pub actor: Option<String>,
    /// The workflow file (`deploy.yml`), for `workflow_ref` and `job_workflow_ref`.
    pub workflow_file: Option<String>,
}

/// The events whose runs get the `pull_request` context in `sub`.
pub const PULL_REQUEST_EVENTS: &[&str] = &[
    "pull_request",
    "pull_request_target",
    "pull_request_review",
    "pull_request_review_comment",
];

/// A token's claims, in a fixed order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Claims {
    /// `(claim, value)` pairs.
    pub entries: Vec<(String, String)>,
}

impl Claims {
    /// The value of a claim.
    pub fn get(&self, claim: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(k, _)| k == claim)
            .map(|(_, v)| v.as_str())
    }

    /// The condition keys IAM exposes for these claims, under the issuer host `host`
    /// (`token.actions.githubusercontent.com`): `sub` and `aud`, and the claims STS reportedly
    /// evaluates since early 2026 (`repository`, `ref`, `environment`, … — unconfirmed list).
    pub fn context(&self, host: &str) -> Context {
        let mut context = Context::new();
        for (claim, value) in &self.entries {
            if claim == "sub" || claim == "aud" || GITHUB_2026_CLAIM_KEYS.contains(&claim.as_str())
            {
                context.insert(format!("{host}:{claim}"), value.clone());
            }
        }
        context
    }
}

/// Writes `:` as `%3A`, as GitHub does inside `sub` values.
pub fn encode(value: &str) -> String {
    value.replace(':', "%3A")
}

impl Run {
    /// A run of `owner/repo` (split at the first `/`).
    pub fn for_repository(full_name: &str) -> Option<Run> {
        let (owner, repo) = full_name.split_once('/')?;
        if owner.is_empty() || repo.is_empty() || repo.contains('/') {
            return None;
        }
        Some(Run {
            owner: owner.to_string(),
            repo: repo.to_string(),
            ..Run::default()
        })
    }

    /// The event (`push` by default).
    pub fn event(&self) -> &str {
        self.event.as_deref().unwrap_or("push")
    }

    /// Whether the event is a pull-request event.
    pub fn is_pull_request(&self) -> bool {
        PULL_REQUEST_EVENTS.contains(&self.event())
    }

    /// The Git ref of the run (`refs/heads/main`). Without an explicit ref it is the one the
    /// event runs on (`github-actions-aws.md` §3.2): the pull request's merge ref for
    /// `pull_request` and `pull_request_review*`, the merge queue's temporary branch for
    /// `merge_group`, and the default branch for everything else (`push`, `pull_request_target`,
    /// `schedule`, `workflow_run`, `issue_comment`, …).
    pub fn git_ref(&self) -> String {
        let default_branch = self.default_branch.as_deref().unwrap_or("main");
        match &self.git_ref {
            Some(r) if r.starts_with("refs/") => r.clone(),
            Some(r) => format!("refs/heads/{r}"),
            // The merge ref for review events is unconfirmed by GitHub's documentation.
            None if matches!(
                self.event(),
                "pull_request" | "pull_request_review" | "pull_request_review_comment"
            ) =>
            {
                "refs/pull/1/merge".to_string()
            }
            // `gh-readonly-queue/<base>/pr-<number>-<head sha>`: the shape GitHub's merge queue
            // gives its branches; that the token's `ref` is this branch is unconfirmed.
            None if self.event() == "merge_group" => format!(
                "refs/heads/gh-readonly-queue/{default_branch}/pr-1-0123456789abcdef0123456789abcdef01234567"
            ),
            None => format!("refs/heads/{default_branch}"),
        }
    }

    /// `OWNER/REPO`, or `OWNER@ID/REPO@ID` on the immutable-subject scheme.
    pub fn repo_segment(&self) -> String {
        match (&self.owner_id, &self.repo_id) {
            (Some(oid), Some(rid)) => format!("{}@{oid}/{}@{rid}", self.owner, self.repo),
            _ => format!("{}/{}", self.owner, self.repo),
        }
    }

    /// The context part of the default `sub`: `environment:E`, `pull_request` or `ref:REF`.
    pub fn context_segment(&self) -> String {
        if let Some(env) = &self.environment {
            format!("environment:{}", encode(env))
        } else if self.is_pull_request() {
            "pull_request".to_string()
        } else {
            format!("ref:{}", encode(&self.git_ref()))
        }
    }

    /// The `sub` claim.
    pub fn sub(&self) -> String {
        match &self.sub_claim_keys {
            None => format!("repo:{}:{}", self.repo_segment(), self.context_segment()),
            Some(keys) => {
                let claims = self.base_claims();
                let mut parts: Vec<String> = Vec::new();
                for key in keys.iter().take(64) {
                    match key.as_str() {
                        "repo" => parts.push(format!("repo:{}", self.repo_segment())),
                        "context" => parts.push(self.context_segment()),
                        other => {
                            let value = claims
                                .iter()
                                .find(|(k, _)| k == other)
                                .map(|(_, v)| v.as_str())
                                .unwrap_or("");
                            parts.push(format!("{other}:{}", encode(value)));
                        }
                    }
                }
                parts.join(":")
            }
        }
    }

    fn base_claims(&self) -> Vec<(String, String)> {
        let git_ref = self.git_ref();
        let mut c: Vec<(String, String)> = Vec::new();
        let mut put = |k: &str, v: String| c.push((k.to_string(), v));
        put("iss", GITHUB_ISSUER.to_string());
        put(
            "aud",
            self.audience
                .clone()
                .unwrap_or_else(|| DEFAULT_AUDIENCE.to_string()),
        );
        put("repository", format!("{}/{}", self.owner, self.repo));
        put("repository_owner", self.owner.clone());
        if let Some(id) = &self.repo_id {
            put("repository_id", id.clone());
        }
        if let Some(id) = &self.owner_id {
            put("repository_owner_id", id.clone());
        }
        put("event_name", self.event().to_string());
        put("ref", git_ref.clone());
        let ref_type = if git_ref.starts_with("refs/tags/") {
            "tag"
        } else if git_ref.starts_with("refs/heads/") {
            "branch"
        } else {
            ""
        };
        put("ref_type", ref_type.to_string());
        if let Some(env) = &self.environment {
            put("environment", env.clone());
        }
        if let Some(actor) = &self.actor {
            put("actor", actor.clone());
        }
        if let Some(file) = &self.workflow_file {
            let workflow_ref = format!(
                "{}/{}/.github/workflows/{file}@{git_ref}",
                self.owner, self.repo
            );
            put("workflow_ref", workflow_ref.clone());
            put("job_workflow_ref", workflow_ref);
        }
        put("runner_environment", "github-hosted".to_string());
        c
    }

    /// Every claim of the token, `sub` included, in a fixed order.
    pub fn claims(&self) -> Claims {
        let mut entries = self.base_claims();
        let sub = self.sub();
        let at = entries
            .iter()
            .position(|(k, _)| k == "aud")
            .map_or(0, |i| i + 1);
        entries.insert(at, ("sub".to_string(), sub));
        Claims { entries }
    }

    /// The `AssumeRoleWithWebIdentity` request this run makes against an IAM OIDC provider
    /// (`arn:aws:iam::…:oidc-provider/token.actions.githubusercontent.com`).
    pub fn request(&self, provider_arn: &str) -> Request {
        let host = super::oidc::host_of_provider_arn(provider_arn).unwrap_or(GITHUB_HOST);
        Request {
            caller: Caller::Federated(provider_arn.to_string()),
            action: "sts:AssumeRoleWithWebIdentity".to_string(),
            context: self.claims().context(host),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run() -> Run {
        Run::for_repository("octo-org/octo-repo").unwrap()
    }

    #[test]
    fn sub_precedence() {
        let mut r = run();
        assert_eq!(r.sub(), "repo:octo-org/octo-repo:ref:refs/heads/main");
        r.git_ref = Some("refs/tags/v1.0".into());
        assert_eq!(r.sub(), "repo:octo-org/octo-repo:ref:refs/tags/v1.0");
        r.event = Some("pull_request".into());
        assert_eq!(r.sub(), "repo:octo-org/octo-repo:pull_request");
        r.event = Some("pull_request_target".into());
        assert_eq!(r.sub(), "repo:octo-org/octo-repo:pull_request");
        r.environment = Some("Production:V1".into());
        assert_eq!(
            r.sub(),
            "repo:octo-org/octo-repo:environment:Production%3AV1"
        );
    }

    #[test]
    fn default_refs_per_event() {
        let mut r = run();
        for (event, git_ref) in [
            ("push", "refs/heads/main"),
            ("pull_request", "refs/pull/1/merge"),
            ("pull_request_review", "refs/pull/1/merge"),
            ("pull_request_review_comment", "refs/pull/1/merge"),
            ("pull_request_target", "refs/heads/main"),
            ("schedule", "refs/heads/main"),
        ] {
            r.event = Some(event.into());
            assert_eq!(r.git_ref(), git_ref, "{event}");
        }
        r.event = Some("merge_group".into());
        r.default_branch = Some("trunk".into());
        assert!(
            r.git_ref()
                .starts_with("refs/heads/gh-readonly-queue/trunk/pr-1-")
        );
        assert!(
            r.sub()
                .starts_with("repo:octo-org/octo-repo:ref:refs/heads/gh-readonly-queue/")
        );
        r.event = Some("pull_request_review".into());
        assert_eq!(r.sub(), "repo:octo-org/octo-repo:pull_request");
    }

    #[test]
    fn immutable_and_custom_subjects() {
        let mut r = run();
        r.owner_id = Some("123456".into());
        r.repo_id = Some("456789".into());
        assert_eq!(
            r.sub(),
            "repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main"
        );
        let mut r = run();
        r.environment = Some("prod".into());
        r.workflow_file = Some("oidc.yml".into());
        r.sub_claim_keys = Some(vec![
            "repo".into(),
            "context".into(),
            "job_workflow_ref".into(),
        ]);
        assert_eq!(
            r.sub(),
            "repo:octo-org/octo-repo:environment:prod:job_workflow_ref:octo-org/octo-repo/.github/workflows/oidc.yml@refs/heads/main"
        );
        let mut r = run();
        r.sub_claim_keys = Some(vec!["repository_owner".into(), "event_name".into()]);
        assert_eq!(r.sub(), "repository_owner:octo-org:event_name:push");
    }

    #[test]
    fn claims_and_context() {
        let mut r = run();
        r.git_ref = Some("develop".into());
        let c = r.claims();
        assert_eq!(c.get("aud"), Some("sts.amazonaws.com"));
        assert_eq!(c.get("ref"), Some("refs/heads/develop"));
        assert_eq!(c.get("ref_type"), Some("branch"));
        assert_eq!(c.get("iss"), Some(GITHUB_ISSUER));
        let ctx = c.context(GITHUB_HOST);
        assert_eq!(
            ctx.get("token.actions.githubusercontent.com:sub"),
            Some(&["repo:octo-org/octo-repo:ref:refs/heads/develop".to_string()][..])
        );
        assert!(ctx.get("token.actions.githubusercontent.com:iss").is_none());
        assert!(Run::for_repository("no-slash").is_none());
    }
}
