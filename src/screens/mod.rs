//! Every screen, once: plain Rust that decides what to show and returns a
//! [`Node`] tree with the words already chosen (language, "they" wording)
//! and what each control does. The yew widget, the print summary and the
//! loader's first screens (`carepath shell`) all render these trees, so
//! they cannot drift.
//!
//! One module per screen, each a function of the journey and the texts.

pub mod crisis_lines;
pub mod declared;
pub mod node;
mod parts;
pub mod result;
#[cfg(not(target_arch = "wasm32"))]
pub mod shell;
pub mod staff;

pub use node::{el, p, Act, El, Host, Node, On, Only, Slot, Value};

use crate::assessment::Q;
use crate::assessment::{question, Kind};
use crate::host_config::Config;
use crate::i18n::Texts;
use crate::journey::{Hold, Journey, Msg, Screen};

/// The whole widget: its region, the emergency line, the language menu
/// (the `offered` languages, or a slot the loader and the declared screen
/// fill) and `screen`.
pub fn frame(t: &Texts, offered: Option<&[&'static str]>, screen: impl Into<Node>) -> El {
    el("div")
        .class("cp")
        .attr("lang", t.lang())
        .attr("dir", t.dir())
        .attr("role", "region")
        .attr("aria-label", t.t("app.label"))
        // Quick exit, first for assistive technology (shown only when it
        // has focus); the loader does the leaving (`data-action="exit"`),
        // and without scripts it is a plain link to the exit address.
        .child(
            el("a")
                .slot_attr("href", Slot::Exit)
                .class("cp-exit-skip")
                .attr("data-action", "exit")
                .text(t.t("exit.skip")),
        )
        .child(bar(t, offered))
        .child(el("div").class("cp-screen").child(screen))
}

/// The language menu: the current language's name, and in a list each
/// offered language in its own name, marked with its `lang` and `dir`.
/// Outside every screen (it changes no answer), with buttons, never
/// inputs. `offered`: `None` is a slot, filled with [`language_item`]s.
pub fn language_menu(t: &Texts, offered: Option<&[&'static str]>) -> El {
    let items: Vec<Node> = match offered {
        Some(ids) => ids
            .iter()
            .map(|id| language_item(id, *id == t.lang()).into())
            .collect(),
        None => vec![Node::Slot(Slot::Languages)],
    };
    el("details")
        .class("cp-langs")
        .child(el("summary").class("cp-lang").text(format!(
            "{}: {}",
            t.t("lang.menu"),
            crate::i18n::own_name(t.lang()).unwrap_or("")
        )))
        .child(
            el("ul")
                .attr("aria-label", t.t("lang.menu"))
                .children(items),
        )
}

/// One language in the menu, in its own name; `current` is marked.
pub fn language_item(id: &'static str, current: bool) -> El {
    let (name, rtl) = crate::i18n::language(id).map_or((id, false), |l| (l.name, l.rtl));
    let button = El::button("cp-lang-item", name, Act::Switch(id))
        .attr("lang", id)
        .attr("dir", if rtl { "rtl" } else { "ltr" })
        .attr("data-lang", id);
    el("li").child(if current {
        button.attr("aria-current", "true")
    } else {
        button
    })
}

/// Help in the visitor's language: a folded line that promises the
/// center's free help only when the center says it offers it (`free`:
/// `Some` from the configuration; `None` writes both sentences, and the
/// stylesheet shows the one the element's `language-help` asks for), and
/// 988's interpreter.
pub fn language_help(t: &Texts, free: Option<bool>) -> El {
    let center: Vec<Node> = match free {
        Some(true) => vec![p(t.t("help.language.free")).into()],
        Some(false) => vec![p(t.t("help.language.ask")).into()],
        None => vec![
            p(t.t("help.language.free"))
                .attr("data-help", "free")
                .into(),
            p(t.t("help.language.ask")).attr("data-help", "ask").into(),
        ],
    };
    el("details")
        .class("cp-help-lang")
        .child(el("summary").text(t.t("help.language")))
        .children(center)
        .child(p(t.t("help.language.988")))
}

/// The emergency line as static HTML to put inside the element in a page
/// (its fallback content): the browser shows it if the loader never runs
/// (blocked, or refused by its integrity hash), and hides it once the
/// widget attaches its shadow root. The snippets (README, configurator,
/// WordPress) take it from `schema.json`'s `fallback`.
pub fn fallback(t: &Texts) -> El {
    short_line(t).attr("lang", t.lang())
}

/// The emergency line at its shortest: 911 and 988 (call or text), as the
/// page's fallback content and at the top of each long part of the result
/// (shown there only where the bar cannot stay in view: `.cp-line`).
pub fn short_line(t: &Texts) -> El {
    el("p")
        .child(el("strong").text(t.t("bar.text")))
        .text(" ")
        .child(
            el("a")
                .attr("href", crisis_lines::CALL_911)
                .text(t.t("bar.call911")),
        )
        .text(" | ")
        .child(
            el("a")
                .attr("href", crisis_lines::CALL_988)
                .text(t.t("bar.call988")),
        )
        .text(" | ")
        .child({
            let (href, key) = crisis_lines::third_route(t.lang());
            el("a").attr("href", href).text(t.t(key))
        })
}

/// [`fallback`] as HTML.
pub fn fallback_html(t: &Texts) -> String {
    Node::from(fallback(t)).html(&Host::default(), Only::Screen)
}

/// The emergency line, on every screen: 911 and 988 (call, and text where
/// 988 texts in the language); and the language menu, which keeps the
/// answers and the place.
pub fn bar(t: &Texts, offered: Option<&[&'static str]>) -> El {
    let (third, third_key) = crisis_lines::third_route(t.lang());
    el("aside")
        .class("cp-bar")
        .attr("aria-label", t.t("bar.text"))
        .child(el("span").class("cp-bar-text").text(t.t("bar.text")))
        .child(El::link(
            "cp-bar-link",
            crisis_lines::CALL_911,
            t.t("bar.call911"),
        ))
        .child(El::link(
            "cp-bar-link",
            crisis_lines::CALL_988,
            t.t("bar.call988"),
        ))
        .child(El::link("cp-bar-link", third, t.t(third_key)))
        // The full list, on every screen, folded: the bar stays short.
        .child(
            el("details")
                .class("cp-bar-more")
                .child(el("summary").text(t.t("crisis.routes")))
                .child(crisis_routes(t)),
        )
        .child(language_menu(t, offered))
        // Quick exit: the button, its hint in words, and the count as
        // Shift is pressed (the loader writes it: `exit.count.*`).
        .child(
            el("a")
                .slot_attr("href", Slot::Exit)
                .class("cp-exit")
                .attr("data-action", "exit")
                .attr("aria-describedby", "cp-exit-hint")
                .text(t.t("exit.button")),
        )
        .child(
            el("span")
                .class("cp-exit-hint")
                .attr("id", "cp-exit-hint")
                .text(t.t("exit.hint")),
        )
        .child(el("span").class("cp-exit-status").attr("role", "status"))
}

/// The journey's current screen.
pub fn screen(t: &Texts, journey: &Journey, config: &Config) -> El {
    match journey.screen {
        Screen::Start => start(t, Some(config)),
        Screen::Question(q) => question_screen(t, journey, q),
        Screen::Crisis { .. } => crisis(t),
        Screen::Result => result::screen(t, journey, config),
    }
}

/// A screen's heading, where focus goes when the screen opens.
fn heading(text: &str) -> El {
    el("h2")
        .class("cp-heading cp-focus")
        .attr("tabindex", "-1")
        .text(text)
}

/// What this is, before the first question, with the sentences for what
/// the host turned on (`Config::privacy_keys`), or with no `config` (the
/// loader, the declared screen) a slot for them; then language help.
pub fn start(t: &Texts, config: Option<&Config>) -> El {
    let privacy: Vec<Node> = match config {
        Some(c) => c.privacy_keys().iter().map(|k| p(t.t(k)).into()).collect(),
        None => vec![Node::Slot(Slot::Privacy)],
    };
    el("section")
        .class("cp-start")
        .attr("data-screen", "start")
        .child(heading(t.t("start.heading")))
        .child(p(t.t("start.intro")))
        .children(privacy)
        .child(p(t.t("start.estimate")))
        .child(p(t.t("start.who")))
        .child(El::button(
            "cp-button cp-primary",
            t.t("start.begin"),
            Act::Go(Msg::Begin),
        ))
        // Both sentences, as the loader and the declared screen draw it:
        // the element's `language-help` picks one (the stylesheet).
        .child(language_help(t, None))
}

/// Help right now: 911 (with what to do for a possible overdose), 988
/// (call or text), Poison Control for an awake person.
/// Every other way to reach 988 (the crisis screen, the result's emergency
/// block and so the print summary and the loader's crisis screen): the
/// Veterans line, chat, ASL and TTY.
pub fn crisis_routes(t: &Texts) -> El {
    let link = |class: &str, href: &str, key: &str| El::link(class, href, t.t(key));
    el("ul")
        .class("cp-routes")
        .attr("aria-label", t.t("crisis.routes"))
        .child(el("li").child(p(t.t("crisis.veterans"))).child(link(
            "cp-button",
            crisis_lines::VETERANS_TEXT,
            "crisis.veterans_link",
        )))
        // Chat only where 988 chats in the language (else the crisis
        // screen's 988 sentence names the interpreter).
        .maybe(crisis_lines::texts_in(t.lang()).then(|| {
            el("li").child(p(t.t("crisis.chat"))).child(
                link(
                    "cp-button",
                    crisis_lines::chat_988(t.lang()),
                    "crisis.chat_link",
                )
                .attr("target", "_blank")
                .attr("rel", "noopener noreferrer"),
            )
        }))
        .child(
            el("li")
                .child(p(t.t("crisis.deaf")))
                .child(
                    link("cp-button", crisis_lines::ASL_988, "crisis.asl_link")
                        .attr("target", "_blank")
                        .attr("rel", "noopener noreferrer"),
                )
                .child(link(
                    "cp-button",
                    crisis_lines::TTY_RELAY,
                    "crisis.tty_link",
                )),
        )
}

pub fn crisis(t: &Texts) -> El {
    let urgent = |href, key| El::link("cp-button cp-urgent", href, t.t(key));
    el("section")
        .class("cp-crisis")
        .attr("data-screen", "crisis")
        .child(heading(t.t("crisis.heading")))
        .child(p(t.t("crisis.body")))
        .child(
            el("ul")
                .class("cp-crisis-lines")
                .child(
                    el("li")
                        .child(p(t.t("crisis.911")))
                        .child(p(t.t("crisis.overdose")))
                        .child(urgent(crisis_lines::CALL_911, "bar.call911")),
                )
                .child(
                    el("li")
                        .child(p(t.t("crisis.988")))
                        .child(urgent(crisis_lines::CALL_988, "bar.call988"))
                        .maybe(
                            crisis_lines::texts_in(t.lang())
                                .then(|| urgent(crisis_lines::text_988(t.lang()), "bar.text988")),
                        )
                        .child(crisis_routes(t)),
                )
                .child(el("li").child(p(t.t("crisis.poison"))).child(El::link(
                    "cp-button",
                    crisis_lines::POISON_CONTROL,
                    t.t("crisis.poison_link"),
                ))),
        )
        .child(p(t.t("crisis.stay")))
        .child(p(t.t("crisis.later")))
        .child(
            el("div")
                .class("cp-nav")
                .child(El::button(
                    "cp-button cp-primary",
                    t.t("crisis.continue"),
                    Act::Go(Msg::Continue),
                ))
                .child(El::button(
                    "cp-button cp-link",
                    t.t("nav.back"),
                    Act::Go(Msg::Back),
                )),
        )
}

/// One question per screen: a fieldset whose legend is the question, real
/// radio buttons or checkboxes named by the question id, valued by the
/// option id.
pub fn question_screen(t: &Texts, journey: &Journey, q: Q) -> El {
    let bank = question(q);
    let (n, total) = journey.progress(q);
    let chosen = journey.answers.chosen(q).unwrap_or_default();
    let key = |part: &str| format!("q.{q}.{part}");
    let found = |k: String| (t.t(&k) != k).then(|| t.t(&k).to_string());
    let hint = found(key("hint"));
    let help = found(key("help"));
    let hint_id = format!("cp-hint-{q}");
    let error_id = format!("cp-error-{q}");
    let hold = journey.hold == Some(Hold::NeedAnswer);
    let described_by = [
        hint.as_ref().map(|_| hint_id.clone()),
        hold.then(|| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let options = bank.options.iter().map(|&option| {
        let id = format!("cp-{q}-{option}");
        let (kind, act) = match bank.kind {
            Kind::One => ("radio", Act::Go(Msg::Choose(q, option))),
            Kind::Many => ("checkbox", Act::Toggle(q, option)),
        };
        el("div")
            .class("cp-option")
            .child(
                el("input")
                    .attr("type", kind)
                    .class("cp-input")
                    .attr("id", id.clone())
                    .attr("name", q.id())
                    .attr("value", option)
                    .checked(chosen.contains(&option))
                    .on(On::Change, act),
            )
            .child(
                el("label")
                    .attr("for", id)
                    .text(t.t(&format!("q.{q}.opt.{option}"))),
            )
    });
    let error_key = if q == Q::DangerNow {
        "nav.need_answer_required"
    } else {
        "nav.need_answer"
    };
    let mut fieldset = el("fieldset").class("cp-fieldset");
    if !described_by.is_empty() {
        fieldset = fieldset.attr("aria-describedby", described_by);
    }
    let progress = t.f(
        "nav.progress",
        &[("n", &n.to_string()), ("total", &total.to_string())],
    );
    let fieldset = fieldset
        .child(
            el("legend").class("cp-legend").child(
                el("h2")
                    .class("cp-heading cp-focus")
                    .attr("tabindex", "-1")
                    .child(el("span").class("cp-progress").text(progress))
                    .child(
                        el("span")
                            .class("cp-question-text")
                            .text(t.t(&key("legend"))),
                    ),
            ),
        )
        .maybe(hint.map(|h| p(h).class("cp-hint").attr("id", hint_id)))
        .maybe(help.map(|h| {
            el("details")
                .class("cp-help")
                .child(el("summary").text(t.t("nav.help")))
                .child(p(h))
        }))
        .maybe(hold.then(|| {
            p(t.t(error_key))
                .class("cp-error")
                .attr("id", error_id)
                .attr("role", "alert")
        }))
        .child(
            el("div")
                .class(if bank.kind == Kind::Many {
                    "cp-options cp-many"
                } else {
                    "cp-options"
                })
                .children(options),
        );
    let back = if journey.revisit {
        "skipped.back"
    } else {
        "nav.back"
    };
    el("form")
        .class("cp-question")
        .attr("data-screen", "question")
        .attr("data-question", q.id())
        .attr("novalidate", "true")
        .key(q.id())
        .child(fieldset)
        .child(
            el("div")
                .class("cp-nav")
                .child(El::submit(t.t("nav.next"), Act::Go(Msg::Next)))
                .maybe((q != Q::DangerNow).then(|| {
                    El::button(
                        "cp-button cp-secondary",
                        t.t("nav.skip"),
                        Act::Go(Msg::Skip),
                    )
                }))
                .child(El::button(
                    "cp-button cp-link",
                    t.t(back),
                    Act::Go(Msg::Back),
                )),
        )
}

/// What the loader shows a visitor who moved on to a screen only the
/// widget draws: one moment; or, when slow or failed, try again and the
/// center's number (911 and 988 stay in the bar above).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wait {
    Loading,
    Slow,
    Failed,
}

impl Wait {
    pub const ALL: [Wait; 3] = [Wait::Loading, Wait::Slow, Wait::Failed];

    pub fn id(self) -> &'static str {
        match self {
            Wait::Loading => "loading",
            Wait::Slow => "slow",
            Wait::Failed => "failed",
        }
    }
}

/// The waiting message; `call`: the host has a valid phone number.
pub fn waiting(t: &Texts, wait: Wait, call: bool) -> El {
    let key = match wait {
        Wait::Loading => "nav.loading",
        Wait::Slow => "nav.load_slow",
        Wait::Failed => "nav.load_failed",
    };
    let message = p(t.t(key)).attr("role", "alert").class("cp-hint");
    if wait == Wait::Loading {
        return message;
    }
    el("div").class("cp-wait").child(message).child(
        el("p")
            .class("cp-action-row")
            .child(El::button("cp-button", t.t("nav.try_again"), Act::Retry))
            .maybe(call.then(|| parts::call_center(t, "cp-button"))),
    )
}
