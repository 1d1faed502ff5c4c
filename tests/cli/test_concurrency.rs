//! R7: parallel commands in one clone retry on the compare-and-swap and lose nothing.

use std::collections::BTreeSet;

use crate::common::TestEnv;

/// 20 `new` processes started at once give 20 tickets with 20 distinct keys.
#[test]
fn twenty_parallel_new_commands_give_twenty_distinct_keys() {
    let env = TestEnv::initialized();
    let children: Vec<_> = (0..20)
        .map(|i| {
            env.command_in(&env.repo, &["new", &format!("parallel {i}")])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut keys = BTreeSet::new();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        keys.insert(String::from_utf8(out.stdout).unwrap().trim().to_owned());
    }
    let expected: BTreeSet<String> = (1..=20).map(|i| format!("TRK-{i}")).collect();
    assert_eq!(keys, expected);
    assert_eq!(
        env.commits(),
        21,
        "one commit per command, nothing lost or doubled"
    );
    let listed = env.run(&["list", "--format", "json"]).json();
    let titles: BTreeSet<&str> = listed["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 20);
    let numbers: BTreeSet<u64> = listed["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers.len(), 20);
}

/// Parallel writes to one ticket all land, each in its own commit, chained causally.
#[test]
fn parallel_comments_on_one_ticket_all_land() {
    let env = TestEnv::initialized();
    env.new_ticket("busy");
    let children: Vec<_> = (0..12)
        .map(|i| {
            env.command_in(
                &env.repo,
                &["comment", "TRK-1", "-m", &format!("comment {i}")],
            )
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let show = env.run(&["show", "TRK-1", "--format", "json"]).json();
    let bodies: BTreeSet<&str> = show["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies.len(), 12);
    assert_eq!(env.commits(), 14);
    // Every writer saw the previous events: the clocks form a chain 1..=13.
    let log = env.run(&["log", "TRK-1", "--format", "json"]).json();
    let clocks: Vec<u64> = log["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["lamport"].as_u64().unwrap())
        .collect();
    assert_eq!(clocks, (1..=13).collect::<Vec<u64>>());
}

/// R7: a lock file left by a killed process makes writes fail (exit 1) with a hint naming it,
/// after retrying; reads still work, and removing the lock heals everything.
#[test]
fn a_stale_branch_lock_is_reported_with_its_path() {
    let env = TestEnv::initialized();
    env.new_ticket("before");
    let lock = env.repo.join(".git/refs/heads/tracker.lock");
    std::fs::write(&lock, "").unwrap();
    let tip = env.tip();
    let run = env.run(&["new", "blocked"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("is locked by another process"), "{run}");
    assert!(
        run.stderr.contains(&format!("remove {}", lock.display())),
        "{run}"
    );
    assert_eq!(env.tip(), tip);
    env.run(&["list"]).ok();
    std::fs::remove_file(&lock).unwrap();
    assert_eq!(env.new_ticket("after"), "TRK-2");
}
