//! git-tracker: a ticket tracker that lives on a dedicated branch of a git repository.
//!
//! Crate map (dependencies point downwards only):
//!
//! - [`cli`]: the command-line edge — argument parsing, one module per subcommand, output
//!   policy, the error type that maps to exit codes.
//! - [`tracker`]: the operations, one small type per capability (tickets, configuration, sync,
//!   verify), all moving the branch through one compare-and-swap/retry path.
//! - [`notify`]: mail notifications — who hears about a range of the branch, the outbox under
//!   `.git/tracker/`, the transports (through lettre).
//! - [`report`]: views of tickets for people (tables) and programs (JSON view structs).
//! - [`store`]: the only module that speaks git — reading the branch, the local cache under
//!   `.git/tracker/`, writing commits, keeping the object store packed.
//! - [`model`]: pure data — ids, people, states, events and their TOML form, the fold that turns
//!   events into a ticket. No I/O, no clock, no environment.
//! - [`text`]: terminal sanitizing shared by every renderer.
//! - `pause`: named pause points for integration tests (debug builds only).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod cli;
pub mod model;
pub mod notify;
mod pause;
pub mod report;
pub mod store;
pub mod text;
pub mod tracker;
