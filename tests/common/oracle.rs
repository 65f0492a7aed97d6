//! A second, independent reading of assessment contract v4
//! (shared/assessment-contract.md), written imperatively straight from its
//! text without looking at the engine. The engine runs the rules as data;
//! the tests compare the two over every case they generate, so a mistake in
//! the table (or here) shows up as a difference.
//!
//! The only things taken from the crate are `Answers::chosen` (the raw
//! stored answer: `None` when missing or null, `Some(vec![])` for `[]`) and
//! the `Q` variants. Every id below is spelled from the contract.
//!
//! v4 in one line each (what changed from the v3 reading): `wm_substance`
//! gates rule 2a; a fourth `see_doctor_first` bullet for daily `other`;
//! `withdrawal = severe` with `recent` and no 24-hour step is minimum
//! `outpatient` and another risk (rules 2, 3); `danger_now = yes` is minimum
//! `outpatient` (rule 1); `medical = unstable` is another risk (rule 3); the
//! housing / trusted-adult flag of rule 8 at every level; rule 9's floors
//! for withdrawal from any substance and answered daily use; rule 10's
//! `overdose_risk` for `on_opioid_treatment`; `n = 0` for a skipped
//! checklist after "no substances"; rule 16's `family_support`; flags in the
//! contract's order (`Expected::flags_in_order`).
//!
//! Ambiguities resolved (A):
//! A1. "Asked when" reads substances as read: `use_frequency` and `overdose`
//!     are asked iff the read substances are non-empty (skipped: asked;
//!     answered `[]`: not asked). `withdrawal` is asked iff that holds and
//!     the read `use_frequency` is not `not_in_30_days` (unanswered reads
//!     `daily`: asked). `on_medication` is asked iff the read substances
//!     have `opioids` or `benzodiazepines` (skipped: asked).
//! A2. A question not asked has no value: each atomic condition on it is
//!     false, and a negated compound is the negation of that false atom
//!     ("not on_opioid_treatment" is true). "on_medication other than none"
//!     (rule 10) is an atom on its value, so it is false when not asked.
//!     Stale answers to unasked questions are ignored (so a stale
//!     `withdrawal = severe` after `not_in_30_days` sets nothing in rules 2,
//!     3 or 9).
//! A3. `withdrawal` asked and unanswered has no value: `withdrawal = X` is
//!     false for every X; it is "unanswered" (rule 2's first and fourth
//!     bullets) only when asked.
//! A4. "(answered)" conditions: `daily (answered)` = use_frequency answered
//!     `daily`; `recent (answered)` = answered `daily`/`weekly`;
//!     `n >= 2 (answered)` = criteria answered with 2 or more chosen.
//! A5. `n`: the number chosen; unanswered reads 2, except 0 when
//!     `substances` is answered `[]` [v4]. The Names section defines `n`
//!     itself this way, so the 0 applies wherever `n` is read: rules 3, 5,
//!     6 (`mental_health_care`, not `co_occurring`), 7, 8, 9 (no pregnancy
//!     IOP) and 11. The criteria row's "(rule 2c needs an answer)" is read
//!     as a reminder that rule 2c's `n >= 2 (answered)` never holds on a
//!     skip, reading 2 or 0. The skipped `criteria` is still asked
//!     ("always"): listed in `unanswered` and flags `talk_to_clinician`.
//!     `substances` answered `[]` means the raw answer is an empty list.
//! A6. Rule 2b parses as: sedating_chosen AND not prescribed_only AND
//!     withdrawal = mild AND ((daily (answered) AND any of the four) OR
//!     (recent (answered) AND pregnant = yes)).
//! A7. As read (a skipped substances has every substance): `sedating`,
//!     `opioid`, `wm_substance` (the contract says so), rule 2's fourth
//!     `see_doctor_first` bullet ("substances has other": the skip column
//!     says a skip reads every substance for flags; it changes nothing in
//!     practice, since a skipped substances is also `sedating` and bullets
//!     one and three already flag), rules 2d, 2e, 9 and 10. Only
//!     `chosen(x)`: 2b, 2c, `prescribed_only`, stimulants' `overdose_risk`.
//!     Rule 9's "substances is exactly [benzodiazepines]" is the answered
//!     list (a skip is never exactly that).
//! A8. `wm_substance` = sedating OR has(other) OR (opioid AND NOT
//!     on_opioid_treatment), with `on_opioid_treatment` on `on_medication`
//!     as read (unanswered reads `none`: not on treatment, so a skipped
//!     `on_medication` keeps `wm_substance` for opioids; P2 exempts it).
//! A9. An unanswered `home` makes every condition on `home` false: rule 2b's
//!     `home = unsafe_or_unstable`, rule 3's "home is not stable_supportive",
//!     rule 8, and rule 12 (an unanswered home under 18 gives
//!     `involve_guardian`, not `trusted_adult`).
//! A10. An unanswered `mental_health` reads `somewhat` in rule 6 (flags
//!     `co_occurring` when n >= 2, `mental_health_care` when n < 2) and is
//!     never rule 3's risk. An unanswered `self_harm` flags only
//!     `crisis_line` (no co_occurring / mental_health_care, no level, not
//!     rule 1, not rule 3's risk).
//! A11. Rule 3's "another risk" counts answered values only: mental_health
//!     != not_at_all, self_harm != no, home != stable_supportive, medical =
//!     unstable [v4], past_treatment = relapse_after_recovery, overdose =
//!     yes (asked), pregnant = yes; plus, also on skipped `use_frequency` or
//!     `substances` as the rule says, any withdrawal first step != none
//!     (whatever sub-rule set it) or [v4] `withdrawal = severe` with
//!     `recent` as read. n >= 6 needs answered criteria anyway.
//! A12. Rule 4's cap lowers only rule 3's minimum to IOP; it is applied to
//!     rule 3 before taking the maximum, so every other rule's minimum
//!     (including rule 8's residential) stands.
//! A13. Rule 8 [v4]: `unsafe_or_unstable` with n >= 2 flags
//!     `recovery_housing` (adult) or `trusted_adult` (under 18) at every n
//!     >= 2, also with n >= 4 (residential). Rule 12 still gives
//!     `trusted_adult` under 18 with that home at any n.
//! A14. Rule 9: the first floor is (opioid) OR (withdrawal answered `mild`
//!     or `severe`, any substance, withdrawal asked): `see_doctor_first` and
//!     minimum outpatient. The daily floor [v4] is `daily (answered)` and
//!     NOT (substances answered exactly [benzodiazepines] AND
//!     prescribed_only): minimum outpatient only, no flag of its own.
//! A15. Rule 2's v4 floor: `withdrawal = severe`, `recent` (as read) and a
//!     first step other than `medically_managed` sets minimum outpatient.
//! A16. Rule 1's v4 floor is `danger_now = yes` only; `self_harm =
//!     plan_or_attempt` gets its level from rule 7.
//! A17. Rule 10 [v4]: `on_opioid_treatment` (asked, answered
//!     `opioid_treatment` or `both`) flags `overdose_risk`, also without
//!     `opioid` (say, benzodiazepines with methadone).
//! A18. Rule 16: `for_whom` answered `someone_else` (a skip reads `self`)
//!     flags `family_support`; nothing else changes.
//! A19. Rule 2's third bullet: "substances or use_frequency is unanswered"
//!     means asked and unanswered.
//! A20. `unanswered` lists every asked question whose raw answer is missing
//!     or null, in the contract's table order; `[]` for a "many" question is
//!     answered. `danger_now` is never listed: it is required (the engine
//!     rejects a missing one; here a missing one reads as not `yes`). A
//!     "one" answer stored as an empty list is taken as unanswered.
//! A21. `age` unanswered reads `18_to_64` (adult, never `65_plus`);
//!     `readiness` unanswered reads `unsure` (talk_it_over); `on_medication`
//!     unanswered reads `none` (no keep_medication, not
//!     on_opioid_treatment, not prescribed_only).
//! A22. Rule 15 counts only the seven listed questions, each only when
//!     asked and unanswered.
//! A23. Flag order: the result lists flags in the order of the contract's
//!     result example (`FLAG_ORDER`), `family_support` last.
//!
//! Clinically questionable or ambiguous in v4 (C), each with a case
//! (unlisted answers as in tests/common `base()`: adult, not pregnant,
//! answered low-risk; v3's C1, C2, C4, C6 and C7 are fixed by v4):
//! C1. (v3 C3, still) `prescribed_only` ignores misuse and GHB (counted as
//!     benzodiazepines): {substances: [benzodiazepines], on_medication:
//!     prescribed_sedatives, use_frequency: daily, withdrawal: mild, age:
//!     65_plus, medical: unstable, criteria: 6 chosen} -> withdrawal none
//!     (left to the prescriber; GHB withdrawal can turn severe fast).
//! C2. (v3 C5, still) A pregnant visitor who skipped `substances` reads as
//!     using opioids: {pregnant: yes, substances: null, criteria: []} ->
//!     outpatient with medication_for_opioids and see_doctor_first, on no
//!     stated use (W1 only governs the words).
//! C3. Rule 2a runs before 2d, so a pregnant visitor with opioids and a
//!     severe history gets a 24-hour "detox", although 2d says "no opioid
//!     detox ... in pregnancy": {pregnant: yes, substances: [opioids],
//!     on_medication: none, use_frequency: daily, withdrawal: severe} ->
//!     medically_managed. Reasonable if that 24-hour step means starting
//!     methadone or buprenorphine (W1's "24-hour care to start medicine for
//!     opioids"), but the contract should say so.
//! C4. Pregnancy floors skip weekly or monthly use without mild/severe
//!     withdrawal: {pregnant: yes, substances: [alcohol], use_frequency:
//!     weekly, withdrawal: never_stopped, criteria: []} -> self_guided
//!     (flags pregnancy_care only); no amount of alcohol is known to be
//!     safe in pregnancy, and the header's "any withdrawal" does not cover
//!     `never_stopped`.
//! C5. The pregnancy daily exception keeps prescribed-only benzodiazepines
//!     self-guided: {pregnant: yes, substances: [benzodiazepines],
//!     on_medication: prescribed_sedatives, use_frequency: daily,
//!     withdrawal: none, criteria: []} -> self_guided (pregnancy_care,
//!     keep_medication, see_doctor_first). The rule's own reason ("no safe
//!     amount in pregnancy: a clinician, not self-help") fits this visitor
//!     too; it rests on the prescriber knowing about the pregnancy.
//! C6. `n = 0` for "no substances" plus a skipped checklist, but an
//!     answered checklist with "no substances" still counts in full:
//!     {substances: [], criteria: 6 chosen} -> intensive_outpatient with no
//!     substance (maybe the visitor's way of saying "I'd rather not say";
//!     or a behavioural problem such as gambling, which the bank has no
//!     option for).
//! C7. A severe history with stimulants or cannabis alone and no recent use
//!     (`monthly_or_less`) has no floor: {substances: [stimulants],
//!     use_frequency: monthly_or_less, withdrawal: severe} -> self_guided
//!     with see_doctor_first. Same for every substance (rule 2a and the v4
//!     floor need `recent`), which may be intended.
//! C8. `on_opioid_treatment` with daily `opioids` and a severe history
//!     gets no 24-hour step even when other opioids are also used on top of
//!     the treatment (the bank cannot tell): {substances: [opioids],
//!     on_medication: opioid_treatment, use_frequency: daily, withdrawal:
//!     severe} -> outpatient, see_doctor_first.

use std::collections::BTreeSet;

use carepath::assessment::{Answers, Q};

/// Every flag, in the order the contract's result lists them.
pub const FLAG_ORDER: [&str; 13] = [
    "co_occurring",
    "mental_health_care",
    "crisis_line",
    "medication_for_opioids",
    "overdose_risk",
    "keep_medication",
    "see_doctor_first",
    "pregnancy_care",
    "recovery_housing",
    "involve_guardian",
    "trusted_adult",
    "talk_to_clinician",
    "family_support",
];

/// The contract's names as read for one answer set (section "Rules",
/// "Names"), for tests that state a property in those words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Names {
    /// `n`: criteria chosen; 2 when unanswered, 0 when unanswered and
    /// `substances` is answered `[]`.
    pub n: usize,
    pub recent: bool,
    pub daily: bool,
    /// `use_frequency` answered `daily` (asked).
    pub daily_answered: bool,
    pub used_30d: bool,
    pub sedating: bool,
    pub opioid: bool,
    pub prescribed_only: bool,
    pub on_opioid_treatment: bool,
    pub wm_substance: bool,
    pub adult: bool,
    /// `pregnant` answered `yes`.
    pub pregnant: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// `none` | `emergency`.
    pub urgent: &'static str,
    /// `none` | `ambulatory` | `medically_managed`.
    pub withdrawal: &'static str,
    /// `self_guided` | `outpatient` | `intensive_outpatient` |
    /// `partial_hospitalization` | `residential`.
    pub level: &'static str,
    pub flags: BTreeSet<&'static str>,
    /// `reach_out` | `talk_it_over` | `safety_first`.
    pub first_contact: &'static str,
    /// Asked and unanswered question ids, in question order.
    pub unanswered: Vec<&'static str>,
    /// The names the rules read.
    pub names: Names,
}

impl Expected {
    /// The flags in the order the result lists them (`family_support` last).
    pub fn flags_in_order(&self) -> Vec<&'static str> {
        FLAG_ORDER
            .iter()
            .copied()
            .filter(|f| self.flags.contains(f))
            .collect()
    }
}

const ALL_SUBSTANCES: [&str; 6] = [
    "alcohol",
    "opioids",
    "benzodiazepines",
    "stimulants",
    "cannabis",
    "other",
];
const LEVELS: [&str; 5] = [
    "self_guided",
    "outpatient",
    "intensive_outpatient",
    "partial_hospitalization",
    "residential",
];
const NONE: usize = 0;
const OP: usize = 1;
const IOP: usize = 2;
const PHP: usize = 3;
const RES: usize = 4;

/// A one-choice question: whether it is asked, and the visitor's own answer
/// (ignored when not asked).
#[derive(Clone, Copy)]
struct One {
    asked: bool,
    answer: Option<&'static str>,
}

impl One {
    fn new(a: &Answers, q: Q, asked: bool) -> One {
        let answer = if asked {
            a.chosen(q).and_then(|v| v.first().copied())
        } else {
            None
        };
        One { asked, answer }
    }
    /// The visitor's own answer; `None` when unanswered or not asked.
    fn answered(self) -> Option<&'static str> {
        self.answer
    }
    /// The answer as read: the visitor's, else `reads_as` when asked;
    /// `None` when not asked (no value).
    fn read(self, reads_as: Option<&'static str>) -> Option<&'static str> {
        if self.asked {
            self.answer.or(reads_as)
        } else {
            None
        }
    }
    fn unanswered(self) -> bool {
        self.asked && self.answer.is_none()
    }
}

// Rules 2a, 2b and 2c give the same step; they stay separate to read like the contract.
#[allow(clippy::if_same_then_else)]
pub fn oracle(a: &Answers) -> Expected {
    // ---- Questions, as read ------------------------------------------
    let danger_now = One::new(a, Q::DangerNow, true);
    let for_whom = One::new(a, Q::ForWhom, true);
    let age_q = One::new(a, Q::Age, true);
    let pregnant_q = One::new(a, Q::Pregnant, true);

    let substances_answer: Option<Vec<&'static str>> = a.chosen(Q::Substances);
    let substances_unanswered = substances_answer.is_none();
    let substances_read: Vec<&'static str> = substances_answer
        .clone()
        .unwrap_or_else(|| ALL_SUBSTANCES.to_vec());
    let has = |x: &str| substances_read.contains(&x);
    let chosen = |x: &str| substances_answer.as_ref().is_some_and(|v| v.contains(&x));
    let any_substance = !substances_read.is_empty();
    let no_substances_answered = substances_answer.as_ref().is_some_and(|v| v.is_empty());
    let exactly_benzodiazepines = substances_answer.as_deref() == Some(&["benzodiazepines"][..]);

    let use_frequency_q = One::new(a, Q::UseFrequency, any_substance);
    let frequency = use_frequency_q.read(Some("daily"));
    let used_30d = frequency.is_some_and(|f| f != "not_in_30_days");
    let withdrawal_q = One::new(a, Q::Withdrawal, any_substance && used_30d);
    let on_medication_q = One::new(a, Q::OnMedication, has("opioids") || has("benzodiazepines"));
    let overdose_q = One::new(a, Q::Overdose, any_substance);

    let criteria_answer: Option<usize> = a.chosen(Q::Criteria).map(|v| v.len());
    let criteria_unanswered = criteria_answer.is_none();
    // [v4] A skipped checklist after "no substances" reads 0, else 2.
    let n = criteria_answer.unwrap_or(if no_substances_answered { 0 } else { 2 });
    let n_answered = criteria_answer; // for "n >= 2 (answered)"

    let mental_health_q = One::new(a, Q::MentalHealth, true);
    let self_harm_q = One::new(a, Q::SelfHarm, true);
    let medical_q = One::new(a, Q::Medical, true);
    let past_treatment_q = One::new(a, Q::PastTreatment, true);
    let readiness_q = One::new(a, Q::Readiness, true);
    let home_q = One::new(a, Q::Home, true);
    let responsibilities_unanswered = a.chosen(Q::Responsibilities).is_none();
    let schedule_q = One::new(a, Q::Schedule, true);

    // ---- unanswered, in question order (danger_now is required) --------
    let mut unanswered: Vec<&'static str> = Vec::new();
    for (id, missing) in [
        ("for_whom", for_whom.unanswered()),
        ("age", age_q.unanswered()),
        ("pregnant", pregnant_q.unanswered()),
        ("substances", substances_unanswered),
        ("use_frequency", use_frequency_q.unanswered()),
        ("withdrawal", withdrawal_q.unanswered()),
        ("on_medication", on_medication_q.unanswered()),
        ("overdose", overdose_q.unanswered()),
        ("criteria", criteria_unanswered),
        ("mental_health", mental_health_q.unanswered()),
        ("self_harm", self_harm_q.unanswered()),
        ("medical", medical_q.unanswered()),
        ("past_treatment", past_treatment_q.unanswered()),
        ("readiness", readiness_q.unanswered()),
        ("home", home_q.unanswered()),
        ("responsibilities", responsibilities_unanswered),
        ("schedule", schedule_q.unanswered()),
    ] {
        if missing {
            unanswered.push(id);
        }
    }

    // ---- Names -----------------------------------------------------------
    let age = age_q.read(Some("18_to_64"));
    let adult = age != Some("under_18");
    let pregnant = pregnant_q.answered() == Some("yes"); // reads `no`
    let recent = matches!(frequency, Some("daily") | Some("weekly"));
    let daily = frequency == Some("daily");
    let recent_answered = matches!(use_frequency_q.answered(), Some("daily") | Some("weekly"));
    let daily_answered = use_frequency_q.answered() == Some("daily");
    let w = withdrawal_q.answered(); // no reading: stays unanswered
    let w_unanswered = withdrawal_q.unanswered();
    let sedating = has("alcohol") || has("benzodiazepines");
    let opioid = has("opioids");
    let sedating_chosen = chosen("alcohol") || chosen("benzodiazepines");
    let on_medication = on_medication_q.read(Some("none")); // None: not asked
    let prescribed_only = chosen("benzodiazepines")
        && !chosen("alcohol")
        && matches!(on_medication, Some("prescribed_sedatives") | Some("both"));
    let on_opioid_treatment = matches!(on_medication, Some("opioid_treatment") | Some("both"));
    // [v4] The substances whose withdrawal can kill (as read).
    let wm_substance = sedating || has("other") || (opioid && !on_opioid_treatment);
    let overdose = overdose_q.answered() == Some("yes"); // reads `no`
    let mental_read = mental_health_q.read(Some("somewhat")).unwrap();
    let mental_answered = mental_health_q.answered();
    let self_harm = self_harm_q.answered(); // no reading
    let medical = medical_q.answered(); // reads `no`
    let past = past_treatment_q.answered(); // reads `never`
    let home = home_q.answered(); // unanswered: no condition holds
    let readiness = readiness_q.read(Some("unsure"));

    let mut flags: BTreeSet<&'static str> = BTreeSet::new();
    let mut min = NONE;

    // ---- Rule 1 ----------------------------------------------------------
    let danger = danger_now.answered() == Some("yes");
    let emergency = danger || self_harm == Some("plan_or_attempt");
    if danger {
        min = min.max(OP); // [v4] never self-guided after an emergency
    }

    // ---- Rule 2: withdrawal first step -------------------------------
    let rule_2a = w == Some("severe") && recent && wm_substance;
    let rule_2b = sedating_chosen
        && !prescribed_only
        && w == Some("mild")
        && ((daily_answered
            && (age == Some("65_plus")
                || medical == Some("unstable")
                || (chosen("alcohol") && chosen("benzodiazepines"))
                || home == Some("unsafe_or_unstable")))
            || (recent_answered && pregnant));
    let rule_2c = pregnant
        && sedating_chosen
        && !prescribed_only
        && daily_answered
        && w == Some("never_stopped")
        && n_answered.is_some_and(|k| k >= 2);
    let step = if rule_2a {
        "medically_managed"
    } else if rule_2b {
        "medically_managed"
    } else if rule_2c {
        "medically_managed"
    } else if pregnant && (opioid || w == Some("mild")) {
        "none" // 2d
    } else if w == Some("mild")
        && recent
        && ((sedating && !prescribed_only) || (opioid && !on_opioid_treatment))
    {
        "ambulatory" // 2e
    } else {
        "none" // 2f
    };
    if sedating && daily && (w == Some("never_stopped") || w_unanswered) {
        flags.insert("see_doctor_first");
    }
    if w == Some("severe") && step != "medically_managed" {
        flags.insert("see_doctor_first");
    }
    if w == Some("mild") && sedating && (substances_unanswered || use_frequency_q.unanswered()) {
        flags.insert("see_doctor_first");
    }
    // [v4] Daily `other`: gabapentin, phenibut, muscle relaxants.
    if has("other") && daily && (matches!(w, Some("mild") | Some("never_stopped")) || w_unanswered)
    {
        flags.insert("see_doctor_first");
    }
    match step {
        "medically_managed" => min = min.max(IOP),
        "ambulatory" => min = min.max(OP),
        _ => {}
    }
    let severe_recent = w == Some("severe") && recent;
    if severe_recent && step != "medically_managed" {
        min = min.max(OP); // [v4]
    }

    // ---- Rule 3: severity (answered risks only) ------------------------
    let another_risk = mental_answered.is_some_and(|m| m != "not_at_all")
        || self_harm.is_some_and(|s| s != "no")
        || home.is_some_and(|h| h != "stable_supportive")
        || medical == Some("unstable") // [v4]
        || past == Some("relapse_after_recovery")
        || step != "none"
        || severe_recent // [v4]
        || overdose
        || pregnant;
    let mut severity = match n {
        0 | 1 => NONE,
        2 | 3 => OP,
        4 | 5 => IOP,
        _ if another_risk => PHP,
        _ => IOP,
    };

    // ---- Rule 4: after care --------------------------------------------
    if past == Some("recent_residential") {
        min = min.max(IOP);
        severity = severity.min(IOP); // caps rule 3 alone
    }
    if past == Some("recent_detox") {
        min = min.max(IOP);
    }
    min = min.max(severity);

    // ---- Rule 5: relapse -------------------------------------------------
    if past == Some("relapse_after_recovery") && n >= 2 {
        min = min.max(IOP);
    }

    // ---- Rule 6: mental health (unanswered reads somewhat, flags only) --
    if n >= 2 {
        match mental_read {
            "somewhat" => {
                flags.insert("co_occurring");
            }
            "a_lot" => {
                min = min.max(IOP);
                flags.insert("co_occurring");
            }
            "unable_to_function" => {
                min = min.max(if n >= 6 { RES } else { PHP });
                flags.insert("co_occurring");
            }
            _ => {}
        }
    } else {
        match mental_read {
            "somewhat" | "a_lot" => {
                flags.insert("mental_health_care");
            }
            "unable_to_function" => {
                min = min.max(OP);
                flags.insert("mental_health_care");
            }
            _ => {}
        }
    }

    // ---- Rule 7: self-harm ---------------------------------------------
    if self_harm != Some("no") {
        flags.insert("crisis_line"); // any answer but no, or unanswered
    }
    if n >= 2 {
        match self_harm {
            Some("wish_or_thoughts") => {
                min = min.max(IOP);
                flags.insert("co_occurring");
            }
            Some("method") | Some("plan_or_attempt") => {
                min = min.max(PHP);
                flags.insert("co_occurring");
            }
            _ => {}
        }
    } else {
        match self_harm {
            Some("wish_or_thoughts") => {
                flags.insert("mental_health_care");
            }
            Some("method") | Some("plan_or_attempt") => {
                min = min.max(OP);
                flags.insert("mental_health_care");
            }
            _ => {}
        }
    }

    // ---- Rule 8: home (answered only) ----------------------------------
    match home {
        Some("unsafe_or_unstable") if n >= 2 => {
            // [v4] The flag at every level, also with residential.
            flags.insert(if adult {
                "recovery_housing"
            } else {
                "trusted_adult"
            });
            min = min.max(if n >= 4 { RES } else { IOP });
        }
        Some("stable_unsupportive") if n >= 2 && adult => {
            flags.insert("recovery_housing");
        }
        _ => {}
    }

    // ---- Rule 9: medical and pregnancy ---------------------------------
    if medical == Some("unstable") {
        flags.insert("see_doctor_first");
    }
    if pregnant {
        flags.insert("pregnancy_care");
        if n >= 2 {
            min = min.max(IOP);
        }
        // [v4] withdrawal mild or severe from any substance.
        if opioid || matches!(w, Some("mild") | Some("severe")) {
            flags.insert("see_doctor_first");
            min = min.max(OP);
        }
        // [v4] daily use, unless only prescribed benzodiazepines.
        if daily_answered && !(exactly_benzodiazepines && prescribed_only) {
            min = min.max(OP);
        }
        if opioid && !on_opioid_treatment {
            flags.insert("medication_for_opioids");
        }
    }

    // ---- Rule 10: opioids and street drugs -----------------------------
    if opioid {
        flags.insert("overdose_risk");
        if !on_opioid_treatment {
            flags.insert("medication_for_opioids");
        }
    }
    if chosen("stimulants") {
        flags.insert("overdose_risk");
    }
    if on_opioid_treatment {
        flags.insert("overdose_risk"); // [v4]
    }
    if matches!(
        on_medication,
        Some("opioid_treatment") | Some("prescribed_sedatives") | Some("both")
    ) {
        flags.insert("keep_medication");
    }
    if matches!(on_medication, Some("prescribed_sedatives") | Some("both")) {
        flags.insert("see_doctor_first");
    }

    // ---- Rule 11: overdose ---------------------------------------------
    if overdose {
        flags.insert("overdose_risk");
        min = min.max(if n >= 2 { IOP } else { OP });
    }

    // ---- Rule 12: age ----------------------------------------------------
    if age == Some("under_18") {
        flags.insert(if home == Some("unsafe_or_unstable") {
            "trusted_adult"
        } else {
            "involve_guardian"
        });
        flags.remove("recovery_housing"); // never under 18
    }

    // ---- Rule 13: first contact ----------------------------------------
    let first_contact = if emergency {
        "safety_first"
    } else if readiness == Some("ready_now") {
        "reach_out"
    } else {
        "talk_it_over"
    };

    // ---- Rule 15: skipped answers --------------------------------------
    if substances_unanswered
        || use_frequency_q.unanswered()
        || withdrawal_q.unanswered()
        || criteria_unanswered
        || mental_health_q.unanswered()
        || self_harm_q.unanswered()
        || home_q.unanswered()
    {
        flags.insert("talk_to_clinician");
    }

    // ---- Rule 16: someone else [v4] --------------------------------------
    if for_whom.answered() == Some("someone_else") {
        flags.insert("family_support");
    }

    Expected {
        urgent: if emergency { "emergency" } else { "none" },
        withdrawal: step,
        level: LEVELS[min],
        flags,
        first_contact,
        unanswered,
        names: Names {
            n,
            recent,
            daily,
            daily_answered,
            used_30d,
            sedating,
            opioid,
            prescribed_only,
            on_opioid_treatment,
            wm_substance,
            adult,
            pregnant,
        },
    }
}
