//! Clauses and their subjects: "Ortiz said A, while Lee called it “B”" holds two clauses
//! with a speaker each, and in "Ortiz hailed the vote, saying it was “a new start”" the
//! quote hangs on the subject of the main clause, whatever its verb.

use super::np::{self, Np, Phrase};
use super::words::{has, is_cap, is_filler, name_stopwords, speech_participles, word, Tok, Token};

/// True when token `i` opens a new clause with a subject of its own: a semicolon, or
/// "while", "whereas" or "but" after a comma ("…, while Lee called it …").
fn clause_break(text: &str, toks: &[Token], i: usize) -> bool {
    match toks[i].kind() {
        Tok::Punct(';') => true,
        Tok::Word => {
            i > 0
                && toks[i - 1].kind() == Tok::Punct(',')
                && matches!(
                    word(text, toks, i),
                    Some("while" | "whereas" | "but" | "While" | "Whereas")
                )
        }
        _ => false,
    }
}

/// The clause of tokens `lo..hi` that holds token `t`, cut at [`clause_break`]s: the
/// first token after the break up to the next break.
pub(crate) fn clause(text: &str, toks: &[Token], lo: usize, hi: usize, t: usize) -> (usize, usize) {
    // Bounded like the sentence window, so a run-on "sentence" of many quotes stays linear.
    let lo = lo.max(t.saturating_sub(REACH));
    let hi = hi.min(t + REACH);
    let start = (lo + 1..=t)
        .rev()
        .find(|&i| clause_break(text, toks, i))
        .map_or(lo, |i| i + 1);
    let end = (t + 1..hi)
        .find(|&i| clause_break(text, toks, i))
        .unwrap_or(hi);
    (start, end)
}

/// How far from its quote a clause or subject is looked for: twice the sentence window,
/// since a subject may stand a long aside before the quote (50 tokens on the dev
/// dossiers, "Cameron, whose voice …, said … “…”").
const REACH: usize = 2 * super::attribute::SENTENCE_WINDOW;

/// How many tokens an opening adverbial ("In a televised address,", "Speaking on
/// Monday,") may run before the subject: the longest such opener before a quote's
/// subject on the dev dossiers is 10 tokens ("Speaking about … programme,").
const OPENER_WINDOW: usize = 12;

/// How many tokens an aside in commas after the subject may run before its verb: the
/// longest relative clause between a speaker and the verb on the dev dossiers is 23
/// tokens; 30 leaves headroom and keeps the scan bounded.
pub(crate) const ASIDE_WINDOW: usize = 30;

/// Where the subject of a clause starting at `lo` starts: after an opening adverbial
/// ("In the press conference, he …"; "Speaking yesterday, Ortiz …").
fn subject_start(text: &str, toks: &[Token], lo: usize, t: usize) -> usize {
    let Some(first) = word(text, toks, lo) else {
        return lo;
    };
    let opener = has(name_stopwords(), first) && super::words::pronoun(first).is_none()
        || (first.ends_with("ing") && is_cap(first));
    if !opener {
        return lo;
    }
    (lo + 1..t.min(lo + OPENER_WINDOW))
        .find(|&i| toks[i].kind() == Tok::Punct(','))
        .map_or(lo, |c| c + 1)
}

/// The token after an aside that follows the subject ending at `last`: a relative clause
/// or description in commas ("Ortiz, who lives nearby, said"), or one that runs up to a
/// speech verb without its closing comma.
fn after_aside(text: &str, toks: &[Token], last: usize, t: usize) -> usize {
    let k = last + 1;
    if toks.get(k).map(|x| x.kind()) != Some(Tok::Punct(',')) {
        return k;
    }
    if let Some(end) = np::relative_clause_end(text, toks, k, t) {
        return end;
    }
    let opener = word(text, toks, k + 1);
    let described = opener.is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_digit()) || !is_cap(w) || matches!(w, "The" | "A")
    });
    if !described {
        return k;
    }
    for i in k + 1..t.min(k + ASIDE_WINDOW) {
        match toks[i].kind() {
            Tok::Punct('.' | '!' | '?' | ';' | ':') => return k,
            Tok::Punct(',') if word(text, toks, i + 1).is_some_and(|w| !is_cap(w)) => return i + 1,
            Tok::Word if np::is_verb(text, toks, i) => return i,
            _ => {}
        }
    }
    k
}

/// The subject of the clause `lo..` when quote token `t` hangs on it: the clause opens
/// with a name, a pronoun or a definite role, then (after any aside) a lower-case verb,
/// and no other clause or quote-introducing subject stands between that verb and the
/// quote ("Ortiz thanked the crews for acting with “calm”"; "Ortiz hailed the vote,
/// saying …"). A passive ("Ortiz was asked about “…”") hangs nothing on its subject.
pub(crate) fn subject(
    text: &str,
    toks: &[Token],
    lo: usize,
    hi: usize,
    t: usize,
) -> Option<Phrase> {
    // "Ortiz plan “a mistake,” expert says": an attribution after the quote, even one
    // that names nobody, takes precedence over the subject.
    let lo = lo.max(t.saturating_sub(REACH));
    let hi = hi.min(t + REACH);
    if (t + 1..hi).any(|i| np::is_verb(text, toks, i)) {
        return None;
    }
    let start = subject_start(text, toks, lo, t);
    let p = np::after(text, toks, start, t)?;
    if p.first != start || p.last >= t {
        return None;
    }
    // "One firefighter …", "Another, …": a determiner is no name, whatever its capital.
    let determiner = p.first == p.last && word(text, toks, p.first).is_some_and(np::is_determiner);
    if matches!(p.np, Np::Anon { .. }) || determiner {
        return None;
    }
    let mut v = after_aside(text, toks, p.last, t);
    while v < t && word(text, toks, v).is_some_and(is_filler) {
        v += 1;
    }
    let verb = word(text, toks, v)?;
    if v >= t || is_cap(verb) || !verb.chars().all(|c| c.is_alphabetic()) {
        return None;
    }
    let passive = matches!(verb, "was" | "were" | "is" | "are" | "been" | "being")
        || (verb.ends_with("ed") || verb == "told")
            && word(text, toks, v.saturating_sub(1))
                .is_some_and(|w| matches!(w, "was" | "were" | "is" | "are" | "been" | "being"));
    if passive {
        return None;
    }
    // A second subject with its own speech verb, or a relayed source, between verb and
    // quote takes the quote from this one.
    for i in v + 1..t {
        if np::is_verb(text, toks, i)
            && !word(text, toks, i).is_some_and(|w| has(speech_participles(), w))
            && np::before(text, toks, v + 1, i - 1).is_some()
        {
            return None;
        }
    }
    Some(p)
}

/// The name that opens a headline-style line with a colon ("Ruiz: flood 'worst in
/// decades'"), when quote token `t` comes after the colon.
pub(crate) fn opening_colon(text: &str, toks: &[Token], lo: usize, t: usize) -> Option<Phrase> {
    // A name of up to three words and its colon.
    let c = (lo + 1..t.min(lo + 4)).find(|&i| toks[i].kind() == Tok::Punct(':'))?;
    let p = np::before(text, toks, lo, c - 1)?;
    (p.first == lo && matches!(p.np, Np::Name(_))).then_some(p)
}

/// "Ana Ruiz, the envoy who launched the appeal by saying it was “a duty”, said on
/// Monday …": a quote in a relative clause ("who …") on the sentence's opening name, brought
/// in by that clause's own speech verb or participle, gives the name's words. The clause
/// must be active ("who was told “…”" heard the words), hold no other name before its
/// speech word (the speaker of "who met Lee, calling him “…”" is still the name, but "who
/// said Lee called it “…”" quotes Lee), and any speech verb after the quote must have no
/// subject of its own ("…”, Lee said" gives Lee).
pub(crate) fn relative_clause_speaker(
    text: &str,
    toks: &[Token],
    lo: usize,
    hi: usize,
    t: usize,
) -> Option<Phrase> {
    let lo = lo.max(t.saturating_sub(REACH));
    let hi = hi.min(t + REACH);
    let start = subject_start(text, toks, lo, t);
    let p = np::after(text, toks, start, t)?;
    if p.first != start || p.last + 2 >= t || !matches!(p.np, Np::Name(_)) {
        return None;
    }
    if toks[p.last + 1].kind() != Tok::Punct(',') {
        return None;
    }
    // Inside the aside, before the quote: "who", then a speech word, with no other quote,
    // clause end or capitalized word (another name) between "who" and the speech word.
    let aside = p.last + 2..t;
    let who = aside
        .clone()
        .find(|&i| word(text, toks, i) == Some("who"))?;
    let stop = |i: usize| {
        matches!(
            toks[i].kind(),
            Tok::Quote(_) | Tok::Punct('.' | '!' | '?' | ';' | ':')
        )
    };
    if aside.clone().any(stop) {
        return None;
    }
    let speech = (who + 1..t).find(|&i| {
        np::is_verb(text, toks, i)
            || word(text, toks, i).is_some_and(|w| has(speech_participles(), w))
    })?;
    let be = |i: usize| {
        word(text, toks, i)
            .is_some_and(|w| matches!(w, "was" | "were" | "is" | "are" | "been" | "being" | "be"))
    };
    if (who + 1..speech).any(|i| be(i) || word(text, toks, i).is_some_and(is_cap)) {
        return None;
    }
    // After the quote, a speech verb with a subject or object name of its own speaks.
    let named = |i: usize| word(text, toks, i).is_some_and(is_cap);
    if let Some(v) = (t + 1..hi).find(|&i| np::is_verb(text, toks, i)) {
        if (t + 1..v).any(named) || named(v + 1) || be(v - 1) {
            return None;
        }
    }
    Some(p)
}
