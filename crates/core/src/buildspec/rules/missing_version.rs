//! BS010 missing-version.

use crate::declare_rule;
use super::Cx;
use crate::source::edit;
use crate::diagnostic::{Diagnostic, Fix};

declare_rule! {
    /// ## What it does
    /// Reports a buildspec without `version`.
    ///
    /// ## Why is this bad?
    /// `version` is a required key; CodeBuild cannot tell how to read the file and fails the
    /// build with `YAML_FILE_ERROR`.
    ///
    /// ## Example
    /// ```yaml
    /// phases:
    ///   build:
    ///     commands:
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
    /// - Buildspec syntax, `version` ("Required mapping"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax>
    code: "BS010", name: "missing-version", severity: Error
}

/// Reports a missing `version` (a required key of the schema).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let start = out.len();
    cx.facts.report(&RULE, out);
    // No `version` at all: 0.2 is the version to write (0.1 is the legacy one).
    if cx.root.get("version").is_none()
        && let Some(map) = cx.root.map()
    {
        for d in out.iter_mut().skip(start) {
            d.fix = edit::insert_first_entry(cx.text, map, "version: 0.2")
                .and_then(|e| Fix::new("add `version: 0.2`", vec![e]));
        }
    }
}
