//! `dossier read`: an article's paragraphs with their kinds.

use super::term::Paint;
use super::{Format, Out};
use crate::model::{ArticleId, Dossier, Span};
use anyhow::Result;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct ReadJson<'a> {
    article: &'a str,
    title: &'a str,
    outlet: Option<&'a str>,
    author: Option<&'a str>,
    date: Option<&'a str>,
    updated: Option<&'a str>,
    url: Option<&'a str>,
    dateline: Option<&'a str>,
    words: usize,
    lossy: bool,
    paragraphs: Vec<ParaJson<'a>>,
}

#[derive(Serialize)]
struct ParaJson<'a> {
    start: usize,
    end: usize,
    kind: &'static str,
    text: &'a str,
    sentences: Vec<Span>,
}

/// Print the text an article's offsets refer to, unwrapped (sanitized unless `--raw`,
/// line breaks kept); JSON gives it as one string.
pub fn source(d: &Dossier, id: ArticleId, out: &mut Out) -> Result<()> {
    let a = d.article(id);
    if out.format == Format::Json {
        return out.json(&serde_json::json!({ "article": a.file, "text": a.text }));
    }
    let text = if out.raw {
        std::borrow::Cow::Borrowed(a.text.as_str())
    } else {
        super::output::clean(&a.text, true)
    };
    out.w.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Text as the reader shows it: mojibake (`â€œ`) as the characters it stands for
/// (`model::mojibake`, as the article view draws it), then made safe for the terminal;
/// `--raw` prints the file's characters. JSON keeps the file's text.
fn shown(out: &Out, s: &str) -> String {
    if out.raw {
        return s.to_string();
    }
    out.text(&crate::model::mojibake::repair(s)).into_owned()
}

/// Print one article.
pub fn run(d: &Dossier, id: ArticleId, out: &mut Out) -> Result<()> {
    let a = d.article(id);
    if out.format == Format::Json {
        let paragraphs = a
            .paragraphs
            .iter()
            .map(|p| ParaJson {
                start: p.span.start,
                end: p.span.end,
                kind: p.kind.as_str(),
                text: a.slice(p.span),
                sentences: p.sentences.iter().collect(),
            })
            .collect();
        return out.json(&ReadJson {
            article: &a.file,
            title: a.display_title(),
            outlet: a.meta.outlet.as_deref(),
            author: a.meta.author.as_deref(),
            date: a.meta.date.as_deref(),
            updated: a.meta.updated.as_deref(),
            url: a.meta.url.as_deref(),
            dateline: a.meta.dateline.as_deref(),
            words: a.meta.words,
            lossy: a.lossy,
            paragraphs,
        });
    }
    for l in out.wrap(&shown(out, a.display_title()), "", "") {
        out.line(&out.paint(Paint::Strong, &l))?;
    }
    let by: Vec<String> = [
        a.meta.outlet.as_deref(),
        a.meta.author.as_deref(),
        a.meta.date.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(|s| out.text(s).into_owned())
    .collect();
    let by = if by.is_empty() {
        String::new()
    } else {
        format!(" · {}", by.join(" · "))
    };
    for l in out.wrap(
        &format!("{} · {} words{by}", out.text(&a.file), a.meta.words),
        "",
        "",
    ) {
        out.line(&l)?;
    }
    for (i, p) in a.paragraphs.iter().enumerate() {
        out.line("")?;
        let gutter = format!("{:>3} {:<11} ", i + 1, p.kind.as_str());
        let pad = " ".repeat(gutter.chars().count());
        let text = shown(out, a.slice(p.span));
        // Noise is dimmed, as in the reader.
        let noise = p.kind.is_noise();
        for l in out.wrap(&text, &gutter, &pad) {
            out.line(&if noise { out.paint(Paint::Dim, &l) } else { l })?;
        }
    }
    out.flush()?;
    Ok(())
}
