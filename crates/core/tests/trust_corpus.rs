//! The trust-policy corpus (`tests/corpus/trust-policy/`): the files SOURCES.tsv notes as risky or
//! broken get the findings the notes describe, and the standard GitHub policies get no warning.
//! (That no corpus file gets an unexpected *error* is `corpus.rs`'s job.)

mod common;

use cicd_core::{Kind, Options, Severity};

fn codes(file: &str) -> Vec<(&'static str, Severity)> {
    let path = common::workspace()
        .join("tests/corpus/trust-policy")
        .join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (_, diags) =
        cicd_core::check_bytes(Kind::TrustPolicy, &bytes, &Options::default()).expect("supported");
    diags.iter().map(|d| (d.code, d.severity)).collect()
}

fn has(file: &str, code: &str) -> bool {
    codes(file).iter().any(|(c, _)| *c == code)
}

#[test]
fn risky_policies_get_the_findings_the_notes_expect() {
    let expectations: &[(&str, &[&str])] = &[
        // "RISKY GitHub OIDC: trusts repo:AbdullahHAbdi/*:* (every repo/ref of the owner)"
        (
            "AbdullahHAbdi__it-tools-ecs-fargate__oidc-trust-policy.json",
            &["IAM033"],
        ),
        // "RISKY: trusts repo:bizmatters/*:*"
        (
            "bizmatters__zerotouch-platform__scripts__bootstrap__infra__secrets__eso__repo-secret.md",
            &["IAM033"],
        ),
        // "RISKY+placeholder: sub 'repo:YOUR_GITHUB_USERNAME/*:*'"
        (
            "bootkorea__kube-garden__github-trust-policy.json",
            &["IAM033", "IAM028"],
        ),
        // "RISKY: sub 'repo:*' (ANY GitHub repo) and NO aud condition; Federated TF template var"
        (
            "dvdmelamed__aws-infra__modules__github-oidc__assume_role.tpl",
            &["IAM033", "IAM032", "IAM028"],
        ),
        // "GitHub OIDC WITHOUT aud condition"
        (
            "KhurshidUmid__giga-caddy__github-actions-trust-policy.json",
            &["IAM032"],
        ),
        // "BUG: wildcard 'repo:...:*' used under StringEquals (literal match, never matches)"
        (
            "thirdmadman__rsschool-devops-course-tasks__task_1__github-role__iam_role.tf",
            &["IAM035", "IAM028"],
        ),
        // "BROKEN JSON: complete policy followed by a duplicated policy body"
        (
            "CloudBridgeTechnologies__cloudable.ai__github-actions-trust-policy.json",
            &["SRC009"],
        ),
        // "NO aud condition; no Version"
        (
            "gtantachuco__amazon-codeguru-reviewer-sample-app__github-oidc.yaml",
            &["IAM004", "IAM032"],
        ),
        (
            "j4rvis__rss-fetcher__github-oidc.yml",
            &["IAM004", "IAM032", "IAM028"],
        ),
        (
            "alexcasalboni__aws-lambda-power-tuning__.github__iam-oidc.yml",
            &["IAM004"],
        ),
        // "unrendered placeholder YOUR_GITHUB_USERNAME in sub (role unusable as committed)"
        (
            "AshokNaidu-Code__aws-security-compliance-framework__github-trust-policy.json",
            &["IAM028"],
        ),
        // "placeholders <account_id> and 'repo:<github_org/repo:*>'"
        (
            "CyberViking949__aws-wiz-connector__trust-policy.json",
            &["IAM028"],
        ),
        // "EKS IRSA template with <ACCOUNT_ID>/<REGION>/<OIDC_ID> placeholders"
        (
            "girmaat__aws-eks-irsa-Infra__iam__trust-policy.json",
            &["IAM028"],
        ),
        ("450gowsik__eks-irsa-demo-__trust-policy.json", &["IAM028"]),
        // "__AWS_ACCOUNT_ID__ placeholders (parseable)"
        (
            "infojasyrc__app-developer-experience__cloud__terraform__aws__iam__service-trust-policy.json.tpl",
            &["IAM028"],
        ),
    ];
    for (file, expected) in expectations {
        let found = codes(file);
        for code in *expected {
            assert!(
                found.iter().any(|(c, _)| c == code),
                "{file}: expected {code}, found {found:?}"
            );
        }
    }
}

#[test]
fn fixed_and_standard_policies_stay_quiet() {
    // The author's fix of the StringEquals bug: both conditions under StringLike.
    assert!(!has(
        "thirdmadman__rsschool-devops-course-tasks__task_1__github-role__iam_role.tf@b7e970d",
        "IAM035"
    ));
    // `repo:OWNER/REPO:*` is the documented pattern: it gets IAM034 (a warning, like Access
    // Analyzer's "Specific github repo and branch recommended") and nothing else above an info.
    for file in [
        "AlexKanj__test-aws-oidc-ak__github-trust-policy.json",
        "zimmermanc__cosign-demo__github-oidc-trust-policy.json",
        "thixpin__redemption-infra__github-actions-trust-policy.json",
        "Thom-ASM__FanChat__github-trust-policy.json",
        "Gaku1031__kibi__github-actions-trust-policy.json",
        "scalable-ml-systems__ml-inference-triton-aws-eks__infra__terraform__policies__trust-policy.json",
        "1andonlyziz__FSND-Deploy-Flask-App-to-Kubernetes-Using-EKS__trust.json",
        "bridgecrew-perf6__aws-lambda-deploy__CodeDeployDemo-Trust.json",
    ] {
        let found = codes(file);
        assert!(
            found
                .iter()
                .all(|(c, s)| *s == Severity::Info || (*c == "IAM034" && *s == Severity::Warning)),
            "{file}: {found:?}"
        );
    }
}
