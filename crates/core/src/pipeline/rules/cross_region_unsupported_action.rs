//! CP047 cross-region-unsupported-action.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};

declare_rule! {
    /// ## What it does
    /// Reports `region` on a source action, a third-party action or a custom action. When the
    /// file tells the pipeline's region (`get-pipeline` metadata, a default artifact bucket
    /// named `codepipeline-<region>-…` or service role `AWSCodePipelineServiceRole-<region>-…`,
    /// or a single artifact store with every action in one region) and the action's region is
    /// that one, nothing is reported; when it differs, it is an error; when the pipeline's
    /// region is unknown, a warning.
    ///
    /// ## Why is this bad?
    /// "You cannot create cross-Region actions for: source actions, third-party actions, custom
    /// actions." `get-pipeline` prints `region` on every action, with the pipeline's own
    /// region, which is harmless; another region is rejected.
    ///
    /// ## Example
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStore: {type: S3, location: codepipeline-us-east-1-1234567890}
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           region: eu-west-1
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
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStore: {type: S3, location: codepipeline-us-east-1-1234567890}
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
    /// - Add a cross-Region action in CodePipeline: <https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html>
    code: "CP047", name: "cross-region-unsupported-action", severity: Warning
}

/// Reports `region` on actions that cannot run in another region.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        // With a single artifact store no action can run in another region, so one region
        // shared by every action is the pipeline's own (what `get-pipeline` prints).
        let mut regions = p
            .actions()
            .filter_map(|(_, a)| a.region.as_ref().and_then(|r| r.literal()));
        let single = p.artifact_store.is_some() && p.artifact_stores.is_none();
        let shared = match regions.next() {
            Some(first) if single && regions.all(|r| r == first) => Some(first.to_string()),
            _ => None,
        };
        let home = p.home_region.clone().or(shared);
        for (_, action) in p.actions() {
            let Some(region) = &action.region else { continue };
            let Some(value) = region.literal() else { continue };
            let kind = if action.is_source() {
                "source action"
            } else if action.owner() == Some("ThirdParty") {
                "third-party action"
            } else if action.owner() == Some("Custom") {
                "custom action"
            } else {
                continue;
            };
            match home.as_deref() {
                Some(home) if home == value => {}
                Some(home) => out.push(
                    RULE.at(
                        region.span,
                        format!(
                            "{kind} `{}` is set to run in `{value}`, but the pipeline is in `{home}`",
                            action.label()
                        ),
                    )
                    .with_severity(Severity::Error)
                    .with_help("source, third-party and custom actions cannot run in another region: remove `region`"),
                ),
                None => out.push(
                    RULE.at(
                        region.span,
                        format!(
                            "{kind} `{}` names a region; it must be the pipeline's own region",
                            action.label()
                        ),
                    )
                    .with_help("source, third-party and custom actions cannot be cross-region: remove `region` unless it is the pipeline's region"),
                ),
            }
        }
    }
}
