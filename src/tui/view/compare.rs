//! The compare view: two sources side by side (stacked on narrow terminals), every claim
//! marked by its relation to the other side — `≠` conflicting (the differing figures
//! emphasized), `=` corroborated, `+` only here — and a detail line for the claim under
//! the cursor.

use super::article::{Highlight, TextPane};
use crate::model::Span;
use crate::tui::app::{App, Claim, CompareState, Mark, SearchIn, Side};
use crate::tui::layout::{compare_split as split, compare_text as text_area};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Block, Widget};

/// The style of a relation.
pub fn mark_style(t: &Theme, m: Mark) -> Style {
    match m {
        Mark::Conflict => t.conflict,
        Mark::Agree => t.agree,
        Mark::Only => t.only,
    }
}

/// A side's highlights: claims by relation, then the differing figures.
pub fn highlights(t: &Theme, st: &CompareState, side: Side) -> Vec<Highlight> {
    let mut hl: Vec<Highlight> = st.claims[side.idx()]
        .iter()
        .map(|c| (c.span, mark_style(t, c.mark)))
        .collect();
    // Stronger relations drawn last, so a conflict shows over an agreement.
    hl.sort_by_key(|(s, _)| *s);
    let mut strong: Vec<(Span, Style)> = st.claims[side.idx()]
        .iter()
        .filter(|c| c.mark == Mark::Conflict)
        .map(|c| (c.span, t.conflict))
        .collect();
    hl.append(&mut strong);
    if let Some(c) = &st.comparison {
        for p in &c.pairs {
            for d in &p.differences {
                let s = if side == Side::Left {
                    d.left_span
                } else {
                    d.right_span
                };
                hl.extend(s.map(|s| (s, t.figure)));
            }
        }
    }
    hl
}

/// The strongest claim on a side overlapping `span`.
fn strongest(claims: &[Claim], span: Span) -> Option<Mark> {
    claims
        .iter()
        .filter(|c| c.span.overlaps(span))
        .map(|c| c.mark)
        .max()
}

/// Draw the compare view.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(st) = &app.compare else {
        return;
    };
    let t = &app.theme;
    let r = split(area);
    for side in [Side::Left, Side::Right] {
        let reader = &st.sides[side.idx()];
        let a = app.dossier.article(reader.article);
        let active = st.active == side;
        let tag = if side == Side::Left { "◀" } else { "▶" };
        let title = format!(
            " {tag} {}. {} ",
            reader.article.0 + 1,
            super::fit(
                a.display_title(),
                r.sides[0].width.saturating_sub(10) as usize
            )
        );
        let units = &app.units[reader.article.0];
        let block = Block::bordered()
            .border_style(if active { t.border_focus } else { t.border })
            .title(TSpan::styled(title, t.title))
            .title_bottom(
                Line::from(format!(" {}/{} ", reader.cursor + 1, units.len().max(1)))
                    .right_aligned(),
            );
        block.render(r.sides[side.idx()], buf);
        let mut hl = highlights(t, st, side);
        hl.extend(
            app.search
                .spans_in(SearchIn::Compare, reader.article.0)
                .map(|m| (m, t.matched)),
        );
        if active {
            hl.extend(super::article::extra_highlights(
                app,
                reader.article,
                reader.cursor,
            ));
        }
        let claims = &st.claims[side.idx()];
        let marker = |span: Span| strongest(claims, span).map(|m| (m.marker(), mark_style(t, m)));
        TextPane {
            app,
            article: reader.article,
            reader,
            area: text_area(r.sides[side.idx()]),
            highlights: &hl,
            focused: active,
            marker: &marker,
        }
        .draw(buf);
    }
    let lines = detail(app, st, r.detail.width.saturating_sub(2) as usize);
    for (i, l) in lines.iter().take(r.detail.height as usize).enumerate() {
        buf.set_line(
            r.detail.x + 1,
            r.detail.y + i as u16,
            l,
            r.detail.width.saturating_sub(2),
        );
    }
}

/// The two detail lines: the claim under the cursor, then the comparison in numbers.
/// On narrow terminals a conflict's two figures take both lines.
pub fn detail<'a>(app: &App, st: &CompareState, width: usize) -> Vec<Line<'a>> {
    let t = &app.theme;
    let Some(cmp) = &st.comparison else {
        return vec![Line::from(TSpan::styled(
            "comparing the two sources…",
            t.dim,
        ))];
    };
    let act = st.active;
    let units = &app.units[st.sides[act.idx()].article.0];
    let here = st.sides[act.idx()].span(units);
    let claim = here.and_then(|s| st.claims_at(act, s).into_iter().next());
    let other = app.dossier.article(st.sides[act.other().idx()].article);
    if cmp.pairs.is_empty() && st.claims.iter().all(Vec::is_empty) {
        return vec![Line::from(TSpan::styled(
            "no claims aligned between these two sources",
            t.dim,
        ))];
    }
    let first = match claim {
        None => Line::from(TSpan::styled(
            "no claim at the cursor (j/k move, ] next conflict)",
            t.dim,
        )),
        Some(c) => {
            let mut spans = vec![TSpan::styled(
                format!("{} {}", c.mark.marker(), c.mark.label()),
                mark_style(t, c.mark),
            )];
            let pair = c.pair.and_then(|i| cmp.pairs.get(i));
            let judged = c
                .pair
                .and_then(|i| st.judged.get(i))
                .and_then(Option::as_ref);
            if let (Some(v), Some(p)) = (judged, pair) {
                // The analyst's verdict: related, with what dossier said and the note.
                let note = v
                    .note
                    .as_deref()
                    .map(|n| format!(": {}", super::fit(n, 60)));
                return vec![
                    Line::from(vec![
                        TSpan::styled("~ related", t.only),
                        TSpan::raw(format!(
                            " (corrected, {}{}; dossier read {})",
                            v.verdict.as_str(),
                            note.unwrap_or_default(),
                            p.relation.as_str()
                        )),
                    ]),
                    second_line(t, st),
                ];
            }
            match (c.mark, pair) {
                (Mark::Conflict, Some(p)) => {
                    for d in &p.differences {
                        // Left figure first, as the panes are laid out.
                        let (mine, theirs) = (&d.left, &d.right);
                        spans.push(TSpan::raw(format!(" {}: ", super::fit(&d.what, 30))));
                        spans.push(TSpan::styled(super::fit(mine, 50), t.figure));
                        spans.push(TSpan::raw(" vs "));
                        spans.push(TSpan::styled(super::fit(theirs, 50), t.figure));
                    }
                    let wide: usize = spans.iter().map(|s| s.width()).sum();
                    if wide > width && spans.len() >= 5 {
                        let mut second = spans.split_off(spans.len() - 2);
                        second.insert(0, TSpan::raw("  "));
                        return vec![Line::from(spans), Line::from(second)];
                    }
                }
                (Mark::Agree, Some(p)) => spans.push(TSpan::raw(format!(
                    " by {} (similarity {:.2})",
                    super::fit(other.display_title(), 40),
                    p.score
                ))),
                _ => spans.push(TSpan::raw(format!(
                    " — not in {}",
                    super::fit(other.display_title(), 40)
                ))),
            }
            Line::from(spans)
        }
    };
    vec![first, second_line(t, st)]
}

/// The comparison in numbers: conflicting, corroborated, only here, on the active side.
fn second_line<'a>(t: &Theme, st: &CompareState) -> Line<'a> {
    let act = st.active;
    let count = |m: Mark| st.claims[act.idx()].iter().filter(|c| c.mark == m).count();
    Line::from(vec![
        TSpan::styled(
            format!("≠ {} conflicting", count(Mark::Conflict)),
            t.conflict,
        ),
        TSpan::raw("  "),
        TSpan::styled(format!("= {} corroborated", count(Mark::Agree)), t.agree),
        TSpan::raw("  "),
        TSpan::styled(format!("+ {} only here", count(Mark::Only)), t.only),
    ])
}
