//! The source list and the article pane: their keys, the article's movement, and the
//! actions the article pane shares with the compare view.

use super::reader::{self, Reader};
use super::{App, Focus};
use crate::model::{ArticleId, Span};
use crate::tui::action::{Action, Effect};
use crate::tui::layout;

impl App {
    /// Open the source list's selection in the article pane (without moving focus).
    pub(super) fn preview(&mut self) {
        let id = ArticleId(self.selected);
        if self.reader.article != id {
            self.reader = Reader::new(id);
            self.end_search();
        }
    }

    pub(super) fn sources_key(&mut self, a: Action) -> Vec<Effect> {
        let n = self.dossier.articles.len();
        match a {
            Action::Down | Action::Up | Action::Top | Action::Bottom => self.step_source(&a),
            Action::Open | Action::NextPane | Action::Right => {
                self.preview();
                self.focus = Focus::Article;
            }
            Action::Back => {
                self.go_back();
            }
            Action::Compare => return self.ask_compare(ArticleId(self.selected)),
            Action::Finder => return self.open_finder(),
            Action::Clippings => self.open_clippings(),
            Action::Export => self.open_export(),
            Action::Matrix => self.open_matrix(),
            Action::ToggleNoise => self.toggle_noise(),
            Action::PageDown | Action::PageUp | Action::HalfPageDown | Action::HalfPageUp => {
                self.preview();
                self.scroll_article(a);
            }
            _ => {}
        }
        if n > 0 {
            self.preview();
        }
        vec![]
    }

    pub(super) fn article_key(&mut self, a: Action) -> Vec<Effect> {
        if let Some(e) = self.common(&a) {
            return e;
        }
        match a {
            Action::Back => {
                // Back to where the passage was opened from, else to the source list.
                if !self.go_back() {
                    self.found = None;
                    self.selected = self.reader.article.0;
                    self.focus = Focus::Sources;
                }
            }
            Action::NextPane | Action::Left => {
                self.selected = self.reader.article.0;
                self.focus = Focus::Sources;
            }
            Action::SearchStart => self.start_search(),
            Action::SearchNext => self.search_step(true),
            Action::SearchPrev => self.search_step(false),
            Action::Compare => return self.ask_compare(self.reader.article),
            a => self.scroll_article(a),
        }
        vec![]
    }

    /// The actions the article pane and the compare view share, which work on the cursor
    /// of whichever reader has the keys or open something over it; None for any other.
    pub(super) fn common(&mut self, a: &Action) -> Option<Vec<Effect>> {
        match a {
            Action::Finder => return Some(self.open_finder()),
            Action::Clippings => self.open_clippings(),
            Action::Export => self.open_export(),
            Action::Clip => return Some(self.clip(false)),
            Action::ClipParagraph => return Some(self.clip(true)),
            Action::Visual => self.start_visual(),
            Action::Copy => return Some(self.copy_at_cursor(true)),
            Action::CopyText => return Some(self.copy_at_cursor(false)),
            Action::Matrix => self.open_matrix(),
            Action::ToggleNoise => self.toggle_noise(),
            _ => return None,
        }
        Some(vec![])
    }

    /// Movement keys on the article pane's reader.
    fn scroll_article(&mut self, a: Action) {
        let Some(text) = layout::article_text_area(self) else {
            return;
        };
        let f = self.frame_for(self.reader.article, text);
        let v = f.view(self);
        let mut r = self.reader;
        move_reader(&mut r, &v, &a);
        self.reader = r;
    }

    pub(super) fn toggle_noise(&mut self) {
        self.fold = !self.fold;
        self.fix_readers();
        self.message = Some(if self.fold {
            "noise folded (z unfolds)".into()
        } else {
            "noise shown (z folds)".into()
        });
    }

    /// Show `span` of `article` in the article pane; Esc returns to the current view.
    pub fn open_at(&mut self, article: ArticleId, span: Span) {
        self.enter(Focus::Article);
        self.show_at(article, span);
    }

    /// Put the article pane on `span` of `article`, centred (no way back is recorded).
    pub(super) fn show_at(&mut self, article: ArticleId, span: Span) {
        self.selected = article.0;
        self.reader = Reader::new(article);
        self.end_search();
        self.focus = Focus::Article;
        let unit = reader::unit_at(&self.units[article.0], span.start);
        if self.fold
            && self.dossier.article(article).paragraphs[self.units[article.0][unit].para]
                .kind
                .is_noise()
        {
            self.fold = false;
        }
        if let Some(text) = layout::article_text_area(self) {
            let f = self.frame_for(article, text);
            let v = f.view(self);
            let mut r = self.reader;
            r.go(&v, unit);
            // Centre the passage rather than leave it on the last row.
            let row = v.rows_of(unit).0;
            r.scroll = row.saturating_sub(v.height / 3);
            r.keep_visible(&v);
            self.reader = r;
        }
    }
}

/// Apply a movement key to a reader.
pub(super) fn move_reader(r: &mut Reader, v: &reader::View, a: &Action) {
    let h = v.height.max(1) as isize;
    match a {
        Action::Down => {
            r.step(v, true);
        }
        Action::Up => {
            r.step(v, false);
        }
        Action::PageDown => r.scroll_by(v, (h - 2).max(1)),
        Action::PageUp => r.scroll_by(v, -(h - 2).max(1)),
        Action::HalfPageDown => r.scroll_by(v, (h / 2).max(1)),
        Action::HalfPageUp => r.scroll_by(v, -(h / 2).max(1)),
        Action::Top => r.end(v, false),
        Action::Bottom => r.end(v, true),
        _ => {}
    }
}
