//! UI components. Each renders its props and emits events; none holds domain logic.

pub mod diagnostics;
pub mod dialogs;
pub mod docs;
pub mod filebar;
pub mod notice;
pub mod panel_host;
pub mod results;
pub mod tabs;
pub mod toolbar;
