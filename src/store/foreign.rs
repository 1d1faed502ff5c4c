//! Naming what is foreign on the branch, file by file, within bounds (R71).
//!
//! A snapshot reports a foreign entry where it meets it (a top-level `garbage` directory, say);
//! `verify` names each file inside. The walk is bounded whatever the branch holds: each tree is
//! entered once however often it is repeated, at most [`MAX_DEPTH`] levels deep, and at most
//! [`MAX_FILES`] paths are listed per entry.

use std::collections::HashSet;

use git2::{ObjectType, Oid};

use super::{Store, StoreError, Tip};

/// Deepest level listed under a foreign directory.
pub const MAX_DEPTH: usize = 64;
/// Most paths listed under one foreign directory.
pub const MAX_FILES: usize = 1000;

impl Store {
    /// The commit `rev` names (any revision git understands: an id, a ref, `tracker~2`).
    pub fn resolve_commit(&self, rev: &str) -> Result<Tip, StoreError> {
        self.repo
            .revparse_single(rev)
            .and_then(|o| o.peel_to_commit())
            .map(|c| Tip(c.id()))
            .map_err(|_| StoreError::BadRevision(rev.to_owned()))
    }

    /// The paths of the files under `path` at `tip` (itself when it is not a directory), in
    /// tree order, within the bounds of this module; a last line says what was left out.
    pub fn files_under(&self, tip: Tip, path: &str) -> Result<Vec<String>, StoreError> {
        let Some(entry) = super::tree::lookup(&self.repo, self.root_tree(tip)?, path) else {
            return Ok(vec![path.to_owned()]);
        };
        if entry.kind != Some(ObjectType::Tree) {
            return Ok(vec![path.to_owned()]);
        }
        let mut out = Vec::new();
        let mut seen: HashSet<Oid> = HashSet::new();
        let mut stack: Vec<(Oid, String, usize)> = vec![(entry.oid, path.to_owned(), 1)];
        let mut left_out = 0usize;
        while let Some((oid, dir, depth)) = stack.pop() {
            if !seen.insert(oid) {
                continue;
            }
            let tree = super::tree::read_dir(&self.repo, oid, &dir)?;
            let mut subdirs = Vec::new();
            for u in &tree.unusable {
                if out.len() < MAX_FILES {
                    out.push(format!("{dir}/{u}"));
                }
            }
            for e in tree.entries {
                let child = format!("{dir}/{}", e.name);
                match e.kind {
                    Some(ObjectType::Tree) if depth < MAX_DEPTH => {
                        subdirs.push((e.oid, child, depth + 1));
                    }
                    Some(ObjectType::Tree) => {
                        if out.len() < MAX_FILES {
                            out.push(format!("{child}/ (deeper than {MAX_DEPTH} levels)"));
                        } else {
                            left_out += 1;
                        }
                    }
                    _ if out.len() < MAX_FILES => out.push(child),
                    _ => left_out += 1,
                }
            }
            // Depth first, in tree order.
            stack.extend(subdirs.into_iter().rev());
            if out.len() >= MAX_FILES && !stack.is_empty() {
                left_out += stack.len();
                break;
            }
        }
        if left_out > 0 {
            out.push(format!("{path}/… ({left_out} more entries not listed)"));
        }
        Ok(out)
    }
}
