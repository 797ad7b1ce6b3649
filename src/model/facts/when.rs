//! When a figure was true: the day its sentence names ("rose to 29 on Sunday", "by June 23",
//! "yesterday"), resolved against the article's date, else the article's own update or
//! publication stamp. A figure a page states with no day of its own is as of that page.

use super::tokens::{Tok, Token};
use crate::model::Span;
use jiff::civil::Date;

pub use crate::model::date::Day;

/// Days a calendar date without its year may fall after the article's date and still be
/// this year's (a date a week ahead is a plan, further is last year's).
const AHEAD: i64 = 7;

/// Every day named in `toks`, with the token span that names it.
pub fn days(toks: &[Token]) -> Vec<(Span, Day)> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != Tok::Word {
            continue;
        }
        if let Some((day, at)) = crate::model::date::day_at(toks, i) {
            let span = Span::new(toks[at.start].span.start, toks[at.end - 1].span.end);
            out.push((span, day));
            continue;
        }
        let back = match t.lower.as_str() {
            "today" | "tonight" => Some(0),
            "yesterday" => Some(1),
            "night" if i > 0 && toks[i - 1].lower == "last" => Some(1),
            _ => None,
        };
        if let Some(b) = back {
            // "last night" is named by both words.
            let start = if b == 1 && t.lower == "night" {
                toks[i - 1].span.start
            } else {
                t.span.start
            };
            out.push((Span::new(start, t.span.end), Day::Back(b)));
        }
    }
    out
}

/// The date part of an ISO stamp ("2018-11-12T09:30-08:00" -> 2018-11-12).
fn date_of(iso: &str) -> Option<Date> {
    crate::model::date::parse_iso(iso).map(|s| s.date)
}

/// The calendar date of `day` for an article dated `reference` (ISO): a weekday is the
/// latest such day on or before it (news tells what happened), a date without a year is in
/// the reference's year unless that puts it more than a week ahead.
pub fn resolve(day: Day, reference: Option<&str>) -> Option<Date> {
    let r = reference.and_then(date_of);
    match day {
        Day::Calendar(m, d, Some(y)) => Date::new(y, m, d).ok(),
        Day::Calendar(m, d, None) => {
            let r = r?;
            let this = Date::new(r.year(), m, d).ok()?;
            let ahead = r.checked_add(jiff::Span::new().days(AHEAD)).ok()?;
            if this > ahead {
                Date::new(r.year() - 1, m, d).ok()
            } else {
                Some(this)
            }
        }
        Day::Weekday(w) => {
            let r = r?;
            let back = (r.weekday().to_monday_zero_offset() - w).rem_euclid(7);
            r.checked_sub(jiff::Span::new().days(i64::from(back))).ok()
        }
        Day::Back(n) => r?.checked_sub(jiff::Span::new().days(n)).ok(),
    }
}

/// When the figure at `figure` was true, ISO 8601: the day named nearest to it in its
/// clause (`toks` cover its sentence), resolved against the article's date; else the
/// article's update stamp, else its publication date; else none.
pub fn as_of(
    toks: &[Token],
    clause: Span,
    figure: Span,
    published: Option<&str>,
    updated: Option<&str>,
) -> Option<String> {
    // A day is counted from the page's first date: an update stamp says when the page
    // changed, not what "Sunday" meant to its reporter.
    let reference = published.or(updated);
    match named_day(toks, clause, figure) {
        Some((_, day)) => resolve(day, reference).map(|d| d.to_string()),
        None => updated.or(published).map(str::to_string),
    }
}

/// The day named nearest to the figure at `figure` within its clause, with the span that
/// names it ("on Sunday", "June 23"), whether or not the article's date resolves it.
pub fn named_day(toks: &[Token], clause: Span, figure: Span) -> Option<(Span, Day)> {
    let named = days(toks);
    let dist = |s: &Span| {
        if s.end <= figure.start {
            figure.start - s.end
        } else {
            s.start.saturating_sub(figure.end)
        }
    };
    let inside = |s: &Span| s.start >= clause.start && s.end <= clause.end;
    // Only a day in the figure's own clause: elsewhere in the sentence a day most often
    // dates another event ("climbed to 12, ten days after the gale struck on May 3": on
    // the dev dossiers every such day outside the clause was the storm's or the visit's).
    named
        .into_iter()
        .filter(|(s, _)| inside(s))
        .min_by_key(|(s, _)| dist(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::facts::tokens::lex;

    #[track_caller]
    fn when(
        s: &str,
        figure: &str,
        published: Option<&str>,
        updated: Option<&str>,
    ) -> Option<String> {
        let all = Span::new(0, s.len());
        let at = s.find(figure).expect("figure in fixture");
        let toks = lex(s, all);
        as_of(
            &toks,
            all,
            Span::new(at, at + figure.len()),
            published,
            updated,
        )
    }

    /// The day a clause names is found as written ("last night", "Sunday") also where no
    /// article date resolves it; a day outside the figure's clause is not its day.
    #[test]
    fn day_named_as_written_without_a_date() {
        let named = |s: &str, figure: &str, clause: &str| {
            let at = s.find(figure).expect("figure in fixture");
            let c = s.find(clause).expect("clause in fixture");
            let toks = lex(s, Span::new(0, s.len()));
            named_day(
                &toks,
                Span::new(c, c + clause.len()),
                Span::new(at, at + figure.len()),
            )
            .map(|(sp, _)| s[sp.range()].to_string())
        };
        let s = "The toll rose to 29 last night, officials said.";
        assert_eq!(named(s, "29", s).as_deref(), Some("last night"));
        assert_eq!(when(s, "29", None, None), None);
        let s = "The count climbed to 12, ten days after the gale struck on Sunday.";
        assert_eq!(named(s, "12", "The count climbed to 12"), None);
    }

    /// A weekday is the latest such day on or before the article's date.
    #[test]
    fn weekday_resolves_to_the_day_before_the_article() {
        // 2021-03-10 is a Wednesday.
        let s = "The toll rose to 29 on Sunday, officials said.";
        assert_eq!(
            when(s, "29", Some("2021-03-10"), None).as_deref(),
            Some("2021-03-07")
        );
        let t = "The toll rose to 29 on Wednesday.";
        assert_eq!(
            when(t, "29", Some("2021-03-10"), None).as_deref(),
            Some("2021-03-10")
        );
    }

    /// A month and day take the article's year; one far ahead of it is last year's.
    #[test]
    fn month_day_takes_the_article_year() {
        let s = "They were cut off on June 23 with 12 people inside.";
        assert_eq!(
            when(s, "12", Some("2019-07-10"), None).as_deref(),
            Some("2019-06-23")
        );
        let t = "By 30 December, 40 homes had burned.";
        assert_eq!(
            when(t, "40", Some("2020-01-04"), None).as_deref(),
            Some("2019-12-30")
        );
        let u = "On Sept. 20, 2016, 40 homes burned.";
        assert_eq!(
            when(u, "40", Some("2020-01-04"), None).as_deref(),
            Some("2016-09-20")
        );
    }

    /// "yesterday" is the day before the article's date.
    #[test]
    fn yesterday_is_the_day_before() {
        let s = "Yesterday 14 people were rescued.";
        assert_eq!(
            when(s, "14", Some("2021-03-01"), None).as_deref(),
            Some("2021-02-28")
        );
    }

    /// With no day of its own, a figure is as of the page's update stamp, else its date;
    /// with neither, unknown.
    #[test]
    fn no_day_falls_back_to_the_page_stamps() {
        let s = "At least 14 people died.";
        let upd = Some("2021-03-02T10:15+00:00");
        assert_eq!(when(s, "14", Some("2021-03-01"), upd).as_deref(), upd);
        assert_eq!(
            when(s, "14", Some("2021-03-01"), None).as_deref(),
            Some("2021-03-01")
        );
        assert_eq!(when(s, "14", None, None), None);
    }

    /// A weekday without an article date cannot be placed: unknown, not a guess.
    #[test]
    fn weekday_without_a_date_is_unknown() {
        assert_eq!(when("On Monday 14 people died.", "14", None, None), None);
    }

    /// A day outside the figure's clause dates something else: the page's date is used.
    #[test]
    fn a_day_outside_the_clause_is_another_events() {
        let s = "The count climbed to 12, ten days after the gale struck on May 3.";
        let toks = lex(s, Span::new(0, s.len()));
        let at = s.find("12").expect("figure");
        let clause = Span::new(0, at + 2);
        let got = as_of(
            &toks,
            clause,
            Span::new(at, at + 2),
            Some("2017-10-04"),
            None,
        );
        assert_eq!(got.as_deref(), Some("2017-10-04"));
    }

    /// The day nearest the figure in its clause wins over one elsewhere in the sentence.
    #[test]
    fn nearest_day_in_the_clause() {
        // 2021-03-10 is a Wednesday.
        let s = "On Monday the toll was 12, and by Tuesday it was 20.";
        assert_eq!(
            when(s, "20", Some("2021-03-10"), None).as_deref(),
            Some("2021-03-09")
        );
    }
}
