//! The app's state and its pure reducer. The reducer never calls the core: it keeps the
//! workspace, bumps a file's version when the file changes, and stores the engine's reports
//! ([`Action::Report`]); [`State::requests`] says what the engine must be asked for the reports
//! to be current. Components only render state and dispatch actions. Tested natively, with the
//! engine run in-process.

use std::collections::BTreeMap;
use std::rc::Rc;

use cicd_engine::{
    AssistInput, AssistKind, FileInput, FileVersion, Highlight, RelatedFile, Request,
};

use cicd_share::workspace::{File, KindChoice, MAX_FILES, Theme, Workspace};
use yew::Reducible;

use crate::report::ShellReport;

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

/// Where the engine (the checks, in a Web Worker) is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum EngineStatus {
    /// Loading (at start, or after a restart): the editor works, the panels wait.
    #[default]
    Loading,
    /// Answering.
    Ready,
    /// It could not load, or stopped because of an internal error (the message says which).
    Stopped(String),
}

/// The app's state.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The files and settings.
    pub workspace: Workspace,
    /// The engine's latest report of each file, by file id.
    pub reports: Rc<BTreeMap<u32, Rc<ShellReport>>>,
    /// Each file's version: bumps whenever its text, name or settings change.
    pub versions: Rc<BTreeMap<u32, u64>>,
    /// The last version given out (versions only grow, even across deleted files).
    last_version: u64,
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
    /// The rule whose docs are shown (a code's shape is checked here; its page is fetched, so
    /// the shell links no rule table and no rule documentation).
    pub docs: Option<String>,
    /// A pending request to move the editor's cursor.
    pub cursor: Option<CursorRequest>,
    /// A message above the workspace.
    pub notice: Option<Notice>,
    /// The open dialog.
    pub dialog: Option<Dialog>,
    /// Where the engine is.
    pub engine: EngineStatus,
    /// Bumps when the user restarts the engine (the app then starts a new one).
    pub engine_starts: u32,
    /// A file an edit from the editor did not fit: the app reads the editor's whole text of it
    /// back ([`Action::Edit`]).
    pub reread: Option<u32>,
}

/// Everything that can happen.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The editor changed a file: its text from `from16` to `to16` (UTF-16 offsets, as the
    /// editor counts) is now `insert`, and the whole text `len16` UTF-16 units long. Only the
    /// changed range crosses from the editor, not the whole text at every keystroke.
    Splice {
        /// File id.
        id: u32,
        /// Start of the replaced range.
        from16: u32,
        /// Its end.
        to16: u32,
        /// What replaces it.
        insert: String,
        /// The text's length after the edit, which checks that the edit fits the text.
        len16: u32,
    },
    /// A file's whole text, as the editor has it.
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
    /// Change the current file's panel settings (the JSON the workspace keeps with the file,
    /// built by the panels module).
    SetPanelSettings(String),
    /// Move the editor's cursor to a UTF-16 offset of the current file (a simulation's action).
    Reveal(u32),
    /// Show a place of a file: select the file and move the cursor to a UTF-16 offset (a panel
    /// or a finding pointing at another file).
    Open {
        /// File id.
        file: u32,
        /// UTF-16 offset.
        offset: u32,
    },
    /// Set one part of a file's panel settings and show the file (a panel of another file
    /// filling this file's panel: "try it" in a workflow's table fills a trust policy's Assume
    /// form). The part is a key of the settings' JSON object and its JSON value, as the panels
    /// built them; the other parts stay as they are.
    SetPanelPart {
        /// File id.
        file: u32,
        /// The part's key.
        key: String,
        /// The part's JSON.
        json: String,
    },
    /// The engine answered about a file.
    Report(Box<ShellReport>),
    /// The engine is loaded: every file is sent to it.
    EngineReady,
    /// The engine could not load or stopped.
    EngineStopped(String),
    /// Start a new engine.
    RestartEngine,
}

impl State {
    /// A state showing `workspace` (its files are analysed once the engine answers
    /// [`State::requests`]).
    pub fn new(workspace: Workspace) -> State {
        let mut workspace = workspace.normalize();
        for file in &mut workspace.files {
            editor_line_breaks(&mut file.text);
        }
        let versions: BTreeMap<u32, u64> = workspace.files.iter().map(|f| (f.id, 1)).collect();
        State {
            workspace,
            reports: Rc::new(BTreeMap::new()),
            versions: Rc::new(versions),
            last_version: 1,
            generation: 0,
            revision: 0,
            changes: 0,
            selected_diagnostic: None,
            docs: None,
            cursor: None,
            notice: None,
            dialog: None,
            engine: EngineStatus::Loading,
            engine_starts: 0,
            reread: None,
        }
    }

    /// The selected file.
    pub fn current(&self) -> Option<&File> {
        self.workspace.current()
    }

    /// The kind of a file: the user's choice, else what the engine detected (it may read the
    /// content), else — until the engine has answered — what the file name says (so that the
    /// editor's language and the file bar do not change when the first answer arrives).
    pub fn kind_of(&self, file: &File) -> Option<cicd_core::Kind> {
        match file.kind {
            KindChoice::Text => None,
            KindChoice::Kind(kind) => Some(kind),
            KindChoice::Auto => match self.reports.get(&file.id) {
                Some(report) => report.status.kind(),
                None => cicd_core::Kind::from_file_name(&file.name),
            },
        }
    }

    /// The engine's latest report of a file.
    pub fn report(&self, id: u32) -> Option<Rc<ShellReport>> {
        self.reports.get(&id).cloned()
    }

    /// The current file's report, when it is for the file's current version.
    #[cfg(test)]
    pub fn current_report(&self) -> Option<Rc<ShellReport>> {
        let id = self.current()?.id;
        self.report(id)
            .filter(|r| self.versions.get(&id) == Some(&r.version))
    }

    /// The ranges of the current file its simulation points at (from the latest answer, which
    /// stays up while the next one is computed).
    pub fn highlights(&self) -> Rc<Vec<Highlight>> {
        let id = self.current().map(|f| f.id);
        let list = id
            .and_then(|id| self.report(id))
            .map(|r| r.highlights.clone())
            .unwrap_or_default();
        Rc::new(list)
    }

    /// What the engine must be asked for every report to be current: an analysis of each file
    /// whose report is missing, older than the file, or made with other versions of its related
    /// files ([`State::related`]), and the current file's panel when only its inputs changed.
    pub fn requests(&self) -> Vec<Request> {
        let current = self.current().map(|f| f.id);
        let mut out = Vec::new();
        for file in &self.workspace.files {
            let version = self.versions.get(&file.id).copied().unwrap_or(0);
            let related = self.related(file);
            let related_versions: Vec<FileVersion> =
                related.iter().map(RelatedFile::version).collect();
            match self.reports.get(&file.id) {
                Some(report) if report.version == version && report.related == related_versions => {
                    if Some(file.id) == current && report.scenario != file.scenario {
                        out.push(Request::Panel {
                            id: file.id,
                            version,
                            scenario: file.scenario.clone(),
                        });
                    }
                }
                _ => out.push(Request::Analyze(FileInput {
                    id: file.id,
                    version,
                    name: file.name.clone(),
                    text: file.text.clone(),
                    kind: file.kind.id().to_string(),
                    image: self.workspace.settings.image.clone(),
                    scenario: file.scenario.clone(),
                    related,
                })),
            }
        }
        out
    }

    /// The editor's question about the current file at UTF-16 offset `offset16` of `text` (the
    /// text as the editor has it); the engine client numbers it.
    pub fn assist_input(
        &self,
        what: AssistKind,
        text: String,
        offset16: u32,
    ) -> Option<AssistInput> {
        let file = self.current()?;
        Some(AssistInput {
            ask: 0,
            what,
            id: file.id,
            version: self.versions.get(&file.id).copied().unwrap_or(0),
            name: file.name.clone(),
            text,
            kind: file.kind.id().to_string(),
            image: self.workspace.settings.image.clone(),
            offset16,
        })
    }

    /// The files `file`'s report depends on: the workspace's other files of the kinds
    /// [`cicd_core::related::depends_on`] names for its kind, at their current versions (kinds
    /// as [`State::kind_of`] knows them, so a file whose kind the engine detects joins once its
    /// report says so).
    pub fn related(&self, file: &File) -> Vec<RelatedFile> {
        let Some(kinds) = self.kind_of(file).map(cicd_core::related::depends_on) else {
            return Vec::new();
        };
        if kinds.is_empty() {
            return Vec::new();
        }
        self.workspace
            .files
            .iter()
            .filter(|f| f.id != file.id && self.kind_of(f).is_some_and(|k| kinds.contains(&k)))
            .map(|f| RelatedFile {
                id: f.id,
                version: self.versions.get(&f.id).copied().unwrap_or(0),
                name: f.name.clone(),
                text: f.text.clone(),
                kind: f.kind.id().to_string(),
            })
            .collect()
    }

    /// Marks a file changed: its report is stale until the engine answers for the new version.
    fn touch(&mut self, id: u32) {
        self.last_version += 1;
        Rc::make_mut(&mut self.versions).insert(id, self.last_version);
    }

    fn index_of(&self, id: u32) -> Option<usize> {
        self.workspace.files.iter().position(|f| f.id == id)
    }

    /// Applies an action (the reducer, without `Rc`).
    pub fn apply(mut self, action: Action) -> State {
        let changes_workspace = !matches!(
            action,
            Action::SelectDiagnostic(_)
                | Action::Reveal(_)
                | Action::Open { .. }
                | Action::ShowDocs(_)
                | Action::CloseDocs
                | Action::Notify(_)
                | Action::Dialog(_)
                | Action::Report(_)
                | Action::EngineReady
                | Action::EngineStopped(_)
                | Action::RestartEngine
        );
        if changes_workspace {
            self.changes += 1;
        }
        match action {
            Action::Splice {
                id,
                from16,
                to16,
                insert,
                len16,
            } => {
                if let Some(i) = self.index_of(id)
                    && let Some(file) = self.workspace.files.get_mut(i)
                {
                    if splice16(&mut file.text, from16, to16, &insert, len16) {
                        self.touch(id);
                        self.selected_diagnostic = None;
                    } else {
                        self.reread = Some(id);
                    }
                }
            }
            Action::Edit { id, text } => {
                if self.reread == Some(id) {
                    self.reread = None;
                }
                if let Some(i) = self.index_of(id)
                    && let Some(file) = self.workspace.files.get_mut(i)
                    && file.text != text
                {
                    file.text = text;
                    self.touch(id);
                    self.selected_diagnostic = None;
                }
            }
            Action::Select(id) => {
                if let Some(i) = self.index_of(id) {
                    self.workspace.selected = i;
                    self.selected_diagnostic = None;
                }
            }
            Action::AddFile { name, mut text } => {
                editor_line_breaks(&mut text);
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
                        scenario: String::new(),
                    });
                    self.workspace.selected = self.workspace.files.len() - 1;
                    self.touch(id);
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
                    self.touch(id);
                    self.generation += 1;
                }
            }
            Action::Delete(id) => {
                if let Some(i) = self.index_of(id) {
                    self.workspace.files.remove(i);
                    Rc::make_mut(&mut self.reports).remove(&id);
                    Rc::make_mut(&mut self.versions).remove(&id);
                    if self.workspace.files.is_empty() {
                        self.workspace.files.push(File {
                            id: id + 1,
                            name: "buildspec.yml".into(),
                            text: String::new(),
                            kind: KindChoice::Auto,
                            scenario: String::new(),
                        });
                        self.touch(id + 1);
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
                    self.touch(id);
                    self.selected_diagnostic = None;
                    self.generation += 1;
                }
            }
            Action::Load(workspace, notice) => {
                let (generation, revision, changes) =
                    (self.generation + 1, self.revision + 1, self.changes);
                let mut next = State::new(*workspace);
                next.engine = self.engine.clone();
                next.engine_starts = self.engine_starts;
                // Versions keep growing: an answer about the replaced files is never taken for
                // one about the new files.
                next.last_version = self.last_version;
                let ids: Vec<u32> = next.workspace.files.iter().map(|f| f.id).collect();
                for id in ids {
                    next.touch(id);
                }
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
                    let mut text = file.text;
                    editor_line_breaks(&mut text);
                    self.workspace.files.push(File {
                        id,
                        name,
                        text,
                        ..file
                    });
                    self.touch(id);
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
                    && let Some(d) = self.report(id).and_then(|c| c.diagnostics.get(i).cloned())
                {
                    self.selected_diagnostic = Some(i);
                    self.docs = rule_code(&d.code);
                    let seq = self.cursor.map_or(1, |c| c.seq + 1);
                    self.cursor = Some(CursorRequest {
                        file: id,
                        offset: d.from16,
                        seq,
                    });
                }
            }
            Action::ShowDocs(code) => {
                self.docs = rule_code(&code);
            }
            Action::CloseDocs => self.docs = None,
            Action::SetTheme(theme) => self.workspace.settings.theme = theme,
            Action::SetImage(image) => {
                self.workspace.settings.image = image.filter(|i| !i.is_empty());
                let ids: Vec<u32> = self.workspace.files.iter().map(|f| f.id).collect();
                for id in ids {
                    self.touch(id);
                }
            }
            Action::Notify(notice) => self.notice = notice,
            Action::Dialog(dialog) => self.dialog = dialog,
            Action::SetPanelSettings(json) => {
                let i = self.workspace.selected;
                if let Some(file) = self.workspace.files.get_mut(i) {
                    file.scenario = json;
                }
            }
            Action::Reveal(offset) => {
                if let Some(id) = self.current().map(|f| f.id) {
                    let seq = self.cursor.map_or(1, |c| c.seq + 1);
                    self.cursor = Some(CursorRequest {
                        file: id,
                        offset,
                        seq,
                    });
                }
            }
            Action::Open { file, offset } => {
                if let Some(i) = self.index_of(file) {
                    if self.workspace.selected != i {
                        self.workspace.selected = i;
                        self.selected_diagnostic = None;
                    }
                    let seq = self.cursor.map_or(1, |c| c.seq + 1);
                    self.cursor = Some(CursorRequest { file, offset, seq });
                }
            }
            Action::SetPanelPart { file, key, json } => {
                if let Some(i) = self.index_of(file)
                    && let Some(f) = self.workspace.files.get_mut(i)
                {
                    if let Some(settings) = cicd_share::json::with_part(&f.scenario, &key, &json) {
                        f.scenario = settings;
                    }
                    self.workspace.selected = i;
                    self.selected_diagnostic = None;
                }
            }
            Action::Report(report) => self.store(*report),
            Action::EngineReady => {
                self.engine = EngineStatus::Ready;
                // A new engine knows no file: every file is analysed again (the answers of the
                // previous engine, if any, stay up meanwhile).
                let ids: Vec<u32> = self.workspace.files.iter().map(|f| f.id).collect();
                for id in ids {
                    self.touch(id);
                }
            }
            Action::EngineStopped(message) => {
                // The first report says why (the panic's message comes before the trap's error).
                if !matches!(self.engine, EngineStatus::Stopped(_)) {
                    self.engine = EngineStatus::Stopped(message);
                }
            }
            Action::RestartEngine => {
                self.engine = EngineStatus::Loading;
                self.engine_starts += 1;
            }
        }
        self
    }

    /// Keeps a report, unless the file changed since it was asked for (a newer request is then
    /// on its way) or the file is gone.
    fn store(&mut self, mut report: ShellReport) {
        if self.versions.get(&report.id) != Some(&report.version) {
            return;
        }
        // Nor a report made with older versions of its related files than the one kept (the two
        // engines may answer the same version in either order).
        if let Some(kept) = self.reports.get(&report.id)
            && kept.version == report.version
            && report.related.iter().any(|r| {
                kept.related
                    .iter()
                    .any(|k| k.id == r.id && k.version > r.version)
            })
        {
            return;
        }
        // A form the engine suggested is kept with the file: it then stays as it is while the
        // policy is edited (so that edits change the answer, not the question).
        if report.suggested
            && let Some(file) = self.workspace.files.iter_mut().find(|f| f.id == report.id)
            && file.scenario == report.scenario
        {
            file.scenario = report.inputs_json.clone();
            report.scenario = file.scenario.clone();
            report.suggested = false;
            self.changes += 1;
        }
        if self.current().map(|f| f.id) == Some(report.id) {
            self.revision += 1;
        }
        Rc::make_mut(&mut self.reports).insert(report.id, Rc::new(report));
    }
}

/// `code` when it is shaped like a rule code of a kind of the table (`BS021`, `DEP130`,
/// `SRC005`).
fn rule_code(code: &str) -> Option<String> {
    let letters = code.chars().take_while(char::is_ascii_uppercase).count();
    let digits = &code[letters..];
    let prefix = &code[..letters];
    let known = prefix == "SRC"
        || cicd_core::Kind::ALL
            .iter()
            .any(|k| k.code_prefix() == prefix);
    (known && (2..=4).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| code.to_string())
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

/// Line breaks as the editor keeps them: CodeMirror reads `\r\n` and a lone `\r` as line breaks
/// and holds `\n` only. The workspace must hold the same text, because edits arrive as offsets
/// into the editor's text and the positions sent to it count its characters.
fn editor_line_breaks(text: &mut String) {
    if text.contains('\r') {
        *text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
}

/// Replaces `from16..to16` (UTF-16 offsets) of `text` with `insert`, if `text` is the text the
/// editor changed: the range starts and ends between characters of `text`, and the result is
/// `len16` UTF-16 units long. Otherwise leaves `text` alone and returns `false`.
fn splice16(text: &mut String, from16: u32, to16: u32, insert: &str, len16: u32) -> bool {
    let (from16, to16) = (from16 as usize, to16 as usize);
    // The UTF-16 units a byte starts: none for UTF-8's continuation bytes, two for the first
    // of a 4-byte character.
    let units_of = |b: u8| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0);
    let bytes = text.as_bytes();
    let (mut i, mut units, mut from, mut to) = (0, 0, None, None);
    loop {
        // A character starts at every byte but UTF-8's continuation bytes.
        if bytes.get(i).is_none_or(|&b| b & 0xC0 != 0x80) {
            if units == from16 {
                from = Some(i);
            }
            if units == to16 {
                to = Some(i);
            }
        }
        // Texts are mostly ASCII: 8 bytes at a time where they are (8 UTF-16 units) and no
        // offset sought falls inside them.
        let clear = |at: usize| at <= units || at >= units + 8;
        let ascii8 = bytes
            .get(i..i + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
            .is_some_and(|c| u64::from_ne_bytes(c) & 0x8080_8080_8080_8080 == 0);
        if ascii8 && clear(from16) && clear(to16) {
            i += 8;
            units += 8;
        } else if let Some(&b) = bytes.get(i) {
            units += units_of(b);
            i += 1;
        } else {
            break;
        }
    }
    let inserted: usize = insert.bytes().map(units_of).sum();
    match (from, to) {
        (Some(from), Some(to))
            if from <= to && units - (to16 - from16) + inserted == len16 as usize =>
        {
            let mut spliced = String::with_capacity(text.len() - (to - from) + insert.len());
            spliced.push_str(text.get(..from).unwrap_or_default());
            spliced.push_str(insert);
            spliced.push_str(text.get(to..).unwrap_or_default());
            *text = spliced;
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use cicd_core::Kind;
    use cicd_core::appspec::Scenario;
    use cicd_engine::{AssumeForm, CheckStatus, Engine, FileReport, Panel, PanelInputs};
    use cicd_panels::inputs::{self, LastSet};

    use super::*;

    /// A state with the engine answering its requests at once, as the app does after each
    /// render, and the panels module's side of the settings (what it reads of the full reports
    /// the shell hands over, and the settings it last set).
    #[derive(Clone)]
    struct T {
        state: State,
        engine: Rc<RefCell<Engine>>,
        full: Rc<RefCell<BTreeMap<u32, FileReport>>>,
        last: Option<LastSet>,
    }

    impl T {
        fn new(state: State) -> T {
            T {
                state,
                engine: Rc::new(RefCell::new(Engine::new())),
                full: Rc::default(),
                last: None,
            }
            .settled()
        }

        /// The current file's whole report, as the panels module reads it.
        fn full(&self) -> FileReport {
            let id = self.state.current().expect("a file").id;
            self.full.borrow().get(&id).cloned().expect("a report")
        }

        /// The current file's panel settings, as the panels show them.
        fn panel_inputs(&self) -> PanelInputs {
            let file = self.state.current().expect("a file");
            inputs::current(&self.full(), &file.scenario, self.last.as_ref())
        }

        /// A change of the settings in a panel, as the panels module sends it (not settled).
        fn change(mut self, change: impl FnOnce(&mut PanelInputs)) -> T {
            let file = self.state.current().expect("a file");
            let set = inputs::change(&self.full(), &file.scenario, self.last.as_ref(), change);
            self.state = self.state.apply(Action::SetPanelSettings(set.json.clone()));
            self.last = Some(set);
            self
        }

        fn settled(mut self) -> T {
            for _ in 0..10 {
                let requests = self.state.requests();
                if requests.is_empty() {
                    return self;
                }
                for request in requests {
                    let answer = self.engine.borrow_mut().handle(request);
                    if let Some(report) = answer {
                        let read = as_shell_reads(&report);
                        self.full.borrow_mut().insert(report.id, report);
                        self.state = self.state.apply(Action::Report(Box::new(read)));
                    }
                }
            }
            panic!("the state keeps asking the engine");
        }

        fn apply(mut self, action: Action) -> T {
            self.state = self.state.apply(action);
            self.settled()
        }

        fn analyses(&self) -> u64 {
            self.engine.borrow().analyses()
        }
    }

    impl std::ops::Deref for T {
        type Target = State;
        fn deref(&self) -> &State {
            &self.state
        }
    }

    /// A report as the shell reads it: only its part of the object.
    fn as_shell_reads(report: &FileReport) -> ShellReport {
        let json = serde_json::to_string(report).expect("serialises");
        serde_json::from_str(&json).expect("reads")
    }

    fn state() -> T {
        T::new(State::new(Workspace::new(vec![
            (
                "buildspec.yml",
                "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n",
            ),
            ("notes.txt", "hello"),
            (".github/workflows/deploy.yml", "on: push\njobs: {}\n"),
        ])))
    }

    /// What the editor's text becomes: the UTF-16 units replaced as JavaScript strings do.
    fn spliced_as_the_editor_does(text: &str, from: usize, to: usize, insert: &str) -> String {
        let mut units: Vec<u16> = text.encode_utf16().collect();
        units.splice(from..to, insert.encode_utf16());
        String::from_utf16_lossy(&units)
    }

    #[test]
    fn an_edit_replaces_the_range_the_editor_counts_in_utf16() {
        // ASCII, two- and three-byte characters, one outside the BMP (two UTF-16 units), a
        // line break; ASCII runs long enough to be skipped 8 bytes at a time.
        let text = "ab é→\n😀c 0123456789abcdefghij😀😀0123456789abcdefgh→é";
        let len = text.encode_utf16().count();
        let boundaries: Vec<usize> = {
            let mut at = vec![0];
            for c in text.chars() {
                at.push(at.last().copied().unwrap_or(0) + c.len_utf16());
            }
            at
        };
        for insert in ["", "x", "ü😀\n"] {
            let inserted = insert.encode_utf16().count();
            for from in 0..=len {
                for to in from..=len {
                    let mut got = text.to_string();
                    let after = (len - (to - from) + inserted) as u32;
                    let fits = splice16(&mut got, from as u32, to as u32, insert, after);
                    if boundaries.contains(&from) && boundaries.contains(&to) {
                        assert!(fits, "{from}..{to} ← {insert:?}");
                        assert_eq!(got, spliced_as_the_editor_does(text, from, to, insert));
                    } else {
                        // Inside the emoji's surrogate pair: no character ends there.
                        assert!(!fits, "{from}..{to} inside a character");
                        assert_eq!(got, text);
                    }
                }
            }
        }
        // An edit made to another text (its length says so) is refused; so is a range beyond
        // the end or backwards.
        let mut got = text.to_string();
        assert!(!splice16(&mut got, 0, 1, "", len as u32));
        assert!(!splice16(&mut got, 0, len as u32 + 1, "", 0));
        assert!(!splice16(&mut got, 3, 2, "", len as u32 + 1));
        assert_eq!(got, text);
    }

    #[test]
    fn texts_enter_with_the_editors_line_breaks() {
        let crlf = "version: 0.2\r\nphases:\r\n  build:\r\n    commands:\r\n      - make\r\n";
        let lf = crlf.replace("\r\n", "\n");
        let old_mac = "a\rb\r\nc\n";
        let s = T::new(State::new(Workspace::new(vec![
            ("buildspec.yml", crlf),
            ("notes.txt", old_mac),
        ])));
        let texts = |s: &T| -> Vec<String> {
            s.state
                .workspace
                .files
                .iter()
                .map(|f| f.text.clone())
                .collect()
        };
        assert_eq!(texts(&s), [lf.as_str(), "a\nb\nc\n"]);
        // A file added, and files merged from a link.
        let s = s.apply(Action::AddFile {
            name: "more.yml".into(),
            text: crlf.into(),
        });
        let incoming = Workspace::new(vec![("x.txt", "1\r2")]);
        let s = s.apply(Action::Merge(Box::new(incoming)));
        assert_eq!(texts(&s)[2..], [lf.as_str(), "1\n2"]);
    }

    #[test]
    fn an_edit_that_does_not_fit_asks_the_editor_for_the_whole_text() {
        let s = state();
        let text = s.state.current().expect("a file").text.clone();
        let len = text.encode_utf16().count() as u32;
        let version = s.state.versions.get(&1).copied();
        // Fits: applied, a new version, analysed again.
        let at = text.find("make").expect("a command") as u32 + 4;
        let s = s
            .apply(Action::Splice {
                id: 1,
                from16: at,
                to16: at,
                insert: " test".into(),
                len16: len + 5,
            })
            .settled();
        assert!(
            s.state
                .current()
                .expect("a file")
                .text
                .contains("make test\n")
        );
        assert_ne!(s.state.versions.get(&1).copied(), version);
        assert_eq!(s.state.reread, None);
        assert!(s.state.current_report().is_some());
        // Made to another text: the file is left alone and read back from the editor.
        let before = s.state.clone();
        let s = s.apply(Action::Splice {
            id: 1,
            from16: 0,
            to16: 0,
            insert: "x".into(),
            len16: len + 2,
        });
        assert_eq!(s.state.workspace, before.workspace);
        assert_eq!(s.state.versions, before.versions);
        assert_eq!(s.state.reread, Some(1));
        // The editor's text read back.
        let s = s.apply(Action::Edit {
            id: 1,
            text: "x".into(),
        });
        assert_eq!(s.state.reread, None);
        assert_eq!(s.state.current().expect("a file").text, "x");
    }

    #[test]
    fn every_edit_is_analysed_once_and_panels_come_from_that_analysis() {
        let policy = include_str!("../../../examples/trust-policy-github-oidc.json");
        let appspec = include_str!("../../../examples/appspec-ec2.yml");
        let s = T::new(State::new(Workspace::new(vec![
            ("trust-policy.json", policy),
            ("appspec.yml", appspec),
            ("notes.txt", "hello"),
        ])));
        assert_eq!(s.analyses(), 2, "each checked file once at start");
        let mut s = s;
        for n in 0..5 {
            s = s.apply(Action::Edit {
                id: 1,
                text: policy.replace("myrepo", &format!("repo{n}")),
            });
        }
        assert_eq!(s.analyses(), 7, "five edits, five analyses");
        assert!(matches!(
            s.current_report().map(|r| r.panel),
            Some(crate::report::PanelKind::Trust(_))
        ));
        // Changing the form, selecting files and the timeline's scenario analyse nothing.
        let mut form = s.panel_inputs().assume.expect("filled from the policy");
        form.repo = "someone/else".into();
        let s = s.change(|i| i.assume = Some(form.clone())).settled();
        let Panel::Trust(view) = s.full().panel else {
            panic!("a trust panel")
        };
        assert_eq!(view.form, form);
        let s = s.apply(Action::Select(2));
        let s = s
            .change(|i| {
                i.scenario = Scenario {
                    fail: Some("AfterInstall".into()),
                    ..Scenario::default()
                }
            })
            .settled();
        let Panel::Lifecycle(view) = s.full().panel else {
            panic!("a lifecycle panel")
        };
        assert!(view.report.failure.is_some());
        assert_eq!(s.highlights().len(), 1);
        assert_eq!(s.analyses(), 7);
        // A rename is a change of the file (its kind may change): analysed again.
        let s = s.apply(Action::Rename {
            id: 3,
            name: "buildspec.yml".into(),
        });
        assert_eq!(s.analyses(), 8);
    }

    #[test]
    fn a_late_answer_for_an_older_version_is_dropped() {
        let s = state();
        let engine = s.engine.clone();
        let stale = engine
            .borrow_mut()
            .handle(s.requests().pop().unwrap_or(Request::Forget { id: 0 }));
        assert!(stale.is_none(), "nothing is pending after settling");
        // Two edits; the answer to the first arrives after the second.
        let first = s.state.clone().apply(Action::Edit {
            id: 1,
            text: "version: 9\n".into(),
        });
        let first_request = first.requests().remove(0);
        let second = first.apply(Action::Edit {
            id: 1,
            text: "version: 0.2\nphases:\n  build:\n    commands: [make]\n".into(),
        });
        let late = engine.borrow_mut().handle(first_request).expect("answered");
        let late = as_shell_reads(&late);
        let after = second.apply(Action::Report(Box::new(late)));
        assert!(
            after.current_report().is_none(),
            "the stale answer is not shown"
        );
        assert_eq!(
            after.requests().len(),
            1,
            "the latest version is still asked for"
        );
    }

    /// The two engines may answer the same version of a file in either order: a report made with
    /// an older version of a related file than the one kept is dropped.
    #[test]
    fn an_answer_with_older_related_files_is_dropped() {
        let workflow = include_str!("../../../examples/deploy-workflow-oidc.yml");
        let policy = include_str!("../../../examples/trust-policy-github-oidc-main.json");
        let s = T::new(State::new(Workspace::new(vec![
            (".github/workflows/deploy.yml", workflow),
            ("trust-policy.json", policy),
        ])));
        let workflow_request = |state: &State| {
            state
                .requests()
                .into_iter()
                .find(|r| matches!(r, Request::Analyze(i) if i.id == 1))
                .expect("the workflow is asked for")
        };
        let answer = |request| as_shell_reads(&Engine::new().handle(request).expect("answered"));
        let older = s.state.clone().apply(Action::Edit {
            id: 2,
            text: policy.replace("refs/heads/main", "refs/heads/dev"),
        });
        let older_request = workflow_request(&older);
        let newer = older.apply(Action::Edit {
            id: 2,
            text: policy.replace("refs/heads/main", "refs/heads/*"),
        });
        let newer_answer = answer(workflow_request(&newer));
        let related = newer_answer.related.clone();
        let newer = newer.apply(Action::Report(Box::new(newer_answer)));
        let after = newer.apply(Action::Report(Box::new(answer(older_request))));
        assert_eq!(after.report(1).expect("a report").related, related);
    }

    #[test]
    fn editing_rechecks_and_reports_positions() {
        let s = state();
        assert_eq!(s.report(1).unwrap().diagnostics.len(), 0);
        let s = s.apply(Action::Edit {
            id: 1,
            text: "version: 0.2\nphases:\n  build:\n    commands:\n      - echo \"é: x\"\n".into(),
        });
        let check = s.report(1).unwrap();
        assert_eq!(check.errors, 1);
        let d = &check.diagnostics[0];
        assert_eq!((d.code.as_str(), d.line, d.column), ("BS023", 5, 9));
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
            s.report(1).unwrap().status,
            CheckStatus::Checked(Kind::Buildspec)
        );
        assert_eq!(s.report(2).unwrap().status, CheckStatus::PlainText);
        assert_eq!(
            s.report(3).unwrap().status,
            CheckStatus::Checked(Kind::Workflow)
        );
        let s = s.apply(Action::SetKind {
            id: 2,
            kind: KindChoice::Kind(cicd_core::Kind::Buildspec),
        });
        assert_eq!(
            s.report(2).unwrap().status,
            CheckStatus::Checked(Kind::Buildspec)
        );
        assert!(s.report(2).unwrap().errors > 0);
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
        assert!(s.report(1).is_none());
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
        assert_eq!(s.docs.as_deref(), Some("BS011"));
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
        assert!(loaded.report(1).unwrap().errors > 0);
    }

    #[test]
    fn image_setting_rechecks() {
        let text = "version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: 18\n  build:\n    commands: [npm ci]\n";
        let s = T::new(State::new(Workspace::new(vec![("buildspec.yml", text)])));
        assert_eq!(s.report(1).unwrap().warnings, 0);
        let s = s.apply(Action::SetImage(Some("aws/codebuild/standard:8.0".into())));
        assert_eq!(s.report(1).unwrap().diagnostics[0].code, "BS033");
    }

    #[test]
    fn panel_settings_travel_with_their_file() {
        let policy = include_str!("../../../examples/trust-policy-github-oidc.json");
        let appspec = include_str!("../../../examples/appspec-ec2.yml");
        let s = T::new(State::new(Workspace::new(vec![
            ("appspec.yml", appspec),
            ("trust-policy.json", policy),
        ])));
        // Two changes before the engine answers build on each other.
        let s = s.change(|i| i.scenario.deployment = cicd_core::appspec::Deployment::BlueGreen);
        let s = s.change(|i| i.scenario.fail = Some("AfterInstall".into()));
        let s = s.settled();
        let inputs = s.panel_inputs();
        assert_eq!(
            inputs.scenario.deployment,
            cicd_core::appspec::Deployment::BlueGreen
        );
        assert_eq!(inputs.scenario.fail.as_deref(), Some("AfterInstall"));
        // The trust policy keeps its own form, suggested by the engine and kept with the file.
        let s = s.apply(Action::Select(2));
        let mut form = s.panel_inputs().assume.expect("suggested and kept");
        assert!(s.workspace.files[1].scenario.contains("myorg/myrepo"));
        form.event = "pull_request".into();
        let s = s.change(|i| i.assume = Some(form)).settled();
        // Everything is in the workspace: a link (or autosave) brings it back.
        let back = cicd_share::from_json(&cicd_share::to_json(&s.workspace, false)).expect("reads");
        let s2 = T::new(State::new(back));
        let s2 = s2.apply(Action::Select(2));
        assert_eq!(
            s2.panel_inputs().assume.map(|f| f.event),
            Some("pull_request".to_string())
        );
        let s2 = s2.apply(Action::Select(1));
        assert_eq!(
            s2.panel_inputs().scenario.fail.as_deref(),
            Some("AfterInstall")
        );
        let Panel::Lifecycle(view) = s2.full().panel else {
            panic!("a lifecycle panel")
        };
        assert!(view.report.failure.is_some());
    }

    fn admission(report: &FileReport) -> &cicd_engine::AdmissionView {
        match &report.panel {
            Panel::Admission(view) => view,
            other => panic!("not an admission panel: {other:?}"),
        }
    }

    #[test]
    fn the_build_side_relates_by_kind_and_a_buildspec_edit_updates_the_pipelines_findings() {
        let buildspec = include_str!("../../../examples/broken/ecs-release-buildspec.yml");
        let s = T::new(State::new(Workspace::new(vec![
            ("buildspec.yml", buildspec),
            (
                "pipeline.json",
                include_str!("../../../examples/broken/ecs-release-pipeline.json"),
            ),
            (
                "ecs/appspec.yaml",
                include_str!("../../../examples/broken/ecs-release-appspec.yaml"),
            ),
            (
                "ecs/taskdef.json",
                include_str!("../../../examples/broken/ecs-release-taskdef.json"),
            ),
            (".github/workflows/deploy.yml", "on: push\njobs: {}\n"),
        ])));
        let names = |s: &T, id: u32| -> Vec<String> {
            let file = s
                .workspace
                .files
                .iter()
                .find(|f| f.id == id)
                .expect("a file");
            s.related(file).into_iter().map(|r| r.name).collect()
        };
        // Each file carries the kinds it depends on, never the workflow (the buildspec and the
        // task definition each other's too: the image definitions the buildspec writes deploy
        // to the task definition).
        assert_eq!(names(&s, 1), ["pipeline.json", "ecs/taskdef.json"]);
        assert_eq!(names(&s, 2), ["buildspec.yml", "ecs/taskdef.json"]);
        assert_eq!(names(&s, 3), ["pipeline.json", "ecs/taskdef.json"]);
        assert_eq!(
            names(&s, 4),
            ["buildspec.yml", "pipeline.json", "ecs/appspec.yaml"]
        );
        let cp035 = |s: &T, id: u32| {
            s.report(id)
                .expect("a report")
                .diagnostics
                .iter()
                .filter(|d| d.code == "CP035")
                .count()
        };
        assert_eq!((cp035(&s, 1), cp035(&s, 2)), (2, 2));
        // The pipeline is shown while the buildspec is fixed: its report is asked for again
        // with the buildspec's new version, and the findings are gone from both files.
        let s = s.apply(Action::Select(2));
        let fixed = buildspec.replace(
            "    - ecs/taskdef.json\n",
            "    - ecs/taskdef.json\n  discard-paths: yes\n",
        );
        let edited = s.state.clone().apply(Action::Edit {
            id: 1,
            text: fixed.clone(),
        });
        let asked: Vec<u32> = edited
            .requests()
            .iter()
            .filter_map(|r| match r {
                Request::Analyze(input) => Some(input.id),
                _ => None,
            })
            .collect();
        assert!(
            asked.contains(&2),
            "the pipeline, for its related buildspec: {asked:?}"
        );
        let s = s.apply(Action::Edit { id: 1, text: fixed });
        assert_eq!((cp035(&s, 1), cp035(&s, 2)), (0, 0));
    }

    #[test]
    fn editing_the_trust_policy_updates_the_workflows_table_and_try_it_fills_its_form() {
        let workflow = include_str!("../../../examples/deploy-workflow-oidc.yml");
        let policy = include_str!("../../../examples/trust-policy-github-oidc-main.json");
        let s = T::new(State::new(Workspace::new(vec![
            (".github/workflows/deploy.yml", workflow),
            ("trust-policy.json", policy),
            (
                "buildspec.yml",
                "version: 0.2\nphases:\n  build:\n    commands: [make]\n",
            ),
        ])));
        assert_eq!(s.analyses(), 3);
        let table = admission(&s.full()).tables[0].clone();
        assert!(table.report.over_broad.is_empty());
        assert!(
            table
                .report
                .rows
                .iter()
                .all(|r| r.decision == cicd_core::workflow::admission::RowDecision::Allow)
        );
        // Only workflows and trust policies carry each other.
        let names = |id: u32| -> Vec<String> {
            let file = s
                .workspace
                .files
                .iter()
                .find(|f| f.id == id)
                .expect("a file");
            s.related(file).into_iter().map(|r| r.name).collect()
        };
        assert_eq!(names(1), ["trust-policy.json"]);
        assert_eq!(names(2), [".github/workflows/deploy.yml"]);
        assert!(names(3).is_empty());

        // The policy is edited while the workflow is shown: the workflow's report is asked for
        // again with the policy's new version, and the workflow is not analysed again.
        let broad = policy.replace("refs/heads/main", "refs/heads/*");
        let edited = s.state.clone().apply(Action::Edit {
            id: 2,
            text: broad.clone(),
        });
        let asked: Vec<u32> = edited
            .requests()
            .iter()
            .filter_map(|r| match r {
                Request::Analyze(input) => Some(input.id),
                _ => None,
            })
            .collect();
        assert_eq!(asked, [1, 2], "the workflow too, for its related policy");
        let s = s.apply(Action::Edit { id: 2, text: broad });
        assert_eq!(s.analyses(), 4, "the policy's new text, once");
        assert_eq!(s.current().map(|f| f.id), Some(1));
        let full = s.full();
        assert_eq!(
            full.related,
            [FileVersion {
                id: 2,
                version: s.versions[&2]
            }]
        );
        let table = admission(&full).tables[0].clone();
        let caller = table
            .report
            .over_broad
            .iter()
            .position(|o| o.kind == cicd_core::workflow::admission::CallerKind::OtherBranch)
            .expect("another branch gets in");
        // The finding shows in both files' problem lists.
        assert!(
            s.report(1)
                .unwrap()
                .diagnostics
                .iter()
                .any(|d| d.code == "GHA081")
        );
        assert!(
            s.report(2)
                .unwrap()
                .diagnostics
                .iter()
                .any(|d| d.code == "GHA081")
        );

        // A row's click shows the job in the workflow; the deciding place, the policy.
        let row = &table.report.rows[0];
        let s = s.apply(Action::Open {
            file: row.job_at.file,
            offset: row.job_at.from16,
        });
        assert_eq!(s.current().map(|f| f.id), Some(1));
        assert_eq!(
            s.cursor.map(|c| (c.file, c.offset)),
            Some((1, row.job_at.from16))
        );
        let place = row.policy_at.expect("a deciding place");
        let s = s.apply(Action::Open {
            file: place.file,
            offset: place.from16,
        });
        assert_eq!(s.current().map(|f| f.id), Some(2));
        assert_eq!(
            s.cursor.map(|c| (c.file, c.offset)),
            Some((2, place.from16))
        );

        // "Try it" fills the policy's Assume form with the caller, keeping its other settings.
        let s = s.apply(Action::Select(1));
        let form = table.try_forms[caller].clone().expect("a form");
        let (key, json) = PanelInputs::assume_part(&form);
        let s = s.apply(Action::SetPanelPart { file: 2, key, json });
        assert_eq!(s.current().map(|f| f.id), Some(2));
        assert_eq!(s.panel_inputs().assume, Some(form.clone()));
        let Panel::Trust(view) = s.full().panel else {
            panic!("a trust panel")
        };
        assert_eq!(view.form, form);
        assert!(
            view.report.expect("answered").allowed(),
            "the branch gets in"
        );
        let mut inputs = s.panel_inputs();
        inputs.scenario.fail = Some("AfterInstall".into());
        let s = s.change(|i| *i = inputs.clone()).settled();
        let (key, json) = PanelInputs::assume_part(&AssumeForm::default());
        let s = s.apply(Action::SetPanelPart { file: 2, key, json });
        assert_eq!(
            s.panel_inputs().scenario.fail.as_deref(),
            Some("AfterInstall"),
            "the other parts are kept"
        );
    }
}
