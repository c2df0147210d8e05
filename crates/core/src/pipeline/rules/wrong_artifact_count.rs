//! CP033 wrong-artifact-count.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::pipeline::model::{Action, ArtifactRef, List};
use crate::pipeline::providers::{Count, action_type};
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Reports an action with more or fewer input or output artifacts than its action type
    /// takes: a source action has no input and one output, CodeBuild 1–5 inputs and 0–5
    /// outputs, a manual approval none, CodeDeploy, ECS, S3 deploy and Elastic Beanstalk
    /// exactly one input, CodeDeployToECS 1–5 inputs, CloudFormation 0–10 inputs and at most
    /// one output, Lambda 0–5 each, Step Functions at most one each.
    ///
    /// ## Why is this bad?
    /// Each action type declares the artifacts it takes; the API rejects other counts
    /// (`InvalidActionDeclarationException`; cfn-lint E3702). Actions of unknown, custom or
    /// third-party types other than GitHub are not checked.
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
    ///     - name: Approve
    ///       actions:
    ///         - name: Approve
    ///           actionTypeId: {category: Approval, owner: AWS, provider: Manual, version: "1"}
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
    ///     - name: Approve
    ///       actions:
    ///         - name: Approve
    ///           actionTypeId: {category: Approval, owner: AWS, provider: Manual, version: "1"}
    /// ```
    ///
    /// ## References
    /// - Number of input and output artifacts for each action type: <https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-action-artifacts.html>
    /// - cfn-lint E3702
    code: "CP033", name: "wrong-artifact-count", severity: Error
}

fn describe(range: (usize, usize)) -> String {
    match range {
        (0, 0) => "none".to_string(),
        (a, b) if a == b => format!("exactly {a}"),
        (0, b) => format!("at most {b}"),
        (a, b) => format!("{a} to {b}"),
    }
}

fn count(
    out: &mut Vec<Diagnostic>,
    action: &Action,
    list: Option<&List<ArtifactRef>>,
    allowed: Count,
    what: &str,
    key: &str,
) {
    let Some((lo, hi)) = allowed else { return };
    if list.is_some_and(|l| l.partial) {
        return;
    }
    let items = list.map_or(&[][..], |l| l.items.as_slice());
    // Conditional artifacts may or may not be there.
    let certain = items.iter().filter(|a| !a.conditional).count();
    let n = items.len();
    let provider = action.provider().unwrap_or("?");
    let (bad, span): (bool, Span) = if n < lo {
        (true, list.map_or(action.name.as_ref().map_or(action.span, |t| t.span), |l| l.key))
    } else if certain > hi {
        let extra = items.get(hi).map_or(action.span, |a| a.span);
        (true, extra)
    } else {
        (false, action.span)
    };
    if !bad {
        return;
    }
    let has = match n {
        0 => format!("no {what} artifact"),
        1 => format!("1 {what} artifact"),
        n => format!("{n} {what} artifacts"),
    };
    out.push(
        RULE.at(
            span,
            format!(
                "{provider} action `{}` has {has}; it takes {}",
                action.label(),
                describe((lo, hi))
            ),
        )
        .with_help(if n < lo {
            format!("add `{key}` naming an artifact produced earlier")
        } else if hi == 0 {
            format!("remove `{key}`: this action type takes none")
        } else {
            format!("keep at most {hi} in `{key}`")
        }),
    );
}

/// Checks artifact counts against each known action type.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        for (_, action) in p.actions() {
            let (Some(c), Some(o), Some(pr)) = (action.category(), action.owner(), action.provider())
            else {
                continue;
            };
            let Some(t) = action_type(c, o, pr) else { continue };
            count(out, action, action.inputs.as_ref(), t.inputs, "input", &cx.key("inputArtifacts"));
            count(out, action, action.outputs.as_ref(), t.outputs, "output", &cx.key("outputArtifacts"));
        }
    }
}
