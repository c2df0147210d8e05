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
    /// The options of a query, given the first value of each parameter (percent-decoded):
    /// `param("embed")` is `Some("1")` for `?embed=1`, `Some("")` for `?embed`.
    pub fn from_params(param: impl Fn(&str) -> Option<String>) -> PageOptions {
        let on =
            |key: &str| param(key).is_some_and(|v| matches!(v.as_str(), "" | "1" | "true" | "yes"));
        let named = |key: &str| param(key).filter(|v| !v.is_empty());
        PageOptions {
            embed: on("embed"),
            read_only: on("readonly"),
            file: named("file"),
            theme: match param("theme").as_deref() {
                Some("light") => Some(Theme::Light),
                Some("dark") => Some(Theme::Dark),
                _ => None,
            },
            example: named("example"),
            rule: named("rule"),
        }
    }

    /// The page's options, its query string read by the browser's `URLSearchParams`.
    pub fn of_page() -> PageOptions {
        match web_sys::UrlSearchParams::new_with_str(&query()) {
            Ok(params) => PageOptions::from_params(|key| params.get(key)),
            Err(_) => PageOptions::default(),
        }
    }
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
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    if !params.has("example") {
        return;
    }
    params.delete("example");
    let rest = String::from(params.to_string());
    let kept = if rest.is_empty() {
        rest
    } else {
        format!("?{rest}")
    };
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{kept}{hash}")),
        );
    }
}

pub use cicd_panels::dom::inline_code;

/// Opens a share link's fragment: [`cicd_share::decode`], with the browser's decompressor (the
/// first-paint module carries no DEFLATE decoder).
pub async fn decode_link(fragment: &str) -> Result<Workspace, cicd_share::ShareError> {
    use cicd_share::{MAX_INFLATED, ShareError};
    let compressed = cicd_share::compressed(fragment)?;
    let limit = u32::try_from(MAX_INFLATED).unwrap_or(u32::MAX);
    match crate::editor::inflate_raw(&compressed, limit).await {
        Ok(json) => cicd_share::from_inflated(json),
        Err(why) if why == "too-large" => Err(ShareError::TooLarge),
        Err(why) if why == "unsupported" => Err(ShareError::Unsupported),
        Err(_) => Err(ShareError::Corrupt),
    }
}

/// The message of a JavaScript error (an `Error`'s message, a thrown string), or `fallback`.
pub fn error_message(error: &wasm_bindgen::JsValue, fallback: &str) -> String {
    use wasm_bindgen::JsCast;
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| fallback.to_string())
}

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

    /// The first value of each parameter, as `URLSearchParams.get` answers (already decoded).
    fn options(pairs: &[(&str, &str)]) -> PageOptions {
        PageOptions::from_params(|key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn query_options() {
        let o = options(&[
            ("embed", "1"),
            ("readonly", "1"),
            ("file", "appspec-x.yml"),
            ("theme", "dark"),
        ]);
        assert!(o.embed && o.read_only);
        assert_eq!(o.file.as_deref(), Some("appspec-x.yml"));
        assert_eq!(o.theme, Some(Theme::Dark));
        let o = options(&[
            ("embed", ""),
            ("theme", "purple"),
            ("example", "buildspec"),
            ("rule", "BS021"),
        ]);
        assert!(o.embed && !o.read_only);
        assert_eq!(o.theme, None);
        assert_eq!(o.example.as_deref(), Some("buildspec"));
        assert_eq!(o.rule.as_deref(), Some("BS021"));
        assert_eq!(
            options(&[("embed", "0"), ("file", "")]),
            PageOptions::default()
        );
        assert_eq!(options(&[]), PageOptions::default());
    }
}
