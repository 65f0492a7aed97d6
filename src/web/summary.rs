//! The one-page summary to print or save: its own document (a new window),
//! never the host page, built from text nodes (no HTML from strings) and
//! styled with a constructed stylesheet, which strict CSPs allow.

use std::rc::Rc;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, Element, Window};

use super::components::result::{life, timeline, week, words};
use crate::assessment::{Assessment, Level, Urgent};
use crate::host_config::Config;
use crate::i18n::Texts;
use crate::journey::Journey;

const SUMMARY_CSS: &str = include_str!("../../styles/summary.css");

struct Page {
    doc: Document,
    body: Element,
}

impl Page {
    fn add(&self, parent: &Element, tag: &str, text: &str) -> Option<Element> {
        let el = self.doc.create_element(tag).ok()?;
        if !text.is_empty() {
            el.set_text_content(Some(text));
        }
        parent.append_child(&el).ok()?;
        Some(el)
    }

    fn para(&self, text: &str) {
        self.add(&self.body, "p", text);
    }

    fn heading(&self, text: &str) {
        self.add(&self.body, "h2", text);
    }

    fn list(&self, tag: &str, items: impl IntoIterator<Item = String>) {
        if let Some(list) = self.add(&self.body, tag, "") {
            for item in items {
                self.add(&list, "li", &item);
            }
        }
    }
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
pub fn open(
    t: &Rc<Texts>,
    r: &Assessment,
    journey: &Journey,
    config: &Config,
    place: Option<web_sys::Node>,
) -> bool {
    let shown = match gloo::utils::window().open_with_url_and_target("", "_blank") {
        Ok(Some(win)) => build(&win, t, r, journey, config),
        _ => print_in_frame(place, t, r, journey, config),
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
    r: &Assessment,
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
    build(&win, t, r, journey, config)?;
    win.print()
}

fn build(
    win: &Window,
    t: &Texts,
    r: &Assessment,
    journey: &Journey,
    config: &Config,
) -> Result<(), JsValue> {
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
    let page = Page {
        doc: doc.clone(),
        body: body.clone().into(),
    };

    if let Some(button) = page.add(&page.body, "button", t.t("action.print")) {
        button.set_attribute("type", "button")?;
        button.set_attribute("class", "no-print")?;
        let target = win.clone();
        let print = Closure::<dyn Fn()>::new(move || {
            let _ = target.print();
        });
        button.add_event_listener_with_callback("click", print.as_ref().unchecked_ref())?;
        print.forget();
    }
    page.add(&page.body, "h1", t.t("summary.title"));
    if let Some(name) = &config.center_name {
        page.para(name);
    }
    page.para(t.t("summary.crisis"));
    if r.urgent == Urgent::Emergency {
        page.heading(t.t("first.emergency.heading"));
        page.para(words::emergency_body(t, journey));
    }
    if let Some((heading, body)) = words::detox_text(t, r, journey) {
        page.heading(&heading);
        for p in &body {
            page.para(p);
        }
    }
    page.heading(t.t("result.fits"));
    page.add(&page.body, "p", t.t(&format!("level.{}.name", r.level)))
        .map(|p| p.set_attribute("class", "level"));
    page.para(t.t(&format!("level.{}.about", r.level)));

    page.heading(t.t("week.heading"));
    match r.level {
        Level::Residential => page.para(t.t("week.residential")),
        Level::SelfGuided => page.para(t.t("week.self_guided")),
        _ => {
            let days = r.schedule.day_count();
            page.para(&t.f(
                "week.summary",
                &[
                    ("n", &days.to_string()),
                    ("hours", &week::hours_text(t, r.schedule.hours_per_week)),
                    ("days", &days.to_string()),
                ],
            ));
            page.list(
                "ul",
                r.schedule.sessions.iter().map(|s| week::session_text(t, s)),
            );
        }
    }
    page.heading(t.t("phase.heading"));
    let po = words::pregnant_opioids(r, journey);
    page.list(
        "ol",
        r.phases.iter().map(|p| timeline::phase_text(t, p, po)),
    );
    page.heading(t.t("life.heading"));
    page.list(
        "ul",
        life::life_keys(r.level, journey)
            .into_iter()
            .map(|k| t.t(k).to_string()),
    );
    page.heading(t.t("why.heading"));
    page.list(
        "ul",
        r.reasons.iter().filter(|x| x.rule.is_some()).map(|x| {
            format!(
                "{}: {}",
                t.t(&format!("dim.{}", x.dimension)),
                t.t(&format!("reason.{}", x.key))
            )
        }),
    );
    if !r.flags.is_empty() {
        page.heading(t.t("steps.heading"));
        page.list("ul", words::flag_texts(t, r, journey));
    }
    let skipped = words::skipped_names(t, journey);
    if !skipped.is_empty() {
        page.heading(t.t("skipped.heading"));
        page.list("ul", skipped.into_iter().map(|(_, name)| name));
    }
    if r.center_offers_first_step == Some(false) {
        page.heading(t.t("refer.first_step.heading"));
    }
    if r.center_offers_level == Some(false) {
        page.heading(t.t("refer.heading"));
    }
    if r.center_offers_level == Some(false) || r.center_offers_first_step == Some(false) {
        page.para(t.t("refer.body"));
    }
    page.para(words::contact_text(t, r));
    if let (Some(name), Some(phone)) = (&config.center_name, &config.phone) {
        // Isolated: a bidi mark in the name cannot turn the number around.
        page.para(&format!(
            "{}: {}",
            crate::i18n::isolate(name),
            crate::i18n::isolate(phone)
        ));
    }
    page.para(t.t("result.estimate"));
    page.para(t.t("summary.note"));
    Ok(())
}
