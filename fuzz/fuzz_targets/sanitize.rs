//! Fuzz the sanitizers: their output never holds a control or invisible character (a
//! joiner only inside an emoji sequence), on screen, in flowing text and in what is
//! copied to the clipboard.
#![no_main]

use dossier::model::sanitize::{for_clipboard, sanitize, sanitize_flowing, shows_safely};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    assert!(shows_safely(&sanitize(s, false), |_| false));
    assert!(shows_safely(&sanitize(s, true), |c| c == '\n'));
    let flowing = sanitize_flowing(s);
    assert!(shows_safely(&flowing, |_| false) && !flowing.contains(['\n', '\r']));
    let copied = for_clipboard(s);
    assert!(shows_safely(&copied, |c| c == '\n' || c == '\t'));
    assert!(!copied.contains(['\x1b', '\r']));
});
