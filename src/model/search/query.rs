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
    /// For a fuzzy term, the same needle as one contiguous piece: found so, the term
    /// ranks above every scattered match.
    contiguous: Option<Atom>,
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
    /// The speaker's name as the result shows it (quotes with a known speaker).
    pub name: Option<Utf32Str<'a>>,
    /// The source's label as the result shows it ("2. Daily Planet").
    pub label: Option<Utf32Str<'a>>,
}

/// What to highlight in each part of a result's line: character indices, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    pub text: Vec<usize>,
    pub name: Vec<usize>,
    pub label: Vec<usize>,
}

/// A fuzzy term found as one contiguous piece scores this much more than any scattered
/// match of its letters: nucleo-matcher's scores fit in a u16, so every contiguous match
/// ranks above every scattered one, whatever the lengths. Without it, "statement" on a
/// dev dossier matched 45 of 81 sentences with the scattered ones interleaved among the
/// sentences that say "statement".
pub(super) const CONTIGUOUS: i64 = 1 << 16;

/// Which part of a result's line a term matched best.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Text,
    Name,
    Label,
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
        self.marks(m, f).text
    }

    /// What each matching term covers, in the part of the line where it matched best
    /// (the text on a tie), sorted, without duplicates.
    pub fn marks(&self, m: &mut Matcher, f: &Fields<'_>) -> Marks {
        let mut ix: [Vec<u32>; 3] = Default::default();
        for t in self.groups.iter().flatten().filter(|t| !t.negated) {
            let Some((part, score)) = best_part(m, t, f, false) else {
                continue;
            };
            let (hay, out) = match part {
                Part::Text => (f.text, &mut ix[0]),
                Part::Name => (f.name.unwrap_or(f.text), &mut ix[1]),
                Part::Label => (f.label.unwrap_or(f.text), &mut ix[2]),
            };
            match (part, anchor_at(t, f)) {
                (Part::Text, Some(Some((start, n)))) => {
                    out.extend((start..start + n).map(|i| i as u32))
                }
                (Part::Text, Some(None)) => {}
                _ => {
                    let atom = match &t.contiguous {
                        Some(c) if score >= CONTIGUOUS => c,
                        _ => &t.atom,
                    };
                    atom.indices(hay, m, out);
                }
            }
        }
        let [text, name, label] = ix.map(|v| {
            let mut out: Vec<usize> = v.into_iter().map(|i| i as usize).collect();
            out.sort_unstable();
            out.dedup();
            out
        });
        Marks { text, name, label }
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
    let contiguous = (kind == TermKind::Fuzzy).then(|| {
        Atom::new(
            &text,
            CaseMatching::Smart,
            Normalization::Smart,
            AtomKind::Substring,
            false,
        )
    });
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
        contiguous,
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
/// its text is absent from the whole line).
fn term_score(m: &mut Matcher, t: &Term, f: &Fields<'_>, greedy: bool) -> Option<i64> {
    if t.negated {
        let present = text_score(m, t, f, greedy).is_some()
            || (t.kind == TermKind::Exact && others(f).any(|h| t.atom.score(h, m).is_some()));
        return (!present).then_some(0);
    }
    best_part(m, t, f, greedy).map(|(_, s)| s)
}

/// The speaker's name and the source's label, when the item has them.
fn others<'a>(f: &Fields<'a>) -> impl Iterator<Item = Utf32Str<'a>> {
    [f.name, f.label].into_iter().flatten()
}

/// The part of the line a (positive) term matches best, with its score; the text wins
/// ties. Anchored terms (`^`, `$`) match the text only.
fn best_part(m: &mut Matcher, t: &Term, f: &Fields<'_>, greedy: bool) -> Option<(Part, i64)> {
    let mut best = text_score(m, t, f, greedy).map(|s| (Part::Text, s));
    if matches!(t.kind, TermKind::Fuzzy | TermKind::Exact) {
        for (part, hay) in [(Part::Name, f.name), (Part::Label, f.label)] {
            let Some(hay) = hay else { continue };
            let s = match &t.contiguous {
                Some(c) => c.score(hay, m).map(|s| CONTIGUOUS + i64::from(s)),
                None => None,
            };
            let s = s.or_else(|| t.atom.score(hay, m).map(i64::from));
            if let Some(s) = s.filter(|&s| best.is_none_or(|(_, b)| s > b)) {
                best = Some((part, s));
            }
        }
    }
    best
}

/// A term's score on the text alone (for a negated term: Some when its text is there).
fn text_score(m: &mut Matcher, t: &Term, f: &Fields<'_>, greedy: bool) -> Option<i64> {
    match (anchor_at(t, f), quick(t, f)) {
        (Some(None), _) | (_, Some(false)) => return None,
        // Present: a negated term needs no score.
        (_, Some(true)) if t.negated => return Some(0),
        _ => {}
    }
    if let Some(c) = &t.contiguous {
        // On ASCII text a plain substring search rules the contiguous match out cheaply.
        let maybe = match f.lower {
            Some(lower) if t.lower.is_ascii() && !t.case_sensitive => lower.contains(&t.lower),
            _ => true,
        };
        if let Some(s) = maybe.then(|| c.score(f.text, m)).flatten() {
            return Some(CONTIGUOUS + i64::from(s));
        }
    }
    let score = if greedy && t.kind == TermKind::Fuzzy && !t.negated && t.text.is_ascii() {
        // The atom's own settings, with the needle folded as the atom folds it.
        m.config.ignore_case = !t.case_sensitive;
        m.config.normalize = true;
        let needle = if t.case_sensitive { &t.text } else { &t.lower };
        m.fuzzy_match_greedy(f.text, Utf32Str::Ascii(needle.as_bytes()))
    } else {
        t.atom.score(f.text, m)
    };
    score.map(i64::from)
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
