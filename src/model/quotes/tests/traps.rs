//! Speaker traps from ordinary news phrasing outside the dev dossiers (business, sport,
//! courts, science): names with particles, a person "of" an organisation, and a pronoun
//! after a sentence about someone the dossier does not know.

use super::speaker;

/// A name with two particles ("van der", "de la") is one name, before the verb, after
/// it, and as the subject of a clause.
#[test]
fn two_particle_names_are_whole() {
    let t = "\"We had no choice,\" chief executive Ilse van der Molen told analysts.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ilse van der Molen"));
    let t = "\"It was fair,\" said coach Ramon de la Vega.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ramon de la Vega"));
    let t = "Coach Ramon de la Vega praised the \"quiet grit\" of his players.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ramon de la Vega"));
}

/// Looks like a particle name but is not: a particle before a lower-case word joins
/// nothing ("de la" in running text).
#[test]
fn particles_before_lower_case_join_nothing() {
    let t = "Ana Ruiz said the tour de la region was \"a success\".";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
}

/// A person named before "of" speaks; the organisation or place after it only says where
/// they work, with or without "the".
#[test]
fn person_of_an_organisation_speaks() {
    let t = "Analyst Priya Venn of Harlow Securities said the plan was \"overdue\".";
    assert_eq!(speaker(t, 0).as_deref(), Some("Priya Venn"));
    let t = "Prof. Lars Brekke of the University of Tromvik said the data were \"robust\".";
    assert_eq!(speaker(t, 0).as_deref(), Some("Lars Brekke"));
    let t = "Jonas Fenwick at Kestrel Labs said the result was \"a surprise\".";
    assert_eq!(speaker(t, 0).as_deref(), Some("Jonas Fenwick"));
    let t = "Analyst Priya Venn of Harlow Securities said the plan was overdue.\n\n\
             \"Investors have waited two years,\" she said.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Priya Venn"));
}

/// Looks like a person of an organisation but is not: a title, or one word alone, before
/// "of" opens the name of a role or an institution.
#[test]
fn role_or_institution_before_of_is_no_person() {
    let t = "Secretary of State Ana Ruiz said the talks were \"useful\".";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
    let t = "The Bank of Erland said the rise was \"temporary\".";
    assert_ne!(speaker(t, 0).as_deref(), Some("Bank"));
}

/// A pronoun after a sentence whose subject is a full name the dossier does not know does
/// not reach back to the person quoted before: nobody rather than the wrong one.
#[test]
fn pronoun_stops_at_an_unknown_subject() {
    let t = "\"I heard it on the radio,\" said Carla Mendez, a nurse.\n\n\
             Tom Okafor was more philosophical. \"It is the way of things,\" he said.";
    assert_ne!(speaker(t, 1).as_deref(), Some("Carla Mendez"));
    let t = "\"I heard it on the radio,\" said Carla Mendez, a nurse.\n\n\
             Her colleague, Tom Okafor, shrugged. \"It is the way of things,\" he said.";
    assert_ne!(speaker(t, 1).as_deref(), Some("Carla Mendez"));
    // Looks like a stranger but is not: a husband in apposition is no "she".
    let t = "\"I heard it on the radio,\" said Carla Mendez, a nurse.\n\n\
             Her husband, Tom, shrugged. \"It is the way of things,\" she said.";
    assert_eq!(speaker(t, 1).as_deref(), Some("Carla Mendez"));
}

/// A pronoun after a sentence about a relative of the same gender ("His wife wept")
/// names nobody; one of the other gender ("His mother died") is no candidate, and the
/// pronoun reaches back past it.
#[test]
fn pronoun_stops_at_a_relative_of_its_gender() {
    let t = "\"The verdict is wrong,\" Mayor Gil Fenn said.\n\n\
             His wife wept in the gallery. Outside, she told reporters: \"He is innocent.\"";
    assert_eq!(speaker(t, 1), None);
    let t = "\"The verdict is wrong,\" Mayor Gil Fenn said.\n\n\
             His mother died in May. \"She would have cried,\" he said.";
    assert_eq!(speaker(t, 1).as_deref(), Some("Gil Fenn"));
}

/// Looks like an unknown subject but is not: a place or an event opening the sentence,
/// or words before the pronoun in its own sentence, leave the pronoun its person.
#[test]
fn places_and_openers_are_no_strangers() {
    let t = "\"We will rebuild,\" Mayor Gil Fenn said.\n\n\
             Across Port Ellis, he said, \"people are already helping.\"";
    assert_eq!(speaker(t, 1).as_deref(), Some("Gil Fenn"));
    let t = "\"We will rebuild,\" Mayor Gil Fenn said.\n\n\
             The storm hit the coast at noon. \"It was frightening,\" he said.";
    assert_eq!(speaker(t, 1).as_deref(), Some("Gil Fenn"));
}

/// One unknown capitalized word opening a sentence ("Insurers", "Malaria") is no
/// speaker, and the quote does not fall to someone quoted before.
#[test]
fn unknown_word_opening_a_sentence_is_no_speaker() {
    let t = "\"We are ready,\" Mayor Ana Ruiz said.\n\n\
             Insurers hailed the \"quiet courage\" of the crews.";
    assert_eq!(speaker(t, 1), None);
    let t = "Malaria jab 'could save thousands of lives'\n\nA vaccine has been shown to work.";
    assert_eq!(speaker(t, 0), None);
}

/// Looks like an unknown opener but is not: a surname the article named in full, a
/// capital inside the sentence ("…, while Labour said"), or one after a quote.
#[test]
fn known_or_inner_capitals_still_speak() {
    let t = "Mayor Ana Ruiz visited the site.\n\n\
             Ruiz praised the \"quiet courage\" of the crews.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
    let t = "Mayor Ana Ruiz said the vote was \"a mistake\", while Harbourside also said it \
             was \"rushed\".";
    assert_eq!(speaker(t, 1).as_deref(), Some("Harbourside"));
    assert_eq!(
        speaker("\"It is fine,\" Smith said.", 0).as_deref(),
        Some("Smith")
    );
}

/// A quote after a colon in a sentence that names one person is that person's, not the
/// continuation of the quote before it in the paragraph.
#[test]
fn colon_after_a_named_subject_is_no_continuation() {
    let t = "Sen. Ana Ruiz called the bill \"a lifeline.\" Her counterpart, Sen. Tom Eck, was \
             blunter: \"It is not perfect, but it is done.\"";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
    assert_eq!(speaker(t, 1).as_deref(), Some("Tom Eck"));
    // In the same paragraph, an unknown opener takes nothing from the quote before.
    let t = "\"We are ready,\" Mayor Ana Ruiz said. Insurers hailed the \"quiet courage\" of \
             the crews.";
    assert_eq!(speaker(t, 1), None);
}

/// Looks like a sentence of its own but is not: a quote standing alone after the
/// speaker's sentence continues it.
#[test]
fn quote_alone_after_its_speaker_continues() {
    let t = "\"We are ready,\" Mayor Ana Ruiz said. \"We will not stop.\"";
    assert_eq!(speaker(t, 1).as_deref(), Some("Ana Ruiz"));
}

/// An institution named with "of" or "and" keeps its whole name ("Ministry of Health",
/// "Food and Allied Workers Union"), never its last word as a person.
#[test]
fn institution_names_keep_of_and_and() {
    let t = "The Ministry of Health said the outbreak was \"contained\".";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ministry of Health"));
    let t = "The University of Tromvik said the data were \"robust\".";
    assert_eq!(speaker(t, 0).as_deref(), Some("University of Tromvik"));
    let t = "The Dock and Harbour Workers Union said the cuts were \"shameful\".";
    assert_eq!(
        speaker(t, 0).as_deref(),
        Some("Dock and Harbour Workers Union")
    );
}

/// Looks like an institution's name but is not: two people joined by "and", a role "of"
/// a place before a name, or a title "of" a place with no name.
#[test]
fn and_or_of_before_a_person_is_no_institution() {
    let t = "Smith and Jones said the deal was \"late\".";
    assert_ne!(speaker(t, 0).as_deref(), Some("Smith and Jones"));
    let t = "Mayor of Lakeside Sadiq Khanna said the water was \"falling\".";
    assert_eq!(speaker(t, 0).as_deref(), Some("Sadiq Khanna"));
    let t = "The Duke of Kent said the garden was \"a delight\".";
    assert_ne!(speaker(t, 0).as_deref(), Some("Kent"));
}

/// A nationality noun for a person ("the Dutchman", "the Frenchwoman") is a role, never
/// a person of that name.
#[test]
fn nationality_noun_is_no_name() {
    let t =
        "Erik van Houten, the Castleford boss, was angry.\n\n\"It is a joke,\" the Dutchman said.";
    assert_ne!(speaker(t, 0).as_deref(), Some("Dutchman"));
    let t = "\"It is a joke,\" said the Frenchwoman.";
    assert_ne!(speaker(t, 0).as_deref(), Some("Frenchwoman"));
}

/// Looks like a nationality noun but is not: a surname ending in "man" whose stem is no
/// nationality ("Newman", "Bowman").
#[test]
fn surname_ending_in_man_is_a_name() {
    let t = "\"It is a joke,\" said coach Ray Newman.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ray Newman"));
    let t = "\"It is a joke,\" Bowman said.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Bowman"));
}

/// "The union said", "the club said": the union or club the story named before speaks, as
/// "the company" does.
#[test]
fn union_or_club_noun_is_the_one_named() {
    let t = "The Dock Workers Union said on Monday it would strike.\n\n\
             \"Members are angry,\" the union said in a statement.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Dock Workers Union"));
}

/// Looks like the one named but is not: with two unions in view, "the union" is neither.
#[test]
fn union_noun_with_two_in_view_is_nobody_named() {
    let t = "The Dock Workers Union said on Monday it would strike. The Harbour Pilots Union \
             said it would not.\n\n\"Members are angry,\" the union said in a statement.";
    let s = speaker(t, 0);
    assert_ne!(s.as_deref(), Some("Dock Workers Union"));
    assert_ne!(s.as_deref(), Some("Harbour Pilots Union"));
}

/// "X was quoted as saying": the subject of the passive said the words.
#[test]
fn quoted_as_saying_names_its_subject() {
    let t = "Police Chief Ana Ruiz was quoted as saying the suspect was \"dangerous\".";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
}

/// A surname opening a sentence speaks when the article wrote it in full before, even
/// where no title or speech verb made the full name a known person.
#[test]
fn surname_named_in_full_earlier_speaks() {
    let t = "The winner came from Kwame Osei-Bonsu in the last minute.\n\n\
             Osei-Bonsu, 22, said scoring was \"a dream\".";
    assert_eq!(speaker(t, 0).as_deref(), Some("Osei-Bonsu"));
}

/// Two people joined by "and" as the subject of one speech verb are no one speaker: the
/// quote goes to nobody rather than to the name nearest the verb.
#[test]
fn a_subject_of_two_people_is_no_one_speaker() {
    let t = "Ruth Amsel and Jonas Fenwick said the merger was \"late\".";
    assert_eq!(speaker(t, 0).as_deref(), None);
    let t = "Sen. Ruth Amsel and Rep. Jonas Fenwick said the bill was \"dead\".";
    assert_eq!(speaker(t, 0).as_deref(), None);
}

/// Looks like a joint subject but is not: "and" that opens a new clause, or joins two
/// roles of the one person named.
#[test]
fn and_after_a_clause_leaves_one_speaker() {
    let t = "The talks ended at noon, and Jonas Fenwick said the merger was \"late\".";
    assert_eq!(speaker(t, 0).as_deref(), Some("Jonas Fenwick"));
    let t = "Ruth Amsel met the board and Jonas Fenwick said the merger was \"late\".";
    assert_eq!(speaker(t, 0).as_deref(), Some("Jonas Fenwick"));
    // Two roles of one person.
    let t = "\"We are sorry,\" Kestrel Chairman and CEO Jonas Fenwick said in a statement.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Jonas Fenwick"));
}
