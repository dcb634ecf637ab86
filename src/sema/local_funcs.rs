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

use std::collections::hash_map::Entry;

use super::ir::*;
use super::types::TypeId;
use super::{Binding, Checker, FuncKind};
use crate::syntax::ast::*;

impl<'e, 's> Checker<'e, 's> {
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
    /// closure bound to its name from here on.
    pub(super) fn local_function(&mut self, f: &FuncDecl<'_>, span: Span) -> Option<TStmt<'s>> {
        let key = f as *const FuncDecl<'_> as usize;
        let id = *self.hoisted.get(&key)?;
        let sig = self.local_func_sigs.get(&id)?.clone();
        let late = self.check_function(f, id, &sig, FuncKind::Local);
        let captures = self
            .done
            .get(id.0 as usize)
            .and_then(Option::as_ref)
            .is_some_and(|ir| !ir.captures.is_empty());
        if !captures {
            return None;
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
        let fty = self.sig_type(&sig);
        let var = self.declare_var(f.name.name, fty, false);
        if let VarRef::Local(v) = var {
            // Record labels so calls through the local name can check them.
            self.local_sigs.insert((self.stack.len() - 1, v.0), sig);
        }
        let values = self.slice(late);
        let value = self.mk(fty, TExprKind::Closure(id, values), span);
        Some(TStmt {
            kind: TStmtKind::Init(var, value),
            span,
        })
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
