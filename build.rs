//! Link settings of the shipped binary.
//!
//! A release build on Linux with glibc links the binary with `-z pack-relative-relocs`: its
//! relocations of relative addresses (about 36 000, 868 KB of `.rela.dyn`) are packed into a
//! `DT_RELR` table of a few kilobytes. The binary is 0.85 MB smaller and every command starts
//! faster, the loader having less to read and apply (docs/performance.md, "The release
//! binary"). It needs GNU ld 2.38 or lld 15 to link and glibc 2.36 to run (Debian 12, Ubuntu
//! 22.10, Fedora 37); `GIT_TRACKER_NO_RELR=1` builds without it.

fn main() {
    println!("cargo:rerun-if-env-changed=GIT_TRACKER_NO_RELR");
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let linux_gnu = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|env| env == "gnu");
    let wanted = std::env::var_os("GIT_TRACKER_NO_RELR").is_none();
    if release && linux_gnu && wanted {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
