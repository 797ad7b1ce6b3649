//! Who said it: attribution patterns around a quote, pronouns, and names resolved to the
//! dossier's entities.
//!
//! A quote's frame is the sentence that holds it, with every quote masked as one token.
//! Rules, in order: "X: “…”" (colon); "according to X"; the speech verb nearest the quote
//! with its subject ("X said", "said X"); the part before it of a quote running over
//! paragraphs, or the quote before it in the paragraph (continuation); a speech verb in
//! the sentence before or after (adjacent sentence).

use super::np::{self, Np, Phrase};
use super::words::{audience_verbs, has, tokenize, Tok, Token};
use crate::model::people::names::NameKind;
use crate::model::people::Registry;
use crate::model::Article;

/// The speaker found for a quote.
#[derive(Debug, Clone, Default)]
pub(crate) struct Attribution {
    pub entity: Option<usize>,
    pub as_written: Option<String>,
    pub how: Option<&'static str>,
}

/// One paragraph, tokenized with its quotes masked.
pub(crate) struct Para {
    pub toks: Vec<Token>,
    /// Token ranges of the sentences, as `u32` (a paragraph of one-word sentences, "No. "
    /// repeated, holds one per 4 bytes: the width sets its memory). Read through
    /// [`Para::sentence`].
    sentences: Vec<(u32, u32)>,
    /// The paragraph is a title-case line (set by the caller).
    pub title_case: bool,
}

/// A token index as stored in [`Para`]: a paragraph's tokens are bounded by its bytes, and
/// an article is at most 4 GiB.
fn narrow(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// How many tokens on each side of a quote attribution may reach.
pub(crate) const SENTENCE_WINDOW: usize = 40;

/// Tokenize a paragraph and cut it into sentences at final marks outside quotes (and
/// after a quote that ends a sentence inside its marks).
pub(crate) fn para(
    text: &str,
    from: usize,
    to: usize,
    quotes: &[crate::model::lex::Mask],
    inner_ends: &dyn Fn(usize) -> bool,
) -> Para {
    let toks = tokenize(text, from, to, quotes);
    let mut sentences = Vec::new();
    let mut start = 0;
    for i in 0..toks.len() {
        let ends = match toks[i].kind() {
            Tok::Punct(c) => matches!(c, '.' | '!' | '?' | '…'),
            Tok::Quote(q) => inner_ends(q),
            Tok::Word => false,
        };
        // Read only after a final mark (most tokens are not one).
        let next_starts = || {
            toks.get(i + 1).is_none_or(|t| match t.kind() {
                // The token's flag, set by the tokenizer from the same first character.
                Tok::Word => t.is_cap(),
                Tok::Quote(_) => true,
                Tok::Punct(c) => super::marks::is_mark(c) || c == '(',
            })
        };
        if ends && next_starts() {
            sentences.push((narrow(start), narrow(i + 1)));
            start = i + 1;
        }
    }
    if start < toks.len() {
        sentences.push((narrow(start), narrow(toks.len())));
    }
    // A long list gives back what its last doubling left spare (a paragraph of a few
    // sentences keeps its small list as it is).
    if sentences.capacity() > 1024 {
        sentences.shrink_to_fit();
    }
    Para {
        toks,
        sentences,
        title_case: false,
    }
}

impl Para {
    /// The sentence holding token `t`.
    pub fn sentence_of(&self, t: usize) -> usize {
        self.sentences.partition_point(|&(_, e)| (e as usize) <= t)
    }
    /// The token range of sentence `s` (`None` past the last).
    pub fn sentence(&self, s: usize) -> Option<(usize, usize)> {
        self.sentences
            .get(s)
            .map(|&(lo, hi)| (lo as usize, hi as usize))
    }
    /// Free the tokens and sentences ([`crate::model::work::release`]).
    pub fn release(self) {
        crate::model::work::release(self.toks);
        crate::model::work::release(self.sentences);
    }
    /// How many sentences the paragraph holds.
    pub fn sentence_count(&self) -> usize {
        self.sentences.len()
    }
    /// The token of quote `q`, looked for from token `from` on, and where to look for the
    /// next quote's. A paragraph's quotes are attributed in order and the tokenizer gives
    /// each mask at most one token, in mask order, so one walk over the tokens finds them
    /// all: no list of each quote's token (4 bytes a quote, 5.6 MB on 4 MiB of `"'a`).
    pub fn quote_token(&self, from: usize, q: usize) -> (Option<usize>, usize) {
        for (i, t) in self.toks.iter().enumerate().skip(from) {
            if let Tok::Quote(x) = t.kind() {
                if x == q {
                    return (Some(i), i + 1);
                }
                if x > q {
                    return (None, i);
                }
            }
        }
        (None, self.toks.len())
    }
}

/// Context for attributing the quotes of one article.
pub(crate) struct Ctx<'a> {
    pub article: &'a Article,
    pub aid: usize,
    /// Tokenized paragraphs (None for noise).
    pub paras: &'a [Option<Para>],
}

/// Speaker phrases at the verbs, colons and "according to" of a sentence, nearest to
/// token `t` first.
fn same_sentence(
    text: &str,
    toks: &[Token],
    lo: usize,
    hi: usize,
    t: usize,
) -> Option<(Phrase, &'static str)> {
    // Attribution sits near its quote: a bounded window keeps a run-on "sentence" with
    // many quotes linear.
    let lo = lo.max(t.saturating_sub(SENTENCE_WINDOW));
    let hi = hi.min(t + SENTENCE_WINDOW);
    let word = |i: usize| {
        toks.get(i)
            .filter(|t| t.kind() == Tok::Word)
            .map(|t| &text[t.start()..t.end()])
    };
    // "“…” — Commissioner Jane Starks": a name after a dash that ends the sentence.
    if t + 2 < hi
        && matches!(
            toks.get(t + 1).map(|x| x.kind()),
            Some(Tok::Punct('—' | '–'))
        )
    {
        if let Some(p) = np::after(text, toks, t + 2, hi) {
            let rest = toks[p.first..hi].iter().find(|x| x.kind() != Tok::Word);
            if matches!(p.np, Np::Name(_))
                && rest.is_none_or(|x| matches!(x.kind(), Tok::Punct('.' | ',')))
            {
                return Some((p, "dash"));
            }
        }
    }
    if t >= lo + 2 && toks[t - 1].kind() == Tok::Punct(':') {
        if let Some(p) = written_by(text, toks, lo, t - 2) {
            return Some((p, "colon"));
        }
        if let Some(p) = np::before(text, toks, lo, t - 2) {
            // "Ortiz told local officials: “…”": the phrase is the audience; the subject
            // of the verb speaks.
            let heard = (p.first.saturating_sub(4).max(lo)..p.first)
                .rev()
                .take_while(|&i| toks[i].kind() == Tok::Word)
                .find(|&i| has(audience_verbs(), &text[toks[i].start()..toks[i].end()]));
            // "Ruiz said on Twitter: “…”": a phrase after a preposition is where it was
            // said, not who said it; the verb's subject is read with the other verbs.
            let oblique = p.first > lo && word(p.first - 1).is_some_and(super::words::is_oblique);
            match heard {
                None if oblique => {}
                None => return Some((p, "colon")),
                Some(v) if v > lo => {
                    if let Some(s) = np::before(text, toks, lo, v - 1) {
                        return Some((s, "colon"));
                    }
                }
                Some(_) => {}
            }
        }
        // "Jones disagreed: “…”": the subject of whatever verb introduces the quote.
        let verbish = toks[t - 2].kind() == Tok::Word
            && text[toks[t - 2].start()..toks[t - 2].end()]
                .chars()
                .all(char::is_lowercase);
        if verbish && t >= lo + 3 {
            if let Some(p) = np::before(text, toks, lo, t - 3) {
                if matches!(p.np, Np::Name(_) | Np::Pronoun(_)) && p.first == lo {
                    return Some((p, "colon"));
                }
            }
        }
    }
    // "As the Daily Planet put it: “…”": the one named wrote or said the words.
    let k = if t > lo && matches!(toks[t - 1].kind(), Tok::Punct(':' | ',')) {
        t - 1
    } else {
        t
    };
    if k >= lo + 4 && word(k - 1) == Some("it") && word(k - 2) == Some("put") {
        if let Some(p) = np::before(text, toks, lo, k - 3) {
            if p.first > lo && word(p.first - 1).is_some_and(|w| w.eq_ignore_ascii_case("as")) {
                return Some((p, "as put it"));
            }
        }
    }
    // "Ortiz said, according to AP": a wire agency relays a speaker the sentence names; it
    // speaks only when nobody else does.
    let mut relay = None;
    for i in lo..hi.saturating_sub(2) {
        if word(i).is_some_and(|w| w.eq_ignore_ascii_case("according")) && word(i + 1) == Some("to")
        {
            if let Some(p) = np::after(text, toks, i + 2, hi) {
                if !is_agency(&p.written) {
                    return Some((p, "according to"));
                }
                relay.get_or_insert(p);
            }
        }
    }
    // "Ruiz was quoted as saying …": the subject of the passive said the words.
    for i in (lo + 3..hi.saturating_sub(1)).filter(|&i| word(i) == Some("as")) {
        let quoted = word(i + 1) == Some("saying")
            && word(i - 1).is_some_and(|w| matches!(w, "quoted" | "reported" | "cited"))
            && word(i - 2).is_some_and(|w| matches!(w, "was" | "were" | "is" | "are" | "been"));
        if quoted {
            if let Some(p) = np::before(text, toks, lo, i - 3) {
                return Some((p, "same sentence"));
            }
        }
    }
    let mut verbs: Vec<usize> = (lo..hi).filter(|&i| np::is_verb(text, toks, i)).collect();
    verbs.sort_by_key(|&i| (i.abs_diff(t), i < t));
    for v in verbs {
        // "Grant was asked about “…”": the subject of a passive audience verb listened.
        let passive = v > lo
            && word(v).is_some_and(|w| has(audience_verbs(), w))
            && word(v - 1).is_some_and(|w| matches!(w, "was" | "were" | "is" | "are" | "been"));
        if passive {
            continue;
        }
        // "The rescue was confirmed in a post": the subject of a passive speech verb is
        // what was said ("is reporting" is no passive).
        let be_before = v > lo
            && word(v - 1)
                .is_some_and(|w| matches!(w, "was" | "were" | "is" | "are" | "been" | "be"));
        let passive_speech = be_before && !word(v).is_some_and(|w| w.ends_with("ing"));
        if v > lo && !passive_speech {
            if let Some(p) =
                np::before(text, toks, lo, v - 1).or_else(|| appositive(text, toks, lo, v, t))
            {
                if !(v > t && p.first <= t) {
                    return Some((p, "same sentence"));
                }
            }
        }
        // "told AP, “…”": the phrase after an audience verb is the listener.
        let heard = word(v).is_some_and(|w| has(audience_verbs(), w));
        let inverted = v > lo
            && !heard
            && matches!(
                toks[v - 1].kind(),
                Tok::Quote(_) | Tok::Punct(',' | '—' | '–')
            );
        if inverted && v + 1 < hi {
            if let Some(p) = np::after(text, toks, v + 1, hi) {
                return Some((p, "same sentence"));
            }
        }
    }
    relay.map(|p| (p, "according to"))
}

/// True when a phrase names a wire agency ("AP", "the Associated Press", "Reuters").
fn is_agency(written: &str) -> bool {
    let w = written.to_lowercase();
    let w = w.strip_prefix("the ").unwrap_or(&w);
    crate::model::lexicon::agencies()
        .iter()
        .any(|(name, forms)| name.eq_ignore_ascii_case(w) || forms.iter().any(|f| f == w))
}

/// "A post on the Harbour Navy Diver Facebook page which read: “…”": the owner of a written
/// statement that "read" introduces, its medium words (`assets/media_words.txt`) dropped;
/// only an organisation's name counts.
fn written_by(text: &str, toks: &[Token], lo: usize, r: usize) -> Option<Phrase> {
    let word = |i: usize| super::words::word(text, toks, i);
    if !word(r).is_some_and(|w| matches!(w, "read" | "reads" | "reading")) {
        return None;
    }
    // The last capitalized word before "read" that is no medium word, in the same run.
    let mut j = (lo..r)
        .rev()
        .find(|&i| word(i).is_some_and(super::words::is_cap))?;
    while j > lo && word(j).is_some_and(|w| has(super::words::media_words(), w)) {
        j -= 1;
    }
    let p = np::before(text, toks, lo, j)?;
    match &p.np {
        Np::Name(n) if n.kind == NameKind::Institution => Some(p),
        _ => None,
    }
}

/// The subject before an appositive or aside: "A senior official, who asked not to be
/// named, said"; "Kim, for his part, warned".
fn appositive(text: &str, toks: &[Token], lo: usize, v: usize, t: usize) -> Option<Phrase> {
    if v < lo + 3 || toks[v - 1].kind() != Tok::Punct(',') {
        return None;
    }
    // "Another, calling themselves Sam Lark, said": the name a user goes by speaks.
    let word = |i: usize| super::words::word(text, toks, i);
    let open = (lo..v - 1)
        .rev()
        .find(|&k| toks[k].kind() == Tok::Punct(','));
    if let Some(c) = open {
        let reflexive = (c + 2..v - 1).find(|&m| {
            word(m).is_some_and(|w| matches!(w, "themselves" | "himself" | "herself"))
                && word(m - 1).is_some_and(|w| matches!(w, "calling" | "calls" | "called"))
        });
        if let Some(m) = reflexive {
            if let Some(p) = np::after(text, toks, m + 1, v - 1) {
                if matches!(p.np, Np::Name(_)) {
                    return Some(p);
                }
            }
        }
    }
    // "The council's spokesman, Tom Birch, said": the name in the apposition speaks.
    // "Vote Leave's chair, the Labour MP Gisela Stuart, said": a determiner may open it.
    if let Some(p) = np::before(text, toks, lo, v - 2) {
        let det = p.first > lo + 1
            && toks[p.first - 1].kind() == Tok::Word
            && matches!(
                &text[toks[p.first - 1].start()..toks[p.first - 1].end()],
                "the" | "a"
            );
        let open = if det { p.first - 1 } else { p.first };
        if matches!(p.np, Np::Name(_)) && open > lo && toks[open - 1].kind() == Tok::Punct(',') {
            return Some(p);
        }
    }
    // "Ana Ruiz, whose firm owns Acme, Bolt and Crane, said": the subject stands before
    // the relative clause, whatever commas it holds.
    let reach = (v - 1).saturating_sub(super::subject::ASIDE_WINDOW).max(lo);
    for k in (reach + 1..v - 1).rev() {
        if (k..v).any(|i| matches!(toks[i].kind(), Tok::Quote(_))) || (k < t && t < v) {
            break;
        }
        if np::relative_clause_end(text, toks, k, v).is_some() {
            if let Some(p) = np::before(text, toks, lo, k - 1) {
                return Some(p);
            }
        }
    }
    let from = (v - 1).saturating_sub(16).max(lo);
    // Try each comma back, nearest first ("Maria Lopez, 34, who works nights, said").
    for k in (from..v - 1)
        .rev()
        .filter(|&k| toks[k].kind() == Tok::Punct(','))
    {
        if k <= lo || (k..v).any(|i| matches!(toks[i].kind(), Tok::Quote(_))) || (k < t && t < v) {
            return None;
        }
        if let Some(p) = np::before(text, toks, lo, k - 1) {
            return Some(p);
        }
    }
    None
}

/// A speaker named by a speech verb in a whole sentence with no quote in it.
fn sentence_speaker(text: &str, para: &Para, s: usize) -> Option<Phrase> {
    let (lo, hi) = para.sentence(s)?;
    if para.toks[lo..hi]
        .iter()
        .any(|t| matches!(t.kind(), Tok::Quote(_)))
    {
        return None;
    }
    same_sentence(text, &para.toks, lo, hi, hi).map(|(p, _)| p)
}

/// The speaker of the paragraph before `pi` when it ends with a colon ("X said:").
fn introduced(ctx: &Ctx, pi: usize) -> Option<Phrase> {
    let prev = ctx.paras.get(pi.checked_sub(1)?)?.as_ref()?;
    let last = prev.toks.last()?;
    if last.kind() != Tok::Punct(':') {
        return None;
    }
    let s = prev.sentence_count().checked_sub(1)?;
    let text = ctx.article.text.as_str();
    // "X said:" or a bare "From Chairwoman X:".
    sentence_speaker(text, prev, s).or_else(|| {
        let lo = prev.sentence(s)?.0;
        np::before(text, &prev.toks, lo, prev.toks.len().checked_sub(2)?)
            .filter(|p| matches!(p.np, Np::Name(_)))
    })
}

/// Attribute the quote of paragraph `pi` masked as token `t` ([`Para::quote_token`]).
pub(crate) fn attribute(
    ctx: &Ctx,
    reg: &mut Registry,
    pi: usize,
    t: usize,
) -> (Attribution, Option<&'static str>) {
    let text = ctx.article.text.as_str();
    let Some(Some(para)) = ctx.paras.get(pi) else {
        return (Attribution::default(), None);
    };
    let s = para.sentence_of(t);
    let Some((lo, hi)) = para.sentence(s) else {
        return (Attribution::default(), None);
    };
    // Sieve within the sentence, most precise first: the quote's own clause, the subject
    // its clause hangs on, then the whole sentence.
    let (clo, chi) = super::subject::clause(text, &para.toks, lo, hi, t);
    if let Some((p, how)) = same_sentence(text, &para.toks, clo, chi, t) {
        if unknown_opener(ctx, reg, lo, &p) {
            return (unclear(), None);
        }
        let att = resolve(ctx, reg, pi, &p, how);
        if !unresolved_it(&p, &att) {
            return (att, None);
        }
    }
    if let Some(p) = super::subject::subject(text, &para.toks, clo, chi, t) {
        if unknown_opener(ctx, reg, lo, &p) {
            return (unclear(), None);
        }
        let att = resolve(ctx, reg, pi, &p, "subject");
        if !unresolved_it(&p, &att) {
            return (att, None);
        }
    }
    // "Ruiz: flood 'worst in decades'": only a name the dossier already knows, since
    // "Update: …" or "Watch: …" open lines the same way.
    if let Some(p) = super::subject::opening_colon(text, &para.toks, lo, t) {
        let known = match &p.np {
            Np::Name(n) if n.kind == NameKind::Person => {
                let core = crate::model::people::names::core(&n.words);
                reg.find(n).is_some()
                    || core.len() == 1 && reg.resolve_bare(ctx.aid, p.pos, &core[0]).is_some()
            }
            _ => false,
        };
        if known {
            return (resolve(ctx, reg, pi, &p, "colon"), None);
        }
    }
    if (clo, chi) != (lo, hi) {
        if let Some((p, how)) = same_sentence(text, &para.toks, lo, hi, t) {
            if unknown_opener(ctx, reg, lo, &p) {
                return (unclear(), None);
            }
            let att = resolve(ctx, reg, pi, &p, how);
            if !unresolved_it(&p, &att) {
                return (att, None);
            }
        }
    }
    if let Some(p) = super::subject::relative_clause_speaker(text, &para.toks, lo, hi, t) {
        return (resolve(ctx, reg, pi, &p, "relative clause"), None);
    }
    // "Her counterpart, Sen. Tom Eck, was blunter: “…”": the one person the sentence names
    // before a colon speaks; a sentence naming someone before its quote in any other way
    // leaves the quote to nobody, never to the speaker of the sentence or quote before.
    let named = super::pronoun::mentions(text, ctx.aid, reg, &para.toks, clo, t);
    if t > clo && para.toks[t - 1].kind() == Tok::Punct(':') {
        if let [one] = named.as_slice() {
            let att = Attribution {
                entity: Some(*one),
                as_written: None,
                how: Some("colon"),
            };
            return (att, None);
        }
    }
    if !named.is_empty() {
        return (unclear(), None);
    }
    // The sentence before, or after, names the speaker.
    let prev = if s > 0 {
        sentence_speaker(text, para, s - 1)
    } else {
        None
    };
    if let Some(p) = prev {
        return (
            resolve(ctx, reg, pi, &p, "adjacent sentence"),
            Some("adjacent"),
        );
    }
    // A paragraph that ends with "X said:" introduces the quote opening the next one.
    if s == 0 && t == 0 {
        if let Some(p) = introduced(ctx, pi) {
            return (
                resolve(ctx, reg, pi - 1, &p, "adjacent sentence"),
                Some("adjacent"),
            );
        }
    }
    if let Some(p) = sentence_speaker(text, para, s + 1)
        .filter(|p| para.sentence(s + 1).is_some_and(|x| p.first == x.0))
    {
        return (
            resolve(ctx, reg, pi, &p, "adjacent sentence"),
            Some("adjacent"),
        );
    }
    // The sentence before, with no quote of its own, is about one person: that person
    // speaks ("Jones was unconvinced. “…”"); about two, nobody can tell.
    let before = if s > 0 {
        Some((pi, s - 1))
    } else if t == 0 {
        let prev = pi
            .checked_sub(1)
            .and_then(|p| ctx.paras.get(p)?.as_ref().map(|x| (p, x)));
        prev.and_then(|(p, x)| Some((p, x.sentence_count().checked_sub(1)?)))
    } else {
        None
    };
    if let Some((bp, bs)) = before {
        if let Some(Some(bpara)) = ctx.paras.get(bp) {
            let (lo, hi) = bpara.sentence(bs).unwrap_or((0, 0));
            if !bpara.toks[lo..hi]
                .iter()
                .any(|x| matches!(x.kind(), Tok::Quote(_)))
            {
                let people = super::pronoun::mentions(text, ctx.aid, reg, &bpara.toks, lo, hi);
                match people.as_slice() {
                    // "The prime minister has announced he will resign. “…”"
                    [] => {
                        let role =
                            super::pronoun::role_subject(text, ctx.aid, reg, &bpara.toks, lo, hi);
                        if let Some(e) = role {
                            let att = Attribution {
                                entity: Some(e),
                                as_written: None,
                                how: Some("adjacent sentence"),
                            };
                            return (att, Some("adjacent"));
                        }
                    }
                    [one] => {
                        let att = Attribution {
                            entity: Some(*one),
                            as_written: None,
                            how: Some("adjacent sentence"),
                        };
                        return (att, Some("adjacent"));
                    }
                    _ => {
                        let att = Attribution {
                            how: Some("unclear"),
                            ..Attribution::default()
                        };
                        return (att, None);
                    }
                }
            }
        }
    }
    (Attribution::default(), None)
}

/// No speaker, and none to take from the quote or sentence before.
fn unclear() -> Attribution {
    Attribution {
        how: Some("unclear"),
        ..Attribution::default()
    }
}

/// "Insurers hailed the “…”", "Water found on 'super-Earth'": one capitalized word with
/// no title opening the sentence (token `lo`) is as often a common noun as a surname, so
/// as a speaker it must be a name the dossier already knows (reporters name a person in
/// full before they use the surname alone). The sentence's subject is then nobody known,
/// and no later pass may give its quote to someone else. Inside a sentence ("…, while
/// Labour said") a capital is no accident of position.
fn unknown_opener(ctx: &Ctx, reg: &Registry, lo: usize, p: &Phrase) -> bool {
    let Np::Name(n) = &p.np else {
        return false;
    };
    if n.kind != NameKind::Person || n.role.is_some() || n.honorific.is_some() || p.first != lo {
        return false;
    }
    match crate::model::people::names::core(&n.words).as_slice() {
        [one] => {
            reg.find(n).is_none()
                && reg.resolve_bare(ctx.aid, p.pos, one).is_none()
                && !named_in_full(&ctx.article.text, one)
        }
        _ => false,
    }
}

/// True when the article writes `word` after another capitalized word that is no
/// sentence opener ("… a goal from Kwame Osei-Bonsu …" for "Osei-Bonsu"): a full name the
/// registry did not keep, since no title or speech verb stood next to it.
fn named_in_full(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let Some(before) = text[..i].strip_suffix(' ') else {
            return false;
        };
        let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
        super::words::is_cap(prev)
            && prev.chars().all(char::is_alphabetic)
            && !has(super::words::name_stopwords(), prev)
    })
}

/// The words of a role phrase besides its determiner and its head, lowercase ("The
/// regional finance minister" gives "regional", "finance").
pub(crate) fn role_modifiers(written: &str, head: &str) -> Vec<String> {
    written
        .split_whitespace()
        .map(|w| super::words::strip_possessive(w).0.to_lowercase())
        .filter(|w| !matches!(w.as_str(), "the" | "a" | "an") && !w.eq_ignore_ascii_case(head))
        .collect()
}

/// "It said" with no organisation in view: the passes after the one that read it may
/// still tell who speaks (the sentence before names the organisation).
fn unresolved_it(p: &Phrase, att: &Attribution) -> bool {
    matches!(p.np, Np::Pronoun(super::words::Pronoun::It)) && att.entity.is_none()
}

/// Resolve a speaker phrase to an entity.
fn resolve(ctx: &Ctx, reg: &mut Registry, pi: usize, p: &Phrase, how: &'static str) -> Attribution {
    let aid = ctx.aid;
    let mut out = Attribution {
        entity: None,
        as_written: Some(p.written.clone()),
        how: Some(how),
    };
    match &p.np {
        Np::Pronoun(super::words::Pronoun::It) => {
            // "It said": the one organisation the article has in view, as for "the company".
            out.how = Some("pronoun");
            out.entity = super::organisation::antecedent(ctx, reg, pi, p.pos)
                .map(|ws| reg.organisation(aid, p.pos, &ws));
        }
        Np::Pronoun(pr) => {
            out.how = Some("pronoun");
            out.entity = super::pronoun::referent(ctx, reg, pi, p, *pr);
            if let (Some(e), Some(g)) = (out.entity, super::pronoun::gender(*pr)) {
                reg.hint_gender(e, g);
            }
        }
        Np::Name(parsed) => {
            let role = parsed.role.as_deref();
            out.entity = match parsed.kind {
                NameKind::Institution => Some(
                    match super::organisation::is_org_noun(p)
                        .then(|| super::organisation::antecedent(ctx, reg, pi, p.pos))
                        .flatten()
                    {
                        Some(ws) => reg.organisation(aid, p.pos, &ws),
                        None => reg.institution(aid, p.pos, &parsed.words),
                    },
                ),
                NameKind::Person => match reg.add(aid, p.pos, parsed) {
                    Some(i) => Some(i),
                    None => {
                        let core = crate::model::people::names::core(&parsed.words);
                        let w = core.last().cloned().unwrap_or_default();
                        let w = w.as_str();
                        let i = reg
                            .resolve_bare(aid, p.pos, w)
                            .unwrap_or_else(|| reg.bare_person(aid, p.pos, w, role));
                        reg.seen(aid, p.pos, i, &parsed.words.join(" "), role);
                        if let Some(g) = parsed.honorific {
                            reg.hint_gender(i, g);
                        }
                        Some(i)
                    }
                },
            };
        }
        Np::Anon { head, definite } => {
            out.entity = Some(reg.anonymous(aid, p.pos, &p.written, head, *definite));
        }
        Np::Role(word) => {
            out.how = Some("role");
            out.entity = reg.by_role(aid, p.pos, word);
            if out.entity.is_none() {
                out.entity = reg.by_role_dossier(word, &role_modifiers(&p.written, word));
                out.how = Some("role (dossier)");
            }
        }
    }
    out
}
