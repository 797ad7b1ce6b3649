//! Metadata inferred from an article's text when no manifest gives it: title, outlet,
//! agency, author, dateline, date, update time and body word count.

mod dates;
mod outlet;
mod title;

use super::kinds::dialogue_label;
use crate::model::{Meta, ParaKind, Paragraph};
pub use dates::{parse_date, stamps, StampKind};
pub use outlet::outlet_from_file;
use regex::Regex;
use std::sync::OnceLock;

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("valid built-in pattern"))
}

/// Infer what the text (and, for the outlet, the file name) says about the article.
pub fn infer_meta(text: &str, paras: &[Paragraph], file: &str) -> Meta {
    let s = |p: &Paragraph| &text[p.span.range()];
    let words = paras
        .iter()
        .filter(|p| p.kind == ParaKind::Body)
        .map(|p| p.words as usize)
        .sum();
    let agency = outlet::agency_in(text, paras);
    let (date, updated) = infer_dates(text, paras);
    Meta {
        title: infer_title(text, paras),
        outlet: paras
            .iter()
            // A caption's copyright line names the photographer ("Copyright Jane Roe
            // AP"), not the publisher.
            .filter(|p| p.kind.is_noise() && p.kind != ParaKind::Caption)
            .find_map(|p| outlet::outlet_in(s(p)))
            .or_else(|| outlet_from_file(file))
            .or_else(|| agency.clone()),
        outlet_inferred: true,
        agency,
        author: paras
            .iter()
            .filter(|p| p.kind == ParaKind::Byline)
            .find_map(|p| author_in(s(p))),
        dateline: paras
            .iter()
            .find(|p| p.kind == ParaKind::Body)
            .and_then(|p| dateline_in(s(p))),
        date,
        updated,
        url: None,
        // Plain text says nothing of its language; a web page's markup does.
        language: None,
        words,
    }
}

/// The publication date and the update time: from the page's date stamps first, else the
/// first full date outside appended material (a caption's date is the picture's day, most
/// often the story's too).
fn infer_dates(text: &str, paras: &[Paragraph]) -> (Option<String>, Option<String>) {
    let (mut date, mut updated) = (None, None);
    for p in paras.iter().filter(|p| p.kind != ParaKind::Appended) {
        for (kind, iso) in stamps(&text[p.span.range()]) {
            let slot = match kind {
                StampKind::Published => &mut date,
                StampKind::Updated => &mut updated,
            };
            slot.get_or_insert(iso);
        }
    }
    if date.is_none() {
        date = paras
            .iter()
            .filter(|p| p.kind != ParaKind::Appended)
            .find_map(|p| parse_date(&text[p.span.range()]));
    }
    (date, updated)
}

fn infer_title(text: &str, paras: &[Paragraph]) -> Option<String> {
    let s = |p: &Paragraph| &text[p.span.range()];
    if let Some(t) = title::title_line(text, paras) {
        return Some(t);
    }
    // Else the lede's first sentence: the first body paragraph of a sentence or more (a
    // shorter one above it is a label or a link), else the first body paragraph.
    let first = paras
        .iter()
        .find(|p| p.kind == ParaKind::Body && title::is_lede(&text[p.span.range()]))
        .or_else(|| paras.iter().find(|p| p.kind == ParaKind::Body))?;
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
    if let Some(place) = caps_dateline(s) {
        return Some(place.to_string());
    }
    let label = dialogue_label(s)?;
    (label.split_whitespace().count() <= 2).then(|| label.to_string())
}

/// The place of a dateline in capitals that opens a story paragraph ("WASHINGTON —",
/// "KYIV, Ukraine (AP) —"): where the story starts on a page.
pub(crate) fn caps_dateline(s: &str) -> Option<&str> {
    static CAPS: OnceLock<Regex> = OnceLock::new();
    let caps = re(
        &CAPS,
        r"^([A-Z][A-Z .'-]{2,}(?:, [A-Z][A-Za-z .]+)?)(?: \([^)]*\))? ?[—–-] ",
    );
    caps.captures(s)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim())
}

#[cfg(test)]
mod tests {
    use super::*;

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
