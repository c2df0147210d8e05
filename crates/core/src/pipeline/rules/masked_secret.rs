//! CP056 masked-secret.

use super::Cx;
use super::helpers::config_values;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a configuration value of four asterisks (`****`): the mask `get-pipeline` prints
    /// in place of a secret such as the GitHub (version 1) `OAuthToken`.
    ///
    /// ## Why is this bad?
    /// The mask is not the secret. `create-pipeline` rejects it ("`****` may be used in secret
    /// properties only when updating an existing action"), so a saved `get-pipeline` file cannot
    /// recreate the pipeline; `update-pipeline` keeps the stored secret. A warning, because
    /// updating the same pipeline works.
    ///
    /// ## Example
    /// ```json
    /// {"pipeline": {"name": "web", "roleArn": "arn:aws:iam::123456789012:role/pipeline",
    ///  "artifactStore": {"type": "S3", "location": "web-artifacts"},
    ///  "stages": [
    ///   {"name": "Source", "actions": [{"name": "Source",
    ///     "actionTypeId": {"category": "Source", "owner": "ThirdParty", "provider": "GitHub", "version": "1"},
    ///     "configuration": {"Owner": "octo", "Repo": "web", "Branch": "main", "OAuthToken": "****"},
    ///     "outputArtifacts": [{"name": "Src"}]}]},
    ///   {"name": "Build", "actions": [{"name": "Build",
    ///     "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
    ///     "configuration": {"ProjectName": "web"},
    ///     "inputArtifacts": [{"name": "Src"}]}]}]}}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {"pipeline": {"name": "web", "roleArn": "arn:aws:iam::123456789012:role/pipeline",
    ///  "artifactStore": {"type": "S3", "location": "web-artifacts"},
    ///  "stages": [
    ///   {"name": "Source", "actions": [{"name": "Source",
    ///     "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeStarSourceConnection", "version": "1"},
    ///     "configuration": {"ConnectionArn": "arn:aws:codeconnections:us-east-1:123456789012:connection/1a2b3c4d", "FullRepositoryId": "octo/web", "BranchName": "main"},
    ///     "outputArtifacts": [{"name": "Src"}]}]},
    ///   {"name": "Build", "actions": [{"name": "Build",
    ///     "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
    ///     "configuration": {"ProjectName": "web"},
    ///     "inputArtifacts": [{"name": "Src"}]}]}]}}
    /// ```
    ///
    /// ## References
    /// - GitHub (via OAuth app) action reference: <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-GitHub.html>
    /// - CodePipeline API, `GetPipeline`: <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GetPipeline.html>
    code: "CP056", name: "masked-secret", severity: Warning
}

/// Reports masked secrets.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for (_, action, key, value) in config_values(p) {
            let Some(v) = value.literal() else { continue };
            if v.len() < 4 || !v.chars().all(|c| c == '*') {
                continue;
            }
            out.push(
                RULE.at(
                    value.span,
                    format!("`{key}` of action `{}` is the mask `get-pipeline` prints, not the secret", action.label()),
                )
                .with_help("`create-pipeline` rejects `****`; supply the secret when creating the pipeline, or move to a connection that needs none"),
            );
        }
    }
}
