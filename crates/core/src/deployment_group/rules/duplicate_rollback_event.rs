//! DEP120 duplicate-rollback-event.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Warns about an event listed twice in `autoRollbackConfiguration.events`.
    ///
    /// ## Why is this bad?
    /// The list is a set: CloudFormation's schema requires unique items, so a template with a
    /// duplicate fails to deploy; the API's behaviour is not documented (a warning). A duplicate
    /// usually stands where another event was meant — often `DEPLOYMENT_STOP_ON_ALARM`.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "autoRollbackConfiguration": {
    ///     "enabled": true,
    ///     "events": ["DEPLOYMENT_FAILURE", "DEPLOYMENT_FAILURE"]
    ///   }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "autoRollbackConfiguration": {
    ///     "enabled": true,
    ///     "events": ["DEPLOYMENT_FAILURE"]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - AWS::CodeDeploy::DeploymentGroup AutoRollbackConfiguration (Events, unique items): <https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-codedeploy-deploymentgroup-autorollbackconfiguration.html>
    code: "DEP120", name: "duplicate-rollback-event", severity: Warning
}

/// Events listed twice.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for g in &cx.model.items {
        let Some(r) = &g.rollback else { continue };
        let mut seen: Vec<(&str, Span)> = Vec::new();
        for e in &r.events {
            let Some(text) = e.text() else { continue };
            match seen.iter().find(|(t, _)| *t == text) {
                Some((_, first)) => out.push(
                    RULE.at(e.span, format!("`{text}` is listed twice"))
                        .with_label(*first, "first listed here")
                        .with_help("list each event once"),
                ),
                None => seen.push((text, e.span)),
            }
        }
    }
}
