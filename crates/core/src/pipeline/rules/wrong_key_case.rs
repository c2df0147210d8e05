//! CP003 wrong-key-case.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a key written in another case than its form spells it: PascalCase (`RoleArn`) in
    /// a declaration for the AWS CLI, camelCase (`roleArn`) in a CloudFormation template.
    ///
    /// ## Why is this bad?
    /// The API's declaration is camelCase and `AWS::CodePipeline::Pipeline` is PascalCase; keys
    /// are case-sensitive in both, so the CLI rejects `RoleArn` as an unknown parameter and
    /// CloudFormation rejects `roleArn`. Copying between a template and a `get-pipeline` file is
    /// the usual cause.
    ///
    /// ## Example
    /// ```json
    /// {"pipeline": {"name": "web", "RoleArn": "arn:aws:iam::123456789012:role/pipeline",
    ///  "artifactStore": {"type": "S3", "location": "web-artifacts"},
    ///  "stages": [
    ///   {"name": "Source", "actions": [{"name": "Source",
    ///     "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeCommit", "version": "1"},
    ///     "configuration": {"RepositoryName": "web", "BranchName": "main"},
    ///     "outputArtifacts": [{"name": "Src"}]}]},
    ///   {"name": "Build", "actions": [{"name": "Build",
    ///     "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
    ///     "configuration": {"ProjectName": "web"},
    ///     "inputArtifacts": [{"name": "Src"}]}]}]}}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {"pipeline": {"name": "web", "roleArn": "arn:aws:iam::123456789012:role/pipeline",
    ///  "artifactStore": {"type": "S3", "location": "web-artifacts"},
    ///  "stages": [
    ///   {"name": "Source", "actions": [{"name": "Source",
    ///     "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeCommit", "version": "1"},
    ///     "configuration": {"RepositoryName": "web", "BranchName": "main"},
    ///     "outputArtifacts": [{"name": "Src"}]}]},
    ///   {"name": "Build", "actions": [{"name": "Build",
    ///     "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
    ///     "configuration": {"ProjectName": "web"},
    ///     "inputArtifacts": [{"name": "Src"}]}]}]}}
    /// ```
    ///
    /// ## References
    /// - CodePipeline API, `PipelineDeclaration`: <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html>
    /// - `AWS::CodePipeline::Pipeline`: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html>
    code: "CP003", name: "wrong-key-case", severity: Error
}

/// Reports the keys lowering found in another case.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for key in &cx.facts.other_case {
        let form = if key.template {
            "a CloudFormation template spells it"
        } else {
            "the API (and `get-pipeline`) spells it"
        };
        let quoted = key.span.slice(cx.text).starts_with('"');
        let replacement = if quoted {
            format!("\"{}\"", key.expected)
        } else {
            key.expected.clone()
        };
        out.push(
            RULE.at(
                key.span,
                format!("`{}` must be written `{}`", key.written, key.expected),
            )
            .with_help(format!("keys are case-sensitive: {form} `{}`", key.expected))
            .with_fix(format!("rename to `{}`", key.expected), key.span, replacement),
        );
    }
}
