//! Writing files so that nothing is ever half-written or clobbered by accident.
//!
//! Every file dossier writes (exports, saved state) goes through [`write_atomic`]: the
//! bytes go to a temporary file in the target folder, which is flushed to disk and then
//! moved into place in one step. A failed write (disk full, a writer error, a missing
//! folder) leaves no partial file behind, and an existing file is refused unless the
//! caller asks to overwrite it. Errors name the path and say what to do.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a file could not be read by [`read_bounded`].
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("not a regular file (a pipe, socket or device)")]
    NotRegular,
    #[error("over the limit of {max} bytes")]
    TooLarge { max: u64 },
    #[error("cannot read ({0})")]
    Io(#[from] io::Error),
}

/// Read a whole regular file of at most `max` bytes, the one way dossier reads input
/// (articles, the manifest). The open never blocks (`O_NONBLOCK`: a FIFO swapped in
/// between a check and the open would otherwise wait for a writer forever), the opened
/// file itself is checked to be regular (a pipe or device is refused, whatever the path
/// looked like before), and at most `max + 1` bytes are read, so a file that grows or a
/// link to an endless device cannot exhaust memory.
pub fn read_bounded(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let mut opts = OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK);
    }
    let file = opts.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge { max });
    }
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge { max });
    }
    Ok(bytes)
}

/// Why a file could not be written; the message names the path and what to do.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{path}: already exists; choose another name, or overwrite it explicitly (--force)")]
    Exists { path: PathBuf },
    #[error("{path}: the folder {folder} does not exist; create it or choose another path")]
    NoFolder { path: PathBuf, folder: PathBuf },
    #[error("{path}: {folder} is not a folder; choose another path")]
    NotAFolder { path: PathBuf, folder: PathBuf },
    #[error("{path}: {folder} is not writable ({source}); choose a folder you can write to")]
    Denied {
        path: PathBuf,
        folder: PathBuf,
        source: io::Error,
    },
    #[error("{path}: not a regular file (a pipe, device or folder); it is never replaced, choose another path")]
    NotAFile { path: PathBuf },
    #[error("{path}: write failed ({source}); nothing was written, any earlier file is unchanged")]
    Io { path: PathBuf, source: io::Error },
}

impl WriteError {
    /// The path that was to be written.
    pub fn path(&self) -> &Path {
        match self {
            WriteError::Exists { path }
            | WriteError::NoFolder { path, .. }
            | WriteError::NotAFolder { path, .. }
            | WriteError::Denied { path, .. }
            | WriteError::NotAFile { path }
            | WriteError::Io { path, .. } => path,
        }
    }
}

/// What to do when the target already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clobber {
    /// Refuse with [`WriteError::Exists`].
    Refuse,
    /// Replace it (atomically).
    Overwrite,
}

/// Write `path` atomically: `body` writes into a temporary file in the same folder, which
/// is synced and then moved into place. With [`Clobber::Refuse`] an existing file is left
/// alone (checked atomically, by linking rather than renaming). On any error the
/// temporary file is removed and the target is untouched.
pub fn write_atomic<F>(path: &Path, clobber: Clobber, body: F) -> Result<(), WriteError>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let folder = folder_of(path);
    check_folder(path, &folder)?;
    if clobber == Clobber::Refuse && fs::symlink_metadata(path).is_ok() {
        return Err(WriteError::Exists {
            path: path.to_path_buf(),
        });
    }
    // Overwriting replaces a regular file (or a link to one), never a device, a pipe or
    // a folder that happens to sit at the path.
    if fs::symlink_metadata(path).is_ok() && !fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return Err(WriteError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let (tmp, file) = create_temp(path, &folder)?;
    if let Err(e) = fill(file, body).and_then(|()| place(&tmp, path, clobber)) {
        let _ = fs::remove_file(&tmp);
        return Err((path.to_path_buf(), e).into());
    }
    sync_folder(&folder);
    Ok(())
}

/// The folder a path lives in (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn check_folder(path: &Path, folder: &Path) -> Result<(), WriteError> {
    match fs::metadata(folder) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(WriteError::NotAFolder {
            path: path.to_path_buf(),
            folder: folder.to_path_buf(),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(WriteError::NoFolder {
            path: path.to_path_buf(),
            folder: folder.to_path_buf(),
        }),
        // A path through a file ("notes.txt/out.md") reports "not a directory".
        Err(_) => Err(WriteError::NotAFolder {
            path: path.to_path_buf(),
            folder: folder.to_path_buf(),
        }),
    }
}

/// What marks dossier's temporary files: `.<target>.dossier-tmp-<pid>-<n>`, so a user who
/// sees one knows what left it, and the next write can tell a dead process's leftovers.
const TEMP_MARK: &str = ".dossier-tmp-";

/// Remove the temporary files that writes of `name` in `folder` left when their process
/// was killed (its pid no longer runs); a live process's are left alone, and so is
/// everything else. The older `.tmp-<pid>-<n>` names are recognised too.
fn remove_stale_temps(folder: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let prefix = format!(".{name}");
    for e in entries.filter_map(Result::ok) {
        let file = e.file_name();
        let Some(rest) = file.to_str().and_then(|f| f.strip_prefix(&prefix)) else {
            continue;
        };
        let Some(tail) = rest
            .strip_prefix(TEMP_MARK)
            .or_else(|| rest.strip_prefix(".tmp-"))
        else {
            continue;
        };
        let pid = tail.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|pid| pid != std::process::id() && !process_runs(pid)) {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Whether process `pid` still runs (Linux: it has a /proc entry). Elsewhere every
/// process is taken to run, so no temporary file is ever removed by mistake.
fn process_runs(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Create a fresh temporary file beside the target (hidden, unique per process and call),
/// first removing those that killed writes left behind.
fn create_temp(path: &Path, folder: &Path) -> Result<(PathBuf, File), WriteError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    remove_stale_temps(folder, &name);
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = folder.join(format!(".{name}{TEMP_MARK}{}-{n}", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                return Err(WriteError::Denied {
                    path: path.to_path_buf(),
                    folder: folder.to_path_buf(),
                    source: e,
                })
            }
            Err(e) => {
                return Err(WriteError::Io {
                    path: path.to_path_buf(),
                    source: e,
                })
            }
        }
    }
}

/// Run the body into the file, flush and sync it.
fn fill<F>(file: File, body: F) -> io::Result<()>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let mut w = BufWriter::new(file);
    body(&mut w)?;
    let file = w.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()
}

/// Move the finished temporary file into place.
fn place(tmp: &Path, path: &Path, clobber: Clobber) -> io::Result<()> {
    match clobber {
        Clobber::Overwrite => fs::rename(tmp, path),
        Clobber::Refuse => match fs::hard_link(tmp, path) {
            // Linking fails if the target appeared meanwhile: no clobber, even in a race.
            Ok(()) => fs::remove_file(tmp),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
            // File systems without hard links: check, then rename (a small race remains).
            Err(_) if fs::symlink_metadata(path).is_err() => fs::rename(tmp, path),
            Err(e) => Err(e),
        },
    }
}

/// Make the rename durable (best effort: not every platform can sync a folder).
fn sync_folder(folder: &Path) {
    if let Ok(f) = File::open(folder) {
        let _ = f.sync_all();
    }
}

/// Map errors from [`place`] about an existing file to [`WriteError::Exists`].
impl From<(PathBuf, io::Error)> for WriteError {
    fn from((path, source): (PathBuf, io::Error)) -> Self {
        if source.kind() == io::ErrorKind::AlreadyExists {
            WriteError::Exists { path }
        } else {
            WriteError::Io { path, source }
        }
    }
}

/// A writer that fails with "no space left" after `limit` bytes: a full disk, for tests.
#[derive(Debug)]
pub struct FailAfter<W> {
    inner: W,
    left: usize,
}

impl<W: Write> FailAfter<W> {
    /// Pass through `limit` bytes, then fail every write.
    pub fn new(inner: W, limit: usize) -> Self {
        FailAfter { inner, left: limit }
    }
}

impl<W: Write> Write for FailAfter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.left == 0 {
            return Err(io::Error::other("no space left on device"));
        }
        let n = buf.len().min(self.left);
        let n = self.inner.write(&buf[..n])?;
        self.left -= n;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    /// A successful write leaves exactly the target with the body's bytes.
    #[test]
    fn writes_whole_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.md");
        write_atomic(&p, Clobber::Refuse, |w| w.write_all(b"hello")).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "hello");
        assert_eq!(files(dir.path()), ["out.md"]);
    }

    /// An existing file is refused and left as it was, unless overwriting is asked for.
    #[test]
    fn existing_file_refused_unless_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.md");
        fs::write(&p, "old").unwrap();
        let e = write_atomic(&p, Clobber::Refuse, |w| w.write_all(b"new")).unwrap_err();
        assert!(matches!(e, WriteError::Exists { .. }), "{e}");
        assert!(e.to_string().contains("out.md") && e.to_string().contains("--force"));
        assert_eq!(fs::read_to_string(&p).unwrap(), "old");
        assert_eq!(files(dir.path()), ["out.md"]);
        write_atomic(&p, Clobber::Overwrite, |w| w.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
    }

    /// A disk that fills up mid-write leaves no partial file and no temporary file.
    #[test]
    fn disk_full_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.md");
        let e = write_atomic(&p, Clobber::Refuse, |w| {
            let mut w = FailAfter::new(w, 10);
            w.write_all(&[b'x'; 100_000])
        })
        .unwrap_err();
        assert!(matches!(e, WriteError::Io { .. }), "{e}");
        assert!(e.to_string().contains("no space left"), "{e}");
        assert!(files(dir.path()).is_empty());
    }

    /// A failed overwrite leaves the earlier file untouched.
    #[test]
    fn failed_overwrite_keeps_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("state.json");
        fs::write(&p, "old").unwrap();
        write_atomic(&p, Clobber::Overwrite, |w| {
            FailAfter::new(w, 1).write_all(b"new contents")
        })
        .unwrap_err();
        assert_eq!(fs::read_to_string(&p).unwrap(), "old");
        assert_eq!(files(dir.path()), ["state.json"]);
    }

    /// A missing folder is named, with what to do.
    #[test]
    fn missing_folder_named() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("nope/out.md");
        let e = write_atomic(&p, Clobber::Refuse, |w| w.write_all(b"x")).unwrap_err();
        assert!(matches!(e, WriteError::NoFolder { .. }), "{e}");
        assert!(e.to_string().contains("does not exist"));
        assert!(!dir.path().join("nope").exists());
    }

    /// A path whose parent is a file (unwritable even for root) is refused clearly.
    #[test]
    fn parent_is_a_file() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "x").unwrap();
        let p = dir.path().join("notes.txt/out.md");
        let e = write_atomic(&p, Clobber::Refuse, |w| w.write_all(b"x")).unwrap_err();
        assert!(matches!(e, WriteError::NotAFolder { .. }), "{e}");
        assert_eq!(e.path(), p);
    }

    /// A bare file name writes into the current folder's terms (parent ".").
    #[test]
    fn bare_name_has_dot_folder() {
        assert_eq!(folder_of(Path::new("out.md")), PathBuf::from("."));
    }

    /// The bounded read never blocks on a pipe (as when a file is swapped for one after
    /// it was checked), refuses devices, and stops one byte past the limit.
    #[cfg(unix)]
    #[test]
    fn read_bounded_refuses_pipes_and_devices() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        assert!(matches!(
            read_bounded(&fifo, 10),
            Err(ReadError::NotRegular)
        ));
        assert!(matches!(
            read_bounded(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular)
        ));
        let f = dir.path().join("a.txt");
        fs::write(&f, "0123456789").unwrap();
        assert_eq!(read_bounded(&f, 10).unwrap(), b"0123456789");
        assert!(matches!(
            read_bounded(&f, 9),
            Err(ReadError::TooLarge { max: 9 })
        ));
        assert_eq!(read_bounded(&f, u64::MAX).unwrap().len(), 10);
    }

    /// Temporary files of a killed write (a pid that no longer runs, new or old naming)
    /// are removed by the next write of the same file; a running process's are kept, and
    /// so are unrelated hidden files.
    #[cfg(target_os = "linux")]
    #[test]
    fn stale_temp_files_of_dead_processes_removed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.md");
        // Above Linux's largest pid (2^22), so it never runs.
        let dead = dir.path().join(".out.md.dossier-tmp-999999999-0");
        let old = dir.path().join(".out.md.tmp-999999998-3");
        let alive = dir
            .path()
            .join(format!(".out.md.dossier-tmp-{}-77", std::process::id()));
        let other = dir.path().join(".notes.md.dossier-tmp-999999999-0");
        for f in [&dead, &old, &alive, &other] {
            fs::write(f, "partial").unwrap();
        }
        write_atomic(&target, Clobber::Refuse, |w| w.write_all(b"done")).unwrap();
        assert!(!dead.exists() && !old.exists());
        assert!(alive.exists() && other.exists());
        assert_eq!(fs::read_to_string(&target).unwrap(), "done");
    }
}
