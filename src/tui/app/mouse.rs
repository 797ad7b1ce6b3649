//! The mouse: a click focuses and selects, the wheel scrolls the pane under it.

use super::{App, Focus};
use crate::tui::action::{Action, Effect};
use crate::tui::layout;
use ratatui::layout::Position;

impl App {
    pub(super) fn click(&mut self, x: u16, y: u16) -> Vec<Effect> {
        let p = Position::new(x, y);
        if self.overlay.is_some() {
            return vec![];
        }
        let panes = layout::layout(self.area(), self);
        if let Some(s) = panes.sources.filter(|r| r.contains(p)) {
            if let Some(id) = layout::source_at(self, s, y).and_then(|r| self.source_on_row(r)) {
                self.selected = id.0;
                self.preview();
            }
            self.focus = Focus::Sources;
            return vec![];
        }
        match self.focus {
            Focus::Sources | Focus::Article => {
                if panes.main.is_some_and(|m| m.contains(p)) {
                    self.focus = Focus::Article;
                    if let Some(text) = layout::article_text_area(self).filter(|t| t.contains(p)) {
                        let f = self.frame_for(self.reader.article, text);
                        let v = f.view(self);
                        if let Some(i) = v.unit_on_row(self.reader.scroll + (y - text.y) as usize) {
                            let mut r = self.reader;
                            r.go(&v, i);
                            self.reader = r;
                        }
                    }
                }
            }
            Focus::Compare => self.compare_click(p),
            Focus::Clippings | Focus::Speakers | Focus::Variants | Focus::OnlyHere => {}
            Focus::Figures => self.figures_click(p),
            Focus::Matrix => {
                if let Some((row, col)) = layout::matrix_cell_at(self, p) {
                    self.matrix.row = row;
                    if let Some(c) = col {
                        self.matrix.col = c;
                    }
                }
            }
        }
        vec![]
    }

    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let p = Position::new(x, y);
        let step = if down { Action::Down } else { Action::Up };
        let panes = layout::layout(self.area(), self);
        if self.overlay.is_some() {
            self.key(step);
            return;
        }
        if panes.sources.is_some_and(|s| s.contains(p)) {
            self.sources_key(step);
            return;
        }
        match self.focus {
            Focus::Sources | Focus::Article => {
                let Some(text) = layout::article_text_area(self) else {
                    return;
                };
                let f = self.frame_for(self.reader.article, text);
                let v = f.view(self);
                let mut r = self.reader;
                r.scroll_by(&v, if down { 3 } else { -3 });
                self.reader = r;
            }
            Focus::Compare => self.compare_wheel(p, down),
            Focus::Matrix => self.matrix_key(step),
            Focus::Figures => self.figures_key(step),
            Focus::Clippings => {
                self.clippings_key(step);
            }
            Focus::Speakers => {
                self.speakers_key(step);
            }
            Focus::Variants => {
                self.variants_key(step);
            }
            Focus::OnlyHere => {
                self.only_key(step);
            }
        }
    }
}
