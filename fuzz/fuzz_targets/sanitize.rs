//! Fuzz the sanitizer: its output never holds a control or invisible character.
#![no_main]

use dossier::model::sanitize::{is_unsafe, sanitize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let out = sanitize(s, false);
    assert!(!out.chars().any(is_unsafe));
    let kept = sanitize(s, true);
    assert!(!kept.chars().any(|c| c != '\n' && is_unsafe(c)));
    let flowing = dossier::model::sanitize::sanitize_flowing(s);
    assert!(!flowing.chars().any(|c| is_unsafe(c) || c == '\n' || c == '\r'));
});
