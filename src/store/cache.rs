//! The local index under `.git/tracker/` (R5): disposable, never committed.
//!
//! It records, for the tip it was built at, every shard directory's tree id and, inside each,
//! every ticket directory's tree id with the ticket's summary and problems. At the same tip it
//! answers without touching git. At another tip, whatever happened to the branch meanwhile
//! (commits, merges, a plain `git fetch`, a rewrite), only the shards and ticket directories
//! whose tree id changed are read again: tree ids are content hashes, so an unchanged id means
//! unchanged content. After one command that is one shard and one ticket.
//!
//! The file is binary (postcard) behind a magic header and a schema number; a missing,
//! corrupt or older file is simply rebuilt.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::numbers::Settlement;
use super::{Diagnostic, Snapshot, Tip};
use crate::model::{TicketId, TicketSummary, TrackerConfig};

pub(super) const FILE: &str = "index-v2.bin";
const MAGIC: &[u8; 8] = b"GTINDEX\0";
/// Raised whenever what is stored, or the rules that decide what a file holds, change
/// (4: the limits of docs/format.md and `max_text_bytes`; 5: the settlement of shared numbers).
pub(super) const SCHEMA: u32 = 5;

/// One ticket directory.
#[derive(Clone, Serialize, Deserialize)]
pub(super) struct Entry {
    /// The directory's tree id.
    pub tree: String,
    /// The folded ticket, if it folds.
    pub summary: Option<TicketSummary>,
    /// Problems with its files.
    pub diagnostics: Vec<Diagnostic>,
}

/// One shard directory `tickets/<aa>`.
#[derive(Clone, Default, Serialize, Deserialize)]
pub(super) struct Shard {
    /// The shard's tree id.
    pub tree: String,
    /// Its ticket directories.
    pub entries: Vec<Entry>,
    /// Problems with entries that are not ticket directories.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct Index {
    schema: u32,
    tip: String,
    config: TrackerConfig,
    diagnostics: Vec<Diagnostic>,
    shards: BTreeMap<String, Shard>,
    /// Shared numbers settled at this tip (see `numbers.rs`).
    settlement: Settlement,
}

impl Index {
    pub fn new(
        tip: Tip,
        config: TrackerConfig,
        diagnostics: Vec<Diagnostic>,
        shards: BTreeMap<String, Shard>,
        settlement: Settlement,
    ) -> Self {
        Self {
            schema: SCHEMA,
            tip: tip.to_string(),
            config,
            diagnostics,
            shards,
            settlement,
        }
    }

    pub fn read(dir: &Path) -> Option<Self> {
        let bytes = std::fs::read(dir.join(FILE)).ok()?;
        let body = bytes.strip_prefix(MAGIC)?;
        let index: Self = postcard::from_bytes(body).ok()?;
        (index.schema == SCHEMA).then_some(index)
    }

    /// Saves the index atomically (write a temporary file, then rename). Failures are
    /// ignored: the index is only a cache.
    pub fn write(&self, dir: &Path) {
        let Ok(body) = postcard::to_stdvec(self) else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let mut bytes = Vec::with_capacity(MAGIC.len() + body.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&body);
        let tmp = dir.join(format!("{FILE}.{}.tmp", std::process::id()));
        if std::fs::write(&tmp, bytes).is_ok() && std::fs::rename(&tmp, dir.join(FILE)).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }

    pub fn is_at(&self, tip: Tip) -> bool {
        self.tip == tip.to_string()
    }

    /// The snapshot the index describes, tickets ordered by number then id.
    pub fn into_snapshot(self, tip: Tip) -> Snapshot {
        let mut diagnostics = self.diagnostics;
        let mut tickets = Vec::new();
        for shard in self.shards.into_values() {
            diagnostics.extend(shard.diagnostics);
            for e in shard.entries {
                diagnostics.extend(e.diagnostics);
                tickets.extend(e.summary);
            }
        }
        if !self.settlement.renumbered.is_empty() {
            let new: std::collections::HashMap<TicketId, u64> =
                self.settlement.renumbered.into_iter().collect();
            for t in &mut tickets {
                if let Some(n) = new.get(&t.id) {
                    t.number = *n;
                }
            }
        }
        tickets.sort_unstable_by(|a, b| (a.number, &a.id).cmp(&(b.number, &b.id)));
        let config = self.config;
        Snapshot {
            tip,
            config,
            tickets,
            diagnostics,
        }
    }

    /// Hands the shards and the settlement over for reuse.
    pub fn into_parts(self) -> (BTreeMap<String, Shard>, Option<Settlement>) {
        (self.shards, Some(self.settlement))
    }
}
