//! The decision table and the question bank as Markdown, generated from the
//! same values the engine evaluates, for clinical review.

use std::fmt::Write;

use super::commitment::{generic_week, BANDS, FIRST_STEPS, TRACKS};
use super::conditions::{crisis_answers, Cond, TERMS};
use super::ids::{Level, Q};
use super::questions::{question, Kind, Question, Unanswered};
use super::rules::Rule;
use super::versions::{Version, CURRENT};

/// What the printed table says in words of each released version (kept
/// here, not in [`Version`], so the widget, which never prints a table,
/// never carries them).
struct Printed {
    /// The contract's "skips never escalate" principle.
    skips: &'static str,
    /// What `n` means when `criteria` is unanswered.
    n_means: &'static str,
    /// Facts a version adds (v4 on), each a paragraph after the rules.
    notes: &'static [&'static str],
}

fn printed(version: &Version) -> Printed {
    match version.number {
        3 => Printed {
            skips: "**Skips never escalate.** An unanswered question never by \
itself sets `withdrawal = medically_managed` or minimum `residential` (every condition that can \
set them holds on answered values, with two exceptions: `recent` in rule 2a, on purpose, and \
`on_medication`, whose reading `none` only keeps the `prescribed_only` exception off), and is \
never \"another risk\" in rule 3. A skip may add flags: `see_doctor_first`, `crisis_line`, \
`talk_to_clinician`, and those of the value it reads as (`overdose_risk` and \
`medication_for_opioids` for `substances`; `co_occurring` or `mental_health_care` for \
`mental_health`).",
            n_means: "the number of `criteria` chosen (2 when unanswered)",
            notes: &[],
        },
        // The current version (4); a new version adds its own arm.
        _ => Printed {
            skips: "**Skips never escalate.** An unanswered question never by \
itself sets `withdrawal = medically_managed` or minimum `residential` (every condition that can \
set them holds on answered values, with two exceptions: `recent` and `wm_substance` in rule 2a, \
on purpose, since they act only together with an answered `withdrawal = severe`; and \
`on_medication`, whose reading `none` only keeps the `prescribed_only` and \
`on_opioid_treatment` exceptions off), and is never \"another risk\" in rule 3. A skip may add \
flags: `see_doctor_first`, `crisis_line`, `talk_to_clinician`, and those of the value it reads \
as (`overdose_risk` and `medication_for_opioids` for `substances`; `co_occurring` or \
`mental_health_care` for `mental_health`).",
            n_means: "the number of `criteria` chosen (2 when unanswered; 0 when unanswered and \
`substances` is answered `[]`)",
            notes: &[
        "**Rule 15, the suicide question.** When `self_harm` is among the skipped questions, \
         the visitor's `talk_to_clinician` text names that question, and the staff page puts \
         \"The suicide question was skipped: ask it first\" above everything else.",
        "**W1.** No visitor or staff text states or assumes a substance the visitor did not \
         choose: a text that rests on a skipped `substances` (a flag, a reason, a first-step \
         heading) uses its \"if you use ...\" form or a substance-neutral form; opioid wording \
         needs `chosen(opioids)`, alcohol or sedative wording needs the substance chosen.",
        "**Ambulatory withdrawal from benzodiazepines** (`chosen(benzodiazepines)`) starts a \
         slow taper with the prescriber or clinic that lasts weeks (steps of no more than about \
         a quarter of the dose every 2 weeks); the daily visits above are its start, and the \
         text says so.",
    ],
        },
    }
}

/// The reason keys of a rule: its own, the "you skipped" one, variants.
fn keys(rule: &Rule) -> String {
    let mut out = format!("`{}`", rule.key);
    if let Some(k) = rule.skipped.filter(|k| *k != rule.key) {
        let _ = write!(out, "; on a skipped answer `{k}`");
    }
    for v in rule.variants {
        let _ = write!(out, "; when {} `{}`", describe(&v.when), v.key);
    }
    out
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// A part of the printed table: the command line writes it as Markdown,
/// the staff page as HTML. Text may hold `code` spans and **bold**.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Title(String),
    Heading(String),
    Para(String),
    Table {
        head: Vec<&'static str>,
        rows: Vec<Vec<String>>,
    },
}

/// The blocks as Markdown.
pub fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match block {
            Block::Title(t) => {
                let _ = writeln!(out, "# {t}");
            }
            Block::Heading(h) => {
                let _ = writeln!(out, "## {h}");
            }
            Block::Para(p) => {
                let _ = writeln!(out, "{p}");
            }
            Block::Table { head, rows } => {
                let _ = writeln!(out, "| {} |", head.join(" | "));
                let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
                for row in rows {
                    let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                    let _ = writeln!(out, "| {} |", cells.join(" | "));
                }
            }
        }
    }
    out
}

fn para(text: impl Into<String>) -> Block {
    Block::Para(text.into())
}

fn heading(text: &str) -> Block {
    Block::Heading(text.to_string())
}

/// Every rule, its condition and its effect, of a released version.
pub fn rules_markdown(version: &'static Version) -> String {
    markdown(&rules_blocks(version))
}

/// The decision table of a released version, every clinical fact the
/// engine uses with it, as blocks.
pub fn rules_blocks(version: &'static Version) -> Vec<Block> {
    let rules = version.rules;
    let mut out = vec![
        Block::Title(format!(
            "Carepath decision table (contract v{})",
            version.number
        )),
        para(format!(
            "Generated from the rules the engine runs. Every rule sets a minimum; the level is the \
             highest minimum (`self_guided` when none). Level order: {}.",
            Level::ALL
                .iter()
                .map(|l| format!("`{l}`"))
                .collect::<Vec<_>>()
                .join(" < ")
        )),
        para(printed(version).skips),
        heading("Names"),
    ];
    let mut names = vec![
        vec![
            "`n`".to_string(),
            printed(version).n_means.to_string(),
        ],
        vec![
            "(answered)".to_string(),
            "holds only on the visitor's own answer, never on the \"unanswered reads as\" value"
                .to_string(),
        ],
        vec![
            "not asked".to_string(),
            "a question whose \"asked when\" does not hold has no value: every condition on it is false"
                .to_string(),
        ],
    ];
    // The terms this version's bank and rules use, in the contract's order.
    let mut used = Vec::new();
    let conds = version
        .bank
        .iter()
        .filter_map(|q| q.asked_when.as_ref())
        .chain(
            rules
                .iter()
                .flat_map(|r| std::iter::once(&r.when).chain(r.variants.iter().map(|v| &v.when))),
        );
    for cond in conds {
        cond.visit(&mut |c| {
            if let Cond::Term(t) = c {
                used.push(*t);
            }
        });
    }
    names.extend(
        TERMS
            .iter()
            .filter(|t| used.contains(&t.term))
            .map(|t| vec![format!("`{}`", t.name), describe(&t.means)]),
    );
    out.push(Block::Table {
        head: vec!["name", "means"],
        rows: names,
    });
    out.push(heading("Rules"));
    out.push(para(format!(
        "Hit policy of rule 2: the rules that set `withdrawal` ({}) are tried in this order \
         and the first that holds sets the first step; every other rule applies when it holds. \
         A rule-3 \"severity minimum\" is the only minimum a cap (4a) lowers.",
        rules
            .iter()
            .filter(|r| r.is_first_step())
            .map(|r| r.id)
            .collect::<Vec<_>>()
            .join(", ")
    )));
    out.push(Block::Table {
        head: vec!["rule", "dimension", "when", "then", "reason key"],
        rows: rules
            .iter()
            .map(|rule| {
                let then: Vec<String> = rule.then.iter().map(|e| e.describe()).collect();
                vec![
                    rule.id.to_string(),
                    rule.dimension.map_or("none", |d| d.id()).to_string(),
                    describe(&rule.when),
                    then.join("; "),
                    keys(rule),
                ]
            })
            .collect(),
    });
    out.push(para(
        "Rule 14: a center's input never changes `level`, `urgent`, `withdrawal` or `flags`; \
         it sets only `center_offers_level`, `center_offers_first_step` and the `schedule`. A \
         center that does not offer the fitting level or first step is named and the visitor \
         referred on. The center's week is used only when both its hours a week and its number of \
         distinct days a week lie in the level's band (adolescent hours under 18).",
    ));
    out.extend(printed(version).notes.iter().map(|n| para(*n)));
    if version.code_has_language {
        // Printed from v4 on (v3's table stays as it shipped).
        let crisis: Vec<String> = crisis_answers()
            .iter()
            .map(|(q, options)| format!("`{q} = {}`", options.join(" | ")))
            .collect();
        out.push(para(format!(
            "**Crisis screen.** An answer of {} opens the crisis screen (911, 988) at once, \
             before the next question (the atoms of `emergency`, rule 1); the visitor may go on \
             afterwards.",
            crisis.join(" or ")
        )));
    }
    out.push(heading("First steps"));
    out.push(Block::Table {
        head: vec!["first step", "what it is", "days"],
        rows: FIRST_STEPS
            .iter()
            .map(|step| {
                vec![
                    format!("`{}`", step.withdrawal),
                    step.means.to_string(),
                    format!("{}-{}", step.days.min, step.days.max),
                ]
            })
            .collect(),
    });
    out.push(heading("Weekly commitment"));
    out.push(Block::Table {
        head: vec![
            "level",
            "hours a week (adult)",
            "hours a week (under 18)",
            "days a week",
            "weeks",
        ],
        rows: BANDS
            .iter()
            .map(|b| {
                let weeks = b
                    .weeks
                    .map_or("none".to_string(), |w| format!("{}-{}", w.min, w.max));
                let weeks = match b.steps_down_to {
                    Some(next) => format!("{weeks}, then `{next}`"),
                    None => weeks,
                };
                vec![
                    format!("`{}`", b.level),
                    format!("{}-{}", b.hours_adult.min, b.hours_adult.max),
                    format!("{}-{}", b.hours_under_18.min, b.hours_under_18.max),
                    format!("{}-{}", b.days.min, b.days.max),
                    weeks,
                ]
            })
            .collect(),
    });
    out.push(heading("Generic weeks"));
    out.push(para(
        "The suggested week when the center gives none in the band. The track follows \
         `schedule`, else the evening track for work or school, else daytime.",
    ));
    let mut weeks = Vec::new();
    for b in &BANDS {
        for track in TRACKS {
            let week = |under_18| {
                let sessions = generic_week(b.level, track, under_18);
                if sessions.is_empty() {
                    return "none".to_string();
                }
                sessions
                    .iter()
                    .map(|s| format!("{} {}-{}", s.day, s.start, s.end))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            weeks.push(vec![
                format!("`{}`", b.level),
                track.id().to_string(),
                week(false),
                week(true),
            ]);
        }
    }
    out.push(Block::Table {
        head: vec!["level", "track", "adult", "under 18"],
        rows: weeks,
    });
    out
}

/// The question bank of a released version: ids, kinds, options, when
/// asked, unanswered reading.
pub fn questions_markdown(version: &'static Version) -> String {
    markdown(&questions_blocks(version))
}

/// When a question is asked, in the table's words.
pub fn asked_when(q: Q) -> String {
    asked_when_in(&CURRENT.bank[q.index()])
}

fn asked_when_in(q: &Question) -> String {
    q.asked_when.as_ref().map_or("always".to_string(), describe)
}

/// What an unanswered question reads as, in the table's words.
pub fn unanswered_reads_as(q: Q) -> String {
    unanswered_in(&CURRENT.bank[q.index()])
}

fn unanswered_in(q: &Question) -> String {
    match q.unanswered {
        Unanswered::Required => "(required)".to_string(),
        Unanswered::ReadsAs(o) if o.len() == q.options.len() && o.len() > 1 => {
            "every option".to_string()
        }
        Unanswered::ReadsAs(o) => o
            .iter()
            .map(|o| format!("`{o}`"))
            .collect::<Vec<_>>()
            .join(", "),
        Unanswered::CountsAs(n) => format!("`n` = {n}"),
        Unanswered::CountsAsUnlessNoSubstances { n, none } => {
            format!("`n` = {n}; `n` = {none} when `substances` is answered `[]`")
        }
        Unanswered::SeeRules(s) => s.to_string(),
    }
}

pub fn questions_blocks(version: &'static Version) -> Vec<Block> {
    vec![
        Block::Title(if version.code_has_language {
            format!("Carepath question bank (contract v{})", version.number)
        } else {
            "Carepath question bank".to_string()
        }),
        Block::Table {
            head: vec![
                "#",
                "id",
                "kind",
                "options",
                "asked when",
                "unanswered reads as",
            ],
            rows: version
                .bank
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    let options: Vec<String> = q.options.iter().map(|o| format!("`{o}`")).collect();
                    vec![
                        (i + 1).to_string(),
                        format!("`{}`", q.id),
                        match q.kind {
                            Kind::One => "one",
                            Kind::Many => "many",
                        }
                        .to_string(),
                        options.join(", "),
                        asked_when_in(q),
                        unanswered_in(q),
                    ]
                })
                .collect(),
        },
    ]
}

/// A condition in words, for the Markdown decision table.
pub fn describe(cond: &Cond) -> String {
    match cond {
        Cond::Always => "otherwise".to_string(),
        Cond::AnyOf(q, options) => {
            let list = code_list(options);
            match (question(*q).kind, options.len()) {
                (Kind::One, 1) => format!("`{q}` = {list}"),
                (Kind::One, _) => format!("`{q}` is one of {list}"),
                (Kind::Many, 1) => format!("`{q}` has {list}"),
                (Kind::Many, _) => format!("`{q}` has any of {list}"),
            }
        }
        Cond::NoneOf(q, options) if question(*q).kind == Kind::One => {
            format!("`{q}` is not {}", code_list(options))
        }
        Cond::NoneOf(q, options) => format!("`{q}` has none of {}", code_list(options)),
        Cond::AnyChosen(q) => format!("`{q}` has any option chosen"),
        Cond::Chosen(x) => format!("`chosen({x})`"),
        Cond::Answered(c) => match c {
            Cond::All(_) | Cond::Any(_) => format!("({}) (answered)", describe(c)),
            _ => format!("{} (answered)", describe(c)),
        },
        Cond::Unanswered(q) => format!("`{q}` asked and unanswered"),
        Cond::Criteria { min, max: None } => format!("`n` >= {min}"),
        Cond::Criteria {
            min,
            max: Some(max),
        } if min == max => format!("`n` = {min}"),
        Cond::Criteria {
            min,
            max: Some(max),
        } => format!("`n` {min}-{max}"),
        Cond::FirstStep(steps) => {
            let ids: Vec<&str> = steps.iter().map(|w| w.id()).collect();
            match ids.as_slice() {
                [one] => format!("withdrawal first step is `{one}`"),
                _ => format!("withdrawal first step is one of {}", code_list(&ids)),
            }
        }
        Cond::Term(t) => format!("`{}`", t.def().name),
        Cond::Not(c) => match c {
            Cond::AnyOf(q, options) if question(*q).kind == Kind::One => {
                format!("`{q}` is not {}", code_list(options))
            }
            Cond::AnyOf(q, options) => format!("`{q}` has none of {}", code_list(options)),
            Cond::Term(t) => format!("not `{}`", t.def().name),
            Cond::Chosen(x) => format!("not `chosen({x})`"),
            other => format!("not ({})", describe(other)),
        },
        Cond::All(cs) => join(cs, " and "),
        Cond::Any(cs) => join(cs, " or "),
    }
}

fn join(cs: &[Cond], sep: &str) -> String {
    cs.iter()
        .map(|c| match c {
            Cond::All(_) | Cond::Any(_) => format!("({})", describe(c)),
            _ => describe(c),
        })
        .collect::<Vec<_>>()
        .join(sep)
}

/// `a` alone, or a list in parentheses: (`a`, `b`).
fn code_list(items: &[&str]) -> String {
    let coded: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match coded.as_slice() {
        [one] => one.clone(),
        _ => format!("({})", coded.join(", ")),
    }
}
