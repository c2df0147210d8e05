//! CP048 role-arn-on-non-aws-action.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports `roleArn` on an action whose owner is not `AWS` (a third-party or custom action).
    ///
    /// ## Why is this bad?
    /// The pipeline assumes an action's `roleArn` to run an AWS-owned action, often in another
    /// account. The AWS CDK rejects a role on other owners because CodePipeline does; the AWS
    /// documentation does not say so explicitly (unconfirmed), so this is a warning.
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
    ///         - name: Jenkins
    ///           roleArn: arn:aws:iam::123456789012:role/jenkins
    ///           actionTypeId: {category: Build, owner: Custom, provider: Jenkins, version: "1"}
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
    ///         - name: Jenkins
    ///           actionTypeId: {category: Build, owner: Custom, provider: Jenkins, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - CodePipeline API, `ActionDeclaration` (`roleArn`): <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html>
    /// - AWS CDK `aws-codepipeline` action validation (role only for AWS-owned actions)
    code: "CP048", name: "role-arn-on-non-aws-action", severity: Warning
}

/// Reports action roles on third-party and custom actions.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for (_, action) in p.actions() {
            let Some(role) = &action.role_arn else { continue };
            let Some(owner) = action.owner() else { continue };
            if owner == "AWS" {
                continue;
            }
            out.push(
                RULE.at(
                    role.span,
                    format!("`{owner}` action `{}` has a `roleArn`; only AWS-owned actions assume one", action.label()),
                )
                .with_help("remove `roleArn`; third-party and custom actions use their own credentials"),
            );
        }
    }
}
