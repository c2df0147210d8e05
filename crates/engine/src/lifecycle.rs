//! The lifecycle panel: the core's report of the AppSpec's timeline for the scenario, placed for
//! the editor, and the failing hook to highlight.

use cicd_core::appspec::report::lifecycle_report;
use cicd_core::appspec::{AppSpec, Scenario, timeline};
use cicd_core::report::Place;
use cicd_core::{Analysis, LineIndex, Severity};

use crate::protocol::{Highlight, LifecycleView, Panel};

/// The panel of `spec` (analysed as `analysis`) for `scenario`.
pub(crate) fn panel(
    text: &str,
    index: &LineIndex,
    analysis: &Analysis,
    spec: &AppSpec,
    scenario: &Scenario,
) -> Panel {
    let errors = analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let timeline = timeline(spec, scenario);
    let report = lifecycle_report(&timeline, errors).map(|span| Place::of(index, text, span));
    Panel::Lifecycle(Box::new(LifecycleView {
        report,
        deployment: None,
    }))
}

/// What the editor highlights for the panel: the failing hook.
pub(crate) fn highlights(view: &LifecycleView) -> Vec<Highlight> {
    let report = &view.report;
    report
        .failure
        .as_ref()
        .and_then(|f| report.events.get(f.index)?.line)
        .map(|place| Highlight {
            from16: place.from16,
            to16: place.to16,
            class: "fail".to_string(),
        })
        .into_iter()
        .collect()
}
