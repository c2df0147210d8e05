//! BS043 invalid-secret-reference.

use crate::declare_rule;
use super::Cx;
use super::helpers::parse_secret_ref;
use crate::buildspec::schema::SECRET_REFERENCE_TAG;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `secrets-manager` reference that does not follow
    /// `secret-id:json-key:version-stage:version-id`: an empty secret id, too many fields, an
    /// incomplete or non-Secrets-Manager ARN, or both a version stage and a version id.
    ///
    /// ## Why is this bad?
    /// CodeBuild cannot fetch the secret and the build fails. `version-stage` and `version-id`
    /// are mutually exclusive. A secret ARN has seven `:`-separated fields of its own
    /// (`arn:aws:secretsmanager:region:account:secret:name-AbCdEf`); the optional fields follow
    /// it.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   secrets-manager:
    ///     API_KEY: prod/api:key:AWSCURRENT:3f1c2d4e-1111-2222-3333-444455556666
    /// phases:
    ///   build:
    ///     commands:
    ///       - ./deploy.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   secrets-manager:
    ///     API_KEY: prod/api:key:AWSCURRENT
    /// phases:
    ///   build:
    ///     commands:
    ///       - ./deploy.sh
    /// ```
    ///
    /// ## References
    /// - Buildspec `env/secrets-manager`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.secrets-manager>
    /// - Secrets Manager ARN format: <https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_iam-permissions.html#iam-resources>
    code: "BS043", name: "invalid-secret-reference", severity: Error
}

/// `secrets-manager` values that are not secret references.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for tagged in cx.facts.tagged(SECRET_REFERENCE_TAG) {
        let node = tagged.node;
        let Some(value) = node.as_str() else {
            out.push(
                RULE.at(node.span, format!("`{}` names no secret", tagged.path))
                    .with_help("write secret-id[:json-key[:version-stage|:version-id]]"),
            );
            continue;
        };
        if let Err(message) = parse_secret_ref(value.trim()) {
            out.push(
                RULE.at(node.span, message)
                    .with_help("write secret-id:json-key:version-stage:version-id, leaving out what you do not need (`name:key`, `name::AWSPREVIOUS`)"),
            );
        }
    }
}
