//! Pronoun agreement, answers, role phrases, relays and display names, each on invented
//! sentences, with the look-alikes that must not resolve.

use super::{dossier, kind, quotes, speaker};
use crate::model::quotes::QuoteKind;

/// "she said" after a sentence about a man known as "Mr" skips him for the woman before.
#[test]
fn she_skips_a_man_for_the_woman_before() {
    let t = "Mayor Ana Ruiz opened the bridge on Monday.\n\nMr Tom Reyes arrived later.\n\n\
             “It is a proud day,” she said.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
}

/// Looks like the one candidate but is not: "she said" after the only person, a man known
/// as "Mr", is unknown rather than him.
#[test]
fn she_after_a_man_is_not_the_man() {
    let t = "Mr Tom Reyes arrived at the scene on Monday.\n\n“We did all we could,” she said.";
    assert_eq!(speaker(t, 0), None);
}

/// Of two people, the one whose gender agrees with the pronoun speaks.
#[test]
fn gender_decides_between_two() {
    let t = "Mrs Ana Ruiz met Mr Tom Reyes on Monday.\n\n“We agreed on a plan,” he said.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Tom Reyes"));
}

/// Two people with no gender told and one pronoun: nobody.
#[test]
fn two_without_gender_stay_unknown() {
    let t = "Senator Sam Obi met Governor Kit Reyes on Monday.\n\n“We agreed on a plan,” she said.";
    assert_eq!(speaker(t, 0), None);
}

/// A pronoun that could only mean one person tells that person's gender to later pronouns.
#[test]
fn earlier_pronoun_tells_gender() {
    let t = "Governor Kit Reyes toured the valley.\n\n“The water is falling,” she said.\n\n\
             Senator Sam Obi and Governor Kit Reyes spoke later.\n\n“We will rebuild,” he said.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Kit Reyes"));
    assert_eq!(speaker(t, 1).as_deref(), Some("Sam Obi"));
}

/// A role noun that tells gender counts like an honorific ("the actress").
#[test]
fn role_noun_tells_gender() {
    let t = "Actress Jo Lane and Senator Sam Obi met on Monday.\n\n“I loved it,” he said.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Sam Obi"));
}

/// An answer ("he replied") comes from the one asked, not the one who asked.
#[test]
fn reply_goes_to_the_one_asked() {
    let t = "“How many died?” Senator Sam Obi asked Governor Tom Reyes.\n\n\
             “Nine, so far,” he replied.";
    assert_eq!(speaker(t, 1).as_deref(), Some("Tom Reyes"));
    // Looks like an answer to a known person but is not: the one asked is nobody known.
    let t = "“How many died?” Senator Sam Obi asked the county's governor.\n\n\
             “Nine, so far,” he replied.";
    assert_eq!(speaker(t, 1), None);
}

/// Looks like an answer but is not: "he said" after a question keeps the two-person rule.
#[test]
fn said_after_question_is_not_a_reply() {
    let t = "“How many died?” Senator Sam Obi asked Governor Tom Reyes.\n\n\
             “Nine, so far,” he said.";
    assert_ne!(speaker(t, 1).as_deref(), Some("Sam Obi"));
}

/// A role phrase is the one person of the dossier whose role shares its other words.
#[test]
fn role_phrase_modifiers_pick_the_holder() {
    let q = quotes(&[
        "Finance Minister Ana Ruiz and Culture Minister Tom Reyes visited the site.",
        "The finance minister said the budget was “under close review” this week.",
    ]);
    assert_eq!(q[0].1.as_deref(), Some("Ana Ruiz"));
}

/// Looks like a role phrase that decides but is not: no holder shares its other words.
#[test]
fn role_phrase_without_match_is_unknown() {
    let q = quotes(&[
        "Finance Minister Ana Ruiz and Culture Minister Tom Reyes visited the site.",
        "The transport minister said the budget was “under close review” this week.",
    ]);
    assert_eq!(q[0].1, None);
}

/// A role subject with a pronoun after it goes to the dossier's holder of that role.
#[test]
fn role_subject_then_pronoun() {
    let q = quotes(&[
        "Valley President Ana Ruiz spoke on Sunday.",
        "The Valley President condemned the delay. “We waited too long,” she said.",
    ]);
    assert_eq!(q[0].1.as_deref(), Some("Ana Ruiz"));
}

/// "It said" is the one organisation the article is about.
#[test]
fn it_said_is_the_organisation() {
    let t = "Acme Corp said on Monday that hackers stole data. It said it had “fixed the flaw” that week.";
    let q = quotes(&[t]);
    assert_eq!(q[0].1.as_deref(), Some("Acme Corp"));
    assert_eq!(q[0].2, QuoteKind::Partial);
}

/// Looks like "it said" but is not: "it" before a non-speech verb names nobody.
#[test]
fn it_without_speech_verb_is_nobody() {
    let t = "Acme Corp opened a new plant in May. It grew “sharply” after that.";
    assert!(quotes(&[t]).iter().all(|q| q.1.is_none()));
}

/// "As the Daily Planet put it: “…”": the outlet cited for the words is the speaker.
#[test]
fn as_outlet_put_it() {
    let t = "The breach was large. As TechWire put it: “a real mess.”";
    assert_eq!(speaker(t, 0).as_deref(), Some("TechWire"));
}

/// A wire agency after "according to" relays the speaker the sentence names.
#[test]
fn agency_relays_named_speaker() {
    let t = "“We are ready,” Mayor Ana Ruiz said, according to Reuters.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
}

/// "X is reporting that …" is a speech verb in the progressive.
#[test]
fn progressive_speech_verb() {
    let t = "Senator Sam Obi is saying that the dam is “perfectly safe” after the storm.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Sam Obi"));
}

/// Looks like a speech verb but is not: "reporting" as a noun names no speaker.
#[test]
fn reporting_as_noun_is_no_verb() {
    let t = "The credit reporting firms were “deeply worried” about it.";
    assert!(quotes(&[t]).iter().all(|q| q.1.is_none()));
}

/// A passive speech verb's subject is what was said, not a speaker.
#[test]
fn passive_subject_is_no_speaker() {
    let t = "The rescue of the last five divers was confirmed in a post which read: “All are out.”";
    assert!(quotes(&[t]).iter().all(|q| q.1.is_none()));
}

/// "The Ruiz family said": a group named after a person speaks as one.
#[test]
fn named_family_speaks() {
    let t = "The Ruiz family, which owns the mill, called the bridge the “pride of the town.”";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ruiz family"));
}

/// A middle initial written the same way every time stays in the name shown.
#[test]
fn lone_middle_initial_form_is_shown() {
    let t = "“It will be slow,” said John Q. Casby, a professor of architecture.";
    assert_eq!(speaker(t, 0).as_deref(), Some("John Q. Casby"));
}

/// A name written with and without the initial merges and shows the core name.
#[test]
fn middle_initial_merges() {
    let q = quotes(&[
        "“It will be slow,” said Professor John Q. Casby.",
        "“It will take years,” said Professor John Casby.",
    ]);
    assert_eq!(q[0].1.as_deref(), Some("John Casby"));
    assert_eq!(q[0].1, q[1].1);
}

/// An organisation spelt with and without a space is one, shown with the space.
#[test]
fn spaced_organisation_spelling_is_shown() {
    let q = quotes(&[
        "“Crews held the line,” FireService said.",
        "“The fire is contained,” the Fire Service said on Monday.",
    ]);
    assert_eq!(q[0].1.as_deref(), Some("Fire Service"));
    assert_eq!(q[0].1, q[1].1);
}

/// A name in marks that the speaker coins ("dubbed Monday “Zero Hour”") is their words.
#[test]
fn coined_name_is_partial() {
    let t = "Governor Ana Ruiz spoke on Monday. She had dubbed Monday “Zero Hour” for the rescue.";
    assert_eq!(kind(t, 0), QuoteKind::Partial);
}

/// Looks like a coinage but is not: a name in marks with nobody speaking is a scare quote.
#[test]
fn name_in_marks_without_speaker_is_scare() {
    let t = "The river was dubbed “Old Muddy” by early settlers.";
    assert_eq!(kind(t, 0), QuoteKind::Scare);
}

/// A dek that only quotes the story gets the story's speaker (echo over a pull quote).
#[test]
fn pull_quote_dek_is_attributed() {
    let t = "Mayor Quits After Council Vote\n\n“I have done my best for this town and its people.”\n\n\
             Mayor Ana Ruiz resigned on Monday. “I have done my best for this town and its people,” she said.";
    let d = dossier(&[t]);
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(d.quotes[0].speaker(), d.quotes[1].speaker());
    assert!(d.quotes[0].speaker().is_some());
}

/// An owner's possessive makes a role definite: "Valley's leader has said" is the one
/// person the dossier calls the valley's leader.
#[test]
fn possessive_role_is_definite() {
    let q = quotes(&[
        "Valley's leader has said voters have \"won a voice\" in a state of their own.",
        "Speaking on Sunday, Valley leader Ana Ruiz said the valley \"will decide\" soon.",
    ]);
    assert_eq!(q[0].1.as_deref(), Some("Ana Ruiz"));
    assert_eq!(q[0].2, QuoteKind::Partial);
}

/// A caption quotes nobody, but the role it gives a person counts: "The Valley President
/// said" after a caption naming "Valley President Ana Ruiz" is her.
#[test]
fn caption_role_registers() {
    let texts = [
        "Police Clash With Voters\n\nThe Valley President condemned the raids. 'We will not stop,' he told the crowd.\n\nThe vote went ahead on Sunday despite the ban and the rain.",
        "Voters queued from dawn across the valley on Sunday morning.\n\nValley President Carl Ruiz arrives to vote at a school in Ramis, Spain. John Doe/Getty Images\n\nThe count went on late into the night across the valley.",
    ];
    let d = dossier(&texts);
    assert_eq!(
        d.articles[1].paragraphs[1].kind,
        crate::model::ParaKind::Caption
    );
    assert_eq!(quotes(&texts)[0].1.as_deref(), Some("Carl Ruiz"));
}

/// Straight quotes nested in straight quotes pair as a reader pairs them: the outer
/// quote holds the inner term.
#[test]
fn nested_straight_quotes() {
    let t = "One user wrote: \"The mayor's \"plan\" was a stunt, and a costly one. Sad.\"";
    assert_eq!(
        super::texts(t),
        ["The mayor's \"plan\" was a stunt, and a costly one. Sad."]
    );
}

/// Looks like nesting but is not: an unclosed quote followed by a new one stays two.
#[test]
fn unclosed_then_new_quote_is_two() {
    let t = "\"We will stay, Ruiz said. \"The water is falling,\" she added.";
    assert_eq!(super::texts(t).len(), 2);
}

/// "said on Twitter:" names where the words were said, not who said them.
#[test]
fn place_of_speech_before_colon_is_no_speaker() {
    let t = "Mayor Ana Ruiz said on Twitter: \"The bridge is open again.\"";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
    // Looks like a place of speech but is the speaker: a name right before the colon.
    let t = "Then came Mayor Ana Ruiz: \"The bridge is open again.\"";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ana Ruiz"));
}

/// "Another, calling themselves Sam Lark, said": the name a user goes by speaks.
#[test]
fn self_given_name_speaks() {
    let t = "Another, calling themselves Sam Lark, said on Twitter: \"This is a disgrace.\"";
    assert_eq!(speaker(t, 0).as_deref(), Some("Sam Lark"));
}

/// A statement opened with a figure after a colon is a quote; an elided year is not.
#[test]
fn quote_opening_with_figure_after_colon() {
    let t = "The navy posted a statement which read: ’40 crews are home. All well.’";
    assert_eq!(super::texts(t), ["40 crews are home. All well."]);
    assert!(super::texts("The class of ’08 met again, and the players’ union agreed.").is_empty());
}

/// "a statement on the Harbour Navy Diver Facebook page which read:" is the
/// organisation's statement, one with "the Harbour Navy Divers".
#[test]
fn statement_that_read_is_its_owner() {
    let q = quotes(&[
        "The rescue was confirmed in a statement on the Harbour Navy Diver Facebook page today which read: “All are out. All well.”",
        "“We are proud of them,” the Harbour Navy Divers said.",
    ]);
    assert_eq!(q[0].1.as_deref(), Some("Harbour Navy Divers"));
    assert_eq!(q[0].1, q[1].1);
}

/// Looks like a written statement's owner but is not: a statement with no one named
/// before "read" leaves the speaker unknown.
#[test]
fn statement_without_owner_is_unknown() {
    let t = "The rescue was confirmed in a statement today which read: “All are out.”";
    assert_eq!(speaker(t, 0), None);
}

/// "The news site Valley English is reporting that …": an outlet named with a language
/// after a word of its own is a name, and the progressive verb gives it the quote.
#[test]
fn outlet_named_with_a_language_reports() {
    let t = "The news site Valley English is reporting that one boy is “in good spirits”.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Valley English"));
    // Looks like such a name but is not: a nationality after a compass word.
    let t = "South Korean officials said the border was “quiet”.";
    assert_ne!(speaker(t, 0).as_deref(), Some("South Korean"));
}
