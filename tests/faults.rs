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

/// Make a named pipe at `p`.
#[cfg(unix)]
fn mkfifo(p: &Path) {
    let ok = Command::new("mkfifo").arg(p).status().expect("mkfifo");
    assert!(ok.success());
}

/// A `dossier.toml` that is a pipe or a link to `/dev/zero` is refused at once with a
/// message naming it (the pipe hung the loader; the device was read without limit).
#[cfg(unix)]
#[test]
fn manifest_pipe_or_device_refused_not_waited_on() {
    for device in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        fs::write(p.join("a.txt"), "The story is here.").unwrap();
        if device {
            std::os::unix::fs::symlink("/dev/zero", p.join("dossier.toml")).unwrap();
        } else {
            mkfifo(&p.join("dossier.toml"));
        }
        let out = run_in(p, &["sources", s(p)]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains("dossier.toml") && err.contains("not a regular file"),
            "{err}"
        );
    }
}

/// The largest `--max-bytes` is no limit, not an overflow that skipped every article as
/// empty.
#[test]
fn max_bytes_at_the_top_of_its_range_loads() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("a.txt"), "Title\n\nThe story is here.").unwrap();
    let out = run_in(p, &["sources", s(p), "--max-bytes", "18446744073709551615"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("skipped"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("a.txt"));
}

/// A file whose name is not UTF-8 loads (opened by its OS path), is shown lossily, and
/// is read by its index.
#[cfg(unix)]
#[test]
fn non_utf8_file_name_loads() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    fs::write(p.join(name), "Title\n\nThe caf\u{e9} story is here.").unwrap();
    let out = run_in(p, &["sources", s(p)]);
    let (stdout, err) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{err}");
    assert!(stdout.contains("caf\u{fffd}.txt"), "{stdout}");
    assert!(!err.contains("No such file"), "{err}");
    let read = run_in(p, &["read", s(p), "1"]);
    assert!(String::from_utf8_lossy(&read.stdout).contains("story is here"));
}

/// `export --force` onto a named pipe or a device refuses, naming the path, and leaves
/// it as it was; onto a link to a regular file it writes.
#[cfg(unix)]
#[test]
fn export_force_refuses_non_regular_files() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let fifo = p.join("out.md");
    mkfifo(&fifo);
    let out = run_in(p, &["export", "--format", "md", "-o", s(&fifo), "--force"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    let null = p.join("null.md");
    std::os::unix::fs::symlink("/dev/null", &null).unwrap();
    let out = run_in(p, &["export", "--format", "md", "-o", s(&null), "--force"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
    let real = p.join("real.md");
    fs::write(&real, "old").unwrap();
    let link = p.join("link.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = run_in(p, &["export", "--format", "md", "-o", s(&link), "--force"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
