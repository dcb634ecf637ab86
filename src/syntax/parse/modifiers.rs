//! Declaration modifiers and attributes: what the grammar collects before a declaration,
//! checked as swiftc's parser and attribute checker do.
//!
//! - Keywords (`static`, `final`, ...) set [`Modifiers`] flags; access levels (`private`,
//!   `public`, ..., `private(set)`) fill its access fields.
//! - Attributes Swift programs carry that change nothing here are accepted where Swift
//!   allows them (`@available(...)`, `@inline(never)`, `@inlinable`, `@usableFromInline`,
//!   `@frozen`, ...); `@discardableResult` sets its flag. Their argument lists are checked and
//!   removed from the token stream before the parse ([`Ctx::attribute_arguments`]), so the
//!   grammar sees `@name` only.
//! - Attributes that need the Objective-C runtime get swiftc's Linux error, attributes of
//!   features outside the subset say so, and any other name is swiftc's
//!   "unknown attribute".

use super::*;

/// What kind of word a modifier list entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModKind {
    /// A keyword (`static`, `private`, ...).
    Keyword,
    /// `@name` (its arguments, if any, were checked and removed before the parse).
    Attribute,
    /// `private(set)` and the like: the setter's access level.
    SetterAccess,
}

/// One entry of a declaration's modifier list, as the grammar collects it.
#[derive(Clone, Copy, Debug)]
pub struct ModWord<'a> {
    /// The keyword or attribute name.
    pub word: &'a str,
    /// Where the entry starts (an attribute's `@`).
    pub at: usize,
    /// Where the entry ends (after `(set)` for a setter access level).
    pub end: usize,
    /// What it is.
    pub kind: ModKind,
}

/// Attributes that need the Objective-C runtime, which `swift` on Linux does not have.
const OBJC_ATTRIBUTES: [&str; 12] = [
    "objc",
    "objcMembers",
    "IBAction",
    "IBOutlet",
    "IBInspectable",
    "IBDesignable",
    "IBSegueAction",
    "GKInspectable",
    "NSManaged",
    "NSCopying",
    "NSApplicationMain",
    "UIApplicationMain",
];

/// Swift attributes of features outside the subset.
const UNSUPPORTED_ATTRIBUTES: [&str; 14] = [
    "main",
    "propertyWrapper",
    "resultBuilder",
    "dynamicMemberLookup",
    "dynamicCallable",
    "MainActor",
    "globalActor",
    "preconcurrency",
    "testable",
    "backDeployed",
    "unknown",
    "attached",
    "freestanding",
    "_exported",
];

/// Attributes written before a function type (`@escaping () -> Void`): never stripped of a
/// following `(`, which is the function type's parameter list.
const TYPE_ATTRIBUTES: [&str; 4] = ["escaping", "autoclosure", "Sendable", "convention"];

/// Whether the accepted attribute `name` may be written on a declaration of this kind
/// (`None`: not an accepted declaration attribute).
fn attribute_applies(name: &str, kind: &DeclKind<'_>) -> Option<bool> {
    let func = matches!(kind, DeclKind::Func(_) | DeclKind::Init(_));
    let var = matches!(kind, DeclKind::Var { .. });
    Some(match name {
        "discardableResult" => func,
        "inline" | "inlinable" | "nonobjc" => func || var,
        "usableFromInline" => {
            func || var || matches!(kind, DeclKind::Type(..) | DeclKind::Typealias(..))
        }
        "frozen" => matches!(
            kind,
            DeclKind::Type(TypeDeclKind::Struct | TypeDeclKind::Enum, _)
        ),
        "available" => !matches!(kind, DeclKind::Import(_)),
        "warn_unqualified_access" => matches!(kind, DeclKind::Func(_)),
        "Sendable" => func,
        _ => return None,
    })
}

/// Whether an attribute needs an argument list (`Some(true)`), may not have one
/// (`Some(false)`), or is not ours to say (`None`).
fn attribute_arguments_rule(name: &str) -> Option<bool> {
    match name {
        "inline" | "available" | "backDeployed" | "convention" => Some(true),
        "discardableResult"
        | "inlinable"
        | "usableFromInline"
        | "frozen"
        | "nonobjc"
        | "warn_unqualified_access"
        | "main"
        | "propertyWrapper"
        | "resultBuilder"
        | "dynamicMemberLookup"
        | "dynamicCallable"
        | "testable" => Some(false),
        _ => None,
    }
}

impl<'a> Ctx<'a> {
    /// The attribute whose `@` is at `toks[i]`: checks its argument list and removes it
    /// (with a statement-ending newline after it, which the layout stage put after its `)`),
    /// so that the grammar sees `@name`.
    pub(super) fn attribute_arguments(&self, toks: &mut lexer::Tokens<'a, '_>, i: usize) {
        let Some(&name_tok) = toks.get(i + 1) else {
            return;
        };
        let Tok::Ident(name) = name_tok.tok else {
            return;
        };
        if TYPE_ATTRIBUTES.contains(&name) && name != "convention" {
            return;
        }
        let rule = attribute_arguments_rule(name);
        let open = toks
            .get(i + 2)
            .filter(|t| t.tok == Tok::LParen && t.start() == name_tok.end())
            .is_some();
        if !open {
            if rule == Some(true) {
                let at = name_tok.end();
                self.error(
                    format!("expected '(' in '{name}' attribute"),
                    Span::new(at, at),
                );
            }
            return;
        }
        // The matching `)`.
        let mut depth = 0usize;
        let mut close = None;
        for (k, t) in toks.iter().enumerate().skip(i + 2) {
            match t.tok {
                Tok::LParen => depth += 1,
                Tok::RParen => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(k);
                        break;
                    }
                }
                Tok::LBrace | Tok::RBrace => break,
                _ => {}
            }
        }
        let Some(close) = close else {
            let at = toks.get(i + 2).map_or(0, |t| t.start());
            self.error(
                format!("expected ')' in '{name}' attribute"),
                Span::new(at, at + 1),
            );
            return;
        };
        let args: Vec<Tok<'a>> = toks[i + 3..close].iter().map(|t| t.tok).collect();
        let args_at = toks[i + 2].end();
        match (name, rule) {
            (_, Some(false)) => {
                let at = toks[i + 2].start();
                self.error(
                    format!("unexpected '(' in attribute '{name}'"),
                    Span::new(at, at + 1),
                );
            }
            ("inline", _) => match args.as_slice() {
                [Tok::Ident("never" | "__always")] => {}
                [Tok::Ident(other), ..] => self.error(
                    format!("unknown option '{other}' for attribute 'inline'"),
                    Span::new(args_at, args_at + other.len()),
                ),
                _ => self.error(
                    "expected 'inline' option such as 'never'",
                    Span::new(args_at, args_at),
                ),
            },
            ("available", _) => {
                let platform =
                    matches!(args.first(), Some(Tok::Ident(_) | Tok::Binary(BinOp::Mul)));
                if !platform {
                    self.error(
                        "expected platform name or '*' for 'available' attribute",
                        Span::new(args_at, args_at),
                    );
                }
            }
            _ => {}
        }
        toks.drain(i + 2..=close);
        if toks.get(i + 2).is_some_and(|t| t.tok == Tok::Newline) {
            toks.remove(i + 2);
        }
    }

    /// A declaration with its modifiers and attributes.
    pub fn decl(
        &self,
        kind: DeclKind<'a>,
        mods: Vec<ModWord<'a>>,
        l: usize,
        r: usize,
    ) -> &'a Decl<'a> {
        let mut m = Modifiers::default();
        // Earlier entries, for "duplicate modifier" / "duplicate attribute".
        let mut seen: Vec<ModWord<'a>> = Vec::new();
        for w in mods {
            let span = Span::new(w.at, w.end);
            let duplicate = seen.iter().find(|s| {
                s.kind == w.kind
                    && (s.word == w.word
                        || (w.kind != ModKind::Attribute
                            && Access::from_keyword(s.word).is_some()
                            && Access::from_keyword(w.word).is_some()))
            });
            if let Some(first) = duplicate {
                let (what, skip) = if w.kind == ModKind::Attribute {
                    ("attribute", 1)
                } else {
                    ("modifier", 0)
                };
                self.diagnostic(
                    Diagnostic::error(format!("duplicate {what}"), Span::new(w.at + skip, w.end))
                        .with_note(
                            format!("{what} already specified here"),
                            Span::new(first.at + skip, first.end),
                        ),
                );
                continue;
            }
            seen.push(w);
            match w.kind {
                ModKind::Attribute => self.attribute(w.word, span, &kind, &mut m),
                ModKind::SetterAccess => {
                    let level = Access::from_keyword(w.word);
                    if matches!(kind, DeclKind::Var { .. }) {
                        m.setter_access = level;
                    } else {
                        self.error(
                            format!(
                                "'{}' modifier cannot be applied to this declaration",
                                w.word
                            ),
                            span,
                        );
                    }
                }
                ModKind::Keyword => {
                    if let Some(level) = Access::from_keyword(w.word) {
                        let allowed = !matches!(
                            kind,
                            DeclKind::EnumCase(_) | DeclKind::Deinit(_) | DeclKind::Import(_)
                        );
                        if !allowed {
                            self.error(
                                format!(
                                    "'{}' modifier cannot be applied to this declaration",
                                    w.word
                                ),
                                span,
                            );
                            continue;
                        }
                        let open_misused = level == Access::Open
                            && matches!(
                                kind,
                                DeclKind::Type(TypeDeclKind::Struct | TypeDeclKind::Enum, _)
                                    | DeclKind::Typealias(..)
                            );
                        if open_misused {
                            self.error(
                                "only classes and overridable class members can be declared 'open'; use 'public'",
                                span,
                            );
                        }
                        m.access = Some(level);
                        continue;
                    }
                    let flag = match w.word {
                        "static" => &mut m.is_static,
                        "class" => &mut m.is_class,
                        "override" => &mut m.is_override,
                        "final" => &mut m.is_final,
                        "mutating" => &mut m.is_mutating,
                        "lazy" => &mut m.is_lazy,
                        "weak" => &mut m.is_weak,
                        "unowned" => &mut m.is_unowned,
                        "convenience" => &mut m.is_convenience,
                        "required" => &mut m.is_required,
                        "indirect" => &mut m.is_indirect,
                        _ => continue,
                    };
                    *flag = true;
                }
            }
        }
        self.alloc(Decl {
            kind,
            modifiers: m,
            span: Span::new(l, r),
        })
    }

    /// `@name` on a declaration of `kind`; `span` covers `@name`. swiftc reports an
    /// attribute at its `@`, one with arguments at its name, an unknown one at its name.
    fn attribute(&self, name: &str, span: Span, kind: &DeclKind<'a>, m: &mut Modifiers) {
        let name_span = Span::new(span.start as usize + 1, span.end as usize);
        let span = if attribute_arguments_rule(name) == Some(true) {
            name_span
        } else {
            span
        };
        if let Some(applies) = attribute_applies(name, kind) {
            if !applies {
                self.error(
                    format!("'@{name}' attribute cannot be applied to this declaration"),
                    span,
                );
            } else if name == "discardableResult" {
                m.discardable_result = true;
            }
        } else if OBJC_ATTRIBUTES.contains(&name) {
            self.error("Objective-C interoperability is disabled", span);
        } else if TYPE_ATTRIBUTES.contains(&name) {
            self.error(
                "attribute can only be applied to types, not declarations",
                span,
            );
        } else if UNSUPPORTED_ATTRIBUTES.contains(&name) {
            self.error(format!("attribute '@{name}' is not supported"), span);
        } else {
            self.error(format!("unknown attribute '{name}'"), name_span);
        }
    }

    /// `@attribute (A) -> B`: `@escaping` makes the function type escaping, `@Sendable` and
    /// `@convention(...)` change nothing here.
    #[allow(clippy::too_many_arguments)]
    pub fn attributed_function_type(
        &self,
        name: &str,
        at: usize,
        params: &'a [TupleTypeElem<'a>],
        result: &'a TypeExpr<'a>,
        l: usize,
        r: usize,
    ) -> &'a TypeExpr<'a> {
        let span = Span::new(at, at + name.len());
        match name {
            "escaping" | "Sendable" | "convention" => {}
            "autoclosure" => self.error("attribute '@autoclosure' is not supported", span),
            _ if attribute_applies(name, &DeclKind::Unsupported("")).is_some()
                || OBJC_ATTRIBUTES.contains(&name)
                || UNSUPPORTED_ATTRIBUTES.contains(&name) =>
            {
                self.error(
                    "attribute can only be applied to declarations, not types",
                    span,
                );
            }
            _ => self.error(format!("unknown attribute '{name}'"), span),
        }
        self.function_type(params, result, name == "escaping", l, r)
    }

    /// `private(x)`: only `set` may be the subject.
    pub fn setter_access(
        &self,
        access: &'a str,
        subject: &str,
        at: usize,
        end: usize,
    ) -> ModWord<'a> {
        if subject != "set" {
            self.error(
                format!("expected 'set' as subject of '{access}' modifier"),
                Span::new(at + access.len() + 1, end.saturating_sub(1)),
            );
        }
        ModWord {
            word: access,
            at,
            end,
            kind: ModKind::SetterAccess,
        }
    }
}
