//! CP067 invalid-stage-condition.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::pipeline::model::{Stage, StageConditions};

declare_rule! {
    /// ## What it does
    /// Reports stage conditions that cannot be declared: a result not allowed where it is
    /// (`beforeEntry` takes `FAIL` or `SKIP`; `onFailure` takes `ROLLBACK` or `RETRY`;
    /// `onSuccess` takes `ROLLBACK` or `FAIL`), a `conditions` list without exactly one
    /// condition, a condition without 1–5 rules, and a rule whose `ruleTypeId` is not category
    /// `Rule`, owner `AWS`.
    ///
    /// ## Why is this bad?
    /// The API model and the stage conditions guide define these shapes and the API rejects
    /// others. Which results `onSuccess` takes is unconfirmed (the guide shows `ROLLBACK`, the
    /// CDK's examples `FAIL`), so both are accepted there.
    ///
    /// ## Example
    /// ```yaml
    /// pipeline:
    ///   name: web
    ///   roleArn: arn:aws:iam::123456789012:role/pipeline
    ///   artifactStore: {type: S3, location: web-artifacts}
    ///   pipelineType: V2
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Build
    ///       onFailure: {result: SKIP}
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
    ///   stages:
    ///     - name: Source
    ///       actions:
    ///         - name: Source
    ///           actionTypeId: {category: Source, owner: AWS, provider: CodeCommit, version: "1"}
    ///           configuration: {RepositoryName: web, BranchName: main}
    ///           outputArtifacts: [{name: Src}]
    ///     - name: Build
    ///       onFailure:
    ///         result: RETRY
    ///         retryConfiguration: {retryMode: FAILED_ACTIONS}
    ///       actions:
    ///         - name: Build
    ///           actionTypeId: {category: Build, owner: AWS, provider: CodeBuild, version: "1"}
    ///           configuration: {ProjectName: web}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - Configure conditions for a stage: <https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html>
    /// - CodePipeline API, `FailureConditions`, `Condition`, `RuleTypeId`: <https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_FailureConditions.html>
    code: "CP067", name: "invalid-stage-condition", severity: Error
}

fn check_conditions(
    out: &mut Vec<Diagnostic>,
    stage: &Stage,
    c: &StageConditions,
    allowed: &[&str],
) {
    let where_ = format!("`{}` of stage `{}`", c.key_text(), stage.label());
    if let Some(result) = &c.result
        && let Some(v) = result.literal()
        && !allowed.contains(&v)
    {
        out.push(
            RULE.at(result.span, format!("{where_} cannot have the result `{v}`"))
                .with_help(format!("allowed here: {}", allowed.join(", "))),
        );
    }
    let Some(list) = &c.conditions else { return };
    if !list.partial && list.items.len() != 1 {
        out.push(
            RULE.at(list.key, format!("{where_} has {} conditions; exactly one is allowed", list.items.len()))
                .with_help("put all rules into one condition (a condition holds 1–5 rules, all of which must pass)"),
        );
    }
    for condition in &list.items {
        if let Some(result) = &condition.result
            && let Some(v) = result.literal()
            && !allowed.contains(&v)
        {
            out.push(
                RULE.at(result.span, format!("a condition of {where_} cannot have the result `{v}`"))
                    .with_help(format!("allowed here: {}", allowed.join(", "))),
            );
        }
        let Some(rules) = &condition.rules else { continue };
        if !rules.partial && !(1..=5).contains(&rules.items.len()) {
            out.push(
                RULE.at(rules.key, format!("a condition of {where_} has {} rules; 1 to 5 are allowed", rules.items.len()))
                    .with_help("a condition holds 1–5 rules"),
            );
        }
        for rule in &rules.items {
            if let Some(cat) = &rule.category
                && let Some(v) = cat.literal()
                && v != "Rule"
            {
                out.push(
                    RULE.at(cat.span, format!("rule category `{v}` is not `Rule`"))
                        .with_help("condition rules have category `Rule`"),
                );
            }
            if let Some(owner) = &rule.owner
                && let Some(v) = owner.literal()
                && v != "AWS"
            {
                out.push(
                    RULE.at(owner.span, format!("rule owner `{v}` is not `AWS`"))
                        .with_help("condition rules have owner `AWS`"),
                );
            }
        }
    }
}

/// Checks the conditions of every stage.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for stage in &p.stages.items {
            if let Some(c) = &stage.before_entry {
                check_conditions(out, stage, c, &["FAIL", "SKIP"]);
            }
            if let Some(c) = &stage.on_failure {
                check_conditions(out, stage, c, &["ROLLBACK", "RETRY"]);
            }
            if let Some(c) = &stage.on_success {
                check_conditions(out, stage, c, &["ROLLBACK", "FAIL"]);
            }
        }
    }
}
