//! CP040 unknown-action-provider.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::pipeline::providers::{aws_providers, with_provider};
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports an AWS-owned action whose provider is not one of AWS's action providers
    /// (`Codebuild`, `CodeCommmit`, `ECSDeploy`), with the closest provider of its category.
    ///
    /// ## Why is this bad?
    /// CodePipeline looks the action type up by category, owner, provider and version; an
    /// unknown provider fails with "ActionType (Category: …, Provider: …, Owner: 'AWS', Version:
    /// …) in action … is not available". This is a warning because AWS adds providers over time
    /// and the checker's list may lag behind; custom and third-party providers are not checked.
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
    ///           actionTypeId: {category: Build, owner: AWS, provider: Codebuild, version: "1"}
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
    /// - Valid action types and providers: <https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html>
    /// - Action structure reference: <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference.html>
    code: "CP040", name: "unknown-action-provider", severity: Warning
}

/// Reports AWS providers the checker does not know in any category.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for (_, action) in p.actions() {
            let (Some(category), Some("AWS"), Some(provider)) =
                (action.category(), action.owner(), action.provider())
            else {
                continue;
            };
            if with_provider(provider).next().is_some() {
                continue;
            }
            let Some(span) = action.provider.as_ref().map(|t| t.span) else {
                continue;
            };
            let known: Vec<&str> = aws_providers(category).collect();
            let mut d = RULE.at(
                span,
                format!("`{provider}` is not an AWS action provider the checker knows"),
            );
            match did_you_mean(provider, known.iter().copied()) {
                Some(s) => {
                    let quoted = span.slice(cx.text).starts_with('"');
                    let replacement = if quoted { format!("\"{s}\"") } else { s.to_string() };
                    d = d
                        .with_help(format!("did you mean `{s}`?"))
                        .with_fix(format!("replace with `{s}`"), span, replacement);
                }
                None => {
                    let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                    d = d.with_help(format!(
                        "AWS providers of the {category} category: {}",
                        list.join(", ")
                    ));
                }
            }
            out.push(d);
        }
    }
}
