//! The interpreter loop: a stack machine over frame slots. One `match` dispatches every
//! instruction (house rule 8's exception); builtins live in `builtins.rs`.

use std::cell::RefCell;
use std::io::Write;

use super::describe::try_describe;
use super::instance::{self, InstRef};
use super::module::{Constant, FuncProto, Module};
use super::object::Obj;
use super::trap::{Trap, TrapKind};
use super::value::{
    compare, equal, items_from, items_of, items_with_capacity, new_items, Closure, Items,
    IterItems, IterObj, RangeObj, SeqObj, Str, Value, VarBox,
};
use crate::alloc::{
    allocators_get, registry, soft_budget, AllocError, Handle, ScriptFile, ScriptLocation,
    Subsystem, VmCoreAlloc,
};
use crate::compile::op::{Op, TrapKind as OpTrap};
use crate::sema::ir::{BinKind, CaptureSource};
use crate::stdlib::Builtin;

/// Why execution stopped early.
#[derive(Debug)]
pub enum Stop {
    /// A runtime trap (exit status 70). Boxed: every VM helper returns `Result<_, Stop>`,
    /// and a small error keeps those results small on the hot path.
    Trap(Box<Trap>),
    /// Standard output was closed (a pipe into `head`): end quietly.
    OutputClosed,
    /// Writing standard output failed otherwise (a full disk): reported, exit status 74.
    OutputFailed(std::io::Error),
}

impl Stop {
    /// What a failed write of the script's output means: a closed pipe ends the run quietly,
    /// any other error is reported.
    #[cold]
    pub fn from_write_error(e: std::io::Error) -> Stop {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Stop::OutputClosed
        } else {
            Stop::OutputFailed(e)
        }
    }
}

/// Copy-on-write access to an object on the stack; a refused copy is a trap.
macro_rules! cow {
    ($vm:expr, $obj:expr) => {
        match Obj::make_mut($obj) {
            Ok(x) => x,
            Err(e) => return Err($vm.alloc_trap(e)),
        }
    };
}

/// Set (by the REPL's Ctrl-C handler) to stop the running code at its next loop iteration or
/// call, with a trap; the VM clears it then.
pub static INTERRUPT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Frames deeper than this are a script's runaway recursion: trap instead of overflowing.
const MAX_FRAMES: usize = 100_000;

/// Nested runs of the loop (builtins calling closures, `deinit`s, property initializers,
/// printing): each uses host stack.
const MAX_NATIVE_DEPTH: u32 = 400;

/// Host stack the VM may use on a thread that did not say ([`set_host_stack_budget`]):
/// what any thread has (a test's has 2 MiB) after what printing and dropping deep values
/// take beyond it.
const DEFAULT_STACK_BUDGET: usize = 1 << 20;

thread_local! {
    static STACK_BUDGET: std::cell::Cell<usize> = const { std::cell::Cell::new(DEFAULT_STACK_BUDGET) };
}

/// Sets how many bytes of this thread's stack a VM run may use for nested runs of its loop
/// (the `swiftlang` binary runs on a thread with a large stack and says so). Past it a
/// script's recursion through builtins, `deinit`s and initializers is a stack overflow
/// trap, never a host crash.
pub fn set_host_stack_budget(bytes: usize) {
    STACK_BUDGET.with(|b| b.set(bytes));
}

/// An address on the host stack, near its current end.
#[inline(always)]
fn stack_address() -> usize {
    let marker = 0u8;
    std::hint::black_box(std::ptr::addr_of!(marker)) as usize
}

struct Frame {
    func: u32,
    /// Where the frame resumes: meaningful only below the top frame, whose position is
    /// [`Vm::ip`] (kept out of this vector so that the loop does not reach into it per
    /// instruction).
    ip: usize,
    base: usize,
    closure: Option<Obj<Closure>>,
    /// Whether the caller pushed the callee value below the arguments (CallValue).
    has_callee_slot: bool,
}

/// What outlives one run of the VM: the globals and the loaded constants. A REPL session
/// keeps it from entry to entry ([`Vm::resume`], [`Vm::into_state`]).
#[derive(Debug)]
pub struct VmState {
    /// Global variables by index.
    pub globals: CoreVec<Value>,
    /// Constant pool values, loaded on demand.
    pub constants: CoreVec<Value>,
}

impl Default for VmState {
    fn default() -> VmState {
        VmState {
            globals: CoreVec::new_in(VmCoreAlloc),
            constants: CoreVec::new_in(VmCoreAlloc),
        }
    }
}

/// A vector of the VM's own (value stack, frames, globals) in VM Core.
pub type CoreVec<T> = allocator_api2::vec::Vec<T, VmCoreAlloc>;

/// The virtual machine.
pub struct Vm<'m> {
    module: &'m Module,
    stack: CoreVec<Value>,
    frames: CoreVec<Frame>,
    /// The top frame's next instruction.
    ip: usize,
    globals: CoreVec<Value>,
    constants: CoreVec<Value>,
    out: Box<dyn Write + 'm>,
    rng: u64,
    /// Nested runs of the loop (see `call_function`).
    native_depth: u32,
    /// The host stack address where the outermost run began, and how far below it nested
    /// runs may go.
    stack_base: usize,
    stack_budget: usize,
    /// Backward jumps and calls left before the run is stopped (fuzzing; `u64::MAX` = no limit).
    steps_left: u64,
    /// Where `readLine()` reads (standard input unless replaced).
    input: Option<Box<dyn std::io::BufRead + 'm>>,
    /// Keeps the Objects allocator in place while objects live (the registry refuses to
    /// reconfigure while a handle is alive).
    _objects: Handle,
    /// `process_releases`' work list and the batch of just-released instances, kept so
    /// that releasing objects does not allocate.
    release_work: Vec<(InstRef, u32, usize)>,
    release_fresh: Vec<InstRef>,
    /// Globals moved out for an access in progress (an `inout` argument, a mutating
    /// method): reading one before it is stored back is an exclusivity violation.
    taken_globals: Vec<u32>,
    /// Captured variables' boxes (by address) moved out for an access in progress, as
    /// `taken_globals`: a closure that reads or writes one during the access traps.
    taken_boxes: Vec<usize>,
    /// The arguments of the builtin being called, kept so that calls do not allocate.
    builtin_args: Vec<Value>,
    /// One-character ASCII strings made by `for ch in string`, shared (copy on write)
    /// rather than allocated per character; let go at the end of each run.
    ascii_chars: Vec<Option<Str>>,
    /// Whether any class of the module has a `deinit` (if none, releases take a short cut).
    any_deinit: bool,
    /// In debug mode (`--mem-debug`), the script file: every instruction then makes its line
    /// the ambient script location, which the trace allocator records with each block.
    trace_file: Option<ScriptFile>,
}

mod arith;
mod calls;
mod fused;
mod in_place;
mod iterate;
mod objects;

use arith::{scalar_binary, Scalar};
use fused::{copied, Rhs};
pub(crate) use iterate::stride_doubles;
use iterate::Element;
use objects::weaken;

type R<T> = Result<T, Stop>;

impl<'m> Vm<'m> {
    /// A VM over `module`, writing the script's output to `out`.
    pub fn new(module: &'m Module, out: Box<dyn Write + 'm>, seed: Option<u64>) -> Vm<'m> {
        Self::resume(module, VmState::default(), out, seed)
    }

    /// A VM continuing from `state` (a REPL's next entry).
    pub fn resume(
        module: &'m Module,
        mut state: VmState,
        out: Box<dyn Write + 'm>,
        seed: Option<u64>,
    ) -> Vm<'m> {
        let rng = seed.unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0x9E37_79B9, |d| d.as_nanos() as u64)
        });
        Vm {
            module,
            stack: CoreVec::with_capacity_in(1024, VmCoreAlloc),
            frames: CoreVec::with_capacity_in(64, VmCoreAlloc),
            ip: 0,
            globals: std::mem::replace(&mut state.globals, CoreVec::new_in(VmCoreAlloc)),
            constants: std::mem::replace(&mut state.constants, CoreVec::new_in(VmCoreAlloc)),
            out,
            rng: rng | 1,
            native_depth: 0,
            stack_base: 0,
            stack_budget: DEFAULT_STACK_BUDGET,
            steps_left: u64::MAX,
            input: None,
            _objects: allocators_get(Subsystem::Objects),
            release_work: Vec::new(),
            release_fresh: Vec::new(),
            taken_globals: Vec::new(),
            taken_boxes: Vec::new(),
            builtin_args: Vec::new(),
            ascii_chars: Vec::new(),
            any_deinit: module.env.types.nominals.iter().any(|n| n.deinit.is_some()),
            trace_file: registry::is_debug().then(|| ScriptFile::new(&module.file)),
        }
    }

    /// Ends the run, keeping the globals and constants for the next one.
    pub fn into_state(mut self) -> VmState {
        VmState {
            globals: std::mem::replace(&mut self.globals, CoreVec::new_in(VmCoreAlloc)),
            constants: std::mem::replace(&mut self.constants, CoreVec::new_in(VmCoreAlloc)),
        }
    }

    /// What the program still holds: its globals and, after a trap, the stack (the roots
    /// of `--mem-debug`'s reachability walk).
    pub fn roots(&self) -> Vec<&Value> {
        self.globals.iter().chain(self.stack.iter()).collect()
    }

    /// The value of global `index` (for a REPL's echo).
    pub fn global(&self, index: u32) -> Option<&Value> {
        self.globals.get(index as usize)
    }

    /// Stops runs after about `limit` loop iterations and calls (for fuzzing).
    pub fn set_step_limit(&mut self, limit: Option<u64>) {
        self.steps_left = limit.unwrap_or(u64::MAX);
    }

    /// Makes `readLine()` read from `input` instead of standard input.
    pub fn set_input(&mut self, input: Box<dyn std::io::BufRead + 'm>) {
        self.input = Some(input);
    }

    /// Reads one line for `readLine()`: `None` at end of input. Invalid UTF-8 is repaired
    /// (each maximal ill-formed subsequence becomes U+FFFD, as Swift's `String(decoding:)`)
    /// and reading goes on. A read that fails while `INTERRUPT` is set (Ctrl-C stopped it,
    /// `cli::signals::InterruptibleStdin`) is the interrupt trap.
    /// A global was moved out for an access (see `taken_globals`).
    #[inline(never)]
    fn global_access_begins(&mut self, g: u32) {
        self.taken_globals.push(g);
    }

    /// A captured variable's box was stored back.
    #[inline(never)]
    fn box_access_ends(&mut self, addr: usize) {
        if let Some(at) = self.taken_boxes.iter().rposition(|&t| t == addr) {
            self.taken_boxes.remove(at);
        }
    }

    /// A box read found no value: if an access to it is in progress (a mutating method
    /// or an `inout` argument took it out), this is Swift's run-time exclusivity trap.
    /// `capture` names the current closure's capture, for the message.
    #[cold]
    #[inline(never)]
    fn box_access_check(&self, addr: usize, capture: Option<u16>) -> R<()> {
        if !self.taken_boxes.contains(&addr) {
            return Ok(());
        }
        let name = capture.and_then(|i| {
            let f = self.frames.last()?;
            self.module
                .functions
                .get(f.func as usize)?
                .capture_names
                .get(i as usize)
                .cloned()
        });
        let msg = match name {
            Some(n) => format!(
                "Simultaneous accesses to '{n}', but modification requires exclusive access."
            ),
            None => {
                "Simultaneous accesses to a variable, but modification requires exclusive access."
                    .to_string()
            }
        };
        Err(self.trap_with_prefix(msg))
    }

    /// A global was stored back.
    #[inline(never)]
    fn global_access_ends(&mut self, g: u32) {
        self.taken_globals.retain(|&t| t != g);
    }

    #[inline(never)]
    pub(crate) fn read_line(&mut self) -> R<Option<String>> {
        use std::io::BufRead;
        let mut bytes = Vec::new();
        let n = match &mut self.input {
            Some(input) => input.read_until(b'\n', &mut bytes),
            None => std::io::stdin().lock().read_until(b'\n', &mut bytes),
        };
        match n {
            Ok(0) => Ok(None),
            Err(_) if INTERRUPT.load(std::sync::atomic::Ordering::Relaxed) => {
                INTERRUPT.store(false, std::sync::atomic::Ordering::Relaxed);
                Err(self.trap(TrapKind::Fatal("Execution interrupted".into())))
            }
            Err(_) => Ok(None),
            Ok(_) => {
                if bytes.ends_with(b"\n") {
                    bytes.pop();
                    if bytes.ends_with(b"\r") {
                        bytes.pop();
                    }
                }
                Ok(Some(match String::from_utf8(bytes) {
                    Ok(line) => line,
                    Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
                }))
            }
        }
    }

    /// At each call and backward jump: stops a run that has used up its step budget, was
    /// interrupted (Ctrl-C in the REPL) or grew a collection past a memory budget.
    #[inline(always)]
    fn step(&mut self) -> R<()> {
        if self.steps_left == u64::MAX
            && !INTERRUPT.load(std::sync::atomic::Ordering::Relaxed)
            && !soft_budget::pending()
        {
            return Ok(());
        }
        self.step_slow()
    }

    /// The budget refusal a collection's growth left pending (`alloc::soft_budget`), as
    /// the usual budget trap.
    pub(crate) fn check_soft_budget(&self) -> R<()> {
        if soft_budget::pending() {
            if let Some(refusal) = soft_budget::take() {
                return Err(self.alloc_trap(refusal));
            }
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn step_slow(&mut self) -> R<()> {
        self.check_soft_budget()?;
        if self.steps_left != u64::MAX {
            if self.steps_left == 0 {
                return Err(self.trap(TrapKind::Fatal("step limit reached".into())));
            }
            self.steps_left -= 1;
        }
        if INTERRUPT.load(std::sync::atomic::Ordering::Relaxed) {
            INTERRUPT.store(false, std::sync::atomic::Ordering::Relaxed);
            return Err(self.trap(TrapKind::Fatal("Execution interrupted".into())));
        }
        Ok(())
    }

    /// Runs module function `entry` (the top-level code of a compilation) to the end.
    pub fn run(&mut self, entry: u32) -> R<()> {
        // A refusal left from an entry that stopped otherwise is not this run's.
        if soft_budget::pending() {
            let _ = soft_budget::take();
        }
        self.load_constants()?;
        let needed = self.module.env.globals.len();
        if self.globals.len() < needed {
            self.globals.resize(needed, Value::Void);
        }
        let r = self
            .call_function(entry, None, 0, false)
            .and_then(|_| self.check_soft_budget());
        // What the script does not hold of the shared characters is freed before any
        // memory report.
        self.ascii_chars.clear();
        if self.trace_file.is_some() {
            ScriptLocation::set_current(None);
        }
        self.flush()?;
        r
    }

    /// Flushes the script's output.
    pub fn flush(&mut self) -> R<()> {
        self.out.flush().map_err(Stop::from_write_error)
    }

    /// Makes the module's new literals values. String and empty-collection literals are the module's code, not
    /// the script's data: loading them never trips an Objects budget (`--mem-limit`), so a
    /// REPL entry that frees memory can run after one that used it all up.
    #[inline(never)]
    fn load_constants(&mut self) -> R<()> {
        if self.constants.len() >= self.module.constants.len() {
            return Ok(());
        }
        let limit = registry::stats(Subsystem::Objects).limit;
        if limit.is_some() {
            registry::set_limit(Subsystem::Objects, None);
        }
        let r = self.load_new_constants();
        if limit.is_some() {
            registry::set_limit(Subsystem::Objects, limit);
        }
        r
    }

    fn load_new_constants(&mut self) -> R<()> {
        while self.constants.len() < self.module.constants.len() {
            let index = self.constants.len();
            let c = &self.module.constants[index];
            if let Some(file) = self.trace_file {
                // A literal is placed at the line that first uses it.
                let line = self.module.constant_lines.get(index).copied().unwrap_or(0);
                ScriptLocation::set_current(Some(ScriptLocation { file, line }));
            }
            let v = match c {
                Constant::Int(i) => Value::Int(*i),
                Constant::Double(d) => Value::Double(*d),
                Constant::Str(s) => match Str::new(s).map_err(|e| self.alloc_trap(e)) {
                    Ok(s) => Value::Str(s),
                    Err(Stop::Trap(mut trap)) => {
                        // No frame runs yet: the trap is at the line that uses the literal.
                        trap.line = self.module.constant_lines.get(index).copied().unwrap_or(0);
                        return Err(Stop::Trap(trap));
                    }
                    Err(stop) => return Err(stop),
                },
                Constant::EmptyArray => self.array(new_items())?,
                Constant::EmptyDictionary => {
                    Value::Dict(self.obj(super::collections::DictObj::default())?)
                }
            };
            self.constants.push(v);
        }
        Ok(())
    }

    // ------------------------------------------------------------ helpers

    /// Allocates an object, turning a refusal (a budget) into a trap.
    pub(crate) fn obj<T>(&self, v: T) -> R<Obj<T>> {
        Obj::new(v).map_err(|e| self.alloc_trap(e))
    }

    pub(crate) fn alloc_trap(&self, e: AllocError) -> Stop {
        self.trap(TrapKind::Fatal(e.to_string()))
    }

    /// A string value holding a copy of `s`.
    pub(crate) fn string(&self, s: impl AsRef<str>) -> R<Value> {
        Ok(Value::Str(self.str(s.as_ref())?))
    }

    /// A string's storage holding a copy of `s`.
    pub(crate) fn str(&self, s: &str) -> R<Str> {
        Str::new(s).map_err(|e| self.alloc_trap(e))
    }

    /// An array value.
    pub(crate) fn array(&self, v: Items) -> R<Value> {
        Ok(Value::Array(self.obj(v)?))
    }

    /// A tuple value.
    pub(crate) fn tuple(&self, v: Items) -> R<Value> {
        Ok(Value::Tuple(self.obj(v)?))
    }

    /// A trap at the current instruction, with the stack trace.
    pub(crate) fn trap(&self, kind: TrapKind) -> Stop {
        let mut stack = Vec::new();
        for (i, f) in self.frames.iter().rev().enumerate() {
            let proto = self.module.functions.get(f.func as usize);
            let ip = if i == 0 { self.ip } else { f.ip };
            let line = proto
                .and_then(|p| p.lines.get(ip.saturating_sub(1)))
                .copied()
                .unwrap_or(0);
            let name = proto.map_or("?", |p| p.name.as_str()).to_string();
            stack.push((name, line));
        }
        let line = stack.first().map_or(0, |s| s.1);
        Stop::Trap(Box::new(Trap { kind, line, stack }))
    }

    /// A trap whose message has no `Fatal error:` prefix.
    pub(crate) fn trap_with_prefix(&self, message: String) -> Stop {
        self.trap(TrapKind::Bare(message))
    }

    pub(crate) fn internal(&self, what: &str) -> Stop {
        self.trap(TrapKind::Internal(what.to_string()))
    }

    fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or_default()
    }

    fn pop_int(&mut self) -> R<i64> {
        match self.pop() {
            Value::Int(i) => Ok(i),
            other => Err(self.internal(&format!("expected Int, found {}", other.kind_name()))),
        }
    }

    fn pop_double(&mut self) -> R<f64> {
        match self.pop() {
            Value::Double(d) => Ok(d),
            other => Err(self.internal(&format!("expected Double, found {}", other.kind_name()))),
        }
    }

    #[inline(always)]
    fn pop_bool(&mut self) -> R<bool> {
        match self.stack.last() {
            Some(&Value::Bool(b)) => {
                // Plain data: nothing to release.
                std::mem::forget(self.stack.pop());
                Ok(b)
            }
            other => Err(self.internal(&format!(
                "expected Bool, found {}",
                other.map_or("nothing", |v| v.kind_name())
            ))),
        }
    }

    /// Drops the top value (plain data without a call to the drop glue).
    #[inline(always)]
    fn discard_top(&mut self) {
        // Plain data is forgotten without being read (moving a value out copies it through
        // memory); the rest goes through the drop glue.
        if self.stack.last().is_some_and(Value::is_plain) {
            std::mem::forget(self.stack.pop());
        } else if let Some(v) = self.stack.pop() {
            drop(v);
        }
    }

    fn slot_mut(&mut self, base: usize, s: u16) -> R<&mut Value> {
        let i = base + s as usize;
        if i >= self.stack.len() {
            return Err(self.internal("slot out of frame"));
        }
        Ok(&mut self.stack[i])
    }

    /// Writes the script's output.
    pub(crate) fn write_out(&mut self, s: &str) -> R<()> {
        self.out
            .write_all(s.as_bytes())
            .map_err(Stop::from_write_error)
    }

    /// A pseudo-random 64-bit number (xorshift*; seedable with `--seed`).
    pub(crate) fn next_random(&mut self) -> u64 {
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    // ------------------------------------------------------------ the loop

    /// Executes until the frame at index `stop` has returned.
    /// `TRACE` (debug mode) makes each instruction's line the ambient script location; the
    /// loop is compiled twice so that the ordinary one does not even test for it.
    fn execute<const TRACE: bool>(&mut self, stop: usize) -> R<()> {
        let module = self.module;
        // The current frame's function and base, looked up again only where the frame
        // changes (the call instructions and `Return`; nested runs from builtins and deinits
        // return to the same frame).
        let mut proto: &'m FuncProto;
        let mut base: usize;
        macro_rules! enter_top_frame {
            () => {{
                let Some(frame) = self.frames.last() else {
                    return Ok(());
                };
                let Some(p) = module.functions.get(frame.func as usize) else {
                    return Err(self.internal("frame of an unknown function"));
                };
                proto = p;
                base = frame.base;
            }};
        }
        enter_top_frame!();
        loop {
            // ARC: instances released by the last instruction are deinitialised now.
            if instance::has_pending() {
                self.process_releases()?;
            }
            // Instructions that cannot release an instance go straight on to the next
            // (`continue 'quiet`); the others come back to the check above.
            'quiet: loop {
                let ip = self.ip;
                let Some(&op) = proto.code.get(ip) else {
                    return Err(self.internal("ran off the end of a function"));
                };
                if TRACE {
                    if let Some(file) = self.trace_file {
                        let line = proto.lines.get(ip).copied().unwrap_or(0);
                        ScriptLocation::set_current(Some(ScriptLocation { file, line }));
                    }
                }
                self.ip = ip + 1;
                match op {
                    Op::Const(i) => {
                        let v = copied(self.constants.get(i as usize));
                        self.push_copied(v);
                        continue 'quiet;
                    }
                    Op::Int(i) => {
                        self.stack.push(Value::Int(i64::from(i)));
                        continue 'quiet;
                    }
                    Op::Bool(b) => {
                        self.stack.push(Value::Bool(b));
                        continue 'quiet;
                    }
                    Op::Nil => self.stack.push(Value::Nil),
                    Op::Void => self.stack.push(Value::Void),
                    Op::Load(s) => {
                        self.push_slot(base, s);
                        continue 'quiet;
                    }
                    Op::Store(s) => {
                        let v = self.pop();
                        if self.store_slot(base, s, v)? {
                            continue 'quiet;
                        }
                    }
                    Op::Take(s) => {
                        let v = self.take_slot(base, s)?;
                        self.stack.push(v);
                        continue 'quiet;
                    }
                    Op::LoadBox(s) => {
                        let v = match self.stack.get(base + s as usize) {
                            Some(Value::Box(b)) => {
                                let v = b.value.borrow().clone();
                                if matches!(v, Value::Void) && !self.taken_boxes.is_empty() {
                                    self.box_access_check(Obj::addr(b), None)?;
                                }
                                v
                            }
                            _ => return Err(self.internal("expected a box")),
                        };
                        self.stack.push(v);
                    }
                    Op::StoreBox(s) => {
                        let v = self.pop();
                        match self.stack.get(base + s as usize) {
                            Some(Value::Box(b)) => {
                                let old = b.value.replace(v);
                                drop(old);
                            }
                            _ => return Err(self.internal("expected a box")),
                        }
                        if !self.taken_boxes.is_empty() {
                            if let Some(Value::Box(b)) = self.stack.get(base + s as usize) {
                                self.box_access_ends(Obj::addr(b));
                            }
                        }
                    }
                    Op::TakeBox(s) => {
                        let (v, addr) = match self.stack.get(base + s as usize) {
                            Some(Value::Box(b)) => (b.value.take(), Obj::addr(b)),
                            _ => return Err(self.internal("expected a box")),
                        };
                        if matches!(v, Value::Void) && !self.taken_boxes.is_empty() {
                            self.box_access_check(addr, None)?;
                        }
                        self.taken_boxes.push(addr);
                        self.stack.push(v);
                    }
                    Op::NewBox(s) => {
                        let v = self.pop();
                        let b = self.obj(VarBox {
                            value: RefCell::new(v),
                        })?;
                        *self.slot_mut(base, s)? = Value::Box(b);
                    }
                    Op::LoadCapture(i) => {
                        let v = {
                            let current = self.capture(i)?.value.borrow();
                            if let Some(n) = Scalar::of(&current) {
                                drop(current);
                                self.push_scalar(n);
                                continue 'quiet;
                            }
                            if matches!(*current, Value::Void) && !self.taken_boxes.is_empty() {
                                drop(current);
                                let addr = Obj::addr(self.capture(i)?);
                                self.box_access_check(addr, Some(i))?;
                                self.stack.push(Value::Void);
                                continue 'quiet;
                            }
                            if !matches!(*current, Value::Weak(_)) {
                                let v = current.copy();
                                drop(current);
                                self.stack.push(v);
                                continue 'quiet;
                            }
                            current.clone()
                        };
                        let v = match v {
                            // A weak or unowned capture.
                            Value::Weak(w) => match w.upgrade() {
                                Some(o) => Value::Object(o),
                                None => {
                                    let unowned = matches!(
                                        proto.captures.get(i as usize),
                                        Some(CaptureSource::UnownedValue)
                                    );
                                    if unowned {
                                        return Err(self.trap(TrapKind::unowned_deallocated()));
                                    }
                                    Value::Nil
                                }
                            },
                            v => v,
                        };
                        self.stack.push(v);
                    }
                    Op::StoreCapture(i) => {
                        if !self.taken_boxes.is_empty() {
                            let addr = Obj::addr(self.capture(i)?);
                            self.box_access_ends(addr);
                        }
                        if let Some(n) = self.stack.last().and_then(Scalar::of) {
                            let mut current = self.capture(i)?.value.borrow_mut();
                            if current.is_plain() {
                                // A number over plain data: neither is copied whole.
                                n.put(&mut current);
                                drop(current);
                                std::mem::forget(self.stack.pop());
                                continue 'quiet;
                            }
                        }
                        let v = self.pop();
                        let mut current = self.capture(i)?.value.borrow_mut();
                        if current.is_plain() {
                            // Plain data is overwritten without being read or dropped.
                            std::mem::forget(std::mem::replace(&mut *current, v));
                            continue 'quiet;
                        }
                        let old = std::mem::replace(&mut *current, v);
                        drop(current);
                        drop(old);
                    }
                    Op::TakeCapture(i) => {
                        let b = self.capture(i)?;
                        let (v, addr) = (b.value.take(), Obj::addr(b));
                        if matches!(v, Value::Void) && !self.taken_boxes.is_empty() {
                            self.box_access_check(addr, Some(i))?;
                        }
                        self.taken_boxes.push(addr);
                        self.stack.push(v);
                    }
                    Op::LoadGlobal(g) => {
                        let v = copied(self.globals.get(g as usize));
                        self.push_copied(v);
                        continue 'quiet;
                    }
                    Op::LoadGlobalChecked(g) => {
                        if let Some(v) = self.globals.get(g as usize) {
                            if !matches!(v, Value::Void) {
                                let v = copied(Some(v));
                                self.push_copied(v);
                                continue 'quiet;
                            }
                        }
                        // No value yet: a lazy initializer (which may release), or a trap.
                        let v = self.global_first_read(g)?;
                        self.stack.push(v);
                    }
                    Op::StoreGlobal(g) => {
                        if !self.taken_globals.is_empty() {
                            self.global_access_ends(g);
                        }
                        let v = self.pop();
                        let g = g as usize;
                        if g >= self.globals.len() {
                            self.globals.resize(g + 1, Value::Void);
                        }
                        let old = std::mem::replace(&mut self.globals[g], v);
                        drop(old);
                    }
                    Op::TakeGlobal(g) => {
                        let v = self
                            .globals
                            .get_mut(g as usize)
                            .map(std::mem::take)
                            .unwrap_or_default();
                        self.global_access_begins(g);
                        self.stack.push(v);
                    }
                    Op::Pop => {
                        self.discard_top();
                    }
                    Op::Dup => {
                        let v = self.stack.last().cloned().unwrap_or_default();
                        self.stack.push(v);
                    }
                    Op::Swap => {
                        let n = self.stack.len();
                        if n >= 2 {
                            self.stack.swap(n - 1, n - 2);
                        }
                    }
                    Op::Poke(depth) => {
                        let v = self.pop();
                        let n = self.stack.len();
                        match n.checked_sub(depth as usize) {
                            Some(i) => self.stack[i] = v,
                            None => return Err(self.internal("poke below the stack")),
                        }
                    }
                    Op::Binary(kind) => {
                        // Numbers in place on the stack; anything else (and every trap) through
                        // `binary`.
                        let fast = self.scalar_top_two(kind);
                        match fast {
                            Some(v) => {
                                // Both operands were numbers: nothing to release.
                                std::mem::forget(self.stack.pop());
                                if let Some(top) = self.stack.last_mut() {
                                    v.put(top);
                                }
                                continue 'quiet;
                            }
                            None => self.binary(kind)?,
                        }
                    }
                    Op::BinarySlot(s, kind) => {
                        let fast = self.scalar_top(base, Rhs::Slot(s), kind);
                        match fast {
                            Some(v) => {
                                // The operand was a number: nothing to release.
                                if let Some(top) = self.stack.last_mut() {
                                    v.put(top);
                                }
                                continue 'quiet;
                            }
                            None => {
                                let b = self.stack.get(base + s as usize).cloned();
                                self.stack.push(b.unwrap_or_default());
                                self.binary(kind)?;
                            }
                        }
                    }
                    Op::BranchSlot(s, kind, off) => {
                        let fast = self.scalar_top(base, Rhs::Slot(s), kind);
                        let holds = match fast.and_then(Scalar::as_bool) {
                            Some(b) => {
                                // The operand was a number: nothing to release.
                                std::mem::forget(self.stack.pop());
                                b
                            }
                            _ => {
                                let b = self.stack.get(base + s as usize).cloned();
                                self.stack.push(b.unwrap_or_default());
                                self.binary(kind)?;
                                self.pop_bool()?
                            }
                        };
                        if !holds {
                            self.jump(off);
                        }
                        // Comparisons of numbers and booleans release nothing.
                        continue 'quiet;
                    }
                    Op::BranchInt(i, kind, off) => {
                        let i = i64::from(i);
                        let fast = self.scalar_top(base, Rhs::Int(i), kind);
                        let holds = match fast.and_then(Scalar::as_bool) {
                            Some(h) => {
                                // The operand was a number: nothing to release.
                                std::mem::forget(self.stack.pop());
                                h
                            }
                            _ => {
                                self.stack.push(Value::Int(i));
                                self.binary(kind)?;
                                self.pop_bool()?
                            }
                        };
                        if !holds {
                            self.jump(off);
                        }
                        // Comparisons of numbers and booleans release nothing.
                        continue 'quiet;
                    }
                    Op::LoadBinaryInt(a, kind, i) => {
                        if self.load_binary(base, a, Rhs::Int(i64::from(i)), kind)? {
                            continue 'quiet;
                        }
                    }
                    Op::LoadBinarySlot(a, b, kind) => {
                        if self.load_binary(base, a, Rhs::Slot(b), kind)? {
                            continue 'quiet;
                        }
                    }
                    Op::SlotBinaryInt(d, a, i, kind) => {
                        if self.slot_binary(base, d, a, Rhs::Int(i64::from(i)), kind)? {
                            continue 'quiet;
                        }
                    }
                    Op::SlotBinarySlot(d, a, b, kind) => {
                        if self.slot_binary(base, d, a, Rhs::Slot(b), kind)? {
                            continue 'quiet;
                        }
                    }
                    Op::BinaryStore(kind, d) => {
                        if self.binary_store(kind, base, d)? {
                            continue 'quiet;
                        }
                    }
                    Op::BinaryIntStore(i, kind, d) => {
                        if self.binary_rhs_store(Rhs::Int(i64::from(i)), kind, base, d)? {
                            continue 'quiet;
                        }
                    }
                    Op::BinarySlotStore(b, kind, d) => {
                        if self.binary_rhs_store(Rhs::Slot(b), kind, base, d)? {
                            continue 'quiet;
                        }
                    }
                    Op::BranchSlotInt(a, i, kind, off) => {
                        if !self.slot_compare(base, a, Rhs::Int(i64::from(i)), kind)? {
                            self.jump(i32::from(off));
                        }
                        continue 'quiet;
                    }
                    Op::BranchSlotSlot(a, b, kind, off) => {
                        if !self.slot_compare(base, a, Rhs::Slot(b), kind)? {
                            self.jump(i32::from(off));
                        }
                        continue 'quiet;
                    }
                    Op::Move(d, a) => {
                        if self.move_slot(base, d, a)? {
                            continue 'quiet;
                        }
                    }
                    Op::Load2(a, b) => {
                        self.push_slot(base, a);
                        self.push_slot(base, b);
                        continue 'quiet;
                    }
                    Op::FieldBinarySlot(s, i, r, kind) => {
                        if self.field_binary(base, s, i, Rhs::Slot(r), kind)? {
                            continue 'quiet;
                        }
                    }
                    Op::FieldBinaryInt(s, i, n, kind) => {
                        if self.field_binary(base, s, i, Rhs::Int(i64::from(n)), kind)? {
                            continue 'quiet;
                        }
                    }
                    Op::BinaryInt(i, kind) => {
                        let i = i64::from(i);
                        match self.scalar_top(base, Rhs::Int(i), kind) {
                            Some(v) => {
                                if let Some(top) = self.stack.last_mut() {
                                    v.put(top);
                                }
                                continue 'quiet;
                            }
                            None => {
                                self.stack.push(Value::Int(i));
                                self.binary(kind)?;
                            }
                        }
                    }
                    Op::NegInt => {
                        let a = self.pop_int()?;
                        let r = a
                            .checked_neg()
                            .ok_or_else(|| self.trap(TrapKind::overflow()))?;
                        self.stack.push(Value::Int(r));
                    }
                    Op::NegDouble => {
                        let a = self.pop_double()?;
                        self.stack.push(Value::Double(-a));
                    }
                    Op::Not => {
                        let a = self.pop_bool()?;
                        self.stack.push(Value::Bool(!a));
                    }
                    Op::BitNot => {
                        let a = self.pop_int()?;
                        self.stack.push(Value::Int(!a));
                    }
                    Op::Jump(off) => {
                        if off < 0 {
                            self.step()?;
                        }
                        self.jump(off);
                        continue 'quiet;
                    }
                    Op::JumpIfFalse(off) => {
                        if !self.pop_bool()? {
                            self.jump(off);
                        }
                        continue 'quiet;
                    }
                    Op::JumpIfTrue(off) => {
                        if off < 0 {
                            self.step()?;
                        }
                        if self.pop_bool()? {
                            self.jump(off);
                        }
                        continue 'quiet;
                    }
                    Op::UnwrapOrJump(off) => match self.stack.last() {
                        Some(Value::Nil) => {
                            // Plain data: nothing to release.
                            std::mem::forget(self.stack.pop());
                            self.jump(off);
                            continue 'quiet;
                        }
                        // An optional's value is itself: it stays where it is.
                        Some(v) if !matches!(v, Value::Some(_)) => continue 'quiet,
                        _ => match self.pop() {
                            Value::Some(inner) => self.stack.push((*inner).clone()),
                            v => self.stack.push(v),
                        },
                    },
                    Op::ForceUnwrap => match self.pop() {
                        Value::Nil => return Err(self.trap(TrapKind::nil_unwrap())),
                        Value::Some(inner) => self.stack.push((*inner).clone()),
                        v => self.stack.push(v),
                    },
                    Op::WrapSome => {
                        let v = self.pop();
                        let w = Value::Some(self.obj(v)?);
                        self.stack.push(w);
                    }
                    Op::Call(func, argc) => {
                        self.step()?;
                        self.push_frame(func, None, argc as usize, false)?;
                        enter_top_frame!();
                    }
                    Op::CallValue(argc) => {
                        let at = self.stack.len().saturating_sub(argc as usize + 1);
                        let callee = match self.stack.get(at) {
                            Some(Value::Closure(c)) => Some(c.clone()),
                            _ => None,
                        };
                        match callee {
                            Some(c) => {
                                let func = c.func;
                                self.push_frame(func, Some(c), argc as usize, true)?;
                                enter_top_frame!();
                            }
                            _ => return Err(self.internal("call of a non-function value")),
                        }
                    }
                    Op::Builtin(Builtin::ArrGet, 2) if self.array_get_in_place() => {}
                    Op::Builtin(b, 1) if self.numeric_in_place(b) => continue 'quiet,
                    Op::SlotEqualsConst(a, kind, c) => {
                        let same = match (
                            self.stack.get(base + a as usize),
                            self.constants.get(c as usize),
                        ) {
                            // One-byte strings (ASCII characters) compare as bytes.
                            (Some(Value::Str(x)), Some(Value::Str(y)))
                                if x.len() == 1 && y.len() == 1 =>
                            {
                                x.as_bytes() == y.as_bytes()
                            }
                            (Some(x), Some(y)) => equal(x, y),
                            _ => return Err(self.internal("slot or constant out of range")),
                        };
                        let holds = if kind == BinKind::NeValue {
                            !same
                        } else {
                            same
                        };
                        self.stack.push(Value::Bool(holds));
                        continue 'quiet;
                    }
                    Op::CaptureBinaryCapture(a, b, kind) => {
                        let rhs = self.capture(b)?.value.borrow().copy();
                        if self.capture_binary(a, rhs, kind)? {
                            continue 'quiet;
                        }
                    }
                    Op::CaptureBinaryInt(a, n, kind) => {
                        if self.capture_binary(a, Value::Int(i64::from(n)), kind)? {
                            continue 'quiet;
                        }
                    }
                    Op::ArrayPutSlots(a, i, v) => self.array_put_slots(base, a, i, v)?,
                    Op::DictPutSlots(d, k, v) => self.dict_put_slots(base, d, k, v)?,
                    Op::ArrayGetSlots(a, i) => {
                        if self.array_get_slots(base, a, i) {
                            continue 'quiet;
                        }
                        // Out of range, or not an array: the builtin reports it.
                        let a = self.slot_value(base, a);
                        self.stack.push(a);
                        let i = self.slot_value(base, i);
                        self.stack.push(i);
                        let mut args = std::mem::take(&mut self.builtin_args);
                        let n = self.stack.len().saturating_sub(2);
                        args.extend(self.stack.drain(n..));
                        let r = super::builtins::call(self, Builtin::ArrGet, &args);
                        args.clear();
                        self.builtin_args = args;
                        self.stack.push(r?);
                    }
                    Op::Builtin(Builtin::DictGet, 2) if self.dict_get_in_place() => {}
                    Op::Builtin(b, argc) => {
                        let n = self.stack.len().saturating_sub(argc as usize);
                        // The arguments move to a buffer the VM keeps (a builtin calling back into
                        // the VM finds it taken and uses a fresh one).
                        let mut args = std::mem::take(&mut self.builtin_args);
                        args.extend(self.stack.drain(n..));
                        let r = super::builtins::call(self, b, &args);
                        args.clear();
                        self.builtin_args = args;
                        self.stack.push(r?);
                        self.check_soft_budget()?;
                    }
                    Op::BuiltinMut(b, argc) => {
                        let mut recv = self.pop();
                        let n = self
                            .stack
                            .len()
                            .saturating_sub((argc as usize).saturating_sub(1));
                        let mut args = std::mem::take(&mut self.builtin_args);
                        args.extend(self.stack.drain(n..));
                        let r = super::builtins::call_mut(self, b, &mut recv, &args);
                        args.clear();
                        self.builtin_args = args;
                        self.stack.push(recv);
                        let r = r?;
                        self.stack.push(r);
                        self.check_soft_budget()?;
                    }
                    Op::Closure(func) => {
                        let c = self.make_closure(func)?;
                        self.stack.push(c);
                    }
                    Op::CurrentClosure => {
                        let c = self.current_closure()?;
                        self.stack.push(c);
                    }
                    Op::Return => {
                        let Some(Frame {
                            base: frame_base,
                            closure,
                            has_callee_slot,
                            ..
                        }) = self.pop_frame()
                        else {
                            return Ok(());
                        };
                        // The frame's closure reference goes now (inline: no drop glue call).
                        if let Some(c) = closure {
                            drop(c);
                        }
                        let cut = if has_callee_slot {
                            frame_base.saturating_sub(1)
                        } else {
                            frame_base
                        };
                        let n = self.stack.len();
                        // Either the first slot holds plain data, or it is the only one
                        // (a closure without locals): releasing it first changes nothing.
                        let first_goes_first =
                            n == cut + 2 || self.stack.get(cut).is_some_and(Value::is_plain);
                        if proto.inout_params.is_empty() && n > cut + 1 && first_goes_first {
                            // The result takes the first slot's place and the other locals go
                            // last slot first, as below, without the result making a trip
                            // through memory.
                            self.stack.swap(cut, n - 1);
                            while self.stack.len() > cut + 1 {
                                self.discard_top();
                            }
                        } else if let (true, Some(result)) = (
                            proto.inout_params.is_empty(),
                            self.stack.last().and_then(Scalar::of),
                        ) {
                            // A number result is kept as a Scalar meanwhile, not copied whole.
                            std::mem::forget(self.stack.pop());
                            while self.stack.len() > cut {
                                self.discard_top();
                            }
                            self.push_scalar(result);
                        } else if proto.inout_params.is_empty() {
                            let result = self.pop();
                            // Locals are released in reverse declaration order (the last slot
                            // first).
                            while self.stack.len() > cut {
                                self.discard_top();
                            }
                            self.stack.push(result);
                        } else {
                            let from = self
                                .stack
                                .len()
                                .saturating_sub(1 + proto.inout_params.len());
                            let results: Vec<Value> = self.stack.drain(from..).collect();
                            while self.stack.len() > cut {
                                drop(self.stack.pop());
                            }
                            self.stack.extend(results);
                        }
                        if self.frames.len() <= stop {
                            return Ok(());
                        }
                        enter_top_frame!();
                    }
                    Op::MakeArray(n) => {
                        let from = self.stack.len().saturating_sub(n as usize);
                        let items = items_from(self.stack.drain(from..));
                        let v = self.array(items)?;
                        self.stack.push(v);
                    }
                    Op::MakeSet(n) => {
                        let from = self.stack.len().saturating_sub(n as usize);
                        let mut set = super::collections::SetObj::default();
                        for v in self.stack.drain(from..).collect::<Vec<_>>() {
                            set.insert(v);
                        }
                        let v = Value::Set(self.obj(set)?);
                        self.stack.push(v);
                    }
                    Op::MakeDict(n) => {
                        let from = self.stack.len().saturating_sub(2 * n as usize);
                        let items: Vec<Value> = self.stack.drain(from..).collect();
                        let mut d = super::collections::DictObj::default();
                        let mut it = items.into_iter();
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            if d.insert(k, v).is_some() {
                                return Err(self.trap(TrapKind::Fatal(
                                    "Dictionary literal contains duplicate keys".into(),
                                )));
                            }
                        }
                        let v = Value::Dict(self.obj(d)?);
                        self.stack.push(v);
                    }
                    Op::MakeTuple(n) => {
                        let from = self.stack.len().saturating_sub(n as usize);
                        let items = items_from(self.stack.drain(from..));
                        let v = self.tuple(items)?;
                        self.stack.push(v);
                    }
                    Op::MakeRange(closed) => {
                        let hi = self.pop();
                        let lo = self.pop();
                        if compare(&hi, &lo) == std::cmp::Ordering::Less {
                            return Err(self.trap(TrapKind::bad_range()));
                        }
                        let v = Value::Range(self.obj(RangeObj { lo, hi, closed })?);
                        self.stack.push(v);
                    }
                    Op::CheckRange => {
                        let hi = self.pop();
                        let lo = self.pop();
                        if compare(&hi, &lo) == std::cmp::Ordering::Less {
                            return Err(self.trap(TrapKind::bad_range()));
                        }
                    }
                    Op::NewObject(class) => {
                        let v = self.new_object(class)?;
                        self.stack.push(v);
                    }
                    Op::ObjGet(i) => {
                        let v = match self.pop() {
                            Value::Object(o) => {
                                let v = self.read_field(&o, i)?;
                                self.init_lazy(&o, i, v)?
                            }
                            _ => return Err(self.internal("expected an instance")),
                        };
                        self.stack.push(v);
                    }
                    Op::LoadField(s, i) => {
                        if self.load_field(base, s, i)? {
                            continue 'quiet;
                        }
                    }
                    Op::BinaryField(s, i, kind) => {
                        if self.binary_field(base, None, s, i, kind)? {
                            continue 'quiet;
                        }
                    }
                    Op::SlotBinaryField(a, s, i, kind) => {
                        if self.binary_field(base, Some(a), s, i, kind)? {
                            continue 'quiet;
                        }
                    }
                    Op::ObjTake(i) => {
                        let v = match self.stack.last() {
                            Some(Value::Object(o)) => match o.take_field(i as usize) {
                                // The common case: a strong value, moved out.
                                Some(v) if !matches!(v, Value::Void | Value::Weak(_)) => v,
                                // Put back what was not a value to move; the slow path
                                // reads it (a weak reference, a lazy initializer).
                                other => {
                                    if let Some(w) = other {
                                        o.replace_field(i as usize, w);
                                    }
                                    let o = o.clone();
                                    self.take_field(&o, i)?
                                }
                            },
                            _ => return Err(self.internal("expected an instance")),
                        };
                        self.stack.push(v);
                    }
                    Op::ObjPut(i) => {
                        let v = self.pop();
                        match self.pop() {
                            Value::Object(o) => self.write_field(&o, i, v),
                            _ => return Err(self.internal("expected an instance")),
                        }
                    }
                    Op::CallMethod(key, argc) => {
                        let at = self.stack.len().saturating_sub(argc as usize);
                        let class = match self.stack.get(at) {
                            Some(Value::Object(o)) => o.get().class,
                            // A class's type member: the receiver is the metatype (class index).
                            Some(Value::Int(c)) => u32::try_from(*c).unwrap_or(u32::MAX),
                            _ => return Err(self.internal("method call on a non-instance")),
                        };
                        let func = module
                            .env
                            .types
                            .nominals
                            .get(class as usize)
                            .and_then(|n| n.vtable.iter().find(|(k, _)| *k == key))
                            .map(|(_, f)| *f)
                            .ok_or_else(|| self.internal("method not found in the class"))?;
                        self.step()?;
                        self.push_frame(func, None, argc as usize, false)?;
                        enter_top_frame!();
                    }
                    Op::MakeEnum(tag, n) => {
                        let v = if n == 0 {
                            Value::Enum(u32::from(tag), None)
                        } else {
                            let from = self.stack.len().saturating_sub(n as usize);
                            let items = items_from(self.stack.drain(from..));
                            Value::Enum(u32::from(tag), Some(self.obj(items)?))
                        };
                        self.stack.push(v);
                    }
                    Op::EnumTag => match self.pop() {
                        Value::Enum(tag, _) => self.stack.push(Value::Int(i64::from(tag))),
                        _ => return Err(self.internal("expected an enum value")),
                    },
                    Op::EnumPayload(i) => match self.pop() {
                        Value::Enum(_, Some(p)) => {
                            let v = p.get(i as usize).cloned().unwrap_or_default();
                            self.stack.push(v);
                        }
                        _ => return Err(self.internal("expected an enum payload")),
                    },
                    Op::TupleGet(i) => match self.pop() {
                        Value::Tuple(t) => {
                            let v = t.get(i as usize).cloned().unwrap_or_default();
                            self.stack.push(v);
                        }
                        _ => return Err(self.internal("expected a tuple")),
                    },
                    Op::TupleTake(i) => {
                        let v = match self.stack.last_mut() {
                            Some(Value::Tuple(t)) => {
                                let t = cow!(self, t);
                                t.get_mut(i as usize)
                                    .map(std::mem::take)
                                    .unwrap_or_default()
                            }
                            _ => return Err(self.internal("expected a tuple")),
                        };
                        self.stack.push(v);
                    }
                    Op::TuplePut(i) => {
                        let v = self.pop();
                        match self.stack.last_mut() {
                            Some(Value::Tuple(t)) => {
                                let t = cow!(self, t);
                                if let Some(slot) = t.get_mut(i as usize) {
                                    *slot = v;
                                }
                            }
                            _ => return Err(self.internal("expected a tuple")),
                        }
                    }
                    Op::ArrayTake => {
                        let i = self.pop_int()?;
                        let v = match self.stack.last_mut() {
                            Some(Value::Array(a)) => {
                                let len = a.len();
                                if i < 0 || i as usize >= len {
                                    return Err(self.trap(TrapKind::index_out_of_range()));
                                }
                                let a = cow!(self, a);
                                std::mem::take(&mut a[i as usize])
                            }
                            Some(Value::Slice(s)) => match super::slice_ops::slot_mut(s, i) {
                                Ok(slot) => std::mem::take(slot),
                                Err(e) => return Err(self.slot_trap(e)),
                            },
                            _ => return Err(self.internal("expected an array")),
                        };
                        self.stack.push(Value::Int(i));
                        self.stack.push(v);
                    }
                    Op::ArrayPut => {
                        let v = self.pop();
                        let i = self.pop_int()?;
                        match self.stack.last_mut() {
                            Some(Value::Array(a)) => {
                                // A plain assignment puts without taking first: the index is
                                // checked here.
                                if i < 0 || i as usize >= a.len() {
                                    return Err(self.trap(TrapKind::index_out_of_range()));
                                }
                                let a = cow!(self, a);
                                if let Some(slot) = a.get_mut(i as usize) {
                                    *slot = v;
                                }
                            }
                            Some(Value::Slice(s)) => match super::slice_ops::slot_mut(s, i) {
                                Ok(slot) => *slot = v,
                                Err(e) => return Err(self.slot_trap(e)),
                            },
                            _ => return Err(self.internal("expected an array")),
                        }
                    }
                    Op::DictTake => {
                        let k = self.pop();
                        // Moved out (the entry stays, holding `()`), so that the access
                        // mutates a unique value: `counts[w]! += 1`, `d[k]!.append(x)`.
                        let v = match self.stack.last_mut() {
                            Some(Value::Dict(d)) => match d.get(&k) {
                                Some(_) => cow!(self, d).take(&k).unwrap_or(Value::Nil),
                                None => Value::Nil,
                            },
                            _ => return Err(self.internal("expected a dictionary")),
                        };
                        self.stack.push(k);
                        self.stack.push(v);
                    }
                    Op::DictPut => {
                        let v = self.pop();
                        let k = self.pop();
                        match self.stack.last_mut() {
                            Some(Value::Dict(d)) => {
                                let d = cow!(self, d);
                                match v {
                                    Value::Nil => {
                                        d.remove(&k);
                                    }
                                    Value::Some(inner) => {
                                        d.insert(k, (*inner).clone());
                                    }
                                    v => {
                                        d.insert(k, v);
                                    }
                                }
                            }
                            _ => return Err(self.internal("expected a dictionary")),
                        }
                        self.check_soft_budget()?;
                    }
                    Op::DictTakeDefault => {
                        let def = self.pop();
                        let k = self.pop();
                        let v = match self.stack.last_mut() {
                            Some(Value::Dict(d)) => match d.get(&k) {
                                Some(_) => cow!(self, d).take(&k).unwrap_or(def),
                                None => def,
                            },
                            _ => return Err(self.internal("expected a dictionary")),
                        };
                        self.stack.push(k);
                        self.stack.push(v);
                    }
                    Op::DictPutValue => {
                        let v = self.pop();
                        let k = self.pop();
                        match self.stack.last_mut() {
                            Some(Value::Dict(d)) => {
                                let d = cow!(self, d);
                                d.insert(k, v);
                            }
                            _ => return Err(self.internal("expected a dictionary")),
                        }
                        self.check_soft_budget()?;
                    }
                    Op::Describe(ty)
                        if ty == crate::sema::types::TypeTable::INT.0
                            && matches!(self.stack.last(), Some(Value::Int(_))) =>
                    {
                        // `String(i)`, `"\(i)"`: the digits straight into the string's block.
                        if let Some(Value::Int(i)) = self.stack.pop() {
                            let v = self.string(crate::text::int_text(i, &mut [0; 20]))?;
                            self.stack.push(v);
                        }
                    }
                    Op::Describe(ty) => {
                        let v = self.pop();
                        let Some(s) =
                            try_describe(&v, crate::sema::types::TypeId(ty), &module.env.types)
                        else {
                            return Err(self.trap(TrapKind::Fatal("stack overflow".into())));
                        };
                        let v = self.string(s)?;
                        self.stack.push(v);
                    }
                    Op::Concat(n) => {
                        // Interpolation: the exact size first, then one block written once.
                        let from = self.stack.len().saturating_sub(n as usize);
                        let parts = self.stack.get(from..).unwrap_or_default();
                        let size = parts
                            .iter()
                            .map(|v| match v {
                                Value::Str(p) => p.len(),
                                Value::Int(i) => crate::text::int_text_len(*i),
                                _ => 0,
                            })
                            .sum();
                        let mut s = Str::with_capacity("", size).map_err(|e| self.alloc_trap(e))?;
                        let mut pushed = Ok(());
                        for v in self.stack.drain(from..) {
                            if pushed.is_ok() {
                                pushed = match v {
                                    Value::Str(p) => s.push_str(&p),
                                    Value::Int(i) => {
                                        s.push_str(crate::text::int_text(i, &mut [0; 20]))
                                    }
                                    _ => Ok(()),
                                };
                            }
                        }
                        pushed.map_err(|e| self.alloc_trap(e))?;
                        self.stack.push(Value::Str(s));
                    }
                    Op::IterStart => {
                        let seq = self.pop();
                        let it = self.iterator(seq)?;
                        let v = Value::Iter(self.obj(RefCell::new(it))?);
                        self.stack.push(v);
                    }
                    Op::IterNext(s, off) => match self.next_element(base, s, None)? {
                        Element::Value(v) => self.stack.push(v),
                        Element::Refilled => {}
                        Element::Done => self.jump(off),
                    },
                    Op::IterNextStore(s, e, off) => match self.next_element(base, s, Some(e))? {
                        Element::Value(v) => {
                            self.store_slot(base, e, v)?;
                        }
                        Element::Refilled => {}
                        Element::Done => self.jump(i32::from(off)),
                    },
                    Op::Incr(s) => {
                        if let Value::Int(i) = self.slot_mut(base, s)? {
                            *i = i.wrapping_add(1);
                        }
                        continue 'quiet;
                    }
                    Op::Trap(kind) => {
                        let msg = match kind {
                            OpTrap::BadRange => "Range requires lowerBound <= upperBound",
                            OpTrap::Unreachable => {
                                "reached the end of a function that must return a value"
                            }
                        };
                        return Err(self.trap(TrapKind::Fatal(msg.into())));
                    }
                }
                break 'quiet;
            }
        }
    }

    /// The module's static environment (types of user values).
    pub(crate) fn env(&self) -> &'m crate::sema::ModuleEnv {
        &self.module.env
    }

    #[inline(always)]
    fn jump(&mut self, off: i32) {
        self.ip = self.ip.wrapping_add_signed(off as isize);
    }
}

impl Drop for Vm<'_> {
    fn drop(&mut self) {
        // What is still alive when the VM goes is not deinitialised (as Swift at exit), but
        // its memory is reclaimed: a library user (the REPL, the fuzzer) runs many VMs.
        self.stack.clear();
        self.globals.clear();
        self.frames.clear();
        instance::discard_pending();
    }
}

impl Drop for VmState {
    fn drop(&mut self) {
        // A REPL session's globals go when the session does: free what they held (without
        // deinitialising it, as at the end of a script) rather than leave it queued.
        self.globals.clear();
        self.constants.clear();
        instance::discard_pending();
    }
}
