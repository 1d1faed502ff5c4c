//! R23, R70: attachments — `comment --attach`, `new --attach`, `attachment list/get`, the size
//! limit, sanitized names, and `verify` of the blobs.

use serde_json::Value;

use crate::common::TestEnv;

/// Bytes no text tool would keep: NULs, invalid UTF-8, CR/LF, every byte value.
fn binary() -> Vec<u8> {
    let mut b = b"\x00\x00PNG\r\n\x1a\n\xff\xfe\x00".to_vec();
    b.extend((0..=255u8).rev());
    b.extend(std::iter::repeat_n(0u8, 1000));
    b
}

fn attachments(env: &TestEnv, key: &str) -> Vec<Value> {
    env.run(&["attachment", "list", key, "--format", "json"])
        .json()["attachments"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn a_binary_attachment_round_trips_byte_for_byte() {
    let env = TestEnv::initialized();
    let bytes = binary();
    std::fs::write(env.root.path().join("shot.png"), &bytes).unwrap();
    std::fs::write(env.root.path().join("empty.log"), b"").unwrap();
    let shot = env.root.path().join("shot.png");
    let empty = env.root.path().join("empty.log");
    env.new_ticket("One");
    let run = env.run(&[
        "comment",
        "TRK-1",
        "-m",
        "screenshot attached",
        "--attach",
        shot.to_str().unwrap(),
        "--attach",
        empty.to_str().unwrap(),
    ]);
    let comment = run.ok().trim().to_owned();
    assert_eq!(comment.len(), 32, "the comment's id: {run}");
    // One commit: the comment, the attach event and both blobs.
    let list = attachments(&env, "TRK-1");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["name"], "shot.png");
    assert_eq!(list[0]["size"], bytes.len());
    assert_eq!(list[0]["comment"], comment.as_str());
    assert_eq!(list[1]["name"], "empty.log");
    assert_eq!(list[1]["size"], 0);
    let path = list[0]["path"].as_str().unwrap();
    let event = list[0]["event"].as_str().unwrap();
    assert!(path.ends_with(&format!("/{event}/shot.png")), "{path}");
    // What git holds is the file, byte for byte, and its SHA-256 is the one recorded.
    let blob = env
        .base_command("git", &env.repo)
        .args(["cat-file", "blob", &format!("tracker:{path}")])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(blob, bytes);
    let sha = env
        .base_command("sha256sum", &env.repo)
        .arg(&shot)
        .output()
        .unwrap()
        .stdout;
    let sha = String::from_utf8_lossy(&sha);
    assert_eq!(list[0]["sha256"], sha.split_whitespace().next().unwrap());
    // get: to stdout, to a file, to ./NAME (never overwritten).
    let out = env
        .command_in(
            &env.repo,
            &["attachment", "get", "TRK-1", "shot.png", "-o", "-"],
        )
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, bytes);
    let copy = env.root.path().join("copy.png");
    env.run(&[
        "attachment",
        "get",
        "TRK-1",
        "shot.png",
        "-o",
        copy.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(std::fs::read(&copy).unwrap(), bytes);
    let here = env.root.path().join("here");
    std::fs::create_dir_all(&here).unwrap();
    let repo = env.repo.to_str().unwrap();
    env.run_in(
        &here,
        &["-C", repo, "attachment", "get", "TRK-1", "shot.png"],
    )
    .ok();
    assert_eq!(std::fs::read(here.join("shot.png")).unwrap(), bytes);
    let again = env.run_in(
        &here,
        &["-C", repo, "attachment", "get", "TRK-1", "shot.png"],
    );
    assert!(
        again
            .bad_input()
            .contains("hint: choose another file with -o"),
        "{again}"
    );
    env.run(&["attachment", "get", "TRK-1", "nope.png"])
        .bad_input();
    // show lists them with sizes, under the comment and in their own section.
    let show = env.run(&["show", "TRK-1"]);
    assert!(
        show.ok()
            .contains("    attached: shot.png (1.2 KiB), empty.log (0 B)\n"),
        "{show}"
    );
    assert!(show.stdout.contains("\nAttachments (2)\n"), "{show}");
    let v = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(v["attachments"], Value::Array(list.clone()));
    // The log says it; verify is clean.
    let log = env.run(&["log", "TRK-1"]);
    assert!(
        log.ok()
            .contains("attached shot.png (1.2 KiB), empty.log (0 B) to comment"),
        "{log}"
    );
    env.run(&["verify"]).ok();
    // Deleting the comment keeps the files, in the history and in the list.
    env.run(&["comment", "delete", "TRK-1", &comment]).ok();
    let list = attachments(&env, "TRK-1");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["deleted"], true);
    let table = env.run(&["attachment", "list", "TRK-1"]);
    assert!(table.ok().contains("deleted comment"), "{table}");
    env.run(&["attachment", "get", "TRK-1", "shot.png", "-o", "-"])
        .ok();
}

#[test]
fn an_attachment_over_the_limit_is_refused_and_nothing_is_written() {
    let env = TestEnv::initialized();
    env.new_ticket("One");
    let big = env.root.path().join("big.bin");
    std::fs::write(&big, vec![7u8; 5 * 1024 * 1024 + 1]).unwrap();
    let tip = env.tip();
    let run = env.run(&[
        "comment",
        "TRK-1",
        "-m",
        "x",
        "--attach",
        big.to_str().unwrap(),
    ]);
    assert!(
        run.bad_input().contains(
            "is 5242881 bytes, over the limit of 5242880 bytes (attachments.max_size in tracker.toml)"
        ),
        "{run}"
    );
    env.run(&["new", "Two", "--attach", big.to_str().unwrap()])
        .bad_input();
    assert_eq!(env.tip(), tip, "nothing written");
    // The limit is the tracker's.
    env.run(&["config", "set", "attachments.max_size", "10"])
        .ok();
    let small = env.root.path().join("small.txt");
    std::fs::write(&small, "0123456789A").unwrap();
    let tip = env.tip();
    let run = env.run(&[
        "comment",
        "TRK-1",
        "-m",
        "x",
        "--attach",
        small.to_str().unwrap(),
    ]);
    assert!(
        run.bad_input()
            .contains("11 bytes, over the limit of 10 bytes"),
        "{run}"
    );
    assert_eq!(env.tip(), tip);
    env.run(&["config", "set", "attachments.max_size", "0"])
        .bad_input();
    env.run(&["config", "set", "attachments.max_size", "100000000"])
        .bad_input();
    // A missing file, a directory: exit 2, nothing written.
    env.run(&["comment", "TRK-1", "-m", "x", "--attach", "nope.txt"])
        .bad_input();
    env.run(&[
        "comment",
        "TRK-1",
        "-m",
        "x",
        "--attach",
        env.root.path().to_str().unwrap(),
    ])
    .bad_input();
    assert_eq!(env.tip(), tip);
    // A file attached before the limit was lowered stays valid for verify.
    env.run(&["config", "set", "attachments.max_size", "100"])
        .ok();
    env.run(&[
        "comment",
        "TRK-1",
        "-m",
        "x",
        "--attach",
        small.to_str().unwrap(),
    ])
    .ok();
    env.run(&["config", "set", "attachments.max_size", "5"])
        .ok();
    env.run(&["verify"]).ok();
}

#[test]
fn names_are_sanitized_and_unique() {
    let env = TestEnv::initialized();
    // Run from repo/x/y, so that ../../etc/passwd is repo/etc/passwd.
    let deep = env.repo.join("x/y");
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::create_dir_all(env.repo.join("etc")).unwrap();
    std::fs::write(env.repo.join("etc/passwd"), "root:x:0:0\n").unwrap();
    std::fs::write(deep.join("passwd"), "other\n").unwrap();
    std::fs::write(deep.join(".hidden"), "h").unwrap();
    std::fs::write(deep.join("bell\u{7}.txt"), "b").unwrap();
    env.new_ticket("One");
    let run = env.run_in(
        &deep,
        &[
            "comment",
            "TRK-1",
            "-m",
            "files",
            "--attach",
            "../../etc/passwd",
            "--attach",
            "passwd",
            "--attach",
            "./.hidden",
            "--attach",
            "bell\u{7}.txt",
        ],
    );
    assert_eq!(run.code, 0, "{run}");
    let list = attachments(&env, "TRK-1");
    let names: Vec<&str> = list.iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["passwd", "passwd-2", "hidden", "bell.txt"]);
    // A later file of the same name gets the next free one.
    let run = env.run_in(
        &deep,
        &["comment", "TRK-1", "-m", "again", "--attach", "passwd"],
    );
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(
        attachments(&env, "TRK-1").last().unwrap()["name"],
        "passwd-3"
    );
    // get writes ./passwd here, nowhere else.
    let out = env.root.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    env.run_in(
        &out,
        &[
            "-C",
            env.repo.to_str().unwrap(),
            "attachment",
            "get",
            "TRK-1",
            "passwd",
        ],
    )
    .ok();
    assert_eq!(
        std::fs::read_to_string(out.join("passwd")).unwrap(),
        "root:x:0:0\n"
    );
    // No blob is stored outside the ticket's directory.
    let files = env.git(&["ls-tree", "-r", "--name-only", "tracker"]);
    assert!(
        files
            .lines()
            .all(|l| l == "tracker.toml" || l.starts_with("tickets/")),
        "{files}"
    );
    assert!(!files.contains(".."), "{files}");
    // Two attachments of one name in two events: get asks for ID/NAME.
    let shot = env.root.path().join("x.txt");
    std::fs::write(&shot, "x").unwrap();
    env.new_ticket("Two");
    let id = env.run(&["show", "TRK-2", "--format", "json"]).json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    env.run(&[
        "comment",
        "TRK-2",
        "-m",
        "a",
        "--attach",
        shot.to_str().unwrap(),
    ])
    .ok();
    let first = attachments(&env, "TRK-2")[0].clone();
    // A second file of that name, as another clone could add it, by hand.
    let event = "e".repeat(32);
    let path = format!("tickets/{}/{id}/{event}/x.txt", &id[..2]);
    let text = format!(
        "version = 1\nkind = \"attach\"\nlamport = 9\nparents = []\nat = \"2026-01-02T00:00:00Z\"\n\n\
         [author]\nname = \"Ann Author\"\nemail = \"ann@example.com\"\n\n[[files]]\nname = \"x.txt\"\n\
         path = \"{path}\"\nsize = 1\nsha256 = \"{}\"\n",
        first["sha256"].as_str().unwrap()
    );
    env.craft(
        &[
            (
                &format!("tickets/{}/{id}/{event}.toml", &id[..2]),
                Some(&text),
            ),
            (&path, Some("x")),
        ],
        "by hand",
    );
    let run = env.run(&["attachment", "get", "TRK-2", "x.txt", "-o", "-"]);
    assert!(
        run.bad_input().contains(&format!(
            "name one of them: {}/x.txt",
            &first["event"].as_str().unwrap()[..8]
        )),
        "{run}"
    );
    let run = env.run(&[
        "attachment",
        "get",
        "TRK-2",
        &format!("{}/x.txt", &event[..6]),
        "-o",
        "-",
    ]);
    assert_eq!(run.ok(), "x");
}

/// `verify` checks every blob against its event: missing, changed, unrecorded, and over the
/// limit in force when it was attached; and a hand-made `path` elsewhere is malformed.
#[test]
fn verify_checks_attachment_blobs() {
    let env = TestEnv::initialized();
    env.new_ticket("One");
    let f = env.root.path().join("f.txt");
    std::fs::write(&f, "content").unwrap();
    env.run(&[
        "comment",
        "TRK-1",
        "-m",
        "x",
        "--attach",
        f.to_str().unwrap(),
    ])
    .ok();
    env.run(&[
        "comment",
        "TRK-1",
        "-m",
        "y",
        "--attach",
        f.to_str().unwrap(),
    ])
    .ok();
    let list = attachments(&env, "TRK-1");
    let (a, b) = (
        list[0]["path"].as_str().unwrap().to_owned(),
        list[1]["path"].as_str().unwrap().to_owned(),
    );
    let stray = format!("{}/stray.bin", a.rsplit_once('/').unwrap().0);
    env.craft(
        &[(&a, None), (&b, Some("changed")), (&stray, Some("?"))],
        "by hand",
    );
    let (code, problems) = env.problem_kinds();
    assert_eq!(code, 3);
    for want in [
        ("missing-attachment", a.as_str()),
        ("attachment-mismatch", b.as_str()),
        ("malformed", stray.as_str()),
    ] {
        assert!(
            problems.iter().any(|(k, p)| k == want.0 && p == want.1),
            "{want:?} in {problems:?}"
        );
    }
    let run = env.run(&["attachment", "get", "TRK-1", "f-2.txt", "-o", "-"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("does not match its event"), "{run}");
    assert!(run.stdout.is_empty());

    // Over the limit in force: a file written by hand with a lowered limit in force.
    let env = TestEnv::initialized();
    env.new_ticket("One");
    env.run(&["config", "set", "attachments.max_size", "3"])
        .ok();
    let id = env.run(&["show", "TRK-1", "--format", "json"]).json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let event = "d".repeat(32);
    let path = format!("tickets/{}/{id}/{event}/big.txt", &id[..2]);
    let sha = "ed7002b439e9ac845f22357d822bac1444730fbdb6016d3ec9432297b9ec9f73"; // "content"
    let file = |p: &str| {
        format!(
            "version = 1\nkind = \"attach\"\nlamport = 9\nparents = []\nat = \"2026-01-02T00:00:00Z\"\n\n\
             [author]\nname = \"Ann Author\"\nemail = \"ann@example.com\"\n\n[[files]]\nname = \"big.txt\"\n\
             path = \"{p}\"\nsize = 7\nsha256 = \"{sha}\"\n"
        )
    };
    env.craft(
        &[
            (
                &format!("tickets/{}/{id}/{event}.toml", &id[..2]),
                Some(&file(&path)),
            ),
            (&path, Some("content")),
        ],
        "by hand",
    );
    let (code, problems) = env.problem_kinds();
    assert_eq!(code, 3);
    assert_eq!(problems, [("over-limit".to_owned(), path.clone())]);
    // A `path` that is not beside its event makes the file malformed.
    let other = "c".repeat(32);
    let elsewhere = format!("tickets/{}/{id}/{other}.toml", &id[..2]);
    env.craft(&[(&elsewhere, Some(&file("tracker.toml")))], "by hand");
    let (_, problems) = env.problems();
    assert!(
        problems
            .iter()
            .any(|(k, p, m)| k == "malformed" && *p == elsewhere && m.contains("`path` must be")),
        "{problems:?}"
    );
}

#[test]
fn new_attaches_to_the_ticket_and_show_lists_it() {
    let env = TestEnv::initialized();
    let f = env.root.path().join("trace.log");
    std::fs::write(&f, "line 1\nline 2\n").unwrap();
    env.run(&[
        "new",
        "Crash",
        "-m",
        "see the trace",
        "--attach",
        f.to_str().unwrap(),
        "--label",
        "bug",
    ])
    .ok();
    env.new_ticket("Other");
    env.run(&["depend", "TRK-1", "--on", "TRK-2"]).ok();
    let list = attachments(&env, "TRK-1");
    assert_eq!(list[0]["comment"], Value::Null);
    let id = env.run(&["show", "TRK-1", "--format", "json"]).json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let show = env.run(&["show", "TRK-1"]);
    insta::assert_snapshot!("attach_show", show.ok().replace(&id, "<TICKET-ID>"));
}
