//! Every user intent ([`Action`]) and every piece of IO the app asks for ([`Effect`]).
//!
//! Keys, mouse and finished background work all arrive as actions; `App::update` answers
//! with effects, which only the driver carries out.

use crate::model::claims::Comparison;
use crate::model::corrections::Correction;
use crate::model::export::{Clipping, ExportFormat, Grouping};
use crate::model::variants::VariantGroup;
use crate::model::{ArticleId, Dossier};
use crate::state::{Change, Loaded};
use crate::tui::analysis::{Analysis, SessionAligner};
use crate::tui::app::SpeakerTable;
use std::path::PathBuf;
use std::sync::Arc;

/// Something the user (or a finished job) wants done.
#[derive(Debug, Clone)]
pub enum Action {
    /// Leave the reader, from any view.
    Quit,
    /// Back out one level (close the overlay, leave the view for the one it came from);
    /// quit from the sources and article screen.
    BackOrQuit,
    /// A key bound to nothing in this mode (its label): the first one of a session
    /// points to the help.
    Unbound(String),
    /// Show the last status-bar message in full.
    LastMessage,
    /// Suspend to the shell (Ctrl-Z); `fg` resumes.
    Suspend,
    /// Show or hide the list of keys.
    Help,
    /// Back out of the current mode: close an overlay, cancel a search, leave a view.
    Back,
    /// Move up one item (source, sentence, claim, row).
    Up,
    /// Move down one item.
    Down,
    /// Move left: matrix column, compare side, or from the article to the source list.
    Left,
    /// Move right: matrix column, compare side, or from the source list to the article.
    Right,
    /// Scroll up a page.
    PageUp,
    /// Scroll down a page.
    PageDown,
    /// Scroll up half a page.
    HalfPageUp,
    /// Scroll down half a page.
    HalfPageDown,
    /// Go to the start.
    Top,
    /// Go to the end.
    Bottom,
    /// Open the selection (a source, a matrix cell, the picked source).
    Open,
    /// Move focus between the source list and the article.
    NextPane,
    /// Fold or unfold noise (boilerplate, captions, bylines, duplicates, appended).
    ToggleNoise,
    /// Start a search in the view (article, compare, matrix, clippings) or filter the
    /// help.
    SearchStart,
    /// Type a character into the line being edited (search, finder, note, path).
    SearchChar(char),
    /// Delete the last character of the line being edited.
    SearchBackspace,
    /// Clear the line being edited (Ctrl-u).
    ClearLine,
    /// Delete the last word of the line being edited, or a folder of a path (Ctrl-w).
    DeleteWord,
    /// Keep the search and return to reading.
    SearchConfirm,
    /// Next match.
    SearchNext,
    /// Previous match.
    SearchPrev,
    /// Compare the current source with another one, side by side.
    Compare,
    /// Swap the two sides of the comparison.
    SwapSides,
    /// Pick a different source for the other side.
    OtherSource,
    /// Move the cursor to the other side of the comparison.
    SwitchSide,
    /// Next conflicting claim.
    NextConflict,
    /// Previous conflicting claim.
    PrevConflict,
    /// Show the claims × sources matrix.
    Matrix,
    /// Show the figures: each quantity the sources state, as a timeline across them.
    Figures,
    /// Open the finder over every quote (Tab there switches to all sentences).
    Finder,
    /// Switch the finder between quotes and all sentences.
    FinderScope,
    /// Clip the quote (or else the sentence) at the cursor, or the visual selection.
    Clip,
    /// Clip the whole paragraph at the cursor.
    ClipParagraph,
    /// Start (or end) a visual selection of sentences.
    Visual,
    /// Show the clippings.
    Clippings,
    /// Delete the selected clipping.
    Delete,
    /// Move the selected clipping up the list.
    MoveUp,
    /// Move the selected clipping down the list.
    MoveDown,
    /// Write a note on the selected clipping.
    Note,
    /// Export the clippings (format and path in a dialog).
    Export,
    /// Next export format (Markdown, JSON, text, CSL-JSON, CSV).
    NextFormat,
    /// Export grouped by source, or in clipping order.
    Grouping,
    /// Yes: overwrite the existing file.
    Yes,
    /// Copy the passage or clipping with its citation, as the Markdown export writes it
    /// (OSC 52).
    Copy,
    /// Copy the passage or clipping's bare text (OSC 52).
    CopyText,
    /// Give the quote at the cursor to another speaker, or to no one known.
    ReassignQuote,
    /// Rename the speaker of the quote at the cursor.
    RenameSpeaker,
    /// Merge the speaker of the quote at the cursor into another speaker.
    MergeSpeaker,
    /// Split one of the names of the quote's speaker off as a speaker of its own.
    SplitSpeaker,
    /// Judge the pair at the cursor: not a conflict, explained (with a note), or a
    /// corroboration that is none.
    JudgePair,
    /// Correct the source's metadata (outlet, title, date, url, author).
    EditMeta,
    /// Take back the last correction made.
    Undo,
    /// Show the speakers: role, kind, and how often each outlet quotes them.
    Speakers,
    /// Show the remark of the quote here as each outlet rendered it (else every remark
    /// two sources quote).
    Variants,
    /// Show what only this source reports: the claims and figures no other outlet states.
    OnlyHere,
    /// Order the source list by publication time, or back to file order.
    SourceOrder,
    /// Time passed while the finder matches in the background: take its results.
    Tick,
    /// The saved state as read when the dossier opened (clippings, reading position).
    Restored(Result<Box<Loaded>, String>),
    /// A change was saved; the state now on disk (with other readers' changes).
    Saved(Result<Box<Loaded>, String>),
    /// The dossier with the corrections of this list applied (made off the UI thread).
    Corrected(crate::tui::app::CorrectedDossier),
    /// A metadata field was written into the folder's `dossier.toml` (its path), or not:
    /// the message, and the correction to keep in the state instead.
    ManifestWritten(Result<PathBuf, (String, Box<Correction>)>),
    /// The export target exists: ask before overwriting.
    ExportExists(PathBuf),
    /// The export was written (to this path) or failed (with this message).
    Exported(Result<PathBuf, String>),
    /// The terminal now has this size (columns, rows).
    Resize(u16, u16),
    /// A mouse click at (column, row).
    Click(u16, u16),
    /// The mouse wheel at (column, row), down when true.
    Wheel(u16, u16, bool),
    /// Background analysis progress: (done, total).
    Progress(usize, usize),
    /// The dossier's claims are extracted (the analysis goes on with them): comparisons
    /// can reuse them from now on.
    AlignerReady(SessionAligner),
    /// Every comparison and the matrix are ready.
    AnalysisReady(Arc<Analysis>),
    /// The speakers table and the quote variants of a dossier, made off the UI thread when
    /// it is analysed, so that those views open at once on a big dossier.
    ViewsReady(Arc<Dossier>, Arc<SpeakerTable>, Arc<Vec<VariantGroup>>),
    /// One comparison is ready.
    ComparisonReady(Arc<Comparison>),
}

/// IO the driver performs for the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Restore the terminal and exit.
    Quit,
    /// Restore the terminal, stop the process, and take the terminal back on resume.
    Suspend,
    /// Compare every pair of sources and build the matrix, off the UI thread.
    Analyse,
    /// Compare two sources, off the UI thread, with the session's extracted claims when
    /// the analysis has brought them (None: extract them for this pair).
    Compare(ArticleId, ArticleId, Option<SessionAligner>),
    /// Save one change to the dossier's state file at once (the driver stamps a new
    /// clipping's creation time).
    Save(Change),
    /// Write the clippings to a file, atomically; an existing file only when `overwrite`.
    Export {
        path: PathBuf,
        format: ExportFormat,
        grouping: Grouping,
        clips: Vec<Clipping>,
        overwrite: bool,
    },
    /// Put text on the clipboard with the OSC 52 escape sequence.
    Copy(String),
    /// Apply this list of corrections to dossier's own reading, off the UI thread (the
    /// answer is `Corrected`).
    ApplyCorrections(Vec<Correction>),
    /// Write an article's metadata field into the dossier folder's `dossier.toml` (the
    /// answer is `ManifestWritten`; on failure the correction is kept in the state).
    WriteManifest {
        folder: PathBuf,
        correction: Box<Correction>,
    },
}
