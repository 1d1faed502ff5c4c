//! Comparing two trees of the branch along its layout only.
//!
//! The branch has a fixed shape (`tracker.toml`, `tickets/<aa>/<ticket-id>/<event-id>.toml`,
//! see [`super::layout`]), so two commits are compared level by level along that shape and
//! nowhere else: subtrees with the same id are skipped (ids are content hashes), and foreign
//! entries — whatever their depth or kind — are never entered. The cost is the number of
//! entries in the directories that differ, never the size or depth of the whole tree, which
//! keeps `verify`, `sync` and number settlement bounded on hostile branches.

use std::collections::BTreeMap;

use git2::{ObjectType, Oid, Repository};

use super::tree::read_dir;
use super::{layout, StoreError};
use crate::model::config::CONFIG_PATH;

/// A file of the layout that differs between two trees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Change {
    /// Its path on the branch.
    pub path: String,
    /// Its blob in the old tree (`None`: absent).
    pub old: Option<Oid>,
    /// Its blob in the new tree (`None`: absent).
    pub new: Option<Oid>,
}

/// The entries of one directory that follow the layout at that depth: name → (id, is a tree).
type Level = BTreeMap<String, Oid>;

/// The level of the people's part of the layout: `people/` lists person directories (its
/// entries are at `PEOPLE`), whose entries are event files (at `PEOPLE + 1`).
const PEOPLE: u8 = 10;

/// The layout's entries of `tree` at `depth` (0 = `tickets/`, 1 = a shard, 2 = a ticket
/// directory; `PEOPLE`, `PEOPLE + 1`), keyed by name. Entries of the wrong name or kind are left out: they are foreign
/// (snapshots report them), and for the comparison a directory that is not one is empty.
fn level(
    repo: &Repository,
    tree: Option<Oid>,
    depth: u8,
    parent: &str,
) -> Result<Level, StoreError> {
    let mut out = Level::new();
    let Some(oid) = tree else {
        return Ok(out);
    };
    let shard = parent.rsplit('/').next().unwrap_or_default();
    for e in read_dir(repo, oid, parent)?.entries {
        let name = e.name.as_str();
        let wanted = match depth {
            0 => e.kind == Some(ObjectType::Tree) && layout::is_shard(name),
            1 => {
                e.kind == Some(ObjectType::Tree)
                    && crate::model::TicketId::parse(name)
                        .is_some_and(|id| layout::shard(&id) == shard)
            }
            PEOPLE => e.kind == Some(ObjectType::Tree) && layout::is_person_id(name),
            _ => e.kind == Some(ObjectType::Blob) && layout::event_file_id(name).is_some(),
        };
        if wanted {
            out.insert(e.name, e.oid);
        }
    }
    Ok(out)
}

/// The root's `tracker.toml` blob and `tickets` tree, when they have those kinds.
pub(super) fn roots(
    repo: &Repository,
    tree: Option<Oid>,
) -> Result<(Option<Oid>, Option<Oid>), StoreError> {
    let Some(tree) = tree else {
        return Ok((None, None));
    };
    let dir = read_dir(repo, tree, "the root")?;
    let get = |name: &str, kind: ObjectType| {
        dir.get(name)
            .filter(|e| e.kind == Some(kind))
            .map(|e| e.oid)
    };
    Ok((
        get(CONFIG_PATH, ObjectType::Blob),
        get(layout::TICKETS_DIR, ObjectType::Tree),
    ))
}

/// Every file of the layout (`tracker.toml` and event files) that differs between `old` and
/// `new` (either may be absent: an empty tree), in path order.
pub(super) fn changes(
    repo: &Repository,
    old: Option<Oid>,
    new: Option<Oid>,
) -> Result<Vec<Change>, StoreError> {
    if old == new {
        return Ok(Vec::new());
    }
    let (old_config, old_tickets) = roots(repo, old)?;
    let (new_config, new_tickets) = roots(repo, new)?;
    let mut out = Vec::new();
    if old_config != new_config {
        out.push(Change {
            path: CONFIG_PATH.to_owned(),
            old: old_config,
            new: new_config,
        });
    }
    if old_tickets != new_tickets {
        compare(
            repo,
            old_tickets,
            new_tickets,
            0,
            layout::TICKETS_DIR,
            &mut out,
        )?;
    }
    let (old_people, new_people) = (people_root(repo, old)?, people_root(repo, new)?);
    if old_people != new_people {
        compare(
            repo,
            old_people,
            new_people,
            PEOPLE,
            layout::PEOPLE_DIR,
            &mut out,
        )?;
    }
    Ok(out)
}

/// The root's `people` tree, when it is one.
pub(super) fn people_root(repo: &Repository, tree: Option<Oid>) -> Result<Option<Oid>, StoreError> {
    let Some(tree) = tree else {
        return Ok(None);
    };
    Ok(read_dir(repo, tree, "the root")?
        .get(layout::PEOPLE_DIR)
        .filter(|e| e.kind == Some(ObjectType::Tree))
        .map(|e| e.oid))
}

fn compare(
    repo: &Repository,
    old: Option<Oid>,
    new: Option<Oid>,
    depth: u8,
    path: &str,
    out: &mut Vec<Change>,
) -> Result<(), StoreError> {
    let a = level(repo, old, depth, path)?;
    let b = level(repo, new, depth, path)?;
    let mut names: Vec<&String> = a.keys().chain(b.keys()).collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        let (x, y) = (a.get(name).copied(), b.get(name).copied());
        if x == y {
            continue;
        }
        let child = format!("{path}/{name}");
        if matches!(depth, 0 | 1 | PEOPLE) {
            compare(repo, x, y, depth + 1, &child, out)?;
        } else {
            out.push(Change {
                path: child,
                old: x,
                new: y,
            });
        }
    }
    Ok(())
}

/// The ticket directories that `new` has and `old` lacks (by name: a directory present in both
/// with other content is not listed). Compares `tickets/` and the shards whose trees differ.
pub(super) fn tickets_added(
    repo: &Repository,
    old: Option<Oid>,
    new: Oid,
) -> Result<Vec<crate::model::TicketId>, StoreError> {
    let (_, old_tickets) = roots(repo, old)?;
    let (_, new_tickets) = roots(repo, Some(new))?;
    let mut out = Vec::new();
    if old_tickets == new_tickets {
        return Ok(out);
    }
    let a = level(repo, old_tickets, 0, layout::TICKETS_DIR)?;
    let b = level(repo, new_tickets, 0, layout::TICKETS_DIR)?;
    for (shard, oid) in &b {
        let before = a.get(shard).copied();
        if before == Some(*oid) {
            continue;
        }
        let path = format!("{}/{shard}", layout::TICKETS_DIR);
        let had = level(repo, before, 1, &path)?;
        let has = level(repo, Some(*oid), 1, &path)?;
        out.extend(
            has.keys()
                .filter(|name| !had.contains_key(*name))
                .filter_map(|name| crate::model::TicketId::parse(name)),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventId, TicketId};

    fn blob(repo: &Repository, s: &str) -> Oid {
        repo.blob(s.as_bytes()).unwrap()
    }

    /// Builds a tree from `(path, content)` pairs.
    fn tree(repo: &Repository, files: &[(&str, &str)]) -> Oid {
        let mut b = git2::build::TreeUpdateBuilder::new();
        for (p, c) in files {
            b.upsert(*p, blob(repo, c), git2::FileMode::Blob);
        }
        let empty = repo
            .find_tree(repo.treebuilder(None).unwrap().write().unwrap())
            .unwrap();
        b.create_updated(repo, &empty).unwrap()
    }

    #[test]
    fn only_layout_files_are_compared() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init_bare(dir.path()).unwrap();
        let t = TicketId::from_random([0xab; 16]);
        let (e1, e2) = (EventId::from_random([1; 16]), EventId::from_random([2; 16]));
        let p1 = layout::event_path(&t, &e1);
        let p2 = layout::event_path(&t, &e2);
        let old = tree(
            &repo,
            &[
                ("tracker.toml", "a"),
                (&p1, "one"),
                (&p2, "two"),
                ("garbage/deep/file", "x"),
                ("tickets/ab/notanid/x.toml", "x"),
            ],
        );
        let new = tree(
            &repo,
            &[
                ("tracker.toml", "b"),
                (&p1, "one, changed"),
                ("garbage/deep/file", "y"),
                ("tickets/ab/notanid/x.toml", "y"),
            ],
        );
        let got: Vec<(String, bool, bool)> = changes(&repo, Some(old), Some(new))
            .unwrap()
            .into_iter()
            .map(|c| (c.path, c.old.is_some(), c.new.is_some()))
            .collect();
        assert_eq!(
            got,
            [
                ("tracker.toml".to_owned(), true, true),
                (p1.clone(), true, true),
                (p2.clone(), true, false),
            ]
        );
        // From nothing: every file is added; to nothing: every file is deleted.
        assert_eq!(changes(&repo, None, Some(old)).unwrap().len(), 3);
        assert!(changes(&repo, Some(old), None)
            .unwrap()
            .iter()
            .all(|c| c.new.is_none()));
        // `tickets` turned into a blob: every event is gone.
        let flattened = tree(&repo, &[("tracker.toml", "a"), ("tickets", "blob")]);
        let gone = changes(&repo, Some(old), Some(flattened)).unwrap();
        assert_eq!(gone.len(), 2);
        assert!(gone.iter().all(|c| c.new.is_none()));
    }
}
