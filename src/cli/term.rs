//! Where the command line's output meets a terminal, as bat and git do it: colour (SGR
//! sequences only, added after the text is sanitized) when stdout is a terminal, and a
//! pager (`$PAGER`, else `less -R`) when the output is longer than the screen. Piped
//! output stays plain and unpaged.

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::{Command, Stdio};

/// When to colour text output (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// When stdout is a terminal and `NO_COLOR` is unset or empty.
    #[default]
    Auto,
    /// Always, piped too (and whatever `NO_COLOR` says: it asked for colour by name).
    Always,
    /// Never.
    Never,
}

/// Whether to colour: `always` and `never` as they say; `auto` on a terminal that is not
/// `TERM=dumb`, unless `NO_COLOR` is set to anything but the empty string.
pub fn use_color(
    choice: ColorChoice,
    tty: bool,
    no_color: Option<OsString>,
    term: Option<OsString>,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            tty && no_color.is_none_or(|v| v.is_empty()) && term.is_none_or(|t| t != "dumb")
        }
    }
}

/// What a painted piece of text is; each is one SGR attribute or colour of the
/// terminal's own palette, so it reads on dark and light backgrounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// Headings and names: bold.
    Strong,
    /// Secondary text (noise paragraphs, numbers, ids): dim.
    Dim,
    /// A conflict: red.
    Conflict,
    /// A claim a source reports: green.
    Agree,
    /// A speaker: cyan.
    Speaker,
}

impl Paint {
    fn sgr(self) -> &'static str {
        match self {
            Paint::Strong => "1",
            Paint::Dim => "2",
            Paint::Conflict => "31",
            Paint::Agree => "32",
            Paint::Speaker => "36",
        }
    }
}

/// `s` between the SGR sequence for `p` and a reset, when colour is on. `s` must already
/// be sanitized: the only escape sequences in the output are these.
pub fn paint(on: bool, p: Paint, s: &str) -> String {
    if on && !s.is_empty() {
        format!("\x1b[{}m{s}\x1b[0m", p.sgr())
    } else {
        s.to_string()
    }
}

/// The pager to run: `$PAGER` (run by `sh -c`; empty or `cat` means none), else
/// `less -R`.
pub fn pager_command(env: Option<OsString>) -> Option<Vec<String>> {
    match env {
        Some(p) => {
            let p = p.to_string_lossy().trim().to_string();
            if p.is_empty() || p == "cat" {
                None
            } else {
                Some(vec!["sh".into(), "-c".into(), p])
            }
        }
        None => Some(vec!["less".into(), "-R".into()]),
    }
}

/// The rows `text` takes on a screen `cols` wide (SGR sequences take none; a long line
/// wraps).
pub fn rows_needed(text: &str, cols: usize) -> usize {
    use unicode_width::UnicodeWidthStr;
    let cols = cols.max(1);
    text.lines()
        .map(|l| strip_sgr(l).width().div_ceil(cols).max(1))
        .sum()
}

/// The text without SGR sequences (`ESC [ … m`).
fn strip_sgr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("\x1b[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        match after.find('m') {
            Some(m) if after[..m].bytes().all(|b| b.is_ascii_digit() || b == b';') => {
                rest = &after[m + 1..];
            }
            _ => {
                out.push_str("\x1b[");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Show `text` on stdout, through `pager` when it needs more than the screen's `rows`
/// (less one for the prompt). Where the pager cannot be started, the text is printed as
/// it is; a pager quit before the end is not an error.
pub fn show(text: &[u8], screen: (usize, usize), pager: Option<&[String]>) -> io::Result<()> {
    let (cols, rows) = screen;
    let long = rows_needed(&String::from_utf8_lossy(text), cols) > rows.saturating_sub(1);
    if let (true, Some([prog, args @ ..])) = (long, pager) {
        let mut cmd = Command::new(prog);
        cmd.args(args).stdin(Stdio::piped());
        // As git does: `less` quits when it all fits, passes colour, keeps the screen.
        if std::env::var_os("LESS").is_none() {
            cmd.env("LESS", "FRX");
        }
        if std::env::var_os("LESSCHARSET").is_none() {
            cmd.env("LESSCHARSET", "utf-8");
        }
        if let Ok(mut child) = cmd.spawn() {
            // Ctrl-C is the pager's (less uses it to stop a search): as git does, dossier
            // waits for the pager rather than dying under it and handing the terminal
            // back to the shell while the pager still draws.
            let _ = signal_hook::flag::register(
                signal_hook::consts::SIGINT,
                std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
            );
            if let Some(mut stdin) = child.stdin.take() {
                match stdin.write_all(text) {
                    Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e),
                    _ => {}
                }
            }
            child.wait()?;
            return Ok(());
        }
    }
    let mut out = io::stdout().lock();
    out.write_all(text)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `auto` colours a terminal only, and `NO_COLOR` (but empty) or `TERM=dumb` turns it
    /// off; `always` and `never` win over both.
    #[test]
    fn color_auto_follows_terminal_and_no_color() {
        let s = |v: &str| Some(OsString::from(v));
        assert!(use_color(ColorChoice::Auto, true, None, s("xterm")));
        assert!(!use_color(ColorChoice::Auto, false, None, s("xterm")));
        assert!(!use_color(ColorChoice::Auto, true, s("1"), s("xterm")));
        assert!(use_color(ColorChoice::Auto, true, s(""), s("xterm")));
        assert!(!use_color(ColorChoice::Auto, true, None, s("dumb")));
        assert!(use_color(ColorChoice::Always, false, s("1"), None));
        assert!(!use_color(ColorChoice::Never, true, None, None));
    }

    /// Painting wraps the text in one SGR sequence and a reset, and only when on.
    #[test]
    fn paint_is_sgr_only_when_on() {
        assert_eq!(paint(true, Paint::Conflict, "≠"), "\x1b[31m≠\x1b[0m");
        assert_eq!(paint(false, Paint::Conflict, "≠"), "≠");
        assert_eq!(paint(true, Paint::Strong, ""), "");
    }

    /// `$PAGER` runs through sh; empty or `cat` is no pager; unset is `less -R`.
    #[test]
    fn pager_from_environment() {
        let s = |v: &str| Some(OsString::from(v));
        assert_eq!(
            pager_command(s("more -s")),
            Some(vec!["sh".to_string(), "-c".into(), "more -s".into()])
        );
        assert_eq!(pager_command(s("")), None);
        assert_eq!(pager_command(s("cat")), None);
        assert_eq!(
            pager_command(None),
            Some(vec!["less".to_string(), "-R".into()])
        );
    }

    /// Rows count wrapped lines by display width, with SGR sequences taking none; a
    /// visible `␛[31m` (sanitized text) is not a sequence and counts.
    #[test]
    fn rows_count_wraps_not_sgr() {
        assert_eq!(rows_needed("a\nb\n", 80), 2);
        assert_eq!(rows_needed(&"x".repeat(81), 80), 2);
        assert_eq!(
            rows_needed(&format!("\x1b[1m{}\x1b[0m", "x".repeat(80)), 80),
            1
        );
        assert_eq!(rows_needed("東京東京", 4), 2);
        assert_eq!(strip_sgr("␛[31mx\x1b[2;31my\x1b[0m"), "␛[31mxy");
    }
}
