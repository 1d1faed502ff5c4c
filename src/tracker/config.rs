//! The tracker's configuration (R30–R32): creating the tracker, changing its settings.
//!
//! The configuration grants every right, so it is governed itself (R12): in strict mode only
//! the managers of the configuration in force change `tracker.toml` (the person who ran `init`
//! is the first manager), and no change may leave a strict tracker without a manager.
//! A `tracker.toml` that cannot be read stops every other write; the only write accepted then
//! is its replacement, judged against the last readable configuration.

use crate::model::access::{keeps_a_manager, may_configure};
use crate::model::config::{ConfigError, Role, CONFIG_PATH};
use crate::model::TrackerConfig;
use crate::store::{FileWrite, StoreError, Tip};
use crate::tracker::write::{ConfigCheck, Planned};
use crate::tracker::{Actor, Tracker, TrackerError};

/// A tracker cannot be its own parent or sub-tracker (R30): `own` is its branch.
fn check_links(config: &TrackerConfig, own: &str) -> Result<(), ConfigError> {
    if let Some(p) = config.parent_link() {
        if p.remote.is_none() && p.branch == own {
            return Err(ConfigError::Rule(format!(
                "parent: {own} is this tracker's own branch"
            )));
        }
    }
    if config.subtrackers.iter().any(|s| s == own) {
        return Err(ConfigError::Rule(format!(
            "subtrackers: {own} is this tracker's own branch"
        )));
    }
    Ok(())
}

/// The configuration operations of a tracker.
pub struct Settings<'t> {
    pub(super) tracker: &'t Tracker,
}

impl Settings<'_> {
    /// Creates the branch with `config`; refuses if it exists. The person who runs it is added
    /// to the managers (the first manager). Returns the configuration written.
    pub fn init(
        &self,
        config: &TrackerConfig,
        actor: &Actor,
    ) -> Result<(TrackerConfig, Tip), TrackerError> {
        let store = self.tracker.store();
        actor.person.validate()?;
        let mut config = config.clone();
        if !config
            .roles_of(&actor.person.email)
            .contains(&Role::Manager)
        {
            let mut managers = config.members(Role::Manager).to_vec();
            managers.insert(0, actor.person.email.clone());
            config.set("roles.manager", &managers.join(","))?;
        }
        config.validate()?;
        check_links(&config, store.branch_short())?;
        if store.tip()?.is_some() {
            return Err(StoreError::AlreadyInitialized {
                branch: store.branch().into(),
            }
            .into());
        }
        let files = [FileWrite {
            path: CONFIG_PATH.into(),
            content: config.to_toml().into(),
        }];
        let msg = format!("Initialize tracker {:?}", config.name);
        let tip = store.commit(None, &files, &msg, &actor.person, actor.at())?;
        Ok((config, tip))
    }

    /// Changes the configuration (R32): `change` edits the configuration read at the current
    /// tip; the result is validated, checked against who may change it, and written as one
    /// commit. Returns the new configuration, and `None` as the tip when nothing changed.
    pub fn change<F>(
        &self,
        actor: &Actor,
        summary: &str,
        mut change: F,
    ) -> Result<(TrackerConfig, Option<Tip>), TrackerError>
    where
        F: FnMut(&mut TrackerConfig) -> Result<(), ConfigError>,
    {
        self.tracker.write(actor, ConfigCheck::Required, |snap| {
            let mut config = snap.config.clone();
            change(&mut config)?;
            config.validate()?;
            check_links(&config, self.tracker.store().branch_short())?;
            if config == snap.config {
                return Ok(Planned {
                    value: config,
                    files: Vec::new(),
                    message: String::new(),
                });
            }
            may_configure(Some(&snap.config), &actor.person.email)?;
            keeps_a_manager(&config)?;
            Ok(Planned {
                files: vec![FileWrite {
                    path: CONFIG_PATH.into(),
                    content: config.to_toml().into(),
                }],
                message: format!("config: {summary}\n"),
                value: config,
            })
        })
    }

    /// Replaces the whole configuration with `text` (validated; written in the normal layout).
    /// Also repairs a `tracker.toml` that cannot be read: the change is then judged against the
    /// last readable configuration of the branch.
    pub fn replace(
        &self,
        actor: &Actor,
        text: &str,
    ) -> Result<(TrackerConfig, Option<Tip>), TrackerError> {
        let new = TrackerConfig::from_toml(text.as_bytes())
            .map_err(|e| ConfigError::Rule(format!("the new {CONFIG_PATH} is not valid: {e}")))?;
        let store = self.tracker.store();
        self.tracker.write(actor, ConfigCheck::Repair, |snap| {
            let broken = snap.config_problem().is_some();
            let before = if broken {
                store.config_in_force(snap.tip)?
            } else {
                Some(snap.config.clone())
            };
            if !broken && new == snap.config {
                return Ok(Planned {
                    value: new.clone(),
                    files: Vec::new(),
                    message: String::new(),
                });
            }
            may_configure(before.as_ref(), &actor.person.email)?;
            keeps_a_manager(&new)?;
            check_links(&new, store.branch_short())?;
            Ok(Planned {
                value: new.clone(),
                files: vec![FileWrite {
                    path: CONFIG_PATH.into(),
                    content: new.to_toml().into(),
                }],
                message: if broken {
                    "config: repair\n".to_owned()
                } else {
                    "config: replace\n".to_owned()
                },
            })
        })
    }

    /// The text of `tracker.toml` at the current tip, as written (empty when missing).
    pub fn text(&self) -> Result<String, TrackerError> {
        let store = self.tracker.store();
        let tip = store.require_tip()?;
        Ok(store.read_text(tip, CONFIG_PATH)?.unwrap_or_default())
    }
}
