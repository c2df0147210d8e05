//! The trust-policy rules (`IAM…`), grouped by the part of the policy they check.
//!
//! Structural rules (element names and types, required elements, duplicated condition blocks)
//! report while the JSON tree is lowered into the model (`model.rs`); the others are functions
//! over the model.

pub(crate) mod actions;
pub(crate) mod conditions;
pub(crate) mod document;
pub(crate) mod principals;
pub(crate) mod security;
pub(crate) mod structure;

use super::model::TrustPolicy;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;

/// What the rules see: the text, the lowered policy and the findings so far.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub policy: &'a TrustPolicy,
    pub out: Vec<Diagnostic>,
}

impl Ctx<'_> {
    pub fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }
}

/// Every trust-policy rule, in code order.
pub(crate) static RULES: &[&Rule] = &[
    &structure::INVALID_ELEMENT_TYPE,
    &structure::UNKNOWN_ELEMENT,
    &structure::MISSING_STATEMENT,
    &structure::MISSING_VERSION,
    &structure::INVALID_VERSION,
    &structure::OLD_POLICY_VERSION,
    &structure::INVALID_SID,
    &structure::DUPLICATE_SID,
    &structure::INVALID_EFFECT,
    &structure::NONSTANDARD_CASE,
    &principals::MISSING_PRINCIPAL,
    &principals::NOT_PRINCIPAL_IN_TRUST_POLICY,
    &principals::INVALID_PRINCIPAL,
    &actions::MISSING_ACTION,
    &actions::MALFORMED_ACTION,
    &actions::UNKNOWN_TRUST_ACTION,
    &actions::ACTION_MISMATCH_FOR_PRINCIPAL,
    &structure::RESOURCE_IN_TRUST_POLICY,
    &structure::CONFLICTING_ELEMENTS,
    &conditions::UNKNOWN_CONDITION_OPERATOR,
    &conditions::CONDITION_SILENTLY_DROPPED,
    &conditions::CONDITION_VALUE_TYPE_MISMATCH,
    &conditions::EMPTY_CONDITION,
    &conditions::MALFORMED_CONDITION_KEY,
    &conditions::POLICY_VARIABLE_NOT_EXPANDED,
    &document::POLICY_TOO_LARGE,
    &document::INVALID_CHARACTER,
    &document::TEMPLATE_PLACEHOLDER,
    &conditions::MULTIPLE_BOOLEAN_VALUES,
    &security::WILDCARD_PRINCIPAL_WITHOUT_CONDITION,
    &security::GITHUB_OIDC_WITHOUT_SUB_CONDITION,
    &security::GITHUB_OIDC_WITHOUT_AUD_CONDITION,
    &security::SUB_WILDCARD_ADMITS_OTHER_REPOSITORIES,
    &security::SUB_WILDCARD_ADMITS_ANY_REF,
    &security::WILDCARD_IN_EXACT_OPERATOR,
    &security::FOR_ALL_VALUES_ON_SINGLE_VALUED_KEY,
    &security::SERVICE_PRINCIPAL_WITHOUT_SOURCE_CONDITION,
    &security::OIDC_WITHOUT_SUBJECT_CONDITION,
    &security::UNSUPPORTED_OIDC_CLAIM_KEY,
];

/// Runs the rules over the model (the structural ones already ran during lowering).
pub(crate) fn run(cx: &mut Ctx<'_>) {
    document::document(cx);
    structure::sids(cx);
    principals::principal_values(cx);
    actions::actions(cx);
    conditions::conditions(cx);
    security::security(cx);
}
