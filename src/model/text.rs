//! Article structure: paragraphs and sentences with byte spans, paragraph kinds, metadata.
//!
//! Segmentation never changes the text: every span is a byte range of the article as stored,
//! trimmed of surrounding white space, on character boundaries.

mod kinds;
mod meta;
mod sentences;

pub use kinds::classify;
pub(crate) use kinds::is_social_embed;
pub use meta::{infer_meta, outlet_from_file, parse_date, stamps, StampKind};
pub use sentences::split_sentences;

use crate::model::{ParaKind, Paragraph, Span, Spans};

/// Characters trimmed from both ends of paragraphs and sentences.
pub(crate) fn is_trim(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Trim a span of white space (and BOMs) on both sides.
pub(crate) fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let lead = s.len() - s.trim_start_matches(is_trim).len();
    let trimmed = s.trim_matches(is_trim);
    Span::new(span.start + lead, span.start + lead + trimmed.len())
}

/// The lines of `text` as spans without their terminators (`\n`, `\r\n` or a lone `\r`).
pub(crate) fn line_spans(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Only line ends matter: skip to the next one eight bytes at a time.
        i = find_any(bytes, i, [b'\n', b'\r', b'\n', b'\r']);
        if i >= bytes.len() {
            break;
        }
        match bytes[i] {
            b'\n' => {
                lines.push(Span::new(start, i));
                start = i + 1;
            }
            b'\r' => {
                lines.push(Span::new(start, i));
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        lines.push(Span::new(start, bytes.len()));
    }
    lines
}

/// True when a line ends where a paragraph may end (sentence-final punctuation, a closing
/// quote or bracket, a colon).
fn ends_complete(s: &str) -> bool {
    s.chars().last().is_some_and(|c| {
        matches!(
            c,
            '.' | '!'
                | '?'
                | ':'
                | ';'
                | '"'
                | '”'
                | '’'
                | '\''
                | ')'
                | ']'
                | '…'
                | '»'
                | '>'
                | '}'
        )
    })
}

/// Split text into paragraphs (kind `body`), with their sentences.
///
/// Blank lines and single line breaks both end a paragraph, as both occur in scraped news;
/// a line that breaks mid-sentence (no final punctuation, the next line starting in lower
/// case) is a hard wrap and is joined with the next.
pub fn segment(text: &str) -> Vec<Paragraph> {
    let mut paras: Vec<Span> = Vec::new();
    let mut open: Option<Span> = None;
    // Whether the open paragraph holds " | " (a navigation line), kept as lines join: a
    // search of the whole paragraph at every line was quadratic on many one-word lines.
    let mut piped = false;
    let has_pipe = |from: usize, to: usize| {
        crate::model::work::step(to - from);
        // A byte search for the bar rules out nearly every line first.
        let line = &text.as_bytes()[from..to];
        line.contains(&b'|') && line.windows(3).any(|w| w == b" | ")
    };
    for line in line_spans(text) {
        let line = trim_span(text, line);
        crate::model::work::step(1);
        if line.is_empty() {
            paras.extend(open.take());
            continue;
        }
        let s = &text[line.range()];
        match open {
            Some(cur) => {
                let prev = &text[cur.range()];
                let wraps = !ends_complete(prev)
                    && s.chars().next().is_some_and(|c| c.is_lowercase())
                    && !piped;
                if wraps {
                    // The two bytes before the join may start a " | " across it.
                    piped = has_pipe(cur.end.saturating_sub(2).max(cur.start), line.end);
                    open = Some(Span::new(cur.start, line.end));
                } else {
                    paras.push(cur);
                    piped = has_pipe(line.start, line.end);
                    open = Some(line);
                }
            }
            None => {
                piped = has_pipe(line.start, line.end);
                open = Some(line);
            }
        }
    }
    paras.extend(open);
    paras
        .into_iter()
        .map(|span| paragraph(text, span, ParaKind::Body, split_sentences(text, span)))
        .collect()
}

/// A paragraph of `text` at `span`, its words counted once here: the kind rules and the
/// body word count read the count instead of counting again (they did about five times a
/// paragraph, 9% of loading's instructions).
pub(crate) fn paragraph(text: &str, span: Span, kind: ParaKind, sentences: Spans) -> Paragraph {
    Paragraph {
        span,
        kind,
        sentences,
        words: u32::try_from(word_count(&text[span.range()])).unwrap_or(u32::MAX),
    }
}

impl Paragraph {
    /// Its word count, stopping at `cap` (as [`words_upto`] on its text).
    pub(crate) fn words_upto(&self, cap: usize) -> usize {
        (self.words as usize).min(cap)
    }
}

/// The first index at or after `from` whose byte is one of `set`, or `bytes.len()`.
///
/// Eight bytes are tested at a time (a word holds one of the bytes when `x ^ b` has a zero
/// byte; the lowest flagged byte of that test is always a true one), so the scanners that
/// look for a few rare bytes (sentence-final marks) skip the text between them at about
/// a third of an instruction a byte instead of the four or more a byte-by-byte match took
/// (split_sentences: 16.1 M of 33.3 M instructions on 200 generated articles).
pub(crate) fn find_any(bytes: &[u8], from: usize, set: [u8; 4]) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let splat = set.map(|b| LO * u64::from(b));
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(chunk);
        let hits = splat.iter().fold(0, |m, s| {
            let y = x ^ s;
            m | (y.wrapping_sub(LO) & !y & HI)
        });
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && !set.contains(&bytes[i]) {
        i += 1;
    }
    i.min(bytes.len())
}

/// True when `s` holds more than `n` pieces between white space (as
/// `s.split_whitespace().nth(n).is_some()`), reading ASCII bytes without decoding them:
/// the date-stamp test asks it of every paragraph (about 10 M instructions on 200
/// generated articles through `split_whitespace`).
pub(crate) fn more_fields_than(s: &str, n: usize) -> bool {
    let bytes = s.as_bytes();
    let (mut i, mut fields, mut in_field) = (0, 0, false);
    while i < bytes.len() {
        let b = bytes[i];
        // `char::is_whitespace` on ASCII: space and U+0009..U+000D.
        let (space, width) = if b < 0x80 {
            (matches!(b, b' ' | b'\t'..=b'\r'), 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && !in_field {
            fields += 1;
            if fields > n {
                return true;
            }
        }
        in_field = !space;
        i += width;
    }
    false
}

/// Words in a piece of text (runs of alphanumeric characters, with inner apostrophes,
/// hyphens and digit separators).
pub fn word_count(s: &str) -> usize {
    words_upto(s, usize::MAX)
}

/// [`word_count`], but counting stops at `cap`: for a test against a bound
/// (`words_upto(s, 9) <= 8`), which a long paragraph answers after its first words
/// instead of its last. The paragraph-kind rules ask it a dozen times a paragraph.
pub fn words_upto(s: &str, cap: usize) -> usize {
    // A word is a run of joiners holding at least one alphanumeric character: the classes
    // of a run are OR-ed together, and it counts when `ALNUM` is among them. ASCII letters
    // and digits, most of a word, are stepped over in a loop of their own with one table
    // load a byte; every other byte's class comes from `BYTE_CLASS`, where a non-ASCII
    // byte says "decode" (one loop over every byte's class took 11 instructions a byte:
    // 15.3 M on 200 generated articles, 13.1 M so).
    let bytes = s.as_bytes();
    let (mut count, mut i) = (0, 0);
    while i < bytes.len() {
        let mut seen = 0u8;
        loop {
            let run = i;
            while bytes
                .get(i)
                .is_some_and(|&b| crate::model::lex::ASCII_ALNUM[usize::from(b)])
            {
                i += 1;
            }
            if i > run {
                seen = ALNUM;
            }
            let Some(&b) = bytes.get(i) else { break };
            let mut class = BYTE_CLASS[usize::from(b)];
            if class == DECODE {
                let c = s[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                class = if c.is_alphanumeric() {
                    ALNUM
                } else if c == '’' {
                    JOINER
                } else {
                    0
                };
            } else {
                i += 1;
            }
            if class == 0 {
                break;
            }
            seen |= class;
        }
        if seen & ALNUM != 0 {
            count += 1;
            if count >= cap {
                return cap;
            }
        }
    }
    count.min(cap)
}

/// For [`words_upto`]: a byte that opens a non-ASCII character, to decode.
const DECODE: u8 = 4;

/// For [`words_upto`]: [`ASCII_CLASS`] for ASCII bytes, `DECODE` for the others (a
/// continuation byte is never looked at: a decoded character is stepped over whole).
static BYTE_CLASS: [u8; 256] = {
    let mut t = [DECODE; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = ASCII_CLASS[b];
        b += 1;
    }
    t
};

const ALNUM: u8 = 2;
const JOINER: u8 = 1;

/// For [`word_count`]: ASCII letters and digits are `ALNUM`; `'`, `-`, `.` and `,` join.
const ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b'\'' | b'-' | b'.' | b',') {
            JOINER
        } else {
            0
        };
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, paras: &[Paragraph]) -> Vec<&'a str> {
        paras.iter().map(|p| &text[p.span.range()]).collect()
    }

    /// A capped count answers a bound test as the full count does: the count when under
    /// the cap, the cap otherwise (the last word, with no space after it, included).
    #[test]
    fn capped_word_count_agrees_with_the_full_one() {
        let s = "The U.S. team's 1,200-strong crew don’t stop — ever";
        let n = word_count(s);
        assert_eq!(n, 8);
        for cap in 0..12 {
            assert_eq!(words_upto(s, cap), n.min(cap), "cap {cap}");
        }
    }

    /// Marks that join words are no word on their own ("...", a lone hyphen or comma),
    /// while a run holding a letter or digit is one, whatever its script ("café", "x’y").
    #[test]
    fn runs_of_joiners_alone_are_no_words() {
        assert_eq!(word_count("— ... - , ' x’y café 3,5 ’"), 3);
        assert_eq!(word_count("État-major, l’été."), 2);
    }

    /// The eight-bytes-at-a-time search finds the first byte of its set wherever it
    /// stands (in a chunk, in the tail, across a non-ASCII character), as a byte loop does.
    #[test]
    fn find_any_agrees_with_a_byte_loop() {
        let text = "ab … cd. Ef? ghijklmnopqrstuvwxyz! “x” 0123456789.";
        let bytes = text.as_bytes();
        let set = [b'.', b'!', b'?', 0xE2];
        for from in 0..=bytes.len() {
            let slow = (from..bytes.len())
                .find(|&i| set.contains(&bytes[i]))
                .unwrap_or(bytes.len());
            assert_eq!(find_any(bytes, from, set), slow, "from {from}");
        }
        assert_eq!(find_any(b"", 0, set), 0);
    }

    /// The field test agrees with `split_whitespace` at every bound, also with non-ASCII
    /// white space (a no-break space) and ASCII control characters that are not white
    /// space.
    #[test]
    fn more_fields_than_agrees_with_split_whitespace() {
        for s in [
            "",
            "  ",
            "one",
            " Published:\u{a0}3 March\t2021 \u{b}09:10\r\nBST ",
            "a\u{1c}b c\u{3000}d",
        ] {
            for n in 0..8 {
                let expect = s.split_whitespace().nth(n).is_some();
                assert_eq!(more_fields_than(s, n), expect, "{s:?} {n}");
            }
        }
    }

    /// Single newlines and blank lines both separate paragraphs.
    #[test]
    fn paragraphs_split_on_single_and_blank_lines() {
        let t = "One.\nTwo.\n\nThree.\n";
        assert_eq!(texts(t, &segment(t)), ["One.", "Two.", "Three."]);
    }

    /// CRLF and lone CR line ends are line ends, and offsets still point into the text.
    #[test]
    fn crlf_and_cr_line_ends() {
        let t = "One.\r\nTwo.\rThree.";
        let p = segment(t);
        assert_eq!(texts(t, &p), ["One.", "Two.", "Three."]);
        assert_eq!(p[2].span, Span::new(11, 17));
    }

    /// A hard-wrapped line (no final punctuation, continued in lower case) is joined.
    #[test]
    fn hard_wrap_is_joined() {
        let t = "The troops were seen\nmoving north on Tuesday.\nA new paragraph.";
        assert_eq!(
            texts(t, &segment(t)),
            [
                "The troops were seen\nmoving north on Tuesday.",
                "A new paragraph."
            ]
        );
    }

    /// A leading byte-order mark is not part of the first paragraph.
    #[test]
    fn bom_is_skipped() {
        let t = "\u{feff}First line.\nSecond.";
        let p = segment(t);
        assert_eq!(p[0].span.start, 3);
        assert_eq!(texts(t, &p), ["First line.", "Second."]);
    }

    /// Words count hyphenated and numeric tokens once.
    #[test]
    fn counts_words() {
        assert_eq!(
            word_count("Kim Yong-hyun said 10,000 troops’ moves — 3.5 km."),
            8
        );
        assert_eq!(word_count(""), 0);
    }

    /// Many one-word lines (each a hard wrap of the last) segment in linear work:
    /// doubling the lines at most 2.5× the count (the open paragraph was searched for
    /// " | " whole at every line).
    #[test]
    fn one_word_lines_segment_in_linear_work() {
        crate::model::work::assert_linear(20_000, |n| {
            std::hint::black_box(segment(&"word\n".repeat(n)));
        });
    }

    /// A " | " anywhere in a joined paragraph, even split across the join, still stops
    /// the next line from joining it (the incremental check sees what the whole did).
    #[test]
    fn pipe_in_a_joined_paragraph_stops_joining() {
        let joined = |t: &str| segment(t).len();
        assert_eq!(joined("home\nnews | world\nmore"), 2);
        assert_eq!(joined("home |  \nnews\nmore"), 2);
        assert_eq!(joined("home\nnews\nmore"), 1);
    }
}
