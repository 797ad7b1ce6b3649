//! Noun phrases that can name a speaker, read backwards from a verb ("a senior South
//! Korean official said", "Austin told") or forwards after it ("said Defense Secretary
//! Lloyd Austin").

use super::words::{
    anonymous, group_nouns, has, institutions, is_cap, is_filler, pronoun, speech_verbs, word,
    Pronoun, Tok, Token,
};
use crate::model::people::names::{self, is_title, NameKind, Parsed};

/// A phrase that names (or points to) a speaker.
#[derive(Debug, Clone)]
pub(crate) enum Np {
    Pronoun(Pronoun),
    /// A capitalized name, with its title split off.
    Name(Parsed),
    /// An unnamed source: the phrase, its head noun, and whether it is definite.
    Anon {
        head: String,
        definite: bool,
    },
    /// A definite role with no name ("the minister"), and the role word.
    Role(String),
}

/// A phrase with its place in the text.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub np: Np,
    /// The phrase as written.
    pub written: String,
    /// Byte offset where it starts.
    pub pos: usize,
    /// Index of its first token.
    pub first: usize,
    /// Index of its last token.
    pub last: usize,
}

pub(crate) fn is_determiner(w: &str) -> bool {
    w.len() <= 7
        && [
            "a", "an", "the", "one", "two", "three", "several", "some", "many", "other", "another",
            "most",
        ]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(w))
}

/// True when the token at `i` is a speech verb.
pub(crate) fn is_verb(text: &str, toks: &[Token], i: usize) -> bool {
    word(text, toks, i).is_some_and(|w| has(speech_verbs(), w) || progressive(text, toks, i, w))
}

/// A speech verb in the progressive ("is reporting", "were saying"): an "-ing" form after
/// a form of "be" whose "-s" or "-ed" form is a speech verb. Alone, "reporting" is as
/// often a noun or an adjective ("credit reporting firms").
fn progressive(text: &str, toks: &[Token], i: usize, w: &str) -> bool {
    let Some(stem) = w.strip_suffix("ing").filter(|s| s.len() >= 2) else {
        return false;
    };
    let be = i > 0 && matches!(word(text, toks, i - 1), Some("is" | "are" | "was" | "were"));
    be && (has(speech_verbs(), &format!("{stem}s")) || has(speech_verbs(), &format!("{stem}ed")))
}

/// The phrase that ends at token `j` (inclusive), not reaching before `lo`; fillers
/// ("also", "has") between it and the verb are skipped.
pub(crate) fn before(text: &str, toks: &[Token], lo: usize, j: usize) -> Option<Phrase> {
    let end = j;
    let mut j = j;
    while j > lo && word(text, toks, j).is_some_and(is_filler) {
        j -= 1;
    }
    let head = word(text, toks, j)?;
    let (head, possessive) = super::words::strip_possessive(head);
    if possessive {
        return None;
    }
    if let Some(p) = pronoun(head) {
        return Some(phrase(text, toks, j, j, Np::Pronoun(p)));
    }
    // "It said": "it" right before a speech verb is an organisation speaking (anywhere
    // else it is the weather, a report, a clause).
    if matches!(head, "it" | "It") && is_verb(text, toks, end + 1) {
        return Some(phrase(text, toks, j, j, Np::Pronoun(Pronoun::It)));
    }
    let anon_head = has(anonymous(), head) && !is_title(head);
    if !anon_head
        && (is_cap(head)
            || (is_title(head) && j > lo && word(text, toks, j - 1).is_some_and(is_cap)))
    {
        let mut k = j;
        while k > lo {
            let Some(w) = word(text, toks, k - 1) else {
                break;
            };
            let back = |n: usize| (k >= lo + n).then(|| word(text, toks, k - n)).flatten();
            // "Food and Allied Workers Union": "and" joins two capitals in the name of
            // an institution (its head an institution word); "Smith and Jones" stay two.
            let and = w == "and" && has(institutions(), &head.to_lowercase());
            let joins = ((matches!(w, "of" | "for") || and)
                && back(2).is_some_and(|x| is_cap(x) || is_title(x)))
                || names::particle_joins(w, back(2), back(3));
            if is_cap(w) || is_title(w) || joins {
                if super::words::strip_possessive(w).1 {
                    break;
                }
                k -= 1;
            } else {
                break;
            }
        }
        // "Ruth Amsel and Jonas Fenwick said": a subject of two people is no one speaker;
        // the name nearest the verb alone would credit the words to one of them. Two roles
        // of one person ("Chairman and CEO Jonas Fenwick") are one subject.
        if k > lo + 1
            && word(text, toks, k - 1) == Some("and")
            && word(text, toks, k - 2).is_some_and(|w| is_cap(w) && !is_title(w))
        {
            return None;
        }
        let the = k > lo && word(text, toks, k - 1).is_some_and(|w| w.eq_ignore_ascii_case("the"));
        // "Rajesh Iyer of Corbin Securities said": the person before "of" speaks.
        let ws: Vec<&str> = (k..=j).filter_map(|x| word(text, toks, x)).collect();
        if ws.len() == j + 1 - k {
            if let Some(m) = names::person_before_of(&ws) {
                if let Some(mut p) = named(text, toks, k, k + m - 1, the) {
                    p.last = j;
                    return Some(p);
                }
            }
        }
        // "officials in Seoul", "a spokesperson for the Pentagon": the unnamed source is the
        // speaker, the place or institution only qualifies it; so does a person's ("Ana
        // Ruiz of the state university", "Ana Ruiz at Harwell Labs").
        let k0 = if the { k - 1 } else { k };
        let prep = (k0 >= lo + 2).then(|| word(text, toks, k0 - 1)).flatten();
        if prep.is_some_and(|w| matches!(w, "in" | "for" | "from" | "at" | "of")) {
            if let Some(mut p) = before(text, toks, lo, k0 - 2) {
                let person = matches!(&p.np, Np::Name(n) if n.kind == NameKind::Person
                        && (n.words.len() >= 2 || n.role.is_some()));
                if person && prep != Some("for") {
                    p.last = j;
                    return Some(p);
                }
                if matches!(p.np, Np::Anon { .. }) {
                    let (s, e) = (toks[p.first].start(), toks[j].end());
                    p.written = text[s..e].split_whitespace().collect::<Vec<_>>().join(" ");
                    p.last = j;
                    return Some(p);
                }
            }
        }
        // "The President said": a capitalized role with no name is a definite role.
        return named(text, toks, k, j, the).or_else(|| {
            // "The President", "The Catalan President": no name, a role.
            let lead_the = k < j && word(text, toks, k).is_some_and(|w| w == "The");
            // "Valley's leader": an owner's possessive makes the role definite too.
            let owner = !the
                && k > lo
                && word(text, toks, k - 1)
                    .is_some_and(|w| is_cap(w) && super::words::strip_possessive(w).1);
            ((the || lead_the || owner) && is_title(head)).then(|| {
                let from = if the || owner { k - 1 } else { k };
                phrase(text, toks, from, j, Np::Role(head.to_lowercase()))
            })
        });
    }
    let lower = head.to_ascii_lowercase();
    let known = has(anonymous(), &lower) || is_title(&lower) || has(institutions(), &lower);
    let generic = head.chars().all(char::is_lowercase) && head.len() > 2;
    if known || generic {
        let plural = lower.ends_with('s');
        let mut k = j;
        let mut det = None;
        while k > lo && j - k < 6 {
            let Some(w) = word(text, toks, k - 1) else {
                break;
            };
            if is_determiner(w) || (is_cap(w) && super::words::strip_possessive(w).1) {
                det = Some(w);
                k -= 1;
                break;
            }
            if has(speech_verbs(), w) || w.ends_with("ed") && !is_cap(w) {
                break;
            }
            if !is_cap(w) && !plural && j - k >= 4 {
                break;
            }
            if !is_cap(w) && plural && !w.chars().all(|c| c.is_lowercase()) {
                break;
            }
            k -= 1;
        }
        if det.is_none() && !plural {
            return None;
        }
        let indefinite = det.is_some_and(|d| {
            matches!(
                d.to_ascii_lowercase().as_str(),
                "a" | "an" | "one" | "another"
            )
        });
        // "The Ruiz family said": a group named after a person speaks as one.
        let the = det.is_some_and(|d| d.eq_ignore_ascii_case("the"));
        if the && k + 1 < j && has(group_nouns(), &lower) {
            let ws: Vec<String> = (k + 1..=j)
                .filter_map(|x| word(text, toks, x))
                .map(str::to_string)
                .collect();
            if ws[..ws.len() - 1].iter().all(|w| is_cap(w)) {
                let np = Np::Name(Parsed {
                    role: None,
                    words: ws,
                    kind: NameKind::Institution,
                    honorific: None,
                });
                return Some(phrase(text, toks, k, j, np));
            }
        }
        // "said in a statement", "told an interviewer": a phrase after a preposition is
        // not a subject.
        let after_prep = k > lo && word(text, toks, k - 1).is_some_and(super::words::is_oblique);
        if !known && (!indefinite || after_prep) {
            return None;
        }
        if det.is_none() {
            // "Pentagon officials said": only capitalized modifiers without a determiner.
            k = j;
            while k > lo
                && word(text, toks, k - 1).is_some_and(|w| {
                    is_cap(w) && !has(crate::model::quotes::words::name_stopwords(), w)
                })
            {
                k -= 1;
            }
        }
        let definite = det
            .is_some_and(|d| d.eq_ignore_ascii_case("the") || super::words::strip_possessive(d).1);
        let np = if has(institutions(), &lower) && !has(anonymous(), &lower) && definite {
            let words = (k..=j)
                .filter_map(|x| word(text, toks, x))
                .map(str::to_string)
                .collect();
            Np::Name(Parsed {
                role: None,
                words,
                kind: NameKind::Institution,
                honorific: None,
            })
        } else if has(anonymous(), &lower) || !known {
            Np::Anon {
                head: lower,
                definite,
            }
        } else if definite {
            Np::Role(lower)
        } else {
            return None;
        };
        return Some(phrase(text, toks, k, j, np));
    }
    None
}

/// The phrase that starts at token `i` ("said Austin", "said a senior official").
pub(crate) fn after(text: &str, toks: &[Token], i: usize, hi: usize) -> Option<Phrase> {
    let mut i = i;
    // "said her colleague Sam Young": a possessive opens the phrase like "the".
    let possessive = |w: &str| matches!(w, "her" | "his" | "their" | "its");
    if word(text, toks, i).is_some_and(possessive) && i + 1 < hi {
        i += 1;
    }
    let first = word(text, toks, i)?;
    if let Some(p) = pronoun(first) {
        return Some(phrase(text, toks, i, i, Np::Pronoun(p)));
    }
    let mut j = i;
    while j + 1 < hi && j - i < 8 {
        let Some(w) = word(text, toks, j + 1) else {
            break;
        };
        let ok = is_cap(w)
            || is_title(w)
            || has(anonymous(), w)
            || (matches!(w, "of" | "for") && word(text, toks, j + 2).is_some_and(is_cap))
            || names::particle_joins(w, word(text, toks, j + 2), word(text, toks, j + 3))
            || (is_determiner(first) && !is_cap(w) && j - i < 4 && !has(speech_verbs(), w));
        if !ok {
            break;
        }
        j += 1;
        // "said a senior official, …" ends at its head; "said cybersecurity analyst Ana
        // Ruiz" goes on to the name the role word introduces.
        let name_next = word(text, toks, j + 1).is_some_and(is_cap);
        if has(anonymous(), w) && !is_cap(w) && !name_next {
            break;
        }
    }
    // The phrase ends at its head: the last capitalized word, anonymous noun or title.
    while j > i {
        let w = word(text, toks, j).unwrap_or("");
        if is_cap(w) || has(anonymous(), w) || is_title(w) {
            break;
        }
        j -= 1;
    }
    before(text, toks, i, j)
}

fn named(text: &str, toks: &[Token], k: usize, j: usize, the: bool) -> Option<Phrase> {
    let ws: Vec<&str> = (k..=j).filter_map(|x| word(text, toks, x)).collect();
    let parsed = names::parse(&ws)?;
    // Where the name starts after leading stop words.
    let skip = ws.len()
        - ws.iter()
            .skip_while(|w| has(crate::model::quotes::words::name_stopwords(), w))
            .count();
    let k = k + skip;
    let inst = parsed.kind == NameKind::Institution;
    // "Russia’s Defense Ministry": the owner belongs to the institution's name.
    if inst && k > 0 {
        if let Some(owner) = word(text, toks, k - 1) {
            if is_cap(owner) && super::words::strip_possessive(owner).1 {
                let mut p = phrase(text, toks, k - 1, j, Np::Name(parsed));
                if let Np::Name(ref mut n) = p.np {
                    n.words.insert(0, owner.to_string());
                }
                return Some(p);
            }
        }
    }
    let mut parsed = parsed;
    // "the SEALs", "the Kremlin": a person's name takes no article; an organisation's does.
    if the && parsed.kind == NameKind::Person && parsed.role.is_none() {
        parsed.kind = NameKind::Institution;
    }
    let mut p = phrase(text, toks, k, j, Np::Name(parsed));
    if the {
        if let Np::Name(ref mut n) = p.np {
            if n.kind == NameKind::Institution {
                n.words.insert(0, "the".to_string());
                p.written = format!("the {}", p.written);
            }
        }
    }
    Some(p)
}

/// Relative words that open an aside about the noun before them ("Name, who lives nearby, …").
fn is_relative(w: &str) -> bool {
    matches!(w, "who" | "whose" | "whom" | "which" | "where")
}

/// How far an aside in commas may run before its verb.
const ASIDE_WINDOW: usize = 16;

/// Where an aside that opens at the comma `c` ends: the token after its closing comma, or
/// `hi` when it runs to the end of the sentence; None when `c` opens no relative clause.
pub(crate) fn relative_clause_end(
    text: &str,
    toks: &[Token],
    c: usize,
    hi: usize,
) -> Option<usize> {
    if toks.get(c)?.kind() != Tok::Punct(',') || !word(text, toks, c + 1).is_some_and(is_relative) {
        return None;
    }
    let close = (c + 2..hi).find(|&k| toks[k].kind() == Tok::Punct(','));
    Some(close.map_or(hi, |k| k + 1))
}

/// "Maria Ortiz, who lives nearby, said", "Maria Ortiz, 34, said", "Maria Ortiz, a nurse at
/// the plant, said": the name in tokens `i..=j` is the subject of a speech verb that follows
/// an aside in commas (a relative clause, an age, or, after a full name, a description).
pub(crate) fn aside_then_verb(text: &str, toks: &[Token], i: usize, j: usize) -> bool {
    if toks.get(j + 1).map(|t| t.kind()) != Some(Tok::Punct(',')) {
        return false;
    }
    // "In Castlebrook, officials said": a place after a preposition is no subject.
    if i > 0 && word(text, toks, i - 1).is_some_and(super::words::is_oblique) {
        return false;
    }
    let Some(opener) = word(text, toks, j + 2) else {
        return false;
    };
    let age = opener.starts_with(|c: char| c.is_ascii_digit());
    let described = j > i && opener.chars().all(char::is_lowercase);
    if !(is_relative(opener) || age || described) {
        return false;
    }
    let end = toks.len().min(j + 2 + ASIDE_WINDOW);
    for k in j + 2..end {
        match toks[k].kind() {
            Tok::Quote(_) | Tok::Punct('.' | '!' | '?' | ';' | ':') => return false,
            Tok::Punct(',') if is_verb(text, toks, k + 1) => return true,
            _ => {}
        }
    }
    false
}

fn phrase(text: &str, toks: &[Token], first: usize, last: usize, np: Np) -> Phrase {
    let (s, e) = (toks[first].start(), toks[last].end());
    Phrase {
        np,
        written: text[s..e].split_whitespace().collect::<Vec<_>>().join(" "),
        pos: s,
        first,
        last,
    }
}
