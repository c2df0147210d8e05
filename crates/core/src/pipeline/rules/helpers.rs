//! Helpers shared by several pipeline rules (none of them reports anything).

use crate::pipeline::model::{Action, Pipeline, Stage, Text};
use crate::source::Span;

/// Where an artifact is produced: the producing action's stage and run order.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Producer<'a> {
    /// The stage.
    pub stage: &'a Stage,
    /// The action.
    pub action: &'a Action,
    /// The output's name.
    pub name: &'a Text,
}

impl Producer<'_> {
    /// Whether the producer runs strictly before an action of `stage` with run order
    /// `run_order` (an earlier stage, or the same stage with a lower run order).
    pub fn runs_before(&self, stage: usize, run_order: Option<i64>) -> bool {
        if self.stage.index != stage {
            return self.stage.index < stage;
        }
        match (self.action.run_order(), run_order) {
            (Some(p), Some(c)) => p < c,
            // A computed run order: cannot tell, so never a finding.
            _ => true,
        }
    }

    /// "action `Build` of stage `Build` (runOrder 2)".
    pub fn describe(&self) -> String {
        let order = self
            .action
            .run_order()
            .map(|r| format!(", run order {r}"))
            .unwrap_or_default();
        format!(
            "action `{}` of stage `{}`{order}",
            self.action.label(),
            self.stage.label()
        )
    }
}

/// Every output artifact of the pipeline, in declaration order.
pub(crate) fn producers(p: &Pipeline) -> Vec<Producer<'_>> {
    p.actions()
        .flat_map(|(stage, action)| {
            action.output_refs().iter().map(move |o| Producer {
                stage,
                action,
                name: &o.name,
            })
        })
        .collect()
}

/// Whether any output of the pipeline is computed by a template or conditional, or any stage
/// or action list is partial: then "never produced" cannot be told.
pub(crate) fn outputs_uncertain(p: &Pipeline) -> bool {
    p.stages.partial
        || p.stages.items.iter().any(|s| s.actions.partial)
        || p.actions().any(|(_, a)| {
            a.outputs.as_ref().is_some_and(|o| o.partial)
                || a.output_refs().iter().any(|o| o.name.is_opaque())
        })
}

/// Whether `name` is 1–`max` characters of `allowed`.
pub(crate) fn matches_pattern(name: &str, max: usize, allowed: impl Fn(char) -> bool) -> bool {
    let n = name.chars().count();
    (1..=max).contains(&n) && name.chars().all(allowed)
}

/// The account of an ARN (`arn:aws:iam::123456789012:role/x` → `123456789012`).
pub(crate) fn arn_account(arn: &str) -> Option<&str> {
    let account = arn.split(':').nth(4)?;
    (account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit())).then_some(account)
}

/// A `#{namespace.key}` reference in a string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct VariableRef<'a> {
    /// Byte range of the whole reference in the string.
    pub range: (usize, usize),
    /// The namespace.
    pub namespace: &'a str,
    /// The variable's key.
    pub key: &'a str,
}

/// The `#{namespace.key}` references of a string, in order.
pub(crate) fn variable_refs(s: &str) -> Vec<VariableRef<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = s.get(from..).and_then(|r| r.find("#{")) {
        let start = from + rel;
        let Some(len) = s.get(start + 2..).and_then(|r| r.find('}')) else {
            break;
        };
        let end = start + 2 + len + 1;
        let inner = s.get(start + 2..end - 1).unwrap_or("");
        let (namespace, key) = inner.split_once('.').unwrap_or((inner, ""));
        out.push(VariableRef {
            range: (start, end),
            namespace,
            key,
        });
        from = end;
    }
    out
}

/// The span of `part` (a byte range of a literal's value) in the source, when the value is
/// written verbatim there; else the whole value's span.
pub(crate) fn sub_span(source: &str, text: &Text, part: (usize, usize)) -> Span {
    let Some(value) = text.literal() else {
        return text.span;
    };
    let Some(needle) = value.get(part.0..part.1) else {
        return text.span;
    };
    let written = text.span.slice(source);
    // The value may be quoted: search from where the value's prefix is written.
    let Some(prefix) = value.get(..part.0) else {
        return text.span;
    };
    match written.find(prefix).map(|p| p + prefix.len()) {
        Some(at) if written.get(at..).is_some_and(|r| r.starts_with(needle)) => Span::new(
            text.span.start() + at,
            text.span.start() + at + needle.len(),
        ),
        _ => match written.find(needle) {
            Some(at) => Span::new(
                text.span.start() + at,
                text.span.start() + at + needle.len(),
            ),
            None => text.span,
        },
    }
}

/// Every literal string the pipeline's actions configure, with its action and stage.
pub(crate) fn config_values(p: &Pipeline) -> impl Iterator<Item = (&Stage, &Action, &str, &Text)> {
    p.actions().flat_map(|(stage, action)| {
        action
            .configuration
            .iter()
            .flat_map(|c| c.items.iter())
            .map(move |e| (stage, action, e.key.as_str(), &e.value))
    })
}

/// Whether a name reads like production: a word `prod`, `production` or `live` (split on
/// anything that is not a letter, and on lower-to-upper case changes).
pub(crate) fn looks_like_production(name: &str) -> bool {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_ascii_alphabetic() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_ascii_lowercase();
        current.push(c.to_ascii_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
        .iter()
        .any(|w| matches!(w.as_str(), "prod" | "production" | "prd" | "live"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        let refs = variable_refs("a #{Src.CommitId} b #{variables.env} #{bad");
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[0].namespace, "Src");
        assert_eq!(refs[0].key, "CommitId");
        assert_eq!(refs[1].namespace, "variables");
    }

    #[test]
    fn production_names() {
        assert!(looks_like_production("DeployProd"));
        assert!(looks_like_production("deploy-production"));
        assert!(looks_like_production("PROD"));
        assert!(!looks_like_production("Product"));
        assert!(!looks_like_production("Staging"));
    }

    #[test]
    fn accounts() {
        assert_eq!(
            arn_account("arn:aws:iam::123456789012:role/x"),
            Some("123456789012")
        );
        assert_eq!(arn_account("CodePipelineRole.Arn"), None);
    }
}

/// A V2-only feature a pipeline uses: where, and what it is.
#[derive(Clone, Debug)]
pub(crate) struct V2Feature {
    /// Where.
    pub span: Span,
    /// What ("`executionMode` QUEUED").
    pub what: String,
}

/// The V2-only features of a pipeline (reference A2): QUEUED and PARALLEL execution modes,
/// pipeline-level variables, triggers, stage conditions and rollback.
pub(crate) fn v2_features(p: &Pipeline, form: crate::pipeline::model::Form) -> Vec<V2Feature> {
    let mut out = Vec::new();
    if let Some(mode) = &p.execution_mode
        && let Some(m) = mode.literal()
        && matches!(m, "QUEUED" | "PARALLEL")
    {
        out.push(V2Feature {
            span: mode.span,
            what: format!("the {m} execution mode"),
        });
    }
    if let Some(v) = &p.variables {
        out.push(V2Feature {
            span: v.key,
            what: format!("pipeline variables (`{}`)", form.key("variables")),
        });
    }
    if let Some(t) = &p.triggers {
        out.push(V2Feature {
            span: t.key,
            what: format!("triggers (`{}`)", form.key("triggers")),
        });
    }
    for stage in &p.stages.items {
        for c in [&stage.on_failure, &stage.on_success, &stage.before_entry]
            .into_iter()
            .flatten()
        {
            out.push(V2Feature {
                span: c.key,
                what: format!(
                    "stage conditions and rollback (`{}` of stage `{}`)",
                    c.key_text(),
                    stage.label()
                ),
            });
        }
    }
    out
}
