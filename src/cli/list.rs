//! `git tracker list`

use std::cmp::Reverse;

use clap::{Args, ValueEnum};

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::model::{State, TicketSummary};
use crate::report::json::{ListView, TicketView, SCHEMA_VERSION};
use crate::report::OutputFormat;

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
    let mut rows: Vec<&TicketSummary> = snap
        .tickets
        .iter()
        .filter(|t| {
            if !states.is_empty() {
                states.contains(&t.state)
            } else if args.all {
                true
            } else {
                t.state.is_finished() == args.closed
            }
        })
        .filter(|t| !args.mine || me.as_ref().is_some_and(|m| t.reporter.same(m)))
        .filter(|t| {
            !args.work
                || me
                    .as_ref()
                    .is_some_and(|m| t.assignee.as_ref().is_some_and(|a| a.same(m)))
        })
        .filter(|t| match args.assignee.as_deref() {
            None => true,
            Some("none") => t.assignee.is_none(),
            Some(e) => t.assignee.as_ref().is_some_and(|a| a.has_email(e)),
        })
        .filter(|t| {
            args.reporter
                .as_deref()
                .is_none_or(|e| t.reporter.has_email(e))
        })
        .filter(|t| !args.contested || !t.contested.is_empty())
        .collect();
    let sees_private = ctx.sees_private(&snap.config);
    // The mode's view rule (R31).
    let (viewer, roles) = ctx.viewer(&snap.config);
    rows.retain(|t| {
        snap.config
            .can_see(&roles, viewer.as_deref(), &t.reporter, t.assignee.as_ref())
    });
    // Listable fields the viewer may see become columns and sort keys (R26).
    let columns: Vec<String> = snap
        .config
        .fields
        .iter()
        .filter(|(_, d)| d.listable && (sees_private || !d.private))
        .map(|(n, _)| n.clone())
        .collect();
    let sort = match SortKey::from_str(&args.sort, true) {
        Ok(k) => Some(k),
        Err(_) if columns.contains(&args.sort) => None,
        Err(_) => {
            let mut keys = vec!["key", "created", "updated", "state", "assignee"];
            keys.extend(columns.iter().map(String::as_str));
            return Err(
                CliError::bad_input(anyhow::anyhow!("unknown sort key {:?}", args.sort))
                    .hint(format!("sort keys: {}", keys.join(", "))),
            );
        }
    };
    match sort {
        None => {
            let def = &snap.config.fields[&args.sort];
            let numeric = def.kind == crate::model::config::FieldType::Number;
            rows.sort_by(|a, b| {
                let (va, vb) = (a.fields.get(&args.sort), b.fields.get(&args.sort));
                let order = match (va, vb) {
                    (Some(x), Some(y)) if numeric => {
                        let (x, y) = (
                            x.parse::<f64>().unwrap_or(0.0),
                            y.parse::<f64>().unwrap_or(0.0),
                        );
                        x.total_cmp(&y)
                    }
                    (Some(x), Some(y)) => x.cmp(y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                };
                order.then(a.number.cmp(&b.number))
            });
        }
        Some(SortKey::Key) => rows.sort_by_key(|t| (t.number, t.id.clone())),
        Some(SortKey::Created) => rows.sort_by_key(|t| Reverse((t.created, t.number))),
        Some(SortKey::Updated) => rows.sort_by_key(|t| Reverse((t.updated, t.number))),
        Some(SortKey::State) => rows.sort_by_key(|t| (t.state.rank(), t.number)),
        Some(SortKey::Assignee) => rows.sort_by_key(|t| {
            let email = t.assignee.as_ref().map(|a| a.email.to_ascii_lowercase());
            (email.is_none(), email, t.number)
        }),
    }
    if let Some(n) = args.limit {
        rows.truncate(n);
    }
    let ids: Vec<_> = rows.iter().map(|t| t.id.clone()).collect();
    let provisional = ctx.tracker()?.provisional(&ids)?;
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
