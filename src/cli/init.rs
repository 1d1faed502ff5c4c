//! `git tracker init`

use anyhow::anyhow;
use clap::Args;

use crate::cli::context::CommandContext;
use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::model::config::{ConfigError, Mode};
use crate::model::TrackerConfig;
use crate::text::sanitize_line;
use crate::tracker::TrackerError;

/// Create the tracker branch in this repository
///
/// Refuses when the branch already exists, and when a remote already has a tracker branch
/// (fetched by git, or found by asking the default remote): then every command takes that one
/// over, so a teammate's fresh clone needs no `init`; --force creates a separate, unrelated
/// tracker anyway. You become the tracker's first manager (in strict
/// mode only managers may change the configuration). The work tree, index and HEAD are not touched; a
/// bare repository works too. On a terminal with no options, asks for the settings; in
/// scripts, give them as options (or `--set KEY=VALUE` for any `config` key). Without a
/// terminal it never waits for input.
#[derive(Args, Debug, Default)]
pub struct InitArgs {
    /// Key prefix: tickets are named PREFIX + number [default: TRK-]
    #[arg(long)]
    pub prefix: Option<String>,
    /// The tracker's name [default: the repository's directory name]
    #[arg(long)]
    pub name: Option<String>,
    /// What the tracker is for
    #[arg(long)]
    pub description: Option<String>,
    /// Support mode: presets the enabled states and defaults
    #[arg(long, value_enum)]
    pub mode: Option<Mode>,
    /// Enabled states, comma-separated (POSTED is required) [default: the mode's]
    #[arg(long, value_name = "STATES")]
    pub states: Option<String>,
    /// Strict lifecycle: people may set only the states their roles allow
    #[arg(long)]
    pub strict: bool,
    /// Developers' emails, comma-separated
    #[arg(long, value_name = "EMAILS")]
    pub developers: Option<String>,
    /// Resolvers' emails, comma-separated
    #[arg(long, value_name = "EMAILS")]
    pub resolvers: Option<String>,
    /// Managers' emails, comma-separated
    #[arg(long, value_name = "EMAILS")]
    pub managers: Option<String>,
    /// Assignee(s) of new tickets that name none, comma-separated
    #[arg(long, value_name = "EMAILS")]
    pub default_assignee: Option<String>,
    /// Message printed after a ticket is created
    #[arg(long, value_name = "TEXT")]
    pub feedback: Option<String>,
    /// Disallow comments
    #[arg(long)]
    pub no_comments: bool,
    /// Turn notifications off
    #[arg(long)]
    pub no_notifications: bool,
    /// A developer or the assignee viewing a POSTED ticket opens it
    #[arg(long)]
    pub auto_open_on_view: bool,
    /// The parent tracker tickets are transferred up to: BRANCH (of this repository) or
    /// REMOTE:BRANCH (a tracker of another repository, reached as a git remote)
    #[arg(long, value_name = "TRACKER")]
    pub parent: Option<String>,
    /// Sub-trackers tickets can be dispatched down to: branches of this repository,
    /// comma-separated
    #[arg(long, value_name = "BRANCHES")]
    pub subtrackers: Option<String>,
    /// Refuse tickets transferred up from other trackers (accepted by default)
    #[arg(long)]
    pub no_accept_transfers: bool,
    /// Set any configuration key, as `config set` does (can be repeated)
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Create a tracker even though a remote has one (a separate tracker, which cannot be
    /// combined with the remote's)
    #[arg(long)]
    pub force: bool,
}

impl InitArgs {
    fn is_empty(&self) -> bool {
        let d = Self::default();
        self.prefix == d.prefix
            && self.name == d.name
            && self.description == d.description
            && self.mode == d.mode
            && self.states == d.states
            && !self.strict
            && self.developers.is_none()
            && self.resolvers.is_none()
            && self.managers.is_none()
            && self.default_assignee.is_none()
            && self.feedback.is_none()
            && !self.no_comments
            && !self.no_notifications
            && !self.auto_open_on_view
            && self.parent.is_none()
            && self.subtrackers.is_none()
            && !self.no_accept_transfers
            && self.set.is_empty()
    }

    /// The configuration the options describe, validated.
    fn config(&self, default_name: String) -> Result<TrackerConfig, ConfigError> {
        let mode = self.mode.unwrap_or_default();
        let mut c = TrackerConfig::for_mode(mode);
        c.name = default_name;
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut put = |k: &str, v: Option<&String>| {
            if let Some(v) = v {
                pairs.push((k.into(), v.clone()));
            }
        };
        put("prefix", self.prefix.as_ref());
        put("name", self.name.as_ref());
        put("description", self.description.as_ref());
        put("states", self.states.as_ref());
        put("roles.developer", self.developers.as_ref());
        put("roles.resolver", self.resolvers.as_ref());
        put("roles.manager", self.managers.as_ref());
        put("default_assignee", self.default_assignee.as_ref());
        put("feedback", self.feedback.as_ref());
        put("parent", self.parent.as_ref());
        put("subtrackers", self.subtrackers.as_ref());
        for (flag, key, value) in [
            (self.strict, "strict", "true"),
            (self.no_comments, "comments", "false"),
            (self.no_notifications, "notifications", "false"),
            (self.auto_open_on_view, "auto_open_on_view", "true"),
            (self.no_accept_transfers, "accept_transfers", "false"),
        ] {
            if flag {
                pairs.push((key.into(), value.into()));
            }
        }
        for kv in &self.set {
            let (k, v) = kv.split_once('=').ok_or_else(|| ConfigError::BadValue {
                key: "--set".into(),
                value: kv.clone(),
                expected: "KEY=VALUE".into(),
            })?;
            pairs.push((k.trim().into(), v.into()));
        }
        // Field keys are set in order, so a field's type comes before its other keys.
        pairs.sort_by_key(|(k, _)| !k.ends_with(".type"));
        for (k, v) in pairs {
            c.set(&k, &v)?;
        }
        c.validate()?;
        Ok(c)
    }
}

/// Asks for the settings on a terminal.
fn wizard(default_name: &str) -> Result<InitArgs, CliError> {
    use dialoguer::{Confirm, Input, Select};
    let failed = |e: dialoguer::Error| CliError::failure(anyhow!("prompt failed: {e}"));
    let text = |prompt: &str, default: &str| -> Result<String, CliError> {
        Input::<String>::new()
            .with_prompt(prompt)
            .default(default.to_owned())
            .allow_empty(true)
            .interact_text()
            .map_err(failed)
    };
    let name = text("Tracker name", default_name)?;
    let description = text("Description", "")?;
    let prefix = text("Key prefix", "TRK-")?;
    let modes = ["defects", "support", "tasks", "custom"];
    let mode = Select::new()
        .with_prompt("Support mode")
        .items(modes)
        .default(0)
        .interact()
        .map_err(failed)?;
    let strict = Confirm::new()
        .with_prompt("Strict lifecycle (people set only the states their roles allow)?")
        .default(false)
        .interact()
        .map_err(failed)?;
    let developers = text("Developers (emails, comma-separated)", "")?;
    let managers = text("Managers (emails, comma-separated)", "")?;
    let default_assignee = text("Default assignee (email, empty for none)", "")?;
    let feedback = text("Message printed after a ticket is filed", "")?;
    let some = |s: String| (!s.trim().is_empty()).then_some(s);
    Ok(InitArgs {
        name: Some(name),
        description: some(description),
        prefix: Some(prefix),
        mode: modes[mode].parse().ok(),
        strict,
        developers: some(developers),
        managers: some(managers),
        default_assignee: some(default_assignee),
        feedback: some(feedback),
        ..InitArgs::default()
    })
}

/// Refuses (exit 2) to start a second, unrelated tracker where a remote has one: git fetched
/// its branch, or the default remote says it has one. With `force`, warns instead.
fn remote_tracker(
    ui: &mut Ui,
    tracker: &crate::tracker::Tracker,
    force: bool,
) -> Result<(), CliError> {
    let store = tracker.store();
    let branch = store.branch_short().to_owned();
    let mut found = store.remote_branches().into_iter().map(|(r, _)| r).next();
    let default = tracker.sharing().default_remote();
    if found.is_none() && store.is_remote(&default) {
        let t = crate::store::Transport::new(false, ASK_REMOTE_SECONDS);
        match store.remote_has_branch(&default, &t) {
            Ok(true) => found = Some(default),
            Ok(false) => {}
            Err(e) => ui.warn(&format!(
                "could not ask {default} whether it has a tracker branch ({e}); if it has \
                 one, this tracker will be separate from it"
            )),
        }
    }
    let Some(remote) = found else { return Ok(()) };
    if force {
        ui.warn(&format!(
            "{remote} has a tracker branch; this creates a separate tracker, which 'git \
             tracker sync' cannot combine with {remote}'s"
        ));
        return Ok(());
    }
    Err(CliError::bad_input(anyhow!(
        "{remote} already has a tracker branch ({remote}/{branch}): this repository's tracker \
         exists"
    ))
    .hint("run 'git tracker sync' (or any command) to use it; 'init --force' makes a separate one"))
}

/// How long `init` waits for the default remote to say whether it has a tracker branch.
const ASK_REMOTE_SECONDS: u64 = 20;

/// Runs `init`.
pub fn run(ctx: &mut CommandContext, ui: &mut Ui, args: &InitArgs) -> Result<(), CliError> {
    let actor = ctx.actor(ui)?;
    let tracker = ctx.tracker()?;
    if tracker.store().tip()?.is_some() {
        let branch = tracker.store().branch().to_owned();
        return Err(crate::store::StoreError::AlreadyInitialized { branch }.into());
    }
    remote_tracker(ui, tracker, args.force)?;
    let default_name = tracker.store().repo_name();
    let asked;
    let args = if args.is_empty() && ui.interactive() {
        asked = wizard(&default_name)?;
        &asked
    } else {
        args
    };
    let config = args.config(default_name).map_err(TrackerError::from)?;
    let (config, _) = tracker.settings().init(&config, &actor)?;
    let branch = tracker.store().branch_short().to_owned();
    ui.status(&format!(
        "Initialized tracker {:?} ({} mode{}) on branch {branch}; keys look like {}1.",
        sanitize_line(&config.name),
        config.mode,
        if config.strict { ", strict" } else { "" },
        config.prefix
    ));
    Ok(())
}
