//! Crash reports: a panic anywhere leaves a short report (version, message, location) in
//! the data folder and says where on stderr.
//!
//! [`install_hook`] runs first thing in `main`, before the reader's `ratatui::init`
//! installs its own hook over it: on a panic ratatui restores the terminal, then calls
//! this hook, so the report's path is printed on the restored screen, not under the
//! alternate one. The writer ([`write_report`]) takes the folder as an argument so tests
//! need no terminal and no panic.

use std::any::Any;
use std::fmt::Write as _;
use std::panic::Location;
use std::path::{Path, PathBuf};

/// An environment variable that makes the reader panic on `?` (or, set to `worker`, its
/// background analysis at once), so end-to-end tests can check the terminal is restored
/// and the report written. Not for users.
pub const TEST_PANIC_ENV: &str = "DOSSIER_TEST_PANIC";

/// Set by the hook: a panic happened somewhere (a worker thread's too).
static PANICKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// True once any thread has panicked: the reader stops rather than drawing on a terminal
/// the panic hook has already given back.
pub fn panicked() -> bool {
    PANICKED.load(std::sync::atomic::Ordering::SeqCst)
}

/// What a crash report says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crash {
    pub message: String,
    /// `file:line:column` of the panic, when known.
    pub location: Option<String>,
    pub thread: String,
}

impl Crash {
    /// The crash a panic describes, from its payload and location.
    pub fn from_panic(payload: &(dyn Any + Send), location: Option<&Location<'_>>) -> Crash {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(a panic without a message)".to_string());
        Crash {
            message,
            location: location.map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column())),
            thread: std::thread::current()
                .name()
                .unwrap_or("unnamed")
                .to_string(),
        }
    }

    /// The report's text.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "dossier {} crashed", env!("CARGO_PKG_VERSION"));
        let _ = writeln!(s, "message: {}", self.message);
        let _ = writeln!(
            s,
            "location: {}",
            self.location.as_deref().unwrap_or("unknown")
        );
        let _ = writeln!(s, "thread: {}", self.thread);
        let _ = writeln!(s, "os: {} {}", std::env::consts::OS, std::env::consts::ARCH);
        let _ = writeln!(
            s,
            "Please report it with this file; your clippings were saved as you made them."
        );
        s
    }
}

/// Write `crash`'s report into `dir` (created if missing) as `crash-<secs>-<pid>.txt`,
/// never over an existing report; the path written.
pub fn write_report(dir: &Path, crash: &Crash) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let stem = format!("crash-{secs}-{}", std::process::id());
    let mut path = dir.join(format!("{stem}.txt"));
    let mut n = 1;
    loop {
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                std::io::Write::write_all(&mut f, crash.report().as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => {
                path = dir.join(format!("{stem}-{n}.txt"));
                n += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Install the crash-report hook over the current one (which still runs first, printing
/// the panic message). Call before `ratatui::init`.
pub fn install_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        let crash = Crash::from_panic(info.payload(), info.location());
        match crate::state::data_dir().map(|d| write_report(&d, &crash)) {
            Some(Ok(path)) => eprintln!(
                "dossier crashed; a report was written to {}",
                crate::model::sanitize::sanitize(&path.display().to_string(), false)
            ),
            Some(Err(e)) => eprintln!("dossier crashed; could not write a crash report: {e}"),
            None => eprintln!("dossier crashed; no data folder for a crash report"),
        }
        // Last: the reader stops on this, and exiting must not cut the report short.
        PANICKED.store(true, std::sync::atomic::Ordering::SeqCst);
    }));
}
