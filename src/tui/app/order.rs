//! The source list's order: the files' order, or publication time (`t` toggles), with
//! undated sources last. The selection stays on its article; moving follows the order
//! shown.

use super::App;
use crate::model::{ArticleId, Dossier};
use crate::tui::action::Action;
use std::sync::Arc;

/// An article's publication time in seconds (UTC), from its ISO 8601 `date`: with its
/// offset when stated, else read as UTC; a date alone is its midnight, so it comes before
/// the timed articles of its day.
fn published(date: &str) -> Option<i64> {
    if let Ok(t) = date.parse::<jiff::Timestamp>() {
        return Some(t.as_second());
    }
    let dt = date.parse::<jiff::civil::DateTime>().ok()?;
    let z = dt.to_zoned(jiff::tz::TimeZone::UTC).ok()?;
    Some(z.timestamp().as_second())
}

/// The articles by publication time, undated ones last, each in file order among equals.
pub fn by_time(d: &Dossier) -> Vec<ArticleId> {
    let mut ids: Vec<(Option<i64>, ArticleId)> = d
        .articles
        .iter()
        .map(|a| (a.meta.date.as_deref().and_then(published), a.id))
        .collect();
    ids.sort_by_key(|&(t, id)| (t.is_none(), t, id));
    ids.into_iter().map(|(_, id)| id).collect()
}

impl App {
    /// The articles in the order the source list shows them.
    pub fn source_order(&self) -> Arc<Vec<ArticleId>> {
        let key = (super::memo::Identity::of(&self.dossier), self.by_time);
        self.order.get(key, || {
            if self.by_time {
                by_time(&self.dossier)
            } else {
                self.dossier.articles.iter().map(|a| a.id).collect()
            }
        })
    }

    /// The row of the source list the selected article is on.
    pub fn source_row(&self) -> usize {
        if !self.by_time {
            return self.selected;
        }
        let order = self.source_order();
        order.iter().position(|a| a.0 == self.selected).unwrap_or(0)
    }

    /// The article on row `row` of the source list.
    pub fn source_on_row(&self, row: usize) -> Option<ArticleId> {
        self.source_order().get(row).copied()
    }

    /// Move the selection in the order shown (Down, Up, Top, Bottom).
    pub(super) fn step_source(&mut self, a: &Action) {
        let n = self.dossier.articles.len();
        let row = self.source_row();
        let to = match a {
            Action::Down => (row + 1).min(n.saturating_sub(1)),
            Action::Up => row.saturating_sub(1),
            Action::Top => 0,
            Action::Bottom => n.saturating_sub(1),
            _ => row,
        };
        if let Some(id) = self.source_on_row(to) {
            self.selected = id.0;
        }
    }

    /// t: order the sources by publication time, or back to file order.
    pub(super) fn toggle_order(&mut self) {
        self.by_time = !self.by_time;
        self.message = Some(if self.by_time {
            "sources by time, undated last (t: file order)".into()
        } else {
            "sources in file order (t: by time)".into()
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action as A;
    use crate::tui::app::Focus;
    use crate::tui::fixtures::{self, apply};

    /// Times with an offset compare in UTC; a date alone is its midnight; junk is no time.
    #[test]
    fn publication_times_compare_across_offsets() {
        assert!(published("2031-05-06T09:15+02:00") < published("2031-05-06T08:00"));
        assert!(published("2031-05-06") < published("2031-05-06T00:01"));
        assert_eq!(published("last Tuesday"), None);
    }

    /// By time: the earlier article first, the undated one last; j follows the order
    /// shown, and t brings file order back with the selection kept.
    #[test]
    fn t_orders_by_time_and_back() {
        let mut app = fixtures::harbour_app(120, 40);
        apply(&mut app, [A::SourceOrder]);
        let order: Vec<usize> = app.source_order().iter().map(|a| a.0).collect();
        assert_eq!(order, [1, 0, 2]);
        apply(&mut app, [A::Top]);
        assert_eq!(app.selected, 1);
        apply(&mut app, [A::Down]);
        assert_eq!((app.selected, app.source_row()), (0, 1));
        apply(&mut app, [A::SourceOrder]);
        assert_eq!((app.selected, app.source_row()), (0, 0));
        assert_eq!(app.focus, Focus::Sources);
    }
}
