//! Article text as display rows: wrapped once per (article, width, folding) and cached.
//!
//! Wrapping is textwrap's first fit over words that keep their byte offsets, so a row is a
//! byte range of the article and every highlight (cursor, quotes, matches, claims) is a
//! span lookup, never a search in wrapped text. Widths are those of the text as drawn,
//! after [`display`] has made control characters visible.

use crate::model::sanitize::flowing;
use crate::model::{Article, ArticleId, Dossier, Span};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use textwrap::core::Fragment;
use unicode_width::UnicodeWidthChar;

/// One display row of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// Bytes `start..end` of paragraph `para`.
    Text {
        para: usize,
        start: usize,
        end: usize,
    },
    /// The gap between paragraphs.
    Blank,
    /// `count` noise paragraphs folded away, the first being `para`.
    Folded { para: usize, count: usize },
}

/// An article's rows at one width.
#[derive(Debug, Clone, Default)]
pub struct Wrapped {
    pub rows: Vec<Row>,
    /// Per row, the end of the text it shows or follows (non-decreasing), so that the
    /// row of a byte is a binary search even in a very long article.
    ends: Vec<usize>,
}

/// The character drawn for `c`: white space as a space, unsafe characters as their
/// visible stand-in (the one rule of `model::sanitize`).
pub fn display_char(c: char) -> char {
    flowing(c)
}

/// `s` drawn character by character ([`display_char`]) with mojibake repaired, and for
/// each character of `s` the index of the drawn character it became (the three characters
/// of `â€œ` all map to its “), so marks made on the file's text land on what is drawn.
pub fn display_chars(s: &str) -> (Vec<char>, Vec<usize>) {
    let mut drawn = Vec::with_capacity(s.len());
    let mut of = Vec::with_capacity(s.len());
    let mut i = 0;
    while let Some(c) = s.get(i..).and_then(|r| r.chars().next()) {
        let (shown, len) = match c {
            'â' => crate::model::mojibake::at(s, i).unwrap_or((c, c.len_utf8())),
            _ => (c, c.len_utf8()),
        };
        for _ in s[i..i + len].chars() {
            of.push(drawn.len());
        }
        drawn.push(display_char(shown));
        i += len;
    }
    (drawn, of)
}

/// Text as drawn: never raw control characters or escape sequences; format characters
/// dropped, emoji sequences kept whole (see `model::sanitize::shown`); mojibake (`â€œ`)
/// shown as the characters it stands for (`model::mojibake`; the model keeps the file's).
pub fn display(s: &str) -> String {
    crate::model::sanitize::shown(&crate::model::mojibake::repair(s))
}

/// Columns `s` takes once drawn, grapheme cluster by cluster as ratatui draws it (a
/// flag 🇺🇸, a keycap 1️⃣ and ❤️ are two columns each, not the sum of their characters).
pub fn display_width(s: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    display(s).graphemes(true).map(cluster_width).sum()
}

/// Columns one drawn grapheme cluster takes.
pub fn cluster_width(g: &str) -> usize {
    let mut chars = g.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.width().unwrap_or(0),
        _ => unicode_width::UnicodeWidthStr::width(g),
    }
}

/// A word with its byte range and drawn widths, for textwrap.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    width: usize,
    space: usize,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// The words of `text[span]`, with words wider than `width` cut into pieces that fit.
fn words(text: &str, span: Span, width: usize) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut cur: Option<Word> = None;
    use unicode_segmentation::UnicodeSegmentation;
    // Grapheme clusters, not characters: a flag or a keycap is one unit of two columns
    // and is never cut in half.
    for (i, g) in text[span.range()].grapheme_indices(true) {
        let at = span.start + i;
        let first = g.chars().next().unwrap_or(' ');
        if first.is_whitespace() {
            if let Some(w) = cur.take() {
                out.push(w);
            }
            // Spaces, newlines and tabs are all drawn as one space each.
            if let Some(last) = out.last_mut() {
                last.space += g.chars().count();
            }
            continue;
        }
        let cw = if g.len() == first.len_utf8() {
            display_char(first).width().unwrap_or(0)
        } else {
            cluster_width(&display(g))
        };
        let end = at + g.len();
        match cur.as_mut() {
            Some(w) if w.width + cw <= width.max(1) => {
                w.end = end;
                w.width += cw;
            }
            Some(w) => {
                out.push(*w);
                cur = Some(Word {
                    start: at,
                    end,
                    width: cw,
                    space: 0,
                });
            }
            None => {
                cur = Some(Word {
                    start: at,
                    end,
                    width: cw,
                    space: 0,
                })
            }
        }
    }
    out.extend(cur);
    out
}

impl Wrapped {
    /// Wrap `article` to `width` columns; with `fold`, runs of noise paragraphs become one
    /// [`Row::Folded`] each.
    pub fn build(article: &Article, width: usize, fold: bool) -> Self {
        let width = width.max(1);
        let mut rows = Vec::new();
        let mut i = 0;
        let paras = &article.paragraphs;
        while i < paras.len() {
            if i > 0 {
                rows.push(Row::Blank);
            }
            if fold && paras[i].kind.is_noise() {
                let count = paras[i..].iter().take_while(|p| p.kind.is_noise()).count();
                rows.push(Row::Folded { para: i, count });
                i += count;
                continue;
            }
            let ws = words(&article.text, paras[i].span, width);
            let widths = [width as f64];
            for line in textwrap::wrap_algorithms::wrap_first_fit(&ws, &widths) {
                if let (Some(a), Some(b)) = (line.first(), line.last()) {
                    rows.push(Row::Text {
                        para: i,
                        start: a.start,
                        end: b.end,
                    });
                }
            }
            i += 1;
        }
        let mut ends = Vec::with_capacity(rows.len());
        let mut last = 0;
        for r in &rows {
            last = match *r {
                Row::Text { end, .. } => end,
                Row::Blank => last,
                Row::Folded { para, count } => paras[para + count - 1].span.end,
            };
            ends.push(last);
        }
        Wrapped { rows, ends }
    }

    /// The row that shows byte `pos` (or the first row after it, a folded row for
    /// folded text; the last row when none is).
    pub fn row_of(&self, pos: usize) -> usize {
        self.ends
            .partition_point(|&e| e <= pos)
            .min(self.rows.len().saturating_sub(1))
    }

    /// The first and last rows showing `span`.
    pub fn rows_of(&self, span: Span) -> (usize, usize) {
        let first = self.row_of(span.start);
        let last = self.row_of(span.end.saturating_sub(1).max(span.start));
        (first, last.max(first))
    }

    /// The rows, for scrolling arithmetic.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Wrapped articles, cached per (article, width, folding); rendering and key handling
/// share it, so an article is wrapped once per width however often it is drawn.
#[derive(Debug, Default)]
pub struct WrapCache(RefCell<HashMap<(ArticleId, usize, bool), Rc<Wrapped>>>);

impl WrapCache {
    /// The article's rows at `width`, wrapping on first use.
    pub fn get(&self, d: &Dossier, id: ArticleId, width: usize, fold: bool) -> Rc<Wrapped> {
        let mut map = self.0.borrow_mut();
        if map.len() > 64 {
            // Many widths seen (a long resize): keep memory bounded.
            map.clear();
        }
        map.entry((id, width, fold))
            .or_insert_with(|| Rc::new(Wrapped::build(d.article(id), width, fold)))
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    /// Rows never exceed the width, and they cover every word of every paragraph in order.
    #[test]
    fn rows_fit_and_cover_text() {
        let d = load_bundled();
        for a in &d.articles {
            for width in [20, 57, 118] {
                let w = Wrapped::build(a, width, false);
                let mut last = 0;
                for r in &w.rows {
                    if let Row::Text { start, end, .. } = *r {
                        assert!(display_width(&a.text[start..end]) <= width);
                        assert!(start >= last);
                        last = end;
                    }
                }
            }
        }
    }

    /// The row of a byte is the row showing it, whatever the gaps between paragraphs.
    #[test]
    fn row_of_finds_the_showing_row() {
        let d = load_bundled();
        let a = &d.articles[1];
        let w = Wrapped::build(a, 50, false);
        for (i, r) in w.rows.iter().enumerate() {
            if let Row::Text { start, end, .. } = *r {
                assert_eq!(w.row_of(start), i);
                assert_eq!(w.row_of(end - 1), i);
            }
        }
    }

    /// Folding turns each run of noise paragraphs into a single row.
    #[test]
    fn folding_hides_noise() {
        let d = load_bundled();
        let a = &d.articles[0];
        let noise = a.paragraphs.iter().filter(|p| p.kind.is_noise()).count();
        let folded = Wrapped::build(a, 60, true);
        let n = folded
            .rows
            .iter()
            .filter(|r| matches!(r, Row::Folded { .. }))
            .count();
        assert_eq!(n > 0, noise > 0);
        assert!(folded.rows.iter().all(|r| match *r {
            Row::Text { para, .. } => !a.paragraphs[para].kind.is_noise(),
            _ => true,
        }));
    }

    /// A word longer than the width is cut, and control characters are drawn visibly.
    #[test]
    fn long_words_and_controls() {
        let text = "abcdefghijklmnop \x1b[31mred";
        let ws = words(text, Span::new(0, text.len()), 5);
        assert!(ws.iter().all(|w| w.width <= 5));
        assert_eq!(display("a\x1b[1m\tb"), "a␛[1m b");
    }

    /// Marks on the file's text land on the drawn character: the three characters of a
    /// mojibake mark all map to the one mark drawn.
    #[test]
    fn mojibake_is_drawn_repaired_with_its_marks() {
        let (drawn, of) = display_chars("a â€œb");
        assert_eq!(drawn.iter().collect::<String>(), "a “b");
        // a, space, the three characters of â€œ, b
        assert_eq!(of, [0, 1, 2, 2, 2, 3]);
    }

    /// Mojibake is drawn repaired (the C1 control of `â€\u{9d}` included), while
    /// "château" is drawn as written.
    #[test]
    fn mojibake_is_drawn_repaired() {
        assert_eq!(
            display("â€œNo,â€\u{9d} she said â€” firmly."),
            "“No,” she said — firmly."
        );
        assert_eq!(display("le château"), "le château");
    }

    /// Flags, keycaps and emoji with a variation selector count two columns each, as
    /// ratatui draws them: no wrapped row is wider than the pane, and a flag is never
    /// cut in two.
    #[test]
    fn emoji_sequences_measured_by_cluster() {
        use unicode_segmentation::UnicodeSegmentation;
        assert_eq!(display_width("🇺🇸"), 2);
        assert_eq!(display_width("1\u{fe0f}\u{20e3}"), 2);
        assert_eq!(display_width("❤\u{fe0f}"), 2);
        let text = format!("Head\n\n{}\n", "🇺🇸1\u{fe0f}\u{20e3}❤\u{fe0f}🇺🇸".repeat(20));
        let a = crate::model::load::build_article(
            crate::model::ArticleId(0),
            "e.txt".into(),
            text.clone(),
            false,
        );
        for width in [5, 7, 10] {
            let w = Wrapped::build(&a, width, false);
            for r in &w.rows {
                if let Row::Text { start, end, .. } = *r {
                    let drawn: usize = text[start..end]
                        .graphemes(true)
                        .map(unicode_width::UnicodeWidthStr::width)
                        .sum();
                    assert!(
                        drawn <= width,
                        "{:?} is {drawn} wide at {width}",
                        &text[start..end]
                    );
                    assert!(
                        !text[start..end].starts_with('\u{1f1f8}'),
                        "a flag cut in two"
                    );
                }
            }
        }
    }
}
