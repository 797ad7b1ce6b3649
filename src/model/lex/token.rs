//! The token type and the tokenizer: words, punctuation marks and masked quotes, each
//! with its byte range in the article.

use crate::model::lexicon::abbreviations;

/// One token of prose: a word, a punctuation mark, or a whole quote (masked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    Word,
    Punct(char),
    /// A quote, with its index in the paragraph's quote list.
    Quote(usize),
}

/// A token with its byte range in the article.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub kind: Tok,
    pub start: usize,
    pub end: usize,
}

/// True for characters that may sit inside a word ("U.S.", "Yong-hyun", "don’t").
fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokenize `text[from..to]`, masking the given quote ranges (mark to mark, sorted) as
/// single `Quote` tokens. Inner `.`, `-`, `’` and `'` join words; a trailing possessive
/// `’s` stays on the word (see [`strip_possessive`]).
pub fn tokenize(text: &str, from: usize, to: usize, masks: &[(usize, usize, usize)]) -> Vec<Token> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = from;
    let mut m = masks.iter().peekable();
    while let Some(&&(s, _, _)) = m.peek() {
        if s >= from {
            break;
        }
        m.next();
    }
    while i < to {
        if let Some(&&(s, e, q)) = m.peek() {
            if i >= s {
                out.push(Token {
                    kind: Tok::Quote(q),
                    start: s,
                    end: e,
                });
                i = e.max(i + 1);
                m.next();
                while i < to && !text.is_char_boundary(i) {
                    i += 1;
                }
                continue;
            }
        }
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let limit = m.peek().map_or(to, |&&(s, _, _)| s.min(to));
        if word_char(c) {
            let start = i;
            let mut j = i + c.len_utf8();
            while j < limit {
                if bytes[j].is_ascii_alphanumeric() {
                    j += 1;
                    continue;
                }
                let Some(d) = text[j..].chars().next() else {
                    break;
                };
                if word_char(d) {
                    j += d.len_utf8();
                } else if matches!(d, '.' | '-' | '’' | '\'' | '‑') {
                    // Joins only when a word character follows ("U.S.", "Yong-hyun"), or
                    // for the final dot of an initial or dotted abbreviation ("J.", "U.S.").
                    let after = j + d.len_utf8();
                    let next = text[after..limit.max(after)].chars().next();
                    if next.is_some_and(word_char) {
                        j = after;
                    } else if d == '.' && is_dotted(&text[start..j]) {
                        j = after;
                        break;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Token {
                kind: Tok::Word,
                start,
                end: j,
            });
            i = j;
        } else {
            let end = i + c.len_utf8();
            if !c.is_whitespace() {
                out.push(Token {
                    kind: Tok::Punct(c),
                    start: i,
                    end,
                });
            }
            i = end;
        }
    }
    // Every paragraph's tokens stay alive until speakers are resolved dossier-wide: give
    // back the growth slack (up to half the buffer; shrinking reallocates in place).
    out.shrink_to_fit();
    out
}

/// "J" (an initial), "U.S" or "a.m": a word whose final dot belongs to it.
fn is_dotted(w: &str) -> bool {
    let mut chars = w.chars();
    let one_cap = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    one_cap
        || (w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2))
        || abbreviations().has(w)
}

/// A word without a trailing possessive ("Austin’s" -> "Austin"), and whether it had one.
pub fn strip_possessive(w: &str) -> (&str, bool) {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if !stem.is_empty() {
                return (stem, true);
            }
        }
    }
    (w, false)
}

/// The word at token `i`, if that token is a word.
pub fn word<'t>(text: &'t str, toks: &[Token], i: usize) -> Option<&'t str> {
    let t = toks.get(i)?;
    (t.kind == Tok::Word).then(|| &text[t.start..t.end])
}

/// True when a word starts with an upper-case letter.
pub fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}
