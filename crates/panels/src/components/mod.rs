//! The panels. Each renders its props and emits events; none holds domain logic.

pub mod admission;
pub mod assume;
pub mod deployment;
pub mod deployment_setup;
pub mod lifecycle;
pub mod pipeline;
pub mod player;
