//! `git tracker priority`

use clap::{ArgGroup, Args};

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::tracker::priority::{Moved, Place, Target};

/// Move a ticket in the priority ranking.
///
/// Tickets in progress can be ranked: 'git tracker list --sort priority' lists them in
/// order, with their position (1 is the most urgent) in the PRIO column; unranked tickets come
/// after them. Give exactly one move: --top, --bottom, --up (one place up), --down (one place
/// down), --before KEY or --after KEY (just before or after another ranked ticket). A ticket
/// that is not ranked yet can be ranked with --top, --bottom, --before or --after; --up and
/// --down need a ranked ticket. A move that leaves the ticket where it is (--up on the first,
/// --down on the last, --top on the first …) changes nothing and succeeds (exit 0), except on a
/// ticket whose priority is contested, where it confirms the place and settles the contest.
///
/// A move is one event on the moved ticket: a rank key between its new neighbours' keys
/// (docs/format.md, "Priorities"), so moves made in two clones merge without renumbering
/// anything; when two clones move the same ticket, both clones settle on the same place and
/// the ticket is listed as contested until it is moved again. Finished tickets leave the
/// ranking; a ticket that was ranked comes back at the bottom when it is reopened.
///
/// In strict mode only the members of the roles in 'priority_roles' (default: manager) may move
/// priorities; anyone else is refused (exit 2) and nothing is written. Anyone may ask for a
/// ticket to move up with 'git tracker raise'.
#[derive(Args, Debug)]
#[command(group(
    ArgGroup::new("move")
        .required(true)
        .args(["top", "bottom", "up", "down", "before", "after"])
))]
pub struct PriorityArgs {
    /// The ticket: its key (TRK-12) or at least 6 leading digits of its id
    pub key: String,
    /// Move it to the top: first
    #[arg(long)]
    pub top: bool,
    /// Move it to the bottom: after every ranked ticket
    #[arg(long)]
    pub bottom: bool,
    /// Move it one place up
    #[arg(long)]
    pub up: bool,
    /// Move it one place down
    #[arg(long)]
    pub down: bool,
    /// Move it just before the ranked ticket KEY
    #[arg(long, value_name = "KEY")]
    pub before: Option<String>,
    /// Move it just after the ranked ticket KEY
    #[arg(long, value_name = "KEY")]
    pub after: Option<String>,
}

impl PriorityArgs {
    /// The move asked for (clap requires exactly one).
    fn target(&self) -> Target {
        match (&self.before, &self.after) {
            (Some(k), _) => Target::Before(k.clone()),
            (_, Some(k)) => Target::After(k.clone()),
            _ if self.top => Target::Top,
            _ if self.bottom => Target::Bottom,
            _ if self.up => Target::Up,
            _ => {
                debug_assert!(self.down, "clap requires one move");
                Target::Down
            }
        }
    }
}

/// Runs `priority`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &PriorityArgs) -> Result<(), CliError> {
    let actor = ctx.actor(ui)?;
    ctx.snapshot(ui)?;
    let moved = ctx
        .tracker()?
        .priorities()
        .move_to(&actor, &args.key, &args.target())?;
    say_where(ui, &moved)
}

/// Says where a moved ticket stands now, by its neighbours in the ranking.
pub fn say_where(ui: &mut Ui, moved: &Moved) -> Result<(), CliError> {
    let key = moved.outcome.key.to_string();
    // (where it is, what is next to it)
    let (at, next) = match &moved.place {
        None => ("not ranked".to_owned(), None),
        Some(Place {
            above: None,
            below: None,
        }) => ("the only ticket".to_owned(), None),
        Some(Place {
            above: None,
            below: Some(b),
        }) => ("first".to_owned(), Some(format!("above {b}"))),
        Some(Place {
            above: Some(a),
            below: None,
        }) => ("last".to_owned(), Some(format!("below {a}"))),
        Some(Place {
            above: Some(a),
            below: Some(b),
        }) => (format!("between {a} and {b}"), None),
    };
    match (&moved.unchanged, next) {
        (Some(why), Some(next)) => ui.status(&format!("{why} ({next}); nothing changed.")),
        (Some(why), None) => ui.status(&format!("{why}; nothing changed.")),
        (None, Some(next)) => ui.status(&format!("{key} is now {at} in the priorities, {next}.")),
        (None, None) => ui.status(&format!("{key} is now {at} in the priorities.")),
    }
    Ok(())
}
