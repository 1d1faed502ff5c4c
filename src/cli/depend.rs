//! `git tracker depend` and `git tracker undepend`

use clap::Args;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;

/// Make a ticket depend on another one (it is blocked until the other is finished)
///
/// `git tracker depend TRK-3 --on TRK-7` records that TRK-3 depends on TRK-7: TRK-7 blocks
/// TRK-3 while it is in progress. `show` prints both trees (what a ticket depends on, what it
/// blocks) with their states; `list --blocked` lists the tickets with a dependency still in
/// progress, `list --blocking` the tickets in progress that others wait for.
///
/// A dependency that would close a cycle is refused (exit 2) and the cycle is printed, e.g.
/// `TRK-7 → TRK-3 → TRK-7`; nothing is written. Two clones can still each add one half of a
/// cycle while apart: after they meet both links stay, the cycle is shown by `show`, `verify`
/// and `list --contested`, and `depend` refuses to touch its tickets until one of its links
/// is removed with `git tracker undepend`. Depending on a ticket twice writes nothing.
#[derive(Args, Debug)]
pub struct DependArgs {
    /// The ticket that depends: its key (TRK-12) or at least 6 leading digits of its id
    pub key: String,
    /// The ticket it depends on (its key or id prefix)
    #[arg(long, value_name = "KEY")]
    pub on: String,
}

/// Remove a dependency between two tickets
///
/// `git tracker undepend TRK-3 --on TRK-7` records that TRK-3 no longer depends on TRK-7. It
/// is always allowed, also on a dependency cycle made in two clones: it is how such a cycle
/// is broken. When TRK-3 does not depend on TRK-7, nothing is written. A removal takes away
/// the dependency as its writer saw it; if another clone added the same dependency
/// concurrently, that addition wins (docs/format.md, "The fold", step 8).
#[derive(Args, Debug)]
pub struct UndependArgs {
    /// The ticket that depends: its key (TRK-12) or at least 6 leading digits of its id
    pub key: String,
    /// The ticket it should no longer depend on (its key or id prefix)
    #[arg(long, value_name = "KEY")]
    pub on: String,
}

/// Runs `depend`.
pub fn depend(ctx: &mut CommandContext, ui: &mut Ui, args: &DependArgs) -> Result<(), CliError> {
    let actor = ctx.actor(ui)?;
    let tracker = ctx.tracker()?;
    let outcome = tracker.tickets().depend(&actor, &args.key, &args.on)?;
    super::report_transitions(ui, &outcome.key.to_string(), &outcome.events);
    let on = on_key(ctx, &args.on)?;
    ui.status(&if outcome.tip.is_some() {
        format!("{} now depends on {on}.", outcome.key)
    } else {
        format!("{} already depends on {on}; nothing written.", outcome.key)
    });
    Ok(())
}

/// Runs `undepend`.
pub fn undepend(
    ctx: &mut CommandContext,
    ui: &mut Ui,
    args: &UndependArgs,
) -> Result<(), CliError> {
    let actor = ctx.actor(ui)?;
    let tracker = ctx.tracker()?;
    let outcome = tracker.tickets().undepend(&actor, &args.key, &args.on)?;
    super::report_transitions(ui, &outcome.key.to_string(), &outcome.events);
    let on = on_key(ctx, &args.on)?;
    ui.status(&if outcome.tip.is_some() {
        format!("{} no longer depends on {on}.", outcome.key)
    } else {
        format!("{} does not depend on {on}; nothing written.", outcome.key)
    });
    Ok(())
}

/// The key of the ticket `--on` names, as the branch says now.
fn on_key(ctx: &mut CommandContext, on: &str) -> Result<String, CliError> {
    let tracker = ctx.tracker()?;
    let snap = tracker.snapshot()?;
    let t = tracker.resolve(&snap, on)?;
    Ok(crate::tracker::key_of(&snap.config, t.number).to_string())
}
