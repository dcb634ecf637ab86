//! Local functions (`func` inside a function or block).
//!
//! Every local function of a block is named before the block's statements are checked, so
//! local functions can call each other whatever their order (mutual recursion) and a
//! function can call itself. A local function that captures nothing stays a plain
//! function, called directly. One that captures variables becomes a closure bound to its
//! name where it is declared; naming it inside its own body yields the running closure
//! (`CurrentClosure`, or a value captured from it by closures nested inside), never a
//! capture of the variable that holds it, so recursion makes no reference cycle. A
//! capturing local function cannot be used before its declaration (the variables it
//! captures may not exist yet there), as in Swift.
//!
//! A function or closure may name a local function declared after it (`func first() {
//! second() }` before `func second()`): it then captures a *forward slot*, a variable of
//! the enclosing function declared (boxed, empty) before the statement that names it and
//! set where the named function is declared. Using the earlier function before then is
//! swiftc's error "closure captures 'second' before it is declared" (definite
//! initialization checks it).

use std::collections::hash_map::Entry;

use super::ir::*;
use super::types::TypeId;
use super::{Binding, Checker, FuncKind, Resolved};
use crate::syntax::ast::*;

/// A variable standing for a local function named before its declaration.
#[derive(Clone, Copy, Debug)]
pub(super) struct ForwardSlot {
    /// The stack depth of the function whose block declares it.
    depth: usize,
    /// The scope (of that function) that declares it.
    scope: usize,
    /// The variable.
    var: VarId,
    /// Where its `Declare` statement sits in that block's statements, once placed.
    decl_index: Option<usize>,
}

impl<'e, 's> Checker<'e, 's> {
    /// Local function `f` (bound in function `d`) named inside a function nested in `d`
    /// before `f`'s own declaration was checked: a capture of its forward slot.
    pub(super) fn forward_reference(&mut self, f: FuncId, d: usize, name: &str) -> Resolved {
        let var = match self.forward_slots.get(&f) {
            Some(slot) => slot.var,
            None => {
                let ty = self.local_func_type(f);
                let scopes = &self.stack[d].1.scopes;
                let scope = scopes
                    .iter()
                    .rposition(|s| matches!(s.names.get(name), Some(Binding::Func(g)) if *g == f))
                    .unwrap_or(0);
                let locals = &mut self.stack[d].1.ir.locals;
                let var = VarId(u32::try_from(locals.len()).unwrap_or(u32::MAX));
                locals.push(LocalInfo {
                    name: name.to_string(),
                    ty,
                    mutable: true,
                    boxed: true,
                    ownership: Ownership::Strong,
                });
                if let Some(sig) = self.local_func_sigs.get(&f).cloned() {
                    self.local_sigs.insert((self.stack[d].0 .0, var.0), sig);
                }
                self.forward_slots.insert(
                    f,
                    ForwardSlot {
                        depth: d,
                        scope,
                        var,
                        decl_index: None,
                    },
                );
                var
            }
        };
        Resolved::Var(self.capture(d, u64::from(var.0), name))
    }

    /// After a statement of the current block: declares (empty) the forward slots it
    /// created for functions of this block, before it.
    pub(super) fn declare_forward_slots(&mut self, out: &mut Vec<TStmt<'s>>, start: usize) {
        let depth = self.stack.len() - 1;
        let scope = self.cur_ref().scopes.len().saturating_sub(1);
        let mut new: Vec<(FuncId, VarId)> = self
            .forward_slots
            .iter()
            .filter(|(_, s)| s.depth == depth && s.scope == scope && s.decl_index.is_none())
            .map(|(f, s)| (*f, s.var))
            .collect();
        if new.is_empty() {
            return;
        }
        new.sort_by_key(|(_, v)| v.0);
        let span = out.get(start).map_or(Span::new(0, 0), |s| s.span);
        for (k, (f, var)) in new.into_iter().enumerate() {
            out.insert(
                start + k,
                TStmt {
                    kind: TStmtKind::Declare(VarRef::Local(var)),
                    span,
                },
            );
            if let Some(slot) = self.forward_slots.get_mut(&f) {
                slot.decl_index = Some(start + k);
            }
        }
    }

    /// Records the forward slots a capturing local function's closure (bound to `var`)
    /// captures, for definite initialization.
    fn note_forward_captures(&mut self, id: FuncId, var: VarId) {
        let depth = self.stack.len() - 1;
        let slots: Vec<(u32, String)> = self
            .forward_slots
            .values()
            .filter(|s| s.depth == depth)
            .filter_map(|s| {
                let captured = self
                    .done
                    .get(id.0 as usize)?
                    .as_ref()?
                    .captures
                    .iter()
                    .any(|c| matches!(c, CaptureSource::Local(v) if *v == s.var));
                let name = self.cur_ref().ir.locals.get(s.var.0 as usize)?.name.clone();
                captured.then_some((s.var.0, name))
            })
            .collect();
        if !slots.is_empty() {
            let func = self.stack[depth].0 .0;
            self.forward_deps.insert((func, var.0), slots);
        }
    }

    /// Names the local functions declared directly in `stmts` (before checking them).
    pub(super) fn hoist_local_functions(&mut self, stmts: &[Stmt<'_>]) {
        if self.is_top_level() {
            return;
        }
        for s in stmts {
            let StmtKind::Decl(Decl {
                kind: DeclKind::Func(f),
                modifiers,
                ..
            }) = s.kind
            else {
                continue;
            };
            let key = *f as *const FuncDecl<'_> as usize;
            if self.hoisted.contains_key(&key) {
                continue;
            }
            let mut sig = self.signature(f, modifiers.discardable_result);
            self.reserve_default_thunks(f, &mut sig);
            let id = self.reserve_func();
            self.hoisted.insert(key, id);
            self.local_func_sigs.insert(id, sig);
            if let Some(scope) = self.cur().scopes.last_mut() {
                match scope.names.entry(f.name.name.to_string()) {
                    Entry::Occupied(_) => {
                        self.error(
                            format!("invalid redeclaration of '{}'", f.name.name),
                            f.name.span,
                        );
                    }
                    Entry::Vacant(v) => {
                        v.insert(Binding::Func(id));
                    }
                }
            }
        }
    }

    /// A local function where it is declared: checks its body; a capturing one becomes a
    /// closure bound to its name from here on (in its forward slot if it has one).
    pub(super) fn local_function(
        &mut self,
        f: &FuncDecl<'_>,
        span: Span,
        out: &mut Vec<TStmt<'s>>,
    ) {
        let key = f as *const FuncDecl<'_> as usize;
        let Some(&id) = self.hoisted.get(&key) else {
            return;
        };
        let Some(sig) = self.local_func_sigs.get(&id).cloned() else {
            return;
        };
        let late = self.check_function(f, id, &sig, FuncKind::Local);
        let captures = self
            .done
            .get(id.0 as usize)
            .and_then(Option::as_ref)
            .is_some_and(|ir| !ir.captures.is_empty());
        let fty = self.sig_type(&sig);
        let forward = self.forward_slots.get(&id).copied();
        if !captures {
            if let Some(slot) = forward {
                // The earlier functions call it through the slot, which can hold it from
                // the start: it needs nothing that is declared later.
                let value = self.mk(fty, TExprKind::Func(id), span);
                let init = TStmt {
                    kind: TStmtKind::Init(VarRef::Local(slot.var), value),
                    span,
                };
                match slot.decl_index.and_then(|i| out.get_mut(i)) {
                    Some(decl) => {
                        *decl = TStmt {
                            span: decl.span,
                            ..init
                        }
                    }
                    None => out.push(init),
                }
            }
            return;
        }
        if self.early_refs.contains(&id) {
            self.error(
                format!(
                    "local function '{}' captures variables and is used before its declaration; declare it before its first use",
                    f.name.name
                ),
                f.name.span,
            );
        }
        let values = self.slice(late);
        let value = self.mk(fty, TExprKind::Closure(id, values), span);
        if let Some(slot) = forward {
            // The slot was declared (empty) before the first function naming this one:
            // fill it, and let the name stand for it from here on.
            if let Some(scope) = self.cur().scopes.last_mut() {
                scope
                    .names
                    .insert(f.name.name.to_string(), Binding::Var(slot.var));
            }
            self.note_forward_captures(id, slot.var);
            let place: &'s Place<'s> = self.alloc(Place::Var(VarRef::Local(slot.var), fty));
            let value: &'s TExpr<'s> = self.alloc(value);
            let assign = self.mk(
                super::types::TypeTable::VOID,
                TExprKind::Assign(place, value),
                span,
            );
            out.push(TStmt {
                kind: TStmtKind::Expr(assign),
                span,
            });
            return;
        }
        let var = self.declare_var(f.name.name, fty, false);
        if let VarRef::Local(v) = var {
            // Record labels so calls through the local name can check them.
            self.local_sigs.insert((self.cur_func_id(), v.0), sig);
            self.note_forward_captures(id, v);
        }
        out.push(TStmt {
            kind: TStmtKind::Init(var, value),
            span,
        });
    }

    /// The type of a local function bound by name.
    pub(super) fn local_func_type(&mut self, id: FuncId) -> TypeId {
        match self.local_func_sigs.get(&id).cloned() {
            Some(sig) => self.sig_type(&sig),
            None => super::types::TypeTable::ERROR,
        }
    }

    /// The closure of the local function being checked at stack depth `k`, as an
    /// expression of the innermost function: the running closure there, else a value each
    /// closure in between captures when it is made.
    pub(super) fn self_closure(&mut self, k: usize, span: Span) -> TExpr<'s> {
        let top = self.stack.len() - 1;
        self.self_closure_at(k, top, span)
    }

    fn self_closure_at(&mut self, k: usize, d: usize, span: Span) -> TExpr<'s> {
        let id = self.stack.get(k).map_or(FuncId(0), |(id, _)| *id);
        let ty = self.local_func_type(id);
        if d <= k {
            return self.mk(ty, TExprKind::CurrentClosure, span);
        }
        if let Some(&i) = self.stack[d].1.self_closure_captures.get(&k) {
            return self.mk(ty, TExprKind::Var(VarRef::Capture(i)), span);
        }
        let value = self.self_closure_at(k, d - 1, span);
        let name = self.stack[k].1.ir.name.clone();
        let f = &mut self.stack[d].1;
        let i = u32::try_from(f.ir.captures.len()).unwrap_or(u32::MAX);
        f.ir.captures.push(CaptureSource::Value);
        f.ir.capture_names.push(name.clone());
        f.value_captures.insert(i, (name, ty));
        f.late_values.push(value);
        f.self_closure_captures.insert(k, i);
        self.mk(ty, TExprKind::Var(VarRef::Capture(i)), span)
    }
}
