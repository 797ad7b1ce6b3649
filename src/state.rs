//! Per-dossier saved state: clippings, corrections, marks and the reading position, in the user's data
//! folder (or `$DOSSIER_DATA`), one JSON file per dossier keyed by a stable hash of its
//! canonical path (or `bundled`).
//!
//! Every change is saved as it is made, never only at exit: [`Store::apply`] takes an
//! advisory lock (flock on `<file>.lock`, which the OS releases when a process dies, so
//! a kill never leaves a lock to wait out), re-reads the file, applies the one change to what is on disk, and rewrites it
//! atomically. Two readers on the same dossier therefore never lose each other's
//! clippings or corrections (each applies its changes to the other's latest state, not
//! to its own stale copy). A file that cannot be parsed is moved aside to `<file>.corrupt-<n>` with a
//! message, never silently dropped.

use crate::fsutil::{write_atomic, Clobber, WriteError};
use crate::model::corrections::Correction;
use crate::model::export::Clipping;
use serde::{Deserialize, Serialize};
use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The environment variable that names the data folder.
pub const DATA_ENV: &str = "DOSSIER_DATA";
/// How long to wait for another reader's lock before giving up: a save holds it for
/// a few milliseconds, so 5 s is only ever reached by a reader that is stuck.
const LOCK_WAIT: Duration = Duration::from_secs(5);

/// A named place in an article (vim-style marks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub name: String,
    pub article: String,
    /// Byte offset into the article's text.
    pub offset: usize,
}

/// Where the reader was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub article: String,
    /// Byte offset into the article's text (the top of the view or the cursor).
    pub offset: usize,
}

/// The saved state of one dossier.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The dossier's canonical path, or "bundled" (for people reading the folder).
    pub dossier: String,
    /// The next clipping id to hand out (ids are never reused).
    pub next_id: u64,
    pub clippings: Vec<Clipping>,
    /// The analyst's corrections, in the order they were made (applied in that order).
    pub corrections: Vec<Correction>,
    /// The next correction id to hand out (ids are never reused).
    pub next_correction: u64,
    pub marks: Vec<Mark>,
    pub position: Option<Position>,
}

/// One change to the saved state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Add a clipping at the end (its id is assigned here).
    AddClipping(Clipping),
    /// Delete a clipping by id.
    RemoveClipping(u64),
    /// Move a clipping to a position in the list (clamped).
    MoveClipping { id: u64, to: usize },
    /// Set or clear a clipping's note.
    SetNote { id: u64, note: Option<String> },
    /// Add a correction at the end (its id is assigned here).
    AddCorrection(Box<Correction>),
    /// Take back the last correction made (by whichever reader).
    UndoCorrection,
    /// Set a mark (replacing one of the same name).
    SetMark(Mark),
    /// Delete a mark by name.
    RemoveMark(String),
    /// Remember the reading position.
    SetPosition(Position),
}

impl State {
    /// Apply a change; returns the id of an added clipping or correction (or of the
    /// correction undone).
    pub fn apply(&mut self, change: Change) -> Option<u64> {
        match change {
            Change::AddClipping(mut c) => {
                let max = self.clippings.iter().map(|c| c.id).max().unwrap_or(0);
                let id = self.next_id.max(max + 1).max(1);
                self.next_id = id + 1;
                c.id = id;
                self.clippings.push(c);
                return Some(id);
            }
            Change::RemoveClipping(id) => self.clippings.retain(|c| c.id != id),
            Change::AddCorrection(c) => {
                let mut c = *c;
                let max = self.corrections.iter().map(|c| c.id).max().unwrap_or(0);
                let id = self.next_correction.max(max + 1).max(1);
                self.next_correction = id + 1;
                c.id = id;
                self.corrections.push(c);
                return Some(id);
            }
            Change::UndoCorrection => return self.corrections.pop().map(|c| c.id),
            Change::MoveClipping { id, to } => {
                if let Some(i) = self.clippings.iter().position(|c| c.id == id) {
                    let c = self.clippings.remove(i);
                    let to = to.min(self.clippings.len());
                    self.clippings.insert(to, c);
                }
            }
            Change::SetNote { id, note } => {
                if let Some(c) = self.clippings.iter_mut().find(|c| c.id == id) {
                    c.note = note.filter(|n| !n.trim().is_empty());
                }
            }
            Change::SetMark(m) => {
                self.marks.retain(|x| x.name != m.name);
                self.marks.push(m);
            }
            Change::RemoveMark(name) => self.marks.retain(|x| x.name != name),
            Change::SetPosition(p) => self.position = Some(p),
        }
        None
    }
}

/// Why the state could not be read or saved.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("{path}: cannot read the saved state: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("cannot save the state: {0}")]
    Write(#[from] WriteError),
    #[error("{path}: the saved state is locked by another dossier reader; if none is running, delete this lock file")]
    Locked { path: PathBuf },
    #[error("{path}: cannot create the lock file: {source}")]
    Lock { path: PathBuf, source: io::Error },
    #[error("{path}: cannot create the state folder: {source}")]
    Folder { path: PathBuf, source: io::Error },
    #[error("no data folder: set {DATA_ENV} to a folder for dossier's saved state")]
    NoDataFolder,
}

/// The state as read, with a message to show if the file had to be moved aside.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub state: State,
    /// "state file … was corrupt (…); moved to …; starting afresh".
    pub notice: Option<String>,
    /// The id of a clipping just added.
    pub added: Option<u64>,
}

/// Where one dossier's state lives.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
    dossier: String,
}

/// The data folder: `$DOSSIER_DATA`, else the user's data folder for dossier.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(DATA_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "dossier").map(|d| d.data_dir().to_path_buf())
}

/// The key of a dossier: "bundled", or a stable hash (FNV-1a, 64 bits) of its canonical
/// path, so the same folder finds its state whatever the working directory.
pub fn dossier_key(path: Option<&Path>) -> (String, String) {
    let Some(p) = path else {
        return ("bundled".into(), "bundled".into());
    };
    let canon = fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let name = canon.to_string_lossy().into_owned();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (format!("{h:016x}"), name)
}

impl Store {
    /// The store of the dossier at `path` (None: the bundled one) in the data folder.
    pub fn for_dossier(path: Option<&Path>) -> Result<Store, StateError> {
        let dir = data_dir().ok_or(StateError::NoDataFolder)?.join("state");
        let (key, name) = dossier_key(path);
        Ok(Store {
            path: dir.join(format!("{key}.json")),
            dossier: name,
        })
    }

    /// A store at an explicit file (tests, tools).
    pub fn at(path: impl Into<PathBuf>, dossier: &str) -> Store {
        Store {
            path: path.into(),
            dossier: dossier.to_string(),
        }
    }

    /// The state file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read the state (empty when there is none). A corrupt file is moved aside. Reading
    /// needs no lock (saves replace the file in one rename): when the lock cannot be had
    /// (a read-only data folder), what is saved is still shown, with a notice that
    /// changes will not be saved.
    pub fn load(&self) -> Result<Loaded, StateError> {
        match self.lock() {
            Ok(_lock) => self.read(),
            Err(e @ (StateError::Lock { .. } | StateError::Folder { .. })) => {
                let mut loaded = self.read()?;
                loaded.notice = Some(format!("{e}; changes will not be saved"));
                Ok(loaded)
            }
            Err(e) => Err(e),
        }
    }

    /// Save one change: lock, re-read, apply, rewrite atomically. Returns the new state
    /// (with other readers' changes) for the caller to show.
    pub fn apply(&self, change: Change) -> Result<Loaded, StateError> {
        let _lock = self.lock()?;
        let mut loaded = self.read()?;
        loaded.added = loaded.state.apply(change);
        loaded.state.dossier.clone_from(&self.dossier);
        let json = serde_json::to_vec_pretty(&loaded.state).map_err(|e| WriteError::Io {
            path: self.path.clone(),
            source: e.into(),
        })?;
        write_atomic(&self.path, Clobber::Overwrite, |w| w.write_all(&json))?;
        Ok(loaded)
    }

    fn read(&self) -> Result<Loaded, StateError> {
        let bytes = match fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Loaded {
                    state: State {
                        dossier: self.dossier.clone(),
                        ..State::default()
                    },
                    ..Loaded::default()
                })
            }
            Err(source) => {
                return Err(StateError::Read {
                    path: self.path.clone(),
                    source,
                })
            }
        };
        match serde_json::from_slice::<State>(&bytes) {
            Ok(state) => Ok(Loaded {
                state,
                ..Loaded::default()
            }),
            Err(e) => {
                let aside = self.move_aside()?;
                Ok(Loaded {
                    state: State {
                        dossier: self.dossier.clone(),
                        ..State::default()
                    },
                    notice: Some(format!(
                        "{}: the saved state was corrupt ({e}); moved it to {} and started afresh",
                        self.path.display(),
                        aside.display()
                    )),
                    added: None,
                })
            }
        }
    }

    /// Rename the state file to the first free `<file>.corrupt-<n>`.
    fn move_aside(&self) -> Result<PathBuf, StateError> {
        let mut n = 1;
        loop {
            let mut name = self.path.as_os_str().to_owned();
            name.push(format!(".corrupt-{n}"));
            let aside = PathBuf::from(name);
            if fs::symlink_metadata(&aside).is_err() {
                return fs::rename(&self.path, &aside)
                    .map(|()| aside)
                    .map_err(|source| StateError::Read {
                        path: self.path.clone(),
                        source,
                    });
            }
            n += 1;
        }
    }

    /// Take the advisory lock beside the state, waiting up to [`LOCK_WAIT`] for another
    /// reader. The lock file stays; only the lock on it matters, and the OS drops it with
    /// the process that held it.
    fn lock(&self) -> Result<LockGuard, StateError> {
        let mut name = self.path.as_os_str().to_owned();
        name.push(".lock");
        let lock = PathBuf::from(name);
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|source| StateError::Folder {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock)
            .map_err(|source| StateError::Lock {
                path: lock.clone(),
                source,
            })?;
        let start = std::time::Instant::now();
        loop {
            match try_lock(&file) {
                Ok(true) => return Ok(LockGuard(file)),
                Ok(false) if start.elapsed() > LOCK_WAIT => {
                    return Err(StateError::Locked { path: lock })
                }
                Ok(false) => std::thread::sleep(Duration::from_millis(2)),
                Err(source) => return Err(StateError::Lock { path: lock, source }),
            }
        }
    }
}

/// Try to take an exclusive advisory lock on `file` without waiting: false when another
/// process (or another open of the file) holds it.
#[cfg(unix)]
fn try_lock(file: &fs::File) -> io::Result<bool> {
    use rustix::fs::{flock, FlockOperation};
    match flock(file, FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Ok(true),
        Err(e) if e == rustix::io::Errno::WOULDBLOCK => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Elsewhere saves go unlocked (each is still atomic on its own).
#[cfg(not(unix))]
fn try_lock(_file: &fs::File) -> io::Result<bool> {
    Ok(true)
}

/// A time as ISO-8601 UTC to the second ("2026-11-25T11:00:00Z"), for a clipping's
/// `created` (the reader's driver reads the clock; the model never does).
pub fn iso8601(t: SystemTime) -> String {
    let secs = t
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60
    )
}

/// Holds the lock until dropped (closing the file releases it).
struct LockGuard(#[allow(dead_code)] fs::File);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::ClipKind;

    fn clip(n: usize) -> Clipping {
        Clipping {
            id: 0,
            article: "a.txt".into(),
            start: n,
            end: n + 3,
            kind: ClipKind::Sentence,
            text: format!("t{n}"),
            note: None,
            created: Some("2026-11-25T11:00:00Z".into()),
        }
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::at(dir.path().join("state/abc.json"), "/x");
        (dir, s)
    }

    /// Clippings, notes, order, marks and the position survive a save and a load.
    #[test]
    fn round_trip() {
        let (_d, s) = store();
        assert!(s.load().unwrap().state.clippings.is_empty());
        let a = s
            .apply(Change::AddClipping(clip(1)))
            .unwrap()
            .added
            .unwrap();
        let b = s
            .apply(Change::AddClipping(clip(2)))
            .unwrap()
            .added
            .unwrap();
        assert_ne!(a, b);
        s.apply(Change::SetNote {
            id: a,
            note: Some("why".into()),
        })
        .unwrap();
        s.apply(Change::MoveClipping { id: b, to: 0 }).unwrap();
        let mark = Mark {
            name: "a".into(),
            article: "a.txt".into(),
            offset: 9,
        };
        s.apply(Change::SetMark(mark.clone())).unwrap();
        let pos = Position {
            article: "a.txt".into(),
            offset: 42,
        };
        s.apply(Change::SetPosition(pos.clone())).unwrap();
        let st = s.load().unwrap().state;
        assert_eq!(
            st.clippings.iter().map(|c| c.id).collect::<Vec<_>>(),
            [b, a]
        );
        assert_eq!(st.clippings[1].note.as_deref(), Some("why"));
        assert_eq!(st.marks, [mark]);
        assert_eq!(st.position, Some(pos));
        assert_eq!(st.dossier, "/x");
        s.apply(Change::RemoveClipping(b)).unwrap();
        let c = s
            .apply(Change::AddClipping(clip(3)))
            .unwrap()
            .added
            .unwrap();
        assert!(c > b, "ids are never reused");
    }

    /// A corrupt file is moved aside with a message naming both files, never dropped.
    #[test]
    fn corrupt_state_moved_aside() {
        let (_d, s) = store();
        fs::create_dir_all(s.path().parent().unwrap()).unwrap();
        fs::write(s.path(), "{ not json").unwrap();
        let l = s.load().unwrap();
        let notice = l.notice.unwrap();
        assert!(notice.contains("corrupt") && notice.contains("abc.json.corrupt-1"));
        let aside = s.path().with_file_name("abc.json.corrupt-1");
        assert_eq!(fs::read_to_string(&aside).unwrap(), "{ not json");
        // A second corrupt file gets the next number; the new clipping is saved.
        fs::write(s.path(), "\u{0}garbage").unwrap();
        let l = s.apply(Change::AddClipping(clip(1))).unwrap();
        assert!(l.notice.unwrap().contains("corrupt-2"));
        assert_eq!(s.load().unwrap().state.clippings.len(), 1);
    }

    /// Several writers on one dossier (threads here, each its own store) lose nothing.
    #[test]
    fn concurrent_writers_keep_every_clipping() {
        let (_d, s) = store();
        let threads: Vec<_> = (0..4)
            .map(|t| {
                let s = Store::at(s.path(), "/x");
                std::thread::spawn(move || {
                    for i in 0..25 {
                        s.apply(Change::AddClipping(clip(t * 100 + i))).unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let st = s.load().unwrap().state;
        assert_eq!(st.clippings.len(), 100);
        let mut ids: Vec<u64> = st.clippings.iter().map(|c| c.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 100);
    }

    fn rename(n: usize) -> Correction {
        use crate::model::corrections::Edit;
        Correction::new(
            Edit::SpeakerRename {
                from: format!("A{n}"),
                to: format!("B{n}"),
            },
            None,
        )
    }

    /// Corrections are saved with fresh ids, survive a load, and undo takes back the last
    /// one; an undone id is not handed out again.
    #[test]
    fn corrections_saved_and_undone() {
        let (_d, s) = store();
        let a = s
            .apply(Change::AddCorrection(Box::new(rename(1))))
            .unwrap()
            .added;
        let b = s
            .apply(Change::AddCorrection(Box::new(rename(2))))
            .unwrap()
            .added;
        assert_eq!((a, b), (Some(1), Some(2)));
        let st = s.load().unwrap().state;
        assert_eq!(st.corrections.len(), 2);
        assert_eq!(st.corrections[1].edit, rename(2).edit);
        assert_eq!(s.apply(Change::UndoCorrection).unwrap().added, Some(2));
        assert_eq!(s.load().unwrap().state.corrections.len(), 1);
        let c = s
            .apply(Change::AddCorrection(Box::new(rename(3))))
            .unwrap()
            .added;
        assert_eq!(c, Some(3), "ids are never reused");
        s.apply(Change::UndoCorrection).unwrap();
        s.apply(Change::UndoCorrection).unwrap();
        assert_eq!(s.apply(Change::UndoCorrection).unwrap().added, None);
    }

    /// A state file written before corrections existed loads, with none.
    #[test]
    fn state_without_corrections_loads() {
        let (_d, s) = store();
        fs::create_dir_all(s.path().parent().unwrap()).unwrap();
        fs::write(s.path(), r#"{"dossier":"/x","next_id":2,"clippings":[]}"#).unwrap();
        let l = s.load().unwrap();
        assert!(l.notice.is_none());
        assert!(l.state.corrections.is_empty());
    }

    /// Two writers, one adding clippings and one corrections, keep each other's.
    #[test]
    fn concurrent_writers_keep_corrections_and_clippings() {
        let (_d, s) = store();
        let other = Store::at(s.path(), "/x");
        let t = std::thread::spawn(move || {
            for i in 0..20 {
                other
                    .apply(Change::AddCorrection(Box::new(rename(i))))
                    .unwrap();
            }
        });
        for i in 0..20 {
            s.apply(Change::AddClipping(clip(i))).unwrap();
        }
        t.join().unwrap();
        let st = s.load().unwrap().state;
        assert_eq!((st.clippings.len(), st.corrections.len()), (20, 20));
    }

    /// A lock file left by a killed process holds no lock: the next save goes through at
    /// once, where an age-judged lock file froze the reader for seconds.
    #[test]
    fn leftover_lock_file_does_not_block() {
        let (_d, s) = store();
        fs::create_dir_all(s.path().parent().unwrap()).unwrap();
        fs::File::create(s.path().with_file_name("abc.json.lock")).unwrap();
        let start = std::time::Instant::now();
        s.apply(Change::AddClipping(clip(1))).unwrap();
        assert!(
            start.elapsed() < Duration::from_secs(1),
            "{:?}",
            start.elapsed()
        );
    }

    /// A lock held by another reader is waited for, and taken once it is released.
    #[test]
    fn held_lock_is_waited_for() {
        let (_d, s) = store();
        let held = s.lock().unwrap();
        let other = Store::at(s.path(), "/x");
        let t = std::thread::spawn(move || {
            let start = std::time::Instant::now();
            other.apply(Change::AddClipping(clip(1))).unwrap();
            start.elapsed()
        });
        std::thread::sleep(Duration::from_millis(150));
        drop(held);
        assert!(t.join().unwrap() >= Duration::from_millis(100));
        assert_eq!(s.load().unwrap().state.clippings.len(), 1);
    }

    /// When no lock can be had (a read-only data folder; here the lock path is a
    /// folder), the saved clippings are still shown, with a notice that changes will
    /// not be saved.
    #[test]
    fn unlockable_state_still_reads() {
        let (_d, s) = store();
        s.apply(Change::AddClipping(clip(1))).unwrap();
        let lock = s.path().with_file_name("abc.json.lock");
        fs::remove_file(&lock).unwrap();
        fs::create_dir(&lock).unwrap();
        let l = s.load().unwrap();
        assert_eq!(l.state.clippings.len(), 1);
        assert!(l.notice.unwrap().contains("changes will not be saved"));
    }

    /// Times format as ISO-8601 UTC, leap days included.
    #[test]
    fn iso8601_utc() {
        let at = |s: u64| iso8601(SystemTime::UNIX_EPOCH + Duration::from_secs(s));
        assert_eq!(at(0), "1970-01-01T00:00:00Z");
        assert_eq!(at(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(at(1_795_604_645), "2026-11-25T11:04:05Z");
    }

    /// The key is stable for a path, differs between paths, and is "bundled" for none.
    #[test]
    fn key_is_stable() {
        let dir = tempfile::tempdir().unwrap();
        let (a, _) = dossier_key(Some(dir.path()));
        let (b, _) = dossier_key(Some(&dir.path().join(".")));
        assert_eq!(a, b);
        assert_eq!(a.len(), 16);
        assert_ne!(a, dossier_key(Some(Path::new("/elsewhere"))).0);
        assert_eq!(dossier_key(None).0, "bundled");
    }
}
