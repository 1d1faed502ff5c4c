//! Mail notifications (R40–R44): what a range of the branch brought becomes mails in an outbox
//! under `.git/tracker/outbox/`, which is then flushed through the configured transport. A
//! write command commits first and sends after: a mail that cannot be sent waits for the next
//! command or `git tracker notify --flush`, and no mail is sent twice (`docs/notify.md`).
//!
//! The transport is configured in git config, never on the branch: `tracker.mail.transport`
//! (`smtp://…`, `smtps://…`, `sendmail`, `file:DIR`), `tracker.mail.from`, `tracker.mail.user`,
//! the password from `GIT_TRACKER_SMTP_PASSWORD` or `tracker.mail.passwordCommand`, and
//! `tracker.mail.caFile` to trust a certificate authority of one's own.

pub mod mail;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use lettre::address::Envelope;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{Address, FileTransport, SendmailTransport, SmtpTransport, Transport as _};
use serde::{Deserialize, Serialize};

use crate::model::notify::recipients;
use crate::store::Tip;
use crate::tracker::Tracker;
use mail::Mail;

/// How mail leaves this machine.
#[derive(Clone, Debug)]
pub enum Transport {
    /// An SMTP server, as lettre's `from_url` reads it.
    Smtp(String),
    /// The local `sendmail` program.
    Sendmail,
    /// A directory that receives one `.eml` file per mail.
    File(PathBuf),
}

/// The mail settings of this clone.
#[derive(Clone, Debug)]
pub struct MailConfig {
    /// The transport.
    pub transport: Transport,
    /// The sender.
    pub from: Mailbox,
    /// The SMTP user and where the password comes from, when both are configured.
    pub credentials: Option<(String, Password)>,
    /// A PEM certificate to trust besides the system's roots (`tracker.mail.caFile`): a
    /// company's own certificate authority.
    pub ca: Option<Vec<u8>>,
}

/// Where the SMTP password comes from. A command is run only when a mail is sent, never by a
/// command that merely checks the settings before writing.
#[derive(Clone, Debug)]
pub enum Password {
    /// `GIT_TRACKER_SMTP_PASSWORD`.
    Given(String),
    /// `tracker.mail.passwordCommand`: its first line of output.
    Command(String),
}

impl Password {
    fn get(&self) -> Result<String, String> {
        match self {
            Self::Given(p) => Ok(p.clone()),
            Self::Command(cmd) => password_from(cmd)
                .map_err(|why| format!("tracker.mail.passwordCommand {cmd:?}: {why}")),
        }
    }
}

/// A mail setting that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("invalid git config {key}={value:?}: {why}")]
pub struct ConfigError {
    /// The git config key.
    pub key: &'static str,
    /// Its value.
    pub value: String,
    /// What is wrong.
    pub why: String,
}

/// Reads the mail settings; `None` when no transport is configured (no mail is sent, which
/// is never an error).
pub fn config(tracker: &Tracker) -> Result<Option<MailConfig>, ConfigError> {
    let store = tracker.store();
    let Some(value) = store.git_config("tracker.mail.transport") else {
        return Ok(None);
    };
    let bad = |key: &'static str, value: &str, why: String| ConfigError {
        key,
        value: value.to_owned(),
        why,
    };
    let v = value.trim();
    let transport = if v == "sendmail" {
        Transport::Sendmail
    } else if let Some(dir) = v.strip_prefix("file:") {
        if dir.is_empty() {
            return Err(bad(
                "tracker.mail.transport",
                v,
                "file: needs a directory".into(),
            ));
        }
        Transport::File(PathBuf::from(dir))
    } else if v.starts_with("smtp://") || v.starts_with("smtps://") {
        SmtpTransport::from_url(v).map_err(|e| bad("tracker.mail.transport", v, e.to_string()))?;
        Transport::Smtp(v.to_owned())
    } else {
        return Err(bad(
            "tracker.mail.transport",
            v,
            "use smtp://HOST:PORT, smtps://HOST:PORT, sendmail or file:DIR".into(),
        ));
    };
    let from_text = store
        .git_config("tracker.mail.from")
        .or_else(|| store.git_config("user.email"))
        .unwrap_or_default();
    let from: Mailbox = from_text
        .parse()
        .or_else(|_| from_text.parse::<Address>().map(|a| Mailbox::new(None, a)))
        .map_err(|_| {
            bad(
                "tracker.mail.from",
                &from_text,
                "a mail address (or \"Name <address>\") is needed".into(),
            )
        })?;
    let user = store.git_config("tracker.mail.user");
    let password = match std::env::var("GIT_TRACKER_SMTP_PASSWORD") {
        Ok(p) => Some(Password::Given(p)),
        Err(_) => store
            .git_config("tracker.mail.passwordCommand")
            .map(Password::Command),
    };
    let ca = match store.git_config("tracker.mail.caFile") {
        None => None,
        Some(path) => {
            let pem =
                fs::read(&path).map_err(|e| bad("tracker.mail.caFile", &path, e.to_string()))?;
            // lettre reads a file without any certificate as none: say so here instead.
            if !String::from_utf8_lossy(&pem).contains("-----BEGIN CERTIFICATE-----") {
                return Err(bad(
                    "tracker.mail.caFile",
                    &path,
                    "no PEM certificate in it".into(),
                ));
            }
            Certificate::from_pem(&pem)
                .map_err(|e| bad("tracker.mail.caFile", &path, e.to_string()))?;
            Some(pem)
        }
    };
    Ok(Some(MailConfig {
        transport,
        from,
        credentials: user.zip(password),
        ca,
    }))
}

/// Runs `cmd` through the shell and takes the first line it prints.
fn password_from(cmd: &str) -> Result<String, String> {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!("it exited with {}", out.status));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned())
}

/// One mail waiting in the outbox (the file's JSON).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Queued {
    /// Envelope sender.
    pub from: String,
    /// Envelope recipient.
    pub to: String,
    /// Subject, for `notify --status`.
    pub subject: String,
    /// The message.
    pub message: String,
}

/// Marks the outbox after a failed flush (its time; its text is the error).
const FAILED: &str = ".failed";

/// How long after a failed flush commands leave the outbox alone.
pub const RETRY_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// The outbox: `.git/tracker/outbox/NAME.json` waiting, `.git/tracker/sent/NAME` sent.
pub struct Outbox {
    dir: PathBuf,
    sent: PathBuf,
}

/// What a flush did.
#[derive(Debug, Default)]
pub struct Flushed {
    /// Mails sent.
    pub sent: usize,
    /// Mails that failed and wait, with the last error.
    pub failed: usize,
    /// The first error met.
    pub error: Option<String>,
}

impl Outbox {
    /// The outbox of the tracker whose state directory is `state`.
    pub fn new(state: &Path) -> Self {
        Self {
            dir: state.join("outbox"),
            sent: state.join("sent"),
        }
    }

    /// Queues `mail` under `name` (event id and recipient) unless it was queued or sent
    /// before, or is being sent (`claimed`, from [`Outbox::claimed`], read once per batch).
    /// Returns whether it is new.
    pub fn queue(
        &self,
        name: &str,
        mail: &Mail,
        claimed: &BTreeSet<String>,
    ) -> std::io::Result<bool> {
        fs::create_dir_all(&self.dir)?;
        let path = self.dir.join(format!("{name}.json"));
        if self.sent.join(name).exists() || path.exists() || claimed.contains(name) {
            return Ok(false);
        }
        let q = Queued {
            from: mail.from.clone(),
            to: mail.to.clone(),
            subject: mail.subject.clone(),
            message: mail.message.clone(),
        };
        let tmp = self.dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let mut f = fs::File::create(&tmp)?;
        f.write_all(serde_json::to_string(&q).unwrap_or_default().as_bytes())?;
        drop(f);
        fs::rename(&tmp, &path)?;
        Ok(true)
    }

    /// The names of the mails waiting and of those a sender has claimed, from one listing of
    /// the outbox (no file read).
    fn names(&self) -> (BTreeSet<String>, BTreeSet<String>) {
        let (mut waiting, mut claimed) = (BTreeSet::new(), BTreeSet::new());
        for e in fs::read_dir(&self.dir).into_iter().flatten().flatten() {
            let file = e.file_name().to_string_lossy().into_owned();
            if let Some((name, _)) = file.split_once(".json.sending.") {
                claimed.insert(name.to_owned());
            } else if let Some(name) = file.strip_suffix(".json") {
                if !name.starts_with('.') {
                    waiting.insert(name.to_owned());
                }
            }
        }
        (waiting, claimed)
    }

    /// The mails being sent by some process right now.
    pub fn claimed(&self) -> BTreeSet<String> {
        self.names().1
    }

    /// How many mails wait (a listing of the outbox; no file is read).
    pub fn waiting(&self) -> usize {
        self.names().0.len()
    }

    /// Whether a command should try to send now: not within [`RETRY_AFTER`] of a flush that
    /// failed, so that a server that is down (or swallows connections until they time out)
    /// does not slow every command. `notify --flush` always tries.
    pub fn due(&self) -> bool {
        fs::metadata(self.dir.join(FAILED))
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_none_or(|age| age >= RETRY_AFTER)
    }

    /// The mails waiting, by name.
    pub fn pending(&self) -> Vec<(String, Queued)> {
        let mut out = Vec::new();
        let Ok(dir) = fs::read_dir(&self.dir) else {
            return out;
        };
        for e in dir.filter_map(Result::ok) {
            let file = e.file_name().to_string_lossy().into_owned();
            let Some(name) = file.strip_suffix(".json") else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            if let Some(q) = fs::read(e.path())
                .ok()
                .and_then(|b| serde_json::from_slice::<Queued>(&b).ok())
            {
                out.push((name.to_owned(), q));
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// Sends every waiting mail once. A mail is claimed first by renaming its file (one
    /// process wins the rename), sent, recorded under `sent/`, and only then deleted; a claim
    /// left by a process that is gone is put back to be sent again.
    pub fn flush(&self, config: &MailConfig) -> Flushed {
        let mut done = Flushed::default();
        self.reclaim_stale();
        let pending = self.pending();
        if pending.is_empty() {
            return done;
        }
        // The password is asked for once per flush, and only when there is mail to send.
        let login = match &config.credentials {
            None => None,
            Some((user, password)) => match password.get() {
                Ok(p) => Some(Credentials::new(user.clone(), p)),
                Err(e) => {
                    done.failed = pending.len();
                    done.error = Some(e);
                    return done;
                }
            },
        };
        let pid = std::process::id();
        let total = pending.len();
        for (i, (name, q)) in pending.into_iter().enumerate() {
            let path = self.dir.join(format!("{name}.json"));
            let claim = self.dir.join(format!("{name}.json.sending.{pid}"));
            if fs::rename(&path, &claim).is_err() {
                continue; // another process took it
            }
            if self.sent.join(&name).exists() {
                let _ = fs::remove_file(&claim);
                continue;
            }
            match send(config, login.as_ref(), &q) {
                Ok(()) => {
                    let _ = fs::create_dir_all(&self.sent);
                    let _ = fs::write(self.sent.join(&name), b"");
                    let _ = fs::remove_file(&claim);
                    done.sent += 1;
                    self.succeeded();
                }
                Err(e) => {
                    // The transport is down (or refuses): the others wait too, rather than
                    // each paying a timeout.
                    let _ = fs::rename(&claim, &path);
                    let _ = fs::write(self.dir.join(FAILED), e.as_bytes());
                    done.failed += total - i;
                    done.error.get_or_insert(e);
                    break;
                }
            }
        }
        done
    }

    /// Records that a flush got through.
    fn succeeded(&self) {
        let _ = fs::remove_file(self.dir.join(FAILED));
    }

    /// Puts back the claims of processes that are gone.
    fn reclaim_stale(&self) {
        let Ok(dir) = fs::read_dir(&self.dir) else {
            return;
        };
        for e in dir.filter_map(Result::ok) {
            let file = e.file_name().to_string_lossy().into_owned();
            let Some((name, pid)) = file.split_once(".json.sending.") else {
                continue;
            };
            let alive = pid.parse::<u32>().is_ok_and(|p| {
                p == std::process::id() || Path::new(&format!("/proc/{p}")).exists()
            });
            if !alive {
                let _ = fs::rename(e.path(), self.dir.join(format!("{name}.json")));
            }
        }
    }
}

/// Sends one queued mail.
fn send(config: &MailConfig, login: Option<&Credentials>, q: &Queued) -> Result<(), String> {
    let from: Address = q.from.parse().map_err(|e| format!("{e}"))?;
    let to: Address = q.to.parse().map_err(|e| format!("{e}"))?;
    let envelope = Envelope::new(Some(from), vec![to]).map_err(|e| e.to_string())?;
    let bytes = q.message.as_bytes();
    match &config.transport {
        Transport::Smtp(url) => {
            let mut b = SmtpTransport::from_url(url).map_err(|e| e.to_string())?;
            if let Some(pem) = &config.ca {
                b = b.tls(tls_with_ca(url, pem)?);
            }
            if let Some(login) = login {
                b = b.credentials(login.clone());
            }
            b = b.timeout(Some(std::time::Duration::from_secs(20)));
            b.build()
                .send_raw(&envelope, bytes)
                .map(drop)
                .map_err(|e| e.to_string())
        }
        Transport::Sendmail => SendmailTransport::new()
            .send_raw(&envelope, bytes)
            .map_err(|e| e.to_string()),
        Transport::File(dir) => {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            FileTransport::new(dir)
                .send_raw(&envelope, bytes)
                .map(drop)
                .map_err(|e| e.to_string())
        }
    }
}

/// The TLS mode `url` asks for, trusting `pem` besides the system's roots.
fn tls_with_ca(url: &str, pem: &[u8]) -> Result<Tls, String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest
        .split(['/', '?'])
        .next()
        .unwrap_or_default()
        .rsplit_once(':')
        .map_or(rest, |(h, _)| h)
        .trim_matches(['[', ']'])
        .to_owned();
    let params = TlsParameters::builder(host)
        .add_root_certificate(Certificate::from_pem(pem).map_err(|e| e.to_string())?)
        .build()
        .map_err(|e| e.to_string())?;
    Ok(if url.starts_with("smtps://") {
        Tls::Wrapper(params)
    } else if url.contains("tls=required") {
        Tls::Required(params)
    } else if url.contains("tls=opportunistic") {
        Tls::Opportunistic(params)
    } else {
        Tls::None
    })
}

/// Queues the mails for every event between `old` (exclusive; `None`: the branch's start)
/// and `new`, as [`recipients`] names them. Returns how many were new.
pub fn queue_range(
    tracker: &Tracker,
    config: &MailConfig,
    old: Option<Tip>,
    new: Tip,
) -> Result<usize, crate::tracker::TrackerError> {
    let store = tracker.store();
    let snap = store.snapshot_at(new)?;
    if !snap.config.notifications {
        return Ok(0);
    }
    let outbox = Outbox::new(store.state_dir());
    let claimed = outbox.claimed();
    let mut queued = 0;
    let mut prefs_cache: BTreeMap<String, BTreeMap<crate::model::notify::NotifyEvent, bool>> =
        BTreeMap::new();
    for (ticket_id, events) in store.added_events(old, new)? {
        let (Some(mut ticket), _) = store.ticket(new, &ticket_id)? else {
            continue;
        };
        // Mails name people as every other output does (docs/format.md, "Names").
        tracker.name_people(&snap, &mut ticket)?;
        for event in ticket.events.iter().filter(|e| events.contains(&e.id)) {
            let mut prefs = |p: &crate::model::Person| {
                let key = p.email.to_ascii_lowercase();
                if let Some(v) = prefs_cache.get(&key) {
                    return v.clone();
                }
                let state = tracker
                    .people()
                    .state(&snap, p)
                    .map(|(state, _)| state.prefs)
                    .unwrap_or_default();
                prefs_cache.insert(key, state.clone());
                state
            };
            for r in recipients(&snap.config, &ticket, event, &mut prefs) {
                let Ok(Some(m)) = mail::compose(&snap.config, &ticket, event, &r, &config.from)
                else {
                    continue;
                };
                let name = format!("{}.{}", event.id, mail::short_hash(&r.email));
                if outbox.queue(&name, &m, &claimed).unwrap_or(false) {
                    queued += 1;
                }
            }
        }
    }
    Ok(queued)
}
