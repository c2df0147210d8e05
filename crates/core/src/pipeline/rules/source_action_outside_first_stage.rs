//! CP023 source-action-outside-first-stage.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `Source` action in any stage but the first.
    ///
    /// ## Why is this bad?
    /// Source actions may only be in the first stage; the API rejects the declaration
    /// (`InvalidStructureException`; cfn-lint E3700). To fetch a second repository, add a
    /// second source action to the first stage and pass both artifacts on.
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
    ///         - name: Config
    ///           actionTypeId: {category: Source, owner: AWS, provider: S3, version: "1"}
    ///           configuration: {S3Bucket: web-config, S3ObjectKey: config.zip}
    ///           outputArtifacts: [{name: Config}]
    ///         - name: Build
    ///           runOrder: 2
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web, PrimarySource: Src}
    ///           inputArtifacts: [{name: Src}, {name: Config}]
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
    ///         - name: Config
    ///           actionTypeId: {category: Source, owner: AWS, provider: S3, version: "1"}
    ///           configuration: {S3Bucket: web-config, S3ObjectKey: config.zip}
    ///           outputArtifacts: [{name: Config}]
    ///     - name: Build
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web, PrimarySource: Src}
    ///           inputArtifacts: [{name: Src}, {name: Config}]
    /// ```
    ///
    /// ## References
    /// - Pipeline structure reference, stage requirements: <https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-requirements.html>
    /// - cfn-lint E3700
    code: "CP023", name: "source-action-outside-first-stage", severity: Error
}

/// Reports source actions after the first stage.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for stage in p.stages.items.iter().skip(1) {
            for action in &stage.actions.items {
                if !action.is_source() {
                    continue;
                }
                let span = action.category.as_ref().map_or(action.span, |c| c.span);
                out.push(
                    RULE.at(
                        span,
                        format!(
                            "source action `{}` is in stage `{}`, not in the first stage",
                            action.label(),
                            stage.label()
                        ),
                    )
                    .with_help("move every source action into the first stage; later stages use their output artifacts"),
                );
            }
        }
    }
}
