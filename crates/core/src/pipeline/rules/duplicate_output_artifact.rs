//! CP030 duplicate-output-artifact.

use std::collections::HashMap;

use super::Cx;
use super::helpers::producers;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Reports an output artifact name used twice in a pipeline, with a label on the first.
    ///
    /// ## Why is this bad?
    /// Output artifact names are unique across the whole pipeline (unlike action names, which
    /// are unique per stage): a later action reads an artifact by its name alone. The API
    /// rejects the declaration (`InvalidStructureException`; cfn-lint E3701). Outputs a
    /// template adds under exclusive conditions are not compared.
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
    ///           outputArtifacts: [{name: Output}]
    ///     - name: Build
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: Output}]
    ///           outputArtifacts: [{name: Output}]
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
    ///           outputArtifacts: [{name: SourceOutput}]
    ///     - name: Build
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: SourceOutput}]
    ///           outputArtifacts: [{name: BuildOutput}]
    /// ```
    ///
    /// ## References
    /// - Pipeline structure reference, action requirements ("output artifact names must be unique"): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-requirements.html>
    /// - cfn-lint E3701
    code: "CP030", name: "duplicate-output-artifact", severity: Error
}

/// Reports output artifact names produced more than once.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        let mut seen: HashMap<&str, (Span, String)> = HashMap::new();
        for producer in producers(p) {
            if producer.action.conditional {
                continue;
            }
            let Some(name) = producer.name.literal() else {
                continue;
            };
            if let Some((first, by)) = seen.get(name) {
                out.push(
                    RULE.at(
                        producer.name.span,
                        format!("output artifact `{name}` is already produced by {by}"),
                    )
                    .with_label(*first, format!("`{name}` first produced here"))
                    .with_help("give every output artifact of the pipeline its own name"),
                );
            } else {
                seen.insert(name, (producer.name.span, producer.describe()));
            }
        }
    }
}
