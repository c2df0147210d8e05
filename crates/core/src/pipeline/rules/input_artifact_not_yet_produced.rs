//! CP032 input-artifact-not-yet-produced.

use super::Cx;
use std::collections::HashMap;

use super::helpers::{Producer, producers};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an input artifact that is produced, but not before the action that reads it: in a
    /// later stage, or in the same stage with the same or a higher `runOrder`. The message says
    /// where the artifact is produced, and a label points at it.
    ///
    /// ## Why is this bad?
    /// An input must come from an earlier stage, or from the same stage with a strictly lower
    /// `runOrder` (actions with the same `runOrder` run in parallel, so neither can read the
    /// other's output). The API rejects the declaration (`InvalidStructureException`; cfn-lint
    /// E3701).
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
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: Src}]
    ///           outputArtifacts: [{name: Bundle}]
    ///         - name: Test
    ///           actionTypeId: {category: Test, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web-test}
    ///           inputArtifacts: [{name: Bundle}]
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
    ///           outputArtifacts: [{name: Bundle}]
    ///         - name: Test
    ///           runOrder: 2
    ///           actionTypeId: {category: Test, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web-test}
    ///           inputArtifacts: [{name: Bundle}]
    /// ```
    ///
    /// ## References
    /// - Pipeline structure reference, action requirements (input artifacts must be produced earlier): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-requirements.html>
    /// - cfn-lint E3701
    code: "CP032", name: "input-artifact-not-yet-produced", severity: Error
}

/// Reports inputs produced only by actions that do not run before the reader.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        // Producers by (name, computed?), so that a pipeline at the quotas stays linear.
        let mut by_name: HashMap<(&str, bool), Vec<Producer<'_>>> = HashMap::new();
        for o in producers(p) {
            by_name
                .entry((o.name.display(), o.name.is_opaque()))
                .or_default()
                .push(o);
        }
        for (stage, action) in p.actions() {
            let order = action.run_order();
            for input in action.input_refs() {
                let same: &[Producer<'_>] = by_name
                    .get(&(input.name.display(), input.name.is_opaque()))
                    .map_or(&[], Vec::as_slice);
                if same.is_empty() || same.iter().any(|o| o.runs_before(stage.index, order)) {
                    continue;
                }
                let Some(producer) = same.first() else { continue };
                let same_action = std::ptr::eq(producer.action, action);
                let when = if same_action {
                    "by this same action".to_string()
                } else if producer.stage.index == stage.index {
                    match (producer.action.run_order(), order) {
                        (Some(theirs), Some(ours)) if theirs == ours => format!(
                            "by action `{}` of the same stage, which runs in parallel with it (both run order {ours})",
                            producer.action.label()
                        ),
                        (Some(theirs), Some(ours)) => format!(
                            "by action `{}` of the same stage, which runs after it (run order {theirs}, this action {ours})",
                            producer.action.label()
                        ),
                        _ => format!("by action `{}` of the same stage", producer.action.label()),
                    }
                } else {
                    format!("later, by {}", producer.describe())
                };
                let help = if producer.stage.index == stage.index && !same_action {
                    "give the producing action a lower `runOrder` than this one (equal run orders run in parallel)".to_string()
                } else if same_action {
                    "an action cannot read its own output; read the artifact it was built from".to_string()
                } else {
                    format!(
                        "move this action after stage `{}`, or produce the artifact earlier",
                        producer.stage.label()
                    )
                };
                out.push(
                    RULE.at(
                        input.name.span,
                        format!(
                            "input artifact `{}` of action `{}` is produced {when}",
                            input.name.display(),
                            action.label()
                        ),
                    )
                    .with_label(producer.name.span, format!("`{}` is produced here", input.name.display()))
                    .with_help(help),
                );
            }
        }
    }
}
