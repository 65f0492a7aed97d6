//! W1 (contract v4, P13): with `substances` skipped, no visitor text of
//! the result names a substance as the visitor's own. Every question is
//! asked then (about 10^14 answer sets), so: an exhaustive walk over the
//! answers that choose a text (frequency, withdrawal, medication,
//! pregnancy, overdose, `n` in {0, 1, 2, 4, 6, unanswered}, for whom),
//! with the other questions varied along the walk, rendering the whole
//! result in every language; and a property test over every question.

use carepath::assessment::{question, Answers, Q};
use carepath::host_config::Config;
use carepath::i18n::{language_ids, Texts};
use carepath::journey::{Journey, Screen};
use carepath::screens::{result, Host, Node, Only};
use proptest::prelude::*;

mod common;

/// Texts that name a substance as the visitor's: the result may show them
/// only when the visitor chose that substance. (The pregnant 24-hour
/// heading names no substance in either form, so it is not here.)
const CHOSEN_ONLY: &[&str] = &[
    "first.medically_managed.pregnant_opioids.body",
    "phase.medically_managed_pregnant_opioids",
    "first.ambulatory.opioids",
    "first.ambulatory.opioids_pain",
    "first.ambulatory_taper.heading",
    "first.ambulatory_taper.body",
    "phase.ambulatory_taper",
    "flag.medication_for_opioids",
    "flag.family_support.opioids",
    "reason.pregnant_opioids",
    "reason.withdrawal_pregnant_opioids",
    "reason.opioids",
    "reason.opioids_medication",
    "reason.pregnant_opioid_medicine",
    "reason.stimulants",
    "reason.withdrawal_pregnant_sedating",
    "reason.withdrawal_pregnant_never_stopped",
    "reason.withdrawal_mild_high_risk",
    "reason.stop_with_doctor",
];

/// A telling part of each chosen-only text, in both wordings.
fn needles(t: &Texts) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for key in CHOSEN_ONLY {
        for they in [false, true] {
            let wording = t.they(they);
            let text = wording.t(key);
            // The longest run outside placeholders that the HTML does not
            // escape (two texts may open alike and differ after a number).
            let needle = text
                .split(['{', '}'])
                .step_by(2)
                .flat_map(|run| run.split(['\'', '"', '&', '<', '>']))
                .map(str::trim)
                .max_by_key(|run| run.len())
                .unwrap_or("")
                .to_string();
            assert!(needle.len() >= 20, "{key}: too short to look for");
            out.push((*key, needle));
        }
    }
    out
}

fn options(q: Q) -> Vec<Option<Vec<&'static str>>> {
    let mut out = vec![None];
    out.extend(question(q).options.iter().map(|o| Some(vec![*o])));
    out
}

/// A language: its id, its texts and the chosen-only texts to look for.
type Language = (String, Texts, Vec<(&'static str, String)>);

fn check(answers: &Answers, all: &[Language]) {
    let journey = Journey {
        screen: Screen::Result,
        answers: answers.clone(),
        ..Journey::default()
    };
    let config = Config::default();
    for (id, t, needles) in all {
        let t = t.they(journey.about_someone_else());
        let mut page =
            Node::from(result::screen(&t, &journey, &config)).html(&Host::default(), Only::Screen);
        // A conditional form ("If you use opioids, ...") names nothing as
        // the visitor's; where a language writes it as the plain text with
        // a clause before it (Chinese has no capital to tell them apart),
        // it holds the needle, so it is set aside first.
        for key in t.keys().filter(|k| k.ends_with(".if_use")) {
            let text = Node::Text(t.t(key).to_string()).html(&Host::default(), Only::Screen);
            page = page.replace(&text, "");
        }
        for (key, needle) in needles {
            assert!(
                !page.contains(needle.as_str()),
                "{id}: {key} shown with substances skipped: {}",
                answers.to_json_value()
            );
        }
    }
}

fn languages() -> Vec<Language> {
    language_ids()
        .map(|id| {
            let t = Texts::for_locale(id);
            (id.to_string(), t, needles(&t))
        })
        .collect()
}

#[test]
fn no_result_names_a_skipped_substance_exhaustive() {
    let all = languages();
    let pick = |q: Q, i: usize| {
        let o = options(q);
        o[i % o.len()].clone()
    };
    let ns: [Option<usize>; 6] = [Some(0), Some(1), Some(2), Some(4), Some(6), None];
    let mut i = 0usize;
    for freq in options(Q::UseFrequency) {
        for wd in options(Q::Withdrawal) {
            for med in options(Q::OnMedication) {
                for preg in options(Q::Pregnant) {
                    for od in options(Q::Overdose) {
                        for n in ns {
                            for whom in options(Q::ForWhom) {
                                i += 1;
                                let mut a = Answers::new().with(Q::DangerNow, &["no"]);
                                let mut set = |q: Q, v: Option<Vec<&str>>| {
                                    if let Some(v) = v {
                                        a.set(q, &v).unwrap();
                                    }
                                };
                                set(Q::UseFrequency, freq.clone());
                                set(Q::Withdrawal, wd.clone());
                                set(Q::OnMedication, med.clone());
                                set(Q::Pregnant, preg.clone());
                                set(Q::Overdose, od.clone());
                                set(Q::ForWhom, whom.clone());
                                set(Q::Criteria, n.map(|n| common::criteria(n).to_vec()));
                                // The rest vary along the walk.
                                set(Q::Age, pick(Q::Age, i));
                                set(Q::MentalHealth, pick(Q::MentalHealth, i / 3));
                                set(Q::SelfHarm, pick(Q::SelfHarm, i / 7));
                                set(Q::Home, pick(Q::Home, i / 11));
                                set(Q::Medical, pick(Q::Medical, i / 13));
                                set(Q::PastTreatment, pick(Q::PastTreatment, i / 17));
                                check(&a, &all);
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(i, 5 * 5 * 5 * 3 * 3 * 6 * 3);
}

/// Any answer set with `substances` skipped.
fn skipped_substances() -> impl Strategy<Value = Answers> {
    common::answer_sets(20, &[Q::Substances])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn no_result_names_a_skipped_substance_property(a in skipped_substances()) {
        check(&a, &languages());
    }
}
