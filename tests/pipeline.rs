//! The pipeline allocates from its subsystems' arenas and resets them after each compilation.

mod common;

use common::generated_script;
use swiftlang::alloc::registry;
use swiftlang::driver::{compile_source, COMPILE_PHASES};
use swiftlang::vm::module::Module;

const PROGRAM: &str = r#"
func greet(_ name: String, times: Int = 2) -> [String] {
    var out: [String] = []
    for i in 0..<times {
        out.append("\(i): hello, \(name)")
    }
    return out
}
let lines = greet("world")
print(lines.joined(separator: "\n"))
"#;

#[test]
fn compile_phase_arenas_are_reset_with_a_peak() {
    let mut module = Module::new("main.swift");
    compile_source(&mut module, PROGRAM).expect("compiles");
    if !registry::stats_available() {
        return;
    }
    for s in COMPILE_PHASES {
        let stats = registry::stats(s);
        assert_eq!(
            stats.current, 0,
            "{s} still holds memory after the compilation"
        );
        assert!(stats.peak > 0, "{s} was not used by the compilation");
        assert!(stats.resets >= 1, "{s} was not reset");
    }
    // The finished module lives on in Modules-side structures, not in the arenas.
    assert!(!module.functions.is_empty());
}

#[test]
fn a_second_compilation_reuses_the_arenas() {
    let mut module = Module::new("main.swift");
    compile_source(&mut module, PROGRAM).expect("compiles");
    if !registry::stats_available() {
        return;
    }
    let footprint: Vec<u64> = COMPILE_PHASES
        .iter()
        .map(|s| registry::stats(*s).footprint)
        .collect();
    let mut again = Module::new("main.swift");
    compile_source(&mut again, PROGRAM).expect("compiles");
    for (s, before) in COMPILE_PHASES.iter().zip(footprint) {
        let after = registry::stats(*s).footprint;
        assert!(
            after <= before,
            "{s} grew from {before} to {after} bytes for the same program"
        );
    }
}

#[test]
fn compile_errors_reset_the_arenas_too() {
    let mut module = Module::new("main.swift");
    let errors = compile_source(&mut module, "let x: Int = \"a\"\nprint(y)\n").unwrap_err();
    assert_eq!(
        errors.len(),
        2,
        "every error in the file is reported: {errors:?}"
    );
    assert_eq!(
        errors[0].message,
        "cannot convert value of type 'String' to specified type 'Int'"
    );
    assert_eq!(errors[1].message, "cannot find 'y' in scope");
    if registry::stats_available() {
        for s in COMPILE_PHASES {
            assert_eq!(registry::stats(s).current, 0, "{s}");
        }
    }
}

/// After compiling a 1 MB script, each compile-phase arena keeps at most 1 MiB of its chunks
/// and has returned the rest (ARCHITECTURE.md), so a big script does not hold its peak for
/// the whole run (issue 14, item 20).
#[test]
fn arenas_return_all_but_a_mebibyte_after_a_big_compilation() {
    let source = generated_script(1_000_000);
    let mut module = Module::new("big.swift");
    compile_source(&mut module, &source).expect("compiles");
    if !registry::stats_available() {
        return;
    }
    for s in COMPILE_PHASES {
        let stats = registry::stats(s);
        assert!(
            stats.footprint <= 1 << 20,
            "{s} keeps {} bytes after the compilation",
            stats.footprint
        );
    }
}
