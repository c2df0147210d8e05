//! CP024 duplicate-stage-name.

use std::collections::HashMap;

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Reports two stages of a pipeline with the same name, with a label on the first.
    ///
    /// ## Why is this bad?
    /// Stage names are unique within a pipeline (transitions, retries and the console address
    /// stages by name); the API rejects the declaration (`InvalidStageDeclarationException`;
    /// cfn-lint checks unique stage names). Stages a template includes under a condition are not
    /// compared: two conditions may exclude each other.
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
    ///     - name: Build
    ///       actions:
    ///         - name: Test
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
    ///     - name: Test
    ///       actions:
    ///         - name: Test
    ///           actionTypeId: {category: Test, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web-test}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - Pipeline structure reference, stage requirements ("stage names must be unique"): <https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-requirements.html>
    code: "CP024", name: "duplicate-stage-name", severity: Error
}

/// Reports repeated stage names.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for stage in &p.stages.items {
            if stage.conditional {
                continue;
            }
            let Some(name) = &stage.name else { continue };
            let Some(value) = name.literal() else { continue };
            if let Some(first) = seen.get(value) {
                out.push(
                    RULE.at(name.span, format!("a stage named `{value}` already exists"))
                        .with_label(*first, format!("`{value}` first used here"))
                        .with_help("give each stage its own name"),
                );
            } else {
                seen.insert(value, name.span);
            }
        }
    }
}
