//! The local query index under `.git/tracker/` (R5, R29): a SQLite database, disposable,
//! never committed.
//!
//! It holds, for the tip it was last brought to, every ticket directory's tree id with the
//! ticket's list fields (its rank key among them, in a partial index that holds the ranking),
//! its watchers, custom fields, raise requests, the events that name people (and the one
//! name each person is shown under, `docs/format.md`, "Names"), words (an FTS5 table: title,
//! description, solution and comments, accents folded), and the problems of its files; every
//! shard's tree id; the configuration and the settlement of shared numbers. Commands read only
//! the rows a query needs.
//!
//! Bringing it to another tip compares the two along the layout: a shard whose tree id did
//! not change is skipped, and in a changed shard only the ticket directories whose tree id
//! changed are read again (tree ids are content hashes). After one command that is one shard
//! and one ticket, whatever the size of the tracker. A missing, corrupt or older database is
//! rebuilt from the branch (with a progress report on a terminal); deleting it changes
//! nothing but speed.
//!
//! Concurrency: the database is in WAL mode, so readers never wait for a writer; updates run
//! in `BEGIN IMMEDIATE` transactions (one at a time, others wait up to [`BUSY_TIMEOUT`]), and
//! each one starts from whatever tip the database holds, so concurrent processes can bring it
//! to different tips in any order and every reader checks, in the same transaction as its
//! query, that the rows are those of the tip it asked for. The log is not copied back when a
//! process closes the database, but by the write that brings it past `LOG_LIMIT`, which
//! also empties it (see `Index::settle_log`).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Duration;

use git2::{ObjectType, Oid, Repository};
use rusqlite::config::DbConfig;
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::numbers::Settlement;
use super::tree::read_dir;
use super::{diag, layout, read_bounded, read_ticket_tree, Diagnostic, Store, StoreError, Tip};
use crate::model::config::CONFIG_PATH;
use crate::model::limits::MAX_CONFIG_BYTES;
use crate::model::{Person, Ticket, TicketId, TicketSummary, TrackerConfig};

/// The database's file name under `.git/tracker/`.
pub(super) const FILE: &str = "index.sqlite";

/// Raised whenever what is stored, or the rules that decide what a file holds, change
/// (6: SQLite; 7: indexes in listing order; 8: the list table's columns, in one covering index;
/// 9: fingerprints; 10: one name per person; 11: rank keys, urgent flags and raise requests;
/// 12: an event's `commit`, which the parsed events kept by `events.rs` lacked; 13: dependencies,
/// the tickets on a dependency cycle, labels; 14: the count of ranked tickets; 15: origins;
/// 16, 17: the list table's index in the default order, newest first, and one on the key).
pub(super) const SCHEMA: i64 = 17;

/// The name under which a ticket's fingerprint is kept in the `fields` table (`@` cannot start
/// a custom field's name).
pub(crate) const FINGERPRINT_FIELD: &str = "@fingerprint";

/// The name under which the id of the ticket a ticket came from (its `origin` event, R34,
/// R35) is kept in the `fields` table: what finds the copy a transfer already made.
pub(crate) const ORIGIN_FIELD: &str = "@origin";

/// The index files of earlier versions, deleted when the index is opened.
const LEGACY: [&str; 2] = ["index-v1.json", "index-v2.bin"];

/// How long an update waits for another process's update to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// [`BUSY_TIMEOUT`], or in debug builds `GIT_TRACKER_INDEX_BUSY_MS` milliseconds (tests).
fn busy_timeout() -> Duration {
    crate::pause::debug_override("GIT_TRACKER_INDEX_BUSY_MS")
        .map_or(BUSY_TIMEOUT, Duration::from_millis)
}

/// Each ticket's texts (title, description, solution, comments) are rows of the `words`
/// table numbered `ticket row << TEXT_BITS | k`: a phrase never spans two texts, and a
/// ticket's rows are one rowid range.
pub(super) const TEXT_BITS: u32 = 12;

/// Reading this many tickets or more is done on several threads.
const PARALLEL_FROM: usize = 256;

pub(super) const DDL: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta (key, value) VALUES ('ranked', '0');
CREATE TABLE shards (name TEXT PRIMARY KEY, tree TEXT NOT NULL, problems TEXT NOT NULL);
CREATE TABLE tickets (
    row INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    shard TEXT NOT NULL,
    tree TEXT NOT NULL,
    problems TEXT NOT NULL,
    nproblems INTEGER NOT NULL,
    folded INTEGER NOT NULL,
    number INTEGER,
    eff INTEGER,
    title TEXT,
    state TEXT,
    rank INTEGER,
    finished INTEGER,
    reporter TEXT,
    assignee TEXT,
    created INTEGER,
    updated INTEGER,
    updater TEXT,
    contested INTEGER,
    rkey TEXT,
    urgent INTEGER,
    raises INTEGER,
    reporter_shown TEXT,
    assignee_shown TEXT,
    nwatchers INTEGER,
    labels TEXT,
    summary BLOB
);
CREATE INDEX tickets_shard ON tickets(shard);
CREATE INDEX tickets_list ON tickets(created, eff, id, folded, state, title, reporter_shown,
    assignee_shown, nwatchers, rkey, reporter, assignee, labels);
CREATE INDEX tickets_eff ON tickets(eff, id);
CREATE INDEX tickets_rank ON tickets(rkey, id) WHERE rkey IS NOT NULL;
CREATE INDEX tickets_raises ON tickets(raises) WHERE raises > 0;
CREATE INDEX tickets_number ON tickets(number);
CREATE INDEX tickets_updated ON tickets(updated, eff, id);
CREATE INDEX tickets_reporter ON tickets(reporter);
CREATE INDEX tickets_assignee ON tickets(assignee);
CREATE INDEX tickets_problems ON tickets(nproblems) WHERE nproblems > 0;
CREATE INDEX tickets_contested ON tickets(contested) WHERE contested > 0;
CREATE TABLE watchers (ticket INTEGER NOT NULL, email TEXT NOT NULL);
CREATE INDEX watchers_ticket ON watchers(ticket);
CREATE INDEX watchers_email ON watchers(email);
CREATE TABLE fields (ticket INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX fields_ticket ON fields(ticket);
CREATE INDEX fields_name ON fields(name, value);
CREATE TABLE people (ticket INTEGER NOT NULL, email TEXT NOT NULL, authored INTEGER NOT NULL,
    at INTEGER NOT NULL, event TEXT NOT NULL, name TEXT NOT NULL);
CREATE INDEX people_ticket ON people(ticket);
CREATE INDEX people_naming ON people(email, authored, at, event);
CREATE TABLE names (email TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE raises (ticket INTEGER NOT NULL, id TEXT NOT NULL, pending INTEGER NOT NULL);
CREATE INDEX raises_ticket ON raises(ticket);
CREATE INDEX raises_id ON raises(id);
CREATE VIRTUAL TABLE words USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE links (ticket INTEGER NOT NULL, target TEXT NOT NULL);
CREATE INDEX links_ticket ON links(ticket);
CREATE INDEX links_target ON links(target);
CREATE TABLE cycles (id TEXT PRIMARY KEY, component INTEGER NOT NULL);
CREATE TABLE labels (ticket INTEGER NOT NULL, label TEXT NOT NULL);
CREATE INDEX labels_ticket ON labels(ticket);
CREATE INDEX labels_label ON labels(label);
";

fn sql(what: &'static str) -> impl FnOnce(rusqlite::Error) -> StoreError {
    move |source| StoreError::Index { what, source }
}

/// The (lower-cased) emails whose one name an update must settle again.
type Renamed = std::collections::BTreeSet<String>;

/// Ticket directories a commit wrote, by shard.
pub(super) type Touched = BTreeMap<String, std::collections::BTreeSet<TicketId>>;

/// The open database.
pub(super) struct Index {
    conn: Connection,
}

impl Index {
    /// Opens (creating or recreating as needed) the database in `dir`.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.display().to_string(),
            source,
        })?;
        // The caches of earlier versions (a JSON file, then a binary one) are never read again.
        for legacy in LEGACY {
            let _ = std::fs::remove_file(dir.join(legacy));
        }
        let path = dir.join(FILE);
        let deadline = std::time::Instant::now() + busy_timeout();
        loop {
            match Self::try_open(&path) {
                Ok(i) => return Ok(i),
                // Another process holds the database (SQLite does not always wait for its
                // busy handler while a connection starts): wait for it, as for any lock. The
                // files are never deleted then: those who have them open would go on with a
                // file no one else reads, and those opening them meanwhile would pair a new
                // file with the old log, which SQLite reports as a malformed database.
                Err(e) if e.is_busy() => {
                    if std::time::Instant::now() >= deadline {
                        return Err(e);
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(_) => {
                    // Corrupt, foreign or from another version: it is only a cache.
                    for suffix in ["", "-wal", "-shm"] {
                        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                    }
                    return Self::try_open(&path);
                }
            }
        }
    }

    fn try_open(path: &Path) -> Result<Self, StoreError> {
        let conn = Connection::open(path).map_err(sql("opening the index"))?;
        conn.busy_timeout(busy_timeout())
            .map_err(sql("opening the index"))?;
        // Asked first: changing the journal mode takes a lock that an index in use may not
        // give at once, and it is WAL but for a new file.
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .map_err(sql("opening the index"))?;
        if !mode.eq_ignore_ascii_case("wal") {
            conn.pragma_update(None, "journal_mode", "WAL")
                .map_err(sql("opening the index"))?;
        }
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sql("opening the index"))?;
        // The write-ahead log and its shared-memory index stay between processes, emptied by
        // the checkpoint of the last connection to close: creating two files per command costs
        // more than all of its SQL on a file system slow to allocate inodes (docs/performance.md).
        let mut persist = 1;
        conn.file_control(
            Some(rusqlite::MAIN_DB),
            rusqlite::FileControl::PersistWal(&mut persist),
        )
        .map_err(sql("opening the index"))?;
        conn.pragma_update(None, "journal_size_limit", 0)
            .map_err(sql("opening the index"))?;
        // Pages are read through a memory map rather than copied into the page cache one
        // `pread` at a time: a list of 6 000 tickets read 400 pages, each a system call and a
        // page of fresh memory (docs/performance.md, "Process start and memory"). SQLite maps at
        // most the first MMAP_SIZE bytes of the file and reads the rest as before: mapped pages
        // count in a command's resident memory, and the index of 100 000 tickets is 200 MB.
        conn.pragma_update(None, "mmap_size", MMAP_SIZE)
            .map_err(sql("opening the index"))?;
        // The log is not copied back when a process closes the database (two `fsync` calls,
        // and one more for the log's header when the next write starts it again): the write
        // that brings it past its limit does it (`Index::settle_log`).
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .map_err(sql("opening the index"))?;
        let version = |c: &Connection| -> Result<i64, StoreError> {
            c.pragma_query_value(None, "user_version", |r| r.get(0))
                .map_err(sql("reading the index"))
        };
        if version(&conn)? != SCHEMA {
            // Under the write lock, and asking again: two processes opening a new file create
            // its tables once. Readers of a current index never take it.
            let tx = rusqlite::Transaction::new_unchecked(&conn, TransactionBehavior::Immediate)
                .map_err(sql("opening the index"))?;
            if version(&tx)? != SCHEMA {
                let tables: i64 = tx
                    .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                    .map_err(sql("reading the index"))?;
                if tables > 0 {
                    return Err(StoreError::Index {
                        what: "opening the index (another version)",
                        source: rusqlite::Error::InvalidQuery,
                    });
                }
                tx.execute_batch(DDL).map_err(sql("creating the index"))?;
                tx.pragma_update(None, "user_version", SCHEMA)
                    .map_err(sql("creating the index"))?;
            }
            tx.commit().map_err(sql("opening the index"))?;
        }
        // A quick sanity check: a truncated or damaged file fails here.
        conn.query_row("SELECT count(*) FROM meta", [], |r| r.get::<_, i64>(0))
            .map_err(sql("reading the index"))?;
        Ok(Self { conn })
    }

    /// The connection.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// After a write transaction: a log past its limit is copied back into the database and
    /// emptied. Each process opening the database reads the whole log (SQLite rebuilds the
    /// log's index in shared memory when no other process has it open, and that forgets what
    /// was copied back), so the log is kept short, and emptied rather than only copied back.
    /// When another process reads or writes, this one does not wait: a later write empties it.
    fn settle_log(&self, dir: &Path) {
        let limit =
            crate::pause::debug_override("GIT_TRACKER_INDEX_LOG_LIMIT").unwrap_or(LOG_LIMIT);
        let long =
            std::fs::metadata(dir.join(format!("{FILE}-wal"))).is_ok_and(|m| m.len() > limit);
        if long {
            let _ = self.conn.busy_timeout(Duration::ZERO);
            let _ = self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
            let _ = self.conn.busy_timeout(busy_timeout());
        }
    }
}

/// How much of the index file SQLite reads through a memory map (bytes).
const MMAP_SIZE: i64 = 64 << 20;

/// The write-ahead log's length (bytes) past which a write copies it back and empties it:
/// about 64 pages, the pages of three to six ticket writes.
const LOG_LIMIT: u64 = 256 * 1024;

fn meta(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()
        .map_err(sql("reading the index"))
}

fn set_meta(conn: &Connection, key: &str, value: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )
    .map(drop)
    .map_err(sql("writing the index"))
}

/// Keeps `meta.ranked`, the number of rows with a rank key (tickets in progress and ranked),
/// in step with the rows: a position can then be counted from the nearer end of the ranking.
fn add_ranked(conn: &Connection, delta: i64) -> Result<(), StoreError> {
    conn.prepare_cached(
        "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + ?1 AS TEXT) WHERE key = 'ranked'",
    )
    .and_then(|mut st| st.execute([delta]))
    .map(drop)
    .map_err(sql("writing the index"))
}

/// How many tickets are ranked, from `meta.ranked` (counted when it is missing).
pub(super) fn ranked_count(conn: &Connection) -> rusqlite::Result<i64> {
    let kept: Option<String> = conn
        .prepare_cached("SELECT value FROM meta WHERE key = 'ranked'")?
        .query_row([], |r| r.get(0))
        .optional()?;
    match kept.and_then(|v| v.parse().ok()) {
        Some(n) => Ok(n),
        None => conn.query_row(
            "SELECT count(*) FROM tickets WHERE rkey IS NOT NULL",
            [],
            |r| r.get(0),
        ),
    }
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// What a snapshot needs besides the rows: read in the same transaction as the tip check.
pub(super) struct Head {
    pub config: TrackerConfig,
    pub diagnostics: Vec<Diagnostic>,
}

/// One ticket directory read for the index.
struct Read {
    id: TicketId,
    shard: String,
    tree: Oid,
    ticket: Option<Ticket>,
    problems: Vec<Diagnostic>,
}

impl Store {
    /// The index, opened on first use.
    fn index(&self) -> Result<std::cell::RefMut<'_, Index>, StoreError> {
        {
            let mut slot = self.index.borrow_mut();
            if slot.is_none() {
                *slot = Some(Index::open(&self.state_dir)?);
            }
        }
        Ok(std::cell::RefMut::map(self.index.borrow_mut(), |s| {
            s.as_mut().expect("the index was opened just above")
        }))
    }

    /// Closes the local index and deletes its files: the next command builds it again from the
    /// branch (what deleting `.git/tracker/index.sqlite*` does between two commands).
    pub fn forget_index(&self) -> Result<(), StoreError> {
        *self.index.borrow_mut() = None;
        for suffix in ["", "-wal", "-shm"] {
            let path = self.state_dir.join(format!("{FILE}{suffix}"));
            match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(StoreError::Io {
                        path: path.display().to_string(),
                        source: e,
                    })
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Runs `f` on the index's rows for `tip`, in one read transaction that checks the rows
    /// are those of `tip`, bringing the index there first when they are not.
    pub(super) fn at_tip<T>(
        &self,
        tip: Tip,
        mut f: impl FnMut(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let want = tip.to_string();
        for _ in 0..8 {
            {
                let index = self.index()?;
                let tx = index
                    .conn()
                    .unchecked_transaction()
                    .map_err(sql("reading the index"))?;
                if meta(&tx, "tip")?.as_deref() == Some(want.as_str()) {
                    let out = f(&tx)?;
                    tx.commit().map_err(sql("reading the index"))?;
                    return Ok(out);
                }
            }
            self.bring_to(tip)?;
        }
        Err(StoreError::Index {
            what: "reading the index (other processes kept moving it)",
            source: rusqlite::Error::InvalidQuery,
        })
    }

    /// The configuration and every problem the index holds for `tip`.
    pub(super) fn head(&self, tip: Tip) -> Result<Head, StoreError> {
        self.at_tip(tip, |conn| {
            let config: TrackerConfig = meta(conn, "config")?
                .and_then(|c| serde_json::from_str(&c).ok())
                .unwrap_or_default();
            let mut diagnostics: Vec<Diagnostic> = meta(conn, "problems")?
                .and_then(|c| serde_json::from_str(&c).ok())
                .unwrap_or_default();
            let mut more = |q: &str| -> Result<(), StoreError> {
                let mut st = conn.prepare_cached(q).map_err(sql("reading the index"))?;
                let rows = st
                    .query_map([], |r| r.get::<_, String>(0))
                    .map_err(sql("reading the index"))?;
                for r in rows {
                    let text = r.map_err(sql("reading the index"))?;
                    let list: Vec<Diagnostic> = serde_json::from_str(&text).unwrap_or_default();
                    diagnostics.extend(list);
                }
                Ok(())
            };
            more("SELECT problems FROM shards WHERE problems != '[]' ORDER BY name")?;
            more("SELECT problems FROM tickets WHERE nproblems > 0 ORDER BY shard, id")?;
            Ok(Head {
                config,
                diagnostics,
            })
        })
    }

    /// Brings the index to `tip`, from whatever tip it holds (one `BEGIN IMMEDIATE`
    /// transaction: concurrent updates run one after the other).
    fn bring_to(&self, tip: Tip) -> Result<(), StoreError> {
        let index = self.index()?;
        let conn = index.conn();
        // IMMEDIATE: the write lock is taken now, so the tip read below stays true.
        let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)
            .map_err(sql("updating the index"))?;
        if meta(&tx, "tip")?.as_deref() == Some(tip.to_string().as_str()) {
            return tx.commit().map_err(sql("updating the index"));
        }
        self.update(&tx, tip, None)?;
        set_meta(&tx, "tip", &tip.to_string())?;
        tx.commit().map_err(sql("updating the index"))?;
        index.settle_log(&self.state_dir);
        Ok(())
    }

    /// Brings the index from `old` to `new` after this process committed `new` on top of
    /// `old`, touching only `touched` (the ticket directories the commit wrote): the command
    /// that wrote leaves the index at its tip, so the next command reads it as it is. Does
    /// nothing when the index is not open in this process or is not at `old` (the next reader
    /// brings it, from wherever it is). Failures are left to that reader too: the commit is
    /// made.
    pub(super) fn advance_index(&self, old: Tip, new: Tip, touched: &Touched) {
        if self.index.borrow().is_none() {
            return;
        }
        let _ = (|| -> Result<(), StoreError> {
            let index = self.index()?;
            let conn = index.conn();
            let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)
                .map_err(sql("updating the index"))?;
            if meta(&tx, "tip")?.as_deref() != Some(old.to_string().as_str()) {
                return Ok(());
            }
            self.update(&tx, new, Some(touched))?;
            set_meta(&tx, "tip", &new.to_string())?;
            crate::pause::point("index-before-commit");
            tx.commit().map_err(sql("updating the index"))?;
            crate::pause::point("index-committed");
            index.settle_log(&self.state_dir);
            Ok(())
        })();
    }

    /// [`Store::update`] for a commit that wrote only the ticket directories `only` (the root,
    /// the configuration and every other shard and ticket are as they were).
    fn update_touched(
        &self,
        conn: &Connection,
        tip: Tip,
        only: &Touched,
    ) -> Result<(), StoreError> {
        let root = self.root_tree(tip)?;
        let tickets = super::tree::lookup(&self.repo, root, layout::TICKETS_DIR)
            .filter(|e| e.kind == Some(ObjectType::Tree));
        let mut numbers = Vec::new();
        let mut renamed = Renamed::new();
        for (shard, ids) in only {
            let spath = format!("{}/{shard}", layout::TICKETS_DIR);
            let shard_tree = tickets
                .as_ref()
                .and_then(|t| super::tree::lookup(&self.repo, t.oid, shard))
                .filter(|e| e.kind == Some(ObjectType::Tree));
            let Some(shard_tree) = shard_tree else {
                self.drop_shard(conn, shard, &mut renamed)?;
                continue;
            };
            let dir = read_dir(&self.repo, shard_tree.oid, &spath)?;
            let mut shard_problems = Vec::new();
            Self::unusable(&dir, &spath, &mut shard_problems);
            let mut to_read = Vec::new();
            let mut present = std::collections::HashSet::new();
            for t in &dir.entries {
                let id = TicketId::parse(&t.name).filter(|id| layout::shard(id) == shard);
                let (Some(id), Some(ObjectType::Tree)) = (id, t.kind) else {
                    shard_problems.push(diag(
                        &format!("{spath}/{}", t.name),
                        "not a ticket directory",
                    ));
                    continue;
                };
                if ids.contains(&id) {
                    present.insert(id.clone());
                    to_read.push((shard.clone(), id, t.oid));
                }
            }
            for gone in ids.iter().filter(|id| !present.contains(*id)) {
                self.drop_ticket(conn, gone.as_str(), &mut renamed)?;
            }
            for read in self.read_tickets(to_read)? {
                self.put_ticket(conn, &read, &mut renamed)?;
                numbers.extend(read.ticket.as_ref().map(|t| t.number));
            }
            conn.execute(
                "INSERT INTO shards (name, tree, problems) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO UPDATE SET tree = excluded.tree, problems = excluded.problems",
                params![shard, shard_tree.oid.to_string(), json(&shard_problems)],
            )
            .map_err(sql("writing the index"))?;
        }
        settle_names(conn, &renamed)?;
        self.apply_settlement(conn, tip, Some(&numbers))
    }

    /// The update itself: the root, then every shard whose tree changed, then the tickets in
    /// them whose tree changed, then the settlement of shared numbers.
    fn update(
        &self,
        conn: &Connection,
        tip: Tip,
        only: Option<&Touched>,
    ) -> Result<(), StoreError> {
        self.links_changed.set(false);
        if let Some(only) = only {
            self.update_touched(conn, tip, only)?;
            return self.find_cycles(conn);
        }
        let root = read_dir(&self.repo, self.root_tree(tip)?, "the root")?;
        let mut renamed = Renamed::new();
        let mut problems = Vec::new();
        Self::unusable(&root, "", &mut problems);
        let mut config = None;
        let mut tickets_tree = None;
        for entry in &root.entries {
            match (entry.name.as_str(), entry.kind) {
                (CONFIG_PATH, Some(ObjectType::Blob)) => {
                    match read_bounded(&self.repo, entry.oid, MAX_CONFIG_BYTES, || {
                        CONFIG_PATH.to_owned()
                    })? {
                        Err(too_large) => problems.push(too_large),
                        Ok(blob) => match TrackerConfig::from_toml(blob.content()) {
                            Ok(c) => config = Some(c),
                            Err(e) => problems.push(diag(CONFIG_PATH, e)),
                        },
                    }
                }
                (layout::TICKETS_DIR, Some(ObjectType::Tree)) => tickets_tree = Some(entry.oid),
                // Read by the commands that need a person's files (store::people).
                (layout::PEOPLE_DIR, Some(ObjectType::Tree)) => {}
                (name, _) => problems.push(diag(name, "unexpected file on the tracker branch")),
            }
        }
        let config = config.unwrap_or_else(|| {
            if !problems.iter().any(|d| d.path == CONFIG_PATH) {
                problems.push(diag(
                    CONFIG_PATH,
                    "missing; using the default configuration",
                ));
            }
            TrackerConfig::default()
        });

        // Shards.
        let mut known: BTreeMap<String, String> = BTreeMap::new();
        {
            let mut st = conn
                .prepare_cached("SELECT name, tree FROM shards")
                .map_err(sql("reading the index"))?;
            let rows = st
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
                .map_err(sql("reading the index"))?;
            for r in rows {
                let (n, t) = r.map_err(sql("reading the index"))?;
                known.insert(n, t);
            }
        }
        let mut present: BTreeMap<String, Oid> = BTreeMap::new();
        if let Some(oid) = tickets_tree {
            let tree = read_dir(&self.repo, oid, layout::TICKETS_DIR)?;
            Self::unusable(&tree, layout::TICKETS_DIR, &mut problems);
            for shard in tree.entries {
                let spath = format!("{}/{}", layout::TICKETS_DIR, shard.name);
                if shard.kind != Some(ObjectType::Tree) || !layout::is_shard(&shard.name) {
                    problems.push(diag(&spath, "unexpected file on the tracker branch"));
                    continue;
                }
                present.insert(shard.name, shard.oid);
            }
        }
        for gone in known.keys().filter(|k| !present.contains_key(*k)) {
            self.drop_shard(conn, gone, &mut renamed)?;
        }
        let mut to_read: Vec<(String, TicketId, Oid)> = Vec::new();
        for (name, oid) in &present {
            if known.get(name).map(String::as_str) == Some(oid.to_string().as_str()) {
                continue;
            }
            let spath = format!("{}/{name}", layout::TICKETS_DIR);
            let dir = read_dir(&self.repo, *oid, &spath)?;
            let mut shard_problems = Vec::new();
            Self::unusable(&dir, &spath, &mut shard_problems);
            let mut stored: HashMap<String, String> = HashMap::new();
            {
                let mut st = conn
                    .prepare_cached("SELECT id, tree FROM tickets WHERE shard = ?1")
                    .map_err(sql("reading the index"))?;
                let rows = st
                    .query_map([name], |r| {
                        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                    })
                    .map_err(sql("reading the index"))?;
                for r in rows {
                    let (i, t) = r.map_err(sql("reading the index"))?;
                    stored.insert(i, t);
                }
            }
            let mut seen = std::collections::HashSet::new();
            for t in dir.entries {
                let id = TicketId::parse(&t.name).filter(|id| layout::shard(id) == name);
                let (Some(id), Some(ObjectType::Tree)) = (id, t.kind) else {
                    shard_problems.push(diag(
                        &format!("{spath}/{}", t.name),
                        "not a ticket directory",
                    ));
                    continue;
                };
                seen.insert(id.to_string());
                if stored.get(id.as_str()).map(String::as_str) != Some(t.oid.to_string().as_str()) {
                    to_read.push((name.clone(), id, t.oid));
                }
            }
            for gone in stored.keys().filter(|k| !seen.contains(*k)) {
                self.drop_ticket(conn, gone, &mut renamed)?;
            }
            conn.execute(
                "INSERT INTO shards (name, tree, problems) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO UPDATE SET tree = excluded.tree, problems = excluded.problems",
                params![name, oid.to_string(), json(&shard_problems)],
            )
            .map_err(sql("writing the index"))?;
        }
        // In chunks: a first build never holds more than a chunk of whole tickets in memory.
        let total = to_read.len();
        let first_build = known.is_empty();
        let mut numbers = Vec::new();
        let mut done = 0;
        let mut rest = to_read.into_iter().peekable();
        while rest.peek().is_some() {
            let chunk: Vec<_> = rest.by_ref().take(4 * PARALLEL_FROM).collect();
            for read in self.read_tickets(chunk)? {
                self.put_ticket(conn, &read, &mut renamed)?;
                numbers.extend(read.ticket.as_ref().map(|t| t.number));
                done += 1;
            }
            self.progress(done, total);
        }
        set_meta(conn, "config", &json(&config))?;
        set_meta(conn, "problems", &json(&problems))?;
        // Shared numbers can appear only where a ticket was written; a first build looks at
        // them all.
        let changed = (!first_build).then_some(numbers.as_slice());
        settle_names(conn, &renamed)?;
        self.apply_settlement(conn, tip, changed)?;
        self.find_cycles(conn)
    }

    /// When this update changed a ticket's dependencies, finds the tickets that lie on a
    /// dependency cycle again (`cycles`: each ticket with the number of its cycle). Reads
    /// every link once: linear in the links, not the tickets.
    fn find_cycles(&self, conn: &Connection) -> Result<(), StoreError> {
        if !self.links_changed.replace(false) {
            return Ok(());
        }
        let mut ids: Vec<String> = Vec::new();
        let mut number: HashMap<String, usize> = HashMap::new();
        let mut edges = Vec::new();
        {
            let mut st = conn
                .prepare_cached(
                    "SELECT t.id, l.target FROM links l JOIN tickets t ON t.row = l.ticket
                     WHERE t.folded = 1",
                )
                .map_err(sql("reading the index"))?;
            let rows = st
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
                .map_err(sql("reading the index"))?;
            let mut node = |id: String| -> usize {
                *number.entry(id.clone()).or_insert_with(|| {
                    ids.push(id);
                    ids.len() - 1
                })
            };
            for r in rows {
                let (from, to) = r.map_err(sql("reading the index"))?;
                edges.push((node(from), node(to)));
            }
        }
        conn.execute("DELETE FROM cycles", [])
            .map_err(sql("writing the index"))?;
        let mut insert = conn
            .prepare_cached("INSERT INTO cycles (id, component) VALUES (?1, ?2)")
            .map_err(sql("writing the index"))?;
        for (c, members) in crate::model::links::cycles(ids.len(), &edges)
            .iter()
            .enumerate()
        {
            for m in members {
                insert
                    .execute(params![ids[*m], c as i64])
                    .map_err(sql("writing the index"))?;
            }
        }
        Ok(())
    }

    /// Reads ticket directories: on several threads when there are many (a first build).
    fn read_tickets(&self, dirs: Vec<(String, TicketId, Oid)>) -> Result<Vec<Read>, StoreError> {
        let state = self.state_dir.as_path();
        let read_one = move |repo: &Repository,
                             (shard, id, tree): (String, TicketId, Oid),
                             memo: Option<&mut super::Parsed>| {
            let (ticket, problems) = read_ticket_tree(repo, tree, &id, state, memo)?;
            Ok::<_, StoreError>(Read {
                id,
                shard,
                tree,
                ticket,
                problems,
            })
        };
        // A write's update reads the one ticket it wrote, whose other files this process
        // parsed before writing (`Store::parsed`).
        let sequential = |dirs: Vec<(String, TicketId, Oid)>| {
            let mut memo = self.parsed.borrow_mut();
            dirs.into_iter()
                .map(|d| read_one(&self.repo, d, Some(&mut memo)))
                .collect()
        };
        if dirs.len() < PARALLEL_FROM {
            return sequential(dirs);
        }
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, 8);
        if threads == 1 {
            return sequential(dirs);
        }
        let path = self.repo.path().to_path_buf();
        let chunk = dirs.len().div_ceil(threads);
        let mut parts: Vec<Vec<(String, TicketId, Oid)>> = Vec::new();
        let mut dirs = dirs.into_iter().peekable();
        while dirs.peek().is_some() {
            parts.push(dirs.by_ref().take(chunk).collect());
        }
        std::thread::scope(|scope| {
            let handles: Vec<_> = parts
                .into_iter()
                .map(|part| {
                    let path = &path;
                    scope.spawn(move || {
                        let repo = Repository::open(path)
                            .map_err(super::error::git(format!("opening {}", path.display())))?;
                        part.into_iter()
                            .map(|d| read_one(&repo, d, None))
                            .collect::<Result<Vec<_>, _>>()
                    })
                })
                .collect();
            let mut out = Vec::new();
            for h in handles {
                let part = h
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
                out.extend(part);
            }
            Ok(out)
        })
    }

    fn drop_shard(
        &self,
        conn: &Connection,
        name: &str,
        renamed: &mut Renamed,
    ) -> Result<(), StoreError> {
        let ids: Vec<String> = {
            let mut st = conn
                .prepare_cached("SELECT id FROM tickets WHERE shard = ?1")
                .map_err(sql("reading the index"))?;
            let rows = st
                .query_map([name], |r| r.get(0))
                .map_err(sql("reading the index"))?;
            rows.collect::<Result<_, _>>()
                .map_err(sql("reading the index"))?
        };
        for id in ids {
            self.drop_ticket(conn, &id, renamed)?;
        }
        conn.execute("DELETE FROM shards WHERE name = ?1", [name])
            .map(drop)
            .map_err(sql("writing the index"))
    }

    fn drop_ticket(
        &self,
        conn: &Connection,
        id: &str,
        renamed: &mut Renamed,
    ) -> Result<(), StoreError> {
        let row: Option<(i64, bool)> = conn
            .query_row(
                "SELECT row, rkey IS NOT NULL FROM tickets WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(sql("reading the index"))?;
        let Some((row, ranked)) = row else {
            return Ok(());
        };
        if ranked {
            add_ranked(conn, -1)?;
        }
        {
            let mut st = conn
                .prepare_cached("SELECT email FROM people WHERE ticket = ?1")
                .map_err(sql("reading the index"))?;
            let emails = st
                .query_map([row], |r| r.get::<_, String>(0))
                .map_err(sql("reading the index"))?;
            for e in emails {
                renamed.insert(e.map_err(sql("reading the index"))?);
            }
        }
        let links: i64 = conn
            .query_row("SELECT count(*) FROM links WHERE ticket = ?1", [row], |r| {
                r.get(0)
            })
            .map_err(sql("reading the index"))?;
        if links > 0 {
            self.links_changed.set(true);
        }
        for q in [
            "DELETE FROM watchers WHERE ticket = ?1",
            "DELETE FROM fields WHERE ticket = ?1",
            "DELETE FROM people WHERE ticket = ?1",
            "DELETE FROM raises WHERE ticket = ?1",
            "DELETE FROM links WHERE ticket = ?1",
            "DELETE FROM labels WHERE ticket = ?1",
            "DELETE FROM tickets WHERE row = ?1",
        ] {
            conn.execute(q, [row]).map_err(sql("writing the index"))?;
        }
        conn.execute(
            "DELETE FROM words WHERE rowid BETWEEN ?1 AND ?2",
            [row << TEXT_BITS, ((row + 1) << TEXT_BITS) - 1],
        )
        .map_err(sql("writing the index"))?;
        Ok(())
    }

    /// Writes a ticket's rows. A ticket already in the index keeps its row: only the columns,
    /// people, fields and texts that changed are written, so that adding a comment rewrites a
    /// few pages of the database rather than every index entry of the ticket.
    fn put_ticket(
        &self,
        conn: &Connection,
        read: &Read,
        renamed: &mut Renamed,
    ) -> Result<(), StoreError> {
        let lower = |p: &Person| p.email.to_ascii_lowercase();
        let problems = json(&read.problems);
        let Some(t) = &read.ticket else {
            let existing: Option<i64> = conn
                .prepare_cached("SELECT row FROM tickets WHERE id = ?1")
                .and_then(|mut st| st.query_row([read.id.as_str()], |r| r.get(0)).optional())
                .map_err(sql("reading the index"))?;
            if existing.is_some() {
                self.drop_ticket(conn, read.id.as_str(), renamed)?;
            }
            conn.execute(
                "INSERT INTO tickets (id, shard, tree, problems, nproblems, folded)
                 VALUES (?1, ?2, ?3, ?4, ?5, 0)",
                params![
                    read.id.as_str(),
                    read.shard,
                    read.tree.to_string(),
                    problems,
                    read.problems.len() as i64
                ],
            )
            .map_err(sql("writing the index"))?;
            return Ok(());
        };
        let summary = TicketSummary::from(t);
        let blob = postcard::to_stdvec(&summary).unwrap_or_default();
        let number = i64::try_from(t.number).unwrap_or(i64::MAX);
        let values: [(&str, Value); 26] = [
            ("id", read.id.as_str().to_owned().into()),
            ("shard", read.shard.clone().into()),
            ("tree", read.tree.to_string().into()),
            ("problems", problems.into()),
            ("nproblems", (read.problems.len() as i64).into()),
            ("folded", 1.into()),
            ("number", number.into()),
            // Settled again below when another ticket shares the number.
            ("eff", number.into()),
            ("title", t.title.clone().into()),
            ("state", t.state.name().to_owned().into()),
            ("rank", (t.state.rank() as i64).into()),
            ("finished", i64::from(t.state.is_finished()).into()),
            ("reporter", lower(&t.reporter).into()),
            ("assignee", t.assignee.as_ref().map(lower).into()),
            ("created", t.created.timestamp().into()),
            ("updated", t.updated.timestamp().into()),
            ("contested", (t.contested.len() as i64).into()),
            // Set only while the ticket is in progress and ranked (the fold clears it
            // otherwise): the partial index `tickets_rank` holds the ranking.
            (
                "rkey",
                t.rank.as_ref().map(|r| r.as_str().to_owned()).into(),
            ),
            ("urgent", i64::from(t.urgent).into()),
            (
                "raises",
                (t.raises.iter().filter(|r| r.decision.is_none()).count() as i64).into(),
            ),
            ("summary", blob.into()),
            // Who made the latest change (the last event, in fold order, with the latest
            // time).
            (
                "updater",
                t.events
                    .iter()
                    .max_by_key(|e| e.at)
                    .map(|e| lower(&e.author))
                    .into(),
            ),
            ("reporter_shown", t.reporter.shown().to_owned().into()),
            (
                "assignee_shown",
                t.assignee.as_ref().map(|p| p.shown().to_owned()).into(),
            ),
            ("nwatchers", (t.watchers.len() as i64).into()),
            ("labels", t.labels.join(",").into()),
        ];
        let names: Vec<&str> = values.iter().map(|(n, _)| *n).collect();
        // The ticket's row, if the index holds it, with the values of these columns.
        let existing: Option<(i64, Vec<Value>)> = conn
            .prepare_cached(&format!(
                "SELECT row, {} FROM tickets WHERE id = ?1",
                names.join(", ")
            ))
            .and_then(|mut st| {
                st.query_row([read.id.as_str()], |r| {
                    let have = (1..=names.len())
                        .map(|i| r.get::<_, Value>(i))
                        .collect::<rusqlite::Result<_>>()?;
                    Ok((r.get(0)?, have))
                })
                .optional()
            })
            .map_err(sql("reading the index"))?;
        // The count of ranked tickets follows the rows (see `add_ranked`).
        let was_ranked = existing.as_ref().is_some_and(|(_, have)| {
            names
                .iter()
                .position(|n| *n == "rkey")
                .and_then(|i| have.get(i))
                .is_some_and(|v| *v != Value::Null)
        });
        let delta = i64::from(t.rank.is_some()) - i64::from(was_ranked);
        if delta != 0 {
            add_ranked(conn, delta)?;
        }
        match &existing {
            None => {
                let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
                let q = format!(
                    "INSERT INTO tickets ({}) VALUES ({})",
                    names.join(", "),
                    marks.join(", ")
                );
                conn.prepare_cached(&q)
                    .and_then(|mut st| {
                        st.execute(rusqlite::params_from_iter(values.iter().map(|(_, v)| v)))
                    })
                    .map_err(sql("writing the index"))?;
            }
            Some((row, have)) => {
                // Only the columns that changed are set: SQLite rewrites the entries of every
                // index whose columns an UPDATE names, changed or not (a comment changes
                // `updated`, `tree` and the summary, not the other twelve indexed columns).
                let changed: Vec<&(&str, Value)> = values
                    .iter()
                    .zip(have)
                    .filter(|((_, want), have)| want != *have)
                    .map(|(v, _)| v)
                    .collect();
                if !changed.is_empty() {
                    let sets: Vec<String> = changed
                        .iter()
                        .enumerate()
                        .map(|(i, (n, _))| format!("{n} = ?{}", i + 2))
                        .collect();
                    let q = format!("UPDATE tickets SET {} WHERE row = ?1", sets.join(", "));
                    let row_value = Value::from(*row);
                    let all = std::iter::once(&row_value).chain(changed.iter().map(|(_, v)| v));
                    conn.prepare_cached(&q)
                        .and_then(|mut st| st.execute(rusqlite::params_from_iter(all)))
                        .map_err(sql("writing the index"))?;
                }
            }
        }
        let existing = existing.map(|(row, _)| row);
        let row = existing.unwrap_or_else(|| conn.last_insert_rowid());
        let fresh = existing.is_none();

        let watchers: Vec<Vec<String>> = t.watchers.iter().map(|w| vec![lower(w)]).collect();
        replace_rows(conn, fresh, row, "watchers", &["email"], &watchers)?;
        // The fingerprint is searched as a field whose name no custom field can have.
        let fields: Vec<Vec<String>> = t
            .fields
            .iter()
            .map(|(name, value)| vec![name.clone(), value.clone()])
            .chain(
                t.fingerprint
                    .iter()
                    .map(|f| vec![FINGERPRINT_FIELD.to_owned(), f.clone()]),
            )
            .chain(
                t.origin
                    .iter()
                    .map(|o| vec![ORIGIN_FIELD.to_owned(), o.ticket.to_string()]),
            )
            .collect();
        replace_rows(conn, fresh, row, "fields", &["name", "value"], &fields)?;
        // The event naming each person best (docs/format.md, "Names"); the names of the
        // people whose rows changed are settled again at the end of the update.
        let people: Vec<Vec<String>> = t
            .namings()
            .into_iter()
            .map(|n| {
                vec![
                    n.email,
                    i64::from(n.authored).to_string(),
                    n.at.timestamp().to_string(),
                    n.event,
                    n.name,
                ]
            })
            .collect();
        let changed = replace_rows(
            conn,
            fresh,
            row,
            "people",
            &["email", "authored", "at", "event", "name"],
            &people,
        )?;
        renamed.extend(changed.into_iter().filter_map(|r| r.into_iter().next()));
        let raises: Vec<Vec<String>> = t
            .raises
            .iter()
            .map(|r| {
                vec![
                    r.id.to_string(),
                    i64::from(r.decision.is_none()).to_string(),
                ]
            })
            .collect();
        replace_rows(conn, fresh, row, "raises", &["id", "pending"], &raises)?;
        let labels: Vec<Vec<String>> = t.labels.iter().map(|l| vec![l.clone()]).collect();
        replace_rows(conn, fresh, row, "labels", &["label"], &labels)?;
        let links: Vec<Vec<String>> = t.depends_on.iter().map(|d| vec![d.to_string()]).collect();
        if !replace_rows(conn, fresh, row, "links", &["target"], &links)?.is_empty() {
            self.links_changed.set(true);
        }

        // One row per text; a ticket with more texts than rowids puts the rest in its last
        // row (only a hand-made ticket has 4 000 comments). Only the rows whose text changed
        // are written.
        let mut texts: Vec<String> = [&t.title, &t.description, &t.solution]
            .into_iter()
            .chain(t.comments.iter().filter(|c| !c.deleted).map(|c| &c.body))
            .filter(|s| !s.trim().is_empty())
            .cloned()
            .collect();
        let room = (1usize << TEXT_BITS) - 1;
        if texts.len() > room {
            let rest = texts[room..].join("\n\n");
            texts.truncate(room);
            texts.push(rest);
        }
        let base = row << TEXT_BITS;
        let mut old: HashMap<i64, String> = HashMap::new();
        if !fresh {
            let mut st = conn
                .prepare_cached("SELECT rowid, text FROM words WHERE rowid BETWEEN ?1 AND ?2")
                .map_err(sql("reading the index"))?;
            let rows = st
                .query_map([base, base + (1 << TEXT_BITS) - 1], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                })
                .map_err(sql("reading the index"))?;
            for r in rows {
                let (id, text) = r.map_err(sql("reading the index"))?;
                old.insert(id, text);
            }
        }
        let mut delete = conn
            .prepare_cached("DELETE FROM words WHERE rowid = ?1")
            .map_err(sql("writing the index"))?;
        let mut insert = conn
            .prepare_cached("INSERT INTO words (rowid, text) VALUES (?1, ?2)")
            .map_err(sql("writing the index"))?;
        for (k, text) in texts.iter().enumerate() {
            let id = base + k as i64;
            match old.remove(&id) {
                Some(was) if &was == text => continue,
                Some(_) => {
                    delete.execute([id]).map_err(sql("writing the index"))?;
                }
                None => {}
            }
            insert
                .execute(params![id, text])
                .map_err(sql("writing the index"))?;
        }
        for id in old.into_keys() {
            delete.execute([id]).map_err(sql("writing the index"))?;
        }
        Ok(())
    }

    /// Settles the numbers two tickets share (see `numbers.rs`) and writes the effective
    /// numbers: reads no history when the shared numbers are those already settled. When no
    /// number was shared before, only the `changed` numbers (those of the tickets this update
    /// wrote) can be shared now, and only they are looked up; `None`: look at every number.
    fn apply_settlement(
        &self,
        conn: &Connection,
        tip: Tip,
        changed: Option<&[u64]>,
    ) -> Result<(), StoreError> {
        let cached: Option<Settlement> =
            meta(conn, "settlement")?.and_then(|s| serde_json::from_str(&s).ok());
        if let (Some(changed), Some(c)) = (changed, cached.as_ref()) {
            if c.shared.is_empty() {
                let mut st = conn
                    .prepare_cached("SELECT count(*) FROM tickets WHERE folded = 1 AND number = ?1")
                    .map_err(sql("reading the index"))?;
                let mut unique = true;
                for n in changed {
                    let count: i64 = st
                        .query_row([i64::try_from(*n).unwrap_or(i64::MAX)], |r| r.get(0))
                        .map_err(sql("reading the index"))?;
                    unique &= count <= 1;
                }
                if unique {
                    let settled = Settlement {
                        tip: tip.to_string(),
                        ..Settlement::default()
                    };
                    return set_meta(conn, "settlement", &json(&settled));
                }
            }
        }
        let shared: Vec<(u64, TicketId)> = {
            let mut st = conn
                .prepare_cached(
                    "SELECT number, id FROM tickets WHERE folded = 1 AND number IN
                     (SELECT number FROM tickets WHERE folded = 1 GROUP BY number
                      HAVING count(*) > 1)
                     ORDER BY number, id",
                )
                .map_err(sql("reading the index"))?;
            let rows = st
                .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
                .map_err(sql("reading the index"))?;
            let mut out = Vec::new();
            for r in rows {
                let (n, id) = r.map_err(sql("reading the index"))?;
                if let (Ok(n), Some(id)) = (u64::try_from(n), TicketId::parse(&id)) {
                    out.push((n, id));
                }
            }
            out
        };
        let old: Vec<(TicketId, u64)> = cached
            .as_ref()
            .map(|c| c.renumbered.clone())
            .unwrap_or_default();
        let settlement = self.settle_numbers(tip, shared, cached, || {
            let mut all = Vec::new();
            let mut st = conn
                .prepare_cached("SELECT summary FROM tickets WHERE folded = 1")
                .map_err(sql("reading the index"))?;
            let rows = st
                .query_map([], |r| r.get::<_, Vec<u8>>(0))
                .map_err(sql("reading the index"))?;
            for r in rows {
                let bytes = r.map_err(sql("reading the index"))?;
                if let Ok(s) = postcard::from_bytes::<TicketSummary>(&bytes) {
                    all.push(s);
                }
            }
            Ok(all)
        })?;
        for (id, _) in &old {
            conn.execute(
                "UPDATE tickets SET eff = number WHERE id = ?1",
                [id.as_str()],
            )
            .map_err(sql("writing the index"))?;
        }
        for (id, n) in &settlement.renumbered {
            conn.execute(
                "UPDATE tickets SET eff = ?2 WHERE id = ?1",
                params![id.as_str(), i64::try_from(*n).unwrap_or(i64::MAX)],
            )
            .map_err(sql("writing the index"))?;
        }
        set_meta(conn, "settlement", &json(&settlement))
    }

    /// Reports the progress of a long update (a first build), if someone listens.
    fn progress(&self, done: usize, total: usize) {
        if let Some(p) = self.progress.borrow_mut().as_mut() {
            p(done, total);
        }
    }
}

/// Makes `table`'s rows of ticket `row` (its `cols`) be `want`, as a multiset: rows that are
/// wanted stay, the others are deleted, the missing ones inserted. Readers never depend on the
/// rows' order, so a comment by a new participant writes one row of each table, not all of
/// them again. `fresh`: the ticket has no rows yet. Returns the rows deleted and inserted.
fn replace_rows(
    conn: &Connection,
    fresh: bool,
    row: i64,
    table: &str,
    cols: &[&str],
    want: &[Vec<String>],
) -> Result<Vec<Vec<String>>, StoreError> {
    let mut missing: Vec<&Vec<String>> = want.iter().collect();
    let mut changed = Vec::new();
    if !fresh {
        let q = format!(
            "SELECT rowid, {} FROM {table} WHERE ticket = ?1",
            cols.join(", ")
        );
        let mut st = conn.prepare_cached(&q).map_err(sql("reading the index"))?;
        let have: Vec<(i64, Vec<String>)> = st
            .query_map([row], |r| {
                let values = (1..=cols.len())
                    .map(|i| {
                        r.get::<_, Value>(i).map(|v| match v {
                            Value::Integer(n) => n.to_string(),
                            Value::Text(s) => s,
                            _ => String::new(),
                        })
                    })
                    .collect::<rusqlite::Result<_>>()?;
                Ok((r.get(0)?, values))
            })
            .map_err(sql("reading the index"))?
            .collect::<Result<_, _>>()
            .map_err(sql("reading the index"))?;
        let mut delete = conn
            .prepare_cached(&format!("DELETE FROM {table} WHERE rowid = ?1"))
            .map_err(sql("writing the index"))?;
        for (rowid, values) in have {
            match missing.iter().position(|w| **w == values) {
                Some(i) => {
                    missing.swap_remove(i);
                }
                None => {
                    delete.execute([rowid]).map_err(sql("writing the index"))?;
                    changed.push(values);
                }
            }
        }
    }
    let q = format!(
        "INSERT INTO {table} (ticket, {}) VALUES (?1, {})",
        cols.join(", "),
        (2..=cols.len() + 1)
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut st = conn.prepare_cached(&q).map_err(sql("writing the index"))?;
    for values in missing {
        let mut all: Vec<Value> = vec![row.into()];
        all.extend(values.iter().map(|v| Value::from(v.clone())));
        st.execute(rusqlite::params_from_iter(all))
            .map_err(sql("writing the index"))?;
        changed.push(values.clone());
    }
    Ok(changed)
}

/// Settles again the one name of each of `emails` (`docs/format.md`, "Names"): the name of
/// the best of the events that name them, over every ticket.
fn settle_names(conn: &Connection, emails: &Renamed) -> Result<(), StoreError> {
    let mut best = conn
        .prepare_cached(
            "SELECT name FROM people WHERE email = ?1
             ORDER BY authored DESC, at DESC, event DESC LIMIT 1",
        )
        .map_err(sql("reading the index"))?;
    let mut put = conn
        .prepare_cached(
            "INSERT INTO names (email, name) VALUES (?1, ?2)
             ON CONFLICT (email) DO UPDATE SET name = excluded.name",
        )
        .map_err(sql("writing the index"))?;
    let mut delete = conn
        .prepare_cached("DELETE FROM names WHERE email = ?1")
        .map_err(sql("writing the index"))?;
    for email in emails {
        let name: Option<String> = best
            .query_row([email], |r| r.get(0))
            .optional()
            .map_err(sql("reading the index"))?;
        match name {
            Some(n) => put.execute(params![email, n]),
            None => delete.execute([email]),
        }
        .map_err(sql("writing the index"))?;
    }
    Ok(())
}

/// A ticket row's summary with its effective number.
pub(super) fn summary_of(row: &rusqlite::Row<'_>) -> rusqlite::Result<Option<TicketSummary>> {
    // Columns 0 and 1 of every query that lists tickets: `summary, eff`.
    let bytes = row.get_ref(0)?.as_blob()?;
    let eff: i64 = row.get(1)?;
    Ok(postcard::from_bytes::<TicketSummary>(bytes)
        .ok()
        .map(|mut s| {
            s.number = u64::try_from(eff).unwrap_or(s.number);
            s
        }))
}
