//! File names for fetched pages: a number for the dossier's order, then the page's host
//! and path as words (`03_example-news-com_storm-toll.html`), so a folder listing says
//! which outlet and story each file is, and fetching the same address again finds the
//! same file.

use std::collections::BTreeMap;

/// The most characters of the path's part of a name: real article slugs run to ~60
/// ("storm-toll-rises-to-twelve-as-rivers-keep-rising"); longer ones are cut at a word.
const PATH_MAX_CHARS: usize = 60;

/// The most characters of the host's part: real news hosts run to ~30
/// (`www.example-regional-news.co.uk`); a DNS name may reach 253, which with the path
/// would pass the 255 bytes a file name may have.
const HOST_MAX_CHARS: usize = 80;

/// The extension given to every fetched page.
pub const EXT: &str = "html";

/// `s` as lowercase ASCII words joined by `-`: anything but letters and digits separates.
fn words(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// `s` cut to at most `max` characters at a `-` (ASCII: one byte a character).
fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    match s[..max].rfind('-') {
        Some(at) if at > 0 => &s[..at],
        _ => &s[..max],
    }
}

/// The name of a page without number or extension: host (less `www.`) and the path's
/// last segment (less an extension such as `.html` or `.php`), with the segment before
/// it when the last is only an id (`/news/12345`), and the query when the path names
/// nothing (`/article.php?id=7` is `article-id-7`).
pub fn stem(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split('#').next().unwrap_or("");
    let (before_query, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (authority, path) = before_query.split_once('/').unwrap_or((before_query, ""));
    // user:pass@host:port: the host alone.
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let mut slug = String::new();
    if let Some((last, before)) = segments.split_last() {
        let last = match last.rsplit_once('.') {
            Some((name, ext)) if (1..=5).contains(&ext.len()) && !name.is_empty() => name,
            _ => last,
        };
        slug = words(last);
        if !slug.bytes().any(|b| b.is_ascii_alphabetic()) {
            if let Some(prev) = before.last() {
                slug = words(&format!("{prev}-{slug}"));
            }
        }
    }
    let generic = slug.is_empty() || matches!(slug.as_str(), "index" | "article" | "story");
    if generic && !query.is_empty() {
        slug = words(&format!("{slug}-{query}"));
    }
    let host = words(host);
    let host = match cut(&host, HOST_MAX_CHARS) {
        "" => "page",
        h => h,
    };
    match cut(&slug, PATH_MAX_CHARS) {
        "" => host.to_string(),
        s => format!("{host}_{s}"),
    }
}

/// The files already in a dossier folder: each fetched-style name (`NN_stem.html`) by its
/// stem, and the number the next page gets (after the highest, and after as many files
/// as the folder holds, so fetched pages sort after pages saved by hand).
#[derive(Debug, Default)]
pub struct Existing {
    by_stem: BTreeMap<String, String>,
    next: usize,
}

impl Existing {
    /// What `names` (a folder's file names) already hold.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut by_stem = BTreeMap::new();
        let mut highest = 0;
        let mut count = 0;
        for name in names {
            if name.starts_with('.') || name == crate::model::load::MANIFEST {
                continue;
            }
            count += 1;
            let Some((num, rest)) = name.split_once('_') else {
                continue;
            };
            let Ok(n) = num.parse::<usize>() else {
                continue;
            };
            highest = highest.max(n);
            if let Some(stem) = rest.strip_suffix(".html").or(rest.strip_suffix(".htm")) {
                by_stem.insert(stem.to_string(), name.to_string());
            }
        }
        Existing {
            by_stem,
            next: highest.max(count) + 1,
        }
    }

    /// The file name for `url`: the file already fetched from the same host and path,
    /// else a new number; a stem taken by another address of this run gets `-2`, `-3`.
    pub fn name_for(&mut self, url: &str, taken_now: &mut Vec<String>) -> String {
        let base = stem(url);
        let mut stem = base.clone();
        let mut n = 1;
        while taken_now.contains(&stem) {
            n += 1;
            stem = format!("{base}-{n}");
        }
        taken_now.push(stem.clone());
        if let Some(name) = self.by_stem.get(&stem) {
            return name.clone();
        }
        let name = format!("{:02}_{stem}.{EXT}", self.next);
        self.next += 1;
        self.by_stem.insert(stem, name.clone());
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Host words and the path's last segment, without `www.`, an extension, a port or
    /// a fragment; an id-only segment keeps the one before it; a bare host is the host.
    #[test]
    fn stems_name_host_and_story() {
        for (url, want) in [
            (
                "https://www.example-news.com/2024/10/storm-toll",
                "example-news-com_storm-toll",
            ),
            (
                "http://example.news.com:8080/world/storm-toll.html#top",
                "example-news-com_storm-toll",
            ),
            (
                "https://news.example/world/12345",
                "news-example_world-12345",
            ),
            (
                "https://news.example/article.php?id=7",
                "news-example_article-id-7",
            ),
            ("https://news.example/", "news-example"),
            ("https://news.example", "news-example"),
            (
                "https://news.example/Caf%C3%A9/Storm_Toll!",
                "news-example_storm-toll",
            ),
        ] {
            assert_eq!(stem(url), want, "{url}");
        }
    }

    /// A stem never holds a separator, a dot-dot or a control character, and a long
    /// slug is cut at a word.
    #[test]
    fn stems_are_safe_file_names() {
        let long = format!("https://x.example/{}", "word-".repeat(40));
        let s = stem(&long);
        assert!(s.len() <= "x-example_".len() + PATH_MAX_CHARS, "{s}");
        assert!(s.ends_with("word"), "{s}");
        for url in [
            "https://x.example/../../etc/passwd",
            "https://x.example/a\x1b]0;t\x07b",
        ] {
            let s = stem(url);
            assert!(
                s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                "{s:?}"
            );
        }
    }

    /// Numbers continue after the folder's files; the same address finds its earlier
    /// file; two addresses with one stem in one run get distinct names.
    #[test]
    fn numbers_continue_and_refetch_finds_the_file() {
        let mut e = Existing::new(["01_a-example_one.html", "notes.txt", "dossier.toml"]);
        let mut taken = Vec::new();
        assert_eq!(
            e.name_for("https://a.example/one", &mut taken),
            "01_a-example_one.html"
        );
        assert_eq!(
            e.name_for("https://b.example/two", &mut taken),
            "03_b-example_two.html"
        );
        assert_eq!(
            e.name_for("https://b.example/x/two?utm=1", &mut taken),
            "04_b-example_two-2.html"
        );
    }

    proptest::proptest! {
        /// Whatever the address, its stem is a non-empty plain file name: lowercase
        /// letters, digits, `-` and one `_`, bounded in length.
        #[test]
        fn any_address_gives_a_plain_name(url in "(https?://)?\\PC{0,200}") {
            let s = stem(&url);
            proptest::prop_assert!(!s.is_empty());
            proptest::prop_assert!(
                s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'),
                "{:?}", s
            );
            proptest::prop_assert!(s.matches('_').count() <= 1, "{:?}", s);
            proptest::prop_assert!(s.len() <= HOST_MAX_CHARS + 1 + PATH_MAX_CHARS, "{:?}", s);
        }
    }
}
