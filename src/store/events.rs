//! A local cache of the parsed event files of large tickets, under `.git/tracker/events/`.
//!
//! Reading a ticket costs, per event file, one object read and one TOML parse — about 15 µs,
//! so 150 ms for a ticket with 10 000 events, which anyone with push access can make. For a
//! ticket with at least [`MIN_FILES`] files, what each file gave (its event, or the problem
//! with it) is kept in `events/<ticket-id>.json`, keyed by the file's name and blob id: blob
//! ids are content hashes, so a kept answer is right for as long as the file is there. The
//! next read lists the ticket's directory, takes what it can from the cache, and reads and
//! parses only the files that are new. Deleting the directory changes nothing but speed.
//!
//! The file is JSON (the event types are self-describing there), written whole to a
//! temporary file and renamed, so readers never see half of one; a file that does not parse,
//! or was written by another version, is ignored.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{Event, TicketId};

/// Tickets with fewer files are read directly.
pub(super) const MIN_FILES: usize = 256;

const DIR: &str = "events";

/// Raised when what a file gives can change for the same bytes (the format's rules): the
/// local index's schema, which is raised for the same reasons.
const SCHEMA: i64 = super::index::SCHEMA;

/// What one event file gave.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[allow(clippy::large_enum_variant)] // nearly every value is an event: boxing would cost more
pub(super) enum Parsed {
    /// The event.
    Event(Event),
    /// Why the file is not an event (the diagnostic's message).
    Problem(String),
}

#[derive(Serialize, Deserialize)]
struct File {
    schema: i64,
    format: u32,
    /// `(file name, blob id, what it gave)`.
    files: Vec<(String, String, Parsed)>,
}

/// The cache of one ticket: what was kept, and what this read found.
pub(super) struct Cache {
    path: PathBuf,
    kept: HashMap<(String, String), Parsed>,
    /// Whether the cache must be written again (a file was not in it, or it held others);
    /// only then are the answers copied into `now`.
    stale: bool,
    now: Vec<(String, String, Parsed)>,
}

impl Cache {
    /// The cache of ticket `id` under the state directory `state`, for a read of the files
    /// `files` (`(name, blob id)`).
    pub fn open(state: &Path, id: &TicketId, files: &[(&str, String)]) -> Self {
        let path = state.join(DIR).join(format!("{id}.json"));
        let kept: HashMap<(String, String), Parsed> = std::fs::read(&path)
            .ok()
            .and_then(|b| serde_json::from_slice::<File>(&b).ok())
            .filter(|f| f.schema == SCHEMA && f.format == crate::model::event::FORMAT_VERSION)
            .map(|f| {
                f.files
                    .into_iter()
                    .map(|(name, blob, parsed)| ((name, blob), parsed))
                    .collect()
            })
            .unwrap_or_default();
        let stale = kept.len() != files.len()
            || files
                .iter()
                .any(|(name, blob)| !kept.contains_key(&((*name).to_owned(), blob.clone())));
        Self {
            path,
            kept,
            stale,
            now: Vec::new(),
        }
    }

    /// What the file `name` with blob `blob` gave, if kept; else what `parse` says.
    pub fn get(&mut self, name: &str, blob: &str, parse: impl FnOnce() -> Parsed) -> Parsed {
        let parsed = self
            .kept
            .remove(&(name.to_owned(), blob.to_owned()))
            .unwrap_or_else(parse);
        if self.stale {
            self.now
                .push((name.to_owned(), blob.to_owned(), parsed.clone()));
        }
        parsed
    }

    /// Saves what this read found when it differs from what was kept (failures are ignored:
    /// this is only a cache).
    pub fn save(self) {
        if !self.stale {
            return;
        }
        let file = File {
            schema: SCHEMA,
            format: crate::model::event::FORMAT_VERSION,
            files: self.now,
        };
        let Ok(bytes) = serde_json::to_vec(&file) else {
            return;
        };
        let Some(dir) = self.path.parent() else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let tmp = self
            .path
            .with_extension(format!("{}.tmp", std::process::id()));
        if std::fs::write(&tmp, bytes).is_err() || std::fs::rename(&tmp, &self.path).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use crate::model::{Action, Event, EventId, Person, TicketId};
    use crate::store::{init_repository, FileWrite, Store};

    fn event(ticket: &TicketId, n: u64, action: Action) -> Event {
        let mut id = [0u8; 16];
        id[..8].copy_from_slice(&n.to_be_bytes());
        Event {
            commit: None,
            id: EventId::from_random(id),
            ticket: ticket.clone(),
            lamport: n + 1,
            parents: Vec::new(),
            at: DateTime::from_timestamp(1_767_225_600 + n as i64, 0).unwrap(),
            author: Person::new("Ann", "ann@example.com").unwrap(),
            action,
        }
    }

    /// A large ticket reads the same from the cache as from its files; only new files are
    /// parsed; a cache that lies about a file (another blob id) or is garbage is not used.
    #[test]
    fn a_large_ticket_reads_the_same_through_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        init_repository(dir.path(), true).unwrap();
        let store = Store::open(Some(dir.path())).unwrap();
        let ann = Person::new("Ann", "ann@example.com").unwrap();
        let at = DateTime::from_timestamp(1_767_225_600, 0).unwrap();
        let ticket = TicketId::from_random([7; 16]);
        let mut files = vec![FileWrite::event(&event(
            &ticket,
            0,
            Action::Create {
                number: 1,
                title: "big".into(),
                description: String::new(),
                assignee: None,
                watchers: Vec::new(),
                fingerprint: None,
            },
        ))];
        for n in 1..super::MIN_FILES as u64 + 10 {
            let body = format!("comment {n}");
            files.push(FileWrite::event(&event(
                &ticket,
                n,
                Action::Comment { body },
            )));
        }
        // One broken file: its problem is kept too.
        files.push(FileWrite {
            path: format!(
                "{}/{}.toml",
                crate::store::layout::ticket_dir(&ticket),
                EventId::from_random([9; 16])
            ),
            content: "not = toml = at all".into(),
        });
        let tip = store.commit(None, &files, "big", &ann, at).unwrap();
        let cache = dir
            .path()
            .join("tracker/events")
            .join(format!("{ticket}.json"));
        let read = |store: &Store, tip| {
            *store.last_ticket.borrow_mut() = None;
            store.ticket(tip, &ticket).unwrap()
        };
        let direct = read(&store, tip);
        assert!(cache.exists(), "the cache was written");
        let (t, diags) = &direct;
        assert_eq!(t.as_ref().unwrap().comments.len(), super::MIN_FILES + 9);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(read(&store, tip), direct, "from the cache");
        // A new file: parsed, the rest from the cache.
        let more = event(
            &ticket,
            999,
            Action::Comment {
                body: "late".into(),
            },
        );
        let tip2 = store
            .commit(Some(tip), &[FileWrite::event(&more)], "more", &ann, at)
            .unwrap();
        let after = read(&store, tip2);
        assert_eq!(
            after.0.as_ref().unwrap().comments.len(),
            super::MIN_FILES + 10
        );
        // An answer kept for another blob (the file changed) is not used for this one: mark
        // every kept answer as another blob's and forge their contents.
        let text = std::fs::read_to_string(&cache).unwrap();
        let kept: super::File = serde_json::from_str(&text).unwrap();
        let forged = super::File {
            files: kept
                .files
                .into_iter()
                .map(|(name, _, _)| {
                    let other = "0".repeat(40);
                    (name, other, super::Parsed::Problem("forged".into()))
                })
                .collect(),
            ..kept
        };
        std::fs::write(&cache, serde_json::to_vec(&forged).unwrap()).unwrap();
        assert_eq!(read(&store, tip2), after);
        std::fs::write(&cache, "garbage").unwrap();
        assert_eq!(read(&store, tip2), after);
    }
}
