//! The frame around a figure beyond its value and counted noun: what it measures (a measure
//! noun near it: "a turnout of 72%", "30% contained"), its scope (a part: "directly"; a sum:
//! "combined"; another place or event: "other", "another"; the year it is about), and
//! whether it is the earlier value of a change ("rose to 34 from 16": 16 is what it was).
//! The words are data: `assets/measures.txt`, `assets/scopes.txt`, `assets/changes.txt`.

mod donor;
mod turnout;

use super::lexicon::{FastMap, FastSet};
use super::tokens::{Tok, Token};
use super::{Figure, Kind};
use crate::model::lexicon::parse_list;
use serde::Serialize;
use std::sync::OnceLock;

/// What a figure is about beyond its value, unit and counted noun.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Frame {
    /// The measure named near it ("turnout", "toll", "vote"), canonical.
    pub measure: Option<String>,
    /// A narrower or wider scope ("direct", "combined", "other").
    pub scope: Option<String>,
    /// The year the figure is about, when the clause names one ("died in 2005").
    pub year: Option<i32>,
    /// True for the earlier value of a change ("from 16" in "rose to 34 from 16").
    pub prior: bool,
    /// True for an increment, not the whole: "seven more deaths", "12 additional troops".
    pub increment: bool,
    /// True for a count that points back at the one before it ("that figure could be as
    /// high as 55"): a restatement of that count, never a second thing beside it.
    pub points_back: bool,
    /// Who an amount of money is tied to, for a reader and the index: the donor, payer or
    /// club named as the clause's subject ("Acme pledged €50m") or after it ("€50m from
    /// Acme"), lowercase; none for a running total ("taking the total to €300m") or when no
    /// name is near. For a length, the place it is measured from ("40 km east of
    /// Ashford": ashford).
    pub about: Option<String>,
}

/// True for a word that names what a figure measures ("toll", "turnout").
pub fn measure_word(w: &str) -> bool {
    measures().contains_key(w)
}

/// The measure that points back at a figure already named ("that figure", "the number").
pub const ANAPHOR: &str = "figure";

/// Measures a whole is divided by, one figure per side: the shares or counts of a vote
/// ("56% to 44%", "12 million votes for one side and 9 million for the other"). Two such
/// figures that differ are most often two sides, not a dispute; see [`sided`].
const SIDED: &[&str] = &["vote"];

/// True when a measured thing (a measure, or a counted noun in its canonical form: "vot"
/// for "votes") is one side's part of a whole several sides divide ([`SIDED`]).
pub fn sided(thing: &str) -> bool {
    SIDED
        .iter()
        .any(|m| *m == thing || super::canonical_word(m) == thing)
}

fn measures() -> &'static FastMap<String, String> {
    static CELL: OnceLock<FastMap<String, String>> = OnceLock::new();
    CELL.get_or_init(|| super::lexicon::parse_groups(include_str!("../../../assets/measures.txt")))
}

fn scopes() -> &'static FastMap<String, String> {
    static CELL: OnceLock<FastMap<String, String>> = OnceLock::new();
    CELL.get_or_init(|| super::lexicon::parse_groups(include_str!("../../../assets/scopes.txt")))
}

fn changes() -> &'static FastSet<String> {
    static CELL: OnceLock<FastSet<String>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse_list(include_str!("../../../assets/changes.txt"))
            .into_iter()
            .collect()
    })
}

/// Words looked at before a figure for its measure ("turnout in the referendum was 71.8%",
/// "the death toll from the storm in the north has risen to 34": ten, the longest such
/// reach on the dev dossiers).
const MEASURE_BEFORE: usize = 10;
/// Words looked at after it ("51.9 per cent of the vote").
const MEASURE_AFTER: usize = 4;
/// Words looked at before a figure for its scope ("with a combined death toll of 44", "the
/// collective death toll in the state stands at 44": eight, as in that last pattern).
const SCOPE_BEFORE: usize = 8;
/// Words looked at after it ("19 people who died as a direct result").
const SCOPE_AFTER: usize = 7;
/// Words looked at before "from N" for a change word ("has increased to 34 from 16").
const CHANGE_BEFORE: usize = 8;
/// Bytes between a figure and a year that dates it ("1,800 people died in 2005").
const YEAR_REACH: usize = 60;

/// A token that ends a window: another number, or a clause mark.
fn stops(t: &Token) -> bool {
    t.kind == Tok::Number
        || (t.kind == Tok::Punct && matches!(t.lower.as_str(), "," | ";" | ":" | "—" | "(" | ")"))
}

/// Distance and group of the first word of `table` in `it`, before a stop.
fn first_in<'a>(
    it: impl Iterator<Item = &'a Token>,
    table: &FastMap<String, String>,
) -> Option<(usize, String)> {
    first_where(it, table, |_| true)
}

/// Distance and group of the first word of `table` in `it` whose group `keep` takes, before
/// a stop.
fn first_where<'a>(
    it: impl Iterator<Item = &'a Token>,
    table: &FastMap<String, String>,
    keep: impl Fn(&str) -> bool,
) -> Option<(usize, String)> {
    for (d, t) in it.enumerate() {
        if stops(t) {
            return None;
        }
        if let Some(g) = table.get(t.lower.as_str()).filter(|g| keep(g)) {
            return Some((d, g.clone()));
        }
    }
    None
}

/// The nearest group before or after (before on a tie).
fn nearest(before: Option<(usize, String)>, after: Option<(usize, String)>) -> Option<String> {
    match (before, after) {
        (Some((db, b)), Some((da, a))) => Some(if db <= da { b } else { a }),
        (b, a) => b.or(a).map(|x| x.1),
    }
}

/// Set the frame of every figure of one claim (figures and tokens in text order).
pub fn mark(figures: &mut [Figure], toks: &[Token]) {
    let years: Vec<(usize, usize, i32)> = figures
        .iter()
        .filter(|f| f.kind == Kind::Year && !since(toks, f.span.start))
        .map(|f| (f.span.start, f.span.end, f.value as i32))
        .collect();
    // Years after "since" ("the deadliest since the 1994 quake"): no date for the clause
    // they stand in, but the date of a relative clause hung on them (below).
    let since_years: Vec<(usize, i32)> = figures
        .iter()
        .filter(|f| f.kind == Kind::Year && since(toks, f.span.start))
        .map(|f| (f.span.start, f.value as i32))
        .collect();
    let first_count = figures
        .iter()
        .find(|f| f.kind == Kind::Count)
        .map(|f| f.span.start);
    for f in figures.iter_mut() {
        if !f.kind.comparable() {
            continue;
        }
        let start = toks.partition_point(|t| t.span.start < f.span.start);
        let end = toks.partition_point(|t| t.span.start < f.span.end);
        // "the toll more than doubled from 16 to 34": what 34 measures is named before the
        // earlier value, which would otherwise end the window.
        let reach = from_to_start(toks, start);
        let back = past_asides(&toks[..reach]);
        let before = || back.iter().copied();
        let past = past_conversion(toks, end);
        let after = || toks[past..].iter();
        let m = measures();
        // "Turnout in the vote was 61%": a vote named beside another measure is the whole
        // that measure is taken of, not what the figure measures.
        let own = |g: &str| !sided(g);
        f.frame.measure = nearest(
            first_where(before().take(MEASURE_BEFORE), m, own),
            first_where(after().take(MEASURE_AFTER), m, own),
        )
        .or_else(|| {
            nearest(
                first_in(before().take(MEASURE_BEFORE), m),
                first_in(after().take(MEASURE_AFTER), m),
            )
        });
        // "The death toll from the fire raging in the county rose to 29": after a change
        // ("rose to", "stood at"), what changed is the clause's subject, however long.
        if f.frame.measure.is_none() && (after_change(toks, start) || reach < start) {
            f.frame.measure = first_in(before(), m).map(|x| x.1);
        }
        // "updated the list of the missing on Monday, having put the number at 75 before":
        // a count that points back ("the figure", "the number") counts what its sentence
        // named before it, past commas; only the sentence's first count (after another, the
        // outcome named may be that one's: "nine died, and the figure at the shelter …").
        if f.kind == Kind::Count
            && Some(f.span.start) == first_count
            && f.outcome.is_none()
            && f.frame.measure.as_deref() == Some(ANAPHOR)
        {
            f.outcome = super::outcome::named_before(toks, start);
        }
        if f.what.is_none() && f.kind == Kind::Count {
            if let Some(noun) = number_of(toks, start) {
                f.what = Some(super::canonical_word(&noun));
                f.noun = Some(noun);
            }
        }
        let s = scopes();
        // "other" before a figure qualifies a noun of its own ("Social Security numbers and
        // other data of 143 million people"); after it, it places the figure elsewhere ("44
        // died in other parts"), as does an opening "Elsewhere," (below).
        f.frame.scope = remainder(toks, start, end)
            .or_else(|| {
                nearest(
                    first_where(before().take(SCOPE_BEFORE), s, |g| g != OTHER),
                    first_in(after().take(SCOPE_AFTER), s),
                )
            })
            .or_else(|| antecedent(toks, start))
            .or_else(|| opening_scope(toks, start))
            .or_else(|| earlier_time(toks, reach, past).then(|| EARLIER.to_string()));
        f.frame.year = years
            .iter()
            .filter(|&&(ys, ye, _)| {
                let gap = if ye <= f.span.start {
                    f.span.start - ye
                } else {
                    ys.saturating_sub(f.span.end)
                };
                gap <= YEAR_REACH
            })
            .min_by_key(|&&(ys, _, _)| ys.abs_diff(f.span.start))
            .map(|y| y.2);
        if f.frame.year.is_none() {
            f.frame.year = since_relative(toks, start, &since_years);
        }
        f.frame.prior = is_prior(toks, start, end);
        f.frame.increment = end < toks.len() && INCREMENTS.contains(&toks[end].lower.as_str());
        let unnamed = f.frame.measure.as_deref().is_none_or(sided);
        let turned_out = match f.kind {
            Kind::Percent => turnout::electorate_voted(toks, end),
            Kind::Count => turnout::voters_counted(toks, end),
            _ => false,
        };
        if unnamed && turned_out {
            f.frame.measure = Some(turnout::TURNOUT.to_string());
        }
    }
    running_totals(figures, toks);
    that_figure(figures, toks);
    sides_set_against(figures, toks);
    // A side's share is of the whole vote: "an overall victory of 56%" says no more.
    for f in figures.iter_mut() {
        let whole = f.frame.scope.as_deref() == Some("combined");
        let side =
            f.frame.measure.as_deref().is_some_and(sided) || f.what.as_deref().is_some_and(sided);
        if whole && side {
            f.frame.scope = None;
        }
    }
    for f in figures.iter_mut().filter(|f| f.kind == Kind::Length) {
        let end = toks.partition_point(|t| t.span.start < f.span.end);
        if let Some(place) = distance_from(toks, end) {
            f.frame.measure = Some(DISTANCE.to_string());
            f.frame.about = Some(place);
        }
    }
    for f in figures.iter_mut().filter(|f| f.kind == Kind::Money) {
        let start = toks.partition_point(|t| t.span.start < f.span.start);
        let end = toks.partition_point(|t| t.span.start < f.span.end);
        if totals(toks, start) {
            f.frame.about = None;
            continue;
        }
        f.frame.about = money_holder(toks, start, end);
        // "…, has also donated €100m": one donor's amount whose donor the clause does not
        // name is not the total and is no one's in particular: it measures nothing that
        // can be compared.
        let active = toks[..start]
            .iter()
            .rev()
            .take(MEASURE_BEFORE)
            .take_while(|t| !stops(t))
            .find(|t| measures().contains_key(t.lower.as_str()))
            .is_some_and(|t| is_verb_form(&t.lower));
        if f.frame.about.is_none() && active {
            f.frame.measure = None;
        }
    }
}

/// Demonstratives that point a measure word back at the figure just named ("that figure",
/// "this estimate"); "the figure" may open a figure of its own ("the figure at the shelter").
const DEMONSTRATIVES: &[&str] = &["that", "this"];

/// "officials put the crew at 40 sailors, but the union says that figure could be as high
/// as 55": a count that names nothing itself and points back with a demonstrative and a
/// measure word ([`ANAPHOR`]) counts what the count before it in the sentence counts.
fn that_figure(figures: &mut [Figure], toks: &[Token]) {
    for i in 1..figures.len() {
        let (before, rest) = figures.split_at_mut(i);
        let f = &mut rest[0];
        let bare = f.kind == Kind::Count
            && f.unit.is_none()
            && f.what.is_none()
            && f.outcome.is_none()
            && f.frame.measure.as_deref() == Some(ANAPHOR);
        if !bare {
            continue;
        }
        let start = toks.partition_point(|t| t.span.start < f.span.start);
        let pointed = toks[..start]
            .iter()
            .rev()
            .take(MEASURE_BEFORE)
            .take_while(|t| !stops(t))
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| {
                measures().get(w[0].lower.as_str()).map(String::as_str) == Some(ANAPHOR)
                    && DEMONSTRATIVES.contains(&w[1].lower.as_str())
            });
        let Some(prev) = before.iter().rev().find(|g| g.kind == Kind::Count) else {
            continue;
        };
        let names = prev.what.is_some() || prev.outcome.is_some();
        if pointed && names && !prev.frame.prior && !prev.frame.increment {
            f.what.clone_from(&prev.what);
            f.noun.clone_from(&prev.noun);
            f.outcome.clone_from(&prev.outcome);
            f.frame.points_back = true;
        }
    }
}

/// The scope of a figure about another place or event ("in other towns", "elsewhere").
const OTHER: &str = "other";

/// The scope of a figure about an earlier time than the story's: another year's or
/// season's event ("a quake last year", "a fee two seasons ago").
pub const EARLIER: &str = "earlier";

/// Units of time whose "last …" or "… ago" puts a figure in another event's time: a year,
/// a season, a decade. "last week" and "days ago" stay in the story's own time (a fire that
/// started last Thursday, a diver who died last week in the same rescue).
const EARLIER_UNITS: &[&str] = &["year", "years", "season", "seasons", "decade", "decades"];

/// True when the clause around a figure (the tokens before `start` and from `after` on,
/// within the scope windows, not past a stop) places it in an earlier year or season: "last
/// year", "the previous season", "two seasons ago", "a decade earlier".
fn earlier_time(toks: &[Token], start: usize, after: usize) -> bool {
    let back = toks[..start]
        .iter()
        .rev()
        .take(SCOPE_BEFORE)
        .take_while(|t| !stops(t))
        .count();
    // "2 years ago": a number inside the phrase does not end the window after the figure.
    let on = toks[after.min(toks.len())..]
        .iter()
        .take(SCOPE_AFTER)
        .take_while(|t| !stops(t) || t.kind == Tok::Number)
        .count();
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    (start - back..start).chain(after..after + on).any(|k| {
        EARLIER_UNITS.contains(&w(k))
            && (matches!(w(k.wrapping_sub(1)), "last" | "previous" | "preceding")
                || matches!(w(k + 1), "ago" | "earlier" | "before"))
    })
}

/// Words looked at before a year for "since" ("the highest since the 1992 election": two).
const SINCE_BEFORE: usize = 2;

/// True when the year at `start` follows "since" ("the lowest since 1985", "the highest since
/// the 1992 election"): a point the figure is measured against, not the time it is about.
fn since(toks: &[Token], start: usize) -> bool {
    let at = toks.partition_point(|t| t.span.start < start);
    toks[..at]
        .iter()
        .rev()
        .take(SINCE_BEFORE)
        .any(|t| t.lower == "since")
}

/// Tokens in a short bracket are an aside: "shares of Acme (ACM) fell 9%" names what 9%
/// measures past the ticker. At most this many tokens inside the brackets (a ticker, an
/// acronym, a short gloss); a longer bracket is a clause of its own and still ends the
/// window.
const ASIDE: usize = 3;

/// The tokens before a figure, nearest first, short bracketed asides left out.
fn past_asides(toks: &[Token]) -> Vec<&Token> {
    let mut out = Vec::with_capacity(toks.len().min(MEASURE_BEFORE * 2));
    let mut k = toks.len();
    while k > 0 {
        k -= 1;
        if toks[k].lower == ")" {
            let open = (k.saturating_sub(ASIDE + 1)..k)
                .rev()
                .find(|&j| toks[j].lower == "(");
            if let Some(j) = open {
                k = j;
                continue;
            }
        }
        out.push(&toks[k]);
    }
    out
}

/// Words between two figures that set one side's figure against the other's ("56% to 44%",
/// "55.8 per cent against 44.2 per cent").
const AGAINST: &[&str] = &["to", "against", "versus", "vs"];

/// "a victory of 56% to 44%": the figure set against a side's share is the other side's
/// share of the same whole, though no measure word stands near it. Only for a sided measure
/// ([`sided`]) and a figure that names no measure of its own; "from 16% to 34%" is a change
/// (the first is its earlier value), not two sides.
fn sides_set_against(figures: &mut [Figure], toks: &[Token]) {
    for i in 1..figures.len() {
        let (before, rest) = figures.split_at_mut(i);
        let (prev, f) = (&before[i - 1], &mut rest[0]);
        let Some(m) = prev.frame.measure.as_deref().filter(|m| sided(m)) else {
            continue;
        };
        if f.frame.measure.is_some()
            || f.kind != prev.kind
            || f.unit != prev.unit
            || prev.frame.prior
        {
            continue;
        }
        let from = toks.partition_point(|t| t.span.start < prev.span.end);
        let to = toks.partition_point(|t| t.span.start < f.span.start);
        let between: Vec<&str> = toks[from..to].iter().map(|t| t.lower.as_str()).collect();
        if matches!(between.as_slice(), [w] if AGAINST.contains(w)) {
            f.frame.measure = Some(m.to_string());
        }
    }
}

/// True for a measure word used as a verb ("donated", "pledging", "donate"), not a noun
/// ("donations", "pledges"): a verb before an amount has a giver as its subject.
fn is_verb_form(w: &str) -> bool {
    w.ends_with("ed") || w.ends_with("ing") || w == "donate"
}

/// The first token past a conversion in brackets right after a figure ("€40m (£34m)
/// has been pledged": at "has"), else `end`. A bracket longer than this many tokens is
/// no conversion.
fn past_conversion(toks: &[Token], end: usize) -> usize {
    const CONVERSION: usize = 6;
    if toks.get(end).is_none_or(|t| t.lower != "(") {
        return end;
    }
    toks[end..]
        .iter()
        .take(CONVERSION)
        .position(|t| t.lower == ")")
        .map_or(end, |k| end + k + 1)
}

/// Words right after a figure that make it an increment ("seven more deaths").
const INCREMENTS: &[&str] = &["more", "additional", "further", "extra"];

/// Words before a running total's "to N": "bringing the total to 63", "taking the tally to
/// €500m", "pushing the toll to 40".
const TOTAL_VERBS: &[&str] = &["bringing", "taking", "pushing", "raising", "lifting"];
const TOTAL_NOUNS: &[&str] = &["total", "tally", "toll", "number", "count", "sum"];

/// True when the figure at `start` follows "bringing the total to" (qualifier aside).
fn running_total_at(toks: &[Token], start: usize) -> bool {
    let back: Vec<&str> = toks[..start]
        .iter()
        .rev()
        .take(4)
        .map(|t| t.lower.as_str())
        .collect();
    matches!(back.as_slice(), ["to", noun, "the", verb, ..]
        if TOTAL_NOUNS.contains(noun) && TOTAL_VERBS.contains(verb))
}

/// "Officials reported seven more deaths, bringing the total to 63": a running total
/// measures what the increment before it measured (its outcome, counted noun and measure),
/// the whole, not a part; it is about no one donor.
fn running_totals(figures: &mut [Figure], toks: &[Token]) {
    for i in 0..figures.len() {
        let start = toks.partition_point(|t| t.span.start < figures[i].span.start);
        if !running_total_at(toks, start) {
            continue;
        }
        let Some(inc) = figures[..i]
            .iter()
            .rev()
            .find(|g| g.kind == figures[i].kind && g.unit == figures[i].unit)
            .cloned()
        else {
            continue;
        };
        let f = &mut figures[i];
        f.outcome = f.outcome.clone().or(inc.outcome);
        if f.what.is_none() {
            f.what = inc.what;
            f.noun = inc.noun;
        }
        if f.frame.measure.is_none() || f.frame.measure.as_deref() == Some(ANAPHOR) {
            f.frame.measure = inc.frame.measure;
        }
        f.frame.increment = false;
    }
}

/// Words before a figure that make it a total, tied to no single donor: "the total to",
/// "so far", "in all".
const TOTAL_WORDS: &[&str] = &["total", "tally", "altogether", "overall", "combined"];

/// Words looked at before an amount for a total's word ("taking the total to at least
/// €500m": five, the qualifier included).
const TOTAL_BEFORE: usize = 5;

/// True when the amount at `start` is a total: a total's word just before it, in lowercase
/// ("Total" is a company's name).
fn totals(toks: &[Token], start: usize) -> bool {
    toks[..start]
        .iter()
        .rev()
        .take(TOTAL_BEFORE)
        .any(|t| !t.capital && TOTAL_WORDS.contains(&t.lower.as_str()))
}

/// Words looked at before an amount for the name of its donor or payer ("Acme's founder
/// Jane Roe said she would give €10m": eight, as far back as the dev dossiers' donor
/// clauses reach without crossing another clause).
const HOLDER_BEFORE: usize = 8;

/// Words looked at after "from" for the donor's name, past determiners, demonyms and
/// descriptions ("€100m from the French oil and gas company Acme": six).
const FROM_REACH: usize = 6;

/// The donor or payer of an amount: the last word of the capitalized name after "from",
/// past its description ("€50m from French tycoon Jane Roe" -> roe), else of the nearest
/// name before it in its clause, past no other amount ("Acme also pledged €50m" -> acme).
/// Weekdays, months, demonyms ("French"), measure words and sentence-initial function words
/// are no names;
/// a name after a preposition is a place or a thing, not a donor. Folded to plain lowercase
/// ("L’Oréal" -> "l'oreal"): outlets differ in accents and apostrophes.
fn money_holder(toks: &[Token], start: usize, end: usize) -> Option<String> {
    use crate::model::{lex::has, lexicon::demonyms};
    let name = |t: &Token| {
        t.kind == Tok::Word
            && t.capital
            && !t.acronym
            && !super::lexicon::stopwords().contains(t.lower.as_str())
            && !crate::model::lexicon::calendar_words().iter().any(|w| t.lower == *w)
            && !has(demonyms(), &t.lower)
            // "Donations have reached …": a sentence's first word is capitalized too.
            && !measures().contains_key(t.lower.as_str())
    };
    let folded = |t: &Token| crate::model::people::names::fold(&t.lower.replace('’', "'"));
    if toks.get(end).is_some_and(|t| t.lower == "from") {
        let mut k = end + 1;
        while k <= end + FROM_REACH && toks.get(k).is_some_and(|t| t.kind == Tok::Word && !name(t))
        {
            k += 1;
        }
        let mut last = None;
        while toks.get(k).is_some_and(&name) {
            last = Some(folded(&toks[k]));
            k += 1;
        }
        if last.is_some() {
            return last;
        }
    }
    let mut k = start;
    let mut seen = 0;
    while k > 0 && seen < HOLDER_BEFORE {
        k -= 1;
        seen += 1;
        let t = &toks[k];
        if stops(t) || t.kind == Tok::Sign {
            break;
        }
        if donor::reported_by_another(toks, k) {
            return None;
        }
        if name(t) {
            // The first word of the name: a place after a preposition ("rebuild the hall
            // in Paris have reached €80m") is where, not who.
            let mut first = k;
            while first > 0 && name(&toks[first - 1]) {
                first -= 1;
            }
            let placed = first > 0 && PLACE_PREPOSITIONS.contains(&toks[first - 1].lower.as_str());
            return (!placed && !for_measure(toks, first)).then(|| folded(t));
        }
    }
    donor::subject_giver(toks, start, name).map(|k| folded(&toks[k]))
}

/// True when the name starting at token `first` stands in the phrase of a measure noun
/// before it ("the fund to rebuild Grand Hall has reached €1bn", "pledges for Grand Hall"):
/// it is what the money is for, not who gives it; a name after "from" or "by" still gives
/// ("donations from Acme").
fn for_measure(toks: &[Token], first: usize) -> bool {
    let giver = first > 0 && matches!(toks[first - 1].lower.as_str(), "from" | "by");
    !giver
        && toks[..first]
            .iter()
            .rev()
            .take_while(|t| !stops(t))
            .any(|t| measures().contains_key(t.lower.as_str()) && !is_verb_form(&t.lower))
}

/// Prepositions before a name that make it a place or a thing, not a donor.
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "of", "to", "for", "on", "near", "across"];

/// "the number of troops sent there has risen to 11,000": what the count counts is named
/// before it, after "number of" (not "number of them").
fn number_of(toks: &[Token], start: usize) -> Option<String> {
    let back: Vec<&Token> = toks[..start]
        .iter()
        .rev()
        .take(MEASURE_BEFORE)
        .take_while(|t| !stops(t))
        .collect();
    let k = back.iter().position(|t| t.lower == "of")?;
    let head = back.get(k + 1)?;
    let noun = back.get(k.checked_sub(1)?)?;
    let counts = noun.kind == Tok::Word
        && !noun.capital
        && !super::lexicon::stopwords().contains(noun.lower.as_str());
    (matches!(head.lower.as_str(), "number" | "toll" | "tally") && counts)
        .then(|| noun.lower.to_string())
}

/// "Nationwide, the floods have killed 40 people": a scope word opening the clause, set off
/// by a comma, scopes the figure the clause states (the comma ends the usual window).
fn opening_scope(toks: &[Token], start: usize) -> Option<String> {
    let k = toks[..start].iter().rposition(stops)?;
    if toks[k].lower != "," || k == 0 {
        return None;
    }
    let opens = k == 1 || stops(&toks[k - 2]);
    scopes()
        .get(toks[k - 1].lower.as_str())
        .filter(|_| opens)
        .cloned()
}

/// What a length measures when it places something from a named place ("40 km east
/// of Ashford").
pub const DISTANCE: &str = "distance";

/// Compass words between a length and "of" a place ("40km north of the capital").
const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];

/// The place a length is measured from: the last word of the capitalized name after
/// "from" or after a compass word and "of", right after the length at token `end`
/// ("40 km east of Ashford" -> ashford); none for "500 miles apart".
fn distance_from(toks: &[Token], end: usize) -> Option<String> {
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let start = if w(end) == "from" {
        end + 1
    } else if COMPASS.contains(&w(end)) && w(end + 1) == "of" {
        end + 2
    } else {
        return None;
    };
    let name = |t: &Token| t.kind == Tok::Word && t.capital;
    let n = toks[start.min(toks.len())..]
        .iter()
        .take_while(|t| name(t))
        .count();
    // "50km from Ukraine's border": from the border, a thing the name owns, not the place.
    let last = toks.get((start + n).checked_sub(1)?)?;
    let owns = last.lower.ends_with("'s") || toks.get(start + n).is_some_and(|t| t.lower == "'");
    (n > 0 && !owns).then(|| crate::model::people::names::fold(&last.lower))
}

/// The scope of what is left of a group ("the remaining seven people", "the three remaining
/// players"): a part, never the whole.
pub const REMAINING: &str = "remaining";

/// "the remaining seven", "the three remaining players": "remaining" just before the figure
/// (past "the") or just after it makes the figure what is left of a group, not the group.
fn remainder(toks: &[Token], start: usize, end: usize) -> Option<String> {
    let is = |k: usize| toks.get(k).is_some_and(|t| t.lower == REMAINING);
    let before = start >= 1 && is(start - 1);
    (before || is(end)).then(|| REMAINING.to_string())
}

/// Words looked at before a figure for a relative clause ("Katrina, which killed 1,800").
const RELATIVE_BEFORE: usize = 4;

/// The name a relative clause holding the figure hangs on ("…compared it to Katrina, which
/// caused up to 1,800 deaths": the figure is Katrina's, another event's): that name, as a
/// scope of its own.
fn antecedent(toks: &[Token], start: usize) -> Option<String> {
    let back = toks[..start].iter().rev().take(RELATIVE_BEFORE);
    let at = start - back.take_while(|t| !stops(t) && t.lower != "which").count();
    if at == 0 || toks[at - 1].lower != "which" || at < 3 || toks[at - 2].lower != "," {
        return None;
    }
    let name = &toks[at - 3];
    (name.kind == Tok::Word && name.capital).then(|| format!("of {}", name.lower))
}

/// Words looked at before ", which" for a year after "since" ("since the 1994 quake,
/// which": the year two words back; three for an adjective, "the great 1994 quake").
const SINCE_NOUN: usize = 3;

/// "the deadliest since the 1994 quake, which killed 9,000": a figure in a relative clause
/// hung on a phrase dated by a year after "since" is about that year's event, not this one.
fn since_relative(toks: &[Token], start: usize, since_years: &[(usize, i32)]) -> Option<i32> {
    let back = toks[..start].iter().rev().take(RELATIVE_BEFORE);
    let at = start - back.take_while(|t| !stops(t) && t.lower != "which").count();
    if at < 3 || toks[at - 1].lower != "which" || toks[at - 2].lower != "," {
        return None;
    }
    toks[at.saturating_sub(2 + SINCE_NOUN)..at - 2]
        .iter()
        .find_map(|t| {
            since_years
                .iter()
                .find(|&&(ys, _)| ys == t.span.start)
                .map(|y| y.1)
        })
}

/// Where the words before a figure's "from M to" begin ("doubled from 16 to 34": at
/// "from"), else `start`.
fn from_to_start(toks: &[Token], start: usize) -> usize {
    let is = |k: usize, w: &str| toks.get(k).is_some_and(|t| t.lower == w);
    if start >= 3
        && is(start - 1, "to")
        && toks[start - 2].kind == Tok::Number
        && is(start - 3, "from")
    {
        start - 3
    } else {
        start
    }
}

/// True when the figure follows a change word and "to" or "at" ("rose to 29", "had grown
/// to 56", "stood at 16"), or "reached" ("have reached €80m").
fn after_change(toks: &[Token], start: usize) -> bool {
    let direct = start >= 1 && REACHED.contains(&toks[start - 1].lower.as_str());
    direct
        || (start >= 2
            && matches!(toks[start - 1].lower.as_str(), "to" | "at")
            && changes().contains(toks[start - 2].lower.as_str()))
}

/// "the number he gave—42—", "that figure, 55": a pointing-back measure word after "the",
/// "that" or "this" in the words before the figure at token `start`, past one dash or
/// comma that sets the figure off.
pub fn points_back_at(toks: &[Token], start: usize) -> bool {
    let set_off = start >= 1 && matches!(toks[start - 1].lower.as_str(), "—" | "–" | ",");
    let reach = if set_off { start - 1 } else { start };
    let back: Vec<&Token> = toks[..reach]
        .iter()
        .rev()
        .take(MEASURE_BEFORE)
        .take_while(|t| !stops(t))
        .collect();
    // `back` runs from the figure backwards: w[0] is the measure word, w[1] the word before
    // it, and the word after it (nearer the figure) is at the index before. That word must
    // be there ("the number she gave—42—", "that figure could be as high as 55") and may
    // not tell what the number is of ("the number of tickets sold, 41,000", "the estimate
    // for damaged homes", "the number on his shirt—9—"): then it names its own thing.
    (1..back.len()).any(|k| {
        measures().get(back[k].lower.as_str()).map(String::as_str) == Some(ANAPHOR)
            && back
                .get(k + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "the" | "that" | "this"))
            && !matches!(
                back[k - 1].lower.as_str(),
                "of" | "for" | "on" | "in" | "at" | "per" | "from"
            )
    })
}

/// "it rose to 56", "it has climbed to 56": a change word and "to" or "at" before the figure
/// at token `start`, whose subject is "it": the figure is the new value of what the
/// sentence before spoke of.
pub fn pronoun_change(toks: &[Token], start: usize) -> bool {
    if !after_change(toks, start) || start < 3 {
        return false;
    }
    let w = |k: usize| toks[k].lower.as_str();
    w(start - 3) == "it"
        || (start >= 4 && matches!(w(start - 3), "has" | "had") && w(start - 4) == "it")
}

/// Change words that take the new value straight after them ("pledges have reached €80m").
const REACHED: &[&str] = &["reached", "topped", "surpassed", "exceeded"];

/// "from N" after a change word ("rose to 34 from 16", "up from 117,000") or before "to M"
/// ("doubled from 16 to 34"): the value it was.
fn is_prior(toks: &[Token], start: usize, end: usize) -> bool {
    if start == 0 || toks[start - 1].lower != "from" {
        return false;
    }
    let change = toks[..start - 1]
        .iter()
        .rev()
        .take(CHANGE_BEFORE)
        .any(|t| changes().contains(t.lower.as_str()));
    let to_next = toks.get(end).is_some_and(|t| t.lower == "to")
        && toks.get(end + 1).is_some_and(|t| t.kind == Tok::Number);
    change || to_next
}

#[cfg(test)]
mod tests {
    use crate::model::facts::{extract, Figure};
    use crate::model::Span;

    #[track_caller]
    fn figs(s: &str) -> Vec<Figure> {
        extract(s, Span::new(0, s.len())).figures
    }

    /// A measure noun before or after a percentage names what it measures.
    #[test]
    fn measure_named_near_a_percentage() {
        let f = figs("Turnout in the vote was 61.5%, and the fire is 40% contained.");
        assert_eq!(f[0].frame.measure.as_deref(), Some("turnout"));
        assert_eq!(f[1].frame.measure.as_deref(), Some("contained"));
    }

    /// A percentage with no measure near it has none (not the measure of another figure).
    #[test]
    fn no_measure_past_another_number() {
        let f = figs("The turnout was 70%, with 52% to 48% for the motion.");
        assert_eq!(f[0].frame.measure.as_deref(), Some("turnout"));
        assert_eq!(f[2].frame.measure, None);
    }

    /// "directly", "combined" and "other" set a figure's scope; a plain toll has none.
    #[test]
    fn scope_words_near_a_figure() {
        let f = figs("The storm directly killed 12 people, and 7 more died in other towns.");
        assert_eq!(f[0].frame.scope.as_deref(), Some("direct"));
        assert_eq!(f[1].frame.scope.as_deref(), Some("other"));
        let g = figs("The combined toll of the two floods is 30.");
        assert_eq!(g[0].frame.scope.as_deref(), Some("combined"));
        assert_eq!(figs("The flood killed 30 people.")[0].frame.scope, None);
    }

    /// "other" after a figure places it elsewhere; before it, in the same clause, it
    /// qualifies another noun and says nothing of the figure's scope.
    #[test]
    fn other_before_a_figure_is_no_scope() {
        let f = figs("Thieves took the names and other data of about 90 million people.");
        assert_eq!(f[0].frame.scope, None);
        let g = figs("Some 40 people died in other parts of the region.");
        assert_eq!(g[0].frame.scope.as_deref(), Some("other"));
    }

    /// A year or season named as past ("last year", "two seasons ago") scopes a figure to
    /// another event; "last week" does not.
    #[test]
    fn last_year_scopes_a_figure_to_an_earlier_event() {
        let f = figs("A quake last year killed 12 people.");
        assert_eq!(f[0].frame.scope.as_deref(), Some("earlier"));
        let g = figs("The club paid €60m for a winger two seasons ago.");
        assert_eq!(g[0].frame.scope.as_deref(), Some("earlier"));
        // Looks like it, is not: last week is the story's own time.
        let h = figs("The quake last week killed 12 people.");
        assert_eq!(h[0].frame.scope, None);
    }

    /// A scope word opening the clause before a comma scopes its figure; one closing an
    /// earlier clause does not.
    #[test]
    fn a_scope_word_opening_the_clause_scopes_its_figure() {
        let f = figs("Nationwide, the floods have killed 40 people.");
        assert_eq!(f[0].frame.scope.as_deref(), Some("combined"));
        let g = figs("Rain fell nationwide, and the floods have killed 40 people.");
        assert_eq!(g[0].frame.scope, None);
    }

    /// A length from a named place measures the distance from it ("40 km east of
    /// Ashford"); a length apart or from nowhere named measures nothing.
    #[test]
    fn a_length_from_a_place_is_its_distance() {
        let f = figs("The fire burned 40 km east of Ashford.");
        assert_eq!(f[0].frame.measure.as_deref(), Some("distance"));
        assert_eq!(f[0].frame.about.as_deref(), Some("ashford"));
        let g = figs("The quake struck 40km from Port Ellery.");
        assert_eq!(g[0].frame.about.as_deref(), Some("ellery"));
        // Looks like it, is not: two fires 500 miles apart; a walk north of the river.
        let h = figs("Two fires burned 500 miles apart.");
        assert_eq!(h[0].frame.measure, None);
        let i = figs("They walked 3 miles north of the river.");
        assert_eq!(i[0].frame.about, None);
        // Nor a length from a thing a place owns: from the border, not from the country.
        let j = figs("Troops are 50 kilometres from Ruritania’s border.");
        assert_eq!(j[0].frame.measure, None);
        let k = figs("Troops are 50 kilometres from Ruritania's border.");
        assert_eq!(k[0].frame.measure, None);
    }

    /// "the remaining seven" and "the three remaining players" are what is left of a group;
    /// "remaining" further off says nothing of the figure.
    #[test]
    fn remaining_scopes_a_figure_to_what_is_left() {
        let f = figs("Divers brought out the remaining 5 people on Tuesday.");
        assert_eq!(f[0].frame.scope.as_deref(), Some("remaining"), "{f:?}");
        let g = figs("They waited with the 4 remaining players.");
        assert_eq!(g[0].frame.scope.as_deref(), Some("remaining"));
        // Looks like it, is not: "remaining" is not next to the figure.
        let h = figs("Divers rescued 12 boys, the coach remaining inside.");
        assert_eq!(h[0].frame.scope, None);
    }

    /// "the number of troops … risen to 11,000" counts troops; "the number of them" nothing.
    #[test]
    fn number_of_names_what_is_counted() {
        let f = figs("The number of troops sent north has risen to 11,000.");
        assert_eq!(f[0].noun.as_deref(), Some("troops"));
        let g = figs("The number of them has risen to 11,000.");
        assert_eq!(g[0].noun, None);
    }

    /// A figure in a relative clause after a name is that name's ("another flood's toll").
    #[test]
    fn relative_clause_scopes_a_figure_to_its_name() {
        let f = figs("He compared the flood to Ondine, which killed 900 people.");
        assert_eq!(f[0].frame.scope.as_deref(), Some("of ondine"));
        // Looks like it, is not: no name before "which".
        let g = figs("The flood, which killed 90 people, is receding.");
        assert_eq!(g[0].frame.scope, None);
    }

    /// After "rose to", the measure is the clause's subject, however far back it stands.
    #[test]
    fn a_change_takes_its_subject_as_measure() {
        let f = figs(
            "The death toll from the fire raging in the hills of the north rose to 29 on Sunday.",
        );
        assert_eq!(f[0].frame.measure.as_deref(), Some("toll"));
        // Looks like it, is not: a comma ends the subject's clause.
        let g = figs("In the valley where the toll was high, rents rose to 29 percent.");
        assert_eq!(g[0].frame.measure, None);
    }

    /// The value after "from" in a change is the earlier value; the new one is not.
    #[test]
    fn earlier_value_of_a_change() {
        let f = figs("The toll has risen to 41 from 22, officials said.");
        assert!(!f[0].frame.prior);
        assert!(f[1].frame.prior);
        let g = figs("The toll more than doubled from 22 to 41.");
        assert!(g[0].frame.prior && !g[1].frame.prior);
        // Looks like a change, is not: "from" names where people came from.
        let h = figs("Rescuers from 12 countries joined 90 local divers.");
        assert!(!h[0].frame.prior);
    }

    /// A relative clause hung on a year after "since" is about that year's event; the
    /// figure the "since" phrase compares stays undated.
    #[test]
    fn a_relative_clause_on_a_since_year_is_dated_by_it() {
        let f = figs("It was the worst since the 1994 quake, which killed 9,000 people.");
        let dead = f.iter().find(|x| x.value == 9000.0).expect("9,000");
        assert_eq!(dead.frame.year, Some(1994));
        // Looks like it, is not: the figure the "since" phrase measures has no year.
        let g = figs("The quake killed 240 people, the most since 1994.");
        let own = g.iter().find(|x| x.value == 240.0).expect("240");
        assert_eq!(own.frame.year, None);
        let h = figs("Turnout was 61%, the lowest since the 1994 vote.");
        assert_eq!(
            h.iter()
                .find(|x| x.value == 61.0)
                .and_then(|x| x.frame.year),
            None
        );
    }

    /// "seven more deaths" is an increment; "bringing the total to 40" is the whole, and
    /// measures what the increment measured.
    #[test]
    fn running_total_takes_the_increments_measure() {
        let f = figs("Rescuers found seven more victims dead, bringing the total to 40.");
        assert!(f[0].frame.increment);
        assert!(!f[1].frame.increment);
        assert_eq!(f[1].outcome.as_deref(), Some("dead"));
        // Looks like it, is not: "to 40" after no running-total verb keeps no outcome.
        let g = figs("Seven more victims were found dead; the road to 40 towns is shut.");
        assert_eq!(g.last().map(|x| x.outcome.clone()), Some(None));
    }

    /// In "doubled from 16 to 34" the measure named before the earlier value is the new
    /// value's too.
    #[test]
    fn from_to_keeps_the_measure() {
        let f = figs("The toll in the valley has more than doubled from 16 to 34.");
        assert!(f[0].frame.prior);
        assert_eq!(f[1].frame.measure.as_deref(), Some("toll"));
        assert!(!f[1].frame.prior);
    }

    /// An amount is tied to the donor named before it or after "from", past descriptions
    /// and demonyms, folded ("L’Oréal" = "L'Oreal").
    #[test]
    fn money_is_tied_to_its_donor() {
        let f = figs("Brightco also pledged €50m to the fund.");
        assert_eq!(f[0].frame.about.as_deref(), Some("brightco"));
        let g = figs("- €50m from the Dutch paint and glue maker Brightcö");
        assert_eq!(g[0].frame.about.as_deref(), Some("brightco"));
        let h = figs("L’Oréal pledged €50m.");
        let i = figs("L'Oreal pledged €50m.");
        assert_eq!(h[0].frame.about, i[0].frame.about);
    }

    /// A total is no one donor's, even with a donor named just before it; a company named
    /// "Total" is a donor.
    #[test]
    fn a_running_total_is_no_donors() {
        let f = figs("Brightco pledged €50m, taking the total to at least €300m.");
        assert_eq!(f[0].frame.about.as_deref(), Some("brightco"));
        assert_eq!(f[1].frame.about, None);
        assert_eq!(f[1].frame.measure.as_deref(), Some("pledge"));
        let g = figs("The firm Total pledged €50m.");
        assert_eq!(g[0].frame.about.as_deref(), Some("total"));
    }

    /// A name in the phrase of a measure noun before it is what the money is for, not its
    /// donor; a name after "from" still gives.
    #[test]
    fn a_name_the_measure_is_for_is_no_donor() {
        let f = figs("The fund to rebuild Grand Hall has now reached 300 million pounds.");
        assert_eq!(f[0].frame.about, None);
        assert_eq!(f[0].frame.measure.as_deref(), Some("pledge"));
        // Looks like it, is not: the name after "from" is the giver.
        let g = figs("Donations from Brightco reached €5m.");
        assert_eq!(g[0].frame.about.as_deref(), Some("brightco"));
        let h = figs("Brightco pledged €5m.");
        assert_eq!(h[0].frame.about.as_deref(), Some("brightco"));
    }

    /// A donor's amount whose donor the sentence does not name measures nothing comparable
    /// (a subject set apart by a description is named: see `donor`); a place after "in" is
    /// no donor; a passive total keeps its measure.
    #[test]
    fn unnamed_donor_and_places() {
        let f = figs("Officials, after a long meeting, have also donated €50m.");
        assert_eq!(f[0].frame.measure, None);
        let g = figs("Pledges to rebuild the hall in Ghent have reached €80m.");
        assert_eq!(g[0].frame.about, None);
        assert_eq!(g[0].frame.measure.as_deref(), Some("pledge"));
        let h = figs("More than €30m (£26m) has been donated so far.");
        assert_eq!(h[0].frame.measure.as_deref(), Some("pledge"));
        assert_eq!(h[0].frame.about, None);
    }

    /// "a victory of 56% to 44%": the share set against a side's share is the other side's
    /// share of the vote; "overall" says nothing more of a vote's share.
    #[test]
    fn the_share_set_against_a_sides_share_is_a_share_of_the_vote() {
        let f = figs("Yes is set for an overall victory of 56% to 44%.");
        assert_eq!(f[0].frame.measure.as_deref(), Some("vote"));
        assert_eq!(f[0].frame.scope, None);
        assert_eq!(f[1].frame.measure.as_deref(), Some("vote"));
        // Looks like it, is not: a change from one share to another is no second side.
        let g = figs("Support in the vote rose from 40% to 44%.");
        assert!(g[0].frame.prior);
        let h = figs("Prices rose 3% to 4% in the north.");
        assert_eq!(h[1].frame.measure, None);
        // Nor is "overall" dropped from what is no vote.
        let i = figs("The overall toll of the two floods is 30.");
        assert_eq!(i[0].frame.scope.as_deref(), Some("combined"));
    }

    /// A year in the clause dates the figure ("died in 1998").
    #[test]
    fn year_dates_a_figure() {
        let f = figs("As many as 900 people died in 1998 when the dam broke.");
        assert_eq!(f[0].frame.year, Some(1998));
        assert_eq!(figs("About 900 people died.")[0].frame.year, None);
    }

    /// A year after "since" is what the figure is measured against, not its time: "more
    /// than 20 million voted, the most since the 1975 vote" is this vote's count.
    #[test]
    fn a_year_after_since_does_not_date_a_figure() {
        let f = figs("More than 20 million people voted, the most since the 1975 vote.");
        assert_eq!(f[0].frame.year, None);
        let g = figs("The pound fell 9% to its lowest since 1985.");
        assert_eq!(g[0].frame.year, None);
        // Looks like it, is not: "in 1975" still dates it.
        let h = figs("More than 20 million people voted in 1975.");
        assert_eq!(h[0].frame.year, Some(1975));
    }
}
