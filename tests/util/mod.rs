//! Helpers shared by the integration tests.
#![allow(dead_code, unused_macros)]

/// Skip (with a note) where tmux is missing; CI installs it.
macro_rules! need_tmux {
    () => {
        if !$crate::util::tmux::available() {
            eprintln!("tmux not found: end-to-end test skipped");
            return;
        }
    };
}

pub mod tmux;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture folder under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// The bundled seeds folder.
pub fn seeds() -> PathBuf {
    root().join("seeds")
}

/// Run the `dossier` binary with arguments.
#[track_caller]
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run dossier")
}

/// Run and return stdout, asserting success.
#[track_caller]
pub fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "dossier {args:?} failed ({:?}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Run and parse JSON from stdout.
#[track_caller]
pub fn json(args: &[&str]) -> serde_json::Value {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&ok(&all)).expect("valid JSON")
}

/// Path as &str.
pub fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}
