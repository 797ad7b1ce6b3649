//! The `dossier` binary: parse arguments, dispatch, report errors.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Before anything else, so the reader's terminal hook goes over it (restore first).
    dossier::crash::install_hook();
    let cli = dossier::cli::Cli::parse();
    match dossier::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A closed pipe (`dossier read … | head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            // `dossier fetch` reported each failed address already.
            if e.downcast_ref::<dossier::cli::fetch::SomeFailed>()
                .is_some()
            {
                return ExitCode::from(1);
            }
            eprintln!(
                "dossier: {}",
                dossier::model::sanitize::sanitize(&format!("{e:#}"), true)
            );
            ExitCode::from(2)
        }
    }
}
