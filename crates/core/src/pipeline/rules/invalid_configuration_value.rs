//! CP044 invalid-configuration-value.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::pipeline::providers::{ACTION_MODES, CAPABILITIES};
use crate::source::tree::shorten;
use crate::source::{Limits, parse_json};
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports configuration values outside what the action type accepts: CloudFormation
    /// `ActionMode` and `Capabilities` (a comma-separated list without spaces of
    /// `CAPABILITY_IAM`, `CAPABILITY_NAMED_IAM`, `CAPABILITY_AUTO_EXPAND`),
    /// `OutputArtifactFormat` (`CODE_ZIP`, `CODEBUILD_CLONE_REF`), the booleans
    /// `PollForSourceChanges`, `DetectChanges`, `Extract`, `BatchEnabled` and
    /// `CombineArtifacts` (`true` or `false`), Step Functions `InputType` (`Literal`,
    /// `FilePath`), ECS `DeploymentTimeout` (1–60 minutes), and CodeBuild
    /// `EnvironmentVariables`, which must be a JSON array of `{name, value, type}` objects.
    ///
    /// ## Why is this bad?
    /// The action fails or is rejected: CloudFormation refuses an unknown action mode or
    /// capability, and CodeBuild rejects `EnvironmentVariables` that are not a JSON array
    /// ("The EnvironmentVariables field must be a JSON array"). Values a template computes are
    /// not checked.
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
    ///     - name: Deploy
    ///       actions:
    ///         - name: Stack
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CloudFormation, version: "1"}
    ///           configuration:
    ///             ActionMode: CREATE_OR_UPDATE
    ///             StackName: web
    ///             RoleArn: arn:aws:iam::123456789012:role/cfn
    ///             TemplatePath: Src::template.yml
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
    ///     - name: Deploy
    ///       actions:
    ///         - name: Stack
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CloudFormation, version: "1"}
    ///           configuration:
    ///             ActionMode: CREATE_UPDATE
    ///             StackName: web
    ///             RoleArn: arn:aws:iam::123456789012:role/cfn
    ///             TemplatePath: Src::template.yml
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - CloudFormation action reference (`ActionMode`, `Capabilities`): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CloudFormation.html>
    /// - CodeBuild action reference (`EnvironmentVariables`): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeBuild.html>
    /// - Amazon ECS deploy action reference (`DeploymentTimeout`): <https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECS.html>
    code: "CP044", name: "invalid-configuration-value", severity: Error
}

const BOOLEAN_KEYS: &[&str] = &[
    "PollForSourceChanges",
    "DetectChanges",
    "Extract",
    "BatchEnabled",
    "CombineArtifacts",
];

/// What is wrong with `value` of configuration `key` of a `provider` action, if anything.
fn problem(provider: &str, key: &str, value: &str) -> Option<(String, String, Option<String>)> {
    let one_of = |allowed: &[&str], what: &str| -> Option<(String, String, Option<String>)> {
        if allowed.contains(&value) {
            return None;
        }
        let fix = did_you_mean(value, allowed.iter().copied()).map(str::to_string);
        Some((
            format!("`{}` is not a valid {what}", shorten(value, 60)),
            format!("valid values: {}", allowed.join(", ")),
            fix,
        ))
    };
    match (provider, key) {
        ("CloudFormation", "ActionMode") => one_of(ACTION_MODES, "CloudFormation action mode"),
        ("CloudFormation", "Capabilities") => {
            if value.contains(' ') {
                return Some((
                    format!("`Capabilities` `{}` holds spaces", shorten(value, 80)),
                    "separate capabilities with commas only: `CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND`".into(),
                    Some(value.replace(' ', "")),
                ));
            }
            value
                .split(',')
                .find(|c| !CAPABILITIES.contains(c))
                .map(|bad| {
                    (
                        format!("`{bad}` is not a CloudFormation capability"),
                        format!("valid capabilities: {}", CAPABILITIES.join(", ")),
                        None,
                    )
                })
        }
        ("CodeCommit" | "CodeStarSourceConnection", "OutputArtifactFormat") => {
            one_of(&["CODE_ZIP", "CODEBUILD_CLONE_REF"], "output artifact format")
        }
        ("StepFunctions", "InputType") => one_of(&["Literal", "FilePath"], "input type"),
        ("ECS", "DeploymentTimeout") => match value.parse::<u32>() {
            Ok(1..=60) => None,
            _ => Some((
                format!("`DeploymentTimeout` `{}` is not 1–60 minutes", shorten(value, 40)),
                "give the timeout in whole minutes, at most 60".into(),
                None,
            )),
        },
        ("CodeBuild", "EnvironmentVariables") => {
            let doc = parse_json(value, &Limits::default());
            let ok = doc.issues.is_empty()
                && doc.root.seq().is_some_and(|s| {
                    s.items.iter().all(|v| {
                        v.get("name").is_some()
                            && v.get("value").is_some()
                            && v.get("type").and_then(|t| t.as_str()).is_none_or(|t| {
                                matches!(t, "PLAINTEXT" | "PARAMETER_STORE" | "SECRETS_MANAGER")
                            })
                    })
                });
            (!ok).then(|| {
                (
                    "`EnvironmentVariables` is not a JSON array of `{name, value, type}` objects".to_string(),
                    "write `[{\"name\":\"STAGE\",\"value\":\"prod\",\"type\":\"PLAINTEXT\"}]` (type PLAINTEXT, PARAMETER_STORE or SECRETS_MANAGER)".to_string(),
                    None,
                )
            })
        }
        (_, k) if BOOLEAN_KEYS.contains(&k) => {
            let lower = value.to_ascii_lowercase();
            (lower != "true" && lower != "false").then(|| {
                (
                    format!("`{k}` is `{}`, not `true` or `false`", shorten(value, 40)),
                    "write `true` or `false`".to_string(),
                    None,
                )
            })
        }
        _ => None,
    }
}

/// Checks the configuration values whose form the action types define.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for (_, action) in p.actions() {
            let (Some("AWS"), Some(provider)) = (action.owner(), action.provider()) else {
                continue;
            };
            for entry in action.configuration.iter().flat_map(|c| &c.items) {
                let Some(value) = entry.value.literal() else { continue };
                if value.contains("#{") || value.is_empty() {
                    continue;
                }
                let Some((message, help, fix)) = problem(provider, &entry.key, value) else {
                    continue;
                };
                let mut d = RULE.at(entry.value.span, message).with_help(help);
                if let Some(fix) = fix {
                    let quoted = entry.value.span.slice(cx.text).starts_with('"');
                    let replacement = if quoted { format!("\"{fix}\"") } else { fix.clone() };
                    d = d.with_fix(format!("replace with `{fix}`"), entry.value.span, replacement);
                }
                out.push(d);
            }
        }
    }
}
