//! The playground's analysis engine. It answers the shell's [`Request`]s with [`FileReport`]s,
//! using the core: one [`cicd_core::analyze`] per edit of a file, kept so that the panels
//! (lifecycle timeline, "Assume role?") are derived from that same analysis when only their
//! inputs change. The playground runs it in a Web Worker; tests run it natively.
//!
//! A file whose findings depend on other files (a workflow and the trust policies of the roles
//! it may assume) comes with those files ([`FileInput::related`]): the engine analyses each of
//! their versions once — reusing its own analysis when it also answers for that file, since the
//! shell may send files to either of its two engines — and its report names the versions it was
//! made with ([`FileReport::related`]).

mod admission;
mod assist;
mod check;
mod deployment;
mod lifecycle;
mod pipeline;
pub mod protocol;
mod trust;

use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;

use cicd_core::{Analysis, Kind, Model};
use cicd_share::workspace::KindChoice;

pub use protocol::{
    AdmissionTable, AdmissionView, AdmittedCaller, AssumeForm, AssumeMode, CheckStatus, ConfigTab,
    DeploymentView, FileInput, FilePlace, FileReport, FileVersion, Highlight, LifecycleView, Panel,
    PanelInputs, PipelineView, RelatedFile, Reply, Request, SkippedPolicy, TrustView,
    ViewDiagnostic, ViewFix, ViewLabel, WildcardView,
};
pub use protocol::{AssistInput, AssistKind, AssistReport, ViewCompletion, ViewHover};
pub use protocol::{INLINE_MAX_BYTES, QUICK_MAX_BYTES};

/// A file's text and what the engine made of it: analysed once per text, name, kind choice and
/// image, and shared between the file's own report and the reports of files related to it.
struct Analyzed {
    name: String,
    text: String,
    kind_choice: String,
    image: Option<String>,
    kind: Option<Kind>,
    analysis: Option<Analysis>,
}

impl Analyzed {
    fn same(&self, name: &str, text: &str, kind_choice: &str, image: Option<&String>) -> bool {
        self.text == text && self.same_file(name, kind_choice, image)
    }

    /// The same file but for its text: the same name, kind choice and image.
    fn same_file(&self, name: &str, kind_choice: &str, image: Option<&String>) -> bool {
        self.name == name && self.kind_choice == kind_choice && self.image.as_ref() == image
    }
}

/// What the engine keeps of a file it answers for: its version and panel settings, its analysis,
/// and the related files its last request named.
struct Entry {
    id: u32,
    version: u64,
    scenario: String,
    file: Rc<Analyzed>,
    related: Vec<(RelatedFile, Rc<Analyzed>)>,
}

/// The engine: the files' analyses, and a count of analyses made (what tests check to prove that
/// each edit is analysed once).
#[derive(Default)]
pub struct Engine {
    files: HashMap<u32, Entry>,
    /// Analyses of files the engine was sent only as related files (another engine may answer
    /// for them), by file id: the latest text of each.
    others: HashMap<u32, Rc<Analyzed>>,
    analyses: u64,
}

impl Engine {
    /// An engine that knows no file.
    pub fn new() -> Engine {
        Engine::default()
    }

    /// How many times a file was analysed so far.
    pub fn analyses(&self) -> u64 {
        self.analyses
    }

    /// Answers one request (`None` for a request that needs no answer).
    pub fn handle(&mut self, request: Request) -> Option<FileReport> {
        match request {
            Request::Analyze(input) => Some(self.analyze(input)),
            Request::Panel {
                id,
                version,
                scenario,
            } => {
                let entry = self.files.get_mut(&id)?;
                if entry.version != version {
                    // A panel request for a version the engine has not seen: its `Analyze`
                    // follows, and answers for both.
                    return None;
                }
                entry.scenario = scenario;
                Some(report(entry))
            }
            // Answered by [`Engine::assist`].
            Request::Assist(_) => None,
            Request::Forget { id } => {
                self.files.remove(&id);
                self.others.remove(&id);
                None
            }
            Request::DebugPanic => {
                // An out-of-bounds read, like a real bug would do.
                let empty: Vec<u8> = Vec::new();
                let index = std::hint::black_box(empty.len() + 1);
                let _ = std::hint::black_box(empty[index]);
                None
            }
        }
    }

    /// Whether the engine can answer `input` at once, without reading a whole text: it knows the
    /// file's previous version (the same name, kind and image) and the edit since stays inside
    /// one line's plain scalar ([`cicd_core::reparses`]), and it knows every related file as the
    /// request carries it. For the playground's main thread, which answers such edits of large
    /// files itself and hands the others to the worker.
    pub fn quick(&self, input: &FileInput) -> bool {
        let Some(entry) = self.files.get(&input.id) else {
            return false;
        };
        let file = &entry.file;
        let (Some(kind), Some(analysis)) = (file.kind, &file.analysis) else {
            return false;
        };
        let image = input.image.as_ref();
        file.same_file(&input.name, &input.kind, image)
            && kind_of(&input.kind, &input.name, &input.text) == Some(kind)
            && (file.text == input.text
                || cicd_core::reparses(
                    kind,
                    &input.text,
                    &options(input.image.clone()),
                    &file.text,
                    &analysis.document,
                ))
            && input.related.iter().all(|r| {
                r.id == input.id || self.known(r.id, &r.name, &r.text, &r.kind, image).is_some()
            })
    }

    /// The analysis the engine has of file `id` with this text, name, kind choice and image (as
    /// the file's own or as a related file), if any.
    fn known(
        &self,
        id: u32,
        name: &str,
        text: &str,
        kind_choice: &str,
        image: Option<&String>,
    ) -> Option<&Rc<Analyzed>> {
        self.files
            .get(&id)
            .map(|e| &e.file)
            .into_iter()
            .chain(self.others.get(&id))
            .find(|a| a.same(name, text, kind_choice, image))
    }

    /// Answers the editor's question at its cursor (completion or hover), from the text it
    /// carries: the file being typed need not have been analysed.
    pub fn assist(&self, input: &AssistInput) -> AssistReport {
        assist::answer(input)
    }

    /// The analysis of file `id` with this text, name, kind choice and image: the one the engine
    /// has (as the file's own or as a related file) when they are the same, else a new one. `own`:
    /// the file is the request's own, whose entry the new analysis replaces.
    fn analyzed(
        &mut self,
        own: bool,
        id: u32,
        name: String,
        text: String,
        kind_choice: String,
        image: Option<String>,
    ) -> (Rc<Analyzed>, bool) {
        if let Some(known) = self.known(id, &name, &text, &kind_choice, image.as_ref()) {
            return (known.clone(), false);
        }
        let kind = kind_of(&kind_choice, &name, &text);
        let options = options(image.clone());
        // The file's previous version, when only its text changed: its document lets an edit
        // inside one line's plain scalar skip reading the whole text again. The file's own
        // previous analysis, when nothing else holds it, is about to be replaced: its document is
        // taken and changed where it is.
        let previous = self
            .files
            .get_mut(&id)
            .map(|e| &mut e.file)
            .filter(|a| kind.is_some() && a.same_file(&name, &kind_choice, image.as_ref()))
            .and_then(|file| {
                let taken = if own {
                    Rc::get_mut(file).and_then(|a| a.analysis.take())
                } else {
                    None
                };
                let file = &**file;
                let document = match taken {
                    Some(analysis) => Cow::Owned(analysis.document),
                    None => Cow::Borrowed(&file.analysis.as_ref()?.document),
                };
                Some((file.text.as_str(), document))
            });
        let analysis = kind.and_then(|k| {
            match previous {
                Some((old, document)) => {
                    cicd_core::analyze_edited(k, &text, &options, old, document)
                }
                None => cicd_core::analyze(k, &text, &options),
            }
            .ok()
        });
        if analysis.is_some() {
            self.analyses += 1;
        }
        let analyzed = Rc::new(Analyzed {
            name,
            text,
            kind_choice,
            image,
            kind,
            analysis,
        });
        (analyzed, true)
    }

    fn analyze(&mut self, mut input: FileInput) -> FileReport {
        let id = input.id;
        let related_inputs = std::mem::take(&mut input.related);
        let (file, new) = self.analyzed(
            true,
            id,
            input.name,
            input.text,
            input.kind,
            input.image.clone(),
        );
        if new {
            // The file's own analysis stands for it from now on.
            self.others.remove(&id);
        }
        let mut related = Vec::with_capacity(related_inputs.len());
        for mut r in related_inputs {
            if r.id == id {
                continue;
            }
            let text = std::mem::take(&mut r.text);
            let (analyzed, new) = self.analyzed(
                false,
                r.id,
                r.name.clone(),
                text,
                r.kind.clone(),
                input.image.clone(),
            );
            if new {
                self.others.insert(r.id, analyzed.clone());
            }
            related.push((r, analyzed));
        }
        let entry = Entry {
            id,
            version: input.version,
            scenario: input.scenario,
            file,
            related,
        };
        let answer = report(&entry);
        self.files.insert(id, entry);
        answer
    }
}

/// The kind a file is checked as: the one chosen, or the one its name and text tell.
fn kind_of(kind_choice: &str, name: &str, text: &str) -> Option<Kind> {
    match KindChoice::from_id(kind_choice).unwrap_or_default() {
        KindChoice::Text => None,
        KindChoice::Auto => Kind::detect(Some(name), text),
        KindChoice::Kind(kind) => Some(kind),
    }
}

/// The core's options for a file checked with this build image.
fn options(image: Option<String>) -> cicd_core::Options {
    cicd_core::Options {
        buildspec: cicd_core::buildspec::Options { image },
        ..cicd_core::Options::default()
    }
}

/// The report of a file from what the engine keeps of it.
fn report(entry: &Entry) -> FileReport {
    let file = &entry.file;
    let text = &file.text;
    let status = match (file.kind, &file.analysis) {
        (None, _) => CheckStatus::PlainText,
        (Some(kind), Some(_)) => CheckStatus::Checked(kind),
        (Some(kind), None) => CheckStatus::Unsupported(kind),
    };
    let mut inputs = PanelInputs::parse(&entry.scenario);
    let mut suggested = false;
    let (diagnostics, panel) = match &file.analysis {
        Some(analysis) => {
            let index = check::line_index(text, analysis);
            let workspace = admission::Workspace::new(entry, analysis);
            let panel = match &analysis.model {
                Model::Appspec(spec) => {
                    let mut panel =
                        lifecycle::panel(text, &index, analysis, spec, &inputs.scenario);
                    if let Panel::Lifecycle(view) = &mut panel {
                        view.deployment = deployment::appspec_view(entry, analysis, spec, &inputs);
                    }
                    panel
                }
                Model::TrustPolicy(policy) => {
                    if inputs.assume.is_none() {
                        inputs.assume = Some(trust::suggested_form(policy));
                        suggested = true;
                    }
                    trust::panel(text, &index, analysis, policy, inputs.assume.as_ref())
                }
                Model::Pipeline(file) => {
                    pipeline::panel(text, &index, analysis, file, &inputs.pipeline)
                }
                Model::Workflow(_) => workspace
                    .as_ref()
                    .map_or(Panel::None, admission::Workspace::panel),
                Model::Buildspec(_) | Model::TaskDefinition(_) | Model::ImageDefinitions(_) => {
                    Panel::None
                }
                Model::DeploymentGroup(_) | Model::DeploymentConfig(_) => {
                    deployment::panel(entry, analysis, &inputs)
                }
            };
            let mut diagnostics = check::diagnostics(text, &index, analysis);
            if let Some(workspace) = &workspace {
                diagnostics.extend(workspace.findings());
                diagnostics.sort_by_key(|d| (d.from16, d.to16));
            }
            (diagnostics, panel)
        }
        None => (Vec::new(), Panel::None),
    };
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    let highlights = match &panel {
        Panel::Lifecycle(view) => lifecycle::highlights(view),
        Panel::Trust(view) => trust::highlights(view),
        Panel::Admission(view) => admission::highlights(view),
        _ => Vec::new(),
    };
    FileReport {
        id: entry.id,
        version: entry.version,
        scenario: entry.scenario.clone(),
        inputs_json: inputs.to_json(),
        inputs,
        suggested,
        highlights,
        status,
        errors: count(cicd_core::Severity::Error),
        warnings: count(cicd_core::Severity::Warning),
        diagnostics,
        panel,
        related: entry.related.iter().map(|(r, _)| r.version()).collect(),
    }
}
