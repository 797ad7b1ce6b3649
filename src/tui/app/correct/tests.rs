//! The correction dialogs, driven by actions on an invented two-article dossier, with a
//! stand-in driver that saves to an in-memory state and applies corrections as the real
//! one does.

use super::*;
use crate::model::load::from_files;
use crate::model::quotes::QuoteId;
use crate::model::LoadOptions;
use crate::state::{Loaded, State};
use crate::tui::action::Action as A;
use crate::tui::app::{Focus, Mark, Side};
use crate::tui::fixtures::type_text;
use crate::tui::keymap::Mode;
use crate::tui::theme::Theme;

/// A mayor and a port director quoted; the two articles give 40 and 45 boats, and both
/// quote the mayor's "We are ready for the boats".
const A_TXT: &str = "Harbour plan approved\n\n\
Mayor Ada Lind said on Monday the harbour would reopen in May. \"We are ready for the boats,\" Lind said.\n\n\
\"The work starts now,\" said Tom Berg, the port director. Berg said 40 boats were waiting.\n";
const B_TXT: &str = "Port set to reopen\n\n\
Port director Tom Berg said 45 boats were waiting outside the harbour on Monday.\n\n\
\"We are ready for the boats,\" Mayor Ada Lind told reporters.\n";

fn harbour() -> Dossier {
    let files =
        [("a.txt", A_TXT), ("b.txt", B_TXT)].map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()));
    from_files("Harbour", files, &LoadOptions::default())
}

/// The reader on [`harbour`] and what its driver holds: dossier's own reading and the
/// state on "disk".
struct Rig {
    app: App,
    raw: Arc<Dossier>,
    disk: State,
}

impl Rig {
    fn new() -> Rig {
        let raw = Arc::new(harbour());
        let mut app = App::new(raw.clone(), Theme::colored());
        app.update(A::Resize(120, 40));
        Rig {
            app,
            raw,
            disk: State::default(),
        }
    }

    /// Apply actions, carrying out the effects they ask for as the driver would.
    fn keys(&mut self, actions: impl IntoIterator<Item = A>) -> Vec<Effect> {
        let mut seen = Vec::new();
        for a in actions {
            let e = self.app.update(a);
            seen.extend(self.drive(e));
        }
        seen
    }

    /// Carry out effects (and those their answers ask for); returns them all.
    fn drive(&mut self, effects: Vec<Effect>) -> Vec<Effect> {
        let mut all = Vec::new();
        let mut todo = effects;
        while !todo.is_empty() {
            let mut next = Vec::new();
            for e in todo {
                all.push(e.clone());
                let answer = match e {
                    Effect::Save(c) => {
                        self.disk.apply(c);
                        A::Saved(Ok(Box::new(Loaded {
                            state: self.disk.clone(),
                            ..Loaded::default()
                        })))
                    }
                    Effect::ApplyCorrections(list) => {
                        let mut d = Dossier::clone(&self.raw);
                        crate::model::corrections::apply(&mut d, &list);
                        A::Corrected(CorrectedDossier {
                            dossier: Arc::new(d),
                            list,
                        })
                    }
                    Effect::Analyse => A::AnalysisReady(Arc::new(crate::tui::analysis::analyse(
                        &self.app.dossier,
                        |_, _| {},
                    ))),
                    _ => continue,
                };
                next.extend(self.app.update(answer));
            }
            todo = next;
        }
        all
    }

    /// Put the article pane's cursor on the quote holding `needle`.
    #[track_caller]
    fn cursor_on(&mut self, article: usize, needle: &str) {
        let d = self.app.dossier.clone();
        let at = d.articles[article].text.find(needle).expect("needle");
        let unit = self.app.units[article]
            .iter()
            .position(|u| u.span.start <= at && at < u.span.end)
            .expect("a unit there");
        self.app.selected = article;
        self.app.reader = crate::tui::app::Reader::new(crate::model::ArticleId(article));
        self.app.reader.cursor = unit;
        self.app.focus = Focus::Article;
    }

    /// The speaker of the quote holding `needle` in the shown dossier.
    #[track_caller]
    fn speaker(&self, article: usize, needle: &str) -> Option<String> {
        let d = &self.app.dossier;
        let at = d.articles[article].text.find(needle).expect("needle");
        let q = d
            .quotes
            .iter()
            .find(|q| q.article().0 == article && q.span().start <= at && at < q.span().end)
            .expect("a quote there");
        q.speaker().map(|p| d.people[p.0].name.clone())
    }

    fn dialog(&self) -> &CorrectDialog {
        match &self.app.overlay {
            Some(Overlay::Correct(d)) => d,
            o => panic!("no correction dialog: {o:?}"),
        }
    }

    /// The compare view of a.txt and b.txt, its comparison in.
    fn compare(&mut self) {
        self.app.focus = Focus::Sources;
        self.keys([A::AnalysisReady(Arc::new(crate::tui::analysis::analyse(
            &self.app.dossier,
            |_, _| {},
        )))]);
        self.keys([A::Compare, A::Open]);
        assert_eq!(self.app.focus, Focus::Compare);
        assert!(self.app.compare.as_ref().unwrap().comparison.is_some());
    }

    /// Put the compare view's left cursor on the claim holding `needle` in a.txt.
    #[track_caller]
    fn compare_on(&mut self, needle: &str) {
        let at = self.app.dossier.articles[0]
            .text
            .find(needle)
            .expect("needle");
        let unit = self.app.units[0]
            .iter()
            .position(|u| u.span.start <= at && at < u.span.end)
            .expect("a unit there");
        let st = self.app.compare.as_mut().unwrap();
        st.active = Side::Left;
        st.sides[0].cursor = unit;
    }

    /// The mark of the left claim holding `needle`.
    fn left_mark(&self, needle: &str) -> Mark {
        let at = self.app.dossier.articles[0]
            .text
            .find(needle)
            .expect("needle");
        let st = self.app.compare.as_ref().unwrap();
        st.claims[0]
            .iter()
            .filter(|c| c.span.start <= at && at < c.span.end)
            .map(|c| c.mark)
            .max()
            .expect("a claim there")
    }
}

/// The fixture reads as the tests expect (guards the fixture itself).
#[test]
fn fixture_reading() {
    let r = Rig::new();
    assert_eq!(r.speaker(0, "The work starts"), Some("Tom Berg".into()));
    assert_eq!(r.speaker(0, "We are ready"), Some("Ada Lind".into()));
}

/// A on a quote, a speaker picked by typing part of the name: the quote is theirs, in
/// the dossier shown, with dossier's own speaker kept beside it.
#[test]
fn reassign_quote_to_a_picked_speaker() {
    let mut r = Rig::new();
    r.cursor_on(0, "The work starts");
    r.keys([A::ReassignQuote]);
    assert_eq!(r.app.mode(), Mode::Correct);
    type_text(&mut r.app, "ada");
    assert_eq!(r.dialog().shown()[0].pick, Pick::Name("Ada Lind".into()));
    let effects = r.keys([A::Open]);
    assert!(r.app.overlay.is_none());
    assert!(effects.contains(&Effect::Analyse), "{effects:?}");
    assert!(
        !r.app.busy(),
        "the corrected dossier came: nothing to wait for"
    );
    assert_eq!(r.speaker(0, "The work starts"), Some("Ada Lind".into()));
    let d = &r.app.dossier;
    let q = (0..d.quotes.len()).position(|q| d.how(QuoteId(q)) == Some("correction"));
    let detected = r.app.dossier.corrected.quote_detected(QuoteId(q.unwrap()));
    assert_eq!(detected.flatten().map(|(n, _)| n), Some("Tom Berg"));
    assert_eq!(r.disk.corrections.len(), 1);
}

/// A name no speaker has makes a new speaker; the last row gives the quote to no one.
#[test]
fn reassign_quote_to_new_speaker_or_unknown() {
    let mut r = Rig::new();
    r.cursor_on(0, "The work starts");
    r.keys([A::ReassignQuote]);
    type_text(&mut r.app, "Eva Holm");
    assert_eq!(r.dialog().shown()[0].pick, Pick::NewName("Eva Holm".into()));
    r.keys([A::Open]);
    assert_eq!(r.speaker(0, "The work starts"), Some("Eva Holm".into()));
    r.keys([A::ReassignQuote, A::Bottom, A::Open]);
    assert_eq!(r.speaker(0, "The work starts"), None);
}

/// Typing "unkn" in the speaker picker offers no one known first, not a new speaker
/// called so; one letter, or a name that only starts like it ("Una Berg"), is a name.
#[test]
fn typing_unknown_picks_no_one() {
    let mut r = Rig::new();
    r.cursor_on(0, "The work starts");
    r.keys([A::ReassignQuote]);
    type_text(&mut r.app, "unkn");
    assert_eq!(r.dialog().shown()[0].pick, Pick::Unknown);
    r.keys([A::ClearLine]);
    type_text(&mut r.app, "u");
    assert_eq!(r.dialog().shown()[0].pick, Pick::NewName("u".into()));
    r.keys([A::ClearLine]);
    type_text(&mut r.app, "Una Berg");
    assert_eq!(r.dialog().shown()[0].pick, Pick::NewName("Una Berg".into()));
}

/// A where the cursor is on no quote opens nothing and says why.
#[test]
fn reassign_needs_a_quote_at_the_cursor() {
    let mut r = Rig::new();
    r.cursor_on(0, "Harbour plan");
    r.keys([A::ReassignQuote]);
    assert!(r.app.overlay.is_none());
    assert!(r.app.message.as_deref().unwrap().contains("no quote"));
}

/// R renames the speaker everywhere; a name another speaker has is refused (merge is
/// the way), and nothing is saved.
#[test]
fn rename_speaker_and_refuse_another_speakers_name() {
    let mut r = Rig::new();
    r.cursor_on(0, "The work starts");
    r.keys([A::RenameSpeaker, A::ClearLine]);
    type_text(&mut r.app, "ada lind");
    let e = r.keys([A::Open]);
    assert!(e.is_empty(), "{e:?}");
    assert!(r.dialog().error.as_deref().unwrap().contains("merges"));
    r.keys([A::ClearLine]);
    type_text(&mut r.app, "Tom Bergström");
    r.keys([A::Open]);
    assert_eq!(
        r.speaker(0, "The work starts"),
        Some("Tom Bergström".into())
    );
    let p = r
        .app
        .dossier
        .people
        .iter()
        .find(|p| p.name == "Tom Bergström");
    assert!(p.unwrap().aliases.iter().any(|a| a == "Tom Berg"));
}

/// M merges the quote's speaker into the one picked: its quotes go there.
#[test]
fn merge_speaker_into_picked() {
    let mut r = Rig::new();
    r.cursor_on(0, "The work starts");
    r.keys([A::MergeSpeaker]);
    type_text(&mut r.app, "lind");
    r.keys([A::Open]);
    assert_eq!(r.speaker(0, "The work starts"), Some("Ada Lind".into()));
    assert!(!r.app.dossier.people.iter().any(|p| p.name == "Tom Berg"));
}

/// S splits a name off the quote's speaker: the quotes credited to that form go to a
/// new speaker of that name; a speaker with one name has nothing to split.
#[test]
fn split_alias_off_speaker() {
    let mut r = Rig::new();
    r.cursor_on(0, "We are ready");
    let aliases = {
        let d = &r.app.dossier;
        d.people
            .iter()
            .find(|p| p.name == "Ada Lind")
            .unwrap()
            .aliases
            .clone()
    };
    assert!(aliases.iter().any(|a| a == "Lind"), "{aliases:?}");
    r.keys([A::SplitSpeaker]);
    assert_eq!(r.app.mode(), Mode::Pick, "a picker: letters are commands");
    let at = r
        .dialog()
        .shown()
        .iter()
        .position(|c| c.pick == Pick::Name("Lind".into()))
        .unwrap();
    for _ in 0..at {
        r.keys([A::Down]);
    }
    r.keys([A::Open]);
    assert_eq!(r.speaker(0, "We are ready"), Some("Lind".into()));
    assert_eq!(r.speaker(1, "We are ready"), Some("Ada Lind".into()));
}

/// W on a conflict, "not a conflict": the pair is related at once (no longer marked
/// conflicting), with the note kept; judging it again is refused.
#[test]
fn conflict_not_a_conflict() {
    let mut r = Rig::new();
    r.compare();
    r.compare_on("40 boats");
    assert_eq!(r.left_mark("40 boats"), Mark::Conflict);
    r.keys([A::JudgePair]);
    assert_eq!(r.app.mode(), Mode::Pick);
    r.keys([A::Open]);
    assert_eq!(r.app.mode(), Mode::Correct, "then the note");
    type_text(&mut r.app, "different day");
    r.keys([A::Open]);
    assert_eq!(r.left_mark("40 boats"), Mark::Only);
    let st = r.app.compare.as_ref().unwrap();
    let v = st.judged.iter().flatten().next().expect("a judged pair");
    assert_eq!(v.verdict, Verdict::NotAConflict);
    assert_eq!(v.note.as_deref(), Some("different day"));
    r.keys([A::JudgePair]);
    assert!(r.app.overlay.is_none());
    assert!(r.app.message.as_deref().unwrap().contains("judged already"));
}

/// "explained" needs its note: Enter on an empty one says so and saves nothing.
#[test]
fn conflict_explained_needs_a_note() {
    let mut r = Rig::new();
    r.compare();
    r.compare_on("40 boats");
    r.keys([A::JudgePair, A::Down, A::Open]);
    let e = r.keys([A::Open]);
    assert!(e.is_empty(), "{e:?}");
    assert!(r.dialog().error.is_some());
    type_text(&mut r.app, "counted later");
    r.keys([A::Open]);
    let c = r.disk.corrections.last().unwrap();
    assert!(matches!(
        c.edit,
        Edit::Pair {
            verdict: Verdict::Explained,
            ..
        }
    ));
    assert_eq!(c.note.as_deref(), Some("counted later"));
    assert_eq!(r.left_mark("40 boats"), Mark::Only);
}

/// W on a corroboration: no corroboration (a note is optional), related at once.
#[test]
fn corroboration_wrong() {
    let mut r = Rig::new();
    r.compare();
    r.compare_on("We are ready");
    assert_eq!(r.left_mark("We are ready"), Mark::Agree);
    r.keys([A::JudgePair]);
    assert_eq!(r.app.mode(), Mode::Correct);
    r.keys([A::Open]);
    assert!(matches!(
        r.disk.corrections[0].edit,
        Edit::Pair {
            verdict: Verdict::NotCorroborated,
            ..
        }
    ));
    assert_eq!(r.left_mark("We are ready"), Mark::Only);
}

/// e on a source: pick the field, type the value; with no folder (the bundled dossier)
/// it is kept in the state and shown at once.
#[test]
fn metadata_kept_in_state() {
    let mut r = Rig::new();
    r.keys([A::EditMeta]);
    assert_eq!(r.dialog().shown().len(), 5);
    r.keys([A::Open, A::ClearLine]);
    type_text(&mut r.app, "Harbour Times");
    r.keys([A::Open]);
    assert_eq!(
        r.app.dossier.articles[0].meta.outlet.as_deref(),
        Some("Harbour Times")
    );
    assert_eq!(r.disk.corrections.len(), 1);
}

/// With a folder, the dialog asks where: "write it into dossier.toml" asks the driver
/// to, and saves nothing in the state.
#[test]
fn metadata_offered_to_manifest() {
    let mut r = Rig::new();
    r.app.correct.folder = Some(PathBuf::from("/tmp/harbour"));
    r.keys([A::EditMeta, A::Down, A::Open, A::ClearLine]);
    type_text(&mut r.app, "Harbour to reopen in May");
    r.keys([A::Open]);
    assert!(matches!(r.dialog().step, Step::MetaWhere { .. }));
    let e = r.keys([A::Open]);
    match &e[..] {
        [Effect::WriteManifest { folder, correction }] => {
            assert_eq!(folder, &PathBuf::from("/tmp/harbour"));
            assert!(matches!(
                &correction.edit,
                Edit::Meta { field: MetaField::Title, value, .. } if value == "Harbour to reopen in May"
            ));
        }
        other => panic!("{other:?}"),
    }
    assert!(r.disk.corrections.is_empty());
}

/// A manifest that could not be written keeps the correction in the state instead.
#[test]
fn metadata_manifest_failure_keeps_it_in_state() {
    let mut r = Rig::new();
    let c = Correction::new(
        Edit::Meta {
            article: "a.txt".into(),
            field: MetaField::Author,
            value: "Jo Ek".into(),
        },
        None,
    );
    let e = r
        .app
        .update(A::ManifestWritten(Err(("read-only".into(), Box::new(c)))));
    r.drive(e);
    assert_eq!(
        r.app.dossier.articles[0].meta.author.as_deref(),
        Some("Jo Ek")
    );
    assert!(r.app.message.as_deref().unwrap().contains("read-only"));
}

/// A date that is no date is refused in the dialog; one with a time is taken.
#[test]
fn metadata_date_checked() {
    let mut r = Rig::new();
    r.keys([A::EditMeta, A::Down, A::Down, A::Open, A::ClearLine]);
    type_text(&mut r.app, "last Monday");
    let e = r.keys([A::Open]);
    assert!(e.is_empty());
    assert!(r.dialog().error.as_deref().unwrap().contains("YYYY"));
    r.keys([A::ClearLine]);
    type_text(&mut r.app, "2025-05-12T09:30");
    r.keys([A::Open]);
    assert_eq!(
        r.app.dossier.articles[0].meta.date.as_deref(),
        Some("2025-05-12T09:30")
    );
}

/// u takes back the last correction and the dossier shows dossier's reading again;
/// with none, it says so.
#[test]
fn undo_restores_dossiers_reading() {
    let mut r = Rig::new();
    let e = r.keys([A::Undo]);
    assert!(e.is_empty());
    assert_eq!(r.app.message.as_deref(), Some("no correction to undo"));
    r.cursor_on(0, "The work starts");
    r.keys([A::ReassignQuote, A::Bottom, A::Open]);
    assert_eq!(r.speaker(0, "The work starts"), None);
    r.keys([A::Undo]);
    assert!(r.disk.corrections.is_empty());
    assert_eq!(r.speaker(0, "The work starts"), Some("Tom Berg".into()));
    assert!(r.app.dossier.corrected.is_empty());
}

/// Another reader's correction, arriving with the state saved, is applied too.
#[test]
fn other_readers_corrections_are_applied() {
    let mut r = Rig::new();
    let c = Correction::new(
        Edit::SpeakerRename {
            from: "Tom Berg".into(),
            to: "Tomas Berg".into(),
        },
        None,
    );
    r.disk.apply(Change::AddCorrection(Box::new(c)));
    r.keys([A::Saved(Ok(Box::new(Loaded {
        state: r.disk.clone(),
        ..Loaded::default()
    })))]);
    assert_eq!(r.speaker(0, "The work starts"), Some("Tomas Berg".into()));
}

/// A corrected dossier for a list no longer wanted (a later one was asked for) is not
/// shown.
#[test]
fn stale_corrected_dossier_is_ignored() {
    let mut r = Rig::new();
    r.app.correct.applied = vec![Correction::new(
        Edit::SpeakerRename {
            from: "Tom Berg".into(),
            to: "X".into(),
        },
        None,
    )];
    let mut d = Dossier::clone(&r.raw);
    d.people[0].name = "changed".into();
    r.app.correct.applying = true;
    let before = r.app.dossier.clone();
    let e = r.app.update(A::Corrected(CorrectedDossier {
        dossier: Arc::new(d),
        list: vec![],
    }));
    assert!(e.is_empty());
    assert!(Arc::ptr_eq(&before, &r.app.dossier));
    assert!(r.app.busy(), "still waiting for the list asked for");
}

/// Under --no-corrections the keys make nothing and say why.
#[test]
fn corrections_off() {
    let mut r = Rig::new();
    r.app.correct.off = true;
    r.cursor_on(0, "The work starts");
    for a in [A::ReassignQuote, A::EditMeta, A::Undo] {
        let e = r.keys([a]);
        assert!(e.is_empty() && r.app.overlay.is_none());
        assert!(r
            .app
            .message
            .as_deref()
            .unwrap()
            .contains("--no-corrections"));
    }
}

/// Esc closes a dialog and saves nothing.
#[test]
fn escape_cancels() {
    let mut r = Rig::new();
    r.cursor_on(0, "The work starts");
    r.keys([A::RenameSpeaker]);
    let e = r.keys([A::Back]);
    assert!(e.is_empty() && r.app.overlay.is_none());
    assert!(r.disk.corrections.is_empty());
}

/// A correction whose speaker is gone is reported when applied, not dropped.
#[test]
fn stale_correction_reported() {
    let mut r = Rig::new();
    let c = Correction::new(
        Edit::SpeakerRename {
            from: "Nobody Here".into(),
            to: "X".into(),
        },
        None,
    );
    r.disk.apply(Change::AddCorrection(Box::new(c)));
    r.keys([A::Saved(Ok(Box::new(Loaded {
        state: r.disk.clone(),
        ..Loaded::default()
    })))]);
    let m = r.app.message.clone().unwrap_or_default();
    assert!(m.contains("1 correction no longer applies"), "{m}");
    assert_eq!(r.disk.corrections.len(), 1);
}

/// W in the matrix on a row whose claim is in conflict: not a conflict, and the new
/// analysis no longer counts it; a row with no conflict has nothing to judge.
#[test]
fn matrix_conflict_not_a_conflict() {
    let mut r = Rig::new();
    r.compare();
    let an = r.app.analysis.clone().unwrap();
    let row = an
        .matrix
        .rows
        .iter()
        .position(|row| !an.clusters[row.cluster].conflicts.is_empty())
        .expect("a row in conflict");
    let calm = an
        .matrix
        .rows
        .iter()
        .position(|row| an.clusters[row.cluster].conflicts.is_empty());
    r.keys([A::Back, A::Matrix]);
    assert_eq!(r.app.focus, Focus::Matrix);
    if let Some(calm) = calm {
        r.app.matrix.row = calm;
        r.keys([A::JudgePair]);
        assert!(r.app.overlay.is_none());
    }
    r.app.matrix.row = row;
    r.keys([A::JudgePair]);
    assert!(matches!(r.dialog().step, Step::Verdict { .. }));
    r.keys([A::Open, A::Open]);
    assert_eq!(r.disk.corrections.len(), 1);
    let an = r.app.analysis.clone().unwrap();
    assert!(an.clusters.iter().all(|c| c.conflicts.is_empty()), "{an:?}");
    assert_eq!(an.judged.iter().flatten().count(), 1);
}

/// Ctrl-a in the finder on a quote: to its passage, then whose quote it is.
#[test]
fn reassign_from_the_finder() {
    let mut r = Rig::new();
    r.keys([A::Finder]);
    type_text(&mut r.app, "work starts");
    r.app.update(A::Tick);
    for _ in 0..50 {
        if r.app
            .finder
            .as_ref()
            .is_some_and(|f| !f.hits().is_empty() && !f.is_running())
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        r.app.update(A::Tick);
    }
    r.keys([A::ReassignQuote]);
    assert_eq!(r.app.focus, Focus::Article);
    assert!(matches!(r.dialog().step, Step::QuoteSpeaker { .. }));
    type_text(&mut r.app, "Ada");
    r.keys([A::Open]);
    assert_eq!(r.speaker(0, "The work starts"), Some("Ada Lind".into()));
}

/// In the speakers view, R renames the selected speaker: no quote needs to be under a
/// cursor, since the table shows the speaker itself.
#[test]
fn rename_from_speakers_view() {
    let mut r = Rig::new();
    r.keys([A::Speakers]);
    assert_eq!(r.app.focus, Focus::Speakers);
    let p = r.app.selected_speaker().expect("a speaker selected");
    let old = r.app.dossier.people[p.0].name.clone();
    r.keys([A::RenameSpeaker, A::ClearLine]);
    assert!(r.dialog().title.contains(&old), "{}", r.dialog().title);
    type_text(&mut r.app, "Someone Else");
    r.keys([A::Open]);
    assert!(r
        .app
        .dossier
        .people
        .iter()
        .any(|p| p.name == "Someone Else"));
    assert!(!r.app.dossier.people.iter().any(|p| p.name == old));
}

/// A in the speakers table (no quote listed) reassigns nothing: a quote must be picked
/// first, so no quote is moved by accident.
#[test]
fn reassign_in_speakers_table_needs_a_quote() {
    let mut r = Rig::new();
    r.keys([A::Speakers]);
    let e = r.keys([A::ReassignQuote]);
    assert!(e.is_empty(), "{e:?}");
    assert!(r.app.overlay.is_none());
    assert!(r.app.message.as_deref().unwrap().contains("no quote"));
}

/// W in the figures view judges the selected figure's conflict: the boats stated as 40
/// and 45 are no longer marked `≠` once judged not a conflict, here and for the command
/// line's reading of the same verdict; a figure in no conflict has nothing to judge.
#[test]
fn figures_conflict_not_a_conflict() {
    use crate::model::analysis::{conflicted, open_conflicts};
    use crate::tui::app::figures::FiguresSide;
    let mut r = Rig::new();
    r.keys([A::AnalysisReady(Arc::new(crate::tui::analysis::analyse(
        &r.app.dossier,
        |_, _| {},
    )))]);
    r.keys([A::Figures]);
    assert_eq!(r.app.focus, Focus::Figures);
    let qs = r.app.quantities().unwrap().to_vec();
    let qi = qs
        .iter()
        .position(|q| !q.conflicts.is_empty())
        .expect("the boats in conflict");
    let shown = r.app.figures.shown(qs.len());
    r.app.figures.selected = shown.iter().position(|&i| i == qi).unwrap();
    r.app.figures.side = FiguresSide::Timeline;
    assert_eq!(open_conflicts(&r.app.dossier, &qs[qi]).count(), 1);
    r.keys([A::JudgePair]);
    assert!(matches!(r.dialog().step, Step::Verdict { .. }));
    r.keys([A::Open, A::Open]);
    assert_eq!(r.disk.corrections.len(), 1);
    let q = &r.app.quantities().unwrap()[qi];
    assert_eq!(open_conflicts(&r.app.dossier, q).count(), 0);
    assert!(conflicted(&r.app.dossier, q).iter().all(|&c| !c));
    // Judged already: W says there is nothing left to judge.
    r.keys([A::JudgePair]);
    assert!(r.app.overlay.is_none());
    assert!(r
        .app
        .message
        .as_deref()
        .unwrap_or("")
        .contains("no conflict"));
}
