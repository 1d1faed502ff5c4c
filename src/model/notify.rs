//! What a person may hear about (R33): the kinds of change a notification is about, and a
//! person's preferences over them — the tracker's defaults (`notify_defaults` in
//! `tracker.toml`) with the person's own choices on top (`prefs` events in their directory,
//! `docs/format.md`, "People").

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::model::error::ValidationError;
use crate::model::state::State;

/// A kind of change someone can be told about: a move to a state (every state but POSTED, in
/// the seed's spelling), a comment, or an assignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NotifyEvent {
    /// A move to OPEN (the seed's "avis à l'ouverture").
    Open,
    /// A move to RESOLVING ("prise en charge").
    Resolving,
    /// A move to WAITING ("mise en sommeil").
    Waiting,
    /// A move to TESTING.
    Testing,
    /// A move to PUBLISHED.
    Published,
    /// A move to RESOLVED ("conclusion").
    Resolved,
    /// A move to ABANDONNED ("abandon").
    Abandonned,
    /// A move to VALIDATED.
    Validated,
    /// A move to TRANSFERED.
    Transfered,
    /// A comment added, edited or deleted ("commentaires déposés").
    Comment,
    /// The assignee changed.
    Assign,
}

/// What an unknown name is told to use.
const EXPECTED: &str = "open, resolving, waiting, testing, published, resolved, abandonned, \
                        validated, transfered, comment or assign";

impl NotifyEvent {
    /// Every kind, in the order `prefs` shows them.
    pub const ALL: [Self; 11] = [
        Self::Open,
        Self::Resolving,
        Self::Waiting,
        Self::Testing,
        Self::Published,
        Self::Resolved,
        Self::Abandonned,
        Self::Validated,
        Self::Transfered,
        Self::Comment,
        Self::Assign,
    ];

    /// The name used on the command line, in files and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Resolving => "resolving",
            Self::Waiting => "waiting",
            Self::Testing => "testing",
            Self::Published => "published",
            Self::Resolved => "resolved",
            Self::Abandonned => "abandonned",
            Self::Validated => "validated",
            Self::Transfered => "transfered",
            Self::Comment => "comment",
            Self::Assign => "assign",
        }
    }

    /// The kind of a move to `state`; `None` for POSTED, which no move reaches.
    pub fn of_state(state: State) -> Option<Self> {
        Some(match state {
            State::Posted => return None,
            State::Open => Self::Open,
            State::Resolving => Self::Resolving,
            State::Waiting => Self::Waiting,
            State::Testing => Self::Testing,
            State::Published => Self::Published,
            State::Resolved => Self::Resolved,
            State::Abandonned => Self::Abandonned,
            State::Validated => Self::Validated,
            State::Transfered => Self::Transfered,
        })
    }

    /// Reads a comma-separated list (spaces around names ignored, case-insensitive, repeats
    /// kept once, order of first mention). `all` stands for every kind.
    pub fn parse_list(text: &str) -> Result<Vec<Self>, ValidationError> {
        let mut out: Vec<Self> = Vec::new();
        for word in text.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            let add: Vec<Self> = if word.eq_ignore_ascii_case("all") {
                Self::ALL.to_vec()
            } else {
                vec![word.parse()?]
            };
            for e in add {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        Ok(out)
    }
}

impl fmt::Display for NotifyEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for NotifyEvent {
    type Err = ValidationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|e| e.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ValidationError::InvalidName {
                what: "notification event",
                name: s.to_owned(),
                expected: EXPECTED,
            })
    }
}

/// One kind's setting for a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pref {
    /// Whether mail about it is wanted.
    pub on: bool,
    /// Whether the person chose it (else it is the tracker's default).
    pub chosen: bool,
}

/// A person's effective preferences: the tracker's `defaults` (the kinds on unless a person
/// says otherwise), with the person's own `choices` on top.
pub fn effective(
    defaults: &[NotifyEvent],
    choices: &BTreeMap<NotifyEvent, bool>,
) -> BTreeMap<NotifyEvent, Pref> {
    NotifyEvent::ALL
        .into_iter()
        .map(|e| {
            let pref = match choices.get(&e) {
                Some(on) => Pref {
                    on: *on,
                    chosen: true,
                },
                None => Pref {
                    on: defaults.contains(&e),
                    chosen: false,
                },
            };
            (e, pref)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_lists_read_leniently_but_refuse_unknown_names() {
        for e in NotifyEvent::ALL {
            assert_eq!(e.name().parse::<NotifyEvent>().unwrap(), e);
            assert_eq!(e.to_string(), e.name());
        }
        assert_eq!(
            NotifyEvent::parse_list(" Resolved, comment,,resolved ").unwrap(),
            [NotifyEvent::Resolved, NotifyEvent::Comment]
        );
        assert_eq!(NotifyEvent::parse_list("all").unwrap(), NotifyEvent::ALL);
        assert_eq!(NotifyEvent::parse_list("").unwrap(), []);
        let err = NotifyEvent::parse_list("comment,closed").unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("invalid notification event \"closed\": use {EXPECTED}")
        );
        // Every state but POSTED has its kind, and the kinds are the states' names.
        for s in State::ALL {
            match NotifyEvent::of_state(s) {
                None => assert_eq!(s, State::Posted),
                Some(e) => assert_eq!(e.name(), s.name().to_ascii_lowercase()),
            }
        }
    }

    #[test]
    fn a_choice_wins_over_the_default_either_way() {
        let choices = BTreeMap::from([(NotifyEvent::Waiting, true), (NotifyEvent::Comment, false)]);
        let prefs = effective(&[NotifyEvent::Open, NotifyEvent::Comment], &choices);
        let on: Vec<NotifyEvent> = prefs
            .iter()
            .filter(|(_, p)| p.on)
            .map(|(e, _)| *e)
            .collect();
        assert_eq!(on, [NotifyEvent::Open, NotifyEvent::Waiting]);
        assert!(prefs[&NotifyEvent::Comment].chosen && !prefs[&NotifyEvent::Open].chosen);
        assert_eq!(prefs.len(), NotifyEvent::ALL.len());
    }
}
