//! Semantic styles, defined once. Colours are the terminal's own named colours used as
//! foreground (they follow its palette, so they read on dark and light backgrounds); where
//! a background is set, the foreground is set with it. With `NO_COLOR` every style is made
//! of modifiers only (bold, reverse, underline, dim), and the markers in the gutters
//! carry what colour would.

use crate::model::people::PersonId;
use ratatui::style::{Color, Modifier, Style};

/// Every style the reader draws with.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub color: bool,
    pub text: Style,
    /// Noise paragraphs and secondary information.
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub border_focus: Style,
    /// The selected row of a list.
    pub selected: Style,
    /// The sentence under the cursor.
    pub cursor: Style,
    /// The gutter mark of the cursor.
    pub cursor_mark: Style,
    /// A search match.
    pub matched: Style,
    pub conflict: Style,
    pub agree: Style,
    pub only: Style,
    /// A differing figure inside a conflicting claim.
    pub figure: Style,
    pub status: Style,
    pub mode: Style,
    pub key: Style,
    pub warning: Style,
    /// The gutter mark of a clipped passage.
    pub clipped: Style,
    /// A visual selection.
    pub selection: Style,
    /// A matched character in the finder's results.
    pub hit: Style,
    quotes: Vec<Style>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::colored()
    }
}

impl Theme {
    /// The theme for this environment: no colour when `NO_COLOR` is set and not empty.
    pub fn from_env() -> Self {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::plain(),
            _ => Theme::colored(),
        }
    }

    /// Colours for dark and light backgrounds alike.
    pub fn colored() -> Self {
        let b = Modifier::BOLD;
        Theme {
            color: true,
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: Style::new().add_modifier(b),
            border: Style::new().add_modifier(Modifier::DIM),
            border_focus: Style::new().fg(Color::Cyan),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            cursor: Style::new().add_modifier(Modifier::UNDERLINED),
            cursor_mark: Style::new().fg(Color::Cyan).add_modifier(b),
            matched: Style::new().fg(Color::Black).bg(Color::Yellow),
            conflict: Style::new().fg(Color::Red).add_modifier(b),
            agree: Style::new().fg(Color::Green),
            only: Style::new().fg(Color::Blue),
            figure: Style::new().fg(Color::White).bg(Color::Red).add_modifier(b),
            status: Style::new().add_modifier(Modifier::REVERSED),
            mode: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(b),
            key: Style::new().add_modifier(b),
            warning: Style::new().fg(Color::Red).add_modifier(b),
            clipped: Style::new().fg(Color::Magenta).add_modifier(b),
            selection: Style::new().add_modifier(Modifier::REVERSED),
            hit: Style::new().fg(Color::Yellow).add_modifier(b),
            quotes: [
                Color::Magenta,
                Color::Cyan,
                Color::Green,
                Color::Blue,
                Color::Red,
                Color::LightMagenta,
                Color::LightBlue,
            ]
            .into_iter()
            .map(|c| Style::new().fg(c))
            .collect(),
        }
    }

    /// Modifiers only, for `NO_COLOR`.
    pub fn plain() -> Self {
        let m = |m: Modifier| Style::new().add_modifier(m);
        Theme {
            color: false,
            text: Style::new(),
            dim: m(Modifier::DIM),
            title: m(Modifier::BOLD),
            border: Style::new(),
            border_focus: m(Modifier::BOLD),
            selected: m(Modifier::REVERSED),
            cursor: m(Modifier::UNDERLINED),
            cursor_mark: m(Modifier::BOLD),
            matched: m(Modifier::REVERSED),
            conflict: m(Modifier::BOLD),
            agree: Style::new(),
            only: m(Modifier::ITALIC),
            figure: m(Modifier::REVERSED | Modifier::BOLD),
            status: m(Modifier::REVERSED),
            mode: m(Modifier::BOLD),
            key: m(Modifier::BOLD),
            warning: m(Modifier::BOLD),
            clipped: m(Modifier::BOLD),
            selection: m(Modifier::REVERSED),
            hit: m(Modifier::BOLD | Modifier::UNDERLINED),
            quotes: vec![m(Modifier::ITALIC)],
        }
    }

    /// The theme named in `config.toml` ("default", or "plain" for no colour); NO_COLOR
    /// wins. An unknown name gives the default and a warning.
    pub fn named(name: &str) -> (Self, Option<String>) {
        let env = Theme::from_env();
        match name {
            "default" | "" => (env, None),
            "plain" | "no-color" | "none" => (Theme::plain(), None),
            other => (
                env,
                Some(format!(
                    "config: no theme {other:?} (themes: default, plain); using the default"
                )),
            ),
        }
    }

    /// The style of a quote by this speaker (unknown speakers get the dim one).
    pub fn quote(&self, speaker: Option<PersonId>) -> Style {
        match speaker {
            Some(p) if !self.quotes.is_empty() => self.quotes[p.0 % self.quotes.len()],
            _ => self.dim.add_modifier(Modifier::ITALIC),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without colour, no style carries a colour, and the relations still differ.
    #[test]
    fn plain_has_no_colour() {
        let t = Theme::plain();
        for s in [
            t.conflict,
            t.agree,
            t.only,
            t.figure,
            t.matched,
            t.quote(Some(PersonId(3))),
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert_ne!(t.conflict, t.only);
    }

    /// Each speaker of a few gets their own colour.
    #[test]
    fn speakers_get_distinct_colours() {
        let t = Theme::colored();
        assert_ne!(t.quote(Some(PersonId(0))), t.quote(Some(PersonId(1))));
    }
}
