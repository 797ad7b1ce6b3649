//! Facts a claim carries: figures (counts, percentages, money, measures, durations; dates,
//! years, times, ages and magnitudes apart), likelihood grades, named entities, and who the
//! article credits with the claim.
//!
//! Everything is found by a small lexer and lexicons kept in `assets/`; nothing here
//! panics on any text, and every span is a byte range of the article.

mod attribution;
pub mod compat;
pub mod frame;
pub mod lexicon;
mod likelihood;
mod numbers;
mod outcome;
pub use outcome::{asked_about, last_named};
pub mod tokens;
pub mod when;

pub use compat::{compare_figures, compare_likelihood, Verdict};
pub use lexicon::{Grade, Qualifier};
pub use numbers::parse_numeral;

use crate::model::Span;
use serde::Serialize;
use tokens::{Tok, Token};

/// What a figure measures; figures of different kinds are never compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Count,
    Percent,
    Money,
    Length,
    Area,
    Weight,
    /// A speed ("winds of 150mph"), in km/h.
    Speed,
    Duration,
    Date,
    Year,
    Time,
    Age,
    Magnitude,
    Ordinal,
}

impl Kind {
    /// The kind of a unit's dimension (from `assets/units.txt`).
    pub fn of_dimension(d: &str) -> Kind {
        match d {
            "length" => Kind::Length,
            "area" => Kind::Area,
            "weight" => Kind::Weight,
            "speed" => Kind::Speed,
            "duration" => Kind::Duration,
            "percent" => Kind::Percent,
            _ => Kind::Count,
        }
    }
    /// True for kinds whose values two claims may disagree on.
    pub fn comparable(self) -> bool {
        !matches!(self, Kind::Date | Kind::Year | Kind::Time | Kind::Ordinal)
    }
    /// The name used in JSON and text.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Length => "length",
            Kind::Area => "area",
            Kind::Weight => "weight",
            Kind::Speed => "speed",
            Kind::Duration => "duration",
            Kind::Date => "date",
            Kind::Year => "year",
            Kind::Time => "time",
            Kind::Age => "age",
            Kind::Magnitude => "magnitude",
            Kind::Ordinal => "ordinal",
        }
    }
}

/// A figure as stated, normalized: "approximately 10,000 soldiers" is a count of troop,
/// 10000, approx.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub kind: Kind,
    /// The value in the canonical unit (kilometres, days, the currency's units).
    pub value: f64,
    /// The place of the last significant digit as stated (10,000 -> 10000; 2,527 -> 1).
    pub place: f64,
    /// The top of a range, in the canonical unit, when the figure states one ("10-12 hours":
    /// 12 hours, `value` its bottom, 10); none for a single value.
    pub upper: Option<f64>,
    pub qualifier: Qualifier,
    /// Canonical unit or currency code ("km", "USD", "%").
    pub unit: Option<String>,
    /// What a count counts, canonical ("troop").
    pub what: Option<String>,
    /// What a count counts, as written ("soldiers").
    pub noun: Option<String>,
    /// What happened to the people counted ("dead", "injured", "missing"), when said.
    pub outcome: Option<String>,
    /// True when the value was converted from another unit (miles -> km).
    pub converted: bool,
    /// What it measures, its scope and year, and whether it is an earlier value.
    pub frame: frame::Frame,
    /// From the qualifier to the unit.
    pub span: Span,
    /// The figure as written.
    pub text: String,
}

/// A likelihood or certainty phrase with its grade (`None`: undetermined).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Likelihood {
    pub grade: Grade,
    pub span: Span,
    pub text: String,
}

/// Who the article credits with a claim, as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribution {
    pub span: Span,
    pub text: String,
}

/// The facts of one claim.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facts {
    pub figures: Vec<Figure>,
    pub likelihood: Vec<Likelihood>,
    /// Capitalized names ("Lloyd Austin", "Kursk"), as written.
    pub entities: Vec<String>,
    pub attributions: Vec<Attribution>,
    /// Clause boundaries (byte offsets) inside the claim: ", but", ";", ", while".
    pub clauses: Vec<usize>,
}

impl Facts {
    /// The attribution nearest to `at`, preferring one in the same clause.
    pub fn attribution_for(&self, at: Span) -> Option<&Attribution> {
        let clause = |p: usize| self.clauses.iter().filter(|&&c| c <= p).count();
        let dist = |a: &Attribution| {
            if a.span.end <= at.start {
                at.start - a.span.end
            } else {
                a.span.start.saturating_sub(at.end)
            }
        };
        let same: Vec<&Attribution> = self
            .attributions
            .iter()
            .filter(|a| clause(a.span.start) == clause(at.start))
            .collect();
        let pool: Vec<&Attribution> = if same.is_empty() {
            self.attributions.iter().collect()
        } else {
            same
        };
        pool.into_iter().min_by_key(|a| dist(a))
    }
}

/// Extract the facts of `text[span]`.
pub fn extract(text: &str, span: Span) -> Facts {
    let toks = tokens::lex(text, span);
    extract_tokens(text, &toks)
}

/// Extract facts from tokens already lexed.
pub fn extract_tokens(text: &str, toks: &[Token]) -> Facts {
    Facts {
        entities: entities(text, toks),
        ..extract_unnamed(text, toks)
    }
}

/// [`extract_tokens`] without the names (`entities` left empty), for the claims, whose
/// terms carry the names: finding them cost a stop-word lookup per capitalized word and a
/// string per name that the claims dropped at once.
pub fn extract_unnamed(text: &str, toks: &[Token]) -> Facts {
    let mut figures = numbers::figures(text, toks);
    drop_emphatic_repeats(&mut figures, text);
    outcome::mark(&mut figures, toks);
    outcome::parts_and_wholes(&mut figures, toks);
    frame::mark(&mut figures, toks);
    figures.retain(|f| {
        !small_written(f) || f.frame.increment || (f.outcome.is_some() && f.noun.is_some())
    });
    Facts {
        figures,
        likelihood: likelihood::likelihoods(text, toks),
        entities: Vec::new(),
        attributions: attribution::attributions(text, toks),
        clauses: clauses(toks),
    }
}

/// "thousands and thousands of homes": a vague count said again after "and" is
/// one figure told with emphasis, not several; only the last, which stands by what it
/// counts and when, is kept.
fn drop_emphatic_repeats(figures: &mut Vec<Figure>, text: &str) {
    let repeated: Vec<bool> = (0..figures.len())
        .map(|i| {
            let (f, Some(g)) = (&figures[i], figures.get(i + 1)) else {
                return false;
            };
            f.qualifier == Qualifier::Vague
                && g.qualifier == Qualifier::Vague
                && f.text.eq_ignore_ascii_case(&g.text)
                && text
                    .get(f.span.end..g.span.start)
                    .is_some_and(|between| between.trim() == "and")
        })
        .collect();
    let mut it = repeated.into_iter();
    figures.retain(|_| !it.next().unwrap_or(false));
}

/// True for a count written as a word below ten ("four boys"). Such a count is a figure only
/// as an increment ("seven more deaths") or with what befell the people it counts ("four
/// boys were rescued"); "two police officers" describes, and "two fatalities" elsewhere is
/// too often another event's (on the dev dossiers every such count without both words was
/// no figure of the gold).
fn small_written(f: &Figure) -> bool {
    f.kind == Kind::Count && f.value < 10.0 && f.text.starts_with(char::is_alphabetic)
}

/// Capitalized word runs, past a sentence-initial function word ("The", "He").
fn entities(text: &str, toks: &[Token]) -> Vec<String> {
    let stop = lexicon::stopwords();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let cap = t.kind == Tok::Word && t.capital && !stop.contains(t.lower.as_str());
        if !cap {
            i += 1;
            continue;
        }
        let start = i;
        while i + 1 < toks.len()
            && toks[i + 1].kind == Tok::Word
            && (toks[i + 1].capital || (toks[i + 1].lower == "-" && toks[i + 1].glued))
        {
            i += 1;
        }
        let span = Span::new(toks[start].span.start, toks[i].span.end);
        if let Some(s) = text.get(span.range()) {
            if !out.iter().any(|e| e == s) {
                out.push(s.to_string());
            }
        }
        i += 1;
    }
    out
}

/// Byte offsets where a new clause begins: after ";" or at ", but / while / although".
fn clauses(toks: &[Token]) -> Vec<usize> {
    clause_starts(toks).collect()
}

/// [`clauses`] over a stream of tokens: it keeps only the last token's mark, so a sentence
/// of any length is read in constant memory.
pub fn clause_starts<T: std::borrow::Borrow<Token>>(
    toks: impl IntoIterator<Item = T>,
) -> impl Iterator<Item = usize> {
    const JOINS: [&str; 6] = ["but", "while", "although", "though", "whereas", "however"];
    let mut prev: Option<&str> = None;
    toks.into_iter().filter_map(move |t| {
        let t = t.borrow();
        let after_semicolon = prev == Some(";");
        // The mark before is tested first and a word's form read only after a comma, and
        // only a mark's form is read for the mark (every word tested against every joining
        // word: 8.8 M more instructions of `dossier sources` on 200 generated articles).
        let joins = prev == Some(",") && t.kind == Tok::Word && JOINS.contains(&t.lower.as_str());
        prev = match t.kind {
            Tok::Punct => match t.lower.as_str() {
                ";" => Some(";"),
                "," => Some(","),
                _ => Some(""),
            },
            _ => Some(""),
        };
        (after_semicolon || joins).then_some(t.span.start)
    })
}

/// A light stem: plural, past and gerund endings off ("troops" -> "troop", "moved" ->
/// "mov"), words of four letters or fewer kept ("used"). Snowball's English stemmer
/// (`rust-stemmers`) was measured in its place on the dev table: claim_f1 0.710 -> 0.706 and
/// ten more wrongly paired claims over the seeds and the seven dev dossiers (its stems join
/// more words than the same claim's inflections), so the light stem stays.
pub fn stem(w: &str) -> String {
    let w = w.trim_end_matches("'s").trim_end_matches('\'');
    let n = w.chars().count();
    if n <= 3 || !w.is_ascii() {
        return w.to_string();
    }
    let mut s = if let Some(b) = w.strip_suffix("ies") {
        format!("{b}y")
    } else if let Some(b) = w.strip_suffix("sses") {
        format!("{b}ss")
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w[..w.len() - 1].to_string()
    } else if n > 5 && w.ends_with("ing") {
        w[..w.len() - 3].to_string()
    } else if n > 4 && w.ends_with("ed") {
        w[..w.len() - 2].to_string()
    } else {
        w.to_string()
    };
    let b = s.as_bytes();
    if b.len() > 3 && b[b.len() - 1] == b[b.len() - 2] && !b"lsz".contains(&b[b.len() - 1]) {
        s.pop();
    }
    if s.len() > 3 && s.ends_with('e') {
        s.pop();
    }
    s
}

/// A word as claims compare it: its synonym group, else its stem's group, else its stem.
pub fn canonical_word(w: &str) -> String {
    let syn = lexicon::synonyms();
    if let Some(h) = syn.get(w) {
        return h.clone();
    }
    let s = stem(w);
    syn.get(&s).cloned().unwrap_or(s)
}

#[cfg(test)]
mod tests;
