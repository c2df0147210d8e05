//! CP043 unknown-configuration-key.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::pipeline::providers::action_type;
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports a configuration key the action type does not have (`Branch` on CodeCommit,
    /// `Project` on CodeBuild), with the closest key.
    ///
    /// ## Why is this bad?
    /// Each action type defines its configuration properties, and a misspelt one leaves the
    /// intended setting unset. Whether CodePipeline rejects unknown keys is unconfirmed in the
    /// reference this checker follows, so this is a warning. Only the action types whose
    /// properties the checker knows are checked.
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
    ///           configuration: {RepositoryName: web, BranchName: main, PollForSourceChange: "false"}
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
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main, PollForSourceChanges: "false"}
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
    /// - Action structure reference (each provider's configuration properties): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference.html>
    code: "CP043", name: "unknown-configuration-key", severity: Warning
}

/// Reports configuration keys the action type does not have.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for (_, action) in p.actions() {
            let (Some(c), Some(o), Some(pr)) = (action.category(), action.owner(), action.provider())
            else {
                continue;
            };
            let Some(t) = action_type(c, o, pr) else { continue };
            let Some((required, optional)) = t.keys else { continue };
            let known: Vec<&str> = required.iter().chain(optional).copied().collect();
            for entry in action.configuration.iter().flat_map(|c| &c.items) {
                if known.contains(&entry.key.as_str()) {
                    continue;
                }
                let mut d = RULE.at(
                    entry.key_span,
                    format!("{pr} actions have no configuration `{}`", entry.key),
                );
                match did_you_mean(&entry.key, known.iter().copied()) {
                    Some(s) => {
                        let quoted = entry.key_span.slice(cx.text).starts_with('"');
                        let replacement = if quoted { format!("\"{s}\"") } else { s.to_string() };
                        d = d
                            .with_help(format!("did you mean `{s}`?"))
                            .with_fix(format!("rename to `{s}`"), entry.key_span, replacement);
                    }
                    None => {
                        let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                        d = d.with_help(if list.is_empty() {
                            format!("{pr} actions take no configuration")
                        } else {
                            format!("{pr} configuration keys: {}", list.join(", "))
                        });
                    }
                }
                out.push(d);
            }
        }
    }
}
