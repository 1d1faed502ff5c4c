//! Issue 9, finding 3: the branch is append-only (R2, R75). Deleting or changing published
//! events is caught by `verify` and refused by `sync`; a rewritten remote never changes a
//! published number here.

use std::path::Path;

use crate::common::TestEnv;
use crate::test_sync::Net;

fn event_files(env: &TestEnv, dir: &Path, key: &str) -> (String, Vec<String>) {
    let log = env.run_in(dir, &["log", key, "--format", "json"]).json();
    let id = log["id"].as_str().unwrap().to_owned();
    let files = log["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "tickets/{}/{id}/{}.toml",
                &id[..2],
                e["id"].as_str().unwrap()
            )
        })
        .collect();
    (id, files)
}

#[test]
fn verify_reports_deleted_and_rewritten_event_files() {
    let env = TestEnv::initialized();
    env.new_ticket("kept");
    env.new_ticket("purged");
    env.run(&["comment", "TRK-1", "-m", "first"]).ok();
    env.run(&["comment", "TRK-1", "-m", "second"]).ok();
    let (_, one) = event_files(&env, &env.repo, "TRK-1");
    let (two_id, two) = event_files(&env, &env.repo, "TRK-2");
    // One comment's file deleted, another's changed, and a whole ticket removed.
    let rewritten = std::fs::read_to_string({
        let out = env.git(&["show", &format!("tracker:{}", one[2])]);
        let p = env.root.path().join("c.toml");
        std::fs::write(&p, out.replace("second", "SECOND, edited by hand")).unwrap();
        p
    })
    .unwrap();
    env.craft(
        &[
            (&one[1], None),
            (&one[2], Some(&rewritten)),
            (&format!("tickets/{}/{two_id}", &two_id[..2]), None),
        ],
        "purge",
    );
    let (code, found) = env.problem_kinds();
    assert_eq!(code, 3);
    let mut expected = vec![
        ("deleted".to_owned(), one[1].clone()),
        ("rewritten".to_owned(), one[2].clone()),
        // Its parent (the deleted comment) is gone.
        ("dangling".to_owned(), one[2].clone()),
        ("deleted".to_owned(), two[0].clone()),
    ];
    expected.sort_by(|a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
    assert_eq!(found, expected);
    let table = env.run(&["verify"]);
    assert!(
        table.stdout.contains(&format!(
            "{}: deleted: event files are never deleted, but commit ",
            one[1]
        )),
        "{table}"
    );
}

/// The remote's branch lost a published event: sync refuses it, receives nothing, names the
/// ticket and the remote commit, and keeps refusing until --accept-deletions.
#[test]
fn sync_refuses_a_remote_that_deleted_published_events() {
    let net = Net::new();
    let a = net.env.repo.clone();
    net.new_ticket(&a, "one");
    net.new_ticket(&a, "two");
    net.sync(&a);
    let b = net.clone("b");
    let (_, files) = event_files(&net.env, &b, "TRK-2");
    // Someone with push access removes TRK-2 from the remote with plain git.
    let purge = net.push_by_hand("purge", |work| {
        std::fs::remove_file(work.join(&files[0])).unwrap();
    });
    // B made a change meanwhile (diverged); A did not (fast-forward): both refuse.
    net.run(&b, &["comment", "TRK-1", "-m", "local work"]).ok();
    for dir in [&a, &b] {
        let before = net.env.git_in(dir, &["rev-parse", "tracker"]);
        let tracking = net.env.git_in(dir, &["rev-parse", "origin/tracker"]);
        let run = net.run(dir, &["sync"]);
        assert_eq!(run.code, 1, "{run}");
        assert!(
            run.stderr.contains(&format!(
                "error: origin's tracker branch deleted or changed published events (1 file(s)), first {} (ticket TRK-2) in commit {purge}; nothing was received",
                files[0]
            )),
            "{run}"
        );
        assert!(run.stderr.contains("--accept-deletions"), "{run}");
        assert_eq!(net.env.git_in(dir, &["rev-parse", "tracker"]), before);
        assert_eq!(
            net.env.git_in(dir, &["rev-parse", "origin/tracker"]),
            tracking,
            "the remote-tracking ref is put back, so the next sync looks again"
        );
        assert_eq!(net.run(dir, &["sync"]).code, 1, "still refused");
    }
    // An administrator's deliberate purge is taken with --accept-deletions.
    let run = net.run(&a, &["sync", "--accept-deletions"]);
    assert!(run.ok().is_empty(), "{run}");
    assert!(run.stderr.contains("took 1 deleted or changed"), "{run}");
    let keys: Vec<String> = net.list(&a)["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["key"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(keys, ["TRK-1"]);
}

/// A remote whose history was rewritten (force-pushed) without a published ticket, with a new
/// ticket taking its number: the published ticket keeps its number here, the rewrite is
/// refused, and after --accept-deletions the local unpublished work is kept and numbered
/// after the remote's.
#[test]
fn a_rewritten_remote_never_changes_a_published_number() {
    let net = Net::new();
    let a = net.env.repo.clone();
    net.new_ticket(&a, "one");
    net.new_ticket(&a, "two");
    net.sync(&a);
    let b = net.clone("b");
    // The remote is rewritten: reset to the commit before TRK-2, and another ticket TRK-2.
    let c = net.clone("c");
    let first = net
        .env
        .git_in(&c, &["rev-list", "--max-count=1", "--skip=1", "tracker"])
        .trim()
        .to_owned();
    net.env
        .git_in(&c, &["update-ref", "refs/heads/tracker", &first]);
    net.new_ticket(&c, "impostor two");
    net.env
        .git_in(&c, &["push", "-q", "--force", "origin", "tracker"]);
    // B created a ticket while offline: TRK-3, unpublished. A plain `git fetch` moves B's
    // remote-tracking ref to the rewritten history first: what B saw published is still
    // known (the tool keeps the tip of the last sync itself).
    assert_eq!(net.new_ticket(&b, "b's own"), "TRK-3");
    net.env.git_in(&b, &["fetch", "-q", "origin"]);
    let run = net.run(&b, &["sync"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("(ticket TRK-2)"), "{run}");
    let titles = |dir: &Path| -> Vec<(String, String)> {
        net.list(dir)["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["key"].as_str().unwrap().to_owned(),
                    t["title"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(
        titles(&b),
        [
            ("TRK-1".to_owned(), "one".to_owned()),
            ("TRK-2".to_owned(), "two".to_owned()),
            ("TRK-3".to_owned(), "b's own".to_owned()),
        ],
        "nothing here changed"
    );
    let run = net.run(&b, &["sync", "--accept-deletions"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(
        titles(&b),
        [
            ("TRK-1".to_owned(), "one".to_owned()),
            ("TRK-2".to_owned(), "impostor two".to_owned()),
            ("TRK-3".to_owned(), "b's own".to_owned()),
        ],
        "the purged ticket is gone, not renumbered and pushed back; local work kept"
    );
}
