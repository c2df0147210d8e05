//! The workspace as JSON (autosave, downloads, share links), read with the core's JSON reader and
//! written by hand: the playground's wasm already carries that reader, and a second JSON library
//! with derived (de)serializers would add tens of kilobytes to every page load.
//!
//! Keys are short because they end up in URLs: `{"f":[{"i":1,"n":"name","t":"text","k":"kind"}],
//! "s":0,"o":{"th":"dark","im":"image"}}`; `k`, `th` and `im` are left out at their defaults.

use cicd_core::source::{self, Limits, Node};

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

fn text<'a>(node: &'a Node, what: &str) -> Result<&'a str, String> {
    node.scalar()
        .filter(|s| s.style == source::Style::JsonString)
        .map(|s| s.text.as_str())
        .ok_or_else(|| format!("{what} must be a string"))
}

fn number(node: &Node, what: &str) -> Result<u32, String> {
    node.scalar()
        .filter(|s| s.style == source::Style::JsonNumber)
        .and_then(|s| s.text.parse::<u32>().ok())
        .ok_or_else(|| format!("{what} must be a whole number"))
}

/// Reads a workspace written by [`to_json`] (or by earlier versions with the same keys).
pub fn from_json(json: &str) -> Result<Workspace, String> {
    let doc = source::parse_json(json, &Limits::default());
    // Every problem reading JSON is an error (the YAML-only multiple-documents warning aside).
    if let Some(issue) = doc.issues.first() {
        return Err(format!("not valid JSON: {}", issue.message));
    }
    let root = &doc.root;
    if root.map().is_none() {
        return Err("the data is not a JSON object".to_string());
    }
    let files = root.get("f").ok_or("there is no list of files (`f`)")?;
    if files.seq().is_none() {
        return Err("`f` must be a list of files".to_string());
    }
    let mut out = Vec::new();
    for (n, f) in files.items().iter().enumerate() {
        let what = |k: &str| format!("file {} `{k}`", n + 1);
        if f.map().is_none() {
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
        ws.settings.theme = Theme::Dark;
        ws.settings.image = Some("aws/codebuild/standard:7.0".into());
        ws.selected = 0;
        for pretty in [false, true] {
            assert_eq!(from_json(&to_json(&ws, pretty)), Ok(ws.clone()));
        }
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
    }
}
