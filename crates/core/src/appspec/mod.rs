//! CodeDeploy AppSpec (EC2/on-premises, ECS, Lambda): schema, rules (`AS…`) and the
//! lifecycle-event timeline.
//!
//! The platform is told from the content ([`model::detect`]): `os` means EC2/on-premises,
//! `Resources` with `AWS::ECS::Service` or `AWS::Lambda::Function` means ECS or Lambda. When
//! nothing tells, rule AS014 says so once and only the keys are checked.
//!
//! How scalars are read:
//! - EC2/on-premises AppSpecs are read by the CodeDeploy agent, a Ruby program using a YAML 1.1
//!   reader ([`ruby`]): `version` must be the number 0.0 (`"0.0"` is a string and fails), an
//!   unquoted `mode: 0644` is the octal number 420, `timeout` goes through Ruby's `to_i`
//!   (`"300s"` is 300), and keys are case-sensitive.
//! - ECS and Lambda AppSpecs are read by the CodeDeploy service (YAML or JSON); keys are matched
//!   ignoring case (the documentation spells them both ways), `ContainerPort` is a number and
//!   every other property a string.

pub mod events;
pub mod lifecycle;
pub mod model;
mod ruby;
pub(crate) mod rules;
mod schema;

use crate::diagnostic::Diagnostic;
use crate::kinds::{BY_KEY, BY_NAME, BY_VALUE, FileName, Formats, KindInfo, Strength};
use crate::schema::Checker;
use crate::source::{Document, Node};

/// The AppSpec's model.
pub type Model = AppSpec;

/// The kind: CodeDeploy `appspec.yml` / `appspec.json`.
pub static INFO: KindInfo = KindInfo {
    id: "appspec",
    title: "CodeDeploy AppSpec",
    code_prefix: "AS",
    formats: Formats::YamlOrJson,
    file_name,
    checked: true,
};

/// `appspec*.yml|yaml|json`.
fn file_name(name: &FileName<'_>) -> Option<Strength> {
    (name.stem.starts_with("appspec") && (name.is_yaml() || name.is_json())).then_some(BY_NAME)
}

/// `os`, `hooks`, a `Resources` list (a CloudFormation template's is a mapping), or `Resources`
/// with a `version`, say AppSpec; so does `version: 0.0`.
pub(crate) fn detect(root: &Node, _json: bool) -> Option<Strength> {
    let has = |k: &str| root.get(k).is_some();
    let version = root.get("version").and_then(Node::as_str);
    let resources_list = root.get("Resources").is_some_and(|r| r.seq().is_some());
    if has("os")
        || has("hooks")
        || has("Hooks")
        || resources_list
        || has("Resources") && version.is_some()
    {
        return Some(BY_KEY);
    }
    (version == Some("0.0")).then_some(BY_VALUE)
}

/// TRANSITIONAL: lowers the AppSpec and runs the `AS` rules.
pub(crate) fn analyze(
    text: &str,
    doc: &Document,
    _options: &crate::Options,
    out: &mut Vec<Diagnostic>,
) -> AppSpec {
    out.extend(check(doc, text));
    AppSpec::read(&doc.root)
}

pub use lifecycle::{
    Deployment, Failure, Fleet, RevisionSource, Scenario, ScriptRef, Status, Step, StepKind,
    Timeline, timeline,
};
pub use model::{AppSpec, Detection, Hook, HookAction, Platform, Script};

/// Whether the AppSpec validator is complete enough to be offered (CLI and playground).
pub const SUPPORTED: bool = true;

/// What the semantic rules see: the document, its platform, and the findings so far.
pub(crate) struct Ctx<'a> {
    pub root: &'a Node,
    pub platform: Platform,
    pub out: Vec<Diagnostic>,
}

impl Ctx<'_> {
    pub fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    /// `os` as written (EC2/on-premises).
    pub fn os(&self) -> Option<&str> {
        self.root.get("os").and_then(Node::as_str)
    }
}

/// Checks a parsed AppSpec; returns the findings (syntax diagnostics of the document are not
/// included).
pub fn check(doc: &Document, text: &str) -> Vec<Diagnostic> {
    let root = &doc.root;
    if root.is_invalid() {
        return Vec::new();
    }
    let platform = match model::detect(root) {
        Detection::Template => return vec![rules::structure::template(root, text)],
        Detection::Unknown => {
            let mut checker = Checker::new(&schema::RULES, text);
            if root.map().is_some() || root.is_null() {
                checker.push(rules::structure::undetermined(root, text));
            }
            checker.check_root(root, &schema::ANY_ROOT);
            checker
                .facts
                .report_every_finding_transitional(&mut checker.diagnostics);
            // An empty file gets one finding, not one per missing key.
            if root.is_null() {
                checker.diagnostics.truncate(1);
            }
            return checker.diagnostics;
        }
        Detection::Known(p) => p,
    };
    let schema = match platform {
        Platform::Server => &schema::SERVER_ROOT,
        Platform::Ecs => &schema::ECS_ROOT,
        Platform::Lambda => &schema::LAMBDA_ROOT,
    };
    let mut checker = Checker::new(&schema::RULES, text);
    checker.check_root(root, schema);
    checker
        .facts
        .report_every_finding_transitional(&mut checker.diagnostics);
    let mut cx = Ctx {
        root,
        platform,
        out: checker.diagnostics,
    };
    if root.map().is_some() {
        rules::run(&mut cx);
    }
    cx.out
}

/// Reads the AppSpec in `text` (YAML or JSON) leniently, for the timeline.
pub fn read(text: &str) -> AppSpec {
    let doc = match crate::format_for(crate::Kind::Appspec, text) {
        crate::source::Format::Json => crate::source::parse_json(text, &Default::default()),
        crate::source::Format::Yaml => crate::source::parse_yaml(text, &Default::default()),
    };
    AppSpec::read(&doc.root)
}

/// The lifecycle timeline of the AppSpec in `text` for `scenario`.
pub fn simulate(text: &str, scenario: &Scenario) -> Timeline {
    timeline(&read(text), scenario)
}
