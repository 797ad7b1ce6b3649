//! When a page says it was published and last modified: JSON-LD, meta tags and
//! `<time datetime>` first; else an element whose class names the date and whose whole
//! text is a date stamp ("Published 7:07 PM EST Nov 19, 2019"). Values are read by the
//! model's one date parser, `model::date`.

use super::{clean, JsonLd, Tags};
use crate::model::date;
use crate::model::text::{stamps, StampKind};
use dom_query::{Document, NodeRef};

/// Meta tags that give the publication time, most trusted first.
const PUBLISHED: [&str; 12] = [
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "sailthru.date",
    "parsely-pub-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
];
/// Meta tags that give the last modification time.
const MODIFIED: [&str; 5] = [
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
];

/// The page's published and modified times, ISO 8601.
pub(super) fn page_dates(
    doc: &Document,
    tags: &Tags,
    ld: &JsonLd,
) -> (Option<String>, Option<String>) {
    let published = ld
        .fields("datePublished")
        .chain(tags.all(&PUBLISHED).map(str::to_string))
        .chain(time_datetime(doc));
    let modified = ld
        .fields("dateModified")
        .chain(tags.all(&MODIFIED).map(str::to_string));
    let read = |v: String| normalize_datetime(&v);
    let date = most_precise(published.filter_map(read).collect());
    let updated = most_precise(modified.filter_map(read).collect());
    if date.is_some() && updated.is_some() {
        return (date, updated);
    }
    let (shown, shown_updated) = shown_dates(doc);
    (date.or(shown), updated.or(shown_updated))
}

/// The first of the ISO dates `all`, with the time of day another gives for the same day
/// when the first has none (a page's JSON-LD may give "2024-03-05" where its meta tags
/// give "2024-03-05T09:30:00+01:00").
fn most_precise(all: Vec<String>) -> Option<String> {
    let first = all.first()?;
    let timed = all
        .iter()
        .find(|d| d.len() > first.len() && d.starts_with(first.as_str()) && first.len() == 10);
    Some(timed.unwrap_or(first).clone())
}

/// A page date as ISO 8601: the date, with the time (and offset) when given. Placeholders
/// (year 1 and other years before 1900, the Unix epoch) are no date.
pub fn normalize_datetime(s: &str) -> Option<String> {
    date::parse_iso(s)
        // Other spellings ("Nov 20, 2019", "01:38 PM IST Nov 20, 2019") give the date with
        // the time written beside it.
        .or_else(|| date::parse_written(s))
        .map(|d| d.to_string())
        .filter(|d| plausible(d))
}

/// Not a placeholder: after 1900 and not the Unix epoch's first day.
fn plausible(date: &str) -> bool {
    /// Pages print `0001-01-01` or `1970-01-01` when the real date is missing; no news
    /// page on the web predates 1900.
    const FIRST_YEAR: u32 = 1900;
    let year: u32 = date.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    year >= FIRST_YEAR && !date.starts_with("1970-01-01")
}

/// The first `<time datetime>` that says it is the publication time, else the first one.
fn time_datetime(doc: &Document) -> Option<String> {
    let times = doc.select("time[datetime]");
    let nodes = times.nodes();
    let pub_time = nodes.iter().find(|n| {
        n.has_attr("pubdate")
            || n.attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
    });
    pub_time
        .or(nodes.first())
        .and_then(|n| n.attr("datetime"))
        .map(|d| d.to_string())
}

/// How surely an element's class says it holds the page's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named {
    /// The class names the publication ("publish-date", "entry-date published", "posted-on").
    Publication,
    /// The class names a date ("date", "datetime", "article_date") or the element is a
    /// `<time>`: also a page header's date of today or a related story's.
    Date,
}

/// What an element's class (or tag) says it holds, from the words of its class split at
/// `-`, `_` and lower-to-upper case changes ("ArticlePage-datePublished": article, page,
/// date, published).
fn named(n: &NodeRef) -> Option<Named> {
    let class = n.attr("class").map(|c| c.to_string()).unwrap_or_default();
    let mut words = Vec::new();
    for token in class.split_whitespace() {
        let mut word = String::new();
        let mut prev_lower = false;
        for c in token.chars() {
            if c == '-' || c == '_' || (prev_lower && c.is_uppercase()) {
                words.push(std::mem::take(&mut word));
            }
            prev_lower = c.is_lowercase();
            if c != '-' && c != '_' {
                word.extend(c.to_lowercase());
            }
        }
        words.push(word);
    }
    let has = |w: &[&str]| words.iter().any(|x| w.contains(&x.as_str()));
    if has(&["publish", "published", "pubdate", "posted"]) {
        Some(Named::Publication)
    } else if has(&["date", "datetime", "dateline"])
        || n.node_name()
            .is_some_and(|t| t.eq_ignore_ascii_case("time"))
    {
        Some(Named::Date)
    } else {
        None
    }
}

/// The published and updated times shown on the page: the stamp of the elements whose
/// class names the publication, else of those whose class names a date. Each counts only
/// when all its elements show one stamp (a story's date printed twice): a header's date of
/// today beside a related story's, or a feed of posts' times, are many, and no answer
/// beats a wrong one.
fn shown_dates(doc: &Document) -> (Option<String>, Option<String>) {
    /// Characters of an element's text beyond which it is no stamp: the longest stamps
    /// on the dev pages ("Last Updated : Nov 20, 2019 01:41 PM IST | Source: …") run to
    /// 60; a container of the whole story is far longer.
    const MAX_CHARS: usize = 120;
    let mut found: Vec<(Named, StampKind, String)> = Vec::new();
    for n in doc.select("[class], time").nodes() {
        let Some(tier) = named(n) else {
            continue;
        };
        let text = n.text();
        // A cheap bound before the whitespace is folded: markup's indentation may pad a
        // stamp to a few times its length, while a container of the story is far past it.
        if text.len() > MAX_CHARS * 8 {
            continue;
        }
        let text = clean(&text);
        if text.chars().count() > MAX_CHARS {
            continue;
        }
        for (kind, iso) in stamps(&text) {
            found.push((tier, kind, iso));
        }
    }
    let pick = |kind: StampKind| {
        [Named::Publication, Named::Date]
            .into_iter()
            .find_map(|tier| {
                let days: Vec<String> = found
                    .iter()
                    .filter(|(t, k, _)| *t == tier && *k == kind)
                    .map(|(_, _, d)| d.clone())
                    .collect();
                let first = days.first()?;
                days.iter().all(|d| d == first).then(|| first.clone())
            })
    };
    (pick(StampKind::Published), pick(StampKind::Updated))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates_of(html: &str) -> (Option<String>, Option<String>) {
        let doc = Document::from(html);
        page_dates(&doc, &Tags::read(&doc), &JsonLd::read(&doc))
    }

    /// Other spellings of a date give the date, with the time written beside it; an
    /// impossible date or a placeholder is none.
    #[test]
    fn other_date_spellings() {
        assert_eq!(
            normalize_datetime("March 5, 2024").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            normalize_datetime("09:10:05 AM EST Mar 5, 2024").as_deref(),
            Some("2024-03-05T09:10:05-05:00")
        );
        assert_eq!(normalize_datetime("2024-13-05"), None);
        assert_eq!(normalize_datetime("2023-02-29T10:00:00Z"), None);
        assert_eq!(normalize_datetime("0001-01-01T00:00:00Z"), None);
    }

    /// A day given alone takes the time another of the page's values states for it; a
    /// time for another day does not.
    #[test]
    fn same_day_takes_the_stated_time() {
        let (d, _) = dates_of(
            r#"<head><script type="application/ld+json">{"@type":"NewsArticle",
            "datePublished":"2024-03-05"}</script>
            <meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
            </head>"#,
        );
        assert_eq!(d.as_deref(), Some("2024-03-05T09:30:00+01:00"));
        let (d, _) = dates_of(
            r#"<head><script type="application/ld+json">{"@type":"NewsArticle",
            "datePublished":"2024-03-05"}</script>
            <meta property="article:published_time" content="2024-03-06T09:30:00+01:00">
            </head>"#,
        );
        assert_eq!(d.as_deref(), Some("2024-03-05"));
    }

    /// JSON-LD with a raw line break inside a string still gives its dates.
    #[test]
    fn json_ld_with_raw_line_breaks() {
        let (d, u) = dates_of(
            "<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\
             \"headline\":\"Two\nlines\",\"datePublished\":\"09:10 AM EST Mar 5, 2024\",\
             \"dateModified\":\"2024-03-05T11:00:00-05:00\"}</script></head>",
        );
        assert_eq!(d.as_deref(), Some("2024-03-05T09:10-05:00"));
        assert_eq!(u.as_deref(), Some("2024-03-05T11:00:00-05:00"));
    }

    /// With no date in the markup, an element whose class names the publication and whose
    /// text is a stamp gives it, and a "Last modified" stamp the update.
    #[test]
    fn shown_publication_stamp() {
        let (d, u) = dates_of(
            r#"<body><div class="article-publish-date">Published 7:07 PM EST Mar 5, 2024</div>
            <p class="story__dateline">Last modified on Wed 6 Mar 2024</p>
            <p>The council met on March 1, 2024 to vote.</p></body>"#,
        );
        assert_eq!(d.as_deref(), Some("2024-03-05T19:07-05:00"));
        assert_eq!(u.as_deref(), Some("2024-03-06"));
        let (d, _) =
            dates_of(r#"<span class="ArticlePage-datePublished">| March 5, 2024 12:01 PM</span>"#);
        assert_eq!(d.as_deref(), Some("2024-03-05T12:01"));
    }

    /// Looks like the page's date but is not: a header's date of today beside a related
    /// story's date (two days), a feed of posts' times on one day, a class that only contains the letters ("candidate"), a
    /// story sentence with a date in a date-named container.
    #[test]
    fn shown_dates_that_are_not_the_pages() {
        let (d, _) = dates_of(
            r#"<body><time class="DateTime">Friday March 8, 2024</time>
            <ul><li><span class="date">March 5, 2024</span> Earlier story</li></ul></body>"#,
        );
        assert_eq!(d, None);
        let (d, _) = dates_of(
            r#"<div class="tweet-date">March 5, 2024, 10:54 am</div>
            <div class="tweet-date">March 5, 2024, 9:57 am</div>"#,
        );
        assert_eq!(d, None);
        let (d, _) = dates_of(r#"<div class="candidate">March 5, 2024</div>"#);
        assert_eq!(d, None);
        let (d, _) = dates_of(
            r#"<div class="post-date">The council met on March 5, 2024 to vote on it.</div>"#,
        );
        assert_eq!(d, None);
    }
}
