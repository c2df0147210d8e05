//! The "Assume role?" panel: the form (suggested from the policy until the user changes it), the
//! core's answer to it, what to highlight in the editor, and "who gets in?" with a ready form for
//! each admitted caller. No IAM logic here: only the shaping of the core's answers.

use cicd_core::report::Place;
use cicd_core::trust_policy::assume::{
    SuggestedCaller, github_request, parse_context, request, suggested_caller, suggested_run,
};
use cicd_core::trust_policy::evaluate::Caller;
use cicd_core::trust_policy::explore::{Admits, who_gets_in};
use cicd_core::trust_policy::github::Run;
use cicd_core::trust_policy::report::{OutcomeId, assume_report};
use cicd_core::trust_policy::{Request, TrustPolicy};
use cicd_core::{Analysis, LineIndex};

use crate::protocol::{
    AdmittedCaller, AssumeForm, AssumeMode, Highlight, Panel, TrustView, WildcardView,
};

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

    /// The request this form describes against `policy` (and the GitHub run, in GitHub mode).
    fn request(&self, policy: &TrustPolicy) -> Result<(Request, Option<Run>), String> {
        match self.mode {
            AssumeMode::Github => {
                let run = self.run()?;
                Ok((github_request(policy, &run), Some(run)))
            }
            AssumeMode::Principal => {
                let caller = Caller::parse(self.principal.trim())?;
                let context = parse_context(self.context.lines())
                    .map_err(|e| format!("request context: {e}"))?;
                Ok((request(caller, Some(&self.action), None, &context), None))
            }
        }
    }
}

/// The form a trust policy suggests: the caller it trusts ([`suggested_caller`]) — a GitHub run
/// of the repository (with the ref or environment) it names, or another principal with the
/// request context its conditions ask for (the GitHub fields then hold the run it would suggest).
pub(crate) fn suggested_form(policy: &TrustPolicy) -> AssumeForm {
    match suggested_caller(policy) {
        SuggestedCaller::Github(run) => AssumeForm::from_run(&run),
        SuggestedCaller::Principal { caller, context } => AssumeForm {
            mode: AssumeMode::Principal,
            principal: caller.spec(),
            action: String::new(),
            context: context
                .entries()
                .iter()
                .flat_map(|e| e.values.iter().map(move |v| format!("{}={v}", e.key)))
                .collect::<Vec<_>>()
                .join("\n"),
            ..AssumeForm::from_run(&suggested_run(policy))
        },
    }
}

/// The form for trying an admitted example: a GitHub `sub` fills the run; another value goes
/// into the context of a raw request under `key`.
pub(crate) fn form_for_example(current: &AssumeForm, key: &str, value: &str) -> AssumeForm {
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

/// The panel of `policy` (analysed as `analysis`) for `form` (the suggested form when `None`).
pub(crate) fn panel(
    text: &str,
    index: &LineIndex,
    analysis: &Analysis,
    policy: &TrustPolicy,
    form: Option<&AssumeForm>,
) -> Panel {
    let form = form.cloned().unwrap_or_else(|| suggested_form(policy));
    let mut view = TrustView {
        form: form.clone(),
        readable: analysis.readable(),
        form_error: None,
        report: None,
        wildcards: Vec::new(),
    };
    if !view.readable {
        return Panel::Trust(Box::new(view));
    }
    view.wildcards = who_gets_in(policy)
        .into_iter()
        .map(|w| WildcardView {
            admitted: w
                .admitted
                .into_iter()
                .map(|a| AdmittedCaller {
                    try_form: form_for_example(&form, &w.key, &a.value),
                    unintended: a.kind != Admits::Example,
                    value: a.value,
                    note: a.note,
                })
                .collect(),
            opening: w.opening.id().to_string(),
            operator: w.operator,
            key: w.key,
            pattern: w.pattern,
        })
        .collect();
    let (request, run) = match form.request(policy) {
        Ok(r) => r,
        Err(e) => {
            view.form_error = Some(e);
            return Panel::Trust(Box::new(view));
        }
    };
    let report = assume_report(policy, &request, run.as_ref(), &analysis.diagnostics)
        .map(|span| Place::of(index, text, span));
    view.report = Some(report);
    Panel::Trust(Box::new(view))
}

/// What the editor highlights for the panel: each failing condition, and each statement that
/// applies (as `allow` or `deny`).
pub(crate) fn highlights(view: &TrustView) -> Vec<Highlight> {
    let mut out = Vec::new();
    for s in view.report.iter().flat_map(|r| &r.statements) {
        if let Some(condition) = &s.condition {
            out.push(highlight(condition.at, "fail"));
        }
        if s.outcome == OutcomeId::Applies {
            let class = if s.effect.as_deref() == Some("Deny") {
                "deny"
            } else {
                "allow"
            };
            out.push(highlight(s.at, class));
        }
    }
    out
}

fn highlight(place: Place, class: &str) -> Highlight {
    Highlight {
        from16: place.from16,
        to16: place.to16,
        class: class.to_string(),
    }
}
