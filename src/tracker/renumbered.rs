//! The keys `sync` changed in this clone (R4), kept in `.git/tracker/renumbered.json`: an old
//! key then says where its ticket went, and is never applied to the ticket that holds it now.

use serde::{Deserialize, Serialize};

use crate::model::TicketId;
use crate::store::Store;

const FILE: &str = "renumbered.json";

/// A ticket that got a new number at synchronisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Renumbered {
    /// The ticket's id.
    pub id: TicketId,
    /// Its key before.
    pub from: String,
    /// Its key now.
    pub to: String,
}

fn read(store: &Store) -> Vec<Renumbered> {
    std::fs::read(store.state_dir().join(FILE))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// Where a key this clone once showed went, if `sync` renumbered it (the latest record).
pub fn lookup(store: &Store, key: &str) -> Option<Renumbered> {
    read(store)
        .into_iter()
        .rev()
        .find(|r| r.from.eq_ignore_ascii_case(key.trim()))
}

/// Adds `renumbered` to the records (written atomically; a failure only loses the hint).
pub fn remember(store: &Store, renumbered: &[Renumbered]) {
    if renumbered.is_empty() {
        return;
    }
    let dir = store.state_dir();
    let mut list = read(store);
    list.extend(renumbered.iter().cloned());
    if let Ok(bytes) = serde_json::to_vec_pretty(&list) {
        let _ = std::fs::create_dir_all(dir);
        let tmp = dir.join(format!("{FILE}.{}.tmp", std::process::id()));
        if std::fs::write(&tmp, bytes).is_ok() && std::fs::rename(&tmp, dir.join(FILE)).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}
