//! The decision table and the question bank as Markdown, generated from the
//! same values the engine evaluates, for clinical review.

use std::fmt::Write;

use super::commitment::BANDS;
use super::conditions::TERMS;
use super::ids::Level;
use super::questions::{Kind, Unanswered, QUESTIONS};
use super::rules::RULES;

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// Every rule, its condition and its effect.
pub fn rules_markdown() -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Carepath decision table\n");
    let _ = writeln!(
        out,
        "Generated from the rules the engine runs. Every rule sets a minimum; the level is the \
         highest minimum (`self_guided` when none). Level order: {}.\n",
        Level::ALL
            .iter()
            .map(|l| format!("`{l}`"))
            .collect::<Vec<_>>()
            .join(" < ")
    );
    let _ = writeln!(out, "## Names\n");
    let _ = writeln!(out, "| name | means |\n|---|---|");
    let _ = writeln!(
        out,
        "| `n` | the number of `criteria` chosen (2 when unanswered) |"
    );
    for t in &TERMS {
        let _ = writeln!(out, "| `{}` | {} |", t.name, cell(&t.means.describe()));
    }
    let _ = writeln!(out, "\n## Rules\n");
    let _ = writeln!(
        out,
        "Rules 2a-2f are tried in order and the first that holds sets the withdrawal first \
         step. A rule-3 \"severity minimum\" is the only minimum a cap (4a) lowers.\n"
    );
    let _ = writeln!(
        out,
        "| rule | dimension | when | then | reason key |\n|---|---|---|---|---|"
    );
    for rule in RULES {
        let then: Vec<String> = rule.then.iter().map(|e| e.describe()).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | `{}` |",
            rule.id,
            rule.dimension.map_or("safety", |d| d.id()),
            cell(&rule.when.describe()),
            cell(&then.join("; ")),
            rule.key
        );
    }
    let _ = writeln!(
        out,
        "\nRule 14: a center's input never changes `level`, `urgent`, `withdrawal` or `flags`; \
         it sets only `center_offers_level` and the `schedule` (the center's week when its hours \
         lie in the level's band).\n"
    );
    let _ = writeln!(out, "## Weekly commitment\n");
    let _ = writeln!(
        out,
        "| level | hours a week (adult) | hours a week (under 18) | days a week | weeks |\n|---|---|---|---|---|"
    );
    for b in &BANDS {
        let weeks = b
            .weeks
            .map_or("none".to_string(), |w| format!("{}-{}", w.min, w.max));
        let _ = writeln!(
            out,
            "| `{}` | {}-{} | {}-{} | {}-{} | {} |",
            b.level,
            b.hours_adult.min,
            b.hours_adult.max,
            b.hours_under_18.min,
            b.hours_under_18.max,
            b.days.min,
            b.days.max,
            weeks
        );
    }
    out
}

/// The question bank: ids, kinds, options, when asked, unanswered reading.
pub fn questions_markdown() -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Carepath question bank\n");
    let _ = writeln!(
        out,
        "| # | id | kind | options | asked when | unanswered reads as |\n|---|---|---|---|---|---|"
    );
    for (i, q) in QUESTIONS.iter().enumerate() {
        let options: Vec<String> = q.options.iter().map(|o| format!("`{o}`")).collect();
        let asked = q
            .asked_when
            .as_ref()
            .map_or("always".to_string(), |c| c.describe());
        let unanswered = match q.unanswered {
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
            Unanswered::SeeRules(s) => format!("stays unanswered: {s}"),
        };
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} | {} |",
            i + 1,
            q.id,
            match q.kind {
                Kind::One => "one",
                Kind::Many => "many",
            },
            options.join(", "),
            cell(&asked),
            cell(&unanswered)
        );
    }
    out
}
