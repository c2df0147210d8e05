//! CP052 uncovered-action-region.

use std::collections::BTreeSet;

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an action `region` that the artifact stores do not cover: a region missing from
    /// `artifactStores`, or, with a single `artifactStore`, actions in more than one region (or
    /// in a region other than the pipeline's, when the file tells it); and `artifactStores`
    /// without the pipeline's own region, when the file tells it (`get-pipeline` metadata).
    ///
    /// ## Why is this bad?
    /// CodePipeline copies artifacts to a bucket in each region where an action runs: a
    /// pipeline with cross-region actions needs `artifactStores` with a bucket for the
    /// pipeline's region and for every action region, or the API rejects it.
    ///
    /// ## Example
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStores:
    ///     us-east-1: {type: S3, location: web-artifacts}
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Deploy
    ///       actions:
    ///         - name: DeployEu
    ///           region: eu-west-1
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "1"}
    ///           configuration: {ApplicationName: web, DeploymentGroupName: eu}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStores:
    ///     us-east-1: {type: S3, location: web-artifacts}
    ///     eu-west-1: {type: S3, location: web-artifacts-eu}
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Deploy
    ///       actions:
    ///         - name: DeployEu
    ///           region: eu-west-1
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "1"}
    ///           configuration: {ApplicationName: web, DeploymentGroupName: eu}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - Add a cross-Region action in CodePipeline: <https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html>
    /// - CodePipeline API, `PipelineDeclaration` (`artifactStores`): <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html>
    code: "CP052", name: "uncovered-action-region", severity: Error
}

/// Checks every action region against the artifact stores.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        if let Some(stores) = &p.artifact_stores {
            if stores.partial || stores.items.iter().any(|s| s.region.as_ref().is_none_or(|r| r.is_opaque())) {
                continue;
            }
            let covered: BTreeSet<&str> = stores
                .items
                .iter()
                .filter_map(|s| s.region.as_ref().and_then(|r| r.literal()))
                .collect();
            if let Some(home) = p.home_region.as_deref()
                && !covered.contains(home)
            {
                out.push(
                    RULE.at(
                        stores.key,
                        format!(
                            "`{}` has no bucket for the pipeline's own region `{home}`",
                            cx.key("artifactStores")
                        ),
                    )
                    .with_help(format!("add an artifact bucket in `{home}`: the pipeline's region needs one too")),
                );
            }
            for (_, action) in p.actions() {
                let Some(region) = &action.region else { continue };
                let Some(value) = region.literal() else { continue };
                if covered.contains(value) {
                    continue;
                }
                out.push(
                    RULE.at(
                        region.span,
                        format!(
                            "action `{}` runs in `{value}`, which `{}` does not cover",
                            action.label(),
                            cx.key("artifactStores")
                        ),
                    )
                    .with_label(stores.key, "the artifact stores are declared here")
                    .with_help(format!("add an artifact bucket in `{value}` to `{}`", cx.key("artifactStores"))),
                );
            }
        } else if let Some(store) = &p.artifact_store {
            let mut first: Option<(&str, crate::source::Span)> = p
                .home_region
                .as_deref()
                .map(|h| (h, store.key));
            for (_, action) in p.actions() {
                let Some(region) = &action.region else { continue };
                let Some(value) = region.literal() else { continue };
                match first {
                    None => first = Some((value, region.span)),
                    Some((home, at)) if home != value => out.push(
                        RULE.at(
                            region.span,
                            format!(
                                "action `{}` runs in `{value}`, but the single artifact store serves `{home}`",
                                action.label()
                            ),
                        )
                        .with_label(at, format!("`{home}` is used here"))
                        .with_help(format!(
                            "replace `{}` with `{}`: one bucket per region, the pipeline's own included",
                            cx.key("artifactStore"),
                            cx.key("artifactStores")
                        )),
                    ),
                    Some(_) => {}
                }
            }
        }
    }
}
