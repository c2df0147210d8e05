//! GHA059 role-duration-out-of-range.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `role-duration-seconds` of `configure-aws-credentials` below 900 or above
    /// 43200, or above 3600 with `role-chaining: true`.
    ///
    /// ## Why is this bad?
    /// STS accepts session durations from 15 minutes up to the role's maximum session duration,
    /// which is at most 12 hours; a session assumed with credentials of another role session
    /// (role chaining) lasts at most one hour. Outside these bounds `AssumeRole*` fails with a
    /// `ValidationError` ("The requested DurationSeconds exceeds the 1 hour session limit for
    /// roles assumed by role chaining"). A duration within 43200 can still exceed the role's own
    /// maximum, which the workflow does not show.
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
    ///       - uses: aws-actions/configure-aws-credentials@v4
    ///         with:
    ///           role-to-assume: arn:aws:iam::123456789012:role/deploy
    ///           aws-region: us-east-1
    ///           role-duration-seconds: 86400
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// permissions:
    ///   id-token: write
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: aws-actions/configure-aws-credentials@v4
    ///         with:
    ///           role-to-assume: arn:aws:iam::123456789012:role/deploy
    ///           aws-region: us-east-1
    ///           role-duration-seconds: 3600
    /// ```
    ///
    /// ## References
    /// - STS `AssumeRoleWithWebIdentity`, `DurationSeconds`: <https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html>
    /// - Role chaining session limit: <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining>
    code: "GHA059", name: "role-duration-out-of-range", severity: Error
}

/// Durations STS refuses.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for job in &cx.model.jobs {
        for step in job.steps.iter().filter(|s| s.configures_aws()) {
            let Some(duration) = step.input("role-duration-seconds") else { continue };
            let Ok(seconds) = duration.value.value.trim().parse::<u64>() else { continue };
            let chaining = step
                .input_value("role-chaining")
                .is_some_and(|v| v.eq_ignore_ascii_case("true"));
            let message = if seconds < 900 {
                format!("{seconds} seconds is below the 900-second minimum of an STS session")
            } else if seconds > 43_200 {
                format!("{seconds} seconds is above the 43200-second (12-hour) maximum of an STS session")
            } else if chaining && seconds > 3_600 {
                format!("{seconds} seconds is above the one-hour limit of a role-chained session")
            } else {
                continue;
            };
            out.push(
                RULE.at(duration.value.span, message)
                    .with_help("use 900 to 3600 seconds (and at most the role's maximum session duration, up to 43200 without role chaining)"),
            );
        }
    }
}
