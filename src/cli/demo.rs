//! `git tracker demo`

use std::path::PathBuf;

use anyhow::anyhow;
use chrono::{Duration, Utc};
use clap::Args;

use crate::cli::error::CliError;
use crate::cli::ui::Ui;
use crate::model::{ListRow, Person, State, TrackerConfig, Viewer};
use crate::report::table;
use crate::store::{init_repository, Store};
use crate::tracker::{Actor, Changes, NewTicket, Tracker};

/// Build a scratch repository, file and move a handful of tickets, and print `list` and `show`.
///
/// The repository is left in place so you can try commands on it: the last lines say where.
#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Where to create the scratch repository [default: a new directory under the system's
    /// temporary directory]
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

fn person(name: &str) -> Person {
    let email = format!("{}@example.com", name.to_lowercase());
    Person::new(name, &email).expect("the demo's people are valid")
}

/// Runs `demo`.
pub fn run(ui: &mut Ui, args: &DemoArgs) -> Result<(), CliError> {
    let dir = args.dir.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!(
            "git-tracker-demo-{}",
            Utc::now().format("%Y%m%d-%H%M%S")
        ))
    });
    if dir.exists()
        && std::fs::read_dir(&dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(CliError::bad_input(anyhow!(
            "{} exists and is not empty",
            dir.display()
        )));
    }
    init_repository(&dir, false)?;
    let tracker = Tracker::new(Store::open(Some(&dir))?, Viewer::new(Some(person("Alice"))));
    let start = Utc::now() - Duration::days(3);
    let mut clock = 0;
    let mut at = |who: &str| {
        clock += 1;
        Actor {
            person: person(who),
            now: start + Duration::minutes(clock * 47),
        }
    };
    let config = TrackerConfig {
        name: "Demo".into(),
        ..TrackerConfig::default()
    };
    tracker.settings().init(&config, &at("Alice"))?;
    ui.status(&format!(
        "Created a scratch repository in {}.",
        dir.display()
    ));

    let new = |title: &str, description: &str| NewTicket {
        title: title.into(),
        description: description.into(),
        ..NewTicket::default()
    };
    let t1 = tracker.tickets().create(
        &at("Alice"),
        &new(
            "Saving a file crashes the editor",
            "Steps: open, edit, Ctrl-S.\nThe editor closes without a message.",
        ),
    )?;
    let t2 = tracker.tickets().create(
        &at("Bob"),
        &new("Add a dark theme", "Many users asked for it."),
    )?;
    let t3 = tracker.tickets().create(
        &at("Carol"),
        &new(
            "Typo on the login page",
            "\"Pasword\" should be \"Password\".",
        ),
    )?;
    let t4 = tracker
        .tickets()
        .create(&at("Alice"), &new("Export tickets to CSV", ""))?;
    let (k1, k2, k3, k4) = (
        t1.key.to_string(),
        t2.key.to_string(),
        t3.key.to_string(),
        t4.key.to_string(),
    );
    ui.status(&format!("Filed {k1}, {k2}, {k3} and {k4}."));

    let bob = person("Bob");
    tracker.tickets().assign(&at("Bob"), &k1, Some(&bob))?; // Bob acts: POSTED -> OPEN, recorded
    tracker.tickets().transition(
        &at("Bob"),
        &k1,
        State::Resolving,
        "Reproduced on 1.4.2",
        false,
    )?;
    tracker.tickets().comment(
        &at("Bob"),
        &k1,
        "The autosave timer races with the save dialog.",
    )?;
    tracker
        .tickets()
        .comment(&at("Alice"), &k1, "Thanks! It happens to me every day.")?;
    let solution = Changes {
        solution: Some("Serialize saves behind one lock.".into()),
        ..Changes::default()
    };
    tracker.tickets().edit(&at("Bob"), &k1, &solution)?;
    tracker.tickets().transition(
        &at("Bob"),
        &k1,
        State::Testing,
        "Fix on the staging server",
        false,
    )?;
    tracker
        .tickets()
        .watch(&at("Carol"), &k2, &person("Carol"), true, None)?;
    tracker
        .tickets()
        .transition(&at("Dave"), &k3, State::Resolved, "Fixed the string", false)?;
    tracker
        .tickets()
        .transition(&at("Carol"), &k3, State::Validated, "", false)?;
    tracker
        .tickets()
        .assign(&at("Dave"), &k4, Some(&person("Dave")))?;
    tracker.tickets().transition(
        &at("Dave"),
        &k4,
        State::Waiting,
        "Needs the export format decided",
        false,
    )?;
    ui.status("Assigned, commented, moved and resolved a few of them.");

    let snap = tracker.snapshot()?;
    let style = ui.table_style();
    let out = ui.out();
    writeln!(out, "$ git tracker list --all")?;
    let mut tickets = tracker.store().all_tickets(&snap)?;
    tickets.reverse();
    let all: Vec<ListRow> = tickets.iter().map(|t| ListRow::of(t, &[])).collect();
    table::list(out, &snap.config, &all, &Default::default(), &[], style)?;
    writeln!(out, "\n$ git tracker show {k1}")?;
    let ticket = tracker.ticket(&snap, &k1)?;
    table::show(
        out,
        &snap.config,
        &ticket,
        false,
        &ticket.fields,
        &Default::default(),
        style,
    )?;
    writeln!(out, "\n$ git tracker log {k1}")?;
    table::log(out, &snap.config, &ticket, true, style)?;
    demo_mail(&tracker, &dir, snap.tip, &k1, out)?;
    writeln!(
        out,
        "\nTry it yourself: cd {} && git tracker list --all",
        dir.display()
    )?;
    Ok(())
}

/// Sets a `file:` mail transport in the scratch repository, mails about its whole history as
/// a central job would (`notify --range`), and prints one of the mails.
fn demo_mail(
    tracker: &Tracker,
    dir: &std::path::Path,
    tip: crate::store::Tip,
    key: &str,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    let mail_dir = dir.join(".git").join("demo-mail");
    let transport = format!("file:{}", mail_dir.display());
    let store = tracker.store();
    store.set_git_config("tracker.mail.transport", &transport)?;
    store.set_git_config("tracker.mail.from", "Demo tracker <tracker@example.com>")?;
    writeln!(out, "\n$ git config tracker.mail.transport {transport}")?;
    writeln!(out, "$ git tracker notify --range ..tracker")?;
    let config = crate::notify::config(tracker)
        .map_err(CliError::bad_input)?
        .ok_or_else(|| CliError::failure(anyhow!("the demo's mail settings were not read")))?;
    crate::notify::queue_range(tracker, &config, None, tip)?;
    let done = crate::notify::Outbox::new(store.state_dir()).flush(&config);
    let mut mails: Vec<String> = std::fs::read_dir(&mail_dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .map(|t| t.replace("\r\n", "\n"))
                .collect()
        })
        .unwrap_or_default();
    mails.sort();
    writeln!(
        out,
        "{} mails, one .eml file each in {} (every write sends its own as it goes):",
        done.sent,
        mail_dir.display()
    )?;
    let wanted = format!("commented on {key}:");
    if let Some(m) = mails.iter().find(|m| m.contains(&wanted)) {
        for line in m.lines().filter(|l| {
            ["To: ", "Subject: ", "Message-ID: ", "In-Reply-To: "]
                .iter()
                .any(|h| l.starts_with(h))
        }) {
            writeln!(out, "  {line}")?;
        }
        let body = m.split("\n\n").skip(1).collect::<Vec<_>>().join("\n\n");
        for line in body.lines().take(4) {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(())
}
