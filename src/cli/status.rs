//! `git tracker status`: what needs me now (R29b).

use clap::Args;
use serde::Serialize;

use crate::cli::context::{now, CommandContext};
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::model::config::{Mode, Role};
use crate::model::{ListRow, State, TicketSummary};
use crate::report::json::{TicketView, SCHEMA_VERSION};
use crate::report::OutputFormat;
use crate::store::{Filter, Order, Range};

/// Most tickets shown per section (the count says how many there are in all).
const PER_SECTION: usize = 20;

/// Show what needs you now: your work, tickets to assign, what changed
///
/// Sections: tickets assigned to you that nobody started (POSTED or OPEN); POSTED tickets
/// nobody is assigned (for managers, and for everyone in defects mode); tickets you watch
/// (you reported them, commented, were assigned, or chose to) that someone else changed since
/// you last ran `status` (the time is kept in this clone, under .git/tracker/); tickets with a
/// raise request waiting for a decision (for the members of the roles in priority_roles,
/// default manager); and contested tickets (changed concurrently in two clones). Empty sections
/// are left out; when nothing needs you, one line says so. Only tickets the tracker's mode
/// lets you see are counted.
#[derive(Args, Debug)]
pub struct StatusArgs {
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

#[derive(Serialize)]
struct SectionView {
    /// What the section is.
    name: &'static str,
    /// A sentence for people.
    title: &'static str,
    /// How many tickets it holds in all.
    count: usize,
    /// The first of them, by the section's order.
    tickets: Vec<TicketView>,
}

#[derive(Serialize)]
struct StatusView {
    schema_version: u32,
    /// Who the dashboard is for.
    email: String,
    /// When `status` last ran in this clone (RFC 3339), if it did.
    last_seen: Option<chrono::DateTime<chrono::Utc>>,
    /// The non-empty sections, in order.
    sections: Vec<SectionView>,
}

/// Runs `status`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &StatusArgs) -> Result<(), CliError> {
    let me = ctx.person()?;
    let snap = ctx.snapshot(ui)?;
    let tracker = ctx.tracker()?;
    let store = tracker.store();
    let config = &snap.config;
    let visible = tracker.visibility(config);
    let seen_file = store
        .state_dir()
        .join("seen")
        .join(me.email.to_ascii_lowercase().replace(['/', '\\'], "_"));
    let last_seen = std::fs::read_to_string(&seen_file)
        .ok()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t.trim()).ok())
        .map(|t| t.with_timezone(&chrono::Utc));
    let base = |order: Order, descending: bool| Filter {
        visible: visible.clone(),
        order: Some(order),
        descending,
        ..Filter::default()
    };
    let email = me.email.clone();
    let mut sections: Vec<(&'static str, &'static str, Filter)> = vec![(
        "my-work",
        "Assigned to you, not started",
        Filter {
            states: Some(vec![State::Posted, State::Open]),
            assignee: vec![vec![Some(email.clone())]],
            ..base(Order::Created, false)
        },
    )];
    if config.mode == Mode::Defects || config.roles_of(&me.email).contains(&Role::Manager) {
        sections.push((
            "to-assign",
            "Posted, nobody assigned",
            Filter {
                states: Some(vec![State::Posted]),
                assignee: vec![vec![None]],
                ..base(Order::Created, false)
            },
        ));
    }
    if let Some(since) = last_seen {
        let changed = Filter {
            updated: vec![Range {
                from: Some(since.timestamp()),
                to: None,
            }],
            ..base(Order::Updated, true)
        };
        // Reported or watched: two listings, merged (the reporter is a watcher unless they
        // unwatched).
        sections.push((
            "changed",
            "Changed by others since you last looked",
            Filter {
                watcher: vec![vec![email.clone()]],
                not_last_changed_by: Some(email.clone()),
                ..changed
            },
        ));
    }
    // R25, R29b: raise requests wait for the people who may decide them.
    let roles = config.roles_of(&me.email);
    if config.priority_roles().iter().any(|r| roles.contains(r)) {
        sections.push((
            "raise-requests",
            "Raise requests waiting for a decision ('git tracker raise list')",
            Filter {
                pending_raises: true,
                ..base(Order::Priority, false)
            },
        ));
    }
    sections.push((
        "contested",
        "Contested (changed concurrently in two clones)",
        Filter {
            contested: true,
            ..base(Order::Key, false)
        },
    ));
    let sees_private = tracker.viewer().sees_private(config);
    let mut views = Vec::new();
    type Shown = (
        &'static str,
        usize,
        Vec<TicketSummary>,
        std::collections::HashSet<crate::model::TicketId>,
    );
    let mut shown: Vec<Shown> = Vec::new();
    for (name, title, mut filter) in sections {
        let count = store.count(&snap, &filter)?;
        if count == 0 {
            continue;
        }
        filter.limit = Some(PER_SECTION);
        let mut tickets = store.find(&snap, &filter)?;
        tracker.name_summaries(&snap, &mut tickets)?;
        let ids: Vec<_> = tickets.iter().map(|t| t.id.clone()).collect();
        let provisional = tracker.sharing().provisional(&ids)?;
        views.push(SectionView {
            name,
            title,
            count,
            tickets: tickets
                .iter()
                .map(|t| TicketView::new(config, t, provisional.contains(&t.id), sees_private))
                .collect(),
        });
        shown.push((title, count, tickets, provisional));
    }
    match args.format {
        OutputFormat::Json => {
            let view = StatusView {
                schema_version: SCHEMA_VERSION,
                email: me.email.clone(),
                last_seen,
                sections: views,
            };
            crate::report::json::write(ui.out(), &view)?;
        }
        OutputFormat::Table => {
            ui.page(tracker.store().git_config("core.pager"));
            let style = ui.table_style();
            if shown.is_empty() {
                writeln!(ui.out(), "Nothing needs you now.")?;
            }
            for (i, (title, count, tickets, provisional)) in shown.iter().enumerate() {
                if i > 0 {
                    writeln!(ui.out())?;
                }
                let more = if *count > tickets.len() {
                    format!(" (the first {} of {count})", tickets.len())
                } else {
                    format!(" ({count})")
                };
                let title = crate::report::table::heading(title, style);
                writeln!(ui.out(), "{title}{more}")?;
                let rows: Vec<ListRow> = tickets.iter().map(|t| ListRow::of(t, &[])).collect();
                crate::report::table::list(ui.out(), config, &rows, provisional, &[], style)?;
            }
        }
    }
    // Remember this look (only a hint: failures are ignored).
    if let Some(dir) = seen_file.parent() {
        let _ = std::fs::create_dir_all(dir);
        let _ = std::fs::write(&seen_file, format!("{}\n", now()?.to_rfc3339()));
    }
    Ok(())
}
