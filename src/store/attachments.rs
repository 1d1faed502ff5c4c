//! The blobs of attachments (R23): `tickets/<aa>/<ticket-id>/<event-id>/<name>`, beside the
//! `attach` event that records their name, size and SHA-256. Reads are bounded: a blob's size
//! comes from its object header, and a larger one than asked for is never loaded.

use git2::ObjectType;

use super::error::git;
use super::tree::{lookup, read_dir};
use super::{layout, Store, StoreError, Tip};
use crate::model::TicketId;

/// What is at an attachment's path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlobRead {
    /// Nothing (or a directory, or a link to another repository).
    Missing,
    /// A blob larger than the limit asked for, with its size: not loaded.
    TooLarge(u64),
    /// The blob's bytes.
    Bytes(Vec<u8>),
}

/// At most this many files are listed from one ticket's attachment directories.
const MAX_LISTED: usize = 10_000;

impl Store {
    /// The blob at `path` (an attachment's) at `tip`, if it is at most `limit` bytes.
    pub fn attachment(&self, tip: Tip, path: &str, limit: u64) -> Result<BlobRead, StoreError> {
        let Some(entry) = lookup(&self.repo, self.root_tree(tip)?, path) else {
            return Ok(BlobRead::Missing);
        };
        if entry.kind != Some(ObjectType::Blob) {
            return Ok(BlobRead::Missing);
        }
        let odb = self
            .repo
            .odb()
            .map_err(git("opening the object database"))?;
        let (size, _) = odb
            .read_header(entry.oid)
            .map_err(git(format!("reading {path}")))?;
        if size as u64 > limit {
            return Ok(BlobRead::TooLarge(size as u64));
        }
        let blob = self
            .repo
            .find_blob(entry.oid)
            .map_err(git(format!("reading {path}")))?;
        Ok(BlobRead::Bytes(blob.content().to_vec()))
    }

    /// Every file under the attachment directories of ticket `id` at `tip` (the directories
    /// of its directory named by an event id), at most 10 000, by path; entries that are not
    /// files are listed too (with a `/` at the end), so that `verify` can name them.
    pub fn attachment_files(&self, tip: Tip, id: &TicketId) -> Result<Vec<String>, StoreError> {
        let dir = layout::ticket_dir(id);
        let Some(entry) = lookup(&self.repo, self.root_tree(tip)?, &dir) else {
            return Ok(Vec::new());
        };
        if entry.kind != Some(ObjectType::Tree) {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for sub in read_dir(&self.repo, entry.oid, &dir)?.entries {
            if sub.kind != Some(ObjectType::Tree)
                || crate::model::EventId::parse(&sub.name).is_none()
            {
                continue;
            }
            let at = format!("{dir}/{}", sub.name);
            let files = read_dir(&self.repo, sub.oid, &at)?;
            for u in files.unusable {
                out.push(format!("{at}/{u}"));
            }
            for f in files.entries {
                let slash = if f.kind == Some(ObjectType::Blob) {
                    ""
                } else {
                    "/"
                };
                out.push(format!("{at}/{}{slash}", f.name));
                if out.len() >= MAX_LISTED {
                    return Ok(out);
                }
            }
        }
        Ok(out)
    }
}
