//! R40–R44 through a real SMTP server on 127.0.0.1 (Debian's python3-aiosmtpd, its debugging
//! handler printing each message it receives): who gets which mail, threading, the outbox
//! when the server is down, exactly-once flushing, and the central mode.

use std::io::Read as _;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::TestEnv;

/// A running aiosmtpd; stopped (by its pid) when dropped.
struct Smtp {
    child: Child,
    log: PathBuf,
    port: u16,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits (up to 20 s) until a server listens on 127.0.0.1:`port`.
fn wait_listening(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "no server started on port {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Smtp {
    fn start(dir: &std::path::Path, port: u16) -> Self {
        let log = dir.join(format!("smtp-{port}.log"));
        let out = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .unwrap();
        let path = Command::new("getconf").arg("PATH").output().unwrap();
        let path = String::from_utf8(path.stdout).unwrap().trim().to_owned();
        let child = Command::new("env")
            .arg(format!("PATH={path}"))
            .args(["python3", "-u", "-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .stdout(out)
            .stderr(Stdio::null())
            .spawn()
            .expect("python3-aiosmtpd (scripts/test.sh installs it)");
        wait_listening(port);
        Self { child, log, port }
    }

    /// The messages received so far, each as its text.
    fn messages(&self) -> Vec<String> {
        let mut text = String::new();
        std::fs::File::open(&self.log)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text.split("---------- MESSAGE FOLLOWS ----------\n")
            .skip(1)
            .map(|m| {
                m.split("------------ END MESSAGE ------------")
                    .next()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    }
}

impl Drop for Smtp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The value of header `name` in a message (first occurrence).
fn header<'m>(message: &'m str, name: &str) -> Option<&'m str> {
    message
        .lines()
        .take_while(|l| !l.is_empty())
        .find_map(|l| l.strip_prefix(&format!("{name}: ")))
}

/// The first line of the body.
fn first_line(message: &str) -> &str {
    message
        .split("\n\n")
        .nth(1)
        .unwrap_or("")
        .lines()
        .next()
        .unwrap_or("")
}

/// (To, first line of the body) of each message, sorted.
fn summary(messages: &[String]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = messages
        .iter()
        .map(|m| {
            (
                header(m, "To").unwrap().to_owned(),
                first_line(m).to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

/// A tracker whose manager is boss@example.com, sending through `port`.
fn tracker(port: u16) -> TestEnv {
    let env = TestEnv::initialized();
    env.run(&["config", "set", "roles.manager", "boss@example.com"])
        .ok();
    env.git(&[
        "config",
        "tracker.mail.transport",
        &format!("smtp://127.0.0.1:{port}"),
    ]);
    env.git(&[
        "config",
        "tracker.mail.from",
        "Tracker <tracker@example.com>",
    ]);
    env
}

fn wait_for(smtp: &Smtp, n: usize) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let m = smtp.messages();
        if m.len() >= n || Instant::now() > deadline {
            return m;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn each_change_mails_exactly_whom_r40_names_threaded_and_without_injected_headers() {
    let port = free_port();
    let env = tracker(port);
    let smtp = Smtp::start(env.root.path(), port);
    let mut seen = 0;
    let mut step = |args: &[&str], user: (&str, &str)| {
        env.set_user(user.0, user.1);
        env.run(args).ok();
        let all = wait_for(&smtp, seen);
        let new: Vec<String> = all[seen..].to_vec();
        seen = all.len();
        new
    };
    let ann = ("Ann Author", "ann@example.com");
    let bob = ("Bob", "bob@example.com");
    // A new ticket: the manager and the assignee; never Ann, who filed it.
    let new = step(
        &[
            "new",
            "Crash on save — é",
            "-m",
            "Steps",
            "--assign",
            "bob@example.com",
        ],
        ann,
    );
    assert_eq!(
        summary(&new),
        [
            (
                "bob <bob@example.com>".to_owned(),
                "Ann Author <ann@example.com> filed TRK-1.".to_owned()
            ),
            (
                "boss@example.com".to_owned(),
                "Ann Author <ann@example.com> filed TRK-1.".to_owned()
            ),
        ]
    );
    let root = header(&new[0], "Message-ID").unwrap().to_owned();
    for m in &new {
        assert_eq!(
            header(m, "Subject"),
            Some("[repo TRK-1] Crash on save =?utf-8?b?4oCUIMOp?=")
        );
        assert_eq!(header(m, "From"), Some("Tracker <tracker@example.com>"));
        assert_eq!(header(m, "Auto-Submitted"), Some("auto-generated"));
        assert_eq!(header(m, "List-Id"), Some("<trk.git-tracker.example.com>"));
        assert_eq!(header(m, "In-Reply-To"), None);
    }
    // Carol watches with a mask of her own: resolved only.
    step(
        &["watch", "TRK-1", "--events", "resolved"],
        ("Carol", "carol@example.com"),
    );
    // Bob comments, with a line that looks like a header: Ann (watcher) hears, not Carol
    // (mask), not Bob. The automatic move to OPEN reaches Ann too.
    let comment = step(
        &["comment", "TRK-1", "-m", "fixed?\nBcc: evil@example.com"],
        bob,
    );
    assert_eq!(
        summary(&comment),
        [
            (
                "\"Ann Author\" <ann@example.com>".to_owned(),
                "Bob <bob@example.com> commented on TRK-1:".to_owned()
            ),
            (
                "\"Ann Author\" <ann@example.com>".to_owned(),
                "TRK-1 moved from POSTED to OPEN as Bob <bob@example.com> acted on it.".to_owned()
            ),
        ]
    );
    // Bob resolves: Ann and Carol.
    let resolved = step(&["state", "TRK-1", "resolved"], bob);
    assert_eq!(
        summary(&resolved),
        [
            (
                "\"Ann Author\" <ann@example.com>".to_owned(),
                "Bob <bob@example.com> moved TRK-1 from OPEN to RESOLVED.".to_owned()
            ),
            (
                "Carol <carol@example.com>".to_owned(),
                "Bob <bob@example.com> moved TRK-1 from OPEN to RESOLVED.".to_owned()
            ),
        ]
    );
    // Every later mail answers the first; each has its own id; no header came from a field.
    let all = smtp.messages();
    let mut ids: Vec<&str> = all.iter().filter_map(|m| header(m, "Message-ID")).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(
        ids.len(),
        all.len() - 1,
        "the two first mails share the thread's id"
    );
    for m in all.iter().filter(|m| !first_line(m).contains(" filed ")) {
        assert_eq!(header(m, "In-Reply-To"), Some(root.as_str()), "{m}");
        assert_eq!(header(m, "References"), Some(root.as_str()), "{m}");
    }
    for m in &all {
        let heads: Vec<&str> = m.lines().take_while(|l| !l.is_empty()).collect();
        assert!(heads.iter().all(|h| !h.starts_with("Bcc")), "{m}");
        assert_eq!(
            heads.iter().filter(|h| h.starts_with("To: ")).count(),
            1,
            "{m}"
        );
    }
    assert_eq!(smtp.port, port);
}

#[test]
fn with_the_server_down_mails_wait_then_go_exactly_once_even_with_two_flushes() {
    let port = free_port();
    let env = tracker(port);
    env.new_ticket("crash on save"); // no server: the manager's mail waits
    env.set_user("Bob", "bob@example.com");
    for i in 0..20 {
        let run = env.run(&["comment", "TRK-1", "-m", &format!("try {i}")]);
        run.ok();
        // `new` tried and failed; the next commands, within a minute, leave the outbox
        // alone and say so.
        assert!(
            run.stderr.ends_with(&format!(
                "warning: {} mail(s) wait in the outbox: sending failed less than a minute \
                 ago (git tracker notify --flush tries now)\n",
                i + 3
            )),
            "{run}"
        );
    }
    // The manager's mail, the automatic move and 20 comments to Ann.
    let status = env.run(&["notify", "--status", "--format", "json"]).json();
    let waiting = status["waiting"].as_array().unwrap().len();
    assert_eq!(waiting, 22, "{status}");
    let run = env.run(&["notify", "--flush"]);
    assert_eq!(run.code, 1, "{run}");
    let smtp = Smtp::start(env.root.path(), port);
    let flushes: Vec<std::process::Child> = (0..2)
        .map(|_| {
            env.command_in(&env.repo, &["notify", "--flush"])
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut f in flushes {
        assert!(f.wait().unwrap().success());
    }
    assert_eq!(wait_for(&smtp, waiting).len(), waiting);
    env.run(&["notify", "--flush"]).ok();
    env.run(&["notify", "--status"]).ok();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(smtp.messages().len(), waiting, "a mail was sent twice");
}

#[test]
fn notify_range_mails_what_a_range_brought_once_and_bad_settings_write_nothing() {
    let port = free_port();
    let env = tracker(port);
    env.git(&["config", "--unset", "tracker.mail.transport"]);
    let start = env.git(&["rev-parse", "tracker"]).trim().to_owned();
    env.new_ticket("crash on save");
    env.set_user("Bob", "bob@example.com");
    env.run(&["comment", "TRK-1", "-m", "me too"]).ok();
    // No transport: nothing was sent or queued, and that is no error; --verbose says why.
    assert_eq!(
        env.run(&["notify", "--status"]).stderr,
        "No mail is waiting.\n"
    );
    let run = env.run(&["comment", "TRK-1", "-m", "again"]);
    assert_eq!(run.stderr, "Commented on TRK-1.\n");
    let run = env.run(&["--verbose", "comment", "TRK-1", "-m", "once more"]);
    assert_eq!(
        run.stderr,
        "Commented on TRK-1.\nNo mail sent: no transport is configured (git config \
         tracker.mail.transport; docs/notify.md).\n"
    );
    env.git(&[
        "config",
        "tracker.mail.transport",
        &format!("smtp://127.0.0.1:{port}"),
    ]);
    let smtp = Smtp::start(env.root.path(), port);
    let range = format!("{start}..tracker");
    let run = env.run(&["notify", "--range", &range]);
    run.ok();
    assert_eq!(
        summary(&wait_for(&smtp, 5)),
        [
            (
                "\"Ann Author\" <ann@example.com>".to_owned(),
                "Bob <bob@example.com> commented on TRK-1:".to_owned()
            ),
            (
                "\"Ann Author\" <ann@example.com>".to_owned(),
                "Bob <bob@example.com> commented on TRK-1:".to_owned()
            ),
            (
                "\"Ann Author\" <ann@example.com>".to_owned(),
                "Bob <bob@example.com> commented on TRK-1:".to_owned()
            ),
            (
                "\"Ann Author\" <ann@example.com>".to_owned(),
                "TRK-1 moved from POSTED to OPEN as Bob <bob@example.com> acted on it.".to_owned()
            ),
            (
                "boss@example.com".to_owned(),
                "Ann Author <ann@example.com> filed TRK-1.".to_owned()
            ),
        ]
    );
    env.run(&["notify", "--range", &range]).ok();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(smtp.messages().len(), 5, "the range was mailed twice");
    // A malformed transport: exit 2 naming the key, nothing written.
    env.git(&["config", "tracker.mail.transport", "smtp://bad host"]);
    let before = env.commits();
    let run = env.run(&["comment", "TRK-1", "-m", "x"]);
    assert!(
        run.bad_input()
            .starts_with("error: invalid git config tracker.mail.transport=\"smtp://bad host\""),
        "{run}"
    );
    assert_eq!(env.commits(), before);
    assert_eq!(
        env.run(&["notify", "--range", "nope"]).bad_input(),
        "error: invalid git config tracker.mail.transport=\"smtp://bad host\": Connection error: invalid domain character\n"
    );
}

/// Central mode as docs/notify.md sets it up: a post-receive hook in the shared bare
/// repository mails about what each push brought; clones have no mail settings. A push that
/// brings nothing new mails nothing, and the range mailed again sends nothing twice.
#[test]
fn a_post_receive_hook_mails_each_push_once_for_clones_without_mail_settings() {
    let net = crate::test_sync::Net::new();
    let port = free_port();
    let smtp = Smtp::start(net.env.root.path(), port);
    let remote = &net.remote;
    net.env.git_in(
        remote,
        &[
            "config",
            "tracker.mail.transport",
            &format!("smtp://127.0.0.1:{port}"),
        ],
    );
    net.env.git_in(
        remote,
        &["config", "tracker.mail.from", "tracker@example.com"],
    );
    let hook = remote.join("hooks/post-receive");
    std::fs::write(
        &hook,
        format!(
            "#!/bin/sh\nwhile read old new ref; do\n  [ \"$ref\" = refs/heads/tracker ] && \
             '{}' notify --range \"$old..$new\"\ndone\nexit 0\n",
            env!("CARGO_BIN_EXE_git-tracker")
        ),
    )
    .unwrap();
    std::fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let a = net.env.repo.clone();
    net.new_ticket(&a, "crash on save"); // Ann files TRK-1
    net.sync(&a).ok();
    let b = net.clone("b");
    net.env.set_user("Bob", "bob@example.com");
    net.run(&b, &["comment", "TRK-1", "-m", "me too"]).ok();
    net.sync(&b).ok();
    // Ann's ticket had no one to tell (she filed it, no manager); Bob's comment and the move
    // to OPEN reach Ann, once each.
    let got = summary(&wait_for(&smtp, 2));
    assert_eq!(
        got,
        [
            (
                "\"Ann Author\" <ann@example.com>".to_owned(),
                "Bob <bob@example.com> commented on TRK-1:".to_owned()
            ),
            (
                "\"Ann Author\" <ann@example.com>".to_owned(),
                "TRK-1 moved from POSTED to OPEN as Bob <bob@example.com> acted on it.".to_owned()
            ),
        ]
    );
    net.sync(&a).ok();
    net.sync(&b).ok();
    let all = net
        .env
        .git_in(remote, &["rev-list", "--max-parents=0", "tracker"]);
    let range = format!("{}..tracker", all.trim());
    let again = net
        .env
        .command_in(remote, &["notify", "--range", &range])
        .output()
        .unwrap();
    assert!(again.status.success(), "{again:?}");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(smtp.messages().len(), 2, "{:?}", smtp.messages());
}

/// The mails a `file:` transport wrote: (To, whether the text contains `needle`), sorted.
fn file_mails(dir: &std::path::Path, needle: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                .map(|e| {
                    let text = std::fs::read_to_string(e.path())
                        .unwrap()
                        .replace("\r\n", "\n");
                    (
                        header(&text, "To").unwrap().to_owned(),
                        text.contains(needle),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// R40: a private custom field's change reaches only the watchers who may see private fields
/// (developers, resolvers, managers); a public one reaches every watcher. Through the file:
/// transport.
#[test]
fn a_private_fields_value_is_mailed_only_to_who_may_see_it() {
    let env = TestEnv::new();
    let mut init = vec!["init"];
    for set in [
        "roles.developer=dev@example.com,eve@example.com",
        "fields.secret.type=text",
        "fields.secret.private=true",
        "fields.severity.type=choice",
        "fields.severity.choices=low,high",
    ] {
        init.extend(["--set", set]);
    }
    env.run(&init).ok();
    // Ann initialised the tracker, which made her its manager: hand that over, so that she is
    // a reporter like any other.
    env.run(&["config", "set", "roles.manager", "boss@example.com"])
        .ok();
    let dir = env.root.path().join("mail");
    env.git(&[
        "config",
        "tracker.mail.transport",
        &format!("file:{}", dir.display()),
    ]);
    env.git(&["config", "tracker.mail.from", "tracker@example.com"]);
    env.new_ticket("crash on save"); // Ann, a reporter
    for (name, email) in [("Dev", "dev@example.com"), ("Carol", "carol@example.com")] {
        env.set_user(name, email);
        env.run(&["watch", "TRK-1"]).ok();
    }
    env.set_user("Eve", "eve@example.com");
    env.run(&["assign", "TRK-1", "--me"]).ok();
    let _ = std::fs::remove_dir_all(&dir);
    env.run(&["edit", "TRK-1", "--field", "secret=hunter2"])
        .ok();
    assert_eq!(
        file_mails(&dir, "hunter2"),
        [("Dev <dev@example.com>".to_owned(), true)]
    );
    let _ = std::fs::remove_dir_all(&dir);
    env.run(&["edit", "TRK-1", "--field", "severity=high"]).ok();
    assert_eq!(
        file_mails(&dir, "set severity on TRK-1 to: high"),
        [
            ("\"Ann Author\" <ann@example.com>".to_owned(), true),
            ("Carol <carol@example.com>".to_owned(), true),
            ("Dev <dev@example.com>".to_owned(), true),
        ]
    );
}

/// A certificate authority and a certificate for `localhost` signed by it, made with openssl
/// in `dir`: (ca.pem, cert.pem, key.pem).
fn test_certificates(dir: &std::path::Path) -> (PathBuf, PathBuf, PathBuf) {
    let sh = |script: &str| {
        let out = Command::new("sh")
            .arg("-c")
            .arg(script)
            .current_dir(dir)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
    };
    sh(
        "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \
        -subj /CN=git-tracker-test-CA 2>/dev/null \
        && openssl req -newkey rsa:2048 -nodes -keyout key.pem -out req.csr \
        -subj /CN=localhost 2>/dev/null \
        && printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\nbasicConstraints=CA:FALSE\\n' > ext \
        && openssl x509 -req -in req.csr -CA ca.pem -CAkey ca.key -CAcreateserial \
        -out cert.pem -days 2 -extfile ext 2>/dev/null",
    );
    (
        dir.join("ca.pem"),
        dir.join("cert.pem"),
        dir.join("key.pem"),
    )
}

/// Starts tests/mail/smtp_tls.py (`mode`: "starttls" or "implicit") on `port`, for the user
/// tracker / s3cret, and waits until it listens.
fn tls_server(
    dir: &std::path::Path,
    (cert, key): (&PathBuf, &PathBuf),
    port: u16,
    mode: &str,
) -> Smtp {
    let log = dir.join(format!("tls-{port}.log"));
    std::fs::write(&log, "").unwrap();
    let path = Command::new("getconf").arg("PATH").output().unwrap();
    let path = String::from_utf8(path.stdout).unwrap().trim().to_owned();
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mail/smtp_tls.py");
    let child = Command::new("env")
        .arg(format!("PATH={path}"))
        .arg("python3")
        .arg(&script)
        .args([cert, key])
        .arg(port.to_string())
        .arg(&log)
        .args(["tracker", "s3cret", mode])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_listening(port);
    Smtp { child, log, port }
}

/// R41: STARTTLS required and AUTH, then implicit TLS, against aiosmtpd with a certificate from a test authority
/// (tests/mail/smtp_tls.py), which `tracker.mail.caFile` makes trusted; the password from
/// `tracker.mail.passwordCommand` or `GIT_TRACKER_SMTP_PASSWORD`. A wrong password or an
/// untrusted certificate leaves the mail waiting.
#[test]
fn mail_goes_over_tls_with_auth_and_waits_when_either_fails() {
    let port = free_port();
    let env = tracker(port);
    let dir = env.root.path().to_path_buf();
    let (ca, cert, key) = test_certificates(&dir);
    let server = tls_server(&dir, (&cert, &key), port, "starttls");
    env.git(&[
        "config",
        "tracker.mail.transport",
        &format!("smtp://localhost:{port}?tls=required"),
    ]);
    env.git(&["config", "tracker.mail.user", "tracker"]);
    env.git(&["config", "tracker.mail.passwordCommand", "echo s3cret"]);
    // Without the test authority, the certificate is refused: the mail waits.
    let run = env.run(&["new", "crash on save"]);
    run.ok();
    assert!(run.stderr.contains("wait in the outbox"), "{run}");
    env.git(&["config", "tracker.mail.caFile", ca.to_str().unwrap()]);
    env.run(&["notify", "--flush"]).ok();
    let got = wait_for(&server, 1);
    assert_eq!(got.len(), 1);
    assert_eq!(header(&got[0], "X-Auth"), Some("tracker"));
    assert_eq!(header(&got[0], "X-TLS"), Some("True"));
    assert_eq!(header(&got[0], "To"), Some("boss@example.com"));
    // A wrong password (the environment wins over the command): the comment's mail waits.
    env.set_user("Bob", "bob@example.com");
    let out = env
        .command_in(&env.repo, &["comment", "TRK-1", "-m", "x"])
        .env("GIT_TRACKER_SMTP_PASSWORD", "wrong")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("Authentication credentials invalid"),
        "{stderr}"
    );
    let waiting = env.run(&["notify", "--status", "--format", "json"]).json();
    assert_eq!(waiting["waiting"].as_array().unwrap().len(), 2, "{waiting}");
    env.run(&["notify", "--flush"]).ok();
    assert_eq!(wait_for(&server, 3).len(), 3);
    // Implicit TLS (smtps://), with the same authority and login.
    let port2 = free_port();
    let implicit = tls_server(&dir, (&cert, &key), port2, "implicit");
    env.git(&[
        "config",
        "tracker.mail.transport",
        &format!("smtps://localhost:{port2}"),
    ]);
    env.run(&["comment", "TRK-1", "-m", "over implicit TLS"])
        .ok();
    let got = wait_for(&implicit, 1);
    assert_eq!(got.len(), 1);
    assert_eq!(header(&got[0], "X-Auth"), Some("tracker"));
    assert!(got[0].contains("over implicit TLS"), "{}", got[0]);
    // A password command that fails does not stop a write (it runs only to send): the mail
    // waits, and the warning names the setting.
    env.git(&["config", "tracker.mail.passwordCommand", "exit 3"]);
    let run = env.run(&["comment", "TRK-1", "-m", "z"]);
    run.ok();
    assert!(
        run.stderr.contains("wait in the outbox")
            && run
                .stderr
                .contains("tracker.mail.passwordCommand \"exit 3\""),
        "{run}"
    );
    // A caFile that is no certificate: refused before anything is written.
    std::fs::write(dir.join("bad.pem"), "not a certificate").unwrap();
    env.git(&[
        "config",
        "tracker.mail.caFile",
        dir.join("bad.pem").to_str().unwrap(),
    ]);
    let before = env.commits();
    let run = env.run(&["comment", "TRK-1", "-m", "y"]);
    assert!(
        run.bad_input()
            .starts_with("error: invalid git config tracker.mail.caFile="),
        "{run}"
    );
    assert_eq!(env.commits(), before);
}

/// The demo shows a file: transport run: it mails about its whole history, prints one mail,
/// and the mails it names are the files it wrote; mailing the range again sends nothing.
#[test]
fn the_demo_mails_its_history_through_a_file_transport() {
    let env = TestEnv::new();
    let dir = env.root.path().join("demo");
    let run = env.run(&["demo", "--dir", dir.to_str().unwrap()]);
    let out = run.ok();
    let mail_dir = dir.join("mail");
    let files = std::fs::read_dir(&mail_dir).unwrap().count();
    assert!(files > 5, "{files}");
    assert!(
        out.contains(&format!(
            "\n{files} mails, one .eml file each in {}; one of them:\n  \
             To: Alice <alice@example.com>\n  Subject: [Demo TRK-1] Saving a file crashes the editor\n",
            mail_dir.display()
        )),
        "{out}"
    );
    assert!(
        out.contains("\n  Bob <bob@example.com> commented on TRK-1:\n"),
        "{out}"
    );
    let again = env.run_in(&dir.join("alice"), &["notify", "--range", "..tracker"]);
    assert_eq!(again.ok(), "");
    assert_eq!(again.stderr, "0 mail(s) queued for ..tracker.\n");
    assert_eq!(std::fs::read_dir(&mail_dir).unwrap().count(), files);
}

/// The sendmail transport runs the `sendmail` program it finds on PATH (here a stand-in that
/// records its arguments and the message, as the real one would queue it) with the envelope
/// on the command line and the message on stdin; a sendmail that fails leaves the mail waiting.
#[test]
fn the_sendmail_transport_hands_each_mail_to_sendmail_and_waits_when_it_fails() {
    let port = free_port();
    let env = tracker(port);
    env.git(&["config", "tracker.mail.transport", "sendmail"]);
    let bin = env.root.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let spool = env.root.path().join("spool");
    std::fs::create_dir_all(&spool).unwrap();
    let script = bin.join("sendmail");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\n[ -e '{0}/fail' ] && {{ cat >/dev/null; echo 'queue full' >&2; exit 75; }}\n\
             n=$(ls '{0}' | wc -l)\necho \"$@\" > '{0}/args-'$n\ncat > '{0}/mail-'$n\n",
            spool.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let run = |args: &[&str]| {
        let out = env
            .command_in(&env.repo, args)
            .env("PATH", &path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    run(&["new", "crash on save"]);
    let args = std::fs::read_to_string(spool.join("args-0")).unwrap();
    assert_eq!(args, "-i -f tracker@example.com -- boss@example.com\n");
    let mail = std::fs::read_to_string(spool.join("mail-0")).unwrap();
    assert_eq!(
        header(&mail.replace("\r\n", "\n"), "To"),
        Some("boss@example.com")
    );
    std::fs::write(spool.join("fail"), "").unwrap();
    assert_eq!(
        run(&["comment", "TRK-1", "-m", "x"]),
        "Commented on TRK-1.\n"
    );
    let status = env.run(&["notify", "--status", "--format", "json"]).json();
    assert_eq!(
        status["waiting"].as_array().unwrap().len(),
        0,
        "Ann's own comment mails nobody"
    );
    env.set_user("Bob", "bob@example.com");
    let stderr = run(&["comment", "TRK-1", "-m", "y"]);
    assert!(
        stderr.contains("could not be sent and wait in the outbox"),
        "{stderr}"
    );
    assert!(stderr.contains("queue full"), "{stderr}");
    std::fs::remove_file(spool.join("fail")).unwrap();
    run(&["notify", "--flush"]);
    let mails = std::fs::read_dir(&spool)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("mail-")
        })
        .count();
    assert_eq!(
        mails, 3,
        "the manager's, then Ann's two about Bob's comment and the move"
    );
}
