//! `git tracker log`

use clap::Args;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::report::json::LogView;
use crate::report::OutputFormat;

/// Show a ticket's history: every event, oldest first, with who did it and when.
///
/// Deleted comments and replaced texts stay in the history.
#[derive(Args, Debug)]
pub struct LogArgs {
    /// The ticket: its key (TRK-12, or just 12) or at least 6 leading digits of its id
    pub key: String,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

/// Runs `log`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &LogArgs) -> Result<(), CliError> {
    let snap = ctx.snapshot(ui)?;
    let tracker = ctx.tracker()?;
    let mut ticket = tracker.ticket(&snap, &args.key)?;
    let sees_private = tracker.viewer().sees_private(&snap.config);
    match args.format {
        OutputFormat::Json => {
            let view = LogView::new(&snap.config, &ticket, sees_private);
            crate::report::json::write(ui.out(), &view)?;
        }
        OutputFormat::Table => {
            // JSON shows each event as its file has it; people read one name per person.
            tracker.name_people(&snap, &mut ticket)?;
            ui.page(tracker.store().git_config("core.pager"));
            let style = ui.table_style();
            // The tickets priority moves name are shown by key (those the viewer may see).
            let mut anchors = crate::report::table::Anchors::new();
            for e in &ticket.events {
                let crate::model::Action::Priority {
                    anchor: Some(a), ..
                } = &e.action
                else {
                    continue;
                };
                if anchors.contains_key(a) {
                    continue;
                }
                if let Some(other) = tracker.store().by_id_prefix(&snap, a.as_str())?.first() {
                    let viewer = tracker.viewer();
                    if viewer.may_see(&snap.config, &other.reporter, other.assignee.as_ref()) {
                        let key = crate::tracker::key_of(&snap.config, other.number);
                        anchors.insert(a.clone(), key.to_string());
                    }
                }
            }
            let named: Vec<crate::model::TicketId> = ticket
                .events
                .iter()
                .filter_map(|e| match &e.action {
                    crate::model::Action::Depend { on } | crate::model::Action::Undepend { on } => {
                        Some(on.clone())
                    }
                    _ => None,
                })
                .collect();
            anchors.extend(tracker.keys_of(&snap, &named)?);
            crate::report::table::log(
                ui.out(),
                &snap.config,
                &ticket,
                sees_private,
                &anchors,
                style,
            )?;
        }
    }
    Ok(())
}
