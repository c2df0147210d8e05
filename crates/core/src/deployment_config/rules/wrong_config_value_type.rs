//! DEP002 wrong-config-value-type.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a value of the wrong type: a string where the API takes a number, a number where
    /// it takes a string, a list or an object where it takes a single value.
    ///
    /// ## Why is this bad?
    /// The AWS CLI checks the JSON types of `--cli-input-json` before calling CodeDeploy
    /// ("Invalid type for parameter minimumHealthyHosts.value, value: 75, type: <class 'str'>,
    /// valid types: <class 'int'>"). CloudFormation is more lenient: it accepts numbers and
    /// booleans written as strings (`Value: '75'`, as AWS's own examples do), so those are not
    /// reported in templates, and intrinsic functions are never judged.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "deploymentConfigName": "ThreeQuartersHealthy",
    ///   "minimumHealthyHosts": {"type": "FLEET_PERCENT", "value": "75"}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "deploymentConfigName": "ThreeQuartersHealthy",
    ///   "minimumHealthyHosts": {"type": "FLEET_PERCENT", "value": 75}
    /// }
    /// ```
    ///
    /// ## References
    /// - MinimumHealthyHosts (API, `value` is an integer): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_MinimumHealthyHosts.html>
    /// - AWS CLI parameter validation of `--cli-input-json`: <https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-skeleton.html>
    code: "DEP002", name: "wrong-config-value-type", severity: Error
}

/// Values the walk found of the wrong type.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for w in &cx.facts.wrong_types {
        let what = if w.path.is_empty() {
            "a deployment configuration".to_string()
        } else {
            format!("`{}`", w.path)
        };
        let mut d = RULE.at(
            w.span,
            format!("{what} must be {}, found {}", w.expected, w.found),
        );
        if w.expected == "an integer" && w.found.starts_with("the string") {
            d = d.with_help("the API reads JSON types: write the number without quotes");
        }
        out.push(d);
    }
}
