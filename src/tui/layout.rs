//! Where everything goes on the screen: pure geometry over `&App`, with no drawing.
//!
//! Rendering (`view`) draws into these rectangles and key handling (`app`) moves readers
//! and hit-tests the mouse with the very same ones, so a cursor is never moved by one
//! geometry and drawn by another.

use crate::tui::app::{App, Focus, Side};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::widgets::Block;

/// Below this size the reader says so instead of drawing.
pub const MIN_SIZE: (u16, u16) = (40, 10);

/// Below this width the source list and the article take turns instead of sharing.
const SPLIT_WIDTH: u16 = 80;

/// Where the panes go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub sources: Option<Rect>,
    pub main: Option<Rect>,
    pub status: Rect,
}

/// Split the screen for the app's focus.
pub fn layout(area: Rect, app: &App) -> Panes {
    let [body, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    match app.focus {
        Focus::Compare
        | Focus::Matrix
        | Focus::Clippings
        | Focus::Figures
        | Focus::Speakers
        | Focus::Variants
        | Focus::OnlyHere => Panes {
            sources: None,
            main: Some(body),
            status,
        },
        _ if body.width < SPLIT_WIDTH => {
            let one = Some(body);
            if app.focus == Focus::Sources {
                Panes {
                    sources: one,
                    main: None,
                    status,
                }
            } else {
                Panes {
                    sources: None,
                    main: one,
                    status,
                }
            }
        }
        _ => {
            // A third of the width: titles need ~30 columns to be told apart, and
            // beyond 60 the list only takes room from the article.
            let w = (body.width / 3).clamp(30, 60);
            let [s, m] =
                Layout::horizontal([Constraint::Length(w), Constraint::Min(1)]).areas(body);
            Panes {
                sources: Some(s),
                main: Some(m),
                status,
            }
        }
    }
}

/// True when the terminal is too small to draw the reader.
pub fn too_small(app: &App) -> bool {
    app.size.0 < MIN_SIZE.0 || app.size.1 < MIN_SIZE.1
}

/// Columns left of an article's text: the cursor bar and a marker.
pub const GUTTER: u16 = 2;

/// The text rows inside an article pane at `area` (without border, header and gutter).
pub fn article_text(area: Rect) -> Rect {
    let inner = Block::bordered().inner(area);
    Rect::new(
        inner.x + GUTTER,
        inner.y + 1,
        inner.width.saturating_sub(GUTTER + 1),
        inner.height.saturating_sub(1),
    )
}

/// The article pane's text rows, when it is shown.
pub fn article_text_area(app: &App) -> Option<Rect> {
    let panes = layout(app.area(), app);
    match app.focus {
        Focus::Sources | Focus::Article => panes.main.map(article_text),
        _ => None,
    }
}

/// Rows each source takes in the source list.
pub const SOURCE_ROWS: u16 = 2;

/// The first source the list at `inner` shows, so the selection is on screen.
pub fn sources_offset(app: &App, inner: Rect) -> usize {
    let fit = (inner.height / SOURCE_ROWS).max(1) as usize;
    (app.source_row() + 1).saturating_sub(fit)
}

/// The row of the source list (in the order shown) drawn at screen row `y` of a list at
/// `area`.
pub fn source_at(app: &App, area: Rect, y: u16) -> Option<usize> {
    let inner = Block::bordered().inner(area);
    if y < inner.y || y >= inner.bottom() {
        return None;
    }
    Some(sources_offset(app, inner) + ((y - inner.y) / SOURCE_ROWS) as usize)
}

/// Below this width the compare view's sides are stacked.
pub const SIDE_BY_SIDE: u16 = 100;

/// Where the parts of the compare view go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareRects {
    pub sides: [Rect; 2],
    pub detail: Rect,
    pub stacked: bool,
}

/// Split the main area into the two sides and the detail lines.
pub fn compare_split(main: Rect) -> CompareRects {
    let [body, detail] = Layout::vertical([Constraint::Min(1), Constraint::Length(2)]).areas(main);
    let stacked = main.width < SIDE_BY_SIDE;
    let [a, b] = if stacked {
        Layout::vertical([Constraint::Ratio(1, 2); 2]).areas(body)
    } else {
        Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(body)
    };
    CompareRects {
        sides: [a, b],
        detail,
        stacked,
    }
}

/// The text rows of a compare side's box.
pub fn compare_text(side: Rect) -> Rect {
    let inner = Block::bordered().inner(side);
    Rect::new(
        inner.x + GUTTER,
        inner.y,
        inner.width.saturating_sub(GUTTER + 1),
        inner.height,
    )
}

/// Both sides' text rows in the compare view.
pub fn compare_text_areas(app: &App) -> Option<[Rect; 2]> {
    let main = layout(app.area(), app).main?;
    let r = compare_split(main);
    Some([compare_text(r.sides[0]), compare_text(r.sides[1])])
}

/// The compare side under a screen position.
pub fn side_at(app: &App, p: Position) -> Option<Side> {
    let main = layout(app.area(), app).main?;
    let r = compare_split(main);
    [Side::Left, Side::Right]
        .into_iter()
        .find(|s| r.sides[s.idx()].contains(p))
}

/// Columns per source in the matrix at least: a figure with its mark ("≠11,000",
/// "≠1,250") and a space; longer ones ("1.2 million") are cut with an ellipsis, and the
/// outlet heading the column too.
const MATRIX_MIN_COL: u16 = 9;
/// …and at most, when the sources take no more than half the width: an outlet's name
/// ("Stars and Stripes" is cut to "Stars and St…").
const MATRIX_MAX_COL: u16 = 14;

/// Columns per source in the matrix: wider when few sources leave room, so outlets read
/// whole.
pub fn matrix_col(n: usize, table: Rect) -> u16 {
    let half = (table.width / 2) as usize;
    (half / n.max(1)).clamp(MATRIX_MIN_COL as usize, MATRIX_MAX_COL as usize) as u16
}

/// The matrix's claims keep at least this share of the width when the sources do not
/// all fit…
const MIN_LABEL_SHARE: u16 = 3;
/// …and at most this many columns for that.
const MIN_LABEL: u16 = 40;

/// Where the parts of the matrix go.
#[derive(Debug, Clone, Copy)]
pub struct MatrixRects {
    /// Header row and claim rows.
    pub table: Rect,
    /// The selected cell's passage.
    pub preview: Rect,
}

/// Split the matrix's main area.
pub fn matrix_split(main: Rect) -> MatrixRects {
    let inner = Block::bordered().inner(main);
    let pre = (inner.height / 4).clamp(2, 6);
    let [table, preview] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(pre)]).areas(inner);
    MatrixRects { table, preview }
}

/// The matrix's label column width and the source columns shown: (label width, first
/// source shown, sources shown). When the sources do not all fit, the label keeps a
/// third of the width (up to 40 columns) and the sources scroll so that the selected one
/// is in view.
pub fn matrix_columns(app: &App, table: Rect) -> (u16, usize, usize) {
    let n = app.dossier.articles.len();
    let col = matrix_col(n, table);
    let all = (col as usize).saturating_mul(n).saturating_add(1);
    if all + usize::from(MIN_LABEL.min(table.width / MIN_LABEL_SHARE)) <= table.width as usize {
        return (table.width - all as u16, 0, n);
    }
    let lw = MIN_LABEL.min(table.width / MIN_LABEL_SHARE);
    let shown = (table.width.saturating_sub(lw + 1) / col).max(1) as usize;
    let first = (app.matrix.col + 1).saturating_sub(shown);
    (lw, first, shown.min(n - first.min(n)))
}

/// The matrix (row, column) under a screen position; column none when on the label.
pub fn matrix_cell_at(app: &App, p: Position) -> Option<(usize, Option<usize>)> {
    let main = layout(app.area(), app).main?;
    let table = matrix_split(main).table;
    if !table.contains(p) || p.y == table.y {
        return None;
    }
    let row = app.matrix.scroll + (p.y - table.y - 1) as usize;
    let rows = app.analysis.as_ref()?.matrix.rows.len();
    if row >= rows {
        return None;
    }
    let (lw, first, shown) = matrix_columns(app, table);
    let cw = matrix_col(app.dossier.articles.len(), table);
    let col = (p.x > table.x + lw).then(|| ((p.x - table.x - lw - 1) / cw) as usize);
    Some((row, col.filter(|&c| c < shown).map(|c| first + c)))
}

/// Rows of claims the matrix shows at once.
pub fn matrix_body_height(app: &App) -> usize {
    layout(app.area(), app).main.map_or(1, |m| {
        matrix_split(m).table.height.saturating_sub(1) as usize
    })
}

/// Rows of the help overlay's box (the screen less two rows, less its border).
pub fn help_rows(app: &App) -> usize {
    (app.size.1 as usize).saturating_sub(4).max(1)
}
