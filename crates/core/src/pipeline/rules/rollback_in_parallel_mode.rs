//! CP068 rollback-in-parallel-mode.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a stage rollback (`onFailure` or a condition with result `ROLLBACK`) in a
    /// pipeline whose execution mode is `PARALLEL`.
    ///
    /// ## Why is this bad?
    /// In PARALLEL mode executions run independently and there is no "previous successful
    /// execution" of a stage to return to: rollback is not available, and the API rejects a
    /// rollback configuration in that mode.
    ///
    /// ## Example
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStore: {type: S3, location: web-artifacts}
    ///   pipelineType: V2
    ///   executionMode: PARALLEL
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Deploy
    ///       onFailure: {result: ROLLBACK}
    ///       actions:
    ///         - name: Deploy
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "1"}
    ///           configuration: {ApplicationName: web, DeploymentGroupName: staging}
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
    ///     - name: Deploy
    ///       onFailure: {result: ROLLBACK}
    ///       actions:
    ///         - name: Deploy
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "1"}
    ///           configuration: {ApplicationName: web, DeploymentGroupName: staging}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - Set or change the pipeline execution mode (PARALLEL: no rollback): <https://docs.aws.amazon.com/codepipeline/latest/userguide/execution-modes.html>
    /// - Configure stage rollback: <https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback.html>
    code: "CP068", name: "rollback-in-parallel-mode", severity: Error
}

/// Reports rollbacks in PARALLEL pipelines.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        let Some(mode) = &p.execution_mode else { continue };
        if mode.literal() != Some("PARALLEL") {
            continue;
        }
        for stage in &p.stages.items {
            for c in [&stage.on_failure, &stage.on_success].into_iter().flatten() {
                let results = c.result.iter().chain(
                    c.conditions
                        .iter()
                        .flat_map(|l| &l.items)
                        .filter_map(|cond| cond.result.as_ref()),
                );
                for result in results {
                    if result.literal() != Some("ROLLBACK") {
                        continue;
                    }
                    out.push(
                        RULE.at(
                            result.span,
                            format!("stage `{}` rolls back, but PARALLEL pipelines cannot roll back", stage.label()),
                        )
                        .with_label(mode.span, "PARALLEL mode set here")
                        .with_help("use QUEUED or SUPERSEDED mode, or remove the rollback"),
                    );
                }
            }
        }
    }
}
