//! Names as written: splitting a capitalized run into a role and a name, and the key
//! that makes "Lloyd Austin" and "Lloyd J. Austin III" one person.

use crate::model::lex::{has, is_cap};
use crate::model::lexicon::{anonymous, demonyms, institutions, name_stopwords, places, titles};

/// What a run of capitalized words names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NameKind {
    Person,
    Institution,
}

/// A name split from its title: "U.S. Secretary of Defense Lloyd Austin" gives role
/// "U.S. Secretary of Defense" and name words ["Lloyd", "Austin"].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub role: Option<String>,
    pub words: Vec<String>,
    pub kind: NameKind,
    /// The gender an honorific before the name tells ("Mrs Ruiz"; honorifics are not kept
    /// in the role).
    pub honorific: Option<super::Gender>,
}

/// True for generational suffixes ("Jr.", "III").
fn is_suffix(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Jr" | "Sr" | "II" | "III" | "IV" | "jr" | "sr"
    )
}

/// True for an initial ("J.", "J").
fn is_initial(w: &str) -> bool {
    let t = w.trim_end_matches('.');
    t.chars().count() == 1 && t.chars().all(char::is_uppercase)
}

/// True for a title or role word.
pub(crate) fn is_title(w: &str) -> bool {
    let one =
        |w: &str| has(titles(), w) || (w.ends_with('.') && has(titles(), w.trim_end_matches('.')));
    // "Sheriff-Coroner", "director-general": a compound of titles is a title.
    one(w) || (w.contains('-') && w.split('-').all(|p| !p.is_empty() && one(p)))
}

/// Split a run of words (titles and capitalized words, as written) into role and name.
/// Returns None when nothing in it is a name.
pub(crate) fn parse(words: &[&str]) -> Option<Parsed> {
    // Drop leading function words ("When", "The", "On Monday").
    let mut ws: &[&str] = words;
    while let Some((first, rest)) = ws.split_first() {
        if has(name_stopwords(), first) {
            ws = rest;
        } else {
            break;
        }
    }
    if ws.is_empty() {
        return None;
    }
    let honorific = super::gender_of_role(&words[..words.len() - ws.len()].join(" "));
    // The name is the trailing run of capitalized words (and name particles) that are
    // not titles.
    let mut cut = ws.len();
    while cut > 0 {
        let w = ws[cut - 1];
        let particle = is_particle(w) && cut < ws.len();
        if !particle && (is_title(w) || !is_cap(w)) {
            break;
        }
        cut -= 1;
    }
    while cut < ws.len() && is_particle(ws[cut]) && !is_cap(ws[cut]) {
        cut += 1;
    }
    // "Ministry of Health", "Mayor of Lakeside Ana Ruiz": the first word after "of" or
    // "for" is its object and belongs to the role; a name of one word there names no
    // person.
    let object = cut > 0 && matches!(ws[cut - 1], "of" | "for");
    if object && ws.len() - cut >= 3 {
        cut += 1;
    }
    let object_only = object && ws.len() - cut < 2;
    let name = &ws[cut..];
    let joined = name.join(" ");
    // An acronym ("KCNA", "U.N.") is an organization.
    let acronym = name.len() == 1 && {
        let bare: String = name[0].chars().filter(|c| *c != '.').collect();
        bare.chars().count() >= 2 && bare.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let not_name = acronym
        || object_only
        || name.is_empty()
        || name.iter().all(|w| is_suffix(w) || is_initial(w))
        || name.iter().any(|w| has(institutions(), w))
        || has(institutions(), &joined)
        || has(places(), &joined)
        || (name.len() == 1 && has(anonymous(), name[0]));
    let person = !not_name;
    if !person {
        // An institution when the words name one ("Defense Ministry", "the Pentagon",
        // "Ministry of Economic Affairs", "Russia"); "Police Chief Maria Ortiz" is a person.
        let all = ws.join(" ");
        if acronym
            || ws.iter().any(|w| has(institutions(), w))
            || has(institutions(), &all)
            || has(places(), &all)
        {
            return Some(Parsed {
                role: None,
                words: ws.iter().map(|w| (*w).to_string()).collect(),
                kind: NameKind::Institution,
                honorific: None,
            });
        }
        return None;
    }
    // "South Korean", "Korean": a nationality is no name; "Valley English", an outlet
    // named with a language after a word of its own, is one.
    let owned_demonym = name.len() >= 2 && {
        let w = name[name.len() - 2];
        !has(demonyms(), w)
            && !has(places(), w)
            && !matches!(w, "North" | "South" | "East" | "West" | "Central")
    };
    if name.last().is_some_and(|w| is_demonym(w)) && !owned_demonym {
        return None;
    }
    let role = (cut > 0).then(|| ws[..cut].join(" "));
    Some(Parsed {
        role,
        words: name.iter().map(|w| (*w).to_string()).collect(),
        kind: NameKind::Person,
        honorific,
    })
}

/// Name particles that belong to the surname after them ("van Dam", "de la Cruz").
pub(crate) fn is_particle(w: &str) -> bool {
    w.len() <= 5
        && [
            "van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "bin",
            "ibn", "al", "ter", "ten", "dos", "das",
        ]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(w))
}

/// True for a nationality word of `assets/demonyms.txt` or its noun for a person ("Dutch",
/// "Dutchman", "Frenchwoman"): "the Dutchman said" names a role, not a person called so.
fn is_demonym(w: &str) -> bool {
    let stem = ["woman", "women", "man", "men"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .filter(|s| s.chars().count() >= 4);
    has(demonyms(), w) || stem.is_some_and(|s| has(demonyms(), s))
}

/// Where a run of name words holds a person named before "of" ("Rajesh Iyer of Corbin
/// Securities", "Mayor Ana Ruiz of Lakeside"), the index of that "of": the words after it
/// tell where the person works or comes from and name no one. None when no person opens
/// the run ("Secretary of State Ana Ruiz", "Bank of England", "Duke of Kent") or when one
/// word alone, with no title, stands before it ("Statue of Liberty").
pub(crate) fn person_before_of(ws: &[&str]) -> Option<usize> {
    let m = ws.iter().position(|w| *w == "of")?;
    let p = parse(&ws[..m])?;
    (p.kind == NameKind::Person && (p.words.len() >= 2 || p.role.is_some())).then_some(m)
}

/// True when a run of name words goes on over `w`: a particle followed by a capitalized
/// word, directly or over one more particle ("van Dam", "de la Cruz", "van der Berg").
/// `next` and `then` are the two words after `w` in reading order (before it when a run
/// is read backwards, where the capitalized word is the given name: "Ana de la Cruz").
pub(crate) fn particle_joins(w: &str, next: Option<&str>, then: Option<&str>) -> bool {
    is_particle(w)
        && (next.is_some_and(is_cap)
            || (next.is_some_and(|n| is_particle(n) && !is_cap(n)) && then.is_some_and(is_cap)))
}

/// The words that identify a person: initials and suffixes dropped, particles joined to
/// the surname ("Lloyd J. Austin III" gives ["Lloyd", "Austin"], "Niels van Dam" gives
/// ["Niels", "van Dam"]).
pub(crate) fn core(words: &[String]) -> Vec<String> {
    let ws: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !is_initial(w) && !is_suffix(w))
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut pending = String::new();
    for (i, w) in ws.iter().enumerate() {
        if is_particle(w) && i + 1 < ws.len() {
            pending.push_str(w);
            pending.push(' ');
            continue;
        }
        out.push(format!("{pending}{w}"));
        pending.clear();
    }
    out
}

/// The key of a full name: first and last core words, lowercased.
/// Hyphens after the first word count as spaces, so "Kim Jong-un" and "Kim Jong Un" share
/// a key; a hyphenated first word is one given name, so "Anne-Marie Roux" and her mother
/// "Anne Roux" stay two people.
pub(crate) fn key(words: &[String]) -> String {
    let core = core(words);
    let Some((first, rest)) = core.split_first() else {
        return String::new();
    };
    let first = fold(&first.to_lowercase()).replace(['-', '‑'], "");
    let first = nickname(&first).unwrap_or(&first);
    let c = format!(
        "{} {}",
        first,
        fold(&rest.join(" ").to_lowercase()).replace(['-', '‑'], " ")
    );
    let parts: Vec<&str> = c.split_whitespace().collect();
    match parts.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [first, .., last] => format!("{first} {last}"),
    }
}

/// The full given name a short form stands for ("rick" -> "richard"), from
/// `assets/nicknames.txt`.
fn nickname(w: &str) -> Option<&'static str> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<String, String>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        crate::model::lexicon::parse_list(include_str!("../../../assets/nicknames.txt"))
            .into_iter()
            .filter_map(|l| {
                let (short, full) = l.split_once(' ')?;
                Some((short.to_string(), full.trim().to_string()))
            })
            .collect()
    })
    .get(w)
    .map(String::as_str)
}

/// A lowercase name without its accents ("françois" -> "francois"): outlets drop them.
pub(crate) fn fold(w: &str) -> String {
    w.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' | 'č' | 'ć' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' | 'ń' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            _ => c,
        })
        .collect()
}

/// The canonical spelling of a name: its core words ("Lloyd Austin").
pub(crate) fn canonical(words: &[String]) -> String {
    core(words).join(" ")
}
