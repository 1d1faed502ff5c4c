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
        "--if-absent",
        "ci: \"crash\" on main",
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
    // R25: ranks, a ticket ranked as it is filed, raise requests accepted and refused, and a
    // ranked ticket finished then reopened (back at the bottom).
    env.run(&["priority", "TRK-2", "--top"]).ok();
    env.run(&["priority", "TRK-3", "--bottom"]).ok();
    env.run(&["new", "Fourth", "--priority", "before:TRK-3"])
        .ok();
    let urgent = env
        .run(&["raise", "TRK-3", "-m", "Down\nsince noon", "--urgent"])
        .ok()
        .trim()
        .to_owned();
    env.run(&["raise", "accept", &urgent]).ok();
    let asked = env
        .run(&["raise", "TRK-1", "-m", "please"])
        .ok()
        .trim()
        .to_owned();
    env.run(&["raise", "refuse", &asked, "-m", "later"]).ok();
    env.run(&["raise", "TRK-4", "-m", "pending"]).ok();
    env.run(&["close", "TRK-2"]).ok();
    env.run(&["reopen", "TRK-2"]).ok();
    // Events with the project commit they came from (`scan`).
    env.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "Fixes TRK-1, refs TRK-3",
    ]);
    env.run(&["scan", "HEAD^!"]).ok();
    // Dependencies (R24): added, one removed, one ticket blocked by two.
    env.run(&["depend", "TRK-3", "--on", "TRK-1"]).ok();
    env.run(&["depend", "TRK-3", "--on", "TRK-2"]).ok();
    env.run(&["depend", "TRK-2", "--on", "TRK-1"]).ok();
    env.run(&["undepend", "TRK-3", "--on", "TRK-1"]).ok();
    // Labels: at creation, added, removed.
    env.run(&["label", "TRK-1", "+bug", "+ui", "+Triage"]).ok();
    env.run(&["label", "TRK-1", "-triage", "+écran"]).ok();
    env.run(&["label", "TRK-3", "+a:b/c.d"]).ok();
    // Attachments: at creation, on a comment, on a comment deleted since.
    std::fs::write(env.repo.join("bin.dat"), b"\0\x01binary\xff").unwrap();
    std::fs::write(env.repo.join("notes.txt"), "notes\n").unwrap();
    env.run(&["new", "Fifth", "--attach", "bin.dat"]).ok();
    env.run(&[
        "comment",
        "TRK-2",
        "-m",
        "logs",
        "--attach",
        "notes.txt",
        "--attach",
        "bin.dat",
    ])
    .ok();
    let gone = env
        .run(&["comment", "TRK-2", "-m", "oops", "--attach", "notes.txt"])
        .ok()
        .trim()
        .to_owned();
    env.run(&["comment", "delete", "TRK-2", &gone]).ok();

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
    assert_eq!(theirs.len(), 5);
    let ranks: Vec<(&str, &Value)> = theirs
        .iter()
        .map(|t| (t["key"].as_str().unwrap(), &t["priority"]))
        .collect();
    assert_eq!(
        ranks,
        [
            ("TRK-1", &Value::Null),
            ("TRK-2", &Value::from(3)),
            ("TRK-3", &Value::from(1)),
            ("TRK-4", &Value::from(2)),
            ("TRK-5", &Value::Null)
        ]
    );
    for t in theirs {
        let key = t["key"].as_str().unwrap();
        let mut ours = env.run(&["show", key, "--format", "json"]).json();
        let obj = ours.as_object_mut().unwrap();
        obj.remove("schema_version");
        // Whether a ticket reached the remote is not in the files (see docs/sync.md).
        assert_eq!(obj.remove("provisional"), Some(Value::Bool(false)));
        assert_eq!(&ours, t, "the reader and the tool disagree on {key}");
    }
}

/// Runs `tests/reader/recompute.py` on `repo` and returns its JSON.
pub fn independent_reader(repo: &std::path::Path) -> Value {
    crate::common::reader("recompute.py", repo, &[])
}

/// Issues 8 and 9 (docs/format.md, "The fold", step 6): hand-made `parents` — unknown ids, an
/// event naming itself, two events naming each other — and equal concurrent values. The tool
/// and the independent reader give the same tickets, with the contested fields the document
/// says.
#[test]
fn the_reader_agrees_on_hand_made_parents_and_equal_values() {
    use crate::test_branch_files::{event_path, push_files};
    let env = TestEnv::initialized();
    env.new_ticket("One");
    env.new_ticket("Two");
    let ids: Vec<String> = ["TRK-1", "TRK-2"]
        .iter()
        .map(|k| {
            env.run(&["show", k, "--format", "json"]).json()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let create = |ticket: &str| {
        let dir = format!("tickets/{}/{ticket}", &ticket[..2]);
        let files = env.git(&["ls-tree", "--name-only", "tracker", &format!("{dir}/")]);
        let name = files
            .lines()
            .next()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_owned();
        name.trim_end_matches(".toml").to_owned()
    };
    let (c1, c2) = (create(&ids[0]), create(&ids[1]));
    let unknown = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";
    let event = |kind: &str, lamport: u64, parents: &[&str], table: &str| {
        let parents: Vec<String> = parents.iter().map(|p| format!("\"{p}\"")).collect();
        format!(
            "version = 1\n{kind}\nlamport = {lamport}\nparents = [{}]\nat = \"2026-01-02T00:00:00Z\"\n\n\
             [author]\nname = \"Eve\"\nemail = \"eve@example.com\"\n{table}",
            parents.join(", ")
        )
    };
    let state = |to: &str, lamport, parents: &[&str]| {
        event(
            &format!("kind = \"state\"\nfrom = \"POSTED\"\nto = \"{to}\""),
            lamport,
            parents,
            "",
        )
    };
    let assign = |email: &str, lamport, parents: &[&str]| {
        let table = format!("\n[assignee]\nname = \"X\"\nemail = \"{email}\"\n");
        event("kind = \"assign\"", lamport, parents, &table)
    };
    let [a, b, c, d, e, f, g] = ["a", "b", "c", "d", "e", "f", "9"].map(|x| x.repeat(32));
    let [h, i, j, l] = ["1", "2", "3", "4"].map(|x| x.repeat(32));
    let depend = |kind: &str, on: &str, lamport, parents: &[&str]| {
        event(
            &format!("kind = \"{kind}\"\non = \"{on}\""),
            lamport,
            parents,
            "",
        )
    };
    let files = [
        // TRK-1: a and b name each other (a cycle): neither state change is the latest.
        (
            event_path(&ids[0], &a),
            state("OPEN", 2, &[&c1, &b, unknown]),
        ),
        (event_path(&ids[0], &b), state("WAITING", 3, &[&c1, &a])),
        // The same assignee concurrently (one names itself too): not contested.
        (
            event_path(&ids[0], &c),
            assign("X@Example.com", 2, &[&c1, &c]),
        ),
        (event_path(&ids[0], &d), assign("x@example.com", 2, &[&c1])),
        // Only an unknown parent: concurrent with the create, another title.
        (
            event_path(&ids[0], &e),
            event("kind = \"edit\"\ntitle = \"Renamed\"", 2, &[unknown], ""),
        ),
        // TRK-2: different states concurrently, both also naming an unknown event.
        (event_path(&ids[1], &f), state("OPEN", 2, &[&c2, unknown])),
        (
            event_path(&ids[1], &g),
            state("WAITING", 2, &[&c2, unknown]),
        ),
        // TRK-2 depends on TRK-1, removes it, and concurrently depends on it again: the add
        // the removal did not see wins (docs/format.md, "The fold", step 7).
        (
            event_path(&ids[1], &h),
            depend("depend", &ids[0], 3, &[&f, &g]),
        ),
        (
            event_path(&ids[1], &i),
            depend("undepend", &ids[0], 4, &[&h]),
        ),
        (event_path(&ids[1], &j), depend("depend", &ids[0], 4, &[&h])),
        // TRK-1 depends on TRK-2: with the above, a cycle (two clones can make one).
        (
            event_path(&ids[0], &l),
            depend("depend", &ids[1], 3, &[&a, &b]),
        ),
        // Labels the same way: `x` removed after one add and added concurrently again stays;
        // `y` removed after its only add goes.
        (
            event_path(&ids[1], &"5".repeat(32)),
            event("kind = \"label\"\nadd = [\"x\", \"y\"]", 3, &[&f, &g], ""),
        ),
        (
            event_path(&ids[1], &"6".repeat(32)),
            event(
                "kind = \"label\"\nremove = [\"x\", \"y\"]",
                4,
                &[&"5".repeat(32)],
                "",
            ),
        ),
        (
            event_path(&ids[1], &"7".repeat(32)),
            event("kind = \"label\"\nadd = [\"x\"]", 4, &[&"5".repeat(32)], ""),
        ),
    ];
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_bytes()))
        .collect();
    push_files(&env, &files);

    let theirs = independent_reader(&env.repo);
    let theirs = theirs["tickets"].as_array().unwrap();
    assert_eq!(theirs.len(), 2);
    let mut contested = Vec::new();
    for t in theirs {
        let key = t["key"].as_str().unwrap();
        let run = env.run(&["show", key, "--format", "json"]);
        assert!(!run.stderr.contains("warning"), "{run}");
        let mut ours = run.json();
        let obj = ours.as_object_mut().unwrap();
        obj.remove("schema_version");
        obj.remove("provisional");
        assert_eq!(&ours, t, "the reader and the tool disagree on {key}");
        contested.push(ours["contested"].clone());
        assert_eq!(
            ours["cycle"],
            serde_json::json!(["TRK-1", "TRK-2"]),
            "{key}"
        );
        if key == "TRK-2" {
            assert_eq!(ours["labels"], serde_json::json!(["x"]));
        }
    }
    assert_eq!(
        contested,
        [serde_json::json!(["title"]), serde_json::json!(["state"])]
    );
}

/// Issue 12: `commit` (written by `scan`) is passed over by the fold; a malformed one makes the
/// file malformed for the tool and the reader alike.
#[test]
fn the_reader_agrees_on_commit_fields() {
    use crate::test_branch_files::{event_path, push_files};
    let env = TestEnv::initialized();
    env.new_ticket("One");
    let id = env.run(&["show", "TRK-1", "--format", "json"]).json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let comment = |lamport: u64, commit: &str| {
        format!(
            "version = 1\nkind = \"comment\"\nbody = \"c{lamport}\"\nlamport = {lamport}\n\
             at = \"2026-01-02T00:00:00Z\"\ncommit = {commit}\n\n\
             [author]\nname = \"Eve\"\nemail = \"eve@example.com\"\n"
        )
    };
    let sha1 = format!("\"{}\"", "0a".repeat(20));
    let sha256 = format!("\"{}\"", "b".repeat(64));
    let files = [
        (event_path(&id, &"a".repeat(32)), comment(2, &sha1)),
        (event_path(&id, &"b".repeat(32)), comment(3, &sha256)),
        // Malformed: upper case, too short, not a string.
        (
            event_path(&id, &"c".repeat(32)),
            comment(4, &sha1.to_uppercase()),
        ),
        (event_path(&id, &"d".repeat(32)), comment(5, "\"0a0a0a0\"")),
        (event_path(&id, &"e".repeat(32)), comment(6, "40")),
    ];
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_bytes()))
        .collect();
    push_files(&env, &files);
    let theirs = independent_reader(&env.repo);
    let run = env.run(&["show", "TRK-1", "--format", "json"]);
    assert_eq!(run.stderr.matches("warning: ").count(), 3, "{run}");
    let mut ours = run.json();
    let obj = ours.as_object_mut().unwrap();
    for k in ["schema_version", "provisional"] {
        obj.remove(k);
    }
    assert_eq!(&ours, &theirs["tickets"][0]);
    let bodies: Vec<&str> = ours["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, ["c2", "c3"]);
    let log = env.log_json("TRK-1");
    assert_eq!(log["events"][1]["commit"], "0a".repeat(20));
    assert_eq!(log["events"][2]["commit"], "b".repeat(64));
}
