//! The finder's keys: type a query (fzf syntax, `@speaker`, `#source`), move over the
//! ranked results, switch between quotes and all sentences, jump to a passage. Results
//! of a background match come in on `Action::Tick`.

use super::{App, Overlay};
use crate::model::search::{Finder, Scope};
use crate::tui::action::{Action, Effect};

/// Result rows a page key moves by.
const PAGE: usize = 10;

impl App {
    /// `"` / Ctrl-f: open the finder (built on first use; sentences when there are no
    /// quotes to search).
    pub(super) fn open_finder(&mut self) -> Vec<Effect> {
        if self.finder.is_none() {
            let mut f = Finder::new(&self.dossier);
            if self.dossier.quotes.is_empty() {
                f.set_scope(Scope::Sentences);
            }
            self.finder = Some(f);
        }
        self.visual = None;
        self.overlay = Some(Overlay::Finder);
        vec![]
    }

    pub(super) fn finder_key(&mut self, a: Action) -> Vec<Effect> {
        let Some(f) = &mut self.finder else {
            self.overlay = None;
            return vec![];
        };
        let n = f.hits().len();
        match a {
            a if super::line::edit(&mut self.finder_query, &a) => {
                f.set_query(&self.finder_query);
                self.finder_selected = 0;
            }
            Action::FinderScope => {
                f.set_scope(match f.scope() {
                    Scope::Quotes => Scope::Sentences,
                    Scope::Sentences => Scope::Quotes,
                });
                self.finder_selected = 0;
            }
            Action::Down => {
                self.finder_selected = (self.finder_selected + 1).min(n.saturating_sub(1))
            }
            Action::Up => self.finder_selected = self.finder_selected.saturating_sub(1),
            Action::PageDown => {
                self.finder_selected = (self.finder_selected + PAGE).min(n.saturating_sub(1))
            }
            Action::PageUp => self.finder_selected = self.finder_selected.saturating_sub(PAGE),
            Action::Copy => {
                if let Some(&h) = f.hits().get(self.finder_selected) {
                    let text = f.text(h).to_string();
                    return self.copy(text);
                }
            }
            Action::Open => self.finder_jump(),
            Action::Back => self.overlay = None,
            _ => {}
        }
        self.poll_finder();
        vec![]
    }

    /// Take what the finder's worker found since the last frame.
    pub(super) fn poll_finder(&mut self) {
        if let Some(f) = &mut self.finder {
            f.poll();
            self.finder_selected = self.finder_selected.min(f.hits().len().saturating_sub(1));
        }
    }

    /// Enter: close the finder and show the passage, highlighted; Esc in the article
    /// then returns to where the finder was opened.
    fn finder_jump(&mut self) {
        let Some(f) = &self.finder else {
            return;
        };
        let Some(&hit) = f.hits().get(self.finder_selected) else {
            self.message = Some("no result to jump to".into());
            return;
        };
        let item = *f.item(hit);
        self.overlay = None;
        if self.jump_back.is_none() || self.focus != super::Focus::Article {
            self.jump_back = Some((self.focus, self.reader, self.selected));
        }
        let back = self.focus;
        self.open_at(item.article, item.span, back);
        self.found = Some((item.article, item.span));
    }
}

#[cfg(test)]
mod tests;
