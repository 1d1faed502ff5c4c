//! Parsing the command line without building the whole command tree.
//!
//! clap's derive builds every subcommand (37 of them) with all its arguments and help texts
//! before it looks at the command line: 6–8 % of the samples of a `show` (docs/performance.md,
//! "Process start and memory"). [`parse`] first builds the root's
//! options and only the subcommand the command line names; when that parses, the result is the
//! one the full tree gives (a unit test compares both on every documented example). Anything
//! else (help, `--version`, an error, a subcommand it does not know) goes through the full
//! tree, so what the user reads is always what the full tree prints.

use std::ffi::OsString;

use clap::{Args, FromArgMatches};

use super::*;

/// The parsed command line; on help, a version request or an error, prints it and exits as
/// clap does.
pub(super) fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    if let Some(cli) = parse_one(&args) {
        return cli;
    }
    let matches = man::with_examples(command()).get_matches_from(&args);
    <Cli as FromArgMatches>::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// The command line parsed with only the subcommand it names built, or `None` when that
/// does not give a result (see the module's documentation).
fn parse_one(args: &[OsString]) -> Option<Cli> {
    let name = subcommand_name(args)?;
    let sub = single(name)?;
    let root = GlobalArgs::augment_args(
        clap::Command::new("git-tracker")
            .bin_name("git tracker")
            .version(env!("CARGO_PKG_VERSION")),
    )
    .subcommand(sub)
    .subcommand_required(true);
    let matches = root.try_get_matches_from(args).ok()?;
    <Cli as FromArgMatches>::from_arg_matches(&matches).ok()
}

/// The first word of the command line that is not an option or an option's value: the
/// subcommand, when the line is valid.
fn subcommand_name(args: &[OsString]) -> Option<&str> {
    let mut words = args.iter().skip(1);
    while let Some(word) = words.next() {
        let word = word.to_str()?;
        match word {
            // Global options that take a value in the next word.
            "-C" | "--color" | "--tracker" => {
                words.next()?;
            }
            "--" => return None,
            w if w.starts_with('-') => {}
            w => return Some(w),
        }
    }
    None
}

/// The subcommand `name` (or one of its aliases) as the derive of [`Command`] builds it.
fn single(name: &str) -> Option<clap::Command> {
    fn sub<A: Args>(name: &'static str) -> clap::Command {
        A::augment_args(clap::Command::new(name))
    }
    Some(match name {
        "init" => sub::<init::InitArgs>("init"),
        "new" | "create" => sub::<new::NewArgs>("new").visible_alias("create"),
        "list" | "ls" => sub::<list::ListArgs>("list").visible_alias("ls"),
        "show" | "view" => sub::<show::ShowArgs>("show").visible_alias("view"),
        "status" => sub::<status::StatusArgs>("status"),
        "query" => sub::<query::QueryArgs>("query"),
        "prefs" => sub::<prefs::PrefsArgs>("prefs"),
        "notify" => sub::<notify::NotifyArgs>("notify"),
        "state" => sub::<state::StateArgs>("state"),
        "close" => sub::<state::CloseArgs>("close"),
        "reopen" => sub::<state::ReopenArgs>("reopen"),
        "comment" => sub::<comment::CommentArgs>("comment"),
        "assign" => sub::<assign::AssignArgs>("assign"),
        "watch" => sub::<watch::WatchArgs>("watch"),
        "unwatch" => sub::<watch::UnwatchArgs>("unwatch"),
        "edit" => sub::<edit::EditArgs>("edit"),
        "priority" => sub::<priority::PriorityArgs>("priority"),
        "raise" => sub::<raise::RaiseArgs>("raise"),
        "depend" => sub::<depend::DependArgs>("depend"),
        "undepend" => sub::<depend::UndependArgs>("undepend"),
        "label" => sub::<label::LabelArgs>("label"),
        "attachment" => sub::<attachment::AttachmentArgs>("attachment"),
        "log" => sub::<log::LogArgs>("log"),
        "sync" => sub::<sync::SyncArgs>("sync"),
        "scan" => sub::<scan::ScanArgs>("scan"),
        "hooks" => sub::<hooks::HooksArgs>("hooks"),
        "config" => sub::<config::ConfigArgs>("config"),
        "trackers" => sub::<trackers::TrackersArgs>("trackers"),
        "transfer" => sub::<transfer::TransferArgs>("transfer"),
        "dispatch" => sub::<transfer::DispatchArgs>("dispatch"),
        "verify" => sub::<verify::VerifyArgs>("verify"),
        "report" => sub::<report::ReportArgs>("report"),
        "export" => sub::<export::ExportArgs>("export"),
        "import" => sub::<import::ImportArgs>("import"),
        "demo" => sub::<demo::DemoArgs>("demo"),
        "completions" => sub::<completions::CompletionsArgs>("completions"),
        "man" => sub::<man::ManArgs>("man"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<OsString> {
        // The examples are written for a shell: split on blanks, keeping quoted words whole.
        let mut out = vec![OsString::from("git-tracker")];
        let mut word = String::new();
        let mut quote = None;
        let mut any = false;
        for c in line.trim_start_matches("git tracker").chars() {
            match (quote, c) {
                (None, '\'' | '"') => {
                    quote = Some(c);
                    any = true;
                }
                (Some(q), c) if c == q => quote = None,
                (None, ' ') => {
                    if any {
                        out.push(std::mem::take(&mut word).into());
                    }
                    any = false;
                }
                (_, c) => {
                    word.push(c);
                    any = true;
                }
            }
        }
        if any {
            out.push(word.into());
        }
        out
    }

    fn full(args: &[OsString]) -> Option<Cli> {
        let m = command().try_get_matches_from(args).ok()?;
        Cli::from_arg_matches(&m).ok()
    }

    /// Every subcommand of the full tree is built by `single` exactly as the derive builds
    /// it: same arguments, help texts, settings and nested subcommands.
    #[test]
    fn each_subcommand_is_built_as_the_derive_builds_it() {
        let full = command();
        let mut names = 0;
        for sub in full.get_subcommands() {
            let name = sub.get_name();
            let one = single(name).unwrap_or_else(|| panic!("`{name}` missing from single()"));
            // Only the place in the parent's list differs: the parent numbers its subcommands.
            let one = one.display_order(sub.get_display_order());
            let (a, b) = (format!("{one:?}"), format!("{sub:?}"));
            if a != b {
                let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
                let from = at.saturating_sub(200);
                panic!(
                    "`{name}` differs at byte {at}:\n  single(): {}\n  derive:   {}",
                    &a[from..(at + 200).min(a.len())],
                    &b[from..(at + 200).min(b.len())]
                );
            }
            for alias in sub.get_all_aliases() {
                let by_alias = single(alias).unwrap_or_else(|| panic!("alias `{alias}`"));
                assert_eq!(by_alias.get_name(), name);
            }
            names += 1;
        }
        assert!(names > 30, "{names} subcommands");
        assert!(single("no-such-command").is_none());
    }

    /// Every documented example, and lines with global options around the subcommand, parse
    /// to the same `Cli` through the short path as through the full tree.
    #[test]
    fn the_short_path_parses_as_the_full_tree() {
        let mut lines: Vec<String> = man::EXAMPLES
            .iter()
            .flat_map(|(_, examples)| examples.iter().map(|(_, line)| line.to_string()))
            .filter(|l| !l.contains('|') && !l.contains('$') && !l.contains('<'))
            .collect();
        lines.extend(
            [
                "git tracker -C /tmp/x --tracker ops -q show TRK-1",
                "git tracker --color=never list --state open",
                "git tracker --color never --utc comment TRK-2 -m 'a -- b' --no-pager",
                "git tracker create 'A title' -m body",
                "git tracker ls --format json",
                "git tracker view TRK-3 -v",
                "git tracker comment TRK-2 -- -m",
            ]
            .map(String::from),
        );
        let mut short = 0;
        for line in &lines {
            let args = words(line);
            let fast = parse_one(&args);
            let slow = full(&args);
            if let Some(fast) = &fast {
                short += 1;
                assert_eq!(
                    Some(format!("{fast:?}")),
                    slow.as_ref().map(|s| format!("{s:?}")),
                    "{line}"
                );
            }
        }
        assert!(
            short > 100,
            "only {short} of {} lines took the short path",
            lines.len()
        );
    }

    /// What the short path cannot give goes to the full tree: help, the version, errors.
    #[test]
    fn help_version_and_errors_are_left_to_the_full_tree() {
        for line in [
            "git tracker",
            "git tracker --help",
            "git tracker --version",
            "git tracker show --help",
            "git tracker show",
            "git tracker shw TRK-1",
            "git tracker list --state",
            "git tracker query save",
            "git tracker -C",
        ] {
            assert!(parse_one(&words(line)).is_none(), "{line}");
        }
    }
}
