//! The finder's items and their haystacks, prepared once and shared with the workers.

use super::query::{Fields, Query};
use crate::model::people::PersonId;
use crate::model::quotes::QuoteId;
use crate::model::{ArticleId, Dossier, Span};
use nucleo_matcher::{Matcher, Utf32String};

/// Where an item is in the dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub article: ArticleId,
    pub span: Span,
    /// Paragraph index in the article.
    pub paragraph: usize,
    /// The quote, when the item is one.
    pub quote: Option<QuoteId>,
    pub speaker: Option<PersonId>,
}

/// The items of one scope with their haystacks, prepared once and shared with workers.
#[derive(Debug, Default)]
pub struct Corpus {
    items: Vec<Item>,
    text: Vec<Box<str>>,
    /// The haystacks: one `char` per character, so match indices are char indices.
    hay: Vec<Utf32String>,
    /// Lower-cased ASCII texts (None for others), for the quick exact path.
    lower: Vec<Option<Box<str>>>,
    /// Lower-cased "name alias alias" per person, by `PersonId`.
    speakers: Vec<String>,
    /// Lower-cased "file outlet title" per article, by `ArticleId`.
    sources: Vec<String>,
    /// The speaker as a result shows it (the name), by `PersonId`: matched too.
    names: Vec<Utf32String>,
    /// The source as a result shows it ("2. Daily Planet"), by `ArticleId`: matched too.
    labels: Vec<Utf32String>,
}

/// "2. Daily Planet": an article's number and outlet (or title), as the finder's results,
/// the clippings and the picker show it.
pub fn source_label(d: &Dossier, id: ArticleId) -> String {
    let a = d.article(id);
    let name = a.meta.outlet.as_deref().unwrap_or(a.display_title());
    format!("{}. {}", id.0 + 1, name)
}

/// A haystack for nucleo-matcher (one `char` per character, so indices are chars).
fn hay(text: &str) -> Utf32String {
    if text.is_ascii() {
        Utf32String::Ascii(text.into())
    } else {
        Utf32String::Unicode(text.chars().collect())
    }
}

impl Corpus {
    /// Every quote of the dossier, in dossier order.
    pub fn quotes(d: &Dossier) -> Corpus {
        let mut c = Corpus::with_names(d);
        for (i, q) in d.quotes.iter().enumerate() {
            let a = d.article(q.article());
            c.push(
                Item {
                    article: q.article(),
                    span: q.span(),
                    paragraph: q.paragraph(a),
                    quote: Some(QuoteId(i)),
                    speaker: q.speaker(),
                },
                a.text.get(q.span().range()).unwrap_or_default(),
            );
        }
        c
    }

    /// Every sentence of every article (noise paragraphs included: they may be what the
    /// user looks for), in reading order.
    pub fn sentences(d: &Dossier) -> Corpus {
        let mut c = Corpus::with_names(d);
        for a in &d.articles {
            for (pi, p) in a.paragraphs.iter().enumerate() {
                for s in &p.sentences {
                    let item = Item {
                        article: a.id,
                        span: s,
                        paragraph: pi,
                        quote: None,
                        speaker: None,
                    };
                    c.push(item, a.text.get(s.range()).unwrap_or_default());
                }
            }
        }
        c
    }

    /// Plain lines (benchmarks and tests): one article, no speakers.
    pub fn from_lines<I: IntoIterator<Item = String>>(lines: I) -> Corpus {
        let mut c = Corpus {
            sources: vec![String::new()],
            labels: vec![hay("")],
            ..Corpus::default()
        };
        for line in lines {
            let item = Item {
                article: ArticleId(0),
                span: Span::new(0, line.len()),
                paragraph: 0,
                quote: None,
                speaker: None,
            };
            c.push(item, &line);
        }
        c
    }

    fn with_names(d: &Dossier) -> Corpus {
        let speakers = d
            .people
            .iter()
            .map(|p| {
                let mut s = p.name.to_lowercase();
                for a in &p.aliases {
                    s.push('\n');
                    s.push_str(&a.to_lowercase());
                }
                s
            })
            .collect();
        let sources = d
            .articles
            .iter()
            .map(|a| {
                let m = &a.meta;
                [
                    Some(a.file.as_str()),
                    m.outlet.as_deref(),
                    m.title.as_deref(),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("\n")
                .to_lowercase()
            })
            .collect();
        Corpus {
            speakers,
            sources,
            names: d.people.iter().map(|p| hay(&p.name)).collect(),
            labels: d
                .articles
                .iter()
                .map(|a| hay(&source_label(d, a.id)))
                .collect(),
            ..Corpus::default()
        }
    }

    fn push(&mut self, item: Item, text: &str) {
        // Line breaks inside a passage match as spaces and show on one row.
        let text: Box<str> = text.replace(['\n', '\r'], " ").into();
        self.lower
            .push(text.is_ascii().then(|| text.to_ascii_lowercase().into()));
        self.hay.push(hay(&text));
        self.text.push(text);
        self.items.push(item);
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when there is no item.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// An item's place in the dossier.
    pub fn item(&self, i: usize) -> &Item {
        &self.items[i]
    }

    /// An item's text as matched and shown (line breaks as spaces).
    pub fn text(&self, i: usize) -> &str {
        &self.text[i]
    }

    pub(super) fn fields(&self, i: usize) -> Fields<'_> {
        let item = &self.items[i];
        Fields {
            text: self.hay[i].slice(..),
            raw: &self.text[i],
            lower: self.lower[i].as_deref(),
            speaker: item
                .speaker
                .and_then(|p| self.speakers.get(p.0))
                .map(String::as_str),
            source: self.sources.get(item.article.0).map_or("", String::as_str),
            name: item
                .speaker
                .and_then(|p| self.names.get(p.0))
                .map(|n| n.slice(..)),
            label: self.labels.get(item.article.0).map(|l| l.slice(..)),
        }
    }

    /// Match candidates (item indices) against a query: hits in no particular order.
    pub(super) fn match_into(
        &self,
        m: &mut Matcher,
        q: &Query,
        cands: &[u32],
        greedy: bool,
        out: &mut Vec<Hit>,
    ) {
        for &i in cands {
            if let Some(score) = q.score(m, &self.fields(i as usize), greedy) {
                out.push(Hit {
                    item: i,
                    score: score.clamp(i32::MIN as i64, i32::MAX as i64) as i32,
                });
            }
        }
    }

    /// Sort hits best first: higher score, then reading order (ties are not reshuffled
    /// by length: a reader scanning equal matches expects them in the dossier's order).
    pub(super) fn rank(&self, hits: &mut [Hit]) {
        hits.sort_unstable_by_key(|h| self.rank_key(h));
    }

    pub(super) fn rank_key(&self, h: &Hit) -> (std::cmp::Reverse<i32>, u32) {
        (std::cmp::Reverse(h.score), h.item)
    }
}

/// One matching item and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into the corpus (see [`Finder::item`], [`Finder::text`]).
    pub item: u32,
    pub score: i32,
}
