//! Who published an article and which wire agency wrote it: from the page's own words (a
//! sign-up or copyright line, a dateline credit, a byline), else from the file's name.

use crate::model::{lexicon, ParaKind, Paragraph};
use regex::Regex;
use std::sync::OnceLock;

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("valid built-in pattern"))
}

/// An outlet named in site furniture: "… stories from Stars and Stripes and …",
/// "Interview between Time.news Editor …", "© 2024 The Gazette".
pub(super) fn outlet_in(s: &str) -> Option<String> {
    static FROM: OnceLock<Regex> = OnceLock::new();
    static DOMAIN: OnceLock<Regex> = OnceLock::new();
    static COPY: OnceLock<Regex> = OnceLock::new();
    let name = r"[A-Z][\w&'’.]*(?: (?:and|of|the|&) [A-Z][\w&'’.]*| [A-Z][\w&'’.]*)*";
    // Each pattern runs (and is compiled, 19 M instructions for the three, a seventh of
    // loading 200 generated articles) only when the text holds the words it needs: " from
    // ", a dot before a domain's first letter, a copyright sign or word.
    let domain_dot = s
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'.' && matches!(w[1], b'n' | b'c' | b'o' | b'i'));
    let patterns = [
        s.contains(" from ").then(|| {
            re(
                &FROM,
                &format!(r"(?:stories|news|email|newsletter|updates) from ({name})"),
            )
        }),
        domain_dot.then(|| {
            re(
                &DOMAIN,
                r"\b([A-Z][A-Za-z]+\.(?:news|com|org|net|co\.uk|in))\b",
            )
        }),
        names_copyright(s).then(|| {
            re(
                &COPY,
                &format!(r"(?:©|Copyright)\s*(?:\d{{4}}\s*)?({name})"),
            )
        }),
    ];
    for r in patterns.into_iter().flatten() {
        if let Some(c) = r.captures(s) {
            let name = c[1].trim_end_matches('.').to_string();
            // A wire agency's notice names the agency, not the publisher; a name that ends
            // with an agency ("Jane Roe AP") is a photo credit.
            let last = name.rsplit(' ').next().unwrap_or(&name);
            if agency_named(&name).is_none() && (last == name || agency_named(last).is_none()) {
                return Some(name);
            }
        }
    }
    None
}

/// True when `s` holds what a copyright pattern opens with: "©" or "Copyright".
fn names_copyright(s: &str) -> bool {
    s.contains('©') || s.contains("Copyright")
}

/// The outlet a file's name gives: a browser's "Title - Outlet.html" gives "Outlet";
/// "07_dailyplanet.txt" gives "dailyplanet". A name part with digits is an id, not an
/// outlet ("000_a746009515ada104.txt" gives none).
pub fn outlet_from_file(file: &str) -> Option<String> {
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let part = [" - ", " | ", " — ", " – "]
        .iter()
        .filter_map(|sep| stem.rsplit_once(sep).map(|(_, tail)| tail))
        .min_by_key(|t| t.len())
        .unwrap_or_else(|| {
            // An order prefix goes: "07_", "b_" (a single letter before an underscore).
            let rest = stem.trim_start_matches(|c: char| c.is_ascii_digit());
            let b = rest.as_bytes();
            let rest = if rest.len() == stem.len()
                && b.len() > 2
                && b[0].is_ascii_alphabetic()
                && b[1] == b'_'
            {
                &rest[1..]
            } else {
                rest
            };
            rest.trim_start_matches(['_', '-', '.', ' '])
        })
        .trim();
    let letters = part.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 2 && !part.chars().any(|c| c.is_ascii_digit())).then(|| part.to_string())
}

/// The agency a credit names, as the agency list shows it: "AP" and "the Associated Press"
/// give "Associated Press".
fn agency_named(credit: &str) -> Option<&'static str> {
    let c = credit.trim().trim_end_matches('.').to_lowercase();
    lexicon::agencies()
        .iter()
        .find(|(_, forms)| forms.contains(&c))
        .map(|(name, _)| name.as_str())
}

/// A credit in parentheses made only of agencies: "(AP)", "(Reuters)", "(AP, dpa)"; with
/// `dash`, only one that a dash follows, as after a dateline ("LONDON (AP) —").
fn parenthesized_credit(s: &str, dash: bool) -> Vec<&'static str> {
    static PAREN: OnceLock<Regex> = OnceLock::new();
    // Nearly every paragraph has no bracket in its first words: no pattern to run.
    if !s.contains('(') {
        return Vec::new();
    }
    let paren = re(&PAREN, r"\(([A-Za-z][A-Za-z .,/&'-]{0,60})\)");
    for c in paren.captures_iter(s) {
        let after = s[c.get(0).expect("group 0").end()..].trim_start();
        if dash && !after.starts_with(['-', '—', '–']) {
            continue;
        }
        let names: Option<Vec<_>> = c[1].split([',', '/']).map(agency_named).collect();
        if let Some(names) = names.filter(|n| !n.is_empty()) {
            return names;
        }
    }
    Vec::new()
}

/// The wire agencies an article credits: a dateline credit ("LONDON (Reuters) —") at the
/// start of the story, a short end tag ("jd/ab (AP, dpa)"), an agency byline ("By
/// ASSOCIATED PRESS") or an agency's copyright notice. A photo credit ("AP Photo/…") is the
/// picture's, not the story's.
pub fn agency_in(text: &str, paras: &[Paragraph]) -> Option<String> {
    // A dateline credit stands within the first words of the story: the longest dateline
    // seen ("SAN JUAN, Puerto Rico, Oct 4 (Reuters) -") ends before byte 60.
    const DATELINE_BYTES: usize = 80;
    // An end tag or credit line is a few words ("jd/ab (AP, dpa)", "— Associated Press").
    const TAG_WORDS: usize = 8;
    let mut found: Vec<&'static str> = Vec::new();
    for p in paras {
        let s = &text[p.span.range()];
        // Only bounds are asked (8 and 40 pieces between white space): each test stops
        // past its bound, and a story paragraph asks only the first (counting up to 41
        // for every paragraph took about 20 instructions a byte of text).
        let at_most = |n: usize| !crate::model::text::more_fields_than(s, n);
        let mut cut = DATELINE_BYTES.min(s.len());
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        // A credit and a dash open the story's first paragraph; page templates sometimes
        // set it apart, so any paragraph kind is looked at.
        let mut names = parenthesized_credit(&s[..cut], true);
        if names.is_empty() && p.kind != ParaKind::Caption && at_most(TAG_WORDS) {
            names = parenthesized_credit(s, false);
            if names.is_empty() {
                let bare = s.trim_start_matches(['—', '–', '-', ' ']);
                let bare = ["By ", "BY ", "by "]
                    .iter()
                    .find_map(|b| bare.strip_prefix(b))
                    .unwrap_or(bare);
                // Long forms only: a bare "AP" or "PA" line is too short to trust.
                if bare.trim().len() > 3 {
                    names.extend(agency_named(bare));
                }
            }
        }
        if names.is_empty() && p.kind != ParaKind::Body && at_most(40) {
            names.extend(copyright_agency(s));
        }
        for n in names {
            if !found.contains(&n) {
                found.push(n);
            }
        }
    }
    (!found.is_empty()).then(|| found.join(", "))
}

/// "Copyright 2021 The Associated Press. All rights reserved." names the agency.
fn copyright_agency(s: &str) -> Option<&'static str> {
    static COPY: OnceLock<Regex> = OnceLock::new();
    if !names_copyright(s) {
        return None;
    }
    let copy = re(
        &COPY,
        r"(?:©|Copyright)\s*(?:\d{4}\s*)?((?:[Tt]he )?[A-Z][A-Za-z-]+(?: [A-Z][A-Za-z-]+){0,2})",
    );
    copy.captures(s).and_then(|c| agency_named(&c[1]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::{classify, segment};

    fn agency(text: &str) -> Option<String> {
        let mut paras = segment(text);
        classify(text, &mut paras);
        agency_in(text, &paras)
    }

    /// Outlets named in sign-up lines, domains and copyright lines.
    #[test]
    fn outlets_named_in_furniture() {
        assert_eq!(
            outlet_in("Sign up to receive a daily email of today's top military news stories from Stars and Stripes and top news outlets").as_deref(),
            Some("Stars and Stripes")
        );
        assert_eq!(
            outlet_in("Interview between Time.news Editor and Dr. Roe").as_deref(),
            Some("Time.news")
        );
        assert_eq!(
            outlet_in("© 2024 The Gazette").as_deref(),
            Some("The Gazette")
        );
    }

    /// An agency's copyright notice names no publisher.
    #[test]
    fn agency_notice_is_no_outlet() {
        assert_eq!(outlet_in("Copyright 2021 The Associated Press"), None);
        assert_eq!(
            outlet_in("Homes burn on Monday. Copyright Jane Roe AP"),
            None
        );
    }

    /// File names: numbered outlet names, browser titles; ids and numbers are no outlet.
    #[test]
    fn outlets_from_file_names() {
        assert_eq!(
            outlet_from_file("07_dailyplanet.txt").as_deref(),
            Some("dailyplanet")
        );
        assert_eq!(
            outlet_from_file("Storm toll rises - Daily Planet.html").as_deref(),
            Some("Daily Planet")
        );
        assert_eq!(outlet_from_file("000_a746009515ada104.txt"), None);
        assert_eq!(outlet_from_file("2021-03-04.txt"), None);
        assert_eq!(outlet_from_file("12.md"), None);
    }

    /// A dateline credit and an end tag name the agency; several are joined.
    #[test]
    fn agency_credits() {
        assert_eq!(
            agency("LONDON (Reuters) - The storm hit the coast on Monday, officials said.\n\nMore rain is due.\n")
                .as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            agency("The storm hit the coast on Monday, officials said.\n\nMore rain is due on Tuesday, forecasters said.\n\njd/ab (AP, dpa)\n")
                .as_deref(),
            Some("Associated Press, dpa")
        );
        assert_eq!(
            agency("By ASSOCIATED PRESS\n\nThe storm hit the coast on Monday, officials said.\n")
                .as_deref(),
            Some("Associated Press")
        );
    }

    /// Parentheses in the story that are not a credit, and photo credits, name no agency.
    #[test]
    fn no_agency_without_a_credit() {
        assert_eq!(
            agency("The storm hit the coast on Monday, officials said.\n\nThe Pennsylvania (PA) office and the Food Agency (FA) agreed on the plan on Tuesday.\n"),
            None
        );
        assert_eq!(
            agency("The storm hit the coast on Monday, officials said.\n\nA man walks past debris. (AP Photo/Jane Roe)\n"),
            None
        );
    }
}
