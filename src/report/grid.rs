//! The tables of a report, independent of the output format.
//!
//! Each report kind is turned into a few [`Grid`]s here, once; the table, CSV, Markdown and
//! HTML renderers only lay them out. That is what makes every format carry the same numbers.
//! Cells keep their typed value (a count, a share, a duration in seconds), so that CSV can
//! print the exact number and people get a readable one.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use crate::model::{Person, State};
use crate::report::stats::{
    share, DelayGroup, Delays, People, PersonRow, Ratio, StateCounts, Summary, Trend,
};
use crate::text::sanitize_line;

/// One cell of a grid.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text (already free of control characters).
    Text(String),
    /// A count.
    Count(usize),
    /// A fraction between 0 and 1; `None` when undefined (division by zero).
    Share(Option<f64>),
    /// A duration in seconds; `None` when there is nothing to measure.
    Seconds(Option<f64>),
}

impl Cell {
    /// How people read it: `12`, `37.5%`, `2d 3h 4m`, `-` for nothing.
    pub fn human(&self) -> String {
        match self {
            Self::Text(s) => s.clone(),
            Self::Count(n) => n.to_string(),
            Self::Share(Some(f)) => format!("{:.1}%", f * 100.0),
            Self::Seconds(Some(s)) => duration(*s),
            Self::Share(None) | Self::Seconds(None) => "-".into(),
        }
    }

    /// How programs read it: the exact number (shares as fractions, durations in seconds),
    /// empty for nothing.
    pub fn exact(&self) -> String {
        match self {
            Self::Text(s) => s.clone(),
            Self::Count(n) => n.to_string(),
            Self::Share(Some(f)) | Self::Seconds(Some(f)) => f.to_string(),
            Self::Share(None) | Self::Seconds(None) => String::new(),
        }
    }

    /// Whether the cell is a number (right-aligned by renderers).
    pub fn is_numeric(&self) -> bool {
        !matches!(self, Self::Text(_))
    }
}

/// A duration for people, rounded to the second: `3d 4h 5m 6s`, without zero units.
pub fn duration(seconds: f64) -> String {
    let total = seconds.round().max(0.0) as u64;
    if total == 0 {
        return "0s".into();
    }
    let mut out = String::new();
    let parts = [
        ("d", total / 86_400),
        ("h", total % 86_400 / 3_600),
        ("m", total % 3_600 / 60),
        ("s", total % 60),
    ];
    for (unit, value) in parts {
        if value > 0 {
            if !out.is_empty() {
                out.push(' ');
            }
            let _ = write!(out, "{value}{unit}");
        }
    }
    out
}

/// One table of a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// A stable name, used as an anchor in HTML (`states`, `trend-periods`, …).
    pub id: &'static str,
    /// The table's title for people.
    pub title: String,
    /// Column names.
    pub header: Vec<String>,
    /// Rows, each as long as the header.
    pub rows: Vec<Vec<Cell>>,
}

/// A person for a table: `Name <email>`, or `Unassigned`.
pub fn person_label(p: Option<&Person>) -> String {
    p.map_or_else(
        || "Unassigned".into(),
        |p| sanitize_line(&p.to_string()).into_owned(),
    )
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn day(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// `report states`: one row per state, then the two groups and the total.
pub fn states(s: &StateCounts) -> Vec<Grid> {
    let mut rows: Vec<Vec<Cell>> = State::ALL
        .iter()
        .map(|st| {
            let n = s.count(*st);
            vec![
                text(st.name()),
                text(if st.is_finished() {
                    "finished"
                } else {
                    "in progress"
                }),
                Cell::Count(n),
                Cell::Share(share(n, s.total)),
            ]
        })
        .collect();
    for (name, n) in [
        ("IN PROGRESS", s.in_progress()),
        ("FINISHED", s.finished()),
        ("TOTAL", s.total),
    ] {
        rows.push(vec![
            text(name),
            text(""),
            Cell::Count(n),
            Cell::Share(share(n, s.total)),
        ]);
    }
    vec![Grid {
        id: "states",
        title: "Tickets per state".into(),
        header: vec![
            "STATE".into(),
            "GROUP".into(),
            "COUNT".into(),
            "SHARE".into(),
        ],
        rows,
    }]
}

/// The states worth a column: those with at least one ticket.
fn used_states(totals: &StateCounts) -> Vec<State> {
    State::ALL
        .into_iter()
        .filter(|s| totals.count(*s) > 0)
        .collect()
}

fn person_matrix(
    id: &'static str,
    title: &str,
    first: &str,
    rows: &[PersonRow],
    totals: &StateCounts,
) -> Grid {
    let cols = used_states(totals);
    let mut header = vec![first.to_owned()];
    header.extend(cols.iter().map(|s| s.name().to_owned()));
    header.push("TOTAL".into());
    let mut out: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| {
            let mut row = vec![text(person_label(r.person.as_ref()))];
            row.extend(cols.iter().map(|s| Cell::Count(r.counts[s.rank()])));
            row.push(Cell::Count(r.total));
            row
        })
        .collect();
    let mut total = vec![text("TOTAL")];
    total.extend(cols.iter().map(|s| Cell::Count(totals.count(*s))));
    total.push(Cell::Count(totals.total));
    out.push(total);
    Grid {
        id,
        title: title.into(),
        header,
        rows: out,
    }
}

/// `report people`: the assignee × state and reporter × state matrices.
pub fn people(p: &People) -> Vec<Grid> {
    vec![
        person_matrix(
            "people-assignees",
            "Tickets per assignee and state",
            "ASSIGNEE",
            &p.assignees,
            &p.totals,
        ),
        person_matrix(
            "people-reporters",
            "Tickets per reporter and state",
            "REPORTER",
            &p.reporters,
            &p.totals,
        ),
    ]
}

fn ratio_cells(r: &Ratio) -> [Cell; 3] {
    [
        Cell::Count(r.numerator),
        Cell::Count(r.denominator),
        Cell::Share(r.value()),
    ]
}

/// `report trend`: the periods, the creation × state matrix, the elucidation ratio.
pub fn trend(t: &Trend, by: &str) -> Vec<Grid> {
    let periods = Grid {
        id: "trend-periods",
        title: format!(
            "Created, finished and open backlog per {by} (before the first: {} in progress, {} \
             finished)",
            t.backlog_at_start, t.finished_at_start
        ),
        header: [
            "PERIOD",
            "START",
            "CREATED",
            "FINISHED",
            "REOPENED",
            "BACKLOG",
            "FINISHED TOTAL",
        ]
        .map(String::from)
        .to_vec(),
        rows: t
            .periods
            .iter()
            .map(|p| {
                vec![
                    text(p.label.clone()),
                    text(day(p.start)),
                    Cell::Count(p.created),
                    Cell::Count(p.finished),
                    Cell::Count(p.reopened),
                    Cell::Count(p.backlog),
                    Cell::Count(p.finished_total),
                ]
            })
            .collect(),
    };
    let mut totals = [0usize; 10];
    for r in &t.by_creation {
        for (i, n) in r.counts.iter().enumerate() {
            totals[i] += n;
        }
    }
    let cols: Vec<State> = State::ALL
        .into_iter()
        .filter(|s| totals[s.rank()] > 0)
        .collect();
    let mut header = vec!["CREATED IN".to_owned()];
    header.extend(cols.iter().map(|s| s.name().to_owned()));
    header.extend(["TOTAL".into(), "ELUCIDATION".into()]);
    let mut rows: Vec<Vec<Cell>> = t
        .by_creation
        .iter()
        .map(|r| {
            let mut row = vec![text(r.label.clone())];
            row.extend(cols.iter().map(|s| Cell::Count(r.counts[s.rank()])));
            row.push(Cell::Count(r.total));
            row.push(Cell::Share(r.elucidation.value()));
            row
        })
        .collect();
    let mut total = vec![text("TOTAL")];
    total.extend(cols.iter().map(|s| Cell::Count(totals[s.rank()])));
    total.push(Cell::Count(totals.iter().sum()));
    total.push(Cell::Share(t.elucidation.value()));
    rows.push(total);
    let matrix = Grid {
        id: "trend-creation",
        title: format!("Tickets per {by} of creation and state at the end of the window"),
        header,
        rows,
    };
    let [n, d, v] = ratio_cells(&t.elucidation);
    let ratio = Grid {
        id: "trend-elucidation",
        title: "Elucidation ratio: finished other than abandoned / all but abandoned".into(),
        header: ["FINISHED NOT ABANDONED", "ALL BUT ABANDONED", "RATIO"]
            .map(String::from)
            .to_vec(),
        rows: vec![vec![n, d, v]],
    };
    vec![periods, matrix, ratio]
}

const SUMMARY_HEADER: [&str; 6] = [
    "COUNT",
    "MEAN",
    "MEDIAN",
    "P90",
    "RUNNING",
    "LONGEST RUNNING",
];

fn summary_cells(s: &Summary) -> Vec<Cell> {
    vec![
        Cell::Count(s.count),
        Cell::Seconds(s.mean),
        Cell::Seconds(s.median),
        Cell::Seconds(s.p90.map(|v| v as f64)),
        Cell::Count(s.censored),
        Cell::Seconds(s.censored_longest.map(|v| v as f64)),
    ]
}

fn group_rows(first: Cell, g: &DelayGroup) -> Vec<Vec<Cell>> {
    [
        ("resolution", &g.resolution),
        ("first response", &g.first_response),
    ]
    .into_iter()
    .map(|(name, s)| {
        let mut row = vec![first.clone(), text(name)];
        row.extend(summary_cells(s));
        row
    })
    .collect()
}

fn summary_header(first: &[&str]) -> Vec<String> {
    first
        .iter()
        .chain(SUMMARY_HEADER.iter())
        .map(|s| (*s).to_owned())
        .collect()
}

/// `report delays`: overall, per assignee, per priority, time in each state.
pub fn delays(d: &Delays) -> Vec<Grid> {
    let overall = Grid {
        id: "delays",
        title: "Delays (RUNNING: not reached by the end of the window, left out of the statistics)"
            .into(),
        header: summary_header(&["TICKETS", "DELAY"]),
        rows: group_rows(text("all"), &d.overall),
    };
    let by_assignee = Grid {
        id: "delays-assignee",
        title: "Delays per assignee".into(),
        header: summary_header(&["ASSIGNEE", "DELAY"]),
        rows: d
            .by_assignee
            .iter()
            .flat_map(|(p, g)| group_rows(text(person_label(p.as_ref())), g))
            .collect(),
    };
    let by_priority = Grid {
        id: "delays-priority",
        title: "Delays per priority (position when finished, or now: 1-10, 11-50, 51+)".into(),
        header: summary_header(&["PRIORITY", "DELAY"]),
        rows: d
            .by_priority
            .iter()
            .flat_map(|(p, g)| group_rows(text(p.label()), g))
            .collect(),
    };
    let in_state = Grid {
        id: "delays-states",
        title: "Time spent in each state (RUNNING: stays not over at the end of the window)".into(),
        header: summary_header(&["STATE"]),
        rows: d
            .time_in_state
            .iter()
            .filter(|(_, s)| s.count + s.censored > 0)
            .map(|(st, s)| {
                let mut row = vec![text(st.name())];
                row.extend(summary_cells(s));
                row
            })
            .collect(),
    };
    vec![overall, by_assignee, by_priority, in_state]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_well() {
        assert_eq!(duration(0.0), "0s");
        assert_eq!(duration(0.4), "0s");
        assert_eq!(duration(59.5), "1m");
        assert_eq!(duration(86_400.0 * 2.0 + 3_600.0 * 3.0 + 5.0), "2d 3h 5s");
        assert_eq!(duration(3_600.0), "1h");
    }

    #[test]
    fn cells_have_a_human_and_an_exact_form() {
        assert_eq!(Cell::Share(Some(0.375)).human(), "37.5%");
        assert_eq!(Cell::Share(Some(0.375)).exact(), "0.375");
        assert_eq!(Cell::Seconds(Some(5.5)).exact(), "5.5");
        assert_eq!(Cell::Seconds(Some(7200.0)).exact(), "7200");
        assert_eq!(Cell::Seconds(None).human(), "-");
        assert_eq!(Cell::Seconds(None).exact(), "");
    }

    #[test]
    fn the_states_grid_has_every_state_and_the_groups() {
        let mut counts = [0; 10];
        counts[State::Open.rank()] = 3;
        counts[State::Resolved.rank()] = 1;
        let g = states(&StateCounts { total: 4, counts });
        let rows = &g[0].rows;
        assert_eq!(rows.len(), 13);
        assert_eq!(rows[1][2], Cell::Count(3));
        assert_eq!(rows[1][3].human(), "75.0%");
        assert_eq!(rows[10][0], text("IN PROGRESS"));
        assert_eq!(rows[10][2], Cell::Count(3));
        assert_eq!(rows[12][2], Cell::Count(4));
    }
}
