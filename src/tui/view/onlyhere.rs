//! The "only here" view: for one source, the claims no other outlet reports, those
//! stating a figure first (`#`, the figures after the text) and the others after (`-`);
//! the selected claim is shown in full below, its figures marked. Enter opens it, `x`
//! clips it, `h` `l` go to another source.

use crate::tui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Widget};

/// Draw the view.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let d = &app.dossier;
    let a = d.article(app.only.article);
    let rows = app.only_rows();
    let title = format!(
        " Only in {}. {} ({}) · what no other outlet reports ",
        app.only.article.0 + 1,
        super::fit(a.source_name(), 30),
        rows.as_ref()
            .map_or_else(|| "…".to_string(), |r| r.len().to_string())
    );
    let block = Block::bordered()
        .border_style(t.border_focus)
        .title(Span::styled(title, t.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(rows) = rows else {
        let what = match app.progress {
            Some((done, total)) => format!("analysing claims… {done}/{total}"),
            None => "analysing claims…".to_string(),
        };
        buf.set_stringn(inner.x + 1, inner.y, what, inner.width as usize, t.dim);
        return;
    };
    if rows.is_empty() {
        buf.set_stringn(
            inner.x + 1,
            inner.y,
            "another outlet reports every claim of this source",
            inner.width as usize,
            t.dim,
        );
        return;
    }
    let pre = (inner.height / 3).clamp(2, 8);
    let [list, _, preview] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(pre),
    ])
    .areas(inner);
    let sel = app.only.selected.min(rows.len() - 1);
    let h = list.height as usize;
    let first = (sel + 1).saturating_sub(h.max(1));
    let w = list.width as usize;
    for (i, r) in rows.iter().enumerate().skip(first).take(h) {
        let y = list.y + (i - first) as u16;
        let mark = if r.figures.is_empty() { "-" } else { "#" };
        let figs = if r.figures.is_empty() {
            String::new()
        } else {
            format!("  [{}]", r.figures.join(", "))
        };
        let line = format!(
            "{}{mark} {}",
            if i == sel { "▌" } else { " " },
            a.slice(r.span).trim()
        );
        let style = if i == sel { t.selected } else { t.text };
        let fw = crate::tui::wrap::display_width(&super::fit(&figs, w / 3));
        let body = super::fit(&line, w.saturating_sub(fw));
        let bw = crate::tui::wrap::display_width(&body);
        buf.set_stringn(list.x, y, format!("{body:<w$}", w = w), w, style);
        if !figs.is_empty() {
            let fs = if i == sel { t.selected } else { t.figure };
            buf.set_stringn(list.x + bw as u16, y, super::fit(&figs, w / 3), fw, fs);
        }
    }
    let r = &rows[sel];
    let lines = super::variants::marked_lines(
        a.slice(r.span),
        r.span.start,
        &r.figure_spans,
        preview.width as usize,
        t.text,
        t.figure,
    );
    for (k, line) in lines.iter().take(preview.height as usize).enumerate() {
        buf.set_line(preview.x, preview.y + k as u16, line, preview.width);
    }
}

#[cfg(test)]
mod tests {
    use crate::tui::action::Action as A;
    use crate::tui::view::speakers::tests::snapshot_harbour;

    /// What only Coast Courier reports: its figures first, the selected claim in full.
    #[test]
    fn view_only_here() {
        snapshot_harbour("only_here", &[A::OnlyHere]);
    }
}
