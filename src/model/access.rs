//! Who may see and do what (R12, R26, R31, R32): the one place the rules about people live.
//!
//! Every command asks these functions, before it reads a ticket out or writes anything:
//! `list`, `show`, `log`, reports and every write decide visibility through
//! [`Viewer::may_see`], private fields through [`Viewer::sees_private`], and configuration
//! changes through [`may_configure`]. Git gives every reader the whole branch: these rules
//! shape what the tool shows and accepts, they are not access control (R31).

use crate::model::config::{Mode, Role, TrackerConfig};
use crate::model::person::Person;

/// The person running a command, if they have a git identity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Viewer {
    /// Who (none without a git identity: then only what everyone may see is shown).
    pub person: Option<Person>,
}

impl Viewer {
    /// A viewer with this identity.
    pub fn new(person: Option<Person>) -> Self {
        Self { person }
    }

    /// The viewer's email, if any.
    pub fn email(&self) -> Option<&str> {
        self.person.as_ref().map(|p| p.email.as_str())
    }

    /// The viewer's roles under `config` (reporter only without an identity).
    pub fn roles(&self, config: &TrackerConfig) -> Vec<Role> {
        match self.email() {
            Some(e) => config.roles_of(e),
            None => vec![Role::Reporter],
        }
    }

    /// The view rule of the support modes (R31), as the set of tickets the viewer may see: in
    /// `support` mode a person without a role sees the tickets they reported; in `tasks` mode
    /// also those assigned to them; in the other modes, and for developers, resolvers and
    /// managers, everything. Without an identity, only the defect and custom modes show
    /// anything.
    pub fn scope(&self, config: &TrackerConfig) -> Scope {
        if matches!(config.mode, Mode::Defects | Mode::Custom) || self.sees_private(config) {
            return Scope::All;
        }
        let Some(email) = self.email() else {
            return Scope::Nothing;
        };
        match config.mode {
            Mode::Support => Scope::Reported(email.to_owned()),
            _ => Scope::ReportedOrAssigned(email.to_owned()),
        }
    }

    /// Whether the viewer may see a ticket reported by `reporter` and assigned to `assignee`
    /// (the same rule as [`Viewer::scope`]).
    pub fn may_see(
        &self,
        config: &TrackerConfig,
        reporter: &Person,
        assignee: Option<&Person>,
    ) -> bool {
        match self.scope(config) {
            Scope::All => true,
            Scope::Nothing => false,
            Scope::Reported(e) => reporter.has_email(&e),
            Scope::ReportedOrAssigned(e) => {
                reporter.has_email(&e) || assignee.is_some_and(|a| a.has_email(&e))
            }
        }
    }

    /// Whether the viewer may see private custom fields (R26): developers, resolvers and
    /// managers may.
    pub fn sees_private(&self, config: &TrackerConfig) -> bool {
        self.roles(config).iter().any(|r| *r != Role::Reporter)
    }
}

/// The tickets a viewer may see (see [`Viewer::scope`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every ticket.
    All,
    /// The tickets this email reported.
    Reported(String),
    /// The tickets this email reported or is assigned.
    ReportedOrAssigned(String),
    /// None.
    Nothing,
}

/// Why a configuration change is refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigRefusal {
    /// Strict mode: only managers change the configuration.
    #[error(
        "strict mode: only managers may change the configuration, and {email} is not one \
         (managers: {managers})"
    )]
    NotManager {
        /// Who tried.
        email: String,
        /// The managers of the configuration in force.
        managers: String,
    },
    /// The change would leave strict mode with nobody able to change the configuration again.
    #[error("strict mode needs at least one manager (roles.manager): this change leaves none")]
    NoManagerLeft,
}

/// Whether `author` may change the configuration `before` (the one in force; `None` when
/// there is none, as for the commit that creates the tracker) (R12, R32): in relaxed mode
/// anyone may; in strict mode only its managers.
pub fn may_configure(before: Option<&TrackerConfig>, author: &str) -> Result<(), ConfigRefusal> {
    let Some(before) = before.filter(|c| c.strict) else {
        return Ok(());
    };
    if before.roles_of(author).contains(&Role::Manager) {
        return Ok(());
    }
    Err(ConfigRefusal::NotManager {
        email: author.to_owned(),
        managers: match before.members(Role::Manager) {
            [] => "none".to_owned(),
            m => m.join(", "),
        },
    })
}

/// Refuses a strict configuration without managers: nobody could change it again.
pub fn keeps_a_manager(after: &TrackerConfig) -> Result<(), ConfigRefusal> {
    if after.strict && after.members(Role::Manager).is_empty() {
        return Err(ConfigRefusal::NoManagerLeft);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(email: &str) -> Person {
        Person::new("X", email).unwrap()
    }

    #[test]
    fn support_mode_shows_reporters_their_own_tickets_only() {
        let mut c = TrackerConfig::default();
        c.set("mode", "support").unwrap();
        c.set("roles.developer", "dev@example.com").unwrap();
        let (rita, other) = (person("rita@example.com"), person("other@example.com"));
        let see = |c: &TrackerConfig, who: Option<&str>, reporter: &Person, assignee| {
            Viewer::new(who.map(person)).may_see(c, reporter, assignee)
        };
        assert!(see(&c, Some("rita@example.com"), &rita, None));
        assert!(see(&c, Some("RITA@example.com"), &rita, None));
        assert!(!see(&c, Some("rita@example.com"), &other, Some(&rita)));
        assert!(see(&c, Some("dev@example.com"), &other, None));
        assert!(!see(&c, None, &rita, None));
        c.set("mode", "tasks").unwrap();
        assert!(see(&c, Some("rita@example.com"), &other, Some(&rita)));
        assert!(!see(&c, Some("rita@example.com"), &other, None));
        c.set("mode", "defects").unwrap();
        assert!(see(&c, None, &other, None));
    }

    #[test]
    fn only_managers_change_a_strict_configuration() {
        let mut strict = TrackerConfig::default();
        strict.set("roles.manager", "boss@example.com").unwrap();
        strict.set("strict", "true").unwrap();
        let mut relaxed = strict.clone();
        relaxed.set("strict", "false").unwrap();
        assert!(may_configure(Some(&strict), "boss@example.com").is_ok());
        assert!(may_configure(Some(&strict), "BOSS@example.com").is_ok());
        assert_eq!(
            may_configure(Some(&strict), "rita@example.com")
                .unwrap_err()
                .to_string(),
            "strict mode: only managers may change the configuration, and rita@example.com is \
             not one (managers: boss@example.com)"
        );
        // Relaxed, or no configuration yet: anyone.
        assert!(may_configure(Some(&relaxed), "rita@example.com").is_ok());
        assert!(may_configure(None, "rita@example.com").is_ok());
        // Nobody may leave strict mode without a manager.
        assert!(keeps_a_manager(&strict).is_ok());
        assert!(keeps_a_manager(&relaxed).is_ok());
        let mut orphan = strict.clone();
        orphan.set("roles.manager", "").unwrap();
        assert_eq!(keeps_a_manager(&orphan), Err(ConfigRefusal::NoManagerLeft));
    }
}
