//! The shape of the file: unknown keys, types, key case, `version`, and which platform the file
//! is for.

use crate::appspec::model::get_ci;
use crate::appspec::ruby::{RubyValue, ruby_value};
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::schema::{Checker, first_line};
use crate::source::{Node, ScalarKind, Span};

declare_rule! {
    /// ## What it does
    /// Warns about a key the AppSpec reference does not document, and suggests the closest
    /// documented key.
    ///
    /// ## Why is this bad?
    /// The CodeDeploy agent only reads the keys it knows (`version`, `os`, `files`,
    /// `file_exists_behavior`, `permissions`, `hooks` and their fields) and ignores the rest, so a
    /// misspelt key silently does nothing: `Hooks:` in an EC2/on-premises AppSpec runs no script,
    /// because the agent reads `hooks` exactly. What the ECS and Lambda services do with unknown
    /// keys is not documented, hence a warning.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// file:
    ///   - source: /
    ///     destination: /var/www/html
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /var/www/html
    /// ```
    ///
    /// ## References
    /// - AppSpec file structure: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure.html>
    /// - CodeDeploy agent, `application_specification.rb` (reads only the documented keys)
    pub static UNKNOWN_KEY = { code: "AS001", name: "unknown-appspec-key", severity: Warning };
}

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
    pub static INVALID_TYPE = { code: "AS002", name: "wrong-value-type", severity: Error };
}

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
    pub static NONCANONICAL_KEY_CASE = { code: "AS003", name: "noncanonical-key-case", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Reports an AppSpec without `version`.
    ///
    /// ## Why is this bad?
    /// `version` is required in every AppSpec, whatever the platform. The CodeDeploy agent
    /// fails an EC2/on-premises deployment with "an invalid version value () was entered in the
    /// application specification file".
    ///
    /// ## Example
    /// ```yaml
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /var/www/html
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// files:
    ///   - source: /
    ///     destination: /var/www/html
    /// ```
    ///
    /// ## References
    /// - AppSpec 'version' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-version.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_version`
    pub static MISSING_VERSION = { code: "AS010", name: "missing-appspec-version", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a `version` other than `0.0`.
    ///
    /// ## Why is this bad?
    /// `0.0` is the only AppSpec version; it is the format's version, not your application's.
    /// The agent compares the value with the number 0.0 and fails the deployment otherwise:
    /// "The deployment failed because an invalid version value (1.0) was entered in the
    /// application specification file".
    ///
    /// ## Example
    /// ```yaml
    /// version: 1.0
    /// os: linux
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// ```
    ///
    /// ## References
    /// - AppSpec 'version' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-version.html>
    /// - CodeDeploy agent, `application_specification.rb` (`supported_versions` is `[0.0]`)
    pub static UNSUPPORTED_VERSION = { code: "AS011", name: "unsupported-appspec-version", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports `version` written as a string (`"0.0"`, or tagged `!!str 0.0`) instead of the
    /// number `0.0`.
    ///
    /// ## Why is this bad?
    /// The EC2/on-premises agent loads the file with Ruby's YAML reader and checks
    /// `[0.0].include?(version)`: the number 0.0 passes, the string `"0.0"` does not (an
    /// explicit `!!str` tag makes it a string just like quotes do), so the
    /// deployment fails with "an invalid version value (0.0)". This follows from the agent's
    /// code rather than from a documented error, but the code leaves no doubt, so it is an error
    /// for EC2/on-premises AppSpecs. For ECS and Lambda AppSpecs (read by the CodeDeploy
    /// service, whose parser is not published) it is a warning: the documented examples write
    /// the number, and whether a string is accepted is unconfirmed.
    ///
    /// ## Example
    /// ```yaml
    /// version: "0.0"
    /// os: linux
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// os: linux
    /// ```
    ///
    /// ## References
    /// - AppSpec 'version' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-version.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_version` (compares with `[0.0]`)
    pub static QUOTED_VERSION = { code: "AS012", name: "quoted-version", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns about a `version` that equals zero but is not written `0.0`, such as `0` or
    /// `0.00`.
    ///
    /// ## Why is this bad?
    /// The agent compares numbers, and Ruby considers `0 == 0.0` true, so `version: 0` most
    /// likely passes on EC2/on-premises (derived from the agent's code, not documented). The
    /// documentation only shows `0.0`, and the ECS and Lambda services' reading is not
    /// published; write `0.0` to be sure.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "version": 0,
    ///   "Resources": [
    ///     {"myFunction": {"Type": "AWS::Lambda::Function",
    ///                     "Properties": {"Name": "fn", "Alias": "live", "CurrentVersion": "1", "TargetVersion": "2"}}}
    ///   ]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "version": 0.0,
    ///   "Resources": [
    ///     {"myFunction": {"Type": "AWS::Lambda::Function",
    ///                     "Properties": {"Name": "fn", "Alias": "live", "CurrentVersion": "1", "TargetVersion": "2"}}}
    ///   ]
    /// }
    /// ```
    ///
    /// ## References
    /// - AppSpec 'version' section: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-version.html>
    /// - CodeDeploy agent, `application_specification.rb` `parse_version`
    pub static NONSTANDARD_VERSION_NUMBER = { code: "AS013", name: "nonstandard-version-number", severity: Warning };
}

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
    pub static UNDETERMINED_PLATFORM = { code: "AS014", name: "undetermined-platform", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a CloudFormation or SAM template (`AWSTemplateFormatVersion`, `Transform`, or a
    /// `Resources` mapping of typed resources) saved as an AppSpec.
    ///
    /// ## Why is this bad?
    /// CodeDeploy reads `appspec.yml` as an AppSpec: `version: 0.0`, then `os` for
    /// EC2/on-premises or a one-item `Resources` list for ECS and Lambda. A template in its place
    /// fails the deployment. For Lambda traffic shifting from a SAM template, use the function's
    /// `DeploymentPreference` instead; SAM writes the AppSpec for you.
    ///
    /// ## Example
    /// ```yaml
    /// AWSTemplateFormatVersion: '2010-09-09'
    /// Transform: AWS::Serverless-2016-10-31
    /// Resources:
    ///   MyFunction:
    ///     Type: AWS::Serverless::Function
    ///     Properties:
    ///       Handler: app.handler
    ///       Runtime: python3.12
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.0
    /// Resources:
    ///   - MyFunction:
    ///       Type: AWS::Lambda::Function
    ///       Properties:
    ///         Name: "my-function"
    ///         Alias: "live"
    ///         CurrentVersion: "1"
    ///         TargetVersion: "2"
    /// ```
    ///
    /// ## References
    /// - AppSpec file reference: <https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file.html>
    /// - AWS SAM, gradual deployments: <https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/automating-updates-to-serverless-apps.html>
    pub static TEMPLATE_INSTEAD_OF_APPSPEC = { code: "AS015", name: "template-instead-of-appspec", severity: Error };
}

/// The number a scalar denotes under the YAML 1.2 core schema or JSON.
fn number_of(node: &Node) -> Option<f64> {
    node.scalar().and_then(crate::source::Scalar::number)
}

fn unsupported(node: &Node, text: &str) -> Diagnostic {
    UNSUPPORTED_VERSION
        .at(node.span, format!("unsupported AppSpec version `{text}`"))
        .with_help("the AppSpec format version is always 0.0; it is not your application's version")
        .with_fix("replace with 0.0", node.span, "0.0")
}

/// `version` of an EC2/on-premises AppSpec, as the agent reads it (Ruby YAML, compared with
/// `[0.0]`).
pub(crate) fn check_server_version<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    let Some(s) = node.scalar() else {
        c.wrong_type(node, "the number 0.0");
        return;
    };
    match ruby_value(node).unwrap_or(RubyValue::Nil) {
        RubyValue::Nil => {} // reported as missing
        RubyValue::Int(0) => c.push(nonstandard(node, &s.text)),
        RubyValue::Float(0.0) => {
            if s.text != "0.0" {
                c.push(nonstandard(node, &s.text));
            }
        }
        RubyValue::Str(t) if t.trim().parse::<f64>().is_ok_and(|v| v == 0.0) => {
            let (how, undo) = if node.tag.is_some() {
                (" (tagged `!!str`)", "remove the tag")
            } else {
                ("", "remove the quotes")
            };
            c.push(
                QUOTED_VERSION
                    .at(node.span, format!("`version` is the string `\"{t}\"`{how}, not the number 0.0"))
                    .with_help(format!("the CodeDeploy agent compares `version` with the number 0.0, so a string version fails the deployment; {undo}"))
                    .with_fix("write the number 0.0", node.span, "0.0"),
            );
        }
        _ => c.push(unsupported(node, &s.text)),
    }
}

/// `version` of an ECS or Lambda AppSpec (read by the service; JSON or YAML).
pub(crate) fn check_service_version<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    let Some(s) = node.scalar() else {
        c.wrong_type(node, "the number 0.0");
        return;
    };
    if s.is_null() {
        return;
    }
    // An explicit `!!str` makes the value a string for any YAML reader.
    let kind = match ruby_value(node) {
        Some(RubyValue::Str(_)) if node.tag.is_some() => ScalarKind::Str,
        _ => s.kind(),
    };
    match (kind, number_of(node)) {
        (ScalarKind::Int | ScalarKind::Float, Some(0.0)) => {
            if s.text != "0.0" {
                c.push(nonstandard(node, &s.text));
            }
        }
        (ScalarKind::Str, _) if s.text.trim().parse::<f64>().is_ok_and(|v| v == 0.0) => {
            let (how, undo) = if node.tag.is_some() {
                (" (tagged `!!str`)", "remove the tag")
            } else {
                ("", "remove the quotes")
            };
            c.push(
                QUOTED_VERSION
                    .at(node.span, format!("`version` is the string `\"{}\"`{how}, not the number 0.0", s.text))
                    .with_severity(Severity::Warning)
                    .with_help(format!("every documented ECS and Lambda AppSpec writes the number 0.0; whether the service accepts a string is unconfirmed, so {undo}"))
                    .with_fix("write the number 0.0", node.span, "0.0"),
            );
        }
        _ => c.push(unsupported(node, &s.text)),
    }
}

fn nonstandard(node: &Node, text: &str) -> Diagnostic {
    NONSTANDARD_VERSION_NUMBER
        .at(
            node.span,
            format!("`version: {text}` equals 0.0 but is not written `0.0`"),
        )
        .with_help(
            "the agent's number comparison most likely accepts it, but only `0.0` is documented",
        )
        .with_fix("write 0.0", node.span, "0.0")
}

/// AS014: the platform cannot be told.
pub(crate) fn undetermined(root: &Node, text: &str) -> Diagnostic {
    let empty = root.is_null() || root.entries().is_empty();
    let message = if empty {
        "the file is empty: an AppSpec needs `version` and either `os` (EC2/on-premises) or `Resources` (ECS, Lambda)"
    } else {
        "cannot tell which platform this AppSpec is for: it has neither `os` (EC2/on-premises) nor `Resources` (ECS, Lambda)"
    };
    UNDETERMINED_PLATFORM
        .at(first_line(text), message)
        .with_help("add `os: linux` or `os: windows` for EC2/on-premises, or a `Resources` list with one `AWS::ECS::Service` or `AWS::Lambda::Function` resource")
}

/// AS015: a CloudFormation or SAM template.
pub(crate) fn template(root: &Node, text: &str) -> Diagnostic {
    let span = ["AWSTemplateFormatVersion", "Transform", "Resources"]
        .iter()
        .find_map(|k| crate::appspec::model::entry_ci(root, k).map(|p| p.key.span))
        .unwrap_or_else(|| first_line(text));
    let sam = get_ci(root, "Transform").is_some();
    TEMPLATE_INSTEAD_OF_APPSPEC
        .at(
            span,
            if sam {
                "this is a SAM template, not a CodeDeploy AppSpec"
            } else {
                "this is a CloudFormation template, not a CodeDeploy AppSpec"
            },
        )
        .with_help("an AppSpec starts with `version: 0.0` and has `os` (EC2/on-premises) or a one-item `Resources` list (ECS, Lambda); deploy templates with CloudFormation, and shift Lambda traffic from SAM with `DeploymentPreference`")
}
