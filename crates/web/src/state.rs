//! The app's state and its pure reducer. The reducer calls the core (`cicd_core::check`) and
//! keeps the results; components only render state and dispatch actions. Tested natively.

use std::collections::BTreeMap;
use std::rc::Rc;

use cicd_core::appspec::{Scenario, Timeline};
use cicd_core::{Kind, LineIndex, Severity};
use cicd_share::workspace::{File, KindChoice, MAX_FILES, Theme, Workspace, effective_kind};
use yew::Reducible;

use crate::simulate::{AssumeForm, Highlight, TrustView, suggested_form, trust_view};

/// A diagnostic ready for display: positions for people (1-based line/column in characters) and
/// for the editor (UTF-16 offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewDiagnostic {
    /// Rule code.
    pub code: &'static str,
    /// Rule name.
    pub name: &'static str,
    /// Severity.
    pub severity: Severity,
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
}

/// A fix ready for the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// Whether and how a file was checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

/// The result of checking one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileCheck {
    /// How it was checked.
    pub status: CheckStatus,
    /// Findings, sorted by position.
    pub diagnostics: Vec<ViewDiagnostic>,
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
}

/// Checks one file with the core.
pub fn check_file(file: &File, image: Option<&str>) -> FileCheck {
    let Some(kind) = effective_kind(file) else {
        return FileCheck {
            status: CheckStatus::PlainText,
            diagnostics: Vec::new(),
            errors: 0,
            warnings: 0,
        };
    };
    let options = cicd_core::Options {
        buildspec: cicd_core::buildspec::Options {
            image: image.map(str::to_string),
        },
        ..cicd_core::Options::default()
    };
    let Ok(diagnostics) = cicd_core::check(kind, &file.text, &options) else {
        return FileCheck {
            status: CheckStatus::Unsupported(kind),
            diagnostics: Vec::new(),
            errors: 0,
            warnings: 0,
        };
    };
    let text = &file.text;
    // Positions are only needed when there is something to show (a clean 5,000-line file then
    // skips a pass over its text on every keystroke).
    let index = if diagnostics.is_empty() {
        LineIndex::new("")
    } else {
        LineIndex::new(text)
    };
    let view: Vec<ViewDiagnostic> = diagnostics
        .into_iter()
        .map(|d| {
            let (start, end) = index.range(text, d.span);
            let fix = d.fix.map(|f| {
                let (from, to) = index.range(text, f.span);
                ViewFix {
                    title: f.title,
                    from16: from.utf16_offset,
                    to16: to.utf16_offset,
                    insert: f.replacement,
                }
            });
            ViewDiagnostic {
                code: d.code,
                name: cicd_core::registry::rule(d.code).map_or("", |r| r.name),
                severity: d.severity,
                message: d.message,
                help: d.help,
                line: start.line,
                column: start.column,
                from16: start.utf16_offset,
                to16: end.utf16_offset,
                fix,
            }
        })
        .collect();
    FileCheck {
        status: CheckStatus::Checked(kind),
        errors: view
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count(),
        warnings: view
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count(),
        diagnostics: view,
    }
}

/// A message shown above the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Error (red) or information.
    pub error: bool,
    /// The text.
    pub text: String,
}

/// A modal dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dialog {
    /// The examples gallery.
    Gallery,
    /// The share link, built for the current workspace.
    Share,
    /// A link arrived while local work exists: replace, keep both, or cancel.
    IncomingLink(Box<Workspace>),
}

/// Where the editor should put its cursor (file id, UTF-16 offset, a sequence number so that the
/// same place can be requested twice).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CursorRequest {
    /// File id.
    pub file: u32,
    /// UTF-16 offset.
    pub offset: u32,
    /// Increments with every request.
    pub seq: u32,
}

/// The app's state.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The files and settings.
    pub workspace: Workspace,
    /// Check results by file id.
    pub checks: Rc<BTreeMap<u32, Rc<FileCheck>>>,
    /// Bumps whenever texts change from outside the editor (loading a workspace).
    pub generation: u32,
    /// Bumps with every check, so that the editor receives every result (even an unchanged one,
    /// which keeps keystroke-to-diagnostics measurable).
    pub revision: u64,
    /// Bumps with every change of the workspace (what autosave watches, instead of comparing
    /// whole workspaces).
    pub changes: u64,
    /// The diagnostic selected in the panel (index into the current file's list).
    pub selected_diagnostic: Option<usize>,
    /// The rule whose docs are shown.
    pub docs: Option<&'static str>,
    /// A pending request to move the editor's cursor.
    pub cursor: Option<CursorRequest>,
    /// A message above the workspace.
    pub notice: Option<Notice>,
    /// The open dialog.
    pub dialog: Option<Dialog>,
    /// The "Assume role?" form (filled from the first trust policy shown).
    pub assume_form: Option<AssumeForm>,
    /// The current trust policy's answer to the form.
    pub trust: Option<Rc<TrustView>>,
    /// The deployment the AppSpec timeline simulates.
    pub scenario: Scenario,
    /// The current AppSpec's lifecycle timeline.
    pub timeline: Option<Rc<Timeline>>,
    /// Ranges of the current file the simulations point at.
    pub highlights: Rc<Vec<Highlight>>,
}

/// Everything that can happen.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The text of a file changed in the editor.
    Edit {
        /// File id.
        id: u32,
        /// The whole new text.
        text: String,
    },
    /// Show a file.
    Select(u32),
    /// Add a file (its name is made unique).
    AddFile {
        /// Wanted name.
        name: String,
        /// Initial text.
        text: String,
    },
    /// Rename a file.
    Rename {
        /// File id.
        id: u32,
        /// New name.
        name: String,
    },
    /// Delete a file.
    Delete(u32),
    /// Move a file left (negative) or right in the tab order.
    Move {
        /// File id.
        id: u32,
        /// Positions to move by.
        by: i32,
    },
    /// Choose how a file's kind is decided.
    SetKind {
        /// File id.
        id: u32,
        /// The choice.
        kind: KindChoice,
    },
    /// Replace the workspace (an example, a link, storage), with an optional notice.
    Load(Box<Workspace>, Option<Notice>),
    /// Add another workspace's files next to the current ones.
    Merge(Box<Workspace>),
    /// Select a diagnostic of the current file: show its docs and move the cursor to it.
    SelectDiagnostic(usize),
    /// Show a rule's docs.
    ShowDocs(String),
    /// Hide the docs.
    CloseDocs,
    /// Set the theme.
    SetTheme(Theme),
    /// Set the CodeBuild image buildspecs are checked against.
    SetImage(Option<String>),
    /// Show or clear the notice.
    Notify(Option<Notice>),
    /// Open or close a dialog.
    Dialog(Option<Dialog>),
    /// Change the "Assume role?" form.
    SetAssumeForm(AssumeForm),
    /// Change the simulated deployment (type, listener, first deployment, failing event).
    SetScenario(Scenario),
}

impl State {
    /// A state showing `workspace`, every file checked.
    pub fn new(workspace: Workspace) -> State {
        let workspace = workspace.normalize();
        let checks = check_all(&workspace);
        let mut state = State {
            workspace,
            checks: Rc::new(checks),
            generation: 0,
            revision: 0,
            changes: 0,
            selected_diagnostic: None,
            docs: None,
            cursor: None,
            notice: None,
            dialog: None,
            assume_form: None,
            trust: None,
            scenario: Scenario::default(),
            timeline: None,
            highlights: Rc::new(Vec::new()),
        };
        state.refresh_simulations();
        state
    }

    /// The selected file.
    pub fn current(&self) -> Option<&File> {
        self.workspace.current()
    }

    /// The check result of a file.
    pub fn check(&self, id: u32) -> Option<Rc<FileCheck>> {
        self.checks.get(&id).cloned()
    }

    fn recheck(&mut self, id: u32) {
        if let Some(file) = self.workspace.files.iter().find(|f| f.id == id) {
            let result = check_file(file, self.workspace.settings.image.as_deref());
            Rc::make_mut(&mut self.checks).insert(id, Rc::new(result));
            self.revision += 1;
        }
    }

    fn index_of(&self, id: u32) -> Option<usize> {
        self.workspace.files.iter().position(|f| f.id == id)
    }

    /// Applies an action (the reducer, without `Rc`).
    pub fn apply(mut self, action: Action) -> State {
        let changes_workspace = !matches!(
            action,
            Action::SelectDiagnostic(_)
                | Action::ShowDocs(_)
                | Action::CloseDocs
                | Action::Notify(_)
                | Action::Dialog(_)
        );
        if changes_workspace {
            self.changes += 1;
        }
        match action {
            Action::Edit { id, text } => {
                if let Some(i) = self.index_of(id)
                    && let Some(file) = self.workspace.files.get_mut(i)
                    && file.text != text
                {
                    file.text = text;
                    self.recheck(id);
                    self.selected_diagnostic = None;
                }
            }
            Action::Select(id) => {
                if let Some(i) = self.index_of(id) {
                    self.workspace.selected = i;
                    self.selected_diagnostic = None;
                }
            }
            Action::AddFile { name, text } => {
                if self.workspace.files.len() >= MAX_FILES {
                    self.notice = Some(Notice {
                        error: true,
                        text: format!("A workspace holds at most {MAX_FILES} files."),
                    });
                } else {
                    let id = self.workspace.next_id();
                    let name = self.workspace.unique_name(name.trim(), None);
                    self.workspace.files.push(File {
                        id,
                        name,
                        text,
                        kind: KindChoice::Auto,
                    });
                    self.workspace.selected = self.workspace.files.len() - 1;
                    self.recheck(id);
                    self.selected_diagnostic = None;
                    self.generation += 1;
                }
            }
            Action::Rename { id, name } => {
                let name = name.trim().to_string();
                if !name.is_empty() {
                    let unique = self.workspace.unique_name(&name, Some(id));
                    if let Some(file) = self.workspace.files.iter_mut().find(|f| f.id == id) {
                        file.name = unique;
                    }
                    self.recheck(id);
                    self.generation += 1;
                }
            }
            Action::Delete(id) => {
                if let Some(i) = self.index_of(id) {
                    self.workspace.files.remove(i);
                    Rc::make_mut(&mut self.checks).remove(&id);
                    if self.workspace.files.is_empty() {
                        self.workspace.files.push(File {
                            id: id + 1,
                            name: "buildspec.yml".into(),
                            text: String::new(),
                            kind: KindChoice::Auto,
                        });
                        self.recheck(id + 1);
                    }
                    if self.workspace.selected >= i && self.workspace.selected > 0 {
                        self.workspace.selected -= 1;
                    }
                    self.workspace.selected =
                        self.workspace.selected.min(self.workspace.files.len() - 1);
                    self.selected_diagnostic = None;
                    self.generation += 1;
                }
            }
            Action::Move { id, by } => {
                if let Some(i) = self.index_of(id) {
                    let len = self.workspace.files.len() as i64;
                    let to = (i as i64 + i64::from(by)).clamp(0, len - 1) as usize;
                    if to != i {
                        let selected_id = self.current().map(|f| f.id);
                        let file = self.workspace.files.remove(i);
                        self.workspace.files.insert(to, file);
                        if let Some(sid) = selected_id
                            && let Some(si) = self.index_of(sid)
                        {
                            self.workspace.selected = si;
                        }
                    }
                }
            }
            Action::SetKind { id, kind } => {
                if let Some(file) = self.workspace.files.iter_mut().find(|f| f.id == id) {
                    file.kind = kind;
                    self.recheck(id);
                    self.selected_diagnostic = None;
                    self.generation += 1;
                }
            }
            Action::Load(workspace, notice) => {
                let (generation, revision, changes) =
                    (self.generation + 1, self.revision + 1, self.changes);
                let mut next = State::new(*workspace);
                next.generation = generation;
                next.revision = revision;
                next.changes = changes;
                next.notice = notice;
                return next;
            }
            Action::Merge(incoming) => {
                let mut added = 0;
                for file in incoming.files {
                    if self.workspace.files.len() >= MAX_FILES {
                        break;
                    }
                    let id = self.workspace.next_id();
                    let name = self.workspace.unique_name(&file.name, None);
                    self.workspace.files.push(File { id, name, ..file });
                    self.recheck(id);
                    added += 1;
                }
                if added > 0 {
                    self.workspace.selected = self.workspace.files.len() - added;
                }
                self.generation += 1;
                self.dialog = None;
                self.notice = Some(Notice {
                    error: false,
                    text: format!(
                        "Added {added} file{} from the link next to your work.",
                        if added == 1 { "" } else { "s" }
                    ),
                });
            }
            Action::SelectDiagnostic(i) => {
                let current = self.current().map(|f| f.id);
                if let Some(id) = current
                    && let Some(d) = self.check(id).and_then(|c| c.diagnostics.get(i).cloned())
                {
                    self.selected_diagnostic = Some(i);
                    self.docs = Some(d.code);
                    let seq = self.cursor.map_or(1, |c| c.seq + 1);
                    self.cursor = Some(CursorRequest {
                        file: id,
                        offset: d.from16,
                        seq,
                    });
                }
            }
            Action::ShowDocs(code) => {
                self.docs = cicd_core::registry::rule(&code).map(|r| r.code);
            }
            Action::CloseDocs => self.docs = None,
            Action::SetTheme(theme) => self.workspace.settings.theme = theme,
            Action::SetImage(image) => {
                self.workspace.settings.image = image.filter(|i| !i.is_empty());
                let ids: Vec<u32> = self.workspace.files.iter().map(|f| f.id).collect();
                for id in ids {
                    self.recheck(id);
                }
            }
            Action::Notify(notice) => self.notice = notice,
            Action::Dialog(dialog) => self.dialog = dialog,
            Action::SetAssumeForm(form) => self.assume_form = Some(form),
            Action::SetScenario(scenario) => self.scenario = scenario,
        }
        if changes_workspace {
            self.refresh_simulations();
        }
        self
    }

    /// Recomputes the simulation of the current file (only the kind shown runs).
    fn refresh_simulations(&mut self) {
        let Some(id) = self.current().map(|f| f.id) else {
            return;
        };
        let status = self.check(id).map(|c| c.status);
        self.trust = None;
        self.timeline = None;
        // Only simulated kinds need the text (a large buildspec is not copied on every keystroke).
        let file = match status {
            Some(CheckStatus::Checked(Kind::TrustPolicy | Kind::Appspec)) => {
                self.current().cloned()
            }
            _ => None,
        };
        let Some(file) = file else {
            if !self.highlights.is_empty() {
                self.highlights = Rc::new(Vec::new());
            }
            return;
        };
        let mut highlights = Vec::new();
        match status {
            Some(CheckStatus::Checked(Kind::TrustPolicy)) => {
                let form = self
                    .assume_form
                    .get_or_insert_with(|| suggested_form(&file.text));
                let view = trust_view(&file.text, form);
                highlights.clone_from(&view.highlights);
                self.trust = Some(Rc::new(view));
            }
            Some(CheckStatus::Checked(Kind::Appspec)) => {
                let timeline = cicd_core::appspec::simulate(&file.text, &self.scenario);
                if let Some(failure) = &timeline.failure
                    && let Some(span) = timeline.steps.get(failure.step).and_then(|s| s.hook_span)
                {
                    let (from, to) = LineIndex::new(&file.text).range(&file.text, span);
                    highlights.push(Highlight {
                        from16: from.utf16_offset,
                        to16: to.utf16_offset,
                        class: "fail",
                    });
                }
                self.timeline = Some(Rc::new(timeline));
            }
            _ => {}
        }
        if *self.highlights != highlights {
            self.highlights = Rc::new(highlights);
        }
    }
}

fn check_all(workspace: &Workspace) -> BTreeMap<u32, Rc<FileCheck>> {
    let image = workspace.settings.image.as_deref();
    workspace
        .files
        .iter()
        .map(|f| (f.id, Rc::new(check_file(f, image))))
        .collect()
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        State::new(Workspace::new(vec![
            (
                "buildspec.yml",
                "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n",
            ),
            ("notes.txt", "hello"),
            ("pipeline.json", "{\"pipeline\": {}}"),
        ]))
    }

    #[test]
    fn editing_rechecks_and_reports_positions() {
        let s = state();
        assert_eq!(s.check(1).unwrap().diagnostics.len(), 0);
        let s = s.apply(Action::Edit {
            id: 1,
            text: "version: 0.2\nphases:\n  build:\n    commands:\n      - echo \"é: x\"\n".into(),
        });
        let check = s.check(1).unwrap();
        assert_eq!(check.errors, 1);
        let d = &check.diagnostics[0];
        assert_eq!((d.code, d.line, d.column), ("BS023", 5, 9));
        let text = &s.workspace.files[0].text;
        let utf16_start = text[..text.find("echo").unwrap()].encode_utf16().count() as u32;
        assert_eq!(d.from16, utf16_start);
        assert_eq!(
            d.to16,
            utf16_start + "echo \"é: x\"".encode_utf16().count() as u32
        );
        assert!(d.fix.is_some());
    }

    #[test]
    fn statuses() {
        let s = state();
        assert_eq!(
            s.check(1).unwrap().status,
            CheckStatus::Checked(Kind::Buildspec)
        );
        assert_eq!(s.check(2).unwrap().status, CheckStatus::PlainText);
        assert_eq!(
            s.check(3).unwrap().status,
            CheckStatus::Unsupported(Kind::Pipeline)
        );
        let s = s.apply(Action::SetKind {
            id: 2,
            kind: KindChoice::Kind(cicd_core::Kind::Buildspec),
        });
        assert_eq!(
            s.check(2).unwrap().status,
            CheckStatus::Checked(Kind::Buildspec)
        );
        assert!(s.check(2).unwrap().errors > 0);
    }

    #[test]
    fn file_management() {
        let s = state();
        let s = s.apply(Action::AddFile {
            name: "buildspec.yml".into(),
            text: String::new(),
        });
        assert_eq!(s.workspace.files[3].name, "buildspec-2.yml");
        assert_eq!(s.workspace.selected, 3);
        let s = s.apply(Action::Rename {
            id: 4,
            name: "notes.txt".into(),
        });
        assert_eq!(s.workspace.files[3].name, "notes-2.txt");
        let s = s.apply(Action::Move { id: 4, by: -10 });
        assert_eq!(s.workspace.files[0].id, 4);
        assert_eq!(s.current().unwrap().id, 4);
        let s = s.apply(Action::Select(1));
        let s = s.apply(Action::Delete(1));
        assert!(s.workspace.files.iter().all(|f| f.id != 1));
        assert!(s.check(1).is_none());
        assert!(s.current().is_some());
        let mut s = s;
        for id in [2, 3, 4] {
            s = s.apply(Action::Delete(id));
        }
        assert_eq!(
            s.workspace.files.len(),
            1,
            "deleting the last file leaves an empty one"
        );
    }

    #[test]
    fn selecting_a_diagnostic_moves_the_cursor_and_shows_docs() {
        let s = state().apply(Action::Edit {
            id: 1,
            text: "version: 9\nphases:\n  build:\n    commands: [make]\n".into(),
        });
        let s = s.apply(Action::SelectDiagnostic(0));
        assert_eq!(s.docs, Some("BS011"));
        assert_eq!(
            s.cursor,
            Some(CursorRequest {
                file: 1,
                offset: 9,
                seq: 1
            })
        );
        let s = s.apply(Action::SelectDiagnostic(0));
        assert_eq!(s.cursor.unwrap().seq, 2);
        let s = s.apply(Action::ShowDocs("nope".into()));
        assert_eq!(s.docs, None);
    }

    #[test]
    fn loading_and_merging() {
        let s = state();
        let incoming = Workspace::new(vec![("buildspec.yml", "version: 1.0\n")]);
        let merged = s.clone().apply(Action::Merge(Box::new(incoming.clone())));
        assert_eq!(merged.workspace.files.len(), 4);
        assert_eq!(merged.workspace.files[3].name, "buildspec-2.yml");
        assert_eq!(merged.current().unwrap().name, "buildspec-2.yml");
        let loaded = s.apply(Action::Load(Box::new(incoming), None));
        assert_eq!(loaded.workspace.files.len(), 1);
        assert_eq!(loaded.generation, 1);
        assert!(loaded.check(1).unwrap().errors > 0);
    }

    #[test]
    fn image_setting_rechecks() {
        let text = "version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: 18\n  build:\n    commands: [npm ci]\n";
        let s = State::new(Workspace::new(vec![("buildspec.yml", text)]));
        assert_eq!(s.check(1).unwrap().warnings, 0);
        let s = s.apply(Action::SetImage(Some("aws/codebuild/standard:8.0".into())));
        assert_eq!(s.check(1).unwrap().diagnostics[0].code, "BS033");
    }
}
