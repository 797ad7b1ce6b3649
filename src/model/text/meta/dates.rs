//! Dates and times an article states about itself: the page's "Published …" / "Updated …"
//! stamp, else the first full date in the text. One date parser for the model: dates are
//! checked with `jiff`, so 31 February is no date.

use crate::model::lexicon;
use regex::Regex;
use std::sync::OnceLock;

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("valid built-in pattern"))
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A calendar date found in text, with the byte range it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub date: jiff::civil::Date,
    pub start: usize,
    pub end: usize,
}

/// A real calendar date, or none ("31 February", month 13 and year 0 are none).
fn civil(y: &str, m: usize, d: &str) -> Option<jiff::civil::Date> {
    let y: i16 = y.parse().ok()?;
    let d: i8 = d.parse().ok()?;
    let m = i8::try_from(m).ok()?;
    (y >= 1000)
        .then(|| jiff::civil::Date::new(y, m, d).ok())
        .flatten()
}

/// The first full date in `s` ("Oct. 30, 2024", "30 October 2024", "2024-10-30").
pub(crate) fn find_date(s: &str) -> Option<FoundDate> {
    // Every form below has a year of four ASCII digits (a year in other digits does not
    // parse): most paragraphs have none and skip the three patterns.
    if !has_four_digits(s) {
        return None;
    }
    static MDY: OnceLock<Regex> = OnceLock::new();
    static DMY: OnceLock<Regex> = OnceLock::new();
    static ISO: OnceLock<Regex> = OnceLock::new();
    let month = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
    let mdy = re(
        &MDY,
        &format!(r"(?i)\b{month} (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b"),
    );
    let dmy = re(
        &DMY,
        &format!(r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)? {month},? (\d{{4}})\b"),
    );
    let iso = re(&ISO, r"\b(\d{4})-(\d{2})-(\d{2})\b");
    let month_no = |m: &str| {
        let m = m.to_ascii_lowercase();
        MONTHS.iter().position(|x| m.starts_with(x)).map(|i| i + 1)
    };
    let mut best: Option<FoundDate> = None;
    let mut consider = |m: regex::Match, date: Option<jiff::civil::Date>| {
        if let Some(date) = date {
            if best.is_none_or(|b| m.start() < b.start) {
                best = Some(FoundDate {
                    date,
                    start: m.start(),
                    end: m.end(),
                });
            }
        }
    };
    // Every match is tried, not only the first: an impossible first date does not hide a
    // real one after it.
    for c in mdy.captures_iter(s) {
        consider(
            c.get(0).expect("group 0"),
            month_no(&c[1]).and_then(|m| civil(&c[3], m, &c[2])),
        );
    }
    for c in dmy.captures_iter(s) {
        consider(
            c.get(0).expect("group 0"),
            month_no(&c[2]).and_then(|m| civil(&c[3], m, &c[1])),
        );
    }
    for c in iso.captures_iter(s) {
        let m = c[2].parse::<usize>().ok();
        consider(
            c.get(0).expect("group 0"),
            m.and_then(|m| civil(&c[1], m, &c[3])),
        );
    }
    best
}

/// True when `s` has four ASCII digits in a row.
fn has_four_digits(s: &str) -> bool {
    let mut run = 0;
    for b in s.bytes() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

/// The first full date in `s`, as ISO `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<String> {
    find_date(s).map(|f| f.date.to_string())
}

/// A time of day in a stamp: "06:02", "1:03 PM", "7:05 p.m.", "7 p.m.", with the zone that
/// follows it when the zone has one offset ("BST", "EDT"): (hour, minute, offset).
fn find_time(s: &str) -> Option<(u8, u8, Option<&'static str>)> {
    static TIME: OnceLock<Regex> = OnceLock::new();
    let time = re(
        &TIME,
        r"(?i)\b(\d{1,2})(?::(\d{2}))?(?::\d{2})?\s?(?:([ap])\.?\s?m\b\.?)?(?:,?\s*\(?([A-Z]{1,5})\b)?",
    );
    for c in time.captures_iter(s) {
        let hour: u8 = c[1].parse().ok()?;
        let minute: u8 = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
        let meridiem = c.get(3).map(|m| m.as_str().to_ascii_lowercase());
        // A bare number is a day or a count, not a time: a time has minutes or am/pm.
        if c.get(2).is_none() && meridiem.is_none() {
            continue;
        }
        let hour = match meridiem.as_deref() {
            Some(_) if !(1..=12).contains(&hour) => continue,
            Some("a") => hour % 12,
            Some(_) => hour % 12 + 12,
            None => hour,
        };
        if hour > 23 || minute > 59 {
            continue;
        }
        let zone = c.get(4).and_then(|z| zone_offset(z.as_str()));
        return Some((hour, minute, zone));
    }
    None
}

/// The UTC offset of a time-zone abbreviation (`assets/timezones.txt`).
fn zone_offset(abbr: &str) -> Option<&'static str> {
    let abbr = abbr.to_ascii_lowercase();
    lexicon::timezones()
        .iter()
        .find(|(a, _)| *a == abbr)
        .map(|(_, off)| off.as_str())
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
    if s.split_whitespace().nth(MAX_WORDS).is_some() || !has_four_digits(s) {
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
        let mut iso = found.date.to_string();
        if let Some((h, m, zone)) =
            find_time(&seg[..found.start]).or_else(|| find_time(&seg[found.end..]))
        {
            iso.push_str(&format!("T{h:02}:{m:02}{}", zone.unwrap_or("")));
        }
        out.push((kind, iso));
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
    const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let mut other = 0;
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| matches!(c, ',' | ':' | '.' | '(' | ')'));
        let lw = w.to_ascii_lowercase();
        let known = w.is_empty()
            || FILLER.contains(&lw.as_str())
            || w.chars().all(|c| c.is_ascii_digit() || c == ':')
            || WEEKDAYS.iter().any(|d| lw.starts_with(d) && lw.len() <= 9)
            || zone_offset(w).is_some()
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

    /// Dates in US, European and ISO forms normalize to ISO; the first wins.
    #[test]
    fn dates() {
        assert_eq!(
            parse_date("at the Pentagon on Oct. 30, 2024. (X/Y)").as_deref(),
            Some("2024-10-30")
        );
        assert_eq!(
            parse_date("on 3 March 2023 and 2024-01-01").as_deref(),
            Some("2023-03-03")
        );
        assert_eq!(
            parse_date("2024-01-05 then Oct. 30, 2024").as_deref(),
            Some("2024-01-05")
        );
        assert_eq!(parse_date("on Wednesday"), None);
    }

    /// An impossible date is no date, and does not hide a real one after it.
    #[test]
    fn impossible_dates_are_no_dates() {
        assert_eq!(parse_date("on 31 February 2021"), None);
        assert_eq!(parse_date("2021-13-01"), None);
        assert_eq!(
            parse_date("February 30, 2021 or March 2, 2021").as_deref(),
            Some("2021-03-02")
        );
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

    /// A story sentence that holds a date is no stamp.
    #[test]
    fn sentence_with_a_date_is_no_stamp() {
        assert!(stamps("The council met on March 5, 2021 to vote on the plan.").is_empty());
        assert!(stamps("Updated figures released on 5 March 2021 show a rise.").is_empty());
        assert!(stamps("10:30 GMT – Police close the bridge").is_empty());
    }
}
