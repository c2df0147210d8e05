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
use cicd_core::appspec::{self, Deployment, Detection, Platform, Scenario, Status, Step, Timeline};
use cicd_core::{Kind, LineIndex, Options, Severity, Span};
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
    }
}

fn lifecycle(args: &LifecycleArgs) -> Result<ExitCode> {
    let (name, bytes) = crate::read_input(&args.appspec, None)?;
    let (text, _) = cicd_core::source::decode(&bytes);
    let spec = appspec::read(&text);
    if spec.detection == Detection::Template {
        bail!(
            "`{name}` is a CloudFormation or SAM template, not an AppSpec (`cicd check {name}` explains)"
        );
    }
    if let Some(d) = args.deployment
        && spec.platform != Platform::Server
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
            (None, Platform::Server) => Deployment::InPlace,
            (None, _) => Deployment::BlueGreen,
        },
        test_listener: args.test_listener,
        first_deployment: args.first_deployment,
        fail: args.fail.clone(),
    };
    let tl = appspec::timeline(&spec, &scenario);
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
    let errors = cicd_core::check(Kind::Appspec, &text, &Options::default())
        .map(|d| d.iter().filter(|d| d.severity == Severity::Error).count())
        .unwrap_or(0);
    let index = LineIndex::new(&text);
    let line = |span: Span| index.position(&text, span.start()).line;
    match args.format {
        Format::Json => {
            let out = JsonTimeline::new(&name, &tl, errors, &line);
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
        Format::Human => {
            print!("{}", human(&name, &tl, &line));
            if errors > 0 {
                eprintln!(
                    "note: `cicd check {name}` reports {errors} error(s) in this AppSpec; the timeline shows what the file says as if they were fixed"
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct JsonTimeline<'a> {
    file: &'a str,
    platform: &'static str,
    deployment: &'static str,
    first_deployment: bool,
    test_listener: bool,
    events: Vec<JsonEvent<'a>>,
    failure: Option<JsonFailure<'a>>,
    rollback: Vec<JsonEvent<'a>>,
    notes: &'a [String],
    duration: u32,
    appspec_errors: usize,
}

#[derive(Serialize)]
struct JsonFailure<'a> {
    index: usize,
    event: &'static str,
    at: u32,
    message: &'a str,
    rollback_possible: bool,
}

#[derive(Serialize)]
struct JsonEvent<'a> {
    index: usize,
    name: &'static str,
    kind: &'static str,
    fleet: &'static str,
    revision: &'static str,
    status: &'static str,
    reason: Option<&'a str>,
    description: &'a str,
    scripts: Vec<JsonScript<'a>>,
    function: Option<&'a str>,
    line: Option<u32>,
    start: u32,
    duration: u32,
}

#[derive(Serialize)]
struct JsonScript<'a> {
    location: &'a str,
    timeout: u32,
    runas: Option<&'a str>,
    line: u32,
}

impl<'a> JsonTimeline<'a> {
    fn new(file: &'a str, tl: &'a Timeline, errors: usize, line: &dyn Fn(Span) -> u32) -> Self {
        let events = |steps: &'a [Step]| -> Vec<JsonEvent<'a>> {
            steps
                .iter()
                .enumerate()
                .map(|(index, s)| JsonEvent {
                    index,
                    name: s.event,
                    kind: s.kind.id(),
                    fleet: s.fleet.id(),
                    revision: s.revision.id(),
                    status: s.status.id(),
                    reason: match &s.status {
                        Status::Skipped(why) => Some(why.as_str()),
                        _ => None,
                    },
                    description: &s.description,
                    scripts: s
                        .scripts
                        .iter()
                        .map(|sc| JsonScript {
                            location: &sc.location,
                            timeout: sc.timeout,
                            runas: sc.runas.as_deref(),
                            line: line(sc.span),
                        })
                        .collect(),
                    function: s.function.as_deref(),
                    line: s.hook_span.map(line),
                    start: s.start,
                    duration: s.duration,
                })
                .collect()
        };
        JsonTimeline {
            file,
            platform: tl.platform.id(),
            deployment: tl.deployment.id(),
            first_deployment: tl.first_deployment,
            test_listener: tl.test_listener,
            events: events(&tl.steps),
            failure: tl.failure.as_ref().map(|f| JsonFailure {
                index: f.step,
                event: f.event,
                at: f.at,
                message: &f.message,
                rollback_possible: f.rollback_possible,
            }),
            rollback: events(&tl.rollback),
            notes: &tl.notes,
            duration: tl.duration,
            appspec_errors: errors,
        }
    }
}

fn human(file: &str, tl: &Timeline, line: &dyn Fn(Span) -> u32) -> String {
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
    steps(&mut out, &tl.steps, line, tl.platform == Platform::Server);
    if let Some(f) = &tl.failure {
        out.push_str(&format!("\nFAILURE at {}s: {}\n", f.at, f.message));
        if tl.rollback.is_empty() {
            out.push_str("No rollback is shown: see the message above and the notes.\n");
        } else {
            out.push_str("\nAutomatic rollback:\n\n");
            steps(
                &mut out,
                &tl.rollback,
                line,
                tl.platform == Platform::Server,
            );
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

fn steps(out: &mut String, steps: &[Step], line: &dyn Fn(Span) -> u32, server: bool) {
    let mut fleet = "";
    for s in steps {
        if server && s.fleet.id() != fleet {
            fleet = s.fleet.id();
            out.push_str(&format!("  [{}]\n", fleet.replace('-', " ")));
        }
        let revision = match s.revision {
            appspec::RevisionSource::Target if s.kind == appspec::StepKind::Hook => {
                " · this AppSpec"
            }
            appspec::RevisionSource::LastSuccessful => " · last successful revision",
            appspec::RevisionSource::MostRecent => " · most recent revision (this AppSpec)",
            _ => "",
        };
        let status = match &s.status {
            Status::Runs => String::new(),
            Status::Skipped(why) => format!("  SKIPPED: {why}"),
            Status::Failed => "  FAILED".to_string(),
            Status::NotReached => "  not reached".to_string(),
        };
        out.push_str(&format!(
            "{:>6}  {:<22} {}{revision}{status}\n",
            format!("{}s", s.start),
            s.event,
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
                "",
                "",
                sc.location,
                sc.timeout,
                line(sc.span)
            ));
        }
        if let Some(f) = &s.function {
            let at = s
                .hook_span
                .map(|sp| format!("; line {}", line(sp)))
                .unwrap_or_default();
            out.push_str(&format!("{:8}{:<22} - function {f}{at}\n", "", ""));
        }
    }
}
