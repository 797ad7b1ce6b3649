//! Write a synthetic dossier to a folder: `cargo run --release --example gen -- DIR ARTICLES [SEED]`.

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: gen DIR ARTICLES [SEED]";
    let dir = PathBuf::from(args.next().ok_or_else(|| anyhow::anyhow!(usage))?);
    let n: usize = args.next().ok_or_else(|| anyhow::anyhow!(usage))?.parse()?;
    let seed: u64 = args.next().map_or(Ok(1), |s| s.parse())?;
    std::fs::create_dir_all(&dir)?;
    let mut bytes = 0;
    for (name, text) in dossier::synth::generate(seed, n) {
        bytes += text.len();
        std::fs::write(dir.join(name), text)?;
    }
    eprintln!("wrote {n} articles ({bytes} bytes) to {}", dir.display());
    Ok(())
}
