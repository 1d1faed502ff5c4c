//! Issue 10: the list table off a terminal (stdout is a pipe here) is written row by row
//! without comfy-table. Its bytes must stay what comfy-table printed: one row per line, columns
//! padded to their display width, two spaces between columns, no trailing blanks.
//!
//! The expected outputs below were printed by the comfy-table renderer (before the change) on
//! the same tickets.

use crate::common::TestEnv;

/// Settled and provisional keys, wide and narrow titles, double-width and combining characters,
/// characters shown escaped (zero-width space, bidi override), unicode names, custom columns
/// with missing, multi-line and trailing-blank values.
fn mixed() -> TestEnv {
    let env = TestEnv::new();
    env.set_user("Boss", "boss@example.com");
    env.run(&[
        "init",
        "--managers",
        "boss@example.com",
        "--set",
        "fields.cost.type=number",
        "--set",
        "fields.cost.listable=true",
        "--set",
        "fields.team.type=long-text",
        "--set",
        "fields.team.listable=true",
    ])
    .ok();
    // A remote: the tickets filed before the sync are settled, the later ones provisional.
    let remote = env.root.path().join("remote.git");
    env.git_in(
        env.root.path(),
        &["init", "-q", "--bare", remote.to_str().unwrap()],
    );
    env.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    env.run(&["new", "Short", "--field", "cost=3", "--field", "team=core"])
        .ok();
    env.set_user("Zoë Ünïcode", "zoe@example.com");
    env.run(&["new", "Café déjà vu", "--field", "team=Équipe ☃"])
        .ok();
    env.set_user("山田太郎", "taro@example.com");
    env.run(&[
        "new",
        "日本語のタイトルが長い場合の表示",
        "--field",
        "cost=12.5",
        "--field",
        "team=開発チーム",
    ])
    .ok();
    env.run(&["sync"]).ok();
    env.set_user("Ann Author", "ann@example.com");
    let wide = "A very long summary that is much wider than the terminal would ever be, \
                so that its column sets the width of every other row in the table, and then \
                some more words to be sure of it";
    env.run(&["new", wide, "--field", "team=ops"]).ok();
    env.run(&["new", "Rocket 🚀 launch 👍🏽 ok", "--field", "cost=7"])
        .ok();
    env.run(&[
        "new",
        "cafe\u{301} combining, then a zero\u{200b}width space",
        "--field",
        "team=two\nlines",
    ])
    .ok();
    env.run(&["new", "Trailing blanks", "--field", "team=qa\u{3000}"])
        .ok();
    env.run(&["assign", "TRK-2", "山田太郎 <taro@example.com>"])
        .ok();
    env.run(&["assign", "TRK-4", "Zoë Ünïcode <zoe@example.com>"])
        .ok();
    env.run(&["watch", "TRK-4", "Bob <bob@example.com>"]).ok();
    env.new_ticket("bidi \u{202e}gnp.exe, no\u{a0}break, wide\u{ff21}");
    env
}

/// The whole output, byte for byte: the wide title sets the SUMMARY column for every row,
/// double-width characters count two columns, escapes count what they print, `~` marks the
/// provisional keys, and the ideographic space ending `qa\u{3000}` in the last column is trimmed
/// with the other trailing blanks.
#[test]
fn the_plain_list_table_is_unchanged() {
    let env = mixed();
    let all = env.run(&["list", "--all", "--sort", "key"]);
    assert_eq!(all.stderr, "", "{all}");
    assert_eq!(all.ok(), &EXPECTED_ALL[1..], "{all}");
}

/// With only short titles the SUMMARY column is still 14 wide (comfy-table's lower bound of
/// 16 included the cell padding).
#[test]
fn a_narrow_summary_column_keeps_its_minimum_width() {
    let env = mixed();
    let two = env.run(&["list", "--all", "--sort", "key", "--limit", "2"]);
    assert_eq!(two.ok(), &EXPECTED_TWO[1..], "{two}");
}

const EXPECTED_ALL: &str = r#"
 PRIO  TICKET  SUMMARY                                                                                                                                                                               REPORTED    REPORTER     ASSIGNEE     STATE   WATCH  COST  TEAM
 -     TRK-1   Short                                                                                                                                                                                 2026-01-01  Boss         -            POSTED  1      3     core
 -     TRK-2   Café déjà vu                                                                                                                                                                          2026-01-01  Zoë Ünïcode  山田太郎     OPEN    2      -     Équipe ☃
 -     TRK-3   日本語のタイトルが長い場合の表示                                                                                                                                                      2026-01-01  山田太郎     -            POSTED  1      12.5  開発チーム
 -     ~TRK-4  A very long summary that is much wider than the terminal would ever be, so that its column sets the width of every other row in the table, and then some more words to be sure of it  2026-01-01  Ann Author   Zoë Ünïcode  POSTED  3      -     ops
 -     ~TRK-5  Rocket 🚀 launch 👍🏽 ok                                                                                                                                                                2026-01-01  Ann Author   -            POSTED  1      7     -
 -     ~TRK-6  café combining, then a zero\u{200b}width space                                                                                                                                        2026-01-01  Ann Author   -            POSTED  1      -     two
 -     ~TRK-7  Trailing blanks                                                                                                                                                                       2026-01-01  Ann Author   -            POSTED  1      -     qa
 -     ~TRK-8  bidi \u{202e}gnp.exe, no break, wideＡ                                                                                                                                                2026-01-01  Ann Author   -            POSTED  1      -     -
"#;

const EXPECTED_TWO: &str = r#"
 PRIO  TICKET  SUMMARY         REPORTED    REPORTER     ASSIGNEE  STATE   WATCH  COST  TEAM
 -     TRK-1   Short           2026-01-01  Boss         -         POSTED  1      3     core
 -     TRK-2   Café déjà vu    2026-01-01  Zoë Ünïcode  山田太郎  OPEN    2      -     Équipe ☃
"#;

/// Cuts a plain (ASCII) table into cells at the columns where its header's words start.
fn cut(table: &str) -> Vec<Vec<String>> {
    let mut lines = table.lines();
    let header = lines.next().expect("a header");
    let bytes = header.as_bytes();
    let starts: Vec<usize> = (0..bytes.len())
        .filter(|&i| bytes[i] != b' ' && (i == 0 || bytes[i - 1] == b' '))
        .collect();
    std::iter::once(header)
        .chain(lines)
        .map(|line| {
            (0..starts.len())
                .map(|j| {
                    let end = starts.get(j + 1).map_or(line.len(), |&e| e.min(line.len()));
                    line.get(starts[j].min(end)..end)
                        .unwrap_or("")
                        .trim()
                        .to_owned()
                })
                .collect()
        })
        .collect()
}

/// The cells the JSON listing says a table row holds.
fn expected_row(t: &serde_json::Value) -> Vec<String> {
    let shown = |p: &serde_json::Value| -> String {
        match p["name"].as_str() {
            Some(n) if !n.is_empty() => n.to_owned(),
            _ => p["email"].as_str().unwrap().to_owned(),
        }
    };
    let text = |v: &serde_json::Value| v.as_str().map(str::to_owned);
    vec![
        t["priority"]
            .as_u64()
            .map_or_else(|| "-".to_owned(), |p| p.to_string()),
        text(&t["key"]).unwrap(),
        text(&t["title"]).unwrap(),
        t["created"].as_str().unwrap()[..10].to_owned(),
        shown(&t["reporter"]),
        if t["assignee"].is_null() {
            "-".to_owned()
        } else {
            shown(&t["assignee"])
        },
        text(&t["state"]).unwrap(),
        t["watchers"].as_array().unwrap().len().to_string(),
        t["fields"]["team"]
            .as_str()
            .and_then(|v| v.lines().next())
            .unwrap_or("-")
            .to_owned(),
    ]
}

/// The table's rows are read from columns the index keeps beside the summaries that JSON
/// prints (issue 10). Every cell of every row must say what the JSON listing says, in the same
/// order, for each order and filter, after changes to each of those columns.
#[test]
fn every_cell_of_the_table_says_what_the_json_listing_says() {
    let env = TestEnv::new();
    env.set_user("Boss", "boss@example.com");
    env.run(&[
        "init",
        "--set",
        "fields.team.type=text",
        "--set",
        "fields.team.listable=true",
    ])
    .ok();
    let people = [
        ("Ann Author", "ann@example.com"),
        ("Cy", "cy@example.com"),
        ("Bob Builder", "bob@example.com"),
    ];
    for i in 0..9 {
        let (name, email) = people[i % 3];
        env.set_user(name, email);
        let title = format!("ticket number {i} with words");
        let mut args = vec!["new", title.as_str(), "-m", "text"];
        let team = format!("team={}", ["core", "ops", "qa"][i % 3]);
        if i % 2 == 0 {
            args.extend(["--field", team.as_str()]);
        }
        env.run(&args).ok();
    }
    env.set_user("Boss", "boss@example.com");
    for step in [
        &["assign", "TRK-1", "Bob Builder <bob@example.com>"][..],
        &["assign", "TRK-2", "<nameless@example.com>"],
        &["assign", "TRK-3", "bob@example.com"],
        &["assign", "TRK-3", "--none"],
        &["watch", "TRK-4", "carol@example.com"],
        &["watch", "TRK-4", "dan@example.com"],
        &["unwatch", "TRK-4", "carol@example.com"],
        &["edit", "TRK-5", "--title", "a title edited later"],
        &["edit", "TRK-6", "--field", "team=platform"],
        &["edit", "TRK-2", "--field", "team="],
        &["state", "TRK-7", "resolved"],
        &["state", "TRK-8", "open"],
    ] {
        env.run(step).ok();
    }
    let listings: [&[&str]; 8] = [
        &[],
        &["--all"],
        &["--all", "--sort", "created"],
        &["--all", "--sort", "assignee"],
        &["--all", "--sort", "team"],
        &["--all", "--limit", "4"],
        &["--closed"],
        &["--all", "--query", "assignee:bob@example.com sort:key"],
    ];
    let mut seen = 0;
    for args in listings {
        let mut table_args = vec!["list"];
        table_args.extend(args);
        let table = env.run(&table_args).ok().to_owned();
        table_args.extend(["--format", "json"]);
        let json: serde_json::Value =
            serde_json::from_str(env.run(&table_args).ok()).expect("JSON");
        let tickets = json["tickets"].as_array().unwrap();
        let rows = cut(&table);
        assert_eq!(
            rows[0],
            [
                "PRIO", "TICKET", "SUMMARY", "REPORTED", "REPORTER", "ASSIGNEE", "STATE", "WATCH",
                "TEAM"
            ],
            "list {args:?}"
        );
        let want: Vec<Vec<String>> = tickets.iter().map(expected_row).collect();
        assert_eq!(rows[1..], want[..], "list {args:?}:\n{table}");
        seen += want.len();
    }
    // The listings are not empty, and the changed columns show their new values.
    assert!(seen > 30, "{seen}");
    let all = env.run(&["list", "--all"]).ok().to_owned();
    for shown in [
        "nameless@example.com",
        "a title edited later",
        "platform",
        "RESOLVED",
    ] {
        assert!(all.contains(shown), "{shown} in:\n{all}");
    }
}
