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
    )?;
    writeln!(out, "\n$ git tracker log {k1}")?;
    table::log(out, &snap.config, &ticket, true)?;
    writeln!(
        out,
        "\nTry it yourself: cd {} && git tracker list --all",
        dir.display()
    )?;
    Ok(())
}
