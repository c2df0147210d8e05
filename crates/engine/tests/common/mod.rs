//! What the engine's workspace tests share: a file of a workspace and asking for its report with
//! the others as its related files, as the shell does.

use cicd_engine::{Engine, FileInput, FileReport, PanelInputs, RelatedFile, Request};

/// A file of the workspace: id, version, name, text.
pub type Doc<'a> = (u32, u64, &'a str, &'a str);

fn related((id, version, name, text): Doc<'_>) -> RelatedFile {
    RelatedFile {
        id,
        version,
        name: name.to_string(),
        text: text.to_string(),
        kind: "auto".to_string(),
    }
}

/// Asks for `file`'s report with the other files as its related files and the panel settings
/// `inputs`.
pub fn ask_with(
    engine: &mut Engine,
    file: Doc<'_>,
    others: &[Doc<'_>],
    inputs: &PanelInputs,
) -> FileReport {
    let (id, version, name, text) = file;
    engine
        .handle(Request::Analyze(FileInput {
            id,
            version,
            name: name.to_string(),
            text: text.to_string(),
            kind: "auto".to_string(),
            image: None,
            scenario: inputs.to_json(),
            related: others.iter().copied().map(related).collect(),
        }))
        .expect("answered")
}

/// [`ask_with`] the default settings.
pub fn ask(engine: &mut Engine, file: Doc<'_>, others: &[Doc<'_>]) -> FileReport {
    ask_with(engine, file, others, &PanelInputs::default())
}
