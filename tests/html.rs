//! A dossier of saved web pages through the CLI: metadata from the markup, decoding,
//! warnings, and offsets into the extracted text.

mod util;
use util::*;

fn row<'a>(rows: &'a serde_json::Value, file: &str) -> &'a serde_json::Value {
    rows.as_array()
        .and_then(|r| r.iter().find(|r| r["article"] == file))
        .unwrap_or_else(|| panic!("no row for {file} in {rows}"))
}

/// Every page loads, with title, outlet, dates and URL from its markup; `url` and
/// `updated` are null where the page gives none (a placeholder date is none).
#[test]
fn pages_give_their_metadata() {
    let v = json(&["sources", s(&fixture("html"))]);
    assert_eq!(v.as_array().map(Vec::len), Some(6), "{v}");
    let og = row(&v, "01_og.html");
    assert_eq!(og["title"], "Council backs new river bridge");
    assert_eq!(og["outlet"], "Valley Courier");
    assert_eq!(og["author"], "Ann Lee");
    assert_eq!(og["date"], "2024-03-05T18:40:00+01:00");
    assert_eq!(og["updated"], "2024-03-06T09:15:00+01:00");
    assert_eq!(og["url"], "https://news.valley.example/2024/03/bridge-vote");
    let ld = row(&v, "02_jsonld.html");
    assert_eq!(ld["outlet"], "The River Post");
    assert_eq!(ld["author"], "Bo Park");
    assert_eq!(ld["date"], "2024-03-04T07:00:00Z");
    assert!(ld["updated"].is_null(), "{ld}");
    assert_eq!(
        ld["url"],
        "https://www.riverpost.example/reports/bridge-cracks"
    );
    let saved = row(&v, "03_saved.htm");
    assert_eq!(saved["title"], "Town hall packed for bridge meeting");
    assert_eq!(saved["outlet"], "East Bank Gazette");
    assert_eq!(
        saved["author"], "Carl Dunn",
        "the byline Readability takes out"
    );
    assert_eq!(saved["date"], "2024-03-04T23:10:00-05:00");
    assert_eq!(
        saved["url"],
        "https://www.eastbank.example/town/bridge-meeting"
    );
    let txt = row(&v, "06_page.txt");
    assert_eq!(txt["date"], "2024-03-07");
    assert!(txt["url"].is_null() && txt["updated"].is_null(), "{txt}");
}

/// A declared Windows-1252 page and an undeclared Shift_JIS page read right.
#[test]
fn legacy_encodings_decode() {
    let fr = json(&["read", s(&fixture("html")), "04_cp1252.html"]);
    let text: Vec<&str> = fr["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["text"].as_str())
        .collect();
    assert!(
        text.iter()
            .any(|t| t.contains("« Nous ne pouvons plus réparer")),
        "{text:?}"
    );
    assert_eq!(fr["outlet"], "Courrier de la Vallée");
    let ja = json(&["read", s(&fixture("html")), "05_sjis.html"]);
    assert_eq!(ja["title"], "川の橋、架け替えへ");
    assert!(ja["paragraphs"][0]["text"]
        .as_str()
        .unwrap()
        .starts_with("町議会は火曜日"));
}

/// A `.txt` that is a page is read as one, with a warning; PDFs, images and a saved
/// page's `_files` folder are skipped with one warning that counts them.
#[test]
fn warnings_for_html_txt_and_other_files() {
    let out = run(&["sources", s(&fixture("html"))]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("06_page.txt") && err.contains("read as a web page"),
        "{err}"
    );
    assert_eq!(err.matches("not an article").count(), 1, "{err}");
    assert!(err.contains("skipped 3 entries"), "{err}");
}

/// The caption is a caption paragraph, and every paragraph's offsets index the text that
/// `read --source --raw` prints.
#[test]
fn offsets_index_the_source_text() {
    let dir = fixture("html");
    let source = ok(&["read", s(&dir), "01_og.html", "--source", "--raw"]);
    let v = json(&["read", s(&dir), "01_og.html"]);
    let paras = v["paragraphs"].as_array().unwrap();
    for p in paras {
        let (a, b) = (
            p["start"].as_u64().unwrap() as usize,
            p["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&source[a..b], p["text"].as_str().unwrap());
    }
    let caption: Vec<_> = paras.iter().filter(|p| p["kind"] == "caption").collect();
    assert_eq!(caption.len(), 1, "{paras:?}");
    assert_eq!(
        caption[0]["text"],
        "The old bridge seen from the east bank."
    );
    assert!(
        !source.contains("Subscribe to our newsletter")
            || paras.iter().any(|p| p["kind"] == "boilerplate")
    );
}

/// `read --source` on a text article prints the file itself.
#[test]
fn source_of_a_text_article_is_the_file() {
    let file = seeds().join("000_a746009515ada104.txt");
    let printed = ok(&["read", s(&seeds()), "1", "--source", "--raw"]);
    assert_eq!(printed, std::fs::read_to_string(file).unwrap());
}

/// A page whose `<title>` carries escape sequences prints them as pictures, never raw.
#[test]
fn escapes_in_a_page_title_are_shown_safely() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<!DOCTYPE html><html><head><title>\x1b]0;pwned\x07Bridge \x1b[2J vote - Valley Courier</title></head>\
        <body><article><p>The council voted on Tuesday to rebuild the bridge, the mayor said.</p>\
        <p>Work starts in spring and will take eighteen months, officials said on Tuesday.</p></article></body></html>";
    std::fs::write(dir.path().join("a.html"), page).unwrap();
    let out = ok(&["sources", s(dir.path()), "--width", "120"]);
    assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
    assert!(out.contains('␛'), "{out}");
}

/// A manifest entry overrides what the page says, `updated` included; the manifest is
/// not counted among the skipped files.
#[test]
fn manifest_overrides_page_metadata() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("html").join("01_og.html"),
        dir.path().join("a.html"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("dossier.toml"),
        "[articles.\"a.html\"]\noutlet = \"Given Outlet\"\nupdated = \"2024-04-01\"\n",
    )
    .unwrap();
    let out = run(&["sources", s(dir.path()), "--format", "json"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("not an article"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["outlet"], "Given Outlet");
    assert_eq!(v[0]["updated"], "2024-04-01");
    assert_eq!(v[0]["date"], "2024-03-05T18:40:00+01:00");
}

/// An embedded social post stays in a page's story, as the page prints it (in pasted text
/// the same lines are furniture).
#[test]
fn embedded_post_in_a_page_is_story() {
    let dir = tempfile::tempdir().unwrap();
    let para = |s: &str| format!("<p>{s}</p>");
    let story: String = [
        "The council voted on Monday to reopen the river bridge after two years of repairs, the mayor said at a meeting in the town hall.",
        "Engineers had found deep cracks in the supports in the spring of last year, and the crossing was closed to all traffic within a week.",
        "Residents who had driven a long way round every day for two years welcomed the vote, and several posted photos of the first cars.",
    ]
    .iter()
    .map(|s| para(s))
    .collect();
    let post = "<blockquote><p>The bridge is open at last, thank you to every worker who made it happen pic.twitter.com/abc123</p>— Jane Roe (@janeroe) March 3, 2021</blockquote>";
    let html = format!(
        "<!doctype html><html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>{story}{post}{}</article></body></html>",
        para("The mayor said the repairs had cost more than the town had planned, but that the bridge would now last for another fifty years.")
    );
    std::fs::write(dir.path().join("page.html"), html).unwrap();
    let v = json(&["read", s(dir.path()), "1"]);
    let paras = v["paragraphs"].as_array().unwrap();
    let post = paras
        .iter()
        .find(|p| p["text"].as_str().unwrap().contains("pic.twitter.com"))
        .unwrap_or_else(|| panic!("the post is in the extracted text: {v}"));
    assert_eq!(post["kind"], "body", "{v}");
}

/// A story paragraph whose two sentences a `<br>` parts, right under the page's date
/// stamp, is story; the short titles under a "Most read" heading are appended links.
#[test]
fn broken_paragraph_under_a_stamp_is_story_and_link_list_is_appended() {
    let dir = tempfile::tempdir().unwrap();
    let para = |s: &str| format!("<p>{s}</p>");
    let lede = "<p>The council voted on Monday to reopen the river bridge after two years of repairs, the mayor said at a meeting in the town hall.<br>Engineers had found deep cracks in the supports in the spring of last year, and the crossing was closed to all traffic within a week.</p>";
    let rest: String = [
        "Residents who had driven a long way round every day for two years welcomed the vote, and several posted photos of the first cars.",
        "The mayor said the repairs had cost more than the town had planned, but that the bridge would now last for another fifty years.",
    ]
    .iter()
    .map(|s| para(s))
    .collect();
    let links = "<p>Most read</p><p>Harbour master named after long search<br>Why are eggs so expensive this spring?<br>School fair returns to the park</p>";
    let html = format!(
        "<!doctype html><html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1><p>Published March 3, 2021</p>{lede}{rest}{links}</article></body></html>"
    );
    std::fs::write(dir.path().join("page.html"), html).unwrap();
    let v = json(&["read", s(dir.path()), "1"]);
    let paras = v["paragraphs"].as_array().unwrap();
    let kind_of = |needle: &str| {
        paras
            .iter()
            .find(|p| p["text"].as_str().unwrap().contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} is in the extracted text: {v}"))["kind"]
            .clone()
    };
    assert_eq!(kind_of("deep cracks"), "body", "{v}");
    assert_eq!(kind_of("Harbour master"), "appended", "{v}");
}

/// Every `sources` row carries `url` (null when unknown) beside `outlet`, `date`,
/// `updated`, `title` and `author`, for web pages and text articles alike.
#[test]
fn every_source_row_has_url() {
    for dir in [fixture("html"), fixture("web"), seeds()] {
        let v = json(&["sources", s(&dir)]);
        for r in v.as_array().expect("rows") {
            for key in ["url", "outlet", "date", "updated", "title", "author"] {
                let field = r.get(key).unwrap_or_else(|| panic!("{key} missing: {r}"));
                assert!(field.is_null() || field.is_string(), "{key}: {r}");
            }
        }
    }
}
