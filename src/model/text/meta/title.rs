//! The article's title: the first line near the top that has a headline's shape and whose
//! words the story goes on to use; never a menu, a section name, a date stamp or a credit.

use super::stamps;
use crate::model::text::kinds::ends_sentence;
use crate::model::text::words_upto;
use crate::model::{ParaKind, Paragraph};
use std::collections::HashSet;

/// Paragraphs looked at for the title: page templates put up to five lines of navigation,
/// section names and stamps before it (seven in the dev pages' worst case).
const LOOK_AT: usize = 8;
/// Share of a title's content words that the text after it uses. Headlines in the dev
/// dossiers share 0.5–1.0 of their content words with their story; link menus and
/// teasers for other stories share under 0.3.
const MIN_SHARED: f64 = 0.34;

/// Words in a title: the dev dossiers' headlines run 3 to 18 words; one- and two-word lines
/// above them are section names ("World", "News Europe").
const TITLE_WORDS: std::ops::RangeInclusive<usize> = 3..=25;
/// Words in a line marked headline, taken when no line near the top has a title's shape and
/// words: a short headline ("Grim search"), or a headline and its dek on one line.
const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 2..=40;
/// A story's lede: a body paragraph of a full sentence or more. The title stands above it.
/// Ten words: a seed story opens with a 13-word sentence, which 15 skipped; the labels and
/// link teasers above titles in the dev pages are shorter or end without a full stop.
const LEDE_WORDS: usize = 10;

/// The title, if a line near the top is one; else the first line marked headline that
/// reads like one (a page may print its headline last, after the story).
pub(super) fn title_line(text: &str, paras: &[Paragraph]) -> Option<String> {
    let line = |p: &Paragraph| text[p.span.range()].trim_start_matches('#').trim();
    let top = paras
        .iter()
        .take(LOOK_AT)
        .take_while(|p| !(p.kind == ParaKind::Body && is_lede(&text[p.span.range()])));
    for p in top {
        if matches!(
            p.kind,
            ParaKind::Caption | ParaKind::Byline | ParaKind::Appended
        ) {
            continue;
        }
        let s = line(p);
        let rest = &text[p.span.end..];
        if has_title_shape(s, TITLE_WORDS) && shared_share(s, rest, MIN_SHARED) >= MIN_SHARED {
            return Some(s.to_string());
        }
    }
    // A line marked headline may run longer (a headline and its dek on one line). It
    // stands above the lede or below the story's last paragraph: one between story
    // paragraphs is a subhead ("What happened?").
    let lede = paras
        .iter()
        .position(|p| p.kind == ParaKind::Body && is_lede(&text[p.span.range()]))
        .unwrap_or(paras.len());
    let last_body = paras.iter().rposition(|p| p.kind == ParaKind::Body);
    paras
        .iter()
        .enumerate()
        .filter(|&(i, p)| {
            p.kind == ParaKind::Headline && (i < lede || last_body.is_none_or(|b| i > b))
        })
        .map(|(_, p)| line(p))
        .find(|s| has_title_shape(s, HEADLINE_WORDS))
        .map(str::to_string)
}

/// A full sentence of a lede's length.
pub(super) fn is_lede(s: &str) -> bool {
    words_upto(s, LEDE_WORDS) >= LEDE_WORDS && ends_sentence(s)
}

/// A number of words in `words_in`, no full stop (or colon) at the end, no separators of menus, no words glued
/// together by a scraper ("SolutionsLegal", "agoBody"), no "(6)" counter, not a date stamp.
fn has_title_shape(s: &str, words_in: std::ops::RangeInclusive<usize>) -> bool {
    let words = words_upto(s, words_in.end().saturating_add(1));
    // "… in U.S." ends with an abbreviation, not a full stop.
    let abbreviation = s.ends_with('.') && {
        let c: Vec<char> = s.chars().rev().take(3).collect();
        c.len() == 3 && c[1].is_uppercase() && c[2] == '.'
    };
    let full_stop = ends_sentence(s) && !s.ends_with(['?', '!']) && !abbreviation;
    if !words_in.contains(&words) || full_stop {
        return false;
    }
    // A link placeholder ("[LINK: …]") or a date stamp.
    if s.starts_with('[') && s.ends_with(']') || !stamps(s).is_empty() {
        return false;
    }
    if s.contains(" | ") || s.contains('•') || s.contains(" · ") {
        return false;
    }
    let glued = s.split_whitespace().any(|w| {
        let c: Vec<char> = w.chars().collect();
        c.windows(4).any(|x| {
            x[0].is_lowercase() && x[1].is_lowercase() && x[2].is_lowercase() && x[3].is_uppercase()
        })
    });
    let counter = s.ends_with(')')
        && s.rsplit_once('(')
            .is_some_and(|(_, n)| n.trim_end_matches(')').chars().all(|c| c.is_ascii_digit()));
    !glued && !counter
}

/// Content words (four letters or more), lowercased.
fn content_words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// The share of `title`'s content words that `rest` uses, read only until it reaches
/// `enough` (then the share so far, at least `enough`: the caller asks for a bound, and a
/// title's words mostly stand in the story's first sentences). The rest is read word by
/// word against the title's few words (no set of its words built, no lowercase copy of an
/// ASCII word): building the set cost about 100 instructions a byte of story, a seventh of
/// loading; reading every word until every title word was found, about 20 a byte (27 M
/// instructions on 200 generated articles, whose titles hold a word the story never uses).
fn shared_share(title: &str, rest: &str, enough: f64) -> f64 {
    let words: Vec<String> = content_words(title).into_iter().collect();
    if words.is_empty() {
        return 0.0;
    }
    // The byte lengths of the title's words: an ASCII word of the rest is compared only
    // when a title word has its length (a word of 64 bytes or more always is). Most
    // candidate titles hold a word the story never uses, so the whole story is read.
    let lens = words.iter().fold(0u64, |m, t| {
        m | 1u64.checked_shl(t.len() as u32).unwrap_or(0)
    });
    let mut found = vec![false; words.len()];
    let mut left = words.len();
    let share = |left: usize| (words.len() - left) as f64 / words.len() as f64;
    // Looks `w` up among the title's words; true once the share found is enough.
    let mut visit = |w: &str, ascii: bool| {
        // A title word has four characters or more, so four bytes or more.
        let skip = w.len() < 4 || ascii && w.len() < 64 && lens & (1 << w.len()) == 0;
        if skip {
            return left == 0;
        }
        // `w` lowercased equals a title word: an ASCII word compared in place, another
        // lowercased once rather than once per title word.
        let lower = (!ascii).then(|| w.to_lowercase());
        for (k, t) in words.iter().enumerate() {
            let same = match &lower {
                None => w.len() == t.len() && w.eq_ignore_ascii_case(t),
                Some(l) => l == t,
            };
            if !found[k] && same {
                found[k] = true;
                left -= 1;
            }
        }
        left == 0 || share(left) >= enough
    };
    // The rest's words are its runs of alphanumeric characters. A run of ASCII letters and
    // digits is read in a tight loop and looked up only when a title word has its length;
    // other characters are decoded. (A loop over every byte carrying the run's state took
    // about 30 instructions a byte: 50 M of 561 M loading 200 generated articles.)
    let bytes = rest.as_bytes();
    let alnum_at = |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b < 0x80 {
            return (b.is_ascii_alphanumeric(), 1);
        }
        let c = rest[i..].chars().next().unwrap_or(' ');
        (c.is_alphanumeric(), c.len_utf8())
    };
    let mut i = 0;
    while i < bytes.len() {
        let (alnum, width) = alnum_at(i);
        if !alnum {
            i += width;
            continue;
        }
        let (from, mut ascii) = (i, width == 1);
        i += width;
        loop {
            while bytes
                .get(i)
                .is_some_and(|&b| crate::model::lex::ASCII_ALNUM[usize::from(b)])
            {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] < 0x80 {
                break;
            }
            let (alnum, width) = alnum_at(i);
            if !alnum {
                break;
            }
            ascii = false;
            i += width;
        }
        let len = i - from;
        // The cheap length test of `visit`, before the call.
        if len < 4 || ascii && len < 64 && lens & (1 << len) == 0 {
            continue;
        }
        if visit(&rest[from..i], ascii) {
            break;
        }
    }
    share(left)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::{classify, segment};

    fn title(text: &str) -> Option<String> {
        let mut paras = segment(text);
        classify(text, &mut paras);
        title_line(text, &paras)
    }

    const STORY: &str = "The flood waters rose overnight in the river town, and rescuers evacuated two hundred residents from their homes.\n\nThe mayor said the river town would need weeks to recover from the flood.\n";

    /// A headline above its story is the title.
    #[test]
    fn headline_above_story() {
        let t = format!("River town floods as waters rise overnight\n\n{STORY}");
        assert_eq!(
            title(&t).as_deref(),
            Some("River town floods as waters rise overnight")
        );
    }

    /// Section names, menus, stamps and teasers for other stories before the headline are
    /// not the title.
    #[test]
    fn furniture_before_the_headline_is_skipped() {
        let t = format!(
            "World\n\nHome | News | Sport | Weather\n\n2h agoActor wins award at festival gala\n\nMonday 3 May 2021 09:10 BST\n\nRiver town floods as waters rise overnight\n\n{STORY}"
        );
        assert_eq!(
            title(&t).as_deref(),
            Some("River town floods as waters rise overnight")
        );
    }

    /// A line about something the story never mentions is a link, not the title.
    #[test]
    fn teaser_for_another_story_is_not_the_title() {
        let t = format!(
            "Actor wins award at festival gala\n\nRiver town floods as waters rise overnight\n\n{STORY}"
        );
        assert_eq!(
            title(&t).as_deref(),
            Some("River town floods as waters rise overnight")
        );
    }

    /// A subhead between story paragraphs is no title.
    #[test]
    fn subhead_inside_the_story_is_not_the_title() {
        let t = format!("{STORY}\nWhat happened?\n\nThe river rose after a week of rain, and the banks gave way at night.\n");
        assert_ne!(title(&t).as_deref(), Some("What happened?"));
    }

    /// A title's words are found in the story whatever their case, accents included and
    /// at the very end; a longer word that starts with one is not it.
    #[test]
    fn title_words_are_found_in_the_story_by_whole_word() {
        let share = shared_share(
            "Zürich floods worsen",
            "Rain in ZÜRICH; the worsened floods",
            1.0,
        );
        assert!((share - 2.0 / 3.0).abs() < 1e-9, "{share}");
        assert_eq!(shared_share("Zürich floods", "Zurich flooded", 1.0), 0.0);
    }

    /// Reading stops once the share asked for is reached: the share returned then is at
    /// least that bound, and below it the full share is read.
    #[test]
    fn the_share_is_read_up_to_the_bound_asked() {
        let (title, rest) = ("River floods worsen", "The river floods. Floods worsen.");
        assert!((shared_share(title, rest, 0.5) - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(shared_share(title, rest, 1.0), 1.0);
        assert_eq!(shared_share(title, "The river rose.", 0.5), 1.0 / 3.0);
    }

    /// A counter line ("Money (6)") and a sentence are no title.
    #[test]
    fn counters_and_sentences_are_not_titles() {
        assert!(!has_title_shape("Money (6)", TITLE_WORDS));
        assert!(has_title_shape(
            "Storm could cut power to millions in U.S.",
            TITLE_WORDS
        ));
        assert!(!has_title_shape(
            "The river town floods overnight.",
            TITLE_WORDS
        ));
        assert!(has_title_shape(
            "Death toll rises to 56 in river town floods",
            TITLE_WORDS
        ));
    }
}
