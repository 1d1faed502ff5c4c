//! Reading and rewriting the branch's trees as they are, hostile ones included (R71).
//!
//! A clone can hold trees that git's own transport would refuse — an entry with an empty
//! name, say — and libgit2 refuses to parse such a tree at all, which made every command
//! fail on a branch that held one. [`read_dir`] reads a directory through libgit2 when it can
//! and otherwise parses the raw tree object itself, leaving out (and describing) the entries
//! nothing can use. [`write_tree`] rewrites the directories a commit touches from those
//! entries: entries git refuses are left out of the new trees (and named), everything else is
//! kept as it was. Only the directories on the paths being written are read, whatever the
//! size or depth of the rest.

use std::collections::BTreeMap;

use git2::{ObjectType, Oid, Repository};

use super::error::git;
use super::StoreError;

/// The mode of a directory entry.
const MODE_TREE: i32 = 0o040_000;
/// The mode of an ordinary file.
pub(super) const MODE_BLOB: i32 = 0o100_644;

/// One entry of a directory.
#[derive(Clone, Debug)]
pub(super) struct Entry {
    /// The name, as stored.
    pub raw: Vec<u8>,
    /// The name as text (invalid UTF-8 replaced).
    pub name: String,
    /// What the entry points to: a tree, a blob, or a commit (a gitlink).
    pub kind: Option<ObjectType>,
    /// Its mode.
    pub mode: i32,
    /// The object.
    pub oid: Oid,
}

/// A directory's entries, and the ones that cannot be used.
#[derive(Clone, Debug, Default)]
pub(super) struct Dir {
    /// The usable entries, in the tree's order.
    pub entries: Vec<Entry>,
    /// What was left out, each described (`<an entry with an empty name>`, …).
    pub unusable: Vec<String>,
}

impl Dir {
    /// The entry named `name`.
    pub fn get(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.name == name)
    }
}

fn kind_of(mode: i32) -> Option<ObjectType> {
    match mode {
        MODE_TREE => Some(ObjectType::Tree),
        0o160_000 => Some(ObjectType::Commit),
        0o100_644 | 0o100_755 | 0o100_664 | 0o120_000 => Some(ObjectType::Blob),
        _ => None,
    }
}

/// Reads the directory `oid` (at `path`, for messages).
pub(super) fn read_dir(repo: &Repository, oid: Oid, path: &str) -> Result<Dir, StoreError> {
    if let Ok(tree) = repo.find_tree(oid) {
        let entries = tree
            .iter()
            .map(|e| Entry {
                raw: e.name_bytes().to_vec(),
                name: String::from_utf8_lossy(e.name_bytes()).into_owned(),
                kind: e.kind(),
                mode: e.filemode(),
                oid: e.id(),
            })
            .collect();
        return Ok(Dir {
            entries,
            unusable: Vec::new(),
        });
    }
    // libgit2 refused it: read the raw object and take what can be taken.
    let odb = repo.odb().map_err(git("opening the object database"))?;
    let object = odb.read(oid).map_err(git(format!("reading {path}")))?;
    if object.kind() != ObjectType::Tree {
        return Err(StoreError::Git {
            what: format!("reading {path}"),
            source: git2::Error::from_str("not a tree"),
        });
    }
    Ok(parse_raw(object.data()))
}

/// Parses a raw tree object: `<octal mode> <name>\0<20-byte id>`, repeated.
fn parse_raw(mut data: &[u8]) -> Dir {
    let mut dir = Dir::default();
    while !data.is_empty() {
        let (Some(space), Some(nul)) = (
            data.iter().position(|b| *b == b' '),
            data.iter().position(|b| *b == 0),
        ) else {
            dir.unusable.push("<a truncated entry>".to_owned());
            break;
        };
        if space > nul || data.len() < nul + 21 {
            dir.unusable.push("<a truncated entry>".to_owned());
            break;
        }
        let mode = std::str::from_utf8(&data[..space])
            .ok()
            .and_then(|m| i32::from_str_radix(m, 8).ok());
        let raw = data[space + 1..nul].to_vec();
        let oid = Oid::from_bytes(&data[nul + 1..nul + 21]).ok();
        data = &data[nul + 21..];
        let name = String::from_utf8_lossy(&raw).into_owned();
        match (mode, oid) {
            _ if raw.is_empty() => dir.unusable.push("<an entry with an empty name>".into()),
            (Some(mode), Some(oid)) if kind_of(mode).is_some() => dir.entries.push(Entry {
                kind: kind_of(mode),
                raw,
                name,
                mode,
                oid,
            }),
            _ => dir
                .unusable
                .push(format!("{name} <an entry with an invalid mode>")),
        }
    }
    dir
}

/// The entry at `path` (`a/b/c`) under the tree `root`, if every directory on the way reads.
pub(super) fn lookup(repo: &Repository, root: Oid, path: &str) -> Option<Entry> {
    let mut at = root;
    let mut parts = path.split('/').peekable();
    while let Some(part) = parts.next() {
        let dir = read_dir(repo, at, path).ok()?;
        let e = dir.get(part)?.clone();
        if parts.peek().is_none() {
            return Some(e);
        }
        if e.kind != Some(ObjectType::Tree) {
            return None;
        }
        at = e.oid;
    }
    None
}

/// What a commit changes: file path → its new blob, or `None` to remove it.
pub(super) type Changes = BTreeMap<String, Option<Oid>>;

/// Writes the tree `base` (none: empty) with `changes` applied and returns it, with the paths
/// of entries left out because git refuses them (they cannot be written into a tree).
/// A file or foreign entry standing where a directory of a changed path must go is replaced.
pub(super) fn write_tree(
    repo: &Repository,
    base: Option<Oid>,
    changes: &Changes,
) -> Result<(Oid, Vec<String>), StoreError> {
    write_tree_noting(repo, base, changes, &mut Vec::new())
}

/// [`write_tree`], adding to `written` the id of every tree it writes.
pub(super) fn write_tree_noting(
    repo: &Repository,
    base: Option<Oid>,
    changes: &Changes,
    written: &mut Vec<Oid>,
) -> Result<(Oid, Vec<String>), StoreError> {
    let mut dropped = Vec::new();
    let (oid, _) = write_level(repo, base, changes, "", &mut dropped, written)?;
    Ok((oid, dropped))
}

fn write_level(
    repo: &Repository,
    base: Option<Oid>,
    changes: &Changes,
    prefix: &str,
    dropped: &mut Vec<String>,
    written: &mut Vec<Oid>,
) -> Result<(Oid, bool), StoreError> {
    let here = if prefix.is_empty() { "." } else { prefix };
    let dir = match base {
        Some(oid) => read_dir(repo, oid, here)?,
        None => Dir::default(),
    };
    let at = |name: &str| {
        if prefix.is_empty() {
            name.to_owned()
        } else {
            format!("{prefix}/{name}")
        }
    };
    dropped.extend(dir.unusable.iter().map(|u| at(u)));
    // The changes at this level: a file (leaf) or a directory (its own changes).
    let mut files: BTreeMap<&str, Option<Oid>> = BTreeMap::new();
    let mut subdirs: BTreeMap<&str, Changes> = BTreeMap::new();
    for (path, blob) in changes {
        match path.split_once('/') {
            None => {
                files.insert(path.as_str(), *blob);
            }
            Some((first, rest)) => {
                subdirs
                    .entry(first)
                    .or_default()
                    .insert(rest.to_owned(), *blob);
            }
        }
    }
    let mut builder = repo.treebuilder(None).map_err(git("writing a tree"))?;
    for e in &dir.entries {
        if files.contains_key(e.name.as_str()) || subdirs.contains_key(e.name.as_str()) {
            continue;
        }
        if builder.insert(&e.raw[..], e.oid, e.mode).is_err() {
            dropped.push(at(&e.name));
        }
    }
    for (name, blob) in files {
        if let Some(blob) = blob {
            builder
                .insert(name, blob, MODE_BLOB)
                .map_err(git(format!("writing {}", at(name))))?;
        }
    }
    for (name, sub) in &subdirs {
        let existing = dir
            .get(name)
            .filter(|e| e.kind == Some(ObjectType::Tree))
            .map(|e| e.oid);
        if existing.is_none() {
            if let Some(e) = dir.get(name) {
                dropped.push(format!("{} (replaced by a directory)", at(&e.name)));
            }
        }
        // Whether the tree written is empty is known from its entries: reading it back would
        // read the object just written.
        let (oid, empty) = write_level(repo, existing, sub, &at(name), dropped, written)?;
        if !empty {
            builder
                .insert(*name, oid, MODE_TREE)
                .map_err(git(format!("writing {}", at(name))))?;
        }
    }
    let empty = builder.is_empty();
    let oid = builder.write().map_err(git(format!("writing {here}")))?;
    written.push(oid);
    Ok((oid, empty))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes a raw tree object, as a hostile clone could.
    fn raw_tree(repo: &Repository, entries: &[(&str, &[u8], Oid)]) -> Oid {
        let mut data = Vec::new();
        for (mode, name, oid) in entries {
            data.extend_from_slice(mode.as_bytes());
            data.push(b' ');
            data.extend_from_slice(name);
            data.push(0);
            data.extend_from_slice(oid.as_bytes());
        }
        repo.odb().unwrap().write(ObjectType::Tree, &data).unwrap()
    }

    #[test]
    fn a_tree_libgit2_refuses_is_read_and_rewritten_without_its_bad_entry() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init_bare(dir.path()).unwrap();
        let blob = repo.blob(b"x").unwrap();
        let bad = raw_tree(&repo, &[("100644", b"", blob), ("100644", b"good", blob)]);
        assert!(
            repo.find_tree(bad).is_err(),
            "libgit2 refuses an empty name"
        );
        let d = read_dir(&repo, bad, "t").unwrap();
        assert_eq!(d.entries.len(), 1);
        assert_eq!(d.entries[0].name, "good");
        assert_eq!(d.unusable, ["<an entry with an empty name>"]);
        let root = raw_tree(&repo, &[("40000", b"t", bad)]);
        assert!(lookup(&repo, root, "t/good").is_some());
        assert!(lookup(&repo, root, "t/none").is_none());
        // Writing a file into it keeps the good entry and names the bad one.
        let mut changes = Changes::new();
        changes.insert("t/new".into(), Some(blob));
        let (new, dropped) = write_tree(&repo, Some(root), &changes).unwrap();
        assert_eq!(dropped, ["t/<an entry with an empty name>"]);
        let t = repo.find_tree(new).unwrap();
        let sub = repo.find_tree(t.get_name("t").unwrap().id()).unwrap();
        let names: Vec<String> = sub.iter().map(|e| e.name().unwrap().to_owned()).collect();
        assert_eq!(names, ["good", "new"]);
    }

    #[test]
    fn writing_keeps_everything_else_and_replaces_a_file_where_a_directory_goes() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init_bare(dir.path()).unwrap();
        let blob = repo.blob(b"x").unwrap();
        let mut changes = Changes::new();
        changes.insert("a/b/c".into(), Some(blob));
        changes.insert("keep".into(), Some(blob));
        let (base, dropped) = write_tree(&repo, None, &changes).unwrap();
        assert!(dropped.is_empty());
        // A blob named like a directory a change needs.
        let mut next = Changes::new();
        next.insert("a".into(), Some(blob));
        let (flat, _) = write_tree(&repo, Some(base), &next).unwrap();
        let mut deeper = Changes::new();
        deeper.insert("a/d".into(), Some(blob));
        let (fixed, dropped) = write_tree(&repo, Some(flat), &deeper).unwrap();
        assert_eq!(dropped, ["a (replaced by a directory)"]);
        assert!(lookup(&repo, fixed, "a/d").is_some());
        assert!(lookup(&repo, fixed, "keep").is_some());
        // Removing the last file of a directory removes the directory.
        let mut rm = Changes::new();
        rm.insert("a/d".into(), None);
        let (gone, _) = write_tree(&repo, Some(fixed), &rm).unwrap();
        assert!(lookup(&repo, gone, "a").is_none());
    }
}
