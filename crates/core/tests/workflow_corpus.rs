//! The workflow corpus (`tests/corpus/workflow/`): the files SOURCES.tsv notes as risky or broken
//! get the findings the notes describe, and each workflow related to the trust policies of the
//! same repository (`tests/corpus/trust-policy/`) is admitted by them — real pairs that deploy,
//! so a refused run would be a false positive — while wildcard policies are reported as
//! admitting callers no job needs. (That no corpus file gets an unexpected *error* is
//! `corpus.rs`'s job.)

mod common;

use cicd_core::{Kind, Options};

fn corpus(kind: &str) -> std::path::PathBuf {
    common::workspace().join("tests/corpus").join(kind)
}

fn codes(file: &str) -> Vec<&'static str> {
    let bytes = std::fs::read(corpus("workflow").join(file)).expect("read");
    let (_, diags) =
        cicd_core::check_bytes(Kind::Workflow, &bytes, &Options::default()).expect("supported");
    diags.iter().map(|d| d.code).collect()
}

#[test]
fn risky_workflows_get_the_findings_the_notes_expect() {
    let expectations: &[(&str, &[&str])] = &[
        // "GitHub starter 'aws.yml' (ECS render+deploy) with static keys, CAC@v1 (node12-era)"
        (
            "14km__aws-community-day-2021__.github__workflows__aws.yml",
            &["GHA055", "GHA053"],
        ),
        // "static keys CAC@v1; ECS render x2 + deploy with CodeDeploy appspec"
        (
            "Andrew-Chen-Wang__cookiecutter-django-ecs-github__.github__workflows__aws.yml",
            &["GHA055", "GHA053"],
        ),
        // "CAC@v4 with STATIC keys although repo also ships an OIDC trust policy"
        (
            "AshokNaidu-Code__aws-security-compliance-framework__.github__workflows__deploy.yml",
            &["GHA055"],
        ),
        // "static keys; triggers also on pull_request (secrets unavailable to fork PRs)"
        (
            "Bolius__samlesiden__.github__workflows__cd.yml",
            &["GHA055", "GHA061"],
        ),
        // "LOOKS BROKEN: … 'true:' key instead of 'on:' … DUPLICATE top-level keys"
        (
            "CloudBridgeTechnologies__cloudable.ai__.github__workflows__lambda-update.yml",
            &["SRC002", "GHA001"],
        ),
        // "static keys CAC@v2 even though repo has an OIDC trust policy"
        (
            "paulkey731__hello-deploy__.github__workflows__deploy.yml",
            &["GHA055", "GHA053"],
        ),
        // "static keys CAC@v1 (secret AWS_ACCESS_KEY); deploy steps also run on pull_request"
        (
            "keencho__github-action-codedeploy-sample__.github__workflows__gradle.yml",
            &["GHA055", "GHA061"],
        ),
        // "OIDC CAC@v4; staging deploy job runs on pull_request"
        (
            "leomaro7__sample-app-lambda__.github__workflows__deploy-lambda.yml",
            &["GHA061"],
        ),
        // "OIDC CAC@v4; runs on pull_request (plan) and push (apply)"
        (
            "chiju__eks-gitops-lab__.github__workflows__terraform.yml",
            &["GHA061"],
        ),
        // "reusable workflow (workflow_call) with secrets; static keys CAC@v6"
        (
            "Hjulverkstan__hjulverkstan__.github__workflows__stage-deploy-web.yml",
            &["GHA055"],
        ),
        // "OIDC CAC@v2 with hardcoded role ARN" (node16)
        (
            "josephgultekin__devops-aws__.github__workflows__deploy.yml",
            &["GHA053"],
        ),
    ];
    for (file, expected) in expectations {
        let found = codes(file);
        for code in *expected {
            assert!(
                found.contains(code),
                "{file}: {code} expected, found {found:?}"
            );
        }
    }
}

#[test]
fn oidc_workflows_have_their_token() {
    let mut files: Vec<_> = std::fs::read_dir(corpus("workflow"))
        .expect("corpus")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    for file in files {
        let found = codes(&file);
        for code in ["GHA023", "GHA024", "GHA060"] {
            assert!(!found.contains(&code), "{file}: {code}");
        }
    }
}

/// Each corpus workflow with the trust policies of its repository (same owner), as a workspace.
fn pairs() -> Vec<(String, String)> {
    let mut policies: Vec<String> = std::fs::read_dir(corpus("trust-policy"))
        .expect("corpus")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    policies.sort();
    let mut workflows: Vec<String> = std::fs::read_dir(corpus("workflow"))
        .expect("corpus")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    workflows.sort();
    let mut out = Vec::new();
    for w in &workflows {
        let owner = w.split("__").next().unwrap_or("");
        for p in policies
            .iter()
            .filter(|p| p.starts_with(&format!("{owner}__")))
        {
            out.push((w.clone(), p.clone()));
        }
    }
    out
}

fn relate(workflow: &str, policy: &str) -> common::Workspace {
    let read = |kind: &str, file: &str| {
        std::fs::read_to_string(corpus(kind).join(file)).expect("read corpus file")
    };
    common::Workspace::check(vec![
        (
            format!(".github/workflows/{workflow}"),
            read("workflow", workflow),
        ),
        (
            format!("trust-policy/{policy}"),
            read("trust-policy", policy),
        ),
    ])
}

#[test]
fn real_pairs_are_admitted_and_wildcards_are_over_broad() {
    let pairs = pairs();
    assert!(pairs.len() >= 20, "{} pairs", pairs.len());
    let mut over_broad = Vec::new();
    for (w, p) in &pairs {
        let ws = relate(w, p);
        for code in ["GHA080", "GHA082"] {
            assert_eq!(ws.count(code), 0, "{w} × {p}: {}", ws.render(code));
        }
        if ws.count("GHA081") > 0 {
            over_broad.push(p.as_str());
        }
    }
    // "RISKY GitHub OIDC: trusts repo:AbdullahHAbdi/*:* (every repo/ref of the owner)"
    assert!(
        over_broad.contains(&"AbdullahHAbdi__it-tools-ecs-fargate__oidc-trust-policy.json"),
        "{over_broad:?}"
    );
    // Policies pinned to exactly what their workflow runs.
    for pinned in [
        "Gaku1031__kibi__github-actions-trust-policy.json",
        "protofire__telos-privacy-wallet__github-trust-policy.json",
        "Thom-ASM__FanChat__github-trust-policy.json",
    ] {
        assert!(!over_broad.contains(&pinned), "{pinned}");
    }
}
