//! The keys of the speakers, quote variants and "only here" views, and the keys that open
//! them and reorder the sources: kept apart from the main table so these views read as
//! one block (and their help lines say what a key does in them).

use super::defaults::bind;
use super::{Binding, Key, Mode};
use crate::tui::action::Action;
use ratatui::crossterm::event::KeyCode as K;

const VIEWS: &[Mode] = &[Mode::Speakers, Mode::Variants, Mode::OnlyHere];
const SPEAKERS: &[Mode] = &[Mode::Speakers];
const VARIANTS: &[Mode] = &[Mode::Variants];
const ONLY: &[Mode] = &[Mode::OnlyHere];

/// What every one of the three views shares: leaving, help, moving.
fn common() -> Vec<Binding> {
    vec![
        bind(
            VIEWS,
            &[Key::ch('q')],
            Action::BackOrQuit,
            "back one level",
            None,
        ),
        bind(
            VIEWS,
            &[Key::ch('Q'), Key::ctrl('c')],
            Action::Quit,
            "quit (in a text field, Ctrl-c closes it)",
            Some("quit"),
        ),
        bind(
            VIEWS,
            &[Key::ch('?')],
            Action::Help,
            "show / hide this help",
            Some("help"),
        ),
        bind(
            VIEWS,
            &[Key::code(K::Esc)],
            Action::Back,
            "back: close the list, clear the search, leave the view",
            Some("back"),
        ),
        bind(
            VIEWS,
            &[Key::ch('j'), Key::code(K::Down)],
            Action::Down,
            "next row",
            None,
        ),
        bind(
            VIEWS,
            &[Key::ch('k'), Key::code(K::Up)],
            Action::Up,
            "previous row",
            None,
        ),
        bind(
            VIEWS,
            &[Key::code(K::PageDown), Key::ch(' ')],
            Action::PageDown,
            "rows down",
            None,
        ),
        bind(
            VIEWS,
            &[Key::ctrl('d')],
            Action::HalfPageDown,
            "rows down",
            None,
        ),
        bind(
            VIEWS,
            &[Key::code(K::PageUp), Key::ch('b')],
            Action::PageUp,
            "rows up",
            None,
        ),
        bind(
            VIEWS,
            &[Key::ctrl('u')],
            Action::HalfPageUp,
            "rows up",
            None,
        ),
        bind(
            VIEWS,
            &[Key::ch('g'), Key::code(K::Home)],
            Action::Top,
            "first row",
            None,
        ),
        bind(
            VIEWS,
            &[Key::ch('G'), Key::code(K::End)],
            Action::Bottom,
            "last row",
            None,
        ),
        bind(
            VIEWS,
            &[Key::ch('"'), Key::ctrl('f')],
            Action::Finder,
            "find a quote (or any sentence) in the dossier",
            None,
        ),
        bind(
            VIEWS,
            &[Key::ch('!')],
            Action::LastMessage,
            "show the last message in full",
            None,
        ),
        bind(
            VIEWS,
            &[Key::ctrl('z')],
            Action::Suspend,
            "suspend to the shell (fg resumes)",
            None,
        ),
    ]
}

/// The keys of each view, and those that open them.
pub(super) fn bindings() -> Vec<Binding> {
    use Mode as M;
    let mut b = vec![
        bind(
            &[M::Sources, M::Article, M::Compare, M::Matrix, M::Figures],
            &[Key::ch('w')],
            Action::Speakers,
            "speakers: who is quoted, and by which outlet",
            None,
        ),
        bind(
            &[M::Sources, M::Article, M::Compare, M::Speakers],
            &[Key::ch('V'), Key::ctrl('v')],
            Action::Variants,
            "the quote here as each outlet rendered it",
            None,
        ),
        bind(
            &[M::Finder],
            &[Key::ctrl('v')],
            Action::Variants,
            "the quote as each outlet rendered it",
            None,
        ),
        bind(
            &[M::Sources, M::Article],
            &[Key::ch('O')],
            Action::OnlyHere,
            "only here: what no other outlet reports",
            None,
        ),
        bind(
            &[M::Sources, M::Article],
            &[Key::ch('t')],
            Action::SourceOrder,
            "order the sources by publication time / file",
            None,
        ),
        bind(
            SPEAKERS,
            &[Key::code(K::Enter)],
            Action::Open,
            "list the speaker's quotes; on a quote, open its passage",
            Some("quotes"),
        ),
        bind(
            SPEAKERS,
            &[Key::ch('/')],
            Action::SearchStart,
            "search the speakers (name, alias, role)",
            Some("search"),
        ),
        bind(
            SPEAKERS,
            &[Key::ch('h'), Key::code(K::Left)],
            Action::Left,
            "outlet columns to the left",
            None,
        ),
        bind(
            SPEAKERS,
            &[Key::ch('l'), Key::code(K::Right)],
            Action::Right,
            "outlet columns to the right",
            Some("outlets"),
        ),
        bind(
            VARIANTS,
            &[Key::code(K::Enter)],
            Action::Open,
            "open the rendering's passage in its article",
            Some("open"),
        ),
        bind(
            VARIANTS,
            &[Key::ch('l'), Key::code(K::Right), Key::code(K::Tab)],
            Action::Right,
            "next rendering",
            Some("rendering"),
        ),
        bind(
            VARIANTS,
            &[Key::ch('h'), Key::code(K::Left)],
            Action::Left,
            "previous rendering",
            None,
        ),
        bind(
            ONLY,
            &[Key::code(K::Enter)],
            Action::Open,
            "open the claim's passage in its article",
            Some("open"),
        ),
        bind(
            ONLY,
            &[Key::ch('x')],
            Action::Clip,
            "clip the claim",
            Some("clip"),
        ),
        bind(
            ONLY,
            &[Key::ch('l'), Key::code(K::Right)],
            Action::Right,
            "next source",
            Some("source"),
        ),
        bind(
            ONLY,
            &[Key::ch('h'), Key::code(K::Left)],
            Action::Left,
            "previous source",
            None,
        ),
    ];
    b.extend(common());
    b
}
