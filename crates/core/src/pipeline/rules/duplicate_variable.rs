//! CP065 duplicate-variable.

use std::collections::HashMap;

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Reports a pipeline-level variable declared twice, and more than 50 variables.
    ///
    /// ## Why is this bad?
    /// `#{variables.name}` must designate one variable; the API rejects repeated names, and a
    /// pipeline has at most 50 variables.
    ///
    /// ## Example
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStore: {type: S3, location: web-artifacts}
    ///   pipelineType: V2
    ///   variables:
    ///     - {name: Environment, defaultValue: staging}
    ///     - {name: Environment, defaultValue: prod}
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
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStore: {type: S3, location: web-artifacts}
    ///   pipelineType: V2
    ///   variables:
    ///     - {name: Environment, defaultValue: staging}
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
    /// - CodePipeline API, `PipelineDeclaration` (`variables`: at most 50): <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html>
    /// - Variables reference, pipeline-level variables: <https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html>
    code: "CP065", name: "duplicate-variable", severity: Error
}

/// Reports repeated pipeline variables and too many of them.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        let Some(vars) = &p.variables else { continue };
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for v in &vars.items {
            let Some(name) = &v.name else { continue };
            let Some(value) = name.literal() else { continue };
            if let Some(first) = seen.get(value) {
                out.push(
                    RULE.at(name.span, format!("variable `{value}` is declared twice"))
                        .with_label(*first, format!("`{value}` first declared here"))
                        .with_help("keep one declaration per variable"),
                );
            } else {
                seen.insert(value, name.span);
            }
        }
        if vars.items.len() > 50 {
            let span = vars.items.get(50).map_or(vars.key, |v| v.span);
            out.push(
                RULE.at(span, format!("the pipeline declares {} variables; at most 50 are allowed", vars.items.len()))
                    .with_help("move values into the build project or a parameter store"),
            );
        }
    }
}
