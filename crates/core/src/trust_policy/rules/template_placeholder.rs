//! IAM028 template-placeholder.

use crate::declare_rule;
use super::Cx;
use super::helpers::principal_placeholder;
use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::trust_policy::lower::Template;
use crate::trust_policy::text;

declare_rule! {
    /// ## What it does
    /// Warns about template placeholders left in a policy: Terraform or CloudFormation
    /// interpolations (`${var.github_org}`, `${AWS::AccountId}`), CloudFormation functions
    /// (`{"Fn::Sub": …}`), and copy-paste placeholders (`<ACCOUNT_ID>`, `__ACCOUNT_ID__`,
    /// `YOUR_GITHUB_USERNAME`). IAM policy variables such as `${aws:username}` are not
    /// placeholders. Checks that depend on a placeholder's value are skipped.
    ///
    /// ## Why is this bad?
    /// Such a file is a template: it is fine as long as the tool that renders it fills every
    /// placeholder in. Submitted as is, IAM reads the text literally — a principal that names no
    /// real provider, a `sub` that no repository has — so the role cannot be used.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::<ACCOUNT_ID>:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    ///     "Action": "sts:AssumeRoleWithWebIdentity",
    ///     "Condition": {"StringEquals": {
    ///       "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    ///       "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"
    ///     }}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM policy elements: Variables and tags (what `${…}` means to IAM): <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html>
    /// - Terraform `templatefile` function: <https://developer.hashicorp.com/terraform/language/functions/templatefile>
    code: "IAM028", name: "template-placeholder", severity: Warning
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    for found in &cx.facts.templates {
        out.push(warning(found.span, &found.template));
    }
    for stmt in &cx.policy.statements {
        if let Some(element) = &stmt.principal {
            for entry in &element.entries {
                // Lowering already recorded the values it marked as templates.
                if entry.template {
                    continue;
                }
                if let Some(token) = principal_placeholder(entry) {
                    out.push(warning(entry.span, &Template::Token(token)));
                }
            }
        }
        for cond in &stmt.conditions {
            if let Some(token) = text::placeholder(&cond.key.value) {
                out.push(warning(cond.key.span, &Template::Token(token)));
            }
            // The values of an unknown operator are not read at all.
            if cond.parsed.is_none() {
                continue;
            }
            for v in &cond.values {
                if let Some(token) = text::placeholder(&v.text) {
                    out.push(warning(v.span, &Template::Token(token)));
                }
            }
        }
    }
}

fn warning(span: Span, template: &Template) -> Diagnostic {
    let what = match template {
        // A placeholder that reads "a CloudFormation…" has always been worded like a function.
        Template::Token(token) if !token.starts_with("a CloudFormation") => {
            format!("`{token}` is a template placeholder")
        }
        Template::Token(_) | Template::Function => {
            "this value is a CloudFormation function".to_string()
        }
    };
    RULE.at(span, format!("{what}: IAM would read it literally"))
        .with_help(
            "this looks like a template (Terraform, CloudFormation, a README): fill it in before IAM sees the policy; checks that depend on this value are skipped",
        )
}
