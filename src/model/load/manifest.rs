//! Checking what a manifest says before it reaches the model: its values are untrusted
//! text like the articles. Each field is cut to a bound (a megabyte of "title" is not a
//! title), and the fields with a shape are checked against it: a url is `http`/`https`
//! with no control or space character, a date parses as a date. What fails is reported
//! as a warning naming the file and ignored, so inferred metadata stays.

pub mod write;

use super::{ManifestArticle, MANIFEST};
use crate::model::Warning;

/// The most characters kept of a manifest's title, outlet or author. Real headlines run
/// to ~150 characters and outlet or author names to ~60; 300 leaves room for any real
/// one while a hostile megabyte can no longer fill a screen.
pub const FIELD_MAX_CHARS: usize = 300;

/// The most characters of a url: the 2,000 that browsers and servers commonly accept.
pub const URL_MAX_CHARS: usize = 2000;

/// The manifest's values for `file`, each bounded and checked; what fails is reported.
pub(super) fn checked(
    file: &str,
    m: ManifestArticle,
    warnings: &mut Vec<Warning>,
) -> ManifestArticle {
    let mut warn = |message: String| {
        warnings.push(Warning {
            file: Some(MANIFEST.into()),
            message,
        })
    };
    let mut bounded = |field: &str, v: Option<String>| {
        v.map(|v| match bound(&v, FIELD_MAX_CHARS) {
            Some(cut) => {
                warn(format!(
                    "{}: {field} cut to {FIELD_MAX_CHARS} characters",
                    shown(file)
                ));
                cut
            }
            None => v,
        })
    };
    let title = bounded("title", m.title);
    let outlet = bounded("outlet", m.outlet);
    let author = bounded("author", m.author);
    let url = m.url.filter(|u| {
        let ok = is_web_url(u);
        if !ok {
            warn(format!(
                "{}: url {} is not an http(s) address; ignored",
                shown(file),
                shown(u)
            ));
        }
        ok
    });
    let mut checked_date = |d: Option<String>, what: &str| {
        d.filter(|d| {
            let ok = is_date(d);
            if !ok {
                warn(format!(
                    "{}: {what} {} is not a date (such as 2024-10-30); ignored",
                    shown(file),
                    shown(d)
                ));
            }
            ok
        })
    };
    let date = checked_date(m.date, "date");
    let updated = checked_date(m.updated, "updated");
    let fetched = checked_date(m.fetched, "fetched");
    ManifestArticle {
        title,
        outlet,
        url,
        date,
        updated,
        author,
        fetched,
    }
}

/// The manifest's dossier title, bounded like the fields.
pub(super) fn checked_title(t: String, warnings: &mut Vec<Warning>) -> String {
    match bound(&t, FIELD_MAX_CHARS) {
        Some(cut) => {
            warnings.push(Warning {
                file: Some(MANIFEST.into()),
                message: format!("title cut to {FIELD_MAX_CHARS} characters"),
            });
            cut
        }
        None => t,
    }
}

/// `s` cut to `max` characters with an ellipsis, or None when it fits.
fn bound(s: &str, max: usize) -> Option<String> {
    let (cut, _) = s.char_indices().nth(max.saturating_sub(1))?;
    // Only cut when more than the last kept character follows.
    s[cut..].chars().nth(1)?;
    Some(format!("{}…", &s[..cut]))
}

/// A value quoted for a warning: made safe and short (the warning names what was wrong,
/// it need not repeat a megabyte of it).
fn shown(s: &str) -> String {
    let safe = crate::model::sanitize::sanitize(s, false);
    format!(
        "{:?}",
        bound(&safe, 60).unwrap_or_else(|| safe.into_owned())
    )
}

/// An `http` or `https` address with a host and no control, space or invisible
/// character, of a bounded length.
pub fn is_web_url(u: &str) -> bool {
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &u[8..]
    } else if lower.starts_with("http://") {
        &u[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && u.chars().count() <= URL_MAX_CHARS
        && !u
            .chars()
            .any(|c| c.is_whitespace() || crate::model::sanitize::is_unsafe(c))
}

/// A date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time may follow after `T` or a space),
/// or a written date the text's date parser reads whole ("Oct. 30, 2024").
pub fn is_date(d: &str) -> bool {
    let d = d.trim();
    if d.is_empty() || d.len() > 40 {
        return false;
    }
    let (day, time) = match d.find(['T', ' ']) {
        Some(at) if d.as_bytes().get(4) == Some(&b'-') => (&d[..at], Some(&d[at + 1..])),
        _ => (d, None),
    };
    // An ISO-shaped date is judged as ISO only: a partial one ("2024-10") is a date here.
    if d.len() >= 4 && d.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        return is_iso_day(day)
            && match time {
                None => true,
                Some(t) => t.chars().all(|c| c.is_ascii_digit() || ":.+-Z".contains(c)),
            };
    }
    d.chars()
        .all(|c| c.is_ascii_alphanumeric() || " ,.-".contains(c))
        && crate::model::date::find_date(d).is_some()
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day (checked by the model's
/// one date parser).
fn is_iso_day(s: &str) -> bool {
    crate::model::date::iso_day_parts(s).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// http and https addresses pass; other schemes, a missing host, and control,
    /// escape, space or bidi characters do not.
    #[test]
    fn url_must_be_web_and_clean() {
        assert!(is_web_url("https://example.org/news/a?b=c#d"));
        assert!(is_web_url("HTTP://example.org"));
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "https://x/\x1b]0;PWNED\x07",
            "https://x/a b",
            "https://x/\u{202e}gpj.exe",
            "https://x/\n- forged",
            "example.org",
        ] {
            assert!(!is_web_url(bad), "{bad:?}");
        }
    }

    /// ISO days, months and years, a time after them, and written dates pass; an
    /// impossible day, an escape sequence or prose does not.
    #[test]
    fn date_must_parse() {
        for good in [
            "2024-10-30",
            "2024-02-29",
            "2024-10",
            "2024",
            "2024-10-30T12:00:00Z",
            "Oct. 30, 2024",
            "30 October 2024",
        ] {
            assert!(is_date(good), "{good:?}");
        }
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-10-30\x1b]52;c;AAAA\x07",
            "yesterday",
            "2024-10-30\nforged row",
            "",
            "20241",
        ] {
            assert!(!is_date(bad), "{bad:?}");
        }
    }

    /// Long fields are cut to the bound with an ellipsis and a warning; a bad url and
    /// date are dropped with a warning each; good values pass untouched.
    #[test]
    fn fields_bounded_and_checked() {
        let long = "x".repeat(FIELD_MAX_CHARS + 50);
        let mut w = Vec::new();
        let m = checked(
            "a.txt",
            ManifestArticle {
                title: Some(long),
                outlet: Some("Outlet".into()),
                url: Some("https://x/\x1b]0;t\x07".into()),
                date: Some("soon\n2 x".into()),
                updated: Some("31 February 2021".into()),
                author: Some("x".repeat(FIELD_MAX_CHARS)),
                fetched: Some("2026-01-02T03:04:05Z\x1b[2J".into()),
            },
            &mut w,
        );
        assert_eq!(
            m.title.as_ref().map(|t| t.chars().count()),
            Some(FIELD_MAX_CHARS)
        );
        assert_eq!(
            m.author.as_ref().map(|t| t.chars().count()),
            Some(FIELD_MAX_CHARS)
        );
        assert_eq!(m.outlet.as_deref(), Some("Outlet"));
        assert_eq!((m.url, m.date, m.updated), (None, None, None));
        assert_eq!(m.fetched, None);
        assert_eq!(w.len(), 5, "{w:?}");
        assert!(
            w.iter().all(|w| !w.message.contains(['\x1b', '\n'])),
            "{w:?}"
        );
    }

    /// A manifest date is a year, a month, a day (with a time) or a written date; an
    /// impossible day, a score or trailing words are none.
    #[test]
    fn manifest_dates() {
        for d in [
            "2024",
            "2024-10",
            "2024-10-30",
            "2024-10-30T09:10:00+01:00",
            "Oct. 30, 2024",
        ] {
            assert!(is_date(d), "{d}");
        }
        for d in [
            "2021-02-29",
            "2024-13",
            "2024-10-30 soon",
            "3-2",
            "30 Febr 2024",
        ] {
            assert!(!is_date(d), "{d}");
        }
    }
}
