//! Where CLI output goes, and in which format: text made safe for a terminal (coloured
//! and paged on one, see [`super::term`]), or JSON.

use super::term::{self, Paint};
use super::Common;
use crate::model::sanitize::sanitize;
use serde::Serialize;
use std::io::{self, IsTerminal, Write};

/// The output formats every subcommand takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    /// Markdown (`dossier export` only).
    #[value(alias = "markdown")]
    Md,
    /// CSL-JSON citation items for Zotero and pandoc (`dossier export` only).
    #[value(alias = "csl-json")]
    Csl,
    /// CSV, one row per passage (`dossier export` only).
    Csv,
}

impl Format {
    /// True for the formats only `dossier export` writes.
    pub fn export_only(self) -> bool {
        matches!(self, Format::Md | Format::Csl | Format::Csv)
    }
}

/// Text made safe for a terminal (article text is untrusted).
pub fn clean(s: &str, keep_newlines: bool) -> std::borrow::Cow<'_, str> {
    sanitize(s, keep_newlines)
}

/// Standard output, with the choices that shape text.
pub struct Out {
    pub w: Box<dyn Write>,
    pub format: Format,
    pub raw: bool,
    pub width: usize,
    /// Colour text with SGR sequences (`--color`).
    pub color: bool,
    /// On a terminal, the output is held here and shown at the end, paged when long.
    paging: Option<Paging>,
}

/// Output held to be shown through a pager if it turns out longer than the screen.
struct Paging {
    buf: SharedBuf,
    /// Columns and rows of the terminal.
    screen: (usize, usize),
    pager: Option<Vec<String>>,
}

impl Out {
    /// Standard output, wrapping at the terminal's width (80 when not a terminal); on a
    /// terminal, coloured (`--color auto`) and paged when long (unless `--no-pager`).
    pub fn stdout(common: &Common) -> Self {
        let tty = io::stdout().is_terminal();
        let size = if tty {
            ratatui::crossterm::terminal::size().ok()
        } else {
            None
        };
        let width = common
            .width
            .unwrap_or_else(|| size.map_or(80, |(w, _)| w as usize));
        let color = term::use_color(
            common.color,
            tty,
            std::env::var_os("NO_COLOR"),
            std::env::var_os("TERM"),
        );
        let paging = match size {
            Some((cols, rows)) if !common.no_pager => Some(Paging {
                buf: SharedBuf::default(),
                screen: (cols as usize, rows as usize),
                pager: term::pager_command(std::env::var_os("PAGER")),
            }),
            _ => None,
        };
        let w: Box<dyn Write> = match &paging {
            Some(p) => Box::new(p.buf.clone()),
            None => Box::new(io::BufWriter::new(io::stdout())),
        };
        Out {
            w,
            format: common.format,
            raw: common.raw,
            width: width.max(20),
            color,
            paging,
        }
    }

    /// Show what was held for paging: through the pager when longer than the screen.
    /// Called once, at the end of a command.
    pub fn finish(&mut self) -> io::Result<()> {
        self.w.flush()?;
        match self.paging.take() {
            Some(p) => {
                let text = p.buf.0.borrow();
                if text.is_empty() {
                    return Ok(());
                }
                term::show(&text, p.screen, p.pager.as_deref())
            }
            None => Ok(()),
        }
    }

    /// `s` (already made safe) in the colour for `p`, when colour is on.
    pub fn paint(&self, p: Paint, s: &str) -> String {
        term::paint(self.color && self.format == Format::Text, p, s)
    }

    /// A buffer, for tests.
    pub fn buffer(format: Format, width: usize) -> (Self, SharedBuf) {
        let buf = SharedBuf::default();
        (
            Out {
                w: Box::new(buf.clone()),
                format,
                raw: false,
                width,
                color: false,
                paging: None,
            },
            buf,
        )
    }

    /// Article text for the text format: sanitized unless `--raw`, line breaks as
    /// spaces (the text is re-wrapped to the width), as the reader shows it.
    pub fn text<'a>(&self, s: &'a str) -> std::borrow::Cow<'a, str> {
        if self.raw {
            std::borrow::Cow::Borrowed(s)
        } else {
            crate::model::sanitize::sanitize_flowing(s)
        }
    }

    /// Write a value as pretty JSON.
    pub fn json<T: Serialize>(&mut self, v: &T) -> anyhow::Result<()> {
        serde_json::to_writer_pretty(&mut self.w, v)?;
        writeln!(self.w)?;
        self.w.flush()?;
        Ok(())
    }

    /// Write the items of `rows` as one pretty JSON array, each made and written in turn:
    /// the rows of a large dossier (or of a page of a million one-letter quotes) are never
    /// all held at once. The text is the same as [`Out::json`] of the collected rows.
    pub fn json_rows<T: Serialize>(&mut self, rows: impl Iterator<Item = T>) -> anyhow::Result<()> {
        struct Rows<I>(std::cell::Cell<Option<I>>);
        impl<I: Iterator<Item = T>, T: Serialize> Serialize for Rows<I> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.take().into_iter().flatten())
            }
        }
        self.json(&Rows(std::cell::Cell::new(Some(rows))))
    }

    /// Write a line.
    pub fn line(&mut self, s: &str) -> io::Result<()> {
        writeln!(self.w, "{s}")
    }

    /// Flush.
    pub fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }

    /// Wrap `s` to the width with an indent for every line.
    pub fn wrap(&self, s: &str, first: &str, rest: &str) -> Vec<String> {
        wrap_chunked(s, self.width, first, rest, WRAP_CHUNK)
    }
}

/// Bytes of text wrapped at a time: `textwrap` keeps a record of about 56 bytes for each
/// word of what it wraps, so a 4 MiB paragraph of short words took 92 MiB at its peak
/// (`dossier read` on 4 MiB of `No. `); 64 KiB chunks bound that to a few MiB.
const WRAP_CHUNK: usize = 64 * 1024;

/// First-fit wrapping of `s`, `chunk` bytes at a time, with the lines of wrapping it
/// whole: a first-fit line is final once the word after it is seen, so every line of a
/// chunk but its last is kept, and the last is wrapped again with the next chunk. A chunk
/// ends after a single space between two words, so its last line holds a word.
fn wrap_chunked(s: &str, width: usize, first: &str, rest: &str, chunk: usize) -> Vec<String> {
    let opts = |first_line: bool| {
        textwrap::Options::new(width)
            .initial_indent(if first_line { first } else { rest })
            .subsequent_indent(rest)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
    };
    let b = s.as_bytes();
    let ws = |i: usize| b[i].is_ascii_whitespace();
    let mut out: Vec<String> = Vec::new();
    let mut from = 0;
    loop {
        let whole = |out: &Vec<String>| {
            textwrap::wrap(&s[from..], opts(out.is_empty()))
                .into_iter()
                .map(std::borrow::Cow::into_owned)
                .collect::<Vec<String>>()
        };
        if s.len() - from <= chunk {
            let rest = whole(&out);
            out.extend(rest);
            return out;
        }
        // After a space with a word on both sides (an ASCII space: a char boundary).
        let cut = (from + 2..=from + chunk)
            .rev()
            .find(|&i| b[i - 1] == b' ' && !ws(i) && !ws(i - 2));
        let Some(end) = cut else {
            let rest = whole(&out);
            out.extend(rest);
            return out;
        };
        let piece = &s[from..end];
        let mut lines = textwrap::wrap(piece, opts(out.is_empty()));
        let first_line = out.is_empty() && lines.len() == 1;
        let last = lines.pop().unwrap_or_default();
        let indent = if first_line { first } else { rest };
        let text = last.strip_prefix(indent).unwrap_or(&last);
        let body = piece.trim_end();
        match body.len().checked_sub(text.len()) {
            Some(at) if !lines.is_empty() && !text.is_empty() && body.ends_with(text) => {
                out.extend(lines.into_iter().map(std::borrow::Cow::into_owned));
                from += at;
            }
            // One line in the whole chunk (a width beyond it), or a line that is not the
            // chunk's end (not first-fit's): the rest is wrapped whole.
            _ => {
                let rest = whole(&out);
                out.extend(rest);
                return out;
            }
        }
    }
}

/// A cloneable in-memory writer.
#[derive(Clone, Default)]
pub struct SharedBuf(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl SharedBuf {
    /// What was written, as text.
    pub fn contents(&self) -> String {
        String::from_utf8_lossy(&self.0.borrow()).into_owned()
    }
}

impl Write for SharedBuf {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wrapping a text a chunk at a time gives the lines of wrapping it whole: short words,
    /// long words broken over lines, hard line breaks, runs of spaces, an indent of its
    /// own for the first line, and text shorter than a chunk.
    #[test]
    fn chunked_wrap_matches_whole_wrap() {
        let long = "x".repeat(50);
        let texts = [
            "No. ".repeat(500),
            format!("{} tail", "alpha beta  gamma\ndelta ".repeat(120)),
            format!("{long} {long} a b c {long}").repeat(20),
            "one two three".to_string(),
            String::new(),
            "é ü ö ".repeat(300),
        ];
        for t in &texts {
            for width in [12, 20, 80] {
                let whole: Vec<String> = textwrap::wrap(
                    t,
                    textwrap::Options::new(width)
                        .initial_indent("  1 ")
                        .subsequent_indent("    ")
                        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit),
                )
                .into_iter()
                .map(|c| c.into_owned())
                .collect();
                for chunk in [7, 16, 33, 100, 1 << 16] {
                    let got = wrap_chunked(t, width, "  1 ", "    ", chunk);
                    assert_eq!(got, whole, "width {width}, chunk {chunk}: {t:?}");
                }
            }
        }
    }

    /// A row with a number, an optional text and a list.
    type Row = (u32, Option<&'static str>, Vec<u8>);

    /// Rows written one at a time read exactly as the collected list would: an empty list,
    /// one row, several rows with nested values.
    #[test]
    fn json_rows_read_as_the_collected_list() {
        let lists: [Vec<Row>; 3] = [
            vec![],
            vec![(1, None, vec![])],
            vec![(1, Some("a \"b\""), vec![1, 2]), (2, None, vec![3])],
        ];
        for rows in lists {
            let (mut whole, a) = Out::buffer(Format::Json, 80);
            whole.json(&rows).unwrap();
            let (mut streamed, b) = Out::buffer(Format::Json, 80);
            streamed.json_rows(rows.iter()).unwrap();
            assert_eq!(a.contents(), b.contents());
        }
    }
}
