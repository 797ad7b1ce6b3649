//! Furniture told by its place in the article: an author line without "By" near the top,
//! an author's bio at the end, and the lists of links to other stories under a heading.
//!
//! These cues (a line ending in "Staff", a sentence "X is a reporter at …") also occur in
//! stories, so each rule looks only where templates put them, and only at short paragraphs.

use super::furniture::strip_cue;
use super::{ends_sentence, starts_with_name};
use crate::model::{lexicon, ParaKind, Paragraph};

/// How far down an author line without "By" may stand.
const HEAD: usize = 8;

/// "WKCB News 7 Staff", "Staff Reporter", "Staff and wire reports": a short line that ends
/// with a staff cue, between the headline and the first sentence of the story.
pub(super) fn mark_staff_bylines(strs: &[&str], paras: &mut [Paragraph]) {
    for i in 1..strs.len().min(HEAD) {
        if paras[i].kind != ParaKind::Body {
            continue;
        }
        let s = strs[i];
        let words = paras[i].words_upto(9);
        if ends_sentence(s) && words >= 8 {
            break;
        }
        if words <= 8 && !ends_sentence(s) && ends_with_staff_cue(s) {
            paras[i].kind = ParaKind::Byline;
        }
    }
}

fn ends_with_staff_cue(s: &str) -> bool {
    let s = s.trim_end();
    lexicon::staff_bylines().iter().any(|cue| {
        let Some(head) = s.len().checked_sub(cue.len()).and_then(|at| s.get(at..)) else {
            return false;
        };
        let before = s[..s.len() - cue.len()].chars().next_back();
        head.eq_ignore_ascii_case(cue) && before.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// An author's bio among the last two story paragraphs: "Jane Roe is a senior reporter at
/// the Gazette. She previously …" — a name, then "is a/an/the", then an author's role.
pub(super) fn mark_bios(strs: &[&str], paras: &mut [Paragraph]) {
    let body: Vec<usize> = (0..paras.len())
        .filter(|&i| paras[i].kind == ParaKind::Body)
        .collect();
    // A story of one or two paragraphs has no room for a bio after it.
    if body.len() < 3 {
        return;
    }
    for &i in body.iter().rev().take(2) {
        if paras[i].sentences.len() <= 3 && paras[i].words <= 70 && is_bio(strs[i], false) {
            paras[i].kind = ParaKind::Byline;
        }
    }
}

/// An author box: the author line, then the author's bio right under it ("Jane Roe Staff
/// Writer" / "Jane Roe was a staff writer at …"), anywhere on the page. The past
/// tense counts here only: under the author's own name it is the bio of a writer who has
/// moved on, where at the story's end it may be a sentence about someone. Runs once the
/// author lines are known (the name-line pass marks most of them).
pub(super) fn mark_author_bios(strs: &[&str], paras: &mut [Paragraph]) {
    for i in 1..paras.len() {
        let (author, bio) = (&paras[i - 1], &paras[i]);
        if author.kind != ParaKind::Byline || bio.kind != ParaKind::Body {
            continue;
        }
        let name: Vec<&str> = strs[i].split_whitespace().take(2).collect();
        let same = name.len() == 2 && strs[i - 1].starts_with(&name.join(" "));
        // Under its author line a bio may run to more sentences (four on a dev page, 55
        // words); the word bound stays.
        if same && bio.words <= 70 && is_bio(strs[i], true) {
            paras[i].kind = ParaKind::Byline;
        }
    }
}

/// A bio's shape, for a paragraph of 70 words or fewer; `past` lets "was" stand for "is".
fn is_bio(s: &str, past: bool) -> bool {
    if !starts_with_name(s) {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().take(12).collect();
    // The copula right after the name (two or three words), then the role within five words.
    let copula = |w: &&str| *w == "is" || past && *w == "was";
    let Some(is) = words.iter().take(5).position(copula) else {
        return false;
    };
    if !matches!(words.get(is + 1), Some(&("a" | "an" | "the"))) {
        return false;
    }
    words.iter().skip(is + 2).take(5).any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let w = w.strip_suffix('s').unwrap_or(&w);
        lexicon::bio_roles().iter().any(|r| r == w)
    })
}

/// A heading of links to other stories ("You may also like:", "Most read") is boilerplate,
/// and the short title-like lines under it are appended, until a sentence resumes the story.
pub(super) fn mark_related(strs: &[&str], paras: &mut [Paragraph]) {
    let mut i = 0;
    while i < strs.len() {
        if !is_related_heading(strs[i], paras[i].words) {
            i += 1;
            continue;
        }
        if paras[i].kind == ParaKind::Body {
            paras[i].kind = ParaKind::Boilerplate;
        }
        i += 1;
        while i < strs.len() && is_link_title(strs[i], paras[i].words) {
            if paras[i].kind == ParaKind::Body {
                paras[i].kind = ParaKind::Appended;
            }
            i += 1;
        }
    }
}

fn is_related_heading(s: &str, words: u32) -> bool {
    // A heading trails off ("You may also like...") but ends no sentence.
    words <= 8
        && (!s.ends_with('.') || s.ends_with("..."))
        && lexicon::related_headings()
            .iter()
            .any(|c| strip_cue(s, c).is_some())
}

/// A story's title as a link: a few words, no closing full stop or quotation mark.
fn is_link_title(s: &str, words: u32) -> bool {
    (2..=20).contains(&words)
        && s.ends_with(|c: char| c.is_alphanumeric() || matches!(c, '?' | '!' | ')'))
}
