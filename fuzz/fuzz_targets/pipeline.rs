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
        // Reference cycles outlive their VM (as in Swift); tracking lets each run free
        // them, so a long fuzzing session does not grow.
        swiftlang::vm::instance::track_live_instances(true);
        {
            let mut vm = swiftlang::vm::Vm::new(&module, Box::new(std::io::sink()), Some(1));
            vm.set_step_limit(Some(200_000));
            vm.set_input(Box::new(std::io::empty()));
            let _ = vm.run(entry);
        }
        swiftlang::vm::instance::release_tracked();
        swiftlang::vm::instance::track_live_instances(false);
    }
});
