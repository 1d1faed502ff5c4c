//! `git tracker verify`

use clap::Args;
use serde::Serialize;

use crate::cli::context::CommandContext;
use crate::cli::error::{CliError, Kind};
use crate::cli::ui::Ui;
use crate::report::json::SCHEMA_VERSION;
use crate::report::OutputFormat;
use crate::text::sanitize_line;
use crate::verify::Problem;

/// Check the whole tracker branch and its history
///
/// Reports, each with the path of the file concerned: files that do not parse or do not match
/// the format (malformed), event files changed after they were written (rewritten), event files
/// whose commit was made by someone else than the event's author (forged-author), state changes
/// the configuration in force at the time did not allow their author (forbidden-transition),
/// state changes that start from another state than their author had seen (from-mismatch),
/// references to events that do not exist (dangling), and two tickets claiming one number
/// without a merge to explain it (duplicate-key). Exit code 0 when clean, 3 when problems were
/// found, 1 when the check could not run. See docs/verify.md for CI and server-side hooks.
///
/// With --rev, the history ending at that commit is checked instead of the branch tip (a
/// pre-receive hook checks a pushed commit this way before the branch moves).
#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// Check the history ending at REV (any commit: an id, a ref, tracker~2) instead of the
    /// tracker branch's tip
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
}

/// Runs `verify`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &VerifyArgs) -> Result<(), CliError> {
    let tracker = ctx.tracker()?;
    let tip = match &args.rev {
        Some(rev) => tracker.store().resolve_commit(rev)?,
        None => tracker.store().require_tip()?,
    };
    let problems = tracker.verify(tip)?;
    match args.format {
        OutputFormat::Json => {
            let view = VerifyView {
                schema_version: SCHEMA_VERSION,
                ok: problems.is_empty(),
                problems: &problems,
            };
            crate::report::json::write(ui.out(), &view)?;
        }
        OutputFormat::Table => {
            for p in &problems {
                writeln!(
                    ui.out(),
                    "{}: {}: {}",
                    sanitize_line(&p.path),
                    p.kind,
                    sanitize_line(&p.message)
                )?;
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
