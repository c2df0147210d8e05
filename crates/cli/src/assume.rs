//! `cicd assume`: evaluates a trust policy for one caller ("may this principal assume the
//! role?"), optionally computing the caller's token from a GitHub Actions run; with
//! `--workflow`, for every run of every job of the workflows that assumes a role through OIDC
//! ("can this workflow assume that role — and who else can?", see `workflow.rs`).
//!
//! Exit status: 0 when the policy allows the request, 1 when it denies it, 2 for usage and I/O
//! problems (including a policy that is not readable JSON).
//!
//! `--format json` prints one object (a public contract, see the README):
//! `file`, `decision` (`"allow"`/`"deny"`), `detail` (`"allow"`, `"explicit-deny"`,
//! `"implicit-deny"`), `reason`, `principal`, `action`, `context` (key → list of values),
//! `github` (only with `--github-*`: `sub` and `claims`), `deciding_statement` (1-based, or
//! null), `statements` (one trace per statement: `number`, `sid`, `effect`, `outcome`,
//! `explanation`, position, and for `condition-failed` a `condition` object with `operator`,
//! `key`, `expected`, `actual` (null when the key is absent), `why` and position), and
//! `policy_errors` (how many errors `cicd check` reports on the policy: with any, IAM would
//! reject it, and the answer is hypothetical), and for an allowed request that gets in only
//! through findings, `caveats` (`code`, `message` and the finding's position; left out when
//! there is none).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use cicd_core::report::LineCol;
use cicd_core::trust_policy::github::Run;
use cicd_core::trust_policy::report::{AssumeReport, assume_report};
use cicd_core::trust_policy::{self as policy, Caller};
use cicd_core::{Kind, LineIndex, Model, Options, Severity};
use clap::ValueEnum;
use serde::Serialize;

/// Arguments of `cicd assume`.
#[derive(clap::Args, Debug)]
pub(crate) struct AssumeArgs {
    /// The trust policy (JSON); `-` reads standard input.
    #[arg(
        required_unless_present = "policy_file",
        conflicts_with = "policy_file"
    )]
    pub(crate) policy: Option<PathBuf>,
    /// The trust policy, as an option (the same as the positional POLICY).
    #[arg(long = "policy", value_name = "FILE")]
    pub(crate) policy_file: Option<PathBuf>,
    /// A GitHub Actions workflow whose jobs assume the role: prints the admission table (every
    /// run of every job that assumes a role through OIDC, and what the policy answers) and the
    /// callers the policy admits that no job needs. Repeat for several workflows.
    #[arg(long = "workflow", value_name = "FILE")]
    pub(crate) workflows: Vec<PathBuf>,
    /// With `--workflow`: the repository's default branch (default `main`).
    #[arg(long, value_name = "BRANCH", requires = "workflows")]
    pub(crate) default_branch: Option<String>,
    /// Who calls: `aws:ARN` (or an account ID), `service:NAME` or `federated:ARN`. With
    /// `--github-repo` it defaults to the policy's GitHub OIDC provider.
    #[arg(long)]
    pub(crate) principal: Option<String>,
    /// The action (default: the one the principal calls, e.g. `sts:AssumeRoleWithWebIdentity`
    /// for an OIDC provider, `sts:AssumeRole` for AWS principals and services).
    #[arg(long)]
    pub(crate) action: Option<String>,
    /// A request context key and value (`aws:SourceAccount=123456789012`); repeat a key for
    /// several values. Overrides the keys computed from `--github-*`.
    #[arg(long = "context", value_name = "KEY=VALUE")]
    pub(crate) context: Vec<String>,
    /// The GitHub repository whose workflow asks (`OWNER/REPO`); computes the OIDC token.
    #[arg(long, value_name = "OWNER/REPO")]
    pub(crate) github_repo: Option<String>,
    /// The run's Git ref (`refs/heads/main`, `refs/tags/v1`; a bare name is a branch).
    #[arg(long, value_name = "REF")]
    pub(crate) github_ref: Option<String>,
    /// The environment the job references.
    #[arg(long, value_name = "ENV")]
    pub(crate) github_environment: Option<String>,
    /// The triggering event (default `push`).
    #[arg(long, value_name = "EVENT")]
    pub(crate) github_event: Option<String>,
    /// The audience the workflow requests (default `sts.amazonaws.com`).
    #[arg(long, value_name = "AUD")]
    pub(crate) github_audience: Option<String>,
    /// The owner's numeric ID (with `--github-repo-id`: the immutable `sub` form).
    #[arg(long, value_name = "ID")]
    pub(crate) github_owner_id: Option<String>,
    /// The repository's numeric ID.
    #[arg(long, value_name = "ID")]
    pub(crate) github_repo_id: Option<String>,
    /// A custom `sub` template: claim keys separated by commas (`repo,context,job_workflow_ref`).
    #[arg(long, value_name = "KEYS")]
    pub(crate) github_sub_claims: Option<String>,
    /// The workflow file (`deploy.yml`), for `job_workflow_ref`.
    #[arg(long, value_name = "FILE")]
    pub(crate) github_workflow: Option<String>,
    /// The name for standard input in messages.
    #[arg(long, value_name = "NAME")]
    pub(crate) stdin_filename: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AssumeFormat::Human)]
    pub(crate) format: AssumeFormat,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum AssumeFormat {
    /// A verdict, the reason and a line per statement.
    Human,
    /// One JSON object (a documented contract).
    Json,
}

/// The JSON contract: the file's name, then the core's report with lines and columns.
#[derive(Serialize)]
struct JsonAnswer<'a> {
    file: &'a str,
    #[serde(flatten)]
    report: &'a AssumeReport<LineCol>,
}

fn github_run(args: &AssumeArgs) -> Result<Option<Run>> {
    let any = args.github_ref.is_some()
        || args.github_environment.is_some()
        || args.github_event.is_some()
        || args.github_audience.is_some()
        || args.github_owner_id.is_some()
        || args.github_repo_id.is_some()
        || args.github_sub_claims.is_some()
        || args.github_workflow.is_some();
    let Some(repo) = &args.github_repo else {
        if any {
            bail!("the --github-* options need --github-repo OWNER/REPO");
        }
        return Ok(None);
    };
    let mut run = Run::for_repository(repo)
        .with_context(|| format!("--github-repo `{repo}` is not OWNER/REPO"))?;
    run.git_ref = args.github_ref.clone();
    run.environment = args.github_environment.clone();
    run.event = args.github_event.clone();
    run.audience = args.github_audience.clone();
    run.owner_id = args.github_owner_id.clone();
    run.repo_id = args.github_repo_id.clone();
    run.workflow_file = args.github_workflow.clone();
    run.sub_claim_keys = args.github_sub_claims.as_ref().map(|k| {
        k.split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    });
    Ok(Some(run))
}

pub(crate) fn assume(args: &AssumeArgs) -> Result<ExitCode> {
    let Some(policy) = args.policy.as_ref().or(args.policy_file.as_ref()) else {
        bail!("the trust policy is required: `cicd assume POLICY` or `--policy FILE`");
    };
    if !args.workflows.is_empty() {
        return crate::workflow::assume(args, policy);
    }
    let (name, bytes) = crate::read_input(policy, args.stdin_filename.as_deref())?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let analysis = cicd_core::analyze(Kind::TrustPolicy, &text, &Options::default())?;
    let Model::TrustPolicy(trust) = &analysis.model else {
        bail!("`{name}` was not read as a trust policy");
    };
    let index = LineIndex::new(&text);
    if !analysis.readable() {
        let first = analysis
            .diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
            .map(|d| {
                let p = index.position(&text, d.span.start());
                format!("{}:{}:{}: {}", name, p.line, p.column, d.message)
            })
            .unwrap_or_default();
        bail!(
            "cannot evaluate `{name}`: it is not readable JSON ({first}); run `cicd check {name}`"
        );
    }
    let run = github_run(args)?;
    let caller = match (&args.principal, &run) {
        (Some(p), _) => Caller::parse(p).map_err(anyhow::Error::msg)?,
        (None, Some(_)) => Caller::Federated(policy::assume::github_provider(trust)),
        (None, None) => bail!(
            "--principal is required (aws:ARN, service:NAME or federated:ARN), or --github-repo OWNER/REPO"
        ),
    };
    let given = policy::assume::parse_context(args.context.iter().map(String::as_str))
        .map_err(|e| anyhow::anyhow!("--context {e}"))?;
    let request = policy::assume::request(caller, args.action.as_deref(), run.as_ref(), &given);
    let index = LineIndex::new(&text);
    let report = assume_report(trust, &request, run.as_ref(), &analysis.diagnostics)
        .map(|span| LineCol::of(&index, &text, span));
    let policy_errors = report.policy_errors;
    let out = match args.format {
        AssumeFormat::Json => {
            let answer = JsonAnswer {
                file: &name,
                report: &report,
            };
            serde_json::to_string_pretty(&answer)? + "\n"
        }
        AssumeFormat::Human => {
            let mut s = String::new();
            s.push_str(&format!("{}: {}\n", report.detail.title(), report.reason));
            // An allowed answer that rests on a finding says so before anything else.
            for c in &report.caveats {
                s.push_str(&format!(
                    "  allowed — but only through {}: {}\n    --> {name}:{}:{}\n",
                    c.code, c.message, c.at.line, c.at.column
                ));
            }
            s.push_str(&format!("  principal: {}\n", report.principal));
            s.push_str(&format!("  action:    {}\n", report.action));
            if let Some(github) = &report.github {
                s.push_str(&format!("  token sub: {}\n", github.sub));
            }
            for e in request.context.entries() {
                s.push_str(&format!(
                    "  context:   {} = {}\n",
                    e.key,
                    e.values.join(", ")
                ));
            }
            for st in &report.statements {
                let at = st.focus.unwrap_or(st.at);
                s.push_str(&format!(
                    "- {}\n  --> {name}:{}:{}\n",
                    st.explanation, at.line, at.column
                ));
            }
            if policy_errors > 0 {
                s.push_str(&format!(
                    "note: `cicd check` reports {policy_errors} error(s) in this policy; IAM would reject it as written\n"
                ));
            }
            s
        }
    };
    crate::stdout::print(&out)?;
    Ok(if report.allowed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
