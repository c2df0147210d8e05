//! The playground's analysis engine. It answers the shell's [`Request`]s with [`FileReport`]s,
//! using the core: one [`cicd_core::analyze`] per edit of a file, kept so that the panels
//! (lifecycle timeline, "Assume role?") are derived from that same analysis when only their
//! inputs change. The playground runs it in a Web Worker; tests run it natively.

mod check;
mod deployment;
mod lifecycle;
mod pipeline;
pub mod protocol;
mod trust;

use std::collections::HashMap;

use cicd_core::{Analysis, Kind, Model};
use cicd_share::workspace::KindChoice;

pub use protocol::{
    AdmittedCaller, AssumeForm, AssumeMode, CheckStatus, DeploymentView, FileInput, FileReport,
    Highlight, LifecycleView, Panel, PanelInputs, PipelineView, Reply, Request, TrustView,
    ViewDiagnostic, ViewFix, WildcardView,
};

/// What the engine keeps of a file: its last input and the analysis made of it.
struct Entry {
    input: FileInput,
    kind: Option<Kind>,
    analysis: Option<Analysis>,
}

/// The engine: the files' analyses, and a count of analyses made (what tests check to prove that
/// each edit is analysed once).
#[derive(Default)]
pub struct Engine {
    files: HashMap<u32, Entry>,
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
                if entry.input.version != version {
                    // A panel request for a version the engine has not seen: its `Analyze`
                    // follows, and answers for both.
                    return None;
                }
                entry.input.scenario = scenario;
                Some(report(entry))
            }
            Request::Forget { id } => {
                self.files.remove(&id);
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

    fn analyze(&mut self, input: FileInput) -> FileReport {
        let id = input.id;
        // The same text, name, kind choice and image as last time: the analysis still holds.
        let reuse = self.files.get(&id).is_some_and(|e| {
            e.input.text == input.text
                && e.input.name == input.name
                && e.input.kind == input.kind
                && e.input.image == input.image
        });
        if reuse && let Some(entry) = self.files.get_mut(&id) {
            entry.input = input;
            return report(entry);
        }
        let kind = match KindChoice::from_id(&input.kind).unwrap_or_default() {
            KindChoice::Text => None,
            KindChoice::Auto => Kind::detect(Some(&input.name), &input.text),
            KindChoice::Kind(kind) => Some(kind),
        };
        let options = cicd_core::Options {
            buildspec: cicd_core::buildspec::Options {
                image: input.image.clone(),
            },
            ..cicd_core::Options::default()
        };
        let analysis = kind.and_then(|k| cicd_core::analyze(k, &input.text, &options).ok());
        if analysis.is_some() {
            self.analyses += 1;
        }
        let entry = Entry {
            input,
            kind,
            analysis,
        };
        let answer = report(&entry);
        self.files.insert(id, entry);
        answer
    }
}

/// The report of a file from what the engine keeps of it.
fn report(entry: &Entry) -> FileReport {
    let input = &entry.input;
    let text = &input.text;
    let status = match (entry.kind, &entry.analysis) {
        (None, _) => CheckStatus::PlainText,
        (Some(kind), Some(_)) => CheckStatus::Checked(kind),
        (Some(kind), None) => CheckStatus::Unsupported(kind),
    };
    let mut inputs = PanelInputs::parse(&input.scenario);
    let mut suggested = false;
    let (diagnostics, panel) = match &entry.analysis {
        Some(analysis) => {
            let index = check::line_index(text, analysis);
            let panel = match &analysis.model {
                Model::Appspec(spec) => {
                    lifecycle::panel(text, &index, analysis, spec, &inputs.scenario)
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
                Model::Buildspec(_) | Model::Workflow(_) => Panel::None,
                Model::DeploymentGroup(_) | Model::DeploymentConfig(_) => deployment::panel(
                    &analysis.model,
                    &inputs.deployment,
                    inputs.compare.as_deref(),
                    inputs.config.as_deref(),
                ),
            };
            (check::diagnostics(text, &index, analysis), panel)
        }
        None => (Vec::new(), Panel::None),
    };
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    let highlights = match &panel {
        Panel::Lifecycle(view) => view.highlights.clone(),
        Panel::Trust(view) => view.highlights.clone(),
        _ => Vec::new(),
    };
    FileReport {
        id: input.id,
        version: input.version,
        scenario: input.scenario.clone(),
        inputs_json: inputs.to_json(),
        inputs,
        suggested,
        highlights,
        status,
        errors: count(cicd_core::Severity::Error),
        warnings: count(cicd_core::Severity::Warning),
        diagnostics,
        panel,
    }
}
