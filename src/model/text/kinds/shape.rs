//! Furniture told by shape and place: a line that is no sentence (a subhead, a name, a
//! live-blog entry's title, a dek), a bare date stamp, a question subhead, the summary above
//! the byline, and a caption printed twice.
//!
//! A story paragraph ends a sentence; most page furniture does not. Each rule keeps the
//! look-alikes in the story: the last paragraph (a page cut off mid-sentence), lines of
//! figures ("1,204 votes – 51%"), list items under a line ending in a colon, paragraphs of
//! more than one sentence.

use super::furniture::is_social_embed;
use super::{ends_sentence, shared, word_ids};
use crate::model::lexicon::speech_verbs;
use crate::model::{lexicon, ParaKind, Paragraph};
use std::borrow::Cow;

/// The longest line without a final mark that is still furniture: the longest such line
/// on the seven dev dossiers (a dek) has 37 words, the shortest story paragraph cut off by
/// the page's end has 49 and is the last paragraph anyway.
const FRAGMENT_WORDS: usize = 40;

/// A line with figures is furniture only with this many words of letters besides: the
/// ticker titles and live-blog entries on the dev dossiers have 5 or more ("6h ago Ten
/// killed as storm hits coast"), the result lines of a table 1 to 3 ("Remain: 119 local
/// areas", "16,141,241 votes – 48.11%").
const FIGURE_LINE_LETTER_WORDS: usize = 5;

/// The longest last paragraph that is furniture when it ends no sentence: the page's end
/// cuts a story paragraph anywhere, so only a label this short ("Official result", a stray
/// letter of a share bar) is taken for furniture there.
const LAST_FRAGMENT_WORDS: usize = 3;

/// The longest author line or stamp of a page's head: "By Jane Roe and John Doe, Staff
/// Writers" has 8 words.
const NAME_LINE_WORDS: usize = 8;

/// How far down the author line and the date stamp of the page's head may stand.
const HEAD: usize = 8;

/// How many story-shaped paragraphs may stand between the headline and the author line or
/// date stamp and still be the summary (dek) rather than the story: one or two on the dev
/// dossiers; a story's lede with a byline below it is rare, and a third paragraph rarer.
const MAX_DEK: usize = 2;

/// The longest question that is a subhead ("What happened?", "Who is affected?"): 6 words
/// on the dev dossiers.
const QUESTION_WORDS: usize = 7;

/// A date stamp and nothing else: "Friday 3 March 2021 06:02 GMT", "October 4",
/// "March 3, 2021 / 9:10 AM / 2 days ago", "BY | Updated: Mar 3, 2021 at 1:03 PM".
pub(super) fn is_stamp(s: &str) -> bool {
    stamp(s).is_some()
}

/// A date stamp that names a day (a month, weekday, year or ISO date), not only a clock
/// time: a page's head is dated so, a live blog's entries by the clock.
fn is_calendar_stamp(s: &str) -> bool {
    stamp(s) == Some(true)
}

/// `Some(calendar)` when `s` is a date stamp and nothing else; `calendar` when it names a
/// day rather than only a time.
fn stamp(s: &str) -> Option<bool> {
    let (mut numbers, mut dated, mut words, mut calendar) = (0, false, 0, false);
    let seps = |c: char| {
        c.is_whitespace() || matches!(c, '|' | '/' | ',' | '(' | ')' | '–' | '—' | '·' | '•')
    };
    for raw in s.split(seps) {
        let w = raw.trim_matches(|c: char| matches!(c, '.' | ':' | ';' | '-'));
        if w.is_empty() {
            continue;
        }
        words += 1;
        if words > 16 {
            return None;
        }
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            let rest =
                w.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ':' | '.' | '-'));
            if !matches!(
                rest.to_ascii_lowercase().as_str(),
                "" | "st" | "nd" | "rd" | "th" | "am" | "pm" | "a.m" | "p.m" | "h"
            ) {
                return None;
            }
            // A clock time or an ISO date dates the line by itself; a year or ISO date names
            // a day.
            let iso = w.matches('-').count() == 2;
            dated |= w.contains(':') || iso;
            calendar |= iso || w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
            numbers += 1;
            continue;
        }
        // Probed as sets (case folded): a story's first word leaves here, with no copy.
        let named_day = lexicon::calendar_word_set().has(w);
        if !named_day && !lexicon::stamp_word_set().has(w) {
            return None;
        }
        let lw = w.to_lowercase();
        calendar |= named_day;
        dated |= !matches!(
            lw.as_str(),
            "by" | "on"
                | "at"
                | "last"
                | "first"
                | "originally"
                | "updated"
                | "update"
                | "published"
                | "posted"
                | "modified"
        );
    }
    (numbers > 0 && dated).then_some(calendar)
}

/// A stamp's label left alone on a line ("Updated", "Last updated:", "Posted"): a live
/// page's entry marker whose time the copy lost, furniture like the stamp it labelled.
pub(super) fn is_stamp_label(s: &str) -> bool {
    let mut labelled = false;
    let mut words = 0;
    for w in s.split_whitespace() {
        let w = w.trim_end_matches([':', '.']);
        // An ASCII word of up to 16 bytes is lowercased on the stack, without the `String`
        // the first word of every paragraph cost; others are lowercased as before.
        let mut buf = [0u8; 16];
        let owned;
        let lw = match buf.get_mut(..w.len()) {
            Some(b) if w.is_ascii() => {
                b.copy_from_slice(w.as_bytes());
                b.make_ascii_lowercase();
                std::str::from_utf8(b).unwrap_or_default()
            }
            _ => {
                owned = w.to_lowercase();
                owned.as_str()
            }
        };
        words += 1;
        match lw {
            "updated" | "update" | "published" | "posted" | "modified" => labelled = true,
            "last" | "first" | "originally" => {}
            _ => return false,
        }
    }
    labelled && words <= 3
}

/// "Jane Roe", "Jane Roe and John Doe", "Jane Roe/London": names alone on a line.
fn is_name_line(s: &str) -> bool {
    let head = s.split('/').next().unwrap_or(s);
    let mut names = 0;
    for w in head.split_whitespace() {
        let w = w.trim_end_matches(',');
        if matches!(w, "and" | "&") {
            continue;
        }
        // "Roe", "McCoy", "O'Neil", an initial "J."; not "CBS" nor "pound".
        let initial = w.len() == 2 && w.ends_with('.');
        let cap = w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
            && (initial || w.chars().any(char::is_lowercase));
        if !cap {
            return false;
        }
        names += 1;
    }
    (2..=6).contains(&names)
}

/// Words made of letters only (no digits).
fn letter_words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.contains(|c: char| c.is_ascii_digit())
        })
        .count()
}

fn is_list_item(s: &str) -> bool {
    s.starts_with(['-', '•', '*', '–', '—', '·'])
}

/// Lines that are no sentence, away from the page's end, become furniture: a name alone is
/// the author line near the top (a caption further down), anything else a headline (a
/// subhead, a dek, a live-blog entry's title, a related story's title). A short question
/// standing alone above the story's next paragraph is a subhead. Quotes in a headline
/// still count as quotes (the quote finder reads headlines).
pub(super) fn mark_fragments(strs: &[&str], paras: &mut [Paragraph]) {
    let n = strs.len();
    let mut sentences_above = 0;
    let mut in_list = false;
    let title = paras.iter().position(|p| p.kind == ParaKind::Headline);
    for i in 0..n {
        let s = strs[i];
        // A list runs from a line ending in a colon through the items under it, bulleted
        // or not, until a sentence.
        let listed = in_list && (is_list_item(s) || !ends_sentence(s));
        in_list = s.ends_with(':') || listed;
        if paras[i].kind != ParaKind::Body || listed {
            continue;
        }
        // The rules below ask about at most FRAGMENT_WORDS words: counting stops past them.
        let words = paras[i].words_upto(FRAGMENT_WORDS.max(QUESTION_WORDS) + 1);
        if ends_sentence(s) {
            let next_is_story = strs
                .get(i + 1)
                .is_some_and(|t| ends_sentence(t) && paras[i + 1].words > 3);
            // The quotation marks are looked for last: nearly every paragraph ends in a
            // full stop, and the search decodes every character.
            let quoted = || s.contains(['"', '“', '”', '‘', '\'']);
            if s.ends_with('?') && words <= QUESTION_WORDS && next_is_story && !quoted() {
                paras[i].kind = ParaKind::Headline;
            } else {
                sentences_above += 1;
            }
            continue;
        }
        let figures = s.contains(|c: char| c.is_ascii_digit());
        // The dek right under the headline may run to two sentences without a final mark.
        let dek = i > 0 && title == Some(i - 1);
        let cut_off = i + 1 == n && (words > LAST_FRAGMENT_WORDS || figures);
        if cut_off || words > FRAGMENT_WORDS || paras[i].sentences.len() > 1 && !dek {
            continue;
        }
        if figures && (letter_words(s) < FIGURE_LINE_LETTER_WORDS || is_list_item(s)) {
            continue;
        }
        paras[i].kind = if !is_name_line(s) {
            ParaKind::Headline
        } else if i < HEAD && sentences_above <= MAX_DEK {
            ParaKind::Byline
        } else {
            ParaKind::Caption
        };
    }
}

/// The summary between the headline and the page's author line or date stamp ("Headline /
/// One-sentence summary. / Jane Roe / March 3, 2021") is a headline, not the story's lede.
pub(super) fn mark_dek(strs: &[&str], paras: &mut [Paragraph]) {
    // A short author line or a stamp with story below it: a bio or an agency tag closing
    // the story is no head.
    // An author line counts under a headline only, and not a credit split off the end of
    // a story paragraph ("… the weekend. -NPR").
    let titled = |j: usize| paras[..j].iter().any(|p| p.kind == ParaKind::Headline);
    let head = |j: usize| {
        let author = paras[j].kind == ParaKind::Byline
            && paras[j].words_upto(NAME_LINE_WORDS + 1) <= NAME_LINE_WORDS
            && !strs[j].starts_with(['-', '—', '–'])
            && titled(j);
        let line = author || paras[j].kind == ParaKind::Boilerplate && is_calendar_stamp(strs[j]);
        line && paras[j + 1..].iter().any(|p| p.kind == ParaKind::Body)
    };
    let Some(j) = (1..strs.len().min(HEAD)).find(|&j| head(j)) else {
        return;
    };
    let above: Vec<usize> = (0..j)
        .filter(|&i| paras[i].kind == ParaKind::Body)
        .collect();
    if above.len() > MAX_DEK {
        return;
    }
    for i in above {
        paras[i].kind = ParaKind::Headline;
    }
}

/// The share of a head line's content words that the paragraph under it must say again
/// for the line to be its summary. On the seven dev dossiers and the 91 dev web pages, the
/// first story-shaped line under a headline, with eight content words or more, shares with
/// the paragraph under it: 0.67 and 0.69 where it is a dek or a caption (both noise in the
/// gold, and one's figure was a false conflict) and at most 0.47 where it is the story's
/// lede (0.50 only for ledes under eight content words, or with no headline above).
const RESTATED_SHARE: f32 = 0.55;

/// The fewest content words such a line needs: a lede of a few words ("Time is running
/// out.") shares half of them by chance (0.50 at four words on a dev page).
const RESTATED_MIN_WORDS: usize = 8;

/// A summary the lede restates: the first story-shaped paragraph of the page's head (a
/// headline above it, no story), whose content words the paragraph right under it mostly
/// says again ("Rescuers found 40 more survivors in the flooded valley, officials said." over
/// "Rescuers have found 40 more survivors in the valley since Monday, …"), is the dek or a
/// caption of the same scene, not the story: a lede is followed by new facts, not by itself.
pub(super) fn mark_restated_dek(strs: &[&str], paras: &mut [Paragraph]) {
    let Some(i) = paras.iter().position(|p| p.kind == ParaKind::Body) else {
        return;
    };
    let headed = paras[..i].iter().any(|p| p.kind == ParaKind::Headline);
    if !headed || i >= HEAD || paras.get(i + 1).is_none_or(|p| p.kind != ParaKind::Body) {
        return;
    }
    let dek = content_words(strs[i]);
    if dek.len() < RESTATED_MIN_WORDS {
        return;
    }
    let next = content_words(strs[i + 1]);
    let said_again = dek.iter().filter(|w| next.binary_search(w).is_ok()).count();
    if said_again as f32 >= RESTATED_SHARE * dek.len() as f32 {
        paras[i].kind = ParaKind::Headline;
    }
}

/// The distinct lowercase words of `s` that carry content (not in
/// `assets/claim_stopwords.txt`, more than one character), sorted.
///
/// Words are read from the bytes where they are ASCII, and a word already in lowercase
/// ASCII (most of them) is borrowed from the text: a `split` on characters and one
/// `String` a word took 29 k instructions a paragraph (11.5 M on 200 generated articles).
fn content_words(s: &str) -> Vec<Cow<'_, str>> {
    let stop = lexicon::stopwords();
    let bytes = s.as_bytes();
    let mut out: Vec<Cow<'_, str>> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // A run of alphanumeric characters, read from the bytes where they are ASCII.
        let (start, mut chars, mut lower) = (i, 0, true);
        while let Some(&b) = bytes.get(i) {
            let width = if b < 0x80 {
                if !crate::model::lex::ASCII_ALNUM[usize::from(b)] {
                    break;
                }
                lower &= !b.is_ascii_uppercase();
                1
            } else {
                let c = s[i..].chars().next().unwrap_or(' ');
                if !c.is_alphanumeric() {
                    break;
                }
                lower = false;
                c.len_utf8()
            };
            i += width;
            chars += 1;
        }
        if chars == 0 {
            // The character that ends no word: stepped over.
            i += s[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        if chars < 2 {
            continue;
        }
        let w = &s[start..i];
        let w = if lower {
            Cow::Borrowed(w)
        } else {
            Cow::Owned(w.to_lowercase())
        };
        if !stop.contains(w.as_ref()) {
            out.push(w);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The most words a full sentence above the dateline may have and still be read as the
/// page's headline or dek; longer ones are captions of the photo above the story (the two
/// such lines on the dev dossiers have 30 words and more, the headline 12).
const ABOVE_DATELINE_HEADLINE_WORDS: usize = 20;

/// A dateline opens the story ("RIVERTON — Floodwater closed …"): story-shaped lines of the
/// page's head above it, under a headline or author line, are the headline, the dek or a
/// photo's caption. At most [`MAX_DEK`] such lines, and only in the first [`HEAD`]
/// paragraphs, so a dateline further down (a second story on the page) moves nothing.
pub(super) fn mark_above_dateline(strs: &[&str], paras: &mut [Paragraph]) {
    let Some(j) = (1..strs.len().min(HEAD)).find(|&j| {
        paras[j].kind == ParaKind::Body
            && crate::model::text::meta::caps_dateline(strs[j]).is_some()
    }) else {
        return;
    };
    let above: Vec<usize> = (0..j)
        .filter(|&i| paras[i].kind == ParaKind::Body)
        .collect();
    let headed = paras[..j]
        .iter()
        .any(|p| matches!(p.kind, ParaKind::Headline | ParaKind::Byline));
    if !headed || above.len() > MAX_DEK {
        return;
    }
    for i in above {
        let long_sentence = ends_sentence(strs[i])
            && paras[i].words_upto(ABOVE_DATELINE_HEADLINE_WORDS + 1)
                > ABOVE_DATELINE_HEADLINE_WORDS;
        paras[i].kind = if long_sentence {
            ParaKind::Caption
        } else {
            ParaKind::Headline
        };
    }
}

/// A pull quote under the headline: a paragraph that is one quotation and nothing else,
/// standing in the page's head (no story paragraph above it, a headline among them), is
/// the dek's quote, a headline, even though the story repeats it later (the duplicate
/// pass took it for a copy; on the dev dossiers two such deks echo a quote of the story).
pub(super) fn mark_pull_quote(strs: &[&str], paras: &mut [Paragraph]) {
    for i in 1..strs.len().min(HEAD) {
        let head_above = paras[..i].iter().all(|p| p.kind != ParaKind::Body)
            && paras[..i].iter().any(|p| p.kind == ParaKind::Headline);
        if !head_above {
            return;
        }
        if paras[i].kind == ParaKind::Duplicate && is_one_quotation(strs[i]) {
            paras[i].kind = ParaKind::Headline;
        }
    }
}

/// True when the paragraph opens with a quotation mark and closes with one, with no mark
/// between that opens another quote (`"…"`, `'…'`, `“….”`).
fn is_one_quotation(s: &str) -> bool {
    let s = s.trim();
    let opens = s.starts_with(['"', '“', '\'', '‘', '«']);
    let closes = s.ends_with(['"', '”', '\'', '’', '»']);
    opens && closes && s.chars().count() > 2
}

/// The share of a paragraph's words another holds for it to be the same caption shown
/// twice side by side (as image text and as caption): 0.84 on the dev dossiers, where the
/// two differ in a word or a date; the duplicate pass wants 0.85 anywhere in the article.
const CAPTION_COPY_SHARE: f32 = 0.75;

/// A caption printed twice: two equal paragraphs side by side (the story never repeats
/// a paragraph in a row) are a caption and its duplicate, and a near-copy right above a
/// caption is the same caption.
pub(super) fn mark_caption_copies(strs: &[&str], paras: &mut [Paragraph]) {
    for i in 0..strs.len().saturating_sub(1) {
        let (a, b) = (paras[i].kind, paras[i + 1].kind);
        if a != ParaKind::Body || paras[i].words < 3 {
            continue;
        }
        if b == ParaKind::Body && strs[i] == strs[i + 1] {
            // A lede printed twice keeps its first copy: a caption quotes no one.
            if !reports_speech(strs[i]) {
                paras[i].kind = ParaKind::Caption;
            }
            paras[i + 1].kind = ParaKind::Duplicate;
        } else if b == ParaKind::Caption {
            let (mine, theirs) = (word_ids(strs[i]), word_ids(strs[i + 1]));
            if shared(&mine, &theirs) as f32 >= CAPTION_COPY_SHARE * mine.len() as f32 {
                paras[i].kind = ParaKind::Caption;
            }
        }
    }
}

/// A quotation mark or a speech verb ("said", "told"): a story's sentence, not a caption.
fn reports_speech(s: &str) -> bool {
    let verbs = speech_verbs();
    s.contains(['"', '“', '”'])
        || s.split(|c: char| !c.is_alphabetic())
            .any(|w| !w.is_empty() && verbs.contains(w.to_lowercase().as_bytes()))
}

/// The longest text of an embedded post above its signature line: posts run to 280
/// characters, about 60 words.
const POST_WORDS: usize = 60;

/// The text of an embedded social post, the paragraph right above its signature line
/// ("— Jane Roe (@janeroe) March 3, 2021"), is page furniture with it.
pub(super) fn mark_embeds(strs: &[&str], paras: &mut [Paragraph]) {
    for i in 1..strs.len() {
        let signature = strs[i].starts_with(['—', '–', '-']) && is_social_embed(strs[i]);
        if signature
            && paras[i - 1].kind == ParaKind::Body
            && paras[i - 1].words_upto(POST_WORDS + 1) <= POST_WORDS
        {
            paras[i - 1].kind = ParaKind::Boilerplate;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bare date stamps, with weekday, clock, zone or "ago"; sentences with dates are not.
    #[test]
    fn stamps() {
        for s in [
            "Friday 3 March 2021 06:02 GMT",
            "October 4",
            "March 3, 2021 / 9:10 AM / 2 days ago",
            "BY    | Updated: Mar 3, 2021 at 1:03 PM",
            "2021-03-03 CET 09:10",
            "May 5, 2020 Updated: May 6, 2020",
            "FRIDAY 3 MARCH 2021 06:02 GMT",
        ] {
            assert!(is_stamp(s), "{s}");
        }
        for s in [
            "The vote was held on March 3, 2021.",
            "By 2030",
            "Updated",
            "1,204 votes",
            "March on Washington",
        ] {
            assert!(!is_stamp(s), "{s}");
        }
    }

    /// Content words fold case (a word borrowed as written and one lowered are the same
    /// word), drop stop words and one-character words, and come sorted and distinct.
    #[test]
    fn content_words_fold_case_and_drop_stop_words() {
        let words = content_words("The Bridge of bridge Élan élan 7 x 2024 BRIDGE-toll");
        assert_eq!(words, ["2024", "bridge", "toll", "élan"]);
    }

    /// A stamp's label alone is furniture; a label in a phrase is not.
    #[test]
    fn stamp_labels_alone() {
        for s in [
            "Updated",
            "Last updated:",
            "Posted",
            "Originally published",
            "LAST UPDATED.",
        ] {
            assert!(is_stamp_label(s), "{s}");
        }
        for s in [
            "Updated guidance",
            "Posted to the front",
            "Last",
            "",
            "Updatedness",
            "Ûpdated",
        ] {
            assert!(!is_stamp_label(s), "{s}");
        }
    }

    /// Names alone on a line, with "and" or a place after a slash; a phrase is not one.
    #[test]
    fn name_lines() {
        for s in ["Jane Roe", "Jane Roe and John Doe", "Sam O'Neil/Lisbon"] {
            assert!(is_name_line(s), "{s}");
        }
        for s in [
            "Jane",
            "The pound",
            "Regions that voted yes",
            "Jane Roe said so.",
        ] {
            assert!(!is_name_line(s), "{s}");
        }
    }
}
