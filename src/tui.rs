//! The reader's driver: terminal lifecycle, the event loop, and carrying out effects.
//!
//! The loop blocks on the next terminal event (idle CPU ≈ 0); only while background work
//! runs does it wake every 80 ms, to take results and turn the spinner. Keys become
//! actions in the keymap, actions become state and effects in `App::update`, and the
//! effects (quit, suspend, start a job) happen here. The terminal is restored on quit, on
//! error and on panic (ratatui's hook, installed over ours, which releases the mouse).

pub mod action;
pub mod analysis;
pub mod app;
pub mod keymap;
pub mod theme;
pub mod view;
pub mod wrap;

#[cfg(test)]
pub(crate) mod fixtures;

use crate::model::{claims, Dossier};
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
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;
use std::time::Duration;

/// Run the reader on a loaded dossier until the user quits.
pub fn run(dossier: Dossier) -> Result<()> {
    run_loading(move || Ok(dossier))
}

/// Open the reader at once and run `load` on a worker thread meanwhile (a large dossier
/// takes seconds), then read until the user quits. A load error restores the terminal
/// and is returned; q or Ctrl-C quit while loading.
pub fn run_loading<F>(load: F) -> Result<()>
where
    F: FnOnce() -> Result<Dossier> + Send + 'static,
{
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture, Show);
        previous(info);
    }));
    let mut terminal = ratatui::try_init().context("could not set up the terminal")?;
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let result = match loading(&mut terminal, load) {
        Ok(Some(dossier)) => event_loop(&mut terminal, dossier),
        Ok(None) => Ok(()),
        Err(e) => Err(e),
    };
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = execute!(std::io::stdout(), Show);
    result
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
            if let Some(Action::Quit) = keymap.resolve(keymap::Mode::Sources, &ev) {
                return Ok(None);
            }
        }
    }
    Ok(None)
}

fn event_loop(terminal: &mut DefaultTerminal, dossier: Dossier) -> Result<()> {
    let dossier = Arc::new(dossier);
    let mut app = App::new(dossier.clone(), theme::Theme::from_env());
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let (tx, rx) = channel::<Action>();
    let effects = app.start();
    perform(terminal, &dossier, &tx, effects)?;
    // `?` panics when this is set: end-to-end tests of the crash path.
    let test_panic = std::env::var_os(crate::crash::TEST_PANIC_ENV).is_some();
    loop {
        if crate::crash::panicked() {
            // The panic hook has given the terminal back: drawing now would scribble on it.
            return stopped();
        }
        terminal.draw(|f| view::render(&app, f))?;
        let actions = next_actions(&app, &rx)?;
        if test_panic && actions.iter().any(|a| matches!(a, Action::Help)) {
            panic!("{} is set: a test panic", crate::crash::TEST_PANIC_ENV);
        }
        for a in actions {
            let effects = app.update(a);
            if perform(terminal, &dossier, &tx, effects)? {
                return stopped();
            }
        }
    }
}

/// Wait for the next input (or, while work runs, for a result or a spinner tick).
fn next_actions(app: &App, rx: &Receiver<Action>) -> Result<Vec<Action>> {
    let mut out = Vec::new();
    let ready = if app.busy() {
        event::poll(Duration::from_millis(80))?
    } else {
        true
    };
    if ready {
        let ev = event::read()?;
        out.extend(app.keymap.resolve(app.mode(), &ev));
    }
    out.extend(rx.try_iter());
    Ok(out)
}

/// Carry out effects; true when the reader should exit.
fn perform(
    terminal: &mut DefaultTerminal,
    dossier: &Arc<Dossier>,
    tx: &Sender<Action>,
    effects: Vec<Effect>,
) -> Result<bool> {
    for e in effects {
        match e {
            Effect::Quit => return Ok(true),
            Effect::Suspend => suspend(terminal)?,
            Effect::Analyse => {
                let (d, tx) = (dossier.clone(), tx.clone());
                spawn_worker(tx, move |tx| {
                    if std::env::var_os(crate::crash::TEST_PANIC_ENV).is_some_and(|v| v == "worker")
                    {
                        panic!("{} is set: a test panic", crate::crash::TEST_PANIC_ENV);
                    }
                    let progress = tx.clone();
                    let a = analysis::analyse(&d, |done, total| {
                        let _ = progress.send(Action::Progress(done, total));
                    });
                    let _ = tx.send(Action::AnalysisReady(Arc::new(a)));
                });
            }
            Effect::Compare(l, r) => {
                let (d, tx) = (dossier.clone(), tx.clone());
                spawn_worker(tx, move |tx| {
                    let c = claims::compare(&d, l, r);
                    let _ = tx.send(Action::ComparisonReady(Arc::new(c)));
                });
            }
        }
    }
    Ok(false)
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
