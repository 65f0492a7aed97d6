//! The browser widget (wasm32 only). For now a placeholder card that proves
//! the engine runs in the browser; the visitor's journey replaces it.

use yew::prelude::*;

use crate::assessment::{assess, Answers, Q};

#[function_component]
fn Placeholder() -> Html {
    // Runs the engine once in the browser, so the demo shows it is wired.
    let sample = Answers::new().with(Q::DangerNow, &["no"]);
    let level = assess(&sample, None)
        .map(|r| r.level.id())
        .unwrap_or("unknown");
    html! {
        <section class="carepath" aria-label="Care check">
            <h2>{ "Care check" }</h2>
            <p>{ "The self-check is coming soon." }</p>
            <p data-level={level} hidden=true></p>
        </section>
    }
}

/// Mounts the widget on `#carepath` (or the body when it is missing).
pub fn start() {
    let document = gloo::utils::document();
    match document.get_element_by_id("carepath") {
        Some(host) => {
            yew::Renderer::<Placeholder>::with_root(host).render();
        }
        None => {
            gloo::console::warn!(
                "carepath: no element with id=\"carepath\" on the page; mounting on <body>"
            );
            yew::Renderer::<Placeholder>::new().render();
        }
    }
}
