//! The problems list: the analysis's diagnostics with positions for people and for the editor.

use cicd_core::{Analysis, Diagnostic, LineIndex};

use crate::protocol::{ViewDiagnostic, ViewFix};

/// The line index the views need: built only when something will be placed (a clean 5,000-line
/// buildspec then skips a pass over its text on every keystroke).
pub(crate) fn line_index(text: &str, analysis: &Analysis) -> LineIndex {
    let places_needed = !analysis.diagnostics.is_empty()
        || matches!(
            analysis.model,
            cicd_core::Model::Appspec(_)
                | cicd_core::Model::TrustPolicy(_)
                | cicd_core::Model::Workflow(_)
        );
    LineIndex::new(if places_needed { text } else { "" })
}

/// The diagnostics, placed.
pub(crate) fn diagnostics(
    text: &str,
    index: &LineIndex,
    analysis: &Analysis,
) -> Vec<ViewDiagnostic> {
    analysis
        .diagnostics
        .iter()
        .map(|d| view(text, index, d))
        .collect()
}

/// One diagnostic of `text`, placed.
pub(crate) fn view(text: &str, index: &LineIndex, d: &Diagnostic) -> ViewDiagnostic {
    let (start, end) = index.range(text, d.span);
    // The editor applies a fix as one change: several edits become one replacement.
    let fix = d.fix.as_ref().and_then(|f| {
        let edit = f.as_one_edit(text)?;
        let (from, to) = index.range(text, edit.span);
        Some(ViewFix {
            title: f.title.clone(),
            from16: from.utf16_offset,
            to16: to.utf16_offset,
            insert: edit.replacement,
        })
    });
    ViewDiagnostic {
        code: d.code.to_string(),
        name: rule_name(d.code),
        severity: d.severity,
        message: d.message.clone(),
        help: d.help.clone(),
        line: start.line,
        column: start.column,
        from16: start.utf16_offset,
        to16: end.utf16_offset,
        fix,
        elsewhere: Vec::new(),
    }
}

/// The name of the rule with `code`.
pub(crate) fn rule_name(code: &str) -> String {
    cicd_core::registry::rule(code)
        .map_or("", |r| r.name)
        .to_string()
}
