//! Class instances in the loop: making one (default values), reading and writing stored
//! properties (weak, unowned, lazy), and ARC releases in Swift's destruction order.

use super::*;

impl<'m> Vm<'m> {
    /// A new instance of `class`, each stored property at its default (computed by its
    /// default-value function) or empty until an initializer sets it.
    pub(super) fn new_object(&mut self, class: u32) -> R<Value> {
        let module = self.module;
        let Some(info) = module.env.types.nominals.get(class as usize) else {
            return Err(self.internal("unknown class"));
        };
        let at = self.trace_file.and_then(|_| ScriptLocation::current());
        // Default values go on the stack first, then move into the instance's block.
        let start = self.stack.len();
        for f in &info.fields {
            let v = match f.default {
                // A lazy property is computed on first read.
                Some(_) if f.lazy => Value::Void,
                Some(thunk) => {
                    let v = self.call_function(thunk, None, 0, false)?;
                    self.pop();
                    if f.weak || f.unowned {
                        weaken(v)
                    } else {
                        v
                    }
                }
                // `var x: T?` without a value starts as nil.
                None if f.mutable
                    && matches!(
                        module.env.types.get(f.ty),
                        crate::sema::types::Type::Optional(_)
                    ) =>
                {
                    Value::Nil
                }
                None => Value::Void,
            };
            self.stack.push(v);
        }
        if let Some(at) = at {
            // Default values ran other lines: the instance belongs to this one.
            ScriptLocation::set_current(Some(at));
        }
        let start = start.min(self.stack.len());
        let made = InstRef::new(class, self.stack.drain(start..));
        Ok(Value::Object(made.map_err(|e| self.alloc_trap(e))?))
    }

    /// Reads stored property `i` (a weak one reads `nil` once its instance is gone).
    #[inline(always)]
    pub(super) fn read_field(&self, o: &InstRef, i: u16) -> R<Value> {
        match o.field(i as usize) {
            Value::Weak(w) => self.read_weak_field(o, i, w),
            v => Ok(v),
        }
    }

    /// Moves stored property `i` out for an access (`c.items.append(x)`, `c.n += 1`), so the
    /// access mutates a unique value; `ObjPut` puts it back. A weak property is read (it
    /// holds no strong value to move), and a lazy one gets its value first.
    pub(super) fn take_field(&mut self, o: &InstRef, i: u16) -> R<Value> {
        match o.take_field(i as usize) {
            Some(Value::Weak(w)) => {
                o.replace_field(i as usize, Value::Weak(w.clone()));
                self.read_weak_field(o, i, w)
            }
            Some(Value::Void) => {
                let v = self.init_lazy(o, i, Value::Void)?;
                drop(o.take_field(i as usize));
                Ok(v)
            }
            Some(v) => Ok(v),
            None => Err(self.internal("stored property out of range")),
        }
    }

    /// A weak or unowned stored property: `nil` (or, unowned, a trap) once its instance is
    /// gone.
    pub(super) fn read_weak_field(&self, o: &InstRef, i: u16, w: instance::InstWeak) -> R<Value> {
        let v = Value::Weak(w);
        Ok(match v {
            Value::Weak(w) => match w.upgrade() {
                Some(strong) => Value::Object(strong),
                None => {
                    let unowned = self
                        .module
                        .env
                        .types
                        .nominals
                        .get(o.get().class as usize)
                        .and_then(|n| n.fields.get(i as usize))
                        .is_some_and(|f| f.unowned);
                    if unowned {
                        return Err(self.trap(TrapKind::unowned_deallocated()));
                    }
                    Value::Nil
                }
            },
            v => v,
        })
    }

    /// A lazy property read before it has a value: run its initializer now and keep it.
    pub(super) fn init_lazy(&mut self, o: &InstRef, i: u16, v: Value) -> R<Value> {
        if !matches!(v, Value::Void) {
            return Ok(v);
        }
        let field = self
            .module
            .env
            .types
            .nominals
            .get(o.get().class as usize)
            .and_then(|n| n.fields.get(i as usize));
        let Some(thunk) = field.filter(|f| f.lazy).and_then(|f| f.default) else {
            if let Some(f) = field.filter(|f| f.ty != crate::sema::types::TypeTable::VOID) {
                // No value: an access in progress moved it out (`take_field`), and this
                // read overlaps it, as Swift's run-time exclusivity check reports.
                let msg = format!(
                    "Simultaneous accesses to '{}', but modification requires exclusive access.",
                    f.name
                );
                return Err(self.trap_with_prefix(msg));
            }
            return Ok(v);
        };
        self.stack.push(Value::Object(o.clone()));
        let value = self.call_function(thunk, None, 1, false)?;
        self.pop();
        self.write_field(o, i, value.clone());
        Ok(value)
    }

    /// Sets stored property `i` (a weak or unowned one keeps a weak reference). The new value
    /// is in place before the old one is released.
    pub(super) fn write_field(&self, o: &InstRef, i: u16, v: Value) {
        // Only an instance reference can need weakening.
        if !matches!(v, Value::Object(_)) {
            if let Some(old) = o.replace_field(i as usize, v) {
                old.release();
            }
            return;
        }
        let info = self
            .module
            .env
            .types
            .nominals
            .get(o.get().class as usize)
            .and_then(|n| n.fields.get(i as usize));
        let v = if info.is_some_and(|f| f.weak || f.unowned) {
            weaken(v)
        } else {
            v
        };
        if let Some(old) = o.replace_field(i as usize, v) {
            old.release();
        }
    }

    /// Deinitialises released instances, depth first, in the order Swift's destroying
    /// destructor uses: the class's `deinit` body, then its superclass's whole destruction
    /// (body and properties), then the class's own stored properties in declaration order.
    /// An instance released meanwhile is finished before the next property.
    pub(super) fn process_releases(&mut self) -> R<()> {
        let module = self.module;
        if !self.any_deinit {
            // No class has a `deinit`: the order of releases cannot be observed, so each
            // instance lets its properties go at once (what they free joins the queue).
            let mut fresh = std::mem::take(&mut self.release_fresh);
            loop {
                instance::drain_pending(&mut fresh);
                if fresh.is_empty() {
                    break;
                }
                for inst in fresh.drain(..) {
                    for i in 0..inst.get().field_count() {
                        if let Some(v) = inst.take_field(i) {
                            v.release();
                        }
                    }
                    inst.finish();
                }
            }
            self.release_fresh = fresh;
            return Ok(());
        }
        // Work items: (instance, class level, step). Step 0 runs the level's deinit body,
        // step 1 hands over to the superclass, steps 2.. release the level's own properties.
        // The buffers are the VM's, reused across calls (a nested call from a deinit body
        // finds them taken and starts its own).
        let mut work = std::mem::take(&mut self.release_work);
        let mut fresh = std::mem::take(&mut self.release_fresh);
        instance::drain_pending(&mut fresh);
        for inst in fresh.drain(..).rev() {
            let class = inst.get().class;
            work.push((inst, class, 0));
        }
        while let Some((inst, level, step)) = work.pop() {
            let Some(info) = module.env.types.nominals.get(level as usize) else {
                inst.finish();
                continue;
            };
            match step {
                0 => {
                    if let Some(d) = info.deinit {
                        self.stack.push(Value::Object(inst.clone()));
                        if let Err(stop) = self.call_function(d, None, 1, false) {
                            work.push((inst, level, 1));
                            return Err(self.abandon_releases(work, fresh, stop));
                        }
                        self.pop();
                    }
                    work.push((inst, level, 1));
                }
                1 => {
                    let sup = info
                        .superclass
                        .and_then(|s| module.env.types.nominal_index(s));
                    work.push((inst.clone(), level, 2));
                    if let Some(sup) = sup {
                        work.push((inst, sup, 0));
                    }
                }
                _ => {
                    let index = info.own_fields_start + step - 2;
                    if index < info.fields.len() {
                        let old = inst.take_field(index);
                        drop(old);
                        work.push((inst, level, step + 1));
                        // Instances this release freed go first (depth first, in release order).
                        instance::drain_pending(&mut fresh);
                        for released in fresh.drain(..).rev() {
                            let class = released.get().class;
                            work.push((released, class, 0));
                        }
                    } else if level == inst.get().class {
                        // The most-derived class is done last: the instance is gone, unless
                        // its deinit stored `self` somewhere (only the VM's own reference
                        // may remain). Swift 5.9+ traps then.
                        let count = inst.strong_count();
                        if count > 1 {
                            let class = info.name.clone();
                            inst.finish();
                            let stop = self.trap_with_prefix(format!(
                                "Object of class {class} deallocated with non-zero retain count \
                                 {count}. This object's deinit, or something called from it, may \
                                 have created a strong reference to self which outlived deinit, \
                                 resulting in a dangling reference."
                            ));
                            return Err(self.abandon_releases(work, fresh, stop));
                        }
                        inst.finish();
                    }
                }
            }
        }
        self.release_work = work;
        self.release_fresh = fresh;
        Ok(())
    }

    /// A `deinit` trapped (or an instance was resurrected) while instances were being
    /// released: the script stops, and what was still being released is let go without its
    /// `deinit` (its stored properties released, the instance finished), so that nothing is
    /// left half-deinitialised (`--mem-debug` would report it as an interpreter leak).
    /// Returns `stop`.
    #[cold]
    fn abandon_releases(
        &mut self,
        mut work: Vec<(InstRef, u32, usize)>,
        mut fresh: Vec<InstRef>,
        stop: Stop,
    ) -> Stop {
        for inst in fresh.drain(..) {
            work.push((inst, 0, 0));
        }
        // An instance can be in the list once per class level: each entry holds a reference,
        // and finishing each is finishing it once more (idempotent).
        while let Some((inst, _, _)) = work.pop() {
            for i in 0..inst.get().field_count() {
                if let Some(v) = inst.take_field(i) {
                    v.release();
                }
            }
            inst.finish();
        }
        self.release_work = work;
        self.release_fresh = fresh;
        stop
    }
}

/// The form a weak or unowned stored property keeps.
pub(super) fn weaken(v: Value) -> Value {
    match v {
        Value::Object(o) => Value::Weak(o.downgrade()),
        other => other,
    }
}
