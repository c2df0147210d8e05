//! CP060 v2-feature-on-v1-pipeline.

use super::Cx;
use super::helpers::v2_features;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a V2-only feature in a pipeline declared `pipelineType: V1`: the `QUEUED` or
    /// `PARALLEL` execution mode, pipeline-level `variables`, `triggers`, and stage conditions
    /// or rollback (`beforeEntry`, `onSuccess`, `onFailure`).
    ///
    /// ## Why is this bad?
    /// These features exist only for V2 pipelines; a V1 pipeline cannot use them and the
    /// request is rejected (the AWS CDK refuses variables and triggers on V1 for the same
    /// reason). Declare the pipeline V2, or drop the feature. (Without `pipelineType`, using a
    /// V2 feature makes the pipeline V2: see CP061.)
    ///
    /// ## Example
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStore: {type: S3, location: web-artifacts}
    ///   pipelineType: V1
    ///   executionMode: QUEUED
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
    ///   pipelineType: V2
    ///   executionMode: QUEUED
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
    /// - What type of pipeline is right for me? (V2-only features): <https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-types-planning.html>
    /// - Set or change the pipeline execution mode: <https://docs.aws.amazon.com/codepipeline/latest/userguide/execution-modes.html>
    code: "CP060", name: "v2-feature-on-v1-pipeline", severity: Error
}

/// Reports V2 features in pipelines declared V1.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        let Some(ty) = &p.pipeline_type else { continue };
        if ty.literal() != Some("V1") {
            continue;
        }
        for feature in v2_features(p, cx.form()) {
            out.push(
                RULE.at(feature.span, format!("{} is a V2 feature, and this pipeline is declared V1", feature.what))
                    .with_label(ty.span, "declared V1 here")
                    .with_help(format!("set `{}` to `V2`, or remove the feature", cx.key("pipelineType"))),
            );
        }
    }
}
