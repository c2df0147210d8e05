//! CP064 duplicate-namespace.

use std::collections::HashMap;

use super::Cx;
use super::helpers::producers;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Reports an action `namespace` used by another action of the pipeline, equal to an
    /// artifact name, or the reserved `codepipeline`.
    ///
    /// ## Why is this bad?
    /// A namespace names one action's variables across the whole pipeline: it must be unique,
    /// must not clash with an artifact name, and `codepipeline` is the namespace of the
    /// pipeline's own variables (`#{codepipeline.PipelineExecutionId}`). The update is
    /// rejected.
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
    ///           namespace: Vars
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Build
    ///       actions:
    ///         - name: Build
    ///           namespace: Vars
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
    ///           namespace: SourceVars
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Build
    ///       actions:
    ///         - name: Build
    ///           namespace: BuildVars
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - Variables reference (namespaces): <https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html>
    code: "CP064", name: "duplicate-namespace", severity: Error
}

/// Reports repeated, reserved and artifact-clashing namespaces.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        let artifacts: HashMap<&str, Span> = producers(p)
            .into_iter()
            .filter_map(|o| o.name.literal().map(|n| (n, o.name.span)))
            .collect();
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for (_, action) in p.actions() {
            let Some(ns) = &action.namespace else { continue };
            let Some(name) = ns.literal() else { continue };
            if name == "codepipeline" {
                out.push(
                    RULE.at(ns.span, "`codepipeline` is the reserved namespace of the pipeline's own variables")
                        .with_help("choose another namespace for this action"),
                );
            } else if let Some(first) = seen.get(name) {
                if !action.conditional {
                    out.push(
                        RULE.at(ns.span, format!("namespace `{name}` is already used by another action"))
                            .with_label(*first, format!("`{name}` first used here"))
                            .with_help("give each action's namespace its own name"),
                    );
                }
            } else if let Some(artifact) = artifacts.get(name) {
                out.push(
                    RULE.at(ns.span, format!("namespace `{name}` is also the name of an artifact"))
                        .with_label(*artifact, "the artifact")
                        .with_help("namespaces must not share a name with an artifact"),
                );
                seen.insert(name, ns.span);
            } else {
                seen.insert(name, ns.span);
            }
        }
    }
}
