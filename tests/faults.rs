//! Bad files and export faults not covered in `cli.rs`/`export.rs`: files that cannot be
//! read (pipes, dangling links, devices), UTF-16 big-endian, a folder the export cannot
//! write to, and the clippings surviving every failed export. Tests run as root, where
//! permission bits do not stop reads, so "unreadable" is made of what fails for root too.

mod util;

use dossier::model::export::Clipping;
use dossier::model::load_bundled;
use dossier::model::ArticleId;
use dossier::state::{Change, Store};
use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use util::s;

/// Run dossier with its data folder in `data`, giving up (and failing) after 20 s.
#[track_caller]
fn run_in(data: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env("DOSSIER_DATA", data)
        .env("DOSSIER_CONFIG", data.join("config.toml"))
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dossier");
    let end = Instant::now() + Duration::from_secs(20);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > end {
            let _ = child.kill();
            panic!("dossier {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// A named pipe, a dangling link and a link to an endless device are skipped with a
/// message (the pipe used to hang the loader), and the rest loads.
#[cfg(unix)]
#[test]
fn unreadable_files_are_skipped_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("a_good.txt"), "The good story is here.").unwrap();
    let fifo = Command::new("mkfifo")
        .arg(p.join("b_pipe.txt"))
        .status()
        .expect("mkfifo");
    assert!(fifo.success());
    std::os::unix::fs::symlink(p.join("nowhere"), p.join("c_dangling.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", p.join("d_device.txt")).unwrap();
    let out = run_in(p, &["sources", s(p)]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("a_good.txt"));
    for (file, says) in [
        ("b_pipe.txt", "not a regular file"),
        ("c_dangling.txt", "cannot read"),
        ("d_device.txt", "not a regular file"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(says)),
            "{file}: {says}\n{err}"
        );
    }
}

/// UTF-16 big-endian with a BOM is decoded like little-endian.
#[test]
fn utf16_big_endian_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFE, 0xFF];
    for u in "A story in UTF-16BE.".encode_utf16() {
        bytes.extend(u.to_be_bytes());
    }
    fs::write(dir.path().join("a.txt"), bytes).unwrap();
    let out = run_in(dir.path(), &["read", s(dir.path()), "1"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("A story in UTF-16BE."));
}

/// Save two clippings of the bundled dossier in the data folder `data`.
fn save_clippings(data: &Path) {
    let d = load_bundled();
    let store = Store::at(data.join("state/bundled.json"), "bundled");
    for article in [0, 1] {
        let c = Clipping::paragraph_at(&d, ArticleId(article), 0, None).unwrap();
        store.apply(Change::AddClipping(c)).unwrap();
    }
}

/// The saved clippings as JSON (through the CLI).
fn clippings(data: &Path) -> serde_json::Value {
    let out = run_in(data, &["export", "--clippings", "--format", "json"]);
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).expect("json")
}

/// An export into a folder nobody can write (a read-only file system) fails with a
/// message naming it, leaves no file, and the clippings are all still there.
#[cfg(target_os = "linux")]
#[test]
fn export_to_unwritable_folder_keeps_clippings() {
    let data = tempfile::tempdir().unwrap();
    save_clippings(data.path());
    let before = clippings(data.path());
    assert_eq!(
        before["clippings"].as_array().map(Vec::len),
        Some(2),
        "{before}"
    );
    for target in ["/proc/dossier-export.md", "/sys/dossier-export.md"] {
        let out = run_in(data.path(), &["export", "--clippings", "-o", target]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{target}: {err}");
        assert!(err.contains("export failed"), "{err}");
        assert!(!Path::new(target).exists());
    }
    assert_eq!(clippings(data.path()), before, "clippings unchanged");
}

/// A refused export over an existing file keeps the file and the clippings; --force
/// replaces the file whole.
#[test]
fn existing_file_refused_clippings_kept() {
    let data = tempfile::tempdir().unwrap();
    save_clippings(data.path());
    let before = clippings(data.path());
    let target = data.path().join("out.md");
    fs::write(&target, "mine").unwrap();
    let out = run_in(data.path(), &["export", "--clippings", "-o", s(&target)]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&target).unwrap(), "mine");
    assert_eq!(clippings(data.path()), before);
    let out = run_in(
        data.path(),
        &["export", "--clippings", "-o", s(&target), "--force"],
    );
    assert!(out.status.success());
    assert!(fs::read_to_string(&target).unwrap().contains("Clippings:"));
    let leftovers: Vec<_> = fs::read_dir(data.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out.md") || n.contains(".tmp"))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new(), "no temporary file left");
}

/// A crash report holds the version, the message and the location, in a new file of
/// the data folder (created when missing), never over an earlier report.
#[test]
fn crash_report_written_to_data_folder() {
    use dossier::crash::{write_report, Crash};
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("not/yet");
    let crash = Crash {
        message: "index out of bounds".into(),
        location: Some("src/tui/app.rs:10:5".into()),
        thread: "main".into(),
    };
    let first = write_report(&dir, &crash).unwrap();
    let second = write_report(&dir, &crash).unwrap();
    assert_ne!(first, second);
    let text = fs::read_to_string(&first).unwrap();
    assert!(
        text.contains(concat!("dossier ", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );
    assert!(text.contains("message: index out of bounds"), "{text}");
    assert!(text.contains("location: src/tui/app.rs:10:5"), "{text}");
}

/// A crash report from a real panic payload and location.
#[test]
fn crash_from_panic_payload() {
    use dossier::crash::Crash;
    let payload: Box<dyn std::any::Any + Send> = Box::new(String::from("boom 42"));
    let c = Crash::from_panic(payload.as_ref(), Some(std::panic::Location::caller()));
    assert_eq!(c.message, "boom 42");
    assert!(c.location.unwrap().contains("faults.rs"));
    let payload: Box<dyn std::any::Any + Send> = Box::new("static boom");
    assert_eq!(
        Crash::from_panic(payload.as_ref(), None).message,
        "static boom"
    );
}
