//! "Who gets in?": for each wildcard value in a condition, concrete callers it admits that the
//! author probably did not intend, such as `repo:org/repo-evil:ref:refs/heads/main` for
//! `repo:org/repo*`.
//!
//! For GitHub Actions and GitLab `sub` patterns the explorer builds candidate tokens — a
//! repository of anyone at all, of an owner whose name starts like the intended one, another
//! repository of the same owner, a repository whose name only starts with the intended one, and
//! other branches, tags, pull requests and environments of the same repository — each in every
//! context the pattern may allow (a push to `main`, a pull request, an environment, a tag, and
//! the pattern's own context), and keeps those the whole statement admits, evaluated by the
//! evaluator with every condition of the statement (an attacker chooses the audience of their own
//! token, so the audience is set to what the policy expects). For other keys it shows what a
//! wildcard stands for.
//!
//! Two more openings admit callers without a wildcard, and are reported the same way: a GitHub
//! or GitLab trust with no positive condition on `sub` (every repository or project gets in),
//! and a condition the author wrote that IAM silently drops because a later duplicate replaces it
//! (the callers it would have stopped).

use super::evaluate::{condition_holds, conditions_hold};
use super::github::{self, Run};
use super::model::{Condition, Statement, TrustPolicy};
use super::oidc::{self, ProviderKind};
use super::operators::{self, BaseOperator, Family, Tok};
use super::request::Context;
use super::rules::helpers::{dropped_check, principal_span, subject_gap};
use super::text::{Piece, pieces};
use crate::source::Span;

/// What kind of caller an example is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Admits {
    /// A repository (or project) of anyone at all: every repository on GitHub (or every project
    /// on the GitLab instance) whose run has the right context.
    AnyOwner,
    /// A repository (or project) of another owner (or group): an owner whose name merely starts
    /// with the intended one, or any owner with a repository of the intended name.
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

/// Why a report's callers get in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Opening {
    /// A wildcard in a condition's value (`repo:org/repo*`).
    Wildcard,
    /// No positive condition on the provider's `sub`: every repository (or project) whose token
    /// has the right audience gets in (rules IAM031, IAM038).
    NoSubCondition,
    /// A condition the author wrote is silently dropped, because a later duplicate replaces it
    /// (rule IAM021): the callers it would have stopped get in.
    DroppedCondition,
}

impl Opening {
    /// `wildcard`, `no-sub-condition` or `dropped-condition`.
    pub fn id(self) -> &'static str {
        match self {
            Opening::Wildcard => "wildcard",
            Opening::NoSubCondition => "no-sub-condition",
            Opening::DroppedCondition => "dropped-condition",
        }
    }
}

/// The callers one opening admits: a wildcard value, a missing `sub` condition or a dropped
/// condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WildcardReport {
    /// The statement (0-based).
    pub statement: usize,
    /// The condition's index in the statement's `conditions`, for a wildcard.
    pub condition: Option<usize>,
    /// What lets the callers in.
    pub opening: Opening,
    /// The operator as written (empty when no condition is written).
    pub operator: String,
    /// The key as written (for a missing `sub` condition, the key no condition checks).
    pub key: String,
    /// The wildcard value, or the dropped condition's first value (empty for a missing `sub`).
    pub pattern: String,
    /// Where the opening is: the value, the principal trusting the provider, or the dropped
    /// condition.
    pub span: Span,
    /// The provider whose `sub` this is, when known.
    pub provider: Option<ProviderKind>,
    /// Examples of callers that get in.
    pub admitted: Vec<Admission>,
}

/// The longest `sub` pattern the explorer builds candidate tokens for. Candidates copy parts of
/// the pattern, and matching costs up to pattern × value steps, so a hostile multi-megabyte
/// pattern is only illustrated; a real one is far shorter (IAM's quota for a whole trust policy
/// is 2,048 characters, raisable to 4,096).
const MAX_EXPLORED_PATTERN: usize = 4_096;

/// Every opening of the `Allow` statements, with examples of who it admits: each wildcard value in
/// a positive `…Like`/`Arn…` condition, each GitHub or GitLab trust without a positive `sub`
/// condition, and each condition IAM drops. Openings whose examples are all blocked by other
/// conditions are reported with an empty `admitted` list.
pub fn who_gets_in(policy: &TrustPolicy) -> Vec<WildcardReport> {
    explore(policy, true)
}

/// The wildcard openings of [`who_gets_in`] alone (what the wildcard rules report).
pub(crate) fn wildcards(policy: &TrustPolicy) -> Vec<WildcardReport> {
    explore(policy, false)
}

fn explore(policy: &TrustPolicy, all: bool) -> Vec<WildcardReport> {
    let expand = policy.expands_variables();
    let mut out = Vec::new();
    for stmt in policy.statements.iter().filter(|s| s.is_allow()) {
        let providers = oidc::providers(stmt);
        for (ci, cond) in stmt.conditions.iter().enumerate() {
            let Some(op) = cond.parsed else { continue };
            if !op.base.has_wildcards() || op.base.is_negated() {
                continue;
            }
            for value in &cond.values {
                if !has_wildcard(&value.text) {
                    continue;
                }
                let provider = sub_provider(&providers, cond)
                    .filter(|_| value.text.chars().count() <= MAX_EXPLORED_PATTERN);
                let admitted = match provider {
                    Some((kind, ref host)) => {
                        structured(stmt, cond, op.base, &value.text, kind, host, expand)
                    }
                    None => generic(&value.text, op.base),
                };
                out.push(WildcardReport {
                    statement: stmt.index,
                    condition: Some(ci),
                    opening: Opening::Wildcard,
                    operator: cond.operator.value.clone(),
                    key: cond.key.value.clone(),
                    pattern: value.text.clone(),
                    span: value.span,
                    provider: provider.map(|(k, _)| k),
                    admitted,
                });
            }
        }
        if !all {
            continue;
        }
        for p in providers
            .iter()
            .filter(|p| matches!(p.kind, ProviderKind::GitHub | ProviderKind::GitLab))
        {
            let sub_key = p.key("sub");
            // A `sub` check lost to a duplicate is reported as the dropped condition.
            if subject_gap(stmt, p).is_none() || dropped_check(stmt, &sub_key).is_some() {
                continue;
            }
            out.push(WildcardReport {
                statement: stmt.index,
                condition: None,
                opening: Opening::NoSubCondition,
                operator: String::new(),
                key: sub_key,
                pattern: String::new(),
                span: principal_span(stmt, p),
                provider: Some(p.kind),
                admitted: anyone(stmt, p.kind, &p.host, expand),
            });
        }
        for cond in &stmt.dropped_conditions {
            let provider = sub_provider(&providers, cond);
            let admitted = match &provider {
                Some((kind, host)) => stopped_callers(stmt, cond, *kind, host, expand),
                None => vec![Admission {
                    value: "anything".to_string(),
                    kind: Admits::Example,
                    note: format!("`{}` is not checked at all", cond.key.value),
                }],
            };
            out.push(WildcardReport {
                statement: stmt.index,
                condition: None,
                opening: Opening::DroppedCondition,
                operator: cond.operator.value.clone(),
                key: cond.key.value.clone(),
                pattern: cond
                    .values
                    .first()
                    .map(|v| v.text.clone())
                    .unwrap_or_default(),
                span: cond.span,
                provider: provider.map(|(k, _)| k),
                admitted,
            });
        }
    }
    out
}

/// A caller of anyone at all that a statement without a `sub` check lets in: one token per
/// context, the first the statement admits.
fn anyone(stmt: &Statement, kind: ProviderKind, host: &str, expand: bool) -> Vec<Admission> {
    let gitlab = kind != ProviderKind::GitHub;
    let scheme = if gitlab { "project_path:" } else { "repo:" };
    let (owner, repo, note) = if gitlab {
        (
            "attacker",
            "attacker-project",
            "a pipeline of any project on the GitLab instance",
        )
    } else {
        (
            "attacker",
            "attacker-repo",
            "a workflow in any repository on GitHub",
        )
    };
    let audience = expected_audience(stmt, host, kind);
    contexts(&Shape::default(), gitlab)
        .iter()
        .map(|ctx| token(scheme, owner, repo, ctx, gitlab))
        .find(|t| {
            conditions_hold(&stmt.conditions, &token_context(t, host, &audience), expand).is_ok()
        })
        .map(|t| Admission {
            value: t.sub,
            kind: Admits::AnyOwner,
            note: note.to_string(),
        })
        .into_iter()
        .collect()
}

/// The callers a dropped `sub` condition would have stopped and the statement lets in: other
/// owners, repositories and refs than the ones it names.
fn stopped_callers(
    stmt: &Statement,
    dropped: &Condition,
    kind: ProviderKind,
    host: &str,
    expand: bool,
) -> Vec<Admission> {
    let gitlab = kind != ProviderKind::GitHub;
    let scheme = if gitlab { "project_path:" } else { "repo:" };
    let audience = expected_audience(stmt, host, kind);
    let gets_in = |t: &Token| {
        let mut context = token_context(t, host, &audience);
        context.set(dropped.key.value.clone(), vec![t.sub.clone()]);
        conditions_hold(&stmt.conditions, &context, expand).is_ok()
            && condition_holds(dropped, &context, expand).is_err()
    };
    let mut out: Vec<Admission> = Vec::new();
    for value in &dropped.values {
        let shape = shape(&value.text, scheme);
        let contexts = contexts(&shape, gitlab);
        for c in callers(&value.text, &shape, gitlab) {
            if let Some(t) = contexts
                .iter()
                .map(|ctx| token(scheme, &c.owner, &c.repo, ctx, gitlab))
                .find(|t| gets_in(t))
                && !out.iter().any(|a| a.value == t.sub)
            {
                out.push(Admission {
                    value: t.sub,
                    kind: c.kind,
                    note: c.note,
                });
            }
        }
        if let (Some(owner), Some(repo)) = (&shape.owner, &shape.repo) {
            for (ctx, note) in other_refs(gitlab) {
                let t = token(scheme, owner, repo, ctx, gitlab);
                if gets_in(&t) && !out.iter().any(|a| a.value == t.sub) {
                    out.push(Admission {
                        value: t.sub,
                        kind: Admits::OtherRef,
                        note: note.to_string(),
                    });
                }
            }
        }
    }
    out
}

/// The request context of a token: its run's claims (with the audience the statement expects),
/// or, for a custom `sub`, `sub` and `aud` alone.
fn token_context(t: &Token, host: &str, audience: &str) -> Context {
    match &t.run {
        Some(run) => {
            let mut run = run.clone();
            run.audience = Some(audience.to_string());
            run.claims().context(host)
        }
        None => {
            let mut ctx = Context::new();
            ctx.insert(format!("{host}:sub"), t.sub.clone());
            ctx.insert(format!("{host}:aud"), audience.to_string());
            ctx
        }
    }
}

/// Whether `actual`, a `sub` value that `pattern` matches, is a caller the pattern's author did
/// not name: of another owner or repository than the pattern's literal ones, or a pull request
/// run let in by a wildcard in the context part. `None` for the caller the pattern names.
pub fn unintended(pattern: &str, actual: &str, kind: ProviderKind) -> Option<Admits> {
    let scheme = match kind {
        ProviderKind::GitHub => "repo:",
        ProviderKind::GitLab => "project_path:",
        _ => return None,
    };
    let want = shape(pattern, scheme);
    let rest = actual.strip_prefix(scheme)?;
    let (segment, context) = rest.split_once(':').unwrap_or((rest, ""));
    let (owner, repo) = segment.rsplit_once('/').unwrap_or((segment, ""));
    let Some(want_owner) = &want.owner else {
        return Some(Admits::AnyOwner);
    };
    if owner != want_owner {
        return Some(Admits::OtherOwner);
    }
    if want.repo.as_deref() != Some(repo) {
        return Some(Admits::OtherRepository);
    }
    let wildcard_context = want.context.as_deref().is_none_or(has_wildcard);
    (kind == ProviderKind::GitHub && wildcard_context && context == "pull_request")
        .then_some(Admits::OtherRef)
}

/// Whether a value has a `*` or `?` outside the `${*}`/`${?}` escapes.
pub fn has_wildcard(value: &str) -> bool {
    pieces(value)
        .iter()
        .any(|p| matches!(p, Piece::Text(t) if t.contains(['*', '?'])))
}

/// The provider (GitHub or GitLab) whose `sub` a condition tests, with its key prefix, among
/// the providers the statement trusts.
fn sub_provider(providers: &[oidc::Provider], cond: &Condition) -> Option<(ProviderKind, String)> {
    let (prefix, claim) = cond.key_parts()?;
    if !claim.eq_ignore_ascii_case("sub") {
        return None;
    }
    let kind = oidc::classify(prefix);
    let trusted = providers
        .iter()
        .any(|p| p.host.eq_ignore_ascii_case(prefix));
    (trusted && matches!(kind, ProviderKind::GitHub | ProviderKind::GitLab))
        .then(|| (kind, prefix.to_string()))
}

/// What a `repo:OWNER/REPO:CONTEXT` (or `project_path:GROUP/PROJECT:CONTEXT`) pattern says about
/// the intended caller.
#[derive(Debug, Default, PartialEq, Eq)]
struct Shape {
    /// The owner's text before its first wildcard (`org` for `org*` and for `org`).
    owner: Option<String>,
    /// The repository's text before its first wildcard.
    repo: Option<String>,
    /// The context after the repository (`ref:refs/heads/*`), if the pattern has one.
    context: Option<String>,
}

fn shape(pattern: &str, scheme: &str) -> Shape {
    let Some(rest) = pattern.strip_prefix(scheme) else {
        return Shape::default();
    };
    let (segment, context) = match rest.split_once(':') {
        Some((s, c)) => (s, Some(c.to_string())),
        None => (rest, None),
    };
    let (owner, repo) = match segment.rsplit_once('/') {
        Some((o, r)) => (o, Some(r)),
        None => (segment, None),
    };
    let literal = |s: &str| {
        let head = s.split(['*', '?']).next().unwrap_or("");
        (!head.is_empty()).then(|| head.to_string())
    };
    Shape {
        owner: literal(owner),
        repo: repo.and_then(literal),
        context,
    }
}

/// `pattern` with each `*` replaced by `star` and each `?` by `x`.
pub(crate) fn fill(pattern: &str, star: &str) -> String {
    operators::glob_tokens(pattern)
        .iter()
        .map(|t| match t {
            Tok::Char(c) => c.to_string(),
            Tok::Star => star.to_string(),
            Tok::One => "x".to_string(),
        })
        .collect()
}

/// A caller to try: an owner and a repository, what kind of caller that is, and who that is in
/// words.
struct Candidate {
    owner: String,
    repo: String,
    kind: Admits,
    note: String,
}

/// One token to try: its `sub`, and for GitHub's default template the run that produces it (so
/// that conditions on other claims are evaluated too).
struct Token {
    sub: String,
    run: Option<Run>,
}

/// The callers worth trying for a pattern, given what it names: owners and repositories other
/// than the intended ones, in the order the report should list them.
fn callers(pattern: &str, shape: &Shape, gitlab: bool) -> Vec<Candidate> {
    let (anyone, project, another, owner_word, repo_word) = if gitlab {
        (
            "attacker",
            "attacker-project",
            "another-project",
            "group",
            "project",
        )
    } else {
        (
            "attacker",
            "attacker-repo",
            "another-repo",
            "owner",
            "repository",
        )
    };
    let site = if gitlab {
        "any other GitLab group or user"
    } else {
        "any other GitHub user or organization"
    };
    let mut out = vec![Candidate {
        owner: anyone.to_string(),
        repo: project.to_string(),
        kind: Admits::AnyOwner,
        note: format!("a {repo_word} of {site}"),
    }];
    if let Some(repo) = &shape.repo {
        out.push(Candidate {
            owner: anyone.to_string(),
            repo: repo.clone(),
            kind: Admits::OtherOwner,
            note: format!("a {repo_word} named `{repo}` of {site}"),
        });
    }
    if let Some(owner) = &shape.owner {
        let repo = shape.repo.clone().unwrap_or_else(|| project.to_string());
        out.push(Candidate {
            owner: format!("{owner}-evil"),
            repo,
            kind: Admits::OtherOwner,
            note: format!("an {owner_word} whose name merely starts with `{owner}`"),
        });
        out.push(Candidate {
            owner: owner.clone(),
            repo: another.to_string(),
            kind: Admits::OtherRepository,
            note: format!("any other {repo_word} of `{owner}`"),
        });
        if let Some(repo) = &shape.repo {
            out.push(Candidate {
                owner: owner.clone(),
                repo: format!("{repo}-evil"),
                kind: Admits::OtherRepository,
                note: format!("a {repo_word} whose name merely starts with `{repo}`"),
            });
            if pattern.contains('?') {
                out.push(Candidate {
                    owner: owner.clone(),
                    repo: format!("{repo}2"),
                    kind: Admits::OtherRepository,
                    note: format!("a {repo_word} named `{repo}` plus one character"),
                });
            }
        }
    }
    out
}

/// The contexts to try other callers in: the common ones, then the pattern's own context with
/// its wildcards filled in (`ref:refs/heads/release-x` for `ref:refs/heads/release-*`).
fn contexts(shape: &Shape, gitlab: bool) -> Vec<String> {
    let mut out: Vec<String> = if gitlab {
        vec![
            "ref_type:branch:ref:main".to_string(),
            "ref_type:tag:ref:v1.0.0".to_string(),
        ]
    } else {
        vec![
            "ref:refs/heads/main".to_string(),
            "pull_request".to_string(),
            "environment:production".to_string(),
            "ref:refs/tags/v1.0.0".to_string(),
        ]
    };
    if let Some(context) = &shape.context {
        let own = fill(context, "x");
        if !own.is_empty() && !out.contains(&own) {
            out.push(own);
        }
    }
    out
}

/// The other branches, tags, pull requests and environments of the intended repository.
fn other_refs(gitlab: bool) -> Vec<(&'static str, &'static str)> {
    if gitlab {
        vec![
            ("ref_type:branch:ref:any-branch", "a pipeline on any branch"),
            ("ref_type:tag:ref:any-tag", "a pipeline for any tag"),
        ]
    } else {
        vec![
            (
                "pull_request",
                "a pull request run, including `pull_request_target`, which forks can trigger",
            ),
            ("ref:refs/heads/any-branch", "a push to any branch"),
            ("ref:refs/tags/any-tag", "any tag"),
            ("environment:any-environment", "a job in any environment"),
        ]
    }
}

fn token(scheme: &str, owner: &str, repo: &str, context: &str, gitlab: bool) -> Token {
    let sub = format!("{scheme}{owner}/{repo}:{context}");
    // Only a `sub` that GitHub's default template really produces gets a run (and so the other
    // claims); a custom-template `sub` is tried with `sub` and `aud` alone.
    let run = if gitlab {
        None
    } else {
        Run::from_sub(&sub).filter(|r| r.sub() == sub)
    };
    Token { sub, run }
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
    base: BaseOperator,
    pattern: &str,
    kind: ProviderKind,
    host: &str,
    expand: bool,
) -> Vec<Admission> {
    let gitlab = kind != ProviderKind::GitHub;
    let scheme = if gitlab { "project_path:" } else { "repo:" };
    let shape = shape(pattern, scheme);
    let tokens = operators::glob_tokens(pattern);
    let audience = expected_audience(stmt, host, kind);
    // The candidate must match this very value (as its operator compares: `StringLike` over the
    // whole text, `ArnLike` per colon-separated field), and the whole statement must admit it.
    let admitted = |t: &Token| -> bool {
        let matches = if base.family() == Family::Arn {
            operators::arn_match(&tokens, &t.sub)
        } else {
            operators::glob_match(&tokens, &t.sub, false)
        };
        if !matches {
            return false;
        }
        let mut context = token_context(t, host, &audience);
        context.set(cond.key.value.clone(), vec![t.sub.clone()]);
        conditions_hold(&stmt.conditions, &context, expand).is_ok()
    };
    let mut out: Vec<Admission> = Vec::new();
    let add = |out: &mut Vec<Admission>, value: String, kind: Admits, note: String| {
        if !out.iter().any(|a| a.value == value) {
            out.push(Admission { value, kind, note });
        }
    };
    let contexts = contexts(&shape, gitlab);
    let parts = Parts::of(pattern, scheme);
    let mut candidates = callers(pattern, &shape, gitlab);
    let first_fill = candidates.len();
    candidates.extend(filled_callers(&parts, gitlab));
    for (i, c) in candidates.into_iter().enumerate() {
        // A name filled in from the pattern only where the usual candidates showed nothing of
        // its kind: `service-??` admits `service-xx`, which no name plus a suffix fits.
        let covered = |kinds: &[Admits]| out.iter().any(|a| kinds.contains(&a.kind));
        if i >= first_fill
            && match c.kind {
                Admits::OtherOwner => covered(&[Admits::AnyOwner, Admits::OtherOwner]),
                _ => covered(&[Admits::OtherRepository]),
            }
        {
            continue;
        }
        // One example per caller: the first context the statement lets it in with.
        if let Some(t) = contexts
            .iter()
            .map(|ctx| token(scheme, &c.owner, &c.repo, ctx, gitlab))
            .find(|t| admitted(t))
        {
            add(&mut out, t.sub, c.kind, c.note);
        }
    }
    // Other refs of the repository the pattern names: a narrowing ref or environment pattern
    // (`refs/tags/v*`) is the author's choice; one that any branch, tag, pull request or
    // environment fits is reported.
    if let (Some(owner), Some(repo)) = (parts.intended_owner(), parts.intended_repo()) {
        for (ctx, note) in other_refs(gitlab) {
            let t = token(scheme, &owner, &repo, ctx, gitlab);
            if admitted(&t) {
                add(&mut out, t.sub, Admits::OtherRef, note.to_string());
            }
        }
    }
    out
}

/// The owner and repository parts of a `repo:OWNER/REPO:CONTEXT` (or
/// `project_path:GROUP/PROJECT:CONTEXT`) pattern as written, wildcards included.
struct Parts<'a> {
    owner: Option<&'a str>,
    repo: Option<&'a str>,
}

impl<'a> Parts<'a> {
    fn of(pattern: &'a str, scheme: &str) -> Parts<'a> {
        let Some(rest) = pattern.strip_prefix(scheme) else {
            return Parts {
                owner: None,
                repo: None,
            };
        };
        let segment = rest.split_once(':').map_or(rest, |(s, _)| s);
        let (owner, repo) = match segment.rsplit_once('/') {
            Some((o, r)) => (Some(o), Some(r)),
            None => (Some(segment), None),
        };
        Parts { owner, repo }
    }

    /// The owner the pattern is closest to naming (`o0` for `o?`, `org` for `org*`); `None` when
    /// the owner is a wildcard alone.
    fn intended_owner(&self) -> Option<String> {
        self.owner.and_then(intended)
    }

    /// The repository the pattern is closest to naming.
    fn intended_repo(&self) -> Option<String> {
        self.repo.and_then(intended)
    }
}

/// A part filled in as close to its literal text as its wildcards allow; `None` for a part with
/// no literal text (`*`).
fn intended(part: &str) -> Option<String> {
    let text = fill_part(part, false);
    (!part.chars().all(|c| c == '*') && !text.is_empty()).then_some(text)
}

/// A part of a pattern with its wildcards filled in: for an example of another name (`probe`:
/// `?` → `x`, `*` → `evil`, after a letter or digit `-evil`), or as close to the literal text
/// as possible (`?` → `0`, `*` → nothing, or `x` at the start).
fn fill_part(part: &str, probe: bool) -> String {
    let mut out = String::with_capacity(part.len() + 8);
    for t in operators::glob_tokens(part) {
        match t {
            Tok::Char(c) => out.push(c),
            Tok::One => out.push(if probe { 'x' } else { '0' }),
            Tok::Star if probe => {
                if out.ends_with(|c: char| c.is_ascii_alphanumeric()) {
                    out.push_str("-evil");
                } else {
                    out.push_str("evil");
                }
            }
            Tok::Star if out.is_empty() => out.push('x'),
            Tok::Star => {}
        }
    }
    out
}

/// Callers named by filling in the wildcards of the owner or the repository part.
fn filled_callers(parts: &Parts<'_>, gitlab: bool) -> Vec<Candidate> {
    let (owner_word, repo_word, project) = if gitlab {
        ("group", "project", "attacker-project")
    } else {
        ("owner", "repository", "attacker-repo")
    };
    let mut out = Vec::new();
    if let Some(owner) = parts.owner.filter(|o| o.contains(['*', '?'])) {
        out.push(Candidate {
            owner: fill_part(owner, true),
            repo: parts.intended_repo().unwrap_or_else(|| project.to_string()),
            kind: Admits::OtherOwner,
            note: format!("an {owner_word} whose name fits `{owner}`"),
        });
    }
    if let (Some(owner), Some(repo)) = (
        parts.intended_owner(),
        parts.repo.filter(|r| r.contains(['*', '?'])),
    ) {
        out.push(Candidate {
            repo: fill_part(repo, true),
            kind: Admits::OtherRepository,
            note: format!("a {repo_word} of `{owner}` whose name fits `{repo}`"),
            owner,
        });
    }
    out
}

fn generic(pattern: &str, base: BaseOperator) -> Vec<Admission> {
    let arn = base.family() == Family::Arn;
    let note = if arn
        && operators::glob_tokens(pattern)
            .iter()
            .all(|t| *t == Tok::Star)
    {
        format!("`{}` with `*` alone matches any value", base.name())
    } else if arn {
        format!(
            "in `{}` a `*` stands for any text within one colon-separated ARN field and `?` for any one character",
            base.name()
        )
    } else {
        "`*` stands for any text and `?` for any one character".to_string()
    };
    let mut out = vec![Admission {
        value: fill(pattern, "anything"),
        kind: Admits::Example,
        note,
    }];
    if base == BaseOperator::StringLike && pattern.contains('*') {
        out.push(Admission {
            value: fill(pattern, "any/thing:at-all"),
            kind: Admits::Example,
            note: "in `StringLike` a `*` also spans `/` and `:`".to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let s = shape("repo:o*/r:ref:refs/heads/main", "repo:");
        assert_eq!(s.owner.as_deref(), Some("o"));
        assert_eq!(s.repo.as_deref(), Some("r"));
        assert_eq!(s.context.as_deref(), Some("ref:refs/heads/main"));
        let s = shape("repo:*:pull_request", "repo:");
        assert_eq!((s.owner, s.repo), (None, None));
        assert_eq!(s.context.as_deref(), Some("pull_request"));
        let s = shape("repo:o/*:ref:refs/tags/*", "repo:");
        assert_eq!((s.owner.as_deref(), s.repo), (Some("o"), None));
        assert_eq!(shape("*", "repo:"), Shape::default());
        let s = shape("project_path:g/sub/p*", "project_path:");
        assert_eq!(s.owner.as_deref(), Some("g/sub"));
        assert_eq!(s.repo.as_deref(), Some("p"));
        assert_eq!(
            fill("ref:refs/heads/release-*", "x"),
            "ref:refs/heads/release-x"
        );
    }
}
