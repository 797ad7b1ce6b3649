//! The figure around a value: dates, times, ages, magnitudes and years told apart, then a
//! count or measure with its qualifier ("at least", "or more"), unit or currency and the
//! noun it counts.

use super::value::value_at;
use super::{dates, simple, word};
use crate::model::facts::lexicon::{self, Qualifier};
use crate::model::facts::tokens::{Tok, Token};
use crate::model::facts::{canonical_word, Figure, Kind};
use crate::model::Span;

/// Words after a figure that are not what it counts.
const NOT_COUNTED: &[&str] = &[
    "more",
    "additional",
    "other",
    "new",
    "further",
    "extra",
    "or",
    "and",
    "to",
    "a",
    "an",
    "the",
    "percent",
    "per",
    "strong",
];

/// The figure starting at token `i`, and the index after it.
pub(super) fn figure_at(text: &str, toks: &[Token], i: usize) -> Option<(Figure, usize)> {
    let t = toks.get(i)?;
    // Weekdays and month-first dates.
    if dates::is_day_or_month(t) {
        return dates::named_date(text, toks, i);
    }
    // A currency sign before the number.
    let (mut currency, num_i) = match t.kind {
        Tok::Sign if t.lower != "%" => {
            (lexicon::currencies().get(t.lower.as_str()).cloned(), i + 1)
        }
        Tok::Word
            if t.capital
                && ["rs", "us"].contains(&t.lower.as_str())
                && toks.get(i + 1).is_some_and(|n| n.kind == Tok::Sign) =>
        {
            (lexicon::currencies().get("$").cloned(), i + 2)
        }
        _ => (None, i),
    };
    if t.kind == Tok::Sign && currency.is_none() {
        return None;
    }
    let first = toks.get(num_i)?;
    // Identifiers: "G-7", "F-16", "COVID-19", "5G".
    if first.kind == Tok::Number && first.glued && num_i > 0 {
        let prev = &toks[num_i - 1];
        if prev.lower == "-" || prev.kind == Tok::Word {
            return None;
        }
    }
    let (mut value, mut place, mut j, vague) = value_at(toks, num_i)?;
    let is_digit = first.kind == Tok::Number;
    // Glued letters that are no unit: ordinals and identifiers.
    if is_digit {
        if let Some(n) = toks.get(j) {
            if n.kind == Tok::Word && n.glued {
                let l = n.lower.as_str();
                if ["st", "nd", "rd", "th"].contains(&l) {
                    return Some((simple(text, toks, i, j + 1, Kind::Ordinal, value), j + 1));
                }
                if !lexicon::units().contains_key(l) && !lexicon::currencies().contains_key(l) {
                    return None;
                }
            }
        }
    }
    // Day-first dates: "30 October 2024".
    if is_digit && value <= 31.0 && toks.get(j).is_some_and(dates::is_month) {
        let mut end = j + 1;
        if toks
            .get(end)
            .is_some_and(|y| y.kind == Tok::Number && y.lower.len() == 4)
        {
            end += 1;
        }
        return Some((simple(text, toks, i, end, Kind::Date, value), end));
    }
    // Times: "10:30", "3 p.m.".
    if is_digit
        && toks.get(j).is_some_and(|c| c.lower == ":")
        && toks
            .get(j + 1)
            .is_some_and(|n| n.kind == Tok::Number && n.glued)
    {
        let mut end = j + 2;
        if matches!(word(toks, end), Some("am" | "pm")) {
            end += 1;
        }
        return Some((simple(text, toks, i, end, Kind::Time, value), end));
    }
    if is_digit && matches!(word(toks, j), Some("am" | "pm")) {
        return Some((simple(text, toks, i, j + 1, Kind::Time, value), j + 1));
    }
    // Ages: "45-year-old", "aged 45".
    let hyphen = |k: usize| toks.get(k).is_some_and(|h| h.lower == "-");
    if hyphen(j)
        && word(toks, j + 1) == Some("year")
        && hyphen(j + 2)
        && word(toks, j + 3) == Some("old")
    {
        return Some((simple(text, toks, i, j + 4, Kind::Age, value), j + 4));
    }
    if i > 0 && matches!(word(toks, i - 1), Some("aged" | "age")) {
        return Some((simple(text, toks, i - 1, j, Kind::Age, value), j));
    }
    // Magnitudes: "magnitude 6.2", "6.2-magnitude".
    let before_mag = (1..=2).any(|k| i >= k && word(toks, i - k) == Some("magnitude"));
    if before_mag || (hyphen(j) && word(toks, j + 1) == Some("magnitude")) {
        let end = if before_mag { j } else { j + 2 };
        return Some((simple(text, toks, i, end, Kind::Magnitude, value), end));
    }
    // Years: four digits, no grouping, no currency.
    if is_digit
        && currency.is_none()
        && first.lower.len() == 4
        && (1800.0..=2100.0).contains(&value)
        && j == num_i + 1
    {
        return Some((simple(text, toks, i, j, Kind::Year, value), j));
    }
    // Ranges: "10-12 hours", "$40-85bn": one figure from the first value to the second.
    let mut upper = None;
    if is_digit {
        if let Some((top, scale, end)) = range_top(toks, j) {
            // "$40-85bn": the scale written once, on the top, is the bottom's too.
            if j == num_i + 1 {
                value *= scale;
                place *= scale;
            }
            if top > value {
                // "10-12 September" is a span of days of a month: a date.
                if toks.get(end).is_some_and(dates::is_month) {
                    return Some((simple(text, toks, i, end + 1, Kind::Date, value), end + 1));
                }
                upper = Some(top);
                j = end;
            } else if j == num_i + 1 {
                value /= scale;
                place /= scale;
            }
        }
    }
    // Bare small written numbers ("one of", "two") are too common to be figures; before
    // people or what befell them ("four boys", "seven more deaths") they are counts.
    if !is_digit && !vague && value < 10.0 && !first.lower.starts_with('a') {
        let unit_follows = toks
            .get(j)
            .is_some_and(|n| lexicon::units().contains_key(n.lower.as_str()));
        if !unit_follows
            && !counts_people(toks, j)
            && !part_of(toks, j).is_some_and(|w| counts_people(toks, w))
        {
            return None;
        }
    }
    // "half a billion": half the scale, the figure starting at "half".
    let half = matches!(t.lower.as_str(), "a" | "an") && i > 0 && word(toks, i - 1) == Some("half");
    let from = if half {
        value *= 0.5;
        place *= 0.5;
        i - 1
    } else {
        i
    };
    // Qualifier before (and after: "or more", "plus").
    let (mut qualifier, mut start) = match qualifier_before(toks, from) {
        Some((q, s)) => (q, s),
        None => (Qualifier::Exact, from),
    };
    if vague {
        qualifier = Qualifier::Vague;
    }
    // "between 10,000 and 12,000": the first is a lower bound.
    if i > 0 && word(toks, i - 1) == Some("between") {
        qualifier = Qualifier::AtLeast;
        start = i - 1;
    }
    if i > 1 && word(toks, i - 2) == Some("between") && word(toks, i - 1) == Some("and") {
        qualifier = Qualifier::AtMost;
    }
    // Units, currencies and percent after the number.
    let mut kind = Kind::Count;
    let mut unit: Option<String> = None;
    let mut converted = false;
    // "an 18-day ordeal", "a 10-mile queue": a unit joined by a hyphen, used as an adjective,
    // is the figure's unit as much as "18 days" (the noun after it is what it describes).
    // So is a currency: "the billion-euro mark", "a 50-dollar fine".
    let hyphen_unit = toks.get(j).is_some_and(|h| h.lower == "-" && h.glued)
        && toks.get(j + 1).is_some_and(|u| {
            let w = u.lower.as_str();
            u.kind == Tok::Word
                && u.glued
                && (lexicon::units().contains_key(w)
                    || (currency.is_none() && lexicon::currencies().contains_key(w)))
        });
    if hyphen_unit {
        j += 1;
    }
    if let Some(n) = toks.get(j) {
        let two = toks
            .get(j + 1)
            .map(|m| format!("{} {}", n.lower, m.lower))
            .unwrap_or_default();
        if let Some(u) = lexicon::units().get(&two) {
            kind = Kind::of_dimension(&u.dimension);
            unit = Some(u.canonical.clone());
            j += 2;
        } else if let Some(u) = lexicon::units().get(n.lower.as_str()) {
            kind = Kind::of_dimension(&u.dimension);
            converted = (u.factor - 1.0).abs() > 1e-9;
            value *= u.factor;
            place *= u.factor;
            upper = upper.map(|top| top * u.factor);
            unit = Some(u.canonical.clone());
            j += 1;
        } else if currency.is_none() && n.kind == Tok::Word {
            if let Some(c) = lexicon::currencies().get(n.lower.as_str()) {
                currency = Some(c.clone());
                j += 1;
            }
        }
    }
    if let Some(c) = currency {
        kind = Kind::Money;
        unit = Some(c);
    }
    if matches!(word(toks, j), Some("or")) && matches!(word(toks, j + 1), Some("more")) {
        qualifier = Qualifier::AtLeast;
        j += 2;
    } else if matches!(word(toks, j), Some("plus")) || toks.get(j).is_some_and(|p| p.lower == "+") {
        qualifier = Qualifier::AtLeast;
        j += 1;
    } else if matches!(word(toks, j), Some("or")) && matches!(word(toks, j + 1), Some("so")) {
        qualifier = Qualifier::Approx;
        j += 2;
    }
    // "in the 350,000 range"
    if word(toks, j) == Some("range") {
        qualifier = Qualifier::Approx;
    }
    let noun = if kind == Kind::Count {
        // "four of 12 boys": a part counts what its whole counts.
        counted(toks, j).or_else(|| part_of(toks, j).and_then(|w| counted(toks, w)))
    } else {
        None
    };
    // "12 boys and their coach": the companion named after the counted group is one more,
    // and the count is of people, no longer of boys.
    let companion_end = noun.as_deref().and_then(|n| companion(toks, j, n));
    if let Some(end) = companion_end {
        value += 1.0;
        j = end;
    }
    // "as many as 70 villagers or more": "or more" after the counted noun makes the figure a
    // lower bound, whatever stood before it (the figure's span stays the number's).
    if noun.as_deref().is_some_and(|n| word(toks, j) == Some(n))
        && word(toks, j + 1) == Some("or")
        && word(toks, j + 2) == Some("more")
    {
        qualifier = Qualifier::AtLeast;
    }
    let what = if companion_end.is_some() {
        Some(canonical_word("people"))
    } else {
        noun.as_deref().map(canonical_word)
    };
    let end = toks
        .get(j.saturating_sub(1))
        .map_or(t.span.end, |e| e.span.end);
    let span = Span::new(toks[start].span.start, end.max(toks[start].span.end));
    Some((
        Figure {
            kind,
            value,
            place,
            upper,
            qualifier,
            unit,
            what,
            noun,
            outcome: None,
            converted,
            frame: Default::default(),
            span,
            text: text.get(span.range()).unwrap_or("").to_string(),
        },
        j,
    ))
}

/// The top of a range written with a dash between two numerals ("10-12", "40–85bn"), the
/// numeral before it ending at token `j`: its value (scale included), the scale it carries
/// (1 when none: "85bn" carries a billion) and the index after it. A score or tally whose
/// second number is the smaller ("won 3-2") is left to the caller, which keeps only a top
/// above the bottom.
fn range_top(toks: &[Token], j: usize) -> Option<(f64, f64, usize)> {
    let dash = toks.get(j)?;
    let second = toks.get(j + 1)?;
    let joined = matches!(dash.lower.as_str(), "-" | "–") && dash.glued && second.glued;
    if !joined || second.kind != Tok::Number {
        return None;
    }
    let (raw, _) = super::value::parse_numeral(&second.lower)?;
    let (top, _, end, vague) = value_at(toks, j + 1)?;
    if vague || raw <= 0.0 {
        return None;
    }
    Some((top, top / raw, end))
}

/// Where the counted words of the whole begin after a part ("four of 12 boys", "one of the
/// four boys": at "boys"), when the words at `j` name one.
fn part_of(toks: &[Token], j: usize) -> Option<usize> {
    if word(toks, j) != Some("of") {
        return None;
    }
    let k = if word(toks, j + 1) == Some("the") {
        j + 2
    } else {
        j + 1
    };
    let (_, _, end, vague) = value_at(toks, k)?;
    (!vague).then_some(end)
}

/// Determiners before a companion named after a counted group ("and their coach").
const COMPANION_DETERMINERS: &[&str] = &["their", "the", "his", "her"];

/// Words looked at after the determiner for the companion ("and their 25-year-old football
/// coach": five tokens, the hyphenated age's included).
const COMPANION_REACH: usize = 6;

/// "12 boys and their coach", "30 pupils and the teacher": one more person named after the
/// group a count counts (the word `noun`, from `j` on), a singular noun of people. The index
/// after that person's noun, or none. "12 boys and their parents" (plural) and "12 boys and
/// their kit" (no person) add no one.
fn companion(toks: &[Token], j: usize, noun: &str) -> Option<usize> {
    let k = (j..(j + 5).min(toks.len())).find(|&k| toks[k].lower == noun)?;
    if word(toks, k + 1) != Some("and")
        || !word(toks, k + 2).is_some_and(|d| COMPANION_DETERMINERS.contains(&d))
    {
        return None;
    }
    let (_, specific) = lexicon::people_nouns();
    for (m, t) in toks.iter().enumerate().skip(k + 3).take(COMPANION_REACH) {
        if t.kind != Tok::Word && t.kind != Tok::Number {
            if t.lower == "-" {
                continue;
            }
            return None;
        }
        let singular = t.kind == Tok::Word && !t.capital && !t.lower.ends_with('s');
        if singular && specific.contains(&canonical_word(&format!("{}s", t.lower))) {
            return Some(m + 1);
        }
    }
    None
}

/// True when the words at `j` name people or what befell them ("boys", "more deaths",
/// "injured officers"): a small written number before them is a count.
fn counts_people(toks: &[Token], j: usize) -> bool {
    let Some(noun) = counted(toks, j) else {
        return false;
    };
    let (general, specific) = lexicon::people_nouns();
    let w = canonical_word(&noun);
    general.contains(&w)
        || specific.contains(&w)
        || crate::model::facts::outcome::outcomes().contains_key(&noun)
}

/// The plural noun after an adjective that came first ("50 foreign divers": divers, not
/// foreign): the word after `k`, lowercase, no function word, ending in "s" where the word at
/// `k` does not.
///
/// Past two such words too ("three tired mine workers": workers), when the second is a
/// plain lowercase word that is no plural itself.
fn plural_after(toks: &[Token], k: usize, _from: usize) -> Option<String> {
    let w = &toks[k];
    if w.lower.ends_with('s') {
        return None;
    }
    let content = |n: &Token| {
        n.kind == Tok::Word && !n.capital && !lexicon::stopwords().contains(n.lower.as_str())
    };
    let plural = |n: &Token| {
        content(n) && n.lower.len() > 3 && n.lower.ends_with('s') && !n.lower.ends_with("ss")
    };
    let n = toks.get(k + 1).filter(|n| content(n))?;
    if plural(n) {
        return Some(n.lower.to_string());
    }
    if n.lower.ends_with('s') {
        return None;
    }
    toks.get(k + 2)
        .filter(|m| plural(m))
        .map(|m| m.lower.to_string())
}

/// The longest qualifier phrase ending just before token `i`.
fn qualifier_before(toks: &[Token], i: usize) -> Option<(Qualifier, usize)> {
    for (words, q) in lexicon::qualifiers() {
        let n = words.len();
        if i < n {
            continue;
        }
        let ok = words
            .iter()
            .enumerate()
            .all(|(k, w)| word(toks, i - n + k) == Some(w.as_str()));
        if ok {
            return Some((*q, i - n));
        }
    }
    None
}

/// What a count counts: the first lowercase content word after it, past names and adjectives
/// ("10,000 North Korean soldiers" -> troop); none for "3,000 of them" or "29 on Sunday".
fn counted(toks: &[Token], j: usize) -> Option<String> {
    for (k, t) in toks.iter().enumerate().skip(j).take(5) {
        if t.kind != Tok::Word {
            if t.lower == "-" {
                continue;
            }
            return None;
        }
        if t.lower == "of" {
            return None;
        }
        // "nine versus hundreds": a comparison, not what is counted.
        if matches!(t.lower.as_str(), "versus" | "vs") {
            return None;
        }
        // "had climbed to 31 Friday night": a day's or month's name ends the phrase, as "29
        // on Sunday" does; what follows it is a time, not what is counted.
        if dates::is_day_or_month(t) {
            return None;
        }
        if t.capital && demonym_plural(toks, k) {
            return Some("people".to_string());
        }
        if t.capital || NOT_COUNTED.contains(&t.lower.as_str()) {
            continue;
        }
        // A function word ends the phrase: "29 on Sunday", "34 from 16" count nothing.
        if lexicon::stopwords().contains(t.lower.as_str()) {
            return None;
        }
        return Some(plural_after(toks, k, j).unwrap_or_else(|| t.lower.to_string()));
    }
    None
}

/// True for a plural demonym after a count ("310 million Americans", "… Americans voted"):
/// people of that country. A demonym that is no plural is an adjective: "30 Dutch divers"
/// counts divers.
fn demonym_plural(toks: &[Token], k: usize) -> bool {
    use crate::model::lex::has;
    use crate::model::lexicon::demonyms;
    let single = toks[k].lower.strip_suffix('s').unwrap_or("");
    !single.is_empty() && has(demonyms(), single)
}
