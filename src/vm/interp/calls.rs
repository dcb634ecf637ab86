//! Calls: pushing and popping frames, calling a function value from a builtin, making
//! closures and reading their captures.

use super::*;

impl<'m> Vm<'m> {
    /// Calls a function value with `args` and returns its result (used by builtins such as
    /// `map`). `inout` results are dropped (closures given to builtins take none).
    pub(crate) fn call_value(&mut self, f: &Value, args: Vec<Value>) -> R<Value> {
        let Value::Closure(c) = f else {
            return Err(self.internal("call of a non-function"));
        };
        self.call_value_inner(c.clone(), args)
    }

    pub(super) fn call_value_inner(&mut self, c: Obj<Closure>, args: Vec<Value>) -> R<Value> {
        let argc = args.len();
        self.stack.extend(args);
        let func = c.func;
        let n_inout = self
            .module
            .functions
            .get(func as usize)
            .map_or(0, |p| p.inout_params.len());
        let result = self.call_function(func, Some(c), argc, false)?;
        // Drop the results the callee left (the value and any `inout` values).
        for _ in 0..=n_inout {
            self.pop();
        }
        Ok(result)
    }

    /// Runs a function whose `argc` arguments are on the stack until it returns; its results
    /// (the value, then `inout` values) are left on the stack and the value is returned too.
    ///
    /// Every such run (a builtin calling a closure, a `deinit`, a property's default value or
    /// lazy initializer) nests a Rust call of `execute`: their depth is bounded well below
    /// what the host stack holds, and going deeper is the script's stack overflow.
    pub(super) fn call_function(
        &mut self,
        func: u32,
        closure: Option<Obj<Closure>>,
        argc: usize,
        has_callee_slot: bool,
    ) -> R<Value> {
        let here = stack_address();
        if self.native_depth == 0 {
            self.stack_base = here;
            self.stack_budget = STACK_BUDGET.with(std::cell::Cell::get);
        } else if self.native_depth >= MAX_NATIVE_DEPTH
            || self.stack_base.saturating_sub(here) > self.stack_budget
        {
            return Err(self.trap(TrapKind::Fatal("stack overflow".into())));
        }
        self.native_depth += 1;
        let r = self.call_function_nested(func, closure, argc, has_callee_slot);
        self.native_depth -= 1;
        r
    }

    fn call_function_nested(
        &mut self,
        func: u32,
        closure: Option<Obj<Closure>>,
        argc: usize,
        has_callee_slot: bool,
    ) -> R<Value> {
        let depth = self.frames.len();
        self.push_frame(func, closure, argc, has_callee_slot)?;
        if self.trace_file.is_some() {
            self.execute::<true>(depth)?;
        } else {
            self.execute::<false>(depth)?;
        }
        let n_inout = self
            .module
            .functions
            .get(func as usize)
            .map_or(0, |p| p.inout_params.len());
        let at = self.stack.len().saturating_sub(1 + n_inout);
        Ok(self.stack.get(at).cloned().unwrap_or_default())
    }

    #[inline(always)]
    pub(super) fn push_frame(
        &mut self,
        func: u32,
        closure: Option<Obj<Closure>>,
        argc: usize,
        has_callee_slot: bool,
    ) -> R<()> {
        if self.frames.len() >= MAX_FRAMES {
            return Err(self.trap(TrapKind::Fatal("stack overflow".into())));
        }
        let Some(proto) = self.module.functions.get(func as usize) else {
            return Err(self.internal("call of an unknown function"));
        };
        let base = self.stack.len().saturating_sub(argc);
        let locals = proto.local_count as usize;
        if locals > argc {
            self.stack.resize(base + locals, Value::Void);
        }
        if let Some(caller) = self.frames.last_mut() {
            caller.ip = self.ip;
        }
        self.ip = 0;
        self.frames.push(Frame {
            func,
            ip: 0,
            base,
            closure,
            has_callee_slot,
        });
        Ok(())
    }

    pub(super) fn make_closure(&mut self, func: u32) -> R<Value> {
        let Some(proto) = self.module.functions.get(func as usize) else {
            return Err(self.internal("closure of an unknown function"));
        };
        let mut captures = allocator_api2::vec::Vec::with_capacity_in(
            proto.captures.len(),
            crate::alloc::ObjectsAlloc,
        );
        // Capture-list values were pushed before the instruction, in order.
        let n_values = proto
            .captures
            .iter()
            .filter(|c| {
                matches!(
                    c,
                    CaptureSource::Value | CaptureSource::WeakValue | CaptureSource::UnownedValue
                )
            })
            .count();
        let from = self.stack.len().saturating_sub(n_values);
        let mut values: Vec<Value> = self.stack.drain(from..).collect::<Vec<_>>();
        values.reverse();
        let frame = self
            .frames
            .last()
            .ok_or_else(|| self.internal("no frame"))?;
        for c in &proto.captures {
            let b = match c {
                CaptureSource::Local(v) => match self.stack.get(frame.base + v.0 as usize) {
                    Some(Value::Box(b)) => b.clone(),
                    _ => return Err(self.internal("captured variable is not boxed")),
                },
                CaptureSource::Capture(i) => match frame
                    .closure
                    .as_ref()
                    .and_then(|c| c.captures.get(*i as usize))
                {
                    Some(b) => b.clone(),
                    None => return Err(self.internal("missing capture")),
                },
                CaptureSource::Value | CaptureSource::WeakValue | CaptureSource::UnownedValue => {
                    let v = values.pop().unwrap_or_default();
                    let v = if matches!(c, CaptureSource::Value) {
                        v
                    } else {
                        weaken(v)
                    };
                    Obj::new(VarBox {
                        value: RefCell::new(v),
                    })
                    .map_err(|e| self.alloc_trap(e))?
                }
            };
            captures.push(b);
        }
        let closure = self.obj(Closure { func, captures })?;
        if crate::vm::tracking::enabled() {
            crate::vm::tracking::remember(
                std::ptr::from_ref::<Closure>(&closure) as usize,
                Obj::addr(&closure),
                crate::vm::tracking::NodeKind::Closure,
            );
        }
        Ok(Value::Closure(closure))
    }

    /// The running function as a value: its closure, or (a local function that captures
    /// nothing, called directly) a closure of it with no captures.
    #[inline(never)]
    pub(super) fn current_closure(&mut self) -> R<Value> {
        let frame = self
            .frames
            .last()
            .ok_or_else(|| self.internal("no frame"))?;
        match &frame.closure {
            Some(c) => Ok(Value::Closure(c.clone())),
            None => {
                let func = frame.func;
                self.make_closure(func)
            }
        }
    }

    #[inline(always)]
    pub(super) fn capture(&self, i: u16) -> R<&Obj<VarBox>> {
        self.frames
            .last()
            .and_then(|f| f.closure.as_ref())
            .and_then(|c| c.captures.get(i as usize))
            .ok_or_else(|| self.internal("missing capture"))
    }

    /// Pops the top frame, making its caller's position current again.
    pub(super) fn pop_frame(&mut self) -> Option<Frame> {
        let frame = self.frames.pop()?;
        self.ip = self.frames.last().map_or(0, |f| f.ip);
        Some(frame)
    }

    /// A global read that found no value: a static stored property runs its initializer now
    /// (once: the value is kept); a `Void` global has nothing to hold; any other global was
    /// read by a function called before the global's initializer ran, which traps.
    #[cold]
    pub(super) fn global_first_read(&mut self, g: u32) -> R<Value> {
        let Some(info) = self.module.env.globals.get(g as usize) else {
            return Err(self.internal("read of an unknown global"));
        };
        if info.ty == crate::sema::types::TypeTable::VOID {
            return Ok(Value::Void);
        }
        if self.taken_globals.contains(&g) {
            // Swift's run-time exclusivity check (it also prints the addresses and both
            // accesses' sites).
            let msg = format!(
                "Simultaneous accesses to '{}', but modification requires exclusive access.",
                info.name
            );
            return Err(self.trap_with_prefix(msg));
        }
        let Some(thunk) = info.lazy_init else {
            let msg = format!("global '{}' read before its initializer ran", info.name);
            return Err(self.trap(TrapKind::Fatal(msg)));
        };
        let value = self.call_function(thunk, None, 0, false)?;
        self.pop();
        let g = g as usize;
        if g >= self.globals.len() {
            self.globals.resize(g + 1, Value::Void);
        }
        // The initializer may have set the property itself; Swift keeps the first value.
        if matches!(self.globals[g], Value::Void) {
            self.globals[g] = value;
        }
        Ok(self.globals[g].clone())
    }
}
