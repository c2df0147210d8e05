//! UI components. Each renders its props and emits events; none holds domain logic.

pub mod assume;
pub mod deployment;
pub mod diagnostics;
pub mod dialogs;
pub mod docs;
pub mod filebar;
pub mod lifecycle;
pub mod notice;
pub mod pipeline;
pub mod player;
pub mod results;
pub mod tabs;
pub mod toolbar;
