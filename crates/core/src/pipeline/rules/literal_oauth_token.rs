//! CP055 literal-oauth-token.

use super::Cx;
use super::helpers::config_values;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a secret written literally in the file: the GitHub (version 1) source's
    /// `OAuthToken` (or any configuration key named like a token, secret or password) holding
    /// a value instead of a reference.
    ///
    /// ## Why is this bad?
    /// Pipeline files are committed to repositories and shown by `get-pipeline`; a literal token
    /// grants access to the repository to anyone who reads the file, and stays in the history
    /// after it is removed. Revoke the token, and pass it at deploy time: a CloudFormation
    /// dynamic reference (`{{resolve:secretsmanager:…}}`) or a `NoEcho` parameter — or move to a
    /// connection (`CodeStarSourceConnection`), which needs no token.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   Pipeline:
    ///     Type: AWS::CodePipeline::Pipeline
    ///     Properties:
    ///       RoleArn: !GetAtt PipelineRole.Arn
    ///       ArtifactStore: {Type: S3, Location: !Ref ArtifactBucket}
    ///       Stages:
    ///         - Name: Source
    ///           Actions:
    ///             - Name: Source
    ///               ActionTypeId: {Category: Source, Owner: ThirdParty, Provider: GitHub, Version: "1"}
    ///               Configuration:
    ///                 Owner: octo
    ///                 Repo: web
    ///                 Branch: main
    ///                 OAuthToken: ghp_16C7e42F292c6912E7710c838347Ae178B4a
    ///               OutputArtifacts: [{Name: Src}]
    ///         - Name: Build
    ///           Actions:
    ///             - Name: Build
    ///               ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1"}
    ///               Configuration: {ProjectName: web}
    ///               InputArtifacts: [{Name: Src}]
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   Pipeline:
    ///     Type: AWS::CodePipeline::Pipeline
    ///     Properties:
    ///       RoleArn: !GetAtt PipelineRole.Arn
    ///       ArtifactStore: {Type: S3, Location: !Ref ArtifactBucket}
    ///       Stages:
    ///         - Name: Source
    ///           Actions:
    ///             - Name: Source
    ///               ActionTypeId: {Category: Source, Owner: ThirdParty, Provider: GitHub, Version: "1"}
    ///               Configuration:
    ///                 Owner: octo
    ///                 Repo: web
    ///                 Branch: main
    ///                 OAuthToken: "{{resolve:secretsmanager:github-token:SecretString:token}}"
    ///               OutputArtifacts: [{Name: Src}]
    ///         - Name: Build
    ///           Actions:
    ///             - Name: Build
    ///               ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1"}
    ///               Configuration: {ProjectName: web}
    ///               InputArtifacts: [{Name: Src}]
    /// ```
    ///
    /// ## References
    /// - GitHub (via OAuth app) action reference (`OAuthToken`): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-GitHub.html>
    /// - Use dynamic references to specify template values: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html>
    code: "CP055", name: "literal-oauth-token", severity: Warning
}

/// Whether a configuration key holds a secret.
fn secret_key(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k == "oauthtoken"
        || k.ends_with("token") && !k.ends_with("tokenname")
        || k.contains("password")
        || k.ends_with("secret")
}

/// Whether a literal looks like a placeholder rather than a secret.
fn placeholder(value: &str) -> bool {
    value.len() < 8
        || value.starts_with("****")
        || value.contains("{{resolve:")
        || value.contains("#{")
        || value.contains("${")
        || value.starts_with('<')
        || value.chars().all(|c| !c.is_ascii_alphanumeric() || c == 'x' || c == 'X')
}

/// Reports literal secrets in configurations.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for (_, action, key, value) in config_values(p) {
            let Some(v) = value.literal() else { continue };
            if !secret_key(key) || placeholder(v) {
                continue;
            }
            let how = if cx.form().is_template() {
                "use a dynamic reference (`{{resolve:secretsmanager:…}}`) or a `NoEcho` parameter"
            } else {
                "keep the token out of the file (the CLI form cannot reference a secret): switch to a connection (`CodeStarSourceConnection`)"
            };
            out.push(
                RULE.at(
                    value.span,
                    format!("`{key}` of action `{}` is written in the file", action.label()),
                )
                .with_help(format!("revoke this secret, then {how}")),
            );
        }
    }
}
