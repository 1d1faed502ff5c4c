//! Keeping the object store compact (what `git gc --auto` does for git's own commands).
//!
//! libgit2 writes every object loose and never packs. Each tracker commit leaves about five
//! loose objects, so after every [`BATCH`] commits the objects reachable from the new tip but
//! not from the last packed tip go into one pack under `.git/objects/pack/`, and the loose
//! copies of exactly those objects are deleted (the user's own loose objects are never
//! touched). When [`MAX_PACKS`] of these small packs have piled up, the objects written since
//! the previous merge are packed again into one larger pack and the small packs are deleted,
//! so a merge costs in proportion to the recent history, never to the whole branch.
//!
//! The common command pays one `stat` and one one-byte append: the counter is the size of
//! `.git/tracker/unpacked`. Packing runs under `.git/tracker/gc.lock`; a process that finds the
//! lock taken skips it. Every failure here is ignored: packing is an optimisation, never a
//! reason for a command to fail.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use git2::{Odb, Oid, Repository};

use super::error::git;
use super::StoreError;

/// Commits between two automatic packs (smaller in unit tests, to exercise every path).
pub const BATCH: u64 = if cfg!(test) { 32 } else { 256 };
/// Small packs that trigger a merge into one.
pub const MAX_PACKS: usize = if cfg!(test) { 3 } else { 16 };

const COUNTER: &str = "unpacked";
const PACKED_TIP: &str = "packed-tip";
const MERGED_TIP: &str = "merged-tip";
const PACK_LIST: &str = "packs";
const LOCK: &str = "gc.lock";

/// Counts the commit and packs when a batch is complete.
pub fn after_commit(repo: &Repository, state: &Path, tip: Oid) {
    if fs::create_dir_all(state).is_err() {
        return;
    }
    let counter = state.join(COUNTER);
    let appended = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&counter)
        .and_then(|mut f| f.write_all(b"."));
    if appended.is_err() {
        return;
    }
    let count = fs::metadata(&counter).map(|m| m.len()).unwrap_or(0);
    if count >= BATCH {
        let _ = pack(repo, state, tip);
    }
}

struct Lock(PathBuf);

impl Lock {
    fn take(state: &Path) -> Option<Self> {
        let path = state.join(LOCK);
        if let Ok(meta) = fs::metadata(&path) {
            let age = meta
                .modified()
                .ok()
                .and_then(|m| SystemTime::now().duration_since(m).ok());
            if age.is_some_and(|a| a > Duration::from_secs(600)) {
                let _ = fs::remove_file(&path); // left by a killed process
            }
        }
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .ok()?;
        Some(Self(path))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

/// Packs the tracker objects written since the last pack; returns how many loose objects
/// were removed.
pub fn pack(repo: &Repository, state: &Path, tip: Oid) -> Result<usize, StoreError> {
    fs::create_dir_all(state).map_err(|source| io(state, source))?;
    let Some(_lock) = Lock::take(state) else {
        return Ok(0);
    };
    let read_tip = |name: &str| {
        fs::read_to_string(state.join(name))
            .ok()
            .and_then(|s| Oid::from_str(s.trim()).ok())
            .filter(|oid| repo.find_commit(*oid).is_ok())
    };
    let packed_tip = read_tip(PACKED_TIP);
    let mut ours: Vec<String> = fs::read_to_string(state.join(PACK_LIST))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect();
    let objects = repo.path().join("objects");
    let merge = ours.len() + 1 >= MAX_PACKS;
    let hide = if merge {
        read_tip(MERGED_TIP)
    } else {
        packed_tip
    };

    // Build the pack in a private objects directory first, so that membership can be checked
    // through an object database that sees only the new pack.
    let scratch = state.join(format!("gc-{}", std::process::id()));
    let scratch_pack = scratch.join("pack");
    let _ = fs::remove_dir_all(&scratch);
    fs::create_dir_all(&scratch_pack).map_err(|source| io(&scratch_pack, source))?;
    let result = (|| {
        let mut walk = repo.revwalk().map_err(git("walking the tracker branch"))?;
        walk.push(tip).map_err(git("walking the tracker branch"))?;
        if let Some(h) = hide {
            walk.hide(h).map_err(git("walking the tracker branch"))?;
        }
        let mut pb = repo.packbuilder().map_err(git("packing"))?;
        pb.insert_walk(&mut walk).map_err(git("packing"))?;
        if pb.object_count() == 0 {
            return Ok((0, None));
        }
        pb.write(&scratch_pack, 0).map_err(git("writing a pack"))?;
        let name = pb.name().ok().flatten().map(str::to_owned);
        // Which loose objects the new pack holds, asked of an object database that sees
        // only the new pack — before it moves.
        let odb = Odb::new().map_err(git("opening the new pack"))?;
        odb.add_disk_alternate(&scratch.to_string_lossy())
            .map_err(git("opening the new pack"))?;
        let packed = packed_loose(&objects, &odb);
        drop(odb);
        // Move the pack in place: the .pack before the .idx, so no reader sees an index
        // without its pack.
        let mut files: Vec<PathBuf> = fs::read_dir(&scratch_pack)
            .map_err(|source| io(&scratch_pack, source))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort_by_key(|p| p.extension().is_some_and(|x| x == "idx"));
        for f in &files {
            let to = objects.join("pack").join(f.file_name().unwrap_or_default());
            fs::rename(f, &to).map_err(|source| io(&to, source))?;
        }
        // Only now that the pack is in place may the loose copies go.
        let removed = packed.iter().filter(|p| fs::remove_file(p).is_ok()).count();
        Ok((removed, name))
    })();
    let _ = fs::remove_dir_all(&scratch);
    let (removed, name) = result?;
    if merge {
        let _ = fs::write(state.join(MERGED_TIP), format!("{tip}\n"));
        for old in &ours {
            for ext in ["idx", "pack", "rev"] {
                let _ = fs::remove_file(objects.join("pack").join(format!("pack-{old}.{ext}")));
            }
        }
        ours.clear();
    }
    // The merged pack is not listed: it is never merged again.
    if let (false, Some(n)) = (merge, name) {
        ours.push(n);
    }
    let _ = fs::write(state.join(PACK_LIST), ours.join("\n") + "\n");
    let _ = fs::write(state.join(PACKED_TIP), format!("{tip}\n"));
    let _ = fs::write(state.join(COUNTER), b"");
    Ok(removed)
}

/// The files of the loose objects that `odb` (the new pack alone) holds.
fn packed_loose(objects: &Path, odb: &Odb<'_>) -> Vec<PathBuf> {
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
            if odb.exists(oid) {
                found.push(f.path());
            }
        }
    }
    found
}

fn io(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.display().to_string(),
        source,
    }
}
