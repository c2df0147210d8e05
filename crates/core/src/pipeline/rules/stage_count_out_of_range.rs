//! CP020 stage-count-out-of-range.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a pipeline with fewer than 2 or more than 50 stages.
    ///
    /// ## Why is this bad?
    /// A pipeline needs at least two stages: the first holds only source actions, and something
    /// must use what they fetch. The quota is 50 stages (older documentation said 10). The API
    /// rejects other counts (`InvalidStructureException`). Stages a template includes under a
    /// condition are counted as present.
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
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
    ///           outputArtifacts: [{name: Src}]
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
    /// - Pipeline structure reference, stage requirements: <https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-requirements.html>
    /// - Quotas in CodePipeline (stages per pipeline): <https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html>
    code: "CP020", name: "stage-count-out-of-range", severity: Error
}

/// Counts the stages of every pipeline.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        let n = p.stages.items.len();
        if n < 2 && !p.stages.partial && p.stages.key != p.stages.span {
            let msg = if n == 0 {
                "the pipeline has no stage".to_string()
            } else {
                "the pipeline has only one stage".to_string()
            };
            out.push(
                RULE.at(p.stages.key, msg)
                    .with_help("a pipeline needs at least two stages: a first stage of source actions, then build, test, deploy or approval stages"),
            );
        } else if n > 50 {
            let span = p.stages.items.get(50).map_or(p.stages.key, |s| s.span);
            out.push(
                RULE.at(span, format!("the pipeline has {n} stages; at most 50 are allowed"))
                    .with_help("merge stages (a stage holds up to 50 actions) or split the pipeline"),
            );
        }
    }
}
