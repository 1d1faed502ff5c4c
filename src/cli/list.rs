//! `git tracker list`

use std::collections::HashSet;

use clap::{Args, ValueEnum};

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::model::query::{Query, StateTerm};
use crate::model::State;
use crate::report::json::{ListView, TicketViews, SCHEMA_VERSION};
use crate::report::table::ListTable;
use crate::report::OutputFormat;
use crate::store::Order;
use crate::tracker::people::People;
use crate::tracker::TrackerError;

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
    /// By priority: the ranked tickets in order (1 first), then the unranked by key
    Priority,
}

/// List tickets (in progress by default, newest first)
///
/// By default: tickets in progress (POSTED, OPEN, RESOLVING, WAITING, TESTING, PUBLISHED),
/// newest first. Filters are combined with AND. --query takes the query language of
/// docs/search.md (e.g. 'state:open assignee:me created:>2026-01-01 "save crash" -flaky
/// sort:updated'); the other options are shorthands for its terms. Words search the title,
/// description, solution and comments, ignoring case and accents. Only the tickets the
/// tracker's mode lets you see are listed.
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
    /// Only tickets I watch
    #[arg(long)]
    pub watching: bool,
    /// Only tickets in STATE (can be repeated; overrides --closed and the default)
    #[arg(long = "state", value_name = "STATE")]
    pub states: Vec<String>,
    /// Only tickets with a contested field (changed concurrently in two clones) or on a
    /// dependency cycle (made in two clones)
    #[arg(long)]
    pub contested: bool,
    /// Only tickets with a dependency still in progress (git tracker depend)
    #[arg(long)]
    pub blocked: bool,
    /// Only tickets in progress that a ticket in progress depends on
    #[arg(long)]
    pub blocking: bool,
    /// Only tickets with LABEL (can be repeated: all of them)
    #[arg(long = "label", value_name = "LABEL")]
    pub labels: Vec<String>,
    /// Only tickets assigned to EMAIL ("none": unassigned, "@me": you)
    #[arg(long, value_name = "EMAIL")]
    pub assignee: Option<String>,
    /// Only tickets reported by EMAIL ("@me": you)
    #[arg(long, value_name = "EMAIL")]
    pub reporter: Option<String>,
    /// Only tickets watched by EMAIL ("@me": you; can be repeated: any of them)
    #[arg(long, value_name = "EMAIL")]
    pub watcher: Vec<String>,
    /// Only these tickets: a key (TRK-12), a number, or a range TRK-3..TRK-9 (can be
    /// repeated: any of them)
    #[arg(long, value_name = "KEY")]
    pub key: Vec<String>,
    /// Only tickets created on DATE, or >DATE, >=DATE, <DATE, <=DATE, DATE..DATE (a day
    /// YYYY-MM-DD in UTC, or an RFC 3339 time; can be repeated: all of them)
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub created: Vec<String>,
    /// Only tickets last changed on DATE, or >DATE, … as --created (can be repeated)
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub updated: Vec<String>,
    /// Only tickets whose custom field NAME is VALUE, ignoring ASCII case ("NAME=": unset;
    /// can be repeated: all of them)
    #[arg(long = "field", value_name = "NAME=VALUE")]
    pub fields: Vec<String>,
    /// Only tickets whose title, description, solution or a comment has these words ("a
    /// phrase" in quotes, -word to exclude, word* for a prefix)
    #[arg(
        short = 'S',
        long = "search",
        value_name = "WORDS",
        allow_hyphen_values = true
    )]
    pub search: Option<String>,
    /// A query (docs/search.md): qualifiers such as state:, assignee:me, created:>DATE,
    /// field:NAME=VALUE, label:NAME, is:contested, is:blocked, sort:-updated, limit:N, and words
    #[arg(long, value_name = "QUERY", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Run your saved query NAME (git tracker query save), with the other options added
    #[arg(long, value_name = "NAME")]
    pub saved: Option<String>,
    /// Sort order: key, created (newest first), updated (latest first), state, assignee,
    /// priority (the ranking, 1 first; unranked tickets after, by key), or the name of a
    /// listable custom field
    #[arg(long, default_value = "created", value_name = "KEY")]
    pub sort: String,
    /// Show at most N tickets
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

/// The query of `--query`, with the terms the other search options stand for added to it.
/// An error names the option and the column in its value.
fn build_query(args: &ListArgs) -> Result<Query, CliError> {
    let bad = |flag: &str, value: &str, e: crate::model::query::QueryError| {
        let err = CliError::bad_input(anyhow::anyhow!("{flag} {value:?}: {e}"));
        match e.hint() {
            Some(h) => err.hint(h),
            None => err.hint("the query language is in docs/search.md"),
        }
    };
    let mut query = match &args.query {
        Some(q) => Query::parse(q).map_err(|e| bad("--query", q, e))?,
        None => Query::default(),
    };
    // `qualifier:value`, the value quoted when it holds spaces or quotes.
    let quote = |value: &str| {
        if value.contains([' ', '"', '\\']) {
            format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
        } else {
            value.to_owned()
        }
    };
    let term = |flag: &str, qualifier: &str, value: &str| -> Result<Query, CliError> {
        Query::parse(&format!("{qualifier}:{}", quote(value))).map_err(|e| bad(flag, value, e))
    };
    for l in &args.labels {
        query.labels.extend(term("--label", "label", l)?.labels);
    }
    for w in &args.watcher {
        query
            .watchers
            .extend(term("--watcher", "watcher", w)?.watchers);
    }
    for k in &args.key {
        query.keys.extend(term("--key", "key", k)?.keys);
    }
    for c in &args.created {
        query
            .created
            .extend(term("--created", "created", c)?.created);
    }
    for u in &args.updated {
        query
            .updated
            .extend(term("--updated", "updated", u)?.updated);
    }
    for f in &args.fields {
        let Some((name, value)) = f.split_once('=') else {
            return Err(CliError::bad_input(anyhow::anyhow!(
                "--field {f:?}: expected NAME=VALUE"
            )));
        };
        let text = format!("field:{}={}", name.trim(), quote(value));
        let parsed = Query::parse(&text).map_err(|e| bad("--field", f, e))?;
        query.fields.extend(parsed.fields);
    }
    if let Some(words) = &args.search {
        let parsed = Query::parse(words).map_err(|e| bad("--search", words, e))?;
        let only_words = Query {
            words: parsed.words.clone(),
            ..Query::default()
        };
        if parsed != only_words {
            return Err(CliError::bad_input(anyhow::anyhow!(
                "--search {words:?}: takes words only"
            ))
            .hint("use --query for qualifiers such as state: or assignee:"));
        }
        query.words.extend(parsed.words);
    }
    Ok(query)
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
        .filter(|e| !crate::model::person::is_me(e))
    {
        crate::model::person::validate_email(email)?;
    }
    Ok(states)
}

/// The emails of `--reporter` and `--assignee` (`@me`: the person running the command;
/// `--assignee none`: unassigned, `Some(None)`), for `list` and `report`.
pub fn people_filters(
    ctx: &mut CommandContext,
    reporter: Option<&str>,
    assignee: Option<&str>,
) -> Result<(Option<String>, Option<Option<String>>), CliError> {
    let reporter = match reporter {
        Some(r) => Some(ctx.tracker()?.email(r)?),
        None => None,
    };
    let assignee = match assignee {
        Some("none") => Some(None),
        Some(a) => Some(Some(ctx.tracker()?.email(a)?)),
        None => None,
    };
    Ok((reporter, assignee))
}

/// Runs `list`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &ListArgs) -> Result<(), CliError> {
    let states = parse_filters(
        &args.states,
        args.reporter.as_deref(),
        args.assignee.as_deref(),
    )?;
    let me = if args.mine || args.work || args.watching || args.saved.is_some() {
        Some(ctx.person()?)
    } else {
        None
    };
    let (reporter, assignee) =
        people_filters(ctx, args.reporter.as_deref(), args.assignee.as_deref())?;
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
        Ok(SortKey::Priority) => (Order::Priority, false),
        Err(_) if columns.contains(&args.sort) => {
            let def = &snap.config.fields[&args.sort];
            let numeric = def.kind == crate::model::config::FieldType::Number;
            let name = args.sort.clone();
            (Order::Field { name, numeric }, false)
        }
        Err(_) => {
            let mut keys = vec!["key", "created", "updated", "state", "assignee", "priority"];
            keys.extend(columns.iter().map(String::as_str));
            return Err(
                CliError::bad_input(anyhow::anyhow!("unknown sort key {:?}", args.sort))
                    .hint(format!("sort keys: {}", keys.join(", "))),
            );
        }
    };
    let query = build_query(args)?;
    let saved = match (&args.saved, &me) {
        (Some(name), Some(me)) => {
            let (state, problems) = tracker.people().state(&snap, me)?;
            ui.diagnostics(&problems);
            let text = People::saved(&state, name).map_err(TrackerError::from)?;
            let saved = Query::parse(&text).map_err(|e| {
                CliError::bad_input(anyhow::anyhow!("saved query {name:?} ({text:?}): {e}"))
            })?;
            Some(saved)
        }
        _ => None,
    };
    let default = if args.all || !states.is_empty() {
        StateTerm::All
    } else if args.closed {
        StateTerm::Closed
    } else {
        StateTerm::Open
    };
    let mut filter = tracker.query_filter(&snap, &query, default)?;
    // A saved query and the options narrow together; the options' order and limit win.
    if let Some(saved) = &saved {
        let base = tracker.query_filter(&snap, saved, default)?;
        let sort_given = query.sort.is_some();
        filter = base.and(filter, sort_given);
    }
    if !states.is_empty() {
        let allowed = filter.states.take();
        let picked = states
            .into_iter()
            .filter(|s| allowed.as_ref().is_none_or(|a| a.contains(s)))
            .collect();
        filter.states = Some(picked);
    }
    if query.sort.is_none() && saved.as_ref().is_none_or(|s| s.sort.is_none()) {
        filter.order = Some(order);
        filter.descending = descending;
    }
    filter.limit = match (filter.limit, args.limit) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    filter.contested |= args.contested;
    filter.blocked |= args.blocked;
    filter.blocking |= args.blocking;
    if let Some(me) = me.as_ref().filter(|_| args.mine) {
        filter.reporter.push(vec![me.email.clone()]);
    }
    if let Some(me) = me.as_ref().filter(|_| args.work) {
        filter.assignee.push(vec![Some(me.email.clone())]);
    }
    if let Some(a) = assignee {
        filter.assignee.push(vec![a]);
    }
    if let Some(e) = reporter {
        filter.reporter.push(vec![e]);
    }
    if let Some(me) = me.as_ref().filter(|_| args.watching) {
        filter.watcher.push(vec![me.email.clone()]);
    }
    // The listing is written as the tickets are read; which of them are provisional is asked
    // first, and only of a clone with a remote.
    let sharing = tracker.sharing();
    let provisional = if sharing.has_remote() {
        let mut ids = Vec::new();
        tracker
            .store()
            .each_row(&snap, &filter, &[], |row| ids.push(row.id.clone()))?;
        sharing.provisional(&ids)?
    } else {
        HashSet::new()
    };
    match args.format {
        OutputFormat::Json => {
            // Each person under their one name (docs/format.md, "Names").
            let names = tracker.store().all_names(&snap)?;
            let written = tracker.store().each_found(&snap, &filter, |tickets| {
                let mut tickets = tickets.map(|t| {
                    t.map(|mut t| {
                        t.rename(&names);
                        t
                    })
                });
                let tickets: &mut dyn Iterator<Item = _> = &mut tickets;
                let view = ListView {
                    schema_version: SCHEMA_VERSION,
                    tickets: TicketViews {
                        config: &snap.config,
                        tickets: std::cell::RefCell::new(tickets),
                        provisional: &provisional,
                        sees_private,
                    },
                };
                crate::report::json::write(ui.out(), &view)
            })?;
            written?;
        }
        OutputFormat::Table => {
            let style = ui.table_style();
            let mut table = ListTable::new(&snap.config, &provisional, &columns, style);
            tracker
                .store()
                .each_row(&snap, &filter, &columns, |row| table.push(row))?;
            if !table.is_empty() {
                ui.page(tracker.store().git_config("core.pager"));
            }
            table.write(ui.out())?;
            if table.is_empty() {
                ui.status("No tickets match.");
            }
        }
    }
    Ok(())
}
