//! Keys of the quote variants view: the remarks two sources or more quote, and the
//! selected one as each outlet rendered it. `V` on a quote (in the article, compare, the
//! finder or a speaker's quotes) opens the view on that remark; elsewhere on the first.
//! `h` `l` choose a rendering, Enter opens its passage (Esc comes back).

use super::memo::{Identity, Memo};
use super::{App, Focus, Overlay};
use crate::model::quotes::QuoteId;
use crate::model::variants::{self, VariantGroup};
use crate::model::Dossier;
use crate::tui::action::{Action, Effect};
use std::sync::Arc;

/// The variants view's cursor.
#[derive(Debug, Default)]
pub struct VariantsState {
    /// The selected remark (index into the groups).
    pub selected: usize,
    /// The selected rendering of it.
    pub variant: usize,
    /// The dossier's remarks, grouped when first needed for this dossier.
    pub(super) groups: Memo<Identity<Dossier>, Vec<VariantGroup>>,
}

impl PartialEq for VariantsState {
    fn eq(&self, o: &Self) -> bool {
        (self.selected, self.variant) == (o.selected, o.variant)
    }
}

impl App {
    /// The remarks two sources or more quote (grouped once per dossier).
    pub fn variant_groups(&self) -> Arc<Vec<VariantGroup>> {
        let key = Identity::of(&self.dossier);
        self.variants
            .groups
            .get(key, || variants::group(&self.dossier))
    }

    /// The speakers table and the variants made off the UI thread for `d`: kept when `d`
    /// is still the dossier shown (a correction since has made another, whose own come
    /// later).
    pub(super) fn views_ready(
        &mut self,
        d: &Arc<Dossier>,
        table: Arc<super::SpeakerTable>,
        groups: Arc<Vec<VariantGroup>>,
    ) {
        if Arc::ptr_eq(d, &self.dossier) {
            self.speakers.table.put(Identity::of(d), table);
            self.variants.groups.put(Identity::of(d), groups);
        }
    }

    /// The quote under the cursor of the article pane or the active compare side, or the
    /// finder's selected result when it is a quote.
    fn quote_here(&self) -> Option<QuoteId> {
        if self.focus == Focus::Speakers {
            let i = self.speakers.quote?;
            return self.speaker_quotes().get(i).copied();
        }
        if let (Some(Overlay::Finder(st)), Some(f)) = (&self.overlay, &self.finder) {
            let hit = *f.hits().get(st.selected)?;
            return f.item(hit).quote;
        }
        let r = self.cursor_place()?;
        let unit = self.units[r.article.0].get(r.cursor)?;
        self.dossier
            .quotes
            .iter()
            .position(|q| q.article() == r.article && q.span().overlaps(unit.span))
            .map(QuoteId)
    }

    /// V: the remark of the quote here, else (with no quote under a cursor) every remark.
    pub(super) fn open_variants(&mut self) {
        let q = self.quote_here();
        let from_text = matches!(self.focus, Focus::Article | Focus::Compare)
            || matches!(self.overlay, Some(Overlay::Finder(_)))
            || self.speakers.quote.is_some() && self.focus == Focus::Speakers;
        if q.is_none() && from_text {
            self.message = Some("no quote here: V shows the remarks of a quote".into());
            return;
        }
        self.open_variants_of(q);
    }

    /// Show the remark quote `q` belongs to (None: the first remark).
    pub(super) fn open_variants_of(&mut self, q: Option<QuoteId>) {
        let groups = self.variant_groups();
        let at = match q {
            None => 0,
            Some(q) => {
                let found = groups.iter().enumerate().find_map(|(g, grp)| {
                    let v = grp.variants.iter().position(|v| v.quote == q)?;
                    Some((g, v))
                });
                let Some((g, v)) = found else {
                    self.message = Some("no other source quotes this remark".into());
                    return;
                };
                self.variants.variant = v;
                g
            }
        };
        if q.is_none() {
            self.variants.variant = 0;
        }
        self.variants.selected = at;
        self.overlay = None;
        self.enter(Focus::Variants);
    }

    pub(super) fn variants_key(&mut self, a: Action) -> Vec<Effect> {
        let groups = self.variant_groups();
        let last = groups.len().saturating_sub(1);
        let renderings = |g: usize| groups.get(g).map_or(0, |g| g.variants.len());
        let v = &mut self.variants;
        let before = v.selected;
        match a {
            Action::Down => v.selected = (v.selected + 1).min(last),
            Action::Up => v.selected = v.selected.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => v.selected = (v.selected + 5).min(last),
            Action::PageUp | Action::HalfPageUp => v.selected = v.selected.saturating_sub(5),
            Action::Top => v.selected = 0,
            Action::Bottom => v.selected = last,
            Action::Right | Action::NextPane => {
                v.variant = (v.variant + 1) % renderings(v.selected).max(1);
            }
            Action::Left => {
                let n = renderings(v.selected).max(1);
                v.variant = (v.variant + n - 1) % n;
            }
            Action::Open => {
                let Some(var) = groups
                    .get(v.selected)
                    .and_then(|g| g.variants.get(v.variant))
                else {
                    return vec![];
                };
                let q = &self.dossier.quotes[var.quote.0];
                let (article, span) = (q.article(), q.span());
                self.open_at(article, span);
                self.found = Some((article, span));
            }
            Action::Back => self.back_or_sources(),
            Action::Finder => return self.open_finder(),
            _ => {}
        }
        if self.variants.selected != before {
            self.variants.variant = 0;
        }
        vec![]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action as A;
    use crate::tui::fixtures::{self, apply};

    /// The speakers table and variants made off the UI thread are the ones the views use
    /// (nothing is grouped again on the UI thread); those made for another dossier (one
    /// a correction has since replaced) are not kept.
    #[test]
    fn views_made_ahead_are_used_for_their_dossier_only() {
        let mut app = fixtures::harbour_app(120, 40);
        let d = app.dossier.clone();
        let other = Arc::new(Dossier::clone(&d));
        let empty = Arc::new(Vec::new());
        app.update(A::ViewsReady(other, Arc::default(), empty.clone()));
        assert!(
            !app.variant_groups().is_empty(),
            "grouped for the dossier shown"
        );
        let groups = Arc::new(variants::group(&d));
        let table = Arc::new(crate::tui::app::SpeakerTable::new(&d));
        app.update(A::ViewsReady(d, table.clone(), groups.clone()));
        assert!(Arc::ptr_eq(&app.variant_groups(), &groups));
        assert!(Arc::ptr_eq(&app.speaker_table(), &table));
    }

    /// V on a quote in the article opens its remark with that rendering selected; `l`
    /// moves to the next rendering, Enter opens its passage and Esc comes back.
    #[test]
    fn v_on_a_quote_opens_its_remark() {
        let mut app = fixtures::harbour_app(120, 40);
        apply(&mut app, [A::Down, A::Open]);
        // The article of Bay Herald: its mayor's quote is the second paragraph.
        apply(&mut app, [A::Down, A::Down]);
        apply(&mut app, [A::Variants]);
        assert_eq!(app.focus, Focus::Variants, "{:?}", app.message);
        assert_eq!(app.variants.variant, 1);
        apply(&mut app, [A::Right, A::Open]);
        assert_eq!(app.focus, Focus::Article);
        assert_eq!(app.reader.article.0, 2);
        apply(&mut app, [A::Back]);
        assert_eq!(app.focus, Focus::Variants);
    }

    /// V on a sentence that quotes no one says so and stays; from the source list it
    /// lists every remark.
    #[test]
    fn v_without_a_quote() {
        let mut app = fixtures::harbour_app(120, 40);
        apply(&mut app, [A::Open, A::Variants]);
        assert_eq!(app.focus, Focus::Article);
        assert!(app
            .message
            .as_deref()
            .is_some_and(|m| m.contains("no quote")));
        apply(&mut app, [A::Back, A::Variants]);
        assert_eq!(app.focus, Focus::Variants);
        assert_eq!(app.variant_groups().len(), 1);
    }

    /// In compare, V takes the quote under the cursor of the side that has the keys.
    #[test]
    fn v_in_compare_takes_the_active_side() {
        let mut app = fixtures::harbour_app(120, 40);
        apply(&mut app, [A::Compare, A::Open]);
        assert_eq!(app.focus, Focus::Compare);
        for _ in 0..12 {
            if app.quote_here().is_some() {
                break;
            }
            apply(&mut app, [A::Down]);
        }
        let q = app.quote_here().expect("a quote under the cursor");
        apply(&mut app, [A::Variants]);
        assert_eq!(app.focus, Focus::Variants);
        let g = &app.variant_groups()[app.variants.selected];
        assert_eq!(g.variants[app.variants.variant].quote, q);
        apply(&mut app, [A::Back]);
        assert_eq!(app.focus, Focus::Compare);
    }

    /// A quote no other source renders says so rather than opening an empty view.
    #[test]
    fn a_quote_with_no_variant_says_so() {
        let mut app = fixtures::harbour_app(120, 40);
        // Coast Courier's "We are ready to work day and night" (the fourth paragraph).
        apply(&mut app, [A::Open, A::Bottom, A::Up, A::Variants]);
        assert_eq!(app.focus, Focus::Article);
        assert_eq!(
            app.message.as_deref(),
            Some("no other source quotes this remark")
        );
    }
}
