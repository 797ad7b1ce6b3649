//! Figures grouped into quantities across the dossier: one quantity per measured thing
//! (the dead of this event, the injured, the turnout), with every mention of it in every
//! article and the pairs of mentions that disagree.
//!
//! A figure joins a quantity only when it says what it measures: what befell the people
//! it counts ("killed", "injured"), a counted noun ("troops"), or a measure noun
//! ("turnout"); with its kind, unit, scope and year this makes the key of an index, so
//! grouping is one pass over the figures, not a comparison of all pairs. Within a
//! quantity, two mentions conflict when their values are not compatible
//! ([`compare_figures`]): across articles (a toll updated from one outlet to the next is a
//! conflict), and within one article only between two holders (organisers vs police), not
//! between successive updates of one live page.

mod conversions;
mod pointing;

use super::Claim;
use crate::model::facts::lexicon::{FastMap, FastSet};
use crate::model::facts::{compare_figures, compat, frame, tokens, when, Figure, Kind, Verdict};
use crate::model::tuning::tuning;
use crate::model::{Article, ArticleId, Span};

/// One figure as one article states it.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureMention {
    pub article: ArticleId,
    /// The claim (sentence or clause) that states it.
    pub claim: Span,
    /// The clause of the claim around the figure (between commas, dashes, "while" …).
    pub clause: Span,
    pub figure: Figure,
    /// Who the article credits with it, as written.
    pub holder: Option<String>,
    /// When it was true, ISO 8601 ([`crate::model::facts::when`]): the day its sentence
    /// names, else the article's stamp.
    pub as_of: Option<String>,
    /// Where its clause names the day it was true ("on Sunday", "June 23"), whether or not
    /// the article's date resolves it.
    pub named: Option<Span>,
}

impl FigureMention {
    /// The day its clause names, as written ("Sunday", "June 23", "yesterday"), whether or
    /// not the article's date resolves it: what a timeline can show where `as_of` is
    /// unknown (an article without a date). `text` is the mention's article text.
    pub fn day_written<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.named?.range())
    }
}

/// Two mentions of a quantity that disagree (indexes into its mentions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureConflict {
    pub a: usize,
    pub b: usize,
}

/// One measured thing and every figure stated for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// What is measured, for a reader ("dead", "troop", "turnout"), with its scope and year.
    pub label: String,
    pub kind: Kind,
    pub unit: Option<String>,
    /// In article order, then text order.
    pub mentions: Vec<FigureMention>,
    pub conflicts: Vec<FigureConflict>,
}

impl Quantity {
    /// What is measured as a reader reads it: the label with the counted thing as the first
    /// mention writes it ("homes", not the stem "hom"; "rescued boys").
    pub fn name(&self) -> String {
        let written = self.mentions.iter().find_map(|m| {
            let f = &m.figure;
            Some((f.what.as_deref()?, f.noun.as_deref()?))
        });
        let Some((what, noun)) = written else {
            return self.label.clone();
        };
        let mut done = false;
        self.label
            .split(' ')
            .map(|w| {
                if !done && w == what {
                    done = true;
                    noun.to_lowercase()
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The index key of a figure: kind, unit, measured thing, scope, year, and who an amount is
/// tied to.
type Key = (
    Kind,
    Option<String>,
    String,
    Option<String>,
    Option<i32>,
    Option<String>,
);

fn key(f: &Figure, parts: &FastSet<String>) -> Option<Key> {
    let mut thing = compat::measured(f)?;
    // "12 workers killed" is the toll itself unless some article sets a count of that kind
    // of people apart from the whole ("844 people were injured … 33 police officers").
    if let Some((outcome, _)) = thing.split_once(' ') {
        if !parts.contains(&thing) {
            thing = outcome.to_string();
        }
    }
    Some((
        f.kind,
        f.unit.clone(),
        thing,
        f.frame.scope.clone(),
        f.frame.year,
        f.frame.about.clone(),
    ))
}

/// The one measure an article's amounts of money name, by article ("pledge" where every
/// amount that names a measure names that one); none where they name several or none.
fn money_measures(claims: &[Vec<Claim>]) -> FastMap<usize, String> {
    let mut out = FastMap::default();
    for article in claims {
        let mut named = article
            .iter()
            .flat_map(|c| &c.facts.figures)
            .filter(|f| f.kind == Kind::Money)
            .filter_map(|f| f.frame.measure.as_deref());
        let Some(first) = named.next() else {
            continue;
        };
        if named.all(|m| m == first) {
            if let Some(c) = article.first() {
                out.insert(c.article.0, first.to_string());
            }
        }
    }
    out
}

/// "- €100m from the oil company Acme", one line of a list of gifts: an amount tied to a
/// named donor that names no measure measures what the article's other amounts measure, when
/// they all measure one thing ([`money_measures`]).
fn donor_key(f: &Figure, measure: Option<&String>) -> Option<Key> {
    let measure = measure?;
    let bare = f.kind == Kind::Money
        && f.frame.measure.is_none()
        && f.frame.about.is_some()
        && !f.frame.prior
        && !f.frame.increment
        && f.qualifier != crate::model::facts::Qualifier::Vague;
    bare.then(|| {
        (
            f.kind,
            f.unit.clone(),
            measure.clone(),
            f.frame.scope.clone(),
            f.frame.year,
            f.frame.about.clone(),
        )
    })
}

fn label(k: &Key) -> String {
    let mut s = k.2.clone();
    if let Some(scope) = &k.3 {
        s = format!("{s} ({scope})");
    }
    if let Some(y) = k.4 {
        s = format!("{s}, {y}");
    }
    if let Some(who) = &k.5 {
        s = format!("{s} of {who}");
    }
    s
}

/// Group the figures of every article's claims into quantities; only quantities stated in
/// two or more articles, or with a conflict, are kept.
pub fn quantities<'a>(
    claims: &[Vec<Claim>],
    article_of: impl Fn(ArticleId) -> Option<&'a Article>,
) -> Vec<Quantity> {
    let parts = parts(claims);
    let gifts = money_measures(claims);
    // Figures whose sentence sets another value of their key against them, by (article,
    // start): two things side by side the key cannot tell apart (see [`split_by_value`]).
    let mut contrasted: FastSet<(usize, usize)> = FastSet::default();
    let mut index: FastMap<Key, usize> = FastMap::default();
    let mut out: Vec<Quantity> = Vec::new();
    // Counts of people in general ("310 million people", "… Americans"), placed after.
    let mut crowds: Vec<FigureMention> = Vec::new();
    // Durations that name no measure ("trapped for 16 days"), placed after by value.
    let mut durations: Vec<FigureMention> = Vec::new();
    // Conversions the articles state ("€40m (£34m)"), to join amounts in two currencies.
    let mut rates = conversions::Rates::default();
    // Vague counts ("hundreds of deaths") with the key they would have, placed after.
    let mut vague: Vec<(FigureMention, Key)> = Vec::new();
    // What the article's previous claim's last count counted ([`pointing`]).
    let mut last: pointing::Last = None;
    let mut prev_article = None;
    for (ci, c) in claims.iter().flat_map(|a| a.iter().enumerate()) {
        if prev_article != Some(c.article) {
            last = None;
            prev_article = Some(c.article);
        }
        let earlier = claims
            .get(c.article.0)
            .filter(|a| a.get(ci).is_some_and(|x| x.span == c.span))
            .map_or(&[][..], |a| &a[..ci]);
        if c.facts
            .figures
            .iter()
            .filter(|f| f.kind == Kind::Money)
            .nth(1)
            .is_some()
        {
            if let Some(a) = article_of(c.article) {
                rates.note(&a.text, &c.facts.figures);
            }
        }
        let full = article_of(c.article).map_or("", |a| a.text.as_str());
        let answered = answer(full, c)
            .or_else(|| pointing::resolve(full, c, &c.facts.figures, earlier, &last));
        let figures = answered.as_deref().unwrap_or(&c.facts.figures);
        if let Some(f) = figures.iter().rev().find(|f| f.kind == Kind::Count) {
            last = compat::measured(f)
                .and_then(|_| {
                    f.outcome
                        .clone()
                        .or_else(|| is_toll(f).then(|| "dead".to_string()))
                })
                .map(|o| (c.span, o));
        } else if !figures.is_empty() {
            last = None;
        }
        let keyed: Vec<(&Figure, Key)> = figures
            .iter()
            .filter_map(|f| {
                key(f, &parts)
                    .or_else(|| donor_key(f, gifts.get(&c.article.0)))
                    .map(|k| (f, k))
            })
            .collect();
        let crowd: Vec<Figure> = c
            .facts
            .figures
            .iter()
            .map(|f| undated_past_clause(full, &c.facts.figures, f))
            .filter(|f| is_crowd(f) || is_loose_duration(f))
            .collect();
        let loose: Vec<(&Figure, Key)> = figures
            .iter()
            .filter_map(|f| vague_key(f, &parts).map(|k| (f, k)))
            .collect();
        let aged = c.facts.figures.iter().any(|f| f.kind == Kind::Age);
        if keyed.is_empty() && crowd.is_empty() && loose.is_empty() && !aged {
            continue;
        }
        let article = article_of(c.article);
        let text = article.map_or("", |a| a.text.as_str());
        let toks = tokens::lex(text, c.span);
        let dates = article.map_or((None, None), |a| {
            (a.meta.date.as_deref(), a.meta.updated.as_deref())
        });
        let ages: Vec<Figure> = c
            .facts
            .figures
            .iter()
            .filter_map(|f| age_of_a_thing(&toks, f))
            .collect();
        for f in crowd.iter().chain(&ages) {
            if f.kind != Kind::Duration && is_population(text, f.span.start) {
                continue;
            }
            let clause = passage(text, c.span, f.span, &c.facts.figures);
            let pool = if f.kind == Kind::Duration {
                &mut durations
            } else {
                &mut crowds
            };
            pool.push(mention(c, f, clause, &toks, dates));
        }
        for (f, k) in loose {
            let clause = passage(text, c.span, f.span, &c.facts.figures);
            if tells_of_now(&toks, clause) {
                continue;
            }
            vague.push((mention(c, f, clause, &toks, dates), k));
        }
        for (f, k) in &keyed {
            // One sentence giving two values that disagree for one key ("310,000 customers,
            // plus 270,000 customers") sets two things side by side that the key cannot tell
            // apart: the quantity is split by value ([`split_by_value`]).
            // Sizes far apart ("10,000 troops in the country, another 2,000 at the border")
            // are a whole and a part, each its own statement (see [`split_by_size`]).
            // A count that points back at another ("that figure could be as high as 55")
            // restates it: two estimates of one thing, not two things.
            let side_by_side = keyed.iter().any(|(g, kg)| {
                kg == k
                    && !std::ptr::eq(*g, *f)
                    && !f.frame.points_back
                    && !g.frame.points_back
                    && compare_figures(f, g) == Verdict::Conflict
                    && ratio(f, g) <= tuning().max_conflict_ratio
            });
            if side_by_side {
                contrasted.insert((c.article.0, f.span.start));
            }
            let (f, k) = (*f, k.clone());
            let qi = *index.entry(k.clone()).or_insert_with(|| {
                out.push(Quantity {
                    label: label(&k),
                    kind: k.0,
                    unit: k.1.clone(),
                    mentions: Vec::new(),
                    conflicts: Vec::new(),
                });
                out.len() - 1
            });
            let clause = passage(text, c.span, f.span, &c.facts.figures);
            out[qi].mentions.push(mention(c, f, clause, &toks, dates));
        }
    }
    let mut keys: Vec<Option<Key>> = vec![None; out.len()];
    for (k, &qi) in &index {
        keys[qi] = Some(k.clone());
    }
    let events = join_named_events(&mut out, &mut keys, &article_of);
    place_vague(&mut out, &keys, vague, &events, &article_of);
    place_crowds(&mut out, crowds);
    let mut out = conversions::join_currencies(out, &rates);
    out.extend(durations_told_alike(durations));
    let mut out: Vec<Quantity> = out
        .into_iter()
        .flat_map(split_by_size)
        .flat_map(|q| split_by_value(q, &contrasted))
        .collect();
    for q in &mut out {
        q.conflicts = if is_sided(q) {
            Vec::new()
        } else {
            conflicts(&q.mentions)
        };
    }
    out.retain(|q| {
        let first = q.mentions.first().map(|m| m.article);
        !q.conflicts.is_empty() || q.mentions.iter().any(|m| Some(m.article) != first)
    });
    out
}

/// The smallest vague count that may join a quantity ([`place_vague`]): "hundreds",
/// "thousands", whose order of magnitude bounds them. "dozens" and "scores" are said
/// loosely: the dev gold reads "scores of people" unaccounted for as no conflict with 228
/// nor with 631 missing.
const VAGUE_MIN: f64 = 100.0;

/// The key a vague count ("thousands of deaths in the 1998 floods") would have were it a
/// figure: what it counts, with its scope and year; none for "dozens" or "scores"
/// ([`VAGUE_MIN`]) and for counts that say nothing of what they count.
fn vague_key(f: &Figure, parts: &FastSet<String>) -> Option<Key> {
    if f.kind != Kind::Count
        || f.qualifier != crate::model::facts::Qualifier::Vague
        || f.value < VAGUE_MIN
    {
        return None;
    }
    let mut as_figure = f.clone();
    as_figure.qualifier = crate::model::facts::Qualifier::Approx;
    key(&as_figure, parts)
}

/// True when a clause tells of the story's own time: "since" or "so far", or a present
/// perfect ("have died", "has risen"). A vague count so told ("Hundreds have died since
/// Sunday along the coast the 2004 tsunami devastated") is the story's own toll, whatever
/// earlier event its sentence names (an invented trap joined it to that event's toll).
fn tells_of_now(toks: &[tokens::Token], clause: Span) -> bool {
    let inside: Vec<&tokens::Token> = toks
        .iter()
        .filter(|t| t.span.start >= clause.start && t.span.end <= clause.end)
        .collect();
    inside.iter().any(|t| t.lower == "since")
        || inside
            .windows(2)
            .any(|w| w[0].lower == "so" && w[1].lower == "far")
        || inside.windows(2).any(|w| {
            matches!(w[0].lower.as_str(), "have" | "has")
                && (w[1].lower.ends_with("ed") || w[1].lower.ends_with("en"))
        })
}

/// A vague count joins the quantity of its key when that quantity is set apart from the
/// story's own by a year or a scope (another event's toll: "thousands of deaths in the 1998
/// floods"), or, keyed as the story's own, when its sentence names one earlier event whose
/// toll the dossier dates ([`join_named_events`]: "compared with Kestrel, and the thousands
/// of people who died"); it never makes a quantity of its own. Against the story's own
/// figures a vague count is most often a forecast or a speaker's aside ("hundreds more may
/// be found"), not a statement of the count.
fn place_vague<'a>(
    out: &mut [Quantity],
    keys: &[Option<Key>],
    vague: Vec<(FigureMention, Key)>,
    events: &[(String, Key)],
    article_of: &impl Fn(ArticleId) -> Option<&'a Article>,
) {
    for (m, k) in vague {
        let k = if k.3.is_none() && k.4.is_none() {
            let toks = article_of(m.article).map_or(Vec::new(), |a| tokens::lex(&a.text, m.claim));
            let mut named = events.iter().filter(|(name, d)| {
                (d.0, &d.1, &d.2, &d.5) == (k.0, &k.1, &k.2, &k.5)
                    && toks.iter().any(|t| t.capital && t.lower == *name)
            });
            match (named.next(), named.next()) {
                (Some((_, d)), None) => d.clone(),
                _ => continue,
            }
        } else {
            k
        };
        if let Some(q) = keys.iter().position(|x| x.as_ref() == Some(&k)) {
            let mut m = m;
            m.figure.frame.year = k.4;
            m.figure.frame.scope.clone_from(&k.3);
            out[q].mentions.push(m);
            out[q]
                .mentions
                .sort_by_key(|m| (m.article.0, m.figure.span.start));
        }
    }
}

/// "As many as 900 people died in 1998 when Storm Kestrel came ashore" and "Kestrel, which
/// left up to 900 dead": an earlier event's toll is keyed by its year in one mention
/// and by its name in another (the scope "of kestrel" a relative clause gives). A quantity
/// scoped to a name joins the one quantity of the same measured thing, dated by a year,
/// whose mentions name that event in their sentence; where none or several do, it stays.
/// The names joined, with the key of the dated quantity each joined.
fn join_named_events<'a>(
    out: &mut Vec<Quantity>,
    keys: &mut Vec<Option<Key>>,
    article_of: &impl Fn(ArticleId) -> Option<&'a Article>,
) -> Vec<(String, Key)> {
    let mut events = Vec::new();
    let names = |q: &Quantity, name: &str| {
        q.mentions.iter().any(|m| {
            article_of(m.article).is_some_and(|a| {
                tokens::lex(&a.text, m.claim)
                    .iter()
                    .any(|t| t.capital && t.lower == name)
            })
        })
    };
    let mut gone: Vec<usize> = Vec::new();
    for qi in 0..out.len() {
        let Some(k) = keys[qi].clone() else { continue };
        let Some(name) = k.3.as_deref().and_then(|s| s.strip_prefix("of ")) else {
            continue;
        };
        if k.4.is_some() {
            continue;
        }
        let mut dated = (0..out.len()).filter(|&qj| {
            qj != qi
                && keys[qj].as_ref().is_some_and(|d| {
                    (d.0, &d.1, &d.2, d.3.is_none(), d.4.is_some(), &d.5)
                        == (k.0, &k.1, &k.2, true, true, &k.5)
                })
                && names(&out[qj], name)
        });
        if let (Some(qj), None) = (dated.next(), dated.next()) {
            // Now dated as that event's, so that its values are compared with theirs.
            let year = keys[qj].as_ref().and_then(|d| d.4);
            let mut moved = std::mem::take(&mut out[qi].mentions);
            for m in &mut moved {
                m.figure.frame.scope = None;
                m.figure.frame.year = year;
            }
            out[qj].mentions.extend(moved);
            out[qj]
                .mentions
                .sort_by_key(|m| (m.article.0, m.figure.span.start));
            gone.push(qi);
            if let Some(d) = keys[qj].clone() {
                events.push((name.to_string(), d));
            }
        }
    }
    for qi in gone.into_iter().rev() {
        out.remove(qi);
        keys.remove(qi);
    }
    events
}

/// "\"How many deaths can you confirm?\" she asked. / \"Eleven, so far,\" he said": a
/// bare count (no counted thing, outcome or measure) that opens the paragraph after one
/// holding a question counts what the question asked about. The claim's figures with that
/// outcome given to the opening count; none when the claim is no such answer.
fn answer(text: &str, c: &Claim) -> Option<Vec<Figure>> {
    let first = c.facts.figures.first()?;
    let quote_or_space = |s: &str| {
        s.chars()
            .all(|ch| ch.is_whitespace() || matches!(ch, '"' | '“' | '”' | '\'' | '‘' | '’'))
    };
    let (general, _) = crate::model::facts::lexicon::people_nouns();
    let bare = first.kind == Kind::Count
        && first.outcome.is_none()
        && first.frame.measure.is_none()
        && first.unit.is_none()
        && first.qualifier != crate::model::facts::Qualifier::Vague
        && first.what.as_ref().is_none_or(|w| general.contains(w));
    // The count opens the claim, and the claim its paragraph.
    let before = text.get(..c.span.start)?;
    let par_start = before.rfind('\n').map_or(0, |k| k + 1);
    let opens = text
        .get(par_start..first.span.start)
        .is_some_and(quote_or_space);
    if !(bare && opens) {
        return None;
    }
    // The paragraph before it holds the question.
    let prev = before[..par_start].trim_end();
    let prev_start = prev.rfind('\n').map_or(0, |k| k + 1);
    if !prev[prev_start..].contains('?') {
        return None;
    }
    let toks = tokens::lex(text, Span::new(prev_start, prev.len()));
    let outcome = crate::model::facts::asked_about(&toks)?;
    let mut out = c.facts.figures.clone();
    out[0].outcome = Some(outcome);
    Some(out)
}

/// The smallest count of people in general that may join a quantity of some people by its
/// value alone ([`place_crowds`]). Counts in the thousands that agree to their rounding across
/// outlets are one group told two ways ("310 million people" and "about 310 million
/// customers" of one leak); a story's small counts coincide by chance (12 boys, 12 divers,
/// 12 people at a briefing).
const CROWD_MIN: f64 = 1000.0;

/// True for a count of people in general that says nothing of what befell them or who they
/// are ("310 million people", "310 million Americans"): no key of its own.
fn is_crowd(f: &Figure) -> bool {
    let (general, _) = crate::model::facts::lexicon::people_nouns();
    f.kind == Kind::Count
        && f.unit.is_none()
        && f.outcome.is_none()
        && f.frame.measure.is_none()
        && f.frame.scope.is_none()
        && !f.frame.prior
        && !f.frame.increment
        && f.qualifier != crate::model::facts::Qualifier::Vague
        && f.value >= CROWD_MIN
        && f.what.as_ref().is_some_and(|w| general.contains(w))
}

/// Marks that end a clause between a duration and a year ("rebuilt within five years, in
/// time for the 2030 games").
const YEAR_CLAUSE_MARKS: &[char] = &[',', ';', ':', '(', ')'];

/// A duration with its year left out when every year of its claim that could date it stands
/// past a clause mark: "rebuilt within five years, in time for the 2030 games" names when
/// the span of time ends, not another event's span (a toll "in 2005" keeps its year, and
/// so does any other kind of figure). Other figures as they are.
fn undated_past_clause(text: &str, figures: &[Figure], f: &Figure) -> Figure {
    let mut out = f.clone();
    let Some(year) = f.frame.year.filter(|_| f.kind == Kind::Duration) else {
        return out;
    };
    let apart = figures
        .iter()
        .filter(|y| y.kind == Kind::Year && y.value as i32 == year)
        .all(|y| {
            let (from, to) = if y.span.start >= f.span.end {
                (f.span.end, y.span.start)
            } else {
                (y.span.end, f.span.start)
            };
            text.get(from..to.max(from))
                .is_some_and(|between| between.contains(YEAR_CLAUSE_MARKS))
        });
    if apart {
        out.frame.year = None;
    }
    out
}

/// True for a duration that names no measure ("trapped for 16 days", "rebuilt within five
/// years"), stated as a span of time (not the earlier value of a change, not vague).
fn is_loose_duration(f: &Figure) -> bool {
    f.kind == Kind::Duration
        && compat::measured(f).is_none()
        && !f.frame.prior
        && !f.frame.increment
        && f.frame.scope.is_none()
        && f.frame.year.is_none()
        && f.qualifier != crate::model::facts::Qualifier::Vague
}

/// "the 300-year-old bridge": the age of a thing that stands or lasts (the noun right after
/// it, from `assets/aged_things.txt`) is the span of time it has stood, told as a duration as
/// much as "the bridge has stood for 300 years"; returned as that duration (in days, the
/// durations' unit), to be grouped with the durations told alike. The age of a person ("a
/// 40-year-old driver", "the 40-year-old", "the 40-year-old Jane Roe") is none: two people
/// of one age are no one quantity, so the list names things, never people.
fn age_of_a_thing(toks: &[tokens::Token], f: &Figure) -> Option<Figure> {
    if f.kind != Kind::Age || f.qualifier != crate::model::facts::Qualifier::Exact {
        return None;
    }
    let after = toks.partition_point(|t| t.span.start < f.span.end);
    toks.get(after)
        .filter(|t| t.kind == tokens::Tok::Word && !t.capital)
        .filter(|t| crate::model::lexicon::aged_things().has(&t.lower))?;
    // The thing must be the head of its phrase: a content word after it makes it a
    // modifier of someone ("an 18-year-old college student", "a 25-year-old hotel
    // worker"); a function word, a verb in the past, a mark or the end leaves it the head
    // ("the 300-year-old bridge was closed", "the bridge collapsed", "the bridge.").
    let head = toks.get(after + 1).is_none_or(|t| {
        t.kind != tokens::Tok::Word
            || crate::model::lexicon::stopwords().contains(t.lower.as_str())
            || t.lower.ends_with("ed")
    });
    if !head {
        return None;
    }
    let mut d = f.clone();
    d.kind = Kind::Duration;
    d.value *= DAYS_A_YEAR;
    d.place *= DAYS_A_YEAR;
    d.unit = Some("day".to_string());
    Some(d)
}

/// Days a year, as `assets/units.txt` converts "years" (so that "300 years" and a
/// "300-year-old" thing are one value).
const DAYS_A_YEAR: f64 = 365.0;

/// How many times longer a duration that no other outlet states alike may be than the
/// nearest one that is (or the other way round) to join it. On the dev dossiers one ordeal
/// is told as "more than two weeks" and 16 days by two outlets each, and as 17 days and an
/// "18-day" ordeal by one each (at most 1.3 from two weeks); the nearest other spans of time
/// beside such a pair are twice it or more ("10 years" against "five years"; "up to four
/// days" for the rescue against two weeks trapped, 3.5).
const DURATION_RATIO: f64 = 1.5;

/// Durations that name no measure, grouped by value: a duration that two outlets state
/// alike (the same value, compatible: "five years", "16 days", "more than two weeks") is one
/// measured span of time told across the dossier, and the other durations within
/// [`DURATION_RATIO`] of it join it (17 and 18 days of the same ordeal, which conflict with
/// 16). A bound is no statement alike: "up to 20 years" allows 10 but does not say it. A duration no other outlet
/// agrees with, nor near one that does, stays out (a reporter's "10 years" at a paper and a
/// sentence's "20 years" in prison are no one quantity).
fn durations_told_alike(ms: Vec<FigureMention>) -> Vec<Quantity> {
    let mut order: Vec<usize> = (0..ms.len()).collect();
    order.sort_by(|&a, &b| ms[a].figure.value.total_cmp(&ms[b].figure.value));
    let value = |i: usize| ms[i].figure.value;
    // A duration another outlet states alike: by value order, only neighbours within the
    // ratio can agree with it, and the first found ends the look.
    let anchored: Vec<bool> = {
        let mut out = vec![false; ms.len()];
        for (k, &i) in order.iter().enumerate() {
            let agrees = |&j: &usize| {
                ms[j].article != ms[i].article
                    && (ranges_overlap(&ms[i].figure, &ms[j].figure)
                        || ms[j].figure.value == ms[i].figure.value
                            && compare_figures(&ms[i].figure, &ms[j].figure) == Verdict::Agree)
            };
            let up = order[k + 1..]
                .iter()
                .take_while(|&&j| near(value(i), value(j)))
                .any(agrees);
            let down = || {
                order[..k]
                    .iter()
                    .rev()
                    .take_while(|&&j| near(value(i), value(j)))
                    .any(agrees)
            };
            out[i] = up || down();
        }
        out
    };
    // Runs of anchors within the ratio of the one below: one span of time each.
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for &i in order.iter().filter(|&&i| anchored[i]) {
        match runs.last_mut() {
            Some(r) if r.last().is_some_and(|&j| near(value(j), value(i))) => r.push(i),
            _ => runs.push(vec![i]),
        }
    }
    // Every other duration joins the one run it is near (its shortest or longest anchor),
    // if only one.
    let bounds: Vec<(f64, f64)> = runs
        .iter()
        .map(|r| (value(r[0]), value(r[r.len() - 1])))
        .collect();
    for i in nearest_first(&ms, &anchored) {
        let v = value(i);
        let mut it = bounds
            .iter()
            .enumerate()
            .filter(|(_, &(lo, hi))| (lo..=hi).contains(&v) || near(lo, v) || near(hi, v));
        if let (Some((r, _)), None) = (it.next(), it.next()) {
            if !told_otherwise_in_its_article(&ms, &runs[r], i) {
                runs[r].push(i);
            }
        }
    }
    runs.into_iter()
        .map(|mut r| {
            r.sort_by_key(|&i| (ms[i].article.0, ms[i].figure.span.start));
            let first = &ms[r[0]].figure;
            Quantity {
                label: "duration".to_string(),
                kind: Kind::Duration,
                unit: first.unit.clone(),
                mentions: r.into_iter().map(|i| ms[i].clone()).collect(),
                conflicts: Vec::new(),
            }
        })
        .collect()
}

/// The durations no other outlet states alike, nearest to an anchored one first (by
/// ratio), so that of two spans one article tells near a run, the nearer joins it.
fn nearest_first(ms: &[FigureMention], anchored: &[bool]) -> Vec<usize> {
    let gap = |i: usize| {
        let v = ms[i].figure.value;
        (0..ms.len())
            .filter(|&j| anchored[j])
            .map(|j| (v / ms[j].figure.value).max(ms[j].figure.value / v))
            .fold(f64::INFINITY, f64::min)
    };
    let mut out: Vec<usize> = (0..ms.len()).filter(|&i| !anchored[i]).collect();
    out.sort_by(|&a, &b| gap(a).total_cmp(&gap(b)));
    out
}

/// True when the run already holds a duration of mention `i`'s article that conflicts with
/// it: one article does not tell one finished span of time at two lengths, so two lengths
/// in one article are two spans ("the strike lasted 10 days" after "talks had run for 14
/// days"), and only the one nearer the run joins it. A length that agrees ("more than two
/// weeks" and "17 days") may join.
fn told_otherwise_in_its_article(ms: &[FigureMention], run: &[usize], i: usize) -> bool {
    run.iter().any(|&j| {
        ms[j].article == ms[i].article
            && compare_figures(&ms[i].figure, &ms[j].figure) == Verdict::Conflict
    })
}

/// True when two figures are both ranges from one value ("10-12 hours", "10-20 hours"):
/// two outlets' estimates of one span of time, though their tops differ (and so conflict).
/// Ranges that only overlap are not enough: invented traps showed different spans of one
/// story told as ranges that touch ("finish in 4-5 hours", "roads closed for 5-7 hours";
/// "given 3-4 weeks apart", "protection 2-3 weeks after") all taken for one duration.
fn ranges_overlap(a: &Figure, b: &Figure) -> bool {
    a.upper.is_some() && b.upper.is_some() && a.value == b.value
}

/// True when two positive durations are within [`DURATION_RATIO`] of each other.
fn near(a: f64, b: f64) -> bool {
    a > 0.0 && b > 0.0 && (a / b).max(b / a) <= DURATION_RATIO
}

/// A count of people in general joins the one quantity of some people (customers, voters;
/// not a toll, not a vote's side) that another outlet states at a value it agrees with, or
/// its own article at the same value; where none or several do, it stays out.
fn place_crowds(out: &mut [Quantity], crowds: Vec<FigureMention>) {
    for m in crowds {
        let fits = |q: &Quantity| {
            q.kind == Kind::Count
                && q.unit.is_none()
                && !is_sided(q)
                && q.mentions.iter().any(|x| {
                    let mut as_them = m.figure.clone();
                    as_them.what.clone_from(&x.figure.what);
                    // Another outlet's agreeing count, or the same count restated in
                    // its own article ("145.5 million consumers … 145.5 million
                    // Americans").
                    (x.article != m.article || x.figure.value == m.figure.value)
                        && x.figure.outcome.is_none()
                        && counts_people_alone(&x.figure)
                        && compare_figures(&as_them, &x.figure) == Verdict::Agree
                })
        };
        let mut it = out.iter_mut().filter(|q| fits(q));
        if let (Some(q), None) = (it.next(), it.next()) {
            // Counted as the group it joins, so that its value is compared with theirs.
            let mut m = m;
            m.figure.what = q.mentions.first().and_then(|x| x.figure.what.clone());
            q.mentions.push(m);
        }
    }
    for q in out.iter_mut() {
        q.mentions
            .sort_by_key(|m| (m.article.0, m.figure.span.start));
    }
}

/// Figure `f` of claim `c`, in its `clause`, as one of a quantity's mentions: who the
/// article credits with it, the day its clause names and the day it was true (`dates`: the
/// article's publication date and update stamp; `toks` cover the claim).
fn mention(
    c: &Claim,
    f: &Figure,
    clause: Span,
    toks: &[tokens::Token],
    dates: (Option<&str>, Option<&str>),
) -> FigureMention {
    let (published, updated) = dates;
    FigureMention {
        article: c.article,
        claim: c.span,
        clause,
        figure: f.clone(),
        holder: c.facts.attribution_for(f.span).map(|a| a.text.clone()),
        as_of: when::as_of(toks, clause, f.span, published, updated),
        named: when::named_day(toks, clause, f.span).map(|(span, _)| span),
    }
}

/// True when the figure starting at byte `at` follows "<place> of" (`assets/populated.txt`: "a nation of 36
/// million", "a population of 5,000").
fn is_population(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let mut words = before.split_whitespace().rev();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("of"))
        && words.next().is_some_and(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            crate::model::lexicon::populated().has(&w)
        })
}

/// True for a count that names no measure, or counts the voters of a vote ("30 million
/// people voting": the turnout as a count): a count of people in general ("33 million
/// people") may be the same count told without its measure.
fn counts_people_alone(f: &Figure) -> bool {
    f.frame.measure.as_deref().is_none_or(|m| m == "turnout")
}

/// The counts of one kind of people with an outcome ("injured officer") that some article
/// states beside a count of people with the same outcome: parts of the whole, their own
/// quantities.
fn parts(claims: &[Vec<Claim>]) -> FastSet<String> {
    let mut out = FastSet::default();
    for article in claims {
        let things: FastSet<String> = article
            .iter()
            .flat_map(|c| &c.facts.figures)
            .filter_map(compat::measured)
            .collect();
        for t in &things {
            if let Some((outcome, _)) = t.split_once(' ') {
                if things.contains(outcome) {
                    out.insert(t.clone());
                }
            }
        }
    }
    out
}

/// A clause shorter than this (bytes) is widened to the whole claim: "—42—" says nothing
/// alone.
const MIN_CLAUSE: usize = 24;

/// Marks that end a clause inside a sentence.
const CLAUSE_MARKS: &[&str] = &[
    ", ",
    "; ",
    ": ",
    " — ",
    " – ",
    " - ",
    "(",
    ")",
    " while ",
    " but ",
    " whereas ",
    // "had consumed 135,000 acres and remained 35 percent contained": each figure of a
    // sentence that joins two statements gets its own.
    " and ",
];

/// The clause of `claim` that holds `figure`: from the last clause mark before it to the
/// first after it (a comma, semicolon, colon, dash or parenthesis, or "while", "but",
/// "whereas"), so that a sentence stating two figures gives each its own passage.
pub fn clause_around(text: &str, claim: Span, figure: Span) -> Span {
    let Some(s) = text.get(claim.range()) else {
        return claim;
    };
    let fs = figure.start.saturating_sub(claim.start).min(s.len());
    let fe = figure.end.saturating_sub(claim.start).min(s.len());
    let (mut start, mut end) = (0, s.len());
    for m in CLAUSE_MARKS {
        if let Some(p) = s.get(..fs).and_then(|b| b.rfind(m)) {
            // "while 631 people are missing": a joining word opens the clause it joins.
            let keep = if m.starts_with(' ') && m.ends_with(' ') && m.len() > 3 {
                1
            } else {
                m.len()
            };
            start = start.max(p + keep);
        }
        if let Some(p) = s.get(fe..).and_then(|a| a.find(m)) {
            end = end.min(fe + p);
        }
    }
    let t = s.get(start..end).unwrap_or("");
    let lead = t.len() - t.trim_start().len();
    let body = t.trim();
    if body.len() < MIN_CLAUSE {
        return claim;
    }
    let (start, end) = (start + lead, start + lead + body.len());
    let (start, end) = (
        words_back(s, start, fs, PHRASE_WORDS),
        words_on(s, fe.max(start), end, PHRASE_WORDS),
    );
    Span::new(claim.start + start, claim.start + end)
}

/// The passage that states one figure: its clause ([`clause_around`]), cut where another
/// figure of the claim that may be compared stands ("a victory of 51% to 49%": "to 49%" for
/// the second side), so that a passage quotes one figure's statement, not its neighbour's.
/// Dates, years and times stay in: they say when the figure was true.
pub fn passage(text: &str, claim: Span, figure: Span, others: &[Figure]) -> Span {
    let clause = clause_around(text, claim, figure);
    let (mut start, mut end) = (clause.start, clause.end);
    for g in others.iter().filter(|g| g.kind.comparable()) {
        if g.span.end <= figure.start && g.span.end > start {
            start = g.span.end;
        }
        if g.span.start >= figure.end && g.span.start < end {
            end = g.span.start;
        }
    }
    // Past the marks the cut leaves before the figure ("…51%, to 49%"), never into it.
    let gap = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')' | '–' | '—');
    let Some(t) = text.get(start..figure.start.max(start)) else {
        return clause;
    };
    let start = start + (t.len() - t.trim_start_matches(gap).len());
    let Some(t) = text.get(start..end) else {
        return clause;
    };
    Span::new(start, start + t.trim_end().len())
}

/// Words kept on each side of a figure in its passage: a clause with no mark to end it ("a
/// register of 90 people still unreachable in the hills as officials said the toll had risen
/// to 12") is cut to the phrase that states the figure, so that a passage quotes one
/// figure's statement, not its neighbour's. On the dev table (figure_f1 / figconf_p): whole
/// clauses 0.407 / 0.823, 14 or 10 words 0.424 / 0.845, 8 words 0.432 / 0.849, 6 words
/// 0.439 / 0.911, 4 words 0.442 / 0.923: six still reads as a phrase ("of the decade had
/// risen to 12 by Monday night").
const PHRASE_WORDS: usize = 6;

/// The start of the `n` words before byte `to` of `s`, not before `from`.
fn words_back(s: &str, from: usize, to: usize, n: usize) -> usize {
    let Some(t) = s.get(from..to) else {
        return from;
    };
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in t.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == n {
                    return from + i + c.len_utf8();
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    from
}

/// The end of the `n` words after byte `from` of `s`, not past `to`.
fn words_on(s: &str, from: usize, to: usize, n: usize) -> usize {
    let Some(t) = s.get(from..to) else {
        return to;
    };
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in t.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == n {
                    return from + i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    to
}

/// Split a quantity whose figures fall into sizes far apart: counts of one noun more than
/// [`Tuning::max_conflict_ratio`](crate::model::tuning::Tuning::max_conflict_ratio) apart are two
/// quantities (the millions whose data was taken and the thousands whose card numbers were), except
/// tolls, which any update may move.
fn split_by_size(mut q: Quantity) -> Vec<Quantity> {
    if q.mentions.iter().all(|m| is_toll(&m.figure)) {
        return vec![q];
    }
    let mut order: Vec<usize> = (0..q.mentions.len()).collect();
    order.sort_by(|&a, &b| {
        q.mentions[a]
            .figure
            .value
            .total_cmp(&q.mentions[b].figure.value)
    });
    let mut bands: Vec<Vec<usize>> = Vec::new();
    let mut last = f64::NAN;
    for i in order {
        let v = q.mentions[i].figure.value;
        let near = v == last || (last > 0.0 && v / last <= tuning().max_conflict_ratio);
        match bands.last_mut() {
            Some(b) if near => b.push(i),
            _ => bands.push(vec![i]),
        }
        last = v;
    }
    if bands.len() == 1 {
        return vec![q];
    }
    let all = std::mem::take(&mut q.mentions);
    bands
        .into_iter()
        .map(|mut b| {
            b.sort_unstable();
            Quantity {
                mentions: b.into_iter().map(|i| all[i].clone()).collect(),
                ..q.clone()
            }
        })
        .collect()
}

/// True for the shares or counts of one side of a vote ([`frame::sided`]).
fn is_sided(q: &Quantity) -> bool {
    q.mentions
        .first()
        .and_then(|m| compat::measured(&m.figure))
        .is_some_and(|t| frame::sided(&t))
}

/// Split a quantity that holds several things of one kind into one quantity per value: the
/// sides of a vote ("56% to 44%": each side's share), or two values a sentence sets side by
/// side for one key ("310,000 customers' cards and 270,000 customers' passports"). The
/// mentions, by value, are cut wherever a value disagrees with the one below it; each run
/// of agreeing values is one side's, one thing's. Others are kept whole.
fn split_by_value(q: Quantity, contrasted: &FastSet<(usize, usize)>) -> Vec<Quantity> {
    let side_by_side = q
        .mentions
        .iter()
        .any(|m| contrasted.contains(&(m.article.0, m.figure.span.start)));
    if !side_by_side && !is_sided(&q) {
        return vec![q];
    }
    let mut order: Vec<usize> = (0..q.mentions.len()).collect();
    order.sort_by(|&a, &b| {
        q.mentions[a]
            .figure
            .value
            .total_cmp(&q.mentions[b].figure.value)
    });
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for i in order {
        let f = &q.mentions[i].figure;
        match runs.last_mut() {
            Some(r)
                if r.last().is_some_and(|&j| {
                    compare_figures(&q.mentions[j].figure, f) == Verdict::Agree
                }) =>
            {
                r.push(i)
            }
            _ => runs.push(vec![i]),
        }
    }
    if runs.len() == 1 {
        return vec![q];
    }
    runs.into_iter()
        .map(|mut r| {
            r.sort_unstable();
            Quantity {
                mentions: r.into_iter().map(|i| q.mentions[i].clone()).collect(),
                ..q.clone()
            }
        })
        .collect()
}

/// How many times the larger of two values is the smaller (infinite for a zero).
fn ratio(x: &Figure, y: &Figure) -> f64 {
    if x.value > 0.0 && y.value > 0.0 {
        (x.value / y.value).max(y.value / x.value)
    } else {
        f64::INFINITY
    }
}

/// A count of people with what befell them, or a toll: any update may move it.
fn is_toll(f: &Figure) -> bool {
    f.outcome.is_some() || f.frame.measure.as_deref() == Some("toll")
}

/// True when two holders are named and differ ("organisers" vs "police").
fn other_holders(a: &FigureMention, b: &FigureMention) -> bool {
    match (&a.holder, &b.holder) {
        (Some(x), Some(y)) => !x.eq_ignore_ascii_case(y),
        _ => false,
    }
}

/// True when two mentions come from separate sources: two articles, or two holders within
/// one article (organisers vs police), not successive updates of one live page.
pub(super) fn separate_sources(x: &FigureMention, y: &FigureMention) -> bool {
    x.article != y.article || other_holders(x, y)
}

/// True when two figures of one quantity disagree: values not compatible; counts of people
/// with an outcome (a toll) at any distance, other figures only within
/// [`Tuning::max_conflict_ratio`](crate::model::tuning::Tuning::max_conflict_ratio), past which two
/// figures of one counted noun are more likely two quantities (all troops vs those at the front).
/// It reads the figures alone, whatever their place in the text, and either way round: value
/// classes ([`super::by_pair::ValueClasses`]) decide it once per two values, not per two mentions.
pub(super) fn figures_conflict(fx: &Figure, fy: &Figure) -> bool {
    compare_figures(fx, fy) == Verdict::Conflict
        && (is_toll(fx) && is_toll(fy) || ratio(fx, fy) <= tuning().max_conflict_ratio)
}

/// The pairs of mentions that disagree ([`figures_conflict`]) and come from separate
/// sources ([`separate_sources`]), in order of their first then second mention.
///
/// The figures are compared once per two value classes (mentions stating one figure),
/// not once per two mentions: on generated dossiers one quantity holds thousands of
/// mentions of a few values.
pub fn conflicts(ms: &[FigureMention]) -> Vec<FigureConflict> {
    let classes = super::by_pair::ValueClasses::new(ms);
    let mut out = Vec::new();
    for (a, x) in ms.iter().enumerate() {
        for (k, y) in ms[a + 1..].iter().enumerate() {
            let b = a + 1 + k;
            if classes.conflict(a, b) && separate_sources(x, y) {
                out.push(FigureConflict { a, b });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::claims::dossier_claims;
    use crate::model::claims::tests::dossier;

    /// Each figure of a sentence that states two gets its own clause.
    #[test]
    fn a_sentence_with_two_figures_gives_each_its_clause() {
        let t = "At least 9 people have died in the floods while 40 people are still missing, officials said.";
        let claim = Span::new(0, t.len());
        let nine = t.find('9').map(|i| Span::new(i, i + 1)).unwrap_or_default();
        let forty = t
            .find("40")
            .map(|i| Span::new(i, i + 2))
            .unwrap_or_default();
        let a = clause_around(t, claim, nine);
        let b = clause_around(t, claim, forty);
        assert_eq!(&t[a.range()], "At least 9 people have died in the floods");
        assert_eq!(&t[b.range()], "while 40 people are still missing");
    }

    /// A long clause with no mark between two figures is cut to the phrase around each, so
    /// that neither passage states the other figure; a short clause is kept whole.
    #[test]
    fn a_long_clause_is_cut_to_the_phrase_around_its_figure() {
        let t = "Rescuers published a list of 90 people still unreachable in the hills as officials said the toll in the worst flood of the decade had risen to 12 by Monday night.";
        let claim = Span::new(0, t.len());
        let at = |n: &str| {
            t.find(n)
                .map(|i| Span::new(i, i + n.len()))
                .unwrap_or_default()
        };
        let a = clause_around(t, claim, at("90"));
        let b = clause_around(t, claim, at("12"));
        assert_eq!(
            &t[a.range()],
            "Rescuers published a list of 90 people still unreachable in the hills"
        );
        assert_eq!(
            &t[b.range()],
            "of the decade had risen to 12 by Monday night."
        );
        assert!(!t[b.range()].contains("90"));
        // Looks like it, is not: a clause of six words or fewer on each side stays whole.
        let s = "The toll had risen to 12 by Monday night.";
        let twelve = s
            .find("12")
            .map(|i| Span::new(i, i + 2))
            .unwrap_or_default();
        let c = clause_around(s, Span::new(0, s.len()), twelve);
        assert_eq!(&s[c.range()], s);
    }

    /// The shares of a vote's sides are told apart by value: each side's share is one
    /// quantity, linked across outlets, and one side's share never conflicts with the
    /// other's, also when no sentence sets them side by side.
    #[test]
    fn a_votes_sides_are_told_apart_by_value() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Poll\n\nYes is set for an overall victory of 56% to 44%.\n",
            ),
            (
                "b.txt",
                "Poll\n\nYes won 55.8 per cent of the vote to No's 44.2 per cent.\n",
            ),
            (
                "c.txt",
                "Poll\n\nThe No camp took 44.2 per cent of the vote.\n\nTurnout was 61 per cent, officials said.\n",
            ),
        ]);
        let shares: Vec<Vec<f64>> = qs
            .iter()
            .filter(|q| q.label == "vote")
            .map(|q| q.mentions.iter().map(|m| m.figure.value).collect())
            .collect();
        assert_eq!(
            shares,
            vec![vec![44.0, 44.2, 44.2], vec![56.0, 55.8]],
            "{qs:#?}"
        );
        assert!(qs.iter().all(|q| q.conflicts.is_empty()), "{qs:#?}");
    }

    /// Two outlets' shares for one side that differ beyond rounding are not set against
    /// each other: sides are told apart only by value, so a share of a vote never conflicts.
    #[test]
    fn differing_shares_of_a_vote_do_not_conflict() {
        let qs = qs_of(&[
            ("a.txt", "Poll\n\nYes won 56 per cent of the vote.\n"),
            ("b.txt", "Poll\n\nYes won 51 per cent of the vote.\n"),
        ]);
        assert!(qs.iter().all(|q| q.conflicts.is_empty()), "{qs:#?}");
    }

    /// Two values one sentence sets side by side for one key are two things: each joins
    /// the outlets' mentions of its own value, and neither conflicts with the other.
    #[test]
    fn values_side_by_side_split_their_quantity() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Leak\n\nThe thieves took the card numbers of 310,000 customers and the passports of 270,000 customers.\n",
            ),
            (
                "b.txt",
                "Leak\n\nCard numbers of about 310,000 customers were taken.\n\nPassports of 270,000 customers were also taken.\n",
            ),
        ]);
        let customers: Vec<Vec<f64>> = qs
            .iter()
            .filter(|q| q.label == "customer" || q.label == "consumer")
            .map(|q| q.mentions.iter().map(|m| m.figure.value).collect())
            .collect();
        assert_eq!(
            customers,
            vec![vec![270000.0, 270000.0], vec![310000.0, 310000.0]],
            "{qs:#?}"
        );
        assert!(qs.iter().all(|q| q.conflicts.is_empty()), "{qs:#?}");
    }

    /// A count of people in general joins the one quantity of some people another outlet
    /// states at an agreeing value, and conflicts with a value that differs.
    #[test]
    fn a_count_of_people_joins_the_group_it_agrees_with() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Leak\n\nThe data of about 310 million customers was taken.\n",
            ),
            (
                "b.txt",
                "Leak\n\nThe data of as many as 310 million Americans was taken.\n",
            ),
            (
                "c.txt",
                "Leak\n\nThe data of 318.5 million customers may have been taken.\n",
            ),
        ]);
        let q = qs
            .iter()
            .find(|q| q.label == "consumer")
            .expect("customers");
        assert_eq!(q.mentions.len(), 3, "{qs:#?}");
        let c = q.mentions.iter().position(|m| m.figure.value == 318.5e6);
        assert!(
            q.conflicts.iter().all(|x| Some(x.a) == c || Some(x.b) == c),
            "{qs:#?}"
        );
        assert_eq!(q.conflicts.len(), 2, "{qs:#?}");
    }

    /// A count of people its own article restates at the same value joins that count's
    /// quantity; at another value, alone in its article, it stays out.
    #[test]
    fn a_count_of_people_restated_in_its_article_joins_the_group() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Leak\n\nThe leak exposed the data of 212.5 million customers.\n\nYes, 212.5 million Americans are at risk.\n",
            ),
            (
                "b.txt",
                "Leak\n\nThe data of about 210 million customers was taken.\n\nSome 150 million Americans were warned.\n",
            ),
        ]);
        let q = qs
            .iter()
            .find(|q| q.label == "consumer")
            .expect("customers");
        let values: Vec<f64> = q.mentions.iter().map(|m| m.figure.value).collect();
        assert_eq!(values, vec![212.5e6, 212.5e6, 210e6], "{qs:#?}");
    }

    /// A bare count opening the answer to a quoted question counts what the question
    /// asked about, and conflicts with another outlet's toll; a count further on does not.
    #[test]
    fn an_answer_counts_what_the_question_asked() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Flood\n\n\"How many deaths can you confirm?\" the minister asked the mayor of Ashford.\n\n\"Eleven, so far,\" the mayor replied.\n",
            ),
            (
                "b.txt",
                "Flood\n\nThe death toll in Ashford has risen to 34, the mayor said on Tuesday.\n",
            ),
        ]);
        let dead = qs.iter().find(|q| q.label == "dead").expect("the dead");
        let values: Vec<f64> = dead.mentions.iter().map(|m| m.figure.value).collect();
        assert_eq!(values, vec![11.0, 34.0], "{qs:#?}");
        assert_eq!(dead.conflicts.len(), 1, "{qs:#?}");
        // Looks like it, is not: the count does not open the next claim.
        let qs = qs_of(&[
            (
                "a.txt",
                "Flood\n\n\"How many deaths can you confirm?\" the minister asked the mayor of Ashford.\n\nThe mayor said Eleven streets were shut.\n",
            ),
            (
                "b.txt",
                "Flood\n\nThe death toll in Ashford has risen to 34, the mayor said on Tuesday.\n",
            ),
        ]);
        assert!(
            qs.iter()
                .all(|q| q.mentions.iter().all(|m| m.figure.value != 11.0)),
            "{qs:#?}"
        );
    }

    /// Amounts in two currencies join through the rate an article states ("€90m ($100m)")
    /// and are compared in one currency: a lower bound above another conflicts with it, one
    /// within the rounding agrees.
    #[test]
    fn amounts_in_two_currencies_join_through_a_stated_rate() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Fund\n\nSo far about €450m ($500m) has been donated to restore the hall.\n",
            ),
            (
                "b.txt",
                "Fund\n\nMore than $700m in donations poured in on Tuesday.\n",
            ),
            ("c.txt", "Fund\n\nAt least €400m has been donated so far.\n"),
        ]);
        let q = qs.iter().find(|q| q.label == "pledge").expect("pledges");
        assert_eq!(q.unit.as_deref(), Some("EUR"), "{qs:#?}");
        assert_eq!(q.mentions.len(), 3, "{qs:#?}");
        let dollars = q
            .mentions
            .iter()
            .position(|m| m.figure.text.contains('$'))
            .expect("the dollar amount");
        assert!(
            (q.mentions[dollars].figure.value - 630e6).abs() < 1e6,
            "{q:#?}"
        );
        // $700m+ (€630m+) against "about €450m" and "at least €400m": both conflict; those
        // two agree.
        assert_eq!(q.conflicts.len(), 2, "{q:#?}");
        assert!(
            q.conflicts.iter().all(|c| c.a == dollars || c.b == dollars),
            "{q:#?}"
        );
    }

    /// Looks like it, is not: with no rate stated in the dossier, amounts in two currencies
    /// stay apart and never conflict.
    #[test]
    fn amounts_in_two_currencies_stay_apart_without_a_stated_rate() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Fund\n\nSo far about €450m has been donated to restore the hall.\n",
            ),
            (
                "b.txt",
                "Fund\n\nMore than $700m in donations poured in on Tuesday.\n",
            ),
        ]);
        assert!(qs.iter().all(|q| q.conflicts.is_empty()), "{qs:#?}");
    }

    /// Looks like it, is not: a small count of people does not join another count by value
    /// alone (12 people at a briefing are not the 12 boys in the cave).
    #[test]
    fn a_small_count_of_people_stays_out() {
        let qs = qs_of(&[
            ("a.txt", "Cave\n\nThe 12 boys were found in the cave.\n"),
            (
                "b.txt",
                "Cave\n\nAll 12 boys are alive.\n\nSome 12 people attended the briefing.\n",
            ),
        ]);
        assert!(
            qs.iter()
                .flat_map(|q| &q.mentions)
                .all(|m| m.figure.noun.as_deref() != Some("people")),
            "{qs:#?}"
        );
    }

    /// True when one quantity holds both values.
    #[track_caller]
    fn holding(qs: &[Quantity], a: f64, b: f64) -> bool {
        qs.iter().any(|q| {
            q.mentions.iter().any(|m| m.figure.value == a)
                && q.mentions.iter().any(|m| m.figure.value == b)
        })
    }

    /// A quantity's name shows the counted thing as written, not its stem; a label with no
    /// counted noun stays as it is.
    #[test]
    fn a_quantitys_name_is_written_as_in_the_text() {
        let qs = qs_of(&[
            ("a.txt", "Fire\n\nThe fire destroyed 6,400 homes.\n"),
            (
                "b.txt",
                "Fire\n\nSome 6,400 homes burned.\n\nThe toll rose to 12.\n",
            ),
            ("c.txt", "Fire\n\nThe toll rose to 14.\n"),
        ]);
        let homes = qs.iter().find(|q| q.label == "hom").expect("homes");
        assert_eq!(homes.name(), "homes");
        let dead = qs.iter().find(|q| q.label == "dead").expect("a toll");
        assert_eq!(dead.name(), "dead");
    }

    /// Durations that name no measure are one quantity where outlets state one alike ("more
    /// than two weeks", 16 days): a nearby value elsewhere joins it and conflicts with a
    /// differing exact one (16 vs 17 days).
    #[test]
    fn durations_told_alike_are_one_quantity() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Cave\n\nThe miners were trapped for more than two weeks.\n",
            ),
            (
                "b.txt",
                "Cave\n\nAfter 16 days of waiting, the miners came out.\n\nThey had been trapped for more than two weeks.\n",
            ),
            (
                "c.txt",
                "Cave\n\nThe miners had been trapped for 17 days.\n",
            ),
        ]);
        let d = qs
            .iter()
            .find(|q| q.label == "duration")
            .expect("a duration");
        assert_eq!(d.mentions.len(), 4, "{qs:#?}");
        let pairs: Vec<(f64, f64)> = d
            .conflicts
            .iter()
            .map(|c| (d.mentions[c.a].figure.value, d.mentions[c.b].figure.value))
            .collect();
        assert_eq!(pairs, vec![(16.0, 17.0)], "{d:#?}");
    }

    /// Looks like it, is not: durations no two outlets state alike are no quantity (a
    /// reporter's ten years at a paper, a sentence of twenty years), nor does a span far
    /// from the one told alike join it.
    #[test]
    fn durations_no_outlet_repeats_stay_out() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Leak\n\nThe reporter spent 10 years at the paper.\n\nThe dam will be rebuilt within five years.\n",
            ),
            (
                "b.txt",
                "Leak\n\nThe offence carries up to 20 years in prison.\n\nThe dam should be rebuilt in five years.\n\nRepairs may take 18 months.\n",
            ),
        ]);
        assert!(
            qs.iter()
                .flat_map(|q| &q.mentions)
                .all(|m| m.figure.kind != Kind::Duration || m.figure.value == 1825.0),
            "{qs:#?}"
        );
        assert!(qs.iter().all(|q| q.conflicts.is_empty()), "{qs:#?}");
    }

    /// One line of a list of gifts ("- €20m from Acme") measures what the article's other
    /// amounts measure: it joins the same donor's pledge elsewhere and conflicts with a
    /// differing one; an article whose amounts measure several things lends no measure.
    #[test]
    fn a_listed_gift_is_its_donors_pledge() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Fund\n\nPledges to the fund have reached €300m.\n\n- €20m from the paint maker Brightco\n",
            ),
            ("b.txt", "Fund\n\nBrightco pledged €30m on Monday.\n"),
            (
                "c.txt",
                "Fund\n\nThe fine was €5m and pledges reached €200m.\n\n- €20m from the paint maker Brightco\n",
            ),
        ]);
        let q = qs
            .iter()
            .find(|q| q.label == "pledge of brightco")
            .expect("the donor's pledge");
        assert_eq!(q.mentions.len(), 2, "{qs:#?}");
        assert_eq!(q.conflicts.len(), 1, "{qs:#?}");
    }

    /// A quake "last year" is another event: its toll and magnitude never conflict with
    /// this quake's; this quake's magnitudes told two ways do.
    #[test]
    fn last_years_quake_is_another_event() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Quake\n\nThe magnitude 6.9 quake killed 40 people.\n",
            ),
            (
                "b.txt",
                "Quake\n\nA magnitude 5.4 quake last year killed 12 people in the valley.\n\nThe magnitude 6.1 quake killed 40 people on Monday.\n",
            ),
        ]);
        assert!(!holding(&qs, 40.0, 12.0), "{qs:#?}");
        assert!(!holding(&qs, 6.9, 5.4), "{qs:#?}");
        let m = qs
            .iter()
            .find(|q| q.label == "magnitude")
            .expect("magnitudes");
        assert_eq!(m.conflicts.len(), 1, "{qs:#?}");
        assert!(
            qs.iter()
                .filter(|q| q.label != "magnitude")
                .all(|q| q.conflicts.is_empty()),
            "{qs:#?}"
        );
    }

    /// One club's fee and another player's fee two seasons ago are different quantities:
    /// never a conflict.
    #[test]
    fn another_seasons_fee_is_another_quantity() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Transfer\n\nRovers paid a transfer fee of €80m for the striker.\n",
            ),
            (
                "b.txt",
                "Transfer\n\nThe striker joined for a fee of €80m.\n\nThe club paid a fee of €60m for a winger two seasons ago.\n",
            ),
        ]);
        assert!(!holding(&qs, 80e6, 60e6), "{qs:#?}");
        assert!(qs.iter().all(|q| q.conflicts.is_empty()), "{qs:#?}");
    }

    /// A weekly wage and a transfer fee are different measures: one quantity never holds
    /// both, so they never conflict or corroborate.
    #[test]
    fn a_wage_is_not_a_fee() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Transfer\n\nThe club paid a transfer fee of €80m for the striker.\n\nHis weekly wage is €300,000.\n",
            ),
            (
                "b.txt",
                "Transfer\n\nThe striker moved for a fee of €80m.\n\nHe will earn a weekly wage of €250,000.\n",
            ),
        ]);
        assert!(!holding(&qs, 80e6, 250_000.0), "{qs:#?}");
        assert!(!holding(&qs, 80e6, 300_000.0), "{qs:#?}");
        assert!(holding(&qs, 80e6, 80e6), "{qs:#?}");
    }

    /// Today's crowd and a record crowd of another year are different quantities.
    #[test]
    fn a_past_record_is_not_todays_count() {
        let qs = qs_of(&[
            ("a.txt", "Final\n\nSome 60,000 fans watched the final on Sunday.\n"),
            (
                "b.txt",
                "Final\n\nA record 90,000 fans watched the final in 1975.\n\nOn Sunday 61,000 fans came.\n",
            ),
        ]);
        assert!(!holding(&qs, 60_000.0, 90_000.0), "{qs:#?}");
        assert!(qs.iter().all(|q| q.conflicts.is_empty()), "{qs:#?}");
    }

    /// The nationwide toll and one town's toll are different quantities: never a conflict.
    #[test]
    fn a_nationwide_toll_is_not_a_towns() {
        let qs = qs_of(&[
            ("a.txt", "Floods\n\nThe floods have killed 12 people in Arlen.\n"),
            (
                "b.txt",
                "Floods\n\nNationwide, the floods have killed 40 people.\n\nIn Arlen, 12 people died.\n",
            ),
        ]);
        assert!(!holding(&qs, 12.0, 40.0), "{qs:#?}");
        assert!(qs.iter().all(|q| q.conflicts.is_empty()), "{qs:#?}");
    }

    /// Counts of one noun far apart in size are two quantities; tolls stay one.
    #[test]
    fn far_apart_counts_of_one_noun_are_two_quantities() {
        let d = dossier(&[
            ("a.txt", "Breach\n\nData on 140 million customers was taken.\n\nCard numbers of 209,000 customers were taken too.\n"),
            ("b.txt", "Breach\n\nThe data of 143 million customers is exposed.\n\nCard numbers of 209,000 customers were exposed.\n"),
        ]);
        let (_, claims) = dossier_claims(&d);
        let qs = quantities(&claims, |id: ArticleId| d.articles.get(id.0));
        let customers: Vec<&Quantity> = qs.iter().filter(|q| q.label == "consumer").collect();
        assert_eq!(customers.len(), 2, "{qs:#?}");
        assert!(customers.iter().all(|q| q.conflicts.is_empty()), "{qs:#?}");
    }

    #[track_caller]
    fn qs_of(files: &[(&str, &str)]) -> Vec<Quantity> {
        let d = dossier(files);
        let (_, claims) = dossier_claims(&d);
        quantities(&claims, |id: ArticleId| d.articles.get(id.0))
    }

    /// One donor's amount never conflicts with the total of all gifts; two totals that
    /// differ do.
    #[test]
    fn a_donors_amount_is_not_the_total() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Fund

Brightco pledged €50m to the fund.

Donations to the fund have reached €300m.
",
            ),
            (
                "b.txt",
                "Fund

Brightco also pledged €50m on Monday.

More than €400m has been donated so far.
",
            ),
        ]);
        let total = qs.iter().find(|q| q.label == "pledge").expect("a total");
        assert_eq!(total.mentions.len(), 2, "{qs:#?}");
        assert_eq!(total.conflicts.len(), 1, "{qs:#?}");
        let donor = qs
            .iter()
            .find(|q| q.label == "pledge of brightco")
            .expect("a donor's");
        assert!(donor.conflicts.is_empty(), "{qs:#?}");
    }

    /// The earlier value of a change ("rose to 34 from 16") is no mention of the toll: it
    /// does not conflict with the current one elsewhere.
    #[test]
    fn an_earlier_value_is_no_conflicting_mention() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Storm

The death toll has risen to 34 from 16, officials said.
",
            ),
            (
                "b.txt",
                "Storm

The death toll has risen to 34, the governor said.
",
            ),
        ]);
        let dead = qs.iter().find(|q| q.label == "dead").expect("a toll");
        assert!(
            dead.mentions.iter().all(|m| m.figure.value == 34.0),
            "{dead:#?}"
        );
        assert!(dead.conflicts.is_empty(), "{dead:#?}");
    }

    /// "bringing the total to 40" states the toll: it agrees with "at least 40" and
    /// conflicts with 45 elsewhere; the increment before it is no toll.
    #[test]
    fn a_running_total_is_the_toll() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Fire

Police reported seven more deaths, bringing the total to 40.
",
            ),
            (
                "b.txt",
                "Fire

At least 40 people have died in the fire.
",
            ),
            (
                "c.txt",
                "Fire

The death toll stands at 45.
",
            ),
        ]);
        let dead = qs.iter().find(|q| q.label == "dead").expect("a toll");
        assert!(
            dead.mentions.iter().all(|m| m.figure.value != 7.0),
            "{dead:#?}"
        );
        assert_eq!(dead.mentions.len(), 3, "{dead:#?}");
        let pairs: Vec<(f64, f64)> = dead
            .conflicts
            .iter()
            .map(|c| {
                (
                    dead.mentions[c.a].figure.value,
                    dead.mentions[c.b].figure.value,
                )
            })
            .collect();
        // "at least 40" allows 45: only the exact 40 conflicts with it.
        assert_eq!(pairs, vec![(40.0, 45.0)], "{dead:#?}");
    }

    /// A small written count with what befell the people is a figure ("four boys were
    /// rescued"); "two fatalities" of something named elsewhere is not.
    #[test]
    fn small_written_counts_need_an_outcome() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Cave

Divers said four boys were rescued on Sunday.

A fire upstate has been blamed for two fatalities.
",
            ),
            (
                "b.txt",
                "Cave

By Monday eight boys had been rescued.

The fire has killed 40 people.
",
            ),
        ]);
        let rescued = qs.iter().find(|q| q.label == "rescued").expect("rescued");
        assert_eq!(rescued.conflicts.len(), 1, "{qs:#?}");
        assert!(qs.iter().all(|q| q.label != "dead"), "{qs:#?}");
    }

    /// Each mention says when it was true: its sentence's day against the article's date.
    #[test]
    fn mentions_carry_their_day() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Fire

Published: 10 March 2021

The death toll rose to 29 on Sunday.
",
            ),
            (
                "b.txt",
                "Fire

Published: 11 March 2021

The death toll rose to 31 on Thursday.
",
            ),
        ]);
        let dead = qs.iter().find(|q| q.label == "dead").expect("a toll");
        let days: Vec<Option<&str>> = dead.mentions.iter().map(|m| m.as_of.as_deref()).collect();
        assert_eq!(
            days,
            vec![Some("2021-03-07"), Some("2021-03-11")],
            "{dead:#?}"
        );
    }

    /// Successive updates within one article are no conflict; across articles they are.
    #[test]
    fn updates_conflict_across_articles_only() {
        let d = dossier(&[
            ("a.txt", "Fire\n\nBy noon 12 people had died in the fire.\n\nBy night 20 people had died in the fire.\n"),
            ("b.txt", "Fire\n\nOfficials said 31 people died in the fire.\n\nMarkets reopened.\n"),
        ]);
        let (_, claims) = dossier_claims(&d);
        let qs = quantities(&claims, |id: ArticleId| d.articles.get(id.0));
        let dead = qs.iter().find(|q| q.label == "dead").expect("a toll");
        assert_eq!(dead.mentions.len(), 3);
        for c in &dead.conflicts {
            assert_ne!(dead.mentions[c.a].article, dead.mentions[c.b].article);
        }
        assert_eq!(dead.conflicts.len(), 2, "{dead:#?}");
    }

    /// An earlier event's toll, dated by its year in one outlet and named by a relative
    /// clause in another, is one quantity: its two figures are compared, and neither joins
    /// the story's own toll.
    #[test]
    fn an_earlier_events_toll_named_or_dated_is_one_quantity() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Storm\n\nThe toll from Storm Wren rose to 21.\n\nAs many as 900 people died in 1998 when Storm Kestrel came ashore.\n",
            ),
            (
                "b.txt",
                "Storm\n\nThe toll from Storm Wren rose to 23.\n\nThe mayor compared the storm to Kestrel, which left up to 900 dead along the coast.\n",
            ),
            (
                "c.txt",
                "Storm\n\nMore than 1,200 people are thought to have perished in 1998 when Kestrel struck.\n",
            ),
        ]);
        let earlier = qs
            .iter()
            .find(|q| q.mentions.iter().any(|m| m.figure.value == 900.0))
            .expect("the earlier toll");
        let values: Vec<f64> = earlier.mentions.iter().map(|m| m.figure.value).collect();
        assert_eq!(values, vec![900.0, 900.0, 1200.0], "{qs:#?}");
        // 900 vs 900 agree; each "up to 900" against "more than 1,200" conflicts.
        assert_eq!(earlier.conflicts.len(), 2, "{earlier:#?}");
        let own = qs.iter().find(|q| q.label == "dead").expect("the own toll");
        assert!(
            own.mentions.iter().all(|m| m.figure.value < 100.0),
            "{own:#?}"
        );
    }

    /// A relative clause on a name that no dated toll of the dossier names stays its own
    /// quantity: the join needs the name in the dated mention's sentence.
    #[test]
    fn a_named_toll_does_not_join_a_year_it_is_not_told_with() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Storm\n\nAs many as 900 people died in 1998 when Storm Kestrel came ashore.\n",
            ),
            (
                "b.txt",
                "Storm\n\nThe mayor compared the storm to Plover, which left up to 300 dead.\n",
            ),
        ]);
        assert!(
            qs.iter()
                .all(|q| q.mentions.iter().all(|m| m.figure.value == 900.0)
                    || q.mentions.iter().all(|m| m.figure.value == 300.0)),
            "{qs:#?}"
        );
    }

    /// A vague count of another year's dead ("thousands of deaths in 1998") joins that
    /// year's toll and conflicts with a figure outside its order of magnitude.
    #[test]
    fn a_vague_count_joins_an_earlier_years_toll() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Storm\n\nAs many as 900 people died in 1998 when Storm Kestrel came ashore.\n",
            ),
            (
                "b.txt",
                "Storm\n\nThe mayor recalled the thousands of deaths in the floods of 1998.\n",
            ),
        ]);
        let earlier = qs
            .iter()
            .find(|q| q.label == "dead, 1998")
            .expect("{qs:#?}");
        assert_eq!(earlier.mentions.len(), 2, "{earlier:#?}");
        assert_eq!(earlier.conflicts.len(), 1, "{earlier:#?}");
    }

    /// A vague count of the story's own dead ("hundreds may have died") joins no quantity:
    /// against the outlets' figures it is an aside, never a conflict.
    #[test]
    fn a_vague_count_of_the_own_toll_stays_out() {
        let qs = qs_of(&[
            ("a.txt", "Quake\n\nThe death toll rose to 31 on Monday.\n"),
            ("b.txt", "Quake\n\nThe death toll rose to 34 on Tuesday.\n"),
            (
                "c.txt",
                "Quake\n\nRescuers fear hundreds of people died in the villages.\n",
            ),
        ]);
        assert!(
            qs.iter()
                .flat_map(|q| &q.mentions)
                .all(|m| m.figure.qualifier != crate::model::facts::Qualifier::Vague),
            "{qs:#?}"
        );
    }

    /// "40 sailors, but the union says that figure could be as high as 55": the count that
    /// points back is another estimate of the same crew, in the crew's quantity; it does not
    /// split it by value as two things side by side would.
    #[test]
    fn that_figure_stays_in_the_quantity_it_points_back_at() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Ship\n\nOfficials said 40 sailors were aboard, but the union says that figure could be as high as 55.\n",
            ),
            ("b.txt", "Ship\n\nThe navy said 40 sailors were aboard.\n"),
        ]);
        let crew = qs
            .iter()
            .find(|q| q.mentions.iter().any(|m| m.figure.value == 55.0))
            .expect("{qs:#?}");
        let values: Vec<f64> = crew.mentions.iter().map(|m| m.figure.value).collect();
        assert_eq!(values, vec![40.0, 55.0, 40.0], "{qs:#?}");
    }

    /// A vague toll keyed as the story's own joins an earlier event's toll when its
    /// sentence names that event, known from a relative clause another outlet hangs on it.
    #[test]
    fn a_vague_count_beside_an_earlier_events_name_joins_its_toll() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Storm\n\nAs many as 900 people died in 1998 when Storm Kestrel came ashore.\n",
            ),
            (
                "b.txt",
                "Storm\n\nThe mayor compared the storm to Kestrel, which left up to 900 dead.\n",
            ),
            (
                "c.txt",
                "Storm\n\nThe mayor said to recall Kestrel and the thousands of people who died.\n",
            ),
        ]);
        let earlier = qs
            .iter()
            .find(|q| q.label == "dead, 1998")
            .expect("{qs:#?}");
        let values: Vec<f64> = earlier.mentions.iter().map(|m| m.figure.value).collect();
        assert_eq!(values, vec![900.0, 900.0, 1000.0], "{qs:#?}");
    }

    /// The age of a thing is the span of time it has stood: "the 600-year-old mill" and "a
    /// mill that stood for 600 years" are one duration, and another outlet's "550-year-old
    /// mill" conflicts with both.
    #[test]
    fn the_age_of_a_thing_is_a_duration_told_alike() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Mill\n\nFlames gutted the 600-year-old mill on Friday.\n",
            ),
            (
                "b.txt",
                "Mill\n\nThe mill had stood above the river for 600 years.\n",
            ),
            (
                "c.txt",
                "Mill\n\nCrowds watched as the 550-year-old mill burned.\n",
            ),
        ]);
        let age = qs
            .iter()
            .find(|q| q.kind == Kind::Duration)
            .unwrap_or_else(|| panic!("no duration in {qs:#?}"));
        assert_eq!(age.mentions.len(), 3, "{age:#?}");
        assert_eq!(age.conflicts.len(), 2, "{age:#?}");
    }

    /// Looks like the age of a thing, is not: two people of one age are no one quantity,
    /// nor is another of a near age in conflict with them.
    #[test]
    fn the_age_of_a_person_is_no_duration() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Mill\n\nThe 61-year-old miller escaped the flames.\n",
            ),
            (
                "b.txt",
                "Mill\n\nA 61-year-old woman was treated for smoke.\n",
            ),
            ("c.txt", "Mill\n\nThe 58-year-old owner watched it burn.\n"),
        ]);
        assert!(qs.iter().all(|q| q.kind != Kind::Duration), "{qs:#?}");
    }

    /// Two outlets' ranges of one span of time that overlap are one duration, and conflict
    /// when their tops differ; a range and a single duration apart stay apart.
    #[test]
    fn overlapping_ranges_are_one_duration() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Dig\n\nThe crews will rest for 6-8 hours before the next dig.\n",
            ),
            (
                "b.txt",
                "Dig\n\nWork will pause for 6-14 hours, the mayor said.\n",
            ),
            ("c.txt", "Dig\n\nThe tunnel took three days to clear.\n"),
        ]);
        let pause: Vec<&Quantity> = qs.iter().filter(|q| q.kind == Kind::Duration).collect();
        assert_eq!(pause.len(), 1, "{qs:#?}");
        assert_eq!(pause[0].mentions.len(), 2, "{qs:#?}");
        assert_eq!(pause[0].conflicts.len(), 1, "{qs:#?}");
    }

    /// Looks like it, is not: two ranges of time that only touch or overlap ("finish in
    /// 4-5 hours", "closed for 5-7 hours") are two spans of one story, never one duration.
    #[test]
    fn ranges_that_only_overlap_are_not_one_duration() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Race

Most runners finish in 4-5 hours, organisers said.
",
            ),
            (
                "b.txt",
                "Race

Roads will be closed for 5-7 hours on race day.
",
            ),
        ]);
        assert!(qs.iter().all(|q| q.conflicts.is_empty()), "{qs:#?}");
    }

    /// Looks like it, is not: a vague count told in the story's own time ("have died since
    /// Sunday") is no earlier event's toll, though its sentence names that event.
    #[test]
    fn a_vague_toll_of_now_joins_no_earlier_event() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Wave\n\nThe wave struck on Sunday. The 2009 flood, which killed 3,000 people, hit the same valley.\n",
            ),
            (
                "b.txt",
                "Wave\n\nHundreds have died since Sunday along the valley the 2009 flood ruined.\n",
            ),
            (
                "c.txt",
                "Wave\n\nThe 2009 flood killed 3,000 people in the valley.\n",
            ),
        ]);
        assert!(qs.iter().all(|q| q.conflicts.is_empty()), "{qs:#?}");
    }

    /// Looks like it, is not: a country's people ("a nation of 34 million people") are no
    /// crowd, and never join a turnout they happen to agree with.
    #[test]
    fn a_population_is_no_crowd() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Vote\n\nTurnout was high, with 33.5 million people voting.\n",
            ),
            (
                "b.txt",
                "Vote\n\nThe nation of 34 million people went to the polls on Sunday.\n",
            ),
        ]);
        assert!(
            qs.iter()
                .all(|q| q.mentions.iter().all(|m| m.figure.value != 34e6)),
            "{qs:#?}"
        );
    }

    /// Looks like it, is not: a person described by a place ("an 18-year-old college
    /// student", "a 25-year-old hotel worker") has an age, not a thing's span of time.
    #[test]
    fn a_person_described_by_a_place_is_no_aged_thing() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Crash

An 18-year-old college student died in the crash.
",
            ),
            (
                "b.txt",
                "Crash

The driver, an 18-year-old college student, was killed.
",
            ),
            (
                "c.txt",
                "Crash

A 17-year-old school pupil was badly hurt.
",
            ),
        ]);
        assert!(qs.iter().all(|q| q.kind != Kind::Duration), "{qs:#?}");
    }

    /// A year past a clause mark names when a span of time ends, not another event's span:
    /// the duration joins the same span told by another outlet; a year in its own clause
    /// keeps it apart.
    #[test]
    fn a_year_past_a_comma_does_not_date_a_duration() {
        let qs = qs_of(&[
            ("a.txt", "Hall\n\nThe mayor wants the hall rebuilt within four years, in time for the 2031 fair.\n"),
            ("b.txt", "Hall\n\nThe hall should be rebuilt in four years, the mayor said.\n"),
        ]);
        let four: Vec<&Quantity> = qs.iter().filter(|q| q.kind == Kind::Duration).collect();
        assert_eq!(four.len(), 1, "{qs:#?}");
        assert_eq!(four[0].mentions.len(), 2, "{qs:#?}");
        let qs = qs_of(&[
            (
                "a.txt",
                "Hall\n\nThe old hall took four years to build in 1890.\n",
            ),
            (
                "b.txt",
                "Hall\n\nThe hall should be rebuilt in four years, the mayor said.\n",
            ),
        ]);
        assert!(qs.iter().all(|q| q.kind != Kind::Duration), "{qs:#?}");
    }

    /// The first dead found are the toll of their day: set against a later toll in another
    /// outlet they conflict (the gold reads such a first find as a toll told at another
    /// time), and a later toll stays in conflict with an earlier one.
    #[test]
    fn the_first_dead_found_are_the_toll_of_their_day() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Quake\n\nAt least 41 people have died in the quake.\n",
            ),
            (
                "b.txt",
                "Quake\n\nThe first deaths were known on Monday, when divers found the remains of six people in a garage.\n\nBy Thursday 58 people had died in the quake.\n",
            ),
        ]);
        let dead = qs.iter().find(|q| q.label == "dead").expect("a toll");
        let pair = |x: f64, y: f64| {
            dead.conflicts.iter().any(|c| {
                let (a, b) = (&dead.mentions[c.a].figure, &dead.mentions[c.b].figure);
                (a.value, b.value) == (x, y) || (a.value, b.value) == (y, x)
            })
        };
        assert!(pair(41.0, 6.0), "{dead:#?}");
        assert!(pair(41.0, 58.0), "{dead:#?}");
        // Within one article a find and a later toll are successive updates, no conflict.
        assert!(!pair(6.0, 58.0), "{dead:#?}");
    }

    /// A second span of time one article tells near a duration told alike is another span,
    /// no conflict; the nearer length another outlet gives still conflicts.
    #[test]
    fn two_lengths_in_one_article_are_two_spans() {
        let qs = qs_of(&[
            ("a.txt", "Strike\n\nThe rail strike lasted 10 days.\n\nTalks had run for 14 days before the walkout.\n"),
            ("b.txt", "Strike\n\nThe union said the strike lasted 10 days.\n"),
            ("c.txt", "Strike\n\nThe walkout ran for 11 days.\n\nDrivers had waited for a pay rise for 15 days.\n"),
        ]);
        let d = qs
            .iter()
            .find(|q| q.kind == Kind::Duration)
            .expect("a duration");
        let values: Vec<f64> = d.mentions.iter().map(|m| m.figure.value).collect();
        assert!(!values.contains(&14.0) && !values.contains(&15.0), "{d:#?}");
        // Looks like it, is not: 11 days in another outlet is the same strike told otherwise.
        assert!(values.contains(&11.0), "{d:#?}");
        assert_eq!(d.conflicts.len(), 2, "{d:#?}");
    }

    /// An earlier quake's toll hung on "since the 1994 quake" is that quake's, never in
    /// conflict with this one's; this quake's tolls still conflict.
    #[test]
    fn a_toll_hung_on_a_since_year_is_that_years() {
        let qs = qs_of(&[
            ("a.txt", "Quake\n\nThe quake killed at least 210 people.\n\nIt was the deadliest since the 1994 quake, which killed 9,000.\n"),
            ("b.txt", "Quake\n\nThe death toll from the quake rose to 260.\n"),
        ]);
        let dead = qs.iter().find(|q| q.label == "dead").expect("the toll");
        assert!(
            dead.mentions.iter().all(|m| m.figure.value < 1000.0),
            "{dead:#?}"
        );
        assert_eq!(dead.conflicts.len(), 1, "{dead:#?}");
    }
}
