//! The reader's driver: terminal lifecycle, the event loop, and carrying out effects.
//!
//! The loop blocks on the next terminal event (idle CPU ≈ 0); only while background work
//! runs does it wake every 80 ms (20 ms while the finder matches on a worker), to take
//! results and turn the spinner. Settings (keymap, theme) come from `config.toml`, and
//! the dossier's saved state (clippings, reading position) from its state file, which
//! every change is written to as it is made. Keys become
//! actions in the keymap, actions become state and effects in `App::update`, and the
//! effects (quit, suspend, start a job) happen here. The terminal is restored on quit, on
//! error and on panic (ratatui's hook, installed over ours, which releases the mouse).

pub mod action;
pub mod analysis;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod theme;
pub mod view;
pub mod wrap;

#[cfg(test)]
pub(crate) mod fixtures;

use crate::fsutil::{write_atomic, Clobber, WriteError};
use crate::model::{claims, export, Dossier};
use crate::state::{Change, Store};
use action::{Action, Effect};
use anyhow::{Context, Result};
use app::App;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::DefaultTerminal;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// Run the reader on a loaded dossier (from `path`, None for the bundled one) until the
/// user quits.
pub fn run(dossier: Dossier, path: Option<PathBuf>) -> Result<()> {
    run_loading(path, true, move || Ok(dossier))
}

/// Open the reader at once and run `load` on a worker thread meanwhile (a large dossier
/// takes seconds), then read until the user quits. `path` names the dossier for its
/// saved state (None: the bundled one); `corrections` false shows dossier's own reading
/// (`--no-corrections`). A load error restores the terminal and is returned; q or Ctrl-C
/// quit while loading.
pub fn run_loading<F>(path: Option<PathBuf>, corrections: bool, load: F) -> Result<()>
where
    F: FnOnce() -> Result<Dossier> + Send + 'static,
{
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture, Show);
        previous(info);
    }));
    let mut terminal = ratatui::try_init().context("could not set up the terminal")?;
    let signals = restore_on_signals();
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let result = match loading(&mut terminal, load) {
        Ok(Some(dossier)) => event_loop(&mut terminal, dossier, path.as_deref(), corrections),
        Ok(None) => Ok(()),
        Err(e) => Err(e),
    };
    if let Some(handle) = signals {
        handle.close();
    }
    give_back_terminal();
    result
}

/// Leave the terminal as the reader found it: mouse released, main screen, raw mode off,
/// cursor shown.
fn give_back_terminal() {
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = execute!(std::io::stdout(), Show);
}

/// On SIGTERM, SIGINT or SIGHUP (a `kill`, a closed terminal window), give the terminal
/// back before exiting with 128 + the signal, as a shell reports it; without this the
/// shell was left in the alternate screen with mouse tracking on and no cursor. None
/// when the handlers cannot be installed (the reader still runs).
fn restore_on_signals() -> Option<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]).ok()?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            give_back_terminal();
            std::process::exit(128 + sig);
        }
    });
    Some(handle)
}

/// Show a spinner until `load` finishes on its thread; None when the user quit first.
fn loading<F>(terminal: &mut DefaultTerminal, load: F) -> Result<Option<Dossier>>
where
    F: FnOnce() -> Result<Dossier> + Send + 'static,
{
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let _ = tx.send(load());
    });
    let keymap = keymap::Keymap::default();
    for tick in 0.. {
        match rx.try_recv() {
            Ok(loaded) => return loaded.map(Some),
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                anyhow::bail!("loading the dossier stopped unexpectedly")
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
        terminal.draw(|f| view::render_loading(f, tick))?;
        if event::poll(Duration::from_millis(100))? {
            let ev = event::read()?;
            if let Some(Action::Quit | Action::BackOrQuit) =
                keymap.resolve(keymap::Mode::Sources, &ev)
            {
                return Ok(None);
            }
        }
    }
    Ok(None)
}

/// What the driver holds besides the app: the dossier shown (corrected), dossier's own
/// reading of it (which corrections are applied to), the channel results come back on,
/// and the dossier's state store (None when there is no data folder).
struct Driver {
    dossier: Arc<Dossier>,
    raw: Arc<Dossier>,
    tx: Sender<Action>,
    store: Option<Store>,
    /// How many analyses were started: a worker's result is taken only from the last.
    analyses: Arc<AtomicU64>,
}

/// The app with the user's settings: keymap and theme from `config.toml` over the
/// defaults; what was wrong with the file goes to the status bar.
fn configured_app(dossier: Arc<Dossier>) -> App {
    let loaded = crate::config::load();
    let (theme, theme_warning) = theme::Theme::named(&loaded.config.theme);
    let (keymap, key_warnings) = keymap::Keymap::default().with_overrides(&loaded.config.keys);
    let mut app = App::new(dossier, theme);
    app.keymap = keymap;
    let warnings: Vec<String> = loaded
        .warning
        .into_iter()
        .chain(theme_warning)
        .chain(key_warnings)
        .collect();
    if !warnings.is_empty() {
        app.message = Some(warnings.join(" · "));
    }
    app
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    dossier: Dossier,
    path: Option<&Path>,
    corrections: bool,
) -> Result<()> {
    let raw = Arc::new(dossier);
    let store = Store::for_dossier(path);
    let restored = match &store {
        Ok(s) => s.load().map(Box::new).map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    // The saved corrections are applied before the first frame and the first analysis.
    let saved = match (&restored, corrections) {
        (Ok(l), true) => l.state.corrections.clone(),
        _ => Vec::new(),
    };
    let dossier = correct_dossier(&raw, &saved);
    let mut app = configured_app(dossier.clone());
    app.correct.off = !corrections;
    app.correct.applied = saved;
    app.correct.folder = path.filter(|p| p.is_dir()).map(Path::to_path_buf);
    // Start-up work sets its own messages: the settings' warnings go first.
    let config_warning = app.message.take();
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let (tx, rx) = channel::<Action>();
    let mut effects = app.start();
    app.note_stale();
    if let Some(w) = config_warning {
        app.message = Some(match app.message.take() {
            Some(m) => format!("{w} · {m}"),
            None => w,
        });
    }
    effects.extend(app.update(Action::Restored(restored)));
    let mut driver = Driver {
        dossier,
        raw,
        tx,
        store: store.ok(),
        analyses: Arc::default(),
    };
    if driver.perform(terminal, effects)? {
        return Ok(());
    }
    // `?` panics when this is set: end-to-end tests of the crash path.
    let test_panic = std::env::var_os(crate::crash::TEST_PANIC_ENV).is_some();
    loop {
        if crate::crash::panicked() {
            // The panic hook has given the terminal back: drawing now would scribble on it.
            return stopped();
        }
        // Results of effects just performed (a save, an export) before the next frame.
        for a in rx.try_iter().collect::<Vec<_>>() {
            let effects = app.update(a);
            driver.follow(&app);
            if driver.perform(terminal, effects)? {
                return stopped();
            }
        }
        terminal.draw(|f| view::render(&app, f))?;
        let actions = next_actions(&app, &rx)?;
        if test_panic && actions.iter().any(|a| matches!(a, Action::Help)) {
            panic!("{} is set: a test panic", crate::crash::TEST_PANIC_ENV);
        }
        for a in actions {
            let effects = app.update(a);
            driver.follow(&app);
            if driver.perform(terminal, effects)? {
                return stopped();
            }
        }
    }
}

/// Wait for the next input (or, while work runs, for a result or a spinner tick).
fn next_actions(app: &App, rx: &Receiver<Action>) -> Result<Vec<Action>> {
    let mut out = Vec::new();
    let ready = if app.finder_running() {
        event::poll(Duration::from_millis(20))?
    } else if app.busy() {
        event::poll(Duration::from_millis(80))?
    } else {
        true
    };
    if ready {
        let ev = event::read()?;
        out.extend(app.keymap.resolve(app.mode(), &ev));
    }
    if app.finder_running() {
        out.push(Action::Tick);
    }
    out.extend(rx.try_iter());
    Ok(out)
}

/// `raw` with `list` applied: `raw` itself when the list is empty, else a corrected copy.
fn correct_dossier(
    raw: &Arc<Dossier>,
    list: &[crate::model::corrections::Correction],
) -> Arc<Dossier> {
    if list.is_empty() {
        return raw.clone();
    }
    let mut d = Dossier::clone(raw);
    crate::model::corrections::apply(&mut d, list);
    Arc::new(d)
}

impl Driver {
    /// Work on the dossier the app shows (it changes when corrections are applied).
    fn follow(&mut self, app: &App) {
        if !Arc::ptr_eq(&self.dossier, &app.dossier) {
            self.dossier = app.dossier.clone();
        }
    }

    /// Carry out effects; true when the reader should exit.
    fn perform(&mut self, terminal: &mut DefaultTerminal, effects: Vec<Effect>) -> Result<bool> {
        for e in effects {
            if self.perform_one(terminal, e)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn perform_one(&mut self, terminal: &mut DefaultTerminal, e: Effect) -> Result<bool> {
        let (dossier, tx) = (&self.dossier, &self.tx);
        match e {
            Effect::Quit => return Ok(true),
            Effect::Save(change) => {
                let r = self.save(change);
                let _ = tx.send(Action::Saved(r));
            }
            Effect::Export {
                path,
                format,
                grouping,
                clips,
                overwrite,
            } => {
                let how = (format, grouping);
                let _ = tx.send(export_to(dossier, &path, how, &clips, overwrite));
            }
            Effect::Copy(text) => {
                let mut out = std::io::stdout();
                out.write_all(osc52(&text).as_bytes())?;
                out.flush()?;
            }
            Effect::Suspend => suspend(terminal)?,
            Effect::Analyse => {
                let (d, tx) = (dossier.clone(), tx.clone());
                // A correction starts another analysis: only the last one started is
                // shown, whichever ends first.
                let latest = self.analyses.clone();
                let this = latest.fetch_add(1, Ordering::SeqCst) + 1;
                spawn_worker(tx, move |tx| {
                    if std::env::var_os(crate::crash::TEST_PANIC_ENV).is_some_and(|v| v == "worker")
                    {
                        panic!("{} is set: a test panic", crate::crash::TEST_PANIC_ENV);
                    }
                    // The one extraction of the session: comparisons opened from now on
                    // reuse it.
                    // The speakers table and the quote variants (tens of ms at 5,000
                    // articles): made here so that their views open within a frame.
                    let table = Arc::new(app::SpeakerTable::new(&d));
                    let groups = Arc::new(crate::model::variants::group(&d));
                    let _ = tx.send(Action::ViewsReady(d.clone(), table, groups));
                    let aligner = Arc::new(claims::Aligner::new(&d));
                    let session = analysis::SessionAligner(aligner.clone());
                    let _ = tx.send(Action::AlignerReady(session));
                    let progress = tx.clone();
                    let current = || latest.load(Ordering::SeqCst) == this;
                    let a = analysis::analyse_with(&d, aligner, |done, total| {
                        if current() {
                            let _ = progress.send(Action::Progress(done, total));
                        }
                    });
                    if current() {
                        let _ = tx.send(Action::AnalysisReady(Arc::new(a)));
                    }
                });
            }
            Effect::ApplyCorrections(list) => {
                let (raw, tx) = (self.raw.clone(), tx.clone());
                spawn_worker(tx, move |tx| {
                    let dossier = correct_dossier(&raw, &list);
                    let _ = tx.send(Action::Corrected(app::CorrectedDossier { dossier, list }));
                });
            }
            Effect::WriteManifest { folder, correction } => {
                let r = self.write_manifest(&folder, &correction);
                let _ = self
                    .tx
                    .send(Action::ManifestWritten(r.map_err(|e| (e, correction))));
            }
            Effect::Compare(l, r, aligner) => {
                let (d, tx) = (dossier.clone(), tx.clone());
                spawn_worker(tx, move |tx| {
                    let c = analysis::compare(&d, aligner.as_ref(), l, r);
                    let _ = tx.send(Action::ComparisonReady(Arc::new(c)));
                });
            }
        }
        Ok(false)
    }

    /// Save one change to the state file; a new clipping is stamped with the time now.
    fn save(&self, change: Change) -> Result<Box<crate::state::Loaded>, String> {
        let Some(store) = &self.store else {
            return Err("no data folder: set DOSSIER_DATA to a folder for saved clippings".into());
        };
        let change = match change {
            Change::AddClipping(mut c) => {
                c.created = Some(crate::state::iso8601(SystemTime::now()));
                Change::AddClipping(c)
            }
            Change::AddCorrection(mut c) => {
                c.created = Some(crate::state::iso8601(SystemTime::now()));
                Change::AddCorrection(c)
            }
            c => c,
        };
        store.apply(change).map(Box::new).map_err(|e| e.to_string())
    }
}

impl Driver {
    /// Write a metadata correction into `folder`'s `dossier.toml` through the manifest
    /// writer, and set it in dossier's own reading (as a reload would read it).
    fn write_manifest(
        &mut self,
        folder: &Path,
        c: &crate::model::corrections::Correction,
    ) -> Result<PathBuf, String> {
        use crate::model::corrections::Edit;
        use crate::model::load::manifest::write::{update, Entry};
        let Edit::Meta {
            article,
            field,
            value,
        } = &c.edit
        else {
            return Err("not a metadata correction".into());
        };
        let entry = Entry {
            file: article.clone(),
            fields: vec![(field.as_str(), value.clone())],
        };
        update(folder, &[entry]).map_err(|e| e.to_string())?;
        let raw = Arc::make_mut(&mut self.raw);
        if let Some(a) = raw.articles.iter_mut().find(|a| &a.file == article) {
            field.set(&mut a.meta, value.clone());
        }
        Ok(folder.join(crate::model::load::MANIFEST))
    }
}

/// Write an export; the answer is `Exported`, or `ExportExists` to ask about overwriting.
fn export_to(
    d: &Dossier,
    path: &Path,
    (format, grouping): (export::ExportFormat, export::Grouping),
    clips: &[export::Clipping],
    overwrite: bool,
) -> Action {
    let path = expand_home(path);
    let clobber = if overwrite {
        Clobber::Overwrite
    } else {
        Clobber::Refuse
    };
    let r = write_atomic(&path, clobber, |w| {
        export::write(w, d, clips, format, grouping)
    });
    match r {
        Ok(()) => Action::Exported(Ok(std::fs::canonicalize(&path).unwrap_or(path))),
        Err(WriteError::Exists { path }) => Action::ExportExists(path),
        Err(e) => Action::Exported(Err(e.to_string())),
    }
}

/// `~/x` as x in the home folder.
fn expand_home(p: &Path) -> PathBuf {
    match (p.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => p.to_path_buf(),
    }
}

/// The OSC 52 sequence that puts `text` on the clipboard. The text is made safe to paste
/// (again: the app already did, and this is the last door), and the payload is base64,
/// whose alphabet holds no ESC, BEL or ST, so nothing in it can end the sequence early.
pub fn osc52(text: &str) -> String {
    let safe = crate::model::sanitize::for_clipboard(text);
    format!("\x1b]52;c;{}\x07", base64(safe.as_bytes()))
}

/// Standard base64 (RFC 4648, padded), for the OSC 52 clipboard sequence.
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// How the loop ends: an error when a worker panicked (its Quit woke the loop).
fn stopped() -> Result<()> {
    if crate::crash::panicked() {
        anyhow::bail!("a background task crashed (see the crash report above)");
    }
    Ok(())
}

/// Run `work` on a thread; if it panics (the hook has restored the terminal and written
/// the report), wake the loop so it stops.
fn spawn_worker(tx: Sender<Action>, work: impl FnOnce(&Sender<Action>) + Send + 'static) {
    std::thread::spawn(move || {
        let run = std::panic::AssertUnwindSafe(|| work(&tx));
        if std::panic::catch_unwind(run).is_err() {
            let _ = tx.send(Action::Quit);
        }
    });
}

/// Give the terminal back, stop until `fg`, then take it again.
fn suspend(terminal: &mut DefaultTerminal) -> Result<()> {
    let mut out = std::io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen);
    disable_raw_mode()?;
    terminal.show_cursor()?;
    // Raw mode keeps the terminal from sending SIGTSTP for Ctrl-Z, so send it ourselves
    // (through kill(1): this crate forbids unsafe code, and so the libc call).
    let stopped = std::process::Command::new("kill")
        .args(["-TSTP", &std::process::id().to_string()])
        .status();
    enable_raw_mode()?;
    execute!(out, EnterAlternateScreen, EnableMouseCapture)?;
    terminal.clear()?;
    stopped.context("could not suspend (kill -TSTP)")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::{ClipKind, Clipping, ExportFormat, Grouping};

    /// base64 as RFC 4648 writes it, padding included.
    #[test]
    fn base64_matches_the_rfc() {
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), enc);
        }
        assert_eq!(base64("é".as_bytes()), "w6k=");
    }

    proptest::proptest! {
        /// The OSC 52 sequence is one ESC `]52;c;`, a base64 payload and one BEL: no
        /// text can end it early or smuggle a second sequence, and the payload decodes
        /// to text holding no ESC.
        #[test]
        fn osc52_payload_never_carries_a_terminator(s in "(\\PC|[\x00-\x1f\x7f-\u{9f}\u{202a}-\u{202e}])*") {
            let seq = osc52(&s);
            let payload = seq
                .strip_prefix("\x1b]52;c;")
                .and_then(|p| p.strip_suffix('\x07'))
                .expect("one OSC 52 sequence");
            proptest::prop_assert!(payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'='));
            proptest::prop_assert_eq!(payload, base64(crate::model::sanitize::for_clipboard(&s).as_bytes()));
        }
    }

    /// An export refuses an existing file (so the dialog can ask), overwrites when told,
    /// and answers with the path written.
    #[test]
    fn export_refuses_then_overwrites() {
        let d = crate::model::load_bundled();
        let clips = vec![Clipping::new(
            &d,
            crate::model::ArticleId(0),
            d.articles[0].paragraphs[0].sentences.get(0).unwrap(),
            ClipKind::Sentence,
            None,
        )];
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.md");
        let md = (ExportFormat::Markdown, Grouping::BySource);
        match export_to(&d, &p, md, &clips, false) {
            Action::Exported(Ok(written)) => assert!(written.ends_with("out.md")),
            other => panic!("{other:?}"),
        }
        let first = std::fs::read_to_string(&p).unwrap();
        assert!(first.contains("> U.S. Secretary of Defense"), "{first}");
        assert!(matches!(
            export_to(&d, &p, md, &clips, false),
            Action::ExportExists(_)
        ));
        let json = (ExportFormat::Json, Grouping::BySource);
        assert!(matches!(
            export_to(&d, &p, json, &clips, true),
            Action::Exported(Ok(_))
        ));
        assert!(std::fs::read_to_string(&p).unwrap().starts_with('{'));
        let bad = dir.path().join("no/such/folder.md");
        match export_to(&d, &bad, md, &clips, false) {
            Action::Exported(Err(e)) => assert!(e.contains("does not exist"), "{e}"),
            other => panic!("{other:?}"),
        }
    }
}
