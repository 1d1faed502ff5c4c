//! The local index under `.git/tracker/` (R5): disposable, never committed.
//!
//! It maps each ticket directory's tree id to the ticket's summary and diagnostics, and
//! remembers the tip it was built at. At the same tip it answers without touching git; at
//! another tip only the ticket trees whose id changed are read again, whatever happened to the
//! branch meanwhile (commits, merges, a plain `git fetch`, a rewrite): tree ids are content
//! hashes, so an unchanged id means an unchanged ticket. A missing, corrupt or older-schema file
//! is simply rebuilt.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Diagnostic, Snapshot, Tip};
use crate::model::{TicketSummary, TrackerConfig};

const FILE: &str = "index-v1.json";
const SCHEMA: u32 = 1;

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

#[derive(Serialize, Deserialize)]
pub(super) struct Index {
    schema: u32,
    tip: String,
    config: TrackerConfig,
    diagnostics: Vec<Diagnostic>,
    entries: Vec<Entry>,
}

impl Index {
    pub fn new(
        tip: String,
        config: TrackerConfig,
        diagnostics: Vec<Diagnostic>,
        mut entries: Vec<Entry>,
    ) -> Self {
        entries.sort_by(|a, b| {
            let key = |e: &Entry| e.summary.as_ref().map(|s| (s.number, s.id.clone()));
            key(a).cmp(&key(b)).then_with(|| a.tree.cmp(&b.tree))
        });
        Self {
            schema: SCHEMA,
            tip,
            config,
            diagnostics,
            entries,
        }
    }

    pub fn read(dir: &Path) -> Option<Self> {
        let bytes = std::fs::read(dir.join(FILE)).ok()?;
        let index: Self = serde_json::from_slice(&bytes).ok()?;
        (index.schema == SCHEMA).then_some(index)
    }

    /// Saves the index atomically (write a temporary file, then rename). Failures are
    /// ignored: the index is only a cache.
    pub fn write(&self, dir: &Path) {
        let Ok(bytes) = serde_json::to_vec(self) else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let tmp = dir.join(format!("{FILE}.{}.tmp", std::process::id()));
        if std::fs::write(&tmp, bytes).is_ok() && std::fs::rename(&tmp, dir.join(FILE)).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }

    pub fn snapshot_if_at(&self, tip: Tip) -> Option<Snapshot> {
        (self.tip == tip.to_string()).then(|| self.snapshot(tip))
    }

    pub fn snapshot(&self, tip: Tip) -> Snapshot {
        let mut diagnostics = self.diagnostics.clone();
        let mut tickets = Vec::with_capacity(self.entries.len());
        for e in &self.entries {
            diagnostics.extend(e.diagnostics.iter().cloned());
            tickets.extend(e.summary.iter().cloned());
        }
        Snapshot {
            tip,
            config: self.config.clone(),
            tickets,
            diagnostics,
        }
    }

    pub fn into_entries(self) -> HashMap<String, Entry> {
        self.entries
            .into_iter()
            .map(|e| (e.tree.clone(), e))
            .collect()
    }
}
