//! The finder's keys: type a query (fzf syntax, `@speaker`, `#source`), move over the
//! ranked results, switch between quotes and all sentences, jump to a passage. Results
//! of a background match come in on `Action::Tick`.

use super::{App, FinderState, Overlay};
use crate::model::search::{Finder, Scope};
use crate::tui::action::{Action, Effect};

/// Result rows a page key moves by.
const PAGE: usize = 10;

impl App {
    /// `"` / Ctrl-f: open the finder (built on first use; sentences when there are no
    /// quotes to search) on the query it had last.
    pub(super) fn open_finder(&mut self) -> Vec<Effect> {
        let f = self.finder.get_or_insert_with(|| {
            let mut f = Finder::new(&self.dossier);
            if self.dossier.quotes.is_empty() {
                f.set_scope(Scope::Sentences);
            }
            f
        });
        let query = f.input().to_string();
        self.visual = None;
        self.overlay = Some(Overlay::Finder(FinderState { query, selected: 0 }));
        vec![]
    }

    pub(super) fn finder_key(&mut self, a: Action) -> Vec<Effect> {
        let (Some(f), Some(Overlay::Finder(st))) = (&mut self.finder, &mut self.overlay) else {
            self.overlay = None;
            return vec![];
        };
        let n = f.hits().len();
        let last = n.saturating_sub(1);
        match a {
            a if super::line::edit(&mut st.query, &a) => {
                f.set_query(&st.query);
                st.selected = 0;
            }
            Action::FinderScope => {
                f.set_scope(match f.scope() {
                    Scope::Quotes => Scope::Sentences,
                    Scope::Sentences => Scope::Quotes,
                });
                st.selected = 0;
            }
            Action::Down => st.selected = (st.selected + 1).min(last),
            Action::Up => st.selected = st.selected.saturating_sub(1),
            Action::PageDown => st.selected = (st.selected + PAGE).min(last),
            Action::PageUp => st.selected = st.selected.saturating_sub(PAGE),
            Action::Copy => {
                if let Some(&h) = f.hits().get(st.selected) {
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
            if let Some(Overlay::Finder(st)) = &mut self.overlay {
                st.selected = st.selected.min(f.hits().len().saturating_sub(1));
            }
        }
    }

    /// Enter: close the finder and show the passage, highlighted; Esc in the article
    /// then returns to where the finder was opened.
    fn finder_jump(&mut self) {
        let (Some(f), Some(Overlay::Finder(st))) = (&self.finder, &self.overlay) else {
            return;
        };
        let Some(&hit) = f.hits().get(st.selected) else {
            self.message = Some("no result to jump to".into());
            return;
        };
        let item = *f.item(hit);
        self.overlay = None;
        self.open_at(item.article, item.span);
        self.found = Some((item.article, item.span));
    }
}

#[cfg(test)]
mod tests;
