//! Mojibake: UTF-8 text that was read as Windows-1252 and saved again.
//!
//! A page saved that way shows `â€œ` for “ and `â€”` for —: each punctuation mark of the
//! U+2018–U+2026 block became three characters, `â` and `€` (its lead bytes 0xE2 0x80)
//! and the Windows-1252 character of its last byte. The text stays the file's (spans are
//! byte offsets into it); the quote finder and the reader read each sequence as the
//! character it stands for. Only the `â€` pair starts one, and it never occurs in real
//! text, so "château" or "â" alone are never touched.

use std::borrow::Cow;

/// The two characters every sequence starts with (bytes 0xE2 0x80 read as Windows-1252).
const PREFIX: &str = "â€";

/// The character after [`PREFIX`] and the character the sequence stands for: the last
/// UTF-8 byte of the character, decoded as Windows-1252 (WHATWG's, where the unassigned
/// 0x9D is U+009D). Note that the dashes end in curly double quotes (0x93 is “, 0x94 is
/// ”), so a dash sequence must be read whole, never as a mark.
const TRAILERS: [(char, char); 9] = [
    ('œ', '“'),
    ('\u{9d}', '”'),
    // The C1 control 0x9D is often lost on the way, replaced or dropped (below).
    ('\u{fffd}', '”'),
    ('™', '’'),
    ('\u{2dc}', '‘'),
    ('\u{201d}', '—'),
    ('\u{201c}', '–'),
    ('¦', '…'),
    ('¢', '•'),
];

/// The sequence starting at byte `i` of `s`, as (the character it stands for, its length
/// in bytes). A bare `â€` (its 0x9D dropped) is a closing double quote.
pub fn at(s: &str, i: usize) -> Option<(char, usize)> {
    let rest = s.get(i..)?.strip_prefix(PREFIX)?;
    let next = rest.chars().next();
    match TRAILERS.iter().find(|(t, _)| Some(*t) == next) {
        Some(&(t, c)) => Some((c, PREFIX.len() + t.len_utf8())),
        None => Some(('”', PREFIX.len())),
    }
}

/// The character a sequence ending at byte `i` of `s` stands for, if one ends there.
pub fn ending_at(s: &str, i: usize) -> Option<char> {
    let head = s.get(..i)?;
    let last = head.chars().next_back()?;
    if let Some(&(t, c)) = TRAILERS.iter().find(|(t, _)| *t == last) {
        if head[..i - t.len_utf8()].ends_with(PREFIX) {
            return Some(c);
        }
    }
    head.ends_with(PREFIX).then_some('”')
}

/// Whether `s` holds mojibake punctuation.
pub fn contains(s: &str) -> bool {
    s.contains(PREFIX)
}

/// `s` with every sequence replaced by the character it stands for (for display only).
pub fn repair(s: &str) -> Cow<'_, str> {
    if !contains(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find(PREFIX) {
        out.push_str(&rest[..k]);
        let (c, len) = at(rest, k).unwrap_or(('”', PREFIX.len()));
        out.push(c);
        rest = &rest[k + len..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every table entry is the character's UTF-8 bytes decoded as Windows-1252.
    #[test]
    fn trailers_are_the_windows_1252_reading() {
        for &(t, c) in TRAILERS.iter().filter(|(t, _)| *t != '\u{fffd}') {
            let bytes = c.to_string().into_bytes();
            let (read, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
            assert_eq!(read, format!("{PREFIX}{t}"), "{c}");
        }
    }

    /// Sequences are repaired, the dash's curly trailer included; the rest is kept.
    #[test]
    fn repair_reads_sequences_whole() {
        assert_eq!(
            repair("â€œWe wonâ€™t go,â€\u{9d} she said â€” then left."),
            "“We won’t go,” she said — then left."
        );
        assert_eq!(repair("pages 3â€“5â€"), "pages 3–5”");
    }

    /// "château" and a lone "â" look like the sequences' first letter but are text.
    #[test]
    fn ordinary_circumflex_is_untouched() {
        let t = "Le château â la mode, “Oui” — dit-il.";
        assert!(!contains(t));
        assert!(matches!(repair(t), Cow::Borrowed(_)));
        assert_eq!(at(t, t.find('â').unwrap()), None);
    }

    /// A sequence is recognised from its end as from its start.
    #[test]
    fn ending_at_agrees_with_at() {
        let t = "x â€™ yâ€\u{9d}";
        assert_eq!(ending_at(t, 2 + "â€™".len()), Some('’'));
        assert_eq!(ending_at(t, t.len()), Some('”'));
        assert_eq!(ending_at(t, 1), None);
    }
}
