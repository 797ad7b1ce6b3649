//! What happened to the people a count counts ("12 workers were killed", "nearly 40 people
//! were injured", "killing 12"): counts of people with different outcomes are different
//! quantities. The outcome words are data (`assets/outcomes.txt`).

use super::lexicon::FastMap;
use super::tokens::{Tok, Token};
use super::{Figure, Kind};
use std::sync::OnceLock;

/// Outcome words to their outcome.
pub(super) fn outcomes() -> &'static FastMap<String, String> {
    static CELL: OnceLock<FastMap<String, String>> = OnceLock::new();
    CELL.get_or_init(|| super::lexicon::parse_groups(include_str!("../../../assets/outcomes.txt")))
}

/// Words looked at after a count ("12 workers were later confirmed killed").
const AFTER: usize = 7;
/// Words looked at before it ("killing 12", "the death toll rose to 14", "the number of
/// people injured by police on Sunday to 761": seven, as in that last pattern on the dev
/// dossiers).
const BEFORE: usize = 7;

/// Set the outcome of every count: the nearest outcome word within a few words of it in the
/// same clause (after it on a tie). Figures come in text order, so one pass suffices.
pub fn mark(figures: &mut [Figure], toks: &[Token]) {
    let table = outcomes();
    let stops = |t: &Token| {
        t.kind == Tok::Number
            || (t.kind == Tok::Punct && matches!(t.lower.as_str(), ";" | ":" | "—"))
    };
    // Distance and outcome of the first outcome word met in `it`, before a stop; looking
    // back, a comma ends the clause too ("100 people missing, and 1,500 calls").
    let first = |it: &mut dyn Iterator<Item = &Token>, back: bool| -> Option<(usize, String)> {
        for (d, t) in it.enumerate() {
            if stops(t) || (back && t.lower == ",") {
                return None;
            }
            if let Some(o) = table.get(t.lower.as_str()) {
                return Some((d, o.clone()));
            }
        }
        None
    };
    let mut at = 0;
    for f in figures.iter_mut() {
        // The first token after the figure (figures come in order).
        while at < toks.len() && toks[at].span.start < f.span.end {
            at += 1;
        }
        if f.kind != Kind::Count {
            continue;
        }
        let mut start = at;
        while start > 0 && toks[start - 1].span.end > f.span.start {
            start -= 1;
        }
        let after = first(&mut toks[at..].iter().take(AFTER), false);
        let before = first(&mut toks[..start].iter().rev().take(BEFORE), true);
        f.outcome = match (after, before) {
            (Some((da, a)), Some((db, b))) => Some(if db < da { b } else { a }),
            (a, b) => a.or(b).map(|x| x.1),
        };
        // "16 dead", "34 deaths", "63 killed": the word after the count says what befell
        // the people counted, it is not what is counted.
        if f.noun.as_ref().is_some_and(|n| table.contains_key(n)) {
            f.what = None;
            f.noun = None;
        }
    }
}

/// The first outcome word looking back through `it`, before a stop (a number, ",", ";",
/// ":", "—").
fn outcome_before<'a>(it: impl Iterator<Item = &'a Token>) -> Option<String> {
    for t in it {
        let stop = t.kind == Tok::Number
            || (t.kind == Tok::Punct && matches!(t.lower.as_str(), ";" | ":" | "—"))
            || t.lower == ",";
        if stop {
            return None;
        }
        if let Some(o) = outcomes().get(t.lower.as_str()) {
            return Some(o.clone());
        }
    }
    None
}

/// "rescued four of 12 boys": a part and its whole. What befell the part is said before it
/// (the verb that takes "four of 12 boys" as its object). A word after the whole may tell of
/// the part ("12 of the 40 passengers died") or of the whole ("one of the four boys rescued
/// from the cave"): it is no one's, and the whole keeps no outcome (precision first: a part
/// never conflicts with its whole).
pub fn parts_and_wholes(figures: &mut [Figure], toks: &[Token]) {
    let index = |at: usize| toks.partition_point(|t| t.span.start < at);
    for i in 1..figures.len() {
        let (before, rest) = figures.split_at_mut(i);
        let (part, whole) = (&mut before[i - 1], &mut rest[0]);
        if part.kind != Kind::Count || whole.kind != Kind::Count {
            continue;
        }
        let (pe, ws) = (index(part.span.end), index(whole.span.start));
        let between: Vec<&str> = toks[pe..ws].iter().map(|t| t.lower.as_str()).collect();
        if !matches!(between.as_slice(), ["of"] | ["of", "the"]) {
            continue;
        }
        part.outcome = outcome_before(toks[..index(part.span.start)].iter().rev().take(BEFORE));
        whole.outcome = None;
    }
}
