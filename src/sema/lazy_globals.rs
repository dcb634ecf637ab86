//! Static stored properties are lazy, as in Swift: each initializer is a function of its
//! own that the VM runs on the property's first access (`print(G.a)` may come before
//! `struct G { static var a = 5 }` in the file), once.

use super::ir::*;
use super::{Checker, FuncKind};
use crate::syntax::ast::*;

impl<'e, 's> Checker<'e, 's> {
    /// Checks the initializer `e` of static stored property `global` (of type `ty`) into its
    /// lazy-initializer function.
    pub(super) fn check_static_init(
        &mut self,
        global: u32,
        ty: super::types::TypeId,
        e: &Expr<'_>,
    ) {
        let Some(thunk) = self
            .env
            .globals
            .get(global as usize)
            .and_then(|g| g.lazy_init)
        else {
            return;
        };
        let Some(id) = thunk.checked_sub(self.first_func).map(FuncId) else {
            return;
        };
        let name = self
            .env
            .globals
            .get(global as usize)
            .map_or_else(String::new, |g| format!("static {}", g.name));
        let ctx = self.new_func_ctx(name, FuncKind::Global, Some(ty), e.span);
        self.stack.push((id, ctx));
        let value = self.check_expr_as(
            e,
            ty,
            "cannot convert value of type '{}' to specified type '{}'",
        );
        let body = self.slice(vec![TStmt {
            kind: TStmtKind::Return(Some(value)),
            span: e.span,
        }]);
        if let Some((done_id, mut ctx)) = self.stack.pop() {
            ctx.ir.body = body;
            ctx.ir.result = ty;
            self.store_ir(done_id, ctx.ir);
        }
    }
}
