//! Dates and times an article states about itself: the page's "Published …" / "Updated …"
//! stamp, else the first full date in the text. The dates and times themselves are read by
//! the model's one date parser, `model::date`.

use crate::model::date::{self, find_date, has_four_digits};
use crate::model::lexicon;

/// The first full date in `s`, as ISO `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<String> {
    find_date(s).map(|f| f.date.to_string())
}

/// What a stamp says the date is: when the article was published or last updated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StampKind {
    Published,
    Updated,
}

/// A date stamp: a short paragraph that is a date (and time), alone or after a cue
/// ("Friday 3 March 2021 09:10 BST", "Published: Oct. 3, 2024", "Updated 6:12 PM EST, Thu
/// March 7, 2024", "3 March 2021 Updated: 4 March 2021"). Each date is given as ISO 8601,
/// with the time (and offset) when the stamp states one.
pub fn stamps(s: &str) -> Vec<(StampKind, String)> {
    // A stamp is short: the longest in the dev pages, a date, a time, a zone, a relative age
    // and two cues, runs to 14 words; story sentences with a date run longer.
    const MAX_WORDS: usize = 16;
    // The digit test first: it reads eight bytes at a time.
    if !has_four_digits(s) || crate::model::text::more_fields_than(s, MAX_WORDS) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (kind, seg) in segments(s) {
        let Some(found) = find_date(seg) else {
            continue;
        };
        if !is_stamp_rest(&seg[..found.start]) || !is_stamp_rest(&seg[found.end..]) {
            continue;
        }
        out.push((kind, date::with_time(seg, found).to_string()));
    }
    out
}

/// `s` split where a stamp cue opens ("Published", "Updated", "Last modified"), each part
/// with the kind its cue gives (none: published).
fn segments(s: &str) -> Vec<(StampKind, &str)> {
    let lower = s.to_ascii_lowercase();
    let mut cuts: Vec<(usize, usize, StampKind)> = Vec::new();
    for cue in lexicon::timestamps() {
        let kind = if cue.contains("updated") || cue.contains("modified") {
            StampKind::Updated
        } else {
            StampKind::Published
        };
        for (at, _) in lower.match_indices(cue.as_str()) {
            let before = lower[..at].chars().next_back();
            let after = lower[at + cue.len()..].chars().next();
            let whole = !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric);
            // "last updated" and "updated" both match: the longer cue wins.
            if whole && !cuts.iter().any(|&(a, e, _)| a <= at && at + cue.len() <= e) {
                cuts.retain(|&(a, e, _)| !(at <= a && e <= at + cue.len()));
                cuts.push((at, at + cue.len(), kind));
            }
        }
    }
    cuts.sort_unstable_by_key(|c| c.0);
    let mut out = Vec::new();
    let first = cuts.first().map_or(s.len(), |c| c.0);
    if first > 0 {
        out.push((StampKind::Published, &s[..first]));
    }
    for (i, &(start, _, kind)) in cuts.iter().enumerate() {
        let end = cuts.get(i + 1).map_or(s.len(), |c| c.0);
        out.push((kind, &s[start..end]));
    }
    out
}

/// What may stand around the date in a stamp: cues, weekdays, a time and zone, an age ("17
/// days ago"), separators, and one other word (a bare "By", a place such as "UK").
fn is_stamp_rest(s: &str) -> bool {
    const FILLER: &[&str] = &[
        "published",
        "updated",
        "last",
        "first",
        "originally",
        "posted",
        "modified",
        "on",
        "at",
        "am",
        "pm",
        "a.m",
        "p.m",
        "ago",
        "days",
        "day",
        "hours",
        "hour",
        "minutes",
        "mins",
        "by",
        "|",
        "/",
        "-",
        "–",
        "—",
        "•",
        "·",
        "and",
    ];
    let mut other = 0;
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| matches!(c, ',' | ':' | '.' | '(' | ')'));
        let lw = w.to_ascii_lowercase();
        let known = w.is_empty()
            || FILLER.contains(&lw.as_str())
            || w.chars().all(|c| c.is_ascii_digit() || c == ':')
            || date::is_weekday_word(&lw)
            || date::zone_offset(w).is_some()
            || lw
                .trim_end_matches(['m', '.'])
                .trim_end_matches(['a', 'p'])
                .parse::<u8>()
                .is_ok();
        if !known {
            other += 1;
        }
    }
    other <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first real date of a paragraph, as ISO.
    #[test]
    fn paragraph_date_is_iso() {
        assert_eq!(
            parse_date("February 30, 2021 or March 2, 2021").as_deref(),
            Some("2021-03-02")
        );
        assert_eq!(parse_date("on Wednesday"), None);
    }

    /// A stamp alone, with a weekday, a 24-hour time and a zone, gives date, time and offset.
    #[test]
    fn stamp_with_time_and_zone() {
        assert_eq!(
            stamps("Friday 5 March 2021 06:02 BST"),
            vec![(StampKind::Published, "2021-03-05T06:02+01:00".to_string())]
        );
        assert_eq!(
            stamps("March 5, 2021 / 12:12 AM / 3 days ago"),
            vec![(StampKind::Published, "2021-03-05T00:12".to_string())]
        );
    }

    /// Cues say which date is the publication and which the update.
    #[test]
    fn stamp_cues() {
        assert_eq!(
            stamps("Published: October 6, 2021"),
            vec![(StampKind::Published, "2021-10-06".to_string())]
        );
        assert_eq!(
            stamps("BY | Updated: Sep 13, 2021 at 1:03 PM EDT"),
            vec![(StampKind::Updated, "2021-09-13T13:03-04:00".to_string())]
        );
        assert_eq!(
            stamps("July 10, 2021 Updated: July 11, 2021"),
            vec![
                (StampKind::Published, "2021-07-10".to_string()),
                (StampKind::Updated, "2021-07-11".to_string())
            ]
        );
        assert_eq!(
            stamps("Last updated 7:05 p.m. on 4 March 2021"),
            vec![(StampKind::Updated, "2021-03-04T19:05".to_string())]
        );
    }

    /// An ISO date with its zone written before the time, and a 12-hour time with seconds.
    #[test]
    fn stamp_zone_before_time() {
        assert_eq!(
            stamps("2021-03-03 CET 09:10"),
            vec![(StampKind::Published, "2021-03-03T09:10+01:00".to_string())]
        );
        assert_eq!(
            stamps("Updated: 01:38:07 PM IST Nov 20, 2019"),
            vec![(StampKind::Updated, "2019-11-20T13:38:07+05:30".to_string())]
        );
    }

    /// A story sentence that holds a date is no stamp, nor one with a time in a quote.
    #[test]
    fn sentence_with_a_date_is_no_stamp() {
        assert!(stamps("The council met on March 5, 2021 to vote on the plan.").is_empty());
        assert!(stamps("Updated figures released on 5 March 2021 show a rise.").is_empty());
        assert!(stamps("10:30 GMT – Police close the bridge").is_empty());
        assert!(stamps("“We left at 7:05 p.m.,” she said on March 3, 2021.").is_empty());
        assert!(stamps("Updated 31 February 2021").is_empty());
    }
}
