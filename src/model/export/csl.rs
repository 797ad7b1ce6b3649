//! The CSL-JSON export: one `article-newspaper` item per passage, which Zotero imports
//! and pandoc (`--citeproc`) cites. The outlet is the `container-title`, the passage (its
//! speaker first, when known) the `note`, and its paragraph a `locator` labelled
//! `paragraph`; each item's `id` is a citation key made from the outlet (else the file
//! stem) and the paragraph, unique in the export.

use super::cite::{resolve, Passage};
use super::formats::marked;
use super::Clipping;
use crate::model::sanitize::sanitize;
use crate::model::Dossier;
use serde::Serialize;
use std::collections::HashSet;
use std::io::{self, Write};

/// One CSL-JSON item.
#[derive(Debug, Serialize)]
struct Item {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    title: String,
    #[serde(rename = "container-title", skip_serializing_if = "Option::is_none")]
    container_title: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<Name>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<Date>,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    note: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    locator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'static str>,
}

/// A name CSL prints as given (a byline is not split into given and family names).
#[derive(Debug, Serialize)]
struct Name {
    literal: String,
}

/// A date: its parts when it parses, else as written.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Date {
    Parts {
        #[serde(rename = "date-parts")]
        date_parts: [Vec<i32>; 1],
    },
    Literal {
        literal: String,
    },
}

/// CSL-JSON: an array with one item per clipping, in clipping order.
pub fn write_csl(w: &mut dyn Write, d: &Dossier, clips: &[Clipping]) -> io::Result<()> {
    let mut used = HashSet::new();
    let items: Vec<Item> = clips
        .iter()
        .map(|c| item(&resolve(d, c), &mut used))
        .collect();
    serde_json::to_writer_pretty(&mut *w, &items)?;
    writeln!(w)
}

fn item(p: &Passage<'_>, used: &mut HashSet<String>) -> Item {
    let c = p.citation();
    let meta = p.article.map(|a| &a.meta);
    let clean = |s: &str| sanitize(s, false).into_owned();
    let mut note = sanitize(&marked(p), true).into_owned();
    if let Some(s) = c.speaker {
        note = format!("{}: {note}", clean(s));
    }
    if let Some(n) = &p.clip.note {
        note.push_str(&format!("\n\nNote: {}", clean(n)));
    }
    let locator = p.paragraphs.map(|(a, b)| {
        if a == b {
            (a + 1).to_string()
        } else {
            format!("{}-{}", a + 1, b + 1)
        }
    });
    Item {
        id: key(c.outlet.unwrap_or(stem(c.file)), p.paragraphs, used),
        kind: "article-newspaper",
        title: clean(c.title.unwrap_or(c.file)),
        container_title: c.outlet.map(clean),
        author: meta
            .and_then(|m| m.author.as_deref())
            .map(|a| Name { literal: clean(a) })
            .into_iter()
            .collect(),
        issued: c.date.map(date),
        url: c
            .url
            .filter(|u| crate::model::load::manifest::is_web_url(u))
            .map(clean),
        note,
        label: locator.as_ref().map(|_| "paragraph"),
        locator,
    }
}

/// The file name without its extension.
fn stem(file: &str) -> &str {
    file.rsplit_once('.').map_or(file, |(s, _)| s)
}

/// A citation key: lower-case ASCII letters and digits of `base` (at most 32), `-p` and
/// the first paragraph, then `-2`, `-3` … when taken ("example-outlet-p3").
fn key(base: &str, paragraphs: Option<(usize, usize)>, used: &mut HashSet<String>) -> String {
    let mut slug = String::new();
    for c in base.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 32 {
            break;
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        slug.push_str("passage");
    }
    if let Some((a, _)) = paragraphs {
        slug.push_str(&format!("-p{}", a + 1));
    }
    let mut id = slug.clone();
    let mut n = 1;
    while !used.insert(id.clone()) {
        n += 1;
        id = format!("{slug}-{n}");
    }
    id
}

/// A date as its parts, read by the model's one date parser: an ISO day, month or year
/// ("2024-10-30", a time after it dropped; "2024-10"; "2024") or a written date ("Oct.
/// 30, 2024"); anything else as written.
fn date(s: &str) -> Date {
    use crate::model::date;
    let day = s.trim().split(['T', ' ']).next().unwrap_or("");
    let parts = date::iso_day_parts(day).or_else(|| {
        date::parse_written(s).map(|st| {
            let d = st.date;
            vec![
                i32::from(d.year()),
                i32::from(d.month()),
                i32::from(d.day()),
            ]
        })
    });
    match parts {
        Some(p) => Date::Parts { date_parts: [p] },
        None => Date::Literal {
            literal: sanitize(s, false).into_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str) -> Option<Vec<i32>> {
        match date(s) {
            Date::Parts { date_parts: [p] } => Some(p),
            Date::Literal { .. } => None,
        }
    }

    /// A citation's date is read by the one date parser: ISO days, months and years (a
    /// time after the day dropped) and written dates become parts; an impossible day or
    /// a word stays as written.
    #[test]
    fn citation_dates_as_parts() {
        assert_eq!(parts("2024-10-30"), Some(vec![2024, 10, 30]));
        assert_eq!(parts("2024-10-30T09:10:00+01:00"), Some(vec![2024, 10, 30]));
        assert_eq!(parts("2024-10-30 09:10"), Some(vec![2024, 10, 30]));
        assert_eq!(parts("2024-10"), Some(vec![2024, 10]));
        assert_eq!(parts("2024"), Some(vec![2024]));
        assert_eq!(parts("Oct. 30, 2024"), Some(vec![2024, 10, 30]));
        assert_eq!(parts("2021-02-31"), None);
        assert_eq!(parts("2024-13"), None);
        assert_eq!(parts("last spring"), None);
    }
}
