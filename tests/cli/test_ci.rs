//! R62, the CI helpers of issue 12: re-runnable moves, `close`/`reopen`, `new --format json`,
//! CI logs (CRLF, colours, progress bars) accepted as text, and the jobs of docs/ci.md run end
//! to end from fresh clones.

use crate::common::{Run, TestEnv};
use crate::test_sync::Net;

#[test]
fn moving_to_the_state_a_ticket_is_in_changes_nothing_and_succeeds() {
    let env = TestEnv::initialized();
    env.new_ticket("build failed"); // TRK-1
    let before = env.commits();
    let run = env.run(&["close", "TRK-1", "-m", "green again"]);
    assert_eq!(run.ok(), "");
    assert_eq!(run.stderr, "TRK-1: POSTED -> RESOLVED\n");
    assert_eq!(env.commits(), before + 1);
    // The same job again: exit 0, a note, no commit — with `close` and with `state`.
    for args in [
        vec!["close", "TRK-1"],
        vec!["state", "TRK-1", "resolved", "-m", "again"],
    ] {
        let run = env.run(&args);
        assert_eq!(run.ok(), "");
        assert_eq!(
            run.stderr, "TRK-1 is already RESOLVED; nothing changed.\n",
            "{args:?}"
        );
    }
    assert_eq!(env.commits(), before + 1);
    // reopen is `state open --reopen`; twice is once.
    let run = env.run(&["reopen", "TRK-1"]);
    assert_eq!(run.stderr, "TRK-1: RESOLVED -> OPEN\n");
    let run = env.run(&["reopen", "TRK-1"]);
    assert_eq!(run.stderr, "TRK-1 is already OPEN; nothing changed.\n");
    assert_eq!(env.commits(), before + 2);
    // A move the rules refuse is still refused.
    env.run(&["close", "TRK-1"]).ok();
    assert_eq!(
        env.run(&["state", "TRK-1", "waiting"]).bad_input(),
        "error: the ticket is RESOLVED, a finished state: moving it back to WAITING needs \
         --reopen\nhint: allowed states: VALIDATED, ABANDONNED\n"
    );
}

#[test]
fn new_prints_key_id_and_provisional_as_json() {
    let env = TestEnv::initialized();
    let json = env.run(&["new", "build failed", "--format", "json"]).json();
    let id = json["id"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 32, "{json}");
    assert_eq!(
        json,
        serde_json::json!({"schema_version": 1, "key": "TRK-1", "id": id, "provisional": false,
            "created": true})
    );
    let shown = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(shown["id"], json["id"]);
}

#[test]
fn a_ci_log_with_crlf_colours_and_progress_is_cleaned_not_refused() {
    let env = TestEnv::initialized();
    let log = env.root.path().join("build.log");
    std::fs::write(
        &log,
        "cargo test\r\n\u{1b}[1m\u{1b}[31merror\u{1b}[0m: 2 tests failed\r\n\
         downloading 10%\r50%\r100%\r\n",
    )
    .unwrap();
    let run = env.run(&["new", "build failed", "--body-file", log.to_str().unwrap()]);
    assert_eq!(run.ok(), "TRK-1\n");
    assert_eq!(
        run.stderr,
        format!(
            "Note: carriage returns, terminal escape sequences and control characters were \
             removed from {}.\nCreated TRK-1\n",
            log.display()
        )
    );
    let json = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(
        json["description"],
        "cargo test\nerror: 2 tests failed\ndownloading 10%\n50%\n100%\n"
    );
    // The same from standard input, for a comment.
    let run = env.run_stdin(
        &["comment", "TRK-1", "--body-file", "-"],
        b"again\r\n\x1b[32mok\x1b[0m\r\n",
    );
    run.ok();
    assert!(run.stderr.starts_with(
        "Note: carriage returns, terminal escape sequences and control characters were \
         removed from standard input.\n"
    ));
    let json = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(json["comments"][0]["body"], "again\nok\n");
    // Text given with -m is taken as typed: control characters there are still refused.
    let run = env.run(&["comment", "TRK-1", "-m", "bell\u{7}"]);
    assert_eq!(
        run.bad_input(),
        "error: the comment contains control characters\n"
    );
}

/// The keys of `list --all --query QUERY`, in key order.
fn keys(env: &TestEnv, query: &str) -> Vec<String> {
    let json = env
        .run(&[
            "list", "--all", "--sort", "key", "--query", query, "--format", "json",
        ])
        .json();
    json["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["key"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn if_absent_files_one_ticket_per_fingerprint_in_progress() {
    let env = TestEnv::initialized();
    env.new_ticket("unrelated"); // TRK-1
    let file = |fp: &str| {
        env.run(&[
            "new",
            "Build failed on main",
            "--if-absent",
            fp,
            "--format",
            "json",
        ])
    };
    let first = file("ci:build:main");
    assert_eq!(first.json()["key"], "TRK-2");
    assert_eq!(first.json()["created"], true);
    env.new_ticket("another"); // TRK-3
    let before = env.commits();
    // The job fails again: the same ticket, exit 0, nothing written; the case does not matter.
    for fp in ["ci:build:main", "CI:Build:Main"] {
        let again = file(fp);
        assert_eq!(again.code, 0, "{again}");
        let json = again.json();
        assert_eq!(json["key"], "TRK-2", "{fp}");
        assert_eq!(json["created"], false);
        assert_eq!(json["id"], first.json()["id"]);
        assert_eq!(
            again.stderr,
            format!("TRK-2 is in progress with fingerprint {fp}; nothing was filed.\n")
        );
    }
    let plain = env.run(&[
        "new",
        "Build failed on main",
        "--if-absent",
        "ci:build:main",
    ]);
    assert_eq!(plain.ok(), "TRK-2\n");
    assert_eq!(env.commits(), before);
    // Another fingerprint is another ticket.
    assert_eq!(file("ci:build:release").json()["key"], "TRK-4");
    // The fingerprint is on the ticket: JSON, show, and the query language.
    let shown = env.run(&["show", "TRK-2", "--format", "json"]).json();
    assert_eq!(shown["fingerprint"], "ci:build:main");
    assert_eq!(
        env.run(&["show", "TRK-1", "--format", "json"]).json()["fingerprint"],
        serde_json::Value::Null
    );
    assert!(env
        .run(&["show", "TRK-2"])
        .ok()
        .contains("\n  fingerprint: ci:build:main\n"));
    assert_eq!(keys(&env, "fingerprint:ci:build:main"), ["TRK-2"]);
    assert_eq!(
        keys(
            &env,
            "fingerprint:ci:build:main fingerprint:ci:build:release"
        ),
        ["TRK-2", "TRK-4"]
    );
    assert_eq!(keys(&env, "fingerprint:ci:build"), Vec::<String>::new());
    // Once it is closed, the next failure files a new ticket.
    env.run(&["close", "TRK-2", "-m", "green"]).ok();
    let next = file("ci:build:main").json();
    assert_eq!(
        (next["key"].as_str(), next["created"].as_bool()),
        (Some("TRK-5"), Some(true))
    );
    assert_eq!(keys(&env, "fingerprint:ci:build:main"), ["TRK-2", "TRK-5"]);
}

#[test]
fn a_bad_fingerprint_is_refused_before_anything_is_written() {
    let env = TestEnv::initialized();
    let before = env.commits();
    let long = "x".repeat(201);
    for (fp, error) in [
        (
            "a\nb",
            "error: the fingerprint must be one line without control characters\n",
        ),
        (" ", "error: the fingerprint is empty\n"),
        (
            long.as_str(),
            "error: the fingerprint is 201 characters, over the limit of 200 characters\n",
        ),
    ] {
        assert_eq!(
            env.run(&["new", "t", "--if-absent", fp]).bad_input(),
            error,
            "{fp:?}"
        );
    }
    assert_eq!(env.commits(), before);
    // 200 characters are fine.
    let ok = "y".repeat(200);
    assert_eq!(env.run(&["new", "t", "--if-absent", &ok]).ok(), "TRK-1\n");
}

#[test]
fn new_sync_publishes_at_once_and_prints_the_final_key() {
    let net = Net::new();
    let a = net.env.repo.clone();
    let b = net.clone("b");
    // a files TRK-1 and publishes it; b, which has not synced since, files a ticket with --sync:
    // it is TRK-1 in b until the sync settles it as TRK-2, and TRK-2 is what it prints.
    net.new_ticket(&a, "First");
    net.sync(&a);
    let run = net.run(&b, &["new", "Second", "--sync", "--format", "json"]);
    assert_eq!(run.code, 0, "{run}");
    let json = run.json();
    assert_eq!(json["key"], "TRK-2", "{run}");
    assert_eq!(json["provisional"], false);
    assert_eq!(
        run.stderr,
        "Created TRK-1; publishing it.\nTRK-1 is now TRK-2\nCombined with origin and pushed.\n\
         Published TRK-2.\n"
    );
    // The key is final: another clone that syncs sees the ticket under it.
    net.sync(&a);
    let shown = net.run(&a, &["show", "TRK-2", "--format", "json"]).json();
    assert_eq!(shown["title"], "Second");
    assert_eq!(shown["id"], json["id"]);
    // Nothing is left to push.
    assert_eq!(net.sync(&b).stderr, "Already in sync with origin.\n");

    // --if-absent --sync looks at the remote first: a, behind b, finds b's ticket.
    let filed = net
        .run(
            &b,
            &["new", "Nightly failed", "--if-absent", "nightly", "--sync"],
        )
        .ok()
        .to_owned();
    assert_eq!(filed, "TRK-3\n");
    let again = net.run(
        &a,
        &["new", "Nightly failed", "--if-absent", "nightly", "--sync"],
    );
    assert_eq!(again.ok(), "TRK-3\n");
    net.sync(&b);
    assert_eq!(
        net.run(&b, &["list", "--format", "json"]).json()["tickets"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn new_sync_that_cannot_publish_fails_and_says_the_ticket_waits_here() {
    let env = TestEnv::initialized();
    let gone = env.root.path().join("gone.git");
    env.git(&["remote", "add", "origin", gone.to_str().unwrap()]);
    let run = env.run(&["new", "Offline", "--sync"]);
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.ends_with(
            "hint: TRK-1 was filed in this clone but not published: 'git tracker sync' \
             publishes it\n"
        ),
        "{run}"
    );
    assert_eq!(
        env.run(&["show", "TRK-1", "--format", "json"]).json()["title"],
        "Offline"
    );
}

/// The steps of docs/ci.md: each ```sh block whose first line is `# step: NAME`.
fn ci_steps() -> Vec<(String, String)> {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/ci.md"),
    )
    .unwrap();
    doc.split("```sh\n# step: ")
        .skip(1)
        .map(|b| {
            let (name, rest) = b.split_once('\n').unwrap();
            (
                name.to_owned(),
                rest.split("```").next().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The ```yaml blocks of docs/ci.md (GitHub Actions, then GitLab CI).
fn ci_jobs() -> Vec<String> {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/ci.md"),
    )
    .unwrap();
    doc.split("```yaml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap().to_owned())
        .collect()
}

/// Runs step `name` of docs/ci.md with `sh -e` in `dir`, with `git tracker` on PATH and the
/// job's variables.
fn ci_step(net: &Net, dir: &std::path::Path, name: &str, vars: &[(&str, &str)]) -> Run {
    let (_, script) = ci_steps()
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("docs/ci.md has no step {name}"));
    assert!(
        std::process::Command::new("jq")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success()),
        "jq is needed for this test (docs/ci.md uses it); scripts/test.sh installs it"
    );
    let bin_dir = std::path::Path::new(crate::common::BIN).parent().unwrap();
    let path = std::env::join_paths(
        std::iter::once(bin_dir.to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let mut cmd = net.env.base_command("sh", dir);
    cmd.env("PATH", path)
        .env("GIT_TRACKER_NOW", net.env.tick())
        .args(["-e", "-c", &script]);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    Run::from(cmd.output().unwrap())
}

/// Both jobs of docs/ci.md run the steps the tests run, line for line.
#[test]
fn the_documented_jobs_run_the_tested_steps() {
    let steps = ci_steps();
    assert_eq!(
        steps.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        ["on-failure", "on-success", "scan"]
    );
    let jobs = ci_jobs();
    assert_eq!(jobs.len(), 2);
    for job in &jobs {
        let lines: Vec<&str> = job.lines().map(str::trim).collect();
        for (name, script) in &steps {
            for line in script.lines().map(str::trim).filter(|l| !l.is_empty()) {
                assert!(
                    lines.contains(&line),
                    "step {name}: {line:?} is not in the job\n{job}"
                );
            }
        }
    }
}

/// Issue 12: the CI story end to end, each job in a fresh `git clone` of the shared remote,
/// running the steps of docs/ci.md as printed.
#[test]
fn ci_files_once_closes_once_and_scans_once_from_fresh_clones() {
    let net = crate::test_clone::team();
    let dev = net.env.repo.clone();
    net.new_ticket(&dev, "Slow start"); // TRK-1
    net.sync(&dev);
    // A ticket filed in the developer's clone and not shared yet: provisional TRK-2.
    net.new_ticket(&dev, "Local idea");
    let url = "https://ci.example.com/runs/7";
    let vars = [("BRANCH", "main"), ("RUN_URL", url)];
    let remote_commits = || {
        net.env
            .git_in(&net.remote, &["rev-list", "--count", "tracker"])
            .trim()
            .parse::<usize>()
            .unwrap()
    };

    // The build fails, twice: one ticket, the same key both times.
    let ci = crate::test_clone::git_clone(&net, "ci-1");
    let run = ci_step(&net, &ci, "on-failure", &vars);
    assert_eq!(run.ok(), "TRK-2\n", "{run}");
    let ci = crate::test_clone::git_clone(&net, "ci-2");
    let run = ci_step(&net, &ci, "on-failure", &vars);
    assert_eq!(run.ok(), "TRK-2\n", "{run}");
    assert!(
        run.stderr
            .contains("TRK-2 is in progress with fingerprint ci:build:main; nothing was filed."),
        "{run}"
    );
    // The key is final: the developer's sync settles their own ticket on another number.
    let sync = net.sync(&dev);
    assert!(sync.stderr.contains("TRK-2 is now TRK-3"), "{sync}");
    let show = net.run(&dev, &["show", "TRK-2", "--format", "json"]).json();
    assert_eq!(show["title"], "Build failed on main");
    assert_eq!(show["fingerprint"], "ci:build:main");
    assert_eq!(
        show["description"],
        format!("The build of main failed: {url}")
    );
    let listed = net
        .run(
            &dev,
            &[
                "list",
                "--all",
                "--query",
                "fingerprint:ci:build:main",
                "--format",
                "json",
            ],
        )
        .json();
    assert_eq!(listed["tickets"].as_array().unwrap().len(), 1);

    // The build is green, twice: closed once, and the re-run succeeds.
    let ci = crate::test_clone::git_clone(&net, "ci-3");
    let run = ci_step(&net, &ci, "on-success", &vars);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.contains("TRK-2: POSTED -> RESOLVED"), "{run}");
    let closed = remote_commits();
    let ci = crate::test_clone::git_clone(&net, "ci-4");
    let run = ci_step(&net, &ci, "on-success", &vars);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(remote_commits(), closed);
    // `close` itself, twice: exit 0 both times.
    for _ in 0..2 {
        let run = net.run(&ci, &["close", "TRK-2", "-m", "green"]);
        assert_eq!(run.code, 0, "{run}");
    }
    assert_eq!(
        net.run(&ci, &["show", "TRK-2", "--format", "json"]).json()["transitions"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Commits pushed to main: the scan step, twice, moves and comments once per ticket.
    let before = net
        .env
        .git_in(&dev, &["rev-parse", "HEAD"])
        .trim()
        .to_owned();
    for m in [
        "Start faster\n\nFixes TRK-1",
        "Note the failed build (refs TRK-2)",
    ] {
        net.env
            .git_in(&dev, &["commit", "-q", "--allow-empty", "-m", m]);
    }
    net.env.git_in(&dev, &["push", "-q", "origin", "main"]);
    let after = net
        .env
        .git_in(&dev, &["rev-parse", "HEAD"])
        .trim()
        .to_owned();
    let vars = [("BEFORE", before.as_str()), ("AFTER", after.as_str())];
    let ci = crate::test_clone::git_clone(&net, "ci-5");
    let run = ci_step(&net, &ci, "scan", &vars);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stdout.contains(" TRK-1   fixes    POSTED -> RESOLVED "),
        "{run}"
    );
    assert!(run.stdout.contains(" TRK-2   refs     commented "), "{run}");
    let scanned = remote_commits();
    let ci = crate::test_clone::git_clone(&net, "ci-6");
    let run = ci_step(&net, &ci, "scan", &vars);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stdout.contains(" TRK-1   fixes    already recorded "),
        "{run}"
    );
    assert_eq!(remote_commits(), scanned);
    net.sync(&dev);
    let ticket = |key: &str| net.run(&dev, &["show", key, "--format", "json"]).json();
    let (one, two) = (ticket("TRK-1"), ticket("TRK-2"));
    assert_eq!(one["state"], "RESOLVED");
    assert_eq!(one["transitions"].as_array().unwrap().len(), 1);
    assert_eq!(one["comments"].as_array().unwrap().len(), 0);
    assert_eq!(two["comments"].as_array().unwrap().len(), 1);
    assert_eq!(two["transitions"].as_array().unwrap().len(), 1);
    // A push with no old commit to compare with (a new branch: zeros) scans nothing.
    let zeros = "0".repeat(40);
    let vars = [("BEFORE", zeros.as_str()), ("AFTER", after.as_str())];
    let run = ci_step(&net, &ci, "scan", &vars);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run}");
}
