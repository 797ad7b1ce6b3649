//! The facts pass's view of the model's tokens: words, numerals, currency and percent
//! signs, punctuation, each with its byte span in the article and its lowercase form.
//!
//! The lexing is [`crate::model::lex`]'s, by its figures rules ([`Rules::Figures`]: a
//! number apart from its unit, hyphens as marks); this view adds what the rules read of
//! each token, its lowercase form held inline (no heap string for a word of 24 bytes or
//! fewer, which is nearly every word).

use super::lexicon::{self, Lists};
use crate::model::lex::{self, Rules};
use crate::model::Span;
use compact_str::CompactString;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    Word,
    Number,
    /// `$ £ € ¥ ₹ %`.
    Sign,
    Punct,
}

/// One token with its span in the text and its lowercase form.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: Tok,
    pub span: Span,
    /// Lower case, a word's dots dropped ("U.S." -> "us") and `’` read as `'`.
    pub lower: CompactString,
    /// True when the token follows the previous one with no space ("50km", "45-year").
    pub glued: bool,
    /// True when the word starts with a capital letter.
    pub capital: bool,
    /// True for an all-capital word of two letters or more ("US", "U.S.", "NATO").
    pub acronym: bool,
    /// The facts' word lists that hold `lower` (none for a token that is no word), read
    /// once here for the passes that test them ([`lexicon::word_lists`]).
    pub lists: Lists,
}

fn is_sign(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹' | '%')
}

impl Token {
    /// The view of one token of the model's tokenizer.
    // Inlined into the lexing loop: called once per token (3.6 M instructions of the calls
    // of `dossier sources` on 200 generated articles).
    #[inline(always)]
    fn of(text: &str, t: lex::Token) -> Token {
        let raw = &text[t.start()..t.end()];
        let kind = match t.kind() {
            lex::Tok::Word if t.is_number() => Tok::Number,
            lex::Tok::Word => Tok::Word,
            lex::Tok::Punct(c) if is_sign(c) => Tok::Sign,
            _ => Tok::Punct,
        };
        let capital = match kind {
            Tok::Word => t.is_cap(),
            Tok::Number => false,
            _ => raw.chars().next().is_some_and(char::is_uppercase),
        };
        let lower = lower(raw, kind == Tok::Word);
        let lists = if kind == Tok::Word {
            lexicon::word_lists(&lower)
        } else {
            0
        };
        Token {
            kind,
            span: Span::new(t.start(), t.end()),
            lower,
            glued: t.is_glued(),
            capital,
            acronym: kind == Tok::Word && t.is_acronym(),
            lists,
        }
    }
}

/// The lowercase form of a token: `’` read as `'`, a word's dots dropped. A token of ASCII
/// with nothing to drop (nearly every one) is copied, and folded in place only when it
/// holds a capital (most tokens of news prose hold none); the others go through
/// `str::to_lowercase` when they hold other than ASCII, for the context-dependent cases (a
/// final sigma).
fn lower(raw: &str, word: bool) -> CompactString {
    let (high, dot, upper) = marks(raw.as_bytes());
    let plain = !(high || (word && dot));
    if plain {
        let mut folded = CompactString::new(raw);
        if upper {
            folded.make_ascii_lowercase();
        }
        return folded;
    }
    let mut folded: CompactString = raw
        .chars()
        .filter(|&ch| !word || ch != '.')
        .map(|ch| if ch == '’' { '\'' } else { ch })
        .collect();
    if folded.is_ascii() {
        folded.make_ascii_lowercase();
        folded
    } else {
        CompactString::from(folded.as_str().to_lowercase())
    }
}

/// Whether `bytes` hold a byte past ASCII (exactly), a `.` and a capital letter (either may
/// be told of a token that holds none: such a token takes [`lower`]'s general path or a
/// fold that changes nothing, to the same form). A token of 4 to 16 bytes (nearly every
/// one) is read as two integers that cover it, overlapping; the others byte by byte (a
/// pass of ORs over the bytes of each token cost 14 M of the 790 M instructions of
/// `dossier sources` on 200 generated articles).
fn marks(bytes: &[u8]) -> (bool, bool, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let n = bytes.len();
    let pair = match n {
        8..=16 => Some((read_u64(&bytes[..8]), read_u64(&bytes[n - 8..]))),
        4..=7 => {
            let word = |b: &[u8]| u64::from(u32::from_le_bytes(b.try_into().unwrap_or([0; 4])));
            let x = word(&bytes[..4]) | word(&bytes[n - 4..]) << 32;
            Some((x, x))
        }
        _ => None,
    };
    let Some((a, b)) = pair else {
        let (mut high, mut dot, mut upper) = (0u8, false, false);
        for &b in bytes {
            high |= b;
            dot |= b == b'.';
            upper |= b.wrapping_sub(b'A') < 26;
        }
        return (!high.is_ascii(), dot, upper);
    };
    let high = (a | b) & (ONES << 7) != 0;
    // A zero byte of `x ^ "........"` is a dot (the test for a zero byte is exact).
    let has_dot = |x: u64| {
        let v = x ^ (ONES * u64::from(b'.'));
        v.wrapping_sub(ONES) & !v & (ONES << 7) != 0
    };
    // A byte of 0x40..=0x5f (the capitals and five marks), or past ASCII: bit 6 set, bit 5
    // clear.
    let has_upper = |x: u64| x & !(x << 1) & (ONES << 6) != 0;
    (high, has_dot(a) || has_dot(b), has_upper(a) || has_upper(b))
}

fn read_u64(b: &[u8]) -> u64 {
    u64::from_le_bytes(b.try_into().unwrap_or([0; 8]))
}

/// Bytes of prose per token, at least: claims of the 200 generated articles hold one token
/// every 4.6 bytes, so a list sized for one every 4 bytes is never grown (growing it by
/// doubling cost 52 M of the 1,558 M instructions of `dossier sources` on them).
const BYTES_PER_TOKEN: usize = 4;
/// The most tokens reserved ahead: a claim is at most 600 bytes; a longer span (a whole
/// text) grows its list as it goes rather than reserving for it all.
const RESERVE_MAX: usize = 1024;

/// Lex `text[span]` into tokens with absolute spans.
pub fn lex(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::new();
    lex_into(text, span, &mut out);
    out
}

/// [`lex`] into `out`, which is cleared first: a pass that lexes claim after claim reuses
/// one list (a list allocated and freed per claim cost 13 M of the 920 M instructions of
/// `dossier sources` on 200 generated articles).
pub fn lex_into(text: &str, span: Span, out: &mut Vec<Token>) {
    out.clear();
    let bytes = span.end.saturating_sub(span.start);
    out.reserve((bytes / BYTES_PER_TOKEN + 1).min(RESERVE_MAX));
    out.extend(stream(text, span));
}

/// The tokens of `text[span]` one at a time, for a pass that needs no look-around beyond
/// its own state (memory bounded on a sentence of any length). None for a span off the
/// text's character boundaries.
pub fn stream(text: &str, span: Span) -> impl Iterator<Item = Token> + '_ {
    let to = if text.get(span.range()).is_some() {
        span.end
    } else {
        span.start
    };
    lex::Tokens::new(text, span.start, to, &[], Rules::Figures).map(|t| Token::of(text, t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(Tok, String)> {
        lex(s, Span::new(0, s.len()))
            .into_iter()
            .map(|t| (t.kind, t.lower.to_string()))
            .collect()
    }

    /// Grouped numerals stay one token, and trailing letters are glued words.
    #[test]
    fn numerals_keep_grouping_and_split_units() {
        let k = kinds("2,40,000 people, 50km and 3.5%.");
        assert_eq!(k[0], (Tok::Number, "2,40,000".into()));
        assert_eq!(k[3], (Tok::Number, "50".into()));
        assert_eq!(k[4], (Tok::Word, "km".into()));
        assert_eq!(k[6], (Tok::Number, "3.5".into()));
        assert_eq!(k[7], (Tok::Sign, "%".into()));
    }

    /// Lowercase forms fold `’` to `'`, keep a number's dots, and are held inline for
    /// ordinary words; a word too long for that still reads right.
    #[test]
    fn lowercase_forms_fold_and_stay_inline() {
        let text = "Russia’s 3.5 NATO Σίσυφος Internationalisationsbestrebungen";
        let toks = lex(text, Span::new(0, text.len()));
        let lower: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            lower,
            [
                "russia's",
                "3.5",
                "nato",
                "σίσυφος",
                "internationalisationsbestrebungen"
            ]
        );
        assert!(toks[..3].iter().all(|t| !t.lower.is_heap_allocated()));
        // A capital sigma ending a word lowers to the final form, as `str::to_lowercase`.
        let greek = "ΟΔΟΣ";
        let toks = lex(greek, Span::new(0, greek.len()));
        assert_eq!(toks[0].lower, greek.to_lowercase());
        assert!(toks[0].lower.ends_with('ς'));
    }

    /// A token with no capital is kept as written; a capital anywhere in it folds, not
    /// only a first one ("iPhone", "McCain", "x-RAY").
    #[test]
    fn capitals_anywhere_in_a_token_fold() {
        let k = kinds("rain iPhone McCain x-RAY");
        let lower: Vec<&str> = k.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(lower, ["rain", "iphone", "mccain", "x", "-", "ray"]);
    }

    /// Tokens of every length fold as `str::to_lowercase` does, with a word's dots dropped,
    /// wherever their capital, dot or other than ASCII byte stands.
    #[test]
    fn tokens_of_every_length_fold_wherever_their_marks_stand() {
        for n in 1..=20 {
            for at in 0..n {
                for mark in ["A", ".", "é", "@", "_", "a"] {
                    let mut s = "x".repeat(n);
                    s.replace_range(at..=at, mark);
                    let want = s.to_lowercase();
                    assert_eq!(lower(&s, false).as_str(), want, "{s}");
                    assert_eq!(lower(&s, true).as_str(), want.replace('.', ""), "{s}");
                }
            }
        }
    }

    /// A span that is not on character boundaries gives no tokens (and no panic).
    #[test]
    fn a_span_off_char_boundaries_gives_nothing() {
        let text = "é 5";
        assert!(lex(text, Span::new(1, text.len())).is_empty());
    }

    /// Signs are their own kind, other marks punctuation; capitals and acronyms are flagged
    /// on words only.
    #[test]
    fn signs_capitals_and_acronyms() {
        let text = "$5 NATO Ann € ;";
        let toks = lex(text, Span::new(0, text.len()));
        let got: Vec<(Tok, bool, bool)> = toks
            .iter()
            .map(|t| (t.kind, t.capital, t.acronym))
            .collect();
        assert_eq!(
            got,
            [
                (Tok::Sign, false, false),
                (Tok::Number, false, false),
                (Tok::Word, true, true),
                (Tok::Word, true, false),
                (Tok::Sign, false, false),
                (Tok::Punct, false, false)
            ]
        );
    }

    /// Clause starts read from a stream of tokens are those read from the lexed tokens:
    /// after ";" and at ", but"; a "but" after no comma and a final ";" open no clause.
    #[test]
    fn clause_starts_from_a_stream_match_the_lexed_ones() {
        let text = "Rain fell; roads shut, but trains ran but late, while buses; ";
        let span = Span::new(0, text.len());
        let streamed: Vec<usize> = crate::model::facts::clause_starts(stream(text, span)).collect();
        let expected = ["roads", "but trains", "while"].map(|w| text.find(w).unwrap_or(0));
        assert_eq!(streamed, expected);
        assert_eq!(crate::model::facts::extract(text, span).clauses, expected);
    }

    /// A word carries the bits of the facts' lists that hold its lowercase form; a
    /// numeral, a mark and a word in no list carry none (a capital does not hide a word).
    #[test]
    fn words_carry_the_bits_of_their_lists() {
        use crate::model::facts::lexicon::{IN_ATTRIBUTION_HEADS, IN_NUMBER_WORDS};
        let text = "Officials said two , 2 harbours";
        let toks = lex(text, Span::new(0, text.len()));
        let lists: Vec<Lists> = toks.iter().map(|t| t.lists).collect();
        assert_ne!(lists[0] & IN_ATTRIBUTION_HEADS, 0);
        assert_ne!(lists[2] & IN_NUMBER_WORDS, 0);
        assert_eq!(lists[3..], [0, 0, 0]);
    }

    /// Dotted abbreviations are one word without dots.
    #[test]
    fn dotted_abbreviations_are_one_word() {
        let k = kinds("U.S. estimates at 3 p.m.");
        assert_eq!(k[0], (Tok::Word, "us".into()));
        assert_eq!(k[1], (Tok::Word, "estimates".into()));
        assert_eq!(k[4], (Tok::Word, "pm".into()));
    }
}

/// The facts lexer as it was before it read `model::lex` tokens (a character vector per
/// span, a `String` per token), kept as the oracle the view must match token for token.
#[cfg(test)]
mod oracle {
    use super::{is_sign, lex, Tok};
    use crate::model::Span;
    use proptest::prelude::*;

    fn joins_word(chars: &[(usize, char)], i: usize, seg: usize) -> bool {
        let d = chars[i].1;
        let next_alpha = chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphabetic());
        if d == '\'' || d == '’' {
            return next_alpha;
        }
        if d == '.' && seg == 1 {
            let prev_dot = i >= 2 && chars[i - 2].1 == '.';
            return next_alpha || prev_dot;
        }
        false
    }

    type Old = (Tok, usize, usize, String, bool, bool, bool);

    fn old_lex(text: &str, span: Span) -> Vec<Old> {
        let s = text.get(span.range()).unwrap_or("");
        let base = span.start;
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut out = Vec::new();
        let (mut i, mut space) = (0, true);
        let end_of = |k: usize| chars.get(k).map_or(s.len(), |&(b, _)| b);
        while i < chars.len() {
            let (b, c) = chars[i];
            if c.is_whitespace() {
                space = true;
                i += 1;
                continue;
            }
            let start = i;
            let kind = if c.is_ascii_digit() {
                i += 1;
                while i < chars.len() {
                    let d = chars[i].1;
                    let next_digit = chars.get(i + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
                    if d.is_ascii_digit() || ((d == ',' || d == '.') && next_digit) {
                        i += 1;
                    } else {
                        break;
                    }
                }
                Tok::Number
            } else if c.is_alphabetic() {
                let mut seg = 0;
                while i < chars.len() {
                    if chars[i].1.is_alphabetic() {
                        seg += 1;
                        i += 1;
                    } else if joins_word(&chars, i, seg) {
                        seg = 0;
                        i += 1;
                    } else {
                        break;
                    }
                }
                Tok::Word
            } else {
                i += 1;
                if is_sign(c) {
                    Tok::Sign
                } else {
                    Tok::Punct
                }
            };
            let raw = &s[b..end_of(i)];
            let lower = raw
                .chars()
                .filter(|&ch| kind != Tok::Word || ch != '.')
                .map(|ch| if ch == '’' { '\'' } else { ch })
                .collect::<String>()
                .to_lowercase();
            let acronym = kind == Tok::Word
                && raw.chars().filter(|ch| ch.is_alphabetic()).count() >= 2
                && raw
                    .chars()
                    .all(|ch| !ch.is_alphabetic() || ch.is_uppercase());
            let (glued, capital) = (!space && start > 0, c.is_uppercase());
            out.push((
                kind,
                base + b,
                base + end_of(i),
                lower,
                glued,
                capital,
                acronym,
            ));
            space = false;
        }
        out
    }

    fn new_lex(text: &str, span: Span) -> Vec<Old> {
        lex(text, span)
            .into_iter()
            .map(|t| {
                let (s, e) = (t.span.start, t.span.end);
                (
                    t.kind,
                    s,
                    e,
                    t.lower.to_string(),
                    t.glued,
                    t.capital,
                    t.acronym,
                )
            })
            .collect()
    }

    /// What the property's texts are made of: letters of either case (a final sigma, a
    /// dotted capital I, a Roman numeral), digits (an Arabic-Indic one), the marks that join
    /// or split words and numbers, signs, and spaces of three kinds.
    const PIECES: &[&str] = &[
        "a", "B", "Σ", "é", "İ", "Ⅰ", "1", "٣", ".", ",", "'", "’", "-", "$", "%", " ", "\u{b}",
        "\u{a0}",
    ];

    proptest! {
        /// On any text and any span of it, the view of the model's tokens is the old facts
        /// lexer's output token for token: kind, span, lowercase form and flags.
        #[test]
        fn the_view_lexes_as_the_old_facts_lexer(
            parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
            cut in 0usize..4,
        ) {
            let s = parts.concat();
            let from = (0..=cut.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
            let span = Span::new(from, s.len());
            prop_assert_eq!(new_lex(&s, span), old_lex(&s, span));
        }
    }

    /// Hand-picked texts lex as before from every start inside them (the property's
    /// inputs are random, and rarely start a span just after a dot).
    #[test]
    fn known_texts_lex_as_before_from_every_start() {
        let texts = [
            "U.S. p.m. .a. 2,40,000 50km Russia’s 45-year ΟΔΟΣ É.U. 3.5%.",
            "x.y.z ' ’a a’ 1.,2 .b.c Mr. J. Lee",
        ];
        for text in texts {
            for from in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                let span = Span::new(from, text.len());
                assert_eq!(new_lex(text, span), old_lex(text, span), "from {from}");
            }
        }
    }
}
