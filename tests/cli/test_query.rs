//! Issue 10 (R29): the search query language of docs/search.md. The parser and the word
//! folding are the library's (`git_tracker::model::query`); `tests/reader/query.py` is an
//! independent evaluator written from docs/search.md. These tests check the evaluator itself,
//! that it and the library read queries and fold words alike, that the page's error examples
//! are what the parser says, and that `list`'s flags and the query they stand for
//! (`Query::from_filters`) select the same tickets in the same order. The comparison of the
//! evaluator with `git tracker list --query` comes with the executor.

use std::path::Path;
use std::process::Command;

use git_tracker::model::query::{fold, ListFilters, Query};
use serde_json::{json, Value};

use crate::common::{reader, TestEnv, BIN};

fn python() -> std::path::PathBuf {
    crate::test_format::python()
        .expect("python3 with tomllib (3.11+) is needed for this test; scripts/test.sh installs it")
}

fn script(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reader")
        .join(name)
}

/// Runs a Python script of tests/reader with `args` and `stdin`; (exit code, stdout, stderr).
fn run_python(name: &str, args: &[&str], stdin: &str) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(python())
        .arg(script(name))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// tests/reader/test_query.py: the evaluator's parser, folding and matching on hand-made
/// tickets, and its folding against SQLite FTS5's own tokenizer.
#[test]
fn the_independent_evaluator_passes_its_own_checks() {
    let (code, stdout, stderr) = run_python("test_query.py", &[], "");
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.starts_with("ok"), "{stdout}{stderr}");
}

/// `fold` and the evaluator's folding give the same tokens for every code point (the
/// evaluator skips those its Unicode version does not assign).
#[test]
fn the_library_folds_words_as_the_evaluator_does() {
    let env = TestEnv::new();
    let path = env.root.path().join("fold.tsv");
    let mut lines = String::new();
    for c in (0x80..0x11_0000).filter_map(char::from_u32) {
        let tokens = fold(&format!("a{c}b")).join(" ");
        lines.push_str(&format!("{}\t{tokens}\n", u32::from(c)));
    }
    std::fs::write(&path, lines).unwrap();
    let (code, stdout, stderr) =
        run_python("test_query.py", &["--fold", path.to_str().unwrap()], "");
    assert_eq!(code, 0, "{stdout}{stderr}");
}

/// Queries made of the language's pieces: a deterministic generator, so that failures repeat.
fn corpus() -> Vec<String> {
    const PIECES: [&str; 54] = [
        "fingerprint:",
        "label:",
        "state:",
        "assignee:",
        "reporter:",
        "watcher:",
        "key:",
        "created:",
        "updated:",
        "field:",
        "is:",
        "no:",
        "sort:",
        "limit:",
        "priority:",
        "-",
        "\"",
        "\\",
        "*",
        "..",
        ">",
        ">=",
        "<",
        "<=",
        "=",
        "open",
        "OPEN",
        "closed",
        "all",
        "Resolving",
        "me",
        "none",
        "TRK-",
        "12",
        "3",
        "2026-01-05",
        "T10:00:00Z",
        "+02:00",
        "contested",
        "assignee",
        "os",
        "severity",
        " ",
        "  ",
        "é",
        "a@b.c",
        "Café",
        "x",
        "save",
        "crash",
        "\t",
        ":",
        "ß",
        "İ",
    ];
    let mut out: Vec<String> = [
        "",
        "state:open assignee:me created:>2026-01-01 \"save crash\" -flaky sort:-updated",
        "state:waiting state:testing is:contested no:assignee",
        "key:TRK-3..TRK-9 key:3..9 key:trk-007 created:2026-01-01T10:00:00+02:00..2026-01-31",
        "field:os=\"mac os\" field:notes= field:q=\"a \\\"b\\\" \\\\c\" sort:severity limit:5",
        "\"unterminated",
        "bad\\escape \"a\\n\"",
        "-state:closed",
        "stat:x \"unterminated",
        "sort:key sort:",
        "created:2026-01-01T10:00:0éZ",
    ]
    .map(str::to_owned)
    .to_vec();
    let mut seed: u64 = 0x5eed;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(seed >> 33).unwrap() % n
    };
    for _ in 0..3000 {
        let len = next(10);
        out.push((0..len).map(|_| PIECES[next(PIECES.len())]).collect());
    }
    out
}

/// The library's parser and the evaluator's (written from docs/search.md alone) accept the
/// same queries, give the same canonical text, and put errors at the same column.
#[test]
fn the_library_and_the_evaluator_parse_queries_alike() {
    let corpus = corpus();
    let ours: Vec<Value> = corpus
        .iter()
        .map(|text| match Query::parse(text) {
            Ok(q) => json!({ "canonical": q.to_string() }),
            Err(e) => json!({ "column": e.column }),
        })
        .collect();
    let (code, stdout, stderr) = run_python(
        "query.py",
        &["--canonical"],
        &serde_json::to_string(&corpus).unwrap(),
    );
    assert_eq!(code, 0, "{stderr}");
    let theirs: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(theirs.len(), corpus.len());
    let parsed = ours.iter().filter(|v| v.get("canonical").is_some()).count();
    assert!(parsed > 300 && parsed < corpus.len() - 300, "{parsed}");
    for ((text, a), b) in corpus.iter().zip(&ours).zip(&theirs) {
        assert_eq!(a, b, "query {text:?}");
    }
}

/// The examples of docs/search.md, "Errors", are what the parser says.
#[test]
fn the_error_examples_of_the_docs_are_the_parsers() {
    let page =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/search.md"))
            .unwrap();
    let mut examples = 0;
    let mut lines = page.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(rest) = line.strip_prefix("$ git tracker list --query '") else {
            continue;
        };
        let text = rest.strip_suffix('\'').unwrap();
        let err = Query::parse(text).expect_err(text);
        let mut want = vec![format!("error: {err}")];
        want.extend(err.hint().map(|h| format!("hint: {h}")));
        let mut got = Vec::new();
        while let Some(l) = lines.next_if(|l| !l.is_empty() && !l.starts_with("```")) {
            got.push(l.to_owned());
        }
        assert_eq!(got, want, "docs/search.md, example {text:?}");
        examples += 1;
    }
    assert!(examples >= 6, "{examples}");
}

/// Runs the binary at a given time (RFC 3339) and returns its standard output.
fn at(env: &TestEnv, time: &str, args: &[&str]) -> String {
    let out = env
        .base_command(BIN, &env.repo)
        .env("GIT_TRACKER_NOW", time)
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{args:?}: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// A tracker with a few tickets made by the real binary: states, people, custom fields
/// (one private), comments edited and deleted, creation days apart.
fn tracker() -> TestEnv {
    let env = TestEnv::new();
    env.set_user("Boss", "boss@example.com");
    let mut init = vec!["init", "--managers", "boss@example.com"];
    for set in [
        "roles.developer=dev@example.com",
        "fields.severity.type=choice",
        "fields.severity.choices=low,high",
        "fields.severity.listable=true",
        "fields.os.type=multi-choice",
        "fields.os.choices=linux,mac,windows",
        "fields.cost.type=number",
        "fields.cost.listable=true",
        "fields.secret.type=text",
        "fields.secret.private=true",
        "fields.secret.listable=true",
    ] {
        init.extend(["--set", set]);
    }
    at(&env, "2025-12-01T00:00:00Z", &init);
    env.set_user("Ann", "ann@example.com");
    at(
        &env,
        "2026-01-05T10:00:00Z",
        &[
            "new",
            "Save crash on Café",
            "--assign",
            "bob@example.com",
            "--field",
            "severity=high",
            "--field",
            "os=linux,mac",
        ],
    );
    env.set_user("Bob", "bob@example.com");
    at(
        &env,
        "2026-02-01T00:00:00Z",
        &[
            "new",
            "Crashes when saving",
            "-m",
            "save then crash",
            "--if-absent",
            "ci:Save",
        ],
    );
    at(
        &env,
        "2026-02-02T00:00:00Z",
        &["state", "TRK-2", "resolved"],
    );
    env.set_user("Cy", "cy@example.com");
    at(
        &env,
        "2025-12-31T23:59:59Z",
        &[
            "new",
            "Slow start",
            "--assign",
            "ann@example.com",
            "--field",
            "cost=9.5",
            "--if-absent",
            "ci:slow start",
        ],
    );
    env.set_user("Dev", "dev@example.com");
    at(&env, "2026-01-10T00:00:00Z", &["state", "TRK-3", "waiting"]);
    at(
        &env,
        "2026-01-10T00:01:00Z",
        &[
            "edit",
            "TRK-3",
            "--solution",
            "cache it",
            "--field",
            "secret=x",
            "--field",
            "severity=low",
        ],
    );
    at(
        &env,
        "2026-01-10T00:02:00Z",
        &["watch", "TRK-3", "dee@example.com"],
    );
    env.set_user("Ann", "ann@example.com");
    at(
        &env,
        "2026-01-05T23:59:59Z",
        &[
            "new",
            "Crash, save later",
            "--assign",
            "ann@example.com",
            "--field",
            "os=windows",
        ],
    );
    at(
        &env,
        "2026-01-06T00:00:00Z",
        &["comment", "TRK-4", "-m", "is it flaky?"],
    );
    at(
        &env,
        "2026-01-06T00:01:00Z",
        &["comment", "TRK-1", "-m", "flaky test"],
    );
    at(
        &env,
        "2026-01-06T00:02:00Z",
        &["comment", "TRK-1", "-m", "it was a tmp file"],
    );
    let show = at(
        &env,
        "2026-01-06T00:03:00Z",
        &["show", "TRK-1", "--format", "json"],
    );
    let show: Value = serde_json::from_str(&show).unwrap();
    let comment_id = |i: usize| show["comments"][i]["id"].as_str().unwrap().to_owned();
    at(
        &env,
        "2026-01-06T00:04:00Z",
        &["comment", "delete", "TRK-1", &comment_id(0)],
    );
    at(
        &env,
        "2026-01-06T00:05:00Z",
        &[
            "comment",
            "edit",
            "TRK-1",
            &comment_id(1),
            "-m",
            "Straße works",
        ],
    );
    // Dependencies (R24): TRK-4 waits for TRK-3 (in progress), TRK-1 for TRK-2 (resolved).
    at(
        &env,
        "2026-01-06T00:06:00Z",
        &["depend", "TRK-4", "--on", "TRK-3"],
    );
    at(
        &env,
        "2026-01-06T00:07:00Z",
        &["depend", "TRK-1", "--on", "TRK-2"],
    );
    at(
        &env,
        "2026-01-06T00:08:00Z",
        &["label", "TRK-1", "+ui", "+bug"],
    );
    at(&env, "2026-01-10T00:03:00Z", &["label", "TRK-3", "+bug"]);
    env
}

/// What query.py says of each (query, email of the viewer) on the tracker of `env`: the keys
/// it selects, or its error. One Python process for them all.
fn evaluate(env: &TestEnv, queries: &[(&str, Option<&str>)]) -> Vec<Result<Vec<String>, String>> {
    let repo = env.repo.to_str().unwrap();
    let stdin = serde_json::to_string(queries).unwrap();
    let (code, stdout, stderr) = run_python("query.py", &[repo, "--batch"], &stdin);
    assert_eq!(code, 0, "{stderr}");
    let results: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(results.len(), queries.len());
    results
        .iter()
        .map(|r| match r["keys"].as_array() {
            Some(keys) => Ok(keys
                .iter()
                .map(|k| k.as_str().unwrap().to_owned())
                .collect()),
            None => Err(r["error"].as_str().unwrap().to_owned()),
        })
        .collect()
}

/// The evaluator on a repository the real binary wrote: every kind of term, each on tickets
/// where it has something to drop.
#[test]
fn the_evaluator_reads_a_tracker_the_tool_wrote() {
    let env = tracker();
    let ann = Some("ann@example.com");
    let dev = Some("dev@example.com");
    let k = |ns: &[u32]| -> Vec<String> { ns.iter().map(|n| format!("TRK-{n}")).collect() };
    let cases: &[(&str, Option<&str>, &[u32])] = &[
        ("", None, &[4, 1, 3]),
        ("state:all", None, &[2, 4, 1, 3]),
        ("state:closed", None, &[2]),
        ("state:WAITING", None, &[3]),
        ("state:POSTED state:RESOLVED", None, &[2, 4, 1]),
        ("assignee:me", ann, &[4, 3]),
        ("state:all no:assignee", None, &[2]),
        ("reporter:me", ann, &[4, 1]),
        ("watcher:DEE@example.com", None, &[3]),
        ("state:all key:TRK-2..3", None, &[2, 3]),
        ("key:4 key:trk-1", None, &[4, 1]),
        ("created:2026-01-05", None, &[4, 1]),
        ("state:all created:>2026-01-05", None, &[2]),
        ("created:<=2025-12-31", None, &[3]),
        ("updated:2026-01-06", None, &[4, 1]),
        ("field:severity=HIGH", None, &[1]),
        ("field:os=mac", None, &[1]),
        ("field:severity=", None, &[4]),
        ("field:secret=x", dev, &[3]),
        ("state:all crash", None, &[2, 4, 1]),
        ("cafe", None, &[1]),
        ("strasse", None, &[]),
        ("straße", None, &[1]),
        ("tmp", None, &[]),
        ("flaky", None, &[4]),
        ("-flaky", None, &[1, 3]),
        ("\"save crash\"", None, &[1]),
        ("cach*", None, &[3]),
        ("state:all sort:key limit:3", None, &[1, 2, 3]),
        ("state:all sort:-cost", None, &[3, 1, 2, 4]),
        ("state:all sort:severity", None, &[1, 3, 2, 4]),
        ("is:blocked state:all", None, &[4]),
        ("is:blocking state:all", None, &[3]),
        ("label:bug", None, &[1, 3]),
        ("label:bug label:UI", None, &[1]),
        ("label:nope state:all", None, &[]),
    ];
    let queries: Vec<(&str, Option<&str>)> = cases.iter().map(|(q, me, _)| (*q, *me)).collect();
    for ((query, me, want), got) in cases.iter().zip(evaluate(&env, &queries)) {
        assert_eq!(got, Ok(k(want)), "{query:?} as {me:?}");
    }
    // Refused: a private field for someone without a role, an unknown field, another
    // tracker's key, `me` without an identity, a query that does not parse.
    let refused = [
        ("field:secret=x", ann),
        ("sort:secret", ann),
        ("field:nope=x", dev),
        ("key:BUG-1", None),
        ("assignee:me", None),
        ("stat:open", None),
    ];
    for ((query, me), got) in refused.iter().zip(evaluate(&env, &refused)) {
        assert!(got.is_err(), "{query:?} as {me:?}: {got:?}");
    }
    // One query at a time, as the comparison with `list --query` will run it.
    let v = reader(
        "query.py",
        &env.repo,
        &["reporter:me cafe", "--me", "ann@example.com"],
    );
    assert_eq!(v, json!({ "keys": ["TRK-1"] }));
    let repo = env.repo.to_str().unwrap();
    let (code, stdout, stderr) = run_python("query.py", &[repo, "field:nope=x"], "");
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
}

/// `list`'s flags as `ListFilters`.
fn filters(flags: &[&str]) -> ListFilters {
    let mut f = ListFilters {
        sort: Some("created".into()),
        ..ListFilters::default()
    };
    let mut it = flags.iter();
    while let Some(flag) = it.next() {
        let mut value = || (*it.next().unwrap()).to_owned();
        match *flag {
            "--closed" => f.closed = true,
            "--all" => f.all = true,
            "--mine" => f.mine = true,
            "--work" => f.work = true,
            "--contested" => f.contested = true,
            "--blocked" => f.blocked = true,
            "--blocking" => f.blocking = true,
            "--state" => f.states.push(value()),
            "--assignee" => f.assignee = Some(value()),
            "--reporter" => f.reporter = Some(value()),
            "--sort" => f.sort = Some(value()),
            "--limit" => f.limit = Some(value().parse().unwrap()),
            other => panic!("unknown flag {other}"),
        }
    }
    f
}

/// `Query::from_filters`: the query `list`'s flags stand for selects, per docs/search.md, the
/// tickets `list` shows with those flags, in the same order.
#[test]
fn list_flags_and_their_query_select_the_same_tickets() {
    let env = tracker();
    let listed = |flags: &[&str]| -> Vec<String> {
        let mut args = vec!["list", "--format", "json"];
        args.extend(flags);
        let v: Value = serde_json::from_str(env.run(&args).ok()).unwrap();
        v["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["key"].as_str().unwrap().to_owned())
            .collect()
    };
    let everything = listed(&["--all"]);
    let cases: [&[&str]; 19] = [
        &[],
        &["--all"],
        &["--closed"],
        &["--state", "waiting", "--state", "posted"],
        &["--state", "open", "--all"],
        &["--mine"],
        &["--work"],
        &["--assignee", "bob@example.com"],
        &["--assignee", "none", "--all"],
        &["--reporter", "bob@example.com", "--all"],
        &["--all", "--sort", "key"],
        &["--all", "--sort", "updated"],
        &["--all", "--sort", "state"],
        &["--all", "--sort", "assignee"],
        &["--all", "--sort", "severity"],
        &["--all", "--sort", "cost"],
        &["--all", "--sort", "key", "--limit", "2"],
        &["--blocked"],
        &["--blocking", "--all"],
    ];
    let queries: Vec<String> = cases
        .iter()
        .map(|flags| Query::from_filters(&filters(flags)).unwrap().to_string())
        .collect();
    let ann = Some("ann@example.com");
    let batch: Vec<(&str, Option<&str>)> = queries.iter().map(|q| (q.as_str(), ann)).collect();
    for ((flags, query), evaluated) in cases.iter().zip(&queries).zip(evaluate(&env, &batch)) {
        let listed = listed(flags);
        assert_eq!(evaluated, Ok(listed.clone()), "list {flags:?} = {query:?}");
        // Every filter here drops something, or orders differently from `list --all`.
        assert!(
            listed != everything || *flags == ["--all"],
            "{flags:?} selects what list --all does"
        );
    }
}

/// `git tracker list --query` (the SQLite index) and the independent evaluator agree on the
/// tickets and their order, for every kind of term, as different viewers, and refuse the
/// same queries.
#[test]
fn list_query_agrees_with_the_independent_evaluator() {
    let env = tracker();
    let ann = Some("ann@example.com");
    let dev = Some("dev@example.com");
    let boss = Some("boss@example.com");
    let queries: Vec<(&str, Option<&str>)> = vec![
        ("", None),
        ("state:all", ann),
        ("state:closed", None),
        ("state:WAITING state:resolved", None),
        ("is:open is:closed", None),
        ("assignee:me", ann),
        ("assignee:me assignee:bob@example.com", ann),
        ("state:all no:assignee", None),
        ("assignee:none state:all", dev),
        ("reporter:me", ann),
        ("reporter:BOB@example.com state:all", None),
        ("watcher:DEE@example.com", None),
        ("watcher:me state:all", ann),
        ("state:all key:TRK-2..3", None),
        ("key:4 key:trk-1", None),
        ("key:2..2 state:all", None),
        ("created:2026-01-05", None),
        ("state:all created:>2026-01-05", None),
        ("state:all created:>=2026-01-05 created:<2026-02-01", None),
        ("created:<=2025-12-31", None),
        ("created:2026-01-05T10:00:00Z", None),
        ("created:2025-12-31..2026-01-05 state:all", None),
        ("updated:2026-01-06", None),
        ("state:all updated:>2026-01-06T00:03:00+01:00", None),
        ("field:severity=HIGH", None),
        ("state:all fingerprint:CI:save", None),
        ("fingerprint:ci:save", None),
        (
            "fingerprint:\"ci:slow start\" fingerprint:ci:save state:all",
            None,
        ),
        ("fingerprint:ci", None),
        ("field:os=mac", None),
        ("field:os=linux,mac", None),
        ("field:os=windows state:all", None),
        ("field:severity=", None),
        ("field:secret=x", dev),
        ("field:secret=X", boss),
        ("state:all crash", None),
        ("cafe", None),
        ("CAFÉ", None),
        ("strasse", None),
        ("straße", None),
        ("tmp", None),
        ("flaky", None),
        ("-flaky", None),
        ("state:all -crash", None),
        ("\"save crash\"", None),
        ("\"crash save\" state:all", None),
        ("-\"save crash\" state:all", None),
        ("cach*", None),
        ("\"save cr\"* state:all", None),
        ("save-crash", None),
        ("is:contested state:all", None),
        ("is:blocked", None),
        ("is:blocked state:all", ann),
        ("is:blocking state:all", None),
        ("is:blocking is:blocked state:all", None),
        ("label:bug", None),
        ("label:Bug label:ui state:all", ann),
        ("label:bug -crash", None),
        ("label:\"a,b\"", None),
        ("state:all sort:key limit:3", None),
        ("state:all sort:-key", None),
        ("state:all sort:created", None),
        ("state:all sort:-updated", None),
        ("state:all sort:state", None),
        ("state:all sort:-state", None),
        ("state:all sort:assignee", None),
        ("state:all sort:-assignee", None),
        ("state:all sort:priority", None),
        ("state:all sort:-cost", None),
        ("state:all sort:cost", None),
        ("state:all sort:severity", None),
        ("state:all sort:-severity limit:2", None),
        ("state:all sort:secret", dev),
        // Refused by both.
        ("field:secret=x", ann),
        ("sort:secret", ann),
        ("sort:os", dev),
        ("field:nope=x", dev),
        ("key:BUG-1", None),
        ("assignee:me", None),
        ("watcher:none", None),
        ("stat:open", None),
        ("created:2026-13-01", None),
        ("\"unclosed", None),
        ("priority:1", None),
    ];
    let expected = evaluate(&env, &queries);
    for ((query, me), want) in queries.iter().zip(expected) {
        match me {
            Some(email) => env.set_user("Viewer", email),
            None => env.set_user("", ""),
        }
        let mut cmd = env.command_in(&env.repo, &["list", "--query", query, "--format", "json"]);
        if me.is_none() {
            cmd.env_remove("GIT_AUTHOR_NAME")
                .env_remove("GIT_AUTHOR_EMAIL");
        }
        let out = cmd.output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        match want {
            Ok(keys) => {
                assert_eq!(out.status.code(), Some(0), "{query:?} as {me:?}: {stderr}");
                let v: Value = serde_json::from_str(&stdout).unwrap();
                let got: Vec<String> = v["tickets"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t["key"].as_str().unwrap().to_owned())
                    .collect();
                assert_eq!(got, keys, "{query:?} as {me:?}");
            }
            Err(why) => {
                assert_eq!(
                    out.status.code(),
                    Some(2),
                    "{query:?} as {me:?}: the evaluator refuses it ({why}), the tool said: {stdout}{stderr}"
                );
                assert!(stderr.starts_with("error: "), "{stderr}");
            }
        }
    }
}

/// `list`'s search options, each on tickets where it has something to drop, and each error
/// naming its option and the column.
#[test]
fn list_search_options_narrow_and_name_their_errors() {
    let env = tracker();
    env.set_user("Ann", "ann@example.com");
    let keys = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list", "--all", "--sort", "key", "--format", "json"];
        all.extend_from_slice(args);
        env.run(&all).json()["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["key"].as_str().unwrap().to_owned())
            .collect()
    };
    let k = |ns: &[u32]| -> Vec<String> { ns.iter().map(|n| format!("TRK-{n}")).collect() };
    assert_eq!(keys(&[]), k(&[1, 2, 3, 4]));
    assert_eq!(keys(&["--key", "TRK-2..3"]), k(&[2, 3]));
    assert_eq!(keys(&["--key", "1", "--key", "trk-4"]), k(&[1, 4]));
    assert_eq!(keys(&["--watcher", "dee@example.com"]), k(&[3]));
    assert_eq!(keys(&["--watcher", "me"]), k(&[1, 3, 4]));
    assert_eq!(keys(&["--created", "2026-01-05"]), k(&[1, 4]));
    assert_eq!(
        keys(&["--created", ">=2026-01-05", "--created", "<2026-02-01"]),
        k(&[1, 4])
    );
    assert_eq!(keys(&["--updated", ">2026-01-06"]), k(&[2, 3]));
    assert_eq!(keys(&["--field", "os=MAC"]), k(&[1]));
    assert_eq!(keys(&["--field", "severity="]), k(&[2, 4]));
    assert_eq!(keys(&["-S", "crash"]), k(&[1, 2, 4]));
    assert_eq!(keys(&["--search", "crash -flaky"]), k(&[1, 2]));
    assert_eq!(keys(&["--search", "\"save crash\""]), k(&[1]));
    assert_eq!(
        keys(&["--query", "crash assignee:me", "--field", "os=windows"]),
        k(&[4])
    );
    // The flags and the query narrow together; the query's sort and limit win.
    assert_eq!(
        keys(&["--query", "sort:-key limit:2", "--key", "1..3"]),
        k(&[3, 2])
    );
    // Errors: exit 2, the option, the value and the column.
    let err = env.run(&["list", "--created", ">2026-13-01"]);
    assert!(
        err.bad_input()
            .contains("--created \">2026-13-01\": at column"),
        "{err}"
    );
    let err = env.run(&["list", "--query", "state:open stat:closed"]);
    assert!(
        err.bad_input()
            .contains("--query \"state:open stat:closed\": at column 12: unknown qualifier"),
        "{err}"
    );
    let err = env.run(&["list", "--search", "state:open"]);
    assert!(err.bad_input().contains("takes words only"), "{err}");
    let err = env.run(&["list", "--field", "secret=x"]);
    assert!(
        err.bad_input().contains("unknown field \"secret\""),
        "{err}"
    );
}
