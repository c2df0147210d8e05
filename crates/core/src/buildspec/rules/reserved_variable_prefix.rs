//! BS041 reserved-variable-prefix.

use crate::declare_rule;
use super::Cx;
use super::helpers::plaintext_variables;
use crate::diagnostic::Diagnostic;
use crate::source::{Node, Pair};

declare_rule! {
    /// ## What it does
    /// Warns about a variable whose name starts with `CODEBUILD_`.
    ///
    /// ## Why is this bad?
    /// The reference says: "Do not set any environment variable with a name that starts with
    /// `CODEBUILD_`. This prefix is reserved for internal use." Overriding a built-in such as
    /// `CODEBUILD_SRC_DIR` breaks the build in confusing ways; CodePipeline already rejects such
    /// names ("No user environment variables can start with CODEBUILD_").
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   variables:
    ///     CODEBUILD_STAGE: prod
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   variables:
    ///     STAGE: prod
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec `env/variables`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.variables>
    code: "BS041", name: "reserved-variable-prefix", severity: Warning
}

/// Variables named with the reserved `CODEBUILD_` prefix.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let env = cx.root.get("env");
    let named: Vec<&Pair> = plaintext_variables(cx.root)
        .into_iter()
        .chain(
            env.and_then(|e| e.get("parameter-store"))
                .map(Node::entries)
                .unwrap_or(&[]),
        )
        .chain(
            env.and_then(|e| e.get("secrets-manager"))
                .map(Node::entries)
                .unwrap_or(&[]),
        )
        .collect();
    for pair in named {
        if let Some(name) = pair.key_str()
            && name.starts_with("CODEBUILD_")
        {
            out.push(
                RULE.at(pair.key.span, format!("`{name}` uses the reserved `CODEBUILD_` prefix"))
                    .with_help("CodeBuild reserves names starting with CODEBUILD_ for its own variables; rename it"),
            );
        }
    }
}
