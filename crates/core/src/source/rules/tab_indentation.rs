//! SRC003 tab-indentation.

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::{Syntax, SyntaxCx};

declare_rule! {
    /// ## What it does
    /// Reports lines indented with tab characters.
    ///
    /// ## Why is this bad?
    /// YAML forbids tabs in indentation; the file cannot be read. Editors that insert tabs, or
    /// text pasted from a web page, are the usual cause.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    /// 	commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - YAML 1.2.2, 6.1 "Indentation Spaces": <https://yaml.org/spec/1.2.2/#61-indentation-spaces>
    code: "SRC003", name: "tab-indentation", severity: Error
}

/// Reports every `Syntax::TabIndentation` issue the reader recorded.
pub(crate) fn check(cx: &SyntaxCx<'_>, out: &mut Vec<Diagnostic>) {
    cx.report_all(Syntax::TabIndentation, &RULE, out);
}
