//! One mail about one event for one recipient (R42): headers that thread, a plain-text body
//! that says what changed, by whom, where the ticket stands and how to stop these mails.
//! Every text that comes from the branch goes through [`crate::text`] and lettre's header
//! encoding, so no field can add a header.

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, Message};
use lettre::Address;

use crate::model::config::key_of;
use crate::model::notify::{Reason, Recipient};
use crate::model::{Action, Event, Ticket, TrackerConfig, Viewer};
use crate::text::{sanitize_block, sanitize_line};

/// A composed mail: who it goes to and its bytes.
#[derive(Clone, Debug)]
pub struct Mail {
    /// The envelope sender.
    pub from: String,
    /// The envelope recipient.
    pub to: String,
    /// The whole message, as sent.
    pub message: String,
    /// The subject, for listings.
    pub subject: String,
}

/// Why a mail cannot be composed.
#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    /// An address lettre cannot use.
    #[error("invalid mail address {0:?}")]
    Address(String),
    /// lettre refused the message.
    #[error("the mail could not be built: {0}")]
    Build(String),
}

/// The Message-ID every mail about `ticket` answers: the id of the ticket's first mail.
fn thread_id(ticket: &str, domain: &str) -> String {
    format!("<{ticket}@{domain}>")
}

/// Composes the mail about `event` (folded into `ticket`) for `to`, from `from`; `None` when
/// the event is not for them to read (a private field's value for someone who may not see
/// it).
pub fn compose(
    config: &TrackerConfig,
    ticket: &Ticket,
    event: &Event,
    to: &Recipient,
    from: &Mailbox,
) -> Result<Option<Mail>, ComposeError> {
    if let Action::Field { name, .. } = &event.action {
        let private = config.fields.get(name).is_some_and(|f| f.private);
        let viewer = Viewer::new(crate::model::Person::new(&to.email, &to.email).ok());
        if private && !viewer.sees_private(config) {
            return Ok(None);
        }
    }
    let key = key_of(config, ticket.number).to_string();
    let domain = from.email.domain().to_owned();
    let subject = sanitize_line(&format!("[{} {key}] {}", config.name, ticket.title)).into_owned();
    let address: Address = to
        .email
        .parse()
        .map_err(|_| ComposeError::Address(to.email.clone()))?;
    let name = to.name.as_deref().map(|n| sanitize_line(n).into_owned());
    let first = matches!(event.action, Action::Create { .. });
    let thread = thread_id(&ticket.id.to_string(), &domain);
    let id = if first {
        thread.clone()
    } else {
        format!("<{}.{}@{domain}>", event.id, short_hash(&to.email))
    };
    let mut builder = Message::builder()
        .from(from.clone())
        .to(Mailbox::new(name, address))
        .subject(subject.clone())
        .message_id(Some(id))
        .date(event.at.into())
        .header(ContentType::TEXT_PLAIN)
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Auto-Submitted"),
            "auto-generated".into(),
        ))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Id"),
            list_id(config, &domain),
        ));
    if !first {
        builder = builder.in_reply_to(thread.clone()).references(thread);
    }
    let message = builder
        .body(body(config, ticket, event, to, &key))
        .map_err(|e| ComposeError::Build(e.to_string()))?;
    Ok(Some(Mail {
        from: from.email.to_string(),
        to: to.email.clone(),
        message: String::from_utf8_lossy(&message.formatted()).into_owned(),
        subject,
    }))
}

/// `<prefix.git-tracker.DOMAIN>`, ASCII only: the key prefix is letters, digits, `-`, `_`.
fn list_id(config: &TrackerConfig, domain: &str) -> String {
    let label: String = config
        .prefix
        .trim_end_matches(['-', '_'])
        .chars()
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    format!("<{label}.git-tracker.{domain}>")
}

/// 16 hex digits of a stable hash of a lower-cased address (for Message-IDs and file names).
pub fn short_hash(email: &str) -> String {
    let oid = git2::Oid::hash_object(
        git2::ObjectType::Blob,
        email.to_ascii_lowercase().as_bytes(),
    )
    .map(|o| o.to_string())
    .unwrap_or_default();
    oid.chars().take(16).collect()
}

fn body(config: &TrackerConfig, t: &Ticket, e: &Event, to: &Recipient, key: &str) -> String {
    let who = sanitize_line(&e.author.to_string()).into_owned();
    let block = |s: &str| -> String {
        sanitize_block(s)
            .lines()
            .map(|l| format!("    {l}\n"))
            .collect()
    };
    let mut out = match &e.action {
        Action::Create { description, .. } => {
            format!("{who} filed {key}.\n\n{}", block(description))
        }
        Action::State {
            from,
            to: state,
            message,
            automatic,
        } => {
            let mut s = if *automatic {
                format!("{key} moved from {from} to {state} as {who} acted on it.\n")
            } else {
                format!("{who} moved {key} from {from} to {state}.\n")
            };
            if !message.is_empty() {
                s.push('\n');
                s.push_str(&block(message));
            }
            s
        }
        Action::Comment { body } => format!("{who} commented on {key}:\n\n{}", block(body)),
        Action::CommentEdit { body, .. } => {
            format!("{who} edited a comment on {key}:\n\n{}", block(body))
        }
        Action::CommentDelete { .. } => format!("{who} deleted a comment on {key}.\n"),
        Action::Assign { assignee } => match assignee {
            Some(a) => format!(
                "{who} assigned {key} to {}.\n",
                sanitize_line(&a.to_string())
            ),
            None => format!("{who} unassigned {key}.\n"),
        },
        Action::Edit {
            title,
            description,
            solution,
        } => {
            let mut s = String::new();
            if let Some(v) = title {
                s.push_str(&format!(
                    "{who} changed the title of {key}:\n\n{}",
                    block(v)
                ));
            }
            if let Some(v) = description {
                s.push_str(&format!(
                    "{who} changed the description of {key}:\n\n{}",
                    block(v)
                ));
            }
            if let Some(v) = solution {
                s.push_str(&format!(
                    "{who} changed the solution of {key}:\n\n{}",
                    block(v)
                ));
            }
            s
        }
        Action::Field { name, value } => {
            let name = sanitize_line(name);
            if value.is_empty() {
                format!("{who} cleared {name} on {key}.\n")
            } else {
                format!("{who} set {name} on {key} to: {}\n", sanitize_line(value))
            }
        }
        Action::Raise { reason, urgent } => format!(
            "{who} asks for {key}'s priority to be raised{}:\n\n{}\n\
             Decide: git tracker raise accept {id}   or   git tracker raise refuse {id} -m WHY\n",
            if *urgent { " (urgent)" } else { "" },
            block(reason),
            id = &e.id.as_str()[..8],
        ),
        Action::Priority {
            request: Some(request),
            ..
        } => format!(
            "{who} accepted the request {} to raise {key}'s priority: it moved up.\n",
            &request.as_str()[..8],
        ),
        Action::RaiseRefuse { request, message } => format!(
            "{who} refused the request {} to raise {key}'s priority:\n\n{}",
            &request.as_str()[..8],
            block(message)
        ),
        Action::Origin {
            tracker, key: from, ..
        } => format!(
            "{key} came from {} in tracker {}.\n",
            sanitize_line(from),
            sanitize_line(tracker)
        ),
        Action::Transfer {
            tracker, key: to, ..
        } => format!(
            "{who} sent {key} to tracker {}, where it is {}.\n",
            sanitize_line(tracker),
            sanitize_line(to)
        ),
        Action::Watch { .. }
        | Action::Unwatch { .. }
        | Action::Depend { .. }
        | Action::Undepend { .. }
        | Action::Label { .. }
        | Action::Priority { .. }
        | Action::Attach { .. } => String::new(),
    };
    let assignee = t.assignee.as_ref().map_or_else(
        || "-".into(),
        |a| sanitize_line(&a.to_string()).into_owned(),
    );
    out.push_str(&format!(
        "\n-- \n{key}: {}\nState: {}   Assignee: {assignee}\n\n",
        sanitize_line(&t.title),
        t.state
    ));
    out.push_str(&match &to.reason {
        Reason::Watcher(kind) => format!(
            "You get this mail because you watch {key} and want mail about \"{kind}\".\n\
             To stop: git tracker unwatch {key}   (this ticket)\n\
             \x20     or git tracker prefs --off {kind}   (every ticket you watch without a mask)\n"
        ),
        Reason::Assignee => format!(
            "You get this mail because {key} was assigned to you.\n\
             To stop: git tracker assign {key} --none   (or to someone else)\n"
        ),
        Reason::Manager => format!(
            "You get this mail because you manage the tracker {}.\n\
             To stop: ask to be removed from roles.manager (git tracker config get roles.manager)\n",
            sanitize_line(&config.name)
        ),
        Reason::Ranker => format!(
            "You get this mail because you may decide raise requests in the tracker {}.\n\
             Pending requests: git tracker raise list\n",
            sanitize_line(&config.name)
        ),
        Reason::Requester => format!(
            "You get this mail because you asked for {key}'s priority to be raised.\n"
        ),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventId, Person, TicketId};

    /// Ticket number `number` filed by Ann (assigned to `assignee`), then `action` by `author`:
    /// the ticket folded, and that second event.
    fn ticket_then(
        number: u64,
        title: &str,
        assignee: Option<Person>,
        author: Person,
        action: Action,
    ) -> (Ticket, Event) {
        let create = Event {
            commit: None,
            id: EventId::from_random([1; 16]),
            ticket: TicketId::from_random([2; 16]),
            lamport: 1,
            parents: vec![],
            at: chrono::DateTime::from_timestamp(1_767_225_600, 0).unwrap(),
            author: Person::new("Ann", "ann@example.com").unwrap(),
            action: Action::Create {
                number,
                title: title.into(),
                description: String::new(),
                assignee,
                watchers: vec![],
                fingerprint: None,
            },
        };
        let second = Event {
            id: EventId::from_random([3; 16]),
            lamport: 2,
            author,
            action,
            ..create.clone()
        };
        (Ticket::fold(vec![create, second.clone()]).unwrap(), second)
    }

    #[test]
    fn a_private_fields_change_is_composed_only_for_who_may_see_it() {
        let mut config = TrackerConfig::default();
        config.set("roles.developer", "dev@example.com").unwrap();
        config.set("fields.secret.type", "text").unwrap();
        config.set("fields.secret.private", "true").unwrap();
        let (ticket, field) = ticket_then(
            1,
            "Crash",
            None,
            Person::new("Ann", "ann@example.com").unwrap(),
            Action::Field {
                name: "secret".into(),
                value: "hunter2".into(),
            },
        );
        let from: Mailbox = "tracker@example.com".parse().unwrap();
        let to = |email: &str| Recipient {
            email: email.into(),
            name: None,
            reason: Reason::Watcher(crate::model::notify::NotifyEvent::Comment),
        };
        assert!(
            compose(&config, &ticket, &field, &to("ann@example.com"), &from)
                .unwrap()
                .is_none()
        );
        let dev = compose(&config, &ticket, &field, &to("dev@example.com"), &from)
            .unwrap()
            .unwrap();
        assert!(dev.message.contains("hunter2"));
    }

    /// A whole mail, as a watcher reads it: every header and the body, byte for byte.
    #[test]
    fn a_comment_mail_reads_whole_as_expected() {
        let config = TrackerConfig {
            name: "Editor bugs".into(),
            ..TrackerConfig::default()
        };
        let bob = Person::new("Bob Ünal", "bob@example.com").unwrap();
        let (ticket, comment) = ticket_then(
            12,
            "Saving crashes — the editor",
            Some(bob.clone()),
            bob,
            Action::Comment {
                body: "Reproduced.\nBcc: evil@example.com".into(),
            },
        );
        let from: Mailbox = "Tracker <tracker@example.com>".parse().unwrap();
        let to = Recipient {
            email: "ann@example.com".into(),
            name: Some("Ann".into()),
            reason: Reason::Watcher(crate::model::notify::NotifyEvent::Comment),
        };
        let mail = compose(&config, &ticket, &comment, &to, &from)
            .unwrap()
            .unwrap();
        assert_eq!(
            mail.message.replace("\r\n", "\n"),
            "From: Tracker <tracker@example.com>\n\
             To: Ann <ann@example.com>\n\
             Subject: [Editor bugs TRK-12] Saving crashes =?utf-8?b?4oCU?= the editor\n\
             Message-ID: <03030303030303030303030303030303.a4d248afab9569a2@example.com>\n\
             Date: Thu, 01 Jan 2026 00:00:00 +0000\n\
             Content-Type: text/plain; charset=utf-8\n\
             Auto-Submitted: auto-generated\n\
             List-Id: <trk.git-tracker.example.com>\n\
             In-Reply-To: <02020202020202020202020202020202@example.com>\n\
             References: <02020202020202020202020202020202@example.com>\n\
             Content-Transfer-Encoding: quoted-printable\n\
             \n\
             Bob =C3=9Cnal <bob@example.com> commented on TRK-12:\n\
             \n\
             \x20   Reproduced.\n\
             \x20   Bcc: evil@example.com\n\
             \n\
             --=20\n\
             TRK-12: Saving crashes =E2=80=94 the editor\n\
             State: POSTED   Assignee: Bob =C3=9Cnal <bob@example.com>\n\
             \n\
             You get this mail because you watch TRK-12 and want mail about \"comment\".\n\
             To stop: git tracker unwatch TRK-12   (this ticket)\n\
             \x20     or git tracker prefs --off comment   (every ticket you watch without =\n\
             a mask)\n"
        );
        assert_eq!(
            mail.subject,
            "[Editor bugs TRK-12] Saving crashes — the editor"
        );
    }
}
