//! AS014 undetermined-platform.

use crate::declare_rule;
use super::Cx;
use crate::appspec::Detection;
use crate::diagnostic::Diagnostic;
use crate::schema::first_line;

declare_rule! {
    /// ## What it does
    /// Reports an AppSpec that says neither which operating system (`os`, EC2/on-premises) nor
    /// which resource (`Resources`, ECS and Lambda) it deploys — including an empty file.
    ///
    /// ## Why is this bad?
    /// Every AppSpec needs one or the other: the agent fails an EC2/on-premises deployment
    /// without `os` ("must define at minimum the 'version' and 'os' properties" for an empty
    /// file), and ECS and Lambda deployments need `Resources`. Without either the checker cannot
    /// tell which platform's rules apply, so only the keys are checked.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// ```
    ///
    /// ## References
    /// - AppSpec file structure: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure.html>
    /// - CodeDeploy agent, `application_specification.rb` (empty file message)
    code: "AS014", name: "undetermined-platform", severity: Error
}

/// A file whose platform cannot be told: a mapping (or an empty file) with neither `os` nor
/// `Resources`. Other documents (a list, a scalar) are the wrong type (rule AS002).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let root = cx.root;
    if cx.model.detection != Detection::Unknown || !(root.map().is_some() || root.is_null()) {
        return;
    }
    let empty = root.is_null() || root.entries().is_empty();
    let message = if empty {
        "the file is empty: an AppSpec needs `version` and either `os` (EC2/on-premises) or `Resources` (ECS, Lambda)"
    } else {
        "cannot tell which platform this AppSpec is for: it has neither `os` (EC2/on-premises) nor `Resources` (ECS, Lambda)"
    };
    out.push(
        RULE.at(first_line(cx.text), message)
            .with_help("add `os: linux` or `os: windows` for EC2/on-premises, or a `Resources` list with one `AWS::ECS::Service` or `AWS::Lambda::Function` resource"),
    );
}
