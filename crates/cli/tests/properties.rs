//! `cicd assume` answers as the core does (`proptest`; 64 cases by default, each runs the
//! binary; `PROPTEST_CASES` sets more): for any GitHub run against trust policies with exact,
//! wildcard and environment conditions, the CLI's decision and deciding statement are the
//! evaluator's.

mod common;

use cicd_core::trust_policy::github::Run;
use cicd_core::trust_policy::{self, Decision, TrustPolicy};
use cicd_core::{Kind, Model, Options};
use proptest::prelude::*;
use proptest::sample::select;

const GH: &str = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";

/// Trust policies of several shapes: the guide's, an exact branch, `?`/`*` patterns, an
/// environment, a deny.
fn policies() -> Vec<String> {
    let statement = |condition: &str| {
        format!(
            r#"{{"Effect": "Allow", "Principal": {{"Federated": "{GH}"}}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {condition}}}"#
        )
    };
    let policy = |statements: Vec<String>| {
        format!(
            r#"{{"Version": "2012-10-17", "Statement": [{}]}}"#,
            statements.join(", ")
        )
    };
    let aud = r#""token.actions.githubusercontent.com:aud": "sts.amazonaws.com""#;
    let sub = |op: &str, value: &str| {
        statement(&format!(
            r#"{{"StringEquals": {{{aud}}}, "{op}": {{"token.actions.githubusercontent.com:sub": "{value}"}}}}"#
        ))
    };
    vec![
        std::fs::read_to_string(common::root().join("examples/trust-policy-github-oidc.json"))
            .expect("the guide's policy"),
        policy(vec![sub("StringEquals", "repo:o/app:ref:refs/heads/main")]),
        policy(vec![sub(
            "StringLike",
            "repo:o/service-??:ref:refs/heads/*",
        )]),
        policy(vec![sub(
            "ForAnyValue:StringLike",
            "repo:o/*:environment:prod*",
        )]),
        policy(vec![
            sub("StringLike", "repo:o/*"),
            format!(
                r#"{{"Effect": "Deny", "Principal": {{"Federated": "{GH}"}}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {{"StringLike": {{"token.actions.githubusercontent.com:sub": "repo:o/*:pull_request"}}}}}}"#
            ),
        ]),
    ]
}

fn trust(text: &str) -> TrustPolicy {
    match cicd_core::analyze(Kind::TrustPolicy, text, &Options::default())
        .expect("checked")
        .model
    {
        Model::TrustPolicy(p) => p,
        other => panic!("{other:?}"),
    }
}

fn cases() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn assume_answers_as_the_core(
        policy in 0..5usize,
        repo in select(vec!["o/app", "o/service-01", "o/service-1", "myorg/myrepo", "other/app", "o/app-evil"]),
        git_ref in prop::option::of(select(vec!["main", "refs/heads/dev", "refs/tags/v1.0.0", "refs/heads/release/x"])),
        environment in prop::option::of(select(vec!["production", "prod-eu", "staging"])),
        event in prop::option::of(select(vec!["push", "pull_request", "pull_request_target", "workflow_dispatch"])),
    ) {
        let text = policies().swap_remove(policy);
        let dir = std::env::temp_dir().join(format!("cicd-assume-prop-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("mkdir");
        let path = dir.join(format!("trust-{policy}.json"));
        std::fs::write(&path, &text).expect("write");

        let mut run = Run::for_repository(repo).expect("OWNER/REPO");
        run.git_ref = git_ref.map(str::to_string);
        run.environment = environment.map(str::to_string);
        run.event = event.map(str::to_string);
        let core = trust_policy::evaluate(&trust(&text), &run.request(GH));

        let path = path.to_string_lossy().into_owned();
        let mut args = vec!["assume", "--format", "json", "--github-repo", repo];
        if let Some(r) = git_ref { args.extend(["--github-ref", r]); }
        if let Some(e) = environment { args.extend(["--github-environment", e]); }
        if let Some(e) = event { args.extend(["--github-event", e]); }
        args.push(&path);
        let o = common::cicd(&args);
        let answer = common::json(&o);
        let decision = if core.decision == Decision::Allow { "allow" } else { "deny" };
        prop_assert_eq!(answer["decision"].as_str(), Some(decision), "{}", answer);
        prop_assert_eq!(o.status.code(), Some(if decision == "allow" { 0 } else { 1 }));
        prop_assert_eq!(
            answer["deciding_statement"].as_u64(),
            core.deciding.map(|i| i as u64 + 1),
            "{}", answer
        );
        let sub = run.sub();
        prop_assert_eq!(answer["github"]["sub"].as_str(), Some(sub.as_str()));
    }
}
