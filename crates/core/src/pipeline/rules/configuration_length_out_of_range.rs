//! CP015 configuration-length-out-of-range.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;

declare_rule! {
    /// ## What it does
    /// Reports an action configuration key longer than 50 characters, and a configuration value
    /// that is empty or longer than 1,000 characters.
    ///
    /// ## Why is this bad?
    /// The API limits configuration keys to 1–50 characters and values to 1–1,000, also after
    /// variables (`#{…}`) are inserted; a longer value fails with "Member must have length less
    /// than or equal to 1000" (a CodeBuild `EnvironmentVariables` list that grew too long is the
    /// classic case). Put long values in the build project or a parameter instead.
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
    ///           configuration: {RepositoryName: web, BranchName: ""}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Build
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
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
    /// - CodePipeline API, `ActionDeclaration` (`configuration` key 1–50, value 1–1000): <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html>
    /// - Quotas in CodePipeline: <https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html>
    code: "CP015", name: "configuration-length-out-of-range", severity: Error
}

/// Checks the length of every configuration key and literal value.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for (_, action) in p.actions() {
            for entry in action.configuration.iter().flat_map(|c| &c.items) {
                let key_len = entry.key.chars().count();
                if key_len > 50 {
                    out.push(
                        RULE.at(
                            entry.key_span,
                            format!("configuration key `{}` has {key_len} characters", shorten(&entry.key, 40)),
                        )
                        .with_help("configuration keys have at most 50 characters"),
                    );
                }
                let Some(value) = entry.value.literal() else {
                    continue;
                };
                let len = value.chars().count();
                if len == 0 {
                    out.push(
                        RULE.at(entry.value.span, format!("configuration `{}` is empty", entry.key))
                            .with_help("give it a value, or remove the key"),
                    );
                } else if len > 1000 {
                    out.push(
                        RULE.at(
                            entry.value.span,
                            format!("configuration `{}` has {len} characters", entry.key),
                        )
                        .with_help("configuration values have at most 1,000 characters; move long values into the build project, a parameter or a file in the artifact"),
                    );
                }
            }
        }
    }
}
