//! The side-by-side comparison: two readers, the claims on each side by relation, and the
//! synchronized scrolling that keeps a claim level with its counterpart.

use super::reader::{self, Reader};
use super::{move_reader, App, Focus, Overlay};
use crate::model::claims::{Comparison, Relation};
use crate::model::corrections::{Applied, PairVerdict};
use crate::model::{ArticleId, Span};
use crate::tui::action::{Action, Effect};
use crate::tui::analysis::SessionAligner;
use crate::tui::layout;
use ratatui::layout::Position;
use std::sync::Arc;

/// One side of the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    /// 0 for left, 1 for right.
    pub fn idx(self) -> usize {
        match self {
            Side::Left => 0,
            Side::Right => 1,
        }
    }
    /// The other side.
    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// How a claim on one side relates to the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// Only this source reports it.
    Only,
    /// The other source reports it too.
    Agree,
    /// The other source reports it with a different figure.
    Conflict,
}

impl Mark {
    /// The gutter marker, which says what colour says (and all of it under `NO_COLOR`).
    pub fn marker(self) -> &'static str {
        match self {
            Mark::Only => "+",
            Mark::Agree => "=",
            Mark::Conflict => "≠",
        }
    }
    /// The word for it.
    pub fn label(self) -> &'static str {
        match self {
            Mark::Only => "only here",
            Mark::Agree => "corroborated",
            Mark::Conflict => "CONFLICT",
        }
    }
}

/// A claim on one side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    pub span: Span,
    pub mark: Mark,
    /// The pair of the comparison it belongs to (none when only here).
    pub pair: Option<usize>,
}

/// Two sources side by side.
#[derive(Debug, Clone)]
pub struct CompareState {
    /// Left and right readers.
    pub sides: [Reader; 2],
    pub active: Side,
    /// None while it is being computed.
    pub comparison: Option<Arc<Comparison>>,
    /// Claims per side, in text order.
    pub claims: [Vec<Claim>; 2],
    /// Per pair of the comparison, the analyst's verdict on it (such a pair is related,
    /// whatever dossier found).
    pub judged: Vec<Option<PairVerdict>>,
}

impl CompareState {
    /// Sources `left` and `right`, comparison to come.
    pub fn new(left: ArticleId, right: ArticleId) -> Self {
        CompareState {
            sides: [Reader::new(left), Reader::new(right)],
            active: Side::Left,
            comparison: None,
            claims: [vec![], vec![]],
            judged: vec![],
        }
    }

    /// Take a computed comparison (sides as this state has them), with the analyst's
    /// verdicts on its pairs from `applied`.
    pub fn set_comparison(&mut self, c: Arc<Comparison>, applied: &Applied) {
        self.judged = c
            .pairs
            .iter()
            .map(|p| {
                applied
                    .pair_verdict((c.left, p.left), (c.right, p.right))
                    .cloned()
            })
            .collect();
        self.claims = claims_of(&c, &self.judged);
        self.comparison = Some(c);
    }

    /// The claims on `side` overlapping `span`, strongest relation first.
    pub fn claims_at(&self, side: Side, span: Span) -> Vec<Claim> {
        let mut v: Vec<Claim> = self.claims[side.idx()]
            .iter()
            .filter(|c| c.span.overlaps(span))
            .copied()
            .collect();
        v.sort_by_key(|c| std::cmp::Reverse(c.mark));
        v
    }
}

/// Both sides' claims from a comparison; a pair the analyst judged is related.
pub fn claims_of(c: &Comparison, judged: &[Option<PairVerdict>]) -> [Vec<Claim>; 2] {
    let mut l = Vec::new();
    let mut r = Vec::new();
    for (i, p) in c.pairs.iter().enumerate() {
        let relation = match judged.get(i) {
            Some(Some(_)) => Relation::Related,
            _ => p.relation,
        };
        let mark = match relation {
            Relation::Agree => Mark::Agree,
            Relation::Conflict => Mark::Conflict,
            // Related claims corroborate nothing: not marked as agreeing.
            Relation::Related => Mark::Only,
        };
        l.push(Claim {
            span: p.left,
            mark,
            pair: Some(i),
        });
        r.push(Claim {
            span: p.right,
            mark,
            pair: Some(i),
        });
    }
    let only = |s: &Span| Claim {
        span: *s,
        mark: Mark::Only,
        pair: None,
    };
    l.extend(c.left_only.iter().map(only));
    r.extend(c.right_only.iter().map(only));
    for v in [&mut l, &mut r] {
        v.sort_by_key(|c| (c.span.start, c.mark));
    }
    [l, r]
}

impl App {
    pub(super) fn pick_key(&mut self, a: Action) -> Vec<Effect> {
        let Some(Overlay::Pick { left, selected }) = self.overlay.clone() else {
            return vec![];
        };
        let n = self.dossier.articles.len().saturating_sub(1);
        let selected = match a {
            Action::Down => (selected + 1).min(n.saturating_sub(1)),
            Action::Up => selected.saturating_sub(1),
            Action::Top => 0,
            Action::Bottom => n.saturating_sub(1),
            Action::Back => {
                self.overlay = None;
                return vec![];
            }
            Action::Open => {
                self.overlay = None;
                let right = super::candidates(&self.dossier, left)
                    .get(selected)
                    .copied()
                    .unwrap_or(left);
                return self.open_compare(left, right);
            }
            _ => selected,
        };
        self.overlay = Some(Overlay::Pick { left, selected });
        vec![]
    }

    /// Ask which source to compare `left` with (the next one is preselected).
    pub(super) fn ask_compare(&mut self, left: ArticleId) -> Vec<Effect> {
        if self.dossier.articles.len() < 2 {
            self.message = Some("only one source: nothing to compare with".into());
            return vec![];
        }
        let cands = super::candidates(&self.dossier, left);
        let selected = cands.iter().position(|c| c.0 > left.0).unwrap_or(0);
        self.overlay = Some(Overlay::Pick { left, selected });
        vec![]
    }

    /// Open `left` and `right` side by side, computing their comparison if needed.
    pub(super) fn open_compare(&mut self, left: ArticleId, right: ArticleId) -> Vec<Effect> {
        let mut state = CompareState::new(left, right);
        let known = self
            .analysis
            .as_ref()
            .and_then(|a| a.comparison(left, right));
        let mut effects = vec![];
        match known {
            Some(c) => state.set_comparison(c, &self.dossier.corrected),
            // The running analysis brings the dossier's claims (or this very comparison):
            // extracting them a second time meanwhile would only slow both down.
            None if self.aligner.is_none() && self.progress.is_some() => {}
            None => effects = self.ask_comparison(left, right),
        }
        self.compare = Some(state);
        // A search of the sides shown until now is over (also when another source
        // replaces one side, which stays in the compare view).
        self.end_search();
        self.enter(Focus::Compare);
        self.fix_compare();
        effects
    }

    /// Ask the driver for the comparison of `left` with `right`, made with the session's
    /// extracted claims when the analysis has brought them.
    pub(super) fn ask_comparison(&mut self, left: ArticleId, right: ArticleId) -> Vec<Effect> {
        self.pending = Some((left, right));
        vec![Effect::Compare(left, right, self.aligner.clone())]
    }

    /// The pair of the open compare view while it waits for a comparison nobody computes.
    pub(super) fn comparison_missing(&self) -> Option<(ArticleId, ArticleId)> {
        let st = self.compare.as_ref()?;
        let (l, r) = (st.sides[0].article, st.sides[1].article);
        let asked = self.pending == Some((l, r)) || self.pending == Some((r, l));
        (st.comparison.is_none() && !asked).then_some((l, r))
    }

    /// The analysis has extracted the dossier's claims: keep them for the session, and
    /// compare the pair an open compare view waits for.
    pub(super) fn aligner_ready(&mut self, aligner: SessionAligner) -> Vec<Effect> {
        self.aligner = Some(aligner);
        match self.comparison_missing() {
            Some((l, r)) => self.ask_comparison(l, r),
            None => vec![],
        }
    }

    /// Keep both sides valid for the current size and folding.
    pub(super) fn fix_compare(&mut self) {
        let Some(areas) = layout::compare_text_areas(self) else {
            return;
        };
        let Some(mut st) = self.compare.take() else {
            return;
        };
        for (i, r) in st.sides.iter_mut().enumerate() {
            let f = self.frame_for(r.article, areas[i]);
            r.fix(&f.view(self));
        }
        self.compare = Some(st);
    }

    pub(super) fn compare_key(&mut self, a: Action) -> Vec<Effect> {
        if self.compare.is_none() {
            self.focus = Focus::Sources;
            return vec![];
        }
        if let Some(e) = self.common(&a) {
            return e;
        }
        if matches!(a, Action::Back) {
            self.compare_back();
            return vec![];
        }
        let Some(st) = &mut self.compare else {
            return vec![];
        };
        match a {
            Action::SwitchSide => st.active = st.active.other(),
            Action::Left => st.active = Side::Left,
            Action::Right => st.active = Side::Right,
            Action::SwapSides => {
                st.sides.swap(0, 1);
                st.active = st.active.other();
                if let Some(c) = st.comparison.take() {
                    st.set_comparison(Arc::new(c.mirrored()), &self.dossier.corrected);
                }
            }
            Action::OtherSource => {
                let left = st.sides[0].article;
                let right = st.sides[1].article;
                let cands = super::candidates(&self.dossier, left);
                let cur = cands.iter().position(|&c| c == right).unwrap_or(0);
                self.overlay = Some(Overlay::Pick {
                    left,
                    selected: (cur + 1) % cands.len().max(1),
                });
            }
            Action::SearchStart => self.start_search(),
            Action::SearchNext => self.search_step(true),
            Action::SearchPrev => self.search_step(false),
            Action::NextConflict => self.jump_conflict(true),
            Action::PrevConflict => self.jump_conflict(false),
            a => {
                self.move_active(|r, v| move_reader(r, v, &a));
            }
        }
        vec![]
    }

    /// Esc: back to where the comparison was opened from, else to the article of the
    /// side the cursor was on.
    fn compare_back(&mut self) {
        if self.go_back() {
            return;
        }
        if let Some(st) = &self.compare {
            self.reader = st.sides[st.active.idx()];
            self.selected = self.reader.article.0;
            self.end_search();
        }
        self.focus = Focus::Article;
    }

    /// Move the active side's reader, then line the other side up with it.
    pub(super) fn move_active(&mut self, f: impl FnOnce(&mut Reader, &reader::View)) {
        let Some(areas) = layout::compare_text_areas(self) else {
            return;
        };
        let Some(mut st) = self.compare.take() else {
            return;
        };
        let act = st.active.idx();
        let fa = self.frame_for(st.sides[act].article, areas[act]);
        f(&mut st.sides[act], &fa.view(self));
        self.sync(&mut st, areas);
        self.compare = Some(st);
    }

    /// Scroll the passive side so the counterpart of the claim under the active cursor
    /// sits on the same screen row.
    fn sync(&self, st: &mut CompareState, areas: [ratatui::layout::Rect; 2]) {
        let act = st.active.idx();
        let oth = st.active.other();
        let Some(cmp) = st.comparison.clone() else {
            return;
        };
        let units = &self.units[st.sides[act].article.0];
        let Some(span) = st.sides[act].span(units) else {
            return;
        };
        let Some(pair) = st
            .claims_at(st.active, span)
            .into_iter()
            .find_map(|c| c.pair)
        else {
            return;
        };
        let Some(p) = cmp.pairs.get(pair) else {
            return;
        };
        let target = if st.active == Side::Left {
            p.right
        } else {
            p.left
        };
        let fa = self.frame_for(st.sides[act].article, areas[act]);
        let row = st.sides[act].cursor_row(&fa.view(self));
        let other_article = st.sides[oth.idx()].article;
        let fo = self.frame_for(other_article, areas[oth.idx()]);
        let vo = fo.view(self);
        let unit = reader::unit_at(&self.units[other_article.0], target.start);
        st.sides[oth.idx()].align(&vo, unit, row);
        // Near the top (or end) the other side cannot scroll far enough: level the
        // active side with it instead.
        let other_row = st.sides[oth.idx()].cursor_row(&vo);
        if other_row != row {
            let va = fa.view(self);
            let cur = st.sides[act].cursor;
            st.sides[act].align(&va, cur, other_row);
        }
    }

    /// `]` / `[`: the next or previous conflicting claim on the active side.
    fn jump_conflict(&mut self, forward: bool) {
        let Some(st) = &self.compare else {
            return;
        };
        if st.comparison.is_none() {
            self.message = Some("still comparing…".into());
            return;
        }
        let act = st.active;
        let art = st.sides[act.idx()].article;
        let units = &self.units[art.0];
        let cur = st.sides[act.idx()].cursor;
        let mut targets: Vec<usize> = st.claims[act.idx()]
            .iter()
            .filter(|c| c.mark == Mark::Conflict)
            .map(|c| reader::unit_at(units, c.span.start))
            .collect();
        targets.dedup();
        let next = if forward {
            targets.iter().copied().find(|&u| u > cur)
        } else {
            targets.iter().rev().copied().find(|&u| u < cur)
        };
        match next {
            Some(u) => {
                if self.fold
                    && self.dossier.article(art).paragraphs[units[u].para]
                        .kind
                        .is_noise()
                {
                    self.fold = false;
                }
                self.move_active(|r, v| r.go(v, u));
            }
            None if targets.is_empty() => {
                self.message = Some("no conflicts between these sources".into())
            }
            None => {
                self.message = Some(if forward {
                    "no further conflict ([ goes back)".into()
                } else {
                    "no earlier conflict (] goes on)".into()
                })
            }
        }
    }

    pub(super) fn compare_click(&mut self, p: Position) {
        let Some(areas) = layout::compare_text_areas(self) else {
            return;
        };
        let Some(side) = layout::side_at(self, p) else {
            return;
        };
        if let Some(st) = &mut self.compare {
            st.active = side;
        }
        let text = areas[side.idx()];
        if !text.contains(p) {
            return;
        }
        let row = (p.y - text.y) as usize;
        self.move_active(|r, v| {
            if let Some(i) = v.unit_on_row(r.scroll + row) {
                r.go(v, i);
            }
        });
    }

    pub(super) fn compare_wheel(&mut self, p: Position, down: bool) {
        if let (Some(side), Some(st)) = (layout::side_at(self, p), &mut self.compare) {
            st.active = side;
        }
        self.move_active(|r, v| r.scroll_by(v, if down { 3 } else { -3 }));
    }
}
