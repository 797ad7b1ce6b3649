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

/// A token with its byte range in the article, in 12 bytes: `u32` offsets (an article is
/// read whole into memory and the loader bounds it far below 4 GiB) and one `u32` that
/// packs what the token is (two bits) with its payload: a punctuation mark's character, a
/// quote's index, or a word's [`flags`](Token::is_cap). Every story paragraph's tokens
/// stay alive until speakers are resolved dossier-wide, so their size is most of the
/// memory quote extraction takes (32 bytes a token before: 277 MB for `dossier quotes` on
/// 32.9 MB of generated text).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    tag: u32,
}

const KIND_SHIFT: u32 = 30;
const PAYLOAD: u32 = (1 << KIND_SHIFT) - 1;
const WORD: u32 = 0;
const PUNCT: u32 = 1;
const QUOTE: u32 = 2;
/// Word flags: the first character is upper case ("Austin", "U.S.").
const CAP: u32 = 1;
/// Word flags: capitalized, with two or more letters, all upper case ("NATO", "U.S.").
const ACRONYM: u32 = 2;
/// Word flags: the word opens with a digit ("1,000", "3.5", "19th").
const NUMBER: u32 = 4;

impl Token {
    fn new(start: usize, end: usize, kind: u32, payload: u32) -> Token {
        Token {
            start: offset(start),
            end: offset(end),
            tag: (kind << KIND_SHIFT) | (payload & PAYLOAD),
        }
    }

    /// A word at `text[start..end]`, its flags read from the text.
    fn word(text: &str, start: usize, end: usize) -> Token {
        let w = &text[start..end];
        let mut flags = 0;
        let first = w.chars().next().unwrap_or(' ');
        if first.is_ascii_digit() {
            flags |= NUMBER;
        } else if first.is_uppercase() {
            flags |= CAP;
            // An acronym is capitalized first, so only capitalized words are read again.
            let mut letters = 0;
            let upper = if w.is_ascii() {
                w.bytes().all(|b| {
                    letters += usize::from(b.is_ascii_alphabetic());
                    !b.is_ascii_lowercase()
                })
            } else {
                w.chars().all(|c| {
                    letters += usize::from(c.is_alphabetic());
                    !c.is_alphabetic() || c.is_uppercase()
                })
            };
            if upper && letters >= 2 {
                flags |= ACRONYM;
            }
        }
        Token::new(start, end, WORD, flags)
    }

    /// What the token is.
    pub fn kind(&self) -> Tok {
        let payload = self.tag & PAYLOAD;
        match self.tag >> KIND_SHIFT {
            WORD => Tok::Word,
            PUNCT => Tok::Punct(char::from_u32(payload).unwrap_or('\u{FFFD}')),
            _ => Tok::Quote(payload as usize),
        }
    }
    /// Where the token starts in the article (a byte offset).
    pub fn start(&self) -> usize {
        self.start as usize
    }
    /// Where the token ends in the article (a byte offset).
    pub fn end(&self) -> usize {
        self.end as usize
    }
    /// True for a word.
    pub fn is_word(&self) -> bool {
        self.tag >> KIND_SHIFT == WORD
    }
    fn flag(&self, f: u32) -> bool {
        self.is_word() && self.tag & f != 0
    }
    /// True for a word that starts with an upper-case letter (as [`is_cap`] on its text).
    pub fn is_cap(&self) -> bool {
        self.flag(CAP)
    }
    /// True for a capitalized word of two or more letters, all upper case ("NATO", "U.S.").
    pub fn is_acronym(&self) -> bool {
        self.flag(ACRONYM)
    }
    /// True for a word that opens with a digit ("1,000", "3.5").
    pub fn is_number(&self) -> bool {
        self.flag(NUMBER)
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}@{}..{}", self.kind(), self.start, self.end)
    }
}

/// A byte offset as stored in a token: articles are bounded by the loader's `max_bytes`
/// (32 MiB by default), far below `u32::MAX`; a larger offset saturates rather than wraps.
fn offset(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// True for characters that may sit inside a word ("U.S.", "Yong-hyun", "don’t").
fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokenize `text[from..to]`, masking the given quote ranges (mark to mark, sorted) as
/// single `Quote` tokens. Inner `.`, `-`, `’` and `'` join words; a trailing possessive
/// `’s` stays on the word (see [`strip_possessive`]).
pub fn tokenize(text: &str, from: usize, to: usize, masks: &[(usize, usize, usize)]) -> Vec<Token> {
    // News prose runs about five bytes a token: starting at a quarter of the bytes spares
    // most paragraphs every regrowth (6 M instructions of reallocation on 200 generated
    // articles), and the list is shrunk to its length below.
    let mut out = Vec::with_capacity(to.saturating_sub(from) / 4);
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
                out.push(Token::new(s, e, QUOTE, u32::try_from(q).unwrap_or(PAYLOAD)));
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
            out.push(Token::word(text, start, j));
            i = j;
        } else {
            let end = i + c.len_utf8();
            if !c.is_whitespace() {
                out.push(Token::new(i, end, PUNCT, c as u32));
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
    t.is_word().then(|| &text[t.start()..t.end()])
}

/// True when a word starts with an upper-case letter.
pub fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len(), &[])
            .iter()
            .filter(|t| t.is_word())
            .map(|t| &text[t.start()..t.end()])
            .collect()
    }

    /// A token is 12 bytes: every story paragraph's tokens stay alive through attribution.
    #[test]
    fn tokens_are_twelve_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 12);
    }

    /// Dotted abbreviations, hyphenated names and contractions are one word each.
    #[test]
    fn dotted_hyphenated_and_elided_words_stay_whole() {
        assert_eq!(
            words("The U.S. envoy Min-jun Park didn’t say."),
            ["The", "U.S.", "envoy", "Min-jun", "Park", "didn’t", "say"]
        );
    }

    /// A sentence's final dot after an ordinary word is punctuation, not part of the word.
    #[test]
    fn a_full_stop_after_a_word_is_punctuation() {
        let text = "It rained.";
        let toks = tokenize(text, 0, text.len(), &[]);
        assert_eq!(toks.last().map(Token::kind), Some(Tok::Punct('.')));
        assert_eq!(words(text), ["It", "rained"]);
    }

    /// Flags tell capitalized words, acronyms and numbers; a capitalized word is no acronym
    /// and a lone capital initial is none either.
    #[test]
    fn flags_tell_capitals_acronyms_and_numbers() {
        let text = "NATO said Ann 3.5 J. wait";
        let toks = tokenize(text, 0, text.len(), &[]);
        let flags: Vec<(bool, bool, bool)> = toks
            .iter()
            .filter(|t| t.is_word())
            .map(|t| (t.is_cap(), t.is_acronym(), t.is_number()))
            .collect();
        assert_eq!(
            flags,
            [
                (true, true, false),
                (false, false, false),
                (true, false, false),
                (false, false, true),
                (true, false, false),
                (false, false, false),
            ]
        );
    }

    /// A masked quote is one token carrying its index, and a mark is punctuation with its
    /// character.
    #[test]
    fn masked_quotes_are_one_token_with_their_index() {
        let text = "He said “we will win” today.";
        let open = text.find('“').unwrap_or(0);
        let close = text.find('”').map_or(0, |i| i + '”'.len_utf8());
        let toks = tokenize(text, 0, text.len(), &[(open, close, 7)]);
        let kinds: Vec<Tok> = toks.iter().map(Token::kind).collect();
        assert_eq!(
            kinds,
            [
                Tok::Word,
                Tok::Word,
                Tok::Quote(7),
                Tok::Word,
                Tok::Punct('.')
            ]
        );
        assert_eq!((toks[2].start(), toks[2].end()), (open, close));
    }
}
