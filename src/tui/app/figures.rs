//! Keys of the figures view: the dossier's quantities down the side, the selected one's
//! mentions as a timeline; `/` narrows the quantities, Enter opens a mention's passage.

use super::{App, Focus};
use crate::model::analysis::timeline;
use crate::model::claims::Quantity;
use crate::tui::action::Action;
use crate::tui::view::figures::Hit;

/// Which list of the figures view has the cursor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FiguresSide {
    /// The quantities.
    #[default]
    Quantities,
    /// The selected quantity's timeline.
    Timeline,
}

/// The figures view's cursor and search (the way back is the navigation stack's).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FiguresState {
    /// The selected quantity, as an index into [`FiguresState::shown`].
    pub selected: usize,
    /// The first quantity drawn.
    pub scroll: usize,
    /// The selected row of the timeline.
    pub row: usize,
    pub side: FiguresSide,
    /// The search over quantities (label, outlets, values, holders), and whether it is
    /// being typed.
    pub query: String,
    pub editing: bool,
    /// The quantities the search keeps (indexes into the dossier's), None: all.
    pub matches: Option<Vec<usize>>,
}

impl FiguresState {
    /// The quantities shown, as indexes into the dossier's `n` quantities.
    pub fn shown(&self, n: usize) -> Vec<usize> {
        match &self.matches {
            Some(m) => m.clone(),
            None => (0..n).collect(),
        }
    }
}

/// True when `q` mentions `needle` (lower case) in its label, an outlet, a value or a
/// holder.
fn quantity_matches(app: &App, q: &Quantity, needle: &str) -> bool {
    let has = |s: &str| s.to_lowercase().contains(needle);
    has(&q.label)
        || has(&q.name())
        || q.mentions.iter().any(|m| {
            has(&m.figure.text)
                || m.holder.as_deref().is_some_and(has)
                || has(app.dossier.article(m.article).source_name())
        })
}

impl App {
    /// The dossier's quantities, as soon as the claims are extracted.
    pub fn quantities(&self) -> Option<&[Quantity]> {
        if let Some(an) = &self.analysis {
            return Some(an.quantities());
        }
        self.aligner.as_ref().map(|s| s.0.quantities())
    }

    /// The selected quantity (index into the dossier's) and its timeline order.
    pub fn figure_selection(&self) -> Option<(usize, Vec<usize>)> {
        let qs = self.quantities()?;
        let qi = *self.figures.shown(qs.len()).get(self.figures.selected)?;
        Some((qi, timeline(&self.dossier, &qs[qi])))
    }

    pub(super) fn open_figures(&mut self) {
        // (Until the claims are extracted the view itself says it is analysing them.)
        self.enter(Focus::Figures);
    }

    /// Rows of quantities or timeline the view shows at once.
    fn figures_page(&self) -> usize {
        (self.size.1 as usize).saturating_sub(8).max(1)
    }

    pub(super) fn figures_key(&mut self, a: Action) {
        let n = self
            .quantities()
            .map_or(0, |q| self.figures.shown(q.len()).len());
        let rows = self.figure_selection().map_or(0, |(_, t)| t.len());
        let page = self.figures_page();
        let f = &mut self.figures;
        let side = f.side;
        let (mut cur, len) = match side {
            FiguresSide::Quantities => (f.selected, n),
            FiguresSide::Timeline => (f.row, rows),
        };
        let last = len.saturating_sub(1);
        match a {
            Action::Down => cur = (cur + 1).min(last),
            Action::Up => cur = cur.saturating_sub(1),
            Action::PageDown => cur = (cur + page).min(last),
            Action::PageUp => cur = cur.saturating_sub(page),
            Action::HalfPageDown => cur = (cur + page / 2).min(last),
            Action::HalfPageUp => cur = cur.saturating_sub(page / 2),
            Action::Top => cur = 0,
            Action::Bottom => cur = last,
            Action::Left => f.side = FiguresSide::Quantities,
            Action::Right => f.side = FiguresSide::Timeline,
            Action::NextPane => {
                f.side = match side {
                    FiguresSide::Quantities => FiguresSide::Timeline,
                    FiguresSide::Timeline => FiguresSide::Quantities,
                }
            }
            Action::SearchStart => {
                f.editing = true;
                f.side = FiguresSide::Quantities;
            }
            Action::Back if f.matches.is_some() => {
                f.query.clear();
                f.matches = None;
                f.selected = 0;
                f.scroll = 0;
                f.row = 0;
                return;
            }
            Action::Back => {
                self.back_or_sources();
                return;
            }
            Action::Open => {
                self.open_figure();
                return;
            }
            _ => {}
        }
        match side {
            FiguresSide::Quantities if cur != f.selected => {
                f.selected = cur;
                f.row = 0;
            }
            FiguresSide::Quantities => {}
            FiguresSide::Timeline => f.row = cur,
        }
        if f.selected < f.scroll {
            f.scroll = f.selected;
        } else if f.selected >= f.scroll + page {
            f.scroll = f.selected + 1 - page;
        }
    }

    /// A click on a quantity selects it; on a timeline row, selects that row.
    pub(super) fn figures_click(&mut self, p: ratatui::layout::Position) {
        let Some(main) = crate::tui::view::layout(self.area(), self).main else {
            return;
        };
        let hit = crate::tui::view::figures::hit(self, main, p);
        let f = &mut self.figures;
        match hit {
            Some(Hit::Quantity(i)) => {
                if i != f.selected {
                    f.row = 0;
                }
                f.selected = i;
                f.side = FiguresSide::Quantities;
            }
            Some(Hit::Row(i)) => {
                f.row = i;
                f.side = FiguresSide::Timeline;
            }
            None => {}
        }
    }

    /// Typing the search over quantities: each key narrows the list at once.
    pub(super) fn figures_search_key(&mut self, a: Action) {
        if super::line::edit(&mut self.figures.query, &a) {
            self.refresh_figures_search();
            return;
        }
        match a {
            Action::SearchConfirm => {
                self.figures.editing = false;
                if self.figures.matches.as_ref().is_some_and(Vec::is_empty) {
                    self.message = Some(format!("no figure matches: {}", self.figures.query));
                }
            }
            Action::Back => {
                let f = &mut self.figures;
                f.editing = false;
                f.query.clear();
                f.matches = None;
                f.selected = 0;
                f.scroll = 0;
                f.row = 0;
            }
            _ => {}
        }
    }

    /// Keep the quantities that match the query, whatever its case.
    fn refresh_figures_search(&mut self) {
        let needle = self.figures.query.trim().to_lowercase();
        let matches = match self.quantities() {
            _ if needle.is_empty() => None,
            Some(qs) => Some(
                qs.iter()
                    .enumerate()
                    .filter(|(_, q)| quantity_matches(self, q, &needle))
                    .map(|(i, _)| i)
                    .collect(),
            ),
            None => Some(Vec::new()),
        };
        let f = &mut self.figures;
        f.matches = matches;
        f.selected = 0;
        f.scroll = 0;
        f.row = 0;
    }

    /// Enter: the selected mention's passage in its article; Esc comes back here.
    fn open_figure(&mut self) {
        let Some((qi, order)) = self.figure_selection() else {
            return;
        };
        let Some(&mi) = order.get(self.figures.row) else {
            return;
        };
        let Some(m) = self.quantities().and_then(|qs| qs[qi].mentions.get(mi)) else {
            return;
        };
        let (article, span) = (m.article, m.clause);
        self.open_at(article, span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleId;
    use crate::tui::action::Action as A;
    use crate::tui::fixtures::{self, apply};

    /// Enter on a timeline row opens that mention's passage in its article; Esc comes back
    /// to the figures, and Esc again to where they were opened from.
    #[test]
    fn enter_opens_the_mention_and_esc_returns() {
        let mut app = fixtures::flood_app(120, 40);
        apply(&mut app, [A::Figures, A::Right, A::Bottom]);
        assert_eq!(app.figures.side, FiguresSide::Timeline);
        assert_eq!(app.figures.row, 2);
        apply(&mut app, [A::Open]);
        assert_eq!(app.focus, Focus::Article);
        // The timeline's last row is the latest article's toll.
        assert_eq!(app.reader.article, ArticleId(2));
        let at = app.reader.span(&app.units[2]).expect("a cursor");
        assert!(app.dossier.article(ArticleId(2)).slice(at).contains("58"));
        apply(&mut app, [A::Back]);
        assert_eq!(app.focus, Focus::Figures);
        apply(&mut app, [A::Back]);
        assert_eq!(app.focus, Focus::Sources);
    }

    /// Typing a search keeps the quantities it names; Esc while typing, or in the list
    /// after Enter, brings back every quantity.
    #[test]
    fn search_narrows_the_quantities() {
        let mut app = fixtures::flood_app(120, 40);
        apply(&mut app, [A::Figures, A::SearchStart]);
        fixtures::type_text(&mut app, "INJUR");
        let n = app.quantities().map_or(0, <[Quantity]>::len);
        assert_eq!(app.figures.shown(n).len(), 1);
        apply(&mut app, [A::SearchConfirm]);
        assert!(!app.figures.editing);
        let (qi, _) = app.figure_selection().expect("a quantity");
        assert!(app.quantities().expect("quantities")[qi]
            .label
            .contains("injur"));
        apply(&mut app, [A::Back]);
        assert_eq!(app.focus, Focus::Figures);
        assert_eq!(app.figures.shown(n).len(), n);
        apply(&mut app, [A::SearchStart]);
        fixtures::type_text(&mut app, "river times");
        assert_eq!(
            app.figures.shown(n).len(),
            n,
            "both are stated by River Times"
        );
        apply(&mut app, [A::Back]);
        assert_eq!(app.figures.matches, None);
    }

    /// A quantity chosen anew shows its timeline from the top.
    #[test]
    fn another_quantity_starts_its_timeline_at_the_top() {
        let mut app = fixtures::flood_app(120, 40);
        apply(&mut app, [A::Figures, A::NextPane, A::Down]);
        assert_eq!(app.figures.row, 1);
        apply(&mut app, [A::NextPane, A::Down]);
        assert_eq!((app.figures.selected, app.figures.row), (1, 0));
    }

    /// A click on a quantity selects it, on a timeline row selects the row.
    #[test]
    fn clicks_select_quantities_and_rows() {
        let mut app = fixtures::flood_app(120, 40);
        apply(&mut app, [A::Figures]);
        // The second quantity is on the list's second row (inside the border).
        apply(&mut app, [A::Click(5, 2)]);
        assert_eq!(
            (app.figures.selected, app.figures.side),
            (1, FiguresSide::Quantities)
        );
        apply(&mut app, [A::Click(5, 1)]);
        // The timeline's rows start under its title and header rows.
        apply(&mut app, [A::Click(60, 5)]);
        assert_eq!(
            (app.figures.row, app.figures.side),
            (2, FiguresSide::Timeline)
        );
    }

    /// Before the claims are extracted the view says it is waiting, and keys do nothing.
    #[test]
    fn waits_for_the_analysis() {
        let mut app = fixtures::app(120, 40);
        app.start();
        apply(&mut app, [A::Figures, A::Down, A::Open]);
        assert_eq!(app.focus, Focus::Figures);
        assert_eq!(app.message.as_deref(), None);
        assert!(app.figure_selection().is_none());
    }
}
