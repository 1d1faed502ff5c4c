//! `git tracker list`

use clap::{Args, ValueEnum};

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::model::{State, TicketSummary};
use crate::report::json::{ListView, TicketView, SCHEMA_VERSION};
use crate::report::OutputFormat;
use crate::store::{Filter, Order};

/// Sort orders of `list`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortKey {
    /// By key number, ascending
    Key,
    /// By creation time, newest first
    Created,
    /// By last change, most recent first
    Updated,
    /// By state, in lifecycle order
    State,
    /// By assignee email, unassigned last
    Assignee,
}

/// List tickets.
///
/// By default: tickets in progress (POSTED, OPEN, RESOLVING, WAITING, TESTING, PUBLISHED),
/// newest first. Filters are combined with AND.
#[derive(Args, Debug)]
pub struct ListArgs {
    /// Show finished tickets (RESOLVED, ABANDONNED, TRANSFERED, VALIDATED) instead
    #[arg(long, conflicts_with = "all")]
    pub closed: bool,
    /// Show tickets in every state
    #[arg(long)]
    pub all: bool,
    /// Only tickets I reported
    #[arg(long)]
    pub mine: bool,
    /// Only tickets assigned to me
    #[arg(long)]
    pub work: bool,
    /// Only tickets in STATE (can be repeated; overrides --closed and the default)
    #[arg(long = "state", value_name = "STATE")]
    pub states: Vec<String>,
    /// Only tickets with a contested field (changed concurrently in two clones)
    #[arg(long)]
    pub contested: bool,
    /// Only tickets assigned to EMAIL ("none": unassigned)
    #[arg(long, value_name = "EMAIL")]
    pub assignee: Option<String>,
    /// Only tickets reported by EMAIL
    #[arg(long, value_name = "EMAIL")]
    pub reporter: Option<String>,
    /// Sort order: key, created (newest first), updated (latest first), state, assignee, or
    /// the name of a listable custom field
    #[arg(long, default_value = "created", value_name = "KEY")]
    pub sort: String,
    /// Show at most N tickets
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

/// Checks the filters `list` and `report` share: state names, and the `--reporter` and
/// `--assignee` emails (`none` means unassigned).
pub fn parse_filters(
    states: &[String],
    reporter: Option<&str>,
    assignee: Option<&str>,
) -> Result<Vec<State>, CliError> {
    let states = states
        .iter()
        .map(|s| s.parse::<State>())
        .collect::<Result<Vec<_>, _>>()?;
    for email in reporter
        .into_iter()
        .chain(assignee.filter(|e| *e != "none"))
    {
        crate::model::person::validate_email(email)?;
    }
    Ok(states)
}

/// Runs `list`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &ListArgs) -> Result<(), CliError> {
    let states = parse_filters(
        &args.states,
        args.reporter.as_deref(),
        args.assignee.as_deref(),
    )?;
    let me = if args.mine || args.work {
        Some(ctx.person()?)
    } else {
        None
    };
    let snap = ctx.snapshot(ui)?;
    let tracker = ctx.tracker()?;
    let sees_private = tracker.viewer().sees_private(&snap.config);
    // Listable fields the viewer may see become columns and sort keys (R26).
    let columns: Vec<String> = snap
        .config
        .fields
        .iter()
        .filter(|(_, d)| d.listable && (sees_private || !d.private))
        .map(|(n, _)| n.clone())
        .collect();
    let (order, descending) = match SortKey::from_str(&args.sort, true) {
        Ok(SortKey::Key) => (Order::Key, false),
        Ok(SortKey::Created) => (Order::Created, true),
        Ok(SortKey::Updated) => (Order::Updated, true),
        Ok(SortKey::State) => (Order::State, false),
        Ok(SortKey::Assignee) => (Order::Assignee, false),
        Err(_) if columns.contains(&args.sort) => {
            let def = &snap.config.fields[&args.sort];
            let numeric = def.kind == crate::model::config::FieldType::Number;
            let name = args.sort.clone();
            (Order::Field { name, numeric }, false)
        }
        Err(_) => {
            let mut keys = vec!["key", "created", "updated", "state", "assignee"];
            keys.extend(columns.iter().map(String::as_str));
            return Err(
                CliError::bad_input(anyhow::anyhow!("unknown sort key {:?}", args.sort))
                    .hint(format!("sort keys: {}", keys.join(", "))),
            );
        }
    };
    let in_progress: Vec<State> = State::ALL
        .into_iter()
        .filter(|s| !s.is_finished())
        .collect();
    let finished: Vec<State> = State::ALL.into_iter().filter(|s| s.is_finished()).collect();
    let mut filter = Filter {
        states: if !states.is_empty() {
            Some(states)
        } else if args.all {
            None
        } else if args.closed {
            Some(finished)
        } else {
            Some(in_progress)
        },
        contested: args.contested,
        // The mode's view rule (R31): what the viewer may not see is never listed.
        visible: tracker.visibility(&snap.config),
        order: Some(order),
        descending,
        limit: args.limit,
        ..Filter::default()
    };
    if let Some(me) = me.as_ref().filter(|_| args.mine) {
        filter.reporter.push(vec![me.email.clone()]);
    }
    if let Some(me) = me.as_ref().filter(|_| args.work) {
        filter.assignee.push(vec![Some(me.email.clone())]);
    }
    match args.assignee.as_deref() {
        None => {}
        Some("none") => filter.assignee.push(vec![None]),
        Some(e) => filter.assignee.push(vec![Some(e.to_owned())]),
    }
    if let Some(e) = &args.reporter {
        filter.reporter.push(vec![e.clone()]);
    }
    let found = tracker.store().find(&snap, &filter)?;
    let rows: Vec<&TicketSummary> = found.iter().collect();
    let ids: Vec<_> = rows.iter().map(|t| t.id.clone()).collect();
    let provisional = tracker.sharing().provisional(&ids)?;
    match args.format {
        OutputFormat::Json => {
            let view = ListView {
                schema_version: SCHEMA_VERSION,
                tickets: rows
                    .iter()
                    .map(|t| {
                        TicketView::new(&snap.config, t, provisional.contains(&t.id), sees_private)
                    })
                    .collect(),
            };
            crate::report::json::write(ui.out(), &view)?;
        }
        OutputFormat::Table => {
            let style = ui.table_style();
            crate::report::table::list(
                ui.out(),
                &snap.config,
                &rows,
                &provisional,
                &columns,
                style,
            )?;
            if rows.is_empty() {
                ui.status("No tickets match.");
            }
        }
    }
    Ok(())
}
