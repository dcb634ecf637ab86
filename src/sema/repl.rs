//! The REPL's part of semantic analysis (off for `swiftlang run`: [`ModuleEnv::repl`] is
//! `None` there).
//!
//! In REPL mode a top-level expression statement of non-`Void` type becomes the declaration
//! of the next result global, `$R0`, `$R1`, ... (`x * 2` checks as `let $R0 = x * 2`), and every
//! top-level name an entry binds is recorded ([`ReplEnv::bound`]) so that the REPL can echo
//! it after the entry ran. A failed entry must leave no trace: [`ModuleEnv::mark`] and
//! [`ModuleEnv::rollback`] undo what checking it added to the environment.
//!
//! Allocation: [`ReplEnv`] lives in the module's environment (Modules), like the globals.
#![forbid(unsafe_code)]

/// Hash maps keyed by names and addresses: foldhash is several times faster than SipHash
/// on these keys (no map here is iterated into output).
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

use super::ir::{TExpr, TExprKind, TStmt, TStmtKind, VarRef};
use super::types::{Type, TypeId, TypeTable};
use super::{Binding, Checker, ModuleEnv};
use crate::syntax::ast::{Pattern, PatternKind, Span};

/// What a REPL session's environment keeps beyond a script's.
#[derive(Clone, Debug, Default)]
pub struct ReplEnv {
    /// Result names handed out so far: the next is `$R{results}`.
    pub results: u32,
    /// The globals the entry being checked (or last checked) binds at top level, in
    /// declaration order: user declarations and `$R` results alike.
    pub bound: Vec<u32>,
    /// User types declared before the entry being checked (it may declare their names again).
    pub nominals_before: usize,
}

/// What [`ModuleEnv::rollback`] restores: the environment before an entry was checked.
#[derive(Clone, Debug)]
pub struct EnvMark {
    globals: usize,
    functions: usize,
    func_sigs: usize,
    aliases: HashMap<String, TypeId>,
    foundation: bool,
    results: u32,
}

impl ModuleEnv {
    /// Turns REPL mode on (result names, bindings recorded).
    pub fn enable_repl(&mut self) {
        if self.repl.is_none() {
            self.repl = Some(ReplEnv::default());
        }
    }

    /// Starts an entry: forgets the previous entry's bindings and remembers the environment
    /// as it is (`functions` is the module's function count, where the entry's start).
    pub fn mark(&mut self, functions: usize) -> EnvMark {
        let results = match &mut self.repl {
            Some(r) => {
                r.bound.clear();
                r.nominals_before = self.types.nominals.len();
                r.results
            }
            None => 0,
        };
        EnvMark {
            globals: self.globals.len(),
            functions,
            func_sigs: self.func_sigs.len(),
            aliases: self.aliases.clone(),
            foundation: self.foundation,
            results,
        }
    }

    /// Undoes everything checking an entry added since `mark`: its globals (a name it
    /// redeclared is bound to the earlier global again), functions, aliases and type names,
    /// the `import`, the result names. Types it interned stay in the table, unused.
    ///
    /// Fields added to [`ModuleEnv`] that an entry can change need restoring here too.
    pub fn rollback(&mut self, mark: &EnvMark) {
        let removed: Vec<String> = self
            .globals
            .drain(mark.globals.min(self.globals.len())..)
            .map(|g| g.name)
            .collect();
        for name in removed {
            if self
                .global_names
                .get(&name)
                .is_some_and(|&g| g as usize >= mark.globals)
            {
                self.rebind_global(&name, mark.globals);
            }
        }
        self.func_sigs.truncate(mark.func_sigs);
        let first = u32::try_from(mark.functions).unwrap_or(u32::MAX);
        self.func_names.retain(|_, ids| {
            ids.retain(|&id| id < first);
            !ids.is_empty()
        });
        self.aliases.clone_from(&mark.aliases);
        self.foundation = mark.foundation;
        if let Some(r) = &mut self.repl {
            r.results = mark.results;
            r.bound.clear();
        }
    }

    /// Binds `name` to the latest global of that name below index `limit` (or unbinds it).
    pub fn rebind_global(&mut self, name: &str, limit: usize) {
        let end = limit.min(self.globals.len());
        match self.globals[..end].iter().rposition(|g| g.name == name) {
            Some(i) => {
                self.global_names
                    .insert(name.to_string(), u32::try_from(i).unwrap_or(u32::MAX));
            }
            None => {
                self.global_names.remove(name);
            }
        }
    }
}

/// Whether a value of type `ty` is shown by the REPL (`Void`, and `Void?` from an optional
/// chain ending in a `Void` call, are not; nor is a type error).
pub fn is_shown(types: &TypeTable, ty: TypeId) -> bool {
    match types.get(ty) {
        Type::Void | Type::Error => false,
        Type::Optional(inner) => !matches!(types.get(*inner), Type::Void),
        _ => true,
    }
}

impl<'e, 's> Checker<'e, 's> {
    /// A top-level expression statement: in the REPL, `let $Rn = e` when `e` has a value to
    /// show; otherwise the expression, evaluated for its effect.
    pub(super) fn repl_result(&mut self, e: TExpr<'s>) -> TStmtKind<'s> {
        let Some(n) = self.env.repl.as_ref().map(|r| r.results) else {
            return TStmtKind::Expr(e);
        };
        if !self.is_top_level() || !is_shown(&self.env.types, e.ty) {
            return TStmtKind::Expr(e);
        }
        if let Some(r) = &mut self.env.repl {
            r.results = n.saturating_add(1);
        }
        let var = self.declare_var(&format!("$R{n}"), e.ty, false);
        TStmtKind::Init(var, e)
    }

    /// A global was declared at top level: the REPL echoes it.
    pub(super) fn repl_bound(&mut self, global: u32) {
        if let Some(r) = &mut self.env.repl {
            r.bound.push(global);
        }
    }

    /// `let (a, b) = t` at top level: the destructuring bound locals of the top-level code;
    /// make each a global, as a plain `let a = ...` at top level is (so that functions see
    /// them, in a script as in the REPL, and later entries do). The local stays as the
    /// destructuring's target; the name now means the global.
    pub(super) fn globalize_pattern(&mut self, pattern: &Pattern<'_>, out: &mut Vec<TStmt<'s>>) {
        if !self.is_top_level() {
            return;
        }
        let mut names = Vec::new();
        bound_names(pattern, &mut names);
        for name in names {
            let found = self
                .cur_ref()
                .scopes
                .last()
                .and_then(|s| s.names.get(name))
                .copied();
            let Some(Binding::Var(local)) = found else {
                continue;
            };
            let Some((ty, mutable)) = self
                .cur_ref()
                .ir
                .locals
                .get(local.0 as usize)
                .map(|l| (l.ty, l.mutable))
            else {
                continue;
            };
            if let Some(scope) = self.cur().scopes.last_mut() {
                scope.names.remove(name);
            }
            let global = self.declare_var(name, ty, mutable);
            let value = TExpr {
                ty,
                kind: TExprKind::Var(VarRef::Local(local)),
                span: pattern.span,
            };
            out.push(TStmt {
                kind: TStmtKind::Init(global, value),
                span: pattern.span,
            });
        }
    }

    /// A type declared again in a later entry shadows the earlier one, as `swift repl`
    /// allows (values of the old type keep it); twice in one entry is still an error.
    pub(super) fn repl_may_redeclare_type(&self, name: &str) -> bool {
        let Some(r) = &self.env.repl else {
            return false;
        };
        match self
            .env
            .aliases
            .get(name)
            .and_then(|&ty| self.env.types.nominal_index(ty))
        {
            Some(index) => (index as usize) < r.nominals_before,
            None => true,
        }
    }

    /// `var x: Int` at the REPL's top level: the REPL has no later statement of the same
    /// entry to initialize it, so Swift's REPL asks for a value (and so do we).
    pub(super) fn repl_uninitialized(&mut self, span: Span) {
        if self.env.repl.is_some() && self.is_top_level() {
            self.error("variables currently must have an initial value when entered at the top level of the REPL", span);
        }
    }
}

/// The names a declaration's pattern binds, in order.
fn bound_names<'a>(p: &Pattern<'a>, names: &mut Vec<&'a str>) {
    match p.kind {
        PatternKind::Bind(name) if name.name != "_" && !names.contains(&name.name) => {
            names.push(name.name)
        }
        PatternKind::Binding { inner, .. }
        | PatternKind::Optional(inner)
        | PatternKind::As(inner, _) => bound_names(inner, names),
        PatternKind::Typed(inner, _) => bound_names(inner, names),
        PatternKind::Tuple(items) => {
            for item in items {
                bound_names(item, names);
            }
        }
        PatternKind::EnumCase {
            payload: Some(items),
            ..
        } => {
            for item in items {
                bound_names(item, names);
            }
        }
        _ => {}
    }
}
