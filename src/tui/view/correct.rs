//! The correction dialog: its title, what it is about (a quote, a pair, a value), the
//! line typed, and the picker, as the export dialog and the finder draw theirs. Every
//! text in it comes from articles or the analyst and is sanitized before drawing.

use crate::tui::app::{App, CorrectDialog};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

/// The most picker rows shown at once (a list of speakers scrolls under it).
pub const MAX_ROWS: usize = 10;

/// The dialog's height for `dlg`: borders, the lines about it, the input, the picker
/// (at most [`MAX_ROWS`]), an error and the keys.
pub fn height(dlg: &CorrectDialog) -> u16 {
    let rows = dlg.shown().len().min(MAX_ROWS);
    let input = usize::from(dlg.input.is_some());
    (2 + dlg.about.len() + input + rows + 2) as u16
}

/// Draw the dialog in `area`.
pub fn render(app: &App, dlg: &CorrectDialog, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let title = super::fit(&dlg.title, area.width.saturating_sub(4) as usize);
    let block = Block::bordered()
        .border_style(t.border_focus)
        .title(Span::styled(format!(" {title} "), t.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = inner.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = dlg
        .about
        .iter()
        .map(|a| Line::from(Span::styled(format!(" {}", super::fit(a, w)), t.dim)))
        .collect();
    if let Some((label, text)) = &dlg.input {
        let room = w.saturating_sub(label.len() + 3);
        lines.push(Line::from(vec![
            Span::styled(format!(" {label}  "), t.key),
            Span::raw(super::clippings::fit_tail(text, room)),
            Span::styled("▏", t.cursor_mark),
        ]));
    }
    let shown = dlg.shown();
    // The rows left for the picker, keeping the error and the keys.
    let room = (inner.height as usize)
        .saturating_sub(lines.len() + 2)
        .clamp(1, MAX_ROWS);
    let first = dlg.selected.saturating_sub(room - 1);
    for (i, c) in shown.iter().enumerate().skip(first).take(room) {
        let sel = i == dlg.selected;
        let label = super::fit(&c.label(), w.saturating_sub(4) * 3 / 5);
        let used = crate::tui::wrap::display_width(&label) + 3;
        let detail = if c.detail.is_empty() {
            String::new()
        } else {
            format!("  {}", super::fit(&c.detail, w.saturating_sub(used + 2)))
        };
        let style = if sel { t.selected } else { t.text };
        lines.push(Line::from(vec![
            Span::styled(format!(" {} {label}", if sel { "▌" } else { " " }), style),
            Span::styled(detail, t.dim),
        ]));
    }
    if shown.is_empty() && dlg.input.is_none() {
        lines.push(Line::from(Span::styled(" nothing to pick", t.dim)));
    }
    // The error, else a blank line above the keys.
    lines.push(match &dlg.error {
        Some(e) => Line::from(Span::styled(format!(" {}", super::fit(e, w)), t.warning)),
        None => Line::from(""),
    });
    let keys = match (dlg.input.is_some(), shown.is_empty()) {
        (true, false) => " Enter saves the one picked · ↑/↓ pick · Esc cancels",
        (true, true) => " Enter saves · Esc cancels",
        (false, _) => " Enter takes the one picked · j/k pick · Esc cancels",
    };
    lines.push(Line::from(Span::styled(keys, t.key)));
    // The keys stay on the last row however small the box.
    let h = inner.height as usize;
    if lines.len() > h && h > 0 {
        let keys = lines.pop();
        lines.truncate(h - 1);
        lines.extend(keys);
    }
    for (i, l) in lines.iter().take(h).enumerate() {
        buf.set_line(inner.x, inner.y + i as u16, l, inner.width);
    }
}

#[cfg(test)]
mod tests;
