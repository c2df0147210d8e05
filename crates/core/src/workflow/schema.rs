//! The workflow's keys and value types, after GitHub's workflow syntax reference and its
//! official parser (`github-actions-aws.md` §1), as far as the checker models them: the top
//! level, the events deploy workflows use with their filters, jobs (normal and reusable-workflow
//! calls), environments and steps. Keys the tables do not list are warnings (GitHub adds keys,
//! and the reference snapshot may lag); values whose shape is surely wrong are errors.
//!
//! Values that accept several shapes (a string or a list, a string or a mapping) are lowered by
//! the `Ty::Custom` functions below, which record wrong types and walk on into the parts.

use super::rules;
use crate::schema::{Checker, Field, MapSchema, SchemaRules, Ty, Unknown, field, map, required};
use crate::source::{Node, Span, Value};

/// Unknown keys warn; a wrong shape is an error (GitHub rejects the file as invalid).
pub(crate) static RULES: SchemaRules = SchemaRules {
    unknown_key: &rules::unknown_workflow_key::RULE,
    wrong_type: &rules::wrong_workflow_value_type::RULE,
    scalar_for_list: &rules::wrong_workflow_value_type::RULE,
};

const MISSING: &crate::rule::Rule = &rules::missing_workflow_key::RULE;

pub(crate) static ROOT: MapSchema = map(&[
    field(
        "name",
        Ty::Str,
        "the workflow's name, shown in the Actions tab",
    ),
    field("run-name", Ty::Str, "the name of each run"),
    required(
        "on",
        Ty::Custom(on),
        MISSING,
        "the events that start the workflow (`push`, `pull_request`, `workflow_dispatch`, …)",
    ),
    field(
        "permissions",
        Ty::Custom(permissions),
        "the GITHUB_TOKEN's permissions for every job (`id-token: write` for OIDC)",
    ),
    field(
        "env",
        Ty::Custom(env),
        "environment variables for every job",
    ),
    field("defaults", Ty::Any, "default `run` settings"),
    field("concurrency", Ty::Any, "a concurrency group"),
    required("jobs", Ty::Custom(jobs), MISSING, "the jobs, by id"),
]);

static FILTERS_PUSH: &[Field] = &[
    field(
        "branches",
        Ty::Custom(string_or_list),
        "branches whose pushes run the workflow",
    ),
    field(
        "branches-ignore",
        Ty::Custom(string_or_list),
        "branches whose pushes do not",
    ),
    field(
        "tags",
        Ty::Custom(string_or_list),
        "tags whose pushes run the workflow",
    ),
    field(
        "tags-ignore",
        Ty::Custom(string_or_list),
        "tags whose pushes do not",
    ),
    field(
        "paths",
        Ty::Custom(string_or_list),
        "files whose changes run the workflow",
    ),
    field(
        "paths-ignore",
        Ty::Custom(string_or_list),
        "files whose changes do not",
    ),
];

static PUSH: MapSchema = map(FILTERS_PUSH);

static PULL_REQUEST: MapSchema = map(&[
    field(
        "types",
        Ty::Custom(string_or_list),
        "activity types (default: opened, synchronize, reopened)",
    ),
    field(
        "branches",
        Ty::Custom(string_or_list),
        "base branches of the pull requests",
    ),
    field(
        "branches-ignore",
        Ty::Custom(string_or_list),
        "base branches to ignore",
    ),
    field(
        "paths",
        Ty::Custom(string_or_list),
        "files whose changes run the workflow",
    ),
    field(
        "paths-ignore",
        Ty::Custom(string_or_list),
        "files whose changes do not",
    ),
]);

static WORKFLOW_RUN: MapSchema = map(&[
    field(
        "workflows",
        Ty::Custom(string_or_list),
        "the workflows whose runs trigger this one",
    ),
    field(
        "types",
        Ty::Custom(string_or_list),
        "`completed`, `requested` or `in_progress`",
    ),
    field(
        "branches",
        Ty::Custom(string_or_list),
        "branches of the triggering run",
    ),
    field(
        "branches-ignore",
        Ty::Custom(string_or_list),
        "branches to ignore",
    ),
]);

static DISPATCH_INPUT: MapSchema = map(&[
    field("description", Ty::Str, "what the input is for"),
    field("required", Ty::Any, "whether it must be given"),
    field("default", Ty::Any, "its default value"),
    field(
        "type",
        Ty::Str,
        "boolean, choice, number, environment or string",
    ),
    field("options", Ty::Any, "the choices of a `choice` input"),
    field(
        "deprecationMessage",
        Ty::Str,
        "a warning shown when the input is used",
    ),
]);

static DISPATCH_INPUTS: Ty = Ty::Map(&DISPATCH_INPUT);

static WORKFLOW_DISPATCH: MapSchema = map(&[field(
    "inputs",
    Ty::Dict(&DISPATCH_INPUTS),
    "inputs asked for when the workflow is run by hand",
)]);

static CALL_INPUT: MapSchema = map(&[
    field("description", Ty::Str, "what the input is for"),
    field("required", Ty::Any, "whether the caller must give it"),
    field("default", Ty::Any, "its default value"),
    field("type", Ty::Str, "boolean, number or string"),
]);

static CALL_INPUTS: Ty = Ty::Map(&CALL_INPUT);

static CALL_OUTPUT: MapSchema = map(&[
    field("description", Ty::Str, "what the output is"),
    field("value", Ty::Any, "its value, an expression"),
]);

static CALL_OUTPUTS: Ty = Ty::Map(&CALL_OUTPUT);

static CALL_SECRET: MapSchema = map(&[
    field("description", Ty::Str, "what the secret is for"),
    field("required", Ty::Any, "whether the caller must pass it"),
]);

static CALL_SECRETS: Ty = Ty::Map(&CALL_SECRET);

static WORKFLOW_CALL: MapSchema = map(&[
    field(
        "inputs",
        Ty::Dict(&CALL_INPUTS),
        "inputs the caller passes with `with`",
    ),
    field(
        "outputs",
        Ty::Dict(&CALL_OUTPUTS),
        "outputs the caller can read",
    ),
    field(
        "secrets",
        Ty::Dict(&CALL_SECRETS),
        "secrets the caller passes",
    ),
]);

static SCHEDULE_ITEM: MapSchema = map(&[
    required(
        "cron",
        Ty::Str,
        MISSING,
        "a POSIX cron expression (5 fields, UTC)",
    ),
    field(
        "timezone",
        Ty::Str,
        "an IANA time zone for the cron expression",
    ),
]);

/// Events whose value has no schema here (other webhook events: `types` and more): any keys.
static OTHER_EVENT: MapSchema = MapSchema {
    fields: &[],
    unknown: Unknown::Allow,
    case: crate::schema::KeyCase::Exact,
};

static NORMAL_JOB: MapSchema = map(&[
    field("name", Ty::Str, "the job's name in the UI"),
    field(
        "needs",
        Ty::Custom(string_or_list),
        "jobs that must finish first",
    ),
    field("if", Ty::Any, "a condition; the job is skipped when false"),
    field("strategy", Ty::Any, "a matrix of job variants"),
    required(
        "runs-on",
        Ty::Custom(runs_on),
        MISSING,
        "the runner: a label such as `ubuntu-latest`, a list of labels, or a group",
    ),
    field(
        "timeout-minutes",
        Ty::Any,
        "minutes before the job is cancelled",
    ),
    field(
        "continue-on-error",
        Ty::Any,
        "whether the run continues when the job fails",
    ),
    field("container", Ty::Any, "a container to run the steps in"),
    field("services", Ty::Any, "service containers"),
    field(
        "env",
        Ty::Custom(env),
        "environment variables for the job's steps",
    ),
    field(
        "environment",
        Ty::Custom(environment),
        "the deployment environment (its protection rules and secrets; OIDC `sub` `environment:NAME`)",
    ),
    field(
        "permissions",
        Ty::Custom(permissions),
        "the GITHUB_TOKEN's permissions for this job; replaces the workflow's block",
    ),
    field("concurrency", Ty::Any, "a concurrency group"),
    field("outputs", Ty::Any, "values later jobs read through `needs`"),
    field("defaults", Ty::Any, "default `run` settings"),
    required(
        "steps",
        Ty::Custom(steps),
        MISSING,
        "the job's steps, in order",
    ),
    field("snapshot", Ty::Any, "a custom runner image to create"),
    field(
        "cancel-timeout-minutes",
        Ty::Any,
        "minutes allowed for cancellation",
    ),
]);

static REUSABLE_JOB: MapSchema = map(&[
    field("name", Ty::Str, "the job's name in the UI"),
    required(
        "uses",
        Ty::Str,
        MISSING,
        "the reusable workflow: `owner/repo/.github/workflows/FILE.yml@ref` or `./.github/workflows/FILE.yml`",
    ),
    field("with", Ty::Any, "inputs of the reusable workflow"),
    field("secrets", Ty::Any, "secrets passed to it, or `inherit`"),
    field("strategy", Ty::Any, "a matrix of job variants"),
    field(
        "needs",
        Ty::Custom(string_or_list),
        "jobs that must finish first",
    ),
    field("if", Ty::Any, "a condition; the job is skipped when false"),
    field("concurrency", Ty::Any, "a concurrency group"),
    field(
        "permissions",
        Ty::Custom(permissions),
        "the permissions the called workflow gets (it can only reduce them)",
    ),
]);

static ENVIRONMENT: MapSchema = map(&[
    required("name", Ty::Str, MISSING, "the environment's name"),
    field("url", Ty::Str, "the deployment's URL, shown in the UI"),
    field(
        "deployment",
        Ty::Any,
        "whether a deployment object is created (default true)",
    ),
]);

static STEP: MapSchema = map(&[
    field("name", Ty::Str, "the step's name in the log"),
    field("id", Ty::Str, "an id for `steps.<id>.outputs`"),
    field("if", Ty::Any, "a condition; the step is skipped when false"),
    field(
        "uses",
        Ty::Str,
        "an action: `owner/repo@ref`, `./path` or `docker://image`",
    ),
    field("with", Ty::Custom(with), "the action's inputs"),
    field("env", Ty::Custom(env), "environment variables for the step"),
    field("run", Ty::Str, "a shell command"),
    field("shell", Ty::Str, "the shell for `run`"),
    field("working-directory", Ty::Str, "the folder `run` starts in"),
    field(
        "continue-on-error",
        Ty::Any,
        "whether the job continues when the step fails",
    ),
    field(
        "timeout-minutes",
        Ty::Any,
        "minutes before the step is cancelled",
    ),
    field("background", Ty::Any, "runs the step in the background"),
    field("wait", Ty::Any, "waits for background steps"),
    field("wait-all", Ty::Any, "waits for every background step"),
    field("cancel", Ty::Any, "cancels a background step"),
    field("parallel", Ty::Any, "steps run in parallel"),
]);

static RUNNER_GROUP: MapSchema = map(&[
    field("group", Ty::Str, "a runner group"),
    field(
        "labels",
        Ty::Custom(string_or_list),
        "labels every runner must have",
    ),
]);

/// The events with a schema of their own.
fn event_schema(name: &str) -> Option<&'static MapSchema> {
    Some(match name {
        "push" => &PUSH,
        "pull_request" | "pull_request_target" => &PULL_REQUEST,
        "workflow_dispatch" => &WORKFLOW_DISPATCH,
        "workflow_call" => &WORKFLOW_CALL,
        "workflow_run" => &WORKFLOW_RUN,
        _ => return None,
    })
}

/// `on`: an event name, a list of names, or a mapping event → settings.
fn on<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    match &node.value {
        // An empty `on` is reported as missing.
        Value::Scalar(_) => {}
        Value::Seq(seq) => {
            for (i, item) in seq.items.iter().enumerate() {
                if item.scalar().is_none() || item.is_null() {
                    c.within(&i.to_string(), |c| c.wrong_type(item, "an event name"));
                }
            }
        }
        Value::Map(map) => {
            for pair in &map.entries {
                let Some(name) = pair.key_str() else { continue };
                let value = &pair.value;
                c.within(name, |c| {
                    if name == "schedule" {
                        schedule(value, c);
                    } else if let Some(schema) = event_schema(name) {
                        c.value(value, &Ty::Map(schema), pair.key.span);
                    } else if !value.is_null() && value.map().is_none() {
                        c.wrong_type(value, "a mapping of the event's settings, or nothing");
                    } else {
                        c.value(value, &Ty::Map(&OTHER_EVENT), pair.key.span);
                    }
                });
            }
        }
        Value::Invalid => {}
    }
}

fn schedule<'a>(node: &'a Node, c: &mut Checker<'a>) {
    match &node.value {
        Value::Seq(seq) => {
            for (i, item) in seq.items.iter().enumerate() {
                c.within(&i.to_string(), |c| {
                    c.value(item, &Ty::Map(&SCHEDULE_ITEM), item.span);
                });
            }
        }
        Value::Invalid => {}
        _ => c.wrong_type(node, "a list of `- cron: …` entries"),
    }
}

/// A string or a list of strings.
fn string_or_list<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    match &node.value {
        Value::Scalar(_) => {}
        Value::Seq(seq) => {
            for (i, item) in seq.items.iter().enumerate() {
                if item.scalar().is_none() {
                    c.within(&i.to_string(), |c| c.wrong_type(item, "a string"));
                }
            }
        }
        Value::Invalid => {}
        Value::Map(_) => c.wrong_type(node, "a string or a list of strings"),
    }
}

/// `permissions`: `read-all`, `write-all` or a mapping scope → level (the rules judge the
/// words).
fn permissions<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    match &node.value {
        Value::Scalar(_) if !node.is_null() => {}
        Value::Map(map) => {
            for pair in &map.entries {
                if pair.value.scalar().is_none() || pair.value.is_null() {
                    let key = pair.key_str().unwrap_or("?");
                    c.within(key, |c| {
                        c.wrong_type(&pair.value, "`read`, `write` or `none`")
                    });
                }
            }
        }
        Value::Invalid => {}
        _ => {
            c.wrong_type(node, "`read-all`, `write-all` or a mapping of scopes");
            c.help_last("write `permissions: {}` for no permission at all, or name each scope: `contents: read`");
        }
    }
}

/// `env`: a mapping of variables, or an expression.
fn env<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    match &node.value {
        Value::Map(_) | Value::Invalid => {}
        Value::Scalar(s) if s.is_null() || super::expr::has_expression(&s.text) => {}
        _ => c.wrong_type(node, "a mapping of variables"),
    }
}

/// `with`: a mapping of inputs.
fn with<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    match &node.value {
        Value::Map(map) => {
            for pair in &map.entries {
                if pair.value.scalar().is_none() && !pair.value.is_invalid() {
                    let key = pair.key_str().unwrap_or("?");
                    c.within(key, |c| {
                        c.wrong_type(&pair.value, "a string (inputs are strings)");
                        c.help_last(
                            "write a list or a mapping as one string, for example with a `|` block",
                        );
                    });
                }
            }
        }
        Value::Invalid => {}
        Value::Scalar(s) if s.is_null() => {}
        _ => c.wrong_type(node, "a mapping of inputs"),
    }
}

/// `jobs`: a mapping job id → job; a job with `uses` calls a reusable workflow.
fn jobs<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    match &node.value {
        Value::Map(map) => {
            for pair in &map.entries {
                let Some(id) = pair.key_str() else { continue };
                let job = &pair.value;
                c.within(id, |c| match &job.value {
                    Value::Map(_) => {
                        let schema = if job.get("uses").is_some() {
                            &REUSABLE_JOB
                        } else {
                            &NORMAL_JOB
                        };
                        c.value(job, &Ty::Map(schema), pair.key.span);
                    }
                    Value::Invalid => {}
                    _ => c.wrong_type(job, "a mapping (`runs-on`, `steps`, …)"),
                });
            }
        }
        Value::Invalid => {}
        Value::Scalar(s) if s.is_null() => {}
        _ => c.wrong_type(node, "a mapping of jobs"),
    }
}

fn runs_on<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    match &node.value {
        Value::Map(_) => c.value(node, &Ty::Map(&RUNNER_GROUP), anchor),
        _ => string_or_list(node, anchor, c),
    }
}

fn environment<'a>(node: &'a Node, anchor: Span, c: &mut Checker<'a>) {
    match &node.value {
        Value::Scalar(_) | Value::Invalid => {}
        Value::Map(_) => c.value(node, &Ty::Map(&ENVIRONMENT), anchor),
        Value::Seq(_) => c.wrong_type(node, "an environment name or a mapping with `name`"),
    }
}

fn steps<'a>(node: &'a Node, _anchor: Span, c: &mut Checker<'a>) {
    match &node.value {
        Value::Seq(seq) => {
            for (i, item) in seq.items.iter().enumerate() {
                c.within(&i.to_string(), |c| match &item.value {
                    Value::Map(_) => c.value(item, &Ty::Map(&STEP), item.span),
                    Value::Invalid => {}
                    _ => c.wrong_type(item, "a mapping (`uses` or `run`, …)"),
                });
            }
        }
        Value::Invalid => {}
        Value::Scalar(s) if s.is_null() => {}
        _ => c.wrong_type(node, "a list of steps"),
    }
}
