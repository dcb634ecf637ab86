//! The whole pipeline on arbitrary input: compile, and when it compiles, run it with its
//! output discarded. Nothing may panic, abort or overflow the stack; traps are fine.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let mut module = swiftlang::vm::module::Module::new("fuzz.swift");
    if let Ok(entry) = swiftlang::driver::compile_source(&mut module, source) {
        let mut vm = swiftlang::vm::Vm::new(&module, Box::new(std::io::sink()), Some(1));
        vm.set_step_limit(Some(200_000));
        vm.set_input(Box::new(std::io::empty()));
        let _ = vm.run(entry);
    }
});
