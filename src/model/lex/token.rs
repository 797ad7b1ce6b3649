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
/// Any token: it follows the token before it with no space between ("50km", "45-year").
/// The payload's top bit, above any character (21 bits) and any quote index a paragraph
/// can hold (`QUOTE_INDEX`).
const GLUED: u32 = 1 << (KIND_SHIFT - 1);
/// The bits of a punctuation mark's character or a quote's index.
const QUOTE_INDEX: u32 = GLUED - 1;

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
        let bytes = &text.as_bytes()[start..end];
        // A word that opens with an ASCII byte (nearly every word) is told by its bytes,
        // without decoding; a capitalized one is read for lowercase letters until the
        // first, so only acronyms are read whole.
        let flags = match bytes.first() {
            Some(b'0'..=b'9') => NUMBER,
            Some(b'a'..=b'z') => 0,
            Some(b'A'..=b'Z') => {
                let mut letters = 0;
                let mut ascii = true;
                for &b in bytes {
                    if b.is_ascii_lowercase() {
                        return Token::new(start, end, WORD, CAP);
                    }
                    ascii &= b.is_ascii();
                    letters += usize::from(b.is_ascii_alphabetic());
                }
                if ascii {
                    CAP | if letters >= 2 { ACRONYM } else { 0 }
                } else {
                    char_flags(&text[start..end])
                }
            }
            _ => char_flags(&text[start..end]),
        };
        Token::new(start, end, WORD, flags)
    }

    /// What the token is.
    pub fn kind(&self) -> Tok {
        let payload = self.tag & QUOTE_INDEX;
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
    /// True when the token follows the one before it with no space between ("km" in
    /// "50km"); the first token of the scanned range never is.
    pub fn is_glued(&self) -> bool {
        self.tag & GLUED != 0
    }
    fn glued(mut self, glued: bool) -> Token {
        if glued {
            self.tag |= GLUED;
        }
        self
    }
}

/// A word's flags read from its characters: [`Token::word`]'s general path.
fn char_flags(w: &str) -> u32 {
    let first = w.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() {
        return NUMBER;
    }
    if !first.is_uppercase() {
        return 0;
    }
    // An acronym is capitalized first, so only capitalized words are read again.
    let mut letters = 0;
    let upper = w.chars().all(|c| {
        letters += usize::from(c.is_alphabetic());
        !c.is_alphabetic() || c.is_uppercase()
    });
    CAP | if upper && letters >= 2 { ACRONYM } else { 0 }
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

/// What joins a word: the one tokenizer's option, for the two ways the model reads words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rules {
    /// Prose, for quotes, people, paragraph kinds and claim terms: letters and digits make
    /// one word, and an inner `.`, `-`, `’` or `'` joins ("U.S.", "Yong-hyun", "didn’t",
    /// "3.5", "50km", "19th").
    Prose,
    /// Figures, for the facts pass, which reads a number apart from its unit and its
    /// hyphen: a number is ASCII digits with a `,` or `.` between two digits ("2,40,000",
    /// "3.5"); a word is letters only, joined by an apostrophe before a letter ("Russia’s")
    /// or by the dot after a one-letter part ("U.S.", "p.m."). So "50km" is `50` then a glued
    /// `km`, "45-year" is `45`, `-`, `year`, and a hyphenated name is two words.
    Figures,
}

/// A quote to mask as one token: its marks' byte range in the article and its index in the
/// paragraph's quote list, as `u32`s (an article is at most 4 GiB): a page of short quotes
/// holds one per 3 bytes, and a mask of three `usize`s took 24 bytes (4 MiB of `"'a`:
/// 33.6 MB of masks).
pub type Mask = (u32, u32, u32);

/// A mask's values as offsets and an index.
fn widen(&(s, e, q): &Mask) -> (usize, usize, usize) {
    (s as usize, e as usize, q as usize)
}

/// The tokens of `text[from..to]`, one at a time: see [`tokenize`] and [`Rules`].
pub struct Tokens<'a> {
    text: &'a str,
    from: usize,
    i: usize,
    to: usize,
    masks: std::slice::Iter<'a, Mask>,
    mask: Option<(usize, usize, usize)>,
    /// Where the scan of plain text stops: the next mask's start, or `to`.
    limit: usize,
    rules: Rules,
    /// True after white space (and at the start): the next token is not glued.
    space: bool,
}

impl<'a> Tokens<'a> {
    /// Scan `text[from..to]` by `rules`, masking the given quote ranges (mark to mark,
    /// sorted) as single `Quote` tokens; masks that open before `from` are skipped.
    pub fn new(
        text: &'a str,
        from: usize,
        to: usize,
        masks: &'a [Mask],
        rules: Rules,
    ) -> Tokens<'a> {
        let mut masks = masks.iter();
        let mut mask = masks.next().map(widen);
        while mask.is_some_and(|(s, _, _)| s < from) {
            mask = masks.next().map(widen);
        }
        let to = to.min(text.len());
        Tokens {
            text,
            from,
            i: from,
            to,
            masks,
            mask,
            limit: mask.map_or(to, |(s, _, _)| s.min(to)),
            rules,
            space: true,
        }
    }

    /// The character at `i` (a boundary below `limit`) and, when it opens a word by the
    /// rules, where that word ends.
    fn word_at(&self, i: usize, limit: usize) -> Option<(Option<usize>, char)> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let b = bytes[i];
        if b < 0x80 {
            // An ASCII character (most of news text) is read through its byte's class,
            // without decoding.
            let class = ASCII_CLASS[usize::from(b)];
            let end = match self.rules {
                Rules::Prose if class & (LETTER | DIGIT) != 0 => {
                    Some(ascii_prose_word_end(text, i, limit))
                }
                Rules::Figures if class & DIGIT != 0 => Some(figures_number_end(bytes, i, limit)),
                Rules::Figures if class & LETTER != 0 => {
                    Some(ascii_figures_word_end(text, self.from, i, limit))
                }
                _ => None,
            };
            return Some((end, char::from(b)));
        }
        let c = text[i..].chars().next()?;
        let end = match self.rules {
            Rules::Prose if word_char(c) => Some(prose_word_end(text, i, i + c.len_utf8(), limit)),
            Rules::Figures if c.is_alphabetic() => {
                Some(figures_word_end(text, self.from, i, limit))
            }
            _ => None,
        };
        Some((end, c))
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let (text, bytes, to) = (self.text, self.text.as_bytes(), self.to);
        let mut i = self.i;
        // The next mask's start is kept as `limit` while plain text is scanned, and white
        // space is stepped over in a loop of its own: testing the mask at every character
        // took the tokenizer 87.3 M instructions on 200 generated articles, 79.5 M so.
        loop {
            // White space, in a loop of its own up to the next mask.
            while i < self.limit && ASCII_CLASS[usize::from(bytes[i])] & SPACE != 0 {
                i += 1;
                self.space = true;
            }
            if i >= to {
                self.i = i;
                return None;
            }
            if i >= self.limit {
                // A mask opens here (`limit` is below `to` only at a mask's start).
                let (s, e, q) = self.mask?;
                let q = u32::try_from(q).unwrap_or(QUOTE_INDEX).min(QUOTE_INDEX);
                let tok = Token::new(s, e, QUOTE, q).glued(!self.space);
                i = e.max(i + 1);
                self.mask = self.masks.next().map(widen);
                self.limit = self.mask.map_or(to, |(s, _, _)| s.min(to));
                while i < to && !text.is_char_boundary(i) {
                    i += 1;
                }
                self.i = i;
                self.space = false;
                return Some(tok);
            }
            let glued = !self.space;
            let (end, c) = self.word_at(i, self.limit)?;
            if let Some(end) = end {
                self.i = end;
                self.space = false;
                return Some(Token::word(text, i, end).glued(glued));
            }
            i += c.len_utf8();
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            self.i = i;
            self.space = false;
            return Some(Token::new(i - c.len_utf8(), i, PUNCT, c as u32).glued(glued));
        }
    }
}

/// What an ASCII byte is to the scanner: a letter, a digit, white space (as
/// `u8::is_ascii_whitespace`), or none of them (a mark; every non-ASCII byte too).
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const SPACE: u8 = 4;

/// Every byte's class, one load a byte.
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_whitespace() {
            SPACE
        } else {
            0
        };
        b += 1;
    }
    t
};

/// [`prose_word_end`] for a word that opens with an ASCII letter or digit at `start`: a
/// run of ASCII letters and digits that an ASCII byte other than a joiner ends (nearly
/// every word) is answered without decoding; any other end takes the general scan.
fn ascii_prose_word_end(text: &str, start: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = start + 1;
    while j < limit && super::ASCII_ALNUM[usize::from(bytes[j])] {
        j += 1;
    }
    match bytes.get(j) {
        Some(&b) if j < limit && (b >= 0x80 || matches!(b, b'.' | b'-' | b'\'')) => {
            prose_word_end(text, start, j, limit)
        }
        _ => j,
    }
}

/// [`figures_word_end`] for a word that opens with an ASCII letter at `start`: a run of
/// ASCII letters that an ASCII byte other than `.` and `'` ends is answered without
/// decoding; any other end takes the general scan from the word's start.
fn ascii_figures_word_end(text: &str, from: usize, start: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = start + 1;
    while j < limit && bytes[j].is_ascii_alphabetic() {
        j += 1;
    }
    match bytes.get(j) {
        Some(&b) if j < limit && (b >= 0x80 || matches!(b, b'.' | b'\'')) => {
            figures_word_end(text, from, start, limit)
        }
        _ => j,
    }
}

/// The paragraph length (bytes) from which [`tokenize`] counts the tokens before
/// allocating their list: the longest line of the seeds and the seven dev dossiers holds
/// 628 bytes, so normal text never pays the second scan.
const EXACT_CAPACITY_FROM: usize = 64 * 1024;

/// Tokenize `text[from..to]` by the prose [`Rules`], masking the given quote ranges (mark
/// to mark, sorted) as single `Quote` tokens. Inner `.`, `-`, `’` and `'` join words; a
/// trailing possessive `’s` stays on the word (see [`strip_possessive`]).
pub fn tokenize(text: &str, from: usize, to: usize, masks: &[Mask]) -> Vec<Token> {
    // News prose runs about five bytes a token: starting at a quarter of the bytes spares
    // most paragraphs every regrowth (6 M instructions of reallocation on 200 generated
    // articles), and the list is shrunk to its length below.
    let len = to.saturating_sub(from);
    // A paragraph longer than any news paragraph is counted first, and its list allocated
    // once at that length: grown, its smaller buffers stay resident after they are moved
    // (a page of `a, `, two tokens in three bytes, grew to 56.1 MiB peak resident for
    // 4 MiB in `dossier sources`, ~9 MiB of it the buffers grown out of). Counting costs
    // a second scan, only there.
    let cap = if len > EXACT_CAPACITY_FROM {
        Tokens::new(text, from, to, masks, Rules::Prose).count()
    } else {
        len / 4
    };
    let mut out = Vec::with_capacity(cap);
    out.extend(Tokens::new(text, from, to, masks, Rules::Prose));
    // Every paragraph's tokens stay alive until speakers are resolved dossier-wide: give
    // back the growth slack (up to half the buffer; shrinking reallocates in place).
    out.shrink_to_fit();
    out
}

/// Where a prose word that opens at `start` ends, scanned on from `from` (a boundary after
/// its first character).
fn prose_word_end(text: &str, start: usize, from: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = from;
    while j < limit {
        if super::ASCII_ALNUM[usize::from(bytes[j])] {
            j += 1;
            continue;
        }
        let Some(d) = text[j..].chars().next() else {
            break;
        };
        if word_char(d) {
            j += d.len_utf8();
        } else if matches!(d, '.' | '-' | '’' | '\'' | '‑') {
            // Joins only when a word character follows ("U.S.", "Yong-hyun"), or for the
            // final dot of an initial or dotted abbreviation ("J.", "U.S.").
            let after = j + d.len_utf8();
            let next = text[after..limit.max(after)].chars().next();
            if next.is_some_and(word_char) {
                j = after;
            } else if d == '.' && is_dotted(&text[start..j]) {
                return after;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    j
}

/// Where a number of the figures rules that opens at `start` ends: digits, and a `,` or
/// `.` between two digits.
fn figures_number_end(bytes: &[u8], start: usize, limit: usize) -> usize {
    let mut j = start + 1;
    while j < limit {
        let d = bytes[j];
        let next_digit = j + 1 < limit && bytes[j + 1].is_ascii_digit();
        if d.is_ascii_digit() || (matches!(d, b',' | b'.') && next_digit) {
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// The character at byte `j` (a boundary below `limit`) and its length.
fn char_at(text: &str, j: usize) -> Option<char> {
    let b = *text.as_bytes().get(j)?;
    if b.is_ascii() {
        return Some(char::from(b));
    }
    text[j..].chars().next()
}

/// Where a word of the figures rules that opens with a letter at `start` ends: letters; an
/// apostrophe with a letter after it ("Russia’s"); the dot after a one-letter part when a
/// letter follows or a dot stood before that letter ("U.S.", "p.m.", but not "Mr.").
fn figures_word_end(text: &str, from: usize, start: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = start;
    // Letters since the word's start or its last join, and where the first of them is.
    let (mut part, mut part_start) = (0, start);
    while j < limit {
        let Some(d) = char_at(text, j) else {
            break;
        };
        let after = j + d.len_utf8();
        if d.is_alphabetic() {
            if part == 0 {
                part_start = j;
            }
            part += 1;
            j = after;
            continue;
        }
        let letter_next = after < limit && char_at(text, after).is_some_and(char::is_alphabetic);
        let joins = match d {
            '\'' | '’' => letter_next,
            '.' if part == 1 => {
                // The look-back stops at the scanned range's start, not at the word's.
                let dot_before = part_start > from && bytes[part_start - 1] == b'.';
                letter_next || dot_before
            }
            _ => false,
        };
        if !joins {
            break;
        }
        part = 0;
        j = after;
    }
    j
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

    /// A word's flags read from its bytes agree with its characters: a capitalized word
    /// with a non-ASCII letter is an acronym only when every letter is upper case, and a
    /// lowercase letter anywhere ("NATO’s") makes it a capitalized word only.
    #[test]
    fn flags_agree_with_the_characters_past_ascii() {
        let text = "ÉLYSÉE Élysée AÉ Aé NATO’s NATOS éa";
        let flags: Vec<(bool, bool)> = tokenize(text, 0, text.len(), &[])
            .iter()
            .filter(|t| t.is_word())
            .map(|t| (t.is_cap(), t.is_acronym()))
            .collect();
        assert_eq!(
            flags,
            [
                (true, true),
                (true, false),
                (true, true),
                (true, false),
                (true, false),
                (true, true),
                (false, false),
            ]
        );
    }

    /// The ASCII fast paths end a word where the general scans do: at a plain mark at
    /// once, and through a joiner, a curly apostrophe or a non-ASCII letter by the rules
    /// ("said." ends before its dot, "U.S." keeps its dots).
    #[test]
    fn ascii_word_ends_agree_with_the_general_scans() {
        for w in [
            "said.",
            "said,",
            "U.S.",
            "Yong-hyun",
            "don’t",
            "don't",
            "x-",
            "Mr.",
            "p.m.",
            "50km",
            "3.5",
            "abc…",
            "café",
            "Russia’s",
            "J. Roe",
            "a.b.c",
            "word)",
        ] {
            let len = w.len();
            assert_eq!(
                ascii_prose_word_end(w, 0, len),
                prose_word_end(w, 0, 1, len),
                "prose {w:?}"
            );
            if w.as_bytes()[0].is_ascii_alphabetic() {
                assert_eq!(
                    ascii_figures_word_end(w, 0, 0, len),
                    figures_word_end(w, 0, 0, len),
                    "figures {w:?}"
                );
            }
        }
    }

    /// The words of `text[from..]` by the figures rules.
    fn figure_words(text: &str, from: usize) -> Vec<(&str, bool)> {
        Tokens::new(text, from, text.len(), &[], Rules::Figures)
            .map(|t| (&text[t.start()..t.end()], t.is_glued()))
            .collect()
    }

    /// By the figures rules a number keeps its `,` and `.` separators between digits, and
    /// letters after it are a glued word of their own (where prose reads one word).
    #[test]
    fn figures_rules_keep_separators_and_split_units() {
        assert_eq!(
            figure_words("2,40,000 or 50km", 0),
            [
                ("2,40,000", false),
                ("or", false),
                ("50", false),
                ("km", true)
            ]
        );
        let prose = tokenize("50km", 0, 4, &[]);
        assert_eq!(prose.len(), 1);
    }

    /// A separator that no digit follows ends the number: "3." at a sentence's end and
    /// "1,000," before a clause are numbers without their mark.
    #[test]
    fn a_separator_without_a_digit_after_is_a_mark() {
        assert_eq!(
            figure_words("1,000, then 3.", 0),
            [
                ("1,000", false),
                (",", true),
                ("then", false),
                ("3", false),
                (".", true)
            ]
        );
    }

    /// By the figures rules a hyphen is a mark between two words, an apostrophe before a
    /// letter stays inside one, and the dots of "U.S." and "p.m." belong to the word while
    /// the dot after "Mr" (two letters) does not.
    #[test]
    fn figures_rules_join_apostrophes_and_dotted_letters_not_hyphens() {
        let words: Vec<&str> = figure_words("45-year Russia’s U.S. p.m. Mr. Lee", 0)
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        assert_eq!(
            words,
            [
                "45",
                "-",
                "year",
                "Russia’s",
                "U.S.",
                "p.m.",
                "Mr",
                ".",
                "Lee"
            ]
        );
    }

    /// The dot after a one-letter part joins when a dot stood before that letter inside the
    /// scanned range; a dot before the range's start does not count.
    #[test]
    fn the_dot_look_back_stops_at_the_range_start() {
        assert_eq!(figure_words(".a. b", 0)[1].0, "a.");
        assert_eq!(figure_words(".a. b", 1)[0].0, "a");
    }

    /// Glued marks the token after no space, and never the first token of the range, even
    /// when text stands right before it.
    #[test]
    fn glued_tells_tokens_with_no_space_before() {
        let text = "x$5 (45)";
        let glued: Vec<bool> = figure_words(text, 1).into_iter().map(|(_, g)| g).collect();
        assert_eq!(glued, [false, true, false, true, true]);
    }

    /// Masks that touch are one token each, the second glued to the first, and a mask
    /// that opens past the scanned range's end is no token (nor is the text after `to`).
    #[test]
    fn touching_masks_each_make_one_token_and_none_past_the_end() {
        let text = "a “x”“y” b “z” c";
        let at = |from: usize, c: char| from + text[from..].find(c).unwrap_or(0);
        let (o1, c1) = (at(0, '“'), at(0, '”') + 3);
        let c2 = at(c1, '”') + 3;
        let (o3, c3) = (at(c2, '“'), at(c2, '”') + 3);
        let masks = [
            (o1 as u32, c1 as u32, 0),
            (c1 as u32, c2 as u32, 1),
            (o3 as u32, c3 as u32, 2),
        ];
        let toks = tokenize(text, 0, o3 - 1, &masks);
        let kinds: Vec<(Tok, bool)> = toks.iter().map(|t| (t.kind(), t.is_glued())).collect();
        assert_eq!(
            kinds,
            [
                (Tok::Word, false),
                (Tok::Quote(0), false),
                (Tok::Quote(1), true),
                (Tok::Word, false),
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
        let toks = tokenize(text, 0, text.len(), &[(open as u32, close as u32, 7)]);
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
