//! The `git-tracker` binary: all behaviour lives in the library.
fn main() -> std::process::ExitCode {
    git_tracker::cli::main()
}
