//! `git tracker man`: man pages generated from the clap tree, with real synopses
//! (`git tracker show [--format FORMAT] KEY`), examples and the exit-status table, written into
//! a directory or installed where `man` (and so `git tracker --help`) finds them.
//!
//! `git tracker --help` is git's: git turns it into `man git-tracker`. So the pages must be in
//! a directory on man's search path; `--install` picks one, checks it with `manpath` and
//! `man -w`, and says what to add when man would not look there.

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};

use anyhow::anyhow;
use clap::{Arg, ArgAction, Args, Command};
use clap_mangen::roff::{roman, Roff};

use crate::cli::error::{CliError, EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS};
use crate::cli::ui::Ui;

/// Write the man pages: git-tracker(1) and one page per subcommand
///
/// `git tracker --help` is answered by git, which opens `man git-tracker`: the pages must be
/// where man looks. --install writes them into $XDG_DATA_HOME/man/man1 (by default
/// ~/.local/share/man/man1) when man searches there, else next to the binary (for
/// `cargo install`, ~/.cargo/share/man/man1, which man searches when ~/.cargo/bin is on
/// PATH); it says where it wrote them and whether man finds them there, and if not, what to
/// add to MANPATH. With DIR, the pages are written into DIR as they are.
#[derive(Args, Debug)]
pub struct ManArgs {
    /// Write the pages into DIR (created if missing)
    #[arg(required_unless_present = "install", conflicts_with = "install")]
    pub dir: Option<PathBuf>,
    /// Install the pages where man and `git tracker --help` find them
    #[arg(long)]
    pub install: bool,
}

/// Examples shown in each page's EXAMPLES section: the command path (`""` for git-tracker(1),
/// `"config set"` for git-tracker-config-set(1)), then (what it does, the command line). Every
/// subcommand has some (a test checks it, and that each line parses).
pub const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
    (
        "",
        &[
            ("Create the tracker in this repository, with keys TRK-1, TRK-2, ...:", "git tracker init --prefix TRK"),
            ("File a ticket and print its key:", "git tracker new Crash when saving -m 'Steps: open, save, boom'"),
            ("See what needs you now:", "git tracker status"),
            ("Share the tickets with the remote (fetch, combine, push):", "git tracker sync"),
        ],
    ),
    (
        "init",
        &[
            ("Create the tracker, with keys TRK-1, TRK-2, ...:", "git tracker init --prefix TRK"),
            (
                "Create a strict tracker where Bob develops and Carol manages:",
                "git tracker init --strict --developers bob@example.com --managers carol@example.com",
            ),
        ],
    ),
    (
        "new",
        &[
            ("File a ticket with a description:", "git tracker new 'Crash when saving' -m 'Steps: open, save, boom'"),
            (
                "File a ticket assigned to Bob, its description read from a file:",
                "git tracker new Slow start-up --assign bob@example.com --body-file notes.txt",
            ),
            (
                "In CI: one ticket for a failing job however often it fails, published at once:",
                "git tracker new 'Nightly build fails' --if-absent nightly-build --sync --body-file build.log",
            ),
        ],
    ),
    (
        "list",
        &[
            ("The tickets in progress assigned to you:", "git tracker list --mine"),
            ("Every ticket that mentions a crash, latest change first:", "git tracker list --all -S crash --sort updated"),
            (
                "Open tickets created this year, as JSON for a script:",
                "git tracker list --query 'state:open created:>2026-01-01' --format json",
            ),
        ],
    ),
    (
        "show",
        &[
            ("Show ticket TRK-12:", "git tracker show TRK-12"),
            ("The same, as JSON:", "git tracker show TRK-12 --format json"),
        ],
    ),
    (
        "status",
        &[
            ("What needs you now:", "git tracker status"),
            ("The same, as JSON:", "git tracker status --format json"),
        ],
    ),
    (
        "query",
        &[
            ("Save a query, then run it:", "git tracker query save mine 'assignee:me state:open'"),
            ("", "git tracker list --saved mine"),
            ("List your saved queries:", "git tracker query list"),
        ],
    ),
    (
        "query save",
        &[
            ("Save the open tickets assigned to you as 'mine':", "git tracker query save mine 'assignee:me state:open'"),
            ("Run it:", "git tracker list --saved mine"),
        ],
    ),
    ("query list", &[("List your saved queries:", "git tracker query list")]),
    ("query delete", &[("Delete your saved query 'mine':", "git tracker query delete mine")]),
    (
        "prefs",
        &[
            ("Show your mail preferences:", "git tracker prefs"),
            ("Mail about resolutions and comments, not about waiting:", "git tracker prefs --on resolved,comment --off waiting"),
            ("Mail about resolutions only:", "git tracker prefs --off all --on resolved"),
        ],
    ),
    (
        "notify",
        &[
            ("List the mails waiting to be sent:", "git tracker notify --status"),
            ("Send them now:", "git tracker notify --flush"),
            ("Central mode: mail about what a push brought:", "git tracker notify --range OLD..NEW"),
        ],
    ),
    (
        "state",
        &[
            ("Start work on a ticket:", "git tracker state TRK-12 resolving -m 'Looking into it'"),
            ("Reopen a resolved ticket:", "git tracker state TRK-12 open --reopen -m 'Still crashes in 1.4'"),
        ],
    ),
    ("close", &[("Close a ticket, saying how:", "git tracker close TRK-12 -m 'Fixed in 1.4'")]),
    ("reopen", &[("Reopen a ticket, saying why:", "git tracker reopen TRK-12 -m 'Still crashes in 1.4'")]),
    (
        "comment",
        &[
            ("Comment on a ticket:", "git tracker comment TRK-12 -m 'Happens on Windows too'"),
            ("Comment with the last commit's message:", "git log -1 --format=%B | git tracker comment TRK-12 --body-file -"),
            ("Comment and attach a file:", "git tracker comment TRK-12 -m 'The crash log' --attach crash.log"),
        ],
    ),
    (
        "comment edit",
        &[(
            "Replace the text of your comment 3f2a9c1b (comment and show print the ids):",
            "git tracker comment edit TRK-12 3f2a9c1b -m 'Happens on Windows 11 too'",
        )],
    ),
    ("comment delete", &[("Delete your comment 3f2a9c1b:", "git tracker comment delete TRK-12 3f2a9c1b")]),
    (
        "assign",
        &[
            ("Assign a ticket to Bob:", "git tracker assign TRK-12 bob@example.com"),
            ("Take it yourself:", "git tracker assign TRK-12 --me"),
            ("Assign it to nobody:", "git tracker assign TRK-12 --none"),
        ],
    ),
    (
        "watch",
        &[
            ("Watch a ticket:", "git tracker watch TRK-12"),
            ("Watch it for resolutions and comments only:", "git tracker watch TRK-12 --events resolved,comment"),
            ("Make Carol watch it for its resolution:", "git tracker watch TRK-12 carol@example.com --events resolved"),
        ],
    ),
    (
        "unwatch",
        &[
            ("Stop watching a ticket:", "git tracker unwatch TRK-12"),
            ("Remove Carol's watch:", "git tracker unwatch TRK-12 carol@example.com"),
        ],
    ),
    (
        "edit",
        &[
            ("Change a ticket's title:", "git tracker edit TRK-12 --title 'Crash when saving to a network drive'"),
            ("Write its solution from a file:", "git tracker edit TRK-12 --solution-file fix.md"),
            ("On a terminal, edit the title and description in $EDITOR:", "git tracker edit TRK-12"),
        ],
    ),
    (
        "log",
        &[
            ("Show a ticket's history:", "git tracker log TRK-12"),
            ("The same, as JSON:", "git tracker log TRK-12 --format json"),
        ],
    ),
    (
        "sync",
        &[
            ("Share the tickets with the default remote:", "git tracker sync"),
            ("With the remote 'upstream', giving up after 30 seconds:", "git tracker sync upstream --timeout 30"),
        ],
    ),
    (
        "priority",
        &[
            ("Put a ticket at the top of the priorities:", "git tracker priority TRK-12 --top"),
            ("Rank it just before another:", "git tracker priority TRK-12 --before TRK-7"),
            ("Move it one place down:", "git tracker priority TRK-12 --down"),
        ],
    ),
    (
        "raise",
        &[
            ("Ask for a ticket's priority to be raised:", "git tracker raise TRK-12 -m 'Blocks the release'"),
            ("The same, urgently:", "git tracker raise TRK-12 -m 'Production is down' --urgent"),
        ],
    ),
    ("raise list", &[("List the requests waiting for a decision:", "git tracker raise list")]),
    ("raise accept", &[("Accept request 3f2a9c1b:", "git tracker raise accept 3f2a9c1b")]),
    ("raise refuse", &[("Refuse request 3f2a9c1b, saying why:", "git tracker raise refuse 3f2a9c1b -m 'Next sprint'")]),
    (
        "depend",
        &[
            ("TRK-12 waits for TRK-7 (a link that would close a cycle is refused):", "git tracker depend TRK-12 --on TRK-7"),
        ],
    ),
    ("undepend", &[("TRK-12 no longer waits for TRK-7:", "git tracker undepend TRK-12 --on TRK-7")]),
    (
        "label",
        &[
            ("Add two labels and take one away:", "git tracker label TRK-12 +bug +ui -triage"),
            ("List the tickets with both labels:", "git tracker list --label bug --label ui"),
        ],
    ),
    (
        "attachment",
        &[
            ("List the files attached to a ticket:", "git tracker attachment list TRK-12"),
            ("Save one of them into the current directory:", "git tracker attachment get TRK-12 crash.log"),
        ],
    ),
    ("attachment list", &[("List a ticket's files, with sizes and who attached them:", "git tracker attachment list TRK-12")]),
    (
        "attachment get",
        &[
            ("Save a file as ./crash.log (never overwriting one there):", "git tracker attachment get TRK-12 crash.log"),
            ("Write it to standard output:", "git tracker attachment get TRK-12 crash.log -o -"),
        ],
    ),
    (
        "scan",
        &[
            ("Act on the keywords of the commits on main since origin/main (Fixes TRK-12, Refs TRK-7):", "git tracker scan origin/main..main"),
            ("Show what it would do, writing nothing:", "git tracker scan origin/main..main --dry-run"),
            ("Only the last commit:", "git tracker scan HEAD^!"),
        ],
    ),
    (
        "hooks",
        &[
            ("Scan each new commit and merge automatically:", "git tracker hooks install"),
            ("Stop doing so:", "git tracker hooks uninstall"),
        ],
    ),
    ("hooks install", &[("Add the post-commit and post-merge hooks:", "git tracker hooks install")]),
    ("hooks uninstall", &[("Remove them, keeping the rest of each hook:", "git tracker hooks uninstall")]),
    (
        "config",
        &[
            ("Show the configuration:", "git tracker config show"),
            ("Turn strict mode on:", "git tracker config set strict true"),
        ],
    ),
    (
        "config show",
        &[
            ("Show every key and its value:", "git tracker config show"),
            ("The same, as JSON:", "git tracker config show --format json"),
        ],
    ),
    ("config get", &[("Print the key prefix:", "git tracker config get prefix")]),
    (
        "config set",
        &[
            ("Let Bob resolve tickets:", "git tracker config set roles.resolver bob@example.com"),
            ("Add a custom field with two choices:", "git tracker config set fields.severity.type choice"),
            ("", "git tracker config set fields.severity.choices low,high"),
        ],
    ),
    (
        "config edit",
        &[
            ("Edit tracker.toml in $EDITOR:", "git tracker config edit"),
            ("Replace it with a file:", "git tracker config edit --file tracker.toml"),
        ],
    ),
    (
        "verify",
        &[
            ("Check the tracker branch and its history:", "git tracker verify"),
            ("In CI, as JSON (exit status 3 when problems are found):", "git tracker verify --format json"),
        ],
    ),
    (
        "export",
        &[
            ("Write the whole tracker to a file:", "git tracker export -o tracker.json"),
            ("Print it (to copy it: git tracker -C ../other import tracker.json):", "git tracker export"),
        ],
    ),
    (
        "import",
        &[
            ("Add the tickets of an export (again: adds only what is new):", "git tracker import tracker.json"),
            ("Import the GitHub issues that gh issue list --state all --json number,title,body,author,assignees,labels,state,createdAt,closedAt,comments wrote into issues.json:", "git tracker import --from github issues.json"),
        ],
    ),
    (
        "trackers",
        &[
            ("List the trackers of this repository and of its remotes:", "git tracker trackers"),
            ("The same as JSON (then work on one with git tracker --tracker NAME list):", "git tracker trackers --format json"),
        ],
    ),
    (
        "transfer",
        &[
            ("Send a ticket up to the parent tracker (tracker.toml's parent):", "git tracker transfer TRK-12 -m 'Belongs to the platform team'"),
            ("Send it without a message:", "git tracker transfer TRK-12"),
        ],
    ),
    (
        "dispatch",
        &[("Move a ticket down to the sub-tracker mobile, with its history:", "git tracker dispatch TRK-12 --to mobile")],
    ),
    (
        "report",
        &[
            ("Tickets per state, for the tickets created in 2026:", "git tracker report states --since 2026-01-01 --until 2027-01-01"),
            ("The backlog month by month:", "git tracker report trend --by month"),
            ("Every report as one HTML page:", "git tracker report html -o report.html"),
        ],
    ),
    (
        "demo",
        &[
            ("Take the tour in a scratch directory:", "git tracker demo"),
            ("Take it in a directory of your choice, to look around afterwards:", "git tracker demo --dir /tmp/tour"),
        ],
    ),
    (
        "completions",
        &[
            (
                "Bash: completion of git-tracker and of git tracker (loaded on first use):",
                "git tracker completions bash > ~/.local/share/bash-completion/completions/git-tracker",
            ),
            (
                "Zsh: a directory on fpath (before compinit in ~/.zshrc: fpath=(~/.zfunc $fpath)):",
                "git tracker completions zsh > ~/.zfunc/_git-tracker",
            ),
            ("Fish:", "git tracker completions fish > ~/.config/fish/completions/git-tracker.fish"),
        ],
    ),
    (
        "man",
        &[
            ("Install the pages where man and git tracker --help find them:", "git tracker man --install"),
            ("Write them into a directory:", "git tracker man ./man1"),
        ],
    ),
];

/// The EXIT STATUS section: docs/exit-codes.md in short (a test keeps them in step).
pub const EXIT_STATUS: &[(u8, &str)] = &[
    (
        EXIT_OK,
        "Success; also when nothing needed to change, and when standard output was closed early.",
    ),
    (
        EXIT_FAILURE,
        "Failure: the command was valid but could not finish (a git or file-system error, a push \
         the remote refused, a sync that timed out).",
    ),
    (
        EXIT_BAD_INPUT,
        "Usage error or bad input (an unknown option or ticket, an illegal transition, an invalid \
         email, no tracker in this repository, ...); nothing was written.",
    ),
    (
        EXIT_PROBLEMS,
        "git tracker verify found problems on the tracker branch.",
    ),
];

/// One man page: its file name (`git-tracker-show.1`) and its roff source.
pub struct Page {
    /// The file name, e.g. `git-tracker-config-set.1`.
    pub file_name: String,
    /// The roff source.
    pub roff: String,
}

/// The command tree the pages are made from: `help` subcommands left out.
fn tree() -> Command {
    let mut cmd = super::command()
        .name("git-tracker")
        .disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// Every page: git-tracker(1), then one per subcommand at every depth, in tree order.
pub fn pages() -> Vec<Page> {
    let root = tree();
    let mut pages = Vec::new();
    collect(&root, &root, &mut Vec::new(), &mut pages);
    pages
}

/// Every command path below `git tracker` (`["config", "set"]`), `help` excepted.
#[cfg(test)]
pub fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &Command, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            path.push(sub.get_name().to_owned());
            out.push(path.clone());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(&tree(), &mut Vec::new(), &mut out);
    out
}

fn collect(root: &Command, cmd: &Command, path: &mut Vec<String>, pages: &mut Vec<Page>) {
    pages.push(Page {
        file_name: format!("{}.1", page_name(path)),
        roff: render(root, cmd, path),
    });
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        path.push(sub.get_name().to_owned());
        collect(root, sub, path, pages);
        path.pop();
    }
}

fn page_name(path: &[String]) -> String {
    std::iter::once("git-tracker")
        .chain(path.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("-")
}

/// The examples of the command at `path` (joined with spaces), if any.
pub fn examples_of(path: &[String]) -> Option<&'static [(&'static str, &'static str)]> {
    let key = path.join(" ");
    EXAMPLES.iter().find(|(p, _)| *p == key).map(|(_, e)| *e)
}

/// Roff-escapes plain text (no preamble, no trailing newline).
fn text(s: &str) -> String {
    Roff::new().text([roman(s)]).to_roff().trim_end().to_owned()
}

/// Escapes a word for inline use in raw roff: backslashes and hyphens.
fn word(s: &str) -> String {
    s.replace('\\', "\\e").replace('-', "\\-")
}

fn b(s: &str) -> String {
    format!("\\fB{}\\fR", word(s))
}

fn i(s: &str) -> String {
    format!("\\fI{}\\fR", word(s))
}

/// The preamble every roff document starts with, which clap_mangen repeats per section.
const PREAMBLE: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";

/// One clap_mangen section, without its repeated preamble.
fn section(
    man: &clap_mangen::Man,
    render: fn(&clap_mangen::Man, &mut dyn std::io::Write) -> std::io::Result<()>,
) -> String {
    let mut out = Vec::new();
    render(man, &mut out).expect("writing to memory cannot fail");
    let out = String::from_utf8(out).expect("clap_mangen writes UTF-8");
    out.strip_prefix(PREAMBLE).unwrap_or(&out).to_owned()
}

fn is_shown(arg: &Arg, top: bool) -> bool {
    !arg.is_hide_set()
        && (top || !arg.is_global_set())
        && !matches!(arg.get_action(), ArgAction::Help | ArgAction::HelpLong)
        && (top || !matches!(arg.get_action(), ArgAction::Version))
}

/// An argument as the synopsis shows it, without brackets: `-m|--message TEXT`, `KEY...`.
fn synopsis_arg(arg: &Arg) -> String {
    let values = arg
        .get_value_names()
        .map(|v| v.iter().map(|n| n.to_string()).collect::<Vec<_>>())
        .unwrap_or_else(|| vec![arg.get_id().as_str().to_uppercase()]);
    let many = matches!(arg.get_action(), ArgAction::Append | ArgAction::Count)
        || arg.get_num_args().is_some_and(|r| r.max_values() > 1);
    if arg.is_positional() {
        let mut s = values.iter().map(|v| i(v)).collect::<Vec<_>>().join("\\ ");
        if many {
            s.push_str("...");
        }
        return s;
    }
    let mut s = match (arg.get_short(), arg.get_long()) {
        (Some(short), Some(long)) => {
            format!("{}|{}", b(&format!("-{short}")), b(&format!("--{long}")))
        }
        (Some(short), None) => b(&format!("-{short}")),
        (None, Some(long)) => b(&format!("--{long}")),
        (None, None) => i(arg.get_id().as_str()),
    };
    if arg.get_num_args().is_some_and(|r| r.takes_values()) {
        for v in &values {
            s.push_str("\\ ");
            s.push_str(&i(v));
        }
    }
    s
}

/// `git tracker config set KEY VALUE`: the command's words, options, groups and arguments.
fn synopsis_line(cmd: &Command, top: bool) -> String {
    let words = cmd.get_bin_name().unwrap_or_else(|| cmd.get_name());
    let mut parts = vec![b(words)];
    let groups: Vec<Vec<&Arg>> = cmd
        .get_groups()
        .filter(|g| g.is_required_set())
        .map(|g| {
            let ids: Vec<_> = g.get_args().collect();
            cmd.get_arguments()
                .filter(|a| ids.contains(&a.get_id()))
                .collect()
        })
        .filter(|m: &Vec<&Arg>| !m.is_empty())
        .collect();
    let in_group = |a: &Arg| groups.iter().flatten().any(|m| m.get_id() == a.get_id());
    let args: Vec<&Arg> = cmd
        .get_arguments()
        .filter(|a| is_shown(a, top) && !in_group(a))
        .collect();
    for arg in args.iter().filter(|a| !a.is_positional()) {
        let s = synopsis_arg(arg);
        let repeat = if matches!(arg.get_action(), ArgAction::Append) {
            "..."
        } else {
            ""
        };
        if arg.is_required_set() {
            parts.push(format!("{s}{repeat}"));
        } else {
            parts.push(format!("[{s}]{repeat}"));
        }
    }
    for members in &groups {
        let alts: Vec<String> = members.iter().map(|a| synopsis_arg(a)).collect();
        parts.push(format!("({})", alts.join(" | ")));
    }
    for arg in args.iter().filter(|a| a.is_positional()) {
        let s = synopsis_arg(arg);
        if arg.is_required_set() {
            parts.push(s);
        } else {
            parts.push(format!("[{s}]"));
        }
    }
    if top && cmd.has_subcommands() {
        parts.push(format!("{} [{}]", i("COMMAND"), i("ARGS")));
    }
    parts.join(" ")
}

/// The SYNOPSIS section: one line for the command, and one per subcommand of a group.
fn synopsis(cmd: &Command, top: bool) -> String {
    let mut lines = Vec::new();
    let own_args = cmd.get_arguments().any(|a| is_shown(a, top));
    if top || !cmd.has_subcommands() || own_args {
        lines.push(synopsis_line(cmd, top));
    }
    if !top {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            lines.push(synopsis_line(sub, false));
        }
    }
    let mut out = String::from(".SH SYNOPSIS\n.nh\n.ad l\n.RS 4\n");
    for line in lines {
        out += &format!(".ti -4\n{line}\n.br\n");
    }
    out += ".RE\n.ad\n.hy\n";
    out
}

/// Help text as roff paragraphs (clap has already joined the lines of each paragraph).
fn paragraphs(help: &str) -> String {
    let mut out = String::new();
    for para in help.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        out += ".PP\n";
        out += &text(&para.lines().map(str::trim).collect::<Vec<_>>().join(" "));
        out.push('\n');
    }
    out
}

/// `cmd` with each subcommand's examples at the end of its `--help` (the EXAMPLES list is
/// the one place they are written; the man pages show them too).
pub fn with_examples(cmd: Command) -> Command {
    fn add(mut cmd: Command, path: &mut Vec<String>) -> Command {
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_owned())
            .collect();
        for name in names {
            path.push(name.clone());
            cmd = cmd.mut_subcommand(&name, |sub| {
                let sub = add(sub, path);
                match examples_of(path) {
                    Some(examples) => {
                        let mut text = String::from("Examples:");
                        for (what, line) in examples {
                            if !what.is_empty() {
                                text += &format!("\n  {what}");
                            }
                            text += &format!("\n    {line}");
                        }
                        let text = match sub.get_after_long_help() {
                            Some(before) => format!("{before}\n\n{text}"),
                            None => text,
                        };
                        sub.after_long_help(text)
                    }
                    None => sub,
                }
            });
            path.pop();
        }
        cmd
    }
    add(cmd, &mut Vec::new())
}

fn render(root: &Command, cmd: &Command, path: &[String]) -> String {
    let top = path.is_empty();
    let name = page_name(path);
    let shown = cmd
        .clone()
        .mut_args(|a| if is_shown(&a, top) { a } else { a.hide(true) });
    let man = clap_mangen::Man::new(shown.clone());
    // Our own .TH: clap_mangen drops an empty date argument and shifts the others.
    let mut out = String::from(PREAMBLE);
    out += &format!(
        ".TH {} 1 \"\" \"git-tracker {}\" \"Git Tracker Manual\"\n",
        name.to_uppercase(),
        root.get_version().unwrap_or_default()
    );
    out += &section(&man, clap_mangen::Man::render_name_section);
    out += &synopsis(cmd, top);

    out += ".SH DESCRIPTION\n";
    if let Some(help) = cmd.get_long_about().or_else(|| cmd.get_about()) {
        out += &paragraphs(&help.to_string());
    }

    let has_options = shown.get_arguments().any(|a| !a.is_hide_set());
    if has_options {
        out += &section(&man, clap_mangen::Man::render_options_section);
    }
    if !top {
        if !has_options {
            out += ".SH OPTIONS\n";
        }
        out += ".PP\n";
        out += &text(
            "The global options -C DIR, -q, -v, --color WHEN, --no-pager and --utc are \
             accepted too; see git-tracker(1).",
        );
        out.push('\n');
    }

    let subs: Vec<&Command> = cmd.get_subcommands().filter(|s| !s.is_hide_set()).collect();
    if !subs.is_empty() {
        out += ".SH COMMANDS\n";
        for sub in subs {
            let mut sub_path = path.to_vec();
            sub_path.push(sub.get_name().to_owned());
            out += &format!(".TP\n{}\n", b(&format!("{}(1)", page_name(&sub_path))));
            if let Some(about) = sub.get_about() {
                out += &text(&about.to_string());
                out.push('\n');
            }
        }
    }

    if let Some(examples) = examples_of(path) {
        out += ".SH EXAMPLES\n";
        for (what, line) in examples {
            if !what.is_empty() {
                out += &format!(".PP\n{}\n", text(what));
            }
            out += &format!(".RS 4\n.nf\n{}\n.fi\n.RE\n", b(&format!("$ {line}")));
        }
    }

    out += ".SH EXIT STATUS\n";
    for (code, meaning) in EXIT_STATUS {
        out += &format!(".TP\n{}\n{}\n", b(&code.to_string()), text(meaning));
    }

    if let Some(after) = cmd.get_after_long_help().or_else(|| cmd.get_after_help()) {
        let after = after.to_string();
        let notes: Vec<&str> = after
            .split("\n\n")
            .filter(|p| !p.starts_with("Exit codes:"))
            .collect();
        if !notes.is_empty() {
            out += ".SH NOTES\n";
            out += &paragraphs(&notes.join("\n\n"));
        }
    }

    out += ".SH SEE ALSO\n";
    let mut see = Vec::new();
    if !top {
        see.push(b("git-tracker(1)"));
        if path.len() > 1 {
            see.push(b(&format!("{}(1)", page_name(&path[..path.len() - 1]))));
        }
    }
    see.push(b("git(1)"));
    out += &see.join(", ");
    out += "\n.PP\nThe documents under docs/ in the source distribution: the command reference \
            (cli.md), the file format (format.md), exit codes, sync, reports, search.\n";
    out
}

/// Writes every page into `dir`; returns how many.
fn write_pages(dir: &Path) -> Result<usize, CliError> {
    std::fs::create_dir_all(dir)
        .map_err(|e| CliError::bad_input(anyhow!("cannot create {}: {e}", dir.display())))?;
    let pages = pages();
    for page in &pages {
        let path = dir.join(&page.file_name);
        std::fs::write(&path, &page.roff)
            .map_err(|e| CliError::failure(anyhow!("cannot write {}: {e}", path.display())))?;
    }
    Ok(pages.len())
}

/// Runs `man`.
pub fn run(ui: &mut Ui, args: &ManArgs) -> Result<(), CliError> {
    if let Some(dir) = &args.dir {
        let n = write_pages(dir)?;
        ui.status(&format!("Wrote {n} man pages to {}.", dir.display()));
        return Ok(());
    }
    install(ui)
}

/// The directories `man` searches, as `manpath` prints them (canonical); `None` when there is
/// no `manpath` command to ask.
fn search_path() -> Option<Vec<PathBuf>> {
    let out = Process::new("manpath")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .split(':')
            .filter(|d| !d.is_empty())
            .map(|d| std::fs::canonicalize(d).unwrap_or_else(|_| PathBuf::from(d)))
            .collect(),
    )
}

/// Where --install may write, best first: the user's data directory, then `share/man` beside
/// the binary's `bin` directory (what `cargo install` and `make install` prefixes use).
fn candidates() -> Result<Vec<PathBuf>, CliError> {
    let mut dirs = Vec::new();
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")));
    if let Some(data) = data {
        dirs.push(data.join("man"));
    }
    if let Ok(exe) = std::env::current_exe() {
        if let Some(bin) = exe
            .parent()
            .filter(|p| p.file_name() == Some("bin".as_ref()))
        {
            if let Some(prefix) = bin.parent() {
                dirs.push(prefix.join("share/man"));
            }
        }
    }
    if dirs.is_empty() {
        return Err(CliError::bad_input(anyhow!(
            "cannot tell where to install the man pages: HOME is not set"
        ))
        .hint("give a directory instead: git tracker man DIR"));
    }
    Ok(dirs)
}

/// Creates `dir` and its missing parents; returns the directories it created, deepest last.
fn create_dirs(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut missing = Vec::new();
    let mut d = Some(dir);
    while let Some(p) = d.filter(|p| !p.exists()) {
        missing.push(p.to_path_buf());
        d = p.parent();
    }
    std::fs::create_dir_all(dir)?;
    missing.reverse();
    Ok(missing)
}

/// Removes the (empty) directories `create_dirs` made.
fn remove_dirs(created: &[PathBuf]) {
    for d in created.iter().rev() {
        let _ = std::fs::remove_dir(d);
    }
}

/// What `man -w git-tracker` resolves to: `Ok(None)` when man finds no page, `Err` when
/// there is no `man` to ask.
fn man_finds() -> Result<Option<PathBuf>, ()> {
    let out = Process::new("man")
        .args(["-w", "git-tracker"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map_err(|_| ())?;
    let found = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    if !out.status.success() || found.is_empty() {
        return Ok(None);
    }
    let found = PathBuf::from(found.lines().next().unwrap_or_default());
    Ok(Some(std::fs::canonicalize(&found).unwrap_or(found)))
}

fn install(ui: &mut Ui) -> Result<(), CliError> {
    let candidates = candidates()?;
    // A directory is on man's path only once it exists (man skips missing ones): make each
    // in turn, ask `manpath`, and take back what was made for nothing.
    let mut chosen = None;
    for dir in &candidates {
        let Ok(created) = create_dirs(&dir.join("man1")) else {
            continue;
        };
        let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.clone());
        match search_path() {
            Some(path) if path.contains(&canonical) => {
                chosen = Some(dir.clone());
                break;
            }
            Some(_) => remove_dirs(&created),
            None => {
                chosen = Some(dir.clone());
                break;
            }
        }
    }
    let dir = chosen.unwrap_or_else(|| candidates[0].clone());
    let man1 = dir.join("man1");
    let n = write_pages(&man1)?;
    ui.status(&format!("Wrote {n} man pages to {}.", man1.display()));
    let ours = std::fs::canonicalize(man1.join("git-tracker.1")).unwrap_or_default();
    let export = match std::env::var("MANPATH") {
        Ok(m) if !m.is_empty() => format!("export MANPATH=\"{}:$MANPATH\"", dir.display()),
        _ => format!(
            "export MANPATH=\"{}:\"   # the trailing colon keeps the system's pages",
            dir.display()
        ),
    };
    match man_finds() {
        Ok(Some(found)) if found == ours => {
            ui.status("`man git-tracker` and `git tracker --help` find them there.");
        }
        Ok(Some(found)) => {
            ui.warn(&format!(
                "man opens another git-tracker page first: {}; remove it, or put {} first on \
                 man's path, e.g. in ~/.bashrc: {export}",
                found.display(),
                dir.display()
            ));
        }
        Ok(None) => {
            ui.warn(&format!(
                "man does not look in {}: add it to MANPATH, e.g. in ~/.bashrc: {export}",
                dir.display()
            ));
        }
        Err(()) => {
            ui.warn("there is no `man` command here to read them with");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits a simple shell line into words (single quotes only), up to a redirection.
    fn words(line: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        let mut quoted = false;
        let mut any = false;
        for c in line.chars() {
            match c {
                '\'' => {
                    quoted = !quoted;
                    any = true;
                }
                ' ' if !quoted => {
                    if any {
                        out.push(std::mem::take(&mut cur));
                    }
                    any = false;
                }
                '>' if !quoted => break,
                c => {
                    cur.push(c);
                    any = true;
                }
            }
        }
        if any {
            out.push(cur);
        }
        out
    }

    #[test]
    fn every_subcommand_has_examples_and_they_parse() {
        let mut missing = Vec::new();
        for path in std::iter::once(Vec::new()).chain(command_paths()) {
            match examples_of(&path) {
                Some(e) if !e.is_empty() => {}
                _ => missing.push(format!("git tracker {}", path.join(" "))),
            }
        }
        assert!(
            missing.is_empty(),
            "no EXAMPLES for {missing:?}: add some to EXAMPLES in src/cli/man.rs"
        );
        let paths: Vec<String> = std::iter::once(String::new())
            .chain(command_paths().iter().map(|p| p.join(" ")))
            .collect();
        for (path, examples) in EXAMPLES {
            assert!(
                paths.iter().any(|p| p == path),
                "EXAMPLES for unknown command {path:?}"
            );
            for (_, line) in *examples {
                // The part run by git tracker (after a pipe, before a redirection).
                let cmd = line.rsplit(" | ").next().unwrap_or(line);
                let argv = words(cmd);
                assert_eq!(argv[..2], ["git", "tracker"], "{line}");
                let parsed = <super::super::Cli as clap::Parser>::try_parse_from(
                    std::iter::once("git-tracker".to_owned()).chain(argv[2..].iter().cloned()),
                );
                assert!(
                    parsed.is_ok(),
                    "example {line:?} does not parse: {:?}",
                    parsed.err()
                );
                if !path.is_empty() {
                    assert!(
                        argv[2..].join(" ").starts_with(path) || argv[2] == "list",
                        "example {line:?} is not about `{path}`"
                    );
                }
            }
        }
    }

    #[test]
    fn exit_status_matches_docs_exit_codes() {
        let doc = include_str!("../../docs/exit-codes.md");
        let documented: Vec<u8> = doc
            .lines()
            .filter_map(|l| l.strip_prefix("| "))
            .filter_map(|l| l.split(' ').next()?.parse().ok())
            .collect();
        let ours: Vec<u8> = EXIT_STATUS.iter().map(|(c, _)| *c).collect();
        assert_eq!(ours, documented);
    }

    #[test]
    fn synopses_are_real_command_lines() {
        let pages = pages();
        let show = pages
            .iter()
            .find(|p| p.file_name == "git-tracker-show.1")
            .unwrap();
        assert!(
            show.roff.contains(
                "\\fBgit tracker show\\fR [\\fB\\-\\-format\\fR\\ \\fIFORMAT\\fR] \\fIKEY\\fR\n"
            ),
            "{}",
            show.roff
        );
        for page in &pages {
            assert!(page.roff.contains(".SH EXAMPLES\n"), "{}", page.file_name);
            assert!(
                page.roff.contains(".SH EXIT STATUS\n"),
                "{}",
                page.file_name
            );
            assert!(
                !page.roff.contains("git-tracker-help"),
                "{}",
                page.file_name
            );
        }
    }
}
