//! Reading every ticket whole (with its events), for reports.
//!
//! `list` needs only the summaries kept in the local index; reports need each ticket's full
//! history (the times of its transitions and assignments), so they read every ticket directory
//! at one tip. Problems are returned as diagnostics, never raised (R71).

use std::path::Path;

use git2::ObjectType;

use super::error::git;
use super::{diag, layout, Diagnostic, Store, StoreError, Tip};
use crate::model::{Ticket, TicketId};

impl Store {
    /// Reads and folds every ticket on the branch at `tip`, in the order of their directories
    /// (shard, then id). Unreadable tickets are left out and described in the diagnostics.
    pub fn tickets(&self, tip: Tip) -> Result<(Vec<Ticket>, Vec<Diagnostic>), StoreError> {
        let mut tickets = Vec::new();
        let mut diagnostics = Vec::new();
        let root = self.root_tree(tip)?;
        let Ok(entry) = root.get_path(Path::new(layout::TICKETS_DIR)) else {
            return Ok((tickets, diagnostics));
        };
        if entry.kind() != Some(ObjectType::Tree) {
            return Ok((tickets, diagnostics));
        }
        let tree = self
            .repo
            .find_tree(entry.id())
            .map_err(git("reading tickets/"))?;
        for shard in tree.iter() {
            let sname = shard.name().unwrap_or("?").to_owned();
            if shard.kind() != Some(ObjectType::Tree) || !layout::is_shard(&sname) {
                continue;
            }
            let stree = self
                .repo
                .find_tree(shard.id())
                .map_err(git(format!("reading {}/{sname}", layout::TICKETS_DIR)))?;
            for t in stree.iter() {
                let id = t
                    .name()
                    .ok()
                    .and_then(TicketId::parse)
                    .filter(|id| layout::shard(id) == sname);
                let (Some(id), Some(ObjectType::Tree)) = (id, t.kind()) else {
                    diagnostics.push(diag(
                        &format!(
                            "{}/{sname}/{}",
                            layout::TICKETS_DIR,
                            t.name().unwrap_or("?")
                        ),
                        "not a ticket directory",
                    ));
                    continue;
                };
                let (ticket, diags) = self.read_ticket_tree(t.id(), &id)?;
                tickets.extend(ticket);
                diagnostics.extend(diags);
            }
        }
        Ok((tickets, diagnostics))
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::model::{Action, Event, EventId, Person};
    use crate::store::{init_repository, FileWrite};

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
