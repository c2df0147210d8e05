//! CP045 github-version-1-source.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Points out a GitHub (version 1) source action: owner `ThirdParty`, provider `GitHub`,
    /// authenticated with an OAuth token.
    ///
    /// ## Why is this bad?
    /// AWS no longer recommends the version 1 action: it authenticates with a personal OAuth
    /// token (which must be stored, rotated and kept out of the file) and polls or uses a
    /// webhook per pipeline. The version 2 action (`CodeStarSourceConnection` with a GitHub
    /// connection) uses a GitHub App, supports triggers on branches, tags and pull requests
    /// (V2 pipelines) and needs no token. The pipeline still works, so this is advice.
    ///
    /// ## Example
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStore: {type: S3, location: web-artifacts}
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: ThirdParty, provider: GitHub, version: "1"}
    ///           configuration: {Owner: octo, Repo: web, Branch: main, OAuthToken: "****"}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Build
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStore: {type: S3, location: web-artifacts}
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeStarSourceConnection, version: "1"}
    ///           configuration:
    ///             ConnectionArn: arn:aws:codeconnections:us-east-1:123456789012:connection/1a2b3c4d
    ///             FullRepositoryId: octo/web
    ///             BranchName: main
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Build
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - GitHub (via OAuth app) source action reference: <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-GitHub.html>
    /// - Update a GitHub (via OAuth app) source action to a GitHub (via GitHub App) source action: <https://docs.aws.amazon.com/codepipeline/latest/userguide/update-github-action-connections.html>
    code: "CP045", name: "github-version-1-source", severity: Info
}

/// Points out GitHub (version 1) source actions.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for (_, action) in p.actions() {
            if action.owner() != Some("ThirdParty") || action.provider() != Some("GitHub") {
                continue;
            }
            let Some(provider) = &action.provider else { continue };
            out.push(
                RULE.at(
                    provider.span,
                    format!(
                        "source action `{}` uses the GitHub (version 1) action, which AWS no longer recommends",
                        action.label()
                    ),
                )
                .with_help("use the `CodeStarSourceConnection` provider with a GitHub connection (no OAuth token to store)"),
            );
        }
    }
}
