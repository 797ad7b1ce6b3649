//! Figures in text: numerals and written numbers with their scale, unit or currency,
//! qualifier and the noun they count; dates, years, times, ages and magnitudes apart.

use super::lexicon::{self, NumberWord, Qualifier};
use super::tokens::{Tok, Token};
use super::{canonical_word, Figure, Kind};
use crate::model::Span;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
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

/// The value of a numeral as written: "10,000" -> 10000, "2,40,000" -> 240000, "3.5" -> 3.5;
/// with the place of its last significant digit (10,000 -> 10000, 2,527 -> 1, 3.5 -> 0.1).
pub fn parse_numeral(s: &str) -> Option<(f64, f64)> {
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let (int, frac) = if dots > 1 && commas == 0 {
        // "1.000.000": dots group thousands.
        (s.replace('.', ""), String::new())
    } else {
        let int_frac: Vec<&str> = s.splitn(2, '.').collect();
        let int = int_frac.first().copied().unwrap_or("");
        let groups: Vec<&str> = int.split(',').collect();
        // Grouping: groups after the first have 2 or 3 digits, the last 3 (Western or Indian).
        let grouped = groups.len() == 1
            || (groups.last().is_some_and(|g| g.len() == 3)
                && groups[1..].iter().all(|g| g.len() == 2 || g.len() == 3));
        if !grouped {
            return None;
        }
        (
            groups.concat(),
            int_frac.get(1).map(|f| f.to_string()).unwrap_or_default(),
        )
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: f64 = if frac.is_empty() {
        int.parse().ok()?
    } else {
        format!("{int}.{frac}").parse().ok()?
    };
    let place = if !frac.is_empty() {
        10f64.powi(-(frac.len().min(12) as i32))
    } else {
        let trimmed = int.trim_start_matches('0');
        let zeros = trimmed.len() - trimmed.trim_end_matches('0').len();
        if trimmed.is_empty() {
            1.0
        } else {
            10f64.powi(zeros.min(trimmed.len() - 1).min(15) as i32)
        }
    };
    Some((value, place))
}

/// Find every figure in a token stream; `text` is the article the spans refer to.
pub fn figures(text: &str, toks: &[Token]) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match figure_at(text, toks, i) {
            Some((f, next)) => {
                out.push(f);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

fn word(toks: &[Token], i: usize) -> Option<&str> {
    toks.get(i)
        .filter(|t| t.kind == Tok::Word)
        .map(|t| t.lower.as_str())
}

fn is_month(t: &Token) -> bool {
    t.kind == Tok::Word && t.capital && MONTHS.contains(&t.lower.as_str())
}

/// The numeric value starting at token `i`: (value, place, first token after, vague).
fn value_at(toks: &[Token], i: usize) -> Option<(f64, f64, usize, bool)> {
    let t = toks.get(i)?;
    let words = lexicon::number_words();
    if t.kind == Tok::Number {
        let (v, place) = parse_numeral(&t.lower)?;
        let mut j = i + 1;
        let (mut v, mut place) = (v, place);
        if let Some(n) = toks.get(j) {
            // A scale: "3.5 million", "264m", "2bn", "10k".
            if let Some(NumberWord::Scale(s)) =
                (n.kind == Tok::Word).then(|| words.get(&n.lower)).flatten()
            {
                let short = n.lower.len() <= 2;
                if !short || n.glued {
                    v *= s;
                    place *= s;
                    j += 1;
                }
            }
        }
        return Some((v, place, j, false));
    }
    if t.kind != Tok::Word {
        return None;
    }
    // "a dozen", "a thousand"
    let mut j = i;
    if t.lower == "a" || t.lower == "an" {
        match toks.get(i + 1).and_then(|n| words.get(&n.lower)) {
            Some(NumberWord::Scale(_)) | Some(NumberWord::Value(_))
                if toks[i + 1].lower.len() > 2 =>
            {
                j = i + 1
            }
            _ => return None,
        }
    }
    // Vague plurals: "hundreds of thousands".
    if let Some(NumberWord::Vague(v)) = words.get(&toks[j].lower) {
        let mut v = *v;
        let mut k = j + 1;
        while word(toks, k) == Some("of") {
            match toks.get(k + 1).and_then(|n| words.get(&n.lower)) {
                Some(NumberWord::Vague(m)) | Some(NumberWord::Scale(m))
                    if toks[k + 1].lower.len() > 2 =>
                {
                    v *= m;
                    k += 2;
                }
                _ => break,
            }
        }
        return Some((v, v, k, true));
    }
    let (mut total, mut current, mut any) = (0.0f64, 0.0f64, false);
    let mut place = 1.0;
    let mut k = j;
    while let Some(tk) = toks.get(k) {
        if tk.kind == Tok::Punct && tk.lower == "-" && any {
            k += 1;
            continue;
        }
        if tk.kind == Tok::Word && tk.lower == "and" && any {
            let more = toks
                .get(k + 1)
                .is_some_and(|n| matches!(words.get(&n.lower), Some(NumberWord::Value(_))));
            if more {
                k += 1;
                continue;
            }
            break;
        }
        if tk.kind != Tok::Word || tk.lower.len() <= 2 {
            break;
        }
        match words.get(&tk.lower) {
            Some(NumberWord::Value(v)) => {
                current += v;
                place = if *v >= 10.0 && v % 10.0 == 0.0 {
                    10.0
                } else {
                    1.0
                };
            }
            Some(NumberWord::Scale(s)) => {
                let base = if current == 0.0 { 1.0 } else { current };
                if *s == 100.0 {
                    current = base * 100.0;
                } else {
                    total += base * s;
                    current = 0.0;
                }
                place = *s;
            }
            _ => break,
        }
        any = true;
        k += 1;
    }
    if !any {
        return None;
    }
    // Trim a trailing hyphen or "and" we stepped over.
    while k > j && toks[k - 1].kind != Tok::Word {
        k -= 1;
    }
    Some((total + current, place, k, false))
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

/// The figure starting at token `i`, and the index after it.
fn figure_at(text: &str, toks: &[Token], i: usize) -> Option<(Figure, usize)> {
    let t = toks.get(i)?;
    // Weekdays and month-first dates.
    if t.kind == Tok::Word && t.capital && WEEKDAYS.contains(&t.lower.as_str()) {
        let idx = WEEKDAYS.iter().position(|d| *d == t.lower).unwrap_or(0);
        return Some((simple(text, toks, i, i + 1, Kind::Date, idx as f64), i + 1));
    }
    if is_month(t) && toks.get(i + 1).is_some_and(|n| n.kind == Tok::Number) {
        let mut end = i + 2;
        if toks.get(end).is_some_and(|c| c.lower == ",")
            && toks
                .get(end + 1)
                .is_some_and(|y| y.kind == Tok::Number && y.lower.len() == 4)
        {
            end += 2;
        }
        // "Oct. 30" keeps its dot out of the lexer's way: the dot is punctuation.
        return Some((simple(text, toks, i, end, Kind::Date, 0.0), end));
    }
    if t.kind == Tok::Word && t.capital && MONTHS.contains(&t.lower.as_str()) {
        if toks.get(i + 1).is_some_and(|d| d.lower == ".")
            && toks.get(i + 2).is_some_and(|n| n.kind == Tok::Number)
        {
            return Some((simple(text, toks, i, i + 3, Kind::Date, 0.0), i + 3));
        }
        return None;
    }
    // A currency sign before the number.
    let (mut currency, num_i) = match t.kind {
        Tok::Sign if t.lower != "%" => (lexicon::currencies().get(&t.lower).cloned(), i + 1),
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
    if is_digit && value <= 31.0 && toks.get(j).is_some_and(is_month) {
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
    // Bare small written numbers ("one of", "two") are too common to be figures.
    if !is_digit && !vague && value < 10.0 && !first.lower.starts_with('a') {
        let unit_follows = toks
            .get(j)
            .is_some_and(|n| lexicon::units().contains_key(&n.lower));
        if !unit_follows {
            return None;
        }
    }
    // Qualifier before (and after: "or more", "plus").
    let (mut qualifier, mut start) = match qualifier_before(toks, i) {
        Some((q, s)) => (q, s),
        None => (Qualifier::Exact, i),
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
    if let Some(n) = toks.get(j) {
        let two = toks
            .get(j + 1)
            .map(|m| format!("{} {}", n.lower, m.lower))
            .unwrap_or_default();
        if let Some(u) = lexicon::units().get(&two) {
            kind = Kind::of_dimension(&u.dimension);
            unit = Some(u.canonical.clone());
            j += 2;
        } else if let Some(u) = lexicon::units().get(&n.lower) {
            kind = Kind::of_dimension(&u.dimension);
            converted = (u.factor - 1.0).abs() > 1e-9;
            value *= u.factor;
            place *= u.factor;
            unit = Some(u.canonical.clone());
            j += 1;
        } else if currency.is_none() && n.kind == Tok::Word {
            if let Some(c) = lexicon::currencies().get(&n.lower) {
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
        counted(toks, j)
    } else {
        None
    };
    let what = noun.as_deref().map(canonical_word);
    let end = toks
        .get(j.saturating_sub(1))
        .map_or(t.span.end, |e| e.span.end);
    let span = Span::new(toks[start].span.start, end.max(toks[start].span.end));
    Some((
        Figure {
            kind,
            value,
            place,
            qualifier,
            unit,
            what,
            noun,
            outcome: None,
            converted,
            span,
            text: text.get(span.range()).unwrap_or("").to_string(),
        },
        j,
    ))
}

/// What a count counts: the first lowercase content word after it, past names and adjectives
/// ("10,000 North Korean soldiers" -> troop); none for "3,000 of them".
fn counted(toks: &[Token], j: usize) -> Option<String> {
    for t in toks.iter().skip(j).take(5) {
        if t.kind != Tok::Word {
            if t.lower == "-" {
                continue;
            }
            return None;
        }
        if t.lower == "of" {
            return None;
        }
        if t.capital || NOT_COUNTED.contains(&t.lower.as_str()) {
            continue;
        }
        return Some(t.lower.clone());
    }
    None
}

/// A figure of a kind that carries no qualifier or counted noun (dates, times, ages).
fn simple(text: &str, toks: &[Token], from: usize, to: usize, kind: Kind, value: f64) -> Figure {
    let start = toks.get(from).map_or(0, |t| t.span.start);
    let end = toks
        .get(to.saturating_sub(1).max(from))
        .map_or(start, |t| t.span.end);
    let span = Span::new(start, end.max(start));
    Figure {
        kind,
        value,
        place: 1.0,
        qualifier: Qualifier::Exact,
        unit: None,
        what: None,
        noun: None,
        outcome: None,
        converted: false,
        span,
        text: text.get(span.range()).unwrap_or("").to_string(),
    }
}
