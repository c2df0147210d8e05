//! CP061 implicit-v2-pipeline.

use super::Cx;
use super::helpers::v2_features;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Points out a pipeline that uses a V2-only feature without saying `pipelineType: V2`.
    ///
    /// ## Why is this bad?
    /// "Including V2 parameters … in the pipeline JSON when creating or updating a pipeline
    /// will result in the pipeline having the V2 type of pipeline and the associated costs."
    /// V2 is priced per action-execution minute rather than per active pipeline; writing the
    /// type makes the choice visible in review. Nothing fails, so this is advice.
    ///
    /// ## Example
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStore: {type: S3, location: web-artifacts}
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
    /// - CodePipeline API, `PipelineDeclaration` (`pipelineType`): <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html>
    /// - Pipeline types: <https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-types.html>
    code: "CP061", name: "implicit-v2-pipeline", severity: Info
}

/// Points out V2 features in pipelines that do not name their type.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        if p.pipeline_type.is_some() {
            continue;
        }
        let Some(feature) = v2_features(p, cx.form()).into_iter().next() else {
            continue;
        };
        out.push(
            RULE.at(feature.span, format!("{} makes this a V2 pipeline, without `{}` saying so", feature.what, cx.key("pipelineType")))
                .with_help(format!("add `{}: V2` (V2 pipelines are priced per action-execution minute)", cx.key("pipelineType"))),
        );
    }
}
