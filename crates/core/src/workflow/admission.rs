//! "Can this workflow assume that role — and who else can?": the cross-check of workflows with a
//! role's trust policy (`github-actions-aws.md` §7).
//!
//! For every job step that assumes a role through OIDC (`configure-aws-credentials` on the OIDC
//! path, [`AuthPath::Oidc`]), the runs the workflow allows are enumerated — each trigger, each
//! branch or tag its filters let through (a pattern is tried with an example name), each
//! environment the job may use (a matrix or a `choice` input is expanded, an expression is
//! evaluated per run) — and the runs a job's or step's `if:` surely excludes are dropped. Each
//! run's OIDC token is built by the GitHub claims builder ([`Run`]) and evaluated against the
//! trust policy by the evaluator ([`evaluate()`]): a row says whether the policy admits it, and
//! if not, which condition fails. A job without `id-token: write` in effect gets no token at all.
//!
//! The reverse: callers the policy admits that no row needs — a pull request, another branch, a
//! tag, another environment, another repository of the owner, a repository of anyone — tried as
//! probes and from the wildcard explorer ([`who_gets_in`]), reported as over-broad trust.
//!
//! The repository a workflow lives in is not in the file: it is given
//! ([`AdmissionOptions::repository`]), else taken from the policy's own `sub` conditions (the
//! repository the policy intends), else an example.

use super::expr::{self, Val};
use super::model::{AuthPath, Job, Step, Text, Workflow};
use super::rules::helpers::{TokenGrant, filter_includes, id_token};
use crate::source::Span;
use crate::trust_policy::assume::{github_provider, github_request};
use crate::trust_policy::evaluate::evaluate;
use crate::trust_policy::explore::{Admits, who_gets_in};
use crate::trust_policy::github::{DEFAULT_AUDIENCE, Run};
use crate::trust_policy::model::{Statement, TrustPolicy};
use crate::trust_policy::oidc::{self, ProviderKind};
use crate::trust_policy::operators::{self, Family};
use crate::trust_policy::report::ConditionReport;
use crate::trust_policy::trace::{Decision, Evaluation, Outcome};

/// Which file a place is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileRole {
    /// The workflow at this index of the inputs.
    Workflow(usize),
    /// The trust policy.
    Policy,
}

/// A place in one of the files, as built: the file and a byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct At {
    /// Which file.
    pub file: FileRole,
    /// Where in it.
    pub span: Span,
}

/// A workflow given to the cross-check, with the name the report uses for it.
#[derive(Clone, Copy, Debug)]
pub struct WorkflowInput<'a> {
    /// Its name (`.github/workflows/deploy.yml`).
    pub name: &'a str,
    /// Its model.
    pub workflow: &'a Workflow,
}

/// What the cross-check is told beyond the files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AdmissionOptions {
    /// The repository the workflows live in (`OWNER/REPO`); by default the one the policy names.
    pub repository: Option<String>,
    /// The repository's default branch (`main` by default).
    pub default_branch: Option<String>,
    /// The owner's and repository's numeric IDs, for the immutable `sub` form.
    pub owner_id: Option<String>,
    /// The repository's numeric ID.
    pub repo_id: Option<String>,
    /// A custom `sub` template (claim keys in order).
    pub sub_claim_keys: Option<Vec<String>>,
    /// Leave out steps whose role ARN is in another account than the policy's GitHub provider
    /// (they cannot be this policy's role); used when the pairing of files is inferred.
    pub only_matching_accounts: bool,
}

/// `allow`, `deny` or `unknown`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum RowDecision {
    /// The policy admits the run's token.
    Allow,
    /// It refuses it, or the job gets no token.
    Deny,
    /// The token depends on something known only at run time (an environment name computed
    /// from an expression).
    Unknown,
}

/// One run of one job step that assumes the role.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(bound(deserialize = "P: serde::Deserialize<'de>"))
)]
pub struct AdmissionRow<P> {
    /// The workflow's name.
    pub workflow: String,
    /// The job id.
    pub job: String,
    /// The step's position in the job (1-based).
    pub step: usize,
    /// The triggering event.
    pub event: String,
    /// The Git ref of the run: a ref, or a pattern the workflow's filters allow
    /// (`refs/heads/release/*`, tried as `refs/heads/release/x`).
    #[cfg_attr(feature = "serde", serde(rename = "ref"))]
    pub git_ref: String,
    /// The ref the run's token carries (a pattern is tried with an example name).
    pub token_ref: String,
    /// The environment the job references, if any.
    pub environment: Option<String>,
    /// The run in words (``a push to `main` in environment `production` ``).
    pub run: String,
    /// The token's `sub`.
    pub sub: String,
    /// The audience the step requests.
    pub audience: String,
    /// Whether the job can request a token at all (`id-token: write` in effect).
    pub token: bool,
    /// The answer.
    pub decision: RowDecision,
    /// Why, in a sentence.
    pub reason: String,
    /// The statement that decided (1-based), if one did.
    pub deciding_statement: Option<usize>,
    /// For a refusal, the condition that failed in the closest `Allow` statement.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub condition: Option<ConditionReport<P>>,
    /// The step's `role-to-assume` in the workflow.
    pub job_at: P,
    /// The step's `audience` input, when given.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub audience_at: Option<P>,
    /// The place in the policy that decided: the matching `sub` value of the deciding
    /// statement, the failing condition, or the statement.
    pub policy_at: Option<P>,
}

/// What kind of caller an over-broad admission lets in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum CallerKind {
    /// A repository of anyone at all.
    AnyOwner,
    /// A repository of another owner.
    OtherOwner,
    /// Another repository of the same owner.
    OtherRepository,
    /// A pull-request run (including `pull_request_target`, which forks can trigger).
    PullRequest,
    /// A run on another branch.
    OtherBranch,
    /// A run for a tag.
    Tag,
    /// A job in another environment.
    Environment,
    /// A run on the default branch (no job of the workflows runs there).
    DefaultBranch,
}

/// A caller the policy admits that no job of the workflows needs.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(bound(deserialize = "P: serde::Deserialize<'de>"))
)]
pub struct OverBroad<P> {
    /// The caller's `sub`.
    pub sub: String,
    /// What kind of caller that is.
    pub kind: CallerKind,
    /// Who that is and why it gets in, in a sentence.
    pub reason: String,
    /// The statement that admits it (1-based).
    pub statement: Option<usize>,
    /// The place in the policy that admits it (the matching `sub` value, else the statement).
    pub policy_at: Option<P>,
}

/// The admission table of workflows against one trust policy.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(bound(deserialize = "P: serde::Deserialize<'de>"))
)]
pub struct AdmissionReport<P> {
    /// The policy's name.
    pub policy: String,
    /// The repository the runs are from (`OWNER/REPO`).
    pub repository: String,
    /// Where the repository comes from: `given`, `policy` (named by its `sub` conditions) or
    /// `example`.
    pub repository_source: String,
    /// The default branch assumed.
    pub default_branch: String,
    /// The OIDC provider the tokens are presented to (the policy's GitHub provider).
    pub provider: String,
    /// One row per run of each step that assumes a role through OIDC.
    pub rows: Vec<AdmissionRow<P>>,
    /// Callers the policy admits that no row needs.
    pub over_broad: Vec<OverBroad<P>>,
    /// Things the reader should know (steps left out, assumptions).
    pub notes: Vec<String>,
    /// How many errors `cicd check` reports on the policy.
    pub policy_errors: usize,
}

impl<P> AdmissionReport<P> {
    /// Whether some job that needs the role is refused (or gets no token).
    pub fn refused(&self) -> bool {
        self.rows.iter().any(|r| r.decision == RowDecision::Deny)
    }

    /// The same report with every place turned into a `Q`.
    pub fn map<Q>(self, mut place: impl FnMut(P) -> Q) -> AdmissionReport<Q> {
        let cond = |c: ConditionReport<P>, place: &mut dyn FnMut(P) -> Q| ConditionReport {
            operator: c.operator,
            key: c.key,
            expected: c.expected,
            actual: c.actual,
            why: c.why,
            at: place(c.at),
        };
        AdmissionReport {
            policy: self.policy,
            repository: self.repository,
            repository_source: self.repository_source,
            default_branch: self.default_branch,
            provider: self.provider,
            rows: self
                .rows
                .into_iter()
                .map(|r| AdmissionRow {
                    workflow: r.workflow,
                    job: r.job,
                    step: r.step,
                    event: r.event,
                    git_ref: r.git_ref,
                    token_ref: r.token_ref,
                    environment: r.environment,
                    run: r.run,
                    sub: r.sub,
                    audience: r.audience,
                    token: r.token,
                    decision: r.decision,
                    reason: r.reason,
                    deciding_statement: r.deciding_statement,
                    condition: r.condition.map(|c| cond(c, &mut place)),
                    job_at: place(r.job_at),
                    audience_at: r.audience_at.map(&mut place),
                    policy_at: r.policy_at.map(&mut place),
                })
                .collect(),
            over_broad: self
                .over_broad
                .into_iter()
                .map(|o| OverBroad {
                    sub: o.sub,
                    kind: o.kind,
                    reason: o.reason,
                    statement: o.statement,
                    policy_at: o.policy_at.map(&mut place),
                })
                .collect(),
            notes: self.notes,
            policy_errors: self.policy_errors,
        }
    }
}

/// The environment a run's job references.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Env {
    None,
    Known(String),
    /// Written as an expression whose value is not known (the text).
    Unknown(String),
}

/// One run a job may have.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Case {
    event: String,
    /// The ref shown (`refs/heads/release/*`).
    shown: String,
    /// The ref tried (`refs/heads/release/x`); `None` for the event's own (a pull request's
    /// merge ref).
    git_ref: Option<String>,
    environment: Env,
}

/// What an expression may read in one run.
struct Scope<'a> {
    event: &'a str,
    git_ref: String,
    owner: &'a str,
    repo: &'a str,
    matrix: &'a [(String, String)],
    inputs: &'a [(String, String)],
}

impl Scope<'_> {
    fn resolve(&self, root: &str, names: &[String]) -> Option<Val> {
        let name = |i: usize| names.get(i).map(|n| n.to_ascii_lowercase());
        let pr = matches!(
            self.event,
            "pull_request"
                | "pull_request_target"
                | "pull_request_review"
                | "pull_request_review_comment"
        );
        match root {
            "github" => match (name(0).as_deref(), names.len()) {
                (Some("event_name"), 1) => Some(Val::Str(self.event.to_string())),
                (Some("ref"), 1) => Some(Val::Str(self.git_ref.clone())),
                (Some("ref_name"), 1) => Some(Val::Str(
                    self.git_ref
                        .strip_prefix("refs/heads/")
                        .or_else(|| self.git_ref.strip_prefix("refs/tags/"))
                        .unwrap_or(&self.git_ref)
                        .to_string(),
                )),
                (Some("ref_type"), 1) => Some(Val::Str(
                    if self.git_ref.starts_with("refs/tags/") {
                        "tag"
                    } else {
                        "branch"
                    }
                    .to_string(),
                )),
                (Some("base_ref" | "head_ref"), 1) if !pr => Some(Val::Str(String::new())),
                (Some("repository"), 1) => Some(Val::Str(format!("{}/{}", self.owner, self.repo))),
                (Some("repository_owner"), 1) => Some(Val::Str(self.owner.to_string())),
                (Some("event"), 3) if name(1).as_deref() == Some("inputs") => {
                    self.input(names.get(2)?)
                }
                _ => None,
            },
            "matrix" => {
                let key = names.first()?;
                self.matrix
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(key))
                    .map(|(_, v)| Val::Str(v.clone()))
            }
            "inputs" => self.input(names.first()?),
            _ => None,
        }
    }

    fn input(&self, key: &str) -> Option<Val> {
        if let Some((_, v)) = self
            .inputs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
        {
            return Some(Val::Str(v.clone()));
        }
        // Only `workflow_dispatch` and `workflow_call` runs have inputs.
        (!matches!(self.event, "workflow_dispatch" | "workflow_call")).then_some(Val::Null)
    }
}

/// Example names a pattern is tried with: each `*` and `?`-less wildcard filled in.
fn example(pattern: &str, filler: &str) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => {
                if chars.peek() == Some(&'*') {
                    chars.next();
                }
                out.push_str(filler);
            }
            '?' | '+' => {}
            '[' => {
                let mut first = None;
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                    first.get_or_insert(d);
                }
                out.extend(first);
            }
            '\\' => out.extend(chars.next()),
            _ => out.push(c),
        }
    }
    out
}

/// The refs a push event's filters let through: `(shown, tried)`.
fn push_refs(event: &super::model::Event, default_branch: &str) -> Vec<(String, String)> {
    use super::model::FilterKind as F;
    let patterns = |kind| {
        event.filter(kind).map(|f| {
            f.patterns
                .iter()
                .map(|p| p.value.as_str())
                .collect::<Vec<_>>()
        })
    };
    let (branches, branches_ignore) = (patterns(F::Branches), patterns(F::BranchesIgnore));
    let (tags, tags_ignore) = (patterns(F::Tags), patterns(F::TagsIgnore));
    let has_branch_filter = branches.is_some() || branches_ignore.is_some();
    let has_tag_filter = tags.is_some() || tags_ignore.is_some();
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |prefix: &str, shown: &str, tried: String| {
        let entry = (format!("{prefix}{shown}"), format!("{prefix}{tried}"));
        if !out.contains(&entry) {
            out.push(entry);
        }
    };
    let refs = |positive: Option<Vec<&str>>,
                ignore: Option<Vec<&str>>,
                usual: &[(&str, &str)],
                filler: &str|
     -> Vec<(String, String)> {
        let mut v = Vec::new();
        if let Some(list) = positive {
            for p in list.iter().filter(|p| !p.starts_with('!')) {
                let tried = example(p, filler);
                if filter_includes(&list, &tried) {
                    v.push(((*p).to_string(), tried));
                }
            }
        } else {
            let ignore = ignore.unwrap_or_default();
            for (shown, tried) in usual {
                if !filter_includes(&ignore, tried) {
                    v.push(((*shown).to_string(), (*tried).to_string()));
                }
            }
        }
        v
    };
    if has_branch_filter || !has_tag_filter {
        for (shown, tried) in refs(
            branches,
            branches_ignore,
            &[(default_branch, default_branch), ("*", "feature")],
            "feature",
        ) {
            add("refs/heads/", &shown, tried);
        }
    }
    if has_tag_filter || !has_branch_filter {
        for (shown, tried) in refs(tags, tags_ignore, &[("*", "v1.0.0")], "1.0.0") {
            add("refs/tags/", &shown, tried);
        }
    }
    out
}

/// The runs each event of the workflow may start, before environments.
fn event_cases(workflow: &Workflow, default_branch: &str) -> Vec<Case> {
    let mut out = Vec::new();
    let default_ref = format!("refs/heads/{default_branch}");
    let Some(on) = &workflow.on else { return out };
    for event in &on.events {
        let name = event.name.value.as_str();
        let mut case = |shown: String, git_ref: Option<String>| {
            out.push(Case {
                event: name.to_string(),
                shown,
                git_ref,
                environment: Env::None,
            });
        };
        match name {
            "push" => {
                for (shown, tried) in push_refs(event, default_branch) {
                    case(shown, Some(tried));
                }
            }
            "pull_request" | "pull_request_review" | "pull_request_review_comment" => {
                case("refs/pull/<number>/merge".to_string(), None);
            }
            "merge_group" => case(
                format!("refs/heads/gh-readonly-queue/{default_branch}/…"),
                None,
            ),
            "release" => case(
                "refs/tags/*".to_string(),
                Some("refs/tags/v1.0.0".to_string()),
            ),
            "create" => {
                case(
                    "refs/heads/*".to_string(),
                    Some("refs/heads/feature".to_string()),
                );
                case(
                    "refs/tags/*".to_string(),
                    Some("refs/tags/v1.0.0".to_string()),
                );
            }
            _ if super::rules::helpers::EVENTS.contains(&name) => {
                case(default_ref.clone(), Some(default_ref.clone()));
            }
            _ => {}
        }
    }
    out
}

/// One run's values: matrix entries and dispatch inputs, `(key, value)`.
type Binding = (Vec<(String, String)>, Vec<(String, String)>);

/// The matrix combinations and dispatch inputs an expression set depends on (at most 64).
fn bindings(workflow: &Workflow, job: &Job, event: &str, texts: &[&str]) -> Vec<Binding> {
    let mut matrix_keys: Vec<String> = Vec::new();
    let mut input_keys: Vec<String> = Vec::new();
    for t in texts {
        let paths = if expr::has_expression(t) {
            expr::contexts_read(t)
        } else {
            expr::parse(t).map(|e| e.paths()).unwrap_or_default()
        };
        for (root, names) in paths {
            let key = match (root.as_str(), names.as_slice()) {
                ("matrix", [k, ..]) => Some((true, k.clone())),
                ("inputs", [k, ..]) => Some((false, k.clone())),
                ("github", [e, i, k, ..]) if e == "event" && i == "inputs" => {
                    Some((false, k.clone()))
                }
                _ => None,
            };
            match key {
                Some((true, k)) if !matrix_keys.contains(&k) => matrix_keys.push(k),
                Some((false, k)) if !input_keys.contains(&k) => input_keys.push(k),
                _ => {}
            }
        }
    }
    let mut dims: Vec<(bool, String, Vec<String>)> = Vec::new();
    for k in matrix_keys {
        if let Some((_, values)) = job
            .matrix
            .iter()
            .find(|(d, _)| d.value.eq_ignore_ascii_case(&k))
        {
            dims.push((true, k, values.iter().map(|v| v.value.clone()).collect()));
        }
    }
    if event == "workflow_dispatch"
        && let Some(dispatch) = workflow.event("workflow_dispatch")
    {
        for k in input_keys {
            if let Some(input) = dispatch
                .inputs
                .iter()
                .find(|i| i.id.value.eq_ignore_ascii_case(&k))
                && !input.options.is_empty()
            {
                dims.push((
                    false,
                    k,
                    input.options.iter().map(|o| o.value.clone()).collect(),
                ));
            }
        }
    }
    let mut combos: Vec<Binding> = vec![(Vec::new(), Vec::new())];
    for (is_matrix, key, values) in dims {
        let mut next = Vec::new();
        for (m, i) in &combos {
            for v in &values {
                let (mut m, mut i) = (m.clone(), i.clone());
                if is_matrix {
                    m.push((key.clone(), v.clone()));
                } else {
                    i.push((key.clone(), v.clone()));
                }
                next.push((m, i));
                if next.len() >= 64 {
                    break;
                }
            }
        }
        combos = next;
    }
    combos
}

/// Whether a condition surely excludes the run.
fn excluded(condition: Option<&Text>, scope: &Scope<'_>) -> bool {
    let Some(c) = condition else { return false };
    let Some(src) = expr::condition(c.value.trim()) else {
        // Text outside `${{ }}`: always true.
        return false;
    };
    expr::parse(src)
        .and_then(|e| e.eval(&|r, n| scope.resolve(r, n)))
        .is_some_and(|v| !v.truthy())
}

/// Whether a job's or step's `if:` surely keeps a step from running on `event` (the default
/// branch's ref, no matrix or inputs known).
pub(crate) fn skipped_on(job: &Job, step: &Step, event: &str) -> bool {
    let mut run = Run::for_repository("octo-org/octo-repo").unwrap_or_default();
    run.event = Some(event.to_string());
    let scope = Scope {
        event,
        git_ref: run.git_ref(),
        owner: &run.owner,
        repo: &run.repo,
        matrix: &[],
        inputs: &[],
    };
    excluded(job.condition.as_ref(), &scope) || excluded(step.condition.as_ref(), &scope)
}

/// The account of an ARN (`arn:aws:iam::123456789012:…`).
fn account(arn: &str) -> Option<&str> {
    let a = arn.split(':').nth(4)?;
    (a.len() == 12 && a.bytes().all(|b| b.is_ascii_digit())).then_some(a)
}

/// The audience the policy expects of GitHub tokens: its first literal positive `aud` value.
fn expected_audience(policy: &TrustPolicy) -> String {
    policy
        .statements
        .iter()
        .filter(|s| s.is_allow())
        .flat_map(|s| s.conditions.iter())
        .filter(|c| {
            c.key_parts().is_some_and(|(p, claim)| {
                claim.eq_ignore_ascii_case("aud") && oidc::classify(p) == ProviderKind::GitHub
            }) && c.parsed.is_some_and(|o| !o.base.is_negated())
        })
        .flat_map(|c| c.values.iter())
        .map(|v| v.text.clone())
        .find(|t| !t.contains(['*', '?']))
        .unwrap_or_else(|| DEFAULT_AUDIENCE.to_string())
}

/// In a statement, the `sub` value that matches `sub` (else the statement).
fn matching_sub(stmt: &Statement, sub: &str) -> Span {
    stmt.conditions
        .iter()
        .filter(|c| {
            c.key_parts()
                .is_some_and(|(_, claim)| claim.eq_ignore_ascii_case("sub"))
        })
        .flat_map(|c| {
            let arn = c.parsed.is_some_and(|o| o.base.family() == Family::Arn);
            c.values.iter().filter(move |v| {
                let tokens = operators::glob_tokens(&v.text);
                if arn {
                    operators::arn_match(&tokens, sub)
                } else {
                    operators::glob_match(&tokens, sub, false)
                }
            })
        })
        .map(|v| v.span)
        .next()
        .unwrap_or(stmt.span)
}

/// The place in the policy that decided an evaluation.
fn decided_at(policy: &TrustPolicy, evaluation: &Evaluation, sub: &str) -> Option<Span> {
    match evaluation.decision {
        Decision::Allow | Decision::ExplicitDeny => {
            let stmt = policy.statements.get(evaluation.deciding?)?;
            Some(matching_sub(stmt, sub))
        }
        Decision::ImplicitDeny => {
            let closest = evaluation.closest_allow()?;
            Some(match &closest.outcome {
                Outcome::ConditionFailed(f) => f.span,
                Outcome::PrincipalMismatch(s) | Outcome::ActionMismatch(s) => *s,
                Outcome::Applies | Outcome::Skipped(_) => closest.span,
            })
        }
    }
}

fn describe(case: &Case, default_branch: &str) -> String {
    let r = case.shown.as_str();
    let what = match case.event.as_str() {
        "push" => match (r.strip_prefix("refs/heads/"), r.strip_prefix("refs/tags/")) {
            (Some("*"), _) => "a push to another branch".to_string(),
            (Some(b), _) => format!("a push to `{b}`"),
            (_, Some("*")) => "a push of a tag".to_string(),
            (_, Some(t)) => format!("a push of tag `{t}`"),
            _ => format!("a push to `{r}`"),
        },
        "pull_request" => "a pull request".to_string(),
        "pull_request_target" => "a `pull_request_target` run".to_string(),
        "workflow_dispatch" => format!("a manual run on `{default_branch}`"),
        "workflow_call" => "a call from another workflow".to_string(),
        "schedule" => format!("a scheduled run (on `{default_branch}`)"),
        "release" => "a release".to_string(),
        other => format!("a `{other}` run"),
    };
    match &case.environment {
        Env::None => what,
        Env::Known(e) => format!("{what} in environment `{e}`"),
        Env::Unknown(t) => format!("{what} in environment `{t}`"),
    }
}

/// The admission table of `workflows` against `policy` (`policy_errors`: how many errors the
/// policy's check found).
pub fn admission(
    workflows: &[WorkflowInput<'_>],
    policy_name: &str,
    policy: &TrustPolicy,
    policy_errors: usize,
    options: &AdmissionOptions,
) -> AdmissionReport<At> {
    let mut notes = Vec::new();
    let (mut base, source) = match options.repository.as_deref().and_then(Run::for_repository) {
        Some(run) => (run, "given"),
        None => match policy_repository(policy) {
            Some((run, made_up)) => {
                if made_up {
                    notes.push(format!(
                        "the policy names the owner but not the repository: the runs are shown as `{}/{}` (pass --github-repo OWNER/REPO)",
                        run.owner, run.repo
                    ));
                }
                (run, "policy")
            }
            None => {
                let run = Run::for_repository("octo-org/octo-repo").unwrap_or_default();
                notes.push(format!(
                    "the repository is not known (the policy names none): the runs are shown as `{}/{}` (pass --github-repo OWNER/REPO)",
                    run.owner, run.repo
                ));
                (run, "example")
            }
        },
    };
    let default_branch = match (&options.default_branch, guess_default_branch(workflows)) {
        (Some(b), _) => b.clone(),
        (None, Some(b)) => {
            notes.push(format!(
                "the default branch is taken to be `{b}`, the branch the workflows push to (pass --default-branch)"
            ));
            b
        }
        (None, None) => "main".to_string(),
    };
    base.default_branch = Some(default_branch.clone());
    if options.owner_id.is_some() || options.repo_id.is_some() {
        base.owner_id.clone_from(&options.owner_id);
        base.repo_id.clone_from(&options.repo_id);
    }
    base.sub_claim_keys.clone_from(&options.sub_claim_keys);
    let provider = github_provider(policy);
    let provider_account = account(&provider).map(str::to_string);
    let mut rows = Vec::new();
    for (wi, input) in workflows.iter().enumerate() {
        let workflow = input.workflow;
        let file = input.name.rsplit(['/', '\\']).next().unwrap_or(input.name);
        let cases = event_cases(workflow, &default_branch);
        for job in workflow.jobs.iter().filter(|j| !j.is_reusable_call()) {
            let grant = id_token(workflow, job);
            // A reusable workflow without a block gets its caller's permissions: assume they
            // grant the token (the caller is checked where it is known).
            let token = match grant {
                TokenGrant::Granted | TokenGrant::Invalid => true,
                TokenGrant::Denied(_) => false,
                TokenGrant::Default => workflow.only_called(),
            };
            for step in job
                .steps
                .iter()
                .filter(|s| s.auth_path() == Some(AuthPath::Oidc))
            {
                let Some(role) = step.input("role-to-assume") else {
                    continue;
                };
                if let (Some(pa), Some(ra)) = (&provider_account, account(&role.value.value))
                    && pa != ra
                {
                    notes.push(format!(
                        "{}: job `{}` assumes `{}`, a role in account {ra}, but the policy trusts the GitHub provider of account {pa}; a role trusts only the OIDC provider of its own account, so this policy is not that role's",
                        input.name, job.id.value, role.value.value
                    ));
                    if options.only_matching_accounts {
                        continue;
                    }
                }
                let audience = step
                    .input_value("audience")
                    .filter(|a| !expr::has_expression(a))
                    .unwrap_or(DEFAULT_AUDIENCE)
                    .to_string();
                let job_at = At {
                    file: FileRole::Workflow(wi),
                    span: role.value.span,
                };
                for case in job_cases(workflow, job, step, &cases, &base) {
                    rows.push(row(
                        input,
                        file,
                        job,
                        step,
                        &case,
                        &base,
                        &audience,
                        token,
                        policy,
                        &default_branch,
                        job_at,
                    ));
                }
            }
        }
    }
    let over_broad = over_broad(policy, &rows, &base, &default_branch);
    AdmissionReport {
        policy: policy_name.to_string(),
        repository: format!("{}/{}", base.owner, base.repo),
        repository_source: source.to_string(),
        default_branch,
        provider,
        rows,
        over_broad,
        notes,
        policy_errors,
    }
}

/// The repository the policy's GitHub `sub` conditions intend, with whether its name had to be
/// made up (`repo:octo-org/*` names only the owner): the first literal `sub` of an `Allow`
/// statement (IDs of the immutable form kept), else the first pattern whose owner is literal,
/// its wildcards filled in.
fn policy_repository(policy: &TrustPolicy) -> Option<(Run, bool)> {
    let subs: Vec<&str> = policy
        .statements
        .iter()
        .filter(|s| s.is_allow())
        .flat_map(|s| s.conditions.iter())
        .filter(|c| {
            c.key_parts().is_some_and(|(p, claim)| {
                claim.eq_ignore_ascii_case("sub") && oidc::classify(p) == ProviderKind::GitHub
            }) && c.parsed.is_some_and(|o| !o.base.is_negated())
        })
        .flat_map(|c| c.values.iter().map(|v| v.text.as_str()))
        .collect();
    if let Some(run) = subs
        .iter()
        .filter(|v| !v.contains(['*', '?']))
        .find_map(|v| Run::from_sub(v))
    {
        let mut r = Run::for_repository(&format!("{}/{}", run.owner, run.repo))?;
        r.owner_id = run.owner_id;
        r.repo_id = run.repo_id;
        return Some((r, false));
    }
    subs.iter().find_map(|v| {
        let segment = v.strip_prefix("repo:")?.split(':').next()?;
        let (owner, repo) = segment.split_once('/')?;
        if owner.is_empty() || owner.contains(['*', '?']) || repo.is_empty() {
            return None;
        }
        let filled = repo.replace(['*', '?'], "");
        let (repo, made_up) = if repo.contains(['*', '?']) {
            (
                if filled.is_empty() {
                    "app".to_string()
                } else {
                    format!("{filled}app")
                },
                true,
            )
        } else {
            (repo.to_string(), false)
        };
        Some((Run::for_repository(&format!("{owner}/{repo}"))?, made_up))
    })
}

/// The default branch when not given: `master` when the workflows' push filters name `master`
/// and not `main`, else `main`.
fn guess_default_branch(workflows: &[WorkflowInput<'_>]) -> Option<String> {
    let named = |name: &str| {
        workflows.iter().any(|w| {
            w.workflow.event("push").is_some_and(|e| {
                e.filter(super::model::FilterKind::Branches)
                    .is_some_and(|f| f.patterns.iter().any(|p| p.value == name))
            })
        })
    };
    (named("master") && !named("main")).then(|| "master".to_string())
}

/// The runs of one step: each event case × environment × matrix/inputs, minus those its job's
/// or step's `if:` surely excludes.
fn job_cases(workflow: &Workflow, job: &Job, step: &Step, cases: &[Case], base: &Run) -> Vec<Case> {
    let env_text = job
        .environment
        .as_ref()
        .and_then(|e| e.name.as_ref())
        .map(|n| n.value.trim().to_string());
    let mut out: Vec<Case> = Vec::new();
    for case in cases {
        let mut texts: Vec<&str> = Vec::new();
        texts.extend(env_text.as_deref());
        texts.extend(job.condition.as_ref().map(|c| c.value.as_str()));
        texts.extend(step.condition.as_ref().map(|c| c.value.as_str()));
        for (matrix, inputs) in bindings(workflow, job, &case.event, &texts) {
            let git_ref = case.git_ref.clone().unwrap_or_else(|| {
                let mut r = base.clone();
                r.event = Some(case.event.clone());
                r.git_ref()
            });
            let scope = Scope {
                event: &case.event,
                git_ref,
                owner: &base.owner,
                repo: &base.repo,
                matrix: &matrix,
                inputs: &inputs,
            };
            if excluded(job.condition.as_ref(), &scope) || excluded(step.condition.as_ref(), &scope)
            {
                continue;
            }
            let environment = match &env_text {
                None => Env::None,
                Some(t) if t.is_empty() => Env::None,
                Some(t) if !expr::has_expression(t) => Env::Known(t.clone()),
                Some(t) => match expr::interpolate(t, &|r, n| scope.resolve(r, n)) {
                    Some(v) if v.is_empty() => Env::None,
                    Some(v) => Env::Known(v),
                    None => Env::Unknown(t.clone()),
                },
            };
            let c = Case {
                environment,
                ..case.clone()
            };
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn row(
    input: &WorkflowInput<'_>,
    file: &str,
    job: &Job,
    step: &Step,
    case: &Case,
    base: &Run,
    audience: &str,
    token: bool,
    policy: &TrustPolicy,
    default_branch: &str,
    job_at: At,
) -> AdmissionRow<At> {
    let mut run = base.clone();
    run.event = Some(case.event.clone());
    run.git_ref.clone_from(&case.git_ref);
    run.audience = Some(audience.to_string());
    run.workflow_file = Some(file.to_string());
    let what = describe(case, default_branch);
    let mut out = AdmissionRow {
        workflow: input.name.to_string(),
        job: job.id.value.clone(),
        step: step.index + 1,
        event: case.event.clone(),
        git_ref: case.shown.clone(),
        token_ref: run.git_ref(),
        environment: None,
        run: what.clone(),
        sub: String::new(),
        audience: audience.to_string(),
        token,
        decision: RowDecision::Unknown,
        reason: String::new(),
        deciding_statement: None,
        condition: None,
        job_at,
        audience_at: step.input("audience").map(|a| At {
            file: job_at.file,
            span: a.value.span,
        }),
        policy_at: None,
    };
    match &case.environment {
        Env::Unknown(text) => {
            out.environment = Some(text.clone());
            out.sub = format!("repo:{}:environment:{text}", run.repo_segment());
            out.reason = format!(
                "{what}: the environment is `{text}`, known only when the job runs, so the token's `sub` is too"
            );
            return out;
        }
        Env::Known(e) => {
            out.environment = Some(e.clone());
            run.environment = Some(e.clone());
        }
        Env::None => {}
    }
    out.sub = run.sub();
    let request = github_request(policy, &run);
    let evaluation = evaluate(policy, &request);
    out.deciding_statement = evaluation.deciding.map(|i| i + 1);
    out.policy_at = decided_at(policy, &evaluation, &out.sub).map(|span| At {
        file: FileRole::Policy,
        span,
    });
    if evaluation.decision == Decision::ImplicitDeny
        && let Some(closest) = evaluation.closest_allow()
        && let Outcome::ConditionFailed(f) = &closest.outcome
    {
        out.condition = Some(ConditionReport {
            operator: f.operator.clone(),
            key: f.key.clone(),
            expected: f.expected.clone(),
            actual: f.actual.clone(),
            why: f.why.clone(),
            at: At {
                file: FileRole::Policy,
                span: f.span,
            },
        });
    }
    let verdict = match evaluation.decision {
        Decision::Allow => format!(
            "allowed by statement {}",
            evaluation.deciding.map_or(0, |i| i + 1)
        ),
        _ => match &out.condition {
            Some(c) => format!("refused — `{}` on `{}` fails: {}", c.operator, c.key, c.why),
            None => format!("refused — {}", evaluation.reason()),
        },
    };
    let fork = if case.event == "pull_request" && evaluation.decision == Decision::Allow {
        " (pull requests from forks get no token)"
    } else {
        ""
    };
    if token {
        out.decision = if evaluation.decision == Decision::Allow {
            RowDecision::Allow
        } else {
            RowDecision::Deny
        };
        out.reason = format!("{what}: {verdict}{fork}");
    } else {
        out.decision = RowDecision::Deny;
        out.reason = format!(
            "{what}: no OIDC token — `id-token: write` is not in effect for job `{}`; with it, the policy would answer: {verdict}",
            job.id.value
        );
    }
    out
}

/// Callers the policy admits that no row needs.
fn over_broad(
    policy: &TrustPolicy,
    rows: &[AdmissionRow<At>],
    base: &Run,
    default_branch: &str,
) -> Vec<OverBroad<At>> {
    let needed: Vec<&str> = rows.iter().map(|r| r.sub.as_str()).collect();
    let audience = expected_audience(policy);
    let mut probes: Vec<(CallerKind, Run, &'static str)> = Vec::new();
    let mut probe = |kind, f: &dyn Fn(&mut Run), note| {
        let mut r = base.clone();
        r.audience = Some(audience.clone());
        f(&mut r);
        probes.push((kind, r, note));
    };
    probe(
        CallerKind::AnyOwner,
        &|r| {
            r.owner = "attacker".into();
            r.repo = "attacker-repo".into();
            r.owner_id = None;
            r.repo_id = None;
        },
        "a repository of any other GitHub user or organization",
    );
    probe(
        CallerKind::OtherOwner,
        &|r| {
            r.owner = "attacker".into();
            r.owner_id = None;
            r.repo_id = None;
        },
        "a repository of the same name owned by someone else",
    );
    probe(
        CallerKind::OtherRepository,
        &|r| {
            r.repo = "another-repo".into();
            r.repo_id = None;
        },
        "another repository of the same owner",
    );
    probe(
        CallerKind::PullRequest,
        &|r| r.event = Some("pull_request".into()),
        "a pull request run, including `pull_request_target`, which forks can trigger",
    );
    probe(
        CallerKind::OtherBranch,
        &|r| r.git_ref = Some("refs/heads/any-branch".into()),
        "a push to any other branch",
    );
    probe(
        CallerKind::Tag,
        &|r| r.git_ref = Some("refs/tags/any-tag".into()),
        "a run for any tag",
    );
    probe(
        CallerKind::Environment,
        &|r| r.environment = Some("any-environment".into()),
        "a job in any other environment",
    );
    probe(
        CallerKind::DefaultBranch,
        &|r| r.git_ref = Some(format!("refs/heads/{default_branch}")),
        "a run on the default branch, from any workflow file and any trigger",
    );
    let mut candidates: Vec<(CallerKind, Run, String)> = probes
        .into_iter()
        .map(|(k, r, n)| (k, r, n.to_string()))
        .collect();
    // The wildcard explorer's callers (`repo:org/repo-evil:…` for `repo:org/repo*`).
    for report in who_gets_in(policy) {
        if report.provider != Some(ProviderKind::GitHub) {
            continue;
        }
        for a in report.admitted {
            let kind = match a.kind {
                Admits::AnyOwner => CallerKind::AnyOwner,
                Admits::OtherOwner => CallerKind::OtherOwner,
                Admits::OtherRepository => CallerKind::OtherRepository,
                Admits::OtherRef | Admits::Example => continue,
            };
            if let Some(mut run) = Run::from_sub(&a.value) {
                run.audience = Some(audience.clone());
                candidates.push((kind, run, a.note));
            }
        }
    }
    let mut out: Vec<OverBroad<At>> = Vec::new();
    for (kind, run, note) in candidates {
        let sub = run.sub();
        if needed.contains(&sub.as_str()) || out.iter().any(|o| o.sub == sub) {
            continue;
        }
        let request = github_request(policy, &run);
        let evaluation = evaluate(policy, &request);
        if evaluation.decision != Decision::Allow {
            continue;
        }
        let statement = evaluation.deciding.map(|i| i + 1);
        out.push(OverBroad {
            reason: format!(
                "{note}: admitted by statement {}, and no job of the workflows needs it",
                statement.unwrap_or(0)
            ),
            policy_at: decided_at(policy, &evaluation, &sub).map(|span| At {
                file: FileRole::Policy,
                span,
            }),
            sub,
            kind,
            statement,
        });
    }
    out.sort_by_key(|o| o.kind);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyze(kind: crate::Kind, text: &str) -> crate::Model {
        crate::analyze(kind, text, &crate::Options::default())
            .unwrap()
            .model
    }

    fn report(workflow: &str, policy: &str) -> AdmissionReport<At> {
        let crate::Model::Workflow(w) = analyze(crate::Kind::Workflow, workflow) else {
            panic!()
        };
        let crate::Model::TrustPolicy(p) = analyze(crate::Kind::TrustPolicy, policy) else {
            panic!()
        };
        admission(
            &[WorkflowInput {
                name: ".github/workflows/deploy.yml",
                workflow: &w,
            }],
            "trust.json",
            &p,
            0,
            &AdmissionOptions::default(),
        )
    }

    const POLICY_MAIN: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
      "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
      "Action":"sts:AssumeRoleWithWebIdentity",
      "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com",
        "token.actions.githubusercontent.com:sub":"repo:o/r:ref:refs/heads/main"}}}]}"#;

    const WORKFLOW: &str = r"
on:
  push:
    branches: [main]
  pull_request:
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: us-east-1
";

    #[test]
    fn push_to_main_is_admitted_and_pull_requests_refused() {
        let r = report(WORKFLOW, POLICY_MAIN);
        assert_eq!(r.repository, "o/r");
        assert_eq!(r.repository_source, "policy");
        assert_eq!(r.rows.len(), 2, "{:#?}", r.rows);
        assert_eq!(r.rows[0].decision, RowDecision::Allow);
        assert_eq!(r.rows[0].sub, "repo:o/r:ref:refs/heads/main");
        assert_eq!(r.rows[1].decision, RowDecision::Deny);
        assert_eq!(r.rows[1].sub, "repo:o/r:pull_request");
        assert!(r.rows[1].condition.is_some());
        assert!(r.over_broad.is_empty(), "{:#?}", r.over_broad);
        assert!(r.refused());
    }

    #[test]
    fn wildcard_policy_admits_callers_no_job_needs() {
        let policy = POLICY_MAIN.replace("StringEquals\":{\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\",", "StringEquals\":{\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\"},\"StringLike\":{").replace("ref:refs/heads/main", "*");
        let workflow = WORKFLOW.replace("  pull_request:\n", "");
        let r = report(&workflow, &policy);
        assert!(!r.refused());
        let kinds: Vec<CallerKind> = r.over_broad.iter().map(|o| o.kind).collect();
        assert!(kinds.contains(&CallerKind::PullRequest), "{kinds:?}");
        assert!(kinds.contains(&CallerKind::OtherBranch), "{kinds:?}");
        assert!(!kinds.contains(&CallerKind::AnyOwner), "{kinds:?}");
    }

    #[test]
    fn if_conditions_environments_and_missing_tokens() {
        let workflow = r"
on: [push, pull_request]
jobs:
  deploy:
    if: github.event_name == 'push' && github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    environment: ${{ github.ref == 'refs/heads/main' && 'production' || 'staging' }}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: us-east-1
";
        let r = report(workflow, POLICY_MAIN);
        assert_eq!(r.rows.len(), 1, "{:#?}", r.rows);
        let row = &r.rows[0];
        assert_eq!(row.environment.as_deref(), Some("production"));
        assert_eq!(row.sub, "repo:o/r:environment:production");
        assert!(!row.token);
        assert_eq!(row.decision, RowDecision::Deny);
        assert!(row.reason.contains("no OIDC token"), "{}", row.reason);
    }

    #[test]
    fn push_filters_expand_to_refs() {
        let w = r"
on:
  push:
    branches: ['release/**', '!release/old']
    tags: ['v*']
permissions: {id-token: write}
jobs:
  d:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: 'arn:aws:iam::123456789012:role/x', aws-region: us-east-1}
";
        let r = report(w, POLICY_MAIN);
        let refs: Vec<&str> = r.rows.iter().map(|r| r.git_ref.as_str()).collect();
        assert_eq!(refs, ["refs/heads/release/**", "refs/tags/v*"]);
        assert_eq!(r.rows[0].sub, "repo:o/r:ref:refs/heads/release/feature");
        assert_eq!(example("v[0-9]+.*", "x"), "v0.x");
    }
}
