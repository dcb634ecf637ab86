//! Semantic analysis: name resolution and static type checking, producing the typed tree
//! ([`ir`]) the compiler consumes. Nothing reaches the compiler unless the whole file checks.
//!
//! Allocation: the typed tree and the checker's scratch live in the Symbols arena (reset after
//! each compilation); what must outlive the compilation (global names and types, function
//! signatures, the type table) lives in [`ModuleEnv`], owned by the module (Modules).
#![forbid(unsafe_code)]

mod access;
mod builtins;
mod closure;
mod collection_methods;
mod decls;
mod definite_init;
mod exclusivity;
mod expr;
pub mod ir;
mod lazy_globals;
mod local_funcs;
mod member_call;
mod members;
mod metatype;
mod nominal;
mod observers;
mod overloads;
mod pattern;
mod place;
pub mod repl;
mod seq_args;
mod stmt;
mod stmt_expr;
pub mod types;

/// Hash maps keyed by names and addresses: foldhash is several times faster than SipHash
/// on these keys (no map here is iterated into output).
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

use crate::alloc::Allocator;
use crate::diag::Diagnostic;
use crate::syntax::ast::{Decl, DeclKind, Span, Stmt, StmtKind};

use crate::stdlib::Builtin;
use ir::{
    CaptureSource, FuncId, FuncIr, LocalInfo, LoopId, Ownership, TExpr, TExprKind, VarId, VarRef,
};
use types::{Type, TypeId, TypeTable};

/// A global variable of the module.
#[derive(Clone, Debug)]
pub struct GlobalInfo {
    /// Its name.
    pub name: String,
    /// Its type.
    pub ty: TypeId,
    /// Declared with `var`.
    pub mutable: bool,
    /// `weak` / `unowned`.
    pub ownership: Ownership,
    /// A static stored property's initializer (a module function of no arguments): Swift
    /// runs it on the first access, not where the type is declared.
    pub lazy_init: Option<u32>,
}

/// A module-level function's signature.
#[derive(Clone, Debug)]
pub struct FuncSig {
    /// Its base name.
    pub name: String,
    /// Argument labels (`None` for `_`).
    pub labels: Vec<Option<String>>,
    /// Parameter types.
    pub params: Vec<TypeId>,
    /// Which parameters are `inout`.
    pub inout: Vec<bool>,
    /// Which parameter is variadic (its type is the element type).
    pub variadic: Option<usize>,
    /// Which parameters have defaults (index of a global default thunk function).
    pub defaults: Vec<Option<u32>>,
    /// Result type.
    pub result: TypeId,
    /// `@discardableResult`
    pub discardable: bool,
}

/// What a compilation leaves behind for the next (the REPL) and for the VM: globals,
/// functions, types.
#[derive(Debug, Default)]
pub struct ModuleEnv {
    /// Every type used.
    pub types: TypeTable,
    /// Global variables by index.
    pub globals: Vec<GlobalInfo>,
    /// Latest global of each name (a redeclaration shadows).
    pub global_names: HashMap<String, u32>,
    /// Module-level function signatures by function index (`None` for closures etc.).
    pub func_sigs: Vec<Option<FuncSig>>,
    /// Function indices by base name (overloads by label).
    pub func_names: HashMap<String, Vec<u32>>,
    /// `typealias` names.
    pub aliases: HashMap<String, TypeId>,
    /// `import Foundation` seen.
    pub foundation: bool,
    /// Warnings of the last successful compilation, for the caller to print and clear.
    pub warnings: Vec<Diagnostic>,
    /// The script's module name (file stem, or `main`).
    pub module_name: String,
    /// The script's path as given on the command line (`#file`).
    pub script_path: String,
    /// REPL mode (`None` for a script): result names and the bindings to echo.
    pub repl: Option<repl::ReplEnv>,
    /// How many compilations the module has had (a REPL entry is one): `private` regions
    /// are source spans of one compilation.
    pub compilations: u32,
}

/// The checked compilation: functions to compile (index 0 is the top-level code), all
/// numbered from `first_func` in the module's function table.
pub struct Checked<'s> {
    /// The functions, in id order.
    pub funcs: Vec<FuncIr<'s>>,
    /// Module function index of `FuncId(0)`.
    pub first_func: u32,
    /// Globals of the module after this compilation.
    pub global_count: u32,
}

/// Checks `program`, building its typed tree in `arena` (the Symbols subsystem's).
pub fn check<'s>(
    program: &[Stmt<'_>],
    env: &mut ModuleEnv,
    arena: &'s dyn Allocator,
    first_func: u32,
) -> Result<Checked<'s>, Vec<Diagnostic>> {
    let mut c = Checker::new(env, arena, first_func);
    c.check_program(program);
    if c.errors.is_empty() {
        c.check_definite_init();
    }
    let warnings = std::mem::take(&mut c.warnings);
    if c.errors.is_empty() {
        c.env.warnings = warnings;
        let funcs = c.finish();
        Ok(Checked {
            funcs,
            first_func,
            global_count: u32::try_from(env.globals.len()).unwrap_or(u32::MAX),
        })
    } else {
        // Errors and warnings in source order, as swiftc prints them.
        let mut all = c.errors;
        crate::diag::merge_in_source_order(&mut all, warnings);
        Err(all)
    }
}

/// A block scope: names to variables.
#[derive(Default)]
struct Scope {
    names: HashMap<String, Binding>,
}

/// What a name in a scope is bound to.
#[derive(Clone, Copy, Debug)]
enum Binding {
    /// A local variable.
    Var(VarId),
    /// A nested function that captures nothing: called directly.
    Func(FuncId),
    /// A capture-list entry of the function (`[x]`): its capture index.
    Capture(u32),
}

/// A loop or labeled statement in scope.
struct LoopCtx {
    id: LoopId,
    label: Option<String>,
    /// `break` without a label can target it (loops and switch; not plain `if`/`do`).
    breakable: bool,
    /// `continue` can target it (loops only).
    continuable: bool,
}

/// The function being checked.
struct FuncCtx<'s> {
    ir: FuncIr<'s>,
    scopes: Vec<Scope>,
    loops: Vec<LoopCtx>,
    /// Captured variables of enclosing functions: (enclosing function depth, what) → capture
    /// index. `what` is a local (`VarId.0`) or, with bit 32 set, a capture of that function.
    capture_map: HashMap<(usize, u64), u32>,
    /// Capture-list entries (`[x]`): capture index → name and type.
    value_captures: HashMap<u32, (String, TypeId)>,
    /// Expected result type (for `return` checking); `None` while inferring a closure's.
    result: Option<TypeId>,
    /// A closure whose result type is being inferred from its `return`s.
    inferred_result: Option<TypeId>,
    /// What to call the function in messages ("global function", "closure", ...).
    kind: FuncKind,
    /// Set for closures: `$0`, `$1` ... map to these parameters.
    dollar_params: Vec<VarId>,
    /// The variable holding the function itself, for nested functions (self-recursion).
    self_name: Option<String>,
    /// What `#function` says inside it (`greet(_:times:)`), for functions declared with
    /// `func`.
    function_literal: Option<String>,
    /// Values computed in the enclosing function when this closure is made, for captures
    /// added while its body is checked (an enclosing local function's own closure), after
    /// the capture list's values.
    late_values: Vec<ir::TExpr<'s>>,
    /// Capture index of an enclosing local function's own closure, by that function's depth.
    self_closure_captures: HashMap<usize, u32>,
    /// In a method, initializer or accessor: the type of `self` (parameter or local "self").
    self_type: Option<TypeId>,
    /// In a static method: the type whose statics bare names may refer to.
    static_self: Option<TypeId>,
    /// In an initializer: the `self` local and whether the initializer is failable.
    init_of: Option<(VarId, bool)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FuncKind {
    TopLevel,
    Global,
    Local,
    Closure,
}

/// The checker's state.
pub(crate) struct Checker<'e, 's> {
    env: &'e mut ModuleEnv,
    arena: &'s dyn Allocator,
    first_func: u32,
    /// Finished functions, by id (`None` while still being checked).
    done: Vec<Option<FuncIr<'s>>>,
    /// Functions being checked, innermost last, with their ids.
    stack: Vec<(FuncId, FuncCtx<'s>)>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    next_loop: u32,
    closure_count: u32,
    /// Top-level functions registered before checking: declaration address → id.
    hoisted: HashMap<usize, FuncId>,
    /// Signatures of local functions: (declaring function's id, local) → signature (for
    /// labels).
    local_sigs: HashMap<(u32, u32), FuncSig>,
    /// Signatures of local functions bound by name as direct functions (`decls.rs`).
    local_func_sigs: HashMap<FuncId, FuncSig>,
    /// Closure literals written directly as call arguments (non-escaping), by address.
    nonescaping: std::collections::HashSet<usize>,
    /// The number of globals before this compilation (a REPL entry may shadow those).
    first_global: usize,
    /// Local functions referenced directly before their bodies were checked (a forward
    /// or mutually recursive reference): they must capture nothing.
    early_refs: std::collections::HashSet<FuncId>,
    /// Local functions named by a function or closure declared before them, through a
    /// variable of the enclosing function (`local_funcs.rs`).
    forward_slots: HashMap<FuncId, local_funcs::ForwardSlot>,
    /// For definite initialization: (function, local function variable) → the forward
    /// slots its closure captures, each with the name it stands for.
    forward_deps: HashMap<(u32, u32), Vec<(u32, String)>>,
    /// Globals each top-level function or closure (by id) uses, for definite
    /// initialization of the top-level code.
    globals_used: HashMap<u32, Vec<u32>>,
    /// Top-level functions in source order: where each is declared, its id and name.
    top_level_funcs: Vec<(u32, FuncId, Span)>,
    /// User type declarations: declaration address → type.
    type_decls: HashMap<usize, TypeId>,
    /// Trailing closures of the call being checked (they match any parameter label).
    trailing: usize,
    /// Where the argument list of the call being checked starts (its `(`): Swift reports
    /// label mismatches there.
    call_paren: Span,
    /// Current expression nesting (bounded by `expr::MAX_EXPR_DEPTH`).
    expr_depth: u32,
    /// The too-deep error was reported (once is enough).
    too_deep_reported: bool,
    /// Optional-chain nodes being lowered: node address → the unwrapped value to use instead.
    chain_subst: Vec<(usize, ir::TExpr<'s>)>,
    /// `let`s declared without a value (assigned later): (function, is global, index).
    late_lets: std::collections::HashSet<(u32, bool, u32)>,
    /// Initializers whose stored properties must all be set (definite initialisation).
    init_checks: Vec<definite_init::InitCheck>,
    /// What the place being checked is written by (the wording of setter-access errors).
    write_kind: access::WriteKind,
}

impl<'e, 's> Checker<'e, 's> {
    fn new(env: &'e mut ModuleEnv, arena: &'s dyn Allocator, first_func: u32) -> Self {
        let first_global = env.globals.len();
        env.compilations = env.compilations.wrapping_add(1);
        let mut c = Checker {
            first_global,
            nonescaping: std::collections::HashSet::new(),
            env,
            arena,
            first_func,
            done: Vec::new(),
            stack: Vec::new(),
            errors: Vec::new(),
            warnings: Vec::new(),
            next_loop: 0,
            closure_count: 0,
            hoisted: HashMap::default(),
            local_sigs: HashMap::default(),
            local_func_sigs: HashMap::default(),
            early_refs: std::collections::HashSet::new(),
            forward_slots: HashMap::default(),
            forward_deps: HashMap::default(),
            globals_used: HashMap::default(),
            top_level_funcs: Vec::new(),
            chain_subst: Vec::new(),
            expr_depth: 0,
            trailing: 0,
            call_paren: Span::default(),
            type_decls: HashMap::default(),
            too_deep_reported: false,
            late_lets: std::collections::HashSet::new(),
            init_checks: Vec::new(),
            write_kind: access::WriteKind::Assign,
        };
        let main = c.new_func_ctx(
            "main".into(),
            FuncKind::TopLevel,
            Some(TypeTable::VOID),
            Span::default(),
        );
        c.done.push(None);
        c.stack.push((FuncId(0), main));
        c
    }

    fn finish(mut self) -> Vec<FuncIr<'s>> {
        while let Some((id, f)) = self.stack.pop() {
            if let Some(slot) = self.done.get_mut(id.0 as usize) {
                *slot = Some(f.ir);
            }
        }
        // Every reserved id keeps its position (function indices are fixed at reservation);
        // an id reserved but never filled (a scratch check) becomes an empty function.
        self.done
            .into_iter()
            .map(|f| {
                f.unwrap_or_else(|| FuncIr {
                    name: "<unused>".into(),
                    param_count: 0,
                    inout_params: Vec::new(),
                    locals: Vec::new(),
                    body: &[],
                    captures: Vec::new(),
                    capture_names: Vec::new(),
                    result: TypeTable::VOID,
                    span: Span::default(),
                })
            })
            .collect()
    }

    // ------------------------------------------------------------ errors and arena

    fn error(&mut self, message: impl Into<String>, span: Span) {
        self.errors.push(Diagnostic::error(message, span));
    }

    fn warn(&mut self, message: impl Into<String>, span: Span) {
        self.warnings.push(Diagnostic::warning(message, span));
    }

    fn error_with_note(&mut self, message: impl Into<String>, span: Span, note: impl Into<String>) {
        self.errors
            .push(Diagnostic::error(message, span).with_note(note, span));
    }

    /// Moves a value into the Symbols arena.
    fn alloc<T: Copy>(&mut self, v: T) -> &'s T {
        match self.arena.alloc_value(v) {
            Ok(r) => r,
            Err(e) => {
                self.error(e.to_string(), Span::default());
                Box::leak(Box::new(v))
            }
        }
    }

    /// Copies a vector into the Symbols arena.
    fn slice<T: Copy>(&mut self, v: Vec<T>) -> &'s [T] {
        if v.is_empty() {
            return &[];
        }
        match self.arena.alloc_slice(&v) {
            Ok(r) => r,
            Err(e) => {
                self.error(e.to_string(), Span::default());
                Box::leak(v.into_boxed_slice())
            }
        }
    }

    fn text(&mut self, s: &str) -> &'s str {
        match self.arena.alloc_text(s) {
            Ok(r) => r,
            Err(e) => {
                self.error(e.to_string(), Span::default());
                Box::leak(s.to_string().into_boxed_str())
            }
        }
    }

    fn types(&mut self) -> &mut TypeTable {
        &mut self.env.types
    }

    fn ty_name(&self, t: TypeId) -> String {
        self.env.types.name(t)
    }

    fn ty(&self, t: TypeId) -> Type {
        self.env.types.get(t).clone()
    }

    // ------------------------------------------------------------ functions and scopes

    fn new_func_ctx(
        &mut self,
        name: String,
        kind: FuncKind,
        result: Option<TypeId>,
        span: Span,
    ) -> FuncCtx<'s> {
        FuncCtx {
            ir: FuncIr {
                name,
                param_count: 0,
                inout_params: Vec::new(),
                locals: Vec::new(),
                body: &[],
                captures: Vec::new(),
                capture_names: Vec::new(),
                result: result.unwrap_or(TypeTable::VOID),
                span,
            },
            scopes: vec![Scope::default()],
            loops: Vec::new(),
            capture_map: HashMap::default(),
            value_captures: HashMap::default(),
            result,
            inferred_result: None,
            kind,
            dollar_params: Vec::new(),
            self_name: None,
            function_literal: None,
            late_values: Vec::new(),
            self_closure_captures: HashMap::default(),
            self_type: None,
            static_self: None,
            init_of: None,
        }
    }

    /// Files a checked function's IR under its id. Its vectors are trimmed first: they live
    /// until the compilation ends, one set per function, and most hold a few entries.
    fn store_ir(&mut self, id: FuncId, mut ir: FuncIr<'s>) {
        ir.locals.shrink_to_fit();
        ir.inout_params.shrink_to_fit();
        ir.captures.shrink_to_fit();
        ir.capture_names.shrink_to_fit();
        if let Some(slot) = self.done.get_mut(id.0 as usize) {
            *slot = Some(ir);
        }
    }

    /// Reserves a function id (its body is checked later).
    fn reserve_func(&mut self) -> FuncId {
        self.done.push(None);
        FuncId(u32::try_from(self.done.len() - 1).unwrap_or(u32::MAX))
    }

    /// Module-wide index of a function of this compilation.
    fn global_index(&self, f: FuncId) -> u32 {
        self.first_func + f.0
    }

    fn cur(&mut self) -> &mut FuncCtx<'s> {
        // The stack always holds the top-level function; `new` pushes it.
        let last = self.stack.len() - 1;
        &mut self.stack[last].1
    }

    fn cur_ref(&self) -> &FuncCtx<'s> {
        let last = self.stack.len() - 1;
        &self.stack[last].1
    }

    /// The id of the function being checked.
    fn cur_func_id(&self) -> u32 {
        self.stack.last().map_or(0, |(id, _)| id.0)
    }

    fn is_top_level(&self) -> bool {
        self.stack.len() == 1 && self.cur_ref().scopes.len() == 1
    }

    fn push_scope(&mut self) {
        self.cur().scopes.push(Scope::default());
    }

    fn pop_scope(&mut self) {
        let f = self.cur();
        if f.scopes.len() > 1 {
            f.scopes.pop();
        }
    }

    /// Declares a local variable in the innermost scope.
    fn declare_local(&mut self, name: &str, ty: TypeId, mutable: bool) -> VarId {
        let f = self.cur();
        let id = VarId(u32::try_from(f.ir.locals.len()).unwrap_or(u32::MAX));
        f.ir.locals.push(LocalInfo {
            name: name.to_string(),
            ty,
            mutable,
            boxed: false,
            ownership: Ownership::Strong,
        });
        if name != "_" {
            if let Some(scope) = f.scopes.last_mut() {
                scope.names.insert(name.to_string(), Binding::Var(id));
            }
        }
        id
    }

    /// A hidden local (loop counters, switch subjects, chain temporaries).
    fn temp(&mut self, ty: TypeId) -> VarId {
        let f = self.cur();
        let id = VarId(u32::try_from(f.ir.locals.len()).unwrap_or(u32::MAX));
        f.ir.locals.push(LocalInfo {
            name: String::new(),
            ty,
            mutable: true,
            boxed: false,
            ownership: Ownership::Strong,
        });
        id
    }

    /// Declares a variable where it is written: a global at top level, a local elsewhere.
    fn declare_var(&mut self, name: &str, ty: TypeId, mutable: bool) -> VarRef {
        if self.is_top_level() && name != "_" {
            let index = u32::try_from(self.env.globals.len()).unwrap_or(u32::MAX);
            self.env.globals.push(GlobalInfo {
                name: name.to_string(),
                ty,
                mutable,
                ownership: Ownership::Strong,
                lazy_init: None,
            });
            self.env.global_names.insert(name.to_string(), index);
            self.repl_bound(index);
            VarRef::Global(index)
        } else {
            VarRef::Local(self.declare_local(name, ty, mutable))
        }
    }

    fn local_info(&self, depth: usize, v: VarId) -> Option<&LocalInfo> {
        self.stack
            .get(depth)
            .and_then(|(_, f)| f.ir.locals.get(v.0 as usize))
    }

    /// What a variable reference's type and mutability are.
    fn var_info(&self, r: VarRef) -> (TypeId, bool, String) {
        match r {
            VarRef::Local(v) => self
                .local_info(self.stack.len() - 1, v)
                .map_or((TypeTable::ERROR, false, String::new()), |l| {
                    (l.ty, l.mutable, l.name.clone())
                }),
            VarRef::Global(g) => self
                .env
                .globals
                .get(g as usize)
                .map_or((TypeTable::ERROR, false, String::new()), |g| {
                    (g.ty, g.mutable, g.name.clone())
                }),
            VarRef::Capture(i) => self.capture_info(self.stack.len() - 1, i),
        }
    }

    /// Whether a variable is `weak` or `unowned` (followed through captures).
    fn var_ownership(&self, r: VarRef) -> Ownership {
        match r {
            VarRef::Local(v) => self
                .local_info(self.stack.len() - 1, v)
                .map_or(Ownership::Strong, |l| l.ownership),
            VarRef::Global(g) => self
                .env
                .globals
                .get(g as usize)
                .map_or(Ownership::Strong, |g| g.ownership),
            VarRef::Capture(i) => self.capture_ownership(self.stack.len() - 1, i),
        }
    }

    fn capture_ownership(&self, depth: usize, i: u32) -> Ownership {
        let Some((_, f)) = self.stack.get(depth) else {
            return Ownership::Strong;
        };
        let found = f
            .capture_map
            .iter()
            .find(|(_, idx)| **idx == i)
            .map(|(k, _)| *k);
        match found {
            Some((d, key)) if key >> 32 == 0 => self
                .local_info(d, VarId(key as u32))
                .map_or(Ownership::Strong, |l| l.ownership),
            Some((d, key)) => self.capture_ownership(d, key as u32),
            None => Ownership::Strong,
        }
    }

    fn set_ownership(&mut self, r: VarRef, ownership: Ownership) {
        match r {
            VarRef::Local(v) => {
                if let Some(l) = self.cur().ir.locals.get_mut(v.0 as usize) {
                    l.ownership = ownership;
                }
            }
            VarRef::Global(g) => {
                if let Some(g) = self.env.globals.get_mut(g as usize) {
                    g.ownership = ownership;
                }
            }
            VarRef::Capture(_) => {}
        }
    }

    /// Reads a variable: a `weak` one yields its instance or `nil`, an `unowned` one its
    /// instance (trapping once it is gone).
    fn read_var(&mut self, r: VarRef, ty: TypeId, span: Span) -> TExpr<'s> {
        let var = TExpr {
            ty,
            kind: TExprKind::Var(r),
            span,
        };
        let load = match self.var_ownership(r) {
            Ownership::Strong => return var,
            Ownership::Weak => Builtin::WeakLoad,
            Ownership::Unowned => Builtin::UnownedLoad,
        };
        let args = self.slice(vec![var]);
        TExpr {
            ty,
            kind: TExprKind::Builtin(load, args),
            span,
        }
    }

    /// The value stored into a variable: a `weak` or `unowned` one keeps a weak reference.
    fn value_for_var(&mut self, r: VarRef, value: TExpr<'s>) -> TExpr<'s> {
        if self.var_ownership(r) == Ownership::Strong {
            return value;
        }
        let (ty, span) = (value.ty, value.span);
        let args = self.slice(vec![value]);
        TExpr {
            ty,
            kind: TExprKind::Builtin(Builtin::WeakRef, args),
            span,
        }
    }

    /// Type, mutability and name of capture `i` of the function at `depth`.
    fn capture_info(&self, depth: usize, i: u32) -> (TypeId, bool, String) {
        let Some((_, f)) = self.stack.get(depth) else {
            return (TypeTable::ERROR, false, String::new());
        };
        if let Some((name, ty)) = f.value_captures.get(&i) {
            return (*ty, false, name.clone());
        }
        let found = f
            .capture_map
            .iter()
            .find(|(_, idx)| **idx == i)
            .map(|(k, _)| *k);
        match found {
            Some((d, key)) if key >> 32 == 0 => match self.local_info(d, VarId(key as u32)) {
                Some(l) => (l.ty, l.mutable, l.name.clone()),
                None => (TypeTable::ERROR, false, String::new()),
            },
            Some((d, key)) => self.capture_info(d, key as u32),
            None => (TypeTable::ERROR, false, String::new()),
        }
    }

    /// Resolves a name to a variable or function, capturing through enclosing closures.
    fn lookup(&mut self, name: &str) -> Option<Resolved> {
        let depth = self.stack.len() - 1;
        for d in (0..=depth).rev() {
            let found = self.stack[d]
                .1
                .scopes
                .iter()
                .rev()
                .find_map(|s| s.names.get(name).copied());
            let Some(binding) = found else {
                continue;
            };
            return Some(match binding {
                // A local function named inside its own body is its running closure.
                Binding::Func(f) => match (d + 1..=depth).find(|&k| self.stack[k].0 == f) {
                    Some(k) => Resolved::SelfClosure(k),
                    None => {
                        if self.done.get(f.0 as usize).is_some_and(Option::is_none) {
                            if d < depth {
                                // Named inside a function declared before it.
                                return Some(self.forward_reference(f, d, name));
                            }
                            self.early_refs.insert(f);
                        }
                        Resolved::Func(f)
                    }
                },
                Binding::Var(v) if d == depth => Resolved::Var(VarRef::Local(v)),
                Binding::Var(v) => Resolved::Var(self.capture(d, u64::from(v.0), name)),
                Binding::Capture(i) if d == depth => Resolved::Var(VarRef::Capture(i)),
                Binding::Capture(i) => {
                    Resolved::Var(self.capture(d, (1 << 32) | u64::from(i), name))
                }
            });
        }
        if let Some(&g) = self.env.global_names.get(name) {
            if let Some((root, _)) = self.stack.get(1) {
                let used = self.globals_used.entry(root.0).or_default();
                if !used.contains(&g) {
                    used.push(g);
                }
            }
            return Some(Resolved::Var(VarRef::Global(g)));
        }
        if let Some(ids) = self.env.func_names.get(name) {
            return Some(Resolved::GlobalFuncs(ids.clone()));
        }
        None
    }

    /// Makes variable `v` of function `depth` available to the innermost function, threading
    /// it through every closure in between.
    fn capture(&mut self, depth: usize, key: u64, name: &str) -> VarRef {
        let mut source = if key >> 32 == 0 {
            let v = VarId(key as u32);
            if let Some(l) = self
                .stack
                .get_mut(depth)
                .and_then(|(_, f)| f.ir.locals.get_mut(v.0 as usize))
            {
                l.boxed = true;
            }
            CaptureSource::Local(v)
        } else {
            CaptureSource::Capture(key as u32)
        };
        let top = self.stack.len() - 1;
        let mut index = 0;
        for d in depth + 1..=top {
            let f = &mut self.stack[d].1;
            index = match f.capture_map.get(&(depth, key)) {
                Some(i) => *i,
                None => {
                    let i = u32::try_from(f.ir.captures.len()).unwrap_or(u32::MAX);
                    f.ir.captures.push(source);
                    f.ir.capture_names.push(name.to_string());
                    f.capture_map.insert((depth, key), i);
                    i
                }
            };
            source = CaptureSource::Capture(index);
        }
        VarRef::Capture(index)
    }

    fn new_loop(&mut self, label: Option<&str>, breakable: bool, continuable: bool) -> LoopId {
        let id = LoopId(self.next_loop);
        self.next_loop += 1;
        self.cur().loops.push(LoopCtx {
            id,
            label: label.map(str::to_string),
            breakable,
            continuable,
        });
        id
    }

    fn pop_loop(&mut self) {
        self.cur().loops.pop();
    }

    fn check_program(&mut self, program: &[Stmt<'_>]) {
        self.hoist_functions(program);
        let body = self.check_block_stmts(program);
        self.cur().ir.body = body;
        // Top-level functions and types' members see every global of the file, wherever
        // it is declared.
        for stmt in program {
            match stmt.kind {
                StmtKind::Decl(Decl {
                    kind: DeclKind::Func(f),
                    ..
                }) => {
                    if let Some(&id) = self
                        .hoisted
                        .get(&(*f as *const crate::syntax::ast::FuncDecl<'_> as usize))
                    {
                        self.top_level_funcs
                            .push((stmt.span.start, id, f.name.span));
                    }
                    self.global_function(f);
                }
                StmtKind::Decl(Decl {
                    kind: DeclKind::Type(_, t),
                    ..
                }) => self.check_type_decl(t),
                _ => {}
            }
        }
    }
}

/// What a name resolves to.
#[derive(Clone, Debug)]
enum Resolved {
    Var(VarRef),
    Func(FuncId),
    /// A local function named inside its own body (at this stack depth).
    SelfClosure(usize),
    GlobalFuncs(Vec<u32>),
}
