//! GHA058 invalid-aws-region.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::workflow::expr;

declare_rule! {
    /// ## What it does
    /// Reports an `aws-region` of `configure-aws-credentials` that is not a region name: only
    /// lower-case letters, digits and `-` (`us-east-1`).
    ///
    /// ## Why is this bad?
    /// The action checks the region against `^[a-z0-9-]+$` and fails with "Region is not
    /// valid" (`US-EAST-1`, `us_east_1`, `us-east-1 ` with a stray quote or space).
    ///
    /// ## Example
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: aws-actions/configure-aws-credentials@v4
    ///         with:
    ///           aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}
    ///           aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
    ///           aws-region: US-EAST-1
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// on: push
    /// jobs:
    ///   deploy:
    ///     runs-on: ubuntu-latest
    ///     steps:
    ///       - uses: aws-actions/configure-aws-credentials@v4
    ///         with:
    ///           aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}
    ///           aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
    ///           aws-region: us-east-1
    /// ```
    ///
    /// ## References
    /// - `aws-actions/configure-aws-credentials`, `src/index.ts` (region validation)
    /// - AWS Regions: <https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html>
    code: "GHA058", name: "invalid-aws-region", severity: Error
}

/// Literal regions outside `^[a-z0-9-]+$`.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for job in &cx.model.jobs {
        for step in job.steps.iter().filter(|s| s.configures_aws()) {
            let Some(region) = step.input("aws-region") else { continue };
            let value = region.value.value.as_str();
            if value.is_empty() || expr::has_expression(value) {
                continue;
            }
            if value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
                continue;
            }
            let fixed: String = value.trim().to_ascii_lowercase().replace('_', "-");
            let mut d = RULE.at(region.value.span, format!("`{value}` is not a valid AWS region name"))
                .with_help("the action accepts only lower-case letters, digits and `-`, such as `us-east-1`");
            if fixed.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') && !fixed.is_empty() {
                d = d.with_fix(format!("replace with `{fixed}`"), region.value.span, fixed);
            }
            out.push(d);
        }
    }
}
