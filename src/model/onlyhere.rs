//! What only one source reports: the claims of an article that no article of another
//! outlet states (no claim cluster holds them with one), those stating a figure first.
//! `dossier claims --only-in` and the reader's "only here" view both read it.

use crate::model::claims::{claim_spans, Cluster};
use crate::model::{ArticleId, Dossier, Span};

/// A claim only one outlet states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnlyClaim {
    pub span: Span,
    /// The figures it states, as written (empty: a claim with no figure).
    pub figures: Vec<String>,
    /// Their spans in the article, in the same order.
    pub figure_spans: Vec<Span>,
}

/// The outlet an article stands for, else its file: two articles of one outlet are one
/// source.
fn source_key(d: &Dossier, a: ArticleId) -> String {
    let a = d.article(a);
    a.meta.outlet.as_deref().unwrap_or(&a.file).to_lowercase()
}

/// The claims of article `id` that no other outlet states in `clusters` (the dossier's
/// claim clusters), those with a figure first, then in reading order.
pub fn only_in(d: &Dossier, clusters: &[Cluster], id: ArticleId) -> Vec<OnlyClaim> {
    let a = d.article(id);
    let own = source_key(d, id);
    let shared: Vec<Span> = clusters
        .iter()
        .filter(|c| c.mentions.iter().any(|m| source_key(d, m.article) != own))
        .flat_map(|c| c.mentions.iter())
        .filter(|m| m.article == id)
        .map(|m| m.span)
        .collect();
    let mut rows: Vec<OnlyClaim> = claim_spans(a)
        .into_iter()
        .filter(|s| !shared.iter().any(|x| x.overlaps(*s)))
        .map(|span| {
            let figs = crate::model::facts::extract(&a.text, span).figures;
            OnlyClaim {
                span,
                figure_spans: figs.iter().map(|f| f.span).collect(),
                figures: figs.into_iter().map(|f| f.text).collect(),
            }
        })
        .collect();
    rows.sort_by_key(|r| (r.figures.is_empty(), r.span.start));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::{from_files, LoadOptions};

    /// A claim one outlet alone states is listed, figures first; a claim another outlet
    /// states too is not; and a second article of the same outlet is no other source.
    #[test]
    fn lists_what_no_other_outlet_states() {
        let files = [
            ("a.txt", "Port reopens\n\nThe harbour of Velmar will reopen next week after repairs to the breakwater.\n\nThe repairs cost 2.5 million euros from the regional fund.\n\nThe mayor thanked the dock workers for their patience.\n"),
            ("b.txt", "Velmar port\n\nThe harbour of Velmar will reopen next week after the breakwater repairs.\n\nFerries to the islands resume in June.\n"),
        ];
        let d = from_files(
            "t",
            files.map(|(f, t)| (f.to_string(), t.as_bytes().to_vec())),
            &LoadOptions::default(),
        );
        let clusters = crate::model::claims::cluster(&d);
        let only = only_in(&d, &clusters, ArticleId(0));
        let texts: Vec<&str> = only.iter().map(|o| d.articles[0].slice(o.span)).collect();
        assert!(texts[0].contains("2.5 million"), "{texts:?}");
        assert!(!only[0].figures.is_empty());
        assert!(texts.iter().any(|t| t.contains("thanked")), "{texts:?}");
        assert!(
            !texts.iter().any(|t| t.contains("reopen next week")),
            "{texts:?}"
        );
        // One outlet in two files: nothing the other file states is shared.
        let mut same = d.clone();
        for a in &mut same.articles {
            a.meta.outlet = Some("Velmar Daily".into());
        }
        let all = only_in(&same, &clusters, ArticleId(0));
        assert!(all.len() > only.len());
    }
}
