//! CP005 missing-required-key.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a required key that is missing or empty: a pipeline's `name`, `roleArn` and
    /// `stages`, a stage's `name` and `actions`, an action's `name` and `actionTypeId`, the four
    /// fields of `actionTypeId`, an artifact's `name`, an artifact store's `type` and
    /// `location`.
    ///
    /// ## Why is this bad?
    /// The API marks these members required and rejects the declaration without them
    /// (`ValidationException`, `InvalidStructureException`); CloudFormation marks `RoleArn` and
    /// `Stages` required (a template may leave `Name` out: CloudFormation generates one).
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
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit}
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
    /// - CodePipeline API, `ActionTypeId`: <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionTypeId.html>
    /// - CodePipeline API, `PipelineDeclaration`: <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html>
    code: "CP005", name: "missing-required-key", severity: Error
}

/// Reports the required keys lowering found missing.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for missing in &cx.facts.missing {
        out.push(
            RULE.at(missing.span, missing.message.clone())
                .with_help(missing.help.clone()),
        );
    }
}
