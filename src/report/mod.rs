//! Views of tickets: JSON view structs for programs, tables and text for people.

pub mod json;
pub mod table;

/// The output format of read commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    /// Human-readable text and tables.
    #[default]
    Table,
    /// One JSON document (see docs/format.md for the schema).
    Json,
}
