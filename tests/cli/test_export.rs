//! `export` and `import` (issue 14, R36): the round trip of a generated tracker with every
//! kind of event, people's files and binary files, idempotence, an import killed half-way,
//! bad inputs, and GitHub's issues.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use chrono::{DateTime, Utc};
use git_tracker::model::event::{attachment_path, sha256_hex, Attachment, Move};
use git_tracker::model::notify::NotifyEvent;
use git_tracker::model::people::{PersonAction, PersonEvent};
use git_tracker::model::rank::Rank;
use git_tracker::model::{
    Action, CommitId, Event, EventId, Person, State, TicketId, TrackerConfig,
};
use git_tracker::store::{init_repository, layout, person_id, FileWrite, Store};
use serde_json::Value;

use crate::common::{reader, Run, TestEnv};

/// A small deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn id(&mut self) -> [u8; 16] {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&self.next().to_le_bytes());
        b[8..].copy_from_slice(&self.next().to_le_bytes());
        b
    }
}

fn people() -> [Person; 3] {
    [
        Person::new("Ann Author", "ann@example.com").unwrap(),
        Person::new("Bob Ünicode", "bob@example.com").unwrap(),
        Person::new("Cy", "cy@example.org").unwrap(),
    ]
}

/// Writes a tracker of `n` tickets into the repository at `repo` through the library, in one
/// commit: every kind of event, people's saved queries and preferences, and a binary file
/// (with NUL bytes) next to an event of every tenth ticket.
fn generate(repo: &Path, n: usize) {
    let store = Store::open(Some(repo)).unwrap();
    let who = people();
    let mut rng = Rng(14);
    let base = DateTime::<Utc>::from_timestamp(1_767_225_600, 0).unwrap();
    let mut config = TrackerConfig::default();
    config.set("name", "Generated").unwrap();
    config.set("roles.manager", "ann@example.com").unwrap();
    config.set("fields.severity.type", "choice").unwrap();
    config.set("fields.severity.choices", "low,high").unwrap();
    let mut files = vec![FileWrite {
        path: "tracker.toml".into(),
        content: config.to_toml().into_bytes(),
    }];
    for (k, (p, action)) in [
        (
            &who[0],
            PersonAction::Query {
                name: "mine".into(),
                query: "assignee:me".into(),
            },
        ),
        (
            &who[1],
            PersonAction::Prefs {
                on: vec![NotifyEvent::Comment],
                off: vec![NotifyEvent::Assign],
            },
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let e = PersonEvent {
            id: EventId::from_random(rng.id()),
            lamport: 1,
            at: base + chrono::TimeDelta::seconds(k as i64),
            author: p.clone(),
            action,
        };
        files.push(FileWrite {
            path: layout::person_event_path(&person_id(&p.email), &e.id),
            content: e.to_toml().into_bytes(),
        });
    }
    let mut previous: Option<TicketId> = None;
    for i in 0..n {
        let ticket = TicketId::from_random(rng.id());
        let mut at = base + chrono::TimeDelta::minutes(i as i64);
        let mut events: Vec<Event> = Vec::new();
        let mut comments: Vec<EventId> = Vec::new();
        let mut state = State::Posted;
        let kinds = 2 + rng.below(10);
        for k in 0..=kinds {
            let author = who[rng.below(3)].clone();
            let action = if k == 0 {
                Action::Create {
                    number: i as u64 + 1,
                    title: format!("Ticket {i}: «{}»", ["crash", "typo", "slow"][i % 3]),
                    description: if i % 4 == 0 {
                        String::new()
                    } else {
                        format!("line one\nline\ttwo of {i}")
                    },
                    assignee: (i % 3 == 0).then(|| who[1].clone()),
                    watchers: if i % 5 == 0 {
                        vec![who[2].clone()]
                    } else {
                        Vec::new()
                    },
                    fingerprint: (i % 7 == 0).then(|| format!("ci/job-{i}")),
                }
            } else {
                match (k + i) % 10 {
                    0 | 1 => {
                        let to = State::ALL[rng.below(State::ALL.len())];
                        let from = std::mem::replace(&mut state, to);
                        Action::State {
                            from,
                            to,
                            message: if k % 2 == 0 {
                                "why not".into()
                            } else {
                                String::new()
                            },
                            automatic: k == 1,
                        }
                    }
                    2 | 3 => Action::Comment {
                        body: format!("comment {k} on {i} ✓"),
                    },
                    4 if !comments.is_empty() => Action::CommentEdit {
                        comment: comments[0].clone(),
                        body: "edited".into(),
                    },
                    5 if !comments.is_empty() => Action::CommentDelete {
                        comment: comments[comments.len() - 1].clone(),
                    },
                    6 => Action::Assign {
                        assignee: (k % 2 == 0).then(|| who[2].clone()),
                    },
                    7 => Action::Watch {
                        person: who[0].clone(),
                        events: (k % 2 == 0).then(|| vec![NotifyEvent::Resolved]),
                    },
                    8 => Action::Unwatch {
                        person: who[2].clone(),
                    },
                    4 | 5 => Action::Edit {
                        title: Some(format!("Ticket {i}, renamed")),
                        description: None,
                        solution: Some("a solution".into()),
                    },
                    _ => Action::Field {
                        name: "severity".into(),
                        value: ["low", "high", ""][k % 3].into(),
                    },
                }
            };
            let e = Event {
                id: EventId::from_random(rng.id()),
                ticket: ticket.clone(),
                lamport: k as u64 + 1,
                parents: events.last().map(|p| p.id.clone()).into_iter().collect(),
                at,
                author,
                action,
                // Some events came from a project commit (`scan`): the id round-trips too.
                commit: (k % 11 == 3)
                    .then(|| CommitId::parse(&format!("{:040x}", i * 1000 + k)).unwrap()),
            };
            if matches!(e.action, Action::Comment { .. }) {
                comments.push(e.id.clone());
            }
            at += chrono::TimeDelta::seconds(7);
            events.push(e);
        }
        // The kinds of issue 13 (ranks, raise requests, dependencies, labels, attachments).
        let extra = |action: Action, events: &mut Vec<Event>, id: EventId| {
            let last = events.last().unwrap();
            let e = Event {
                id,
                ticket: ticket.clone(),
                lamport: last.lamport + 1,
                parents: vec![last.id.clone()],
                at: last.at + chrono::TimeDelta::seconds(3),
                author: who[i % 3].clone(),
                action,
                commit: None,
            };
            events.push(e);
        };
        match i % 5 {
            1 => extra(
                Action::Label {
                    add: vec!["bug".into(), format!("l{}", i % 4)],
                    remove: vec!["ui".into()],
                },
                &mut events,
                EventId::from_random(rng.id()),
            ),
            2 => extra(
                Action::Depend {
                    on: previous.clone().unwrap(),
                },
                &mut events,
                EventId::from_random(rng.id()),
            ),
            3 => {
                let raise = EventId::from_random(rng.id());
                extra(
                    Action::Raise {
                        reason: "blocks the release".into(),
                        urgent: i % 2 == 0,
                    },
                    &mut events,
                    raise.clone(),
                );
                let decision = if i % 2 == 0 {
                    Action::Priority {
                        rank: Rank::parse(&format!("V{}", i % 9 + 1)).unwrap(),
                        how: Move::Raise,
                        anchor: None,
                        request: Some(raise),
                    }
                } else {
                    Action::RaiseRefuse {
                        request: raise,
                        message: "not now".into(),
                    }
                };
                extra(decision, &mut events, EventId::from_random(rng.id()));
            }
            4 => {
                let on = previous.clone().unwrap();
                extra(
                    Action::Depend { on: on.clone() },
                    &mut events,
                    EventId::from_random(rng.id()),
                );
                extra(
                    Action::Undepend { on },
                    &mut events,
                    EventId::from_random(rng.id()),
                );
            }
            _ => {}
        }
        if i % 10 == 0 {
            let mut bytes = vec![0u8, 0xff, b'\n', 0, 1, 2];
            bytes.extend(format!("attachment of {i}").bytes());
            let id = EventId::from_random(rng.id());
            let path = attachment_path(&ticket, &id, "shot.bin");
            extra(
                Action::Attach {
                    comment: None,
                    files: vec![Attachment {
                        name: "shot.bin".into(),
                        path: path.clone(),
                        size: bytes.len() as u64,
                        sha256: sha256_hex(&bytes),
                    }],
                },
                &mut events,
                id,
            );
            files.push(FileWrite {
                path,
                content: bytes,
            });
        }
        files.extend(events.iter().map(FileWrite::event));
        previous = Some(ticket);
    }
    store
        .commit(None, &files, "generated", &who[0], base)
        .unwrap();
}

/// A second, empty repository under the environment's root.
fn empty_repo(env: &TestEnv, name: &str) -> PathBuf {
    let dir = env.root.path().join(name);
    init_repository(&dir, false).unwrap();
    dir
}

fn commits(env: &TestEnv, repo: &Path) -> usize {
    let out = env
        .base_command("git", repo)
        .args(["rev-list", "--count", "refs/heads/tracker"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(0)
}

fn export(env: &TestEnv, repo: &Path) -> String {
    env.run_in(repo, &["export"]).ok().to_owned()
}

/// Issue 14: a generated tracker of 1 000 tickets (every kind of event, people's files,
/// binary files) exports, imports into an empty repository and exports again to the same
/// bytes; a second import adds nothing; the independent reader agrees with the imported
/// tickets.
#[test]
fn a_generated_tracker_round_trips_byte_for_byte() {
    let env = TestEnv::new();
    generate(&env.repo, 1000);
    let first = export(&env, &env.repo);
    let doc: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(doc["format"], "git-tracker-export");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["tickets"].as_array().unwrap().len(), 1000);
    assert_eq!(doc["people"].as_array().unwrap().len(), 2);
    let kinds: std::collections::BTreeSet<&str> = doc["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["events"].as_array().unwrap())
        .map(|e| e["action"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        [
            "assign",
            "attach",
            "comment",
            "comment-delete",
            "comment-edit",
            "create",
            "depend",
            "edit",
            "field",
            "label",
            "priority",
            "raise",
            "raise-refuse",
            "state",
            "undepend",
            "unwatch",
            "watch"
        ],
        "every kind of event is in the export"
    );
    let from_commits = doc["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["events"].as_array().unwrap())
        .filter(|e| e["commit"].as_str().is_some_and(|c| c.len() == 40))
        .count();
    assert!(
        from_commits > 0,
        "events recorded by scan keep their commit"
    );
    let with_files: Vec<&Value> = doc["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t.get("files").is_some())
        .collect();
    assert_eq!(with_files.len(), 100);
    assert!(with_files[0]["files"][0]["base64"]
        .as_str()
        .unwrap()
        .starts_with("AP8KAAEC"));

    let file = env.root.path().join("export.json");
    std::fs::write(&file, &first).unwrap();
    let copy = empty_repo(&env, "copy");
    let run = env.run_in(&copy, &["import", file.to_str().unwrap()]);
    run.ok();
    assert!(
        run.stderr.contains("Created the tracker \"Generated\"")
            && run.stderr.contains("Imported 1000 new tickets of 1000"),
        "{run}"
    );
    // One commit for the configuration, then one per author of the events.
    assert_eq!(commits(&env, &copy), 4, "{run}");
    assert_eq!(
        export(&env, &copy),
        first,
        "export, import, export: the same bytes"
    );

    // The binary file is on the branch byte for byte.
    let t = with_files[0];
    let path = format!(
        "{}/{}",
        layout::ticket_dir(&TicketId::parse(t["id"].as_str().unwrap()).unwrap()),
        t["files"][0]["path"].as_str().unwrap()
    );
    let blob = env
        .base_command("git", &copy)
        .args(["cat-file", "blob", &format!("tracker:{path}")])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(&blob[..6], &[0u8, 0xff, b'\n', 0, 1, 2]);

    // Importing it again adds nothing.
    let again = env.run_in(&copy, &["import", file.to_str().unwrap()]);
    again.ok();
    assert!(
        again.stderr.contains("Nothing to import: all 1000 tickets"),
        "{again}"
    );
    assert_eq!(commits(&env, &copy), 4);

    // The independent reader agrees with the imported tickets (a sample of them).
    let theirs = reader("recompute.py", &copy, &[]);
    let theirs = theirs["tickets"].as_array().unwrap();
    assert_eq!(theirs.len(), 1000);
    for t in theirs.iter().step_by(211) {
        let key = t["key"].as_str().unwrap();
        let mut ours = env.run_in(&copy, &["show", key, "--format", "json"]).json();
        let obj = ours.as_object_mut().unwrap();
        obj.remove("schema_version");
        obj.remove("provisional");
        assert_eq!(&ours, t, "the reader and the tool disagree on {key}");
    }
}

/// Issue 14: an import into an existing tracker adds the tickets, leaves the configuration
/// alone, gives a taken number the next free one, and a second run adds nothing.
#[test]
fn an_import_into_a_tracker_keeps_its_configuration_and_renumbers_collisions() {
    let env = TestEnv::new();
    generate(&env.repo, 3);
    let file = env.root.path().join("three.json");
    std::fs::write(&file, export(&env, &env.repo)).unwrap();

    let other = empty_repo(&env, "other");
    env.run_in(&other, &["init", "--prefix", "OPS-", "--name", "Ops"])
        .ok();
    env.run_in(&other, &["new", "Already here"]).ok();
    let before = env.run_in(&other, &["config", "show"]).ok().to_owned();
    let run = env.run_in(&other, &["import", file.to_str().unwrap()]);
    insta::assert_snapshot!(run.to_string(), @r#"
    --- stderr ---
    OPS-4: the file's ticket 1 (that number was taken)
    Imported 3 new tickets of 3 (23 events, 1 other files, 2 people's files) in 3 commits.
    [exit status: 0]
    "#);
    assert_eq!(env.run_in(&other, &["config", "show"]).ok(), before);
    let list = env.run_in(&other, &["list", "--all"]);
    insta::assert_snapshot!(list.ok(), @r"
    PRIO  TICKET  SUMMARY            REPORTED    REPORTER     ASSIGNEE  STATE    WATCH  LABELS
    -     OPS-3   Ticket 2: «slow»   2026-01-01  Cy           -         POSTED   2      -
    -     OPS-1   Already here       2026-01-01  Ann Author   -         POSTED   1      -
    -     OPS-2   Ticket 1: «typo»   2026-01-01  Bob Ünicode  -         POSTED   2      bug,l1
    -     OPS-4   Ticket 0: «crash»  2026-01-01  Cy           Cy        TESTING  3      -
    ");
    // Every event kept its author: verify finds no forged author.
    let verify = env.run_in(&other, &["verify"]);
    assert!(!verify.stdout.contains("forged-author"), "{verify}");
    let n = commits(&env, &other);
    let again = env.run_in(&other, &["import", file.to_str().unwrap()]);
    assert!(again.stderr.contains("Nothing to import"), "{again}");
    assert_eq!(commits(&env, &other), n);

    // `-o FILE` writes what standard output gets; `import -` reads standard input.
    let out = env.root.path().join("o.json");
    let run = env.run_in(&other, &["export", "-o", out.to_str().unwrap()]);
    assert!(run.ok().is_empty(), "{run}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), export(&env, &other));
    let before = env.tip();
    let stdin = env.run_stdin(&["import", "-"], &std::fs::read(&file).unwrap());
    assert_eq!(
        stdin.stderr, "Nothing to import: all 3 tickets of standard input are here already.\n",
        "{stdin}"
    );
    assert_eq!(env.tip(), before);
}

/// Issue 14: an export is the whole tracker or nothing: in support mode a reporter, who sees
/// only their own tickets, may not export.
#[test]
fn only_people_who_see_everything_may_export() {
    let env = TestEnv::new();
    env.run(&["init", "--mode", "support"]).ok();
    env.new_ticket("Ann's");
    env.set_user("Eve", "eve@example.com");
    env.new_ticket("Eve's");
    let run = env.run(&["export"]);
    assert!(run.stdout.is_empty(), "{run}");
    insta::assert_snapshot!(run.bad_input(), @r"
    error: the whole tracker is not shown to you in support mode
    hint: in support mode reporters see their own tickets; in task mode, also their work
    ");
    env.set_user("Ann Author", "ann@example.com");
    let doc: Value = serde_json::from_str(&export(&env, &env.repo)).unwrap();
    assert_eq!(doc["tickets"].as_array().unwrap().len(), 2);
}

/// Issue 14: an import killed after its first batch is finished by a second run, with no
/// duplicate: the result is the one a single run gives.
#[test]
fn an_import_killed_half_way_completes_when_run_again() {
    let env = TestEnv::new();
    generate(&env.repo, 60);
    let first = export(&env, &env.repo);
    let file = env.root.path().join("sixty.json");
    std::fs::write(&file, &first).unwrap();
    let copy = empty_repo(&env, "copy");
    let pause = env.root.path().join("pause");
    std::fs::create_dir_all(&pause).unwrap();

    // Batches of about 100 files: the import stops after the first one, and is killed.
    let mut child = env
        .command_in(&copy, &["import", file.to_str().unwrap()])
        .env("GIT_TRACKER_IMPORT_BATCH", "100")
        .env(
            "GIT_TRACKER_PAUSE",
            format!("import-batch:{}", pause.display()),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let reached = pause.join("import-batch.reached");
    let start = std::time::Instant::now();
    while !reached.exists() {
        assert!(start.elapsed().as_secs() < 60, "the import never paused");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let listed = env
        .run_in(&copy, &["list", "--all", "--format", "json"])
        .json();
    let part = listed["tickets"].as_array().unwrap().len();
    assert!(
        0 < part && part < 60,
        "{part} tickets after the first batch"
    );

    let run = env.run_in(&copy, &["import", file.to_str().unwrap()]);
    run.ok();
    assert!(
        run.stderr
            .contains(&format!("Imported {} new tickets of 60", 60 - part)),
        "{run}"
    );
    assert_eq!(export(&env, &copy), first, "no duplicate, nothing missing");
}

fn bad(env: &TestEnv, args: &[&str], name: &str, text: &str) -> Run {
    std::fs::write(env.root.path().join(name), text).unwrap();
    let path = format!("../{name}");
    let mut all: Vec<&str> = vec!["import"];
    all.extend(args);
    all.push(&path);
    env.run(&all)
}

/// Issue 14: a malformed file, another format or version, an unknown state, a bad event:
/// exit 2 naming the place in the file, and nothing written — in a repository without a
/// tracker and into an existing one.
#[test]
fn bad_input_names_the_place_and_writes_nothing() {
    let env = TestEnv::new();
    let good = {
        let src = TestEnv::new();
        generate(&src.repo, 2);
        export(&src, &src.repo)
    };
    let doc: Value = serde_json::from_str(&good).unwrap();
    let with = |f: &dyn Fn(&mut Value)| {
        let mut d = doc.clone();
        f(&mut d);
        d.to_string()
    };
    let cases = [
        ("malformed.json", &["--from", "tracker"][..], good[..good.len() / 2].to_owned()),
        ("version.json", &[][..], with(&|d| d["version"] = 2.into())),
        ("format.json", &[][..], with(&|d| d["format"] = "jira".into())),
        (
            "state.json",
            &[][..],
            with(&|d| {
                d["tickets"][1]["events"][0]["action"] =
                    serde_json::json!({"kind": "state", "from": "POSTED", "to": "CLOSED"});
            }),
        ),
        (
            "kind.json",
            &[][..],
            with(&|d| d["tickets"][0]["events"][1]["action"]["kind"] = "frobnicate".into()),
        ),
        (
            "email.json",
            &[][..],
            with(&|d| d["tickets"][0]["events"][0]["author"]["email"] = "nobody".into()),
        ),
        (
            "path.json",
            &[][..],
            with(&|d| d["tickets"][0]["files"] = serde_json::json!([{"path": "../../etc/passwd", "base64": ""}])),
        ),
        (
            "github.json",
            &["--from", "github"][..],
            r#"[{"number": 1, "title": "t", "state": "MERGED", "createdAt": "2024-01-01T00:00:00Z"}]"#.to_owned(),
        ),
    ];
    let mut out = String::new();
    for initialized in [false, true] {
        if initialized {
            env.run(&["init"]).ok();
        }
        let tip = env.tip();
        for (name, args, text) in &cases {
            let run = bad(&env, args, name, text);
            let err = run.bad_input();
            if !initialized {
                out += err;
            }
            assert_eq!(env.tip(), tip, "{name}: nothing is written");
        }
    }
    insta::assert_snapshot!(out, @r#"
    error: ../malformed.json: not valid JSON (line 190, column 20): EOF while parsing a value at line 190 column 20
    hint: nothing was written; docs/export.md describes the file
    error: ../version.json, at /version: unsupported version 2: this git-tracker reads version 1
    hint: nothing was written; docs/export.md describes the file
    error: ../format.json, at /format: "jira" is not "git-tracker-export": this is not a git-tracker export
    hint: nothing was written; docs/export.md describes the file
    error: ../state.json, at /tickets/1/events/0/action: unknown variant `CLOSED`, expected one of `POSTED`, `OPEN`, `RESOLVING`, `WAITING`, `TESTING`, `VALIDATED`, `PUBLISHED`, `RESOLVED`, `ABANDONNED`, `TRANSFERED`
    hint: nothing was written; docs/export.md describes the file
    error: ../kind.json, at /tickets/0/events/1/action: unknown variant `frobnicate`, expected one of `create`, `state`, `comment`, `comment-edit`, `comment-delete`, `assign`, `watch`, `unwatch`, `field`, `edit`, `priority`, `raise`, `raise-refuse`, `depend`, `undepend`, `label`, `attach`, `origin`, `transfer`
    hint: nothing was written; docs/export.md describes the file
    error: ../email.json, at /tickets/0/events/0: author: invalid email address "nobody"
    hint: nothing was written; docs/export.md describes the file
    error: ../path.json, at /tickets/0/files/0/path: "../../etc/passwd" is not a relative path of plain names
    hint: nothing was written; docs/export.md describes the file
    error: ../github.json, at /0/state: unknown state "MERGED": expected OPEN or CLOSED
    hint: nothing was written; docs/export.md describes the file
    "#);
}

const SAMPLE: &str = "tests/data/github-issues.json";

/// Issue 14: the hand-written GitHub sample (labels, closed issues, comments, Unicode, an
/// issue without a body, a bot, a deleted user) imports as docs/export.md says; again, it
/// adds nothing; the independent reader agrees.
#[test]
fn github_issues_import_as_documented() {
    let env = TestEnv::new();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    let run = env.run(&["import", "--from", "github", sample.to_str().unwrap()]);
    insta::assert_snapshot!(run.to_string(), @r#"
    --- stderr ---
    Created the tracker "repo" on branch tracker.
    Imported 4 new tickets of 4 (21 events, 0 other files, 0 people's files) in 8 commits.
    [exit status: 0]
    "#);
    insta::assert_snapshot!(env.run(&["list", "--all"]).ok(), @r"
    PRIO  TICKET  SUMMARY                      REPORTED    REPORTER  ASSIGNEE  STATE     WATCH  LABELS
    -     TRK-12  Export to CSV                2024-03-02  zoë-dev   -         OPEN      1      -
    -     TRK-9   Docs in Japanese: 日本語     2024-01-31  octocat   octocat   OPEN      2      documentation
    -     TRK-8   App crashes on sync          2024-01-16  hubot     -         RESOLVED  1      bug,duplicate
    -     TRK-7   Crash when tapping « Sync »  2024-01-15  monalisa  octocat   RESOLVED  4      bug,mobile-app
    ");
    insta::assert_snapshot!(env.run(&["show", "TRK-7"]).ok(), @r"
    TRK-7  Crash when tapping « Sync »
      id:        6856a0193b9094181cdbe5f697572f8c
      state:     RESOLVED (finished)
      reporter:  monalisa <monalisa@users.noreply.github.com>
      assignee:  octocat <octocat@users.noreply.github.com>
      priority:  - (finished tickets are not ranked)
      created:   2024-01-15 11:00 +00:00
      updated:   2024-01-20 17:45 +00:00
      labels:    bug, mobile-app
      watchers:  app/dependabot <app-dependabot@users.noreply.github.com>, hubot <hubot@users.noreply.github.com>, monalisa <monalisa@users.noreply.github.com>, octocat <octocat@users.noreply.github.com>
      github:    7

    Description
        Steps:
        1. open the app
        2. tap « Sync »
        
        It crashes 💥

    Comments (3)
      [c1b6fafa] octocat <octocat@users.noreply.github.com>, 2024-01-16 09:00 +00:00
        Reproduced on 2.1. Looking into it.
      [7d2c0437] app/dependabot <app-dependabot@users.noreply.github.com>, 2024-01-18 12:30 +00:00
        Bumps sync-lib from 1.0 to 1.1.
      [e5e4aed3] monalisa <monalisa@users.noreply.github.com>, 2024-01-20 17:44 +00:00
        Fixed by the bump, thanks! 🎉

    Transitions
      2024-01-15 11:00 +00:00  POSTED -> OPEN  monalisa <monalisa@users.noreply.github.com>
      2024-01-20 17:45 +00:00  OPEN -> RESOLVED  Ann Author <ann@example.com>
    ");
    let n = env.commits();
    let again = env.run(&["import", "--from", "github", sample.to_str().unwrap()]);
    assert!(again.stderr.contains("Nothing to import"), "{again}");
    assert_eq!(env.commits(), n);

    let theirs = reader("recompute.py", &env.repo, &[]);
    let theirs = theirs["tickets"].as_array().unwrap();
    assert_eq!(theirs.len(), 4);
    for t in theirs {
        let key = t["key"].as_str().unwrap();
        let mut ours = env.run(&["show", key, "--format", "json"]).json();
        let obj = ours.as_object_mut().unwrap();
        obj.remove("schema_version");
        obj.remove("provisional");
        assert_eq!(&ours, t, "the reader and the tool disagree on {key}");
    }
}

/// Issue 14: into an existing tracker, a GitHub import adds the fields it needs (a
/// configuration change: refused in strict mode to anyone but a manager, with nothing
/// written).
#[test]
fn github_import_into_a_strict_tracker_needs_a_manager() {
    let env = TestEnv::new();
    env.run(&["init", "--strict", "--managers", "boss@example.com"])
        .ok();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    env.set_user("Eve", "eve@example.com");
    let tip = env.tip();
    let run = env.run(&["import", "--from", "github", sample.to_str().unwrap()]);
    run.bad_input();
    assert_eq!(env.tip(), tip);
    env.set_user("Ann Author", "ann@example.com");
    // A tracker that restricts its labels gets GitHub's added to the allowed ones.
    env.run(&["config", "set", "labels.allowed", "wontfix"])
        .ok();
    let run = env.run(&["import", "--from", "github", sample.to_str().unwrap()]);
    assert!(
        run.ok().is_empty() && run.stderr.contains("Added the fields"),
        "{run}"
    );
    let fields = env.run(&["config", "get", "fields.github.type"]);
    assert_eq!(fields.ok().trim(), "number");
    let allowed = env.run(&["config", "get", "labels.allowed"]);
    assert_eq!(
        allowed.ok().trim(),
        "wontfix,bug,documentation,duplicate,mobile-app"
    );
    let listed = env.run(&["list", "--all", "--label", "mobile-app", "--format", "json"]);
    let keys: Vec<String> = listed.json()["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["key"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(keys, ["TRK-7"]);
}

/// Issue 14: the import's progress goes to a terminal's stderr (cleared at the end), never
/// into a pipe.
#[test]
fn progress_is_shown_on_a_terminal_only() {
    let env = TestEnv::new();
    generate(&env.repo, 20);
    let file = env.root.path().join("twenty.json");
    std::fs::write(&file, export(&env, &env.repo)).unwrap();
    let piped = empty_repo(&env, "piped");
    let run = env.run_in(&piped, &["import", file.to_str().unwrap()]);
    run.ok();
    assert!(
        !run.stderr.contains('\x1b') && !run.stderr.contains("Importing"),
        "{run}"
    );

    let tty = empty_repo(&env, "tty");
    let line = format!("{} import {}", crate::common::BIN, file.display());
    let out = env
        .base_command("script", &tty)
        .env("GIT_TRACKER_NOW", env.tick())
        .args(["-qefc", &line, "/dev/null"])
        .output()
        .expect("script (util-linux) runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("\r\x1b[2K"),
        "the progress line is cleared: {text:?}"
    );
    assert!(text.contains("Imported 20 new tickets of 20"), "{text:?}");
}
