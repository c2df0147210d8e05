//! BS044 invalid-parameter-name.

use crate::declare_rule;
use super::Cx;
use crate::buildspec::schema::PARAMETER_NAME_TAG;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;

declare_rule! {
    /// ## What it does
    /// Reports a `parameter-store` entry whose parameter name contains characters Systems
    /// Manager does not allow (only letters, digits, `_`, `.`, `-` and `/` are), or starts with
    /// the reserved `aws`/`ssm` prefixes.
    ///
    /// ## Why is this bad?
    /// The parameter can never be found, so the build fails when CodeBuild fetches it. A `$` in
    /// the name is a common cause: values in the buildspec are literal, so `/app/$STAGE/db` is
    /// not expanded.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   parameter-store:
    ///     DB_HOST: /app/$STAGE/db-host
    /// phases:
    ///   build:
    ///     commands:
    ///       - ./migrate.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   parameter-store:
    ///     DB_HOST: /app/prod/db-host
    /// phases:
    ///   build:
    ///     commands:
    ///       - ./migrate.sh
    /// ```
    ///
    /// ## References
    /// - Parameter naming constraints: <https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-su-create.html>
    /// - Buildspec `env/parameter-store`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.parameter-store>
    code: "BS044", name: "invalid-parameter-name", severity: Error
}

/// `parameter-store` values that are not parameter names.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(PARAMETER_NAME_TAG) {
        let node = tagged.node;
        let Some(value) = node.as_str() else {
            out.push(
                RULE.at(node.span, format!("`{}` names no parameter", tagged.path))
                    .with_help("write the parameter's name, such as `/app/prod/db-host`"),
            );
            continue;
        };
        let name = value.trim();
        if name.starts_with("arn:") {
            continue;
        }
        let bare = name.trim_start_matches('/');
        let lower = bare.to_ascii_lowercase();
        if let Some(bad) = name
            .chars()
            .find(|ch| !(ch.is_ascii_alphanumeric() || matches!(ch, '_' | '.' | '-' | '/')))
        {
            let hint = if bad == '$' {
                "buildspec values are literal: a `$` is not expanded here"
            } else {
                "parameter names may contain only letters, digits, `_`, `.`, `-` and `/`"
            };
            out.push(
                RULE.at(
                    node.span,
                    format!("parameter name `{}` contains `{bad}`", shorten(name, 60)),
                )
                .with_help(hint),
            );
        } else if lower.starts_with("aws") || lower.starts_with("ssm") {
            out.push(
                RULE.at(
                    node.span,
                    format!("parameter name `{name}` starts with a reserved prefix"),
                )
                .with_help("names may not begin with `aws` or `ssm` (in any case)"),
            );
        }
    }
}
