//! The page around the app: URL parameters, the fragment, localStorage, the system theme.

use cicd_share::workspace::{Theme, Workspace};

/// Where the workspace is autosaved.
pub const STORAGE_KEY: &str = "cicd-playground:workspace";

/// Options read from the query string (`?embed=1&readonly=1&file=appspec.yml&theme=dark`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageOptions {
    /// Embed mode: no gallery or file management, nothing saved locally.
    pub embed: bool,
    /// The editor is read-only.
    pub read_only: bool,
    /// The file to show first.
    pub file: Option<String>,
    /// A forced theme.
    pub theme: Option<Theme>,
    /// An example to open (`?example=buildspec`).
    pub example: Option<String>,
    /// A rule whose docs to open (`?rule=BS021`).
    pub rule: Option<String>,
}

impl PageOptions {
    /// Parses a query string (with or without its `?`).
    pub fn parse(query: &str) -> PageOptions {
        let mut options = PageOptions::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode_component(value);
            let on = matches!(value.as_str(), "" | "1" | "true" | "yes");
            match key {
                "embed" => options.embed = on,
                "readonly" => options.read_only = on,
                "file" if !value.is_empty() => options.file = Some(value),
                "theme" => {
                    options.theme = match value.as_str() {
                        "light" => Some(Theme::Light),
                        "dark" => Some(Theme::Dark),
                        _ => None,
                    }
                }
                "example" if !value.is_empty() => options.example = Some(value),
                "rule" if !value.is_empty() => options.rule = Some(value),
                _ => {}
            }
        }
        options
    }
}

/// Percent-decoding of a query value (`+` is a space).
fn decode_component(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes.get(i) {
            Some(b'%') => {
                let hex = value
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                if let Some(b) = hex {
                    out.push(b);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            Some(b'+') => out.push(b' '),
            Some(&b) => out.push(b),
            None => {}
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The query string of the page.
pub fn query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The fragment of the page, without `#`.
pub fn fragment() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Removes the fragment from the address bar without reloading (so that a reload does not
/// import the link again).
pub fn clear_fragment() {
    if let Some(w) = window()
        && let (Ok(path), Ok(search)) = (w.location().pathname(), w.location().search())
        && let Ok(history) = w.history()
    {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}

/// Removes `?example=` from the address bar without reloading: like a `#v1:` link, an example
/// named in the URL is opened once (a reload then shows the autosaved work, and switching
/// examples never leaves a stale name behind).
pub fn consume_example_param() {
    let Some(w) = window() else { return };
    let (Ok(path), Ok(search), Ok(hash)) = (
        w.location().pathname(),
        w.location().search(),
        w.location().hash(),
    ) else {
        return;
    };
    let kept = without_param(&search, "example");
    if kept == search {
        return;
    }
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{kept}{hash}")),
        );
    }
}

/// `query` (with its `?`) without the parameter `name`.
fn without_param(query: &str, name: &str) -> String {
    let kept: Vec<&str> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(name))
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

pub use cicd_panels::dom::inline_code;

/// The page's URL without query and fragment.
pub fn base_url() -> String {
    window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    window().and_then(|w| w.local_storage().ok().flatten())
}

/// The autosaved workspace, if any.
pub fn load_workspace() -> Option<Workspace> {
    let json = storage()?.get_item(STORAGE_KEY).ok()??;
    cicd_share::from_json(&json).ok().map(Workspace::normalize)
}

/// Saves the workspace; `false` when storage is full or disabled.
pub fn save_workspace(workspace: &Workspace) -> bool {
    let json = cicd_share::to_json(workspace, false);
    storage().is_some_and(|s| s.set_item(STORAGE_KEY, &json).is_ok())
}

/// Whether the system prefers a dark theme.
pub fn system_prefers_dark() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Sets `data-theme` on the root element.
pub fn apply_theme(dark: bool) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_options() {
        let o = PageOptions::parse("?embed=1&readonly=1&file=appspec%2Dx.yml&theme=dark");
        assert!(o.embed && o.read_only);
        assert_eq!(o.file.as_deref(), Some("appspec-x.yml"));
        assert_eq!(o.theme, Some(Theme::Dark));
        let o = PageOptions::parse("embed&theme=purple&example=buildspec&rule=BS021");
        assert!(o.embed && !o.read_only);
        assert_eq!(o.theme, None);
        assert_eq!(o.example.as_deref(), Some("buildspec"));
        assert_eq!(o.rule.as_deref(), Some("BS021"));
        assert_eq!(PageOptions::parse(""), PageOptions::default());
        assert_eq!(decode_component("a+b%20c%zz"), "a b c%zz");
        assert_eq!(without_param("?example=x&embed=1", "example"), "?embed=1");
        assert_eq!(without_param("?example=x", "example"), "");
        assert_eq!(without_param("?examples=x", "example"), "?examples=x");
    }
}
