//! Text output for people: the list table, a ticket, its history. The only module that
//! imports comfy-table. Every user-controlled string goes through [`crate::text`].

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

use chrono::{DateTime, Datelike, Utc};
use comfy_table::{ContentArrangement, Table};
use unicode_width::UnicodeWidthStr;

use crate::model::config::key_of;
use crate::model::links::{Dependencies, LinkNode};
use crate::model::notify::NotifyEvent;
use crate::model::{Action, ListRow, Person, State, Ticket, TicketId, TrackerConfig};
use crate::text::{sanitize_block, sanitize_line};

/// How to lay out tables.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Output is a terminal: tables fit `width`.
    pub tty: bool,
    /// Terminal width, when known.
    pub width: Option<u16>,
    /// Colour keys, states and headers (ANSI SGR codes).
    pub color: bool,
    /// Show times in UTC rather than the local time zone (`TZ`).
    pub utc: bool,
}

/// A time as tables show it, to the minute, with its offset: in the local time zone (`TZ`,
/// else the system's), or in UTC with `utc`.
fn date(t: DateTime<Utc>, style: Style) -> String {
    const FORMAT: &str = "%Y-%m-%d %H:%M %:z";
    if style.utc {
        t.format(FORMAT).to_string()
    } else {
        t.with_timezone(&chrono::Local).format(FORMAT).to_string()
    }
}

/// ANSI colours (SGR parameters) of what tables show.
mod paint {
    use crate::model::State;

    /// Column headers and section titles.
    pub const HEADER: &str = "1";
    /// Ticket keys, as git shows commit ids.
    pub const KEY: &str = "33";

    /// A state: new tickets magenta, work in progress cyan, done green, dropped dim.
    pub fn state(s: State) -> &'static str {
        match s {
            State::Posted => "35",
            State::Resolved | State::Validated => "32",
            State::Abandonned | State::Transfered => "2",
            _ => "36",
        }
    }
}

/// `text` in colour `sgr` when `on`.
fn painted(text: &str, sgr: &str, on: bool) -> String {
    if on {
        format!("\x1b[{sgr}m{text}\x1b[m")
    } else {
        text.to_owned()
    }
}

/// A section title: bold when `style` has colour.
pub fn heading(text: &str, style: Style) -> String {
    painted(text, paint::HEADER, style.color)
}

/// Kinds of change as a watch's mask is shown: comma-separated, or "nothing".
pub fn kinds_text(kinds: &[NotifyEvent]) -> String {
    if kinds.is_empty() {
        return "nothing".into();
    }
    kinds
        .iter()
        .map(|k| k.name())
        .collect::<Vec<_>>()
        .join(", ")
}

fn person(p: &Person) -> String {
    sanitize_line(&p.to_string()).into_owned()
}

/// A person's name, or email when there is no name: unescaped.
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

/// Appends `t`'s day as `%Y-%m-%d` prints it, without parsing the format for every row: in
/// UTC with `utc`, else in the local time zone.
fn push_day(buf: &mut String, t: DateTime<Utc>, utc: bool) {
    // Written field by field: `format("%Y-%m-%d")` parses its pattern again for every row.
    fn day<T: Datelike>(buf: &mut String, t: &T) {
        let year = t.year();
        // `%Y` is four zero-padded digits in this range, and signed outside it.
        let _ = if (0..=9999).contains(&year) {
            write!(buf, "{year:04}-{:02}-{:02}", t.month(), t.day())
        } else {
            write!(buf, "{year:+05}-{:02}-{:02}", t.month(), t.day())
        };
    }
    if utc {
        day(buf, &t);
    } else {
        day(buf, &t.with_timezone(&chrono::Local));
    }
}

/// Printable ASCII only: nothing to escape, and one column a byte. Most cells are, and this
/// test is much cheaper than [`sanitize_line`]'s and the display width's.
fn printable_ascii(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b' '..=b'~'))
}

/// What a terminal shows of `cell` (as comfy-table measures it).
fn display_width(cell: &str) -> usize {
    if printable_ascii(cell) {
        cell.len()
    } else {
        cell.width()
    }
}

/// The cells of a table, row after row, `cols` cells a row, kept in one string: a table of
/// 10 000 rows costs a few allocations instead of one string per cell (issue 10).
struct Cells {
    cols: usize,
    /// How many of the columns are written (the others, last, are left out).
    shown: usize,
    text: String,
    /// Where each cell ends in `text`.
    ends: Vec<usize>,
    /// Each column's display width: its widest cell's (what a terminal shows, as comfy-table
    /// measures it). A cell's own width is measured again when it is written, which costs
    /// less than keeping it: most cells are printable ASCII, one column a byte.
    widths: Vec<usize>,
}

impl Cells {
    fn new(cols: usize, rows: usize) -> Self {
        Self {
            cols,
            shown: cols,
            text: String::with_capacity(rows * cols * 12),
            ends: Vec::with_capacity(rows * cols),
            widths: vec![0; cols],
        }
    }

    /// Ends the cell written at the end of `text` since the previous one ended.
    fn end(&mut self) {
        let start = self.ends.last().copied().unwrap_or(0);
        let width = display_width(&self.text[start..]);
        let col = self.ends.len() % self.cols;
        self.widths[col] = self.widths[col].max(width);
        self.ends.push(self.text.len());
    }

    /// The display width of cell `i`.
    fn width(&self, i: usize) -> usize {
        display_width(self.cell(i))
    }

    fn push(&mut self, cell: &str) {
        self.text.push_str(cell);
        self.end();
    }

    /// Pushes user-controlled text, escaped for a terminal ([`sanitize_line`]).
    fn push_user(&mut self, text: &str) {
        if printable_ascii(text) {
            self.push(text);
        } else {
            self.push(&sanitize_line(text));
        }
    }

    fn cell(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    /// The cell numbers of each row.
    fn rows(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        (0..self.ends.len())
            .step_by(self.cols)
            .map(|start| start..start + self.cols)
    }
}

/// Writes `cells` (the first row is the header) as comfy-table does off a terminal with the
/// `NOTHING` preset, byte for byte, but straight to `out`: one row per line, each cell padded
/// to its column's display width with one space each side, trailing blanks trimmed. A column
/// is at least 1 wide, and at least `min` for the `(column, min)` pairs. Unlike comfy-table,
/// a cell wider than 65 535 columns is not wrapped (comfy-table counts widths in `u16`).
fn write_plain(out: &mut dyn Write, cells: &Cells, min: &[(usize, usize)]) -> io::Result<()> {
    const CHUNK: usize = 64 * 1024;
    const SPACES: &str = "                                                                ";
    let mut widths: Vec<usize> = cells.widths.iter().map(|w| (*w).max(1)).collect();
    for &(col, least) in min {
        widths[col] = widths[col].max(least);
    }
    widths.truncate(cells.shown);
    let mut buf = String::with_capacity(CHUNK + 1024);
    for row in cells.rows() {
        let start = buf.len();
        for (i, width) in row.zip(&widths) {
            buf.push(' ');
            buf.push_str(cells.cell(i));
            let mut pad = width - cells.width(i) + 1;
            while pad > 0 {
                let n = pad.min(SPACES.len());
                buf.push_str(&SPACES[..n]);
                pad -= n;
            }
        }
        let kept = buf[start..].trim_end().len();
        buf.truncate(start + kept);
        buf.push('\n');
        if buf.len() >= CHUNK {
            out.write_all(buf.as_bytes())?;
            buf.clear();
        }
    }
    out.write_all(buf.as_bytes())
}

/// The list table's standard columns; the listable custom fields follow.
const LIST_HEADER: [&str; 8] = [
    "PRIO", "TICKET", "SUMMARY", "REPORTED", "REPORTER", "ASSIGNEE", "STATE", "WATCH",
];
/// The one list column that wraps on a terminal.
const SUMMARY: usize = 2;
/// The narrowest SUMMARY column, padding (one space each side) included, as comfy-table counts
/// it.
const SUMMARY_MIN: u16 = 16;
/// On a terminal too narrow for the whole rows, the columns cut, in turn, and how narrow each
/// may get: the summary first, then the names, then the summary again.
const LIST_GIVES_WAY: [(usize, usize); 4] = [(SUMMARY, 14), (4, 8), (5, 8), (SUMMARY, 6)];

/// The list table's cells: the header, then one row per ticket.
/// The list table, built a row at a time (a listing of 100 000 tickets need not be held
/// as rows first), then written with [`ListTable::write`].
pub struct ListTable<'a> {
    config: &'a TrackerConfig,
    provisional: &'a HashSet<TicketId>,
    columns: usize,
    cells: Cells,
    rows: usize,
    /// Whether a row has a label (the LABELS column is written only then).
    labels: bool,
    style: Style,
}

impl<'a> ListTable<'a> {
    /// An empty table with the standard columns and the custom fields `columns`, to be
    /// written in `style`.
    pub fn new(
        config: &'a TrackerConfig,
        provisional: &'a HashSet<TicketId>,
        columns: &[String],
        style: Style,
    ) -> Self {
        // LABELS last: it is left out when no row has a label.
        let mut cells = Cells::new(LIST_HEADER.len() + columns.len() + 1, 64);
        for h in LIST_HEADER {
            cells.push(h);
        }
        for c in columns {
            cells.push(&sanitize_line(&c.to_uppercase()));
        }
        cells.push("LABELS");
        Self {
            config,
            provisional,
            columns: columns.len(),
            cells,
            rows: 0,
            labels: false,
            style,
        }
    }

    /// Adds the row of one ticket (its `columns` in the order given to [`ListTable::new`]).
    pub fn push(&mut self, s: &ListRow) {
        let cells = &mut self.cells;
        match s.priority {
            Some(p) => {
                let _ = write!(cells.text, "{p}");
                cells.end();
            }
            None => cells.push("-"),
        }
        let _ = write_key(
            &mut cells.text,
            self.config,
            s.number,
            self.provisional.contains(&s.id),
        );
        cells.end();
        cells.push_user(&s.title);
        push_day(&mut cells.text, s.created, self.style.utc);
        cells.end();
        cells.push_user(&s.reporter);
        cells.push_user(s.assignee.as_deref().unwrap_or("-"));
        cells.push(s.state.name());
        let _ = write!(cells.text, "{}", s.watchers);
        cells.end();
        for i in 0..self.columns {
            let v = s.columns.get(i).and_then(Option::as_deref).unwrap_or("-");
            cells.push_user(v.lines().next().unwrap_or("-"));
        }
        if s.labels.is_empty() {
            cells.push("-");
        } else {
            cells.push_user(&s.labels);
            self.labels = true;
        }
        self.rows += 1;
    }

    /// Whether no row was added.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Writes the table (nothing when it has no row). Off a terminal the rows are written
    /// directly, one per line, as comfy-table laid them out (issue 10: its layout cost more
    /// than the JSON at 10 000 rows); on a terminal the summaries are cut with `…` so that
    /// rows fit its width, and colour marks the header, keys and states.
    pub fn write(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.is_empty() {
            return Ok(());
        }
        self.cells.shown = self.cells.cols - usize::from(!self.labels);
        let labels_col = self.cells.cols - 1;
        let config = self.config;
        // write_plain counts the content alone.
        let min = usize::from(SUMMARY_MIN - 2);
        if !self.style.tty && !self.style.color {
            return write_plain(out, &self.cells, &[(SUMMARY, min)]);
        }
        let fit = self
            .style
            .tty
            .then_some(self.style.width)
            .flatten()
            .map(|w| (usize::from(w), &LIST_GIVES_WAY[..]));
        let color = self.style.color;
        let paint = |row: usize, col: usize, text: &str| -> Option<String> {
            let sgr = if !color {
                None
            } else if row == 0 {
                Some(paint::HEADER)
            } else if col == 1 {
                Some(paint::KEY)
            } else if col == 6 {
                text.parse().ok().map(paint::state)
            } else if col == labels_col {
                return Some(painted_labels(config, text));
            } else {
                None
            };
            sgr.map(|sgr| painted(text, sgr, true))
        };
        write_fitted(out, &self.cells, &[(SUMMARY, min)], fit, paint)
    }
}

/// Which columns of a [`rows`] table are keys and states (coloured when colour is on), and
/// which one gives way on a narrow terminal.
#[derive(Clone, Copy, Debug, Default)]
pub struct Columns {
    /// The column of ticket keys.
    pub key: Option<usize>,
    /// The column of state names.
    pub state: Option<usize>,
    /// The column cut with `…` (down to 10 columns) when rows are wider than the terminal.
    pub gives_way: Option<usize>,
}

/// A small table: `header`, then `rows` (cells are escaped for the terminal), written as the
/// list table is — one row per line off a terminal, colour for the header, keys and states
/// when it is on, cut to the terminal's width. Nothing when there is no row.
pub fn rows(
    out: &mut dyn Write,
    header: &[&str],
    rows: &[Vec<String>],
    columns: Columns,
    style: Style,
) -> io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut cells = Cells::new(header.len(), rows.len() + 1);
    for h in header {
        cells.push(h);
    }
    for row in rows {
        for i in 0..header.len() {
            cells.push_user(row.get(i).map_or("", String::as_str));
        }
    }
    if !style.tty && !style.color {
        return write_plain(out, &cells, &[]);
    }
    let give_way: Vec<(usize, usize)> = columns.gives_way.map(|c| (c, 10)).into_iter().collect();
    let fit = style
        .tty
        .then_some(style.width)
        .flatten()
        .map(|w| (usize::from(w), give_way.as_slice()));
    let color = style.color;
    let paint = |row: usize, col: usize, text: &str| -> Option<String> {
        if !color {
            None
        } else if row == 0 {
            Some(paint::HEADER.to_owned())
        } else if Some(col) == columns.key {
            Some(paint::KEY.to_owned())
        } else if Some(col) == columns.state {
            text.parse().ok().map(|s| paint::state(s).to_owned())
        } else {
            None
        }
    };
    write_fitted(out, &cells, &[], fit, paint)
}

/// Labels joined by `,` (as a cell shows them, perhaps cut), each in its configured colour.
fn painted_labels(config: &TrackerConfig, text: &str) -> String {
    text.split(',')
        .map(|l| match config.label_sgr(l) {
            Some(sgr) => painted(l, sgr, true),
            None => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// `text` cut to at most `width` display columns, ending with `…` when it was cut; and the
/// width it takes.
fn cut(text: &str, width: usize) -> (String, usize) {
    let mut kept = String::new();
    let mut used = 0;
    let total = text.width();
    if total <= width {
        return (text.to_owned(), total);
    }
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width.saturating_sub(1) {
            break;
        }
        kept.push(c);
        used += w;
    }
    kept.push('…');
    (kept, used + 1)
}

/// Writes `cells` as [`write_plain`] does, for a terminal: with `fit = (width, give_way)`,
/// the `(column, least)` pairs of `give_way` are narrowed in turn, each down to `least` at
/// most, until rows fit `width` columns; cells wider than their column are cut with `…`.
/// `paint(row, column, text)` gives a cell in colour, if it has any.
fn write_fitted(
    out: &mut dyn Write,
    cells: &Cells,
    min: &[(usize, usize)],
    fit: Option<(usize, &[(usize, usize)])>,
    paint: impl Fn(usize, usize, &str) -> Option<String>,
) -> io::Result<()> {
    let mut widths: Vec<usize> = cells.widths.iter().map(|w| (*w).max(1)).collect();
    for &(col, least) in min {
        widths[col] = widths[col].max(least);
    }
    widths.truncate(cells.shown);
    if let Some((limit, give_way)) = fit {
        for &(col, least) in give_way {
            // Each column takes its width plus a space each side; the last one's trailing
            // blanks are trimmed.
            let total: usize = widths.iter().map(|w| w + 2).sum::<usize>() - 1;
            if total <= limit {
                break;
            }
            widths[col] = widths[col]
                .saturating_sub(total - limit)
                .max(least.min(widths[col]));
        }
    }
    let mut buf = String::new();
    for (r, row) in cells.rows().enumerate() {
        buf.clear();
        for (c, (i, width)) in row.zip(&widths).enumerate() {
            let text = cells.cell(i);
            let full = cells.width(i);
            let (text, shown) = if full > *width {
                let (t, w) = cut(text, *width);
                (std::borrow::Cow::Owned(t), w)
            } else {
                (std::borrow::Cow::Borrowed(text), full)
            };
            buf.push(' ');
            match paint(r, c, &text) {
                Some(p) => buf.push_str(&p),
                None => buf.push_str(&text),
            }
            buf.extend(std::iter::repeat_n(' ', width - shown + 1));
        }
        let kept = buf.trim_end().len();
        buf.truncate(kept);
        buf.push('\n');
        out.write_all(buf.as_bytes())?;
    }
    Ok(())
}

/// The list table: priority, ticket, summary, reported, reporter, assignee, state, watchers.
/// Provisional keys (not yet on the remote) are shown with a leading `~`.
/// `columns` are the listable custom fields to show after the standard columns (R26).
/// See [`ListTable`], which this fills with `tickets`.
pub fn list(
    out: &mut dyn Write,
    config: &TrackerConfig,
    tickets: &[ListRow],
    provisional: &HashSet<TicketId>,
    columns: &[String],
    style: Style,
) -> io::Result<()> {
    let mut table = ListTable::new(config, provisional, columns, style);
    for t in tickets {
        table.push(t);
    }
    table.write(out)
}

fn indented(out: &mut dyn Write, text: &str) -> io::Result<()> {
    for line in sanitize_block(text).lines() {
        writeln!(out, "    {line}")?;
    }
    Ok(())
}

/// Writes the key of ticket `number`, with a leading `~` when it is provisional.
fn write_key(
    out: &mut impl std::fmt::Write,
    config: &TrackerConfig,
    number: u64,
    provisional: bool,
) -> std::fmt::Result {
    if provisional {
        out.write_char('~')?;
    }
    write!(out, "{}", key_of(config, number))
}

fn key_text(config: &TrackerConfig, number: u64, provisional: bool) -> String {
    let mut key = String::new();
    let _ = write_key(&mut key, config, number, provisional);
    key
}

/// What `show` prints of a ticket besides its own fields.
#[derive(Clone, Copy)]
pub struct ShowExtras<'a> {
    /// Its key is provisional (not on the remote yet).
    pub provisional: bool,
    /// The custom fields the viewer may see.
    pub fields: &'a std::collections::BTreeMap<String, String>,
    /// The watches to show with their own mask, by lower-cased email.
    pub masks: &'a std::collections::BTreeMap<String, Vec<NotifyEvent>>,
    /// Its dependency trees and cycle.
    pub deps: &'a Dependencies,
}

/// One ticket, all of it. A provisional key (not on the remote yet) is shown with a `~`.
/// `masks`: the watches to show with their own mask (those that differ from their watcher's
/// preferences), by lower-cased email.
pub fn show(
    out: &mut dyn Write,
    config: &TrackerConfig,
    t: &Ticket,
    about: &ShowExtras<'_>,
    style: Style,
) -> io::Result<()> {
    let ShowExtras {
        provisional,
        fields,
        masks,
        deps,
    } = *about;
    writeln!(
        out,
        "{}  {}",
        painted(
            &key_text(config, t.number, provisional),
            paint::KEY,
            style.color
        ),
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
        painted(t.state.name(), paint::state(t.state), style.color),
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
    if !deps.cycle.is_empty() {
        writeln!(
            out,
            "  cycle:     {} (dependencies added in two clones; 'git tracker undepend' one of them)",
            deps.cycle.join(" → ")
        )?;
    }
    writeln!(
        out,
        "  priority:  {}",
        match (t.priority, &t.rank) {
            (Some(p), _) => format!("{p}{}", if t.urgent { " (raised urgently)" } else { "" }),
            (None, _) if t.state.is_finished() => "- (finished tickets are not ranked)".into(),
            (None, _) => "- (not ranked)".into(),
        }
    )?;
    writeln!(out, "  created:   {}", date(t.created, style))?;
    writeln!(out, "  updated:   {}", date(t.updated, style))?;
    if let Some(fp) = &t.fingerprint {
        writeln!(out, "  fingerprint: {}", sanitize_line(fp))?;
    }
    if !t.labels.is_empty() {
        let labels: Vec<String> = t
            .labels
            .iter()
            .map(|l| {
                let l = sanitize_line(l);
                match config.label_sgr(&l).filter(|_| style.color) {
                    Some(sgr) => painted(&l, sgr, true),
                    None => l.into_owned(),
                }
            })
            .collect();
        writeln!(out, "  labels:    {}", labels.join(", "))?;
    }
    if let Some(o) = &t.origin {
        let repo = o
            .repository
            .as_deref()
            .map(|r| format!(" of repository {}", sanitize_line(r)))
            .unwrap_or_default();
        writeln!(
            out,
            "  from:      {} in tracker {}{repo} ({} {})",
            painted(&sanitize_line(&o.key), paint::KEY, style.color),
            sanitize_line(&o.tracker),
            if o.dispatch {
                "dispatched here"
            } else {
                "transferred here"
            },
            date(o.at, style)
        )?;
    }
    for l in &t.transfers {
        writeln!(
            out,
            "  sent to:   {} in tracker {} ({} {} by {})",
            painted(&sanitize_line(&l.key), paint::KEY, style.color),
            sanitize_line(&l.tracker),
            if l.dispatch {
                "dispatched"
            } else {
                "transferred"
            },
            date(l.at, style),
            person(&l.author)
        )?;
    }
    let watchers: Vec<String> = t
        .watchers
        .iter()
        .map(|w| match masks.get(&w.email.to_ascii_lowercase()) {
            Some(m) => format!("{} (mail: {})", person(w), kinds_text(m)),
            None => person(w),
        })
        .collect();
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
    for (title, nodes) in [("Depends on", &deps.depends_on), ("Blocks", &deps.blocks)] {
        if !nodes.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", heading(title, style))?;
            link_tree(out, config, &t.id, nodes, 1, style)?;
        }
    }
    if deps.truncated {
        writeln!(
            out,
            "  (more: the trees stop at {} tickets and {} levels)",
            crate::model::links::MAX_TREE_NODES,
            crate::model::links::MAX_TREE_DEPTH
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", heading("Description", style))?;
    if t.description.trim().is_empty() {
        writeln!(out, "    (none)")?;
    } else {
        indented(out, &t.description)?;
    }
    if !t.solution.trim().is_empty() {
        writeln!(out, "\n{}", heading("Solution", style))?;
        indented(out, &t.solution)?;
    }
    let live: Vec<_> = t.comments.iter().filter(|c| !c.deleted).collect();
    if !live.is_empty() {
        writeln!(
            out,
            "\n{}",
            heading(&format!("Comments ({})", live.len()), style)
        )?;
        for c in live {
            let edited = c
                .edited
                .map(|e| format!(" (edited {})", date(e, style)))
                .unwrap_or_default();
            writeln!(
                out,
                "  [{}] {}, {}{edited}",
                &c.id.as_str()[..8],
                person(&c.author),
                date(c.at, style)
            )?;
            indented(out, &c.body)?;
            let files: Vec<String> = t
                .attachments
                .iter()
                .filter(|a| a.comment.as_ref() == Some(&c.id))
                .map(|a| {
                    format!(
                        "{} ({})",
                        sanitize_line(&a.file.name),
                        human_size(a.file.size)
                    )
                })
                .collect();
            if !files.is_empty() {
                writeln!(out, "    attached: {}", files.join(", "))?;
            }
        }
    }
    if !t.attachments.is_empty() {
        writeln!(
            out,
            "\n{}",
            heading(&format!("Attachments ({})", t.attachments.len()), style)
        )?;
        let rows: Vec<(String, String)> = t
            .attachments
            .iter()
            .map(|a| {
                (
                    sanitize_line(&a.file.name).into_owned(),
                    human_size(a.file.size),
                )
            })
            .collect();
        let name_width = rows.iter().map(|(n, _)| n.width()).max().unwrap_or(0);
        let size_width = rows.iter().map(|(_, s)| s.len()).max().unwrap_or(0);
        for (a, (name, size)) in t.attachments.iter().zip(&rows) {
            let pad = " ".repeat(name_width - name.width());
            writeln!(
                out,
                "  {name}{pad}  {size:>size_width$}  {}, {}",
                attached_to(t, a),
                date(a.at, style)
            )?;
        }
    }
    if !t.raises.is_empty() {
        writeln!(
            out,
            "\n{}",
            heading(&format!("Raise requests ({})", t.raises.len()), style)
        )?;
        for r in &t.raises {
            let outcome = match &r.decision {
                None => "pending".to_owned(),
                Some(d) if d.accepted => {
                    format!("accepted by {}, {}", person(&d.by), date(d.at, style))
                }
                Some(d) => format!(
                    "refused by {}, {}: {}",
                    person(&d.by),
                    date(d.at, style),
                    sanitize_line(first_line(&d.message))
                ),
            };
            writeln!(
                out,
                "  [{}] {}, {}{}: {outcome}",
                &r.id.as_str()[..8],
                person(&r.author),
                date(r.at, style),
                if r.urgent { ", urgent" } else { "" },
            )?;
            indented(out, &r.reason)?;
        }
    }
    if !t.transitions.is_empty() {
        writeln!(out, "\n{}", heading("Transitions", style))?;
        for tr in &t.transitions {
            let note = if tr.message.is_empty() {
                String::new()
            } else {
                format!(": {}", sanitize_line(&tr.message))
            };
            writeln!(
                out,
                "  {}  {} -> {}  {}{note}",
                date(tr.at, style),
                tr.from,
                tr.to,
                person(&tr.author)
            )?;
        }
    }
    Ok(())
}

/// The keys of the tickets `priority` events name (their `anchor`), by id: `log` shows them
/// by key.
pub type Anchors = std::collections::HashMap<TicketId, String>;

/// A rank key as `log` shows it: whole up to 16 characters, else cut.
fn short_rank(rank: &crate::model::rank::Rank) -> String {
    let s = rank.as_str();
    if s.len() <= 16 {
        s.to_owned()
    } else {
        format!("{}…", &s[..16])
    }
}

fn describe_priority(
    how: crate::model::event::Move,
    anchor: Option<&TicketId>,
    request: Option<&crate::model::EventId>,
    anchors: &Anchors,
) -> String {
    use crate::model::event::Move;
    let other = anchor.map_or_else(
        || "another ticket".to_owned(),
        |a| {
            anchors
                .get(a)
                .cloned()
                .unwrap_or_else(|| a.as_str()[..8].to_owned())
        },
    );
    match (how, request) {
        (_, Some(r)) => format!(
            "accepted raise request {}: moved up in the priorities",
            &r.as_str()[..8]
        ),
        (Move::Top, _) => "moved to the top of the priorities".into(),
        (Move::Bottom, _) => "moved to the bottom of the priorities".into(),
        (Move::Up, _) => format!("moved up in the priorities, above {other}"),
        (Move::Down, _) => format!("moved down in the priorities, below {other}"),
        (Move::Before, _) => format!("moved in the priorities before {other}"),
        (Move::After, _) => format!("moved in the priorities after {other}"),
        (Move::Raise, None) => "moved up in the priorities (raise)".into(),
        (Move::Reopen, _) => "ranked at the bottom of the priorities as it was reopened".into(),
    }
}

/// The keys of the tickets events name (`depend`, `undepend`), by id.
pub type Names = Anchors;

/// A dependency tree of ticket `root`, one ticket a line, each level indented two more spaces:
/// key, state, title. A ticket met a second time is marked and its links are not repeated.
fn link_tree(
    out: &mut dyn Write,
    config: &TrackerConfig,
    root: &TicketId,
    nodes: &[LinkNode],
    depth: usize,
    style: Style,
) -> io::Result<()> {
    let indent = "  ".repeat(depth);
    for n in nodes {
        let key = n.number.map_or_else(
            || format!("{} (not on the branch)", &n.id.as_str()[..8]),
            |k| key_of(config, k).to_string(),
        );
        let key = painted(&key, paint::KEY, style.color);
        match &n.ticket {
            Some(t) => {
                let again = if n.id == *root {
                    "  (this ticket: a cycle)"
                } else if n.repeated {
                    "  (repeated)"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "{indent}{key}  {}  {}{again}",
                    painted(t.state.name(), paint::state(t.state), style.color),
                    sanitize_line(&t.title)
                )?;
            }
            None if n.hidden => writeln!(out, "{indent}{key}  (not shown to you)")?,
            None => writeln!(out, "{indent}{key}")?,
        }
        link_tree(out, config, root, &n.links, depth + 1, style)?;
    }
    Ok(())
}

/// What an event did, in a few words, as `log` shows it (texts escaped for the terminal).
pub fn describe(
    action: &Action,
    config: &TrackerConfig,
    sees_private: bool,
    anchors: &Anchors,
) -> String {
    describe_with(
        action,
        config,
        sees_private,
        anchors,
        &|s| sanitize_line(s).into_owned(),
        &person,
    )
}

/// What an event did, as [`describe`] says it, with texts as they are (for JSON).
pub fn describe_raw(
    action: &Action,
    config: &TrackerConfig,
    sees_private: bool,
    anchors: &Anchors,
) -> String {
    describe_with(
        action,
        config,
        sees_private,
        anchors,
        &str::to_owned,
        &|p| p.to_string(),
    )
}

fn describe_with(
    action: &Action,
    config: &TrackerConfig,
    sees_private: bool,
    anchors: &Anchors,
    one: &dyn Fn(&str) -> String,
    person: &dyn Fn(&Person) -> String,
) -> String {
    let name = |id: &TicketId| {
        anchors
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.as_str()[..8].to_owned())
    };
    match action {
        Action::Priority {
            rank,
            how,
            anchor,
            request,
        } => format!(
            "{} (rank {})",
            describe_priority(*how, anchor.as_ref(), request.as_ref(), anchors),
            short_rank(rank)
        ),
        Action::Raise { reason, urgent } => format!(
            "asked to raise the priority{}: {}",
            if *urgent { " (urgent)" } else { "" },
            one(first_line(reason))
        ),
        Action::RaiseRefuse { request, message } => format!(
            "refused raise request {}: {}",
            &request.as_str()[..8],
            one(first_line(message))
        ),
        Action::Depend { on } => format!("now depends on {}", name(on)),
        Action::Undepend { on } => format!("no longer depends on {}", name(on)),
        Action::Label { add, remove } => {
            let changes: Vec<String> = add
                .iter()
                .map(|l| format!("+{}", one(l)))
                .chain(remove.iter().map(|l| format!("-{}", one(l))))
                .collect();
            format!("labels {}", changes.join(" "))
        }
        Action::Attach { comment, files } => {
            let list: Vec<String> = files
                .iter()
                .map(|f| format!("{} ({})", one(&f.name), human_size(f.size)))
                .collect();
            match comment {
                Some(c) => format!(
                    "attached {} to comment {}",
                    list.join(", "),
                    &c.as_str()[..8]
                ),
                None => format!("attached {}", list.join(", ")),
            }
        }
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
        Action::Watch {
            person: p,
            events: None,
        } => format!("added watcher {}", person(p)),
        Action::Watch {
            person: p,
            events: Some(kinds),
        } => format!(
            "set the watch of {} to mail about: {}",
            person(p),
            kinds_text(kinds)
        ),
        Action::Field { name, value } if value.is_empty() => format!("cleared {}", one(name)),
        Action::Field { name, value } => format!("set {} to \"{}\"", one(name), one(value)),
        Action::Unwatch { person: p } => format!("removed watcher {}", person(p)),
        Action::Origin {
            tracker,
            key,
            dispatch,
            ..
        } => format!(
            "{} from {} (tracker {})",
            if *dispatch {
                "dispatched here"
            } else {
                "transferred here"
            },
            one(key),
            one(tracker)
        ),
        Action::Transfer {
            tracker,
            key,
            dispatch,
            ..
        } => format!(
            "{} to {} (tracker {})",
            if *dispatch {
                "dispatched"
            } else {
                "transferred"
            },
            one(key),
            one(tracker)
        ),
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
    anchors: &Anchors,
    style: Style,
) -> io::Result<()> {
    writeln!(
        out,
        "{}  {}",
        painted(
            &key_of(config, t.number).to_string(),
            paint::KEY,
            style.color
        ),
        sanitize_line(&t.title)
    )?;
    for e in &t.events {
        // The project commit a `scan` event came from, as git shows ids in its own logs.
        let commit = e
            .commit
            .as_ref()
            .map(|c| format!(" (commit {})", &c.as_str()[..12]))
            .unwrap_or_default();
        writeln!(
            out,
            "{}  {}  {}{commit}",
            date(e.at, style),
            person(&e.author),
            describe(&e.action, config, sees_private, anchors)
        )?;
    }
    Ok(())
}

/// A day as tables show it (`YYYY-MM-DD`, in the local time zone unless `style.utc`).
pub fn day(t: DateTime<Utc>, style: Style) -> String {
    let mut buf = String::new();
    push_day(&mut buf, t, style.utc);
    buf
}

/// A plain table of texts under a header (cells already sanitized by the caller).
pub fn simple(
    out: &mut dyn Write,
    header: &[&str],
    rows: &[Vec<String>],
    style: Style,
) -> io::Result<()> {
    let mut t = new_table(style);
    t.set_header(
        header
            .iter()
            .map(|h| painted(h, paint::HEADER, style.color)),
    );
    for row in rows {
        t.add_row(row);
    }
    for line in t.to_string().lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// `git tracker trackers`: one row per tracker branch, the current one marked `*`; unknown
/// counts as `-`.
pub fn trackers(
    out: &mut dyn Write,
    rows: &[crate::report::json::TrackerView],
    style: Style,
) -> io::Result<()> {
    let mut t = new_table(style);
    let header = [
        "",
        "BRANCH",
        "REMOTE",
        "NAME",
        "PREFIX",
        "TICKETS",
        "IN PROGRESS",
    ];
    t.set_header(
        header
            .iter()
            .map(|h| painted(h, paint::HEADER, style.color)),
    );
    let count = |n: Option<usize>| n.map_or_else(|| "-".to_owned(), |n| n.to_string());
    for r in rows {
        let unknown = || "?".to_owned();
        t.add_row([
            if r.current { "*" } else { "" }.to_owned(),
            sanitize_line(&r.branch).into_owned(),
            r.remote
                .as_deref()
                .map(|x| sanitize_line(x).into_owned())
                .unwrap_or_default(),
            r.name
                .as_deref()
                .map_or_else(unknown, |x| sanitize_line(x).into_owned()),
            r.prefix
                .as_deref()
                .map_or_else(unknown, |x| sanitize_line(x).into_owned()),
            count(r.tickets),
            count(r.in_progress),
        ]);
    }
    for i in [5, 6] {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(comfy_table::CellAlignment::Right);
        }
    }
    for line in t.to_string().lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// `attachment list`: one file a line — id (of the event that attached it), name, size, who,
/// when, and what it goes with.
pub fn attachments(out: &mut dyn Write, t: &Ticket, style: Style) -> io::Result<()> {
    if t.attachments.is_empty() {
        return Ok(());
    }
    let mut table = new_table(style);
    table.set_header(["ID", "NAME", "SIZE", "BY", "AT", "WITH"]);
    for a in &t.attachments {
        table.add_row([
            a.event.as_str()[..8].to_owned(),
            sanitize_line(&a.file.name).into_owned(),
            human_size(a.file.size),
            sanitize_line(a.author.shown()).into_owned(),
            date(a.at, style),
            attached_to(t, a),
        ]);
    }
    for line in table.to_string().lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// What an attachment goes with: `ticket`, `comment 3f9c2a1b`, or `deleted comment 3f9c2a1b`.
fn attached_to(t: &Ticket, a: &crate::model::ticket::AttachedFile) -> String {
    match &a.comment {
        None => "ticket".into(),
        Some(c) => {
            let deleted = t.comments.iter().any(|x| &x.id == c && x.deleted);
            format!(
                "{}comment {}",
                if deleted { "deleted " } else { "" },
                &c.as_str()[..8]
            )
        }
    }
}

/// A size as people read it: `812 B`, `12.3 KiB`, `5.0 MiB`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// `STATE` names joined for messages.
pub fn states(list: &[State]) -> String {
    list.iter().map(|s| s.name()).collect::<Vec<_>>().join(", ")
}

/// A plain table: `header`, then `rows` of cells already made fit for a terminal (each
/// user-controlled text sanitized by the caller). Used by `scan`.
pub fn plain(
    out: &mut dyn Write,
    header: &[&str],
    rows: &[Vec<String>],
    style: Style,
) -> io::Result<()> {
    let mut t = new_table(style);
    t.set_header(header.to_vec());
    for row in rows {
        t.add_row(row);
    }
    for line in t.to_string().lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TicketSummary;
    use proptest::prelude::*;

    fn plain(
        tickets: &[TicketSummary],
        provisional: &HashSet<TicketId>,
        columns: &[String],
    ) -> String {
        let rows: Vec<ListRow> = tickets.iter().map(|t| ListRow::of(t, columns)).collect();
        let style = Style {
            tty: false,
            width: Some(100),
            color: false,
            utc: true,
        };
        let mut out = Vec::new();
        let config = TrackerConfig::default();
        list(&mut out, &config, &rows, provisional, columns, style).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The list table as it was before issue 10, verbatim but for names: comfy-table, off a
    /// terminal.
    fn through_comfy(
        tickets: &[TicketSummary],
        provisional: &HashSet<TicketId>,
        columns: &[String],
    ) -> String {
        fn short(p: &Person) -> String {
            let s = if p.name.is_empty() { &p.email } else { &p.name };
            sanitize_line(s).into_owned()
        }
        fn day(t: DateTime<Utc>) -> String {
            t.format("%Y-%m-%d").to_string()
        }
        let config = &TrackerConfig::default();
        let style = Style {
            tty: false,
            width: Some(100),
            color: false,
            utc: true,
        };
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
        // As the list table did: SUMMARY at least SUMMARY_MIN wide, padding included.
        let fixed: Vec<usize> = (0..t.column_count()).filter(|i| *i != SUMMARY).collect();
        for (i, c) in t.column_iter_mut().enumerate() {
            use comfy_table::{ColumnConstraint, Width};
            if fixed.contains(&i) {
                c.set_constraint(ColumnConstraint::ContentWidth);
            } else {
                c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(SUMMARY_MIN)));
            }
        }
        let mut out = String::new();
        for line in t.to_string().lines() {
            writeln!(out, "{}", line.trim_end()).unwrap();
        }
        out
    }

    fn person(name: &str) -> Person {
        Person {
            name: name.into(),
            email: "someone@example.com".into(),
        }
    }

    fn ticket(n: u8, title: &str) -> TicketSummary {
        let at = DateTime::from_timestamp(1_767_225_600 + i64::from(n) * 86_400, 0).unwrap();
        TicketSummary {
            id: TicketId::from_random([n; 16]),
            number: u64::from(n),
            title: title.into(),
            state: State::Posted,
            reporter: person("Ann"),
            assignee: None,
            watchers: vec![person("Ann")],
            priority: None,
            rank: None,
            urgent: false,
            pending_raises: 0,
            created: at,
            updated: at,
            contested: Vec::new(),
            fields: Default::default(),
            fingerprint: None,
            depends_on: Vec::new(),
            labels: Vec::new(),
        }
    }

    /// Any text: mostly printable, with double-width, combining, zero-width and emoji
    /// characters, controls (newlines too) and Unicode blanks.
    fn text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => "[ -~]{0,12}",
            1 => Just("日本".to_owned()),
            1 => Just("e\u{301}".to_owned()),
            1 => Just("👍🏽".to_owned()),
            1 => Just("❤\u{fe0f}".to_owned()),
            1 => Just("\u{200b}\u{202e}".to_owned()),
            1 => Just("\u{3000}".to_owned()),
            1 => Just("\u{a0}".to_owned()),
            1 => Just("\t\r\n\u{1b}[31m\u{85}".to_owned()),
            1 => any::<char>().prop_map(String::from),
        ];
        proptest::collection::vec(piece, 0..5).prop_map(|p| p.concat())
    }

    fn summary() -> impl Strategy<Value = TicketSummary> {
        (
            any::<u8>(),
            text(),
            text(),
            proptest::option::of(text()),
            proptest::option::of(0u64..200),
            any::<bool>(),
            proptest::collection::btree_map(
                proptest::sample::select(vec!["cost", "team"]),
                text(),
                0..3,
            ),
        )
            .prop_map(
                |(n, title, reporter, assignee, priority, emailed, fields)| {
                    let mut t = ticket(n, &title);
                    t.reporter = if emailed {
                        Person {
                            name: String::new(),
                            email: reporter,
                        }
                    } else {
                        person(&reporter)
                    };
                    t.assignee = assignee.as_deref().map(person);
                    t.priority = priority;
                    t.fields = fields.into_iter().map(|(k, v)| (k.into(), v)).collect();
                    t
                },
            )
    }

    proptest! {
        /// Issue 10: the direct writer prints what comfy-table printed, byte for byte.
        #[test]
        fn the_plain_table_is_what_comfy_table_printed(
            tickets in proptest::collection::vec(summary(), 1..12),
            provisional in proptest::collection::vec(any::<bool>(), 12),
            columns in proptest::sample::subsequence(vec!["cost", "ghost", "team"], 0..=3),
        ) {
            let provisional: HashSet<TicketId> = tickets
                .iter()
                .zip(provisional)
                .filter(|(_, p)| *p)
                .map(|(t, _)| t.id.clone())
                .collect();
            let columns: Vec<String> = columns.into_iter().map(String::from).collect();
            let ours = plain(&tickets, &provisional, &columns);
            prop_assert_eq!(ours, through_comfy(&tickets, &provisional, &columns));
        }

        /// The printable-ASCII shortcut measures what unicode-width measures.
        #[test]
        fn cell_widths_are_display_widths(s in text()) {
            let mut cells = Cells::new(1, 1);
            cells.push(&s);
            prop_assert_eq!(cells.width(0), s.width());
            prop_assert_eq!(cells.widths[0], s.width());
        }
    }

    #[test]
    fn a_fixed_mix_is_what_comfy_table_printed() {
        let mut wide = ticket(
            2,
            "日本語 and a much longer title than any other, so it sets the width",
        );
        wide.priority = Some(3);
        wide.assignee = Some(person("Zoë"));
        wide.fields.insert("team".into(), "ops\nsecond line".into());
        let mut blank = ticket(3, "trailing");
        blank.fields.insert("team".into(), "qa\u{3000}".into());
        let tickets = [ticket(1, "short"), wide, blank];
        let provisional: HashSet<TicketId> = [tickets[2].id.clone()].into();
        let columns = ["team".to_owned()];
        let ours = plain(&tickets, &provisional, &columns);
        assert_eq!(ours, through_comfy(&tickets, &provisional, &columns));
        assert_eq!(
            ours,
            " PRIO  TICKET  SUMMARY                                                              REPORTED    REPORTER  ASSIGNEE  STATE   WATCH  TEAM\n \
             -     TRK-1   short                                                                2026-01-02  Ann       -         POSTED  1      -\n \
             3     TRK-2   日本語 and a much longer title than any other, so it sets the width  2026-01-03  Ann       Zoë       POSTED  1      ops\n \
             -     ~TRK-3  trailing                                                             2026-01-04  Ann       -         POSTED  1      qa\n"
        );
    }

    #[test]
    fn no_tickets_print_nothing() {
        assert_eq!(plain(&[], &HashSet::new(), &[]), "");
    }

    /// A deliberate difference: comfy-table counts widths in `u16` and wrapped a cell wider
    /// than 65 535 columns onto a second line; one row stays one line.
    #[test]
    fn a_very_wide_cell_stays_on_its_line() {
        let mut t = ticket(1, "wide");
        t.fields.insert("team".into(), "x".repeat(70_000));
        let out = plain(&[t, ticket(2, "narrow")], &HashSet::new(), &["team".into()]);
        assert_eq!(out.lines().count(), 3);
        assert!(out.lines().nth(1).unwrap().ends_with(&"x".repeat(70_000)));
    }

    #[test]
    fn days_are_printed_as_chrono_prints_them() {
        for secs in [
            -62_167_219_200 - 86_400, // 0000-01-01 minus a day: year -1
            -62_167_219_200,          // 0000-01-01
            0,
            1_767_225_600,
            253_402_300_799,   // 9999-12-31
            253_402_300_800,   // 10000-01-01
            8_210_266_876_799, // the last second chrono represents
        ] {
            let t = DateTime::from_timestamp(secs, 0).unwrap();
            let mut day = String::new();
            push_day(&mut day, t, true);
            assert_eq!(day, t.format("%Y-%m-%d").to_string(), "{secs}");
            // And in the local time zone (TZ), where the year may be one less or more.
            let local = t.with_timezone(&chrono::Local);
            day.clear();
            push_day(&mut day, t, false);
            assert_eq!(day, local.format("%Y-%m-%d").to_string(), "{secs} local");
        }
    }
}
