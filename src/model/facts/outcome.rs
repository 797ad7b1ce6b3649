//! What happened to the people a count counts ("12 workers were killed", "nearly 40 people
//! were injured", "killing 12"): counts of people with different outcomes are different
//! quantities. The outcome words are data (`assets/outcomes.txt`).

use super::lexicon::{FastMap, FastSet};
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
    // Distance and outcome of the first outcome word met at the indexes `it` of `toks`,
    // before a stop; looking back, a comma ends the clause too ("100 people missing, and
    // 1,500 calls").
    let first = |it: &mut dyn Iterator<Item = usize>, back: bool| -> Option<(usize, String)> {
        for (d, k) in it.enumerate() {
            let t = &toks[k];
            if stops(t) || (back && t.lower == ",") {
                return None;
            }
            if let Some(o) = outcome_at(toks, k) {
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
        let after = first(&mut (at..toks.len()).take(AFTER), false);
        let before = first(&mut (0..start).rev().take(BEFORE), true);
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

/// The outcome the word at `k` names: a two-word form of the list (written with `_`:
/// "remains_of", where "remains" alone is a verb as often as the noun), else the word.
fn outcome_at(toks: &[Token], k: usize) -> Option<&'static String> {
    let table = outcomes();
    let t = toks.get(k)?;
    toks.get(k + 1)
        .filter(|_| pair_heads().contains(t.lower.as_str()))
        .and_then(|n| table.get(format!("{}_{}", t.lower, n.lower).as_str()))
        .or_else(|| table.get(t.lower.as_str()))
}

/// Every `w` for which some outcome key reads `w_…` (the part before each `_` of a key): a
/// word outside it opens no two-word outcome, and its pair key is never built (a string
/// per word looked at cost about 4 M instructions of `dossier sources` on 200 generated
/// articles).
fn pair_heads() -> &'static FastSet<String> {
    static CELL: OnceLock<FastSet<String>> = OnceLock::new();
    CELL.get_or_init(|| {
        outcomes()
            .keys()
            .flat_map(|k| k.match_indices('_').map(|(i, _)| k[..i].to_string()))
            .collect()
    })
}

/// The first outcome word looking back from `start`, before a stop (a number, ",", ";",
/// ":", "—"), at most [`BEFORE`] words.
fn outcome_before(toks: &[Token], start: usize) -> Option<String> {
    for k in (0..start).rev().take(BEFORE) {
        let t = &toks[k];
        let stop = t.kind == Tok::Number
            || (t.kind == Tok::Punct && matches!(t.lower.as_str(), ";" | ":" | "—"))
            || t.lower == ",";
        if stop {
            return None;
        }
        if let Some(o) = outcome_at(toks, k) {
            return Some(o.clone());
        }
    }
    None
}

/// The outcome named anywhere before token `start` in its sentence, nearest first, not past
/// another number: what a figure that points back ("put the number at 75") counts.
pub(super) fn named_before(toks: &[Token], start: usize) -> Option<String> {
    (0..start.min(toks.len()))
        .rev()
        .take_while(|&k| {
            toks[k].kind != Tok::Number
                && !super::lexicon::number_words().contains_key(toks[k].lower.as_str())
        })
        .find_map(|k| outcome_at(toks, k))
        .cloned()
}

/// The last outcome word of a run of tokens ("… to read out how many lives were lost":
/// dead): what a later count that points back at it ("the number he gave") counts.
pub fn last_named(toks: &[Token]) -> Option<String> {
    (0..toks.len())
        .rev()
        .find_map(|k| outcome_at(toks, k))
        .cloned()
}

/// What a quoted question asks the count of ("\"How many deaths can you confirm?\" she asked":
/// dead): the outcome named before its question mark, when no figure stands there. A bare
/// count that opens the answer right after it counts that (see the quantities).
pub fn asked_about(toks: &[Token]) -> Option<String> {
    let q = toks.iter().rposition(|t| t.lower == "?")?;
    named_before(toks, q)
}

/// "rescued four of 12 boys": a part and its whole. What befell the part is said before it
/// (the verb that takes "four of 12 boys" as its object). A word after the whole may tell of
/// the part ("12 of the 40 passengers died") or of the whole ("one of the four boys rescued
/// from the cave is …"): it is the whole's only when the sentence's verb follows it
/// ([`of_the_whole`]), else no one's (precision first: a part never conflicts with its
/// whole).
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
        part.outcome = outcome_before(toks, index(part.span.start));
        whole.outcome = whole
            .noun
            .as_deref()
            .and_then(|noun| of_the_whole(toks, index(whole.span.end), noun));
    }
}

/// Words looked at past the outcome after a whole for the sentence's verb ("one of the four
/// boys rescued from the flooded mine on Sunday is …": six).
const RELATIVE_REACH: usize = 6;

/// Verbs that carry a sentence whose subject names a part of a whole: after an outcome
/// word that follows the whole, they show that word describes the whole.
const MAIN_VERBS: &[&str] = &["is", "are", "was", "were", "has", "have", "had"];

/// "one of the six hikers rescued from the gorge is being treated": an outcome word right
/// after the whole's counted noun, with the sentence's own verb after it, describes the
/// whole (those boys were rescued); "12 of the 40 passengers died" has no verb after its
/// outcome word, which is the part's verb, and gives the whole nothing. `from` is the token
/// after the whole's number, `noun` its counted noun.
fn of_the_whole(toks: &[Token], from: usize, noun: &str) -> Option<String> {
    let n = (from..toks.len().min(from + 3)).find(|&k| toks[k].lower == noun)?;
    let o = outcome_at(toks, n + 1)?;
    let verb_after = toks[n + 2..]
        .iter()
        .take(RELATIVE_REACH)
        .take_while(|t| t.kind != Tok::Number && !matches!(t.lower.as_str(), "," | ";" | ":"))
        .any(|t| MAIN_VERBS.contains(&t.lower.as_str()));
    verb_after.then(|| o.clone())
}
