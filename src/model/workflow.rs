//! The one check every state change goes through (R11, R12): enabled states, the transition
//! graph, and in strict mode the actor's roles.

use crate::model::config::{Role, TrackerConfig};
use crate::model::error::ValidationError;
use crate::model::state::{allowed_targets, State};

/// The states an actor with `roles` may set on a ticket in `from`.
pub fn allowed_moves(
    config: &TrackerConfig,
    roles: &[Role],
    from: State,
    reopen: bool,
) -> Vec<State> {
    let mut allowed = match config.graph_from(from) {
        // An explicit graph names the targets itself.
        Some(targets) => State::ALL
            .into_iter()
            .filter(|s| *s != from && targets.contains(s) && config.is_enabled(*s))
            .collect(),
        None => allowed_targets(from, &config.enabled_states(), reopen),
    };
    if config.strict {
        let mask: Vec<State> = roles.iter().flat_map(|r| config.mask(*r)).collect();
        allowed.retain(|s| mask.contains(s));
    }
    allowed
}

/// The states an actor with `roles` may move a ticket in `from` to next, in lifecycle order,
/// each with whether the move needs `--reopen` (leaving a finished state for one in
/// progress): what `state KEY` without a state lists.
pub fn next_states(config: &TrackerConfig, roles: &[Role], from: State) -> Vec<(State, bool)> {
    let plain = allowed_moves(config, roles, from, false);
    let mut next: Vec<(State, bool)> = allowed_moves(config, roles, from, true)
        .into_iter()
        .map(|s| (s, !plain.contains(&s)))
        .collect();
    next.sort_by_key(|(s, _)| s.rank());
    next
}

/// Checks that an actor with `roles` may move a ticket from `from` to `to`; the refusal says
/// why and lists the allowed states.
pub fn check_move(
    config: &TrackerConfig,
    roles: &[Role],
    from: State,
    to: State,
    reopen: bool,
) -> Result<(), ValidationError> {
    let allowed = allowed_moves(config, roles, from, reopen);
    if allowed.contains(&to) {
        return Ok(());
    }
    let names = |r: &[Role]| r.iter().map(|r| r.name()).collect::<Vec<_>>().join(", ");
    let reason = if from == to {
        format!("the ticket is already {to}")
    } else if !config.is_enabled(to) {
        if to == State::Transfered && config.states.contains(&to) {
            "TRANSFERED is enabled only in a tracker with a parent or sub-trackers (config set \
             parent, config set subtrackers); 'git tracker transfer' and 'dispatch' move tickets \
             there"
                .to_owned()
        } else {
            format!("state {to} is not enabled in this tracker")
        }
    } else if config.graph_from(from).is_some_and(|t| !t.contains(&to)) {
        format!("the tracker's graph does not allow {from} -> {to}")
    } else if config.graph_from(from).is_none()
        && from.is_finished()
        && !to.is_finished()
        && !reopen
    {
        format!("the ticket is {from}, a finished state: moving it back to {to} needs --reopen")
    } else if config.strict {
        let mask: Vec<State> = roles.iter().flat_map(|r| config.mask(*r)).collect();
        if mask.contains(&to) {
            format!("moving from {from} to {to} is not allowed")
        } else {
            format!(
                "strict mode: your roles ({}) may not set {to}",
                names(roles)
            )
        }
    } else {
        format!("moving from {from} to {to} is not allowed")
    };
    Err(ValidationError::Transition { reason, allowed })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strict() -> TrackerConfig {
        let mut c = TrackerConfig::default();
        c.set("strict", "true").unwrap();
        c
    }

    #[test]
    fn strict_mode_limits_targets_to_the_roles_masks() {
        let c = strict();
        let reporter = [Role::Reporter];
        assert!(check_move(&c, &reporter, State::Resolved, State::Validated, false).is_ok());
        let err = check_move(&c, &reporter, State::Posted, State::Resolving, false).unwrap_err();
        assert!(
            err.to_string()
                .contains("your roles (reporter) may not set RESOLVING"),
            "{err}"
        );
        let dev = [Role::Reporter, Role::Developer];
        assert!(check_move(&c, &dev, State::Posted, State::Resolving, false).is_ok());
        assert_eq!(
            allowed_moves(&c, &dev, State::Posted, false),
            [
                State::Open,
                State::Resolving,
                State::Waiting,
                State::Validated,
                State::Abandonned
            ]
        );
        // Relaxed: anyone, any enabled state.
        let relaxed = TrackerConfig::default();
        assert!(check_move(&relaxed, &reporter, State::Posted, State::Resolving, false).is_ok());
    }

    #[test]
    fn next_states_say_which_moves_need_reopen() {
        let relaxed = TrackerConfig::default();
        let reporter = [Role::Reporter];
        let from_open = next_states(&relaxed, &reporter, State::Open);
        assert!(from_open
            .iter()
            .all(|(s, reopen)| *s != State::Open && !reopen));
        // Every state but OPEN and TRANSFERED (enabled only with a parent or sub-trackers, R10).
        assert_eq!(from_open.len(), 8);
        let from_resolved = next_states(&relaxed, &reporter, State::Resolved);
        assert!(from_resolved.contains(&(State::Open, true)));
        assert!(from_resolved.contains(&(State::Validated, false)));
        // Strict mode: only the roles' masks.
        let c = strict();
        assert_eq!(
            next_states(&c, &reporter, State::Resolved),
            [(State::Posted, true), (State::Validated, false)]
        );
    }

    #[test]
    fn an_explicit_graph_decides_the_targets() {
        let mut c = TrackerConfig::default();
        c.set("graph.posted", "open").unwrap();
        assert!(check_move(&c, &[Role::Reporter], State::Posted, State::Open, false).is_ok());
        let err =
            check_move(&c, &[Role::Reporter], State::Posted, State::Resolved, false).unwrap_err();
        assert!(
            err.to_string()
                .contains("graph does not allow POSTED -> RESOLVED"),
            "{err}"
        );
        // States the graph does not name keep the default rule.
        assert!(check_move(&c, &[Role::Reporter], State::Open, State::Resolved, false).is_ok());
    }
}
