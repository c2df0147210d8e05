//! The messages between the playground's shell (editor, workspace, panels) and the engine. The
//! shell sends a [`Request`] whenever a file or a panel's inputs change; the engine answers with
//! a [`FileReport`]. Requests carry the file's version: the shell keeps only answers for the
//! latest version of each file, so a late answer never overwrites a newer one.

use cicd_core::Kind;
use cicd_core::appspec::Scenario;
use cicd_core::appspec::report::LifecycleReport;
use cicd_core::report::Place;
use cicd_core::trust_policy::report::AssumeReport;
use cicd_core::workflow::admission::AdmissionReport;
use serde::{Deserialize, Serialize};

/// Files up to this size (with their related files) are analysed by the page's main-thread
/// engine (about 1,000 lines: a millisecond or two); larger ones by the worker, but for the
/// edits the main-thread engine answers at once ([`QUICK_MAX_BYTES`]).
pub const INLINE_MAX_BYTES: usize = 32 * 1024;
/// The main-thread engine answers the quick edits ([`crate::Engine::quick`]: typing inside a value,
/// a few milliseconds at 5,000 lines) of files up to this size, and reads such a file once typing
/// pauses after an edit the worker answered (some 25 ms at this size).
pub const QUICK_MAX_BYTES: usize = 1024 * 1024;

/// What the shell asks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// A file's text, name or settings changed: analyse it and answer with its report.
    Analyze(FileInput),
    /// Only the inputs of the file's panel changed: answer from the analysis already made.
    Panel {
        /// File id.
        id: u32,
        /// The file's version the panel inputs go with.
        version: u64,
        /// The file's panel settings ([`FileInput::scenario`]).
        scenario: String,
    },
    /// Completion or hover at the cursor of a file being edited ([`AssistInput`]); answered
    /// with [`Reply::Assist`].
    Assist(AssistInput),
    /// The file was closed.
    Forget {
        /// File id.
        id: u32,
    },
    /// Makes the engine panic: the browser tests prove with it that the playground keeps the
    /// user's text and recovers when the engine stops.
    DebugPanic,
}

/// A file as the engine needs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileInput {
    /// File id.
    pub id: u32,
    /// Version: bumps whenever the text, name or settings change.
    pub version: u64,
    /// File name (for kind detection).
    pub name: String,
    /// The text.
    #[serde(with = "utf8")]
    pub text: String,
    /// How the kind is chosen: `auto`, `text` or a kind's id.
    pub kind: String,
    /// The CodeBuild image buildspecs are checked against.
    pub image: Option<String>,
    /// The file's panel settings as the workspace keeps them: a JSON text of [`PanelInputs`]
    /// (empty, unreadable or partial: the defaults fill in).
    pub scenario: String,
    /// The other files of the workspace this file's report depends on (for a workflow or a trust
    /// policy: the workspace's other workflows and trust policies; for a deployment group: the
    /// configurations, groups and AppSpecs; for an AppSpec: the groups and configurations; see
    /// [`cicd_core::related::depends_on`]), at their current versions. The engine analyses each
    /// version once (reusing its own analysis of a file it also answers for), relates them to
    /// this file (cross-file findings, the admission table) and answers with their versions in
    /// [`FileReport::related`], so that the shell asks again when one of them changes.
    #[serde(default)]
    pub related: Vec<RelatedFile>,
}

impl FileInput {
    /// The bytes an engine reads to answer: the text and the related files' texts.
    pub fn size(&self) -> usize {
        self.text.len() + self.related.iter().map(|r| r.text.len()).sum::<usize>()
    }
}

/// What the editor asks at its cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AssistKind {
    /// The keys or values that may be written at the cursor.
    Complete,
    /// The doc of the key under the pointer.
    Hover,
}

/// A question of the editor about a place in a file ([`Request::Assist`]). It carries the text
/// as the editor has it (newer than the last analysed version while the user types); the shell
/// numbers its questions and keeps only the answer to its latest one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistInput {
    /// The question's number ([`AssistReport::ask`] repeats it).
    pub ask: u32,
    /// Completion or hover.
    pub what: AssistKind,
    /// File id.
    pub id: u32,
    /// The file's version when asked.
    pub version: u64,
    /// File name (for kind detection).
    pub name: String,
    /// The text, as the editor has it.
    #[serde(with = "utf8")]
    pub text: String,
    /// How the kind is chosen: `auto`, `text` or a kind's id.
    pub kind: String,
    /// The CodeBuild image (a buildspec's runtimes depend on it).
    pub image: Option<String>,
    /// The cursor (or the pointer, for a hover): UTF-16 offset.
    pub offset16: u32,
}

/// The answer to an [`AssistInput`]: the completions (the range they replace, in UTF-16
/// offsets) or the hover.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistReport {
    /// The question's number.
    pub ask: u32,
    /// File id.
    pub id: u32,
    /// The version asked about.
    pub version: u64,
    /// Start of the word the completions replace, UTF-16 offset.
    pub from16: u32,
    /// Its end.
    pub to16: u32,
    /// The completions (empty for a hover, or where nothing can be completed).
    pub items: Vec<ViewCompletion>,
    /// The hover, if the pointer is on a documented key.
    pub hover: Option<ViewHover>,
}

/// One completion, ready for the editor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewCompletion {
    /// What the list shows.
    pub label: String,
    /// What accepting it writes in place of the word.
    pub insert: String,
    /// `key` or `value`.
    pub kind: String,
    /// One line on what it is.
    pub doc: String,
    /// The code of the rule that checks it (the playground opens its page).
    pub code: Option<String>,
    /// The rule page's address.
    pub url: Option<String>,
}

/// The doc of a key, shown when the pointer rests on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewHover {
    /// The key's start, UTF-16 offset.
    pub from16: u32,
    /// Its end.
    pub to16: u32,
    /// The key.
    pub key: String,
    /// One line on what it is.
    pub doc: String,
    /// The code of the rule that checks it.
    pub code: Option<String>,
    /// The rule page's address.
    pub url: Option<String>,
}

/// Another file of the workspace, as a file's request carries it ([`FileInput::related`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedFile {
    /// File id.
    pub id: u32,
    /// Its version.
    pub version: u64,
    /// File name.
    pub name: String,
    /// The text.
    #[serde(with = "utf8")]
    pub text: String,
    /// How its kind is chosen: `auto`, `text` or a kind's id.
    pub kind: String,
}

impl RelatedFile {
    /// Its id and version.
    pub fn version(&self) -> FileVersion {
        FileVersion {
            id: self.id,
            version: self.version,
        }
    }
}

/// A file at one of its versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FileVersion {
    /// File id.
    pub id: u32,
    /// The version.
    pub version: u64,
}

/// What the simulation panels are asked to show: the JSON the workspace keeps with each file
/// (`{"l":{…},"a":{…}}`, short keys because they end up in links). Every part is optional and
/// read on its own, so one unreadable part (a link from a newer version) loses only itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PanelInputs {
    /// The deployment the AppSpec timeline simulates.
    #[serde(rename = "l", skip_serializing_if = "is_default")]
    pub scenario: Scenario,
    /// The "Assume role?" form; `None` until the user changes it (the engine then suggests one
    /// from the policy).
    #[serde(rename = "a", skip_serializing_if = "Option::is_none")]
    pub assume: Option<AssumeForm>,
    /// What happens in the simulated pipeline run.
    #[serde(rename = "p", skip_serializing_if = "is_default")]
    pub pipeline: cicd_core::pipeline::Scenario,
    /// What happens in the simulated deployment (faults, alarms, fleet).
    #[serde(rename = "d", skip_serializing_if = "is_default")]
    pub deployment: cicd_core::deployment::Scenario,
    /// A predefined configuration the same deployment is compared with (its name).
    #[serde(rename = "dc", skip_serializing_if = "Option::is_none")]
    pub compare: Option<String>,
    /// A predefined configuration the deployment runs with instead of the file's own (its name;
    /// its platform is the deployment's).
    #[serde(rename = "dn", skip_serializing_if = "Option::is_none")]
    pub config: Option<String>,
    /// A configuration tab of the workspace the deployment runs with instead of the file's own
    /// (the `deployment-config` file's name; it wins over [`PanelInputs::config`]). When no tab
    /// has that name any more (renamed or closed), the file's own configuration runs and the
    /// panel says why; a tab given that name again is chosen again.
    #[serde(rename = "df", skip_serializing_if = "Option::is_none")]
    pub config_tab: Option<String>,
    /// An AppSpec's deployment: the deployment group tab it runs through (its file name), when
    /// the workspace has several; by default the first of the AppSpec's platform.
    #[serde(rename = "dg", skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// Whether a part of the settings is as it starts: such parts are left out of the JSON, so that
/// share links and autosaves carry only what the learner changed.
fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl PanelInputs {
    /// Reads a file's panel settings; whatever cannot be read is left at its default.
    pub fn parse(json: &str) -> PanelInputs {
        let Ok(serde_json::Value::Object(mut parts)) = serde_json::from_str(json) else {
            return PanelInputs::default();
        };
        let mut part = |key: &str| parts.remove(key).unwrap_or(serde_json::Value::Null);
        PanelInputs {
            scenario: serde_json::from_value(part("l")).unwrap_or_default(),
            assume: serde_json::from_value(part("a")).ok().flatten(),
            pipeline: serde_json::from_value(part("p")).unwrap_or_default(),
            deployment: serde_json::from_value(part("d")).unwrap_or_default(),
            compare: serde_json::from_value(part("dc")).ok().flatten(),
            config: serde_json::from_value(part("dn")).ok().flatten(),
            config_tab: serde_json::from_value(part("df")).ok().flatten(),
            group: serde_json::from_value(part("dg")).ok().flatten(),
        }
    }

    /// The key and JSON of the "Assume role?" part of the settings set to `form`: a panel of
    /// another file fills a trust policy's form with it (the shell puts the part into that
    /// file's settings, leaving the other parts as they are).
    pub fn assume_part(form: &AssumeForm) -> (String, String) {
        (
            "a".to_string(),
            serde_json::to_string(form).unwrap_or_default(),
        )
    }

    /// The settings as the workspace keeps them (empty for the defaults).
    pub fn to_json(&self) -> String {
        if *self == PanelInputs::default() {
            return String::new();
        }
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Who asks to assume the role.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AssumeMode {
    /// A GitHub Actions run (its OIDC token).
    #[default]
    Github,
    /// Any principal, with a raw request context.
    Principal,
}

/// The "Assume role?" form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AssumeForm {
    /// GitHub run or raw principal.
    pub mode: AssumeMode,
    /// `owner/repo`.
    pub repo: String,
    /// Triggering event.
    pub event: String,
    /// Branch or tag (`main`, `refs/tags/v1`).
    pub git_ref: String,
    /// Environment the job references (empty for none).
    pub environment: String,
    /// Requested audience (empty for the default).
    pub audience: String,
    /// `aws:ARN`, `service:NAME` or `federated:ARN`.
    pub principal: String,
    /// The action (empty for the caller's default).
    pub action: String,
    /// Extra context keys, one `key=value` per line.
    pub context: String,
}

/// The engine's answer about one file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    /// File id.
    pub id: u32,
    /// The version this report is for.
    pub version: u64,
    /// The panel settings this report's panel is for, as sent ([`FileInput::scenario`]).
    pub scenario: String,
    /// The same settings as the panels used them (defaults filled in, the "Assume role?" form
    /// suggested from the policy when the settings had none).
    pub inputs: PanelInputs,
    /// [`FileReport::inputs`] as the workspace keeps them ([`PanelInputs::to_json`]).
    pub inputs_json: String,
    /// Whether the engine suggested the "Assume role?" form (the shell then keeps it with the
    /// file, so that editing the policy changes the answer rather than the question).
    pub suggested: bool,
    /// How the file was checked.
    pub status: CheckStatus,
    /// Findings, sorted by position.
    pub diagnostics: Vec<ViewDiagnostic>,
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// The ranges of the file the panel points at (shown in the editor).
    pub highlights: Vec<Highlight>,
    /// The simulation panel of the file's kind, if it has one.
    pub panel: Panel,
    /// The other files this report was made with, as the request named them
    /// ([`FileInput::related`]).
    pub related: Vec<FileVersion>,
}

/// Whether and how a file was checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckStatus {
    /// Checked by its kind's validator.
    Checked(Kind),
    /// Recognised, but its kind has no validator yet.
    Unsupported(Kind),
    /// Not a configuration kind: plain text.
    PlainText,
}

impl CheckStatus {
    /// The kind the file was recognised as, if any.
    pub fn kind(self) -> Option<Kind> {
        match self {
            CheckStatus::Checked(kind) | CheckStatus::Unsupported(kind) => Some(kind),
            CheckStatus::PlainText => None,
        }
    }
}

/// A diagnostic ready for display: positions for people (1-based line/column in characters) and
/// for the editor (UTF-16 offsets).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewDiagnostic {
    /// Rule code.
    pub code: String,
    /// Rule name.
    pub name: String,
    /// Severity.
    pub severity: cicd_core::Severity,
    /// Message.
    pub message: String,
    /// Help text.
    pub help: Option<String>,
    /// 1-based line of the start.
    pub line: u32,
    /// 1-based character column of the start.
    pub column: u32,
    /// Start, UTF-16 offset.
    pub from16: u32,
    /// End, UTF-16 offset.
    pub to16: u32,
    /// A mechanical fix, in UTF-16 offsets.
    pub fix: Option<ViewFix>,
    /// For a finding that relates files, its places in the other files.
    #[serde(default)]
    pub elsewhere: Vec<ViewLabel>,
}

/// A place in another file of the workspace a finding points at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewLabel {
    /// The place.
    pub at: FilePlace,
    /// The file's name.
    pub name: String,
    /// What this place has to do with the finding.
    pub message: String,
}

/// A place in a file of the workspace: the file's id, 1-based line and column, UTF-16 offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilePlace {
    /// File id.
    pub file: u32,
    /// 1-based line of the start.
    pub line: u32,
    /// 1-based character column of the start.
    pub column: u32,
    /// Start, UTF-16 offset.
    pub from16: u32,
    /// End, UTF-16 offset.
    pub to16: u32,
}

impl FilePlace {
    /// `place` in file `file`.
    pub fn new(file: u32, place: Place) -> FilePlace {
        FilePlace {
            file,
            line: place.line,
            column: place.column,
            from16: place.from16,
            to16: place.to16,
        }
    }
}

/// A fix ready for the editor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewFix {
    /// Button text.
    pub title: String,
    /// Start, UTF-16 offset.
    pub from16: u32,
    /// End, UTF-16 offset.
    pub to16: u32,
    /// Replacement text.
    pub insert: String,
}

/// The simulation panel next to a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Panel {
    /// The file's kind has no simulation (or the file could not be checked).
    None,
    /// An AppSpec's lifecycle timeline.
    Lifecycle(Box<LifecycleView>),
    /// A trust policy's "Assume role?" answer.
    Trust(Box<TrustView>),
    /// A pipeline's simulated run.
    Pipeline(Box<PipelineView>),
    /// A deployment group's or configuration's simulated deployment.
    Deployment(Box<DeploymentView>),
    /// A workflow's "Who can assume?": its admission table against the workspace's trust
    /// policies.
    Admission(Box<AdmissionView>),
}

/// "Who can assume?": the admission table of the workspace's workflows (the file's among them)
/// against each trust policy of the workspace that trusts GitHub's OIDC provider.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdmissionView {
    /// The workflow's file id.
    pub workflow: u32,
    /// Whether the workflow could be read.
    pub readable: bool,
    /// One table per trust policy that trusts GitHub's OIDC provider, in tab order.
    pub tables: Vec<AdmissionTable>,
    /// The workspace's other trust policies, not compared, and why.
    pub skipped: Vec<SkippedPolicy>,
}

/// The workflows against one trust policy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdmissionTable {
    /// The policy's file id.
    pub policy: u32,
    /// The core's table, its places in the workspace's files.
    pub report: AdmissionReport<FilePlace>,
    /// For each over-broad caller (same order), the "Assume role?" form that tries it in the
    /// policy's panel (`None` when its `sub` is not GitHub's default form).
    pub try_forms: Vec<Option<AssumeForm>>,
    /// Whether this is the only policy that trusts GitHub's provider, so that the cross-file
    /// findings (GHA080–GHA082) come from this table; with several, which role the workflows
    /// assume is not certain and the tables are shown without findings.
    pub certain: bool,
}

/// A trust policy of the workspace the workflows are not compared with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedPolicy {
    /// Its file id.
    pub policy: u32,
    /// Its file name.
    pub name: String,
    /// Why (`unreadable` or `not-github`).
    pub why: String,
}

/// The deployment panel: the core's simulated deployment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeploymentView {
    /// The deployment.
    pub report: cicd_core::deployment::DeploymentReport,
    /// What was deployed ("the group's configuration", …).
    pub source: String,
    /// The same deployment and scenario under the configuration compared with.
    pub compare: Option<cicd_core::deployment::DeploymentReport>,
    /// The predefined configurations of the platform, to compare with.
    pub alternatives: Vec<String>,
    /// The configuration the file itself gives the deployment (its name).
    pub own_config: String,
    /// The predefined configuration chosen instead of the file's own, if any.
    pub chosen: Option<String>,
    /// Why the deployment runs another configuration or group than the one named (a custom
    /// configuration no tab defines, a chosen tab renamed or closed, …): which one ran instead
    /// and why.
    #[serde(default)]
    pub note: Option<String>,
    /// The workspace's configuration tabs, to run with instead of the file's own.
    #[serde(default)]
    pub tabs: Vec<ConfigTab>,
    /// The configuration tab the deployment runs with (its file name), when one is chosen and
    /// in the workspace.
    #[serde(default)]
    pub chosen_tab: Option<String>,
    /// An AppSpec's deployment: the workspace's deployment group tabs (file names), to choose
    /// from.
    #[serde(default)]
    pub groups: Vec<String>,
    /// An AppSpec's deployment: the group tab it runs through (`None`: a default group of the
    /// AppSpec's platform).
    #[serde(default)]
    pub group_tab: Option<String>,
    /// A group's deployment: the workspace's AppSpec whose lifecycle and hooks it runs (its file
    /// name).
    #[serde(default)]
    pub appspec: Option<String>,
    /// The lifecycle events the scenario can make fail (the AppSpec's hook functions on ECS and
    /// Lambda, each instance's events on EC2/on-premises).
    #[serde(default)]
    pub hooks: Vec<String>,
}

/// A configuration tab of the workspace (a `deployment-config` file), as a deployment panel
/// offers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigTab {
    /// The file's name (what the settings keep).
    pub name: String,
    /// The name of the configuration it defines (empty when it has none).
    pub config: String,
    /// Its platform's title (empty when not known).
    pub platform: String,
}

/// The pipeline panel: the core's simulated run, placed for the editor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PipelineView {
    /// The run of the file's first pipeline.
    pub report: cicd_core::pipeline::PipelineReport<Place>,
    /// How many other pipelines the file holds (a template may hold several).
    pub others: usize,
}

/// The lifecycle panel: the core's report, placed for the editor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LifecycleView {
    /// The timeline.
    pub report: LifecycleReport<Place>,
    /// The AppSpec's deployment: through the workspace's deployment group of its platform (or a
    /// default group), with the AppSpec's lifecycle and hooks.
    #[serde(default)]
    pub deployment: Option<Box<DeploymentView>>,
}

/// A range of the editor to highlight, with a class (`allow`, `deny` or `fail`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlight {
    /// Start, UTF-16 offset.
    pub from16: u32,
    /// End, UTF-16 offset.
    pub to16: u32,
    /// `allow`, `deny` or `fail`.
    pub class: String,
}

/// The "Assume role?" panel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrustView {
    /// The form the answer is for (the suggested one when the user has not changed it).
    pub form: AssumeForm,
    /// The policy could be read (valid JSON with statements).
    pub readable: bool,
    /// A problem with the form (not OWNER/REPO, unknown principal kind, a bad context line).
    pub form_error: Option<String>,
    /// The answer (absent when the policy is unreadable or the form has a problem).
    pub report: Option<AssumeReport<Place>>,
    /// "Who gets in?"
    pub wildcards: Vec<WildcardView>,
}

/// Callers an opening of the policy lets in: a wildcard, a missing `sub` condition or a dropped
/// condition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WildcardView {
    /// What lets them in: `wildcard`, `no-sub-condition` (then `operator` and `pattern` are
    /// empty and `key` is the key no condition checks) or `dropped-condition` (the condition IAM
    /// drops).
    pub opening: String,
    /// The operator.
    pub operator: String,
    /// The key.
    pub key: String,
    /// The wildcard value.
    pub pattern: String,
    /// Examples of callers it admits.
    pub admitted: Vec<AdmittedCaller>,
}

/// One caller a wildcard admits, with the form that tries it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdmittedCaller {
    /// The value that matches.
    pub value: String,
    /// Who that is.
    pub note: String,
    /// Whether it is probably not meant to get in.
    pub unintended: bool,
    /// The form that tries this caller.
    pub try_form: AssumeForm,
}

/// What the engine's worker says to the shell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The engine is loaded and listening.
    Ready,
    /// An answer about a file.
    Report(Box<FileReport>),
    /// An answer to the editor's question at its cursor.
    Assist(Box<AssistReport>),
    /// A request about a file needed no answer (a panel request for a version the engine has
    /// not analysed: the file's `Analyze` follows). Lets the shell send the file's next request.
    Skipped {
        /// File id.
        id: u32,
    },
    /// The engine stopped because of an internal error (a panic); it answers nothing more.
    Stopped(String),
}

/// Texts travel as UTF-8 bytes (a `Uint8Array` from `serde-wasm-bindgen`), not as strings: the
/// shell keeps its texts in Rust, so a string would be re-encoded to UTF-16 on the way out and
/// back to UTF-8 in the worker (≈ 1.5 ms for a 5,000-line file, on every keystroke), where bytes
/// are copied. Reading accepts a string too (shells built before texts were bytes,
/// `scripts/bench/engine.mjs` with `STRING=1`) and an array of numbers (serde_json); bytes
/// that are not UTF-8 are refused like any malformed request.
mod utf8 {
    use serde::de::{self, Deserializer, SeqAccess, Visitor};
    use serde::ser::Serializer;
    use std::fmt;

    pub fn serialize<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(text.as_bytes())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_any(Text)
    }

    struct Text;

    impl<'de> Visitor<'de> for Text {
        type Value = String;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a text (a string or its UTF-8 bytes)")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }

        fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
            Ok(v)
        }

        fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<String, E> {
            self.visit_byte_buf(v.to_vec())
        }

        fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<String, E> {
            String::from_utf8(v).map_err(|_| E::custom("a text that is not UTF-8"))
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<String, A::Error> {
            let mut bytes = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
            while let Some(b) = seq.next_element::<u8>()? {
                bytes.push(b);
            }
            self.visit_byte_buf(bytes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(text: &str) -> FileInput {
        FileInput {
            id: 1,
            version: 2,
            name: "buildspec.yml".into(),
            text: text.into(),
            kind: "auto".into(),
            image: None,
            scenario: String::new(),
            related: Vec::new(),
        }
    }

    #[test]
    fn texts_travel_as_utf8_bytes_and_are_read_back_from_bytes_or_strings() {
        let original = input("version: 0.2\n# é — 🚀\n");
        let json = serde_json::to_value(&original).expect("serializes");
        // Bytes, not a string (serde_json writes bytes as an array of numbers).
        assert!(json["text"].is_array(), "{json}");
        assert_eq!(
            serde_json::from_value::<FileInput>(json).expect("reads bytes"),
            original
        );

        let mut as_string = serde_json::to_value(&original).expect("serializes");
        as_string["text"] = serde_json::Value::from("version: 0.2\n# é — 🚀\n");
        assert_eq!(
            serde_json::from_value::<FileInput>(as_string).expect("reads a string"),
            original
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused() {
        let mut json = serde_json::to_value(input("x")).expect("serializes");
        json["text"] = serde_json::json!([0xff, 0xfe]);
        let err = serde_json::from_value::<FileInput>(json).expect_err("not UTF-8");
        assert!(err.to_string().contains("not UTF-8"), "{err}");
    }
}
