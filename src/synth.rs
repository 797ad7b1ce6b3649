//! Synthetic dossiers for benchmarks: large, realistic, deterministic from a seed.
//!
//! A dossier is made of many sub-stories (events); each is covered by 3–10 articles that
//! restate its facts in varied words with varied figures, quotes and speakers, plus
//! filler. Names, places and key terms are made up per event from syllables, so claim
//! clusters stay bounded as the dossier grows (recombining a few fixed sentences would
//! make every cluster huge and the growth figures meaningless). Nothing is committed as
//! data: everything is generated on demand.

pub mod html;

/// A small deterministic generator (SplitMix64): the same seed gives the same dossier on
/// every platform and version.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "ro", "vin", "del", "mar", "tu", "sen", "lo", "bra", "ni", "gor", "ath", "el", "vo",
    "quin", "sha", "ter", "mo", "dan", "ri", "bel", "zu", "ost", "ka", "len", "pri", "dor", "ha",
    "mi", "sol", "ven", "ur",
];
const FIRST: &[&str] = &[
    "Maria", "John", "Ahmed", "Li", "Olga", "Pedro", "Aisha", "Kenji", "Sara", "David", "Ines",
    "Tomas", "Fatima", "Ivan", "Grace", "Omar", "Elena", "Raj", "Nadia", "Paul",
];
const ROLES: &[&str] = &[
    "Interior Minister",
    "Mayor",
    "police spokesperson",
    "Governor",
    "Health Minister",
    "army commander",
    "union leader",
    "Foreign Minister",
    "fire chief",
    "regional director",
];
const SUBJECTS: &[(&str, &str, &str)] = &[
    ("flood", "residents", "were evacuated"),
    ("strike", "workers", "walked off the job"),
    ("earthquake", "buildings", "were damaged"),
    ("protest", "demonstrators", "gathered in the square"),
    ("offensive", "troops", "were deployed"),
    ("outbreak", "patients", "were admitted to hospital"),
    ("wildfire", "hectares", "were burned"),
    ("election", "voters", "cast ballots"),
    ("blackout", "households", "lost power"),
    ("shipwreck", "migrants", "were rescued"),
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const QUALIFIERS: &[&str] = &[
    "about",
    "more than",
    "up to",
    "roughly",
    "nearly",
    "at least",
    "",
    "an estimated",
];
const SAY: &[&str] = &[
    "said",
    "told reporters",
    "said in a statement",
    "added",
    "warned",
    "noted",
];
const SUBJ: &[&str] = &[
    "Local media",
    "Crews",
    "Volunteers",
    "Analysts",
    "Residents",
    "Observers",
    "Officials",
    "Aid groups",
    "Engineers",
    "Doctors",
    "Teachers",
    "Shop owners",
    "Farmers",
    "Drivers",
    "Lawmakers",
    "Investigators",
];
const VERB: &[&str] = &[
    "described",
    "questioned",
    "criticised",
    "welcomed",
    "documented",
    "reviewed",
    "reported on",
    "debated",
    "examined",
    "praised",
    "doubted",
    "mapped",
    "photographed",
    "discussed",
];
const OBJ: &[&str] = &[
    "the response",
    "the damage",
    "the official figures",
    "the evacuation routes",
    "the relief effort",
    "the timetable",
    "the budget",
    "the warnings",
    "the new rules",
    "the rescue work",
    "the decision",
    "the aftermath",
    "the supply lines",
    "the recovery plan",
];
const WHEN: &[&str] = &[
    "through the night",
    "on social media",
    "at a briefing",
    "in the morning",
    "late on the second day",
    "in a televised address",
    "before dawn",
    "over the weekend",
    "in the capital",
    "near the river",
    "at the town hall",
    "in several districts",
];
/// A made-up proper name of two or three syllables.
fn coin(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    let mut s: String = (0..n).map(|_| *rng.pick(SYLLABLES)).collect();
    if let Some(first) = s.get(0..1) {
        s.replace_range(0..1, &first.to_uppercase());
    }
    s
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

struct Event {
    place: String,
    region: String,
    person: (String, String),
    role: &'static str,
    agency: String,
    subject: (&'static str, &'static str, &'static str),
    count: u64,
    second: u64,
    day: &'static str,
    term: String,
}

fn event(rng: &mut Rng) -> Event {
    let subject = *rng.pick(SUBJECTS);
    let base = [100u64, 1_000, 10_000, 100_000][rng.below(4)];
    Event {
        place: coin(rng),
        region: coin(rng),
        person: (rng.pick(FIRST).to_string(), coin(rng)),
        role: ROLES[rng.below(ROLES.len())],
        agency: format!(
            "{} {}",
            coin(rng),
            ["Agency", "Institute", "Council", "Ministry"][rng.below(4)]
        ),
        subject,
        count: base * (1 + rng.below(9) as u64),
        second: (base / 10).max(5) * (1 + rng.below(9) as u64),
        day: DAYS[rng.below(DAYS.len())],
        term: coin(rng).to_lowercase(),
    }
}

fn capitalize(s: String) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

/// A filler sentence from a small grammar, with the event's own term so that filler of
/// different events does not look alike.
fn filler(e: &Event, rng: &mut Rng) -> String {
    format!(
        "{} {} {} {} in {}, {} the {} {}.",
        rng.pick(SUBJ),
        rng.pick(VERB),
        rng.pick(OBJ),
        rng.pick(WHEN),
        if rng.chance(0.5) { &e.place } else { &e.region },
        rng.pick(&["as", "while", "after", "before", "even as"]),
        e.term,
        rng.pick(&[
            "debate went on",
            "talks resumed",
            "inquiry began",
            "review stalled",
            "dispute widened",
            "vote neared"
        ])
    )
}

/// A figure as an article states it: a qualifier, and one time in five a different value.
fn figure(rng: &mut Rng, n: u64) -> String {
    let n = if rng.chance(0.2) {
        n + n / 10 * (1 + rng.below(3) as u64)
    } else {
        n
    };
    let q = rng.pick(QUALIFIERS);
    format!("{q}{}{}", if q.is_empty() { "" } else { " " }, thousands(n))
}

/// The facts of an event in one of several wordings each.
fn fact(e: &Event, rng: &mut Rng, which: usize) -> String {
    let (noun, people, verb) = e.subject;
    let (first, last) = (&e.person.0, &e.person.1);
    let say = *rng.pick(SAY);
    let s = match (which, rng.below(3)) {
        (0, 0) => format!(
            "{} {people} {verb} after the {noun} in {} on {}, officials said.",
            figure(rng, e.count),
            e.place,
            e.day
        ),
        (0, 1) => format!(
            "Authorities in {} said {} {people} {verb} as the {noun} spread across {}.",
            e.place,
            figure(rng, e.count),
            e.region
        ),
        (0, _) => format!(
            "The {noun} in {} left {} {people} affected, according to the {}.",
            e.place,
            figure(rng, e.count),
            e.agency
        ),
        (1, 0) => format!(
            "A further {} {people} were reported in neighbouring {}, the {} said.",
            figure(rng, e.second),
            e.region,
            e.agency
        ),
        (1, 1) => format!(
            "In {}, another {} {people} {verb}, according to local officials.",
            e.region,
            figure(rng, e.second)
        ),
        (1, _) => format!(
            "Officials in {} counted {} more {people} on {}.",
            e.region,
            figure(rng, e.second),
            e.day
        ),
        (2, 0) => format!(
            "“We are doing everything we can to help the {people} of {},” {} {first} {last} {say}.",
            e.place, e.role
        ),
        (2, 1) => format!(
            "\"Every one of the {people} in {} will get help,\" {last} {say}.",
            e.place
        ),
        (2, _) => format!(
            "{first} {last}, the {}, {say}: “We will not leave anyone behind in {}.”",
            e.role, e.place
        ),
        (3, 0) => format!(
            "The {} plan for {} was approved on {} and will cost {} million dollars.",
            e.term,
            e.place,
            e.day,
            2 + rng.below(40)
        ),
        (3, 1) => format!(
            "The {} said the {} plan would cost about {} million dollars.",
            e.agency,
            e.term,
            2 + rng.below(40)
        ),
        (3, _) => format!(
            "Funding for the {} plan, {} million dollars, was agreed on {}.",
            e.term,
            2 + rng.below(40),
            e.day
        ),
        (4, 0) => format!(
            "The {} said it was highly likely that the {noun} in {} would worsen.",
            e.agency, e.place
        ),
        (4, 1) => format!(
            "Experts at the {} called a worsening of the {noun} quite likely.",
            e.agency
        ),
        (4, _) => format!(
            "Whether the {noun} in {} will worsen remains unclear, {last} said.",
            e.place
        ),
        (_, 0) => format!(
            "{last} told reporters the {} figures were \"preliminary\" and could change.",
            e.term
        ),
        (_, 1) => format!("The {} figures are \"preliminary,\" {last} {say}.", e.term),
        (_, _) => format!("{first} {last} called the {} figures preliminary.", e.term),
    };
    capitalize(s)
}

/// One article about `e`, in varied words, figures and quotes.
fn article(e: &Event, rng: &mut Rng, paragraphs: usize) -> String {
    let (noun, people, _) = e.subject;
    let mut out = vec![format!(
        "{} {noun} hits {}: {} {people} affected",
        e.region,
        e.place,
        figure(rng, e.count)
    )];
    let mut facts: Vec<usize> = (0..6).filter(|_| rng.chance(0.7)).collect();
    facts.insert(0, 0);
    facts.dedup();
    let mut next_fact = facts.into_iter();
    while out.len() < paragraphs {
        let n = 2 + rng.below(3);
        let para: Vec<String> = (0..n)
            .map(|_| match next_fact.next() {
                Some(f) if rng.chance(0.5) || out.len() < 3 => fact(e, rng, f),
                _ => filler(e, rng),
            })
            .collect();
        out.push(para.join(" "));
    }
    out.extend(next_fact.map(|f| fact(e, rng, f)));
    if rng.chance(0.5) {
        out.push("Sign up for our daily newsletter to receive the top stories.".into());
    }
    out.join("\n\n") + "\n"
}

/// A dossier of `articles` articles as (file name, text), about 6 KB each.
pub fn generate(seed: u64, articles: usize) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed);
    let mut files = Vec::with_capacity(articles);
    let mut e = event(&mut rng);
    let mut left = 3 + rng.below(8);
    for i in 0..articles {
        if left == 0 {
            e = event(&mut rng);
            left = 3 + rng.below(8);
        }
        left -= 1;
        let paragraphs = 18 + rng.below(12);
        files.push((format!("{i:05}.txt"), article(&e, &mut rng, paragraphs)));
    }
    files
}

/// The generated dossier, loaded.
pub fn dossier(seed: u64, articles: usize) -> crate::model::Dossier {
    let files = generate(seed, articles)
        .into_iter()
        .map(|(n, t)| (n, t.into_bytes()));
    crate::model::load::from_files("synthetic", files, &crate::model::LoadOptions::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same seed gives the same dossier; another seed another one.
    #[test]
    fn deterministic() {
        assert_eq!(generate(7, 12), generate(7, 12));
        assert_ne!(generate(7, 12), generate(8, 12));
    }

    /// Articles are about 6 KB, so 5,000 articles make about 30 MB.
    #[test]
    fn size_per_article() {
        let files = generate(1, 50);
        let total: usize = files.iter().map(|(_, t)| t.len()).sum();
        assert!((3_000..12_000).contains(&(total / 50)), "{}", total / 50);
    }

    /// Thousands are grouped with commas.
    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }
}
