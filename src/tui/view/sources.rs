//! The source list: two rows per article — title, then outlet, body words, quotes and a
//! badge counting its claims in conflict with other sources.

use crate::tui::app::{App, Focus};
use crate::tui::layout::{sources_offset as offset, SOURCE_ROWS as ROWS};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

/// Draw the source list.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let focused = app.focus == Focus::Sources;
    let block = Block::bordered()
        .border_style(if focused { t.border_focus } else { t.border })
        .title(Span::styled(
            format!(
                " Sources ({}){} ",
                app.dossier.articles.len(),
                if app.by_time { " by time" } else { "" }
            ),
            t.title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = inner.width as usize;
    let first = offset(app, inner);
    let order = app.source_order();
    for (row, &id) in order.iter().enumerate().skip(first) {
        let a = app.dossier.article(id);
        let y = inner.y + ((row - first) as u16) * ROWS;
        if y >= inner.bottom() {
            break;
        }
        let selected = id.0 == app.selected;
        let style = if selected && focused {
            t.selected
        } else if selected {
            t.title
        } else {
            t.text
        };
        let mark = if selected { "▌" } else { " " };
        let title = format!("{mark}{:>2} {}", id.0 + 1, a.display_title());
        let title = format!("{:<w$}", super::fit(&title, w));
        buf.set_stringn(inner.x, y, title, w, style);
        if y + 1 >= inner.bottom() {
            break;
        }
        let quotes = app
            .dossier
            .quotes
            .iter()
            .filter(|q| q.article() == a.id)
            .count();
        // By time, the date and time of day ("2031-05-06 14:30", else "undated") lead
        // the row and the outlet gives way to them.
        let date = match a.meta.date.as_deref() {
            Some(d) if app.by_time => Some(d.get(..16).unwrap_or(d).replacen('T', " ", 1)),
            Some(d) => Some(d.get(..10).unwrap_or(d).to_string()),
            None if app.by_time => Some("undated".to_string()),
            None => None,
        };
        let lead = match &date {
            Some(d) if app.by_time => format!("{} · ", crate::tui::wrap::display(d)),
            _ => String::new(),
        };
        let w_src = w.saturating_sub(crate::tui::wrap::display_width(&lead));
        // The outlet, else the file name: a file name gives way first (to 18 columns, its
        // its head kept), an outlet only to the row's width.
        let source = match a.meta.outlet.as_deref() {
            Some(outlet) => super::fit(outlet, w_src.saturating_sub(4)),
            // The rest of the row ("· 2024-10-30 · 450w · 12q") takes about 24 columns.
            None => super::fit(
                &a.file,
                w_src
                    .saturating_sub(28)
                    .max(18)
                    .min(w_src.saturating_sub(4)),
            ),
        };
        let source = format!("{lead}{source}");
        let mut used = 3 + crate::tui::wrap::display_width(&source);
        let mut spans = vec![Span::styled(format!("   {source}"), t.dim)];
        // After it, what fits of the date, the length and the quote count, in that order
        // of importance (the badge keeps 4 columns).
        let date = date.filter(|_| !app.by_time);
        for part in [
            date,
            Some(format!("{}w", a.meta.words)),
            Some(format!("{quotes}q")),
        ]
        .into_iter()
        .flatten()
        {
            let part = format!(" · {}", crate::tui::wrap::display(&part));
            let pw = crate::tui::wrap::display_width(&part);
            if used + pw + 4 > w {
                break;
            }
            used += pw;
            spans.push(Span::styled(part, t.dim));
        }
        match app.analysis.as_ref().and_then(|an| an.sources.get(id.0)) {
            Some(s) if s.conflicting > 0 => {
                spans.push(Span::styled(format!(" ≠{}", s.conflicting), t.conflict))
            }
            Some(_) => {}
            None => spans.push(Span::styled(" …", t.dim)),
        }
        buf.set_line(inner.x, y + 1, &Line::from(spans), inner.width);
    }
}
