//! The attribution sieve's passes, each on invented sentences: clauses, the subject a
//! quote hangs on, audiences, role words and one person across outlets.

use super::{kind, quotes, speaker};
use crate::model::quotes::QuoteKind;

/// Two clauses joined by ", while" have a speaker each.
#[test]
fn clause_after_while_has_its_own_speaker() {
    let t = "Mayor Ana Ruiz said the plan was \"a costly mistake\", while council member \
             Tom Reyes called it \"long overdue\".";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
    assert_eq!(speaker(t, 1).as_deref(), Some("Tom Reyes"));
}

/// A participle after a comma hangs the quote on the main clause's subject.
#[test]
fn participle_hangs_on_subject() {
    let t = "Governor Lena Ortiz praised the crews, saying they had worked \"around the clock\".";
    assert_eq!(speaker(t, 0).as_deref(), Some("Lena Ortiz"));
}

/// A partial quote in a clause whose subject is named goes to that subject, whatever the verb.
#[test]
fn subject_of_any_verb_speaks() {
    let t = "Senator Paul Grant thanked the volunteers for their \"quiet courage\" on Sunday.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Paul Grant"));
}

/// Looks like a subject but is not: an attribution after the quote decides instead.
#[test]
fn attribution_after_quote_beats_subject() {
    let t = "Grant budget \"a disaster in waiting,\" one analyst says";
    assert_ne!(speaker(t, 0).as_deref(), Some("Grant"));
}

/// Looks like a subject but is not: a passive subject was asked, it did not speak.
#[test]
fn passive_subject_is_no_speaker() {
    let t = "Senator Paul Grant was asked about the \"missing funds\" on Monday.";
    assert_eq!(speaker(t, 0), None);
}

/// "X told local reporters: “…”": the audience before the colon is not the speaker.
#[test]
fn audience_before_colon_is_not_speaker() {
    let t = "Mayor Ana Ruiz told local reporters: \"We will rebuild every house.\"";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
}

/// "X told AP, “…”": the outlet after "told" is the audience.
#[test]
fn outlet_after_told_is_audience() {
    let t = "The leader of the search, acting Chief Ben Ode, told AP, \"We found them all.\"";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ben Ode"));
}

/// A role word between "said" and the name belongs to the name.
#[test]
fn role_word_before_name_after_said() {
    let t = "\"The damage is extensive,\" said security analyst Mia Holt.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Mia Holt"));
}

/// A hyphenated first name is its own given name: father and son stay two people.
#[test]
fn hyphenated_first_name_is_another_person() {
    let q = quotes(&[
        "Jean-Luc Marchand, who runs the firm, said \"We will pay for the roof.\"",
        "Jean Marchand said \"I am proud of my son.\"",
    ]);
    assert_eq!(q[0].1.as_deref(), Some("Jean-Luc Marchand"));
    assert_eq!(q[1].1.as_deref(), Some("Jean Marchand"));
}

/// Outlets that drop a name's accents still name one person.
#[test]
fn accents_dropped_are_one_person() {
    let q = quotes(&[
        "Chloé Dubois said \"The vote was fair.\"",
        "Chloe Dubois said \"We accept the result.\"",
    ]);
    assert_eq!(q[0].1, q[1].1);
}

/// A relative clause holding a list of names does not hide its subject.
#[test]
fn subject_before_relative_clause_with_list() {
    let t =
        "Ana Ruiz, whose group owns Acme Mills, Bolt Steel and Crane, called it \"a fair deal\".";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
}

/// A role the article leaves unnamed goes to the one person of the dossier with it.
#[test]
fn role_resolves_across_the_dossier() {
    let q = quotes(&[
        "Interior Minister Carl Lind said \"We are ready for the storm.\"",
        "The interior minister said the dam was \"under watch\" all night.",
    ]);
    assert_eq!(q[1].1.as_deref(), Some("Carl Lind"));
}

/// Looks like the same case but is not: two ministers in the dossier leave it unknown.
#[test]
fn role_shared_by_two_is_unknown() {
    let q = quotes(&[
        "Interior Minister Carl Lind said \"We are ready for the storm.\"",
        "Finance Minister Eva Berg said \"The money is there.\"",
        "The minister said the dam was \"under watch\" all night.",
    ]);
    assert_eq!(q[2].1, None);
}

/// A capitalized role with "The" and no name is a role, resolved to whoever holds it.
#[test]
fn capitalized_role_resolves() {
    let t = "President Mara Voss visited the site. The President said every loss was \
             \"a tragedy,\" and promised help.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Mara Voss"));
}

/// A title-case headline registers no name from its capitals.
#[test]
fn title_case_line_registers_no_name() {
    let t = "Ana Ruiz Quits As Mayor Following Budget Vote Crisis\n\nThe mayor said \"It was time to go.\"";
    assert_eq!(speaker(t, 0), None);
}

/// Looks like a named subject but is not: a capitalized determiner opens an unnamed one.
#[test]
fn determiner_subject_is_no_name() {
    let t = "One nurse who worked all night, and who asked not to be named, said: \"We ran out of beds.\"";
    assert_eq!(speaker(t, 0), None);
}

/// "the Rangers" after "Lake County Rangers" elsewhere is that organisation, named without
/// its article.
#[test]
fn short_form_of_organisation_merges() {
    let q = quotes(&[
        "\"Every hiker is safe,\" the Lake County Rangers said on Friday.",
        "\"We searched all night,\" the Rangers said.",
    ]);
    assert_eq!(q[0].1.as_deref(), Some("Lake County Rangers"));
    assert_eq!(q[1].1, q[0].1);
}

/// Looks like a short form but is not: a name that ends two organisations' names stays apart.
#[test]
fn short_form_of_two_organisations_stays_apart() {
    let q = quotes(&[
        "\"Roads are closed,\" the North Valley Rangers said.",
        "\"Trails are closed,\" the South Valley Rangers said.",
        "\"We searched all night,\" the Rangers said.",
    ]);
    assert_eq!(q[2].1.as_deref(), Some("Rangers"));
}

/// A description of an organisation keeps its article: "the government" is no name.
#[test]
fn described_organisation_keeps_article() {
    let t = "\"The vote is void,\" the government said.";
    assert_eq!(speaker(t, 0).as_deref(), Some("the government"));
}

/// A short given name and its full form are one person ("Rick" / "Richard").
#[test]
fn nickname_is_same_person() {
    let q = quotes(&[
        "Chief executive Richard Holm said \"We are sorry.\"",
        "Chief executive Rick Holm said \"We will fix it.\"",
    ]);
    assert_eq!(q[0].1, q[1].1);
}

/// A paragraph opening with a quote does not continue a partial quote of the reporter's
/// sentence before it.
#[test]
fn no_continuation_from_partial_quote() {
    let t = "The strike began in what the council called an \"unlawful\" move.\n\n\"We are here to stay.\"";
    assert_eq!(speaker(t, 1), None);
}

/// An unclosed double quote closed by a stray single mark ends before its attribution.
#[test]
fn stray_single_close_ends_before_attribution() {
    let t = "\"We will open the school on Monday,’ Mayor Ana Ruiz said.";
    assert_eq!(super::texts(t), ["We will open the school on Monday,"]);
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
}

/// A pronoun after a sentence naming two people goes to the one who spoke in it.
#[test]
fn pronoun_prefers_speaking_subject() {
    let t = "Mayor Ana Ruiz said Governor Tom Reyes called her on Monday. \"We are in this together,\" she said.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
}

/// A full name described by an age in apposition is a person a later pronoun points to.
#[test]
fn described_name_is_antecedent() {
    let t =
        "Maria Lopez, a 44-year-old teacher, queued from dawn. Hours later, police arrived.\n\n\
             \"They pushed us back,\" she told the Daily Star.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Maria Lopez"));
}

/// Looks like a speaking subject but is not: the one who asked does not answer.
#[test]
fn pronoun_after_question_is_not_asker() {
    let t = "\"How many died?\" Mayor Ana Ruiz asked Governor Tom Reyes. \"Nine,\" he replied.";
    assert_ne!(speaker(t, 1).as_deref(), Some("Ana Ruiz"));
}

/// Confidence follows each pass's measured precision, and a pass never measured gets the
/// prior of one half.
#[test]
fn confidence_follows_measured_precision() {
    use crate::model::quotes::confidence;
    assert!(confidence("pronoun") > confidence("same sentence"));
    assert!((confidence("dash") - 0.5).abs() < 1e-9);
    assert!((0.0..=1.0).contains(&confidence("subject")));
}

/// A closing single mark after an "s" closes an open ‘…’ quote, where it would otherwise
/// read as a plural possessive.
#[test]
fn single_quote_ending_in_s_closes() {
    let t = "Ana Ruiz said the crews were ‘tired but calm’ adding that they had ‘strong hearts’ as athletes.";
    assert_eq!(super::texts(t), ["tired but calm", "strong hearts"]);
}

/// A headline line opening with a known name and a colon gives that name the quote.
#[test]
fn headline_name_colon() {
    let q = quotes(&[
        "Ruiz: flood 'worst in decades'\n\nMayor Ana Ruiz said on Monday that \"the water is falling\".",
    ]);
    assert_eq!(q[0].1.as_deref(), Some("Ana Ruiz"));
}

/// Looks like a name and a colon but is not: an unknown word before the colon names nobody.
#[test]
fn headline_label_colon_is_no_speaker() {
    let t = "Update: flood 'worst in decades' across the valley";
    assert!(quotes(&[t]).iter().all(|q| q.1.is_none()));
}

/// In a title-case headline a spoken phrase in marks is a quote, not a title in marks.
#[test]
fn title_case_headline_quote_is_partial() {
    let t = "Mayor Ruiz Says The Flood Was Not A \"Real Disaster\" Like 1990";
    assert_ne!(kind(t, 0), QuoteKind::Scare);
}

/// Looks like a short form but is not: a description is no short form of a longer one.
#[test]
fn description_is_no_short_form() {
    let q = quotes(&[
        "\"We regret it,\" the Denver-based company said.",
        "\"We are sorry,\" the company said.",
    ]);
    assert_eq!(q[1].1.as_deref(), Some("the company"));
}

/// A pronoun after a sentence whose subject is a role goes to whoever holds the role.
#[test]
fn pronoun_after_role_subject() {
    let t = "Regional President Ana Ruiz toured the valley.\n\nThe Regional President condemned the delay. \
             \"We waited too long,\" she said.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
}

/// A quote after a sentence about a role holder goes to that holder.
#[test]
fn quote_after_role_sentence() {
    let t = "Mayor Ana Ruiz visited the site on Sunday.\n\nThe mayor has announced she will step down in May.\n\n\
             \"I have served this town for ten years.\"";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
}

/// A compound of titles is a title: "Sheriff-Coroner Ana Ruiz" is Ana Ruiz.
#[test]
fn hyphenated_title_is_role() {
    let t = "\"The roads are closed,\" said County Sheriff-Coroner Ana Ruiz.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
}

/// Long surnames transliterated two letters apart, with the same first name, are one person.
#[test]
fn transliteration_two_letters_apart_merges() {
    let q = quotes(&[
        "Governor Niran Osottanakorn said \"The water is falling.\"",
        "Governor Niran Osatanakorn said \"All are safe.\"",
    ]);
    assert_eq!(q[0].1, q[1].1);
}

/// An unclosed quote followed by its attribution ends there, even when the next paragraph
/// opens with a mark.
#[test]
fn attributed_unclosed_quote_does_not_run_on() {
    let t = "Mayor Ana Ruiz spoke late on Sunday.\n\n\"We saw it all today,’ she said.\n\n\"Tomorrow we rebuild.\"";
    let q = quotes(&[t]);
    assert_eq!(q[0].0, "We saw it all today,");
    assert_eq!(q[0].1.as_deref(), Some("Ana Ruiz"));
}

/// "The company said" goes to the organisation the article named as a subject before.
#[test]
fn company_role_noun_is_the_named_organisation() {
    let t = "Acme says its stores will reopen.\n\nShoppers queued in Denver, where Acme \
             runs ten stores.\n\nThe Denver-based company said the outage was \"brief\".";
    assert_eq!(speaker(t, 0).as_deref(), Some("Acme"));
}

/// Looks like an organisation but is not: two organisations in view leave "the company"
/// to no one.
#[test]
fn company_role_noun_with_two_organisations_is_unresolved() {
    let t = "Acme says its stores will reopen. Bolt said its depots were fine.\n\nBoth Acme \
             and Bolt share a supplier.\n\nThe company said the outage was \"brief\".";
    assert_ne!(speaker(t, 0).as_deref(), Some("Acme"));
    assert_ne!(speaker(t, 0).as_deref(), Some("Bolt"));
}

/// Looks like an organisation but is not: a capitalised plural opening a sentence
/// ("Hackers stole") is no name.
#[test]
fn sentence_opening_plural_is_no_organisation() {
    let t = "Hackers stole the files.\n\nThe company said the breach was \"contained\".";
    assert_ne!(speaker(t, 0).as_deref(), Some("Hackers"));
}

/// "He …" sentences between the quote and the named person carry the pronoun back to him.
#[test]
fn pronoun_chain_reaches_named_person() {
    let t = "Mayor Tom Reyes said the dam would hold.\n\nSpeaking at City Hall, the mayor \
             declared the town safe.\n\nHe visited the levee after the storm.\n\n\"We are \
             ready for the next one,\" he said.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Tom Reyes"));
}

/// Looks like a chain but is not: "She …" does not carry "he" back past the window.
#[test]
fn pronoun_chain_needs_the_same_pronoun() {
    let t = "Mayor Tom Reyes said the dam would hold.\n\nSpeaking at City Hall, the mayor \
             declared the town safe.\n\nShe visited the levee after the storm.\n\n\"We are \
             ready for the next one,\" he said.";
    assert_eq!(speaker(t, 0), None);
}

/// A headline quote given to "an expert" takes the speaker of the body quote that holds
/// its words.
#[test]
fn headline_quote_echoes_named_body_quote() {
    let t = "Dam will \"hold through the winter,\" engineer says\n\nThe river rose again on \
             Monday.\n\n\"It will hold through the winter. We checked every gate,\" said \
             engineer Ana Ruiz.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
}

/// Looks like an echo but is not: a one-word headline term found in a body quote keeps
/// no speaker.
#[test]
fn short_headline_term_is_no_echo() {
    let t = "Dam \"safe\" after storm, engineer says\n\nThe river rose again on Monday.\n\n\
             \"The dam is safe and the gates work,\" said engineer Ana Ruiz.";
    assert_ne!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
}

/// A two-word headline quote repeated by a named speaker in the paragraph right under it
/// (a live-blog entry's title over its entry) takes that speaker and is their words, no
/// scare quote.
#[test]
fn two_word_headline_quote_echoes_the_entry_below() {
    let t = "Dam gates \"under watch\" after storm, engineer says\n\nEngineer Ana Ruiz said \
             on Monday the gates were \"under watch\" day and night.\n\nThe river rose again.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
    assert_eq!(kind(t, 0), QuoteKind::Partial);
}

/// Looks like an echo but is not: two words in a headline's marks, found in a body quote
/// further down, are a shared term and keep no speaker.
#[test]
fn two_word_headline_term_far_below_is_no_echo() {
    let t = "Dam gates \"under watch\" after storm, engineer says\n\nThe river rose again \
             on Monday.\n\nEngineer Ana Ruiz said the gates were \"under watch\" day and night.";
    assert_ne!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
}

/// A quote in a "who …" clause on the opening name, brought in by the clause's own speech
/// participle, is that name's words, even when the sentence's verb comes after it.
#[test]
fn quote_in_relative_clause_goes_to_its_subject() {
    let t = "Nora Vance, the radio host who started the fund by saying the bridge was \
             \u{2018}an old friend in danger\u{2019} said on Friday: \u{2018}We have reached the goal.\u{2019}";
    assert_eq!(speaker(t, 0).as_deref(), Some("Nora Vance"));
    assert_eq!(speaker(t, 1).as_deref(), Some("Nora Vance"));
}

/// Looks like a relative-clause quote but is not: the clause is passive ("who was told"),
/// so its subject heard the words; nobody is named as saying them.
#[test]
fn passive_relative_clause_is_no_speaker() {
    let t = "Nora Vance, the radio host who was told the bridge was \"an old friend in danger\", \
             left the studio early.";
    assert_eq!(speaker(t, 0), None);
}

/// Looks like a relative-clause quote but is not: a speech verb after the quote names its
/// own speaker.
#[test]
fn speaker_after_quote_beats_relative_clause() {
    let t = "Nora Vance, the host who started the fund by saying the bridge was \
             \"an old friend in danger\", Tom Reyes said.";
    assert_ne!(speaker(t, 0).as_deref(), Some("Nora Vance"));
}
