//! Search in the article pane: smart-case literal matches, typed incrementally, n / N.

use super::{reader, App, Search};
use crate::model::Span;
use crate::tui::action::Action;
use crate::tui::layout;

impl App {
    pub(super) fn search_key(&mut self, a: Action) {
        if super::line::edit(&mut self.search.query, &a) {
            self.refresh_search();
            self.search_step_from_cursor();
            return;
        }
        match a {
            Action::SearchConfirm => {
                self.search.editing = false;
                if !self.search.query.is_empty() && self.search.matches.is_empty() {
                    self.message = Some(format!("not found: {}", self.search.query));
                }
            }
            Action::Back => self.search = Search::default(),
            _ => {}
        }
    }

    /// Recompute the matches of the query in the article pane's article (smart case).
    pub(super) fn refresh_search(&mut self) {
        self.search.current = None;
        self.search.matches = find_all(
            &self.dossier.article(self.reader.article).text,
            &self.search.query,
        );
    }

    /// Go to the first match at or after the cursor (as the query is typed).
    pub(super) fn search_step_from_cursor(&mut self) {
        let from = self
            .reader
            .span(&self.units[self.reader.article.0])
            .map_or(0, |s| s.start);
        let i = self
            .search
            .matches
            .iter()
            .position(|m| m.end > from)
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
        let art = self.reader.article;
        let unit = reader::unit_at(&self.units[art.0], m.start);
        if self.fold
            && self.dossier.article(art).paragraphs[self.units[art.0][unit].para]
                .kind
                .is_noise()
        {
            self.fold = false;
        }
        if let Some(text) = layout::article_text_area(self) {
            let f = self.frame_for(art, text);
            let mut r = self.reader;
            r.go(&f.view(self), unit);
            self.reader = r;
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
