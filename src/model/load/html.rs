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
    let blocks = match dom_smoothie::Readability::with_document(doc, None, Some(cfg))
        .and_then(|mut r| r.parse())
    {
        Ok(article) => blocks(&Document::from(article.content.as_ref()).root()),
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

/// The kind an element gives the text inside it, if it is furniture.
fn furniture(node: &NodeRef, name: &str) -> Option<ParaKind> {
    match name {
        "figcaption" | "caption" => return Some(ParaKind::Caption),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => return Some(ParaKind::Headline),
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

/// The text blocks under `root`, in document order, with their kinds.
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
}

impl Walk {
    fn flush(&mut self, kind: ParaKind) {
        let text = self.cur.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            self.out.push((kind, text));
        }
        self.cur.clear();
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
            let name = c.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
            match name.as_str() {
                "br" => {
                    self.cur.push(' ');
                    continue;
                }
                "script" | "style" | "noscript" | "template" | "svg" | "button" => continue,
                _ => {}
            }
            let inner = furniture(&c, &name).unwrap_or(kind);
            if is_block(&name) {
                self.flush(kind);
                self.walk(&c, inner);
                self.flush(inner);
            } else {
                self.walk(&c, inner);
            }
        }
    }
}

#[cfg(test)]
mod tests;
