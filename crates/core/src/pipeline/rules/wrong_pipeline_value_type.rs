//! CP004 wrong-pipeline-value-type.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a value of the wrong type: a list where a mapping belongs, a number or boolean
    /// where the API takes a string (`"version": 1`, `"PollForSourceChanges": false`), a quoted
    /// number where it takes an integer (`"runOrder": "2"`).
    ///
    /// ## Why is this bad?
    /// The AWS CLI validates parameter types before sending a request ("Invalid type for
    /// parameter pipeline.stages[0].actions[0].configuration.PollForSourceChanges, value: False,
    /// type: <class 'bool'>, valid types: <class 'str'>"): configuration values are strings,
    /// `version` of an action type is a string and `runOrder` an integer. A CloudFormation
    /// template converts scalars to the property's type, so only collections of the wrong type
    /// are reported there.
    ///
    /// ## Example
    /// ```json
    /// {"pipeline": {"name": "web", "roleArn": "arn:aws:iam::123456789012:role/pipeline",
    ///  "artifactStore": {"type": "S3", "location": "web-artifacts"},
    ///  "stages": [
    ///   {"name": "Source", "actions": [{"name": "Source",
    ///     "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeCommit", "version": "1"},
    ///     "configuration": {"RepositoryName": "web", "BranchName": "main", "PollForSourceChanges": false},
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
    ///     "configuration": {"RepositoryName": "web", "BranchName": "main", "PollForSourceChanges": "false"},
    ///     "outputArtifacts": [{"name": "Src"}]}]},
    ///   {"name": "Build", "actions": [{"name": "Build",
    ///     "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
    ///     "configuration": {"ProjectName": "web"},
    ///     "inputArtifacts": [{"name": "Src"}]}]}]}}
    /// ```
    ///
    /// ## References
    /// - CodePipeline API, `ActionDeclaration` (configuration is a string-to-string map): <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html>
    /// - AWS CLI parameter validation (botocore `ParamValidator`): <https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-parameters.html>
    code: "CP004", name: "wrong-pipeline-value-type", severity: Error
}

/// Reports the values of the wrong type lowering met.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for wrong in &cx.facts.wrong_types {
        let mut d = RULE.at(wrong.span, wrong.message.clone()).with_help(wrong.help.clone());
        if let Some(fix) = &wrong.fix {
            d = d.with_fix(format!("replace with `{fix}`"), wrong.span, fix.clone());
        }
        out.push(d);
    }
}
