//! `cicd assume --workflow WORKFLOW [--workflow …] POLICY`: can these workflows assume the role
//! that policy guards — and who else can?
//!
//! Prints the core's admission table ([`cicd_core::workflow::admission`]): one row per run of
//! each job step that assumes a role through OIDC (each trigger, branch or tag pattern and
//! environment the workflow allows), with the token's `sub` and the policy's answer, then the
//! callers the policy admits that no job needs.
//!
//! Exit status: 0 when every run of every job that assumes the role is admitted (or the
//! workflows assume no role through OIDC), 1 when some run is refused or gets no token, 2 for
//! usage and I/O problems.
//!
//! `--format json` prints the report as one object (a public contract, see the README):
//! `policy`, `repository`, `repository_source`, `default_branch`, `provider`, `rows`,
//! `over_broad`, `notes`, `policy_errors` and `workflow_errors`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use cicd_core::report::LineCol;
use cicd_core::workflow::admission::{
    AdmissionOptions, AdmissionReport, At, FileRole, RowDecision, WorkflowInput, admission,
};
use cicd_core::{Analysis, Kind, LineIndex, Model, Options, Severity};
use serde::Serialize;

use crate::assume::{AssumeArgs, AssumeFormat};

/// A file read and analysed.
struct Read {
    name: String,
    text: String,
    analysis: Analysis,
}

fn read(path: &PathBuf, kind: Kind, stdin_name: Option<&str>) -> Result<Read> {
    let (name, bytes) = crate::read_input(path, stdin_name)?;
    let (text, analysis) = cicd_core::analyze_bytes(kind, &bytes, &Options::default())?;
    if !analysis.readable() {
        let index = LineIndex::new(&text);
        let first = analysis
            .diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
            .map(|d| {
                let p = index.position(&text, d.span.start());
                format!("{name}:{}:{}: {}", p.line, p.column, d.message)
            })
            .unwrap_or_default();
        bail!(
            "cannot read `{name}` as a {} ({first}); run `cicd check {name}`",
            kind.title()
        );
    }
    Ok(Read {
        name,
        text,
        analysis,
    })
}

fn errors(analysis: &Analysis) -> usize {
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

/// The JSON contract: the core's report with lines and columns, and each workflow's errors.
#[derive(Serialize)]
struct JsonAdmission<'a> {
    #[serde(flatten)]
    report: &'a AdmissionReport<LineCol>,
    /// How many errors `cicd check` reports on each workflow.
    workflow_errors: BTreeMap<&'a str, usize>,
}

/// The options of `cicd assume` that describe one caller, which `--workflow` works out itself.
fn single_caller_options(args: &AssumeArgs) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut check = |given: bool, name| {
        if given {
            out.push(name);
        }
    };
    check(args.principal.is_some(), "--principal");
    check(args.action.is_some(), "--action");
    check(!args.context.is_empty(), "--context");
    check(args.github_ref.is_some(), "--github-ref");
    check(args.github_environment.is_some(), "--github-environment");
    check(args.github_event.is_some(), "--github-event");
    check(args.github_audience.is_some(), "--github-audience");
    check(args.github_workflow.is_some(), "--github-workflow");
    out
}

pub(crate) fn assume(args: &AssumeArgs, policy_path: &PathBuf) -> Result<ExitCode> {
    let given = single_caller_options(args);
    if !given.is_empty() {
        bail!(
            "{} describe a single run; with --workflow the runs come from the workflows (use --github-repo for the repository)",
            given.join(", ")
        );
    }
    if args.workflows.iter().any(|w| w.as_os_str() == "-") && policy_path.as_os_str() == "-" {
        bail!("only one file can be read from standard input");
    }
    let policy = read(
        policy_path,
        Kind::TrustPolicy,
        args.stdin_filename.as_deref(),
    )?;
    let Model::TrustPolicy(trust) = &policy.analysis.model else {
        bail!("`{}` was not read as a trust policy", policy.name);
    };
    let mut workflows = Vec::new();
    for path in &args.workflows {
        workflows.push(read(path, Kind::Workflow, args.stdin_filename.as_deref())?);
    }
    let models: Vec<&cicd_core::workflow::Workflow> = workflows
        .iter()
        .filter_map(|w| match &w.analysis.model {
            Model::Workflow(m) => Some(m),
            _ => None,
        })
        .collect();
    let inputs: Vec<WorkflowInput<'_>> = workflows
        .iter()
        .zip(&models)
        .map(|(w, m)| WorkflowInput {
            name: &w.name,
            workflow: m,
        })
        .collect();
    if let Some(repo) = &args.github_repo
        && cicd_core::trust_policy::github::Run::for_repository(repo).is_none()
    {
        bail!("--github-repo `{repo}` is not OWNER/REPO");
    }
    let options = AdmissionOptions {
        repository: args.github_repo.clone(),
        default_branch: args.default_branch.clone(),
        owner_id: args.github_owner_id.clone(),
        repo_id: args.github_repo_id.clone(),
        sub_claim_keys: args.github_sub_claims.as_ref().map(|k| {
            k.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        }),
        only_matching_accounts: false,
    };
    let report = admission(
        &inputs,
        &policy.name,
        trust,
        errors(&policy.analysis),
        &options,
    );
    let refused = report.refused();
    let policy_index = LineIndex::new(&policy.text);
    let workflow_indexes: Vec<LineIndex> =
        workflows.iter().map(|w| LineIndex::new(&w.text)).collect();
    let placed = report.map(|at: At| match at.file {
        FileRole::Policy => LineCol::of(&policy_index, &policy.text, at.span),
        FileRole::Workflow(i) => match (workflow_indexes.get(i), workflows.get(i)) {
            (Some(index), Some(w)) => LineCol::of(index, &w.text, at.span),
            _ => LineCol::default(),
        },
    });
    let out = match args.format {
        AssumeFormat::Json => {
            let answer = JsonAdmission {
                report: &placed,
                workflow_errors: workflows
                    .iter()
                    .map(|w| (w.name.as_str(), errors(&w.analysis)))
                    .collect(),
            };
            serde_json::to_string_pretty(&answer)? + "\n"
        }
        AssumeFormat::Human => human(&placed, &workflows),
    };
    crate::stdout::print(&out)?;
    Ok(if refused {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn decision(d: RowDecision) -> &'static str {
    match d {
        RowDecision::Allow => "ALLOW",
        RowDecision::Deny => "DENY",
        RowDecision::Unknown => "?",
    }
}

/// The table for people: per workflow and job, one line per run, then who else gets in.
fn human(report: &AdmissionReport<LineCol>, workflows: &[Read]) -> String {
    let mut s = String::new();
    let source = match report.repository_source.as_str() {
        "given" => "given",
        "policy" => "named by the policy's `sub` condition",
        _ => "an example: pass --github-repo OWNER/REPO",
    };
    s.push_str(&format!(
        "trust policy {}: runs of {} ({source}), default branch `{}`\n",
        report.policy, report.repository, report.default_branch
    ));
    if report.rows.is_empty() {
        s.push_str("no job of the workflows assumes a role through OIDC\n");
    }
    let mut current: Option<(&str, &str, usize)> = None;
    for row in &report.rows {
        let key = (row.workflow.as_str(), row.job.as_str(), row.step);
        if current != Some(key) {
            current = Some(key);
            s.push_str(&format!(
                "\n{}:{}:{}: job `{}`, step {}\n",
                row.workflow, row.job_at.line, row.job_at.column, row.job, row.step
            ));
        }
        s.push_str(&format!("  {:<5} {}\n", decision(row.decision), row.sub));
        let reason = row
            .reason
            .split_once(": ")
            .map_or(row.reason.as_str(), |(_, r)| r);
        s.push_str(&format!("        {}: {reason}\n", row.run));
        if let Some(at) = row.condition.as_ref().map(|c| c.at).or(row.policy_at) {
            s.push_str(&format!(
                "        --> {}:{}:{}\n",
                report.policy, at.line, at.column
            ));
        }
    }
    if !report.over_broad.is_empty() {
        s.push_str("\nwho else can assume the role (no job of the workflows needs these):\n");
        for o in &report.over_broad {
            s.push_str(&format!("  {}\n        {}\n", o.sub, o.reason));
            if let Some(at) = o.policy_at {
                s.push_str(&format!(
                    "        --> {}:{}:{}\n",
                    report.policy, at.line, at.column
                ));
            }
        }
    }
    for note in &report.notes {
        s.push_str(&format!("note: {note}\n"));
    }
    for w in workflows {
        let n = errors(&w.analysis);
        if n > 0 {
            s.push_str(&format!(
                "note: `cicd check` reports {n} error(s) in {}\n",
                w.name
            ));
        }
    }
    if report.policy_errors > 0 {
        s.push_str(&format!(
            "note: `cicd check` reports {} error(s) in this policy; IAM would reject it as written\n",
            report.policy_errors
        ));
    }
    s
}
