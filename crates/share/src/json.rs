//! The workspace as JSON (autosave, downloads, share links), written by hand and read into a small
//! owned [`Json`] value: in the browser by the browser's own `JSON.parse` (so the playground's
//! first-paint module carries no JSON parser at all), natively by the core's JSON reader. One
//! validator turns the value into a workspace, with the same messages everywhere.
//!
//! Keys are short because they end up in URLs: `{"f":[{"i":1,"n":"name","t":"text","k":"kind"}],
//! "s":0,"o":{"th":"dark","im":"image"}}`; `k`, `th` and `im` are left out at their defaults, and
//! so is `c`, a file's panel settings (a JSON text the engine reads, carried as a string).

use crate::workspace::{File, KindChoice, Settings, Theme, Workspace};

/// Writes `s` as a JSON string literal.
fn string(out: &mut String, s: &str) {
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The workspace as compact JSON (`pretty` adds line breaks between files, for downloads).
pub fn to_json(workspace: &Workspace, pretty: bool) -> String {
    let nl = if pretty { "\n  " } else { "" };
    let mut out = String::with_capacity(
        workspace
            .files
            .iter()
            .map(|f| f.text.len() + f.name.len() + 32)
            .sum(),
    );
    out.push_str("{\"f\":[");
    for (i, f) in workspace.files.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(nl);
        out.push_str(&format!("{{\"i\":{},\"n\":", f.id));
        string(&mut out, &f.name);
        out.push_str(",\"t\":");
        string(&mut out, &f.text);
        if f.kind != KindChoice::Auto {
            out.push_str(",\"k\":");
            string(&mut out, f.kind.id());
        }
        if !f.scenario.is_empty() {
            out.push_str(",\"c\":");
            string(&mut out, &f.scenario);
        }
        out.push('}');
    }
    out.push_str(if pretty { "\n]," } else { "]," });
    out.push_str(&format!("\"s\":{},\"o\":{{", workspace.selected));
    let mut first = true;
    if workspace.settings.theme != Theme::Auto {
        out.push_str("\"th\":");
        string(&mut out, workspace.settings.theme.id());
        first = false;
    }
    if let Some(image) = &workspace.settings.image {
        if !first {
            out.push(',');
        }
        out.push_str("\"im\":");
        string(&mut out, image);
    }
    out.push_str("}}");
    out
}

/// A JSON value, as far as the workspace format needs it (deeper nesting than the format has is
/// cut off, so hostile input cannot make reading it recurse without bound).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`, or a value nested deeper than the format allows.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, in document order (of two equal keys the last wins, as `JSON.parse` does).
    Object(Vec<(String, Json)>),
}

/// How deep values are read (the workspace format nests 3 levels).
const MAX_DEPTH: usize = 8;

impl Json {
    /// Reads `text` (the browser's `JSON.parse` in wasm, the core's reader natively).
    pub fn parse(text: &str) -> Result<Json, String> {
        parse(text)
    }

    /// The value of `key` in an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn parse(text: &str) -> Result<Json, String> {
    use wasm_bindgen::JsCast;

    fn convert(value: &wasm_bindgen::JsValue, depth: usize) -> Json {
        if depth > MAX_DEPTH || value.is_null() || value.is_undefined() {
            return Json::Null;
        }
        if let Some(b) = value.as_bool() {
            return Json::Bool(b);
        }
        if let Some(n) = value.as_f64() {
            return Json::Number(n);
        }
        if let Some(s) = value.as_string() {
            return Json::String(s);
        }
        if let Some(array) = value.dyn_ref::<js_sys::Array>() {
            return Json::Array(array.iter().map(|v| convert(&v, depth + 1)).collect());
        }
        let object: &js_sys::Object = value.unchecked_ref();
        Json::Object(
            js_sys::Object::entries(object)
                .iter()
                .filter_map(|pair| {
                    let pair: js_sys::Array = pair.dyn_into().ok()?;
                    Some((pair.get(0).as_string()?, convert(&pair.get(1), depth + 1)))
                })
                .collect(),
        )
    }
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let message = e
            .dyn_ref::<js_sys::Error>()
            .map_or_else(|| "unreadable".to_string(), |e| String::from(e.message()));
        format!("not valid JSON: {message}")
    })?;
    Ok(convert(&value, 0))
}

#[cfg(not(target_arch = "wasm32"))]
fn parse(text: &str) -> Result<Json, String> {
    use cicd_core::source::{self, Limits, Node, Style, Value};

    fn convert(node: &Node, depth: usize) -> Json {
        if depth > MAX_DEPTH {
            return Json::Null;
        }
        match &node.value {
            Value::Map(map) => Json::Object(
                map.entries
                    .iter()
                    .filter_map(|p| Some((p.key_str()?.to_string(), convert(&p.value, depth + 1))))
                    .collect(),
            ),
            Value::Seq(seq) => {
                Json::Array(seq.items.iter().map(|i| convert(i, depth + 1)).collect())
            }
            Value::Scalar(s) => match s.style {
                Style::JsonString => Json::String(s.text.clone()),
                Style::JsonNumber => s.text.parse().map_or(Json::Null, Json::Number),
                _ => match s.text.as_str() {
                    "true" => Json::Bool(true),
                    "false" => Json::Bool(false),
                    _ => Json::Null,
                },
            },
            Value::Invalid => Json::Null,
        }
    }
    let doc = source::parse_json(text, &Limits::default());
    // Every problem reading JSON is an error (the YAML-only multiple-documents warning aside).
    if let Some(issue) = doc.issues.first() {
        return Err(format!("not valid JSON: {}", issue.message));
    }
    Ok(convert(&doc.root, 0))
}

/// A file's panel settings (a JSON object, or empty) with the part `key` set to the JSON value
/// `part`, the other parts as they were: how a panel of one file fills another file's panel
/// ("try it" in a workflow's table fills a trust policy's Assume form) without the shell reading
/// either. `None` when `part` is not JSON; settings that are not an object start anew.
pub fn with_part(settings: &str, key: &str, part: &str) -> Option<String> {
    with_part_impl(settings, key, part)
}

#[cfg(target_arch = "wasm32")]
fn with_part_impl(settings: &str, key: &str, part: &str) -> Option<String> {
    // The browser's JSON: exact for whatever the parts hold, and no parser in the shell.
    let part = js_sys::JSON::parse(part).ok()?;
    let object = js_sys::JSON::parse(settings)
        .ok()
        .filter(|v| v.is_object() && !js_sys::Array::is_array(v))
        .unwrap_or_else(|| js_sys::Object::new().into());
    js_sys::Reflect::set(&object, &key.into(), &part).ok()?;
    js_sys::JSON::stringify(&object).ok()?.as_string()
}

#[cfg(not(target_arch = "wasm32"))]
fn with_part_impl(settings: &str, key: &str, part: &str) -> Option<String> {
    fn write(value: &Json, out: &mut String) {
        match value {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(&n.to_string()),
            Json::String(s) => string(out, s),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(item, out);
                }
                out.push(']');
            }
            Json::Object(entries) => {
                out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    string(out, k);
                    out.push(':');
                    write(v, out);
                }
                out.push('}');
            }
        }
    }
    let part = Json::parse(part).ok()?;
    let mut entries = match Json::parse(settings) {
        Ok(Json::Object(entries)) => entries,
        _ => Vec::new(),
    };
    entries.retain(|(k, _)| k != key);
    entries.push((key.to_string(), part));
    let mut out = String::new();
    write(&Json::Object(entries), &mut out);
    Some(out)
}

fn text<'a>(value: &'a Json, what: &str) -> Result<&'a str, String> {
    value
        .as_str()
        .ok_or_else(|| format!("{what} must be a string"))
}

fn number(value: &Json, what: &str) -> Result<u32, String> {
    match value {
        Json::Number(n) if n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX) => {
            Ok(*n as u32)
        }
        _ => Err(format!("{what} must be a whole number")),
    }
}

/// Reads a workspace written by [`to_json`] (or by earlier versions with the same keys).
pub fn from_json(json: &str) -> Result<Workspace, String> {
    let root = Json::parse(json)?;
    if !matches!(root, Json::Object(_)) {
        return Err("the data is not a JSON object".to_string());
    }
    let files = root.get("f").ok_or("there is no list of files (`f`)")?;
    let Json::Array(files) = files else {
        return Err("`f` must be a list of files".to_string());
    };
    let mut out = Vec::new();
    for (n, f) in files.iter().enumerate() {
        let what = |k: &str| format!("file {} `{k}`", n + 1);
        if !matches!(f, Json::Object(_)) {
            return Err(format!("file {} is not an object", n + 1));
        }
        let kind = match f.get("k") {
            None => KindChoice::Auto,
            Some(k) => KindChoice::from_id(text(k, &what("k"))?)
                .ok_or_else(|| format!("{} is not a kind", what("k")))?,
        };
        out.push(File {
            id: number(
                f.get("i")
                    .ok_or_else(|| format!("{} is missing", what("i")))?,
                &what("i"),
            )?,
            name: text(
                f.get("n")
                    .ok_or_else(|| format!("{} is missing", what("n")))?,
                &what("n"),
            )?
            .to_string(),
            text: text(
                f.get("t")
                    .ok_or_else(|| format!("{} is missing", what("t")))?,
                &what("t"),
            )?
            .to_string(),
            kind,
            // Panel settings are optional extras: a wrong type or an oversized value is dropped.
            scenario: f
                .get("c")
                .and_then(Json::as_str)
                .filter(|c| c.len() <= crate::workspace::MAX_SCENARIO)
                .unwrap_or_default()
                .to_string(),
        });
    }
    let selected = match root.get("s") {
        Some(s) => number(s, "`s`")? as usize,
        None => 0,
    };
    let mut settings = Settings::default();
    if let Some(o) = root.get("o") {
        if let Some(th) = o.get("th") {
            settings.theme = Theme::from_id(text(th, "`o.th`")?).ok_or("`o.th` is not a theme")?;
        }
        if let Some(im) = o.get("im") {
            settings.image = Some(text(im, "`o.im`")?.to_string());
        }
    }
    Ok(Workspace {
        files: out,
        selected,
        settings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_short_names() {
        let mut ws = Workspace::new(vec![("buildspec.yml", "v: \"q\"\n\t\\ é😀\u{1}")]);
        assert_eq!(
            to_json(&ws, false),
            "{\"f\":[{\"i\":1,\"n\":\"buildspec.yml\",\"t\":\"v: \\\"q\\\"\\n\\t\\\\ é😀\\u0001\"}],\"s\":0,\"o\":{}}"
        );
        ws.files[0].kind = KindChoice::Text;
        ws.files[0].scenario = r#"{"l":{"fail":"AfterInstall"}}"#.into();
        ws.settings.theme = Theme::Dark;
        ws.settings.image = Some("aws/codebuild/standard:7.0".into());
        ws.selected = 0;
        for pretty in [false, true] {
            assert_eq!(from_json(&to_json(&ws, pretty)), Ok(ws.clone()));
        }
    }

    #[test]
    fn a_part_of_the_panel_settings_is_set_and_the_others_kept() {
        let set = |settings, part| with_part(settings, "a", part);
        assert_eq!(
            set(
                r#"{"l":{"fail":"x"},"a":{"repo":"o/r"}}"#,
                r#"{"repo":"o/s"}"#
            )
            .as_deref(),
            Some(r#"{"l":{"fail":"x"},"a":{"repo":"o/s"}}"#)
        );
        assert_eq!(set("", r#"{"e":1}"#).as_deref(), Some(r#"{"a":{"e":1}}"#));
        assert_eq!(set("[1]", "true").as_deref(), Some(r#"{"a":true}"#));
        assert_eq!(set("{}", "{"), None);
    }

    #[test]
    fn defaults_and_errors() {
        let ws = from_json(r#"{"f":[{"i":1,"n":"a","t":"b","k":"text"}]}"#).unwrap();
        assert_eq!(ws.files[0].kind, KindChoice::Text);
        assert_eq!(ws.selected, 0);
        assert!(from_json("[]").unwrap_err().contains("object"));
        assert!(from_json(r#"{"x":1}"#).unwrap_err().contains("`f`"));
        assert!(
            from_json(r#"{"f":[{"i":"1","n":"a","t":"b"}]}"#)
                .unwrap_err()
                .contains("`i`")
        );
        assert!(
            from_json(r#"{"f":[{"i":1,"n":"a","t":"b","k":"nope"}]}"#)
                .unwrap_err()
                .contains("kind")
        );
        assert!(from_json("{").unwrap_err().contains("JSON"));
        // Panel settings of the wrong type are dropped, not an error.
        let ws = from_json(r#"{"f":[{"i":1,"n":"a","t":"b","c":7}]}"#).unwrap();
        assert_eq!(ws.files[0].scenario, "");
    }
}
