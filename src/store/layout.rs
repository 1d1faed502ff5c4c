//! Where things live on the branch. `docs/format.md` is this module's contract.
//!
//! ```text
//! tracker.toml                                  configuration
//! tickets/<aa>/<ticket-id>/<event-id>.toml      one file per event; <aa> = first two hex
//!                                               digits of the ticket id (256 shards)
//! tickets/<aa>/<ticket-id>/<event-id>/<name>    a file an `attach` event attached
//! ```
//! Every path is built from validated ids only (R74).

use crate::model::{EventId, TicketId};

/// The directory holding all tickets.
pub const TICKETS_DIR: &str = "tickets";

/// The directory holding what belongs to people (saved queries, …): `people/<person-id>/`.
pub const PEOPLE_DIR: &str = "people";

/// Whether `name` is a person id: 40 lowercase hex digits (the git blob id of the person's
/// lower-cased email).
pub fn is_person_id(name: &str) -> bool {
    name.len() == 40
        && name
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `people/<person-id>/<event-id>.toml`
pub fn person_event_path(person: &str, event: &EventId) -> String {
    format!("{PEOPLE_DIR}/{person}/{event}.toml")
}

/// The person id and event id of a person event file's path, if it is one.
pub fn parse_person_event_path(path: &str) -> Option<(String, EventId)> {
    let mut parts = path.split('/');
    let (dir, person, file) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || dir != PEOPLE_DIR || !is_person_id(person) {
        return None;
    }
    Some((person.to_owned(), event_file_id(file)?))
}

/// The shard directory name of a ticket.
pub fn shard(ticket: &TicketId) -> &str {
    &ticket.as_str()[..2]
}

/// `tickets/<aa>/<ticket-id>`
pub fn ticket_dir(ticket: &TicketId) -> String {
    format!("{TICKETS_DIR}/{}/{ticket}", shard(ticket))
}

/// `tickets/<aa>/<ticket-id>/<event-id>.toml`
pub fn event_path(ticket: &TicketId, event: &EventId) -> String {
    format!("{}/{event}.toml", ticket_dir(ticket))
}

/// The event id of an event file name, if it is one.
pub fn event_file_id(name: &str) -> Option<EventId> {
    name.strip_suffix(".toml").and_then(EventId::parse)
}

/// The ticket and event ids of an event file's path, if it is one.
pub fn parse_event_path(path: &str) -> Option<(TicketId, EventId)> {
    let mut parts = path.split('/');
    let (dir, shard_name, ticket, file) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || dir != TICKETS_DIR {
        return None;
    }
    let ticket = TicketId::parse(ticket).filter(|t| shard(t) == shard_name)?;
    Some((ticket, event_file_id(file)?))
}

/// The ticket, event and name of an attachment's path
/// (`tickets/<aa>/<ticket-id>/<event-id>/<name>`), if it is one.
pub fn parse_attachment_path(path: &str) -> Option<(TicketId, EventId, String)> {
    let mut parts = path.split('/');
    let (dir, shard_name, ticket, event, name) = (
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
    );
    if parts.next().is_some() || dir != TICKETS_DIR {
        return None;
    }
    let ticket = TicketId::parse(ticket).filter(|t| shard(t) == shard_name)?;
    crate::model::event::validate_attachment_name(name).ok()?;
    Some((ticket, EventId::parse(event)?, name.to_owned()))
}

/// The ticket whose directory holds `path` (`tickets/<aa>/<ticket-id>/…`), if any.
pub fn ticket_of_path(path: &str) -> Option<TicketId> {
    let mut parts = path.split('/');
    let (dir, shard_name, ticket) = (parts.next()?, parts.next()?, parts.next()?);
    parts.next()?;
    if dir != TICKETS_DIR {
        return None;
    }
    TicketId::parse(ticket).filter(|t| shard(t) == shard_name)
}

/// Whether `name` is a valid shard directory name.
pub fn is_shard(name: &str) -> bool {
    name.len() == 2
        && name
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        let t = TicketId::from_random([0xab; 16]);
        let e = EventId::from_random([0x01; 16]);
        assert_eq!(
            event_path(&t, &e),
            "tickets/ab/abababababababababababababababab/01010101010101010101010101010101.toml"
        );
        assert_eq!(
            event_file_id("01010101010101010101010101010101.toml"),
            Some(e.clone())
        );
        assert_eq!(event_file_id("01010101010101010101010101010101.txt"), None);
        assert!(is_shard("0f") && !is_shard("0F") && !is_shard("..") && !is_shard("abc"));
        assert_eq!(
            parse_event_path(&event_path(&t, &e)),
            Some((t.clone(), e.clone()))
        );
        assert_eq!(
            parse_event_path(
                "tickets/00/abababababababababababababababab/01010101010101010101010101010101.toml"
            ),
            None
        );
        assert_eq!(parse_event_path("tracker.toml"), None);
    }
}
