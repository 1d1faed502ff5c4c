//! What belongs to one person rather than to a ticket (R29's saved queries, R33's
//! notification preferences): events in the person's own directory of the branch,
//! `people/<person-id>/<event-id>.toml`, folded like a ticket's (by Lamport clock, then id).
//!
//! `docs/format.md` ("People") is the contract. Only the person writes their own directory:
//! a file whose author is not the person of its directory is malformed.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::error::{ParseError, ValidationError};
use crate::model::event::{read_at, write_at, FORMAT_VERSION};
use crate::model::id::EventId;
use crate::model::notify::NotifyEvent;
use crate::model::person::Person;

/// The longest name of a saved query.
pub const MAX_QUERY_NAME: usize = 64;

/// One fact about one person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonEvent {
    /// The event's id (its file name without `.toml`).
    pub id: EventId,
    /// One more than the highest clock of the person's events the writer had seen.
    pub lamport: u64,
    /// Wall-clock time, for display.
    pub at: DateTime<Utc>,
    /// Who wrote it: the person.
    pub author: Person,
    /// What was done.
    pub action: PersonAction,
}

/// What a person event does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PersonAction {
    /// A saved query (R29, the seed's "personal memo"): `query` under `name`; an empty
    /// `query` deletes it.
    Query {
        /// Its name.
        name: String,
        /// The query text (`docs/search.md`), in canonical form; empty: deleted.
        #[serde(default)]
        query: String,
    },
    /// Notification preferences (R33): mail about the kinds in `on` is wanted, about those in
    /// `off` not; kinds in neither keep their setting.
    Prefs {
        /// Kinds turned on.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        on: Vec<NotifyEvent>,
        /// Kinds turned off.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        off: Vec<NotifyEvent>,
    },
}

/// Checks a saved query's name: 1 to 64 characters among lower-case ASCII letters, digits,
/// `-` and `_`, starting with a letter or digit.
pub fn validate_query_name(name: &str) -> Result<(), ValidationError> {
    let ok = (1..=MAX_QUERY_NAME).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && name.starts_with(|c: char| c.is_ascii_alphanumeric());
    if ok {
        Ok(())
    } else {
        Err(ValidationError::InvalidName {
            what: "query name",
            name: name.to_owned(),
            expected: "1 to 64 lower-case letters, digits, '-' or '_'",
        })
    }
}

#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    #[serde(flatten)]
    action: PersonAction,
    lamport: u64,
    #[serde(serialize_with = "write_at", deserialize_with = "read_at")]
    at: DateTime<Utc>,
    author: Person,
}

impl PersonEvent {
    /// The TOML text of the event's file.
    pub fn to_toml(&self) -> String {
        let file = File {
            version: FORMAT_VERSION,
            action: self.action.clone(),
            lamport: self.lamport,
            at: self.at,
            author: self.author.clone(),
        };
        toml::to_string(&file).expect("a person event is always representable in TOML")
    }

    /// Reads a person event file; `id` comes from its path, `person` is the directory's
    /// person id, which the author's must be (`store::person_id` is the caller's, since it hashes).
    pub fn from_toml(
        id: EventId,
        bytes: &[u8],
        is_owner: impl Fn(&Person) -> bool,
    ) -> Result<Self, ParseError> {
        let text = std::str::from_utf8(bytes).map_err(|_| ParseError::NotUtf8)?;
        let file: File = toml::from_str(text)?;
        if file.version != FORMAT_VERSION {
            return Err(ParseError::Version(file.version));
        }
        if file.lamport == 0 {
            return Err(ParseError::Invalid("`lamport` must be at least 1".into()));
        }
        file.author
            .validate()
            .map_err(|e| ParseError::Invalid(format!("author: {e}")))?;
        if !is_owner(&file.author) {
            return Err(ParseError::Invalid(format!(
                "written by {}, not by the person whose directory holds it",
                file.author.email
            )));
        }
        match &file.action {
            PersonAction::Query { name, query } => {
                validate_query_name(name).map_err(|e| ParseError::Invalid(e.to_string()))?;
                crate::model::event::validate_block(query, "query")
                    .map_err(|e| ParseError::Invalid(e.to_string()))?;
                if query.len() > crate::model::query::MAX_QUERY_BYTES {
                    return Err(ParseError::Invalid("the query is too long".into()));
                }
            }
            PersonAction::Prefs { on, off } => {
                if let Some(both) = on.iter().find(|e| off.contains(e)) {
                    return Err(ParseError::Invalid(format!(
                        "`{both}` is both in `on` and in `off`"
                    )));
                }
            }
        }
        Ok(Self {
            id,
            lamport: file.lamport,
            at: file.at,
            author: file.author,
            action: file.action,
        })
    }
}

/// A person's state: the fold of their events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonState {
    /// Saved queries by name.
    pub queries: BTreeMap<String, String>,
    /// The person's own notification choices (kinds they never chose follow the tracker's
    /// defaults: [`crate::model::notify::effective`]).
    pub prefs: BTreeMap<NotifyEvent, bool>,
    /// The highest Lamport clock among the events.
    pub lamport: u64,
}

impl PersonState {
    /// Folds a person's events, given in any order: by `(lamport, id)`, the last word on
    /// each query name and on each notification kind wins.
    pub fn fold(mut events: Vec<PersonEvent>) -> Self {
        events.sort_by(|a, b| (a.lamport, &a.id).cmp(&(b.lamport, &b.id)));
        let mut state = Self::default();
        for e in events {
            state.lamport = state.lamport.max(e.lamport);
            match e.action {
                PersonAction::Query { name, query } if query.is_empty() => {
                    state.queries.remove(&name);
                }
                PersonAction::Query { name, query } => {
                    state.queries.insert(name, query);
                }
                PersonAction::Prefs { on, off } => {
                    for e in on {
                        state.prefs.insert(e, true);
                    }
                    for e in off {
                        state.prefs.insert(e, false);
                    }
                }
            }
        }
        state
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(n: u8, lamport: u64, name: &str, query: &str) -> PersonEvent {
        PersonEvent {
            id: EventId::from_random([n; 16]),
            lamport,
            at: DateTime::from_timestamp(1_767_225_600, 0).unwrap(),
            author: Person::new("Ann", "ann@example.com").unwrap(),
            action: PersonAction::Query {
                name: name.into(),
                query: query.into(),
            },
        }
    }

    #[test]
    fn the_last_word_on_a_name_wins_and_an_empty_query_deletes() {
        let state = PersonState::fold(vec![
            event(3, 3, "mine", ""),
            event(1, 1, "mine", "assignee:me"),
            event(2, 2, "bugs", "crash"),
            event(4, 2, "bugs", "crash -flaky"),
        ]);
        assert_eq!(
            state.queries,
            BTreeMap::from([("bugs".to_owned(), "crash -flaky".to_owned())])
        );
        assert_eq!(state.lamport, 3);
    }

    #[test]
    fn the_last_word_on_each_notification_kind_wins_and_files_round_trip() {
        let prefs =
            |n: u8, lamport: u64, on: Vec<NotifyEvent>, off: Vec<NotifyEvent>| PersonEvent {
                action: PersonAction::Prefs { on, off },
                ..event(n, lamport, "x", "")
            };
        use NotifyEvent::{Comment, Resolved, Waiting};
        let second = prefs(2, 2, vec![Waiting], vec![Comment]);
        let state = PersonState::fold(vec![
            second.clone(),
            prefs(1, 1, vec![Comment, Resolved], vec![Waiting]),
            event(3, 3, "mine", "crash"),
        ]);
        assert_eq!(
            state.prefs,
            BTreeMap::from([(Waiting, true), (Resolved, true), (Comment, false)])
        );
        assert_eq!(state.queries.len(), 1);
        let text = second.to_toml();
        assert!(
            text.starts_with(
                "version = 1\nkind = \"prefs\"\non = [\"waiting\"]\noff = [\"comment\"]\n"
            ),
            "{text}"
        );
        let back = PersonEvent::from_toml(second.id.clone(), text.as_bytes(), |_| true).unwrap();
        assert_eq!(back, second);
        // Unknown kinds, and a kind both on and off, make the file malformed.
        for bad in [
            text.replace("\"waiting\"", "\"closed\""),
            text.replace("\"comment\"", "\"waiting\""),
        ] {
            assert!(PersonEvent::from_toml(second.id.clone(), bad.as_bytes(), |_| true).is_err());
        }
    }

    #[test]
    fn files_round_trip_and_strangers_are_refused() {
        let e = event(1, 1, "mine", "assignee:me");
        let text = e.to_toml();
        assert_eq!(
            text,
            "version = 1\nkind = \"query\"\nname = \"mine\"\nquery = \"assignee:me\"\nlamport = 1\n\
             at = \"2026-01-01T00:00:00Z\"\n\n[author]\nname = \"Ann\"\nemail = \"ann@example.com\"\n"
        );
        let back = PersonEvent::from_toml(e.id.clone(), text.as_bytes(), |_| true).unwrap();
        assert_eq!(back, e);
        let err = PersonEvent::from_toml(e.id, text.as_bytes(), |_| false).unwrap_err();
        assert!(err.to_string().contains("not by the person"), "{err}");
        assert!(validate_query_name("Mine").is_err());
        assert!(validate_query_name("-x").is_err());
        assert!(validate_query_name("my-bugs_2").is_ok());
    }
}
