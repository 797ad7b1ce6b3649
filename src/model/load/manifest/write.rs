//! The one manifest writer: sets fields of `dossier.toml` entries while keeping what a
//! person wrote there (comments, order, spacing, fields it does not touch), and writes the
//! result atomically through [`crate::fsutil::write_atomic`], so a failed write leaves the
//! old manifest as it was.
//!
//! Values are untrusted (a page's address, later a page's title): each is checked
//! against the same rules the loader applies on reading ([`super::is_web_url`],
//! [`super::is_date`], the field bound), and a value that would be reported and dropped
//! on reading is refused here instead of written. A manifest that does not parse is never
//! rewritten: the person's file wins over an automatic edit.

use super::{is_date, is_web_url, FIELD_MAX_CHARS};
use crate::fsutil::{read_bounded, write_atomic, Clobber, ReadError, WriteError};
use crate::model::load::MANIFEST;
use std::path::{Path, PathBuf};
use toml_edit::{DocumentMut, Item, Table};

/// The most bytes of an existing manifest read for an edit: far above any real one (a
/// thousand entries of five fields take ~300 KB), so a linked device cannot fill memory.
const MANIFEST_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Why the manifest could not be updated; each message names the file and what to do.
#[derive(Debug, thiserror::Error)]
pub enum ManifestWriteError {
    #[error("{path}: cannot read ({why}); the manifest was not changed")]
    Read { path: PathBuf, why: String },
    #[error("{path}: not valid TOML ({why}); fix it, then fetch again (it was not changed)")]
    Syntax { path: PathBuf, why: String },
    #[error("{path}: `articles` is not a table; fix it, then fetch again (it was not changed)")]
    Shape { path: PathBuf },
    #[error("{field} {value:?} for {file:?} is not valid ({why}); not written")]
    Invalid {
        file: String,
        field: String,
        value: String,
        why: &'static str,
    },
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// One article's fields to set: `(field, value)` pairs for the entry of `file`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The article's file name in the dossier folder.
    pub file: String,
    /// Fields to set, such as `("url", "https://…")`, `("fetched", "2026-…Z")`.
    pub fields: Vec<(&'static str, String)>,
}

/// Set `entries`' fields in `dir`'s manifest (created when missing), keeping everything
/// else; all values are checked first, so either every entry is written or none is.
pub fn update(dir: &Path, entries: &[Entry]) -> Result<(), ManifestWriteError> {
    for e in entries {
        check_file_name(&e.file)?;
        for (field, value) in &e.fields {
            check(&e.file, field, value)?;
        }
    }
    let path = dir.join(MANIFEST);
    let edited = edited(&path, entries)?;
    write_atomic(&path, Clobber::Overwrite, |w| {
        w.write_all(edited.as_bytes())
    })?;
    Ok(())
}

/// Whether `dir`'s manifest (if any) can be edited: it reads and parses, and its
/// `articles` is a table. Checked before work whose results are to be recorded.
pub fn check_editable(dir: &Path) -> Result<(), ManifestWriteError> {
    edited(&dir.join(MANIFEST), &[]).map(drop)
}

/// The manifest at `path` (empty when missing) with `entries` set.
fn edited(path: &Path, entries: &[Entry]) -> Result<String, ManifestWriteError> {
    let src = match read_bounded(path, MANIFEST_MAX_BYTES) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|e| ManifestWriteError::Read {
            path: path.to_path_buf(),
            why: e.to_string(),
        })?,
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(ManifestWriteError::Read {
                path: path.to_path_buf(),
                why: e.to_string(),
            })
        }
    };
    edit(&src, entries).map_err(|e| match e {
        EditError::Syntax(why) => ManifestWriteError::Syntax {
            path: path.to_path_buf(),
            why,
        },
        EditError::Shape => ManifestWriteError::Shape {
            path: path.to_path_buf(),
        },
    })
}

/// Why a manifest's text could not be edited.
#[derive(Debug, PartialEq, Eq)]
enum EditError {
    Syntax(String),
    Shape,
}

/// The manifest `src` with `entries` set under `[articles."file"]`.
fn edit(src: &str, entries: &[Entry]) -> Result<String, EditError> {
    let mut doc: DocumentMut = src
        .parse()
        .map_err(|e: toml_edit::TomlError| EditError::Syntax(e.message().trim().to_string()))?;
    let articles = doc.entry("articles").or_insert_with(|| {
        // `[articles."x.html"]` headers alone, without an empty `[articles]` above them.
        let mut t = Table::new();
        t.set_implicit(true);
        Item::Table(t)
    });
    let articles = articles.as_table_like_mut().ok_or(EditError::Shape)?;
    for e in entries {
        let entry = articles
            .entry(&e.file)
            .or_insert_with(|| Item::Table(Table::new()));
        let entry = entry.as_table_like_mut().ok_or(EditError::Shape)?;
        for (field, value) in &e.fields {
            match entry.get_mut(field) {
                // Keep the comment and spacing around a value that is replaced.
                Some(Item::Value(old)) => {
                    let decor = old.decor().clone();
                    *old = value.as_str().into();
                    *old.decor_mut() = decor;
                }
                _ => {
                    entry.insert(field, toml_edit::value(value.as_str()));
                }
            }
        }
    }
    Ok(doc.to_string())
}

/// A file name fit to be a manifest key: a plain name in the folder, printable.
fn check_file_name(file: &str) -> Result<(), ManifestWriteError> {
    let bad = |why| {
        Err(ManifestWriteError::Invalid {
            file: file.into(),
            field: "file".into(),
            value: file.into(),
            why,
        })
    };
    if file.is_empty() || file.contains(['/', '\\']) || file == "." || file == ".." {
        return bad("not a file name in the folder");
    }
    if file.chars().any(crate::model::sanitize::is_unsafe) {
        return bad("holds a control character");
    }
    Ok(())
}

/// A value the loader would accept for `field` as it is, or why not.
fn check(file: &str, field: &str, value: &str) -> Result<(), ManifestWriteError> {
    let why = match field {
        "url" if !is_web_url(value) => Some("not an http(s) address without control characters"),
        "date" | "updated" | "fetched" if !is_date(value) => Some("not a date"),
        "title" | "outlet" | "author" if value.chars().count() > FIELD_MAX_CHARS => {
            Some("longer than the manifest's bound")
        }
        "title" | "outlet" | "author"
            if value
                .chars()
                .any(|c| crate::model::sanitize::is_unsafe(c) || c == '\n') =>
        {
            Some("holds a control character")
        }
        "url" | "date" | "updated" | "fetched" | "title" | "outlet" | "author" => None,
        _ => Some("not a manifest field"),
    };
    match why {
        Some(why) => Err(ManifestWriteError::Invalid {
            file: file.into(),
            field: field.into(),
            value: crate::model::sanitize::sanitize(value, false).into_owned(),
            why,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(file: &str, fields: &[(&'static str, &str)]) -> Entry {
        Entry {
            file: file.into(),
            fields: fields.iter().map(|(f, v)| (*f, v.to_string())).collect(),
        }
    }

    /// A new entry is appended as `[articles."file"]` after what was there; comments,
    /// order and untouched fields stay byte for byte.
    #[test]
    fn keeps_comments_and_order() {
        let src = "# My dossier\ntitle = \"Bridge\" # the event\n\n\
                   [articles.\"b.txt\"]\noutlet = \"Courier\" # checked by hand\n";
        let out = edit(
            src,
            &[entry(
                "01_x.html",
                &[
                    ("url", "https://x.example/a"),
                    ("fetched", "2026-01-02T03:04:05Z"),
                ],
            )],
        )
        .unwrap();
        assert!(out.starts_with(src), "{out}");
        assert!(
            out.ends_with(
                "[articles.\"01_x.html\"]\nurl = \"https://x.example/a\"\nfetched = \"2026-01-02T03:04:05Z\"\n"
            ),
            "{out}"
        );
        assert!(!out.contains("[articles]\n"), "{out}");
    }

    /// Setting a field an entry has replaces its value in place, keeping its comment and
    /// the other fields.
    #[test]
    fn replaces_a_value_in_place() {
        let src = "[articles.\"a.html\"]\nurl = \"https://old.example/\" # first fetch\n\
                   author = \"Ann Lee\"\n";
        let out = edit(src, &[entry("a.html", &[("url", "https://new.example/")])]).unwrap();
        assert_eq!(
            out,
            "[articles.\"a.html\"]\nurl = \"https://new.example/\" # first fetch\n\
             author = \"Ann Lee\"\n"
        );
    }

    /// What the writer produces, the loader reads back without a warning.
    #[test]
    fn loader_reads_what_it_writes() {
        let out = edit(
            "",
            &[entry(
                "a.html",
                &[
                    ("url", "https://x.example/a?b=c"),
                    ("fetched", "2026-01-02T03:04:05Z"),
                ],
            )],
        )
        .unwrap();
        let m = crate::model::load::parse_manifest(Path::new("dossier.toml"), &out).unwrap();
        let a = &m.articles["a.html"];
        assert_eq!(a.url.as_deref(), Some("https://x.example/a?b=c"));
        assert_eq!(a.fetched.as_deref(), Some("2026-01-02T03:04:05Z"));
    }

    /// A manifest that does not parse, or whose `articles` is a string, is not rewritten.
    #[test]
    fn broken_manifest_is_left_alone() {
        let e = [entry("a.html", &[("url", "https://x.example/")])];
        assert!(matches!(edit("title = \n", &e), Err(EditError::Syntax(_))));
        assert_eq!(edit("articles = \"x\"\n", &e), Err(EditError::Shape));
    }

    /// Values the loader would drop are refused before anything is written: a url with an
    /// escape sequence or another scheme, a date that is no date, an unknown field, a
    /// file name with a slash; the file on disk stays as it was.
    #[test]
    fn untrusted_values_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join(MANIFEST);
        std::fs::write(&manifest, "# mine\n").unwrap();
        for (file, field, value) in [
            ("a.html", "url", "https://x.example/\x1b]0;PWNED\x07"),
            ("a.html", "url", "javascript:alert(1)"),
            ("a.html", "fetched", "soon\n[articles.forged]"),
            ("a.html", "title", "two\nlines"),
            ("a.html", "colour", "red"),
            ("../a.html", "url", "https://x.example/"),
            ("a\u{1b}.html", "url", "https://x.example/"),
        ] {
            let r = update(dir.path(), &[entry(file, &[(field, value)])]);
            assert!(
                matches!(r, Err(ManifestWriteError::Invalid { .. })),
                "{file:?} {field} {value:?}: {r:?}"
            );
            let msg = r.unwrap_err().to_string();
            assert!(!msg.contains('\x1b'), "{msg:?}");
        }
        assert_eq!(std::fs::read_to_string(&manifest).unwrap(), "# mine\n");
    }

    /// A broken manifest on disk is reported before any work (and a missing one is fine).
    #[test]
    fn editable_is_checked_up_front() {
        let dir = tempfile::tempdir().unwrap();
        assert!(check_editable(dir.path()).is_ok());
        std::fs::write(dir.path().join(MANIFEST), "title = \"x\"\n[articles\n").unwrap();
        assert!(matches!(
            check_editable(dir.path()),
            Err(ManifestWriteError::Syntax { .. })
        ));
    }

    /// A missing manifest is created; a second update adds to it.
    #[test]
    fn creates_then_extends() {
        let dir = tempfile::tempdir().unwrap();
        update(
            dir.path(),
            &[entry("a.html", &[("url", "https://x.example/a")])],
        )
        .unwrap();
        update(
            dir.path(),
            &[entry("b.html", &[("url", "https://x.example/b")])],
        )
        .unwrap();
        let src = std::fs::read_to_string(dir.path().join(MANIFEST)).unwrap();
        let m = crate::model::load::parse_manifest(Path::new("dossier.toml"), &src).unwrap();
        assert_eq!(m.articles.len(), 2, "{src}");
    }
}
