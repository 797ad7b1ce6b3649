//! What a web page says about itself in its markup: title, outlet, author, published and
//! modified times, canonical URL. Read from meta tags (Open Graph, article:, itemprop,
//! names), JSON-LD, `<link rel=canonical>`, `<time datetime>` and the comment browsers
//! write into saved pages (`<!-- saved from url=(0042)https://… -->`).

mod dates;

pub use dates::normalize_datetime;
use dom_query::Document;
use regex::Regex;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Metadata read from a page's markup (never guessed from its text).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// Published, ISO 8601: `2024-10-30`, or with the time and offset where the page gives them.
    pub date: Option<String>,
    /// Last modified, as `date`.
    pub updated: Option<String>,
    /// The canonical URL.
    pub url: Option<String>,
    /// The language, a BCP 47 tag ("en-GB").
    pub language: Option<String>,
}

/// Meta tags by lower-cased `property`, `name` or `itemprop`: the first non-empty value.
struct Tags(HashMap<String, String>);

impl Tags {
    fn read(doc: &Document) -> Tags {
        let mut map = HashMap::new();
        for m in doc.select("meta").nodes() {
            let value = m.attr("content").or_else(|| m.attr("datetime"));
            let Some(value) = value.map(|v| clean(&v)).filter(|v| !v.is_empty()) else {
                continue;
            };
            for key in ["property", "name", "itemprop"] {
                if let Some(k) = m.attr(key) {
                    map.entry(k.trim().to_lowercase())
                        .or_insert_with(|| value.clone());
                }
            }
        }
        Tags(map)
    }
    /// The first of `keys` present.
    fn get(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.0.get(*k).map(String::as_str))
    }
    /// Every one of `keys` present, in the order of `keys`.
    fn all<'a>(&'a self, keys: &'a [&str]) -> impl Iterator<Item = &'a str> + 'a {
        keys.iter()
            .filter_map(|k| self.0.get(*k).map(String::as_str))
    }
}

/// Whitespace runs as one space, trimmed.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Read a page's metadata. `raw` is the page's source (for the saved-from comment).
pub fn page_meta(doc: &Document, raw: &str) -> PageMeta {
    let tags = Tags::read(doc);
    let ld = JsonLd::read(doc);
    let url = canonical_url(doc, &tags, raw);
    let site = tags
        .get(&["og:site_name"])
        .map(str::to_string)
        .or_else(|| ld.publisher());
    let raw_title = tags
        .get(&["og:title", "twitter:title"])
        .map(str::to_string)
        .or_else(|| Some(clean(&doc.select("title").text())).filter(|t| !t.is_empty()));
    let (title, suffix) = match raw_title {
        Some(t) => {
            let (main, suffix) = split_title(&t, site.as_deref());
            (Some(main), suffix)
        }
        None => (
            Some(clean(&doc.select("h1").text())).filter(|t| !t.is_empty()),
            None,
        ),
    };
    let outlet = site
        .or(suffix)
        .or_else(|| url.as_deref().and_then(host).map(str::to_string));
    let (date, updated) = dates::page_dates(doc, &tags, &ld);
    let author = ld.author().or_else(|| {
        tags.get(&["author", "article:author", "byl"])
            .and_then(person)
    });
    let language = doc
        .select("html")
        .attr("lang")
        .map(|l| l.to_string())
        .into_iter()
        .chain(ld.field("inLanguage"))
        .chain(
            tags.get(&["og:locale", "dc.language", "language", "content-language"])
                .map(str::to_string),
        )
        .find_map(|l| language_tag(&l));
    PageMeta {
        title,
        outlet,
        author,
        date,
        updated,
        url,
        language,
    }
}

/// A language as a BCP 47 tag: "en", "en-GB" (`og:locale`'s "en_GB" too); anything else
/// ("english", a sentence, a script) is no tag.
fn language_tag(s: &str) -> Option<String> {
    let s = s.trim().replace('_', "-");
    let mut parts = s.split('-');
    let lang = parts.next()?;
    if !(2..=3).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut tag = lang.to_ascii_lowercase();
    for p in parts.take(2) {
        if !(2..=8).contains(&p.len()) || !p.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        tag.push('-');
        tag.push_str(&if p.len() == 2 {
            p.to_ascii_uppercase()
        } else {
            p.to_string()
        });
    }
    Some(tag)
}

/// An author value that names a person (not a profile URL or a number).
pub(super) fn person(s: &str) -> Option<String> {
    let s = s.trim();
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .unwrap_or(s);
    let is_name = !s.is_empty()
        && !s.contains("://")
        && !s.starts_with("www.")
        && s.chars().any(char::is_alphabetic);
    is_name.then(|| s.to_string())
}

/// A page title without its " - Outlet" / " | Outlet" suffix, and the suffix.
///
/// The suffix goes when it names the site (as `og:site_name` spells it, ignoring case and
/// spacing) or, with no site name known, when it is short: outlets' names run to a few
/// words, while a headline's last part after a dash is usually longer.
pub fn split_title(title: &str, site: Option<&str>) -> (String, Option<String>) {
    /// An outlet's name in a title suffix: "Los Angeles Times", "The Sydney Morning
    /// Herald", "Folha de S.Paulo" fit; longer tails are rarely a name.
    const MAX_SUFFIX_WORDS: usize = 5;
    let squash = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let cut = [" | ", " - ", " – ", " — ", " :: ", " » ", " · "]
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, at + sep.len())))
        .max_by_key(|(at, _)| *at);
    let Some((at, after)) = cut else {
        return (title.to_string(), None);
    };
    let (main, suffix) = (title[..at].trim(), title[after..].trim());
    let words = suffix.split_whitespace().count();
    let names_site = site.is_some_and(|s| {
        let (s, x) = (squash(s), squash(suffix));
        !s.is_empty() && !x.is_empty() && (s.contains(&x) || x.contains(&s))
    });
    let short =
        site.is_none() && words <= MAX_SUFFIX_WORDS && main.split_whitespace().count() > words;
    if main.is_empty() || !(names_site || short) {
        return (title.to_string(), None);
    }
    (main.to_string(), Some(suffix.to_string()))
}

/// The page's URL: `<link rel=canonical>`, else `og:url`, else the saved-from comment; a
/// relative canonical link is resolved against the others. A canonical link to another
/// site than `og:url`'s names the original of a syndicated copy (a portal carrying a
/// network's story links to the network's page): the copy's own address is `og:url`.
fn canonical_url(doc: &Document, tags: &Tags, raw: &str) -> Option<String> {
    let link = doc
        .select("link[rel]")
        .nodes()
        .iter()
        .find(|n| {
            n.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|n| n.attr("href"))
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty());
    let og = tags.get(&["og:url"]).map(str::to_string);
    let saved = saved_from(raw);
    let absolute = |u: &String| u.starts_with("http://") || u.starts_with("https://");
    if let Some(l) = link.as_ref().filter(|l| absolute(l)) {
        let copy = og.as_ref().filter(|o| absolute(o)).filter(|o| {
            host(o).is_some_and(|h| host(l).is_some_and(|lh| !lh.eq_ignore_ascii_case(h)))
        });
        return Some(copy.unwrap_or(l).clone());
    }
    let base = og.iter().chain(saved.iter()).find(|u| absolute(u)).cloned();
    if let (Some(l), Some(b)) = (&link, &base) {
        if let Some(rest) = l.strip_prefix("//") {
            let scheme = b.split("://").next().unwrap_or("https");
            return Some(format!("{scheme}://{rest}"));
        }
        if l.starts_with('/') {
            let origin_end = b.find("://").map_or(0, |i| i + 3);
            let host_end = b[origin_end..]
                .find('/')
                .map_or(b.len(), |i| origin_end + i);
            return Some(format!("{}{l}", &b[..host_end]));
        }
    }
    base
}

/// The URL in the comment browsers write at the top of a saved page.
fn saved_from(raw: &str) -> Option<String> {
    static SAVED: OnceLock<Regex> = OnceLock::new();
    let re = SAVED.get_or_init(|| {
        Regex::new(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->").expect("valid built-in pattern")
    });
    let head = &raw[..floor_boundary(raw, 4096)];
    re.captures(head)
        .map(|c| c[1].to_string())
        .filter(|u| u.starts_with("http"))
}

fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A URL's host without `www.`.
fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let h = rest.split(['/', '?', '#']).next()?;
    let h = h.rsplit('@').next()?.split(':').next()?;
    let h = h.strip_prefix("www.").unwrap_or(h);
    (!h.is_empty()).then_some(h)
}

/// The page's JSON-LD objects, flattened (arrays and `@graph`), articles first.
struct JsonLd(Vec<Value>);

impl JsonLd {
    fn read(doc: &Document) -> JsonLd {
        let mut objects = Vec::new();
        for s in doc.select("script[type]").nodes() {
            let is_ld = s
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if !is_ld {
                continue;
            }
            let text = s.text();
            let text = text.trim();
            // Some pages print line breaks raw inside JSON strings, which JSON forbids:
            // read as spaces, the dates and names in them parse.
            let parsed = serde_json::from_str::<Value>(text)
                .or_else(|_| serde_json::from_str(&text.replace(|c: char| c.is_control(), " ")));
            if let Ok(v) = parsed {
                flatten(v, &mut objects);
            }
        }
        // Articles first: a page's JSON-LD also describes the site, breadcrumbs and videos.
        objects.sort_by_key(|o| !is_article(o));
        JsonLd(objects)
    }
    /// A string field of the first object that has it.
    fn field(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find_map(|o| o.get(key).and_then(Value::as_str).map(clean))
            .filter(|s| !s.is_empty())
    }
    /// A string field of every object that has it, articles first.
    fn fields<'a>(&'a self, key: &'a str) -> impl Iterator<Item = String> + 'a {
        self.0
            .iter()
            .filter_map(move |o| o.get(key).and_then(Value::as_str).map(clean))
            .filter(|s| !s.is_empty())
    }
    fn publisher(&self) -> Option<String> {
        self.0
            .iter()
            .filter_map(|o| o.get("publisher"))
            .find_map(|p| match p {
                Value::Array(a) => a.first().and_then(name_of),
                p => name_of(p),
            })
    }
    fn author(&self) -> Option<String> {
        let a = self
            .0
            .iter()
            .filter(|o| is_article(o))
            .find_map(|o| o.get("author"))?;
        let names: Vec<String> = match a {
            Value::Array(a) => a.iter().filter_map(name_of).collect(),
            a => name_of(a).into_iter().collect(),
        };
        let names: Vec<String> = names.iter().filter_map(|n| person(n)).collect();
        (!names.is_empty()).then(|| names.join(", "))
    }
}

fn name_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.as_str(),
        Value::Object(o) => o.get("name").and_then(Value::as_str)?,
        _ => return None,
    };
    Some(clean(s)).filter(|s| !s.is_empty())
}

fn flatten(v: Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(a) => a.into_iter().for_each(|v| flatten(v, out)),
        Value::Object(mut o) => {
            if let Some(g) = o.remove("@graph") {
                flatten(g, out);
            }
            out.push(Value::Object(o));
        }
        _ => {}
    }
}

fn is_article(o: &Value) -> bool {
    let article = |t: &str| t.ends_with("Article") || t == "BlogPosting" || t == "Report";
    match o.get("@type") {
        Some(Value::String(t)) => article(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(article),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> PageMeta {
        page_meta(&Document::from(html), html)
    }

    /// The language comes from `<html lang>`, else JSON-LD or `og:locale` ("en_GB" is
    /// "en-GB"); a value that is no language tag ("English") is none.
    #[test]
    fn language_from_markup() {
        let lang = |h: &str| meta_of(h).language;
        assert_eq!(
            lang(r#"<html lang="en-gb"><body><p>x</p></body></html>"#).as_deref(),
            Some("en-GB")
        );
        assert_eq!(
            lang(r#"<html><head><meta property="og:locale" content="fr_FR"></head></html>"#)
                .as_deref(),
            Some("fr-FR")
        );
        assert_eq!(lang(r#"<html lang="English"><body></body></html>"#), None);
        assert_eq!(
            lang(r#"<html><body><p>no language given</p></body></html>"#),
            None
        );
    }

    /// Open Graph tags give title, outlet, published and modified times and the URL.
    #[test]
    fn open_graph_tags() {
        let m = meta_of(
            r#"<head><title>Bridge plan | Valley Courier</title>
            <meta property="og:title" content="Bridge plan approved">
            <meta property="og:site_name" content="Valley Courier">
            <meta property="og:url" content="https://valley.example/news/bridge">
            <meta property="article:published_time" content="2024-03-05T09:30:00-0500">
            <meta property="article:modified_time" content="2024-03-06T10:00:00Z"></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Bridge plan approved"));
        assert_eq!(m.outlet.as_deref(), Some("Valley Courier"));
        assert_eq!(m.date.as_deref(), Some("2024-03-05T09:30:00-05:00"));
        assert_eq!(m.updated.as_deref(), Some("2024-03-06T10:00:00Z"));
        assert_eq!(m.url.as_deref(), Some("https://valley.example/news/bridge"));
    }

    /// JSON-LD (inside `@graph`) gives publisher, authors and dates; a relative canonical
    /// link is resolved against `og:url`.
    #[test]
    fn json_ld_and_relative_canonical() {
        let m = meta_of(
            r#"<head><link rel="canonical" href="/news/bridge">
            <meta property="og:url" content="https://valley.example/amp/news/bridge">
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},
              {"@type":"NewsArticle","datePublished":"2024-03-05","dateModified":"2024-03-07T08:00",
               "author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Park"}],
               "publisher":{"@type":"Organization","name":"Valley Courier"}}]}</script></head>"#,
        );
        assert_eq!(m.outlet.as_deref(), Some("Valley Courier"));
        assert_eq!(m.author.as_deref(), Some("Ann Lee, Bo Park"));
        assert_eq!(m.date.as_deref(), Some("2024-03-05"));
        assert_eq!(m.updated.as_deref(), Some("2024-03-07T08:00:00"));
        assert_eq!(m.url.as_deref(), Some("https://valley.example/news/bridge"));
    }

    /// A saved page's comment gives the URL, the title suffix the outlet, `<time>` the date.
    #[test]
    fn saved_from_comment_title_suffix_and_time() {
        let m = meta_of(
            "<!-- saved from url=(0036)https://www.valley.example/a/bridge -->\n<html><head>\
             <title>Council backs new river bridge - Valley Courier</title></head><body>\
             <time datetime=\"2024-03-05T14:05:00+01:00\">5 March</time></body></html>",
        );
        assert_eq!(m.title.as_deref(), Some("Council backs new river bridge"));
        assert_eq!(m.outlet.as_deref(), Some("Valley Courier"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://www.valley.example/a/bridge")
        );
        assert_eq!(m.date.as_deref(), Some("2024-03-05T14:05:00+01:00"));
    }

    /// A syndicated copy whose canonical link names the original on another site is read
    /// at its own address (`og:url`); a canonical link on the same site (another path,
    /// `www.` or not) still wins over `og:url`.
    #[test]
    fn syndicated_copy_keeps_its_own_url() {
        let m = meta_of(
            r#"<link rel="canonical" href="https://network.example/2024/03/05/bridge">
            <meta property="og:url" content="https://www.portal.example/news/ar-AB12">
            <meta property="og:site_name" content="Portal">"#,
        );
        assert_eq!(
            m.url.as_deref(),
            Some("https://www.portal.example/news/ar-AB12")
        );
        let m = meta_of(
            r#"<link rel="canonical" href="https://www.valley.example/news/bridge">
            <meta property="og:url" content="https://valley.example/news/bridge?ref=share">"#,
        );
        assert_eq!(
            m.url.as_deref(),
            Some("https://www.valley.example/news/bridge")
        );
    }

    /// With no site name anywhere, the canonical host is the outlet.
    #[test]
    fn host_is_the_last_outlet() {
        let m = meta_of(
            r#"<link rel="canonical" href="https://www.valley.example/x"><title>Bridge</title>"#,
        );
        assert_eq!(m.outlet.as_deref(), Some("valley.example"));
    }

    /// Placeholder dates are no dates; an author given as a profile URL is no author.
    #[test]
    fn placeholders_are_missing() {
        let m = meta_of(
            r#"<meta property="article:published_time" content="0001-01-01T00:00:00Z">
            <meta property="article:modified_time" content="1970-01-01T00:00:00Z">
            <meta property="article:author" content="https://social.example/annlee">"#,
        );
        assert_eq!((m.date, m.updated, m.author), (None, None, None));
    }

    /// A headline whose last part after a dash is long keeps it: no outlet is made up.
    #[test]
    fn long_title_tail_is_not_an_outlet() {
        let (t, s) = split_title(
            "Storm hits coast - thousands of homes left without power overnight",
            None,
        );
        assert_eq!(
            t,
            "Storm hits coast - thousands of homes left without power overnight"
        );
        assert_eq!(s, None);
        let (t, s) = split_title("Storm hits coast | Harbor Times", Some("The Harbor Times"));
        assert_eq!(
            (t.as_str(), s.as_deref()),
            ("Storm hits coast", Some("Harbor Times"))
        );
    }
}
