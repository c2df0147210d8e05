//! Verdicts that do not mislead: an allowed request that gets in only through a finding carries
//! that finding as a caveat (and one that gets in as the policy means it carries none), and
//! "who gets in?" covers the openings that are not wildcards: a missing `sub` condition and a
//! condition IAM drops.

mod common;

use cicd_core::trust_policy::assume::{github_request, request};
use cicd_core::trust_policy::explore::{Admits, Opening, who_gets_in};
use cicd_core::trust_policy::github::Run;
use cicd_core::trust_policy::report::{AssumeReport, Verdict, assume_report};
use cicd_core::trust_policy::{Caller, Context, TrustPolicy};
use cicd_core::{Analysis, Kind, Model, Options, Span};

const GH: &str = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";

fn analysis(text: &str) -> (Analysis, TrustPolicy) {
    let a = cicd_core::analyze(Kind::TrustPolicy, text, &Options::default()).expect("checked");
    let Model::TrustPolicy(p) = a.model.clone() else {
        panic!("a trust policy")
    };
    (a, p)
}

fn example(name: &str) -> String {
    std::fs::read_to_string(common::workspace().join("examples").join(name)).expect("example")
}

/// The report for a GitHub run of `repo` (`OWNER/REPO`), with `event` and `git_ref` if given.
fn github(
    text: &str,
    repo: &str,
    event: Option<&str>,
    git_ref: Option<&str>,
) -> AssumeReport<Span> {
    let (a, policy) = analysis(text);
    let mut run = Run::for_repository(repo).expect("OWNER/REPO");
    run.event = event.map(str::to_string);
    run.git_ref = git_ref.map(str::to_string);
    assume_report(
        &policy,
        &github_request(&policy, &run),
        Some(&run),
        &a.diagnostics,
    )
}

fn codes(report: &AssumeReport<Span>) -> Vec<&str> {
    report.caveats.iter().map(|c| c.code.as_str()).collect()
}

fn policy(principal: &str, condition: &str) -> String {
    format!(
        r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Principal": {principal}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {condition}}}]}}"#
    )
}

#[test]
fn a_pull_request_through_a_ref_wildcard_is_allowed_with_a_caveat() {
    let guide = example("trust-policy-github-oidc.json");
    let pr = github(&guide, "myorg/myrepo", Some("pull_request"), None);
    assert_eq!(pr.decision, Verdict::Allow);
    assert_eq!(codes(&pr), ["IAM034"], "{:#?}", pr.caveats);
    assert!(
        pr.caveats[0].message.contains("pull request"),
        "{}",
        pr.caveats[0].message
    );
    // The span is the finding's: the `sub` value.
    assert_eq!(pr.caveats[0].at.slice(&guide), "\"repo:myorg/myrepo:*\"");
    // A push to main is what the policy is for.
    let main = github(&guide, "myorg/myrepo", None, Some("refs/heads/main"));
    assert_eq!(main.decision, Verdict::Allow);
    assert!(main.caveats.is_empty(), "{:#?}", main.caveats);
}

#[test]
fn a_stranger_let_in_by_a_dropped_condition_is_allowed_with_a_caveat() {
    let text = example("broken/trust-policy-duplicate-condition-block.json");
    let stranger = github(&text, "stranger/repo", None, None);
    assert_eq!(stranger.decision, Verdict::Allow);
    // The dropped block is the finding; the missing `sub` (IAM031) is the same story.
    assert_eq!(codes(&stranger), ["IAM021"], "{:#?}", stranger.caveats);
    assert!(
        stranger.caveats[0].message.contains("would be denied"),
        "{}",
        stranger.caveats[0].message
    );
    let intended = github(&text, "myorg/myrepo", None, Some("refs/heads/main"));
    assert!(intended.caveats.is_empty(), "{:#?}", intended.caveats);
}

#[test]
fn another_repository_through_a_prefix_wildcard_is_allowed_with_a_caveat() {
    let text = example("broken/trust-policy-repo-prefix-wildcard.json");
    let evil = github(&text, "myorg/myrepo-evil", None, None);
    assert_eq!(codes(&evil), ["IAM033"], "{:#?}", evil.caveats);
    assert!(evil.caveats[0].message.contains("myrepo-evil"));
    assert!(github(&text, "myorg/myrepo", None, None).caveats.is_empty());
}

#[test]
fn no_sub_condition_lets_any_repository_in_with_a_caveat() {
    let text = policy(
        &format!(r#"{{"Federated": "{GH}"}}"#),
        r#"{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}"#,
    );
    let any = github(&text, "anyone/anything", None, None);
    assert_eq!(any.decision, Verdict::Allow);
    assert_eq!(codes(&any), ["IAM031"], "{:#?}", any.caveats);
    assert!(any.caveats[0].message.contains("any repository on GitHub"));
}

#[test]
fn other_findings_a_request_gets_through() {
    // `ForAllValues:` on `aud` holds for a token without an audience.
    let text = policy(
        &format!(r#"{{"Federated": "{GH}"}}"#),
        r#"{"StringEquals": {"token.actions.githubusercontent.com:sub": "repo:o/r:ref:refs/heads/main"}, "ForAllValues:StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}"#,
    );
    let (a, p) = analysis(&text);
    let mut context = Context::new();
    context.insert(
        "token.actions.githubusercontent.com:sub",
        "repo:o/r:ref:refs/heads/main",
    );
    let no_aud = assume_report(
        &p,
        &request(Caller::Federated(GH.into()), None, None, &context),
        None,
        &a.diagnostics,
    );
    assert_eq!(codes(&no_aud), ["IAM036"], "{:#?}", no_aud.caveats);
    // With the audience, nothing to say.
    context.insert(
        "token.actions.githubusercontent.com:aud",
        "sts.amazonaws.com",
    );
    let with_aud = assume_report(
        &p,
        &request(Caller::Federated(GH.into()), None, None, &context),
        None,
        &a.diagnostics,
    );
    assert!(with_aud.caveats.is_empty(), "{:#?}", with_aud.caveats);

    // `StringNotEquals` with a pattern excludes nothing.
    let text = policy(
        &format!(r#"{{"Federated": "{GH}"}}"#),
        r#"{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:repository": "o/r"}, "StringLike": {"token.actions.githubusercontent.com:sub": "repo:o/r:*"}, "StringNotEquals": {"token.actions.githubusercontent.com:sub": "repo:o/r:pull_request*"}}"#,
    );
    let pr = github(&text, "o/r", Some("pull_request"), None);
    assert_eq!(pr.decision, Verdict::Allow);
    assert!(codes(&pr).contains(&"IAM035"), "{:#?}", pr.caveats);

    // `"Principal": "*"`: anyone.
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}"#;
    let (a, p) = analysis(text);
    let anyone = assume_report(
        &p,
        &request(
            Caller::Aws("arn:aws:iam::999999999999:root".into()),
            None,
            None,
            &Context::new(),
        ),
        None,
        &a.diagnostics,
    );
    assert_eq!(codes(&anyone), ["IAM030"], "{:#?}", anyone.caveats);
}

#[test]
fn no_caveat_when_denied_or_when_a_clean_statement_allows() {
    let guide = example("trust-policy-github-oidc.json");
    let other = github(&guide, "someone/else", None, None);
    assert_eq!(other.decision, Verdict::Deny);
    assert!(other.caveats.is_empty());
    // A second statement naming pull requests of the repository on purpose.
    let text = guide.replacen(
        "  ]\n}",
        &format!(
            r#"  ,{{"Effect": "Allow", "Principal": {{"Federated": "{GH}"}}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {{"StringEquals": {{"token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:myorg/myrepo:pull_request"}}}}}}
  ]
}}"#
        ),
        1,
    );
    let pr = github(&text, "myorg/myrepo", Some("pull_request"), None);
    assert_eq!(pr.decision, Verdict::Allow);
    assert!(pr.caveats.is_empty(), "{:#?}", pr.caveats);
}

#[test]
fn who_gets_in_covers_a_missing_sub_and_a_dropped_condition() {
    let text = policy(
        &format!(r#"{{"Federated": "{GH}"}}"#),
        r#"{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}"#,
    );
    let (_, p) = analysis(&text);
    let reports = who_gets_in(&p);
    let none = reports
        .iter()
        .find(|r| r.opening == Opening::NoSubCondition)
        .expect("the missing sub is reported");
    assert_eq!(none.key, "token.actions.githubusercontent.com:sub");
    assert!(
        none.admitted
            .iter()
            .any(|a| a.kind == Admits::AnyOwner && a.note.contains("any repository on GitHub")),
        "{none:#?}"
    );

    let text = example("broken/trust-policy-duplicate-condition-block.json");
    let (_, p) = analysis(&text);
    let reports = who_gets_in(&p);
    let dropped = reports
        .iter()
        .find(|r| r.opening == Opening::DroppedCondition)
        .expect("the dropped condition is reported");
    assert_eq!(dropped.pattern, "repo:myorg/myrepo:ref:refs/heads/main");
    assert!(
        dropped
            .admitted
            .iter()
            .any(|a| a.kind == Admits::AnyOwner && a.value.starts_with("repo:attacker/")),
        "{dropped:#?}"
    );
    assert!(
        dropped
            .admitted
            .iter()
            .any(|a| a.value == "repo:myorg/myrepo:pull_request"),
        "{dropped:#?}"
    );
    // Its `sub` check is written (only dropped): no second report of a missing one.
    assert!(!reports.iter().any(|r| r.opening == Opening::NoSubCondition));
    // Every admitted caller really gets in.
    for a in &dropped.admitted {
        let run = Run::from_sub(&a.value).expect("a default-template sub");
        let report = github(
            &text,
            &format!("{}/{}", run.owner, run.repo),
            run.event.as_deref(),
            run.git_ref.as_deref(),
        );
        assert_eq!(report.decision, Verdict::Allow, "{}", a.value);
    }
}
