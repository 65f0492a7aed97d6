//! The page for a center's staff: a visitor's reference code in, what
//! they answered, the estimate they saw and why out; and, for sign-off,
//! the whole question bank and decision table. The same engine and
//! screens as the widget (the result the visitor saw is
//! [`super::result::screen`] itself), in the staff book's words
//! (`locales/staff/`) around the visitor's own.

use super::node::{el, p, Act, El, Node, On, Only};
use super::{bar, result};
use crate::assessment::{
    asked_when, assess_with, decode_code, encode_code, question, released, rules_blocks,
    rules_differ, rules_fired, unanswered_reads_as, Answers, Assessment, Block, CodeError, Decoded,
    Urgent, Version, Withdrawal, CURRENT, Q, QUESTIONS,
};
use crate::host_config::Config;
use crate::i18n::{language_of, own_name, Texts};
use crate::journey::{Journey, Screen};

/// A code shown as the example in the hint (it decodes: "no" to the first
/// question, nothing else answered).
fn example() -> String {
    encode_code(&Answers::new().with(Q::DangerNow, &["no"]), 0).unwrap_or_default()
}

/// What the page shows: `typed`, the code as last submitted (`None`
/// before any); `round` renews the form after Clear.
pub fn page(lang: &str, typed: Option<&str>, round: u32, config: &Config) -> El {
    let st = Texts::staff(lang);
    let vt = Texts::for_locale(lang);
    // The decision table as the engine prints it: the rules that applied
    // and the sign-off section both show it.
    let table = rules_blocks(CURRENT);
    // An empty box reads as a code of length 0 (decode ignores spaces).
    let read = typed.map(decode_code);
    let error = match &read {
        Some(Err(e)) if !matches!(e, CodeError::Version { .. }) => Some(error_text(&st, typed, e)),
        _ => None,
    };
    let shown = match read {
        Some(Ok(d)) => Some(decoded(&st, lang, &d, config)),
        Some(Err(CodeError::Version { version })) => Some(other_version(&st, version)),
        _ => None,
    };
    el("div")
        .class("cps")
        .attr("lang", st.lang())
        .child(bar(&vt, Some(&crate::i18n::STAFF_LANGUAGES)))
        .child(el("h1").text(st.t("staff.title")))
        .child(p(st.t("staff.intro")))
        .child(p(st.t("staff.private")).class("cps-private"))
        .child(form(&st, typed, round, error))
        .maybe(shown)
        .child(bank(&st, &vt, table))
}

fn error_text(st: &Texts, typed: Option<&str>, e: &CodeError) -> String {
    match e {
        CodeError::Length(0) if typed.is_none_or(|t| t.trim().is_empty()) => {
            st.t("staff.error.empty").to_string()
        }
        CodeError::BadCharacter(c) => st.f("staff.error.character", &[("c", &c.to_string())]),
        CodeError::Length(n) => st.f("staff.error.length", &[("n", &n.to_string())]),
        CodeError::Check => st.t("staff.error.check").to_string(),
        _ => st.t("staff.error.invalid").to_string(),
    }
}

fn form(st: &Texts, typed: Option<&str>, round: u32, error: Option<String>) -> El {
    let described = if error.is_some() {
        "cps-code-hint cps-code-error"
    } else {
        "cps-code-hint"
    };
    let mut input = el("input")
        .attr("type", "text")
        .class("cps-input")
        .attr("id", "cps-code")
        .attr("name", "code")
        .attr("autocomplete", "off")
        .attr("autocapitalize", "characters")
        .attr("spellcheck", "false")
        .attr("translate", "no")
        .attr("aria-describedby", described)
        .attr("value", typed.unwrap_or(""));
    if error.is_some() {
        input = input.attr("aria-invalid", "true");
    }
    el("form")
        .class("cps-form")
        // Never a real submission: no page, server or URL sees the code.
        .attr("method", "dialog")
        .attr("novalidate", "true")
        .on(On::Submit, Act::ReadCode)
        .key(format!("form-{round}"))
        .child(
            el("label")
                .attr("for", "cps-code")
                .class("cps-label")
                .text(st.t("staff.code_label")),
        )
        .child(
            p(st.f("staff.code_hint", &[("example", &example())]))
                .class("cps-hint")
                .attr("id", "cps-code-hint"),
        )
        .maybe(error.map(|e| {
            p(e).class("cps-error")
                .attr("id", "cps-code-error")
                .attr("role", "alert")
        }))
        .child(input)
        .child(
            el("div")
                .class("cps-actions")
                .child(
                    el("button")
                        .attr("type", "submit")
                        .class("cps-button cps-primary")
                        .text(st.t("staff.read")),
                )
                .child(El::button("cps-button", st.t("staff.clear"), Act::Clear)),
        )
}

/// The section a read code opens, its heading focused.
fn section(heading: String) -> El {
    el("section")
        .class("cps-read")
        .attr("aria-labelledby", "cps-read-heading")
        .child(
            el("h2")
                .attr("id", "cps-read-heading")
                .class("cps-focus")
                .attr("tabindex", "-1")
                .text(heading),
        )
}

/// A code read with its own version: the answers in the words the caller
/// saw, the estimate they saw, and today's beside it where it differs.
fn decoded(st: &Texts, lang: &str, d: &Decoded, config: &Config) -> El {
    let answers = &d.answers;
    let version = d.version;
    let journey = Journey {
        screen: Screen::Result,
        answers: answers.clone(),
        version,
        ..Journey::default()
    };
    let someone_else = journey.about_someone_else();
    let vt = Texts::for_locale(lang).they(someone_else);
    let heading = st.f("staff.code_read", &[("code", &d.code())]);
    let Ok(r) = assess_with(answers, config.center.as_ref(), version) else {
        return section(heading).child(p(st.t("staff.error.invalid")));
    };
    // Before anything else: a skipped suicide question is asked first.
    let self_harm_skipped = answers.read_with(version.bank).is_unanswered(Q::SelfHarm);
    let alert = self_harm_skipped.then(|| {
        p(st.t("staff.alert.self_harm_skipped"))
            .class("cps-alert")
            .attr("data-alert", "self_harm_skipped")
    });
    // The caller's language, when it is not this page's.
    let caller = d.language.and_then(language_of).filter(|c| *c != lang);
    let interpreter = caller.map(|c| {
        p(st.f(
            "staff.alert.caller_language",
            &[("language", own_name(c).unwrap_or(c))],
        ))
        .class("cps-language")
        .attr("data-caller-language", c)
    });
    let table = rules_blocks(version);
    let center = match &config.center {
        None => vec![p(st.t("staff.center.without"))],
        Some(_) => {
            let mut notes = vec![p(st.t("staff.center.with"))];
            if r.center_offers_level == Some(false) {
                notes.push(p(st.t("staff.center.level_not_offered")));
            }
            if r.center_offers_first_step == Some(false) && r.withdrawal != Withdrawal::None {
                notes.push(p(st.t("staff.center.first_not_offered")));
            }
            notes
        }
    };
    let estimate = estimate_box(
        st,
        &vt,
        &r,
        &journey,
        "cps-estimate",
        st.f(
            "staff.version.seen_heading",
            &[("version", &version.number.to_string())],
        ),
    )
    .children(center)
    .child(p(st.t("staff.estimate.note")).class("cps-note"));
    let why = r.reasons.iter().filter_map(|x| {
        let rule = x.rule?;
        Some(
            result::reason_item(&vt, x)
                .attr("data-rule", rule)
                .text(" ")
                .child(
                    el("span")
                        .class("cps-rule")
                        .text(st.f("staff.why.rule", &[("id", rule)])),
                ),
        )
    });
    let fired = rules_fired(answers, version);
    let rows = rule_rows(&table)
        .iter()
        .filter(|row| fired.iter().any(|id| *id == row[0]))
        .map(|row| {
            el("tr")
                .attr("data-rule", row[0].as_str())
                .child(el("th").attr("scope", "row").text(row[0].as_str()))
                .child(el("td").children(inline(&row[2])))
                .child(el("td").children(inline(&row[3])))
        });
    let rules = el("div")
        .class("cps-rules")
        .child(el("h3").text(st.t("staff.rules.heading")))
        .child(p(st.t("staff.rules.intro")))
        .child(scroll(
            st.t("staff.rules.heading"),
            el("table")
                .child(
                    el("thead").child(
                        el("tr")
                            .child(el("th").attr("scope", "col").text(st.t("staff.rules.rule")))
                            .child(el("th").attr("scope", "col").text(st.t("staff.rules.when")))
                            .child(el("th").attr("scope", "col").text(st.t("staff.rules.then"))),
                    ),
                )
                .child(el("tbody").children(rows)),
        ));
    let qt = Texts::question_words(version.number, lang).they(someone_else);
    let in_caller_language = caller.map(|c| {
        let ct = Texts::question_words(version.number, c).they(someone_else);
        el("details")
            .class("cps-caller-words")
            .attr("lang", ct.lang())
            .attr("dir", ct.dir())
            .child(el("summary").text(st.t("staff.answers.caller_language")))
            .child(answers_table(st, &ct, answers, version))
    });
    section(heading)
        .attr("data-version", version.number.to_string())
        .maybe(alert)
        .maybe(interpreter)
        .child(estimate)
        .maybe(today(st, &vt, answers, config, version, &r))
        .child(answers_table(st, &qt, answers, version))
        .maybe(in_caller_language)
        .child(
            el("div")
                .class("cps-why")
                .child(el("h3").text(st.t("staff.why.heading")))
                .child(el("ul").children(why)),
        )
        .child(rules)
        .child(
            el("details")
                .class("cps-seen")
                .child(el("summary").text(st.t("staff.seen.heading")))
                .child(without_controls(
                    result::screen(&vt, &journey, config).into(),
                )),
        )
}

/// An estimate as intake reads it: the level and the first step, each in
/// the visitor's words with the id for the intake system.
fn estimate_box(
    st: &Texts,
    vt: &Texts,
    r: &Assessment,
    journey: &Journey,
    class: &str,
    heading: String,
) -> El {
    let first = if r.urgent == Urgent::Emergency {
        vt.t("first.emergency.heading").to_string()
    } else {
        result::words::detox_text(vt, r, journey)
            .map_or_else(|| st.t("staff.estimate.first_none").to_string(), |d| d.0)
    };
    let first_id = match (r.urgent, r.withdrawal) {
        (Urgent::Emergency, _) => "emergency",
        (_, w) => w.id(),
    };
    let item = |label: &str, class: &str, text: String, id: &str| {
        [
            el("dt").text(st.t(label)),
            el("dd").child(el("strong").class(class).text(text)).child(
                el("span")
                    .class("cps-id")
                    .text(st.f("staff.estimate.id", &[("id", id)])),
            ),
        ]
    };
    el("div")
        .class(class)
        .attr("data-level", r.level.id())
        .attr("data-withdrawal", r.withdrawal.id())
        .attr("data-urgent", r.urgent.id())
        .child(el("h3").text(heading))
        .child(
            el("dl")
                .children(item(
                    "staff.estimate.level",
                    "cps-level",
                    vt.t(&format!("level.{}.name", r.level)).to_string(),
                    r.level.id(),
                ))
                .children(item("staff.estimate.first", "cps-first", first, first_id)),
        )
}

/// Where today's rules give another estimate than the caller saw: today's
/// level and first step, labelled, and the rules that differ.
fn today(
    st: &Texts,
    vt: &Texts,
    answers: &Answers,
    config: &Config,
    version: &'static Version,
    seen: &Assessment,
) -> Option<El> {
    if version == CURRENT {
        return None;
    }
    let now = assess_with(answers, config.center.as_ref(), CURRENT).ok()?;
    if now.same_estimate(seen) {
        return Some(p(st.t("staff.version.same_today")).class("cps-note"));
    }
    let differ = rules_differ(answers, version, CURRENT).join(", ");
    let journey = Journey {
        screen: Screen::Result,
        answers: answers.clone(),
        ..Journey::default()
    };
    let heading = st.f(
        "staff.version.today_heading",
        &[("version", &CURRENT.number.to_string())],
    );
    Some(
        estimate_box(st, vt, &now, &journey, "cps-estimate cps-today", heading).child(
            p(st.f("staff.version.rules_differ", &[("rules", &differ)]))
                .attr("data-rules-differ", differ.as_str()),
        ),
    )
}

/// A code of a version this product never released: refused, never read
/// with another version's questions.
fn other_version(st: &Texts, version: u32) -> El {
    section(st.f("staff.version.heading", &[("v", &version.to_string())]))
        .attr("data-version", version.to_string())
        .child(p(st.f(
            "staff.version.body",
            &[("ours", &released().map(|v| v.number.to_string()).join(", "))],
        )))
}

/// Every asked question with the visitor's answer in the words of their
/// version (or "skipped"), then the questions earlier answers left out.
fn answers_table(st: &Texts, vt: &Texts, answers: &Answers, version: &'static Version) -> El {
    let read = answers.read_with(version.bank);
    let rows = version
        .bank
        .iter()
        .filter(|b| read.is_asked(b.id))
        .map(|b| {
            let q = b.id;
            let answer = match answers.chosen(q) {
                Some(chosen) if !chosen.is_empty() => chosen
                    .iter()
                    .map(|o| vt.t(&format!("q.{q}.opt.{o}")).to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
                Some(_) => "—".to_string(),
                None => st.t("staff.answers.skipped").to_string(),
            };
            el("tr")
                .attr("data-question", q.id())
                .attr(
                    "data-answer",
                    answers.chosen(q).map_or("".into(), |c| c.join(" ")),
                )
                .child(
                    el("th")
                        .attr("scope", "row")
                        .text(vt.t(&format!("q.{q}.legend"))),
                )
                .child(el("td").text(answer))
        });
    let not_asked: Vec<String> = version
        .bank
        .iter()
        .filter(|b| !read.is_asked(b.id))
        .map(|b| vt.t(&format!("q.{}.short", b.id)).to_string())
        .collect();
    el("div")
        .class("cps-answers")
        .child(el("h3").text(st.t("staff.answers.heading")))
        .child(scroll(
            st.t("staff.answers.heading"),
            el("table")
                .child(
                    el("thead").child(
                        el("tr")
                            .child(
                                el("th")
                                    .attr("scope", "col")
                                    .text(st.t("staff.answers.question")),
                            )
                            .child(
                                el("th")
                                    .attr("scope", "col")
                                    .text(st.t("staff.answers.answer")),
                            ),
                    ),
                )
                .child(el("tbody").children(rows)),
        ))
        .maybe((!not_asked.is_empty()).then(|| {
            p(st.f(
                "staff.answers.not_asked",
                &[("list", &not_asked.join(", "))],
            ))
        }))
}

/// The rows of the decision table's rule table: id, dimension, when,
/// then, reason keys.
fn rule_rows(table: &[Block]) -> &[Vec<String>] {
    table
        .iter()
        .find_map(|b| match b {
            Block::Table { head, rows } if head.first() == Some(&"rule") => Some(rows.as_slice()),
            _ => None,
        })
        .unwrap_or_default()
}

/// A wide table that scrolls on its own at high zoom, reachable by
/// keyboard.
fn scroll(label: &str, table: El) -> El {
    el("div")
        .class("cps-scroll")
        .attr("role", "region")
        .attr("aria-label", label)
        .attr("tabindex", "0")
        .child(table)
}

/// Text with `code` spans and **bold**, as nodes.
fn inline(text: &str) -> Vec<Node> {
    let mut out = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            out.push(el("code").text(part).into());
            continue;
        }
        for (j, piece) in part.split("**").enumerate() {
            if piece.is_empty() {
                continue;
            }
            out.push(if j % 2 == 1 {
                el("strong").text(piece).into()
            } else {
                Node::Text(piece.to_string())
            });
        }
    }
    out
}

/// The visitor's screen as it prints: without its controls, nothing on it
/// acts, and its heading is not a focus target here.
fn without_controls(node: Node) -> Node {
    match node {
        Node::El(e) if e.only == Only::Screen => Node::Text(String::new()),
        Node::El(mut e) => {
            e.only = Only::Both;
            e.on = None;
            e.attrs.retain(|(name, _)| *name != "tabindex");
            e.children = e.children.into_iter().map(without_controls).collect();
            Node::El(e)
        }
        other => other,
    }
}

/// The question bank as visitors see it and the decision table, for the
/// clinical director's sign-off (printable).
/// What a clinical director signs: the product and contract versions the
/// printed bank and table belong to, and lines to fill in by hand.
fn signoff(st: &Texts) -> El {
    let line = |key: &str| {
        el("div")
            .class("cps-signoff-line")
            .child(el("dt").text(st.t(key)))
            .child(el("dd").text("\u{a0}"))
    };
    el("dl")
        .class("cps-signoff")
        .child(el("dt").text(st.t("staff.signoff.product")))
        .child(el("dd").text(env!("CARGO_PKG_VERSION")))
        .child(el("dt").text(st.t("staff.signoff.contract")))
        .child(el("dd").text(CURRENT.number.to_string()))
        .child(line("staff.signoff.date"))
        .child(el("dt").text(st.t("staff.signoff.director")))
        .child(el("dd"))
        .child(line("staff.signoff.name"))
        .child(line("staff.signoff.signature"))
        .child(line("staff.signoff.date"))
}

fn bank(st: &Texts, vt: &Texts, table: Vec<Block>) -> El {
    let they = vt.they(true);
    let questions =
        QUESTIONS.iter().enumerate().map(|(i, b)| {
            let q = b.id;
            let key = format!("q.{q}.legend");
            let options = b.options.iter().map(|o| {
                el("li")
                    .text(vt.t(&format!("q.{q}.opt.{o}")))
                    .text(" ")
                    .child(el("code").text(*o))
            });
            el("li")
                .attr("data-question", q.id())
                .child(
                    el("p")
                        .child(el("strong").text(vt.t(&key)))
                        .text(" ")
                        .child(el("code").text(q.id())),
                )
                .maybe((they.t(&key) != vt.t(&key)).then(|| {
                    p(st.f("staff.bank.they", &[("text", they.t(&key))])).class("cps-they")
                }))
                .child(el("ul").children(options))
                .child(
                    el("dl")
                        .child(el("dt").text(st.t("staff.bank.asked")))
                        .child(el("dd").children(inline(&asked_when(q))))
                        .child(el("dt").text(st.t("staff.bank.unanswered")))
                        .child(el("dd").children(inline(&unanswered_reads_as(q)))),
                )
                .attr("value", (i + 1).to_string())
                .attr(
                    "data-kind",
                    format!("{:?}", question(q).kind).to_lowercase(),
                )
        });
    let mut tables = Vec::new();
    for block in table {
        tables.push(match block {
            // The section's own heading names it.
            Block::Title(_) => continue,
            Block::Heading(h) => el("h4").text(h),
            Block::Para(text) => el("p").children(inline(&text)),
            Block::Table { head, rows } => {
                scroll(
                    st.t("staff.bank.table"),
                    el("table")
                        .child(el("thead").child(
                            el("tr").children(
                                head.iter().map(|h| el("th").attr("scope", "col").text(*h)),
                            ),
                        ))
                        .child(el("tbody").children(rows.iter().map(|row| {
                            el("tr").children(row.iter().enumerate().map(|(i, c)| {
                                if i == 0 {
                                    el("th").attr("scope", "row").children(inline(c))
                                } else {
                                    el("td").children(inline(c))
                                }
                            }))
                        }))),
                )
            }
        });
    }
    el("section")
        .class("cps-bank")
        .attr("id", "cps-bank")
        .attr("aria-labelledby", "cps-bank-heading")
        .child(
            el("h2")
                .attr("id", "cps-bank-heading")
                .text(st.t("staff.bank.heading")),
        )
        .child(p(st.t("staff.bank.intro")))
        .child(signoff(st))
        .child(El::button("cps-button", st.t("staff.bank.print"), Act::Print).only(Only::Screen))
        .child(el("h3").text(st.t("staff.bank.questions")))
        .child(el("ol").class("cps-questions").children(questions))
        .child(el("h3").text(st.t("staff.bank.table")))
        .child(el("div").attr("lang", "en").children(tables))
}
