//! The finder overlay: the query line, the ranked results (speaker, source, text with the
//! matched characters highlighted — computed for the visible rows only), and a preview of
//! the article around the selected result, its first row a third of the way down.

use super::article::{quote_highlights, styled_line, Highlight};
use crate::model::search::{Finder, Hit, Scope};
use crate::tui::app::{App, Overlay};
use crate::tui::wrap::{display_chars, Row, Wrapped};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use unicode_width::UnicodeWidthChar;

pub use crate::model::search::source_label;

/// Draw the finder in `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let (Some(f), Some(Overlay::Finder(st))) = (&app.finder, &app.overlay) else {
        return;
    };
    let (what, other) = match f.scope() {
        Scope::Quotes => ("quotes", "sentences"),
        Scope::Sentences => ("sentences", "quotes"),
    };
    let block = Block::bordered()
        .border_style(t.border_focus)
        .title(Span::styled(format!(" Find {what} "), t.title))
        .title(
            Line::from(Span::styled(
                format!(" Tab: {other} · Enter jumps · Esc closes "),
                t.dim,
            ))
            .right_aligned(),
        );
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height < 3 {
        return;
    }
    // The query line, with the count (and a spinner while a worker matches).
    let count = format!(
        " {}{}/{} ",
        if f.is_running() { "◐ " } else { "" },
        f.hits().len(),
        f.corpus().len()
    );
    let cw = count.chars().count() as u16;
    let q = super::fit(&st.query, inner.width.saturating_sub(cw + 4) as usize);
    buf.set_line(
        inner.x,
        inner.y,
        &Line::from(vec![
            Span::styled("❯ ", t.key),
            Span::raw(q),
            Span::styled("▏", t.cursor_mark),
        ]),
        inner.width,
    );
    buf.set_string(inner.right().saturating_sub(cw), inner.y, count, t.dim);
    let body = inner.height - 1;
    let list_h = (body / 2).max(1);
    let list = Rect::new(inner.x, inner.y + 1, inner.width, list_h);
    render_list(app, f, st.selected, list, buf);
    let prev = Rect::new(
        inner.x,
        list.bottom(),
        inner.width,
        inner.bottom().saturating_sub(list.bottom()),
    );
    if prev.height >= 2 {
        render_preview(app, f, st.selected, prev, buf);
    }
}

/// The results on screen, the selected one in view.
fn render_list(app: &App, f: &Finder, selected: usize, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let hits = f.hits();
    if hits.is_empty() {
        let msg = if f.is_running() {
            "finding…".to_string()
        } else if f.corpus().is_empty() {
            "no quotes in this dossier: Tab searches all sentences".to_string()
        } else {
            "no match (fzf syntax: 'exact ^prefix suffix$ !not, @speaker #source)".to_string()
        };
        buf.set_stringn(area.x + 1, area.y, msg, area.width as usize - 1, t.dim);
        return;
    }
    let h = area.height as usize;
    let sel = selected.min(hits.len() - 1);
    let first = (sel + 1).saturating_sub(h);
    for (i, &hit) in hits.iter().enumerate().skip(first).take(h) {
        let y = area.y + (i - first) as u16;
        let selected = i == sel;
        let base = if selected { t.selected } else { t.text };
        let line = result_line(app, f, hit, area.width as usize, base);
        buf.set_style(Rect::new(area.x, y, area.width, 1), base);
        buf.set_line(area.x, y, &line, area.width);
    }
}

/// One result: marker, speaker (quotes), source, and the text with its matched
/// characters highlighted, scrolled so the first match shows.
fn result_line<'a>(app: &App, f: &Finder, hit: Hit, width: usize, base: Style) -> Line<'a> {
    let t = &app.theme;
    let d = &app.dossier;
    let item = f.item(hit);
    let marks = f.marks(hit);
    let mut spans = vec![Span::styled(" ", base)];
    let mut used = 1;
    // Narrow terminals give the text more of the row.
    let (ws, wa) = if width < 80 { (10, 8) } else { (16, 14) };
    if f.scope() == Scope::Quotes {
        let who = item
            .speaker
            .and_then(|p| d.people.get(p.0))
            .map_or("unknown", |p| p.name.as_str());
        let st = base.patch(t.quote(item.speaker));
        spans.extend(cell(who, ws, &marks.name, st, st.patch(t.hit)));
        used += ws + 1;
    }
    let label = source_label(d, item.article);
    let st = base.patch(t.dim);
    spans.extend(cell(&label, wa, &marks.label, st, base.patch(t.hit)));
    used += wa + 1;
    let room = width.saturating_sub(used + 1);
    // Drawn as the reader draws text (mojibake repaired); the marks follow.
    let (text, of) = display_chars(f.text(hit));
    let mut marks: Vec<usize> = marks
        .text
        .iter()
        .filter_map(|&m| of.get(m).copied())
        .collect();
    marks.dedup();
    // Start a little before the first match when it would be off the row.
    let start = match marks.first() {
        Some(&m) if m + 4 > room => m.saturating_sub(room / 3),
        _ => 0,
    };
    let mut w = 0;
    if start > 0 {
        spans.push(Span::styled("…", base.patch(t.dim)));
        w += 1;
    }
    for (i, &c) in text.iter().enumerate().skip(start) {
        let cw = c.width().unwrap_or(0);
        if w + cw > room {
            break;
        }
        w += cw;
        let st = if marks.binary_search(&i).is_ok() {
            base.patch(t.hit)
        } else {
            base
        };
        spans.push(Span::styled(c.to_string(), st));
    }
    Line::from(spans)
}

/// A column `w` wide (and a blank after it) showing `s` cut to fit, its characters at
/// `marks` (character indices into `s`) in `hit`.
fn cell(s: &str, w: usize, marks: &[usize], st: Style, hit: Style) -> Vec<Span<'static>> {
    let shown = super::fit(s, w);
    let n = shown.chars().count();
    let mut out: Vec<Span<'static>> = Vec::new();
    for (i, c) in shown.chars().enumerate() {
        // The ellipsis of a cut name is never a match.
        let cut = i + 1 == n && c == '…' && shown != s;
        let style = if !cut && marks.binary_search(&i).is_ok() {
            hit
        } else {
            st
        };
        out.push(Span::styled(c.to_string(), style));
    }
    let pad = w.saturating_sub(unicode_width::UnicodeWidthStr::width(shown.as_str()));
    out.push(Span::styled(" ".repeat(pad + 1), st));
    out
}

/// The article around the selected result, the result highlighted and in view (see
/// [`preview_top`]).
fn render_preview(app: &App, f: &Finder, selected: usize, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let Some(&hit) = f.hits().get(selected) else {
        Block::default()
            .borders(Borders::TOP)
            .border_style(t.border)
            .render(area, buf);
        return;
    };
    let item = *f.item(hit);
    let d = &app.dossier;
    let a = d.article(item.article);
    let title = format!(
        " {} · {} · ¶ {} ",
        source_label(d, item.article),
        super::fit(a.display_title(), 50),
        item.paragraph + 1
    );
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(t.border)
        .title(Span::styled(title, t.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let text = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    if text.width == 0 || text.height == 0 {
        return;
    }
    let rows = app.wraps.get(d, item.article, text.width as usize, false);
    // The finder's text of an item is the article's at its span, line breaks as spaces
    // (one byte for one), so a matched character's index is a byte offset in the span.
    let first_match = f
        .highlight(hit)
        .first()
        .and_then(|&m| f.text(hit).char_indices().nth(m))
        .map(|(b, _)| item.span.start + b);
    let h = text.height as usize;
    let top = preview_top(&rows, item.span, first_match, h);
    let mut hl: Vec<Highlight> = quote_highlights(app, item.article);
    hl.push((item.span, t.matched));
    for (i, row) in rows.rows.iter().skip(top).take(h).enumerate() {
        if let Row::Text { para, start, end } = *row {
            let base = if a.paragraphs[para].kind.is_noise() {
                t.dim
            } else {
                t.text
            };
            let line = styled_line(&a.text, start, end, base, &hl);
            buf.set_line(text.x, text.y + i as u16, &line, text.width);
        }
    }
}

/// The first row of a preview `h` rows tall: the passage's first row a third of the way
/// down (where a jump puts it in the article), moved up so that a passage that fits shows
/// whole, and down when the passage is taller than the preview and its first matched
/// character (a byte offset) would fall below it.
fn preview_top(
    rows: &Wrapped,
    span: crate::model::Span,
    first_match: Option<usize>,
    h: usize,
) -> usize {
    let (r0, r1) = rows.rows_of(span);
    let mut top = r0.saturating_sub(h / 3);
    if r1 >= top + h {
        top = (r1 + 1).saturating_sub(h).min(r0);
    }
    if let Some(m) = first_match.map(|b| rows.row_of(b)) {
        if m >= top + h {
            top = m.saturating_sub(h / 3);
        }
    }
    top.min(rows.len().saturating_sub(h))
}
