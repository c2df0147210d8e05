//! GitHub Actions workflow commands (`::error file=…::message`), so that `cicd check` in a
//! workflow annotates the pull request at the exact lines.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::LineIndex;

/// One `::error`/`::warning`/`::notice` line per diagnostic.
pub fn github(diagnostics: &[Diagnostic], text: &str, path: &str) -> String {
    let index = LineIndex::new(text);
    let mut out = String::new();
    for d in diagnostics {
        let start = index.position(text, d.span.start());
        let end = index.position(text, d.span.end());
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push('\n');
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(path),
            start.line,
            start.column,
            end.line,
            end.column,
            escape_property(&format!(
                "{} {}",
                d.code,
                crate::registry::rule(d.code).map_or("", |r| r.name)
            )),
            escape_data(&message),
        ));
    }
    out
}

/// Escaping defined by the Actions toolkit (`@actions/core` `command.ts`).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
