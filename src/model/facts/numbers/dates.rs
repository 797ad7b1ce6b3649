//! Dates named by weekday or month: "Monday", "October 30, 2024", "Oct. 30" (day-first
//! dates, "30 October", are found from their number).

use super::simple;
use crate::model::facts::tokens::{Tok, Token};
use crate::model::facts::{Figure, Kind};

/// Month names (in calendar order), then their abbreviations.
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

/// The month (1–12) of a month's name or abbreviation in [`MONTHS`] ("sept" -> 9): the
/// full name its first three letters begin.
pub(crate) fn month(w: &str) -> Option<i8> {
    let head = w.get(..3).filter(|_| MONTHS.contains(&w))?;
    let i = MONTHS[..12].iter().position(|m| m.starts_with(head))?;
    i8::try_from(i + 1).ok()
}

/// A month's name, capitalized: "October", "Oct".
pub(super) fn is_month(t: &Token) -> bool {
    t.kind == Tok::Word && t.capital && MONTHS.contains(&t.lower.as_str())
}

/// A weekday's or a month's name, capitalized: what starts there is a date or no figure.
pub(super) fn is_day_or_month(t: &Token) -> bool {
    let l = t.lower.as_str();
    t.kind == Tok::Word && t.capital && (WEEKDAYS.contains(&l) || MONTHS.contains(&l))
}

/// The date named by the weekday or month at token `i`, and the index after it; none for
/// a month without its day.
pub(super) fn named_date(text: &str, toks: &[Token], i: usize) -> Option<(Figure, usize)> {
    let t = toks.get(i)?;
    if WEEKDAYS.contains(&t.lower.as_str()) {
        let idx = WEEKDAYS.iter().position(|d| *d == t.lower).unwrap_or(0);
        return Some((simple(text, toks, i, i + 1, Kind::Date, idx as f64), i + 1));
    }
    if toks.get(i + 1).is_some_and(|n| n.kind == Tok::Number) {
        let mut end = i + 2;
        if toks.get(end).is_some_and(|c| c.lower == ",")
            && toks
                .get(end + 1)
                .is_some_and(|y| y.kind == Tok::Number && y.lower.len() == 4)
        {
            end += 2;
        }
        return Some((simple(text, toks, i, end, Kind::Date, 0.0), end));
    }
    // "Oct. 30" keeps its dot out of the lexer's way: the dot is punctuation.
    if toks.get(i + 1).is_some_and(|d| d.lower == ".")
        && toks.get(i + 2).is_some_and(|n| n.kind == Tok::Number)
    {
        return Some((simple(text, toks, i, i + 3, Kind::Date, 0.0), i + 3));
    }
    None
}

#[cfg(test)]
mod month_tests {
    use super::month;

    /// Names and abbreviations number their month; a word that merely starts like one
    /// ("marching") is none.
    #[test]
    fn month_numbers() {
        for (w, n) in [
            ("january", 1),
            ("may", 5),
            ("sept", 9),
            ("sep", 9),
            ("oct", 10),
            ("dec", 12),
        ] {
            assert_eq!(month(w), Some(n), "{w}");
        }
        assert_eq!(month("marching"), None);
        assert_eq!(month("ma"), None);
    }
}
