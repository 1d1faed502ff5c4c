//! Asking the index (R29): which tickets, in which order. Every question is answered from the
//! rows it needs, in one transaction that checks they are those of the snapshot's tip.

use std::fmt::Write as _;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::index::summary_of;
use super::{Snapshot, Store, StoreError};
use chrono::DateTime;

use crate::model::person::Names;
use crate::model::{ListRow, Person, State, TicketId, TicketSummary};

fn sql(what: &'static str) -> impl FnOnce(rusqlite::Error) -> StoreError {
    move |source| StoreError::Index { what, source }
}

/// A listing read as it is written stopped because the index could not be read (the error
/// itself is returned by [`Store::each_found`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadFailed;

impl std::fmt::Display for ReadFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the local index could not be read to the end")
    }
}

/// Who may be listed (the view rule of the support modes, R31, as decided by
/// `model::access`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Visible {
    /// Every ticket.
    #[default]
    All,
    /// The tickets this email reported.
    ReportedBy(String),
    /// The tickets this email reported or is assigned.
    ReportedOrAssigned(String),
    /// None.
    Nothing,
}

/// The order of a listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Order {
    /// By key number.
    Key,
    /// By creation time.
    Created,
    /// By last change.
    Updated,
    /// By state, in lifecycle order.
    State,
    /// By assignee email, unassigned last.
    Assignee,
    /// By priority rank, unranked last.
    Priority,
    /// By a custom field's value (numerically when `numeric`), unset last.
    Field {
        /// The field.
        name: String,
        /// Compare as numbers.
        numeric: bool,
    },
}

/// A time range, in seconds since the epoch: `from <= t < to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    /// Inclusive start.
    pub from: Option<i64>,
    /// Exclusive end.
    pub to: Option<i64>,
}

/// Words to find (or exclude) in one of a ticket's texts: a phrase, its tokens in order (a
/// single word is a phrase of one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    /// The tokens, already folded (`model::query::fold`).
    pub tokens: Vec<String>,
    /// The last token matches any token it begins.
    pub prefix: bool,
    /// Exclude the tickets that have it.
    pub exclude: bool,
}

/// A custom field's value to look for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldIs {
    /// The field.
    pub name: String,
    /// The value, compared ignoring ASCII case; `None`: tickets without a value.
    pub value: Option<String>,
    /// A multi-choice field: the value may also be one of the ticket's choices.
    pub multi: bool,
}

/// A listing: every criterion narrows it (AND). The people criteria are lists of groups:
/// every group must hold (AND), and within a group one alternative is enough (OR), so that
/// `--work --assignee X` and `assignee:a assignee:b` both say what they mean. Emails are
/// compared ignoring ASCII case.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// In one of these states (`None`: any).
    pub states: Option<Vec<State>>,
    /// For each group: a key number in one of these inclusive ranges.
    pub numbers: Vec<Vec<(u64, u64)>>,
    /// For each group: assigned to one of these (`None`: unassigned).
    pub assignee: Vec<Vec<Option<String>>>,
    /// For each group: reported by one of these.
    pub reporter: Vec<Vec<String>>,
    /// For each group: watched by one of these.
    pub watcher: Vec<Vec<String>>,
    /// Created in each of these ranges.
    pub created: Vec<Range>,
    /// Last changed in each of these ranges.
    pub updated: Vec<Range>,
    /// Custom fields, each of which must hold.
    pub fields: Vec<FieldIs>,
    /// For each group: filed with one of these fingerprints (ignoring ASCII case).
    pub fingerprints: Vec<Vec<String>>,
    /// Only tickets with a contested field, or on a dependency cycle.
    pub contested: bool,
    /// Only tickets with a raise request waiting for a decision.
    pub pending_raises: bool,
    /// Only tickets that depend on a ticket in progress (R24).
    pub blocked: bool,
    /// Only tickets in progress that a ticket in progress depends on.
    pub blocking: bool,
    /// Only tickets with every one of these labels (compared as written: lower case).
    pub labels: Vec<String>,
    /// Only tickets whose latest change (the event with the latest time) was not made by this
    /// email.
    pub not_last_changed_by: Option<String>,
    /// Words and phrases of the title, description, solution or comments.
    pub words: Vec<Words>,
    /// The view rule.
    pub visible: Visible,
    /// The order (`None`: by key).
    pub order: Option<Order>,
    /// Reverse the order.
    pub descending: bool,
    /// At most this many.
    pub limit: Option<usize>,
}

/// An FTS5 query matching exactly `tokens` in sequence: each token quoted, so no character of
/// a user's word is read as FTS5 syntax.
fn phrase(words: &Words) -> String {
    let quoted: Vec<String> = words
        .tokens
        .iter()
        .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
        .collect();
    let star = if words.prefix { " *" } else { "" };
    format!("{}{star}", quoted.join(" + "))
}

impl Filter {
    /// Both filters at once: every criterion of each must hold. The view rule is `self`'s (both
    /// come from the same viewer). `other`'s order wins when `other_orders`, else `self`'s;
    /// the smaller limit wins.
    pub fn and(mut self, other: Filter, other_orders: bool) -> Filter {
        self.states = match (self.states, other.states) {
            (Some(a), Some(b)) => Some(a.into_iter().filter(|s| b.contains(s)).collect()),
            (a, b) => a.or(b),
        };
        self.numbers.extend(other.numbers);
        self.assignee.extend(other.assignee);
        self.reporter.extend(other.reporter);
        self.watcher.extend(other.watcher);
        self.created.extend(other.created);
        self.updated.extend(other.updated);
        self.fields.extend(other.fields);
        self.fingerprints.extend(other.fingerprints);
        self.contested |= other.contested;
        self.pending_raises |= other.pending_raises;
        self.blocked |= other.blocked;
        self.blocking |= other.blocking;
        self.labels.extend(other.labels);
        self.not_last_changed_by = self.not_last_changed_by.or(other.not_last_changed_by);
        self.words.extend(other.words);
        if other_orders || self.order.is_none() {
            self.order = other.order;
            self.descending = other.descending;
        }
        self.limit = match (self.limit, other.limit) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self
    }

    /// The `WHERE` clause and its values.
    fn clause(&self) -> (String, Vec<Value>) {
        let mut w = String::from("t.folded = 1");
        let mut v: Vec<Value> = Vec::new();
        let push = |w: &mut String, v: &mut Vec<Value>, sql: &str, vals: Vec<Value>| {
            let _ = write!(w, " AND ({sql})");
            v.extend(vals);
        };
        let list = |n: usize| vec!["?"; n].join(", ");
        if let Some(states) = &self.states {
            let names: Vec<Value> = states
                .iter()
                .map(|s| Value::from(s.name().to_owned()))
                .collect();
            push(
                &mut w,
                &mut v,
                &format!("t.state IN ({})", list(names.len())),
                names,
            );
        }
        for group in &self.numbers {
            let parts: Vec<&str> = group.iter().map(|_| "t.eff BETWEEN ? AND ?").collect();
            let vals = group
                .iter()
                .flat_map(|(a, b)| [Value::from(clamp(*a)), Value::from(clamp(*b))])
                .collect();
            push(&mut w, &mut v, &or(&parts), vals);
        }
        let lower = |e: &String| Value::from(e.to_ascii_lowercase());
        for group in &self.assignee {
            let parts: Vec<&str> = group
                .iter()
                .map(|a| {
                    if a.is_some() {
                        "t.assignee = ?"
                    } else {
                        "t.assignee IS NULL"
                    }
                })
                .collect();
            let vals = group.iter().flatten().map(lower).collect();
            push(&mut w, &mut v, &or(&parts), vals);
        }
        for group in &self.reporter {
            let vals: Vec<Value> = group.iter().map(lower).collect();
            let q = format!("t.reporter IN ({})", list(vals.len()));
            push(&mut w, &mut v, &q, vals);
        }
        for group in &self.watcher {
            let vals: Vec<Value> = group.iter().map(lower).collect();
            let q = format!(
                "t.row IN (SELECT ticket FROM watchers WHERE email IN ({}))",
                list(vals.len())
            );
            push(&mut w, &mut v, &q, vals);
        }
        for (col, ranges) in [("t.created", &self.created), ("t.updated", &self.updated)] {
            for r in ranges {
                if let Some(from) = r.from {
                    push(
                        &mut w,
                        &mut v,
                        &format!("{col} >= ?"),
                        vec![Value::from(from)],
                    );
                }
                if let Some(to) = r.to {
                    push(&mut w, &mut v, &format!("{col} < ?"), vec![Value::from(to)]);
                }
            }
        }
        for group in &self.fingerprints {
            let marks = vec!["?"; group.len()].join(", ");
            let mut values = vec![Value::from(super::index::FINGERPRINT_FIELD.to_owned())];
            values.extend(group.iter().map(|f| Value::from(f.to_ascii_lowercase())));
            push(
                &mut w,
                &mut v,
                &format!(
                    "t.row IN (SELECT ticket FROM fields WHERE name = ? AND lower(value) IN ({marks}))"
                ),
                values,
            );
        }
        for f in &self.fields {
            let name = Value::from(f.name.clone());
            match &f.value {
                None => push(
                    &mut w,
                    &mut v,
                    "t.row NOT IN (SELECT ticket FROM fields WHERE name = ?)",
                    vec![name],
                ),
                Some(value) => {
                    let value = Value::from(value.to_ascii_lowercase());
                    let q = if f.multi {
                        "t.row IN (SELECT ticket FROM fields WHERE name = ? AND (lower(value) = ?1
                         OR instr(',' || lower(value) || ',', ',' || ?1 || ',') > 0))"
                    } else {
                        "t.row IN (SELECT ticket FROM fields WHERE name = ? AND lower(value) = ?)"
                    };
                    if f.multi {
                        push(
                            &mut w,
                            &mut v,
                            &q.replace("?1", "?"),
                            vec![name, value.clone(), value],
                        );
                    } else {
                        push(&mut w, &mut v, q, vec![name, value]);
                    }
                }
            }
        }
        if self.contested {
            push(
                &mut w,
                &mut v,
                "t.contested > 0 OR t.id IN (SELECT id FROM cycles)",
                Vec::new(),
            );
        }
        for label in &self.labels {
            push(
                &mut w,
                &mut v,
                "t.row IN (SELECT ticket FROM labels WHERE label = ?)",
                vec![Value::from(label.clone())],
            );
        }
        if self.blocked {
            push(
                &mut w,
                &mut v,
                "t.row IN (SELECT l.ticket FROM links l JOIN tickets d ON d.id = l.target
                 WHERE d.folded = 1 AND d.finished = 0)",
                Vec::new(),
            );
        }
        if self.blocking {
            push(
                &mut w,
                &mut v,
                "t.finished = 0 AND t.id IN (SELECT l.target FROM links l
                 JOIN tickets x ON x.row = l.ticket WHERE x.folded = 1 AND x.finished = 0)",
                Vec::new(),
            );
        }
        if self.pending_raises {
            push(&mut w, &mut v, "t.raises > 0", Vec::new());
        }
        if let Some(e) = &self.not_last_changed_by {
            push(&mut w, &mut v, "t.updater IS NOT ?", vec![lower(e)]);
        }
        for words in self.words.iter().filter(|w| !w.tokens.is_empty()) {
            let op = if words.exclude { "NOT IN" } else { "IN" };
            push(
                &mut w,
                &mut v,
                &format!(
                    "t.row {op} (SELECT rowid >> {} FROM words WHERE words MATCH ?)",
                    super::index::TEXT_BITS
                ),
                vec![Value::from(phrase(words))],
            );
        }
        match &self.visible {
            Visible::All => {}
            Visible::ReportedBy(e) => push(
                &mut w,
                &mut v,
                "t.reporter = ?",
                vec![Value::from(e.to_ascii_lowercase())],
            ),
            Visible::ReportedOrAssigned(e) => {
                let e = e.to_ascii_lowercase();
                push(
                    &mut w,
                    &mut v,
                    "t.reporter = ? OR t.assignee = ?",
                    vec![Value::from(e.clone()), Value::from(e)],
                );
            }
            Visible::Nothing => push(&mut w, &mut v, "0", Vec::new()),
        }
        (w, v)
    }

    /// The `ORDER BY` clause and its values (`docs/search.md`, "sort:"): ties by key number
    /// then id in the same direction; tickets without the value last, by key number
    /// ascending.
    fn order(&self, walk: bool) -> (String, Vec<Value>) {
        let dir = if self.descending { "DESC" } else { "ASC" };
        // `walk`: the indexes in listing order (key, created, updated) may be walked, as with
        // a limit, where the walk stops after `limit` rows, or when the index holds every
        // column read. Otherwise sorting the rows found is quicker than visiting every row in
        // index order, and a unary `+` keeps SQLite from using the index.
        let plus = if walk { "" } else { "+" };
        let ties = format!("{plus}t.eff {dir}, {plus}t.id {dir}");
        let mut v = Vec::new();
        let nullable = |key: &str| {
            format!(
                "({key}) IS NULL, ({key}) {dir}, CASE WHEN ({key}) IS NULL THEN t.eff END ASC, {ties}"
            )
        };
        let by = match self.order.as_ref().unwrap_or(&Order::Key) {
            Order::Key => ties.clone(),
            Order::Created => format!("{plus}t.created {dir}, {ties}"),
            Order::Updated => format!("{plus}t.updated {dir}, {ties}"),
            Order::State => format!("t.rank {dir}, {ties}"),
            Order::Assignee => nullable("t.assignee"),
            // The ranking's order, (key, id); the unranked after, by key number.
            Order::Priority => format!(
                "t.rkey IS NULL, t.rkey {dir}, CASE WHEN t.rkey IS NULL THEN t.eff END ASC, \
                 t.id {dir}"
            ),
            Order::Field { name, numeric } => {
                // The value is looked up once per use: three uses, three bindings.
                for _ in 0..3 {
                    v.push(Value::from(name.clone()));
                }
                let value = "SELECT value FROM fields WHERE ticket = t.row AND name = ?";
                if *numeric {
                    nullable(
                        "SELECT CAST(value AS REAL) FROM fields WHERE ticket = t.row AND name = ?",
                    )
                } else {
                    nullable(value)
                }
            }
        };
        (by, v)
    }
}

/// Alternatives in SQL: `a OR b`, or a condition that is never true when there are none.
fn or(parts: &[&str]) -> String {
    if parts.is_empty() {
        "0".to_owned()
    } else {
        parts.join(" OR ")
    }
}

fn clamp(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Positions in the ranking (R25) of the rows a listing reads: the first few are counted one by
/// one in the ranking's index (a lookup of one ticket counts only up to it); past them, the
/// whole ranking is read once, in order, so that a long listing never counts again and again.
pub(super) struct Positions<'c> {
    conn: &'c Connection,
    counted: usize,
    all: Option<std::collections::HashMap<String, u64>>,
}

impl<'c> Positions<'c> {
    /// How many positions are counted one by one before the whole ranking is read.
    const COUNTED: usize = 8;

    pub(super) fn new(conn: &'c Connection) -> Self {
        Self {
            conn,
            counted: 0,
            all: None,
        }
    }

    /// The position of the ranked ticket `id` whose key is `rkey`.
    pub(super) fn of(&mut self, rkey: &str, id: &str) -> rusqlite::Result<u64> {
        if self.all.is_none() && self.counted < Self::COUNTED {
            self.counted += 1;
            // From the nearer end: at most half the ranking is counted.
            let total = super::index::ranked_count(self.conn)?;
            let half = total / 2;
            let before: i64 = self
                .conn
                .prepare_cached(
                    "SELECT count(*) FROM (SELECT 1 FROM tickets
                     WHERE rkey IS NOT NULL AND (rkey, id) < (?1, ?2) LIMIT ?3)",
                )?
                .query_row(rusqlite::params![rkey, id, half + 1], |r| r.get(0))?;
            if before <= half {
                return Ok(u64::try_from(before).unwrap_or(0) + 1);
            }
            let after: i64 = self
                .conn
                .prepare_cached(
                    "SELECT count(*) FROM tickets WHERE rkey IS NOT NULL AND (rkey, id) > (?1, ?2)",
                )?
                .query_row([rkey, id], |r| r.get(0))?;
            return Ok(u64::try_from(total - after).unwrap_or(0));
        }
        if self.all.is_none() {
            let mut st = self.conn.prepare_cached(
                "SELECT id FROM tickets WHERE rkey IS NOT NULL ORDER BY rkey, id",
            )?;
            let ids = st.query_map([], |r| r.get::<_, String>(0))?;
            let mut all = std::collections::HashMap::new();
            for (id, p) in ids.zip(1u64..) {
                all.insert(id?, p);
            }
            self.all = Some(all);
        }
        Ok(self
            .all
            .as_ref()
            .and_then(|a| a.get(id).copied())
            .unwrap_or(0))
    }

    /// Sets the position of a summary read from the index (none when it is not ranked).
    pub(super) fn fill(&mut self, s: &mut TicketSummary) -> rusqlite::Result<()> {
        s.priority = match &s.rank {
            Some(r) => Some(self.of(r.as_str(), s.id.as_str())?),
            None => None,
        };
        Ok(())
    }
}

/// The statement of [`Store::each_row`] and its values.
fn list_query(filter: &Filter, columns: &[String]) -> (String, Vec<Value>) {
    let (clause, mut values) = filter.clause();
    // The list's covering index is in the default order (created, then key): walked
    // backwards, it gives the rows in that order without sorting them.
    let covered = matches!(filter.order, Some(Order::Created));
    let (order, order_values) = filter.order(covered || filter.limit.is_some());
    // Each person under their one name (docs/format.md, "Names"), looked up once per person
    // listed rather than joined on every row (`NameMemo`).
    let mut q = String::from(
        "SELECT t.id, t.eff, t.title, t.state, t.created, t.reporter, t.reporter_shown, \
         t.assignee, t.assignee_shown, t.nwatchers, t.rkey, t.labels",
    );
    let mut column_values = Vec::new();
    for c in columns {
        q.push_str(", (SELECT value FROM fields WHERE ticket = t.row AND name = ?)");
        column_values.push(Value::from(c.clone()));
    }
    // The column subqueries come first in the statement, so their values do too.
    column_values.append(&mut values);
    let mut values = column_values;
    values.extend(order_values);
    let _ = write!(q, " FROM tickets t WHERE {clause} ORDER BY {order}");
    if let Some(n) = filter.limit {
        let _ = write!(q, " LIMIT {n}");
    }
    (q, values)
}

/// The one name (docs/format.md, "Names") of each person a listing shows, asked of the
/// index once per person: a listing of 10 000 tickets by a few people makes a few lookups
/// rather than two joined ones per row.
struct NameMemo<'c> {
    conn: &'c Connection,
    known: std::collections::HashMap<String, Option<String>>,
}

impl<'c> NameMemo<'c> {
    fn new(conn: &'c Connection) -> Self {
        Self {
            conn,
            known: std::collections::HashMap::new(),
        }
    }

    /// The name the branch gives `email`, if any.
    fn name(&mut self, email: Option<&str>) -> rusqlite::Result<Option<&str>> {
        let Some(email) = email else {
            return Ok(None);
        };
        if !self.known.contains_key(email) {
            let name = self
                .conn
                .prepare_cached("SELECT name FROM names WHERE email = ?1")?
                .query_row([email], |r| r.get(0))
                .optional()?;
            self.known.insert(email.to_owned(), name);
        }
        Ok(self.known[email].as_deref())
    }
}

/// Fills `row` from a row of [`Store::each_row`]'s query, reusing its strings; `false` for a
/// row no current version wrote.
fn fill_row(
    r: &rusqlite::Row<'_>,
    columns: usize,
    row: &mut ListRow,
    positions: &mut Positions<'_>,
    names: &mut NameMemo<'_>,
) -> rusqlite::Result<bool> {
    fn set(buf: &mut String, text: &str) {
        buf.clear();
        buf.push_str(text);
    }
    fn set_opt(buf: &mut Option<String>, text: Option<&str>) {
        match (buf.as_mut(), text) {
            (Some(b), Some(t)) => set(b, t),
            (_, t) => *buf = t.map(str::to_owned),
        }
    }
    let state = r.get_ref(3)?.as_str()?;
    let (Some(id), Some(state)) = (
        TicketId::parse(r.get_ref(0)?.as_str()?),
        // The stored names are the canonical ones: no allocation for the common case.
        State::ALL
            .into_iter()
            .find(|s| s.name() == state)
            .or_else(|| state.parse().ok()),
    ) else {
        return Ok(false);
    };
    let Some(created) = DateTime::from_timestamp(r.get(4)?, 0) else {
        return Ok(false);
    };
    let count = |i: usize| -> rusqlite::Result<u64> {
        Ok(r.get::<_, Option<i64>>(i)?
            .and_then(|n| u64::try_from(n).ok())
            .unwrap_or(0))
    };
    row.id = id;
    row.number = count(1)?;
    set(&mut row.title, r.get_ref(2)?.as_str()?);
    row.state = state;
    row.created = created;
    // The person's one name, else the name the ticket's events gave.
    let reporter = names.name(r.get_ref(5)?.as_str_or_null()?)?;
    set(
        &mut row.reporter,
        reporter.unwrap_or(r.get_ref(6)?.as_str()?),
    );
    let assignee = names.name(r.get_ref(7)?.as_str_or_null()?)?;
    set_opt(
        &mut row.assignee,
        assignee.or(r.get_ref(8)?.as_str_or_null()?),
    );
    row.watchers = usize::try_from(count(9)?).unwrap_or(0);
    row.priority = match r.get_ref(10)?.as_str_or_null()? {
        Some(rkey) => Some(positions.of(rkey, row.id.as_str())?),
        None => None,
    };
    set(
        &mut row.labels,
        r.get_ref(11)?.as_str_or_null()?.unwrap_or_default(),
    );
    row.columns.resize(columns, None);
    for (i, c) in row.columns.iter_mut().enumerate() {
        set_opt(c, r.get_ref(12 + i)?.as_str_or_null()?);
    }
    Ok(true)
}

fn collect(
    conn: &Connection,
    query: &str,
    values: &[Value],
) -> Result<Vec<TicketSummary>, StoreError> {
    let mut st = conn
        .prepare_cached(query)
        .map_err(sql("reading the index"))?;
    let rows = st
        .query_map(rusqlite::params_from_iter(values.iter()), summary_of)
        .map_err(sql("reading the index"))?;
    let mut out = Vec::new();
    for r in rows {
        out.extend(r.map_err(sql("reading the index"))?);
    }
    Ok(out)
}

impl Store {
    /// The tickets `filter` selects, in its order.
    pub fn find(&self, snap: &Snapshot, filter: &Filter) -> Result<Vec<TicketSummary>, StoreError> {
        // A failed read ends the iteration, and `each_found` returns its error.
        self.each_found(snap, filter, |tickets| {
            tickets.map_while(Result::ok).collect()
        })
    }

    /// Runs `f` on the tickets `filter` selects, in its order, each decoded as `f` takes it:
    /// a listing written as it is read never holds every summary at once. When the index
    /// cannot be read part way, the iterator gives one [`ReadFailed`] (so that a writer can
    /// stop rather than end its output as if it were whole) and this returns the error.
    pub fn each_found<T>(
        &self,
        snap: &Snapshot,
        filter: &Filter,
        f: impl FnOnce(&mut dyn Iterator<Item = Result<TicketSummary, ReadFailed>>) -> T,
    ) -> Result<T, StoreError> {
        self.each_found_with(snap, filter, true, f)
    }

    /// [`Store::each_found`]; the positions in the ranking are filled in only when
    /// `positions` (finding the ticket a key names does not need them).
    fn each_found_with<T>(
        &self,
        snap: &Snapshot,
        filter: &Filter,
        positions: bool,
        f: impl FnOnce(&mut dyn Iterator<Item = Result<TicketSummary, ReadFailed>>) -> T,
    ) -> Result<T, StoreError> {
        let wanted = positions;
        let (clause, mut values) = filter.clause();
        let (order, order_values) = filter.order(filter.limit.is_some());
        values.extend(order_values);
        let mut q =
            format!("SELECT t.summary, t.eff FROM tickets t WHERE {clause} ORDER BY {order}");
        if let Some(n) = filter.limit {
            let _ = write!(q, " LIMIT {n}");
        }
        let mut f = Some(f);
        self.at_tip(snap.tip, |conn| {
            let mut st = conn.prepare_cached(&q).map_err(sql("reading the index"))?;
            let mut rows = st
                .query_map(rusqlite::params_from_iter(values.iter()), summary_of)
                .map_err(sql("reading the index"))?;
            let mut failed = None;
            let mut positions = Positions::new(conn);
            let mut tickets = std::iter::from_fn(|| loop {
                if failed.is_some() {
                    return None;
                }
                let mut fill = |mut t: TicketSummary| {
                    if wanted {
                        positions.fill(&mut t)?;
                    }
                    Ok(t)
                };
                match rows.next()?.and_then(|t| t.map(&mut fill).transpose()) {
                    Ok(Some(t)) => return Some(Ok(t)),
                    Ok(None) => {}
                    Err(e) => {
                        failed = Some(e);
                        return Some(Err(ReadFailed));
                    }
                }
            });
            let f = f
                .take()
                .expect("the tip is checked before the rows are read, once");
            let out = f(&mut tickets);
            match failed {
                Some(e) => Err(sql("reading the index")(e)),
                None => Ok(out),
            }
        })
    }

    /// Runs `f` on the row of the list table of each ticket `filter` selects, in its order,
    /// with the values of the custom fields `columns`. The rows come from one index that holds
    /// every column the table shows (in the default order, newest first, it is walked without
    /// sorting): no summary is read or decoded, and one row's strings are reused for the next.
    pub fn each_row(
        &self,
        snap: &Snapshot,
        filter: &Filter,
        columns: &[String],
        mut f: impl FnMut(&ListRow),
    ) -> Result<(), StoreError> {
        let (q, values) = list_query(filter, columns);
        self.at_tip(snap.tip, |conn| {
            let mut st = conn.prepare_cached(&q).map_err(sql("reading the index"))?;
            let mut rows = st
                .query(rusqlite::params_from_iter(values.iter()))
                .map_err(sql("reading the index"))?;
            let mut row = ListRow::default();
            let mut positions = Positions::new(conn);
            let mut names = NameMemo::new(conn);
            while let Some(r) = rows.next().map_err(sql("reading the index"))? {
                let filled = fill_row(r, columns.len(), &mut row, &mut positions, &mut names)
                    .map_err(sql("reading the index"))?;
                if filled {
                    f(&row);
                }
            }
            Ok(())
        })
    }

    /// How many tickets `filter` selects (its order and limit aside).
    pub fn count(&self, snap: &Snapshot, filter: &Filter) -> Result<usize, StoreError> {
        let (clause, values) = filter.clause();
        let q = format!("SELECT count(*) FROM tickets t WHERE {clause}");
        self.at_tip(snap.tip, |conn| {
            conn.query_row(&q, rusqlite::params_from_iter(values.iter()), |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| usize::try_from(n).unwrap_or(0))
            .map_err(sql("reading the index"))
        })
    }

    /// Every ticket, by number then id.
    pub fn all_tickets(&self, snap: &Snapshot) -> Result<Vec<TicketSummary>, StoreError> {
        self.find(snap, &Filter::default())
    }

    /// The tickets whose `origin` event names ticket `id` of another tracker (R34, R35).
    pub fn by_origin(
        &self,
        snap: &Snapshot,
        id: &TicketId,
    ) -> Result<Vec<TicketSummary>, StoreError> {
        let filter = Filter {
            fields: vec![FieldIs {
                name: super::index::ORIGIN_FIELD.to_owned(),
                value: Some(id.to_string()),
                multi: false,
            }],
            ..Filter::default()
        };
        self.find(snap, &filter)
    }

    /// The tickets with this (effective) number, without their positions in the ranking
    /// (`priority` is `None`: see [`Store::position`]).
    pub fn by_number(&self, snap: &Snapshot, n: u64) -> Result<Vec<TicketSummary>, StoreError> {
        let filter = Filter {
            numbers: vec![vec![(n, n)]],
            ..Filter::default()
        };
        self.each_found_with(snap, &filter, false, |tickets| {
            tickets.map_while(Result::ok).collect()
        })
    }

    /// The tickets whose id starts with `prefix` (lowercase hex), without their positions in
    /// the ranking.
    pub fn by_id_prefix(
        &self,
        snap: &Snapshot,
        prefix: &str,
    ) -> Result<Vec<TicketSummary>, StoreError> {
        // A range on the id, so that the UNIQUE index answers it.
        let low = prefix.to_owned();
        let high = format!("{prefix}\u{7f}");
        self.at_tip(snap.tip, |conn| {
            collect(
                conn,
                "SELECT t.summary, t.eff FROM tickets t
                 WHERE t.folded = 1 AND t.id >= ?1 AND t.id < ?2 ORDER BY t.id",
                &[Value::from(low.clone()), Value::from(high.clone())],
            )
        })
    }

    /// The tickets with these ids (those on the branch that fold), by number then id.
    pub fn by_ids(
        &self,
        snap: &Snapshot,
        ids: &[TicketId],
    ) -> Result<Vec<TicketSummary>, StoreError> {
        let mut out = Vec::new();
        self.at_tip(snap.tip, |conn| {
            out.clear();
            for chunk in ids.chunks(500) {
                let q = format!(
                    "SELECT t.summary, t.eff FROM tickets t WHERE t.folded = 1 AND t.id IN ({})
                     ORDER BY t.eff, t.id",
                    vec!["?"; chunk.len()].join(", ")
                );
                let values: Vec<Value> = chunk
                    .iter()
                    .map(|i| Value::from(i.as_str().to_owned()))
                    .collect();
                out.extend(collect(conn, &q, &values)?);
            }
            Ok(())
        })?;
        out.sort_by(|a, b| (a.number, &a.id).cmp(&(b.number, &b.id)));
        Ok(out)
    }

    /// The dependencies of each of `ids` (what they depend on), or with `reverse` the tickets
    /// that depend on each of them (what they block), from the index: only the links of these
    /// tickets are read.
    pub fn links(
        &self,
        snap: &Snapshot,
        ids: &[TicketId],
        reverse: bool,
    ) -> Result<std::collections::BTreeMap<TicketId, Vec<TicketId>>, StoreError> {
        let mut out = std::collections::BTreeMap::new();
        self.at_tip(snap.tip, |conn| {
            out.clear();
            for chunk in ids.chunks(500) {
                let marks = vec!["?"; chunk.len()].join(", ");
                let q = if reverse {
                    format!(
                        "SELECT l.target, t.id FROM links l JOIN tickets t ON t.row = l.ticket
                         WHERE t.folded = 1 AND l.target IN ({marks}) ORDER BY t.id"
                    )
                } else {
                    format!(
                        "SELECT t.id, l.target FROM links l JOIN tickets t ON t.row = l.ticket
                         WHERE t.folded = 1 AND t.id IN ({marks}) ORDER BY l.target"
                    )
                };
                let values: Vec<Value> = chunk
                    .iter()
                    .map(|i| Value::from(i.as_str().to_owned()))
                    .collect();
                let mut st = conn.prepare_cached(&q).map_err(sql("reading the index"))?;
                let rows = st
                    .query_map(rusqlite::params_from_iter(values.iter()), |r| {
                        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                    })
                    .map_err(sql("reading the index"))?;
                for r in rows {
                    let (a, b) = r.map_err(sql("reading the index"))?;
                    if let (Some(a), Some(b)) = (TicketId::parse(&a), TicketId::parse(&b)) {
                        out.entry(a).or_insert_with(Vec::new).push(b);
                    }
                }
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// The tickets on a dependency cycle, each cycle's (its strongly connected component's)
    /// tickets sorted by id; only the cycles through one of `ids` when given.
    pub fn cycles(
        &self,
        snap: &Snapshot,
        ids: Option<&[TicketId]>,
    ) -> Result<Vec<Vec<TicketId>>, StoreError> {
        self.at_tip(snap.tip, |conn| {
            let mut q = String::from("SELECT component, id FROM cycles");
            let mut values: Vec<Value> = Vec::new();
            if let Some(ids) = ids {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                let _ = write!(
                    q,
                    " WHERE component IN (SELECT component FROM cycles WHERE id IN ({}))",
                    vec!["?"; ids.len()].join(", ")
                );
                values.extend(ids.iter().map(|i| Value::from(i.as_str().to_owned())));
            }
            q.push_str(" ORDER BY component, id");
            let mut st = conn.prepare(&q).map_err(sql("reading the index"))?;
            let rows = st
                .query_map(rusqlite::params_from_iter(values.iter()), |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                })
                .map_err(sql("reading the index"))?;
            let mut out: Vec<Vec<TicketId>> = Vec::new();
            let mut last = None;
            for r in rows {
                let (c, id) = r.map_err(sql("reading the index"))?;
                let Some(id) = TicketId::parse(&id) else {
                    continue;
                };
                if last != Some(c) {
                    out.push(Vec::new());
                    last = Some(c);
                }
                if let Some(group) = out.last_mut() {
                    group.push(id);
                }
            }
            Ok(out)
        })
    }

    /// The highest (effective) number on the branch; 0 when there is none.
    pub fn max_number(&self, snap: &Snapshot) -> Result<u64, StoreError> {
        self.at_tip(snap.tip, |conn| {
            conn.query_row("SELECT max(eff) FROM tickets", [], |r| {
                r.get::<_, Option<i64>>(0)
            })
            .map(|n| n.and_then(|n| u64::try_from(n).ok()).unwrap_or(0))
            .map_err(sql("reading the index"))
        })
    }

    /// The person with this email as the branch knows them: with their one name
    /// (`docs/format.md`, "Names"), when the branch names them.
    pub fn known_person(&self, snap: &Snapshot, email: &str) -> Result<Option<Person>, StoreError> {
        let names = self.names(snap, [email])?;
        Ok(names.get(email).map(|name| Person {
            name: name.to_owned(),
            email: email.to_owned(),
        }))
    }

    /// The one name (`docs/format.md`, "Names") of each of `emails` the branch names.
    pub fn names<'e>(
        &self,
        snap: &Snapshot,
        emails: impl IntoIterator<Item = &'e str>,
    ) -> Result<Names, StoreError> {
        let emails: std::collections::BTreeSet<String> =
            emails.into_iter().map(str::to_ascii_lowercase).collect();
        self.at_tip(snap.tip, |conn| {
            let mut st = conn
                .prepare_cached("SELECT name FROM names WHERE email = ?1")
                .map_err(sql("reading the index"))?;
            let mut names = Names::default();
            for e in &emails {
                let name: Option<String> = st
                    .query_row([e], |r| r.get(0))
                    .optional()
                    .map_err(sql("reading the index"))?;
                if let Some(n) = name {
                    names.insert(e, n);
                }
            }
            Ok(names)
        })
    }

    /// The one name of everyone the branch names (one row per person).
    pub fn all_names(&self, snap: &Snapshot) -> Result<Names, StoreError> {
        self.at_tip(snap.tip, |conn| {
            let mut st = conn
                .prepare_cached("SELECT email, name FROM names")
                .map_err(sql("reading the index"))?;
            let rows = st
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
                .map_err(sql("reading the index"))?;
            let mut names = Names::default();
            for r in rows {
                let (e, n) = r.map_err(sql("reading the index"))?;
                names.insert(&e, n);
            }
            Ok(names)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SQLite's plan for the list statement of `filter`, one line per step.
    fn plan(filter: &Filter) -> String {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(super::super::index::DDL).unwrap();
        let (q, values) = list_query(filter, &[]);
        let mut st = conn.prepare(&format!("EXPLAIN QUERY PLAN {q}")).unwrap();
        let rows = st
            .query_map(rusqlite::params_from_iter(values.iter()), |r| {
                r.get::<_, String>(3)
            })
            .unwrap();
        rows.map(Result::unwrap).collect::<Vec<_>>().join("\n")
    }

    /// The everyday listings read only what they need: the default one (newest first) walks
    /// the covering index without sorting, and a key is found through the index on keys
    /// (`show TRK-5001` doubled in time when that index went missing).
    #[test]
    fn everyday_listings_use_their_indexes() {
        let default = Filter {
            order: Some(Order::Created),
            descending: true,
            ..Filter::default()
        };
        let p = plan(&default);
        assert!(p.contains("COVERING INDEX tickets_list"), "{p}");
        assert!(!p.contains("TEMP B-TREE"), "{p}");

        let key = Filter {
            numbers: vec![vec![(5001, 5001)]],
            ..Filter::default()
        };
        let p = plan(&key);
        assert!(p.contains("SEARCH t USING INDEX tickets_eff"), "{p}");

        let by_key_limited = Filter {
            order: Some(Order::Key),
            limit: Some(50),
            ..Filter::default()
        };
        let p = plan(&by_key_limited);
        assert!(!p.contains("TEMP B-TREE"), "{p}");
    }
}
