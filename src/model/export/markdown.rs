//! The Markdown export: optional YAML front matter for Obsidian, a title saying what the
//! file holds, a heading per source (outlet and title), and each passage as a blockquote
//! followed by its citation. Everything from an article or a manifest is sanitized and
//! its Markdown (CommonMark, GFM and Obsidian) syntax escaped, front matter included.

use super::cite::{resolve, Citation, Passage};
use super::formats::{marked, ordered};
use super::{Clipping, Grouping, Options};
use crate::model::sanitize::sanitize;
use crate::model::Dossier;
use std::io::{self, Write};

/// Markdown: front matter when asked, the title, a heading per source (when grouped),
/// each passage a blockquote followed by its citation, then its note.
pub fn write_markdown(
    w: &mut dyn Write,
    d: &Dossier,
    clips: &[Clipping],
    opts: &Options,
) -> io::Result<()> {
    let passages = ordered(d, clips, opts.grouping);
    let title = format!("{}: {}", opts.holds.title(), d.title);
    if let Some(exported) = &opts.front_matter {
        front_matter(w, d, &title, exported, &passages)?;
    }
    writeln!(w, "# {}", md_inline(&sanitize(&title, false)))?;
    let mut current: Option<&str> = None;
    for p in &passages {
        if opts.grouping == Grouping::BySource && current != Some(p.clip.article.as_str()) {
            current = Some(p.clip.article.as_str());
            let heading = sanitize(&p.citation().source(), false).into_owned();
            writeln!(w, "\n## {}", md_inline(&heading))?;
        }
        writeln!(w)?;
        w.write_all(passage(p).as_bytes())?;
    }
    Ok(())
}

/// One clipping as the Markdown export writes it: its blockquote, citation and note (what
/// the reader's `y` copies).
pub fn passage_markdown(d: &Dossier, clip: &Clipping) -> String {
    passage(&resolve(d, clip))
}

/// A passage's blockquote, citation, missing mark and note, each line ending in `\n`.
fn passage(p: &Passage<'_>) -> String {
    let mut s = String::new();
    for line in sanitize(&marked(p), true).split('\n') {
        let line = line.trim_end();
        if line.is_empty() {
            s.push_str(">\n");
        } else {
            s.push_str(&format!("> {}\n", md_line(line)));
        }
    }
    s.push_str(">\n");
    s.push_str(&format!("> — {}\n", md_citation(&p.citation())));
    if p.is_missing() {
        s.push_str("\n*(This text is no longer in the article: saved copy.)*\n");
    }
    if let Some(note) = &p.clip.note {
        s.push_str(&format!(
            "\n**Note:** {}\n",
            md_inline(&sanitize(note, false))
        ));
    }
    s
}

/// YAML front matter for Obsidian: title, dossier, export time and the sources quoted,
/// each value a double-quoted YAML string of sanitized, Markdown-escaped text (Obsidian
/// renders `[[…]]` in a property as a link).
fn front_matter(
    w: &mut dyn Write,
    d: &Dossier,
    title: &str,
    exported: &str,
    passages: &[Passage<'_>],
) -> io::Result<()> {
    writeln!(w, "---")?;
    writeln!(w, "title: {}", yaml_str(title))?;
    writeln!(w, "dossier: {}", yaml_str(&d.title))?;
    writeln!(w, "exported: {}", yaml_str(exported))?;
    let mut sources: Vec<(usize, String)> = passages
        .iter()
        .map(|p| {
            let at = p.article.map_or(usize::MAX, |a| a.id.0);
            (at, p.citation().source())
        })
        .collect();
    sources.sort();
    sources.dedup();
    if sources.is_empty() {
        writeln!(w, "sources: []")?;
    } else {
        writeln!(w, "sources:")?;
        for (_, s) in &sources {
            writeln!(w, "  - {}", yaml_str(s))?;
        }
    }
    writeln!(w, "---")
}

/// A YAML double-quoted scalar holding `s` sanitized and Markdown-escaped: backslashes
/// and quotes are the only characters left to escape (no control character remains).
fn yaml_str(s: &str) -> String {
    let md = md_inline(&sanitize(s, false));
    format!("\"{}\"", md.replace('\\', "\\\\").replace('"', "\\\""))
}

/// "**Speaker**, *Outlet*, [“Title”](url), date, ¶ 3": the file name only where neither
/// outlet nor title is known.
fn md_citation(c: &Citation<'_>) -> String {
    let mut parts = Vec::new();
    if let Some(s) = c.speaker {
        parts.push(format!("**{}**", md_inline(&sanitize(s, false))));
    }
    if let Some(o) = c.outlet {
        parts.push(format!("*{}*", md_inline(&sanitize(o, false))));
    }
    if let Some(t) = c.title {
        let t = md_inline(&sanitize(t, false));
        parts.push(match c.url {
            Some(u) if is_plain_url(u) => format!("[“{t}”]({u})"),
            _ => format!("“{t}”"),
        });
    }
    if let Some(d) = c.date {
        parts.push(md_inline(&sanitize(d, false)));
    }
    if c.needs_file() {
        parts.push(format!("`{}`", sanitize(c.file, false).replace('`', "'")));
    }
    parts.extend(c.paragraph.clone());
    parts.join(", ")
}

/// A url safe to put in a Markdown link as is: a web address (see
/// [`crate::model::load::manifest::is_web_url`]) with no character that would end the
/// link.
fn is_plain_url(u: &str) -> bool {
    crate::model::load::manifest::is_web_url(u) && !u.chars().any(|c| "()<>".contains(c))
}

/// Escape what Markdown would read as markup inside a line: CommonMark's, GFM's (`~~`
/// strikethrough, `|` tables) and Obsidian's (`%%` comments that hide text, `==`
/// highlights, `$` math, `[[` links, `#` tags). `%` and `=` are escaped only doubled, as
/// a single one means nothing to any of them.
fn md_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let doubled = matches!(c, '%' | '=') && (prev == Some(c) || chars.peek() == Some(&c));
        if doubled
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '$' | '~' | '#'
            )
        {
            out.push('\\');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Escape a line of a blockquote: inline markup, and a start that would begin a heading,
/// list or nested quote.
fn md_line(s: &str) -> String {
    let mut out = md_inline(s);
    if out.starts_with(['#', '+', '-', '=']) {
        out.insert(0, '\\');
    } else if let Some(at) = out.find(['.', ')']) {
        // "1984. The year" would start an ordered list.
        if at > 0 && out[..at].chars().all(|c| c.is_ascii_digit()) {
            out.insert(at, '\\');
        }
    }
    out
}
