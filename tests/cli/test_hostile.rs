//! Issue 9, finding 8: tree entries git's transport refuses but a clone can hold — empty
//! names, a blob where a directory should be, a 100 000-deep tree, a gitlink — made `verify`
//! use gigabytes or every command fail without naming the path. Every command now stays up,
//! names the bad path, and skips it.

use git2::{ObjectType, Oid, Repository};

use crate::common::{Run, TestEnv};
use crate::test_sync::Net;

/// A raw tree object, written as a hostile clone could (libgit2's tree builder refuses some
/// of these entries).
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

/// A tree's entries, raw: `(octal mode, name, id)`.
type Entries = Vec<(String, Vec<u8>, Oid)>;

/// The entries of a tree, raw.
fn entries(repo: &Repository, tree: Oid) -> Entries {
    repo.find_tree(tree)
        .unwrap()
        .iter()
        .map(|e| {
            (
                format!("{:o}", e.filemode()),
                e.name_bytes().to_vec(),
                e.id(),
            )
        })
        .collect()
}

/// Rewrites the directory at `path` (`[]`: the root) of the tracker branch's tip with `edit`,
/// and commits the result on the branch, as plain git plumbing would.
fn hostile_commit(env: &TestEnv, path: &[&str], edit: impl FnOnce(&Repository, &mut Entries)) {
    let repo = Repository::open(&env.repo).unwrap();
    let tip = repo.refname_to_id("refs/heads/tracker").unwrap();
    let commit = repo.find_commit(tip).unwrap();
    fn rebuild<F: FnOnce(&Repository, &mut Entries)>(
        repo: &Repository,
        tree: Oid,
        path: &[&str],
        edit: &mut Option<F>,
    ) -> Oid {
        let mut list = entries(repo, tree);
        match path.split_first() {
            None => (edit.take().unwrap())(repo, &mut list),
            Some((first, rest)) => {
                let e = list
                    .iter_mut()
                    .find(|e| e.1 == first.as_bytes())
                    .unwrap_or_else(|| panic!("no {first}"));
                e.2 = rebuild(repo, e.2, rest, edit);
            }
        }
        let refs: Vec<(&str, &[u8], Oid)> = list
            .iter()
            .map(|(m, n, o)| (m.as_str(), n.as_slice(), *o))
            .collect();
        raw_tree(repo, &refs)
    }
    let root = rebuild(&repo, commit.tree_id(), path, &mut Some(edit));
    let sig = git2::Signature::now("Mallory", "mallory@example.com").unwrap();
    let odb = repo.odb().unwrap();
    // The commit object is written raw too: libgit2 would parse the tree to check it.
    let text = format!(
        "tree {root}\nparent {tip}\nauthor Mallory <mallory@example.com> 1767225600 +0000\n\
         committer Mallory <mallory@example.com> 1767225600 +0000\n\nhostile\n"
    );
    drop(sig);
    let c = odb.write(ObjectType::Commit, text.as_bytes()).unwrap();
    repo.reference("refs/heads/tracker", c, true, "hostile")
        .unwrap();
}

/// The path of TRK-`n`'s directory: `(shard, id)`.
fn ticket_dir(env: &TestEnv, key: &str) -> (String, String) {
    let id = env.log_json(key)["id"].as_str().unwrap().to_owned();
    (id[..2].to_owned(), id)
}

/// The everyday commands on a branch holding something hostile: they stay up and name it;
/// writes go on (a write that rewrites the hostile tree leaves the bad entry out, and says so).
#[track_caller]
fn stays_up(env: &TestEnv, named: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    for args in [&["list", "--all"][..], &["show", "TRK-2"], &["verify"]] {
        let run = env.run(args);
        let expected = if args[0] == "verify" { 3 } else { 0 };
        assert_eq!(run.code, expected, "{args:?}: {run}");
        assert!(
            run.to_string().contains(named),
            "{args:?} does not name {named}: {run}"
        );
        assert!(!run.stderr.contains("panicked"), "{run}");
        runs.push(run);
    }
    for args in [
        &["new", "after the hostile commit"][..],
        &["comment", "TRK-2", "-m", "still fine"],
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 0, "{args:?}: {run}");
        runs.push(run);
    }
    runs
}

fn setup() -> TestEnv {
    let env = TestEnv::initialized();
    env.new_ticket("one");
    env.new_ticket("two");
    env
}

#[test]
fn an_entry_with_an_empty_name_is_named_and_skipped() {
    for depth in 0..4 {
        let env = setup();
        let (shard, id) = ticket_dir(&env, "TRK-1");
        let path: Vec<&str> = ["tickets", shard.as_str(), id.as_str()][..depth.min(3)].to_vec();
        let named = match depth {
            0 => "<an entry with an empty name>".to_owned(),
            _ => format!("{}/<an entry with an empty name>", path.join("/")),
        };
        hostile_commit(&env, &path, |repo, list| {
            let blob = repo.blob(b"x").unwrap();
            list.push(("100644".into(), Vec::new(), blob));
        });
        let runs = stays_up(&env, &named);
        // `new` rewrites the root, `tickets/` and its shard: an entry there was left out, and
        // it said so (TRK-1's own directory is rewritten only by a write to TRK-1).
        if depth < 3 {
            let left_out = format!("{named}: left out of the tree this commit rewrote");
            let said = runs[3..].iter().any(|r| r.stderr.contains(&left_out));
            assert!(said || depth == 2, "depth {depth}: {}", runs[3]);
        }
        let run = env.run(&["comment", "TRK-1", "-m", "rewrites its directory"]);
        assert_eq!(run.code, 0, "{run}");
        // TRK-1 is still read (its other files).
        env.run(&["show", "TRK-1"]).ok();
    }
}

#[test]
fn a_file_where_a_directory_should_be_is_named_and_skipped() {
    // A shard and a ticket directory turned into files: that ticket is gone (verify says its
    // events were deleted), the others stay.
    let env = setup();
    let (shard, _) = ticket_dir(&env, "TRK-1");
    let (shard2, _) = ticket_dir(&env, "TRK-2");
    assert_ne!(
        shard, shard2,
        "the two tickets share a shard (1 in 256): rerun"
    );
    hostile_commit(&env, &["tickets"], |repo, list| {
        let blob = repo.blob(b"not a directory").unwrap();
        let e = list.iter_mut().find(|e| e.1 == shard.as_bytes()).unwrap();
        *e = ("100644".into(), shard.as_bytes().to_vec(), blob);
    });
    stays_up(&env, &format!("tickets/{shard}"));
    let verify = env.run(&["verify"]).stdout;
    assert!(verify.contains(": deleted: "), "{verify}");
    // `tickets` itself a file: every ticket is gone; the commands still run and say why, and
    // the next write puts a tickets directory back (naming what it replaced).
    let env = setup();
    hostile_commit(&env, &[], |repo, list| {
        let blob = repo.blob(b"not a directory").unwrap();
        let e = list.iter_mut().find(|e| e.1 == b"tickets").unwrap();
        *e = ("100644".into(), b"tickets".to_vec(), blob);
    });
    let list = env.run(&["list", "--all"]);
    assert_eq!(list.code, 0, "{list}");
    assert!(
        list.stderr.contains("warning: tickets: unexpected file"),
        "{list}"
    );
    let new = env.run(&["new", "fresh"]);
    assert_eq!(new.code, 0, "{new}");
    assert!(
        new.stderr
            .contains("tickets (replaced by a directory): left out"),
        "{new}"
    );
    env.run(&["show", "TRK-1"]).ok();
}

#[test]
fn a_gitlink_is_named_and_skipped() {
    let env = setup();
    let (shard, id) = ticket_dir(&env, "TRK-2");
    let commit = Oid::from_str("1234567890123456789012345678901234567890").unwrap();
    hostile_commit(&env, &["tickets", &shard, &id], |_, list| {
        list.push(("160000".into(), b"submodule".to_vec(), commit));
    });
    stays_up(&env, &format!("tickets/{shard}/{id}/submodule"));
    hostile_commit(&env, &[], |_, list| {
        list.push(("160000".into(), b"sub".to_vec(), commit));
    });
    stays_up(&env, "sub");
}

#[test]
fn a_100_000_deep_tree_costs_nothing_to_skip() {
    let env = setup();
    hostile_commit(&env, &[], |repo, list| {
        let blob = repo.blob(b"leaf").unwrap();
        let mut t = raw_tree(repo, &[("100644", b"leaf", blob)]);
        for _ in 0..100_000 {
            t = raw_tree(repo, &[("40000", b"d", t)]);
        }
        list.push(("40000".into(), b"deep".to_vec(), t));
    });
    let runs = stays_up(&env, "deep");
    let verify = &runs[2].stdout;
    assert!(
        verify.contains("deep/d/d/d") && verify.contains("(deeper than 64 levels)"),
        "{verify}"
    );
}

/// A pushed `tickets` blob made `sync` fail for ever in every clone with local work. Now it
/// is what it is — every published event deleted — and sync refuses it, naming the commit.
#[test]
fn sync_refuses_a_pushed_tickets_blob() {
    let net = Net::new();
    let a = net.env.repo.clone();
    net.new_ticket(&a, "one");
    net.sync(&a);
    let b = net.clone("b");
    net.push_by_hand("wreck", |work| {
        std::fs::remove_dir_all(work.join("tickets")).unwrap();
        std::fs::write(work.join("tickets"), "a file\n").unwrap();
    });
    net.run(&b, &["comment", "TRK-1", "-m", "local work"]).ok();
    let run = net.run(&b, &["sync"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains("deleted or changed published events")
            && run.stderr.contains("(ticket TRK-1)"),
        "{run}"
    );
    net.run(&b, &["show", "TRK-1"]).ok();
}
