//! The reader's state and its one pure transition, `update(Action) -> Vec<Effect>`.
//!
//! Nothing here touches the terminal, the clock or the disk: the driver feeds actions in
//! (keys, mouse, finished jobs) and carries the returned effects out. Geometry comes from
//! the last `Resize` through `tui::layout`, the same geometry rendering uses.

mod article;
mod clip;
mod compare;
mod correct;
mod figures;
mod find;
mod line;
mod matrix;
mod memo;
mod mouse;
mod nav;
mod onlyhere;
mod order;
pub mod reader;
mod search;
mod speakers;
mod variants;

use article::move_reader;
pub use clip::ExportDialog;
pub use compare::{Claim, CompareState, Mark, Side};
pub use correct::{summary, Choice, CorrectDialog, CorrectState, CorrectedDossier, Pick, Step};
pub use figures::{FiguresSide, FiguresState};
pub use nav::{Nav, Place};
pub use onlyhere::OnlyState;
pub use order::by_time;
pub use reader::{Reader, Unit};
pub use search::{find_all, Match, Search, SearchIn};
pub use speakers::{SpeakerTable, SpeakersState};
pub use variants::VariantsState;

use crate::model::claims::Comparison;
use crate::model::search::Finder;
use crate::model::{ArticleId, Dossier, Span};
use crate::state::State;
use crate::tui::action::{Action, Effect};
use crate::tui::analysis::{Analysis, SessionAligner};
use crate::tui::keymap::{Keymap, Mode};
use crate::tui::layout;
use crate::tui::theme::Theme;
use crate::tui::wrap::WrapCache;
use ratatui::layout::Rect;
use std::sync::Arc;

/// Which pane has the keys (and what the main area shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sources,
    Article,
    Compare,
    Matrix,
    /// The list of clippings.
    Clippings,
    /// The dossier's figures, one quantity at a time as a timeline.
    Figures,
    /// The speakers, and how often each outlet quotes them.
    Speakers,
    /// One remark as each outlet rendered it.
    Variants,
    /// What only one source reports.
    OnlyHere,
}

/// What is drawn over the panes and takes the keys while open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The keys, scrolled by this many rows.
    Help { scroll: usize },
    /// Choosing the source to compare `left` with; `selected` indexes the candidates.
    Pick { left: ArticleId, selected: usize },
    /// The finder: its query line and selected result (the engine is `App::finder`).
    Finder(FinderState),
    /// Typing the note of clipping `id`.
    Note { id: u64, text: String },
    /// Choosing the format and path of an export.
    Export(ExportDialog),
    /// The last message of the status bar in full (`!`).
    Message,
    /// A correction being made (speaker, pair, metadata).
    Correct(Box<CorrectDialog>),
}

/// The finder overlay's own state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FinderState {
    /// The query as typed.
    pub query: String,
    /// The selected result.
    pub selected: usize,
}

/// The cursor of the claims matrix.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MatrixState {
    pub row: usize,
    pub col: usize,
    pub scroll: usize,
}

/// Everything the reader shows.
#[derive(Debug)]
pub struct App {
    pub dossier: Arc<Dossier>,
    pub keymap: Keymap,
    pub theme: Theme,
    pub focus: Focus,
    pub overlay: Option<Overlay>,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// The selected row of the source list.
    pub selected: usize,
    /// The article pane's position.
    pub reader: Reader,
    /// Noise paragraphs folded away.
    pub fold: bool,
    pub search: Search,
    pub compare: Option<CompareState>,
    pub matrix: MatrixState,
    pub analysis: Option<Arc<Analysis>>,
    /// The dossier's claims, extracted once by the background analysis; every comparison
    /// opened afterwards reuses them.
    pub aligner: Option<SessionAligner>,
    /// Background analysis progress (done, total) while it runs.
    pub progress: Option<(usize, usize)>,
    /// A comparison being computed off the UI thread.
    pub pending: Option<(ArticleId, ArticleId)>,
    /// A one-line message for the status bar (cleared by the next key).
    pub message: Option<String>,
    /// The last message shown, in full (`!` shows it again).
    pub last_message: Option<String>,
    /// True once an unbound key has shown "press ? for help" (once a session).
    pub hinted: bool,
    /// The way back: the places the current view was reached from.
    pub nav: Nav,
    pub wraps: WrapCache,
    /// Cursor units per article.
    pub units: Vec<Vec<Unit>>,
    pub quit: bool,
    /// The finder's engine (its prepared haystacks), built when first opened and kept
    /// for the session: the query and selection live in `Overlay::Finder`.
    pub finder: Option<Finder>,
    /// The passage the finder (or the clippings) jumped to, highlighted.
    pub found: Option<(ArticleId, Span)>,
    /// A visual selection: its article and the unit it started on.
    pub visual: Option<(ArticleId, usize)>,
    /// The saved state: clippings (and marks, position) as last saved or restored.
    pub state: State,
    /// The selected clipping.
    pub clip_selected: usize,
    /// The figures view.
    pub figures: FiguresState,
    /// The analyst's corrections: on or off, and the list the dossier shown reflects.
    pub correct: CorrectState,
    /// The speakers view.
    pub speakers: SpeakersState,
    /// The quote variants view.
    pub variants: VariantsState,
    /// The "only here" view.
    pub only: OnlyState,
    /// The source list in publication-time order (else file order), and that order.
    pub by_time: bool,
    order: memo::Memo<(memo::Identity<Dossier>, bool), Vec<ArticleId>>,
}

impl App {
    /// A reader on `dossier`, showing its sources.
    pub fn new(dossier: Arc<Dossier>, theme: Theme) -> Self {
        let units = dossier.articles.iter().map(reader::units).collect();
        App {
            dossier,
            keymap: Keymap::default(),
            theme,
            focus: Focus::Sources,
            overlay: None,
            size: (120, 40),
            selected: 0,
            reader: Reader::new(ArticleId(0)),
            fold: false,
            search: Search::default(),
            compare: None,
            matrix: MatrixState::default(),
            analysis: None,
            aligner: None,
            progress: None,
            pending: None,
            message: None,
            last_message: None,
            hinted: false,
            nav: Nav::default(),
            wraps: WrapCache::default(),
            units,
            quit: false,
            finder: None,
            found: None,
            visual: None,
            state: State::default(),
            clip_selected: 0,
            figures: FiguresState::default(),
            correct: CorrectState::default(),
            speakers: SpeakersState::default(),
            variants: VariantsState::default(),
            only: OnlyState::default(),
            by_time: false,
            order: Default::default(),
        }
    }

    /// The work to start with: the dossier-wide claims analysis.
    pub fn start(&mut self) -> Vec<Effect> {
        // Loading warnings went to stderr, which the reader's screen now covers.
        if let Some(w) = self.dossier.warnings.first() {
            let n = self.dossier.warnings.len();
            self.message = Some(match n {
                1 => format!("warning: {w}"),
                _ => format!("{n} warnings (dossier sources prints them all); first: {w}"),
            });
        }
        if self.dossier.articles.len() < 2 {
            return vec![];
        }
        let steps = crate::tui::analysis::steps(self.dossier.articles.len());
        self.progress = Some((0, steps));
        vec![Effect::Analyse]
    }

    /// Where keys go now.
    pub fn mode(&self) -> Mode {
        if self.search.editing || self.figures.editing || self.speakers.editing {
            return Mode::Search;
        }
        match &self.overlay {
            Some(Overlay::Help { .. }) => return Mode::Help,
            Some(Overlay::Pick { .. }) => return Mode::Pick,
            Some(Overlay::Finder(_)) => return Mode::Finder,
            Some(Overlay::Note { .. }) => return Mode::Note,
            Some(Overlay::Export(d)) if d.exists.is_some() => return Mode::Confirm,
            Some(Overlay::Export(_)) => return Mode::Export,
            Some(Overlay::Message) => return Mode::Message,
            // A picker of a correction takes letters as commands, as the source picker.
            Some(Overlay::Correct(d)) if d.takes_text() => return Mode::Correct,
            Some(Overlay::Correct(_)) => return Mode::Pick,
            None => {}
        }
        self.view_mode()
    }

    /// The mode of the view under any overlay (what the help lists first).
    pub fn view_mode(&self) -> Mode {
        match self.focus {
            Focus::Article | Focus::Compare if self.visual.is_some() => Mode::Visual,
            Focus::Sources => Mode::Sources,
            Focus::Article => Mode::Article,
            Focus::Compare => Mode::Compare,
            Focus::Matrix => Mode::Matrix,
            Focus::Clippings => Mode::Clippings,
            Focus::Figures => Mode::Figures,
            Focus::Speakers => Mode::Speakers,
            Focus::Variants => Mode::Variants,
            Focus::OnlyHere => Mode::OnlyHere,
        }
    }

    /// True while background work runs (the driver then ticks a spinner).
    pub fn busy(&self) -> bool {
        self.progress.is_some()
            || self.pending.is_some()
            || self.correct.applying
            || self.finder_running()
    }

    /// True while the finder matches on a worker (the driver then ticks quickly).
    pub fn finder_running(&self) -> bool {
        self.finder.as_ref().is_some_and(Finder::is_running)
    }

    /// The whole screen.
    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// The article pane's reading frame (units, rows, height) for `reader`'s article.
    pub(crate) fn frame_for(&self, article: ArticleId, text: Rect) -> FrameData {
        let rows = self
            .wraps
            .get(&self.dossier, article, text.width as usize, self.fold);
        FrameData {
            article,
            rows,
            height: text.height as usize,
        }
    }

    /// Apply one action; return the IO it asks for.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let effects = self.apply(action);
        if self.message.is_some() && self.message != self.last_message {
            self.last_message.clone_from(&self.message);
        }
        effects
    }

    fn apply(&mut self, action: Action) -> Vec<Effect> {
        if !matches!(
            action,
            Action::Progress(..)
                | Action::AlignerReady(_)
                | Action::AnalysisReady(_)
                | Action::ViewsReady(..)
                | Action::ComparisonReady(_)
                | Action::Tick
                | Action::Saved(_)
                | Action::Restored(_)
                | Action::Corrected(_)
                | Action::ManifestWritten(_)
                | Action::Resize(..)
        ) {
            self.message = None;
        }
        match action {
            Action::Quit => return self.quit(),
            Action::BackOrQuit if self.at_top() => return self.quit(),
            Action::BackOrQuit => return self.key(Action::Back),
            Action::Unbound(key) => {
                if !self.hinted {
                    self.hinted = true;
                    self.message = Some(format!("{key}: no such key here; press ? for help"));
                }
            }
            Action::LastMessage => match &self.last_message {
                Some(_) => self.overlay = Some(Overlay::Message),
                None => self.message = Some("no message yet".into()),
            },
            Action::Suspend => {
                let mut e = self.save_position();
                e.push(Effect::Suspend);
                return e;
            }
            Action::Tick => self.poll_finder(),
            Action::Restored(r) => {
                self.restored(r);
                return self.corrections_changed();
            }
            Action::Saved(r) => {
                self.saved(r);
                return self.corrections_changed();
            }
            Action::Corrected(c) => return self.corrected(c),
            Action::ManifestWritten(r) => return self.manifest_written(r),
            Action::ExportExists(p) => self.export_exists(p),
            Action::Exported(r) => self.exported(r),
            Action::Help => {
                if self.search.scope == SearchIn::Help {
                    self.end_search();
                }
                self.overlay = match self.overlay {
                    Some(Overlay::Help { .. }) => None,
                    _ => Some(Overlay::Help { scroll: 0 }),
                }
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.fix_readers();
            }
            Action::Progress(done, total) => self.progress = Some((done, total)),
            Action::AlignerReady(a) => return self.aligner_ready(a),
            Action::AnalysisReady(a) => return self.analysis_ready(a),
            Action::ViewsReady(d, table, groups) => self.views_ready(&d, table, groups),
            Action::ComparisonReady(c) => self.comparison_ready(c),
            Action::Figures => self.open_figures(),
            Action::Speakers => self.open_speakers(),
            Action::Variants => self.open_variants(),
            Action::OnlyHere => self.open_only_here(),
            Action::SourceOrder => self.toggle_order(),
            Action::Click(x, y) => return self.click(x, y),
            Action::Wheel(x, y, down) => self.wheel(x, y, down),
            a => return self.key(a),
        }
        vec![]
    }

    /// Leave the reader, saving the reading position first.
    fn quit(&mut self) -> Vec<Effect> {
        self.quit = true;
        let mut e = self.save_position();
        e.push(Effect::Quit);
        e
    }

    /// A key's action, by mode.
    fn key(&mut self, a: Action) -> Vec<Effect> {
        if matches!(self.overlay, Some(Overlay::Correct(_))) {
            return self.correct_key(a);
        }
        let finder = matches!(self.overlay, Some(Overlay::Finder(_)));
        if (self.overlay.is_none() || finder) && !self.search.editing {
            if let Some(e) = self.correction_key(&a) {
                return e;
            }
        }
        match self.mode() {
            Mode::Help => self.help_key(a),
            Mode::Message => {
                if matches!(a, Action::Back) {
                    self.overlay = None;
                }
            }
            Mode::Pick => return self.pick_key(a),
            Mode::Finder => return self.finder_key(a),
            Mode::Note => return self.note_key(a),
            Mode::Export | Mode::Confirm => return self.export_key(a),
            Mode::Correct => return self.correct_key(a),
            Mode::Clippings => return self.clippings_key(a),
            Mode::Visual => return self.visual_key(a),
            Mode::Search if self.focus == Focus::Figures => self.figures_search_key(a),
            Mode::Search if self.focus == Focus::Speakers => self.speakers_search_key(a),
            Mode::Speakers => return self.speakers_key(a),
            Mode::Variants => return self.variants_key(a),
            Mode::OnlyHere => return self.only_key(a),
            Mode::Search => self.search_key(a),
            Mode::Figures => match a {
                Action::Finder => return self.open_finder(),
                Action::Matrix => self.open_matrix(),
                a => self.figures_key(a),
            },
            Mode::Sources => return self.sources_key(a),
            Mode::Article => return self.article_key(a),
            Mode::Compare => return self.compare_key(a),
            Mode::Matrix => match a {
                Action::Finder => return self.open_finder(),
                Action::Clippings => self.open_clippings(),
                Action::SearchStart => self.start_search(),
                Action::SearchNext => self.search_step(true),
                Action::SearchPrev => self.search_step(false),
                a => self.matrix_key(a),
            },
        }
        vec![]
    }

    fn help_key(&mut self, a: Action) {
        let shown = layout::help_rows(self);
        let lines = crate::tui::keymap::help::lines(
            &self.keymap,
            self.view_mode(),
            self.search.help_filter(),
        );
        let max = lines.len().saturating_sub(shown);
        if let Some(Overlay::Help { scroll }) = &mut self.overlay {
            match a {
                Action::Down => *scroll = (*scroll + 1).min(max),
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::PageDown | Action::HalfPageDown => *scroll = (*scroll + shown / 2).min(max),
                Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(shown / 2),
                Action::Top => *scroll = 0,
                Action::Bottom => *scroll = max,
                Action::Back => {
                    self.overlay = None;
                    self.end_search();
                }
                Action::SearchStart => self.start_search(),
                _ => {}
            }
        }
    }

    /// Keep every reader valid for the current size and folding.
    fn fix_readers(&mut self) {
        if let Some(text) = layout::article_text_area(self) {
            let f = self.frame_for(self.reader.article, text);
            let mut r = self.reader;
            r.fix(&f.view(self));
            self.reader = r;
        }
        self.fix_compare();
        let rows = self.analysis.as_ref().map_or(0, |a| a.matrix.rows.len());
        self.matrix.row = self.matrix.row.min(rows.saturating_sub(1));
    }

    fn analysis_ready(&mut self, a: Arc<Analysis>) -> Vec<Effect> {
        self.progress = None;
        let waiting = self.comparison_missing();
        let known = waiting.and_then(|(l, r)| a.comparison(l, r));
        self.analysis = Some(a);
        match (waiting, known) {
            (_, Some(c)) => self.comparison_ready(c),
            // Not compared ahead (a large dossier): compare the pair now.
            (Some((l, r)), None) => return self.ask_comparison(l, r),
            (None, None) => {}
        }
        vec![]
    }

    fn comparison_ready(&mut self, c: Arc<Comparison>) {
        let Some(state) = &mut self.compare else {
            return;
        };
        let (l, r) = (state.sides[0].article, state.sides[1].article);
        if (c.left, c.right) == (l, r) {
            state.set_comparison(c, &self.dossier.corrected);
        } else if (c.right, c.left) == (l, r) {
            state.set_comparison(Arc::new(c.mirrored()), &self.dossier.corrected);
        } else {
            return;
        }
        if self.pending == Some((l, r)) || self.pending == Some((r, l)) {
            self.pending = None;
        }
        self.fix_compare();
    }
}

/// What a reader needs from the cache, owned so that `App` can be borrowed meanwhile.
pub(crate) struct FrameData {
    article: ArticleId,
    rows: std::rc::Rc<crate::tui::wrap::Wrapped>,
    height: usize,
}

impl FrameData {
    /// The reading frame over `app`'s article data.
    pub(crate) fn view<'a>(&'a self, app: &'a App) -> reader::View<'a> {
        reader::View {
            units: &app.units[self.article.0],
            paras: &app.dossier.article(self.article).paragraphs,
            rows: &self.rows,
            fold: app.fold,
            height: self.height,
        }
    }
}

/// The sources `left` can be compared with, in order.
pub fn candidates(d: &Dossier, left: ArticleId) -> Vec<ArticleId> {
    d.articles
        .iter()
        .map(|a| a.id)
        .filter(|&id| id != left)
        .collect()
}

#[cfg(test)]
mod tests;
