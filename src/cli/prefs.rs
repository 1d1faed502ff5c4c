//! `git tracker prefs`: which changes you want mail about (R33, the seed's "Régler mes
//! préférences").

use clap::Args;
use serde::Serialize;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::model::notify::{effective, NotifyEvent};
use crate::model::ValidationError;
use crate::report::json::SCHEMA_VERSION;
use crate::report::OutputFormat;

/// Show or change which changes you want mail about
///
/// The kinds of change are the moves to a state (open, resolving, waiting, testing,
/// published, resolved, abandonned, validated, transfered), comment (added, edited or
/// deleted) and assign. What you never chose follows the tracker's defaults
/// (`notify_defaults` in tracker.toml: every kind unless configured). Your choices are stored
/// on the tracker branch in your own directory (docs/format.md, "People"), so every clone
/// honours them after a sync; a change is one commit, and a change that changes nothing
/// writes nothing. A watch you start takes these preferences.
#[derive(Args, Debug)]
pub struct PrefsArgs {
    /// Turn mail about these kinds on (comma-separated, or `all`)
    #[arg(long, value_name = "KINDS")]
    pub on: Option<String>,
    /// Turn mail about these kinds off (comma-separated, or `all`); a kind named by both
    /// --on and --off is refused, unless one of them says `all`: then the kinds named
    /// one by one win
    #[arg(long, value_name = "KINDS")]
    pub off: Option<String>,
    /// Output format of the preferences printed afterwards
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

#[derive(Serialize)]
struct PrefView {
    event: &'static str,
    on: bool,
    /// Whether you chose it (else it is the tracker's default).
    chosen: bool,
}

#[derive(Serialize)]
struct PrefsView {
    schema_version: u32,
    email: String,
    /// The tracker-wide switch: when false, nobody gets mail whatever their preferences.
    notifications: bool,
    events: Vec<PrefView>,
}

/// Reads `--on` and `--off`: a kind in both is an error, unless one side is `all` (then the
/// kinds named one by one win over it).
fn choices(
    on: Option<&str>,
    off: Option<&str>,
) -> Result<(Vec<NotifyEvent>, Vec<NotifyEvent>), ValidationError> {
    let read = |s: Option<&str>| -> Result<(Vec<NotifyEvent>, bool), ValidationError> {
        let text = s.unwrap_or("");
        let all = text
            .split(',')
            .any(|w| w.trim().eq_ignore_ascii_case("all"));
        Ok((NotifyEvent::parse_list(text)?, all))
    };
    let (mut on, on_all) = read(on)?;
    let (mut off, off_all) = read(off)?;
    match (on_all, off_all) {
        (true, false) => on.retain(|e| !off.contains(e)),
        (false, true) => off.retain(|e| !on.contains(e)),
        _ => {
            if let Some(both) = on.iter().find(|e| off.contains(e)) {
                return Err(ValidationError::OnAndOff(both.to_string()));
            }
        }
    }
    Ok((on, off))
}

/// Runs `prefs`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &PrefsArgs) -> Result<(), CliError> {
    let (on, off) = choices(args.on.as_deref(), args.off.as_deref())?;
    let me = ctx.person()?;
    // The snapshot's warnings are printed once, before anything is written.
    let mut snap = ctx.snapshot(ui)?;
    if args.on.is_some() || args.off.is_some() {
        let actor = ctx.actor(ui)?;
        let (changed, tip) = ctx.tracker()?.people().set_prefs(&actor, &on, &off)?;
        if tip.is_none() {
            ui.status("Your preferences already say so; nothing written.");
        } else {
            let names = |want: bool| -> Vec<&str> {
                changed
                    .iter()
                    .filter(|(_, on)| *on == want)
                    .map(|(e, _)| e.name())
                    .collect()
            };
            let (now_on, now_off) = (names(true), names(false));
            let mut parts = Vec::new();
            if !now_on.is_empty() {
                parts.push(format!("on for {}", now_on.join(", ")));
            }
            if !now_off.is_empty() {
                parts.push(format!("off for {}", now_off.join(", ")));
            }
            ui.status(&format!("Mail {}.", parts.join("; ")));
            snap = ctx.tracker()?.snapshot()?;
        }
    }
    let (state, problems) = ctx.tracker()?.people().state(&snap, &me)?;
    ui.diagnostics(&problems);
    let prefs = effective(&snap.config.notify_defaults, &state.prefs);
    match args.format {
        OutputFormat::Json => {
            let view = PrefsView {
                schema_version: SCHEMA_VERSION,
                email: me.email.clone(),
                notifications: snap.config.notifications,
                events: prefs
                    .iter()
                    .map(|(e, p)| PrefView {
                        event: e.name(),
                        on: p.on,
                        chosen: p.chosen,
                    })
                    .collect(),
            };
            crate::report::json::write(ui.out(), &view)?;
        }
        OutputFormat::Table => {
            writeln!(ui.out(), "EVENT       MAIL  SET BY")?;
            for (e, p) in &prefs {
                let mail = if p.on { "on" } else { "off" };
                let by = if p.chosen { "you" } else { "tracker default" };
                writeln!(ui.out(), "{:<10}  {mail:<4}  {by}", e.name())?;
            }
            if !snap.config.notifications {
                ui.status(
                    "Notifications are off in this tracker: nobody gets mail \
                     (git tracker config set notifications true).",
                );
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use NotifyEvent::{Comment, Resolved, Waiting};

    #[test]
    fn a_kind_on_both_sides_is_refused_unless_one_side_says_all() {
        assert_eq!(
            choices(Some("resolved,comment"), Some("waiting")).unwrap(),
            (vec![Resolved, Comment], vec![Waiting])
        );
        assert_eq!(
            choices(Some("comment"), Some("waiting,comment"))
                .unwrap_err()
                .to_string(),
            "\"comment\" cannot be both turned on and turned off"
        );
        let (on, off) = choices(Some("resolved"), Some("all")).unwrap();
        assert_eq!(on, [Resolved]);
        assert_eq!(off.len(), NotifyEvent::ALL.len() - 1);
        assert!(!off.contains(&Resolved));
        let (on, off) = choices(Some("all"), Some("waiting")).unwrap();
        assert!(!on.contains(&Waiting) && off == [Waiting]);
        assert!(choices(Some("all"), Some("all")).is_err());
        assert!(choices(None, Some("sleeping")).is_err());
    }
}
