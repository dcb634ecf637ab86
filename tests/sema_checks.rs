//! Compile-time checks whose exact swiftc wording has no golden here (overloaded standard
//! library methods, limits of the bytecode): the program must be rejected with a named
//! error, never accepted to fail later with an internal error.

use swiftlang::driver::compile_source;
use swiftlang::vm::module::Module;

/// The messages of the errors `source` gets (empty when it compiles).
fn errors(source: &str) -> Vec<String> {
    let mut module = Module::new("main.swift");
    match compile_source(&mut module, source) {
        Ok(_) => Vec::new(),
        Err(diags) => diags.into_iter().map(|d| d.message).collect(),
    }
}

#[test]
fn set_algebra_checks_the_element_type_of_every_sequence_argument() {
    for call in [
        "s.intersection(\"ab\")",
        "s.subtracting(\"ab\")",
        "s.isSubset(of: \"ab\")",
        "s.isSuperset(of: w)",
        "s.isDisjoint(with: d)",
        "s.formIntersection(\"ab\")",
        "s.subtract(w)",
        "s.formSymmetricDifference(\"ab\")",
    ] {
        let source =
            format!("var s: Set<Int> = [1, 2]\nlet w = [\"a\"]\nlet d = [1.5]\n_ = {call}\n");
        let errs = errors(&source);
        let method = call.split(['(', '.']).nth(1).unwrap_or_default();
        assert!(
            errs.iter()
                .any(|e| e.contains(method) && e.contains("be equivalent")),
            "{call}: {errs:?}"
        );
    }
    // The same calls with the right element type compile.
    for call in [
        "s.intersection([1])",
        "s.isSubset(of: 1...3)",
        "s.subtract(Set([2]))",
    ] {
        let source = format!("var s: Set<Int> = [1, 2]\n_ = {call}\n");
        assert_eq!(errors(&source), Vec::<String>::new(), "{call}");
    }
}
