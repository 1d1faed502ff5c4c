//! The pure computations of `git tracker report` (R50–R52): states, people, trend, delays.
//!
//! Everything here is a function of the tickets' events (their `at` times, states and
//! assignees) and of the window the caller passes in: no clock, no I/O, no git. Each figure is
//! defined in `docs/reports.md` precisely enough for an independent program to recompute it
//! from the files on the branch (R54); the unit tests below use hand-built histories with
//! known answers.
//!
//! Time model, used by every report:
//! - A ticket's events are taken in fold order (`docs/format.md`). Each event's *effective
//!   time* is the latest of its own `at` and the effective time of the event before it, so a
//!   ticket's timeline never runs backwards even when clones' clocks disagreed.
//! - The state (or assignee) of a ticket *at* an instant T is the one set by the last event
//!   whose effective time is strictly before T; a ticket exists at T when it was created
//!   strictly before T.
//! - Windows and periods are half-open: `[start, end)`.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Days, FixedOffset, Months, NaiveDate, TimeZone, Utc};

use crate::model::rank::{Band, Rank};
use crate::model::{Action, Person, State, Ticket, TicketId};

/// The most periods a trend may have (a guard against `--by day` over decades).
pub const MAX_PERIODS: usize = 10_000;

/// Why a report cannot be computed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReportError {
    /// The window holds more periods than [`MAX_PERIODS`].
    #[error("the window holds more than {limit} periods")]
    TooManyPeriods {
        /// The limit.
        limit: usize,
    },
    /// The window ends before it starts.
    #[error("the window is empty: --since {since} is not before --until {until}")]
    EmptyWindow {
        /// The start given.
        since: DateTime<Utc>,
        /// The end given.
        until: DateTime<Utc>,
    },
    /// A time zone that is neither `UTC` nor a fixed offset.
    #[error(
        "unknown time zone {0:?}: use UTC, an offset such as +02:00 or a name such as Europe/Paris"
    )]
    BadTimeZone(String),
    /// A date that is neither `YYYY-MM-DD` nor RFC 3339.
    #[error("cannot read {0:?} as a date (YYYY-MM-DD) or a time (RFC 3339)")]
    BadDate(String),
}

/// A value that holds from an instant on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp<T> {
    /// The effective time (see the module docs).
    pub at: DateTime<Utc>,
    /// The value set then.
    pub value: T,
}

/// A ticket's history reduced to what reports need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct History {
    /// The ticket's id.
    pub id: TicketId,
    /// The number in its key (as the branch settles it, see `docs/format.md`).
    pub number: u64,
    /// Who created it.
    pub reporter: Person,
    /// Its rank key in effective-time order, starting with none at `created`: the key while
    /// the ticket is in progress and ranked, none otherwise (R25).
    pub ranks: Vec<Stamp<Option<Rank>>>,
    /// The `create` event's time.
    pub created: DateTime<Utc>,
    /// Its states in effective-time order, starting with `POSTED` at `created`.
    pub states: Vec<Stamp<State>>,
    /// Its assignees in effective-time order, starting with the `create` event's.
    pub assignees: Vec<Stamp<Option<Person>>>,
    /// Its custom field changes in effective-time order: name and value (empty: cleared).
    pub fields: Vec<Stamp<(String, String)>>,
}

impl History {
    /// The history of a folded ticket; `number` is its settled number.
    pub fn new(t: &Ticket, number: u64) -> Self {
        let mut states = vec![Stamp {
            at: t.created,
            value: State::Posted,
        }];
        let mut assignees = Vec::new();
        let mut fields = Vec::new();
        let mut ranks = vec![Stamp {
            at: t.created,
            value: None,
        }];
        // The fold's rule (docs/format.md, "Priorities"): a `priority` event sets the key;
        // entering or leaving a finished state clears it; a finished ticket has none.
        let (mut state, mut rank): (State, Option<Rank>) = (State::Posted, None);
        let mut clock = t.created;
        for e in &t.events {
            clock = clock.max(e.at);
            let ranking = match &e.action {
                Action::Priority { rank: r, .. } => {
                    rank = Some(r.clone());
                    true
                }
                Action::State { to, .. } => {
                    if to.is_finished() != state.is_finished() {
                        rank = None;
                    }
                    state = *to;
                    true
                }
                _ => false,
            };
            if ranking {
                let value = rank.clone().filter(|_| !state.is_finished());
                if ranks.last().is_none_or(|r| r.value != value) {
                    ranks.push(Stamp { at: clock, value });
                }
            }
            match &e.action {
                Action::Create { assignee, .. } => assignees.push(Stamp {
                    at: clock,
                    value: assignee.clone(),
                }),
                Action::State { to, .. } => states.push(Stamp {
                    at: clock,
                    value: *to,
                }),
                Action::Assign { assignee } => assignees.push(Stamp {
                    at: clock,
                    value: assignee.clone(),
                }),
                Action::Field { name, value } => fields.push(Stamp {
                    at: clock,
                    value: (name.clone(), value.clone()),
                }),
                _ => {}
            }
        }
        if assignees.is_empty() {
            assignees.push(Stamp {
                at: t.created,
                value: None,
            });
        }
        Self {
            id: t.id.clone(),
            number,
            reporter: t.reporter.clone(),
            ranks,
            created: t.created,
            states,
            assignees,
            fields,
        }
    }

    /// The value of custom field `name` at `t` (empty when unset).
    pub fn field_at(&self, name: &str, t: DateTime<Utc>) -> &str {
        self.fields
            .iter()
            .take_while(|s| s.at < t)
            .filter(|s| s.value.0 == name)
            .last()
            .map_or("", |s| s.value.1.as_str())
    }

    /// The state entries that happened strictly before `t`.
    fn states_before(&self, t: DateTime<Utc>) -> &[Stamp<State>] {
        &self.states[..self.states.partition_point(|s| s.at < t)]
    }

    /// The state at `t`, or `None` when the ticket did not exist yet.
    pub fn state_at(&self, t: DateTime<Utc>) -> Option<State> {
        self.states_before(t).last().map(|s| s.value)
    }

    /// The assignee at `t` (`None` inside: unassigned), or `None` when the ticket did not
    /// exist yet.
    pub fn assignee_at(&self, t: DateTime<Utc>) -> Option<Option<&Person>> {
        let n = self.assignees.partition_point(|s| s.at < t);
        if self.created >= t {
            return None;
        }
        Some(
            n.checked_sub(1)
                .and_then(|i| self.assignees[i].value.as_ref()),
        )
    }
}

/// The time window of a report: `[since, until)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// Start (inclusive); `None`: from the first ticket on.
    pub since: Option<DateTime<Utc>>,
    /// End (exclusive): the instant the report is "as of".
    pub until: DateTime<Utc>,
}

impl Window {
    /// A window, checked to be non-empty.
    pub fn new(since: Option<DateTime<Utc>>, until: DateTime<Utc>) -> Result<Self, ReportError> {
        match since {
            Some(s) if s >= until => Err(ReportError::EmptyWindow { since: s, until }),
            _ => Ok(Self { since, until }),
        }
    }

    /// Whether `t` is in the window.
    pub fn contains(&self, t: DateTime<Utc>) -> bool {
        self.since.is_none_or(|s| s <= t) && t < self.until
    }
}

/// The default window's guard against implausible dates (`docs/reports.md`): keeps the
/// tickets none of whose events is dated before `first`, the time of the branch's first
/// commit, and says how many were left out. An explicit `--since` skips this.
pub fn dated_from(tickets: Vec<Ticket>, first: DateTime<Utc>) -> (Vec<Ticket>, usize) {
    let before = tickets.len();
    let kept: Vec<Ticket> = tickets
        .into_iter()
        .filter(|t| t.created >= first && t.events.iter().all(|e| e.at >= first))
        .collect();
    let left_out = before - kept.len();
    (kept, left_out)
}

/// Which tickets a report counts, besides the window. Criteria are ANDed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only tickets in one of these states at the window's end (empty: any).
    pub states: Vec<State>,
    /// Only tickets assigned, at the window's end, to this email (`Some(None)`: unassigned).
    pub assignee: Option<Option<String>>,
    /// Only tickets reported by this email.
    pub reporter: Option<String>,
    /// Only tickets whose custom field NAME has exactly VALUE at the window's end (an empty
    /// VALUE: the field is unset).
    pub fields: Vec<(String, String)>,
}

impl Filter {
    /// Whether `h` passes the filter, judged at `until`.
    pub fn accepts(&self, h: &History, until: DateTime<Utc>) -> bool {
        let Some(state) = h.state_at(until) else {
            return false;
        };
        let assignee = h.assignee_at(until).flatten();
        (self.states.is_empty() || self.states.contains(&state))
            && match &self.assignee {
                None => true,
                Some(None) => assignee.is_none(),
                Some(Some(e)) => assignee.is_some_and(|a| a.has_email(e)),
            }
            && self
                .reporter
                .as_deref()
                .is_none_or(|e| h.reporter.has_email(e))
            && self
                .fields
                .iter()
                .all(|(name, value)| h.field_at(name, until) == value)
    }
}

/// The tickets of a report: those that pass the filter and exist at the window's end
/// (`existing`), and among them those created inside the window (`cohort`).
#[derive(Debug)]
pub struct Selection<'a> {
    /// Created before `until` and accepted by the filter: the trend replays these.
    pub existing: Vec<&'a History>,
    /// Of those, created in the window: states, people and delays count these.
    pub cohort: Vec<&'a History>,
}

/// Applies the window and the filter.
pub fn select<'a>(all: &'a [History], filter: &Filter, window: &Window) -> Selection<'a> {
    let existing: Vec<&History> = all
        .iter()
        .filter(|h| h.created < window.until && filter.accepts(h, window.until))
        .collect();
    let cohort = existing
        .iter()
        .copied()
        .filter(|h| window.contains(h.created))
        .collect();
    Selection { existing, cohort }
}

/// Counts per state, in [`State::ALL`] order.
pub type PerState = [usize; 10];

fn state_index(s: State) -> usize {
    s.rank()
}

/// `report states` (R50).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateCounts {
    /// Tickets counted.
    pub total: usize,
    /// Per state, in [`State::ALL`] order.
    pub counts: PerState,
}

impl StateCounts {
    /// Tickets in progress.
    pub fn in_progress(&self) -> usize {
        self.total - self.finished()
    }

    /// Tickets in a finished state.
    pub fn finished(&self) -> usize {
        State::ALL
            .iter()
            .zip(self.counts)
            .filter(|(s, _)| s.is_finished())
            .map(|(_, n)| n)
            .sum()
    }

    /// The count of one state.
    pub fn count(&self, s: State) -> usize {
        self.counts[state_index(s)]
    }
}

/// `count / total`, or `None` when `total` is zero.
pub fn share(count: usize, total: usize) -> Option<f64> {
    (total > 0).then(|| count as f64 / total as f64)
}

/// Tickets of the cohort per state at `until`.
pub fn states(cohort: &[&History], until: DateTime<Utc>) -> StateCounts {
    let mut counts = [0; 10];
    for h in cohort {
        if let Some(s) = h.state_at(until) {
            counts[state_index(s)] += 1;
        }
    }
    StateCounts {
        total: counts.iter().sum(),
        counts,
    }
}

/// One row of a person × state matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRow {
    /// The person (`None`: the "Unassigned" row).
    pub person: Option<Person>,
    /// Per state, in [`State::ALL`] order.
    pub counts: PerState,
    /// Row total.
    pub total: usize,
}

/// `report people` (R50): assignee × state and reporter × state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct People {
    /// By assignee at `until`, sorted by lower-cased email, "Unassigned" last.
    pub assignees: Vec<PersonRow>,
    /// By reporter, sorted by lower-cased email.
    pub reporters: Vec<PersonRow>,
    /// Column totals (the same for both matrices).
    pub totals: StateCounts,
}

/// How people are grouped: by lower-cased email, with "nobody" (`None`) sorting last.
type PersonKey = (bool, String);

fn person_key(p: Option<&Person>) -> PersonKey {
    (
        p.is_none(),
        p.map(|p| p.email.to_ascii_lowercase()).unwrap_or_default(),
    )
}

/// Tickets grouped by person, with the person as first seen.
type ByPerson<'a> = BTreeMap<PersonKey, (Option<Person>, Vec<&'a History>)>;

fn matrix<'a>(
    cohort: &[&'a History],
    until: DateTime<Utc>,
    who: impl Fn(&'a History) -> Option<&'a Person>,
) -> Vec<PersonRow> {
    // Keyed by lower-cased email; `None` (unassigned) sorts last through the bool.
    let mut rows: BTreeMap<PersonKey, PersonRow> = BTreeMap::new();
    let mut ordered: Vec<&&History> = cohort.iter().collect();
    // The first ticket (by creation, then number) names the person.
    ordered.sort_by_key(|h| (h.created, h.number));
    for h in ordered {
        let Some(state) = h.state_at(until) else {
            continue;
        };
        let p = who(h);
        let row = rows.entry(person_key(p)).or_insert_with(|| PersonRow {
            person: p.cloned(),
            counts: [0; 10],
            total: 0,
        });
        row.counts[state_index(state)] += 1;
        row.total += 1;
    }
    rows.into_values().collect()
}

/// The person × state matrices of the cohort at `until`.
pub fn people(cohort: &[&History], until: DateTime<Utc>) -> People {
    People {
        assignees: matrix(cohort, until, |h| h.assignee_at(until).flatten()),
        reporters: matrix(cohort, until, |h| Some(&h.reporter)),
        totals: states(cohort, until),
    }
}

/// The length of a trend period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Granularity {
    /// Calendar days.
    Day,
    /// ISO weeks, Monday to Sunday.
    Week,
    /// Calendar months.
    Month,
}

/// The time zone periods and dates are cut in (`--tz`): a fixed offset from UTC, or a zone of
/// the IANA time zone database (with its daylight saving time).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// A fixed offset (`UTC`, `+02:00`).
    Fixed(FixedOffset),
    /// A named zone (`Europe/Paris`).
    Named(chrono_tz::Tz),
}

impl Zone {
    /// UTC.
    pub fn utc() -> Self {
        Self::Fixed(FixedOffset::east_opt(0).expect("zero is a valid offset"))
    }

    /// Reads `--tz`: `UTC`, `Z`, an offset `+HH:MM` / `-HH:MM` / `+HH`, or an IANA zone name.
    pub fn parse(s: &str) -> Result<Self, ReportError> {
        match parse_offset(s) {
            Ok(o) => Ok(Self::Fixed(o)),
            Err(e) => s
                .trim()
                .parse::<chrono_tz::Tz>()
                .map(Self::Named)
                .map_err(|_| e),
        }
    }

    /// The local calendar date at `t`.
    fn local_date(&self, t: DateTime<Utc>) -> NaiveDate {
        match self {
            Self::Fixed(o) => t.with_timezone(o).date_naive(),
            Self::Named(z) => t.with_timezone(z).date_naive(),
        }
    }

    /// The first instant of local day `d`: local midnight, or when a time change skips
    /// midnight, the first local time that exists after it.
    fn midnight(&self, d: NaiveDate) -> DateTime<Utc> {
        let local = d.and_time(chrono::NaiveTime::MIN);
        let at = |l: chrono::NaiveDateTime| match self {
            Self::Fixed(o) => o
                .from_local_datetime(&l)
                .earliest()
                .map(|t| t.with_timezone(&Utc)),
            Self::Named(z) => z
                .from_local_datetime(&l)
                .earliest()
                .map(|t| t.with_timezone(&Utc)),
        };
        (0..=24 * 60)
            .find_map(|m| at(local + chrono::TimeDelta::minutes(m)))
            .unwrap_or_else(|| local.and_utc())
    }
}

impl std::fmt::Display for Zone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Fixed(o) => o.fmt(f),
            Self::Named(z) => f.write_str(z.name()),
        }
    }
}

/// How instants are grouped into periods: a length and a time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Calendar {
    /// Day, week or month.
    pub by: Granularity,
    /// The time zone (`--tz`).
    pub zone: Zone,
}

impl Calendar {
    /// A calendar in UTC.
    pub fn utc(by: Granularity) -> Self {
        Self {
            by,
            zone: Zone::utc(),
        }
    }

    fn midnight(&self, d: NaiveDate) -> DateTime<Utc> {
        self.zone.midnight(d)
    }

    fn local_date(&self, t: DateTime<Utc>) -> NaiveDate {
        self.zone.local_date(t)
    }

    /// The start of the period holding `t`.
    pub fn floor(&self, t: DateTime<Utc>) -> DateTime<Utc> {
        let d = self.local_date(t);
        let first = match self.by {
            Granularity::Day => d,
            Granularity::Week => d - Days::new(u64::from(d.weekday().num_days_from_monday())),
            Granularity::Month => d.with_day(1).unwrap_or(d),
        };
        self.midnight(first)
    }

    /// The start of the period after the one starting at `start`.
    pub fn next(&self, start: DateTime<Utc>) -> DateTime<Utc> {
        let d = self.local_date(start);
        let next = match self.by {
            Granularity::Day => d.checked_add_days(Days::new(1)),
            Granularity::Week => d.checked_add_days(Days::new(7)),
            Granularity::Month => d.checked_add_months(Months::new(1)),
        };
        next.map_or(DateTime::<Utc>::MAX_UTC, |n| self.midnight(n))
    }

    /// The period's name in local time: `2026-11-23`, `2026-W48` or `2026-11`.
    pub fn label(&self, start: DateTime<Utc>) -> String {
        let d = self.local_date(start);
        match self.by {
            Granularity::Day => d.format("%Y-%m-%d").to_string(),
            Granularity::Week => d.format("%G-W%V").to_string(),
            Granularity::Month => d.format("%Y-%m").to_string(),
        }
    }

    /// Reads `--since`/`--until`: `YYYY-MM-DD` (local midnight; with `end_of_day`, the
    /// midnight after it, so that the day is included) or an RFC 3339 time.
    pub fn parse_bound(&self, s: &str, end_of_day: bool) -> Result<DateTime<Utc>, ReportError> {
        if let Ok(t) = DateTime::parse_from_rfc3339(s.trim()) {
            return Ok(t.with_timezone(&Utc));
        }
        let d = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map_err(|_| ReportError::BadDate(s.to_owned()))?;
        let d = if end_of_day {
            d.checked_add_days(Days::new(1))
                .ok_or_else(|| ReportError::BadDate(s.to_owned()))?
        } else {
            d
        };
        Ok(self.midnight(d))
    }
}

/// Reads a fixed offset: `UTC`, `Z`, `+HH:MM`, `-HH:MM` or `+HH`.
pub fn parse_offset(s: &str) -> Result<FixedOffset, ReportError> {
    let bad = || ReportError::BadTimeZone(s.to_owned());
    let t = s.trim();
    if t.eq_ignore_ascii_case("utc") || t == "Z" {
        return FixedOffset::east_opt(0).ok_or_else(bad);
    }
    let (sign, rest) = match t.as_bytes().first() {
        Some(b'+') => (1, &t[1..]),
        Some(b'-') => (-1, &t[1..]),
        _ => return Err(bad()),
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
    let digits = |x: &str| !x.is_empty() && x.len() <= 2 && x.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return Err(bad());
    }
    let h: i32 = h.parse().map_err(|_| bad())?;
    let m: i32 = m.parse().map_err(|_| bad())?;
    if h > 23 || m > 59 {
        return Err(bad());
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60)).ok_or_else(bad)
}

/// One period of the trend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodRow {
    /// Calendar start of the period.
    pub start: DateTime<Utc>,
    /// Calendar end (the next period's start).
    pub end: DateTime<Utc>,
    /// Its name, e.g. `2026-11`.
    pub label: String,
    /// Tickets created in the period (within the window).
    pub created: usize,
    /// Moves from a state in progress to a finished one in the period.
    pub finished: usize,
    /// Moves from a finished state back to one in progress in the period.
    pub reopened: usize,
    /// Tickets in progress at the period's end (or the window's end, if earlier).
    pub backlog: usize,
    /// Tickets in a finished state at the same instant.
    pub finished_total: usize,
}

/// One row of the creation-period × state matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreationRow {
    /// Calendar start of the creation period.
    pub start: DateTime<Utc>,
    /// Its name.
    pub label: String,
    /// Tickets created then, per state at the window's end.
    pub counts: PerState,
    /// Row total.
    pub total: usize,
    /// The elucidation ratio of the row.
    pub elucidation: Ratio,
}

/// A ratio with its parts, so that it can be checked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ratio {
    /// Numerator.
    pub numerator: usize,
    /// Denominator.
    pub denominator: usize,
}

impl Eq for Ratio {}

impl Ratio {
    /// The value, or `None` when the denominator is zero.
    pub fn value(&self) -> Option<f64> {
        share(self.numerator, self.denominator)
    }

    /// mod_tracker's elucidation ratio: finished other than ABANDONNED ÷ all but ABANDONNED.
    pub fn elucidation(counts: &PerState) -> Self {
        let total: usize = counts.iter().sum();
        let abandoned = counts[state_index(State::Abandonned)];
        let numerator = State::ALL
            .iter()
            .zip(counts)
            .filter(|(s, _)| s.is_finished() && **s != State::Abandonned)
            .map(|(_, n)| n)
            .sum();
        Self {
            numerator,
            denominator: total - abandoned,
        }
    }
}

/// `report trend` (R51).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trend {
    /// The window's effective start (`--since`, else the start of the first ticket's period);
    /// `None` when there is nothing to show.
    pub since: Option<DateTime<Utc>>,
    /// Tickets in progress at `since`.
    pub backlog_at_start: usize,
    /// Tickets finished at `since`.
    pub finished_at_start: usize,
    /// The periods, oldest first.
    pub periods: Vec<PeriodRow>,
    /// The cohort by creation period × state at the window's end (periods with no ticket
    /// are left out).
    pub by_creation: Vec<CreationRow>,
    /// The elucidation ratio of the whole cohort.
    pub elucidation: Ratio,
}

/// Replays the transitions of `existing` over the periods of `window`.
pub fn trend(
    sel: &Selection<'_>,
    window: &Window,
    calendar: &Calendar,
) -> Result<Trend, ReportError> {
    let until = window.until;
    let since = window.since.or_else(|| {
        sel.existing
            .iter()
            .map(|h| h.created)
            .min()
            .map(|t| calendar.floor(t))
    });
    let cohort_counts = states(&sel.cohort, until);
    let Some(since) = since else {
        return Ok(Trend {
            since: None,
            backlog_at_start: 0,
            finished_at_start: 0,
            periods: Vec::new(),
            by_creation: Vec::new(),
            elucidation: Ratio::elucidation(&cohort_counts.counts),
        });
    };
    let mut periods = Vec::new();
    let mut start = calendar.floor(since);
    while start < until {
        if periods.len() == MAX_PERIODS {
            return Err(ReportError::TooManyPeriods { limit: MAX_PERIODS });
        }
        let end = calendar.next(start);
        periods.push(PeriodRow {
            start,
            end,
            label: calendar.label(start),
            created: 0,
            finished: 0,
            reopened: 0,
            backlog: 0,
            finished_total: 0,
        });
        start = end;
    }
    let index = |t: DateTime<Utc>| periods.partition_point(|p| p.end <= t);
    let in_window = |t: DateTime<Utc>| since <= t && t < until;
    let mut created = vec![0usize; periods.len()];
    let mut finished = vec![0usize; periods.len()];
    let mut reopened = vec![0usize; periods.len()];
    let mut backlog_at_start = 0;
    let mut finished_at_start = 0;
    for h in &sel.existing {
        match h.state_at(since) {
            Some(s) if s.is_finished() => finished_at_start += 1,
            Some(_) => backlog_at_start += 1,
            None => {}
        }
        if in_window(h.created) {
            created[index(h.created)] += 1;
        }
        for pair in h.states.windows(2) {
            let (before, after) = (pair[0].value, pair[1].value);
            if !in_window(pair[1].at) || before.is_finished() == after.is_finished() {
                continue;
            }
            if after.is_finished() {
                finished[index(pair[1].at)] += 1;
            } else {
                reopened[index(pair[1].at)] += 1;
            }
        }
    }
    let mut backlog = backlog_at_start;
    let mut done = finished_at_start;
    for (i, p) in periods.iter_mut().enumerate() {
        p.created = created[i];
        p.finished = finished[i];
        p.reopened = reopened[i];
        backlog = backlog + p.created + p.reopened - p.finished;
        done = done + p.finished - p.reopened;
        p.backlog = backlog;
        p.finished_total = done;
    }
    let mut rows: BTreeMap<DateTime<Utc>, PerState> = BTreeMap::new();
    for h in &sel.cohort {
        if let Some(s) = h.state_at(until) {
            rows.entry(calendar.floor(h.created)).or_insert([0; 10])[state_index(s)] += 1;
        }
    }
    let by_creation = rows
        .into_iter()
        .map(|(start, counts)| CreationRow {
            start,
            label: calendar.label(start),
            total: counts.iter().sum(),
            elucidation: Ratio::elucidation(&counts),
            counts,
        })
        .collect();
    Ok(Trend {
        since: Some(since),
        backlog_at_start,
        finished_at_start,
        periods,
        by_creation,
        elucidation: Ratio::elucidation(&cohort_counts.counts),
    })
}

/// A duration measured on one ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// The end was reached: the duration, in seconds.
    Done(i64),
    /// Not reached by the window's end: the time elapsed so far, in seconds (a lower bound).
    Censored(i64),
}

/// count, mean, median, p90 of the completed durations, plus the censored ones.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Completed durations.
    pub count: usize,
    /// Their mean, in seconds.
    pub mean: Option<f64>,
    /// Their median, in seconds (the mean of the two middle values when `count` is even).
    pub median: Option<f64>,
    /// Their 90th percentile, nearest rank: the value at rank ⌈0.9 × count⌉.
    pub p90: Option<i64>,
    /// Durations not completed by the window's end.
    pub censored: usize,
    /// The longest time elapsed so far among them, in seconds.
    pub censored_longest: Option<i64>,
}

impl Eq for Summary {}

impl Summary {
    /// Summarises measures.
    pub fn of(measures: impl IntoIterator<Item = Measure>) -> Self {
        let mut done = Vec::new();
        let mut censored = Vec::new();
        for m in measures {
            match m {
                Measure::Done(d) => done.push(d),
                Measure::Censored(d) => censored.push(d),
            }
        }
        done.sort_unstable();
        let n = done.len();
        let mean = (n > 0).then(|| done.iter().map(|&d| d as f64).sum::<f64>() / n as f64);
        let median = (n > 0).then(|| {
            if n % 2 == 1 {
                done[n / 2] as f64
            } else {
                (done[n / 2 - 1] as f64 + done[n / 2] as f64) / 2.0
            }
        });
        // Nearest rank: ⌈0.9 n⌉, computed in integers as (9n + 9) / 10.
        let p90 = (n > 0).then(|| done[(9 * n).div_ceil(10) - 1]);
        Self {
            count: n,
            mean,
            median,
            p90,
            censored: censored.len(),
            censored_longest: censored.into_iter().max(),
        }
    }
}

fn seconds(from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    (to - from).num_seconds().max(0)
}

/// Time to first response: from creation to the first state other than POSTED.
pub fn first_response(h: &History, until: DateTime<Utc>) -> Measure {
    match h
        .states_before(until)
        .iter()
        .find(|s| s.value != State::Posted)
    {
        Some(s) => Measure::Done(seconds(h.created, s.at)),
        None => Measure::Censored(seconds(h.created, until)),
    }
}

/// Time to resolution: from creation to the start of the finished spell the ticket is in at
/// `until` (after a reopening, the later resolution counts). Censored when it is in progress.
pub fn resolution(h: &History, until: DateTime<Utc>) -> Measure {
    let seen = h.states_before(until);
    match seen.last() {
        Some(last) if last.value.is_finished() => {
            let spell = seen
                .iter()
                .rposition(|s| !s.value.is_finished())
                .map_or(0, |i| i + 1);
            Measure::Done(seconds(h.created, seen[spell].at))
        }
        _ => Measure::Censored(seconds(h.created, until)),
    }
}

/// The stays of a ticket in each state up to `until`: consecutive entries with the same state
/// make one stay; the stay still running at `until` is censored.
pub fn stays(h: &History, until: DateTime<Utc>) -> Vec<(State, Measure)> {
    let seen = h.states_before(until);
    let mut out = Vec::new();
    let mut i = 0;
    while i < seen.len() {
        let mut j = i + 1;
        while j < seen.len() && seen[j].value == seen[i].value {
            j += 1;
        }
        let m = match seen.get(j) {
            Some(next) => Measure::Done(seconds(seen[i].at, next.at)),
            None => Measure::Censored(seconds(seen[i].at, until)),
        };
        out.push((seen[i].value, m));
        i = j;
    }
    out
}

/// The two delays of a group of tickets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DelayGroup {
    /// Time to resolution.
    pub resolution: Summary,
    /// Time to first response.
    pub first_response: Summary,
}

impl DelayGroup {
    fn of(tickets: &[&History], until: DateTime<Utc>) -> Self {
        Self {
            resolution: Summary::of(tickets.iter().map(|h| resolution(h, until))),
            first_response: Summary::of(tickets.iter().map(|h| first_response(h, until))),
        }
    }
}

/// `report delays` (R52).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delays {
    /// Every ticket of the cohort.
    pub overall: DelayGroup,
    /// By assignee at the window's end, sorted by lower-cased email, unassigned last.
    pub by_assignee: Vec<(Option<Person>, DelayGroup)>,
    /// By priority band (positions 1–10, 11–50, 51+, unranked), see [`measured_positions`].
    pub by_priority: Vec<(Band, DelayGroup)>,
    /// Time spent in each state, in [`State::ALL`] order.
    pub time_in_state: Vec<(State, Summary)>,
}

/// When a ticket's delay to resolution is measured: the start of the finished spell it is in
/// at `until`, else `until`.
fn measured_at(h: &History, until: DateTime<Utc>) -> DateTime<Utc> {
    let seen = h.states_before(until);
    match seen.last() {
        Some(last) if last.value.is_finished() => {
            let spell = seen
                .iter()
                .rposition(|s| !s.value.is_finished())
                .map_or(0, |i| i + 1);
            seen[spell].at
        }
        _ => until,
    }
}

/// The position in the ranking (R25) each ticket of `cohort` had when its delay to resolution
/// is measured (`measured_at`: just before it was finished, or at `until`), among the
/// tickets of `all`: 1 + the number of tickets ranked then whose `(key, id)` comes before its
/// own, each ticket's key being the one of its last rank entry strictly before that instant.
/// `None`: not ranked then. One sweep over every rank entry in time order, counting with a
/// Fenwick tree over the keys that occur: O((entries + tickets) log entries).
pub fn measured_positions(
    all: &[History],
    cohort: &[&History],
    until: DateTime<Utc>,
) -> std::collections::HashMap<TicketId, Option<u64>> {
    let mut universe: Vec<(&Rank, &TicketId)> = all
        .iter()
        .flat_map(|h| {
            h.ranks
                .iter()
                .filter_map(|r| r.value.as_ref().map(|k| (k, &h.id)))
        })
        .collect();
    universe.sort();
    universe.dedup();
    let slot = |k: &Rank, id: &TicketId| universe.binary_search(&(k, id)).ok();
    let mut changes: Vec<(DateTime<Utc>, usize, Option<usize>)> = Vec::new();
    for (i, h) in all.iter().enumerate() {
        for r in &h.ranks {
            changes.push((r.at, i, r.value.as_ref().and_then(|k| slot(k, &h.id))));
        }
    }
    // Stable: one ticket's entries keep their order at equal times.
    changes.sort_by_key(|c| c.0);
    let index: std::collections::HashMap<&TicketId, usize> =
        all.iter().enumerate().map(|(i, h)| (&h.id, i)).collect();
    let mut queries: Vec<(DateTime<Utc>, &TicketId)> = cohort
        .iter()
        .map(|h| (measured_at(h, until), &h.id))
        .collect();
    queries.sort();
    let mut tree = vec![0i64; universe.len() + 1];
    let add = |tree: &mut Vec<i64>, at: usize, d: i64| {
        let mut i = at + 1;
        while i < tree.len() {
            tree[i] += d;
            i += i & i.wrapping_neg();
        }
    };
    let below = |tree: &Vec<i64>, at: usize| {
        let (mut i, mut n) = (at, 0);
        while i > 0 {
            n += tree[i];
            i -= i & i.wrapping_neg();
        }
        n
    };
    let mut current: Vec<Option<usize>> = vec![None; all.len()];
    let mut next = 0;
    let mut out = std::collections::HashMap::new();
    for (t, id) in queries {
        while next < changes.len() && changes[next].0 < t {
            let (_, i, value) = changes[next];
            if let Some(old) = current[i] {
                add(&mut tree, old, -1);
            }
            if let Some(new) = value {
                add(&mut tree, new, 1);
            }
            current[i] = value;
            next += 1;
        }
        let position = index
            .get(id)
            .and_then(|i| current[*i])
            .map(|s| u64::try_from(below(&tree, s)).unwrap_or(0) + 1);
        out.insert(id.clone(), position);
    }
    out
}

/// The delays of the cohort as of `until`; the priority bands count positions among `all`
/// (see [`measured_positions`]).
pub fn delays(cohort: &[&History], all: &[History], until: DateTime<Utc>) -> Delays {
    let mut ordered: Vec<&History> = cohort.to_vec();
    ordered.sort_by_key(|h| (h.created, h.number));
    let positions = measured_positions(all, cohort, until);
    let mut by_assignee = ByPerson::new();
    let mut by_priority: BTreeMap<Band, Vec<&History>> = BTreeMap::new();
    let mut per_state: Vec<Vec<Measure>> = vec![Vec::new(); 10];
    for h in &ordered {
        let a = h.assignee_at(until).flatten();
        by_assignee
            .entry(person_key(a))
            .or_insert_with(|| (a.cloned(), Vec::new()))
            .1
            .push(h);
        by_priority
            .entry(Band::of(positions.get(&h.id).copied().flatten()))
            .or_default()
            .push(h);
        for (s, m) in stays(h, until) {
            per_state[state_index(s)].push(m);
        }
    }
    Delays {
        overall: DelayGroup::of(&ordered, until),
        by_assignee: by_assignee
            .into_values()
            .map(|(p, hs)| (p, DelayGroup::of(&hs, until)))
            .collect(),
        by_priority: by_priority
            .into_iter()
            .map(|(band, hs)| (band, DelayGroup::of(&hs, until)))
            .collect(),
        time_in_state: State::ALL
            .into_iter()
            .zip(per_state)
            .map(|(s, ms)| (s, Summary::of(ms)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, EventId};

    /// 2026-01-01T00:00:00Z, a Thursday.
    const T0: i64 = 1_767_225_600;
    const HOUR: i64 = 3600;
    const DAY: i64 = 24 * HOUR;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(T0 + secs, 0).unwrap()
    }

    /// Builds a ticket from `(seconds after T0, event fields)` steps, created at `created`.
    /// Events are written as TOML and parsed, as the store reads them.
    struct Builder {
        n: u8,
        created: i64,
        assignee: Option<&'static str>,
        steps: Vec<(i64, String)>,
    }

    fn ticket(n: u8, created: i64) -> Builder {
        Builder {
            n,
            created,
            assignee: None,
            steps: Vec::new(),
        }
    }

    fn person_toml(key: &str, who: &str) -> String {
        format!(
            "[{key}]\nname = \"{who}\"\nemail = \"{}@example.com\"\n",
            who.to_lowercase()
        )
    }

    impl Builder {
        fn to(mut self, secs: i64, s: State) -> Self {
            let body = format!("kind = \"state\"\nfrom = \"POSTED\"\nto = \"{s}\"\n");
            self.steps.push((secs, body));
            self
        }
        fn assign(mut self, secs: i64, who: &str) -> Self {
            let body = format!("kind = \"assign\"\n{}", person_toml("assignee", who));
            self.steps.push((secs, body));
            self
        }
        fn field(mut self, secs: i64, name: &str, value: &str) -> Self {
            let body = format!("kind = \"field\"\nname = \"{name}\"\nvalue = \"{value}\"\n");
            self.steps.push((secs, body));
            self
        }
        fn rank(mut self, secs: i64, key: &str) -> Self {
            let body = format!("kind = \"priority\"\nrank = \"{key}\"\nmove = \"top\"\n");
            self.steps.push((secs, body));
            self
        }
        fn assigned(mut self, who: &'static str) -> Self {
            self.assignee = Some(who);
            self
        }
        fn build(self) -> History {
            let n = u64::from(self.n);
            History::new(&self.fold(), n)
        }
        fn fold(self) -> Ticket {
            let tid = TicketId::from_random([self.n; 16]);
            let ev = |k: u8, lamport: usize, secs: i64, body: &str| {
                // Tables (author, assignee) go last in TOML.
                let (fields, tables) = body
                    .split_once('[')
                    .map_or((body, String::new()), |(f, t)| (f, format!("[{t}")));
                let text = format!(
                    "version = 1\n{fields}lamport = {lamport}\nparents = []\nat = \"{}\"\n{tables}\n{}",
                    at(secs).to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    person_toml("author", "Ann"),
                );
                Event::from_toml(tid.clone(), EventId::from_random([k; 16]), text.as_bytes())
                    .unwrap_or_else(|e| panic!("{e}: {text}"))
            };
            let mut create = format!("kind = \"create\"\nnumber = {}\ntitle = \"t\"\n", self.n);
            if let Some(a) = self.assignee {
                create += &person_toml("assignee", a);
            }
            let mut events = vec![ev(0, 1, self.created, &create)];
            for (i, (secs, body)) in self.steps.iter().enumerate() {
                let k = u8::try_from(i + 1).unwrap();
                events.push(ev(k, i + 2, *secs, body));
            }
            Ticket::fold(events).unwrap()
        }
    }

    /// R25: each ticket's band is its position just before it was finished (or at the end of
    /// the window), counted among the tickets ranked at that moment.
    #[test]
    fn delays_per_priority_use_the_position_when_the_delay_is_measured() {
        let h = vec![
            // Ranked first, finished on day 3: position 1 then (ticket 2 ranked after it).
            ticket(1, 0)
                .rank(HOUR, "V")
                .to(3 * DAY, State::Resolved)
                .build(),
            // Ranked on day 1 after 1; on day 4, with 1 finished, it is first.
            ticket(2, 0)
                .rank(DAY, "W")
                .to(4 * DAY, State::Resolved)
                .build(),
            // Still open at the end, ranked before everything: position 1 at the end.
            ticket(3, 0).rank(2 * DAY, "A").build(),
            // Never ranked.
            ticket(4, 0).to(DAY, State::Resolved).build(),
            // Ranked, then finished and reopened (leaving the ranking): unranked at the end.
            ticket(5, 0)
                .rank(HOUR, "X")
                .to(2 * DAY, State::Resolved)
                .to(5 * DAY, State::Open)
                .build(),
        ];
        let (sel, w) = all(&h, 20 * DAY);
        let pos = measured_positions(&h, &sel.cohort, w.until);
        let of = |n: u8| pos[&TicketId::from_random([n; 16])];
        // Day 3: 1 (V), 2 (W) and 3 (A) ranked, 5 finished: 1 is second.
        assert_eq!(of(1), Some(2));
        // Day 4: 2 (W) and 3 (A): 2 is second.
        assert_eq!(of(2), Some(2));
        assert_eq!(of(3), Some(1));
        assert_eq!((of(4), of(5)), (None, None));
        let d = delays(&sel.cohort, &h, w.until);
        let bands: Vec<(Band, usize)> = d
            .by_priority
            .iter()
            .map(|(b, g)| (*b, g.first_response.count + g.first_response.censored))
            .collect();
        assert_eq!(bands, [(Band::Top, 3), (Band::Unranked, 2)]);
    }

    /// Issue 8: without --since, tickets with an event dated before the branch's first
    /// commit are left out (and counted); the others are kept as they are.
    #[test]
    fn the_default_window_leaves_out_tickets_dated_before_the_first_commit() {
        let first = at(DAY);
        let tickets = vec![
            ticket(1, 2 * DAY).to(3 * DAY, State::Open).fold(),
            ticket(2, -1).fold(),
            ticket(3, DAY).to(DAY - 1, State::Open).fold(),
            ticket(4, DAY).to(DAY, State::Open).fold(),
        ];
        let (kept, left_out) = dated_from(tickets.clone(), first);
        assert_eq!(left_out, 2);
        let numbers: Vec<u64> = kept.iter().map(|t| t.number).collect();
        assert_eq!(numbers, [1, 4]);
        let (all, none) = dated_from(tickets, at(-1));
        assert_eq!((all.len(), none), (4, 0));
    }

    /// Four tickets:
    /// 1. created day 0, OPEN at +1h, RESOLVED day 2, reopened (OPEN) day 10, RESOLVED day 12;
    ///    assigned to Bob at creation.
    /// 2. created day 1, TRANSFERED day 3; reassigned from Bob to Cy on day 2.
    /// 3. created day 5, OPEN day 6, still open at the end.
    /// 4. created day 8, ABANDONNED day 9, unassigned.
    fn sample() -> Vec<History> {
        vec![
            ticket(1, 0)
                .assigned("Bob")
                .to(HOUR, State::Open)
                .to(2 * DAY, State::Resolved)
                .to(10 * DAY, State::Open)
                .to(12 * DAY, State::Resolved)
                .build(),
            ticket(2, DAY)
                .assigned("Bob")
                .assign(2 * DAY, "Cy")
                .to(3 * DAY, State::Transfered)
                .build(),
            ticket(3, 5 * DAY).to(6 * DAY, State::Open).build(),
            ticket(4, 8 * DAY).to(9 * DAY, State::Abandonned).build(),
        ]
    }

    fn all(h: &[History], until: i64) -> (Selection<'_>, Window) {
        let w = Window::new(None, at(until)).unwrap();
        (select(h, &Filter::default(), &w), w)
    }

    #[test]
    fn states_are_replayed_at_the_window_end() {
        let h = sample();
        // Day 20: 1 RESOLVED, 2 TRANSFERED, 3 OPEN, 4 ABANDONNED.
        let (sel, w) = all(&h, 20 * DAY);
        let s = states(&sel.cohort, w.until);
        assert_eq!(s.total, 4);
        assert_eq!(s.count(State::Resolved), 1);
        assert_eq!(s.count(State::Open), 1);
        assert_eq!((s.in_progress(), s.finished()), (1, 3));
        assert_eq!(share(s.finished(), s.total), Some(0.75));
        // Day 11: ticket 1 was reopened, ticket 4 not created... yes it was (day 8).
        let (sel, w) = all(&h, 11 * DAY);
        let s = states(&sel.cohort, w.until);
        assert_eq!(s.count(State::Open), 2);
        assert_eq!(s.count(State::Resolved), 0);
        // An event at exactly `until` does not count yet: the window is half-open.
        let (sel, w) = all(&h, 12 * DAY);
        assert_eq!(states(&sel.cohort, w.until).count(State::Resolved), 0);
    }

    #[test]
    fn people_matrices_follow_assignments_and_have_an_unassigned_row() {
        let h = sample();
        let (sel, w) = all(&h, 20 * DAY);
        let p = people(&sel.cohort, w.until);
        let names: Vec<Option<&str>> = p
            .assignees
            .iter()
            .map(|r| r.person.as_ref().map(|p| p.name.as_str()))
            .collect();
        // Ticket 2 was transferred from Bob to Cy: it counts for Cy.
        assert_eq!(names, [Some("Bob"), Some("Cy"), None]);
        assert_eq!(p.assignees[0].counts[State::Resolved.rank()], 1);
        assert_eq!(p.assignees[1].counts[State::Transfered.rank()], 1);
        assert_eq!(p.assignees[2].total, 2);
        assert_eq!(p.reporters.len(), 1);
        assert_eq!(p.reporters[0].total, 4);
        // Before the reassignment, Bob had both.
        let (sel, w) = all(&h, 2 * DAY);
        let p = people(&sel.cohort, w.until);
        assert_eq!(p.assignees.len(), 1);
        assert_eq!(p.assignees[0].total, 2);
    }

    #[test]
    fn trend_replays_each_period_and_counts_reopenings() {
        let h = sample();
        let w = Window::new(Some(at(0)), at(14 * DAY)).unwrap();
        let sel = select(&h, &Filter::default(), &w);
        let t = trend(&sel, &w, &Calendar::utc(Granularity::Week)).unwrap();
        // 2026-01-01 is a Thursday: weeks start Mon 2025-12-29, 2026-01-05, 2026-01-12.
        let labels: Vec<&str> = t.periods.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["2026-W01", "2026-W02", "2026-W03"]);
        assert_eq!(t.periods[0].start, at(-3 * DAY));
        let rows: Vec<(usize, usize, usize, usize)> = t
            .periods
            .iter()
            .map(|p| (p.created, p.finished, p.reopened, p.backlog))
            .collect();
        // Week 1 (days -3..4): 1 and 2 created, both finished: backlog 0.
        // Week 2 (days 4..11): 3 and 4 created, 4 abandoned, 1 reopened day 10: backlog 2.
        // Week 3 (days 11..14, cut at the window's end): 1 resolved again day 12: backlog 1.
        assert_eq!(rows, [(2, 2, 0, 0), (2, 1, 1, 2), (0, 1, 0, 1)]);
        assert_eq!(t.backlog_at_start, 0);
        // Elucidation: 1 RESOLVED + 2 TRANSFERED of 3 not abandoned (3 is OPEN).
        assert_eq!(
            t.elucidation,
            Ratio {
                numerator: 2,
                denominator: 3
            }
        );
        // The backlog identity agrees with a direct replay at each period end.
        for p in &t.periods {
            let direct = sel
                .existing
                .iter()
                .filter(|x| {
                    x.state_at(p.end.min(w.until))
                        .is_some_and(|s| !s.is_finished())
                })
                .count();
            assert_eq!(p.backlog, direct, "{}", p.label);
            let done = sel
                .existing
                .iter()
                .filter(|x| {
                    x.state_at(p.end.min(w.until))
                        .is_some_and(State::is_finished)
                })
                .count();
            assert_eq!(p.finished_total, done, "{}", p.label);
        }
    }

    #[test]
    fn trend_starts_with_the_backlog_before_since_and_groups_by_creation() {
        let h = sample();
        // From day 5 on: ticket 1 (RESOLVED) and 2 (TRANSFERED) are older and finished.
        let w = Window::new(Some(at(5 * DAY)), at(20 * DAY)).unwrap();
        let sel = select(&h, &Filter::default(), &w);
        assert_eq!(sel.existing.len(), 4);
        assert_eq!(sel.cohort.len(), 2);
        let t = trend(&sel, &w, &Calendar::utc(Granularity::Month)).unwrap();
        assert_eq!(t.backlog_at_start, 0);
        assert_eq!(t.periods.len(), 1);
        let p = &t.periods[0];
        // Created: 3, 4. Finished: 4 (day 9), 1 (day 12). Reopened: 1 (day 10).
        assert_eq!((p.created, p.finished, p.reopened, p.backlog), (2, 2, 1, 1));
        assert_eq!(t.by_creation.len(), 1);
        assert_eq!(t.by_creation[0].counts[State::Open.rank()], 1);
        assert_eq!(t.by_creation[0].counts[State::Abandonned.rank()], 1);
        assert_eq!(t.by_creation[0].elucidation.value(), Some(0.0));
    }

    #[test]
    fn an_empty_window_has_zero_counts_and_no_ratio() {
        let h = sample();
        let w = Window::new(Some(at(100 * DAY)), at(102 * DAY)).unwrap();
        let sel = select(&h, &Filter::default(), &w);
        assert!(sel.cohort.is_empty());
        let t = trend(&sel, &w, &Calendar::utc(Granularity::Day)).unwrap();
        assert_eq!(t.periods.len(), 2);
        assert!(t
            .periods
            .iter()
            .all(|p| p.created == 0 && p.finished == 0 && p.backlog == 1));
        assert_eq!(t.elucidation.value(), None);
        assert_eq!(states(&sel.cohort, w.until).total, 0);
        let d = delays(&sel.cohort, &h, w.until);
        assert_eq!(d.overall.resolution.count, 0);
        assert_eq!(d.overall.resolution.median, None);
        // No tickets at all and no --since: no periods.
        let none: Vec<History> = Vec::new();
        let (sel, w) = all(&none, DAY);
        let t = trend(&sel, &w, &Calendar::utc(Granularity::Day)).unwrap();
        assert!(t.periods.is_empty());
        assert!(Window::new(Some(at(DAY)), at(DAY)).is_err());
    }

    #[test]
    fn delays_measure_reopened_tickets_to_their_last_resolution_and_censor_open_ones() {
        let h = sample();
        let (sel, w) = all(&h, 20 * DAY);
        let d = delays(&sel.cohort, &h, w.until);
        // Resolution: 1 → day 12 (after reopening), 2 → 2 days, 4 → 1 day; 3 censored (15 days).
        let r = &d.overall.resolution;
        assert_eq!(r.count, 3);
        assert_eq!(r.median, Some((2 * DAY) as f64));
        assert_eq!(r.mean, Some((15 * DAY) as f64 / 3.0));
        assert_eq!(r.p90, Some(12 * DAY));
        assert_eq!((r.censored, r.censored_longest), (1, Some(15 * DAY)));
        // First response: 1 h, 2 days, 1 day, 1 day.
        let f = &d.overall.first_response;
        assert_eq!(f.count, 4);
        assert_eq!(f.median, Some(DAY as f64));
        assert_eq!(f.p90, Some(2 * DAY));
        assert_eq!(f.censored, 0);
        // By assignee: Bob (1), Cy (2), unassigned (3, 4).
        let who: Vec<Option<&str>> = d
            .by_assignee
            .iter()
            .map(|(p, _)| p.as_ref().map(|p| p.name.as_str()))
            .collect();
        assert_eq!(who, [Some("Bob"), Some("Cy"), None]);
        assert_eq!(d.by_assignee[1].1.resolution.median, Some((2 * DAY) as f64));
        assert_eq!(d.by_assignee[2].1.resolution.count, 1);
        assert_eq!(d.by_assignee[2].1.resolution.censored, 1);
        assert_eq!(d.by_priority.len(), 1);
        assert_eq!(d.by_priority[0].0, Band::Unranked);
        // Time in OPEN: ticket 1 stayed 47 h then 2 days; 3 is still OPEN (censored, 14 days).
        let open = &d.time_in_state[State::Open.rank()].1;
        assert_eq!(open.count, 2);
        assert_eq!(open.censored, 1);
        assert_eq!(open.censored_longest, Some(14 * DAY));
        // RESOLVED: ticket 1's first stay lasted 8 days, its second is still running.
        let resolved = &d.time_in_state[State::Resolved.rank()].1;
        assert_eq!((resolved.count, resolved.censored), (1, 1));
        assert_eq!(resolved.mean, Some((8 * DAY) as f64));
        // Halfway, at day 11, ticket 1 is reopened: its resolution is censored.
        let (sel, w) = all(&h, 11 * DAY);
        let r = delays(&sel.cohort, &h, w.until).overall.resolution;
        assert_eq!((r.count, r.censored), (2, 2));
    }

    #[test]
    fn summary_uses_nearest_rank_percentiles() {
        let s = Summary::of((1..=10).map(Measure::Done));
        assert_eq!(s.p90, Some(9));
        assert_eq!(s.median, Some(5.5));
        let s = Summary::of((1..=11).map(Measure::Done));
        assert_eq!(s.p90, Some(10));
        assert_eq!(s.median, Some(6.0));
        let s = Summary::of([Measure::Done(7)]);
        assert_eq!((s.p90, s.median, s.mean), (Some(7), Some(7.0), Some(7.0)));
        let s = Summary::of([Measure::Censored(7)]);
        assert_eq!((s.count, s.mean, s.censored), (0, None, 1));
    }

    #[test]
    fn effective_times_never_run_backwards() {
        // A transition stamped before the creation (a clone with a slow clock) counts at the
        // creation time, so durations are never negative.
        let h = ticket(1, DAY).to(0, State::Open).build();
        assert_eq!(h.states[1].at, at(DAY));
        assert_eq!(first_response(&h, at(2 * DAY)), Measure::Done(0));
    }

    #[test]
    fn filters_judge_the_ticket_at_the_window_end() {
        let h = sample();
        let w = Window::new(None, at(20 * DAY)).unwrap();
        let f = Filter {
            assignee: Some(Some("CY@example.com".into())),
            ..Filter::default()
        };
        assert_eq!(select(&h, &f, &w).cohort.len(), 1);
        let f = Filter {
            assignee: Some(None),
            states: vec![State::Open],
            ..Filter::default()
        };
        let sel = select(&h, &f, &w);
        assert_eq!(sel.cohort.iter().map(|h| h.number).collect::<Vec<_>>(), [3]);
        let f = Filter {
            reporter: Some("nobody@example.com".into()),
            ..Filter::default()
        };
        assert!(select(&h, &f, &w).existing.is_empty());
    }

    #[test]
    fn field_filters_use_the_value_at_the_window_end() {
        let h = vec![
            ticket(1, 0)
                .field(HOUR, "severity", "high")
                .field(3 * DAY, "severity", "low")
                .build(),
            ticket(2, 0).field(HOUR, "severity", "high").build(),
            ticket(3, 0)
                .field(HOUR, "severity", "high")
                .field(2 * HOUR, "severity", "")
                .build(),
        ];
        let high = Filter {
            fields: vec![("severity".into(), "high".into())],
            ..Filter::default()
        };
        let numbers = |until: i64, f: &Filter| -> Vec<u64> {
            let w = Window::new(None, at(until)).unwrap();
            select(&h, f, &w).cohort.iter().map(|h| h.number).collect()
        };
        assert_eq!(numbers(DAY, &high), [1, 2]);
        assert_eq!(numbers(4 * DAY, &high), [2]);
        let unset = Filter {
            fields: vec![("severity".into(), String::new())],
            ..Filter::default()
        };
        assert_eq!(numbers(DAY, &unset), [3]);
        assert_eq!(numbers(HOUR, &unset), [1, 2, 3]);
    }

    #[test]
    fn calendars_in_utc_and_with_an_offset() {
        let c = Calendar::utc(Granularity::Month);
        assert_eq!(c.floor(at(40 * DAY)), at(31 * DAY));
        assert_eq!(c.next(at(0)), at(31 * DAY));
        assert_eq!(c.label(at(31 * DAY)), "2026-02");
        // At +02:00, 2025-12-31T23:00Z is already 2026-01-01 locally.
        let plus2 = Calendar {
            by: Granularity::Day,
            zone: Zone::parse("+02:00").unwrap(),
        };
        assert_eq!(plus2.floor(at(-HOUR)), at(-2 * HOUR));
        assert_eq!(plus2.label(at(-HOUR)), "2026-01-01");
        assert_eq!(
            plus2.parse_bound("2026-01-02", false).unwrap(),
            at(DAY - 2 * HOUR)
        );
        assert_eq!(
            plus2.parse_bound("2026-01-02", true).unwrap(),
            at(2 * DAY - 2 * HOUR)
        );
        assert_eq!(
            c.parse_bound("2026-01-01T05:00:00+01:00", true).unwrap(),
            at(4 * HOUR)
        );
        assert!(c.parse_bound("yesterday", false).is_err());
        for bad in ["Mars/Olympus", "+25:00", "2", "+1:2:3", ""] {
            assert!(Zone::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_offset("-05").unwrap().local_minus_utc(), -5 * 3600);
        assert_eq!(parse_offset("utc").unwrap().local_minus_utc(), 0);
        assert_eq!(Zone::parse("UTC").unwrap(), Zone::utc());
        assert_eq!(
            Zone::parse("Europe/Paris").unwrap().to_string(),
            "Europe/Paris"
        );
    }

    #[test]
    fn named_zones_follow_daylight_saving_time() {
        let paris = |by| Calendar {
            by,
            zone: Zone::parse("Europe/Paris").unwrap(),
        };
        let utc = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        // Winter: UTC+1. Summer: UTC+2. March 2026 changes on Sunday the 29th.
        let march = paris(Granularity::Month).floor(utc("2026-03-15T12:00:00Z"));
        assert_eq!(march, utc("2026-02-28T23:00:00Z"));
        assert_eq!(
            paris(Granularity::Month).next(march),
            utc("2026-03-31T22:00:00Z")
        );
        let day = paris(Granularity::Day);
        assert_eq!(
            day.floor(utc("2026-03-29T12:00:00Z")),
            utc("2026-03-28T23:00:00Z")
        );
        assert_eq!(
            day.next(utc("2026-03-28T23:00:00Z")),
            utc("2026-03-29T22:00:00Z")
        );
        assert_eq!(day.label(utc("2026-07-01T22:30:00Z")), "2026-07-02");
        // A zone whose clocks skipped midnight (Santiago, 2022-09-11 00:00 -> 01:00): the day
        // starts at the first local time that exists.
        let santiago = Calendar {
            by: Granularity::Day,
            zone: Zone::parse("America/Santiago").unwrap(),
        };
        assert_eq!(
            santiago.floor(utc("2022-09-11T12:00:00Z")),
            utc("2022-09-11T04:00:00Z")
        );
    }
}
