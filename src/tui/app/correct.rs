//! Corrections in the reader, made where the thing is shown: the speaker of the quote at
//! the cursor (give the quote to someone else or to no one, rename the speaker, merge it
//! into another, split one of its names off), the pair at the cursor of the compare view
//! (not a conflict, explained, no corroboration), and a source's metadata (into the
//! folder's `dossier.toml`, or kept in the saved state).
//!
//! Each correction is a small dialog ([`CorrectDialog`]): a picker, a line of text, or
//! both (typing filters the speakers). What it makes is the model's
//! [`Correction`], anchored to text as `dossier correct` anchors it, and is handed to the
//! driver to save (`Effect::Save`) like a clipping. Once the state on disk has a list of
//! corrections the shown dossier does not reflect (this reader's, or another reader's),
//! the app asks for them to be applied to dossier's own reading off the UI thread
//! (`Effect::ApplyCorrections`), takes the corrected dossier (`Action::Corrected`) and
//! runs the analysis again, so every view says what the CLI says.

use super::{App, Overlay};
use crate::model::claims::Relation;
use crate::model::corrections::{Anchor, Correction, Edit, MetaField, Verdict};
use crate::model::Dossier;
use crate::state::Change;
use crate::tui::action::{Action, Effect};
use std::path::PathBuf;
use std::sync::Arc;

/// The reader's corrections: whether it makes them, where the manifest is, and which
/// list the shown dossier reflects.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorrectState {
    /// False under `--no-corrections`: the reader shows dossier's own reading and makes
    /// no correction.
    pub off: bool,
    /// The dossier's folder, where its `dossier.toml` is (None: the bundled dossier).
    pub folder: Option<PathBuf>,
    /// The corrections the shown dossier reflects, or is being made to reflect.
    pub applied: Vec<Correction>,
    /// True while they are being applied off the UI thread (the driver then wakes for
    /// the result).
    pub applying: bool,
}

/// A dossier with a list of corrections applied, from the driver's worker.
#[derive(Clone)]
pub struct CorrectedDossier {
    pub dossier: Arc<Dossier>,
    /// The list applied (the app takes only the one it asked for last).
    pub list: Vec<Correction>,
}

impl std::fmt::Debug for CorrectedDossier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CorrectedDossier({} corrections)", self.list.len())
    }
}

/// What Enter does in the dialog (and what it is about).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Give the quote at `anchor` to the speaker picked (or typed), or to no one.
    QuoteSpeaker { anchor: Anchor, old: Option<String> },
    /// Rename the speaker `from` to the name typed.
    Rename { from: String },
    /// Merge the speaker `from` into the speaker picked.
    Merge { from: String },
    /// Split the name picked off the speaker `speaker`.
    Split { speaker: String },
    /// Which of a matrix row's conflicts: each pair of passages, with the lines about it.
    Conflicts {
        pairs: Vec<(Anchor, Anchor, Vec<String>)>,
    },
    /// Not a conflict, or explained (a note follows).
    Verdict { a: Anchor, b: Anchor },
    /// The note of a pair's verdict (needed for `Explained`).
    Note {
        a: Anchor,
        b: Anchor,
        verdict: Verdict,
        was: Relation,
    },
    /// Which field of `article` to correct.
    MetaField { article: String },
    /// The field's new value, typed.
    MetaValue {
        article: String,
        field: MetaField,
        old: Option<String>,
    },
    /// Into `dossier.toml`, or kept in the saved state.
    MetaWhere { correction: Box<Correction> },
}

/// One row of the dialog's picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// A speaker of the dossier (or one of its names), by name.
    Name(String),
    /// A speaker the correction makes, of the name typed.
    NewName(String),
    /// No one known.
    Unknown,
    Verdict(Verdict),
    /// One of the pairs of [`Step::Conflicts`], by index.
    Pair(usize),
    Field(MetaField),
    /// Write into the folder's `dossier.toml`.
    Manifest,
    /// Keep in the saved state.
    State,
}

/// A row of the picker: what it picks, and a few words beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub pick: Pick,
    pub detail: String,
}

impl Choice {
    fn new(pick: Pick, detail: impl Into<String>) -> Choice {
        Choice {
            pick,
            detail: detail.into(),
        }
    }

    /// The row's label, as drawn (before sanitizing).
    pub fn label(&self) -> String {
        match &self.pick {
            Pick::Name(n) => n.clone(),
            Pick::NewName(n) => format!("new speaker “{n}”"),
            Pick::Unknown => "unknown speaker (no one known)".into(),
            Pick::Verdict(Verdict::NotAConflict) => "not a conflict".into(),
            Pick::Verdict(Verdict::Explained) => "explained (a note says why)".into(),
            Pick::Verdict(Verdict::NotCorroborated) => "not a corroboration".into(),
            Pick::Pair(i) => format!("conflict {}", i + 1),
            Pick::Field(f) => f.as_str().into(),
            Pick::Manifest => "into dossier.toml".into(),
            Pick::State => "in the saved state only".into(),
        }
    }
}

/// A correction dialog: its title, what it is about, the line typed (when it takes
/// text), and the picker (filtered by the line when it names speakers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectDialog {
    pub step: Step,
    pub title: String,
    /// What the correction is about: the quote, the pair, the value now; a line each.
    pub about: Vec<String>,
    /// The input's label and text, when the step takes text.
    pub input: Option<(&'static str, String)>,
    /// Every row of the picker (see [`CorrectDialog::shown`]).
    pub choices: Vec<Choice>,
    pub selected: usize,
    /// Why Enter did nothing (an empty name, a bad date).
    pub error: Option<String>,
}

impl CorrectDialog {
    fn new(step: Step, title: impl Into<String>, about: Vec<String>) -> CorrectDialog {
        CorrectDialog {
            step,
            title: title.into(),
            about,
            input: None,
            choices: Vec::new(),
            selected: 0,
            error: None,
        }
    }

    /// True when letters are typed into the dialog (else they are commands, as in a
    /// picker).
    pub fn takes_text(&self) -> bool {
        self.input.is_some()
    }

    /// The rows shown now: those holding the typed text (a speaker picker then offers a
    /// new speaker of that name when no one is called so), in order.
    pub fn shown(&self) -> Vec<Choice> {
        let typed = self.input.as_ref().map_or("", |(_, t)| t.trim());
        let names = matches!(self.step, Step::QuoteSpeaker { .. } | Step::Merge { .. });
        if !names || typed.is_empty() {
            return self.choices.clone();
        }
        let low = typed.to_lowercase();
        let mut out: Vec<Choice> = self
            .choices
            .iter()
            .filter(|c| match &c.pick {
                // The name, or one of the other names the row lists ("… · also Kim").
                Pick::Name(n) => {
                    let also = c.detail.split_once("also ").map_or("", |(_, a)| a);
                    n.to_lowercase().contains(&low) || also.to_lowercase().contains(&low)
                }
                _ => true,
            })
            .cloned()
            .collect();
        let exact = self
            .choices
            .iter()
            .any(|c| matches!(&c.pick, Pick::Name(n) if n.eq_ignore_ascii_case(typed)));
        // "unk…" asks for no one known, not for a new speaker of that name (fewer
        // letters are as likely the start of a name: "U", "Un").
        if low.chars().count() >= 3 && "unknown".starts_with(&low) {
            out.sort_by_key(|c| c.pick != Pick::Unknown);
            return out;
        }
        if !exact && matches!(self.step, Step::QuoteSpeaker { .. }) {
            // After the speakers whose names hold the text (most often the one meant),
            // before "unknown".
            let at = out
                .iter()
                .position(|c| !matches!(c.pick, Pick::Name(_)))
                .unwrap_or(out.len());
            out.insert(at, Choice::new(Pick::NewName(typed.to_string()), ""));
        }
        out
    }
}

/// The longest note or value typed, in characters: a manifest field's bound, so what is
/// kept in the state could be written into `dossier.toml` too.
const MAX_TEXT: usize = crate::model::load::manifest::FIELD_MAX_CHARS;

mod ask;

impl App {
    /// A correction key, from the view that shows the thing corrected.
    pub(super) fn correction_key(&mut self, a: &Action) -> Option<Vec<Effect>> {
        if !matches!(
            a,
            Action::ReassignQuote
                | Action::RenameSpeaker
                | Action::MergeSpeaker
                | Action::SplitSpeaker
                | Action::JudgePair
                | Action::EditMeta
                | Action::Undo
        ) {
            return None;
        }
        if self.correct.off {
            self.message = Some(
                "corrections are off (--no-corrections): this is dossier's own reading".into(),
            );
            return Some(vec![]);
        }
        if matches!(self.overlay, Some(Overlay::Finder(_))) {
            // From the finder: to the passage first, as Enter goes (Esc comes back).
            self.finder_key(Action::Open);
        }
        match a {
            Action::ReassignQuote => self.ask_quote_speaker(),
            Action::RenameSpeaker => self.ask_rename(),
            Action::MergeSpeaker => self.ask_merge(),
            Action::SplitSpeaker => self.ask_split(),
            Action::JudgePair => self.ask_verdict(),
            Action::EditMeta => self.ask_meta(),
            _ => return Some(self.undo_correction()),
        }
        Some(vec![])
    }

    /// u: take back the last correction (this reader's or another's: the last saved).
    fn undo_correction(&mut self) -> Vec<Effect> {
        let Some(last) = self.state.corrections.last() else {
            self.message = Some("no correction to undo".into());
            return vec![];
        };
        self.message = Some(format!("undid: {}", summary(last)));
        vec![Effect::Save(Change::UndoCorrection)]
    }

    /// Keys while a correction dialog is open.
    pub(super) fn correct_key(&mut self, a: Action) -> Vec<Effect> {
        let Some(Overlay::Correct(dlg)) = &mut self.overlay else {
            return vec![];
        };
        let n = dlg.shown().len();
        match a {
            a if dlg
                .input
                .as_mut()
                .is_some_and(|(_, t)| super::line::edit(t, &a)) =>
            {
                dlg.error = None;
                dlg.selected = 0;
            }
            Action::Down => dlg.selected = (dlg.selected + 1).min(n.saturating_sub(1)),
            Action::Up => dlg.selected = dlg.selected.saturating_sub(1),
            Action::Top => dlg.selected = 0,
            Action::Bottom => dlg.selected = n.saturating_sub(1),
            Action::Back => self.overlay = None,
            Action::Open => {
                let dlg = (**dlg).clone();
                return match self.take(dlg) {
                    Ok(effects) => effects,
                    Err(why) => {
                        if let Some(Overlay::Correct(d)) = &mut self.overlay {
                            d.error = Some(why);
                        }
                        vec![]
                    }
                };
            }
            _ => {}
        }
        vec![]
    }

    /// Enter in the dialog: the next step, or the correction made; Err says why not.
    fn take(&mut self, dlg: CorrectDialog) -> Result<Vec<Effect>, String> {
        let typed = dlg
            .input
            .as_ref()
            .map(|(_, t)| t.trim().to_string())
            .unwrap_or_default();
        if typed.chars().count() > MAX_TEXT {
            return Err(format!("at most {MAX_TEXT} characters"));
        }
        let picked = dlg.shown().get(dlg.selected).map(|c| c.pick.clone());
        let made = match (dlg.step, picked) {
            (Step::QuoteSpeaker { anchor, old }, Some(pick)) => {
                let speaker = match pick {
                    Pick::Name(n) | Pick::NewName(n) => Some(n),
                    _ => None,
                };
                if speaker == old {
                    return Err("that is the speaker already".into());
                }
                let old = old.or_else(|| Some("unknown".into()));
                Correction::new(Edit::QuoteSpeaker { anchor, speaker }, old)
            }
            (Step::QuoteSpeaker { .. }, None) => return Err("type the speaker's name".into()),
            (Step::Rename { from }, _) => {
                self.check_new_name(&from, &typed)?;
                let edit = Edit::SpeakerRename {
                    from: from.clone(),
                    to: typed,
                };
                Correction::new(edit, Some(from))
            }
            (Step::Merge { from }, Some(Pick::Name(into))) => {
                let edit = Edit::SpeakerMerge {
                    from: from.clone(),
                    into,
                };
                Correction::new(edit, Some(from))
            }
            (Step::Split { speaker }, Some(Pick::Name(alias))) => {
                let edit = Edit::SpeakerSplit {
                    speaker: speaker.clone(),
                    alias,
                };
                Correction::new(edit, Some(speaker))
            }
            (Step::Conflicts { mut pairs }, Some(Pick::Pair(i))) if i < pairs.len() => {
                let (a, b, about) = pairs.swap_remove(i);
                self.overlay = Some(Overlay::Correct(Box::new(verdict_dialog(a, b, about))));
                return Ok(vec![]);
            }
            (Step::Verdict { a, b }, Some(Pick::Verdict(v))) => {
                let next = note_dialog(a, b, v, Relation::Conflict, dlg.about);
                self.overlay = Some(Overlay::Correct(Box::new(next)));
                return Ok(vec![]);
            }
            (Step::Note { a, b, verdict, was }, _) => {
                if verdict == Verdict::Explained && typed.is_empty() {
                    return Err("say why, in a few words (“different time”)".into());
                }
                let mut c =
                    Correction::new(Edit::Pair { a, b, verdict }, Some(was.as_str().into()));
                c.note = (!typed.is_empty()).then_some(typed);
                c
            }
            (Step::MetaField { article }, Some(Pick::Field(field))) => {
                self.ask_meta_value(article, field);
                return Ok(vec![]);
            }
            (
                Step::MetaValue {
                    article,
                    field,
                    old,
                },
                _,
            ) => {
                check_meta(field, &typed)?;
                if old.as_deref() == Some(typed.as_str()) {
                    return Err("that is the value already".into());
                }
                let edit = Edit::Meta {
                    article,
                    field,
                    value: typed,
                };
                let c = Correction::new(edit, old);
                if self.correct.folder.is_some() {
                    self.ask_where(c);
                    return Ok(vec![]);
                }
                c
            }
            (Step::MetaWhere { correction }, Some(Pick::Manifest)) => {
                let folder = self.correct.folder.clone().unwrap_or_default();
                self.overlay = None;
                self.message = Some(format!(
                    "writing {} into dossier.toml…",
                    summary(&correction)
                ));
                return Ok(vec![Effect::WriteManifest { folder, correction }]);
            }
            (Step::MetaWhere { correction }, _) => *correction,
            (_, _) => return Err("pick one (↑/↓, then Enter)".into()),
        };
        Ok(self.save_correction(made))
    }

    /// The dialog typing a new value of `field` of `article`.
    fn ask_meta_value(&mut self, article: String, field: MetaField) {
        let a = self.dossier.articles.iter().find(|a| a.file == article);
        let old = a.and_then(|a| meta_value(a, field)).map(str::to_string);
        let mut next = CorrectDialog::new(
            Step::MetaValue {
                article: article.clone(),
                field,
                old: old.clone(),
            },
            format!("{} of {article}", field.as_str()),
            vec![format!("now: {}", old.as_deref().unwrap_or("—"))],
        );
        if field == MetaField::Date {
            next.about
                .push("YYYY-MM-DD, or YYYY-MM-DDTHH:MM with the time".into());
        }
        next.input = Some(("Value", old.unwrap_or_default()));
        self.overlay = Some(Overlay::Correct(Box::new(next)));
    }

    /// The dialog asking where to keep a metadata correction: the folder's
    /// `dossier.toml`, or the saved state.
    fn ask_where(&mut self, c: Correction) {
        let folder = self.correct.folder.clone().unwrap_or_default();
        let about = vec![summary(&c), format!("dossier.toml in {}", folder.display())];
        let mut next = CorrectDialog::new(
            Step::MetaWhere {
                correction: Box::new(c),
            },
            "Keep it where?",
            about,
        );
        next.choices = vec![
            Choice::new(Pick::Manifest, "every tool reading the folder sees it"),
            Choice::new(Pick::State, "u undoes it; the folder is not changed"),
        ];
        self.overlay = Some(Overlay::Correct(Box::new(next)));
    }

    /// A rename's new name: not empty, not the same, not another speaker's name.
    fn check_new_name(&self, from: &str, to: &str) -> Result<(), String> {
        if to.is_empty() {
            return Err("type the new name".into());
        }
        if to == from {
            return Err("that is the name already".into());
        }
        let taken = self
            .dossier
            .people
            .iter()
            .find(|p| p.name != from && p.name.eq_ignore_ascii_case(to));
        match taken {
            Some(p) => Err(format!("{} is another speaker: M merges the two", p.name)),
            None => Ok(()),
        }
    }

    /// Close the dialog and save the correction (the driver stamps its time).
    fn save_correction(&mut self, c: Correction) -> Vec<Effect> {
        self.overlay = None;
        self.message = Some(format!("corrected: {} (u undoes)", summary(&c)));
        vec![Effect::Save(Change::AddCorrection(Box::new(c)))]
    }

    /// After the state was read or saved: when its corrections are not those shown, ask
    /// for them to be applied.
    pub(super) fn corrections_changed(&mut self) -> Vec<Effect> {
        if self.correct.off || self.state.corrections == self.correct.applied {
            return vec![];
        }
        self.correct.applied = self.state.corrections.clone();
        self.correct.applying = true;
        vec![Effect::ApplyCorrections(self.correct.applied.clone())]
    }

    /// The dossier with the corrections applied: show it, and analyse it again.
    pub(super) fn corrected(&mut self, c: CorrectedDossier) -> Vec<Effect> {
        if c.list != self.correct.applied {
            // A later list was asked for meanwhile: its answer is coming.
            return vec![];
        }
        self.dossier = c.dossier;
        self.correct.applying = false;
        // The finder's rows and the wrapped rows name speakers: built again when needed.
        self.finder = None;
        self.wraps = Default::default();
        let applied = &self.dossier.corrected;
        if let Some(st) = &mut self.compare {
            if let Some(cmp) = st.comparison.clone() {
                st.set_comparison(cmp, applied);
            }
        }
        self.note_stale();
        self.fix_readers();
        self.start_analysis()
    }

    /// Say how many corrections no longer find their text or speaker (they stay saved).
    pub fn note_stale(&mut self) {
        let stale = self.dossier.corrected.stale.len();
        if stale > 0 {
            let s = if stale == 1 {
                " no longer applies"
            } else {
                "s no longer apply"
            };
            self.note_message(format!(
                "{stale} correction{s} (dossier corrections lists them)"
            ));
        }
    }

    /// A metadata field was written into `dossier.toml` (and applied by the driver to
    /// dossier's own reading), or not: then it is kept in the state instead.
    pub(super) fn manifest_written(
        &mut self,
        r: Result<PathBuf, (String, Box<Correction>)>,
    ) -> Vec<Effect> {
        match r {
            Ok(path) => {
                self.message = Some(format!("written into {}", path.display()));
                // Dossier's own reading changed under the corrections: apply them again.
                self.correct.applied = self.state.corrections.clone();
                self.correct.applying = true;
                vec![Effect::ApplyCorrections(self.correct.applied.clone())]
            }
            Err((why, c)) => {
                let effects = self.save_correction(*c);
                self.message = Some(format!(
                    "dossier.toml not changed ({why}); kept in dossier's saved state instead"
                ));
                effects
            }
        }
    }

    /// Run the dossier-wide analysis again (on the corrected dossier).
    fn start_analysis(&mut self) -> Vec<Effect> {
        if self.dossier.articles.len() < 2 {
            return vec![];
        }
        let steps = crate::tui::analysis::steps(self.dossier.articles.len());
        self.progress = Some((0, steps));
        vec![Effect::Analyse]
    }
}

/// The dialog asking what a conflict is instead: not one, or explained.
fn verdict_dialog(a: Anchor, b: Anchor, about: Vec<String>) -> CorrectDialog {
    let mut dlg = CorrectDialog::new(Step::Verdict { a, b }, "This conflict is…", about);
    dlg.choices = vec![
        Choice::new(
            Pick::Verdict(Verdict::NotAConflict),
            "the figures measure different things",
        ),
        Choice::new(
            Pick::Verdict(Verdict::Explained),
            "a reason: different time, one district only…",
        ),
    ];
    dlg
}

/// The dialog asking for a pair verdict's note.
fn note_dialog(
    a: Anchor,
    b: Anchor,
    verdict: Verdict,
    was: Relation,
    about: Vec<String>,
) -> CorrectDialog {
    let title = match verdict {
        Verdict::NotAConflict => "Not a conflict",
        Verdict::Explained => "Explained: why?",
        Verdict::NotCorroborated => "Not a corroboration",
    };
    let mut dlg = CorrectDialog::new(Step::Note { a, b, verdict, was }, title, about);
    let label = if verdict == Verdict::Explained {
        "Why"
    } else {
        "Note (optional)"
    };
    dlg.input = Some((label, String::new()));
    dlg
}

/// An article's value of a metadata field.
fn meta_value(a: &crate::model::Article, f: MetaField) -> Option<&str> {
    f.get(&a.meta)
}

/// A metadata value as `dossier correct` takes it: not empty, a date as the manifest's.
fn check_meta(field: MetaField, value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err(format!("type the {}", field.as_str()));
    }
    if field == MetaField::Date && !crate::model::load::manifest::is_date(value) {
        return Err("a date is YYYY-MM-DD, or YYYY-MM-DDTHH:MM".into());
    }
    Ok(())
}

/// A correction in a few words, for the status bar.
pub fn summary(c: &Correction) -> String {
    match &c.edit {
        Edit::SpeakerRename { from, to } => format!("{from} renamed {to}"),
        Edit::SpeakerMerge { from, into } => format!("{from} merged into {into}"),
        Edit::SpeakerSplit { speaker, alias } => format!("{alias} split off {speaker}"),
        Edit::QuoteSpeaker { speaker, .. } => format!(
            "the quote is by {}",
            speaker.as_deref().unwrap_or("no one known")
        ),
        Edit::Pair { verdict, .. } => match &c.note {
            Some(n) => format!("pair {}: {n}", verdict.as_str()),
            None => format!("pair {}", verdict.as_str()),
        },
        Edit::Meta {
            article,
            field,
            value,
        } => format!("{} of {article} is {value}", field.as_str()),
    }
}

#[cfg(test)]
mod tests;
