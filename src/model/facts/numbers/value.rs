//! The value of a number as written: a numeral with its grouping and scale ("10,000",
//! "3.5 million", "264m") or written numbers ("a dozen", "twenty-five thousand",
//! "hundreds of thousands").

use super::word;
use crate::model::facts::lexicon::{self, NumberWord, IN_NUMBER_WORDS};
use crate::model::facts::tokens::{Tok, Token};

/// The value of a numeral as written: "10,000" -> 10000, "2,40,000" -> 240000, "3.5" -> 3.5;
/// with the place of its last significant digit (10,000 -> 10000, 2,527 -> 1, 3.5 -> 0.1).
pub fn parse_numeral(s: &str) -> Option<(f64, f64)> {
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let (int, frac) = if dots > 1 && commas == 0 {
        // "1.000.000": dots group thousands.
        (s.replace('.', ""), String::new())
    } else {
        let int_frac: Vec<&str> = s.splitn(2, '.').collect();
        let int = int_frac.first().copied().unwrap_or("");
        let groups: Vec<&str> = int.split(',').collect();
        // Grouping: groups after the first have 2 or 3 digits, the last 3 (Western or Indian).
        let grouped = groups.len() == 1
            || (groups.last().is_some_and(|g| g.len() == 3)
                && groups[1..].iter().all(|g| g.len() == 2 || g.len() == 3));
        if !grouped {
            return None;
        }
        (
            groups.concat(),
            int_frac.get(1).map(|f| f.to_string()).unwrap_or_default(),
        )
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: f64 = if frac.is_empty() {
        int.parse().ok()?
    } else {
        format!("{int}.{frac}").parse().ok()?
    };
    let place = if !frac.is_empty() {
        10f64.powi(-(frac.len().min(12) as i32))
    } else {
        let trimmed = int.trim_start_matches('0');
        let zeros = trimmed.len() - trimmed.trim_end_matches('0').len();
        if trimmed.is_empty() {
            1.0
        } else {
            10f64.powi(zeros.min(trimmed.len() - 1).min(15) as i32)
        }
    };
    Some((value, place))
}

/// True when the word `t` may open a value: a number word, or "a" or "an" before one ("a
/// dozen"). Its bits say whether it is a number word, without a lookup: most words of a
/// sentence open no value.
pub(super) fn word_may_open(t: &Token) -> bool {
    t.lists & IN_NUMBER_WORDS != 0 || t.lower == "a" || t.lower == "an"
}

/// The numeric value starting at token `i`: (value, place, first token after, vague).
pub(super) fn value_at(toks: &[Token], i: usize) -> Option<(f64, f64, usize, bool)> {
    let t = toks.get(i)?;
    let words = lexicon::number_words();
    if t.kind == Tok::Number {
        let (v, place) = parse_numeral(&t.lower)?;
        let mut j = i + 1;
        let (mut v, mut place) = (v, place);
        if let Some(n) = toks.get(j) {
            // A scale: "3.5 million", "264m", "2bn", "10k".
            if let Some(NumberWord::Scale(s)) = (n.kind == Tok::Word)
                .then(|| words.get(n.lower.as_str()))
                .flatten()
            {
                let short = n.lower.len() <= 2;
                if !short || n.glued {
                    v *= s;
                    place *= s;
                    j += 1;
                }
            }
        }
        if let Some(k) = and_a_half(toks, j) {
            return Some((v + 0.5, 0.5, k, false));
        }
        return Some((v, place, j, false));
    }
    if t.kind != Tok::Word {
        return None;
    }
    if !word_may_open(t) {
        return None;
    }
    // "a dozen", "a thousand"
    let mut j = i;
    if t.lower == "a" || t.lower == "an" {
        let number_word = |n: &&Token| n.lists & IN_NUMBER_WORDS != 0;
        match toks
            .get(i + 1)
            .filter(number_word)
            .and_then(|n| words.get(n.lower.as_str()))
        {
            Some(NumberWord::Scale(_)) | Some(NumberWord::Value(_))
                if toks[i + 1].lower.len() > 2 =>
            {
                j = i + 1
            }
            _ => return None,
        }
    }
    // Vague plurals: "hundreds of thousands".
    if let Some(NumberWord::Vague(v)) = words.get(toks[j].lower.as_str()) {
        let mut v = *v;
        let mut k = j + 1;
        while word(toks, k) == Some("of") {
            match toks.get(k + 1).and_then(|n| words.get(n.lower.as_str())) {
                Some(NumberWord::Vague(m)) | Some(NumberWord::Scale(m))
                    if toks[k + 1].lower.len() > 2 =>
                {
                    v *= m;
                    k += 2;
                }
                _ => break,
            }
        }
        return Some((v, v, k, true));
    }
    let (mut total, mut current, mut any) = (0.0f64, 0.0f64, false);
    let mut place = 1.0;
    let mut k = j;
    while let Some(tk) = toks.get(k) {
        if tk.kind == Tok::Punct && tk.lower == "-" && any {
            k += 1;
            continue;
        }
        if tk.kind == Tok::Word && tk.lower == "and" && any {
            let more = toks
                .get(k + 1)
                .is_some_and(|n| matches!(words.get(n.lower.as_str()), Some(NumberWord::Value(_))));
            if more {
                k += 1;
                continue;
            }
            break;
        }
        if tk.kind != Tok::Word || tk.lower.len() <= 2 {
            break;
        }
        match words.get(tk.lower.as_str()) {
            Some(NumberWord::Value(v)) => {
                current += v;
                place = if *v >= 10.0 && v % 10.0 == 0.0 {
                    10.0
                } else {
                    1.0
                };
            }
            Some(NumberWord::Scale(s)) => {
                let base = if current == 0.0 { 1.0 } else { current };
                if *s == 100.0 {
                    current = base * 100.0;
                } else {
                    total += base * s;
                    current = 0.0;
                }
                place = *s;
            }
            _ => break,
        }
        any = true;
        k += 1;
    }
    if !any {
        return None;
    }
    // Trim a trailing hyphen or "and" we stepped over.
    while k > j && toks[k - 1].kind != Tok::Word {
        k -= 1;
    }
    if let Some(end) = and_a_half(toks, k) {
        return Some((total + current + 0.5, 0.5, end, false));
    }
    Some((total + current, place, k, false))
}

/// "six-and-a-half hours", "2 and a half years": the half after a whole number is part of
/// its value. The index after "half" when the tokens from `k` read "and a half", with or
/// without hyphens between the words.
fn and_a_half(toks: &[Token], k: usize) -> Option<usize> {
    let mut k = k;
    for w in ["and", "a", "half"] {
        if toks.get(k).is_some_and(|t| t.lower == "-" && t.glued) {
            k += 1;
        }
        if word(toks, k) != Some(w) {
            return None;
        }
        k += 1;
    }
    // "12 players and a half-time coach": a "half" joined to the next word is no half.
    let joined = toks.get(k).is_some_and(|t| t.lower == "-" && t.glued);
    (!joined).then_some(k)
}
