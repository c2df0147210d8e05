//! CP046 clone-ref-outside-codebuild.

use super::Cx;
use super::helpers::producers;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a source artifact written with `OutputArtifactFormat: CODEBUILD_CLONE_REF` (a
    /// "full clone") that an action other than CodeBuild reads.
    ///
    /// ## Why is this bad?
    /// A full clone artifact holds a reference to the repository, not the files; only a
    /// CodeBuild action can use it (it clones the repository itself). CodeDeploy, S3,
    /// CloudFormation and other actions fail to read it.
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
    ///           configuration: {RepositoryName: web, BranchName: main, OutputArtifactFormat: CODEBUILD_CLONE_REF}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Deploy
    ///       actions:
    ///         - name: Deploy
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "1"}
    ///           configuration: {ApplicationName: web, DeploymentGroupName: prod}
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
    ///           configuration: {RepositoryName: web, BranchName: main, OutputArtifactFormat: CODE_ZIP}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Deploy
    ///       actions:
    ///         - name: Deploy
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "1"}
    ///           configuration: {ApplicationName: web, DeploymentGroupName: prod}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - CodeCommit source action reference (`OutputArtifactFormat`): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeCommit.html>
    /// - CodeStarSourceConnection action reference: <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodestarConnectionSource.html>
    code: "CP046", name: "clone-ref-outside-codebuild", severity: Error
}

/// Reports full-clone artifacts read by actions other than CodeBuild.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        let clones: Vec<_> = producers(p)
            .into_iter()
            .filter(|o| o.action.config_str("OutputArtifactFormat") == Some("CODEBUILD_CLONE_REF"))
            .filter_map(|o| o.name.literal().map(|n| (n, o)))
            .collect();
        if clones.is_empty() {
            continue;
        }
        for (_, action) in p.actions() {
            let (Some(provider), Some(owner)) = (action.provider(), action.owner()) else {
                continue;
            };
            if provider == "CodeBuild" && owner == "AWS" {
                continue;
            }
            for input in action.input_refs() {
                let Some(name) = input.name.literal() else { continue };
                let Some((_, producer)) = clones.iter().find(|(n, _)| *n == name) else {
                    continue;
                };
                let format = producer
                    .action
                    .config("OutputArtifactFormat")
                    .map_or(producer.name.span, |e| e.value.span);
                out.push(
                    RULE.at(
                        input.name.span,
                        format!(
                            "{provider} action `{}` reads `{name}`, a full clone that only CodeBuild can use",
                            action.label()
                        ),
                    )
                    .with_label(format, "`CODEBUILD_CLONE_REF` set here")
                    .with_help("use `OutputArtifactFormat: CODE_ZIP`, or have a CodeBuild action produce the files this action needs"),
                );
            }
        }
    }
}
