//! A small lexer for fact finding: words, numerals, currency and percent signs, punctuation,
//! each with its byte span in the article.

use crate::model::Span;

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
    pub lower: String,
    /// True when the token follows the previous one with no space ("50km", "45-year").
    pub glued: bool,
    /// True when the word starts with a capital letter.
    pub capital: bool,
    /// True for an all-capital word of two letters or more ("US", "U.S.", "NATO").
    pub acronym: bool,
}

fn is_sign(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹' | '%')
}

/// True when the word may go on at `chars[i]`: an apostrophe inside a word ("Russia’s"),
/// or the dot of a dotted abbreviation ("U.S.", "p.m."): a single letter then a dot, then a
/// letter or a prior dot.
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

/// Lex `text[span]` into tokens with absolute spans.
pub fn lex(text: &str, span: Span) -> Vec<Token> {
    let s = text.get(span.range()).unwrap_or("");
    let base = span.start;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut space = true;
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
        } else if is_sign(c) {
            i += 1;
            Tok::Sign
        } else {
            i += 1;
            Tok::Punct
        };
        let (sb, eb) = (b, end_of(i));
        let raw = &s[sb..eb];
        let lower: String = raw
            .chars()
            .filter(|&ch| kind != Tok::Word || ch != '.')
            .map(|ch| if ch == '’' { '\'' } else { ch })
            .collect::<String>()
            .to_lowercase();
        out.push(Token {
            kind,
            span: Span::new(base + sb, base + eb),
            lower,
            glued: !space && start > 0,
            capital: c.is_uppercase(),
            acronym: kind == Tok::Word
                && raw.chars().filter(|ch| ch.is_alphabetic()).count() >= 2
                && raw
                    .chars()
                    .all(|ch| !ch.is_alphabetic() || ch.is_uppercase()),
        });
        space = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(Tok, String)> {
        lex(s, Span::new(0, s.len()))
            .into_iter()
            .map(|t| (t.kind, t.lower))
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

    /// Dotted abbreviations are one word without dots.
    #[test]
    fn dotted_abbreviations_are_one_word() {
        let k = kinds("U.S. estimates at 3 p.m.");
        assert_eq!(k[0], (Tok::Word, "us".into()));
        assert_eq!(k[1], (Tok::Word, "estimates".into()));
        assert_eq!(k[4], (Tok::Word, "pm".into()));
    }
}
