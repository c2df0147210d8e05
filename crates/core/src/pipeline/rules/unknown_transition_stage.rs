//! CP069 unknown-transition-stage.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports a `DisableInboundStageTransitions` entry of a template whose `StageName` is not
    /// a stage of the pipeline, or is the first stage (which has no inbound transition).
    ///
    /// ## Why is this bad?
    /// CloudFormation disables the transition into the named stage; a name that matches no
    /// stage fails the stack operation, and a source stage has no inbound transition to
    /// disable.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   Pipeline:
    ///     Type: AWS::CodePipeline::Pipeline
    ///     Properties:
    ///       RoleArn: !GetAtt PipelineRole.Arn
    ///       ArtifactStore: {Type: S3, Location: !Ref ArtifactBucket}
    ///       DisableInboundStageTransitions:
    ///         - {StageName: Prod, Reason: "Freeze until the release review"}
    ///       Stages:
    ///         - Name: Source
    ///           Actions:
    ///             - Name: Source
    ///               ActionTypeId: {Category: Source, Owner: AWS, Provider: CodeCommit, Version: "1"}
    ///               Configuration: {RepositoryName: web, BranchName: main}
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
    ///       DisableInboundStageTransitions:
    ///         - {StageName: Build, Reason: "Freeze until the release review"}
    ///       Stages:
    ///         - Name: Source
    ///           Actions:
    ///             - Name: Source
    ///               ActionTypeId: {Category: Source, Owner: AWS, Provider: CodeCommit, Version: "1"}
    ///               Configuration: {RepositoryName: web, BranchName: main}
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
    /// - `AWS::CodePipeline::Pipeline` StageTransition: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codepipeline-pipeline-stagetransition.html>
    /// - Disable or enable transitions: <https://docs.aws.amazon.com/codepipeline/latest/userguide/transitions.html>
    code: "CP069", name: "unknown-transition-stage", severity: Error
}

/// Checks every disabled transition's stage.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        if p.stages.partial || p.stages.items.iter().any(|s| s.conditional || s.name.as_ref().is_some_and(|n| n.is_opaque())) {
            continue;
        }
        let names: Vec<&str> = p.stages.items.iter().filter_map(|s| s.name()).collect();
        for t in &p.disabled_transitions {
            let Some(stage) = &t.stage else { continue };
            let Some(name) = stage.literal() else { continue };
            if names.first() == Some(&name) {
                out.push(
                    RULE.at(stage.span, format!("`{name}` is the first stage, which has no inbound transition"))
                        .with_help("disable the transition into a later stage"),
                );
                continue;
            }
            if names.contains(&name) {
                continue;
            }
            let mut d = RULE.at(stage.span, format!("no stage is named `{name}`"));
            d = match did_you_mean(name, names.iter().copied()) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None => d.with_help(format!("stages: {}", names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", "))),
            };
            out.push(d);
        }
    }
}
