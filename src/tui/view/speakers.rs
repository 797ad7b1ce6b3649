//! The speakers view: who got quoted where. One row per speaker (name, kind, role) and a
//! column per outlet with how many of its quotes are theirs (`·` none), outlets carrying
//! most quotes first, scrolled sideways with `h` `l`. Enter lists the selected speaker's
//! quotes (outlet, kind, `≈` when another outlet renders the remark too, and the words),
//! from which Enter opens a passage and `V` shows the renderings.

use crate::tui::app::App;
use crate::tui::wrap::display_width;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Widget};

/// Columns of an outlet's count (its name is cut to this).
const OUTLET_W: usize = 9;
/// Columns of a speaker's kind ("institution").
const KIND_W: usize = 11;
/// Below this inner width the role column is left out.
const ROLE_FROM: u16 = 90;

/// The list's first row drawn so that row `selected` is on screen.
fn scroll(selected: usize, h: usize) -> usize {
    (selected + 1).saturating_sub(h.max(1))
}

/// `s` cut or padded to `w` columns.
fn cell(s: &str, w: usize) -> String {
    let s = super::fit(s, w);
    let pad = w.saturating_sub(display_width(&s));
    format!("{s}{}", " ".repeat(pad))
}

/// Draw the view.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let table = app.speaker_table();
    let shown = app.speakers.shown(table.people.len());
    let t = &app.theme;
    let title = match (&app.speakers.matches, app.speakers.quote) {
        (_, Some(_)) => {
            let who = app
                .selected_speaker()
                .map_or("", |p| app.dossier.people[p.0].name.as_str());
            format!(
                " Quotes of {} ({}) ",
                super::fit(who, 40),
                app.speaker_quotes().len()
            )
        }
        (Some(_), None) => format!(
            " Speakers ({} of {}: /{}) ",
            shown.len(),
            table.people.len(),
            super::fit(&app.speakers.query, 20)
        ),
        (None, None) => format!(
            " Speakers ({}) · who is quoted by which outlet ",
            shown.len()
        ),
    };
    let block = Block::bordered()
        .border_style(t.border_focus)
        .title(Span::styled(title, t.title));
    let inner = block.inner(area);
    block.render(area, buf);
    if app.speakers.quote.is_some() {
        return quotes(app, inner, buf);
    }
    if shown.is_empty() {
        let what = if app.speakers.matches.is_some() {
            "no speaker matches the search (Esc shows all)"
        } else {
            "no quote in this dossier is credited to anyone"
        };
        buf.set_stringn(inner.x + 1, inner.y, what, inner.width as usize, t.dim);
        return;
    }
    let w = inner.width as usize;
    let name_w = (w / 3).clamp(12, 28);
    let role_w = if inner.width >= ROLE_FROM { 22 } else { 0 };
    let fixed = 1 + name_w + 1 + KIND_W + 1 + if role_w > 0 { role_w + 1 } else { 0 };
    // (Four columns stay free for the ◀ ▶ that say more outlets are off screen.)
    let room = w.saturating_sub(fixed + 4);
    let fit_cols = (room / (OUTLET_W + 1)).max(1);
    let col0 = app
        .speakers
        .col
        .min(table.outlets.len().saturating_sub(fit_cols));
    let cols: Vec<usize> = (col0..table.outlets.len()).take(fit_cols).collect();
    // The header: the outlets' names, cut to their columns.
    let mut head = format!(" {} {}", cell("speaker", name_w), cell("kind", KIND_W));
    if role_w > 0 {
        head.push(' ');
        head.push_str(&cell("role", role_w));
    }
    for &c in &cols {
        head.push(' ');
        head.push_str(&format!(
            "{:>OUTLET_W$}",
            super::fit(&table.outlets[c], OUTLET_W)
        ));
    }
    buf.set_stringn(inner.x, inner.y, head, w, t.title);
    let more = match (col0 > 0, col0 + cols.len() < table.outlets.len()) {
        (true, true) => "◀ ▶",
        (true, false) => "◀",
        (false, true) => "▶",
        (false, false) => "",
    };
    if !more.is_empty() && inner.height > 1 {
        buf.set_stringn(inner.right().saturating_sub(4), inner.y, more, 4, t.dim);
    }
    let body_h = inner.height.saturating_sub(1) as usize;
    let sel = app.speakers.selected.min(shown.len() - 1);
    let first = scroll(sel, body_h);
    for (r, &row) in shown.iter().enumerate().skip(first).take(body_h) {
        let p = &app.dossier.people[table.people[row].0];
        let y = inner.y + 1 + (r - first) as u16;
        let mut line = format!(
            "{}{} {}",
            if r == sel { "▌" } else { " " },
            cell(&p.name, name_w),
            cell(p.kind.as_str(), KIND_W)
        );
        if role_w > 0 {
            line.push(' ');
            line.push_str(&cell(p.role.as_deref().unwrap_or("–"), role_w));
        }
        let style = if r == sel { t.selected } else { t.text };
        buf.set_stringn(inner.x, y, &line, w, style);
        let mut x = inner.x + display_width(&line) as u16;
        for &c in &cols {
            let n = table.count(row, c);
            let s = if n == 0 {
                format!(" {:>OUTLET_W$}", "·")
            } else {
                format!(" {n:>OUTLET_W$}")
            };
            let st = if r == sel {
                t.selected
            } else if n == 0 {
                t.dim
            } else {
                t.quote(Some(table.people[row]))
            };
            buf.set_stringn(x, y, &s, inner.right().saturating_sub(x) as usize, st);
            x += (OUTLET_W + 1) as u16;
        }
    }
}

/// The selected speaker's quotes: outlet, kind and words, one a row.
fn quotes(app: &App, inner: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let d = &app.dossier;
    let qs = app.speaker_quotes();
    let sel = app
        .speakers
        .quote
        .unwrap_or(0)
        .min(qs.len().saturating_sub(1));
    let h = inner.height as usize;
    let first = scroll(sel, h);
    let w = inner.width as usize;
    let src_w = (w / 5).clamp(8, 20);
    // The quotes other outlets render too (V shows them side by side) are marked ≈.
    let groups = app.variant_groups();
    let rendered: std::collections::HashSet<crate::model::quotes::QuoteId> = groups
        .iter()
        .flat_map(|g| g.variants.iter().map(|v| v.quote))
        .collect();
    for (i, id) in qs.iter().enumerate().skip(first).take(h) {
        let q = &d.quotes[id.0];
        let a = d.article(q.article());
        let y = inner.y + (i - first) as u16;
        let head = format!(
            "{}{} {:<7} {} ",
            if i == sel { "▌" } else { " " },
            cell(a.source_name(), src_w),
            q.kind().as_str(),
            if rendered.contains(id) { "≈" } else { " " }
        );
        let style = if i == sel { t.selected } else { t.dim };
        buf.set_stringn(inner.x, y, &head, w, style);
        let x = inner.x + display_width(&head) as u16;
        let room = inner.right().saturating_sub(x) as usize;
        let text = format!("“{}”", a.slice(q.span()));
        let qs = if i == sel {
            t.selected
        } else {
            t.quote(q.speaker())
        };
        buf.set_stringn(x, y, super::fit(&text, room), room, qs);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::tui::action::Action as A;
    use crate::tui::app::App;
    use crate::tui::fixtures::{self, apply};
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    /// The harbour dossier drawn at 120x40 and 60x15 after `actions`.
    #[track_caller]
    pub(crate) fn snapshot_harbour(name: &str, actions: &[A]) {
        for (w, h) in [(120, 40), (60, 15)] {
            let mut app: App = fixtures::harbour_app(w, h);
            apply(&mut app, actions.iter().cloned());
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            t.draw(|f| crate::tui::view::render(&app, f)).unwrap();
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
        }
    }

    /// Control characters in a speaker's name, a role, an outlet or a quote are drawn
    /// as pictures in every new view, never sent to the terminal.
    #[test]
    fn hostile_names_are_drawn_visibly() {
        use crate::tui::theme::Theme;
        use std::sync::Arc;
        let mut d = fixtures::harbour();
        d.people[0].name = "Ada\u{1b}[2J Lind".into();
        d.people[0].role = Some("Mayor\u{7}".into());
        d.articles[0].meta.outlet = Some("Coast\u{1b}]52;c;eA==\u{7}Courier".into());
        let an = Arc::new(fixtures::analysis(&d));
        for acts in [
            vec![A::Speakers],
            vec![A::Speakers, A::Open],
            vec![A::Variants],
            vec![A::OnlyHere],
            vec![A::SourceOrder],
        ] {
            for (w, h) in [(120, 40), (60, 15)] {
                let mut app = App::new(Arc::new(d.clone()), Theme::colored());
                app.update(A::Resize(w, h));
                app.update(A::AnalysisReady(an.clone()));
                apply(&mut app, acts.iter().cloned());
                let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
                t.draw(|f| crate::tui::view::render(&app, f)).unwrap();
                let buf = t.backend().buffer();
                let all: String = buf.content().iter().map(|c| c.symbol()).collect();
                assert!(!all.chars().any(char::is_control), "{acts:?} at {w}x{h}");
                assert!(
                    all.contains('␛') || all.contains('␇'),
                    "{acts:?} at {w}x{h}"
                );
            }
        }
    }

    /// Who is quoted by which outlet: the mayor by all three, the port director by two.
    #[test]
    fn view_speakers() {
        snapshot_harbour("speakers", &[A::Speakers]);
    }

    /// Enter lists the selected speaker's quotes, those another outlet renders too
    /// marked ≈ (all three of the mayor's).
    #[test]
    fn view_speakers_quotes() {
        snapshot_harbour("speakers_quotes", &[A::Speakers, A::Open]);
    }

    /// A search keeps the speakers it names, and the status bar shows it being typed.
    #[test]
    fn view_speakers_search() {
        let mut acts = vec![A::Speakers, A::SearchStart];
        acts.extend("port".chars().map(A::SearchChar));
        snapshot_harbour("speakers_search", &acts);
    }

    /// By time: the sources by publication time with their time of day, undated last.
    #[test]
    fn view_sources_by_time() {
        snapshot_harbour("sources_by_time", &[A::SourceOrder]);
    }
}
