//! The model's one date parser: month and weekday names, the written forms of a date
//! ("2021-03-03", "2021/03/03", "3 March 2021", "March 3, 2021", "Mar. 3", "Tuesday"),
//! times of day ("09:10", "7:05 p.m.", "1:03 PM EDT", "CET 09:10") and ISO 8601 stamps
//! with their offsets. Every date is checked by `jiff`, so 31 February is no date, and
//! every offset is a `jiff` offset.
//!
//! Which words name a month or a weekday is data (`assets/calendar_words.txt`), which
//! zone abbreviation has which offset too (`assets/timezones.txt`); the order of the
//! calendar, which numbers them, is here.

use crate::model::lexicon;
use jiff::civil::{Date, Time};
use jiff::tz::Offset;
use regex::Regex;
use rustc_hash::FxHashMap;
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("valid built-in pattern"))
}

/// The months in calendar order: a calendar word is the month whose name it begins.
const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// The weekdays, Monday first (as `jiff`'s `to_monday_zero_offset`).
const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// What a calendar word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named {
    /// Month 1–12.
    Month(i8),
    /// Monday 0; `full` when the word is the whole name ("Sun" and "Wed" are words of
    /// their own in running text).
    Weekday { day: i8, full: bool },
}

/// Every word of `assets/calendar_words.txt`, numbered by the name it begins (at least
/// three letters of it: "sept" is September, "tues" Tuesday).
fn calendar() -> &'static FxHashMap<String, Named> {
    static CELL: OnceLock<FxHashMap<String, Named>> = OnceLock::new();
    CELL.get_or_init(|| {
        let begins = |w: &str, name: &str| w.len() >= 3 && name.starts_with(w);
        lexicon::calendar_words()
            .iter()
            .filter_map(|w| {
                let named = if let Some(m) = MONTH_NAMES.iter().position(|n| begins(w, n)) {
                    Named::Month(m as i8 + 1)
                } else {
                    let d = WEEKDAY_NAMES.iter().position(|n| begins(w, n))?;
                    Named::Weekday {
                        day: d as i8,
                        full: WEEKDAY_NAMES[d] == w,
                    }
                };
                Some((w.clone(), named))
            })
            .collect()
    })
}

/// The month (1–12) a lowercase word names: "march" 3, "sept" 9; "marching" none.
pub fn month(w: &str) -> Option<i8> {
    match calendar().get(w)? {
        Named::Month(m) => Some(*m),
        Named::Weekday { .. } => None,
    }
}

/// The weekday (Monday 0) a lowercase word names in full: "tuesday" 1; "tue" none.
pub fn weekday(w: &str) -> Option<i8> {
    match calendar().get(w)? {
        Named::Weekday { day, full: true } => Some(*day),
        _ => None,
    }
}

/// True for a month's name or abbreviation or a weekday's full name: a word that names a
/// day in running text ("May", "Sept", "Tuesday"; not "Tue").
pub fn is_day_or_month(w: &str) -> bool {
    matches!(
        calendar().get(w),
        Some(Named::Month(_) | Named::Weekday { full: true, .. })
    )
}

/// True for a weekday's name or its abbreviation ("thursday", "thu", "thurs").
pub fn is_weekday_word(w: &str) -> bool {
    matches!(calendar().get(w), Some(Named::Weekday { .. }))
}

/// A real calendar date: none for 31 February, month 13 or day 0.
pub fn ymd(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

/// An ISO calendar day as precise as written: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (what a
/// manifest and a citation may give), its parts checked (month 1–12; a full date by
/// `jiff`, so "2021-02-31" is none). Anything after the day (a time) is not read here.
pub fn iso_day_parts(s: &str) -> Option<Vec<i32>> {
    let num = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = s.split('-').collect();
    let ok = match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<i8>().unwrap_or(0)),
        [y, m, d] => {
            num(y, 4)
                && num(m, 2)
                && num(d, 2)
                && ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).is_some()
        }
        _ => false,
    };
    ok.then(|| parts.iter().filter_map(|p| p.parse().ok()).collect())
}

/// A month and day that some year has: 29 February is one, 30 February is not.
pub fn month_day(m: i8, d: i8) -> bool {
    // 2000 is a leap year: every month has its longest length.
    ymd(2000, m, d).is_some()
}

/// A day as a sentence names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Day {
    /// Monday is 0.
    Weekday(i8),
    /// Month (1–12), day, and the year when written.
    Calendar(i8, i8, Option<i16>),
    /// Days before the article's date: "today" 0, "yesterday" 1.
    Back(i64),
}

/// A token as the day reader sees it: its lowercase form, whether it is a number and
/// whether it is capitalized. Any lexer's tokens can be read.
pub trait DayToken {
    fn lower(&self) -> &str;
    fn is_number(&self) -> bool;
    fn capital(&self) -> bool;
}

/// The day named at token `i` of `toks`, with the tokens it takes: a capitalized weekday
/// ("Tuesday"), a month and day ("June 23", "Sept. 20, 2017") or a day and month ("23
/// June 2018"). A month and day that no year has ("February 30"), or a date that is not
/// real in its year (29 February 2021), is none.
pub fn day_at<T: DayToken>(toks: &[T], i: usize) -> Option<(Day, Range<usize>)> {
    let t = toks.get(i)?;
    if !t.capital() || t.is_number() {
        return None;
    }
    let m = match calendar().get(t.lower())? {
        Named::Weekday { day, full: true } => return Some((Day::Weekday(*day), i..i + 1)),
        Named::Weekday { .. } => return None,
        Named::Month(m) => *m,
    };
    let is = |k: usize, w: &str| toks.get(k).is_some_and(|n| n.lower() == w);
    let day = |k: usize| {
        toks.get(k)
            .filter(|t| t.is_number())
            .and_then(|t| t.lower().parse::<i8>().ok())
            .filter(|&d| month_day(m, d))
    };
    let year = |k: usize| {
        toks.get(k)
            .filter(|t| t.is_number() && t.lower().len() == 4)
            .and_then(|t| t.lower().parse::<i16>().ok())
    };
    let real = |d: i8, y: Option<i16>| y.is_none_or(|y| ymd(y, m, d).is_some());
    // "June 23", "Sept. 20, 2017", else "23 June 2018".
    let k = if is(i + 1, ".") { i + 2 } else { i + 1 };
    if let Some(d) = day(k) {
        let y = if is(k + 1, ",") { year(k + 2) } else { None };
        return real(d, y).then_some((Day::Calendar(m, d, y), i..k + 1));
    }
    let before = i.checked_sub(1)?;
    let d = day(before)?;
    let y = year(i + 1);
    real(d, y).then_some((Day::Calendar(m, d, y), before..i + 1))
}

/// A calendar date found in text, with the byte range it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub date: Date,
    pub start: usize,
    pub end: usize,
}

/// A date with a year of four digits: years before 1000 are an id or a count, not a date.
fn full_date(y: &str, m: Option<i8>, d: &str) -> Option<Date> {
    let y: i16 = y.parse().ok().filter(|&y| y >= 1000)?;
    ymd(y, m?, d.parse().ok()?)
}

/// The first full date in `s`: "Oct. 30, 2024", "30 October 2024", "30th Oct 2024",
/// "2024-10-30", "2024/10/30". Scores ("3-2"), figures ("2,021") and impossible dates
/// are none; an impossible date does not hide a real one after it.
pub fn find_date(s: &str) -> Option<FoundDate> {
    // Every form has a year of four ASCII digits (a year in other digits does not parse):
    // most paragraphs have none and skip the patterns.
    if !has_four_digits(s) {
        return None;
    }
    static MDY: OnceLock<Regex> = OnceLock::new();
    static DMY: OnceLock<Regex> = OnceLock::new();
    static ISO: OnceLock<Regex> = OnceLock::new();
    // A month word is any word the calendar numbers: "Marching 3, 2021" is no date.
    let mdy = re(
        &MDY,
        r"(?i)\b([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b",
    );
    let dmy = re(
        &DMY,
        r"(?i)\b(\d{1,2})(?:st|nd|rd|th)? ([a-z]{3,9})\.?,? (\d{4})\b",
    );
    // The day may run into an ISO time ("2024-10-30T09:10").
    let iso = re(&ISO, r"\b(\d{4})([-/])(\d{2})([-/])(\d{2})(?:\b|T)");
    let mut best: Option<FoundDate> = None;
    let mut consider = |range: Range<usize>, date: Option<Date>| {
        if let Some(date) = date {
            if best.is_none_or(|b| range.start < b.start) {
                best = Some(FoundDate {
                    date,
                    start: range.start,
                    end: range.end,
                });
            }
        }
    };
    let lower = |m: &str| month(&m.to_ascii_lowercase());
    for c in mdy.captures_iter(s) {
        let whole = c.get(0).expect("group 0").range();
        consider(whole, full_date(&c[3], lower(&c[1]), &c[2]));
    }
    for c in dmy.captures_iter(s) {
        let whole = c.get(0).expect("group 0").range();
        consider(whole, full_date(&c[3], lower(&c[2]), &c[1]));
    }
    for c in iso.captures_iter(s) {
        // One separator throughout: "2021-03/04" is no date.
        if c[2] != c[4] {
            continue;
        }
        let day = c.get(5).expect("group 5");
        let m = c[3].parse().ok();
        consider(
            c.get(0).expect("group 0").start()..day.end(),
            full_date(&c[1], m, day.as_str()),
        );
    }
    best
}

/// True when `s` has four ASCII digits in a row.
pub fn has_four_digits(s: &str) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let bytes = s.as_bytes();
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        // Outside a run, eight bytes none of which is in 0x30..=0x3F (digits and a few
        // marks) hold no digit: skipped at once. Every paragraph is asked (stamps, dates)
        // and most have no digit in most words: a test a byte took 12 M instructions on
        // 200 generated articles.
        if run == 0 {
            if let Some(Ok(chunk)) = bytes.get(i..i + 8).map(<[u8; 8]>::try_from) {
                let y = (u64::from_le_bytes(chunk) & (0xF0 * LO)) ^ (0x30 * LO);
                if y.wrapping_sub(LO) & !y & HI == 0 {
                    i += 8;
                    continue;
                }
            }
        }
        run = if bytes[i].is_ascii_digit() {
            run + 1
        } else {
            0
        };
        if run == 4 {
            return true;
        }
        i += 1;
    }
    false
}

/// The UTC offset of a time-zone abbreviation (`assets/timezones.txt`): "BST" +01:00.
pub fn zone_offset(abbr: &str) -> Option<Offset> {
    static CELL: OnceLock<FxHashMap<String, Offset>> = OnceLock::new();
    let zones = CELL.get_or_init(|| {
        lexicon::timezones()
            .iter()
            .filter_map(|(a, off)| Some((a.clone(), parse_offset(off)?)))
            .collect()
    });
    zones.get(&abbr.to_ascii_lowercase()).copied()
}

/// An ISO offset: "+05:30", "+0530", "-04", "Z".
fn parse_offset(s: &str) -> Option<Offset> {
    if s == "Z" || s == "z" {
        return Some(Offset::UTC);
    }
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = s[1..].chars().filter(|c| *c != ':').collect();
    if !(digits.len() == 2 || digits.len() == 4) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = match digits.get(2..) {
        Some(m) if !m.is_empty() => m.parse().ok()?,
        _ => 0,
    };
    if m > 59 {
        return None;
    }
    Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()
}

/// A time of day found in text, with the zone stated beside it and the byte range taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundTime {
    pub time: Time,
    /// Whether the seconds were written.
    pub seconds: bool,
    pub offset: Option<Offset>,
    pub start: usize,
    pub end: usize,
}

/// The first time of day in `s`: "06:02", "13:38:07", "1:03 PM", "7:05 p.m.", "7 p.m.",
/// with the zone written right after it ("1:03 PM EDT", "09:10 (GMT)") or right before it
/// ("CET 09:10") when the zone has one offset. A bare number ("at 7") is no time; a score
/// ("3-2") neither.
pub fn find_time(s: &str) -> Option<FoundTime> {
    static TIME: OnceLock<Regex> = OnceLock::new();
    let time = re(
        &TIME,
        r"(?i)(?:\b([A-Z]{2,5})\s)?\b(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s?(?:([ap])\.?\s?m\b\.?)?(?:,?\s*\(?([A-Z]{1,5})\b)?",
    );
    for c in time.captures_iter(s) {
        let hour_at = c.get(2).expect("group 2").start();
        // Minutes or seconds of another time ("T22:05:36Z" read from its "05") are no hour.
        if s[..hour_at].ends_with(|c: char| c == ':' || c.is_ascii_digit()) {
            continue;
        }
        let Ok(hour) = c[2].parse::<i8>() else {
            continue;
        };
        let minute: i8 = match c.get(3) {
            Some(m) => m.as_str().parse().unwrap_or(i8::MAX),
            None => 0,
        };
        let second: i8 = match c.get(4) {
            Some(m) => m.as_str().parse().unwrap_or(i8::MAX),
            None => 0,
        };
        let meridiem = c.get(5).map(|m| m.as_str().to_ascii_lowercase());
        // A bare number is a day or a count, not a time: a time has minutes or am/pm.
        if c.get(3).is_none() && meridiem.is_none() {
            continue;
        }
        let hour = match meridiem.as_deref() {
            Some(_) if !(1..=12).contains(&hour) => continue,
            Some("a") => hour % 12,
            Some(_) => hour % 12 + 12,
            None => hour,
        };
        let Ok(t) = Time::new(hour, minute, second, 0) else {
            continue;
        };
        let after = c.get(6).and_then(|z| zone_offset(z.as_str()));
        let before = c.get(1).and_then(|z| zone_offset(z.as_str()));
        let whole = c.get(0).expect("group 0");
        // A word before the time that is no zone is not part of it.
        let start = match (before, c.get(1)) {
            (Some(_), _) | (None, None) => whole.start(),
            (None, Some(_)) => c.get(2).expect("group 2").start(),
        };
        let end = if after.is_some() {
            whole.end()
        } else {
            let last = (3..=5).rev().find_map(|g| c.get(g)).or(c.get(2));
            last.map_or(whole.end(), |m| m.end())
        };
        return Some(FoundTime {
            time: t,
            seconds: c.get(4).is_some(),
            offset: after.or(before),
            start,
            end,
        });
    }
    None
}

/// The zone of a stamp: `Z` as the page wrote it, else an offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Utc,
    Offset(Offset),
}

/// A date with the time of day and zone where stated, printed as ISO 8601:
/// `2021-03-03`, `2021-03-03T09:10`, `2021-03-03T09:10:00+01:00`, `2021-03-03T09:10:00Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub date: Date,
    pub time: Option<Time>,
    /// Print the seconds (a page's ISO stamp always does; a written time when it has them).
    pub seconds: bool,
    pub zone: Option<Zone>,
}

impl Stamp {
    /// A date alone.
    pub fn day(date: Date) -> Stamp {
        Stamp {
            date,
            time: None,
            seconds: false,
            zone: None,
        }
    }
    /// A date with the time found beside it.
    pub fn at(date: Date, t: FoundTime) -> Stamp {
        Stamp {
            date,
            time: Some(t.time),
            seconds: t.seconds,
            zone: t.offset.map(Zone::Offset),
        }
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date)?;
        let Some(t) = self.time else {
            return Ok(());
        };
        write!(f, "T{:02}:{:02}", t.hour(), t.minute())?;
        if self.seconds {
            write!(f, ":{:02}", t.second())?;
        }
        match self.zone {
            None => Ok(()),
            Some(Zone::Utc) => f.write_str("Z"),
            Some(Zone::Offset(o)) => {
                let s = o.seconds();
                let sign = if s < 0 { '-' } else { '+' };
                let s = s.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", s / 3600, s % 3600 / 60)
            }
        }
    }
}

/// The ISO 8601 stamp `s` opens with: "2021-03-03", "2021-03-03 09:10",
/// "2021-03-03T09:10:00.000+0100", "2021-03-03T09:10Z". Seconds are always printed (as a
/// page's markup gives them). An impossible date is none; an impossible time or offset
/// leaves the date alone.
pub fn parse_iso(s: &str) -> Option<Stamp> {
    static ISO: OnceLock<Regex> = OnceLock::new();
    let re = re(
        &ISO,
        r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?",
    );
    let c = re.captures(s)?;
    let num = |g: usize| c.get(g).and_then(|m| m.as_str().parse::<i8>().ok());
    let date = ymd(c[1].parse().ok()?, num(2)?, num(3)?)?;
    let Some(h) = num(4) else {
        return Some(Stamp::day(date));
    };
    let Ok(time) = Time::new(h, num(5).unwrap_or(-1), num(6).unwrap_or(0), 0) else {
        return Some(Stamp::day(date));
    };
    let zone = match c.get(7).map(|z| z.as_str()) {
        None => None,
        Some("Z") => Some(Zone::Utc),
        Some(o) => match parse_offset(o) {
            Some(o) => Some(Zone::Offset(o)),
            None => return Some(Stamp::day(date)),
        },
    };
    Some(Stamp {
        date,
        time: Some(time),
        seconds: true,
        zone,
    })
}

/// The date `found` in `s` with the time written after it (an ISO "T09:10" included),
/// else before it.
pub fn with_time(s: &str, found: FoundDate) -> Stamp {
    let after = &s[found.end..];
    let after = after.strip_prefix('T').unwrap_or(after);
    match find_time(after).or_else(|| find_time(&s[..found.start])) {
        Some(t) => Stamp::at(found.date, t),
        None => Stamp::day(found.date),
    }
}

/// A date value written out, as a page's markup may give it ("01:38:07 PM IST Nov 20,
/// 2019", "Nov 20, 2019"): the first full date, with the time written before or after it.
pub fn parse_written(s: &str) -> Option<Stamp> {
    find_date(s).map(|found| with_time(s, found))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn date(s: &str) -> Option<String> {
        find_date(s).map(|f| f.date.to_string())
    }

    /// Four digits in a row are found wherever they stand (inside a chunk of eight bytes,
    /// across two, in the tail); digits broken by a mark of the same byte range (`:`) or a
    /// comma are not four in a row.
    #[test]
    fn four_digits_in_a_row_anywhere() {
        let pad = "abcdefgh";
        for at in 0..12 {
            let s = format!("{}2024{}", &"x".repeat(at), pad);
            assert!(has_four_digits(&s), "{s}");
            let s = format!("{}20:24 1,000 999{}", &"x".repeat(at), pad);
            assert!(!has_four_digits(&s), "{s}");
        }
        assert!(!has_four_digits(""));
        assert!(has_four_digits("1234"));
    }

    /// An ISO day, month or year is read as precise as written; a month 13, a day 31
    /// February, a short year or a time are none.
    #[test]
    fn iso_day_parts_as_written() {
        assert_eq!(iso_day_parts("2024-02-29"), Some(vec![2024, 2, 29]));
        assert_eq!(iso_day_parts("2024-10"), Some(vec![2024, 10]));
        assert_eq!(iso_day_parts("2024"), Some(vec![2024]));
        for bad in [
            "2023-02-29",
            "2024-13",
            "2024-00",
            "24-10-30",
            "2024-1-3",
            "2024-10-30T09:10",
            "",
        ] {
            assert_eq!(iso_day_parts(bad), None, "{bad}");
        }
    }

    /// Month names and their abbreviations number their month; a word that merely starts
    /// like one is none.
    #[test]
    fn month_numbers() {
        for (w, n) in [
            ("january", 1),
            ("may", 5),
            ("sept", 9),
            ("sep", 9),
            ("dec", 12),
        ] {
            assert_eq!(month(w), Some(n), "{w}");
        }
        for w in ["marching", "ma", "monday", "decade"] {
            assert_eq!(month(w), None, "{w}");
        }
    }

    /// Weekdays are numbered from Monday; an abbreviation is a weekday word but no weekday
    /// in running text ("Sun" is a newspaper, "Wed" a verb).
    #[test]
    fn weekday_numbers() {
        assert_eq!(weekday("monday"), Some(0));
        assert_eq!(weekday("sunday"), Some(6));
        assert_eq!(weekday("sun"), None);
        assert!(is_weekday_word("thurs"));
        assert!(!is_weekday_word("march"));
    }

    /// Every calendar word in the asset names a month or a weekday: the list and the
    /// calendar cannot drift apart.
    #[test]
    fn every_calendar_word_is_numbered() {
        for w in lexicon::calendar_words() {
            assert!(calendar().contains_key(w), "{w}");
        }
    }

    /// Dates in US, European, ISO and slashed ISO forms; the first in the text wins.
    #[test]
    fn written_forms() {
        for (s, want) in [
            ("at the port on Oct. 30, 2024. (X/Y)", "2024-10-30"),
            ("on 3 March 2023 and 2024-01-01", "2023-03-03"),
            ("2024-01-05 then Oct. 30, 2024", "2024-01-05"),
            ("Tuesday, 3rd March 2021", "2021-03-03"),
            ("posted 2019/11/19 by staff", "2019-11-19"),
            ("2021-03-03T09:10:00Z", "2021-03-03"),
            ("March 3 2021", "2021-03-03"),
        ] {
            assert_eq!(date(s).as_deref(), Some(want), "{s}");
        }
    }

    /// Looks like a date but is not: a score, a figure with a thousands comma, a word that
    /// starts like a month, a year alone, mixed separators, a weekday alone.
    #[test]
    fn not_dates() {
        for s in [
            "They won 3-2 in 2021.",
            "On March 2,021 people signed.",
            "Marching 3, 2021 bands played.",
            "In 2021 the plan changed.",
            "Ref 2021-03/04",
            "on Wednesday",
            "Flight 1234 left at 10.",
        ] {
            assert_eq!(date(s), None, "{s}");
        }
    }

    /// An impossible date is no date in any form, and does not hide a real one after it.
    #[test]
    fn impossible_dates_are_no_dates() {
        for s in [
            "on 31 February 2021",
            "2021-13-01",
            "2021-02-29",
            "2021/02/30",
        ] {
            assert_eq!(date(s), None, "{s}");
        }
        assert_eq!(
            date("February 30, 2021 or March 2, 2021").as_deref(),
            Some("2021-03-02")
        );
        assert_eq!(date("29 February 2020").as_deref(), Some("2020-02-29"));
        assert_eq!(parse_iso("2021-02-31T10:00:00Z"), None);
    }

    #[track_caller]
    fn time(s: &str) -> Option<String> {
        find_time(s).map(|t| Stamp::at(jiff::civil::date(2021, 1, 1), t).to_string()[10..].into())
    }

    /// Times in 24-hour and 12-hour forms, with a zone after or before them.
    #[test]
    fn times_of_day() {
        for (s, want) in [
            ("06:02", "T06:02"),
            ("at 1:03 PM EDT", "T13:03-04:00"),
            ("7:05 p.m.", "T19:05"),
            ("7 p.m.", "T19:00"),
            ("12:30 a.m.", "T00:30"),
            ("01:38:07 PM IST", "T13:38:07+05:30"),
            ("CET 09:10", "T09:10+01:00"),
            ("09:10 (GMT)", "T09:10+00:00"),
            ("Nov 09:10", "T09:10"),
        ] {
            assert_eq!(time(s).as_deref(), Some(want), "{s}");
        }
    }

    /// Looks like a time but is not: a bare number, a score, an hour past 23, a minute past
    /// 59, "13 p.m.".
    #[test]
    fn not_times() {
        for s in ["at 7", "won 3-2", "25:10", "10:75", "13 p.m.", "T22:05:36"] {
            assert_eq!(time(s), None, "{s}");
        }
    }

    /// ISO stamps keep their time, seconds and offset, normalized; an impossible time or
    /// offset leaves the date.
    #[test]
    fn iso_stamps() {
        for (s, want) in [
            ("2019-11-20", "2019-11-20"),
            ("2019-11-20T01:41:20+05:30", "2019-11-20T01:41:20+05:30"),
            ("2019-11-20T01:41+0530", "2019-11-20T01:41:00+05:30"),
            ("2019-11-20 01:41:20.123Z", "2019-11-20T01:41:20Z"),
            ("2019-11-20T01:41:20-04", "2019-11-20T01:41:20-04:00"),
            ("2019-11-20T25:41:20Z", "2019-11-20"),
            ("2019-11-20T01:41:20+05:75", "2019-11-20"),
        ] {
            assert_eq!(
                parse_iso(s).map(|s| s.to_string()).as_deref(),
                Some(want),
                "{s}"
            );
        }
        assert_eq!(parse_iso("20 Nov 2019"), None);
    }

    /// A written value gives its date with the time written before or after it.
    #[test]
    fn written_values() {
        for (s, want) in [
            ("01:38:07 PM IST Nov 20, 2019", "2019-11-20T13:38:07+05:30"),
            ("Nov 20, 2019 9:02 AM", "2019-11-20T09:02"),
            ("2019-11-18T22:05:36Z", "2019-11-18T22:05:36+00:00"),
            ("20 November 2019", "2019-11-20"),
        ] {
            assert_eq!(
                parse_written(s).map(|s| s.to_string()).as_deref(),
                Some(want),
                "{s}"
            );
        }
    }

    struct W(&'static str);
    impl DayToken for W {
        fn lower(&self) -> &str {
            self.0
        }
        fn is_number(&self) -> bool {
            self.0.bytes().all(|b| b.is_ascii_digit())
        }
        fn capital(&self) -> bool {
            true
        }
    }

    #[track_caller]
    fn day(words: &[&'static str], i: usize) -> Option<(Day, Range<usize>)> {
        let toks: Vec<W> = words.iter().map(|w| W(w)).collect();
        day_at(&toks, i)
    }

    /// Days named in running text: a weekday, a month and day with or without its year, a
    /// day and month; the range covers the words taken.
    #[test]
    fn days_in_tokens() {
        assert_eq!(day(&["tuesday"], 0), Some((Day::Weekday(1), 0..1)));
        assert_eq!(
            day(&["sept", ".", "20", ",", "2017"], 0),
            Some((Day::Calendar(9, 20, Some(2017)), 0..3))
        );
        assert_eq!(
            day(&["june", "23"], 0),
            Some((Day::Calendar(6, 23, None), 0..2))
        );
        assert_eq!(
            day(&["23", "june", "2018"], 1),
            Some((Day::Calendar(6, 23, Some(2018)), 0..2))
        );
    }

    /// Looks like a day but is not: a month alone, an abbreviated weekday, a month and a
    /// day no month has, a date not real in its year.
    #[test]
    fn not_days_in_tokens() {
        assert_eq!(day(&["march", "on"], 0), None);
        assert_eq!(day(&["sun"], 0), None);
        assert_eq!(day(&["february", "30"], 0), None);
        assert_eq!(day(&["february", "29", ",", "2021"], 0), None);
    }
}
