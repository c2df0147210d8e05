//! CP022 first-stage-not-source.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a first stage that holds an action of another category than `Source`, or no
    /// source action at all.
    ///
    /// ## Why is this bad?
    /// "The first stage must contain at least one source action and only source actions": the
    /// API rejects other first stages (`InvalidStructureException`; cfn-lint E3700). Every
    /// execution starts by running every source action of the first stage.
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
    ///         - name: Build
    ///           runOrder: 2
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: Src}]
    ///     - name: Approve
    ///       actions:
    ///         - name: Approve
    ///           actionTypeId: {category: Approval, owner: AWS, provider: Manual, version: "1"}
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
    /// - cfn-lint E3700 (first stage must hold only source actions)
    code: "CP022", name: "first-stage-not-source", severity: Error
}

/// Checks the first stage of every pipeline.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        let Some(first) = p.stages.items.first() else {
            continue;
        };
        if first.conditional || p.stages.partial && p.stages.items.len() < 2 {
            continue;
        }
        let mut sources = 0;
        for action in &first.actions.items {
            match action.category() {
                Some("Source") => sources += 1,
                Some(other) => {
                    let span = action.category.as_ref().map_or(action.span, |c| c.span);
                    out.push(
                        RULE.at(
                            span,
                            format!(
                                "the first stage `{}` holds the {other} action `{}`",
                                first.label(),
                                action.label()
                            ),
                        )
                        .with_help("the first stage holds only source actions: move this action to a later stage"),
                    );
                }
                None => {
                    if action.category.as_ref().is_some_and(|c| c.is_opaque()) {
                        sources += 1;
                    }
                }
            }
        }
        if sources == 0
            && !first.actions.items.is_empty()
            && !first.actions.partial
            && first.actions.items.iter().all(|a| a.category.is_some())
        {
            let span = first.name.as_ref().map_or(first.span, |n| n.span);
            out.push(
                RULE.at(span, format!("the first stage `{}` has no source action", first.label()))
                    .with_help("start the pipeline with a stage of source actions (CodeCommit, S3, ECR, CodeStarSourceConnection, …)"),
            );
        }
    }
}
