//! The workflow model: the part of a GitHub Actions workflow needed to reason about AWS deploys
//! (triggers and their filters, permissions, jobs, environments, steps and their inputs), lowered
//! once from the tree and shared by the `GHA` rules and the cross-check with a trust policy.
//!
//! Every value keeps its span. Lowering is lenient: a value of the wrong type is left out (the
//! schema walk reports it), and of two identical keys the last one counts, as GitHub reads them.

use super::actions::{self, ActionSpec, Resolved};
use super::expr;
use crate::source::{Node, Span, Spanned};

/// A scalar's text (as written, numbers and booleans included) and where it is.
pub type Text = Spanned<String>;

/// A workflow.
#[derive(Clone, Debug, Default)]
pub struct Workflow {
    /// `name`.
    pub name: Option<Text>,
    /// `on`.
    pub on: Option<Triggers>,
    /// The workflow-level `permissions`.
    pub permissions: Option<Permissions>,
    /// The workflow-level `env`.
    pub env: Vec<Var>,
    /// The jobs, in order.
    pub jobs: Vec<Job>,
    /// The `jobs` key.
    pub jobs_key: Option<Span>,
    /// Expressions read where `secrets` is not available, outside any job (`run-name`,
    /// `concurrency`).
    pub restricted: Vec<Restricted>,
}

/// `on`: the events that start the workflow.
#[derive(Clone, Debug, Default)]
pub struct Triggers {
    /// The `on` key.
    pub key: Span,
    /// The events, in order.
    pub events: Vec<Event>,
}

/// One triggering event.
#[derive(Clone, Debug)]
pub struct Event {
    /// The event's name (the key, or the item of a list).
    pub name: Text,
    /// Its filters (`branches`, `tags-ignore`, `paths`, …).
    pub filters: Vec<Filter>,
    /// `types`.
    pub types: Vec<Text>,
    /// `workflow_dispatch` inputs.
    pub inputs: Vec<DispatchInput>,
}

/// An input of `workflow_dispatch` (or `workflow_call`).
#[derive(Clone, Debug)]
pub struct DispatchInput {
    /// The input's id.
    pub id: Text,
    /// `type`.
    pub ty: Option<Text>,
    /// `options` of a `choice` input.
    pub options: Vec<Text>,
}

/// Which filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterKind {
    /// `branches`.
    Branches,
    /// `branches-ignore`.
    BranchesIgnore,
    /// `tags`.
    Tags,
    /// `tags-ignore`.
    TagsIgnore,
    /// `paths`.
    Paths,
    /// `paths-ignore`.
    PathsIgnore,
}

impl FilterKind {
    /// The key (`branches-ignore`).
    pub fn key(self) -> &'static str {
        match self {
            FilterKind::Branches => "branches",
            FilterKind::BranchesIgnore => "branches-ignore",
            FilterKind::Tags => "tags",
            FilterKind::TagsIgnore => "tags-ignore",
            FilterKind::Paths => "paths",
            FilterKind::PathsIgnore => "paths-ignore",
        }
    }

    fn from_key(key: &str) -> Option<FilterKind> {
        Some(match key {
            "branches" => FilterKind::Branches,
            "branches-ignore" => FilterKind::BranchesIgnore,
            "tags" => FilterKind::Tags,
            "tags-ignore" => FilterKind::TagsIgnore,
            "paths" => FilterKind::Paths,
            "paths-ignore" => FilterKind::PathsIgnore,
            _ => return None,
        })
    }

    /// The filter this one excludes on the same event (`branches` ↔ `branches-ignore`).
    pub fn opposite(self) -> FilterKind {
        match self {
            FilterKind::Branches => FilterKind::BranchesIgnore,
            FilterKind::BranchesIgnore => FilterKind::Branches,
            FilterKind::Tags => FilterKind::TagsIgnore,
            FilterKind::TagsIgnore => FilterKind::Tags,
            FilterKind::Paths => FilterKind::PathsIgnore,
            FilterKind::PathsIgnore => FilterKind::Paths,
        }
    }

    /// Whether it filters Git refs (branches or tags) rather than paths.
    pub fn is_ref(self) -> bool {
        !matches!(self, FilterKind::Paths | FilterKind::PathsIgnore)
    }
}

/// One filter of an event.
#[derive(Clone, Debug)]
pub struct Filter {
    /// Which filter.
    pub kind: FilterKind,
    /// The key.
    pub key: Span,
    /// The patterns, in order (a single string is one pattern).
    pub patterns: Vec<Text>,
}

impl Event {
    /// The event's filter of a kind.
    pub fn filter(&self, kind: FilterKind) -> Option<&Filter> {
        self.filters.iter().rev().find(|f| f.kind == kind)
    }
}

/// A `permissions` block.
#[derive(Clone, Debug)]
pub struct Permissions {
    /// The `permissions` key.
    pub key: Span,
    /// The value.
    pub span: Span,
    /// What it says.
    pub spec: PermissionSpec,
}

/// What a `permissions` value says.
#[derive(Clone, Debug)]
pub enum PermissionSpec {
    /// `read-all`.
    ReadAll,
    /// `write-all`.
    WriteAll,
    /// Another string (invalid: `read`, `write`, …).
    Other(Text),
    /// A mapping of scopes (`{}` is every scope `none`).
    Scopes(Vec<Scope>),
    /// Something else (the schema walk reports its type).
    Invalid,
}

/// One scope of a `permissions` mapping.
#[derive(Clone, Debug)]
pub struct Scope {
    /// The scope (`id-token`).
    pub name: Text,
    /// The level as written (`write`).
    pub level: Text,
}

/// A permission level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// `none`.
    None,
    /// `read`.
    Read,
    /// `write`.
    Write,
}

impl Permissions {
    /// The level this block gives a scope: named scopes as written, unnamed scopes `none`, and
    /// `read-all`/`write-all` for every scope (`id-token` can only be `write` or `none`, so
    /// `read-all` leaves it `none`). `None` for an invalid block.
    pub fn level(&self, scope: &str) -> Option<Level> {
        match &self.spec {
            PermissionSpec::ReadAll if scope == "id-token" => Some(Level::None),
            PermissionSpec::ReadAll => Some(Level::Read),
            PermissionSpec::WriteAll => Some(Level::Write),
            PermissionSpec::Scopes(scopes) => Some(
                scopes.iter().rev().find(|s| s.name.value == scope).map_or(
                    Level::None,
                    |s| match s.level.value.as_str() {
                        "write" => Level::Write,
                        "read" => Level::Read,
                        _ => Level::None,
                    },
                ),
            ),
            PermissionSpec::Other(_) | PermissionSpec::Invalid => None,
        }
    }

    /// The scope entry naming `scope`, if any.
    pub fn scope(&self, scope: &str) -> Option<&Scope> {
        match &self.spec {
            PermissionSpec::Scopes(scopes) => scopes.iter().rev().find(|s| s.name.value == scope),
            _ => None,
        }
    }
}

/// An environment variable or an input (`NAME: value`).
#[derive(Clone, Debug)]
pub struct Var {
    /// The name (the key).
    pub name: Text,
    /// The value as written (`${{ secrets.X }}`), `""` for null.
    pub value: Text,
}

/// A place where the `secrets` context is not available, and what is written there.
#[derive(Clone, Debug)]
pub struct Restricted {
    /// The key, for messages (`if`, `runs-on`, `environment`, `strategy`, `with`).
    pub key: &'static str,
    /// A scalar written there.
    pub value: Text,
}

/// A job.
#[derive(Clone, Debug)]
pub struct Job {
    /// The job id (the key).
    pub id: Text,
    /// The job's value.
    pub span: Span,
    /// `name`.
    pub name: Option<Text>,
    /// `needs`.
    pub needs: Vec<Text>,
    /// `if`.
    pub condition: Option<Text>,
    /// `runs-on`: its labels (a string, a list, or `labels` of a group), and its value's span.
    pub runs_on: Option<RunsOn>,
    /// `environment`.
    pub environment: Option<Environment>,
    /// The job-level `permissions`.
    pub permissions: Option<Permissions>,
    /// The job-level `env`.
    pub env: Vec<Var>,
    /// `steps`.
    pub steps: Vec<Step>,
    /// `uses` of a job that calls a reusable workflow.
    pub uses: Option<Text>,
    /// `strategy.matrix` dimensions whose values are all scalars.
    pub matrix: Vec<(Text, Vec<Text>)>,
    /// Scalars written where `secrets` is not available.
    pub restricted: Vec<Restricted>,
}

/// `runs-on`.
#[derive(Clone, Debug)]
pub struct RunsOn {
    /// The value.
    pub span: Span,
    /// The labels (expressions kept as written).
    pub labels: Vec<Text>,
    /// Whether it names a runner group (`group:`), which is never a GitHub-hosted runner.
    pub group: bool,
}

impl RunsOn {
    /// Whether the job surely runs on a GitHub-hosted runner (every label a hosted image name,
    /// no expression, no group).
    pub fn github_hosted(&self) -> bool {
        !self.group
            && !self.labels.is_empty()
            && self.labels.iter().all(|l| {
                let l = l.value.to_ascii_lowercase();
                !expr::has_expression(&l)
                    && (l.starts_with("ubuntu-")
                        || l.starts_with("windows-")
                        || l.starts_with("macos-"))
            })
    }
}

/// `environment`.
#[derive(Clone, Debug)]
pub struct Environment {
    /// The `environment` key.
    pub key: Span,
    /// The name (a string, or `name` of a mapping).
    pub name: Option<Text>,
    /// Whether it is a mapping (which needs `name`).
    pub mapping: bool,
}

/// A step.
#[derive(Clone, Debug)]
pub struct Step {
    /// Position in the job (0-based).
    pub index: usize,
    /// The step's value.
    pub span: Span,
    /// `id`.
    pub id: Option<Text>,
    /// `name`.
    pub name: Option<Text>,
    /// `if`.
    pub condition: Option<Text>,
    /// `uses`.
    pub uses: Option<Uses>,
    /// `run`.
    pub run: Option<Text>,
    /// `with`.
    pub with: Vec<Var>,
    /// The `with` key.
    pub with_key: Option<Span>,
    /// The step-level `env`.
    pub env: Vec<Var>,
}

/// A `uses` reference.
#[derive(Clone, Debug)]
pub struct Uses {
    /// As written.
    pub text: Text,
    /// What it names.
    pub target: Target,
}

/// What a `uses` names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// `owner/repo[/path]@ref`.
    Action {
        /// `owner/repo`.
        repo: String,
        /// The path inside the repository (empty for the root).
        path: String,
        /// The ref after `@`.
        git_ref: String,
    },
    /// `./path` or `$/path`.
    Local(String),
    /// `docker://image`.
    Docker(String),
    /// An expression: unknown until run time.
    Dynamic,
    /// Not a valid reference; the reason.
    Malformed(&'static str),
}

impl Uses {
    /// The action `owner/repo` (lower case), if it names a repository's action.
    pub fn repo(&self) -> Option<String> {
        match &self.target {
            Target::Action { repo, path, .. } if path.is_empty() => Some(repo.to_ascii_lowercase()),
            _ => None,
        }
    }

    /// The known AWS action this step runs, with what its ref stands for.
    pub fn aws_action(&self) -> Option<(&'static ActionSpec, Resolved)> {
        match &self.target {
            Target::Action {
                repo,
                path,
                git_ref,
            } if path.is_empty() => {
                let spec = actions::lookup(repo)?;
                Some((spec, spec.resolve(git_ref)))
            }
            _ => None,
        }
    }

    /// Whether it runs `owner/repo` (any ref, ignoring case).
    pub fn is(&self, repo: &str) -> bool {
        self.repo().is_some_and(|r| r.eq_ignore_ascii_case(repo))
    }
}

/// Reads a `uses` value of a step (`reusable: false`) or a job (`reusable: true`).
pub fn parse_uses(text: &str, reusable: bool) -> Target {
    let t = text.trim();
    if expr::has_expression(t) {
        return Target::Dynamic;
    }
    if let Some(path) = t.strip_prefix("./").or_else(|| t.strip_prefix("$/")) {
        if reusable && t.contains('@') {
            return Target::Malformed(
                "a reusable workflow of the same repository is `./.github/workflows/FILE.yml`, without `@ref`",
            );
        }
        return Target::Local(path.to_string());
    }
    if let Some(image) = t.strip_prefix("docker://") {
        if reusable {
            return Target::Malformed(
                "a job can only call a reusable workflow, not a Docker image",
            );
        }
        return if image.is_empty() {
            Target::Malformed("`docker://` names no image")
        } else {
            Target::Docker(image.to_string())
        };
    }
    let Some((name, git_ref)) = t.rsplit_once('@') else {
        return Target::Malformed(
            "a reference needs `@` and a ref (a tag, a branch or a commit SHA)",
        );
    };
    if git_ref.is_empty() {
        return Target::Malformed("the ref after `@` is empty");
    }
    let mut parts = name.splitn(3, '/');
    let owner = parts.next().unwrap_or("");
    let repo = parts.next().unwrap_or("");
    let path = parts.next().unwrap_or("");
    let valid = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    };
    if !valid(owner) || !valid(repo) {
        return Target::Malformed("the form is `owner/repo@ref` or `owner/repo/path@ref`");
    }
    if reusable
        && !(path.starts_with(".github/workflows/")
            && (path.ends_with(".yml") || path.ends_with(".yaml")))
    {
        return Target::Malformed(
            "a reusable workflow is `owner/repo/.github/workflows/FILE.yml@ref`",
        );
    }
    Target::Action {
        repo: format!("{owner}/{repo}"),
        path: path.trim_end_matches('/').to_string(),
        git_ref: git_ref.to_string(),
    }
}

impl Step {
    /// The input named `name` (ignoring case, as the runner does).
    pub fn input(&self, name: &str) -> Option<&Var> {
        self.with
            .iter()
            .rev()
            .find(|v| v.name.value.eq_ignore_ascii_case(name))
    }

    /// The input's value when given and not empty.
    pub fn input_value(&self, name: &str) -> Option<&str> {
        self.input(name)
            .map(|v| v.value.value.trim())
            .filter(|v| !v.is_empty())
    }

    /// The `uses` or `run` that identifies the step in messages: its name, else its position.
    pub fn label(&self) -> String {
        match &self.name {
            Some(n) if !n.value.is_empty() => format!("step `{}`", n.value),
            _ => format!("step {}", self.index + 1),
        }
    }

    /// Whether the step runs `aws-actions/configure-aws-credentials`.
    pub fn configures_aws(&self) -> bool {
        self.uses
            .as_ref()
            .is_some_and(|u| u.is(actions::CONFIGURE_AWS_CREDENTIALS.repo))
    }

    /// How this `configure-aws-credentials` step authenticates, as the action decides it
    /// (`github-actions-aws.md` §2.1): OIDC when `role-to-assume` is given and none of
    /// `aws-access-key-id`, `web-identity-token-file`, `role-chaining: true` (2.1.0 and later)
    /// and `force-skip-oidc: true` (5.0.0 and later) is; an input the version used does not
    /// declare is ignored, as the runner ignores it, and releases before 1.6.0 have no OIDC at
    /// all. `None` for other steps.
    pub fn auth_path(&self) -> Option<AuthPath> {
        if !self.configures_aws() {
            return None;
        }
        let action = self.uses.as_ref().and_then(Uses::aws_action);
        // Whether the version the step runs reads the input (an unknown version: yes).
        let declared = |name: &str| match action {
            Some((spec, resolved)) => spec
                .input(name)
                .and_then(|i| spec.declares(resolved, i))
                .unwrap_or(true),
            None => true,
        };
        let given = |name: &str| declared(name) && self.input_value(name).is_some();
        let is_true = |name: &str| {
            declared(name)
                && self
                    .input_value(name)
                    .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        };
        let without_oidc = action
            .and_then(|(spec, resolved)| spec.version(resolved))
            .is_some_and(|v| v < (1, 6, 0));
        let path = if !given("role-to-assume") {
            if given("aws-access-key-id") {
                AuthPath::AccessKeys
            } else {
                AuthPath::Ambient
            }
        } else if given("aws-access-key-id") {
            AuthPath::AssumeWithKeys
        } else if given("web-identity-token-file") {
            AuthPath::TokenFile
        } else if is_true("role-chaining") || without_oidc {
            AuthPath::Chaining
        } else if is_true("force-skip-oidc") {
            AuthPath::SkipOidc
        } else {
            AuthPath::Oidc
        };
        Some(path)
    }
}

/// How `configure-aws-credentials` gets credentials.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthPath {
    /// `role-to-assume` with the job's OIDC token (`AssumeRoleWithWebIdentity`), when the job
    /// may request one; without it the action falls back to the runner's own credentials.
    Oidc,
    /// Access keys given as inputs, no role.
    AccessKeys,
    /// Access keys, then `AssumeRole` into `role-to-assume` (with session tags).
    AssumeWithKeys,
    /// `role-to-assume` with `web-identity-token-file`.
    TokenFile,
    /// `role-to-assume` assumed with the credentials already there: `role-chaining: true`, or a
    /// release before 1.6.0, which has no OIDC.
    Chaining,
    /// `role-to-assume` with `force-skip-oidc: true`.
    SkipOidc,
    /// Neither a role nor keys: the runner's own credentials.
    Ambient,
}

impl Job {
    /// Whether the job calls a reusable workflow.
    pub fn is_reusable_call(&self) -> bool {
        self.uses.is_some()
    }

    /// The job's permissions in effect: its own block, else the workflow's (a job block
    /// replaces the workflow block entirely); `None` when neither has one (the repository's
    /// default applies, which never includes `id-token: write`).
    pub fn effective_permissions<'a>(&'a self, workflow: &'a Workflow) -> Option<&'a Permissions> {
        self.permissions.as_ref().or(workflow.permissions.as_ref())
    }

    /// Whether the workflow, job or step environment sets `name` (for the step at `step`).
    pub fn sets_env(&self, workflow: &Workflow, step: Option<&Step>, name: &str) -> bool {
        let has = |vars: &[Var]| vars.iter().any(|v| v.name.value == name);
        has(&workflow.env) || has(&self.env) || step.is_some_and(|s| has(&s.env))
    }
}

impl Workflow {
    /// The event named `name`, if the workflow listens to it.
    pub fn event(&self, name: &str) -> Option<&Event> {
        self.on
            .as_ref()
            .and_then(|on| on.events.iter().find(|e| e.name.value == name))
    }

    /// The job with id `id`.
    pub fn job(&self, id: &str) -> Option<&Job> {
        self.jobs.iter().find(|j| j.id.value == id)
    }

    /// Whether the workflow can be called by other workflows (`workflow_call`).
    pub fn is_reusable(&self) -> bool {
        self.event("workflow_call").is_some()
    }

    /// Whether the workflow runs only when called by another (`workflow_call` is its only
    /// event), so that without a `permissions` block it gets its caller's permissions.
    pub fn only_called(&self) -> bool {
        self.on.as_ref().is_some_and(|on| {
            !on.events.is_empty() && on.events.iter().all(|e| e.name.value == "workflow_call")
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Lowering

fn text(node: &Node) -> Option<Text> {
    let s = node.scalar()?;
    Some(Spanned {
        value: if s.is_null() {
            String::new()
        } else {
            s.text.clone()
        },
        span: node.span,
    })
}

fn key_text(pair: &crate::source::Pair) -> Option<Text> {
    pair.key_str().map(|k| Spanned {
        value: k.to_string(),
        span: pair.key.span,
    })
}

/// A string or a list of strings (filters, `needs`, `types`, `runs-on`).
fn strings(node: &Node) -> Vec<Text> {
    match node.seq() {
        Some(seq) => seq
            .items
            .iter()
            .filter(|n| !n.is_null())
            .filter_map(text)
            .collect(),
        None => text(node).filter(|_| !node.is_null()).into_iter().collect(),
    }
}

fn vars(node: &Node) -> Vec<Var> {
    node.entries()
        .iter()
        .filter_map(|p| {
            Some(Var {
                name: key_text(p)?,
                value: text(&p.value)?,
            })
        })
        .collect()
}

/// Every non-null scalar below `node`.
fn scalars<'a>(node: &'a Node, out: &mut Vec<&'a Node>) {
    match &node.value {
        crate::source::Value::Scalar(s) if !s.is_null() => out.push(node),
        crate::source::Value::Seq(seq) => seq.items.iter().for_each(|i| scalars(i, out)),
        crate::source::Value::Map(map) => map.entries.iter().for_each(|p| scalars(&p.value, out)),
        _ => {}
    }
}

fn restricted(key: &'static str, node: &Node, out: &mut Vec<Restricted>) {
    let mut found = Vec::new();
    scalars(node, &mut found);
    out.extend(found.into_iter().filter_map(|n| {
        let value = text(n)?;
        // An `if:` is an expression even without `${{ }}`.
        (key == "if" || expr::has_expression(&value.value)).then_some(Restricted { key, value })
    }));
}

fn permissions(pair: &crate::source::Pair) -> Permissions {
    let node = &pair.value;
    let spec = if let Some(map) = node.map() {
        PermissionSpec::Scopes(
            map.entries
                .iter()
                .filter_map(|p| {
                    Some(Scope {
                        name: key_text(p)?,
                        level: text(&p.value)?,
                    })
                })
                .collect(),
        )
    } else if let Some(t) = text(node).filter(|_| !node.is_null()) {
        match t.value.as_str() {
            "read-all" => PermissionSpec::ReadAll,
            "write-all" => PermissionSpec::WriteAll,
            _ => PermissionSpec::Other(t),
        }
    } else {
        PermissionSpec::Invalid
    };
    Permissions {
        key: pair.key.span,
        span: node.span,
        spec,
    }
}

fn event(name: Text, value: Option<&Node>) -> Event {
    let mut event = Event {
        name,
        filters: Vec::new(),
        types: Vec::new(),
        inputs: Vec::new(),
    };
    let Some(value) = value else { return event };
    for pair in value.entries() {
        let Some(key) = pair.key_str() else { continue };
        if let Some(kind) = FilterKind::from_key(key) {
            event.filters.push(Filter {
                kind,
                key: pair.key.span,
                patterns: strings(&pair.value),
            });
        } else if key == "types" {
            event.types = strings(&pair.value);
        } else if key == "inputs" {
            event.inputs = pair
                .value
                .entries()
                .iter()
                .filter_map(|p| {
                    Some(DispatchInput {
                        id: key_text(p)?,
                        ty: p.value.get("type").and_then(text),
                        options: p.value.get("options").map(strings).unwrap_or_default(),
                    })
                })
                .collect();
        }
    }
    event
}

fn triggers(pair: &crate::source::Pair) -> Triggers {
    let node = &pair.value;
    let events = match &node.value {
        crate::source::Value::Map(map) => map
            .entries
            .iter()
            .filter_map(|p| Some(event(key_text(p)?, Some(&p.value))))
            .collect(),
        _ => strings(node).into_iter().map(|t| event(t, None)).collect(),
    };
    Triggers {
        key: pair.key.span,
        events,
    }
}

fn step(index: usize, node: &Node) -> Step {
    let get = |k: &str| node.get(k);
    Step {
        index,
        span: node.span,
        id: get("id").and_then(text).filter(|t| !t.value.is_empty()),
        name: get("name").and_then(text),
        condition: get("if").and_then(text),
        uses: get("uses").and_then(text).map(|t| Uses {
            target: parse_uses(&t.value, false),
            text: t,
        }),
        run: get("run").and_then(text),
        with: get("with").map(vars).unwrap_or_default(),
        with_key: node.entry("with").map(|p| p.key.span),
        env: get("env").map(vars).unwrap_or_default(),
    }
}

fn job(pair: &crate::source::Pair) -> Option<Job> {
    let id = key_text(pair)?;
    let node = &pair.value;
    let get = |k: &str| node.get(k);
    let mut restricted_values = Vec::new();
    for (key, label) in [
        ("if", "if"),
        ("runs-on", "runs-on"),
        ("environment", "environment"),
        ("strategy", "strategy"),
        ("concurrency", "concurrency"),
        ("timeout-minutes", "timeout-minutes"),
        ("continue-on-error", "continue-on-error"),
        ("name", "name"),
    ] {
        if let Some(v) = get(key) {
            restricted(label, v, &mut restricted_values);
        }
    }
    if get("uses").is_some()
        && let Some(with) = get("with")
    {
        restricted("with", with, &mut restricted_values);
    }
    let steps_node = get("steps");
    for s in steps_node.map(Node::items).unwrap_or_default() {
        if let Some(c) = s.get("if") {
            restricted("if", c, &mut restricted_values);
        }
    }
    let runs_on = get("runs-on").map(|v| match v.map() {
        Some(_) => RunsOn {
            span: v.span,
            labels: v.get("labels").map(strings).unwrap_or_default(),
            group: v.get("group").is_some(),
        },
        None => RunsOn {
            span: v.span,
            labels: strings(v),
            group: false,
        },
    });
    let environment = node.entry("environment").map(|p| Environment {
        key: p.key.span,
        name: match p.value.map() {
            Some(_) => p.value.get("name").and_then(text),
            None => text(&p.value).filter(|_| !p.value.is_null()),
        },
        mapping: p.value.map().is_some(),
    });
    let matrix = get("strategy")
        .and_then(|s| s.get("matrix"))
        .map(|m| {
            m.entries()
                .iter()
                .filter(|p| !matches!(p.key_str(), Some("include" | "exclude")))
                .filter_map(|p| {
                    let items = p.value.seq()?;
                    let values: Option<Vec<Text>> = items
                        .items
                        .iter()
                        .map(|i| text(i).filter(|_| !i.is_null()))
                        .collect();
                    Some((key_text(p)?, values?))
                })
                .collect()
        })
        .unwrap_or_default();
    Some(Job {
        id,
        span: node.span,
        name: get("name").and_then(text),
        needs: get("needs").map(strings).unwrap_or_default(),
        condition: get("if").and_then(text),
        runs_on,
        environment,
        permissions: node.entry("permissions").map(permissions),
        env: get("env").map(vars).unwrap_or_default(),
        steps: steps_node
            .map(Node::items)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter(|(_, n)| n.map().is_some())
            .map(|(i, n)| step(i, n))
            .collect(),
        uses: get("uses").and_then(text),
        matrix,
        restricted: restricted_values,
    })
}

/// Lowers a parsed workflow into its model.
pub fn lower(root: &Node) -> Workflow {
    let mut restricted_values = Vec::new();
    for key in ["run-name", "concurrency"] {
        if let Some(v) = root.get(key) {
            restricted(
                if key == "run-name" {
                    "run-name"
                } else {
                    "concurrency"
                },
                v,
                &mut restricted_values,
            );
        }
    }
    Workflow {
        name: root.get("name").and_then(text),
        on: root.entry("on").map(triggers),
        permissions: root.entry("permissions").map(permissions),
        env: root.get("env").map(vars).unwrap_or_default(),
        jobs: root
            .get("jobs")
            .map(|j| j.entries().iter().filter_map(job).collect())
            .unwrap_or_default(),
        jobs_key: root.entry("jobs").map(|p| p.key.span),
        restricted: restricted_values,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Limits, parse_yaml};

    fn model(text: &str) -> Workflow {
        lower(&parse_yaml(text, &Limits::default()).root)
    }

    #[test]
    fn lowers_triggers_permissions_and_steps() {
        let w = model(
            r"
on:
  push:
    branches: [main]
    tags: 'v*'
  workflow_dispatch:
permissions:
  id-token: write
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: us-east-1
",
        );
        let on = w.on.as_ref().unwrap();
        assert_eq!(on.events.len(), 2);
        let push = &on.events[0];
        assert_eq!(
            push.filter(FilterKind::Tags).unwrap().patterns[0].value,
            "v*"
        );
        let perms = w.permissions.as_ref().unwrap();
        assert_eq!(perms.level("id-token"), Some(Level::Write));
        assert_eq!(perms.level("contents"), Some(Level::None));
        let job = &w.jobs[0];
        assert!(job.runs_on.as_ref().unwrap().github_hosted());
        assert_eq!(
            job.environment
                .as_ref()
                .unwrap()
                .name
                .as_ref()
                .unwrap()
                .value,
            "production"
        );
        assert_eq!(job.steps[0].auth_path(), Some(AuthPath::Oidc));
        let step = |uses: &str, extra: &str| {
            let w = model(&format!(
                "on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: {uses}\n        with:\n          role-to-assume: arn:aws:iam::1:role/r\n{extra}"
            ));
            w.jobs[0].steps[0].auth_path()
        };
        let cac = "aws-actions/configure-aws-credentials";
        let chaining = "          role-chaining: true\n";
        assert_eq!(
            step(&format!("{cac}@v4"), chaining),
            Some(AuthPath::Chaining)
        );
        // `role-chaining` came in 2.1.0: version 1 ignores it and uses OIDC.
        assert_eq!(step(&format!("{cac}@v1"), chaining), Some(AuthPath::Oidc));
        let skip = "          force-skip-oidc: true\n";
        assert_eq!(step(&format!("{cac}@v5"), skip), Some(AuthPath::SkipOidc));
        assert_eq!(step(&format!("{cac}@v4"), skip), Some(AuthPath::Oidc));
        assert_eq!(step(&format!("{cac}@v1.5.0"), ""), Some(AuthPath::Chaining));
        assert_eq!(step(&format!("{cac}@main"), ""), Some(AuthPath::Oidc));
        assert_eq!(
            job.steps[0].uses.as_ref().unwrap().target,
            Target::Action {
                repo: "aws-actions/configure-aws-credentials".into(),
                path: String::new(),
                git_ref: "v4".into()
            }
        );
    }

    #[test]
    fn uses_forms() {
        assert!(matches!(
            parse_uses("actions/checkout", false),
            Target::Malformed(_)
        ));
        assert!(matches!(
            parse_uses("./.github/actions/x", false),
            Target::Local(_)
        ));
        assert!(matches!(
            parse_uses("docker://alpine:3", false),
            Target::Docker(_)
        ));
        assert!(matches!(
            parse_uses("${{ matrix.a }}", false),
            Target::Dynamic
        ));
        assert!(matches!(
            parse_uses("o/r/.github/workflows/d.yml@main", true),
            Target::Action { .. }
        ));
        assert!(matches!(parse_uses("o/r@main", true), Target::Malformed(_)));
        assert!(matches!(
            parse_uses("./.github/workflows/d.yml@main", true),
            Target::Malformed(_)
        ));
    }
}
