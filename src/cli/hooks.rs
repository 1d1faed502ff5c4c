//! `git tracker hooks install|uninstall`: the opt-in git hooks that run `scan` locally.
//!
//! Our lines live in a marked block appended to the hook, so a hook the user already has is
//! kept as it is, and `uninstall` removes only the block.

use std::path::{Path, PathBuf};

use anyhow::anyhow;
use clap::{Args, Subcommand};

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;

/// Manage the git hooks that run 'git tracker scan' after each commit and merge
///
/// Opt-in: nothing runs until you install the hooks, in this repository only. 'install' adds
/// a marked block to the post-commit hook (running 'git tracker scan HEAD^!': the new commit)
/// and to the post-merge hook (running 'git tracker scan ORIG_HEAD..HEAD': what a merge or
/// pull brought), in the directory git runs hooks from (core.hooksPath, else .git/hooks). A
/// hook you already have is kept: the block is appended to it (a hook that is not a shell
/// script is refused, with nothing changed). A scan that fails prints a warning; it never
/// undoes or fails your commit. 'uninstall' removes the block and leaves the rest of each hook
/// as it was. 'git tracker' must be on the PATH that git gives hooks.
#[derive(Args, Debug)]
pub struct HooksArgs {
    #[command(subcommand)]
    pub action: HooksAction,
}

/// What to do with the hooks.
#[derive(Subcommand, Debug)]
pub enum HooksAction {
    /// Add the scan to the post-commit and post-merge hooks (an existing hook is kept)
    Install,
    /// Remove the scan from the hooks, leaving the rest of each hook as it was
    Uninstall,
}

/// The first line of our block.
const BEGIN: &str =
    "# >>> git-tracker scan (added by 'git tracker hooks install'; 'git tracker hooks uninstall' removes it)";
/// The last line of our block.
const END: &str = "# <<< git-tracker scan";
/// The first line of a hook we create.
const SHEBANG: &str = "#!/bin/sh";

/// The hooks we install, with the range each one scans.
const HOOKS: [(&str, &str, &str); 2] = [
    ("post-commit", "'HEAD^!'", "the new commit"),
    ("post-merge", "ORIG_HEAD..HEAD", "the merged commits"),
];

/// Our block for a hook that scans `range` (`what`, in words).
fn block(range: &str, what: &str) -> String {
    format!(
        "{BEGIN}\n\
         # Applies the ticket keywords (Fixes TRK-12, Refs TRK-12) of {what}; never fails git.\n\
         git tracker scan --quiet {range} ||\n    \
         echo \"git-tracker: scanning {what} failed (see above); nothing else is affected\" >&2\n\
         {END}\n"
    )
}

/// Why a hook cannot take our block.
#[derive(Debug, PartialEq, Eq)]
enum Refusal {
    /// Its first line names another interpreter.
    NotShell(String),
}

/// Whether a hook whose first line is `first` runs as a shell script.
fn is_shell(first: &str) -> bool {
    let Some(interp) = first.strip_prefix("#!") else {
        // No `#!` line: git runs it with the shell.
        return true;
    };
    let mut words = interp.split_whitespace();
    let mut program = words.next().unwrap_or_default();
    if program.ends_with("/env") {
        program = words.find(|w| !w.starts_with('-')).unwrap_or_default();
    }
    let name = program.rsplit('/').next().unwrap_or_default();
    matches!(
        name,
        "sh" | "bash" | "dash" | "zsh" | "ksh" | "ash" | "mksh"
    )
}

/// The hook's text with our block: `existing` with the block appended (or brought up to date
/// where it already is), or a new shell script.
fn with_block(existing: Option<&str>, block: &str) -> Result<String, Refusal> {
    let Some(text) = existing.filter(|t| !t.trim().is_empty()) else {
        return Ok(format!("{SHEBANG}\n{block}"));
    };
    if text.lines().any(|l| l == BEGIN) {
        // Already there: replace it in place.
        let lines: Vec<&str> = text.lines().collect();
        let start = lines.iter().position(|l| *l == BEGIN).unwrap_or(0);
        let end = lines[start..]
            .iter()
            .position(|l| *l == END)
            .map_or(lines.len(), |i| start + i + 1);
        let mut out: String = lines[..start].iter().map(|l| format!("{l}\n")).collect();
        out.push_str(block);
        out.extend(lines[end..].iter().map(|l| format!("{l}\n")));
        return Ok(out);
    }
    let first = text.lines().next().unwrap_or_default();
    if !is_shell(first) {
        return Err(Refusal::NotShell(first.to_owned()));
    }
    let sep = if text.ends_with('\n') { "" } else { "\n" };
    Ok(format!("{text}{sep}\n{block}"))
}

/// The hook's text without our block (and the blank line `install` put before it), or `None`
/// when it has no block.
fn without_block(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| *l == BEGIN)?;
    let end = lines[start..]
        .iter()
        .position(|l| *l == END)
        .map_or(lines.len(), |i| start + i + 1);
    let before = if start > 0 && lines[start - 1].is_empty() {
        start - 1
    } else {
        start
    };
    let mut out: String = lines[..before].iter().map(|l| format!("{l}\n")).collect();
    out.extend(lines[end..].iter().map(|l| format!("{l}\n")));
    Some(out)
}

/// A line of `text` at the top level that ends the script before an appended block can run.
fn stops_early(text: &str) -> Option<&str> {
    text.lines()
        .map(str::trim_end)
        .find(|l| l.starts_with("exit") || l.starts_with("exec "))
}

fn read_hook(path: &Path) -> Result<Option<String>, CliError> {
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|_| {
            CliError::bad_input(anyhow!(
                "{} is not a text file: the scan cannot be added to it",
                path.display()
            ))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(CliError::failure(anyhow!(
            "cannot read {}: {e}",
            path.display()
        ))),
    }
}

fn write_hook(path: &Path, text: &str, new: bool) -> Result<(), CliError> {
    let fail =
        |e: std::io::Error| CliError::failure(anyhow!("cannot write {}: {e}", path.display()));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    std::fs::write(path, text).map_err(fail)?;
    #[cfg(unix)]
    if new {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).map_err(fail)?;
    }
    #[cfg(not(unix))]
    let _ = new;
    Ok(())
}

#[cfg(unix)]
fn executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn executable(_: &Path) -> bool {
    true
}

/// Runs `hooks`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &HooksArgs) -> Result<(), CliError> {
    let dir = ctx.tracker()?.store().hooks_dir();
    match args.action {
        HooksAction::Install => install(ui, &dir),
        HooksAction::Uninstall => uninstall(ui, &dir),
    }
}

fn install(ui: &mut Ui, dir: &Path) -> Result<(), CliError> {
    // Every hook is checked before any is written.
    let mut planned: Vec<(PathBuf, Option<String>, String)> = Vec::new();
    for (name, range, what) in HOOKS {
        let path = dir.join(name);
        let existing = read_hook(&path)?;
        let text = with_block(existing.as_deref(), &block(range, what)).map_err(|r| match r {
            Refusal::NotShell(first) => CliError::bad_input(anyhow!(
                "{} is not a shell script ({}): the scan cannot be added to it",
                path.display(),
                crate::text::sanitize_line(&first)
            ))
            .hint(format!(
                "nothing was changed; call 'git tracker scan {}' from that hook yourself",
                range.trim_matches('\'')
            )),
        })?;
        planned.push((path, existing, text));
    }
    for (path, existing, text) in planned {
        let shown = path.display();
        match existing.as_deref().filter(|t| !t.trim().is_empty()) {
            None => ui.status(&format!("Created {shown}.")),
            Some(old) if old == text => ui.status(&format!("{shown} already runs the scan.")),
            Some(old) if old.contains(BEGIN) => {
                ui.status(&format!("Brought the scan in {shown} up to date."));
            }
            Some(old) => {
                ui.status(&format!("Added the scan to your hook {shown}."));
                if let Some(line) = stops_early(old) {
                    ui.warn(&format!(
                        "{shown} has the line {:?} before the scan, which may then never run",
                        crate::text::sanitize_line(line)
                    ));
                }
            }
        }
        let new = existing.is_none();
        if existing.as_deref() != Some(text.as_str()) {
            write_hook(&path, &text, new)?;
        }
        if !executable(&path) {
            ui.warn(&format!(
                "{shown} is not executable, so git does not run it: chmod +x it to run the scan"
            ));
        }
    }
    Ok(())
}

fn uninstall(ui: &mut Ui, dir: &Path) -> Result<(), CliError> {
    for (name, _, _) in HOOKS {
        let path = dir.join(name);
        let shown = path.display();
        let Some(rest) = read_hook(&path)?.as_deref().and_then(without_block) else {
            ui.status(&format!("{shown} has no scan to remove."));
            continue;
        };
        if rest.trim().is_empty() || rest.trim() == SHEBANG {
            std::fs::remove_file(&path)
                .map_err(|e| CliError::failure(anyhow!("cannot remove {shown}: {e}")))?;
            ui.status(&format!("Removed {shown} (it held only the scan)."));
        } else {
            write_hook(&path, &rest, false)?;
            ui.status(&format!(
                "Removed the scan from {shown}; the rest of the hook is kept."
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_hook_is_a_shell_script_with_the_block() {
        let b = block("'HEAD^!'", "the new commit");
        let text = with_block(None, &b).unwrap();
        assert!(
            text.starts_with("#!/bin/sh\n# >>> git-tracker scan"),
            "{text}"
        );
        assert!(
            text.contains("git tracker scan --quiet 'HEAD^!' ||\n"),
            "{text}"
        );
        assert_eq!(without_block(&text).unwrap(), "#!/bin/sh\n");
        assert_eq!(with_block(Some("  \n"), &b).unwrap(), text);
    }

    #[test]
    fn an_existing_hook_is_kept_and_the_block_comes_and_goes() {
        let b = block("ORIG_HEAD..HEAD", "the merged commits");
        for mine in [
            "#!/bin/sh\necho mine\n",
            "#!/usr/bin/env bash\nset -e\necho mine",
            "echo no shebang\n",
        ] {
            let text = with_block(Some(mine), &b).unwrap();
            assert!(text.starts_with(mine), "{text}");
            assert!(text.ends_with(&b), "{text}");
            // Installing again changes nothing; a changed block is replaced in place.
            assert_eq!(with_block(Some(&text), &b).unwrap(), text);
            let older = text.replace("never fails git", "old words");
            assert_eq!(with_block(Some(&older), &b).unwrap(), text);
            let back = without_block(&text).unwrap();
            let expected = if mine.ends_with('\n') {
                mine.to_owned()
            } else {
                format!("{mine}\n")
            };
            assert_eq!(back, expected);
        }
        // Lines after the block stay too.
        let text = format!("#!/bin/sh\n{b}echo after\n");
        assert_eq!(without_block(&text).unwrap(), "#!/bin/sh\necho after\n");
        assert_eq!(without_block("#!/bin/sh\necho mine\n"), None);
    }

    #[test]
    fn other_interpreters_are_refused() {
        let b = block("'HEAD^!'", "the new commit");
        for first in [
            "#!/usr/bin/env python3",
            "#!/usr/bin/perl -w",
            "#!/usr/bin/env -S node",
        ] {
            assert_eq!(
                with_block(Some(&format!("{first}\nprint(1)\n")), &b),
                Err(Refusal::NotShell(first.into())),
                "{first}"
            );
        }
        for first in [
            "#!/bin/bash -e",
            "#!/usr/bin/env sh",
            "#! /bin/sh",
            "#!/bin/zsh",
        ] {
            assert!(
                with_block(Some(&format!("{first}\n")), &b).is_ok(),
                "{first}"
            );
        }
    }

    #[test]
    fn an_exit_before_the_block_is_noticed() {
        assert_eq!(stops_early("#!/bin/sh\nfoo\nexit 0\n"), Some("exit 0"));
        assert_eq!(
            stops_early("#!/bin/sh\nexec lefthook run\n"),
            Some("exec lefthook run")
        );
        assert_eq!(stops_early("#!/bin/sh\nif x; then\n  exit 1\nfi\n"), None);
    }
}
