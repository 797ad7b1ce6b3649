//! Counts that say what they count only through the sentences before them: "Two days later,
//! it rose to 56" (the toll the sentence before gave), "the number he gave—42—was a record"
//! (the number of deaths the paragraph before spoke of). Each such count takes the outcome
//! its antecedent names, so that it joins that quantity; where none is found nearby it
//! stays a bare number (precision first).

use super::super::Claim;
use crate::model::facts::tokens::{self, Token};
use crate::model::facts::{frame, last_named, Figure, Kind, Qualifier};
use crate::model::Span;

/// Sentences looked back through for what a pointing-back count counts ("the number he
/// gave"): the antecedent of such a phrase is near. On the dev dossiers the one such count
/// names its outcome two sentences back, at the end of the paragraph before.
const BACK_CLAIMS: usize = 3;

/// The outcome the article's previous claim gave its last count (resolved as here), and
/// where that claim ended: what "it rose to N" in the next sentence counts.
pub(super) type Last = Option<(Span, String)>;

/// True for a count that names nothing it counts: no unit, counted noun, outcome or
/// measure of its own ("the number" aside), not an earlier value, an increment or vague.
fn bare(f: &Figure) -> bool {
    f.kind == Kind::Count
        && f.unit.is_none()
        && f.what.is_none()
        && f.outcome.is_none()
        && f.frame
            .measure
            .as_deref()
            .is_none_or(|m| m == frame::ANAPHOR)
        && f.frame.scope.is_none()
        && !f.frame.prior
        && !f.frame.increment
        && f.qualifier != Qualifier::Vague
}

/// Number of paragraph breaks (runs of line ends) in `text` between two byte offsets.
fn breaks(text: &str, from: usize, to: usize) -> usize {
    let Some(t) = text.get(from.min(to)..to) else {
        return usize::MAX;
    };
    let mut runs = 0;
    let mut in_run = false;
    for ch in t.chars() {
        if ch == '\n' {
            runs += usize::from(!in_run);
            in_run = true;
        } else if !ch.is_whitespace() {
            in_run = false;
        }
    }
    runs
}

/// The claim's figures with the bare counts that point back given the outcome they point
/// at; none when no count of the claim does. `earlier` are the article's claims before it,
/// `last` what its previous claim's last count counted.
pub(super) fn resolve(
    text: &str,
    c: &Claim,
    figures: &[Figure],
    earlier: &[Claim],
    last: &Last,
) -> Option<Vec<Figure>> {
    if !figures.iter().any(bare) {
        return None;
    }
    let toks = tokens::lex(text, c.span);
    let mut out: Option<Vec<Figure>> = None;
    for (i, f) in figures.iter().enumerate().filter(|(_, f)| bare(f)) {
        let start = toks.partition_point(|t| t.span.start < f.span.start);
        let outcome = if frame::pronoun_change(&toks, start) {
            // "it rose to 56": the sentence right before gave the toll, and "it" opens its
            // own sentence (after at most a time phrase: "By Friday it had risen to 19"). A
            // count or another clause before "it" ("shares fell 9% …, but by the
            // afternoon it had risen to 14", "power cuts hit the region and by evening it
            // …") gives "it" an antecedent of its own.
            last.as_ref()
                .filter(|(s, _)| {
                    breaks(text, s.end, c.span.start) == 0
                        && text
                            .get(s.end..c.span.start)
                            .is_some_and(|gap| gap.trim().is_empty())
                })
                .filter(|_| opens_its_sentence(&toks, start))
                .map(|(_, o)| o.clone())
        } else if frame::points_back_at(&toks, start) {
            // Only past the claim's counts before it: the phrase may point at one of them.
            let after = figures[..i]
                .iter()
                .filter(|g| g.kind == Kind::Count)
                .map(|g| toks.partition_point(|t| t.span.start < g.span.end))
                .max();
            named_back(
                text,
                c,
                &toks[after.unwrap_or(0)..start],
                after.is_none(),
                earlier,
            )
        } else {
            None
        };
        if let Some(o) = outcome {
            let v = out.get_or_insert_with(|| figures.to_vec());
            v[i].outcome = Some(o);
        }
    }
    out
}

/// Most tokens a time phrase before "it" may have ("Two days later ,", "On Sunday night ,").
const TIME_PHRASE_TOKENS: usize = 5;

/// True when the "it" of "it rose to N" (two or three tokens before the figure at token
/// `start`) opens its sentence, after at most a short phrase with no number and no clause
/// joined before it.
fn opens_its_sentence(toks: &[Token], start: usize) -> bool {
    let Some(it) = (start.saturating_sub(4)..start)
        .rev()
        .find(|&k| toks[k].lower == "it")
    else {
        return false;
    };
    it <= TIME_PHRASE_TOKENS
        && toks[..it].iter().all(|t| {
            t.kind != crate::model::facts::tokens::Tok::Number
                && !matches!(
                    t.lower.as_str(),
                    "and" | "but" | ";" | "while" | "as" | "when"
                )
        })
}

/// True for a sentence that denies what it names ("Nobody was killed"): its outcome word
/// is no count's antecedent (the words are `assets/negations.txt`).
fn negated(toks: &[Token]) -> bool {
    let negations = crate::model::lexicon::negations();
    toks.iter().any(|t| negations.has(&t.lower))
}

/// The outcome a pointing-back phrase refers to: the last one named before it in its own
/// sentence (`before`), else, when no count stands before it there (`alone`), in the
/// [`BACK_CLAIMS`] sentences before it in the same or the previous paragraph; the look ends
/// at a sentence that states a count of its own (the phrase may point at that count,
/// whatever it counts).
fn named_back(
    text: &str,
    c: &Claim,
    before: &[Token],
    alone: bool,
    earlier: &[Claim],
) -> Option<String> {
    if negated(before) {
        return None;
    }
    if let Some(o) = last_named(before) {
        return Some(o);
    }
    if !alone {
        return None;
    }
    for p in earlier.iter().rev().take(BACK_CLAIMS) {
        if breaks(text, p.span.end, c.span.start) > 1
            || p.facts.figures.iter().any(|g| g.kind == Kind::Count)
        {
            return None;
        }
        let toks = tokens::lex(text, p.span);
        if negated(&toks) {
            return None;
        }
        if let Some(o) = last_named(&toks) {
            return Some(o);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::{quantities, Quantity};
    use crate::model::claims::dossier_claims;
    use crate::model::claims::tests::dossier;
    use crate::model::ArticleId;

    fn qs_of(files: &[(&str, &str)]) -> Vec<Quantity> {
        let d = dossier(files);
        let (_, claims) = dossier_claims(&d);
        quantities(&claims, |id: ArticleId| d.articles.get(id.0))
    }

    /// The values of the quantity labelled `label`, in order.
    fn values(qs: &[Quantity], label: &str) -> Vec<f64> {
        qs.iter()
            .filter(|q| q.label == label)
            .flat_map(|q| q.mentions.iter().map(|m| m.figure.value))
            .collect()
    }

    /// "The toll stood at 12 on Monday. By Friday it had risen to 19.": the count after "it
    /// had risen to" is the toll the sentence before gave, and conflicts with another
    /// outlet's toll.
    #[test]
    fn it_rose_to_counts_what_the_sentence_before_counted() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Flood\n\nThe death toll stood at 12 on Monday. By Friday it had risen to 19.\n",
            ),
            (
                "b.txt",
                "Flood\n\nThe death toll rose to 15 on Wednesday.\n",
            ),
        ]);
        assert_eq!(values(&qs, "dead"), vec![12.0, 19.0, 15.0], "{qs:#?}");
    }

    /// Looks like it, is not: "it rose to 19" opening a new paragraph may speak of anything
    /// (a river's level, a price): it takes nothing from the paragraph before.
    #[test]
    fn it_rose_to_does_not_reach_past_its_paragraph() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Flood\n\nThe death toll stood at 12 on Monday.\n\nBy Friday it had risen to 19.\n",
            ),
            (
                "b.txt",
                "Flood\n\nThe death toll rose to 15 on Wednesday.\n",
            ),
        ]);
        assert_eq!(values(&qs, "dead"), vec![12.0, 15.0], "{qs:#?}");
    }

    /// Looks like it, is not: "it" after a count or another clause of its own sentence has
    /// that antecedent ("shares fell 9% …, but by the afternoon it had risen to 14"), and
    /// "the number of tickets sold, 41,000" names its own thing: neither joins the toll.
    #[test]
    fn pointing_back_needs_no_antecedent_of_its_own() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Blast\n\nThe blast killed 12 workers on Monday, police said. The firm's shares fell 9% at the open, but by the afternoon it had risen to 14.\n\nNobody was killed at the gates. The number of tickets sold, 41,000, was a record.\n",
            ),
            ("b.txt", "Blast\n\nThe blast killed 12 workers, police said.\n"),
        ]);
        assert_eq!(values(&qs, "dead"), vec![12.0, 12.0], "{qs:#?}");
    }

    /// "the number she gave—31—" counts what the paragraph before named ("the number of
    /// people killed"), when no sentence between states a count of its own.
    #[test]
    fn the_number_points_back_at_the_outcome_named_before() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Flood\n\nEach evening the mayor reads out the number of people killed.\n\nOn Tuesday, the number she gave—31—shocked the town.\n",
            ),
            ("b.txt", "Flood\n\nThe death toll rose to 28 on Monday.\n"),
        ]);
        assert_eq!(values(&qs, "dead"), vec![31.0, 28.0], "{qs:#?}");
    }

    /// Looks like it, is not: a sentence stating its own count between the outcome and
    /// "the number" may be what the phrase points at ("40 roads were shut"): no outcome.
    #[test]
    fn the_number_stops_at_a_count_between() {
        let qs = qs_of(&[
            (
                "a.txt",
                "Flood\n\nEach evening the mayor reads out the number of people killed. Officials said 40 roads were shut.\n\nOn Tuesday, the number she gave—31—shocked the town.\n",
            ),
            ("b.txt", "Flood\n\nThe death toll rose to 28 on Monday.\n"),
        ]);
        assert!(
            qs.iter()
                .flat_map(|q| &q.mentions)
                .all(|m| m.figure.value != 31.0),
            "{qs:#?}"
        );
    }
}
