//! CP051 conflicting-artifact-stores.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a pipeline with both `artifactStore` and `artifactStores`.
    ///
    /// ## Why is this bad?
    /// A pipeline has either one artifact store or one per region; the API rejects a
    /// declaration with both ("you must include either artifactStore or artifactStores, not
    /// both"), and CloudFormation accepts exactly one of the two.
    ///
    /// ## Example
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStore: {type: S3, location: web-artifacts}
    ///   artifactStores:
    ///     us-east-1: {type: S3, location: web-artifacts}
    ///     eu-west-1: {type: S3, location: web-artifacts-eu}
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Deploy
    ///       actions:
    ///         - name: DeployEu
    ///           region: eu-west-1
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "1"}
    ///           configuration: {ApplicationName: web, DeploymentGroupName: eu}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStores:
    ///     us-east-1: {type: S3, location: web-artifacts}
    ///     eu-west-1: {type: S3, location: web-artifacts-eu}
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Deploy
    ///       actions:
    ///         - name: DeployEu
    ///           region: eu-west-1
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "1"}
    ///           configuration: {ApplicationName: web, DeploymentGroupName: eu}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - CodePipeline API, `PipelineDeclaration`: <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html>
    /// - Add a cross-Region action: <https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html>
    code: "CP051", name: "conflicting-artifact-stores", severity: Error
}

/// Reports pipelines with both kinds of artifact store.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        let (Some(single), Some(many)) = (&p.artifact_store, &p.artifact_stores) else {
            continue;
        };
        out.push(
            RULE.at(
                many.key,
                format!(
                    "`{}` and `{}` are both given",
                    cx.key("artifactStores"),
                    cx.key("artifactStore")
                ),
            )
            .with_label(single.key, "the single artifact store is here")
            .with_help(format!(
                "keep `{}` (one bucket per region, the pipeline's own region included) and remove `{}`",
                cx.key("artifactStores"),
                cx.key("artifactStore")
            )),
        );
    }
}
