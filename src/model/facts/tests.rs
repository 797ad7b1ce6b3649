//! The number and unit parser, qualifiers, compatibility rules, likelihoods, attribution.

use super::*;
use crate::model::facts::compat::comparable;

/// The figures of a sentence.
#[track_caller]
fn figs(s: &str) -> Vec<Figure> {
    extract(s, Span::new(0, s.len())).figures
}

/// The only (first) figure of a sentence.
#[track_caller]
pub(super) fn fig(s: &str) -> Figure {
    figs(s)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no figure in {s:?}"))
}

/// How the first figures of two sentences compare.
#[track_caller]
pub(super) fn verdict(a: &str, b: &str) -> Verdict {
    compare_figures(&fig(a), &fig(b))
}

#[track_caller]
fn grade(s: &str) -> Grade {
    extract(s, Span::new(0, s.len()))
        .likelihood
        .first()
        .unwrap_or_else(|| panic!("no likelihood in {s:?}"))
        .grade
}

/// A plain grouped numeral is an exact count of the noun after it.
#[test]
fn plain_count_with_noun() {
    let f = fig("They sent 10,000 soldiers.");
    assert_eq!(
        (f.kind, f.value, f.qualifier),
        (Kind::Count, 10_000.0, Qualifier::Exact)
    );
    assert_eq!(f.what.as_deref(), Some("troop"));
}

/// "approximately" makes a rounded figure.
#[test]
fn approximately_is_approx() {
    assert_eq!(
        fig("approximately 10,000 soldiers").qualifier,
        Qualifier::Approx
    );
}

/// "up to" is an upper bound.
#[test]
fn up_to_is_at_most() {
    let f = fig("up to 11,000 troops");
    assert_eq!((f.value, f.qualifier), (11_000.0, Qualifier::AtMost));
}

/// "as high as" is an upper bound.
#[test]
fn as_high_as_is_at_most() {
    assert_eq!(
        fig("could be as high as 11,000").qualifier,
        Qualifier::AtMost
    );
}

/// "more than" is a lower bound.
#[test]
fn more_than_is_at_least() {
    let f = fig("More than 3,000 of them");
    assert_eq!((f.value, f.qualifier), (3000.0, Qualifier::AtLeast));
}

/// "over" is a lower bound.
#[test]
fn over_is_at_least() {
    assert_eq!(
        fig("lost over 300,000 service members").qualifier,
        Qualifier::AtLeast
    );
}

/// "roughly" and "around" are rounded figures.
#[test]
fn roughly_and_around_are_approx() {
    assert_eq!(fig("roughly 2,000 troops").qualifier, Qualifier::Approx);
    assert_eq!(fig("around 10,000 troops").qualifier, Qualifier::Approx);
}

/// "or more" after a figure makes it a lower bound.
#[test]
fn or_more_after_is_at_least() {
    assert_eq!(fig("500 or more people").qualifier, Qualifier::AtLeast);
}

/// Indian digit grouping reads as the same value.
#[test]
fn indian_grouping() {
    assert_eq!(fig("2,40,000 people").value, 240_000.0);
}

/// Decimals keep their fraction.
#[test]
fn decimal_value() {
    assert_eq!(fig("3.5 tonnes").value, 3500.0);
}

/// Scale words multiply: "3.5 million".
#[test]
fn million_scale() {
    assert_eq!(fig("3.5 million people").value, 3_500_000.0);
}

/// Written numbers: "ten thousand".
#[test]
fn written_ten_thousand() {
    assert_eq!(fig("ten thousand soldiers").value, 10_000.0);
}

/// Written compound numbers: "twenty-five thousand".
#[test]
fn written_compound() {
    assert_eq!(fig("twenty-five thousand people").value, 25_000.0);
}

/// "a dozen" is twelve.
#[test]
fn a_dozen() {
    assert_eq!(fig("a dozen drones").value, 12.0);
}

/// "hundreds of thousands" is a vague order of magnitude from 100,000.
#[test]
fn hundreds_of_thousands() {
    let f = fig("hundreds of thousands of people");
    assert_eq!((f.value, f.qualifier), (100_000.0, Qualifier::Vague));
}

/// Kilometres are normalized to km.
#[test]
fn kilometres_spelling() {
    let f = fig("just 50 kilometres from the border");
    assert_eq!(
        (f.kind, f.value, f.unit.as_deref()),
        (Kind::Length, 50.0, Some("km"))
    );
}

/// "kilometers" and "kilometres" agree.
#[test]
fn kilometers_equal_kilometres() {
    assert_eq!(
        verdict("50 kilometres away", "50 kilometers away"),
        Verdict::Agree
    );
}

/// Miles convert into kilometres.
#[test]
fn miles_convert_to_km() {
    let f = fig("31 miles away");
    assert!((f.value - 49.89).abs() < 0.01 && f.converted);
}

/// A converted figure agrees with its rounded metric form.
#[test]
fn miles_agree_with_km() {
    assert_eq!(verdict("31 miles away", "50 km away"), Verdict::Agree);
}

/// Glued units: "50km".
#[test]
fn glued_km() {
    assert_eq!(fig("a 50km zone").unit.as_deref(), Some("km"));
}

/// Percent sign and word are one unit.
#[test]
fn percent_sign_and_word() {
    assert_eq!(fig("rose 12%").kind, Kind::Percent);
    assert_eq!(fig("rose 12 percent").kind, Kind::Percent);
    assert_eq!(verdict("rose 12%", "rose 12 per cent"), Verdict::Agree);
}

/// Money carries its currency: "$264m".
#[test]
fn dollars_with_scale() {
    let f = fig("a $264m deal");
    assert_eq!(
        (f.kind, f.value, f.unit.as_deref()),
        (Kind::Money, 264e6, Some("USD"))
    );
}

/// Pounds sterling: "£200m".
#[test]
fn pounds_with_scale() {
    assert_eq!(fig("a £200m deal").unit.as_deref(), Some("GBP"));
}

/// Different currencies are never compared.
#[test]
fn currencies_not_compared() {
    assert_eq!(verdict("£200m", "$264m"), Verdict::Incomparable);
}

/// Currency words after the number: "200 million euros".
#[test]
fn currency_word_after() {
    assert_eq!(fig("200 million euros").unit.as_deref(), Some("EUR"));
}

/// A month and day is a date, not a count.
#[test]
fn month_day_is_date() {
    assert_eq!(fig("on October 30, 2024").kind, Kind::Date);
}

/// A bare year is a year.
#[test]
fn bare_year() {
    let f = fig("invaded in 2022");
    assert_eq!((f.kind, f.value), (Kind::Year, 2022.0));
}

/// Ages are their own kind.
#[test]
fn age_hyphenated() {
    assert_eq!(fig("a 45-year-old man").kind, Kind::Age);
    assert_eq!(fig("aged 45").kind, Kind::Age);
}

/// Times are their own kind.
#[test]
fn times() {
    assert_eq!(fig("at 10:30 on Monday").kind, Kind::Time);
    assert_eq!(fig("at 3 pm").kind, Kind::Time);
}

/// Magnitudes are their own kind.
#[test]
fn magnitude() {
    let f = fig("a magnitude 6.2 earthquake");
    assert_eq!((f.kind, f.value), (Kind::Magnitude, 6.2));
}

/// Ages and counts are never compared.
#[test]
fn age_not_compared_with_count() {
    assert_eq!(verdict("aged 45", "45 people"), Verdict::Incomparable);
}

/// Years are never compared (dates are context, not figures to dispute).
#[test]
fn years_not_compared() {
    assert_eq!(verdict("in 2021", "in 2022"), Verdict::Incomparable);
}

/// Identifiers like "G-7" or "F-16" are not figures.
#[test]
fn identifiers_skipped() {
    assert!(figs("NATO and G-7 meetings with F-16 jets").is_empty());
}

/// Ordinals are not counts.
#[test]
fn ordinals_not_counts() {
    assert!(figs("the 6th meeting")
        .iter()
        .all(|f| f.kind == Kind::Ordinal));
}

/// "3,000 of them" counts nothing named.
#[test]
fn of_them_counts_nothing() {
    assert_eq!(fig("3,000 of them moved").what, None);
}

/// Different counted things are not compared.
#[test]
fn different_things_not_compared() {
    assert_eq!(verdict("10 tanks", "12 soldiers"), Verdict::Incomparable);
}

/// Synonymous counted things are compared.
#[test]
fn synonyms_compared() {
    assert!(comparable(&fig("10,000 soldiers"), &fig("10,000 troops")));
}

/// A lower bound agrees with a precise figure just above it.
#[test]
fn more_than_2500_agrees_with_2527() {
    assert_eq!(
        verdict("more than 2,500 people", "2,527 people"),
        Verdict::Agree
    );
}

/// A rounded figure and an upper bound one step up conflict.
#[test]
fn about_10000_conflicts_with_up_to_11000() {
    assert_eq!(
        verdict("about 10,000 troops", "up to 11,000 troops"),
        Verdict::Conflict
    );
}

/// Two exact counts that differ conflict.
#[test]
fn exact_233_conflicts_with_235() {
    assert_eq!(verdict("233 dead", "235 dead"), Verdict::Conflict);
}

/// A figure twice a lower bound is no restatement of it.
#[test]
fn figure_600000_conflicts_with_over_300000() {
    assert_eq!(
        verdict("600,000 troops", "over 300,000 troops"),
        Verdict::Conflict
    );
}

/// A lower bound and a different rounded figure conflict.
#[test]
fn over_3000_conflicts_with_roughly_2000() {
    assert_eq!(
        verdict("over 3,000 troops", "roughly 2,000 troops"),
        Verdict::Conflict
    );
}

/// Two lower bounds on the same figure agree.
#[test]
fn more_than_and_over_same_figure_agree() {
    assert_eq!(
        verdict("more than 3,000 troops", "over 3,000 troops"),
        Verdict::Agree
    );
}

/// An upper bound agrees with its own figure stated plainly.
#[test]
fn up_to_agrees_with_same_exact() {
    assert_eq!(
        verdict("up to 11,000 troops", "11,000 troops"),
        Verdict::Agree
    );
}

/// A rounded figure agrees with a close exact one.
#[test]
fn about_agrees_with_close_exact() {
    assert_eq!(
        verdict("about 10,000 troops", "10,200 troops"),
        Verdict::Agree
    );
}

/// A rounded figure agrees with the same plain figure.
#[test]
fn approx_agrees_with_same_exact() {
    assert_eq!(
        verdict("approximately 10,000 soldiers", "10,000 troops"),
        Verdict::Agree
    );
}

/// A vague magnitude agrees with a figure inside it.
#[test]
fn vague_agrees_inside() {
    assert_eq!(
        verdict("hundreds of thousands of people", "300,000 people"),
        Verdict::Agree
    );
    assert_eq!(
        verdict("hundreds of thousands of people", "2 million people"),
        Verdict::Conflict
    );
}

/// Written and digit forms of the same figure agree.
#[test]
fn written_agrees_with_digits() {
    assert_eq!(
        verdict("ten thousand troops", "10,000 troops"),
        Verdict::Agree
    );
}

/// Near likelihood wordings share a grade and agree.
#[test]
fn near_likelihoods_agree() {
    let (a, b, c) = (
        grade("it is “pretty high” likely"),
        grade("a high likelihood"),
        grade("quite likely"),
    );
    assert_eq!(compare_likelihood(a, b), Verdict::Agree);
    assert_eq!(compare_likelihood(b, c), Verdict::Agree);
    assert_eq!(
        compare_likelihood(grade("a high chance"), grade("a high possibility")),
        Verdict::Agree
    );
}

/// An undetermined outcome conflicts with a high likelihood.
#[test]
fn undetermined_conflicts_with_high() {
    let u = grade("their intentions are yet to be determined");
    assert_eq!(u, None);
    assert_eq!(
        compare_likelihood(u, grade("a high likelihood")),
        Verdict::Conflict
    );
}

/// A low likelihood conflicts with a high one.
#[test]
fn low_conflicts_with_high() {
    assert_eq!(
        compare_likelihood(grade("the likelihood is low"), grade("quite likely")),
        Verdict::Conflict
    );
}

/// Negation lowers a likelihood.
#[test]
fn not_likely_is_low() {
    assert_eq!(grade("it is not likely"), Some(1));
}

/// Attribution: "U.S. estimates" and "South Korean officials" in their own clauses.
#[test]
fn attribution_per_clause() {
    let s = "U.S. estimates indicate approximately 10,000 troops are in Russia, but South Korean officials suggest that figure could be as high as 11,000.";
    let f = extract(s, Span::new(0, s.len()));
    let a = |i: usize| f.attribution_for(f.figures[i].span).map(|a| a.text.clone());
    assert_eq!(a(0).as_deref(), Some("U.S. estimates"));
    assert_eq!(a(1).as_deref(), Some("South Korean officials"));
}

/// Attribution: "according to …" names the source.
#[test]
fn attribution_according_to() {
    let s = "The number has risen to 11,000, according to a senior South Korean official.";
    let f = extract(s, Span::new(0, s.len()));
    let a = f.attribution_for(f.figures[0].span).map(|a| a.text.clone());
    assert_eq!(a.as_deref(), Some("a senior South Korean official"));
}

/// Attribution: a source before a reporting verb.
#[test]
fn attribution_subject_of_verb() {
    let s = "Pentagon officials reported that 10,000 soldiers were training.";
    let f = extract(s, Span::new(0, s.len()));
    assert_eq!(f.attributions[0].text, "Pentagon officials");
}

/// Attribution: a source before an auxiliary and a reporting verb.
#[test]
fn attribution_before_auxiliary() {
    let s = "The US has estimated that there are around 10,000 troops.";
    let f = extract(s, Span::new(0, s.len()));
    let a = f.attribution_for(f.figures[0].span).map(|a| a.text.clone());
    assert_eq!(a.as_deref(), Some("The US"));
}

/// "half a billion" is half the scale, and its qualifier is read before "half".
#[test]
fn half_a_billion() {
    let s = "More than half a billion pounds has been raised.";
    let f = extract(s, Span::new(0, s.len()));
    assert_eq!(f.figures[0].value, 5e8);
    assert_eq!(f.figures[0].qualifier, Qualifier::AtLeast);
    assert_eq!(f.figures[0].text, "More than half a billion pounds");
    // Looks like it, is not: "a billion" alone is the whole scale.
    let t = "A billion pounds has been raised.";
    assert_eq!(extract(t, Span::new(0, t.len())).figures[0].value, 1e9);
}

/// A holder is never a bare determiner: "The confirmed toll" has no one who confirmed it.
#[test]
fn holder_is_never_a_bare_determiner() {
    let s = "The confirmed toll in the valley has risen to 31.";
    let f = extract(s, Span::new(0, s.len()));
    assert!(
        f.attributions.iter().all(|a| a.text != "The"),
        "{:?}",
        f.attributions
    );
    assert_eq!(f.attribution_for(f.figures[0].span), None);
}

/// A head noun before what is counted modifies it: "the official death toll" names no
/// official.
#[test]
fn a_modifying_head_is_no_holder() {
    let s = "The official death toll has risen to 34, Mayor Jane Roe said.";
    let f = extract(s, Span::new(0, s.len()));
    let a = f.attribution_for(f.figures[0].span).map(|a| a.text.clone());
    assert_eq!(a.as_deref(), Some("Mayor Jane Roe"), "{:?}", f.attributions);
}

/// A count of people is the figure's own noun phrase, not who holds it ("Eleven officers
/// were hurt"); "two officials said" still names its holders.
#[test]
fn counted_people_are_no_holder() {
    let s = "Eleven officers were hurt in the clashes.";
    let f = extract(s, Span::new(0, s.len()));
    assert!(f.attributions.is_empty(), "{:?}", f.attributions);
    let t = "Two senior officials said 40 people were hurt.";
    let g = extract(t, Span::new(0, t.len()));
    assert_eq!(g.attributions[0].text, "Two senior officials");
}

/// "An estimated 40,000 people" hedges the figure; it names no holder.
#[test]
fn an_estimated_is_no_holder() {
    let s = "An estimated 40,000 people marched through the town.";
    let f = extract(s, Span::new(0, s.len()));
    assert_eq!(
        f.attribution_for(f.figures[0].span),
        None,
        "{:?}",
        f.attributions
    );
}

/// "Ruritania's regional government": the place and the level stay with the holder.
#[test]
fn regional_government_is_one_holder() {
    let s = "Ruritania's regional government reported that 40 people were hurt.";
    let f = extract(s, Span::new(0, s.len()));
    let a = f.attribution_for(f.figures[0].span).map(|a| a.text.clone());
    assert_eq!(a.as_deref(), Some("Ruritania's regional government"));
}

/// A possessive belongs to the holder: "the port's authority", not "authority".
#[test]
fn possessive_stays_with_the_holder() {
    let s = "Nine ships were stranded, the harbour's office said.";
    let f = extract(s, Span::new(0, s.len()));
    assert_eq!(f.attributions[0].text, "the harbour's office");
}

/// Entities are capitalized runs.
#[test]
fn entities_are_capitalized_runs() {
    let s = "The minister met Lloyd Austin in Seoul.";
    let f = extract(s, Span::new(0, s.len()));
    assert_eq!(
        f.entities,
        vec!["Lloyd Austin".to_string(), "Seoul".to_string()]
    );
}

/// Numerals parse with their place of last significant digit.
#[test]
fn numeral_place() {
    assert_eq!(parse_numeral("2,500"), Some((2500.0, 100.0)));
    assert_eq!(parse_numeral("2,527"), Some((2527.0, 1.0)));
    assert_eq!(parse_numeral("1,2"), None);
}

/// The stem folds plurals and past forms.
#[test]
fn stems() {
    assert_eq!(stem("troops"), "troop");
    assert_eq!(stem("used"), "used");
    assert_eq!(stem("moved"), "mov");
    assert_eq!(stem("moved"), stem("move"));
    assert_eq!(stem("moving"), stem("move"));
    assert_eq!(canonical_word("used"), canonical_word("use"));
    assert_eq!(canonical_word("soldiers"), canonical_word("troops"));
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Fact extraction never panics, and every span lies inside the text on char boundaries.
        #[test]
        fn never_panics_spans_inside(s in "\\PC{0,200}") {
            let f = extract(&s, Span::new(0, s.len()));
            for x in &f.figures {
                prop_assert!(x.span.end <= s.len());
                prop_assert!(s.get(x.span.range()).is_some());
            }
        }

        /// A grouped numeral parses back to its value, with any qualifier.
        #[test]
        fn values_parse_back(n in 1u64..10_000_000_000, q in 0usize..4) {
            let digits = n.to_string();
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            let qual = ["", "about ", "more than ", "up to "][q];
            let s = format!("They counted {qual}{grouped} cars.");
            let f = extract(&s, Span::new(0, s.len()));
            let c: Vec<&Figure> = f.figures.iter().filter(|x| x.kind == Kind::Count || x.kind == Kind::Year).collect();
            prop_assert_eq!(c.len(), 1);
            prop_assert_eq!(c[0].value, n as f64);
        }
    }
}

/// A count of people in general compares with a count of some people; two different kinds
/// of people do not compare, and workers are employees.
#[test]
fn people_counts_compare_across_general_nouns() {
    assert_eq!(
        verdict("14 people died", "12 workers were killed"),
        Verdict::Conflict
    );
    assert_eq!(
        verdict("the blast claimed 14 lives", "14 people died"),
        Verdict::Agree
    );
    assert_eq!(
        verdict(
            "58 employees were inside",
            "more than 80 workers were on shift"
        ),
        Verdict::Conflict
    );
    assert_eq!(
        verdict("12 workers died", "40 firefighters came"),
        Verdict::Incomparable
    );
    assert_eq!(
        verdict("14 people died", "14 buildings burned"),
        Verdict::Incomparable
    );
}

/// A two-word outcome ("remains of") is read from its first word; that word alone before
/// a count is no outcome.
#[test]
fn two_word_outcomes_are_read_from_their_first_word() {
    assert_eq!(
        fig("they found the remains of 12 people")
            .outcome
            .as_deref(),
        Some("dead")
    );
    assert_eq!(fig("the hall remains 12 metres wide").outcome, None);
}

/// Counts of people with different outcomes are different quantities; the outcome is read
/// after the count, else before it.
#[test]
fn outcomes_separate_counts_of_people() {
    assert_eq!(
        fig("12 workers were killed").outcome.as_deref(),
        Some("dead")
    );
    assert_eq!(
        fig("the blast, killing 12 workers").outcome.as_deref(),
        Some("dead")
    );
    assert_eq!(
        fig("nearly 40 people were injured").outcome.as_deref(),
        Some("injured")
    );
    assert_eq!(fig("10,000 soldiers were sent").outcome, None);
    // The nearest outcome word wins.
    let both = figs("the quake killed 233 people and injured more than 1,200 others");
    assert_eq!(both[0].outcome.as_deref(), Some("dead"));
    assert_eq!(both[1].outcome.as_deref(), Some("injured"));
    assert_eq!(
        fig("the death toll rose to 235").outcome.as_deref(),
        Some("dead")
    );
    assert_eq!(
        verdict("14 people died", "nearly 40 people were injured"),
        Verdict::Incomparable
    );
    assert_eq!(
        verdict("14 people died", "12 workers were killed"),
        Verdict::Conflict
    );
    assert_eq!(
        verdict("14 people died", "14 people in the town"),
        Verdict::Agree
    );
}

/// Adverbs, negated exclusions and "too early to say" are graded too.
#[test]
fn more_likelihood_wordings() {
    assert_eq!(
        grade("the blast was almost certainly a dust explosion"),
        Some(4)
    );
    assert_eq!(grade("investigators have not ruled out any cause"), Some(2));
    assert_eq!(grade("arson has been ruled out"), Some(0));
    assert_eq!(grade("it was too early to say what caused it"), None);
    assert_eq!(grade("the cause remains under investigation"), None);
}

/// An adjective before the counted noun is not what is counted ("50 foreign divers").
#[test]
fn adjective_before_the_counted_noun() {
    assert_eq!(
        fig("They flew in 50 foreign divers.").noun.as_deref(),
        Some("divers")
    );
    // Looks like it, is not: a plural verb-like word after a plural noun stays out.
    assert_eq!(
        fig("About 12 workers remains unclear.").noun.as_deref(),
        Some("workers")
    );
    assert_eq!(
        fig("Some 40 people missing.").noun.as_deref(),
        Some("people")
    );
}

/// A plural demonym after a count counts people ("310 million Americans"); a demonym that
/// is no plural is an adjective ("30 Dutch divers" counts divers).
#[test]
fn a_plural_demonym_counts_people() {
    assert_eq!(
        fig("Thieves took the data of 310 million Americans.")
            .noun
            .as_deref(),
        Some("people")
    );
    assert_eq!(
        fig("There were 30 Dutch divers.").noun.as_deref(),
        Some("divers")
    );
    assert_eq!(
        fig("Some 310 million Americans voted.").noun.as_deref(),
        Some("people")
    );
}

/// "versus" compares two counts; it is not what either counts.
#[test]
fn versus_is_not_what_a_count_counts() {
    assert_eq!(fig("It was nine versus hundreds of deaths.").noun, None);
}

/// "or more" after the counted noun makes a lower bound, also after "as many as".
#[test]
fn or_more_after_the_noun_is_at_least() {
    assert_eq!(
        fig("as many as 70 villagers or more may have drowned").qualifier,
        Qualifier::AtLeast
    );
    assert_eq!(
        fig("some 70 villagers or more").qualifier,
        Qualifier::AtLeast
    );
    // Looks like it, is not: "or more" of something else later in the clause.
    assert_eq!(
        fig("as many as 70 villagers drowned, or more than in 2010").qualifier,
        Qualifier::AtMost
    );
}

/// A unit joined by a hyphen ("a 21-day ordeal") is the figure's unit, as in "21 days";
/// an age ("a 40-year-old") stays an age, and a range ("10-12 hours") no unit of its first
/// number.
#[test]
fn hyphenated_unit_is_the_unit() {
    let f = fig("The divers ended a 21-day ordeal.");
    assert_eq!(f.kind, Kind::Duration);
    assert_eq!(f.value, 21.0);
    assert_eq!(fig("Their 40-year-old guide waited.").kind, Kind::Age);
    // Looks like it, is not: a hyphen between two numbers is a range, whose unit follows it.
    let range = fig("The pause lasts 10-12 hours.");
    assert_eq!((range.kind, range.upper.is_some()), (Kind::Duration, true));
}

/// "rescued four of 12 boys": the part counts what the whole counts and takes what befell
/// it from before; the whole takes no outcome. "one of the four boys rescued" gives the part
/// no outcome of its own.
#[test]
fn a_part_of_a_whole_takes_its_own_outcome() {
    let f = figs("Divers rescued four of 12 boys from the mine.");
    assert_eq!(
        (f[0].value, f[0].outcome.as_deref()),
        (4.0, Some("rescued"))
    );
    assert_eq!(f[0].what.as_deref(), Some("boy"));
    assert_eq!((f[1].value, f[1].outcome.as_deref()), (12.0, None));
    // Looks like it, is not: the outcome after the whole is no part's.
    let g = figs("One of the four boys rescued is in hospital.");
    assert!(g.iter().all(|x| x.value != 1.0), "{g:?}");
    // Nor is a part ever the whole: 12 of the 40 passengers are no toll of 40.
    let h = figs("At least 12 of the 40 passengers died.");
    assert!(
        h.iter().all(|x| x.value != 40.0 || x.outcome.is_none()),
        "{h:?}"
    );
}

/// "12 boys and their coach" counts 13 people; a plural or a thing after "and their" adds
/// no one.
#[test]
fn a_companion_after_the_group_is_one_more() {
    let f = fig("All 12 boys and their football coach have been rescued.");
    assert_eq!(f.value, 13.0);
    assert_eq!(f.outcome.as_deref(), Some("rescued"));
    // Twelve boys and a coach are 13 people, not 13 boys.
    assert_eq!(f.what, Some(canonical_word("people")));
    assert_eq!(
        fig("The 12 boys and their parents were rescued.").value,
        12.0
    );
    assert_eq!(fig("The 12 boys and their bikes were found.").value, 12.0);
}

/// "six-and-a-half hours" and "2 and a half years" carry their half, and the figure
/// spans it.
#[test]
fn and_a_half_is_part_of_the_value() {
    let f = fig("The ferry crews worked for six-and-a-half hours.");
    assert_eq!(f.kind, Kind::Duration);
    assert_eq!(f.text, "six-and-a-half hours");
    assert!((f.value * 24.0 - 6.5).abs() < 1e-3, "{f:?}");
    let g = fig("The trial lasted 2 and a half years.");
    assert_eq!(g.text, "2 and a half years");
    assert!((g.value / 365.0 - 2.5).abs() < 1e-3, "{g:?}");
    // Looks like it, is not: a "half" joined to the next word is no half.
    let h = fig("The club has 12 players and a half-time coach.");
    assert_eq!(h.value, 12.0);
}

/// "the remains of three people" are dead and "whose whereabouts are unknown" missing;
/// "remains" as a verb says nothing of what befell anyone.
#[test]
fn remains_of_and_whereabouts_are_outcomes() {
    let f = fig("Searchers found the remains of three people in the ruins.");
    assert_eq!(f.outcome.as_deref(), Some("dead"));
    let g = fig("Officials listed 90 residents whose whereabouts are still unknown.");
    assert_eq!(g.outcome.as_deref(), Some("missing"));
    // Looks like it, is not: the verb "remains".
    let h = fig("The number of people in shelters remains 400 people.");
    assert_eq!(h.outcome, None);
}

/// A count that points back ("put the number at 75") counts what its sentence named
/// before it, past commas; not what a sentence named before another figure.
#[test]
fn a_figure_that_points_back_takes_the_outcome_named_before_it() {
    let f = figs("The sheriff raised the missing persons total on Friday, having put the number at 75 a day earlier.");
    let count = f.iter().find(|x| x.kind == Kind::Count);
    assert_eq!(
        count.and_then(|x| x.outcome.as_deref()),
        Some("missing"),
        "{f:?}"
    );
    // Looks like it, is not: another count stands before the pointer, whose outcome it is.
    let g = figs("Nine people died in the flood, and the figure at the shelter was 130.");
    assert_eq!(g.last().and_then(|x| x.outcome.clone()), None, "{g:?}");
}

/// "the rescue of three tired mine workers" tells what befell them and counts workers past two
/// describing words; the verb "rescue" before a count of rescuers does not.
#[test]
fn the_rescue_of_a_count_is_its_outcome() {
    let f = fig("Crowds cheered the rescue of three tired mine workers from the shaft.");
    assert_eq!(f.outcome.as_deref(), Some("rescued"));
    assert_eq!(f.noun.as_deref(), Some("workers"));
    // Looks like it, is not: "helped rescue" is no rescue of the divers counted.
    let g = fig("The 40 navy divers who helped rescue the miners left the mine.");
    assert_eq!(g.outcome, None);
}

/// A percentage or amount near a company's shares measures the stock; two such moves that
/// differ are set against each other, a vote's share is not.
#[test]
fn shares_and_stock_name_what_a_percentage_measures() {
    let f = fig("The ruling sent shares of Brightco (BRC) down nearly 9% in late trading.");
    assert_eq!(f.frame.measure.as_deref(), Some("stock"));
    let g = fig("The stock slid 11 percent in after-hours trading.");
    assert_eq!(g.frame.measure.as_deref(), Some("stock"));
    assert_eq!(
        verdict("The stock slid 11 percent.", "Shares fell nearly 9%."),
        Verdict::Conflict
    );
    // Looks like it, is not: a share of the vote.
    let h = fig("The party won a 40% share of the vote.");
    assert_ne!(h.frame.measure.as_deref(), Some("stock"));
    // Nor past a bracket long enough to be a clause of its own.
    let i = fig("Its shares (which had risen all week on hopes of a deal) were 9% of the total.");
    assert_eq!(i.frame.measure, None);
}

/// "had grown to 71 Friday night": a day's name after a count ends what it counts; the
/// count counts no "night" and stays comparable with a count of people.
#[test]
fn a_days_name_ends_the_counted_noun() {
    let f = fig("The toll had grown to 71 Friday night.");
    assert_eq!(f.what, None);
    assert!(comparable(&f, &fig("71 people died.")));
    // A capitalized name that is no day is passed over, as before.
    assert_eq!(
        fig("40 Dutch divers joined.").what.as_deref(),
        Some("diver")
    );
}

/// "thousands and thousands of homes" is one vague figure told with emphasis, not two;
/// "hundreds and thousands" names two magnitudes and keeps both.
#[test]
fn an_emphatic_repeat_is_one_figure() {
    let f = figs("The flood took thousands and thousands of homes.");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].qualifier, Qualifier::Vague);
    let g = figs("The flood took hundreds and thousands of homes.");
    assert_eq!(g.len(), 2, "{g:#?}");
}

/// "one of the nine miners freed from the shaft is in hospital": the outcome word after the
/// whole, with the sentence's verb after it, describes the whole; "three of the nine
/// miners died" (the part's verb) and "three of the nine miners freed" (no verb after)
/// give the whole none.
#[test]
fn an_outcome_before_the_verb_describes_the_whole() {
    let f = figs("One of the nine miners rescued from the shaft is in hospital.");
    let whole = f.iter().find(|x| x.value == 9.0).expect("the whole");
    assert_eq!(whole.outcome.as_deref(), Some("rescued"));
    let g = figs("Three of the 19 miners died in the shaft.");
    assert!(
        g.iter().all(|x| x.value != 19.0 || x.outcome.is_none()),
        "{g:?}"
    );
    let h = figs("Divers brought up three of the 19 miners rescued so far.");
    assert!(
        h.iter().all(|x| x.value != 19.0 || x.outcome.is_none()),
        "{h:?}"
    );
}

/// "40 sailors, but the union says that figure could be as high as 55": the count that
/// points back with a demonstrative counts what the count before it counts; "the figure at
/// the shelter" opens a figure of its own and takes nothing.
#[test]
fn that_figure_counts_what_the_count_before_it_counts() {
    let f = figs("Officials put the crew at 40 sailors, but the union says that figure could be as high as 55.");
    let high = f.iter().find(|x| x.value == 55.0).expect("55");
    assert_eq!(high.what.as_deref(), Some("sailor"));
    assert!(comparable(high, &fig("The crew was 40 sailors.")));
    let g = figs("Officials counted 40 sailors, and the figure at the shelter was 55.");
    let other = g.iter().find(|x| x.value == 55.0).expect("55");
    assert_eq!(other.what, None);
}

/// Figures open where a value can start: a number word, "a" before one, a numeral after a
/// currency sign, a capitalized month; words that merely look like numbers ("someone",
/// "tone", "a" before no number word) open none.
#[test]
fn figures_open_only_where_a_value_can_start() {
    let texts: Vec<String> = [
        "Dozens of homes burned.",
        "A dozen roads closed.",
        "It cost $5 million.",
        "The vote was on October 30, 2024.",
        "someone heard a tone, and a loud one.",
    ]
    .iter()
    .map(|s| {
        figs(s)
            .iter()
            .map(|f| f.text.clone())
            .collect::<Vec<_>>()
            .join("|")
    })
    .collect();
    assert_eq!(
        texts,
        ["Dozens", "A dozen", "$5 million", "October 30, 2024", ""]
    );
}
