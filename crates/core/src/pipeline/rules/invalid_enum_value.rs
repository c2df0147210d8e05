//! CP007 invalid-enum-value.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::tree::shorten;
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports a value outside its closed set: an action's `category` (`Source`, `Build`,
    /// `Test`, `Deploy`, `Approval`, `Invoke`, `Compute`) or `owner` (`AWS`, `ThirdParty`,
    /// `Custom`), `executionMode`, `pipelineType`, the artifact store's `type` (`S3`), the
    /// encryption key's `type` (`KMS`), stage condition results, retry modes, trigger provider
    /// types and pull-request events.
    ///
    /// ## Why is this bad?
    /// These are enumerations of the API model; any other value (including another case, such
    /// as `build` or `Queued`) is rejected with a `ValidationException`.
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
    ///           actionTypeId: {category: build, owner: AWS, provider: CodeBuild, version: "1"}
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
    /// - CodePipeline API, `ActionTypeId` (category and owner values): <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionTypeId.html>
    /// - CodePipeline API, `PipelineDeclaration` (`executionMode`, `pipelineType`): <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html>
    code: "CP007", name: "invalid-enum-value", severity: Error
}

/// Reports the values outside their sets lowering met.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for bad in &cx.facts.bad_values {
        let mut d = RULE.at(
            bad.span,
            format!("`{}` is not a valid {}", shorten(&bad.value, 60), bad.what),
        );
        let valid = bad.allowed.join(", ");
        match did_you_mean(&bad.value, bad.allowed.iter().copied()) {
            Some(s) => {
                let quoted = bad.span.slice(cx.text).starts_with('"');
                let replacement = if quoted { format!("\"{s}\"") } else { s.to_string() };
                d = d
                    .with_help(format!("did you mean `{s}`? valid values: {valid}"))
                    .with_fix(format!("replace with `{s}`"), bad.span, replacement);
            }
            None => d = d.with_help(format!("valid values: {valid}")),
        }
        out.push(d);
    }
}
