//! The `git-tracker` binary: all behaviour lives in the library.
fn main() -> std::process::ExitCode {
    tune_allocator();
    bound_pack_maps();
    git_tracker::cli::main()
}

/// libgit2 reads packs through memory maps of up to 1 GiB each and, by default, keeps up to
/// 8 GiB of them: the pages a command reads stay mapped until it ends, and count in its
/// resident memory. Rebuilding the index of 100 000 tickets reads all 822 MB of their packs,
/// and its peak was 890 MB, 850 of them pack pages. With windows of 16 MiB and at most
/// 128 MiB mapped (the least recently used window is unmapped first) its peak is under 160 MB,
/// for 4 s more (docs/performance.md, "Process start and memory"); a command that reads a few
/// objects maps a few small windows, and was no slower. `sync` gives git the same bounds.
#[allow(unsafe_code)]
fn bound_pack_maps() {
    // SAFETY: these set libgit2 globals; git2's functions are unsafe because the setting is
    // not synchronised, and this runs before any other thread exists and before any
    // repository is opened. A failure leaves libgit2's defaults.
    unsafe {
        let _ = git2::opts::set_mwindow_size(16 << 20);
        let _ = git2::opts::set_mwindow_mapped_limit(128 << 20);
    }
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
