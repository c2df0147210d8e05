//! "Who gets in?": for each wildcard value in a condition, concrete callers it admits that the
//! author probably did not intend, such as `repo:org/repo-evil:ref:refs/heads/main` for
//! `repo:org/repo*`.
//!
//! For GitHub Actions and GitLab `sub` patterns the explorer builds candidate tokens (another
//! owner, another repository of the same owner, a repository whose name only starts with the
//! intended one, other branches, tags, pull requests and environments of the same repository)
//! and keeps those the whole statement admits, evaluated by the evaluator with every condition of
//! the statement (an attacker chooses the audience of their own token, so the audience is set to
//! what the policy expects). For other keys it shows what a wildcard stands for.

use super::evaluate::{Context, conditions_hold};
use super::github::{self, Run};
use super::model::{Condition, Statement, TrustPolicy};
use super::oidc::{self, ProviderKind};
use super::operators::{self, BaseOperator, Tok};
use super::text::{Piece, pieces};
use crate::source::Span;

/// What kind of caller an example is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Admits {
    /// A repository (or project) of another owner (or group).
    OtherOwner,
    /// Another repository of the same owner, including one whose name merely starts with the
    /// intended name.
    OtherRepository,
    /// Another branch, tag, pull request or environment of the intended repository.
    OtherRef,
    /// An illustration of what the wildcard stands for (keys the explorer has no model of).
    Example,
}

/// One caller a wildcard admits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Admission {
    /// The value the caller presents (`repo:org/repo-evil:ref:refs/heads/main`).
    pub value: String,
    /// What kind of caller it is.
    pub kind: Admits,
    /// Who that is, in words.
    pub note: String,
}

/// The callers one wildcard value admits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WildcardReport {
    /// The statement (0-based).
    pub statement: usize,
    /// The condition's index in the statement's `conditions`.
    pub condition: usize,
    /// The operator as written.
    pub operator: String,
    /// The key as written.
    pub key: String,
    /// The wildcard value.
    pub pattern: String,
    /// Where the value is.
    pub span: Span,
    /// The provider whose `sub` this is, when known.
    pub provider: Option<ProviderKind>,
    /// Examples of callers that get in.
    pub admitted: Vec<Admission>,
}

/// Every wildcard value in the `Allow` statements' positive `…Like`/`Arn…` conditions, with
/// examples of who it admits. Values whose examples are all blocked by other conditions are
/// reported with an empty `admitted` list.
pub fn who_gets_in(policy: &TrustPolicy) -> Vec<WildcardReport> {
    let expand = policy.expands_variables();
    let mut out = Vec::new();
    for stmt in policy.statements.iter().filter(|s| s.is_allow()) {
        for (ci, cond) in stmt.conditions.iter().enumerate() {
            let Some(op) = cond.parsed else { continue };
            if !op.base.has_wildcards() || op.base.is_negated() {
                continue;
            }
            for value in &cond.values {
                if !has_wildcard(&value.text) {
                    continue;
                }
                let provider = sub_provider(stmt, cond);
                let admitted = match provider {
                    Some((kind, ref host)) if op.base == BaseOperator::StringLike => {
                        structured(stmt, cond, &value.text, kind, host, expand)
                    }
                    _ => generic(&value.text, op.base == BaseOperator::StringLike),
                };
                out.push(WildcardReport {
                    statement: stmt.index,
                    condition: ci,
                    operator: cond.operator.value.clone(),
                    key: cond.key.value.clone(),
                    pattern: value.text.clone(),
                    span: value.span,
                    provider: provider.map(|(k, _)| k),
                    admitted,
                });
            }
        }
    }
    out
}

/// Whether a value has a `*` or `?` outside the `${*}`/`${?}` escapes.
pub fn has_wildcard(value: &str) -> bool {
    pieces(value)
        .iter()
        .any(|p| matches!(p, Piece::Text(t) if t.contains(['*', '?'])))
}

/// The provider (GitHub or GitLab) whose `sub` a condition tests, with its key prefix.
fn sub_provider(stmt: &Statement, cond: &Condition) -> Option<(ProviderKind, String)> {
    let (prefix, claim) = cond.key_parts()?;
    if !claim.eq_ignore_ascii_case("sub") {
        return None;
    }
    let kind = oidc::classify(prefix);
    let trusted = oidc::providers(stmt)
        .iter()
        .any(|p| p.host.eq_ignore_ascii_case(prefix));
    (trusted && matches!(kind, ProviderKind::GitHub | ProviderKind::GitLab))
        .then(|| (kind, prefix.to_string()))
}

/// The literal owner and repository a `repo:OWNER/REPO:…` (or `project_path:GROUP/PROJECT:…`)
/// pattern names before its first wildcard.
fn hints(pattern: &str, scheme: &str) -> (Option<String>, Option<String>) {
    let Some(rest) = pattern.strip_prefix(scheme) else {
        return (None, None);
    };
    let stop = |c: char| matches!(c, '*' | '?' | ':');
    let head_end = rest.find(stop).unwrap_or(rest.len());
    let head = rest.get(..head_end).unwrap_or("");
    let (owner, repo) = match head.rsplit_once('/') {
        Some((o, r)) => (o, Some(r)),
        None => (head, None),
    };
    let nonempty = |s: &str| (!s.is_empty()).then(|| s.to_string());
    (nonempty(owner), repo.and_then(nonempty))
}

struct Candidate {
    sub: String,
    kind: Admits,
    note: String,
    run: Option<Run>,
}

fn github_candidates(pattern: &str) -> Vec<Candidate> {
    let (owner_hint, repo_hint) = hints(pattern, "repo:");
    let owner = owner_hint.clone().unwrap_or_else(|| "some-org".to_string());
    let repo = repo_hint.clone().unwrap_or_else(|| "some-repo".to_string());
    let run = |o: &str, r: &str, event: &str, git_ref: Option<&str>, env: Option<&str>| Run {
        owner: o.to_string(),
        repo: r.to_string(),
        event: Some(event.to_string()),
        git_ref: git_ref.map(str::to_string),
        environment: env.map(str::to_string),
        ..Run::default()
    };
    let mut runs = vec![(
        run("attacker", "attacker-repo", "push", None, None),
        Admits::OtherOwner,
        "a repository of any other GitHub user or organization".to_string(),
    )];
    if owner_hint.is_some() {
        runs.push((
            run(&format!("{owner}-evil"), &repo, "push", None, None),
            Admits::OtherOwner,
            format!("an owner whose name merely starts with `{owner}`"),
        ));
    }
    runs.push((
        run(&owner, "another-repo", "push", None, None),
        Admits::OtherRepository,
        format!("any other repository of `{owner}`"),
    ));
    if repo_hint.is_some() {
        runs.push((
            run(&owner, &format!("{repo}-evil"), "push", None, None),
            Admits::OtherRepository,
            format!("a repository whose name merely starts with `{repo}`"),
        ));
        if pattern.contains('?') {
            runs.push((
                run(&owner, &format!("{repo}2"), "push", None, None),
                Admits::OtherRepository,
                format!("a repository named `{repo}` plus one character"),
            ));
        }
    }
    if owner_hint.is_some() && repo_hint.is_some() {
        runs.extend([
            (
                run(&owner, &repo, "pull_request", None, None),
                Admits::OtherRef,
                "a pull request run of the repository".to_string(),
            ),
            (
                run(&owner, &repo, "push", Some("refs/heads/any-branch"), None),
                Admits::OtherRef,
                "a push to any branch".to_string(),
            ),
            (
                run(&owner, &repo, "push", Some("refs/tags/any-tag"), None),
                Admits::OtherRef,
                "any tag".to_string(),
            ),
            (
                run(&owner, &repo, "push", None, Some("any-environment")),
                Admits::OtherRef,
                "a job in any environment".to_string(),
            ),
        ]);
    }
    runs.into_iter()
        .map(|(run, kind, note)| Candidate {
            sub: run.sub(),
            kind,
            note,
            run: Some(run),
        })
        .collect()
}

fn gitlab_candidates(pattern: &str) -> Vec<Candidate> {
    let (group_hint, project_hint) = hints(pattern, "project_path:");
    let group = group_hint.clone().unwrap_or_else(|| "my-group".to_string());
    let project = project_hint
        .clone()
        .unwrap_or_else(|| "my-project".to_string());
    let sub = |g: &str, p: &str, ctx: &str| format!("project_path:{g}/{p}:{ctx}");
    let main = "ref_type:branch:ref:main";
    let mut out = vec![(
        sub("attacker", "attacker-project", main),
        Admits::OtherOwner,
        "a project of any other GitLab group or user".to_string(),
    )];
    if group_hint.is_some() {
        out.push((
            sub(&format!("{group}-evil"), &project, main),
            Admits::OtherOwner,
            format!("a group whose name merely starts with `{group}`"),
        ));
    }
    out.push((
        sub(&group, "another-project", main),
        Admits::OtherRepository,
        format!("any other project of `{group}`"),
    ));
    if project_hint.is_some() {
        out.push((
            sub(&group, &format!("{project}-evil"), main),
            Admits::OtherRepository,
            format!("a project whose name merely starts with `{project}`"),
        ));
    }
    if group_hint.is_some() && project_hint.is_some() {
        out.push((
            sub(&group, &project, "ref_type:branch:ref:any-branch"),
            Admits::OtherRef,
            "a pipeline on any branch".to_string(),
        ));
        out.push((
            sub(&group, &project, "ref_type:tag:ref:any-tag"),
            Admits::OtherRef,
            "a pipeline for any tag".to_string(),
        ));
    }
    out.into_iter()
        .map(|(sub, kind, note)| Candidate {
            sub,
            kind,
            note,
            run: None,
        })
        .collect()
}

/// The audience the statement expects for a provider: the first literal positive value of its
/// `aud` condition, else the provider's usual audience.
fn expected_audience(stmt: &Statement, host: &str, kind: ProviderKind) -> String {
    let aud_key = format!("{host}:aud");
    stmt.conditions
        .iter()
        .filter(|c| c.key.value.eq_ignore_ascii_case(&aud_key))
        .filter(|c| c.parsed.is_some_and(|o| !o.base.is_negated()))
        .flat_map(|c| c.values.iter())
        .map(|v| v.text.clone())
        .find(|t| !has_wildcard(t))
        .or_else(|| kind.default_audience().map(str::to_string))
        .unwrap_or_else(|| github::DEFAULT_AUDIENCE.to_string())
}

fn structured(
    stmt: &Statement,
    cond: &Condition,
    pattern: &str,
    kind: ProviderKind,
    host: &str,
    expand: bool,
) -> Vec<Admission> {
    let candidates = match kind {
        ProviderKind::GitHub => github_candidates(pattern),
        _ => gitlab_candidates(pattern),
    };
    let tokens = operators::glob_tokens(pattern);
    let audience = expected_audience(stmt, host, kind);
    let mut out: Vec<Admission> = Vec::new();
    for c in candidates {
        // The candidate must match this very value, and the whole statement must admit it.
        if !operators::glob_match(&tokens, &c.sub, false) {
            continue;
        }
        let mut context = match &c.run {
            Some(run) => {
                let mut run = run.clone();
                run.audience = Some(audience.clone());
                run.claims().context(host)
            }
            None => {
                let mut ctx = Context::new();
                ctx.insert(format!("{host}:sub"), c.sub.clone());
                ctx.insert(format!("{host}:aud"), audience.clone());
                ctx
            }
        };
        context.set(cond.key.value.clone(), vec![c.sub.clone()]);
        if conditions_hold(&stmt.conditions, &context, expand).is_err() {
            continue;
        }
        if out.iter().any(|a| a.value == c.sub) {
            continue;
        }
        out.push(Admission {
            value: c.sub,
            kind: c.kind,
            note: c.note,
        });
    }
    out
}

fn generic(pattern: &str, crosses_separators: bool) -> Vec<Admission> {
    let fill = |star: &str| -> String {
        operators::glob_tokens(pattern)
            .iter()
            .map(|t| match t {
                Tok::Char(c) => c.to_string(),
                Tok::Star => star.to_string(),
                Tok::One => "x".to_string(),
            })
            .collect()
    };
    let mut out = vec![Admission {
        value: fill("anything"),
        kind: Admits::Example,
        note: "`*` stands for any text and `?` for any one character".to_string(),
    }];
    if crosses_separators && pattern.contains('*') {
        let crossing = fill("any/thing:at-all");
        out.push(Admission {
            value: crossing,
            kind: Admits::Example,
            note: "in `StringLike` a `*` also spans `/` and `:`".to_string(),
        });
    }
    out
}
