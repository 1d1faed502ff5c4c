//! Link settings of the shipped binary.
//!
//! A release build on Linux with glibc is linked as a position-dependent executable
//! (`-no-pie`), as Go links its programs (gh, git-bug) by default. A position-independent one
//! is loaded at a random address, so at every start the loader rewrote about 36 000 pointers
//! in its 1.1 MB of read-only data: 280 pages copied, one page fault each, a third of the page
//! faults of a `show` and about 1 ms of every command on the machine of docs/performance.md
//! ("Process start and memory"). What that costs is the random load address of the program's
//! own code (libraries and the stack stay randomised); the program is Rust and links two C
//! libraries, libgit2 and SQLite, which read the tracker branch. `GIT_TRACKER_PIE=1` builds a
//! position-independent binary.

fn main() {
    println!("cargo:rerun-if-env-changed=GIT_TRACKER_PIE");
    println!("cargo:rerun-if-env-changed=GIT_TRACKER_NO_RELR");
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let linux_gnu = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|env| env == "gnu");
    if !(release && linux_gnu) {
        return;
    }
    if std::env::var_os("GIT_TRACKER_PIE").is_none() {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    } else if std::env::var_os("GIT_TRACKER_NO_RELR").is_none() {
        // A position-independent binary with its relocations packed into a DT_RELR table
        // (GNU ld 2.38 or lld 15 to link, glibc 2.36 to run): 0.85 MB smaller, and the loader
        // reads less, though it still writes every page of pointers.
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
