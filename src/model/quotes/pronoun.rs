//! Pronouns: "he said" names the one person the text has just been talking about, and
//! nobody when two are in play.

use super::attribute::{Ctx, SENTENCE_WINDOW};
use super::np::Phrase;
use super::words::{has, is_oblique, pronoun, reply_verbs, Pronoun, Tok, Token};
use crate::model::people::names::NameKind;
use crate::model::people::{Gender, Registry, SpeakerKind};

/// How many sentences back a pronoun may look for its person.
const PRONOUN_WINDOW: usize = 4;

/// How many sentences opening with the same pronoun ("He left. He spoke.") a pronoun may
/// step over beyond the window: one paragraph of a single "He …" sentence between the
/// quote and the named person is the pattern seen on the dev dossiers; two bounds it.
const CHAIN_SENTENCES: usize = 2;

/// The person a pronoun refers to: the one person named as a non-oblique mention in the
/// nearest sentence that names anyone, looking back a few sentences; None when that
/// sentence names two or more (a wrong name is worse than none).
pub(crate) fn referent(
    ctx: &Ctx,
    reg: &Registry,
    pi: usize,
    p: &Phrase,
    pr: Pronoun,
) -> Option<usize> {
    let g = gender(pr)?;
    let text = ctx.article.text.as_str();
    let agrees = |e: &usize| reg.ents[*e].agrees(g);
    // "“Nine,” he replied": the verb after the pronoun, to tell an answer.
    let replies = ctx.paras[pi]
        .as_ref()
        .and_then(|x| super::words::word(text, &x.toks, p.last + 1))
        .is_some_and(|w| has(reply_verbs(), w));
    let mut budget = PRONOUN_WINDOW + 1;
    let mut cur_pi = pi;
    let Some(Some(para)) = ctx.paras.get(pi) else {
        return None;
    };
    let mut s = para.sentence_of(p.first) as isize;
    let mut limit = Some(p.first);
    let mut paras_back = 0;
    // "… the minister said. He left at noon. “…,” he said": a sentence that opens with the
    // same pronoun and names no one carries the chain back without using the window.
    let mut chain = CHAIN_SENTENCES;
    let mut chained = false;
    while budget > 0 {
        let Some(Some(para)) = ctx.paras.get(cur_pi) else {
            return None;
        };
        if s < 0 {
            // Step back to the previous story paragraph.
            if chained {
                chained = false;
            } else {
                paras_back += 1;
            }
            if paras_back > 2 || cur_pi == 0 {
                return None;
            }
            cur_pi -= 1;
            while cur_pi > 0 && ctx.paras[cur_pi].is_none() {
                cur_pi -= 1;
            }
            match &ctx.paras[cur_pi] {
                Some(pp) => s = pp.sentence_count() as isize - 1,
                None => return None,
            }
            continue;
        }
        let (lo, hi) = para.sentence(s as usize)?;
        // The pronoun's own sentence, cut before it (its opening words are no subject the
        // pronoun could stand for: "Throughout its history, he said, …").
        let own = limit.take();
        let hi = own.map_or(hi, |l| l.min(hi));
        // "“How many?” Lee asked the governor, Ana Ruiz. “Nine,” she replied": an answer
        // comes from the one asked, never the one asking; nobody when the one asked is
        // not a known person.
        if replies && asks(text, &para.toks, lo, hi).is_some() {
            return addressee(text, ctx.aid, reg, &para.toks, lo, hi).filter(agrees);
        }
        let people = mentions(text, ctx.aid, reg, &para.toks, lo, hi);
        // "she said" after a sentence about a man is not his: only people the texts do
        // not tell of another gender are candidates.
        let fitting: Vec<usize> = people.iter().copied().filter(agrees).collect();
        // "Tom Okafor was more philosophical. “…,” he said": someone named here whom the
        // dossier does not know may be the one meant; a known person, in this sentence or
        // before it, is no safer guess than nobody.
        if own.is_none()
            && fitting.len() <= 1
            && names_stranger(text, ctx.aid, reg, &para.toks, lo, hi, g)
        {
            return None;
        }
        if !people.is_empty() && fitting.is_empty() {
            budget -= 1;
            s -= 1;
            continue;
        }
        match fitting.as_slice() {
            [] => {
                // "The Catalan president condemned it. “…,” he said": a role as subject.
                if let Some(e) = role_subject(text, ctx.aid, reg, &para.toks, lo, hi).filter(agrees)
                {
                    return Some(e);
                }
                let opens_same = para.toks.get(lo).is_some_and(|t| {
                    t.kind() == Tok::Word && pronoun(&text[t.start()..t.end()]) == Some(pr)
                });
                if opens_same && chain > 0 {
                    chain -= 1;
                    chained = true;
                    s -= 1;
                    continue;
                }
            }
            [one] => return Some(*one),
            // "Brown said Lee called him. “…,” he said": the one who spoke in the
            // sentence before goes on speaking; otherwise nobody can tell.
            many => {
                return speaking_subject(text, ctx.aid, reg, &para.toks, lo, hi)
                    .filter(|e| many.contains(e))
            }
        }
        budget -= 1;
        s -= 1;
    }
    None
}

/// The gender a pronoun tells ("he", "she"); None for "they" and "it".
pub(crate) fn gender(pr: Pronoun) -> Option<Gender> {
    match pr {
        Pronoun::He => Some(Gender::Male),
        Pronoun::She => Some(Gender::Female),
        Pronoun::They | Pronoun::It => None,
    }
}

/// The distinct persons named as subjects or objects (not after a preposition) in tokens
/// `lo..hi`.
pub(crate) fn mentions(
    text: &str,
    aid: usize,
    reg: &Registry,
    toks: &[Token],
    lo: usize,
    hi: usize,
) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    named_runs(text, toks, lo, hi, |pos, ws| {
        if let Some(e) = person_of(reg, aid, pos, ws) {
            if !out.contains(&e) {
                out.push(e);
            }
        }
    });
    out
}

/// True when the subject of tokens `lo..hi` is someone the registry does not know: a
/// full name of two words or more opening the sentence ("Tom Okafor was more
/// philosophical"), any name in apposition to an opening noun phrase ("Her colleague,
/// Bill Okafor, shrugged"), or a relative of the pronoun's gender ("His wife wept"). A
/// pronoun after such a sentence may be that person's, so it must not reach past them to
/// someone named earlier. Names elsewhere in the sentence (places, events, "on the
/// Korean Peninsula") do not count, nor a stranger a role noun tells is of the other
/// gender ("Actress Jo Lane" before "he said").
pub(crate) fn names_stranger(
    text: &str,
    aid: usize,
    reg: &Registry,
    toks: &[Token],
    lo: usize,
    hi: usize,
    g: Gender,
) -> bool {
    let unknown = |p: &Phrase, full: bool| match &p.np {
        super::np::Np::Name(n) => {
            let ws: Vec<&str> = n.words.iter().map(String::as_str).collect();
            n.kind == NameKind::Person
                && (!full || crate::model::people::names::core(&n.words).len() >= 2)
                && person_of(reg, aid, p.pos, &ws).is_none()
                // "Actress Jo Lane …, “…,” he said": a stranger of the other gender.
                && crate::model::people::gender_of_role(&p.written).is_none_or(|x| x == g)
        }
        _ => false,
    };
    if apposed_stranger(text, aid, reg, toks, lo, hi, g) || kin_subject(text, toks, lo, hi, g) {
        return true;
    }
    let Some(p) = super::np::after(text, toks, lo, hi).filter(|p| p.first == lo) else {
        return false;
    };
    let next = |i: usize| toks.get(i).map(|t| t.kind());
    let verb_next = |i: usize| {
        super::words::word(text, toks, i).is_some_and(|w| !super::words::is_cap(w))
            || next(i) == Some(Tok::Punct(','))
    };
    if unknown(&p, true) && verb_next(p.last + 1) {
        return true;
    }
    false
}

/// "His wife wept in the gallery", "Her son was not there": a sentence whose subject is a
/// relative or partner of someone (a possessive, at most one more word, and a noun of
/// `assets/gender_*.txt` whose gender is the pronoun's) is about a person nobody named;
/// "His mother died in 2010. “…,” he said" still reaches back past her.
fn kin_subject(text: &str, toks: &[Token], lo: usize, hi: usize, g: Gender) -> bool {
    let word = |i: usize| super::words::word(text, toks, i);
    if !word(lo).is_some_and(|w| matches!(w, "His" | "Her" | "Their")) {
        return false;
    }
    (lo + 1..hi.min(lo + 3))
        .take_while(|&i| word(i).is_some_and(|w| !super::words::is_cap(w)))
        .find_map(|i| crate::model::people::gender_of_role(word(i)?))
        .is_some_and(|x| x == g)
}

/// "Her colleague, Bill Okafor, …", "The victim's mother, Rosa, …": a name in apposition
/// to a short opening noun phrase (a determiner or possessive and up to three lower-case
/// words) that the registry does not know, unless the noun tells the other gender ("Her
/// husband, Tom, …" before "she said").
fn apposed_stranger(
    text: &str,
    aid: usize,
    reg: &Registry,
    toks: &[Token],
    lo: usize,
    hi: usize,
    g: Gender,
) -> bool {
    let word = |i: usize| super::words::word(text, toks, i);
    let opens = word(lo).is_some_and(|w| {
        matches!(w, "The" | "A" | "An" | "His" | "Her" | "Their" | "Its")
            || super::words::is_cap(w) && super::words::strip_possessive(w).1
    });
    let Some(c) = (lo + 1..hi.min(lo + 5)).find(|&i| toks[i].kind() != Tok::Word) else {
        return false;
    };
    if !opens || c == lo + 1 || toks[c].kind() != Tok::Punct(',') {
        return false;
    }
    if (lo + 1..c).any(|i| word(i).is_none_or(super::words::is_cap)) {
        return false;
    }
    let noun: Vec<&str> = (lo + 1..c).filter_map(word).collect();
    if crate::model::people::gender_of_role(&noun.join(" ")).is_some_and(|x| x != g) {
        return false;
    }
    let mut j = c + 1;
    while j < hi && word(j).is_some_and(super::words::is_cap) {
        j += 1;
    }
    if j == c + 1 || toks.get(j).map(|t| t.kind()) != Some(Tok::Punct(',')) {
        return false;
    }
    let ws: Vec<&str> = (c + 1..j).filter_map(word).collect();
    crate::model::people::names::parse(&ws).is_some_and(|n| n.kind == NameKind::Person)
        && person_of(reg, aid, toks[c + 1].start(), &ws).is_none()
}

/// Calls `f` with the byte offset and words (possessives stripped) of every run of
/// capitalized and title words in tokens `lo..hi` that is no oblique (not after a
/// preposition) and not inside a relative clause.
fn named_runs(text: &str, toks: &[Token], lo: usize, hi: usize, mut f: impl FnMut(usize, &[&str])) {
    let lo = lo.max(hi.saturating_sub(2 * SENTENCE_WINDOW));
    let mut i = lo;
    while i < hi {
        // "Gary Pruitt, who heads the Steelworkers local, said": names in a relative clause
        // describe the subject before it and do not compete with it.
        if let Some(end) = super::np::relative_clause_end(text, toks, i, hi) {
            i = end;
            continue;
        }
        let t = toks[i];
        let w = &text[t.start()..t.end()];
        if t.kind() != Tok::Word || !super::words::is_cap(w) || pronoun(w).is_some() {
            i += 1;
            continue;
        }
        // The run of capitalized and title words from here.
        let mut j = i;
        while j + 1 < hi && toks[j + 1].kind() == Tok::Word && {
            let x = &text[toks[j + 1].start()..toks[j + 1].end()];
            super::words::is_cap(x)
                || crate::model::people::names::is_title(x)
                || crate::model::people::names::particle_joins(
                    x,
                    super::words::word(text, toks, j + 2),
                    super::words::word(text, toks, j + 3),
                )
        } {
            j += 1;
            if super::words::strip_possessive(&text[toks[j].start()..toks[j].end()]).1 {
                break;
            }
        }
        let ws: Vec<&str> = (i..=j)
            .map(|x| super::words::strip_possessive(&text[toks[x].start()..toks[x].end()]).0)
            .collect();
        let oblique = (i > lo
            && toks[i - 1].kind() == Tok::Word
            && is_oblique(&text[toks[i - 1].start()..toks[i - 1].end()]))
            || ws.first().is_some_and(|w| is_oblique(w));
        if !oblique {
            f(t.start(), &ws);
        }
        i = j + 1;
    }
}

/// The person a definite role opening tokens `lo..hi` stands for ("The minister
/// said …"): the one with that role in the article, else the one in the dossier.
pub(crate) fn role_subject(
    text: &str,
    aid: usize,
    reg: &Registry,
    toks: &[Token],
    lo: usize,
    hi: usize,
) -> Option<usize> {
    let p = super::np::after(text, toks, lo, hi)?;
    let super::np::Np::Role(w) = &p.np else {
        return None;
    };
    if p.first != lo && !(p.first == lo + 1 && toks[lo].kind() == Tok::Word) {
        return None;
    }
    reg.by_role(aid, toks[p.first].start(), w)
        .or_else(|| reg.by_role_dossier(w, &super::attribute::role_modifiers(&p.written, w)))
}

/// The person who opens tokens `lo..hi` as the subject of a speech verb ("Brown said …").
fn speaking_subject(
    text: &str,
    aid: usize,
    reg: &Registry,
    toks: &[Token],
    lo: usize,
    hi: usize,
) -> Option<usize> {
    let p = super::np::after(text, toks, lo, hi)?;
    // "Lee asked the governor, Ana Ruiz. “…,” she replied": the one asked answers.
    let verb = toks.get(p.last + 1).map(|t| &text[t.start()..t.end()]);
    if p.first != lo
        || !super::np::is_verb(text, toks, p.last + 1)
        || verb.is_some_and(|v| super::words::has(super::words::audience_verbs(), v))
    {
        return None;
    }
    let ws: Vec<&str> = (p.first..=p.last)
        .filter(|&x| toks[x].kind() == Tok::Word)
        .map(|x| &text[toks[x].start()..toks[x].end()])
        .collect();
    person_of(reg, aid, toks[p.first].start(), &ws)
}

/// The person a sentence's audience verb is addressed to ("Lee asked the governor, Ana
/// Ruiz"): the first person named after the first audience verb of tokens `lo..hi`.
fn addressee(
    text: &str,
    aid: usize,
    reg: &Registry,
    toks: &[Token],
    lo: usize,
    hi: usize,
) -> Option<usize> {
    let v = asks(text, toks, lo, hi)?;
    mentions(text, aid, reg, toks, v + 1, hi).first().copied()
}

/// The first audience verb ("asked", "told") of tokens `lo..hi`.
fn asks(text: &str, toks: &[Token], lo: usize, hi: usize) -> Option<usize> {
    (lo..hi).find(|&i| {
        super::words::word(text, toks, i).is_some_and(|w| has(super::words::audience_verbs(), w))
    })
}

/// The registered person a run of words names, if any (no new entity is made).
fn person_of(reg: &Registry, aid: usize, pos: usize, ws: &[&str]) -> Option<usize> {
    let parsed = crate::model::people::names::parse(ws)?;
    if parsed.kind != NameKind::Person {
        return None;
    }
    let core = crate::model::people::names::core(&parsed.words);
    let i = match reg.find(&parsed) {
        Some(i) => i,
        None if core.len() == 1 => reg.resolve_bare(aid, pos, &core[0])?,
        None => return None,
    };
    (reg.ents[i].kind == SpeakerKind::Person).then_some(i)
}
