//! The finder's query language, as fzf users type it, and matching one item against it.
//!
//! Space-separated terms must all match (a matcher would take a space literally, so
//! terms are split here; `\ ` is a literal space). `foo` is fuzzy, `'foo` an exact
//! substring, `^foo` a prefix, `foo$` a suffix, `^foo$` the whole text, `!foo` excludes
//! (exact), and a lone `|` between terms makes them alternatives. Smart case: a term with
//! an upper-case letter is case-sensitive; accents are folded ("e" finds "é"). `@name` keeps quotes by a speaker whose name or
//! alias contains `name`, `#source` items from articles whose file, outlet or title
//! contains `source` (both case-insensitive; `!@name`, `!#source` exclude).

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Matcher, Utf32Str};

/// How a term matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    Fuzzy,
    Exact,
    Prefix,
    Suffix,
    /// `^foo$`: the whole text.
    Equal,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub kind: TermKind,
    pub negated: bool,
    /// As typed (without its operators).
    pub text: String,
    /// The prepared needle (smart case, Unicode normalization: "e" finds "é").
    atom: Atom,
    /// A case-sensitive `^prefix` or `suffix$`: nucleo-matcher 0.3.1 compares the whole
    /// ASCII haystack there, so the anchor is checked here and `atom` is a substring atom
    /// used for the score only.
    anchored: bool,
    /// Lower-cased text, and whether the term is case-sensitive (smart case).
    lower: String,
    case_sensitive: bool,
}

/// Which field a filter applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Speaker,
    Source,
}

/// An `@name` or `#source` filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub field: Field,
    pub negated: bool,
    /// Lower-cased.
    pub text: String,
}

/// A parsed query: every group must match; a group matches when any of its terms does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Vec<Term>>,
    pub filters: Vec<Filter>,
    /// The order to try groups in: cheap and selective first (anchored and exact terms,
    /// then longer fuzzy terms), so most items fail early.
    order: Vec<usize>,
}

/// What one item offers to match against.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a> {
    pub text: Utf32Str<'a>,
    /// The same text as a string.
    pub raw: &'a str,
    /// The text lower-cased, when it is ASCII (for the quick exact path).
    pub lower: Option<&'a str>,
    /// Lower-cased speaker name and aliases, if any.
    pub speaker: Option<&'a str>,
    /// Lower-cased file, outlet and title.
    pub source: &'a str,
}

impl Query {
    /// Parse a query as typed.
    pub fn parse(input: &str) -> Query {
        let mut q = Query::default();
        let mut join_next = false;
        for token in tokens(input) {
            if token == "|" {
                join_next = !q.groups.is_empty();
                continue;
            }
            if let Some(f) = parse_filter(&token) {
                q.filters.push(f);
                continue;
            }
            let Some(term) = parse_term(&token) else {
                continue;
            };
            match q.groups.last_mut() {
                Some(g) if join_next => g.push(term),
                _ => q.groups.push(vec![term]),
            }
            join_next = false;
        }
        q.order = (0..q.groups.len()).collect();
        let cost = |g: &Vec<Term>| {
            let fuzzy = g.iter().any(|t| t.kind == TermKind::Fuzzy && !t.negated);
            let len = g.iter().map(|t| t.text.len()).min().unwrap_or(0);
            (g.len() > 1, fuzzy, std::cmp::Reverse(len))
        };
        q.order.sort_by_key(|&i| cost(&q.groups[i]));
        q
    }

    /// True when the query matches everything (no term, no filter).
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.filters.is_empty()
    }

    /// True when every item matching `self` also matches `old`, so only `old`'s hits need
    /// matching: the same query with a longer last fuzzy term, or one more plain term
    /// appended. Never across `!` or `|` terms.
    pub fn narrows(&self, old: &Query) -> bool {
        if self.filters != old.filters || self.groups.is_empty() {
            return false;
        }
        let plain = |g: &Vec<Term>| g.len() == 1 && !g[0].negated;
        let n = old.groups.len();
        if self.groups.len() == n + 1 {
            // One more AND term: any positive term narrows.
            return self.groups[..n] == old.groups[..] && plain(&self.groups[n]);
        }
        if self.groups.len() != n || self.groups[..n - 1] != old.groups[..n - 1] {
            return false;
        }
        let (new, old) = (&self.groups[n - 1], &old.groups[n - 1]);
        plain(new)
            && plain(old)
            && new[0].kind == TermKind::Fuzzy
            && old[0].kind == TermKind::Fuzzy
            && new[0].text.len() > old[0].text.len()
            && new[0].text.starts_with(&old[0].text)
    }

    /// The item's score when it matches (higher is better), else None. `greedy` scores
    /// ASCII fuzzy terms with the greedy algorithm (fzf's v1): the same items match, at a
    /// fraction of the cost, with a score that can be lower than the optimal one.
    pub fn score(&self, m: &mut Matcher, f: &Fields<'_>, greedy: bool) -> Option<i64> {
        if !self.filters.iter().all(|flt| filter_ok(flt, f)) {
            return None;
        }
        let mut total = 0i64;
        for group in self.order.iter().map(|&i| &self.groups[i]) {
            let mut best = None;
            for t in group {
                best = best.max(term_score(m, t, f, greedy));
            }
            total += best?;
        }
        Some(total)
    }

    /// Character indices of the text that the query's matching terms cover (for
    /// highlighting), sorted, without duplicates.
    pub fn indices(&self, m: &mut Matcher, f: &Fields<'_>) -> Vec<usize> {
        let mut ix: Vec<u32> = Vec::new();
        for t in self.groups.iter().flatten().filter(|t| !t.negated) {
            match anchor_at(t, f) {
                Some(Some((start, n))) => ix.extend((start..start + n).map(|i| i as u32)),
                Some(None) => {}
                None => {
                    t.atom.indices(f.text, m, &mut ix);
                }
            }
        }
        let mut out: Vec<usize> = ix.into_iter().map(|i| i as usize).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Split on unescaped whitespace; `\ ` is a literal space.
fn tokens(input: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_whitespace()) {
            cur.extend(chars.next());
        } else if c.is_whitespace() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn parse_filter(token: &str) -> Option<Filter> {
    let (negated, rest) = match token.strip_prefix('!') {
        Some(r) => (true, r),
        None => (false, token),
    };
    let field = match rest.chars().next()? {
        '@' => Field::Speaker,
        '#' => Field::Source,
        _ => return None,
    };
    let text = rest[1..].to_lowercase();
    // A lone "@" or "#" (being typed) filters nothing yet; it is still a filter, so it is
    // not fuzzy-matched as text.
    Some(Filter {
        field,
        negated,
        text,
    })
}

fn parse_term(token: &str) -> Option<Term> {
    let (negated, mut s) = match token.strip_prefix('!') {
        Some(r) => (true, r),
        None => (false, token),
    };
    let mut kind = if negated {
        TermKind::Exact
    } else {
        TermKind::Fuzzy
    };
    if let Some(r) = s.strip_prefix('\'') {
        s = r;
        kind = TermKind::Exact;
    } else if let Some(r) = s.strip_prefix('^') {
        s = r;
        kind = TermKind::Prefix;
    }
    if s.len() > 1 && s.ends_with('$') && !s.ends_with("\\$") {
        s = &s[..s.len() - 1];
        kind = if kind == TermKind::Prefix {
            TermKind::Equal
        } else {
            TermKind::Suffix
        };
    }
    let text = s.replace("\\$", "$");
    if text.is_empty() {
        return None;
    }
    let atom_kind = match kind {
        TermKind::Fuzzy => AtomKind::Fuzzy,
        TermKind::Exact => AtomKind::Substring,
        TermKind::Prefix => AtomKind::Prefix,
        TermKind::Suffix => AtomKind::Postfix,
        TermKind::Equal => AtomKind::Exact,
    };
    let case_sensitive = text.chars().any(char::is_uppercase);
    let anchored = case_sensitive && matches!(kind, TermKind::Prefix | TermKind::Suffix);
    let atom = Atom::new(
        &text,
        CaseMatching::Smart,
        Normalization::Smart,
        if anchored {
            AtomKind::Substring
        } else {
            atom_kind
        },
        false,
    );
    Some(Term {
        kind,
        negated,
        lower: text.to_lowercase(),
        text,
        atom,
        anchored,
        case_sensitive,
    })
}

fn filter_ok(flt: &Filter, f: &Fields<'_>) -> bool {
    let hay = match flt.field {
        Field::Speaker => f.speaker,
        Field::Source => Some(f.source),
    };
    let hit = hay.is_some_and(|h| h.contains(flt.text.as_str()));
    hit != flt.negated
}

/// A term's score on an item, None when the item fails it (a negated term scores 0 when
/// its text is absent).
fn term_score(m: &mut Matcher, t: &Term, f: &Fields<'_>, greedy: bool) -> Option<i64> {
    let score = match (anchor_at(t, f), quick(t, f)) {
        (Some(None), _) | (_, Some(false)) => None,
        // Present: a negated term fails without asking the matcher for a score.
        (_, Some(true)) if t.negated => return None,
        _ if greedy && t.kind == TermKind::Fuzzy && !t.negated && t.text.is_ascii() => {
            // The atom's own settings, with the needle folded as the atom folds it.
            m.config.ignore_case = !t.case_sensitive;
            m.config.normalize = true;
            let needle = if t.case_sensitive { &t.text } else { &t.lower };
            m.fuzzy_match_greedy(f.text, Utf32Str::Ascii(needle.as_bytes()))
        }
        _ => t.atom.score(f.text, m),
    };
    if t.negated {
        score.is_none().then_some(0)
    } else {
        score.map(i64::from)
    }
}

/// For an anchored case-sensitive term: None when not anchored, else where it matches
/// (first character index and length in characters), if it does.
fn anchor_at(t: &Term, f: &Fields<'_>) -> Option<Option<(usize, usize)>> {
    if !t.anchored {
        return None;
    }
    let n = t.text.chars().count();
    let total = f.raw.chars().count();
    Some(match t.kind {
        TermKind::Prefix => {
            let body = f.raw.trim_start();
            let lead = total - body.chars().count();
            body.starts_with(&t.text).then_some((lead, n))
        }
        _ => {
            let body = f.raw.trim_end();
            let len = body.chars().count();
            body.ends_with(&t.text).then(|| (len - n, n))
        }
    })
}

/// The quick path for exact, prefix and suffix terms on ASCII text with an ASCII needle
/// (where case folding is ASCII and normalization changes nothing): whether the term
/// occurs, found with plain string search. None when it does not apply.
pub(super) fn quick(t: &Term, f: &Fields<'_>) -> Option<bool> {
    if t.anchored || !t.text.is_ascii() {
        return None;
    }
    let lower = f.lower?;
    let (hay, needle) = if t.case_sensitive {
        (f.raw, t.text.as_str())
    } else {
        (lower, t.lower.as_str())
    };
    // A needle with whitespace at either end is left to nucleo-matcher, whose handling of
    // it ("  a" in "   a" is no match) plain string search does not reproduce.
    if needle.starts_with(char::is_whitespace) || needle.ends_with(char::is_whitespace) {
        return None;
    }
    // Like nucleo-matcher, anchors skip surrounding whitespace.
    Some(match t.kind {
        TermKind::Exact => hay.contains(needle),
        TermKind::Prefix => hay.trim_start().starts_with(needle),
        TermKind::Suffix => hay.trim_end().ends_with(needle),
        TermKind::Fuzzy | TermKind::Equal => return None,
    })
}

/// Whether nucleo-matcher alone finds the term (to check the quick path against).
#[cfg(test)]
pub(super) fn nucleo_finds(m: &mut Matcher, t: &Term, f: &Fields<'_>) -> bool {
    t.atom.score(f.text, m).is_some()
}
