//! Generated files stay in step with the CLI: completions/ and docs/cli.md (R64).
//!
//! Run with `UPDATE_GENERATED=1` to rewrite them after changing the CLI.

use std::path::Path;

use crate::common::TestEnv;

fn check(path: &Path, fresh: &[u8]) {
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, fresh).unwrap();
        return;
    }
    let committed = std::fs::read(path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is stale: run `UPDATE_GENERATED=1 cargo test --test cli generated` and commit it",
        path.display()
    );
}

#[test]
fn completions_are_up_to_date() {
    let env = TestEnv::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in [
        ("bash", "git-tracker.bash"),
        ("zsh", "_git-tracker"),
        ("fish", "git-tracker.fish"),
        ("elvish", "git-tracker.elv"),
        ("powershell", "_git-tracker.ps1"),
    ] {
        let run = env.run(&["completions", shell]);
        assert!(run.ok().contains("tracker"), "{run}");
        check(&root.join(file), run.stdout.as_bytes());
    }
}

#[test]
fn cli_reference_is_up_to_date() {
    let env = TestEnv::new();
    let mut doc = String::from(
        "# Command reference\n\nGenerated from `--help` by `tests/cli/test_generated.rs`; do not edit.\n",
    );
    let top = env.run(&["--help"]);
    doc += &format!("\n## git tracker\n\n```text\n{}```\n", top.ok());
    let subcommands: Vec<String> = top
        .stdout
        .split("Commands:")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap()
        .lines()
        // Continuation lines of a long description are indented further.
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .filter(|c| c != "help")
        .collect();
    assert!(subcommands.len() >= 12, "{subcommands:?}");
    for sub in subcommands {
        let help = env.run(&[&sub, "--help"]);
        doc += &format!("\n## git tracker {sub}\n\n```text\n{}```\n", help.ok());
    }
    check(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/cli.md"),
        doc.as_bytes(),
    );
}

#[test]
fn man_pages_are_written() {
    let env = TestEnv::new();
    let dir = env.root.path().join("man");
    env.run(&["man", dir.to_str().unwrap()]).ok();
    let page = std::fs::read_to_string(dir.join("git-tracker.1")).unwrap();
    assert!(
        page.contains("git\\-tracker") && page.contains("init"),
        "{page}"
    );
    assert!(dir.join("git-tracker-new.1").exists());
}
