//! What belongs to a person (R29's saved queries, R33's notification preferences): written by that person only, one event a
//! change, in their directory of the branch, so that it follows them to every clone.

use crate::model::notify::NotifyEvent;
use crate::model::people::{validate_query_name, PersonAction, PersonEvent, PersonState};
use crate::model::query::Query;
use crate::model::{EventId, Person};
use crate::store::{layout, person_id, Diagnostic, FileWrite, Snapshot, Tip};
use crate::tracker::write::{ConfigCheck, Planned};
use crate::tracker::{Actor, Tracker, TrackerError};

/// Why a saved query cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SavedError {
    /// No saved query has that name.
    #[error("you have no saved query {name:?} (yours: {known})")]
    Unknown {
        /// The name asked for.
        name: String,
        /// The person's names.
        known: String,
    },
}

/// Kinds of change whose setting a `prefs` change turned, each with its new setting.
pub type PrefChanges = Vec<(NotifyEvent, bool)>;

/// A person's own data.
pub struct People<'t> {
    pub(super) tracker: &'t Tracker,
}

impl People<'_> {
    /// The state of `person` at the snapshot (their saved queries, …), with the problems of
    /// their files (which are left out of it).
    pub fn state(
        &self,
        snap: &Snapshot,
        person: &Person,
    ) -> Result<(PersonState, Vec<Diagnostic>), TrackerError> {
        let (events, problems) = self
            .tracker
            .store()
            .person_events(snap.tip, &person.email)?;
        Ok((PersonState::fold(events), problems))
    }

    /// The saved query `name` in a person's `state`.
    pub fn saved(state: &PersonState, name: &str) -> Result<String, SavedError> {
        state.queries.get(name).cloned().ok_or_else(|| {
            let known: Vec<&str> = state.queries.keys().map(String::as_str).collect();
            SavedError::Unknown {
                name: name.to_owned(),
                known: if known.is_empty() {
                    "none".into()
                } else {
                    known.join(", ")
                },
            }
        })
    }

    /// Saves `query` (checked, then written in canonical form) under `name` for the actor.
    /// Returns the canonical text, and `None` as the tip when it was saved so already.
    pub fn save(
        &self,
        actor: &Actor,
        name: &str,
        query: &str,
    ) -> Result<(String, Option<Tip>), TrackerError> {
        validate_query_name(name)?;
        let text = Query::parse(query)
            .map_err(|e| crate::model::ValidationError::InvalidQuery(e.to_string()))?
            .to_string();
        let tip = self.change(actor, name, &text)?;
        Ok((text, tip))
    }

    /// Deletes the actor's saved query `name`.
    pub fn delete(&self, actor: &Actor, name: &str) -> Result<Option<Tip>, TrackerError> {
        let snap = self.tracker.snapshot()?;
        Self::saved(&self.state(&snap, &actor.person)?.0, name)?;
        self.change(actor, name, "")
    }

    /// Writes one `query` event (empty: deletion) unless it changes nothing.
    fn change(&self, actor: &Actor, name: &str, text: &str) -> Result<Option<Tip>, TrackerError> {
        let verb = if text.is_empty() { "delete" } else { "save" };
        self.write_one(actor, &format!("query: {verb} {name:?}"), |state| {
            let now = state.queries.get(name).map_or("", String::as_str);
            (now != text).then(|| PersonAction::Query {
                name: name.to_owned(),
                query: text.to_owned(),
            })
        })
    }

    /// Turns the actor's mail about the kinds in `on` on and about those in `off` off, with
    /// one `prefs` event holding the kinds whose choice changes (none: nothing is written).
    /// Returns the kinds changed, each with its new setting, and the new tip.
    pub fn set_prefs(
        &self,
        actor: &Actor,
        on: &[NotifyEvent],
        off: &[NotifyEvent],
    ) -> Result<(PrefChanges, Option<Tip>), TrackerError> {
        if let Some(both) = on.iter().find(|e| off.contains(e)) {
            return Err(crate::model::ValidationError::OnAndOff(both.to_string()).into());
        }
        let mut changed = Vec::new();
        let tip = self.write_one(actor, "prefs", |state| {
            let differs = |e: &&NotifyEvent, want: bool| state.prefs.get(e) != Some(&want);
            let on: Vec<NotifyEvent> = on.iter().filter(|e| differs(e, true)).copied().collect();
            let off: Vec<NotifyEvent> = off.iter().filter(|e| differs(e, false)).copied().collect();
            changed = on
                .iter()
                .map(|e| (*e, true))
                .chain(off.iter().map(|e| (*e, false)))
                .collect();
            (!changed.is_empty()).then_some(PersonAction::Prefs { on, off })
        })?;
        changed.sort();
        Ok((changed, tip))
    }

    /// Writes the one event `plan` makes of the actor's current state, unless it makes none.
    fn write_one(
        &self,
        actor: &Actor,
        what: &str,
        mut plan: impl FnMut(&PersonState) -> Option<PersonAction>,
    ) -> Result<Option<Tip>, TrackerError> {
        let id = person_id(&actor.person.email);
        let (_, tip) = self.tracker.write(actor, ConfigCheck::Required, |snap| {
            let (state, _) = self.state(snap, &actor.person)?;
            let Some(action) = plan(&state) else {
                return Ok(Planned {
                    value: (),
                    files: Vec::new(),
                    message: String::new(),
                });
            };
            let event = PersonEvent {
                id: EventId::from_random(super::tickets::random16()),
                lamport: state.lamport + 1,
                at: actor.at(),
                author: actor.person.clone(),
                action,
            };
            Ok(Planned {
                value: (),
                files: vec![FileWrite {
                    path: layout::person_event_path(&id, &event.id),
                    content: event.to_toml().into_bytes(),
                }],
                message: format!("{what}\n\nPerson: {id}\n"),
            })
        })?;
        Ok(tip)
    }
}
