//! DEP102 wrong-group-value-type.

use super::Cx;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a value of the wrong type: a string where the API takes a boolean or a number, a
    /// single value where it takes a list, a list where it takes an object.
    ///
    /// ## Why is this bad?
    /// The AWS CLI checks the JSON types of `--cli-input-json` before calling CodeDeploy
    /// ("Invalid type for parameter autoRollbackConfiguration.enabled, value: true, type: <class
    /// 'str'>, valid types: <class 'bool'>"). CloudFormation accepts numbers and booleans written
    /// as strings (`Enabled: 'true'`, as AWS's own examples do), so those are not reported in
    /// templates, and intrinsic functions are never judged.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "autoRollbackConfiguration": {"enabled": "true", "events": "DEPLOYMENT_FAILURE"}
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "autoRollbackConfiguration": {"enabled": true, "events": ["DEPLOYMENT_FAILURE"]}
    /// }
    /// ```
    ///
    /// ## References
    /// - AutoRollbackConfiguration (API): <https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_AutoRollbackConfiguration.html>
    /// - AWS CLI parameter validation of `--cli-input-json`: <https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-skeleton.html>
    code: "DEP102", name: "wrong-group-value-type", severity: Error
}

/// Values the walk found of the wrong type.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for w in &cx.facts.wrong_types {
        let what = if w.path.is_empty() {
            "a deployment group".to_string()
        } else {
            format!("`{}`", w.path)
        };
        let mut d = RULE.at(w.span, format!("{what} must be {}, found {}", w.expected, w.found));
        if w.found.starts_with("the string") && (w.expected == "an integer" || w.expected.contains("true")) {
            d = d.with_help("the API reads JSON types: write the value without quotes");
        } else if w.expected == "a list" {
            d = d.with_help("write the value inside `[` `]`, even when there is only one");
        }
        out.push(d);
    }
}
