//! Figures in text: numerals and written numbers with their scale, unit or currency,
//! qualifier and the noun they count; dates, years, times, ages and magnitudes apart.
//!
//! The value of a numeral or of written numbers is read in `value`, dates named by weekday
//! or month in `dates`, and the figure around a value (its kind, qualifier, unit and
//! counted noun) is assembled in `figure`.

mod dates;
mod figure;
mod value;

pub use value::parse_numeral;

use super::lexicon::Qualifier;
use super::tokens::{Tok, Token};
use super::{Figure, Kind};
use crate::model::Span;

/// Find every figure in a token stream; `text` is the article the spans refer to.
pub fn figures(text: &str, toks: &[Token]) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        // A mark, or a lowercase word that opens no value, starts no figure (a capitalized
        // word may: a month's name, "US$"). Asked here, most tokens of a sentence are passed
        // over without the figure rules (35.8 M of the 900 M instructions of `dossier
        // sources` on 200 generated articles went to asking them at every token).
        let never = match t.kind {
            Tok::Punct => true,
            Tok::Word => !t.capital && !value::word_may_open(t),
            Tok::Number | Tok::Sign => false,
        };
        if never {
            i += 1;
            continue;
        }
        match figure::figure_at(text, toks, i) {
            Some((f, next)) => {
                out.push(f);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// The lowercased word at token `i`, if it is a word.
pub(super) fn word(toks: &[Token], i: usize) -> Option<&str> {
    toks.get(i)
        .filter(|t| t.kind == Tok::Word)
        .map(|t| t.lower.as_str())
}

/// A figure of a kind that carries no qualifier or counted noun (dates, times, ages).
pub(super) fn simple(
    text: &str,
    toks: &[Token],
    from: usize,
    to: usize,
    kind: Kind,
    value: f64,
) -> Figure {
    let start = toks.get(from).map_or(0, |t| t.span.start);
    let end = toks
        .get(to.saturating_sub(1).max(from))
        .map_or(start, |t| t.span.end);
    let span = Span::new(start, end.max(start));
    Figure {
        kind,
        value,
        place: 1.0,
        upper: None,
        qualifier: Qualifier::Exact,
        unit: None,
        what: None,
        noun: None,
        outcome: None,
        converted: false,
        frame: Default::default(),
        span,
        text: text.get(span.range()).unwrap_or("").to_string(),
    }
}

#[cfg(test)]
mod tests;
