//! CP054 production-deploy-without-approval.

use super::Cx;
use super::helpers::looks_like_production;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Points out a deployment that looks like production (a stage or action named `prod`,
    /// `production` or `live`, holding a Deploy action or named like a deployment) with no
    /// manual approval before it: in an earlier stage, or earlier in the same stage.
    ///
    /// ## Why is this bad?
    /// Without an approval, every change that passes the earlier stages reaches production
    /// unreviewed. The guide's security checklist puts a manual approval (with a notification
    /// and a link to what to review) before production. This is advice: automated gates (tests,
    /// alarms, stage conditions) may be the team's choice.
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
    ///     - name: DeployProd
    ///       actions:
    ///         - name: Deploy
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "1"}
    ///           configuration: {ApplicationName: web, DeploymentGroupName: prod}
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
    ///           configuration: {CustomData: "Check staging before production"}
    ///     - name: DeployProd
    ///       actions:
    ///         - name: Deploy
    ///           actionTypeId: {category: Deploy, owner: AWS, provider: CodeDeploy, version: "1"}
    ///           configuration: {ApplicationName: web, DeploymentGroupName: prod}
    ///           inputArtifacts: [{name: Src}]
    /// ```
    ///
    /// ## References
    /// - Add a manual approval action to a stage: <https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals.html>
    /// - Security best practices for CodePipeline: <https://docs.aws.amazon.com/codepipeline/latest/userguide/security-best-practices.html>
    code: "CP054", name: "production-deploy-without-approval", severity: Info
}

/// Points out production-looking deployments no approval precedes.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.pipelines() {
        let mut approved_before_stage = false;
        for stage in &p.stages.items {
            let stage_prod = stage.name().is_some_and(looks_like_production);
            let mut reported = false;
            for action in &stage.actions.items {
                let order = action.run_order();
                let approved = approved_before_stage
                    || stage.actions.items.iter().any(|a| {
                        a.is_manual_approval()
                            && match (a.run_order(), order) {
                                (Some(x), Some(y)) => x < y,
                                _ => true,
                            }
                    });
                let action_prod = action.name().is_some_and(looks_like_production);
                let deploy_like = action.category() == Some("Deploy")
                    || action
                        .name()
                        .is_some_and(|n| n.to_ascii_lowercase().contains("deploy"))
                    || stage
                        .name()
                        .is_some_and(|n| n.to_ascii_lowercase().contains("deploy"));
                if approved || reported || !(stage_prod || action_prod) || !deploy_like {
                    continue;
                }
                if action.is_manual_approval() {
                    continue;
                }
                let span = if action_prod {
                    action.name.as_ref().map_or(action.span, |n| n.span)
                } else {
                    stage.name.as_ref().map_or(stage.span, |n| n.span)
                };
                out.push(
                    RULE.at(
                        span,
                        format!(
                            "`{}` looks like a production deployment, and no manual approval comes before it",
                            if action_prod { action.label() } else { stage.label() }
                        ),
                    )
                    .with_help("add a stage with a Manual approval action before production (with `CustomData` saying what to check)"),
                );
                reported = true;
            }
            if stage.actions.items.iter().any(|a| a.is_manual_approval()) {
                approved_before_stage = true;
            }
        }
    }
}
