//! The browser widget (wasm32 only). `embed` is the only code that touches
//! the host page; `app` holds the journey's state; `components` render it.

mod app;
mod components;
pub mod config;
pub mod embed;
mod state;
mod summary;

pub use app::App;
pub use config::Config;

/// The entry point trunk calls: mounts every widget element on the page.
pub fn start() {
    embed::mount_all();
}
