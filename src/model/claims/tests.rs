//! Alignment on small article pairs written for these tests.

use super::*;
use crate::model::load::{from_files, LoadOptions};

/// A dossier of the given (name, text) articles.
pub(super) fn dossier(files: &[(&str, &str)]) -> Dossier {
    from_files(
        "test",
        files
            .iter()
            .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec())),
        &LoadOptions::default(),
    )
}

const QUAKE_A: &str = "A powerful earthquake struck the coastal province of Valdoria on Monday morning, damaging hundreds of homes and cutting power to several towns.\n\nThe national seismology institute said the quake killed 233 people and injured more than 1,200 others, according to figures released on Tuesday.\n\nRescue teams from neighbouring countries arrived in the port city of Brenna to search collapsed buildings for survivors.\n\nThe government pledged $40m in emergency aid for families who lost their homes.\n\nOfficials said the epicentre lay about 30 kilometres off the coast at a shallow depth.\n";
const QUAKE_B: &str = "Rescuers in Valdoria kept digging through the rubble on Tuesday after an earthquake flattened entire streets in the province.\n\nThe death toll rose to 235, the interior ministry said, while some 1,250 people were treated in hospital for their injuries.\n\nInternational rescue teams reached the port city of Brenna overnight and began searching collapsed buildings for survivors.\n\nThe epicentre was roughly 19 miles off the coast, seismologists said.\n\nLocal football clubs organised a charity match for next weekend.\n";

fn pair_with<'a>(c: &'a Comparison, d: &Dossier, left_has: &str) -> Vec<&'a Pair> {
    c.pairs
        .iter()
        .filter(|p| d.articles[c.left.0].slice(p.left).contains(left_has))
        .collect()
}

/// Two death tolls that differ (233 vs 235) pair up as a conflict.
#[test]
fn differing_death_tolls_conflict() {
    let d = dossier(&[("a.txt", QUAKE_A), ("b.txt", QUAKE_B)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    let pairs = pair_with(&c, &d, "233");
    assert!(!pairs.is_empty(), "{c:#?}");
    assert!(pairs.iter().any(|p| p.relation == Relation::Conflict));
    let diff = &pairs[0].differences[0];
    assert!(
        diff.left.contains("233") && diff.right.contains("235"),
        "{diff:?}"
    );
}

/// A paraphrase with the same figure in other units (30 km vs 19 miles) agrees.
#[test]
fn km_and_miles_paraphrase_agrees() {
    let d = dossier(&[("a.txt", QUAKE_A), ("b.txt", QUAKE_B)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    let pairs = pair_with(&c, &d, "30 kilometres");
    assert!(!pairs.is_empty(), "{c:#?}");
    assert!(
        pairs.iter().all(|p| p.relation == Relation::Agree),
        "{pairs:#?}"
    );
}

/// A claim with a close lexical counterpart but no figure pairs as agree.
#[test]
fn rescue_teams_paraphrase_agrees() {
    let d = dossier(&[("a.txt", QUAKE_A), ("b.txt", QUAKE_B)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    let pairs = pair_with(&c, &d, "Rescue teams");
    assert!(!pairs.is_empty(), "{c:#?}");
    assert_eq!(pairs[0].relation, Relation::Agree);
}

/// What only one side states is left over, never paired.
#[test]
fn unmatched_claims_are_only_on_their_side() {
    let d = dossier(&[("a.txt", QUAKE_A), ("b.txt", QUAKE_B)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    let right = &d.articles[1];
    assert!(c
        .right_only
        .iter()
        .any(|s| right.slice(*s).contains("football")));
    assert!(c
        .pairs
        .iter()
        .all(|p| !right.slice(p.right).contains("football")));
    let left = &d.articles[0];
    assert!(c.left_only.iter().any(|s| left.slice(*s).contains("$40m")));
}

/// An article compared with an unrelated one yields no pairs (precision first).
#[test]
fn unrelated_articles_do_not_pair() {
    let other = "The city council approved a new budget for public libraries on Thursday.\n\nThe plan adds evening opening hours and funds a mobile library for rural districts.\n";
    let d = dossier(&[("a.txt", QUAKE_A), ("c.txt", other)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    assert!(c.pairs.is_empty(), "{:#?}", c.pairs);
}

/// Spans of pairs and leftovers are sentences of the body, inside each text.
#[test]
fn spans_are_inside_the_texts() {
    let d = dossier(&[("a.txt", QUAKE_A), ("b.txt", QUAKE_B)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    for p in &c.pairs {
        assert!(d.articles[0].text.get(p.left.range()).is_some());
        assert!(d.articles[1].text.get(p.right.range()).is_some());
    }
}

/// A flipped likelihood on an aligned claim is a conflict.
#[test]
fn flipped_likelihood_conflicts() {
    let a = "Officials in Valdoria said aftershocks in the northern province were highly likely over the coming week.\n\nSchools in the province stayed closed on Wednesday.\n";
    let b = "Whether aftershocks will hit the northern province of Valdoria over the coming week remains unclear, officials said.\n\nMarkets reopened in the capital.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    assert_eq!(c.pairs.len(), 1, "{c:#?}");
    assert_eq!(c.pairs[0].relation, Relation::Conflict);
    assert_eq!(c.pairs[0].differences[0].what, "likelihood");
}

/// Comparing out-of-range ids gives an empty comparison instead of a panic.
#[test]
fn out_of_range_ids_are_empty() {
    let d = dossier(&[("a.txt", QUAKE_A)]);
    let c = compare(&d, ArticleId(0), ArticleId(7));
    assert!(c.pairs.is_empty() && c.left_only.is_empty());
}

/// Clusters gather the articles stating a claim and carry its conflicts.
#[test]
fn clusters_carry_conflicts() {
    let d = dossier(&[("a.txt", QUAKE_A), ("b.txt", QUAKE_B)]);
    let cl = cluster(&d);
    assert!(
        cl.iter()
            .any(|c| c.articles().len() == 2 && !c.conflicts.is_empty()),
        "{cl:#?}"
    );
    for c in &cl {
        assert!(c.articles().len() >= 2);
    }
}

/// People of the quotes model make their aliases one term ("Lloyd Austin", "Secretary
/// Lloyd J. Austin III", "Lloyd").
#[test]
fn people_aliases_share_a_term() {
    use crate::model::people::{Person, PersonId, SpeakerKind};
    let mut d = dossier(&[("a.txt", QUAKE_A)]);
    d.people.clear();
    d.people.push(Person {
        id: PersonId(0),
        name: "Lloyd Austin".into(),
        kind: SpeakerKind::Person,
        aliases: vec![
            "Lloyd J. Austin III".into(),
            "Lloyd".into(),
            "the minister".into(),
        ],
        role: None,
        quotes: Vec::new(),
    });
    let mut corpus = Corpus::default();
    people_terms(&mut corpus, &d);
    let t = corpus.word("austin");
    assert_eq!(corpus.word("lloyd"), t);
    assert_eq!(corpus.word("iii"), t);
    assert_ne!(corpus.word("minister"), t);
}

/// A name that every article uses weighs less than one only some use; with fewer than three
/// articles names weigh fully.
#[test]
fn common_names_weigh_less() {
    let mut c = Corpus::default();
    let (name, word) = (c.intern("okafor"), c.intern("bridge"));
    c.mark_entity(name);
    c.add_article(&[name, word]);
    c.add_article(&[name]);
    assert_eq!(c.entity_factor(name), 1.0);
    c.add_article(&[name]);
    c.add_article(&[]);
    let in_three_of_four = c.entity_factor(name);
    assert!(in_three_of_four < 1.0 && in_three_of_four > 0.25);
    c.add_article(&[name]);
    assert!(c.entity_factor(name) < in_three_of_four);
    assert_eq!(c.entity_factor(word), 1.0);
}

const FLOOD_A: &str = "Minister Okafor said the river burst its banks near the town of Lusan on Sunday.\n\nMinister Okafor thanked the volunteers who cooked meals at the stadium.\n";
const FLOOD_B: &str = "Floodwater from the river swept through Lusan on Sunday after the banks burst, Minister Okafor said.\n\nMinister Okafor opened a new library in the capital last year.\n";
const FLOOD_C: &str =
    "Minister Okafor visited families in shelters.\n\nThe weather office expects more rain.\n";

/// Sharing a person alone (named in every article) makes no pair; what the sentences
/// state does.
#[test]
fn a_shared_person_alone_does_not_pair() {
    let d = dossier(&[("a.txt", FLOOD_A), ("b.txt", FLOOD_B), ("c.txt", FLOOD_C)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    assert!(
        c.pairs
            .iter()
            .all(|p| !d.articles[1].slice(p.right).contains("library")),
        "{c:#?}"
    );
    assert!(
        pair_with(&c, &d, "banks")
            .iter()
            .any(|p| d.articles[1].slice(p.right).contains("Floodwater")),
        "{c:#?}"
    );
}

/// One shared word is no claim in common ("did not elaborate").
#[test]
fn one_shared_word_does_not_pair() {
    let a = "The mayor did not elaborate.\n\nSchools stayed closed.\n";
    let b = "Asked about the new tram line for the harbour district, the council did not elaborate.\n\nMarkets reopened.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    assert!(c.pairs.is_empty(), "{:#?}", c.pairs);
}

const ARMY_A: &str = "The army of Valdoria has sent 9,000 soldiers to the northern province this month.\n\nMore than 3,000 of them are believed to have reached the front lines near Brenna, the general said.\n";
const ARMY_B: &str = "A senior official said over 3,000 Valdorian soldiers are believed to be moving toward the front lines near Brenna.\n\nThe capital stayed calm.\n";
const ARMY_C: &str = "Defence analysts reported that roughly 1,100 Valdorian soldiers were moving toward the front lines of the war.\n\nA ceasefire is not expected soon.\n";

/// "3,000 of them" counts what the sentence before counted.
#[test]
fn of_them_counts_what_came_before() {
    let d = dossier(&[("a.txt", ARMY_A)]);
    let (_, claims) = dossier_claims(&d);
    let f = claims[0]
        .iter()
        .flat_map(|c| &c.facts.figures)
        .find(|f| f.value == 3000.0)
        .expect("the figure");
    assert_eq!(f.what.as_deref(), Some("troop"), "{f:?}");
}

/// A restatement of a figure in a third article links a claim to the one it disagrees with,
/// however little their wording shares.
#[test]
fn a_figure_restated_elsewhere_carries_the_conflict() {
    let d = dossier(&[("a.txt", ARMY_A), ("b.txt", ARMY_B), ("c.txt", ARMY_C)]);
    let c = compare(&d, ArticleId(0), ArticleId(2));
    let pairs = pair_with(&c, &d, "3,000 of them");
    assert!(
        pairs.iter().any(|p| p.relation == Relation::Conflict
            && p.differences.iter().any(|x| x.right.contains("1,100"))),
        "{c:#?}"
    );
    // Without the third article the two counts of soldiers at the front are still one
    // quantity in dispute.
    let d2 = dossier(&[("a.txt", ARMY_A), ("c.txt", ARMY_C)]);
    let c2 = compare(&d2, ArticleId(0), ArticleId(1));
    assert!(
        pair_with(&c2, &d2, "3,000 of them")
            .iter()
            .any(|p| p.relation == Relation::Conflict),
        "{c2:#?}"
    );
}

/// A word of a synonym group inside a name ("the Associated Press") does not stand for the
/// group ("reporters").
#[test]
fn a_word_inside_a_name_is_not_its_synonym() {
    let mut c = Corpus::default();
    assert_ne!(c.name_word("press"), c.word("reporters"));
    assert_eq!(c.word("press"), c.word("reporters"));
    // The two Koreas' capitals are two governments, not one term.
    assert_ne!(c.word("seoul"), c.word("pyongyang"));
}

/// A term counts as a name when written as one more often than not.
#[test]
fn names_are_decided_by_how_they_are_written() {
    let mut c = Corpus::default();
    let (nations, okafor) = (c.intern("nation"), c.intern("okafor"));
    c.note_case(nations, true);
    c.note_case(nations, false);
    c.note_case(nations, false);
    c.note_case(okafor, true);
    c.settle();
    assert!(!c.is_entity(nations));
    assert!(c.is_entity(okafor));
}

/// A sentence that states two things pairs with a counterpart for each, although one
/// counterpart matches it much better than the other.
#[test]
fn a_sentence_with_two_claims_pairs_twice() {
    let a = "The storm destroyed about 400 homes in the port city of Brenna on Monday, while the regional government ordered every school in the valley to stay closed until Friday.\n\nThe weather office expects calm days.\n";
    let b = "About 400 homes in the port city of Brenna were destroyed by Monday's storm, officials said.\n\nMarkets in the capital reopened.\n\nThe regional government ordered schools in the valley closed until Friday.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    let pairs = pair_with(&c, &d, "destroyed about 400");
    let right = |p: &&Pair| d.articles[1].slice(p.right).to_string();
    let texts: Vec<String> = pairs.iter().map(right).collect();
    assert!(texts.iter().any(|t| t.contains("400 homes")), "{c:#?}");
    assert!(texts.iter().any(|t| t.contains("schools")), "{c:#?}");
}

/// A figure in dispute pairs its claims even when one of them has a much closer counterpart
/// for the rest of what it states.
#[test]
fn a_disputed_figure_pairs_beside_a_closer_counterpart() {
    let a = "The flood in Lusan killed 40 people after the river burst its banks on Sunday following days of heavy rain.\n\nSchools stayed closed.\n";
    let b = "The river burst its banks in Lusan on Sunday following days of heavy rain, flooding the old town.\n\nMarkets reopened in the capital.\n\nThe ministry said 52 people were killed in the flood.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    let pairs = pair_with(&c, &d, "killed 40");
    assert!(
        pairs.iter().any(
            |p| p.relation == Relation::Conflict && d.articles[1].slice(p.right).contains("52")
        ),
        "{c:#?}"
    );
}

/// A dated day or a figure stated alike anchors two claims; a weekday alone does not.
#[test]
fn shared_anchors_are_dates_with_numbers_and_figures() {
    let f = |t: &str| crate::model::facts::extract(t, Span::new(0, t.len()));
    let since = f("The war has raged since Russian forces invaded in February 2022.");
    let began = f("Russia has lost many soldiers since the conflict began in February 2022.");
    assert!(super::align::shares_fact(&since, &began));
    let wed_a = f("Austin said on Wednesday that the troops were in Russia.");
    let wed_b = f("The minister met reporters on Wednesday.");
    assert!(!super::align::shares_fact(&wed_a, &wed_b));
    let km_a = f("The troops are stationed 50 kilometres from the border.");
    let km_b = f("The troops are deployed 31 miles from the border.");
    assert!(super::align::shares_fact(&km_a, &km_b));
}

/// One figure at two precisions ("61%" / "60.8 per cent") counts as stated alike; two values
/// of one kind that differ beyond rounding, or one value written alike (one term already),
/// do not.
#[test]
fn one_figure_at_two_precisions_is_alike() {
    let f = |t: &str| crate::model::facts::extract(t, Span::new(0, t.len()));
    let share = f("The motion passed with 61% of the vote.");
    let rounded = f("Backers won 60.8 per cent of the ballots cast.");
    assert!(super::align::rounded_alike(&share, &rounded));
    let other = f("Turnout reached 48% of the electorate.");
    assert!(!super::align::rounded_alike(&share, &other));
    let again = f("Supporters took 61% of the vote.");
    assert!(!super::align::rounded_alike(&share, &again));
}

/// Two claims whose only alike part is who said them ("…, officials in Brenna said") do not
/// pair, however alike that part.
#[test]
fn alike_attributions_alone_do_not_pair() {
    let a = "The storm destroyed the old harbour wall and sank three fishing boats, officials in Brenna said.\n\nBrenna schools stayed closed.\n";
    let b = "The summer music festival will bring a storm of visitors in June, officials in Brenna said.\n\nBrenna markets reopened.\n";
    let c = "Brenna is a port city.\n\nIts mayor spoke to Brenna radio.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b), ("c.txt", c)]);
    let cmp = compare(&d, ArticleId(0), ArticleId(1));
    assert!(pair_with(&cmp, &d, "harbour wall").is_empty(), "{cmp:#?}");
}

/// "and" before a modal opens a second predicate: a segment of its own.
#[test]
fn and_with_a_modal_opens_a_segment() {
    let a =
        "The soldiers will be sent to the northern front and could widen the war in the region.\n";
    let b =
        "The soldiers will be sent to the northern front and the western hills of the region.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let (_, claims) = dossier_claims(&d);
    assert_eq!(
        claims[0][0].segments.len(),
        2,
        "{:?}",
        claims[0][0].segments
    );
    assert!(
        claims[1][0].segments.len() < 2,
        "{:?}",
        claims[1][0].segments
    );
}

/// Two claims that are each other's best counterpart pair a little below the threshold.
#[test]
fn mutual_best_counterparts_pair() {
    let a = "Engineers said they will keep inspecting the old railway bridge over the Lusa river for cracks during the winter months.\n\nThe mayor opened a new school in the east of the city.\n";
    let b = "The railway company will keep checking the bridge for cracks after the spring floods.\n\nTicket prices rose again.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    assert_eq!(c.pairs.len(), 1, "{c:#?}");
    assert!(
        c.pairs[0].score < crate::model::tuning::tuning().pair_threshold,
        "{c:#?}"
    );
}

/// Who is credited is no part of a segment: two claims credited alike ("a senior Valdorian
/// defence official") but stating different things do not pair on it.
#[test]
fn a_shared_credit_is_no_segment_match() {
    let a = "Over 3,000 soldiers are believed to be moving toward the hills of the north, according to a senior Valdorian defence official, though no places were named.\n\nSchools stayed closed.\n";
    let b = "Its allies estimate that the number of soldiers sent to the capital has risen to 11,000, according to a senior Valdorian defence official.\n\nMarkets reopened.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let (_, claims) = dossier_claims(&d);
    assert!(
        !claims[0][0].facts.attributions.is_empty(),
        "{:?}",
        claims[0][0].facts
    );
    let c = compare(&d, ArticleId(0), ArticleId(1));
    assert!(c.pairs.is_empty(), "{c:#?}");
}

/// A claim keeps its few best counterparts, not every sentence built alike.
#[test]
fn a_claim_keeps_at_most_three_counterparts() {
    let a = "Volunteers rebuilt the old stone bridge over the Lusa river in Brenna.\n";
    let b = "Volunteers rebuilt the old stone bridge over the Lusa river in Brenna after the spring floods.\n\nThe market hall reopened with new stalls for farmers and bakers from the valley. Volunteers rebuilt the old stone bridge over the Lusa river in Brenna with council money.\n\nSchool buses were running again on the northern road by noon. Volunteers rebuilt the old stone bridge over the Lusa river in Brenna during autumn rain.\n\nThe weather office expects a dry summer across the whole region this year. Volunteers rebuilt the old stone bridge over the Lusa river in Brenna using hill timber.\n\nThe football club thanked its supporters for a long season of matches. Volunteers rebuilt the old stone bridge over the Lusa river in Brenna before harvest festival.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    assert_eq!(c.pairs.len(), 3, "{c:#?}");
    assert!(c.right_only.len() >= 2, "{c:#?}");
}

/// An aligner built once clusters exactly as `cluster` does on its own extraction, on the
/// bundled seeds and on a synthetic dossier.
#[test]
fn aligner_clusters_like_cluster() {
    let synthetic = from_files(
        "synthetic",
        crate::synth::generate(5, 40)
            .into_iter()
            .map(|(n, t)| (n, t.into_bytes())),
        &LoadOptions::default(),
    );
    for d in [crate::model::load_bundled(), synthetic] {
        let clusters = cluster(&d);
        assert!(!clusters.is_empty(), "{}: no clusters", d.title);
        assert_eq!(Aligner::new(&d).cluster(), clusters, "{}", d.title);
    }
}

/// Two counts of one specific thing at a similar size pair on it, however differently the
/// rest is worded.
#[test]
fn two_counts_of_one_thing_pair() {
    let a = "More than 120 firefighters from 18 departments fought the blaze through the night.\n\nSchools stayed closed.\n";
    let b = "The chief said about 200 firefighters had responded by dawn.\n\nMarkets reopened.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    let pairs = pair_with(&c, &d, "120 firefighters");
    assert!(
        pairs.iter().any(|p| p.relation == Relation::Conflict),
        "{c:#?}"
    );
    // One shared word that nothing counts is still no pair.
    let e = "The chief thanked the firefighters who responded.\n\nMarkets reopened.\n";
    let d2 = dossier(&[("a.txt", a), ("e.txt", e)]);
    let c2 = compare(&d2, ArticleId(0), ArticleId(1));
    assert!(c2.pairs.is_empty(), "{c2:#?}");
}

/// Two death tolls pair on what befell the people counted, whatever the rest says.
#[test]
fn two_death_tolls_pair() {
    let a = "A blast tore through the paper mill in Lusan late on Monday, killing 12 workers and starting a fire that burned until dawn.\n\nSchools stayed closed.\n";
    let b = "The disaster at the mill has claimed 14 lives, one of the worst accidents in the province in decades.\n\nMarkets reopened.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    let pairs = pair_with(&c, &d, "killing 12");
    assert!(
        pairs.iter().any(|p| p.relation == Relation::Conflict),
        "{c:#?}"
    );
}

/// A count of one kind of people that an article sets beside the whole ("700 people were
/// injured … 30 police officers") is a part, not a restatement: it never conflicts with 800.
#[test]
fn injured_officers_are_not_the_injured() {
    let a = "Health services said 800 people were injured in the clashes on Sunday.\n\nSchools stayed closed.\n";
    let b = "The ministry said 30 police officers were injured in the clashes on Sunday.\n\nHospitals said 700 people were injured in all.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    assert!(
        c.pairs
            .iter()
            .flat_map(|p| &p.differences)
            .all(|x| !x.right.contains("30")),
        "{c:#?}"
    );
}

/// Killed and injured are different outcomes: the same count of each neither conflicts nor
/// corroborates.
#[test]
fn killed_never_corroborates_injured() {
    let a = "Twelve workers were killed when the roof of the depot collapsed on Monday.\n\nSchools stayed closed.\n";
    let b = "Twelve workers were injured when the roof of the depot collapsed on Monday.\n\nMarkets reopened.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    assert!(
        c.pairs.iter().all(|p| p.relation != Relation::Conflict),
        "{c:#?}"
    );
}

/// A toll that rose from one outlet to the next is a conflict, however far apart the counts.
#[test]
fn a_toll_updated_across_outlets_conflicts() {
    let a = "The death toll from the floods in the valley rose to 9 on Friday, officials said.\n\nSchools stayed closed.\n";
    let b = "At least 41 people have died in the floods, the governor said on Monday.\n\nMarkets reopened.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    assert!(
        c.pairs.iter().any(|p| p.relation == Relation::Conflict),
        "{c:#?}"
    );
}

/// Another event's toll ("the 1998 floods, which killed 400") is not this event's toll.
#[test]
fn another_events_toll_does_not_conflict() {
    let a = "At least 41 people have died in the floods, the governor said, recalling the floods of 1998 that killed 400 people.\n\nSchools stayed closed.\n";
    let b = "The death toll from the floods rose to 44 on Tuesday, officials said.\n\nMarkets reopened.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    for p in &c.pairs {
        assert!(
            p.differences.iter().all(|x| !x.left.contains("400")),
            "{c:#?}"
        );
    }
}

/// A breakdown into parts ("50 foreign divers and 40 local divers") does not conflict with
/// the whole another outlet states ("90 divers").
#[test]
fn a_breakdown_does_not_conflict_with_the_whole() {
    let a = "Officials said 50 foreign divers and 40 local divers are taking part in the search.\n\nSchools stayed closed.\n";
    let b = "A total of 90 divers are taking part in the search, officials said.\n\nMarkets reopened.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    assert!(
        c.pairs.iter().all(|p| p.relation != Relation::Conflict),
        "{c:#?}"
    );
}

/// A one-word sentence ("No.", "Why?") is no claim, so a page of them costs no claims; a
/// two-word sentence or a lone figure still is one.
#[test]
fn one_word_sentences_are_no_claims() {
    let d = dossier(&[(
        "a.txt",
        "No. No. No. Why? The council resigned. It cost $40m.\n",
    )]);
    let spans: Vec<&str> = claim_spans(&d.articles[0])
        .into_iter()
        .map(|s| d.articles[0].slice(s))
        .collect();
    assert!(
        spans
            .iter()
            .all(|s| !s.starts_with("No") && !s.starts_with("Why")),
        "{spans:?}"
    );
    assert!(
        spans.iter().any(|s| s.contains("council resigned")),
        "{spans:?}"
    );
    assert!(spans.iter().any(|s| s.contains("$40m")), "{spans:?}");
}

/// Where both figures belong to quantities, `compare` takes its conflicts from them: one
/// fire's toll and the combined toll of two fires are two quantities, never a conflict,
/// however alike the sentences.
#[test]
fn compare_takes_figure_conflicts_from_the_quantities() {
    let d = dossier(&[
        ("a.txt", "Fires\n\nThe death toll from the hill fire rose to 29 on Sunday, officials said.\n\nThe combined toll of both fires rose to 31 on Sunday, officials said.\n"),
        ("b.txt", "Fires\n\nThe combined toll of both fires rose to 35 on Sunday, officials said.\n"),
    ]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    let wrong: Vec<&Pair> = pair_with(&c, &d, "29")
        .into_iter()
        .filter(|p| p.relation == Relation::Conflict)
        .collect();
    assert!(wrong.is_empty(), "{c:#?}");
    let right = pair_with(&c, &d, "31");
    assert!(
        right.iter().any(|p| p.relation == Relation::Conflict),
        "{c:#?}"
    );
}

/// An item of a bulleted list ("- €5m from a bank") is a claim although it ends without a
/// full stop; a short line without one that opens no list is a headline, not a claim.
#[test]
fn list_items_are_claims_and_headline_lines_are_not() {
    let d = dossier(&[(
        "a.txt",
        "Donors give to the rebuilding fund\n\nThe fund for the old bridge has received pledges from several companies, the council said on Friday.\n\nRiver towns count the cost of the flood\n\nThe largest pledges so far are:\n\n- €5m from the Harbour Savings Bank\n\n• €2m from the shipping firm Ostmar\n\nThe council hopes to reopen the bridge next spring.\n",
    )]);
    let a = &d.articles[0];
    let spans: Vec<&str> = claim_spans(a).into_iter().map(|s| a.slice(s)).collect();
    assert!(
        spans.iter().any(|s| s.contains("Harbour Savings")),
        "{spans:?}"
    );
    assert!(spans.iter().any(|s| s.contains("Ostmar")), "{spans:?}");
    // The line the loader took for a headline reads as one to the claims too, wherever it
    // stands.
    let line = a
        .paragraphs
        .iter()
        .find(|p| a.slice(p.span).starts_with("River towns"))
        .expect("the headline line is a paragraph");
    assert!(is_headline(&a.text, line));
    assert!(
        !spans.iter().any(|s| s.contains("count the cost")),
        "{spans:?}"
    );
}

/// A row of a results table ("8,412 votes – 46.3%") is a claim although it ends without a
/// full stop; a headline that opens with a figure and names a second one in words is not.
#[test]
fn data_rows_are_claims_and_figure_headlines_are_not() {
    let d = dossier(&[(
        "a.txt",
        "Harbour ward result\n\nThe count in the harbour ward ended after midnight.\n\nYes: 14 districts\n\n8,412 votes – 46.3%\n\n2 dead - 5 hurt as storm hits harbour towns\n\nThe council will meet on Monday.\n",
    )]);
    let a = &d.articles[0];
    let spans: Vec<&str> = claim_spans(a).into_iter().map(|s| a.slice(s)).collect();
    assert!(spans.iter().any(|s| s.contains("46.3%")), "{spans:?}");
    assert!(!spans.iter().any(|s| s.contains("storm hits")), "{spans:?}");
}

/// No pair of the two claims is `Agree` (`Related` or no pair at all is right).
#[track_caller]
fn never_corroborates(a: &str, b: &str) {
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    assert!(
        c.pairs.iter().all(|p| p.relation != Relation::Agree),
        "{c:#?}"
    );
}

/// "12 workers were killed" and "12 workers were injured" are different outcomes: however
/// alike the rest, the two never corroborate each other.
#[test]
fn killed_workers_never_corroborate_injured_workers() {
    never_corroborates(
        "Twelve workers were killed when the roof of the depot collapsed on Monday.\n\nSchools stayed closed.\n",
        "Twelve workers were injured when the roof of the depot collapsed on Monday.\n\nMarkets reopened.\n",
    );
    never_corroborates(
        "The blast at the depot killed 12 workers on Monday, the fire service said.\n\nSchools stayed closed.\n",
        "The blast at the depot injured 12 workers on Monday, the fire service said.\n\nMarkets reopened.\n",
    );
}

/// A denial by one capital is not a denial by another: "Seoul denied" never corroborates
/// "Pyongyang denied", however alike the rest.
#[test]
fn one_capitals_denial_never_corroborates_anothers() {
    never_corroborates(
        "Seoul denied on Tuesday that its troops had crossed the border near the river.\n\nSchools stayed closed.\n",
        "Pyongyang denied on Tuesday that its troops had crossed the border near the river.\n\nMarkets reopened.\n",
    );
}

/// Opposite predicates on one object never corroborate: "approved the budget" against
/// "rejected the budget".
#[test]
fn approved_never_corroborates_rejected() {
    never_corroborates(
        "The city council approved the budget for the new harbour bridge on Thursday.\n\nSchools stayed closed.\n",
        "The city council rejected the budget for the new harbour bridge on Thursday.\n\nMarkets reopened.\n",
    );
}

/// The two claims pair, and as `Agree`.
#[track_caller]
fn corroborates(a: &str, b: &str) {
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    assert!(
        c.pairs.iter().any(|p| p.relation == Relation::Agree),
        "{c:#?}"
    );
}

/// Looks like a contrast but is not: the same capital acting in both, a dateline naming
/// another city, or a claim that states both outcomes against one that states one of them.
#[test]
fn alike_actors_and_both_outcomes_still_corroborate() {
    corroborates(
        "Seoul denied on Tuesday that its troops had crossed the border near the river.\n\nSchools stayed closed.\n",
        "Seoul on Tuesday denied its troops had crossed the border near the river.\n\nMarkets reopened.\n",
    );
    corroborates(
        "SEOUL — The defence ministry denied on Tuesday that its troops had crossed the border near the river.\n\nSchools stayed closed.\n",
        "WASHINGTON — The defence ministry denied on Tuesday that its troops had crossed the border near the river.\n\nMarkets reopened.\n",
    );
    corroborates(
        "The blast at the depot killed 12 workers and injured 30 others on Monday, the fire service said.\n\nSchools stayed closed.\n",
        "The blast at the depot killed 12 workers on Monday, the fire service said.\n\nMarkets reopened.\n",
    );
}

/// The claims matrix holds what `compare` holds: claims alike but for opposite outcomes are
/// two rows, never one, while alike claims with the same actor are one.
#[test]
fn clusters_keep_opposite_outcomes_apart() {
    let d = dossier(&[
        ("a.txt", "Twelve workers were killed when the roof of the depot collapsed on Monday.\n\nSchools stayed closed.\n"),
        ("b.txt", "Twelve workers were injured when the roof of the depot collapsed on Monday.\n\nMarkets reopened.\n"),
    ]);
    assert!(cluster(&d).is_empty(), "{:#?}", cluster(&d));
    let d = dossier(&[
        ("a.txt", "Seoul denied on Tuesday that its troops had crossed the border near the river.\n\nSchools stayed closed.\n"),
        ("b.txt", "Seoul on Tuesday denied its troops had crossed the border near the river.\n\nMarkets reopened.\n"),
    ]);
    assert!(
        cluster(&d).iter().any(|c| c.articles().len() == 2),
        "{:#?}",
        cluster(&d)
    );
}

/// A figure two articles state alike pairs their claims, however differently they word the
/// rest: the figure is the claim both make.
#[test]
fn a_figure_stated_alike_in_other_words_pairs() {
    let a = "Emergency crews confirmed on Friday that 37 people had died across the valley since the storm made landfall.\n\nSchools stayed closed.\n";
    let b = "Hospitals and morgues certified 37 deaths after telephone lines were restored, officials said.\n\nMarkets reopened.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    let pairs = pair_with(&c, &d, "37 people");
    assert!(
        pairs
            .iter()
            .any(|p| p.relation == Relation::Agree
                && d.articles[1].slice(p.right).contains("37 deaths")),
        "{c:#?}"
    );
}

/// Looks like one figure stated twice but is not: the same count of other outcomes (the
/// dead and the injured) or of other things never pairs on the figure.
#[test]
fn one_number_of_different_things_does_not_pair() {
    never_corroborates(
        "Emergency crews confirmed on Friday that 37 people had died across the valley since the storm made landfall.\n\nSchools stayed closed.\n",
        "Hospitals treated 37 injured people after telephone lines were restored, officials said.\n\nMarkets reopened.\n",
    );
    never_corroborates(
        "Emergency crews confirmed on Friday that 37 people had died across the valley since the storm made landfall.\n\nSchools stayed closed.\n",
        "The utility sent 37 trucks after telephone lines were restored, officials said.\n\nMarkets reopened.\n",
    );
}

/// One event told in two outlets' words ("resigned" / "quit") pairs as agree, and the
/// paraphrase counts as shared wording: the pair scores above the same pair with an
/// unrelated verb.
#[test]
fn a_paraphrase_of_the_predicate_corroborates() {
    let a = "The harbour authority chairman resigned on Thursday after the audit of the dredging contract.\n\nSchools stayed closed.\n";
    let score = |verb: &str| {
        let b = format!("The chairman of the harbour authority {verb} on Thursday following the dredging contract audit.\n\nMarkets reopened.\n");
        let d = dossier(&[("a.txt", a), ("b.txt", &b)]);
        let c = compare(&d, ArticleId(0), ArticleId(1));
        let agree = c.pairs.iter().filter(|p| p.relation == Relation::Agree);
        agree.map(|p| p.score).fold(0.0f32, f32::max)
    };
    assert!(
        score("quit") > score("smiled"),
        "{} vs {}",
        score("quit"),
        score("smiled")
    );
    assert!(score("quit") >= crate::model::tuning::tuning().pair_threshold);
}

/// Looks like a paraphrase but is not: the paraphrases of opposite predicates ("climbed" /
/// "dropped") never corroborate, however alike the rest.
#[test]
fn paraphrases_of_opposites_never_corroborate() {
    never_corroborates(
        "Shares in the harbour operator climbed sharply on Monday after the dredging contract was signed.\n\nSchools stayed closed.\n",
        "Shares in the harbour operator dropped sharply on Monday after the dredging contract was signed.\n\nMarkets reopened.\n",
    );
}

/// An amount of money two claims state alike pairs them beside a counterpart closer in
/// wording: the pledge and the sentence that repeats its words without the amount.
#[test]
fn a_shared_amount_pairs_beside_a_closer_counterpart() {
    let a = "The shipping magnate Ola Brandt will give €150m to rebuild the old theatre, his office said on Monday.\n\nSchools stayed closed.\n";
    let b = "Ola Brandt has pledged €150m towards the theatre.\n\nHis office said on Monday that the shipping magnate wants to rebuild the old theatre.\n\nMarkets reopened.\n";
    let d = dossier(&[("a.txt", a), ("b.txt", b)]);
    let c = compare(&d, ArticleId(0), ArticleId(1));
    let right = &d.articles[1];
    assert!(
        c.pairs
            .iter()
            .any(|p| p.relation == Relation::Agree && right.slice(p.right).contains("€150m")),
        "{c:#?}"
    );
}

/// A possessive leaves the word a place lookup reads (curly or straight, repeated), and a
/// word that only ends in "s" or in a bare apostrophe keeps it.
#[test]
fn possessives_are_trimmed_from_a_lead_word() {
    assert_eq!(trim_possessives("korea’s"), "korea");
    assert_eq!(trim_possessives("korea's"), "korea");
    assert_eq!(trim_possessives("x's’s"), "x");
    // As `trim_end_matches` with the curly form first: a straight one after stays inside.
    assert_eq!(trim_possessives("x’s's"), "x’s");
    assert_eq!(trim_possessives("paris"), "paris");
    assert_eq!(trim_possessives("jones'"), "jones'");
    assert_eq!(trim_possessives("’s"), "");
}

/// The claims' facts are the facts pass's but for the names, which they do not look for.
#[test]
fn claim_facts_are_the_facts_without_names() {
    let text = "Officials in Valdoria said 233 people died, according to the Red Cross.";
    let toks = tokens::lex(text, Span::new(0, text.len()));
    let (named, unnamed) = (
        facts::extract_tokens(text, &toks),
        facts::extract_unnamed(text, &toks),
    );
    assert!(!named.entities.is_empty());
    assert!(unnamed.entities.is_empty());
    assert_eq!(
        format!(
            "{:?}",
            Facts {
                entities: Vec::new(),
                ..named
            }
        ),
        format!("{unnamed:?}")
    );
}

/// A sentence states something with two words or a digit anywhere in it; one word with
/// marks around it, however long, does not.
#[test]
fn a_sentence_states_something_with_two_words_or_a_digit() {
    assert!(states_something("Rain fell."));
    assert!(states_something("Toll: 14"));
    assert!(states_something(&format!("{}7", "— ".repeat(200))));
    assert!(!states_something("Update:"));
    assert!(!states_something(&format!("Update {}", "— ".repeat(200))));
}

/// A term an article repeats counts once for that article, and again for the next article
/// that uses it; a term the articles never use stays at zero.
#[test]
fn article_counts_take_each_term_once_per_article() {
    let mut c = Corpus::default();
    let (a, b, unused) = (c.intern("levee"), c.intern("pump"), c.intern("ferry"));
    c.add_article(&[a, b, a, a]);
    c.add_article(&[b, b]);
    c.add_article(&[a]);
    let df = |t: Term| c.article_df[t as usize];
    assert_eq!((df(a), df(b), df(unused)), (2, 2, 0));
    assert_eq!(c.articles, 3);
}
