//! `cicd simulate pipeline`: how CodePipeline would run executions of a pipeline — stages in
//! order, `runOrder` groups in parallel, approvals, failures, retries, and the execution mode
//! (SUPERSEDED, QUEUED, PARALLEL) with several executions.
//!
//! Exit status: 0 when the run is printed, 2 for usage and I/O problems (an unreadable file, a
//! file holding no pipeline, a `--fail` or `--reject` naming no action) and for a declaration
//! with errors (they are printed; `cicd check` explains them).
//!
//! `--format json` prints one object (a public contract, documented in the README): `file`,
//! `pipeline`, `mode`, `pipeline_type`, `scenario`, `executions`, `events`, `tracks`, `view`,
//! `duration`, `notes` and `warnings`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use cicd_core::pipeline::report::{PipelineReport, Status};
use cicd_core::pipeline::simulate::{
    Decision, FailureSpec, MAX_EXECUTIONS, RetryMode, RetryPlan, StopSpec, Verdict,
};
use cicd_core::pipeline::{Scenario, simulate};
use cicd_core::report::LineCol;
use cicd_core::{Kind, LineIndex, Model, Options, Severity};
use clap::ValueEnum;
use serde::Serialize;

use crate::Checked;

#[derive(clap::Args, Debug)]
pub(crate) struct PipelineArgs {
    /// The pipeline: `get-pipeline` JSON or YAML, or a CloudFormation template; `-` reads
    /// standard input.
    file: PathBuf,
    /// Make this action fail (`STAGE/ACTION`, `STAGE/ACTION:N` for execution N only); by
    /// default only its first run fails, so a retry succeeds.
    #[arg(long, value_name = "STAGE/ACTION")]
    fail: Vec<String>,
    /// Make this action fail on every attempt, retries included.
    #[arg(long, value_name = "STAGE/ACTION")]
    fail_always: Vec<String>,
    /// Reject this manual approval (after `--approve-after` seconds).
    #[arg(long, value_name = "STAGE/ACTION")]
    reject: Vec<String>,
    /// Leave this manual approval unanswered, so that it times out.
    #[arg(long, value_name = "STAGE/ACTION")]
    timeout: Vec<String>,
    /// Seconds after an approval starts waiting when it is approved (or rejected).
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    approve_after: u64,
    /// How many executions to start.
    #[arg(long, value_name = "N", default_value_t = 1)]
    executions: usize,
    /// Seconds between the starts of the executions.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    every: u64,
    /// Retry a failed stage by hand: its failed actions or all of them.
    #[arg(long, value_enum)]
    retry: Option<RetryArg>,
    /// Seconds after the failure when the retry happens.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    retry_after: u64,
    /// Stop execution N at T seconds, letting in-flight actions finish (`N@T`).
    #[arg(long, value_name = "N@SECONDS")]
    stop: Vec<String>,
    /// Stop execution N at T seconds, abandoning in-flight actions (`N@T`).
    #[arg(long, value_name = "N@SECONDS")]
    abandon: Vec<String>,
    /// Disable the inbound transition of this stage.
    #[arg(long, value_name = "STAGE")]
    disable_transition: Vec<String>,
    /// Enable every disabled transition again at this second.
    #[arg(long, value_name = "SECONDS")]
    enable_transitions_at: Option<u64>,
    /// Seed of the durations (the same seed gives the same run).
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// The pipeline to simulate, by name or template logical id, when the file holds several.
    #[arg(long, value_name = "NAME")]
    pipeline: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum RetryArg {
    /// Re-run the failed actions only.
    FailedActions,
    /// Re-run the whole stage.
    AllActions,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    /// A readable timeline.
    Human,
    /// One JSON object (a documented contract).
    Json,
}

/// `STAGE/ACTION` or `STAGE/ACTION:N`. Stage and action names never hold `/` or `:`.
fn target(arg: &str, option: &str) -> Result<(String, String, Option<u32>)> {
    let (path, execution) = match arg.rsplit_once(':') {
        Some((path, n)) => match n.parse::<u32>() {
            Ok(n) if n >= 1 => (path, Some(n)),
            _ => bail!("--{option} {arg}: `{n}` is not an execution number (1, 2, …)"),
        },
        None => (arg, None),
    };
    let Some((stage, action)) = path.split_once('/') else {
        bail!("--{option} {arg}: write STAGE/ACTION, e.g. `Build/Build`");
    };
    Ok((stage.to_string(), action.to_string(), execution))
}

/// `N@T`.
fn stop(arg: &str, option: &str) -> Result<(u32, u64)> {
    let parsed = arg
        .split_once('@')
        .and_then(|(n, t)| Some((n.parse::<u32>().ok()?, t.parse::<u64>().ok()?)));
    match parsed {
        Some((n, t)) if n >= 1 => Ok((n, t)),
        _ => bail!("--{option} {arg}: write EXECUTION@SECONDS, e.g. `1@300`"),
    }
}

/// The scenario the options describe.
fn scenario(args: &PipelineArgs) -> Result<Scenario> {
    if args.executions == 0 || args.executions > MAX_EXECUTIONS {
        bail!("--executions must be 1 to {MAX_EXECUTIONS}");
    }
    let mut failures = Vec::new();
    for (list, always, option) in [
        (&args.fail, false, "fail"),
        (&args.fail_always, true, "fail-always"),
    ] {
        for arg in list {
            let (stage, action, execution) = target(arg, option)?;
            failures.push(FailureSpec {
                stage,
                action,
                execution,
                always,
            });
        }
    }
    let mut approvals = Vec::new();
    for (list, verdict, option) in [
        (&args.reject, Verdict::Reject, "reject"),
        (&args.timeout, Verdict::Timeout, "timeout"),
    ] {
        for arg in list {
            let (stage, action, execution) = target(arg, option)?;
            approvals.push(Decision {
                stage,
                action,
                execution,
                verdict,
                after: Some(args.approve_after),
            });
        }
    }
    let mut stops = Vec::new();
    for (list, abandon, option) in [
        (&args.stop, false, "stop"),
        (&args.abandon, true, "abandon"),
    ] {
        for arg in list {
            let (execution, at) = stop(arg, option)?;
            stops.push(StopSpec {
                execution,
                at,
                abandon,
            });
        }
    }
    Ok(Scenario {
        seed: args.seed,
        starts: (0..args.executions as u64)
            .map(|i| i.saturating_mul(args.every))
            .collect(),
        failures,
        approvals,
        approve_after: Some(args.approve_after),
        retry: args.retry.map(|mode| RetryPlan {
            mode: match mode {
                RetryArg::FailedActions => RetryMode::FailedActions,
                RetryArg::AllActions => RetryMode::AllActions,
            },
            after: args.retry_after,
            max: 1,
        }),
        stops,
        disabled_transitions: args.disable_transition.clone(),
        enable_transitions_at: args.enable_transitions_at,
    })
}

/// Refuses a scenario naming stages or actions the pipeline does not have.
fn check_names(report: &PipelineReport<LineCol>, scenario: &Scenario) -> Result<()> {
    let stages = &report.view.stages;
    let find = |stage: &str, action: &str, approval: bool, option: &str| -> Result<()> {
        let Some(s) = stages.iter().find(|s| s.name == stage) else {
            let names: Vec<String> = stages.iter().map(|s| format!("`{}`", s.name)).collect();
            bail!(
                "--{option} {stage}/{action}: no stage `{stage}` (stages: {})",
                names.join(", ")
            );
        };
        let actions: Vec<_> = s.groups.iter().flat_map(|g| &g.actions).collect();
        let Some(a) = actions.iter().find(|a| a.name == action) else {
            let names: Vec<String> = actions.iter().map(|a| format!("`{}`", a.name)).collect();
            bail!(
                "--{option} {stage}/{action}: stage `{stage}` has no action `{action}` (actions: {})",
                names.join(", ")
            );
        };
        if approval && a.approval.is_none() {
            bail!("--{option} {stage}/{action}: `{action}` is not a manual approval");
        }
        Ok(())
    };
    for f in &scenario.failures {
        find(&f.stage, &f.action, false, "fail")?;
    }
    for d in &scenario.approvals {
        let option = if d.verdict == Verdict::Reject {
            "reject"
        } else {
            "timeout"
        };
        find(&d.stage, &d.action, true, option)?;
    }
    for name in &scenario.disabled_transitions {
        if !stages.iter().skip(1).any(|s| s.name == *name) {
            bail!("--disable-transition {name}: no stage after the first is named `{name}`");
        }
    }
    Ok(())
}

/// Runs `cicd simulate pipeline`.
pub(crate) fn pipeline(args: &PipelineArgs) -> Result<ExitCode> {
    let scenario = scenario(args)?;
    let (name, bytes) = crate::read_input(&args.file, None)?;
    // One analysis: the model for the run, the diagnostics for the refusal or the note.
    let (text, analysis) = cicd_core::analyze_bytes(Kind::Pipeline, &bytes, &Options::default())?;
    let errors: Vec<_> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    if !errors.is_empty() {
        let count = errors.len();
        crate::stdout::eprint(format_args!(
            "{}",
            crate::output::human(
                &[Checked {
                    name: name.clone(),
                    kind: Kind::Pipeline,
                    text,
                    diagnostics: errors,
                    analysis: analysis.clone(),
                }],
                &[],
                false
            )
        ));
        crate::stdout::eprintln(format_args!(
            "error: `{name}` has {count} error(s); CodePipeline would reject it, so it is not simulated"
        ));
        return Ok(ExitCode::from(2));
    }
    let warnings = analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    let Model::Pipeline(file) = &analysis.model else {
        bail!("`{name}` was not read as a pipeline");
    };
    let Some(chosen) = file.pipeline(args.pipeline.as_deref()) else {
        match &args.pipeline {
            Some(p) => {
                let names: Vec<String> = file
                    .pipelines
                    .iter()
                    .map(|p| format!("`{}`", p.label()))
                    .collect();
                bail!(
                    "`{name}` has no pipeline named `{p}` (pipelines: {})",
                    names.join(", ")
                );
            }
            None => bail!("`{name}` holds no pipeline"),
        }
    };
    let index = LineIndex::new(&text);
    let report = simulate(chosen, &scenario).map(|span| LineCol::of(&index, &text, span));
    check_names(&report, &scenario)?;
    match args.format {
        Format::Json => {
            let out = JsonRun {
                file: &name,
                scenario: &scenario,
                report: &report,
                warnings,
            };
            crate::stdout::println(&serde_json::to_string_pretty(&out)?)?;
        }
        Format::Human => {
            if file.pipelines.len() > 1 && args.pipeline.is_none() {
                crate::stdout::println(format!(
                    "note: `{name}` declares {} pipelines; this is `{}` (choose with --pipeline)\n",
                    file.pipelines.len(),
                    report.pipeline
                ))?;
            }
            crate::stdout::print(human(&name, &report))?;
            if warnings > 0 {
                crate::stdout::eprintln(format_args!(
                    "note: `cicd check {name}` reports {warnings} warning(s)"
                ));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The JSON contract: the file's name, the scenario played, then the core's report with
/// places as lines and columns.
#[derive(Serialize)]
struct JsonRun<'a> {
    file: &'a str,
    #[serde(flatten)]
    report: &'a PipelineReport<LineCol>,
    scenario: &'a Scenario,
    warnings: usize,
}

/// `m:ss`, `h:mm:ss`, or `Nd h:mm:ss`.
fn clock(t: u64) -> String {
    let (d, h, m, s) = (t / 86_400, t / 3_600 % 24, t / 60 % 60, t % 60);
    if d > 0 {
        format!("{d}d {h}:{m:02}:{s:02}")
    } else if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

fn human(file: &str, r: &PipelineReport<LineCol>) -> String {
    let mut out = format!(
        "{} — {} pipeline, {} mode ({file})\n\n",
        r.pipeline,
        r.pipeline_type,
        r.mode.aws_name()
    );
    let width = r
        .view
        .stages
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(5);
    for stage in &r.view.stages {
        let mut line = format!("  {:<width$}  ", stage.name);
        let many = stage.groups.len() > 1;
        let groups: Vec<String> = stage
            .groups
            .iter()
            .map(|g| {
                let actions: Vec<String> = g
                    .actions
                    .iter()
                    .map(|a| {
                        let mut s = format!("{} ({})", a.name, a.provider);
                        if let Some(approval) = &a.approval {
                            s = format!("{} (manual approval", a.name);
                            if let Some(m) = &approval.message {
                                s.push_str(&format!(": \"{m}\""));
                            }
                            s.push(')');
                        }
                        if !a.inputs.is_empty() {
                            s.push_str(&format!(" ← {}", a.inputs.join(", ")));
                        }
                        if !a.outputs.is_empty() {
                            s.push_str(&format!(" → {}", a.outputs.join(", ")));
                        }
                        s
                    })
                    .collect();
                if many {
                    format!("[{}] {}", g.run_order, actions.join(" | "))
                } else {
                    actions.join(" | ")
                }
            })
            .collect();
        line.push_str(&groups.join("  "));
        if let Some(reason) = &stage.inbound_disabled {
            line.push_str(&format!("  (inbound transition disabled: {reason})"));
        }
        if let Some(f) = &stage.on_failure {
            line.push_str(&format!("  (on failure: {f})"));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    for e in &r.executions {
        let end = e.end.map(clock).unwrap_or_else(|| "…".to_string());
        let kind = match e.rollback_of {
            Some(of) => format!(" (rollback to execution {of})"),
            None => String::new(),
        };
        out.push_str(&format!(
            "\nExecution {}{kind}: {} ({} → {end})",
            e.id,
            e.outcome.id(),
            clock(e.start)
        ));
        if let Some(reason) = &e.reason {
            out.push_str(&format!(" — {reason}"));
        }
        out.push('\n');
        for ev in &e.events {
            let what = match &ev.action {
                Some(a) => format!("{} / {a}", ev.stage),
                None => format!("{} (stage)", ev.stage),
            };
            let status = match ev.status {
                Status::Failed | Status::Superseded | Status::Abandoned | Status::Stopped => {
                    ev.status.id().to_uppercase()
                }
                s => s.id().to_string(),
            };
            let note = ev
                .note
                .as_deref()
                .map(|n| format!("  {n}"))
                .unwrap_or_default();
            out.push_str(&format!(
                "  {:>10}  {:<40} {status}{note}\n",
                clock(ev.t),
                what
            ));
        }
    }
    if !r.notes.is_empty() {
        out.push_str("\nNotes:\n");
        for n in &r.notes {
            out.push_str(&format!("- {n}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_and_stops() {
        assert_eq!(
            target("Build/Build", "fail").unwrap(),
            ("Build".into(), "Build".into(), None)
        );
        assert_eq!(
            target("Deploy/Prod@eu:2", "fail").unwrap(),
            ("Deploy".into(), "Prod@eu".into(), Some(2))
        );
        assert!(target("Build", "fail").is_err());
        assert!(target("Build/Build:x", "fail").is_err());
        assert_eq!(stop("2@300", "stop").unwrap(), (2, 300));
        assert!(stop("0@3", "stop").is_err());
    }

    #[test]
    fn clocks() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(75), "1:15");
        assert_eq!(clock(3_725), "1:02:05");
        assert_eq!(clock(7 * 86_400 + 60), "7d 0:01:00");
    }
}
