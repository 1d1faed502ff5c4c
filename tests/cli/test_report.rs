//! R50–R54: `git tracker report` on a history built through the CLI with a controlled clock.
//! Every figure is checked in JSON against numbers worked out by hand (see `history`), and
//! the table, CSV and Markdown outputs are checked to carry the same numbers.

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

use crate::common::{Run, TestEnv};

const DAY: i64 = 86_400;
/// The end of every report's window: everything below happens before it.
const UNTIL: &str = "2026-03-01T00:00:00Z";

/// Runs a command as if at `when`.
fn at(env: &TestEnv, when: &str, args: &[&str]) -> Run {
    let out = env
        .command_in(&env.repo, args)
        .env("GIT_TRACKER_NOW", when)
        .output()
        .unwrap();
    let run = Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    };
    run.ok();
    run
}

/// Four tickets, all times in 2026, UTC:
/// - TRK-1 (Ann) created Jan 5 10:00, assigned to Bob Jan 5 12:00, OPEN Jan 6, RESOLVED
///   Jan 8, reopened (OPEN) Feb 2, RESOLVED again Feb 4 (all at 10:00).
/// - TRK-2 (Cy) created Jan 10 10:00 assigned to Cy, reassigned to Bob Jan 11, TRANSFERED
///   Jan 12.
/// - TRK-3 (Ann) created Feb 1 10:00, OPEN Feb 3: still open at the end.
/// - TRK-4 (Ann) created Feb 10 10:00, ABANDONNED Feb 11.
fn history() -> TestEnv {
    let env = TestEnv::new();
    // A parent, so that TRANSFERED is enabled (R10).
    at(
        &env,
        "2026-01-01T00:00:00Z",
        &["init", "--set", "parent=up"],
    );
    let t = |d: &str| format!("2026-{d}:00Z");
    at(&env, &t("01-05T10:00"), &["new", "one", "-m", "x"]);
    at(
        &env,
        &t("01-05T12:00"),
        &["assign", "TRK-1", "bob@example.com"],
    );
    at(&env, &t("01-06T10:00"), &["state", "TRK-1", "open"]);
    at(&env, &t("01-08T10:00"), &["state", "TRK-1", "resolved"]);
    env.set_user("Cy", "cy@example.com");
    at(
        &env,
        &t("01-10T10:00"),
        &["new", "two", "-m", "x", "--assign", "cy@example.com"],
    );
    at(
        &env,
        &t("01-11T10:00"),
        &["assign", "TRK-2", "bob@example.com"],
    );
    at(&env, &t("01-12T10:00"), &["state", "TRK-2", "transfered"]);
    env.set_user("Ann Author", "ann@example.com");
    at(&env, &t("02-01T10:00"), &["new", "three", "-m", "x"]);
    at(
        &env,
        &t("02-02T10:00"),
        &["state", "TRK-1", "open", "--reopen"],
    );
    at(&env, &t("02-03T10:00"), &["state", "TRK-3", "open"]);
    at(&env, &t("02-04T10:00"), &["state", "TRK-1", "resolved"]);
    at(&env, &t("02-10T10:00"), &["new", "four", "-m", "x"]);
    at(&env, &t("02-11T10:00"), &["state", "TRK-4", "abandonned"]);
    env
}

fn report(env: &TestEnv, args: &[&str]) -> Run {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    at(env, "2026-03-15T00:00:00Z", &all)
}

fn json_report(env: &TestEnv, kind: &str, extra: &[&str]) -> Value {
    let mut args = vec![kind, "--until", UNTIL, "--format", "json"];
    args.extend_from_slice(extra);
    report(env, &args).json()
}

fn states_map(pairs: &[(&str, u64)]) -> Value {
    let mut m = serde_json::Map::new();
    for s in [
        "POSTED",
        "OPEN",
        "RESOLVING",
        "WAITING",
        "TESTING",
        "VALIDATED",
        "PUBLISHED",
        "RESOLVED",
        "ABANDONNED",
        "TRANSFERED",
    ] {
        let n = pairs.iter().find(|(k, _)| *k == s).map_or(0, |(_, n)| *n);
        m.insert(s.into(), json!(n));
    }
    Value::Object(m)
}

fn stats(count: u64, mean: f64, median: f64, p90: i64, censored: u64, longest: Value) -> Value {
    json!({"count": count, "mean": mean, "median": median, "p90": p90,
           "censored": censored, "censored_longest": longest})
}

/// The whole checked history, built once per test (each test has its own repository).
#[test]
fn every_report_in_json_matches_the_hand_computed_figures() {
    let env = history();

    let s = json_report(&env, "states", &[]);
    assert_eq!(s["schema_version"], 1);
    assert_eq!(s["report"], "states");
    assert_eq!(s["window"]["until"], UNTIL);
    assert_eq!(s["window"]["since"], Value::Null);
    assert_eq!(
        s["states"],
        states_map(&[
            ("OPEN", 1),
            ("RESOLVED", 1),
            ("ABANDONNED", 1),
            ("TRANSFERED", 1)
        ])
    );
    assert_eq!(s["total"], 4);
    assert_eq!(s["in_progress"], json!({"count": 1, "share": 0.25}));
    assert_eq!(s["finished"], json!({"count": 3, "share": 0.75}));
    assert_eq!(s["shares"]["OPEN"], 0.25);

    let p = json_report(&env, "people", &[]);
    let rows = |key: &str| -> Vec<(Value, Value, Value)> {
        p[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["person"]["email"].clone(),
                    r["states"].clone(),
                    r["total"].clone(),
                )
            })
            .collect()
    };
    // TRK-2 was reassigned from Cy to Bob: it counts for Bob.
    assert_eq!(
        rows("assignees"),
        [
            (
                json!("bob@example.com"),
                states_map(&[("RESOLVED", 1), ("TRANSFERED", 1)]),
                json!(2)
            ),
            (
                Value::Null,
                states_map(&[("OPEN", 1), ("ABANDONNED", 1)]),
                json!(2)
            ),
        ]
    );
    assert_eq!(
        rows("reporters"),
        [
            (
                json!("ann@example.com"),
                states_map(&[("OPEN", 1), ("RESOLVED", 1), ("ABANDONNED", 1)]),
                json!(3)
            ),
            (
                json!("cy@example.com"),
                states_map(&[("TRANSFERED", 1)]),
                json!(1)
            ),
        ]
    );

    let t = json_report(&env, "trend", &[]);
    assert_eq!(t["since"], "2026-01-01T00:00:00Z");
    assert_eq!(t["backlog_at_start"], 0);
    assert_eq!(
        t["periods"],
        json!([
            {"start": "2026-01-01T00:00:00Z", "end": "2026-02-01T00:00:00Z", "label": "2026-01",
             "created": 2, "finished": 2, "reopened": 0, "backlog": 0, "finished_total": 2},
            {"start": "2026-02-01T00:00:00Z", "end": "2026-03-01T00:00:00Z", "label": "2026-02",
             "created": 2, "finished": 2, "reopened": 1, "backlog": 1, "finished_total": 3},
        ])
    );
    let creation: Vec<(Value, Value, Value)> = t["by_creation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["label"].clone(),
                r["states"].clone(),
                r["elucidation"]["value"].clone(),
            )
        })
        .collect();
    assert_eq!(
        creation,
        [
            (
                json!("2026-01"),
                states_map(&[("RESOLVED", 1), ("TRANSFERED", 1)]),
                json!(1.0)
            ),
            (
                json!("2026-02"),
                states_map(&[("OPEN", 1), ("ABANDONNED", 1)]),
                json!(0.0)
            ),
        ]
    );
    assert_eq!(
        t["elucidation"],
        json!({"numerator": 2, "denominator": 3, "value": 2.0 / 3.0})
    );

    // Weekly, in UTC+10: TRK-1 is created on Monday Jan 5 at 20:00 local (week 2), TRK-2 on
    // Saturday Jan 10 at 20:00 (the same week).
    let w = json_report(&env, "trend", &["--by", "week", "--tz", "+10:00"]);
    let first = &w["periods"][0];
    assert_eq!(first["label"], "2026-W02");
    assert_eq!(first["start"], "2026-01-04T14:00:00Z");
    assert_eq!(first["created"], 2);
    // A named zone with daylight saving time: February starts at 23:00 UTC in Paris.
    let paris = json_report(&env, "trend", &["--tz", "Europe/Paris"]);
    assert_eq!(paris["window"]["tz"], "Europe/Paris");
    assert_eq!(paris["periods"][1]["start"], "2026-01-31T23:00:00Z");

    let d = json_report(&env, "delays", &[]);
    // Resolution: TRK-4 1 day, TRK-2 2 days, TRK-1 30 days (to its second resolution);
    // TRK-3 is still open: censored at the window's end after 27 days 14 hours.
    let open3 = json!(27 * DAY + 14 * 3600);
    assert_eq!(
        d["resolution"],
        stats(
            3,
            (33 * DAY) as f64 / 3.0,
            (2 * DAY) as f64,
            30 * DAY,
            1,
            open3.clone()
        )
    );
    // First response: 1, 2, 2 and 1 days.
    assert_eq!(
        d["first_response"],
        stats(
            4,
            1.5 * DAY as f64,
            1.5 * DAY as f64,
            2 * DAY,
            0,
            Value::Null
        )
    );
    let by = d["by_assignee"].as_array().unwrap();
    assert_eq!(by.len(), 2);
    assert_eq!(by[0]["assignee"]["email"], "bob@example.com");
    assert_eq!(
        by[0]["resolution"],
        stats(
            2,
            16.0 * DAY as f64,
            16.0 * DAY as f64,
            30 * DAY,
            0,
            Value::Null
        )
    );
    assert_eq!(by[1]["assignee"], Value::Null);
    assert_eq!(
        by[1]["resolution"],
        stats(1, DAY as f64, DAY as f64, DAY, 1, open3)
    );
    assert_eq!(d["by_priority"].as_array().unwrap().len(), 1);
    assert_eq!(d["by_priority"][0]["priority"], Value::Null);
    assert_eq!(d["by_priority"][0]["band"], "unranked");
    // Time in OPEN: TRK-1 2 days then 2 days; TRK-3 still there since Feb 3 10:00.
    assert_eq!(
        d["time_in_state"]["OPEN"],
        stats(
            2,
            (2 * DAY) as f64,
            (2 * DAY) as f64,
            2 * DAY,
            1,
            json!(25 * DAY + 14 * 3600)
        )
    );

    // The window and the filters: tickets created in February, then Bob's only.
    let feb = json_report(&env, "states", &["--since", "2026-02-01"]);
    assert_eq!(feb["total"], 2);
    assert_eq!(feb["window"]["since"], "2026-02-01T00:00:00Z");
    let bob = json_report(&env, "states", &["--assignee", "bob@example.com"]);
    assert_eq!(bob["total"], 2);
    let open = json_report(&env, "states", &["--state", "open"]);
    assert_eq!(open["states"]["OPEN"], 1);
    assert_eq!(open["total"], 1);
    // As of Feb 3 (inclusive), TRK-1 was reopened and TRK-4 did not exist yet.
    let then = report(
        &env,
        &["states", "--until", "2026-02-03", "--format", "json"],
    )
    .json();
    assert_eq!(then["window"]["until"], "2026-02-04T00:00:00Z");
    assert_eq!(then["states"]["OPEN"], 2);
    assert_eq!(then["total"], 3);

    // `all` holds every kind.
    let all = json_report(&env, "all", &[]);
    assert_eq!(all["report"], "all");
    assert_eq!(all["states"]["states"], s["states"]);
    assert_eq!(all["trend"]["periods"], t["periods"]);
    assert_eq!(all["delays"]["resolution"], d["resolution"]);
    assert_eq!(all["people"]["assignees"], p["assignees"]);

    same_numbers_in_every_format(&env);
}

/// An empty window: no ticket created, zero counts, null statistics, and a backlog that
/// still counts the older open ticket.
#[test]
fn an_empty_window_has_zeros_and_nulls() {
    let env = history();
    let args = [
        "--since",
        "2026-06-01",
        "--until",
        "2026-06-02",
        "--by",
        "day",
        "--format",
        "json",
    ];
    let mut a = vec!["trend"];
    a.extend_from_slice(&args);
    let t = report(&env, &a).json();
    let periods = t["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 2);
    for p in periods {
        assert_eq!(p["created"], 0);
        assert_eq!(p["finished"], 0);
        assert_eq!(p["backlog"], 1, "TRK-3 is still open");
    }
    assert_eq!(t["elucidation"]["value"], Value::Null);
    a[0] = "delays";
    let d = report(&env, &a).json();
    assert_eq!(
        d["resolution"],
        json!({"count": 0, "mean": null, "median": null, "p90": null,
               "censored": 0, "censored_longest": null})
    );
    a[0] = "states";
    assert_eq!(report(&env, &a).json()["total"], 0);
}

/// Bad windows and options are usage errors.
#[test]
fn bad_windows_are_refused() {
    let env = TestEnv::initialized();
    for args in [
        vec![
            "report",
            "states",
            "--since",
            "2026-02-01",
            "--until",
            "2026-01-01",
        ],
        vec!["report", "states", "--since", "yesterday"],
        vec!["report", "trend", "--tz", "Mars/Olympus"],
        vec!["report", "states", "--state", "closed"],
        vec!["report", "states", "--assignee", "not an email"],
        vec!["report", "trend", "--since", "1970-01-01", "--by", "day"],
    ] {
        let run = env.run(&args);
        run.bad_input();
    }
}

/// A human duration as the table, Markdown and HTML print it.
fn human_duration(seconds: f64) -> String {
    let total = seconds.round() as u64;
    if total == 0 {
        return "0s".into();
    }
    let parts = [
        (total / 86_400, "d"),
        (total % 86_400 / 3_600, "h"),
        (total % 3_600 / 60, "m"),
        (total % 60, "s"),
    ];
    parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, u)| format!("{n}{u}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The CSV blocks of a report: each a header and rows of fields (no field here needs quotes
/// but the people's names, which have none of `,"`).
fn csv_blocks(text: &str) -> Vec<Vec<Vec<String>>> {
    text.split("\r\n\r\n")
        .map(|block| {
            block
                .split("\r\n")
                .filter(|l| !l.is_empty())
                .map(|l| l.split(',').map(str::to_owned).collect())
                .collect()
        })
        .collect()
}

/// The CSV carries the JSON's numbers; the table and Markdown show the same cells, in the
/// same order, in their human form.
fn same_numbers_in_every_format(env: &TestEnv) {
    let run = |kind: &str, format: &str| {
        report(env, &[kind, "--until", UNTIL, "--format", format])
            .ok()
            .to_owned()
    };
    for kind in ["states", "people", "trend", "delays"] {
        let csv = run(kind, "csv");
        let table = run(kind, "table");
        let md = run(kind, "md");
        let blocks = csv_blocks(&csv);
        assert!(!blocks.is_empty());
        for block in &blocks {
            let header = &block[0];
            for row in &block[1..] {
                assert_eq!(row.len(), header.len(), "{kind}: {row:?}");
                let human: Vec<String> = header
                    .iter()
                    .zip(row)
                    .map(|(h, v)| humanize(h, v))
                    .collect();
                // Markdown: the row, cell for cell.
                let md_row = format!(
                    "| {} |",
                    human
                        .iter()
                        .map(|c| c.replace('<', "\\<").replace('>', "\\>"))
                        .collect::<Vec<_>>()
                        .join(" | ")
                );
                assert!(md.contains(&md_row), "{kind}: {md_row} not in\n{md}");
                // Table: a line with the cells in order.
                assert!(
                    table.lines().any(|l| in_order(l, &human)),
                    "{kind}: {human:?} not in\n{table}"
                );
            }
        }
    }
    // Spot checks of the CSV against the JSON figures.
    let csv = run("delays", "csv");
    assert!(
        csv.contains(&format!(
            "all,resolution,3,950400,172800,{},1,{}\r\n",
            30 * DAY,
            27 * DAY + 14 * 3600
        )),
        "{csv}"
    );
    let csv = run("trend", "csv");
    assert!(
        csv.contains("2026-02,2026-02-01 00:00,2,2,1,1,3\r\n"),
        "{csv}"
    );
    assert!(csv.contains("2,3,0.6666666666666666\r\n"), "{csv}");
    let csv = run("states", "csv");
    assert!(csv.contains("OPEN,in progress,1,0.25\r\n"), "{csv}");
}

/// The human form of an exact CSV value, by column.
fn humanize(header: &str, value: &str) -> String {
    let durations = ["mean", "median", "p90", "longest running"];
    let shares = ["share", "ratio", "elucidation"];
    if value.is_empty() {
        let numeric = durations.contains(&header) || shares.contains(&header);
        return if numeric { "-" } else { "" }.into();
    }
    if durations.contains(&header) {
        human_duration(value.parse().unwrap())
    } else if shares.contains(&header) {
        format!("{:.1}%", value.parse::<f64>().unwrap() * 100.0)
    } else {
        value.to_owned()
    }
}

fn in_order(line: &str, cells: &[String]) -> bool {
    let mut rest = line;
    for c in cells.iter().filter(|c| !c.is_empty()) {
        match rest.find(c.as_str()) {
            Some(i) => rest = &rest[i + c.len()..],
            None => return false,
        }
    }
    true
}

/// The HTML page is self-contained, and headless Chromium (Debian's `chromium` package,
/// installed by scripts/test.sh) loads it and takes a screenshot without errors.
#[test]
fn the_html_report_is_self_contained_and_renders_in_chromium() {
    let env = history();
    let page = env.root.path().join("report.html");
    let run = report(
        &env,
        &["html", "--until", UNTIL, "-o", page.to_str().unwrap()],
    );
    assert!(run.stdout.is_empty(), "{run}");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.trim_end().ends_with("</html>"));
    assert_eq!(html.matches("<svg ").count(), 3, "three charts");
    assert!(html.contains("@media print"));
    for external in [
        "<script", "<link", "<img", "<iframe", "src=", "url(", "@import",
    ] {
        assert!(!html.contains(external), "the page refers to {external}");
    }
    // The figures are in it too.
    assert!(html.contains("<td>2026-02</td>"));
    // Every tag opened is closed (a light well-formedness check of the tables and SVG).
    for tag in ["table", "tr", "svg", "figure", "h2", "title"] {
        assert_eq!(
            html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count(),
            html.matches(&format!("</{tag}>")).count(),
            "<{tag}>"
        );
    }

    let shot = env.root.path().join("report.png");
    let dom = chromium(env.root.path(), &page, &["--dump-dom"]);
    assert!(
        dom.contains("<svg"),
        "Chromium did not build the page:\n{dom}"
    );
    assert!(dom.contains("Tickets per state"));
    chromium(
        env.root.path(),
        &page,
        &[
            "--window-size=1000,3000",
            &format!("--screenshot={}", shot.display()),
        ],
    );
    let png = std::fs::read(&shot).expect("Chromium wrote no screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(
        png.len() > 10_000,
        "a blank screenshot? {} bytes",
        png.len()
    );
    // On paper: the print style sheet applies and Chromium prints the page to PDF.
    let pdf = env.root.path().join("report.pdf");
    chromium(
        env.root.path(),
        &page,
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
        ],
    );
    let pdf = std::fs::read(&pdf).expect("Chromium printed no PDF");
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    assert!(pdf.len() > 10_000, "an empty PDF? {} bytes", pdf.len());
}

/// Runs headless Chromium on `page` and returns its stdout.
fn chromium(root: &Path, page: &Path, extra: &[&str]) -> String {
    let profile = tempfile::tempdir_in(root).unwrap();
    let found = Command::new("chromium").arg("--version").output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "this test needs Debian's chromium package: run scripts/test.sh, or apt-get install chromium"
    );
    let out = Command::new("timeout")
        .arg("120")
        .arg("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .env("HOME", root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "chromium failed ({}):\n{stderr}",
        out.status
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// R54: an independent program (`tests/reader/report.py`, Python written from
/// docs/reports.md) recomputes every figure of a random history — reopenings,
/// reassignments, tickets left open, priority moves — and agrees exactly with `report all`.
#[test]
fn an_independent_recomputation_agrees_on_a_random_history() {
    const STATES: [&str; 10] = [
        "POSTED",
        "OPEN",
        "RESOLVING",
        "WAITING",
        "TESTING",
        "VALIDATED",
        "PUBLISHED",
        "RESOLVED",
        "ABANDONNED",
        "TRANSFERED",
    ];
    const FINISHED: [&str; 4] = ["RESOLVED", "ABANDONNED", "TRANSFERED", "VALIDATED"];
    let people = ["ann@example.com", "bob@example.com", "cy@example.com"];
    let env = TestEnv::new();
    let mut seed: u64 = 0x5eed_2026;
    let mut rand = |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    let start = chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z").unwrap();
    let mut clock = start;
    let mut time = |hours: u64| {
        clock += chrono::TimeDelta::minutes(i64::try_from(hours * 60 + 7).unwrap());
        clock.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    // A parent, so that TRANSFERED is enabled (R10).
    at(&env, &time(0), &["init", "--set", "parent=up"]);
    let mut states: Vec<&str> = Vec::new();
    for step in 0..70 {
        let hours = rand(40);
        let op = if states.is_empty() { 0 } else { rand(10) };
        if op < 3 {
            let n = states.len() + 1;
            let title = format!("ticket {n}");
            let mut args = vec!["new", title.as_str(), "-m", "x"];
            let assignee = people[usize::try_from(rand(3)).unwrap()];
            if rand(2) == 0 {
                args.extend(["--assign", assignee]);
            }
            // R25: two tickets in three are ranked as they are filed (no draw from `rand`, so
            // that the rest of the history stays what it was).
            if !n.is_multiple_of(3) {
                args.extend(["--priority", "bottom"]);
            }
            at(&env, &time(hours), &args);
            states.push("POSTED");
        } else if op < 8 {
            let i = usize::try_from(rand(states.len() as u64)).unwrap();
            let to = loop {
                let s = STATES[usize::try_from(rand(10)).unwrap()];
                if s != states[i] {
                    break s;
                }
            };
            let key = format!("TRK-{}", i + 1);
            at(&env, &time(hours), &["state", &key, to, "--reopen"]);
            states[i] = to;
        } else {
            let i = rand(states.len() as u64) + 1;
            let key = format!("TRK-{i}");
            let who = people[usize::try_from(rand(3)).unwrap()];
            let args: Vec<&str> = if rand(4) == 0 {
                vec!["assign", &key, "--none"]
            } else {
                vec!["assign", &key, who]
            };
            at(&env, &time(hours), &args);
        }
        // R25: every fifth step, the newest ticket in progress moves to the top or bottom.
        if step % 5 == 4 {
            if let Some(i) = states.iter().rposition(|s| !FINISHED.contains(s)) {
                let key = format!("TRK-{}", i + 1);
                let to = if step % 10 == 4 { "--top" } else { "--bottom" };
                at(&env, &time(0), &["priority", &key, to]);
            }
        }
    }
    let until = time(0);
    let since = "2026-01-20T00:00:00Z";
    for (by, window, tz) in [
        ("week", None, "+00:00"),
        ("day", Some(since), "+00:00"),
        ("month", Some(since), "+00:00"),
        ("week", None, "-09:30"),
        ("day", Some(since), "+05:45"),
    ] {
        let mut args = vec!["all", "--until", &until, "--by", by, "--format", "json"];
        args.extend(["--tz", tz]);
        let py_args = vec![until.as_str(), by, window.unwrap_or("-"), tz];
        if let Some(s) = window {
            args.extend(["--since", s]);
        }
        let ours = report(&env, &args).json();
        let theirs = independent_report(&env.repo, &py_args);
        // The history has what makes the figures interesting.
        let sum = |field: &str| -> u64 {
            ours["trend"]["periods"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p[field].as_u64().unwrap())
                .sum()
        };
        assert!(sum("reopened") > 0 && sum("finished") > 0 && sum("created") > 5);
        assert!(ours["delays"]["resolution"]["censored"].as_u64().unwrap() > 0);
        assert!(ours["delays"]["resolution"]["count"].as_u64().unwrap() > 1);
        assert!(ours["delays"]["by_assignee"].as_array().unwrap().len() > 2);
        assert!(ours["delays"]["by_priority"].as_array().unwrap().len() > 1);
        let ctx = format!("--by {by} --since {window:?} --tz {tz}");

        assert_eq!(
            ours["states"]["states"], theirs["states"]["states"],
            "{ctx}"
        );
        assert_eq!(ours["states"]["total"], theirs["states"]["total"], "{ctx}");
        for role in ["assignees", "reporters"] {
            let rows: Vec<Value> = ours["people"][role]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    json!({"email": r["person"]["email"], "states": r["states"], "total": r["total"]})
                })
                .collect();
            assert_eq!(Value::from(rows), theirs["people"][role], "{ctx} {role}");
        }
        let trend = &ours["trend"];
        assert_eq!(trend["since"], theirs["trend"]["since"], "{ctx}");
        for field in ["backlog_at_start", "finished_at_start"] {
            assert_eq!(trend[field], theirs["trend"][field], "{ctx} {field}");
        }
        let periods: Vec<Value> = trend["periods"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let mut p = p.clone();
                p.as_object_mut().unwrap().remove("label");
                p
            })
            .collect();
        assert_eq!(Value::from(periods), theirs["trend"]["periods"], "{ctx}");
        let creation: Vec<Value> = trend["by_creation"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| json!({"start": r["start"], "states": r["states"], "total": r["total"]}))
            .collect();
        assert_eq!(
            Value::from(creation),
            theirs["trend"]["by_creation"],
            "{ctx}"
        );
        for part in ["numerator", "denominator"] {
            assert_eq!(
                trend["elucidation"][part], theirs["trend"]["elucidation"][part],
                "{ctx}"
            );
        }
        let delays = &ours["delays"];
        for part in ["resolution", "first_response", "time_in_state"] {
            assert_eq!(delays[part], theirs["delays"][part], "{ctx} {part}");
        }
        let by: Vec<Value> = delays["by_assignee"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                json!({"email": r["assignee"]["email"], "resolution": r["resolution"],
                       "first_response": r["first_response"]})
            })
            .collect();
        assert_eq!(Value::from(by), theirs["delays"]["by_assignee"], "{ctx}");
        assert_eq!(
            delays["by_priority"], theirs["delays"]["by_priority"],
            "{ctx} by_priority"
        );
    }
}

/// Runs `tests/reader/report.py` on `repo`.
pub(crate) fn independent_report(repo: &Path, args: &[&str]) -> Value {
    crate::common::reader("report.py", repo, args)
}

/// `--field NAME=VALUE` keeps the tickets whose custom field has that value at the end of the
/// window; unknown fields, and private ones for people who may not see them, are refused.
#[test]
fn reports_filter_on_custom_fields() {
    let env = TestEnv::initialized();
    for (key, value) in [
        ("fields.severity.type", "choice"),
        ("fields.severity.choices", "low,high"),
        ("fields.secret.type", "text"),
        ("fields.secret.private", "true"),
    ] {
        env.run(&["config", "set", key, value]).ok();
    }
    env.run(&["new", "a", "-m", "x", "--field", "severity=high"])
        .ok();
    env.run(&["new", "b", "-m", "x", "--field", "severity=low"])
        .ok();
    env.run(&["new", "c", "-m", "x"]).ok();
    let count = |field: &str| {
        env.run(&["report", "states", "--field", field, "--format", "json"])
            .json()["total"]
            .clone()
    };
    assert_eq!(count("severity=high"), 1);
    assert_eq!(count("severity=low"), 1);
    assert_eq!(count("severity="), 1);
    env.run(&["report", "states", "--field", "colour=red"])
        .bad_input();
    // Ann ran init: she is a manager and may filter on it; a reporter may not.
    assert_eq!(count("secret="), 3);
    env.set_user("Rita", "rita@example.com");
    let private = env.run(&["report", "states", "--field", "secret=x"]);
    assert!(private.bad_input().contains("private"), "{private}");
}
