//! Rendering diagnostics as text: code frames for people, workflow commands for GitHub Actions.
//! Rendering returns strings; printing is the caller's business.

mod github;
mod human;

pub use github::github;
pub use human::{HumanOptions, NamedText, human, human_related};
