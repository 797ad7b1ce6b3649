//! The way back: one stack of the places the reader came from.
//!
//! Opening a view over another (compare, the matrix, the clippings, a passage the
//! finder, the matrix or the clippings jump to) pushes the place it leaves; Esc and `q`
//! pop it, so every view returns to the one it came from, however it was reached. The
//! sources and article screen is the bottom: with nothing to pop, Esc there goes to the
//! source list and `q` quits.

use super::{App, Focus, Reader};

/// How many places the stack keeps: the oldest are forgotten beyond it. Going back
/// further than this through jumps is not something a reader does, and the bound keeps
/// a long session's stack small.
const DEPTH: usize = 64;

/// A place to come back to: the view that had the keys, and where the article pane and
/// the source list were.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub focus: Focus,
    pub reader: Reader,
    pub selected: usize,
}

/// The places behind the current view, the latest last.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Nav {
    stack: Vec<Place>,
}

impl Nav {
    /// Remember `p` as the place to return to.
    pub fn push(&mut self, p: Place) {
        if self.stack.len() == DEPTH {
            self.stack.remove(0);
        }
        self.stack.push(p);
    }

    /// The place to return to, taken off the stack.
    pub fn pop(&mut self) -> Option<Place> {
        self.stack.pop()
    }

    /// Forget the places above (and including) the latest one showing `focus`, if any:
    /// opening a view that is already on the way back returns to it rather than stacking
    /// a second copy. True when one was found.
    pub fn unwind_to(&mut self, focus: Focus) -> bool {
        match self.stack.iter().rposition(|p| p.focus == focus) {
            Some(i) => {
                self.stack.truncate(i);
                true
            }
            None => false,
        }
    }

    /// True at the bottom: nothing to go back to.
    pub fn is_empty(&self) -> bool {
        self.stack.is_empty()
    }

    /// The places behind the current view, the latest last.
    pub fn places(&self) -> &[Place] {
        &self.stack
    }

    /// Forget every place.
    pub fn clear(&mut self) {
        self.stack.clear();
    }
}

impl App {
    /// Where the reader is now.
    pub fn here(&self) -> Place {
        Place {
            focus: self.focus,
            reader: self.reader,
            selected: self.selected,
        }
    }

    /// Show the view `focus` over the current one, remembering the way back. The compare
    /// view, the matrix and the clippings exist once: opening one that is already on the
    /// way back returns there instead (so the stack never holds two of them).
    pub(super) fn enter(&mut self, focus: Focus) {
        if focus == self.focus && focus != Focus::Article {
            return;
        }
        let single = matches!(
            focus,
            Focus::Compare
                | Focus::Matrix
                | Focus::Clippings
                | Focus::Figures
                | Focus::Speakers
                | Focus::Variants
                | Focus::OnlyHere
        );
        if !(single && self.nav.unwind_to(focus)) {
            self.nav.push(self.here());
        }
        self.visual = None;
        self.end_search();
        self.focus = focus;
    }

    /// Back to the place the current view came from; false when there is none.
    pub(super) fn go_back(&mut self) -> bool {
        let Some(p) = self.nav.pop() else {
            return false;
        };
        self.found = None;
        self.visual = None;
        self.focus = p.focus;
        self.selected = p.selected;
        self.reader = p.reader;
        self.end_search();
        self.fix_readers();
        true
    }

    /// Back to the place the current view came from, else to the source list.
    pub(super) fn back_or_sources(&mut self) {
        if !self.go_back() {
            self.focus = Focus::Sources;
        }
    }

    /// True on the sources and article screen with nothing open over it and nothing to
    /// go back to: where `q` quits.
    pub fn at_top(&self) -> bool {
        self.overlay.is_none()
            && self.visual.is_none()
            && !self.search.editing
            && self.nav.is_empty()
            && matches!(self.focus, Focus::Sources | Focus::Article)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleId;

    fn place(focus: Focus) -> Place {
        Place {
            focus,
            reader: Reader::new(ArticleId(0)),
            selected: 0,
        }
    }

    /// Unwinding forgets the places from the latest one of that view up; a view not on
    /// the stack leaves it alone.
    #[test]
    fn unwind_returns_to_the_latest_copy() {
        let mut n = Nav::default();
        for f in [
            Focus::Sources,
            Focus::Matrix,
            Focus::Article,
            Focus::Compare,
        ] {
            n.push(place(f));
        }
        assert!(!n.unwind_to(Focus::Clippings));
        assert_eq!(n.places().len(), 4);
        assert!(n.unwind_to(Focus::Matrix));
        let left: Vec<Focus> = n.places().iter().map(|p| p.focus).collect();
        assert_eq!(left, [Focus::Sources]);
    }

    /// The stack keeps its latest places when it is full.
    #[test]
    fn stack_is_bounded() {
        let mut n = Nav::default();
        for i in 0..DEPTH + 5 {
            let mut p = place(Focus::Article);
            p.selected = i;
            n.push(p);
        }
        assert_eq!(n.places().len(), DEPTH);
        assert_eq!(n.pop().map(|p| p.selected), Some(DEPTH + 4));
    }
}
