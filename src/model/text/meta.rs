//! Metadata inferred from an article's text when no manifest gives it: title, outlet,
//! author, dateline, date and body word count.

use super::kinds::dialogue_label;
use super::word_count;
use crate::model::{Meta, ParaKind, Paragraph};
use regex::Regex;
use std::sync::OnceLock;

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("valid built-in pattern"))
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The first full date in `s` ("Oct. 30, 2024", "30 October 2024", "2024-10-30"), as ISO.
pub fn parse_date(s: &str) -> Option<String> {
    static MDY: OnceLock<Regex> = OnceLock::new();
    static DMY: OnceLock<Regex> = OnceLock::new();
    static ISO: OnceLock<Regex> = OnceLock::new();
    let month = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
    let mdy = re(&MDY, &format!(r"\b{month} (\d{{1,2}}),? (\d{{4}})\b"));
    let dmy = re(&DMY, &format!(r"\b(\d{{1,2}}) {month},? (\d{{4}})\b"));
    let iso = re(&ISO, r"\b(\d{4})-(\d{2})-(\d{2})\b");
    let month_no = |m: &str| {
        MONTHS
            .iter()
            .position(|x| m.to_lowercase().starts_with(x))
            .map(|i| i + 1)
    };
    let mut best: Option<(usize, String)> = None;
    let mut consider = |at: usize, y: &str, m: Option<usize>, d: &str| {
        let (Some(m), Ok(d)) = (m, d.parse::<u32>()) else {
            return;
        };
        if !(1..=31).contains(&d) || best.as_ref().is_some_and(|(b, _)| *b <= at) {
            return;
        }
        best = Some((at, format!("{y}-{m:02}-{d:02}")));
    };
    if let Some(c) = mdy.captures(s) {
        consider(
            c.get(0).map_or(0, |m| m.start()),
            &c[3],
            month_no(&c[1]),
            &c[2],
        );
    }
    if let Some(c) = dmy.captures(s) {
        consider(
            c.get(0).map_or(0, |m| m.start()),
            &c[3],
            month_no(&c[2]),
            &c[1],
        );
    }
    if let Some(c) = iso.captures(s) {
        let m = c[2].parse::<usize>().ok().filter(|m| (1..=12).contains(m));
        consider(c.get(0).map_or(0, |m| m.start()), &c[1], m, &c[3]);
    }
    best.map(|(_, d)| d)
}

/// Infer what the text says about itself.
pub fn infer_meta(text: &str, paras: &[Paragraph]) -> Meta {
    let s = |p: &Paragraph| &text[p.span.range()];
    let words = paras
        .iter()
        .filter(|p| p.kind == ParaKind::Body)
        .map(|p| word_count(s(p)))
        .sum();
    Meta {
        title: infer_title(text, paras),
        outlet: paras
            .iter()
            .filter(|p| p.kind.is_noise())
            .find_map(|p| outlet_in(s(p))),
        author: paras
            .iter()
            .filter(|p| p.kind == ParaKind::Byline)
            .find_map(|p| author_in(s(p))),
        dateline: paras
            .iter()
            .find(|p| p.kind == ParaKind::Body)
            .and_then(|p| dateline_in(s(p))),
        date: parse_date(text),
        url: None,
        updated: None,
        words,
    }
}

fn infer_title(text: &str, paras: &[Paragraph]) -> Option<String> {
    let s = |p: &Paragraph| &text[p.span.range()];
    if let Some(h) = paras.iter().find(|p| p.kind == ParaKind::Headline) {
        return Some(s(h).trim_start_matches('#').trim().to_string());
    }
    let first = paras.iter().find(|p| p.kind == ParaKind::Body)?;
    let sentence = first
        .sentences
        .first()
        .map_or(s(first), |sp| &text[sp.range()]);
    Some(truncate_words(sentence, 80))
}

/// At most `max` bytes, cut at a word boundary, with an ellipsis when cut.
pub fn truncate_words(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut cut = max;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &s[..cut];
    let head = head.rsplit_once(' ').map_or(head, |(h, _)| h);
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
}

/// An outlet named in site furniture: "… stories from Stars and Stripes and …",
/// "Interview between Time.news Editor …", "© 2024 The Gazette".
fn outlet_in(s: &str) -> Option<String> {
    static FROM: OnceLock<Regex> = OnceLock::new();
    static DOMAIN: OnceLock<Regex> = OnceLock::new();
    static COPY: OnceLock<Regex> = OnceLock::new();
    let name = r"[A-Z][\w&'’.]*(?: (?:and|of|the|&) [A-Z][\w&'’.]*| [A-Z][\w&'’.]*)*";
    let from = re(
        &FROM,
        &format!(r"(?:stories|news|email|newsletter|updates) from ({name})"),
    );
    let domain = re(
        &DOMAIN,
        r"\b([A-Z][A-Za-z]+\.(?:news|com|org|net|co\.uk|in))\b",
    );
    let copy = re(
        &COPY,
        &format!(r"(?:©|Copyright)\s*(?:\d{{4}}\s*)?({name})"),
    );
    for r in [from, domain, copy] {
        if let Some(c) = r.captures(s) {
            return Some(c[1].trim_end_matches('.').to_string());
        }
    }
    None
}

fn author_in(s: &str) -> Option<String> {
    let rest = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("BY "))
        .unwrap_or(s);
    let name: Vec<&str> = rest
        .split_whitespace()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.ends_with(','))
        .take(3)
        .collect();
    (name.len() >= 2).then(|| name.join(" "))
}

/// "WASHINGTON —", "Washington:", "KYIV, Ukraine (AP) —".
fn dateline_in(s: &str) -> Option<String> {
    static CAPS: OnceLock<Regex> = OnceLock::new();
    let caps = re(
        &CAPS,
        r"^([A-Z][A-Z .'-]{2,}(?:, [A-Z][A-Za-z .]+)?)(?: \([^)]*\))? ?[—–-] ",
    );
    if let Some(c) = caps.captures(s) {
        return Some(c[1].trim().to_string());
    }
    let label = dialogue_label(s)?;
    (label.split_whitespace().count() <= 2).then(|| label.to_string())
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

    /// Outlets named in sign-up lines and domains.
    #[test]
    fn outlets() {
        assert_eq!(
            outlet_in("Sign up to receive a daily email of today's top military news stories from Stars and Stripes and top news outlets").as_deref(),
            Some("Stars and Stripes")
        );
        assert_eq!(
            outlet_in("Interview between Time.news Editor and Dr. Roe").as_deref(),
            Some("Time.news")
        );
        assert_eq!(
            outlet_in("© 2024 The Gazette").as_deref(),
            Some("The Gazette")
        );
    }

    /// Datelines in capitals with a dash, or a place with a colon.
    #[test]
    fn datelines() {
        assert_eq!(
            dateline_in("WASHINGTON — Defense Secretary").as_deref(),
            Some("WASHINGTON")
        );
        assert_eq!(
            dateline_in("KYIV, Ukraine (AP) — The").as_deref(),
            Some("KYIV, Ukraine")
        );
        assert_eq!(
            dateline_in("Washington: Defense Secretary").as_deref(),
            Some("Washington")
        );
        assert_eq!(dateline_in("The minister spoke."), None);
    }

    /// Long titles are cut at a word boundary.
    #[test]
    fn truncation() {
        assert_eq!(truncate_words("one two three", 9), "one two…");
        assert_eq!(truncate_words("short", 9), "short");
    }
}
