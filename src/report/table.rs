//! Text output for people: the list table, a ticket, its history. The only module that
//! imports comfy-table. Every user-controlled string goes through [`crate::text`].

use std::io::{self, Write};

use chrono::{DateTime, Utc};
use comfy_table::{ContentArrangement, Table};

use std::collections::HashSet;

use crate::model::config::key_of;
use crate::model::{Action, Person, State, Ticket, TicketId, TicketSummary, TrackerConfig};
use crate::text::{sanitize_block, sanitize_line};

/// How to lay out tables.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Output is a terminal: boxes and wrapping to `width`.
    pub tty: bool,
    /// Terminal width, when known.
    pub width: Option<u16>,
}

fn date(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

fn person(p: &Person) -> String {
    sanitize_line(&p.to_string()).into_owned()
}

fn short(p: &Person) -> String {
    let s = if p.name.is_empty() { &p.email } else { &p.name };
    sanitize_line(s).into_owned()
}

fn new_table(style: Style) -> Table {
    let mut t = Table::new();
    t.load_style(comfy_table::presets::NOTHING);
    if style.tty {
        // Fit the terminal: long texts wrap within their column.
        t.set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(w) = style.width {
            t.set_width(w);
        }
    } else {
        // One row per line, columns separated by spaces: easy to grep and awk.
        t.force_no_tty();
        t.set_content_arrangement(ContentArrangement::Disabled);
    }
    t
}

/// Keeps the `fixed` columns at their content's width and gives `wide` at least 16
/// characters; the other columns share what is left and wrap.
fn constrain(t: &mut Table, fixed: &[usize], wide: usize) {
    use comfy_table::{ColumnConstraint, Width};
    for (i, c) in t.column_iter_mut().enumerate() {
        if fixed.contains(&i) {
            c.set_constraint(ColumnConstraint::ContentWidth);
        } else if i == wide {
            c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(16)));
        }
    }
}

fn day(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d").to_string()
}

/// The list table: priority, ticket, summary, reported, reporter, assignee, state, watchers.
/// Provisional keys (not yet on the remote) are shown with a leading `~`.
/// `columns` are the listable custom fields to show after the standard columns (R26).
pub fn list(
    out: &mut dyn Write,
    config: &TrackerConfig,
    tickets: &[&TicketSummary],
    provisional: &HashSet<TicketId>,
    columns: &[String],
    style: Style,
) -> io::Result<()> {
    if tickets.is_empty() {
        return Ok(());
    }
    let mut t = new_table(style);
    let mut header: Vec<String> = [
        "PRIO", "TICKET", "SUMMARY", "REPORTED", "REPORTER", "ASSIGNEE", "STATE", "WATCH",
    ]
    .map(String::from)
    .to_vec();
    header.extend(
        columns
            .iter()
            .map(|c| sanitize_line(&c.to_uppercase()).into_owned()),
    );
    t.set_header(header);
    for s in tickets {
        let mut row = vec![
            s.priority.map_or_else(|| "-".into(), |p| p.to_string()),
            key_text(config, s.number, provisional.contains(&s.id)),
            sanitize_line(&s.title).into_owned(),
            day(s.created),
            short(&s.reporter),
            s.assignee.as_ref().map_or_else(|| "-".into(), short),
            s.state.name().into(),
            s.watchers.len().to_string(),
        ];
        for c in columns {
            let v = s.fields.get(c).map_or("-", String::as_str);
            row.push(sanitize_line(v.lines().next().unwrap_or("-")).into_owned());
        }
        t.add_row(row);
    }
    let fixed: Vec<usize> = (0..8 + columns.len()).filter(|i| *i != 2).collect();
    constrain(&mut t, &fixed, 2);
    let text = t.to_string();
    for line in text.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

fn indented(out: &mut dyn Write, text: &str) -> io::Result<()> {
    for line in sanitize_block(text).lines() {
        writeln!(out, "    {line}")?;
    }
    Ok(())
}

/// One ticket, all of it.
fn key_text(config: &TrackerConfig, number: u64, provisional: bool) -> String {
    let key = key_of(config, number);
    if provisional {
        format!("~{key}")
    } else {
        key.to_string()
    }
}

/// One ticket, all of it. A provisional key (not on the remote yet) is shown with a `~`.
pub fn show(
    out: &mut dyn Write,
    config: &TrackerConfig,
    t: &Ticket,
    provisional: bool,
    fields: &std::collections::BTreeMap<String, String>,
) -> io::Result<()> {
    writeln!(
        out,
        "{}  {}",
        key_text(config, t.number, provisional),
        sanitize_line(&t.title)
    )?;
    if provisional {
        writeln!(
            out,
            "  (provisional key: not on the remote yet; 'git tracker sync' settles it)"
        )?;
    }
    writeln!(out, "  id:        {}", t.id)?;
    writeln!(
        out,
        "  state:     {}{}",
        t.state,
        if t.state.is_finished() {
            " (finished)"
        } else {
            ""
        }
    )?;
    writeln!(out, "  reporter:  {}", person(&t.reporter))?;
    writeln!(
        out,
        "  assignee:  {}",
        t.assignee.as_ref().map_or_else(|| "-".into(), person)
    )?;
    if !t.contested.is_empty() {
        let fields = t.contested.join(", ");
        writeln!(out, "  contested: {fields} (changed concurrently in two clones; the next change settles it)")?;
    }
    writeln!(
        out,
        "  priority:  {}",
        t.priority.map_or_else(|| "-".into(), |p| p.to_string())
    )?;
    writeln!(out, "  created:   {}", date(t.created))?;
    writeln!(out, "  updated:   {}", date(t.updated))?;
    let watchers: Vec<String> = t.watchers.iter().map(person).collect();
    writeln!(
        out,
        "  watchers:  {}",
        if watchers.is_empty() {
            "-".into()
        } else {
            watchers.join(", ")
        }
    )?;
    for (name, value) in fields {
        let value = value.lines().next().unwrap_or_default();
        writeln!(
            out,
            "  {:<10} {}",
            format!("{}:", sanitize_line(name)),
            sanitize_line(value)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "Description")?;
    if t.description.trim().is_empty() {
        writeln!(out, "    (none)")?;
    } else {
        indented(out, &t.description)?;
    }
    if !t.solution.trim().is_empty() {
        writeln!(out, "\nSolution")?;
        indented(out, &t.solution)?;
    }
    let live: Vec<_> = t.comments.iter().filter(|c| !c.deleted).collect();
    if !live.is_empty() {
        writeln!(out, "\nComments ({})", live.len())?;
        for c in live {
            let edited = c
                .edited
                .map(|e| format!(" (edited {})", date(e)))
                .unwrap_or_default();
            writeln!(
                out,
                "  [{}] {}, {}{edited}",
                &c.id.as_str()[..8],
                person(&c.author),
                date(c.at)
            )?;
            indented(out, &c.body)?;
        }
    }
    if !t.transitions.is_empty() {
        writeln!(out, "\nTransitions")?;
        for tr in &t.transitions {
            let note = if tr.message.is_empty() {
                String::new()
            } else {
                format!(": {}", sanitize_line(&tr.message))
            };
            writeln!(
                out,
                "  {}  {} -> {}  {}{note}",
                date(tr.at),
                tr.from,
                tr.to,
                person(&tr.author)
            )?;
        }
    }
    Ok(())
}

fn describe(action: &Action, config: &TrackerConfig, sees_private: bool) -> String {
    let one = |s: &str| sanitize_line(s).into_owned();
    match action {
        Action::Field { name, .. } if !sees_private && config.is_private(name) => {
            format!("changed {} (private)", one(name))
        }
        Action::Create { number, title, .. } => {
            format!("created {} \"{}\"", key_of(config, *number), one(title))
        }
        Action::State {
            from, to, message, ..
        } if message.is_empty() => format!("{from} -> {to}"),
        Action::State {
            from, to, message, ..
        } => format!("{from} -> {to}: {}", one(message)),
        Action::Comment { body } => format!("commented: {}", one(first_line(body))),
        Action::CommentEdit { comment, body } => {
            format!(
                "edited comment {}: {}",
                &comment.as_str()[..8],
                one(first_line(body))
            )
        }
        Action::CommentDelete { comment } => format!("deleted comment {}", &comment.as_str()[..8]),
        Action::Assign { assignee: Some(p) } => format!("assigned to {}", person(p)),
        Action::Assign { assignee: None } => "unassigned".into(),
        Action::Watch { person: p } => format!("added watcher {}", person(p)),
        Action::Field { name, value } if value.is_empty() => format!("cleared {}", one(name)),
        Action::Field { name, value } => format!("set {} to \"{}\"", one(name), one(value)),
        Action::Unwatch { person: p } => format!("removed watcher {}", person(p)),
        Action::Edit {
            title,
            description,
            solution,
        } => {
            let mut parts = Vec::new();
            if let Some(t) = title {
                parts.push(format!("title to \"{}\"", one(t)));
            }
            if description.is_some() {
                parts.push("description".into());
            }
            if solution.is_some() {
                parts.push("solution".into());
            }
            format!("edited {}", parts.join(", "))
        }
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or_default()
}

/// The timeline: who did what, when.
/// `log`: a ticket's events, oldest first. Private field values (R26) are left out unless
/// `sees_private`.
pub fn log(
    out: &mut dyn Write,
    config: &TrackerConfig,
    t: &Ticket,
    sees_private: bool,
) -> io::Result<()> {
    writeln!(
        out,
        "{}  {}",
        key_of(config, t.number),
        sanitize_line(&t.title)
    )?;
    for e in &t.events {
        writeln!(
            out,
            "{}  {}  {}",
            date(e.at),
            person(&e.author),
            describe(&e.action, config, sees_private)
        )?;
    }
    Ok(())
}

/// `STATE` names joined for messages.
pub fn states(list: &[State]) -> String {
    list.iter().map(|s| s.name()).collect::<Vec<_>>().join(", ")
}

/// The tables of a report (`git tracker report`), each under its title; numbers are shown as
/// people read them (see [`crate::report::grid::Cell::human`]).
pub fn grids(
    out: &mut dyn Write,
    grids: &[crate::report::grid::Grid],
    style: Style,
) -> io::Result<()> {
    for (i, g) in grids.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", g.title)?;
        if g.rows.is_empty() {
            writeln!(out, "  (none)")?;
            continue;
        }
        let mut t = new_table(style);
        t.set_header(g.header.clone());
        for row in &g.rows {
            t.add_row(row.iter().map(crate::report::grid::Cell::human));
        }
        for (i, c) in t.column_iter_mut().enumerate() {
            if g.rows
                .iter()
                .any(|r| r.get(i).is_some_and(|c| c.is_numeric()))
            {
                c.set_cell_alignment(comfy_table::CellAlignment::Right);
            }
        }
        for line in t.to_string().lines() {
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    Ok(())
}
