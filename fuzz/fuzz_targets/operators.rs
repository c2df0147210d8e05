//! The condition operators: dates, numbers, IP blocks, ARNs, globs, base64 and the operator names,
//! each on any text, with the glob matcher checked against a plain dynamic-programming matcher;
//! then a policy built from any operator, key and values (written as JSON, so that every operator
//! reaches the evaluator through the policy reader) evaluated against any context.
#![no_main]

use arbitrary::Arbitrary;
use cicd_core::trust_policy::explore::has_wildcard;
use cicd_core::trust_policy::operators::{
    Operator, Tok, arn_match, glob_match, glob_tokens, ip_in, literal_eq, literal_tokens,
    parse_bool, parse_cidr, parse_date, parse_number,
};
use cicd_core::trust_policy::{Caller, Request, evaluate};
use cicd_core::{Kind, Model, Options};
use cicd_fuzz::{Entry, KEYS, OPERATORS, Pick, VALUES, arbitrary, context};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Condition {
    operator: Pick,
    key: Pick,
    values: Vec<Pick>,
    /// A single value written as a string rather than a list.
    scalar: bool,
}

#[derive(Debug, Arbitrary)]
struct Input {
    a: String,
    b: String,
    ignore_case: bool,
    conditions: Vec<Condition>,
    context: Vec<Entry>,
    deny: bool,
}

/// Whether `text` matches `pattern` (`*` any run, `?` one character), by dynamic programming.
fn reference_glob(pattern: &[Tok], text: &str) -> bool {
    let text: Vec<char> = text.chars().collect();
    // row[j]: pattern[..i] matches text[..j].
    let mut row = vec![false; text.len() + 1];
    row[0] = true;
    for tok in pattern {
        let mut next = vec![false; text.len() + 1];
        for j in 0..=text.len() {
            next[j] = match tok {
                Tok::Star => row[j] || (j > 0 && next[j - 1]),
                Tok::One => j > 0 && row[j - 1],
                Tok::Char(c) => j > 0 && row[j - 1] && text[j - 1] == *c,
            };
        }
        row = next;
    }
    row[text.len()]
}

fn operators(a: &str, b: &str, ignore_case: bool) {
    let _ = Operator::parse(a);
    let _ = parse_bool(a);
    if let Some(n) = parse_number(a) {
        assert!(!n.is_nan(), "`{a}` read as NaN");
    }
    if let (Some(x), Some(y)) = (parse_date(a), parse_date(b)) {
        let _ = x.cmp(&y);
    }
    if let Some(network) = parse_cidr(a)
        && let Ok(addr) = b.parse()
    {
        let _ = ip_in(network, addr);
        // An address is in its own block.
        assert!(
            ip_in(network, network.0),
            "`{a}` does not hold its own address"
        );
    }
    // Bounded so that the reference matcher stays quick.
    if a.len() <= 256 && b.len() <= 256 {
        let pattern = glob_tokens(a);
        assert_eq!(
            glob_match(&pattern, b, false),
            reference_glob(&pattern, b),
            "glob `{a}` on `{b}`"
        );
        let _ = glob_match(&pattern, b, ignore_case);
        let _ = arn_match(&pattern, b);
        let literal = literal_tokens(a);
        assert_eq!(
            literal_eq(&literal, b, false),
            a == b,
            "literal `{a}` vs `{b}`"
        );
        let _ = literal_eq(&literal, b, ignore_case);
        assert!(
            glob_match(&literal_tokens(b), b, ignore_case),
            "`{b}` against itself"
        );
        let _ = has_wildcard(a);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(input) = arbitrary::<Input>(data) else {
        return;
    };
    operators(&input.a, &input.b, input.ignore_case);
    let mut condition = serde_json::Map::new();
    for c in &input.conditions {
        let values: Vec<String> = c.values.iter().map(|v| v.get(VALUES)).collect();
        let value = match (c.scalar, values.first()) {
            (true, Some(v)) => serde_json::Value::String(v.clone()),
            _ => serde_json::Value::from(values),
        };
        let entry = condition
            .entry(c.operator.get(OPERATORS))
            .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
        if let serde_json::Value::Object(keys) = entry {
            keys.insert(c.key.get(KEYS), value);
        }
    }
    let policy = serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": if input.deny { "Deny" } else { "Allow" },
            "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": condition,
        }],
    });
    let text = serde_json::to_string_pretty(&policy).expect("JSON");
    let Ok(analysis) = cicd_core::analyze(Kind::TrustPolicy, &text, &Options::default()) else {
        return;
    };
    cicd_fuzz::check_diagnostics(&text, &analysis.diagnostics);
    let Model::TrustPolicy(policy) = &analysis.model else {
        return;
    };
    let mut request = Request::new(
        Caller::Federated(
            "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com".into(),
        ),
        "sts:AssumeRoleWithWebIdentity",
    );
    request.context = context(&input.context);
    let _ = evaluate(policy, &request);
    let _ = cicd_core::trust_policy::explore::who_gets_in(policy);
});
