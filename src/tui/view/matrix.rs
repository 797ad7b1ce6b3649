//! The claims matrix: one row per claim, one column per source (headed by its outlet, else
//! its file stem); in each cell the figure the source gives (`41`, `≠58` where another
//! source contradicts it), else `●` where it reports the claim, `≠` where it conflicts,
//! `·` where it is silent: the glyphs of `dossier claims`. The passage of the selected
//! cell is shown under the table; Enter opens it.

use crate::model::analysis::{cell_text, Stance};
use crate::model::ArticleId;
use crate::tui::app::App;
use crate::tui::wrap::display;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

/// Columns per source at least: a figure with its mark ("≠11,000", "≠1,250") and a space;
/// longer ones ("1.2 million") are cut with an ellipsis, and the outlet heading the column
/// too.
const MIN_COL: u16 = 9;
/// …and at most, when the sources take no more than half the width: an outlet's name
/// ("Stars and Stripes" is cut to "Stars and St…").
const MAX_COL: u16 = 14;

/// Columns per source: wider when few sources leave room, so outlets read whole.
fn col_width(n: usize, table: Rect) -> u16 {
    let half = (table.width / 2) as usize;
    (half / n.max(1)).clamp(MIN_COL as usize, MAX_COL as usize) as u16
}

/// Where the parts of the matrix go.
#[derive(Debug, Clone, Copy)]
pub struct MatrixRects {
    /// Header row and claim rows.
    pub table: Rect,
    /// The selected cell's passage.
    pub preview: Rect,
}

/// Split the main area.
pub fn split(main: Rect) -> MatrixRects {
    let inner = Block::bordered().inner(main);
    let pre = (inner.height / 4).clamp(2, 6);
    let [table, preview] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(pre)]).areas(inner);
    MatrixRects { table, preview }
}

/// The claims keep at least this share of the width when the sources do not all fit.
const MIN_LABEL_SHARE: u16 = 3;
/// …and at most this many columns for that.
const MIN_LABEL: u16 = 40;

/// The label column's width and the source columns shown: (label width, first source
/// shown, sources shown). When the sources do not all fit, the label keeps a third of the
/// width (up to 40 columns) and the sources scroll so that the selected one is in view.
fn columns(app: &App, table: Rect) -> (u16, usize, usize) {
    let n = app.dossier.articles.len();
    let col = col_width(n, table);
    let all = (col as usize).saturating_mul(n).saturating_add(1);
    if all + usize::from(MIN_LABEL.min(table.width / MIN_LABEL_SHARE)) <= table.width as usize {
        return (table.width - all as u16, 0, n);
    }
    let lw = MIN_LABEL.min(table.width / MIN_LABEL_SHARE);
    let shown = (table.width.saturating_sub(lw + 1) / col).max(1) as usize;
    let first = (app.matrix.col + 1).saturating_sub(shown);
    (lw, first, shown.min(n - first.min(n)))
}

/// The (row, column) under a screen position; column none when on the label.
pub fn cell_at(app: &App, p: Position) -> Option<(usize, Option<usize>)> {
    let main = super::layout(app.area(), app).main?;
    let table = split(main).table;
    if !table.contains(p) || p.y == table.y {
        return None;
    }
    let row = app.matrix.scroll + (p.y - table.y - 1) as usize;
    let rows = app.analysis.as_ref()?.matrix.rows.len();
    if row >= rows {
        return None;
    }
    let (lw, first, shown) = columns(app, table);
    let cw = col_width(app.dossier.articles.len(), table);
    let col = (p.x > table.x + lw).then(|| ((p.x - table.x - lw - 1) / cw) as usize);
    Some((row, col.filter(|&c| c < shown).map(|c| first + c)))
}

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
        for (c, cell) in row.cells.iter().enumerate().skip(first).take(shown) {
            let x = r.table.x + lw + 1 + (c - first) as u16 * cw;
            let cs = match cell.as_ref().map(|c| c.stance) {
                Some(Stance::Conflicts) => t.conflict,
                Some(Stance::Reports) => t.agree,
                None => t.dim,
            };
            let s = super::fit(&cell_text(cell.as_ref()), (cw - 1) as usize);
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
    let col = app.matrix.col.min(row.cells.len().saturating_sub(1));
    let a = app.dossier.article(ArticleId(col));
    let text = match row.cells.get(col).and_then(|c| c.as_ref()) {
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
