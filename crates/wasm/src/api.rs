//! The package's functions, as plain Rust: text and input objects in, serialisable objects out.
//! `bindings` exposes each one to JavaScript under the name in its doc comment.

use cicd_core::appspec::report::{LifecycleReport, lifecycle_report};
use cicd_core::appspec::{Detection, Platform};
use cicd_core::deployment::{Config, DeploymentReport, Group};
use cicd_core::diagnostic;
use cicd_core::pipeline::PipelineReport;
use cicd_core::related::deployment::ConfigSource;
use cicd_core::related::{self, WorkspaceFile};
use cicd_core::report::Place;
use cicd_core::rule::Rule;
use cicd_core::trust_policy::assume::{self, SuggestedCaller};
use cicd_core::trust_policy::evaluate::Caller;
use cicd_core::trust_policy::github::Run;
use cicd_core::trust_policy::report::{AssumeReport, assume_report};
use cicd_core::{Analysis, Kind, LineIndex, Model, Options, Severity, Span, registry};
use serde::{Deserialize, Serialize};

/// Why a call could not answer (an unknown kind, a file of another kind, an unreadable trust
/// policy, a malformed request). JavaScript receives it as a thrown `Error` with this message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

fn fail<T>(message: impl Into<String>) -> Result<T, Error> {
    Err(Error(message.into()))
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

/// Options of `check` and `analyze`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct CheckOptions {
    /// The CodeBuild image buildspecs run on (`aws/codebuild/standard:7.0`): `runtime-versions`
    /// are checked against what it preinstalls.
    pub image: Option<String>,
}

impl CheckOptions {
    fn core(&self) -> Options {
        Options {
            buildspec: cicd_core::buildspec::Options {
                image: self.image.clone(),
            },
            ..Options::default()
        }
    }
}

/// A range of the text: for people (1-based line and character column of its start and end,
/// the end exclusive, as `cicd check --format json`) and for editors (0-based UTF-16 offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Range {
    /// Line of the start.
    pub line: u32,
    /// Column of the start, in characters.
    pub column: u32,
    /// Line of the end.
    pub end_line: u32,
    /// Column of the end (exclusive), in characters.
    pub end_column: u32,
    /// Start, UTF-16 offset (`text.slice(from16, to16)` is the range's text).
    pub from16: u32,
    /// End, UTF-16 offset.
    pub to16: u32,
}

/// A text and its line index: places spans.
struct Placer<'a> {
    text: &'a str,
    index: LineIndex,
}

impl<'a> Placer<'a> {
    fn new(text: &'a str) -> Placer<'a> {
        Placer {
            text,
            index: LineIndex::new(text),
        }
    }

    fn range(&self, span: Span) -> Range {
        let (start, end) = self.index.range(self.text, span);
        Range {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            from16: start.utf16_offset,
            to16: end.utf16_offset,
        }
    }

    fn place(&self, span: Span) -> Place {
        Place::of(&self.index, self.text, span)
    }
}

/// One finding: the same fields as `cicd check --format json` (without `file`), plus UTF-16
/// offsets for editors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule's stable code (`BS021`).
    pub code: &'static str,
    /// The rule's name (`missing-phase-commands`).
    pub name: &'static str,
    /// `error`, `warning` or `info`.
    pub severity: &'static str,
    /// What is wrong.
    pub message: String,
    /// What to do, when the rule says.
    pub help: Option<String>,
    /// The rule's documentation page.
    pub url: String,
    /// Where.
    #[serde(flatten)]
    pub range: Range,
    /// Related places ("first defined here"), in this file or, from `analyze`, in another.
    pub labels: Vec<Label>,
    /// A certain correction, when there is one.
    pub fix: Option<Fix>,
}

/// A related place of a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    /// The file it is in: `null` for the diagnostic's own file, else the name given to
    /// `analyze`.
    pub file: Option<String>,
    /// What is there.
    pub message: String,
    /// Where.
    #[serde(flatten)]
    pub range: Range,
}

/// A fix: one replacement covering all of it (what an editor applies as one change), and its
/// separate edits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What it does ("Rename to `post_build`").
    pub title: String,
    /// The text replacing `from16..to16`.
    pub replacement: String,
    /// Start of the replaced range, UTF-16 offset.
    pub from16: u32,
    /// End of the replaced range, UTF-16 offset.
    pub to16: u32,
    /// The separate edits, in order (one when the fix is a single replacement).
    pub edits: Vec<Edit>,
}

/// One edit of a fix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// The text replacing `from16..to16`.
    pub replacement: String,
    /// Start, UTF-16 offset.
    pub from16: u32,
    /// End, UTF-16 offset.
    pub to16: u32,
}

fn diagnostic(placer: &Placer<'_>, d: &cicd_core::Diagnostic) -> Diagnostic {
    let labels = d
        .labels
        .iter()
        .map(|l| Label {
            file: None,
            message: l.message.clone(),
            range: placer.range(l.span),
        })
        .collect();
    Diagnostic {
        code: d.code,
        name: registry::rule(d.code).map_or("", |r| r.name),
        severity: d.severity.as_str(),
        message: d.message.clone(),
        help: d.help.clone(),
        url: d.docs_url(),
        range: placer.range(d.span),
        labels,
        fix: d.fix.as_ref().and_then(|f| {
            let whole = f.as_one_edit(placer.text)?;
            let (from16, to16) = offsets(placer, whole.span);
            Some(Fix {
                title: f.title.clone(),
                replacement: whole.replacement,
                from16,
                to16,
                edits: f
                    .edits()
                    .iter()
                    .map(|e| {
                        let (from16, to16) = offsets(placer, e.span);
                        Edit {
                            replacement: e.replacement.clone(),
                            from16,
                            to16,
                        }
                    })
                    .collect(),
            })
        }),
    }
}

fn offsets(placer: &Placer<'_>, span: Span) -> (u32, u32) {
    let r = placer.range(span);
    (r.from16, r.to16)
}

/// The kind with identifier `id`, or why not.
pub fn kind(id: &str) -> Result<Kind, Error> {
    match Kind::from_id(id) {
        Some(kind) if kind.is_supported() => Ok(kind),
        Some(kind) => fail(format!("{} files ({id}) are not checked yet", kind.title())),
        None => {
            let ids: Vec<&str> = Kind::ALL.iter().map(|k| k.id()).collect();
            fail(format!("unknown kind `{id}` (one of: {})", ids.join(", ")))
        }
    }
}

fn analyze_as(kind: Kind, text: &str, options: &Options) -> Result<Analysis, Error> {
    cicd_core::analyze(kind, text, options).map_err(|e| Error(e.to_string()))
}

/// `check(kind, text, options?)`: the findings of `text` read as a file of `kind`, sorted by
/// position.
pub fn check(kind_id: &str, text: &str, options: &CheckOptions) -> Result<Vec<Diagnostic>, Error> {
    let analysis = analyze_as(kind(kind_id)?, text, &options.core())?;
    let placer = Placer::new(text);
    Ok(analysis
        .diagnostics
        .iter()
        .map(|d| diagnostic(&placer, d))
        .collect())
}

/// A file given to `analyze`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct FileInput {
    /// Its name or path (`buildspec.yml`, `.github/workflows/deploy.yml`): tells its kind, and
    /// names it in labels of other files.
    pub name: String,
    /// Its text.
    pub text: String,
    /// Its kind's identifier; detected from the name, then the content, when absent.
    #[serde(default)]
    pub kind: Option<String>,
}

/// What `analyze` found in one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnalyzedFile {
    /// The name given.
    pub name: String,
    /// The kind it was checked as; `null` when neither its name nor its content tells (it is
    /// then not checked).
    pub kind: Option<&'static str>,
    /// Its findings and the findings relating it to other files, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// How many of them are errors.
    pub errors: usize,
    /// How many are warnings.
    pub warnings: usize,
}

/// `analyze(files, options?)`: checks the files of a workspace together. Each file's kind is
/// the one given or detected; the files are then related (a GitHub Actions workflow and the trust
/// policy of the role it assumes), so that findings needing both files are reported, with a label
/// in each file.
pub fn analyze(files: &[FileInput], options: &CheckOptions) -> Result<Vec<AnalyzedFile>, Error> {
    let options = options.core();
    let mut analyses: Vec<Option<Analysis>> = Vec::with_capacity(files.len());
    for file in files {
        let kind = match &file.kind {
            Some(id) => Some(kind(id)?),
            None => Kind::detect(Some(&file.name), &file.text).filter(|k| k.is_supported()),
        };
        analyses.push(match kind {
            Some(k) => Some(analyze_as(k, &file.text, &options)?),
            None => None,
        });
    }
    // Related findings name files by their index among the analysed ones.
    let analysed: Vec<usize> = (0..files.len())
        .filter(|&i| analyses.get(i).is_some_and(Option::is_some))
        .collect();
    let members: Vec<WorkspaceFile<'_>> = analysed
        .iter()
        .filter_map(|&i| {
            Some(WorkspaceFile {
                name: &files.get(i)?.name,
                analysis: analyses.get(i)?.as_ref()?,
            })
        })
        .collect();
    let related = related::relate(&members);
    let names: Vec<&str> = members.iter().map(|m| m.name).collect();
    let placers: Vec<Placer<'_>> = files.iter().map(|f| Placer::new(&f.text)).collect();
    let mut out = Vec::with_capacity(files.len());
    for (i, file) in files.iter().enumerate() {
        let analysis = analyses.get(i).and_then(Option::as_ref);
        let (Some(analysis), Some(placer)) = (analysis, placers.get(i)) else {
            out.push(AnalyzedFile {
                name: file.name.clone(),
                kind: None,
                diagnostics: Vec::new(),
                errors: 0,
                warnings: 0,
            });
            continue;
        };
        let member = analysed.iter().position(|&a| a == i);
        let mut diagnostics: Vec<Diagnostic> = analysis
            .diagnostics
            .iter()
            .map(|d| diagnostic(placer, d))
            .collect();
        for r in related.iter().filter(|r| Some(r.file) == member) {
            let mut d = diagnostic(placer, &r.diagnostic);
            for l in &r.elsewhere {
                let other = analysed.get(l.file).and_then(|&f| placers.get(f));
                d.labels.push(Label {
                    file: names.get(l.file).map(|n| n.to_string()),
                    message: l.message.clone(),
                    range: other.map_or(EMPTY, |p| p.range(l.span)),
                });
            }
            diagnostics.push(d);
        }
        diagnostics.sort_by_key(|d| (d.range.from16, d.range.to16));
        let count = |s: Severity| {
            diagnostics
                .iter()
                .filter(|d| d.severity == s.as_str())
                .count()
        };
        out.push(AnalyzedFile {
            name: file.name.clone(),
            kind: Some(analysis.kind.id()),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            diagnostics,
        });
    }
    Ok(out)
}

const EMPTY: Range = Range {
    line: 1,
    column: 1,
    end_line: 1,
    end_column: 1,
    from16: 0,
    to16: 0,
};

/// `detectKind(text, fileName?)`: the kind a file is, from its name, then its content; `null`
/// when neither tells.
pub fn detect_kind(text: &str, file_name: Option<&str>) -> Option<&'static str> {
    Kind::detect(file_name, text).map(Kind::id)
}

// ---------------------------------------------------------------------------------------------
// Kinds and rules

/// A kind of file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KindInfo {
    /// Its identifier (`trust-policy`): what `check` takes.
    pub id: &'static str,
    /// A human title ("IAM role trust policy").
    pub title: &'static str,
    /// The prefix of its rule codes (`IAM`).
    pub code_prefix: &'static str,
    /// Whether it is checked (a planned kind is only recognised).
    pub checked: bool,
}

/// `kinds()`: every kind, in the order the playground lists them.
pub fn kinds() -> Vec<KindInfo> {
    Kind::ALL
        .iter()
        .map(|k| KindInfo {
            id: k.id(),
            title: k.title(),
            code_prefix: k.code_prefix(),
            checked: k.is_supported(),
        })
        .collect()
}

/// A rule: the same fields as `cicd rules --format json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// Stable code (`BS021`).
    pub code: &'static str,
    /// Name of the problem (`missing-phase-commands`).
    pub name: &'static str,
    /// Default severity.
    pub severity: &'static str,
    /// The kind it checks; `null` for the `SRC` rules every kind shares.
    pub kind: Option<&'static str>,
    /// Its first sentence.
    pub summary: String,
    /// Its documentation page.
    pub url: String,
}

fn rule_info(rule: &Rule) -> RuleInfo {
    RuleInfo {
        code: rule.code,
        name: rule.name,
        severity: rule.severity.as_str(),
        kind: registry::kind_of(rule.code).map(Kind::id),
        summary: rule.summary(),
        url: format!("{}{}", diagnostic::DOCS_BASE_URL, rule.code),
    }
}

/// `rules(kind?)`: every rule (of one kind), in code order.
pub fn rules(kind_id: Option<&str>) -> Result<Vec<RuleInfo>, Error> {
    let only = kind_id.map(kind).transpose()?;
    Ok(registry::all()
        .into_iter()
        .filter(|r| only.is_none_or(|k| registry::kind_of(r.code) == Some(k)))
        .map(rule_info)
        .collect())
}

/// A rule with its documentation page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RulePage {
    /// The rule.
    #[serde(flatten)]
    pub rule: RuleInfo,
    /// The page (markdown: what it does, why it is bad, an example, what to write instead, the
    /// AWS sources), as `cicd explain` prints it.
    pub markdown: String,
}

/// `explain(codeOrName)`: the rule with this code (`BS021`, any case) or name, with its page;
/// `null` when there is none.
pub fn explain(query: &str) -> Option<RulePage> {
    let rule = registry::rule(query).or_else(|| registry::by_name(query))?;
    Some(RulePage {
        rule: rule_info(rule),
        markdown: registry::page(rule),
    })
}

// ---------------------------------------------------------------------------------------------
// Trust policies

/// A GitHub Actions run asking for the role through OIDC.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct GithubRun {
    /// `OWNER/REPO`.
    pub repo: String,
    /// The Git ref (`refs/heads/main`, `refs/tags/v1`; a bare name is a branch); by default the
    /// ref the event runs on.
    #[serde(rename = "ref")]
    pub git_ref: Option<String>,
    /// The environment the job references.
    pub environment: Option<String>,
    /// The triggering event (`push` by default).
    pub event: Option<String>,
    /// The audience requested (`sts.amazonaws.com` by default).
    pub audience: Option<String>,
    /// The owner's numeric ID (with `repo_id`: the immutable `sub` form).
    pub owner_id: Option<String>,
    /// The repository's numeric ID.
    pub repo_id: Option<String>,
    /// A custom `sub` template: claim keys in order (`["repo", "context"]`).
    pub sub_claims: Option<Vec<String>>,
    /// The workflow file (`deploy.yml`), for `job_workflow_ref`.
    pub workflow: Option<String>,
    /// The repository's default branch (`main` by default).
    pub default_branch: Option<String>,
    /// The user who triggered the run.
    pub actor: Option<String>,
}

impl GithubRun {
    fn run(&self) -> Result<Run, Error> {
        let mut run = Run::for_repository(self.repo.trim()).ok_or_else(|| {
            Error(format!(
                "github.repo `{}` is not OWNER/REPO",
                self.repo.trim()
            ))
        })?;
        run.git_ref = self.git_ref.clone();
        run.environment = self.environment.clone();
        run.event = self.event.clone();
        run.audience = self.audience.clone();
        run.owner_id = self.owner_id.clone();
        run.repo_id = self.repo_id.clone();
        run.sub_claim_keys = self.sub_claims.clone();
        run.workflow_file = self.workflow.clone();
        run.default_branch = self.default_branch.clone();
        run.actor = self.actor.clone();
        Ok(run)
    }
}

/// A context value: one string or several.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum ContextValue {
    /// One value.
    One(String),
    /// Several values.
    Many(Vec<String>),
}

/// Who asks to assume the role (`cicd assume`'s options as an object). Everything is optional:
/// an empty request asks what the playground's "Assume role?" form starts with, the caller the
/// policy trusts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct AssumeRequest {
    /// `aws:ARN` (or an account ID), `service:NAME` or `federated:ARN`; with `github`, the
    /// policy's GitHub OIDC provider by default.
    pub principal: Option<String>,
    /// The action (by default the one the principal calls: `sts:AssumeRoleWithWebIdentity` for
    /// an OIDC provider, `sts:AssumeRole` otherwise).
    pub action: Option<String>,
    /// Request context keys and values (`{"aws:SourceAccount": "123456789012"}`); they override
    /// the keys computed from `github`.
    pub context: std::collections::BTreeMap<String, ContextValue>,
    /// A GitHub Actions run: computes its OIDC token's claims.
    pub github: Option<GithubRun>,
}

/// `assume(policy, request?)`: may this caller assume the role whose trust policy is `policy`,
/// and why (not)? The same answer as `cicd assume --format json`, with editor places.
pub fn assume(policy_text: &str, request: &AssumeRequest) -> Result<AssumeReport<Place>, Error> {
    let analysis = analyze_as(Kind::TrustPolicy, policy_text, &Options::default())?;
    let Model::TrustPolicy(policy) = &analysis.model else {
        return fail("the text was not read as a trust policy");
    };
    let placer = Placer::new(policy_text);
    if !analysis.readable() {
        let first = analysis
            .diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
            .map(|d| {
                let r = placer.range(d.span);
                format!(" ({}:{}: {})", r.line, r.column, d.message)
            })
            .unwrap_or_default();
        return fail(format!(
            "cannot evaluate the trust policy: it is not readable JSON{first}; check() lists its problems"
        ));
    }
    let run = request.github.as_ref().map(GithubRun::run).transpose()?;
    let lines: Vec<String> = request
        .context
        .iter()
        .flat_map(|(key, value)| match value {
            ContextValue::One(v) => vec![format!("{key}={v}")],
            ContextValue::Many(vs) => vs.iter().map(|v| format!("{key}={v}")).collect(),
        })
        .collect();
    let given = assume::parse_context(lines.iter().map(String::as_str))
        .map_err(|e| Error(format!("context: {e}")))?;
    let (request, run) = match (&request.principal, run) {
        (Some(p), run) => {
            let caller = Caller::parse(p.trim()).map_err(Error)?;
            let req = assume::request(caller, request.action.as_deref(), run.as_ref(), &given);
            (req, run)
        }
        (None, Some(run)) => {
            let caller = Caller::Federated(assume::github_provider(policy));
            let req = assume::request(caller, request.action.as_deref(), Some(&run), &given);
            (req, Some(run))
        }
        // Nobody named: the caller the policy trusts, as the playground's form suggests.
        (None, None) => match assume::suggested_caller(policy) {
            SuggestedCaller::Github(run) => {
                let caller = Caller::Federated(assume::github_provider(policy));
                let req = assume::request(caller, request.action.as_deref(), Some(&run), &given);
                (req, Some(*run))
            }
            SuggestedCaller::Principal {
                caller,
                mut context,
            } => {
                for entry in given.entries() {
                    context.set(&entry.key, entry.values.clone());
                }
                let req = assume::request(caller, request.action.as_deref(), None, &context);
                (req, None)
            }
        },
    };
    Ok(
        assume_report(policy, &request, run.as_ref(), &analysis.diagnostics)
            .map(|span| placer.place(span)),
    )
}

// ---------------------------------------------------------------------------------------------
// Simulations

/// `simulateLifecycle(appspec, scenario?)`: the lifecycle events of a CodeDeploy deployment of
/// the AppSpec, in order, with a failing event and the rollback it causes (`cicd simulate
/// lifecycle --format json`, with editor places).
pub fn simulate_lifecycle(
    appspec_text: &str,
    scenario: &cicd_core::appspec::Scenario,
) -> Result<LifecycleReport<Place>, Error> {
    let analysis = analyze_as(Kind::Appspec, appspec_text, &Options::default())?;
    let Model::Appspec(spec) = &analysis.model else {
        return fail("the text was not read as an AppSpec");
    };
    if spec.detection == Detection::Template {
        return fail(
            "the text is a CloudFormation or SAM template, not an AppSpec (check() explains)",
        );
    }
    let errors = errors(&analysis);
    let timeline = cicd_core::appspec::timeline(spec, scenario);
    let placer = Placer::new(appspec_text);
    Ok(lifecycle_report(&timeline, errors).map(|span| placer.place(span)))
}

/// Options of `simulatePipeline`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct PipelineOptions {
    /// The pipeline to run, by name or template resource name (the file's first by default).
    pub pipeline: Option<String>,
}

/// `simulatePipeline(text, scenario?, options?)`: runs of a CodePipeline pipeline — stages,
/// `runOrder` groups, approvals, failures and retries, executions in the pipeline's mode (`cicd
/// simulate pipeline --format json`, with editor places).
pub fn simulate_pipeline(
    text: &str,
    scenario: &cicd_core::pipeline::Scenario,
    options: &PipelineOptions,
) -> Result<PipelineReport<Place>, Error> {
    let analysis = analyze_as(Kind::Pipeline, text, &Options::default())?;
    let Model::Pipeline(file) = &analysis.model else {
        return fail("the text was not read as a pipeline");
    };
    let Some(pipeline) = file.pipeline(options.pipeline.as_deref()) else {
        return fail(match &options.pipeline {
            Some(name) => format!("the file holds no pipeline named `{name}`"),
            None => "the file holds no pipeline".to_string(),
        });
    };
    let placer = Placer::new(text);
    Ok(cicd_core::pipeline::simulate(pipeline, scenario).map(|span| placer.place(span)))
}

/// The files a simulated deployment reads (`cicd simulate deployment`'s `--group`, `--config`,
/// `--appspec`), as texts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct DeploymentFiles {
    /// A deployment group (API JSON or CloudFormation): rollback, alarms, blue/green settings,
    /// load balancer, and the configuration it names.
    pub group: Option<String>,
    /// A predefined configuration's name (`CodeDeployDefault.OneAtATime`, `OneAtATime`) or a
    /// deployment configuration's text; by default the group's, else the platform's default.
    pub config: Option<String>,
    /// An AppSpec whose lifecycle events and hooks the deployment runs.
    pub appspec: Option<String>,
    /// Other deployment configurations' texts (the other files of a repository): a group that
    /// names a custom configuration runs with the one of that name they define, as `cicd
    /// simulate deployment` finds it in `--config FILE`.
    pub configs: Vec<String>,
}

/// `simulateDeployment(files, scenario?)`: a CodeDeploy deployment over time — instances by
/// minimum healthy hosts, or traffic shifted to the new revision — with faults, alarms,
/// automatic rollback and blast radius (`cicd simulate deployment --format json`'s report).
/// A group or configuration with errors is refused: `check` explains them.
pub fn simulate_deployment(
    files: &DeploymentFiles,
    scenario: &cicd_core::deployment::Scenario,
) -> Result<DeploymentReport, Error> {
    let options = Options::default();
    let mut notes = Vec::new();
    let mut group = Group::default();
    let group_analysis = match &files.group {
        Some(text) => {
            let analysis = analyze_as(Kind::DeploymentGroup, text, &options)?;
            refuse_errors(&analysis, "deployment group")?;
            Some(analysis)
        }
        None => None,
    };
    // `config` as a text (not a predefined name), then `configs`: the files that may define
    // the custom configuration the group names, as a workspace's files do.
    let config_text = files
        .config
        .as_deref()
        .filter(|value| Config::predefined(value.trim()).is_none() && is_config_text(value));
    let mut texts: Vec<(String, &str)> = Vec::new();
    if let Some(text) = config_text {
        texts.push(("`config`".to_string(), text));
    }
    for (i, text) in files.configs.iter().enumerate() {
        texts.push((format!("`configs[{i}]`"), text.as_str()));
    }
    let mut analyses = Vec::new();
    for (name, text) in &texts {
        let analysis = analyze_as(Kind::DeploymentConfig, text, &options)?;
        refuse_errors(&analysis, &format!("deployment configuration ({name})"))?;
        analyses.push(analysis);
    }
    let names: Vec<String> = std::iter::once("the group".to_string())
        .chain(texts.iter().map(|(name, _)| name.clone()))
        .collect();
    let workspace: Vec<WorkspaceFile<'_>> = group_analysis
        .iter()
        .chain(analyses.iter())
        .zip(names.iter())
        .map(|(analysis, name)| WorkspaceFile { name, analysis })
        .collect();
    let mut group_config = None;
    if let Some(analysis) = &group_analysis {
        let Model::DeploymentGroup(groups) = &analysis.model else {
            return fail("the group was not read as a deployment group");
        };
        let Some(first) = groups.items.first() else {
            return fail("the group's text holds no deployment group");
        };
        if groups.items.len() > 1 {
            notes.push(format!(
                "the group's text holds {} deployment groups: the first one is simulated",
                groups.items.len()
            ));
        }
        group = first.settings();
        group_config = Some(
            related::deployment::group_config(&workspace, groups, first, scenario.platform)
                .map_err(|why| {
                    Error(format!(
                        "the group's configuration `{}` cannot be simulated: {why}",
                        first.config_ref.as_deref().unwrap_or_default()
                    ))
                })?,
        );
    }
    let config_index = usize::from(config_text.is_some());
    let config = match (&files.config, group_config) {
        // `config` defines the custom configuration the group names.
        (Some(_), Some(g)) if matches!(g.source, ConfigSource::Workspace { file } if file == config_index && file > 0) => {
            g.config
        }
        (Some(value), group_config) => match (config_text, group_config.map(|g| g.source)) {
            (Some(_), Some(ConfigSource::Unresolved { name, file, why }))
                if file == config_index =>
            {
                return fail(format!(
                    "`config` defines the configuration `{name}` the group names, but it cannot be simulated: {why}"
                ));
            }
            (Some(_), Some(ConfigSource::Missing { name })) => {
                let config = config(value)?;
                notes.push(format!(
                    "the group names the custom configuration `{name}`, which `config` does not define: simulated with `{}` (`config`)",
                    config.name
                ));
                config
            }
            _ => config(value)?,
        },
        (None, Some(g)) => {
            match &g.source {
                ConfigSource::Missing { name } => notes.push(format!(
                    "the group names the custom configuration `{name}`: pass its text as `config` or in `configs`; simulated with {}",
                    g.config.name
                )),
                _ => notes.extend(
                    g.why_stand_in(|i| names.get(i).cloned().unwrap_or_default()),
                ),
            }
            g.config
        }
        (None, None) => Config::default_for(scenario.platform.unwrap_or(Platform::Ec2)),
    };
    let appspec = match &files.appspec {
        Some(text) => Some(analyze_as(Kind::Appspec, text, &options)?),
        None => None,
    };
    let spec = appspec.as_ref().and_then(|a| match &a.model {
        Model::Appspec(spec) => Some(spec),
        _ => None,
    });
    if let Some(errors) = appspec.as_ref().map(errors).filter(|&n| n > 0) {
        notes.push(format!(
            "the AppSpec has {errors} error(s); the simulation reads it as if they were fixed"
        ));
    }
    let mut report = cicd_core::deployment::simulate(&config, &group, spec, scenario);
    notes.append(&mut report.notes);
    report.notes = notes;
    Ok(report)
}

/// Whether `config` is a configuration's text rather than a name: one line without braces or
/// a colon is a name.
fn is_config_text(value: &str) -> bool {
    value.contains(['{', ':', '\n'])
}

/// A configuration given by name or as text.
fn config(value: &str) -> Result<Config, Error> {
    if let Some(c) = Config::predefined(value.trim()) {
        return Ok(c);
    }
    if !is_config_text(value) {
        let hint = cicd_core::deployment::config::suggest_predefined(value.trim())
            .map(|p| format!("; did you mean `{}`?", p.name))
            .unwrap_or_default();
        return fail(format!(
            "`{}` is not a predefined configuration{hint}",
            value.trim()
        ));
    }
    let analysis = analyze_as(Kind::DeploymentConfig, value, &Options::default())?;
    refuse_errors(&analysis, "deployment configuration")?;
    let Model::DeploymentConfig(configs) = &analysis.model else {
        return fail("the configuration was not read as a deployment configuration");
    };
    let Some(first) = configs.items.first() else {
        return fail("the configuration's text holds no deployment configuration");
    };
    first
        .resolve()
        .map_err(|why| Error(format!("the configuration cannot be simulated: {why}")))
}

fn errors(analysis: &Analysis) -> usize {
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

fn refuse_errors(analysis: &Analysis, what: &str) -> Result<(), Error> {
    let n = errors(analysis);
    let Some(first) = analysis
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
    else {
        return Ok(());
    };
    fail(format!(
        "the {what} is not valid ({n} error(s); the first: {} {}); check() lists them",
        first.code, first.message
    ))
}

#[cfg(test)]
mod tests;
