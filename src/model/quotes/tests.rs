//! Quote finding and attribution on small fixture articles of our own.

use crate::model::load::{from_files, LoadOptions};
use crate::model::people::SpeakerKind;
use crate::model::quotes::{QuoteId, QuoteKind};
use crate::model::Dossier;

/// A dossier of the given articles (file names a.txt, b.txt, …).
fn dossier(texts: &[&str]) -> Dossier {
    let files = texts.iter().enumerate().map(|(i, t)| {
        (
            format!("{}.txt", (b'a' + i as u8) as char),
            t.as_bytes().to_vec(),
        )
    });
    from_files("test", files, &LoadOptions::default())
}

/// (text, speaker name, kind) of every quote.
fn quotes(texts: &[&str]) -> Vec<(String, Option<String>, QuoteKind)> {
    let d = dossier(texts);
    d.quotes
        .iter()
        .map(|q| {
            (
                d.article(q.article()).slice(q.span()).to_string(),
                q.speaker().map(|p| d.people[p.0].name.clone()),
                q.kind(),
            )
        })
        .collect()
}

/// The quote texts of one article.
#[track_caller]
fn texts(t: &str) -> Vec<String> {
    quotes(&[t]).into_iter().map(|q| q.0).collect()
}

/// The speaker of the only quote (or of quote `i`).
#[track_caller]
fn speaker(t: &str, i: usize) -> Option<String> {
    let q = quotes(&[t]);
    assert!(q.len() > i, "no quote {i} in {q:?}");
    q[i].1.clone()
}

#[track_caller]
fn kind(t: &str, i: usize) -> QuoteKind {
    quotes(&[t])[i].2
}

/// Curly double quotes give the text between the marks.
#[test]
fn curly_double_quote() {
    assert_eq!(
        texts("“We will rebuild the bridge,” Mayor Ann Lee said on Monday."),
        ["We will rebuild the bridge,"]
    );
}

/// Straight double quotes pair like curly ones.
#[test]
fn straight_double_quote() {
    let t = "\"The water is safe to drink,\" said Health Director Omar Haddad.";
    assert_eq!(texts(t), ["The water is safe to drink,"]);
    assert_eq!(speaker(t, 0).as_deref(), Some("Omar Haddad"));
}

/// Apostrophes in curly single quotes are never quotation marks.
#[test]
fn apostrophes_are_not_quotes() {
    assert!(texts("Russia’s army and the city’s mayor don’t agree on the ’90s plan.").is_empty());
    assert!(texts("The players' union and Bob's team won't talk about the '90s.").is_empty());
}

/// A leading elision and a plural possessive never pair into a quote.
#[test]
fn elision_and_possessive_do_not_pair() {
    assert!(texts("'Tis the season, and the players' union is happy.").is_empty());
    assert!(texts("‘Tis the season, and the players’ union is happy.").is_empty());
}

/// Single quotes used as quotation marks are quotes, apostrophes inside them stay.
#[test]
fn single_quotes_as_marks() {
    let t = "‘We don’t know yet,’ said Police Chief Maria Ortiz.";
    assert_eq!(texts(t), ["We don’t know yet,"]);
    assert_eq!(speaker(t, 0).as_deref(), Some("Maria Ortiz"));
}

/// Straight single quotes pair around a quotation.
#[test]
fn straight_single_quotes() {
    assert_eq!(
        texts("'It is over,' said Coach Tim Brandt after the game."),
        ["It is over,"]
    );
}

/// Guillemets are quotation marks.
#[test]
fn guillemets() {
    assert_eq!(
        texts("«Nous sommes prêts», a déclaré le ministre Jean Dupont."),
        ["Nous sommes prêts"]
    );
}

/// Guillemets that separate the crumbs of a navigation trail are not quotation marks;
/// spaced French guillemets that pair still are.
#[test]
fn guillemets_as_separators() {
    assert!(texts("Home » World » Storms Hit The Coast").is_empty());
    assert!(texts("Home › Sport › Football Scores").is_empty());
    let french = texts("« Nous sommes prêts », a déclaré le ministre Jean Dupont.");
    assert_eq!(
        french.iter().map(|q| q.trim()).collect::<Vec<_>>(),
        ["Nous sommes prêts"]
    );
}

/// German low-high quotes are quotation marks.
#[test]
fn low_quotes() {
    assert_eq!(
        texts("„Wir sind bereit“, sagte Minister Hans Weber."),
        ["Wir sind bereit"]
    );
}

/// A wrong-direction closing glyph used as an opener still pairs.
#[test]
fn wrong_direction_marks() {
    assert_eq!(
        texts("”The river is rising,” said Mayor Ann Lee."),
        ["The river is rising,"]
    );
}

/// Nested quotes: the outer quote is the quote, inner marks stay in its text.
#[test]
fn nested_quotes_outer_wins() {
    let t = "“He told me ‘go home’ and left,” said Officer Dan Kerr.";
    assert_eq!(texts(t), ["He told me ‘go home’ and left,"]);
}

/// British style: single outer quotes with double quotes inside give the outer one.
#[test]
fn british_nesting() {
    let t = "‘They call it “the plan” but it is not,’ said Councillor Ruth Hale.";
    assert_eq!(texts(t), ["They call it “the plan” but it is not,"]);
}

/// An unclosed mark never swallows the next paragraph: it ends at its attribution.
#[test]
fn unclosed_mark_stops_at_attribution() {
    let t = "“We will not close the school, Principal Joan Avery said.\nThe board meets “soon” to vote.";
    let q = texts(t);
    assert_eq!(q[0], "We will not close the school,");
    assert!(q.iter().all(|x| !x.contains("board")), "{q:?}");
}

/// An unclosed mark with no attribution ends at its paragraph's end.
#[test]
fn unclosed_mark_ends_at_paragraph() {
    let t = "Officials warned. “The dam may fail within days\nResidents left the valley on Sunday.";
    assert_eq!(texts(t), ["The dam may fail within days"]);
}

/// A missing opening mark is recovered from the paragraph's start.
#[test]
fn missing_opening_mark() {
    let t = "We are out of water,” said Relief Coordinator Sam Oduya.";
    assert_eq!(texts(t), ["We are out of water,"]);
    assert_eq!(speaker(t, 0).as_deref(), Some("Sam Oduya"));
}

/// A missing reopening mark after an attribution resumes the quote after "said,".
#[test]
fn missing_reopening_mark() {
    let t = "“We will fight,” Mayor Ann Lee said, we will win in the end.” Then she left.";
    let q = texts(t);
    assert_eq!(q, ["We will fight,", "we will win in the end."]);
}

/// A closing inch mark after a number is not a quote.
#[test]
fn inch_marks_are_not_quotes() {
    assert!(texts("The pipe is 12\" wide and 40 feet long.").is_empty());
}

/// A quote over paragraphs written in mojibake (`â€œ` opening each) runs on the same way.
#[test]
fn mojibake_multi_paragraph_quote_is_linked() {
    let t = "Fire Chief Dana Cole described the night.\nâ€œWe got the call at midnight. The roof was already gone.\nâ€œBy morning, we had it under control,â€\u{9d} Cole said.";
    let d = dossier(&[t]);
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(
        d.quotes[1].previous_part(crate::model::quotes::QuoteId(1)),
        Some(crate::model::quotes::QuoteId(0))
    );
    assert_eq!(d.quotes[0].speaker(), d.quotes[1].speaker());
    assert!(d.quotes[0].speaker().is_some());
}

/// A quote over paragraphs is one quote per paragraph, linked, with one speaker.
#[test]
fn multi_paragraph_quote_is_linked() {
    let t = "Fire Chief Dana Cole described the night.\n“We got the call at midnight. The roof was already gone.\n“By morning, we had it under control,” Cole said.";
    let d = dossier(&[t]);
    assert_eq!(d.quotes.len(), 2);
    let a = d.article(d.quotes[0].article());
    assert_eq!(
        a.slice(d.quotes[0].span()),
        "We got the call at midnight. The roof was already gone."
    );
    assert_eq!(
        a.slice(d.quotes[1].span()),
        "By morning, we had it under control,"
    );
    assert_eq!(
        d.quotes[1].previous_part(crate::model::quotes::QuoteId(1)),
        Some(crate::model::quotes::QuoteId(0))
    );
    assert_eq!(d.quotes[0].speaker(), d.quotes[1].speaker());
    assert!(d.quotes[0].speaker().is_some());
}

/// Marks inside noise paragraphs (captions, boilerplate) are not quotes.
#[test]
fn no_quotes_in_noise() {
    let t = "The mayor spoke on Monday.\n“We will rebuild,” Mayor Ann Lee said.\nSubscribe to our newsletter for “daily” updates";
    let d = dossier(&[t]);
    let a = &d.articles[0];
    for q in &d.quotes {
        assert!(
            !a.paragraphs[q.paragraph(a)].kind.is_noise()
                || a.paragraphs[q.paragraph(a)].kind == crate::model::ParaKind::Headline
        );
    }
    assert!(d.quotes.iter().all(|q| a.slice(q.span()) != "daily"));
}

/// Bracketed insertions stay in the text and are marked.
#[test]
fn bracketed_insertions_are_marked() {
    let t = "“[Governor Rita] Vance has let us down,” said Senator Paul Obi.";
    let d = dossier(&[t]);
    let q = &d.quotes[0];
    let a = &d.articles[0];
    assert!(a.slice(q.span()).starts_with("[Governor Rita] Vance"));
    let ins = q.insertions(&a.text);
    assert_eq!(ins.len(), 1);
    assert_eq!(a.slice(ins[0]), "[Governor Rita]");
}

/// "X said" after the quote names the speaker.
#[test]
fn name_said_after_quote() {
    assert_eq!(
        speaker("“The budget is balanced,” Treasurer Mia Koh said.", 0).as_deref(),
        Some("Mia Koh")
    );
}

/// "said X" after the quote names the speaker.
#[test]
fn said_name_after_quote() {
    assert_eq!(
        speaker("“The budget is balanced,” said Treasurer Mia Koh.", 0).as_deref(),
        Some("Mia Koh")
    );
}

/// "X told reporters" before a partial quote names the speaker.
#[test]
fn told_reporters() {
    let t = "Treasurer Mia Koh told reporters the deficit was “under control” now.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Mia Koh"));
    assert_eq!(kind(t, 0), QuoteKind::Partial);
}

/// Verbs of the lexicon (warned, emphasized, acknowledged) attribute too.
#[test]
fn lexicon_verbs() {
    for verb in [
        "warned",
        "emphasized",
        "acknowledged",
        "noted",
        "added",
        "stated",
    ] {
        let t = format!("“Prices will rise again,” Economist Lara Quinn {verb}.");
        assert_eq!(speaker(&t, 0).as_deref(), Some("Lara Quinn"), "{verb}");
    }
}

/// "X said in a statement" attributes.
#[test]
fn said_in_a_statement() {
    let t = "Governor Rita Vance said in a statement: “The state will cover the cost.”";
    assert_eq!(speaker(t, 0).as_deref(), Some("Rita Vance"));
}

/// Colon attribution "X: “…”" names the speaker.
#[test]
fn colon_attribution() {
    let t = "Mayor Ann Lee: “The bridge stays closed until spring.”";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ann Lee"));
    assert_eq!(quotes(&[t])[0].2, QuoteKind::Full);
}

/// "X disagreed: “…”" names X even with a verb outside the lexicon.
#[test]
fn colon_after_any_verb() {
    let t = "“Rates will fall,” said Banker Omar Haddad. Treasurer Mia Koh disagreed: “They will rise.”";
    assert_eq!(speaker(t, 1).as_deref(), Some("Mia Koh"));
}

/// "according to X" names the speaker.
#[test]
fn according_to() {
    let t = "The fire was “deliberately set,” according to Fire Chief Dana Cole.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Dana Cole"));
}

/// A pronoun resolves to the one person the previous sentence names.
#[test]
fn pronoun_resolves_to_subject() {
    let t = "Fire Chief Dana Cole visited the site on Friday.\n“Nobody was hurt,” she said.";
    let d = dossier(&[t]);
    let q = &d.quotes[0];
    assert_eq!(
        d.people[q.speaker().map(|p| p.0).unwrap_or(99)].name,
        "Dana Cole"
    );
    assert_eq!(d.as_written(QuoteId(0)), Some("she"));
    assert_eq!(d.how(QuoteId(0)), Some("pronoun"));
}

/// A pronoun with two candidates in play stays unknown, keeping "he" as written.
#[test]
fn pronoun_with_two_candidates_is_unknown() {
    let t =
        "Senator Paul Obi and Governor Tom Reyes met on Monday.\n“We agreed on nothing,” he said.";
    let d = dossier(&[t]);
    assert_eq!(d.quotes[0].speaker(), None);
    assert_eq!(d.as_written(QuoteId(0)), Some("he"));
}

/// A person named after a preposition ("with Y") does not compete with the subject.
#[test]
fn pronoun_skips_oblique_mentions() {
    let t = "Speaking with Governor Tom Reyes, Senator Paul Obi praised the plan.\n“It is a good deal,” he said.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Paul Obi"));
}

/// A pronoun does not look further back than a few sentences.
#[test]
fn pronoun_window_is_bounded() {
    let t = "Senator Paul Obi arrived.\nThe rain fell.\nThe roads closed.\nThe schools shut.\nThe buses stopped.\nThe shops shut early.\n“It is bad,” he said.";
    assert_eq!(speaker(t, 0), None);
}

/// Titles are stripped into the role; all forms of one name are one person.
#[test]
fn titles_stripped_and_forms_merged() {
    let d = dossier(&[
        "“We are ready,” said Defense Secretary Mark A. Ruiz Jr.\n“We will stay,” Ruiz said.",
        "“The plan holds,” Mark Ruiz told reporters.",
    ]);
    assert_eq!(d.people.len(), 1, "{:?}", d.people);
    let p = &d.people[0];
    assert_eq!(p.name, "Mark Ruiz");
    assert_eq!(p.role.as_deref(), Some("Defense Secretary"));
    assert_eq!(p.quotes.len(), 3);
}

/// Two people sharing a surname stay apart; the bare surname goes to the one the article
/// has been talking about.
#[test]
fn shared_surname_resolves_to_article_person() {
    let d = dossier(&[
        "North Korean leader Kim Jong Un fired a missile.",
        "Defense Minister Kim Yong-hyun met reporters on Tuesday.\n“We are watching closely,” Kim said.",
    ]);
    let q = &d.quotes[0];
    assert_eq!(
        d.people[q.speaker().map(|p| p.0).unwrap_or(99)].name,
        "Kim Yong-hyun"
    );
}

/// Romanization and spelling variants of one full name are one person.
#[test]
fn name_variants_merge() {
    let d = dossier(&[
        "“We stand firm,” said President Volodymyr Zelenskyy.",
        "“We stand firm,” President Volodymyr Zelensky said.
“No retreat,” said leader Kim Jong-un.",
        "“No retreat,” North Korean leader Kim Jong Un said.",
    ]);
    let names: Vec<&str> = d.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

/// Two full names with the same surname are two persons.
#[test]
fn same_surname_two_people() {
    let d = dossier(&[
        "“Taxes must fall,” said Senator John Smith.\n“Taxes must rise,” said Mayor Jane Smith.",
    ]);
    let names: Vec<&str> = d.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["John Smith", "Jane Smith"]);
}

/// A small misspelling next to a known name resolves to it.
#[test]
fn misspelled_name_resolves() {
    let t = "Health Minister Rosa Ibarra opened the clinic.\n“The clinic is open,” Ibara said.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Rosa Ibarra"));
}

/// "the minister" names the person of that role the article talked about last.
#[test]
fn role_noun_resolves() {
    let t = "Defense Minister Kim Yong-hyun arrived in Washington.
The talks ran late.
“We are ready,” the minister said.";
    let d = dossier(&[t]);
    let q = &d.quotes[0];
    assert_eq!(
        d.people[q.speaker().map(|p| p.0).unwrap_or(99)].name,
        "Kim Yong-hyun"
    );
    assert_eq!(
        (d.as_written(QuoteId(0)), d.how(QuoteId(0))),
        (Some("the minister"), Some("role"))
    );
}

/// An institution as speaker is marked as not a person.
#[test]
fn institution_speaker() {
    let d = dossier(&[
        "“No troops have crossed the border,” the Defense Ministry said in a statement.",
    ]);
    let p = &d.people[d.quotes[0].speaker().map(|p| p.0).unwrap_or(99)];
    assert_eq!(p.kind, SpeakerKind::Institution);
    assert_eq!(p.name, "Defense Ministry");
}

/// A single-word institution ("the Pentagon") is an institution.
#[test]
fn pentagon_is_institution() {
    let d = dossier(&["“The exercise is routine,” the Pentagon said."]);
    let p = &d.people[d.quotes[0].speaker().map(|p| p.0).unwrap_or(99)];
    assert_eq!(
        (p.name.as_str(), p.kind),
        ("Pentagon", SpeakerKind::Institution)
    );
}

/// A country's ministry keeps its owner; a possessive institution head is an institution.
#[test]
fn possessive_institutions() {
    let q = quotes(&["“Two drones were downed,” Russia’s Defense Ministry said.
“The attack failed,” Ukraine’s military said."]);
    assert_eq!(q[0].1.as_deref(), Some("Russia’s Defense Ministry"));
    assert_eq!(q[1].1.as_deref(), Some("Ukraine’s military"));
}

/// An acronym as speaker is an institution, not a person.
#[test]
fn acronym_is_institution() {
    let d = dossier(&["“The launch succeeded,” KCNA said."]);
    let p = &d.people[d.quotes[0].speaker().map(|p| p.0).unwrap_or(99)];
    assert_eq!(
        (p.name.as_str(), p.kind),
        ("KCNA", SpeakerKind::Institution)
    );
}

/// A country as speaker is an institution.
#[test]
fn country_is_institution() {
    let d = dossier(&["“The strikes will continue,” Israel said."]);
    let p = &d.people[d.quotes[0].speaker().map(|p| p.0).unwrap_or(99)];
    assert_eq!(p.kind, SpeakerKind::Institution);
}

/// Anonymous sources are speakers marked anonymous.
#[test]
fn anonymous_source() {
    let d = dossier(&["“The talks have stalled,” a senior European diplomat said."]);
    let p = &d.people[d.quotes[0].speaker().map(|p| p.0).unwrap_or(99)];
    assert_eq!(p.kind, SpeakerKind::Anonymous);
    assert_eq!(p.name, "a senior European diplomat");
}

/// "the official" refers back to the anonymous source named before.
#[test]
fn definite_anonymous_refers_back() {
    let d = dossier(&[
        "“Talks resume Monday,” a senior State Department official said.\n“Nothing is agreed,” the official added.",
    ]);
    assert_eq!(d.quotes[0].speaker(), d.quotes[1].speaker());
    assert!(d.quotes[0].speaker().is_some());
}

/// Plural anonymous sources ("Pentagon officials") are anonymous speakers.
#[test]
fn plural_anonymous() {
    let d = dossier(&["Pentagon officials said the drills were “purely defensive” and planned."]);
    let p = &d.people[d.quotes[0].speaker().map(|p| p.0).unwrap_or(99)];
    assert_eq!(p.kind, SpeakerKind::Anonymous);
}

/// "Officials in Seoul said": the officials speak, not the city.
#[test]
fn anonymous_qualified_by_place() {
    let d = dossier(&[
        "Officials in Seoul said the launch was “a clear provocation of the worst kind.”",
    ]);
    let p = &d.people[d.quotes[0].speaker().map(|p| p.0).unwrap_or(99)];
    assert_eq!(
        (p.name.as_str(), p.kind),
        ("Officials in Seoul", SpeakerKind::Anonymous)
    );
}

/// An age or description in commas does not hide the speaker ("Maria Lopez, 34, said").
#[test]
fn appositive_between_name_and_verb() {
    let t =
        "Nurse Maria Lopez, 34, who works nights, said staff were “left in the dark for hours.”";
    assert_eq!(speaker(t, 0).as_deref(), Some("Maria Lopez"));
}

/// "she said" after "Name, who …, said …" is that person, and the bare surname later in the
/// dossier is the same person.
#[test]
fn pronoun_after_relative_clause() {
    let a = "Rosa Delgado, who runs a bakery near the dam, said the water rose fast. “We lost everything,” she said.";
    let b = "Tom Hale, who replaced Mayor Ann Lee in May, said the crews were tired.\n“Nobody slept,” he said.";
    let c = "“The water came at night,” Delgado said.";
    let q = quotes(&[a, b, c]);
    let names: Vec<Option<&str>> = q.iter().map(|x| x.1.as_deref()).collect();
    assert_eq!(
        names,
        [Some("Rosa Delgado"), Some("Tom Hale"), Some("Rosa Delgado")]
    );
}

/// A place before an aside is not registered as a speaker ("In Dover, a port town, …").
#[test]
fn place_before_aside_is_no_speaker() {
    let t = "In Dover, a port town, officials said the ferry was late. “It will sail,” she said.";
    assert_eq!(speaker(t, 0), None);
}

/// A name in apposition after a role is the speaker.
#[test]
fn name_in_apposition() {
    let t = "The council's spokesman, Tom Birch, said: “No complaints were logged before May.”";
    assert_eq!(speaker(t, 0).as_deref(), Some("Tom Birch"));
}

/// "said her colleague Sam Young" names Sam Young.
#[test]
fn said_possessive_role_name() {
    let t = "“We will win,” said her colleague Sam Young.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Sam Young"));
}

/// A second quote in the next sentence continues the same speaker.
#[test]
fn continuation_in_paragraph() {
    let t = "“We lost the harvest,” said farmer Eli Stone. “Next year will be better.”";
    assert_eq!(speaker(t, 1).as_deref(), Some("Eli Stone"));
}

/// A sentence about one other person between two quotes hands the next quote to them.
#[test]
fn sentence_about_one_person_before_quote() {
    let t = "“Rates will fall,” said Banker Omar Haddad. Treasurer Mia Koh was unconvinced. “They will rise.”";
    assert_eq!(speaker(t, 1).as_deref(), Some("Mia Koh"));
}

/// A sentence about two people before an unattributed quote leaves it unknown.
#[test]
fn sentence_about_two_people_is_unclear() {
    let t = "“Rates will fall,” said Banker Omar Haddad. Treasurer Mia Koh met Governor Rita Vance. “They will rise.”";
    assert_eq!(speaker(t, 1), None);
}

/// A quote split by its attribution gives two quotes, one speaker.
#[test]
fn interrupted_quote() {
    let t = "“We will fight,” Mayor Ann Lee said, “and we will win.”";
    let q = quotes(&[t]);
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].0, "and we will win.");
    assert_eq!(q[1].1.as_deref(), Some("Ann Lee"));
}

/// A quote with attribution in the sentence before (ending in a colon) is attributed.
#[test]
fn adjacent_sentence_colon() {
    let t = "Mayor Ann Lee said on Monday:\n“The bridge will reopen in June.”";
    assert_eq!(speaker(t, 0).as_deref(), Some("Ann Lee"));
}

/// A quote nobody is named for has no speaker (a null, not a guess).
#[test]
fn unattributed_quote_is_unknown() {
    let t = "The sign on the door read: “Closed until further notice.”";
    assert_eq!(speaker(t, 0), None);
}

/// Marks after a scare cue ("so-called") make a scare quote.
#[test]
fn scare_quote_with_cue() {
    let t = "Mayor Ann Lee said the so-called “peace plan” would fail.";
    assert_eq!(kind(t, 0), QuoteKind::Scare);
}

/// A nickname in marks is a scare quote, not speech.
#[test]
fn nickname_is_scare() {
    assert_eq!(
        kind("The suspect goes by the name “Shorty” in town.", 0),
        QuoteKind::Scare
    );
}

/// "called X “Y”" quotes someone's words; "a group called “Y”" names a thing.
#[test]
fn called_partial_or_name() {
    let t = "Governor Rita Vance called the cuts “a betrayal of every family here.”";
    assert_eq!(kind(t, 0), QuoteKind::Partial);
    assert_eq!(speaker(t, 0).as_deref(), Some("Rita Vance"));
    assert_eq!(
        kind(
            "Protesters formed a group called “River Watch” last year.",
            0
        ),
        QuoteKind::Scare
    );
}

/// A title in marks inside a sentence with a speaker is still not speech.
#[test]
fn title_in_marks_is_scare() {
    let t = "Director Anna Holt said the film “The Long Night” would open in May.";
    assert_eq!(kind(t, 0), QuoteKind::Scare);
}

/// A short embedded term with nobody speaking is a scare quote.
#[test]
fn short_unspoken_term_is_scare() {
    assert_eq!(
        kind("The “smart” meters were installed in May.", 0),
        QuoteKind::Scare
    );
}

/// A quote that opens its sentence is full; one inside reporter prose is partial.
#[test]
fn full_and_partial() {
    let t = "“We are ready,” Mayor Ann Lee said. She called the delay “deeply frustrating for families.”";
    assert_eq!(kind(t, 0), QuoteKind::Full);
    assert_eq!(kind(t, 1), QuoteKind::Partial);
}

/// A name after a dash that closes the quote is its speaker.
#[test]
fn dash_attribution() {
    let t = "“Broadband is a right, not a luxury.” — Commissioner Jane Starks";
    assert_eq!(speaker(t, 0).as_deref(), Some("Jane Starks"));
}

/// "From Chairwoman X:" closing a paragraph introduces the quote below it.
#[test]
fn from_heading_colon() {
    let t = "From Chairwoman Lina Ortez:
“We approved the merger with conditions.”";
    assert_eq!(speaker(t, 0).as_deref(), Some("Lina Ortez"));
}

/// "X says" in the present tense attributes.
#[test]
fn present_tense_says() {
    let t = "“The market will recover,” says Analyst Priya Nair.";
    assert_eq!(speaker(t, 0).as_deref(), Some("Priya Nair"));
}

/// Quotes in a headline are reported.
#[test]
fn headline_quote() {
    let t = "Mayor: “We will rebuild”\n\nThe storm hit the town on Monday, destroying homes and the old bridge.\n\nMayor Ann Lee visited the site on Tuesday and spoke with residents.";
    let d = dossier(&[t]);
    assert!(d
        .quotes
        .iter()
        .any(|q| d.articles[0].slice(q.span()) == "We will rebuild"));
}

/// An empty pair of marks is not a quote.
#[test]
fn empty_marks_are_not_quotes() {
    assert!(texts("He typed “” and left.").is_empty());
}

/// Offsets are byte offsets into the file, on character boundaries, holding the text.
#[test]
fn spans_hold_text() {
    let t = "Café owner Zoë Brandt said: “Ça va très bien,” and smiled. “Oui,” said Zoë Brandt.";
    let d = dossier(&[t]);
    assert_eq!(d.quotes.len(), 2);
    for q in &d.quotes {
        assert!(t.is_char_boundary(q.span().start) && t.is_char_boundary(q.span().end));
    }
    assert_eq!(&t[d.quotes[0].span().range()], "Ça va très bien,");
}

/// Each speaker lists the quotes attributed to it, in order.
#[test]
fn people_list_their_quotes() {
    let d =
        dossier(&["“One,” said Mayor Ann Lee. “Two,” said Senator Paul Obi. “Three,” Lee said."]);
    let lee = d
        .people
        .iter()
        .find(|p| p.name == "Ann Lee")
        .map(|p| p.quotes.len());
    assert_eq!(lee, Some(2));
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Extraction never panics, and every quote's span holds its text on char boundaries.
        #[test]
        fn never_panics_and_spans_hold(s in "(\\PC|[“”‘’\"'«»„ \n.,:\\[\\]]){0,300}") {
            let d = dossier(&[&s]);
            for q in &d.quotes {
                let a = d.article(q.article());
                prop_assert!(q.span().start < q.span().end && q.span().end <= a.text.len());
                prop_assert!(a.text.is_char_boundary(q.span().start) && a.text.is_char_boundary(q.span().end));
                for i in &q.insertions(&a.text) {
                    prop_assert!(q.span().contains(*i));
                }
            }
        }

        /// Quote-heavy prose with names and speech verbs never panics either.
        #[test]
        fn quote_heavy_text(parts in proptest::collection::vec(prop_oneof![
            Just("“"), Just("”"), Just("\""), Just("'"), Just("’"), Just("‘"), Just(" said "),
            Just("Mayor Ann Lee"), Just(" he "), Just(". "), Just(", "), Just("\n"), Just(":"),
            Just("according to "), Just("a senior official"), Just("Kim"), Just("[x]"), Just("é"),
        ], 0..60)) {
            let s: String = parts.concat();
            let d = dossier(&[&s]);
            for q in &d.quotes {
                let a = d.article(q.article());
                prop_assert!(a.text.get(q.span().range()).is_some());
            }
        }
    }
}

mod agreement;
mod sieve;
mod traps;

/// A quote record takes 16 bytes (it took 144, then 72, then 32), `Option<How>` one, and the
/// dossier's quotes are allocated at their number, with no spare room from growing: a page
/// of one-letter quotes (`"'a` repeated, one quote per 3 bytes) costs these bytes per quote
/// (#18 bounds memory per input byte).
#[test]
fn quote_records_are_compact_and_allocated_once() {
    assert_eq!(std::mem::size_of::<crate::model::quotes::Quote>(), 16);
    assert_eq!(std::mem::size_of::<Option<crate::model::quotes::How>>(), 1);
    let d = dossier(&[&"\"'a".repeat(3000)]);
    // One quote per unit but the last, whose `'a` no mark closes.
    assert_eq!(d.quotes.len(), 2999);
    assert_eq!(d.quotes.capacity(), d.quotes.len());
}

/// The words naming speakers are kept once however many quotes use them, and a quote's
/// packed fields read back as the dossier's types: person 0, article 0 and words 0 are
/// values, not "none" (the sentinel is `u32::MAX`), and the kind and the two flags beside
/// the article leave it as it was.
#[test]
fn quote_fields_round_trip_and_speaker_words_are_kept_once() {
    use crate::model::quotes::{Quote, Written};
    use crate::model::{people::PersonId, ArticleId, Span};
    let mut w = Written::default();
    let he = w.id("he");
    assert_eq!((he, w.id("the mayor"), w.id("he")), (0, 1, 0));
    assert_eq!(
        (w.get(0), w.get(1), w.get(2)),
        (Some("he"), Some("the mayor"), None)
    );
    let span = Span::new(7, 19);
    let mut q = Quote::new(ArticleId(3), span, QuoteKind::Partial);
    assert_eq!(q.speaker(), None);
    q.set_speaker(Some(PersonId(0)));
    assert_eq!(q.speaker(), Some(PersonId(0)));
    for kind in [QuoteKind::Scare, QuoteKind::Full, QuoteKind::Partial] {
        q.set_kind(kind);
        q.set_continues(true);
        q.set_broken(true);
        assert_eq!(
            (q.article(), q.span(), q.kind(), q.continues(), q.broken()),
            (ArticleId(3), span, kind, true, true)
        );
        q.set_continues(false);
        q.set_broken(false);
        assert_eq!((q.article(), q.kind()), (ArticleId(3), kind));
        assert!(!q.continues() && !q.broken());
    }
    assert_eq!(
        Quote::new(ArticleId(0), span, QuoteKind::Full).article(),
        ArticleId(0)
    );
    q.set_speaker(None);
    assert_eq!(q.speaker(), None);
}

/// A quote's words and pass live beside the records, by quote: set in any order, they read
/// back by quote, one set alone keeps the other, and clearing both removes the entry.
#[test]
fn speaker_words_and_pass_are_kept_by_quote() {
    use crate::model::quotes::{How, Said};
    let mut s = Said::default();
    let how = How::of("pronoun");
    s.set(QuoteId(5), Some(0), how);
    s.set(QuoteId(2), None, How::of("colon"));
    assert_eq!((s.written(QuoteId(5)), s.how(QuoteId(5))), (Some(0), how));
    assert_eq!(
        (s.written(QuoteId(2)), s.how(QuoteId(2))),
        (None, How::of("colon"))
    );
    assert_eq!((s.written(QuoteId(3)), s.how(QuoteId(3))), (None, None));
    s.set_how(QuoteId(5), How::of("correction"));
    assert_eq!(
        (s.written(QuoteId(5)), s.how(QuoteId(5))),
        (Some(0), How::of("correction"))
    );
    s.set(QuoteId(2), None, None);
    assert_eq!(s.how(QuoteId(2)), None);
    s.set_written(QuoteId(2), Some(1));
    assert_eq!((s.written(QuoteId(2)), s.how(QuoteId(2))), (Some(1), None));
}

/// A quote's paragraph and sentence are read from its offset: the paragraph that holds its
/// first byte, and the sentence there that ends after it.
#[test]
fn quote_paragraph_and_sentence_come_from_its_offset() {
    let t =
        "The storm hit at night.\nOfficials met. “We will rebuild,” Mayor Ann Lee said. “Soon.”";
    let d = dossier(&[t]);
    let a = &d.articles[0];
    let places: Vec<(usize, usize)> = d
        .quotes
        .iter()
        .map(|q| (q.paragraph(a), q.sentence(a)))
        .collect();
    assert_eq!(places, [(1, 1), (1, 2)]);
}

/// A name written solid by one outlet and with a space by another ("BayPower said", "as
/// Bay Power crews worked") is shown in the spaced spelling, the solid one kept as an alias.
#[test]
fn solid_name_takes_the_spaced_spelling_another_text_gives() {
    let d = dossier(&[
        "“Crews held the lines overnight,” BayPower said on Monday.",
        "As Bay Power crews, police and volunteers worked, the road stayed shut.",
    ]);
    let p = &d.people[d.quotes[0].speaker().expect("a speaker").0];
    assert_eq!(p.name, "Bay Power");
    assert!(p.aliases.iter().any(|a| a == "BayPower"), "{:?}", p.aliases);
}

/// A solid name stays as written when no text spells it apart, or only inside a longer
/// word ("Bay Powers"), or when it has no inner capital.
#[test]
fn solid_name_without_a_spaced_spelling_stays() {
    let name = |texts: &[&str]| {
        let d = dossier(texts);
        d.people[d.quotes[0].speaker().expect("a speaker").0]
            .name
            .clone()
    };
    assert_eq!(
        name(&[
            "“We hold the lines,” McAdams said.",
            "McAdams spoke at noon."
        ]),
        "McAdams"
    );
    assert_eq!(
        name(&[
            "“We hold the lines,” BayPower said.",
            "The Bay Powers team arrived."
        ]),
        "BayPower"
    );
    assert_eq!(
        name(&["“We hold the lines,” Baypower said.", "Bay power was cut."]),
        "Baypower"
    );
}

/// A paragraph's quotes find their tokens in one walk, in order; a quote the tokens do not
/// hold (its mask past the paragraph's end) gets none, and the walk goes on from there.
#[test]
fn quote_tokens_are_found_in_one_walk() {
    let t = "Ann said “yes” and “no” today.";
    let yes = t.find('“').unwrap_or(0);
    let no = t.rfind('“').unwrap_or(0);
    let close = |open: usize| t[open..].find('”').unwrap_or(0) + open + '”'.len_utf8();
    let masks = [
        (yes as u32, close(yes) as u32, 0),
        (no as u32, close(no) as u32, 1),
    ];
    let p = super::attribute::para(t, 0, t.len(), &masks, &|_| false);
    let (first, next) = p.quote_token(0, 0);
    assert_eq!(first, Some(2));
    let (second, next) = p.quote_token(next, 1);
    assert_eq!(second, Some(4));
    // A third quote has no token: none, and the walk stops at the end.
    assert_eq!(p.quote_token(next, 2), (None, p.toks.len()));
}

/// New words and passes for some of an article's quotes replace theirs and keep the
/// list in quote order; quotes not named keep what they had.
#[test]
fn named_quotes_merge_in_order() {
    use super::{How, Named, Settled, NONE};
    let named = |q: u32, written: u32, how: &str| Named {
        q,
        entity: NONE,
        written,
        how: How::of(how),
    };
    let mut s = Settled {
        named: vec![named(1, 7, "pronoun"), named(4, 8, "same sentence")],
    };
    s.merge(vec![
        named(0, NONE, "continuation"),
        named(4, 9, "headline echo"),
    ]);
    let got: Vec<(u32, u32, Option<&str>)> = s
        .named
        .iter()
        .map(|n| (n.q, n.written, n.how.map(How::as_str)))
        .collect();
    assert_eq!(
        got,
        [
            (0, NONE, Some("continuation")),
            (1, 7, Some("pronoun")),
            (4, 9, Some("headline echo"))
        ]
    );
    assert_eq!(s.named(1).map(|n| n.written), Some(7));
    assert!(s.named(2).is_none());
}
