//! Output formats of `cicd`. The JSON shapes here are the CLI's public contract (see README).

use anyhow::Result;
use cicd_core::diagnostic::render::{self, HumanOptions};
use cicd_core::rule::Rule;
use cicd_core::{LineIndex, Severity, registry};
use serde::Serialize;

use crate::Checked;

/// One diagnostic in `--format json`. Lines and columns are 1-based, columns count characters,
/// and the end position is exclusive (just past the last character).
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    kind: &'static str,
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    message: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    url: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    labels: Vec<JsonLabel<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    message: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
}

/// A fix: one replacement that applies all of it, and, when it is made of several separate
/// edits, those edits.
#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    replacement: String,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    replacement: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
}

pub(crate) fn json(files: &[Checked]) -> Result<String> {
    let mut out = Vec::new();
    for file in files {
        let index = LineIndex::new(&file.text);
        let range = |span| index.range(&file.text, span);
        for d in &file.diagnostics {
            let (start, end) = range(d.span);
            out.push(JsonDiagnostic {
                file: &file.name,
                kind: file.kind.id(),
                code: d.code,
                name: registry::rule(d.code).map_or("", |r| r.name),
                severity: d.severity.as_str(),
                message: &d.message,
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                help: d.help.as_deref(),
                url: d.docs_url(),
                labels: d
                    .labels
                    .iter()
                    .map(|l| {
                        let (s, e) = range(l.span);
                        JsonLabel {
                            message: &l.message,
                            line: s.line,
                            column: s.column,
                            end_line: e.line,
                            end_column: e.column,
                        }
                    })
                    .collect(),
                fix: d.fix.as_ref().and_then(|f| {
                    let whole = f.as_one_edit(&file.text)?;
                    let (s, e) = range(whole.span);
                    let edits = if f.edits().len() > 1 {
                        f.edits()
                            .iter()
                            .map(|edit| {
                                let (s, e) = range(edit.span);
                                JsonEdit {
                                    replacement: &edit.replacement,
                                    line: s.line,
                                    column: s.column,
                                    end_line: e.line,
                                    end_column: e.column,
                                }
                            })
                            .collect()
                    } else {
                        Vec::new()
                    };
                    Some(JsonFix {
                        title: &f.title,
                        replacement: whole.replacement,
                        line: s.line,
                        column: s.column,
                        end_line: e.line,
                        end_column: e.column,
                        edits,
                    })
                }),
            });
        }
    }
    Ok(serde_json::to_string_pretty(&out)? + "\n")
}

pub(crate) fn human(files: &[Checked], color: bool) -> String {
    let mut out = String::new();
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    for file in files {
        out.push_str(&render::human(
            &file.diagnostics,
            &file.text,
            &file.name,
            HumanOptions {
                color,
                unicode: false,
            },
        ));
        for d in &file.diagnostics {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => infos += 1,
            }
        }
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if errors + warnings + infos == 0 {
        out.push_str(&format!(
            "{}: no problems found\n",
            plural(files.len(), "file")
        ));
    } else {
        out.push_str(&format!(
            "{}, {}, {} in {}\n",
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(infos, "info"),
            plural(files.len(), "file")
        ));
    }
    out
}

pub(crate) fn github(files: &[Checked]) -> String {
    files
        .iter()
        .map(|f| render::github(&f.diagnostics, &f.text, &f.name))
        .collect()
}

pub(crate) fn rules_table(rules: &[&Rule]) -> String {
    let mut out = String::new();
    for rule in rules {
        out.push_str(&format!(
            "{:<7} {:<8} {:<34} {}\n",
            rule.code,
            rule.severity.as_str(),
            rule.name,
            rule.summary()
        ));
    }
    out
}

#[derive(Serialize)]
struct JsonRule {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    kind: Option<&'static str>,
    summary: String,
    url: String,
}

pub(crate) fn rules_json(rules: &[&Rule]) -> Result<String> {
    let list: Vec<JsonRule> = rules
        .iter()
        .map(|r| JsonRule {
            code: r.code,
            name: r.name,
            severity: r.severity.as_str(),
            kind: registry::kind_of(r.code).map(|k| k.id()),
            summary: r.summary(),
            url: format!("{}{}", cicd_core::diagnostic::DOCS_BASE_URL, r.code),
        })
        .collect();
    Ok(serde_json::to_string_pretty(&list)?)
}
