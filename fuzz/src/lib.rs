//! What the fuzz targets share: how an input is cut into files and a scenario, the structured
//! scenarios (`arbitrary`) mapped onto the core's scenario types, and the checks every output
//! must pass (spans inside the text and on character boundaries, fixes that fit the text).
//!
//! An input of a target that reads several parts (a file and its scenario, a trust policy and
//! its workflows) is the parts joined by [`SEP`]; the seed script writes seeds that way, and the
//! dictionary holds the separator so that mutations keep or add it.

use arbitrary::{Arbitrary, Unstructured};
use cicd_core::diagnostic::render::{HumanOptions, github, human};
use cicd_core::report::Place;
use cicd_core::{Diagnostic, LineIndex, Span};

/// Separates the parts of an input.
pub const SEP: &[u8] = b"\n\x01--8<--\x01\n";

/// The parts of `data`, cut at each [`SEP`].
pub fn parts(data: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut rest = data;
    while let Some(at) = rest.windows(SEP.len()).position(|w| w == SEP) {
        out.push(&rest[..at]);
        rest = &rest[at + SEP.len()..];
    }
    out.push(rest);
    out
}

/// The first part as text (lossy, as the engine gets it) and the last part as the source of
/// structured values (empty when the input has one part).
pub fn text_and_tail(data: &[u8]) -> (String, &[u8]) {
    let p = parts(data);
    let text = String::from_utf8_lossy(p[0]).into_owned();
    let tail = if p.len() > 1 { p[p.len() - 1] } else { &[] };
    (text, tail)
}

/// Panics unless `span` lies inside `text` on character boundaries.
#[track_caller]
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end() <= text.len(),
        "{what}: span {span:?} outside a {}-byte text",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()),
        "{what}: span {span:?} splits a character"
    );
}

/// Checks a span and places it for an editor, as the engine does.
#[track_caller]
pub fn place(index: &LineIndex, text: &str, span: Span, what: &str) -> Place {
    assert_span(text, span, what);
    Place::of(index, text, span)
}

/// Checks every diagnostic of `text`: spans and labels in the text, fixes that fit it, and the
/// human and GitHub renderers (what the CLI prints).
pub fn check_diagnostics(text: &str, diagnostics: &[Diagnostic]) {
    let index = LineIndex::new(text);
    for d in diagnostics {
        assert_span(text, d.span, d.code);
        let _ = place(&index, text, d.span, d.code);
        for l in &d.labels {
            assert_span(text, l.span, d.code);
        }
        if let Some(fix) = &d.fix {
            assert!(
                fix.apply(text).is_some(),
                "{} fix `{}` does not fit the text",
                d.code,
                fix.title
            );
        }
    }
    let _ = human(diagnostics, text, "fuzz.yml", HumanOptions::default());
    let _ = github(diagnostics, text, "fuzz.yml");
}

/// A string from a small set of meaningful values, or any string.
#[derive(Debug, Arbitrary)]
pub enum Pick {
    /// The `n`th of the known values.
    Known(u8),
    /// Anything.
    Any(String),
}

impl Pick {
    /// The value, choosing among `known`.
    pub fn get(&self, known: &[&str]) -> String {
        match self {
            Pick::Known(n) if !known.is_empty() => known[*n as usize % known.len()].to_string(),
            Pick::Known(_) => String::new(),
            Pick::Any(s) => s.clone(),
        }
    }
}

/// Lifecycle events of every platform, for scenarios that fail one.
pub const EVENTS: &[&str] = &[
    "ApplicationStop",
    "DownloadBundle",
    "BeforeInstall",
    "Install",
    "AfterInstall",
    "ApplicationStart",
    "ValidateService",
    "BeforeBlockTraffic",
    "BlockTraffic",
    "AfterBlockTraffic",
    "BeforeAllowTraffic",
    "AllowTraffic",
    "AfterAllowTraffic",
    "BeforeAllowTestTraffic",
    "AllowTestTraffic",
    "AfterAllowTestTraffic",
    "AllowTestTraffic",
    "Start",
    "End",
    "Rollback",
];

/// A lifecycle scenario (the AppSpec timeline).
#[derive(Debug, Arbitrary)]
pub struct LifecycleScenario {
    deployment: u8,
    test_listener: bool,
    first_deployment: bool,
    fail: Option<Pick>,
}

impl LifecycleScenario {
    /// The core's scenario.
    pub fn scenario(&self) -> cicd_core::appspec::Scenario {
        use cicd_core::appspec::Deployment;
        cicd_core::appspec::Scenario {
            deployment: Deployment::ALL[self.deployment as usize % Deployment::ALL.len()],
            test_listener: self.test_listener,
            first_deployment: self.first_deployment,
            fail: self.fail.as_ref().map(|p| p.get(EVENTS)),
        }
    }
}

/// A deployment fault.
#[derive(Debug, Arbitrary)]
pub enum Fault {
    /// Error rate.
    ErrorRate(f64, u32),
    /// Latency.
    Latency(u32, u32),
    /// A failing hook.
    FailHook(Pick, Option<u32>),
    /// Random instance failures.
    Random(f64),
}

/// An alarm definition.
#[derive(Debug, Arbitrary)]
pub struct Alarm {
    name: Pick,
    latency: bool,
    threshold: f64,
    period_seconds: u32,
    evaluation_periods: u32,
    datapoints_to_alarm: u32,
    missing: u8,
}

/// A deployment scenario (faults, alarms, fleet, manual actions).
#[derive(Debug, Arbitrary)]
pub struct DeploymentScenario {
    platform: Option<u8>,
    blue_green: Option<bool>,
    instances: u32,
    unhealthy_instances: u32,
    load_balancer: Option<bool>,
    test_listener: Option<bool>,
    faults: Vec<Fault>,
    alarms: Vec<Alarm>,
    requests_per_second: f64,
    baseline_error_rate: f64,
    baseline_latency_ms: u32,
    stop_at: Option<u32>,
    continue_at: Option<u32>,
    duration_jitter_percent: u32,
    seed: u64,
    /// Small fleets are where the arithmetic edges are: most inputs keep the count low.
    small_fleet: bool,
}

impl DeploymentScenario {
    /// The core's scenario; `alarm_names` are the alarms the group lists.
    pub fn scenario(&self, alarm_names: &[&str]) -> cicd_core::deployment::Scenario {
        use cicd_core::appspec::Platform;
        use cicd_core::deployment::simulate::{
            AlarmDefinition, DeploymentType, Fault as F, Metric, MissingData,
        };
        let platforms = [Platform::Ec2, Platform::Ecs, Platform::Lambda];
        let missing = [
            MissingData::Missing,
            MissingData::NotBreaching,
            MissingData::Breaching,
            MissingData::Ignore,
        ];
        cicd_core::deployment::Scenario {
            platform: self.platform.map(|p| platforms[p as usize % 3]),
            deployment_type: self.blue_green.map(|b| {
                if b {
                    DeploymentType::BlueGreen
                } else {
                    DeploymentType::InPlace
                }
            }),
            instances: if self.small_fleet {
                self.instances % 40
            } else {
                self.instances
            },
            unhealthy_instances: if self.small_fleet {
                self.unhealthy_instances % 40
            } else {
                self.unhealthy_instances
            },
            load_balancer: self.load_balancer,
            test_listener: self.test_listener,
            faults: self
                .faults
                .iter()
                .map(|f| match f {
                    Fault::ErrorRate(percent, at) => F::ErrorRate {
                        percent: *percent,
                        at: *at,
                    },
                    Fault::Latency(ms, at) => F::Latency { ms: *ms, at: *at },
                    Fault::FailHook(event, instance) => F::FailHook {
                        event: event.get(EVENTS),
                        instance: *instance,
                    },
                    Fault::Random(percent) => F::RandomInstanceFailures { percent: *percent },
                })
                .collect(),
            alarms: self
                .alarms
                .iter()
                .map(|a| AlarmDefinition {
                    name: a.name.get(alarm_names),
                    metric: if a.latency {
                        Metric::Latency
                    } else {
                        Metric::ErrorRate
                    },
                    threshold: a.threshold,
                    period_seconds: a.period_seconds,
                    evaluation_periods: a.evaluation_periods,
                    datapoints_to_alarm: a.datapoints_to_alarm,
                    treat_missing_data: missing[a.missing as usize % 4],
                })
                .collect(),
            requests_per_second: self.requests_per_second,
            baseline_error_rate: self.baseline_error_rate,
            baseline_latency_ms: self.baseline_latency_ms,
            stop_at: self.stop_at,
            continue_at: self.continue_at,
            duration_jitter_percent: self.duration_jitter_percent,
            seed: self.seed,
        }
    }
}

/// A failing action of a pipeline run.
#[derive(Debug, Arbitrary)]
pub struct PipelineTarget {
    stage: Pick,
    action: Pick,
    execution: Option<u8>,
}

/// A pipeline run scenario.
#[derive(Debug, Arbitrary)]
pub struct PipelineScenario {
    seed: u64,
    starts: Vec<u64>,
    failures: Vec<(PipelineTarget, bool)>,
    approvals: Vec<(PipelineTarget, u8, Option<u64>)>,
    approve_after: Option<u64>,
    retry: Option<(bool, u64, u32)>,
    stops: Vec<(u8, u64, bool)>,
    disabled_transitions: Vec<Pick>,
    enable_transitions_at: Option<u64>,
    /// Most inputs keep times short, where executions meet.
    short: bool,
}

impl PipelineScenario {
    /// The core's scenario, naming stages and actions among `stages` and `actions` (the
    /// pipeline's) or anything.
    pub fn scenario(&self, stages: &[&str], actions: &[&str]) -> cicd_core::pipeline::Scenario {
        use cicd_core::pipeline::simulate::{
            Decision, FailureSpec, RetryMode, RetryPlan, StopSpec, Verdict,
        };
        let t = |v: u64| if self.short { v % 4_000 } else { v };
        cicd_core::pipeline::Scenario {
            seed: self.seed,
            starts: self.starts.iter().map(|s| t(*s)).collect(),
            failures: self
                .failures
                .iter()
                .map(|(target, always)| FailureSpec {
                    stage: target.stage.get(stages),
                    action: target.action.get(actions),
                    execution: target.execution.map(u32::from),
                    always: *always,
                })
                .collect(),
            approvals: self
                .approvals
                .iter()
                .map(|(target, verdict, after)| Decision {
                    stage: target.stage.get(stages),
                    action: target.action.get(actions),
                    execution: target.execution.map(u32::from),
                    verdict: [Verdict::Approve, Verdict::Reject, Verdict::Timeout]
                        [*verdict as usize % 3],
                    after: after.map(t),
                })
                .collect(),
            approve_after: self.approve_after.map(t),
            retry: self.retry.map(|(all, after, max)| RetryPlan {
                mode: if all {
                    RetryMode::AllActions
                } else {
                    RetryMode::FailedActions
                },
                after: t(after),
                max,
            }),
            stops: self
                .stops
                .iter()
                .map(|(execution, at, abandon)| StopSpec {
                    execution: u32::from(*execution),
                    at: t(*at),
                    abandon: *abandon,
                })
                .collect(),
            disabled_transitions: self
                .disabled_transitions
                .iter()
                .map(|p| p.get(stages))
                .collect(),
            enable_transitions_at: self.enable_transitions_at.map(t),
        }
    }
}

/// Condition keys worth trying (GitHub and GitLab claims, the principal keys, dates, IPs).
pub const KEYS: &[&str] = &[
    "token.actions.githubusercontent.com:sub",
    "token.actions.githubusercontent.com:aud",
    "token.actions.githubusercontent.com:repository",
    "token.actions.githubusercontent.com:job_workflow_ref",
    "gitlab.com:sub",
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:PrincipalArn",
    "aws:PrincipalAccount",
    "aws:PrincipalOrgID",
    "aws:PrincipalServiceName",
    "aws:CurrentTime",
    "aws:EpochTime",
    "aws:SourceIp",
    "aws:MultiFactorAuthPresent",
    "aws:MultiFactorAuthAge",
    "aws:userid",
    "aws:username",
    "sts:ExternalId",
    "sts:RoleSessionName",
    "sts:TransitiveTagKeys",
    "aws:RequestTag/team",
    "aws:PrincipalTag/team",
    "saml:aud",
    "accounts.google.com:aud",
    "cognito-identity.amazonaws.com:amr",
];

/// Values worth trying against those keys.
pub const VALUES: &[&str] = &[
    "repo:octo-org/octo-repo:ref:refs/heads/main",
    "repo:octo-org/octo-repo:environment:prod",
    "repo:octo-org/octo-repo:pull_request",
    "repo:octo-org/*",
    "repo:octo-org/service-??:ref:refs/heads/main",
    "sts.amazonaws.com",
    "123456789012",
    "arn:aws:iam::123456789012:role/deploy",
    "arn:aws:sts::123456789012:assumed-role/deploy/session",
    "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
    "arn:aws:codebuild:us-east-1:123456789012:project/*",
    "2024-01-01T00:00:00Z",
    "2024-02-29",
    "1700000000",
    "203.0.113.0/24",
    "2001:db8::/32",
    "203.0.113.7",
    "true",
    "false",
    "aGVsbG8=",
    "${aws:username}",
    "*",
    "?",
    "",
];

/// Condition operators, with qualifiers and `IfExists`, and misspellings.
pub const OPERATORS: &[&str] = &[
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
    "NumericEquals",
    "NumericNotEquals",
    "NumericLessThan",
    "NumericLessThanEquals",
    "NumericGreaterThan",
    "NumericGreaterThanEquals",
    "DateEquals",
    "DateNotEquals",
    "DateLessThan",
    "DateLessThanEquals",
    "DateGreaterThan",
    "DateGreaterThanEquals",
    "Bool",
    "BinaryEquals",
    "IpAddress",
    "NotIpAddress",
    "ArnEquals",
    "ArnLike",
    "ArnNotEquals",
    "ArnNotLike",
    "Null",
    "ForAnyValue:StringLike",
    "ForAllValues:StringEquals",
    "ForAnyValue:StringEqualsIfExists",
    "StringLikeIfExists",
    "ArnLikeIfExists",
    "NullIfExists",
    "stringequals",
    "ForAllValues:Null",
];

/// A request context entry.
#[derive(Debug, Arbitrary)]
pub struct Entry {
    /// The key.
    pub key: Pick,
    /// Its values.
    pub values: Vec<Pick>,
}

/// Builds a request context from entries.
pub fn context(entries: &[Entry]) -> cicd_core::trust_policy::Context {
    let mut context = cicd_core::trust_policy::Context::new();
    for e in entries {
        context.set(
            e.key.get(KEYS),
            e.values.iter().map(|v| v.get(VALUES)).collect(),
        );
    }
    context
}

/// A GitHub Actions run.
#[derive(Debug, Arbitrary)]
pub struct Run {
    repository: Pick,
    owner_id: Option<String>,
    repo_id: Option<String>,
    event: Option<Pick>,
    git_ref: Option<Pick>,
    environment: Option<Pick>,
    default_branch: Option<String>,
    audience: Option<Pick>,
    sub_claim_keys: Option<Vec<Pick>>,
    actor: Option<String>,
    workflow_file: Option<String>,
}

const REPOSITORIES: &[&str] = &[
    "octo-org/octo-repo",
    "octo-org/service-ab",
    "octo-org/octo-repo-evil",
    "other/octo-repo",
    "a/b",
];
const EVENTS_GH: &[&str] = &[
    "push",
    "pull_request",
    "pull_request_target",
    "workflow_dispatch",
    "release",
    "schedule",
];
const REFS: &[&str] = &[
    "main",
    "refs/heads/main",
    "refs/tags/v1",
    "refs/pull/1/merge",
    "dev",
];
const CLAIMS: &[&str] = &[
    "repo",
    "context",
    "job_workflow_ref",
    "repository_owner_id",
    "repository_id",
    "actor",
    "environment",
    "ref",
];

impl Run {
    /// The core's run, when the repository is `OWNER/REPO`.
    pub fn run(&self) -> Option<cicd_core::trust_policy::github::Run> {
        let mut run = cicd_core::trust_policy::github::Run::for_repository(
            &self.repository.get(REPOSITORIES),
        )?;
        run.owner_id = self.owner_id.clone();
        run.repo_id = self.repo_id.clone();
        run.event = self.event.as_ref().map(|p| p.get(EVENTS_GH));
        run.git_ref = self.git_ref.as_ref().map(|p| p.get(REFS));
        run.environment = self
            .environment
            .as_ref()
            .map(|p| p.get(&["prod", "staging"]));
        run.default_branch = self.default_branch.clone();
        run.audience = self
            .audience
            .as_ref()
            .map(|p| p.get(&["sts.amazonaws.com"]));
        run.sub_claim_keys = self
            .sub_claim_keys
            .as_ref()
            .map(|k| k.iter().map(|p| p.get(CLAIMS)).collect());
        run.actor = self.actor.clone();
        run.workflow_file = self.workflow_file.clone();
        Some(run)
    }
}

/// Who calls.
#[derive(Debug, Arbitrary)]
pub struct Caller {
    /// `aws:…`, `service:…`, `federated:…`, or anything (what `Caller::parse` reads).
    pub spec: Pick,
}

/// Principals worth trying.
pub const CALLERS: &[&str] = &[
    "aws:123456789012",
    "aws:arn:aws:iam::123456789012:root",
    "aws:arn:aws:iam::123456789012:role/deploy",
    "aws:arn:aws:sts::123456789012:assumed-role/deploy/s",
    "service:codebuild.amazonaws.com",
    "service:codepipeline.amazonaws.com",
    "federated:arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
    "federated:arn:aws:iam::123456789012:oidc-provider/gitlab.com",
    "federated:cognito-identity.amazonaws.com",
    "canonical:abc",
    "arn:aws:iam::123456789012:user/x",
    "*",
];

/// Structured values from the tail of an input.
pub fn arbitrary<'a, T: Arbitrary<'a>>(tail: &'a [u8]) -> Option<T> {
    T::arbitrary_take_rest(Unstructured::new(tail)).ok()
}

/// `analyze` of one kind on raw bytes (as the CLI reads files): every diagnostic checked, the
/// file's kind detected from its content, and the analysis of the text repeated to the same
/// result (checking is deterministic).
pub fn analyze_kind(kind: cicd_core::Kind, data: &[u8]) {
    let options = cicd_core::Options::default();
    let Ok((text, analysis)) = cicd_core::analyze_bytes(kind, data, &options) else {
        return;
    };
    check_diagnostics(&text, &analysis.diagnostics);
    let _ = cicd_core::Kind::detect(None, &text);
    let again = cicd_core::check(kind, &text, &options).expect("the kind is checked");
    if text.as_bytes() == data {
        assert_eq!(again, analysis.diagnostics, "a second check differs");
    }
}

/// Reads `data` as YAML or JSON (as every kind does first) and checks the tree and the syntax
/// diagnostics: every node, key and issue inside the text. The walk is iterative, so a deep
/// tree does not overflow the fuzzer's stack.
pub fn read_source(format: cicd_core::source::Format, data: &[u8]) {
    use cicd_core::source::{self, Limits, Value};
    let limits = Limits::default();
    let (text, diagnostics) = cicd_core::check_syntax(format, data, &limits);
    check_diagnostics(&text, &diagnostics);
    let doc = match format {
        source::Format::Yaml => source::parse_yaml(&text, &limits),
        source::Format::Json => source::parse_json(&text, &limits),
    };
    for issue in &doc.issues {
        assert_span(&text, issue.span, &issue.message);
    }
    let mut stack = vec![&doc.root];
    while let Some(node) = stack.pop() {
        assert_span(&text, node.span, "node");
        match &node.value {
            Value::Map(map) => {
                for pair in &map.entries {
                    stack.push(&pair.key);
                    stack.push(&pair.value);
                }
            }
            Value::Seq(seq) => stack.extend(seq.items.iter()),
            Value::Scalar(_) | Value::Invalid => {}
        }
    }
}

/// Parses the first part of `data` as YAML, edits it as the second part says (two bytes of
/// position, one of bytes removed, then the text inserted), and checks that `reparse_yaml` and
/// `reparse_yaml_in_place` either refuse (leaving the document as it was) or give the full
/// parse's document of the edited text.
pub fn reparse(data: &[u8]) {
    use cicd_core::source::{self, Limits};
    let p = parts(data);
    let (Some(old), Some(edit)) = (p.first(), p.get(1)) else {
        return;
    };
    let (Some(&hi), Some(&lo), Some(&cut)) = (edit.first(), edit.get(1), edit.get(2)) else {
        return;
    };
    let old = String::from_utf8_lossy(old).into_owned();
    let insert = String::from_utf8_lossy(edit.get(3..).unwrap_or_default());
    let at = source::clamp_to_char_boundary(
        &old,
        usize::from(u16::from_be_bytes([hi, lo])) % (old.len() + 1),
    );
    let to =
        source::clamp_to_char_boundary(&old, (at + usize::from(cut % 8)).min(old.len())).max(at);
    let mut new = old.clone();
    new.replace_range(at..to, &insert);
    let limits = Limits::default();
    let doc = source::parse_yaml(&old, &limits);
    let copy = source::reparse_yaml(&old, &doc, &new, &limits);
    let mut in_place = doc.clone();
    let changed = source::reparse_yaml_in_place(&old, &mut in_place, &new, &limits);
    assert_eq!(changed, copy.is_some(), "copy and in place disagree");
    match copy {
        None => assert_eq!(
            in_place.root, doc.root,
            "a refused edit changed the document"
        ),
        Some(copy) => {
            let full = source::parse_yaml(&new, &limits);
            assert_eq!(copy.root, full.root, "reparsed tree");
            assert_eq!(copy.issues, full.issues, "reparsed issues");
            assert_eq!(in_place.root, full.root, "tree reparsed in place");
        }
    }
}

/// Panics unless `workspace` is what `normalize` promises: ids unique and non-zero, names unique
/// and not blank, the selection in range, at most `MAX_FILES` files.
pub fn assert_normal(workspace: &cicd_share::Workspace) {
    use std::collections::HashSet;
    assert!(
        workspace.files.len() <= cicd_share::MAX_FILES,
        "too many files"
    );
    let ids: HashSet<u32> = workspace.files.iter().map(|f| f.id).collect();
    assert_eq!(ids.len(), workspace.files.len(), "file ids repeat");
    assert!(!ids.contains(&0), "a file id is 0");
    let names: HashSet<&str> = workspace.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names.len(), workspace.files.len(), "file names repeat");
    assert!(
        workspace.files.iter().all(|f| !f.name.trim().is_empty()),
        "a blank name"
    );
    assert!(
        workspace.files.is_empty() || workspace.selected < workspace.files.len(),
        "selection out of range"
    );
}
