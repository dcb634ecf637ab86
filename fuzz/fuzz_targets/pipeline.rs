//! The whole pipeline on arbitrary input: compile, and when it compiles, run it with its
//! output discarded. Nothing may panic, abort or overflow the stack; traps are fine, except
//! `internal error in swiftlang`, which is always a bug: the target panics on it so that
//! libFuzzer saves the input as a crash.
//!
//! Besides libFuzzer's byte-level mutations, a custom mutator works on lines and tokens
//! (duplicate, delete, swap), and the crossover splices lines between two corpus programs:
//! the line-level changes are what found the host aborts of issue 14, which byte mutations
//! of the same corpus missed.
#![no_main]

use libfuzzer_sys::{fuzz_crossover, fuzz_mutator, fuzz_target};
use swiftlang::vm::interp::Stop;
use swiftlang::vm::trap::TrapKind;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let mut module = swiftlang::vm::module::Module::new("fuzz.swift");
    match swiftlang::driver::compile_source(&mut module, source) {
        Ok(entry) => {
            for w in &module.env.warnings {
                assert!(
                    !w.message.contains("internal error"),
                    "internal error in a warning: {}",
                    w.message
                );
            }
            // Reference cycles outlive their VM (as in Swift); tracking lets each run free
            // them, so a long fuzzing session does not grow.
            swiftlang::vm::instance::track_live_instances(true);
            {
                let mut vm = swiftlang::vm::Vm::new(&module, Box::new(std::io::sink()), Some(1));
                vm.set_step_limit(Some(200_000));
                vm.set_input(Box::new(std::io::empty()));
                if let Err(Stop::Trap(trap)) = vm.run(entry) {
                    if let TrapKind::Internal(m) = &trap.kind {
                        panic!("internal error in swiftlang: {m} (line {})", trap.line);
                    }
                }
            }
            swiftlang::vm::instance::release_tracked();
            swiftlang::vm::instance::track_live_instances(false);
        }
        Err(diagnostics) => {
            for d in &diagnostics {
                assert!(
                    !d.message.contains("internal error"),
                    "internal error in a diagnostic: {}",
                    d.message
                );
            }
        }
    }
});

/// A small deterministic generator (xorshift) seeded by libFuzzer.
struct Rng(u32);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        if n == 0 {
            0
        } else {
            self.0 as usize % n
        }
    }
}

/// Splits into lines, each keeping its `\n`.
fn lines(data: &[u8]) -> Vec<&[u8]> {
    data.split_inclusive(|&b| b == b'\n').collect()
}

/// Splits a line into tokens: runs of identifier characters, runs of spaces, single others.
fn tokens(line: &[u8]) -> Vec<&[u8]> {
    let class = |b: u8| {
        if b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 {
            0
        } else if b == b' ' || b == b'\t' {
            1
        } else {
            2
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=line.len() {
        if i == line.len() || class(line[i]) != class(line[start]) || class(line[start]) == 2 {
            out.push(&line[start..i]);
            start = i;
        }
    }
    out
}

/// One line- or token-level change of `src`.
fn mutate_lines(src: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut ls = lines(src);
    if ls.is_empty() {
        return src.to_vec();
    }
    let n = ls.len();
    let (i, j) = (rng.below(n), rng.below(n));
    match rng.below(6) {
        0 => {
            // Duplicate a run of lines, a few times or many.
            let len = 1 + rng.below(4).min(n - i - 1);
            let copies = if rng.below(8) == 0 {
                50
            } else {
                1 + rng.below(3)
            };
            let run: Vec<&[u8]> = ls[i..i + len].to_vec();
            for _ in 0..copies {
                for (k, l) in run.iter().enumerate() {
                    ls.insert(i + k, l);
                }
            }
        }
        1 => {
            let len = 1 + rng.below(4).min(n - i - 1);
            ls.drain(i..i + len);
        }
        2 => ls.swap(i, j),
        3 => {
            let l = ls.remove(i);
            ls.insert(j.min(ls.len()), l);
        }
        _ => {
            // Token level: delete, duplicate or swap tokens of one line, or move one token
            // into another line.
            let mut t = tokens(ls[i]);
            if t.is_empty() {
                return src.to_vec();
            }
            let (a, b) = (rng.below(t.len()), rng.below(t.len()));
            match rng.below(4) {
                0 => {
                    t.remove(a);
                }
                1 => t.insert(a, t[a]),
                2 => t.swap(a, b),
                _ => {
                    let other = tokens(ls[j]);
                    if !other.is_empty() {
                        t[a] = other[rng.below(other.len())];
                    }
                }
            }
            let line: Vec<u8> = t.concat();
            let mut out = Vec::with_capacity(src.len() + line.len());
            for (k, l) in ls.iter().enumerate() {
                out.extend_from_slice(if k == i { &line } else { l });
            }
            return out;
        }
    }
    ls.concat()
}

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    let mut rng = Rng(seed | 1);
    // Half the time libFuzzer's own byte-level mutations.
    if rng.below(2) == 0 {
        return libfuzzer_sys::fuzzer_mutate(data, size, max_size);
    }
    let out = mutate_lines(&data[..size], &mut rng);
    let n = out.len().min(max_size);
    data[..n].copy_from_slice(&out[..n]);
    n
});

fuzz_crossover!(|data1: &[u8], data2: &[u8], out: &mut [u8], seed: u32| {
    // Splice: the lines of the first program with a run of the second's inserted.
    let mut rng = Rng(seed | 1);
    let mut a = lines(data1);
    let b = lines(data2);
    if b.is_empty() {
        let n = data1.len().min(out.len());
        out[..n].copy_from_slice(&data1[..n]);
        return n;
    }
    let start = rng.below(b.len());
    let len = 1 + rng.below(8).min(b.len() - start - 1);
    let at = rng.below(a.len() + 1);
    for (k, l) in b[start..start + len].iter().enumerate() {
        a.insert(at + k, l);
    }
    let joined = a.concat();
    let n = joined.len().min(out.len());
    out[..n].copy_from_slice(&joined[..n]);
    n
});
