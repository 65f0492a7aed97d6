//! The only code that touches the host page: finds the widget's elements,
//! gives each its own open shadow root with the widget's styles adopted
//! (constructable stylesheets, which strict CSPs allow), reads the
//! configuration attributes and mounts the app.

use std::rc::Rc;

use js_sys::Array;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

use super::app::{App, AppProps};
use super::config::Config;

/// The widget's styles, adopted into every shadow root.
pub const WIDGET_CSS: &str = include_str!("../../styles/widget.css");

/// Elements the widget mounts on.
const SELECTOR: &str = "[data-carepath], #carepath";

/// Mounts the widget on every matching element of the page.
pub fn mount_all() {
    let document = gloo::utils::document();
    let Ok(found) = document.query_selector_all(SELECTOR) else {
        return;
    };
    if found.length() == 0 {
        gloo::console::warn!(
            "carepath: no element to mount on; add <div data-carepath></div> to the page"
        );
    }
    for i in 0..found.length() {
        if let Some(host) = found.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            mount(&host);
        }
    }
}

fn shadow_root(host: &Element) -> Option<ShadowRoot> {
    if let Some(root) = host.shadow_root() {
        return Some(root);
    }
    match host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) {
        Ok(root) => Some(root),
        Err(e) => {
            gloo::console::error!("carepath: cannot attach a shadow root to this element", e);
            None
        }
    }
}

fn adopt_styles(root: &ShadowRoot) {
    match CssStyleSheet::new().and_then(|sheet| sheet.replace_sync(WIDGET_CSS).map(|_| sheet)) {
        Ok(sheet) => root.set_adopted_style_sheets(&Array::of1(&sheet)),
        Err(e) => {
            gloo::console::error!("carepath: this browser cannot load the widget's styles", e)
        }
    }
}

/// Mounts one widget in the element's shadow root.
pub fn mount(host: &Element) {
    let Some(root) = shadow_root(host) else {
        return;
    };
    adopt_styles(&root);
    let document = gloo::utils::document();
    let Ok(mount_point) = document.create_element("div") else {
        return;
    };
    let _ = root.append_child(&mount_point);
    let config = Rc::new(read_config(host));
    yew::Renderer::<App>::with_root_and_props(mount_point, AppProps { config }).render();
}

fn attr(host: &Element, name: &str) -> Option<String> {
    host.get_attribute(name)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Reads the configuration attributes; a bad value warns once, naming the
/// attribute and the accepted form, and is left out.
pub fn read_config(host: &Element) -> Config {
    let phone = attr(host, "phone").and_then(|p| match valid_phone(&p) {
        Some(tel) => Some(tel),
        None => {
            gloo::console::warn!(format!(
                "carepath: phone=\"{p}\" is not a phone number; use digits with an optional leading +, e.g. phone=\"+1-555-010-0199\". The call button is hidden."
            ));
            None
        }
    });
    let contact_url = attr(host, "contact-url").and_then(|u| {
        if safe_link(&u) {
            Some(u)
        } else {
            gloo::console::warn!(format!(
                "carepath: contact-url=\"{u}\" is refused; it must start with https:, http:, mailto: or tel:. The contact link is hidden."
            ));
            None
        }
    });
    Config {
        center_name: attr(host, "center-name"),
        phone,
        contact_url,
        center: None,
    }
}

/// A phone number as a `tel:` link wants it: `+` and digits only.
pub fn valid_phone(text: &str) -> Option<String> {
    let allowed = |c: char| c.is_ascii_digit() || " +-().".contains(c);
    let digits: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    let digit_count = digits.chars().filter(char::is_ascii_digit).count();
    let plus_ok = !digits[1.min(digits.len())..].contains('+');
    (text.chars().all(allowed) && (3..=15).contains(&digit_count) && plus_ok).then_some(digits)
}

/// Only web, mail and phone links: never `javascript:` or `data:`.
pub fn safe_link(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["https:", "http:", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s))
}
