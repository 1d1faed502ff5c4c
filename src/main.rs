//! The `git-tracker` binary: all behaviour lives in the library.
fn main() -> std::process::ExitCode {
    tune_allocator();
    git_tracker::cli::main()
}

/// A command lives for milliseconds: memory it frees is better kept for its next allocation
/// than given back to the kernel and faulted in again, one page at a time. By default glibc
/// serves each allocation of 128 KiB or more (zlib's buffers for every object written, SQLite's
/// page cache) with its own `mmap` and returns it with `munmap` on free, and shrinks the heap
/// whenever 128 KiB at its top are free; a comment then took about 150 page faults more, and
/// 15 % more time (docs/performance.md, "Process start and memory"). Only the heap's limits
/// change: the peak memory of a command stays what it allocates.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn tune_allocator() {
    // SAFETY: mallopt only sets parameters of glibc's allocator, with values in their documented
    // ranges (M_MMAP_THRESHOLD at most 32 MiB on 64-bit systems); it is called before any other
    // thread exists, and a refused value leaves the default in place.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 128 << 20);
        libc::mallopt(libc::M_TOP_PAD, 4 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}
