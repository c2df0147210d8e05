//! The trust-policy rules (`IAM…`), one file per rule: its declaration, its documentation page
//! and the `check` function that reports it. Shared helpers are in [`helpers`].
//!
//! The structural rules report what lowering recorded ([`LoweringFacts`]: element types and
//! names, missing and empty parts, dropped duplicates, placeholders); the others are checks over
//! the lowered policy.

pub(crate) mod helpers;

use std::cell::OnceCell;

use super::explore::{self, WildcardReport};
use super::lower::LoweringFacts;
use super::model::TrustPolicy;
use crate::source::Node;

/// What a trust-policy rule sees: the text, the lowered policy and what lowering recorded.
pub(crate) struct Cx<'a> {
    /// The text.
    pub text: &'a str,
    /// The document's root (for fixes that edit the text around a node).
    pub root: &'a Node,
    /// The lowered policy.
    pub policy: &'a TrustPolicy,
    /// What lowering recorded.
    pub facts: &'a LoweringFacts,
    /// "Who gets in?" for the policy, worked out once for the rules that need it.
    wildcards: OnceCell<Vec<WildcardReport>>,
}

impl<'a> Cx<'a> {
    /// The context of one analysis.
    pub fn new(
        text: &'a str,
        root: &'a Node,
        policy: &'a TrustPolicy,
        facts: &'a LoweringFacts,
    ) -> Cx<'a> {
        Cx {
            text,
            root,
            policy,
            facts,
            wildcards: OnceCell::new(),
        }
    }

    /// Whether the document is a JSON object. When it is not, only what lowering recorded is
    /// reported: the checks over the whole text (size, characters) would only repeat the problem.
    pub fn is_object(&self) -> bool {
        self.facts.top.is_some()
    }

    /// The concrete callers each wildcard of the policy admits ([`explore::who_gets_in`], its
    /// wildcard openings only: the other openings are other rules' findings).
    pub fn wildcards(&self) -> &[WildcardReport] {
        self.wildcards
            .get_or_init(|| explore::wildcards(self.policy))
    }
}

crate::rule_modules! {
    context: Cx;
    invalid_element_type,
    unknown_element,
    missing_statement,
    missing_policy_version,
    invalid_policy_version,
    old_policy_version,
    invalid_sid,
    duplicate_sid,
    invalid_effect,
    nonstandard_case,
    missing_principal,
    not_principal_in_trust_policy,
    invalid_principal,
    missing_action,
    malformed_action,
    unknown_trust_action,
    action_mismatch_for_principal,
    resource_in_trust_policy,
    conflicting_elements,
    unknown_condition_operator,
    condition_silently_dropped,
    condition_value_type_mismatch,
    empty_condition,
    malformed_condition_key,
    policy_variable_not_expanded,
    policy_too_large,
    invalid_character,
    template_placeholder,
    multiple_boolean_values,
    wildcard_principal_without_condition,
    github_oidc_without_sub_condition,
    github_oidc_without_aud_condition,
    sub_wildcard_admits_other_repositories,
    sub_wildcard_admits_any_ref,
    wildcard_in_exact_operator,
    for_all_values_on_single_valued_key,
    service_principal_without_source_condition,
    oidc_without_subject_condition,
    unsupported_oidc_claim_key,
}
