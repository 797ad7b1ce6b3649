//! Fuzz the manifest: any text parses or fails with a located error, never a panic, and
//! every url or date it keeps is a clean http(s) address or a date.
#![no_main]

use dossier::model::load::manifest::{is_date, is_web_url};
use dossier::model::load::parse_manifest;
use dossier::model::sanitize::is_unsafe;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let Ok(m) = parse_manifest(std::path::Path::new("dossier.toml"), s) else {
        return;
    };
    for a in m.articles.values() {
        if let Some(u) = a.url.as_deref().filter(|u| is_web_url(u)) {
            assert!(u.starts_with("http") || u.starts_with("HTTP"));
            assert!(!u.chars().any(|c| is_unsafe(c) || c.is_whitespace()));
        }
        if let Some(d) = a.date.as_deref().filter(|d| is_date(d)) {
            assert!(!d.chars().any(is_unsafe));
        }
    }
});
