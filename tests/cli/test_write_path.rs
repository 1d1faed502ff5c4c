//! Issue 9, finding 7: every command that moves the branch goes through one
//! compare-and-swap/retry path with one diagnosis. A lock file left by a killed process is
//! named, whichever command meets it (it used to be "other processes kept moving the branch"
//! for `config set` and "origin kept changing" for `sync`).

use crate::test_sync::Net;

#[test]
fn a_stale_ref_lock_is_named_by_every_writer() {
    let net = Net::new();
    let a = net.env.repo.clone();
    net.new_ticket(&a, "one");
    net.sync(&a);
    let b = net.clone("b");
    net.new_ticket(&b, "two");
    net.sync(&b);
    // A killed process left the tracker branch's lock in clone A.
    let lock = a.join(".git/refs/heads/tracker.lock");
    std::fs::write(&lock, "").unwrap();
    let tip = net.env.git_in(&a, &["rev-parse", "tracker"]);
    for args in [
        &["new", "three"][..],
        &["config", "set", "feedback", "x"],
        &["state", "TRK-1", "open"],
        // The remote is ahead: sync must move the local branch.
        &["sync"],
    ] {
        let run = net.run(&a, args);
        assert_eq!(run.code, 1, "{args:?}: {run}");
        assert!(
            run.stderr
                .contains("error: branch refs/heads/tracker is locked by another process"),
            "{args:?}: {run}"
        );
        assert!(
            run.stderr.contains(&format!(
                "hint: if no other git or git-tracker process is running, remove {}",
                lock.display()
            )),
            "{args:?}: {run}"
        );
        assert_eq!(net.env.git_in(&a, &["rev-parse", "tracker"]), tip);
    }
    std::fs::remove_file(&lock).unwrap();
    net.sync(&a);
    net.run(&a, &["config", "set", "feedback", "x"]).ok();
}
