//! CP025 duplicate-action-name.

use std::collections::HashMap;

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Reports two actions of one stage with the same name, with a label on the first. The same
    /// action name in different stages is fine.
    ///
    /// ## Why is this bad?
    /// Action names are unique within a stage; the API rejects the declaration
    /// (`InvalidActionDeclarationException`; cfn-lint checks unique action names per stage).
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
    ///         - name: Build
    ///           actionTypeId: {category: Test, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web-test}
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
    ///         - name: UnitTests
    ///           actionTypeId: {category: Test, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web-test}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - Pipeline structure reference, action requirements ("action names must be unique within a stage"): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-requirements.html>
    code: "CP025", name: "duplicate-action-name", severity: Error
}

/// Reports repeated action names within a stage.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for stage in &p.stages.items {
            let mut seen: HashMap<&str, Span> = HashMap::new();
            for action in &stage.actions.items {
                if action.conditional && !stage.conditional {
                    continue;
                }
                let Some(name) = &action.name else { continue };
                let Some(value) = name.literal() else { continue };
                if let Some(first) = seen.get(value) {
                    out.push(
                        RULE.at(
                            name.span,
                            format!("stage `{}` already has an action named `{value}`", stage.label()),
                        )
                        .with_label(*first, format!("`{value}` first used here"))
                        .with_help("give each action of a stage its own name"),
                    );
                } else {
                    seen.insert(value, name.span);
                }
            }
        }
    }
}
