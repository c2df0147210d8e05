//! Lowering: the tree becomes the [`PipelineFile`] model, read the way each form is read.
//!
//! - A declaration (what `get-pipeline` prints) is read as the AWS CLI reads it: camelCase keys,
//!   strings where the API has strings (`"version": 1` and `"runOrder": "1"` are rejected by the
//!   CLI's parameter validation before any request is sent), no unknown keys.
//! - A CloudFormation template is read as CloudFormation reads a resource's properties:
//!   PascalCase keys, scalars converted to the property's type (`Version: 1` is the string
//!   `"1"`), and intrinsic functions (`!Ref`, `!Sub`, `Fn::If`, …) and dynamic references
//!   (`{{resolve:…}}`) left opaque. A list item written `Fn::If [cond, item, AWS::NoValue]` is
//!   read as the item, marked conditional.
//!
//! Lowering reports nothing. What it notices on the way (unknown keys, keys in another case,
//! values of the wrong type, missing required keys, values outside a closed set, a file that is
//! no pipeline) it records as [`LoweringFacts`], which the rules of `rules/` report.

use std::collections::HashMap;

use super::model::{
    Action, ArtifactRef, ArtifactStore, Condition, ConditionRule, ConfigEntry, DisabledTransition,
    EncryptionKey, Form, GitFilter, Int, List, Pipeline, PipelineFile, RegionalStore, Stage,
    StageConditions, Text, TextValue, Trigger, Variable,
};
use crate::source::{Node, Pair, ScalarKind, Span, Style, Value};

/// What lowering noticed besides the model.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct LoweringFacts {
    /// Keys the form does not have.
    pub unknown_keys: Vec<UnknownKey>,
    /// Keys written in another case than the form spells them.
    pub other_case: Vec<OtherCase>,
    /// Values of the wrong type.
    pub wrong_types: Vec<WrongType>,
    /// Required keys that are missing or empty.
    pub missing: Vec<Missing>,
    /// Values outside a closed set.
    pub bad_values: Vec<BadValue>,
    /// Why the file holds no pipeline, when it does not.
    pub no_pipeline: Option<NoPipeline>,
}

/// A key the form does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UnknownKey {
    /// The key.
    pub span: Span,
    /// As written.
    pub key: String,
    /// Where it is ("in action `Build`").
    pub place: String,
    /// The keys allowed there, as the form spells them.
    pub known: Vec<String>,
}

/// A key written in another case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OtherCase {
    /// The key.
    pub span: Span,
    /// As written.
    pub written: String,
    /// As the form spells it.
    pub expected: String,
    /// Whether the file is a template.
    pub template: bool,
}

/// A value of the wrong type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct WrongType {
    /// The value.
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: String,
    /// A replacement, when certain (`"1"` for `1`).
    pub fix: Option<String>,
}

/// A required key that is missing or empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Missing {
    /// Where to report it: the key holding the object, or the empty value.
    pub span: Span,
    /// What is missing.
    pub message: String,
    /// What to do.
    pub help: String,
}

/// A value outside a closed set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BadValue {
    /// The value.
    pub span: Span,
    /// As written.
    pub value: String,
    /// What the value is ("action category").
    pub what: &'static str,
    /// The accepted values.
    pub allowed: &'static [&'static str],
}

/// Why a file holds no pipeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NoPipeline {
    /// Where to report it.
    pub span: Span,
    /// Whether the file is a CloudFormation template (without a pipeline resource).
    pub template: bool,
}

/// The action categories.
pub(crate) const CATEGORIES: &[&str] = &[
    "Source", "Build", "Deploy", "Test", "Invoke", "Approval", "Compute",
];
/// The action owners.
pub(crate) const OWNERS: &[&str] = &["AWS", "ThirdParty", "Custom"];
/// The execution modes.
pub(crate) const EXECUTION_MODES: &[&str] = &["QUEUED", "SUPERSEDED", "PARALLEL"];
/// The pipeline types.
pub(crate) const PIPELINE_TYPES: &[&str] = &["V1", "V2"];
/// The results of a stage condition (API enum).
pub(crate) const RESULTS: &[&str] = &["ROLLBACK", "FAIL", "RETRY", "SKIP"];
/// The retry modes.
pub(crate) const RETRY_MODES: &[&str] = &["FAILED_ACTIONS", "ALL_ACTIONS"];
/// The trigger provider types.
pub(crate) const TRIGGER_PROVIDERS: &[&str] = &["CodeStarSourceConnection"];
/// The pull-request events of a trigger.
pub(crate) const PR_EVENTS: &[&str] = &["OPEN", "UPDATED", "CLOSED"];

/// The value type of a key, as a declaration's reader (the AWS CLI's parameter validation)
/// accepts it: what the pipeline's JSON Schema and the playground's completion describe.
// Read by the JSON Schema generator and completion (the `json-schema` feature).
#[cfg_attr(not(feature = "json-schema"), allow(dead_code))]
#[derive(Debug)]
pub(crate) enum KeyTy {
    /// A string (a number or boolean is a wrong type in a declaration).
    Str,
    /// An integer (digits in quotes are a wrong type in a declaration).
    Int,
    /// `true` or `false`.
    Bool,
    /// One of a closed set of strings.
    Enum(&'static [&'static str]),
    /// A mapping with the keys of a table.
    Object(Keys),
    /// A list of values of a type.
    List(&'static KeyTy),
    /// A mapping from free names to values of a type.
    Dict(&'static KeyTy),
    /// An action's or rule's `configuration`: its provider's keys ([`super::providers`]) to
    /// strings.
    Configuration,
}

/// One key of a form's mapping: its camelCase name, whether a declaration and a template
/// require it, its value's type and a one-line doc.
#[cfg_attr(not(feature = "json-schema"), allow(dead_code))]
#[derive(Debug)]
pub(crate) struct Key {
    /// The camelCase name (a template writes it in PascalCase).
    pub name: &'static str,
    /// Required in a declaration.
    pub in_declaration: bool,
    /// Required in a template.
    pub in_template: bool,
    /// The value's type.
    pub ty: KeyTy,
    /// What the key is.
    pub doc: &'static str,
}

const fn key(
    name: &'static str,
    in_declaration: bool,
    in_template: bool,
    ty: KeyTy,
    doc: &'static str,
) -> Key {
    Key {
        name,
        in_declaration,
        in_template,
        ty,
        doc,
    }
}

/// A key table.
pub(crate) type Keys = &'static [Key];

/// The artifact store types.
pub(crate) const STORE_TYPES: &[&str] = &["S3"];
/// The encryption key types.
pub(crate) const KEY_TYPES: &[&str] = &["KMS"];
/// The blocker types.
pub(crate) const BLOCKER_TYPES: &[&str] = &["Schedule"];

use KeyTy::{Bool, Configuration, Dict, Enum, Int as Integer, List as Many, Object, Str};

const STR_LIST: KeyTy = Many(&Str);

pub(crate) const DECLARATION_KEYS: Keys = &[
    key(
        "name",
        true,
        false,
        Str,
        "the pipeline's name, unique in the account and region",
    ),
    key(
        "roleArn",
        true,
        true,
        Str,
        "the ARN of the service role CodePipeline acts with",
    ),
    key(
        "artifactStore",
        false,
        false,
        Object(STORE_KEYS),
        "the S3 bucket that holds the artifacts (or `artifactStores`, one per region)",
    ),
    key(
        "artifactStores",
        false,
        false,
        Dict(&Object(STORE_KEYS)),
        "one artifact store per region the actions run in, by region",
    ),
    key(
        "stages",
        true,
        true,
        Many(&Object(STAGE_KEYS)),
        "the stages, in order: the first holds the source actions",
    ),
    key(
        "version",
        false,
        false,
        Integer,
        "the declaration's version number (CodePipeline increments it)",
    ),
    key(
        "executionMode",
        false,
        false,
        Enum(EXECUTION_MODES),
        "how runs share the pipeline: SUPERSEDED (the default), QUEUED or PARALLEL (both V2 only)",
    ),
    key(
        "pipelineType",
        false,
        false,
        Enum(PIPELINE_TYPES),
        "V1 or V2 (variables, triggers, stage conditions)",
    ),
    key(
        "variables",
        false,
        false,
        Many(&Object(VARIABLE_KEYS)),
        "pipeline-level variables, set when a run starts (V2)",
    ),
    key(
        "triggers",
        false,
        false,
        Many(&Object(TRIGGER_KEYS)),
        "Git tag, push and pull-request filters that start the pipeline (V2)",
    ),
];
const TEMPLATE_KEYS: Keys = &[
    key(
        "artifactStore",
        false,
        false,
        Object(STORE_KEYS),
        "the S3 bucket that holds the artifacts",
    ),
    key(
        "artifactStores",
        false,
        false,
        Many(&Object(REGIONAL_KEYS)),
        "one artifact store per region the actions run in",
    ),
    key(
        "disableInboundStageTransitions",
        false,
        false,
        Many(&Object(TRANSITION_KEYS)),
        "stages whose inbound transition is disabled",
    ),
    key(
        "executionMode",
        false,
        false,
        Enum(EXECUTION_MODES),
        "QUEUED, SUPERSEDED (the default) or PARALLEL",
    ),
    key("name", false, false, Str, "the pipeline's name"),
    key(
        "pipelineType",
        false,
        false,
        Enum(PIPELINE_TYPES),
        "V1 or V2",
    ),
    key(
        "restartExecutionOnUpdate",
        false,
        false,
        Bool,
        "start a run when the resource is updated",
    ),
    key(
        "roleArn",
        true,
        true,
        Str,
        "the ARN of the service role CodePipeline acts with",
    ),
    key(
        "stages",
        true,
        true,
        Many(&Object(STAGE_KEYS)),
        "the stages, in order",
    ),
    key(
        "tags",
        false,
        false,
        Many(&Object(TAG_KEYS)),
        "the pipeline's tags",
    ),
    key(
        "triggers",
        false,
        false,
        Many(&Object(TRIGGER_KEYS)),
        "Git filters that start the pipeline (V2)",
    ),
    key(
        "variables",
        false,
        false,
        Many(&Object(VARIABLE_KEYS)),
        "pipeline-level variables (V2)",
    ),
];
pub(crate) const STORE_KEYS: Keys = &[
    key(
        "type",
        true,
        true,
        Enum(STORE_TYPES),
        "the store's type: S3",
    ),
    key("location", true, true, Str, "the bucket's name"),
    key(
        "encryptionKey",
        false,
        false,
        Object(KEY_KEYS),
        "the KMS key the artifacts are encrypted with (the default: the AWS managed key)",
    ),
];
const KEY_KEYS: Keys = &[
    key("id", true, true, Str, "the key's ID, ARN or alias ARN"),
    key("type", true, true, Enum(KEY_TYPES), "the key's type: KMS"),
];
const REGIONAL_KEYS: Keys = &[
    key("region", true, true, Str, "the region"),
    key(
        "artifactStore",
        true,
        true,
        Object(STORE_KEYS),
        "the region's artifact store",
    ),
];
pub(crate) const STAGE_KEYS: Keys = &[
    key(
        "name",
        true,
        true,
        Str,
        "the stage's name, unique in the pipeline",
    ),
    key(
        "actions",
        true,
        true,
        Many(&Object(ACTION_KEYS)),
        "the stage's actions (1 to 50), by run order",
    ),
    key(
        "blockers",
        false,
        false,
        Many(&Object(BLOCKER_KEYS)),
        "reserved by AWS",
    ),
    key(
        "onFailure",
        false,
        false,
        Object(ON_FAILURE_KEYS),
        "what happens when the stage fails: ROLLBACK, FAIL, RETRY or conditions (V2)",
    ),
    key(
        "onSuccess",
        false,
        false,
        Object(CONDITIONS_KEYS),
        "conditions checked when the stage succeeds (V2)",
    ),
    key(
        "beforeEntry",
        false,
        false,
        Object(CONDITIONS_KEYS),
        "conditions checked before the stage runs (V2)",
    ),
];
pub(crate) const ACTION_KEYS: Keys = &[
    key(
        "name",
        true,
        true,
        Str,
        "the action's name, unique in the stage",
    ),
    key(
        "actionTypeId",
        true,
        true,
        Object(TYPE_KEYS),
        "the action's category, owner, provider and version",
    ),
    key(
        "runOrder",
        false,
        false,
        Integer,
        "the order in the stage (1 to 999): equal numbers run in parallel",
    ),
    key(
        "configuration",
        false,
        false,
        Configuration,
        "the provider's settings: keys and string values",
    ),
    key(
        "commands",
        false,
        false,
        STR_LIST,
        "shell commands (the Commands action)",
    ),
    key(
        "outputArtifacts",
        false,
        false,
        Many(&Object(OUTPUT_KEYS)),
        "the artifacts the action produces",
    ),
    key(
        "inputArtifacts",
        false,
        false,
        Many(&Object(INPUT_KEYS)),
        "the artifacts the action works on",
    ),
    key(
        "outputVariables",
        false,
        false,
        STR_LIST,
        "the variables the action exports (the Commands action)",
    ),
    key(
        "roleArn",
        false,
        false,
        Str,
        "the role the action assumes (another account's, say)",
    ),
    key(
        "region",
        false,
        false,
        Str,
        "the region the action runs in (cross-region actions)",
    ),
    key(
        "namespace",
        false,
        false,
        Str,
        "the namespace of the action's output variables (`#{ns.var}`)",
    ),
    key(
        "timeoutInMinutes",
        false,
        false,
        Integer,
        "how long the action may run",
    ),
    key(
        "environmentVariables",
        false,
        false,
        Many(&Object(ENV_KEYS)),
        "environment variables (the Commands action)",
    ),
];
const TYPE_KEYS: Keys = &[
    key(
        "category",
        true,
        true,
        Enum(CATEGORIES),
        "Source, Build, Deploy, Test, Invoke, Approval or Compute",
    ),
    key(
        "owner",
        true,
        true,
        Enum(OWNERS),
        "AWS, ThirdParty or Custom",
    ),
    key(
        "provider",
        true,
        true,
        Str,
        "the provider (CodeBuild, CodeStarSourceConnection, ECS, …)",
    ),
    key(
        "version",
        true,
        true,
        Str,
        "the action type's version, a string: \"1\"",
    ),
];
const INPUT_KEYS: Keys = &[key(
    "name",
    true,
    true,
    Str,
    "the name of an artifact an earlier action produces",
)];
const OUTPUT_KEYS: Keys = &[
    key(
        "name",
        true,
        true,
        Str,
        "the artifact's name, unique in the pipeline",
    ),
    key(
        "files",
        false,
        false,
        STR_LIST,
        "the files of the artifact (the Commands action)",
    ),
];
const VARIABLE_KEYS: Keys = &[
    key(
        "name",
        true,
        true,
        Str,
        "the variable's name (`#{variables.name}`)",
    ),
    key(
        "defaultValue",
        false,
        false,
        Str,
        "the value when a run does not set it",
    ),
    key("description", false, false, Str, "what the variable is for"),
];
const TRIGGER_KEYS: Keys = &[
    key(
        "providerType",
        true,
        true,
        Enum(TRIGGER_PROVIDERS),
        "the trigger's source: CodeStarSourceConnection",
    ),
    key(
        "gitConfiguration",
        true,
        false,
        Object(GIT_KEYS),
        "the Git events that start the pipeline",
    ),
];
const GIT_KEYS: Keys = &[
    key(
        "sourceActionName",
        true,
        true,
        Str,
        "the source action the trigger starts the pipeline from",
    ),
    key(
        "push",
        false,
        false,
        Many(&Object(PUSH_KEYS)),
        "push filters (tags, branches, file paths)",
    ),
    key(
        "pullRequest",
        false,
        false,
        Many(&Object(PULL_REQUEST_KEYS)),
        "pull-request filters (events, branches, file paths)",
    ),
];
const PUSH_KEYS: Keys = &[
    key(
        "tags",
        false,
        false,
        Object(FILTER_KEYS),
        "tag name patterns",
    ),
    key(
        "branches",
        false,
        false,
        Object(FILTER_KEYS),
        "branch name patterns",
    ),
    key(
        "filePaths",
        false,
        false,
        Object(FILTER_KEYS),
        "file path patterns",
    ),
];
const PULL_REQUEST_KEYS: Keys = &[
    key(
        "events",
        false,
        false,
        Many(&Enum(PR_EVENTS)),
        "OPEN, UPDATED and CLOSED",
    ),
    key(
        "branches",
        false,
        false,
        Object(FILTER_KEYS),
        "branch name patterns",
    ),
    key(
        "filePaths",
        false,
        false,
        Object(FILTER_KEYS),
        "file path patterns",
    ),
];
const FILTER_KEYS: Keys = &[
    key(
        "includes",
        false,
        false,
        STR_LIST,
        "patterns that start the pipeline",
    ),
    key(
        "excludes",
        false,
        false,
        STR_LIST,
        "patterns that do not (checked first)",
    ),
];
const ON_FAILURE_KEYS: Keys = &[
    key(
        "result",
        false,
        false,
        Enum(RESULTS),
        "ROLLBACK, FAIL or RETRY",
    ),
    key(
        "retryConfiguration",
        false,
        false,
        Object(RETRY_KEYS),
        "what a RETRY retries",
    ),
    key(
        "conditions",
        false,
        false,
        Many(&Object(CONDITION_KEYS)),
        "conditions checked when the stage fails",
    ),
];
const CONDITIONS_KEYS: Keys = &[key(
    "conditions",
    true,
    false,
    Many(&Object(CONDITION_KEYS)),
    "the conditions, each a result and rules",
)];
const RETRY_KEYS: Keys = &[key(
    "retryMode",
    false,
    false,
    Enum(RETRY_MODES),
    "FAILED_ACTIONS or ALL_ACTIONS",
)];
const CONDITION_KEYS: Keys = &[
    key(
        "result",
        false,
        false,
        Enum(RESULTS),
        "what happens when a rule fails: ROLLBACK, FAIL, RETRY or SKIP",
    ),
    key(
        "rules",
        false,
        false,
        Many(&Object(RULE_KEYS)),
        "the rules checked",
    ),
];
const RULE_KEYS: Keys = &[
    key("name", true, false, Str, "the rule's name"),
    key(
        "ruleTypeId",
        true,
        false,
        Object(RULE_TYPE_KEYS),
        "the rule's category, owner, provider and version",
    ),
    key(
        "configuration",
        false,
        false,
        Configuration,
        "the rule's settings",
    ),
    key(
        "inputArtifacts",
        false,
        false,
        Many(&Object(INPUT_KEYS)),
        "the artifacts the rule reads",
    ),
    key("roleArn", false, false, Str, "the role the rule assumes"),
    key("region", false, false, Str, "the rule's region"),
    key(
        "timeoutInMinutes",
        false,
        false,
        Integer,
        "how long the rule may run",
    ),
    key(
        "commands",
        false,
        false,
        STR_LIST,
        "shell commands (the Commands rule)",
    ),
];
const RULE_TYPE_KEYS: Keys = &[
    key("category", true, false, Str, "Rule"),
    key("owner", false, false, Str, "AWS"),
    key(
        "provider",
        true,
        false,
        Str,
        "the rule provider (CloudWatchAlarm, DeploymentWindow, LambdaInvoke, …)",
    ),
    key(
        "version",
        false,
        false,
        Str,
        "the rule's version, a string: \"1\"",
    ),
];
const BLOCKER_KEYS: Keys = &[
    key("name", true, true, Str, "the blocker's name"),
    key("type", true, true, Enum(BLOCKER_TYPES), "Schedule"),
];
const TRANSITION_KEYS: Keys = &[
    key("stageName", true, true, Str, "the stage"),
    key("reason", true, true, Str, "why the transition is disabled"),
];
const TAG_KEYS: Keys = &[
    key("key", true, true, Str, "the tag's key"),
    key("value", true, true, Str, "the tag's value"),
];
const ENV_KEYS: Keys = &[
    key("name", true, true, Str, "the variable's name"),
    key("value", true, true, Str, "its value (or the secret's ARN)"),
    key(
        "type",
        false,
        false,
        Enum(ENV_TYPES),
        "PLAINTEXT or SECRETS_MANAGER",
    ),
];
const ENV_TYPES: &[&str] = &["PLAINTEXT", "SECRETS_MANAGER"];

/// Lowers a document root into the model and the facts noticed on the way.
pub(crate) fn lower(root: &Node, text: &str) -> (PipelineFile, LoweringFacts) {
    let mut l = Lowerer {
        text,
        form: Form::Unknown,
        facts: LoweringFacts::default(),
    };
    let file = l.file(root, text);
    (file, l.facts)
}

struct Lowerer<'t> {
    /// The text the tree was read from.
    text: &'t str,
    form: Form,
    facts: LoweringFacts,
}

/// The known keys of one mapping, by camelCase name (the last of equal keys).
struct Obj<'n> {
    node: &'n Node,
    found: HashMap<&'static str, &'n Pair>,
}

impl<'n> Obj<'n> {
    fn get(&self, key: &str) -> Option<&'n Node> {
        self.found.get(key).map(|p| &p.value)
    }

    fn pair(&self, key: &str) -> Option<&'n Pair> {
        self.found.get(key).copied()
    }

    fn key_span(&self, key: &str) -> Option<Span> {
        self.found.get(key).map(|p| p.key.span)
    }
}

/// Whether `written` is `camel` as the form spells it (`roleArn`, or `RoleArn` in a template),
/// without building the spelling.
fn spelled(template: bool, camel: &str, written: &str) -> bool {
    if !template {
        return camel == written;
    }
    let (mut c, mut w) = (camel.chars(), written.chars());
    match (c.next(), w.next()) {
        (Some(a), Some(b)) => a.to_ascii_uppercase() == b && c.as_str() == w.as_str(),
        _ => false,
    }
}

/// The first character of a node (where a finding about a whole mapping goes), whole: a YAML
/// node may start with a character of several bytes.
fn opening(node: &Node, text: &str) -> Span {
    let start = node.span.start();
    let width = text
        .get(start..node.span.end())
        .and_then(|t| t.chars().next())
        .map_or(0, char::len_utf8);
    Span::new(start, start + width)
}

/// Whether a tag is a local tag such as `!Ref` (not a YAML core tag such as `!!str`).
fn local_tag(node: &Node) -> Option<&str> {
    node.tag
        .as_deref()
        .filter(|t| t.starts_with('!') && !t.starts_with("!!"))
}

/// Whether `node` is `AWS::NoValue` (`!Ref AWS::NoValue`, `{"Ref": "AWS::NoValue"}`).
fn is_no_value(node: &Node) -> bool {
    if local_tag(node) == Some("!Ref") {
        return node.as_str() == Some("AWS::NoValue");
    }
    node.map().is_some_and(|m| {
        m.entries.len() == 1 && m.get("Ref").and_then(Node::as_str) == Some("AWS::NoValue")
    })
}

/// The branches of a `Fn::If` (`!If [cond, a, b]`, `{"Fn::If": [cond, a, b]}`).
fn if_branches(node: &Node) -> Option<(&Node, &Node)> {
    let list = if local_tag(node) == Some("!If") {
        node
    } else {
        let m = node.map()?;
        if m.entries.len() != 1 {
            return None;
        }
        m.get("Fn::If")?
    };
    match list.items() {
        [_, a, b] => Some((a, b)),
        _ => None,
    }
}

/// A short rendering of a node (for opaque values): at most about 120 characters.
fn render(node: &Node) -> String {
    let mut out = String::new();
    render_into(node, &mut out, 0);
    if out.chars().count() > 120 {
        out = out.chars().take(119).collect::<String>() + "…";
    }
    out
}

fn render_into(node: &Node, out: &mut String, depth: usize) {
    if out.len() > 200 || depth > 8 {
        return;
    }
    if let Some(tag) = local_tag(node) {
        out.push_str(tag);
        out.push(' ');
    }
    match &node.value {
        Value::Scalar(s) => out.push_str(&s.text),
        Value::Seq(seq) => {
            out.push('[');
            for (i, item) in seq.items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                render_into(item, out, depth + 1);
            }
            out.push(']');
        }
        Value::Map(m) => {
            out.push('{');
            for (i, p) in m.entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                render_into(&p.key, out, depth + 1);
                out.push_str(": ");
                render_into(&p.value, out, depth + 1);
            }
            out.push('}');
        }
        Value::Invalid => out.push('?'),
    }
}

/// The region of a default artifact bucket (`codepipeline-us-east-1-…`) or of an ARN.
fn region_in(text: &str, arn: bool) -> Option<String> {
    let candidate = if arn {
        text.split(':').nth(3)?
    } else {
        let rest = text.strip_prefix("codepipeline-")?;
        // `us-east-1`, `us-gov-west-1`, `ap-southeast-2`: letters, letters, …, a digit.
        let parts: Vec<&str> = rest.split('-').collect();
        let end = parts
            .iter()
            .position(|p| p.bytes().all(|b| b.is_ascii_digit()))?;
        let n = rest.split('-').take(end + 1).map(str::len).sum::<usize>() + end;
        rest.get(..n)?
    };
    let ok = candidate.len() >= 9
        && candidate.contains('-')
        && candidate
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && candidate.bytes().last().is_some_and(|b| b.is_ascii_digit());
    ok.then(|| candidate.to_string())
}

impl Lowerer<'_> {
    fn file(&mut self, root: &Node, text: &str) -> PipelineFile {
        let mut file = PipelineFile::default();
        if root.is_invalid() {
            return file;
        }
        // The first line with content: where findings about the whole file go.
        let first = {
            let start = text.len() - text.trim_start().len();
            let line = text.get(start..).unwrap_or("").lines().next().unwrap_or("");
            Span::new(start, start + line.trim_end().len())
        };
        let Some(map) = root.map() else {
            self.facts.no_pipeline = Some(NoPipeline {
                span: if root.is_null() {
                    first
                } else {
                    opening(root, text)
                },
                template: false,
            });
            return file;
        };
        if let Some(resources) = map.get("Resources") {
            self.form = Form::Template;
            file.form = Form::Template;
            for pair in resources.entries() {
                let ty = pair.value.get("Type").and_then(Node::as_str);
                if ty != Some("AWS::CodePipeline::Pipeline") {
                    continue;
                }
                let id = self.text(&pair.key, "the resource's logical id");
                match pair.value.get("Properties") {
                    Some(props) if props.map().is_some() => {
                        let mut p = self.pipeline(
                            props,
                            pair.key.span,
                            &format!("resource `{}`", pair.key_str().unwrap_or("?")),
                        );
                        p.resource = id;
                        file.pipelines.push(p);
                    }
                    Some(props) if props.is_invalid() => {}
                    Some(props) if local_tag(props).is_some() || if_branches(props).is_some() => {}
                    Some(props) => {
                        self.facts.wrong_types.push(WrongType {
                            span: props.span,
                            message: format!(
                                "`Properties` of resource `{}` must be a mapping, found {}",
                                pair.key_str().unwrap_or("?"),
                                props.describe()
                            ),
                            help: "give the pipeline's properties (`RoleArn`, `Stages`, …) as a mapping".into(),
                            fix: None,
                        });
                    }
                    None => {
                        if pair.value.map().is_some_and(|m| m.complete) {
                            self.facts.missing.push(Missing {
                                span: pair.key.span,
                                message: format!(
                                    "resource `{}` has no `Properties`",
                                    pair.key_str().unwrap_or("?")
                                ),
                                help: "add `Properties` with at least `RoleArn`, `Stages` and `ArtifactStore`".into(),
                            });
                        }
                    }
                }
            }
            if file.pipelines.is_empty() && !resources.is_invalid() {
                let key = map.entry("Resources").map_or(first, |p| p.key.span);
                self.facts.no_pipeline = Some(NoPipeline {
                    span: key,
                    template: true,
                });
            }
            return file;
        }
        if let Some(pair) = map.entry("pipeline") {
            self.form = Form::Declaration { wrapped: true };
            file.form = self.form;
            for other in &map.entries {
                match other.key_str() {
                    Some("pipeline") => {}
                    Some("metadata") => {
                        file.metadata = Some(other.key.span);
                    }
                    Some(key) => self.facts.unknown_keys.push(UnknownKey {
                        span: other.key.span,
                        key: key.to_string(),
                        place: "at the top level".into(),
                        known: vec!["pipeline".into()],
                    }),
                    None => {}
                }
            }
            let node = &pair.value;
            if node.map().is_some() {
                let mut p = self.pipeline(node, pair.key.span, "the pipeline");
                if let Some(arn) = map
                    .get("metadata")
                    .and_then(|m| m.get("pipelineArn"))
                    .and_then(Node::as_str)
                    .and_then(|a| region_in(a, true))
                {
                    p.home_region = Some(arn);
                }
                file.pipelines.push(p);
            } else if node.is_null() {
                self.facts.missing.push(Missing {
                    span: pair.key.span,
                    message: "`pipeline` is empty".into(),
                    help: "give the pipeline's declaration: `name`, `roleArn`, `artifactStore` and `stages`".into(),
                });
            } else if !node.is_invalid() {
                self.wrong(
                    node,
                    "`pipeline` must be a mapping".into(),
                    "give the pipeline's declaration as a mapping",
                );
            }
            return file;
        }
        let looks = [
            "stages",
            "roleArn",
            "artifactStore",
            "name",
            "Stages",
            "RoleArn",
        ]
        .iter()
        .any(|k| map.get(k).is_some());
        if looks {
            self.form = Form::Declaration { wrapped: false };
            file.form = self.form;
            let p = self.pipeline(root, first, "the pipeline");
            file.pipelines.push(p);
            return file;
        }
        self.facts.no_pipeline = Some(NoPipeline {
            span: first,
            template: false,
        });
        file
    }

    /// Reads the known keys of a mapping, recording unknown keys, keys in another case and
    /// missing required keys (`anchor`: where to report what is missing; `place`: for messages).
    fn object<'n>(
        &mut self,
        node: &'n Node,
        keys: Keys,
        anchor: Span,
        place: &str,
    ) -> Option<Obj<'n>> {
        let map = node.map()?;
        let template = self.form.is_template();
        let mut found: HashMap<&'static str, &'n Pair> = HashMap::new();
        for pair in &map.entries {
            let Some(written) = pair.key_str() else {
                continue;
            };
            let exact = keys.iter().find(|k| spelled(template, k.name, written));
            if let Some(k) = exact {
                found.insert(k.name, pair);
                continue;
            }
            let other = keys.iter().find(|k| k.name.eq_ignore_ascii_case(written));
            if let Some(&Key { name: camel, .. }) = other {
                self.facts.other_case.push(OtherCase {
                    span: pair.key.span,
                    written: written.to_string(),
                    expected: self.form.key(camel),
                    template,
                });
                found.insert(camel, pair);
                continue;
            }
            self.facts.unknown_keys.push(UnknownKey {
                span: pair.key.span,
                key: written.to_string(),
                place: format!("in {place}"),
                known: keys.iter().map(|k| self.form.key(k.name)).collect(),
            });
        }
        if map.complete {
            for &Key {
                name: camel,
                in_declaration,
                in_template,
                ..
            } in keys
            {
                let required = if template {
                    in_template
                } else {
                    in_declaration
                };
                if !required {
                    continue;
                }
                let key = self.form.key(camel);
                match found.get(camel) {
                    None => self.facts.missing.push(Missing {
                        span: anchor,
                        message: format!("{place} has no `{key}`"),
                        help: format!("add `{key}`"),
                    }),
                    Some(pair) if pair.value.is_null() => self.facts.missing.push(Missing {
                        span: pair.key.span,
                        message: format!("`{key}` of {place} is empty"),
                        help: format!("give `{key}` a value"),
                    }),
                    Some(_) => {}
                }
            }
        }
        Some(Obj { node, found })
    }

    /// Records a wrong type.
    fn wrong(&mut self, node: &Node, message: String, help: &str) {
        self.facts.wrong_types.push(WrongType {
            span: node.span,
            message,
            help: help.to_string(),
            fix: None,
        });
    }

    /// The opaque rendering of a value a template computes, if it is one.
    fn opaque(&self, node: &Node) -> Option<String> {
        if local_tag(node).is_some() {
            return Some(render(node));
        }
        if let Some(m) = node.map()
            && m.entries.len() == 1
            && m.entries
                .first()
                .and_then(Pair::key_str)
                .is_some_and(|k| k == "Ref" || k.starts_with("Fn::"))
        {
            return Some(render(node));
        }
        if self.form.is_template()
            && let Some(s) = node.scalar()
            && s.text.contains("{{resolve:")
        {
            return Some(s.text.clone());
        }
        None
    }

    /// A string value (`what`: how messages name it).
    fn text(&mut self, node: &Node, what: &str) -> Option<Text> {
        if node.is_invalid() {
            return None;
        }
        if let Some(r) = self.opaque(node) {
            return Some(Text {
                span: node.span,
                value: TextValue::Opaque(r),
            });
        }
        let Some(s) = node.scalar() else {
            self.wrong(
                node,
                format!("{what} must be a string, found {}", node.describe()),
                "write a single string here",
            );
            return None;
        };
        if s.is_null() {
            return None;
        }
        if !self.form.is_template() && s.kind() != ScalarKind::Str {
            let quote = if s.style == Style::Plain
                || s.style == Style::JsonNumber
                || s.style == Style::JsonBool
            {
                Some(format!("\"{}\"", s.text))
            } else {
                None
            };
            self.facts.wrong_types.push(WrongType {
                span: node.span,
                message: format!("{what} must be a string, found {}", node.describe()),
                help: "the AWS CLI rejects a number or boolean where the API expects a string; quote it".into(),
                fix: quote,
            });
        }
        Some(Text {
            span: node.span,
            value: TextValue::Literal(s.text.clone()),
        })
    }

    /// A string value from a closed set (recorded when outside it).
    fn enumerated(
        &mut self,
        node: &Node,
        what: &'static str,
        allowed: &'static [&'static str],
    ) -> Option<Text> {
        let t = self.text(node, &format!("the {what}"))?;
        if let Some(v) = t.literal()
            && !allowed.contains(&v)
        {
            self.facts.bad_values.push(BadValue {
                span: t.span,
                value: v.to_string(),
                what,
                allowed,
            });
        }
        Some(t)
    }

    /// An integer value.
    fn int(&mut self, node: &Node, what: &str) -> Option<Int> {
        if node.is_invalid() || node.is_null() {
            return None;
        }
        if let Some(r) = self.opaque(node) {
            return Some(Int {
                span: node.span,
                value: None,
                written: r,
                computed: true,
            });
        }
        let Some(s) = node.scalar() else {
            self.wrong(
                node,
                format!("{what} must be an integer, found {}", node.describe()),
                "write a whole number",
            );
            return None;
        };
        let value = match s.kind() {
            ScalarKind::Int => s.int(),
            ScalarKind::Str => {
                let digits = s.text.trim();
                let parsed = (!digits.is_empty()
                    && digits
                        .strip_prefix('-')
                        .unwrap_or(digits)
                        .bytes()
                        .all(|b| b.is_ascii_digit()))
                .then(|| digits.parse::<i64>().ok())
                .flatten();
                if parsed.is_some() && !self.form.is_template() {
                    self.facts.wrong_types.push(WrongType {
                        span: node.span,
                        message: format!("{what} must be an integer, found {}", node.describe()),
                        help: "the AWS CLI rejects a string where the API expects a number; remove the quotes".into(),
                        fix: Some(digits.to_string()),
                    });
                }
                parsed
            }
            _ => None,
        };
        Some(Int {
            span: node.span,
            value,
            written: s.text.clone(),
            computed: false,
        })
    }

    /// The items of a list value (conditional items of a template's `Fn::If` resolved to their
    /// first branch, marked `true`), or `None` with a wrong type recorded.
    fn list<'n>(&mut self, node: &'n Node, what: &str) -> Option<(Vec<(&'n Node, bool)>, bool)> {
        if node.is_invalid() || node.is_null() {
            return Some((Vec::new(), node.is_invalid()));
        }
        if self.opaque(node).is_some() {
            if let Some((a, b)) = if_branches(node) {
                // A whole list chosen by a condition: read the first branch that is a list.
                for branch in [a, b] {
                    if branch.seq().is_some() {
                        let (items, _) = self.list(branch, what)?;
                        return Some((items.into_iter().map(|(n, _)| (n, true)).collect(), true));
                    }
                }
            }
            return Some((Vec::new(), true));
        }
        let Some(seq) = node.seq() else {
            self.wrong(
                node,
                format!("{what} must be a list, found {}", node.describe()),
                "write a list (`- item` in YAML, `[…]` in JSON)",
            );
            return None;
        };
        let mut partial = !seq.complete;
        let mut items = Vec::new();
        for item in &seq.items {
            if item.is_invalid() {
                partial = true;
                continue;
            }
            if let Some((a, b)) = if_branches(item) {
                partial = true;
                if !is_no_value(a) {
                    items.push((a, true));
                } else if !is_no_value(b) {
                    items.push((b, true));
                }
                continue;
            }
            if self.opaque(item).is_some() {
                partial = true;
                continue;
            }
            items.push((item, false));
        }
        Some((items, partial))
    }

    /// A mapping value: `Some(node)` for a mapping, `None` for a computed value (`opaque` set)
    /// or a wrong type (recorded).
    fn mapping<'n>(&mut self, node: &'n Node, what: &str) -> Option<&'n Node> {
        if node.is_invalid() || node.is_null() || self.opaque(node).is_some() {
            return None;
        }
        if node.map().is_none() {
            self.wrong(
                node,
                format!("{what} must be a mapping, found {}", node.describe()),
                "write a mapping of keys and values",
            );
            return None;
        }
        Some(node)
    }

    fn pipeline(&mut self, node: &Node, anchor: Span, place: &str) -> Pipeline {
        let keys = if self.form.is_template() {
            TEMPLATE_KEYS
        } else {
            DECLARATION_KEYS
        };
        let mut p = Pipeline {
            span: node.span,
            anchor,
            ..Pipeline::default()
        };
        let Some(o) = self.object(node, keys, anchor, place) else {
            return p;
        };
        let form = self.form;
        let k = |camel: &str| form.key(camel);
        if let Some(n) = o.get("name") {
            p.name = self.text(n, &format!("`{}`", k("name")));
        }
        if let Some(n) = o.get("roleArn") {
            p.role_arn = self.text(n, &format!("`{}`", k("roleArn")));
        }
        if let Some(pair) = o.pair("artifactStore") {
            p.artifact_store = Some(self.store(&pair.value, pair.key.span, "the artifact store"));
        }
        if let Some(pair) = o.pair("artifactStores") {
            p.artifact_stores = Some(self.stores(pair));
        }
        if let Some(n) = o.get("version") {
            p.version = self.int(n, "`version`");
        }
        if let Some(n) = o.get("executionMode") {
            p.execution_mode = self.enumerated(n, "execution mode", EXECUTION_MODES);
        }
        if let Some(n) = o.get("pipelineType") {
            p.pipeline_type = self.enumerated(n, "pipeline type", PIPELINE_TYPES);
        }
        if let Some(pair) = o.pair("variables") {
            p.variables = Some(self.variables(pair));
        }
        if let Some(pair) = o.pair("triggers") {
            p.triggers = Some(self.triggers(pair));
        }
        if let Some(pair) = o.pair("stages") {
            p.stages = self.stages(pair);
        } else {
            p.stages.key = anchor;
            p.stages.span = anchor;
        }
        if let Some(n) = o.get("disableInboundStageTransitions")
            && let Some((items, _)) = self.list(n, "`DisableInboundStageTransitions`")
        {
            for (item, _) in items {
                let Some(t) =
                    self.object(item, TRANSITION_KEYS, item.span, "a disabled transition")
                else {
                    self.wrong(
                        item,
                        format!(
                            "a disabled transition must be a mapping, found {}",
                            item.describe()
                        ),
                        "write `StageName` and `Reason`",
                    );
                    continue;
                };
                let stage = t.get("stageName").and_then(|n| self.text(n, "`StageName`"));
                let reason = t.get("reason").and_then(|n| self.text(n, "`Reason`"));
                p.disabled_transitions
                    .push(DisabledTransition { stage, reason });
            }
        }
        if let Some(n) = o.get("tags")
            && let Some((items, _)) = self.list(n, "`Tags`")
        {
            for (item, _) in items {
                if self.object(item, TAG_KEYS, item.span, "a tag").is_none() {
                    self.wrong(
                        item,
                        format!("a tag must be a mapping, found {}", item.describe()),
                        "write `Key` and `Value`",
                    );
                }
            }
        }
        // The pipeline's region, when the default artifact bucket's or service role's name
        // tells it (the console names them `codepipeline-<region>-…` and
        // `AWSCodePipelineServiceRole-<region>-…`).
        if p.home_region.is_none() {
            p.home_region = p
                .artifact_store
                .as_ref()
                .and_then(|s| s.location.as_ref())
                .and_then(Text::literal)
                .and_then(|l| region_in(l, false));
        }
        if p.home_region.is_none() {
            p.home_region = p
                .role_arn
                .as_ref()
                .and_then(Text::literal)
                .and_then(|r| r.split_once("role/"))
                .and_then(|(_, name)| name.rsplit('/').next())
                .and_then(|name| name.strip_prefix("AWSCodePipelineServiceRole-"))
                .and_then(|rest| region_in(&format!("codepipeline-{rest}"), false));
        }
        let _ = o.node;
        p
    }

    fn store(&mut self, node: &Node, key: Span, place: &str) -> ArtifactStore {
        let mut store = ArtifactStore {
            key,
            span: node.span,
            ..ArtifactStore::default()
        };
        if self.opaque(node).is_some() {
            store.opaque = true;
            return store;
        }
        let Some(node) = self.mapping(node, &format!("`{}`", self.form.key("artifactStore")))
        else {
            return store;
        };
        let Some(o) = self.object(node, STORE_KEYS, key, place) else {
            return store;
        };
        if let Some(n) = o.get("type") {
            store.store_type = self.enumerated(n, "artifact store type", STORE_TYPES);
        }
        if let Some(n) = o.get("location") {
            store.location = self.text(n, "the artifact store's location");
        }
        if let Some(pair) = o.pair("encryptionKey") {
            let mut ek = EncryptionKey {
                key: pair.key.span,
                id: None,
                key_type: None,
            };
            if self.opaque(&pair.value).is_some() {
                ek.id = Some(Text {
                    span: pair.value.span,
                    value: TextValue::Opaque(render(&pair.value)),
                });
            } else if let Some(m) = self.mapping(&pair.value, "the encryption key")
                && let Some(e) = self.object(m, KEY_KEYS, pair.key.span, "the encryption key")
            {
                ek.id = e
                    .get("id")
                    .and_then(|n| self.text(n, "the encryption key's id"));
                ek.key_type = e
                    .get("type")
                    .and_then(|n| self.enumerated(n, "encryption key type", KEY_TYPES));
            }
            store.encryption_key = Some(ek);
        }
        store
    }

    fn stores(&mut self, pair: &Pair) -> List<RegionalStore> {
        let node = &pair.value;
        let mut list = List {
            key: pair.key.span,
            span: node.span,
            ..List::default()
        };
        if self.form.is_template() {
            let Some((items, partial)) = self.list(node, "`ArtifactStores`") else {
                return list;
            };
            list.partial = partial;
            for (item, _) in items {
                let Some(o) =
                    self.object(item, REGIONAL_KEYS, item.span, "an artifact store entry")
                else {
                    self.wrong(
                        item,
                        format!(
                            "an `ArtifactStores` entry must be a mapping, found {}",
                            item.describe()
                        ),
                        "write `Region` and `ArtifactStore`",
                    );
                    continue;
                };
                let region = o.get("region").and_then(|n| self.text(n, "`Region`"));
                let store = match o.pair("artifactStore") {
                    Some(p) => self.store(&p.value, p.key.span, "the artifact store"),
                    None => ArtifactStore {
                        key: item.span,
                        span: item.span,
                        opaque: true,
                        ..ArtifactStore::default()
                    },
                };
                list.items.push(RegionalStore { region, store });
            }
        } else {
            if self.opaque(node).is_some() {
                list.partial = true;
                return list;
            }
            let Some(m) = self.mapping(node, "`artifactStores`") else {
                return list;
            };
            for entry in m.entries() {
                let region = self.text(&entry.key, "a region");
                let store = self.store(
                    &entry.value,
                    entry.key.span,
                    &format!("the artifact store of `{}`", entry.key_str().unwrap_or("?")),
                );
                list.items.push(RegionalStore { region, store });
            }
        }
        list
    }

    fn variables(&mut self, pair: &Pair) -> List<Variable> {
        let mut list = List {
            key: pair.key.span,
            span: pair.value.span,
            ..List::default()
        };
        let what = format!("`{}`", self.form.key("variables"));
        let Some((items, partial)) = self.list(&pair.value, &what) else {
            return list;
        };
        list.partial = partial;
        for (item, _) in items {
            let Some(o) = self.object(item, VARIABLE_KEYS, item.span, "a variable") else {
                self.wrong(
                    item,
                    format!("a variable must be a mapping, found {}", item.describe()),
                    "write `name` and, optionally, `defaultValue` and `description`",
                );
                continue;
            };
            let name = o
                .get("name")
                .and_then(|n| self.text(n, "a variable's name"));
            let default_value = o
                .get("defaultValue")
                .and_then(|n| self.text(n, "a variable's default value"));
            if let Some(n) = o.get("description") {
                self.text(n, "a variable's description");
            }
            list.items.push(Variable {
                span: item.span,
                name,
                default_value,
            });
        }
        list
    }

    fn triggers(&mut self, pair: &Pair) -> List<Trigger> {
        let mut list = List {
            key: pair.key.span,
            span: pair.value.span,
            ..List::default()
        };
        let what = format!("`{}`", self.form.key("triggers"));
        let Some((items, partial)) = self.list(&pair.value, &what) else {
            return list;
        };
        list.partial = partial;
        for (item, _) in items {
            let Some(o) = self.object(item, TRIGGER_KEYS, item.span, "a trigger") else {
                self.wrong(
                    item,
                    format!("a trigger must be a mapping, found {}", item.describe()),
                    "write `providerType` and `gitConfiguration`",
                );
                continue;
            };
            let mut trigger = Trigger {
                span: item.span,
                provider_type: o
                    .get("providerType")
                    .and_then(|n| self.enumerated(n, "trigger provider type", TRIGGER_PROVIDERS)),
                source_action: None,
                filters: Vec::new(),
                events: Vec::new(),
            };
            if let Some(gp) = o.pair("gitConfiguration")
                && let Some(g) = self.mapping(&gp.value, "`gitConfiguration`")
                && let Some(go) =
                    self.object(g, GIT_KEYS, gp.key.span, "the trigger's `gitConfiguration`")
            {
                trigger.source_action = go
                    .get("sourceActionName")
                    .and_then(|n| self.text(n, "`sourceActionName`"));
                for (camel, keys) in [("push", PUSH_KEYS), ("pullRequest", PULL_REQUEST_KEYS)] {
                    let Some(lp) = go.pair(camel) else { continue };
                    let name = self.form.key(camel);
                    let Some((entries, _)) = self.list(&lp.value, &format!("`{name}`")) else {
                        continue;
                    };
                    let siblings = entries.len();
                    for (entry, _) in entries {
                        let Some(eo) =
                            self.object(entry, keys, entry.span, &format!("a `{name}` filter"))
                        else {
                            self.wrong(entry, format!("a `{name}` filter must be a mapping, found {}", entry.describe()), "write `branches`, `tags` or `filePaths` with `includes`/`excludes`");
                            continue;
                        };
                        let mut filter = GitFilter {
                            list: name.clone(),
                            span: entry.span,
                            siblings,
                            list_key: lp.key.span,
                            patterns: Vec::new(),
                        };
                        for group in ["tags", "branches", "filePaths"] {
                            let Some(gn) = eo.get(group) else { continue };
                            let Some(gm) = self.mapping(gn, &format!("`{}`", self.form.key(group)))
                            else {
                                continue;
                            };
                            let Some(fo) = self.object(
                                gm,
                                FILTER_KEYS,
                                gm.span,
                                &format!("`{}`", self.form.key(group)),
                            ) else {
                                continue;
                            };
                            for side in ["includes", "excludes"] {
                                let Some(sp) = fo.pair(side) else { continue };
                                let path =
                                    format!("{}.{}", self.form.key(group), self.form.key(side));
                                let Some((pats, _)) = self.list(&sp.value, &format!("`{path}`"))
                                else {
                                    continue;
                                };
                                let texts: Vec<Text> = pats
                                    .into_iter()
                                    .filter_map(|(n, _)| self.text(n, "a pattern"))
                                    .collect();
                                filter.patterns.push((path, sp.key.span, texts));
                            }
                        }
                        if camel == "pullRequest"
                            && let Some(ev) = eo.get("events")
                            && let Some((evs, _)) = self.list(ev, "`events`")
                        {
                            for (e, _) in evs {
                                if let Some(t) = self.enumerated(e, "pull request event", PR_EVENTS)
                                {
                                    trigger.events.push(t);
                                }
                            }
                        }
                        trigger.filters.push(filter);
                    }
                }
            }
            list.items.push(trigger);
        }
        list
    }

    fn stages(&mut self, pair: &Pair) -> List<Stage> {
        let mut list = List {
            key: pair.key.span,
            span: pair.value.span,
            ..List::default()
        };
        if pair.value.is_null() {
            // Reported as an empty required key; the list counts as absent.
            list.span = pair.key.span;
            return list;
        }
        let what = format!("`{}`", self.form.key("stages"));
        let Some((items, partial)) = self.list(&pair.value, &what) else {
            return list;
        };
        list.partial = partial;
        for (item, conditional) in items {
            let index = list.items.len();
            if item.map().is_none() {
                self.wrong(
                    item,
                    format!("a stage must be a mapping, found {}", item.describe()),
                    "write the stage's `name` and `actions`",
                );
                continue;
            }
            let stage = self.stage(item, index, conditional);
            list.items.push(stage);
        }
        list
    }

    fn stage(&mut self, node: &Node, index: usize, conditional: bool) -> Stage {
        let mut stage = Stage {
            index,
            span: node.span,
            conditional,
            ..Stage::default()
        };
        let name_hint = node
            .get(&self.form.key("name"))
            .and_then(Node::as_str)
            .map_or_else(
                || format!("stage {}", index + 1),
                |n| format!("stage `{n}`"),
            );
        let Some(o) = self.object(node, STAGE_KEYS, opening(node, self.text), &name_hint) else {
            return stage;
        };
        if let Some(n) = o.get("name") {
            stage.name = self.text(n, &format!("the name of {name_hint}"));
        }
        if let Some(pair) = o.pair("actions") {
            stage.actions = self.actions(pair, &name_hint, conditional);
        } else {
            stage.actions.key = opening(node, self.text);
            stage.actions.span = opening(node, self.text);
        }
        if let Some(n) = o.get("blockers")
            && let Some((items, _)) = self.list(n, "`blockers`")
        {
            for (item, _) in items {
                match self.object(item, BLOCKER_KEYS, item.span, "a blocker") {
                    Some(b) => {
                        if let Some(t) = b.get("type") {
                            self.enumerated(t, "blocker type", BLOCKER_TYPES);
                        }
                    }
                    None => self.wrong(
                        item,
                        format!("a blocker must be a mapping, found {}", item.describe()),
                        "write `name` and `type`",
                    ),
                }
            }
        }
        if let Some(pair) = o.pair("onFailure") {
            stage.on_failure = self.conditions(pair, ON_FAILURE_KEYS, &name_hint);
        }
        if let Some(pair) = o.pair("onSuccess") {
            stage.on_success = self.conditions(pair, CONDITIONS_KEYS, &name_hint);
        }
        if let Some(pair) = o.pair("beforeEntry") {
            stage.before_entry = self.conditions(pair, CONDITIONS_KEYS, &name_hint);
        }
        stage
    }

    fn conditions(&mut self, pair: &Pair, keys: Keys, stage: &str) -> Option<StageConditions> {
        let key = pair.key_str().unwrap_or("?").to_string();
        let mut out = StageConditions {
            name: key.clone(),
            key: pair.key.span,
            span: pair.value.span,
            result: None,
            retry_mode: None,
            conditions: None,
        };
        let Some(node) = self.mapping(&pair.value, &format!("`{key}` of {stage}")) else {
            return Some(out);
        };
        let o = self.object(node, keys, pair.key.span, &format!("`{key}` of {stage}"))?;
        if let Some(n) = o.get("result") {
            out.result = self.enumerated(n, "stage condition result", RESULTS);
        }
        if let Some(n) = o.get("retryConfiguration")
            && let Some(m) = self.mapping(n, "`retryConfiguration`")
            && let Some(r) = self.object(
                m,
                RETRY_KEYS,
                o.key_span("retryConfiguration").unwrap_or(m.span),
                "`retryConfiguration`",
            )
            && let Some(mode) = r.get("retryMode")
        {
            out.retry_mode = self.enumerated(mode, "retry mode", RETRY_MODES);
        }
        if let Some(cp) = o.pair("conditions") {
            let mut list = List {
                key: cp.key.span,
                span: cp.value.span,
                ..List::default()
            };
            if let Some((items, partial)) = self.list(&cp.value, "`conditions`") {
                list.partial = partial;
                for (item, _) in items {
                    let Some(c) = self.object(item, CONDITION_KEYS, item.span, "a condition")
                    else {
                        self.wrong(
                            item,
                            format!("a condition must be a mapping, found {}", item.describe()),
                            "write `result` and `rules`",
                        );
                        continue;
                    };
                    let result = c
                        .get("result")
                        .and_then(|n| self.enumerated(n, "stage condition result", RESULTS));
                    let rules = c.pair("rules").map(|rp| self.rules(rp));
                    list.items.push(Condition {
                        span: item.span,
                        result,
                        rules,
                    });
                }
            }
            out.conditions = Some(list);
        }
        Some(out)
    }

    fn rules(&mut self, pair: &Pair) -> List<ConditionRule> {
        let mut list = List {
            key: pair.key.span,
            span: pair.value.span,
            ..List::default()
        };
        let Some((items, partial)) = self.list(&pair.value, "`rules`") else {
            return list;
        };
        list.partial = partial;
        for (item, _) in items {
            let Some(r) = self.object(item, RULE_KEYS, item.span, "a condition rule") else {
                self.wrong(
                    item,
                    format!(
                        "a condition rule must be a mapping, found {}",
                        item.describe()
                    ),
                    "write `name` and `ruleTypeId`",
                );
                continue;
            };
            let mut rule = ConditionRule {
                span: item.span,
                name: r.get("name").and_then(|n| self.text(n, "a rule's name")),
                category: None,
                owner: None,
                provider: None,
            };
            if let Some(tp) = r.pair("ruleTypeId")
                && let Some(m) = self.mapping(&tp.value, "`ruleTypeId`")
                && let Some(t) = self.object(m, RULE_TYPE_KEYS, tp.key.span, "`ruleTypeId`")
            {
                rule.category = t
                    .get("category")
                    .and_then(|n| self.text(n, "the rule category"));
                rule.owner = t.get("owner").and_then(|n| self.text(n, "the rule owner"));
                rule.provider = t
                    .get("provider")
                    .and_then(|n| self.text(n, "the rule provider"));
            }
            list.items.push(rule);
        }
        list
    }

    fn actions(&mut self, pair: &Pair, stage: &str, stage_conditional: bool) -> List<Action> {
        let mut list = List {
            key: pair.key.span,
            span: pair.value.span,
            ..List::default()
        };
        if pair.value.is_null() {
            list.span = pair.key.span;
            return list;
        }
        let what = format!("`{}` of {stage}", self.form.key("actions"));
        let Some((items, partial)) = self.list(&pair.value, &what) else {
            return list;
        };
        list.partial = partial;
        for (item, conditional) in items {
            if item.map().is_none() {
                self.wrong(
                    item,
                    format!("an action must be a mapping, found {}", item.describe()),
                    "write the action's `name`, `actionTypeId` and the rest",
                );
                continue;
            }
            let index = list.items.len();
            let action = self.action(item, index, stage, conditional || stage_conditional);
            list.items.push(action);
        }
        list
    }

    fn action(&mut self, node: &Node, index: usize, stage: &str, conditional: bool) -> Action {
        let mut a = Action {
            index,
            span: node.span,
            conditional,
            ..Action::default()
        };
        let place = node
            .get(&self.form.key("name"))
            .and_then(Node::as_str)
            .map_or_else(
                || format!("action {} of {stage}", index + 1),
                |n| format!("action `{n}` of {stage}"),
            );
        let Some(o) = self.object(node, ACTION_KEYS, opening(node, self.text), &place) else {
            return a;
        };
        if let Some(n) = o.get("name") {
            a.name = self.text(n, &format!("the name of {place}"));
        }
        if let Some(tp) = o.pair("actionTypeId") {
            a.type_key = Some(tp.key.span);
            if let Some(m) = self.mapping(
                &tp.value,
                &format!("`{}` of {place}", self.form.key("actionTypeId")),
            ) && let Some(t) = self.object(
                m,
                TYPE_KEYS,
                tp.key.span,
                &format!("the `{}` of {place}", self.form.key("actionTypeId")),
            ) {
                a.category = t
                    .get("category")
                    .and_then(|n| self.enumerated(n, "action category", CATEGORIES));
                a.owner = t
                    .get("owner")
                    .and_then(|n| self.enumerated(n, "action owner", OWNERS));
                a.provider = t
                    .get("provider")
                    .and_then(|n| self.text(n, &format!("the provider of {place}")));
                a.version = t
                    .get("version")
                    .and_then(|n| self.text(n, &format!("the `version` of {place}")));
            }
        }
        if let Some(n) = o.get("runOrder") {
            a.run_order = self.int(n, &format!("`{}` of {place}", self.form.key("runOrder")));
        }
        if let Some(cp) = o.pair("configuration") {
            a.configuration = Some(self.configuration(cp, &place));
        }
        if let Some(ip) = o.pair("inputArtifacts") {
            a.inputs = Some(self.artifacts(ip, INPUT_KEYS, &place));
        }
        if let Some(op) = o.pair("outputArtifacts") {
            a.outputs = Some(self.artifacts(op, OUTPUT_KEYS, &place));
        }
        if let Some(n) = o.get("namespace") {
            a.namespace = self.text(n, &format!("the namespace of {place}"));
        }
        if let Some(n) = o.get("region") {
            a.region = self.text(n, &format!("the region of {place}"));
        }
        if let Some(n) = o.get("roleArn") {
            a.role_arn = self.text(n, &format!("the role of {place}"));
        }
        if let Some(n) = o.get("timeoutInMinutes") {
            a.timeout = self.int(
                n,
                &format!("`{}` of {place}", self.form.key("timeoutInMinutes")),
            );
        }
        for key in ["commands", "outputVariables"] {
            if let Some(n) = o.get(key)
                && let Some((items, _)) =
                    self.list(n, &format!("`{}` of {place}", self.form.key(key)))
            {
                for (item, _) in items {
                    self.text(item, &format!("an item of `{}`", self.form.key(key)));
                }
            }
        }
        if let Some(n) = o.get("environmentVariables")
            && let Some((items, _)) = self.list(n, "`environmentVariables`")
        {
            for (item, _) in items {
                match self.object(item, ENV_KEYS, item.span, "an environment variable") {
                    Some(e) => {
                        if let Some(t) = e.get("type") {
                            self.enumerated(t, "environment variable type", ENV_TYPES);
                        }
                    }
                    None => self.wrong(
                        item,
                        format!(
                            "an environment variable must be a mapping, found {}",
                            item.describe()
                        ),
                        "write `name`, `value` and `type`",
                    ),
                }
            }
        }
        a
    }

    fn configuration(&mut self, pair: &Pair, place: &str) -> List<ConfigEntry> {
        let node = &pair.value;
        let mut list = List {
            key: pair.key.span,
            span: node.span,
            ..List::default()
        };
        if node.is_null() || node.is_invalid() {
            return list;
        }
        if self.opaque(node).is_some() {
            list.partial = true;
            return list;
        }
        // CloudFormation also takes the configuration as a JSON string (cfn-lint accepts it):
        // its keys cannot be seen without reading that string, so it is left opaque.
        if self.form.is_template() && node.scalar().is_some() {
            list.partial = true;
            return list;
        }
        let Some(map) = node.map() else {
            self.wrong(
                node,
                format!(
                    "the configuration of {place} must be a mapping, found {}",
                    node.describe()
                ),
                "write the configuration as a mapping of keys to strings",
            );
            return list;
        };
        list.partial = !map.complete;
        for entry in &map.entries {
            let Some(key) = entry.key_str() else { continue };
            if key.starts_with("Fn::") && self.form.is_template() {
                list.partial = true;
                continue;
            }
            let Some(value) = self.text(&entry.value, &format!("configuration `{key}` of {place}"))
            else {
                if entry.value.is_null() {
                    // An empty value: the length rule reports it.
                    list.items.push(ConfigEntry {
                        key: key.to_string(),
                        key_span: entry.key.span,
                        value: Text {
                            span: entry.value.span,
                            value: TextValue::Literal(String::new()),
                        },
                    });
                }
                continue;
            };
            list.items.push(ConfigEntry {
                key: key.to_string(),
                key_span: entry.key.span,
                value,
            });
        }
        list
    }

    fn artifacts(&mut self, pair: &Pair, keys: Keys, place: &str) -> List<ArtifactRef> {
        let mut list = List {
            key: pair.key.span,
            span: pair.value.span,
            ..List::default()
        };
        let what = format!("`{}` of {place}", pair.key_str().unwrap_or("artifacts"));
        let Some((items, partial)) = self.list(&pair.value, &what) else {
            return list;
        };
        list.partial = partial;
        for (item, conditional) in items {
            if let Some(s) = item.scalar()
                && !s.is_null()
            {
                // `[SourceOutput]` instead of `[{name: SourceOutput}]`: a wrong type, but the
                // name is clear, so the artifact still takes part in the flow.
                let name = self.form.key("name");
                self.facts.wrong_types.push(WrongType {
                    span: item.span,
                    message: format!(
                        "an artifact must be a mapping with `{name}`, found {}",
                        item.describe()
                    ),
                    help: format!("write `{{\"{name}\": \"{}\"}}`", s.text),
                    fix: None,
                });
                list.items.push(ArtifactRef {
                    span: item.span,
                    name: Text {
                        span: item.span,
                        value: TextValue::Literal(s.text.clone()),
                    },
                    conditional,
                });
                continue;
            }
            let Some(o) = self.object(item, keys, item.span, "an artifact") else {
                self.wrong(
                    item,
                    format!("an artifact must be a mapping, found {}", item.describe()),
                    "write the artifact's `name`",
                );
                continue;
            };
            if let Some(name) = o
                .get("name")
                .and_then(|n| self.text(n, "an artifact's name"))
            {
                list.items.push(ArtifactRef {
                    span: item.span,
                    name,
                    conditional,
                });
            }
            if let Some(files) = o.get("files")
                && let Some((fs, _)) = self.list(files, "`files`")
            {
                for (f, _) in fs {
                    self.text(f, "a file path");
                }
            }
        }
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Limits, parse_json, parse_yaml};

    fn yaml(text: &str) -> (PipelineFile, LoweringFacts) {
        lower(&parse_yaml(text, &Limits::default()).root, text)
    }

    #[test]
    fn regions() {
        assert_eq!(
            region_in("codepipeline-us-east-1-1234567890", false).as_deref(),
            Some("us-east-1")
        );
        assert_eq!(
            region_in("arn:aws:codepipeline:eu-west-3:123:p", true).as_deref(),
            Some("eu-west-3")
        );
        assert_eq!(region_in("my-bucket", false), None);
    }

    #[test]
    fn template_values_are_opaque() {
        let (file, facts) = yaml(
            "Resources:\n  P:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n      RoleArn: !GetAtt Role.Arn\n      Stages:\n        - !If [C, {Name: A, Actions: []}, !Ref AWS::NoValue]\n",
        );
        assert_eq!(file.form, Form::Template);
        let p = &file.pipelines[0];
        assert!(p.role_arn.as_ref().is_some_and(Text::is_opaque));
        assert_eq!(p.stages.items.len(), 1);
        assert!(p.stages.items[0].conditional);
        assert!(facts.wrong_types.is_empty(), "{facts:?}");
    }

    #[test]
    fn declarations_read_strictly() {
        let text = r#"{"pipeline": {"name": "p", "roleArn": "r", "stages": [{"name": "S", "actions": [{"name": "A", "runOrder": "2", "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "S3", "version": 1}}]}], "Version": 1}, "metadata": {"pipelineArn": "arn:aws:codepipeline:eu-west-1:1:p"}}"#;
        let (file, facts) = lower(&parse_json(text, &Limits::default()).root, text);
        assert_eq!(file.form, Form::Declaration { wrapped: true });
        assert!(file.metadata.is_some());
        let p = &file.pipelines[0];
        assert_eq!(p.home_region.as_deref(), Some("eu-west-1"));
        assert_eq!(facts.wrong_types.len(), 2, "{facts:?}");
        assert_eq!(facts.other_case.len(), 1);
        let a = &p.stages.items[0].actions.items[0];
        assert_eq!(a.run_order(), Some(2));
    }
}
