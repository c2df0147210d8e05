//! `cicd simulate lifecycle`: the order in which CodeDeploy runs an AppSpec's lifecycle events,
//! which of them run the file's scripts or hook functions, where a failing event stops the
//! deployment and what a rollback would run.
//!
//! Exit status: 0 when the timeline is printed, 2 for usage and I/O problems (an unreadable
//! file, a CloudFormation template, `--deployment in-place` for ECS or Lambda, a `--fail` event
//! that does not run in the scenario).
//!
//! `--format json` prints one object (a public contract): `file`, `platform` (`ec2`, `ecs`,
//! `lambda`), `deployment` (`in-place`, `in-place-lb`, `blue-green`), `first_deployment`,
//! `test_listener`, `events` (in order), `failure` (null, or `index`, `event`, `at`, `message`,
//! `rollback_possible`), `rollback` (the events an automatic rollback runs, same shape as
//! `events`), `notes`, `duration` (nominal seconds) and `appspec_errors` (how many errors
//! `cicd check` reports on the file). Each event has `index`, `name`, `kind` (`start`, `end`,
//! `reserved`, `hook`, `rollback`), `fleet` (`instances`, `replacement-instances`,
//! `original-instances`, `ecs-service`, `lambda-alias`), `revision` (whose AppSpec provides the
//! scripts: `target`, `last-successful`, `most-recent`, `none`), `status` (`runs`, `skipped`,
//! `failed`, `not-reached`), `reason` (why it is skipped, or null), `description`, `scripts`
//! (`location`, `timeout`, `runas`, `line`), `function` (ECS/Lambda hook function, or null),
//! `line` (of the hook in the file, or null), `start` and `duration` (nominal seconds).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use cicd_core::appspec::report::{EventReport, LifecycleReport, StatusId, lifecycle_report};
use cicd_core::appspec::{self, Deployment, Detection, Platform, Scenario};
use cicd_core::{Kind, LineIndex, Model, Options, Severity};
use clap::{Subcommand, ValueEnum};
use serde::Serialize;

/// `cicd simulate …`.
#[derive(clap::Args, Debug)]
pub(crate) struct SimulateArgs {
    #[command(subcommand)]
    what: SimulateCommand,
}

#[derive(Subcommand, Debug)]
enum SimulateCommand {
    /// Show the lifecycle events of a CodeDeploy deployment of an AppSpec, in order.
    Lifecycle(LifecycleArgs),
    /// Run executions of a CodePipeline pipeline: stages, runOrder groups, approvals,
    /// failures, retries and the execution mode.
    Pipeline(Box<crate::pipeline_run::PipelineArgs>),
    /// Simulate a CodeDeploy deployment over time: instances by minimum healthy hosts, or
    /// traffic shifted by the configuration, with faults, alarms, rollback and blast radius.
    Deployment(Box<crate::deployment::DeploymentArgs>),
}

#[derive(clap::Args, Debug)]
struct LifecycleArgs {
    /// The AppSpec (`appspec.yml`, `appspec.json`); `-` reads standard input.
    appspec: PathBuf,
    /// EC2/on-premises deployment kind (ECS and Lambda are always blue/green).
    #[arg(long, value_enum)]
    deployment: Option<DeploymentArg>,
    /// ECS: the deployment group has a test listener.
    #[arg(long)]
    test_listener: bool,
    /// Make this lifecycle event fail, and show where the deployment stops and what a rollback
    /// would run.
    #[arg(long, value_name = "EVENT")]
    fail: Option<String>,
    /// No revision was ever deployed successfully to these instances.
    #[arg(long)]
    first_deployment: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum DeploymentArg {
    /// In-place, no load balancer.
    InPlace,
    /// In-place behind a load balancer.
    InPlaceLb,
    /// Blue/green.
    BlueGreen,
}

impl From<DeploymentArg> for Deployment {
    fn from(d: DeploymentArg) -> Deployment {
        match d {
            DeploymentArg::InPlace => Deployment::InPlace,
            DeploymentArg::InPlaceLb => Deployment::InPlaceWithLoadBalancer,
            DeploymentArg::BlueGreen => Deployment::BlueGreen,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    /// A readable timeline.
    Human,
    /// One JSON object (a documented contract).
    Json,
}

/// Runs `cicd simulate`.
pub(crate) fn simulate(args: &SimulateArgs) -> Result<ExitCode> {
    match &args.what {
        SimulateCommand::Lifecycle(a) => lifecycle(a),
        SimulateCommand::Pipeline(a) => crate::pipeline_run::pipeline(a),
        SimulateCommand::Deployment(a) => crate::deployment::deployment(a),
    }
}

fn lifecycle(args: &LifecycleArgs) -> Result<ExitCode> {
    let (name, bytes) = crate::read_input(&args.appspec, None)?;
    // One analysis: the AppSpec model for the timeline and the errors for the note.
    let (text, analysis) = cicd_core::analyze_bytes(Kind::Appspec, &bytes, &Options::default())?;
    let Model::Appspec(spec) = &analysis.model else {
        bail!("`{name}` was not read as an AppSpec");
    };
    if spec.detection == Detection::Template {
        bail!(
            "`{name}` is a CloudFormation or SAM template, not an AppSpec (`cicd check {name}` explains)"
        );
    }
    if let Some(d) = args.deployment
        && spec.platform != Platform::Ec2
        && d != DeploymentArg::BlueGreen
    {
        bail!(
            "{} deployments are always blue/green: leave out --deployment or pass --deployment blue-green",
            spec.platform.title()
        );
    }
    let scenario = Scenario {
        deployment: match (args.deployment, spec.platform) {
            (Some(d), _) => d.into(),
            (None, Platform::Ec2) => Deployment::InPlace,
            (None, _) => Deployment::BlueGreen,
        },
        test_listener: args.test_listener,
        first_deployment: args.first_deployment,
        fail: args.fail.clone(),
    };
    let tl = appspec::timeline(spec, &scenario);
    if let Some(event) = &args.fail
        && tl.failure.is_none()
    {
        let why = tl
            .notes
            .iter()
            .find(|n| n.contains(&format!("`{event}`")))
            .cloned()
            .unwrap_or_else(|| format!("`{event}` cannot fail in this deployment"));
        bail!("--fail {event}: {why}");
    }
    let errors = analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let index = LineIndex::new(&text);
    let report = lifecycle_report(&tl, errors).map(|span| index.position(&text, span.start()).line);
    match args.format {
        Format::Json => {
            let out = JsonTimeline {
                file: &name,
                report: &report,
            };
            crate::stdout::println(&serde_json::to_string_pretty(&out)?)?;
        }
        Format::Human => {
            crate::stdout::print(human(&name, &report))?;
            if errors > 0 {
                crate::stdout::eprintln(format_args!(
                    "note: `cicd check {name}` reports {errors} error(s) in this AppSpec; the timeline shows what the file says as if they were fixed"
                ));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The JSON contract: the file's name, then the core's report with line numbers.
#[derive(Serialize)]
struct JsonTimeline<'a> {
    file: &'a str,
    #[serde(flatten)]
    report: &'a LifecycleReport<u32>,
}

fn human(file: &str, tl: &LifecycleReport<u32>) -> String {
    let mut out = format!(
        "{} {} deployment of {file}{}\n\n",
        tl.platform.title(),
        tl.deployment.title(),
        if tl.first_deployment {
            " (first deployment)"
        } else {
            ""
        }
    );
    steps(&mut out, &tl.events, tl.platform == Platform::Ec2);
    if let Some(f) = &tl.failure {
        out.push_str(&format!("\nFAILURE at {}s: {}\n", f.at, f.message));
        if tl.rollback.is_empty() {
            out.push_str("No rollback is shown: see the message above and the notes.\n");
        } else {
            out.push_str("\nAutomatic rollback:\n\n");
            steps(&mut out, &tl.rollback, tl.platform == Platform::Ec2);
        }
    }
    if !tl.notes.is_empty() {
        out.push_str("\nNotes:\n");
        for n in &tl.notes {
            out.push_str(&format!("- {n}\n"));
        }
    }
    out
}

fn steps(out: &mut String, steps: &[EventReport<u32>], ec2: bool) {
    let mut fleet = "";
    for s in steps {
        if ec2 && s.fleet.id() != fleet {
            fleet = s.fleet.id();
            out.push_str(&format!("  [{}]\n", fleet.replace('-', " ")));
        }
        let revision = match s.revision_label() {
            "" => String::new(),
            label => format!(" · {label}"),
        };
        let status = match s.status {
            StatusId::Runs => String::new(),
            StatusId::Skipped => format!("  SKIPPED: {}", s.reason.as_deref().unwrap_or("")),
            StatusId::Failed => "  FAILED".to_string(),
            StatusId::NotReached => "  not reached".to_string(),
        };
        out.push_str(&format!(
            "{:>6}  {:<22} {}{revision}{status}\n",
            format!("{}s", s.start),
            s.name,
            s.kind.id()
        ));
        if !s.description.is_empty() {
            out.push_str(&format!("{:8}{:<22} {}\n", "", "", s.description));
        }
        for sc in &s.scripts {
            let runas = sc
                .runas
                .as_deref()
                .map(|r| format!(", runas {r}"))
                .unwrap_or_default();
            out.push_str(&format!(
                "{:8}{:<22} - {} (timeout {}s{runas}; line {})\n",
                "", "", sc.location, sc.timeout, sc.line
            ));
        }
        if let Some(f) = &s.function {
            let at = s.line.map(|l| format!("; line {l}")).unwrap_or_default();
            out.push_str(&format!("{:8}{:<22} - function {f}{at}\n", "", ""));
        }
    }
}
