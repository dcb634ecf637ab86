//! The `swiftlang` binary: installs the counting global allocator (honest totals) and hands
//! over to the library's command line, on a thread with a large stack whose size the VM
//! knows (a script's deep recursion through builtins, `deinit`s and initializers then ends
//! in a `stack overflow` trap, never in a host crash).

#[global_allocator]
static GLOBAL: swiftlang::alloc::global::CountingAlloc = swiftlang::alloc::global::CountingAlloc;

/// The interpreter thread's stack (reserved, touched only as far as it is used).
const STACK_SIZE: usize = 256 << 20;

/// What nested runs of the VM may use of it: the rest is for what they call (printing and
/// dropping deep values are bounded on their own).
const STACK_BUDGET: usize = 192 << 20;

fn main() {
    // First, before any thread starts: SIGINT/SIGTERM stop a run with stdout flushed.
    swiftlang::cli::signals::install();
    let run = || {
        swiftlang::vm::set_host_stack_budget(STACK_BUDGET);
        swiftlang::cli::main_with_args(std::env::args_os())
    };
    let status = match std::thread::Builder::new()
        .name("swiftlang".into())
        .stack_size(STACK_SIZE)
        .spawn(run)
    {
        // A panic (a swiftlang bug) has printed its message: Rust's status for it.
        Ok(thread) => thread.join().unwrap_or(101),
        // No thread to be had: run here, with the default budget.
        Err(_) => swiftlang::cli::main_with_args(std::env::args_os()),
    };
    // `process::exit` runs no destructors: flush what the script printed first.
    let _ = std::io::Write::flush(&mut std::io::stdout());
    std::process::exit(status);
}
