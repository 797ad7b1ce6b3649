//! Opening the correction dialogs, each from the view that shows what it corrects: the
//! quote at the cursor (its speaker), the pair at the compare view's cursor, the source
//! selected.

use super::{meta_value, note_dialog, verdict_dialog, Choice, CorrectDialog, Pick, Step};
use crate::model::analysis::{brief_figure, open_conflicts};
use crate::model::claims::Relation;
use crate::model::claims::{ClusterConflict, FigureConflict};
use crate::model::corrections::{Anchor, MetaField, Verdict};
use crate::model::quotes::QuoteId;
use crate::model::ArticleId;
use crate::tui::app::figures::FiguresSide;
use crate::tui::app::{App, Focus, Overlay};

/// Characters of each figure in the conflict picker: two briefs, two outlets and " vs " fit
/// the picker's line at 60 columns (about 52 characters) when the outlets are short.
const BRIEF: usize = 14;

impl App {
    /// The quote under the cursor of the article pane or the compare view's active side.
    pub(super) fn quote_at_cursor(&self) -> Option<QuoteId> {
        let r = match self.focus {
            Focus::Article => self.reader,
            Focus::Compare => self.compare.as_ref().map(|c| c.sides[c.active.idx()])?,
            // The speakers view's list of one speaker's quotes: the quote selected.
            Focus::Speakers => {
                return self
                    .speakers
                    .quote
                    .and_then(|i| self.speaker_quotes().get(i).copied())
            }
            _ => return None,
        };
        let unit = self.units[r.article.0].get(r.cursor)?;
        self.dossier
            .quotes
            .iter()
            .position(|q| q.article() == r.article && q.span().overlaps(unit.span))
            .map(QuoteId)
    }

    /// The quote at the cursor, or a message saying there is none.
    pub(super) fn cursor_quote_or_say(&mut self) -> Option<QuoteId> {
        let q = self.quote_at_cursor();
        if q.is_none() && self.focus == Focus::Speakers {
            self.message =
                Some("no quote picked: Enter lists the speaker's quotes, then A on one".into());
        } else if q.is_none() {
            self.message = Some(
                "no quote at the cursor: move onto a quote (\" finds one) to correct its speaker"
                    .into(),
            );
        }
        q
    }

    /// The speaker's name of quote `q`, if it has one.
    pub(super) fn speaker_of(&self, q: QuoteId) -> Option<String> {
        let p = self.dossier.quotes[q.0].speaker()?;
        self.dossier.people.get(p.0).map(|p| p.name.clone())
    }

    /// The quote's text and its source, for the dialog.
    pub(super) fn quote_about(&self, q: QuoteId) -> String {
        let quote = &self.dossier.quotes[q.0];
        let a = self.dossier.article(quote.article());
        format!("“{}” ({})", a.slice(quote.span()).trim(), a.source_name())
    }

    /// Every speaker but `except`, most quoted first, as picker rows.
    pub(super) fn speaker_choices(&self, except: Option<&str>) -> Vec<Choice> {
        let mut people: Vec<&crate::model::people::Person> = self
            .dossier
            .people
            .iter()
            .filter(|p| Some(p.name.as_str()) != except)
            .collect();
        people.sort_by(|a, b| {
            b.quotes
                .len()
                .cmp(&a.quotes.len())
                .then(a.name.cmp(&b.name))
        });
        people
            .into_iter()
            .map(|p| {
                let n = p.quotes.len();
                let mut detail = format!("{n} quote{}", if n == 1 { "" } else { "s" });
                if !p.aliases.is_empty() {
                    detail.push_str(&format!(" · also {}", p.aliases.join(", ")));
                }
                Choice::new(Pick::Name(p.name.clone()), detail)
            })
            .collect()
    }

    /// A: give the quote at the cursor to another speaker or to no one.
    pub(super) fn ask_quote_speaker(&mut self) {
        let Some(q) = self.cursor_quote_or_say() else {
            return;
        };
        let quote = &self.dossier.quotes[q.0];
        let anchor = Anchor::new(self.dossier.article(quote.article()), quote.span());
        let old = self.speaker_of(q);
        let about = vec![
            self.quote_about(q),
            format!("now: {}", old.as_deref().unwrap_or("unknown speaker")),
        ];
        let mut dlg = CorrectDialog::new(
            Step::QuoteSpeaker {
                anchor,
                old: old.clone(),
            },
            "Whose quote is this?",
            about,
        );
        dlg.input = Some(("Speaker", String::new()));
        dlg.choices = self.speaker_choices(old.as_deref());
        if old.is_some() {
            dlg.choices.push(Choice::new(Pick::Unknown, ""));
        }
        self.overlay = Some(Overlay::Correct(Box::new(dlg)));
    }

    /// The speaker of the quote at the cursor, or a message saying there is none.
    /// In the speakers view's table it is the selected speaker (shown with one of their
    /// quotes), so a speaker can be renamed, merged or split where they are listed.
    pub(super) fn cursor_speaker_or_say(&mut self) -> Option<(QuoteId, String)> {
        if self.focus == Focus::Speakers && self.speakers.quote.is_none() {
            let q = self.speaker_quotes().first().copied();
            let Some(q) = q else {
                self.message = Some("no speaker selected".into());
                return None;
            };
            return self.speaker_of(q).map(|name| (q, name));
        }
        let q = self.cursor_quote_or_say()?;
        match self.speaker_of(q) {
            Some(name) => Some((q, name)),
            None => {
                self.message = Some("this quote has no speaker: A gives it to one".into());
                None
            }
        }
    }

    /// R: rename the speaker of the quote at the cursor.
    pub(super) fn ask_rename(&mut self) {
        let Some((q, name)) = self.cursor_speaker_or_say() else {
            return;
        };
        let about = vec![
            self.quote_about(q),
            format!("every quote of {name} takes the new name; {name} stays an alias"),
        ];
        let mut dlg = CorrectDialog::new(
            Step::Rename { from: name.clone() },
            format!("Rename {name}"),
            about,
        );
        dlg.input = Some(("New name", name));
        self.overlay = Some(Overlay::Correct(Box::new(dlg)));
    }

    /// M: merge the speaker of the quote at the cursor into another.
    pub(super) fn ask_merge(&mut self) {
        let Some((q, name)) = self.cursor_speaker_or_say() else {
            return;
        };
        let choices = self.speaker_choices(Some(&name));
        if choices.is_empty() {
            self.message = Some(format!("{name} is the only speaker: nothing to merge into"));
            return;
        }
        let about = vec![
            self.quote_about(q),
            format!("{name} and the speaker picked are one person, called as picked"),
        ];
        let mut dlg = CorrectDialog::new(
            Step::Merge { from: name.clone() },
            format!("Merge {name} into…"),
            about,
        );
        dlg.input = Some(("Find", String::new()));
        dlg.choices = choices;
        self.overlay = Some(Overlay::Correct(Box::new(dlg)));
    }

    /// S: split one of the names of the quote's speaker off as a speaker of its own.
    pub(super) fn ask_split(&mut self) {
        let Some((q, name)) = self.cursor_speaker_or_say() else {
            return;
        };
        let Some(p) = self.dossier.people.iter().find(|p| p.name == name) else {
            return;
        };
        if p.aliases.is_empty() {
            self.message = Some(format!("{name} has no other name to split off"));
            return;
        }
        let choices = p
            .aliases
            .iter()
            .map(|alias| {
                let n = p
                    .quotes
                    .iter()
                    .filter(|q| {
                        self.dossier
                            .as_written(**q)
                            .is_some_and(|w| w.eq_ignore_ascii_case(alias))
                    })
                    .count();
                let s = if n == 1 { "" } else { "s" };
                Choice::new(
                    Pick::Name(alias.clone()),
                    format!("{n} quote{s} go with it"),
                )
            })
            .collect();
        let about = vec![
            self.quote_about(q),
            format!("the name picked is someone else: the quotes credited to it leave {name}"),
        ];
        let mut dlg = CorrectDialog::new(
            Step::Split {
                speaker: name.clone(),
            },
            format!("Split a name off {name}"),
            about,
        );
        dlg.choices = choices;
        self.overlay = Some(Overlay::Correct(Box::new(dlg)));
    }

    /// W: judge the pair at the cursor of the compare view.
    pub(super) fn ask_verdict(&mut self) {
        if self.focus == Focus::Matrix {
            return self.ask_matrix_verdict();
        }
        if self.focus == Focus::Figures {
            return self.ask_figures_verdict();
        }
        let Some(st) = self
            .compare
            .as_ref()
            .filter(|_| self.focus == Focus::Compare)
        else {
            return;
        };
        let Some(cmp) = &st.comparison else {
            self.message = Some("the comparison is still being made".into());
            return;
        };
        let act = st.active;
        let r = st.sides[act.idx()];
        let here = self.units[r.article.0].get(r.cursor).map(|u| u.span);
        let claims = here.map(|s| st.claims_at(act, s)).unwrap_or_default();
        let Some(i) = claims.iter().find_map(|c| c.pair) else {
            self.message =
                Some("no pair at the cursor: ] moves to a conflict, then W judges it".into());
            return;
        };
        if st.judged.get(i).is_some_and(Option::is_some) {
            self.message =
                Some("this pair is judged already (u takes back the last correction)".into());
            return;
        }
        let p = &cmp.pairs[i];
        let d = &self.dossier;
        let (la, ra) = (
            d.article(st.sides[0].article),
            d.article(st.sides[1].article),
        );
        let (a, b) = (Anchor::new(la, p.left), Anchor::new(ra, p.right));
        let about = vec![
            format!("{}: {}", la.source_name(), la.slice(p.left).trim()),
            format!("{}: {}", ra.source_name(), ra.slice(p.right).trim()),
        ];
        let dlg = match p.relation {
            Relation::Conflict => verdict_dialog(a, b, about),
            Relation::Agree => note_dialog(a, b, Verdict::NotCorroborated, p.relation, about),
            Relation::Related => {
                self.message = Some("this pair is related already: nothing to judge".into());
                return;
            }
        };
        self.overlay = Some(Overlay::Correct(Box::new(dlg)));
    }

    /// e: correct a field of the selected source's metadata.
    pub(super) fn ask_meta(&mut self) {
        let id = match self.focus {
            Focus::Sources => crate::model::ArticleId(self.selected),
            Focus::Article => self.reader.article,
            _ => return,
        };
        let Some(a) = self.dossier.articles.get(id.0) else {
            return;
        };
        let choices = MetaField::ALL
            .into_iter()
            .map(|f| Choice::new(Pick::Field(f), meta_value(a, f).unwrap_or("—")))
            .collect();
        let mut dlg = CorrectDialog::new(
            Step::MetaField {
                article: a.file.clone(),
            },
            format!("Correct {}", a.file),
            vec![a.display_title().to_string()],
        );
        dlg.choices = choices;
        self.overlay = Some(Overlay::Correct(Box::new(dlg)));
    }

    /// W in the matrix: judge a conflict of the selected row's claim, the selected
    /// source's first (a picker when there are several).
    fn ask_matrix_verdict(&mut self) {
        let Some(an) = self.analysis.clone() else {
            self.message = Some("analysing claims…".into());
            return;
        };
        let Some(row) = an.matrix.rows.get(self.matrix.row) else {
            return;
        };
        let Some(cluster) = an.clusters.get(row.cluster) else {
            return;
        };
        let col = ArticleId(self.matrix.col);
        let d = &self.dossier;
        let m = |i: usize| &cluster.mentions[i];
        let mut conflicts: Vec<&ClusterConflict> = cluster.conflicts.iter().collect();
        // The selected source's conflicts first.
        conflicts.sort_by_key(|x| m(x.a).article != col && m(x.b).article != col);
        if conflicts.is_empty() {
            self.message = Some(
                "no conflict in this claim to judge (a figure's conflict is judged in compare, c then W, or in figures, f then W)"
                    .into(),
            );
            return;
        }
        let pairs: Vec<(Anchor, Anchor, Vec<String>)> = conflicts
            .iter()
            .map(|x| {
                let (ma, mb) = (m(x.a), m(x.b));
                let (aa, ab) = (d.article(ma.article), d.article(mb.article));
                let about = vec![
                    format!("{}: {}", aa.source_name(), aa.slice(ma.span).trim()),
                    format!("{}: {}", ab.source_name(), ab.slice(mb.span).trim()),
                ];
                (Anchor::new(aa, ma.span), Anchor::new(ab, mb.span), about)
            })
            .collect();
        let choices = conflicts
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let who = |k: usize| d.article(m(k).article).source_name().to_string();
                let detail = format!(
                    "{}: {} ({}) vs {} ({})",
                    x.what,
                    x.left,
                    who(x.a),
                    x.right,
                    who(x.b)
                );
                Choice::new(Pick::Pair(i), detail)
            })
            .collect();
        let about = vec![d.article(row.label.0).slice(row.label.1).trim().to_string()];
        self.ask_which_conflict(pairs, choices, about);
    }

    /// The one conflict's verdict dialog, or a picker of several.
    fn ask_which_conflict(
        &mut self,
        mut pairs: Vec<(Anchor, Anchor, Vec<String>)>,
        choices: Vec<Choice>,
        about: Vec<String>,
    ) {
        let dlg = if pairs.len() == 1 {
            let (a, b, about) = pairs.remove(0);
            verdict_dialog(a, b, about)
        } else {
            let mut dlg = CorrectDialog::new(Step::Conflicts { pairs }, "Which conflict?", about);
            dlg.choices = choices;
            dlg
        };
        self.overlay = Some(Overlay::Correct(Box::new(dlg)));
    }

    /// W in the figures view: judge a conflict of the mention selected in the timeline
    /// (or, from the list, of the quantity selected), anchored on each figure's clause as
    /// `dossier figures` reads the verdict.
    fn ask_figures_verdict(&mut self) {
        let Some((qi, order)) = self.figure_selection() else {
            self.message = Some("no quantity selected".into());
            return;
        };
        let Some(q) = self.quantities().and_then(|qs| qs.get(qi)) else {
            return;
        };
        let d = &self.dossier;
        let mine = (self.figures.side == FiguresSide::Timeline)
            .then(|| order.get(self.figures.row).copied())
            .flatten();
        let conflicts: Vec<&FigureConflict> = open_conflicts(d, q)
            .filter(|c| mine.is_none_or(|i| c.a == i || c.b == i))
            .collect();
        if conflicts.is_empty() {
            self.message = Some(match mine {
                Some(_) => "this figure is in no conflict to judge".into(),
                None => "this quantity has no conflict to judge".into(),
            });
            return;
        }
        let mut pairs = Vec::with_capacity(conflicts.len());
        let mut choices = Vec::with_capacity(conflicts.len());
        for (i, c) in conflicts.iter().enumerate() {
            let (x, y) = (&q.mentions[c.a], &q.mentions[c.b]);
            let (ax, ay) = (d.article(x.article), d.article(y.article));
            let about = vec![
                format!("{}: {}", ax.source_name(), ax.slice(x.clause).trim()),
                format!("{}: {}", ay.source_name(), ay.slice(y.clause).trim()),
            ];
            pairs.push((Anchor::new(ax, x.clause), Anchor::new(ay, y.clause), about));
            // Both sides in brief, outlets first: on a narrow screen they tell the
            // conflicts apart (the quantity is named once, above them).
            let detail = format!(
                "{} {} vs {} {}",
                ax.source_name(),
                brief_figure(&x.figure, BRIEF),
                ay.source_name(),
                brief_figure(&y.figure, BRIEF)
            );
            choices.push(Choice::new(Pick::Pair(i), detail));
        }
        let about = vec![format!("{} · {} ≠", q.label, conflicts.len())];
        self.ask_which_conflict(pairs, choices, about);
    }
}
