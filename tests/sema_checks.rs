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

/// Runs `source` with the swiftlang binary: (stdout, stderr, exit status).
fn run(name: &str, source: &str) -> (String, String, i32) {
    let dir = std::env::temp_dir().join(format!("swiftlang-sema-checks-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(name);
    std::fs::write(&path, source).expect("write the script");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_swiftlang"))
        .current_dir(&dir)
        .args(["run", name])
        .env("NO_COLOR", "1")
        .output()
        .expect("run swiftlang");
    let _ = std::fs::remove_file(&path);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// A 10,000-case enum switched over case by case (its exhaustiveness and case lookups were
/// quadratic: 3.4 s to compile in a release build).
#[test]
fn a_ten_thousand_case_switch_compiles_and_runs() {
    let n = 10_000;
    let mut s = String::from("enum E {\n");
    for i in 0..n {
        s.push_str(&format!("    case c{i}\n"));
    }
    s.push_str("}\nfunc f(_ e: E) -> Int {\n    switch e {\n");
    for i in 0..n {
        s.push_str(&format!("    case .c{i}: return {i}\n"));
    }
    s.push_str("    }\n}\nprint(f(.c0), f(.c5000), f(E.c9999))\n");
    s.push_str("var total = 0\nfor e in [E.c1, .c2, .c9998] { total += f(e) }\nprint(total)\n");
    let (out, err, code) = run("big_switch.swift", &s);
    assert_eq!(
        (out.as_str(), err.as_str(), code),
        ("0 5000 9999\n10001\n", "", 0)
    );
}

/// Past a bytecode limit, a program is refused with a named error (as clox and Lua do), not
/// run with a saturated operand ("slot out of frame" at run time).
#[test]
fn bytecode_limits_are_named_compile_errors() {
    let n = 70_000;
    let mut locals = String::from("func f() -> Int {\n");
    for i in 0..n {
        locals.push_str(&format!("    let v{i} = {i}\n"));
    }
    locals.push_str(&format!("    return v0 + v{}\n}}\nprint(f())\n", n - 1));
    assert_eq!(errors(&locals), ["too many local variables in function"]);

    let mut fields = String::from("class C {\n");
    for i in 0..n {
        fields.push_str(&format!("    var f{i} = {i}\n"));
    }
    fields.push_str(&format!("}}\nlet c = C()\nprint(c.f{})\n", n - 1));
    assert_eq!(errors(&fields), ["too many stored properties in type"]);

    let mut cases = String::from("enum E {\n");
    for i in 0..n {
        cases.push_str(&format!("    case c{i}\n"));
    }
    cases.push_str(&format!("}}\nprint(E.c{})\n", n - 1));
    assert_eq!(errors(&cases), ["too many cases in enum"]);

    let call = |count: usize| {
        let params: Vec<String> = (0..count).map(|i| format!("_ a{i}: Int")).collect();
        let args: Vec<String> = (0..count).map(|i| i.to_string()).collect();
        format!(
            "func g({}) -> Int {{ a0 }}\nprint(g({}))\n",
            params.join(", "),
            args.join(", ")
        )
    };
    assert_eq!(errors(&call(256)), ["too many arguments in call"]);
    assert_eq!(errors(&call(255)), Vec::<String>::new());
    let (out, _, code) = run("args.swift", &call(255));
    assert_eq!((out.as_str(), code), ("0\n", 0));
}
