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
    let id = crate::model::quotes::QuoteId(d.quotes.len());
    d.quotes.push({
        let mut q = Quote::new(
            ArticleId(0),
            Span::new(start, start + text.len()),
            QuoteKind::Full,
        );
        q.set_speaker(Some(PersonId(0)));
        q
    });
    let he = Some(d.written.id("he"));
    d.said
        .set(id, he, crate::model::quotes::How::of("same sentence"));
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

/// Markdown options for clippings, without front matter.
fn md_opts(grouping: Grouping) -> Options {
    Options {
        format: ExportFormat::Markdown,
        grouping,
        holds: Holds::Clippings,
        front_matter: None,
    }
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
    assert_eq!(p.span, Some(d.quotes[0].span()));
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
    insta::assert_snapshot!(render(|w| write_markdown(
        w,
        &d,
        &c,
        &md_opts(Grouping::BySource)
    )));
}

/// Markdown in clipping order has no source headings.
#[test]
fn markdown_in_order_snapshot() {
    let d = sample();
    let c = clips(&d);
    insta::assert_snapshot!(render(|w| write_markdown(
        w,
        &d,
        &c,
        &md_opts(Grouping::InOrder)
    )));
}

/// Plain text is never hard-wrapped: one line per passage paragraph.
#[test]
fn text_snapshot_unwrapped() {
    let d = sample();
    let c = clips(&d);
    let out = render(|w| write_text(w, &d, &c, Grouping::BySource, Holds::Clippings));
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
    let md = render(|w| write_markdown(w, &d, &c, &md_opts(Grouping::InOrder)));
    let txt = render(|w| write_text(w, &d, &c, Grouping::InOrder, Holds::Clippings));
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
    let md = render(|w| write_markdown(w, &d, &c, &md_opts(Grouping::InOrder)));
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
    let md = render(|w| write_markdown(w, &d, &c, &md_opts(Grouping::InOrder)));
    assert!(!md.contains("](https://x/"), "{md}");
    assert!(!md.contains('\x1b'), "{md:?}");
    d.articles[0].meta.url = Some("javascript:alert(1)".into());
    let md = render(|w| write_markdown(w, &d, &c, &md_opts(Grouping::InOrder)));
    assert!(!md.contains("](javascript"), "{md}");
    d.articles[0].meta.url = Some("https://example.org/a".into());
    let md = render(|w| write_markdown(w, &d, &c, &md_opts(Grouping::InOrder)));
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

/// Markdown of quotes with front matter: the title says it holds quotes, and front matter
/// gives title, dossier, export time and each source once, in dossier order.
#[test]
fn markdown_front_matter_snapshot() {
    let d = sample();
    let c = clips(&d);
    let opts = Options {
        holds: Holds::Quotes,
        front_matter: Some("2026-12-07T06:00:00Z".into()),
        ..md_opts(Grouping::BySource)
    };
    let md = render(|w| write_markdown(w, &d, &c, &opts));
    assert!(md.starts_with("---\ntitle: \"Quotes: North Korean troops in Russia\"\n"));
    assert!(
        md.contains("\n---\n# Quotes: North Korean troops in Russia\n"),
        "{md}"
    );
    insta::assert_snapshot!(md);
}

/// Front matter values are sanitized, Markdown-escaped and double-quoted YAML: a quote,
/// a backslash, a newline, an escape or a `[[link]]` in a title cannot end the string,
/// add a key or make a link.
#[test]
fn front_matter_values_escaped() {
    let mut d = sample();
    d.title = "A \"b\" c\\d\nkey: x \x1b[2J [[Note]]".into();
    let c = clips(&d);
    let opts = Options {
        front_matter: Some("2026-12-07T06:00:00Z".into()),
        ..md_opts(Grouping::BySource)
    };
    let md = render(|w| write_markdown(w, &d, &c, &opts));
    let dossier = md.lines().find(|l| l.starts_with("dossier: ")).unwrap();
    assert_eq!(
        dossier,
        r#"dossier: "A \"b\" c\\\\d␊key: x ␛\\[2J \\[\\[Note\\]\\]""#
    );
    assert!(!md.lines().any(|l| l.starts_with("key:")), "{md}");
    assert!(!md.contains('\x1b'));
}

/// A quote's closing comma, the reporter's ("…worried,” he said), is dropped in the
/// blockquote and kept in JSON; a comma inside the quote stays.
#[test]
fn closing_comma_trimmed_in_blockquote_only() {
    let d = sample();
    let c = vec![Clipping::of_quote(&d, QuoteId(0), None)];
    let md = render(|w| write_markdown(w, &d, &c, &md_opts(Grouping::InOrder)));
    assert!(md.contains("> “I am growing more worried”\n"), "{md}");
    let json = render(|w| write_json(w, &d, &c));
    assert!(
        json.contains("\"text\": \"I am growing more worried,\""),
        "{json}"
    );
    let mut d2 = sample();
    let text = "I am growing more worried";
    let start = A.find(text).unwrap();
    d2.quotes[0].set_span(Span::new(start, start + text.len()));
    let c = vec![Clipping::of_quote(&d2, QuoteId(0), None)];
    let md = render(|w| write_markdown(w, &d2, &c, &md_opts(Grouping::InOrder)));
    assert!(md.contains("> “I am growing more worried”\n"), "{md}");
    let sentence =
        Clipping::sentence_at(&d, ArticleId(1), B.find("Kim said").unwrap(), None).unwrap();
    let md = render(|w| write_markdown(w, &d, &[sentence], &md_opts(Grouping::InOrder)));
    assert!(md.contains("> Kim said the likelihood is low.\n"), "{md}");
}

/// Headings and citations name outlet and title; a title that is only a date is not used,
/// and the file is cited only when neither outlet nor title is known.
#[test]
fn headings_never_a_bare_date_file_only_when_nothing_better() {
    let mut d = sample();
    d.articles[1].meta.title = Some("Friday 3 March 2021 09:10 BST".into());
    let c = clips(&d);
    let md = render(|w| write_markdown(w, &d, &c, &md_opts(Grouping::BySource)));
    assert!(md.contains("\n## Other \\[Wire\\]\n"), "{md}");
    assert!(!md.contains("March 2021"), "{md}");
    assert!(!md.contains("`b.txt`"), "{md}");
    d.articles[1].meta.outlet = None;
    let md = render(|w| write_markdown(w, &d, &c, &md_opts(Grouping::BySource)));
    assert!(md.contains("\n## b.txt\n"), "{md}");
    assert!(md.contains("> — `b.txt`, ¶ 2"), "{md}");
    assert!(!md.contains("`a.txt`"), "{md}");
}

/// The Markdown a copy takes is the export's passage: blockquote, citation, note.
#[test]
fn passage_markdown_is_the_exports() {
    let d = sample();
    let c = clips(&d);
    let whole = render(|w| write_markdown(w, &d, &c, &md_opts(Grouping::InOrder)));
    for clip in &c {
        let one = passage_markdown(&d, clip);
        assert!(whole.contains(&one), "{one} not in {whole}");
        assert!(one.starts_with("> ") && one.contains("\n> — "), "{one}");
    }
}

/// CSL-JSON: one article-newspaper item per passage, with outlet as container-title,
/// issued date parts, URL, the passage as note and its paragraph as locator; unique ids.
#[test]
fn csl_snapshot_items() {
    let d = sample();
    let c = clips(&d);
    let out = render(|w| write_csl(w, &d, &c));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), c.len());
    let first = &items[0];
    assert_eq!(first["type"], "article-newspaper");
    assert_eq!(first["container-title"], "Example Outlet");
    assert_eq!(
        first["issued"]["date-parts"][0],
        serde_json::json!([2024, 10, 30])
    );
    assert_eq!(first["URL"], "https://example.org/austin");
    assert_eq!(first["locator"], "3");
    assert_eq!(first["label"], "paragraph");
    assert_eq!(first["note"], "Lloyd Austin: “I am growing more worried”");
    let mut ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), items.len(), "{ids:?}");
    insta::assert_snapshot!(out);
}

/// CSV: a header of every field, one CRLF-ended row per passage, RFC 4180 quoting.
#[test]
fn csv_snapshot_rows() {
    let d = sample();
    let c = clips(&d);
    let out = render(|w| write_csv(w, &d, &c));
    assert_eq!(out.matches("\r\n").count(), c.len() + 1);
    assert!(out.starts_with("id,kind,article,title,outlet,url,date,author,paragraph,"));
    assert!(out.contains(",\"I am growing more worried,\","), "{out}");
    insta::assert_snapshot!(out);
}

/// A CSV cell a spreadsheet would run as a formula is neutralised; quotes double; a
/// minus inside a cell, or a cell that is only digits, is left as it is.
#[test]
fn csv_cells_neutralised_and_quoted() {
    use super::csv::cell;
    assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(cell("+1"), "'+1");
    assert_eq!(cell("-2+3"), "'-2+3");
    assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(cell("a-b = c"), "a-b = c");
    assert_eq!(cell("42"), "42");
    assert_eq!(cell("two\nlines"), "\"two\nlines\"");
    assert_eq!(cell("x\x1b[2J"), "x␛[2J");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text: every sentence clipping exports in all formats without panicking;
        /// Markdown, text and CSV hold no control character but line ends (CSV's CRLF);
        /// CSL is valid JSON; JSON offsets hold the text.
        #[test]
        fn any_text_exports_safely(text in "(\\PC|[\\x00-\\x1f\\u{202e}\\u{200b}])*") {
            let d = from_files("t", [("x.txt".to_string(), text.into_bytes())], &LoadOptions::default());
            let Some(a) = d.articles.first() else { return Ok(()); };
            let clips: Vec<Clipping> = a
                .paragraphs
                .iter()
                .flat_map(|p| p.sentences.iter())
                .map(|s| Clipping::new(&d, ArticleId(0), s, ClipKind::Sentence, None))
                .collect();
            let md = render(|w| write_markdown(w, &d, &clips, &md_opts(Grouping::BySource)));
            let txt = render(|w| write_text(w, &d, &clips, Grouping::InOrder, Holds::Clippings));
            let csv = render(|w| write_csv(w, &d, &clips));
            let csl = render(|w| write_csl(w, &d, &clips));
            serde_json::from_str::<serde_json::Value>(&csl).unwrap();
            for out in [&md, &txt, &csv] {
                prop_assert!(!out.chars().any(|c| c.is_control() && c != '\n' && c != '\r'));
            }
            let v: serde_json::Value = serde_json::from_str(&render(|w| write_json(w, &d, &clips))).unwrap();
            for c in v["clippings"].as_array().unwrap() {
                let (s, e) = (c["start"].as_u64().unwrap() as usize, c["end"].as_u64().unwrap() as usize);
                prop_assert_eq!(&a.text[s..e], c["text"].as_str().unwrap());
            }
        }
    }
}
