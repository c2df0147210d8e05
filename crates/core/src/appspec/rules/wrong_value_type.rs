//! AS002 wrong-value-type.

use crate::declare_rule;
use super::Cx;
use crate::appspec::Platform;
use crate::appspec::schema::MALFORMED_RESOURCE_TAG;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a value of the wrong type: a single string where a list is expected, a mapping
    /// where a string is expected, a list where a mapping is expected, and so on.
    ///
    /// ## Why is this bad?
    /// The CodeDeploy agent walks `files`, `permissions`, each hook's scripts, `except`, `type` and
    /// `acls` as lists and each entry as a mapping; anything else makes it stop with a Ruby error
    /// and the deployment fails. ECS and Lambda AppSpecs have the same documented structure.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   AfterInstall: scripts/after_install.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// hooks:
    ///   AfterInstall:
    ///     - location: scripts/after_install.sh
    /// ```
    ///
    /// ## References
    /// - AppSpec file structure: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure.html>
    /// - CodeDeploy agent, `application_specification.rb`
    code: "AS002", name: "wrong-value-type", severity: Error
}

/// Reports the wrong types the schema walk found, and `Resources` items that are not a mapping
/// from the resource's name to its fields.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
    let name = if cx.model.platform == Platform::Ecs {
        "TargetService"
    } else {
        "myLambdaFunction"
    };
    for tagged in cx.facts.tagged(MALFORMED_RESOURCE_TAG) {
        out.push(
            RULE.at(tagged.node.span, "a `Resources` item must be a mapping with one key, the resource's name")
                .with_help(format!("put the resource under its name: `- {name}:` then `Type` and `Properties` indented below it")),
        );
    }
}
