//! CLDR cardinal plural rules, read from the language registry
//! (`locales/languages.json`, copied from CLDR's plurals.xml) for whole
//! numbers, which are all the widget counts: days, hours, weeks, sessions.
//! Rules as data rather than a crate: `intl_pluralrules` carries every
//! language's rules compiled in, and the browser's `Intl.PluralRules` is out
//! of reach of the plain-Rust screens and the command line; this reader is
//! a few hundred bytes, and a test checks it against Node's Intl.

/// The CLDR category of the whole number `n` under `rules` (category ->
/// condition, `other` left out): the first that holds, else `other`.
pub fn category(rules: &[(&'static str, &'static str)], n: u64) -> &'static str {
    rules
        .iter()
        .find(|(_, rule)| holds(rule, n))
        .map_or("other", |(cat, _)| cat)
}

/// A rule (`or` of `and` of relations) for the whole number `n`. For a whole
/// number written without decimals: n = i, v = w = f = t = 0, and e (the
/// compact exponent) = 0.
fn holds(rule: &str, n: u64) -> bool {
    rule.split(" or ").any(|all| {
        all.split(" and ")
            .all(|relation| relation_holds(relation, n))
    })
}

/// `operand [% m] (= | !=) list`, where list is values and ranges `a..b`
/// separated by commas. An unknown form never holds.
fn relation_holds(relation: &str, n: u64) -> bool {
    let (left, negate, list) = match (relation.split_once("!="), relation.split_once('=')) {
        (Some((l, r)), _) => (l, true, r),
        (None, Some((l, r))) => (l, false, r),
        _ => return false,
    };
    let mut parts = left.split('%');
    let value = match parts.next().map(str::trim) {
        Some("n" | "i") => n,
        Some("v" | "w" | "f" | "t" | "e" | "c") => 0,
        _ => return false,
    };
    let value = match parts.next().map(|m| m.trim().parse::<u64>()) {
        Some(Ok(m)) if m > 0 => value % m,
        Some(_) => return false,
        None => value,
    };
    let within = list.split(',').any(|item| {
        let item = item.trim();
        match item.split_once("..") {
            Some((a, b)) => match (a.trim().parse::<u64>(), b.trim().parse::<u64>()) {
                (Ok(a), Ok(b)) => (a..=b).contains(&value),
                _ => false,
            },
            None => item.parse::<u64>().is_ok_and(|x| x == value),
        }
    });
    within != negate
}
