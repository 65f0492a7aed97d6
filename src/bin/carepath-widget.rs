//! The browser entry point that trunk builds; the widget lives in
//! `carepath::web`. Its exports, which the embed loader calls, are
//! declared here rather than in the library, so the staff page's build
//! (`carepath-staff`) does not carry the widget. Natively this binary only
//! explains itself.

// Talc in place of the default dlmalloc: fewer bytes in the wasm.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod exports {
    use carepath::web::embed;
    use js_sys::{Array, Object};
    use wasm_bindgen::prelude::*;
    use web_sys::{Element, ShadowRoot};

    /// See [`embed::check`].
    #[wasm_bindgen]
    pub fn check(attributes: &Object) -> Array {
        embed::check(attributes)
    }

    /// See [`embed::mount`].
    #[wasm_bindgen]
    pub fn mount(
        host: &Element,
        root: &ShadowRoot,
        locale: Option<String>,
        actions: Option<String>,
        kept: Option<String>,
        words: Option<js_sys::Function>,
    ) {
        embed::mount(host, root, locale, actions, kept, words)
    }

    /// See [`embed::add_words`].
    #[wasm_bindgen]
    pub fn add_words(id: &str, pack: &JsValue) -> Option<String> {
        embed::add_words(id, pack)
    }

    /// See [`embed::configure`].
    #[wasm_bindgen]
    pub fn configure(host: &Element) {
        embed::configure(host)
    }

    /// See [`embed::reset`].
    #[wasm_bindgen]
    pub fn reset(host: &Element) {
        embed::reset(host)
    }

    /// Closes every summary the page opened (the loader calls it on
    /// `pagehide`); see [`carepath::web::summary::close_all`].
    #[wasm_bindgen]
    pub fn close_summaries() {
        carepath::web::summary::close_all()
    }

    /// See [`embed::unmount`].
    #[wasm_bindgen]
    pub fn unmount(host: &Element) -> Option<String> {
        embed::unmount(host)
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    carepath::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("carepath-widget runs in the browser: build it with trunk (see README.md).");
}
