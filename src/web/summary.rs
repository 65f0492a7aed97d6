//! The one-page summary to print or save: the result's own tree
//! (`screens::result::summary`) without its controls, in its own document
//! (a new window), never the host page, built with DOM calls (no HTML from
//! strings) and styled with a constructed stylesheet, which strict CSPs
//! allow.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, Element, Window};

use crate::host_config::Config;
use crate::i18n::Texts;
use crate::journey::Journey;
use crate::screens::{result, Act, Host, Node, Only, Value};

const SUMMARY_CSS: &str = include_str!("../../styles/summary.css");

/// The summary's tree as DOM in `doc` (the print parts only); its one
/// control, Print, prints `win`.
fn build_node(
    doc: &Document,
    win: &Window,
    node: &Node,
    host: &Host,
) -> Result<web_sys::Node, JsValue> {
    let e = match node {
        Node::Text(t) => return Ok(doc.create_text_node(t).into()),
        Node::Slot(s) => return Ok(doc.create_text_node(&host.value(*s)).into()),
        Node::El(e) if e.only == Only::Screen => return Ok(doc.create_text_node("").into()),
        Node::El(e) => e,
    };
    let svg = matches!(e.tag, "svg" | "g" | "rect" | "text" | "line");
    let el: Element = if svg {
        doc.create_element_ns(Some("http://www.w3.org/2000/svg"), e.tag)?
    } else {
        doc.create_element(e.tag)?
    };
    for (name, value) in &e.attrs {
        match value {
            Value::Text(t) => el.set_attribute(name, t)?,
            Value::Slot(s) => el.set_attribute(name, &host.value(*s))?,
        }
    }
    if let Some((_, Act::Print)) = e.on {
        let target = win.clone();
        let print = Closure::<dyn Fn()>::new(move || {
            let _ = target.print();
        });
        el.add_event_listener_with_callback("click", print.as_ref().unchecked_ref())?;
        print.forget();
    }
    for child in &e.children {
        el.append_child(&build_node(doc, win, child, host)?)?;
    }
    Ok(el.into())
}

fn adopt_styles(win: &Window, doc: &Document) -> Result<(), JsValue> {
    // The sheet must be made by the new window's own constructor.
    let ctor: Function = Reflect::get(win, &JsValue::from_str("CSSStyleSheet"))?.dyn_into()?;
    let sheet: CssStyleSheet = Reflect::construct(&ctor, &Array::new())?.unchecked_into();
    sheet.replace_sync(SUMMARY_CSS)?;
    doc.set_adopted_style_sheets(&Array::of1(&sheet));
    Ok(())
}

/// Opens the summary in a new window, with a button to print or save it.
/// When the browser blocks new windows, the summary is printed from a
/// hidden frame the widget makes in `place` (its shadow root) instead.
/// Returns whether the visitor got a summary or a print dialog.
pub fn open(t: &Texts, journey: &Journey, config: &Config, place: Option<web_sys::Node>) -> bool {
    let shown = match gloo::utils::window().open_with_url_and_target("", "_blank") {
        Ok(Some(win)) => build(&win, t, journey, config),
        _ => print_in_frame(place, t, journey, config),
    };
    match shown {
        Ok(()) => true,
        Err(e) => {
            gloo::console::warn!("carepath: could not open the summary", e);
            false
        }
    }
}

/// Popups blocked: the same summary in a hidden frame, printed at once.
fn print_in_frame(
    place: Option<web_sys::Node>,
    t: &Texts,
    journey: &Journey,
    config: &Config,
) -> Result<(), JsValue> {
    let place = place.ok_or_else(|| JsValue::from_str("no place for a print frame"))?;
    if let Ok(Some(old)) = place
        .unchecked_ref::<web_sys::DocumentFragment>()
        .query_selector(".cp-print-frame")
    {
        old.remove();
    }
    let frame: web_sys::HtmlIFrameElement = gloo::utils::document()
        .create_element("iframe")?
        .unchecked_into();
    frame.set_attribute("class", "cp-print-frame")?;
    frame.set_attribute("aria-hidden", "true")?;
    frame.set_attribute("tabindex", "-1")?;
    frame.set_title(t.t("summary.title"));
    place.append_child(&frame)?;
    let win = frame
        .content_window()
        .ok_or_else(|| JsValue::from_str("no frame window"))?;
    build(&win, t, journey, config)?;
    win.print()
}

fn build(win: &Window, t: &Texts, journey: &Journey, config: &Config) -> Result<(), JsValue> {
    let doc = win
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    doc.set_title(t.t("summary.title"));
    if let Some(html) = doc.document_element() {
        html.set_attribute("lang", t.lang())?;
    }
    let body = doc.body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.set_text_content(None);
    let _ = adopt_styles(win, &doc);
    let host = Host {
        center: config.center_name.clone().unwrap_or_default(),
        phone: config.phone.clone(),
    };
    let tree = result::summary(t, journey, config).into();
    body.append_child(&build_node(&doc, win, &tree, &host)?)?;
    Ok(())
}
