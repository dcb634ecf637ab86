//! The syntax tree. Every node lives in the AST subsystem's arena and refers to its children
//! as `&'a` references, so the whole tree goes at the arena's reset, and a use after reset
//! does not compile (house rule 7). Nodes hold no `Drop` resources.
//!
//! Names are `&'a str` slices of the source (or of the arena for decoded text). Spans are
//! byte offsets into the source file.

use super::token::{BinOp, PrefixOp};

/// A byte range in the source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// The span from `start` to `end` (clamped to `u32`).
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A name with its span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ident<'a> {
    /// The name.
    pub name: &'a str,
    /// Where it was written.
    pub span: Span,
}

/// A type as written.
#[derive(Clone, Copy, Debug)]
pub struct TypeExpr<'a> {
    /// What kind of type.
    pub kind: TypeKind<'a>,
    /// Where it was written.
    pub span: Span,
}

/// The forms a written type takes.
#[derive(Clone, Copy, Debug)]
pub enum TypeKind<'a> {
    /// `Int`, `Array<Int>`, `Outer.Inner`: a path of names, the last with generic arguments.
    Named {
        /// Path components (`["Outer", "Inner"]`).
        path: &'a [Ident<'a>],
        /// Generic arguments of the last component.
        args: &'a [TypeExpr<'a>],
    },
    /// `[T]`
    Array(&'a TypeExpr<'a>),
    /// `[K: V]`
    Dictionary(&'a TypeExpr<'a>, &'a TypeExpr<'a>),
    /// `T?`
    Optional(&'a TypeExpr<'a>),
    /// `T!`
    ImplicitlyUnwrapped(&'a TypeExpr<'a>),
    /// `(A, b: B)`; `()` is `Void`. A one-element unlabeled tuple is just parentheses.
    Tuple(&'a [TupleTypeElem<'a>]),
    /// `(A, B) -> C`, with attributes such as `@escaping` on the parameters' side.
    Function {
        /// Parameter types (an `inout` parameter is marked).
        params: &'a [FuncTypeParam<'a>],
        /// Result type.
        result: &'a TypeExpr<'a>,
        /// Written with `@escaping`.
        escaping: bool,
    },
    /// `Self`
    SelfType,
}

/// One element of a tuple type.
#[derive(Clone, Copy, Debug)]
pub struct TupleTypeElem<'a> {
    /// Its label, if any.
    pub label: Option<Ident<'a>>,
    /// Its type.
    pub ty: TypeExpr<'a>,
}

/// One parameter of a function type.
#[derive(Clone, Copy, Debug)]
pub struct FuncTypeParam<'a> {
    /// Marked `inout`.
    pub inout: bool,
    /// Its type.
    pub ty: TypeExpr<'a>,
}

/// An expression.
#[derive(Clone, Copy, Debug)]
pub struct Expr<'a> {
    /// What kind.
    pub kind: ExprKind<'a>,
    /// Where it was written.
    pub span: Span,
}

/// A piece of a string literal.
#[derive(Clone, Copy, Debug)]
pub enum StrSegment<'a> {
    /// Literal text, escapes decoded.
    Text(&'a str),
    /// `\(expr)`
    Interp(&'a Expr<'a>),
}

/// A call or subscript argument.
#[derive(Clone, Copy, Debug)]
pub struct Arg<'a> {
    /// `label:` if written.
    pub label: Option<Ident<'a>>,
    /// The value (`&x` is an [`ExprKind::InOut`]).
    pub value: &'a Expr<'a>,
}

/// The forms of `is` / `as`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CastKind {
    /// `x is T`
    Is,
    /// `x as T` (upcast or literal typing)
    As,
    /// `x as? T`
    Conditional,
    /// `x as! T`
    Forced,
}

/// The forms an expression takes.
#[derive(Clone, Copy, Debug)]
pub enum ExprKind<'a> {
    /// An integer literal as written.
    Int(&'a str),
    /// A floating-point literal as written.
    Float(&'a str),
    /// A string literal, decoded into segments.
    Str(&'a [StrSegment<'a>]),
    /// `true` / `false`
    Bool(bool),
    /// `nil`
    Nil,
    /// A name.
    Name(&'a str),
    /// A type used as a value, with generic arguments: `Set<Int>` in `Set<Int>()`.
    TypeRef(&'a TypeExpr<'a>),
    /// `$0`
    Dollar(u32),
    /// `self`
    SelfValue,
    /// `super.name`
    SuperMember(Ident<'a>),
    /// `.name` (implicit member: `.north`, `.some(1)`)
    ImplicitMember(Ident<'a>),
    /// `[a, b]`
    Array(&'a [Expr<'a>]),
    /// `[k: v, ...]`; `[:]` is empty.
    Dictionary(&'a [(Expr<'a>, Expr<'a>)]),
    /// `(a, b: c)`; `()` is the empty tuple. One unlabeled element is [`ExprKind::Paren`].
    Tuple(&'a [Arg<'a>]),
    /// `(e)`
    Paren(&'a Expr<'a>),
    /// `base.name`
    Member(&'a Expr<'a>, Ident<'a>),
    /// `base.0`
    TupleIndex(&'a Expr<'a>, u32, Span),
    /// `callee(args) { trailing }`
    Call {
        /// What is called.
        callee: &'a Expr<'a>,
        /// Arguments in parentheses, then trailing closures (labeled after the first).
        args: &'a [Arg<'a>],
        /// How many of `args` are trailing closures (at the end).
        trailing: u32,
    },
    /// `base[args]`
    Subscript(&'a Expr<'a>, &'a [Arg<'a>]),
    /// `e?` (optional chaining; the chain ends where the postfix expression does)
    OptionalChain(&'a Expr<'a>),
    /// `e!`
    ForceUnwrap(&'a Expr<'a>),
    /// `-e`, `!e`, `..<e`
    Prefix(PrefixOp, &'a Expr<'a>),
    /// `e...`
    PostfixRange(&'a Expr<'a>),
    /// `a op b` (not assignment)
    Binary(BinOp, &'a Expr<'a>, &'a Expr<'a>),
    /// `target = value`, `target op= value` (`op` is `BinOp::Assign` or `BinOp::Compound`)
    Assign(BinOp, &'a Expr<'a>, &'a Expr<'a>),
    /// `c ? a : b`
    Ternary(&'a Expr<'a>, &'a Expr<'a>, &'a Expr<'a>),
    /// `e is T`, `e as? T`, ...
    Cast(CastKind, &'a Expr<'a>, &'a TypeExpr<'a>),
    /// `{ ... }`
    Closure(&'a Closure<'a>),
    /// `&x` (an `inout` argument)
    InOut(&'a Expr<'a>),
    /// `let p` / `var p` inside a pattern (only the pattern grammar produces it).
    PatternBinding(bool, &'a Expr<'a>),
    /// `is T` as a pattern (only the pattern grammar produces it).
    PatternIs(&'a TypeExpr<'a>),
    /// An operator used as a function value (`reduce(0, +)`).
    OperatorRef(BinOp),
    /// A literal the compiler fills in: `#file`, `#line`...
    Magic(Magic),
    /// An `if` or `switch` used as an expression (Swift 5.9).
    StmtExpr(&'a StmtExpr<'a>),
    /// Stands in for an expression that failed to parse (errors were reported).
    Error,
}

/// An `if` or `switch` statement used as an expression (Swift 5.9, SE-0380): the value of
/// a `let`/`var` initializer, of a `return`, or the right side of `=`. (A function or
/// closure body that is one such statement is taken as its value by the checker.)
#[derive(Clone, Copy, Debug)]
pub struct StmtExpr<'a> {
    /// The `if` (else-ifs nested in its `els`) or `switch` statement.
    pub stmt: Stmt<'a>,
    /// For an `if`: each branch's braces in order (then, each else-if's then, the final
    /// else), for where swiftc reports a branch.
    pub braces: &'a [Span],
}

/// The literals `#file`, `#fileID`, `#filePath`, `#line` and `#column`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Magic {
    /// `#file` and `#filePath`: the script's path as given on the command line.
    File,
    /// `#fileID`: `module/file.swift`.
    FileId,
    /// `#line`: the line it is written on.
    Line(u32),
    /// `#column`: the column it starts at.
    Column(u32),
    /// `#function`: the enclosing declaration's name.
    Function,
}

/// A closure expression.
#[derive(Clone, Copy, Debug)]
pub struct Closure<'a> {
    /// `[weak self, unowned x]`
    pub captures: &'a [Capture<'a>],
    /// Parameters, if a signature was written (`{ a, b in }`, `{ (a: Int) -> Int in }`).
    pub params: Option<&'a [ClosureParam<'a>]>,
    /// The written result type.
    pub result: Option<&'a TypeExpr<'a>>,
    /// The body.
    pub body: &'a [Stmt<'a>],
    /// The whole closure.
    pub span: Span,
}

/// How a capture list entry holds its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaptureKind {
    /// `[x]`: a strong copy made when the closure is created.
    Strong,
    /// `[weak x]`
    Weak,
    /// `[unowned x]`
    Unowned,
}

/// One capture list entry.
#[derive(Clone, Copy, Debug)]
pub struct Capture<'a> {
    /// Strong, weak or unowned.
    pub kind: CaptureKind,
    /// The name bound inside the closure.
    pub name: Ident<'a>,
    /// `[y = expr]`: the value captured, if not the name itself.
    pub value: Option<&'a Expr<'a>>,
}

/// A closure parameter.
#[derive(Clone, Copy, Debug)]
pub struct ClosureParam<'a> {
    /// Its name (`_` is ignored).
    pub name: Ident<'a>,
    /// Its type, if written.
    pub ty: Option<&'a TypeExpr<'a>>,
    /// Marked `inout`.
    pub inout: bool,
}

/// A statement.
#[derive(Clone, Copy, Debug)]
pub struct Stmt<'a> {
    /// What kind.
    pub kind: StmtKind<'a>,
    /// Where it was written.
    pub span: Span,
}

// The rare parts (labels, `typealias` names) are boxed to keep these small: a big script's
// tree is mostly statements, declarations and expressions.
const _: () = assert!(std::mem::size_of::<Stmt<'_>>() <= 72);
const _: () = assert!(std::mem::size_of::<Decl<'_>>() <= 48);

/// One condition of an `if`, `guard` or `while` condition list.
#[derive(Clone, Copy, Debug)]
pub enum Cond<'a> {
    /// A Boolean expression.
    Expr(&'a Expr<'a>),
    /// `let x = opt`, `var x = opt`, `let x` (Swift 5.7 shorthand: `value` is `None`).
    Bind {
        /// `var` rather than `let`.
        mutable: bool,
        /// The bound name.
        name: Ident<'a>,
        /// An annotation `let x: Int = ...`.
        ty: Option<&'a TypeExpr<'a>>,
        /// The optional being unwrapped.
        value: Option<&'a Expr<'a>>,
    },
    /// `case pattern = value`
    Case(&'a Pattern<'a>, &'a Expr<'a>),
}

/// A label on a loop, `if`, `switch` or `do`. Boxed: labels are rare, and inline they would
/// make every statement 16 bytes bigger.
pub type Label<'a> = Option<&'a Ident<'a>>;

/// The forms a statement takes.
#[derive(Clone, Copy, Debug)]
pub enum StmtKind<'a> {
    /// An expression (a call, an assignment, ...).
    Expr(&'a Expr<'a>),
    /// A declaration.
    Decl(&'a Decl<'a>),
    /// `return e?`
    Return(Option<&'a Expr<'a>>),
    /// `break label?`
    Break(Option<Ident<'a>>),
    /// `continue label?`
    Continue(Option<Ident<'a>>),
    /// `fallthrough`
    Fallthrough,
    /// `if conds { } else ...`
    If {
        /// Label.
        label: Label<'a>,
        /// The condition list.
        conds: &'a [Cond<'a>],
        /// The `then` block.
        then: &'a [Stmt<'a>],
        /// `else { }` or `else if ...` (a one-statement slice holding the `if`).
        els: Option<&'a [Stmt<'a>]>,
    },
    /// `guard conds else { }`
    Guard {
        /// The condition list.
        conds: &'a [Cond<'a>],
        /// The `else` block (must not fall through).
        els: &'a [Stmt<'a>],
    },
    /// `while conds { }`
    While {
        /// Label.
        label: Label<'a>,
        /// The condition list.
        conds: &'a [Cond<'a>],
        /// The body.
        body: &'a [Stmt<'a>],
    },
    /// `repeat { } while cond`
    Repeat {
        /// Label.
        label: Label<'a>,
        /// The body.
        body: &'a [Stmt<'a>],
        /// The condition.
        cond: &'a Expr<'a>,
    },
    /// `for pattern in seq where cond { }`
    For {
        /// Label.
        label: Label<'a>,
        /// What each element binds.
        pattern: &'a Pattern<'a>,
        /// `for case pattern in`: elements the pattern does not match are skipped.
        refutable: bool,
        /// The sequence.
        seq: &'a Expr<'a>,
        /// `where` filter.
        filter: Option<&'a Expr<'a>>,
        /// The body.
        body: &'a [Stmt<'a>],
    },
    /// `switch subject { cases }`
    Switch {
        /// Label.
        label: Label<'a>,
        /// The value switched on.
        subject: &'a Expr<'a>,
        /// The cases in order.
        cases: &'a [SwitchCase<'a>],
    },
    /// `defer { }`
    Defer(&'a [Stmt<'a>]),
    /// `do { }`
    Do {
        /// Label.
        label: Label<'a>,
        /// The body.
        body: &'a [Stmt<'a>],
    },
    /// A construct outside the subset, already reported.
    Error,
}

/// One `case` (or `default`) of a switch.
#[derive(Clone, Copy, Debug)]
pub struct SwitchCase<'a> {
    /// The patterns, each with its `where` guard; empty for `default`.
    pub items: &'a [CaseItem<'a>],
    /// The statements.
    pub body: &'a [Stmt<'a>],
    /// The `case ...:` head.
    pub span: Span,
}

/// One pattern of a `case` with its guard.
#[derive(Clone, Copy, Debug)]
pub struct CaseItem<'a> {
    /// The pattern.
    pub pattern: &'a Pattern<'a>,
    /// `where` guard.
    pub guard: Option<&'a Expr<'a>>,
}

/// A pattern.
#[derive(Clone, Copy, Debug)]
pub struct Pattern<'a> {
    /// What kind.
    pub kind: PatternKind<'a>,
    /// Where it was written.
    pub span: Span,
}

/// The forms a pattern takes.
#[derive(Clone, Copy, Debug)]
pub enum PatternKind<'a> {
    /// `_`
    Wildcard,
    /// A name that binds (inside `let`/`var`, or in a `for` / declaration).
    Bind(Ident<'a>),
    /// `let p` / `var p`: names inside `p` bind.
    Binding {
        /// `var` rather than `let`.
        mutable: bool,
        /// The pattern.
        inner: &'a Pattern<'a>,
    },
    /// `(p, q)`
    Tuple(&'a [Pattern<'a>]),
    /// An expression matched with `~=` / `==` (literals, ranges, constants).
    Expr(&'a Expr<'a>),
    /// `.case(p, q)`, `Type.case(p)`, `.case`
    EnumCase {
        /// `Type.` if written.
        ty: Option<&'a TypeExpr<'a>>,
        /// The case name.
        case: Ident<'a>,
        /// Payload patterns.
        payload: Option<&'a [Pattern<'a>]>,
    },
    /// `p?` (matches a non-nil optional)
    Optional(&'a Pattern<'a>),
    /// `is T`
    Is(&'a TypeExpr<'a>),
    /// `p as T`
    As(&'a Pattern<'a>, &'a TypeExpr<'a>),
    /// `p: T` (in declarations)
    Typed(&'a Pattern<'a>, &'a TypeExpr<'a>),
}

/// Declaration modifiers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Modifiers {
    /// `static`
    pub is_static: bool,
    /// `class` (as a member modifier)
    pub is_class: bool,
    /// `override`
    pub is_override: bool,
    /// `final`
    pub is_final: bool,
    /// `mutating`
    pub is_mutating: bool,
    /// `lazy`
    pub is_lazy: bool,
    /// `weak`
    pub is_weak: bool,
    /// `unowned`
    pub is_unowned: bool,
    /// `convenience`
    pub is_convenience: bool,
    /// `required`
    pub is_required: bool,
    /// `indirect`
    pub is_indirect: bool,
    /// `@discardableResult`
    pub discardable_result: bool,
    /// `private`, `fileprivate`, `internal`, `public`, `open`, if written.
    pub access: Option<Access>,
    /// `private(set)` and the like, if written.
    pub setter_access: Option<Access>,
}

/// An access level, from the most restrictive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Access {
    /// `private`: the enclosing declaration (and, at the top level, the file).
    Private,
    /// `fileprivate`: the file.
    FilePrivate,
    /// `internal` (the default): the module.
    Internal,
    /// `public`
    Public,
    /// `open` (classes and their overridable members)
    Open,
}

impl Access {
    /// The keyword.
    pub fn keyword(self) -> &'static str {
        match self {
            Access::Private => "private",
            Access::FilePrivate => "fileprivate",
            Access::Internal => "internal",
            Access::Public => "public",
            Access::Open => "open",
        }
    }

    /// The level a keyword names.
    pub fn from_keyword(word: &str) -> Option<Access> {
        Some(match word {
            "private" => Access::Private,
            "fileprivate" => Access::FilePrivate,
            "internal" => Access::Internal,
            "public" => Access::Public,
            "open" => Access::Open,
            _ => return None,
        })
    }
}

/// A declaration.
#[derive(Clone, Copy, Debug)]
pub struct Decl<'a> {
    /// What kind.
    pub kind: DeclKind<'a>,
    /// Modifiers written before it.
    pub modifiers: Modifiers,
    /// Where it was written.
    pub span: Span,
}

/// One `name: Type = value` of a `let` / `var`.
#[derive(Clone, Copy, Debug)]
pub struct Binding<'a> {
    /// The pattern (a name, or a tuple for destructuring).
    pub pattern: &'a Pattern<'a>,
    /// The annotation.
    pub ty: Option<&'a TypeExpr<'a>>,
    /// The initial value.
    pub init: Option<&'a Expr<'a>>,
    /// Accessors or observers (`{ get set }`, `{ willSet didSet }`, or a getter body).
    pub accessors: Option<&'a Accessors<'a>>,
}

/// The accessor block of a computed or observed property.
#[derive(Clone, Copy, Debug)]
pub enum Accessors<'a> {
    /// `var x: T { body }`: a getter only.
    Getter(&'a [Stmt<'a>]),
    /// `get { } set(name) { }`
    GetSet {
        /// The getter.
        get: &'a [Stmt<'a>],
        /// The setter with its parameter name (`newValue` if not written).
        set: Option<(Option<Ident<'a>>, &'a [Stmt<'a>])>,
    },
    /// `willSet(name) { } didSet(name) { }`
    Observers {
        /// `willSet`
        will_set: Option<(Option<Ident<'a>>, &'a [Stmt<'a>])>,
        /// `didSet`
        did_set: Option<(Option<Ident<'a>>, &'a [Stmt<'a>])>,
    },
}

/// A function parameter.
#[derive(Clone, Copy, Debug)]
pub struct Param<'a> {
    /// The argument label: `None` for `_`; the name itself when only one name is written.
    pub label: Option<Ident<'a>>,
    /// The name inside the function.
    pub name: Ident<'a>,
    /// Its type.
    pub ty: &'a TypeExpr<'a>,
    /// `inout`
    pub inout: bool,
    /// `T...`
    pub variadic: bool,
    /// Default value.
    pub default: Option<&'a Expr<'a>>,
}

/// A function, method or initializer.
#[derive(Clone, Copy, Debug)]
pub struct FuncDecl<'a> {
    /// Its name (`init` for initializers).
    pub name: Ident<'a>,
    /// Parameters.
    pub params: &'a [Param<'a>],
    /// Written result type.
    pub result: Option<&'a TypeExpr<'a>>,
    /// The body.
    pub body: &'a [Stmt<'a>],
    /// `init?`
    pub failable: bool,
}

/// An enum case declaration element: `case upc(Int, Int)`, `case a = 1`.
#[derive(Clone, Copy, Debug)]
pub struct EnumCaseDecl<'a> {
    /// The case name.
    pub name: Ident<'a>,
    /// Associated value types (with optional labels).
    pub payload: Option<&'a [TupleTypeElem<'a>]>,
    /// Raw value literal.
    pub raw: Option<&'a Expr<'a>>,
    /// `indirect case`.
    pub indirect: bool,
}

/// A class, struct or enum.
#[derive(Clone, Copy, Debug)]
pub struct TypeDecl<'a> {
    /// Its name.
    pub name: Ident<'a>,
    /// The inheritance clause (superclass, raw type, `CaseIterable`, ...).
    pub inherits: &'a [TypeExpr<'a>],
    /// Members in order.
    pub members: &'a [Decl<'a>],
}

/// The kinds of type declaration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeDeclKind {
    /// `class`
    Class,
    /// `struct`
    Struct,
    /// `enum`
    Enum,
}

/// The forms a declaration takes.
#[derive(Clone, Copy, Debug)]
pub enum DeclKind<'a> {
    /// `let` / `var` with one or more bindings.
    Var {
        /// `var` rather than `let`.
        mutable: bool,
        /// The bindings.
        bindings: &'a [Binding<'a>],
    },
    /// `func`
    Func(&'a FuncDecl<'a>),
    /// `init` / `init?`
    Init(&'a FuncDecl<'a>),
    /// `deinit { }`
    Deinit(&'a [Stmt<'a>]),
    /// `class` / `struct` / `enum`
    Type(TypeDeclKind, &'a TypeDecl<'a>),
    /// `case a, b(Int)` inside an enum.
    EnumCase(&'a [EnumCaseDecl<'a>]),
    /// `typealias Name = Type` (the name boxed: inline it would make every declaration 16
    /// bytes bigger).
    Typealias(&'a Ident<'a>, &'a TypeExpr<'a>),
    /// `import Name` (boxed, as the `typealias` name).
    Import(&'a Ident<'a>),
    /// A construct outside the subset (`protocol`, `extension`, ...), named for the error.
    Unsupported(&'a str),
}
