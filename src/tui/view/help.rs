//! Overlays: the help, generated from the keymap, and the picker for the other source of
//! a comparison.

use crate::model::ArticleId;
use crate::tui::app::{candidates, App, SearchIn};
use crate::tui::keymap::help::{self, HelpLine};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

/// The help's lines, styled: the keys, what they do, and the action's name dimmed in a
/// column of its own (whole: it is what `config.toml` takes), for a box `width` wide.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let data = help::lines(&app.keymap, app.view_mode(), app.search.help_filter());
    let w = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let (mut keys_w, mut what_w, mut name_w) = (0, 0, 0);
    for l in &data {
        if let HelpLine::Key { keys, what, name } = l {
            keys_w = keys_w.max(w(keys));
            what_w = what_w.max(w(what));
            name_w = name_w.max(w(name));
        }
    }
    // Long key lists wrap the column no wider than this; the description is what gives
    // way on a narrow screen, and the names go only when it would have under 12 columns.
    let keys_w = keys_w.min(20);
    let mut desc_w = width.saturating_sub(2 + keys_w + 2 + name_w + 2);
    if desc_w < 12 {
        name_w = 0;
        desc_w = width.saturating_sub(2 + keys_w + 2);
    }
    let desc_w = desc_w.min(what_w);
    data.into_iter()
        .map(|l| match l {
            HelpLine::Title(s) => Line::from(Span::styled(s, t.title)),
            HelpLine::Blank => Line::from(""),
            HelpLine::Key { keys, what, name } => {
                let keys = super::fit(&keys, keys_w);
                let what = super::fit(what, desc_w);
                let mut spans = vec![
                    Span::styled(format!("  {keys:<keys_w$}  "), t.key),
                    Span::raw(format!("{what:<desc_w$}")),
                ];
                if name_w > 0 {
                    spans.push(Span::styled(format!("  {name}"), t.dim));
                }
                Line::from(spans)
            }
            HelpLine::Mark(m, what) => Line::from(vec![
                Span::styled(
                    format!("  {:<keys_w$}  ", m.marker()),
                    super::compare::mark_style(t, m),
                ),
                Span::raw(what),
            ]),
        })
        .collect()
}

/// Draw the help overlay scrolled by `scroll` rows.
pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let title = match (app.search.scope, app.search.editing) {
        (SearchIn::Help, true) => {
            format!(" Keys matching /{}▏ ", super::fit(&app.search.query, 30))
        }
        _ => match app.search.help_filter() {
            Some(f) => format!(" Keys matching “{}” (Esc closes) ", super::fit(f, 30)),
            None => " Keys (j/k scroll, / filters, Esc closes) ".to_string(),
        },
    };
    let block = Block::bordered()
        .border_style(t.border_focus)
        .title(Span::styled(title, t.title));
    let inner = block.inner(area);
    let all = lines(app, inner.width as usize);
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
