//! The bytecode compiler: typed tree in, function prototypes out.
//!
//! Allocation: instruction buffers and patch lists are built in the Bytecode and Compiler
//! arenas while a function is compiled; the finished code is copied into the module
//! (Modules, platform allocator), and the arenas reset after the compilation.
#![forbid(unsafe_code)]

pub mod disasm;
mod inout;
pub mod op;
mod peephole;
mod place;

use allocator_api2::vec::Vec as AVec;

use crate::alloc::{Allocator, Subsystem};
use crate::diag::Diagnostic;
use crate::sema::ir::*;
use crate::sema::types::{Type, TypeId, TypeTable};
use crate::sema::Checked;
use crate::stdlib::Builtin;
use crate::syntax::ast::Span;
use crate::vm::module::{Constant, FuncProto, Module};
use op::{Op, TrapKind};

/// Compiles every function of a checked compilation into `module`. A function past one of
/// the bytecode's limits (65,535 slots, captures or fields, 255 arguments, a jump's reach)
/// is a named compile error, as in clox and Lua, never a saturated operand; a budget
/// (`--mem-limit bytecode=` or `compiler=`) that refused to grow a buffer is a memory-limit
/// error.
pub fn compile(
    checked: &Checked<'_>,
    module: &mut Module,
    bytecode: &dyn Allocator,
    compiler: &dyn Allocator,
) -> Result<(), Vec<Diagnostic>> {
    let first = checked.first_func as usize;
    if module.functions.len() < first + checked.funcs.len() {
        module
            .functions
            .resize_with(first + checked.funcs.len(), FuncProto::default);
    }
    let mut errors = Vec::new();
    for (i, f) in checked.funcs.iter().enumerate() {
        let mut fc = FnCompiler::new(module, f, checked.first_func, bytecode, compiler);
        fc.is_main = i == 0;
        match fc.run() {
            Ok(proto) => module.functions[first + i] = proto,
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The bytes a vector of `capacity` elements of `size` bytes asks for when it grows (it
/// doubles, from 4 elements).
fn grown_bytes(capacity: usize, size: usize) -> u64 {
    (capacity.saturating_mul(2).max(4) as u64).saturating_mul(size as u64)
}

/// Where pending jumps to a loop's exits are recorded.
struct LoopTargets<'c> {
    id: LoopId,
    breaks: AVec<usize, &'c dyn Allocator>,
    continues: AVec<usize, &'c dyn Allocator>,
    /// Depth of the defer stack when the loop started.
    defer_depth: usize,
}

struct FnCompiler<'m, 'f, 's, 'c> {
    module: &'m mut Module,
    func: &'f FuncIr<'s>,
    first_func: u32,
    code: AVec<Op, &'c dyn Allocator>,
    lines: AVec<u32, &'c dyn Allocator>,
    loops: AVec<LoopTargets<'c>, &'c dyn Allocator>,
    /// `defer` blocks in scope, innermost last, with the block depth they belong to.
    defers: Vec<(usize, &'s [TStmt<'s>])>,
    block_depth: usize,
    compiler_arena: &'c dyn Allocator,
    /// Hidden slots the compiler adds after sema's locals.
    extra_slots: u32,
    line: u32,
    /// The statement or expression being compiled (where a limit or memory error points).
    span: Span,
    /// A budget (`--mem-limit bytecode=` or `compiler=`) refused to grow a buffer: the
    /// subsystem and the bytes asked for. The rest of the function is not emitted and the
    /// compilation fails with the error.
    out_of_memory: Option<(Subsystem, u64, Span)>,
    /// The first limit this function went past.
    limit: Option<(&'static str, Span)>,
    /// The compilation's top-level code (which reads globals in declaration order).
    is_main: bool,
}

impl<'m, 'f, 's, 'c> FnCompiler<'m, 'f, 's, 'c> {
    fn new(
        module: &'m mut Module,
        func: &'f FuncIr<'s>,
        first_func: u32,
        bytecode: &'c dyn Allocator,
        compiler: &'c dyn Allocator,
    ) -> Self {
        FnCompiler {
            module,
            func,
            first_func,
            code: AVec::new_in(bytecode),
            lines: AVec::new_in(bytecode),
            loops: AVec::new_in(compiler),
            defers: Vec::new(),
            block_depth: 0,
            compiler_arena: compiler,
            extra_slots: 0,
            line: 0,
            span: func.span,
            out_of_memory: None,
            limit: None,
            is_main: false,
        }
    }

    fn run(mut self) -> Result<FuncProto, Diagnostic> {
        self.line = self.module.line_of(self.func.span.start);
        // Captured parameters live in boxes from the start.
        for p in 0..self.func.param_count {
            if self.func.locals.get(p as usize).is_some_and(|l| l.boxed) {
                let slot = slot(VarId(p));
                self.emit(Op::Load(slot));
                self.emit(Op::NewBox(slot));
            }
        }
        self.stmts(self.func.body);
        // Falling off the end: Void functions return `()`; others cannot get here (sema).
        if self.func.result == TypeTable::VOID || self.func.result == TypeTable::ERROR {
            self.emit(Op::Void);
            self.emit_return();
        } else {
            self.emit(Op::Trap(TrapKind::Unreachable));
        }
        if let Some((subsystem, asked, span)) = self.out_of_memory {
            return Err(Diagnostic::memory_limit(subsystem, asked, span));
        }
        let slots = self.func.locals.len() + self.extra_slots as usize;
        let local_count = u16::try_from(slots).unwrap_or_else(|_| {
            self.over_limit_at("too many local variables in function", self.func.span);
            0
        });
        if self.func.captures.len() > usize::from(u16::MAX) + 1 {
            self.over_limit_at("too many captured variables in closure", self.func.span);
        }
        if let Some((what, span)) = self.limit {
            return Err(Diagnostic::error(what, span));
        }
        let mut code = self.code.to_vec();
        let mut lines = self.lines.to_vec();
        peephole::optimize(&mut code, &mut lines);
        Ok(FuncProto {
            name: self.func.name.clone(),
            line: self.module.line_of(self.func.span.start),
            param_count: u16::try_from(self.func.param_count).unwrap_or(u16::MAX),
            local_count,
            code,
            lines,
            captures: self.func.captures.clone(),
            capture_names: self.func.capture_names.clone(),
            inout_params: self
                .func
                .inout_params
                .iter()
                .map(|&p| u16::try_from(p).unwrap_or(u16::MAX))
                .collect(),
            result: self.func.result,
        })
    }

    /// Records that this function goes past a limit of the bytecode (the first one is
    /// reported).
    fn over_limit_at(&mut self, what: &'static str, span: Span) {
        self.limit.get_or_insert((what, span));
    }

    /// `v` as a 16-bit operand; past the limit the function is refused with `what`.
    fn fit16(&mut self, v: impl TryInto<u16>, what: &'static str) -> u16 {
        match v.try_into() {
            Ok(v) => v,
            Err(_) => {
                self.over_limit_at(what, self.span);
                0
            }
        }
    }

    /// An argument count as an 8-bit operand; past 255 the call is refused.
    fn argc(&mut self, n: usize) -> u8 {
        match u8::try_from(n) {
            Ok(n) => n,
            Err(_) => {
                self.over_limit_at("too many arguments in call", self.span);
                0
            }
        }
    }

    /// A jump's offset; past an `i32` the function is refused.
    fn jump_offset(&mut self, target: usize, at: usize) -> i32 {
        match i32::try_from(target as i64 - at as i64 - 1) {
            Ok(o) => o,
            Err(_) => {
                self.over_limit_at("too much code to jump over", self.span);
                0
            }
        }
    }

    /// The slot of an instance held in a plain local (`self` in a method, a `let`): such a
    /// base needs no scratch slot, nothing the right-hand side runs can change it.
    fn local_base(&self, base: &TExpr<'s>) -> Option<u16> {
        match base.kind {
            TExprKind::Var(VarRef::Local(v)) if !self.boxed(v) => Some(slot(v)),
            _ => None,
        }
    }

    /// An assignment or compound assignment, leaving nothing on the stack.
    fn assignment(&mut self, e: &TExpr<'s>) {
        let number = |v: &TExpr<'_>| v.ty == TypeTable::INT || v.ty == TypeTable::DOUBLE;
        let reads_only = |v: &TExpr<'_>| {
            matches!(
                v.kind,
                TExprKind::Int(_) | TExprKind::Double(_) | TExprKind::Var(_)
            )
        };
        // A property of an instance in a plain local (`self.x`) needs no scratch slot.
        let obj_slot = match e.kind {
            TExprKind::Assign(Place::ObjField(base, ..), _)
            | TExprKind::CompoundAssign(_, Place::ObjField(base, ..), _) => self.local_base(base),
            _ => None,
        };
        match (e.kind, obj_slot) {
            (TExprKind::Assign(Place::ObjField(_, i, _), value), Some(s)) => {
                self.emit(Op::Load(s));
                self.expr(value);
                let field = self.fit16(*i, "too many stored properties in type");
                self.emit(Op::ObjPut(field));
            }
            (TExprKind::CompoundAssign(kind, Place::ObjField(_, i, _), value), Some(s))
                if number(value) =>
            {
                let field = self.fit16(*i, "too many stored properties in type");
                if reads_only(value) {
                    // `self.count += 1`: reading the property first cannot change the value.
                    self.emit(Op::Load(s));
                    self.emit(Op::ObjTake(field));
                    self.expr(value);
                } else {
                    // `b.vx -= dx * mass`: the number first (it may read the property).
                    self.expr(value);
                    let rhs = self.scratch();
                    self.emit(Op::Store(rhs));
                    self.emit(Op::Load(s));
                    self.emit(Op::ObjTake(field));
                    self.emit(Op::Load(rhs));
                }
                self.at(e.span);
                self.emit(Op::Binary(kind));
                self.emit(Op::ObjPut(field));
            }
            (TExprKind::Assign(place, value), _) => match place {
                Place::Var(r, _) => {
                    self.expr(value);
                    self.store_var(*r);
                }
                Place::Discard => {
                    self.expr(value);
                    self.emit(Op::Pop);
                }
                _ => {
                    // The new value exists before the old one is released.
                    self.expr(value);
                    self.store_into_place(place);
                }
            },
            // A number in a variable: load, operate, store, when nothing the value runs can
            // reach the variable (an unboxed local: a closure capturing it would have boxed
            // it), or the value only reads.
            (TExprKind::CompoundAssign(kind, Place::Var(r, _), value), _)
                if number(value)
                    && (matches!(r, VarRef::Local(v) if !self.boxed(*v)) || reads_only(value)) =>
            {
                self.load_var(*r);
                self.expr(value);
                self.at(e.span);
                self.emit(Op::Binary(kind));
                self.store_var(*r);
            }
            (TExprKind::CompoundAssign(kind, place, value), _) => {
                self.expr(value);
                let rhs = self.scratch();
                self.emit(Op::Store(rhs));
                let prepared = self.prepare(place);
                self.take_prepared(&prepared);
                self.emit(Op::Take(rhs));
                self.at(e.span);
                self.emit(Op::Binary(kind));
                self.put_prepared(&prepared);
                self.release_prepared(&prepared);
            }
            _ => {
                self.expr(e);
                self.emit(Op::Pop);
            }
        }
    }

    // ------------------------------------------------------------ emission helpers

    fn emit(&mut self, op: Op) -> usize {
        if self.out_of_memory.is_none() {
            if self.code.try_reserve(1).is_err() {
                let asked = grown_bytes(self.code.capacity(), std::mem::size_of::<Op>());
                self.note_oom(Subsystem::Bytecode, asked);
            } else if self.lines.try_reserve(1).is_err() {
                let asked = grown_bytes(self.lines.capacity(), std::mem::size_of::<u32>());
                self.note_oom(Subsystem::Bytecode, asked);
            } else {
                self.code.push(op);
                self.lines.push(self.line);
            }
        }
        self.code.len().saturating_sub(1)
    }

    /// Records the first refused allocation (the rest of the function is not emitted).
    fn note_oom(&mut self, subsystem: Subsystem, asked: u64) {
        if self.out_of_memory.is_none() {
            self.out_of_memory = Some((subsystem, asked, self.span));
        }
    }

    fn at(&mut self, span: Span) {
        self.line = self.module.line_of(span.start);
        self.span = span;
    }

    fn here(&self) -> usize {
        self.code.len()
    }

    /// Emits a jump to be patched; returns its index.
    fn jump(&mut self, op: fn(i32) -> Op) -> usize {
        self.emit(op(0))
    }

    fn patch(&mut self, at: usize) {
        let target = self.here();
        self.patch_to(at, target);
    }

    fn patch_to(&mut self, at: usize, target: usize) {
        let offset = self.jump_offset(target, at);
        if let Some(op) = self.code.get_mut(at) {
            *op = match *op {
                Op::Jump(_) => Op::Jump(offset),
                Op::JumpIfFalse(_) => Op::JumpIfFalse(offset),
                Op::JumpIfTrue(_) => Op::JumpIfTrue(offset),
                Op::UnwrapOrJump(_) => Op::UnwrapOrJump(offset),
                Op::IterNext(s, _) => Op::IterNext(s, offset),
                other => other,
            };
        }
    }

    fn jump_back(&mut self, target: usize) {
        let at = self.here();
        let offset = self.jump_offset(target, at);
        self.emit(Op::Jump(offset));
    }

    fn constant(&mut self, c: Constant) -> u32 {
        self.module.constant(c, self.line)
    }

    fn scratch(&mut self) -> u16 {
        let s = self.func.locals.len() + self.extra_slots as usize;
        self.extra_slots = self.extra_slots.saturating_add(1);
        // Past the limit, `run` refuses the function ("too many local variables").
        u16::try_from(s).unwrap_or(u16::MAX)
    }

    fn func_index(&self, f: FuncId) -> u32 {
        self.first_func + f.0
    }

    fn boxed(&self, v: VarId) -> bool {
        self.func.locals.get(v.0 as usize).is_some_and(|l| l.boxed)
    }

    fn emit_return(&mut self) {
        for &p in &self.func.inout_params {
            let v = VarId(p);
            if self.boxed(v) {
                self.emit(Op::LoadBox(slot(v)));
            } else {
                self.emit(Op::Take(slot(v)));
            }
        }
        self.emit(Op::Return);
    }

    // ------------------------------------------------------------ variables

    /// Whether a read of global `g` must check that it has its value: a static stored
    /// property (lazy), or any global read outside the top-level code (a function may be
    /// called before the global's initializer has run).
    fn global_needs_check(&self, g: u32) -> bool {
        self.module
            .env
            .globals
            .get(g as usize)
            .is_some_and(|info| info.lazy_init.is_some() || !self.is_main)
    }

    /// Before a static stored property is written or moved out: run its initializer first,
    /// as Swift does on any first access.
    fn init_lazy_global(&mut self, g: u32) {
        let lazy = self
            .module
            .env
            .globals
            .get(g as usize)
            .is_some_and(|info| info.lazy_init.is_some());
        if lazy {
            self.emit(Op::LoadGlobalChecked(g));
            self.emit(Op::Pop);
        }
    }

    fn load_var(&mut self, r: VarRef) {
        match r {
            VarRef::Local(v) if self.boxed(v) => self.emit(Op::LoadBox(slot(v))),
            VarRef::Local(v) => self.emit(Op::Load(slot(v))),
            VarRef::Global(g) if self.global_needs_check(g) => self.emit(Op::LoadGlobalChecked(g)),
            VarRef::Global(g) => self.emit(Op::LoadGlobal(g)),
            VarRef::Capture(c) => self.emit(Op::LoadCapture(u16::try_from(c).unwrap_or(u16::MAX))),
        };
    }

    fn store_var(&mut self, r: VarRef) {
        match r {
            VarRef::Local(v) if self.boxed(v) => self.emit(Op::StoreBox(slot(v))),
            VarRef::Local(v) => self.emit(Op::Store(slot(v))),
            VarRef::Global(g) => {
                self.init_lazy_global(g);
                self.emit(Op::StoreGlobal(g))
            }
            VarRef::Capture(c) => self.emit(Op::StoreCapture(u16::try_from(c).unwrap_or(u16::MAX))),
        };
    }

    fn take_var(&mut self, r: VarRef) {
        match r {
            VarRef::Local(v) if self.boxed(v) => self.emit(Op::TakeBox(slot(v))),
            VarRef::Local(v) => self.emit(Op::Take(slot(v))),
            VarRef::Global(g) => {
                // Moved out for an in-place mutation (`g[0] = 1`, `g[k, default: 0] += 1`):
                // a function may run before the global's initializer, which traps as a read
                // does (a lazy static runs its initializer here).
                if self.global_needs_check(g) {
                    self.emit(Op::LoadGlobalChecked(g));
                    self.emit(Op::Pop);
                }
                self.emit(Op::TakeGlobal(g))
            }
            VarRef::Capture(c) => self.emit(Op::TakeCapture(u16::try_from(c).unwrap_or(u16::MAX))),
        };
    }

    /// Initialises a variable with the value on top (a new box when captured).
    fn init_var(&mut self, r: VarRef) {
        match r {
            VarRef::Local(v) if self.boxed(v) => self.emit(Op::NewBox(slot(v))),
            _ => {
                self.store_var(r);
                0
            }
        };
    }

    fn init_local(&mut self, v: VarId) {
        self.init_var(VarRef::Local(v));
    }

    // ------------------------------------------------------------ statements (places: place.rs)

    fn stmts(&mut self, stmts: &'s [TStmt<'s>]) {
        self.block_depth += 1;
        let depth = self.block_depth;
        for s in stmts {
            self.stmt(s);
        }
        self.run_defers_down_to(depth, false);
        // Locals of the block that may hold class instances are released at its end, in
        // reverse declaration order (ARC: deinits run there, as in Swift).
        let declared: Vec<VarId> = stmts
            .iter()
            .filter_map(|s| match s.kind {
                TStmtKind::Init(VarRef::Local(v), _) | TStmtKind::Declare(VarRef::Local(v)) => {
                    Some(v)
                }
                _ => None,
            })
            .collect();
        for v in declared.into_iter().rev() {
            self.release_local(v);
        }
        self.block_depth -= 1;
    }

    /// Clears a local that may hold class instances, releasing them (ARC).
    fn release_local(&mut self, v: VarId) {
        let ty = self
            .func
            .locals
            .get(v.0 as usize)
            .map_or(TypeTable::VOID, |l| l.ty);
        if may_hold_objects(&self.module.env.types, ty, 0) {
            self.emit(Op::Void);
            self.emit(Op::Store(slot(v)));
        }
    }

    /// Emits (and, unless `keep`, forgets) the defers registered at block depth >= `depth`.
    fn run_defers_down_to(&mut self, depth: usize, keep: bool) {
        let pending: Vec<&'s [TStmt<'s>]> = self
            .defers
            .iter()
            .rev()
            .filter(|(d, _)| *d >= depth)
            .map(|(_, b)| *b)
            .collect();
        if !keep {
            self.defers.retain(|(d, _)| *d < depth);
        }
        for body in pending {
            let saved = std::mem::take(&mut self.defers);
            self.stmts(body);
            self.defers = saved;
        }
    }

    fn stmt(&mut self, s: &TStmt<'s>) {
        self.at(s.span);
        match s.kind {
            // An assignment's `()` result is not made only to be dropped.
            TStmtKind::Expr(e)
                if matches!(
                    e.kind,
                    TExprKind::Assign(..) | TExprKind::CompoundAssign(..)
                ) =>
            {
                self.assignment(&e);
            }
            TStmtKind::Expr(e) => {
                self.expr(&e);
                self.emit(Op::Pop);
            }
            TStmtKind::Init(r, e) => {
                self.expr(&e);
                self.init_var(r);
            }
            TStmtKind::Declare(r) => {
                if let VarRef::Local(v) = r {
                    if self.boxed(v) {
                        self.emit(Op::Void);
                        self.emit(Op::NewBox(slot(v)));
                    }
                }
            }
            TStmtKind::Destructure(subject, value, pat) => {
                self.expr(&value);
                self.emit(Op::Store(slot(subject)));
                let mut fails = Vec::new();
                self.pattern(pat, subject, &mut fails);
                // An irrefutable pattern never fails; any patch target is the next statement.
                for f in fails {
                    self.patch(f);
                }
            }
            TStmtKind::If(conds, then, els) => {
                let mut fails = Vec::new();
                self.conds(conds, &mut fails);
                self.stmts(then);
                if els.is_empty() {
                    for f in fails {
                        self.patch(f);
                    }
                } else {
                    let end = self.jump(Op::Jump);
                    for f in fails {
                        self.patch(f);
                    }
                    self.stmts(els);
                    self.patch(end);
                }
            }
            TStmtKind::Guard(conds, els) => {
                let mut fails = Vec::new();
                self.conds(conds, &mut fails);
                let ok = self.jump(Op::Jump);
                for f in fails {
                    self.patch(f);
                }
                self.stmts(els);
                self.patch(ok);
            }
            TStmtKind::While(id, conds, body) => {
                let start = self.here();
                self.push_loop(id);
                let mut fails = Vec::new();
                self.conds(conds, &mut fails);
                self.stmts(body);
                self.jump_back(start);
                for f in fails {
                    self.patch(f);
                }
                self.pop_loop(start);
            }
            TStmtKind::Repeat(id, body, cond) => {
                let start = self.here();
                self.push_loop(id);
                self.stmts(body);
                let cont = self.here();
                self.expr(cond);
                let at = self.here();
                let offset = self.jump_offset(start, at);
                self.emit(Op::JumpIfTrue(offset));
                self.pop_loop(cont);
            }
            TStmtKind::ForRange {
                id,
                var,
                lo,
                hi,
                closed,
                body,
                counter,
                limit,
            } => {
                self.expr(lo);
                self.emit(Op::Store(slot(counter)));
                self.expr(hi);
                self.emit(Op::Store(slot(limit)));
                // Swift traps when a range's bounds are reversed.
                self.emit(Op::Load(slot(counter)));
                self.emit(Op::Load(slot(limit)));
                self.emit(Op::CheckRange);
                let start = self.here();
                self.emit(Op::Load(slot(counter)));
                self.emit(Op::Load(slot(limit)));
                self.emit(Op::Binary(if closed {
                    BinKind::LeInt
                } else {
                    BinKind::LtInt
                }));
                let exit = self.jump(Op::JumpIfFalse);
                if let Some(v) = var {
                    self.emit(Op::Load(slot(counter)));
                    self.init_local(v);
                }
                self.push_loop(id);
                self.stmts(body);
                let cont = self.here();
                let mut last = None;
                if closed {
                    // `a...Int.max` must not overflow: stop after the last element.
                    self.emit(Op::Load(slot(counter)));
                    self.emit(Op::Load(slot(limit)));
                    self.emit(Op::Binary(BinKind::EqInt));
                    last = Some(self.jump(Op::JumpIfTrue));
                }
                self.emit(Op::Incr(slot(counter)));
                self.jump_back(start);
                self.patch(exit);
                if let Some(l) = last {
                    self.patch(l);
                }
                self.pop_loop(cont);
            }
            TStmtKind::ForEach {
                id,
                seq,
                iter,
                elem,
                pattern,
                body,
            } => {
                self.expr(seq);
                self.emit(Op::IterStart);
                self.emit(Op::Store(slot(iter)));
                let start = self.here();
                let exit = self.emit(Op::IterNext(slot(iter), 0));
                let mut fails = Vec::new();
                if let TPattern::Bind(v) = pattern {
                    // `for x in seq`: the element goes straight into `x`.
                    self.init_local(*v);
                } else {
                    self.emit(Op::Store(slot(elem)));
                    self.pattern(pattern, elem, &mut fails);
                }
                self.push_loop(id);
                self.stmts(body);
                for f in fails {
                    self.patch(f);
                }
                self.jump_back(start);
                self.patch(exit);
                self.pop_loop(start);
                // Release the iterator (and with it the sequence) and the last element's
                // bindings when the loop ends.
                let mut vars = vec![elem];
                TPattern::vars(pattern, &mut vars);
                for v in vars {
                    self.release_local(v);
                }
                self.emit(Op::Void);
                self.emit(Op::Store(slot(iter)));
            }
            TStmtKind::Switch(id, subject, value, cases, _) => {
                self.switch(id, subject, value, cases)
            }
            TStmtKind::Block(id, body) => {
                self.push_loop(id);
                self.stmts(body);
                let end = self.here();
                self.pop_loop(end);
            }
            TStmtKind::Return(value) => {
                match value {
                    Some(v) => self.expr(&v),
                    None => {
                        self.emit(Op::Void);
                    }
                }
                if !self.defers.is_empty() {
                    let tmp = self.scratch();
                    self.emit(Op::Store(tmp));
                    self.run_defers_down_to(0, true);
                    self.emit(Op::Take(tmp));
                }
                self.emit_return();
            }
            TStmtKind::Break(id) => self.exit_loop(id, false),
            TStmtKind::Continue(id) => self.exit_loop(id, true),
            TStmtKind::Defer(body) => {
                let d = self.block_depth;
                self.defers.push((d, body));
            }
            TStmtKind::Unreachable => {}
        }
    }

    fn push_loop(&mut self, id: LoopId) {
        let t = LoopTargets {
            id,
            breaks: AVec::new_in(self.compiler_arena),
            continues: AVec::new_in(self.compiler_arena),
            defer_depth: self.block_depth + 1,
        };
        if self.loops.try_reserve(1).is_err() {
            let asked = grown_bytes(self.loops.capacity(), std::mem::size_of::<LoopTargets>());
            self.note_oom(Subsystem::Compiler, asked);
            return;
        }
        self.loops.push(t);
    }

    /// Patches the loop's breaks to here and its continues to `cont`.
    fn pop_loop(&mut self, cont: usize) {
        if let Some(t) = self.loops.pop() {
            let end = self.here();
            for b in t.breaks.iter() {
                self.patch_to(*b, end);
            }
            for c in t.continues.iter() {
                self.patch_to(*c, cont);
            }
        }
    }

    fn exit_loop(&mut self, id: LoopId, is_continue: bool) {
        let depth = self
            .loops
            .iter()
            .find(|t| t.id == id)
            .map_or(0, |t| t.defer_depth);
        self.run_defers_down_to(depth, true);
        let j = self.jump(Op::Jump);
        if let Some(t) = self.loops.iter_mut().rev().find(|t| t.id == id) {
            let list = if is_continue {
                &mut t.continues
            } else {
                &mut t.breaks
            };
            let refused = if list.try_reserve(1).is_err() {
                Some(grown_bytes(list.capacity(), std::mem::size_of::<usize>()))
            } else {
                list.push(j);
                None
            };
            if let Some(asked) = refused {
                self.note_oom(Subsystem::Compiler, asked);
            }
        }
    }

    /// A condition list: each failing condition jumps to a `fails` entry.
    fn conds(&mut self, conds: &'s [TCond<'s>], fails: &mut Vec<usize>) {
        for c in conds {
            match c {
                TCond::Bool(e) => {
                    self.expr(e);
                    fails.push(self.jump(Op::JumpIfFalse));
                }
                TCond::Bind(v, e) => {
                    self.expr(e);
                    fails.push(self.jump(Op::UnwrapOrJump));
                    self.init_local(*v);
                }
                TCond::Match(subject, e, p) => {
                    self.expr(e);
                    self.emit(Op::Store(slot(*subject)));
                    self.pattern(p, *subject, fails);
                }
            }
        }
    }

    /// Matches the value in `subject` against `p`; failures jump to entries of `fails`.
    fn pattern(&mut self, p: &TPattern<'s>, subject: VarId, fails: &mut Vec<usize>) {
        match p {
            TPattern::Any => {}
            TPattern::Bind(v) => {
                self.emit(Op::Load(slot(subject)));
                self.init_local(*v);
            }
            TPattern::Equal(kind, value) => {
                self.emit(Op::Load(slot(subject)));
                self.expr(value);
                self.emit(Op::Binary(*kind));
                fails.push(self.jump(Op::JumpIfFalse));
            }
            TPattern::Range(lo, hi, closed, lt) => {
                let (ge, le, ltk) = match lt {
                    BinKind::LtDouble => (BinKind::GeDouble, BinKind::LeDouble, BinKind::LtDouble),
                    BinKind::LtStr => (BinKind::GeStr, BinKind::LeStr, BinKind::LtStr),
                    _ => (BinKind::GeInt, BinKind::LeInt, BinKind::LtInt),
                };
                if let Some(lo) = lo {
                    self.emit(Op::Load(slot(subject)));
                    self.expr(lo);
                    self.emit(Op::Binary(ge));
                    fails.push(self.jump(Op::JumpIfFalse));
                }
                if let Some(hi) = hi {
                    self.emit(Op::Load(slot(subject)));
                    self.expr(hi);
                    self.emit(Op::Binary(if *closed { le } else { ltk }));
                    fails.push(self.jump(Op::JumpIfFalse));
                }
            }
            TPattern::Tuple(elems) => {
                for (i, (v, p)) in elems.iter().enumerate() {
                    self.emit(Op::Load(slot(subject)));
                    let i = self.fit16(i, "too many elements in tuple or struct");
                    self.emit(Op::TupleGet(i));
                    self.emit(Op::Store(slot(*v)));
                    self.pattern(p, *v, fails);
                }
            }
            TPattern::EnumCase(tag, subs) => {
                self.emit(Op::Load(slot(subject)));
                self.emit(Op::EnumTag);
                self.emit(Op::Int(i32::try_from(*tag).unwrap_or(0)));
                self.emit(Op::Binary(BinKind::EqInt));
                fails.push(self.jump(Op::JumpIfFalse));
                for (i, (v, p)) in subs.iter().enumerate() {
                    self.emit(Op::Load(slot(subject)));
                    let i = self.fit16(i, "too many associated values in enum case");
                    self.emit(Op::EnumPayload(i));
                    self.emit(Op::Store(slot(*v)));
                    self.pattern(p, *v, fails);
                }
            }
            TPattern::IsClass(class) => {
                self.emit(Op::Load(slot(subject)));
                self.emit(Op::Int(i32::try_from(*class).unwrap_or(0)));
                self.emit(Op::Builtin(Builtin::IsInstance, 2));
                fails.push(self.jump(Op::JumpIfFalse));
            }
            TPattern::AsClass(class, v, p) => {
                self.emit(Op::Load(slot(subject)));
                self.emit(Op::Int(i32::try_from(*class).unwrap_or(0)));
                self.emit(Op::Builtin(Builtin::IsInstance, 2));
                fails.push(self.jump(Op::JumpIfFalse));
                self.emit(Op::Load(slot(subject)));
                self.emit(Op::Store(slot(*v)));
                self.pattern(p, *v, fails);
            }
            TPattern::Some(v, p) => {
                self.emit(Op::Load(slot(subject)));
                fails.push(self.jump(Op::UnwrapOrJump));
                self.emit(Op::Store(slot(*v)));
                self.pattern(p, *v, fails);
            }
            TPattern::Guarded(p, g) => {
                self.pattern(p, subject, fails);
                self.expr(g);
                fails.push(self.jump(Op::JumpIfFalse));
            }
        }
    }

    fn switch(&mut self, id: LoopId, subject: VarId, value: &TExpr<'s>, cases: &'s [TCase<'s>]) {
        self.expr(value);
        self.emit(Op::Store(slot(subject)));
        self.push_loop(id);
        let mut ends = Vec::new();
        let mut fallthrough_from: Option<usize> = None;
        for case in cases {
            // Try each alternative; the first that matches enters the body.
            let mut enters = Vec::new();
            let mut next_case = Vec::new();
            if case.patterns.is_empty() {
                // default
            } else {
                for (i, p) in case.patterns.iter().enumerate() {
                    let mut fails = Vec::new();
                    self.pattern(p, subject, &mut fails);
                    if i + 1 < case.patterns.len() {
                        enters.push(self.jump(Op::Jump));
                        for f in fails {
                            self.patch(f);
                        }
                    } else {
                        next_case = fails;
                    }
                }
            }
            for e in enters {
                self.patch(e);
            }
            if let Some(f) = fallthrough_from.take() {
                self.patch(f);
            }
            self.stmts(case.body);
            if case.falls_through {
                fallthrough_from = Some(self.jump(Op::Jump));
            } else {
                ends.push(self.jump(Op::Jump));
            }
            for f in next_case {
                self.patch(f);
            }
        }
        if let Some(f) = fallthrough_from {
            self.patch(f);
        }
        for e in ends {
            self.patch(e);
        }
        let end = self.here();
        self.pop_loop(end);
    }

    // ------------------------------------------------------------ expressions

    fn expr(&mut self, e: &TExpr<'s>) {
        match e.kind {
            TExprKind::Int(v) => match i32::try_from(v) {
                Ok(small) => {
                    self.emit(Op::Int(small));
                }
                Err(_) => {
                    let c = self.constant(Constant::Int(v));
                    self.emit(Op::Const(c));
                }
            },
            TExprKind::Double(v) => {
                let c = self.constant(Constant::Double(v));
                self.emit(Op::Const(c));
            }
            TExprKind::Bool(b) => {
                self.emit(Op::Bool(b));
            }
            TExprKind::Str(s) => {
                let c = self.constant(Constant::Str(s.to_string()));
                self.emit(Op::Const(c));
            }
            TExprKind::Nil => {
                self.emit(Op::Nil);
            }
            TExprKind::Void => {
                self.emit(Op::Void);
            }
            TExprKind::Interpolation(parts) => {
                for p in parts {
                    self.expr(p);
                    // `Concat` writes an Int's digits itself (no string made for them).
                    if p.ty != TypeTable::STRING && p.ty != TypeTable::INT {
                        self.emit(Op::Describe(p.ty.0));
                    }
                }
                self.emit(Op::Concat(u32::try_from(parts.len()).unwrap_or(0)));
            }
            TExprKind::Var(r) => self.load_var(r),
            TExprKind::Func(f) => {
                let index = self.func_index(f);
                self.emit(Op::Closure(index));
            }
            TExprKind::GlobalFunc(index) => {
                self.emit(Op::Closure(index));
            }
            TExprKind::CurrentClosure => {
                self.emit(Op::CurrentClosure);
            }
            TExprKind::BuiltinRef(_) => {
                self.emit(Op::Void);
            }
            TExprKind::Assign(..) | TExprKind::CompoundAssign(..) => {
                self.assignment(e);
                self.emit(Op::Void);
            }
            TExprKind::Unary(kind, inner) => {
                self.expr(inner);
                self.emit(match kind {
                    UnKind::NegInt => Op::NegInt,
                    UnKind::NegDouble => Op::NegDouble,
                    UnKind::Not => Op::Not,
                    UnKind::BitNot => Op::BitNot,
                });
            }
            TExprKind::Binary(kind, a, b) => {
                self.expr(a);
                self.expr(b);
                self.at(e.span);
                self.emit(Op::Binary(kind));
            }
            TExprKind::And(a, b) => {
                self.expr(a);
                let f = self.jump(Op::JumpIfFalse);
                self.expr(b);
                let end = self.jump(Op::Jump);
                self.patch(f);
                self.emit(Op::Bool(false));
                self.patch(end);
            }
            TExprKind::Or(a, b) => {
                self.expr(a);
                let t = self.jump(Op::JumpIfTrue);
                self.expr(b);
                let end = self.jump(Op::Jump);
                self.patch(t);
                self.emit(Op::Bool(true));
                self.patch(end);
            }
            TExprKind::Coalesce(a, b) => {
                self.expr(a);
                let nil = self.jump(Op::UnwrapOrJump);
                // Unwrapped; if the result type is optional, re-wrap.
                if e.ty == a.ty {
                    self.wrap_if_nested(a.ty);
                }
                let end = self.jump(Op::Jump);
                self.patch(nil);
                self.expr(b);
                self.patch(end);
            }
            TExprKind::Ternary(c, a, b) => {
                self.expr(c);
                let f = self.jump(Op::JumpIfFalse);
                self.expr(a);
                let end = self.jump(Op::Jump);
                self.patch(f);
                self.expr(b);
                self.patch(end);
            }
            TExprKind::Call(callee, args) => {
                let index = match callee {
                    Callee::Func(f) => self.func_index(f),
                    Callee::Global(g) => g,
                };
                let inouts = self.args(args);
                self.at(e.span);
                let argc = self.argc(args.len());
                self.emit(Op::Call(index, argc));
                self.write_back_inouts(&inouts);
            }
            TExprKind::CallValue(f, args) => {
                self.expr(f);
                let inouts = self.args(args);
                self.at(e.span);
                let argc = self.argc(args.len());
                self.emit(Op::CallValue(argc));
                self.write_back_inouts(&inouts);
            }
            TExprKind::Builtin(b, args) => self.builtin(b, args, e),
            TExprKind::InOut(place) => {
                // Only reached outside argument lists (never by construction): read it.
                self.load_place(place);
            }
            TExprKind::Array(elems) => {
                for x in elems {
                    self.expr(x);
                }
                let n = u32::try_from(elems.len()).unwrap_or(0);
                match self.module.env.types.get(e.ty) {
                    Type::Set(_) => self.emit(Op::MakeSet(n)),
                    _ if n == 0 => {
                        let c = self.constant(Constant::EmptyArray);
                        self.emit(Op::Const(c))
                    }
                    _ => self.emit(Op::MakeArray(n)),
                };
            }
            TExprKind::Dictionary(entries) => {
                for (k, v) in entries {
                    self.expr(k);
                    self.expr(v);
                }
                self.at(e.span);
                if entries.is_empty() {
                    let c = self.constant(Constant::EmptyDictionary);
                    self.emit(Op::Const(c));
                } else {
                    self.emit(Op::MakeDict(u32::try_from(entries.len()).unwrap_or(0)));
                }
            }
            TExprKind::Tuple(elems) => {
                for x in elems {
                    self.expr(x);
                }
                self.emit(Op::MakeTuple(u32::try_from(elems.len()).unwrap_or(0)));
            }
            TExprKind::TupleField(base, i) => {
                self.expr(base);
                let i = self.fit16(i, "too many elements in tuple or struct");
                self.emit(Op::TupleGet(i));
            }
            TExprKind::WrapOptional(inner) => {
                self.expr(inner);
                self.wrap_if_nested(inner.ty);
            }
            TExprKind::ForceUnwrap(inner) => {
                self.expr(inner);
                self.at(e.span);
                self.emit(Op::ForceUnwrap);
            }
            TExprKind::OptionalChain { base, var, rest } => {
                self.expr(base);
                let nil = self.jump(Op::UnwrapOrJump);
                self.emit(Op::Store(slot(var)));
                self.expr(rest);
                // The unwrapped base is a temporary: release it once the chain is done (ARC).
                self.release_local(var);
                let end = self.jump(Op::Jump);
                self.patch(nil);
                self.emit(Op::Nil);
                self.patch(end);
            }
            TExprKind::Closure(f, values) => {
                for v in values {
                    self.expr(v);
                }
                let index = self.func_index(f);
                self.emit(Op::Closure(index));
            }
            TExprKind::Range(lo, hi, closed) => {
                self.expr(lo);
                self.expr(hi);
                self.at(e.span);
                self.emit(Op::MakeRange(closed));
            }
            TExprKind::Retype(inner) => self.expr(inner),
            TExprKind::NewObject(class) => {
                self.at(e.span);
                self.emit(Op::NewObject(class));
            }
            TExprKind::ObjField(base, i) => {
                self.expr(base);
                let i = self.fit16(i, "too many stored properties in type");
                self.emit(Op::ObjGet(i));
            }
            TExprKind::CallMethod(key, args) => {
                let inouts = self.args(args);
                self.at(e.span);
                let argc = self.argc(args.len());
                self.emit(Op::CallMethod(key, argc));
                self.write_back_inouts(&inouts);
            }
            TExprKind::EnumCase(tag, payload) => {
                for p in payload {
                    self.expr(p);
                }
                let tag = self.fit16(tag, "too many cases in enum");
                let count = match u8::try_from(payload.len()) {
                    Ok(n) => n,
                    Err(_) => {
                        self.over_limit_at("too many associated values in enum case", e.span);
                        0
                    }
                };
                self.emit(Op::MakeEnum(tag, count));
            }
            TExprKind::Seq(stmts, value) => {
                for s in stmts {
                    self.stmt(s);
                }
                self.expr(value);
            }
        }
    }

    /// `T → T?` needs a wrapper only when `T` is itself optional (`Int??`).
    pub(super) fn wrap_if_nested(&mut self, inner: TypeId) {
        if matches!(self.module.env.types.get(inner), Type::Optional(_)) {
            self.emit(Op::WrapSome);
        }
    }

    fn builtin(&mut self, b: Builtin, args: &'s [TExpr<'s>], e: &TExpr<'s>) {
        let argc = self.argc(args.len());
        match b {
            Builtin::Describe => {
                if let Some(a) = args.first() {
                    self.expr(a);
                    self.emit(Op::Describe(a.ty.0));
                }
                return;
            }
            Builtin::Swap => {
                // `swap(&a, &b)`: read both, write them back crosswise.
                if let [TExpr {
                    kind: TExprKind::InOut(pa),
                    ..
                }, TExpr {
                    kind: TExprKind::InOut(pb),
                    ..
                }] = args
                {
                    self.load_place(pa);
                    self.load_place(pb);
                    self.store_into_place(pa);
                    self.store_into_place(pb);
                }
                self.emit(Op::Void);
                return;
            }
            _ => {}
        }
        match args.first().map(|a| a.kind) {
            Some(TExprKind::InOut(place)) => {
                // A mutating method. Arguments first; then the receiver is moved out of its
                // place (so the method mutates a unique value in place: `s.items.append(x)`
                // copies nothing) and put back.
                if let Place::Var(r, _) = place {
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    self.take_var(*r);
                    self.at(e.span);
                    self.emit(Op::BuiltinMut(b, argc));
                    // Stack: [receiver', result].
                    self.emit(Op::Swap);
                    self.store_var(*r);
                    return;
                }
                for a in &args[1..] {
                    self.expr(a);
                }
                let prepared = self.prepare(place);
                let parked = self.park(prepared);
                self.emit(Op::Take(parked.value));
                self.at(e.span);
                self.emit(Op::BuiltinMut(b, argc));
                // [receiver', result]
                self.emit(Op::Swap);
                self.unpark(&parked);
            }
            _ => {
                for a in args {
                    self.expr(a);
                }
                self.at(e.span);
                self.emit(Op::Builtin(b, argc));
            }
        }
    }
}

/// Whether values of `ty` can (transitively) hold class instances, so releasing them early
/// can be observed.
fn may_hold_objects(types: &crate::sema::types::TypeTable, ty: TypeId, depth: u32) -> bool {
    if depth > 16 {
        return true;
    }
    match types.get(ty) {
        Type::Error
        | Type::Void
        | Type::Int
        | Type::Double
        | Type::Bool
        | Type::String
        | Type::Character => false,
        Type::Range(_)
        | Type::ClosedRange(_)
        | Type::RangeFrom(_)
        | Type::RangeUpTo(_)
        | Type::RangeThrough(_) => false,
        Type::Optional(t) | Type::Array(t) | Type::ArraySlice(t) | Type::Set(t) => {
            may_hold_objects(types, *t, depth + 1)
        }
        Type::Dictionary(k, v) => {
            may_hold_objects(types, *k, depth + 1) || may_hold_objects(types, *v, depth + 1)
        }
        Type::Tuple(elems) => elems
            .iter()
            .any(|(_, t)| may_hold_objects(types, *t, depth + 1)),
        Type::Nominal(_) => match types.nominal(ty) {
            Some(n) if n.kind == crate::sema::types::NominalKind::Class => true,
            Some(n) => {
                n.fields
                    .iter()
                    .any(|f| may_hold_objects(types, f.ty, depth + 1))
                    || n.cases.iter().any(|c| {
                        c.payload.as_ref().is_some_and(|p| {
                            p.iter()
                                .any(|(_, t)| may_hold_objects(types, *t, depth + 1))
                        })
                    })
            }
            None => true,
        },
        _ => true,
    }
}

fn slot(v: VarId) -> u16 {
    u16::try_from(v.0).unwrap_or(u16::MAX)
}
