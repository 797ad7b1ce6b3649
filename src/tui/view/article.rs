//! The article pane: the wrapped text with noise dimmed or folded, quotes in their
//! speaker's colour, search matches, and the sentence cursor. Only the visible rows are
//! built; every piece of article text goes through `wrap::display`.

use crate::model::quotes::QuoteId;
use crate::model::{ArticleId, Span};
use crate::tui::app::{App, Focus, Reader, SearchIn};
use crate::tui::layout::{article_text as text_area, GUTTER};
use crate::tui::wrap::{display, Row};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Block, Borders, Widget};

/// A styled span of the article, drawn over the base style in order.
pub type Highlight = (Span, Style);

/// One line of article text from byte `start` to `end`, highlights applied.
pub fn styled_line<'a>(
    text: &str,
    start: usize,
    end: usize,
    base: Style,
    hl: &[Highlight],
) -> Line<'a> {
    let mut cuts = vec![start, end];
    for (s, _) in hl {
        for p in [s.start, s.end] {
            if p > start && p < end && text.is_char_boundary(p) {
                cuts.push(p);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans: Vec<TSpan> = cuts
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let style = hl
                .iter()
                .filter(|(s, _)| s.start <= a && b <= s.end)
                .fold(base, |st, (_, h)| st.patch(*h));
            TSpan::styled(display(&text[a..b]), style)
        })
        .collect();
    Line::from(spans)
}

/// What to draw in one text pane.
pub struct TextPane<'a> {
    pub app: &'a App,
    pub article: ArticleId,
    pub reader: &'a Reader,
    /// The text rows (the gutter is to their left).
    pub area: Rect,
    pub highlights: &'a [Highlight],
    pub focused: bool,
    /// The gutter marker of a row, if any.
    pub marker: &'a dyn Fn(Span) -> Option<(&'static str, Style)>,
}

impl TextPane<'_> {
    /// Draw the visible rows.
    pub fn draw(&self, buf: &mut Buffer) {
        let app = self.app;
        let t = &app.theme;
        let a = app.dossier.article(self.article);
        let rows = app.wraps.get(
            &app.dossier,
            self.article,
            self.area.width as usize,
            app.fold,
        );
        let units = &app.units[self.article.0];
        let cursor = self.reader.span(units);
        let mut hl: Vec<Highlight> = self.highlights.to_vec();
        if let Some(c) = cursor {
            hl.push((c, t.cursor));
        }
        for (i, row) in rows
            .rows
            .iter()
            .skip(self.reader.scroll)
            .take(self.area.height as usize)
            .enumerate()
        {
            let y = self.area.y + i as u16;
            let gx = self.area.x.saturating_sub(GUTTER);
            match *row {
                Row::Text { para, start, end } => {
                    let noise = a.paragraphs[para].kind.is_noise();
                    let base = if noise { t.dim } else { t.text };
                    let line = styled_line(&a.text, start, end, base, &hl);
                    buf.set_line(self.area.x, y, &line, self.area.width);
                    let here = Span::new(start, end);
                    if cursor.is_some_and(|c| c.overlaps(here)) {
                        let st = if self.focused { t.cursor_mark } else { t.dim };
                        buf.set_string(gx, y, "▌", st);
                    }
                    if let Some((m, st)) = (self.marker)(here) {
                        buf.set_string(gx + 1, y, m, st);
                    }
                }
                Row::Blank => {}
                Row::Folded { para, count } => {
                    let mut kinds: Vec<&str> = a.paragraphs[para..para + count]
                        .iter()
                        .map(|p| p.kind.as_str())
                        .collect();
                    kinds.dedup();
                    let s = format!(
                        "⋯ {count} paragraph{} of noise folded ({}) — z shows",
                        if count == 1 { "" } else { "s" },
                        kinds.join(", ")
                    );
                    buf.set_stringn(self.area.x, y, s, self.area.width as usize, t.dim);
                }
            }
        }
    }
}

/// The quotes of an article as highlights in their speaker's colour.
pub fn quote_highlights(app: &App, article: ArticleId) -> Vec<Highlight> {
    app.dossier
        .quotes
        .iter()
        .filter(|q| q.article() == article)
        .map(|q| (q.span(), app.theme.quote(q.speaker())))
        .collect()
}

/// Who said the quote under the cursor, as the pane shows it.
pub fn speaker_at(app: &App, article: ArticleId, cursor: Option<Span>) -> Option<String> {
    let c = cursor?;
    let (id, q) = app
        .dossier
        .quotes
        .iter()
        .enumerate()
        .find(|(_, q)| q.article() == article && q.span().overlaps(c))?;
    let name = q
        .speaker()
        .and_then(|p| app.dossier.people.get(p.0))
        .map_or("unknown speaker", |p| p.name.as_str());
    Some(match app.dossier.as_written(QuoteId(id)) {
        Some(w) if w != name => format!("quote: {name} (“{w}”)"),
        _ => format!("quote: {name}"),
    })
}

/// Draw the article pane.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let id = app.reader.article;
    let a = app.dossier.article(id);
    let focused = app.focus == Focus::Article;
    let units = &app.units[id.0];
    let cursor = app.reader.span(units);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused { t.border_focus } else { t.border })
        .title(TSpan::styled(
            format!(
                " {} ",
                super::fit(a.display_title(), area.width.saturating_sub(6) as usize)
            ),
            t.title,
        ));
    let pos = format!(" {}/{} ", app.reader.cursor + 1, units.len().max(1));
    block = block.title_bottom(Line::from(pos).right_aligned());
    if let Some(who) = speaker_at(app, id, cursor) {
        let q = app
            .dossier
            .quotes
            .iter()
            .find(|q| q.article() == id && cursor.is_some_and(|c| q.span().overlaps(c)));
        let style = t.quote(q.and_then(|q| q.speaker()));
        block = block.title_bottom(TSpan::styled(format!(" {} ", super::fit(&who, 50)), style));
    }
    let inner = block.inner(area);
    block.render(area, buf);
    let meta: Vec<String> = [
        a.meta.outlet.as_deref(),
        a.meta.author.as_deref(),
        a.meta.date.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(display)
    .chain([format!("{} words", a.meta.words), display(&a.file)])
    .collect();
    buf.set_stringn(
        inner.x + 1,
        inner.y,
        meta.join(" · "),
        inner.width.saturating_sub(2) as usize,
        t.dim,
    );
    let mut hl = quote_highlights(app, id);
    hl.extend(
        app.search
            .spans_in(SearchIn::Article, id.0)
            .map(|m| (m, t.matched)),
    );
    hl.extend(extra_highlights(app, id, app.reader.cursor));
    let clipped = clipped_spans(app, id);
    let marker = |row: Span| {
        clipped
            .iter()
            .any(|c| c.overlaps(row))
            .then_some(("*", t.clipped))
    };
    TextPane {
        app,
        article: id,
        reader: &app.reader,
        area: text_area(area),
        highlights: &hl,
        focused,
        marker: &marker,
    }
    .draw(buf);
}

/// The passage the finder jumped to and the visual selection, as highlights.
pub fn extra_highlights(app: &App, article: ArticleId, cursor: usize) -> Vec<Highlight> {
    let t = &app.theme;
    let mut hl = vec![];
    if let Some((a, s)) = app.found {
        if a == article {
            hl.push((s, t.matched));
        }
    }
    if let Some(s) = app.visual_span(article, cursor) {
        hl.push((s, t.selection));
    }
    hl
}

/// The spans of an article's clippings (as saved), for the gutter mark.
pub fn clipped_spans(app: &App, article: ArticleId) -> Vec<Span> {
    let file = &app.dossier.article(article).file;
    app.state
        .clippings
        .iter()
        .filter(|c| &c.article == file)
        .map(|c| c.span())
        .collect()
}
