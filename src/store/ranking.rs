//! The ranking (R25) as the index holds it: the neighbours a priority move is placed between,
//! and positions. Every question reads a few entries of the partial index `tickets_rank`
//! (`(rkey, id)` of the ranked tickets in progress), never every ticket.

use rusqlite::types::Value;
use rusqlite::Connection;

use super::query::Positions;
use super::{Snapshot, Store, StoreError};
use crate::model::rank::{Rank, Ranked};
use crate::model::{EventId, TicketId};

fn sql(what: &'static str) -> impl FnOnce(rusqlite::Error) -> StoreError {
    move |source| StoreError::Index { what, source }
}

/// Runs a query whose rows are `(rkey, id)`; rows that are not a key and an id are skipped
/// (every key in the index was checked when its event was read).
fn ranked(conn: &Connection, q: &str, values: &[Value]) -> Result<Vec<Ranked>, StoreError> {
    let mut st = conn.prepare_cached(q).map_err(sql("reading the index"))?;
    let rows = st
        .query_map(rusqlite::params_from_iter(values), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })
        .map_err(sql("reading the index"))?;
    let mut out = Vec::new();
    for r in rows {
        let (k, id) = r.map_err(sql("reading the index"))?;
        if let (Ok(k), Some(id)) = (Rank::parse(&k), TicketId::parse(&id)) {
            out.push((k, id));
        }
    }
    Ok(out)
}

/// Which way from a place in the ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Towards the top (more urgent).
    Above,
    /// Towards the bottom.
    Below,
}

impl Store {
    /// Up to `n` ranked tickets in progress next to `at` on `side`, nearest first, leaving
    /// out `skip` (the ticket being moved). `at` absent: from the bottom (`Above`) or the top
    /// (`Below`) of the ranking.
    pub fn ranked_next_to(
        &self,
        snap: &Snapshot,
        at: Option<&Ranked>,
        side: Side,
        skip: &TicketId,
        n: usize,
    ) -> Result<Vec<Ranked>, StoreError> {
        let (cmp, dir) = match side {
            Side::Above => ("<", "DESC"),
            Side::Below => (">", "ASC"),
        };
        let mut values = vec![Value::from(skip.to_string())];
        let mut q =
            String::from("SELECT rkey, id FROM tickets WHERE rkey IS NOT NULL AND id != ?1");
        if let Some((k, id)) = at {
            q.push_str(&format!(" AND (rkey, id) {cmp} (?2, ?3)"));
            values.push(Value::from(k.to_string()));
            values.push(Value::from(id.to_string()));
        }
        q.push_str(&format!(" ORDER BY rkey {dir}, id {dir} LIMIT {n}"));
        self.at_tip(snap.tip, |conn| ranked(conn, &q, &values))
    }

    /// The first ranked ticket in progress, from the top, that did not get its place from an
    /// urgent raise request, leaving out `skip`.
    pub fn first_not_urgent(
        &self,
        snap: &Snapshot,
        skip: &TicketId,
    ) -> Result<Option<Ranked>, StoreError> {
        self.at_tip(snap.tip, |conn| {
            ranked(
                conn,
                "SELECT rkey, id FROM tickets WHERE rkey IS NOT NULL AND urgent = 0 AND id != ?1
                 ORDER BY rkey, id LIMIT 1",
                &[Value::from(skip.to_string())],
            )
            .map(|mut v| v.pop())
        })
    }

    /// The position (1, 2, 3 …) the ticket `id` with key `rank` has, or would have, in the
    /// ranking.
    pub fn position(&self, snap: &Snapshot, rank: &Rank, id: &TicketId) -> Result<u64, StoreError> {
        self.at_tip(snap.tip, |conn| {
            Positions::new(conn)
                .of(rank.as_str(), id.as_str())
                .map_err(sql("reading the index"))
        })
    }

    /// The raise requests whose id starts with `prefix` (lowercase hex), with their ticket and
    /// whether they wait for a decision.
    pub fn raise_requests(
        &self,
        snap: &Snapshot,
        prefix: &str,
    ) -> Result<Vec<(TicketId, EventId, bool)>, StoreError> {
        let low = prefix.to_owned();
        let high = format!("{prefix}\u{7f}");
        self.at_tip(snap.tip, |conn| {
            let mut st = conn
                .prepare_cached(
                    "SELECT t.id, r.id, r.pending FROM raises r JOIN tickets t ON t.row = r.ticket
                     WHERE r.id >= ?1 AND r.id < ?2 ORDER BY r.id",
                )
                .map_err(sql("reading the index"))?;
            let rows = st
                .query_map([&low, &high], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                })
                .map_err(sql("reading the index"))?;
            let mut out = Vec::new();
            for r in rows {
                let (t, e, pending) = r.map_err(sql("reading the index"))?;
                if let (Some(t), Some(e)) = (TicketId::parse(&t), EventId::parse(&e)) {
                    out.push((t, e, pending != 0));
                }
            }
            Ok(out)
        })
    }
}
