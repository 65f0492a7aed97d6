//! The widget's root: one reducer for the journey, the screens' tree
//! rendered (`crate::screens`), focus moved to each new screen's heading,
//! and the events the embed layer passes on to the host page.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::render::element;
use super::state::State;
use super::summary;
use crate::host_config::Config;
use crate::i18n::{choose_locale, has_words, Texts};
use crate::journey::{Event, Journey, Msg};
use crate::screens::{self, Act, Host};

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub config: Rc<Config>,
    /// Where the visitor was (opt-in session storage), if anywhere.
    #[prop_or_default]
    pub saved: Option<Journey>,
    /// Bumped by the host's `reset()`: starts over.
    #[prop_or_default]
    pub reset: u32,
    /// What the host page hears about.
    #[prop_or_default]
    pub on_event: Callback<Event>,
    /// Every change of the journey (for the opt-in session storage).
    #[prop_or_default]
    pub on_change: Callback<Journey>,
    /// The browser's preferred languages, for `locale="auto"`.
    #[prop_or_default]
    pub browser_languages: Rc<Vec<String>>,
    /// The host page's `lang`, for `locale="auto"`.
    #[prop_or_default]
    pub page_lang: AttrValue,
    /// A language the visitor chose before the widget was ready (on the
    /// start screen the loader draws).
    #[prop_or_default]
    pub locale_choice: Option<&'static str>,
    /// Focus the first screen's heading: the visitor moved on to a screen
    /// the loader does not draw before the widget was ready.
    #[prop_or_default]
    pub focus_first: bool,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let chosen = choose_locale(
        &props.config.locale,
        &props.page_lang,
        &props.browser_languages,
        &props.config.languages,
    );
    let saved = props.saved.clone();
    let choice = props.locale_choice;
    let state = use_reducer(move || {
        let mut journey = saved.unwrap_or_default();
        journey.locale = choice.or(journey.locale);
        State::new(journey)
    });
    {
        // The host changed `locale`: follow it (after the first render, so
        // the visitor's own choice stands until then).
        let state = state.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(chosen, move |chosen| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                state.dispatch(Msg::Language(chosen));
            }
        });
    }
    // The language the visitor or the host wants, if offered; shown once
    // its words are here (the loader fetches them): until then the
    // language shown before (at first, English: 911 and 988 are never
    // without words).
    let want = state
        .journey
        .locale
        .filter(|l| props.config.languages.contains(l))
        .unwrap_or(chosen);
    let arrived = use_state(|| 0u32);
    let shown = use_mut_ref(|| "en");
    if has_words(want) {
        *shown.borrow_mut() = want;
    }
    {
        let arrived = arrived.clone();
        use_effect_with(want, move |want| {
            if !has_words(want) {
                let want = *want;
                yew::platform::spawn_local(async move {
                    if super::embed::fetch_words(want).await {
                        arrived.set(*arrived + 1);
                    }
                });
            }
        });
    }
    let lang = *shown.borrow();
    // One lookup for every screen: the texts know the language and whether
    // the check is for someone else ("they" wording).
    let texts: Rc<Texts> = use_memo(
        (lang, state.journey.about_someone_else(), *arrived),
        |(id, they, _)| Texts::for_locale(id).they(*they),
    );
    let root = use_node_ref();
    {
        let state = state.clone();
        use_effect_with(props.reset, move |reset| {
            if *reset > 0 {
                state.dispatch(Msg::Restart);
            }
        });
    }
    {
        // Before the events below: the embed layer reads the latest journey
        // when it builds the complete event's detail.
        let on_change = props.on_change.clone();
        use_effect_with(state.journey.clone(), move |journey| {
            on_change.emit(journey.clone())
        });
    }
    {
        // Focus the new screen's heading, but never on first load: the
        // widget must not pull focus from the host page.
        let root = root.clone();
        use_effect_with(state.journey.step, move |step| {
            if *step > 0 {
                focus_heading(&root);
            }
        });
    }
    {
        // Then tell the host what the reducer said, once per message.
        let on_event = props.on_event.clone();
        let events = state.events.clone();
        use_effect_with(state.sent, move |sent| {
            if *sent > 0 {
                for event in events.iter() {
                    on_event.emit(event.clone());
                }
            }
        });
    }
    {
        // The payment step: its question when it opens, its button once
        // the answer shows (never on the first render).
        let root = root.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(state.journey.pay.open, move |open| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                let to = if *open {
                    ".cp-pay-focus"
                } else {
                    "[data-action=pay]"
                };
                super::render::focus_first(&root, &[to]);
            }
        });
    }
    {
        let root = root.clone();
        use_effect_with(props.focus_first, move |focus| {
            if *focus {
                focus_heading(&root);
            }
        });
    }
    let config = props.config.clone();
    let send = {
        let (state, texts, config) = (state.clone(), texts.clone(), config.clone());
        Callback::from(move |(act, event): (Act, web_sys::Event)| match act {
            // Starting over also closes the summary (a copy of the answers).
            Act::Go(Msg::Restart) => {
                summary::close_all();
                state.dispatch(Msg::Restart);
            }
            Act::Go(msg) => state.dispatch(msg),
            Act::Toggle(q, option) => {
                let on = event.target_unchecked_into::<HtmlInputElement>().checked();
                state.dispatch(Msg::Toggle(q, option, on));
            }
            // The language changes; answers and place stay.
            Act::Switch(to) => state.dispatch(Msg::Language(to)),
            Act::Print => {
                // The widget's own root, for a print frame if popups are blocked.
                let place = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .map(|n| n.get_root_node());
                // Told only when the visitor got a summary or a print dialog.
                if summary::open(&texts, &state.journey, &config, place) {
                    state.dispatch(Msg::Contact("print"));
                }
            }
            Act::CopyCode => {
                if let Some(code) = crate::assessment::encode_code(
                    &state.journey.answers,
                    crate::i18n::code_number(texts.lang()),
                ) {
                    // The visitor's own action: to their clipboard only.
                    let promise = gloo::utils::window()
                        .navigator()
                        .clipboard()
                        .write_text(&code);
                    let state = state.clone();
                    yew::platform::spawn_local(async move {
                        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                        state.dispatch(Msg::Copied(ok));
                    });
                }
            }
            Act::Retry | Act::ReadCode | Act::Clear => {}
        })
    };
    let host = Host::of(&config);
    let tree = screens::frame(
        &texts,
        Some(&config.languages),
        screens::screen(&texts, &state.journey, &config),
    );
    let mut view = element(&tree, &host, &send);
    view.node_ref = root;
    yew::virtual_dom::VNode::VTag(Rc::new(view))
}

fn focus_heading(root: &NodeRef) {
    super::render::focus_first(root, &[".cp-focus"]);
}
