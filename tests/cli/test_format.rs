//! R6: docs/format.md is enough to recompute every ticket. `tests/reader/recompute.py`, written
//! from the document alone with only `git` and `tomllib`, must agree with the tool.

use serde_json::Value;

use crate::common::TestEnv;

pub fn python() -> Option<std::path::PathBuf> {
    // Python 3.11+ has tomllib.
    ["python3", "/usr/bin/python3"]
        .iter()
        .map(std::path::PathBuf::from)
        .find(|p| {
            std::process::Command::new(p)
                .args(["-c", "import tomllib"])
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

#[test]
fn an_independent_reader_recomputes_every_ticket() {
    let env = TestEnv::initialized();
    env.run(&[
        "new",
        "Crash",
        "-m",
        "boom\nline two",
        "--assign",
        "bob@example.com",
        "--watch",
        "Zed <zed@example.com>",
    ])
    .ok();
    env.new_ticket("Second");
    env.new_ticket("Third \"quoted\" 'single' \\ back");
    env.set_user("Bob", "Bob@Example.com");
    let c1 = env
        .run(&["comment", "TRK-1", "-m", "first"])
        .ok()
        .trim()
        .to_owned();
    env.run(&["comment", "edit", "TRK-1", &c1, "-m", "first, edited"])
        .ok();
    let c2 = env
        .run(&["comment", "TRK-1", "-m", "second"])
        .ok()
        .trim()
        .to_owned();
    env.run(&["comment", "delete", "TRK-1", &c2]).ok();
    env.run(&["state", "TRK-1", "resolved", "-m", "fixed"]).ok();
    env.run(&["state", "TRK-1", "open", "--reopen"]).ok();
    env.run(&["assign", "TRK-2", "--me"]).ok();
    env.run(&["unwatch", "TRK-2", "ann@example.com"]).ok();
    env.run(&[
        "edit",
        "TRK-3",
        "--title",
        "Third, renamed",
        "--solution",
        "s\tt",
    ])
    .ok();
    env.run(&["assign", "TRK-1", "--none"]).ok();
    env.run(&["watch", "TRK-3", "ann@example.com"]).ok();

    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reader/recompute.py");
    let Some(py) = python() else {
        panic!("python3 with tomllib (3.11+) is needed for this test; .ci/run installs it")
    };
    let out = std::process::Command::new(py)
        .arg(&script)
        .arg(&env.repo)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let theirs: Value = serde_json::from_slice(&out.stdout).unwrap();
    let theirs = theirs["tickets"].as_array().unwrap();
    assert_eq!(theirs.len(), 3);
    for t in theirs {
        let key = t["key"].as_str().unwrap();
        let mut ours = env.run(&["show", key, "--format", "json"]).json();
        let obj = ours.as_object_mut().unwrap();
        obj.remove("schema_version");
        obj.remove("priority");
        // Whether a ticket reached the remote is not in the files (see docs/sync.md).
        assert_eq!(obj.remove("provisional"), Some(Value::Bool(false)));
        assert_eq!(&ours, t, "the reader and the tool disagree on {key}");
    }
}

/// Runs `tests/reader/recompute.py` on `repo` and returns its JSON.
pub fn independent_reader(repo: &std::path::Path) -> Value {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reader/recompute.py");
    let Some(py) = python() else {
        panic!("python3 with tomllib (3.11+) is needed for this test; scripts/test.sh installs it")
    };
    let out = std::process::Command::new(py)
        .arg(&script)
        .arg(repo)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}
