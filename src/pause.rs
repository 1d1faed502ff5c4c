//! Pause points: let an integration test stop a real process at a named place, to reproduce a
//! race deterministically. Compiled only in debug builds (the integration tests run the debug
//! binary); in a release build [`point`] is an empty function and the environment is never read.
//!
//! With `GIT_TRACKER_PAUSE=NAME:DIR`, the process that reaches the point `NAME` creates
//! `DIR/NAME.reached` (holding its pid), then waits until `DIR/NAME.go` exists. It polls every
//! 10 ms and goes on by itself after 60 s, so a test that fails never leaves a process behind
//! for long.

/// Waits here if `GIT_TRACKER_PAUSE` names this point (debug builds only).
#[cfg(debug_assertions)]
pub(crate) fn point(name: &str) {
    use std::time::{Duration, Instant};

    let Some(spec) = std::env::var_os("GIT_TRACKER_PAUSE") else {
        return;
    };
    let spec = spec.to_string_lossy();
    let Some((wanted, dir)) = spec.split_once(':') else {
        return;
    };
    if wanted != name {
        return;
    }
    let dir = std::path::Path::new(dir);
    let go = dir.join(format!("{name}.go"));
    if std::fs::write(
        dir.join(format!("{name}.reached")),
        format!("{}\n", std::process::id()),
    )
    .is_err()
    {
        return;
    }
    let start = Instant::now();
    while !go.exists() && start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Waits here if `GIT_TRACKER_PAUSE` names this point (debug builds only).
#[cfg(not(debug_assertions))]
#[inline]
pub(crate) fn point(_name: &str) {}

/// A positive number from the environment variable `var`, in debug builds only (release
/// builds always return `None`): how tests shrink thresholds to reach rare paths quickly.
pub(crate) fn debug_override(var: &str) -> Option<u64> {
    if cfg!(debug_assertions) {
        std::env::var(var)
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .filter(|n| *n > 0)
    } else {
        None
    }
}
