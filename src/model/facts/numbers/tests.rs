//! Values with their units as written: ranges and their scales.

use crate::model::facts::tests::{fig, verdict};
use crate::model::facts::{Kind, Verdict};

/// "6-8 hours" is one duration from six to eight hours, not six hours.
#[test]
fn dashed_range_is_one_figure_with_its_top() {
    let f = fig("The pumps will run for 6-8 hours.");
    assert_eq!(f.kind, Kind::Duration);
    assert_eq!(f.text, "6-8 hours");
    let hours = f.value / 6.0;
    assert!((f.upper.unwrap_or(0.0) / hours - 8.0).abs() < 1e-6);
}

/// "$20-35bn": the scale written once on the top is the bottom's too.
#[test]
fn range_scale_written_once_applies_to_both_ends() {
    let f = fig("Insurers put the losses at $20-35bn.");
    assert_eq!((f.kind, f.value, f.upper), (Kind::Money, 20e9, Some(35e9)));
    assert_eq!(f.unit.as_deref(), Some("USD"));
}

/// An en dash joins a range as a hyphen does.
#[test]
fn en_dash_range() {
    let f = fig("between meals of 300–450 grams");
    assert_eq!(f.upper.map(|u| u.round()), Some(450.0));
}

/// A tally whose second number is the smaller ("won 4-1") is no range.
#[test]
fn score_is_not_a_range() {
    let f = fig("The visitors won 4-1 on Friday.");
    assert_eq!((f.value, f.upper), (4.0, None));
}

/// "11-14 March" spans days of a month: a date, not a count.
#[test]
fn range_of_days_before_a_month_is_a_date() {
    assert_eq!(fig("The fair runs 11-14 March.").kind, Kind::Date);
}

/// A figure outside a range conflicts with it; one inside agrees.
#[test]
fn figure_outside_a_range_conflicts() {
    let range = "the storm caused $20-35bn in damage";
    assert_eq!(
        verdict(range, "the storm caused $50bn in damage"),
        Verdict::Conflict
    );
    assert_eq!(
        verdict(range, "the storm caused $30bn in damage"),
        Verdict::Agree
    );
    assert_eq!(
        verdict("the storm caused $50bn in damage", range),
        Verdict::Conflict
    );
}

/// Two ranges that share a bottom but not a top are two statements.
#[test]
fn ranges_with_different_tops_conflict() {
    let a = "The pumps will run for 6-8 hours.";
    assert_eq!(
        verdict(a, "The pumps will run for 6-14 hours."),
        Verdict::Conflict
    );
    assert_eq!(verdict(a, "Pumps to run for 6-8 hours."), Verdict::Agree);
}

/// A lower bound that reaches into a range does not conflict with it.
#[test]
fn bound_reaching_into_a_range_agrees() {
    let range = "the storm caused $20-35bn in damage";
    let bound = |v: &str| format!("the storm caused more than ${v}bn in damage");
    assert_eq!(verdict(range, &bound("25")), Verdict::Agree);
    assert_eq!(verdict(range, &bound("60")), Verdict::Conflict);
}

/// "the million-euro mark": a currency joined by a hyphen is the amount's currency.
#[test]
fn hyphenated_currency_is_money() {
    let f = fig("Gifts passed the million-euro mark on Friday.");
    assert_eq!((f.kind, f.value), (Kind::Money, 1e6));
    assert_eq!(f.unit.as_deref(), Some("EUR"));
    // Looks like it, is not: a hyphenated unit that is no currency stays its own unit.
    assert_eq!(fig("a 12-mile queue").kind, Kind::Length);
}

/// "winds of 120mph" is a speed in km/h, a unit glued or apart; it agrees with the same
/// speed in km/h and is never a count of "mph".
#[test]
fn miles_an_hour_is_a_speed() {
    let f = fig("The storm brought winds over 120mph to the coast.");
    assert_eq!(f.kind, Kind::Speed);
    assert_eq!(f.unit.as_deref(), Some("km/h"));
    assert_eq!(f.frame.measure.as_deref(), Some("wind"));
    let g = fig("sustained winds of 120 mph");
    assert_eq!((g.kind, g.what.clone()), (Kind::Speed, None));
    assert_eq!(
        verdict("winds of 120 mph", "winds of 193 kph"),
        Verdict::Agree
    );
    // Looks like it, is not: a count of things beside winds is no speed.
    assert_eq!(fig("Winds felled 120 trees.").kind, Kind::Count);
}
