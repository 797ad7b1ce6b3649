//! The help overlay's lines as data, generated from the key table: the current view's
//! keys first, then each other mode's keys not listed already, then the marks of the
//! compare view. The view styles them; the app counts them to scroll.

use super::{action_name, Keymap, Mode};
use crate::tui::app::Mark;

/// One line of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A section's title.
    Title(String),
    /// Keys, what they do, and the action's name in `config.toml`.
    Key {
        keys: String,
        what: &'static str,
        name: String,
    },
    /// A mark of the compare view and what it means.
    Mark(Mark, &'static str),
    Blank,
}

/// The modes in the order the help lists them after the current one.
pub(super) const ORDER: [Mode; 19] = [
    Mode::Sources,
    Mode::Article,
    Mode::Compare,
    Mode::Matrix,
    Mode::Figures,
    Mode::Speakers,
    Mode::Variants,
    Mode::OnlyHere,
    Mode::Search,
    Mode::Pick,
    Mode::Finder,
    Mode::Visual,
    Mode::Clippings,
    Mode::Note,
    Mode::Export,
    Mode::Correct,
    Mode::Confirm,
    Mode::Help,
    Mode::Message,
];

/// What the compare view's marks mean.
const MARKS: [(Mark, &str); 3] = [
    (
        Mark::Conflict,
        "conflicting: the other source gives a different figure",
    ),
    (Mark::Agree, "corroborated: the other source reports it too"),
    (Mark::Only, "only here: the other source does not report it"),
];

/// The help for a reader in mode `current`, keeping only the lines that contain
/// `filter` (case-insensitive) when there is one.
pub fn lines(km: &Keymap, current: Mode, filter: Option<&str>) -> Vec<HelpLine> {
    let filter = filter.map(str::to_lowercase);
    let keep = |parts: &[&str]| {
        filter
            .as_deref()
            .is_none_or(|f| parts.iter().any(|p| p.to_lowercase().contains(f)))
    };
    let mut out = Vec::new();
    let mut shown: Vec<(String, String, &str)> = Vec::new();
    let modes = std::iter::once(current).chain(ORDER.into_iter().filter(|&m| m != current));
    for mode in modes {
        let mut rows = Vec::new();
        for b in km.bindings.iter().filter(|b| b.modes.contains(&mode)) {
            if b.keys.is_empty() {
                continue;
            }
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            let id = (keys.join(" "), action_name(&b.action), b.help);
            // Other modes list what the sections above have not (quit, help…); the
            // same key doing something else there ("Enter: save the note") is listed.
            if mode != current && shown.contains(&id) {
                continue;
            }
            shown.push(id.clone());
            if keep(&[&id.0, b.help, &id.1]) {
                rows.push(HelpLine::Key {
                    keys: id.0,
                    what: b.help,
                    name: id.1,
                });
            }
        }
        if rows.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(HelpLine::Blank);
        }
        let title = if mode == current {
            format!("{} (this view)", mode.label())
        } else {
            mode.label().to_string()
        };
        out.push(HelpLine::Title(title));
        out.append(&mut rows);
    }
    let marks: Vec<HelpLine> = MARKS
        .iter()
        .filter(|(m, what)| keep(&[m.marker(), what]))
        .map(|&(m, what)| HelpLine::Mark(m, what))
        .collect();
    if !marks.is_empty() {
        if !out.is_empty() {
            out.push(HelpLine::Blank);
        }
        out.push(HelpLine::Title("MARKS IN COMPARE".into()));
        out.extend(marks);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(l: &[HelpLine]) -> Vec<&str> {
        l.iter()
            .filter_map(|l| match l {
                HelpLine::Title(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    fn names(l: &[HelpLine]) -> Vec<&str> {
        l.iter()
            .filter_map(|l| match l {
                HelpLine::Key { name, .. } => Some(name.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The current view's keys come first, titled as such; the sources' follow.
    #[test]
    fn current_view_first() {
        let l = lines(&Keymap::default(), Mode::Compare, None);
        let t = titles(&l);
        assert_eq!(t[0], "COMPARE (this view)");
        assert_eq!(t[1], "SOURCES");
        assert_eq!(t.last(), Some(&"MARKS IN COMPARE"));
        let first: Vec<&str> = names(&l[..l.iter().position(|x| x == &HelpLine::Blank).unwrap()]);
        assert!(first.contains(&"next_conflict") && first.contains(&"search_start"));
    }

    /// Every mode the key table binds keys in has its section in the help.
    #[test]
    fn every_mode_is_listed() {
        for (mode, rows) in Keymap::default().help() {
            assert!(rows.is_empty() || ORDER.contains(&mode), "{mode:?}");
        }
    }

    /// A key listed in an earlier section is not repeated in every later one.
    #[test]
    fn shared_keys_listed_once() {
        let l = lines(&Keymap::default(), Mode::Article, None);
        let quits = names(&l).iter().filter(|n| **n == "quit").count();
        assert_eq!(quits, 1);
    }

    /// A filter keeps the lines whose keys, words or action name contain it, and the
    /// titles of their sections only; a filter that matches nothing leaves nothing.
    #[test]
    fn filter_keeps_matching_lines() {
        let km = Keymap::default();
        let l = lines(&km, Mode::Sources, Some("CONFLICT"));
        assert!(names(&l).contains(&"next_conflict"));
        assert!(!names(&l).contains(&"quit"));
        let notes = lines(&km, Mode::Matrix, Some("note"));
        assert!(notes.contains(&HelpLine::Key {
            keys: "Enter".into(),
            what: "save the note",
            name: "open".into()
        }));
        assert!(l.contains(&HelpLine::Mark(Mark::Conflict, MARKS[0].1)));
        assert_eq!(titles(&l), ["COMPARE", "MARKS IN COMPARE"]);
        assert!(lines(&km, Mode::Sources, Some("zzzz")).is_empty());
    }
}
