//! Print every figure of every claim of a dossier with the frame the quantities key it by,
//! one line each, for studying figure extraction: `cargo run --release --example figdiag -- DIR`.

use dossier::model::claims::dossier_claims;
use dossier::model::facts::compat::measured;
use dossier::model::{load_path, LoadOptions};

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: figdiag DIR"))?;
    let d = load_path(std::path::Path::new(&dir), &LoadOptions::default())?;
    let (_, claims) = dossier_claims(&d);
    for c in claims.iter().flatten() {
        let a = &d.articles[c.article.0];
        for f in &c.facts.figures {
            println!(
                "{} {:?} {:?} {} q={:?} what={:?} out={:?} meas={:?} scope={:?} year={:?} about={:?} prior={} inc={} back={} => {:?} | {:?} | {}",
                &a.file[..a.file.len().min(12)],
                f.kind,
                f.text,
                f.value,
                f.qualifier,
                f.what,
                f.outcome,
                f.frame.measure,
                f.frame.scope,
                f.frame.year,
                f.frame.about,
                f.frame.prior,
                f.frame.increment,
                f.frame.points_back,
                measured(f),
                c.facts.attribution_for(f.span).map(|x| x.text.clone()),
                a.text.get(c.span.range()).unwrap_or("").replace('\n', " ")
            );
        }
    }
    Ok(())
}
