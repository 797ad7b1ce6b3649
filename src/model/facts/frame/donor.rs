//! Who gives or pays an amount when no name stands next to it: a sentence whose subject is
//! set apart from its verb by a description ("Acme, the paint maker, has also donated
//! €5m"; "Jane Roe, who founded Acme, said she would give €5m"), and a name before a verb
//! of reporting, which is the source of the figure, not its giver ("analysts at Acme said
//! the storm caused $5bn of damage").

use super::super::tokens::{Tok, Token};
use super::{is_verb_form, measures, stops};

/// Subject pronouns that stand for the sentence's subject in a later clause ("Jane Roe, …,
/// said she would give €5m").
const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we"];

/// Words between a subject and its verb of giving that are no subject themselves ("has
/// also donated", "would donate", "and her family will donate").
const BETWEEN: &[&str] = &[
    "has", "have", "had", "will", "would", "also", "to", "and", "his", "her", "their", "its",
    "family", "already", "now", "then", "later", "is", "are", "was", "were", "be", "being",
];

/// Tokens looked at before an amount for its verb of giving ("will donate €5m": the verb
/// right before it; "promised to give a further €5m": three).
const VERB_BEFORE: usize = 3;

/// Tokens looked at before a verb of giving for the pronoun that stands for its subject
/// ("she and her family will donate": five).
const PRONOUN_BEFORE: usize = 5;

/// True when the verb of reporting at token `k` ("said", "estimated", from
/// `assets/attribution_verbs.txt`) opens a clause with a subject of its own ("Acme said the
/// storm caused …"): the name before it is the source, not the giver. A clause whose
/// subject is a pronoun ("Acme said it would give …") still gives the name before it.
pub(super) fn reported_by_another(toks: &[Token], k: usize) -> bool {
    let t = &toks[k];
    if t.kind != Tok::Word
        || t.capital
        || !super::super::attribution::verbs().contains(t.lower.as_str())
    {
        return false;
    }
    // "Acme was estimated to have done …": a passive verb of reporting leaves its subject
    // the subject of what follows.
    let passive = k > 0 && PASSIVE.contains(&toks[k - 1].lower.as_str());
    let mut n = k + 1;
    if toks.get(n).is_some_and(|w| w.lower == "that") {
        n += 1;
    }
    let same_subject = toks
        .get(n)
        .is_some_and(|w| PRONOUNS.contains(&w.lower.as_str()) || w.lower == "to");
    !passive && !same_subject
}

/// Auxiliaries before a verb of reporting that make it passive ("was estimated to").
const PASSIVE: &[&str] = &["was", "were", "is", "are", "be", "been", "being"];

/// The giver of the amount at token `start` when its verb of giving has no name next to it,
/// but a pronoun ("…, said he would donate €5m") or nothing ("Acme, the paint maker, has
/// also donated €5m") in its clause: the sentence's subject, the name it opens with
/// ([`subject`]). None when no verb of giving stands right before the amount.
pub(super) fn subject_giver(
    toks: &[Token],
    start: usize,
    name: impl Fn(&Token) -> bool,
) -> Option<usize> {
    let verb = (start.saturating_sub(VERB_BEFORE)..start)
        .rev()
        .find(|&k| {
            let w = toks[k].lower.as_str();
            toks[k].kind == Tok::Word
                && !toks[k].capital
                && is_verb_form(w)
                && measures().get(w).is_some_and(|g| g == GIFT)
        })?;
    let mut k = verb;
    let mut seen = 0;
    while k > 0 && seen < PRONOUN_BEFORE {
        k -= 1;
        seen += 1;
        let w = toks[k].lower.as_str();
        if PRONOUNS.contains(&w) || w == "," {
            return subject(toks, &name);
        }
        if !BETWEEN.contains(&w) {
            return None;
        }
    }
    None
}

/// The measure of money given ([`measures`]'s group of "pledge", "donate").
const GIFT: &str = "pledge";

/// The name a sentence opens with, as its subject: past lowercase descriptions and
/// demonyms ("French tycoon Jane Roe, …" -> roe), the last word of the first name, before
/// any comma. A lone capitalized first word is a name only when a description follows it
/// ("Acme, the paint maker, …"): "Officials, …" and "Retired grocer Jane Roe" open with a
/// common word.
fn subject(toks: &[Token], name: &impl Fn(&Token) -> bool) -> Option<usize> {
    let clause = toks.iter().take_while(|t| !stops(t)).count();
    let mut first = 0;
    while first < clause {
        if !name(&toks[first]) {
            first += 1;
            continue;
        }
        let last = name_end(toks, first, name);
        let described = toks.get(last + 1).is_some_and(|t| t.lower == ",")
            && toks
                .get(last + 2)
                .is_some_and(|t| matches!(t.lower.as_str(), "the" | "a" | "an"));
        if last > first || first > 0 || described {
            return Some(last);
        }
        first = last + 1;
    }
    None
}

/// The last token of the name starting at `first`: "Jane-Marie Roe", a hyphen glued
/// between two names joining them.
fn name_end(toks: &[Token], first: usize, name: &impl Fn(&Token) -> bool) -> usize {
    let mut last = first;
    loop {
        let hyphen = toks
            .get(last + 1)
            .is_some_and(|t| t.lower == "-" && t.glued);
        let next = last + 1 + usize::from(hyphen);
        if !toks
            .get(next)
            .is_some_and(|t| name(t) && (!hyphen || t.glued))
        {
            return last;
        }
        last = next;
    }
}

#[cfg(test)]
mod tests {
    use crate::model::facts::{extract, Kind};
    use crate::model::Span;

    /// Who the first amount of money in `s` is tied to.
    #[track_caller]
    fn giver(s: &str) -> Option<String> {
        let facts = extract(s, Span::new(0, s.len()));
        let f = facts.figures.iter().find(|f| f.kind == Kind::Money);
        f.unwrap_or_else(|| panic!("no amount in {s:?}"))
            .frame
            .about
            .clone()
    }

    /// A subject set apart from its verb of giving by a description gives the amount.
    #[test]
    fn described_subject_gives() {
        let s = "Brightwell, the paint maker, has also donated €5m to the appeal.";
        assert_eq!(giver(s).as_deref(), Some("brightwell"));
    }

    /// A pronoun in a later clause stands for the subject the sentence opens with, a
    /// hyphenated first name included.
    #[test]
    fn pronoun_stands_for_the_opening_subject() {
        let s = "Retired grocer Anne-Marie Tolland, who grew up near the hall, said she and \
                 her family will donate €2m.";
        assert_eq!(giver(s).as_deref(), Some("tolland"));
    }

    /// Looks like a described subject, is not: a capitalized common noun opening the
    /// sentence is no one's name.
    #[test]
    fn opening_common_noun_gives_nothing() {
        let s = "Officials, after a long meeting, have donated €5m to the appeal.";
        assert_eq!(giver(s), None);
    }

    /// A name before a verb of reporting is the source of an amount another subject's clause
    /// states, not who it is tied to.
    #[test]
    fn source_of_a_reported_amount_is_not_its_giver() {
        let s = "Analysts at Kestrel said the flood caused $3bn in damage.";
        assert_eq!(giver(s), None);
    }

    /// A name before a verb of reporting whose clause goes on with a pronoun still gives;
    /// a passive verb of reporting ("was estimated to") keeps its subject.
    #[test]
    fn source_who_gives_through_a_pronoun_still_gives() {
        let s = "Kestrel said it would donate $3m to the appeal.";
        assert_eq!(giver(s).as_deref(), Some("kestrel"));
        let s = "Tempest was estimated to have done $9bn of damage.";
        assert_eq!(giver(s).as_deref(), Some("tempest"));
    }
}
