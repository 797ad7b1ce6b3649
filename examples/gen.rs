//! Write a synthetic dossier to a folder:
//! `cargo run --release --example gen -- [--html] DIR ARTICLES [SEED]`
//! (`--html`: the same articles as web pages, `00000.html` …).

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let html = args.iter().any(|a| a == "--html");
    args.retain(|a| a != "--html");
    let mut args = args.into_iter();
    let usage = "usage: gen [--html] DIR ARTICLES [SEED]";
    let dir = PathBuf::from(args.next().ok_or_else(|| anyhow::anyhow!(usage))?);
    let n: usize = args.next().ok_or_else(|| anyhow::anyhow!(usage))?.parse()?;
    let seed: u64 = args.next().map_or(Ok(1), |s| s.parse())?;
    std::fs::create_dir_all(&dir)?;
    let files = if html {
        dossier::synth::html::generate_html(seed, n)
    } else {
        dossier::synth::generate(seed, n)
    };
    let mut bytes = 0;
    for (name, text) in files {
        bytes += text.len();
        std::fs::write(dir.join(name), text)?;
    }
    let what = if html { "pages" } else { "articles" };
    eprintln!("wrote {n} {what} ({bytes} bytes) to {}", dir.display());
    Ok(())
}
