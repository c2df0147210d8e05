//! AS003 noncanonical-key-case.

use crate::declare_rule;
use super::Cx;
use super::helpers::checked_hooks;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns about an ECS or Lambda AppSpec key written in another case than the documented
    /// PascalCase (`resources` for `Resources`, `targetversion` for `TargetVersion`), hook
    /// event names included (`beforeinstall` for `BeforeInstall`).
    ///
    /// ## Why is this bad?
    /// The documentation disagrees with itself: the Lambda resources page writes the keys in
    /// lower case, while the example page and every ECS sample use PascalCase, and AWS's own
    /// sample AppSpec validator reads PascalCase only. Whether the service matches keys ignoring
    /// case is unconfirmed, so the checker accepts both and asks for the spelling every sample
    /// uses; the lifecycle timeline reads such a hook as its documented event. (EC2/on-premises
    /// keys and hook event names are read exactly by the agent; a wrongly cased key there is
    /// reported as unknown, rule AS001, and a wrongly cased event as rule AS041.)
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// resources:
    ///   - myLambdaFunction:
    ///       type: AWS::Lambda::Function
    ///       properties:
    ///         name: "my-function"
    ///         alias: "live"
    ///         currentversion: "1"
    ///         targetversion: "2"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - myLambdaFunction:
    ///       Type: AWS::Lambda::Function
    ///       Properties:
    ///         Name: "my-function"
    ///         Alias: "live"
    ///         CurrentVersion: "1"
    ///         TargetVersion: "2"
    /// ```
    ///
    /// ## References
    /// - AppSpec 'resources' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html>
    /// - AppSpec file example: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-example.html>
    /// - aws-samples/aws-codedeploy-appspec-assistant (decodes PascalCase keys only)
    code: "AS003", name: "noncanonical-key-case", severity: Warning
}

/// Reports keys the schema walk found in another case, and hook event names in another case
/// than documented (ECS and Lambda; EC2/on-premises names are matched exactly).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    cx.facts.report(&RULE, out);
    let Some((platform, hooks)) = checked_hooks(cx.model) else {
        return;
    };
    for hook in hooks {
        let name = hook.name.as_str();
        let span = hook.span;
        if let Some(documented) = hook.event_of(platform)
            && documented != name
        {
            out.push(
                RULE.at(span, format!("`{name}` is documented as `{documented}`"))
                    .with_help(format!(
                        "write `{documented}` as the documentation and AWS's samples do"
                    ))
                    .with_rewrite(format!("rename to `{documented}`"), cx.text, span, documented),
            );
        }
    }
}
