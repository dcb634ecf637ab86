//! The `swiftlang` binary: installs the counting global allocator (honest totals) and hands
//! over to the library's command line.

#[global_allocator]
static GLOBAL: swiftlang::alloc::global::CountingAlloc = swiftlang::alloc::global::CountingAlloc;

fn main() {
    // First, before any thread starts: SIGINT/SIGTERM stop a run with stdout flushed.
    swiftlang::cli::signals::install();
    let status = swiftlang::cli::main_with_args(std::env::args_os());
    // `process::exit` runs no destructors: flush what the script printed first.
    let _ = std::io::Write::flush(&mut std::io::stdout());
    std::process::exit(status);
}
