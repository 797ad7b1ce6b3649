//! Site furniture told by a paragraph's own words: legal notices, date lines, video
//! captions, "Outlet | Section" lines and breadcrumb trails.
//!
//! Each rule wants a short paragraph with the shape of its kind (a label or separator where
//! site templates put it), so a story sentence that merely shares a word stays body.

use super::ends_sentence;
use crate::model::lexicon;
use crate::model::text::{parse_date, word_count};
use regex::Regex;
use std::sync::OnceLock;

/// `s` opens with `cue` (case-insensitive) as whole words: the rest of `s`, if so.
pub(super) fn strip_cue<'a>(s: &'a str, cue: &str) -> Option<&'a str> {
    let head = s.get(..cue.len())?;
    let rest = &s[cue.len()..];
    let whole = cue.ends_with(|c: char| !c.is_alphanumeric())
        || !rest.starts_with(|c: char| c.is_alphanumeric());
    (head.eq_ignore_ascii_case(cue) && whole).then_some(rest)
}

/// A copyright or syndication notice: "Copyright 2024 The Gazette. All rights reserved.
/// This material may not be published, broadcast, rewritten or redistributed."
pub(super) fn is_notice(s: &str, words: usize) -> bool {
    words <= 40 && lexicon::boilerplate_anywhere_matcher().is_match(s)
}

/// A page's date line: "Updated 6:12 PM EST, Thu March 7, 2024", "Published: 2024-03-07".
pub(super) fn is_timestamp(s: &str, words: usize) -> bool {
    static START: OnceLock<Regex> = OnceLock::new();
    static TIME: OnceLock<Regex> = OnceLock::new();
    if words > 16 {
        return false;
    }
    let Some(rest) = lexicon::timestamps().iter().find_map(|c| strip_cue(s, c)) else {
        return false;
    };
    let rest = rest.trim_start_matches([':', ' ', '-', '—', '–']);
    let rest = ["on ", "at "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    // The cue goes straight on with a date or a time ("Updated figures show …" does not).
    let start = START.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)",
        )
        .expect("valid built-in pattern")
    });
    let time = TIME.get_or_init(|| {
        Regex::new(r"(?i)\b\d{1,2}(?::\d{2})?\s?(?:a\.?m\b|p\.?m\b)|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b|\bago\b")
            .expect("valid built-in pattern")
    });
    start.is_match(rest) && (time.is_match(rest) || parse_date(rest).is_some())
}

/// A video, audio or gallery caption: "▶ WATCH: Footage shows …", "VIDEO: …".
pub(super) fn is_media_caption(s: &str, words: usize) -> bool {
    // "CLOSE" in capitals is a video player's close button glued to the video's
    // description, which runs longer than a label's caption (32 words on the dev dossiers).
    if s.starts_with("CLOSE ") && words <= 60 {
        return true;
    }
    if words > 30 {
        return false;
    }
    let play = s.starts_with(['▶', '►', '▷', '⏵']);
    let label = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    play || lexicon::caption_openers()
        .iter()
        .any(|c| strip_cue(label, c).is_some())
}

/// A caption that closes with its credit: "… in the rubble. Picture by Jane Roe/AP",
/// "… Copyright Jane Roe AP": the cue, then one to five capitalized words (or a
/// Name/Agency pair) to the end.
pub(super) fn has_credit_tail(s: &str, words: usize) -> bool {
    if words > 60 {
        return false;
    }
    // Only the last words can hold the cue and its credit; ASCII lowercasing keeps byte
    // offsets.
    // The eighth space from the end, found by a loop over the bytes (a space is one byte
    // and never inside a character); the searcher it replaces cost 5.4 M instructions on
    // 200 generated articles.
    let from = s
        .bytes()
        .enumerate()
        .rev()
        .filter(|&(_, b)| b == b' ')
        .nth(7)
        .map_or(0, |(i, _)| i);
    // Most tails hold no cue at all: one case-insensitive pass rules them out before the
    // lowercase copy and a search per cue (20.3 M instructions on 200 generated articles).
    if !lexicon::credit_tails_matcher().is_match(&s[from..]) {
        return false;
    }
    let (s, lower) = (&s[from..], s[from..].to_ascii_lowercase());
    lexicon::credit_tails().iter().any(|cue| {
        let Some(at) = lower.rfind(cue.as_str()) else {
            return false;
        };
        let starts_word = lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let tail: Vec<&str> = s[at + cue.len()..].split_whitespace().collect();
        let credit = tail
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || w.contains('/'));
        starts_word && (1..=5).contains(&tail.len()) && credit
    })
}

/// A wire agency tag closing a story: "jd/ab (AP, dpa)", "rc/sms (Reuters)": editors'
/// initials, then the agencies in brackets.
pub(super) fn is_agency_tag(s: &str) -> bool {
    static TAG: OnceLock<Regex> = OnceLock::new();
    TAG.get_or_init(|| {
        Regex::new(r"^[a-z]{1,4}(?:/[a-z]{1,4})+\s*\([A-Za-z][A-Za-z ,.&/-]{0,60}\)$")
            .expect("valid built-in pattern")
    })
    .is_match(s)
}

/// A wire story's closing credit in brackets: "(Reporting by Jane Roe in Lima; Editing by
/// Tom Reyes)": the whole paragraph is the bracket, and it opens with an author-line cue of
/// two or more words (`assets/byline_openers.txt`) and a capital. "(By Monday, the count
/// had …)" is an aside of the story.
pub(super) fn is_wire_credit(s: &str, words: usize) -> bool {
    /// The one such credit on the dev pages runs to 25 words; one that names reporters in
    /// several cities runs longer, and a bracketed story sentence seldom opens with the cue.
    const MAX_WORDS: usize = 40;
    let Some(inner) = s.strip_prefix('(').and_then(|t| t.strip_suffix(')')) else {
        return false;
    };
    words <= MAX_WORDS
        && !inner.contains(['(', ')'])
        && lexicon::byline_openers()
            .iter()
            .filter(|o| o.contains(' '))
            .any(|o| {
                strip_cue(inner, o)
                    .is_some_and(|rest| rest.trim_start().starts_with(char::is_uppercase))
            })
}

/// A menu of links set with bullets on one line: "• Home • Podcasts • share • email".
pub(super) fn is_bullet_menu(s: &str, words: usize) -> bool {
    // Three or more items of a few words each: a list of sentences has longer items.
    words <= 30
        && s.matches(['•', '·']).count() >= 3
        && s.split(['•', '·']).all(|i| word_count(i) <= 3)
}

/// An embedded social post: a "pic.twitter.com" link, or the post's signature "— Jane Roe
/// (@janeroe) March 3, 2021" (a handle in brackets, then a date stamp).
pub(crate) fn is_social_embed(s: &str) -> bool {
    if s.contains("pic.twitter.com") {
        return true;
    }
    // `contains` answers most paragraphs with a vector search; the match iterator does not.
    s.contains("(@")
        && s.match_indices("(@").any(|(at, _)| {
            s[at..]
                .find(')')
                .is_some_and(|close| super::shape::is_stamp(s[at + close + 1..].trim()))
        })
}

/// "Outlet | Section": one bar between two short capitalized names, no sentence.
pub(super) fn is_section_line(s: &str, words: usize) -> bool {
    // The word count first: it is known, and rules out nearly every paragraph.
    if words > 12 {
        return false;
    }
    let Some((a, b)) = s.split_once(" | ") else {
        return false;
    };
    let name = |p: &str| {
        (1..=5).contains(&word_count(p)) && p.trim().starts_with(|c: char| c.is_uppercase())
    };
    !b.contains(" | ") && !ends_sentence(s) && name(a) && name(b)
}

/// Separators of a breadcrumb trail.
const CRUMB_SEPARATORS: [&str; 6] = [" » ", " > ", " >> ", " / ", " › ", " → "];

/// A breadcrumb trail: "Home » US News » Title", "Home > News", "World / Europe / France".
pub(crate) fn is_breadcrumb(s: &str, words: usize) -> bool {
    if words > 30 {
        return false;
    }
    CRUMB_SEPARATORS.iter().any(|sep| {
        // A paragraph without the separator's mark (its second byte: after the space) is
        // one part, so no trail: a byte search says so before splitting into a list
        // (9.3 M instructions on 200 generated articles, where no paragraph has one).
        if !sep
            .as_bytes()
            .get(1)
            .is_none_or(|mark| s.as_bytes().contains(mark))
        {
            return false;
        }
        let parts: Vec<&str> = s.split(sep).map(str::trim).collect();
        if parts.len() < 2 || parts.iter().any(|p| p.is_empty() || word_count(p) > 12) {
            return false;
        }
        let rooted = lexicon::breadcrumbs()
            .iter()
            .any(|r| parts[0].eq_ignore_ascii_case(r));
        // Without a known root: three or more crumbs, all short but the last (the title).
        let trail = parts.len() >= 3
            && parts[..parts.len() - 1]
                .iter()
                .all(|p| word_count(p) <= 3 && p.starts_with(|c: char| c.is_uppercase()));
        rooted || trail
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> usize {
        word_count(s)
    }

    /// Copyright and syndication notices are boilerplate even as full sentences.
    #[test]
    fn notices() {
        let s = "© 2023 Northern Courier. All rights reserved. This story may not be reproduced without prior written permission.";
        assert!(is_notice(s, w(s)));
        let s = "The court said the ruling was final.";
        assert!(!is_notice(s, w(s)));
    }

    /// Date lines open with a cue and go on with a date or time; a sentence does not.
    #[test]
    fn timestamps() {
        for s in [
            "Updated 9:41 AM PST, Mon March 4, 2024",
            "Published: 2023-06-01",
            "Last updated on Jan. 9, 2024 at 3 p.m.",
            "Posted 2 hours ago",
        ] {
            assert!(is_timestamp(s, w(s)), "{s}");
        }
        for s in [
            "Updated figures released on March 4, 2024, showed a rise.",
            "Published reports said the mine had closed.",
            "Updates will follow.",
        ] {
            assert!(!is_timestamp(s, w(s)), "{s}");
        }
    }

    /// Video captions with a play symbol or a WATCH/VIDEO label.
    #[test]
    fn media_captions() {
        for s in [
            "▶ WATCH: Drone video shows the flooded valley",
            "VIDEO: The mayor speaks after the vote",
            "Watch: Crews clear the highway",
        ] {
            assert!(is_media_caption(s, w(s)), "{s}");
        }
        let s = "Watchdogs said the report came too late.";
        assert!(!is_media_caption(s, w(s)));
    }

    /// An "Outlet | Section" line; a long line with a bar is not one.
    #[test]
    fn section_lines() {
        let s = "Harbor Freight Weekly | Logistics";
        assert!(is_section_line(s, w(s)));
        let s = "The vote, which passed 5 | 4 in the end, surprised many of the people there.";
        assert!(!is_section_line(s, w(s)));
    }

    /// Breadcrumbs with a root or a trail of short crumbs; prose with a slash is not one.
    #[test]
    fn breadcrumbs() {
        for s in [
            "Home » World » Flooding Closes Valley Roads",
            "Home > Sport",
            "News / Europe / Storms Hit The Coast",
        ] {
            assert!(is_breadcrumb(s, w(s)), "{s}");
        }
        let s = "The and / or clause was struck from the bill on Tuesday.";
        assert!(!is_breadcrumb(s, w(s)));
    }

    /// Agency tags are editors' initials and agencies; a sentence with a slash is not one.
    #[test]
    fn agency_tags() {
        for s in ["jd/ab (AP, dpa)", "rc/sms (Reuters)"] {
            assert!(is_agency_tag(s), "{s}");
        }
        assert!(!is_agency_tag("The and/or clause (in the bill) was cut."));
    }
}
