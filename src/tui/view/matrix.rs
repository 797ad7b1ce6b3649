//! The claims matrix: one row per claim, one column per source (headed by its outlet, else
//! its file stem); in each cell the figure the source gives (`41`, `≠58` where another
//! source contradicts it), else `●` where it reports the claim, `≠` where it conflicts,
//! `·` where it is silent: the glyphs of `dossier claims`. The passage of the selected
//! cell is shown under the table; Enter opens it.

use crate::model::analysis::{cell_text, Stance};
use crate::model::ArticleId;
use crate::tui::app::App;
use crate::tui::layout::{
    matrix_col as col_width, matrix_columns as columns, matrix_split as split,
};
use crate::tui::wrap::display;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

/// What the matrix says of a dossier with a single source.
pub const ONE_SOURCE: &str =
    "one source: claims are compared across two or more sources (add articles to the folder)";

/// Draw the matrix.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let block = Block::bordered()
        .border_style(t.border_focus)
        .title(Span::styled(" Claims × sources ", t.title));
    block.render(area, buf);
    let r = split(area);
    let Some(an) = &app.analysis else {
        // One source has nothing to compare, and no analysis is ever started for it.
        let what = match app.progress {
            Some((done, total)) if app.dossier.articles.len() >= 2 => {
                format!("analysing claims… {done}/{total} comparisons")
            }
            _ => ONE_SOURCE.to_string(),
        };
        buf.set_stringn(
            r.table.x + 1,
            r.table.y,
            what,
            r.table.width as usize,
            t.dim,
        );
        return;
    };
    let (lw, first, shown) = columns(app, r.table);
    let n = app.dossier.articles.len();
    let cw = col_width(n, r.table);
    let head = if shown < n {
        format!("claim (sources {}–{} of {n})", first + 1, first + shown)
    } else {
        "claim".to_string()
    };
    buf.set_stringn(r.table.x, r.table.y, head, lw as usize, t.dim);
    for i in first..first + shown {
        let x = r.table.x + lw + 1 + (i - first) as u16 * cw;
        let st = if i == app.matrix.col { t.title } else { t.dim };
        let name = app.dossier.article(ArticleId(i)).source_name();
        let head = super::fit(name, (cw - 1) as usize);
        buf.set_stringn(x, r.table.y, head, (cw - 1) as usize, st);
    }
    if an.matrix.rows.is_empty() {
        buf.set_stringn(
            r.table.x,
            r.table.y + 1,
            "no claims aligned across these sources",
            r.table.width as usize,
            t.dim,
        );
    }
    let height = r.table.height.saturating_sub(1) as usize;
    for (i, row) in an
        .matrix
        .rows
        .iter()
        .enumerate()
        .skip(app.matrix.scroll)
        .take(height)
    {
        let y = r.table.y + 1 + (i - app.matrix.scroll) as u16;
        let (aid, span) = row.label;
        let text = app.dossier.article(aid).slice(span);
        let sel = i == app.matrix.row;
        let st = if row.conflict() { t.conflict } else { t.text };
        let st = if sel { st.patch(t.title) } else { st };
        let mark = if sel { "▌" } else { " " };
        buf.set_stringn(
            r.table.x,
            y,
            format!("{mark}{}", super::fit(text, lw.saturating_sub(1) as usize)),
            lw as usize,
            st,
        );
        let columns = app.dossier.articles.len();
        for c in (first..columns).take(shown) {
            let cell = row.cell(ArticleId(c));
            let x = r.table.x + lw + 1 + (c - first) as u16 * cw;
            let cs = match cell.map(|c| c.stance) {
                Some(Stance::Conflicts) => t.conflict,
                Some(Stance::Reports) => t.agree,
                None => t.dim,
            };
            let s = super::fit(&cell_text(cell), (cw - 1) as usize);
            let cs = if sel && c == app.matrix.col {
                t.selected
            } else {
                cs
            };
            buf.set_stringn(x, y, s, (cw - 1) as usize, cs);
        }
    }
    preview(app, r.preview, buf);
}

/// The selected cell's passage (or the source's name when it is silent).
fn preview(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let Some(row) = app
        .analysis
        .as_ref()
        .and_then(|an| an.matrix.rows.get(app.matrix.row))
    else {
        // No claim to show: say which source each column is.
        let legend: Vec<String> = app
            .dossier
            .articles
            .iter()
            .map(|a| format!("{}: {}", a.source_name(), super::fit(a.display_title(), 30)))
            .collect();
        Paragraph::new(legend.join(" · "))
            .style(t.dim)
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    };
    let col = app
        .matrix
        .col
        .min(app.dossier.articles.len().saturating_sub(1));
    let a = app.dossier.article(ArticleId(col));
    let text = match row.cell(ArticleId(col)) {
        Some(c) => format!(
            "{}. {} ({}): {}",
            col + 1,
            display(a.source_name()),
            display(a.display_title()),
            display(a.slice(c.span))
        ),
        None => format!(
            "{}. {} ({}): does not report this claim",
            col + 1,
            display(a.source_name()),
            display(a.display_title())
        ),
    };
    Paragraph::new(text)
        .style(t.dim)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
