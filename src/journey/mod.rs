//! The visitor's journey as one reducer: which screen is shown, the answers
//! so far, and what each button does. Plain Rust with no web dependency,
//! so the widget's navigation is tested natively; the yew components only
//! render this state and send [`Msg`]s.

use crate::assessment::{question, Kind, QUESTIONS};
use crate::assessment::{Answers, Version, CURRENT, Q};

/// What the visitor sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// What this is, before the first question.
    Start,
    Question(Q),
    /// 911 / 988 now; `from` is the question whose answer opened it.
    Crisis {
        from: Q,
    },
    Result,
}

/// A message from a component.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    Begin,
    /// A radio button chosen.
    Choose(Q, &'static str),
    /// A checkbox checked or cleared.
    Toggle(Q, &'static str, bool),
    Next,
    /// "Prefer not to say": leaves the question unanswered and moves on.
    Skip,
    Back,
    /// From the crisis screen, once safe: go on with the check.
    Continue,
    /// Start over: clears every answer.
    Restart,
    /// From the result: answer a question that was skipped; Next, Skip
    /// and Back then return to the result.
    Revisit(Q),
    /// A contact action was used (`call`, `contact`, `print`, `helpline`,
    /// `find_treatment`): it changes nothing, the host hears of it.
    Contact(&'static str),
    /// The reference code was copied to the clipboard (`true`) or could
    /// not be (`false`): the result says so.
    Copied(bool),
    /// The visitor chose a language: the words change, the answers and
    /// the place stay, and the host hears nothing.
    Language(&'static str),
    /// The result's payment step ([`Pay`]): open it, pick a way to pay, a
    /// plan (its index; [`Pay::OTHER_PLAN`]: another), show what it means,
    /// or leave it unsaid.
    PayOpen,
    PayPick(&'static str),
    PayPlan(u8),
    PaySubmit,
    PaySkip,
}

/// How the visitor would pay, asked after the result. Not clinical: never
/// in the answers, the code, a saved place or an event, and it never
/// changes the estimate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pay {
    /// The form is open.
    pub open: bool,
    /// What the form shows chosen.
    pub pick: Option<&'static str>,
    pub plan: Option<u8>,
    /// What the visitor asked to see: a way to pay and, for insurance, the
    /// plan.
    pub answer: Option<(&'static str, Option<u8>)>,
}

impl Pay {
    /// The plan index that means "another plan".
    pub const OTHER_PLAN: u8 = u8::MAX;
}

/// Why Next did not move on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hold {
    /// A one-choice question with no choice yet.
    NeedAnswer,
}

/// The whole state of one visitor's check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Journey {
    pub screen: Screen,
    pub answers: Answers,
    pub hold: Option<Hold>,
    /// Bumped on every screen change, so the view can move focus once.
    pub step: u32,
    /// A skipped question opened from the result: leaving it goes back
    /// to the result.
    pub revisit: bool,
    /// Whether the last copy of the code worked, until the screen changes.
    pub copied: Option<bool>,
    /// The contract version the answers are read with: the current one in
    /// the widget; a reference code's own on the staff page.
    pub version: &'static Version,
    /// The language the visitor chose (`None`: the host's `locale`).
    pub locale: Option<&'static str>,
    /// The result's payment step.
    pub pay: Pay,
}

impl Default for Journey {
    fn default() -> Self {
        Journey {
            screen: Screen::Start,
            answers: Answers::new(),
            hold: None,
            step: 0,
            revisit: false,
            copied: None,
            version: CURRENT,
            locale: None,
            pay: Pay::default(),
        }
    }
}

/// Whether an answer opens the crisis screen at once (the engine's data:
/// the atoms of rule 1's `emergency`).
fn opens_crisis(q: Q, answers: &Answers) -> bool {
    crate::assessment::opens_crisis(q, &answers.chosen(q).unwrap_or_default())
}

impl Journey {
    pub fn new() -> Self {
        Self::default()
    }

    /// The questions asked, given the answers so far ("asked when").
    pub fn asked(&self) -> Vec<Q> {
        let read = self.answers.read();
        QUESTIONS
            .iter()
            .map(|q| q.id)
            .filter(|q| read.is_asked(*q))
            .collect()
    }

    /// "Question `n` of `total`" for a question on screen.
    pub fn progress(&self, q: Q) -> (usize, usize) {
        let asked = self.asked();
        let n = asked.iter().position(|a| *a == q).map_or(0, |i| i + 1);
        (n, asked.len())
    }

    /// Whether the wording speaks of someone else ("they").
    pub fn about_someone_else(&self) -> bool {
        self.answers.chosen(Q::ForWhom).unwrap_or_default() == ["someone_else"]
    }

    /// The next asked question after `q`, if any.
    fn next_after(&self, q: Q) -> Option<Q> {
        let read = self.answers.read();
        QUESTIONS[q.index() + 1..]
            .iter()
            .map(|b| b.id)
            .find(|q| read.is_asked(*q))
    }

    /// The asked question before `q`, if any.
    fn before(&self, q: Q) -> Option<Q> {
        let read = self.answers.read();
        QUESTIONS[..q.index()]
            .iter()
            .rev()
            .map(|b| b.id)
            .find(|q| read.is_asked(*q))
    }

    fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.hold = None;
        self.copied = None;
        self.step += 1;
        if matches!(screen, Screen::Result | Screen::Start) {
            self.revisit = false;
        }
    }

    fn go_after(&mut self, q: Q) {
        let screen = if self.revisit {
            Screen::Result
        } else {
            self.next_after(q).map_or(Screen::Result, Screen::Question)
        };
        self.go(screen);
    }

    /// The asked questions left unanswered, which the result lists with a
    /// way back to each.
    pub fn skipped(&self) -> Vec<Q> {
        self.answers.read().unanswered().to_vec()
    }

    /// Applies one message and returns what the host hears of it: the one
    /// place events come from (the widget and the loader's hand-over both
    /// use it). The embed layer decides which of them leave the widget.
    pub fn apply(&mut self, msg: Msg) -> Vec<Event> {
        let (step, screen) = (self.step, self.screen);
        self.update(msg);
        let mut events = Vec::new();
        if msg == Msg::Begin && self.screen != screen {
            events.push(Event::Start);
        }
        if let Msg::Contact(action) = msg {
            events.push(Event::Contact(action));
        }
        if self.step != step {
            match self.screen {
                Screen::Question(q) => events.push(Event::Step(q)),
                Screen::Result => events.push(Event::Complete),
                _ => {}
            }
        }
        events
    }

    /// Applies one message; returns whether anything changed.
    pub fn update(&mut self, msg: Msg) -> bool {
        let before = self.clone();
        match (msg, self.screen) {
            (Msg::Begin, Screen::Start) => self.go(Screen::Question(Q::DangerNow)),
            (Msg::Choose(q, option), Screen::Question(on)) if q == on => self.choose(q, option),
            (Msg::Toggle(q, option, on), Screen::Question(shown)) if q == shown => {
                self.toggle(q, option, on)
            }
            (Msg::Next, Screen::Question(q)) => self.next(q),
            (Msg::Skip, Screen::Question(q)) if q != Q::DangerNow => {
                self.answers.clear(q);
                self.go_after(q);
            }
            (Msg::Back, Screen::Question(_)) if self.revisit => self.go(Screen::Result),
            (Msg::Back, Screen::Question(q)) => {
                let screen = self.before(q).map_or(Screen::Start, Screen::Question);
                self.go(screen);
            }
            (Msg::Revisit(q), Screen::Result) if self.skipped().contains(&q) => {
                self.go(Screen::Question(q));
                self.revisit = true;
            }
            (Msg::Back, Screen::Crisis { from }) => self.go(Screen::Question(from)),
            (Msg::Back, Screen::Result) => {
                let last = self.asked().last().copied().unwrap_or(Q::DangerNow);
                self.go(Screen::Question(last));
            }
            (Msg::Continue, Screen::Crisis { from }) => self.go_after(from),
            (Msg::Copied(ok), Screen::Result) => self.copied = Some(ok),
            (Msg::PayOpen, Screen::Result) => {
                self.pay.open = true;
                self.pay.pick = self.pay.answer.map(|(payer, _)| payer);
                self.pay.plan = self.pay.answer.and_then(|(_, plan)| plan);
            }
            (Msg::PayPick(payer), Screen::Result) if self.pay.open => {
                self.pay.pick = Some(payer);
            }
            (Msg::PayPlan(plan), Screen::Result) if self.pay.open => self.pay.plan = Some(plan),
            (Msg::PaySubmit, Screen::Result) if self.pay.open => {
                self.pay.open = false;
                self.pay.answer = self.pay.pick.map(|payer| {
                    (
                        payer,
                        (payer == "private").then_some(self.pay.plan).flatten(),
                    )
                });
            }
            (Msg::PaySkip, Screen::Result) => self.pay = Pay::default(),
            (Msg::Language(id), _) => {
                self.locale = crate::i18n::language(id).map(|l| l.id).or(self.locale)
            }
            // Starting over keeps the visitor's language.
            (Msg::Restart, _) => {
                let (step, locale) = (self.step, self.locale);
                *self = Journey::new();
                self.step = step + 1;
                self.locale = locale;
            }
            _ => {}
        }
        *self != before
    }

    fn choose(&mut self, q: Q, option: &'static str) {
        if self.answers.set(q, &[option]).is_ok() {
            self.hold = None;
        }
    }

    fn toggle(&mut self, q: Q, option: &'static str, on: bool) {
        if question(q).kind != Kind::Many {
            return;
        }
        let mut chosen = self.answers.chosen(q).unwrap_or_default();
        chosen.retain(|o| *o != option);
        if on {
            // "none" of responsibilities excludes the others, and back.
            if q == Q::Responsibilities {
                if option == "none" {
                    chosen.clear();
                } else {
                    chosen.retain(|o| *o != "none");
                }
            }
            chosen.push(option);
        }
        if self.answers.set(q, &chosen).is_ok() {
            self.hold = None;
        }
    }

    fn next(&mut self, q: Q) {
        let answered = self.answers.is_answered(q);
        match question(q).kind {
            // Checkboxes left empty mean "none of these".
            Kind::Many if !answered => {
                let _ = self.answers.set(q, &[]);
            }
            Kind::One if !answered => {
                self.hold = Some(Hold::NeedAnswer);
                return;
            }
            _ => {}
        }
        if opens_crisis(q, &self.answers) {
            self.go(Screen::Crisis { from: q });
        } else {
            self.go_after(q);
        }
    }
}

pub mod handover;

#[cfg(test)]
mod tests;

/// What the widget tells the host page (the embed layer turns these into
/// DOM events, with only what the host opted in to).
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The visitor pressed Start.
    Start,
    /// A question is on screen.
    Step(Q),
    /// The result is on screen.
    Complete,
    /// A contact action: `call`, `contact`, `print`, `helpline` or `find_treatment`.
    Contact(&'static str),
}

/// The first line of a saved place; a different one (an older format)
/// does not restore.
const SAVE_VERSION: &str = "carepath-progress 1";

impl Journey {
    /// The visitor's place as text, for the opt-in session storage: one
    /// line per item, `screen=question:age` then `question=option+option`
    /// for each answered question (an empty set leaves the value empty).
    /// A plain format keeps a JSON parser out of the widget.
    pub fn save(&self) -> String {
        let screen = match self.screen {
            Screen::Start => "start".to_string(),
            Screen::Question(q) if self.revisit => format!("revisit:{q}"),
            Screen::Question(q) => format!("question:{q}"),
            Screen::Crisis { from } => format!("crisis:{from}"),
            Screen::Result => "result".to_string(),
        };
        let mut out = format!("{SAVE_VERSION}\nscreen={screen}");
        for bank in &QUESTIONS {
            if let Some(options) = self.answers.chosen(bank.id) {
                out.push('\n');
                out.push_str(bank.id.id());
                out.push('=');
                out.push_str(&options.join("+"));
            }
        }
        // Last, so a kept start still reads as one (the loader's prefix).
        if let Some(locale) = self.locale {
            out.push_str("\nlang=");
            out.push_str(locale);
        }
        out
    }

    /// Restores a place saved by [`Journey::save`]; `None` if any part of
    /// it does not read (an unknown id or option, a repeated question).
    pub fn restore(text: &str) -> Option<Journey> {
        let mut lines = text.lines();
        if lines.next()? != SAVE_VERSION {
            return None;
        }
        let screen = match lines.next()?.strip_prefix("screen=")? {
            "start" => Screen::Start,
            "result" => Screen::Result,
            place => match place.split_once(':')? {
                ("question" | "revisit", q) => Screen::Question(Q::from_id(q)?),
                ("crisis", q) => Screen::Crisis {
                    from: Q::from_id(q)?,
                },
                _ => return None,
            },
        };
        let mut answers = Answers::new();
        let mut locale = None;
        for line in lines {
            let (id, options) = line.split_once('=')?;
            if id == "lang" {
                locale = Some(crate::i18n::language(options)?.id);
                continue;
            }
            let q = Q::from_id(id)?;
            if answers.is_answered(q) {
                return None;
            }
            let options: Vec<&str> = options.split('+').filter(|o| !o.is_empty()).collect();
            answers.set(q, &options).ok()?;
        }
        // Past the first question, danger_now is always answered.
        let first = matches!(screen, Screen::Start | Screen::Question(Q::DangerNow));
        if !first && !answers.is_answered(Q::DangerNow) {
            return None;
        }
        Some(Journey {
            screen,
            answers,
            hold: None,
            step: 0,
            revisit: text.contains("\nscreen=revisit:"),
            copied: None,
            version: CURRENT,
            locale,
            pay: Pay::default(),
        })
    }
}
