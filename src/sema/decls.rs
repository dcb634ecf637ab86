//! Declarations: written types, functions (hoisted at top level), variables.

use super::ir::{FuncId, Ownership, TExpr, TExprKind, TStmt, TStmtKind, VarRef};
use super::types::{ParamType, Type, TypeId, TypeTable};
use super::{Checker, FuncKind, FuncSig};
use crate::syntax::ast::*;

impl<'e, 's> Checker<'e, 's> {
    /// The type a written type names.
    pub(super) fn resolve_type(&mut self, t: &TypeExpr<'_>) -> TypeId {
        match t.kind {
            TypeKind::Named { path, args } => self.resolve_named(path, args, t.span),
            TypeKind::Array(e) => {
                let e = self.resolve_type(e);
                self.types().array(e)
            }
            TypeKind::Dictionary(k, v) => {
                let k = self.resolve_type(k);
                let v = self.resolve_type(v);
                self.check_hashable(k, t.span);
                self.types().intern(Type::Dictionary(k, v))
            }
            TypeKind::Optional(e) | TypeKind::ImplicitlyUnwrapped(e) => {
                let e = self.resolve_type(e);
                self.types().optional(e)
            }
            TypeKind::Tuple(elems) => {
                let elems: Vec<(Option<String>, TypeId)> = elems
                    .iter()
                    .map(|e| {
                        (
                            e.label.map(|l| l.name.to_string()),
                            self.resolve_type(&e.ty),
                        )
                    })
                    .collect();
                self.types().tuple(elems)
            }
            TypeKind::Function { params, result, .. } => {
                let params: Vec<ParamType> = params
                    .iter()
                    .map(|p| ParamType {
                        ty: self.resolve_type(&p.ty),
                        inout: p.inout,
                    })
                    .collect();
                let result = self.resolve_type(result);
                self.types().intern(Type::Function(params, result))
            }
            TypeKind::SelfType => {
                self.error("'Self' is only available in a type", t.span);
                TypeTable::ERROR
            }
        }
    }

    fn resolve_named(&mut self, path: &[Ident<'_>], args: &[TypeExpr<'_>], span: Span) -> TypeId {
        let [name] = path else {
            let full: Vec<&str> = path.iter().map(|p| p.name).collect();
            let q = full.join(".");
            if let Some(&t) = self.env.aliases.get(&q) {
                if let Some(last) = path.last() {
                    self.check_type_visible(t, last.span);
                }
                return t;
            }
            self.error(format!("cannot find type '{q}' in scope"), span);
            return TypeTable::ERROR;
        };
        let arg_ids: Vec<TypeId> = args.iter().map(|a| self.resolve_type(a)).collect();
        let want = |c: &mut Self, n: usize| -> bool {
            if arg_ids.len() != n {
                let msg = if arg_ids.is_empty() {
                    format!(
                        "reference to generic type '{}' requires arguments in <...>",
                        name.name
                    )
                } else {
                    format!(
                        "generic type '{}' specialized with too many type parameters",
                        name.name
                    )
                };
                c.error(msg, span);
                return false;
            }
            true
        };
        let simple = |c: &mut Self, id: TypeId| -> TypeId {
            if !arg_ids.is_empty() {
                c.error(
                    format!("cannot specialize non-generic type '{}'", name.name),
                    span,
                );
            }
            id
        };
        match name.name {
            "Int" => simple(self, TypeTable::INT),
            "Double" => simple(self, TypeTable::DOUBLE),
            "Bool" => simple(self, TypeTable::BOOL),
            "String" | "Substring" => simple(self, TypeTable::STRING),
            "Character" => simple(self, TypeTable::CHARACTER),
            "Void" => simple(self, TypeTable::VOID),
            "Array" if want(self, 1) => self.types().array(arg_ids[0]),
            "ArraySlice" if want(self, 1) => self.types().array_slice(arg_ids[0]),
            "Set" if want(self, 1) => {
                self.check_hashable(arg_ids[0], span);
                self.types().intern(Type::Set(arg_ids[0]))
            }
            "Optional" if want(self, 1) => self.types().optional(arg_ids[0]),
            "Dictionary" if want(self, 2) => {
                self.check_hashable(arg_ids[0], span);
                self.types()
                    .intern(Type::Dictionary(arg_ids[0], arg_ids[1]))
            }
            "Range" if want(self, 1) => self.types().intern(Type::Range(arg_ids[0])),
            "ClosedRange" if want(self, 1) => self.types().intern(Type::ClosedRange(arg_ids[0])),
            "Array" | "ArraySlice" | "Set" | "Optional" | "Dictionary" | "Range"
            | "ClosedRange" => TypeTable::ERROR,
            "Float" | "Float32" | "Float64" | "Float80" | "CGFloat" => {
                self.error(
                    format!(
                        "'{}' is not supported in SwiftLang; use 'Double'",
                        name.name
                    ),
                    span,
                );
                TypeTable::ERROR
            }
            "Int8" | "Int16" | "Int32" | "Int64" | "UInt" | "UInt8" | "UInt16" | "UInt32"
            | "UInt64" => {
                self.error(
                    format!("'{}' is not supported in SwiftLang; use 'Int'", name.name),
                    span,
                );
                TypeTable::ERROR
            }
            "Any" | "AnyObject" => {
                self.error(format!("'{}' is not supported yet", name.name), span);
                TypeTable::ERROR
            }
            other => match self.env.aliases.get(other) {
                Some(t) => simple(self, *t),
                None => {
                    self.error(format!("cannot find type '{other}' in scope"), span);
                    TypeTable::ERROR
                }
            },
        }
    }

    /// Dictionary keys and set elements must be Hashable.
    fn check_hashable(&mut self, t: TypeId, span: Span) {
        if !self.is_hashable(t) {
            let name = self.ty_name(t);
            self.error(
                format!("type '{name}' does not conform to protocol 'Hashable'"),
                span,
            );
        }
    }

    pub(super) fn is_hashable(&self, t: TypeId) -> bool {
        match self.env.types.get(t) {
            Type::Error
            | Type::Int
            | Type::Double
            | Type::Bool
            | Type::String
            | Type::Character => true,
            Type::Optional(i) | Type::Array(i) | Type::ArraySlice(i) | Type::Set(i) => {
                self.is_hashable(*i)
            }
            Type::Dictionary(k, v) => self.is_hashable(*k) && self.is_hashable(*v),
            Type::Nominal(_) => self.env.types.nominal(t).is_some_and(|n| {
                n.hashable
                    || (n.kind == super::types::NominalKind::Enum
                        && n.cases.iter().all(|c| c.payload.is_none()))
            }),
            _ => false,
        }
    }

    /// Whether values of `t` can be compared with `==`.
    pub(super) fn is_equatable(&self, t: TypeId) -> bool {
        match self.env.types.get(t) {
            Type::Error
            | Type::Int
            | Type::Double
            | Type::Bool
            | Type::String
            | Type::Character
            | Type::Void => true,
            Type::Optional(i)
            | Type::Array(i)
            | Type::ArraySlice(i)
            | Type::Set(i)
            | Type::Range(i)
            | Type::ClosedRange(i) => self.is_equatable(*i),
            Type::Dictionary(k, v) => self.is_equatable(*k) && self.is_equatable(*v),
            Type::Tuple(elems) => elems.iter().all(|(_, t)| self.is_equatable(*t)),
            Type::Nominal(_) => self.env.types.nominal(t).is_some_and(|n| {
                n.equatable
                    || (n.kind == super::types::NominalKind::Enum
                        && n.cases.iter().all(|c| c.payload.is_none()))
            }),
            _ => false,
        }
    }

    /// Registers every top-level function before any statement is checked, so calls may
    /// precede declarations (as in Swift's top-level code).
    pub(super) fn hoist_functions(&mut self, program: &[Stmt<'_>]) {
        // Type aliases first: function signatures may use them.
        self.declare_type_names(program);
        for stmt in program {
            if let StmtKind::Decl(Decl {
                kind: DeclKind::Typealias(name, t),
                ..
            }) = stmt.kind
            {
                let t = self.resolve_type(t);
                self.env.aliases.insert(name.name.to_string(), t);
            }
        }
        self.declare_type_members(program);
        // Room for every top-level function at once: these tables live until the end of the
        // compilation (the signatures for good), and growing them by doubling would leave up
        // to half of them empty.
        let funcs = program
            .iter()
            .filter(|s| {
                matches!(
                    s.kind,
                    StmtKind::Decl(Decl {
                        kind: DeclKind::Func(_),
                        ..
                    })
                )
            })
            .count();
        self.done.reserve(funcs);
        self.hoisted.reserve(funcs);
        let sigs = (self.first_func as usize + self.done.len() + funcs)
            .saturating_sub(self.env.func_sigs.len());
        self.env.func_sigs.reserve(sigs);
        for stmt in program {
            if let StmtKind::Decl(Decl {
                kind: DeclKind::Func(f),
                modifiers,
                ..
            }) = stmt.kind
            {
                let id = self.reserve_func();
                let mut sig = self.signature(f, modifiers.discardable_result);
                self.reserve_default_thunks(f, &mut sig);
                let index = self.global_index(id);
                let slot = index as usize;
                if self.env.func_sigs.len() <= slot {
                    self.env.func_sigs.resize(slot + 1, None);
                }
                if self.env.func_names.get(f.name.name).is_some_and(|ids| {
                    ids.iter().any(|&other| {
                        self.env
                            .func_sigs
                            .get(other as usize)
                            .and_then(|s| s.as_ref())
                            .is_some_and(|s| {
                                s.labels == sig.labels
                                    && s.params == sig.params
                                    && s.result == sig.result
                                    && other >= self.first_func
                            })
                    })
                }) {
                    self.error(
                        format!("invalid redeclaration of '{}'", describe_func(f)),
                        f.name.span,
                    );
                }
                self.env.func_sigs[slot] = Some(sig);
                let names = self
                    .env
                    .func_names
                    .entry(f.name.name.to_string())
                    .or_default();
                // Functions of an earlier REPL entry with the same labels are shadowed.
                names.push(index);
                self.hoisted.insert(*f as *const FuncDecl<'_> as usize, id);
            }
        }
    }

    /// Each default argument value becomes a tiny function of its own, which call sites call
    /// (Swift evaluates defaults at the call, in the declaration's context).
    pub(super) fn check_default_thunks(&mut self, f: &FuncDecl<'_>, sig: &FuncSig) {
        for (i, p) in f.params.iter().enumerate() {
            let (Some(d), Some(Some(thunk))) = (p.default, sig.defaults.get(i)) else {
                continue;
            };
            let Some(id) = thunk.checked_sub(self.first_func).map(FuncId) else {
                continue;
            };
            let t = sig.params.get(i).copied().unwrap_or(TypeTable::ERROR);
            if let ExprKind::Magic(m @ (Magic::Line(_) | Magic::Column(_) | Magic::Function)) =
                d.kind
            {
                // Swift gives the caller's position there; this thunk knows only its own.
                let name = match m {
                    Magic::Line(_) => "#line",
                    Magic::Column(_) => "#column",
                    _ => "#function",
                };
                self.error(
                    format!("'{name}' as a default argument value is not supported yet"),
                    d.span,
                );
            }
            let ctx = self.new_func_ctx(
                format!("default argument of {}", f.name.name),
                FuncKind::Global,
                Some(t),
                d.span,
            );
            self.stack.push((id, ctx));
            let value = self.check_expr_as(
                d,
                t,
                "default argument value of type '{}' cannot be converted to type '{}'",
            );
            let body = self.slice(vec![TStmt {
                kind: TStmtKind::Return(Some(value)),
                span: d.span,
            }]);
            if let Some((done_id, mut ctx)) = self.stack.pop() {
                ctx.ir.body = body;
                self.store_ir(done_id, ctx.ir);
            }
        }
    }

    /// Reserves a thunk function for each default argument of `f`.
    pub(super) fn reserve_default_thunks(&mut self, f: &FuncDecl<'_>, sig: &mut FuncSig) {
        for (i, p) in f.params.iter().enumerate() {
            if p.default.is_some() {
                let id = self.reserve_func();
                if let Some(slot) = sig.defaults.get_mut(i) {
                    *slot = Some(self.global_index(id));
                }
            }
        }
    }

    /// A function's signature from its declaration.
    pub(super) fn signature(&mut self, f: &FuncDecl<'_>, discardable: bool) -> FuncSig {
        let n = f.params.len();
        let mut sig = FuncSig {
            name: f.name.name.to_string(),
            labels: Vec::with_capacity(n),
            params: Vec::with_capacity(n),
            inout: Vec::with_capacity(n),
            variadic: None,
            defaults: Vec::with_capacity(n),
            result: TypeTable::VOID,
            discardable,
        };
        for (i, p) in f.params.iter().enumerate() {
            sig.labels.push(p.label.map(|l| l.name.to_string()));
            let t = self.resolve_type(p.ty);
            if p.variadic {
                if sig.variadic.is_some() {
                    self.error(
                        "only a single variadic parameter '...' is permitted",
                        p.name.span,
                    );
                }
                sig.variadic = Some(i);
            }
            sig.params.push(t);
            sig.inout.push(p.inout);
            sig.defaults.push(None);
        }
        sig.result = f.result.map_or(TypeTable::VOID, |t| self.resolve_type(t));
        sig
    }

    /// The function type of a signature (variadic parameters are arrays inside).
    pub(super) fn sig_type(&mut self, sig: &FuncSig) -> TypeId {
        let params: Vec<ParamType> = sig
            .params
            .iter()
            .zip(&sig.inout)
            .enumerate()
            .map(|(i, (t, io))| {
                let ty = if sig.variadic == Some(i) {
                    self.types().array(*t)
                } else {
                    *t
                };
                ParamType { ty, inout: *io }
            })
            .collect();
        self.types().intern(Type::Function(params, sig.result))
    }

    /// Checks a function's body into function `id`.
    pub(super) fn check_function(
        &mut self,
        f: &FuncDecl<'_>,
        id: FuncId,
        sig: &FuncSig,
        kind: FuncKind,
    ) -> Vec<TExpr<'s>> {
        self.check_default_thunks(f, sig);
        let name = f.name.name.to_string();
        let mut ctx = self.new_func_ctx(name.clone(), kind, Some(sig.result), f.name.span);
        ctx.function_literal = Some(super::nominal::function_literal(&name, f));
        ctx.self_name = Some(name);
        self.stack.push((id, ctx));
        for (i, p) in f.params.iter().enumerate() {
            let mut t = sig.params.get(i).copied().unwrap_or(TypeTable::ERROR);
            if sig.variadic == Some(i) {
                t = self.types().array(t);
            }
            // Parameters are constants; `inout` ones are variables copied back on return.
            self.declare_local(p.name.name, t, p.inout);
            if p.inout {
                self.cur()
                    .ir
                    .inout_params
                    .push(u32::try_from(i).unwrap_or(u32::MAX));
            }
        }
        self.cur().ir.param_count = u32::try_from(f.params.len()).unwrap_or(u32::MAX);
        let body = self.check_body(f.body, sig.result);
        let (done_id, mut ctx) = self.stack.pop().unwrap_or((
            id,
            self.new_func_ctx(String::new(), kind, None, f.name.span),
        ));
        ctx.ir.body = body;
        ctx.ir.result = sig.result;
        self.store_ir(done_id, ctx.ir);
        ctx.late_values
    }

    /// A function or closure body: single-expression bodies return their value; a body that
    /// must return a value and can fall off its end is an error.
    pub(super) fn check_body(&mut self, body: &[Stmt<'_>], result: TypeId) -> &'s [TStmt<'s>] {
        if let [Stmt {
            kind: StmtKind::Expr(e),
            span,
        }] = body
        {
            // `fatalError(...)` returns `Never`: it stands for any result.
            let never = matches!(
                e.kind,
                ExprKind::Call {
                    callee: Expr {
                        kind: ExprKind::Name("fatalError"),
                        ..
                    },
                    ..
                }
            ) && self.lookup("fatalError").is_none();
            if result != TypeTable::VOID && !matches!(e.kind, ExprKind::Assign(..)) && !never {
                let value = self.check_expr_as(
                    e,
                    result,
                    "cannot convert return expression of type '{}' to return type '{}'",
                );
                return self.slice(vec![TStmt {
                    kind: TStmtKind::Return(Some(value)),
                    span: *span,
                }]);
            }
        }
        // A body that is one `if`/`switch` with a value in every branch is that value.
        if let [s] = body {
            if result != TypeTable::VOID && super::stmt_expr::is_single_value_stmt(s) {
                let value = self.single_value(s, &[], Some(result), s.span);
                return self.slice(vec![TStmt {
                    kind: TStmtKind::Return(Some(value)),
                    span: s.span,
                }]);
            }
        }
        let stmts = self.check_block_stmts(body);
        if result != TypeTable::VOID
            && !self.types().is_error(result)
            && !super::stmt::always_exits(stmts)
        {
            let what = match self.cur_ref().kind {
                FuncKind::Closure => "closure",
                FuncKind::Local => "local function",
                _ => "global function",
            };
            let span = body.last().map_or(Span::default(), |s| Span {
                start: s.span.end,
                end: s.span.end,
            });
            let name = self.ty_name(result);
            self.error(
                format!("missing return in {what} expected to return '{name}'"),
                span,
            );
        }
        stmts
    }

    /// A top-level `func` (already hoisted): checks its body.
    pub(super) fn global_function(&mut self, f: &FuncDecl<'_>) {
        let Some(&id) = self.hoisted.get(&(f as *const FuncDecl<'_> as usize)) else {
            return;
        };
        let index = self.global_index(id) as usize;
        let Some(sig) = self.env.func_sigs.get(index).cloned().flatten() else {
            return;
        };
        let _ = self.check_function(f, id, &sig, FuncKind::Global);
    }

    /// `let` / `var` declarations.
    pub(super) fn var_decl(
        &mut self,
        mutable: bool,
        bindings: &[crate::syntax::ast::Binding<'_>],
        modifiers: Modifiers,
        out: &mut Vec<TStmt<'s>>,
    ) {
        if modifiers.is_lazy {
            self.error(
                "'lazy' is supported on stored properties of classes only",
                bindings.first().map_or(Span::default(), |b| b.pattern.span),
            );
        }
        let ownership = if modifiers.is_weak {
            Ownership::Weak
        } else if modifiers.is_unowned {
            Ownership::Unowned
        } else {
            Ownership::Strong
        };
        for (i, b) in bindings.iter().enumerate() {
            // `var a, b: Int`: a name with neither a type nor a value takes the type
            // written after the next name that has one.
            let written_ty = b.ty.or_else(|| {
                if b.init.is_some() {
                    return None;
                }
                bindings.get(i + 1..)?.iter().find_map(|n| n.ty)
            });
            if let Some(acc) = b.accessors {
                let _ = acc;
                self.error(
                    "computed properties and property observers are not supported yet",
                    b.pattern.span,
                );
                continue;
            }
            // `let s: Set = [1, 2]`: a generic type named without arguments takes them from
            // the initial value.
            let bare = written_ty.and_then(|t| match t.kind {
                TypeKind::Named {
                    path: [name],
                    args: [],
                } if matches!(name.name, "Set" | "Array" | "Dictionary") => Some(name.name),
                _ => None,
            });
            let annotated = match (bare, b.init) {
                (Some(kind), Some(init)) => {
                    let probe = self.check_expr(init, None);
                    match (kind, self.types().element_of(probe.ty)) {
                        ("Set", Some(e)) => Some(self.types().intern(Type::Set(e))),
                        _ => Some(probe.ty),
                    }
                }
                _ => written_ty.map(|t| self.resolve_type(t)),
            };
            let value = match (b.init, annotated) {
                (Some(e), Some(t)) => Some(self.check_expr_as(
                    e,
                    t,
                    "cannot convert value of type '{}' to specified type '{}'",
                )),
                (Some(e), None) => {
                    let v = self.check_expr(e, None);
                    if v.ty == TypeTable::VOID && !matches!(e.kind, ExprKind::Tuple([])) {
                        // Swift warns here; it is legal.
                    }
                    Some(v)
                }
                (None, _) => None,
            };
            let ty = match (annotated, value) {
                (Some(t), _) => t,
                (None, Some(v)) => v.ty,
                (None, None) => {
                    self.error("type annotation missing in pattern", b.pattern.span);
                    TypeTable::ERROR
                }
            };
            // `weak var w = instance` is inferred optional (`Person?`).
            let (ty, value) = match value {
                Some(v)
                    if ownership == Ownership::Weak
                        && annotated.is_none()
                        && self.env.types.optional_inner(ty).is_none()
                        && !self.types().is_error(ty) =>
                {
                    let opt = self.types().optional(ty);
                    (
                        opt,
                        Some(self.coerce(
                            v,
                            opt,
                            "cannot convert value of type '{}' to specified type '{}'",
                        )),
                    )
                }
                v => (ty, v),
            };
            match b.pattern.kind {
                PatternKind::Bind(name) => {
                    if !self.is_top_level() {
                        self.check_redeclaration(name);
                    } else if self
                        .env
                        .global_names
                        .get(name.name)
                        .is_some_and(|&g| g as usize >= self.first_global)
                    {
                        // Twice in one file (or one REPL entry); a later entry may shadow.
                        self.error(
                            format!("invalid redeclaration of '{}'", name.name),
                            name.span,
                        );
                    }
                    // A `let` without a value is assigned once later (definite initialization).
                    let var = self.declare_var(name.name, ty, mutable || value.is_none());
                    if !mutable && value.is_none() {
                        let func = self.stack.last().map_or(0, |(id, _)| id.0);
                        let key = match var {
                            VarRef::Global(g) => Some((true, g)),
                            VarRef::Local(v) => Some((false, v.0)),
                            VarRef::Capture(_) => None,
                        };
                        if let Some((global, index)) = key {
                            self.late_lets.insert((func, global, index));
                        }
                    }
                    if ownership != Ownership::Strong {
                        self.check_reference_ownership(ownership, ty, mutable, b.pattern.span);
                        self.set_ownership(var, ownership);
                    }
                    // `var x: Int?` starts as nil.
                    let value = match value {
                        None if mutable && matches!(self.ty(ty), Type::Optional(_)) => {
                            Some(TExpr {
                                ty,
                                kind: TExprKind::Nil,
                                span: b.pattern.span,
                            })
                        }
                        v => v,
                    };
                    let value = value.map(|v| self.value_for_var(var, v));
                    let kind = match value {
                        Some(v) => TStmtKind::Init(var, v),
                        None => {
                            self.repl_uninitialized(b.pattern.span);
                            TStmtKind::Declare(var)
                        }
                    };
                    out.push(TStmt {
                        kind,
                        span: b.pattern.span,
                    });
                }
                PatternKind::Wildcard => {
                    if let Some(v) = value {
                        out.push(TStmt {
                            kind: TStmtKind::Expr(v),
                            span: b.pattern.span,
                        });
                    }
                }
                PatternKind::Tuple(_) => match value {
                    Some(v) => {
                        let subject = self.temp(ty);
                        let pat = self.irrefutable_pattern(b.pattern, ty, mutable);
                        out.push(TStmt {
                            kind: TStmtKind::Destructure(subject, v, pat),
                            span: b.pattern.span,
                        });
                        self.globalize_pattern(b.pattern, out);
                    }
                    None => {
                        self.error("tuple destructuring needs an initial value", b.pattern.span)
                    }
                },
                _ => self.error(
                    "this pattern is not supported in a declaration",
                    b.pattern.span,
                ),
            }
        }
    }

    /// `weak` needs an optional class type and `var`; `unowned` a class type (Swift's rules).
    pub(super) fn check_reference_ownership(
        &mut self,
        ownership: Ownership,
        ty: TypeId,
        mutable: bool,
        span: Span,
    ) {
        if self.types().is_error(ty) {
            return;
        }
        let inner = self.env.types.optional_inner(ty);
        let class_of = |c: &Self, t: TypeId| {
            c.env
                .types
                .nominal(t)
                .is_some_and(|n| n.kind == super::types::NominalKind::Class)
        };
        let word = if ownership == Ownership::Weak {
            "weak"
        } else {
            "unowned"
        };
        let target = inner.unwrap_or(ty);
        if !class_of(self, target) {
            let n = self.ty_name(target);
            self.error(format!("'{word}' may only be applied to class and class-bound protocol types, not '{n}'"), span);
            return;
        }
        if ownership == Ownership::Weak {
            if inner.is_none() {
                let n = self.ty_name(ty);
                self.error(
                    format!("'weak' variable should have optional type '{n}?'"),
                    span,
                );
            } else if !mutable {
                self.error(
                    "'weak' must be a mutable variable, because it may change at runtime",
                    span,
                );
            }
        }
    }

    fn check_redeclaration(&mut self, name: Ident<'_>) {
        let exists = self
            .cur_ref()
            .scopes
            .last()
            .is_some_and(|s| s.names.contains_key(name.name));
        if exists {
            self.error(
                format!("invalid redeclaration of '{}'", name.name),
                name.span,
            );
        }
    }
}

/// `name(label:label:)` as swiftc names a function in messages.
fn describe_func(f: &FuncDecl<'_>) -> String {
    let labels: Vec<Option<String>> = f
        .params
        .iter()
        .map(|p| p.label.map(|l| l.name.to_string()))
        .collect();
    describe_params(f.name.name, &labels)
}

/// `name(label:_:)`.
pub(super) fn describe_params(name: &str, labels: &[Option<String>]) -> String {
    let labels: String = labels
        .iter()
        .map(|l| format!("{}:", l.as_deref().unwrap_or("_")))
        .collect();
    format!("{name}({labels})")
}
