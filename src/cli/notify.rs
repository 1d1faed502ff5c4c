//! `git tracker notify`: the outbox of mail notifications (R40–R44), and the central mode that
//! mails about what a push brought.

use clap::Args;
use serde::Serialize;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::notify::{self as mail, Outbox};
use crate::report::json::SCHEMA_VERSION;
use crate::report::OutputFormat;
use crate::store::Tip;
use crate::text::sanitize_line;

/// Send waiting mails, list them, or mail about a range of the branch
///
/// Every write command commits first and then mails the people its change concerns
/// (docs/notify.md), through the transport of git config tracker.mail.transport
/// (smtp://HOST:PORT, smtp://HOST:587?tls=required, smtps://HOST:465, sendmail or file:DIR),
/// from tracker.mail.from, with tracker.mail.user and the password of GIT_TRACKER_SMTP_PASSWORD
/// or tracker.mail.passwordCommand. With no transport nothing is sent, and that is not an
/// error. A mail that cannot be sent waits in .git/tracker/outbox/ and goes with the next
/// command or `notify --flush`; none is sent twice.
#[derive(Args, Debug)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["flush", "status", "range"]))]
pub struct NotifyArgs {
    /// Send every waiting mail now
    #[arg(long)]
    pub flush: bool,
    /// List the waiting mails
    #[arg(long)]
    pub status: bool,
    /// Queue and send the mails for every event the commits OLD..NEW of the tracker branch
    /// brought (for a post-receive hook or a CI job); mails already sent are not sent again
    #[arg(long, value_name = "OLD..NEW")]
    pub range: Option<String>,
    /// Output format of --status
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

#[derive(Serialize)]
struct WaitingView {
    name: String,
    to: String,
    subject: String,
}

#[derive(Serialize)]
struct StatusView {
    schema_version: u32,
    waiting: Vec<WaitingView>,
}

/// Runs `notify`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &NotifyArgs) -> Result<(), CliError> {
    let tracker = ctx.tracker()?;
    let outbox = Outbox::new(tracker.store().state_dir());
    if args.status {
        let waiting = outbox.pending();
        match args.format {
            OutputFormat::Json => {
                let view = StatusView {
                    schema_version: SCHEMA_VERSION,
                    waiting: waiting
                        .into_iter()
                        .map(|(name, q)| WaitingView {
                            name,
                            to: q.to,
                            subject: q.subject,
                        })
                        .collect(),
                };
                crate::report::json::write(ui.out(), &view)?;
            }
            OutputFormat::Table => {
                for (_, q) in &waiting {
                    writeln!(
                        ui.out(),
                        "{}  {}",
                        sanitize_line(&q.to),
                        sanitize_line(&q.subject)
                    )?;
                }
                if waiting.is_empty() {
                    ui.status("No mail is waiting.");
                }
            }
        }
        return Ok(());
    }
    let config = mail::config(tracker).map_err(CliError::bad_input)?;
    let Some(config) = config else {
        return Err(CliError::bad_input(anyhow::anyhow!(
            "no mail transport is configured (git config tracker.mail.transport)"
        ))
        .hint("git config tracker.mail.transport smtp://localhost:25"));
    };
    if let Some(range) = &args.range {
        let (old, new) = parse_range(tracker, range)?;
        let queued = mail::queue_range(tracker, &config, old, new)?;
        ui.status(&format!("{queued} mail(s) queued for {range}."));
    }
    let done = outbox.flush(&config);
    report(ui, &done);
    if done.failed > 0 {
        return Err(CliError::failure(anyhow::anyhow!(
            "{} mail(s) could not be sent and wait in the outbox: {}",
            done.failed,
            done.error.unwrap_or_default()
        )));
    }
    Ok(())
}

fn report(ui: &mut Ui, done: &mail::Flushed) {
    if done.sent > 0 {
        ui.status(&format!("Sent {} mail(s).", done.sent));
    }
}

/// `OLD..NEW`: two revisions of the repository (OLD may be empty or all zeros: from the
/// branch's start).
fn parse_range(
    tracker: &crate::tracker::Tracker,
    range: &str,
) -> Result<(Option<Tip>, Tip), CliError> {
    let bad = || {
        CliError::bad_input(anyhow::anyhow!(
            "invalid range {range:?}: use OLD..NEW (two commits of the tracker branch)"
        ))
    };
    let (old, new) = range.split_once("..").ok_or_else(bad)?;
    let store = tracker.store();
    let old = if old.is_empty() || old.bytes().all(|b| b == b'0') {
        None
    } else {
        Some(store.resolve_commit(old).map_err(|_| bad())?)
    };
    let new = store.resolve_commit(new).map_err(|_| bad())?;
    Ok((old, new))
}

/// After a command: mails about what it wrote, then a flush of the outbox. Never fails the
/// command: a problem is a warning, and the mail waits.
pub fn after_command(ctx: &mut CommandContext, ui: &mut Ui) {
    let verbose = ctx.verbose();
    // Commands that never opened the tracker (completions, man, demo) have nothing to send.
    let Some(tracker) = ctx.opened() else {
        return;
    };
    let written = tracker.take_written();
    let outbox = Outbox::new(tracker.store().state_dir());
    if written.is_empty() && outbox.waiting() == 0 {
        return;
    }
    let config = match mail::config(tracker) {
        Ok(Some(c)) => c,
        Ok(None) => {
            if verbose && !written.is_empty() {
                ui.status(
                    "No mail sent: no transport is configured (git config \
                     tracker.mail.transport; docs/notify.md).",
                );
            }
            return;
        }
        Err(_) => return,
    };
    let wrote = !written.is_empty();
    for (old, new) in written {
        if let Err(e) = mail::queue_range(tracker, &config, Some(old), new) {
            ui.warn(&format!("mails about {new} could not be queued: {e}"));
        }
    }
    if !outbox.due() {
        // A flush failed moments ago: the retry is left to a later command.
        let waiting = outbox.waiting();
        if wrote && waiting > 0 {
            ui.warn(&format!(
                "{waiting} mail(s) wait in the outbox: sending failed less than a minute ago \
                 (git tracker notify --flush tries now)"
            ));
        }
        return;
    }
    let done = outbox.flush(&config);
    report(ui, &done);
    if done.failed > 0 {
        ui.warn(&format!(
            "{} mail(s) could not be sent and wait in the outbox (git tracker notify --flush): {}",
            done.failed,
            done.error.unwrap_or_default()
        ));
    }
}
