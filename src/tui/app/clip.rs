//! Clippings: marking passages (the quote or sentence at the cursor, its paragraph, a
//! visual selection), the clippings list (reorder, delete, notes), the export dialog and
//! copying. Every change is applied here at once and handed to the driver as
//! `Effect::Save`, which writes it to the state file before anything else happens.

use super::{App, Focus, Overlay, Reader};
use crate::model::export::{self, resolve, ClipKind, Clipping, ExportFormat, Grouping};
use crate::model::quotes::QuoteId;
use crate::model::{ArticleId, Span};
use crate::state::{Change, Loaded, Position};
use crate::tui::action::{Action, Effect};
use std::path::PathBuf;

/// The export dialog: format and path, and the file that exists when asking to overwrite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDialog {
    pub format: ExportFormat,
    pub grouping: Grouping,
    pub path: String,
    /// Set when the path exists: the dialog asks before overwriting.
    pub exists: Option<PathBuf>,
}

/// The next export format, in the order the dialog offers them.
fn next_format(f: ExportFormat) -> ExportFormat {
    let all = ExportFormat::ALL;
    let at = all.iter().position(|&x| x == f).unwrap_or(0);
    all[(at + 1) % all.len()]
}

/// "s" for a count other than one.
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

impl App {
    /// The article and reader under the cursor (the article pane or the active side).
    pub(super) fn cursor_place(&self) -> Option<Reader> {
        match self.focus {
            Focus::Article => Some(self.reader),
            Focus::Compare => self.compare.as_ref().map(|c| c.sides[c.active.idx()]),
            _ => None,
        }
    }

    /// The passage a clip or copy at the cursor takes: the visual selection, else the
    /// paragraph (when asked), else the quote at the cursor, else its sentence.
    fn passage_at_cursor(&self, paragraph: bool) -> Option<Clipping> {
        let r = self.cursor_place()?;
        let art = r.article;
        let units = &self.units[art.0];
        let unit = *units.get(r.cursor)?;
        let d = &self.dossier;
        if let Some((_, anchor)) = self.visual.filter(|v| v.0 == art) {
            let (lo, hi) = (anchor.min(r.cursor), anchor.max(r.cursor));
            let span = Span::new(units[lo].span.start, units[hi].span.end);
            let kind = if lo == hi {
                ClipKind::Sentence
            } else {
                ClipKind::Range
            };
            return Some(Clipping::new(d, art, span, kind, None));
        }
        let para = &d.article(art).paragraphs[unit.para];
        if paragraph || para.sentences.is_empty() {
            return Some(Clipping::new(d, art, para.span, ClipKind::Paragraph, None));
        }
        if let Some(q) = d
            .quotes
            .iter()
            .position(|q| q.article() == art && q.span().overlaps(unit.span))
        {
            return Some(Clipping::of_quote(d, QuoteId(q), None));
        }
        Some(Clipping::new(d, art, unit.span, ClipKind::Sentence, None))
    }

    /// x / X: clip the passage at the cursor (saved at once).
    pub(super) fn clip(&mut self, paragraph: bool) -> Vec<Effect> {
        let Some(c) = self.passage_at_cursor(paragraph) else {
            self.message = Some("nothing to clip here".into());
            return vec![];
        };
        self.visual = None;
        self.add_clipping(c)
    }

    /// Add clipping `c` (saved at once), unless that passage is clipped already.
    pub(super) fn add_clipping(&mut self, c: Clipping) -> Vec<Effect> {
        let dup = self
            .state
            .clippings
            .iter()
            .any(|x| x.article == c.article && (x.start, x.end) == (c.start, c.end));
        if dup {
            self.message = Some(format!("this {} is clipped already", c.kind.as_str()));
            return vec![];
        }
        let kind = c.kind.as_str();
        self.state.apply(Change::AddClipping(c.clone()));
        let n = self.state.clippings.len();
        self.message = Some(format!(
            "clipped the {kind} ({n} clipping{}: C lists them, E exports)",
            plural(n)
        ));
        vec![Effect::Save(Change::AddClipping(c))]
    }

    /// v: start a visual selection at the cursor.
    pub(super) fn start_visual(&mut self) {
        if let Some(r) = self.cursor_place() {
            self.visual = Some((r.article, r.cursor));
            self.message = Some("select: move, then x clips the sentences (Esc cancels)".into());
        }
    }

    pub(super) fn visual_key(&mut self, a: Action) -> Vec<Effect> {
        match a {
            Action::Clip | Action::ClipParagraph => return self.clip(false),
            Action::Copy => return self.copy_at_cursor(true),
            Action::CopyText => return self.copy_at_cursor(false),
            Action::Visual | Action::Back => self.visual = None,
            a if self.focus == Focus::Compare => return self.compare_key(a),
            a => return self.article_key(a),
        }
        vec![]
    }

    /// y: copy the passage at the cursor with its citation; Y (`cited` false): its text.
    pub(super) fn copy_at_cursor(&mut self, cited: bool) -> Vec<Effect> {
        match self.passage_at_cursor(false) {
            Some(c) => self.copy_clipping(&c, cited),
            None => vec![],
        }
    }

    /// Copy a clipping: as the Markdown export writes it (blockquote and citation), or
    /// its bare text.
    fn copy_clipping(&mut self, c: &Clipping, cited: bool) -> Vec<Effect> {
        if cited {
            let md = export::passage_markdown(&self.dossier, c);
            self.copy(md.trim_end().to_string())
        } else {
            self.copy(c.text.clone())
        }
    }

    /// Put `text` on the clipboard, made safe to paste first (article text is untrusted:
    /// an `ESC [201~` in it would end a shell's bracketed paste and run what follows).
    pub(super) fn copy(&mut self, text: String) -> Vec<Effect> {
        let text = crate::model::sanitize::for_clipboard(&text);
        let n = text.chars().count();
        self.message = Some(format!(
            "copied {n} character{} to the clipboard (OSC 52)",
            plural(n)
        ));
        vec![Effect::Copy(text)]
    }

    pub(super) fn open_clippings(&mut self) {
        self.enter(Focus::Clippings);
        self.clip_selected = self
            .clip_selected
            .min(self.state.clippings.len().saturating_sub(1));
    }

    pub(super) fn clippings_key(&mut self, a: Action) -> Vec<Effect> {
        let n = self.state.clippings.len();
        let sel = self.clip_selected.min(n.saturating_sub(1));
        let id = self.state.clippings.get(sel).map(|c| c.id);
        match (a, id) {
            (Action::Down, _) => self.clip_selected = (sel + 1).min(n.saturating_sub(1)),
            (Action::Up, _) => self.clip_selected = sel.saturating_sub(1),
            (Action::Top, _) => self.clip_selected = 0,
            (Action::Bottom, _) => self.clip_selected = n.saturating_sub(1),
            (Action::Back, _) => self.back_or_sources(),
            (Action::Finder, _) => return self.open_finder(),
            (Action::SearchStart, _) => self.start_search(),
            (Action::SearchNext, _) => self.search_step(true),
            (Action::SearchPrev, _) => self.search_step(false),
            (Action::Export, _) => self.open_export(),
            (Action::Open, Some(_)) => self.open_clipping(sel),
            (Action::Copy, Some(_)) => {
                let c = self.state.clippings[sel].clone();
                return self.copy_clipping(&c, true);
            }
            (Action::CopyText, Some(_)) => {
                let c = self.state.clippings[sel].clone();
                return self.copy_clipping(&c, false);
            }
            (Action::Delete, Some(id)) => {
                let text = crate::tui::view::fit(&self.state.clippings[sel].text, 40);
                self.message = Some(format!("deleted “{text}”"));
                return self.change(Change::RemoveClipping(id));
            }
            (Action::MoveUp, Some(id)) if sel > 0 => {
                self.clip_selected = sel - 1;
                return self.change(Change::MoveClipping { id, to: sel - 1 });
            }
            (Action::MoveDown, Some(id)) if sel + 1 < n => {
                self.clip_selected = sel + 1;
                return self.change(Change::MoveClipping { id, to: sel + 1 });
            }
            (Action::Note, Some(id)) => {
                let text = self.state.clippings[sel].note.clone().unwrap_or_default();
                self.overlay = Some(Overlay::Note { id, text });
            }
            (
                Action::Open | Action::Copy | Action::CopyText | Action::Delete | Action::Note,
                None,
            ) => self.message = Some("no clippings yet: x in an article clips a passage".into()),
            _ => {}
        }
        self.clip_selected = self
            .clip_selected
            .min(self.state.clippings.len().saturating_sub(1));
        vec![]
    }

    /// Apply a change here and save it.
    fn change(&mut self, c: Change) -> Vec<Effect> {
        self.state.apply(c.clone());
        self.clip_selected = self
            .clip_selected
            .min(self.state.clippings.len().saturating_sub(1));
        vec![Effect::Save(c)]
    }

    /// Enter on a clipping: its passage in the article pane (Esc comes back).
    fn open_clipping(&mut self, i: usize) {
        let d = self.dossier.clone();
        let c = self.state.clippings[i].clone();
        let p = resolve(&d, &c);
        match (p.article, p.span) {
            (Some(a), Some(span)) => {
                self.open_at(a.id, span);
                self.found = Some((a.id, span));
            }
            _ => {
                self.message = Some(format!(
                    "{}: this passage is no longer in the dossier (its saved text is kept)",
                    c.article
                ))
            }
        }
    }

    pub(super) fn note_key(&mut self, a: Action) -> Vec<Effect> {
        let Some(Overlay::Note { id, text }) = &mut self.overlay else {
            return vec![];
        };
        match a {
            a if super::line::edit(text, &a) => {}
            Action::Open => {
                let (id, note) = (*id, text.trim().to_string());
                self.overlay = None;
                self.message = Some(if note.is_empty() {
                    "note removed".into()
                } else {
                    "note saved".into()
                });
                let note = (!note.is_empty()).then_some(note);
                return self.change(Change::SetNote { id, note });
            }
            Action::Back => self.overlay = None,
            _ => {}
        }
        vec![]
    }

    /// E: the export dialog, with the suggested name in the current folder.
    pub(super) fn open_export(&mut self) {
        if self.state.clippings.is_empty() {
            self.message =
                Some("nothing to export yet: x clips the quote or sentence at the cursor".into());
            return;
        }
        let format = ExportFormat::Markdown;
        self.overlay = Some(Overlay::Export(ExportDialog {
            format,
            grouping: Grouping::BySource,
            path: export::suggested_name(&self.dossier, format),
            exists: None,
        }));
    }

    pub(super) fn export_key(&mut self, a: Action) -> Vec<Effect> {
        let Some(Overlay::Export(dlg)) = &mut self.overlay else {
            return vec![];
        };
        if dlg.exists.is_some() {
            match a {
                Action::Yes => return self.export_effect(true),
                Action::Back => dlg.exists = None,
                _ => {}
            }
            return vec![];
        }
        match a {
            a if super::line::edit(&mut dlg.path, &a) => {}
            Action::NextFormat => {
                let old = dlg.format.extension();
                dlg.format = next_format(dlg.format);
                if let Some(stem) = dlg.path.strip_suffix(&format!(".{old}")) {
                    dlg.path = format!("{stem}.{}", dlg.format.extension());
                }
            }
            Action::Grouping => {
                dlg.grouping = match dlg.grouping {
                    Grouping::BySource => Grouping::InOrder,
                    Grouping::InOrder => Grouping::BySource,
                }
            }
            Action::Open if dlg.path.trim().is_empty() => {
                self.message = Some("type a file name to export to".into())
            }
            Action::Open => return self.export_effect(false),
            Action::Back => self.overlay = None,
            _ => {}
        }
        vec![]
    }

    fn export_effect(&mut self, overwrite: bool) -> Vec<Effect> {
        let Some(Overlay::Export(dlg)) = &self.overlay else {
            return vec![];
        };
        let path = PathBuf::from(dlg.path.trim());
        vec![Effect::Export {
            path,
            format: dlg.format,
            grouping: dlg.grouping,
            clips: self.state.clippings.clone(),
            overwrite,
        }]
    }

    pub(super) fn export_exists(&mut self, p: PathBuf) {
        if let Some(Overlay::Export(dlg)) = &mut self.overlay {
            dlg.exists = Some(p);
        }
    }

    pub(super) fn exported(&mut self, r: Result<PathBuf, String>) {
        match r {
            Ok(p) => {
                let n = self.state.clippings.len();
                self.overlay = None;
                self.message = Some(format!(
                    "wrote {n} clipping{} to {}",
                    plural(n),
                    p.display()
                ));
            }
            Err(e) => {
                if let Some(Overlay::Export(dlg)) = &mut self.overlay {
                    dlg.exists = None;
                }
                self.message = Some(format!("export failed: {e}"));
            }
        }
    }

    /// The saved state as the dossier opens: clippings, and the reading position (the
    /// source list stays in front, previewing that place).
    pub(super) fn restored(&mut self, r: Result<Box<Loaded>, String>) {
        let loaded = match r {
            Ok(l) => l,
            Err(e) => {
                self.note_message(format!("clippings will not be saved: {e}"));
                return;
            }
        };
        if let Some(n) = &loaded.notice {
            self.note_message(n.clone());
        }
        self.state = loaded.state;
        let pos = self.state.position.clone();
        if let Some(id) = pos.and_then(|p| {
            let id = self.dossier.find_article(&p.article)?;
            Some((id, p.offset))
        }) {
            let (art, offset) = id;
            let len = self.dossier.article(art).text.len();
            let offset = offset.min(len);
            if !self.units[art.0].is_empty() {
                self.show_at(art, Span::new(offset, offset));
            }
            self.focus = Focus::Sources;
        }
    }

    /// A change was saved (or not): take the state on disk, which has other readers'
    /// changes too.
    pub(super) fn saved(&mut self, r: Result<Box<Loaded>, String>) {
        match r {
            Ok(l) => {
                if let Some(n) = l.notice {
                    self.note_message(n);
                }
                self.state = l.state;
                self.clip_selected = self
                    .clip_selected
                    .min(self.state.clippings.len().saturating_sub(1));
            }
            Err(e) => self.note_message(format!("not saved: {e}")),
        }
    }

    /// Add a message to the one shown (start-up may have several).
    pub(super) fn note_message(&mut self, m: String) {
        self.message = Some(match self.message.take() {
            Some(old) => format!("{old} · {m}"),
            None => m,
        });
    }

    /// Remember where the article pane is (on quit and suspend).
    pub(super) fn save_position(&self) -> Vec<Effect> {
        let art = self.reader.article;
        let Some(u) = self
            .units
            .get(art.0)
            .and_then(|u| u.get(self.reader.cursor))
        else {
            return vec![];
        };
        vec![Effect::Save(Change::SetPosition(Position {
            article: self.dossier.article(art).file.clone(),
            offset: u.span.start,
        }))]
    }

    /// The units of an article between the visual anchor and the cursor, if selecting.
    pub fn visual_span(&self, article: ArticleId, cursor: usize) -> Option<Span> {
        let (a, anchor) = self.visual?;
        if a != article {
            return None;
        }
        let units = &self.units[a.0];
        let (lo, hi) = (anchor.min(cursor), anchor.max(cursor));
        Some(Span::new(
            units.get(lo)?.span.start,
            units.get(hi)?.span.end,
        ))
    }
}

#[cfg(test)]
pub(super) mod tests;
