//! CP002 unknown-pipeline-key.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports a key the pipeline structure does not have (`stage`, `inputArtifact`, `runorder`),
    /// with the closest known key.
    ///
    /// ## Why is this bad?
    /// The AWS CLI validates the declaration against the API model and rejects unknown
    /// parameters ("Unknown parameter in pipeline.stages[1]: …") before anything is sent;
    /// CloudFormation rejects unknown properties of `AWS::CodePipeline::Pipeline` (cfn-lint
    /// E3002). A misspelt key is never silently ignored.
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
    ///           inputArtifact: [{name: Src}]
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
    /// - CodePipeline API, `PipelineDeclaration`, `StageDeclaration`, `ActionDeclaration`: <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html>
    /// - `AWS::CodePipeline::Pipeline` properties: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html>
    code: "CP002", name: "unknown-pipeline-key", severity: Error
}

/// Reports the unknown keys lowering met.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for unknown in &cx.facts.unknown_keys {
        let mut d = RULE.at(
            unknown.span,
            format!("unknown key `{}` {}", shorten(&unknown.key, 60), unknown.place),
        );
        match did_you_mean(&unknown.key, unknown.known.iter().map(String::as_str)) {
            Some(s) => {
                let quoted = unknown.span.slice(cx.text).starts_with('"');
                let replacement = if quoted { format!("\"{s}\"") } else { s.to_string() };
                d = d
                    .with_help(format!("did you mean `{s}`?"))
                    .with_fix(format!("rename to `{s}`"), unknown.span, replacement);
            }
            None => {
                let list: Vec<String> = unknown.known.iter().map(|k| format!("`{k}`")).collect();
                d = d.with_help(format!("keys allowed here: {}", list.join(", ")));
            }
        }
        out.push(d);
    }
}
