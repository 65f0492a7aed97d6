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

thread_local! {
    /// The summaries this page opened: windows and print frames, each a
    /// copy of the visitor's answers, closed and blanked by [`close_all`].
    static OPENED: std::cell::RefCell<Vec<Opened>> = const { std::cell::RefCell::new(Vec::new()) };
}

enum Opened {
    Window(Window),
    Frame(web_sys::HtmlIFrameElement),
}

/// Closes every summary window and removes every print frame this page
/// opened, blanking each first (a window the browser keeps open, or a
/// frame a page script kept hold of, no longer holds the answers): on
/// Start over, `reset()`, a removed widget and `pagehide`.
pub fn close_all() {
    for opened in OPENED.with(|o| std::mem::take(&mut *o.borrow_mut())) {
        let win = match &opened {
            Opened::Window(w) => Some(w.clone()),
            Opened::Frame(f) => f.content_window(),
        };
        if let Some(body) = win
            .as_ref()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            body.set_text_content(None);
        }
        match opened {
            Opened::Window(w) => {
                let _ = w.close();
            }
            Opened::Frame(f) => f.remove(),
        }
    }
}

/// Opens the summary in a new window, with a button to print or save it.
/// When the browser blocks new windows, the summary is printed from a
/// hidden frame the widget makes in `place` (its shadow root) instead.
/// Returns whether the visitor got a summary or a print dialog (not a
/// print call the page's sandbox ignored).
pub fn open(t: &Texts, journey: &Journey, config: &Config, place: Option<web_sys::Node>) -> bool {
    let shown = match gloo::utils::window().open_with_url_and_target("", "_blank") {
        Ok(Some(win)) => {
            OPENED.with(|o| o.borrow_mut().push(Opened::Window(win.clone())));
            build(&win, t, journey, config).map(|()| true)
        }
        _ => print_in_frame(place, t, journey, config),
    };
    match shown {
        Ok(shown) => shown,
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
) -> Result<bool, JsValue> {
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
    OPENED.with(|o| o.borrow_mut().push(Opened::Frame(frame.clone())));
    let win = frame
        .content_window()
        .ok_or_else(|| JsValue::from_str("no frame window"))?;
    build(&win, t, journey, config)?;
    // A dialog opened only if the browser began to print: a sandbox
    // without `allow-modals` ignores print() without a word.
    let began = std::rc::Rc::new(std::cell::Cell::new(false));
    let seen = began.clone();
    let listener = Closure::<dyn Fn()>::new(move || seen.set(true));
    win.add_event_listener_with_callback("beforeprint", listener.as_ref().unchecked_ref())?;
    win.print()?;
    let _ =
        win.remove_event_listener_with_callback("beforeprint", listener.as_ref().unchecked_ref());
    Ok(began.get())
}

fn build(win: &Window, t: &Texts, journey: &Journey, config: &Config) -> Result<(), JsValue> {
    let doc = win
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    doc.set_title(t.t("summary.title"));
    if let Some(html) = doc.document_element() {
        html.set_attribute("lang", t.lang())?;
        html.set_attribute("dir", t.dir())?;
    }
    let body = doc.body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.set_text_content(None);
    let _ = adopt_styles(win, &doc);
    let host = Host::of(config);
    let tree = result::summary(t, journey, config).into();
    body.append_child(&build_node(&doc, win, &tree, &host)?)?;
    Ok(())
}
