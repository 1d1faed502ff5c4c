//! Keeping the object store compact (what `git gc --auto` does for git's own commands), without
//! ever deleting an object that anything may still name. The protocol, and why it is safe
//! against concurrent writers, readers and killed processes, is in `docs/storage.md`.
//!
//! libgit2 writes every object loose and never packs. Each tracker commit leaves about five
//! loose objects, so after every [`BATCH`] commits what the loose commits reachable from the
//! branch's tip brought goes into one small pack under `.git/objects/pack/`, and the loose
//! copies of exactly the objects that pack holds are deleted (the user's own loose objects are
//! never touched). When [`MAX_PACKS`] small packs would be listed, the upkeep merges instead:
//! the same objects plus every object of every listed small pack. A small pack is deleted only
//! after each id its index lists has been found in the new pack, so whatever a ref or a reflog
//! named stays readable. Packing and merging cost in proportion to what was written since the
//! last pack, never to the whole tree or history.
//!
//! Everything runs under `.git/tracker/gc.lock` (holding the holder's pid), at the tip read under
//! the lock. A process that finds the lock held skips packing. A lock, scratch directory or
//! temporary file whose process is gone is cleaned by the next packer. The common command pays
//! one `stat` and one one-byte append: the counter is the size of `.git/tracker/unpacked`.
//! Every failure here is ignored by the caller: packing is an optimisation, never a reason for
//! a command to fail.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use git2::{ErrorCode, Odb, Oid, Repository};

use super::error::git;
use super::StoreError;

/// Commits between two automatic packs (smaller in unit tests, to exercise every path).
pub const BATCH: u64 = if cfg!(test) { 32 } else { 256 };
/// Small packs that trigger a merge into one.
pub const MAX_PACKS: usize = if cfg!(test) { 3 } else { 16 };
/// How old a lock or a temporary file must be to be stale even if its pid cannot be checked
/// (or was reused).
const STALE_AFTER: Duration = Duration::from_secs(600);

const COUNTER: &str = "unpacked";
/// Files of earlier versions, which marked the tips packed and merged; deleted when seen.
const OLD_TIPS: [&str; 2] = ["packed-tip", "merged-tip"];
const PACK_LIST: &str = "packs";
const LOCK: &str = "gc.lock";
/// Taken (briefly) to break a stale [`LOCK`], so that two processes never both break it.
const LOCK_BREAK: &str = "gc.lock.break";
const SCRATCH_PREFIX: &str = "gc-";
const TMP_SUFFIX: &str = ".tmp";

/// [`BATCH`], or `GIT_TRACKER_GC_BATCH` in a debug build.
fn batch() -> u64 {
    crate::pause::debug_override("GIT_TRACKER_GC_BATCH").unwrap_or(BATCH)
}

/// [`MAX_PACKS`], or `GIT_TRACKER_GC_MAX_PACKS` in a debug build.
fn max_packs() -> usize {
    crate::pause::debug_override("GIT_TRACKER_GC_MAX_PACKS")
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(MAX_PACKS)
}

/// Counts the commit just made and packs `branch` when a batch is complete.
pub fn after_commit(repo: &Repository, state: &Path, branch: &str) {
    let Some(count) = count_commit(state) else {
        return;
    };
    if count >= batch() {
        crate::pause::point("before-pack");
        let _ = pack(repo, state, branch);
    }
}

/// Counts a commit without packing (a chain of commits counts each, then packs once at its
/// end through [`after_commit`]); returns the count, or `None` when it cannot be kept.
pub fn count_commit(state: &Path) -> Option<u64> {
    fs::create_dir_all(state).ok()?;
    let counter = state.join(COUNTER);
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(&counter)
        .and_then(|mut f| f.write_all(b"."))
        .ok()?;
    Some(fs::metadata(&counter).map(|m| m.len()).unwrap_or(0))
}

/// Packs the objects of `branch` written since the last pack (merging the small packs when
/// enough have piled up), at the branch's tip as read under the lock. Returns how many loose
/// objects were removed; 0 when another process holds the lock.
pub fn pack(repo: &Repository, state: &Path, branch: &str) -> Result<usize, StoreError> {
    fs::create_dir_all(state).map_err(|source| io(state, source))?;
    let Some(_lock) = Lock::take(state) else {
        return Ok(0);
    };
    clean_stale(state);
    // Other processes may have packed since this one looked: make libgit2 look again.
    repo.odb()
        .and_then(|o| o.refresh())
        .map_err(git("refreshing the object database"))?;
    let tip = match repo.refname_to_id(branch) {
        Ok(oid) => oid,
        Err(e) if e.code() == ErrorCode::NotFound => return Ok(0),
        Err(e) => return Err(git(format!("reading {branch}"))(e)),
    };
    let listed = read_list(state);
    let merge = listed.len() + 1 >= max_packs();
    let objects = repo.commondir().join("objects");

    // Build the pack in a private objects directory first, so that membership can be checked
    // through an object database that sees only the new pack.
    let scratch = state.join(format!("{SCRATCH_PREFIX}{}", std::process::id()));
    let _ = fs::remove_dir_all(&scratch);
    let scratch_pack = scratch.join("pack");
    fs::create_dir_all(&scratch_pack).map_err(|source| io(&scratch_pack, source))?;
    let merging: &[String] = if merge { &listed } else { &[] };
    let result = write_pack(repo, &objects, &scratch, tip, merging);
    let _ = fs::remove_dir_all(&scratch);
    let done = result?;

    let mut list: Vec<String> = if merge {
        // A small pack that is not proven merged stays listed, to be merged again.
        listed
            .into_iter()
            .filter(|p| !done.merged.contains(p))
            .collect()
    } else {
        listed
    };
    // The merged pack is not listed: it is never merged again.
    if let (false, Some(n)) = (merge, done.name) {
        list.push(n);
    }
    let text: String = list.iter().map(|n| format!("{n}\n")).collect();
    write_atomic(state, PACK_LIST, &text);
    let _ = fs::write(state.join(COUNTER), b"");
    Ok(done.removed)
}

/// What one pack run did.
struct Packed {
    /// Loose objects removed.
    removed: usize,
    /// The new pack's name, if one was written.
    name: Option<String>,
    /// The listed small packs now gone (deleted after their objects were found in the new
    /// pack, or found gone).
    merged: Vec<String>,
}

/// Writes the pack of what the loose commits reachable from `tip` brought, plus every object
/// of the small packs `merging`, into `scratch`; publishes it; then deletes the loose objects
/// and the small packs it is proven to hold.
fn write_pack(
    repo: &Repository,
    objects: &Path,
    scratch: &Path,
    tip: Oid,
    merging: &[String],
) -> Result<Packed, StoreError> {
    let pack_dir = objects.join("pack");
    let mut pb = repo.packbuilder().map_err(git("packing"))?;
    // The walk goes back from the tip through the commits still loose and stops at the first
    // packed ones (packed by an earlier run, by a clone or a fetch, or by `git gc`): what is
    // reachable from a packed commit is packed with it. Each loose commit brings the objects
    // its tree does not share with its first parent's, found by descending only into the
    // entries that differ. The cost is the commits and paths written since the last pack,
    // never the whole tree or history (libgit2's `insert_walk` read every tree of the hidden
    // tip, and a first pack in a fresh clone packed the whole history again: minutes and
    // gigabytes at 100 000 tickets). An object that an older tree also names may go in
    // again: a duplicate, never a loss.
    let mut todo = vec![tip];
    let mut seen = std::collections::HashSet::new();
    // The loose commits in the order they were reached: each after the one that led to it.
    let mut walked = Vec::new();
    while let Some(commit) = todo.pop() {
        if !seen.insert(commit) || !is_loose(objects, commit) {
            continue;
        }
        let c = repo
            .find_commit(commit)
            .map_err(git("walking the tracker branch"))?;
        todo.extend(c.parent_ids());
        insert_commit(repo, &mut pb, &c).map_err(git("packing"))?;
        walked.push(commit);
    }
    // Every object of every small pack goes in too, whatever names it: a tip written by
    // another process, a reflog entry, a commit that `sync` replaced. Packs whose index is
    // gone were deleted after an earlier merge proved them (or by git itself).
    let mut merged = Vec::new();
    let mut candidates = Vec::new();
    for name in merging {
        let idx = pack_dir.join(format!("pack-{name}.idx"));
        if !idx.exists() {
            remove_pack(&pack_dir, name);
            merged.push(name.clone());
            continue;
        }
        let Some(ids) = pack_ids(&idx) else {
            continue; // unreadable: kept, and listed again
        };
        if ids.iter().all(|id| pb.insert_object(*id, None).is_ok()) {
            candidates.push(name.as_str());
        }
    }
    if pb.object_count() == 0 {
        return Ok(Packed {
            removed: 0,
            name: None,
            merged,
        });
    }
    let scratch_pack = scratch.join("pack");
    pb.write(&scratch_pack, 0).map_err(git("writing a pack"))?;
    let name = pb.name().ok().flatten().map(str::to_owned);
    // An object database that sees only the new pack.
    let odb = Odb::new().map_err(git("opening the new pack"))?;
    odb.add_disk_alternate(&scratch.to_string_lossy())
        .map_err(git("opening the new pack"))?;
    let mut loose = packed_loose(objects, &odb);
    deletion_order(&mut loose, &walked);
    // Publish the pack: the .pack before the .idx, so no reader sees an index without its
    // pack. Hard links keep the scratch names pointing at the same files, so the odb above
    // goes on seeing exactly the published pack.
    let mut files: Vec<PathBuf> = fs::read_dir(&scratch_pack)
        .map_err(|source| io(&scratch_pack, source))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pack" || x == "idx"))
        .collect();
    files.sort_by_key(|p| p.extension().is_some_and(|x| x == "idx"));
    let mut linked = true;
    for f in &files {
        let to = pack_dir.join(f.file_name().unwrap_or_default());
        match fs::hard_link(f, &to) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(_) => {
                // No hard links here: move it, and delete no small pack this time.
                fs::rename(f, &to).map_err(|source| io(&to, source))?;
                linked = false;
            }
        }
    }
    // Only now that the pack is in place may the loose copies go.
    let removed = loose
        .iter()
        .filter(|(_, p)| fs::remove_file(p).is_ok())
        .count();
    // Each small pack goes only if every id its index lists (read again now, under the lock)
    // is in the new pack, and the new pack is in place.
    let published = files
        .iter()
        .all(|f| pack_dir.join(f.file_name().unwrap_or_default()).is_file());
    if linked && published && name.is_some() {
        for small in candidates {
            if name.as_deref() == Some(small) {
                // The new pack came out identical to this one (same name): it is the merged
                // pack now, unlisted, and its files must stay.
                merged.push(small.to_owned());
                continue;
            }
            let idx = pack_dir.join(format!("pack-{small}.idx"));
            let proven = pack_ids(&idx).is_some_and(|ids| ids.iter().all(|id| odb.exists(*id)));
            if proven {
                remove_pack(&pack_dir, small);
                merged.push(small.to_owned());
            }
        }
    }
    Ok(Packed {
        removed,
        name,
        merged,
    })
}

/// Orders the loose files so that a kill part way through the deletion cannot stop the next
/// walk early: the commits go last, the latest reached first. The commits still loose are then
/// always the first ones `walked` reached, each reached from the tip through loose commits, so
/// the next pack walks (and deletes) them again.
fn deletion_order(loose: &mut [(Oid, PathBuf)], walked: &[Oid]) {
    let rank: std::collections::HashMap<Oid, usize> =
        walked.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    loose.sort_by_key(|(oid, _)| rank.get(oid).map_or(0, |r| walked.len() - r));
}

/// Whether `oid` is stored loose under `objects`.
fn is_loose(objects: &Path, oid: Oid) -> bool {
    let hex = oid.to_string();
    objects.join(&hex[..2]).join(&hex[2..]).is_file()
}

/// Adds commit `c` to `pb` with the objects of its tree that are not in its first parent's.
fn insert_commit(
    repo: &Repository,
    pb: &mut git2::PackBuilder<'_>,
    c: &git2::Commit<'_>,
) -> Result<(), git2::Error> {
    pb.insert_object(c.id(), None)?;
    let parent = match c.parent_ids().next() {
        Some(p) => Some(repo.find_commit(p)?.tree()?),
        None => None,
    };
    insert_new(repo, pb, &c.tree()?, parent.as_ref())
}

/// Adds `tree` and, recursively, every entry of it that `old` (the tree at the same path in
/// the parent commit, if any) does not hold with the same id.
fn insert_new(
    repo: &Repository,
    pb: &mut git2::PackBuilder<'_>,
    tree: &git2::Tree<'_>,
    old: Option<&git2::Tree<'_>>,
) -> Result<(), git2::Error> {
    if old.is_some_and(|o| o.id() == tree.id()) {
        return Ok(());
    }
    pb.insert_object(tree.id(), None)?;
    for entry in tree.iter() {
        let before = old.and_then(|o| o.get_name_bytes(entry.name_bytes()));
        if before.as_ref().is_some_and(|b| b.id() == entry.id()) {
            continue;
        }
        match entry.kind() {
            Some(git2::ObjectType::Tree) => {
                let sub = repo.find_tree(entry.id())?;
                let old_sub = match before {
                    Some(b) if b.kind() == Some(git2::ObjectType::Tree) => {
                        Some(repo.find_tree(b.id())?)
                    }
                    _ => None,
                };
                insert_new(repo, pb, &sub, old_sub.as_ref())?;
            }
            Some(git2::ObjectType::Blob) => pb.insert_object(entry.id(), None)?,
            // A submodule's commit lives in another repository.
            _ => {}
        }
    }
    Ok(())
}

/// Deletes a pack's files: the index first, so that no reader finds an index without its
/// pack.
fn remove_pack(pack_dir: &Path, name: &str) {
    for ext in ["idx", "pack", "rev"] {
        let _ = fs::remove_file(pack_dir.join(format!("pack-{name}.{ext}")));
    }
}

/// The small packs listed in `.git/tracker/packs` (names of 40 hex digits; anything else is
/// ignored).
fn read_list(state: &Path) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let text = fs::read(state.join(PACK_LIST)).unwrap_or_default();
    for line in String::from_utf8_lossy(&text).lines() {
        let n = line.trim();
        if n.len() == 40
            && n.bytes().all(|b| b.is_ascii_hexdigit())
            && !names.iter().any(|x| x == n)
        {
            names.push(n.to_owned());
        }
    }
    names
}

/// The object ids a version 2 pack index lists; `None` when the file is not one. The read is
/// bounded by the file's size.
pub(super) fn pack_ids(idx: &Path) -> Option<Vec<Oid>> {
    const HEADER: usize = 8 + 256 * 4;
    let mut f = File::open(idx).ok()?;
    let len = f.metadata().ok()?.len();
    let mut header = [0u8; HEADER];
    f.read_exact(&mut header).ok()?;
    if header[..8] != [0xff, b't', b'O', b'c', 0, 0, 0, 2] {
        return None;
    }
    let mut previous = 0;
    for entry in header[8..].chunks_exact(4) {
        let n = u32::from_be_bytes(entry.try_into().ok()?);
        if n < previous {
            return None;
        }
        previous = n;
    }
    let count = u64::from(previous);
    // Per object: the id, a CRC and an offset; then the two 20-byte checksums.
    if len < HEADER as u64 + count * 28 + 40 {
        return None;
    }
    let mut raw = vec![0u8; usize::try_from(count * 20).ok()?];
    f.read_exact(&mut raw).ok()?;
    let ids: Vec<Oid> = raw
        .chunks_exact(20)
        .map(Oid::from_bytes)
        .collect::<Result<_, _>>()
        .ok()?;
    ids.windows(2).all(|w| w[0] < w[1]).then_some(ids)
}

/// The files of the loose objects that `odb` (the new pack alone) holds.
fn packed_loose(objects: &Path, odb: &Odb<'_>) -> Vec<(Oid, PathBuf)> {
    let mut found = Vec::new();
    let Ok(dirs) = fs::read_dir(objects) else {
        return found;
    };
    for dir in dirs.filter_map(Result::ok) {
        let dname = dir.file_name().to_string_lossy().into_owned();
        if dname.len() != 2 || !dname.bytes().all(|b| b.is_ascii_hexdigit()) {
            continue;
        }
        let Ok(files) = fs::read_dir(dir.path()) else {
            continue;
        };
        for f in files.filter_map(Result::ok) {
            let fname = f.file_name().to_string_lossy().into_owned();
            let Ok(oid) = Oid::from_str(&format!("{dname}{fname}")) else {
                continue;
            };
            if fname.len() == 38 && odb.exists(oid) {
                found.push((oid, f.path()));
            }
        }
    }
    found
}

/// The packing lock: `.git/tracker/gc.lock`, created exclusively, holding the holder's pid.
struct Lock {
    path: PathBuf,
    token: String,
}

impl Lock {
    /// Takes the lock, breaking it first if its holder is gone; `None` when it is held.
    fn take(state: &Path) -> Option<Self> {
        let path = state.join(LOCK);
        let token = format!("{}\n", std::process::id());
        if create_exclusive(&path, &token) {
            return Some(Self { path, token });
        }
        if !is_stale(&path) {
            return None;
        }
        // One breaker at a time, and the breaker checks again: a lock taken meanwhile by a
        // live process is never removed.
        let breaker = state.join(LOCK_BREAK);
        if !create_exclusive(&breaker, &token) {
            if is_stale(&breaker) {
                let _ = fs::remove_file(&breaker); // a breaker killed in the act
            }
            return None;
        }
        if is_stale(&path) {
            let _ = fs::remove_file(&path);
        }
        let taken = create_exclusive(&path, &token);
        let _ = fs::remove_file(&breaker);
        taken.then_some(Self { path, token })
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Only our own: a lock broken as too old (this process was slow) belongs to another.
        if fs::read_to_string(&self.path).is_ok_and(|t| t == self.token) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Creates `path` with `content` unless it exists.
fn create_exclusive(path: &Path, content: &str) -> bool {
    let Ok(mut f) = OpenOptions::new().write(true).create_new(true).open(path) else {
        return false;
    };
    let _ = f.write_all(content.as_bytes());
    true
}

/// Whether a lock file's holder is gone: its pid is dead, or the file is older than
/// [`STALE_AFTER`]. An empty or unreadable pid (a holder between creating and writing the
/// file) is judged by age alone.
fn is_stale(path: &Path) -> bool {
    let mut text = String::new();
    let Ok(f) = File::open(path) else {
        return false; // gone already: nothing to break
    };
    let _ = f.take(32).read_to_string(&mut text);
    let dead = text.trim().parse::<u32>().ok().and_then(pid_alive) == Some(false);
    dead || older_than_stale(path)
}

fn older_than_stale(path: &Path) -> bool {
    fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|m| SystemTime::now().duration_since(m).ok())
        .is_some_and(|age| age > STALE_AFTER)
}

/// Whether process `pid` exists (`/proc/<pid>`); `None` where there is no `/proc` to ask.
fn pid_alive(pid: u32) -> Option<bool> {
    if pid == std::process::id() {
        return Some(true);
    }
    Path::new("/proc/self")
        .exists()
        .then(|| Path::new(&format!("/proc/{pid}")).exists())
}

/// Removes, under the lock, what killed processes left in `.git/tracker/`: scratch directories
/// `gc-<pid>` and temporary files `*.<pid>.tmp` whose process is gone (or, where pids cannot be
/// checked, that are older than [`STALE_AFTER`]).
fn clean_stale(state: &Path) {
    for old in OLD_TIPS {
        let _ = fs::remove_file(state.join(old));
    }
    // The events cache (store::events) writes its temporary files in a directory of its own.
    let entries = [state.to_path_buf(), state.join("events")]
        .into_iter()
        .filter_map(|dir| fs::read_dir(dir).ok())
        .flatten();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = if let Some(p) = name.strip_prefix(SCRATCH_PREFIX) {
            p
        } else if let Some(stem) = name.strip_suffix(TMP_SUFFIX) {
            stem.rsplit('.').next().unwrap_or_default()
        } else {
            continue;
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        let path = entry.path();
        let gone = match pid_alive(pid) {
            Some(alive) => !alive,
            None => older_than_stale(&path),
        };
        if !gone {
            continue;
        }
        let _ = if entry.file_type().is_ok_and(|t| t.is_dir()) {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        };
    }
}

/// Replaces `state/name` with `content` atomically (a `*.<pid>.tmp` file, then a rename), so a
/// killed process leaves the old content or the new, never half of it. Failures are ignored.
fn write_atomic(state: &Path, name: &str, content: &str) {
    let tmp = state.join(format!("{name}.{}{TMP_SUFFIX}", std::process::id()));
    if fs::write(&tmp, content).is_err() || fs::rename(&tmp, state.join(name)).is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

fn io(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.display().to_string(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use git2::{FileMode, Signature, Time};

    use super::*;

    const BRANCH: &str = "refs/heads/tracker";

    struct Repo {
        _dir: tempfile::TempDir,
        repo: Repository,
        state: PathBuf,
    }

    impl Repo {
        fn new() -> Self {
            let dir = tempfile::tempdir().unwrap();
            let repo = Repository::init_bare(dir.path()).unwrap();
            let state = dir.path().join("tracker");
            Self {
                _dir: dir,
                repo,
                state,
            }
        }

        fn pack_dir(&self) -> PathBuf {
            self.repo.path().join("objects/pack")
        }

        /// Commits one new file on top of the branch (or of nothing, making a new root) and
        /// moves the branch there, as another process would.
        fn commit(&self, i: u32, root: bool) -> Oid {
            let parent = if root {
                None
            } else {
                self.repo
                    .refname_to_id(BRANCH)
                    .ok()
                    .map(|p| self.repo.find_commit(p).unwrap())
            };
            let empty = self.repo.treebuilder(None).unwrap().write().unwrap();
            let base = match &parent {
                Some(p) => p.tree().unwrap(),
                None => self.repo.find_tree(empty).unwrap(),
            };
            let blob = self.repo.blob(format!("{i}\n").as_bytes()).unwrap();
            let mut b = git2::build::TreeUpdateBuilder::new();
            b.upsert(format!("d{}/f{i}", i % 7), blob, FileMode::Blob);
            let tree = self
                .repo
                .find_tree(b.create_updated(&self.repo, &base).unwrap())
                .unwrap();
            let sig = Signature::new("A", "a@example.com", &Time::new(1_767_225_600, 0)).unwrap();
            let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
            let oid = self
                .repo
                .commit(None, &sig, &sig, "c", &tree, &parents)
                .unwrap();
            self.repo.reference(BRANCH, oid, true, "test").unwrap();
            oid
        }

        /// Every object reachable from `tip`.
        fn reachable(&self, tip: Oid) -> BTreeSet<Oid> {
            let mut all = BTreeSet::new();
            let mut walk = self.repo.revwalk().unwrap();
            walk.push(tip).unwrap();
            for c in walk {
                let c = self.repo.find_commit(c.unwrap()).unwrap();
                all.insert(c.id());
                all.insert(c.tree_id());
                c.tree()
                    .unwrap()
                    .walk(git2::TreeWalkMode::PreOrder, |_, e| {
                        all.insert(e.id());
                        git2::TreeWalkResult::Ok
                    })
                    .unwrap();
            }
            all
        }

        fn idx_files(&self) -> BTreeSet<String> {
            fs::read_dir(self.pack_dir())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".idx"))
                .collect()
        }
    }

    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    /// The index reader lists exactly the objects libgit2 packed, and refuses files that are
    /// not a whole version 2 index.
    #[test]
    fn pack_ids_reads_what_libgit2_wrote_and_refuses_anything_else() {
        let r = Repo::new();
        for i in 0..5 {
            r.commit(i, false);
        }
        let tip = r.repo.refname_to_id(BRANCH).unwrap();
        assert!(pack(&r.repo, &r.state, BRANCH).unwrap() > 0);
        let idx = r.idx_files().into_iter().next().unwrap();
        let idx = r.pack_dir().join(idx);
        let ids: BTreeSet<Oid> = pack_ids(&idx).unwrap().into_iter().collect();
        assert_eq!(ids, r.reachable(tip));

        let bytes = fs::read(&idx).unwrap();
        let bad = r.state.join("bad.idx");
        fs::write(&bad, &bytes[..bytes.len() - 41]).unwrap();
        assert!(pack_ids(&bad).is_none(), "a truncated index was read");
        let mut v3 = bytes.clone();
        v3[7] = 3;
        fs::write(&bad, &v3).unwrap();
        assert!(pack_ids(&bad).is_none(), "another version was read");
        let mut huge = bytes.clone();
        huge[8 + 255 * 4..8 + 256 * 4].copy_from_slice(&u32::MAX.to_be_bytes());
        fs::write(&bad, &huge).unwrap();
        assert!(
            pack_ids(&bad).is_none(),
            "a count beyond the file was believed"
        );
        fs::write(&bad, &bytes).unwrap();
        assert!(pack_ids(&bad).is_some());
    }

    /// A merge takes every object of the small packs, also those no longer reachable from the
    /// tip (here a history replaced by a new root, as `sync` replaces local commits); a small
    /// pack it cannot read stays, listed; a listed pack already gone is dropped.
    #[test]
    fn a_merge_keeps_unreachable_objects_and_every_pack_it_cannot_prove() {
        let r = Repo::new();
        for i in 0..3 {
            r.commit(i, false);
        }
        let replaced = r.commit(3, false);
        pack(&r.repo, &r.state, BRANCH).unwrap();
        let orphaned = r.reachable(replaced);
        // The branch starts again from a new root: the old commits are named by nothing here
        // (in a real clone, by the reflog).
        r.commit(10, true);
        r.commit(11, false);
        pack(&r.repo, &r.state, BRANCH).unwrap();
        let small = read_list(&r.state);
        assert_eq!(small.len(), 2);
        // A listed pack whose index is garbage, and one that is gone.
        let garbage = "ab".repeat(20);
        let gone = "cd".repeat(20);
        fs::write(r.pack_dir().join(format!("pack-{garbage}.idx")), "junk").unwrap();
        fs::write(r.pack_dir().join(format!("pack-{garbage}.pack")), "junk").unwrap();
        let list = format!("{}\n{garbage}\n{gone}\n", small.join("\n"));
        fs::write(r.state.join(PACK_LIST), list).unwrap();

        let tip = r.commit(12, false);
        pack(&r.repo, &r.state, BRANCH).unwrap();

        let left = r.idx_files();
        for s in &small {
            assert!(
                !left.contains(&format!("pack-{s}.idx")),
                "{s} was not merged"
            );
        }
        assert!(
            left.contains(&format!("pack-{garbage}.idx")),
            "an unproven pack was deleted"
        );
        assert_eq!(left.len(), 2, "{left:?}");
        assert_eq!(read_list(&r.state), [garbage]);
        // Everything is still readable, from a fresh handle.
        let fresh = Repository::open_bare(r.repo.path()).unwrap();
        let odb = fresh.odb().unwrap();
        for oid in orphaned.iter().chain(&r.reachable(tip)) {
            assert!(odb.exists(*oid), "{oid} was lost");
        }
    }

    /// In a clone (everything packed, no pack made here yet) the first pack holds exactly what
    /// the commits made since brought, a merge of two of them included: never the history
    /// again, which at 100 000 tickets took minutes and gigabytes inside one command.
    #[test]
    fn a_pack_holds_what_the_loose_commits_brought_and_nothing_older() {
        let r = Repo::new();
        for i in 0..6 {
            r.commit(i, false);
        }
        // As a clone or `git gc` leaves it: one pack of everything, no loose object.
        let cloned = r.repo.refname_to_id(BRANCH).unwrap();
        let mut pb = r.repo.packbuilder().unwrap();
        let mut walk = r.repo.revwalk().unwrap();
        walk.push(cloned).unwrap();
        pb.insert_walk(&mut walk).unwrap();
        fs::create_dir_all(r.pack_dir()).unwrap();
        pb.write(&r.pack_dir(), 0).unwrap();
        let before = r.reachable(cloned);
        for oid in &before {
            let hex = oid.to_string();
            fs::remove_file(
                r.repo
                    .path()
                    .join("objects")
                    .join(&hex[..2])
                    .join(&hex[2..]),
            )
            .unwrap();
        }
        let old_idx = r.idx_files();

        // Two lines of work from the cloned tip, then their merge.
        let side = r.commit(6, false);
        r.repo.reference(BRANCH, cloned, true, "test").unwrap();
        r.commit(7, false);
        let main = r.commit(13, false);
        let (side, main) = (
            r.repo.find_commit(side).unwrap(),
            r.repo.find_commit(main).unwrap(),
        );
        let mut idx = r.repo.merge_commits(&main, &side, None).unwrap();
        let tree = r
            .repo
            .find_tree(idx.write_tree_to(&r.repo).unwrap())
            .unwrap();
        let sig = Signature::new("A", "a@example.com", &Time::new(1_767_225_600, 0)).unwrap();
        let tip = r
            .repo
            .commit(Some(BRANCH), &sig, &sig, "merge", &tree, &[&main, &side])
            .unwrap();

        pack(&r.repo, &r.state, BRANCH).unwrap();
        let new: Vec<String> = r.idx_files().difference(&old_idx).cloned().collect();
        assert_eq!(new.len(), 1, "{new:?}");
        let packed: BTreeSet<Oid> = pack_ids(&r.pack_dir().join(&new[0]))
            .unwrap()
            .into_iter()
            .collect();
        let brought: BTreeSet<Oid> = r.reachable(tip).difference(&before).copied().collect();
        assert_eq!(packed, brought);
        let loose: Vec<_> = fs::read_dir(r.repo.path().join("objects"))
            .unwrap()
            .filter_map(Result::ok)
            .filter(|d| d.file_name().len() == 2)
            .flat_map(|d| fs::read_dir(d.path()).unwrap())
            .map(|f| f.unwrap().path())
            // The empty tree the helper writes is named by no commit.
            .filter(|p| !p.ends_with("4b/825dc642cb6eb9a060e54bf8d69288fbee4904"))
            .collect();
        assert!(loose.is_empty(), "left loose: {loose:?}");
    }

    /// Whatever prefix of the deletion a kill lets happen, the commits left loose are the first
    /// ones the walk reached (so still reachable from the tip through loose commits), and no
    /// other loose object is left beside a deleted commit.
    #[test]
    fn a_killed_deletion_leaves_commits_the_next_walk_reaches() {
        let id = |i: u8| Oid::from_bytes(&[i; 20]).unwrap();
        let walked = [id(9), id(3), id(7), id(1)];
        let mut loose: Vec<(Oid, PathBuf)> = [1, 2, 3, 4, 5, 7, 9]
            .into_iter()
            .map(|i| (id(i), PathBuf::from(format!("{i}"))))
            .collect();
        deletion_order(&mut loose, &walked);
        for k in 0..=loose.len() {
            let left: Vec<Oid> = loose[k..].iter().map(|(o, _)| *o).collect();
            let commits_left: Vec<Oid> = walked
                .iter()
                .copied()
                .filter(|c| left.contains(c))
                .collect();
            assert_eq!(
                commits_left,
                walked[..commits_left.len()],
                "after {k} deletions"
            );
            if commits_left.len() < walked.len() {
                assert_eq!(
                    left.len(),
                    commits_left.len(),
                    "a tree or blob outlived a commit"
                );
            }
        }
    }

    /// A merge whose pack comes out identical to a listed small pack (same name) keeps its
    /// files: they are the merged pack's.
    #[test]
    fn a_merge_identical_to_a_small_pack_keeps_it() {
        let r = Repo::new();
        for i in 0..4 {
            r.commit(i, false);
        }
        let tip = r.repo.refname_to_id(BRANCH).unwrap();
        pack(&r.repo, &r.state, BRANCH).unwrap();
        // One more listed pack (already gone) makes the next pack a merge. With no loose
        // commit left, a merge packs the listed packs' objects in the order of their ids: a
        // pack made that way, listed again, comes out the same.
        let merge_listed = |small: &str| {
            fs::write(
                r.state.join(PACK_LIST),
                format!("{small}\n{}\n", "cd".repeat(20)),
            )
            .unwrap();
            pack(&r.repo, &r.state, BRANCH).unwrap();
            let left = r.idx_files();
            assert_eq!(left.len(), 1, "{left:?}");
            left.into_iter().next().unwrap()
        };
        let small = read_list(&r.state);
        assert_eq!(small.len(), 1);
        let merged = merge_listed(&small[0]);
        let name = merged.trim_start_matches("pack-").trim_end_matches(".idx");
        assert_eq!(merge_listed(name), merged);
        assert_eq!(read_list(&r.state), Vec::<String>::new());
        let fresh = Repository::open_bare(r.repo.path()).unwrap();
        let odb = fresh.odb().unwrap();
        for oid in r.reachable(tip) {
            assert!(odb.exists(oid), "{oid} was lost");
        }
    }

    /// The lock holds the holder's pid; a live holder is respected, a dead one's lock is
    /// broken, and a breaker killed in the act delays the next packer by one try only.
    #[test]
    fn the_lock_is_broken_only_when_its_holder_is_gone() {
        let r = Repo::new();
        fs::create_dir_all(&r.state).unwrap();
        let lock = r.state.join(LOCK);
        let held = Lock::take(&r.state).unwrap();
        assert_eq!(
            fs::read_to_string(&lock).unwrap(),
            format!("{}\n", std::process::id())
        );
        assert!(Lock::take(&r.state).is_none(), "a live lock was taken");
        drop(held);
        assert!(!lock.exists());

        let dead = format!("{}\n", dead_pid());
        fs::write(&lock, &dead).unwrap();
        fs::write(r.state.join(LOCK_BREAK), &dead).unwrap();
        assert!(
            Lock::take(&r.state).is_none(),
            "taken while a breaker was there"
        );
        assert!(
            !r.state.join(LOCK_BREAK).exists(),
            "the dead breaker stayed"
        );
        let taken = Lock::take(&r.state);
        assert!(taken.is_some(), "a dead holder's lock was not broken");
        assert!(!r.state.join(LOCK_BREAK).exists());

        // A lock taken over by another process is not removed by the slow former holder.
        fs::write(&lock, "1\n").unwrap();
        drop(taken);
        assert_eq!(fs::read_to_string(&lock).unwrap(), "1\n");
    }

    #[test]
    fn cleaning_removes_only_what_dead_processes_left() {
        let r = Repo::new();
        fs::create_dir_all(&r.state).unwrap();
        let (dead, live) = (dead_pid(), std::process::id());
        let files = [
            (format!("index.sqlite.{dead}.tmp"), false),
            (format!("packs.{dead}.tmp"), false),
            (format!("index.sqlite.{live}.tmp"), true),
            ("index.sqlite".to_owned(), true),
            ("notes.tmp".to_owned(), true),
        ];
        for (f, _) in &files {
            fs::write(r.state.join(f), "x").unwrap();
        }
        fs::create_dir_all(r.state.join(format!("gc-{dead}/pack"))).unwrap();
        fs::create_dir_all(r.state.join("events")).unwrap();
        let cache_tmp = r.state.join(format!("events/abc.{dead}.tmp"));
        fs::write(&cache_tmp, "x").unwrap();
        fs::create_dir_all(r.state.join(format!("gc-{live}/pack"))).unwrap();
        clean_stale(&r.state);
        for (f, kept) in &files {
            assert_eq!(r.state.join(f).exists(), *kept, "{f}");
        }
        assert!(!r.state.join(format!("gc-{dead}")).exists());
        assert!(r.state.join(format!("gc-{live}")).exists());
        assert!(!cache_tmp.exists(), "the events cache's temporary file");
    }
}
