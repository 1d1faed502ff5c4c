//! Issue 12: what a terminal shows. Tables fit its width (summaries cut with `…`), colour marks
//! keys, states and headers, long output goes through the pager, times carry their offset.
//! Commands run under a real pseudo-terminal (`script`); outputs are checked whole with insta.

use std::path::Path;
use std::process::Command;

use crate::common::{TestEnv, BIN};

/// Quotes `s` for `sh`.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// `args` run under a pseudo-terminal `cols` wide (through `COLUMNS`), with `extra_env`; what
/// the terminal received, with its CRLF line ends made LF and ESC shown as `␛`.
fn on_terminal(
    env: &TestEnv,
    dir: &Path,
    cols: u16,
    extra_env: &[(&str, &str)],
    args: &[&str],
) -> String {
    let line = std::iter::once(BIN.to_owned())
        .chain(args.iter().map(|a| (*a).to_owned()))
        .map(|a| sh_quote(&a))
        .collect::<Vec<_>>()
        .join(" ");
    let mut cmd: Command = env.base_command("script", dir);
    cmd.env("GIT_TRACKER_NOW", env.tick())
        .env("COLUMNS", cols.to_string())
        .env("TERM", "xterm-256color")
        .args(["-qefc", &line, "/dev/null"]);
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("script (util-linux) runs");
    assert!(out.status.success(), "{line}: {out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .replace("\r\n", "\n")
        .replace('\x1b', "␛")
}

/// Four tickets in several states, two with titles too long for 80 columns (one of them in
/// wide characters), a comment and an assignment: enough for every column and colour.
fn team_tracker() -> (TestEnv, Vec<(String, String)>) {
    let env = TestEnv::new();
    env.run(&["init", "--developers", "bob@example.com"]).ok();
    env.new_ticket("Saving crashes the editor when the disk is full and the autosave timer fires");
    env.new_ticket("日本語のタイトルは幅が二倍なので早めに切られます");
    env.new_ticket("Short one");
    env.new_ticket("Typo in the About box");
    env.run(&["assign", "TRK-1", "bob@example.com"]).ok();
    env.set_user("Bob Builder", "bob@example.com");
    env.run(&["state", "TRK-1", "resolving", "-m", "Reproduced"])
        .ok();
    env.run(&[
        "comment",
        "TRK-1",
        "-m",
        "The autosave timer races\nwith the dialog.",
    ])
    .ok();
    env.run(&["close", "TRK-4", "-m", "Fixed in 1.2"]).ok();
    env.set_user("Ann Author", "ann@example.com");
    env.run(&["assign", "TRK-3", "ann@example.com"]).ok();
    // Ids are random: shown as placeholders.
    let show = env.run(&["show", "TRK-1", "--format", "json"]).json();
    let mut ids = vec![(
        show["id"].as_str().unwrap().to_owned(),
        "<TICKET-ID>".to_owned(),
    )];
    for (i, c) in show["comments"].as_array().unwrap().iter().enumerate() {
        let id = c["id"].as_str().unwrap();
        ids.push((id.to_owned(), format!("<COMMENT-{i}>")));
        ids.push((id[..8].to_owned(), format!("<C{i}>")));
    }
    (env, ids)
}

fn redacted(mut text: String, ids: &[(String, String)]) -> String {
    for (id, name) in ids {
        text = text.replace(id.as_str(), name);
    }
    text
}

#[test]
fn tables_fit_the_terminal_with_and_without_colour() {
    let (env, ids) = team_tracker();
    let views: [(&str, &[&str]); 5] = [
        ("list", &["list", "--all"]),
        ("show", &["show", "TRK-1"]),
        ("log", &["log", "TRK-1"]),
        ("status", &["status"]),
        ("report", &["report", "states"]),
    ];
    for cols in [80u16, 120] {
        for (colour, flag) in [("colour", "--color=auto"), ("plain", "--color=never")] {
            for (name, args) in views {
                let mut all = vec![flag, "--no-pager"];
                all.extend_from_slice(args);
                let text = redacted(on_terminal(&env, &env.repo, cols, &[], &all), &ids);
                insta::assert_snapshot!(format!("{name}_{cols}_{colour}"), text);
            }
        }
    }
}

#[test]
fn off_a_terminal_rows_are_whole_and_colour_only_when_asked() {
    let (env, ids) = team_tracker();
    // Piped: no cut, no colour, whatever COLUMNS says.
    let plain = env.run(&["list", "--all"]);
    insta::assert_snapshot!("list_piped", plain.ok());
    for (flag, extra) in [
        ("--color=always", &[][..]),
        ("--color=auto", &[("CLICOLOR_FORCE", "1")][..]),
    ] {
        let mut cmd = env.command_in(&env.repo, &[flag, "list", "--all"]);
        for (k, v) in extra {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap().replace('\x1b', "␛");
        insta::assert_snapshot!("list_piped_colour", redacted(text, &ids));
    }
    // NO_COLOR wins over a terminal; --color=always wins over NO_COLOR.
    let no_color = on_terminal(
        &env,
        &env.repo,
        120,
        &[("NO_COLOR", "1")],
        &["--no-pager", "list"],
    );
    assert!(!no_color.contains('␛'), "{no_color}");
    let forced = on_terminal(
        &env,
        &env.repo,
        120,
        &[("NO_COLOR", "1")],
        &["--no-pager", "--color=always", "list"],
    );
    assert!(forced.contains("␛[33mTRK-1␛[m"), "{forced}");
    // TERM=dumb: no colour on auto.
    let dumb = on_terminal(
        &env,
        &env.repo,
        120,
        &[("TERM", "dumb")],
        &["--no-pager", "list"],
    );
    assert!(!dumb.contains('␛'), "{dumb}");
}

#[test]
fn times_are_local_with_their_offset_and_utc_on_request() {
    let env = TestEnv::initialized();
    env.new_ticket("zoned"); // at 2026-01-01 00:01 UTC
    let log_in = |tz: &str, extra: &[&str]| {
        let mut args = vec!["log", "TRK-1"];
        args.extend_from_slice(extra);
        let mut cmd = env.command_in(&env.repo, &args);
        cmd.env("TZ", tz);
        crate::common::Run::from(cmd.output().unwrap())
            .ok()
            .to_owned()
    };
    assert_eq!(
        log_in("Asia/Kolkata", &[]),
        "TRK-1  zoned\n2026-01-01 05:31 +05:30  Ann Author <ann@example.com>  created TRK-1 \"zoned\"\n"
    );
    assert_eq!(
        log_in("America/New_York", &[]),
        "TRK-1  zoned\n2025-12-31 19:01 -05:00  Ann Author <ann@example.com>  created TRK-1 \"zoned\"\n"
    );
    assert_eq!(
        log_in("America/New_York", &["--utc"]),
        "TRK-1  zoned\n2026-01-01 00:01 +00:00  Ann Author <ann@example.com>  created TRK-1 \"zoned\"\n"
    );
    // The list's day is the local one too; JSON stays UTC.
    let mut cmd = env.command_in(&env.repo, &["list"]);
    cmd.env("TZ", "America/New_York");
    let list = crate::common::Run::from(cmd.output().unwrap());
    assert!(list.ok().contains(" 2025-12-31 "), "{}", list.ok());
    let mut cmd = env.command_in(&env.repo, &["show", "TRK-1", "--format", "json"]);
    cmd.env("TZ", "America/New_York");
    let json = crate::common::Run::from(cmd.output().unwrap()).json();
    assert_eq!(json["created"], "2026-01-01T00:01:00Z");
}

/// A pager that marks each line it shows, so that the test sees it was used.
const MARKING_PAGER: &str = "sed 's/^/| /'";

#[test]
fn the_pager_is_used_on_a_terminal_only() {
    let env = TestEnv::initialized();
    env.new_ticket("paged");
    let expected_rows = " PRIO  TICKET  SUMMARY         REPORTED    REPORTER    ASSIGNEE  STATE   WATCH\n \
                         -     TRK-1   paged           2026-01-01  Ann Author  -         POSTED  1\n";
    let marked: String = expected_rows.lines().map(|l| format!("| {l}\n")).collect();
    let term = |extra: &[(&str, &str)], args: &[&str]| {
        let mut all = vec!["--color=never"];
        all.extend_from_slice(args);
        on_terminal(&env, &env.repo, 100, extra, &all)
    };
    // GIT_PAGER, then core.pager, then PAGER, as git chooses.
    assert_eq!(term(&[("GIT_PAGER", MARKING_PAGER)], &["list"]), marked);
    assert_eq!(term(&[("PAGER", MARKING_PAGER)], &["list"]), marked);
    env.git(&["config", "core.pager", MARKING_PAGER]);
    assert_eq!(term(&[("PAGER", "false")], &["list"]), marked);
    assert_eq!(
        term(&[("GIT_PAGER", "cat"), ("PAGER", "false")], &["list"]),
        expected_rows
    );
    // --no-pager, and output that is not a terminal, are never paged.
    assert_eq!(term(&[], &["--no-pager", "list"]), expected_rows);
    let mut piped = env.command_in(&env.repo, &["list"]);
    piped.env("GIT_PAGER", MARKING_PAGER);
    let piped = crate::common::Run::from(piped.output().unwrap());
    assert_eq!(piped.ok(), expected_rows);
    // less gets git's defaults: quit when one screen holds it all, keep colours.
    let less_env = term(
        &[("GIT_PAGER", "env | grep -E '^(LESS|LV)=' | sort")],
        &["list"],
    );
    assert_eq!(less_env, "LESS=FRX\nLV=-c\n");
}

#[test]
fn a_crlf_log_with_colour_codes_becomes_a_clean_description() {
    let env = TestEnv::initialized();
    let log = env.root.path().join("build.log");
    std::fs::write(
        &log,
        "\x1b[1m\x1b[32m   Compiling\x1b[0m demo v0.1.0\r\n\x1b[31merror[E0308]\x1b[0m: mismatched types\r\n\x1b]0;title\x07  --> src/main.rs:2:5\r\n",
    )
    .unwrap();
    let run = env.run(&["new", "Build failed", "--body-file", log.to_str().unwrap()]);
    let root = env.root.path().to_str().unwrap();
    insta::assert_snapshot!("crlf_ansi_stderr", run.stderr.replace(root, "<ROOT>"));
    let show = env.run(&["show", "TRK-1"]);
    let id = env.run(&["show", "TRK-1", "--format", "json"]).json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    insta::assert_snapshot!("crlf_ansi_show", show.ok().replace(&id, "<TICKET-ID>"));
}

#[test]
fn edit_alone_opens_the_title_and_description_in_the_editor() {
    let env = TestEnv::initialized();
    env.run(&["new", "Old title", "-m", "Old description"]).ok();
    let editor = env.root.path().join("editor.sh");
    // Records what it was given, then writes the new text.
    std::fs::write(
        &editor,
        "#!/bin/sh\ncp \"$1\" \"$1.seen\"\nprintf 'New title\\n\\nFirst line\\nsecond line\\n' > \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let seen = env.root.path().join("seen");
    let editor_line = format!(
        "sh -c '{} \"$0\"; cp \"$0.seen\" {}'",
        editor.display(),
        seen.display()
    );
    on_terminal(
        &env,
        &env.repo,
        100,
        &[("EDITOR", &editor_line)],
        &["edit", "TRK-1"],
    );
    assert_eq!(
        std::fs::read_to_string(&seen).unwrap(),
        "Old title\n\nOld description\n"
    );
    let json = env.run(&["show", "TRK-1", "--format", "json"]).json();
    assert_eq!(json["title"], "New title");
    assert_eq!(json["description"], "First line\nsecond line");
    // Off a terminal it asks for an option instead, and writes nothing.
    let before = env.commits();
    let run = env.run(&["edit", "TRK-1"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(env.commits(), before);
}
