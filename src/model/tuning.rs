//! The tuning constants of claim alignment: every threshold, weight and bonus that decides
//! whether two claims pair, agree or conflict, in one documented struct.
//!
//! Each constant says why it has its value: what it does, and what the table measured when
//! it was moved about a fifth either way (`python3 eval/sweep.py`, 2026-12-07, on the tree
//! with the figure anchors and paraphrase sets). "dev" is the mean claim_f1 over the seven
//! dev dossiers and the seeds (`score_all.py`), "seeds" the seeds' own claim_f1, whose bar
//! is 0.805; a metric not named did not move. With every constant at its default: dev
//! claim_f1 0.657, conflict_p 0.982, conflict_r 0.674, figure_f1 0.722; seeds claim_f1
//! 0.807, conflict_p 1.000, conflict_r 0.909.
//!
//! Measured again after the next round's figure rules (same day, later tree; defaults: dev
//! claim_f1 0.710, conflict_p 0.996, conflict_r 0.824, figure_f1 0.834; the seeds as
//! above). No constant moved a fifth either way raises dev claim_f1 by more than 0.002
//! (`second_threshold` 0.28: 0.712, `close_figure_bonus` 0.18: 0.711, one pair each, so
//! the defaults stay). The largest losses: `min_shared` at 1 / 3 (claim_f1 0.685 / 0.678,
//! the seeds' conflict_r 0.727 at 3), `segment_weight` (0.701 / 0.703), `near_best` at 0.96
//! (0.702, seeds 0.779), `max_conflict_ratio` at 3.6 (conflict_p 0.972, figconf_p 0.965,
//! the seeds' conflict_p 0.810), `max_counterparts` at 2 (conflict_r 0.813, seeds 0.818).
//! The per-constant figures below are the earlier tree's; where a value moved nothing
//! there, it moves at most 0.001 here.
//!
//! The sweep builds the binary with the `tune` feature, under which [`tuning`] reads
//! `DOSSIER_TUNING=name=value,…` from the environment, and scores every constant at a lower
//! and a higher value. Without the feature the constants are fixed at [`Tuning::DEFAULT`]
//! and the environment is never read.
//!
//! Limits that bound work or memory (candidates per claim, pivots per chain) stay beside the
//! loops they bound: they are not tuned for accuracy.

/// Declares [`Tuning`], its [`Tuning::DEFAULT`] and its by-name setter from one list, so a
/// constant cannot be added to one and forgotten in another.
macro_rules! tuning {
    ($( $(#[doc = $doc:literal])* $name:ident : $ty:ty = $value:expr, )*) => {
        /// The tuning constants of claim alignment (see the module's documentation).
        #[derive(Debug, Clone, PartialEq)]
        pub struct Tuning {
            $( $(#[doc = $doc])* pub $name: $ty, )*
        }

        impl Tuning {
            /// The values the project ships with.
            pub const DEFAULT: Tuning = Tuning { $( $name: $value, )* };

            /// Sets one constant by name from its written value.
            pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
                match name {
                    $( stringify!($name) => {
                        self.$name = value
                            .trim()
                            .parse()
                            .map_err(|e| format!("{name} = {value:?}: {e}"))?;
                    } )*
                    _ => return Err(format!("no tuning constant is called {name:?}")),
                }
                Ok(())
            }

            /// Every constant's name and value, in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, String)> {
                vec![ $( (stringify!($name), self.$name.to_string()), )* ]
            }
        }
    };
}

tuning! {
    /// A pair of claims is kept from this score up (precision first). 0.176: dev unmoved,
    /// seeds 0.805 (at their bar); 0.264: dev 0.652, seeds 0.786. Conflicts unmoved.
    pair_threshold: f32 = 0.22,
    /// Two claims that are each other's best counterpart pair from this score up, a little
    /// below [`Tuning::pair_threshold`]. 0.16: dev 0.663 but seeds 0.794, under their bar
    /// of 0.805; 0.24: dev 0.655, seeds 0.800.
    mutual_threshold: f32 = 0.2,
    /// A pair whose figures or likelihoods disagree is kept from this score up: a
    /// disagreement on the same quantity is itself evidence that two claims speak of one
    /// thing. 0.12 and 0.18 move nothing: the figure conflicts the table counts come from
    /// the quantities (`claims/quantities.rs`), not from this pairing.
    conflict_threshold: f32 = 0.15,
    /// A pair well below the best of a whole claim (a counterpart for another segment of
    /// it) is kept from this score up. 0.28: dev 0.659, seeds 0.807; 0.42: dev 0.656,
    /// seeds 0.800. Kept at 0.35 until the extra pairs at 0.28 are classified.
    second_threshold: f32 = 0.35,
    /// Below either of its claims' best pairs by more than this share, a pair is dropped.
    /// 0.64: dev 0.660, seeds 0.794 (under their bar); 0.96: dev 0.646, seeds 0.779.
    near_best: f32 = 0.8,
    /// Likelihood conflicts ("probably" / "unlikely") that are mutual best counterparts
    /// pair from this score up. 0.032 and 0.048 move nothing: the floor only keeps pairs
    /// that share no wording at all out.
    rescue_threshold: f32 = 0.04,
    /// A segment pair (one clause of each claim) counts this share of its cosine. 0.64:
    /// dev 0.646, seeds 0.783; 0.96: dev 0.651, seeds 0.790. A peak.
    segment_weight: f32 = 0.8,
    /// Two claims (or segments) share at least this many terms that are not common names.
    /// 1: dev 0.635 (conflict_p 0.977), seeds 0.765; 3: dev 0.619 (conflict_r 0.651),
    /// seeds 0.696 (conflict_r 0.727).
    min_shared: usize = 2,
    /// Below this cosine of what is not a common name, two claims only share people or
    /// places: no pair, however alike the names ("Austin said…" ~ "Austin warned…").
    /// 0.064 and 0.096 move nothing on the table.
    min_content: f32 = 0.08,
    /// At most this many counterparts of one claim are kept (its best): a reader follows a
    /// claim to a few passages, not to every sentence built alike. 2: dev 0.654 (conflict_r
    /// 0.663), seeds 0.793 (conflict_r 0.818); 4 moves nothing.
    max_counterparts: usize = 3,
    /// Two likelihood assessments of otherwise alike claims add up to this. 0.16: dev
    /// 0.658; 0.24 moves nothing (few dev claims state a likelihood).
    likelihood_bonus: f32 = 0.2,
    /// Bonus of two named figures (a counted thing, a unit or a currency) within
    /// [`Tuning::close_ratio`] of each other. 0.12: dev 0.656; 0.18: dev 0.659; seeds
    /// 0.807 both. Within a few pairs either way: kept.
    close_figure_bonus: f32 = 0.15,
    /// Bonus of two bare figures within [`Tuning::close_ratio`]: a number with nothing
    /// counted is weaker evidence. 0.064: dev 0.658; 0.096: dev 0.659; seeds unmoved.
    bare_figure_bonus: f32 = 0.08,
    /// Bonus of two named figures within [`Tuning::near_ratio`]. 0.08 moves nothing; 0.12:
    /// dev 0.658.
    near_figure_bonus: f32 = 0.1,
    /// Penalty of figures further apart than [`Tuning::max_conflict_ratio`]: different
    /// quantities. 0.08 and 0.12 move nothing.
    far_figure_penalty: f32 = 0.1,
    /// Figures within this ratio of each other are one figure told twice, or nearly. 1.0:
    /// dev 0.655; 1.5: dev 0.658, seeds 0.800.
    close_ratio: f64 = 1.25,
    /// Named figures within this ratio of each other are likely one quantity. 2.0 and 3.0
    /// move nothing.
    near_ratio: f64 = 2.5,
    /// Figures further apart than this are different quantities, not a conflict. 2.4: dev
    /// conflict_r 0.669, figconf_r 0.673; 3.6: dev conflict_p 0.959, figure_f1 0.700,
    /// figconf_p 0.946, and the seeds' conflict_p 0.810 (a part taken for its whole).
    max_conflict_ratio: f64 = 3.0,
    /// Figures further apart than this are not taken for one quantity when a single shared
    /// term must carry a pair. 2.0 and 3.0 move nothing.
    same_quantity_ratio: f64 = 2.5,
    /// A restatement scores at least this with its pivot (well above the pairing
    /// threshold) before a chain through it is followed. 0.36 and 0.54 move nothing on the
    /// table.
    strong: f32 = 0.45,
    /// Weight left to a name that every article uses: a name that most articles use (the
    /// event's main people and places) tells little about which claim a sentence states.
    /// 0.2 and 0.3 move nothing since the paraphrase sets and figure anchors came in
    /// (before them: 0.2: dev 0.591, 0.3: dev 0.594, against 0.593).
    entity_floor: f32 = 0.25,
    /// A name whose weight falls below this is common (in five articles: used by three or
    /// more); rarer names are content ("Europe and the Indo-Pacific"). 0.56 moves nothing;
    /// 0.84: dev 0.656, seeds 0.800.
    common_name: f32 = 0.7,
    /// Weight of the words of a capitalized run other than its last ("South Korean Defense
    /// Minister Kim Yong-hyun" is mostly one name; a long title should not dominate a
    /// claim). 0.28: dev 0.658; 0.42 moves nothing.
    name_prefix_weight: f32 = 0.35,
    /// Weight of a date term (context more than content). 0.8: dev 0.653, seeds 0.800; 1.2
    /// moves nothing.
    date_weight: f32 = 1.0,
    /// Cluster edges need [`Tuning::pair_threshold`] plus this: a little above pair
    /// alignment, since links chain. 0.032 and 0.048 move nothing on the table (it scores
    /// pairs, not clusters).
    cluster_margin: f32 = 0.04,
}

/// The tuning constants in force: [`Tuning::DEFAULT`].
#[cfg(not(feature = "tune"))]
#[inline(always)]
pub fn tuning() -> &'static Tuning {
    &Tuning::DEFAULT
}

/// The tuning constants in force: [`Tuning::DEFAULT`] with what `DOSSIER_TUNING`
/// (`name=value,name=value`) sets. Only the `tune` feature reads it (the sweep); a name or
/// value it cannot read stops the program with a message, so a sweep never scores the
/// defaults by mistake.
#[cfg(feature = "tune")]
pub fn tuning() -> &'static Tuning {
    static TUNING: std::sync::LazyLock<Tuning> = std::sync::LazyLock::new(|| {
        let mut t = Tuning::DEFAULT;
        let spec = std::env::var("DOSSIER_TUNING").unwrap_or_default();
        if let Err(e) = apply(&mut t, &spec) {
            eprintln!("error: DOSSIER_TUNING: {e}");
            std::process::exit(2);
        }
        t
    });
    &TUNING
}

/// Applies `name=value,name=value` to `t`.
pub fn apply(t: &mut Tuning, spec: &str) -> Result<(), String> {
    for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (name, value) = item
            .split_once('=')
            .ok_or_else(|| format!("{item:?} is not name=value"))?;
        t.set(name.trim(), value)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A setting names a constant and a value of its type; anything else is refused.
    #[test]
    fn settings_are_read_by_name_and_type() {
        let mut t = Tuning::DEFAULT;
        apply(&mut t, "pair_threshold=0.3, max_counterparts = 5").unwrap();
        assert_eq!(t.pair_threshold, 0.3);
        assert_eq!(t.max_counterparts, 5);
        assert_eq!(t.near_best, Tuning::DEFAULT.near_best);
        assert!(apply(&mut t, "no_such_constant=1").is_err());
        assert!(apply(&mut t, "max_counterparts=2.5").is_err());
        assert!(apply(&mut t, "pair_threshold").is_err());
    }

    /// Every constant is listed by name with its value, so the sweep can find each.
    #[test]
    fn entries_list_every_constant() {
        let e = Tuning::DEFAULT.entries();
        assert!(e.contains(&("pair_threshold", "0.22".to_string())));
        let mut t = Tuning::DEFAULT;
        for (name, value) in &e {
            t.set(name, value).unwrap();
        }
        assert_eq!(t, Tuning::DEFAULT);
    }

    /// The thresholds keep their order: a conflict pairs on less wording than an
    /// agreement, a mutual best on a little less, and a cluster edge needs a little more.
    #[test]
    fn thresholds_keep_their_order() {
        let t = Tuning::DEFAULT;
        assert!(t.conflict_threshold < t.mutual_threshold);
        assert!(t.mutual_threshold < t.pair_threshold);
        assert!(t.pair_threshold < t.second_threshold);
        assert!(t.pair_threshold < t.strong);
        assert!(t.cluster_margin > 0.0);
        assert!(t.close_ratio < t.near_ratio && t.near_ratio <= t.max_conflict_ratio);
    }
}
