//! CP057 dynamic-reference-outside-template.

use super::Cx;
use super::helpers::config_values;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a CloudFormation dynamic reference (`{{resolve:ssm:…}}`,
    /// `{{resolve:secretsmanager:…}}`) in a declaration for the AWS CLI.
    ///
    /// ## Why is this bad?
    /// Only CloudFormation resolves dynamic references. `create-pipeline --cli-input-json`
    /// sends the text as it is, so the action receives the literal `{{resolve:…}}` string as
    /// its token or setting and fails when it runs (a GitHub source cannot authenticate).
    ///
    /// ## Example
    /// ```json
    /// {"pipeline": {"name": "web", "roleArn": "arn:aws:iam::123456789012:role/pipeline",
    ///  "artifactStore": {"type": "S3", "location": "web-artifacts"},
    ///  "stages": [
    ///   {"name": "Source", "actions": [{"name": "Source",
    ///     "actionTypeId": {"category": "Source", "owner": "ThirdParty", "provider": "GitHub", "version": "1"},
    ///     "configuration": {"Owner": "octo", "Repo": "web", "Branch": "main", "OAuthToken": "{{resolve:ssm:/github/token:1}}"},
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
    ///     "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeStarSourceConnection", "version": "1"},
    ///     "configuration": {"ConnectionArn": "arn:aws:codeconnections:us-east-1:123456789012:connection/1a2b3c4d", "FullRepositoryId": "octo/web", "BranchName": "main"},
    ///     "outputArtifacts": [{"name": "Src"}]}]},
    ///   {"name": "Build", "actions": [{"name": "Build",
    ///     "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
    ///     "configuration": {"ProjectName": "web"},
    ///     "inputArtifacts": [{"name": "Src"}]}]}]}}
    /// ```
    ///
    /// ## References
    /// - Use dynamic references to specify template values (CloudFormation only): <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html>
    code: "CP057", name: "dynamic-reference-outside-template", severity: Warning
}

/// Reports `{{resolve:…}}` outside a CloudFormation template.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    if cx.form().is_template() {
        return;
    }
    for p in cx.pipelines() {
        let role = p.role_arn.iter().map(|r| ("roleArn", r));
        let config = config_values(p).map(|(_, _, k, v)| (k, v));
        for (key, value) in role.chain(config) {
            let Some(v) = value.literal() else { continue };
            if !v.contains("{{resolve:") {
                continue;
            }
            out.push(
                RULE.at(value.span, format!("`{key}` holds a CloudFormation dynamic reference, which only CloudFormation resolves"))
                    .with_help("the AWS CLI sends `{{resolve:…}}` as literal text: put the real value here, declare the pipeline in a CloudFormation template, or use a connection instead of a token"),
            );
        }
    }
}
