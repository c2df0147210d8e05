//! Completion and hover for the editor: the core's ([`cicd_core::complete`]) at the cursor,
//! converted between the editor's UTF-16 offsets and the core's bytes.

use cicd_core::Kind;
use cicd_core::complete::{self, ItemKind};
use cicd_share::workspace::KindChoice;

use crate::protocol::{AssistInput, AssistKind, AssistReport, ViewCompletion, ViewHover};

/// The byte offset of UTF-16 offset `offset16` of `text` (clamped to the text, on a character
/// boundary).
fn byte_offset(text: &str, offset16: u32) -> usize {
    let mut units = 0u32;
    for (i, c) in text.char_indices() {
        if units >= offset16 {
            return i;
        }
        units += c.len_utf16() as u32;
    }
    text.len()
}

/// The UTF-16 offset of byte offset `offset` of `text`.
fn utf16_offset(text: &str, offset: usize) -> u32 {
    let head = text.get(..offset).unwrap_or(text);
    head.encode_utf16().count() as u32
}

pub(crate) fn answer(input: &AssistInput) -> AssistReport {
    let mut report = AssistReport {
        ask: input.ask,
        id: input.id,
        version: input.version,
        ..AssistReport::default()
    };
    let kind = match KindChoice::from_id(&input.kind).unwrap_or_default() {
        KindChoice::Text => None,
        KindChoice::Auto => Kind::detect(Some(&input.name), &input.text),
        KindChoice::Kind(kind) => Some(kind),
    };
    let Some(kind) = kind.filter(|k| k.is_supported()) else {
        return report;
    };
    let text = &input.text;
    let offset = byte_offset(text, input.offset16);
    let options = cicd_core::Options {
        buildspec: cicd_core::buildspec::Options {
            image: input.image.clone(),
        },
        ..cicd_core::Options::default()
    };
    match input.what {
        AssistKind::Complete => {
            let found = complete::complete(kind, text, offset, &options);
            report.from16 = utf16_offset(text, found.from);
            report.to16 = utf16_offset(text, found.to);
            report.items = found
                .items
                .into_iter()
                .map(|c| ViewCompletion {
                    url: c.url(),
                    label: c.label,
                    insert: c.insert,
                    kind: match c.kind {
                        ItemKind::Key => "key",
                        ItemKind::Value => "value",
                    }
                    .to_string(),
                    doc: c.doc,
                    code: c.rule.map(str::to_string),
                })
                .collect();
        }
        AssistKind::Hover => {
            report.hover = complete::hover(kind, text, offset, &options).map(|h| ViewHover {
                from16: utf16_offset(text, h.from),
                to16: utf16_offset(text, h.to),
                url: h.url(),
                key: h.key,
                doc: h.doc,
                code: h.rule.map(str::to_string),
            });
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(what: AssistKind, name: &str, text: &str, offset16: u32) -> AssistReport {
        answer(&AssistInput {
            ask: 4,
            what,
            id: 1,
            version: 2,
            name: name.into(),
            text: text.into(),
            kind: "auto".into(),
            image: None,
            offset16,
        })
    }

    #[test]
    fn completions_in_utf16_offsets() {
        // "é" and "😀" are 1 and 2 UTF-16 units but 2 and 4 bytes.
        let text = "# é😀\nversion: 0.2\nphases:\n  pre\n";
        let cursor = text.find("pre").unwrap() + 3;
        let cursor16 = text[..cursor].encode_utf16().count() as u32;
        let r = ask(AssistKind::Complete, "buildspec.yml", text, cursor16);
        assert_eq!((r.ask, r.id, r.version), (4, 1, 2));
        assert_eq!(r.to16, cursor16);
        assert_eq!(r.from16, cursor16 - 3);
        let labels: Vec<&str> = r.items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["pre_build"]);
        assert_eq!(r.items[0].insert, "pre_build: ");
        assert_eq!(r.items[0].kind, "key");
        assert!(
            r.items[0]
                .url
                .as_deref()
                .is_some_and(|u| u.contains("/rules/"))
        );
    }

    #[test]
    fn hover_and_plain_text() {
        let text = "version: 0.2\nphases:\n  build:\n    commands: [make]\n";
        let at = text.find("build").unwrap() as u32 + 1;
        let r = ask(AssistKind::Hover, "buildspec.yml", text, at);
        let h = r.hover.expect("a hover");
        assert_eq!(
            (h.key.as_str(), h.from16, h.to16),
            ("build", at - 1, at + 4)
        );
        assert_eq!(h.doc, "the build commands");
        let r = ask(AssistKind::Complete, "notes.txt", "hello", 5);
        assert!(r.items.is_empty());
        // Past the end of the text: clamped.
        let r = ask(AssistKind::Complete, "buildspec.yml", "phases:\n  ", 999);
        assert!(!r.items.is_empty());
    }
}
