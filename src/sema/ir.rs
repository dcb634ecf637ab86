//! The typed tree that semantic analysis produces and the compiler consumes: names resolved
//! to slots, every expression typed, implicit conversions explicit, sugar lowered. It lives
//! in the Symbols arena and is gone when the compilation's arenas reset.

use super::types::TypeId;
use crate::stdlib::Builtin;
use crate::syntax::ast::Span;

/// A function being compiled: 0 is the top-level code of the compilation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncId(pub u32);

/// A local variable of a function (index into [`FuncIr::locals`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct VarId(pub u32);

/// A loop or labeled statement that `break` / `continue` can target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LoopId(pub u32);

/// Where a variable lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarRef {
    /// A local slot of the current function (boxed when captured by a closure).
    Local(VarId),
    /// A global of the module.
    Global(u32),
    /// The n-th captured variable of the current closure (always a box).
    Capture(u32),
}

/// What a local variable is.
#[derive(Clone, Debug)]
pub struct LocalInfo {
    /// Its name (for the disassembler and stack traces).
    pub name: String,
    /// Its type.
    pub ty: TypeId,
    /// Declared with `var`.
    pub mutable: bool,
    /// Captured by some closure: lives in a box so the closure sees writes.
    pub boxed: bool,
    /// `weak` / `unowned`: holds its instance without keeping it alive.
    pub ownership: Ownership,
}

/// How a variable holds a class instance (ARC).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Ownership {
    /// A strong reference keeps the instance alive.
    #[default]
    Strong,
    /// `weak`: reads `nil` once the instance is gone.
    Weak,
    /// `unowned`: reading it once the instance is gone traps.
    Unowned,
}

/// How a closure gets each captured variable when it is created.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaptureSource {
    /// A (boxed) local of the enclosing function.
    Local(VarId),
    /// A capture of the enclosing closure.
    Capture(u32),
    /// A capture-list entry (`[x]`): a value computed when the closure is made, pushed before
    /// the closure instruction (in capture order).
    Value,
    /// `[weak x]`: like `Value`, held weakly; reads `nil` once the instance is gone.
    WeakValue,
    /// `[unowned x]`: like `Value`, held weakly; reading it once the instance is gone traps.
    UnownedValue,
}

/// A function's typed body and frame layout.
#[derive(Debug)]
pub struct FuncIr<'s> {
    /// Its name as shown in stack traces (`main` for top-level code, `closure #1 in f` ...).
    pub name: String,
    /// Parameters are the first locals, in order.
    pub param_count: u32,
    /// Which parameters are `inout` (copied back to the caller on return).
    pub inout_params: Vec<u32>,
    /// All locals.
    pub locals: Vec<LocalInfo>,
    /// The body.
    pub body: &'s [TStmt<'s>],
    /// Captured variables, for closures (how to fetch each when the closure is made).
    pub captures: Vec<CaptureSource>,
    /// The captured variables' names, by capture index (for leak reports' cycle paths).
    pub capture_names: Vec<String>,
    /// Its result type.
    pub result: TypeId,
    /// The declaration's span (for the line in stack traces).
    pub span: Span,
}

/// A typed expression.
#[derive(Clone, Copy, Debug)]
pub struct TExpr<'s> {
    /// Its static type.
    pub ty: TypeId,
    /// What it computes.
    pub kind: TExprKind<'s>,
    /// Where it was written.
    pub span: Span,
}

/// Typed binary operations (the operand types are decided).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinKind {
    /// `Int + Int` (traps on overflow), and so on.
    AddInt,
    /// `-`
    SubInt,
    /// `*`
    MulInt,
    /// `/` (traps on zero and overflow)
    DivInt,
    /// `%`
    RemInt,
    /// `&+`
    AddWrapInt,
    /// `&-`
    SubWrapInt,
    /// `&*`
    MulWrapInt,
    /// `&`
    AndInt,
    /// `|`
    OrInt,
    /// `^`
    XorInt,
    /// `<<` (smart shift)
    ShlInt,
    /// `>>` (smart shift)
    ShrInt,
    /// Double arithmetic.
    AddDouble,
    /// `-`
    SubDouble,
    /// `*`
    MulDouble,
    /// `/`
    DivDouble,
    /// `String + String`
    Concat,
    /// `[T] + [T]`
    ArrayConcat,
    /// `<` on Int
    LtInt,
    /// `<=`
    LeInt,
    /// `>`
    GtInt,
    /// `>=`
    GeInt,
    /// `<` on Double
    LtDouble,
    /// `<=`
    LeDouble,
    /// `>`
    GtDouble,
    /// `>=`
    GeDouble,
    /// `<` on String / Character (Unicode order)
    LtStr,
    /// `<=`
    LeStr,
    /// `>`
    GtStr,
    /// `>=`
    GeStr,
    /// `==` on Int or Bool
    EqInt,
    /// `!=`
    NeInt,
    /// `==` on Double
    EqDouble,
    /// `!=`
    NeDouble,
    /// `==` on any Equatable value (strings, collections, tuples, optionals)
    EqValue,
    /// `!=`
    NeValue,
    /// `<` on tuples (lexicographic)
    LtTuple,
    /// `<=`
    LeTuple,
    /// `>`
    GtTuple,
    /// `>=`
    GeTuple,
    /// `===`
    Identical,
    /// `!==`
    NotIdentical,
}

/// Typed unary operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnKind {
    /// `-Int` (traps on `Int.min`)
    NegInt,
    /// `-Double`
    NegDouble,
    /// `!Bool`
    Not,
    /// `~Int`
    BitNot,
}

/// The forms of a typed expression.
#[derive(Clone, Copy, Debug)]
pub enum TExprKind<'s> {
    /// An `Int` constant.
    Int(i64),
    /// A `Double` constant.
    Double(f64),
    /// A `Bool` constant.
    Bool(bool),
    /// A `String` (or `Character`) constant.
    Str(&'s str),
    /// `nil` of the expression's optional type.
    Nil,
    /// `()`
    Void,
    /// An interpolated string: the parts concatenated, each described by its static type.
    Interpolation(&'s [TExpr<'s>]),
    /// A variable's value.
    Var(VarRef),
    /// A function used as a value (or called directly).
    Func(FuncId),
    /// A module-level function compiled earlier (REPL) or in this compilation.
    GlobalFunc(u32),
    /// A builtin function used as a value (`print` passed around): its builtin.
    BuiltinRef(Builtin),
    /// `place = value`
    Assign(&'s Place<'s>, &'s TExpr<'s>),
    /// `place op= value`: read, apply, write back.
    CompoundAssign(BinKind, &'s Place<'s>, &'s TExpr<'s>),
    /// A unary operation.
    Unary(UnKind, &'s TExpr<'s>),
    /// A binary operation.
    Binary(BinKind, &'s TExpr<'s>, &'s TExpr<'s>),
    /// `a && b`
    And(&'s TExpr<'s>, &'s TExpr<'s>),
    /// `a || b`
    Or(&'s TExpr<'s>, &'s TExpr<'s>),
    /// `a ?? b` (`b` evaluated only when `a` is nil)
    Coalesce(&'s TExpr<'s>, &'s TExpr<'s>),
    /// `c ? a : b`
    Ternary(&'s TExpr<'s>, &'s TExpr<'s>, &'s TExpr<'s>),
    /// A call of a function known at compile time. `inout` arguments are [`TExprKind::InOut`].
    Call(Callee, &'s [TExpr<'s>]),
    /// A call of a function value (closure).
    CallValue(&'s TExpr<'s>, &'s [TExpr<'s>]),
    /// A builtin function or method; a method's receiver is the first argument. `inout`
    /// receivers (mutating methods) are [`TExprKind::InOut`].
    Builtin(Builtin, &'s [TExpr<'s>]),
    /// An `inout` argument: the place is read before the call and written after it.
    InOut(&'s Place<'s>),
    /// `[a, b]`
    Array(&'s [TExpr<'s>]),
    /// `[k: v]`
    Dictionary(&'s [(TExpr<'s>, TExpr<'s>)]),
    /// `(a, b)`
    Tuple(&'s [TExpr<'s>]),
    /// `t.0` / `t.label`
    TupleField(&'s TExpr<'s>, u32),
    /// `T → T?`: a no-op unless `T` is itself optional.
    WrapOptional(&'s TExpr<'s>),
    /// `e!`
    ForceUnwrap(&'s TExpr<'s>),
    /// `base?.rest`: `base` evaluated; nil short-circuits to nil; otherwise its unwrapped value
    /// is stored in `var` and `rest` (typed non-optional or optional) is the result, wrapped.
    OptionalChain {
        /// The optional being chained.
        base: &'s TExpr<'s>,
        /// Holds the unwrapped base while `rest` runs.
        var: VarId,
        /// The rest of the chain, in terms of `var`.
        rest: &'s TExpr<'s>,
    },
    /// The running local function's own closure (it names itself in its body).
    CurrentClosure,
    /// A closure value: its function, and the values of its capture list (`[x]`), computed
    /// when the closure is made.
    Closure(FuncId, &'s [TExpr<'s>]),
    /// A new instance of class (nominal index), its properties at their defaults.
    NewObject(u32),
    /// A class instance's stored property.
    ObjField(&'s TExpr<'s>, u32),
    /// A class method call dispatched on the receiver (the first argument): method key.
    CallMethod(u32, &'s [TExpr<'s>]),
    /// An enum value: case index and associated values.
    EnumCase(u32, &'s [TExpr<'s>]),
    /// `lo..<hi` / `lo...hi` (as a value)
    Range(&'s TExpr<'s>, &'s TExpr<'s>, bool),
    /// A typed no-op wrapper: the value of the inner expression, with another static type
    /// (`x as Double` of a literal, upcasts).
    Retype(&'s TExpr<'s>),
    /// Evaluates the statements, then the expression (switch lowering, multi-statement sugar).
    Seq(&'s [TStmt<'s>], &'s TExpr<'s>),
}

/// Which function a direct call calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Callee {
    /// A function of this compilation.
    Func(FuncId),
    /// A module-level function compiled earlier (REPL).
    Global(u32),
}

/// How a property place is read or written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Accessor {
    /// A module function called directly.
    Func(u32),
    /// A class member dispatched on the instance's class (method key): a subclass overrides it.
    Method(u32),
    /// A stored property read in place (an observed property's getter).
    Field(u32),
}

/// Something that can be assigned to.
#[derive(Clone, Copy, Debug)]
pub enum Place<'s> {
    /// A variable.
    Var(VarRef, TypeId),
    /// `base[index]` on an array (`base` is itself a place: copy-on-write writes back).
    Index(&'s Place<'s>, &'s TExpr<'s>, TypeId),
    /// `base[key]` on a dictionary (the value written is optional: nil removes).
    DictKey(&'s Place<'s>, &'s TExpr<'s>, TypeId),
    /// `base[key]!` on a dictionary: traps when the key is absent.
    DictForce(&'s Place<'s>, &'s TExpr<'s>, TypeId),
    /// A computed or observed property of a class instance: getter and setter take the
    /// instance (the setter of an observed stored property runs its observers).
    ObjComputed(&'s TExpr<'s>, Accessor, Accessor, TypeId),
    /// A stored property of a class instance (a reference: no write-back of the base).
    ObjField(&'s TExpr<'s>, u32, TypeId),
    /// A computed or observed property of a value: read with the getter, written with the
    /// setter (a module function taking the base `inout`, which runs any observers).
    Computed(&'s Place<'s>, Accessor, u32, TypeId),
    /// `base[key, default: d]` on a dictionary.
    DictKeyDefault(&'s Place<'s>, &'s TExpr<'s>, &'s TExpr<'s>, TypeId),
    /// `base.0`
    TupleField(&'s Place<'s>, u32, TypeId),
    /// `base!` of an optional place: traps when it is nil (`c.o! += 1`).
    Unwrapped(&'s Place<'s>, TypeId),
    /// `_ = e`: evaluates and drops.
    Discard,
}

/// A condition of `if`, `while` or `guard`.
#[derive(Clone, Copy, Debug)]
pub enum TCond<'s> {
    /// A Bool.
    Bool(TExpr<'s>),
    /// `let x = opt`: true when non-nil, with the value stored in `var`.
    Bind(VarId, TExpr<'s>),
    /// `case pattern = value`: the value is stored in the pattern's subject var first.
    Match(VarId, TExpr<'s>, &'s TPattern<'s>),
}

/// A compiled pattern, matched against a subject variable.
#[derive(Clone, Copy, Debug)]
pub enum TPattern<'s> {
    /// `_`
    Any,
    /// Binds the subject's value to a variable.
    Bind(VarId),
    /// Equal to a value (`==` of the given kind: EqInt, EqDouble or EqValue).
    Equal(BinKind, TExpr<'s>),
    /// In a range: `lo..<hi` / `lo...hi` / one-sided (bounds optional), with the comparison
    /// family (`LtInt` for Int, `LtDouble`, `LtStr`).
    Range(Option<TExpr<'s>>, Option<TExpr<'s>>, bool, BinKind),
    /// Tuple elements, each against the tuple's field (stored in the given vars).
    Tuple(&'s [(VarId, TPattern<'s>)]),
    /// An enum case: the tag, then each associated value (stored in the var) against its pattern.
    EnumCase(u32, &'s [(VarId, TPattern<'s>)]),
    /// `is C`: an instance of class C (nominal index) or a subclass.
    IsClass(u32),
    /// `p as C`: an instance of C; the value (stored in the var) matches `p`.
    AsClass(u32, VarId, &'s TPattern<'s>),
    /// `p?`: non-nil, and the unwrapped value (stored in the var) matches `p`.
    Some(VarId, &'s TPattern<'s>),
    /// A pattern with a `where` guard evaluated after its bindings.
    Guarded(&'s TPattern<'s>, TExpr<'s>),
}

impl TPattern<'_> {
    /// The variables a pattern stores into (bindings and the intermediate subjects).
    pub fn vars(p: &TPattern<'_>, out: &mut Vec<VarId>) {
        match p {
            TPattern::Any | TPattern::Equal(..) | TPattern::Range(..) | TPattern::IsClass(_) => {}
            TPattern::Bind(v) => out.push(*v),
            TPattern::Tuple(elems) | TPattern::EnumCase(_, elems) => {
                for (v, inner) in elems.iter() {
                    out.push(*v);
                    TPattern::vars(inner, out);
                }
            }
            TPattern::AsClass(_, v, inner) | TPattern::Some(v, inner) => {
                out.push(*v);
                TPattern::vars(inner, out);
            }
            TPattern::Guarded(inner, _) => TPattern::vars(inner, out),
        }
    }
}

/// A typed statement.
#[derive(Clone, Copy, Debug)]
pub struct TStmt<'s> {
    /// What it does.
    pub kind: TStmtKind<'s>,
    /// Where it was written.
    pub span: Span,
}

// Half of what it was with the loops' expressions inline (a big script has a lot of them).
const _: () = assert!(std::mem::size_of::<TStmt<'_>>() <= 72);

/// One case of a lowered switch.
#[derive(Clone, Copy, Debug)]
pub struct TCase<'s> {
    /// Alternatives; the case runs when any matches. Empty means `default`.
    pub patterns: &'s [TPattern<'s>],
    /// The body.
    pub body: &'s [TStmt<'s>],
    /// Whether the body ends in `fallthrough`.
    pub falls_through: bool,
}

/// The forms of a typed statement. The expressions of the rarer forms (loops, `switch`) are
/// boxed, so that every statement is not as big as a `for` loop over a range.
#[derive(Clone, Copy, Debug)]
pub enum TStmtKind<'s> {
    /// An expression evaluated for effect.
    Expr(TExpr<'s>),
    /// Initialises a variable (a fresh box if the variable is boxed).
    Init(VarRef, TExpr<'s>),
    /// Declares a variable with no initial value (a box if boxed).
    Declare(VarRef),
    /// Matches a value against an irrefutable pattern (tuple destructuring).
    Destructure(VarId, TExpr<'s>, &'s TPattern<'s>),
    /// `if`
    If(&'s [TCond<'s>], &'s [TStmt<'s>], &'s [TStmt<'s>]),
    /// `guard conds else { els }`
    Guard(&'s [TCond<'s>], &'s [TStmt<'s>]),
    /// `while conds { body }`
    While(LoopId, &'s [TCond<'s>], &'s [TStmt<'s>]),
    /// `repeat { body } while cond`
    Repeat(LoopId, &'s [TStmt<'s>], &'s TExpr<'s>),
    /// `for i in lo..<hi` / `lo...hi` over Int, without materialising the range.
    ForRange {
        /// The loop.
        id: LoopId,
        /// The loop variable (None for `_`).
        var: Option<VarId>,
        /// Lower bound.
        lo: &'s TExpr<'s>,
        /// Upper bound.
        hi: &'s TExpr<'s>,
        /// `...`
        closed: bool,
        /// The body (with the `where` filter lowered in).
        body: &'s [TStmt<'s>],
        /// Hidden counter and limit slots.
        counter: VarId,
        /// The evaluated upper bound.
        limit: VarId,
    },
    /// `for x in sequence`: iterates with a hidden iterator.
    ForEach {
        /// The loop.
        id: LoopId,
        /// The sequence.
        seq: &'s TExpr<'s>,
        /// Hidden iterator slot.
        iter: VarId,
        /// The element, matched against the pattern.
        elem: VarId,
        /// The pattern binding each element.
        pattern: &'s TPattern<'s>,
        /// The body.
        body: &'s [TStmt<'s>],
    },
    /// A lowered `switch`: the subject is stored in `subject`, then cases are tried in order.
    Switch(LoopId, VarId, &'s TExpr<'s>, &'s [TCase<'s>], bool),
    /// `do { }` (a labeled block `break` can leave)
    Block(LoopId, &'s [TStmt<'s>]),
    /// `return`
    Return(Option<TExpr<'s>>),
    /// `break`
    Break(LoopId),
    /// `continue`
    Continue(LoopId),
    /// `defer { }`: runs when the enclosing scope exits.
    Defer(&'s [TStmt<'s>]),
    /// `fatalError`-like: the statement never completes (used after guard's else checks).
    Unreachable,
}
