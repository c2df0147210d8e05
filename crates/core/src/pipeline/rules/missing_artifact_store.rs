//! CP050 missing-artifact-store.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a pipeline with neither `artifactStore` nor `artifactStores`.
    ///
    /// ## Why is this bad?
    /// Every pipeline needs exactly one of the two: the S3 bucket where artifacts pass between
    /// actions (`artifactStores` when actions run in several regions). The API rejects a
    /// declaration without either, and CloudFormation requires one of `ArtifactStore` and
    /// `ArtifactStores`.
    ///
    /// ## Example
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
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
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
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
    /// - CodePipeline API, `PipelineDeclaration` (`artifactStore`, `artifactStores`): <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html>
    /// - `AWS::CodePipeline::Pipeline` (`ArtifactStore` or `ArtifactStores`): <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html>
    code: "CP050", name: "missing-artifact-store", severity: Error
}

/// Reports pipelines without any artifact store.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        if p.artifact_store.is_some() || p.artifact_stores.is_some() {
            continue;
        }
        out.push(
            RULE.at(p.anchor, format!("pipeline `{}` has no artifact store", p.label()))
                .with_help(format!(
                    "add `{}` with the S3 bucket for artifacts (`{}` when actions run in several regions)",
                    cx.key("artifactStore"),
                    cx.key("artifactStores")
                )),
        );
    }
}
