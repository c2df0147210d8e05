//! CP016 timeout-out-of-range.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an action's `timeoutInMinutes` outside 5–86,400 (60 days).
    ///
    /// ## Why is this bad?
    /// The API accepts 5 to 86,400 minutes and rejects other values. The setting is documented
    /// for manual approval actions (whose default is 7 days).
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
    ///     - name: Approve
    ///       actions:
    ///         - name: Approve
    ///           timeoutInMinutes: 1
    ///           actionTypeId: {category: Approval, owner: AWS, provider: Manual, version: "1"}
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
    ///     - name: Approve
    ///       actions:
    ///         - name: Approve
    ///           timeoutInMinutes: 60
    ///           actionTypeId: {category: Approval, owner: AWS, provider: Manual, version: "1"}
    /// ```
    ///
    /// ## References
    /// - CodePipeline API, `ActionDeclaration` (`timeoutInMinutes`: 5–86400): <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html>
    code: "CP016", name: "timeout-out-of-range", severity: Error
}

/// Checks every action's `timeoutInMinutes`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for (_, action) in p.actions() {
            let Some(t) = &action.timeout else { continue };
            if t.computed {
                continue;
            }
            match t.value {
                Some(v) if (5..=86_400).contains(&v) => {}
                _ => out.push(
                    RULE.at(t.span, format!("timeout `{}` is outside 5–86400 minutes", t.written))
                        .with_help("use a whole number of minutes from 5 to 86400 (60 days)"),
                ),
            }
        }
    }
}
