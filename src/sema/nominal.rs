//! User types (structs, enums, classes): their declaration and the checking of their
//! members' bodies. Using them (construction, member calls) is in `member_call.rs`.
//!
//! Declaration happens in two passes before any statement is checked (so types, methods and
//! initializers can be used before they are written): names first, then members (field
//! types, method signatures, cases). Member bodies are checked where the declaration stands.
//!
//! Methods are module functions whose parameter 0 is `self` (`inout` for `mutating`
//! methods of value types); initializers build `self` in a local and return it.

use super::ir::*;
use super::types::{
    CaseInfo, ComputedInfo, FieldInfo, MethodInfo, NominalKind, RawValue, TypeId, TypeTable,
};
use super::{Checker, FuncKind};
use crate::syntax::ast::*;

/// How a member name resolves on a value of a user type.
#[derive(Clone, Debug)]
pub(super) enum Member {
    /// A stored property: its index and type.
    Field(u32, TypeId),
    /// A computed property.
    Computed(ComputedInfo),
    /// A method.
    Method(MethodInfo),
}

impl<'e, 's> Checker<'e, 's> {
    /// Pass 1: registers the name of every top-level type.
    pub(super) fn declare_type_names(&mut self, program: &[Stmt<'_>]) {
        for stmt in program {
            if let StmtKind::Decl(
                decl @ Decl {
                    kind: DeclKind::Type(kind, t),
                    ..
                },
            ) = stmt.kind
            {
                if (self.env.aliases.contains_key(t.name.name)
                    && !self.repl_may_redeclare_type(t.name.name))
                    || self.is_builtin_type_name(t.name.name)
                {
                    self.error(
                        format!("invalid redeclaration of '{}'", t.name.name),
                        t.name.span,
                    );
                    continue;
                }
                self.check_access_modifiers(decl, None);
                self.declare_type_name(*kind, t, None, decl, None);
            }
        }
    }

    /// Registers a type and, recursively, the types nested in it (`Outer.Inner`; the short
    /// name is usable too when nothing else has it).
    fn declare_type_name(
        &mut self,
        kind: TypeDeclKind,
        t: &TypeDecl<'_>,
        outer: Option<&str>,
        decl: &Decl<'_>,
        outer_region: Option<super::types::Region>,
    ) {
        let nk = match kind {
            TypeDeclKind::Class => NominalKind::Class,
            TypeDeclKind::Struct => NominalKind::Struct,
            TypeDeclKind::Enum => NominalKind::Enum,
        };
        let qualified = match outer {
            Some(o) => format!("{o}.{}", t.name.name),
            None => t.name.name.to_string(),
        };
        let ty = self.types().add_nominal(t.name.name, nk);
        if let Some(n) = self.nominal_mut(ty) {
            n.qualified_name = qualified.clone();
        }
        if outer.is_none() || !self.env.aliases.contains_key(t.name.name) {
            self.env.aliases.insert(t.name.name.to_string(), ty);
        }
        self.env.aliases.insert(qualified.clone(), ty);
        self.type_decls
            .insert(t as *const TypeDecl<'_> as usize, ty);
        self.record_type_access(ty, decl, t.name, outer_region);
        let region = Some(self.region(decl.span));
        for m in t.members {
            if let DeclKind::Type(k, inner) = m.kind {
                self.declare_type_name(k, inner, Some(&qualified), m, region);
            }
        }
    }

    /// The user type an expression names (`Point`, `Outer.Inner`), when it names one.
    pub(super) fn type_path(&mut self, e: &Expr<'_>) -> Option<TypeId> {
        match e.kind {
            ExprKind::Name(n) if self.lookup(n).is_none() => self.user_type_named(n),
            ExprKind::Member(base, n) => {
                let outer = self.type_path(base)?;
                let q = format!(
                    "{}.{}",
                    self.env.types.nominal(outer)?.qualified_name,
                    n.name
                );
                let t = self.user_type_named(&q)?;
                self.check_type_visible(t, n.span);
                Some(t)
            }
            _ => None,
        }
    }

    fn is_builtin_type_name(&self, name: &str) -> bool {
        matches!(
            name,
            "Int"
                | "Double"
                | "Bool"
                | "String"
                | "Character"
                | "Array"
                | "Dictionary"
                | "Set"
                | "Optional"
        )
    }

    /// Pass 2: fields, method signatures and cases of every top-level type.
    pub(super) fn declare_type_members(&mut self, program: &[Stmt<'_>]) {
        // Superclasses first: a subclass starts from its superclass's fields and methods.
        let mut todo: Vec<(&TypeDecl<'_>, TypeId)> = Vec::new();
        let mut stack: Vec<&TypeDecl<'_>> = Vec::new();
        for stmt in program {
            if let StmtKind::Decl(Decl {
                kind: DeclKind::Type(_, t),
                ..
            }) = stmt.kind
            {
                stack.push(t);
            }
        }
        while let Some(t) = stack.pop() {
            if let Some(&ty) = self.type_decls.get(&(t as *const TypeDecl<'_> as usize)) {
                todo.push((t, ty));
            }
            for m in t.members {
                if let DeclKind::Type(_, inner) = m.kind {
                    stack.push(inner);
                }
            }
        }
        // Typealiases inside types first (outer types first): nested types' members may
        // use them.
        for (t, ty) in todo.clone() {
            let owner = self
                .env
                .types
                .nominal(ty)
                .map(|n| n.qualified_name.clone())
                .unwrap_or_default();
            for m in t.members {
                if let DeclKind::Typealias(name, te) = m.kind {
                    let resolved = self.resolve_type(te);
                    self.env.aliases.insert(name.name.to_string(), resolved);
                    self.env
                        .aliases
                        .insert(format!("{owner}.{}", name.name), resolved);
                }
            }
        }
        todo.reverse();
        let mut done: Vec<TypeId> = Vec::new();
        while !todo.is_empty() {
            let before = todo.len();
            let mut i = 0;
            while i < todo.len() {
                let (t, ty) = todo[i];
                let sup = self.superclass_of(t);
                if sup.is_none_or(|s| done.contains(&s) || !todo.iter().any(|(_, x)| *x == s)) {
                    self.declare_members(t, ty);
                    done.push(ty);
                    todo.remove(i);
                } else {
                    i += 1;
                }
            }
            if todo.len() == before {
                let (t, _) = todo[0];
                self.error(
                    format!("'{}' inherits from itself", t.name.name),
                    t.name.span,
                );
                break;
            }
        }
    }

    /// The user class a type declaration names first in its inheritance clause.
    fn superclass_of(&self, t: &TypeDecl<'_>) -> Option<TypeId> {
        let first = t.inherits.first()?;
        let TypeKind::Named {
            path: [n],
            args: [],
        } = first.kind
        else {
            return None;
        };
        let ty = *self.env.aliases.get(n.name)?;
        self.env
            .types
            .nominal(ty)
            .filter(|i| i.kind == NominalKind::Class)
            .map(|_| ty)
    }

    pub(super) fn nominal_mut(&mut self, ty: TypeId) -> Option<&mut super::types::NominalInfo> {
        let i = self.env.types.nominal_index(ty)?;
        self.env.types.nominals.get_mut(i as usize)
    }

    fn declare_members(&mut self, t: &TypeDecl<'_>, ty: TypeId) {
        let kind = self
            .env
            .types
            .nominal(ty)
            .map_or(NominalKind::Struct, |n| n.kind);
        if kind == NominalKind::Class {
            if let Some(sup) = self.superclass_of(t) {
                let (fields, vtable) = self
                    .env
                    .types
                    .nominal(sup)
                    .map(|s| (s.fields.clone(), s.vtable.clone()))
                    .unwrap_or_default();
                if let Some(n) = self.nominal_mut(ty) {
                    n.superclass = Some(sup);
                    n.own_fields_start = fields.len();
                    n.fields = fields;
                    n.vtable = vtable;
                }
            }
        }
        // Stored property names so far (a set: a type with 70,000 fields is checked in
        // linear time).
        let mut field_names: std::collections::HashSet<String> = self
            .env
            .types
            .nominal(ty)
            .map(|n| n.fields.iter().map(|f| f.name.clone()).collect())
            .unwrap_or_default();
        // The inheritance clause: a superclass, a raw type and CaseIterable for enums.
        for (i, inh) in t.inherits.iter().enumerate() {
            if i == 0 && kind == NominalKind::Class && self.superclass_of(t).is_some() {
                continue;
            }
            let name = match inh.kind {
                TypeKind::Named {
                    path: [n],
                    args: [],
                } => n.name,
                _ => "",
            };
            match (kind, name) {
                (NominalKind::Enum, "Int") => self.set_raw_type(ty, TypeTable::INT),
                (NominalKind::Enum, "String") => self.set_raw_type(ty, TypeTable::STRING),
                (NominalKind::Enum, "CaseIterable") => {
                    if let Some(n) = self.nominal_mut(ty) {
                        n.case_iterable = true;
                    }
                }
                (_, "Equatable" | "Hashable") => {
                    if let Some(n) = self.nominal_mut(ty) {
                        n.equatable = true;
                        n.hashable |= name == "Hashable";
                    }
                }
                (_, other) => self.error(
                    format!("conformance to '{other}' is not supported yet (protocols are Tier 2)"),
                    inh.span,
                ),
            }
        }
        let mut next_raw: i64 = 0;
        for m in t.members {
            self.record_member_access(ty, kind, m);
            match m.kind {
                DeclKind::Var { mutable, bindings } => {
                    for b in bindings {
                        let PatternKind::Bind(name) = b.pattern.kind else {
                            self.error("a stored property must be a single name", b.pattern.span);
                            continue;
                        };
                        if kind == NominalKind::Enum
                            && b.accessors.is_none()
                            && !m.modifiers.is_static
                        {
                            self.error("enums must not contain stored properties", name.span);
                            continue;
                        }
                        let observers = match b.accessors {
                            Some(Accessors::Observers { will_set, did_set })
                                if !m.modifiers.is_static =>
                            {
                                Some((will_set.is_some(), did_set.is_some()))
                            }
                            Some(acc) => {
                                self.declare_computed(
                                    ty,
                                    name,
                                    b.ty,
                                    acc,
                                    m.modifiers.is_static || m.modifiers.is_class,
                                );
                                continue;
                            }
                            None => None,
                        };
                        if let (Some((will, did)), true) = (observers, m.modifiers.is_override) {
                            // `override var x { didSet {...} }`: observers on an inherited property.
                            self.override_observers(ty, name, will, did);
                            continue;
                        }
                        let fty = match (b.ty, b.init) {
                            (Some(t), _) => self.resolve_type(t),
                            (None, Some(e)) => self.infer_default_type(e),
                            (None, None) => {
                                self.error("type annotation missing in pattern", name.span);
                                TypeTable::ERROR
                            }
                        };
                        if m.modifiers.is_static {
                            let index = u32::try_from(self.env.globals.len()).unwrap_or(u32::MAX);
                            let tname = self.ty_name(ty);
                            let lazy_init = b.init.map(|_| {
                                let id = self.reserve_func();
                                self.global_index(id)
                            });
                            self.env.globals.push(super::GlobalInfo {
                                name: format!("{tname}.{}", name.name),
                                ty: fty,
                                mutable,
                                ownership: Ownership::Strong,
                                lazy_init,
                            });
                            if let Some(n) = self.nominal_mut(ty) {
                                n.statics.push((name.name.to_string(), index, fty));
                            }
                            continue;
                        }
                        let default = b.init.map(|_| {
                            let id = self.reserve_func();
                            self.global_index(id)
                        });
                        // A `let` with a default is not part of the memberwise initializer
                        // and cannot be set again.
                        if let Some(n) = self.nominal_mut(ty) {
                            if !field_names.insert(name.name.to_string()) {
                                let msg = format!("invalid redeclaration of '{}'", name.name);
                                self.error(msg, name.span);
                                continue;
                            }
                            n.fields.push(FieldInfo {
                                name: name.name.to_string(),
                                ty: fty,
                                mutable,
                                default,
                                weak: m.modifiers.is_weak,
                                unowned: m.modifiers.is_unowned,
                                will_set: None,
                                did_set: None,
                                setter: None,
                                super_setter: None,
                                lazy: m.modifiers.is_lazy,
                            });
                        }
                        if m.modifiers.is_lazy && kind != NominalKind::Class {
                            self.error(
                                "'lazy' properties are supported in classes only for now",
                                name.span,
                            );
                        }
                        if let Some((will, did)) = observers {
                            let last = self.env.types.nominal(ty).map_or(0, |n| n.fields.len());
                            self.attach_observers(ty, last.saturating_sub(1), will, did, name.span);
                        }
                    }
                }
                DeclKind::Func(f) => {
                    let info = self.method_info(ty, f, m.modifiers);
                    if kind == NominalKind::Class && info.is_static {
                        let key = self.static_method_key(&info.name, &info.labels);
                        self.set_vtable_entry(ty, key, info.func);
                    }
                    if kind == NominalKind::Class && !info.is_static {
                        let key = self.types().method_key(&info.name, &info.labels);
                        let inherited = self
                            .env
                            .types
                            .nominal(ty)
                            .is_some_and(|n| n.vtable.iter().any(|(k, _)| *k == key));
                        if inherited && !m.modifiers.is_override {
                            self.error(
                                "overriding declaration requires an 'override' keyword",
                                f.name.span,
                            );
                        } else if inherited && self.overrides_final(ty, &info) {
                            self.error(
                                "instance method overrides a 'final' instance method",
                                f.name.span,
                            );
                        }
                        if !inherited && m.modifiers.is_override {
                            self.error(
                                "method does not override any method from its superclass",
                                f.name.span,
                            );
                        }
                        if let Some(n) = self.nominal_mut(ty) {
                            match n.vtable.iter_mut().find(|(k, _)| *k == key) {
                                Some(entry) => entry.1 = info.func,
                                None => n.vtable.push((key, info.func)),
                            }
                        }
                    }
                    if let Some(n) = self.nominal_mut(ty) {
                        n.methods.push(info);
                    }
                }
                DeclKind::Deinit(_) if kind == NominalKind::Class => {
                    let id = self.reserve_func();
                    let func = self.global_index(id);
                    if let Some(n) = self.nominal_mut(ty) {
                        n.deinit = Some(func);
                    }
                }
                DeclKind::Init(f) => {
                    let mut info = self.method_info(ty, f, m.modifiers);
                    info.result = if f.failable {
                        self.types().optional(ty)
                    } else {
                        ty
                    };
                    info.failable = f.failable;
                    if kind == NominalKind::Class {
                        // `self.init(...)` in a convenience initializer dispatches on the
                        // instance's class, so initializers have vtable entries too.
                        let key = self.types().method_key("init", &info.labels);
                        if let Some(n) = self.nominal_mut(ty) {
                            match n.vtable.iter_mut().find(|(k, _)| *k == key) {
                                Some(entry) => entry.1 = info.func,
                                None => n.vtable.push((key, info.func)),
                            }
                        }
                    }
                    if let Some(n) = self.nominal_mut(ty) {
                        n.inits.push(info);
                    }
                }
                DeclKind::EnumCase(cases) => {
                    if kind != NominalKind::Enum {
                        self.error("enum 'case' is not allowed outside of an enum", m.span);
                        continue;
                    }
                    for c in cases {
                        let payload = c.payload.map(|p| {
                            p.iter()
                                .map(|e| {
                                    (
                                        e.label.map(|l| l.name.to_string()),
                                        self.resolve_type(&e.ty),
                                    )
                                })
                                .collect::<Vec<_>>()
                        });
                        let raw_type = self.env.types.nominal(ty).and_then(|n| n.raw_type);
                        let raw = match (raw_type, c.raw) {
                            (Some(rt), Some(e)) => {
                                match (self.literal_raw(e), rt) {
                                    (Some(RawValue::Int(v)), t) if t == TypeTable::INT => {
                                        next_raw = v.wrapping_add(1);
                                        Some(RawValue::Int(v))
                                    }
                                    (Some(RawValue::Str(s)), t) if t == TypeTable::STRING => {
                                        Some(RawValue::Str(s))
                                    }
                                    _ => {
                                        self.error("raw value for enum case must be a literal of the raw type", e.span);
                                        None
                                    }
                                }
                            }
                            (Some(rt), None) if rt == TypeTable::INT => {
                                let v = next_raw;
                                next_raw = next_raw.wrapping_add(1);
                                Some(RawValue::Int(v))
                            }
                            (Some(_), None) => Some(RawValue::Str(c.name.name.to_string())),
                            (None, Some(e)) => {
                                self.error("enum case cannot have a raw value if the enum does not have a raw type", e.span);
                                None
                            }
                            (None, None) => None,
                        };
                        if let Some(n) = self.nominal_mut(ty) {
                            let tag = u32::try_from(n.cases.len()).unwrap_or(u32::MAX);
                            n.case_index.entry(c.name.name.to_string()).or_insert(tag);
                            n.cases.push(CaseInfo {
                                name: c.name.name.to_string(),
                                payload,
                                raw,
                            });
                        }
                    }
                }
                DeclKind::Type(..) => {}
                DeclKind::Typealias(name, t) => {
                    let t = self.resolve_type(t);
                    self.env.aliases.insert(name.name.to_string(), t);
                }
                DeclKind::Deinit(_) => {
                    self.error("deinitializers may only be declared within a class", m.span)
                }
                _ => self.error(
                    "this declaration is not supported inside a type yet",
                    m.span,
                ),
            }
        }
    }

    fn set_raw_type(&mut self, ty: TypeId, raw: TypeId) {
        if let Some(n) = self.nominal_mut(ty) {
            n.raw_type = Some(raw);
        }
    }

    /// A raw value literal (`1`, `-1`, `"x"`).
    fn literal_raw(&self, e: &Expr<'_>) -> Option<RawValue> {
        match e.kind {
            ExprKind::Int(t) => t.replace('_', "").parse().ok().map(RawValue::Int),
            ExprKind::Prefix(crate::syntax::token::PrefixOp::Neg, inner) => {
                match self.literal_raw(inner) {
                    Some(RawValue::Int(v)) => Some(RawValue::Int(-v)),
                    _ => None,
                }
            }
            ExprKind::Str([StrSegment::Text(s)]) => Some(RawValue::Str(s.to_string())),
            ExprKind::Str([]) => Some(RawValue::Str(String::new())),
            _ => None,
        }
    }

    /// The type of a property's default value when no annotation is written.
    fn infer_default_type(&mut self, e: &Expr<'_>) -> TypeId {
        // Checked in a scratch function so nothing leaks into the current one.
        let id = self.reserve_func();
        let ctx = self.new_func_ctx(String::new(), FuncKind::Global, None, e.span);
        self.stack.push((id, ctx));
        let t = self.check_expr(e, None).ty;
        self.stack.pop();
        t
    }

    /// Property observers a subclass adds to an inherited stored property.
    fn override_observers(&mut self, ty: TypeId, name: Ident<'_>, will: bool, did: bool) {
        let Some(index) = self
            .env
            .types
            .nominal(ty)
            .and_then(|n| n.fields.iter().position(|f| f.name == name.name))
        else {
            self.error(
                "property does not override any property from its superclass",
                name.span,
            );
            return;
        };
        self.attach_observers(ty, index, will, did, name.span);
    }

    /// Whether an inherited method with `info`'s name and labels is `final`.
    fn overrides_final(&self, ty: TypeId, info: &MethodInfo) -> bool {
        let mut cur = self.env.types.nominal(ty).and_then(|n| n.superclass);
        while let Some(c) = cur {
            let Some(n) = self.env.types.nominal(c) else {
                break;
            };
            if let Some(m) = n
                .methods
                .iter()
                .find(|m| !m.is_static && m.name == info.name && m.labels == info.labels)
            {
                return m.is_final;
            }
            cur = n.superclass;
        }
        false
    }

    fn method_info(&mut self, ty: TypeId, f: &FuncDecl<'_>, m: Modifiers) -> MethodInfo {
        let mut sig = self.signature(f, m.discardable_result);
        let id = self.reserve_func();
        self.reserve_default_thunks(f, &mut sig);
        let is_struct_like = self
            .env
            .types
            .nominal(ty)
            .is_some_and(|n| n.kind != NominalKind::Class);
        if m.is_mutating && !is_struct_like {
            self.error("'mutating' is not valid on methods in classes", f.name.span);
        }
        let params = sig
            .params
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if sig.variadic == Some(i) {
                    self.types().array(*t)
                } else {
                    *t
                }
            })
            .collect();
        MethodInfo {
            name: f.name.name.to_string(),
            func: self.global_index(id),
            labels: sig.labels,
            params,
            inout: sig.inout,
            defaults: sig.defaults,
            result: sig.result,
            mutating: m.is_mutating,
            is_static: m.is_static || m.is_class,
            failable: false,
            is_final: m.is_final,
        }
    }

    fn declare_computed(
        &mut self,
        ty: TypeId,
        name: Ident<'_>,
        t: Option<&TypeExpr<'_>>,
        acc: &Accessors<'_>,
        is_static: bool,
    ) {
        let Some(t) = t else {
            self.error("computed property must have an explicit type", name.span);
            return;
        };
        let pty = self.resolve_type(t);
        match acc {
            Accessors::Observers { .. } => {
                self.error("property observers are not supported yet", name.span);
            }
            Accessors::Getter(_) | Accessors::GetSet { .. } => {
                let getter = {
                    let id = self.reserve_func();
                    self.global_index(id)
                };
                let setter = match acc {
                    Accessors::GetSet { set: Some(_), .. } => {
                        let id = self.reserve_func();
                        Some(self.global_index(id))
                    }
                    _ => None,
                };
                let is_class = self
                    .env
                    .types
                    .nominal(ty)
                    .is_some_and(|n| n.kind == NominalKind::Class);
                if is_class && !is_static {
                    // Class properties are overridable: getters and setters dispatch like methods.
                    let key = self.getter_key(name.name);
                    self.set_vtable_entry(ty, key, getter);
                    if let Some(setter) = setter {
                        let key = self.setter_key(name.name);
                        self.set_vtable_entry(ty, key, setter);
                    }
                }
                if is_class && is_static {
                    let key = self.static_getter_key(name.name);
                    self.set_vtable_entry(ty, key, getter);
                }
                if let Some(n) = self.nominal_mut(ty) {
                    n.computed.push(ComputedInfo {
                        name: name.name.to_string(),
                        ty: pty,
                        getter,
                        setter,
                        is_static,
                    });
                }
            }
        }
    }

    /// Where a type declaration stands: checks its member bodies and initialises its statics.
    pub(super) fn check_type_decl(&mut self, t: &TypeDecl<'_>) {
        let Some(&ty) = self.type_decls.get(&(t as *const TypeDecl<'_> as usize)) else {
            return;
        };
        let Some(info) = self.env.types.nominal(ty).cloned() else {
            return;
        };
        let mut methods = info.methods.iter();
        let mut inits = info.inits.iter();
        let mut computed = info.computed.iter();
        let mut fields = info.fields.iter().skip(info.own_fields_start);
        let mut statics = info.statics.iter();
        for m in t.members {
            match m.kind {
                DeclKind::Var { bindings, .. } => {
                    for b in bindings {
                        let PatternKind::Bind(pname) = b.pattern.kind else {
                            continue;
                        };
                        if let Some(acc @ (Accessors::Getter(_) | Accessors::GetSet { .. })) =
                            b.accessors
                        {
                            if let Some(c) = computed.next() {
                                self.check_accessors(ty, c, acc, b.pattern.span);
                            }
                            continue;
                        }
                        if m.modifiers.is_static {
                            if let Some((_, global, fty)) = statics.next() {
                                match b.init {
                                    Some(e) => self.check_static_init(*global, *fty, e),
                                    None => self.error("'static var' declaration requires an initializer expression", b.pattern.span),
                                }
                            }
                            continue;
                        }
                        if info.kind == NominalKind::Enum {
                            continue;
                        }
                        let overridden = match (m.modifiers.is_override, b.accessors) {
                            (true, Some(Accessors::Observers { .. })) => {
                                info.fields.iter().find(|f| f.name == pname.name)
                            }
                            _ => None,
                        };
                        let Some(f) = overridden.or_else(|| fields.next()) else {
                            continue;
                        };
                        if let (Some(e), Some(thunk)) = (b.init, f.default) {
                            if f.lazy {
                                self.check_lazy_init(ty, thunk, e, f.ty, &f.name);
                            } else {
                                self.check_thunk(
                                    thunk,
                                    e,
                                    f.ty,
                                    &format!("default value of {}", f.name),
                                );
                            }
                        }
                        if let Some(Accessors::Observers { will_set, did_set }) = b.accessors {
                            if let (Some(func), Some((name, body))) = (f.will_set, will_set) {
                                self.check_observer(
                                    ty,
                                    func,
                                    name.map_or("newValue", |n| n.name),
                                    f.ty,
                                    body,
                                    b.pattern.span,
                                    "willSet",
                                );
                            }
                            if let (Some(func), Some((name, body))) = (f.did_set, did_set) {
                                self.check_observer(
                                    ty,
                                    func,
                                    name.map_or("oldValue", |n| n.name),
                                    f.ty,
                                    body,
                                    b.pattern.span,
                                    "didSet",
                                );
                            }
                        }
                    }
                }
                DeclKind::Func(f) => {
                    if let Some(mi) = methods.next() {
                        self.check_method(ty, f, mi);
                    }
                }
                DeclKind::Init(f) => {
                    if let Some(mi) = inits.next() {
                        if info.kind == NominalKind::Class {
                            self.check_class_init(ty, f, mi);
                        } else {
                            self.check_init(ty, f, mi);
                        }
                        self.require_initialized(t, &info, mi.func, m.span);
                    }
                }
                DeclKind::Deinit(body) => {
                    if let Some(func) = info.deinit {
                        self.check_deinit(ty, func, body, m.span);
                    }
                }
                DeclKind::Type(_, inner) => self.check_type_decl(inner),
                _ => {}
            }
        }
    }

    /// An observer: a function of `self` (`inout` for a value type) and the new or old value.
    #[allow(clippy::too_many_arguments)]
    fn check_observer(
        &mut self,
        ty: TypeId,
        func: u32,
        param: &str,
        pty: TypeId,
        body: &[Stmt<'_>],
        span: Span,
        what: &str,
    ) {
        let Some(id) = func.checked_sub(self.first_func).map(FuncId) else {
            return;
        };
        let tname = self.ty_name(ty);
        let ctx = self.new_func_ctx(
            format!("{tname}.{what}"),
            FuncKind::Global,
            Some(TypeTable::VOID),
            span,
        );
        self.stack.push((id, ctx));
        let is_class = self.is_class_type(ty);
        self.declare_self(ty, !is_class);
        if !is_class {
            self.cur().ir.inout_params.push(0);
        }
        self.declare_local(param, pty, false);
        self.cur().ir.param_count = 2;
        let body = self.check_body(body, TypeTable::VOID);
        self.finish_func(body, TypeTable::VOID);
    }

    /// A `lazy` property's initial value: a function of `self`, run on first read.
    fn check_lazy_init(&mut self, ty: TypeId, func: u32, e: &Expr<'_>, fty: TypeId, name: &str) {
        let Some(id) = func.checked_sub(self.first_func).map(FuncId) else {
            return;
        };
        let tname = self.ty_name(ty);
        let ctx = self.new_func_ctx(
            format!("{tname}.{name}.lazy"),
            FuncKind::Global,
            Some(fty),
            e.span,
        );
        self.stack.push((id, ctx));
        self.declare_self(ty, false);
        self.cur().ir.param_count = 1;
        let v = self.check_expr_as(
            e,
            fty,
            "cannot convert value of type '{}' to specified type '{}'",
        );
        let body = self.slice(vec![TStmt {
            kind: TStmtKind::Return(Some(v)),
            span: e.span,
        }]);
        self.finish_func(body, fty);
    }

    /// A function of one expression (defaults), checked in a global context.
    fn check_thunk(&mut self, func: u32, e: &Expr<'_>, ty: TypeId, name: &str) {
        let Some(id) = func.checked_sub(self.first_func).map(FuncId) else {
            return;
        };
        let ctx = self.new_func_ctx(name.to_string(), FuncKind::Global, Some(ty), e.span);
        self.stack.push((id, ctx));
        let v = self.check_expr_as(
            e,
            ty,
            "cannot convert value of type '{}' to specified type '{}'",
        );
        let body = self.slice(vec![TStmt {
            kind: TStmtKind::Return(Some(v)),
            span: e.span,
        }]);
        self.finish_func(body, ty);
    }

    /// Pops the innermost function and stores its body.
    pub(super) fn finish_func(&mut self, body: &'s [TStmt<'s>], result: TypeId) {
        if let Some((id, mut ctx)) = self.stack.pop() {
            ctx.ir.body = body;
            ctx.ir.result = result;
            self.store_ir(id, ctx.ir);
        }
    }

    /// Declares `self` as parameter 0 of the function being set up.
    pub(super) fn declare_self(&mut self, ty: TypeId, mutable: bool) -> VarId {
        let v = self.declare_local("self", ty, mutable);
        let f = self.cur();
        f.self_type = Some(ty);
        v
    }

    fn check_method(&mut self, ty: TypeId, f: &FuncDecl<'_>, mi: &MethodInfo) {
        self.check_method_defaults(f, mi);
        let Some(id) = mi.func.checked_sub(self.first_func).map(FuncId) else {
            return;
        };
        let tname = self.ty_name(ty);
        let mut ctx = self.new_func_ctx(
            format!("{tname}.{}", f.name.name),
            FuncKind::Global,
            Some(mi.result),
            f.name.span,
        );
        ctx.function_literal = Some(function_literal(f.name.name, f));
        self.stack.push((id, ctx));
        let mut count = 0u32;
        if !mi.is_static {
            self.declare_self(ty, mi.mutating);
            if mi.mutating {
                self.cur().ir.inout_params.push(0);
            }
            count = 1;
        } else {
            self.cur().static_self = Some(ty);
            if self.is_class_type(ty) {
                self.declare_metatype_param();
                count = 1;
            }
        }
        for (i, p) in f.params.iter().enumerate() {
            let t = mi.params.get(i).copied().unwrap_or(TypeTable::ERROR);
            let inout = mi.inout.get(i).copied().unwrap_or(false);
            self.declare_local(p.name.name, t, inout);
            if inout {
                self.cur().ir.inout_params.push(count);
            }
            count += 1;
        }
        self.cur().ir.param_count = count;
        let body = self.check_body(f.body, mi.result);
        self.finish_func(body, mi.result);
    }

    fn check_accessors(&mut self, ty: TypeId, c: &ComputedInfo, acc: &Accessors<'_>, span: Span) {
        let (get, set) = match acc {
            Accessors::Getter(b) => (*b, None),
            Accessors::GetSet { get, set } => (*get, *set),
            Accessors::Observers { .. } => return,
        };
        let tname = self.ty_name(ty);
        if let Some(id) = c.getter.checked_sub(self.first_func).map(FuncId) {
            let mut ctx = self.new_func_ctx(
                format!("{tname}.{}.get", c.name),
                FuncKind::Global,
                Some(c.ty),
                span,
            );
            ctx.function_literal = Some(c.name.to_string());
            self.stack.push((id, ctx));
            if c.is_static {
                self.cur().static_self = Some(ty);
                if self.is_class_type(ty) {
                    self.declare_metatype_param();
                    self.cur().ir.param_count = 1;
                }
            } else {
                self.declare_self(ty, false);
                self.cur().ir.param_count = 1;
            }
            let body = self.check_body(get, c.ty);
            self.finish_func(body, c.ty);
        }
        if let (Some(setter), Some((name, body))) = (c.setter, set) {
            if let Some(id) = setter.checked_sub(self.first_func).map(FuncId) {
                let mut ctx = self.new_func_ctx(
                    format!("{tname}.{}.set", c.name),
                    FuncKind::Global,
                    Some(TypeTable::VOID),
                    span,
                );
                ctx.function_literal = Some(c.name.to_string());
                self.stack.push((id, ctx));
                let is_class = self
                    .env
                    .types
                    .nominal(ty)
                    .is_some_and(|n| n.kind == NominalKind::Class);
                self.declare_self(ty, !is_class);
                if !is_class {
                    self.cur().ir.inout_params.push(0);
                }
                self.declare_local(name.map_or("newValue", |n| n.name), c.ty, false);
                self.cur().ir.param_count = 2;
                let body = self.check_body(body, TypeTable::VOID);
                self.finish_func(body, TypeTable::VOID);
            }
        }
    }

    /// Starts checking an initializer's body (false when it belongs to an earlier
    /// compilation).
    fn enter_init(&mut self, ty: TypeId, f: &FuncDecl<'_>, mi: &MethodInfo) -> bool {
        self.check_method_defaults(f, mi);
        let Some(id) = mi.func.checked_sub(self.first_func).map(FuncId) else {
            return false;
        };
        let tname = self.ty_name(ty);
        let mut ctx = self.new_func_ctx(
            format!("{tname}.init"),
            FuncKind::Global,
            Some(TypeTable::VOID),
            f.name.span,
        );
        ctx.function_literal = Some(function_literal("init", f));
        self.stack.push((id, ctx));
        true
    }

    fn check_init(&mut self, ty: TypeId, f: &FuncDecl<'_>, mi: &MethodInfo) {
        if !self.enter_init(ty, f, mi) {
            return;
        }
        for (i, p) in f.params.iter().enumerate() {
            let t = mi.params.get(i).copied().unwrap_or(TypeTable::ERROR);
            let inout = mi.inout.get(i).copied().unwrap_or(false);
            self.declare_local(p.name.name, t, inout);
            if inout {
                self.cur()
                    .ir
                    .inout_params
                    .push(u32::try_from(i).unwrap_or(0));
            }
        }
        self.cur().ir.param_count = u32::try_from(f.params.len()).unwrap_or(u32::MAX);
        let self_var = self.declare_self(ty, true);
        self.cur().init_of = Some((self_var, mi.failable));
        let span = f.name.span;
        // `self` starts with the defaults of its stored properties (the rest are set by the body).
        let start = self.initial_self(ty, span);
        let mut body = vec![TStmt {
            kind: TStmtKind::Init(VarRef::Local(self_var), start),
            span,
        }];
        let checked = self.check_block_stmts(f.body);
        body.extend_from_slice(checked);
        let self_value = self.mk(ty, TExprKind::Var(VarRef::Local(self_var)), span);
        let result = if mi.failable {
            let b = self.boxed(self_value);
            self.mk(mi.result, TExprKind::WrapOptional(b), span)
        } else {
            self_value
        };
        body.push(TStmt {
            kind: TStmtKind::Return(Some(result)),
            span,
        });
        let body = self.slice(body);
        self.cur().ir.result = mi.result;
        self.finish_func(body, mi.result);
    }

    /// A class initializer: a function of `self` (made by the caller, properties at their
    /// defaults) and the parameters, returning `self`. `super.init(...)` calls the
    /// superclass's on the same `self`.
    fn check_class_init(&mut self, ty: TypeId, f: &FuncDecl<'_>, mi: &MethodInfo) {
        if !self.enter_init(ty, f, mi) {
            return;
        }
        let self_var = self.declare_self(ty, false);
        for (i, p) in f.params.iter().enumerate() {
            let t = mi.params.get(i).copied().unwrap_or(TypeTable::ERROR);
            let inout = mi.inout.get(i).copied().unwrap_or(false);
            self.declare_local(p.name.name, t, inout);
            if inout {
                self.cur()
                    .ir
                    .inout_params
                    .push(u32::try_from(i + 1).unwrap_or(0));
            }
        }
        self.cur().ir.param_count = u32::try_from(f.params.len() + 1).unwrap_or(u32::MAX);
        self.cur().init_of = Some((self_var, mi.failable));
        let span = f.name.span;
        let mut body: Vec<TStmt<'s>> = self.check_block_stmts(f.body).to_vec();
        let me = self.mk(ty, TExprKind::Var(VarRef::Local(self_var)), span);
        let result = if mi.failable {
            let b = self.boxed(me);
            self.mk(mi.result, TExprKind::WrapOptional(b), span)
        } else {
            me
        };
        body.push(TStmt {
            kind: TStmtKind::Return(Some(result)),
            span,
        });
        let body = self.slice(body);
        self.cur().ir.result = mi.result;
        self.finish_func(body, mi.result);
    }

    fn check_deinit(&mut self, ty: TypeId, func: u32, body: &[Stmt<'_>], span: Span) {
        let Some(id) = func.checked_sub(self.first_func).map(FuncId) else {
            return;
        };
        let tname = self.ty_name(ty);
        let mut ctx = self.new_func_ctx(
            format!("{tname}.deinit"),
            FuncKind::Global,
            Some(TypeTable::VOID),
            span,
        );
        ctx.function_literal = Some("deinit".to_string());
        self.stack.push((id, ctx));
        self.declare_self(ty, false);
        self.cur().ir.param_count = 1;
        let body = self.check_body(body, TypeTable::VOID);
        self.finish_func(body, TypeTable::VOID);
    }

    /// The value of a struct before its initializer runs: defaults, or `()` placeholders.
    fn initial_self(&mut self, ty: TypeId, span: Span) -> TExpr<'s> {
        let fields = self
            .env
            .types
            .nominal(ty)
            .map(|n| n.fields.clone())
            .unwrap_or_default();
        let mut parts = Vec::with_capacity(fields.len());
        for f in &fields {
            let v = match f.default {
                Some(thunk) => self.call_func_index(thunk, f.ty, vec![], span),
                None => self.mk(f.ty, TExprKind::Void, span),
            };
            parts.push(v);
        }
        let parts = self.slice(parts);
        self.mk(ty, TExprKind::Tuple(parts), span)
    }
}

/// What `#function` says inside a declared function: `name(label:_:)`.
pub(super) fn function_literal(name: &str, f: &FuncDecl<'_>) -> String {
    let labels: String = f
        .params
        .iter()
        .map(|p| format!("{}:", p.label.map_or("_", |l| l.name)))
        .collect();
    format!("{name}({labels})")
}
