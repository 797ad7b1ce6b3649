//! Overlays: the help, generated from the keymap, and the picker for the other source of
//! a comparison.

use crate::model::ArticleId;
use crate::tui::app::{candidates, App};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

/// The help's lines: one section per mode, every binding of it.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out = Vec::new();
    for (mode, rows) in app.keymap.help() {
        if !out.is_empty() {
            out.push(Line::from(""));
        }
        out.push(Line::from(Span::styled(mode.label().to_string(), t.title)));
        for (keys, what, name) in rows {
            out.push(Line::from(vec![
                Span::styled(format!("  {keys:<16}"), t.key),
                Span::raw(what.to_string()),
                Span::styled(format!("  {name}"), t.dim),
            ]));
        }
    }
    out.push(Line::from(""));
    out.push(Line::from(Span::styled("MARKS IN COMPARE", t.title)));
    for (m, what, st) in [
        (
            "≠",
            "conflicting: the other source gives a different figure",
            t.conflict,
        ),
        (
            "=",
            "corroborated: the other source reports it too",
            t.agree,
        ),
        (
            "+",
            "only here: the other source does not report it",
            t.only,
        ),
    ] {
        out.push(Line::from(vec![
            Span::styled(format!("  {m:<16}"), st),
            Span::raw(what),
        ]));
    }
    out
}

/// Draw the help overlay scrolled by `scroll` rows.
pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let all = lines(app);
    let block = Block::bordered()
        .border_style(t.border_focus)
        .title(Span::styled(" Keys (j/k scroll, Esc closes) ", t.title));
    let inner = block.inner(area);
    let scroll = scroll.min(all.len().saturating_sub(inner.height as usize));
    Paragraph::new(all)
        .scroll((scroll as u16, 0))
        .block(block)
        .render(area, buf);
}

/// Draw the source picker.
pub fn render_pick(app: &App, left: ArticleId, selected: usize, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let title = format!(" Compare {}. with… (Enter, Esc) ", left.0 + 1);
    let block = Block::bordered()
        .border_style(t.border_focus)
        .title(Span::styled(title, t.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = inner.width as usize;
    let cands = candidates(&app.dossier, left);
    let first = (selected + 1).saturating_sub(inner.height.max(1) as usize);
    for (i, id) in cands
        .iter()
        .enumerate()
        .skip(first)
        .take(inner.height as usize)
    {
        let a = app.dossier.article(*id);
        // Outlet and date first: they tell two sources apart where titles look alike.
        let mut source = a.meta.outlet.clone().unwrap_or_default();
        if let Some(d) = a.meta.date.as_deref() {
            let day = d.get(..10).unwrap_or(d);
            source = if source.is_empty() {
                day.to_string()
            } else {
                format!("{source}, {day}")
            };
        }
        let text = if source.is_empty() {
            format!(" {}. {}", id.0 + 1, a.display_title())
        } else {
            format!(" {}. {} — {}", id.0 + 1, source, a.display_title())
        };
        let style = if i == selected { t.selected } else { t.text };
        buf.set_stringn(
            inner.x,
            inner.y + (i - first) as u16,
            format!("{:<w$}", super::fit(&text, w)),
            w,
            style,
        );
    }
}
