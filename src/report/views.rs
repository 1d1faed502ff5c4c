//! JSON view structs of `git tracker report` (R61). Programs rely on these names: change
//! them only with a new `schema_version`. `docs/reports.md` defines every figure.
//!
//! Per-state figures are maps keyed by the upper-case state name, with every state present
//! and in the seed's display order. Times are RFC 3339 UTC; durations are seconds.

use chrono::{DateTime, Utc};
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::model::State;
use crate::report::json::{PersonView, SCHEMA_VERSION};
use crate::report::stats::{
    share, CreationRow, DelayGroup, Delays, People, PeriodRow, PersonRow, Ratio, StateCounts,
    Summary, Trend, Window,
};

/// A value per state, serialized as a map in [`State::ALL`] order.
pub struct PerStateView<T>(pub Vec<(State, T)>);

impl<T: Serialize> Serialize for PerStateView<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k.name(), v)?;
        }
        map.end()
    }
}

fn per_state(counts: &[usize; 10]) -> PerStateView<usize> {
    PerStateView(State::ALL.iter().map(|s| (*s, counts[s.rank()])).collect())
}

/// What a report covers.
#[derive(serde::Serialize)]
pub struct WindowView {
    /// Start (inclusive), or null: from the first ticket.
    pub since: Option<DateTime<Utc>>,
    /// End (exclusive): the instant states are judged at.
    pub until: DateTime<Utc>,
    /// The time zone periods are cut in: an offset such as `+00:00`, or a zone name.
    pub tz: String,
    /// `day`, `week` or `month`.
    pub by: String,
}

impl WindowView {
    /// The view of a window.
    pub fn new(w: &Window, tz: &crate::report::stats::Zone, by: &str) -> Self {
        Self {
            since: w.since,
            until: w.until,
            tz: tz.to_string(),
            by: by.into(),
        }
    }
}

/// A count and its share of the total.
#[derive(serde::Serialize)]
pub struct CountView {
    /// How many.
    pub count: usize,
    /// `count / total`, or null when the total is 0.
    pub share: Option<f64>,
}

/// `report states`.
#[derive(serde::Serialize)]
pub struct StatesView {
    /// Tickets counted.
    pub total: usize,
    /// State → count.
    pub states: PerStateView<usize>,
    /// State → share of the total (null when the total is 0).
    pub shares: PerStateView<Option<f64>>,
    /// Tickets in progress (POSTED, OPEN, RESOLVING, WAITING, TESTING, PUBLISHED).
    pub in_progress: CountView,
    /// Tickets finished (RESOLVED, ABANDONNED, TRANSFERED, VALIDATED).
    pub finished: CountView,
}

impl From<&StateCounts> for StatesView {
    fn from(s: &StateCounts) -> Self {
        Self {
            total: s.total,
            states: per_state(&s.counts),
            shares: PerStateView(
                State::ALL
                    .iter()
                    .map(|st| (*st, share(s.count(*st), s.total)))
                    .collect(),
            ),
            in_progress: CountView {
                count: s.in_progress(),
                share: share(s.in_progress(), s.total),
            },
            finished: CountView {
                count: s.finished(),
                share: share(s.finished(), s.total),
            },
        }
    }
}

/// One row of a person × state matrix.
#[derive(serde::Serialize)]
pub struct PersonRowView {
    /// The person, or null for "Unassigned".
    pub person: Option<PersonView>,
    /// State → count.
    pub states: PerStateView<usize>,
    /// Row total.
    pub total: usize,
}

impl From<&PersonRow> for PersonRowView {
    fn from(r: &PersonRow) -> Self {
        Self {
            person: r.person.as_ref().map(Into::into),
            states: per_state(&r.counts),
            total: r.total,
        }
    }
}

/// `report people`.
#[derive(serde::Serialize)]
pub struct PeopleView {
    /// Assignee × state, by email, unassigned last.
    pub assignees: Vec<PersonRowView>,
    /// Reporter × state, by email.
    pub reporters: Vec<PersonRowView>,
    /// Column totals: state → count.
    pub totals: PerStateView<usize>,
    /// Tickets counted.
    pub total: usize,
}

impl From<&People> for PeopleView {
    fn from(p: &People) -> Self {
        Self {
            assignees: p.assignees.iter().map(Into::into).collect(),
            reporters: p.reporters.iter().map(Into::into).collect(),
            totals: per_state(&p.totals.counts),
            total: p.totals.total,
        }
    }
}

/// A ratio with its parts.
#[derive(serde::Serialize)]
pub struct RatioView {
    /// Numerator.
    pub numerator: usize,
    /// Denominator.
    pub denominator: usize,
    /// `numerator / denominator`, or null when the denominator is 0.
    pub value: Option<f64>,
}

impl From<&Ratio> for RatioView {
    fn from(r: &Ratio) -> Self {
        Self {
            numerator: r.numerator,
            denominator: r.denominator,
            value: r.value(),
        }
    }
}

/// One period of the trend.
#[derive(serde::Serialize)]
pub struct PeriodView {
    /// Calendar start of the period.
    pub start: DateTime<Utc>,
    /// Calendar end (exclusive).
    pub end: DateTime<Utc>,
    /// `2026-11-23`, `2026-W48` or `2026-11`, in the report's time zone.
    pub label: String,
    /// Tickets created in the period.
    pub created: usize,
    /// Moves from in progress to finished in the period.
    pub finished: usize,
    /// Moves from finished back to in progress in the period.
    pub reopened: usize,
    /// Tickets in progress at the period's end (or the window's, if earlier).
    pub backlog: usize,
    /// Tickets finished at the same instant.
    pub finished_total: usize,
}

impl From<&PeriodRow> for PeriodView {
    fn from(p: &PeriodRow) -> Self {
        Self {
            start: p.start,
            end: p.end,
            label: p.label.clone(),
            created: p.created,
            finished: p.finished,
            reopened: p.reopened,
            backlog: p.backlog,
            finished_total: p.finished_total,
        }
    }
}

/// One row of the creation-period × state matrix.
#[derive(serde::Serialize)]
pub struct CreationView {
    /// Calendar start of the creation period.
    pub start: DateTime<Utc>,
    /// Its label.
    pub label: String,
    /// State at the window's end → count.
    pub states: PerStateView<usize>,
    /// Row total.
    pub total: usize,
    /// The row's elucidation ratio.
    pub elucidation: RatioView,
}

impl From<&CreationRow> for CreationView {
    fn from(r: &CreationRow) -> Self {
        Self {
            start: r.start,
            label: r.label.clone(),
            states: per_state(&r.counts),
            total: r.total,
            elucidation: (&r.elucidation).into(),
        }
    }
}

/// `report trend`.
#[derive(serde::Serialize)]
pub struct TrendView {
    /// Where counting starts: `--since`, else the start of the first ticket's period; null
    /// when there is no ticket and no `--since`.
    pub since: Option<DateTime<Utc>>,
    /// Tickets in progress at the start of the first period's counting (`window.since`, or
    /// the first period's start).
    pub backlog_at_start: usize,
    /// Tickets finished at the same instant.
    pub finished_at_start: usize,
    /// The periods, oldest first.
    pub periods: Vec<PeriodView>,
    /// Creation period × state at the window's end.
    pub by_creation: Vec<CreationView>,
    /// Finished other than ABANDONNED ÷ all but ABANDONNED, over the tickets created in the
    /// window.
    pub elucidation: RatioView,
}

impl From<&Trend> for TrendView {
    fn from(t: &Trend) -> Self {
        Self {
            since: t.since,
            backlog_at_start: t.backlog_at_start,
            finished_at_start: t.finished_at_start,
            periods: t.periods.iter().map(Into::into).collect(),
            by_creation: t.by_creation.iter().map(Into::into).collect(),
            elucidation: (&t.elucidation).into(),
        }
    }
}

/// Statistics of one delay.
#[derive(serde::Serialize)]
pub struct SummaryView {
    /// Completed durations.
    pub count: usize,
    /// Their mean, in seconds, or null.
    pub mean: Option<f64>,
    /// Their median, in seconds, or null.
    pub median: Option<f64>,
    /// Their 90th percentile (nearest rank), in seconds, or null.
    pub p90: Option<i64>,
    /// Durations still running at the window's end (not in the statistics above).
    pub censored: usize,
    /// The longest of those so far, in seconds, or null.
    pub censored_longest: Option<i64>,
}

impl From<&Summary> for SummaryView {
    fn from(s: &Summary) -> Self {
        Self {
            count: s.count,
            mean: s.mean,
            median: s.median,
            p90: s.p90,
            censored: s.censored,
            censored_longest: s.censored_longest,
        }
    }
}

/// Delays of one assignee.
#[derive(serde::Serialize)]
pub struct AssigneeDelaysView {
    /// The assignee, or null for unassigned tickets.
    pub assignee: Option<PersonView>,
    /// Time to resolution.
    pub resolution: SummaryView,
    /// Time to first response.
    pub first_response: SummaryView,
}

/// Delays of one priority.
#[derive(serde::Serialize)]
pub struct PriorityDelaysView {
    /// The band's first position (1, 11, 51), or null for the unranked.
    pub priority: Option<u64>,
    /// The band: `1-10`, `11-50`, `51+` or `unranked`.
    pub band: &'static str,
    /// Time to resolution.
    pub resolution: SummaryView,
    /// Time to first response.
    pub first_response: SummaryView,
}

/// `report delays`.
#[derive(serde::Serialize)]
pub struct DelaysView {
    /// Time to resolution, all tickets.
    pub resolution: SummaryView,
    /// Time to first response, all tickets.
    pub first_response: SummaryView,
    /// Per assignee at the window's end.
    pub by_assignee: Vec<AssigneeDelaysView>,
    /// Per priority.
    pub by_priority: Vec<PriorityDelaysView>,
    /// State → time spent in it.
    pub time_in_state: PerStateView<SummaryView>,
}

fn parts(g: &DelayGroup) -> (SummaryView, SummaryView) {
    ((&g.resolution).into(), (&g.first_response).into())
}

impl From<&Delays> for DelaysView {
    fn from(d: &Delays) -> Self {
        let (resolution, first_response) = parts(&d.overall);
        Self {
            resolution,
            first_response,
            by_assignee: d
                .by_assignee
                .iter()
                .map(|(p, g)| {
                    let (resolution, first_response) = parts(g);
                    AssigneeDelaysView {
                        assignee: p.as_ref().map(Into::into),
                        resolution,
                        first_response,
                    }
                })
                .collect(),
            by_priority: d
                .by_priority
                .iter()
                .map(|(p, g)| {
                    let (resolution, first_response) = parts(g);
                    PriorityDelaysView {
                        priority: p.first(),
                        band: p.label(),
                        resolution,
                        first_response,
                    }
                })
                .collect(),
            time_in_state: PerStateView(
                d.time_in_state
                    .iter()
                    .map(|(s, sum)| (*s, sum.into()))
                    .collect(),
            ),
        }
    }
}

/// The whole document: `schema_version`, the report kind, the window, then the kind's fields
/// at the top level (or, for `all`, one object per kind).
#[derive(serde::Serialize)]
pub struct ReportView<T: Serialize> {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `states`, `people`, `trend`, `delays` or `all`.
    pub report: String,
    /// What the report covers.
    pub window: WindowView,
    /// The figures.
    #[serde(flatten)]
    pub body: T,
}

impl<T: Serialize> ReportView<T> {
    /// Wraps a kind's figures.
    pub fn new(report: &str, window: WindowView, body: T) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            report: report.into(),
            window,
            body,
        }
    }
}

/// `report all`: every kind.
#[derive(serde::Serialize)]
pub struct AllView {
    /// `report states`'s figures.
    #[serde(rename = "states")]
    pub states_report: StatesView,
    /// `report people`'s.
    pub people: PeopleView,
    /// `report trend`'s.
    pub trend: TrendView,
    /// `report delays`'s.
    pub delays: DelaysView,
}
