//! Word lists kept as data in `assets/`, parsed once.
//!
//! Each list is one entry a line; `#` starts a comment line; entries are lowercased.

use aho_corasick::AhoCorasick;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Parse a list: one entry a line, comments and blank lines skipped, lowercased.
pub fn parse_list(src: &str) -> Vec<String> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

macro_rules! list {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub fn $name() -> &'static [String] {
            static CELL: OnceLock<Vec<String>> = OnceLock::new();
            CELL.get_or_init(|| parse_list(include_str!(concat!("../../assets/", $file))))
        }
    };
}

list!(
    /// Phrases of site furniture: subscribe prompts, navigation, sharing.
    boilerplate,
    "boilerplate.txt"
);
list!(
    /// Cues of photo captions and credits.
    captions,
    "captions.txt"
);
list!(
    /// Cues of author lines and bios.
    bylines,
    "bylines.txt"
);
list!(
    /// Cues that open appended material.
    appended,
    "appended.txt"
);

list!(
    /// Notices that are boilerplate wherever they stand in a short paragraph.
    boilerplate_anywhere,
    "boilerplate_anywhere.txt"
);
list!(
    /// How an author line without "By" ends ("… Staff", "Staff and wire reports").
    staff_bylines,
    "staff_bylines.txt"
);
list!(
    /// Words that open a page's date line ("Updated", "Published").
    timestamps,
    "timestamps.txt"
);
list!(
    /// Month and weekday names and their abbreviations.
    calendar_words,
    "calendar_words.txt"
);
list!(
    /// Words a date stamp is made of besides numbers and calendar words (zones, "ago").
    stamp_words,
    "stamp_words.txt"
);
list!(
    /// Credits that close a caption ("Picture by Jane Roe/AP").
    credit_tails,
    "credit_tails.txt"
);
list!(
    /// Words that open an author line before the name ("By", "Posted by", "Editor:").
    byline_openers,
    "byline_openers.txt"
);
list!(
    /// Labels that open a video or gallery caption ("WATCH:", "VIDEO:").
    caption_openers,
    "caption_openers.txt"
);
list!(
    /// What an author is in an end-of-article bio (reporter, correspondent …).
    bio_roles,
    "bio_roles.txt"
);
list!(
    /// Headings of lists of links to other stories ("You may also like", "Most read").
    related_headings,
    "related_headings.txt"
);
list!(
    /// First segments of a breadcrumb trail ("Home").
    breadcrumbs,
    "breadcrumbs.txt"
);

/// Abbreviations that do not end a sentence (lowercase, without the period).
pub fn abbreviations() -> &'static HashSet<String> {
    static CELL: OnceLock<HashSet<String>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse_list(include_str!("../../assets/abbreviations.txt"))
            .into_iter()
            .map(|s| s.trim().to_string())
            .collect()
    })
}

/// Abbreviations that do not end a sentence before a number only ("no !num" in the list),
/// without the marker: looked up without building a key per period.
pub fn abbreviations_before_number() -> &'static HashSet<String> {
    static CELL: OnceLock<HashSet<String>> = OnceLock::new();
    CELL.get_or_init(|| {
        abbreviations()
            .iter()
            .filter_map(|a| a.strip_suffix(" !num"))
            .map(str::to_string)
            .collect()
    })
}

macro_rules! matcher {
    ($(#[$doc:meta])* $name:ident, $list:ident) => {
        $(#[$doc])*
        pub fn $name() -> &'static AhoCorasick {
            static CELL: OnceLock<AhoCorasick> = OnceLock::new();
            CELL.get_or_init(|| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .build($list())
                    .expect("the cue list builds an automaton")
            })
        }
    };
}

matcher!(
    /// One-pass, case-insensitive search for boilerplate cues.
    boilerplate_matcher,
    boilerplate
);
matcher!(
    /// One-pass, case-insensitive search for caption cues.
    captions_matcher,
    captions
);
matcher!(
    /// One-pass, case-insensitive search for byline cues.
    bylines_matcher,
    bylines
);
matcher!(
    /// One-pass, case-insensitive search for notices that are boilerplate anywhere.
    boilerplate_anywhere_matcher,
    boilerplate_anywhere
);

/// Time-zone abbreviations and their UTC offsets ("bst", "+01:00").
pub fn timezones() -> &'static [(String, String)] {
    static CELL: OnceLock<Vec<(String, String)>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse_list(include_str!("../../assets/timezones.txt"))
            .iter()
            .filter_map(|l| {
                let (abbr, off) = l.split_once(char::is_whitespace)?;
                Some((abbr.to_string(), off.trim().to_uppercase()))
            })
            .collect()
    })
}

/// Wire agencies: (name as shown, the forms a credit writes, lowercase).
pub fn agencies() -> &'static [(String, Vec<String>)] {
    static CELL: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    CELL.get_or_init(|| {
        let src = include_str!("../../assets/agencies.txt");
        src.lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .filter_map(|l| {
                let (name, forms) = l.split_once('=')?;
                let forms = forms
                    .split(',')
                    .map(|f| f.trim().to_lowercase())
                    .filter(|f| !f.is_empty())
                    .collect();
                Some((name.trim().to_string(), forms))
            })
            .collect()
    })
}
