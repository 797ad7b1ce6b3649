//! Who an article credits with a claim: "according to …", "Pentagon officials said",
//! "U.S. estimates indicate", "a senior South Korean official".

use super::lexicon::{attribution_openers, FastSet};
use super::lexicon::{
    IN_ATTRIBUTION_HEADS, IN_ATTRIBUTION_MODIFIERS, IN_ATTRIBUTION_VERBS, IN_NUMBER_WORDS,
    IS_AUXILIARY, OPENS_ATTRIBUTION,
};
use super::tokens::{Tok, Token};
use super::Attribution;
use crate::model::lexicon::parse_list;
use crate::model::Span;
use std::sync::OnceLock;

/// Verbs that follow a source (`assets/attribution_verbs.txt`).
pub(super) fn verbs() -> &'static FastSet<String> {
    static CELL: OnceLock<FastSet<String>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse_list(include_str!("../../../assets/attribution_verbs.txt"))
            .into_iter()
            .collect()
    })
}

pub(super) fn modifiers() -> &'static FastSet<String> {
    static CELL: OnceLock<FastSet<String>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse_list(include_str!("../../../assets/attribution_modifiers.txt"))
            .into_iter()
            .collect()
    })
}

/// Every attribution phrase of a sentence, in order.
pub fn attributions(text: &str, toks: &[Token]) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(n) = opener_at(toks, i) {
            let from = i + n;
            let mut to = from;
            while to < toks.len() && to < from + 8 && toks[to].kind == Tok::Word {
                to += 1;
            }
            if to > from && holds_someone(toks, from, to, false) {
                push(&mut out, text, toks, from, to);
                i = to;
                continue;
            }
        }
        let t = &toks[i];
        // "has estimated" is a verb, not the head noun "estimated".
        // The lists are read from the token's bits (`lexicon::word_lists`), not looked up.
        let after_aux = i > 0 && toks[i - 1].lists & IS_AUXILIARY != 0;
        let is_head = t.lists & IN_ATTRIBUTION_HEADS != 0 && !after_aux;
        let is_verb = t.lists & IN_ATTRIBUTION_VERBS != 0 && i > 0;
        if is_head || is_verb {
            let mut k = if is_head { i } else { i - 1 };
            while is_verb && k > 0 && toks[k].lists & IS_AUXILIARY != 0 {
                k -= 1;
            }
            let last = k;
            let mut from = if is_head { i } else { k + 1 };
            let mut named = false;
            let mut j = if is_head { i } else { k + 1 };
            while j > 0 {
                let p = &toks[j - 1];
                // "the sheriff's office", "Spain's interior ministry": a possessive names
                // whose office it is.
                let possessive = p.lower.ends_with("'s") || p.lower.ends_with("’s");
                let modifier = p.lists & IN_ATTRIBUTION_MODIFIERS != 0;
                let fits = p.kind == Tok::Word
                    && (p.capital
                        || possessive
                        || modifier
                        || (p.lists & IN_ATTRIBUTION_HEADS != 0 && j - 1 == last));
                if !fits {
                    break;
                }
                named |= p.capital || possessive || modifier;
                j -= 1;
                from = j;
            }
            if is_head {
                named |= from < i;
            }
            // "a senior official": keep the article.
            if from > 0 && matches!(toks[from - 1].lower.as_str(), "a" | "an" | "the") {
                from -= 1;
            }
            let to = if is_head { i + 1 } else { last + 1 };
            let first_cap_only = from < to && toks[from].capital && to - from == 1 && from == 0;
            let pronoun_like = from < to
                && matches!(
                    toks[from].lower.as_str(),
                    "he" | "she" | "they" | "it" | "we" | "i" | "this" | "that"
                );
            if named
                && to > from
                && !pronoun_like
                && (is_verb || !first_cap_only)
                && holds_someone(toks, from, to, is_head && !is_verb)
            {
                push(&mut out, text, toks, from, to);
            }
        }
        i += 1;
    }
    out
}

/// True when `toks[from..to]` can name who holds a figure: not, for a head noun with no
/// speech verb (`bare_head`), a count of people ("three police", "Eleven officers": the
/// figure's own noun phrase; "two officials said" keeps its count), not "an estimated"
/// before a figure, not a modifier of what is counted ("the official death toll"), and with
/// a word past its determiners (never a bare "The").
fn holds_someone(toks: &[Token], from: usize, to: usize, bare_head: bool) -> bool {
    let numberish = |t: &Token| t.kind == Tok::Number || t.lists & IN_NUMBER_WORDS != 0;
    let determiner = |t: &Token| matches!(t.lower.as_str(), "a" | "an" | "the");
    let counted = bare_head
        && (toks[from..to].iter().any(numberish) || (from > 0 && numberish(&toks[from - 1])));
    // "The official death toll", "police officers": a head before the noun of what is
    // counted or measured modifies it; it names no one.
    let modifier = bare_head
        && toks.get(to).is_some_and(|n| {
            n.kind == Tok::Word
                && !n.capital
                && (super::outcome::outcomes().contains_key(n.lower.as_str())
                    || super::frame::measure_word(&n.lower)
                    || {
                        let (general, specific) = super::lexicon::people_nouns();
                        let w = super::canonical_word(&n.lower);
                        general.contains(&w) || specific.contains(&w)
                    })
        });
    let hedge = determiner(&toks[from]) && toks.get(to).is_some_and(numberish);
    let content = toks[from..to]
        .iter()
        .any(|t| !determiner(t) && !numberish(t));
    !counted && !modifier && !hedge && content
}

fn opener_at(toks: &[Token], i: usize) -> Option<usize> {
    // Most words open no phrase: their bit says so without comparing every phrase.
    if toks.get(i).is_none_or(|t| t.lists & OPENS_ATTRIBUTION == 0) {
        return None;
    }
    attribution_openers().iter().find_map(|words| {
        let ok = words
            .iter()
            .enumerate()
            .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.lower == w));
        ok.then_some(words.len())
    })
}

fn push(out: &mut Vec<Attribution>, text: &str, toks: &[Token], from: usize, to: usize) {
    let span = Span::new(toks[from].span.start, toks[to - 1].span.end);
    // Kept spans never overlap, so only the last one starting before this one ends can
    // overlap it: a binary search, not a scan of every attribution of the sentence.
    let n = out.partition_point(|a| a.span.start < span.end);
    crate::model::work::step(1 + (usize::BITS - out.len().leading_zeros()) as usize);
    if n > 0 && out[n - 1].span.overlaps(span) {
        return;
    }
    out.insert(
        n,
        Attribution {
            span,
            text: text.get(span.range()).unwrap_or("").to_string(),
        },
    );
}
