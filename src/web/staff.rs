//! The staff page in the browser: holds the code as last read and the
//! language, and renders `screens::staff`. Nothing is sent or stored: the
//! code lives in this component's state until Clear or the page closes.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use super::embed::{browser_languages, read_config};
use super::render::{element, focus_first};
use crate::host_config::Config;
use crate::i18n::choose_locale;
use crate::screens::{staff, Act, Host};

#[derive(Properties, PartialEq)]
pub struct StaffProps {
    pub config: Rc<Config>,
    pub locale: &'static str,
}

#[function_component]
pub fn Staff(props: &StaffProps) -> Html {
    let locale = use_state_eq(|| props.locale);
    let typed = use_state_eq(|| None::<String>);
    let round = use_state_eq(|| 0u32);
    // Bumped by each read and each Clear: focus follows once.
    let moved = use_state_eq(|| 0u32);
    let root = use_node_ref();
    // On its own page (not inside the WordPress admin), the window's title
    // follows the language.
    use_effect_with(*locale, |locale| {
        let doc = gloo::utils::document();
        if doc
            .body()
            .is_some_and(|b| b.class_name().split_whitespace().any(|c| c == "cps-page"))
        {
            doc.set_title(crate::i18n::Texts::staff(locale).t("staff.title"));
        }
    });
    {
        let root = root.clone();
        use_effect_with(*moved, move |moved| {
            if *moved > 0 {
                focus(&root);
            }
        });
    }
    let send = {
        let (locale, typed, round, moved) =
            (locale.clone(), typed.clone(), round.clone(), moved.clone());
        Callback::from(move |(act, event): (Act, web_sys::Event)| match act {
            Act::ReadCode => {
                let value = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|form| form.query_selector("input[name=code]").ok().flatten())
                    .and_then(|i| i.dyn_into::<HtmlInputElement>().ok())
                    .map(|i| i.value())
                    .unwrap_or_default();
                typed.set(Some(value));
                moved.set(*moved + 1);
            }
            Act::Clear => {
                typed.set(None);
                round.set(*round + 1);
                moved.set(*moved + 1);
            }
            Act::Switch(to) => locale.set(to),
            Act::Print => {
                let _ = gloo::utils::window().print();
            }
            _ => {}
        })
    };
    let config = &props.config;
    let host = Host::of(config);
    let tree = staff::page(*locale, typed.as_deref(), *round, config);
    let mut view = element(&tree, &host, &send);
    view.node_ref = root;
    yew::virtual_dom::VNode::VTag(Rc::new(view))
}

/// After a read, the heading of what it showed; after an error or Clear,
/// the code box.
fn focus(root: &NodeRef) {
    focus_first(root, &[".cps-focus", "#cps-code"]);
}

/// Mounts the page on the `<carepath-staff>` element, which takes the
/// widget's attributes (center name, offers, schedules, `locale`).
pub fn mount() {
    let doc = gloo::utils::document();
    let Some(host) = doc.query_selector("carepath-staff").ok().flatten() else {
        gloo::console::error!("carepath-staff: no <carepath-staff> element on this page");
        return;
    };
    let config = read_config(&host, &mut Vec::new());
    let page_lang = doc
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    let locale = choose_locale(
        &config.locale,
        &page_lang,
        &browser_languages(),
        &crate::i18n::STAFF_LANGUAGES,
    );
    host.set_text_content(None);
    yew::Renderer::<Staff>::with_root_and_props(
        host,
        StaffProps {
            config: Rc::new(config),
            locale,
        },
    )
    .render();
}
