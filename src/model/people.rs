//! People (and institutions) who speak in the dossier: one person, one entity, whatever
//! the article calls them (issue #3 fills in the resolution).

use serde::Serialize;

/// Index of a person in `Dossier::people`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PersonId(pub usize);

/// What kind of speaker this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Institution,
    Anonymous,
}

/// A speaker of the dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub id: PersonId,
    /// The canonical name ("Lloyd Austin").
    pub name: String,
    pub kind: SpeakerKind,
    /// Every other form the texts use ("Austin", "Lloyd J. Austin III").
    pub aliases: Vec<String>,
    /// Title or role ("U.S. Secretary of Defense").
    pub role: Option<String>,
}
