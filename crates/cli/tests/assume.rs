//! `cicd assume` end to end: exit statuses, the JSON contract, GitHub runs, and `cicd check` on
//! the trust-policy examples.

mod common;

use common::{cicd, json, stderr, stdout};

const GUIDE: &str = "examples/trust-policy-github-oidc.json";

/// A policy written to a temporary file.
fn temp_policy(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("cicd-assume-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path.to_str().expect("utf-8 path").to_string()
}

#[test]
fn guide_trust_policy_checks_clean() {
    let o = cicd(&["check", GUIDE]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = cicd(&["check", "--format", "json", "--kind", "trust-policy", GUIDE]);
    let value = json(&o);
    assert!(
        value
            .as_array()
            .expect("array")
            .iter()
            .all(|d| d["severity"] != "error"),
        "{value:#}"
    );
}

#[test]
fn broken_examples_are_reported() {
    let o = cicd(&[
        "check",
        "--format",
        "json",
        "examples/broken/trust-policy-duplicate-condition-block.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let value = json(&o);
    let codes: Vec<&str> = value
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    for code in ["SRC002", "IAM021", "IAM031"] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    // The merge is two edits (the dropped block out, its key into the kept one), listed next to
    // the single replacement that applies both.
    let merge = value
        .as_array()
        .expect("array")
        .iter()
        .find(|d| d["code"] == "IAM021")
        .map(|d| d["fix"].clone())
        .expect("a fix");
    assert_eq!(merge["title"], "merge the `StringEquals` blocks into one");
    assert_eq!(
        merge["edits"].as_array().map(Vec::len),
        Some(2),
        "{merge:#}"
    );
    assert_eq!(
        (merge["line"].clone(), merge["end_line"].clone()),
        (12.into(), 16.into())
    );
    let o = cicd(&[
        "check",
        "examples/broken/trust-policy-pasted-permissions.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let o = cicd(&[
        "check",
        "examples/broken/trust-policy-repo-prefix-wildcard.json",
    ]);
    assert!(
        stdout(&o).contains("repo:myorg/myrepo-evil"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn github_run_from_the_repository_is_allowed() {
    let o = cicd(&[
        "assume",
        GUIDE,
        "--github-repo",
        "myorg/myrepo",
        "--github-ref",
        "refs/heads/main",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v = json(&o);
    assert_eq!(v["decision"], "allow");
    assert_eq!(v["detail"], "allow");
    assert_eq!(v["deciding_statement"], 1);
    assert_eq!(v["action"], "sts:AssumeRoleWithWebIdentity");
    assert_eq!(
        v["principal"],
        "federated:arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    );
    assert_eq!(v["github"]["sub"], "repo:myorg/myrepo:ref:refs/heads/main");
    assert_eq!(v["github"]["claims"]["aud"], "sts.amazonaws.com");
    assert_eq!(
        v["context"]["token.actions.githubusercontent.com:sub"][0],
        "repo:myorg/myrepo:ref:refs/heads/main"
    );
    assert_eq!(v["statements"][0]["outcome"], "applies");
    assert_eq!(v["policy_errors"], 0);
    assert!(v["reason"].as_str().is_some_and(|r| !r.is_empty()));
    // Allowed as the policy means it: no caveat, and the key is left out.
    assert!(v.get("caveats").is_none(), "{v:#}");
}

#[test]
fn allowed_only_through_a_finding_says_so() {
    // A pull request run gets in through the `*` of `repo:myorg/myrepo:*`.
    let args = [
        "assume",
        GUIDE,
        "--github-repo",
        "myorg/myrepo",
        "--github-event",
        "pull_request",
    ];
    let o = cicd(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.contains("allowed — but only through IAM034: the pattern `repo:myorg/myrepo:*` lets in `repo:myorg/myrepo:pull_request`"),
        "{out}"
    );
    assert!(out.contains(&format!("--> {GUIDE}:15:54")), "{out}");
    let o = cicd(&[&args[..], &["--format", "json"]].concat());
    let v = json(&o);
    assert_eq!(v["decision"], "allow");
    let caveats = v["caveats"].as_array().expect("caveats");
    assert_eq!(caveats.len(), 1, "{v:#}");
    assert_eq!(caveats[0]["code"], "IAM034");
    assert_eq!(caveats[0]["line"], 15);
    assert_eq!(caveats[0]["column"], 54);
    assert!(
        caveats[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("pull request"))
    );

    // A stranger's repository gets in because the `sub` check was silently dropped.
    let o = cicd(&[
        "assume",
        "examples/broken/trust-policy-duplicate-condition-block.json",
        "--github-repo",
        "stranger/repo",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["caveats"][0]["code"], "IAM021", "{v:#}");
    assert_eq!(v["caveats"][0]["line"], 12);
}

#[test]
fn prefix_twin_is_denied_with_the_failing_condition() {
    let o = cicd(&[
        "assume",
        GUIDE,
        "--github-repo",
        "myorg/myrepo-evil",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let v = json(&o);
    assert_eq!(v["decision"], "deny");
    assert_eq!(v["detail"], "implicit-deny");
    assert!(v["deciding_statement"].is_null());
    let s = &v["statements"][0];
    assert_eq!(s["outcome"], "condition-failed");
    let c = &s["condition"];
    assert_eq!(c["operator"], "StringLike");
    assert_eq!(c["key"], "token.actions.githubusercontent.com:sub");
    assert_eq!(c["expected"][0], "repo:myorg/myrepo:*");
    assert_eq!(c["actual"][0], "repo:myorg/myrepo-evil:ref:refs/heads/main");
    assert_eq!(
        (c["line"].as_u64(), c["column"].as_u64()),
        (Some(15), Some(11))
    );
    assert!(
        v["reason"]
            .as_str()
            .is_some_and(|r| r.contains("token.actions.githubusercontent.com:sub")),
        "{v:#}"
    );
}

#[test]
fn environment_and_audience_change_the_token() {
    let pinned = temp_policy(
        "pinned-trust.json",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
          "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
          "Action": "sts:AssumeRoleWithWebIdentity",
          "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
            "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:environment:production"}}}]}"#,
    );
    let o = cicd(&[
        "assume",
        &pinned,
        "--github-repo",
        "octo-org/octo-repo",
        "--github-environment",
        "production",
        "--github-event",
        "pull_request",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).starts_with("ALLOW"), "{}", stdout(&o));
    assert!(stdout(&o).contains("repo:octo-org/octo-repo:environment:production"));
    let o = cicd(&[
        "assume",
        &pinned,
        "--github-repo",
        "octo-org/octo-repo",
        "--github-environment",
        "production",
        "--github-audience",
        "sigstore",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("DENY (implicit)"), "{}", stdout(&o));
    let o = cicd(&[
        "assume",
        &pinned,
        "--github-repo",
        "octo-org/octo-repo",
        "--github-ref",
        "main",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "no environment: the sub names the branch"
    );
}

#[test]
fn aws_principals_context_and_explicit_deny() {
    let policy = temp_policy(
        "cross-account-trust.json",
        r#"{"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole",
           "Condition": {"StringEquals": {"sts:ExternalId": "partner-42"}}},
          {"Sid": "NoAdmins", "Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole",
           "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/admin*"}}}
        ]}"#,
    );
    let base = [
        "assume",
        policy.as_str(),
        "--principal",
        "aws:arn:aws:sts::111122223333:assumed-role/ci/session",
        "--format",
        "json",
    ];
    let o = cicd(&[&base[..], &["--context", "sts:ExternalId=partner-42"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v = json(&o);
    assert_eq!(v["action"], "sts:AssumeRole");
    assert_eq!(
        v["context"]["aws:PrincipalArn"][0],
        "arn:aws:iam::111122223333:role/ci"
    );
    let o = cicd(&base);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(
        v["statements"][0]["condition"]["actual"],
        serde_json::Value::Null
    );
    let o = cicd(&[
        "assume",
        &policy,
        "--principal",
        "aws:arn:aws:iam::111122223333:role/admin-break-glass",
        "--context",
        "sts:ExternalId=partner-42",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["detail"], "explicit-deny");
    assert_eq!(v["deciding_statement"], 2);
    let o = cicd(&[
        "assume",
        &policy,
        "--principal",
        "service:codebuild.amazonaws.com",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["statements"][0]["outcome"], "principal-mismatch");
}

#[test]
fn usage_problems_exit_2() {
    let o = cicd(&["assume", GUIDE]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--principal"), "{}", stderr(&o));
    let o = cicd(&["assume", GUIDE, "--principal", "group:admins"]);
    assert_eq!(o.status.code(), Some(2));
    let o = cicd(&[
        "assume",
        GUIDE,
        "--principal",
        "aws:123456789012",
        "--context",
        "nokey",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = cicd(&["assume", GUIDE, "--github-ref", "main"]);
    assert_eq!(o.status.code(), Some(2));
    let o = cicd(&[
        "assume",
        "does/not/exist.json",
        "--principal",
        "aws:123456789012",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let broken = temp_policy(
        "broken-trust.json",
        "{\"Version\": \"2012-10-17\" \"Statement\": []}",
    );
    let o = cicd(&["assume", &broken, "--principal", "aws:123456789012"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not readable JSON"), "{}", stderr(&o));
}
