//! CP001 no-pipeline-declaration.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};

declare_rule! {
    /// ## What it does
    /// Reports a file checked as a pipeline that holds no pipeline: neither a declaration (a
    /// mapping with `pipeline`, or with `name`, `roleArn` and `stages`) nor a CloudFormation
    /// template with an `AWS::CodePipeline::Pipeline` resource.
    ///
    /// ## Why is this bad?
    /// `aws codepipeline create-pipeline --cli-input-json` and `update-pipeline` need a
    /// declaration; nothing else in the file can be checked. A CloudFormation template without a
    /// pipeline resource is reported as a warning (it may be another stack that only looks like
    /// a pipeline file by its name).
    ///
    /// ## Example
    /// ```yaml
    /// steps:
    ///   - script: make
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
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - CodePipeline pipeline structure reference: <https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html>
    /// - `AWS::CodePipeline::Pipeline`: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codepipeline-pipeline.html>
    code: "CP001", name: "no-pipeline-declaration", severity: Error
}

/// Reports a file that holds no pipeline.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(none) = &cx.facts.no_pipeline else {
        return;
    };
    if none.template {
        out.push(
            RULE.at(
                none.span,
                "this CloudFormation template has no `AWS::CodePipeline::Pipeline` resource",
            )
            .with_severity(Severity::Warning)
            .with_help("check it as the kind it is (`--kind`), or add the pipeline resource"),
        );
    } else {
        out.push(
            RULE.at(none.span, "this file holds no pipeline declaration")
                .with_help("a declaration has `name`, `roleArn`, `artifactStore` and `stages` (inside `pipeline` as `get-pipeline` prints it), or is an `AWS::CodePipeline::Pipeline` resource of a template"),
        );
    }
}
