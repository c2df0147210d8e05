//! CP041 provider-in-wrong-category.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::pipeline::lower::{CATEGORIES, OWNERS};
use crate::pipeline::providers::{action_type, with_provider};

declare_rule! {
    /// ## What it does
    /// Reports a known provider used with a category or owner it does not have: CodeBuild as a
    /// `Deploy` action, CodeDeploy as `Build`, GitHub (version 1) with owner `AWS`, S3 as
    /// `Build`.
    ///
    /// ## Why is this bad?
    /// An action type is the combination of category, owner and provider; the combination must
    /// exist, or the API rejects the action ("ActionType … is not available";
    /// `InvalidActionDeclarationException`). To run CodeBuild in a deploy stage, keep its
    /// category `Build` (or `Test`): the stage's name does not matter.
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
    ///         - name: Deploy
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web-deploy}
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
    ///         - name: Deploy
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web-deploy}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - Valid action types and providers: <https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html>
    code: "CP041", name: "provider-in-wrong-category", severity: Error
}

/// Reports known providers used with a category or owner they do not have.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for (_, action) in p.actions() {
            let (Some(category), Some(owner), Some(provider)) =
                (action.category(), action.owner(), action.provider())
            else {
                continue;
            };
            if owner == "Custom"
                || !CATEGORIES.contains(&category)
                || !OWNERS.contains(&owner)
                || action_type(category, owner, provider).is_some()
            {
                continue;
            }
            let known: Vec<_> = with_provider(provider).collect();
            if known.is_empty() {
                continue;
            }
            let combos: Vec<String> = known
                .iter()
                .map(|t| format!("{} / {}", t.category, t.owner))
                .collect();
            let span = action
                .type_key
                .unwrap_or_else(|| action.provider.as_ref().map_or(action.span, |t| t.span));
            let same_owner = known.iter().any(|t| t.owner == owner);
            let (span, what) = if same_owner {
                (action.category.as_ref().map_or(span, |t| t.span), format!("category `{category}`"))
            } else {
                (action.owner.as_ref().map_or(span, |t| t.span), format!("owner `{owner}`"))
            };
            out.push(
                RULE.at(
                    span,
                    format!("the {provider} provider does not exist with {what}"),
                )
                .with_help(format!(
                    "{provider} exists as (category / owner): {}",
                    combos.join(", ")
                )),
            );
        }
    }
}
