//! Keys of the speakers view: each speaker with role and kind and a speaker × outlet
//! table of how often each outlet quotes them; `/` narrows the speakers, Enter lists the
//! selected one's quotes, and Enter on a quote opens its passage (Esc comes back).

use super::memo::{Identity, Memo};
use super::{App, Focus};
use crate::model::people::PersonId;
use crate::model::quotes::QuoteId;
use crate::model::Dossier;
use crate::tui::action::{Action, Effect};
use std::sync::Arc;

/// Who got quoted where: the speakers by quote count, the outlets by how many quotes
/// they carry, and the count of each pair.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerTable {
    /// The speakers with a quote, most quoted first (then by name).
    pub people: Vec<PersonId>,
    /// Outlets (else file stems), those carrying most quotes first.
    pub outlets: Vec<String>,
    /// Per speaker (in `people` order), the outlets quoting them (as indexes into
    /// `outlets`, in order) and how often: sparse, since most speakers are quoted by few
    /// of many outlets (a dense table of the 5,000-article synthetic dossier's 740
    /// speakers and 5,000 outlets would take 15 MB).
    pub counts: Vec<Vec<(u32, u32)>>,
}

impl SpeakerTable {
    /// The table of `d`'s quotes.
    pub fn new(d: &Dossier) -> Self {
        let mut quoted = vec![0usize; d.people.len()];
        for p in d.quotes.iter().filter_map(|q| q.speaker()) {
            if let Some(n) = quoted.get_mut(p.0) {
                *n += 1;
            }
        }
        let mut people: Vec<PersonId> = (0..d.people.len())
            .filter(|&i| quoted[i] > 0)
            .map(PersonId)
            .collect();
        people.sort_by(|a, b| {
            quoted[b.0]
                .cmp(&quoted[a.0])
                .then_with(|| d.people[a.0].name.cmp(&d.people[b.0].name))
        });
        let mut names: Vec<String> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let of_article: Vec<usize> = d
            .articles
            .iter()
            .map(|a| {
                let name = a.source_name();
                *index.entry(name.to_string()).or_insert_with(|| {
                    names.push(name.to_string());
                    names.len() - 1
                })
            })
            .collect();
        let row_of: std::collections::HashMap<PersonId, usize> =
            people.iter().enumerate().map(|(r, &p)| (p, r)).collect();
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        let mut totals = vec![0u32; names.len()];
        for q in &d.quotes {
            if let Some(&row) = q.speaker().and_then(|p| row_of.get(&p)) {
                pairs.push((row, of_article[q.article().0]));
                totals[of_article[q.article().0]] += 1;
            }
        }
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(totals[i]), i));
        let mut rank = vec![0u32; names.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r as u32;
        }
        let mut counts: Vec<Vec<(u32, u32)>> = vec![Vec::new(); people.len()];
        pairs.sort_unstable_by_key(|&(row, o)| (row, rank[o]));
        for (row, o) in pairs {
            match counts[row].last_mut() {
                Some((c, n)) if *c == rank[o] => *n += 1,
                _ => counts[row].push((rank[o], 1)),
            }
        }
        SpeakerTable {
            people,
            outlets: order.iter().map(|&i| names[i].clone()).collect(),
            counts,
        }
    }

    /// How many of outlet `col`'s quotes are speaker `row`'s.
    pub fn count(&self, row: usize, col: usize) -> u32 {
        let cells = &self.counts[row];
        cells
            .binary_search_by_key(&(col as u32), |&(c, _)| c)
            .map_or(0, |i| cells[i].1)
    }
}

/// The speakers view's cursor, search and open speaker.
#[derive(Debug, Default)]
pub struct SpeakersState {
    /// The selected speaker, as an index into [`SpeakersState::shown`].
    pub selected: usize,
    /// The first outlet column shown.
    pub col: usize,
    /// The search over names, aliases and roles, and whether it is being typed.
    pub query: String,
    pub editing: bool,
    /// The speakers the search keeps (indexes into the table's), None: all.
    pub matches: Option<Vec<usize>>,
    /// The selected quote while the selected speaker's quotes are listed.
    pub quote: Option<usize>,
    /// The table, built when first drawn for this dossier.
    pub(super) table: Memo<Identity<Dossier>, SpeakerTable>,
}

impl PartialEq for SpeakersState {
    fn eq(&self, o: &Self) -> bool {
        (self.selected, self.col, &self.query, self.editing)
            == (o.selected, o.col, &o.query, o.editing)
            && (&self.matches, self.quote) == (&o.matches, o.quote)
    }
}

impl SpeakersState {
    /// The speakers shown, as indexes into the table's `n` speakers.
    pub fn shown(&self, n: usize) -> Vec<usize> {
        match &self.matches {
            Some(m) => m.clone(),
            None => (0..n).collect(),
        }
    }
}

/// True when speaker `p`'s name, an alias or the role contains `needle` (lower case).
fn speaker_matches(d: &Dossier, p: PersonId, needle: &str) -> bool {
    let p = &d.people[p.0];
    let has = |s: &str| s.to_lowercase().contains(needle);
    has(&p.name) || p.aliases.iter().any(|a| has(a)) || p.role.as_deref().is_some_and(has)
}

impl App {
    /// The speaker × outlet table of the dossier shown (built once per dossier).
    pub fn speaker_table(&self) -> Arc<SpeakerTable> {
        let key = Identity::of(&self.dossier);
        self.speakers
            .table
            .get(key, || SpeakerTable::new(&self.dossier))
    }

    /// The selected speaker, if any is shown.
    pub fn selected_speaker(&self) -> Option<PersonId> {
        let t = self.speaker_table();
        let row = *self
            .speakers
            .shown(t.people.len())
            .get(self.speakers.selected)?;
        t.people.get(row).copied()
    }

    /// The quotes of the selected speaker, in article and reading order.
    pub fn speaker_quotes(&self) -> Vec<QuoteId> {
        self.selected_speaker().map_or_else(Vec::new, |p| {
            (0..self.dossier.quotes.len())
                .filter(|&i| self.dossier.quotes[i].speaker() == Some(p))
                .map(QuoteId)
                .collect()
        })
    }

    pub(super) fn open_speakers(&mut self) {
        self.enter(Focus::Speakers);
    }

    /// Rows of the list the view shows at once.
    fn speakers_page(&self) -> usize {
        (self.size.1 as usize).saturating_sub(6).max(1)
    }

    pub(super) fn speakers_key(&mut self, a: Action) -> Vec<Effect> {
        let n = self.speakers.shown(self.speaker_table().people.len()).len();
        let quotes = self.speaker_quotes().len();
        let page = self.speakers_page();
        let s = &mut self.speakers;
        let (cur, len) = match s.quote {
            Some(q) => (q, quotes),
            None => (s.selected, n),
        };
        let last = len.saturating_sub(1);
        let to = match a {
            Action::Down => (cur + 1).min(last),
            Action::Up => cur.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => (cur + page / 2).min(last),
            Action::PageUp | Action::HalfPageUp => cur.saturating_sub(page / 2),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Left => {
                s.col = s.col.saturating_sub(1);
                cur
            }
            Action::Right => {
                s.col += 1;
                cur
            }
            Action::SearchStart if s.quote.is_none() => {
                s.editing = true;
                cur
            }
            Action::Open => return self.speakers_open(),
            Action::Back if s.quote.is_some() => {
                s.quote = None;
                cur
            }
            Action::Back if s.matches.is_some() => {
                s.query.clear();
                s.matches = None;
                s.selected = 0;
                return vec![];
            }
            Action::Back => {
                self.back_or_sources();
                return vec![];
            }
            Action::Finder => return self.open_finder(),
            _ => cur,
        };
        match s.quote {
            Some(_) => s.quote = Some(to),
            None => s.selected = to,
        }
        vec![]
    }

    /// Enter: list the selected speaker's quotes; on a quote, open its passage.
    fn speakers_open(&mut self) -> Vec<Effect> {
        match self.speakers.quote {
            None if self.selected_speaker().is_some() => self.speakers.quote = Some(0),
            None => {}
            Some(i) => {
                if let Some(q) = self.speaker_quotes().get(i) {
                    let q = &self.dossier.quotes[q.0];
                    let (article, span) = (q.article(), q.span());
                    self.open_at(article, span);
                    self.found = Some((article, span));
                }
            }
        }
        vec![]
    }

    /// Typing the search over speakers: each key narrows the list at once.
    pub(super) fn speakers_search_key(&mut self, a: Action) {
        if super::line::edit(&mut self.speakers.query, &a) {
            self.refresh_speakers_search();
            return;
        }
        match a {
            Action::SearchConfirm => {
                self.speakers.editing = false;
                if self.speakers.matches.as_ref().is_some_and(Vec::is_empty) {
                    self.message = Some(format!("no speaker matches: {}", self.speakers.query));
                }
            }
            Action::Back => {
                let s = &mut self.speakers;
                s.editing = false;
                s.query.clear();
                s.matches = None;
                s.selected = 0;
            }
            _ => {}
        }
    }

    /// Keep the speakers whose name, alias or role holds the query, whatever its case.
    fn refresh_speakers_search(&mut self) {
        let needle = self.speakers.query.trim().to_lowercase();
        let t = self.speaker_table();
        let matches = (!needle.is_empty()).then(|| {
            (0..t.people.len())
                .filter(|&i| speaker_matches(&self.dossier, t.people[i], &needle))
                .collect()
        });
        self.speakers.matches = matches;
        self.speakers.selected = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleId;
    use crate::tui::action::Action as A;
    use crate::tui::fixtures::{self, apply};

    /// The table counts each speaker's quotes per outlet, most quoted speaker first.
    #[test]
    fn table_counts_quotes_per_outlet() {
        let d = fixtures::with_quotes();
        let t = SpeakerTable::new(&d);
        assert_eq!(t.people, [PersonId(0), PersonId(1)]);
        let sum = |row: usize| (0..t.outlets.len()).map(|c| t.count(row, c)).sum::<u32>();
        assert_eq!((sum(0), sum(1)), (2, 1));
        // Austin's two quotes are in two articles: two outlets count one each.
        let austin: Vec<u32> = (0..t.outlets.len())
            .map(|c| t.count(0, c))
            .filter(|&n| n > 0)
            .collect();
        assert_eq!(austin, [1, 1]);
        // The outlets quoting most come first.
        let totals: Vec<u32> = (0..t.outlets.len())
            .map(|c| t.count(0, c) + t.count(1, c))
            .collect();
        assert!(totals.windows(2).all(|w| w[0] >= w[1]), "{totals:?}");
        assert_eq!(t.outlets.len(), {
            let mut o: Vec<&str> = d.articles.iter().map(|a| a.source_name()).collect();
            o.sort_unstable();
            o.dedup();
            o.len()
        });
    }

    /// `/` keeps the speakers whose name holds the text; Enter lists the speaker's quotes,
    /// Enter on one opens its passage, and Esc comes back to the list, then the sources.
    #[test]
    fn search_list_and_open_a_quote() {
        let mut app = fixtures::app_with_quotes(120, 40);
        apply(&mut app, [A::Speakers, A::SearchStart]);
        fixtures::type_text(&mut app, "kim");
        apply(&mut app, [A::SearchConfirm]);
        assert_eq!(app.selected_speaker(), Some(PersonId(1)));
        apply(&mut app, [A::Open]);
        assert_eq!(app.speakers.quote, Some(0));
        apply(&mut app, [A::Open]);
        assert_eq!(app.focus, Focus::Article);
        assert_eq!(app.reader.article, ArticleId(2));
        apply(&mut app, [A::Back]);
        assert_eq!((app.focus, app.speakers.quote), (Focus::Speakers, Some(0)));
        apply(&mut app, [A::Back, A::Back, A::Back]);
        assert_eq!(app.focus, Focus::Sources);
    }

    /// A search that keeps no speaker says so, and Esc brings every speaker back.
    #[test]
    fn search_with_no_match_says_so() {
        let mut app = fixtures::app_with_quotes(120, 40);
        apply(&mut app, [A::Speakers, A::SearchStart]);
        fixtures::type_text(&mut app, "zzz");
        apply(&mut app, [A::SearchConfirm]);
        assert!(app
            .message
            .as_deref()
            .is_some_and(|m| m.contains("no speaker")));
        assert_eq!(app.selected_speaker(), None);
        apply(&mut app, [A::Back]);
        assert_eq!(app.selected_speaker(), Some(PersonId(0)));
    }
}
