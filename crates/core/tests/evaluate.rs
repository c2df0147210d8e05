//! The trust-policy evaluator: truth tables for every operator family (missing keys, empty sets,
//! negation with several values, case), the decision logic, policy variables, the reference's
//! test vectors (codepipeline-iam-oidc.md, C7), the GitHub claims builder and "who gets in?".

mod common;

use cicd_core::trust_policy::explore::{Admits, who_gets_in};
use cicd_core::trust_policy::github::Run;
use cicd_core::trust_policy::{self, Caller, Decision, Outcome, Request, TrustPolicy};
use cicd_core::{Diagnostic, Kind, Model, Options};

const ROLE_CALLER: &str = "arn:aws:iam::123456789012:role/ci";
const GH: &str = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
const SUB: &str = "token.actions.githubusercontent.com:sub";

/// A policy analysed once, as the CLI and the playground do: its model, every diagnostic, and
/// whether the JSON could be read at all.
struct Analysed {
    policy: TrustPolicy,
    diagnostics: Vec<Diagnostic>,
    readable: bool,
}

fn analyze(text: &str) -> Analysed {
    let analysis =
        cicd_core::analyze(Kind::TrustPolicy, text, &Options::default()).expect("checked kind");
    let readable = analysis.readable();
    let Model::TrustPolicy(policy) = analysis.model else {
        panic!("a trust policy's model");
    };
    Analysed {
        policy,
        diagnostics: analysis.diagnostics,
        readable,
    }
}

fn policy_with(version: Option<&str>, condition: &str) -> TrustPolicy {
    let version = version.map_or(String::new(), |v| format!("\"Version\": \"{v}\","));
    let text = format!(
        r#"{{{version} "Statement": [{{"Effect": "Allow", "Principal": {{"AWS": "arn:aws:iam::123456789012:root"}}, "Action": "sts:AssumeRole", "Condition": {condition}}}]}}"#
    );
    let parsed = analyze(&text);
    assert!(parsed.readable, "{text}");
    parsed.policy
}

/// Whether the condition (a JSON `Condition` object) lets a role of the account in, given the
/// context (`None` values = absent key; `Some(&[])` = empty set).
fn holds_v(version: Option<&str>, condition: &str, context: &[(&str, &[&str])]) -> bool {
    let policy = policy_with(version, condition);
    let mut request = Request::new(Caller::Aws(ROLE_CALLER.into()), "sts:AssumeRole");
    for (key, values) in context {
        request
            .context
            .set(*key, values.iter().map(|v| v.to_string()).collect());
    }
    trust_policy::evaluate(&policy, &request).decision == Decision::Allow
}

fn holds(condition: &str, context: &[(&str, &[&str])]) -> bool {
    holds_v(Some("2012-10-17"), condition, context)
}

/// One key, one request value.
fn with(condition: &str, value: &str) -> bool {
    holds(condition, &[("k:key", &[value])])
}

fn absent(condition: &str) -> bool {
    holds(condition, &[])
}

#[test]
fn string_equals_family() {
    let c = r#"{"StringEquals": {"k:key": "abc"}}"#;
    assert!(with(c, "abc"));
    assert!(!with(c, "ABC"), "case-sensitive");
    assert!(!with(c, "abcd"));
    assert!(!absent(c), "positive operator on a missing key is false");
    // `*` and `?` are literal characters.
    let c = r#"{"StringEquals": {"k:key": "a*"}}"#;
    assert!(!with(c, "abc"));
    assert!(with(c, "a*"));
    // Several values are OR-ed.
    let c = r#"{"StringEquals": {"k:key": ["a", "b"]}}"#;
    assert!(with(c, "b"));
    assert!(!with(c, "c"));
    let c = r#"{"StringEqualsIgnoreCase": {"k:key": "abc"}}"#;
    assert!(with(c, "ABC"));
    assert!(!absent(c));
}

#[test]
fn negated_string_operators() {
    let c = r#"{"StringNotEquals": {"k:key": ["a", "b"]}}"#;
    assert!(!with(c, "a"), "matches one of the values");
    assert!(!with(c, "b"));
    assert!(with(c, "c"), "matches none of them");
    assert!(absent(c), "negated operator on a missing key is true");
    // Several request values: every one must match none.
    assert!(!holds(c, &[("k:key", &["c", "a"])]));
    assert!(holds(c, &[("k:key", &["c", "d"])]));
    let c = r#"{"StringNotEqualsIgnoreCase": {"k:key": "abc"}}"#;
    assert!(!with(c, "ABC"));
    assert!(with(c, "abd"));
    let c = r#"{"StringNotLike": {"k:key": ["repo:evil/*", "repo:bad/*"]}}"#;
    assert!(!with(c, "repo:evil/x"));
    assert!(!with(c, "repo:bad/y:ref:refs/heads/main"));
    assert!(with(c, "repo:good/x"));
    assert!(absent(c));
}

#[test]
fn string_like_globs() {
    let c = r#"{"StringLike": {"k:key": "repo:o/r:*"}}"#;
    assert!(
        with(c, "repo:o/r:ref:refs/heads/main"),
        "`*` crosses `/` and `:`"
    );
    assert!(with(c, "repo:o/r:"), "`*` may be empty");
    assert!(!with(c, "repo:o/r-x:ref:refs/heads/main"));
    assert!(!with(c, "REPO:o/r:x"), "case-sensitive");
    assert!(!with(c, "xrepo:o/r:x"), "anchored at the start");
    assert!(!absent(c));
    let c = r#"{"StringLike": {"k:key": "a?c"}}"#;
    assert!(with(c, "abc"));
    assert!(!with(c, "ac"), "`?` is exactly one character");
    assert!(!with(c, "abcd"), "anchored at the end");
    let c = r#"{"StringLikeIfExists": {"k:key": "a*"}}"#;
    assert!(absent(c), "IfExists on a missing key is true");
    assert!(with(c, "ab"));
    assert!(
        !with(c, "ba"),
        "IfExists on a present key evaluates the operator"
    );
}

#[test]
fn keys_and_operators_are_and_ed() {
    let c = r#"{"StringEquals": {"k:one": "a", "k:two": "b"}}"#;
    assert!(holds(c, &[("k:one", &["a"]), ("k:two", &["b"])]));
    assert!(!holds(c, &[("k:one", &["a"]), ("k:two", &["c"])]));
    assert!(!holds(c, &[("k:one", &["a"])]));
    let c = r#"{"StringEquals": {"k:one": "a"}, "StringLike": {"k:two": "b*"}}"#;
    assert!(holds(c, &[("k:one", &["a"]), ("k:two", &["bx"])]));
    assert!(!holds(c, &[("k:one", &["x"]), ("k:two", &["bx"])]));
}

#[test]
fn key_names_ignore_case_values_do_not() {
    let c = r#"{"StringEquals": {"AWS:SourceAccount": "123456789012"}}"#;
    assert!(holds(c, &[("aws:sourceaccount", &["123456789012"])]));
    let c = r#"{"StringEquals": {"aws:PrincipalTag/team": "Repo"}}"#;
    assert!(!holds(c, &[("aws:principaltag/TEAM", &["repo"])]));
}

#[test]
fn numeric_operators() {
    let c = r#"{"NumericLessThan": {"k:key": "10"}}"#;
    assert!(with(c, "9"));
    assert!(with(c, "-3.5"));
    assert!(!with(c, "10"));
    assert!(!with(c, "10.5"));
    assert!(!with(c, "ten"), "an unreadable request value never matches");
    assert!(!absent(c));
    assert!(with(r#"{"NumericLessThanEquals": {"k:key": 10}}"#, "10"));
    assert!(with(r#"{"NumericGreaterThan": {"k:key": "10"}}"#, "11"));
    assert!(with(
        r#"{"NumericGreaterThanEquals": {"k:key": "10"}}"#,
        "10"
    ));
    assert!(with(r#"{"NumericEquals": {"k:key": "1.50"}}"#, "1.5"));
    let c = r#"{"NumericNotEquals": {"k:key": ["5", "6"]}}"#;
    assert!(!with(c, "5"));
    assert!(with(c, "7"));
    assert!(absent(c));
    // A policy value the operator cannot read never matches.
    assert!(!with(r#"{"NumericEquals": {"k:key": "five"}}"#, "5"));
}

#[test]
fn date_operators() {
    let c = r#"{"DateLessThan": {"k:key": "2026-01-01T00:00:00Z"}}"#;
    assert!(with(c, "2025-12-31T23:59:59Z"));
    assert!(!with(c, "2026-01-01T00:00:00Z"));
    assert!(with(c, "1767225599"), "epoch seconds");
    assert!(!with(c, "1767225600"));
    assert!(!absent(c));
    let c = r#"{"DateEquals": {"k:key": "2026-01-01T00:00:00Z"}}"#;
    assert!(
        with(c, "2026-01-01T01:00:00+01:00"),
        "time zones are applied"
    );
    assert!(with(c, "2026-01-01"));
    assert!(with(
        r#"{"DateGreaterThanEquals": {"k:key": "1767225600"}}"#,
        "2026-01-01T00:00:00Z"
    ));
    assert!(absent(r#"{"DateNotEquals": {"k:key": "2026-01-01"}}"#));
    assert!(!with(
        r#"{"DateNotEquals": {"k:key": "2026-01-01"}}"#,
        "2026-01-01T00:00:00Z"
    ));
}

#[test]
fn bool_and_null() {
    let c = r#"{"Bool": {"aws:MultiFactorAuthPresent": "true"}}"#;
    assert!(holds(c, &[("aws:MultiFactorAuthPresent", &["true"])]));
    assert!(!holds(c, &[("aws:MultiFactorAuthPresent", &["false"])]));
    assert!(!absent(c));
    let c = r#"{"Bool": {"aws:MultiFactorAuthPresent": true}}"#;
    assert!(
        holds(c, &[("aws:MultiFactorAuthPresent", &["true"])]),
        "a JSON boolean works"
    );
    let c = r#"{"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}}"#;
    assert!(absent(c));
    // Several values (IAM029 reports them): OR-ed like every operator's values, so both
    // values together hold whenever the key is present, and not when it is absent.
    let c = r#"{"Bool": {"aws:MultiFactorAuthPresent": ["true", "false"]}}"#;
    assert!(holds(c, &[("aws:MultiFactorAuthPresent", &["true"])]));
    assert!(holds(c, &[("aws:MultiFactorAuthPresent", &["false"])]));
    assert!(!absent(c));
    let c = r#"{"Null": {"k:key": "true"}}"#;
    assert!(absent(c), "Null true: key must be absent");
    assert!(!with(c, "x"));
    let c = r#"{"Null": {"k:key": "false"}}"#;
    assert!(!absent(c), "Null false: key must be present");
    assert!(with(c, "x"));
}

#[test]
fn binary_ip_and_arn() {
    let c = r#"{"BinaryEquals": {"k:key": "QmluYXJ5"}}"#;
    assert!(with(c, "QmluYXJ5"));
    assert!(
        with(c, "QmluYXJ5"),
        "request values of binary keys are base64 too"
    );
    assert!(!with(c, "b3RoZXI="));
    let c = r#"{"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}}"#;
    assert!(holds(c, &[("aws:SourceIp", &["203.0.113.9"])]));
    assert!(holds(c, &[("aws:SourceIp", &["2001:db8::1"])]));
    assert!(!holds(c, &[("aws:SourceIp", &["198.51.100.1"])]));
    assert!(!absent(c));
    let c = r#"{"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}"#;
    assert!(absent(c));
    assert!(!holds(c, &[("aws:SourceIp", &["203.0.113.9"])]));
    assert!(holds(c, &[("aws:SourceIp", &["198.51.100.1"])]));
    for op in ["ArnLike", "ArnEquals"] {
        let c = format!(r#"{{"{op}": {{"aws:PrincipalArn": "arn:aws:iam::*:role/deploy-*"}}}}"#);
        assert!(holds(
            &c,
            &[(
                "aws:PrincipalArn",
                &["arn:aws:iam::123456789012:role/deploy-prod"]
            )]
        ));
        assert!(!holds(
            &c,
            &[(
                "aws:PrincipalArn",
                &["arn:aws:iam::123456789012:user/deploy-x"]
            )]
        ));
        assert!(!absent(&c));
    }
    // A `*` cannot cross the colon between ARN fields.
    let c = r#"{"ArnLike": {"aws:PrincipalArn": "arn:aws:*:role/x"}}"#;
    assert!(!holds(
        c,
        &[("aws:PrincipalArn", &["arn:aws:iam::123456789012:role/x"])]
    ));
    let c = r#"{"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/admin"}}"#;
    assert!(absent(c));
    assert!(!holds(
        c,
        &[("aws:PrincipalArn", &["arn:aws:iam::1:role/admin"])]
    ));
}

#[test]
fn set_operators_and_empty_sets() {
    let c = r#"{"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}}"#;
    assert!(holds(c, &[("aws:TagKeys", &["a"])]));
    assert!(holds(c, &[("aws:TagKeys", &["a", "b"])]));
    assert!(!holds(c, &[("aws:TagKeys", &["a", "c"])]));
    assert!(absent(c), "ForAllValues is true when the key is absent");
    assert!(
        holds(c, &[("aws:TagKeys", &[])]),
        "…and when the set is empty"
    );
    let c = r#"{"ForAnyValue:StringEquals": {"aws:TagKeys": ["a", "b"]}}"#;
    assert!(holds(c, &[("aws:TagKeys", &["c", "a"])]));
    assert!(!holds(c, &[("aws:TagKeys", &["c"])]));
    assert!(!absent(c), "ForAnyValue is false when the key is absent");
    assert!(
        !holds(c, &[("aws:TagKeys", &[])]),
        "…and when the set is empty"
    );
    // The IAM User Guide's worked example.
    let c = r#"{"ForAllValues:StringNotLike": {"aws:TagKeys": "key1*"}}"#;
    assert!(!holds(c, &[("aws:TagKeys", &["key1:legal"])]));
    assert!(holds(c, &[("aws:TagKeys", &["key2:audit"])]));
    assert!(absent(c));
    let c = r#"{"ForAnyValue:StringNotEquals": {"aws:TagKeys": "a"}}"#;
    assert!(holds(c, &[("aws:TagKeys", &["a", "b"])]));
    assert!(!holds(c, &[("aws:TagKeys", &["a"])]));
    // Without a set operator, a positive operator needs one matching request value.
    let c = r#"{"StringEquals": {"aws:TagKeys": "a"}}"#;
    assert!(holds(c, &[("aws:TagKeys", &["b", "a"])]));
    assert!(
        !holds(c, &[("aws:TagKeys", &[])]),
        "an empty set is a missing key"
    );
}

#[test]
fn policy_variables() {
    let c = r#"{"StringEquals": {"aws:PrincipalTag/team": "${aws:ResourceTag/team}"}}"#;
    assert!(holds(
        c,
        &[
            ("aws:PrincipalTag/team", &["x"]),
            ("aws:ResourceTag/team", &["x"])
        ]
    ));
    assert!(!holds(
        c,
        &[
            ("aws:PrincipalTag/team", &["x"]),
            ("aws:ResourceTag/team", &["y"])
        ]
    ));
    assert!(
        !holds(c, &[("aws:PrincipalTag/team", &["x"])]),
        "a variable with no value makes the condition fail"
    );
    let c = r#"{"StringEquals": {"aws:PrincipalTag/team": "${aws:ResourceTag/team, 'dev'}"}}"#;
    assert!(
        holds(c, &[("aws:PrincipalTag/team", &["dev"])]),
        "default value"
    );
    let c = r#"{"StringLike": {"aws:PrincipalTag/path": "teams/${aws:username}/*"}}"#;
    assert!(holds(
        c,
        &[
            ("aws:PrincipalTag/path", &["teams/ana/x"]),
            ("aws:username", &["ana"])
        ]
    ));
    // `${*}` is a literal `*`.
    let c = r#"{"StringLike": {"k:key": "a${*}"}}"#;
    assert!(with(c, "a*"));
    assert!(!with(c, "ab"));
    // Without Version 2012-10-17, variables are compared literally.
    let c = r#"{"StringEquals": {"k:key": "${aws:username}"}}"#;
    assert!(holds_v(
        None,
        c,
        &[("k:key", &["${aws:username}"]), ("aws:username", &["ana"])]
    ));
    assert!(!holds_v(
        None,
        c,
        &[("k:key", &["ana"]), ("aws:username", &["ana"])]
    ));
    // Template placeholders are not variables.
    let c = r#"{"StringEquals": {"k:key": "${var.org}"}}"#;
    assert!(with(c, "${var.org}"));
}

fn eval(text: &str, request: &Request) -> trust_policy::Evaluation {
    let parsed = analyze(text);
    assert!(parsed.readable);
    trust_policy::evaluate(&parsed.policy, request)
}

#[test]
fn explicit_deny_wins_and_failed_conditions_do_not_deny() {
    let text = r#"{"Version": "2012-10-17", "Statement": [
      {"Sid": "Team", "Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": "sts:AssumeRole"},
      {"Sid": "NoInterns", "Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::123456789012:user/intern"}, "Action": "sts:*"},
      {"Sid": "OnlyWithMfa", "Effect": "Deny", "Principal": {"AWS": "123456789012"}, "Action": "sts:AssumeRole",
       "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}
    ]}"#;
    let intern = Request::new(
        Caller::Aws("arn:aws:iam::123456789012:user/intern".into()),
        "sts:AssumeRole",
    );
    let mut mfa = intern.clone();
    mfa.context.insert("aws:MultiFactorAuthPresent", "true");
    let e = eval(text, &mfa);
    assert_eq!(e.decision, Decision::ExplicitDeny);
    assert_eq!(e.deciding, Some(1));
    assert!(e.reason().contains("`NoInterns`"), "{}", e.reason());
    let mut dev = Request::new(Caller::Aws(ROLE_CALLER.into()), "STS:assumerole");
    dev.context.insert("aws:MultiFactorAuthPresent", "true");
    let e = eval(text, &dev);
    assert_eq!(e.decision, Decision::Allow, "{e:#?}");
    assert!(matches!(
        e.statements[2].outcome,
        Outcome::ConditionFailed(_)
    ));
    // Without MFA the conditional Deny applies.
    let nomfa = Request::new(Caller::Aws(ROLE_CALLER.into()), "sts:AssumeRole");
    assert_eq!(eval(text, &nomfa).decision, Decision::ExplicitDeny);
    // Another account: no statement applies.
    let other = Request::new(
        Caller::Aws("arn:aws:iam::210987654321:role/ci".into()),
        "sts:AssumeRole",
    );
    let e = eval(text, &other);
    assert_eq!(e.decision, Decision::ImplicitDeny);
    assert!(matches!(
        e.statements[0].outcome,
        Outcome::PrincipalMismatch(_)
    ));
}

#[test]
fn principals_actions_and_not_action() {
    let text = r#"{"Version": "2012-10-17", "Statement": [
      {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/deployer", "Service": ["codebuild.amazonaws.com"]}, "Action": "sts:Assume*"},
      {"Effect": "Deny", "Principal": {"AWS": "*"}, "NotAction": ["sts:AssumeRole", "sts:TagSession"]}
    ]}"#;
    let session = Request::new(
        Caller::Aws("arn:aws:sts::123456789012:assumed-role/deployer/build-42".into()),
        "sts:AssumeRole",
    );
    assert_eq!(
        eval(text, &session).decision,
        Decision::Allow,
        "a role ARN covers its sessions"
    );
    let service = Request::new(
        Caller::Service("CodeBuild.amazonaws.com".into()),
        "sts:AssumeRole",
    );
    assert_eq!(eval(text, &service).decision, Decision::Allow);
    let other_service = Request::new(
        Caller::Service("ec2.amazonaws.com".into()),
        "sts:AssumeRole",
    );
    assert_eq!(eval(text, &other_service).decision, Decision::ImplicitDeny);
    // NotAction: the Deny covers every action except the two listed.
    let web = Request::new(
        Caller::Aws("arn:aws:sts::123456789012:assumed-role/deployer/x".into()),
        "sts:AssumeRoleWithWebIdentity",
    );
    assert_eq!(eval(text, &web).decision, Decision::ExplicitDeny);
}

fn github_policy(condition: &str) -> String {
    format!(
        r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Principal": {{"Federated": "{GH}"}}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {condition}}}]}}"#
    )
}

fn run(repo: &str) -> Run {
    Run::for_repository(repo).expect("OWNER/REPO")
}

fn github(policy_text: &str, run: &Run) -> trust_policy::Evaluation {
    eval(policy_text, &run.request(GH))
}

/// The reference's test vectors (codepipeline-iam-oidc.md, C7).
#[test]
fn reference_vectors_c7() {
    let pinned = github_policy(&format!(
        r#"{{"StringEquals": {{"token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "{SUB}": "repo:o/r:ref:refs/heads/main"}}}}"#
    ));
    // 1. Pinned branch, token from that branch.
    let mut main = run("o/r");
    main.git_ref = Some("refs/heads/main".into());
    assert_eq!(github(&pinned, &main).decision, Decision::Allow);
    // 2. Same policy, the job uses an environment: its sub is `…:environment:prod`.
    let mut env = main.clone();
    env.environment = Some("prod".into());
    let e = github(&pinned, &env);
    assert_eq!(e.decision, Decision::ImplicitDeny);
    let Outcome::ConditionFailed(f) = &e.statements[0].outcome else {
        panic!("{e:#?}")
    };
    assert_eq!(f.key, SUB);
    assert_eq!(
        f.actual,
        Some(vec!["repo:o/r:environment:prod".to_string()])
    );
    assert_eq!(f.expected, vec!["repo:o/r:ref:refs/heads/main".to_string()]);
    // 3. `repo:o/r:*` admits a pull request run.
    let any_ref = github_policy(&format!(r#"{{"StringLike": {{"{SUB}": "repo:o/r:*"}}}}"#));
    let mut pr = run("o/r");
    pr.event = Some("pull_request".into());
    assert_eq!(github(&any_ref, &pr).decision, Decision::Allow);
    // 4. `repo:o/r*` also admits `repo:o/r-x` (the bug).
    let prefix = github_policy(&format!(r#"{{"StringLike": {{"{SUB}": "repo:o/r*"}}}}"#));
    assert_eq!(github(&prefix, &run("o/r-x")).decision, Decision::Allow);
    // 5. `StringEquals` with `*` is literal: nothing matches.
    let literal = github_policy(&format!(r#"{{"StringEquals": {{"{SUB}": "repo:o/*"}}}}"#));
    let e = github(&literal, &run("o/r"));
    assert_eq!(e.decision, Decision::ImplicitDeny);
    assert!(e.reason().contains("literally"), "{}", e.reason());
    // 6. `ForAllValues:` on a key the request lacks (renamed) is vacuously true (the bug).
    let vacuous = github_policy(
        r#"{"ForAllValues:StringEquals": {"token.actions.githubusercontent.com:subject": "repo:o/r:ref:refs/heads/main"}}"#,
    );
    assert_eq!(github(&vacuous, &run("evil/x")).decision, Decision::Allow);
    // 7. Only a negated check: every other repository gets in (too broad).
    let negated = github_policy(&format!(
        r#"{{"StringNotLike": {{"{SUB}": "repo:evil/*"}}}}"#
    ));
    assert_eq!(
        github(&negated, &run("anyone/else")).decision,
        Decision::Allow
    );
    assert_eq!(
        github(&negated, &run("evil/x")).decision,
        Decision::ImplicitDeny
    );
    // 8. Several values are OR-ed.
    let two = github_policy(&format!(
        r#"{{"StringLike": {{"{SUB}": ["repo:o/a:*", "repo:o/b:*"]}}}}"#
    ));
    let mut tag = run("o/b");
    tag.git_ref = Some("refs/tags/v1".into());
    assert_eq!(github(&two, &tag).decision, Decision::Allow);
    // 9. Allow plus a Deny for pull requests: the PR run is explicitly denied.
    let text = format!(
        r#"{{"Version": "2012-10-17", "Statement": [
          {{"Effect": "Allow", "Principal": {{"Federated": "{GH}"}}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {{"StringLike": {{"{SUB}": "repo:o/r:*"}}}}}},
          {{"Effect": "Deny", "Principal": {{"Federated": "{GH}"}}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {{"StringLike": {{"{SUB}": "repo:o/r:pull_request"}}}}}}
        ]}}"#
    );
    let mut pr = run("o/r");
    pr.event = Some("pull_request".into());
    let e = github(&text, &pr);
    assert_eq!(e.decision, Decision::ExplicitDeny);
    assert_eq!(e.deciding, Some(1));
    assert_eq!(github(&text, &run("o/r")).decision, Decision::Allow);
}

#[test]
fn guide_policy_admits_the_repository_and_not_its_prefix_twin() {
    let text =
        std::fs::read_to_string(common::workspace().join("examples/trust-policy-github-oidc.json"))
            .expect("guide policy");
    let parsed = analyze(&text);
    let errors: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == cicd_core::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
    let mut main = run("myorg/myrepo");
    main.git_ref = Some("refs/heads/main".into());
    assert_eq!(main.sub(), "repo:myorg/myrepo:ref:refs/heads/main");
    let e = trust_policy::evaluate(&parsed.policy, &main.request(provider));
    assert_eq!(e.decision, Decision::Allow, "{}", e.reason());
    let mut evil = run("myorg/myrepo-evil");
    evil.git_ref = Some("refs/heads/main".into());
    let e = trust_policy::evaluate(&parsed.policy, &evil.request(provider));
    assert_eq!(e.decision, Decision::ImplicitDeny);
    // A token requested for another audience is not admitted either.
    let mut other_aud = main.clone();
    other_aud.audience = Some("sigstore".into());
    let e = trust_policy::evaluate(&parsed.policy, &other_aud.request(provider));
    assert_eq!(e.decision, Decision::ImplicitDeny);
}

#[test]
fn claims_builder_precedence_and_forms() {
    let mut r = run("octo-org/octo-repo");
    r.git_ref = Some("release".into());
    assert_eq!(r.sub(), "repo:octo-org/octo-repo:ref:refs/heads/release");
    r.event = Some("pull_request_target".into());
    assert_eq!(r.sub(), "repo:octo-org/octo-repo:pull_request");
    r.environment = Some("prod:eu".into());
    assert_eq!(r.sub(), "repo:octo-org/octo-repo:environment:prod%3Aeu");
    let claims = r.claims();
    assert_eq!(claims.get("aud"), Some("sts.amazonaws.com"));
    assert_eq!(claims.get("environment"), Some("prod:eu"));
    assert_eq!(claims.get("event_name"), Some("pull_request_target"));
    let mut immutable = run("octo-org/octo-repo");
    immutable.owner_id = Some("123456".into());
    immutable.repo_id = Some("456789".into());
    assert_eq!(
        immutable.sub(),
        "repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main"
    );
    // A name-based policy denies the immutable form.
    let name_based = github_policy(&format!(
        r#"{{"StringEquals": {{"{SUB}": "repo:octo-org/octo-repo:ref:refs/heads/main"}}}}"#
    ));
    assert_eq!(
        github(&name_based, &immutable).decision,
        Decision::ImplicitDeny
    );
    let request = immutable.request(GH);
    assert_eq!(request.action, "sts:AssumeRoleWithWebIdentity");
    assert_eq!(request.caller, Caller::Federated(GH.into()));
}

#[test]
fn who_gets_in_lists_unintended_callers() {
    let text = github_policy(&format!(
        r#"{{"StringEquals": {{"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}, "StringLike": {{"{SUB}": ["repo:org/repo*", "repo:org/api:ref:refs/heads/main", "system:*"]}}}}"#
    ));
    let parsed = analyze(&text);
    let reports = who_gets_in(&parsed.policy);
    let prefix = reports
        .iter()
        .find(|r| r.pattern == "repo:org/repo*")
        .expect("the wildcard value is reported");
    assert!(
        prefix
            .admitted
            .iter()
            .any(|a| a.value == "repo:org/repo-evil:ref:refs/heads/main"
                && a.kind == Admits::OtherRepository),
        "{prefix:#?}"
    );
    assert!(
        !prefix.admitted.iter().any(|a| a.kind == Admits::OtherOwner),
        "{prefix:#?}"
    );
    // Values without wildcards are not reported.
    assert!(!reports.iter().any(|r| r.pattern.contains("api")));
    // Every admitted caller really gets in.
    for a in &prefix.admitted {
        let (owner_repo, _) = a
            .value
            .strip_prefix("repo:")
            .and_then(|r| r.split_once(':'))
            .expect("sub shape");
        let r = run(owner_repo);
        let e = github(&text, &r);
        assert_eq!(e.decision, Decision::Allow, "{}", a.value);
    }
}

#[test]
fn hostile_patterns_are_bounded() {
    let pattern = format!("{}b", "*a".repeat(20_000));
    let text = github_policy(&format!(r#"{{"StringLike": {{"{SUB}": "{pattern}"}}}}"#));
    let start = std::time::Instant::now();
    let parsed = analyze(&text);
    assert!(parsed.readable);
    let mut long = run("o/r");
    long.git_ref = Some(format!("refs/heads/{}", "a".repeat(20_000)));
    assert_eq!(github(&text, &long).decision, Decision::ImplicitDeny);
    assert!(
        start.elapsed() < std::time::Duration::from_secs(30),
        "took {:?}",
        start.elapsed()
    );
}

/// A 1,000-character pattern against a 4,000-character value: a step cap in the glob matcher used
/// to give up and answer "no match", so this `Deny` did not apply and the role was allowed.
#[test]
fn long_patterns_still_match_in_deny_and_not_like() {
    let pattern = format!("*{}b", "a".repeat(1_000));
    let value = format!("{}b", "a".repeat(4_000));
    let text = format!(
        r#"{{"Version": "2012-10-17", "Statement": [
          {{"Effect": "Allow", "Principal": {{"AWS": "123456789012"}}, "Action": "sts:AssumeRole"}},
          {{"Effect": "Deny", "Principal": {{"AWS": "123456789012"}}, "Action": "sts:AssumeRole", "Condition": {{"StringLike": {{"aws:PrincipalTag/x": "{pattern}"}}}}}}
        ]}}"#
    );
    let mut request = Request::new(Caller::Aws(ROLE_CALLER.into()), "sts:AssumeRole");
    request.context.insert("aws:PrincipalTag/x", value.clone());
    let e = eval(&text, &request);
    assert_eq!(e.decision, Decision::ExplicitDeny, "{}", e.reason());
    assert_eq!(e.deciding, Some(1));
    // The same pattern under `StringNotLike` excludes the value.
    let not_like = format!(r#"{{"StringNotLike": {{"k:key": "{pattern}"}}}}"#);
    assert!(!with(&not_like, &value));
    assert!(with(&not_like, &"a".repeat(4_001)));
    // And under `ArnLike`, per field.
    let arn_like = format!(r#"{{"ArnLike": {{"k:key": "arn:aws:iam::*:role/{pattern}"}}}}"#);
    assert!(with(
        &arn_like,
        &format!("arn:aws:iam::123456789012:role/{value}")
    ));
}

/// The explorer's examples for `sub` patterns whose wildcard sits in the owner or repository,
/// in every context the pattern allows: each expected example is reported with its kind, and
/// every admitted example really gets in.
#[test]
fn who_gets_in_tries_every_context() {
    let cases: &[(&str, &str, &str, Admits)] = &[
        (
            "StringLike",
            "repo:*:pull_request",
            "repo:attacker/attacker-repo:pull_request",
            Admits::AnyOwner,
        ),
        (
            "StringLike",
            "repo:*:environment:production",
            "repo:attacker/attacker-repo:environment:production",
            Admits::AnyOwner,
        ),
        (
            "StringLike",
            "repo:o/*:pull_request",
            "repo:o/another-repo:pull_request",
            Admits::OtherRepository,
        ),
        (
            "StringLike",
            "repo:o/*:ref:refs/tags/*",
            "repo:o/another-repo:ref:refs/tags/v1.0.0",
            Admits::OtherRepository,
        ),
        (
            "StringLike",
            "repo:o*/r:ref:refs/heads/main",
            "repo:o-evil/r:ref:refs/heads/main",
            Admits::OtherOwner,
        ),
        (
            "StringLike",
            "repo:*/r:ref:refs/heads/release-*",
            "repo:attacker/r:ref:refs/heads/release-x",
            Admits::OtherOwner,
        ),
        (
            "ArnLike",
            "*",
            "repo:attacker/attacker-repo:ref:refs/heads/main",
            Admits::AnyOwner,
        ),
        (
            "ArnEquals",
            "*",
            "repo:attacker/attacker-repo:ref:refs/heads/main",
            Admits::AnyOwner,
        ),
    ];
    for (operator, pattern, expected, kind) in cases {
        let text = github_policy(&format!(
            r#"{{"StringEquals": {{"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}, "{operator}": {{"{SUB}": "{pattern}"}}}}"#
        ));
        let parsed = analyze(&text);
        let reports = who_gets_in(&parsed.policy);
        let report = reports
            .iter()
            .find(|r| r.pattern == *pattern)
            .unwrap_or_else(|| panic!("{pattern}: not reported"));
        assert!(
            report
                .admitted
                .iter()
                .any(|a| a.value == *expected && a.kind == *kind),
            "{pattern}: {report:#?}"
        );
        for a in &report.admitted {
            let r = Run::from_sub(&a.value).expect("a default-template sub");
            assert_eq!(github(&text, &r).decision, Decision::Allow, "{}", a.value);
        }
        // The rule reports it, naming the example.
        let finding = parsed
            .diagnostics
            .iter()
            .find(|d| d.code == "IAM033")
            .unwrap_or_else(|| panic!("{pattern}: no IAM033"));
        assert!(finding.message.contains(expected), "{}", finding.message);
        if *kind == Admits::AnyOwner {
            assert!(
                finding.message.contains("any repository on GitHub"),
                "{}",
                finding.message
            );
        }
        assert!(
            !parsed.diagnostics.iter().any(|d| d.code == "IAM034"),
            "{pattern}"
        );
    }
    // An `ArnLike` pattern that is not an ARN never matches: nobody gets in, nothing to report.
    let text = github_policy(&format!(r#"{{"ArnLike": {{"{SUB}": "repo:o/*"}}}}"#));
    let parsed = analyze(&text);
    assert!(
        who_gets_in(&parsed.policy)
            .iter()
            .all(|r| r.admitted.is_empty())
    );
    assert!(
        !parsed
            .diagnostics
            .iter()
            .any(|d| d.code == "IAM033" || d.code == "IAM034")
    );
}

/// Every wildcard form — `?`, `*`, several — in the owner, the repository, the ref and the
/// environment of a GitHub `sub`, under `StringLike` and `ForAnyValue:StringLike`, reaches the
/// security findings with a caller that really gets in. The explorer used to try one filler for
/// `?` (the intended name plus one character), so `repo:octo-org/service-??:…` let
/// `octo-org/service-ab` in with no finding. (A ref or environment pattern that narrows, such as
/// `refs/tags/v*`, is the author's choice and stays silent: fixture `IAM034/ok/release-tags.json`.)
#[test]
fn every_sub_wildcard_form_reaches_the_findings() {
    let cases: &[(&str, &str, &str, Admits, &str)] = &[
        (
            "StringLike",
            "repo:octo-org/service-??:ref:refs/heads/main",
            "repo:octo-org/service-xx:ref:refs/heads/main",
            Admits::OtherRepository,
            "IAM033",
        ),
        (
            "ForAnyValue:StringLike",
            "repo:octo-org/service-??:ref:refs/heads/main",
            "repo:octo-org/service-xx:ref:refs/heads/main",
            Admits::OtherRepository,
            "IAM033",
        ),
        (
            "StringLike",
            "repo:octo-org/*-service:ref:refs/heads/main",
            "repo:octo-org/evil-service:ref:refs/heads/main",
            Admits::OtherRepository,
            "IAM033",
        ),
        (
            "StringLike",
            "repo:octo-?rg/app:ref:refs/heads/main",
            "repo:octo-xrg/app:ref:refs/heads/main",
            Admits::OtherOwner,
            "IAM033",
        ),
        (
            "StringLike",
            "repo:*-org/app:ref:refs/heads/main",
            "repo:evil-org/app:ref:refs/heads/main",
            Admits::OtherOwner,
            "IAM033",
        ),
        (
            "StringLike",
            "repo:o?/r?:ref:refs/heads/main",
            "repo:ox/r0:ref:refs/heads/main",
            Admits::OtherOwner,
            "IAM033",
        ),
        (
            "StringLike",
            "repo:o?/r?:ref:refs/heads/main",
            "repo:o0/rx:ref:refs/heads/main",
            Admits::OtherRepository,
            "IAM033",
        ),
        (
            "StringLike",
            "repo:octo-org/service-?:environment:prod-?",
            "repo:octo-org/service-2:environment:prod-x",
            Admits::OtherRepository,
            "IAM033",
        ),
        (
            "StringLike",
            "repo:octo-org/service-??:ref:refs/heads/release-?",
            "repo:octo-org/service-xx:ref:refs/heads/release-x",
            Admits::OtherRepository,
            "IAM033",
        ),
        (
            "ForAnyValue:StringLike",
            "repo:octo-?rg/app:environment:prod*",
            "repo:octo-xrg/app:environment:production",
            Admits::OtherOwner,
            "IAM033",
        ),
        (
            "StringLike",
            "repo:octo-org/app:ref:refs/heads/?*",
            "repo:octo-org/app:ref:refs/heads/any-branch",
            Admits::OtherRef,
            "IAM034",
        ),
        (
            "ForAnyValue:StringLike",
            "repo:octo-org/app:environment:*",
            "repo:octo-org/app:environment:any-environment",
            Admits::OtherRef,
            "IAM034",
        ),
        (
            "StringLike",
            "repo:octo-org/service-??:*",
            "repo:octo-org/service-xx:ref:refs/heads/main",
            Admits::OtherRepository,
            "IAM033",
        ),
    ];
    for (operator, pattern, expected, kind, code) in cases {
        let text = github_policy(&format!(
            r#"{{"StringEquals": {{"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}, "{operator}": {{"{SUB}": "{pattern}"}}}}"#
        ));
        let parsed = analyze(&text);
        let reports = who_gets_in(&parsed.policy);
        let report = reports
            .iter()
            .find(|r| r.pattern == *pattern)
            .unwrap_or_else(|| panic!("{operator} {pattern}: not reported"));
        assert!(
            report
                .admitted
                .iter()
                .any(|a| a.value == *expected && a.kind == *kind),
            "{operator} {pattern}: {report:#?}"
        );
        // Every example is a caller that really gets in.
        for a in &report.admitted {
            let r = Run::from_sub(&a.value).expect("a default-template sub");
            assert_eq!(github(&text, &r).decision, Decision::Allow, "{}", a.value);
        }
        let finding = parsed
            .diagnostics
            .iter()
            .find(|d| d.code == *code)
            .unwrap_or_else(|| {
                panic!(
                    "{operator} {pattern}: no {code} in {:#?}",
                    parsed.diagnostics
                )
            });
        assert!(
            report
                .admitted
                .iter()
                .filter(|a| a.kind == *kind)
                .any(|a| finding.message.contains(&a.value)),
            "{operator} {pattern}: {}",
            finding.message
        );
    }
    // The pull requests of a repository named with `?` are found too (the name's literal part
    // alone, `service-`, fits no `service-??`).
    let text = github_policy(&format!(
        r#"{{"StringEquals": {{"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}, "StringLike": {{"{SUB}": "repo:octo-org/service-??:*"}}}}"#
    ));
    assert!(
        who_gets_in(&analyze(&text).policy)
            .iter()
            .flat_map(|r| &r.admitted)
            .any(|a| a.value == "repo:octo-org/service-00:pull_request"
                && a.kind == Admits::OtherRef)
    );
}

/// `"Principal": "*"` admits every identity provider's tokens: the GitHub checks run, and the
/// wildcard itself is reported when no condition restricts who the caller is.
#[test]
fn wildcard_principal_admits_github_tokens() {
    let codes = |text: &str| -> Vec<&'static str> {
        analyze(text).diagnostics.iter().map(|d| d.code).collect()
    };
    let aud_only = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}]}"#;
    let found = codes(aud_only);
    assert!(found.contains(&"IAM030"), "{found:?}");
    assert!(found.contains(&"IAM031"), "{found:?}");
    // Any repository's workflow is allowed by the evaluator too.
    assert_eq!(
        github(aud_only, &run("anyone/anything")).decision,
        Decision::Allow
    );
    let any_repo = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}, "StringLike": {"token.actions.githubusercontent.com:sub": "repo:*"}}}]}"#;
    let found = codes(any_repo);
    assert!(found.contains(&"IAM033"), "{found:?}");
    assert!(!found.contains(&"IAM031"), "{found:?}");
    // No condition at all, only the action: GitHub's checks run (IAM031, IAM032).
    let bare = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRoleWithWebIdentity"}]}"#;
    let found = codes(bare);
    for code in ["IAM030", "IAM031", "IAM032"] {
        assert!(found.contains(&code), "{code}: {found:?}");
    }
    // A condition on another provider's audience keeps GitHub's tokens out.
    let cognito = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "us-east-1:12345678-1234-1234-1234-123456789012"}}}]}"#;
    let found = codes(cognito);
    assert!(!found.contains(&"IAM031"), "{found:?}");
    assert!(!found.contains(&"IAM030"), "{found:?}");
    // A sub pinned to one repository restricts the caller: no finding on the wildcard.
    let pinned = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:o/r:ref:refs/heads/main"}}}]}"#;
    assert!(
        codes(pinned).iter().all(|c| !c.starts_with("IAM03")),
        "{:?}",
        codes(pinned)
    );
    // Network and time conditions do not say who calls.
    let network = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}, "DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}}]}"#;
    assert!(codes(network).contains(&"IAM030"));
    let org = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}, "StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}"#;
    assert!(!codes(org).contains(&"IAM030"));
}

/// Tag keys may contain spaces; an empty key is an error, other malformed keys warnings.
#[test]
fn condition_key_shapes() {
    let diags = |condition: &str| {
        let text = format!(
            r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Principal": {{"AWS": "123456789012"}}, "Action": "sts:AssumeRole", "Condition": {condition}}}]}}"#
        );
        analyze(&text)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "IAM024")
            .map(|d| d.severity)
            .collect::<Vec<_>>()
    };
    assert!(diags(r#"{"StringEquals": {"aws:PrincipalTag/Cost Center": "1"}}"#).is_empty());
    assert_eq!(
        diags(r#"{"StringEquals": {"sub": "1"}}"#),
        vec![cicd_core::Severity::Warning]
    );
    assert_eq!(
        diags(r#"{"StringEquals": {"": "1"}}"#),
        vec![cicd_core::Severity::Error]
    );
    // The space-containing tag key is evaluated like any other key.
    let c = r#"{"StringEquals": {"aws:PrincipalTag/Cost Center": "1"}}"#;
    assert!(holds(c, &[("aws:principaltag/cost center", &["1"])]));
}
