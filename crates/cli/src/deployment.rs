//! `cicd simulate deployment`: a CodeDeploy deployment over time — instances deployed by minimum
//! healthy hosts, or traffic shifted to a replacement task set or function version — with
//! injected faults, the group's alarms, the automatic rollback and the blast radius.
//!
//! Exit status: 0 when the simulation ran (whatever its outcome), 2 for usage problems and for a
//! configuration or group file with errors (its diagnostics are printed).
//!
//! `--format json` prints one object (a public contract, documented in the README): `files`
//! (`{config, group, appspec}`, the paths given or null), then the core's
//! [`DeploymentReport`]: `outcome`, `platform`, `type`, `config`, `group`, `instances`, `seed`,
//! `duration`, `timeline`, `events`, `traffic`, `targets`, `lifecycle`, `alarms`, `stopped`,
//! `rollback`, `blast_radius` and `notes`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use cicd_core::appspec::{AppSpec, Platform};
use cicd_core::deployment::config::suggest_predefined;
use cicd_core::deployment::simulate::{
    AlarmDefinition, DeploymentReport, DeploymentType, EventStatus, Fault, Metric, MissingData,
    What,
};
use cicd_core::deployment::{Config, Group, Scenario, simulate};
use cicd_core::diagnostic::render::{HumanOptions, human};
use cicd_core::related::WorkspaceFile;
use cicd_core::related::deployment::{ConfigSource, GroupConfig, group_config as group_config_of};
use cicd_core::{Kind, Model, Options, Severity};
use clap::ValueEnum;
use serde::Serialize;

#[derive(clap::Args, Debug)]
pub(crate) struct DeploymentArgs {
    /// The compute platform (`server` is EC2/on-premises); by default the configuration's.
    #[arg(long, value_enum)]
    platform: Option<PlatformArg>,
    /// A predefined configuration (`CodeDeployDefault.OneAtATime` or `OneAtATime`) or a
    /// deployment-configuration file; by default the group's, else the platform's default.
    #[arg(long, value_name = "NAME_OR_FILE")]
    config: Option<String>,
    /// A deployment-group file (rollback, alarms, blue/green settings, load balancer).
    #[arg(long, value_name = "FILE")]
    group: Option<PathBuf>,
    /// An AppSpec whose lifecycle events and hooks the deployment runs.
    #[arg(long, value_name = "FILE")]
    appspec: Option<PathBuf>,
    /// EC2/on-premises: in place or blue/green (by default the group's deployment style).
    #[arg(long = "type", value_enum)]
    deployment_type: Option<TypeArg>,
    /// EC2/on-premises: the number of instances (1 to 10,000).
    #[arg(long, default_value_t = 10)]
    instances: u32,
    /// EC2/on-premises: instances already unhealthy when the deployment starts.
    #[arg(long, default_value_t = 0)]
    unhealthy: u32,
    /// A fault of the new revision: `error-rate=PCT@SECONDS` or `latency=MS@SECONDS`
    /// (`@SECONDS` defaults to 0); repeatable.
    #[arg(long, value_name = "KIND=VALUE@SECONDS")]
    fault: Vec<String>,
    /// A lifecycle event that fails: `EVENT@INSTANCE` (instances are numbered 1..N in the order
    /// the deployment takes them), or `EVENT` for every instance or for an ECS/Lambda hook
    /// function; repeatable.
    #[arg(long, value_name = "EVENT[@INSTANCE]")]
    fail_hook: Vec<String>,
    /// Defines an alarm the group names: `NAME=error-rate>PCT` or `NAME=latency>MS`, optionally
    /// followed by `,period=SECONDS`, `,evaluation-periods=N`, `,datapoints=M` and
    /// `,missing=missing|notBreaching|breaching|ignore`; repeatable. An alarm without a definition
    /// watches the new revision's error rate above 5 % over one-minute periods, 1 of 1.
    #[arg(long, value_name = "NAME=METRIC>THRESHOLD[,…]")]
    alarm: Vec<String>,
    /// Each instance fails with this probability, in percent (seeded).
    #[arg(long, value_name = "PCT")]
    random_failures: Option<f64>,
    /// Someone stops the deployment at this second.
    #[arg(long, value_name = "SECONDS")]
    stop_at: Option<u32>,
    /// Blue/green with STOP_DEPLOYMENT: someone continues the deployment at this second.
    #[arg(long, value_name = "SECONDS")]
    continue_at: Option<u32>,
    /// Requests per second the service receives.
    #[arg(long, default_value_t = 100.0)]
    rps: f64,
    /// The seed of every random choice (durations, random failures).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum PlatformArg {
    /// EC2 instances and on-premises servers (CodeDeploy's `Server`).
    #[value(alias = "ec2")]
    Server,
    /// Amazon ECS.
    Ecs,
    /// AWS Lambda.
    Lambda,
}

impl From<PlatformArg> for Platform {
    fn from(p: PlatformArg) -> Platform {
        match p {
            PlatformArg::Server => Platform::Ec2,
            PlatformArg::Ecs => Platform::Ecs,
            PlatformArg::Lambda => Platform::Lambda,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum TypeArg {
    /// In place.
    InPlace,
    /// Blue/green.
    BlueGreen,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum FormatArg {
    /// A readable summary and log.
    Human,
    /// One JSON object (a documented contract).
    Json,
}

/// A file analysed as a kind, with its errors.
struct Loaded {
    name: String,
    text: String,
    analysis: cicd_core::Analysis,
}

fn load(path: &Path, kind: Kind) -> Result<Loaded> {
    let (name, bytes) = crate::read_input(&path.to_path_buf(), None)?;
    let (text, analysis) = cicd_core::analyze_bytes(kind, &bytes, &Options::default())?;
    Ok(Loaded {
        name,
        text,
        analysis,
    })
}

/// Stops with the file's errors printed, when it has any.
fn refuse_errors(file: &Loaded, what: &str) -> Result<()> {
    let errors: Vec<cicd_core::Diagnostic> = file
        .analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    if errors.is_empty() {
        return Ok(());
    }
    crate::stdout::eprint(format_args!(
        "{}",
        human(&errors, &file.text, &file.name, HumanOptions::default())
    ));
    bail!(
        "`{}` is not a valid {what} ({} error(s)); `cicd check {}` explains",
        file.name,
        errors.len(),
        file.name
    );
}

/// Runs `cicd simulate deployment`.
pub(crate) fn deployment(args: &DeploymentArgs) -> Result<ExitCode> {
    // The group first: it may name the configuration.
    let mut group = Group::default();
    let mut notes: Vec<String> = Vec::new();
    let platform = args.platform.map(Platform::from);
    let group_file = match &args.group {
        Some(path) => {
            let file = load(path, Kind::DeploymentGroup)?;
            refuse_errors(&file, "deployment group")?;
            Some(file)
        }
        None => None,
    };
    // `--config`: a predefined name, or a configuration file (read once).
    let config_file = match args.config.as_deref() {
        Some(value) if Config::predefined(value).is_none() => Some(config_file(value)?),
        _ => None,
    };
    // The group file and the configuration file, as the core relates a workspace's files: a
    // group that names a custom configuration runs with the one of that name the files define.
    let files: Vec<WorkspaceFile<'_>> = group_file
        .iter()
        .chain(config_file.as_ref())
        .map(|f| WorkspaceFile {
            name: &f.name,
            analysis: &f.analysis,
        })
        .collect();
    let mut group_config: Option<GroupConfig> = None;
    if let Some(file) = &group_file {
        let Model::DeploymentGroup(groups) = &file.analysis.model else {
            bail!("`{}` was not read as a deployment group", file.name);
        };
        let Some(first) = groups.items.first() else {
            bail!("`{}` holds no deployment group", file.name);
        };
        if groups.items.len() > 1 {
            notes.push(format!(
                "`{}` holds {} deployment groups: the first one is simulated",
                file.name,
                groups.items.len()
            ));
        }
        group = first.settings();
        group_config = Some(
            group_config_of(&files, groups, first, platform).map_err(|why| {
                anyhow::anyhow!(
                    "the group's configuration `{}` cannot be simulated: {why}",
                    first.config_ref.as_deref().unwrap_or_default()
                )
            })?,
        );
    }
    let config = match (&args.config, group_config) {
        // The configuration file defines the custom configuration the group names.
        (Some(_), Some(g)) if matches!(g.source, ConfigSource::Workspace { file } if file > 0) => {
            g.config
        }
        (Some(value), group_config) => match &config_file {
            Some(file) => match group_config.map(|g| g.source) {
                Some(ConfigSource::Unresolved { name, why, .. }) => bail!(
                    "`{}` defines the configuration `{name}` the group names, but it cannot be simulated: {why}",
                    file.name
                ),
                Some(ConfigSource::Missing { name }) => {
                    let config = first_config(file)?;
                    notes.push(format!(
                            "the group names the custom configuration `{name}`, which `{}` does not define: simulated with `{}` (--config)",
                            file.name, config.name
                        ));
                    config
                }
                _ => first_config(file)?,
            },
            None => Config::predefined(value).context("a predefined configuration")?,
        },
        (None, Some(g)) => {
            match &g.source {
                ConfigSource::Missing { name } => notes.push(format!(
                    "the group names the custom configuration `{name}`: pass its file with --config FILE; simulated with {}",
                    g.config.name
                )),
                _ => notes.extend(g.why_stand_in(|i| {
                    files.get(i).map_or(String::new(), |f| f.name.to_string())
                })),
            }
            g.config
        }
        (None, None) => Config::default_for(platform.unwrap_or(Platform::Ec2)),
    };
    if let Some(p) = platform
        && p != config.platform
    {
        bail!(
            "`{}` is a configuration for {}, not {}: pass a {} configuration with --config",
            config.name,
            config.platform.title(),
            p.title(),
            p.title()
        );
    }
    if let Some(t) = args.deployment_type
        && config.platform != Platform::Ec2
        && t == TypeArg::InPlace
    {
        bail!(
            "{} deployments are always blue/green: leave out --type or pass --type blue-green",
            config.platform.title()
        );
    }
    let appspec_file = match &args.appspec {
        Some(path) => Some(load(path, Kind::Appspec)?),
        None => None,
    };
    let appspec: Option<&AppSpec> = match &appspec_file {
        Some(file) => match &file.analysis.model {
            Model::Appspec(spec) => Some(spec),
            _ => None,
        },
        None => None,
    };
    if let Some(file) = &appspec_file {
        let errors = file
            .analysis
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        if errors > 0 {
            notes.push(format!(
                "`cicd check {}` reports {errors} error(s) in the AppSpec; the simulation reads it as if they were fixed",
                file.name
            ));
        }
    }
    let mut faults = Vec::new();
    for f in &args.fault {
        faults.push(fault_arg(f)?);
    }
    for f in &args.fail_hook {
        let (event, instance) = match f.split_once('@') {
            Some((e, i)) => (
                e,
                Some(i.parse::<u32>().ok().filter(|n| *n >= 1).with_context(|| {
                    format!("--fail-hook {f}: the instance must be a number from 1")
                })?),
            ),
            None => (f.as_str(), None),
        };
        if event.is_empty() {
            bail!("--fail-hook {f}: name the lifecycle event (`AfterInstall@3`)");
        }
        faults.push(Fault::FailHook {
            event: event.to_string(),
            instance,
        });
    }
    if let Some(p) = args.random_failures {
        if !(0.0..=100.0).contains(&p) {
            bail!("--random-failures {p}: give a percentage from 0 to 100");
        }
        faults.push(Fault::RandomInstanceFailures { percent: p });
    }
    if args.instances == 0 || args.instances > 10_000 {
        bail!("--instances {}: give 1 to 10,000 instances", args.instances);
    }
    if !(args.rps.is_finite() && args.rps >= 0.0) {
        bail!("--rps {}: give a number of requests per second", args.rps);
    }
    let mut alarms = Vec::new();
    for a in &args.alarm {
        alarms.push(alarm_arg(a)?);
    }
    let scenario = Scenario {
        platform: Some(config.platform),
        alarms,
        deployment_type: args.deployment_type.map(|t| match t {
            TypeArg::InPlace => DeploymentType::InPlace,
            TypeArg::BlueGreen => DeploymentType::BlueGreen,
        }),
        instances: args.instances,
        unhealthy_instances: args.unhealthy,
        faults,
        stop_at: args.stop_at,
        continue_at: args.continue_at,
        requests_per_second: args.rps,
        seed: args.seed,
        ..Scenario::default()
    };
    let mut report = simulate(&config, &group, appspec, &scenario);
    notes.append(&mut report.notes);
    report.notes = notes;
    match args.format {
        FormatArg::Json => {
            let out = JsonReport {
                files: Files {
                    config: args
                        .config
                        .as_deref()
                        .filter(|c| Config::predefined(c).is_none()),
                    group: args.group.as_ref().map(|p| p.display().to_string()),
                    appspec: args.appspec.as_ref().map(|p| p.display().to_string()),
                },
                report: &report,
            };
            crate::stdout::println(&serde_json::to_string_pretty(&out)?)?;
        }
        FormatArg::Human => crate::stdout::print(human_report(&report))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `--config FILE`: a configuration file, without errors.
fn config_file(value: &str) -> Result<Loaded> {
    let path = Path::new(value);
    if !path.exists() {
        let hint = suggest_predefined(value)
            .map(|p| format!("; did you mean `{}`?", p.name))
            .unwrap_or_default();
        bail!(
            "--config {value}: no predefined configuration has this name and no such file exists{hint}"
        );
    }
    let file = load(path, Kind::DeploymentConfig)?;
    refuse_errors(&file, "deployment configuration")?;
    if !matches!(file.analysis.model, Model::DeploymentConfig(_)) {
        bail!("`{}` was not read as a deployment configuration", file.name);
    }
    Ok(file)
}

/// The first configuration of a configuration file, resolved.
fn first_config(file: &Loaded) -> Result<Config> {
    let Model::DeploymentConfig(configs) = &file.analysis.model else {
        bail!("`{}` was not read as a deployment configuration", file.name);
    };
    let first = configs
        .items
        .first()
        .with_context(|| format!("`{}` holds no deployment configuration", file.name))?;
    first
        .resolve()
        .map_err(|why| anyhow::anyhow!("`{}` cannot be simulated: {why}", file.name))
}

/// `--fault KIND=VALUE[@SECONDS]`.
fn fault_arg(value: &str) -> Result<Fault> {
    let (kind, rest) = value.split_once('=').with_context(|| {
        format!("--fault {value}: write `error-rate=PCT@SECONDS` or `latency=MS@SECONDS`")
    })?;
    let (amount, at) = match rest.split_once('@') {
        Some((a, t)) => (
            a,
            t.parse::<u32>()
                .with_context(|| format!("--fault {value}: `{t}` is not a number of seconds"))?,
        ),
        None => (rest, 0),
    };
    match kind {
        "error-rate" => {
            let percent: f64 = amount
                .trim_end_matches('%')
                .parse()
                .ok()
                .filter(|p: &f64| (0.0..=100.0).contains(p))
                .with_context(|| {
                    format!("--fault {value}: the error rate is a percentage from 0 to 100")
                })?;
            Ok(Fault::ErrorRate { percent, at })
        }
        "latency" => {
            let ms: u32 = amount.trim_end_matches("ms").parse().with_context(|| {
                format!("--fault {value}: the latency is a number of milliseconds")
            })?;
            Ok(Fault::Latency { ms, at })
        }
        other => bail!("--fault {value}: unknown fault `{other}` (use `error-rate` or `latency`)"),
    }
}

/// `--alarm NAME=METRIC>THRESHOLD[,key=value…]`.
fn alarm_arg(value: &str) -> Result<AlarmDefinition> {
    let usage = || {
        format!(
            "--alarm {value}: write `NAME=error-rate>5` or `NAME=latency>500`, optionally with `,period=60,evaluation-periods=3,datapoints=2,missing=breaching`"
        )
    };
    let (name, rest) = value.split_once('=').with_context(usage)?;
    let mut parts = rest.split(',');
    let (metric, threshold) = parts
        .next()
        .and_then(|p| p.split_once('>'))
        .with_context(usage)?;
    let mut def = AlarmDefinition::default_for(name.trim());
    def.metric = match metric.trim() {
        "error-rate" => Metric::ErrorRate,
        "latency" => Metric::Latency,
        _ => bail!(usage()),
    };
    def.threshold = threshold
        .trim()
        .trim_end_matches('%')
        .trim_end_matches("ms")
        .parse()
        .ok()
        .filter(|t: &f64| t.is_finite() && *t >= 0.0)
        .with_context(usage)?;
    for part in parts {
        let (key, v) = part.split_once('=').with_context(usage)?;
        let number = || {
            v.trim()
                .parse::<u32>()
                .ok()
                .filter(|n| *n >= 1)
                .with_context(usage)
        };
        match key.trim() {
            "period" => def.period_seconds = number()?,
            "evaluation-periods" => def.evaluation_periods = number()?,
            "datapoints" => def.datapoints_to_alarm = number()?,
            "missing" => {
                def.treat_missing_data = match v.trim() {
                    "missing" => MissingData::Missing,
                    "notBreaching" => MissingData::NotBreaching,
                    "breaching" => MissingData::Breaching,
                    "ignore" => MissingData::Ignore,
                    _ => bail!(usage()),
                }
            }
            _ => bail!(usage()),
        }
    }
    if def.datapoints_to_alarm > def.evaluation_periods {
        bail!("--alarm {value}: `datapoints` cannot exceed `evaluation-periods`");
    }
    Ok(def)
}

/// The files the simulation read.
#[derive(Serialize)]
struct Files<'a> {
    config: Option<&'a str>,
    group: Option<String>,
    appspec: Option<String>,
}

/// The JSON contract: the files, then the core's report.
#[derive(Serialize)]
struct JsonReport<'a> {
    files: Files<'a>,
    #[serde(flatten)]
    report: &'a DeploymentReport,
}

/// `1h 02m 05s`, `3m 20s`, `45s`.
fn clock(t: u32) -> String {
    let (h, m, s) = (t / 3600, t / 60 % 60, t % 60);
    if h > 0 {
        format!("{h}h {m:02}m {s:02}s")
    } else if m > 0 {
        format!("{m}m {s:02}s")
    } else {
        format!("{s}s")
    }
}

fn human_report(r: &DeploymentReport) -> String {
    let mut out = String::new();
    let kind = match r.deployment_type {
        DeploymentType::InPlace => "in-place",
        DeploymentType::BlueGreen => "blue/green",
    };
    let fleet = r
        .instances
        .map(|n| format!(" of {n} instance(s)"))
        .unwrap_or_default();
    out.push_str(&format!(
        "{} {kind} deployment{fleet} with {} ({})\n",
        r.platform.title(),
        r.config.config.name,
        r.config.summary
    ));
    if let (Some(min), Some(c)) = (r.config.minimum_healthy, r.config.concurrency) {
        out.push_str(&format!(
            "  minimum healthy: {min} instance(s); at most {c} deployed at once\n"
        ));
    }
    let alarms = if r.group.alarms.is_empty() {
        "none".to_string()
    } else {
        r.group.alarms.join(", ")
    };
    let rollback = if r.group.rollback_events.is_empty() {
        "none".to_string()
    } else {
        r.group
            .rollback_events
            .iter()
            .map(|e| e.id())
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push_str(&format!(
        "  alarms watched: {alarms}; automatic rollback on: {rollback}\n\n"
    ));
    // Instance-by-instance lines only for small fleets; failures always.
    let small = r.targets.len() <= 20;
    for e in &r.events {
        if e.what == What::Instance && !small && e.status != EventStatus::Failed {
            continue;
        }
        let subject = match (e.instance, e.event.as_deref()) {
            (Some(i), Some(ev)) => format!("instance {i} {ev}"),
            (Some(i), None) => format!("instance {i}"),
            (None, Some(ev)) => ev.to_string(),
            (None, None) => format!("{:?}", e.what).to_lowercase(),
        };
        let status = serde_json::to_value(e.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        out.push_str(&format!(
            "{:>10}  {}{:<24} {:<18} {}\n",
            clock(e.t),
            if e.rollback { "↺ " } else { "  " },
            subject,
            status,
            e.message
        ));
    }
    if !small {
        let failed = r
            .events
            .iter()
            .filter(|e| e.what == What::Instance && e.status == EventStatus::Failed)
            .count();
        out.push_str(&format!(
            "{:>10}  ({} instance event(s) not shown, {failed} failure(s) shown; --format json has them all)\n",
            "",
            r.events.iter().filter(|e| e.what == What::Instance).count() - failed
        ));
    }
    if !r.traffic.is_empty() {
        let steps: Vec<String> = r
            .traffic
            .iter()
            .map(|s| format!("{} {}%", clock(s.t), round(s.green_percent)))
            .collect();
        out.push_str(&format!(
            "\nTraffic on the new revision: {}\n",
            steps.join(" → ")
        ));
    }
    out.push_str(&format!("\nOutcome: {}", r.outcome.as_str()));
    if let Some(s) = &r.stopped {
        out.push_str(&format!(" — at {}: {}", clock(s.t), s.message));
    }
    out.push('\n');
    if let Some(rb) = &r.rollback {
        out.push_str(&format!(
            "Rollback ({}): {} from {} to {} — {}\n",
            rb.trigger.id(),
            rb.outcome.as_str(),
            clock(rb.start),
            clock(rb.end),
            rb.message
        ));
    }
    let b = &r.blast_radius;
    out.push_str(&format!(
        "Blast radius: {} request(s) served by the new revision, {} failed; up to {}% of traffic",
        b.requests_new,
        b.failed_requests_new,
        round(b.max_green_percent)
    ));
    if let Some(n) = b.instances_new {
        out.push_str(&format!(", {n} instance(s)"));
    }
    out.push_str(&format!(", exposed for {}", clock(b.exposure_seconds)));
    if let Some(t) = b.recovered_at {
        out.push_str(&format!(", recovered at {}", clock(t)));
    }
    out.push('\n');
    if b.requests_unserved > 0 {
        out.push_str(&format!(
            "  {} request(s) found no instance in service\n",
            b.requests_unserved
        ));
    }
    if !r.notes.is_empty() {
        out.push_str("\nNotes:\n");
        for n in &r.notes {
            out.push_str(&format!("- {n}\n"));
        }
    }
    out
}

/// A percentage for people: `10`, `33.3`.
fn round(p: f64) -> String {
    let r = (p * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}
