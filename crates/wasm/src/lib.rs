//! The CI/CD Playground's checks and simulations for JavaScript: the npm package's API.
//!
//! The functions here take text and plain input objects and return plain, serialisable objects,
//! so they build and are tested on the host like any crate; `bindings` (wasm32 only) exposes
//! them to JavaScript with `wasm-bindgen`, converting with `serde-wasm-bindgen`. No domain logic
//! lives here: every answer is the core's (`cicd_core::analyze`, the report types the CLI and the
//! playground share), placed for JavaScript.
//!
//! Places: `line`/`column` (1-based, columns in characters, as `cicd check --format json`) for
//! people, and `from16`/`to16` (0-based UTF-16 offsets, what `String.prototype.slice` and browser
//! editors count) for editors.

pub mod api;
#[cfg(target_arch = "wasm32")]
mod bindings;

pub use api::*;
