//! Sentence splitting that knows about abbreviations, initials, decimals and closing quotes.

use super::{is_trim, trim_span};
use crate::model::lexicon;
use crate::model::{Span, Spans};

/// Characters that may follow a sentence's final mark and still belong to the sentence.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '“')
}

/// Words after a dotted abbreviation ("U.S.") that show a new sentence has begun.
const STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "However",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "A",
    "An",
    "And",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "There",
    "Officials",
    "Meanwhile",
    "Still",
    "Yet",
    "So",
    "On",
    "At",
    "As",
    "When",
    "While",
    "After",
    "If",
];

/// The word that ends at byte `dot` (exclusive), with inner dots ("U.S" before the last ".").
fn word_before(s: &str, dot: usize) -> &str {
    let head = &s[..dot];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '-' || c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// The word that starts at byte `at`.
fn word_after(s: &str, at: usize) -> &str {
    let tail = &s[at..];
    let end = tail
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(tail.len(), |(i, _)| i);
    &tail[..end]
}

/// Whether the period at byte `dot` of `s` ends a sentence, given the next word.
fn period_ends(s: &str, dot: usize, next: &str) -> bool {
    let word = word_before(s, dot);
    let bare = word.trim_start_matches(['-', '\'']);
    if bare.is_empty() {
        return true;
    }
    // Initials: "Lloyd J. Austin", "J.R.R."
    if bare.chars().count() == 1 && bare.chars().all(char::is_uppercase) {
        return false;
    }
    // Most words before a period are lower-case already: fold only when needed.
    let lower: std::borrow::Cow<str> =
        if !bare.is_ascii() || bare.bytes().any(|b| b.is_ascii_uppercase()) {
            bare.to_lowercase().into()
        } else {
            bare.into()
        };
    if lexicon::abbreviations().contains(lower.as_bytes()) {
        return false;
    }
    if lexicon::abbreviations_before_number().contains(lower.as_bytes()) {
        return !next.chars().next().is_some_and(|c| c.is_ascii_digit());
    }
    // Dotted abbreviations ("U.S.", "a.m.", "D.C."): a sentence ends only when a typical
    // sentence opener follows.
    if bare.contains('.') && bare.split('.').all(|p| p.chars().count() <= 2) {
        return STARTERS.contains(&next);
    }
    true
}

/// Split the paragraph at `span` of `text` into sentences, each trimmed, tiling the
/// paragraph in order.
pub fn split_sentences(text: &str, span: Span) -> Spans {
    let s = &text[span.range()];
    let mut out = Spans::default();
    let mut start = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    // Final marks are ASCII or '…' (E2 80 A6): scan bytes, decode only around a mark.
    while i < bytes.len() {
        let c = match bytes[i] {
            b'.' => '.',
            b'!' => '!',
            b'?' => '?',
            0xE2 if s[i..].starts_with('…') => '…',
            _ => {
                i = super::find_any(bytes, i + 1, [b'.', b'!', b'?', 0xE2]);
                continue;
            }
        };
        // Extend over repeated marks and closing quotes/brackets.
        let mut end = i + c.len_utf8();
        for d in s[end..].chars() {
            if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        let at = i;
        i = end;
        // A sentence ends only before white space.
        let rest = &s[end..];
        let Some(ws) = rest.chars().next() else { break };
        if !ws.is_whitespace() {
            continue;
        }
        let next_at = end + (rest.len() - rest.trim_start_matches(is_trim).len());
        let Some(first) = s[next_at..].chars().next() else {
            break;
        };
        // A lower-case continuation is never a new sentence ("?” he asked").
        if first.is_lowercase() {
            continue;
        }
        let next = word_after(s, next_at);
        if c == '.' && end == at + 1 && !period_ends(s, at, next) {
            continue;
        }
        out.push(trim_span(
            text,
            Span::new(span.start + start, span.start + end),
        ));
        start = next_at;
    }
    if start < s.len() {
        let last = trim_span(text, Span::new(span.start + start, span.end));
        if !last.is_empty() {
            out.push(last);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn split(t: &str) -> Vec<&str> {
        split_sentences(t, Span::new(0, t.len()))
            .iter()
            .map(|sp| &t[sp.range()])
            .collect()
    }

    /// Plain sentences split at their final marks.
    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("One here. Two there! Three?"),
            ["One here.", "Two there!", "Three?"]
        );
    }

    /// "U.S." inside a sentence does not end it; before a sentence opener it does.
    #[test]
    fn dotted_abbreviations() {
        assert_eq!(
            split("The U.S. Army moved. Then it stopped."),
            ["The U.S. Army moved.", "Then it stopped."]
        );
        assert_eq!(
            split("He flew to the U.S. He landed."),
            ["He flew to the U.S.", "He landed."]
        );
    }

    /// Month abbreviations before a day number do not end a sentence.
    #[test]
    fn month_abbreviation() {
        assert_eq!(
            split("They met on Oct. 30, 2024. It rained."),
            ["They met on Oct. 30, 2024.", "It rained."]
        );
    }

    /// Titles and initials are not sentence ends.
    #[test]
    fn titles_and_initials() {
        assert_eq!(
            split("Dr. Carter met Gen. Smith. Fine."),
            ["Dr. Carter met Gen. Smith.", "Fine."]
        );
        assert_eq!(
            split("Secretary of Defense Lloyd J. Austin III spoke. He left."),
            [
                "Secretary of Defense Lloyd J. Austin III spoke.",
                "He left."
            ]
        );
    }

    /// "No." is an abbreviation only before a number.
    #[test]
    fn number_abbreviation() {
        assert_eq!(
            split("He is ranked No. 2 in the world. Yes."),
            ["He is ranked No. 2 in the world.", "Yes."]
        );
        assert_eq!(
            split("He said no. Then he left."),
            ["He said no.", "Then he left."]
        );
    }

    /// Decimals and dotted names never split.
    #[test]
    fn decimals_and_domains() {
        assert_eq!(
            split("It rose 3.5 percent at Time.news today. Next."),
            ["It rose 3.5 percent at Time.news today.", "Next."]
        );
    }

    /// A sentence that ends inside closing quotes ends after them.
    #[test]
    fn closing_quotes() {
        assert_eq!(
            split("They are “co-belligerents.” He noted it."),
            ["They are “co-belligerents.”", "He noted it."]
        );
        assert_eq!(
            split("He said \"stop.\" She left."),
            ["He said \"stop.\"", "She left."]
        );
    }

    /// A quote closing with a comma or a question mark followed by lower case continues.
    #[test]
    fn quote_then_attribution() {
        assert_eq!(
            split("“Why now?” he asked. Fine."),
            ["“Why now?” he asked.", "Fine."]
        );
    }

    /// Ellipses and repeated marks stay with their sentence.
    #[test]
    fn ellipsis() {
        assert_eq!(split("Wait... What?! Yes."), ["Wait...", "What?!", "Yes."]);
    }

    /// Sentences tile the paragraph: every non-space byte is in exactly one sentence.
    #[test]
    fn tiles_paragraph() {
        let t = "A b. C d! E f?";
        let s: Vec<Span> = split_sentences(t, Span::new(0, t.len())).iter().collect();
        assert_eq!(s.first().unwrap().start, 0);
        assert_eq!(s.last().unwrap().end, t.len());
        assert!(s.windows(2).all(|w| w[0].end < w[1].start));
    }
}
