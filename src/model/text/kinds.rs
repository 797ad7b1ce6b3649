//! Paragraph kinds: tell the story apart from headlines, bylines, captions, boilerplate,
//! near-duplicates and appended material.
//!
//! Rules look at a paragraph's own words (cue lists in `assets/`), its shape (length, final
//! punctuation, title case, a "Label:" opening) and its place in the article.

mod furniture;
pub(crate) use furniture::is_social_embed;
mod place;
mod shape;

use super::{paragraph, split_sentences, trim_span};
use crate::model::{lexicon, ParaKind, Paragraph, Span, Spans};
use std::collections::{HashMap, HashSet};

/// Set each paragraph's kind. Paragraphs start as `body`. A scraped navigation line that
/// opens with the page's title is split in two: the title (a headline) and the navigation.
pub fn classify(text: &str, paras: &mut Vec<Paragraph>) {
    split_titled_navigation(text, paras);
    split_trailing_credits(text, paras);
    let strs: Vec<&str> = paras.iter().map(|p| &text[p.span.range()]).collect();
    for (p, s) in paras.iter_mut().zip(&strs) {
        if p.kind != ParaKind::Body {
            continue;
        }
        // Every rule of `own_kind` asks about at most 80 words.
        if let Some(kind) = own_kind(s, p.words_upto(81)) {
            p.kind = kind;
        }
    }
    let paras = paras.as_mut_slice();
    place::mark_staff_bylines(&strs, paras);
    place::mark_related(&strs, paras);
    mark_appended(&strs, paras);
    place::mark_bios(&strs, paras);
    mark_headlines(&strs, paras);
    shape::mark_embeds(&strs, paras);
    shape::mark_caption_copies(&strs, paras);
    shape::mark_fragments(&strs, paras);
    place::mark_author_bios(&strs, paras);
    shape::mark_dek(&strs, paras);
    shape::mark_restated_dek(&strs, paras);
    shape::mark_above_dateline(&strs, paras);
    mark_duplicates(&strs, paras);
    shape::mark_pull_quote(&strs, paras);
}

pub(crate) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    t.ends_with(['.', '!', '?', '…', ':'])
}

/// The byte offset within `s` where a navigation line's leading title ends: "Title Words
/// world-news World News | Latest | …" gives the offset of "world-news".
pub(crate) fn navigation_title_end(s: &str) -> Option<usize> {
    // A byte search rules out most paragraphs before the substring search.
    if !s.as_bytes().contains(&b'|') {
        return None;
    }
    let (head, _) = s.split_once(" | ")?;
    if s.matches(" | ").count() < 2 {
        return None;
    }
    let starts = head.split(' ').scan(0usize, |at, w| {
        let start = *at;
        *at += w.len() + 1;
        Some((start, w))
    });
    for (words, (i, w)) in starts.enumerate() {
        let slug = w.contains('-') && w.chars().all(|c| c.is_lowercase() || c == '-');
        if slug {
            return (words >= 4).then_some(i);
        }
    }
    None
}

/// Where a credit glued after a story paragraph's last sentence starts: "… 20 more over
/// the weekend. -NPR", "… officials said. — Reuters": a dash right after the final mark,
/// then one to three capitalized words and no sentence. The offset of the dash. After a
/// closing quotation mark the dash and name attribute the quote ("“…” — Jane Roe"), so a
/// quote's speaker stays with it.
fn trailing_credit_start(s: &str) -> Option<usize> {
    // The last few word breaks, from the end: the one before the dash.
    let i = s
        .char_indices()
        .rev()
        .filter(|&(_, c)| c == ' ' || c == '\n')
        .take(5)
        .map(|(i, _)| i)
        .find(|&i| {
            let rest = s[i + 1..].trim_start();
            rest.starts_with(['-', '—', '–']) && s[..i].trim_end().ends_with(['.', '!', '?'])
        })?;
    let credit = s[i + 1..]
        .trim_start()
        .trim_start_matches(['-', '—', '–'])
        .trim();
    let words: Vec<&str> = credit.split_whitespace().collect();
    let named = (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && !ends_sentence(credit);
    named.then(|| i + 1 + (s[i + 1..].len() - s[i + 1..].trim_start().len()))
}

/// A credit glued after a story paragraph ("… the weekend. -NPR") becomes a byline of its
/// own, and the story before it stays body.
fn split_trailing_credits(text: &str, paras: &mut Vec<Paragraph>) {
    let mut i = 0;
    while i < paras.len() {
        let span = paras[i].span;
        if let Some(cut) = trailing_credit_start(&text[span.range()]) {
            let story = trim_span(text, Span::new(span.start, span.start + cut));
            let credit = trim_span(text, Span::new(span.start + cut, span.end));
            paras[i] = paragraph(text, story, ParaKind::Body, split_sentences(text, story));
            paras.insert(
                i + 1,
                paragraph(text, credit, ParaKind::Byline, Spans::from(vec![credit])),
            );
            i += 1;
        }
        i += 1;
    }
}

fn split_titled_navigation(text: &str, paras: &mut Vec<Paragraph>) {
    let mut i = 0;
    while i < paras.len() {
        let span = paras[i].span;
        if let Some(cut) = navigation_title_end(&text[span.range()]) {
            let title = trim_span(text, Span::new(span.start, span.start + cut));
            let nav = trim_span(text, Span::new(span.start + cut, span.end));
            paras[i] = paragraph(text, title, ParaKind::Headline, Spans::from(vec![title]));
            let nav_para = paragraph(text, nav, ParaKind::Boilerplate, split_sentences(text, nav));
            paras.insert(i + 1, nav_para);
            i += 1;
        }
        i += 1;
    }
}

/// Share of longer words that start with a capital letter.
fn title_case_ratio(s: &str) -> f32 {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    if words.is_empty() {
        return 0.0;
    }
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    caps as f32 / words.len() as f32
}

/// Markup or script left in the text.
fn is_markup(s: &str) -> bool {
    let l = s.trim_start();
    // A byte search for the rare mark each literal needs rules out nearly every story
    // paragraph before the substring searches (each sets up a searcher: 7.8 M instructions
    // of searcher set-up in loading 200 generated articles).
    let has = |b: u8| s.as_bytes().contains(&b);
    let (lt, gt) = (has(b'<'), has(b'>'));
    (l.starts_with('<') && gt)
        || lt && (s.contains("<script") || s.contains("</"))
        || gt && s.contains("/>")
        || has(b'(') && s.contains("function(")
        || member_access(s, "window.")
        || member_access(s, "document.")
        || (s.contains('{') && s.contains('}') && s.contains(';'))
        || (l.starts_with(['{', '[']) && s.contains("\":"))
}

/// `object.member` as script writes it ("window.dataLayer"), not a sentence's last word
/// ("She signed the document.").
fn member_access(s: &str, object: &str) -> bool {
    // `contains` answers most paragraphs with a vector search; the match iterator does not.
    s.contains(object)
        && s.match_indices(object).any(|(at, _)| {
            let word_start = s[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let member = s[at + object.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic());
            word_start && member
        })
}

/// The kind a paragraph has on its own words alone, if not body; `words` is its word
/// count up to 81.
/// The first three words of each sentence of `s`: the paragraph's opening, and the words
/// after each final mark followed by a space and a capital.
fn sentence_openings(s: &str) -> impl Iterator<Item = &str> {
    let starts = s.char_indices().filter_map(move |(i, c)| {
        let rest = &s[i + c.len_utf8()..];
        let next = rest.strip_prefix(' ')?;
        (matches!(c, '.' | '?' | '!') && next.starts_with(char::is_uppercase))
            .then(|| s.len() - next.len())
    });
    std::iter::once(0).chain(starts).map(move |from| {
        let t = &s[from..];
        let end = t
            .split_whitespace()
            .take(3)
            .last()
            .map_or(0, |w| w.as_ptr() as usize - t.as_ptr() as usize + w.len());
        &t[..end]
    })
}

fn own_kind(s: &str, words: usize) -> Option<ParaKind> {
    let piped = s.contains('|') && s.matches(" | ").count() >= 2;
    let menu = furniture::is_bullet_menu(s, words);
    // A line with no letter or digit ("___", "* * *", a zero-width space) is a separator.
    let separator = !s.chars().any(char::is_alphanumeric);
    if is_markup(s)
        || piped
        || menu
        || separator
        || s.starts_with("![")
        || furniture::is_social_embed(s)
    {
        return Some(ParaKind::Boilerplate);
    }
    // Cue rules apply to short paragraphs only (the longest, a bio, is under 80 words).
    if words > 80 {
        return None;
    }
    // A cue counts in a paragraph of 40 words or fewer: anywhere in a short one or one
    // that ends no sentence, else only when it ends within the first three words of one
    // of its sentences ("Get the news in your inbox. Subscribe here."). Matches come in
    // the order they end, so only the openings are searched for the latter (the whole
    // paragraph was, for every story paragraph).
    let matcher = lexicon::boilerplate_matcher();
    let boiler = words <= 40
        && if words <= 6 || !ends_sentence(s) {
            matcher.is_match(s)
        } else {
            sentence_openings(s).any(|o| matcher.is_match(o))
        };
    let furniture = furniture::is_notice(s, words)
        || furniture::is_timestamp(s, words)
        || shape::is_stamp(s)
        || shape::is_stamp_label(s)
        || furniture::is_breadcrumb(s, words);
    if boiler || furniture {
        return Some(ParaKind::Boilerplate);
    }
    if is_caption(s, words)
        || furniture::is_media_caption(s, words)
        || furniture::has_credit_tail(s, words)
    {
        return Some(ParaKind::Caption);
    }
    if is_byline(s, words) || furniture::is_agency_tag(s) || furniture::is_wire_credit(s, words) {
        return Some(ParaKind::Byline);
    }
    if furniture::is_section_line(s, words) {
        return Some(ParaKind::Boilerplate);
    }
    if s.starts_with('#') && words <= 25 {
        return Some(ParaKind::Headline);
    }
    None
}

fn is_caption(s: &str, words: usize) -> bool {
    if words > 60 {
        return false;
    }
    // A cue right before a dash is a wire dateline ("(Reuters) - The toll rose …"), not a
    // credit.
    let credit = lexicon::captions_matcher()
        .find_iter(s)
        .any(|m| !s[m.end()..].trim_start().starts_with(['-', '–', '—']));
    if credit {
        return true;
    }
    // A trailing credit in brackets: "(Madelyn Keech/Defense Department)".
    let t = s.trim_end_matches(['.', ' ']);
    if let Some(open) = t.strip_suffix(')').and_then(|t| t.rfind('(')) {
        let credit = &t[open + 1..t.len() - 1];
        let short = credit.split_whitespace().count() <= 8;
        if short && (credit.contains('/') || credit.to_lowercase().contains("photo")) {
            return true;
        }
    }
    false
}

/// Words that look like a person's name: two or three capitalized words.
fn starts_with_name(s: &str) -> bool {
    let caps = s
        .split_whitespace()
        .take(3)
        .take_while(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .skip(1)
                    .all(|c| c.is_lowercase() || c == '.' || c == '-' || c == '\'')
        })
        .count();
    caps >= 2
}

fn is_byline(s: &str, words: usize) -> bool {
    let opened = || {
        lexicon::byline_openers().iter().any(|o| {
            furniture::strip_cue(s, o).is_some_and(|rest| starts_with_name(rest.trim_start()))
        })
    };
    if words <= 14 && opened() {
        return true;
    }
    words <= 80 && starts_with_name(s) && lexicon::bylines_matcher().is_match(s)
}

/// "Editor: …", "Dr. Carter: …", "Q: …": a speaker label opening a paragraph.
pub(crate) fn dialogue_label(s: &str) -> Option<&str> {
    /// The longest label, in bytes.
    const LABEL_BYTES: usize = 40;
    // The label's colon stands within its first bytes: only they are searched (the whole
    // paragraph was, for every paragraph of every article).
    let head = &s.as_bytes()[..s.len().min(LABEL_BYTES + 2)];
    let colon = head.windows(2).position(|w| w == b": ")?;
    let label = &s[..colon];
    let n = label.split_whitespace().count();
    let ok = (1..=4).contains(&n)
        && label.len() <= LABEL_BYTES
        && label.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
    ok.then_some(label)
}

/// An appended interview or Q&A: a cue line, or a run of dialogue-labelled paragraphs at
/// the end of the article, and everything after it.
fn mark_appended(strs: &[&str], paras: &mut [Paragraph]) {
    let n = strs.len();
    let cue_at = strs.iter().enumerate().skip(1).find_map(|(i, s)| {
        lexicon::appended()
            .iter()
            .any(|c| {
                s.get(..c.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(c))
            })
            .then_some(i)
    });
    let labels: Vec<Option<&str>> = strs.iter().map(|s| dialogue_label(s)).collect();
    // Counts over each suffix, from one backward pass: labelled paragraphs and distinct labels.
    let mut labelled_from = vec![0usize; n + 1];
    let mut distinct_from = vec![0usize; n + 1];
    let mut seen: HashSet<&str> = HashSet::new();
    for i in (0..n).rev() {
        labelled_from[i] = labelled_from[i + 1] + usize::from(labels[i].is_some());
        if let Some(l) = labels[i] {
            seen.insert(l);
        }
        distinct_from[i] = seen.len();
    }
    let run_at = (1..n).find(|&i| {
        let count = labelled_from[i];
        labels[i].is_some() && count >= 3 && distinct_from[i] >= 2 && count * 2 >= n - i
    });
    // A short untitled line right before the run introduces it.
    let run_at = run_at.map(|i| {
        let prev = strs[i - 1];
        if i > 1 && !ends_sentence(prev) && paras[i - 1].words <= 15 {
            i - 1
        } else {
            i
        }
    });
    let from = match (cue_at, run_at) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => match a.or(b) {
            Some(x) => x,
            None => return,
        },
    };
    for p in &mut paras[from..] {
        if p.kind == ParaKind::Body {
            p.kind = ParaKind::Appended;
        }
    }
}

/// A headline: a short line with no final punctuation first, or in title case last.
fn mark_headlines(strs: &[&str], paras: &mut [Paragraph]) {
    let body: Vec<usize> = (0..paras.len())
        .filter(|&i| paras[i].kind == ParaKind::Body)
        .collect();
    if body.len() < 2 {
        return;
    }
    let headline = |p: &Paragraph, s: &str| !ends_sentence(s) && (2..=25).contains(&p.words);
    let first = body[0];
    if headline(&paras[first], strs[first]) {
        paras[first].kind = ParaKind::Headline;
    }
    let last = body[body.len() - 1];
    if last != first && headline(&paras[last], strs[last]) && title_case_ratio(strs[last]) >= 0.6 {
        paras[last].kind = ParaKind::Headline;
    }
}

/// The distinct words of `s` as case-folded 64-bit hashes, sorted (no allocation per word;
/// a collision would at worst merge two words in a similarity estimate).
fn word_ids(s: &str) -> Vec<u64> {
    let mut ids = Vec::new();
    word_ids_into(s, &mut ids);
    ids
}

/// [`word_ids`] into `ids` (cleared first): one buffer serves every paragraph of an
/// article, where a fresh list grew by doubling (9 M instructions of reallocation on 200
/// generated articles).
fn word_ids_into(s: &str, ids: &mut Vec<u64>) {
    const SEED: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    ids.clear();
    let mut h: u64 = SEED;
    let mut in_word = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII letters and digits, hashed through the lowercase table in a tight
        // loop (a loop testing each byte's kind and the word state took 33 instructions a
        // byte with the sort: 44.2 M on 200 generated articles).
        while let Some(&l) = bytes.get(i).map(|&b| &ASCII_LOWER_ALNUM[usize::from(b)]) {
            if l == 0 {
                break;
            }
            h = (h ^ u64::from(l)).wrapping_mul(PRIME);
            in_word = true;
            i += 1;
        }
        let Some(&b) = bytes.get(i) else { break };
        // Other characters decoded and folded as before.
        let alnum = if b.is_ascii() {
            i += 1;
            false
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            let word = c.is_alphanumeric();
            if word {
                for l in c.to_lowercase() {
                    h = (h ^ l as u64).wrapping_mul(PRIME);
                }
            }
            word
        };
        if alnum {
            in_word = true;
        } else if in_word {
            ids.push(h);
            h = SEED;
            in_word = false;
        }
    }
    if in_word {
        ids.push(h);
    }
    ids.sort_unstable();
    ids.dedup();
}

/// For [`word_ids_into`]: an ASCII letter's or digit's lowercase form; 0 for every other
/// byte (non-ASCII bytes included, which are decoded instead).
const ASCII_LOWER_ALNUM: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// Size of the intersection of two sorted sets.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The most paragraphs one rare word may stand in before it stops telling copies apart.
const MAX_CANDIDATES: usize = 32;

/// Near-copies: of a set of paragraphs whose words are (almost) all in another, the
/// fullest stays; the others become `duplicate`. Candidates come from an index over each
/// paragraph's rarest words, so long articles are not compared all against all.
fn mark_duplicates(strs: &[&str], paras: &mut [Paragraph]) {
    let mut scratch = Vec::new();
    let sets: Vec<Vec<u64>> = strs
        .iter()
        .map(|s| {
            word_ids_into(s, &mut scratch);
            scratch.clone()
        })
        .collect();
    crate::model::work::release(scratch);
    // Exact copies of a word set first (any number of them, in one pass): the first stays.
    let mut first_of: HashMap<&[u64], usize, IdHash> = HashMap::default();
    for (i, set) in sets.iter().enumerate() {
        if set.len() < 6 || paras[i].kind != ParaKind::Body {
            continue;
        }
        if first_of.contains_key(set.as_slice()) {
            paras[i].kind = ParaKind::Duplicate;
        } else {
            first_of.insert(set, i);
        }
    }
    // Document frequencies first; postings only for the words some paragraph will look
    // up (its three rarest, when rare enough), so most words never get a list.
    // Sized once for every word of every paragraph (the distinct ones are fewer): grown
    // by doubling, the map's rehashing took 2.5 M instructions on 200 generated articles.
    let words = sets.iter().map(Vec::len).sum();
    let mut df: HashMap<u64, usize, IdHash> =
        HashMap::with_capacity_and_hasher(words, IdHash::default());
    for set in &sets {
        for &w in set {
            *df.entry(w).or_default() += 1;
        }
    }
    let count = |w: &u64| df.get(w).copied().unwrap_or(0);
    let mut postings: HashMap<u64, Vec<usize>, IdHash> = HashMap::default();
    // The three rarest words of each paragraph of six words or more (ties broken by id,
    // for determinism; ids are distinct, so the three are one set), found once: the
    // selection ran twice a paragraph (11.7 M instructions on 200 generated articles).
    let mut scratch_rare: Vec<(usize, u64)> = Vec::new();
    let rarest: Vec<[(usize, u64); 3]> = sets
        .iter()
        .map(|set| {
            let mut three = [(usize::MAX, 0); 3];
            if set.len() >= 6 {
                scratch_rare.clear();
                scratch_rare.extend(set.iter().map(|w| (count(w), *w)));
                scratch_rare.select_nth_unstable(2);
                three.copy_from_slice(&scratch_rare[..3]);
                for &(n, w) in &three {
                    if n <= MAX_CANDIDATES {
                        postings.entry(w).or_default();
                    }
                }
            }
            three
        })
        .collect();
    for (i, set) in sets.iter().enumerate() {
        for w in set {
            if let Some(list) = postings.get_mut(w) {
                list.push(i);
            }
        }
    }
    let posting = |w: u64| postings.get(&w).map_or(&[][..], Vec::as_slice);
    let mut candidates: Vec<usize> = Vec::new();
    for i in 0..sets.len() {
        if sets[i].len() < 6 || matches!(paras[i].kind, ParaKind::Boilerplate) {
            continue;
        }
        // A paragraph made only of common words has no telling near-copy to look for:
        // skipping it keeps long, repetitive articles linear.
        let rare = rarest[i].iter().filter(|(df, _)| *df <= MAX_CANDIDATES);
        candidates.clear();
        candidates.extend(rare.flat_map(|&(_, w)| posting(w).iter().copied()));
        candidates.sort_unstable();
        candidates.dedup();
        for &j in &candidates {
            if j == i || sets[j].len() < sets[i].len() {
                continue;
            }
            let contained = shared(&sets[i], &sets[j]) as f32 / sets[i].len() as f32 >= 0.85;
            // Equal copies: the first stays.
            let fuller = sets[j].len() > sets[i].len() || strs[j].len() > strs[i].len() || j < i;
            if contained && fuller && paras[j].kind == ParaKind::Body {
                if paras[i].kind == ParaKind::Body {
                    paras[i].kind = ParaKind::Duplicate;
                }
                break;
            }
        }
    }
}

/// Keys here are word hashes: the one fast hasher (Fx) serves.
type IdHash = crate::model::lex::FxBuild;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::segment;

    #[track_caller]
    fn kinds(t: &str) -> Vec<(String, ParaKind)> {
        let mut p = segment(t);
        classify(t, &mut p);
        p.iter()
            .map(|p| (t[p.span.range()].chars().take(20).collect(), p.kind))
            .collect()
    }

    fn kind_list(t: &str) -> Vec<ParaKind> {
        kinds(t).into_iter().map(|(_, k)| k).collect()
    }

    use ParaKind::*;

    /// Each paragraph keeps the word count of its own text, also the two halves of a
    /// paragraph split by the classifier (a glued credit, a titled navigation line).
    #[test]
    fn paragraphs_keep_their_own_word_count() {
        let t = "The toll rose to 34 over the weekend, officials said. -NPR\nRiver Floods Close Roads world-news World | Local | Sport\nCrews worked through the night.";
        let mut paras = segment(t);
        classify(t, &mut paras);
        assert_eq!(paras.len(), 5);
        for p in &paras {
            let s = &t[p.span.range()];
            assert_eq!(p.words as usize, crate::model::text::word_count(s), "{s:?}");
        }
    }

    /// A boilerplate cue opening a short sentence makes it furniture; the same cue later in
    /// a sentence, or in a paragraph over 40 words, leaves it story.
    #[test]
    fn boilerplate_cues_count_at_the_opening_of_a_sentence() {
        let long = "The council voted on Monday to close the old bridge for repairs, and the mayor said the work would take a year, cost more than planned and keep the road shut until the spring, when traffic returns to the town and people can sign up.";
        let t = format!("Sign up for our daily email with the top stories of the day.\nThe mayor asked residents to sign up for the repair fund on Monday.\n{long}");
        assert_eq!(kind_list(&t), [Boilerplate, Body, Body]);
    }

    /// A cue opening a later sentence of a short paragraph makes it furniture too ("Get
    /// the news in your inbox. Subscribe here."); the cue word inside a story sentence, or
    /// after a final mark with no capital after it, does not.
    #[test]
    fn boilerplate_cue_opening_a_later_sentence() {
        let t = "Get the morning briefing in your inbox every day. Subscribe here.
                 The club said fans who subscribe early will pay less. Prices rise in May.
                 The fee is 4.5 per cent. subscribe rates fell.";
        assert_eq!(kind_list(t), [Boilerplate, Body, Body]);
    }

    /// Reader appeals and contact prompts under a story are boilerplate; the same words
    /// inside a story sentence are story.
    #[test]
    fn reader_appeals_and_contact_prompts() {
        let t = "The council met on Monday to vote on the harbour plan.
                 Support our journalism. Donate today.
                 Have a news tip? Email us at tips@example.com
                 Contact the author at jo@example.com
                 The mayor urged people to donate today to the flood fund, and many did.";
        assert_eq!(
            kind_list(t),
            [Body, Boilerplate, Boilerplate, Boilerplate, Body]
        );
    }

    /// A correction or update notice about the article is boilerplate; a law or a plan
    /// "amended" in a story sentence is story.
    #[test]
    fn correction_notices_are_boilerplate() {
        let t = "The council met on Monday to vote on the harbour plan.
                 This article was amended on 4 June to correct the spelling of a name.
                 An earlier version of this story gave the wrong date for the vote.
                 The plan was amended on Tuesday and the vote was moved to June.";
        assert_eq!(kind_list(t), [Body, Boilerplate, Boilerplate, Body]);
    }

    /// A speaker label is read within its first 40 bytes: a colon further in is a
    /// sentence's, not a label's.
    #[test]
    fn dialogue_labels_end_within_forty_bytes() {
        let forty = "Abcdefghij Abcdefghij Abcdefghij Abcdefg";
        assert_eq!(forty.len(), 40);
        assert_eq!(dialogue_label(&format!("{forty}: yes")), Some(forty));
        assert_eq!(dialogue_label(&format!("{forty}x: yes")), None);
        assert_eq!(
            dialogue_label("Editor: Welcome. Dr. Roe: Thanks."),
            Some("Editor")
        );
        assert_eq!(
            dialogue_label("The mayor said on Monday evening that: no"),
            None
        );
    }

    /// Sign-up prompts, lone "Subscribe" and navigation strings are boilerplate.
    #[test]
    fn boilerplate_prompts() {
        let t = "Subscribe\nThe council voted on Monday to close the bridge.\nSign up to receive our daily email of top stories.\nHome | World | Sports | Weather";
        assert_eq!(kind_list(t), [Boilerplate, Body, Boilerplate, Boilerplate]);
    }

    /// A body sentence that merely mentions a cue word is still body.
    #[test]
    fn cue_word_inside_body_stays_body() {
        let t = "The mayor said residents who subscribe to the utility plan will pay less next year.\nAnother sentence of the story follows here.";
        assert_eq!(kind_list(t), [Body, Body]);
    }

    /// A navigation line that opens with the page title splits into headline and boilerplate.
    #[test]
    fn navigation_with_title_splits() {
        let t = "The story.\nMore story.\nCouncil Closes The River Bridge local-news Local | Sports | Weather";
        assert_eq!(kind_list(t), [Body, Body, Headline, Boilerplate]);
    }

    /// Script and markup left in the text is boilerplate.
    #[test]
    fn markup_is_boilerplate() {
        let t = "The story starts here today.\n<script>var x = 1;</script>\nwindow.dataLayer = window.dataLayer || [];";
        assert_eq!(kind_list(t), [Body, Boilerplate, Boilerplate]);
    }

    /// Photo captions with a bracketed credit, and "Photo:" lines, are captions.
    #[test]
    fn captions() {
        let t = "The minister arrives at the summit in Brussels on Oct. 3. (Jane Roe/Reuters)\nThe story itself is here.\nPhoto: John Doe for the Gazette";
        assert_eq!(kind_list(t), [Caption, Body, Caption]);
    }

    /// "By Name" lines and author bios are bylines.
    #[test]
    fn bylines_and_bios() {
        let t = "By Jane Roe\nThe story itself is here.\nJane Roe covers the courts for the Gazette. She is based in Boston.";
        assert_eq!(kind_list(t), [Byline, Body, Byline]);
    }

    /// A short first line without final punctuation is a headline; a sentence is not.
    #[test]
    fn headline_at_top() {
        assert_eq!(
            kind_list("Bridge Closed After Vote\nThe council voted.\nMore news."),
            [Headline, Body, Body]
        );
        assert_eq!(
            kind_list("The minister called it dangerous.\nThe council voted."),
            [Body, Body]
        );
    }

    /// A trailing title-case line is a headline.
    #[test]
    fn headline_at_end() {
        let t = "The council voted.\nIt closed the bridge.\nCouncil Closes River Bridge After Heated Vote";
        assert_eq!(kind_list(t), [Body, Body, Headline]);
    }

    /// Of near-copies the fullest stays body, wherever it stands.
    #[test]
    fn duplicates_keep_the_fullest() {
        let a = "The council voted to close the old river bridge for repairs.";
        let full =
            "LONDON — The council voted on Monday to close the old river bridge for repairs.";
        let t =
            format!("{a}\n\n{full}\n\nSomething else entirely happened later that week.\n\n{a}");
        assert_eq!(kind_list(&t), [Duplicate, Body, Body, Duplicate]);
    }

    /// An interview appended after the story, with its title line, is appended.
    #[test]
    fn appended_interview() {
        let t = "The story is here.\nIt goes on.\nInterview with an Expert\nEditor: Welcome.\nDr. Roe: Thanks for having me.\nEditor: What now?\nDr. Roe: We wait.";
        assert_eq!(
            kind_list(t),
            [Body, Body, Appended, Appended, Appended, Appended, Appended]
        );
    }

    /// A single "Washington: …" dateline is not an interview.
    #[test]
    fn dateline_label_is_body() {
        let t = "Washington: The minister spoke on Monday.\nHe said more.\nThen he left.";
        assert_eq!(kind_list(t), [Body, Body, Body]);
    }

    /// Furniture at the top: a "Staff" author line, a date line, a breadcrumb, a video caption.
    #[test]
    fn head_furniture() {
        let t = "Floods Close Valley Roads\nHome » Weather » Floods Close Valley Roads\nRiver Valley Times Staff\nUpdated 9:41 AM PST, Mon March 4, 2024\n▶ WATCH: Drone video shows the flooded valley\nFloodwater closed four roads in the valley on Monday, officials said.\nCrews worked through the night.";
        assert_eq!(
            kind_list(t),
            [
                Headline,
                Boilerplate,
                Byline,
                Boilerplate,
                Caption,
                Body,
                Body
            ]
        );
    }

    /// A line ending in "staff" inside the story is no author line (a line that ends no
    /// sentence between story paragraphs is a subhead), and a sentence ending so is body.
    #[test]
    fn staff_word_in_story_stays_body() {
        let t = "Floods Close Roads\nFloodwater closed four roads in the valley on Monday, officials said.\nThe hospital cut staff\nCrews worked through the night.";
        assert_eq!(kind_list(t), [Headline, Body, Headline, Body]);
        let t = "Floods Close Roads\nFloodwater closed four roads in the valley on Monday, officials said.\nThe hospital cut staff.\nCrews worked through the night.";
        assert_eq!(kind_list(t), [Headline, Body, Body, Body]);
    }

    /// A bio at the end of the article is a byline; the same words inside the story are body.
    #[test]
    fn bio_at_end() {
        let t = "The council voted on Monday to close the old bridge.\nSam Lee is a senior reporter at the Courier who first wrote about the cracks.\nRepairs will take a year, the council said.\nAna Ruiz is a Washington correspondent for the Courier. She previously worked in Lima.";
        assert_eq!(kind_list(t), [Body, Body, Body, Byline]);
        let t = "The council voted on Monday.\nRepairs will take a year.\nShe is a senior reporter at the paper who broke the story.";
        assert_eq!(kind_list(t), [Body, Body, Body]);
    }

    /// A "You may also like" heading and the titles under it; the story resumes after them.
    #[test]
    fn related_links() {
        let t = "The council voted on Monday to close the bridge.\nYou might also like:\nTown fair returns after five years\nWhy are eggs so expensive?\nRepairs will take a year, the council said on Tuesday.";
        assert_eq!(kind_list(t), [Body, Boilerplate, Appended, Appended, Body]);
    }

    /// A wire copyright notice and an "Outlet | Section" line are boilerplate.
    #[test]
    fn notice_and_section_line() {
        let t = "Harbor Freight Weekly | Logistics\nThe port reopened on Monday after the strike ended.\nCopyright 2023 Coast Wire. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.";
        assert_eq!(kind_list(t), [Boilerplate, Body, Boilerplate]);
    }

    /// Subheads, a live-blog entry's title and a related story's title between story
    /// paragraphs are headlines; a name alone under the headline is the author line.
    #[test]
    fn lines_that_are_no_sentence_are_furniture() {
        let t = "Storm Floods The Valley\nJane Roe\nFloodwater closed four roads in the valley on Monday, officials said.\nWhat the mayor said next\nThe mayor promised new levees by the autumn.\n09:15 GMT – Army sends trucks to the valley towns\nThe army sent forty trucks overnight, a spokesman said.";
        assert_eq!(
            kind_list(t),
            [Headline, Byline, Body, Headline, Body, Headline, Body]
        );
    }

    /// Lines of figures, list items under a colon and a story cut off by the page's end
    /// stay in the story though they end no sentence.
    #[test]
    fn figure_lines_lists_and_cut_off_story_stay_body() {
        let t = "Storm Floods The Valley\nThe count ended on Monday night, officials said.\nYes: 211 districts\n1,204,311 votes – 51.2%\nThe donations so far include:\n- a gift from a local bakery chain\n- €2m from the regional bank\nThe candidates are:\nJane Roe\nJohn Doe\nThe council will meet again on Friday to decide what the fund";
        assert_eq!(
            kind_list(t),
            [Headline, Body, Body, Body, Body, Body, Body, Body, Body, Body, Body]
        );
    }

    /// A short question above the story's next paragraph is a subhead; a quoted question
    /// and a question in a long paragraph are story.
    #[test]
    fn question_subheads() {
        let t = "The breach exposed four million records, the firm said.\nWhat happened?\nHackers broke into a server in May, the firm said.\n“What happened?” asked one customer.\nThe firm has not said.";
        assert_eq!(kind_list(t), [Body, Headline, Body, Body, Body]);
    }

    /// The summary between the headline and a bare date stamp is a headline, the stamp
    /// boilerplate; without a stamp or author line below it, the lede stays body.
    #[test]
    fn dek_above_the_date_stamp() {
        let t = "Storm Floods The Valley\nRoads were closed and hundreds left their homes as the river rose.\nFriday 3 March 2021 06:02 GMT\nFloodwater closed four roads in the valley on Monday, officials said.\nCrews worked through the night.";
        assert_eq!(kind_list(t), [Headline, Headline, Boilerplate, Body, Body]);
        let t = "Storm Floods The Valley\nRoads were closed and hundreds left their homes as the river rose.\nCrews worked through the night.\nThe mayor said help was coming.";
        assert_eq!(kind_list(t), [Headline, Body, Body, Body]);
    }

    /// The first line under the headline whose words the next paragraph says again is its
    /// summary (a headline); a lede followed by new facts, a short lede, and a restated
    /// line with story above it stay body.
    #[test]
    fn summary_the_lede_restates() {
        let t = "Storm Floods The Valley\nRescuers found 40 more survivors in the flooded valley, police officials said on Monday.\nRescuers have found 40 more survivors in the flooded valley since Monday, police officials said, as the water fell.\nCrews worked through the night.";
        assert_eq!(kind_list(t), [Headline, Headline, Body, Body]);
        // The lede, then new facts.
        let t = "Storm Floods The Valley\nRescuers found 40 more survivors in the flooded valley, police officials said on Monday.\nThe river crested at nine metres overnight and four roads stayed closed, the county said.\nCrews worked through the night.";
        assert_eq!(kind_list(t), [Headline, Body, Body, Body]);
        // Too few content words to tell.
        let t = "Storm Floods The Valley\nThe valley flooded again.\nThe valley flooded again on Monday as the river rose.\nCrews worked through the night.";
        assert_eq!(kind_list(t), [Headline, Body, Body, Body]);
        // Story above: the restatement is further down, not in the head.
        let t = "Storm Floods The Valley\nThe river crested at nine metres overnight, the county said.\nRescuers found 40 more survivors in the flooded valley, police officials said on Monday.\nRescuers have found 40 more survivors in the flooded valley since Monday, police officials said, as the water fell.";
        assert_eq!(kind_list(t)[..2], [Headline, Body]);
        assert_ne!(kind_list(t)[2], Headline);
    }

    /// Story-shaped lines between the page's head and a dateline lede are its headline
    /// (a line ending on an abbreviation's period included) and the photo's caption; a
    /// dateline further down, or with story above, moves nothing.
    #[test]
    fn lines_above_the_dateline_are_head() {
        let t = "News\nFlood closes roads across the valley in U.S.\nRescue crews in orange vests carry sandbags past a row of flooded homes near the river bank in the lower valley on Monday morning as the water keeps rising.\nRIVERTON — Floodwater closed four roads in the valley on Monday, officials said.\nCrews worked through the night.";
        assert_eq!(kind_list(t), [Headline, Headline, Caption, Body, Body]);
        let t = "Flood Closes Roads\nFloodwater closed four roads in the valley on Monday, officials said.\nCrews worked through the night.\nThe mayor said help was coming.\nVolunteers filled sandbags.\nRIVERTON — A second storm is due on Friday.";
        assert_eq!(kind_list(t), [Headline, Body, Body, Body, Body, Body]);
    }

    /// An author line with the author's bio right under it is an author box, the bio in
    /// the past tense too; a story sentence in the past tense about another person is not.
    #[test]
    fn bio_under_its_author_line() {
        let t = "Flood Closes Roads\nFloodwater closed four roads in the valley on Monday, officials said.\nCrews worked through the night.\nJane Roe Staff Writer / Valley News\nJane Roe was a staff writer at Valley News. She covered floods.\nThe mayor said help was coming.";
        assert_eq!(kind_list(t)[3..5], [Byline, Byline]);
        let t = "Flood Closes Roads\nFloodwater closed four roads in the valley on Monday, officials said.\nCrews worked through the night.\nThe mayor said help was coming.\nAna Ruiz was a nurse at the valley clinic for years.";
        assert_eq!(kind_list(t)[4], Body);
    }

    /// A caption printed twice side by side is a caption and its duplicate; a near-copy
    /// right above a credited caption is the caption too.
    #[test]
    fn caption_printed_twice() {
        let t = "Storm Floods The Valley\nA rescue boat crosses a flooded street.\nA rescue boat crosses a flooded street.\nFloodwater closed four roads in the valley on Monday, officials said.\nVolunteers fill sandbags near the river on Monday 3 March.\nVolunteers fill sandbags near the river on Monday. Photo: Jane Roe/AP\nCrews worked through the night.";
        assert_eq!(
            kind_list(t),
            [Headline, Caption, Duplicate, Body, Caption, Caption, Body]
        );
    }

    /// A caption closing with its credit is a caption; the same words in a sentence are not.
    #[test]
    fn credit_tails() {
        let t = "Volunteers fill sandbags near the river. Picture by Jane Roe/AP\nThe survey gave the clearest picture by far of the damage.\nHomes stand in water on Monday. Copyright Jane Roe AP\nThe firm sued over copyright infringement.";
        assert_eq!(kind_list(t), [Caption, Body, Caption, Body]);
    }

    /// A wire dateline "(Agency) - …" opens the story; it is no photo credit.
    #[test]
    fn wire_dateline_is_body() {
        let t = "(Reuters) - The toll from the storm rose to 34, officials said on Tuesday.\nCrews worked through the night.";
        assert_eq!(kind_list(t), [Body, Body]);
    }

    /// Editors' initials and agencies closing a story are a byline.
    #[test]
    fn agency_tag() {
        let t = "The toll from the storm rose to 34, officials said on Tuesday.\nCrews worked through the night.\njd/ab (AP, dpa)";
        assert_eq!(kind_list(t), [Body, Body, Byline]);
    }

    /// "document." and "window." end story sentences; only script names members on them.
    #[test]
    fn document_and_window_in_a_sentence_are_body() {
        let t = "She signed the document.\nHe opened the window.\nwindow.dataLayer = [];";
        assert_eq!(kind_list(t), [Body, Body, Boilerplate]);
    }

    /// Reading-time labels, "More:" links and comment prompts are boilerplate.
    #[test]
    fn page_prompts() {
        let t = "The council voted on Monday to close the bridge.\n4 min read\nMore:Why the bridge was closed, and what comes next.\nThe admin read the notice to the crowd on Monday evening.\nJoin our commenting forum\nRepairs will take a year, the council said.";
        assert_eq!(
            kind_list(t),
            [Body, Boilerplate, Boilerplate, Body, Boilerplate, Body]
        );
    }

    /// A bullet menu on one line is boilerplate; a line of bulleted sentences is not one.
    #[test]
    fn bullet_menus() {
        let t = "• Home • Podcasts • share • email\nThe council voted on Monday to close the bridge.\n• The council voted to close the bridge • Repairs will take a year, it said.";
        assert_eq!(kind_list(t), [Boilerplate, Body, Body]);
    }

    /// "Posted by" and "Editor:" author lines; "By Tuesday, …" opens a story sentence.
    #[test]
    fn posted_by_and_editor_lines() {
        let t = "Posted by Jane Roe\nEditor: John Doe\nBy Tuesday, officials had closed four roads in the valley.\nCrews worked through the night.";
        assert_eq!(kind_list(t), [Byline, Byline, Body, Body]);
    }

    /// An embedded post (its text, and its signature with handle and date) is boilerplate;
    /// a story sentence naming a handle is body.
    #[test]
    fn social_embeds() {
        let t = "The council voted on Monday to close the bridge.\nThe bridge is closed until further notice, stay safe everyone\n— Jane Roe (@janeroe) March 3, 2021\nThe mayor (@mayorjane) posted on Monday that the roads were closed.\nSee the photos pic.twitter.com/abc123\nRepairs will take a year, the council said.";
        assert_eq!(
            kind_list(t),
            [Body, Boilerplate, Boilerplate, Body, Boilerplate, Body]
        );
    }

    /// A JSON fragment is markup; a sentence quoting a colon is not.
    #[test]
    fn json_is_markup() {
        let t = "{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\"}\nThe council voted on Monday to close the bridge, officials said: \"for a year\".";
        assert_eq!(kind_list(t), [Boilerplate, Body]);
    }

    /// A lede printed twice side by side keeps its first copy in the story.
    #[test]
    fn lede_printed_twice_keeps_first() {
        let t = "Storm Floods The Valley\nFloodwater closed four roads in the valley on Monday, officials said.\nFloodwater closed four roads in the valley on Monday, officials said.\nCrews worked through the night.";
        assert_eq!(kind_list(t), [Headline, Body, Duplicate, Body]);
    }

    /// A quotation alone under the headline is the dek's pull quote, a headline, though the
    /// story repeats it.
    #[test]
    fn pull_quote_under_headline_is_headline() {
        let t = "Mayor Quits After Council Vote\n\"I have done my best for this town and its people.\"\nThe mayor resigned on Monday. \"I have done my best for this town and its people,\" she said.\nThe council meets again next week.";
        assert_eq!(kind_list(t), [Headline, Headline, Body, Body]);
    }

    /// The same quotation repeated below the story's first paragraph is a duplicate, not a
    /// dek.
    #[test]
    fn repeated_quote_inside_story_stays_duplicate() {
        let t = "Mayor Quits After Council Vote\nThe mayor resigned on Monday after a long meeting.\n\"I have done my best for this town and its people.\"\nLater she added: \"I have done my best for this town and its people,\" to applause.";
        assert_eq!(kind_list(t), [Headline, Body, Duplicate, Body]);
    }

    /// Live-blog stamps and "Last Modified" lines are boilerplate.
    #[test]
    fn live_blog_stamps() {
        let t = "The council voted on Monday to close the bridge.\n09:10\nThe mayor spoke after the vote.\nUPDATE 7:05 p.m.\nRepairs will take a year, the council said.\nLast Modified: March 3, 2021";
        assert_eq!(
            kind_list(t),
            [Body, Boilerplate, Body, Boilerplate, Body, Boilerplate]
        );
    }

    /// A credit glued after the story's last sentence is split off as a byline; a quote's
    /// attribution after a dash and a dash inside a sentence stay in the story.
    #[test]
    fn glued_trailing_credit() {
        let t = "The toll rose to 34 over the weekend, officials said. -NPR\n“We will rebuild.” — Jane Roe\nIt was, she said, a surprise — Britain voted to leave.";
        assert_eq!(
            kinds(t),
            [
                ("The toll rose to 34 ".to_string(), Body),
                ("-NPR".to_string(), Byline),
                ("“We will rebuild.” —".to_string(), Body),
                ("It was, she said, a ".to_string(), Body)
            ]
        );
    }

    /// A related-links heading that trails off ("You may also like...") still heads the
    /// link titles under it; a story sentence trailing off stays body.
    #[test]
    fn related_heading_with_ellipsis() {
        let t = "The council voted on Monday to close the bridge.\nYou may also like...\nTown fair returns after five years\nRepairs will take a year and more, the council said...";
        assert_eq!(kind_list(t), [Body, Boilerplate, Appended, Body]);
    }

    /// Share prompts, affiliate disclosures and copyright-sign credits and notices are
    /// furniture; story sentences about sharing, affiliates or copyright stay body.
    #[test]
    fn share_affiliate_and_copyright_sign_lines() {
        let t = "Sharing is caring!\nThis post may contain affiliate links. Please see my disclosure page.\n\u{a9} Jane Roe\nThe contents of this site are \u{a9}2024 Valley Media Inc.\nThe firm shared its affiliate network data with the court, which ruled on copyright.";
        assert_eq!(
            kind_list(t),
            [Boilerplate, Boilerplate, Caption, Boilerplate, Body]
        );
    }

    /// A wire credit in brackets closing the story is a byline; a bracketed aside that
    /// opens with "By" and a story sentence about reporting stay body.
    #[test]
    fn wire_credit_in_brackets() {
        let t = "The port reopened on Monday after the strike ended.\n(By Monday, the queue of ships had grown to forty.)\nReporting by the local paper was later corrected, the council said.\n(Reporting by Jane Roe in Lima; Additional reporting by Tom Reyes; Editing by Ann Lee)";
        assert_eq!(kind_list(t), [Body, Body, Body, Byline]);
    }

    /// A line with no letter or digit (a rule of underscores or of stars) is a separator;
    /// a short line of figures is story.
    #[test]
    fn separator_lines_are_boilerplate() {
        let t = "The port reopened on Monday after the strike ended.\n___\n* * *\n2024: 41 ships\nThe queue of ships had grown to forty.";
        assert_eq!(kind_list(t), [Body, Boilerplate, Boilerplate, Body, Body]);
    }
}
