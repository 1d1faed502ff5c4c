//! Reading what belongs to people: `people/<person-id>/<event-id>.toml` (`docs/format.md`,
//! "People"). A command reads only the directory of the person it is about.

use git2::{ObjectType, Oid};

use super::tree::{lookup, read_dir};
use super::{diag, layout, read_bounded, Diagnostic, Store, StoreError, Tip};
use crate::model::limits::MAX_EVENT_FILE_BYTES;
use crate::model::people::PersonEvent;

/// A person id: the git blob id of the lower-cased email (what
/// `printf %s EMAIL | git hash-object --stdin` prints for it).
pub fn person_id(email: &str) -> String {
    Oid::hash_object(ObjectType::Blob, email.to_ascii_lowercase().as_bytes())
        .map(|o| o.to_string())
        .unwrap_or_default()
}

impl Store {
    /// The events of the person with `email`, and the problems of their directory's files.
    pub fn person_events(
        &self,
        tip: Tip,
        email: &str,
    ) -> Result<(Vec<PersonEvent>, Vec<Diagnostic>), StoreError> {
        let id = person_id(email);
        let dir_path = format!("{}/{id}", layout::PEOPLE_DIR);
        match lookup(&self.repo, self.root_tree(tip)?, &dir_path) {
            Some(e) if e.kind == Some(ObjectType::Tree) => self.read_person_dir(e.oid, &id),
            _ => Ok((Vec::new(), Vec::new())),
        }
    }

    pub(super) fn read_person_dir(
        &self,
        oid: Oid,
        id: &str,
    ) -> Result<(Vec<PersonEvent>, Vec<Diagnostic>), StoreError> {
        let dir_path = format!("{}/{id}", layout::PEOPLE_DIR);
        let dir = read_dir(&self.repo, oid, &dir_path)?;
        let mut problems = Vec::new();
        Self::unusable(&dir, &dir_path, &mut problems);
        let mut events = Vec::new();
        for entry in &dir.entries {
            let path = format!("{dir_path}/{}", entry.name);
            let (Some(eid), Some(ObjectType::Blob)) =
                (layout::event_file_id(&entry.name), entry.kind)
            else {
                problems.push(diag(&path, "not an event file"));
                continue;
            };
            let blob =
                match read_bounded(&self.repo, entry.oid, MAX_EVENT_FILE_BYTES, || path.clone())? {
                    Ok(b) => b,
                    Err(d) => {
                        problems.push(d);
                        continue;
                    }
                };
            let owner = |p: &crate::model::Person| person_id(&p.email) == id;
            match PersonEvent::from_toml(eid, blob.content(), owner) {
                Ok(e) => events.push(e),
                Err(e) => problems.push(diag(&path, e)),
            }
        }
        Ok((events, problems))
    }

    /// The problems of every person's files at `tip` (for `verify`).
    pub fn people_problems(&self, tip: Tip) -> Result<Vec<Diagnostic>, StoreError> {
        let mut problems = Vec::new();
        let Some(people) = super::diff::people_root(&self.repo, Some(self.root_tree(tip)?))? else {
            return Ok(problems);
        };
        let dir = read_dir(&self.repo, people, layout::PEOPLE_DIR)?;
        Self::unusable(&dir, layout::PEOPLE_DIR, &mut problems);
        for e in dir.entries {
            let path = format!("{}/{}", layout::PEOPLE_DIR, e.name);
            if e.kind != Some(ObjectType::Tree) || !layout::is_person_id(&e.name) {
                problems.push(diag(&path, "not a person's directory"));
                continue;
            }
            problems.extend(self.read_person_dir(e.oid, &e.name)?.1);
        }
        Ok(problems)
    }
}
