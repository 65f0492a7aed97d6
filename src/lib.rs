//! Carepath: a private self-assessment that estimates which level of
//! addiction care fits and what it means for the visitor's week.
//!
//! `assessment` is the engine (plain Rust, tested natively); `web` is the
//! browser widget, compiled only for wasm32.

pub mod assessment;
pub mod host_config;
pub mod i18n;
pub mod journey;
pub mod screens;

#[cfg(target_arch = "wasm32")]
pub mod web;
