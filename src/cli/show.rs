//! `git tracker show`

use clap::Args;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use std::collections::BTreeMap;

use crate::model::notify::{effective, NotifyEvent};
use crate::report::json::ShowView;
use crate::report::OutputFormat;

/// Show a ticket: its fields, texts, watchers, comments and transitions
#[derive(Args, Debug)]
pub struct ShowArgs {
    /// The ticket: its key (TRK-12, or just 12) or at least 6 leading digits of its id
    pub key: String,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

/// Runs `show`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &ShowArgs) -> Result<(), CliError> {
    let mut snap = ctx.snapshot(ui)?;
    // The ticket is resolved as a read first: the view rule applies, and a key a sync
    // renumbered warns and goes on; what follows names the ticket by its id.
    let id = ctx.tracker()?.resolve(&snap, &args.key)?.id.to_string();
    // R15: a developer or the assignee viewing a POSTED ticket opens it, when configured.
    if snap.config.auto_open_on_view {
        if let Ok(person) = ctx.person() {
            let actor = crate::tracker::Actor {
                person,
                now: crate::cli::context::now()?,
            };
            let outcome = ctx.tracker()?.tickets().open_on_view(&actor, &id)?;
            if outcome.tip.is_some() {
                super::report_transitions(ui, &outcome.key.to_string(), &outcome.events);
                snap = ctx.tracker()?.snapshot()?;
            }
        }
    }
    let tracker = ctx.tracker()?;
    let sees_private = tracker.viewer().sees_private(&snap.config);
    let mut ticket = tracker.ticket(&snap, &id)?;
    tracker.name_people(&snap, &mut ticket)?;
    let provisional = !tracker
        .sharing()
        .provisional(std::slice::from_ref(&ticket.id))?
        .is_empty();
    let deps = tracker.dependencies(&snap, &ticket.id)?;
    match args.format {
        OutputFormat::Json => {
            let view = ShowView::new(&snap.config, &ticket, &deps, provisional, sees_private);
            crate::report::json::write(ui.out(), &view)?;
        }
        OutputFormat::Table => {
            let fields =
                crate::report::json::visible_fields(&snap.config, &ticket.fields, sees_private);
            // R22: a watch's own mask is shown when it differs from its watcher's preferences
            // (only those watchers' directories are read).
            let mut masks = BTreeMap::new();
            for (email, mask) in &ticket.watch_masks {
                let Some(watcher) = ticket
                    .watchers
                    .iter()
                    .find(|w| w.email.eq_ignore_ascii_case(email))
                else {
                    continue;
                };
                let (state, problems) = tracker.people().state(&snap, watcher)?;
                ui.diagnostics(&problems);
                let prefs = effective(&snap.config.notify_defaults, &state.prefs);
                let wanted: Vec<NotifyEvent> = prefs
                    .iter()
                    .filter(|(_, p)| p.on)
                    .map(|(k, _)| *k)
                    .collect();
                if &wanted != mask {
                    masks.insert(email.clone(), mask.clone());
                }
            }
            ui.page(tracker.store().git_config("core.pager"));
            let style = ui.table_style();
            let extras = crate::report::table::ShowExtras {
                provisional,
                fields: &fields,
                masks: &masks,
                deps: &deps,
            };
            crate::report::table::show(ui.out(), &snap.config, &ticket, &extras, style)?;
        }
    }
    Ok(())
}
