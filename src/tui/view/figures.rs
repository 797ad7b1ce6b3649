//! The figures view: the dossier's quantities (what is measured, as `dossier figures`
//! groups them) down the side, and for the selected one a timeline table (time, outlet,
//! value, holder) with a bar per value and a sparkline of them in time order; mentions in
//! conflict are marked `≠` and drawn in the conflict style. The selected mention's passage
//! is shown under the table; Enter opens it.

use crate::model::analysis::{conflicted, mention_day, open_conflicts, short_figure};
use crate::model::claims::{FigureMention, Quantity};
use crate::tui::app::{App, FiguresSide};
use crate::tui::wrap::display;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

/// Below this inner width the quantities go above the timeline instead of beside it.
const SIDE_BY_SIDE: u16 = 70;
/// Columns of a date ("2031-04-02").
const TIME_W: u16 = 10;
/// Eighths of a block, for bars with sub-cell precision.
const EIGHTHS: [&str; 8] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"];
/// Sparkline levels.
const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Where the parts of the view go.
struct Rects {
    list: Rect,
    head: Rect,
    table: Rect,
    preview: Rect,
}

/// Split the inner area; `n` quantities are listed (stacked, the list takes no more rows).
fn split(inner: Rect, n: usize) -> Rects {
    let (list, detail) = if inner.width >= SIDE_BY_SIDE {
        let w = (inner.width / 3).clamp(22, 36);
        let [l, _, d] = Layout::horizontal([
            Constraint::Length(w),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(inner);
        (l, d)
    } else {
        let h = (inner.height / 3).clamp(2, 8).min(n.max(1) as u16);
        let [l, d] = Layout::vertical([Constraint::Length(h), Constraint::Min(1)]).areas(inner);
        (l, d)
    };
    let pre = (detail.height / 4).clamp(1, 5);
    let [head, table, preview] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(pre),
    ])
    .areas(detail);
    Rects {
        list,
        head,
        table,
        preview,
    }
}

/// What a click at `p` lands on in the figures view drawn in `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A quantity, as a position in the list shown.
    Quantity(usize),
    /// A row of the timeline.
    Row(usize),
}

/// The list's first row drawn, as [`list`] scrolls it.
fn list_scroll(app: &App, h: usize) -> usize {
    let f = &app.figures;
    if f.selected >= f.scroll + h {
        f.selected + 1 - h
    } else {
        f.scroll.min(f.selected)
    }
}

/// The quantity or timeline row under a screen position.
pub fn hit(app: &App, main: Rect, p: ratatui::layout::Position) -> Option<Hit> {
    let qs = app.quantities()?;
    let shown = app.figures.shown(qs.len()).len();
    let r = split(Block::bordered().inner(main), shown);
    if r.list.contains(p) {
        let i = list_scroll(app, r.list.height as usize) + (p.y - r.list.y) as usize;
        return (i < shown).then_some(Hit::Quantity(i));
    }
    if r.table.contains(p) && p.y > r.table.y {
        let rows = app.figure_selection().map_or(0, |(_, t)| t.len());
        let h = r.table.height.saturating_sub(1) as usize;
        let i = (app.figures.row + 1).saturating_sub(h) + (p.y - r.table.y - 1) as usize;
        return (i < rows).then_some(Hit::Row(i));
    }
    None
}

/// A bar of `v` out of `max` over `w` cells, to the eighth of a cell.
fn bar(v: f64, max: f64, w: usize) -> String {
    if max <= 0.0 || !v.is_finite() || w == 0 {
        return String::new();
    }
    let eighths = ((v.abs() / max).min(1.0) * (w * 8) as f64).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    if let Some(part) = (eighths % 8).checked_sub(1) {
        s.push_str(EIGHTHS[part]);
    }
    if s.is_empty() {
        s.push_str(EIGHTHS[0]);
    }
    s
}

/// The values in time order as a sparkline, from zero to the largest.
fn sparkline(values: &[f64]) -> String {
    let max = values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    if max <= 0.0 {
        return String::new();
    }
    values
        .iter()
        .map(|v| LEVELS[((v.abs() / max) * 7.0).round().clamp(0.0, 7.0) as usize])
        .collect()
}

/// Draw the view.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let block = Block::bordered()
        .border_style(t.border_focus)
        .title(Span::styled(" Figures ", t.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(qs) = app.quantities() else {
        let what = match app.progress {
            Some((done, total)) if app.dossier.articles.len() >= 2 => {
                format!("analysing claims… {done}/{total}")
            }
            _ => "one source: figures are compared across two or more sources".to_string(),
        };
        buf.set_stringn(inner.x + 1, inner.y, what, inner.width as usize, t.dim);
        return;
    };
    let shown = app.figures.shown(qs.len());
    if shown.is_empty() {
        let what = if app.figures.matches.is_some() {
            format!(
                "no figure matches /{} (Esc clears)",
                display(&app.figures.query)
            )
        } else {
            "no figure is stated by two sources".to_string()
        };
        buf.set_stringn(inner.x + 1, inner.y, what, inner.width as usize, t.dim);
        return;
    }
    let r = split(inner, shown.len());
    list(app, qs, &shown, r.list, buf);
    if r.list.right() < r.head.x {
        // Side by side: a rule between the quantities and the timeline.
        for y in inner.y..inner.bottom() {
            buf.set_string(r.list.right(), y, "│", t.border);
        }
    }
    let Some((qi, order)) = app.figure_selection() else {
        return;
    };
    let q = &qs[qi];
    head(app, q, &order, r.head, buf);
    table(app, q, &order, r.table, buf);
    preview(app, q, &order, r.preview, buf);
}

/// The quantities, the selected one marked; `≠` before those with a conflict.
fn list(app: &App, qs: &[Quantity], shown: &[usize], area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let f = &app.figures;
    let h = area.height as usize;
    if h == 0 {
        return;
    }
    let scroll = list_scroll(app, h);
    let focused = f.side == FiguresSide::Quantities;
    for (row, &qi) in shown.iter().enumerate().skip(scroll).take(h) {
        let q = &qs[qi];
        let y = area.y + (row - scroll) as u16;
        let sel = row == f.selected;
        let conflict = open_conflicts(&app.dossier, q).next().is_some();
        // Two quantities can measure alike ("troop" here and there): their figures tell
        // them apart.
        let span = format!(" {}", super::fit(&range(q), 17));
        let w = (area.width as usize).saturating_sub(3 + crate::tui::wrap::display_width(&span));
        let line = format!(
            "{}{} {:<w$}{span}",
            if sel { "▌" } else { " " },
            if conflict { "≠" } else { " " },
            super::fit(&q.name(), w),
        );
        let st = if conflict { t.conflict } else { t.text };
        let st = match (sel, focused) {
            (true, true) => t.selected,
            (true, false) => st.patch(t.title),
            _ => st,
        };
        buf.set_stringn(area.x, y, line, area.width as usize, st);
    }
}

/// The lowest and the highest figure of a quantity as written, short ("2,000–3,000"), or
/// the one figure when their values are alike.
fn range(q: &Quantity) -> String {
    let by_value =
        |a: &&FigureMention, b: &&FigureMention| a.figure.value.total_cmp(&b.figure.value);
    let short =
        |m: &FigureMention| short_figure(&m.figure.text).unwrap_or_else(|| m.figure.text.clone());
    match (
        q.mentions.iter().min_by(by_value),
        q.mentions.iter().max_by(by_value),
    ) {
        // Alike in value, one figure however written ("19" and "Nineteen").
        (Some(lo), Some(hi)) if lo.figure.value != hi.figure.value && short(lo) != short(hi) => {
            format!("{}–{}", short(lo), short(hi))
        }
        (Some(one), _) => short(one),
        _ => String::new(),
    }
}

/// What the quantity measures, its counts and a sparkline of its values in time order.
fn head(app: &App, q: &Quantity, order: &[usize], area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let unit = q
        .unit
        .as_deref()
        .map(|u| format!(", {u}"))
        .unwrap_or_default();
    let values: Vec<f64> = order.iter().map(|&i| q.mentions[i].figure.value).collect();
    let spark = sparkline(&values);
    let text = format!(
        "{} ({}{unit}) · {} mentions · {} ≠",
        display(&q.name()),
        q.kind.as_str(),
        q.mentions.len(),
        open_conflicts(&app.dossier, q).count()
    );
    let sw = spark.chars().count() as u16;
    let room = area.width.saturating_sub(sw + 1);
    buf.set_stringn(
        area.x,
        area.y,
        super::fit(&text, room as usize),
        room as usize,
        t.title,
    );
    if sw > 0 && sw < area.width {
        buf.set_stringn(
            area.x + area.width - sw,
            area.y,
            spark,
            sw as usize,
            t.figure,
        );
    }
}

/// A figure for the timeline's VALUE column: as written when it fits, else its number
/// with its bound as a sign ("~143 million", "≥28"), so that a long qualifier ("an
/// estimated …") never hides the number behind an ellipsis.
fn value_cell(f: &crate::model::facts::Figure, width: usize) -> String {
    use crate::model::facts::lexicon::Qualifier as Q;
    if crate::tui::wrap::display_width(&display(&f.text)) <= width {
        return f.text.clone();
    }
    let Some(number) = short_figure(&f.text) else {
        return f.text.clone();
    };
    let sign = match f.qualifier {
        Q::Exact => "",
        Q::Approx | Q::Vague => "~",
        Q::AtLeast => "≥",
        Q::AtMost => "≤",
    };
    format!("{sign}{number}")
}

/// The widths of the timeline's columns: (outlet, value, bar, holder); holder 0 when it
/// does not fit.
fn widths(w: u16) -> (usize, usize, usize, usize) {
    let w = w as usize;
    let bar = if w >= 60 { 10 } else { 5 };
    let outlet = (w / 5).clamp(8, 18);
    let value = (w / 5).clamp(8, 22);
    let fixed = 2 + TIME_W as usize + 1 + outlet + 1 + value + 1 + bar;
    let holder = w.saturating_sub(fixed + 1);
    let holder = if holder >= 8 { holder } else { 0 };
    (outlet, value, bar, holder)
}

/// One row per mention in time order: time, outlet, value, holder and a bar of the value.
fn table(app: &App, q: &Quantity, order: &[usize], area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let f = &app.figures;
    let (ow, vw, bw, hw) = widths(area.width);
    let tw = TIME_W as usize;
    // Where the bar and the holder start.
    let bx = area.x + (2 + tw + 1 + ow + 1 + vw + 1) as u16;
    let hx = bx + bw as u16 + 1;
    let header = format!("  {:<tw$} {:<ow$} {:<vw$}", "TIME", "OUTLET", "VALUE");
    buf.set_stringn(area.x, area.y, header, area.width as usize, t.dim);
    if hw > 0 {
        buf.set_stringn(hx, area.y, "HOLDER", hw, t.dim);
    }
    let h = area.height.saturating_sub(1) as usize;
    if h == 0 {
        return;
    }
    let max = q
        .mentions
        .iter()
        .fold(0.0f64, |m, x| m.max(x.figure.value.abs()));
    let scroll = (f.row + 1).saturating_sub(h);
    let focused = f.side == FiguresSide::Timeline;
    let marks = conflicted(&app.dossier, q);
    for (row, &mi) in order.iter().enumerate().skip(scroll).take(h) {
        let m = &q.mentions[mi];
        let a = app.dossier.article(m.article);
        let y = area.y + 1 + (row - scroll) as u16;
        let bad = marks[mi];
        // The day the figure was true, as `dossier figures` shows it.
        let date = match mention_day(&app.dossier, m).text() {
            "" => "—",
            t => t,
        };
        let line = format!(
            "{} {:<tw$} {:<ow$} {:<vw$}",
            if bad { "≠" } else { " " },
            super::fit(date, tw),
            super::fit(a.source_name(), ow),
            super::fit(&value_cell(&m.figure, vw), vw),
        );
        let st = if bad { t.conflict } else { t.text };
        let st: Style = match (row == f.row, focused) {
            (true, true) => t.selected,
            (true, false) => st.patch(t.title),
            _ => st,
        };
        buf.set_stringn(area.x, y, &line, area.width as usize, st);
        let room = area.right().saturating_sub(bx) as usize;
        let bar_style = if bad { t.conflict } else { t.figure };
        buf.set_stringn(bx, y, bar(m.figure.value, max, bw), bw.min(room), bar_style);
        if hw > 0 {
            let holder = super::fit(m.holder.as_deref().unwrap_or(""), hw);
            buf.set_stringn(hx, y, holder, hw, st);
        }
    }
}

/// The selected mention's passage, and what it conflicts with.
fn preview(app: &App, q: &Quantity, order: &[usize], area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let Some(&mi) = order.get(app.figures.row) else {
        return;
    };
    let m = &q.mentions[mi];
    let a = app.dossier.article(m.article);
    let text = format!(
        "{}: {}",
        display(a.source_name()),
        display(a.slice(m.clause))
    );
    let against: Vec<String> = open_conflicts(&app.dossier, q)
        .filter_map(|c| match (c.a == mi, c.b == mi) {
            (true, _) => Some(c.b),
            (_, true) => Some(c.a),
            _ => None,
        })
        .map(|o| {
            let om = &q.mentions[o];
            format!(
                "{} ({})",
                display(&om.figure.text),
                display(app.dossier.article(om.article).source_name())
            )
        })
        .collect();
    let mut lines = vec![ratatui::text::Line::styled(text, t.dim)];
    if !against.is_empty() {
        lines.insert(
            0,
            ratatui::text::Line::styled(format!("≠ {}", against.join(" · ")), t.conflict),
        );
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bars grow with the value to the eighth of a cell; a tiny value still shows.
    #[test]
    fn bars_scale_to_the_largest_value() {
        assert_eq!(bar(58.0, 58.0, 4), "████");
        assert_eq!(bar(29.0, 58.0, 4), "██");
        assert_eq!(bar(0.01, 58.0, 4), "▏");
        assert_eq!(bar(5.0, 0.0, 4), "");
    }

    /// A figure that fits its column is shown as written; a longer one keeps its number,
    /// its qualifier turned into a sign, instead of being cut before the number.
    #[test]
    fn value_cell_keeps_the_number() {
        let fig = |text: &str| {
            let facts = crate::model::facts::extract(text, crate::model::Span::new(0, text.len()));
            facts.figures.into_iter().next().expect("a figure")
        };
        let long = fig("An estimated 143 million people were affected.");
        assert_eq!(value_cell(&long, 40), long.text);
        assert_eq!(value_cell(&long, 16), "~143 million");
        let bound = fig("The storm killed at least 28 people.");
        assert_eq!(value_cell(&bound, 6), "≥28");
        let exact = fig("Officials counted 4,117 people.");
        assert_eq!(value_cell(&exact, 3), "4,117");
    }

    /// A quantity whose figures are one value written two ways shows that value once; two
    /// values show as a range.
    #[test]
    fn range_is_one_figure_when_the_values_are_alike() {
        use crate::model::load::{from_files, LoadOptions};
        let quantity = |a: &str, b: &str| {
            let files = [("a.txt", a), ("b.txt", b)]
                .map(|(n, t)| (n.to_string(), format!("Storm\n\n{t}\n").into_bytes()));
            let d = from_files("Storm", files, &LoadOptions::default());
            let aligner = crate::model::claims::Aligner::new(&d);
            let q = aligner.quantities().first().cloned();
            q.expect("one quantity")
        };
        let alike = quantity(
            "Nineteen people died in the storm on Monday, officials said.",
            "The storm killed 19 people on Monday, officials said.",
        );
        assert!(!range(&alike).contains('–'), "{}", range(&alike));
        let apart = quantity(
            "The storm killed 19 people on Monday, officials said.",
            "The storm killed 23 people on Monday, officials said.",
        );
        assert_eq!(range(&apart), "19–23");
    }

    /// The sparkline rises with the values, from zero.
    #[test]
    fn sparkline_follows_the_values() {
        assert_eq!(sparkline(&[41.0, 44.0, 58.0]), "▆▆█");
        assert_eq!(sparkline(&[0.0, 0.0]), "");
    }
}
