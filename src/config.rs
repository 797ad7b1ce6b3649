//! Settings: `config.toml` in the user's config folder (or `$DOSSIER_CONFIG`), over the
//! documented defaults embedded from `assets/config.toml`.
//!
//! Key bindings are kept as data (action name -> key strings) for the reader's keymap to
//! read; this module knows nothing of terminals. An invalid file never stops the reader:
//! [`load`] reports it with file, line and column and falls back to the defaults.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The documented default settings, as shipped.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");

/// The environment variable that names the config file.
pub const CONFIG_ENV: &str = "DOSSIER_CONFIG";

/// The settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The colour theme's name.
    pub theme: String,
    /// Key overrides: action name -> keys ("ctrl-f", "j", "enter").
    pub keys: BTreeMap<String, Vec<String>>,
}

/// The file as written: everything optional, nothing unknown.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    theme: Option<String>,
    #[serde(default)]
    keys: BTreeMap<String, Vec<String>>,
}

/// Why a config file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}:{line}:{column}: invalid config: {message}")]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: cannot read the config: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Default for Config {
    fn default() -> Self {
        let base = Config {
            theme: "default".into(),
            keys: BTreeMap::new(),
        };
        // The embedded file is checked by a test; the bare defaults are the fallback.
        over(
            base.clone(),
            Path::new("assets/config.toml"),
            DEFAULT_CONFIG,
        )
        .unwrap_or(base)
    }
}

/// Settings as loaded, with what went wrong (if anything) as a message to show.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: Config,
    /// The file read, if one exists.
    pub path: Option<PathBuf>,
    /// "file:line:column: invalid config: …; using the defaults".
    pub warning: Option<String>,
}

/// Where the config file is: `$DOSSIER_CONFIG`, else `config.toml` in the config folder.
pub fn config_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "dossier").map(|d| d.config_dir().join("config.toml"))
}

/// Load the user's settings (defaults when there is no file or it is invalid).
pub fn load() -> Loaded {
    match config_path() {
        Some(p) => load_from(&p),
        None => Loaded {
            config: Config::default(),
            path: None,
            warning: None,
        },
    }
}

/// Load settings from `path` over the defaults; a missing file is not an error.
pub fn load_from(path: &Path) -> Loaded {
    let read = match std::fs::read_to_string(path) {
        Ok(src) => parse(path, &src),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Loaded {
                config: Config::default(),
                path: None,
                warning: None,
            }
        }
        Err(source) => Err(ConfigError::Io {
            path: path.to_path_buf(),
            source,
        }),
    };
    match read {
        Ok(config) => Loaded {
            config,
            path: Some(path.to_path_buf()),
            warning: None,
        },
        Err(e) => Loaded {
            config: Config::default(),
            path: Some(path.to_path_buf()),
            warning: Some(format!("{e}; using the defaults")),
        },
    }
}

/// Parse a config file's text over the defaults (a user's keys replace that action's
/// default keys).
pub fn parse(path: &Path, src: &str) -> Result<Config, ConfigError> {
    over(Config::default(), path, src)
}

/// Apply a file's settings over `base`.
fn over(base: Config, path: &Path, src: &str) -> Result<Config, ConfigError> {
    let raw: Raw = toml::from_str(src).map_err(|e| {
        let (line, column) = e
            .span()
            .map_or((1, 1), |sp| crate::model::load::line_col(src, sp.start));
        ConfigError::Invalid {
            path: path.to_path_buf(),
            line,
            column,
            message: e.message().trim().to_string(),
        }
    })?;
    let mut keys = base.keys;
    for (action, list) in raw.keys {
        if let Some(bad) = list.iter().find(|k| k.trim().is_empty()) {
            return Err(invalid_key(path, src, &action, bad));
        }
        keys.insert(action, list);
    }
    Ok(Config {
        theme: raw.theme.unwrap_or(base.theme),
        keys,
    })
}

/// An empty key string, located at its action's line.
fn invalid_key(path: &Path, src: &str, action: &str, key: &str) -> ConfigError {
    let at = src
        .lines()
        .scan(0, |off, l| {
            let start = *off;
            *off += l.len() + 1;
            Some((start, l))
        })
        .find(|(_, l)| l.trim_start().starts_with(action))
        .map_or(0, |(s, _)| s);
    let (line, column) = crate::model::load::line_col(src, at);
    ConfigError::Invalid {
        path: path.to_path_buf(),
        line,
        column,
        message: format!("action {action:?} has an empty key {key:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped default parses, with the default theme and no overrides.
    #[test]
    fn embedded_default_parses() {
        let c = parse(Path::new("assets/config.toml"), DEFAULT_CONFIG).unwrap();
        assert_eq!(c.theme, "default");
        assert!(c.keys.is_empty());
        assert_eq!(Config::default(), c);
    }

    /// A user's file sets the theme and key overrides; the rest stays default.
    #[test]
    fn user_overrides() {
        let c = parse(
            Path::new("c.toml"),
            "theme = \"light\"\n[keys]\nfinder = [\"ctrl-f\", \"/\"]\n",
        )
        .unwrap();
        assert_eq!(c.theme, "light");
        assert_eq!(c.keys["finder"], ["ctrl-f", "/"]);
    }

    /// A syntax error is reported with file, line and column.
    #[test]
    fn syntax_error_has_line_and_column() {
        let e = parse(Path::new("c.toml"), "theme = \"dark\"\n[keys\n").unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("c.toml:2:"), "{msg}");
    }

    /// Unknown settings and wrong types are errors at their place, not silently ignored.
    #[test]
    fn unknown_field_and_wrong_type() {
        let e = parse(Path::new("c.toml"), "theme = \"x\"\ncolour = 3\n").unwrap_err();
        assert!(e.to_string().starts_with("c.toml:2:1:"), "{e}");
        let e = parse(Path::new("c.toml"), "[keys]\nfinder = \"ctrl-f\"\n").unwrap_err();
        assert!(e.to_string().starts_with("c.toml:2:"), "{e}");
        let e = parse(Path::new("c.toml"), "[keys]\nfinder = [\" \"]\n").unwrap_err();
        assert!(e.to_string().starts_with("c.toml:2:1:"), "{e}");
    }

    /// An invalid file yields the defaults and a warning naming it; a missing one, the
    /// defaults and no warning.
    #[test]
    fn invalid_file_falls_back_to_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.toml");
        std::fs::write(&p, "theme = [").unwrap();
        let l = load_from(&p);
        assert_eq!(l.config, Config::default());
        let w = l.warning.unwrap();
        assert!(
            w.contains("config.toml:1:") && w.ends_with("using the defaults"),
            "{w}"
        );
        let l = load_from(&dir.path().join("none.toml"));
        assert!(l.warning.is_none() && l.path.is_none());
    }
}
