//! CP042 missing-configuration-key.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::pipeline::model::Action;
use crate::pipeline::providers::action_type;

declare_rule! {
    /// ## What it does
    /// Reports a configuration key an action type requires: CodeCommit `RepositoryName` and
    /// `BranchName`, S3 source `S3Bucket` and `S3ObjectKey`, CodeStarSourceConnection
    /// `ConnectionArn`, `FullRepositoryId` and `BranchName`, CodeBuild `ProjectName` (and
    /// `PrimarySource` with several inputs), CodeDeploy and CodeDeployToECS application and
    /// deployment group, ECS `ClusterName` and `ServiceName`, CloudFormation `ActionMode` and
    /// `StackName` (and `ChangeSetName`, `RoleArn`, `TemplatePath` in the modes that need them),
    /// Lambda `FunctionName`, Step Functions `StateMachineArn` (and `Input` for `FilePath`), S3
    /// deploy `BucketName` and `Extract` (and `ObjectKey` when not extracting), and the GitHub
    /// (version 1) source's `Owner`, `Repo`, `Branch` and `OAuthToken`.
    ///
    /// ## Why is this bad?
    /// Each action type lists its required configuration properties; the API rejects an action
    /// without them (`InvalidActionDeclarationException`: "Action configuration for action …
    /// is missing required configuration …"). A configuration a template computes as a whole is
    /// not checked.
    ///
    /// CloudFormation's `RoleArn` is documented as required in the `CREATE_UPDATE`,
    /// `REPLACE_ON_FAILURE`, `DELETE_ONLY` and `CHANGE_SET_REPLACE` modes, but real pipelines
    /// run without it (CloudFormation then acts with the action's own credentials): a missing
    /// `RoleArn` is a warning.
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
    ///           configuration: {RepositoryName: web}
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
    /// - Action structure reference (each provider's configuration): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference.html>
    /// - CloudFormation action reference (keys required per `ActionMode`): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CloudFormation.html>
    /// - CodeBuild action reference (`PrimarySource` with several inputs): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeBuild.html>
    code: "CP042", name: "missing-configuration-key", severity: Error
}

/// The keys an action needs because of its other settings, with the reason.
fn conditional(provider: &str, action: &Action) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    match provider {
        "CodeBuild" => {
            let inputs = action.input_refs().len();
            if inputs > 1 && !action.inputs.as_ref().is_some_and(|l| l.partial) {
                out.push(("PrimarySource", format!("the action has {inputs} input artifacts")));
            }
        }
        "CloudFormation" => {
            let Some(mode) = action.config_str("ActionMode") else {
                return out;
            };
            if matches!(mode, "CHANGE_SET_REPLACE" | "CHANGE_SET_EXECUTE") {
                out.push(("ChangeSetName", format!("`ActionMode` is `{mode}`")));
            }
            if matches!(
                mode,
                "CREATE_UPDATE" | "REPLACE_ON_FAILURE" | "DELETE_ONLY" | "CHANGE_SET_REPLACE"
            ) {
                out.push(("RoleArn", format!("`ActionMode` is `{mode}`")));
            }
            if matches!(
                mode,
                "CREATE_UPDATE" | "REPLACE_ON_FAILURE" | "CHANGE_SET_REPLACE"
            ) {
                out.push(("TemplatePath", format!("`ActionMode` is `{mode}`")));
            }
        }
        "S3" if action.category() == Some("Deploy")
            && action
                .config_str("Extract")
                .is_some_and(|e| e.eq_ignore_ascii_case("false")) =>
        {
            out.push(("ObjectKey", "`Extract` is `false`".to_string()));
        }
        "StepFunctions" if action.config_str("InputType") == Some("FilePath") => {
            out.push(("Input", "`InputType` is `FilePath`".to_string()));
        }
        _ => {}
    }
    out
}

/// Reports required configuration keys that are missing.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for (_, action) in p.actions() {
            let (Some(c), Some(o), Some(pr)) = (action.category(), action.owner(), action.provider())
            else {
                continue;
            };
            let Some(t) = action_type(c, o, pr) else { continue };
            let Some((required, _)) = t.keys else { continue };
            if action.config_partial() {
                continue;
            }
            let mut needed: Vec<(&str, Option<String>)> =
                required.iter().map(|k| (*k, None)).collect();
            needed.extend(conditional(pr, action).into_iter().map(|(k, why)| (k, Some(why))));
            let missing: Vec<(&str, Option<String>)> = needed
                .into_iter()
                .filter(|(k, _)| action.config(k).is_none())
                .collect();
            if missing.is_empty() {
                continue;
            }
            let span = match &action.configuration {
                Some(c) => c.key,
                None => action.name.as_ref().map_or(action.span, |n| n.span),
            };
            for (key, why) in missing {
                let soft = key == "RoleArn" && pr == "CloudFormation";
                let because = why.map(|w| format!(" because {w}")).unwrap_or_default();
                let mut d = RULE.at(
                        span,
                        format!(
                            "{pr} action `{}` has no configuration `{key}`{because}",
                            action.label()
                        ),
                    )
                    .with_help(format!(
                        "add `{key}` to the action's `{}`",
                        cx.key("configuration")
                    ));
                if soft {
                    d = d
                        .with_severity(Severity::Warning)
                        .with_help("add `RoleArn`: the role CloudFormation assumes to change the stack (without it, CloudFormation acts with the action's credentials)");
                }
                out.push(d);
            }
        }
    }
}
