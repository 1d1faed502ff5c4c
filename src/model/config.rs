//! The tracker's configuration file on the branch (`tracker.toml`) (R30–R32).
//!
//! It changes rarely and is written merge-friendly: `version` first, then every key in
//! alphabetical order, one key per line and one list element per line, tables (`[roles]`,
//! `[masks]`, `[graph]`, `[fields.NAME]`) after the plain keys. Every key can be read and
//! written by name (`config get/set`), and every change is validated before it is written.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::model::error::{ParseError, ValidationError};
use crate::model::event::Event;
use crate::model::id::validate_prefix;
use crate::model::limits::{
    self, DEFAULT_MAX_ATTACHMENT_BYTES, DEFAULT_MAX_TEXT_BYTES, MAX_ATTACHMENT_BYTES,
    MAX_CONFIG_BYTES, MAX_EVENT_FILE_BYTES, MAX_TEXT_BYTES, MIN_MAX_ATTACHMENT_BYTES,
    MIN_MAX_TEXT_BYTES,
};
use crate::model::notify::NotifyEvent;
use crate::model::person::validate_email;
use crate::model::state::State;

/// Path of the configuration file at the root of the branch.
pub const CONFIG_PATH: &str = "tracker.toml";

/// A support mode (R31): presets of states and defaults.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Defect tracker: all states; everyone sees and acts on every ticket.
    #[default]
    Defects,
    /// User support: reporters see the tickets they reported; responders see all.
    Support,
    /// Task distribution: assignees see their work; no default assignee.
    Tasks,
    /// Whatever is configured.
    Custom,
}

impl Mode {
    /// The name as written in the file.
    pub fn name(self) -> &'static str {
        match self {
            Self::Defects => "defects",
            Self::Support => "support",
            Self::Tasks => "tasks",
            Self::Custom => "custom",
        }
    }

    /// The states the mode enables (R10).
    pub fn states(self) -> Vec<State> {
        use State::*;
        match self {
            Self::Defects | Self::Custom => State::ALL.to_vec(),
            Self::Support => vec![
                Posted, Open, Resolving, Waiting, Validated, Resolved, Abandonned,
            ],
            Self::Tasks => vec![Posted, Open, Waiting, Resolved, Abandonned],
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Mode {
    type Err = ConfigError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "defects" | "defect" => Ok(Self::Defects),
            "support" => Ok(Self::Support),
            "tasks" | "task" => Ok(Self::Tasks),
            "custom" => Ok(Self::Custom),
            _ => Err(ConfigError::BadValue {
                key: "mode".into(),
                value: s.into(),
                expected: "defects, support, tasks or custom".into(),
            }),
        }
    }
}

/// A role (R12). Everyone is a reporter; the others are given by email in `[roles]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Files tickets.
    Reporter,
    /// Works on tickets.
    Developer,
    /// Concludes tickets.
    Resolver,
    /// Manages the tracker.
    Manager,
}

impl Role {
    /// Every role.
    pub const ALL: [Self; 4] = [
        Self::Reporter,
        Self::Developer,
        Self::Resolver,
        Self::Manager,
    ];

    /// The name as written in the file.
    pub fn name(self) -> &'static str {
        match self {
            Self::Reporter => "reporter",
            Self::Developer => "developer",
            Self::Resolver => "resolver",
            Self::Manager => "manager",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.name() == s)
    }

    /// mod_tracker's default mask of target states for this role in strict mode (R12).
    pub fn default_mask(self, mode: Mode) -> Vec<State> {
        use State::*;
        let defects = mode == Mode::Defects;
        let mut m = match self {
            Self::Reporter => vec![Posted, Validated],
            Self::Developer => vec![Open, Resolving, Waiting, Abandonned],
            Self::Resolver => vec![Resolved, Validated, Abandonned, Transfered],
            Self::Manager => {
                vec![
                    Posted, Resolving, Waiting, Abandonned, Testing, Published, Validated,
                ]
            }
        };
        match self {
            Self::Reporter if !defects => m.push(Resolved),
            Self::Developer if !defects => m.extend([Testing, Published]),
            _ => {}
        }
        m.sort_by_key(|s| s.rank());
        m
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The type of a custom field (R26).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldType {
    /// One line of text.
    Text,
    /// Several lines of text.
    LongText,
    /// One of `choices`.
    Choice,
    /// Any subset of `choices`.
    MultiChoice,
    /// Yes or no.
    Checkbox,
    /// A number.
    Number,
    /// A date (YYYY-MM-DD).
    Date,
    /// A person's email.
    User,
}

impl FieldType {
    const NAMES: [(&'static str, Self); 8] = [
        ("text", Self::Text),
        ("long-text", Self::LongText),
        ("choice", Self::Choice),
        ("multi-choice", Self::MultiChoice),
        ("checkbox", Self::Checkbox),
        ("number", Self::Number),
        ("date", Self::Date),
        ("user", Self::User),
    ];

    /// The name as written in the file.
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, t)| *t == self)
            .map_or("text", |(n, _)| n)
    }
}

/// A custom field's definition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldDef {
    /// Its type.
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// The allowed values of a choice or multi-choice field.
    #[serde(default)]
    pub choices: Vec<String>,
    /// Required when a ticket is created.
    #[serde(default)]
    pub mandatory: bool,
    /// Shown only to developers, resolvers and managers.
    #[serde(default)]
    pub private: bool,
    /// An extra column (and sort key) of `list`.
    #[serde(default)]
    pub listable: bool,
}

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
    /// Support mode.
    #[serde(default)]
    pub mode: Mode,
    /// The enabled states. POSTED is always among them.
    #[serde(default = "all_states")]
    pub states: Vec<State>,
    /// Strict lifecycle: people may set only the states of their roles' masks.
    #[serde(default)]
    pub strict: bool,
    /// People with roles beyond reporter, by email.
    #[serde(default)]
    pub roles: BTreeMap<String, Vec<String>>,
    /// Target states per role in strict mode, when not mod_tracker's default.
    #[serde(default)]
    pub masks: BTreeMap<String, Vec<State>>,
    /// An explicit transition graph: from a state, the states it may move to (R11).
    #[serde(default)]
    pub graph: BTreeMap<String, Vec<State>>,
    /// Assigned to a new ticket that names no assignee (R21).
    #[serde(default)]
    pub default_assignee: Vec<String>,
    /// Printed after a ticket is created (R27).
    #[serde(default)]
    pub feedback: String,
    /// Whether comments are allowed.
    #[serde(default = "yes")]
    pub comments: bool,
    /// Whether notifications are sent (the switch only).
    #[serde(default = "yes")]
    pub notifications: bool,
    /// The kinds of change people hear about unless they chose otherwise (R33, `prefs`).
    #[serde(default = "all_notify_events")]
    pub notify_defaults: Vec<NotifyEvent>,
    /// Whether a developer or the assignee viewing a POSTED ticket opens it (R15).
    #[serde(default)]
    pub auto_open_on_view: bool,
    /// The largest text (description, solution, comment, state message, field value) a
    /// write accepts, in bytes: [`MIN_MAX_TEXT_BYTES`] to [`MAX_TEXT_BYTES`].
    #[serde(default = "default_max_text_bytes")]
    pub max_text_bytes: u64,
    /// The roles whose members may move priorities and decide raise requests in strict mode
    /// (R25); absent: the managers.
    #[serde(default = "default_priority_roles")]
    pub priority_roles: Vec<String>,
    /// Custom fields by name.
    #[serde(default)]
    pub fields: BTreeMap<String, FieldDef>,
    /// Which labels may be used, and their colours (`[labels]`).
    #[serde(default)]
    pub labels: Labels,
    /// Attachments (`[attachments]`): their size limit.
    #[serde(default)]
    pub attachments: Attachments,
    /// The tracker tickets are transferred up to (R34): `BRANCH` (a branch of the same
    /// repository) or `REMOTE:BRANCH` (a tracker branch of another repository, reached as a
    /// git remote).
    #[serde(default)]
    pub parent: Option<String>,
    /// The trackers tickets can be dispatched down to (R35): branches of the same repository.
    #[serde(default)]
    pub subtrackers: Vec<String>,
    /// Whether tickets transferred up from other trackers are accepted (R30).
    #[serde(default = "yes")]
    pub accept_transfers: bool,
}

/// The `[attachments]` table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachments {
    /// The largest file a write attaches, in bytes: [`MIN_MAX_ATTACHMENT_BYTES`] to
    /// [`MAX_ATTACHMENT_BYTES`], default [`DEFAULT_MAX_ATTACHMENT_BYTES`] (5 MiB).
    #[serde(default = "default_max_attachment")]
    pub max_size: u64,
}

impl Default for Attachments {
    fn default() -> Self {
        Self {
            max_size: DEFAULT_MAX_ATTACHMENT_BYTES,
        }
    }
}

/// Where a linked tracker is: a branch of this repository, or of a remote's repository
/// (`parent = "REMOTE:BRANCH"`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TrackerLink {
    /// The remote, for a tracker of another repository.
    pub remote: Option<String>,
    /// The branch (short name).
    pub branch: String,
}

impl TrackerLink {
    /// Reads `BRANCH` or `REMOTE:BRANCH`, each part a valid git ref name component.
    pub fn parse(s: &str) -> Result<Self, ConfigError> {
        let bad = |expected: &str| ConfigError::BadValue {
            key: "parent".into(),
            value: s.into(),
            expected: expected.into(),
        };
        let (remote, branch) = match s.trim().split_once(':') {
            Some((r, b)) => (Some(r.to_owned()), b.to_owned()),
            None => (None, s.trim().to_owned()),
        };
        if !valid_branch(&branch) {
            return Err(bad("BRANCH or REMOTE:BRANCH, with a valid git branch name"));
        }
        if remote.as_deref().is_some_and(|r| !valid_branch(r)) {
            return Err(bad("REMOTE:BRANCH, with a valid git remote name"));
        }
        Ok(Self { remote, branch })
    }
}

impl fmt::Display for TrackerLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.remote {
            Some(r) => write!(f, "{r}:{}", self.branch),
            None => f.write_str(&self.branch),
        }
    }
}

fn default_max_attachment() -> u64 {
    DEFAULT_MAX_ATTACHMENT_BYTES
}

/// The colours a label may be shown in, with their ANSI SGR codes.
pub const LABEL_COLORS: [(&str, &str); 8] = [
    ("black", "30"),
    ("red", "31"),
    ("green", "32"),
    ("yellow", "33"),
    ("blue", "34"),
    ("magenta", "35"),
    ("cyan", "36"),
    ("white", "37"),
];

/// The `[labels]` table: labels are free words unless `allowed` names some.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labels {
    /// When not empty, the only labels a write may add.
    #[serde(default)]
    pub allowed: Vec<String>,
    /// A colour (one of [`LABEL_COLORS`]) per label.
    #[serde(default)]
    pub color: BTreeMap<String, String>,
}

impl Labels {
    fn is_empty(&self) -> bool {
        self.allowed.is_empty() && self.color.is_empty()
    }
}

/// Whether `name` can be a git branch (or remote) name, by git's rules for ref names
/// (`git check-ref-format`): no control characters, spaces or any of `~^:?*[\`, no `..`,
/// `@{` or `//`, no part starting with `.` or ending with `.lock`, not ending with `/` or
/// `.`, not `@`, at most 200 bytes.
pub fn valid_branch(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 200
        && name != "@"
        && !name.starts_with('-')
        && !name.ends_with('/')
        && !name.ends_with('.')
        && !name.contains("..")
        && !name.contains("@{")
        && !name.contains("//")
        && !name
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || "~^:?*[\\".contains(c))
        && name
            .split('/')
            .all(|part| !part.is_empty() && !part.starts_with('.') && !part.ends_with(".lock"))
}

fn all_states() -> Vec<State> {
    State::ALL.to_vec()
}

fn all_notify_events() -> Vec<NotifyEvent> {
    NotifyEvent::ALL.to_vec()
}

fn yes() -> bool {
    true
}

fn default_max_text_bytes() -> u64 {
    DEFAULT_MAX_TEXT_BYTES
}

fn default_priority_roles() -> Vec<String> {
    crate::model::rank::DEFAULT_PRIORITY_ROLES
        .iter()
        .map(|r| r.name().to_owned())
        .collect()
}

/// Reads a value of `priority_roles`: developer, resolver and manager, at least one, in that
/// order.
fn priority_roles_value(value: &str) -> Result<Vec<String>, ConfigError> {
    let bad = || ConfigError::BadValue {
        key: "priority_roles".into(),
        value: value.into(),
        expected: "one or more of developer, resolver, manager (everyone is a reporter)".into(),
    };
    let mut roles = Vec::new();
    for name in list(value) {
        match Role::parse(&name.to_ascii_lowercase()) {
            Some(r @ (Role::Developer | Role::Resolver | Role::Manager)) => roles.push(r),
            _ => return Err(bad()),
        }
    }
    if roles.is_empty() {
        return Err(bad());
    }
    roles.sort();
    roles.dedup();
    Ok(roles.iter().map(|r| r.name().to_owned()).collect())
}

impl Default for TrackerConfig {
    fn default() -> Self {
        Self {
            version: 1,
            name: "Tracker".into(),
            description: String::new(),
            prefix: "TRK-".into(),
            mode: Mode::Defects,
            states: all_states(),
            strict: false,
            roles: BTreeMap::new(),
            masks: BTreeMap::new(),
            graph: BTreeMap::new(),
            default_assignee: Vec::new(),
            feedback: String::new(),
            comments: true,
            notifications: true,
            notify_defaults: all_notify_events(),
            auto_open_on_view: false,
            max_text_bytes: DEFAULT_MAX_TEXT_BYTES,
            priority_roles: default_priority_roles(),
            fields: BTreeMap::new(),
            labels: Labels::default(),
            attachments: Attachments::default(),
            parent: None,
            subtrackers: Vec::new(),
            accept_transfers: true,
        }
    }
}

/// A configuration change that cannot be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    /// No such key.
    #[error("unknown configuration key {0:?}")]
    UnknownKey(String),
    /// A value of the wrong form.
    #[error("invalid value {value:?} for {key}: expected {expected}")]
    BadValue {
        /// The key.
        key: String,
        /// The value given.
        value: String,
        /// What would do.
        expected: String,
    },
    /// A configuration that breaks a rule.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// A rule about the whole configuration.
    #[error("{0}")]
    Rule(String),
}

/// Every plain key `config get/set` knows (field keys are `fields.NAME.*`).
pub const KEYS: [&str; 26] = [
    "name",
    "description",
    "prefix",
    "mode",
    "states",
    "strict",
    "roles.developer",
    "roles.resolver",
    "roles.manager",
    "masks.reporter",
    "masks.developer",
    "masks.resolver",
    "masks.manager",
    "default_assignee",
    "feedback",
    "comments",
    "notifications",
    "notify_defaults",
    "auto_open_on_view",
    "max_text_bytes",
    "priority_roles",
    "labels.allowed",
    "attachments.max_size",
    "parent",
    "subtrackers",
    "accept_transfers",
];

/// The field-definition keys: `fields.NAME.<one of these>`.
pub const FIELD_KEYS: [&str; 5] = ["type", "choices", "mandatory", "private", "listable"];

fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn bool_value(key: &str, value: &str) -> Result<bool, ConfigError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" => Ok(true),
        "false" | "no" | "off" | "0" => Ok(false),
        _ => Err(ConfigError::BadValue {
            key: key.into(),
            value: value.into(),
            expected: "true or false".into(),
        }),
    }
}

fn states_value(value: &str) -> Result<Vec<State>, ConfigError> {
    let mut states: Vec<State> = list(value)
        .iter()
        .map(|s| s.parse::<State>())
        .collect::<Result<_, _>>()?;
    states.sort_by_key(|s| s.rank());
    states.dedup();
    Ok(states)
}

fn emails_value(value: &str) -> Result<Vec<String>, ConfigError> {
    let emails = list(value);
    for e in &emails {
        validate_email(e)?;
    }
    Ok(emails)
}

fn max_text_bytes_value(value: &str) -> Result<u64, ConfigError> {
    value
        .trim()
        .parse::<u64>()
        .ok()
        .filter(|n| (MIN_MAX_TEXT_BYTES..=MAX_TEXT_BYTES).contains(n))
        .ok_or_else(|| ConfigError::BadValue {
            key: "max_text_bytes".into(),
            value: value.into(),
            expected: format!("a number of bytes from {MIN_MAX_TEXT_BYTES} to {MAX_TEXT_BYTES}"),
        })
}

fn join_notify(kinds: &[NotifyEvent]) -> String {
    kinds.iter().map(|k| k.name()).collect::<Vec<_>>().join(",")
}

fn join_states(s: &[State]) -> String {
    s.iter().map(|s| s.name()).collect::<Vec<_>>().join(",")
}

/// Whether `name` can name a custom field: 1–32 lower-case letters, digits, `_` or `-`,
/// starting with a letter.
pub fn valid_field_name(name: &str) -> bool {
    (1..=32).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

impl TrackerConfig {
    /// A configuration for `mode` with its preset states.
    pub fn for_mode(mode: Mode) -> Self {
        Self {
            mode,
            states: mode.states(),
            ..Self::default()
        }
    }

    /// Checks every setting, and that the file written for it stays within
    /// [`MAX_CONFIG_BYTES`].
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.check_rules()?;
        let bytes = self.to_toml().len() as u64;
        if bytes > MAX_CONFIG_BYTES {
            return Err(ValidationError::FileTooLarge {
                what: CONFIG_PATH,
                bytes,
                limit: MAX_CONFIG_BYTES,
            }
            .into());
        }
        Ok(())
    }

    /// Checks every setting (not the size of the file: a file read was checked as it is).
    fn check_rules(&self) -> Result<(), ConfigError> {
        validate_prefix(&self.prefix)?;
        if self.name.trim().is_empty() || self.name.chars().any(char::is_control) {
            return Err(ValidationError::NotOneLine {
                field: "tracker name",
            }
            .into());
        }
        crate::model::event::validate_block(&self.description, "description")?;
        crate::model::event::validate_block(&self.feedback, "feedback")?;
        if !(MIN_MAX_TEXT_BYTES..=MAX_TEXT_BYTES).contains(&self.max_text_bytes) {
            return Err(ConfigError::Rule(format!(
                "max_text_bytes must be {MIN_MAX_TEXT_BYTES} to {MAX_TEXT_BYTES}"
            )));
        }
        if !(MIN_MAX_ATTACHMENT_BYTES..=MAX_ATTACHMENT_BYTES).contains(&self.attachments.max_size) {
            return Err(ConfigError::Rule(format!(
                "attachments.max_size must be {MIN_MAX_ATTACHMENT_BYTES} to {MAX_ATTACHMENT_BYTES}"
            )));
        }
        if !self.states.contains(&State::Posted) {
            return Err(ConfigError::Rule("states: POSTED must be enabled".into()));
        }
        for (role, emails) in &self.roles {
            if !matches!(
                Role::parse(role),
                Some(Role::Developer | Role::Resolver | Role::Manager)
            ) {
                return Err(ConfigError::UnknownKey(format!("roles.{role}")));
            }
            emails.iter().try_for_each(|e| validate_email(e))?;
        }
        let join = self.priority_roles.join(",");
        if priority_roles_value(&join)? != self.priority_roles {
            return Err(ConfigError::BadValue {
                key: "priority_roles".into(),
                value: join,
                expected: "developer, resolver or manager, each once, in that order".into(),
            });
        }
        for role in self.masks.keys() {
            if Role::parse(role).is_none() {
                return Err(ConfigError::UnknownKey(format!("masks.{role}")));
            }
        }
        for from in self.graph.keys() {
            from.parse::<State>()?;
        }
        self.default_assignee
            .iter()
            .try_for_each(|e| validate_email(e))?;
        if self.mode == Mode::Tasks && !self.default_assignee.is_empty() {
            return Err(ConfigError::Rule(
                "mode tasks has no default assignee".into(),
            ));
        }
        for label in self.labels.allowed.iter().chain(self.labels.color.keys()) {
            crate::model::event::validate_label(label)?;
        }
        for (label, color) in &self.labels.color {
            if !LABEL_COLORS.iter().any(|(c, _)| c == color) {
                return Err(ConfigError::BadValue {
                    key: format!("labels.color.{label}"),
                    value: color.clone(),
                    expected: label_colors(),
                });
            }
        }
        if let Some(p) = &self.parent {
            let link = TrackerLink::parse(p)?;
            if link.remote.is_none() && self.subtrackers.contains(&link.branch) {
                return Err(ConfigError::Rule(format!(
                    "{} cannot be both the parent and a sub-tracker",
                    link.branch
                )));
            }
        }
        for sub in &self.subtrackers {
            if !valid_branch(sub) {
                return Err(ConfigError::BadValue {
                    key: "subtrackers".into(),
                    value: sub.clone(),
                    expected: "branch names of this repository".into(),
                });
            }
        }
        for (name, f) in &self.fields {
            if !valid_field_name(name) {
                return Err(ConfigError::Rule(format!(
                    "invalid field name {name:?}: use lower-case letters, digits, '_' or '-', starting with a letter"
                )));
            }
            if f.choices
                .iter()
                .any(|c| c.chars().any(char::is_control) || c.contains(','))
            {
                return Err(ConfigError::Rule(format!(
                    "field {name}: a choice holds a comma or a control character"
                )));
            }
        }
        Ok(())
    }

    /// Reads `tracker.toml` (at most [`MAX_CONFIG_BYTES`]).
    pub fn from_toml(bytes: &[u8]) -> Result<Self, ParseError> {
        if bytes.len() as u64 > MAX_CONFIG_BYTES {
            return Err(ParseError::Invalid(limits::too_large(
                bytes.len() as u64,
                MAX_CONFIG_BYTES,
            )));
        }
        let text = std::str::from_utf8(bytes).map_err(|_| ParseError::NotUtf8)?;
        let cfg: Self = toml::from_str(text)?;
        if cfg.version != 1 {
            return Err(ParseError::Version(cfg.version));
        }
        cfg.check_rules()
            .map_err(|e| ParseError::Invalid(e.to_string()))?;
        Ok(cfg)
    }

    /// Checks a label a write is about to add: refused when `labels.allowed` restricts the
    /// tracker's labels and does not name it.
    pub fn check_label(&self, label: &str) -> Result<(), ConfigError> {
        crate::model::event::validate_label(label)?;
        let allowed = &self.labels.allowed;
        if !allowed.is_empty() && !allowed.iter().any(|a| a == label) {
            return Err(ConfigError::Rule(format!(
                "label {label:?} is not one of this tracker's labels ({}); \
                 git tracker config set labels.allowed changes them",
                allowed.join(", ")
            )));
        }
        Ok(())
    }

    /// The ANSI SGR code of a label's colour, if it has one.
    pub fn label_sgr(&self, label: &str) -> Option<&'static str> {
        let color = self.labels.color.get(label)?;
        LABEL_COLORS
            .iter()
            .find(|(c, _)| c == color)
            .map(|(_, sgr)| *sgr)
    }

    /// Whether the tracker has somewhere to send tickets: a parent (R34) or sub-trackers
    /// (R35). TRANSFERED is enabled only then (R10).
    pub fn has_transfer_target(&self) -> bool {
        self.parent.is_some() || !self.subtrackers.is_empty()
    }

    /// Whether `state` is enabled: among `states`, and for TRANSFERED, only where a transfer
    /// target exists (R10).
    pub fn is_enabled(&self, state: State) -> bool {
        self.states.contains(&state) && (state != State::Transfered || self.has_transfer_target())
    }

    /// The enabled states, in display order (see [`TrackerConfig::is_enabled`]).
    pub fn enabled_states(&self) -> Vec<State> {
        State::ALL
            .into_iter()
            .filter(|s| self.is_enabled(*s))
            .collect()
    }

    /// The parent tracker (R34), when there is one.
    pub fn parent_link(&self) -> Option<TrackerLink> {
        self.parent
            .as_deref()
            .and_then(|p| TrackerLink::parse(p).ok())
    }

    /// Whether `name` is a private custom field (R26).
    pub fn is_private(&self, name: &str) -> bool {
        self.fields.get(name).is_some_and(|d| d.private)
    }

    /// Checks a text a write is about to record against `max_text_bytes` (the error names
    /// the field and the limit).
    pub fn check_text(&self, field: &'static str, text: &str) -> Result<(), ValidationError> {
        limits::check_bytes(
            field,
            text,
            self.max_text_bytes,
            "max_text_bytes in tracker.toml",
        )
    }

    /// Checks an event a write is about to record, so that every reader accepts the file:
    /// its rules ([`crate::model::Action::validate`], the title's length included), its texts
    /// against `max_text_bytes`, its time, and the size of its file.
    pub fn check_event(&self, e: &Event) -> Result<(), ValidationError> {
        e.action.validate()?;
        for (field, text) in e.action.texts() {
            self.check_text(field, text)?;
        }
        if !crate::model::event::writable_at(e.at) {
            return Err(ValidationError::TimeOutOfRange(e.at.to_rfc3339()));
        }
        let bytes = e.to_toml().len() as u64;
        if bytes > MAX_EVENT_FILE_BYTES {
            return Err(ValidationError::FileTooLarge {
                what: "event file",
                bytes,
                limit: MAX_EVENT_FILE_BYTES,
            });
        }
        Ok(())
    }

    /// The emails that have `role`.
    pub fn members(&self, role: Role) -> &[String] {
        self.roles.get(role.name()).map_or(&[], Vec::as_slice)
    }

    /// The roles of the person with `email` (always including reporter).
    pub fn roles_of(&self, email: &str) -> Vec<Role> {
        let mut roles = vec![Role::Reporter];
        for r in [Role::Developer, Role::Resolver, Role::Manager] {
            if self
                .members(r)
                .iter()
                .any(|e| e.eq_ignore_ascii_case(email))
            {
                roles.push(r);
            }
        }
        roles
    }

    /// The roles whose members may move priorities in strict mode (`priority_roles`).
    pub fn priority_roles(&self) -> Vec<Role> {
        self.priority_roles
            .iter()
            .filter_map(|r| Role::parse(r))
            .collect()
    }

    /// The target states `role` may set in strict mode.
    pub fn mask(&self, role: Role) -> Vec<State> {
        self.masks
            .get(role.name())
            .cloned()
            .unwrap_or_else(|| role.default_mask(self.mode))
    }

    /// The explicit targets allowed from `from`, if the graph names it.
    pub fn graph_from(&self, from: State) -> Option<&[State]> {
        self.graph.get(from.name()).map(Vec::as_slice)
    }

    /// Checks a custom field's value against the field's type and choices and returns it in
    /// its normal form (R26). An empty value (clearing the field) is always accepted.
    pub fn check_field(&self, name: &str, value: &str) -> Result<String, ConfigError> {
        let def = self.fields.get(name).ok_or_else(|| {
            let known: Vec<&str> = self.fields.keys().map(String::as_str).collect();
            ConfigError::Rule(format!(
                "unknown field {name:?} (fields: {})",
                if known.is_empty() {
                    "none".into()
                } else {
                    known.join(", ")
                }
            ))
        })?;
        let v = value.trim();
        if v.is_empty() {
            return Ok(String::new());
        }
        let bad = |expected: String| ConfigError::BadValue {
            key: format!("field {name}"),
            value: value.into(),
            expected,
        };
        let choices = || def.choices.join(", ");
        Ok(match def.kind {
            FieldType::Text => {
                if v.chars().any(char::is_control) {
                    return Err(bad("one line of text".into()));
                }
                v.to_owned()
            }
            FieldType::LongText => {
                crate::model::event::validate_block(value, "field value")
                    .map_err(|_| bad("text without control characters".into()))?;
                value.to_owned()
            }
            FieldType::Choice => def
                .choices
                .iter()
                .find(|c| c.as_str() == v)
                .cloned()
                .ok_or_else(|| bad(format!("one of: {}", choices())))?,
            FieldType::MultiChoice => {
                let picked = list(v);
                if let Some(p) = picked.iter().find(|p| !def.choices.contains(p)) {
                    return Err(bad(format!(
                        "values among: {} ({p:?} is not one)",
                        choices()
                    )));
                }
                def.choices
                    .iter()
                    .filter(|c| picked.contains(c))
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(",")
            }
            FieldType::Checkbox => bool_value(name, v)
                .map_err(|_| bad("true or false".into()))?
                .to_string(),
            FieldType::Number => {
                let n: f64 = v.parse().map_err(|_| bad("a number".into()))?;
                if !n.is_finite() {
                    return Err(bad("a finite number".into()));
                }
                v.to_owned()
            }
            FieldType::Date => chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .map_err(|_| bad("a date, YYYY-MM-DD".into()))?
                .format("%Y-%m-%d")
                .to_string(),
            FieldType::User => {
                validate_email(v).map_err(|_| bad("an email address".into()))?;
                v.to_owned()
            }
        })
    }

    /// A key's value as text (lists comma-separated).
    pub fn get(&self, key: &str) -> Result<String, ConfigError> {
        let join = |v: &[String]| v.join(",");
        Ok(match key {
            "name" => self.name.clone(),
            "description" => self.description.clone(),
            "prefix" => self.prefix.clone(),
            "mode" => self.mode.name().into(),
            "states" => join_states(&self.states),
            "strict" => self.strict.to_string(),
            "default_assignee" => join(&self.default_assignee),
            "feedback" => self.feedback.clone(),
            "comments" => self.comments.to_string(),
            "notifications" => self.notifications.to_string(),
            "notify_defaults" => join_notify(&self.notify_defaults),
            "auto_open_on_view" => self.auto_open_on_view.to_string(),
            "max_text_bytes" => self.max_text_bytes.to_string(),
            "priority_roles" => join(&self.priority_roles),
            "labels.allowed" => join(&self.labels.allowed),
            "attachments.max_size" => self.attachments.max_size.to_string(),
            "parent" => self.parent.clone().unwrap_or_default(),
            "subtrackers" => join(&self.subtrackers),
            "accept_transfers" => self.accept_transfers.to_string(),
            _ => {
                if let Some(label) = key.strip_prefix("labels.color.") {
                    return Ok(self.labels.color.get(label).cloned().unwrap_or_default());
                }
                if let Some(role) = key.strip_prefix("roles.") {
                    let r = Role::parse(role).filter(|r| *r != Role::Reporter);
                    let r = r.ok_or_else(|| ConfigError::UnknownKey(key.into()))?;
                    return Ok(join(self.members(r)));
                }
                if let Some(role) = key.strip_prefix("masks.") {
                    let r = Role::parse(role).ok_or_else(|| ConfigError::UnknownKey(key.into()))?;
                    return Ok(join_states(&self.mask(r)));
                }
                if let Some(from) = key.strip_prefix("graph.") {
                    let s: State = from.parse()?;
                    return Ok(self.graph_from(s).map(join_states).unwrap_or_default());
                }
                let (name, attr) = field_key(key)?;
                let f = self
                    .fields
                    .get(name)
                    .ok_or_else(|| ConfigError::UnknownKey(key.into()))?;
                match attr {
                    "type" => f.kind.name().into(),
                    "choices" => join(&f.choices),
                    "mandatory" => f.mandatory.to_string(),
                    "private" => f.private.to_string(),
                    _ => f.listable.to_string(),
                }
            }
        })
    }

    /// Sets a key from text, then validates the whole configuration. Setting `mode` presets
    /// the mode's states (and, for `tasks`, clears the default assignee).
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), ConfigError> {
        let mut next = self.clone();
        match key {
            "name" => next.name = value.trim().into(),
            "description" => next.description = value.into(),
            "prefix" => next.prefix = value.trim().into(),
            "mode" => {
                next.mode = value.parse()?;
                if next.mode != Mode::Custom {
                    next.states = next.mode.states();
                }
                if next.mode == Mode::Tasks {
                    next.default_assignee.clear();
                }
            }
            "states" => next.states = states_value(value)?,
            "strict" => next.strict = bool_value(key, value)?,
            "default_assignee" => next.default_assignee = emails_value(value)?,
            "feedback" => next.feedback = value.into(),
            "comments" => next.comments = bool_value(key, value)?,
            "notifications" => next.notifications = bool_value(key, value)?,
            "notify_defaults" => {
                let mut kinds = NotifyEvent::parse_list(value)?;
                kinds.sort();
                next.notify_defaults = kinds;
            }
            "auto_open_on_view" => next.auto_open_on_view = bool_value(key, value)?,
            "max_text_bytes" => next.max_text_bytes = max_text_bytes_value(value)?,
            "priority_roles" => next.priority_roles = priority_roles_value(value)?,
            "attachments.max_size" => {
                next.attachments.max_size = value
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|n| (MIN_MAX_ATTACHMENT_BYTES..=MAX_ATTACHMENT_BYTES).contains(n))
                    .ok_or_else(|| ConfigError::BadValue {
                        key: key.into(),
                        value: value.into(),
                        expected: format!(
                            "a number of bytes from {MIN_MAX_ATTACHMENT_BYTES} to {MAX_ATTACHMENT_BYTES}"
                        ),
                    })?;
            }
            "labels.allowed" => {
                let mut labels: Vec<String> =
                    list(value).iter().map(|l| l.to_lowercase()).collect();
                labels.sort();
                labels.dedup();
                next.labels.allowed = labels;
            }
            "parent" => {
                next.parent = if value.trim().is_empty() {
                    None
                } else {
                    Some(TrackerLink::parse(value)?.to_string())
                };
            }
            "subtrackers" => {
                let mut seen = std::collections::HashSet::new();
                let mut subs = list(value);
                subs.retain(|s| seen.insert(s.clone()));
                next.subtrackers = subs;
            }
            "accept_transfers" => next.accept_transfers = bool_value(key, value)?,
            _ => next.set_compound(key, value)?,
        }
        next.validate()?;
        *self = next;
        Ok(())
    }

    fn set_compound(&mut self, key: &str, value: &str) -> Result<(), ConfigError> {
        if let Some(label) = key.strip_prefix("labels.color.") {
            let label = label.to_lowercase();
            crate::model::event::validate_label(&label)?;
            let color = value.trim().to_ascii_lowercase();
            if color.is_empty() {
                self.labels.color.remove(&label);
            } else if LABEL_COLORS.iter().any(|(c, _)| *c == color) {
                self.labels.color.insert(label, color);
            } else {
                return Err(ConfigError::BadValue {
                    key: key.into(),
                    value: value.into(),
                    expected: label_colors(),
                });
            }
            return Ok(());
        }
        if let Some(role) = key.strip_prefix("roles.") {
            match Role::parse(role) {
                Some(Role::Developer | Role::Resolver | Role::Manager) => {
                    let emails = emails_value(value)?;
                    if emails.is_empty() {
                        self.roles.remove(role);
                    } else {
                        self.roles.insert(role.into(), emails);
                    }
                    return Ok(());
                }
                _ => return Err(ConfigError::UnknownKey(key.into())),
            }
        }
        if let Some(role) = key.strip_prefix("masks.") {
            Role::parse(role).ok_or_else(|| ConfigError::UnknownKey(key.into()))?;
            if value.trim().is_empty() {
                self.masks.remove(role);
            } else {
                self.masks.insert(role.into(), states_value(value)?);
            }
            return Ok(());
        }
        if let Some(from) = key.strip_prefix("graph.") {
            let s: State = from.parse()?;
            if value.trim().is_empty() {
                self.graph.remove(s.name());
            } else {
                self.graph.insert(s.name().into(), states_value(value)?);
            }
            return Ok(());
        }
        let (name, attr) = field_key(key)?;
        if attr == "type" {
            if value.trim().is_empty() {
                self.fields.remove(name);
                return Ok(());
            }
            let kind = FieldType::NAMES
                .iter()
                .find(|(n, _)| *n == value.trim())
                .map(|(_, t)| *t)
                .ok_or_else(|| ConfigError::BadValue {
                    key: key.into(),
                    value: value.into(),
                    expected:
                        "text, long-text, choice, multi-choice, checkbox, number, date or user"
                            .into(),
                })?;
            let f = self.fields.entry(name.into()).or_insert(FieldDef {
                kind,
                choices: Vec::new(),
                mandatory: false,
                private: false,
                listable: false,
            });
            f.kind = kind;
            return Ok(());
        }
        let f = self.fields.get_mut(name).ok_or_else(|| {
            ConfigError::Rule(format!(
                "field {name} does not exist: set fields.{name}.type first"
            ))
        })?;
        match attr {
            "choices" => f.choices = list(value),
            "mandatory" => f.mandatory = bool_value(key, value)?,
            "private" => f.private = bool_value(key, value)?,
            _ => f.listable = bool_value(key, value)?,
        }
        Ok(())
    }

    /// Every key with its value, in a stable order (for `config show`).
    pub fn entries(&self) -> Vec<(String, String)> {
        let mut keys: Vec<String> = KEYS.iter().map(|k| (*k).to_owned()).collect();
        keys.extend(self.graph.keys().map(|k| format!("graph.{k}")));
        keys.extend(
            self.labels
                .color
                .keys()
                .map(|l| format!("labels.color.{l}")),
        );
        for name in self.fields.keys() {
            keys.extend(FIELD_KEYS.iter().map(|a| format!("fields.{name}.{a}")));
        }
        keys.into_iter()
            .map(|k| {
                let v = self.get(&k).unwrap_or_default();
                (k, v)
            })
            .collect()
    }

    /// The text of `tracker.toml`: `version` first, then keys in alphabetical order, one per
    /// line, one list element per line, tables last.
    pub fn to_toml(&self) -> String {
        let q = |s: &str| toml::Value::String(s.to_owned()).to_string();
        let strings = |v: &[String]| -> String {
            let mut out = String::from("[\n");
            for s in v {
                out.push_str(&format!("  {},\n", q(s)));
            }
            out + "]"
        };
        let states = |v: &[State]| -> String {
            let mut out = String::from("[\n");
            for s in State::ALL.into_iter().filter(|s| v.contains(s)) {
                out.push_str(&format!("  \"{s}\",\n"));
            }
            out + "]"
        };
        let mut out = String::from("# git-tracker configuration; see docs/format.md\n");
        out.push_str(&format!("version = {}\n", self.version));
        // The keys of transfers are written only when set, so that every tracker.toml written
        // before they existed is still what this program writes.
        if !self.accept_transfers {
            out.push_str("accept_transfers = false\n");
        }
        out.push_str(&format!("auto_open_on_view = {}\n", self.auto_open_on_view));
        out.push_str(&format!("comments = {}\n", self.comments));
        out.push_str(&format!(
            "default_assignee = {}\n",
            strings(&self.default_assignee)
        ));
        out.push_str(&format!("description = {}\n", q(&self.description)));
        out.push_str(&format!("feedback = {}\n", q(&self.feedback)));
        out.push_str(&format!("max_text_bytes = {}\n", self.max_text_bytes));
        out.push_str(&format!("mode = {}\n", q(self.mode.name())));
        out.push_str(&format!("name = {}\n", q(&self.name)));
        out.push_str(&format!("notifications = {}\n", self.notifications));
        // Written only when changed, so that every tracker.toml written before the key
        // existed is still what this program writes.
        if self.notify_defaults != all_notify_events() {
            let names: Vec<String> = self
                .notify_defaults
                .iter()
                .map(|k| format!("\"{k}\""))
                .collect();
            out.push_str(&format!("notify_defaults = [{}]\n", names.join(", ")));
        }
        if let Some(p) = &self.parent {
            out.push_str(&format!("parent = {}\n", q(p)));
        }
        out.push_str(&format!("prefix = {}\n", q(&self.prefix)));
        // Written only when changed, as notify_defaults.
        if self.priority_roles != default_priority_roles() {
            out.push_str(&format!(
                "priority_roles = {}\n",
                strings(&self.priority_roles)
            ));
        }
        out.push_str(&format!("states = {}\n", states(&self.states)));
        out.push_str(&format!("strict = {}\n", self.strict));
        if !self.subtrackers.is_empty() {
            out.push_str(&format!("subtrackers = {}\n", strings(&self.subtrackers)));
        }
        for (table, map) in [("graph", &self.graph), ("masks", &self.masks)] {
            if !map.is_empty() {
                out.push_str(&format!("\n[{table}]\n"));
                for (k, v) in map {
                    out.push_str(&format!("{k} = {}\n", states(v)));
                }
            }
        }
        if !self.roles.is_empty() {
            out.push_str("\n[roles]\n");
            for (k, v) in &self.roles {
                out.push_str(&format!("{k} = {}\n", strings(v)));
            }
        }
        // Written only when changed, so that every tracker.toml written before the table
        // existed is still what this program writes.
        if self.attachments != Attachments::default() {
            out.push_str("\n[attachments]\n");
            out.push_str(&format!("max_size = {}\n", self.attachments.max_size));
        }
        if !self.labels.is_empty() {
            out.push_str("\n[labels]\n");
            out.push_str(&format!("allowed = {}\n", strings(&self.labels.allowed)));
            if !self.labels.color.is_empty() {
                out.push_str("\n[labels.color]\n");
                for (label, color) in &self.labels.color {
                    let bare = label
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                    let key = if bare { label.clone() } else { q(label) };
                    out.push_str(&format!("{key} = {}\n", q(color)));
                }
            }
        }
        for (name, f) in &self.fields {
            out.push_str(&format!("\n[fields.{name}]\n"));
            out.push_str(&format!("choices = {}\n", strings(&f.choices)));
            out.push_str(&format!("listable = {}\n", f.listable));
            out.push_str(&format!("mandatory = {}\n", f.mandatory));
            out.push_str(&format!("private = {}\n", f.private));
            out.push_str(&format!("type = {}\n", q(f.kind.name())));
        }
        out
    }
}

/// The colours a label may have, for messages.
fn label_colors() -> String {
    let names: Vec<&str> = LABEL_COLORS.iter().map(|(c, _)| *c).collect();
    format!("one of {}, or nothing to remove it", names.join(", "))
}

/// The key of ticket `number` under `config` (its prefix, then the number).
pub fn key_of(config: &TrackerConfig, number: u64) -> crate::model::Key {
    crate::model::Key {
        prefix: config.prefix.clone(),
        number,
    }
}

fn field_key(key: &str) -> Result<(&str, &str), ConfigError> {
    let unknown = || ConfigError::UnknownKey(key.into());
    let rest = key.strip_prefix("fields.").ok_or_else(unknown)?;
    let (name, attr) = rest.rsplit_once('.').ok_or_else(unknown)?;
    if !FIELD_KEYS.contains(&attr) || name.is_empty() {
        return Err(unknown());
    }
    Ok((name, attr))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// R30: parent, sub-trackers and accept_transfers are validated, written only when set
    /// (so that older files are written as before), and TRANSFERED is enabled only with a
    /// transfer target (R10).
    #[test]
    fn transfer_keys_are_validated_and_written_only_when_set() {
        let mut c = TrackerConfig::default();
        let plain = c.to_toml();
        assert!(!plain.contains("parent") && !plain.contains("subtrackers"));
        assert!(!plain.contains("accept_transfers"));
        assert!(!c.is_enabled(State::Transfered));
        assert!(!c.enabled_states().contains(&State::Transfered));
        c.set("parent", "origin:ops").unwrap();
        assert_eq!(
            c.parent_link(),
            Some(TrackerLink {
                remote: Some("origin".into()),
                branch: "ops".into()
            })
        );
        assert!(c.is_enabled(State::Transfered));
        c.set("subtrackers", "team-a, team-b,team-a").unwrap();
        assert_eq!(c.subtrackers, ["team-a", "team-b"]);
        c.set("accept_transfers", "no").unwrap();
        let text = c.to_toml();
        assert!(text.starts_with(
            "# git-tracker configuration; see docs/format.md\nversion = 1\naccept_transfers = false\n"
        ));
        assert!(text.contains("parent = \"origin:ops\"\n"), "{text}");
        assert!(
            text.contains("subtrackers = [\n  \"team-a\",\n  \"team-b\",\n]\n"),
            "{text}"
        );
        assert_eq!(TrackerConfig::from_toml(text.as_bytes()).unwrap(), c);
        for bad in ["a b", "x..y", "-x", "a:b:c", "ref.lock", "a~1", ":b", "a:"] {
            let mut d = TrackerConfig::default();
            assert!(d.set("parent", bad).is_err(), "{bad}");
        }
        for bad in ["a b", "x:y", "..", "a//b"] {
            let mut d = TrackerConfig::default();
            assert!(d.set("subtrackers", bad).is_err(), "{bad}");
        }
        // Both the parent and a sub-tracker: refused.
        let mut d = TrackerConfig::default();
        d.set("subtrackers", "up").unwrap();
        assert!(d.set("parent", "up").is_err());
        assert!(d.set("parent", "origin:up").is_ok());
        // Clearing.
        d.set("parent", "").unwrap();
        d.set("subtrackers", "").unwrap();
        assert!(!d.has_transfer_target());
    }

    #[test]
    fn labels_are_restricted_and_coloured_by_the_labels_table() {
        let mut cfg = TrackerConfig::default();
        // Free words by default.
        assert!(cfg.check_label("anything").is_ok());
        assert!(cfg.check_label("two words").is_err());
        cfg.set("labels.allowed", "UI, bug,bug").unwrap();
        assert_eq!(cfg.labels.allowed, ["bug", "ui"]);
        cfg.set("labels.color.bug", "Red").unwrap();
        cfg.set("labels.color.a.b", "blue").unwrap();
        assert_eq!(cfg.get("labels.color.bug").unwrap(), "red");
        assert_eq!(cfg.label_sgr("bug"), Some("31"));
        assert_eq!(cfg.label_sgr("ui"), None);
        let e = cfg.check_label("nope").unwrap_err().to_string();
        assert!(e.contains("\"nope\"") && e.contains("bug, ui"), "{e}");
        assert!(cfg.set("labels.color.bug", "pink").is_err());
        assert!(cfg.set("labels.allowed", "-bad").is_err());
        let text = cfg.to_toml();
        assert!(
            text.contains("[labels]\nallowed = [\n  \"bug\",\n  \"ui\",\n]\n\n[labels.color]\n\"a.b\" = \"blue\"\nbug = \"red\"\n"),
            "{text}"
        );
        assert_eq!(TrackerConfig::from_toml(text.as_bytes()).unwrap(), cfg);
        cfg.set("labels.color.bug", "").unwrap();
        cfg.set("labels.color.a.b", "").unwrap();
        cfg.set("labels.allowed", "").unwrap();
        assert!(
            !cfg.to_toml().contains("labels"),
            "the table goes when empty"
        );
        // A file with a colour no tool writes is unreadable.
        let bad = format!("{}\n[labels.color]\nbug = \"pink\"\n", cfg.to_toml());
        assert!(TrackerConfig::from_toml(bad.as_bytes()).is_err());
    }

    #[test]
    fn round_trip_and_layout() {
        let mut cfg = TrackerConfig {
            name: "Demo \"quoted\"".into(),
            description: "two\nlines".into(),
            ..TrackerConfig::default()
        };
        cfg.set("roles.developer", "dev@example.com, dev2@example.com")
            .unwrap();
        cfg.set("fields.severity.type", "choice").unwrap();
        cfg.set("fields.severity.choices", "low,high").unwrap();
        cfg.set("fields.severity.listable", "yes").unwrap();
        cfg.set("masks.reporter", "posted,resolved").unwrap();
        cfg.set("graph.open", "resolving, resolved").unwrap();
        let text = cfg.to_toml();
        assert!(
            text.contains("states = [\n  \"POSTED\",\n  \"OPEN\",\n"),
            "{text}"
        );
        assert!(
            text.contains("[roles]\ndeveloper = [\n  \"dev@example.com\",\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "[fields.severity]\nchoices = [\n  \"low\",\n  \"high\",\n]\nlistable = true"
            ),
            "{text}"
        );
        assert_eq!(TrackerConfig::from_toml(text.as_bytes()).unwrap(), cfg);
        // Plain keys come in alphabetical order after `version`.
        let keys: Vec<&str> = text
            .lines()
            .take_while(|l| !l.is_empty())
            .filter(|l| l.contains(" = "))
            .map(|l| l.split(" = ").next().unwrap())
            .collect();
        let mut sorted = keys[1..].to_vec();
        sorted.sort_unstable();
        assert_eq!(&keys[1..], sorted.as_slice());
    }

    #[test]
    fn older_files_read_with_defaults() {
        let old = b"version = 1\nname = 'x'\nprefix = 'T-'\n";
        let cfg = TrackerConfig::from_toml(old).unwrap();
        assert_eq!(cfg.states.len(), 10);
        assert!(cfg.comments && cfg.notifications && !cfg.strict);
        assert_eq!(cfg.mode, Mode::Defects);
        assert_eq!(cfg.max_text_bytes, DEFAULT_MAX_TEXT_BYTES);
    }

    /// Issue 9: `max_text_bytes` is a plain key like the others, within its range.
    #[test]
    fn max_text_bytes_is_a_key_with_a_range() {
        let mut cfg = TrackerConfig::default();
        assert_eq!(cfg.get("max_text_bytes").unwrap(), "1048576");
        assert!(cfg
            .entries()
            .contains(&("max_text_bytes".into(), "1048576".into())));
        cfg.set("max_text_bytes", " 2048 ").unwrap();
        assert_eq!(cfg.max_text_bytes, 2048);
        let text = cfg.to_toml();
        assert!(
            text.contains("feedback = \"\"\nmax_text_bytes = 2048\nmode = "),
            "{text}"
        );
        assert_eq!(TrackerConfig::from_toml(text.as_bytes()).unwrap(), cfg);
        cfg.set("max_text_bytes", "1024").unwrap();
        cfg.set("max_text_bytes", "16777216").unwrap();
        for bad in ["1023", "16777217", "0", "-1", "1e6", "1 MiB", ""] {
            let err = cfg.set("max_text_bytes", bad).unwrap_err().to_string();
            assert!(err.contains("1024 to 16777216"), "{bad}: {err}");
        }
        assert_eq!(cfg.max_text_bytes, 16_777_216);
        let file =
            |n: &str| format!("version = 1\nname = 'x'\nprefix = 'T-'\nmax_text_bytes = {n}\n");
        assert!(TrackerConfig::from_toml(file("100").as_bytes()).is_err());
        assert!(TrackerConfig::from_toml(file("-5").as_bytes()).is_err());
        assert!(TrackerConfig::from_toml(file("99999999999999999999").as_bytes()).is_err());
    }

    /// Issue 9: `tracker.toml` stays under MAX_CONFIG_BYTES on write and on read.
    #[test]
    fn the_configuration_file_is_bounded() {
        let mut cfg = TrackerConfig::default();
        let huge = "x".repeat(MAX_CONFIG_BYTES as usize);
        let err = cfg.set("description", &huge).unwrap_err().to_string();
        assert!(
            err.contains("tracker.toml would be") && err.contains("1048576"),
            "{err}"
        );
        assert_eq!(cfg, TrackerConfig::default());
        let mut file = b"version = 1\nname = 'x'\nprefix = 'T-'\n".to_vec();
        file.resize(MAX_CONFIG_BYTES as usize, b'\n');
        assert!(TrackerConfig::from_toml(&file).is_ok());
        file.push(b'\n');
        let err = TrackerConfig::from_toml(&file).unwrap_err().to_string();
        assert_eq!(err, "1048577 bytes, over the limit of 1048576 bytes");
    }

    /// Issue 9: a write checks every text of an event against `max_text_bytes`, and the size
    /// of the file it makes.
    #[test]
    fn events_are_checked_against_the_limits_before_writing() {
        use crate::model::{Action, EventId, Person, TicketId};
        let event = |action: Action| Event {
            commit: None,
            id: EventId::from_random([1; 16]),
            ticket: TicketId::from_random([2; 16]),
            lamport: 2,
            parents: Vec::new(),
            at: chrono::DateTime::from_timestamp(1_767_225_600, 0).unwrap(),
            author: Person::new("Ann", "ann@example.com").unwrap(),
            action,
        };
        let mut cfg = TrackerConfig::default();
        cfg.set("max_text_bytes", "1024").unwrap();
        let comment = |n: usize| {
            event(Action::Comment {
                body: "é".repeat(n / 2),
            })
        };
        cfg.check_event(&comment(1024)).unwrap();
        let err = cfg.check_event(&comment(1026)).unwrap_err().to_string();
        assert_eq!(
            err,
            "the comment is 1026 bytes, over the limit of 1024 bytes (max_text_bytes in tracker.toml)"
        );
        let edit = Action::Edit {
            title: None,
            description: Some("ok".into()),
            solution: Some("x".repeat(1025)),
        };
        let err = cfg.check_event(&event(edit)).unwrap_err().to_string();
        assert!(err.starts_with("the solution is 1025 bytes"), "{err}");
        let state = Action::State {
            from: State::Open,
            to: State::Resolved,
            message: "x".repeat(1025),
            automatic: false,
        };
        assert!(cfg.check_event(&event(state)).is_err());
        let field = Action::Field {
            name: "notes".into(),
            value: "x".repeat(1025),
        };
        assert!(cfg.check_event(&event(field)).is_err());
        let title = Action::Edit {
            title: Some("t".repeat(257)),
            description: None,
            solution: None,
        };
        assert!(cfg
            .check_event(&event(title))
            .unwrap_err()
            .to_string()
            .contains("257 characters"));
        // Texts within the limit can still make a file over its limit: with both kinds of
        // triple quotes, no literal string can hold the text, and `"` and `\` are escaped.
        cfg.set("max_text_bytes", &MAX_TEXT_BYTES.to_string())
            .unwrap();
        let quotes = event(Action::Comment {
            body: "'''\"\"\"\\".repeat(2 * 1024 * 1024),
        });
        assert!(quotes.to_toml().len() as u64 > MAX_EVENT_FILE_BYTES);
        let err = cfg.check_event(&quotes).unwrap_err().to_string();
        assert!(err.starts_with("the event file would be"), "{err}");
        // And a time the format cannot hold is refused.
        let mut early = comment(10);
        early.at = "0000-06-01T00:00:00Z".parse().unwrap();
        assert!(cfg.check_event(&early).is_err());
    }

    #[test]
    fn invalid_configs_are_refused() {
        assert!(TrackerConfig::from_toml(b"version = 1\nname = 'x'\nprefix = '9'\n").is_err());
        assert!(TrackerConfig::from_toml(b"version = 3\nname = 'x'\nprefix = 'T-'\n").is_err());
        assert!(TrackerConfig::from_toml(
            b"version = 1\nname = 'x'\nprefix = 'T-'\nstates = ['OPEN']\n"
        )
        .is_err());
        let mut cfg = TrackerConfig::default();
        let before = cfg.clone();
        for (k, v) in [
            ("strict", "maybe"),
            ("mode", "chaos"),
            ("states", "open,closed"),
            ("states", "open"),
            ("roles.developer", "not an email"),
            ("roles.boss", "a@b.c"),
            ("masks.boss", "open"),
            ("fields.x.choices", "a"),
            ("fields.Bad.type", "text"),
            ("fields.x.type", "colour"),
            ("nosuchkey", "1"),
            ("prefix", "1-"),
            ("name", ""),
        ] {
            assert!(cfg.set(k, v).is_err(), "{k} = {v} was accepted");
        }
        assert_eq!(
            cfg, before,
            "a refused change leaves the configuration as it was"
        );
    }

    #[test]
    fn modes_preset_states_and_roles_have_mod_trackers_masks() {
        let mut cfg = TrackerConfig::default();
        cfg.set("mode", "support").unwrap();
        assert_eq!(
            cfg.get("states").unwrap(),
            "POSTED,OPEN,RESOLVING,WAITING,VALIDATED,RESOLVED,ABANDONNED"
        );
        cfg.set("mode", "tasks").unwrap();
        assert_eq!(
            cfg.get("states").unwrap(),
            "POSTED,OPEN,WAITING,RESOLVED,ABANDONNED"
        );
        assert!(cfg.set("default_assignee", "a@b.c").is_err());
        assert_eq!(
            Role::Reporter.default_mask(Mode::Defects),
            [State::Posted, State::Validated]
        );
        assert_eq!(
            Role::Reporter.default_mask(Mode::Support),
            [State::Posted, State::Validated, State::Resolved]
        );
        assert_eq!(
            Role::Developer.default_mask(Mode::Tasks),
            [
                State::Open,
                State::Resolving,
                State::Waiting,
                State::Testing,
                State::Published,
                State::Abandonned
            ]
        );
        cfg.set("roles.manager", "Boss@example.com").unwrap();
        assert_eq!(
            cfg.roles_of("boss@example.com"),
            [Role::Reporter, Role::Manager]
        );
    }
}
