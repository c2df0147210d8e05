//! The grammar of the policy document: element names and types, `Version`, `Sid`, `Effect`, and
//! the elements a trust policy cannot have. Most of these report while the tree is lowered
//! (`model.rs`); `Sid` checks run over the model.

use std::collections::HashMap;

use super::Ctx;
use crate::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports an element whose value has the wrong JSON type: a `Condition` written as a list,
    /// a `Statement` that is a string, an action that is a number, and so on.
    ///
    /// ## Why is this bad?
    /// IAM reads the policy against a fixed grammar and rejects the document
    /// (`MalformedPolicyDocument`) when an element is not of the documented type.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": [{"StringEquals": {"aws:SourceAccount": "123456789012"}}]
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
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole",
    ///     "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"}}
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy grammar: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html>
    pub static INVALID_ELEMENT_TYPE = { code: "IAM001", name: "invalid-element-type", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports an element the policy grammar does not have (`Principals`, `Conditions`,
    /// `Statements`), at the top level or in a statement, and suggests the closest element.
    ///
    /// ## Why is this bad?
    /// IAM rejects a policy with unknown elements as malformed. A misspelt element is not
    /// ignored: the role cannot be created or updated.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principals": {"Service": "ecs-tasks.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
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
    ///     "Principal": {"Service": "ecs-tasks.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy grammar: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html>
    /// - IAM JSON policy element reference: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html>
    pub static UNKNOWN_ELEMENT = { code: "IAM002", name: "unknown-element", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a policy without `Statement`, or with an empty one.
    ///
    /// ## Why is this bad?
    /// `Statement` is the only required top-level element: it says who may assume the role.
    /// IAM rejects a policy without statements.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": []}
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Statement: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_statement.html>
    pub static MISSING_STATEMENT = { code: "IAM003", name: "missing-statement", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns about a policy without `Version`.
    ///
    /// ## Why is this bad?
    /// Without `Version`, IAM reads the policy with the old 2008-10-17 language: policy variables
    /// such as `${aws:username}` are compared as literal text instead of being replaced, so a
    /// condition using one silently never matches. IAM Access Analyzer reports "Missing
    /// version". CloudFormation templates often leave it out; the policy still works when no
    /// variable is used, hence a warning.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "lambda.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
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
    ///     "Principal": {"Service": "lambda.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Version: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html>
    /// - IAM Access Analyzer policy check reference ("Missing version"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    pub static MISSING_VERSION = { code: "IAM004", name: "missing-policy-version", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Reports a `Version` other than `2012-10-17` or `2008-10-17`, or a `Version` that is not a
    /// string.
    ///
    /// ## Why is this bad?
    /// `Version` names the policy language, not the policy's own version or today's date: only
    /// the two documented dates exist, and IAM rejects any other value.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2024-05-01",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
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
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Version: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html>
    pub static INVALID_VERSION = { code: "IAM005", name: "invalid-policy-version", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns about `"Version": "2008-10-17"`, the original policy language.
    ///
    /// ## Why is this bad?
    /// Under 2008-10-17 policy variables are not expanded and newer features may be missing.
    /// Trust policies with this version are accepted in practice (managed policies are not), so
    /// this is a warning; there is no reason to keep it.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2008-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "ec2.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
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
    ///     "Principal": {"Service": "ec2.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Version: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html>
    /// - A working 2008-10-17 trust policy: aws-actions/configure-aws-credentials issue #746
    pub static OLD_POLICY_VERSION = { code: "IAM006", name: "old-policy-version", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Reports a `Sid` with characters other than ASCII letters and digits (spaces, hyphens,
    /// underscores), or a `Sid` that is not a string. An empty `Sid` is allowed.
    ///
    /// ## Why is this bad?
    /// IAM policies accept only `[A-Za-z0-9]` in `Sid` and reject the document otherwise
    /// (Access Analyzer: "Unsupported Sid"). Other services' resource policies (S3, SNS) are more
    /// lenient, which is why such Sids get copied into trust policies.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Sid": "allow-codebuild",
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Sid": "AllowCodeBuild",
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Sid: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html>
    /// - IAM Access Analyzer policy check reference ("Unsupported Sid"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    pub static INVALID_SID = { code: "IAM007", name: "invalid-sid", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports two statements with the same `Sid`, with a label on the first.
    ///
    /// ## Why is this bad?
    /// Sids must be unique within a policy; IAM rejects the document ("Statement IDs (SID) in a
    /// single policy must be unique"). Copying a statement to add a second principal is the usual
    /// cause.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [
    ///     {"Sid": "Deploy", "Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"},
    ///     {"Sid": "Deploy", "Effect": "Allow", "Principal": {"Service": "codepipeline.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ///   ]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [
    ///     {"Sid": "DeployBuild", "Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"},
    ///     {"Sid": "DeployPipeline", "Effect": "Allow", "Principal": {"Service": "codepipeline.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ///   ]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Sid: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html>
    /// - IAM Access Analyzer policy check reference ("Unique Sids required"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    pub static DUPLICATE_SID = { code: "IAM008", name: "duplicate-sid", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a statement without `Effect`, or with an `Effect` other than `Allow` or `Deny`.
    ///
    /// ## Why is this bad?
    /// `Effect` is required and has exactly two values; IAM rejects anything else ("Invalid
    /// effect"). A value in another case (`allow`) is reported by IAM010 instead.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Permit",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
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
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Effect: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html>
    pub static INVALID_EFFECT = { code: "IAM009", name: "invalid-effect", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns about an element name, `Effect` value, principal type or condition operator written
    /// in another letter case than documented (`effect`, `"allow"`, `"aws"`, `stringEquals`).
    /// The checker and the evaluator read them as the documented name.
    ///
    /// ## Why is this bad?
    /// The IAM documentation only uses the documented spellings, and whether IAM accepts other
    /// cases is not confirmed (moto's emulation rejects `"allow"` as a "legacy parsing" failure).
    /// Writing the documented spelling removes the doubt.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
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
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy elements: Effect: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html>
    /// - IAM JSON policy elements: Condition operators: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html>
    pub static NONSTANDARD_CASE = { code: "IAM010", name: "nonstandard-case", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Reports `Resource` or `NotResource` in a trust policy.
    ///
    /// ## Why is this bad?
    /// A trust policy is attached to the role it protects, so its resource is implicit. IAM
    /// rejects the document ("Has prohibited field Resource"). The element usually comes from
    /// pasting a permissions policy into the trust relationship.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole",
    ///     "Resource": "*"
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
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM roles terms and concepts (trust policy): <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html>
    /// - IAM Access Analyzer policy check reference ("Role trust policy syntax error resource"): <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>
    pub static RESOURCE_IN_TRUST_POLICY = { code: "IAM018", name: "resource-in-trust-policy", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a statement holding both `Principal` and `NotPrincipal`, both `Action` and
    /// `NotAction`, or both `Resource` and `NotResource`.
    ///
    /// ## Why is this bad?
    /// Each pair is mutually exclusive in the policy grammar; IAM rejects the document
    /// ("Unsupported element combination").
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "Version": "2012-10-17",
    ///   "Statement": [{
    ///     "Effect": "Allow",
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole",
    ///     "NotAction": "sts:TagSession"
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
    ///     "Principal": {"Service": "codebuild.amazonaws.com"},
    ///     "Action": "sts:AssumeRole"
    ///   }]
    /// }
    /// ```
    ///
    /// ## References
    /// - IAM JSON policy grammar: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html>
    pub static CONFLICTING_ELEMENTS = { code: "IAM019", name: "conflicting-elements", severity: Error };
}

/// `Sid` characters (IAM007) and uniqueness (IAM008).
pub(crate) fn sids(cx: &mut Ctx<'_>) {
    let mut seen: HashMap<&str, crate::source::Span> = HashMap::new();
    for stmt in &cx.policy.statements {
        let Some(sid) = &stmt.sid else { continue };
        let mut bad: Vec<char> = Vec::new();
        for c in sid.value.chars().filter(|c| !c.is_ascii_alphanumeric()) {
            if !bad.contains(&c) {
                bad.push(c);
            }
        }
        if !bad.is_empty() {
            let fixed: String = sid
                .value
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| {
                    let mut cs = w.chars();
                    match cs.next() {
                        Some(f) => f.to_ascii_uppercase().to_string() + cs.as_str(),
                        None => String::new(),
                    }
                })
                .collect();
            let shown: String = bad
                .iter()
                .take(3)
                .map(|c| match c {
                    ' ' => "a space".to_string(),
                    c => format!("`{c}`"),
                })
                .collect::<Vec<_>>()
                .join(", ");
            let mut d = INVALID_SID
                .at(
                    sid.span,
                    format!(
                        "`Sid` `{}` contains {shown}; IAM allows only letters and digits",
                        crate::source::tree::shorten(&sid.value, 60)
                    ),
                )
                .with_help("IAM rejects the policy: \"Statement IDs (SID) must be alpha-numeric\"");
            if !fixed.is_empty() {
                d = d.with_fix(
                    format!("rename to `{fixed}`"),
                    sid.span,
                    format!("\"{fixed}\""),
                );
            }
            cx.push(d);
        }
        if sid.value.is_empty() {
            continue;
        }
        if let Some(first) = seen.get(sid.value.as_str()) {
            cx.push(
                DUPLICATE_SID
                    .at(sid.span, format!("duplicate `Sid` `{}`", sid.value))
                    .with_label(*first, format!("`{}` first used here", sid.value))
                    .with_help("give each statement its own `Sid` (or none)"),
            );
        } else {
            seen.insert(sid.value.as_str(), sid.span);
        }
    }
}
