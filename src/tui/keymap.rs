//! The only place keys become actions. The same table draws the help overlay and the
//! status-bar hints, so what the help says is what the keys do.

use crate::tui::action::Action;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

/// Where keys go: decided by the app's focus and overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Sources,
    Article,
    Compare,
    Matrix,
    /// The figures view.
    Figures,
    /// The speakers and who quotes them.
    Speakers,
    /// One remark as each outlet rendered it.
    Variants,
    /// What only one source reports.
    OnlyHere,
    /// Typing a search.
    Search,
    /// The help overlay.
    Help,
    /// Picking the other source of a comparison.
    Pick,
    /// The finder over quotes and sentences.
    Finder,
    /// The list of clippings.
    Clippings,
    /// Selecting sentences to clip (article or compare).
    Visual,
    /// Typing a clipping's note.
    Note,
    /// The export dialog.
    Export,
    /// Asking before overwriting a file.
    Confirm,
    /// The last message in full.
    Message,
    /// Typing in a correction dialog (a name, a note, a value).
    Correct,
}

impl Mode {
    /// The name shown in the status bar and the help.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Sources => "SOURCES",
            Mode::Article => "ARTICLE",
            Mode::Compare => "COMPARE",
            Mode::Matrix => "MATRIX",
            Mode::Figures => "FIGURES",
            Mode::Speakers => "SPEAKERS",
            Mode::Variants => "VARIANTS",
            Mode::OnlyHere => "ONLY HERE",
            Mode::Search => "SEARCH",
            Mode::Help => "HELP",
            Mode::Pick => "PICK",
            Mode::Finder => "FIND",
            Mode::Clippings => "CLIPPINGS",
            Mode::Visual => "VISUAL",
            Mode::Note => "NOTE",
            Mode::Export => "EXPORT",
            Mode::Confirm => "OVERWRITE?",
            Mode::Message => "MESSAGE",
            Mode::Correct => "CORRECT",
        }
    }

    /// True when typed characters are text (a search, the finder, a note, a path).
    pub fn types_text(self) -> bool {
        matches!(
            self,
            Mode::Search | Mode::Finder | Mode::Note | Mode::Export | Mode::Correct
        )
    }
}

/// A key with its modifiers (Shift is folded into the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub KeyCode, pub KeyModifiers);

impl Key {
    const fn ch(c: char) -> Key {
        Key(KeyCode::Char(c), KeyModifiers::NONE)
    }
    const fn ctrl(c: char) -> Key {
        Key(KeyCode::Char(c), KeyModifiers::CONTROL)
    }
    const fn code(c: KeyCode) -> Key {
        Key(c, KeyModifiers::NONE)
    }

    /// The key from an event, with Shift dropped from characters ('G', not Shift-g).
    pub fn from_event(k: &KeyEvent) -> Key {
        let mut mods = k.modifiers;
        if matches!(k.code, KeyCode::Char(_)) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key(k.code, mods)
    }

    /// True for a key a user presses on purpose (a character, Enter, an arrow, F5 …),
    /// not a lone modifier or a media key.
    fn is_plain(self) -> bool {
        !matches!(
            self.0,
            KeyCode::Modifier(_)
                | KeyCode::Media(_)
                | KeyCode::Null
                | KeyCode::CapsLock
                | KeyCode::NumLock
                | KeyCode::ScrollLock
                | KeyCode::KeypadBegin
        )
    }

    /// How the help writes the key.
    pub fn label(self) -> String {
        let base = match self.0 {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::Backspace => "Bksp".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            other => format!("{other:?}"),
        };
        if self.1.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else if self.1.contains(KeyModifiers::ALT) {
            format!("Alt-{base}")
        } else {
            base
        }
    }

    /// A key as written in `config.toml`: "j", "J", "\"", "ctrl-f", "alt-x", "shift-tab",
    /// "enter", "esc", "tab", "backspace", "delete", "space", arrows, "home", "end",
    /// "pageup", "pagedown", "f1" … "f12".
    pub fn parse(s: &str) -> Option<Key> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && lower.starts_with("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[5..];
            } else if rest.chars().count() > 1 && lower.starts_with("alt-") {
                mods |= KeyModifiers::ALT;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            // Ctrl with a letter arrives lower-case.
            let c = if mods.contains(KeyModifiers::CONTROL) {
                c.to_ascii_lowercase()
            } else {
                c
            };
            return Some(Key(KeyCode::Char(c), mods));
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            f if f.starts_with('f') => {
                KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
            }
            _ => return None,
        };
        Some(Key(code, mods))
    }
}

/// The actions that leave the reader (by their config names): at least one must keep a
/// key.
const QUIT_ACTIONS: &[&str] = &["quit", "back_or_quit"];

/// An action's name in `config.toml` and the help: its variant in snake case
/// (`Finder` is "finder", `ClipParagraph` "clip_paragraph").
pub fn action_name(a: &Action) -> String {
    let dbg = format!("{a:?}");
    let variant = dbg.split(['(', ' ', '{']).next().unwrap_or_default();
    let mut out = String::new();
    for (i, c) in variant.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Keys bound to one action in some modes.
#[derive(Debug, Clone)]
pub struct Binding {
    pub modes: &'static [Mode],
    pub keys: Vec<Key>,
    pub action: Action,
    /// What the help overlay says.
    pub help: &'static str,
    /// Shown in the status bar of these modes.
    pub hint: Option<&'static str>,
}

/// One row of the help: keys, what they do, the action's name.
pub type HelpRow = (String, &'static str, String);

/// The key table.
#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

mod defaults;
pub mod help;
mod views;

impl Keymap {
    /// The action for an event in a mode, if any.
    pub fn resolve(&self, mode: Mode, ev: &Event) -> Option<Action> {
        match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                let key = Key::from_event(k);
                let bound = self
                    .bindings
                    .iter()
                    .find(|b| b.modes.contains(&mode) && b.keys.contains(&key))
                    .map(|b| b.action.clone());
                match (bound, mode, key) {
                    (Some(a), _, _) => Some(a),
                    (None, m, Key(KeyCode::Char(c), mods))
                        if m.types_text()
                            && !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                    {
                        Some(Action::SearchChar(c))
                    }
                    (None, m, Key(KeyCode::Char('c'), KeyModifiers::CONTROL))
                        if m.types_text() || m == Mode::Confirm =>
                    {
                        Some(Action::Back)
                    }
                    (None, m, key) if !m.types_text() && key.is_plain() => {
                        Some(Action::Unbound(key.label()))
                    }
                    _ => None,
                }
            }
            Event::Mouse(m) => match m.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
                MouseEventKind::ScrollDown => Some(Action::Wheel(m.column, m.row, true)),
                MouseEventKind::ScrollUp => Some(Action::Wheel(m.column, m.row, false)),
                _ => None,
            },
            Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
            _ => None,
        }
    }

    /// The help: per mode, each binding's keys, what it does, and its action's name.
    pub fn help(&self) -> Vec<(Mode, Vec<HelpRow>)> {
        // Every mode the help lists, but the help and message overlays themselves.
        help::ORDER
            .iter()
            .filter(|m| !matches!(m, Mode::Help | Mode::Message))
            .map(|&m| {
                let rows = self
                    .bindings
                    .iter()
                    .filter(|b| b.modes.contains(&m))
                    .filter(|b| !b.keys.is_empty())
                    .map(|b| {
                        let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
                        (keys.join(" "), b.help, action_name(&b.action))
                    })
                    .collect();
                (m, rows)
            })
            .collect()
    }

    /// The keymap with `config.toml`'s keys (action name -> keys) replacing the default
    /// keys of those actions; what could not be used is returned as warnings.
    pub fn with_overrides(
        mut self,
        keys: &std::collections::BTreeMap<String, Vec<String>>,
    ) -> (Keymap, Vec<String>) {
        let mut warnings = Vec::new();
        for (name, list) in keys {
            let parsed: Vec<Option<Key>> = list.iter().map(|k| Key::parse(k.trim())).collect();
            if let Some(bad) = list.iter().zip(&parsed).find(|(_, p)| p.is_none()) {
                warnings.push(format!(
                    "config: key {:?} of {name:?} not understood",
                    bad.0
                ));
                continue;
            }
            let keys: Vec<Key> = parsed.into_iter().flatten().collect();
            let mut found = false;
            for b in self.bindings.iter_mut() {
                if action_name(&b.action) == *name {
                    b.keys.clone_from(&keys);
                    found = true;
                }
            }
            if !found {
                warnings.push(format!(
                    "config: no action {name:?} (the help, ?, names every action)"
                ));
            }
        }
        // A keymap with no key left to quit leaves no way out: keep the default quit keys.
        let quits = |k: &Keymap| {
            k.bindings.iter().any(|b| {
                QUIT_ACTIONS.contains(&action_name(&b.action).as_str()) && !b.keys.is_empty()
            })
        };
        if !quits(&self) {
            let defaults = Keymap::default();
            for (b, d) in self.bindings.iter_mut().zip(&defaults.bindings) {
                if QUIT_ACTIONS.contains(&action_name(&b.action).as_str()) {
                    b.keys.clone_from(&d.keys);
                }
            }
            warnings.push(format!(
                "config: {} all left without a key, which leaves no way out; the default quit keys are kept",
                QUIT_ACTIONS.join(" and ")
            ));
        }
        (self, warnings)
    }

    /// Status-bar hints for a mode: ("key", "word") pairs, help first, then what is
    /// particular to the mode, then the rest, so a narrow bar keeps what matters.
    pub fn hints(&self, mode: Mode) -> Vec<(String, &'static str)> {
        let rank = |b: &Binding| match b.action {
            Action::Help => 0,
            Action::Finder => 1,
            Action::SearchStart => 2,
            _ if b.modes.len() < defaults::READING.len() => 2,
            _ => 3,
        };
        let mut bs: Vec<&Binding> = self
            .bindings
            .iter()
            .filter(|b| b.modes.contains(&mode) && b.hint.is_some())
            .collect();
        bs.sort_by_key(|b| rank(b));
        bs.into_iter()
            .filter_map(|b| Some((b.keys.first()?.label(), b.hint?)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyEventState, MouseEvent};

    fn key(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        })
    }

    #[track_caller]
    fn resolves(mode: Mode, code: KeyCode, mods: KeyModifiers) -> String {
        format!("{:?}", Keymap::default().resolve(mode, &key(code, mods)))
    }

    /// Vim keys and arrows do the same, in every reading mode.
    #[test]
    fn vim_keys_and_arrows_agree() {
        for m in [Mode::Sources, Mode::Article, Mode::Compare, Mode::Matrix] {
            assert_eq!(
                resolves(m, KeyCode::Char('j'), KeyModifiers::NONE),
                resolves(m, KeyCode::Down, KeyModifiers::NONE)
            );
            assert_eq!(
                resolves(m, KeyCode::Char('k'), KeyModifiers::NONE),
                "Some(Up)"
            );
        }
    }

    /// Shifted characters resolve by character: G goes to the bottom, N to the previous match.
    #[test]
    fn shift_is_folded_into_characters() {
        assert_eq!(
            resolves(Mode::Article, KeyCode::Char('G'), KeyModifiers::SHIFT),
            "Some(Bottom)"
        );
        assert_eq!(
            resolves(Mode::Article, KeyCode::Char('N'), KeyModifiers::SHIFT),
            "Some(SearchPrev)"
        );
    }

    /// While typing a search, letters are text, not commands; Esc cancels.
    #[test]
    fn search_mode_types_text() {
        assert_eq!(
            resolves(Mode::Search, KeyCode::Char('q'), KeyModifiers::NONE),
            "Some(SearchChar('q'))"
        );
        assert_eq!(
            resolves(Mode::Search, KeyCode::Esc, KeyModifiers::NONE),
            "Some(Back)"
        );
    }

    /// q backs out (or quits at the top) and Q quits, in every mode where letters are
    /// commands; in the modes that take text they are text.
    #[test]
    fn q_backs_out_and_capital_q_quits() {
        for m in [
            Mode::Sources,
            Mode::Compare,
            Mode::Matrix,
            Mode::Figures,
            Mode::Clippings,
            Mode::Help,
            Mode::Pick,
            Mode::Confirm,
        ] {
            let q = resolves(m, KeyCode::Char('q'), KeyModifiers::NONE);
            assert_eq!(q, "Some(BackOrQuit)", "{m:?}");
            let cap = resolves(m, KeyCode::Char('Q'), KeyModifiers::SHIFT);
            assert_eq!(cap, "Some(Quit)", "{m:?}");
        }
        for m in [Mode::Search, Mode::Finder, Mode::Note, Mode::Export] {
            let q = resolves(m, KeyCode::Char('Q'), KeyModifiers::SHIFT);
            assert_eq!(q, "Some(SearchChar('Q'))", "{m:?}");
        }
        assert_eq!(
            resolves(Mode::Sources, KeyCode::Char('z'), KeyModifiers::CONTROL),
            "Some(Suspend)"
        );
    }

    /// Compare keys: ] and [ jump between conflicts, s swaps, o picks another source.
    #[test]
    fn compare_keys() {
        assert_eq!(
            resolves(Mode::Compare, KeyCode::Char(']'), KeyModifiers::NONE),
            "Some(NextConflict)"
        );
        assert_eq!(
            resolves(Mode::Compare, KeyCode::Char('['), KeyModifiers::NONE),
            "Some(PrevConflict)"
        );
        assert_eq!(
            resolves(Mode::Compare, KeyCode::Char('s'), KeyModifiers::NONE),
            "Some(SwapSides)"
        );
    }

    /// Mouse clicks and the wheel become actions with their position.
    #[test]
    fn mouse_events() {
        let ev = Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 3,
            row: 4,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(
            format!("{:?}", Keymap::default().resolve(Mode::Article, &ev)),
            "Some(Wheel(3, 4, true))"
        );
    }

    /// Help, then the finder, then search come first in every hint list; the mode's own
    /// keys before the global ones.
    #[test]
    fn hints_put_help_and_mode_keys_first() {
        let km = Keymap::default();
        let h = km.hints(Mode::Compare);
        assert_eq!(h[0], ("?".to_string(), "help"));
        assert_eq!(h[1].1, "find");
        assert_eq!(h[2].1, "search");
        assert_eq!(h[3].1, "conflict");
        assert_eq!(km.hints(Mode::Article)[2].1, "search");
        assert!(h.iter().position(|x| x.1 == "quit") > h.iter().position(|x| x.1 == "swap"));
    }

    /// No key is bound twice in one mode, and every mode has a way out.
    #[test]
    fn no_conflicting_bindings() {
        let km = Keymap::default();
        for (mode, _) in km.help() {
            let mut seen = Vec::new();
            for b in km.bindings.iter().filter(|b| b.modes.contains(&mode)) {
                for k in &b.keys {
                    assert!(!seen.contains(k), "{k:?} bound twice in {mode:?}");
                    seen.push(*k);
                }
            }
            assert!(
                seen.contains(&Key::code(KeyCode::Esc)) || seen.contains(&Key::ch('q')),
                "no way out of {mode:?}"
            );
        }
    }

    /// Keys as config.toml writes them.
    #[test]
    fn keys_parse_as_written() {
        let k = |s: &str| Key::parse(s);
        assert_eq!(k("j"), Some(Key::ch('j')));
        assert_eq!(k("J"), Some(Key::ch('J')));
        assert_eq!(k("\""), Some(Key::ch('"')));
        assert_eq!(k("ctrl-f"), Some(Key::ctrl('f')));
        assert_eq!(k("Ctrl-F"), Some(Key::ctrl('f')));
        assert_eq!(k("alt-x"), Some(Key(KeyCode::Char('x'), KeyModifiers::ALT)));
        assert_eq!(k("enter"), Some(Key::code(KeyCode::Enter)));
        assert_eq!(k("shift-tab"), Some(Key::code(KeyCode::BackTab)));
        assert_eq!(k("f5"), Some(Key::code(KeyCode::F(5))));
        assert_eq!(k("space"), Some(Key::ch(' ')));
        for bad in ["", "ctrl-", "f13", "hyper-x", "enterr"] {
            assert_eq!(k(bad), None, "{bad:?}");
        }
    }

    /// A config's keys replace that action's default keys in every mode; unknown actions
    /// and keys are warnings, and the rest still applies.
    #[test]
    fn config_overrides_replace_keys() {
        let mut cfg = std::collections::BTreeMap::new();
        cfg.insert("finder".to_string(), vec!["ctrl-g".to_string()]);
        cfg.insert("clip".to_string(), vec!["a".to_string()]);
        cfg.insert("no_such".to_string(), vec!["q".to_string()]);
        cfg.insert("export".to_string(), vec!["hyper-e".to_string()]);
        let (km, warnings) = Keymap::default().with_overrides(&cfg);
        let ev = |c: KeyCode, m: KeyModifiers| key(c, m);
        let r = |mode, e: &Event| format!("{:?}", km.resolve(mode, e));
        let ctrl_g = ev(KeyCode::Char('g'), KeyModifiers::CONTROL);
        assert_eq!(r(Mode::Sources, &ctrl_g), "Some(Finder)");
        assert_eq!(
            r(Mode::Sources, &ev(KeyCode::Char('"'), KeyModifiers::NONE)),
            "Some(Unbound(\"\\\"\"))"
        );
        let a = ev(KeyCode::Char('a'), KeyModifiers::NONE);
        assert_eq!(r(Mode::Article, &a), "Some(Clip)");
        assert_eq!(r(Mode::Visual, &a), "Some(Clip)");
        let e = ev(KeyCode::Char('E'), KeyModifiers::SHIFT);
        assert_eq!(
            r(Mode::Article, &e),
            "Some(Export)",
            "a bad key keeps the default"
        );
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings.iter().any(|w| w.contains("no_such")));
        assert!(warnings.iter().any(|w| w.contains("hyper-e")));
        // The help lists the new key under the action's name.
        let help = km.help();
        let rows = &help.iter().find(|(m, _)| *m == Mode::Sources).unwrap().1;
        assert!(rows.iter().any(|(k, _, n)| k == "Ctrl-g" && n == "finder"));
    }

    /// Actions are named in snake case, as config.toml writes them.
    #[test]
    fn action_names() {
        assert_eq!(action_name(&Action::Finder), "finder");
        assert_eq!(action_name(&Action::ClipParagraph), "clip_paragraph");
        assert_eq!(action_name(&Action::SearchChar('x')), "search_char");
    }

    /// In the finder, letters are the query; Ctrl-n / Ctrl-p and arrows move; Tab
    /// switches scope.
    #[test]
    fn finder_keys() {
        let r = |c, m| resolves(Mode::Finder, c, m);
        assert_eq!(
            r(KeyCode::Char('j'), KeyModifiers::NONE),
            "Some(SearchChar('j'))"
        );
        assert_eq!(r(KeyCode::Char('n'), KeyModifiers::CONTROL), "Some(Down)");
        assert_eq!(r(KeyCode::Char('p'), KeyModifiers::CONTROL), "Some(Up)");
        assert_eq!(r(KeyCode::Down, KeyModifiers::NONE), "Some(Down)");
        assert_eq!(r(KeyCode::Tab, KeyModifiers::NONE), "Some(FinderScope)");
        assert_eq!(r(KeyCode::Enter, KeyModifiers::NONE), "Some(Open)");
        assert_eq!(
            resolves(Mode::Export, KeyCode::Char('y'), KeyModifiers::NONE),
            "Some(SearchChar('y'))"
        );
        assert_eq!(
            resolves(Mode::Confirm, KeyCode::Char('y'), KeyModifiers::NONE),
            "Some(Yes)"
        );
    }

    /// A config that unbinds every quit action is refused with a warning and the
    /// default quit keys stay; unbinding quit while another key still quits is not.
    #[test]
    fn config_cannot_unbind_every_quit() {
        use std::collections::BTreeMap;
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        let cap = key(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        let both: BTreeMap<String, Vec<String>> = [
            ("quit".to_string(), vec![]),
            ("back_or_quit".to_string(), vec![]),
        ]
        .into();
        let (k, w) = Keymap::default().with_overrides(&both);
        assert!(matches!(k.resolve(Mode::Sources, &cap), Some(Action::Quit)));
        assert!(matches!(
            k.resolve(Mode::Sources, &q),
            Some(Action::BackOrQuit)
        ));
        assert!(w.iter().any(|w| w.contains("quit keys are kept")), "{w:?}");
        // One of the two unbound: the other still leaves the reader, so no warning.
        for name in ["quit", "back_or_quit"] {
            let one: BTreeMap<String, Vec<String>> = [(name.to_string(), vec![])].into();
            let (_, w) = Keymap::default().with_overrides(&one);
            assert!(w.is_empty(), "{name}: {w:?}");
        }
        let moved: BTreeMap<String, Vec<String>> =
            [("quit".to_string(), vec!["x".to_string()])].into();
        let (k, w) = Keymap::default().with_overrides(&moved);
        assert!(w.is_empty(), "{w:?}");
        let x = key(KeyCode::Char('x'), KeyModifiers::NONE);
        assert!(matches!(k.resolve(Mode::Sources, &x), Some(Action::Quit)));
        assert!(!matches!(
            k.resolve(Mode::Sources, &cap),
            Some(Action::Quit)
        ));
    }

    /// A key bound to nothing in a reading mode says so (the app points to the help);
    /// in a mode that takes text it is text, and a lone modifier is nothing.
    #[test]
    fn unbound_keys_are_reported() {
        assert_eq!(
            resolves(Mode::Sources, KeyCode::Char('i'), KeyModifiers::NONE),
            "Some(Unbound(\"i\"))"
        );
        assert_eq!(
            resolves(Mode::Finder, KeyCode::Char('w'), KeyModifiers::NONE),
            "Some(SearchChar('w'))"
        );
        use ratatui::crossterm::event::ModifierKeyCode;
        let shift = KeyCode::Modifier(ModifierKeyCode::LeftShift);
        assert_eq!(resolves(Mode::Sources, shift, KeyModifiers::SHIFT), "None");
    }

    /// `/` searches in every view that shows text or a list (and filters the help);
    /// h and l move between the source list and the article.
    #[test]
    fn slash_searches_and_h_l_switch_panes() {
        for m in [
            Mode::Article,
            Mode::Compare,
            Mode::Matrix,
            Mode::Clippings,
            Mode::Help,
        ] {
            let s = resolves(m, KeyCode::Char('/'), KeyModifiers::NONE);
            assert_eq!(s, "Some(SearchStart)", "{m:?}");
        }
        let n = resolves(Mode::Clippings, KeyCode::Char('n'), KeyModifiers::NONE);
        assert_eq!(n, "Some(SearchNext)");
        let e = resolves(Mode::Clippings, KeyCode::Char('e'), KeyModifiers::NONE);
        assert_eq!(e, "Some(Note)", "the note moved to e");
        let h = resolves(Mode::Article, KeyCode::Char('h'), KeyModifiers::NONE);
        assert_eq!(h, "Some(Left)");
        let l = resolves(Mode::Sources, KeyCode::Char('l'), KeyModifiers::NONE);
        assert_eq!(l, "Some(Right)");
    }
}
