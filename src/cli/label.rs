//! `git tracker label`

use anyhow::anyhow;
use clap::Args;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::text::sanitize_line;

/// Add labels to a ticket or take them away
///
/// `git tracker label TRK-12 +bug +ui -triage` adds bug and ui and takes triage away, in one
/// change; a word without + or - is added. Labels are free words (at most 50 characters, no
/// spaces or commas), written in lower case. When the tracker's `labels.allowed` names some
/// labels, only those may be added (`git tracker config set labels.allowed bug,ui,triage`);
/// `labels.color.NAME` gives one a colour in tables. Adding a label the ticket has, or taking
/// away one it has not, changes nothing; when nothing changes nothing is written.
///
/// Labels added and removed in two clones merge as sets: a removal takes away the additions
/// its writer had seen, so when one clone removes a label while another adds it, the label
/// stays (docs/format.md, "The fold", step 8). `list --label bug` and the query `label:bug`
/// find them; `list` shows a LABELS column when a listed ticket has one.
#[derive(Args, Debug)]
pub struct LabelArgs {
    /// The ticket: its key (TRK-12) or at least 6 leading digits of its id
    pub key: String,
    /// The changes: +LABEL adds, -LABEL takes away, LABEL adds
    #[arg(
        required = true,
        allow_hyphen_values = true,
        value_name = "+LABEL|-LABEL"
    )]
    pub changes: Vec<String>,
}

/// Runs `label`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &LabelArgs) -> Result<(), CliError> {
    let mut add = Vec::new();
    let mut remove = Vec::new();
    for c in &args.changes {
        match (c.strip_prefix('+'), c.strip_prefix('-')) {
            (Some(l), _) => add.push(l.to_owned()),
            (_, Some(l)) => remove.push(l.to_owned()),
            _ => add.push(c.clone()),
        }
    }
    if let Some(empty) = args
        .changes
        .iter()
        .find(|c| c.trim_start_matches(['+', '-']).trim().is_empty())
    {
        return Err(
            CliError::bad_input(anyhow!("{:?} names no label", sanitize_line(empty)))
                .hint("write +LABEL to add a label, -LABEL to take it away"),
        );
    }
    let actor = ctx.actor(ui)?;
    let tracker = ctx.tracker()?;
    let outcome = tracker.tickets().label(&actor, &args.key, &add, &remove)?;
    super::report_transitions(ui, &outcome.key.to_string(), &outcome.events);
    let now = tracker.snapshot()?;
    let labels = tracker.resolve(&now, &outcome.id.to_string())?.labels;
    let shown = if labels.is_empty() {
        "no labels".to_owned()
    } else {
        format!("labels {}", sanitize_line(&labels.join(", ")))
    };
    ui.status(&if outcome.tip.is_some() {
        format!("{} has {shown}.", outcome.key)
    } else {
        format!("{} has {shown}; nothing changed.", outcome.key)
    });
    Ok(())
}
