//! The browser widget (wasm32 only). `embed` is the only code that touches
//! the host page; `staff` is the staff page's; `app` holds the journey's state; `render` draws the screens' trees.

mod app;
pub mod embed;
mod render;
pub mod staff;
mod state;
pub mod summary;

pub use app::{App, AppProps};

/// Runs when the wasm loads. Mounting is the embed loader's job
/// (`embed/loader/element.js` calls [`embed::mount`] for each element).
pub fn start() {}
