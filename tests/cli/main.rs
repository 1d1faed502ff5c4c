//! The integration tests: one binary driving the real `git-tracker` on temporary repositories.
#![allow(clippy::unwrap_used)]

mod common;

mod test_append_only;
mod test_attach;
mod test_bad_input;
mod test_branch_files;
mod test_ci;
mod test_clone;
mod test_concurrency;
mod test_config;
mod test_demo;
mod test_depend;
mod test_export;
mod test_format;
mod test_generated;
mod test_gh;
mod test_hostile;
mod test_index;
mod test_json;
mod test_labels;
mod test_lifecycle;
mod test_limits;
mod test_list_table;
mod test_mail;
mod test_prefs;
mod test_priority;
mod test_query;
mod test_report;
mod test_saved;
mod test_scan;
mod test_shell;
mod test_status;
mod test_storage;
mod test_sync;
mod test_terminal;
mod test_tickets;
mod test_transfer;
mod test_transport;
mod test_trust;
mod test_verify;
mod test_write_path;

/// Every `test_*.rs` file in this directory is declared above.
#[test]
fn every_test_file_is_declared() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli");
    let main = std::fs::read_to_string(dir.join("main.rs")).unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(module) = name
            .strip_prefix("test_")
            .and_then(|n| n.strip_suffix(".rs"))
        {
            assert!(
                main.contains(&format!("mod test_{module};")),
                "tests/cli/{name} is not declared in main.rs"
            );
        }
    }
}
