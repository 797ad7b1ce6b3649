//! The CSV export: one row per passage with every field of the JSON export (but its
//! selectors), quoted as RFC 4180 says, for spreadsheets. A cell a spreadsheet would run
//! as a formula (starting with `=`, `+`, `-` or `@`) is neutralised with a leading `'`,
//! and control characters show as their pictures, as on a terminal.

use super::cite::resolve;
use super::formats::json_clip;
use super::Clipping;
use crate::model::sanitize::sanitize;
use crate::model::Dossier;
use std::io::{self, Write};

/// The columns, in order: the JSON export's field names.
pub const COLUMNS: [&str; 18] = [
    "id",
    "kind",
    "article",
    "title",
    "outlet",
    "url",
    "date",
    "author",
    "paragraph",
    "paragraph_end",
    "speaker",
    "speaker_as_written",
    "text",
    "note",
    "created",
    "found",
    "start",
    "end",
];

/// CSV: a header row, then one row per clipping in clipping order; lines end in CRLF.
pub fn write_csv(w: &mut dyn Write, d: &Dossier, clips: &[Clipping]) -> io::Result<()> {
    write_row(w, COLUMNS.iter().map(|c| c.to_string()))?;
    for c in clips {
        let j = json_clip(&resolve(d, c));
        let opt = |s: Option<&str>| s.unwrap_or_default().to_string();
        let num = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
        write_row(
            w,
            [
                j.id.to_string(),
                j.kind.to_string(),
                j.article.to_string(),
                opt(j.title),
                opt(j.outlet),
                opt(j.url),
                opt(j.date),
                opt(j.author),
                num(j.paragraph),
                num(j.paragraph_end),
                opt(j.speaker),
                opt(j.speaker_as_written),
                j.text.to_string(),
                opt(j.note),
                opt(j.created),
                j.found.to_string(),
                j.start.to_string(),
                j.end.to_string(),
            ],
        )?;
    }
    Ok(())
}

fn write_row(w: &mut dyn Write, cells: impl IntoIterator<Item = String>) -> io::Result<()> {
    let row: Vec<String> = cells.into_iter().map(|c| cell(&c)).collect();
    write!(w, "{}\r\n", row.join(","))
}

/// One cell: sanitized (line breaks kept), neutralised if a spreadsheet would read it as
/// a formula, and quoted when it holds a comma, a quote or a line break.
pub fn cell(s: &str) -> String {
    let mut s = sanitize(s, true).into_owned();
    if s.starts_with(['=', '+', '-', '@']) {
        s.insert(0, '\'');
    }
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}
