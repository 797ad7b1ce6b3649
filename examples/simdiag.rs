//! Print every claim of a dossier and every claim pair's similarity between two articles,
//! as JSON, for studying the alignment: `cargo run --release --example simdiag -- DIR`.

use dossier::model::claims::{dossier_claims, similarity};
use dossier::model::{load_path, LoadOptions};

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: simdiag DIR"))?;
    let d = load_path(std::path::Path::new(&dir), &LoadOptions::default())?;
    let (corpus, claims) = dossier_claims(&d);
    let names: std::collections::HashMap<u32, &String> =
        corpus.ids.iter().map(|(k, v)| (*v, k)).collect();
    let pick: Vec<(usize, usize)> = std::env::args()
        .skip(2)
        .filter_map(|a| {
            let (x, y) = a.split_once(':')?;
            Some((x.parse().ok()?, y.parse().ok()?))
        })
        .collect();
    if pick.len() == 2 {
        for &(a, i) in &pick {
            let c = &claims[a][i];
            let show = |v: &[(u32, f32)]| {
                v.iter()
                    .map(|(t, w)| {
                        let cn = if corpus.is_common_name(*t) { "*" } else { "" };
                        format!("{}{cn}={w:.2}", names[t])
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            println!("{a}:{i} norm {:.2}: {}", c.norm, show(&c.terms));
            for (s, _) in c.segments.iter() {
                println!("   seg: {}", show(s));
            }
        }
        let (x, y) = (&claims[pick[0].0][pick[0].1], &claims[pick[1].0][pick[1].1]);
        println!("similarity {:.3}", similarity(&corpus, x, y));
        return Ok(());
    }
    let mut out = Vec::new();
    for (ai, ca) in claims.iter().enumerate() {
        for (bi, cb) in claims.iter().enumerate().skip(ai + 1) {
            for (i, a) in ca.iter().enumerate() {
                for (j, b) in cb.iter().enumerate() {
                    let s = similarity(&corpus, a, b);
                    if s > 0.0 {
                        out.push(serde_json::json!([ai, i, bi, j, s]));
                    }
                }
            }
        }
    }
    let spans: Vec<Vec<(usize, usize)>> = claims
        .iter()
        .map(|cs| cs.iter().map(|c| (c.span.start, c.span.end)).collect())
        .collect();
    let dump: Vec<Vec<serde_json::Value>> = claims
        .iter()
        .map(|cs| {
            cs.iter()
                .map(|c| {
                    let v = |ts: &[(u32, f32)]| -> Vec<serde_json::Value> {
                        ts.iter()
                            .map(|(t, w)| serde_json::json!([names[t], w, corpus.is_common_name(*t)]))
                            .collect()
                    };
                    serde_json::json!({
                        "terms": v(&c.terms),
                        "segs": c.segments.iter().map(|(s, _)| v(s)).collect::<Vec<_>>(),
                        "figures": c.facts.figures.iter().map(|f| serde_json::json!([f.kind.as_str(), f.value, f.what.is_some()])).collect::<Vec<_>>(),
                        "lik": c.facts.likelihood.len(),
                    })
                })
                .collect()
        })
        .collect();
    let files: Vec<String> = d.articles.iter().map(|a| a.file.clone()).collect();
    println!(
        "{}",
        serde_json::json!({"files": files, "spans": spans, "sims": out, "claims": dump})
    );
    Ok(())
}
