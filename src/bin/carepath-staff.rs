//! The staff page's browser entry (its own wasm, built beside the widget
//! by `scripts/trunk-post-build.sh`, so the visitor's widget never
//! carries the decoder, the staff words or the printed table). Natively
//! this binary only explains itself.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    // The staff page reads back a caller's answers in their language: it
    // carries every language's words (the visitor's widget carries one).
    carepath::i18n::install_bundled();
    carepath::web::staff::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "carepath-staff runs in the browser: open dist/carepath/<version>/staff/ (see README.md)."
    );
}
