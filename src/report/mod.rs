//! Views of tickets: JSON view structs for programs, tables and text for people, and the
//! reports of `git tracker report` (pure figures in [`stats`], one renderer per format).

pub mod csv;
pub mod grid;
pub mod html;
pub mod json;
pub mod markdown;
pub mod stats;
pub mod table;
pub mod views;

/// The output format of read commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    /// Human-readable text and tables.
    #[default]
    Table,
    /// One JSON document (see docs/format.md for the schema).
    Json,
}

/// The output format of `report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ReportFormat {
    /// Tables for a terminal.
    #[default]
    Table,
    /// One JSON document (see docs/reports.md).
    Json,
    /// Comma-separated values: one block per table, blocks separated by an empty line.
    Csv,
    /// Markdown tables.
    #[value(alias = "markdown")]
    Md,
    /// One self-contained, printable HTML page with SVG charts.
    Html,
}
