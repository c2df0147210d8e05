//! The IAM trust-policy evaluator and "who gets in?": any policy text (first part), and any
//! request (last part, structured): a caller, an action, a GitHub Actions run and context keys,
//! as the CLI's `assume` and the playground's panel build it. Every span of the answer lies in
//! the policy, and a decision is the same when asked twice.
#![no_main]

use arbitrary::Arbitrary;
use cicd_core::trust_policy::assume::{self, github_request, suggested_caller, suggested_run};
use cicd_core::trust_policy::explore::who_gets_in;
use cicd_core::trust_policy::report::assume_report;
use cicd_core::trust_policy::{Caller, evaluate};
use cicd_core::{Kind, LineIndex, Model, Options};
use cicd_fuzz::{CALLERS, Entry, Pick, Run, arbitrary, assert_span, context, place, text_and_tail};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    caller: Pick,
    action: Option<Pick>,
    run: Option<Run>,
    context: Vec<Entry>,
}

const ACTIONS: &[&str] = &[
    "sts:AssumeRole",
    "sts:AssumeRoleWithWebIdentity",
    "sts:AssumeRoleWithSAML",
    "sts:TagSession",
    "sts:SetSourceIdentity",
    "sts:*",
    "*",
];

fuzz_target!(|data: &[u8]| {
    let (text, tail) = text_and_tail(data);
    let Some(input) = arbitrary::<Input>(tail) else {
        return;
    };
    let Ok(analysis) = cicd_core::analyze(Kind::TrustPolicy, &text, &Options::default()) else {
        return;
    };
    let Model::TrustPolicy(policy) = &analysis.model else {
        panic!("a trust-policy analysis without a policy model");
    };
    let index = LineIndex::new(&text);
    for opening in who_gets_in(policy) {
        assert_span(&text, opening.span, "who gets in");
    }
    let _ = suggested_caller(policy);
    let suggested = suggested_run(policy);
    let _ = evaluate(policy, &github_request(policy, &suggested));
    let Ok(caller) = Caller::parse(&input.caller.get(CALLERS)) else {
        return;
    };
    let run = input.run.as_ref().and_then(Run::run);
    let action = input.action.as_ref().map(|a| a.get(ACTIONS));
    let request = assume::request(
        caller,
        action.as_deref(),
        run.as_ref(),
        &context(&input.context),
    );
    let first = evaluate(policy, &request);
    let second = evaluate(policy, &request);
    assert_eq!(first, second, "the same request decided twice differs");
    let _ = assume_report(policy, &request, run.as_ref(), &analysis.diagnostics)
        .map(|span| place(&index, &text, span, "assume"));
});
