//! CP014 invalid-run-order.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an action's `runOrder` that is not a whole number from 1 to 999 (`0`, `-1`,
    /// `1.5`, `first`).
    ///
    /// ## Why is this bad?
    /// Actions of a stage run in groups by ascending `runOrder` (equal values in parallel); the
    /// API accepts positive integers 1–999 and rejects the rest. Gaps are allowed (`1`, `5`,
    /// `10`), and without `runOrder` an action runs in group 1.
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
    ///           runOrder: 0
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
    ///           runOrder: 1
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - CodePipeline API, `ActionDeclaration` (`runOrder`: 1–999): <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html>
    /// - Pipeline structure reference, action requirements: <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-requirements.html>
    code: "CP014", name: "invalid-run-order", severity: Error
}

/// Checks every action's `runOrder`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for (_, action) in p.actions() {
            let Some(order) = &action.run_order else {
                continue;
            };
            if order.computed {
                continue;
            }
            match order.value {
                Some(v) if (1..=999).contains(&v) => {}
                Some(v) => out.push(
                    RULE.at(order.span, format!("run order `{v}` is outside 1–999"))
                        .with_help("use a whole number from 1 to 999; actions with the same run order run in parallel"),
                ),
                None => out.push(
                    RULE.at(order.span, format!("run order `{}` is not a whole number", order.written))
                        .with_help("use a whole number from 1 to 999"),
                ),
            }
        }
    }
}
