//! CP012 invalid-role-arn.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::pipeline::model::Text;
use crate::source::tree::shorten;

declare_rule! {
    /// ## What it does
    /// Reports a pipeline or action `roleArn` that is not an IAM role ARN
    /// (`arn:aws:iam::123456789012:role/name`, or another partition such as `aws-cn`).
    ///
    /// ## Why is this bad?
    /// The API checks the pattern `arn:aws(-[\w]+)*:iam::[0-9]{12}:role/.*` and rejects anything
    /// else. A template whose `!GetAtt Role.Arn` was flattened to the text `Role.Arn`, or a
    /// role name without its ARN, is the usual cause. Values a template computes are not
    /// checked.
    ///
    /// ## Example
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: CodePipelineServiceRole.Arn
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
    /// Use instead:
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/CodePipelineServiceRole
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
    /// - CodePipeline API, `PipelineDeclaration` (`roleArn` pattern): <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html>
    code: "CP012", name: "invalid-role-arn", severity: Error
}

/// Whether `arn` matches `arn:aws(-[\w]+)*:iam::[0-9]{12}:role/.*`.
pub(crate) fn is_role_arn(arn: &str) -> bool {
    let mut parts = arn.splitn(6, ':');
    let (Some("arn"), Some(partition), Some("iam"), Some(""), Some(account), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return false;
    };
    let partition_ok = partition == "aws"
        || partition.strip_prefix("aws-").is_some_and(|rest| {
            rest.split('-').all(|w| {
                !w.is_empty() && w.chars().all(|c| c.is_alphanumeric() || c == '_')
            })
        });
    partition_ok
        && account.len() == 12
        && account.bytes().all(|b| b.is_ascii_digit())
        && resource.starts_with("role/")
}

fn report(out: &mut Vec<Diagnostic>, role: Option<&Text>, whose: &str) {
    let Some(t) = role else { return };
    let Some(arn) = t.literal() else { return };
    if is_role_arn(arn) {
        return;
    }
    out.push(
        RULE.at(t.span, format!("{whose} `{}` is not an IAM role ARN", shorten(arn, 80)))
            .with_help("write the role's ARN: `arn:aws:iam::<12-digit account>:role/<name>` (in a template, `!GetAtt Role.Arn`)"),
    );
}

/// Checks the pipeline's and each action's `roleArn`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        report(out, p.role_arn.as_ref(), "the pipeline's role");
        for (_, action) in p.actions() {
            report(out, action.role_arn.as_ref(), "the action's role");
        }
    }
}
