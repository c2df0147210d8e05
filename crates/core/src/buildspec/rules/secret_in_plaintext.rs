//! BS040 secret-in-plaintext.

use crate::declare_rule;
use super::Cx;
use super::helpers::{find_access_key, looks_like_reference, looks_like_secret_name, plaintext_variables};
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about a plain-text variable that looks like a secret: its name contains
    /// `PASSWORD`, `SECRET`, `TOKEN`, `API_KEY`, `PRIVATE_KEY` or ends in `_KEY`, and it holds a
    /// literal value; or its value looks like an AWS access key ID (`AKIA…`, `ASIA…`).
    ///
    /// ## Why is this bad?
    /// The buildspec lives in your repository, so the secret is in its history for everyone
    /// with read access, and plain-text variables show up in build details. CodeBuild reads
    /// secrets at build time from Parameter Store or Secrets Manager and masks them in logs.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   variables:
    ///     DB_PASSWORD: hunter2
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
    ///   secrets-manager:
    ///     DB_PASSWORD: prod/db:password
    /// phases:
    ///   build:
    ///     commands:
    ///       - ./migrate.sh
    /// ```
    ///
    /// ## References
    /// - Buildspec `env/variables` ("We strongly discourage the use of plain text environment
    ///   variables to store sensitive values"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.variables>
    /// - IAM access key ID format: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids>
    code: "BS040", name: "secret-in-plaintext", severity: Warning
}

/// Plain-text variables holding access keys or named like secrets.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for pair in plaintext_variables(cx.root) {
        let Some(name) = pair.key_str() else { continue };
        let value = pair.value.as_str().unwrap_or("").trim();
        if let Some(key) = find_access_key(value) {
            out.push(
                RULE.at(pair.value.span, format!("`{name}` holds what looks like an AWS access key ID (`{key}`)"))
                    .with_help("never commit access keys: give the CodeBuild service role the permissions instead, and rotate this key"),
            );
        } else if looks_like_secret_name(name) && !value.is_empty() && !looks_like_reference(value)
        {
            out.push(
                RULE.at(pair.value.span, format!("`{name}` looks like a secret stored as plain text"))
                    .with_help("move it to `env.secrets-manager` or `env.parameter-store` (a SecureString), which CodeBuild fetches at build time and masks in logs"),
            );
        }
    }
}
