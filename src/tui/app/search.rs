//! `/` in every view that shows text or a list: smart-case literal matches, typed
//! incrementally, `n` / `N` from one match to the next. In the article it searches the
//! article; in the compare view both sides (left then right, `n` crossing from one to
//! the other); in the matrix the claims; in the clippings their text and notes; in the
//! help it filters the lines.
//!
//! A search belongs to the view it was started in: leaving the view, or showing another
//! article in the article pane, ends it, so the status bar never counts stale matches.

use super::{reader, App, Focus, Overlay, Side};
use crate::model::Span;
use crate::tui::action::Action;
use crate::tui::layout;

/// Where a search runs: the view it was started in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SearchIn {
    #[default]
    Article,
    /// Both sides of the comparison.
    Compare,
    /// The claims of the matrix.
    Matrix,
    /// The clippings' text and notes.
    Clippings,
    /// The help's lines (a filter: there is nothing to move to).
    Help,
}

/// One match: in the article with this id (article, compare) or in this row (matrix,
/// clippings), at this span of the article or of the row's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub item: usize,
    pub span: Span,
}

/// A search in the current view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// True while the query is being typed.
    pub editing: bool,
    pub scope: SearchIn,
    /// In reading order (for the compare view, the left side's first).
    pub matches: Vec<Match>,
    /// The match the cursor went to.
    pub current: Option<usize>,
}

impl Search {
    /// The spans matched in article `id` by a search of `scope`.
    pub fn spans_in(&self, scope: SearchIn, id: usize) -> impl Iterator<Item = Span> + '_ {
        self.matches
            .iter()
            .filter(move |m| self.scope == scope && m.item == id)
            .map(|m| m.span)
    }

    /// The help's filter, when one is typed.
    pub fn help_filter(&self) -> Option<&str> {
        (self.scope == SearchIn::Help && !self.query.is_empty()).then_some(self.query.as_str())
    }
}

impl App {
    /// What `/` searches here, if anything.
    fn search_scope(&self) -> Option<SearchIn> {
        if let Some(o) = &self.overlay {
            return matches!(o, Overlay::Help { .. }).then_some(SearchIn::Help);
        }
        Some(match self.focus {
            // The figures view filters its quantities with a search of its own.
            Focus::Sources
            | Focus::Figures
            | Focus::Speakers
            | Focus::Variants
            | Focus::OnlyHere => return None,
            Focus::Article => SearchIn::Article,
            Focus::Compare => SearchIn::Compare,
            Focus::Matrix => SearchIn::Matrix,
            Focus::Clippings => SearchIn::Clippings,
        })
    }

    /// `/`: start typing a search in the current view.
    pub(super) fn start_search(&mut self) {
        if let Some(scope) = self.search_scope() {
            self.search = Search {
                editing: true,
                scope,
                ..Search::default()
            };
        }
    }

    /// True when a search of the view on screen is kept (shown in the status bar).
    pub fn search_kept(&self) -> bool {
        !self.search.editing
            && !self.search.query.is_empty()
            && self.search_scope() == Some(self.search.scope)
    }

    /// End the search (the view changed under it).
    pub(super) fn end_search(&mut self) {
        self.search = Search::default();
    }

    pub(super) fn search_key(&mut self, a: Action) {
        if super::line::edit(&mut self.search.query, &a) {
            if let Some(Overlay::Help { scroll }) = &mut self.overlay {
                *scroll = 0;
            }
            self.refresh_search();
            self.search_step_from_cursor();
            return;
        }
        match a {
            Action::SearchConfirm => {
                self.search.editing = false;
                let filter = self.search.scope == SearchIn::Help;
                if !filter && !self.search.query.is_empty() && self.search.matches.is_empty() {
                    self.message = Some(format!("not found: {}", self.search.query));
                }
            }
            Action::Back => self.end_search(),
            _ => {}
        }
    }

    /// Recompute the matches of the query in the search's view (smart case).
    pub(super) fn refresh_search(&mut self) {
        let q = self.search.query.clone();
        let d = self.dossier.clone();
        let text_of = |id: crate::model::ArticleId| d.article(id).text.as_str();
        let in_text = |id: crate::model::ArticleId| {
            find_all(text_of(id), &q)
                .into_iter()
                .map(move |span| Match { item: id.0, span })
        };
        self.search.current = None;
        self.search.matches = match self.search.scope {
            SearchIn::Article => in_text(self.reader.article).collect(),
            SearchIn::Compare => match &self.compare {
                Some(st) => st.sides.iter().flat_map(|r| in_text(r.article)).collect(),
                None => vec![],
            },
            SearchIn::Matrix => {
                let rows = self
                    .analysis
                    .as_ref()
                    .map_or(&[][..], |a| &a.matrix.rows[..]);
                rows.iter()
                    .enumerate()
                    .filter_map(|(i, r)| {
                        let label = text_of(r.label.0).get(r.label.1.range())?;
                        let span = *find_all(label, &q).first()?;
                        Some(Match { item: i, span })
                    })
                    .collect()
            }
            SearchIn::Clippings => self
                .state
                .clippings
                .iter()
                .enumerate()
                .filter_map(|(i, c)| {
                    let text = format!("{}\n{}", c.text, c.note.as_deref().unwrap_or(""));
                    let span = *find_all(&text, &q).first()?;
                    Some(Match { item: i, span })
                })
                .collect(),
            SearchIn::Help => vec![],
        };
    }

    /// The position of the cursor in the search's view, as a match would be ordered.
    fn search_origin(&self) -> (usize, usize) {
        match self.search.scope {
            SearchIn::Article => {
                let from = self.reader.span(&self.units[self.reader.article.0]);
                (self.reader.article.0, from.map_or(0, |s| s.start))
            }
            SearchIn::Compare => match &self.compare {
                Some(st) => {
                    let r = st.sides[st.active.idx()];
                    let from = r.span(&self.units[r.article.0]).map_or(0, |s| s.start);
                    (st.active.idx(), from)
                }
                None => (0, 0),
            },
            SearchIn::Matrix => (self.matrix.row, 0),
            SearchIn::Clippings => (self.clip_selected, 0),
            SearchIn::Help => (0, 0),
        }
    }

    /// Where match `m` sits in reading order (the compare view counts sides, not ids).
    fn match_order(&self, m: &Match) -> (usize, usize) {
        match (&self.compare, self.search.scope) {
            (Some(st), SearchIn::Compare) => {
                let side = usize::from(st.sides[0].article.0 != m.item);
                (side, m.span.end)
            }
            (_, SearchIn::Matrix | SearchIn::Clippings) => (m.item, 1),
            _ => (m.item, m.span.end),
        }
    }

    /// Go to the first match at or after the cursor (as the query is typed).
    pub(super) fn search_step_from_cursor(&mut self) {
        let from = self.search_origin();
        let i = (0..self.search.matches.len())
            .find(|&i| self.match_order(&self.search.matches[i]) > from)
            .or((!self.search.matches.is_empty()).then_some(0));
        self.go_match(i);
    }

    /// n / N: the next or previous match, wrapping around.
    pub(super) fn search_step(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            self.message = Some(if self.search.query.is_empty() {
                "no search: / starts one".into()
            } else {
                format!("not found: {}", self.search.query)
            });
            return;
        }
        let i = match self.search.current {
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
            None => 0,
        };
        self.go_match(Some(i));
    }

    pub(super) fn go_match(&mut self, i: Option<usize>) {
        self.search.current = i;
        let Some(m) = i.and_then(|i| self.search.matches.get(i).copied()) else {
            return;
        };
        match self.search.scope {
            SearchIn::Article => self.article_go_to(m.span.start),
            SearchIn::Compare => self.compare_go_to(m),
            SearchIn::Matrix => {
                self.matrix.row = m.item;
                self.keep_matrix_row_visible();
            }
            SearchIn::Clippings => self.clip_selected = m.item,
            SearchIn::Help => {}
        }
    }

    /// Put the article pane's cursor on the unit holding byte `pos`, unfolding noise.
    fn article_go_to(&mut self, pos: usize) {
        let art = self.reader.article;
        let unit = reader::unit_at(&self.units[art.0], pos);
        self.unfold_for(art, unit);
        if let Some(text) = layout::article_text_area(self) {
            let f = self.frame_for(art, text);
            let mut r = self.reader;
            r.go(&f.view(self), unit);
            self.reader = r;
        }
    }

    /// Move the compare cursor to match `m`, on the side showing its article.
    fn compare_go_to(&mut self, m: Match) {
        let Some(st) = &mut self.compare else {
            return;
        };
        let side = if st.sides[0].article.0 == m.item {
            Side::Left
        } else {
            Side::Right
        };
        st.active = side;
        let art = st.sides[side.idx()].article;
        let unit = reader::unit_at(&self.units[art.0], m.span.start);
        self.unfold_for(art, unit);
        self.move_active(|r, v| r.go(v, unit));
    }

    /// Unfold noise when unit `unit` of `art` is folded away.
    pub(super) fn unfold_for(&mut self, art: crate::model::ArticleId, unit: usize) {
        let para = self.units[art.0].get(unit).map(|u| u.para);
        let folded = para.is_some_and(|p| self.dossier.article(art).paragraphs[p].kind.is_noise());
        if self.fold && folded {
            self.fold = false;
        }
    }
}

/// Every match of `query` in `text`: literal, case-insensitive unless the query has a
/// capital letter (smart case).
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    if query.is_empty() {
        return vec![];
    }
    let smart = !query.chars().any(char::is_uppercase);
    match regex::RegexBuilder::new(&regex::escape(query))
        .case_insensitive(smart)
        .build()
    {
        Ok(re) => re
            .find_iter(text)
            .map(|m| Span::new(m.start(), m.end()))
            .collect(),
        Err(_) => vec![],
    }
}
