//! CP058 unsubstituted-template-variable.

use super::Cx;
use super::helpers::config_values;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::pipeline::model::Text;

declare_rule! {
    /// ## What it does
    /// Reports `${Name}` in a plain string of a CloudFormation template (not inside `Fn::Sub`),
    /// and in a declaration for the AWS CLI: the pipeline's name and role, the artifact bucket,
    /// artifact names and configuration values.
    ///
    /// ## Why is this bad?
    /// Only `Fn::Sub` replaces `${…}` in a template; elsewhere the text is passed on as it is,
    /// so the stack gets a bucket or project literally named `${ProjectName}-build`. In a
    /// declaration, nothing replaces it at all (CodePipeline's own variables are written
    /// `#{namespace.name}`). A leftover of a template whose `!Sub` was lost is the usual cause.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   Pipeline:
    ///     Type: AWS::CodePipeline::Pipeline
    ///     Properties:
    ///       RoleArn: !GetAtt PipelineRole.Arn
    ///       ArtifactStore: {Type: S3, Location: !Ref ArtifactBucket}
    ///       Stages:
    ///         - Name: Source
    ///           Actions:
    ///             - Name: Source
    ///               ActionTypeId: {Category: Source, Owner: AWS, Provider: CodeCommit, Version: "1"}
    ///               Configuration: {RepositoryName: web, BranchName: main}
    ///               OutputArtifacts: [{Name: Src}]
    ///         - Name: Build
    ///           Actions:
    ///             - Name: Build
    ///               ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1"}
    ///               Configuration: {ProjectName: "${ProjectName}-build"}
    ///               InputArtifacts: [{Name: Src}]
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   Pipeline:
    ///     Type: AWS::CodePipeline::Pipeline
    ///     Properties:
    ///       RoleArn: !GetAtt PipelineRole.Arn
    ///       ArtifactStore: {Type: S3, Location: !Ref ArtifactBucket}
    ///       Stages:
    ///         - Name: Source
    ///           Actions:
    ///             - Name: Source
    ///               ActionTypeId: {Category: Source, Owner: AWS, Provider: CodeCommit, Version: "1"}
    ///               Configuration: {RepositoryName: web, BranchName: main}
    ///               OutputArtifacts: [{Name: Src}]
    ///         - Name: Build
    ///           Actions:
    ///             - Name: Build
    ///               ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1"}
    ///               Configuration: {ProjectName: !Sub "${ProjectName}-build"}
    ///               InputArtifacts: [{Name: Src}]
    /// ```
    ///
    /// ## References
    /// - `Fn::Sub`: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html>
    /// - Variables reference (CodePipeline's `#{…}` syntax): <https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-variables.html>
    code: "CP058", name: "unsubstituted-template-variable", severity: Warning
}

/// The `${Name}` placeholder in a string, if any (`${` followed by a name and `}`).
fn placeholder(s: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(rel) = s.get(from..).and_then(|r| r.find("${")) {
        let start = from + rel;
        let rest = s.get(start + 2..).unwrap_or("");
        if let Some(end) = rest.find('}') {
            let name = rest.get(..end).unwrap_or("");
            if !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '.' | '_' | '-'))
            {
                return Some((start, start + 2 + end + 1));
            }
        }
        from = start + 2;
    }
    None
}

/// Reports `${…}` left in literal strings.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let how = if cx.form().is_template() {
        "wrap the value in `!Sub` (`Fn::Sub`) so CloudFormation replaces it"
    } else {
        "nothing replaces `${…}` in a declaration: write the value (CodePipeline variables are `#{namespace.name}`)"
    };
    for p in cx.pipelines() {
        let mut texts: Vec<(&str, &Text)> = Vec::new();
        texts.extend(p.name.iter().map(|t| ("the pipeline's name", t)));
        texts.extend(p.role_arn.iter().map(|t| ("the pipeline's role", t)));
        if let Some(l) = p.artifact_store.as_ref().and_then(|s| s.location.as_ref()) {
            texts.push(("the artifact bucket", l));
        }
        for (_, action) in p.actions() {
            for a in action.input_refs().iter().chain(action.output_refs()) {
                texts.push(("an artifact name", &a.name));
            }
        }
        let config: Vec<(String, &Text)> = config_values(p)
            .map(|(_, _, k, v)| (format!("configuration `{k}`"), v))
            .collect();
        let all = texts
            .into_iter()
            .map(|(w, t)| (w.to_string(), t))
            .chain(config);
        for (what, text) in all {
            let Some(v) = text.literal() else { continue };
            let Some(range) = placeholder(v) else { continue };
            let token = v.get(range.0..range.1).unwrap_or("");
            out.push(
                RULE.at(
                    super::helpers::sub_span(cx.text, text, range),
                    format!("{what} holds `{token}`, which nothing replaces here"),
                )
                .with_help(how),
            );
        }
    }
}
