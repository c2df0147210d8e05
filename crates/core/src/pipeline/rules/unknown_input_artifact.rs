//! CP031 unknown-input-artifact.

use super::Cx;
use super::helpers::{outputs_uncertain, producers};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports an input artifact that no action of the pipeline produces, with the closest
    /// output artifact name.
    ///
    /// ## Why is this bad?
    /// Each input artifact must be the output artifact of an action that runs earlier; the
    /// API rejects an input nobody produces (`InvalidStructureException`; cfn-lint E3701).
    /// A typo (`SourceArtifacts` for `SourceArtifact`) or a renamed output is the usual cause.
    /// When a template computes some output names, nothing is reported.
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
    ///           outputArtifacts: [{name: SourceArtifact}]
    ///     - name: Build
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: SourceArtifacts}]
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
    ///           outputArtifacts: [{name: SourceArtifact}]
    ///     - name: Build
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: SourceArtifact}]
    /// ```
    ///
    /// ## References
    /// - Pipeline structure reference, action requirements (input artifacts): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-requirements.html>
    /// - cfn-lint E3701
    code: "CP031", name: "unknown-input-artifact", severity: Error
}

/// Reports inputs that no action produces.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        if outputs_uncertain(p) {
            continue;
        }
        let all = producers(p);
        let names: Vec<&str> = all.iter().filter_map(|o| o.name.literal()).collect();
        for (stage, action) in p.actions() {
            for input in action.input_refs() {
                let Some(name) = input.name.literal() else {
                    continue;
                };
                if names.contains(&name) {
                    continue;
                }
                let mut d = RULE.at(
                    input.name.span,
                    format!(
                        "input artifact `{name}` of action `{}` (stage `{}`) is not produced by any action",
                        action.label(),
                        stage.label()
                    ),
                );
                match did_you_mean(name, names.iter().copied()) {
                    Some(s) => {
                        let quoted = input.name.span.slice(cx.text).starts_with('"');
                        let replacement = if quoted { format!("\"{s}\"") } else { s.to_string() };
                        d = d
                            .with_help(format!("did you mean `{s}`?"))
                            .with_fix(format!("replace with `{s}`"), input.name.span, replacement);
                    }
                    None if names.is_empty() => {
                        d = d.with_help("no action of the pipeline declares `outputArtifacts`");
                    }
                    None => {
                        let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                        d = d.with_help(format!("artifacts produced: {}", list.join(", ")));
                    }
                }
                out.push(d);
            }
        }
    }
}
