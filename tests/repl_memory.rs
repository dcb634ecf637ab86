//! A long REPL session keeps flat memory: 10,000 entries (`let xN = N` and `print(1 + 2)`,
//! mixed) through the REPL engine, in process, with the counting global allocator installed
//! so that every heap byte is seen.
//!
//! - The compile-phase arenas (Lexer, Parser, AST, Symbols, Compiler, Bytecode) are reset
//!   after each entry and keep their chunks: after 10,000 entries they hold no more memory
//!   from the system than after the first hundred.
//! - The heap grows only by what the entries define: a `print` entry adds nothing, a `let`
//!   entry adds one global (its name, type and value). The bytes per entry are printed
//!   (`cargo test --test repl_memory -- --nocapture`).
//!
//! One test in this binary, so the process-wide counters move only by what it does.

use swiftlang::alloc::global::{heap_snapshot, is_installed, CountingAlloc};
use swiftlang::alloc::registry;
use swiftlang::cli::repl::{Options, Outcome, Session};
use swiftlang::driver::COMPILE_PHASES;

#[global_allocator]
static ALLOCATOR: CountingAlloc = CountingAlloc;

fn entry(i: usize) -> String {
    if i % 2 == 0 {
        format!("let x{i} = {i}")
    } else {
        "print(1 + 2)".to_string()
    }
}

fn arena_footprints() -> Vec<u64> {
    COMPILE_PHASES
        .iter()
        .map(|&s| registry::stats(s).footprint)
        .collect()
}

fn submit(session: &mut Session, text: &str, out: &mut Vec<u8>) {
    let mut err = Vec::new();
    out.clear();
    let outcome = session.submit(text, out, &mut err);
    assert_eq!(
        outcome,
        Outcome::Done,
        "{text}: {}",
        String::from_utf8_lossy(&err)
    );
}

#[test]
fn ten_thousand_entries_keep_memory_flat() {
    assert!(is_installed(), "the counting allocator sees the heap");
    const WARM: usize = 100;
    const TOTAL: usize = 10_000;
    let mut session = Session::new(Options::default());
    // Output goes to a buffer reused from entry to entry.
    let mut out = Vec::with_capacity(4096);
    for i in 0..WARM {
        submit(&mut session, &entry(i), &mut out);
    }
    assert_eq!(String::from_utf8_lossy(&out), "3\n");
    let arenas_warm = arena_footprints();
    let heap_warm = heap_snapshot().current;

    // `print` entries define nothing: the heap stays where it is.
    let before_prints = heap_snapshot().current;
    for _ in 0..1000 {
        submit(&mut session, "print(1 + 2)", &mut out);
    }
    let print_growth = heap_snapshot().current as i64 - before_prints as i64;

    for i in WARM..TOTAL {
        submit(&mut session, &entry(i), &mut out);
    }
    let arenas_end = arena_footprints();
    let heap_end = heap_snapshot().current;
    submit(&mut session, "x9998", &mut out);
    assert_eq!(String::from_utf8_lossy(&out), "$R0: Int = 9998\n");

    for ((s, warm), end) in COMPILE_PHASES.iter().zip(&arenas_warm).zip(&arenas_end) {
        println!(
            "{:<9} arena: {warm} bytes held after {WARM} entries, {end} after {TOTAL}",
            s.name()
        );
        assert!(end <= warm, "{} grew from {warm} to {end} bytes", s.name());
        assert_eq!(
            registry::stats(*s).current,
            0,
            "{} is reset after each entry",
            s.name()
        );
    }
    // The entries' top-level code is dropped once run: no function stays behind.
    let module = session.module();
    assert_eq!(
        module.functions.len(),
        0,
        "top-level code of entries is not kept"
    );
    assert!(
        module.constants.len() <= 4,
        "constants: {:?}",
        module.constants
    );
    assert_eq!(
        module.env.globals.len(),
        TOTAL / 2 + 1,
        "one global per `let`, and $R0"
    );

    let entries = (TOTAL - WARM) as i64;
    let definitions = entries / 2;
    let growth = heap_end as i64 - heap_warm as i64 - print_growth;
    let per_entry = growth as f64 / entries as f64;
    let per_definition = growth as f64 / definitions as f64;
    println!(
        "heap: {heap_warm} bytes live after {WARM} entries, {heap_end} after {TOTAL} (+1000 prints: {print_growth:+} bytes)"
    );
    println!(
        "bytes per entry: {per_entry:.1} ({per_definition:.1} per `let` definition, 0 per `print`)"
    );
    assert!(
        print_growth.abs() <= 1024,
        "1000 print entries grew the heap by {print_growth} bytes"
    );
    // A definition costs its global: name, type and mutability (GlobalInfo), the name in the
    // lookup table, and the value slot, each in a vector or table that grows by doubling.
    assert!(
        per_definition < 320.0,
        "{per_definition:.1} bytes per definition"
    );
}
