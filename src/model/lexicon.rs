//! The one loader of the word lists kept as data in `assets/`: each parsed once, on first
//! use, into the shape its readers probe (a list, a [`WordSet`], a cue automaton, a table).
//!
//! Each list is one entry a line; `#` starts a comment line; entries are lowercased.
//! Tables are `phrase = value` lines; groups are a head word and its variants on one line.

use crate::model::lex::{FastMap, FastSet, WordSet};
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// Parse a list: one entry a line, comments and blank lines skipped, lowercased.
pub fn parse_list(src: &str) -> Vec<String> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

/// Split `phrase = value` lines into pairs (lines without ` = ` are skipped).
pub fn parse_table(src: &str) -> Vec<(String, String)> {
    parse_list(src)
        .into_iter()
        .filter_map(|l| {
            let (k, v) = l.split_once(" = ")?;
            Some((k.trim().to_string(), v.trim().to_string()))
        })
        .collect()
}

/// Word groups, a line each, the first word naming the group: every word to its group's
/// name (a word in two groups stays in the first).
pub fn parse_groups(src: &str) -> FastMap<String, String> {
    let mut m = FastMap::default();
    for line in parse_list(src) {
        let mut words = line.split_whitespace();
        let Some(head) = words.next() else { continue };
        m.insert(head.to_string(), head.to_string());
        for w in words {
            m.entry(w.to_string()).or_insert_with(|| head.to_string());
        }
    }
    m
}

macro_rules! list {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub fn $name() -> &'static [String] {
            static CELL: OnceLock<Vec<String>> = OnceLock::new();
            CELL.get_or_init(|| parse_list(include_str!(concat!("../../assets/", $file))))
        }
    };
}

list!(
    /// Phrases of site furniture: subscribe prompts, navigation, sharing.
    boilerplate,
    "boilerplate.txt"
);
list!(
    /// Cues of photo captions and credits.
    captions,
    "captions.txt"
);
list!(
    /// Cues of author lines and bios.
    bylines,
    "bylines.txt"
);
list!(
    /// Cues that open appended material.
    appended,
    "appended.txt"
);

list!(
    /// Notices that are boilerplate wherever they stand in a short paragraph.
    boilerplate_anywhere,
    "boilerplate_anywhere.txt"
);
list!(
    /// How an author line without "By" ends ("… Staff", "Staff and wire reports").
    staff_bylines,
    "staff_bylines.txt"
);
list!(
    /// Words that open a page's date line ("Updated", "Published").
    timestamps,
    "timestamps.txt"
);
list!(
    /// Month and weekday names and their abbreviations.
    calendar_words,
    "calendar_words.txt"
);
list!(
    /// Words a date stamp is made of besides numbers and calendar words (zones, "ago").
    stamp_words,
    "stamp_words.txt"
);

/// [`calendar_words`] as a word set: the date-stamp test probes the first word of every
/// paragraph (with a `String` and a scan of both lists per probe, paragraph kinds took
/// 166.7 M instructions on 200 generated articles; 162.4 M with the sets).
pub fn calendar_word_set() -> &'static WordSet {
    static CELL: OnceLock<WordSet> = OnceLock::new();
    CELL.get_or_init(|| calendar_words().iter().map(String::as_str).collect())
}

/// [`stamp_words`] as a word set: see [`calendar_word_set`].
pub fn stamp_word_set() -> &'static WordSet {
    static CELL: OnceLock<WordSet> = OnceLock::new();
    CELL.get_or_init(|| stamp_words().iter().map(String::as_str).collect())
}

list!(
    /// Credits that close a caption ("Picture by Jane Roe/AP").
    credit_tails,
    "credit_tails.txt"
);
list!(
    /// Words that open an author line before the name ("By", "Posted by", "Editor:").
    byline_openers,
    "byline_openers.txt"
);
list!(
    /// Labels that open a video or gallery caption ("WATCH:", "VIDEO:").
    caption_openers,
    "caption_openers.txt"
);
list!(
    /// What an author is in an end-of-article bio (reporter, correspondent …).
    bio_roles,
    "bio_roles.txt"
);
list!(
    /// Headings of lists of links to other stories ("You may also like", "Most read").
    related_headings,
    "related_headings.txt"
);
list!(
    /// First segments of a breadcrumb trail ("Home").
    breadcrumbs,
    "breadcrumbs.txt"
);

/// The abbreviations list, parsed once for both of its readers below.
fn abbreviation_list() -> &'static [String] {
    static CELL: OnceLock<Vec<String>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse_list(include_str!("../../assets/abbreviations.txt"))
            .into_iter()
            .map(|s| s.trim().to_string())
            .collect()
    })
}

/// Abbreviations whose final dot belongs to the word and does not end a sentence ("Dr.",
/// Words that carry no claim (`assets/claim_stopwords.txt`): skipped when claims are
/// compared, and when paragraph kinds ask whether one paragraph restates another.
pub fn stopwords() -> &'static FastSet<String> {
    static CELL: OnceLock<FastSet<String>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse_list(include_str!("../../assets/claim_stopwords.txt"))
            .into_iter()
            .collect()
    })
}

/// "Oct."): lowercase, without the period.
pub fn abbreviations() -> &'static WordSet {
    static CELL: OnceLock<WordSet> = OnceLock::new();
    CELL.get_or_init(|| abbreviation_list().iter().map(String::as_str).collect())
}

/// Abbreviations that do not end a sentence before a number only ("no !num" in the list),
/// without the marker: looked up without building a key per period.
pub fn abbreviations_before_number() -> &'static WordSet {
    static CELL: OnceLock<WordSet> = OnceLock::new();
    CELL.get_or_init(|| {
        abbreviation_list()
            .iter()
            .filter_map(|a| a.strip_suffix(" !num"))
            .collect()
    })
}

macro_rules! matcher {
    ($(#[$doc:meta])* $name:ident, $list:ident) => {
        $(#[$doc])*
        pub fn $name() -> &'static AhoCorasick {
            static CELL: OnceLock<AhoCorasick> = OnceLock::new();
            CELL.get_or_init(|| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .build($list())
                    .expect("the cue list builds an automaton")
            })
        }
    };
}

matcher!(
    /// One-pass, case-insensitive search for boilerplate cues.
    boilerplate_matcher,
    boilerplate
);
matcher!(
    /// One-pass, case-insensitive search for caption cues.
    captions_matcher,
    captions
);
matcher!(
    /// One-pass, case-insensitive search for photo-credit cues closing a caption.
    credit_tails_matcher,
    credit_tails
);
matcher!(
    /// One-pass, case-insensitive search for byline cues.
    bylines_matcher,
    bylines
);
matcher!(
    /// One-pass, case-insensitive search for notices that are boilerplate anywhere.
    boilerplate_anywhere_matcher,
    boilerplate_anywhere
);

/// Time-zone abbreviations and their UTC offsets ("bst", "+01:00").
pub fn timezones() -> &'static [(String, String)] {
    static CELL: OnceLock<Vec<(String, String)>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse_list(include_str!("../../assets/timezones.txt"))
            .iter()
            .filter_map(|l| {
                let (abbr, off) = l.split_once(char::is_whitespace)?;
                Some((abbr.to_string(), off.trim().to_uppercase()))
            })
            .collect()
    })
}

/// Wire agencies: (name as shown, the forms a credit writes, lowercase).
pub fn agencies() -> &'static [(String, Vec<String>)] {
    static CELL: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    CELL.get_or_init(|| {
        let src = include_str!("../../assets/agencies.txt");
        src.lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .filter_map(|l| {
                let (name, forms) = l.split_once('=')?;
                let forms = forms
                    .split(',')
                    .map(|f| f.trim().to_lowercase())
                    .filter(|f| !f.is_empty())
                    .collect();
                Some((name.trim().to_string(), forms))
            })
            .collect()
    })
}

macro_rules! set {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub fn $name() -> &'static WordSet {
            static CELL: OnceLock<WordSet> = OnceLock::new();
            CELL.get_or_init(|| {
                parse_list(include_str!(concat!("../../assets/", $file)))
                    .iter()
                    .map(|s| s.trim())
                    .collect()
            })
        }
    };
}

set!(
    /// Speech verbs, inflected ("said", "told", "warned").
    speech_verbs,
    "speech_verbs.txt"
);
set!(
    /// Participles that hang a quote on the main clause's subject ("saying", "adding").
    speech_participles,
    "speech_participles.txt"
);
set!(
    /// Speech verbs whose object is the audience ("told", "asked").
    audience_verbs,
    "audience_verbs.txt"
);
set!(
    /// Titles and role words ("secretary", "minister", "dr.").
    titles,
    "titles.txt"
);
set!(
    /// Head nouns of unnamed speakers ("official", "sources").
    anonymous,
    "anonymous.txt"
);
set!(
    /// Words that make a name an institution ("ministry", "pentagon").
    institutions,
    "institutions.txt"
);
set!(
    /// Cues before a scare-quoted term ("so-called", "dubbed").
    scare_cues,
    "scare_cues.txt"
);
set!(
    /// Capitalized function words that never begin a name ("When", "Monday").
    name_stopwords,
    "name_stopwords.txt"
);
set!(
    /// Nationality adjectives ("Korean", "Russian").
    demonyms,
    "demonyms.txt"
);
set!(
    /// Countries, capitals and regions.
    places,
    "places.txt"
);
set!(
    /// Head nouns that stand for an organisation already named ("the company").
    organisation_nouns,
    "organisation_nouns.txt"
);

set!(
    /// Head nouns of a group named after a person ("the Ruiz family").
    group_nouns,
    "group_nouns.txt"
);
set!(
    /// Nouns ending in "-ly" that are no adverb ("family", "rally").
    ly_nouns,
    "ly_nouns.txt"
);
set!(
    /// Where a written statement is posted ("Facebook", "page", "account").
    media_words,
    "media_words.txt"
);
set!(
    /// Speech verbs that answer a question ("replied", "answered").
    reply_verbs,
    "reply_verbs.txt"
);
set!(
    /// Things whose age is the span of time they have stood ("the 300-year-old bridge").
    aged_things,
    "aged_things.txt"
);
set!(
    /// Places whose people a count after "of" numbers ("a nation of 36 million").
    populated,
    "populated.txt"
);
set!(
    /// Words that deny what their sentence names ("nobody", "never").
    negations,
    "negations.txt"
);
set!(
    /// Honorifics and role nouns that tell a man ("Mr", "father", "actor").
    male_words,
    "gender_male.txt"
);
set!(
    /// Honorifics and role nouns that tell a woman ("Mrs", "mother", "actress").
    female_words,
    "gender_female.txt"
);

/// The lines of `assets/contraries.txt`: the words of each side.
pub fn contraries() -> &'static [(Vec<String>, Vec<String>)] {
    static CELL: std::sync::OnceLock<Vec<(Vec<String>, Vec<String>)>> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        parse_list(include_str!("../../assets/contraries.txt"))
            .iter()
            .filter_map(|l| {
                let (x, y) = l.split_once('|')?;
                let words = |s: &str| s.split_whitespace().map(str::to_string).collect();
                Some((words(x), words(y)))
            })
            .collect()
    })
}

/// The lines of `assets/aliases.txt`: each thing's head name and the other names written
/// for it ("united kingdom", ["uk", "britain", …]), lowercase.
pub fn aliases() -> &'static [(String, Vec<String>)] {
    static CELL: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    CELL.get_or_init(|| {
        parse_table(include_str!("../../assets/aliases.txt"))
            .into_iter()
            .map(|(head, rest)| {
                let names = rest
                    .split(',')
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty())
                    .collect();
                (head, names)
            })
            .collect()
    })
}

/// The paraphrase sets of `assets/paraphrases.txt` (claim alignment): every word, as
/// written, to its set's first word.
pub fn paraphrases() -> &'static FastMap<String, String> {
    static CELL: OnceLock<FastMap<String, String>> = OnceLock::new();
    CELL.get_or_init(|| parse_groups(include_str!("../../assets/paraphrases.txt")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The abbreviations list is read by the sentence splitter and the tokenizer from one
    /// parse: the "before a number only" entries lose their marker, and the plain ones stay.
    #[test]
    fn abbreviations_parse_once_for_both_readers() {
        assert!(abbreviations().has("Dr"));
        assert!(abbreviations_before_number().has("no"));
        // "no" ends a sentence unless a number follows: not a plain abbreviation.
        assert!(!abbreviations().has("no"));
        assert!(!abbreviations_before_number().has("dr"));
    }

    /// Word sets fold the case of the text's words, and a word that only contains an
    /// entry is not in the set.
    #[test]
    fn word_sets_fold_case_and_match_whole_words() {
        assert!(speech_verbs().has("Said"));
        assert!(!speech_verbs().has("saidx"));
        assert!(titles().has("minister"));
    }

    /// Every line of the aliases list has a head and at least one other name, and a
    /// demonym named there is one the demonyms list knows.
    #[test]
    fn aliases_parse_into_heads_and_names() {
        let a = aliases();
        assert!(a
            .iter()
            .all(|(h, names)| !h.is_empty() && !names.is_empty()));
        let uk = a.iter().find(|(h, _)| h == "united kingdom");
        assert!(uk.is_some_and(|(_, n)| n.iter().any(|x| x == "britain")));
        for (_, names) in a {
            for n in names
                .iter()
                .filter(|n| n.ends_with("ish") || n.ends_with("ese"))
            {
                assert!(demonyms().has(n), "{n} is not in demonyms.txt");
            }
        }
    }

    /// Tables split on ` = ` and groups map every variant to the line's head word.
    #[test]
    fn tables_and_groups_parse() {
        let t = parse_table("# comment\nkm = length km 1\nno separator\n");
        assert_eq!(t, vec![("km".to_string(), "length km 1".to_string())]);
        let g = parse_groups("rise increase growth\nfall drop\n");
        assert_eq!(g.get("growth").map(String::as_str), Some("rise"));
        assert_eq!(g.get("fall").map(String::as_str), Some("fall"));
        assert!(!g.contains_key("rise increase"));
    }
}
