//! "The company said": a role noun of an organisation ("the company", "the Atlanta-based
//! firm") stands for the organisation the article introduced before it, either as the
//! subject of a sentence ("Acme said", "Acme disclosed") or in apposition ("Acme, a
//! large retailer, …"). A lone capitalised word counts only when the window also writes it
//! capitalised inside a sentence (so "Hackers accessed" is no organisation), and only one
//! organisation may be in view: two and the pass says nothing.

use super::attribute::Ctx;
use super::np::{Np, Phrase};
use super::words::{
    has, is_cap, name_stopwords, organisation_nouns, places, strip_possessive, titles, Tok, Token,
};
use crate::model::people::names::{self, NameKind};
use crate::model::people::Registry;

/// How many paragraphs back the organisation may be named. On the dev dossiers the
/// organisation is named as a subject in the opening paragraphs and called "the company"
/// up to 13 paragraphs later; 16 keeps one short article in view and bounds the work per
/// quote.
const LOOKBACK_PARAS: usize = 16;

/// How many tokens back the look-back reads at most, so a long one-paragraph page costs
/// a bounded amount per quote: a dev article is about 2,000 characters (well under 1,500
/// tokens), so the bound never cuts a dev look-back.
const LOOKBACK_TOKENS: usize = 1500;

/// How many tokens an apposition may take to reach its noun ("Acme, a major credit
/// reporting company"): the longest on the dev dossiers holds 5 words.
const APPOSITION_WORDS: usize = 6;

/// True for a definite phrase whose head names an organisation ("the company").
pub(crate) fn is_org_noun(p: &Phrase) -> bool {
    let Np::Name(parsed) = &p.np else {
        return false;
    };
    let first = parsed.words.first().map(String::as_str);
    parsed.kind == NameKind::Institution
        && matches!(first, Some("the" | "The"))
        && parsed
            .words
            .last()
            .is_some_and(|w| !is_cap(w) && has(organisation_nouns(), w))
}

/// The words of the one organisation named in the paragraphs before `pos`, if one.
pub(crate) fn antecedent(ctx: &Ctx, reg: &Registry, pi: usize, pos: usize) -> Option<Vec<String>> {
    let text = ctx.article.text.as_str();
    let mut found: Vec<Vec<String>> = Vec::new();
    let mut inside: Vec<String> = Vec::new();
    let mut budget = LOOKBACK_TOKENS;
    for para in ctx.paras[pi.saturating_sub(LOOKBACK_PARAS)..=pi]
        .iter()
        .rev()
        .flatten()
    {
        let toks = &para.toks;
        let end = toks.partition_point(|t| t.start() < pos);
        let start = end.saturating_sub(budget);
        scan(text, &toks[start..end], reg, &mut found, &mut inside);
        budget -= end - start;
        if budget == 0 {
            break;
        }
    }
    found.retain(|ws| ws.len() > 1 || inside.iter().any(|w| w.eq_ignore_ascii_case(&ws[0])));
    found.dedup_by(|a, b| a.join(" ").eq_ignore_ascii_case(&b.join(" ")));
    let first = found.first()?;
    let same = |ws: &Vec<String>| ws.join(" ").eq_ignore_ascii_case(&first.join(" "));
    found.iter().all(same).then(|| first.clone())
}

/// Gather the organisations introduced in `toks` into `found`, and the capitalised words
/// written inside a sentence into `inside`.
fn scan(
    text: &str,
    toks: &[Token],
    reg: &Registry,
    found: &mut Vec<Vec<String>>,
    inside: &mut Vec<String>,
) {
    let word = |i: usize| super::words::word(text, toks, i);
    let mut i = 0;
    while i < toks.len() {
        if !word(i).is_some_and(is_cap) {
            i += 1;
            continue;
        }
        let mut j = i;
        while word(j + 1).is_some_and(is_cap) && !strip_possessive(word(j).unwrap_or("")).1 {
            j += 1;
        }
        let opens = i == 0
            || matches!(toks[i - 1].kind(), Tok::Punct(c) if matches!(c, '.' | '!' | '?' | ':'))
            || matches!(toks[i - 1].kind(), Tok::Quote(_));
        // Every word of the run but a sentence's first is written inside a sentence.
        let from = if opens { i + 1 } else { i };
        inside.extend(
            (from..=j)
                .filter_map(&word)
                .map(|x| strip_possessive(x).0.to_string()),
        );
        let clause_start = opens || toks[i - 1].kind() == Tok::Punct(',');
        let subject = word(j + 1).is_some_and(|v| {
            !is_cap(v) && v.len() >= 4 && (v.ends_with('s') || v.ends_with("ed") || v == "said")
        });
        let apposition = toks.get(j + 1).is_some_and(|t| t.kind() == Tok::Punct(','))
            && matches!(word(j + 2), Some("a" | "an"))
            && (j + 3..j + 3 + APPOSITION_WORDS)
                .map_while(&word)
                .any(|x| has(organisation_nouns(), x) || x == "agency");
        let possessive = strip_possessive(word(j).unwrap_or("")).1;
        if clause_start && !possessive && (subject || apposition) {
            let ws: Vec<&str> = (i..=j).filter_map(&word).collect();
            if let Some(o) = organisation(&ws, reg) {
                found.push(o);
            }
        }
        i = j + 1;
    }
}

/// The run as an organisation's name: a proper institution ("Acme Corp."), or one
/// capitalised word that names no known person, place or title ("Acme").
fn organisation(ws: &[&str], reg: &Registry) -> Option<Vec<String>> {
    let parsed = names::parse(ws)?;
    let owned = || ws.iter().map(|w| (*w).to_string()).collect();
    match parsed.kind {
        NameKind::Institution => ws.last().is_some_and(|w| is_cap(w)).then(owned),
        NameKind::Person => {
            let [w] = ws else { return None };
            let plain = !has(places(), w)
                && !has(titles(), w)
                && !has(name_stopwords(), w)
                && !reg.is_person_word(w);
            plain.then(owned)
        }
    }
}
