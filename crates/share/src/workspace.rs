//! The workspace: the files being edited and the settings, as saved to localStorage and shared
//! in links. Field names are short because they end up in URLs.

use cicd_core::Kind;

/// How a file's kind is chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KindChoice {
    /// Detected from the name, then the content.
    #[default]
    Auto,
    /// Forced by the user.
    Kind(Kind),
    /// Not checked: edited as plain text.
    Text,
}

impl KindChoice {
    /// Every choice, in menu order: automatic, each kind of the kind table, plain text.
    pub fn all() -> impl Iterator<Item = KindChoice> {
        std::iter::once(KindChoice::Auto)
            .chain(Kind::ALL.iter().map(|k| KindChoice::Kind(*k)))
            .chain(std::iter::once(KindChoice::Text))
    }

    /// The identifier used in menus and URLs (a kind's id for a forced kind).
    pub fn id(self) -> &'static str {
        match self {
            KindChoice::Auto => "auto",
            KindChoice::Text => "text",
            KindChoice::Kind(kind) => kind.id(),
        }
    }

    /// The choice with identifier `id`.
    pub fn from_id(id: &str) -> Option<KindChoice> {
        KindChoice::all().find(|c| c.id() == id)
    }

    /// The forced kind, if any.
    pub fn kind(self) -> Option<Kind> {
        match self {
            KindChoice::Kind(kind) => Some(kind),
            KindChoice::Auto | KindChoice::Text => None,
        }
    }
}

/// One file of the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    /// Stable identity within the workspace (survives renames and reordering).
    pub id: u32,
    /// File name, such as `buildspec.yml`.
    pub name: String,
    /// The text.
    pub text: String,
    /// How its kind is chosen.
    pub kind: KindChoice,
    /// The settings of the file's simulation panels (lifecycle scenario, "Assume role?" form,
    /// …) as compact JSON, read by the engine (empty: the defaults). Opaque here, so that a new
    /// panel never changes the link format; at most [`MAX_SCENARIO`] bytes.
    pub scenario: String,
}

/// Longest panel settings kept with a file (longer ones are dropped, never an error).
pub const MAX_SCENARIO: usize = 16 * 1024;

/// The colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    /// `auto`, `light` or `dark`.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme with identifier `id`.
    pub fn from_id(id: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.id() == id)
    }
}

/// Settings that travel with the workspace.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// Colour theme.
    pub theme: Theme,
    /// The CodeBuild image buildspecs are checked against.
    pub image: Option<String>,
}

/// The whole workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    /// The files, in tab order.
    pub files: Vec<File>,
    /// Index of the selected file.
    pub selected: usize,
    /// Settings.
    pub settings: Settings,
}

/// Most files a workspace may hold.
pub const MAX_FILES: usize = 50;

impl Workspace {
    /// A workspace of the given files, the first selected.
    pub fn new(files: Vec<(&str, &str)>) -> Workspace {
        Workspace {
            files: files
                .into_iter()
                .enumerate()
                .map(|(i, (name, text))| File {
                    id: i as u32 + 1,
                    name: name.to_string(),
                    text: text.to_string(),
                    kind: KindChoice::Auto,
                    scenario: String::new(),
                })
                .collect(),
            selected: 0,
            settings: Settings::default(),
        }
    }

    /// The selected file, if the workspace has any.
    pub fn current(&self) -> Option<&File> {
        self.files.get(self.selected).or_else(|| self.files.first())
    }

    /// An unused file id.
    pub fn next_id(&self) -> u32 {
        self.files.iter().map(|f| f.id).max().unwrap_or(0) + 1
    }

    /// A name not used by another file, derived from `wanted` (`buildspec-2.yml`).
    pub fn unique_name(&self, wanted: &str, except: Option<u32>) -> String {
        let taken = |n: &str| {
            self.files
                .iter()
                .any(|f| f.name == n && Some(f.id) != except)
        };
        if !taken(wanted) {
            return wanted.to_string();
        }
        let (stem, ext) = match wanted.rsplit_once('.') {
            Some((s, e)) if !s.is_empty() => (s, format!(".{e}")),
            _ => (wanted, String::new()),
        };
        (2..)
            .map(|n| format!("{stem}-{n}{ext}"))
            .find(|candidate| !taken(candidate))
            .unwrap_or_else(|| wanted.to_string())
    }

    /// Makes the workspace consistent after loading it from outside: ids unique and non-zero,
    /// names unique, selection in range, at most [`MAX_FILES`] files.
    pub fn normalize(mut self) -> Workspace {
        self.files.truncate(MAX_FILES);
        let mut seen = std::collections::HashSet::new();
        let mut next = self
            .files
            .iter()
            .map(|f| f.id)
            .max()
            .unwrap_or(0)
            .saturating_add(1);
        for f in &mut self.files {
            if f.id == 0 || !seen.insert(f.id) {
                f.id = next;
                next = next.saturating_add(1);
                seen.insert(f.id);
            }
            if f.name.trim().is_empty() {
                f.name = "untitled.yml".to_string();
            }
            if f.scenario.len() > MAX_SCENARIO {
                f.scenario.clear();
            }
        }
        let mut names = std::collections::HashSet::new();
        for i in 0..self.files.len() {
            let Some(name) = self.files.get(i).map(|f| f.name.clone()) else {
                continue;
            };
            if !names.insert(name.clone()) {
                let id = self.files.get(i).map(|f| f.id);
                let unique = self.unique_name(&name, id);
                if let Some(f) = self.files.get_mut(i) {
                    f.name = unique.clone();
                }
                names.insert(unique);
            }
        }
        if self.selected >= self.files.len() {
            self.selected = 0;
        }
        self
    }

    /// Whether `other` holds exactly the same files (names and texts), whatever the selection.
    pub fn same_files(&self, other: &Workspace) -> bool {
        self.files.len() == other.files.len()
            && self
                .files
                .iter()
                .zip(&other.files)
                .all(|(a, b)| a.name == b.name && a.text == b.text)
    }
}

/// The kind a file is checked as: its forced kind, else detected from its name and content;
/// `None` for plain text.
pub fn effective_kind(file: &File) -> Option<Kind> {
    match file.kind {
        KindChoice::Text => None,
        KindChoice::Auto => Kind::detect(Some(&file.name), &file.text),
        forced => forced.kind(),
    }
}

/// The editor language for a file: JSON for `.json` names or JSON-looking text, else YAML for
/// YAML names and kinds, else plain text.
pub fn language(file: &File, kind: Option<Kind>) -> &'static str {
    let lower = file.name.to_ascii_lowercase();
    if lower.ends_with(".json") {
        return "json";
    }
    if lower.ends_with(".yml") || lower.ends_with(".yaml") {
        return "yaml";
    }
    match kind {
        Some(Kind::TrustPolicy) => "json",
        Some(k) if cicd_core::format_for(k, &file.text) == cicd_core::source::Format::Json => {
            "json"
        }
        Some(_) => "yaml",
        None => "text",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_names() {
        let ws = Workspace::new(vec![("buildspec.yml", ""), ("buildspec-2.yml", "")]);
        assert_eq!(ws.unique_name("buildspec.yml", None), "buildspec-3.yml");
        assert_eq!(ws.unique_name("buildspec.yml", Some(1)), "buildspec.yml");
        assert_eq!(ws.unique_name("README", None), "README");
    }

    #[test]
    fn normalize_repairs_outside_input() {
        let mut ws = Workspace::new(vec![("a.yml", "x"), ("a.yml", "y"), ("", "z")]);
        ws.files[1].id = 1;
        ws.selected = 9;
        let ws = ws.normalize();
        let ids: std::collections::HashSet<_> = ws.files.iter().map(|f| f.id).collect();
        assert_eq!(ids.len(), 3);
        assert_eq!(ws.files[1].name, "a-2.yml");
        assert_eq!(ws.files[2].name, "untitled.yml");
        assert_eq!(ws.selected, 0);
    }

    #[test]
    fn kinds_and_languages() {
        let ws = Workspace::new(vec![
            ("buildspec.yml", "version: 0.2\n"),
            ("notes.txt", "hello"),
            ("policy.json", "{}"),
        ]);
        assert_eq!(effective_kind(&ws.files[0]), Some(Kind::Buildspec));
        assert_eq!(effective_kind(&ws.files[1]), None);
        assert_eq!(language(&ws.files[0], Some(Kind::Buildspec)), "yaml");
        assert_eq!(language(&ws.files[1], None), "text");
        assert_eq!(language(&ws.files[2], None), "json");
        let mut forced = ws.files[1].clone();
        forced.kind = KindChoice::Kind(Kind::Buildspec);
        assert_eq!(effective_kind(&forced), Some(Kind::Buildspec));
    }
}
