//! The ticket lifecycle: the ten states of the seed product and the transition rule (R10–R13).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::model::error::ValidationError;

/// A ticket state, with mod_tracker's spellings and codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum State {
    /// Just created by its reporter (code 0).
    Posted,
    /// Someone other than the reporter has taken note of it (code 1).
    Open,
    /// A resolver has started working on it (code 2).
    Resolving,
    /// Blocked by an outside constraint (code 3).
    Waiting,
    /// The solution is on a test system (code 7).
    Testing,
    /// Completely closed, accepted by the requester (code 9).
    Validated,
    /// The solution is in production (code 8).
    Published,
    /// A solution is found (code 4).
    Resolved,
    /// Obsolete, closed with no action (code 5). The seed's spelling.
    Abandonned,
    /// Sent to another tracker (code 6). The seed's spelling.
    Transfered,
}

impl State {
    /// Every state, in the seed's display order (the order of the `State` sort).
    pub const ALL: [Self; 10] = [
        Self::Posted,
        Self::Open,
        Self::Resolving,
        Self::Waiting,
        Self::Testing,
        Self::Validated,
        Self::Published,
        Self::Resolved,
        Self::Abandonned,
        Self::Transfered,
    ];

    /// The upper-case name, e.g. `RESOLVING`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Posted => "POSTED",
            Self::Open => "OPEN",
            Self::Resolving => "RESOLVING",
            Self::Waiting => "WAITING",
            Self::Testing => "TESTING",
            Self::Validated => "VALIDATED",
            Self::Published => "PUBLISHED",
            Self::Resolved => "RESOLVED",
            Self::Abandonned => "ABANDONNED",
            Self::Transfered => "TRANSFERED",
        }
    }

    /// mod_tracker's numeric code.
    pub fn code(self) -> u8 {
        match self {
            Self::Posted => 0,
            Self::Open => 1,
            Self::Resolving => 2,
            Self::Waiting => 3,
            Self::Resolved => 4,
            Self::Abandonned => 5,
            Self::Transfered => 6,
            Self::Testing => 7,
            Self::Published => 8,
            Self::Validated => 9,
        }
    }

    /// Whether the state is finished (R13): RESOLVED, ABANDONNED, TRANSFERED, VALIDATED.
    pub fn is_finished(self) -> bool {
        matches!(
            self,
            Self::Resolved | Self::Abandonned | Self::Transfered | Self::Validated
        )
    }

    /// Position in the display order, for sorting.
    pub fn rank(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for State {
    type Err = ValidationError;

    /// Case-insensitive; accepts the aliases ABANDONED and TRANSFERRED.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let upper = s.trim().to_ascii_uppercase();
        let alias = match upper.as_str() {
            "ABANDONED" => Some(Self::Abandonned),
            "TRANSFERRED" => Some(Self::Transfered),
            _ => None,
        };
        alias
            .or_else(|| Self::ALL.into_iter().find(|st| st.name() == upper))
            .ok_or_else(|| ValidationError::UnknownState(s.to_owned()))
    }
}

/// The states a ticket in `from` may move to under the default graph (R11): any enabled
/// state, except that leaving a finished state for one in progress (reopening) needs `reopen`.
/// A move from one finished state to another (RESOLVED to VALIDATED, say) needs no flag. The
/// full check, with the explicit graph and strict mode, is [`crate::model::workflow::check_move`].
pub fn allowed_targets(from: State, enabled: &[State], reopen: bool) -> Vec<State> {
    let reopening = |s: &State| from.is_finished() && !s.is_finished();
    State::ALL
        .into_iter()
        .filter(|s| *s != from && enabled.contains(s) && (reopen || !reopening(s)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_case_insensitively_with_aliases() {
        for s in State::ALL {
            assert_eq!(s.name().parse::<State>(), Ok(s));
            assert_eq!(s.name().to_lowercase().parse::<State>(), Ok(s));
        }
        assert_eq!("Abandoned".parse::<State>(), Ok(State::Abandonned));
        assert_eq!("transferred".parse::<State>(), Ok(State::Transfered));
        assert!("closed".parse::<State>().is_err());
    }

    #[test]
    fn codes_are_mod_trackers() {
        let codes: Vec<u8> = State::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(codes, [0, 1, 2, 3, 7, 9, 8, 4, 5, 6]);
    }

    #[test]
    fn finished_states_are_the_four() {
        let finished: Vec<State> = State::ALL.into_iter().filter(|s| s.is_finished()).collect();
        assert_eq!(
            finished,
            [
                State::Validated,
                State::Resolved,
                State::Abandonned,
                State::Transfered
            ]
        );
    }

    #[test]
    fn default_graph() {
        let all = State::ALL;
        let from_resolved = allowed_targets(State::Resolved, &all, false);
        assert_eq!(
            from_resolved,
            [State::Validated, State::Abandonned, State::Transfered]
        );
        assert!(allowed_targets(State::Resolved, &all, true).contains(&State::Open));
        assert!(!allowed_targets(State::Open, &all, false).contains(&State::Open));
        let some = [State::Posted, State::Open, State::Resolved];
        assert_eq!(
            allowed_targets(State::Open, &some, false),
            [State::Posted, State::Resolved]
        );
    }
}
