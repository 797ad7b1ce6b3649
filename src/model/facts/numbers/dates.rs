//! Dates named by weekday or month: "Monday", "October 30, 2024", "Oct. 30" (day-first
//! dates, "30 October", are found from their number).

use super::simple;
use crate::model::date::{self, DayToken};
use crate::model::facts::tokens::{Tok, Token};
use crate::model::facts::{Figure, Kind};

/// The facts lexer's tokens, as the model's date parser reads them.
impl DayToken for Token {
    fn lower(&self) -> &str {
        &self.lower
    }
    fn is_number(&self) -> bool {
        self.kind == Tok::Number
    }
    fn capital(&self) -> bool {
        self.kind == Tok::Word && self.capital
    }
}

/// A month's name, capitalized: "October", "Oct".
pub(super) fn is_month(t: &Token) -> bool {
    t.kind == Tok::Word && t.capital && date::month(&t.lower).is_some()
}

/// A weekday's or a month's name, capitalized: what starts there is a date or no figure.
pub(super) fn is_day_or_month(t: &Token) -> bool {
    t.kind == Tok::Word && t.capital && date::is_day_or_month(&t.lower)
}

/// The date named by the weekday or month at token `i`, and the index after it; none for
/// a month without its day.
pub(super) fn named_date(text: &str, toks: &[Token], i: usize) -> Option<(Figure, usize)> {
    let t = toks.get(i)?;
    if let Some(day) = date::weekday(&t.lower) {
        return Some((
            simple(text, toks, i, i + 1, Kind::Date, f64::from(day)),
            i + 1,
        ));
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
