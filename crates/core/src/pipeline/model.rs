//! The pipeline model: what a file declares, lowered once from the tree (`lower.rs`) and shared
//! by the `CP` rules and the run simulator.
//!
//! One model serves the three input forms: the declaration `aws codepipeline get-pipeline`
//! prints (camelCase, with or without the outer `{"pipeline": …}`, in JSON or YAML) and the
//! `AWS::CodePipeline::Pipeline` resources of a CloudFormation template (PascalCase). Every part
//! keeps its span. A value a template computes (`!Ref`, `!Sub`, `Fn::If`, `{{resolve:…}}`) is
//! [`TextValue::Opaque`]: rules never judge it, so a template never gets a false error for what
//! CloudFormation fills in. Lowering is lenient: what is missing or malformed is left out or
//! marked, and the rules say what is wrong.

use crate::source::Span;

/// Everything a pipeline file declares (the kind's model).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PipelineFile {
    /// How the file is written.
    pub form: Form,
    /// The pipelines, in document order (a template may hold several).
    pub pipelines: Vec<Pipeline>,
    /// The `metadata` key of `get-pipeline` output, which `create-pipeline` rejects.
    pub metadata: Option<Span>,
}

impl PipelineFile {
    /// The pipeline named `name` (its name or, in a template, its logical id), or the first one
    /// when `name` is `None`.
    pub fn pipeline(&self, name: Option<&str>) -> Option<&Pipeline> {
        match name {
            None => self.pipelines.first(),
            Some(n) => self.pipelines.iter().find(|p| {
                p.name.as_ref().and_then(Text::literal) == Some(n)
                    || p.resource.as_ref().and_then(Text::literal) == Some(n)
            }),
        }
    }
}

/// How a pipeline file is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Form {
    /// A pipeline declaration (camelCase), as `get-pipeline` prints it and `create-pipeline` /
    /// `update-pipeline` take it; `wrapped` when inside `{"pipeline": …}`.
    Declaration {
        /// Whether the declaration is the value of a top-level `pipeline` key.
        wrapped: bool,
    },
    /// A CloudFormation template (PascalCase) with `AWS::CodePipeline::Pipeline` resources.
    Template,
    /// Neither: nothing in the file reads as a pipeline.
    #[default]
    Unknown,
}

impl Form {
    /// Whether the file is a CloudFormation template.
    pub fn is_template(self) -> bool {
        self == Form::Template
    }

    /// A key as this form spells it: `roleArn` in a declaration, `RoleArn` in a template.
    pub fn key(self, camel: &str) -> String {
        if self.is_template() {
            pascal(camel)
        } else {
            camel.to_string()
        }
    }
}

/// `roleArn` → `RoleArn`.
pub fn pascal(camel: &str) -> String {
    let mut chars = camel.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// A scalar as the file gives it: a literal, or a value a template computes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub value: TextValue,
}

/// The content of a [`Text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextValue {
    /// A literal value (numbers and booleans as written).
    Literal(String),
    /// A value CloudFormation computes (`!Ref X`, `Fn::Sub`, `Fn::If`, `{{resolve:…}}`): its
    /// short rendering, used to compare two computed values (`!Sub '${Repo}-src'` names the same
    /// artifact wherever it is written) and to show it.
    Opaque(String),
}

impl Text {
    /// The literal value, if the file gives one.
    pub fn literal(&self) -> Option<&str> {
        match &self.value {
            TextValue::Literal(s) => Some(s),
            TextValue::Opaque(_) => None,
        }
    }

    /// Whether a template computes the value.
    pub fn is_opaque(&self) -> bool {
        matches!(self.value, TextValue::Opaque(_))
    }

    /// The value for people: the literal, or the rendering of what computes it.
    pub fn display(&self) -> &str {
        match &self.value {
            TextValue::Literal(s) | TextValue::Opaque(s) => s,
        }
    }

    /// Whether the literal value is `value`.
    pub fn is(&self, value: &str) -> bool {
        self.literal() == Some(value)
    }
}

/// An integer as the file gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Int {
    /// Where it is.
    pub span: Span,
    /// The integer, when the value is one (`None`: computed by the template, or not an integer:
    /// lowering recorded the wrong type).
    pub value: Option<i64>,
    /// The value as written (for messages).
    pub written: String,
    /// Whether a template computes the value.
    pub computed: bool,
}

/// A list the file gives: its items, and whether part of it is computed by the template (then
/// counts are only lower bounds and missing items are no finding).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct List<T> {
    /// The key holding the list (or the list itself when there is no key).
    pub key: Span,
    /// The list.
    pub span: Span,
    /// The items read.
    pub items: Vec<T>,
    /// Whether the template computes the list or some of its items.
    pub partial: bool,
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List {
            key: Span::default(),
            span: Span::default(),
            items: Vec::new(),
            partial: false,
        }
    }
}

/// One pipeline declaration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pipeline {
    /// The declaration's mapping (a template's `Properties`).
    pub span: Span,
    /// Where pipeline-level findings without a key of their own go: the `pipeline` key, the
    /// resource's logical id, or the declaration's first character.
    pub anchor: Span,
    /// The template's logical id of the resource.
    pub resource: Option<Text>,
    /// `name`.
    pub name: Option<Text>,
    /// `roleArn`.
    pub role_arn: Option<Text>,
    /// `artifactStore`, with the span of its key.
    pub artifact_store: Option<ArtifactStore>,
    /// `artifactStores` (a region → store mapping in a declaration, a list of `{Region,
    /// ArtifactStore}` in a template).
    pub artifact_stores: Option<List<RegionalStore>>,
    /// `stages`.
    pub stages: List<Stage>,
    /// `version` (read-only; `get-pipeline` prints it).
    pub version: Option<Int>,
    /// `executionMode`.
    pub execution_mode: Option<Text>,
    /// `pipelineType`.
    pub pipeline_type: Option<Text>,
    /// `variables` (pipeline-level, V2).
    pub variables: Option<List<Variable>>,
    /// `triggers` (V2).
    pub triggers: Option<List<Trigger>>,
    /// `DisableInboundStageTransitions` (templates only).
    pub disabled_transitions: Vec<DisabledTransition>,
    /// The region the pipeline lives in, when the file tells it (the `pipelineArn` of
    /// `get-pipeline`'s metadata, or a default artifact bucket named `codepipeline-<region>-…`).
    pub home_region: Option<String>,
}

impl Pipeline {
    /// A short name for messages and reports: the name, the logical id, or `pipeline`.
    pub fn label(&self) -> String {
        if let Some(name) = self.name.as_ref().and_then(Text::literal) {
            return name.to_string();
        }
        if let Some(id) = self.resource.as_ref().and_then(Text::literal) {
            return id.to_string();
        }
        "pipeline".to_string()
    }

    /// Every action with its stage, in declaration order.
    pub fn actions(&self) -> impl Iterator<Item = (&Stage, &Action)> {
        self.stages
            .items
            .iter()
            .flat_map(|s| s.actions.items.iter().map(move |a| (s, a)))
    }

    /// The execution mode as declared (SUPERSEDED when absent or computed).
    pub fn mode(&self) -> ExecutionMode {
        self.execution_mode
            .as_ref()
            .and_then(Text::literal)
            .and_then(ExecutionMode::from_aws)
            .unwrap_or(ExecutionMode::Superseded)
    }

    /// Whether any part of the declaration is computed by a template.
    pub fn uses_template_values(&self) -> bool {
        self.stages.partial || self.stages.items.iter().any(|s| s.conditional)
    }
}

/// How a pipeline handles several executions (A9).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "SCREAMING_SNAKE_CASE")
)]
pub enum ExecutionMode {
    /// One execution per stage; a newer execution waiting at a stage replaces an older one.
    #[default]
    Superseded,
    /// One execution per stage; waiting executions go through in arrival order (V2).
    Queued,
    /// Executions run independently, no stage locking (V2).
    Parallel,
}

impl ExecutionMode {
    /// Every mode.
    pub const ALL: [ExecutionMode; 3] = [
        ExecutionMode::Superseded,
        ExecutionMode::Queued,
        ExecutionMode::Parallel,
    ];

    /// `SUPERSEDED`, `QUEUED` or `PARALLEL`.
    pub fn aws_name(self) -> &'static str {
        match self {
            ExecutionMode::Superseded => "SUPERSEDED",
            ExecutionMode::Queued => "QUEUED",
            ExecutionMode::Parallel => "PARALLEL",
        }
    }

    /// The mode AWS names `name`.
    pub fn from_aws(name: &str) -> Option<ExecutionMode> {
        ExecutionMode::ALL
            .into_iter()
            .find(|m| m.aws_name() == name)
    }

    /// Whether a stage processes one execution at a time.
    pub fn locks_stages(self) -> bool {
        self != ExecutionMode::Parallel
    }
}

/// `artifactStore`: the S3 bucket holding the pipeline's artifacts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArtifactStore {
    /// The key holding the store.
    pub key: Span,
    /// The store's mapping (or computed value).
    pub span: Span,
    /// Whether a template computes the whole store.
    pub opaque: bool,
    /// `type`.
    pub store_type: Option<Text>,
    /// `location` (the bucket).
    pub location: Option<Text>,
    /// `encryptionKey`: its `id` when given, and the key's span.
    pub encryption_key: Option<EncryptionKey>,
}

/// `encryptionKey` of an artifact store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncryptionKey {
    /// The key holding it.
    pub key: Span,
    /// `id`.
    pub id: Option<Text>,
    /// `type`.
    pub key_type: Option<Text>,
}

/// One entry of `artifactStores`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionalStore {
    /// The region (the mapping's key in a declaration, `Region` in a template).
    pub region: Option<Text>,
    /// The store.
    pub store: ArtifactStore,
}

/// A pipeline-level variable (V2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variable {
    /// The item.
    pub span: Span,
    /// `name`.
    pub name: Option<Text>,
    /// `defaultValue`.
    pub default_value: Option<Text>,
}

/// A trigger (V2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trigger {
    /// The item.
    pub span: Span,
    /// `providerType`.
    pub provider_type: Option<Text>,
    /// `gitConfiguration.sourceActionName`.
    pub source_action: Option<Text>,
    /// The filters of `gitConfiguration.push` and `gitConfiguration.pullRequest`.
    pub filters: Vec<GitFilter>,
    /// `gitConfiguration.pullRequest[].events` values.
    pub events: Vec<Text>,
}

/// One `push` or `pullRequest` entry of a trigger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GitFilter {
    /// `push` or `pullRequest` (as the form spells it).
    pub list: String,
    /// The entry.
    pub span: Span,
    /// The number of entries of its list (1–3 allowed).
    pub siblings: usize,
    /// The key of its list.
    pub list_key: Span,
    /// Each `includes`/`excludes` list of the entry's `tags`, `branches` and `filePaths`: its
    /// path (`branches.includes`), span and patterns.
    pub patterns: Vec<(String, Span, Vec<Text>)>,
}

/// A stage transition a template disables (`DisableInboundStageTransitions`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisabledTransition {
    /// `StageName`.
    pub stage: Option<Text>,
    /// `Reason`.
    pub reason: Option<Text>,
}

/// One stage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stage {
    /// Position in `stages` (0-based).
    pub index: usize,
    /// The stage's mapping.
    pub span: Span,
    /// `name`.
    pub name: Option<Text>,
    /// `actions`.
    pub actions: List<Action>,
    /// Whether the stage exists only under a template condition (`Fn::If`).
    pub conditional: bool,
    /// `onFailure`.
    pub on_failure: Option<StageConditions>,
    /// `onSuccess`.
    pub on_success: Option<StageConditions>,
    /// `beforeEntry`.
    pub before_entry: Option<StageConditions>,
}

impl Stage {
    /// A short name for messages: the stage's name, or its position.
    pub fn label(&self) -> String {
        match &self.name {
            Some(n) => n.display().to_string(),
            None => format!("stage {}", self.index + 1),
        }
    }

    /// The literal name.
    pub fn name(&self) -> Option<&str> {
        self.name.as_ref().and_then(Text::literal)
    }

    /// The `onFailure` result, when literal (`RETRY`, `ROLLBACK`, …).
    pub fn failure_result(&self) -> Option<&str> {
        self.on_failure
            .as_ref()
            .and_then(|c| c.result.as_ref())
            .and_then(Text::literal)
    }
}

/// `onFailure`, `onSuccess` or `beforeEntry` of a stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageConditions {
    /// The key as written.
    pub name: String,
    /// The key.
    pub key: Span,
    /// The value.
    pub span: Span,
    /// `result` (`onFailure` only; in `conditions` items it is in [`Condition::result`]).
    pub result: Option<Text>,
    /// `retryConfiguration.retryMode`.
    pub retry_mode: Option<Text>,
    /// `conditions`.
    pub conditions: Option<List<Condition>>,
}

impl StageConditions {
    /// Which it is, as the file spells it (`onFailure`, `OnSuccess`, …).
    pub fn key_text(&self) -> &str {
        &self.name
    }
}

/// One condition of a stage's `conditions` list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    /// The item.
    pub span: Span,
    /// `result`.
    pub result: Option<Text>,
    /// `rules`.
    pub rules: Option<List<ConditionRule>>,
}

/// One rule of a condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionRule {
    /// The item.
    pub span: Span,
    /// `name`.
    pub name: Option<Text>,
    /// `ruleTypeId.category`.
    pub category: Option<Text>,
    /// `ruleTypeId.owner`.
    pub owner: Option<Text>,
    /// `ruleTypeId.provider`.
    pub provider: Option<Text>,
}

/// One action.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Action {
    /// Position in its stage's `actions` (0-based).
    pub index: usize,
    /// The action's mapping.
    pub span: Span,
    /// `name`.
    pub name: Option<Text>,
    /// `actionTypeId` (its key), when present.
    pub type_key: Option<Span>,
    /// `actionTypeId.category`.
    pub category: Option<Text>,
    /// `actionTypeId.owner`.
    pub owner: Option<Text>,
    /// `actionTypeId.provider`.
    pub provider: Option<Text>,
    /// `actionTypeId.version`.
    pub version: Option<Text>,
    /// `runOrder` (1 when absent).
    pub run_order: Option<Int>,
    /// `configuration`, when present.
    pub configuration: Option<List<ConfigEntry>>,
    /// `inputArtifacts`.
    pub inputs: Option<List<ArtifactRef>>,
    /// `outputArtifacts`.
    pub outputs: Option<List<ArtifactRef>>,
    /// `namespace`.
    pub namespace: Option<Text>,
    /// `region`.
    pub region: Option<Text>,
    /// `roleArn`.
    pub role_arn: Option<Text>,
    /// `timeoutInMinutes`.
    pub timeout: Option<Int>,
    /// Whether the action exists only under a template condition (`Fn::If`).
    pub conditional: bool,
}

impl Action {
    /// A short name for messages: the action's name, or its position.
    pub fn label(&self) -> String {
        match &self.name {
            Some(n) => n.display().to_string(),
            None => format!("action {}", self.index + 1),
        }
    }

    /// The literal name.
    pub fn name(&self) -> Option<&str> {
        self.name.as_ref().and_then(Text::literal)
    }

    /// The run order: the literal value, 1 when absent (AWS's default), `None` when computed
    /// or malformed.
    pub fn run_order(&self) -> Option<i64> {
        match &self.run_order {
            None => Some(1),
            Some(r) => r.value,
        }
    }

    /// The literal category.
    pub fn category(&self) -> Option<&str> {
        self.category.as_ref().and_then(Text::literal)
    }

    /// The literal owner.
    pub fn owner(&self) -> Option<&str> {
        self.owner.as_ref().and_then(Text::literal)
    }

    /// The literal provider.
    pub fn provider(&self) -> Option<&str> {
        self.provider.as_ref().and_then(Text::literal)
    }

    /// Whether the action is a Source action.
    pub fn is_source(&self) -> bool {
        self.category() == Some("Source")
    }

    /// Whether the action is a manual approval.
    pub fn is_manual_approval(&self) -> bool {
        self.category() == Some("Approval") && self.provider() == Some("Manual")
    }

    /// The configuration entry `key` (exact key).
    pub fn config(&self, key: &str) -> Option<&ConfigEntry> {
        self.configuration
            .as_ref()?
            .items
            .iter()
            .rev()
            .find(|e| e.key == key)
    }

    /// The literal value of configuration entry `key`.
    pub fn config_str(&self, key: &str) -> Option<&str> {
        self.config(key).and_then(|e| e.value.literal())
    }

    /// Whether the configuration is (in part) computed by a template, so that a key may be
    /// there without being seen.
    pub fn config_partial(&self) -> bool {
        self.configuration.as_ref().is_some_and(|c| c.partial)
    }

    /// The input artifacts read (empty when none are declared).
    pub fn input_refs(&self) -> &[ArtifactRef] {
        self.inputs.as_ref().map_or(&[], |l| l.items.as_slice())
    }

    /// The output artifacts read (empty when none are declared).
    pub fn output_refs(&self) -> &[ArtifactRef] {
        self.outputs.as_ref().map_or(&[], |l| l.items.as_slice())
    }
}

/// One configuration entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigEntry {
    /// The key as written.
    pub key: String,
    /// The key's span.
    pub key_span: Span,
    /// The value.
    pub value: Text,
}

/// One input or output artifact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArtifactRef {
    /// The item.
    pub span: Span,
    /// `name`.
    pub name: Text,
    /// Whether the artifact exists only under a template condition.
    pub conditional: bool,
}
