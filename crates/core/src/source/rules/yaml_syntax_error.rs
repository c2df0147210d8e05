//! SRC001 yaml-syntax-error.

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::{Syntax, SyntaxCx};

declare_rule! {
    /// ## What it does
    /// Reports text that is not valid YAML, at the position where the YAML reader gave up.
    ///
    /// ## Why is this bad?
    /// AWS cannot read the file at all: CodeBuild fails the build with `YAML_FILE_ERROR`, and the
    /// CodeDeploy agent fails the deployment. Only the part before the error can be checked.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - 'echo "never closed
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - 'echo "closed"'
    /// ```
    ///
    /// ## References
    /// - YAML 1.2.2 specification: <https://yaml.org/spec/1.2.2/>
    /// - CodeBuild buildspec reference (quoting commands): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html>
    code: "SRC001", name: "yaml-syntax-error", severity: Error
}

/// Reports every `Syntax::YamlSyntax` issue the reader recorded.
pub(crate) fn check(cx: &SyntaxCx<'_>, out: &mut Vec<Diagnostic>) {
    cx.report_all(Syntax::YamlSyntax, &RULE, out);
}
