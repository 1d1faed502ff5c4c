//! `git tracker watch` and `git tracker unwatch`

use clap::Args;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::model::notify::NotifyEvent;
use crate::report::table::kinds_text;
use crate::text::sanitize_line;

/// Watch a ticket: yourself, or the person with EMAIL
///
/// A watch sends mail about the kinds of change its watcher's preferences name
/// (`git tracker prefs`), unless --events gives it a mask of its own: then it sends mail about
/// those kinds only, whatever the preferences say. `watch KEY` without --events puts a watch
/// with a mask of its own back on the preferences. `show` prints each mask that differs from
/// its watcher's preferences. In strict mode only managers add or change someone else's
/// watch.
#[derive(Args, Debug)]
pub struct WatchArgs {
    /// The ticket: its key (TRK-12, or just 12) or at least 6 leading digits of its id
    pub key: String,
    /// Who: an email, "Name <email>" or @me [default: you]
    pub email: Option<String>,
    /// The kinds of change this watch sends mail about (comma-separated, `all`, or `none`):
    /// open, resolving, waiting, testing, published, resolved, abandonned, validated,
    /// transfered, comment, assign
    #[arg(long, value_name = "KINDS")]
    pub events: Option<String>,
}

/// Stop watching a ticket: yourself, or the person with EMAIL
///
/// In strict mode only managers remove someone else's watch.
#[derive(Args, Debug)]
pub struct UnwatchArgs {
    /// The ticket: its key (TRK-12, or just 12) or at least 6 leading digits of its id
    pub key: String,
    /// Who: an email, "Name <email>" or @me [default: you]
    pub email: Option<String>,
}

/// Runs `watch`.
pub fn watch(ctx: &mut CommandContext, ui: &mut Ui, args: &WatchArgs) -> Result<(), CliError> {
    let mask = match args.events.as_deref().map(str::trim) {
        None => None,
        Some(none) if none.eq_ignore_ascii_case("none") => Some(Vec::new()),
        Some(list) => {
            let mut kinds = NotifyEvent::parse_list(list)?;
            kinds.sort();
            Some(kinds)
        }
    };
    run(ctx, ui, &args.key, args.email.as_deref(), Some(mask))
}

/// Runs `unwatch`.
pub fn unwatch(ctx: &mut CommandContext, ui: &mut Ui, args: &UnwatchArgs) -> Result<(), CliError> {
    run(ctx, ui, &args.key, args.email.as_deref(), None)
}

/// Adds or changes a watch (`watch` holds the mask asked for, if any) or removes one.
fn run(
    ctx: &mut CommandContext,
    ui: &mut Ui,
    key: &str,
    email: Option<&str>,
    watch: Option<Option<Vec<NotifyEvent>>>,
) -> Result<(), CliError> {
    let actor = ctx.actor(ui)?;
    let snap = ctx.snapshot(ui)?;
    let tracker = ctx.tracker()?;
    let who = match email {
        Some(e) => tracker.person(&snap, e)?,
        None => actor.person.clone(),
    };
    let add = watch.is_some();
    let mask = watch.flatten();
    let outcome = tracker
        .tickets()
        .watch(&actor, key, &who, add, mask.as_deref())?;
    let who = sanitize_line(&who.to_string()).into_owned();
    let key = outcome.key;
    ui.status(&match (outcome.tip.is_some(), add, &mask) {
        (true, true, Some(m)) => {
            format!("{who} watches {key}, with mail about: {}.", kinds_text(m))
        }
        (true, true, None) => format!("{who} now watches {key}."),
        (true, false, _) => format!("{who} no longer watches {key}."),
        (false, true, _) => format!("{who} already watches {key}; nothing changed."),
        (false, false, _) => format!("{who} does not watch {key}; nothing changed."),
    });
    Ok(())
}
