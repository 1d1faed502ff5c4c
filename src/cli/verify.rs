//! `git tracker verify`

use clap::Args;
use serde::Serialize;

use crate::cli::context::CommandContext;
use crate::cli::error::{CliError, Kind};
use crate::cli::ui::Ui;
use crate::report::json::SCHEMA_VERSION;
use crate::report::OutputFormat;
use crate::text::sanitize_line;
use crate::tracker::verify::{Contested, Cycle, Problem};

/// Check the whole tracker branch and its history (exit 3 when problems are found)
///
/// Reports, each with the path of the file concerned: files that do not parse or do not match
/// the format, foreign files named one by one (malformed); event files that a later commit
/// removed (deleted) or changed (rewritten); event files whose commit was made by someone else
/// than the event's author (forged-author); changes of tracker.toml by someone the
/// configuration in force did not allow, in strict mode anyone but a manager
/// (forbidden-config); state changes the configuration in force at the time did not allow
/// their author (forbidden-transition); state changes that start from another state than
/// their author had seen (from-mismatch); references to events or tickets that do not exist
/// (dangling); links to a tracker or ticket of another tracker that is not there
/// (dangling-link); two tickets claiming one number without a merge to explain it
/// (duplicate-key); attachments whose file is missing (missing-attachment) or differs from
/// what its event records (attachment-mismatch), over the limit in force when attached or over
/// the format's limit (over-limit), and files no event attached (malformed).
/// Tickets with contested fields (changed concurrently in two clones) and dependency cycles
/// (two clones each added one link of the cycle) are listed after the problems, as
/// information: they are not problems. Exit code 0 when clean, 3 when problems
/// were found, 1 when the check could not run. See docs/verify.md for CI and server-side
/// hooks.
#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// Check the history ending at REV (a commit id or any revision) instead of the tracker
    /// branch's tip, e.g. a commit being pushed, from a pre-receive hook
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

#[derive(Serialize)]
struct VerifyView<'a> {
    schema_version: u32,
    ok: bool,
    problems: &'a [Problem],
    contested: &'a [Contested],
    cycles: &'a [Cycle],
}

/// Runs `verify`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &VerifyArgs) -> Result<(), CliError> {
    let found = ctx.tracker()?.audit().verify(args.rev.as_deref())?;
    let problems = &found.problems;
    match args.format {
        OutputFormat::Json => {
            let view = VerifyView {
                schema_version: SCHEMA_VERSION,
                ok: problems.is_empty(),
                problems,
                contested: &found.contested,
                cycles: &found.cycles,
            };
            crate::report::json::write(ui.out(), &view)?;
        }
        OutputFormat::Table => {
            for p in problems {
                writeln!(
                    ui.out(),
                    "{}: {}: {}",
                    sanitize_line(&p.path),
                    p.kind,
                    sanitize_line(&p.message)
                )?;
            }
            if !found.contested.is_empty() {
                writeln!(
                    ui.out(),
                    "Contested tickets (information, not problems: a later change settles them):"
                )?;
                for c in &found.contested {
                    writeln!(
                        ui.out(),
                        "  {}  {}  {}",
                        sanitize_line(&c.key),
                        c.fields.join(", "),
                        c.path
                    )?;
                }
            }
            if !found.cycles.is_empty() {
                writeln!(
                    ui.out(),
                    "Dependency cycles (information, not problems: added in two clones; \
                     'git tracker undepend' one link to break each):"
                )?;
                for c in &found.cycles {
                    writeln!(ui.out(), "  {}", c.path.join(" → "))?;
                }
            }
        }
    }
    if problems.is_empty() {
        ui.status("The tracker branch is clean.");
        Ok(())
    } else {
        Err(CliError {
            kind: Kind::Problems,
            error: anyhow::anyhow!("verify found {} problem(s)", problems.len()),
            hints: Vec::new(),
        })
    }
}
