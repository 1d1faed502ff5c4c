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
