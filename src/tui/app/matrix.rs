//! Keys of the claims matrix: move over claims and sources, open a passage.

use super::{App, Focus};
use crate::model::ArticleId;
use crate::tui::action::Action;
use crate::tui::{layout, view};

impl App {
    pub(super) fn open_matrix(&mut self) {
        self.enter(Focus::Matrix);
        if self.dossier.articles.len() < 2 {
            self.message = Some(view::matrix::ONE_SOURCE.into());
        } else if self.analysis.is_none() {
            self.message = Some("analysing claims…".into());
        }
    }

    pub(super) fn matrix_key(&mut self, a: Action) {
        let rows = self.analysis.as_ref().map_or(0, |a| a.matrix.rows.len());
        let cols = self.dossier.articles.len();
        let height = layout::matrix_body_height(self);
        let m = &mut self.matrix;
        match a {
            Action::Down => m.row = (m.row + 1).min(rows.saturating_sub(1)),
            Action::Up => m.row = m.row.saturating_sub(1),
            Action::PageDown => m.row = (m.row + height).min(rows.saturating_sub(1)),
            Action::PageUp => m.row = m.row.saturating_sub(height),
            Action::HalfPageDown => m.row = (m.row + height / 2).min(rows.saturating_sub(1)),
            Action::HalfPageUp => m.row = m.row.saturating_sub(height / 2),
            Action::Top => m.row = 0,
            Action::Bottom => m.row = rows.saturating_sub(1),
            Action::Left => m.col = m.col.saturating_sub(1),
            Action::Right => m.col = (m.col + 1).min(cols.saturating_sub(1)),
            Action::Back => {
                self.back_or_sources();
                return;
            }
            Action::Open => {
                self.open_cell();
                return;
            }
            _ => {}
        }
        self.keep_matrix_row_visible();
    }

    /// Scroll the matrix so its selected row is on screen.
    pub(super) fn keep_matrix_row_visible(&mut self) {
        let height = layout::matrix_body_height(self).max(1);
        let m = &mut self.matrix;
        if m.row < m.scroll {
            m.scroll = m.row;
        } else if m.row >= m.scroll + height {
            m.scroll = m.row + 1 - height;
        }
    }

    /// Enter on a matrix cell: that source's passage in the article pane.
    pub(super) fn open_cell(&mut self) {
        let Some(an) = self.analysis.clone() else {
            return;
        };
        let Some(row) = an.matrix.rows.get(self.matrix.row) else {
            return;
        };
        let col = self.matrix.col;
        match row.cell(ArticleId(col)) {
            Some(c) => self.open_at(ArticleId(col), c.span),
            None => self.message = Some(format!("source {} does not report this claim", col + 1)),
        }
    }
}
