//! IAM role trust policies: grammar and security rules (`IAM…`), and the evaluator that answers
//! "may this caller assume the role?".
//!
//! - [`model`]: the policy lowered from the JSON tree (`lower.rs`), with spans on every part.
//! - [`request`]: who calls, the action and the request context.
//! - [`evaluate`](mod@evaluate): a pure function (policy, request) → decision, with a trace
//!   per statement ([`trace`]).
//! - [`operators`]: the condition operators and their comparisons.
//! - [`github`]: the OIDC token (claims) a GitHub Actions run presents.
//! - [`explore`]: "who gets in?" — concrete callers each wildcard, missing `sub` condition or
//!   dropped condition admits; an allowed answer names the finding it got in through (its
//!   caveats, in [`report`]).
//! - [`oidc`]: the identity providers the checker recognises and their claims.
//!
//! How IAM reads the JSON, per element: `Version` is a string (`"2012-10-17"`, or the old
//! `"2008-10-17"`); `Statement` an object or a list of objects; `Effect`, `Sid`, principals and
//! actions are strings (principal and action values may be lists); condition values may be
//! strings, numbers or booleans (compared as text), or lists of them. Of two identical keys in an
//! object the last wins.

pub mod assume;
mod caveats;
pub mod evaluate;
pub mod explore;
pub mod github;
pub(crate) mod lower;
pub mod model;
pub mod oidc;
pub mod operators;
pub mod report;
pub mod request;
pub(crate) mod rules;
pub mod text;
pub mod trace;

use crate::diagnostic::Diagnostic;
use crate::kinds::{BY_KEY, BY_WORD, FileName, Formats, KindInfo, Strength};
use crate::source::{Document, Node};

/// The trust policy's model.
pub type Model = TrustPolicy;

/// The kind: an IAM role trust policy. Its rule codes carry the prefix `IAM`, the service whose
/// policy language they check.
pub static INFO: KindInfo = KindInfo {
    id: "trust-policy",
    title: "IAM role trust policy",
    code_prefix: "IAM",
    formats: Formats::Json,
    file_name,
    checked: true,
};

/// `*trust*.json`, `*assume-role*.json`.
fn file_name(name: &FileName<'_>) -> Option<Strength> {
    let stem = name.stem;
    (name.is_json()
        && (stem.contains("trust")
            || stem.contains("assume-role")
            || stem.contains("assume_role")
            || stem.contains("assumerole")))
    .then_some(BY_WORD)
}

/// `Statement` says policy.
pub(crate) fn detect(root: &Node, _json: bool) -> Option<Strength> {
    root.get("Statement").is_some().then_some(BY_KEY)
}

/// Lowers the parsed policy once into its model and runs the `IAM` rules over it.
pub(crate) fn analyze(
    text: &str,
    doc: &Document,
    _options: &crate::Options,
    out: &mut Vec<Diagnostic>,
) -> TrustPolicy {
    let (policy, facts) = lower::lower(&doc.root);
    rules::run(&rules::Cx::new(text, &doc.root, &policy, &facts), out);
    policy
}

pub use evaluate::evaluate;
pub use model::TrustPolicy;
pub use request::{Caller, Context, Request};
pub use trace::{ConditionFailure, Decision, Evaluation, Outcome, StatementTrace};

/// Whether the trust-policy validator is complete enough to be offered (CLI and playground).
pub const SUPPORTED: bool = true;

/// The current policy language version.
pub const CURRENT_VERSION: &str = "2012-10-17";

/// The original policy language version.
pub const OLD_VERSION: &str = "2008-10-17";
