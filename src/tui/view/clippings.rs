//! The clippings pane (the list, then the selected clipping in full with its citation),
//! the note line and the export dialog.

use super::finder::source_label;
use crate::model::export::{resolve, ExportFormat, Grouping};
use crate::tui::app::{App, ExportDialog};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

/// Rows per clipping in the list: its source line, then its text.
const ENTRY: usize = 2;

/// Draw the clippings pane.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let clips = &app.state.clippings;
    let block = Block::bordered()
        .border_style(t.border_focus)
        .title(Span::styled(
            format!(" Clippings ({}) ", clips.len()),
            t.title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    if clips.is_empty() {
        let msg = "No clippings yet. In an article (or compare), x clips the quote or \
                   sentence at the cursor, X its paragraph, and v starts a selection of \
                   sentences that x then clips. Clippings are saved as you make them.";
        Paragraph::new(msg)
            .style(t.dim)
            .wrap(Wrap { trim: true })
            .render(inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
        return;
    }
    let detail_h = (inner.height / 3)
        .max(4)
        .min(inner.height.saturating_sub(2));
    let list_h = inner.height - detail_h;
    let per = (list_h as usize / ENTRY).max(1);
    let sel = app.clip_selected.min(clips.len() - 1);
    let first = (sel + 1).saturating_sub(per);
    let w = inner.width.saturating_sub(2) as usize;
    let d = &app.dossier;
    for (i, c) in clips.iter().enumerate().skip(first).take(per) {
        let y = inner.y + ((i - first) * ENTRY) as u16;
        let p = resolve(d, c);
        let src = p
            .article
            .map_or_else(|| c.article.clone(), |a| source_label(d, a.id));
        let mut head = format!("{:>2}) {} from {}", i + 1, c.kind.as_str(), src);
        if let Some(par) = p.paragraph_label() {
            head.push_str(&format!(" · {par}"));
        }
        if let Some(s) = p.speaker {
            head.push_str(&format!(" · {s}"));
        }
        if let Some(n) = &c.note {
            head.push_str(&format!(" · note: {n}"));
        }
        let style = if i == sel { t.selected } else { t.title };
        buf.set_stringn(
            inner.x + 1,
            y,
            format!("{:<w$}", super::fit(&head, w)),
            w,
            style,
        );
        if y + 1 < inner.y + list_h {
            let text = format!("    {}", p.text().trim());
            buf.set_stringn(inner.x + 1, y + 1, super::fit(&text, w), w, t.text);
        }
    }
    // The selected clipping in full, with its citation.
    let c = &clips[sel];
    let p = resolve(d, c);
    let cite = p.citation();
    let parts: Vec<String> = [
        cite.speaker.map(str::to_string),
        cite.outlet.map(str::to_string),
        cite.title.map(|s| format!("“{s}”")),
        cite.date.map(str::to_string),
        Some(cite.file.to_string()),
        cite.paragraph.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let lines = vec![
        Line::from(Span::styled(
            crate::tui::wrap::display(p.text().trim()),
            t.text,
        )),
        Line::from(Span::styled(
            format!("— {}", crate::tui::wrap::display(&parts.join(", "))),
            t.dim,
        )),
    ];
    let r = Rect::new(inner.x, inner.y + list_h, inner.width, detail_h);
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(
            Block::default()
                .borders(ratatui::widgets::Borders::TOP)
                .border_style(t.border),
        )
        .render(r, buf);
}

/// The note being typed for clipping `id`.
pub fn render_note(app: &App, id: u64, text: &str, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let n = app
        .state
        .clippings
        .iter()
        .position(|c| c.id == id)
        .map_or(0, |i| i + 1);
    let block = Block::bordered()
        .border_style(t.border_focus)
        .title(Span::styled(
            format!(" Note on clipping {n} (Enter saves, Esc cancels) "),
            t.title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let shown = super::fit(text, inner.width.saturating_sub(3) as usize);
    buf.set_line(
        inner.x + 1,
        inner.y,
        &Line::from(vec![Span::raw(shown), Span::styled("▏", t.cursor_mark)]),
        inner.width.saturating_sub(1),
    );
}

/// The export dialog: format, path, and the question when the file exists.
pub fn render_export(app: &App, dlg: &ExportDialog, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let n = app.state.clippings.len();
    let block = Block::bordered()
        .border_style(t.border_focus)
        .title(Span::styled(
            format!(" Export {n} clipping{} ", if n == 1 { "" } else { "s" }),
            t.title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = inner.width.saturating_sub(2);
    let mut fmt = vec![Span::styled(" Format  ", t.key)];
    for f in ExportFormat::ALL {
        let name = f.label();
        if f == dlg.format {
            fmt.push(Span::styled(format!("[{name}]"), t.selected));
        } else {
            fmt.push(Span::styled(format!(" {name} "), t.dim));
        }
    }
    fmt.push(Span::styled(" (Tab)", t.dim));
    // The end of the path shows, where it is being typed.
    let path = fit_tail(&dlg.path, w.saturating_sub(10) as usize);
    let mut lines = vec![
        Line::from(fmt),
        Line::from(vec![
            Span::styled(" Path    ", t.key),
            Span::raw(path),
            Span::styled(if dlg.exists.is_some() { "" } else { "▏" }, t.cursor_mark),
        ]),
        Line::from(Span::styled(
            " (a bare name: the current folder; ~/ your home)",
            t.dim,
        )),
        Line::from(""),
    ];
    match &dlg.exists {
        Some(p) => {
            lines.push(Line::from(Span::styled(
                format!(
                    " {} exists.",
                    super::fit(&p.display().to_string(), w.saturating_sub(9) as usize)
                ),
                t.warning,
            )));
            lines.push(Line::from(Span::styled(
                " Overwrite it? y overwrites · n or Esc keeps it",
                t.key,
            )));
        }
        None => {
            let order = match dlg.grouping {
                Grouping::BySource => " Grouped by source",
                Grouping::InOrder => " In clipping order",
            };
            lines.push(Line::from(vec![
                Span::styled(order, t.text),
                Span::styled(" (Ctrl-g); each passage with its citation.", t.dim),
            ]));
            lines.push(Line::from(Span::styled(
                " Enter writes · Esc cancels",
                t.key,
            )));
        }
    }
    for (i, l) in lines.iter().take(inner.height as usize).enumerate() {
        buf.set_line(inner.x, inner.y + i as u16, l, inner.width);
    }
}

/// The last `n` columns of `s`, with an ellipsis in front when cut.
pub(super) fn fit_tail(s: &str, n: usize) -> String {
    let s = crate::tui::wrap::display(s);
    if crate::tui::wrap::display_width(&s) <= n {
        return s;
    }
    let mut out = Vec::new();
    let mut w = 1;
    for c in s.chars().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > n {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    out.into_iter().rev().collect()
}
