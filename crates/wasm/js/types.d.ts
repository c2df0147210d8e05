// The package's functions and the types of their arguments and results. wasm-bindgen copies this
// file into the declarations it generates (`typescript_custom_section` in
// crates/wasm/src/bindings.rs, whose functions are `skip_typescript`: wasm-bindgen would type
// their objects `any` and could not mark an argument optional). Field names are those of the
// CLI's JSON contracts (snake_case), so that `cicd … --format json` and this package describe a
// finding or a report alike.

/** The findings of `text` read as a file of `kind`, sorted by position. Throws for an unknown kind. */
export function check(kind: KindId, text: string, options?: CheckOptions): Diagnostic[];

/**
 * Checks the files of a workspace together: each file's kind is the one given or detected from
 * its name, then its content; a GitHub Actions workflow and the trust policy of the role it
 * assumes get the findings that need both (with a label in the other file).
 */
export function analyze(files: FileInput[], options?: CheckOptions): AnalyzedFile[];

/** The kind a file is, from its name, then its content; `null` when neither tells. */
export function detectKind(text: string, fileName?: string | null): KindId | null;

/** Every kind of file, in the order the playground lists them. */
export function kinds(): KindInfo[];

/** Every rule (of one kind), in code order: `cicd rules --format json`. */
export function rules(kind?: KindId): RuleInfo[];

/** The rule with this code (any case) or name and its documentation page; `null` when none. */
export function explain(codeOrName: string): RulePage | null;

/**
 * May this caller assume the role whose trust policy is `policy`, and why (not)? `cicd assume
 * --format json`'s answer, with editor places. Without a request: the caller the policy trusts.
 * Throws when the policy is not readable JSON or the request is malformed.
 */
export function assume(policy: string, request?: AssumeRequest): AssumeReport;

/** The lifecycle events of a CodeDeploy deployment of the AppSpec, in order (`cicd simulate lifecycle`). */
export function simulateLifecycle(appspec: string, scenario?: LifecycleScenario): LifecycleReport;

/** Runs of a CodePipeline pipeline (`cicd simulate pipeline`). */
export function simulatePipeline(text: string, scenario?: PipelineScenario, options?: PipelineOptions): PipelineReport;

/**
 * A CodeDeploy deployment over time (`cicd simulate deployment`). Throws when the group or the
 * configuration has errors (`check` lists them) or names no configuration that exists.
 */
export function simulateDeployment(files: DeploymentFiles, scenario?: DeploymentScenario): DeploymentReport;

/** A kind of file the checker knows (`cicd check --kind`). */
export type KindId =
  | "buildspec"
  | "appspec"
  | "trust-policy"
  | "pipeline"
  | "workflow"
  | "deployment-group"
  | "deployment-config"
  | "task-definition"
  | "image-definitions";

export type Severity = "error" | "warning" | "info";

/**
 * A range of the text. `line`/`column` are for people: 1-based, columns counted in characters
 * (as `cicd check --format json`), the end exclusive. `from16`/`to16` are for editors: 0-based
 * offsets in UTF-16 code units, what JavaScript strings and browser editors count
 * (`text.slice(from16, to16)` is the range's text; CodeMirror's `from`/`to`; Monaco's and VS
 * Code's `positionAt(offset)`).
 */
export interface Range {
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  from16: number;
  to16: number;
}

/** One finding: `cicd check --format json`'s fields (without `file`), plus UTF-16 offsets. */
export interface Diagnostic extends Range {
  /** The rule's stable code (`BS021`). */
  code: string;
  /** The rule's name (`missing-phase-commands`). */
  name: string;
  severity: Severity;
  /** What is wrong (`inline code` in backticks). */
  message: string;
  /** What to do, when the rule says. */
  help: string | null;
  /** The rule's documentation page. */
  url: string;
  /** Related places ("first defined here"). */
  labels: Label[];
  /** A certain correction, when there is one. */
  fix: Fix | null;
}

/** A related place of a diagnostic. */
export interface Label extends Range {
  /** `null`: the diagnostic's own file; else the name of another file given to `analyze`. */
  file: string | null;
  message: string;
}

/** A fix: one replacement covering all of it (apply it as one change), and its separate edits. */
export interface Fix {
  title: string;
  replacement: string;
  from16: number;
  to16: number;
  edits: Edit[];
}

export interface Edit {
  replacement: string;
  from16: number;
  to16: number;
}

export interface CheckOptions {
  /** The CodeBuild image buildspecs run on (`aws/codebuild/standard:7.0`): `runtime-versions` are checked against it. */
  image?: string | null;
}

/** A file of a workspace given to `analyze`. */
export interface FileInput {
  /** Its name or path (`buildspec.yml`, `.github/workflows/deploy.yml`): tells its kind. */
  name: string;
  text: string;
  /** Its kind; detected from the name, then the content, when absent. */
  kind?: KindId | null;
}

/** What `analyze` found in one file. */
export interface AnalyzedFile {
  name: string;
  /** The kind it was checked as; `null` when neither name nor content tells (not checked). */
  kind: KindId | null;
  /** Its findings, with those relating it to other files, sorted by position. */
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
}

export interface KindInfo {
  id: KindId;
  title: string;
  code_prefix: string;
  checked: boolean;
}

/** A rule: `cicd rules --format json`'s fields. */
export interface RuleInfo {
  code: string;
  name: string;
  severity: Severity;
  /** `null` for the `SRC` rules every kind shares. */
  kind: KindId | null;
  summary: string;
  url: string;
}

/** A rule and its documentation page (markdown), as `cicd explain` prints it. */
export interface RulePage extends RuleInfo {
  markdown: string;
}

/** A place in a report: the start's line and character column, and UTF-16 offsets. */
export interface Place {
  line: number;
  column: number;
  from16: number;
  to16: number;
}

// ----- assume --------------------------------------------------------------------------------

/** A GitHub Actions run asking for the role through OIDC (its token's claims are computed). */
export interface GithubRun {
  /** `OWNER/REPO`. */
  repo: string;
  /** `refs/heads/main`, `refs/tags/v1`; a bare name is a branch. Default: the ref the event runs on. */
  ref?: string | null;
  environment?: string | null;
  /** Default `push`. */
  event?: string | null;
  /** Default `sts.amazonaws.com`. */
  audience?: string | null;
  owner_id?: string | null;
  repo_id?: string | null;
  /** A custom `sub` template: claim keys in order (`["repo", "context"]`). */
  sub_claims?: string[] | null;
  /** The workflow file (`deploy.yml`), for `job_workflow_ref`. */
  workflow?: string | null;
  default_branch?: string | null;
  actor?: string | null;
}

/**
 * Who asks to assume the role. Everything is optional: `{}` asks for the caller the policy
 * trusts (what the playground's "Assume role?" form starts with).
 */
export interface AssumeRequest {
  /** `aws:ARN` (or an account ID), `service:NAME` or `federated:ARN`; with `github`, the policy's GitHub provider by default. */
  principal?: string | null;
  /** Default: the principal's own (`sts:AssumeRoleWithWebIdentity` for OIDC, `sts:AssumeRole` otherwise). */
  action?: string | null;
  /** Request context keys; they override the keys computed from `github`. */
  context?: Record<string, string | string[]>;
  github?: GithubRun | null;
}

/** `cicd assume --format json`'s answer, with editor places. */
export interface AssumeReport {
  decision: "allow" | "deny";
  detail: "allow" | "explicit-deny" | "implicit-deny";
  reason: string;
  principal: string;
  action: string;
  context: Record<string, string[]>;
  /** Present when the caller is a GitHub Actions run. */
  github?: { sub: string; claims: Record<string, string> };
  /** 1-based number of the deciding statement. */
  deciding_statement: number | null;
  statements: StatementReport[];
  /** Errors `check` finds in the policy (IAM would reject it as written). */
  policy_errors: number;
  /** For an allowed request: the findings it got in through (absent when none). */
  caveats?: Caveat[];
}

export interface StatementReport extends Place {
  number: number;
  sid: string | null;
  effect: string | null;
  outcome: "applies" | "skipped" | "principal-mismatch" | "action-mismatch" | "condition-failed";
  explanation: string;
  /** Present for `condition-failed`. */
  condition?: ConditionReport;
}

export interface ConditionReport extends Place {
  operator: string;
  key: string;
  expected: string[];
  /** `null` when the request has no such key. */
  actual: string[] | null;
  why: string;
}

export interface Caveat extends Place {
  code: string;
  message: string;
}

// ----- simulateLifecycle ---------------------------------------------------------------------

export type Platform = "ec2" | "ecs" | "lambda";

export interface LifecycleScenario {
  /** EC2/on-premises (ECS and Lambda are always blue/green). Default `in-place`. */
  deployment?: "in-place" | "in-place-lb" | "blue-green";
  /** ECS: the deployment group has a test listener. */
  test_listener?: boolean;
  /** No revision was ever deployed successfully to the instances. */
  first_deployment?: boolean;
  /** The lifecycle event that fails (`AfterInstall`). */
  fail?: string | null;
}

/** `cicd simulate lifecycle --format json`'s report (without `file`), with editor places. */
export interface LifecycleReport {
  platform: Platform;
  deployment: "in-place" | "in-place-lb" | "blue-green";
  first_deployment: boolean;
  test_listener: boolean;
  events: LifecycleEvent[];
  failure: {
    index: number;
    event: string;
    at: number;
    message: string;
    rollback_possible: boolean;
  } | null;
  rollback: LifecycleEvent[];
  notes: string[];
  duration: number;
  appspec_errors: number;
}

export interface LifecycleEvent {
  index: number;
  name: string;
  kind: "start" | "end" | "reserved" | "hook" | "rollback";
  fleet: "instances" | "replacement-instances" | "original-instances" | "ecs-service" | "lambda-alias";
  revision: "target" | "last-successful" | "most-recent" | "none";
  status: "runs" | "skipped" | "failed" | "not-reached";
  reason: string | null;
  description: string;
  scripts: { location: string; timeout: number; runas: string | null; line: Place }[];
  function: string | null;
  /** The hook in the file. */
  line: Place | null;
  start: number;
  duration: number;
}

// ----- simulatePipeline ----------------------------------------------------------------------

export interface PipelineScenario {
  /** Seed of the durations. */
  seed?: number;
  /** When executions start, in seconds. Default: one at 0. */
  starts?: number[];
  failures?: { stage: string; action: string; execution?: number | null; always?: boolean }[];
  approvals?: {
    stage: string;
    action: string;
    execution?: number | null;
    verdict?: "approve" | "reject" | "timeout";
    after?: number | null;
  }[];
  /** Seconds after which an approval not listed is approved; `null`: nobody answers. */
  approve_after?: number | null;
  retry?: { mode?: "FAILED_ACTIONS" | "ALL_ACTIONS"; after?: number; max?: number } | null;
  stops?: { execution: number; at: number; abandon?: boolean }[];
  disabled_transitions?: string[];
  enable_transitions_at?: number | null;
}

export interface PipelineOptions {
  /** The pipeline to run (name or template resource name); the file's first by default. */
  pipeline?: string | null;
}

export type PipelineStatus =
  | "InProgress" | "Succeeded" | "Failed" | "Waiting" | "Superseded" | "Stopped" | "Cancelled" | "Abandoned";

export interface ActionKey {
  stage: number;
  action: number;
}

export interface PipelineEvent {
  t: number;
  execution: number;
  stage: string;
  stage_index: number;
  action: string | null;
  action_index: number | null;
  status: PipelineStatus;
  attempt: number;
  note: string | null;
}

/** `cicd simulate pipeline --format json`'s report, with editor places. */
export interface PipelineReport {
  pipeline: string;
  mode: "SUPERSEDED" | "QUEUED" | "PARALLEL";
  pipeline_type: string;
  view: {
    stages: {
      index: number;
      name: string;
      place: Place;
      inbound_disabled: string | null;
      on_failure: string | null;
      groups: {
        run_order: number;
        actions: {
          index: number;
          name: string;
          category: string;
          owner: string;
          provider: string;
          place: Place;
          inputs: string[];
          outputs: string[];
          approval: { message: string | null; url: string | null; topic: string | null; timeout: number } | null;
        }[];
      }[];
    }[];
    artifacts: { artifact: string; from: ActionKey; to: ActionKey }[];
  };
  executions: {
    id: number;
    kind: "standard" | "rollback";
    rollback_of: number | null;
    start: number;
    end: number | null;
    outcome: "Succeeded" | "Failed" | "Superseded" | "Stopped" | "Cancelled" | "InProgress";
    reason: string | null;
    events: PipelineEvent[];
  }[];
  events: PipelineEvent[];
  tracks: {
    execution: number;
    action: ActionKey;
    segments: { from: number; to: number | null; status: PipelineStatus }[];
  }[];
  duration: number;
  notes: string[];
}

// ----- simulateDeployment --------------------------------------------------------------------

/** The files a simulated deployment reads, as texts (`cicd simulate deployment`'s options). */
export interface DeploymentFiles {
  /** A deployment group (API JSON or CloudFormation). */
  group?: string | null;
  /** A predefined configuration's name (`CodeDeployDefault.OneAtATime`, `OneAtATime`) or a deployment configuration's text. */
  config?: string | null;
  /** An AppSpec whose lifecycle events and hooks the deployment runs. */
  appspec?: string | null;
  /**
   * Other deployment configurations' texts (a repository's other files): a group that names a
   * custom configuration runs with the one of that name they define.
   */
  configs?: string[];
}

export type Fault =
  | { kind: "error-rate"; percent: number; at?: number }
  | { kind: "latency"; ms: number; at?: number }
  | { kind: "fail-hook"; event: string; instance?: number | null }
  | { kind: "random-instance-failures"; percent: number };

export interface AlarmDefinition {
  name: string;
  metric: "error-rate" | "latency";
  threshold: number;
  period_seconds: number;
  evaluation_periods: number;
  datapoints_to_alarm: number;
  treat_missing_data: "missing" | "notBreaching" | "breaching" | "ignore";
}

/** What happens in the simulated deployment; every field has a default. */
export interface DeploymentScenario {
  platform?: Platform | null;
  deployment_type?: "in-place" | "blue-green" | null;
  /** EC2/on-premises instances (default 10). */
  instances?: number;
  unhealthy_instances?: number;
  load_balancer?: boolean | null;
  test_listener?: boolean | null;
  faults?: Fault[];
  alarms?: Partial<AlarmDefinition>[];
  requests_per_second?: number;
  baseline_error_rate?: number;
  baseline_latency_ms?: number;
  stop_at?: number | null;
  continue_at?: number | null;
  duration_jitter_percent?: number;
  seed?: number;
}

export type MinimumHealthyHosts =
  | { type: "HOST_COUNT"; value: number }
  | { type: "FLEET_PERCENT"; value: number }
  | { type: "MOST_CONCURRENCY" };

export type TrafficRouting =
  | { type: "all-at-once" }
  | { type: "canary"; percentage: number; interval_minutes: number }
  | { type: "linear"; percentage: number; interval_minutes: number };

export type AlarmState = "INSUFFICIENT_DATA" | "OK" | "ALARM";
export type DeploymentOutcome = "Succeeded" | "Failed" | "Stopped" | "RolledBack";
export type RollbackEvent = "DEPLOYMENT_FAILURE" | "DEPLOYMENT_STOP_ON_ALARM" | "DEPLOYMENT_STOP_ON_REQUEST";

export interface TimelinePoint {
  t: number;
  green_percent: number;
  healthy: number | null;
  offline: number | null;
  alarm: AlarmState;
}

/** `cicd simulate deployment --format json`'s report (without `files`). */
export interface DeploymentReport {
  outcome: DeploymentOutcome;
  platform: Platform;
  type: "in-place" | "blue-green";
  config: {
    name: string;
    platform: Platform;
    predefined: boolean;
    minimum_healthy_hosts: MinimumHealthyHosts | null;
    traffic_routing: TrafficRouting | null;
    zonal: {
      first_zone_monitor_seconds: number | null;
      monitor_seconds: number | null;
      minimum_healthy_hosts_per_zone: MinimumHealthyHosts | null;
    } | null;
    summary: string;
    minimum_healthy: number | null;
    concurrency: number | null;
  };
  group: { alarms: string[]; rollback_events: RollbackEvent[]; load_balancer: boolean; test_listener: boolean };
  instances: number | null;
  seed: number;
  duration: number;
  timeline: TimelinePoint[];
  events: {
    t: number;
    what: "deployment" | "instance" | "lifecycle-event" | "traffic" | "alarm" | "wait" | "fleet" | "rollback";
    instance?: number;
    event?: string;
    status:
      | "InProgress" | "Succeeded" | "Failed" | "Stopped" | "Skipped" | "Ready" | "Waiting"
      | "OK" | "ALARM" | "INSUFFICIENT_DATA";
    message: string;
    rollback: boolean;
  }[];
  traffic: { t: number; green_percent: number; rollback: boolean }[];
  targets: {
    id: number;
    kind:
      | "instance" | "original-instance" | "replacement-instance" | "original-task-set"
      | "replacement-task-set" | "current-version" | "target-version";
    number: number;
    label: string | null;
    duration_scale: number;
    changes: {
      t: number;
      state:
        | "pending" | "in-progress" | "ready" | "succeeded" | "failed" | "skipped" | "unknown"
        | "deregistered" | "terminated";
      revision: "old" | "new" | "none";
      serving: boolean;
      weight?: number;
    }[];
  }[];
  lifecycle: { event: string; offset: number; duration: number }[];
  alarms: {
    definition: AlarmDefinition;
    defaulted: boolean;
    watched: boolean;
    points: { t: number; value: number | null; breaching: boolean | null; state: AlarmState }[];
    transitions: { t: number; from: AlarmState; to: AlarmState }[];
  }[];
  stopped: { t: number; cause: "failure" | "alarm" | "manual" | "ready-timeout"; message: string; alarm: string | null } | null;
  rollback: {
    outcome: DeploymentOutcome;
    trigger: RollbackEvent;
    start: number;
    end: number;
    timeline: TimelinePoint[];
    message: string;
  } | null;
  blast_radius: {
    requests_new: number;
    failed_requests_new: number;
    requests_unserved: number;
    max_green_percent: number;
    instances_new: number | null;
    exposure_seconds: number;
    first_exposure: number | null;
    recovered_at: number | null;
  };
  notes: string[];
}
