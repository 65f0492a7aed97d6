//! The widget's root: one reducer for the journey, the locale texts as
//! context, focus moved to each new screen's heading, and the events the
//! embed layer passes on to the host page.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::components::{Crisis, EmergencyBar, QuestionScreen, ResultScreen, StartScreen};
use super::state::State;
use crate::host_config::Config;
use crate::i18n::{choose_locale, Texts, LOCALES};
use crate::journey::{Event, Journey, Msg, Screen};

#[derive(Properties, PartialEq)]
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
    let chosen = choose_locale(&props.config.locale, &props.browser_languages);
    let locale = use_state_eq(|| props.locale_choice.unwrap_or(chosen));
    {
        // The host changed `locale`: follow it (after the first render, so
        // the visitor's own choice stands until then).
        let locale = locale.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(chosen, move |chosen| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                locale.set(chosen);
            }
        });
    }
    // The language switch offers the next locale; answers and place stay.
    let switch_to = LOCALES
        .iter()
        .map(|l| l.0)
        .cycle()
        .skip_while(|id| *id != *locale)
        .nth(1)
        .unwrap_or("en");
    let on_switch = {
        let locale = locale.clone();
        Callback::from(move |_| locale.set(switch_to))
    };
    let saved = props.saved.clone();
    let state = use_reducer(move || State::new(saved.unwrap_or_default()));
    // One lookup for every screen: the texts know the language and whether
    // the check is for someone else ("they" wording).
    let texts = use_memo(
        (*locale, state.journey.about_someone_else()),
        |(id, they)| Texts::for_locale(id).they(*they),
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
        let root = root.clone();
        use_effect_with(props.focus_first, move |focus| {
            if *focus {
                focus_heading(&root);
            }
        });
    }
    let send = {
        let state = state.clone();
        Callback::from(move |msg: Msg| state.dispatch(msg))
    };
    let on_contact = send.reform(Msg::Contact);
    let journey = &state.journey;
    let screen = match journey.screen {
        Screen::Start => html! {
            <StartScreen send={send.clone()} privacy={props.config.privacy_keys()} />
        },
        // Keyed by question: inputs are rebuilt for each question, so a
        // reused radio never unchecks the saved answer of the next group.
        Screen::Question(q) => html! {
            <QuestionScreen key={q.id()} q={q} journey={journey.clone()} send={send.clone()} />
        },
        Screen::Crisis { .. } => html! {
            <Crisis send={send.clone()} />
        },
        Screen::Result => html! {
            <ResultScreen journey={journey.clone()} config={props.config.clone()} send={send.clone()} {on_contact} />
        },
    };
    html! {
        <ContextProvider<Rc<Texts>> context={texts.clone()}>
            <div class="cp" lang={texts.lang()} role="region" aria-label={texts.t("app.label").to_string()} ref={root}>
                <EmergencyBar {switch_to} {on_switch} />
                <div class="cp-screen">{ screen }</div>
            </div>
        </ContextProvider<Rc<Texts>>>
    }
}

fn focus_heading(root: &NodeRef) {
    let Some(root) = root.cast::<HtmlElement>() else {
        return;
    };
    if let Ok(Some(heading)) = root.query_selector(".cp-focus") {
        if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<HtmlElement>(heading) {
            let _ = heading.focus();
        }
    }
}
