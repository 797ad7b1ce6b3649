//! Extraction and sniffing on small invented pages.

use super::*;

/// A story of several sentence paragraphs, long enough for Readability to pick it.
fn story(paras: &[&str]) -> String {
    paras
        .iter()
        .map(|p| format!("<p>{p}</p>"))
        .collect::<Vec<_>>()
        .join("\n")
}

const FILLER: &str = "The council met on Tuesday evening to weigh the plan, which would rebuild \
     the old river bridge over three years, and members spoke for more than an hour about \
     its cost, its route and the noise that the work would bring to the streets nearby.";

fn page(article: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Bridge plan - Valley Courier</title></head><body>\
         <nav><a href=/>Home</a> <a href=/news>News</a></nav><article>{article}</article>\
         <footer>Copyright Valley Courier</footer></body></html>"
    )
}

fn kinds(p: &Page) -> Vec<(ParaKind, &str)> {
    p.paragraphs
        .iter()
        .map(|(s, k)| (*k, &p.text[s.range()]))
        .collect()
}

/// Lines of short titles read as a list of links; a story paragraph whose sentences a
/// `<br>` parts does not, nor does a single line.
#[test]
fn link_lists_and_broken_paragraphs() {
    assert!(is_link_list(
        "Bridge reopens after two years of work\nCouncil names new harbour master\nWhy are eggs so expensive?"
    ));
    assert!(!is_link_list(&format!("{FILLER}\n{FILLER}")));
    assert!(!is_link_list(
        "The vote was held on Monday.\nThe count ended late that night.\nMore from the region"
    ));
    assert!(!is_link_list("Bridge reopens after two years of work"));
}

/// A figure caption is kept as a caption paragraph, not as story text.
#[test]
fn figure_caption_is_a_caption() {
    let body = format!(
        "{}<figure><img src=a.jpg><figcaption>The old bridge at dusk. Photo: J. Doe</figcaption></figure>{}",
        story(&[FILLER, FILLER]),
        story(&[FILLER])
    );
    let p = extract(&page(&body));
    let k = kinds(&p);
    assert!(
        k.contains(&(ParaKind::Caption, "The old bridge at dusk. Photo: J. Doe")),
        "{k:?}"
    );
    assert_eq!(k.iter().filter(|(k, _)| *k == ParaKind::Body).count(), 3);
}

/// Spans are byte offsets into the extracted text, paragraphs separated by a blank line.
#[test]
fn spans_index_the_extracted_text() {
    let p = extract(&page(&story(&[
        "Caf\u{e9} owners said the works would hurt trade.",
        FILLER,
        FILLER,
    ])));
    for (s, _) in &p.paragraphs {
        assert!(p.text.is_char_boundary(s.start) && p.text.is_char_boundary(s.end));
    }
    let first = p.paragraphs[0].0;
    assert_eq!(
        &p.text[first.range()],
        "Caf\u{e9} owners said the works would hurt trade."
    );
    assert_eq!(&p.text[first.end..first.end + 2], "\n\n");
}

/// A list is one paragraph, one line per item; a heading inside the story is story text.
#[test]
fn list_is_one_paragraph_and_crosshead_is_body() {
    let body = format!(
        "{}<h2>What the plan costs</h2><ul><li>A new deck</li><li>Two ramps</li></ul>{}",
        story(&[FILLER]),
        story(&[FILLER, FILLER])
    );
    let p = extract(&page(&body));
    let k = kinds(&p);
    assert!(
        k.contains(&(ParaKind::Body, "A new deck\nTwo ramps")),
        "{k:?}"
    );
    assert!(
        k.contains(&(ParaKind::Body, "What the plan costs")),
        "{k:?}"
    );
}

/// A heading above the story is a headline; the same heading after the story has begun
/// is a crosshead, part of the story.
#[test]
fn heading_above_story_is_headline() {
    let body = format!(
        "<h2>Plan wins backing</h2>{}<h2>Next steps</h2>{}",
        story(&[FILLER, FILLER]),
        story(&[FILLER])
    );
    let p = extract(&page(&body));
    let k = kinds(&p);
    assert!(
        k.contains(&(ParaKind::Headline, "Plan wins backing")),
        "{k:?}"
    );
    assert!(k.contains(&(ParaKind::Body, "Next steps")), "{k:?}");
}

/// A doctype or `<html` after a BOM, whitespace and comments is a page; text that only
/// mentions a tag is not.
#[test]
fn sniffs_html_starts() {
    assert!(looks_like_html(b"<!DOCTYPE html><p>x"));
    assert!(looks_like_html(
        b"\xEF\xBB\xBF  <!-- saved from url=(0020)https://a.b/c -->\n<HTML lang=en>"
    ));
    assert!(looks_like_html(b"<html>"));
    assert!(!looks_like_html(
        b"Notes on <html> tags and how to write them."
    ));
    assert!(!looks_like_html(b"<htmlfoo>"));
    assert!(!looks_like_html(b"<!-- an unclosed comment <html>"));
}

/// `.html` and `.htm` in any case are page names; a hidden file is not.
#[test]
fn html_names() {
    assert!(is_html_name("a.html") && is_html_name("B.HTM"));
    assert!(!is_html_name(".a.html") && !is_html_name("a.html.txt"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Any markup-like text extracts without panicking, with paragraph spans on character
    /// boundaries that hold no blank line.
    #[test]
    fn any_markup_extracts(s in r#"(<(p|div|ul|li|h2|figure|figcaption|a|br|table|td)>|</(p|div|ul|li|h2|a)>|[a-zé. \n]{0,12}|“){0,40}"#) {
        let p = extract(&s);
        for (span, _) in &p.paragraphs {
            proptest::prop_assert!(p.text.is_char_boundary(span.start) && p.text.is_char_boundary(span.end));
            proptest::prop_assert!(!p.text[span.range()].contains("\n\n"));
            proptest::prop_assert!(!p.text[span.range()].trim().is_empty());
        }
    }
}
