//! The pipeline run simulator: any pipeline text (first part) and any scenario (last part,
//! structured, naming the pipeline's own stages and actions or anything) → the run, every span
//! placed in the text, events in time order and nothing after an execution's end.
#![no_main]

use cicd_core::pipeline::simulate;
use cicd_core::{Kind, LineIndex, Model, Options};
use cicd_fuzz::{PipelineScenario, arbitrary, place, text_and_tail};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, tail) = text_and_tail(data);
    let Some(input) = arbitrary::<(PipelineScenario, u8)>(tail) else {
        return;
    };
    let Ok(analysis) = cicd_core::analyze(Kind::Pipeline, &text, &Options::default()) else {
        return;
    };
    let Model::Pipeline(file) = &analysis.model else {
        panic!("a pipeline analysis without a pipeline model");
    };
    let Some(pipeline) = file
        .pipelines
        .get(input.1 as usize % file.pipelines.len().max(1))
    else {
        return;
    };
    let mut stages = Vec::new();
    let mut actions = Vec::new();
    for stage in &pipeline.stages.items {
        stages.extend(stage.name.as_ref().map(|n| n.display()));
        for action in &stage.actions.items {
            actions.extend(action.name.as_ref().map(|n| n.display()));
        }
    }
    let scenario = input.0.scenario(&stages, &actions);
    let report = simulate(pipeline, &scenario);
    for pair in report.events.windows(2) {
        assert!(pair[0].t <= pair[1].t, "events out of order");
    }
    for e in &report.executions {
        for ev in &e.events {
            assert!(ev.t >= e.start, "an event before its execution started");
            if let Some(end) = e.end {
                assert!(ev.t <= end, "an event after its execution ended");
            }
        }
    }
    let index = LineIndex::new(&text);
    let _ = report.map(|span| place(&index, &text, span, "pipeline"));
});
