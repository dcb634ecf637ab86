//! Access control inside one file, as Swift checks it.
//!
//! In a single-file script only `private` limits anything: a `private` member of a type is
//! visible inside the type's declaration (nested types and closures in it included; there
//! are no extensions here), a `private(set)` property is assignable only there, a `private`
//! initializer callable only there (and the memberwise initializer is `private` when a
//! stored property it sets is), a `private` nested type is visible inside the enclosing
//! type's declaration. `private` at the top level is `fileprivate`: the whole file.
//! `fileprivate`, `internal`, `public` and `open` see the whole file.
//!
//! "Inside the declaration" is a source range of one compilation ([`Region`]): a REPL entry
//! is a compilation of its own, so a type's private members are not visible from later
//! entries.
//!
//! Also here: the rules on the modifiers themselves (`private(set)` on something without a
//! setter, a setter more visible than its getter, access levels on local declarations,
//! `open` on what cannot be overridden).

use super::types::{MemberAccess, NominalKind, Region, TypeId};
use super::Checker;
use crate::diag::Diagnostic;
use crate::syntax::ast::*;

/// What a write to a place is, for the wording of a setter-access error.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum WriteKind {
    /// `x.n = v`
    #[default]
    Assign,
    /// `x.n += v`
    Operator,
    /// `x.n.append(v)`
    MutatingCall,
    /// `f(&x.n)`
    InOut,
}

impl WriteKind {
    /// swiftc's opening words for an immutable target of this kind of write.
    pub(super) fn prefix(self) -> &'static str {
        match self {
            WriteKind::Assign => "cannot assign to property",
            WriteKind::Operator => "left side of mutating operator isn't mutable",
            WriteKind::MutatingCall => "cannot use mutating member on immutable value",
            WriteKind::InOut => "cannot pass immutable value as inout argument",
        }
    }
}

/// The indefinite article swiftc puts before an access level.
fn article(level: Access) -> &'static str {
    match level {
        Access::Internal | Access::Open => "an",
        _ => "a",
    }
}

impl<'e, 's> Checker<'e, 's> {
    /// `span` of this compilation as a region.
    pub(super) fn region(&self, span: Span) -> Region {
        Region {
            compilation: self.env.compilations,
            span,
        }
    }

    /// Reports `d` unless the same error was already reported at the same place (a place
    /// may be examined more than once).
    fn report_once(&mut self, d: Diagnostic) {
        if !self
            .errors
            .iter()
            .any(|e| e.span == d.span && e.message == d.message)
        {
            self.errors.push(d);
        }
    }

    /// Whether `at` (in this compilation) lies inside `region`.
    fn inside(&self, region: Option<Region>, at: Span) -> bool {
        region.is_some_and(|r| {
            r.compilation == self.env.compilations
                && r.span.start <= at.start
                && at.end <= r.span.end
        })
    }

    /// Records where type `ty` is declared and, for a `private` type nested in another
    /// (declared in `outer`), where it is visible.
    pub(super) fn record_type_access(
        &mut self,
        ty: TypeId,
        decl: &Decl<'_>,
        name: Ident<'_>,
        outer: Option<Region>,
    ) {
        let region = self.region(decl.span);
        let private = decl.modifiers.access == Some(Access::Private);
        if let Some(n) = self.nominal_mut(ty) {
            n.access.region = Some(region);
            n.access.name_span = name.span;
            n.access.visible_in = if private { outer } else { None };
        }
    }

    /// Records the access of member declaration `m` of type `ty` (its declaration checked
    /// for the modifiers' own rules first).
    pub(super) fn record_member_access(&mut self, ty: TypeId, kind: NominalKind, m: &Decl<'_>) {
        self.check_access_modifiers(m, Some(kind));
        let mods = m.modifiers;
        let private = mods.access == Some(Access::Private);
        let setter_private = private || mods.setter_access == Some(Access::Private);
        let mut entries: Vec<(String, String, Span, bool)> = Vec::new();
        match m.kind {
            DeclKind::Var { mutable, bindings } => {
                for b in bindings {
                    let PatternKind::Bind(name) = b.pattern.kind else {
                        continue;
                    };
                    let stored = matches!(b.accessors, None | Some(Accessors::Observers { .. }));
                    let memberwise = stored && !mods.is_static && (mutable || b.init.is_none());
                    if memberwise && private {
                        if let Some(n) = self.nominal_mut(ty) {
                            n.access.memberwise_private = true;
                        }
                    }
                    entries.push((
                        name.name.to_string(),
                        name.name.to_string(),
                        name.span,
                        true,
                    ));
                }
            }
            DeclKind::Func(f) => {
                let full = super::nominal::function_literal(f.name.name, f);
                entries.push((f.name.name.to_string(), full, f.name.span, false));
            }
            DeclKind::Init(f) if private => {
                let labels: Vec<Option<String>> = f
                    .params
                    .iter()
                    .map(|p| p.label.map(|l| l.name.to_string()))
                    .collect();
                let full = super::nominal::function_literal("init", f);
                let entry = MemberAccess {
                    read: true,
                    write: true,
                    decl: f.name.span,
                    full_name: full,
                };
                if let Some(n) = self.nominal_mut(ty) {
                    n.access.inits.push((labels, entry));
                }
            }
            _ => {}
        }
        for (name, full_name, decl, is_var) in entries {
            let write = if is_var { setter_private } else { private };
            let Some(n) = self.nominal_mut(ty) else {
                return;
            };
            // A name is limited only if every declaration of it is (overloads by label).
            n.access
                .members
                .entry(name)
                .and_modify(|a| {
                    a.read &= private;
                    a.write &= write;
                })
                .or_insert(MemberAccess {
                    read: private,
                    write,
                    decl,
                    full_name,
                });
        }
    }

    /// The limited member `name` of `ty` or of a superclass, with the region it is visible
    /// in.
    fn limited_member(&self, ty: TypeId, name: &str) -> Option<(MemberAccess, Option<Region>)> {
        let mut cur = Some(ty);
        let mut steps = 0;
        while let Some(t) = cur {
            let n = self.env.types.nominal(t)?;
            if let Some(a) = n.access.members.get(name) {
                return Some((a.clone(), n.access.region));
            }
            cur = n.superclass;
            steps += 1;
            if steps > 1000 {
                break;
            }
        }
        None
    }

    /// Checks that member `name` of `ty` may be read (or called) at `at`; reports
    /// "'name' is inaccessible" otherwise. Returns whether it may.
    pub(super) fn check_member_read(&mut self, ty: TypeId, name: &str, at: Span) -> bool {
        let Some((a, region)) = self.limited_member(ty, name) else {
            return true;
        };
        if !a.read || self.inside(region, at) {
            return true;
        }
        self.report_once(
            Diagnostic::error(
                format!("'{name}' is inaccessible due to 'private' protection level"),
                at,
            )
            .with_note(format!("'{}' declared here", a.full_name), a.decl),
        );
        false
    }

    /// Checks that property `name` of `ty` may be assigned at `at` (its setter visible);
    /// reports swiftc's error for this kind of write otherwise. Returns whether it may.
    pub(super) fn check_member_write_as(
        &mut self,
        ty: TypeId,
        name: &str,
        at: Span,
        kind: Option<WriteKind>,
    ) -> bool {
        let Some((a, region)) = self.limited_member(ty, name) else {
            return true;
        };
        if a.read && !self.inside(region, at) {
            // Reading is already refused (and reported by the read check).
            return self.check_member_read(ty, name, at);
        }
        if !a.write || self.inside(region, at) {
            return true;
        }
        let prefix = kind.unwrap_or(self.write_kind).prefix();
        self.report_once(Diagnostic::error(
            format!("{prefix}: '{name}' setter is inaccessible"),
            at,
        ));
        false
    }

    /// [`Self::check_member_write_as`] for the write being checked.
    pub(super) fn check_member_write(&mut self, ty: TypeId, name: &str, at: Span) -> bool {
        self.check_member_write_as(ty, name, at, None)
    }

    /// [`Self::check_member_write`] when `write`, else [`Self::check_member_read`]: a
    /// member used as a place (class bases are never written themselves: only checked).
    pub(super) fn check_member_access(&mut self, ty: TypeId, name: Ident<'_>, write: bool) {
        if write {
            self.check_member_write(ty, name.name, name.span);
        } else {
            self.check_member_read(ty, name.name, name.span);
        }
    }

    /// A mutating method called on stored property `i` of `ty`: its setter must be visible.
    pub(super) fn check_field_mutation(&mut self, ty: TypeId, i: u32, at: Span) {
        let name = self
            .env
            .types
            .nominal(ty)
            .and_then(|n| n.fields.get(i as usize))
            .map(|f| f.name.clone());
        if let Some(name) = name {
            // swiftc points at the property's name, the end of the receiver.
            let start = (at.end as usize)
                .saturating_sub(name.len())
                .max(at.start as usize);
            let at = Span::new(start, at.end as usize);
            self.check_member_write_as(ty, &name, at, Some(WriteKind::MutatingCall));
        }
    }

    /// Checks that an initializer of `ty` with `labels` (`None`: the memberwise one) may be
    /// called at `at`.
    pub(super) fn check_init_access(
        &mut self,
        ty: TypeId,
        labels: Option<&[Option<String>]>,
        at: Span,
    ) -> bool {
        let Some(n) = self.env.types.nominal(ty) else {
            return true;
        };
        let region = n.access.region;
        let limited = match labels {
            Some(labels) => n
                .access
                .inits
                .iter()
                .find(|(l, _)| l.as_slice() == labels)
                .map(|(_, a)| (a.full_name.clone(), a.decl)),
            None if n.access.memberwise_private => {
                let labels: String = n
                    .fields
                    .iter()
                    .filter(|f| f.mutable || f.default.is_none())
                    .map(|f| format!("{}:", f.name))
                    .collect();
                Some((format!("init({labels})"), n.access.name_span))
            }
            None => None,
        };
        let Some((full, decl)) = limited else {
            return true;
        };
        if self.inside(region, at) {
            return true;
        }
        let tname = self.ty_name(ty);
        self.errors.push(
            Diagnostic::error(
                format!("'{tname}' initializer is inaccessible due to 'private' protection level"),
                at,
            )
            .with_note(format!("'{full}' declared here"), decl),
        );
        false
    }

    /// Checks that the user type `ty` may be named at `at` (a `private` nested type outside
    /// its enclosing declaration may not).
    pub(super) fn check_type_visible(&mut self, ty: TypeId, at: Span) -> bool {
        let Some(n) = self.env.types.nominal(ty) else {
            return true;
        };
        let Some(visible) = n.access.visible_in else {
            return true;
        };
        if self.inside(Some(visible), at) {
            return true;
        }
        let (name, decl) = (n.name.clone(), n.access.name_span);
        let message = format!("'{name}' is inaccessible due to 'private' protection level");
        // A type path may be resolved more than once.
        if self
            .errors
            .iter()
            .any(|e| e.span == at && e.message == message)
        {
            return false;
        }
        self.errors
            .push(Diagnostic::error(message, at).with_note("type declared here", decl));
        false
    }

    /// The rules on access modifiers themselves, for declaration `d` in a type of `kind`
    /// (`None`: a top-level or local declaration).
    pub(super) fn check_access_modifiers(&mut self, d: &Decl<'_>, kind: Option<NominalKind>) {
        let m = d.modifiers;
        let at = Span::new(d.span.start as usize, d.span.start as usize);
        let local = kind.is_none() && !self.is_top_level();
        if local {
            if let Some(level) = m.access.or(m.setter_access) {
                let word = level.keyword();
                let span = Span::new(at.start as usize, at.start as usize + word.len());
                self.error(
                    format!("attribute '{word}' can only be used in a non-local scope"),
                    span,
                );
                return;
            }
        }
        if m.access == Some(Access::Open) {
            let overridable = kind == Some(NominalKind::Class)
                && !m.is_static
                && !m.is_final
                && !matches!(d.kind, DeclKind::Init(_));
            let class_decl = matches!(d.kind, DeclKind::Type(TypeDeclKind::Class, _));
            if !overridable
                && !class_decl
                && !matches!(d.kind, DeclKind::Type(..) | DeclKind::Typealias(..))
            {
                self.error(
                    "only classes and overridable class members can be declared 'open'; use 'public'",
                    Span::new(at.start as usize, at.start as usize + 4),
                );
            }
        }
        let (Some(setter), DeclKind::Var { mutable, bindings }) = (m.setter_access, d.kind) else {
            return;
        };
        let in_type = kind.is_some();
        let word = format!("{}(set)", setter.keyword());
        let span = Span::new(at.start as usize, at.start as usize + word.len());
        let read_only = !mutable
            || bindings.iter().any(|b| {
                matches!(
                    b.accessors,
                    Some(Accessors::Getter(_) | Accessors::GetSet { set: None, .. })
                )
            });
        if read_only {
            let what = match (in_type, mutable) {
                (true, _) => "read-only properties",
                (false, false) => "constants",
                (false, true) => "read-only variables",
            };
            self.error(
                format!("'{word}' modifier cannot be applied to {what}"),
                span,
            );
            return;
        }
        let getter = m.access.unwrap_or(Access::Internal);
        if setter > getter {
            let what = if in_type { "property" } else { "variable" };
            self.error(
                format!(
                    "{} {what} cannot have {} {} setter",
                    getter.keyword(),
                    article(setter),
                    setter.keyword()
                ),
                span,
            );
        }
    }
}
