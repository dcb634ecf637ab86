//! The tokens the parser sees (LALRPOP's external token type).
//!
//! The raw logos lexer (`lexer.rs`) produces [`RawTok`]s; the layout filter
//! (`layout.rs`) turns them into `Tok`s, deciding what Swift decides from whitespace:
//! whether an operator is prefix, postfix or binary, whether a newline ends a statement,
//! whether `<` opens a generic argument list, and whether `get`/`set`/`willSet`/`didSet`
//! start an accessor.

use std::fmt;

/// A token with the contextual decisions made. Literal and identifier payloads borrow the
/// source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok<'src> {
    // Names and literals
    /// An identifier (backquoted identifiers have their backquotes stripped).
    Ident(&'src str),
    /// `$0`, `$1`, ...: the text after `$`.
    Dollar(&'src str),
    /// An integer literal as written (`0x1F`, `1_000`).
    Int(&'src str),
    /// A floating-point literal as written (`1.5`, `1e-3`, `0x1p4`).
    Float(&'src str),
    /// A string literal as written, with its quotes (`"a\(b)"`, `"""..."""`). Decoded by
    /// `strings::decode`.
    Str(&'src str),

    // Keywords
    /// `let`
    Let,
    /// `var`
    Var,
    /// `func`
    Func,
    /// `return`
    Return,
    /// `if`
    If,
    /// `else`
    Else,
    /// `guard`
    Guard,
    /// `while`
    While,
    /// `repeat`
    Repeat,
    /// `for`
    For,
    /// `in`
    In,
    /// `break`
    Break,
    /// `continue`
    Continue,
    /// `switch`
    Switch,
    /// `case`
    Case,
    /// `default`
    Default,
    /// `fallthrough`
    Fallthrough,
    /// `where`
    Where,
    /// `true`
    True,
    /// `false`
    False,
    /// `nil`
    Nil,
    /// `class`
    Class,
    /// `struct`
    Struct,
    /// `enum`
    Enum,
    /// `protocol` (Tier 2: parsed to be rejected by name)
    Protocol,
    /// `extension` (Tier 2)
    Extension,
    /// `init`
    Init,
    /// `deinit`
    Deinit,
    /// `self`
    SelfValue,
    /// `Self`
    SelfType,
    /// `super`
    Super,
    /// `static`
    Static,
    /// `override`
    Override,
    /// `final`
    Final,
    /// `mutating`
    Mutating,
    /// `inout`
    Inout,
    /// `typealias`
    Typealias,
    /// `import`
    Import,
    /// `is`
    Is,
    /// `as`
    As,
    /// `defer`
    Defer,
    /// `do`
    Do,
    /// `lazy`
    Lazy,
    /// `weak`
    Weak,
    /// `unowned`
    Unowned,
    /// `convenience`
    Convenience,
    /// `required`
    Required,
    /// `indirect`
    Indirect,
    /// `private`, `fileprivate`, `internal`, `public`, `open`: accepted, no effect.
    Access(&'src str),
    /// `throws`, `throw`, `try`, `catch`, `rethrows`, `async`, `await` (Tier 2 or out of
    /// scope: parsed so the error can name them).
    Unsupported(&'src str),
    /// `get`, as an accessor (contextual).
    Get,
    /// `set`, as an accessor (contextual).
    Set,
    /// `willSet` (contextual).
    WillSet,
    /// `didSet` (contextual).
    DidSet,
    /// `_`
    Underscore,

    // Punctuation
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `{`
    LBrace,
    /// A `{` that opens a closure with a signature (`{ a, b in`, `{ [weak self] (x: Int) -> Int in`).
    /// The lexer never produces it: the parser glue marks such braces before parsing, since
    /// telling `{ (a, b) in` from `{ (a, b) }` needs unbounded lookahead.
    LBraceSig,
    /// A `{` that opens an accessor block (`{ get`, `{ set`, `{ willSet`, `{ didSet`): marked
    /// by the parser glue so that `var x = 0 { didSet { } }` is not read as a trailing closure.
    LBraceAccessor,
    /// `}`
    RBrace,
    /// `,`
    Comma,
    /// `:`
    Colon,
    /// `;`
    Semi,
    /// A newline that ends a statement (the layout filter decides which).
    Newline,
    /// `.` as member access
    Dot,
    /// `->`
    Arrow,
    /// `@`
    At,
    /// `#` (for `#if`, `#selector`: rejected)
    Hash,
    /// `<` opening a generic argument list (`Set<Int>`, `Array<String>`)
    GenericOpen,
    /// `>` closing a generic argument list
    GenericClose,

    // Operators, classified by the layout filter
    /// A binary operator (`+`, `==`, `??`, `..<`, `&&`, ...); `=` and compound assignments too.
    Binary(BinOp),
    /// A prefix operator (`-x`, `!x`, `~x`, `+x`, `..<x`, `...x`).
    Prefix(PrefixOp),
    /// Postfix `!` (force unwrap).
    PostfixBang,
    /// Postfix `?` (optional chaining).
    PostfixQuestion,
    /// Postfix `...` (`a[2...]`).
    PostfixDots,
    /// The ternary `?` (binary spacing).
    Question,
}

/// Binary operators, including assignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Rem,
    /// `&+`
    AddWrap,
    /// `&-`
    SubWrap,
    /// `&*`
    MulWrap,
    /// `&`
    BitAnd,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `===`
    Ident,
    /// `!==`
    NotIdent,
    /// `&&`
    And,
    /// `||`
    Or,
    /// `??`
    Coalesce,
    /// `..<`
    HalfOpen,
    /// `...`
    Closed,
    /// `=`
    Assign,
    /// `+=`, `-=`, ... : the operator applied.
    Compound(CompoundOp),
    /// `~=` (pattern match; rejected outside patterns)
    Match,
}

/// The operator of a compound assignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompoundOp {
    /// `+=`
    Add,
    /// `-=`
    Sub,
    /// `*=`
    Mul,
    /// `/=`
    Div,
    /// `%=`
    Rem,
    /// `&=`
    BitAnd,
    /// `|=`
    BitOr,
    /// `^=`
    BitXor,
    /// `<<=`
    Shl,
    /// `>>=`
    Shr,
    /// `&+=`
    AddWrap,
    /// `&-=`
    SubWrap,
    /// `&*=`
    MulWrap,
}

/// Prefix operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PrefixOp {
    /// `-x`
    Neg,
    /// `+x`
    Plus,
    /// `!x`
    Not,
    /// `~x`
    BitNot,
    /// `..<x`
    UpTo,
    /// `...x`
    Through,
    /// `&x` (an `inout` argument)
    InOut,
}

impl BinOp {
    /// The operator as written.
    pub fn spelling(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Rem => "%",
            BinOp::AddWrap => "&+",
            BinOp::SubWrap => "&-",
            BinOp::MulWrap => "&*",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Ident => "===",
            BinOp::NotIdent => "!==",
            BinOp::And => "&&",
            BinOp::Or => "||",
            BinOp::Coalesce => "??",
            BinOp::HalfOpen => "..<",
            BinOp::Closed => "...",
            BinOp::Assign => "=",
            BinOp::Compound(c) => c.spelling(),
            BinOp::Match => "~=",
        }
    }
}

impl CompoundOp {
    /// The operator as written (`+=`).
    pub fn spelling(self) -> &'static str {
        match self {
            CompoundOp::Add => "+=",
            CompoundOp::Sub => "-=",
            CompoundOp::Mul => "*=",
            CompoundOp::Div => "/=",
            CompoundOp::Rem => "%=",
            CompoundOp::BitAnd => "&=",
            CompoundOp::BitOr => "|=",
            CompoundOp::BitXor => "^=",
            CompoundOp::Shl => "<<=",
            CompoundOp::Shr => ">>=",
            CompoundOp::AddWrap => "&+=",
            CompoundOp::SubWrap => "&-=",
            CompoundOp::MulWrap => "&*=",
        }
    }

    /// The binary operator it applies.
    pub fn binary(self) -> BinOp {
        match self {
            CompoundOp::Add => BinOp::Add,
            CompoundOp::Sub => BinOp::Sub,
            CompoundOp::Mul => BinOp::Mul,
            CompoundOp::Div => BinOp::Div,
            CompoundOp::Rem => BinOp::Rem,
            CompoundOp::BitAnd => BinOp::BitAnd,
            CompoundOp::BitOr => BinOp::BitOr,
            CompoundOp::BitXor => BinOp::BitXor,
            CompoundOp::Shl => BinOp::Shl,
            CompoundOp::Shr => BinOp::Shr,
            CompoundOp::AddWrap => BinOp::AddWrap,
            CompoundOp::SubWrap => BinOp::SubWrap,
            CompoundOp::MulWrap => BinOp::MulWrap,
        }
    }
}

impl PrefixOp {
    /// The operator as written.
    pub fn spelling(self) -> &'static str {
        match self {
            PrefixOp::Neg => "-",
            PrefixOp::Plus => "+",
            PrefixOp::Not => "!",
            PrefixOp::BitNot => "~",
            PrefixOp::UpTo => "..<",
            PrefixOp::Through => "...",
            PrefixOp::InOut => "&",
        }
    }
}

impl Tok<'_> {
    /// A name, a literal, `self`, `Self` or `super`: a whole operand by itself.
    pub fn is_atom(&self) -> bool {
        matches!(
            self,
            Tok::Ident(_)
                | Tok::Dollar(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Str(_)
                | Tok::True
                | Tok::False
                | Tok::Nil
                | Tok::SelfValue
                | Tok::SelfType
                | Tok::Super
        )
    }
}

impl fmt::Display for Tok<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s: &str = match self {
            Tok::Ident(s) | Tok::Int(s) | Tok::Float(s) | Tok::Access(s) | Tok::Unsupported(s) => s,
            Tok::Dollar(s) => return write!(f, "${s}"),
            Tok::Str(_) => "string literal",
            Tok::Let => "let",
            Tok::Var => "var",
            Tok::Func => "func",
            Tok::Return => "return",
            Tok::If => "if",
            Tok::Else => "else",
            Tok::Guard => "guard",
            Tok::While => "while",
            Tok::Repeat => "repeat",
            Tok::For => "for",
            Tok::In => "in",
            Tok::Break => "break",
            Tok::Continue => "continue",
            Tok::Switch => "switch",
            Tok::Case => "case",
            Tok::Default => "default",
            Tok::Fallthrough => "fallthrough",
            Tok::Where => "where",
            Tok::True => "true",
            Tok::False => "false",
            Tok::Nil => "nil",
            Tok::Class => "class",
            Tok::Struct => "struct",
            Tok::Enum => "enum",
            Tok::Protocol => "protocol",
            Tok::Extension => "extension",
            Tok::Init => "init",
            Tok::Deinit => "deinit",
            Tok::SelfValue => "self",
            Tok::SelfType => "Self",
            Tok::Super => "super",
            Tok::Static => "static",
            Tok::Override => "override",
            Tok::Final => "final",
            Tok::Mutating => "mutating",
            Tok::Inout => "inout",
            Tok::Typealias => "typealias",
            Tok::Import => "import",
            Tok::Is => "is",
            Tok::As => "as",
            Tok::Defer => "defer",
            Tok::Do => "do",
            Tok::Lazy => "lazy",
            Tok::Weak => "weak",
            Tok::Unowned => "unowned",
            Tok::Convenience => "convenience",
            Tok::Required => "required",
            Tok::Indirect => "indirect",
            Tok::Get => "get",
            Tok::Set => "set",
            Tok::WillSet => "willSet",
            Tok::DidSet => "didSet",
            Tok::Underscore => "_",
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::LBracket => "[",
            Tok::RBracket => "]",
            Tok::LBrace | Tok::LBraceSig | Tok::LBraceAccessor => "{",
            Tok::RBrace => "}",
            Tok::Comma => ",",
            Tok::Colon => ":",
            Tok::Semi => ";",
            Tok::Newline => "newline",
            Tok::Dot => ".",
            Tok::Arrow => "->",
            Tok::At => "@",
            Tok::Hash => "#",
            Tok::GenericOpen => "<",
            Tok::GenericClose => ">",
            Tok::Binary(op) => op.spelling(),
            Tok::Prefix(op) => op.spelling(),
            Tok::PostfixBang => "!",
            Tok::PostfixQuestion => "?",
            Tok::PostfixDots => "...",
            Tok::Question => "?",
        };
        f.write_str(s)
    }
}
