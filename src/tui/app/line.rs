//! Line editing shared by every text input of the reader (search, finder, clipping note,
//! export path): typing, Backspace, and the readline habits Ctrl-u and Ctrl-w.
//!
//! The inputs have no cursor: every edit happens at the end of the line.

use crate::tui::action::Action;

/// Apply an editing action to `line`; false when `a` edits no line (the input handles it).
pub(super) fn edit(line: &mut String, a: &Action) -> bool {
    match a {
        Action::SearchChar(c) => line.push(*c),
        Action::SearchBackspace => {
            line.pop();
        }
        Action::ClearLine => line.clear(),
        Action::DeleteWord => delete_word(line),
        _ => return false,
    }
    true
}

/// Delete the last word and the blanks after it (readline's Ctrl-w). A slash also ends a
/// word, so that in a path Ctrl-w takes one folder at a time.
fn delete_word(line: &mut String) {
    let sep = |c: char| c.is_whitespace() || c == '/';
    let kept = line
        .trim_end_matches(sep)
        .trim_end_matches(|c: char| !sep(c))
        .len();
    line.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ctrl-w takes the last word with the blanks after it, or one folder of a path.
    #[test]
    fn delete_word_as_readline() {
        for (before, after) in [
            ("troops in the", "troops in "),
            ("troops in   ", "troops "),
            ("troops", ""),
            ("", ""),
            ("   ", ""),
            ("~/notes/out.md", "~/notes/"),
            ("~/notes/", "~/"),
            ("東京 “quote”", "東京 "),
        ] {
            let mut line = before.to_string();
            assert!(edit(&mut line, &Action::DeleteWord));
            assert_eq!(line, after, "Ctrl-w on {before:?}");
        }
    }

    /// Typing appends, Backspace takes one character (not one byte), Ctrl-u clears, and
    /// other actions leave the line to the input.
    #[test]
    fn edits_at_the_end() {
        let mut line = String::from("é");
        assert!(edit(&mut line, &Action::SearchChar('x')));
        assert_eq!(line, "éx");
        edit(&mut line, &Action::SearchBackspace);
        edit(&mut line, &Action::SearchBackspace);
        assert_eq!(line, "");
        edit(&mut line, &Action::SearchBackspace);
        line.push_str("out.md");
        assert!(edit(&mut line, &Action::ClearLine));
        assert_eq!(line, "");
        line.push('a');
        assert!(!edit(&mut line, &Action::Open));
        assert_eq!(line, "a");
    }

    /// In every input (export path, finder, clipping note, search), Ctrl-w and Ctrl-u
    /// as the keymap reads them edit the line; Ctrl-u still pages up when reading.
    #[test]
    fn every_input_takes_ctrl_w_and_ctrl_u() {
        use crate::tui::app::{App, Overlay};
        use crate::tui::fixtures::{apply, type_text};
        use crate::tui::keymap::Mode;
        use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

        fn ctrl(app: &mut App, c: char) {
            let ev = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
            let a = app.keymap.resolve(app.mode(), &ev);
            let a = a.unwrap_or_else(|| panic!("Ctrl-{c} is unbound in {:?}", app.mode()));
            app.update(a);
        }
        let line = |app: &App| match &app.overlay {
            Some(Overlay::Export(d)) => d.path.clone(),
            Some(Overlay::Note { text, .. }) => text.clone(),
            Some(Overlay::Finder(st)) => st.query.clone(),
            _ => app.search.query.clone(),
        };
        let inputs: [(&[Action], Mode); 4] = [
            (&[Action::Export], Mode::Export),
            (&[Action::Finder], Mode::Finder),
            (&[Action::Clippings, Action::Note], Mode::Note),
            (&[Action::Open, Action::SearchStart], Mode::Search),
        ];
        for (open, mode) in inputs {
            let mut app = crate::tui::app::clip::tests::three_clippings();
            apply(&mut app, [Action::Back, Action::Back]);
            apply(&mut app, open.iter().cloned());
            assert_eq!(app.mode(), mode);
            type_text(&mut app, " ~/notes/out.md");
            ctrl(&mut app, 'w');
            assert!(
                line(&app).ends_with("~/notes/"),
                "{mode:?}: {:?}",
                line(&app)
            );
            ctrl(&mut app, 'u');
            assert_eq!(line(&app), "", "{mode:?}");
            assert_eq!(app.mode(), mode, "the input stays open");
        }
        let ev = Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        let reading = crate::tui::keymap::Keymap::default().resolve(Mode::Article, &ev);
        assert!(matches!(reading, Some(Action::HalfPageUp)), "{reading:?}");
    }
}
