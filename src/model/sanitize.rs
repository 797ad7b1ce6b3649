//! Making untrusted text safe to put on a terminal.
//!
//! One rule everywhere (CLI text output and the reader): C0 controls and DEL show as their
//! Unicode control pictures (ESC as `␛`), C1 controls as `�`, a tab as one space, and the
//! invisible characters that reorder or hide text (bidi overrides and isolates, zero-width
//! characters) as `�` too, so nothing in an article can move the cursor, set the title,
//! write the clipboard or disguise itself.

/// True when `c` must not reach a terminal as is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

/// Invisible formatting characters that can disguise text.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}' | '\u{00AD}')
}

/// The visible stand-in for an unsafe character.
pub fn substitute(c: char) -> char {
    match c {
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// The character shown for `c`: `c` itself when safe, a space for a tab, else its
/// visible stand-in. One character for one, so byte spans map to columns simply (the
/// reader draws with this too).
pub fn visible(c: char) -> char {
    match c {
        '\t' => ' ',
        c if is_unsafe(c) => substitute(c),
        c => c,
    }
}

/// The character shown for `c` in flowing text (a paragraph, a quote): a line break
/// (`\n`, or `\r` alone or in `\r\n`, as the segmenter reads them) is a space, as a
/// wrapped line ends in no mark; anything else as [`visible`]. The reader and the CLI's
/// paragraphs both draw with this.
pub fn flowing(c: char) -> char {
    match c {
        '\n' | '\r' => ' ',
        c => visible(c),
    }
}

/// Flowing text made safe: see [`flowing`] (a CRLF is one space).
pub fn sanitize_flowing(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| c == '\n' || c == '\r' || is_unsafe(c)) {
        return std::borrow::Cow::Borrowed(s);
    }
    // CRLF is one line break: one space.
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        out.push(flowing(c));
    }
    std::borrow::Cow::Owned(out)
}

/// Replace every unsafe character in `s` (newlines kept when `keep_newlines`).
pub fn sanitize(s: &str, keep_newlines: bool) -> std::borrow::Cow<'_, str> {
    if !s
        .chars()
        .any(|c| is_unsafe(c) && !(keep_newlines && c == '\n'))
    {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\r' if keep_newlines => {}
            c => out.push(visible(c)),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An escape sequence shows as ␛ and its parameters, never as a raw ESC.
    #[test]
    fn escape_shows_as_picture() {
        assert_eq!(sanitize("a\x1b[31mred", false), "a␛[31mred");
        assert_eq!(sanitize("bell\x07", false), "bell␇");
    }

    /// C1 controls, bidi overrides and zero-width characters are made visible.
    #[test]
    fn c1_bidi_zero_width() {
        assert_eq!(sanitize("a\u{9b}b\u{202e}c\u{200b}d", false), "a�b�c�d");
    }

    /// A tab becomes one space (as in the reader); newlines are kept only when asked.
    #[test]
    fn tabs_and_newlines() {
        assert_eq!(sanitize("a\tb\nc", true), "a b\nc");
        assert_eq!(sanitize("a\nb", false), "a␊b");
    }

    /// In flowing text line breaks (LF, CRLF, a lone CR) are spaces; the rest as always.
    #[test]
    fn flowing_line_breaks_are_spaces() {
        assert_eq!(sanitize_flowing("a\nb\r\nc\rd\x1b"), "a b c d␛");
    }

    /// Clean text is borrowed, not copied.
    #[test]
    fn clean_text_borrowed() {
        assert!(matches!(
            sanitize("plain “text”", false),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
