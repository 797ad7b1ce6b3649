//! Making untrusted text safe to put on a terminal.
//!
//! One rule everywhere (CLI text output and the reader): C0 controls and DEL show as their
//! Unicode control pictures (ESC as `␛`), C1 controls as `�`, a tab as one space, and the
//! invisible characters that reorder or hide text (bidi overrides and isolates, zero-width
//! characters) as `�` too, so nothing in an article can move the cursor, set the title,
//! write the clipboard or disguise itself.

/// True when `c` must not reach a terminal as is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_invisible(c) || is_format(c) || is_emoji_joiner(c)
}

/// Format characters that are invisible and mean nothing in a news text: line and
/// paragraph separators (U+2028/2029, which some terminals and editors break lines on),
/// the Mongolian vowel separator, the deprecated format controls U+206A–206F and the
/// interlinear annotation marks U+FFF9–FFFB. Text drops them.
pub fn is_format(c: char) -> bool {
    matches!(c,
        '\u{2028}' | '\u{2029}' | '\u{180E}' | '\u{206A}'..='\u{206F}' | '\u{FFF9}'..='\u{FFFB}')
}

/// Characters that belong inside an emoji sequence and nowhere else: the zero-width
/// joiner, variation selectors and tag characters (`🏴` + tags + cancel tag is a
/// subdivision flag). Text keeps them only where [`emoji_context`] says they join an
/// emoji, and drops them elsewhere.
pub fn is_emoji_joiner(c: char) -> bool {
    matches!(c,
        '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

/// An emoji (Extended_Pictographic, approximated by its blocks) or a skin-tone modifier:
/// what a joiner or a variation selector may follow.
pub fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0xA9 | 0xAE | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x2194..=0x2199 | 0x21A9..=0x21AA
        | 0x231A..=0x231B | 0x2328 | 0x23CF | 0x23E9..=0x23F3 | 0x23F8..=0x23FA | 0x24C2
        | 0x25AA..=0x25AB | 0x25B6 | 0x25C0 | 0x25FB..=0x25FE | 0x2600..=0x27BF
        | 0x2934..=0x2935 | 0x2B05..=0x2B07 | 0x2B1B..=0x2B1C | 0x2B50 | 0x2B55 | 0x3030
        | 0x303D | 0x3297 | 0x3299 | 0x1F000..=0x1FAFF)
}

/// Longest run of tag characters kept after `🏴` (subdivision codes such as `gbsct` take
/// five and the cancel tag one; the spec allows up to 32).
const MAX_TAGS: usize = 32;

/// Whether the joiner `c` at byte `at` of `s` is inside an emoji sequence, given the
/// character kept just before it: a variation selector 15/16 after an emoji or a keycap
/// base (`1️⃣`), a ZWJ between two emoji (`👩‍🚒`), tags after `🏴` or a tag, ending in the
/// cancel tag within [`MAX_TAGS`].
pub fn emoji_context(s: &str, at: usize, c: char, prev: Option<char>) -> bool {
    let next = s[at + c.len_utf8()..].chars().next();
    match c {
        '\u{FE0E}' | '\u{FE0F}' => {
            prev.is_some_and(|p| is_emoji(p) || p.is_ascii_digit() || p == '#' || p == '*')
        }
        '\u{200D}' => {
            prev.is_some_and(|p| is_emoji(p) || p == '\u{FE0F}') && next.is_some_and(is_emoji)
        }
        '\u{E0020}'..='\u{E007F}' => {
            let after_flag = prev == Some('\u{1F3F4}') && c != '\u{E007F}';
            let in_run = prev.is_some_and(|p| ('\u{E0020}'..='\u{E007E}').contains(&p));
            (after_flag || in_run)
                && s[at..]
                    .chars()
                    .take(MAX_TAGS)
                    .take_while(|t| ('\u{E0020}'..='\u{E007F}').contains(t))
                    .any(|t| t == '\u{E007F}')
        }
        _ => false,
    }
}

/// True when `s` can go to a terminal as is: every character is safe, allowed by
/// `keep` (a newline where lines are kept), or a joiner inside an emoji sequence. What
/// the sanitizers produce always passes; tests and fuzzing check it.
pub fn shows_safely(s: &str, keep: impl Fn(char) -> bool) -> bool {
    let mut prev = None;
    s.char_indices().all(|(at, c)| {
        let ok = !is_unsafe(c) || keep(c) || (is_emoji_joiner(c) && emoji_context(s, at, c, prev));
        prev = Some(c);
        ok
    })
}

/// `s` with each character put through `map` (None drops it), format characters
/// dropped, and emoji joiners kept only inside an emoji sequence: the one pass every
/// string-level sanitizer shares.
fn clean(s: &str, mut map: impl FnMut(char, Option<char>) -> Option<char>) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for (at, c) in s.char_indices() {
        let kept = if is_format(c) {
            None
        } else if is_emoji_joiner(c) {
            emoji_context(s, at, c, prev).then_some(c)
        } else {
            map(c, s[at + c.len_utf8()..].chars().next())
        };
        if let Some(k) = kept {
            out.push(k);
            prev = Some(k);
        }
    }
    out
}

/// True when `s` needs no change at all to be shown (the fast path of the sanitizers).
fn is_clean(s: &str, allowed: impl Fn(char) -> bool) -> bool {
    !s.chars().any(|c| is_unsafe(c) && !allowed(c))
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

/// Flowing text made safe: see [`flowing`] (a CRLF is one space); format characters
/// dropped and emoji joiners kept only inside emoji, as [`sanitize`].
pub fn sanitize_flowing(s: &str) -> std::borrow::Cow<'_, str> {
    if is_clean(s, |_| false) && !s.contains(['\n', '\r']) {
        return std::borrow::Cow::Borrowed(s);
    }
    // CRLF is one line break: one space.
    std::borrow::Cow::Owned(clean(s, |c, next| {
        (!(c == '\r' && next == Some('\n'))).then(|| flowing(c))
    }))
}

/// Text as the reader draws it: each character as [`flowing`] (one for one), but format
/// characters dropped and joiners kept only inside emoji, as [`sanitize`].
pub fn shown(s: &str) -> String {
    clean(s, |c, _| Some(flowing(c)))
}

/// Replace every unsafe character in `s` (newlines kept when `keep_newlines`): controls
/// as their pictures, bidi and zero-width controls as `�`; format characters dropped,
/// and joiners, variation selectors and tags dropped outside an emoji sequence.
pub fn sanitize(s: &str, keep_newlines: bool) -> std::borrow::Cow<'_, str> {
    if is_clean(s, |c| keep_newlines && c == '\n') {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(clean(s, |c, _| match c {
        '\n' if keep_newlines => Some('\n'),
        '\r' if keep_newlines => None,
        c => Some(visible(c)),
    }))
}

/// Text made safe to put on the clipboard: what a paste into a shell or an editor must
/// not act on. Line breaks (LF, CRLF, a lone CR) become `\n` and a tab stays, so a
/// copied paragraph pastes as it reads; every other unsafe character is treated as on
/// screen ([`sanitize`]), so no ESC can end bracketed paste (`ESC [201~`) and no bidi
/// control can reorder the pasted text.
pub fn for_clipboard(s: &str) -> String {
    clean(s, |c, next| match c {
        '\r' if next == Some('\n') => None,
        '\r' | '\n' => Some('\n'),
        '\t' => Some('\t'),
        c => Some(visible(c)),
    })
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

    /// Copied text keeps its line breaks (CRLF and CR as LF) and tabs, and shows an
    /// escape that would end bracketed paste as `␛`, a C1 CSI and bidi controls as `�`.
    #[test]
    fn copied_text_cannot_end_bracketed_paste() {
        assert_eq!(
            for_clipboard("a\x1b[201~\x15rm -rf ~\x0f\r\nb\tc"),
            "a␛[201~␕rm -rf ~␏\nb\tc"
        );
        assert_eq!(for_clipboard("x\u{9b}201~\ry\u{202e}z"), "x�201~\ny�z");
        assert_eq!(for_clipboard("plain “text”"), "plain “text”");
    }

    /// Line and paragraph separators, the Mongolian vowel separator, deprecated format
    /// controls and annotation marks are dropped; bidi controls never pass.
    #[test]
    fn format_characters_dropped() {
        assert_eq!(
            sanitize(
                "a\u{2028}b\u{2029}c\u{180e}d\u{206a}e\u{206f}f\u{fff9}g\u{fffb}h",
                false
            ),
            "abcdefgh"
        );
        assert_eq!(sanitize("a\u{202a}b\u{2067}c", true), "a�b�c");
        assert_eq!(for_clipboard("x\u{2028}y\u{2066}z"), "xy�z");
    }

    /// ZWJ, variation selectors and tags pass inside emoji sequences (a family, a
    /// firefighter, ❤️, a keycap, a subdivision flag) and are dropped outside them: a tag
    /// run hiding ASCII after a letter, a ZWJ between letters, a selector after a letter.
    #[test]
    fn joiners_only_inside_emoji() {
        for emoji in [
            "👨\u{200d}👩\u{200d}👧",
            "👩\u{200d}🚒",
            "❤\u{fe0f}",
            "1\u{fe0f}\u{20e3}",
            "🇺🇸",
            "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
            "👍🏽",
        ] {
            assert_eq!(sanitize(emoji, false), emoji, "{emoji:?}");
            assert_eq!(shown(emoji), emoji, "{emoji:?}");
        }
        // Tags smuggling "hi" after a letter; a tag run after 🏴 that never ends.
        assert_eq!(sanitize("a\u{e0068}\u{e0069}\u{e007f}b", false), "ab");
        assert_eq!(sanitize("🏴\u{e0068}\u{e0069}x", false), "🏴x");
        assert_eq!(
            sanitize("a\u{200d}b a\u{fe0f} \u{200d}👩", false),
            "ab a 👩"
        );
        assert_eq!(shown("a\u{200d}b\u{2028}"), "ab");
    }

    /// Clean text is borrowed, not copied.
    #[test]
    fn clean_text_borrowed() {
        assert!(matches!(
            sanitize("plain “text”", false),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        /// Text that mixes every kind of hostile character with plain and wide text.
        fn hostile() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                Just("\x1b[201~".to_string()),
                Just("\x1b]52;c;AAAA\x07".to_string()),
                Just("\u{9b}\u{9c}\u{90}".to_string()),
                Just("\r\n\r\t\x7f".to_string()),
                Just("\u{202e}\u{2066}\u{200b}\u{feff}".to_string()),
                Just("“quoted” 漢字 ❤️ 🇺🇸".to_string()),
                any::<char>().prop_map(String::from),
                "[a-z ]{0,8}",
            ];
            proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
        }

        proptest! {
            /// Copied text holds no control but newline and tab, no C1, no ESC, no bidi
            /// or zero-width control, whatever the input; and sanitizing it again
            /// changes nothing.
            #[test]
            fn copied_text_is_safe_to_paste(s in hostile()) {
                let out = for_clipboard(&s);
                prop_assert!(shows_safely(&out, |c| c == '\n' || c == '\t'), "{out:?}");
                prop_assert_eq!(for_clipboard(&out), out.clone());
                // Safe text is copied as it is.
                if !s.chars().any(|c| c == '\r' || is_emoji_joiner(c) || (is_unsafe(c) && c != '\n' && c != '\t')) {
                    prop_assert_eq!(out, s);
                }
            }
        }
    }
}
