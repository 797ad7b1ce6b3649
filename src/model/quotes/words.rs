//! The words of quote attribution's grammar (pronouns, oblique prepositions, fillers
//! between a subject and its verb), over the shared lexical layer ([`crate::model::lex`]).

pub(crate) use crate::model::lex::{has, is_cap, strip_possessive, tokenize, word, Tok, Token};
pub(crate) use crate::model::lexicon::{
    anonymous, audience_verbs, group_nouns, institutions, ly_nouns, media_words, name_stopwords,
    organisation_nouns, places, reply_verbs, scare_cues, speech_participles, speech_verbs, titles,
};

/// Pronouns that can name a speaker.
pub(crate) fn pronoun(w: &str) -> Option<Pronoun> {
    match w {
        "he" | "He" => Some(Pronoun::He),
        "she" | "She" => Some(Pronoun::She),
        "they" | "They" => Some(Pronoun::They),
        _ => None,
    }
}

/// A third-person pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    He,
    She,
    They,
    /// "It said": an organisation (read only as a speech verb's subject, see `np`).
    It,
}

/// Prepositions before a name that make it an oblique mention, not a subject: in "met
/// with Kim, Austin said" Kim is not the one speaking.
pub(crate) fn is_oblique(w: &str) -> bool {
    w.len() <= 9
        && [
            "with",
            "alongside",
            "beside",
            "of",
            "by",
            "from",
            "to",
            "for",
            "at",
            "about",
            "including",
            "like",
            "between",
            "against",
            "toward",
            "towards",
            "than",
            "on",
            "in",
            "into",
            "among",
            "under",
        ]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(w))
}

/// Adverbs and auxiliaries that may stand between a subject and its verb ("Austin also
/// said", "she has repeatedly warned").
pub(crate) fn is_filler(w: &str) -> bool {
    (w.len() > 3
        && w.ends_with("ly")
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !has(ly_nouns(), w))
        || matches!(
            w,
            "also"
                | "later"
                | "again"
                | "then"
                | "has"
                | "have"
                | "had"
                | "was"
                | "is"
                | "would"
                | "will"
                | "did"
                | "once"
                | "previously"
                | "earlier"
                | "further"
                | "still"
                | "often"
                | "has long"
        )
}
