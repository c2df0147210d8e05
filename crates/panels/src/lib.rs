//! The simulation panels of the playground: the AppSpec lifecycle timeline, the "Assume role?"
//! answer, the pipeline run and the deployment. They only play what the engine computed (its
//! [`FileReport`]) and change the file's panel settings (the JSON the workspace keeps with each
//! file), which the shell hands back to the engine.
//!
//! The shell does not link them: they are a second wasm module (`cicd-panels`, see `main.rs`)
//! that the page loads after the editor, in parallel with the engine, so that the first paint
//! carries neither the panels nor the code that reads their reports. The shell links this crate
//! as a library only for [`dom`].

pub mod components;
pub mod dom;
pub mod inputs;
pub mod root;

pub use cicd_engine::FileReport;
