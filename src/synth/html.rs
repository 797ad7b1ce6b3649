//! The synthetic dossier as web pages, for the HTML benchmarks and `examples/gen --html`:
//! each generated article wrapped the way a news site serves it, with the furniture the
//! extractor has to see past (a navigation menu, scripts and styles, a figure with its
//! caption, a related-stories list, a footer) and the metadata it reads (Open Graph and
//! `article:` tags, a canonical link, JSON-LD).

use super::{generate, Rng};

/// Invented outlets the pages are spread over (name, host).
const OUTLETS: &[(&str, &str)] = &[
    ("Valley Courier", "news.valley.example"),
    ("The River Post", "www.riverpost.example"),
    ("East Bank Gazette", "eastbank.example"),
    ("Harbour Herald", "www.harbourherald.example"),
    ("Coast Gazette", "coastgazette.example"),
];

/// `s` with the characters HTML gives meaning to escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The page for one generated article (its text's first line is the headline): about
/// twice the text's size once wrapped, as real pages are several times their story.
pub fn page(i: usize, text: &str, rng: &mut Rng) -> String {
    let (outlet, host) = *rng.pick(OUTLETS);
    let mut paras = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
    let title = escape(paras.next().unwrap_or("Untitled"));
    let slug: String = title
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    let url = format!("https://{host}/news/{i}-{slug}");
    let date = format!(
        "2024-{:02}-{:02}T{:02}:{:02}:00+01:00",
        1 + rng.below(12),
        1 + rng.below(28),
        rng.below(24),
        rng.below(60)
    );
    let mut body = String::new();
    for (n, p) in paras.enumerate() {
        body.push_str(&format!("<p>{}</p>\n", escape(p)));
        if n == 1 {
            body.push_str(
                "<figure><img src=\"photo.jpg\" alt=\"\"><figcaption>The scene on the \
                 first day. Photo: Staff photographer</figcaption></figure>\n",
            );
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
         <title>{title} - {outlet}</title>\n\
         <meta property=\"og:title\" content=\"{title}\">\n\
         <meta property=\"og:site_name\" content=\"{outlet}\">\n\
         <meta property=\"og:url\" content=\"{url}\">\n\
         <meta property=\"article:published_time\" content=\"{date}\">\n\
         <link rel=\"canonical\" href=\"{url}\">\n\
         <style>body {{ font-family: serif; }} .nav li {{ display: inline; }}</style>\n\
         <script>window.dataLayer = window.dataLayer || []; dataLayer.push({{page: \"{i}\"}});</script>\n\
         <script type=\"application/ld+json\">{{\"@context\": \"https://schema.org\", \
         \"@type\": \"NewsArticle\", \"headline\": \"{title}\", \"datePublished\": \"{date}\", \
         \"publisher\": {{\"@type\": \"Organization\", \"name\": \"{outlet}\"}}}}</script>\n\
         </head><body>\n\
         <header><a href=\"/\">{outlet}</a><ul class=\"nav\"><li><a href=\"/world\">World</a></li>\
         <li><a href=\"/politics\">Politics</a></li><li><a href=\"/sport\">Sport</a></li>\
         <li><a href=\"/weather\">Weather</a></li></ul></header>\n\
         <main><article><h1>{title}</h1>\n{body}</article>\n\
         <aside><h2>Most read</h2><ul><li><a href=\"/a\">Council approves new budget</a></li>\
         <li><a href=\"/b\">Storm warning for the weekend</a></li>\
         <li><a href=\"/c\">Local team wins the cup</a></li></ul></aside></main>\n\
         <footer><p>&copy; 2024 {outlet}. All rights reserved.</p>\
         <p><a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></p></footer>\n\
         </body></html>\n"
    )
}

/// The dossier of [`generate`] with the same seed and size, as pages (`00000.html` …):
/// the same stories, so loading both compares the cost of the markup alone.
pub fn generate_html(seed: u64, articles: usize) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed.wrapping_add(0x4854_4d4c));
    generate(seed, articles)
        .into_iter()
        .enumerate()
        .map(|(i, (name, text))| {
            let stem = name.strip_suffix(".txt").unwrap_or(&name);
            (format!("{stem}.html"), page(i, &text, &mut rng))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A generated page loads with the article's body paragraphs and the page's outlet,
    /// date and address, while menu, scripts, related list and footer stay out of the body.
    #[test]
    fn pages_read_back_as_their_articles() {
        let pages = generate_html(3, 4);
        let texts = generate(3, 4);
        let files = pages
            .iter()
            .map(|(n, t)| (n.clone(), t.clone().into_bytes()));
        let d = crate::model::load::from_files("t", files, &Default::default());
        assert_eq!(d.articles.len(), 4);
        for (a, (_, text)) in d.articles.iter().zip(&texts) {
            assert!(
                a.meta.outlet.is_some() && a.meta.date.is_some(),
                "{:?}",
                a.meta
            );
            assert!(a
                .meta
                .url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://")));
            let body: String = a
                .paragraphs
                .iter()
                .filter(|p| p.kind == crate::model::ParaKind::Body)
                .map(|p| &a.text[p.span.range()])
                .collect::<Vec<_>>()
                .join("\n");
            let second = text.split("\n\n").nth(1).unwrap_or("");
            assert!(body.contains(second.trim()), "{second}\n---\n{body}");
            for furniture in ["dataLayer", "Most read", "All rights reserved", "Politics"] {
                assert!(!body.contains(furniture), "{furniture} in {body}");
            }
        }
    }

    /// The same seed gives the same pages.
    #[test]
    fn deterministic() {
        assert_eq!(generate_html(5, 3), generate_html(5, 3));
    }
}
