//! The command-line edge: parsing, dispatch, output and exit codes. One file per subcommand.

mod assign;
mod comment;
mod completions;
mod config;
pub mod context;
mod demo;
mod edit;
pub mod error;
#[cfg(test)]
mod guard;
mod init;
pub(crate) mod list;
mod log;
mod new;
mod notify;
mod prefs;
mod query;
mod report;
mod show;
mod state;
mod status;
mod sync;
mod trackers;
mod transfer;
pub mod ui;
mod verify;
mod watch;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use context::CommandContext;
use error::CliError;
use ui::Ui;

const AFTER_HELP: &str = "\
Exit codes:
  0  success
  1  failure: the command was valid but could not finish (git error, I/O, retries exhausted)
  2  usage error or bad input (unknown ticket, illegal transition, invalid email, ...);
     nothing was written
  3  verify found problems on the tracker branch

Data lives on the branch 'tracker' (--tracker NAME or git config tracker.branch picks
another: a repository may hold several trackers), one TOML file per event;
see docs/format.md. The environment variable GIT_TRACKER_NOW (RFC 3339) fixes the clock,
for tests.";

/// A ticket tracker that lives on a branch of your git repository
///
/// Every ticket, comment and state change is a small TOML file committed to a dedicated
/// branch; share them with the git remotes you already have. Your work tree, index and HEAD
/// are never touched.
#[derive(Parser, Debug)]
#[command(name = "git-tracker", bin_name = "git tracker", version, after_long_help = AFTER_HELP)]
pub struct Cli {
    /// Global options.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted by every subcommand.
#[derive(Args, Debug, Clone)]
pub struct GlobalArgs {
    /// Run as if started in DIR (like git -C)
    #[arg(short = 'C', global = true, value_name = "DIR")]
    pub directory: Option<PathBuf>,
    /// Print no status messages (warnings and errors still go to stderr)
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Say more about what happened, e.g. why a change sent no mail
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set;
    /// CLICOLOR_FORCE forces it), always, never
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        default_value = "auto"
    )]
    pub color: ui::ColorWhen,
    /// Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)
    #[arg(long, global = true)]
    pub no_pager: bool,
    /// Show times in UTC instead of the local time zone (TZ); JSON is always UTC
    #[arg(long, global = true)]
    pub utc: bool,
    /// Use the tracker on branch NAME (a repository may hold several; 'git tracker trackers'
    /// lists them) [default: git config tracker.branch, else tracker]
    #[arg(long, global = true, value_name = "NAME", display_order = 1000)]
    pub tracker: Option<String>,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create the tracker branch in this repository
    Init(init::InitArgs),
    /// File a new ticket and print its key
    New(new::NewArgs),
    /// List tickets (in progress by default, newest first)
    #[command(visible_alias = "ls")]
    List(list::ListArgs),
    /// Show a ticket: fields, description, solution, watchers, comments, transitions
    Show(show::ShowArgs),
    /// Show what needs you now: your work, tickets to assign, what changed
    Status(status::StatusArgs),
    /// Manage your saved queries: save, list, delete
    Query(query::QueryArgs),
    /// Show or change which changes you want mail about
    Prefs(prefs::PrefsArgs),
    /// Send waiting mails, list them, or mail about a range of the branch
    Notify(notify::NotifyArgs),
    /// Move a ticket to another state
    State(state::StateArgs),
    /// Close a ticket: move it to RESOLVED
    Close(state::CloseArgs),
    /// Reopen a finished ticket: move it back to OPEN
    Reopen(state::ReopenArgs),
    /// Comment on a ticket, or edit or delete a comment
    Comment(comment::CommentArgs),
    /// Assign a ticket to someone, to yourself, or to nobody
    Assign(assign::AssignArgs),
    /// Watch a ticket (yourself, or someone else)
    Watch(watch::WatchArgs),
    /// Stop watching a ticket (yourself, or someone else)
    Unwatch(watch::UnwatchArgs),
    /// Change a ticket's title, description or solution
    Edit(edit::EditArgs),
    /// Show a ticket's history: who did what, when
    Log(log::LogArgs),
    /// Share tickets with a remote: fetch, combine, push
    Sync(sync::SyncArgs),
    /// Manage the tracker's configuration: show, get, set, edit
    Config(config::ConfigArgs),
    // The help of the commands below is their Args struct's doc comment (a doc comment here
    // would replace its long help, which the completion scripts and man pages are made from).
    #[allow(missing_docs)]
    Trackers(trackers::TrackersArgs),
    #[allow(missing_docs)]
    Transfer(transfer::TransferArgs),
    #[allow(missing_docs)]
    Dispatch(transfer::DispatchArgs),
    /// Check the whole tracker branch and its history (exit 3 when problems are found)
    Verify(verify::VerifyArgs),
    /// Compute reports from the ticket history: states, people, trend, delays, HTML
    Report(report::ReportArgs),
    /// Build a scratch repository, file and move a few tickets, and show the result
    Demo(demo::DemoArgs),
    /// Print a shell completion script
    Completions(completions::CompletionsArgs),
    /// Write man pages (so that 'git tracker --help' works) into a directory
    Man(completions::ManArgs),
}

/// Parses the command line, runs the command, prints any error and returns the exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut ui = Ui::new(ui::Presentation {
        quiet: cli.global.quiet,
        color: cli.global.color,
        no_pager: cli.global.no_pager,
        utc: cli.global.utc,
    });
    let mut ctx = CommandContext::new(cli.global.clone());
    if matches!(cli.command, Command::Init(_) | Command::Sync(_)) {
        ctx.without_remote_checks();
    }
    let result = dispatch(&mut ctx, &mut ui, &cli.command);
    // Commit first, then send (R43): a mail that cannot go waits in the outbox.
    if result.is_ok() {
        notify::after_command(&mut ctx, &mut ui);
    }
    for note in ctx.take_notes() {
        ui.warn(&note);
    }
    error::report(&mut ui, result)
}

fn dispatch(ctx: &mut CommandContext, ui: &mut Ui, cmd: &Command) -> Result<(), CliError> {
    match cmd {
        Command::Init(a) => init::run(ctx, ui, a),
        Command::New(a) => new::run(ctx, ui, a),
        Command::List(a) => list::run(ctx, ui, a),
        Command::Show(a) => show::run(ctx, ui, a),
        Command::Status(a) => status::run(ctx, ui, a),
        Command::Query(a) => query::run(ctx, ui, a),
        Command::Prefs(a) => prefs::run(ctx, ui, a),
        Command::Notify(a) => notify::run(ctx, ui, a),
        Command::State(a) => state::run(ctx, ui, a),
        Command::Close(a) => state::close(ctx, ui, a),
        Command::Reopen(a) => state::reopen(ctx, ui, a),
        Command::Comment(a) => comment::run(ctx, ui, a),
        Command::Assign(a) => assign::run(ctx, ui, a),
        Command::Watch(a) => watch::watch(ctx, ui, a),
        Command::Unwatch(a) => watch::unwatch(ctx, ui, a),
        Command::Edit(a) => edit::run(ctx, ui, a),
        Command::Log(a) => log::run(ctx, ui, a),
        Command::Sync(a) => sync::run(ctx, ui, a),
        Command::Config(a) => config::run(ctx, ui, a),
        Command::Trackers(a) => trackers::run(ctx, ui, a),
        Command::Transfer(a) => transfer::transfer(ctx, ui, a),
        Command::Dispatch(a) => transfer::dispatch(ctx, ui, a),
        Command::Verify(a) => verify::run(ctx, ui, a),
        Command::Report(a) => report::run(ctx, ui, a),
        Command::Demo(a) => demo::run(ui, a),
        Command::Completions(a) => completions::run(ui, a),
        Command::Man(a) => completions::man(ui, a),
    }
}

/// The clap command tree (for completions, man pages and tests).
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

/// Status lines for the state changes a write made (explicit or automatic).
fn report_transitions(ui: &mut Ui, key: &str, events: &[crate::model::Event]) {
    for e in events {
        if let crate::model::Action::State { from, to, .. } = &e.action {
            ui.status(&format!("{key}: {from} -> {to}"));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn verify_app() {
        super::command().debug_assert();
    }
}
