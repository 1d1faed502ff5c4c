//! The commits of a revision range of the project's history (`scan`, R62): their ids and
//! messages. Only reads: the work tree, the index and `HEAD` are never changed.

use git2::{Oid, Sort};

use super::{Store, StoreError};
use crate::model::CommitId;

/// One commit of the project's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectCommit {
    /// Its full id.
    pub id: CommitId,
    /// Its id abbreviated as git shows it (`core.abbrev`, unique in the repository).
    pub short: String,
    /// The first line of its message (lossy UTF-8).
    pub subject: String,
    /// The whole message (lossy UTF-8).
    pub message: String,
}

impl Store {
    /// The commits of `range`, oldest first (parents before children): `A..B` (reachable from
    /// B but not from A; `A..` is `A..HEAD`), `A...B` (from either but not both), or `REV^!`
    /// (that one commit). A single revision is refused: its whole history is rarely meant.
    pub fn commits_in(&self, range: &str) -> Result<Vec<ProjectCommit>, StoreError> {
        let bad = |reason: String| StoreError::BadRange {
            range: range.to_owned(),
            reason,
        };
        let commit = |rev: &str| -> Result<Oid, StoreError> {
            let rev = if rev.is_empty() { "HEAD" } else { rev };
            self.repo
                .revparse_single(rev)
                .and_then(|o| o.peel_to_commit())
                .map(|c| c.id())
                .map_err(|_| bad(format!("{rev:?} does not name a commit of this repository")))
        };
        let mut walk = self.repo.revwalk().map_err(super::git("walking commits"))?;
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
            .map_err(super::git("walking commits"))?;
        let walked = if let Some(rev) = range.strip_suffix("^!") {
            let one = commit(rev)?;
            return self.describe(one).map(|c| vec![c]);
        } else if let Some((a, b)) = range.split_once("...") {
            let (a, b) = (commit(a)?, commit(b)?);
            walk.push(a).and_then(|()| walk.push(b)).and_then(|()| {
                match self.repo.merge_base(a, b) {
                    Ok(base) => walk.hide(base),
                    Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(()),
                    Err(e) => Err(e),
                }
            })
        } else if let Some((a, b)) = range.split_once("..") {
            let (a, b) = (commit(a)?, commit(b)?);
            walk.push(b).and_then(|()| walk.hide(a))
        } else {
            commit(range)?;
            return Err(bad(
                "a single revision, whose whole history is rarely meant: give a range".into(),
            ));
        };
        walked.map_err(super::git(format!("walking {range}")))?;
        let mut out = Vec::new();
        for oid in walk {
            out.push(self.describe(oid.map_err(super::git(format!("walking {range}")))?)?);
        }
        Ok(out)
    }

    fn describe(&self, oid: Oid) -> Result<ProjectCommit, StoreError> {
        let what = || format!("reading commit {oid}");
        let c = self.repo.find_commit(oid).map_err(super::git(what()))?;
        let short = c
            .as_object()
            .short_id()
            .ok()
            .and_then(|b| b.as_str().ok().map(str::to_owned))
            .unwrap_or_else(|| oid.to_string()[..7].to_owned());
        let message = String::from_utf8_lossy(c.message_bytes()).into_owned();
        let subject = message.lines().next().unwrap_or_default().trim().to_owned();
        Ok(ProjectCommit {
            id: CommitId::parse(&oid.to_string()).expect("git gives a full lowercase hex id"),
            short,
            subject,
            message,
        })
    }

    /// The directory git runs this repository's hooks from: `core.hooksPath` (a relative path
    /// is taken from the top of the work tree, or the git directory of a bare repository, as
    /// git does), else `hooks` in the (common) git directory.
    pub fn hooks_dir(&self) -> std::path::PathBuf {
        let configured = self
            .repo
            .config()
            .ok()
            .and_then(|c| c.get_path("core.hooksPath").ok());
        match configured {
            Some(p) if p.is_absolute() => p,
            Some(p) => self.repo.workdir().unwrap_or(self.repo.path()).join(p),
            None => self.repo.commondir().join("hooks"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn git(dir: &std::path::Path, args: &[&str]) -> String {
        let out = std::process::Command::new("git")
            .current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Ann")
            .env("GIT_AUTHOR_EMAIL", "ann@example.com")
            .env("GIT_COMMITTER_NAME", "Ann")
            .env("GIT_COMMITTER_EMAIL", "ann@example.com")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    }

    #[test]
    fn ranges_oldest_first_and_what_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        git(d, &["init", "-q", "-b", "main"]);
        for m in ["one", "two\n\nFixes TRK-1", "three"] {
            git(d, &["commit", "-q", "--allow-empty", "-m", m]);
        }
        git(d, &["checkout", "-q", "-b", "side", "main~1"]);
        git(d, &["commit", "-q", "--allow-empty", "-m", "side"]);
        git(d, &["checkout", "-q", "main"]);
        let head = git(d, &["rev-parse", "HEAD"]);
        let index = std::fs::read(d.join(".git/index")).ok();
        let store = Store::open(Some(d)).unwrap();
        let subjects = |range: &str| -> Vec<String> {
            store
                .commits_in(range)
                .unwrap()
                .into_iter()
                .map(|c| c.subject)
                .collect()
        };
        assert_eq!(subjects("main~2..main"), ["two", "three"]);
        assert_eq!(subjects("main~2.."), ["two", "three"]);
        assert_eq!(subjects("main~2^!"), ["one"]);
        assert_eq!(subjects("HEAD^!"), ["three"]);
        let mut both = subjects("main...side");
        both.sort();
        assert_eq!(both, ["side", "three"]);
        assert_eq!(subjects("main..main"), Vec::<String>::new());
        let two = store.commits_in("main~2..main~1").unwrap();
        assert_eq!(two[0].message, "two\n\nFixes TRK-1\n");
        assert_eq!(two[0].id.as_str(), git(d, &["rev-parse", "main~1"]));
        assert_eq!(two[0].short, git(d, &["rev-parse", "--short", "main~1"]));
        for (range, reason) in [
            ("main", "a single revision"),
            ("nope..main", "\"nope\" does not name a commit"),
            ("main..nope", "\"nope\" does not name a commit"),
            ("nope^!", "\"nope\" does not name a commit"),
        ] {
            let err = store.commits_in(range).unwrap_err().to_string();
            assert!(
                err.starts_with(&format!("invalid revision range {range:?}: {reason}")),
                "{err}"
            );
        }
        // Read only.
        assert_eq!(git(d, &["rev-parse", "HEAD"]), head);
        assert_eq!(std::fs::read(d.join(".git/index")).ok(), index);
    }

    #[test]
    fn hooks_dir_follows_core_hooks_path() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        git(d, &["init", "-q"]);
        let store = Store::open(Some(d)).unwrap();
        assert_eq!(store.hooks_dir(), store.repo.path().join("hooks"));
        git(d, &["config", "core.hooksPath", ".githooks"]);
        let store = Store::open(Some(d)).unwrap();
        assert_eq!(
            store.hooks_dir(),
            store.repo.workdir().unwrap().join(".githooks")
        );
        git(d, &["config", "core.hooksPath", "/tmp/elsewhere"]);
        let store = Store::open(Some(d)).unwrap();
        assert_eq!(
            store.hooks_dir(),
            std::path::PathBuf::from("/tmp/elsewhere")
        );
    }
}
