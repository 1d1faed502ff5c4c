//! The tracker's configuration file on the branch (`tracker.toml`).
//!
//! It changes rarely and is written merge-friendly: one key per line, one list element per
//! line, keys in a fixed order. Unknown keys written by newer versions are kept when reading.

use serde::{Deserialize, Serialize};

use crate::model::error::{ParseError, ValidationError};
use crate::model::id::validate_prefix;
use crate::model::state::State;

/// Path of the configuration file at the root of the branch.
pub const CONFIG_PATH: &str = "tracker.toml";

/// The tracker's settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackerConfig {
    /// Format version of this file.
    pub version: u32,
    /// Display name.
    pub name: String,
    /// What the tracker is for.
    #[serde(default)]
    pub description: String,
    /// Key prefix, e.g. `TRK-`.
    pub prefix: String,
    /// The enabled states. POSTED is always among them.
    #[serde(default = "all_states")]
    pub states: Vec<State>,
}

fn all_states() -> Vec<State> {
    State::ALL.to_vec()
}

impl Default for TrackerConfig {
    fn default() -> Self {
        Self {
            version: 1,
            name: "Tracker".into(),
            description: String::new(),
            prefix: "TRK-".into(),
            states: all_states(),
        }
    }
}

impl TrackerConfig {
    /// Checks every setting.
    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_prefix(&self.prefix)?;
        if self.name.trim().is_empty() || self.name.chars().any(char::is_control) {
            return Err(ValidationError::NotOneLine {
                field: "tracker name",
            });
        }
        crate::model::event::validate_block(&self.description, "description")?;
        if !self.states.contains(&State::Posted) {
            return Err(ValidationError::UnknownState(
                "POSTED must be enabled".into(),
            ));
        }
        Ok(())
    }

    /// Reads `tracker.toml`.
    pub fn from_toml(bytes: &[u8]) -> Result<Self, ParseError> {
        let text = std::str::from_utf8(bytes).map_err(|_| ParseError::NotUtf8)?;
        let cfg: Self = toml::from_str(text)?;
        if cfg.version != 1 {
            return Err(ParseError::Version(cfg.version));
        }
        cfg.validate()
            .map_err(|e| ParseError::Invalid(e.to_string()))?;
        Ok(cfg)
    }

    /// The text of `tracker.toml`: one key per line, one list element per line.
    pub fn to_toml(&self) -> String {
        let q = |s: &str| toml::Value::String(s.to_owned()).to_string();
        let mut out = String::from("# git-tracker configuration; see docs/format.md\n");
        out.push_str(&format!("version = {}\n", self.version));
        out.push_str(&format!("name = {}\n", q(&self.name)));
        out.push_str(&format!("description = {}\n", q(&self.description)));
        out.push_str(&format!("prefix = {}\n", q(&self.prefix)));
        out.push_str("states = [\n");
        for s in State::ALL.into_iter().filter(|s| self.states.contains(s)) {
            out.push_str(&format!("  \"{s}\",\n"));
        }
        out.push_str("]\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_layout() {
        let cfg = TrackerConfig {
            name: "Demo \"quoted\"".into(),
            description: "two\nlines".into(),
            ..TrackerConfig::default()
        };
        let text = cfg.to_toml();
        assert!(
            text.contains("states = [\n  \"POSTED\",\n  \"OPEN\",\n"),
            "{text}"
        );
        assert_eq!(TrackerConfig::from_toml(text.as_bytes()).unwrap(), cfg);
    }

    #[test]
    fn invalid_configs_are_refused() {
        assert!(TrackerConfig::from_toml(b"version = 1\nname = 'x'\nprefix = '9'\n").is_err());
        assert!(TrackerConfig::from_toml(b"version = 3\nname = 'x'\nprefix = 'T-'\n").is_err());
        assert!(TrackerConfig::from_toml(
            b"version = 1\nname = 'x'\nprefix = 'T-'\nstates = ['OPEN']\n"
        )
        .is_err());
        let ok = TrackerConfig::from_toml(b"version = 1\nname = 'x'\nprefix = 'T-'\n").unwrap();
        assert_eq!(ok.states.len(), 10);
    }
}
