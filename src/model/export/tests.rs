//! Export: citations, anchors, re-finding edited text, and a snapshot of each format.

use super::*;
use crate::model::load::{from_files, LoadOptions};
use crate::model::people::{Person, PersonId, SpeakerKind};
use crate::model::quotes::{Quote, QuoteKind};

const A: &str = "Austin urges troop withdrawal\n\n\
U.S. Secretary of Defense Lloyd Austin urged North Korea on Wednesday to withdraw its troops.\n\n\
“I am growing more worried,” he said. He called it an *unprecedented* step.\n";
const B: &str = "Kim and Austin meet\n\nKim said the likelihood is low. 1984. Another sentence.\n";

/// A two-article dossier with one attributed quote, built by hand.
pub(crate) fn sample() -> Dossier {
    let mut d = from_files(
        "North Korean troops in Russia",
        [
            ("a.txt".to_string(), A.as_bytes().to_vec()),
            ("b.txt".to_string(), B.as_bytes().to_vec()),
        ],
        &LoadOptions::default(),
    );
    d.articles[0].meta.outlet = Some("Example Outlet".into());
    d.articles[0].meta.date = Some("2024-10-30".into());
    d.articles[0].meta.url = Some("https://example.org/austin".into());
    d.articles[1].meta.outlet = Some("Other [Wire]".into());
    // Hand-made quotes and people, not the extractor's.
    d.quotes.clear();
    d.people.clear();
    d.people.push(Person {
        id: PersonId(0),
        name: "Lloyd Austin".into(),
        kind: SpeakerKind::Person,
        aliases: vec!["Austin".into()],
        role: None,
        quotes: Vec::new(),
    });
    let text = "I am growing more worried,";
    let start = A.find(text).unwrap();
    let paragraph = d.articles[0].paragraph_at(start).unwrap();
    d.quotes.push(Quote {
        article: ArticleId(0),
        span: Span::new(start, start + text.len()),
        kind: QuoteKind::Full,
        paragraph,
        sentence: 0,
        speaker: Some(PersonId(0)),
        as_written: Some("he".into()),
        how: Some("same sentence"),
        continues: None,
        insertions: Vec::new(),
        broken: false,
    });
    d
}

/// Clippings of a quote, a sentence (with a note), a paragraph and a two-paragraph range.
fn clips(d: &Dossier) -> Vec<Clipping> {
    let created = Some("2026-11-25T11:00:00Z".to_string());
    let b = &d.articles[1].text;
    let mut v = vec![
        Clipping::of_quote(d, QuoteId(0), created.clone()),
        Clipping::sentence_at(
            d,
            ArticleId(1),
            b.find("Kim said").unwrap(),
            created.clone(),
        )
        .unwrap()
        .with_note("compare with Austin"),
        Clipping::paragraph_at(d, ArticleId(0), A.find("U.S.").unwrap(), created.clone()).unwrap(),
    ];
    let (s, e) = (A.find("Wednesday").unwrap(), A.find(" he said").unwrap());
    v.push(Clipping::new(
        d,
        ArticleId(0),
        Span::new(s, e),
        ClipKind::Range,
        created,
    ));
    for (i, c) in v.iter_mut().enumerate() {
        c.id = i as u64 + 1;
    }
    v
}

fn render(f: impl FnOnce(&mut dyn io::Write) -> io::Result<()>) -> String {
    let mut buf = Vec::new();
    f(&mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

/// A quote clipping is cited with its speaker, outlet, title, date, file and paragraph.
#[test]
fn quote_citation_has_every_part() {
    let d = sample();
    let c = Clipping::of_quote(&d, QuoteId(0), None);
    let p = resolve(&d, &c);
    let cite = p.citation();
    assert_eq!(cite.speaker, Some("Lloyd Austin"));
    assert_eq!(cite.outlet, Some("Example Outlet"));
    assert_eq!(cite.date, Some("2024-10-30"));
    assert_eq!(cite.file, "a.txt");
    assert_eq!(cite.paragraph.as_deref(), Some("¶ 3"));
    assert_eq!(p.as_written, Some("he"));
}

/// When the file changed, the clipping is found again at the nearest occurrence of its
/// text; when the text is gone, the saved copy is exported and marked as such.
#[test]
fn edited_file_refinds_or_keeps_saved_text() {
    let d = sample();
    let mut c = Clipping::of_quote(&d, QuoteId(0), None);
    c.start += 7;
    c.end += 7;
    let p = resolve(&d, &c);
    assert_eq!(p.span, Some(d.quotes[0].span));
    c.text = "words nobody wrote".into();
    let p = resolve(&d, &c);
    assert!(p.is_missing());
    assert_eq!(p.text(), "words nobody wrote");
    c.article = "gone.txt".into();
    assert!(resolve(&d, &c).article.is_none());
}

/// The text-quote anchor's prefix and suffix are the text's neighbours in the file.
#[test]
fn anchor_context_surrounds_exact_text() {
    let d = sample();
    let c = Clipping::of_quote(&d, QuoteId(0), None);
    let p = resolve(&d, &c);
    let (pre, suf) = p.context();
    let whole = format!("{pre}{}{suf}", p.text());
    assert!(A.contains(&whole));
    assert!(pre.ends_with('“') && suf.starts_with('”'));
    assert!(pre.chars().count() <= cite::CONTEXT_CHARS);
}

/// Markdown grouped by source: one heading per article, blockquotes with citations.
#[test]
fn markdown_by_source_snapshot() {
    let d = sample();
    let c = clips(&d);
    insta::assert_snapshot!(render(|w| write_markdown(w, &d, &c, Grouping::BySource)));
}

/// Markdown in clipping order has no source headings.
#[test]
fn markdown_in_order_snapshot() {
    let d = sample();
    let c = clips(&d);
    insta::assert_snapshot!(render(|w| write_markdown(w, &d, &c, Grouping::InOrder)));
}

/// Plain text is never hard-wrapped: one line per passage paragraph.
#[test]
fn text_snapshot_unwrapped() {
    let d = sample();
    let c = clips(&d);
    let out = render(|w| write_text(w, &d, &c, Grouping::BySource));
    assert!(out
        .lines()
        .any(|l| l.contains("U.S. Secretary of Defense Lloyd Austin urged North Korea on Wednesday to withdraw its troops.")));
    insta::assert_snapshot!(out);
}

/// JSON has every field, and its offsets hold its text in the article.
#[test]
fn json_snapshot_offsets_hold() {
    let d = sample();
    let c = clips(&d);
    let out = render(|w| write_json(w, &d, &c));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for clip in v["clippings"].as_array().unwrap() {
        let file = clip["article"].as_str().unwrap();
        let text = if file == "a.txt" { A } else { B };
        let (s, e) = (
            clip["start"].as_u64().unwrap() as usize,
            clip["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], clip["text"].as_str().unwrap());
        assert_eq!(clip["selectors"][0]["type"], "TextQuoteSelector");
    }
    insta::assert_snapshot!(out);
}

/// Control characters and Markdown markup in article text cannot escape the blockquote.
#[test]
fn hostile_text_is_escaped() {
    let text = "Title\n\n# Not a heading \x1b]52;c;aGk=\x07 [link](x) <b>\n";
    let d = from_files(
        "t",
        [("h.txt".to_string(), text.as_bytes().to_vec())],
        &LoadOptions::default(),
    );
    let a = &d.articles[0];
    let p = a.paragraphs.last().unwrap().span;
    let c = vec![Clipping::new(
        &d,
        ArticleId(0),
        p,
        ClipKind::Paragraph,
        None,
    )];
    let md = render(|w| write_markdown(w, &d, &c, Grouping::InOrder));
    let txt = render(|w| write_text(w, &d, &c, Grouping::InOrder));
    for out in [&md, &txt] {
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    }
    assert!(md.contains("> \\# Not a heading ␛"), "{md}");
    assert!(md.contains("\\[link\\](x) \\<b\\>"), "{md}");
}

/// Obsidian and GFM syntax in article text is escaped in Markdown: a `%%` comment cannot
/// hide text, `==` cannot highlight, `$` cannot start math, `[[` cannot link, `~~`
/// cannot strike out, `#` cannot tag; a single `%` or `=` stays as written.
#[test]
fn obsidian_and_gfm_syntax_escaped() {
    let text =
        "Title\n\nShown %%hidden%% ==marked== costs $5 and $6 [[Note]] ~~gone~~ #tag 50% a=b.\n";
    let d = from_files(
        "t",
        [("o.txt".to_string(), text.as_bytes().to_vec())],
        &LoadOptions::default(),
    );
    let p = d.articles[0].paragraphs.last().unwrap().span;
    let c = vec![Clipping::new(
        &d,
        ArticleId(0),
        p,
        ClipKind::Paragraph,
        None,
    )];
    let md = render(|w| write_markdown(w, &d, &c, Grouping::InOrder));
    for escaped in [
        "\\%\\%hidden\\%\\%",
        "\\=\\=marked\\=\\=",
        "\\$5 and \\$6",
        "\\[\\[Note\\]\\]",
        "\\~\\~gone\\~\\~",
        "\\#tag",
        " 50% a=b.",
    ] {
        assert!(md.contains(escaped), "{escaped} not in {md}");
    }
}

/// A manifest url with an escape sequence or a non-web scheme is never written as a
/// link target; a plain https url is.
#[test]
fn only_web_urls_become_links() {
    let mut d = sample();
    let c = clips(&d);
    d.articles[0].meta.url = Some("https://x/\x1b]0;PWNED\x07".into());
    let md = render(|w| write_markdown(w, &d, &c, Grouping::InOrder));
    assert!(!md.contains("](https://x/"), "{md}");
    assert!(!md.contains('\x1b'), "{md:?}");
    d.articles[0].meta.url = Some("javascript:alert(1)".into());
    let md = render(|w| write_markdown(w, &d, &c, Grouping::InOrder));
    assert!(!md.contains("](javascript"), "{md}");
    d.articles[0].meta.url = Some("https://example.org/a".into());
    let md = render(|w| write_markdown(w, &d, &c, Grouping::InOrder));
    assert!(md.contains("](https://example.org/a)"), "{md}");
}

/// A suggested file name is a slug of the dossier title.
#[test]
fn suggested_name_slug() {
    let d = sample();
    assert_eq!(
        suggested_name(&d, ExportFormat::Markdown),
        "north-korean-troops-in-russia-clippings.md"
    );
    let empty = Dossier::default();
    assert_eq!(
        suggested_name(&empty, ExportFormat::Json),
        "dossier-clippings.json"
    );
}

/// A clipping survives a JSON round-trip (the saved-state format).
#[test]
fn clipping_serde_round_trip() {
    let d = sample();
    for c in clips(&d) {
        let s = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<Clipping>(&s).unwrap(), c);
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text: every sentence clipping exports in all formats without panicking;
        /// Markdown and text hold no control character; JSON offsets hold the text.
        #[test]
        fn any_text_exports_safely(text in "(\\PC|[\\x00-\\x1f\\u{202e}\\u{200b}])*") {
            let d = from_files("t", [("x.txt".to_string(), text.into_bytes())], &LoadOptions::default());
            let Some(a) = d.articles.first() else { return Ok(()); };
            let clips: Vec<Clipping> = a
                .paragraphs
                .iter()
                .flat_map(|p| p.sentences.iter())
                .map(|s| Clipping::new(&d, ArticleId(0), *s, ClipKind::Sentence, None))
                .collect();
            let md = render(|w| write_markdown(w, &d, &clips, Grouping::BySource));
            let txt = render(|w| write_text(w, &d, &clips, Grouping::InOrder));
            for out in [&md, &txt] {
                prop_assert!(!out.chars().any(|c| c.is_control() && c != '\n'));
            }
            let v: serde_json::Value = serde_json::from_str(&render(|w| write_json(w, &d, &clips))).unwrap();
            for c in v["clippings"].as_array().unwrap() {
                let (s, e) = (c["start"].as_u64().unwrap() as usize, c["end"].as_u64().unwrap() as usize);
                prop_assert_eq!(&a.text[s..e], c["text"].as_str().unwrap());
            }
        }
    }
}
