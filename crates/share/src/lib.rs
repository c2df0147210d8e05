//! The playground's workspace (files and settings, as autosaved and shared) and its share links:
//! JSON → raw DEFLATE → base64url behind a version prefix, in a URL fragment. Used by the web app
//! and by `cicd share`, which builds "try it in the playground" links from files.

pub mod json;
pub mod link;
pub mod workspace;

pub use json::{from_json, to_json};
pub use link::{
    LONG_LINK, MAX_ENCODED, MAX_INFLATED, PREFIX, ShareError, compressed, decode, encode, fragment,
    from_inflated, payload,
};
pub use workspace::{
    File, KindChoice, MAX_FILES, Settings, Theme, Workspace, effective_kind, language,
};
