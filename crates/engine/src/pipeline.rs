//! The pipeline panel: the core's simulated run of the file's (first) pipeline for the file's
//! scenario, placed for the editor. No CodePipeline logic here.

use cicd_core::pipeline::{Model, Scenario, simulate};
use cicd_core::report::Place;
use cicd_core::{Analysis, LineIndex};

use crate::protocol::{Panel, PipelineView};

/// The panel of a pipeline file (nothing when the file holds no pipeline to run).
pub(crate) fn panel(
    text: &str,
    index: &LineIndex,
    _analysis: &Analysis,
    file: &Model,
    scenario: &Scenario,
) -> Panel {
    let Some(pipeline) = file.pipeline(None) else {
        return Panel::None;
    };
    let report = simulate(pipeline, scenario).map(|span| Place::of(index, text, span));
    Panel::Pipeline(Box::new(PipelineView {
        report,
        others: file.pipelines.len().saturating_sub(1),
    }))
}
