//! Relating files: a trust policy (first part) and up to four GitHub Actions workflows (the
//! parts between), any text, with any admission options (last part, structured). Runs what
//! `cicd check` runs on files checked together (`related::relate`) and what `cicd assume
//! --workflow` runs (`workflow::admission`); every place lies in its own file.
#![no_main]

use arbitrary::Arbitrary;
use cicd_core::related::{WorkspaceFile, pairings, relate};
use cicd_core::workflow::admission::{AdmissionOptions, FileRole, WorkflowInput, admission};
use cicd_core::{Kind, Model, Options, Severity};
use cicd_fuzz::{Pick, arbitrary, assert_span, parts};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    repository: Option<Pick>,
    default_branch: Option<String>,
    owner_id: Option<String>,
    repo_id: Option<String>,
    sub_claim_keys: Option<Vec<Pick>>,
    only_matching_accounts: bool,
}

fuzz_target!(|data: &[u8]| {
    let p = parts(data);
    if p.len() < 3 {
        return;
    }
    let Some(input) = arbitrary::<Input>(p[p.len() - 1]) else {
        return;
    };
    let texts: Vec<String> = p[..p.len() - 1]
        .iter()
        .take(5)
        .map(|t| String::from_utf8_lossy(t).into_owned())
        .collect();
    let names: Vec<String> = (0..texts.len())
        .map(|i| {
            if i == 0 {
                "trust-policy.json".to_string()
            } else {
                format!(".github/workflows/w{i}.yml")
            }
        })
        .collect();
    let options = Options::default();
    let mut analyses = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let kind = if i == 0 {
            Kind::TrustPolicy
        } else {
            Kind::Workflow
        };
        match cicd_core::analyze(kind, text, &options) {
            Ok(a) => analyses.push(a),
            Err(_) => return,
        }
    }
    let files: Vec<WorkspaceFile<'_>> = names
        .iter()
        .zip(&analyses)
        .map(|(name, analysis)| WorkspaceFile { name, analysis })
        .collect();
    let found = pairings(&files);
    for pairing in &found {
        let _ = pairing.report.clone().map(|at| {
            assert_span(&texts[pairing.file_of(at)], at.span, "pairing");
        });
    }
    for r in relate(&files) {
        assert_span(&texts[r.file], r.diagnostic.span, r.diagnostic.code);
        for l in &r.diagnostic.labels {
            assert_span(&texts[r.file], l.span, r.diagnostic.code);
        }
        for l in &r.elsewhere {
            assert_span(&texts[l.file], l.span, r.diagnostic.code);
        }
    }
    let Model::TrustPolicy(policy) = &analyses[0].model else {
        return;
    };
    let workflows: Vec<WorkflowInput<'_>> = names
        .iter()
        .zip(&analyses)
        .skip(1)
        .filter_map(|(name, a)| match &a.model {
            Model::Workflow(workflow) => Some(WorkflowInput { name, workflow }),
            _ => None,
        })
        .collect();
    let errors = analyses[0]
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let options = AdmissionOptions {
        repository: input
            .repository
            .as_ref()
            .map(|r| r.get(&["octo-org/octo-repo", "octo-org/service-ab", "x"])),
        default_branch: input.default_branch.clone(),
        owner_id: input.owner_id.clone(),
        repo_id: input.repo_id.clone(),
        sub_claim_keys: input.sub_claim_keys.as_ref().map(|k| {
            k.iter()
                .map(|p| p.get(&["repo", "context", "job_workflow_ref", "environment"]))
                .collect()
        }),
        only_matching_accounts: input.only_matching_accounts,
    };
    let report = admission(&workflows, &names[0], policy, errors, &options);
    let _ = report.refused();
    let _ = report.map(|at| {
        let file = match at.file {
            FileRole::Policy => 0,
            FileRole::Workflow(i) => i + 1,
        };
        assert_span(&texts[file], at.span, "admission");
    });
});
