//! The HTML report (R53): one self-contained page — inline CSS and SVG charts, no script, no
//! external asset, no network — readable in a browser and on paper (print CSS).
//!
//! It shows the same grids as the other formats, plus charts drawn from the same figures:
//! tickets per state, the open backlog over time, created versus finished per period.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::model::State;
use crate::report::grid::{Cell, Grid};
use crate::report::stats::{PeriodRow, StateCounts, Trend};

/// What the page shows.
pub struct Page<'a> {
    /// The heading (also the document title).
    pub title: &'a str,
    /// The report's tables, in order.
    pub grids: &'a [Grid],
    /// Tickets per state, for the bar chart.
    pub states: Option<&'a StateCounts>,
    /// The trend, for the backlog and created/finished charts.
    pub trend: Option<&'a Trend>,
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --ink: #1d2330; --muted: #5b6475; --line: #d5d9e0; --progress: #2f6db5; --finished: #2e8b57; --created: #d07b1f; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
p.note { color: var(--muted); margin: .25rem 0 1rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--line); padding: .2rem .55rem; text-align: left; vertical-align: top; }
th { background: #f2f4f7; font-weight: 600; font-size: .85rem; }
td.n { text-align: right; }
tr.total td { font-weight: 600; }
figure { margin: 1rem 0; }
.wide { overflow-x: auto; }
figcaption { color: var(--muted); font-size: .85rem; }
svg { width: 100%; height: auto; max-width: 56rem; }
svg text { font: 11px system-ui, "DejaVu Sans", sans-serif; fill: var(--ink); }
.legend span { display: inline-block; margin-right: 1rem; }
.legend i { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: -1px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  table, figure { break-inside: avoid; }
  .wide { overflow: visible; }
  table { font-size: 8pt; }
  th, td { padding: .1rem .3rem; }
  th { background: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// Writes the page.
pub fn write(out: &mut dyn Write, page: &Page<'_>) -> io::Result<()> {
    let mut h = String::new();
    let title = escape(page.title);
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n\
         <p class=\"note\">Computed by git-tracker from the events on the tracker branch; \
         every figure is defined in docs/reports.md. Durations: d days, h hours, m minutes, \
         s seconds. RUNNING in delay tables: not reached by the end of the window, left \
         out of the statistics.</p>"
    );
    if let Some(s) = page.states {
        h.push_str("<h2>Charts</h2>\n");
        h.push_str(&states_chart(s));
    } else if page.trend.is_some() {
        h.push_str("<h2>Charts</h2>\n");
    }
    if let Some(t) = page.trend {
        h.push_str(&backlog_chart(t));
        h.push_str(&flow_chart(t));
    }
    for g in page.grids {
        let _ = writeln!(h, "<h2 id=\"{}\">{}</h2>", escape(g.id), escape(&g.title));
        if g.rows.is_empty() {
            h.push_str("<p class=\"note\">(none)</p>\n");
            continue;
        }
        h.push_str("<div class=\"wide\"><table>\n<thead><tr>");
        for c in &g.header {
            let _ = write!(h, "<th scope=\"col\">{}</th>", escape(c));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for row in &g.rows {
            let total = matches!(row.first(), Some(Cell::Text(t)) if t == "TOTAL");
            h.push_str(if total {
                "<tr class=\"total\">"
            } else {
                "<tr>"
            });
            for c in row {
                let class = if c.is_numeric() { " class=\"n\"" } else { "" };
                let _ = write!(h, "<td{class}>{}</td>", escape(&c.human()));
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table></div>\n");
    }
    h.push_str("</body>\n</html>\n");
    out.write_all(h.as_bytes())
}

/// A horizontal bar per state.
fn states_chart(s: &StateCounts) -> String {
    let row = 22;
    let left = 110;
    let width = 640;
    let height = row * State::ALL.len() + 10;
    let max = s.counts.iter().copied().max().unwrap_or(0).max(1);
    let mut svg = format!(
        "<figure>\n<svg viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-labelledby=\"chart-states-title\" xmlns=\"http://www.w3.org/2000/svg\">\n\
         <title id=\"chart-states-title\">Tickets per state</title>\n"
    );
    for (i, st) in State::ALL.iter().enumerate() {
        let n = s.count(*st);
        let y = i * row + 5;
        let w = (width - left - 60) * n / max;
        let color = if st.is_finished() {
            "var(--finished)"
        } else {
            "var(--progress)"
        };
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{left}\" y=\"{y}\" width=\"{w}\" height=\"{}\" fill=\"{color}\">\
             <title>{}: {n}</title></rect>\
             <text x=\"{}\" y=\"{}\">{n}</text>",
            left - 6,
            y + 14,
            st.name(),
            row - 6,
            st.name(),
            left + w + 4,
            y + 14,
        );
    }
    svg.push_str(
        "</svg>\n<figcaption class=\"legend\">Tickets per state at the end of the window: \
         <span><i style=\"background:var(--progress)\"></i>in progress</span>\
         <span><i style=\"background:var(--finished)\"></i>finished</span></figcaption>\n\
         </figure>\n",
    );
    svg
}

/// Plot area of the time charts.
struct Frame {
    width: usize,
    height: usize,
    left: usize,
    bottom: usize,
    top: usize,
}

const FRAME: Frame = Frame {
    width: 720,
    height: 240,
    left: 40,
    bottom: 40,
    top: 10,
};

impl Frame {
    fn plot_height(&self) -> usize {
        self.height - self.bottom - self.top
    }
    fn plot_width(&self) -> usize {
        self.width - self.left - 10
    }
    fn y(&self, v: usize, max: usize) -> usize {
        self.top + self.plot_height() - self.plot_height() * v / max.max(1)
    }
    /// Axes, the maximum on the y axis, and some period labels on the x axis.
    fn axes(&self, svg: &mut String, max: usize, labels: &[&str], slot: f64) {
        let base = self.top + self.plot_height();
        let _ = writeln!(
            svg,
            "<line x1=\"{l}\" y1=\"{t}\" x2=\"{l}\" y2=\"{base}\" stroke=\"#888\"/>\
             <line x1=\"{l}\" y1=\"{base}\" x2=\"{r}\" y2=\"{base}\" stroke=\"#888\"/>\
             <text x=\"{tx}\" y=\"{ty}\" text-anchor=\"end\">{max}</text>\
             <text x=\"{tx}\" y=\"{base}\" text-anchor=\"end\">0</text>",
            l = self.left,
            t = self.top,
            r = self.left + self.plot_width(),
            tx = self.left - 4,
            ty = self.top + 10,
        );
        let step = labels.len().div_ceil(12).max(1);
        for (i, label) in labels.iter().enumerate() {
            if i % step == 0 {
                let x = self.left as f64 + slot * (i as f64 + 0.5);
                let _ = writeln!(
                    svg,
                    "<text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                    base + 16,
                    escape(label)
                );
            }
        }
    }
}

fn open_svg(id: &str, title: &str) -> String {
    format!(
        "<figure>\n<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{id}-title\" \
         xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"{id}-title\">{}</title>\n",
        FRAME.width,
        FRAME.height,
        escape(title)
    )
}

/// A line of a chart: its color, what it counts, and the count of a period.
type Series = (&'static str, &'static str, fn(&PeriodRow) -> usize);

/// Tickets in progress (the open backlog) and finished at the end of each period, as two
/// lines: the seed's "active versus finished" trend.
fn backlog_chart(t: &Trend) -> String {
    let mut svg = open_svg(
        "chart-backlog",
        "Tickets in progress and finished at the end of each period",
    );
    if t.periods.is_empty() {
        svg.push_str("</svg>\n<figcaption>No period in the window.</figcaption>\n</figure>\n");
        return svg;
    }
    let max = t
        .periods
        .iter()
        .map(|p| p.backlog.max(p.finished_total))
        .max()
        .unwrap_or(0)
        .max(1);
    let slot = FRAME.plot_width() as f64 / t.periods.len() as f64;
    let labels: Vec<&str> = t.periods.iter().map(|p| p.label.as_str()).collect();
    FRAME.axes(&mut svg, max, &labels, slot);
    let x = |i: usize| FRAME.left as f64 + slot * (i as f64 + 0.5);
    let series: [Series; 2] = [
        ("var(--progress)", "in progress", |p| p.backlog),
        ("var(--finished)", "finished", |p| p.finished_total),
    ];
    for (color, what, value) in series {
        let points: Vec<String> = t
            .periods
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{:.1},{}", x(i), FRAME.y(value(p), max)))
            .collect();
        let _ = writeln!(
            svg,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>",
            points.join(" ")
        );
        for (i, p) in t.periods.iter().enumerate() {
            let _ = writeln!(
                svg,
                "<circle cx=\"{:.1}\" cy=\"{}\" r=\"3\" fill=\"{color}\">\
                 <title>{}: {} {what}</title></circle>",
                x(i),
                FRAME.y(value(p), max),
                escape(&p.label),
                value(p)
            );
        }
    }
    svg.push_str(
        "</svg>\n<figcaption class=\"legend\">At the end of each period: \
         <span><i style=\"background:var(--progress)\"></i>in progress (open backlog)</span>\
         <span><i style=\"background:var(--finished)\"></i>finished</span></figcaption>\n\
         </figure>\n",
    );
    svg
}

/// Created and finished per period, as pairs of bars.
fn flow_chart(t: &Trend) -> String {
    let mut svg = open_svg("chart-flow", "Tickets created and finished per period");
    if t.periods.is_empty() {
        svg.push_str("</svg>\n<figcaption>No period in the window.</figcaption>\n</figure>\n");
        return svg;
    }
    let max = t
        .periods
        .iter()
        .map(|p| p.created.max(p.finished))
        .max()
        .unwrap_or(0)
        .max(1);
    let slot = FRAME.plot_width() as f64 / t.periods.len() as f64;
    let labels: Vec<&str> = t.periods.iter().map(|p| p.label.as_str()).collect();
    FRAME.axes(&mut svg, max, &labels, slot);
    let bar = (slot * 0.4).clamp(0.5, 24.0);
    let base = FRAME.top + FRAME.plot_height();
    for (i, p) in t.periods.iter().enumerate() {
        let x = FRAME.left as f64 + slot * (i as f64 + 0.5) - bar;
        for (j, (n, color, what)) in [
            (p.created, "var(--created)", "created"),
            (p.finished, "var(--finished)", "finished"),
        ]
        .into_iter()
        .enumerate()
        {
            let y = FRAME.y(n, max);
            let _ = writeln!(
                svg,
                "<rect x=\"{:.1}\" y=\"{y}\" width=\"{bar:.1}\" height=\"{}\" fill=\"{color}\">\
                 <title>{}: {n} {what}</title></rect>",
                x + bar * j as f64,
                base - y,
                escape(&p.label)
            );
        }
    }
    svg.push_str(
        "</svg>\n<figcaption class=\"legend\">\
         <span><i style=\"background:var(--created)\"></i>created</span>\
         <span><i style=\"background:var(--finished)\"></i>finished</span></figcaption>\n\
         </figure>\n",
    );
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<b a=\"1\">&'\u{1b}"),
            "&lt;b a=&quot;1&quot;&gt;&amp;&#39; "
        );
    }

    #[test]
    fn a_page_is_self_contained_and_has_its_charts() {
        let t0 = DateTime::from_timestamp(1_767_225_600, 0).unwrap();
        let trend = Trend {
            since: Some(t0),
            backlog_at_start: 0,
            finished_at_start: 0,
            periods: vec![PeriodRow {
                start: t0,
                end: t0,
                label: "2026-01".into(),
                created: 3,
                finished: 1,
                reopened: 0,
                backlog: 2,
                finished_total: 1,
            }],
            by_creation: Vec::new(),
            elucidation: crate::report::stats::Ratio {
                numerator: 0,
                denominator: 0,
            },
        };
        let mut counts = [0; 10];
        counts[0] = 2;
        let states = StateCounts { total: 2, counts };
        let grids = crate::report::grid::states(&states);
        let mut out = Vec::new();
        write(
            &mut out,
            &Page {
                title: "T <x>",
                grids: &grids,
                states: Some(&states),
                trend: Some(&trend),
            },
        )
        .unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<title>T &lt;x&gt;</title>"));
        assert_eq!(html.matches("<svg ").count(), 3);
        assert!(html.contains("@media print"));
        for external in ["<script", "<link", "src=", "url(", "@import"] {
            assert!(!html.contains(external), "{external}");
        }
        // Only the SVG namespace names a URL.
        assert_eq!(html.matches("http").count(), 3);
        assert!(html.ends_with("</html>\n"));
    }
}
