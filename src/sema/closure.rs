//! Closures: their signatures from context (`ClosureHint`), capture, result inference from
//! the body, and operators used as functions (`sorted(by: <)`).

use super::expr::ClosureHint;
use super::ir::CaptureSource;
use super::ir::*;
use super::types::{ParamType, Type, TypeId, TypeTable};
use super::{Checker, FuncKind};
use crate::syntax::ast::*;
use crate::syntax::token::BinOp;

impl<'e, 's> Checker<'e, 's> {
    /// An operator as a function value: a two-parameter closure applying it, typed from the
    /// expected function type (`(Int, Int) -> Int` for `reduce(0, +)`).
    pub(super) fn operator_function(
        &mut self,
        op: BinOp,
        expected: Option<TypeId>,
        span: Span,
    ) -> TExpr<'s> {
        let hint = expected.and_then(|t| self.hint_from_type(t));
        let Some(ClosureHint { params, .. }) = hint.filter(|h| h.params.len() == 2) else {
            self.error(
                format!(
                    "operator '{}' cannot be used as a value without a function type context",
                    op.spelling()
                ),
                span,
            );
            return self.error_expr(span);
        };
        let (a, b) = (params[0].ty, params[1].ty);
        let (kind, result) = match op {
            BinOp::And | BinOp::Or if a == TypeTable::BOOL && b == TypeTable::BOOL => {
                (None, TypeTable::BOOL)
            }
            _ => match self.binary_kind(op, a, b) {
                Some((k, r)) => (Some(k), r),
                None => {
                    let (x, y) = (self.ty_name(a), self.ty_name(b));
                    self.error(format!("binary operator '{}' cannot be applied to operands of type '{x}' and '{y}'", op.spelling()), span);
                    return self.error_expr(span);
                }
            },
        };
        let id = self.reserve_func();
        let ctx = self.new_func_ctx(
            format!("operator {}", op.spelling()),
            FuncKind::Closure,
            Some(result),
            span,
        );
        self.stack.push((id, ctx));
        let va = self.declare_local("lhs", a, false);
        let vb = self.declare_local("rhs", b, false);
        self.cur().ir.param_count = 2;
        let la = self.mk(a, TExprKind::Var(VarRef::Local(va)), span);
        let lb = self.mk(b, TExprKind::Var(VarRef::Local(vb)), span);
        let (ab, bb) = (self.boxed(la), self.boxed(lb));
        let body_expr = match (kind, op) {
            (Some(k), _) => self.mk(result, TExprKind::Binary(k, ab, bb), span),
            (None, BinOp::And) => self.mk(result, TExprKind::And(ab, bb), span),
            (None, _) => self.mk(result, TExprKind::Or(ab, bb), span),
        };
        let body = self.slice(vec![TStmt {
            kind: TStmtKind::Return(Some(body_expr)),
            span,
        }]);
        if let Some((done_id, mut ctx)) = self.stack.pop() {
            ctx.ir.body = body;
            ctx.ir.result = result;
            self.store_ir(done_id, ctx.ir);
        }
        let fty = self.types().intern(Type::Function(params, result));
        self.mk(fty, TExprKind::Closure(id, &[]), span)
    }

    /// An escaping closure may not capture an `inout` parameter (it could outlive the
    /// access). A closure written directly as a call's argument is taken as non-escaping.
    fn check_inout_capture(&mut self, c: &Closure<'_>, captures: &[CaptureSource]) {
        if self
            .nonescaping
            .contains(&(c as *const Closure<'_> as usize))
        {
            return;
        }
        let f = self.cur_ref();
        let captured = captures.iter().find_map(|s| match s {
            CaptureSource::Local(v) if f.ir.inout_params.contains(&v.0) => {
                f.ir.locals.get(v.0 as usize).map(|l| l.name.clone())
            }
            _ => None,
        });
        if let Some(name) = captured {
            self.error(
                format!("escaping closure captures 'inout' parameter '{name}'"),
                c.span,
            );
        }
    }

    /// A closure hint from an expected function type.
    pub(super) fn hint_from_type(&self, t: TypeId) -> Option<ClosureHint> {
        match self.env.types.get(t) {
            Type::Function(params, result) => Some(ClosureHint {
                params: params.clone(),
                result: Some(*result),
            }),
            Type::Optional(inner) => self.hint_from_type(*inner),
            _ => None,
        }
    }

    /// A closure expression, typed from its hint and its written signature.
    pub(super) fn closure(
        &mut self,
        c: &Closure<'_>,
        hint: Option<ClosureHint>,
        span: Span,
    ) -> TExpr<'s> {
        self.closure_count += 1;
        let name = format!("closure #{}", self.closure_count);
        let written_result = c.result.map(|t| self.resolve_type(t));
        let result = written_result.or(hint
            .as_ref()
            .and_then(|h| h.result)
            .filter(|t| !self.types().is_error(*t)));
        // Capture-list entries are evaluated in the enclosing function when the closure is made.
        let mut capture_values = Vec::with_capacity(c.captures.len());
        for cap in c.captures {
            let value = match cap.value {
                Some(v) => self.check_expr(v, None),
                None if cap.name.name == "self" => {
                    let me = Expr {
                        kind: ExprKind::SelfValue,
                        span: cap.name.span,
                    };
                    self.check_expr(&me, None)
                }
                None => self.name_expr(cap.name.name, None, cap.name.span),
            };
            // `[weak x]` holds an optional weak reference; `[unowned x]` a non-optional one.
            let (source, ty) = match cap.kind {
                CaptureKind::Strong => (CaptureSource::Value, value.ty),
                CaptureKind::Weak | CaptureKind::Unowned => {
                    let inner = self.env.types.optional_inner(value.ty).unwrap_or(value.ty);
                    if !self.is_class_type(inner) && !self.types().is_error(inner) {
                        let n = self.ty_name(value.ty);
                        self.error(
                            format!(
                                "'{}' may only be applied to class types, not '{n}'",
                                if cap.kind == CaptureKind::Weak {
                                    "weak"
                                } else {
                                    "unowned"
                                }
                            ),
                            cap.name.span,
                        );
                    }
                    if cap.kind == CaptureKind::Weak {
                        (CaptureSource::WeakValue, self.types().optional(inner))
                    } else {
                        (CaptureSource::UnownedValue, inner)
                    }
                }
            };
            capture_values.push((cap.name.name.to_string(), value, source, ty));
        }
        let id = self.reserve_func();
        let ctx = self.new_func_ctx(name, FuncKind::Closure, result, c.span);
        self.stack.push((id, ctx));
        for (name, _, source, ty) in &capture_values {
            let f = self.cur();
            let i = u32::try_from(f.ir.captures.len()).unwrap_or(u32::MAX);
            f.ir.captures.push(*source);
            f.ir.capture_names.push(name.clone());
            f.value_captures.insert(i, (name.clone(), *ty));
            if let Some(scope) = f.scopes.last_mut() {
                scope.names.insert(name.clone(), super::Binding::Capture(i));
            }
        }
        let mut params = Vec::new();
        match c.params {
            Some(ps) => {
                if let Some(h) = &hint {
                    if h.params.len() != ps.len() {
                        let (n, m) = (h.params.len(), ps.len());
                        self.error(
                            format!("contextual closure type expects {n} argument{}, but {m} {} used in closure body", if n == 1 { "" } else { "s" }, if m == 1 { "was" } else { "were" }),
                            c.span,
                        );
                    }
                }
                for (i, p) in ps.iter().enumerate() {
                    let from_hint = hint.as_ref().and_then(|h| h.params.get(i)).map(|p| p.ty);
                    let ty = match (p.ty, from_hint) {
                        (Some(t), _) => self.resolve_type(t),
                        (None, Some(t)) => t,
                        (None, None) => {
                            self.error(format!("unable to infer type of a closure parameter '{}' in the current context", p.name.name), p.name.span);
                            TypeTable::ERROR
                        }
                    };
                    let inout = p.inout
                        || hint
                            .as_ref()
                            .and_then(|h| h.params.get(i))
                            .is_some_and(|p| p.inout);
                    self.declare_local(p.name.name, ty, inout);
                    if inout {
                        self.cur()
                            .ir
                            .inout_params
                            .push(u32::try_from(i).unwrap_or(0));
                    }
                    params.push(ParamType { ty, inout });
                }
            }
            None => {
                if let Some(h) = &hint {
                    for (i, p) in h.params.iter().enumerate() {
                        let v = self.declare_local(&format!("${i}"), p.ty, p.inout);
                        if p.inout {
                            self.cur()
                                .ir
                                .inout_params
                                .push(u32::try_from(i).unwrap_or(0));
                        }
                        self.cur().dollar_params.push(v);
                        params.push(*p);
                    }
                }
            }
        }
        self.cur().ir.param_count = u32::try_from(params.len()).unwrap_or(u32::MAX);
        let body = match result {
            Some(r) => self.check_body(c.body, r),
            None => self.infer_body(c.body),
        };
        let result = match result {
            Some(r) => r,
            None => self.cur_ref().inferred_result.unwrap_or(TypeTable::VOID),
        };
        let Some((done_id, mut ctx)) = self.stack.pop() else {
            return self.error_expr(span);
        };
        self.check_inout_capture(c, &ctx.ir.captures);
        ctx.ir.body = body;
        ctx.ir.result = result;
        self.store_ir(done_id, ctx.ir);
        let ty = self.types().intern(Type::Function(params, result));
        let mut values: Vec<TExpr<'s>> = capture_values.into_iter().map(|(_, v, _, _)| v).collect();
        values.append(&mut ctx.late_values);
        let values = self.slice(values);
        self.mk(ty, TExprKind::Closure(id, values), span)
    }

    /// A closure body whose result type is inferred: a single expression gives its type;
    /// otherwise the `return`s decide.
    pub(super) fn infer_body(&mut self, body: &[Stmt<'_>]) -> &'s [TStmt<'s>] {
        if let [Stmt {
            kind: StmtKind::Expr(e),
            span,
        }] = body
        {
            if !matches!(e.kind, ExprKind::Assign(..)) {
                let t = self.check_expr(e, None);
                self.cur().inferred_result = Some(t.ty);
                let kind = if t.ty == TypeTable::VOID {
                    TStmtKind::Expr(t)
                } else {
                    TStmtKind::Return(Some(t))
                };
                return self.slice(vec![TStmt { kind, span: *span }]);
            }
        }
        if let [s] = body {
            if super::stmt_expr::is_single_value_stmt(s) {
                let t = self.closure_single_value(s);
                self.cur().inferred_result = Some(t.ty);
                let kind = if t.ty == TypeTable::VOID {
                    TStmtKind::Expr(t)
                } else {
                    TStmtKind::Return(Some(t))
                };
                return self.slice(vec![TStmt { kind, span: s.span }]);
            }
        }
        self.check_block_stmts(body)
    }
}
