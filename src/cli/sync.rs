//! `git tracker sync`

use std::io::{IsTerminal, Write};

use clap::Args;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::report::json::{ArrivalView, RenumberedView, SyncView, SCHEMA_VERSION};
use crate::report::table::{describe, describe_raw, Columns};
use crate::report::OutputFormat;
use crate::store::{Store, StoreError, Transport, DEFAULT_SYNC_TIMEOUT};
use crate::text::sanitize_line;
use crate::tracker::sync::{SyncOptions, SyncReport};
use crate::tracker::TrackerError;

/// Share tickets with a remote: fetch its tracker branch, combine, push.
///
/// Commits made here since the last sync are replayed on top of the remote's (files never
/// conflict). A ticket created here whose number the remote already uses gets the next free
/// number, and sync says so ("TRK-7 is now TRK-9"); numbers that reached the remote never
/// change. When the remote moved during the push, sync starts again. In a fresh clone with no
/// tracker branch, sync takes the remote's. The transport is the git command, so every remote
/// git can reach works, with your usual credentials.
///
/// The branch is append-only: when the remote's branch lost events this clone has seen
/// published (deleted or changed event files), sync refuses it, receives nothing, and names
/// the remote commit; --accept-deletions takes it (an administrator's deliberate purge).
///
/// A push the remote refuses for another reason than new commits (a server hook, a deny
/// setting) stops sync at once with exit code 1, showing what the remote said. The git commands
/// of one sync share one deadline (--timeout, else git config tracker.syncTimeout, else 120
/// seconds): past it git is stopped and sync fails with exit code 1; run it again.
#[derive(Args, Debug)]
pub struct SyncArgs {
    /// A remote name, path or URL [default: git config tracker.remote, else
    /// branch.tracker.remote, else origin]
    pub remote: Option<String>,
    /// Take a remote branch that deleted or changed published events (an administrator's
    /// deliberate purge) instead of refusing it
    #[arg(long)]
    pub accept_deletions: bool,
    /// Give up after SECONDS: every git command of this sync (ls-remote, fetch, push) must
    /// have finished by then [default: git config tracker.syncTimeout, else 120]
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: Option<u64>,
    /// Output format (json: one document describing what happened)
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

/// Runs `sync`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &SyncArgs) -> Result<(), CliError> {
    let before = ctx.tracker()?.store().tip()?;
    let report = share(
        ctx,
        ui,
        args.remote.as_deref(),
        args.timeout,
        args.accept_deletions,
    )?;
    // What arrived, from the diff of the tips before and after (a clone that had no branch
    // yet lists nothing: everything would be new).
    let tracker = ctx.tracker()?;
    let arrived = match before {
        Some(old) if report.received && !report.took_remote => {
            tracker.sharing().arrived(old, report.tip)?
        }
        _ => Vec::new(),
    };
    let snap = tracker.snapshot()?;
    let sees_private = tracker.viewer().sees_private(&snap.config);
    if args.format == OutputFormat::Table && !arrived.is_empty() {
        let new = arrived.iter().filter(|a| a.new_ticket).count();
        let changes = arrived.len() - new;
        let style = ui.table_style();
        let title = crate::report::table::heading("Arrived", style);
        writeln!(
            ui.out(),
            "{title}: {new} new ticket(s), {changes} change(s) to tickets you watch or are \
             assigned"
        )?;
        let rows: Vec<Vec<String>> = arrived
            .iter()
            .map(|a| {
                vec![
                    a.key.to_string(),
                    a.event.author.shown().to_owned(),
                    describe(
                        &a.event.action,
                        &snap.config,
                        sees_private,
                        &Default::default(),
                    ),
                ]
            })
            .collect();
        crate::report::table::rows(
            ui.out(),
            &["KEY", "WHO", "WHAT"],
            &rows,
            Columns {
                key: Some(0),
                gives_way: Some(2),
                ..Columns::default()
            },
            style,
        )?;
    }
    if args.format == OutputFormat::Json {
        let view = SyncView {
            schema_version: SCHEMA_VERSION,
            remote: report.remote.clone(),
            tip: report.tip.to_string(),
            took_remote: report.took_remote,
            received: report.received,
            pushed: report.pushed,
            renumbered: report
                .renumbered
                .iter()
                .map(|r| RenumberedView {
                    id: r.id.to_string(),
                    from: r.from.clone(),
                    to: r.to.clone(),
                })
                .collect(),
            arrived: arrived
                .iter()
                .map(|a| ArrivalView {
                    key: a.key.to_string(),
                    ticket: a.event.ticket.to_string(),
                    title: a.title.clone(),
                    new_ticket: a.new_ticket,
                    event: a.event.id.to_string(),
                    kind: a.event.action.kind().to_owned(),
                    at: a.event.at,
                    who: (&a.event.author).into(),
                    what: describe_raw(
                        &a.event.action,
                        &snap.config,
                        sees_private,
                        &Default::default(),
                    ),
                })
                .collect(),
        };
        crate::report::json::write(ui.out(), &view)?;
    }
    Ok(())
}

/// Synchronises with `remote` (default: the tracker's default remote) and says what
/// happened on stderr, as `sync` does (also for `new --sync`).
pub fn share(
    ctx: &mut CommandContext,
    ui: &mut Ui,
    remote: Option<&str>,
    timeout_flag: Option<u64>,
    accept_deletions: bool,
) -> Result<SyncReport, CliError> {
    let tracker = ctx.tracker()?;
    let remote = remote
        .map(str::to_owned)
        .unwrap_or_else(|| tracker.sharing().default_remote());
    let progress = std::io::stderr().is_terminal() && !ui.is_quiet();
    let options = SyncOptions {
        transport: Transport::new(progress, timeout(tracker.store(), timeout_flag)?),
        accept_deletions,
    };
    let report = tracker
        .sharing()
        .sync(&remote, &options)
        .inspect_err(|e| show_refusal(ui, e))?;
    if !report.accepted_removals.is_empty() {
        ui.warn(&format!(
            "took {} deleted or changed published event file(s) from {remote} (--accept-deletions)",
            report.accepted_removals.len()
        ));
    }
    for r in &report.renumbered {
        ui.status(&format!("{} is now {}", r.from, r.to));
    }
    let summary = match (report.took_remote, report.received, report.pushed) {
        (true, _, _) => format!("Took the tracker branch from {remote}."),
        (false, true, true) => format!("Combined with {remote} and pushed."),
        (false, true, false) => format!("Received changes from {remote}."),
        (false, false, true) => format!("Pushed to {remote}."),
        (false, false, false) => format!("Already in sync with {remote}."),
    };
    ui.status(&summary);
    Ok(report)
}

/// The timeout of this sync, in seconds: `--timeout`, else git config tracker.syncTimeout,
/// else [`DEFAULT_SYNC_TIMEOUT`].
pub(crate) fn timeout(store: &Store, flag: Option<u64>) -> Result<u64, CliError> {
    Ok(match flag {
        Some(s) => s,
        None => store.sync_timeout()?.unwrap_or(DEFAULT_SYNC_TIMEOUT),
    })
}

/// When the remote refused the push, shows what it said (its text, so sanitized) before the
/// error line, as git shows it: `remote: …`.
pub(crate) fn show_refusal(ui: &mut Ui, e: &TrackerError) {
    if let TrackerError::Store(StoreError::PushRefused { remote_said, .. }) = e {
        let _ = ui.flush();
        let mut stderr = std::io::stderr().lock();
        for line in remote_said {
            let _ = writeln!(stderr, "remote: {}", sanitize_line(line));
        }
    }
}
