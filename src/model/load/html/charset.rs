//! Decoding a web page's bytes: a byte-order mark, else the charset the page declares
//! (`<meta charset>` or an `http-equiv` content type), else detection (chardetng), decoded
//! with encoding_rs as browsers do (a declared ISO-8859-1 reads as Windows-1252).

use encoding_rs::{Encoding, UTF_8};

/// How many leading bytes are searched for a declared charset: the HTML standard's
/// prescan reads the first 1,024 bytes; saved pages often put a long comment or script
/// first, so a little more is read.
const PRESCAN: usize = 4096;

/// A page's text and how it was decoded.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// How the encoding was chosen: "byte-order mark", "declared", "detected" or "UTF-8".
    pub how: &'static str,
    /// Bytes that the encoding could not map were replaced.
    pub lossy: bool,
}

/// Decode a page's bytes.
pub fn decode(bytes: &[u8]) -> Decoded {
    let (encoding, how) = if let Some((enc, _)) = Encoding::for_bom(bytes) {
        (enc, "byte-order mark")
    } else if let Some(enc) = declared(&bytes[..bytes.len().min(PRESCAN)]) {
        // A page that says UTF-8 but is not (re-saved by an editor in another encoding)
        // reads better detected than with replacement characters.
        if enc == UTF_8 && std::str::from_utf8(bytes).is_err() {
            (detect(bytes), "detected")
        } else {
            (enc, "declared")
        }
    } else if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, "UTF-8")
    } else {
        (detect(bytes), "detected")
    };
    let (text, used, lossy) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: used,
        how,
        lossy,
    }
}

/// The bytes to save for a page that a server sent with the charset label `transport`
/// (its `Content-Type`), so that reading the saved file gives the text the server meant:
/// the bytes as they came when [`decode`] reads them in that encoding anyway (or no
/// label, or one encoding_rs does not know, was given), else the text decoded as the
/// server said and stored as UTF-8 behind a byte-order mark, which outranks whatever the
/// page's markup declares (as the server's label does in a browser).
pub fn for_storage(bytes: Vec<u8>, transport: Option<&str>) -> Vec<u8> {
    let Some(enc) = transport.and_then(|l| Encoding::for_label(l.trim().as_bytes())) else {
        return bytes;
    };
    if Encoding::for_bom(&bytes).is_some() || decode(&bytes).encoding == enc {
        return bytes;
    }
    let (text, _, _) = enc.decode(&bytes);
    let mut out = Vec::with_capacity(text.len() + 3);
    out.extend_from_slice(b"\xEF\xBB\xBF");
    out.extend_from_slice(text.as_bytes());
    out
}

/// The encoding chardetng guesses for bytes with no declaration.
pub(crate) fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(None, chardetng::Utf8Detection::Allow)
}

/// The charset a page declares in its first bytes: `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
                let rest = rest.strip_prefix(b"'").unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|&b| {
                        matches!(b, b'"' | b'\'' | b';' | b'/') || b.is_ascii_whitespace()
                    })
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..label_end]) {
                    // A page cannot declare UTF-16 in its own bytes (it would not be
                    // readable as ASCII): browsers take UTF-8 then.
                    let utf16 = enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE;
                    return Some(if utf16 { UTF_8 } else { enc });
                }
            }
        }
        from = end.max(start + 1);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page the server labels Windows-1252 reads right once stored, whether it declares
    /// nothing (detection agrees: stored as it came) or declares another charset (the
    /// server's label wins: stored as UTF-8 behind a BOM); one whose own reading agrees
    /// with the label, and one with no label, are stored byte for byte.
    #[test]
    fn transport_charset_is_kept_in_storage() {
        let page = b"<html><body><p>\x93Caf\xe9 cr\xe8me,\x94 she said.</p></body></html>".to_vec();
        let wanted = "\u{201c}Caf\u{e9} cr\u{e8}me,\u{201d}";
        let stored = for_storage(page.clone(), Some("windows-1252"));
        assert!(decode(&stored).text.contains(wanted));
        let mut mislabelled = b"<meta charset=\"iso-8859-5\">".to_vec();
        mislabelled.extend_from_slice(&page);
        assert!(!decode(&mislabelled).text.contains(wanted));
        let stored = for_storage(mislabelled, Some("windows-1252"));
        assert!(stored.starts_with(b"\xEF\xBB\xBF"));
        assert!(decode(&stored).text.contains(wanted));
        let mut declared = b"<meta charset=\"windows-1252\">".to_vec();
        declared.extend_from_slice(&page);
        assert_eq!(for_storage(declared.clone(), Some("ISO-8859-1")), declared);
        let utf8 = "<p>\u{201c}Caf\u{e9}\u{201d}</p>".as_bytes().to_vec();
        assert_eq!(for_storage(utf8.clone(), Some("utf-8")), utf8);
        assert_eq!(for_storage(page.clone(), None), page);
        assert_eq!(for_storage(page.clone(), Some("no-such-charset")), page);
    }

    /// A page declaring Windows-1252 in a meta charset reads its curly quotes right.
    #[test]
    fn declared_windows_1252_decodes() {
        let mut page = b"<html><head><meta charset=\"windows-1252\"></head><p>".to_vec();
        page.extend_from_slice(b"\x93Caf\xe9\x94</p>");
        let d = decode(&page);
        assert_eq!(d.how, "declared");
        assert!(d.text.contains("\u{201c}Caf\u{e9}\u{201d}"), "{}", d.text);
    }

    /// An http-equiv content type names the charset too; ISO-8859-1 reads as Windows-1252.
    #[test]
    fn http_equiv_content_type_decodes() {
        let mut page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
                .to_vec();
        page.extend_from_slice(b"<p>na\xefve \x80</p>");
        let d = decode(&page);
        assert_eq!(d.encoding, encoding_rs::WINDOWS_1252);
        assert!(d.text.contains("na\u{ef}ve \u{20ac}"), "{}", d.text);
    }

    /// A Shift_JIS page with no declaration is detected and reads as Japanese.
    #[test]
    fn undeclared_shift_jis_is_detected() {
        let text = "<html><body><p>東京で会議が開かれた。首相は記者団に対し、合意に達したと述べた。</p></body></html>";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        let d = decode(&bytes);
        assert_eq!(d.how, "detected");
        assert_eq!(d.text, text);
    }

    /// A UTF-8 byte-order mark wins over a contradicting declaration and is not kept.
    #[test]
    fn bom_wins_over_declaration() {
        let page = "\u{feff}<meta charset=\"windows-1252\"><p>café</p>";
        let d = decode(page.as_bytes());
        assert_eq!(d.how, "byte-order mark");
        assert!(d.text.starts_with("<meta") && d.text.contains("café"));
    }

    /// A word "charset" in the text, not in a meta tag, is no declaration.
    #[test]
    fn charset_outside_meta_is_ignored() {
        let page = "<p>set charset=windows-1252 in your editor: café</p>";
        let d = decode(page.as_bytes());
        assert_eq!(d.encoding, UTF_8);
        assert!(!d.lossy);
    }
}
