//! A reading position in one article: a sentence cursor and a scroll offset, moved over
//! the article's wrapped rows. Pure arithmetic, shared by the article pane and both sides
//! of the comparison.

use crate::model::{Article, ArticleId, Paragraph, Span};
use crate::tui::wrap::Wrapped;

/// A unit the cursor stops on: a sentence (or a paragraph without sentences).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub para: usize,
    pub span: Span,
}

/// The cursor units of an article, in reading order.
pub fn units(a: &Article) -> Vec<Unit> {
    let mut out = Vec::new();
    for (i, p) in a.paragraphs.iter().enumerate() {
        if p.sentences.is_empty() {
            out.push(Unit {
                para: i,
                span: p.span,
            });
        }
        out.extend(p.sentences.iter().map(|span| Unit { para: i, span }));
    }
    out
}

/// The unit holding byte `pos`, or the first one after it.
pub fn unit_at(units: &[Unit], pos: usize) -> usize {
    units
        .partition_point(|u| u.span.end <= pos)
        .min(units.len().saturating_sub(1))
}

/// What moving a reader needs to know: its article's units and rows, and the pane height.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    pub units: &'a [Unit],
    pub paras: &'a [Paragraph],
    pub rows: &'a Wrapped,
    pub fold: bool,
    pub height: usize,
}

impl View<'_> {
    /// True when the unit is drawn (not folded away).
    pub fn shown(&self, i: usize) -> bool {
        !(self.fold && self.paras[self.units[i].para].kind.is_noise())
    }
    /// The first and last rows of unit `i`.
    pub fn rows_of(&self, i: usize) -> (usize, usize) {
        self.rows.rows_of(self.units[i].span)
    }
    fn max_scroll(&self) -> usize {
        self.rows.len().saturating_sub(self.height.max(1))
    }
    /// The first shown unit whose rows start at or after `row`.
    fn first_from(&self, row: usize) -> Option<usize> {
        (0..self.units.len()).find(|&i| self.shown(i) && self.rows_of(i).0 >= row)
    }
    /// The last shown unit whose rows start before `row`.
    fn last_before(&self, row: usize) -> Option<usize> {
        (0..self.units.len())
            .rev()
            .find(|&i| self.shown(i) && self.rows_of(i).0 < row)
    }
    /// The shown unit drawn on `row`, if any.
    pub fn unit_on_row(&self, row: usize) -> Option<usize> {
        (0..self.units.len()).find(|&i| {
            let (a, b) = self.rows_of(i);
            self.shown(i) && a <= row && row <= b
        })
    }
}

/// A cursor and a scroll offset in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader {
    pub article: ArticleId,
    /// Index of the unit under the cursor.
    pub cursor: usize,
    /// The first row drawn.
    pub scroll: usize,
}

impl Reader {
    /// At the top of an article.
    pub fn new(article: ArticleId) -> Self {
        Reader {
            article,
            cursor: 0,
            scroll: 0,
        }
    }

    /// The span under the cursor.
    pub fn span(&self, units: &[Unit]) -> Option<Span> {
        units.get(self.cursor).map(|u| u.span)
    }

    /// Scroll so the cursor's rows are on screen (as much as fits).
    pub fn keep_visible(&mut self, v: &View) {
        if v.units.is_empty() {
            self.scroll = 0;
            return;
        }
        let (a, b) = v.rows_of(self.cursor);
        let h = v.height.max(1);
        if a < self.scroll {
            self.scroll = a;
        } else if b >= self.scroll + h {
            self.scroll = (b + 1 - h).min(a);
        }
        self.scroll = self.scroll.min(v.max_scroll());
    }

    /// Put the cursor on unit `i` and scroll to it.
    pub fn go(&mut self, v: &View, i: usize) {
        self.cursor = i.min(v.units.len().saturating_sub(1));
        self.keep_visible(v);
    }

    /// Move the cursor to the next (or previous) shown unit; false at the end.
    pub fn step(&mut self, v: &View, down: bool) -> bool {
        let next = if down {
            (self.cursor + 1..v.units.len()).find(|&i| v.shown(i))
        } else {
            (0..self.cursor).rev().find(|&i| v.shown(i))
        };
        match next {
            Some(i) => {
                self.go(v, i);
                true
            }
            None => false,
        }
    }

    /// Go to the first or last shown unit.
    pub fn end(&mut self, v: &View, bottom: bool) {
        let i = if bottom {
            (0..v.units.len()).rev().find(|&i| v.shown(i))
        } else {
            (0..v.units.len()).find(|&i| v.shown(i))
        };
        if let Some(i) = i {
            self.go(v, i);
        }
        if bottom {
            self.scroll = v.max_scroll();
        } else {
            self.scroll = 0;
        }
    }

    /// Scroll by `delta` rows, bringing the cursor along when it leaves the screen.
    pub fn scroll_by(&mut self, v: &View, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta).min(v.max_scroll());
        self.pull_cursor(v);
    }

    /// Move the cursor onto the screen if scrolling left it off.
    pub fn pull_cursor(&mut self, v: &View) {
        if v.units.is_empty() {
            return;
        }
        let (a, b) = v.rows_of(self.cursor);
        let h = v.height.max(1);
        if b < self.scroll || !v.shown(self.cursor) {
            if let Some(i) = v.first_from(self.scroll) {
                self.cursor = i;
            }
        } else if a >= self.scroll + h {
            if let Some(i) = v.last_before(self.scroll + h) {
                self.cursor = i;
            }
        }
    }

    /// After folding or a resize: a folded cursor moves to the next shown unit, and the
    /// cursor stays on screen.
    pub fn fix(&mut self, v: &View) {
        if v.units.is_empty() {
            return;
        }
        self.cursor = self.cursor.min(v.units.len() - 1);
        if !v.shown(self.cursor) {
            let next = (self.cursor..v.units.len())
                .chain((0..self.cursor).rev())
                .find(|&i| v.shown(i));
            if let Some(i) = next {
                self.cursor = i;
            }
        }
        self.keep_visible(v);
    }

    /// The cursor's first row, counted from the top of the pane.
    pub fn cursor_row(&self, v: &View) -> usize {
        v.rows_of(self.cursor).0.saturating_sub(self.scroll)
    }

    /// Put the cursor on unit `i`, scrolled so its first row is `screen_row` rows down
    /// the pane (as far as the article allows): how the other side of a comparison lines
    /// up with the claim under the cursor.
    pub fn align(&mut self, v: &View, i: usize, screen_row: usize) {
        self.cursor = i.min(v.units.len().saturating_sub(1));
        let (a, _) = v.rows_of(self.cursor);
        self.scroll = a.saturating_sub(screen_row).min(v.max_scroll());
        self.keep_visible(v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    fn view<'a>(a: &'a Article, u: &'a [Unit], w: &'a Wrapped, height: usize) -> View<'a> {
        View {
            units: u,
            paras: &a.paragraphs,
            rows: w,
            fold: false,
            height,
        }
    }

    /// Stepping down to the end keeps the cursor on screen at every step.
    #[test]
    fn stepping_keeps_cursor_visible() {
        let d = load_bundled();
        let a = &d.articles[1];
        let u = units(a);
        let w = Wrapped::build(a, 40, false);
        let v = view(a, &u, &w, 8);
        let mut r = Reader::new(a.id);
        while r.step(&v, true) {
            let (x, y) = v.rows_of(r.cursor);
            assert!(
                x >= r.scroll && (y < r.scroll + 8 || x == r.scroll),
                "{r:?}"
            );
        }
        assert_eq!(r.cursor, u.len() - 1);
        assert!(!r.step(&v, true));
    }

    /// Paging moves the screen and drags the cursor onto it.
    #[test]
    fn paging_pulls_cursor() {
        let d = load_bundled();
        let a = &d.articles[1];
        let u = units(a);
        let w = Wrapped::build(a, 40, false);
        let v = view(a, &u, &w, 8);
        let mut r = Reader::new(a.id);
        r.scroll_by(&v, 8);
        assert_eq!(r.scroll, 8);
        assert!(v.rows_of(r.cursor).0 >= 8);
        r.scroll_by(&v, -100);
        assert_eq!(r.scroll, 0);
    }

    /// Aligning puts the unit's first row at the asked screen row.
    #[test]
    fn align_puts_unit_at_row() {
        let d = load_bundled();
        let a = &d.articles[1];
        let u = units(a);
        let w = Wrapped::build(a, 40, false);
        let v = view(a, &u, &w, 10);
        let mut r = Reader::new(a.id);
        let i = u.len() / 2;
        r.align(&v, i, 3);
        assert_eq!(r.cursor_row(&v), 3);
    }
}
