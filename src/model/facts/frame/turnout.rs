//! A turnout named by what it is rather than by its word: the share of the electorate who
//! voted ("68% of registered voters cast a ballot", "more than 60 per cent of those
//! registered voted").

use super::super::tokens::Token;

/// The measure a share of the electorate who voted measures ([`super::measures`]'s group).
pub(super) const TURNOUT: &str = "turnout";

/// Words that name the electorate after "of" ("of registered voters", "of those eligible").
const ELECTORATE: &[&str] = &["registered", "eligible", "electorate"];

/// Words between "of" and the electorate's word ("of those registered", "of the electorate",
/// "of all eligible voters").
const DETERMINERS: &[&str] = &["those", "the", "all"];

/// Verbs that say the electorate voted ("cast", "voted", "turned out", "went to the polls").
const VOTED: &[&str] = &["cast", "voted", "turned", "went"];

/// Tokens looked at after the electorate's word for the verb ("of registered voters
/// actually cast": three).
const VERB_AFTER: usize = 3;

/// Words right after the verb that make the share one side's ("voted for", "voted in
/// favour", "voted against"): a side's share of the electorate, not the turnout.
const SIDE: &[&str] = &["for", "against", "in", "to", "remain", "leave", "yes", "no"];

/// True when the tokens from `end` on (right after a percentage) say it is the share of the
/// electorate who voted: "of" an electorate's word, then a verb of voting that takes no side.
/// "58% of registered voters say they back the plan" is a poll, and "40% of those
/// registered voted for the plan" one side's share: neither is the turnout.
pub(super) fn electorate_voted(toks: &[Token], end: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    if w(end) != "of" {
        return false;
    }
    let mut k = end + 1;
    if DETERMINERS.contains(&w(k)) {
        k += 1;
    }
    if !ELECTORATE.contains(&w(k)) {
        return false;
    }
    let Some(verb) = (k + 1..k + 1 + VERB_AFTER).find(|&v| VOTED.contains(&w(v))) else {
        return false;
    };
    !SIDE.contains(&w(verb + 1))
}

/// Words looked at after a count for the verb that says the people counted voted ("30
/// million people voting", "12 million had turned out": three).
const VOTERS_AFTER: usize = 3;

/// Words between a count and its verb of voting that leave it the count of voters ("12
/// million people had turned out", "9 million voters voting").
const VOTER_WORDS: &[&str] = &["people", "voters", "electors", "had", "have", "has"];

/// True when the tokens from `end` on (right after a count) say the people counted voted,
/// taking no side: "30 million people voting", "12.5 million had turned out" count every
/// vote cast, the turnout as a count. "17 million voted to leave", "9 million people voting
/// for the plan" count one side's votes.
pub(super) fn voters_counted(toks: &[Token], end: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let Some(verb) = (end..end + VOTERS_AFTER).find(|&k| !VOTER_WORDS.contains(&w(k))) else {
        return false;
    };
    match w(verb) {
        "voting" | "voted" => !SIDE.contains(&w(verb + 1)),
        // "turned out in the referendum": no side is taken by turning out.
        "turned" => w(verb + 1) == "out",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::model::facts::{extract, Kind};
    use crate::model::Span;

    /// What the first percentage of `s` measures.
    #[track_caller]
    fn measure(s: &str) -> Option<String> {
        let facts = extract(s, Span::new(0, s.len()));
        let f = facts.figures.iter().find(|f| f.kind == Kind::Percent);
        f.unwrap_or_else(|| panic!("no percentage in {s:?}"))
            .frame
            .measure
            .clone()
    }

    /// The share of the electorate who voted is the turnout.
    #[test]
    fn share_of_registered_voters_who_voted_is_turnout() {
        let s = "By noon 61% of those registered had cast a ballot.";
        assert_eq!(measure(s).as_deref(), Some("turnout"));
        let s = "Some 58% of registered voters turned out on the day.";
        assert_eq!(measure(s).as_deref(), Some("turnout"));
    }

    /// What the first count of `s` measures.
    #[track_caller]
    fn count_measure(s: &str) -> Option<String> {
        let facts = extract(s, Span::new(0, s.len()));
        let f = facts.figures.iter().find(|f| f.kind == Kind::Count);
        f.unwrap_or_else(|| panic!("no count in {s:?}"))
            .frame
            .measure
            .clone()
    }

    /// A count of people who voted, taking no side, is the turnout as a count.
    #[test]
    fn count_of_people_voting_is_turnout() {
        let s = "Turnout was high, with more than 12 million people voting.";
        assert_eq!(count_measure(s).as_deref(), Some("turnout"));
        let s = "About 9.2 million had turned out for the vote.";
        assert_eq!(count_measure(s).as_deref(), Some("turnout"));
    }

    /// Looks like the turnout, is not: one side's votes.
    #[test]
    fn count_voting_for_a_side_is_not_turnout() {
        let s = "About 6.1 million people voted for the plan.";
        assert_ne!(count_measure(s).as_deref(), Some("turnout"));
    }

    /// Looks like a turnout, is not: a poll of the electorate, and one side's share of it.
    #[test]
    fn poll_or_side_of_the_electorate_is_not_turnout() {
        let s = "About 58% of registered voters say they back the plan.";
        assert_ne!(measure(s).as_deref(), Some("turnout"));
        let s = "Some 40% of those registered voted for the plan.";
        assert_ne!(measure(s).as_deref(), Some("turnout"));
    }
}
