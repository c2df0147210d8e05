//! CP011 invalid-artifact-name.

use super::Cx;
use super::helpers::matches_pattern;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;

declare_rule! {
    /// ## What it does
    /// Reports an input or output artifact name that is not 1–100 characters of letters,
    /// digits, `_` and `-`.
    ///
    /// ## Why is this bad?
    /// Artifact names have their own, stricter pattern (`[a-zA-Z0-9_\-]+`): unlike stage and
    /// action names they may not hold `.`, `@` or spaces, and the API rejects the declaration.
    /// `source.zip` or `Build Output` are the usual mistakes.
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
    ///           outputArtifacts: [{name: source.zip}]
    ///     - name: Build
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: source.zip}]
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
    ///           outputArtifacts: [{name: source_zip}]
    ///     - name: Build
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: source_zip}]
    /// ```
    ///
    /// ## References
    /// - CodePipeline API, `OutputArtifact` and `InputArtifact`: <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_OutputArtifact.html>
    code: "CP011", name: "invalid-artifact-name", severity: Error
}

fn artifact_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-')
}

/// Checks the names of every input and output artifact.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for (_, action) in p.actions() {
            for artifact in action.input_refs().iter().chain(action.output_refs()) {
                let Some(name) = artifact.name.literal() else {
                    continue;
                };
                if matches_pattern(name, 100, artifact_char) {
                    continue;
                }
                let why = if name.is_empty() {
                    "is empty".to_string()
                } else if name.chars().count() > 100 {
                    "is longer than 100 characters".to_string()
                } else {
                    let mut bad: Vec<char> = name.chars().filter(|c| !artifact_char(*c)).collect();
                    bad.sort_unstable();
                    bad.dedup();
                    bad.truncate(5);
                    let list: Vec<String> = bad
                        .iter()
                        .map(|c| {
                            if c.is_whitespace() {
                                "a space".to_string()
                            } else {
                                format!("`{c}`")
                            }
                        })
                        .collect();
                    format!("contains {}", list.join(", "))
                };
                out.push(
                    RULE.at(
                        artifact.name.span,
                        format!("artifact name `{}` {why}", shorten(name, 60)),
                    )
                    .with_help("artifact names are 1–100 letters, digits, `_` and `-` (no `.`, `@` or spaces)"),
                );
            }
        }
    }
}
