//! CP006 get-pipeline-metadata.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports the `metadata` block that `aws codepipeline get-pipeline` prints next to
    /// `pipeline` (`pipelineArn`, `created`, `updated`).
    ///
    /// ## Why is this bad?
    /// `create-pipeline` and `update-pipeline` take only the `pipeline` object: passing the
    /// saved output with `--cli-input-json` fails on the unknown `metadata` parameter. The AWS
    /// guide says to remove it before using the file. It is a warning because the file is
    /// often kept only as a record of the pipeline.
    ///
    /// ## Example
    /// ```json
    /// {"pipeline": {"name": "web", "roleArn": "arn:aws:iam::123456789012:role/pipeline",
    ///  "artifactStore": {"type": "S3", "location": "web-artifacts"},
    ///  "stages": [
    ///   {"name": "Source", "actions": [{"name": "Source",
    ///     "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeCommit", "version": "1"},
    ///     "configuration": {"RepositoryName": "web", "BranchName": "main"},
    ///     "outputArtifacts": [{"name": "Src"}]}]},
    ///   {"name": "Build", "actions": [{"name": "Build",
    ///     "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
    ///     "configuration": {"ProjectName": "web"},
    ///     "inputArtifacts": [{"name": "Src"}]}]}]},
    ///  "metadata": {"pipelineArn": "arn:aws:codepipeline:us-east-1:123456789012:web"}}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {"pipeline": {"name": "web", "roleArn": "arn:aws:iam::123456789012:role/pipeline",
    ///  "artifactStore": {"type": "S3", "location": "web-artifacts"},
    ///  "stages": [
    ///   {"name": "Source", "actions": [{"name": "Source",
    ///     "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeCommit", "version": "1"},
    ///     "configuration": {"RepositoryName": "web", "BranchName": "main"},
    ///     "outputArtifacts": [{"name": "Src"}]}]},
    ///   {"name": "Build", "actions": [{"name": "Build",
    ///     "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
    ///     "configuration": {"ProjectName": "web"},
    ///     "inputArtifacts": [{"name": "Src"}]}]}]}}
    /// ```
    ///
    /// ## References
    /// - Edit a pipeline (AWS CLI): "remove the metadata lines from the file": <https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-edit.html>
    /// - CodePipeline API, `GetPipeline`: <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GetPipeline.html>
    code: "CP006", name: "get-pipeline-metadata", severity: Warning
}

/// Reports `metadata` next to `pipeline`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if let Some(span) = cx.file.metadata {
        out.push(
            RULE.at(span, "`metadata` is `get-pipeline` output that `create-pipeline` and `update-pipeline` reject")
                .with_help("remove the `metadata` block before passing the file to `--cli-input-json`"),
        );
    }
}
