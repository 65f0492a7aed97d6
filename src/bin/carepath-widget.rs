//! The browser entry point that trunk builds; the widget lives in
//! `carepath::web`. Natively this binary only explains itself.

// Talc in place of the default dlmalloc: fewer bytes in the wasm.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    carepath::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("carepath-widget runs in the browser: build it with trunk (see README.md).");
}
