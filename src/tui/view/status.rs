//! The status bar: mode, where the reader is, a message or the search being typed,
//! background progress, and the key hints of the mode (from the keymap).

use crate::tui::app::{App, Focus, SearchIn};
use crate::tui::keymap::Mode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Spinner frames for background work.
const SPIN: [&str; 4] = ["◐", "◓", "◑", "◒"];

/// Where the reader is, in a few words.
fn position(app: &App) -> String {
    let d = &app.dossier;
    match app.focus {
        Focus::Sources => format!(
            "{}/{} {}",
            app.selected + 1,
            d.articles.len(),
            d.articles.get(app.selected).map_or("", |a| a.file.as_str())
        ),
        Focus::Article => d.article(app.reader.article).file.clone(),
        Focus::Compare => app.compare.as_ref().map_or(String::new(), |c| {
            format!(
                "{} ⇄ {}",
                c.sides[0].article.0 + 1,
                c.sides[1].article.0 + 1
            )
        }),
        Focus::Clippings => format!(
            "{}/{} clippings",
            (app.clip_selected + 1).min(app.state.clippings.len()),
            app.state.clippings.len()
        ),
        Focus::Figures => {
            let n = app
                .quantities()
                .map_or(0, |q| app.figures.shown(q.len()).len());
            format!("figure {}/{n}", (app.figures.selected + 1).min(n))
        }
        Focus::Speakers | Focus::Variants | Focus::OnlyHere => super::views_position(app),
        Focus::Matrix => {
            let n = app.analysis.as_ref().map_or(0, |a| a.matrix.rows.len());
            format!(
                "claim {}/{} · source {}",
                (app.matrix.row + 1).min(n),
                n,
                app.matrix.col + 1
            )
        }
    }
}

/// What `!` adds to a message cut short.
const MORE: &str = " (! shows all)";

/// A message in `room` columns: whole when it fits, else cut with an ellipsis and
/// followed by the key that shows it whole (when there is room for that).
fn fit_message(m: &str, room: usize) -> String {
    let whole = super::fit(m, usize::MAX);
    if unicode_width::UnicodeWidthStr::width(whole.as_str()) <= room {
        return whole;
    }
    let more = MORE.chars().count();
    if room > more + 10 {
        format!("{}{MORE}", super::fit(m, room - more))
    } else {
        super::fit(m, room)
    }
}

/// Draw the last message in full (`!`), wrapped in a box.
pub fn render_message(app: &App, area: Rect, buf: &mut Buffer) {
    use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
    let t = &app.theme;
    let text = super::fit(app.last_message.as_deref().unwrap_or_default(), usize::MAX);
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .block(
            Block::bordered()
                .border_style(t.border_focus)
                .title(Span::styled(" Last message (Esc closes) ", t.title)),
        )
        .render(area, buf);
}

/// Draw the status bar.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    buf.set_style(area, t.status);
    let mode = app.mode();
    let mut left = vec![Span::styled(format!(" {} ", mode.label()), t.mode)];
    if mode == Mode::Search {
        // The figures view searches its quantities; the other views, their text.
        let (query, n) = if app.focus == Focus::Figures {
            let n = app
                .quantities()
                .map_or(0, |q| app.figures.shown(q.len()).len());
            (&app.figures.query, n)
        } else if app.focus == Focus::Speakers {
            let n = app.speaker_table().people.len();
            (&app.speakers.query, app.speakers.shown(n).len())
        } else {
            (&app.search.query, app.search.matches.len())
        };
        let count = match app.search.scope {
            SearchIn::Help if !matches!(app.focus, Focus::Figures | Focus::Speakers) => {
                String::new()
            }
            _ => format!(" {n} match{}", if n == 1 { "" } else { "es" }),
        };
        left.push(Span::styled(
            format!(" /{}▏{count}", super::fit(query, 40)),
            t.status,
        ));
    } else {
        // On a narrow bar a message takes the place of the position.
        if app.message.is_none() || area.width >= 80 {
            left.push(Span::styled(
                format!(" {} ", super::fit(&position(app), 40)),
                t.status,
            ));
        }
        if let Some(m) = &app.message {
            // Messages can quote file names and search text: drawn through `fit`.
            let room = (area.width as usize).saturating_sub(Line::from(left.clone()).width() + 4);
            left.push(Span::styled(
                format!("│ {} ", fit_message(m, room)),
                t.status,
            ));
        } else if app.search_kept() {
            let n = app.search.matches.len();
            let cur = app.search.current.map_or(0, |i| i + 1);
            left.push(Span::styled(
                format!("│ /{} {cur}/{n} ", super::fit(&app.search.query, 20)),
                t.status,
            ));
        }
    }
    let mut right = String::new();
    if let Some((done, total)) = app.progress {
        right.push_str(&format!(
            "{} claims {done}/{total}  ",
            SPIN[done % SPIN.len()]
        ));
    } else if app.pending.is_some() {
        right.push_str("◐ comparing  ");
    } else if app.finder_running() {
        right.push_str("◐ finding  ");
    }
    let hints: Vec<String> = app
        .keymap
        .hints(mode)
        .into_iter()
        .map(|(k, w)| format!("{k} {w}"))
        .collect();
    right.push_str(&hints.join("  "));
    right.push(' ');
    let line = Line::from(left);
    let used = line.width() as u16;
    buf.set_line(area.x, area.y, &line, area.width);
    let room = area.width.saturating_sub(used + 1) as usize;
    // Hints are dropped from the end when the bar is too narrow.
    let mut shown = right.clone();
    while unicode_width::UnicodeWidthStr::width(shown.as_str()) > room {
        match shown.trim_end().rfind("  ") {
            Some(i) => {
                shown.truncate(i);
                shown.push(' ');
            }
            None => {
                shown.clear();
                break;
            }
        }
    }
    let w = unicode_width::UnicodeWidthStr::width(shown.as_str()) as u16;
    buf.set_string(area.right().saturating_sub(w), area.y, shown, t.status);
}
