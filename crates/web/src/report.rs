//! The part of the engine's answers the shell reads. The engine sends a whole
//! [`cicd_engine::FileReport`]; the shell reads its diagnostics, statuses and highlights, and
//! hands the whole object, unread, to the panels module (`crates/panels`), which alone reads the
//! panel (so that the first paint carries no code to read simulations).

use cicd_engine::{CheckStatus, FileVersion, Highlight, ViewDiagnostic};
use serde::Deserialize;
use serde::de::IgnoredAny;

/// Which panel a report has (its content is not read here).
#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize)]
pub enum PanelKind {
    /// No panel.
    #[default]
    None,
    /// An AppSpec's lifecycle timeline.
    Lifecycle(IgnoredAny),
    /// A trust policy's "Assume role?" answer.
    Trust(IgnoredAny),
    /// A pipeline run.
    Pipeline(IgnoredAny),
    /// A deployment.
    Deployment(IgnoredAny),
    /// A workflow's "Who can assume?".
    Admission(IgnoredAny),
}

/// What the shell reads of a [`cicd_engine::FileReport`] (same field names).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ShellReport {
    /// File id.
    pub id: u32,
    /// The version this report is for.
    pub version: u64,
    /// The panel settings this report's panel is for, as sent.
    pub scenario: String,
    /// The settings as the panels used them, as the workspace keeps them.
    pub inputs_json: String,
    /// Whether the engine suggested the "Assume role?" form.
    pub suggested: bool,
    /// How the file was checked.
    pub status: CheckStatus,
    /// Findings, sorted by position.
    pub diagnostics: Vec<ViewDiagnostic>,
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// The ranges of the file the panel points at.
    pub highlights: Vec<Highlight>,
    /// Which panel the report has.
    pub panel: PanelKind,
    /// The related files (ids and versions) the report was made with.
    #[serde(default)]
    pub related: Vec<FileVersion>,
    /// The whole report as received (a plain object), for the panels module; `None` natively.
    #[serde(skip)]
    pub raw: Raw,
}

/// A report as the engine sent it.
#[derive(Clone, Debug, Default)]
pub struct Raw(pub Option<wasm_bindgen::JsValue>);

impl PartialEq for Raw {
    fn eq(&self, other: &Raw) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => a == b,
            (None, None) => true,
            _ => false,
        }
    }
}

/// The shell's part of an answer to the editor's question ([`cicd_engine::AssistReport`]): its
/// number; the whole answer goes to the editor as received.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ShellAssist {
    /// The question's number.
    pub ask: u32,
    /// The answer as received (a plain object); `None` natively.
    #[serde(skip)]
    pub raw: Raw,
}

/// What the shell reads of a [`cicd_engine::Reply`] (the same variants).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub enum ShellReply {
    /// The engine is ready.
    Ready,
    /// A report.
    Report(Box<ShellReport>),
    /// An answer to the editor's question at its cursor.
    Assist(Box<ShellAssist>),
    /// Nothing to report for a file.
    Skipped {
        /// File id.
        id: u32,
    },
    /// The engine stopped.
    Stopped(String),
}

#[cfg(test)]
mod tests {
    use super::*;
    use cicd_engine::{AssistInput, AssistKind, Engine, FileInput, Reply, Request};

    /// The engine's replies read as the shell reads them (through JSON here, through plain
    /// objects in the browser: the same serde shapes).
    #[test]
    fn the_shell_reads_what_the_engine_sends() {
        let mut engine = Engine::new();
        let policy = include_str!("../../../examples/trust-policy-github-oidc.json");
        let report = engine
            .handle(Request::Analyze(FileInput {
                id: 7,
                version: 3,
                name: "trust-policy.json".into(),
                text: policy.into(),
                kind: "auto".into(),
                image: None,
                scenario: String::new(),
                related: Vec::new(),
            }))
            .expect("a report");
        let json = serde_json::to_string(&Reply::Report(Box::new(report.clone()))).unwrap();
        let ShellReply::Report(read) = serde_json::from_str(&json).unwrap() else {
            panic!("a report");
        };
        assert_eq!((read.id, read.version), (7, 3));
        assert_eq!(read.diagnostics, report.diagnostics);
        assert_eq!(read.highlights, report.highlights);
        assert!(matches!(read.panel, PanelKind::Trust(_)));
        assert!(read.suggested);
        assert_eq!(read.inputs_json, report.inputs.to_json());
        for reply in [
            Reply::Ready,
            Reply::Skipped { id: 2 },
            Reply::Stopped("x".into()),
        ] {
            let json = serde_json::to_string(&reply).unwrap();
            let read: ShellReply = serde_json::from_str(&json).unwrap();
            assert!(!matches!(read, ShellReply::Report(_)));
        }
    }

    /// An answer to the editor's question is read as its number (the rest goes to the editor).
    #[test]
    fn the_shell_reads_an_assist_answers_number() {
        let answer = Engine::new().assist(&AssistInput {
            ask: 9,
            what: AssistKind::Complete,
            id: 1,
            version: 1,
            name: "buildspec.yml".into(),
            text: "phases:\n  ".into(),
            kind: "auto".into(),
            image: None,
            offset16: 10,
        });
        assert_eq!(answer.items.len(), 4);
        let json = serde_json::to_string(&Reply::Assist(Box::new(answer))).unwrap();
        let ShellReply::Assist(read) = serde_json::from_str(&json).unwrap() else {
            panic!("an answer");
        };
        assert_eq!(read.ask, 9);
    }
}
