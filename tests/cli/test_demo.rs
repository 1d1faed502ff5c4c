//! Issue 12: the demo, the README's first command, tours two clones and ends with commands
//! that work as printed.

use crate::common::TestEnv;

#[test]
fn the_demo_tours_two_clones_and_its_suggestions_work_as_printed() {
    let env = TestEnv::new();
    let dir = env.root.path().join("tour");
    let run = env.run(&["demo", "--dir", dir.to_str().unwrap()]);
    let out = run.ok();
    // Bob's first command in his fresh clone takes the tracker over; the number both took
    // is settled by his sync; the HTML report is written.
    for expected in [
        "\nbob$ git tracker list\n",
        "\nTook the tracker branch from origin/tracker (this clone had none); 'git tracker sync' shares your changes.\n",
        "\nbob$ git tracker sync\nTRK-3 is now TRK-4\nCombined with origin and pushed.\n",
        " -     TRK-4   Typo on the login page            ",
        // Priorities: Bob's urgent request, accepted, puts TRK-5 first.
        "TRK-5 is now first in the priorities, above TRK-2.\n",
        " 1     TRK-5   Crash when the disk is full",
        // Dependencies (R24): Alice's export waits for the crash fix.
        "\nalice$ git tracker depend TRK-3 --on TRK-1\nTRK-3 now depends on TRK-1.\n",
        "\nBlocks\n  TRK-3  POSTED  Export tickets to CSV\n",
        "\nalice$ git tracker label TRK-3 +feature +export\nTRK-3 has labels export, feature.\n",
        "    attached: crash.log (78 B)\n",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..100]);
    // Both clones and the shared repository agree.
    let tip = |repo: &str| env.git_in(&dir.join(repo), &["rev-parse", "tracker"]);
    assert_eq!(tip("alice"), tip("shared.git"));

    // The suggestions, run as printed by a shell whose PATH does not hold the binary.
    let (_, tail) = out
        .split_once("\nTry it yourself (each line works as printed):\n")
        .unwrap();
    let lines: Vec<&str> = tail
        .lines()
        .map(|l| l.strip_prefix("  ").unwrap())
        .collect();
    assert!(lines[0].starts_with("export PATH="), "{lines:?}");
    assert_eq!(lines[1], format!("cd {}", dir.join("alice").display()));
    let mut script = String::from("set -e\n");
    for (i, line) in lines.iter().enumerate() {
        script.push_str(&format!("{line}\necho \"step {i} ok\" >&2\n"));
    }
    let mut sh = env.base_command("sh", env.root.path());
    sh.env("PATH", "/usr/bin:/bin").args(["-c", &script]);
    let done = sh.output().unwrap();
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert!(done.status.success(), "{script}\n{stderr}");
    assert!(
        stderr.ends_with(&format!("step {} ok\n", lines.len() - 1)),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&done.stdout);
    assert!(
        stdout.contains("TRK-4  Typo on the login page\n"),
        "{stdout}"
    );
    assert!(stdout.contains("panic: file handle in use\n"), "{stdout}");
}
