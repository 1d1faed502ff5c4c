//! Copying the files of a ticket's directory by their object ids (R34, R35): what a transfer
//! or a dispatch carries to another tracker besides the events it writes — the files that are
//! not events (attachments), and for a dispatch every event file as it is. Nothing is read but
//! the directory's trees: a copy costs the entries, whatever the files' sizes.

use git2::{ObjectType, Oid};

use super::{diag, layout, tree, Diagnostic, Store, StoreError, Tip};
use crate::model::TicketId;

/// How deep the directories under a ticket's directory are followed.
pub const MAX_COPY_DEPTH: usize = 8;

/// How many files of one ticket's directory are copied at most.
pub const MAX_COPY_FILES: usize = 100_000;

/// A file of the branch, to be written elsewhere with the same content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopiedFile {
    /// Where it goes (at first: its path under its ticket's directory).
    pub path: String,
    pub(super) blob: Oid,
}

impl CopiedFile {
    /// The same content at `path`.
    pub fn to(&self, path: String) -> Self {
        Self {
            path,
            blob: self.blob,
        }
    }
}

impl Store {
    /// Every file under the directory of ticket `id` at `tip`, with its path relative to that
    /// directory (`<event-id>.toml`, `a/b`), in no particular order; directories followed to
    /// `MAX_COPY_DEPTH`, at most `MAX_COPY_FILES` files. What is left out is described.
    pub fn ticket_files_at(
        &self,
        tip: Tip,
        id: &TicketId,
    ) -> Result<(Vec<CopiedFile>, Vec<Diagnostic>), StoreError> {
        let dir = layout::ticket_dir(id);
        let mut out = Vec::new();
        let mut problems = Vec::new();
        let Some(entry) = tree::lookup(&self.repo, self.root_tree(tip)?, &dir)
            .filter(|e| e.kind == Some(ObjectType::Tree))
        else {
            return Ok((out, problems));
        };
        let mut todo = vec![(entry.oid, String::new(), 0_usize)];
        while let Some((oid, rel, depth)) = todo.pop() {
            let here = if rel.is_empty() {
                dir.clone()
            } else {
                format!("{dir}/{rel}")
            };
            let d = tree::read_dir(&self.repo, oid, &here)?;
            Self::unusable(&d, &here, &mut problems);
            for e in d.entries {
                let sub = if rel.is_empty() {
                    e.name.clone()
                } else {
                    format!("{rel}/{}", e.name)
                };
                match e.kind {
                    Some(ObjectType::Blob) if out.len() < MAX_COPY_FILES => {
                        out.push(CopiedFile {
                            path: sub,
                            blob: e.oid,
                        });
                    }
                    Some(ObjectType::Blob) => {
                        problems.push(diag(
                            &format!("{dir}/{sub}"),
                            format!("not copied: more than {MAX_COPY_FILES} files"),
                        ));
                    }
                    Some(ObjectType::Tree) if depth + 1 < MAX_COPY_DEPTH => {
                        todo.push((e.oid, sub, depth + 1));
                    }
                    _ => problems.push(diag(
                        &format!("{dir}/{sub}"),
                        "not copied: too deep, or not a file",
                    )),
                }
            }
        }
        Ok((out, problems))
    }
}
