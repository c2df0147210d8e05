//! Output formats of `cicd`. The JSON shapes here are the CLI's public contract (see README).

use anyhow::Result;
use cicd_core::diagnostic::render::NamedText;
use cicd_core::diagnostic::render::{self, HumanOptions};
use cicd_core::diagnostic::{Diagnostic, FileLabel, Related};
use cicd_core::rule::Rule;
use cicd_core::source::Position;
use cicd_core::{LineIndex, Severity, Span, registry};
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

/// A related place; `file` is the diagnostic's own file unless the finding relates files.
#[derive(Serialize)]
struct JsonLabel<'a> {
    file: &'a str,
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

/// Places spans of every checked file.
pub(crate) struct Placer<'a> {
    files: &'a [Checked],
    indexes: Vec<LineIndex>,
}

impl<'a> Placer<'a> {
    pub(crate) fn new(files: &'a [Checked]) -> Placer<'a> {
        Placer {
            files,
            indexes: files.iter().map(|f| LineIndex::new(&f.text)).collect(),
        }
    }

    pub(crate) fn range(&self, file: usize, span: Span) -> (Position, Position) {
        match (self.files.get(file), self.indexes.get(file)) {
            (Some(f), Some(index)) => index.range(&f.text, span),
            // Related findings only name files of the list.
            _ => LineIndex::new("").range("", Span::empty(0)),
        }
    }

    pub(crate) fn name(&self, file: usize) -> &'a str {
        self.files.get(file).map_or("", |f| f.name.as_str())
    }

    fn label(&self, file: usize, span: Span, message: &'a str) -> JsonLabel<'a> {
        let (s, e) = self.range(file, span);
        JsonLabel {
            file: self.name(file),
            message,
            line: s.line,
            column: s.column,
            end_line: e.line,
            end_column: e.column,
        }
    }

    fn diagnostic(
        &self,
        file: usize,
        d: &'a Diagnostic,
        elsewhere: &'a [FileLabel],
    ) -> JsonDiagnostic<'a> {
        let (start, end) = self.range(file, d.span);
        JsonDiagnostic {
            file: self.name(file),
            kind: self.files.get(file).map_or("", |f| f.kind.id()),
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
                .map(|l| self.label(file, l.span, &l.message))
                .chain(
                    elsewhere
                        .iter()
                        .map(|l| self.label(l.file, l.span, &l.message)),
                )
                .collect(),
            fix: d.fix.as_ref().and_then(|f| {
                let text = self.files.get(file).map_or("", |f| f.text.as_str());
                let whole = f.as_one_edit(text)?;
                let (s, e) = self.range(file, whole.span);
                let edits = if f.edits().len() > 1 {
                    f.edits()
                        .iter()
                        .map(|edit| {
                            let (s, e) = self.range(file, edit.span);
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
        }
    }
}

/// Every finding in report order: each file's diagnostics and the related findings whose primary
/// place is in it, by position, as (file index, diagnostic, places in other files).
pub(crate) fn in_order<'a>(
    files: &'a [Checked],
    related: &'a [Related],
) -> Vec<(usize, &'a Diagnostic, &'a [FileLabel])> {
    let mut out = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let mut mine: Vec<(usize, &Diagnostic, &[FileLabel])> =
            file.diagnostics.iter().map(|d| (i, d, &[][..])).collect();
        mine.extend(
            related
                .iter()
                .filter(|r| r.file == i)
                .map(|r| (i, &r.diagnostic, r.elsewhere.as_slice())),
        );
        mine.sort_by_key(|(_, d, _)| (d.span.start, d.span.end));
        out.extend(mine);
    }
    out
}

/// The JSON array: each file's diagnostics and the related findings whose primary place is in
/// it, by position.
pub(crate) fn json(files: &[Checked], related: &[Related]) -> Result<String> {
    let placer = Placer::new(files);
    let out: Vec<JsonDiagnostic<'_>> = in_order(files, related)
        .into_iter()
        .map(|(i, d, e)| placer.diagnostic(i, d, e))
        .collect();
    Ok(serde_json::to_string_pretty(&out)? + "\n")
}

pub(crate) fn human(files: &[Checked], related: &[Related], color: bool) -> String {
    let mut out = String::new();
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    let mut count = |d: &Diagnostic| match d.severity {
        Severity::Error => errors += 1,
        Severity::Warning => warnings += 1,
        Severity::Info => infos += 1,
    };
    let options = HumanOptions {
        color,
        unicode: false,
    };
    for file in files {
        out.push_str(&render::human(
            &file.diagnostics,
            &file.text,
            &file.name,
            options,
        ));
        file.diagnostics.iter().for_each(&mut count);
    }
    if !related.is_empty() {
        let named: Vec<NamedText<'_>> = files
            .iter()
            .map(|f| NamedText {
                name: &f.name,
                text: &f.text,
            })
            .collect();
        out.push_str(&render::human_related(related, &named, options));
        related.iter().for_each(|r| count(&r.diagnostic));
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

/// Workflow commands; a related finding annotates its primary file and names the other places
/// in its message.
pub(crate) fn github(files: &[Checked], related: &[Related]) -> String {
    let placer = Placer::new(files);
    let mut out: String = files
        .iter()
        .map(|f| render::github(&f.diagnostics, &f.text, &f.name))
        .collect();
    for r in related {
        let Some(file) = files.get(r.file) else {
            continue;
        };
        let mut d = r.diagnostic.clone();
        let places: Vec<String> = r
            .elsewhere
            .iter()
            .map(|l| {
                let (s, _) = placer.range(l.file, l.span);
                format!(
                    "{}:{}:{}: {}",
                    placer.name(l.file),
                    s.line,
                    s.column,
                    l.message
                )
            })
            .collect();
        if !places.is_empty() {
            let help = d.help.take().map(|h| format!("{h}\n")).unwrap_or_default();
            d.help = Some(format!("{help}{}", places.join("\n")));
        }
        out.push_str(&render::github(&[d], &file.text, &file.name));
    }
    out
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
