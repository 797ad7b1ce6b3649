//! `dossier fetch DIR URL… [--from FILE]`: download pages into a dossier folder, so the
//! web is an ordinary way in and the dossier reads offline afterwards.
//!
//! Names are chosen first, in the order given ([`name::Existing`]), so the dossier's
//! order is the user's whatever order downloads finish in; then up to [`WORKERS`]
//! threads download ([`http::Client`]), each page is written atomically (an existing
//! file is refused unless `--force`), and the manifest records each page's address and
//! fetch time through the one manifest writer. Each failed address gets one line on
//! stderr and the rest go on; the status is 0 when every page came, 1 when some did not
//! (see [`SomeFailed`]), 2 for a usage error.

mod http;
mod name;

pub use http::{MAX_REDIRECTS, USER_AGENT};

use super::output::clean;
use crate::fsutil::{write_atomic, Clobber, WriteError};
use crate::model::load::html;
use crate::model::load::manifest::write::{self as manifest, Entry};
use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Downloads at a time: enough to hide one slow server behind three others, few enough
/// not to hammer one outlet when a list holds several of its pages.
pub const WORKERS: usize = 4;

/// The most bytes of a `--from` list read: 10,000 addresses of 200 characters fit.
const LIST_MAX_BYTES: u64 = 2 * 1024 * 1024;

/// What `dossier fetch` takes.
#[derive(Debug, Clone, clap::Args)]
pub struct FetchArgs {
    /// The dossier folder to save pages in (created if missing).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Addresses of pages (http or https).
    #[arg(value_name = "URL")]
    pub urls: Vec<String>,
    /// Read addresses from FILE too, one a line (`#` starts a comment; `-` is stdin).
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Give up on a page when connecting or any read takes longer than this (seconds).
    #[arg(long, value_name = "SECS", default_value = "30", value_parser = seconds)]
    pub timeout: Duration,
    /// Replace pages fetched before (the same host and path) instead of refusing.
    #[arg(long)]
    pub force: bool,
}

/// Some addresses gave no page: the binary exits with status 1 (each was reported).
#[derive(Debug, thiserror::Error)]
#[error("{failed} of {total} pages could not be fetched")]
pub struct SomeFailed {
    pub failed: usize,
    pub total: usize,
}

/// A positive number of seconds, fractions allowed.
fn seconds(s: &str) -> Result<Duration, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 && v <= 86_400.0 => Ok(Duration::from_secs_f64(v)),
        _ => Err(format!("{s:?} is not a number of seconds above 0")),
    }
}

/// One address to fetch, with the file it goes to.
struct Job {
    url: String,
    file: String,
}

/// Run `dossier fetch`; `max_bytes` is the size limit for a page.
pub fn run(args: &FetchArgs, max_bytes: u64) -> Result<()> {
    let urls = addresses(args)?;
    if urls.is_empty() {
        bail!("no address to fetch: give URLs after the folder, or --from FILE");
    }
    let dir = &args.dir;
    if looks_like_url(&dir.to_string_lossy()) {
        bail!(
            "{} is an address, not a folder: `dossier fetch DIR URL…` takes the folder first",
            clean(&dir.to_string_lossy(), false)
        );
    }
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
    // A manifest that cannot take the pages' entries stops the run before any download.
    manifest::check_editable(dir)?;
    let (jobs, mut failed) = plan(dir, urls, args.force)?;
    let total = jobs.len() + failed.len();
    for (url, why) in &failed {
        report_failure(None, url, why);
    }
    let client = http::Client::new(args.timeout, max_bytes);
    let done = download_all(dir, &jobs, &client, args.force);
    let mut saved = 0;
    for (job, result) in jobs.iter().zip(done) {
        match result {
            Ok(()) => saved += 1,
            Err(why) => failed.push((job.url.clone(), why)),
        }
    }
    eprintln!(
        "fetched {saved} of {total} pages into {}",
        clean(&dir.to_string_lossy(), false)
    );
    if failed.is_empty() {
        Ok(())
    } else {
        Err(SomeFailed {
            failed: failed.len(),
            total,
        }
        .into())
    }
}

/// The addresses on the command line, then those of `--from`, blank lines and comments
/// left out and each address once.
fn addresses(args: &FetchArgs) -> Result<Vec<String>> {
    let mut all: Vec<String> = args.urls.clone();
    if let Some(from) = &args.from {
        let text = if from.as_os_str() == "-" {
            let mut s = String::new();
            std::io::stdin()
                .take(LIST_MAX_BYTES)
                .read_to_string(&mut s)
                .context("cannot read addresses from stdin")?;
            s
        } else {
            let bytes = crate::fsutil::read_bounded(from, LIST_MAX_BYTES)
                .with_context(|| format!("{}: cannot read the address list", from.display()))?;
            String::from_utf8_lossy(&bytes).into_owned()
        };
        all.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string),
        );
    }
    let mut seen = std::collections::HashSet::new();
    all.retain(|u| seen.insert(u.clone()));
    Ok(all)
}

/// Whether `s` is written like an address (`scheme://`), which a folder name is not.
fn looks_like_url(s: &str) -> bool {
    s.split_once("://").is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+')
    })
}

/// Name each address's file; those that cannot be fetched (not http(s), a file that
/// exists without `--force`) come back as failures.
type Failures = Vec<(String, String)>;
fn plan(dir: &Path, urls: Vec<String>, force: bool) -> Result<(Vec<Job>, Failures)> {
    let names: Vec<String> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot list the folder", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let mut existing = name::Existing::new(names.iter().map(String::as_str));
    let mut taken = Vec::new();
    let (mut jobs, mut failed) = (Vec::new(), Vec::new());
    for url in urls {
        if !crate::model::load::manifest::is_web_url(&url) {
            failed.push((url, http::Failure::NotWeb.to_string()));
            continue;
        }
        let file = existing.name_for(&url, &mut taken);
        if !force && std::fs::symlink_metadata(dir.join(&file)).is_ok() {
            failed.push((url, exists(&file)));
            continue;
        }
        jobs.push(Job { url, file });
    }
    Ok((jobs, failed))
}

/// The line for a page that is there already.
fn exists(file: &str) -> String {
    format!("{file} exists (fetched before); --force fetches it again")
}

/// Download `jobs` on up to [`WORKERS`] threads, each result in the jobs' order; lines
/// are printed as pages arrive, under a progress bar on a terminal, and each saved page
/// is recorded in the manifest at once (one writer at a time), so an interrupted run
/// leaves every saved page recorded.
fn download_all(
    dir: &Path,
    jobs: &[Job],
    client: &http::Client,
    force: bool,
) -> Vec<Result<(), String>> {
    let bar = progress(jobs.len());
    let next = AtomicUsize::new(0);
    let manifest_lock = Mutex::new(());
    let results: Mutex<Vec<Option<Result<(), String>>>> =
        Mutex::new((0..jobs.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..WORKERS.min(jobs.len()) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { break };
                bar.set_message(clean(&job.url, false).into_owned());
                let r = fetch_one(dir, job, client, force).and_then(|(entry, title)| {
                    let _one = manifest_lock.lock().unwrap_or_else(|e| e.into_inner());
                    manifest::update(dir, std::slice::from_ref(&entry))
                        .map(|()| (entry, title))
                        .map_err(|e| format!("saved as {}, but not recorded: {e}", job.file))
                });
                match &r {
                    Ok((entry, title)) => bar.suspend(|| {
                        let title = clean(title.as_deref().unwrap_or("(no title)"), false);
                        let _ = writeln!(std::io::stdout(), "{}  {title}", entry.file);
                    }),
                    Err(why) => report_failure(Some(&bar), &job.url, why),
                }
                bar.inc(1);
                if let Ok(mut all) = results.lock() {
                    all[i] = Some(r.map(drop));
                }
            });
        }
    });
    bar.finish_and_clear();
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err("not fetched".into())))
        .collect()
}

/// A progress bar on stderr when it is a terminal; nothing otherwise.
fn progress(n: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(n as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// One line on stderr for an address that gave no page (made safe: the address may be
/// hostile too).
fn report_failure(bar: Option<&ProgressBar>, url: &str, why: &str) {
    let line = format!("failed: {}: {}", clean(url, false), clean(why, false));
    match bar {
        Some(b) => b.suspend(|| eprintln!("{line}")),
        None => eprintln!("{line}"),
    }
}

/// Download one page, save it, and return its manifest entry and its title.
fn fetch_one(
    dir: &Path,
    job: &Job,
    client: &http::Client,
    force: bool,
) -> Result<(Entry, Option<String>), String> {
    let page = client.get(&job.url).map_err(|f| f.to_string())?;
    let bytes = html::charset::for_storage(page.bytes, page.charset.as_deref());
    let clobber = if force {
        Clobber::Overwrite
    } else {
        Clobber::Refuse
    };
    write_atomic(&dir.join(&job.file), clobber, |w| w.write_all(&bytes)).map_err(|e| match e {
        WriteError::Exists { .. } => exists(&job.file),
        e => e.to_string(),
    })?;
    let title = html::extract(&html::charset::decode(&bytes).text)
        .meta
        .title;
    let fetched = jiff::Timestamp::from_second(jiff::Timestamp::now().as_second())
        .map_or_else(|_| String::new(), |t| t.to_string());
    let mut fields = vec![("url", page.url)];
    if !fetched.is_empty() {
        fields.push(("fetched", fetched));
    }
    Ok((
        Entry {
            file: job.file.clone(),
            fields,
        },
        title,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Seconds are positive and finite; fractions work.
    #[test]
    fn timeout_is_positive_seconds() {
        assert_eq!(seconds("1"), Ok(Duration::from_secs(1)));
        assert_eq!(seconds("0.5"), Ok(Duration::from_millis(500)));
        for bad in ["0", "-1", "NaN", "inf", "soon", ""] {
            assert!(seconds(bad).is_err(), "{bad:?}");
        }
    }

    /// An address is told from a folder by its scheme; a folder with a colon is not one.
    #[test]
    fn folder_first_not_an_address() {
        assert!(looks_like_url("https://example.org/a"));
        assert!(looks_like_url("ftp://x"));
        assert!(!looks_like_url("my dossier"));
        assert!(!looks_like_url("notes:2024"));
        assert!(!looks_like_url("C:/dossiers"));
    }
}
