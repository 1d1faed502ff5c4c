//! Reading every ticket whole (with its events), for reports.
//!
//! `list` needs only the summaries kept in the local index; reports need each ticket's full
//! history (the times of its transitions and assignments), so they read every ticket directory
//! at one tip. Problems are returned as diagnostics, never raised (R71).

use git2::{ObjectType, Oid, Repository};

use super::error::git;
use super::{diag, layout, Diagnostic, Store, StoreError, Tip};
use crate::model::{Ticket, TicketId};

/// At most this many threads read tickets (each with its own handle on the repository).
const MAX_THREADS: usize = 8;

/// Below this many tickets, one thread reads them all.
const PARALLEL_FROM: usize = 512;

/// What one thread read: tickets and problems, or the first git error.
type Part = Result<(Vec<Ticket>, Vec<Diagnostic>), StoreError>;

/// A ticket directory: its tree and its ticket's id.
type Dir = (Oid, TicketId);

impl Store {
    /// Reads and folds every ticket on the branch at `tip`, in the order of their directories
    /// (shard, then id). Unreadable tickets are left out and described in the diagnostics.
    ///
    /// Large branches are read by several threads, each opening the repository again (a
    /// libgit2 handle is not shared between threads); the result does not depend on it.
    pub fn tickets(&self, tip: Tip) -> Result<(Vec<Ticket>, Vec<Diagnostic>), StoreError> {
        let (dirs, mut diagnostics) = self.ticket_dirs(tip)?;
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, MAX_THREADS);
        let parts: Vec<Part> = if threads == 1 || dirs.len() < PARALLEL_FROM {
            vec![read_dirs(&self.repo, &dirs, &self.state_dir)]
        } else {
            let path = self.repo.path().to_path_buf();
            let state = self.state_dir.as_path();
            let chunk = dirs.len().div_ceil(threads);
            std::thread::scope(|scope| {
                let handles: Vec<_> = dirs
                    .chunks(chunk)
                    .map(|part| {
                        let path = &path;
                        scope.spawn(move || {
                            let repo = Repository::open(path)
                                .map_err(git(format!("opening {}", path.display())))?;
                            read_dirs(&repo, part, state)
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| {
                        h.join()
                            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                    })
                    .collect()
            })
        };
        let mut tickets = Vec::with_capacity(dirs.len());
        for part in parts {
            let (t, d) = part?;
            tickets.extend(t);
            diagnostics.extend(d);
        }
        Ok((tickets, diagnostics))
    }

    /// The ticket directories at `tip` (tree id and ticket id), and what is not one.
    pub(super) fn ticket_dirs(&self, tip: Tip) -> Result<(Vec<Dir>, Vec<Diagnostic>), StoreError> {
        let mut dirs = Vec::new();
        let mut diagnostics = Vec::new();
        let (_, Some(tickets)) = super::diff::roots(&self.repo, Some(self.root_tree(tip)?))? else {
            return Ok((dirs, diagnostics));
        };
        let tree = super::tree::read_dir(&self.repo, tickets, layout::TICKETS_DIR)?;
        for shard in tree.entries {
            let sname = shard.name;
            if shard.kind != Some(ObjectType::Tree) || !layout::is_shard(&sname) {
                continue;
            }
            let spath = format!("{}/{sname}", layout::TICKETS_DIR);
            let stree = super::tree::read_dir(&self.repo, shard.oid, &spath)?;
            for t in stree.entries {
                let id = TicketId::parse(&t.name).filter(|id| layout::shard(id) == sname);
                match (id, t.kind) {
                    (Some(id), Some(ObjectType::Tree)) => dirs.push((t.oid, id)),
                    _ => diagnostics.push(diag(
                        &format!("{spath}/{}", t.name),
                        "not a ticket directory",
                    )),
                }
            }
        }
        Ok((dirs, diagnostics))
    }
}

/// Reads and folds the tickets of `dirs` (the same reading as [`Store::ticket`]).
fn read_dirs(repo: &Repository, dirs: &[Dir], state: &std::path::Path) -> Part {
    let mut tickets = Vec::with_capacity(dirs.len());
    let mut diagnostics = Vec::new();
    for (oid, id) in dirs {
        let (ticket, diags) = super::read_ticket_tree(repo, *oid, id, state, None)?;
        tickets.extend(ticket);
        diagnostics.extend(diags);
    }
    Ok((tickets, diagnostics))
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::model::{Action, Event, EventId, Person};
    use crate::store::{init_repository, FileWrite};

    fn create(n: u64, at: chrono::DateTime<chrono::Utc>, ann: &Person) -> Event {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&n.to_be_bytes());
        bytes[8] = 0x5a;
        let mut event_bytes = bytes;
        event_bytes[15] = 1;
        Event {
            commit: None,
            id: EventId::from_random(event_bytes),
            ticket: TicketId::from_random(bytes),
            lamport: 1,
            parents: Vec::new(),
            at,
            author: ann.clone(),
            action: Action::Create {
                number: n,
                title: format!("t{n}"),
                description: String::new(),
                assignee: None,
                watchers: Vec::new(),
                fingerprint: None,
            },
        }
    }

    /// Enough tickets to be read by several threads give the same result as one thread.
    #[test]
    fn parallel_reading_reads_every_ticket_once() {
        let dir = tempfile::tempdir().unwrap();
        init_repository(dir.path(), true).unwrap();
        let store = Store::open(Some(dir.path())).unwrap();
        let ann = Person::new("Ann", "ann@example.com").unwrap();
        let at = DateTime::from_timestamp(1_767_225_600, 0).unwrap();
        let n = 2 * PARALLEL_FROM as u64;
        let files: Vec<FileWrite> = (1..=n)
            .map(|i| FileWrite::event(&create(i, at, &ann)))
            .collect();
        let tip = store.commit(None, &files, "test", &ann, at).unwrap();
        let (tickets, diags) = store.tickets(tip).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        let mut numbers: Vec<u64> = tickets.iter().map(|t| t.number).collect();
        numbers.sort_unstable();
        assert_eq!(numbers, (1..=n).collect::<Vec<_>>());
        let (dirs, _) = store.ticket_dirs(tip).unwrap();
        let (one_thread, _) = read_dirs(&store.repo, &dirs, &store.state_dir).unwrap();
        assert_eq!(tickets, one_thread, "the same tickets in the same order");
    }

    /// Every ticket comes back whole, with its events; a broken file is a diagnostic.
    #[test]
    fn reads_every_ticket_with_its_events() {
        let dir = tempfile::tempdir().unwrap();
        init_repository(dir.path(), true).unwrap();
        let store = Store::open(Some(dir.path())).unwrap();
        let ann = Person::new("Ann", "ann@example.com").unwrap();
        let at = DateTime::from_timestamp(1_767_225_600, 0).unwrap();
        let mut files = Vec::new();
        for n in 1..=3u8 {
            let ticket = TicketId::from_random([n; 16]);
            let create = Event {
                commit: None,
                id: EventId::from_random([n + 100; 16]),
                ticket: ticket.clone(),
                lamport: 1,
                parents: Vec::new(),
                at,
                author: ann.clone(),
                action: Action::Create {
                    number: u64::from(n),
                    title: format!("t{n}"),
                    description: String::new(),
                    assignee: None,
                    watchers: Vec::new(),
                    fingerprint: None,
                },
            };
            files.push(FileWrite::event(&create));
        }
        let broken_dir = layout::ticket_dir(&TicketId::from_random([9; 16]));
        files.push(FileWrite {
            path: format!("{broken_dir}/{}.toml", EventId::from_random([1; 16])),
            content: "not toml [".into(),
        });
        let tip = store.commit(None, &files, "test", &ann, at).unwrap();
        let (tickets, diags) = store.tickets(tip).unwrap();
        let mut numbers: Vec<u64> = tickets.iter().map(|t| t.number).collect();
        numbers.sort_unstable();
        assert_eq!(numbers, [1, 2, 3]);
        assert!(tickets.iter().all(|t| t.events.len() == 1));
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags.iter().all(|d| d.path.starts_with(&broken_dir)));
    }
}
