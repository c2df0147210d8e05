//! SRC006 alias-expansion-limit.

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::{Syntax, SyntaxCx};

declare_rule! {
    /// ## What it does
    /// Reports aliases (`*name`) that together copy more than 100,000 nodes; further aliases are
    /// not expanded.
    ///
    /// ## Why is this bad?
    /// Each alias copies its anchor, and anchors can contain aliases, so a few lines can expand
    /// to billions of nodes (the "billion laughs" attack). Real configuration files reuse a
    /// handful of small anchors.
    ///
    /// ## Example
    /// ```yaml
    /// a: &a [x, x, x, x, x, x, x, x, x]
    /// b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    /// c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
    /// d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
    /// e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
    /// f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
    /// g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// defaults: &defaults {timeout: 300}
    /// hook: *defaults
    /// ```
    ///
    /// ## References
    /// - YAML 1.2.2, 7.1 "Alias Nodes": <https://yaml.org/spec/1.2.2/#71-alias-nodes>
    /// - "Billion laughs attack": <https://en.wikipedia.org/wiki/Billion_laughs_attack>
    code: "SRC006", name: "alias-expansion-limit", severity: Error
}

/// Reports every `Syntax::AliasExpansionLimit` issue the reader recorded.
pub(crate) fn check(cx: &SyntaxCx<'_>, out: &mut Vec<Diagnostic>) {
    cx.report_all(Syntax::AliasExpansionLimit, &RULE, out);
}
