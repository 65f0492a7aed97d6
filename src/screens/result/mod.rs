//! The result: emergency or detox first, then the level, the week, the
//! months ahead, how it fits life, why, next steps and actions. The print
//! summary is this same tree without the controls (`Only::Screen`) and
//! with its print-only lines.

mod actions;
mod life;
pub mod pay;
mod timeline;
mod week;
pub mod words;

pub use life::life_keys;
pub use timeline::{phase_lines, phase_text};
pub use week::{hours_text, session_text};

use super::crisis_lines;
use super::node::{el, p, Act, El, Only};
use crate::assessment::{assess_with, encode_code, Dimension, Reason, Urgent};
use crate::host_config::Config;
use crate::i18n::Texts;
use crate::journey::{Journey, Msg};

fn h3(text: &str) -> El {
    el("h3").text(text)
}

fn list(tag: &'static str, items: impl IntoIterator<Item = String>) -> El {
    el(tag).children(items.into_iter().map(|i| el("li").text(i)))
}

pub fn screen(t: &Texts, journey: &Journey, config: &Config) -> El {
    let section = el("section")
        .class("cp-result")
        .attr("data-screen", "result");
    // The first question is required, so the engine only fails if the
    // visitor never answered it: send them back to it.
    let Ok(r) = assess_with(&journey.answers, config.center.as_ref(), journey.version) else {
        return section
            .child(super::heading(t.t("nav.need_answer_required")))
            .child(El::button(
                "cp-button",
                t.t("action.restart"),
                Act::Go(Msg::Restart),
            ));
    };
    let level = r.level;
    // The short emergency line, repeated at the top of each long part on
    // screen: shown only where the bar cannot stay in view (a viewport
    // under 500 px tall, or a host ancestor that stops sticky; the
    // loader checks), so 911 and 988 are never a long scroll away.
    let line = || super::short_line(t).class("cp-line").only(Only::Screen);
    let step_words = words::StepWords::of(&r, journey);
    let emergency = (r.urgent == Urgent::Emergency).then(|| {
        let urgent = |href, key| El::link("cp-button cp-urgent", href, t.t(key));
        el("div")
            .class("cp-first cp-first-emergency")
            .attr("role", "note")
            .child(h3(t.t("first.emergency.heading")))
            .child(p(words::emergency_body(t, journey)))
            .child(
                el("p")
                    .class("cp-first-links")
                    .child(urgent(crisis_lines::CALL_911, "bar.call911"))
                    .child(urgent(crisis_lines::CALL_988, "bar.call988"))
                    .maybe(
                        crisis_lines::texts_in(t.lang())
                            .then(|| urgent(crisis_lines::text_988(t.lang()), "bar.text988")),
                    ),
            )
            .child(super::crisis_routes(t))
    });
    let detox = words::detox_text(t, &r, journey).map(|(heading, body)| {
        let why = r
            .reasons
            .iter()
            .find(|x| x.dimension == Dimension::Withdrawal)
            .map(|x| p(t.t(&format!("reason.{}", x.key))));
        el("div")
            .class("cp-first cp-first-detox")
            .attr("role", "note")
            .child(h3(&heading))
            .children(body.into_iter().map(p))
            .maybe(why)
    });
    let reasons = r
        .reasons
        .iter()
        .filter(|x| x.rule.is_some())
        .map(|x| reason_item(t, x));
    let skipped = words::skipped_names(t, journey);
    let skipped = (!skipped.is_empty()).then(|| {
        let items = skipped.into_iter().map(|(q, name)| {
            el("li")
                .attr("data-question", q.id())
                .child(el("span").text(name))
                .child(
                    El::button(
                        "cp-button cp-secondary",
                        t.t("skipped.answer"),
                        Act::Go(Msg::Revisit(q)),
                    )
                    .attr(
                        "aria-label",
                        format!(
                            "{}: {}",
                            t.t("skipped.answer"),
                            t.t(&format!("q.{q}.short"))
                        ),
                    )
                    .only(Only::Screen),
                )
        });
        el("div")
            .class("cp-skipped")
            .attr("data-skipped", "true")
            .child(h3(t.t("skipped.heading")))
            .child(p(t.t("skipped.intro")).only(Only::Screen))
            .child(el("ul").children(items))
    });
    section
        .child(super::heading(t.t("result.heading")))
        .maybe(emergency)
        .maybe(detox)
        .child(
            el("div")
                .class("cp-level")
                .attr("data-level", level.id())
                .attr("data-urgent", r.urgent.id())
                .attr("data-withdrawal", r.withdrawal.id())
                .child(p(t.t("result.fits")).class("cp-fits"))
                .child(p(t.t(&format!("level.{level}.name"))).class("cp-level-name"))
                .child(p(t.t(&format!("level.{level}.about"))))
                .child(h3(t.t("result.day_heading")))
                .child(p(t.t(&format!("level.{level}.day")))),
        )
        .child(line())
        .child(week::week(t, &r))
        .child(line())
        .child(
            el("div")
                .class("cp-timeline")
                .child(h3(t.t("phase.heading")))
                .child(
                    el("ol").children(
                        r.phases
                            .iter()
                            .zip(timeline::phase_lines(t, &r.phases, step_words))
                            .map(|(ph, line)| {
                                el("li")
                                    .class("cp-phase")
                                    .attr("data-care", ph.care.id())
                                    .text(line)
                            }),
                    ),
                ),
        )
        .child(line())
        .child(
            el("div")
                .class("cp-life")
                .child(h3(t.t("life.heading")))
                .child(list(
                    "ul",
                    life::life_keys(level, journey)
                        .into_iter()
                        .map(|k| t.t(k).to_string()),
                )),
        )
        .child(line())
        .child(
            el("div")
                .class("cp-why")
                .child(h3(t.t("why.heading")))
                .child(el("ul").children(reasons)),
        )
        .maybe((!r.flags.is_empty()).then(|| {
            el("div")
                .class("cp-steps")
                .child(h3(t.t("steps.heading")))
                .child(list("ul", words::flag_texts(t, &r, journey)))
        }))
        .maybe(skipped)
        .maybe(code_box(t, journey))
        .child(p(t.t("result.estimate")).class("cp-estimate"))
        .child(line())
        .child(actions::actions(
            t,
            &r,
            config,
            encode_code(&journey.answers, crate::i18n::code_number(t.lang())).as_deref(),
        ))
        .maybe(pay::section(t, journey, config))
        .child(pay::ready(t))
        .child(super::language_help(t, Some(config.free_language_help)).only(Only::Screen))
}

/// One dimension's reason: its name, why, and whether it sets the level
/// (the staff page adds the rule's number).
pub fn reason_item(t: &Texts, x: &Reason) -> El {
    let item = if x.drives {
        el("li").class("cp-drives")
    } else {
        el("li")
    };
    item.child(
        el("strong")
            .text(t.t(&format!("dim.{}", x.dimension)))
            .text(": "),
    )
    .text(t.t(&format!("reason.{}", x.key)))
    .maybe(x.drives.then_some(" "))
    .maybe(x.drives.then(|| el("em").text(t.t("why.drives"))))
}

/// The visitor's answers as a reference code to read to the center, with
/// one plain sentence first: what it holds, and to share it only there.
fn code_box(t: &Texts, journey: &Journey) -> Option<El> {
    let code = encode_code(&journey.answers, crate::i18n::code_number(t.lang()))?;
    Some(
        el("div")
            .class("cp-code-box")
            .attr("data-code", code.as_str())
            .child(h3(t.t("code.heading")))
            .child(p(t.t("code.intro")))
            .child(
                // One span a group, kept whole: a phone wraps the code only
                // after a hyphen, never inside a group.
                // The hyphen ends its group: a line may break after it (between
                // two spans), never before it or inside a group.
                el("p").class("cp-code").attr("translate", "no").children({
                    let groups: Vec<&str> = code.split('-').collect();
                    let last = groups.len() - 1;
                    groups.into_iter().enumerate().map(move |(i, g)| {
                        el("span").text(if i < last {
                            format!("{g}-")
                        } else {
                            g.to_string()
                        })
                    })
                }),
            )
            .child(
                El::button("cp-button cp-secondary", t.t("code.copy"), Act::CopyCode)
                    .only(Only::Screen),
            )
            .child(
                // Always there, so screen readers hear it change.
                el("p")
                    .class("cp-code-status")
                    .attr("role", "status")
                    .maybe(journey.copied.map(|ok| {
                        t.t(if ok {
                            "code.copied"
                        } else {
                            "code.copy_failed"
                        })
                    }))
                    .only(Only::Screen),
            ),
    )
}

/// The one-page summary to print or save: the result without its
/// controls, under a title, the center's name and the crisis line.
pub fn summary(t: &Texts, journey: &Journey, config: &Config) -> El {
    el("div")
        .class("cp-summary")
        .attr("lang", t.lang())
        .attr("dir", t.dir())
        .child(El::button("no-print", t.t("action.print"), Act::Print))
        .child(el("h1").text(t.t("summary.title")))
        .maybe(config.center_name.as_ref().map(|n| p(n.as_str())))
        .child(p(t.t("summary.crisis")))
        .child(screen(t, journey, config))
        .child(p(t.t("summary.note")))
}
