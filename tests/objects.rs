//! The object model's memory: a million objects created and dropped leave the Objects
//! subsystem where it started (its freelists reuse blocks), arrays are copy-on-write, and
//! the runtime can list the instances alive at exit and walk their strong references.

use swiftlang::alloc::{registry, Subsystem};
use swiftlang::driver::compile_source;
use swiftlang::vm::instance;
use swiftlang::vm::interp::Vm;
use swiftlang::vm::module::Module;

const PROGRAM: &str = r#"
class Node {
    var value: Int
    var next: Node?
    init(_ v: Int) { value = v }
}
var total = 0
for i in 0..<500_000 {
    let n = Node(i)
    n.next = Node(i + 1)
    total += n.next!.value
}
print(total)
"#;

#[test]
fn a_million_objects_return_objects_to_its_baseline() {
    let mut module = Module::new("million.swift");
    let entry = compile_source(&mut module, PROGRAM).expect("compiles");
    let before = registry::stats(Subsystem::Objects);
    let mut out = Vec::new();
    {
        let mut vm = Vm::new(&module, Box::new(&mut out), Some(1));
        vm.run(entry).expect("runs");
    }
    assert_eq!(String::from_utf8_lossy(&out), "125000250000\n");
    if !registry::stats_available() {
        return;
    }
    let after = registry::stats(Subsystem::Objects);
    assert_eq!(
        after.current, before.current,
        "Objects did not return to its baseline"
    );
    let made = after.allocations - before.allocations;
    assert!(
        made >= 1_000_000,
        "only {made} allocations for a million objects"
    );
    assert_eq!(after.frees - before.frees, made, "every object is freed");
    // Two objects are alive at a time: the freelist reuses their blocks.
    assert!(
        after.peak - before.current < 4096,
        "peak {} bytes: blocks are not reused",
        after.peak
    );
}

/// The process's peak heap for a script, from `--mem-stats` ("Total (heap from the system)").
#[cfg(feature = "custom-allocators")]
fn peak_heap(script: &str) -> u64 {
    let dir = std::env::temp_dir().join(format!("swiftlang-cow-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("cow.swift");
    std::fs::write(&path, script).expect("script written");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_swiftlang"))
        .args(["run", "--mem-stats"])
        .arg(&path)
        .output()
        .expect("swiftlang runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    let total = text
        .split("--- Total (heap from the system) ---")
        .nth(1)
        .expect("a heap total");
    let line = total
        .lines()
        .find(|l| l.starts_with("Peak Usage:"))
        .expect("a peak line");
    line.split_whitespace()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .expect("a number")
}

/// Copying a million-element array allocates nothing until one side is written (COW).
#[test]
#[cfg(feature = "custom-allocators")]
fn copying_a_million_element_array_allocates_only_when_written() {
    let buffer = 1_000_000 * std::mem::size_of::<swiftlang::vm::value::Value>() as u64;
    let copied =
        peak_heap("let a = Array(repeating: 0, count: 1_000_000)\nvar b = a\nprint(b.count)\n");
    let written = peak_heap(
        "let a = Array(repeating: 0, count: 1_000_000)\nvar b = a\nb[0] = 1\nprint(b.count)\n",
    );
    assert!(
        copied < buffer + buffer / 4,
        "the copy allocated: peak {copied} bytes"
    );
    assert!(
        written >= 2 * buffer,
        "the write did not copy: peak {written} bytes"
    );
}

/// At exit, the live instances (here a cycle and one held by a global) are listed with their
/// class and size, and their strong references can be walked by property name.
#[test]
fn live_instances_and_their_strong_references_can_be_listed() {
    const CYCLE: &str = r#"
class Person {
    let name: String
    var apartment: Apartment?
    init(name: String) { self.name = name }
}
class Apartment {
    let unit: String
    var tenant: Person?
    init(unit: String) { self.unit = unit }
}
do {
    let john = Person(name: "John")
    let unit = Apartment(unit: "4A")
    john.apartment = unit
    unit.tenant = john
}
let kept = Person(name: "Kept")
let gone = Apartment(unit: "1B")
"#;
    let mut module = Module::new("cycle.swift");
    let entry = compile_source(&mut module, CYCLE).expect("compiles");
    instance::track_live_instances(true);
    let mut out = Vec::new();
    let live = {
        let mut vm = Vm::new(&module, Box::new(&mut out), Some(1));
        vm.run(entry).expect("runs");
        instance::live_instances()
    };
    // What the cycle kept alive can still be freed (a fuzzer or embedder runs many VMs).
    let objects_before_release = registry::stats(Subsystem::Objects).current;
    instance::release_tracked();
    assert!(instance::live_instances().is_empty());
    if registry::stats_available() {
        assert!(registry::stats(Subsystem::Objects).current < objects_before_release);
    }
    instance::track_live_instances(false);
    let class_name = |c: u32| module.env.types.nominals[c as usize].name.clone();
    let names: Vec<String> = live.iter().map(|i| class_name(i.class)).collect();
    assert_eq!(
        names,
        ["Person", "Apartment", "Person", "Apartment"],
        "in creation order"
    );
    assert!(live.iter().all(|i| i.size > 0));
    // John's `apartment` is unit 4A, whose `tenant` is John: the cycle, by property name.
    let (john, unit) = (&live[0], &live[1]);
    let field = |i: &instance::LiveInstance, f: usize| {
        module.env.types.nominals[i.class as usize].fields[f]
            .name
            .clone()
    };
    assert_eq!(john.strong_refs.len(), 1);
    assert_eq!(field(john, john.strong_refs[0].0), "apartment");
    assert_eq!(john.strong_refs[0].1, unit.addr);
    assert_eq!(field(unit, unit.strong_refs[0].0), "tenant");
    assert_eq!(unit.strong_refs[0].1, john.addr);
    assert!(live[2].strong_refs.is_empty() && live[3].strong_refs.is_empty());
}
