//! The tracker's data model: pure values and functions, no I/O.
//!
//! Nothing here reads the clock, the environment, the filesystem or git: the current time, the
//! actor and fresh random ids are passed in by the caller. That keeps the fold deterministic
//! (R3) and every rule testable in isolation.

pub mod access;
pub mod causal;
pub mod config;
pub mod error;
pub mod event;
pub mod id;
pub mod keywords;
pub mod limits;
pub mod links;
pub mod notify;
pub mod people;
pub mod person;
pub mod query;
pub mod rank;
pub mod sets;
pub mod state;
pub mod ticket;
pub mod transfer;
pub mod workflow;

pub use access::Viewer;
pub use config::TrackerConfig;
pub use error::{ParseError, ValidationError};
pub use event::{Action, Event};
pub use id::{CommitId, EventId, Key, TicketId};
pub use person::Person;
pub use state::State;
pub use ticket::{ListRow, Ticket, TicketSummary};
