//! The only code that touches the host page. The loader
//! (`embed/loader/element.js`) calls these exports for each widget element:
//! `mount` renders the app into the shadow root the loader attached
//! (closed unless `shadow="open"`, so page scripts cannot read answers)
//! with the widget's styles adopted (constructable stylesheets, which
//! strict CSPs allow); `configure` applies changed attributes; `reset` starts over;
//! `unmount` cleans up. Events go to the element as `carepath:*` DOM
//! events, carrying only what the host opted in to.

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, ShadowRoot};
use yew::{function_component, html, AppHandle, Callback, Html, Properties};

use super::app::{App, AppProps};
use crate::assessment::{assess, Answers, Assessment};
use crate::assessment::{Kind, QUESTIONS};
use crate::host_config::{self, Config};
use crate::journey::{handover, Event, Journey, Screen};

/// A yew app, mounted in a widget or parked for the next one. Yew never
/// drops the event listeners it puts on an app's root (they are static
/// for an app), so a new app for each mount would leave one element and
/// its listeners behind per widget ever shown; a parked app is reused
/// instead, with a new widget inside it (a new key: nothing carries over).
#[derive(Properties, PartialEq)]
pub struct SlotProps {
    generation: u32,
    app: Option<AppProps>,
}

#[function_component]
fn Slot(props: &SlotProps) -> Html {
    match &props.app {
        Some(app) => html! { <App key={props.generation} ..app.clone() /> },
        None => Html::default(),
    }
}

/// Parked apps, at most this many (the most widgets a page has shown at
/// once, up to it).
const PARKED: usize = 8;

struct Mounted {
    host: Element,
    handle: AppHandle<Slot>,
    generation: u32,
    mount_point: Element,
    props: Rc<Shared>,
    reset: u32,
    warned: Vec<String>,
}

/// What the app's callbacks read at the time they fire: the current
/// configuration and the last journey (for the complete event's detail).
struct Shared {
    config: RefCell<Rc<Config>>,
    journey: RefCell<Journey>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    static PARKED_APPS: RefCell<Vec<(AppHandle<Slot>, Element, u32)>> = const { RefCell::new(Vec::new()) };
}

fn is_mounted(host: &Element) -> bool {
    MOUNTED.with(|m| m.borrow().iter().any(|x| x.host == *host))
}

/// At most this many distinct warnings are logged (and remembered) per
/// element, so a page that keeps changing attributes cannot flood the
/// console or grow the list without bound.
const WARNED: usize = 50;

/// Reads the element's attributes; logs one warning per bad value, once:
/// `already` holds the warnings logged for this element before.
pub(crate) fn read_config(host: &Element, already: &mut Vec<String>) -> Config {
    let (config, warnings) = host_config::from_attributes(|name| host.get_attribute(name));
    for w in warnings {
        if already.contains(&w) || already.len() > WARNED {
            continue;
        }
        if already.len() == WARNED {
            // One last line, then quiet: a page that keeps setting bad
            // values cannot flood the console.
            gloo::console::warn!("carepath: this element's attributes keep giving warnings; no more are shown (refused values still use the defaults).");
        } else {
            gloo::console::warn!(format!("carepath: {w}"));
        }
        already.push(w);
    }
    config
}

/// Where a widget keeps its progress (`remember="session"`, which needs an
/// id): the page's path and the id, so widgets never swap places.
fn storage_key(host: &Element) -> String {
    // The path and the query: under plain permalinks (`/?p=12`) every page
    // has the path `/`.
    let location = gloo::utils::window().location();
    let path = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
    crate::host_config::storage_key(&path, &host.id())
}

fn session_storage() -> Option<web_sys::Storage> {
    gloo::utils::window().session_storage().ok().flatten()
}

fn dispatch(host: &Element, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let obj = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    obj.into()
}

/// The `carepath:complete` detail: empty (no health meaning), unless the
/// host opted in to the result (`share-result`) and the answers
/// (`share-answers`).
fn complete_detail(shared: &Shared) -> JsValue {
    let config = shared.config.borrow().clone();
    if !config.share_result {
        return object(&[]);
    }
    let journey = shared.journey.borrow();
    let Ok(result) = assess(&journey.answers, config.center.as_ref()) else {
        return object(&[]);
    };
    let detail = result_object(&result);
    if config.share_answers && detail.is_object() {
        let _ = Reflect::set(
            &detail,
            &"answers".into(),
            &answers_object(&journey.answers),
        );
    }
    detail
}

/// The result as the contract's JSON object, built in place (serde-wasm-bindgen
/// costs fewer bytes than JSON text through serde_json); a browser test
/// checks it reads exactly as the CLI's JSON.
pub fn result_object(result: &Assessment) -> JsValue {
    result
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// The answers as the contract's JSON object (unanswered questions left
/// out), built in place rather than through a JSON text.
fn answers_object(answers: &Answers) -> JsValue {
    let obj = Object::new();
    for bank in &QUESTIONS {
        let Some(options) = answers.chosen(bank.id) else {
            continue;
        };
        let value: JsValue = match bank.kind {
            Kind::One => JsValue::from_str(options[0]),
            Kind::Many => options
                .into_iter()
                .map(JsValue::from_str)
                .collect::<Array>()
                .into(),
        };
        let _ = Reflect::set(&obj, &bank.id.id().into(), &value);
    }
    obj.into()
}

/// The events a host receives, by default with no health meaning: which
/// questions are asked depends on earlier answers, so steps go out only
/// with `share-progress`; a refer-on tap ("this center does not offer the
/// care") only with `share-result`.
fn on_event(host: Element, shared: Rc<Shared>) -> Callback<Event> {
    Callback::from(move |event: Event| {
        let config = shared.config.borrow().clone();
        match event {
            Event::Start => dispatch(&host, "carepath:start", &object(&[])),
            Event::Step(q) if config.share_progress => {
                let (position, _) = shared.journey.borrow().progress(q);
                dispatch(
                    &host,
                    "carepath:step",
                    &object(&[
                        ("question", JsValue::from_str(q.id())),
                        ("position", JsValue::from(position as u32)),
                    ]),
                )
            }
            Event::Step(_) => {}
            Event::Complete => dispatch(&host, "carepath:complete", &complete_detail(&shared)),
            Event::Contact(action)
                if config.share_result
                    || matches!(action, "call" | "sms" | "contact" | "print") =>
            {
                dispatch(
                    &host,
                    "carepath:contact",
                    &object(&[("action", JsValue::from_str(action))]),
                )
            }
            Event::Contact(_) => {}
        }
    })
}

fn on_change(host: Element, shared: Rc<Shared>) -> Callback<Journey> {
    Callback::from(move |journey: Journey| {
        if shared.config.borrow().remember {
            if let Some(storage) = session_storage() {
                // Back at the start with nothing answered ("Start over"):
                // nothing is kept, as the README says.
                let fresh = journey.screen == Screen::Start && journey.answers == Answers::new();
                let _ = if fresh {
                    storage.remove_item(&storage_key(&host))
                } else {
                    storage.set_item(&storage_key(&host), &journey.save())
                };
            }
        }
        *shared.journey.borrow_mut() = journey;
    })
}

fn props(host: &Element, shared: &Rc<Shared>, saved: Option<Journey>, reset: u32) -> AppProps {
    AppProps {
        config: shared.config.borrow().clone(),
        saved,
        reset,
        on_event: on_event(host.clone(), shared.clone()),
        on_change: on_change(host.clone(), shared.clone()),
        browser_languages: Rc::new(browser_languages()),
        page_lang: gloo::utils::document()
            .document_element()
            .map(|e| e.get_attribute("lang").unwrap_or_default())
            .unwrap_or_default()
            .into(),
        locale_choice: None,
        focus_first: false,
    }
}

/// The browser's preferred languages (`navigator.languages`).
pub(crate) fn browser_languages() -> Vec<String> {
    let navigator = gloo::utils::window().navigator();
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// Mounts the widget on an element. Mounting a mounted element does
/// nothing, so an element moved in the page keeps the visitor's place.
///
/// The warnings the widget would give for these attributes (an object of
/// attribute name to value), each naming the attribute and the accepted
/// form: install tools (the WordPress settings page) show them, so a
/// center's admin never needs the console.
pub fn check(attributes: &Object) -> Array {
    let get = |name: &str| {
        Reflect::get(attributes, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
    };
    let (_, warnings) = host_config::from_attributes(get);
    warnings.into_iter().map(JsValue::from).collect()
}

/// The loader has already given the element its shadow root, adopted the
/// widget's stylesheet and drawn the first screens there, which this
/// replaces, going on from what the visitor did on them: `locale`, the
/// language they switched to; `actions`, what they did, replayed (see
/// `journey::handover`).
/// `kept`: the place the element held when it last left the page
/// ([`unmount`]'s answer), so a widget removed and re-added goes on.
pub fn mount(
    host: &Element,
    root: &ShadowRoot,
    locale: Option<String>,
    actions: Option<String>,
    kept: Option<String>,
    words: Option<js_sys::Function>,
) {
    if is_mounted(host) {
        return;
    }
    let parked = PARKED_APPS.with(|p| p.borrow_mut().pop());
    let mount_point = match &parked {
        Some((_, mount_point, _)) => mount_point.clone(),
        None => match gloo::utils::document().create_element("div") {
            Ok(div) => div,
            Err(_) => return,
        },
    };
    let mut warned = Vec::new();
    let config = Rc::new(read_config(host, &mut warned));
    for (name, value) in crate::screens::declared::MASK {
        // Session-replay tools read open roots: ask them to mask it all.
        let _ = if config.open_shadow {
            mount_point.set_attribute(name, value)
        } else {
            mount_point.remove_attribute(name)
        };
    }
    root.set_text_content(None);
    let _ = root.append_child(&mount_point);
    let saved = kept.and_then(|text| Journey::restore(&text)).or_else(|| {
        config
            .remember
            .then(session_storage)
            .flatten()
            .and_then(|s| s.get_item(&storage_key(host)).ok().flatten())
            .and_then(|text| Journey::restore(&text))
    });
    // A place kept this session past the start wins over the loader's
    // screens (it drew none); otherwise what the visitor did there is
    // replayed on top of what was kept.
    let (journey, events, focus_first) = match saved {
        Some(kept) if kept.screen != Screen::Start => (kept, Vec::new(), false),
        kept => {
            let actions = actions.unwrap_or_default();
            let (journey, events) = handover::replay_from(kept.unwrap_or_default(), &actions);
            let focus = !handover::drawn_by_loader(journey.screen);
            (journey, events, focus)
        }
    };
    let saved = Some(journey);
    let locale_choice = locale.and_then(|id| crate::i18n::language(&id).map(|l| l.id));
    if let Some(words) = words {
        WORDS.with(|w| *w.borrow_mut() = Some(words));
    }
    let shared = Rc::new(Shared {
        config: RefCell::new(config),
        journey: RefCell::new(saved.clone().unwrap_or_default()),
    });
    let mut first = props(host, &shared, saved, 0);
    first.locale_choice = locale_choice;
    first.focus_first = focus_first;
    for event in events {
        first.on_event.emit(event);
    }
    let (handle, generation) = match parked {
        Some((mut handle, _, generation)) => {
            let generation = generation.wrapping_add(1);
            handle.update(SlotProps {
                generation,
                app: Some(first),
            });
            (handle, generation)
        }
        None => {
            let props = SlotProps {
                generation: 0,
                app: Some(first),
            };
            (
                yew::Renderer::<Slot>::with_root_and_props(mount_point.clone(), props).render(),
                0,
            )
        }
    };
    MOUNTED.with(|m| {
        m.borrow_mut().push(Mounted {
            host: host.clone(),
            handle,
            generation,
            mount_point,
            props: shared,
            reset: 0,
            warned,
        })
    });
}

thread_local! {
    /// The loader's word-pack fetcher (`(id) => Promise<pack>`): it fetches
    /// `words/<id>.json` beside the wasm with its integrity hash and parses
    /// it.
    static WORDS: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// A language's words (its pack) from the loader, installed: whether they
/// are here now. A failed fetch leaves the words shown as they were.
pub async fn fetch_words(id: &'static str) -> bool {
    let Some(fetch) = WORDS.with(|w| w.borrow().clone()) else {
        return false;
    };
    let Ok(promise) = fetch.call1(&JsValue::NULL, &JsValue::from_str(id)) else {
        return false;
    };
    let Ok(pack) = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise)).await
    else {
        return false;
    };
    add_words(id, &pack).is_none()
}

/// Installs a language's word pack (`words/<id>.json` as the loader read
/// it: the JSON parser is the browser's, so the wasm carries none); the
/// reason, for the console, if it is refused.
pub fn add_words(id: &str, pack: &JsValue) -> Option<String> {
    let get = |name: &str| Reflect::get(pack, &JsValue::from_str(name)).unwrap_or(JsValue::NULL);
    // `words`: the texts in the order of English's keys (null where the
    // language has none), so the file carries no keys; `more`: the keys
    // English lacks (plural forms), with their texts.
    let mut map = std::collections::BTreeMap::new();
    if let Ok(values) = get("words").dyn_into::<Array>() {
        for (key, value) in crate::i18n::Texts::english().keys().zip(values.iter()) {
            if let Some(text) = value.as_string() {
                map.insert(key.to_string(), text);
            }
        }
    }
    if let Ok(more) = get("more").dyn_into::<Object>() {
        for pair in Object::entries(&more).iter() {
            let pair: Array = pair.unchecked_into();
            if let (Some(key), Some(text)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                map.insert(key, text);
            }
        }
    }
    let refused = crate::i18n::install(id, map).err();
    if let Some(why) = &refused {
        gloo::console::error!(format!(
            "carepath: {why}; the widget stays in the language it shows."
        ));
    }
    refused
}

/// Applies the element's current attributes to its widget.
pub fn configure(host: &Element) {
    MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        if let Some(x) = mounted.iter_mut().find(|x| x.host == *host) {
            *x.props.config.borrow_mut() = Rc::new(read_config(host, &mut x.warned));
            let p = props(host, &x.props, None, x.reset);
            x.handle.update(SlotProps {
                generation: x.generation,
                app: Some(p),
            });
        }
    });
}

/// Starts the element's widget over, clearing every answer.
pub fn reset(host: &Element) {
    super::summary::close_all();
    let remembered = MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        let x = mounted.iter_mut().find(|x| x.host == *host)?;
        x.reset += 1;
        let p = props(host, &x.props, None, x.reset);
        x.handle.update(SlotProps {
            generation: x.generation,
            app: Some(p),
        });
        let remember = x.props.config.borrow().remember;
        Some(remember)
    });
    // Storage is touched only when the host opted in to it.
    if remembered == Some(true) {
        if let Some(storage) = session_storage() {
            let _ = storage.remove_item(&storage_key(host));
        }
    }
}

/// Removes the element's widget (the element left the page) and frees it;
/// returns the visitor's place, which the loader keeps with the element
/// (in a WeakMap, freed with it) for a later re-add.
pub fn unmount(host: &Element) -> Option<String> {
    let gone = MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        let i = mounted.iter().position(|x| x.host == *host)?;
        Some(mounted.remove(i))
    })?;
    let place = gone.props.journey.borrow().save();
    super::summary::close_all();
    // The widget goes; its app is parked for the next one (or, past
    // PARKED, destroyed).
    let Mounted {
        mut handle,
        mount_point,
        generation,
        ..
    } = gone;
    handle.update(SlotProps {
        generation,
        app: None,
    });
    mount_point.remove();
    PARKED_APPS.with(|p| {
        let mut parked = p.borrow_mut();
        if parked.len() < PARKED {
            parked.push((handle, mount_point, generation));
        } else {
            handle.destroy();
        }
    });
    Some(place)
}
