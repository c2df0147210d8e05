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
    let mut highlights = Vec::new();
    if let Some(failure) = &timeline.failure
        && let Some(span) = timeline.steps.get(failure.step).and_then(|s| s.hook_span)
    {
        let place = Place::of(index, text, span);
        highlights.push(Highlight {
            from16: place.from16,
            to16: place.to16,
            class: "fail".to_string(),
        });
    }
    let report = lifecycle_report(&timeline, errors).map(|span| Place::of(index, text, span));
    Panel::Lifecycle(Box::new(LifecycleView {
        report,
        highlights,
        deployment: None,
    }))
}
