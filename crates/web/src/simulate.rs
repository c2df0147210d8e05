//! View models of the simulations: what the panels show, computed from the core's evaluators
//! (no IAM or CodeDeploy logic here — only the shaping of their answers for display).

use cicd_core::LineIndex;
use cicd_core::source::Span;
use cicd_core::trust_policy::assume::{github_request, request, suggested_run};
use cicd_core::trust_policy::evaluate::{Caller, Context, Decision, Outcome};
use cicd_core::trust_policy::explore::{Admits, who_gets_in};
use cicd_core::trust_policy::github::Run;

/// Who asks to assume the role.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AssumeMode {
    /// A GitHub Actions run (its OIDC token).
    #[default]
    Github,
    /// Any principal, with a raw request context.
    Principal,
}

/// The "Assume role?" form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssumeForm {
    /// GitHub run or raw principal.
    pub mode: AssumeMode,
    /// `owner/repo`.
    pub repo: String,
    /// Triggering event.
    pub event: String,
    /// Branch or tag (`main`, `refs/tags/v1`).
    pub git_ref: String,
    /// Environment the job references (empty for none).
    pub environment: String,
    /// Requested audience (empty for the default).
    pub audience: String,
    /// `aws:ARN`, `service:NAME` or `federated:ARN`.
    pub principal: String,
    /// The action (empty for the caller's default).
    pub action: String,
    /// Extra context keys, one `key=value` per line.
    pub context: String,
}

impl AssumeForm {
    /// The form for a GitHub run.
    pub fn from_run(run: &Run) -> AssumeForm {
        AssumeForm {
            mode: AssumeMode::Github,
            repo: format!("{}/{}", run.owner, run.repo),
            event: run.event().to_string(),
            git_ref: if run.is_pull_request() && run.git_ref.is_none() {
                String::new()
            } else {
                run.git_ref()
            },
            environment: run.environment.clone().unwrap_or_default(),
            audience: String::new(),
            principal: "aws:arn:aws:iam::123456789012:root".to_string(),
            action: String::new(),
            context: String::new(),
        }
    }

    fn run(&self) -> Result<Run, String> {
        let mut run = Run::for_repository(self.repo.trim())
            .ok_or_else(|| format!("`{}` is not OWNER/REPO", self.repo.trim()))?;
        let nonempty = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        run.event = nonempty(&self.event);
        run.git_ref = nonempty(&self.git_ref);
        run.environment = nonempty(&self.environment);
        run.audience = nonempty(&self.audience);
        Ok(run)
    }
}

/// A range of the editor to highlight (UTF-16 offsets) with a class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    /// Start.
    pub from16: u32,
    /// End.
    pub to16: u32,
    /// `allow`, `deny` or `fail`.
    pub class: &'static str,
}

/// One statement's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementView {
    /// "Statement 1 (Sid)".
    pub label: String,
    /// `Allow`, `Deny` or `?`.
    pub effect: &'static str,
    /// Whether it applies to the request.
    pub applies: bool,
    /// Whether it decided the answer.
    pub deciding: bool,
    /// Why it does or does not apply.
    pub explanation: String,
    /// The failing condition, when one failed.
    pub failed: Option<FailedCondition>,
}

/// A condition that failed: what the policy expects and what the request has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailedCondition {
    /// The operator as written.
    pub operator: String,
    /// The key as written.
    pub key: String,
    /// The policy's values.
    pub expected: Vec<String>,
    /// The request's values; `None` when the request has no such key.
    pub actual: Option<Vec<String>>,
}

/// Callers a wildcard lets in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WildcardView {
    /// The operator.
    pub operator: String,
    /// The key.
    pub key: String,
    /// The wildcard value.
    pub pattern: String,
    /// Examples: (value, who that is, unintended).
    pub admitted: Vec<(String, String, bool)>,
}

/// What the trust-policy panel shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustView {
    /// The policy could be read (valid JSON with statements).
    pub readable: bool,
    /// A problem with the form (not OWNER/REPO, unknown principal kind).
    pub form_error: Option<String>,
    /// The `sub` the run presents (GitHub mode).
    pub sub: Option<String>,
    /// The principal and action asked about.
    pub caller: String,
    /// The action asked about.
    pub action: String,
    /// Allow or deny.
    pub decision: Option<Decision>,
    /// The reason, in a sentence.
    pub reason: String,
    /// Every statement's result.
    pub statements: Vec<StatementView>,
    /// What to highlight in the editor.
    pub highlights: Vec<Highlight>,
    /// "Who gets in?"
    pub wildcards: Vec<WildcardView>,
}

fn utf16(index: &LineIndex, text: &str, span: Span) -> (u32, u32) {
    let (start, end) = index.range(text, span);
    (start.utf16_offset, end.utf16_offset)
}

/// The form a trust policy suggests (its repository, with the ref or environment it names).
pub fn suggested_form(text: &str) -> AssumeForm {
    let policy = policy_of(text);
    AssumeForm::from_run(&suggested_run(&policy.map(|(p, _)| p).unwrap_or_default()))
}

/// TRANSITIONAL (the engine keeps the analysis): the policy in `text` and whether it is readable.
fn policy_of(text: &str) -> Option<(cicd_core::trust_policy::TrustPolicy, bool)> {
    let analysis = cicd_core::analyze(
        cicd_core::Kind::TrustPolicy,
        text,
        &cicd_core::Options::default(),
    )
    .ok()?;
    let readable = analysis.readable();
    match analysis.model {
        cicd_core::Model::TrustPolicy(p) => Some((p, readable)),
        _ => None,
    }
}

/// Evaluates `form` against the policy in `text`.
pub fn trust_view(text: &str, form: &AssumeForm) -> TrustView {
    let (policy, readable) = policy_of(text).unwrap_or_default();
    let index = LineIndex::new(text);
    let mut view = TrustView {
        readable,
        form_error: None,
        sub: None,
        caller: String::new(),
        action: String::new(),
        decision: None,
        reason: String::new(),
        statements: Vec::new(),
        highlights: Vec::new(),
        wildcards: Vec::new(),
    };
    if !readable {
        return view;
    }
    view.wildcards = who_gets_in(&policy)
        .into_iter()
        .map(|w| WildcardView {
            operator: w.operator,
            key: w.key,
            pattern: w.pattern,
            admitted: w
                .admitted
                .into_iter()
                .map(|a| (a.value, a.note, a.kind != Admits::Example))
                .collect(),
        })
        .collect();
    let request = match form.mode {
        AssumeMode::Github => match form.run() {
            Ok(run) => {
                view.sub = Some(run.sub());
                Ok(github_request(&policy, &run))
            }
            Err(e) => Err(e),
        },
        AssumeMode::Principal => Caller::parse(form.principal.trim()).map(|caller| {
            let mut context = Context::new();
            for line in form.context.lines() {
                if let Some((k, v)) = line.split_once('=')
                    && !k.trim().is_empty()
                {
                    context.insert(k.trim(), v.trim());
                }
            }
            request(caller, Some(&form.action), None, &context)
        }),
    };
    let request = match request {
        Ok(r) => r,
        Err(e) => {
            view.form_error = Some(e);
            return view;
        }
    };
    view.caller = request.caller.spec();
    view.action = request.action.clone();
    let evaluation = cicd_core::trust_policy::evaluate(&policy, &request);
    view.decision = Some(evaluation.decision);
    view.reason = evaluation.reason();
    for (i, trace) in evaluation.statements.iter().enumerate() {
        let applies = matches!(trace.outcome, Outcome::Applies);
        let deciding = evaluation.deciding == Some(i);
        let effect = match trace.effect {
            Some(cicd_core::trust_policy::model::Effect::Allow) => "Allow",
            Some(cicd_core::trust_policy::model::Effect::Deny) => "Deny",
            None => "?",
        };
        let failed = match &trace.outcome {
            Outcome::ConditionFailed(f) => {
                let (a, b) = utf16(&index, text, f.span);
                view.highlights.push(Highlight {
                    from16: a,
                    to16: b,
                    class: "fail",
                });
                Some(FailedCondition {
                    operator: f.operator.clone(),
                    key: f.key.clone(),
                    expected: f.expected.clone(),
                    actual: f.actual.clone(),
                })
            }
            _ => None,
        };
        if applies {
            let (a, b) = utf16(&index, text, trace.span);
            let class = if effect == "Deny" { "deny" } else { "allow" };
            view.highlights.push(Highlight {
                from16: a,
                to16: b,
                class,
            });
        }
        view.statements.push(StatementView {
            label: trace.label(),
            effect,
            applies,
            deciding,
            explanation: trace.explain(),
            failed,
        });
    }
    view
}

/// The form for trying an admitted example: a GitHub `sub` fills the run; another value goes
/// into the context of a raw request under `key`.
pub fn form_for_example(current: &AssumeForm, key: &str, value: &str) -> AssumeForm {
    if key.to_ascii_lowercase().ends_with(":sub")
        && let Some(run) = Run::from_sub(value)
    {
        let mut form = AssumeForm::from_run(&run);
        form.audience = current.audience.clone();
        return form;
    }
    let mut form = current.clone();
    form.mode = AssumeMode::Principal;
    let mut lines: Vec<String> = form
        .context
        .lines()
        .filter(|l| !l.trim_start().starts_with(&format!("{key}=")))
        .map(str::to_string)
        .collect();
    lines.push(format!("{key}={value}"));
    form.context = lines.join("\n");
    form
}

#[cfg(test)]
mod tests {
    use super::*;

    const GUIDE: &str = include_str!("../../../examples/trust-policy-github-oidc.json");

    #[test]
    fn guide_policy_allows_its_repository_and_denies_another() {
        let form = suggested_form(GUIDE);
        assert_eq!(form.repo, "myorg/myrepo");
        let view = trust_view(GUIDE, &form);
        assert_eq!(view.decision, Some(Decision::Allow));
        assert_eq!(
            view.sub.as_deref(),
            Some("repo:myorg/myrepo:ref:refs/heads/main")
        );
        assert!(view.statements[0].applies && view.statements[0].deciding);
        assert_eq!(view.highlights.len(), 1);
        assert_eq!(view.highlights[0].class, "allow");
        let evil = AssumeForm {
            repo: "myorg/myrepo-evil".into(),
            ..form
        };
        let view = trust_view(GUIDE, &evil);
        assert_eq!(view.decision, Some(Decision::ImplicitDeny));
        let failed = view.statements[0].failed.clone().unwrap();
        assert_eq!(failed.operator, "StringLike");
        assert!(failed.key.ends_with(":sub"));
        assert_eq!(failed.expected, vec!["repo:myorg/myrepo:*".to_string()]);
        assert_eq!(
            failed.actual,
            Some(vec![
                "repo:myorg/myrepo-evil:ref:refs/heads/main".to_string()
            ])
        );
        assert_eq!(view.highlights[0].class, "fail");
        // The highlight is the failing condition, in UTF-16 offsets.
        let h = &view.highlights[0];
        let text: Vec<u16> = GUIDE.encode_utf16().collect();
        let marked = String::from_utf16_lossy(&text[h.from16 as usize..h.to16 as usize]);
        assert!(
            marked.contains("token.actions.githubusercontent.com:sub"),
            "{marked}"
        );
    }

    #[test]
    fn wildcard_examples_can_be_tried() {
        let view = trust_view(GUIDE, &suggested_form(GUIDE));
        let w = &view.wildcards[0];
        assert_eq!(w.pattern, "repo:myorg/myrepo:*");
        let (value, _, _) = w.admitted.first().cloned().unwrap();
        let form = form_for_example(&suggested_form(GUIDE), &w.key, &value);
        assert_eq!(
            trust_view(GUIDE, &form).sub.as_deref(),
            Some(value.as_str())
        );
        assert_eq!(trust_view(GUIDE, &form).decision, Some(Decision::Allow));
    }

    #[test]
    fn raw_principal_mode_and_errors() {
        let form = AssumeForm {
            mode: AssumeMode::Principal,
            principal: "service:codebuild.amazonaws.com".into(),
            ..AssumeForm::default()
        };
        let view = trust_view(GUIDE, &form);
        assert_eq!(view.action, "sts:AssumeRole");
        assert_eq!(view.decision, Some(Decision::ImplicitDeny));
        let bad = AssumeForm {
            principal: "robot:x".into(),
            ..form
        };
        assert!(trust_view(GUIDE, &bad).form_error.is_some());
        let bad_repo = AssumeForm {
            repo: "no-slash".into(),
            ..AssumeForm::default()
        };
        assert!(trust_view(GUIDE, &bad_repo).form_error.is_some());
        assert!(!trust_view("{ nope", &suggested_form(GUIDE)).readable);
    }
}
