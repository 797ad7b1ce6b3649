//! Drawing: `render` draws `&App` into the rectangles of `tui::layout` (which key
//! handling uses too) and never changes it. One file per pane below.

pub mod article;
pub mod clippings;
pub mod compare;
pub mod correct;
pub mod figures;
pub mod finder;
pub mod help;
pub mod matrix;
pub mod onlyhere;
pub mod sources;
pub mod speakers;
pub mod status;
pub mod variants;

use crate::tui::app::{App, Focus, Overlay};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;

pub use crate::tui::layout::{
    article_text_area, compare_text_areas, layout, matrix_body_height, too_small, Panes, MIN_SIZE,
};

/// Draw the whole reader.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let msg = vec![
            Line::from("Terminal too small"),
            Line::from(format!(
                "{}x{}: dossier needs at least {}x{}",
                area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
            )),
            Line::from("(q quits)"),
        ];
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    let panes = layout(area, app);
    if let Some(s) = panes.sources {
        sources::render(app, s, frame.buffer_mut());
    }
    if let Some(m) = panes.main {
        match app.focus {
            Focus::Sources | Focus::Article => article::render(app, m, frame.buffer_mut()),
            Focus::Compare => compare::render(app, m, frame.buffer_mut()),
            Focus::Matrix => matrix::render(app, m, frame.buffer_mut()),
            Focus::Clippings => clippings::render(app, m, frame.buffer_mut()),
            Focus::Figures => figures::render(app, m, frame.buffer_mut()),
            Focus::Speakers => speakers::render(app, m, frame.buffer_mut()),
            Focus::Variants => variants::render(app, m, frame.buffer_mut()),
            Focus::OnlyHere => onlyhere::render(app, m, frame.buffer_mut()),
        }
    }
    status::render(app, panes.status, frame.buffer_mut());
    match &app.overlay {
        Some(Overlay::Help { scroll }) => {
            let r = centered(area, help::box_width(app), area.height.saturating_sub(2));
            frame.render_widget(Clear, r);
            help::render(app, *scroll, r, frame.buffer_mut());
        }
        Some(Overlay::Pick { left, selected }) => {
            let n = app.dossier.articles.len() as u16;
            let r = centered(area, 70, (n + 3).min(area.height.saturating_sub(2)));
            frame.render_widget(Clear, r);
            help::render_pick(app, *left, *selected, r, frame.buffer_mut());
        }
        Some(Overlay::Finder(_)) => {
            let r = centered(area, 116, area.height.saturating_sub(2));
            frame.render_widget(Clear, r);
            finder::render(app, r, frame.buffer_mut());
        }
        Some(Overlay::Note { id, text }) => {
            let r = centered(area, 76, 3);
            frame.render_widget(Clear, r);
            clippings::render_note(app, *id, text, r, frame.buffer_mut());
        }
        Some(Overlay::Export(dlg)) => {
            let r = centered(area, 76, 8);
            frame.render_widget(Clear, r);
            clippings::render_export(app, dlg, r, frame.buffer_mut());
        }
        Some(Overlay::Correct(dlg)) => {
            let r = centered(area, 96, correct::height(dlg));
            frame.render_widget(Clear, r);
            correct::render(app, dlg, r, frame.buffer_mut());
        }
        Some(Overlay::Message) => {
            let text = app.last_message.as_deref().unwrap_or_default();
            let w = centered(area, 76, 1).width;
            let lines = textwrap::wrap(text, w.saturating_sub(2).max(1) as usize).len() as u16;
            let r = centered(area, w, (lines + 2).min(area.height.saturating_sub(2)));
            frame.render_widget(Clear, r);
            status::render_message(app, r, frame.buffer_mut());
        }
        None => {}
    }
}

/// Where the reader is in the speakers, variants or "only here" view, for the status bar.
pub fn views_position(app: &App) -> String {
    match app.focus {
        Focus::Speakers => {
            let n = app.speakers.shown(app.speaker_table().people.len()).len();
            match app.speakers.quote {
                Some(q) => format!("quote {}/{}", q + 1, app.speaker_quotes().len()),
                None => format!("speaker {}/{n}", (app.speakers.selected + 1).min(n)),
            }
        }
        Focus::Variants => {
            let n = app.variant_groups().len();
            format!("remark {}/{n}", (app.variants.selected + 1).min(n))
        }
        _ => {
            let n = app.only_rows().map_or(0, |r| r.len());
            let a = app.dossier.article(app.only.article);
            format!(
                "{} · claim {}/{n}",
                a.source_name(),
                (app.only.selected + 1).min(n)
            )
        }
    }
}

/// The screen while the dossier loads.
pub fn render_loading(frame: &mut Frame, tick: usize) {
    const SPIN: [&str; 4] = ["◐", "◓", "◑", "◒"];
    let area = frame.area();
    let msg = format!(
        "{} loading the dossier…  (q quits)",
        SPIN[tick % SPIN.len()]
    );
    let r = centered(area, msg.chars().count() as u16 + 2, 1);
    frame.render_widget(Paragraph::new(msg), r);
}

/// A box of at most `w` x `h` in the middle of `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(2)).max(1);
    let h = h.min(area.height).max(1);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height.saturating_sub(h)) / 2,
        w,
        h,
    )
}

/// Cut `s` to `n` columns with an ellipsis (display width, after sanitizing).
pub fn fit(s: &str, n: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let s = crate::tui::wrap::display(s);
    if crate::tui::wrap::display_width(&s) <= n {
        return s;
    }
    let mut out = String::new();
    let mut w = 0;
    // By grapheme cluster, as drawn: a flag or keycap is never cut in half.
    for g in s.graphemes(true) {
        let cw = crate::tui::wrap::cluster_width(g);
        if w + cw + 1 > n {
            break;
        }
        out.push_str(g);
        w += cw;
    }
    if n > 0 {
        out.push('…');
    }
    out
}

/// Cut `s` to `n` columns keeping its start and its end ("/tmp/a…/out.md"): for paths.
pub fn fit_middle(s: &str, n: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let s = crate::tui::wrap::display(s);
    if crate::tui::wrap::display_width(&s) <= n || n < 8 {
        return fit(&s, n);
    }
    let tail_n = (n - 1) * 2 / 3;
    let mut tail = Vec::new();
    let mut w = 0;
    for g in s.graphemes(true).rev() {
        let cw = crate::tui::wrap::cluster_width(g);
        if w + cw > tail_n {
            break;
        }
        w += cw;
        tail.push(g);
    }
    tail.reverse();
    let tail: String = tail.concat();
    let head = fit(&s, n.saturating_sub(w));
    format!("{head}{tail}")
}

#[cfg(test)]
mod tests;
