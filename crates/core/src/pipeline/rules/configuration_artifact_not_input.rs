//! CP034 configuration-artifact-not-input.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::pipeline::providers::action_type;

declare_rule! {
    /// ## What it does
    /// Reports a configuration value that names an artifact the action does not take as input:
    /// CodeDeployToECS `TaskDefinitionTemplateArtifact`, `AppSpecTemplateArtifact` and
    /// `Image1ArtifactName`…`Image4ArtifactName`, CodeBuild `PrimarySource`, and the artifact
    /// before `::` in CloudFormation `TemplatePath` and `TemplateConfiguration`.
    ///
    /// ## Why is this bad?
    /// An action only sees its own input artifacts: the API rejects the declaration for
    /// CodeDeployToECS, and CloudFormation fails with "artifact … not found" when the artifact
    /// is not an input (cfn-lint E3703 checks `TemplatePath`).
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
    ///     - name: Deploy
    ///       actions:
    ///         - name: Stack
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CloudFormation, version: "1"}
    ///           configuration:
    ///             ActionMode: CREATE_UPDATE
    ///             StackName: web
    ///             RoleArn: arn:aws:iam::123456789012:role/cfn
    ///             TemplatePath: BuildOutput::template.yml
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
    ///     - name: Deploy
    ///       actions:
    ///         - name: Stack
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CloudFormation, version: "1"}
    ///           configuration:
    ///             ActionMode: CREATE_UPDATE
    ///             StackName: web
    ///             RoleArn: arn:aws:iam::123456789012:role/cfn
    ///             TemplatePath: Src::template.yml
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - Amazon ECS blue/green deploy action reference: <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html>
    /// - CloudFormation deploy action reference (`TemplatePath`: `ArtifactName::TemplateFileName`): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CloudFormation.html>
    /// - CodeBuild action reference (`PrimarySource`): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeBuild.html>
    code: "CP034", name: "configuration-artifact-not-input", severity: Error
}

/// Checks the artifact-valued configuration keys of known action types.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for (_, action) in p.actions() {
            let (Some(c), Some(o), Some(pr)) = (action.category(), action.owner(), action.provider())
            else {
                continue;
            };
            let Some(t) = action_type(c, o, pr) else { continue };
            if action.inputs.as_ref().is_some_and(|l| l.partial)
                || action.input_refs().iter().any(|i| i.name.is_opaque())
            {
                continue;
            }
            let inputs: Vec<&str> = action
                .input_refs()
                .iter()
                .filter_map(|i| i.name.literal())
                .collect();
            for key in t.artifact_keys {
                let Some(entry) = action.config(key) else { continue };
                let Some(value) = entry.value.literal() else { continue };
                let named = if pr == "CloudFormation" {
                    match value.split_once("::") {
                        Some((artifact, _)) => artifact,
                        None => continue,
                    }
                } else {
                    value
                };
                if named.contains("#{") || inputs.contains(&named) {
                    continue;
                }
                let list: Vec<String> = inputs.iter().map(|n| format!("`{n}`")).collect();
                let help = if list.is_empty() {
                    format!("add `{named}` to the action's `{}`", cx.key("inputArtifacts"))
                } else {
                    format!(
                        "name one of the action's input artifacts ({}), or add `{named}` to them",
                        list.join(", ")
                    )
                };
                out.push(
                    RULE.at(
                        entry.value.span,
                        format!(
                            "`{key}` names artifact `{named}`, which is not an input of action `{}`",
                            action.label()
                        ),
                    )
                    .with_help(help),
                );
            }
        }
    }
}
