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
mod rules;
mod schema;

use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::schema::Checker;
use crate::source::{Document, Node};

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

/// Every `AS` rule.
pub fn rules() -> &'static [&'static Rule] {
    rules::ALL
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
