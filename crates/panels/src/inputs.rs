//! A file's panel settings as the panels see them, and how a change becomes the JSON the
//! workspace keeps.
//!
//! The workspace keeps the settings as JSON (`File::scenario`); the engine reads them and answers
//! with the settings it used ([`FileReport::inputs`], defaults filled in). A change builds on the
//! settings last set here when the engine has not answered for them yet (two quick changes add
//! up), otherwise on what the engine used.

use cicd_engine::{FileReport, PanelInputs};

/// The settings last set by the panels for one file, with their JSON.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LastSet {
    /// File id.
    pub file: u32,
    /// The JSON sent to the shell.
    pub json: String,
    /// The settings.
    pub inputs: PanelInputs,
}

/// The settings of `report`'s file whose workspace JSON is `scenario`.
pub fn current(report: &FileReport, scenario: &str, last: Option<&LastSet>) -> PanelInputs {
    if let Some(last) = last
        && last.file == report.id
        && last.json == scenario
    {
        return last.inputs.clone();
    }
    if report.scenario == scenario || report.inputs_json == scenario {
        return report.inputs.clone();
    }
    // Neither set here nor answered yet (a link, another tab): read as the engine will.
    PanelInputs::parse(scenario)
}

/// Applies `change` to the current settings: the new JSON for the workspace, and what to keep.
pub fn change(
    report: &FileReport,
    scenario: &str,
    last: Option<&LastSet>,
    change: impl FnOnce(&mut PanelInputs),
) -> LastSet {
    let mut inputs = current(report, scenario, last);
    change(&mut inputs);
    LastSet {
        file: report.id,
        json: inputs.to_json(),
        inputs,
    }
}
