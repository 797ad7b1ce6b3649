//! Web pages as articles: a saved page's main text (found by dom_smoothie, a port of
//! Mozilla's Readability) becomes the article's text, one paragraph per block, with the
//! page's furniture kept as paragraphs of their kind (figure captions, headings, bylines);
//! the page's markup gives its metadata ([`meta`]); its bytes are decoded as a browser
//! would ([`charset`]).
//!
//! Offsets into an HTML article refer to the extracted text (paragraphs separated by a
//! blank line), which `dossier read --source` prints.

pub mod charset;
pub mod meta;

use crate::model::{ParaKind, Span};
use dom_query::{Document, NodeRef};
pub use meta::PageMeta;

/// A page read into text.
#[derive(Debug, Default)]
pub struct Page {
    /// The extracted text: one block per paragraph, separated by a blank line.
    pub text: String,
    /// The paragraphs' spans in `text`, with the kind the markup gives them.
    pub paragraphs: Vec<(Span, ParaKind)>,
    pub meta: PageMeta,
}

/// Is this file name a web page?
pub fn is_html_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    (lower.ends_with(".html") || lower.ends_with(".htm")) && !name.starts_with('.')
}

/// Does this file start like a web page: a doctype or `<html` after any byte-order mark,
/// whitespace and comments?
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let mut s = bytes;
    for bom in [&[0xEF, 0xBB, 0xBF][..], &[0xFF, 0xFE], &[0xFE, 0xFF]] {
        if let Some(rest) = s.strip_prefix(bom) {
            s = rest;
        }
    }
    // UTF-16 pages: look at the ASCII bytes only.
    let ascii: Vec<u8>;
    if s.len() > 1 && (s[0] == 0 || s[1] == 0) {
        ascii = s.iter().copied().filter(|&b| b != 0).take(4096).collect();
        s = &ascii;
    }
    loop {
        let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
        s = &s[n..];
        if let Some(rest) = s.strip_prefix(b"<!--") {
            match rest.windows(3).position(|w| w == b"-->") {
                Some(end) => s = &rest[end + 3..],
                None => return false,
            }
            continue;
        }
        break;
    }
    let head: Vec<u8> = s.iter().take(14).map(u8::to_ascii_lowercase).collect();
    head.starts_with(b"<!doctype html")
        || (head.starts_with(b"<html") && head.get(5).is_none_or(|b| !b.is_ascii_alphanumeric()))
}

/// Read a decoded page: its main text as paragraphs, and its metadata.
pub fn extract(html: &str) -> Page {
    let doc = Document::from(html);
    let meta = meta::page_meta(&doc, html);
    let cfg = dom_smoothie::Config {
        // The walk below reads class names to tell captions and bylines.
        keep_classes: true,
        ..dom_smoothie::Config::default()
    };
    let mut meta = meta;
    let blocks = match dom_smoothie::Readability::with_document(doc, None, Some(cfg))
        .and_then(|mut r| r.parse())
    {
        Ok(article) => {
            let mut blocks = blocks(&Document::from(article.content.as_ref()).root());
            // Readability takes the byline out of the main text: keep it as a byline
            // paragraph, and as the author when the markup names none.
            if let Some(by) = article.byline.as_deref().and_then(meta::person) {
                if !blocks.iter().any(|(_, t)| t.contains(by.as_str())) {
                    blocks.insert(0, (ParaKind::Byline, by.clone()));
                }
                meta.author.get_or_insert(by);
            }
            blocks
        }
        // No main text found (a page of links, an empty page): the whole body's text.
        Err(_) => {
            let doc = Document::from(html);
            let root = doc.body().unwrap_or_else(|| doc.root());
            blocks(&root)
        }
    };
    let mut page = Page {
        meta,
        ..Page::default()
    };
    for (kind, text) in blocks {
        if !page.text.is_empty() {
            page.text.push_str("\n\n");
        }
        let start = page.text.len();
        page.text.push_str(&text);
        page.paragraphs
            .push((Span::new(start, page.text.len()), kind));
    }
    page
}

/// A block of lines that reads as a list of links to other stories: every line a title of
/// a few words (at most [`LINK_TITLE_WORDS`]), and at most half of them closed by a full
/// stop. A story paragraph whose sentences a `<br>` parts ("It began in May.\nSince then
/// …") is no such list.
pub fn is_link_list(s: &str) -> bool {
    /// The longest title in the dev pages' lists of links runs to 17 words (three lists,
    /// no line closed by a full stop); the one story paragraph parted by `<br>` that was
    /// taken for a list had lines of up to 47 words, both closed by full stops.
    const LINK_TITLE_WORDS: usize = 20;
    let lines: Vec<&str> = s.lines().filter(|l| !l.trim().is_empty()).collect();
    let closed = lines
        .iter()
        .filter(|l| l.trim_end().ends_with('.') && !l.trim_end().ends_with("..."))
        .count();
    lines.len() >= 2
        && lines
            .iter()
            .all(|l| crate::model::text::words_upto(l, LINK_TITLE_WORDS + 1) <= LINK_TITLE_WORDS)
        && closed * 2 <= lines.len()
}

/// Elements that end the running paragraph and start their own.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "figure"
            | "figcaption"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "form"
            | "center"
    )
}

/// Elements whose blocks make one paragraph, a line each (a list's items, a table's
/// rows): a list is one unit of the story, as the benchmark's articles count it.
fn is_group(name: &str) -> bool {
    matches!(name, "ul" | "ol" | "dl" | "table")
}

/// The kind an element gives the text inside it, if it is furniture. A heading after the
/// story has begun is a crosshead, part of the story's text; before it, a title or dek.
fn furniture(node: &NodeRef, name: &str, story_begun: bool) -> Option<ParaKind> {
    match name {
        "figure" | "figcaption" | "caption" => return Some(ParaKind::Caption),
        "h1" => return Some(ParaKind::Headline),
        "h2" | "h3" | "h4" | "h5" | "h6" if !story_begun => return Some(ParaKind::Headline),
        _ => {}
    }
    let class = node.attr("class").map(|c| c.to_ascii_lowercase())?;
    let has = |w: &str| class.split_whitespace().any(|c| c.contains(w));
    if has("caption") || has("credit") {
        Some(ParaKind::Caption)
    } else if has("byline") {
        Some(ParaKind::Byline)
    } else {
        None
    }
}

/// The text blocks under `root`, in document order, with their kinds; lines within a
/// block are separated by `\n`.
fn blocks(root: &NodeRef) -> Vec<(ParaKind, String)> {
    let mut w = Walk::default();
    w.walk(root, ParaKind::Body);
    w.flush(ParaKind::Body);
    w.out
}

#[derive(Default)]
struct Walk {
    out: Vec<(ParaKind, String)>,
    cur: String,
    /// How many lists or tables the walk is inside.
    group: usize,
    /// A body paragraph ending like a sentence has been read.
    story_begun: bool,
}

impl Walk {
    fn flush(&mut self, kind: ParaKind) {
        let mut text = String::new();
        for line in self.cur.split('\n') {
            let mut words = line.split_whitespace();
            let Some(first) = words.next() else { continue };
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(first);
            for w in words {
                text.push(' ');
                text.push_str(w);
            }
        }
        self.cur.clear();
        if text.is_empty() {
            return;
        }
        let sentence = text
            .trim_end_matches(['"', '”', '’', '\'', ')', '»'])
            .ends_with(['.', '!', '?', '…']);
        if kind == ParaKind::Body && sentence {
            self.story_begun = true;
        }
        self.out.push((kind, text));
    }

    fn walk(&mut self, node: &NodeRef, kind: ParaKind) {
        for c in node.children_it(false) {
            if c.is_text() {
                self.cur.push_str(&c.text());
                continue;
            }
            if !c.is_element() {
                continue;
            }
            let name = c
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            match name.as_str() {
                "br" => {
                    self.cur.push('\n');
                    continue;
                }
                "script" | "style" | "noscript" | "template" | "svg" | "button" => continue,
                _ => {}
            }
            let inner = furniture(&c, &name, self.story_begun).unwrap_or(kind);
            let block = is_block(&name);
            if self.group > 0 && inner == kind {
                // Inside a list or table: a cell is a column, any other block a line.
                if matches!(name.as_str(), "td" | "th") {
                    self.cur.push(' ');
                } else if block {
                    self.cur.push('\n');
                }
                let grouping = is_group(&name);
                self.group += usize::from(grouping);
                self.walk(&c, inner);
                self.group -= usize::from(grouping);
                if block {
                    self.cur.push('\n');
                }
            } else if block {
                self.flush(kind);
                let grouping = is_group(&name);
                self.group += usize::from(grouping);
                self.walk(&c, inner);
                self.group -= usize::from(grouping);
                self.flush(inner);
            } else {
                self.walk(&c, inner);
            }
        }
    }
}

#[cfg(test)]
mod tests;
