//! CP021 action-count-out-of-range.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a stage with no action or with more than 50.
    ///
    /// ## Why is this bad?
    /// Every stage needs 1–50 actions; the API rejects an empty stage
    /// (`InvalidStageDeclarationException`) and the quota is 50 actions per stage.
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
    ///     - name: Build
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: Src}]
    ///     - name: Deploy
    ///       actions: []
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
    /// - Quotas in CodePipeline (actions per stage): <https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html>
    code: "CP021", name: "action-count-out-of-range", severity: Error
}

/// Counts the actions of every stage.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for stage in &p.stages.items {
            let actions = &stage.actions;
            let n = actions.items.len();
            // A stage without an `actions` key is reported as a missing key.
            // A stage without `actions` (or with an empty value) is reported as a missing
            // key; a list a template computes cannot be counted.
            let listed = actions.key != actions.span;
            if n == 0 && !actions.partial && listed {
                out.push(
                    RULE.at(actions.span, format!("stage `{}` has no action", stage.label()))
                        .with_help("give the stage at least one action, or remove it"),
                );
            } else if n > 50 {
                let span = actions.items.get(50).map_or(actions.key, |a| a.span);
                out.push(
                    RULE.at(span, format!("stage `{}` has {n} actions; at most 50 are allowed", stage.label()))
                        .with_help("split the stage"),
                );
            }
        }
    }
}
