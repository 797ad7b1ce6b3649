//! Keys of the "only here" view: for one source, every claim and figure no other outlet
//! reports (the model's [`crate::model::onlyhere`], as `dossier claims --only-in`), to
//! open (Enter) and clip (`x`); `h` `l` go to the previous / next source.

use super::memo::{Identity, Memo};
use super::{App, Focus};
use crate::model::export::{ClipKind, Clipping};
use crate::model::onlyhere::{only_in, OnlyClaim};
use crate::model::ArticleId;
use crate::tui::action::{Action, Effect};
use crate::tui::analysis::Analysis;
use std::sync::Arc;

/// The view's source and cursor.
#[derive(Debug)]
pub struct OnlyState {
    pub article: ArticleId,
    pub selected: usize,
    /// The claims of `article`, found once the analysis is there (keyed by the analysis
    /// and the article).
    rows: Memo<(Identity<Analysis>, ArticleId), Vec<OnlyClaim>>,
}

impl Default for OnlyState {
    fn default() -> Self {
        OnlyState {
            article: ArticleId(0),
            selected: 0,
            rows: Memo::default(),
        }
    }
}

impl PartialEq for OnlyState {
    fn eq(&self, o: &Self) -> bool {
        (self.article, self.selected) == (o.article, o.selected)
    }
}

impl App {
    /// What only the view's source reports; None until the claims are analysed.
    pub fn only_rows(&self) -> Option<Arc<Vec<OnlyClaim>>> {
        let an = self.analysis.as_ref()?;
        let key = Identity::of(an);
        let article = self.only.article;
        Some(self.only.rows.get((key, article), || {
            only_in(&self.dossier, &an.clusters, article)
        }))
    }

    /// O: what only the selected source (or the article read) reports.
    pub(super) fn open_only_here(&mut self) {
        let article = match self.focus {
            Focus::Sources => ArticleId(self.selected),
            _ => self.reader.article,
        };
        if self.dossier.articles.len() < 2 {
            self.message = Some("one source: nothing to compare it with".into());
            return;
        }
        self.only.article = article;
        self.only.selected = 0;
        self.enter(Focus::OnlyHere);
    }

    pub(super) fn only_key(&mut self, a: Action) -> Vec<Effect> {
        let n = self.only_rows().map_or(0, |r| r.len());
        let last = n.saturating_sub(1);
        let articles = self.dossier.articles.len();
        let o = &mut self.only;
        match a {
            Action::Down => o.selected = (o.selected + 1).min(last),
            Action::Up => o.selected = o.selected.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => o.selected = (o.selected + 5).min(last),
            Action::PageUp | Action::HalfPageUp => o.selected = o.selected.saturating_sub(5),
            Action::Top => o.selected = 0,
            Action::Bottom => o.selected = last,
            Action::Right => {
                o.article = ArticleId((o.article.0 + 1) % articles);
                o.selected = 0;
            }
            Action::Left => {
                o.article = ArticleId((o.article.0 + articles - 1) % articles);
                o.selected = 0;
            }
            Action::Open => {
                if let Some(c) = self.only_selected() {
                    self.open_at(self.only.article, c.span);
                    self.found = Some((self.only.article, c.span));
                }
            }
            Action::Clip => {
                let Some(c) = self.only_selected() else {
                    return vec![];
                };
                let clip = Clipping::new(
                    &self.dossier,
                    self.only.article,
                    c.span,
                    ClipKind::Sentence,
                    None,
                );
                return self.add_clipping(clip);
            }
            Action::Back => self.back_or_sources(),
            Action::Finder => return self.open_finder(),
            _ => {}
        }
        vec![]
    }

    /// The selected claim.
    fn only_selected(&self) -> Option<OnlyClaim> {
        self.only_rows()?.get(self.only.selected).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action as A;
    use crate::tui::fixtures::{self, apply};

    /// O lists what only the selected source states, figures first; Enter opens the
    /// passage, x clips it (once), and `l` goes on to the next source.
    #[test]
    fn lists_opens_and_clips() {
        let mut app = fixtures::harbour_app(120, 40);
        apply(&mut app, [A::OnlyHere]);
        assert_eq!(app.focus, Focus::OnlyHere);
        let rows = app.only_rows().expect("analysed");
        let first = app.dossier.articles[0].slice(rows[0].span);
        assert!(!rows[0].figures.is_empty(), "{first}");
        let effects = app.update(A::Clip);
        assert!(matches!(effects.as_slice(), [Effect::Save(_)]));
        assert!(app.update(A::Clip).is_empty(), "clipped once");
        apply(&mut app, [A::Open]);
        assert_eq!(app.focus, Focus::Article);
        assert!(app.found.is_some());
        apply(&mut app, [A::Back, A::Right]);
        assert_eq!(
            (app.focus, app.only.article),
            (Focus::OnlyHere, ArticleId(1))
        );
    }

    /// Before the analysis the view waits and keys do nothing.
    #[test]
    fn waits_for_the_analysis() {
        let mut app = fixtures::app(120, 40);
        app.start();
        apply(&mut app, [A::OnlyHere, A::Down, A::Open, A::Clip]);
        assert_eq!(app.focus, Focus::OnlyHere);
        assert!(app.only_rows().is_none());
    }
}
