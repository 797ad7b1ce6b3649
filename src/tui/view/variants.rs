//! The quote variants view: the remarks two sources or more quote (speaker, outlets,
//! first words) above, and the selected remark as each outlet rendered it: side by side
//! when there is room, else one under the other, the words worded differently in the
//! conflict style (and between `»…«` marks, so they show without colour too).

use crate::model::Span;
use crate::tui::app::App;
use crate::tui::wrap::{display, display_width};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Widget};

/// Each side-by-side column needs this many columns, else the renderings are stacked.
const MIN_COLUMN: u16 = 34;
/// At most this many renderings side by side.
const MAX_COLUMNS: usize = 3;

/// `text` (at byte `base` of its article) wrapped to `width` columns, the words touching
/// one of `marks` (article byte spans) in `mark` style between `»…«`, the rest in `style`.
pub fn marked_lines(
    text: &str,
    base: usize,
    marks: &[Span],
    width: usize,
    style: Style,
    mark: Style,
) -> Vec<Line<'static>> {
    let width = width.max(8);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut cur: Vec<TextSpan<'static>> = Vec::new();
    let mut used = 0;
    let mut at = 0;
    for word in text.split_whitespace() {
        let start = at + text[at..].find(word).unwrap_or(0);
        at = start + word.len();
        let span = Span::new(base + start, base + at);
        let marked = marks.iter().any(|m| m.overlaps(span));
        let shown = if marked {
            format!("»{}«", display(word))
        } else {
            display(word)
        };
        let w = display_width(&shown);
        if used > 0 && used + 1 + w > width {
            lines.push(Line::from(std::mem::take(&mut cur)));
            used = 0;
        }
        if used > 0 {
            cur.push(TextSpan::styled(" ", style));
            used += 1;
        }
        let shown = if w > width {
            super::fit(&shown, width)
        } else {
            shown
        };
        used += display_width(&shown);
        cur.push(TextSpan::styled(shown, if marked { mark } else { style }));
    }
    if !cur.is_empty() {
        lines.push(Line::from(cur));
    }
    lines
}

/// The list's first row drawn so that the selection is on screen.
fn scroll(selected: usize, h: usize) -> usize {
    (selected + 1).saturating_sub(h.max(1))
}

/// Draw the view.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let groups = app.variant_groups();
    let block = Block::bordered()
        .border_style(t.border_focus)
        .title(TextSpan::styled(
            format!(" Quote variants ({}) ", groups.len()),
            t.title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    if groups.is_empty() {
        buf.set_stringn(
            inner.x + 1,
            inner.y,
            "no remark is quoted by two sources",
            inner.width.saturating_sub(1) as usize,
            t.dim,
        );
        return;
    }
    let d = &app.dossier;
    let list_h = (inner.height / 3).clamp(1, 8).min(groups.len() as u16);
    let [list, _, detail] = Layout::vertical([
        Constraint::Length(list_h),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    let sel = app.variants.selected.min(groups.len() - 1);
    let first = scroll(sel, list.height as usize);
    for (i, g) in groups
        .iter()
        .enumerate()
        .skip(first)
        .take(list.height as usize)
    {
        let y = list.y + (i - first) as u16;
        let who = g.speaker.map_or("unknown", |p| d.people[p.0].name.as_str());
        let r = &g.variants[g.reference];
        let q = &d.quotes[r.quote.0];
        let words = d.article(q.article()).slice(q.span());
        let line = format!(
            "{}{} · {} outlets · “{}”",
            if i == sel { "▌" } else { " " },
            who,
            g.articles(d).len(),
            words
        );
        let style = if i == sel { t.selected } else { t.text };
        let line = format!(
            "{:<w$}",
            super::fit(&line, list.width as usize),
            w = list.width as usize
        );
        buf.set_stringn(list.x, y, line, list.width as usize, style);
    }
    let g = &groups[sel];
    let n = g.variants.len();
    let columns = (detail.width / MIN_COLUMN) as usize;
    let side_by_side = n <= MAX_COLUMNS && columns >= n;
    let areas: Vec<Rect> = if side_by_side {
        Layout::horizontal(vec![Constraint::Ratio(1, n as u32); n])
            .spacing(1)
            .split(detail)
            .to_vec()
    } else {
        vec![detail]
    };
    // Stacked, start at the selected rendering when drawing from the first would leave
    // it below the pane.
    let width = detail.width.saturating_sub(2) as usize;
    let rows_of = |k: usize| {
        let v = &g.variants[k];
        let q = &d.quotes[v.quote.0];
        2 + marked_lines(
            d.article(q.article()).slice(q.span()),
            0,
            &[],
            width,
            t.text,
            t.text,
        )
        .len()
    };
    let sel_v = app.variants.variant.min(n - 1);
    let first_v =
        if !side_by_side && (0..=sel_v).map(rows_of).sum::<usize>() > detail.height as usize {
            sel_v
        } else {
            0
        };
    let mut y = detail.y;
    for (k, v) in g.variants.iter().enumerate().skip(first_v) {
        let q = &d.quotes[v.quote.0];
        let a = d.article(q.article());
        let r = if side_by_side { areas[k] } else { areas[0] };
        if side_by_side {
            y = r.y;
        }
        if y >= r.bottom() {
            break;
        }
        let who = match (q.speaker(), g.speaker) {
            (s, w) if s == w => String::new(),
            (Some(p), _) => format!(" · {}", d.people[p.0].name),
            (None, _) => " · unknown speaker".to_string(),
        };
        let head = format!(
            "{}{}{} · {}{}",
            if k == app.variants.variant {
                "▌"
            } else {
                " "
            },
            a.source_name(),
            who,
            q.kind().as_str(),
            if k == g.reference { " · fullest" } else { "" }
        );
        let hs = if k == app.variants.variant {
            t.selected
        } else {
            t.title
        };
        buf.set_stringn(
            r.x,
            y,
            super::fit(&head, r.width as usize),
            r.width as usize,
            hs,
        );
        y += 1;
        let text = a.slice(q.span());
        let style = t.quote(q.speaker());
        for line in marked_lines(
            text,
            q.span().start,
            &v.differs,
            r.width.saturating_sub(2) as usize,
            style,
            t.conflict,
        ) {
            if y >= r.bottom() {
                break;
            }
            buf.set_line(r.x + 2, y, &line, r.width.saturating_sub(2));
            y += 1;
        }
        if !side_by_side {
            y += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action as A;
    use crate::tui::fixtures::{self, apply};
    use crate::tui::view::speakers::tests::snapshot_harbour;

    /// The mayor's remark in three outlets: side by side at 120 columns, stacked at 60.
    #[test]
    fn view_variants() {
        snapshot_harbour("variants", &[A::Variants]);
    }

    /// Random keys through the four views, drawn after each at sizes down to the
    /// smallest, never panic and keep every cursor in its list.
    #[test]
    fn random_keys_through_the_views_draw() {
        let pool = [
            A::Speakers,
            A::Variants,
            A::OnlyHere,
            A::SourceOrder,
            A::Down,
            A::Up,
            A::Bottom,
            A::Top,
            A::PageDown,
            A::Left,
            A::Right,
            A::Open,
            A::Back,
            A::SearchStart,
            A::SearchChar('a'),
            A::SearchConfirm,
            A::Clip,
            A::Finder,
            A::SearchChar('r'),
            A::Resize(60, 15),
            A::Resize(40, 10),
            A::Resize(120, 40),
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20 {
            let mut app = fixtures::harbour_app(120, 40);
            for _ in 0..80 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                app.update(pool[(seed % pool.len() as u64) as usize].clone());
                let (w, h) = app.size;
                let mut t =
                    ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
                t.draw(|f| crate::tui::view::render(&app, f)).unwrap();
                assert!(app.variants.selected < app.variant_groups().len().max(1));
                assert!(app.only.selected < app.only_rows().map_or(1, |r| r.len().max(1)));
                assert!(app.selected < app.dossier.articles.len());
            }
        }
    }

    /// The words worded differently are drawn in the conflict style, the rest not.
    #[test]
    fn differing_words_in_the_conflict_style() {
        let mut app = fixtures::harbour_app(120, 40);
        apply(&mut app, [A::Variants]);
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
        t.draw(|f| crate::tui::view::render(&app, f)).unwrap();
        let buf = t.backend().buffer();
        // (Below the list of remarks, whose first row holds the words unmarked.)
        let style_of = |word: &str| {
            (2..40u16).find_map(|y| {
                let row: String = (0..120u16).map(|x| buf[(x, y)].symbol()).collect();
                let col = row.find(word)?;
                let x = row[..col].chars().count() as u16;
                Some(buf[(x, y)].fg)
            })
        };
        let conflict = app.theme.conflict.fg;
        assert_eq!(style_of("chance"), conflict);
        assert_eq!(style_of("possibility"), conflict);
        assert!(style_of("storm season").is_some());
        assert_ne!(style_of("storm season"), conflict);
    }

    /// Words touching a mark are set between »…« in the mark style; lines wrap at the
    /// width, and control characters are drawn as pictures.
    #[test]
    fn marked_words_and_wrapping() {
        let text = "a high chance of rain\u{1b}";
        let marks = [Span::new(107, 113)];
        let lines = marked_lines(text, 100, &marks, 10, Style::new(), Style::new().bold());
        let rows: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(rows, ["a high", "»chance«", "of rain␛"]);
        let bold: Vec<&str> = lines[1]
            .spans
            .iter()
            .filter(|s| s.style == Style::new().bold())
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(bold, ["»chance«"]);
    }
}
