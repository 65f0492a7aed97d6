//! A counter: one component, one state hook, one button.
use yew::prelude::*;

#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[function_component]
fn App() -> Html {
    let n = use_state(|| 0u32);
    let onclick = {
        let n = n.clone();
        Callback::from(move |_| n.set(*n + 1))
    };
    html! { <div><button {onclick}>{ "+1" }</button><p>{ *n }</p></div> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
