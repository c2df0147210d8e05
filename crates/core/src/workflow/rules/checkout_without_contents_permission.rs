//! GHA024 checkout-without-contents-permission.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::workflow::model::Level;

declare_rule! {
    /// ## What it does
    /// Reports a job that checks out its repository with `actions/checkout` while the
    /// permissions in effect leave `contents` at `none`: a `permissions` mapping that names
    /// other scopes (often only `id-token: write`) but not `contents`, or `permissions: {}`.
    ///
    /// ## Why is this bad?
    /// Naming any scope in a `permissions` mapping sets every scope it does not name to `none`,
    /// so adding `id-token: write` for OIDC alone silently drops `contents: read`, and
    /// `actions/checkout` then cannot read a private or internal repository ("Repository not
    /// found"). A job-level block replaces the workflow's entirely, so it needs its own
    /// `contents: read`. A checkout given its own `token` is not affected.
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// permissions:
    ///   id-token: write
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: actions/checkout@v4
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// permissions:
    ///   id-token: write
    ///   contents: read
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: actions/checkout@v4
    ///       - run: ./deploy.sh
    /// ```
    ///
    /// ## References
    /// - Assigning permissions to jobs ("If you specify the access for any of these permissions,
    ///   all of those that are not specified are set to none"): <https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions>
    /// - Configuring OpenID Connect in Amazon Web Services (`id-token: write` with
    ///   `contents: read`): <https://docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-in-aws>
    code: "GHA024", name: "checkout-without-contents-permission", severity: Error
}

/// Checkouts in jobs whose permissions leave `contents` at `none`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let workflow = cx.model;
    for job in &workflow.jobs {
        let Some(block) = job.effective_permissions(workflow) else {
            continue;
        };
        if block.level("contents") != Some(Level::None) {
            continue;
        }
        let Some(step) = job.steps.iter().find(|s| {
            s.uses.as_ref().is_some_and(|u| u.is("actions/checkout")) && s.input_value("token").is_none()
        }) else {
            continue;
        };
        let Some(uses) = &step.uses else { continue };
        let origin = if job.permissions.is_some() {
            "the job's `permissions`"
        } else {
            "the workflow's `permissions`"
        };
        out.push(
            RULE.at(
                uses.text.span,
                format!(
                    "job `{}` checks out the repository, but {origin} leave `contents` at `none`",
                    job.id.value
                ),
            )
            .with_label(block.key, "naming any scope sets every unnamed scope to `none`")
            .with_help("add `contents: read` to this `permissions` block"),
        );
    }
}
