//! The command-line edge: parsing, dispatch, output and exit codes. One file per subcommand.

mod assign;
mod attachment;
mod comment;
mod completions;
mod config;
pub mod context;
mod demo;
mod depend;
mod edit;
pub mod error;
mod export;
#[cfg(test)]
mod guard;
mod hooks;
mod import;
mod init;
mod label;
pub(crate) mod list;
mod log;
mod man;
mod new;
mod notify;
mod parse;
mod prefs;
mod priority;
mod query;
mod raise;
mod report;
mod scan;
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
///
/// The variants carry no doc comments, on purpose: clap would take a variant's doc comment
/// over its Args struct's and drop the struct's long help from `--help`, the man pages and the
/// completion scripts. Each Args struct's doc comment is its help (first line: the summary).
/// A unit test enforces this for every variant.
#[derive(Subcommand, Debug)]
#[allow(missing_docs)]
pub enum Command {
    Init(init::InitArgs),
    #[command(visible_alias = "create")]
    New(new::NewArgs),
    #[command(visible_alias = "ls")]
    List(list::ListArgs),
    #[command(visible_alias = "view")]
    Show(show::ShowArgs),
    Status(status::StatusArgs),
    Query(query::QueryArgs),
    Prefs(prefs::PrefsArgs),
    Notify(notify::NotifyArgs),
    State(state::StateArgs),
    Close(state::CloseArgs),
    Reopen(state::ReopenArgs),
    Comment(comment::CommentArgs),
    Assign(assign::AssignArgs),
    Watch(watch::WatchArgs),
    Unwatch(watch::UnwatchArgs),
    Edit(edit::EditArgs),
    Priority(priority::PriorityArgs),
    Raise(raise::RaiseArgs),
    Depend(depend::DependArgs),
    Undepend(depend::UndependArgs),
    Label(label::LabelArgs),
    Attachment(attachment::AttachmentArgs),
    Log(log::LogArgs),
    Sync(sync::SyncArgs),
    Scan(scan::ScanArgs),
    Hooks(hooks::HooksArgs),
    Config(config::ConfigArgs),
    Trackers(trackers::TrackersArgs),
    Transfer(transfer::TransferArgs),
    Dispatch(transfer::DispatchArgs),
    Verify(verify::VerifyArgs),
    Report(report::ReportArgs),
    Export(export::ExportArgs),
    Import(import::ImportArgs),
    Demo(demo::DemoArgs),
    Completions(completions::CompletionsArgs),
    Man(man::ManArgs),
}

/// Parses the command line, runs the command, prints any error and returns the exit code.
pub fn main() -> ExitCode {
    // Cli::parse(), with each subcommand's examples at the end of its --help.
    let cli = parse::parse();
    let mut ui = Ui::new(ui::Presentation {
        quiet: cli.global.quiet,
        color: cli.global.color,
        no_pager: cli.global.no_pager,
        utc: cli.global.utc,
    });
    let mut ctx = CommandContext::new(cli.global.clone());
    // `hooks` only writes hook files: it leaves the tracker branch alone.
    if matches!(
        cli.command,
        Command::Init(_) | Command::Sync(_) | Command::Hooks(_)
    ) {
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
    let code = error::report(&mut ui, result);
    // The process ends here: its memory and files go back to the kernel at once, while
    // dropping the tracker would free the index's page cache page by page and unmap libgit2's
    // pack windows one at a time (each unmapping flushes the other CPUs' address caches). Its
    // drops have nothing left to do: every write is committed, the index's log is kept
    // between processes, and locks are taken and released within the calls that need them.
    // The UI is dropped as usual: it flushes the output and waits for the pager.
    std::mem::forget(ctx);
    code
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
        Command::Priority(a) => priority::run(ctx, ui, a),
        Command::Raise(a) => raise::run(ctx, ui, a),
        Command::Depend(a) => depend::depend(ctx, ui, a),
        Command::Undepend(a) => depend::undepend(ctx, ui, a),
        Command::Label(a) => label::run(ctx, ui, a),
        Command::Attachment(a) => attachment::run(ctx, ui, a),
        Command::Log(a) => log::run(ctx, ui, a),
        Command::Sync(a) => sync::run(ctx, ui, a),
        Command::Scan(a) => scan::run(ctx, ui, a),
        Command::Hooks(a) => hooks::run(ctx, ui, a),
        Command::Config(a) => config::run(ctx, ui, a),
        Command::Trackers(a) => trackers::run(ctx, ui, a),
        Command::Transfer(a) => transfer::transfer(ctx, ui, a),
        Command::Dispatch(a) => transfer::dispatch(ctx, ui, a),
        Command::Verify(a) => verify::run(ctx, ui, a),
        Command::Report(a) => report::run(ctx, ui, a),
        Command::Export(a) => export::run(ctx, ui, a),
        Command::Import(a) => import::run(ctx, ui, a),
        Command::Demo(a) => demo::run(ui, a),
        Command::Completions(a) => completions::run(ui, a),
        Command::Man(a) => man::run(ui, a),
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

    /// The variants of `Command` carry no doc comments (`///` or `#[doc]`): clap would take
    /// them over the Args structs' help text and lose its long help (see `Command`). So every
    /// subcommand's help is its Args struct's doc comment, and every one has a summary.
    #[test]
    fn command_variants_have_no_doc_comments() {
        let source = include_str!("mod.rs");
        let start = source
            .find("pub enum Command {")
            .expect("mod.rs defines enum Command");
        let body = &source[start..];
        let body = &body[..body.find("\n}\n").expect("enum Command ends")];
        for line in body.lines().map(str::trim) {
            assert!(
                !line.starts_with("///") && !line.starts_with("#[doc"),
                "a Command variant has a doc comment: {line:?}; put the help text on its Args \
                 struct instead (see the comment on enum Command in src/cli/mod.rs)"
            );
        }
        for sub in super::command().get_subcommands() {
            if sub.get_name() != "help" {
                assert!(
                    sub.get_about().is_some(),
                    "`git tracker {}` has no help: give its Args struct a doc comment",
                    sub.get_name()
                );
            }
        }
    }
}
