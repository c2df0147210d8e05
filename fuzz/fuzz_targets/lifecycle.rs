//! The AppSpec lifecycle simulator: any AppSpec text (first part) and any scenario (last part,
//! structured) → the timeline and its report, every span placed in the text, the timeline in
//! time order.
#![no_main]

use cicd_core::appspec::report::lifecycle_report;
use cicd_core::appspec::timeline;
use cicd_core::{Kind, LineIndex, Model, Options};
use cicd_fuzz::{LifecycleScenario, arbitrary, place, text_and_tail};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, tail) = text_and_tail(data);
    let Some(scenario) = arbitrary::<LifecycleScenario>(tail) else {
        return;
    };
    let scenario = scenario.scenario();
    let Ok(analysis) = cicd_core::analyze(Kind::Appspec, &text, &Options::default()) else {
        return;
    };
    let Model::Appspec(spec) = &analysis.model else {
        panic!("an AppSpec analysis without an AppSpec model");
    };
    let timeline = timeline(spec, &scenario);
    for step in timeline.steps.iter().chain(&timeline.rollback) {
        assert!(
            step.start.checked_add(step.duration).is_some(),
            "step {} ends past u32",
            step.event
        );
    }
    for pair in timeline.steps.windows(2) {
        assert!(
            pair[0].start <= pair[1].start,
            "steps out of order: {pair:?}"
        );
    }
    if let Some(failure) = &timeline.failure {
        assert!(
            failure.step < timeline.steps.len(),
            "failure step outside the steps"
        );
    }
    let index = LineIndex::new(&text);
    let _ = lifecycle_report(&timeline, 0).map(|span| place(&index, &text, span, "lifecycle"));
});
