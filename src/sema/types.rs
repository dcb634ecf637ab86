//! Static types: interned [`Type`]s behind small [`TypeId`]s.
//!
//! The table belongs to the module (Modules subsystem): the VM prints values by their static
//! type, and a REPL session keeps its types across entries.

/// Hash maps keyed by names and addresses: foldhash is several times faster than SipHash
/// on these keys (no map here is iterated into output).
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
use std::fmt::Write as _;

/// An interned type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

/// A function parameter's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParamType {
    /// The type.
    pub ty: TypeId,
    /// Passed `inout`.
    pub inout: bool,
}

/// What a builtin sequence-like wrapper is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SeqKind {
    /// `StrideTo<T>` (`stride(from:to:by:)`)
    StrideTo,
    /// `StrideThrough<T>`
    StrideThrough,
    /// `EnumeratedSequence<[T]>`: elements `(offset: Int, element: T)`
    Enumerated,
    /// `ReversedCollection<C>`
    Reversed,
    /// `Zip2Sequence<A, B>`
    Zip,
    /// `Repeated<T>` (`repeatElement`)
    Repeated,
    /// `Dictionary<K, V>.Keys`
    DictKeys,
    /// `Dictionary<K, V>.Values`
    DictValues,
}

/// A static type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// A type error was reported; anything goes, so one error does not cascade.
    Error,
    /// `Void` / `()`
    Void,
    /// `Int`
    Int,
    /// `Double`
    Double,
    /// `Bool`
    Bool,
    /// `String`
    String,
    /// `Character`
    Character,
    /// `T?`
    Optional(TypeId),
    /// `[T]`
    Array(TypeId),
    /// `ArraySlice<T>` (`a[i...j]`): keeps the base array's indices.
    ArraySlice(TypeId),
    /// `[K: V]`
    Dictionary(TypeId, TypeId),
    /// `Set<T>`
    Set(TypeId),
    /// `(a: A, B)`: labels and types (never one unlabeled element, never empty: that is Void).
    Tuple(Vec<(Option<String>, TypeId)>),
    /// `(A, inout B) -> C`
    Function(Vec<ParamType>, TypeId),
    /// `Range<T>` (`a..<b`)
    Range(TypeId),
    /// `ClosedRange<T>` (`a...b`)
    ClosedRange(TypeId),
    /// `PartialRangeFrom<T>` (`a...`)
    RangeFrom(TypeId),
    /// `PartialRangeUpTo<T>` (`..<b`)
    RangeUpTo(TypeId),
    /// `PartialRangeThrough<T>` (`...b`)
    RangeThrough(TypeId),
    /// A sequence wrapper: its kind, its element type, and the wrapped type (for printing).
    Seq(SeqKind, TypeId, TypeId),
    /// A type used as a value (`Int.max`, `Set<Int>()`): the metatype `T.Type`.
    Meta(TypeId),
    /// A user class, struct or enum: index into the module's nominal table.
    Nominal(u32),
}

/// Which kind of user type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NominalKind {
    /// `class`: a reference type.
    Class,
    /// `struct`: a value type (stored like a tuple of its fields).
    Struct,
    /// `enum`
    Enum,
}

/// A stored property.
#[derive(Clone, Debug)]
pub struct FieldInfo {
    /// Its name.
    pub name: String,
    /// Its type.
    pub ty: TypeId,
    /// Declared with `var`.
    pub mutable: bool,
    /// Module function computing its default value, if it has one.
    pub default: Option<u32>,
    /// `weak var` (class references): reads `nil` after the instance is gone.
    pub weak: bool,
    /// `unowned`: reading after the instance is gone traps.
    pub unowned: bool,
    /// `willSet` observer: a module function of `(self, newValue)`.
    pub will_set: Option<u32>,
    /// `didSet` observer: a module function of `(self, oldValue)`.
    pub did_set: Option<u32>,
    /// The setter that runs the observers (`willSet`, the store, `didSet`): a module function
    /// of `(self, newValue)`, synthesized when this class or an ancestor observes the property
    /// (for classes it is also the `name.set` vtable entry, so overrides dispatch).
    pub setter: Option<u32>,
    /// For an override's observers: the inherited setter the override's setter wraps (`None`:
    /// the override's setter stores directly).
    pub super_setter: Option<u32>,
    /// `lazy var`: the default (a function of `self`) runs on first read.
    pub lazy: bool,
}

/// A method, initializer or accessor: the module function and its signature.
#[derive(Clone, Debug)]
pub struct MethodInfo {
    /// Its name (`init` for initializers).
    pub name: String,
    /// The module function (its first parameter is `self`, except for static members).
    pub func: u32,
    /// Argument labels of the parameters after `self`.
    pub labels: Vec<Option<String>>,
    /// Parameter types after `self`.
    pub params: Vec<TypeId>,
    /// Which of them are `inout`.
    pub inout: Vec<bool>,
    /// Which of them have default values (the module function computing each).
    pub defaults: Vec<Option<u32>>,
    /// Result type (the type itself, or its optional, for initializers).
    pub result: TypeId,
    /// `mutating` (struct and enum methods).
    pub mutating: bool,
    /// `static` / `class`.
    pub is_static: bool,
    /// `init?`
    pub failable: bool,
    /// `final`: subclasses cannot override it.
    pub is_final: bool,
}

/// A computed property.
#[derive(Clone, Debug)]
pub struct ComputedInfo {
    /// Its name.
    pub name: String,
    /// Its type.
    pub ty: TypeId,
    /// The getter (takes `self`).
    pub getter: u32,
    /// The setter (takes `self` inout and the new value).
    pub setter: Option<u32>,
    /// `static`.
    pub is_static: bool,
}

/// An enum case.
#[derive(Clone, Debug)]
pub struct CaseInfo {
    /// Its name.
    pub name: String,
    /// Associated values: labels and types (`None` when the case has none).
    pub payload: Option<Vec<(Option<String>, TypeId)>>,
    /// Its raw value.
    pub raw: Option<RawValue>,
}

/// An enum case's raw value.
#[derive(Clone, Debug, PartialEq)]
pub enum RawValue {
    /// `Int` raw values count up from the previous case.
    Int(i64),
    /// `String` raw values default to the case name.
    Str(String),
}

/// Everything known about a user type.
#[derive(Clone, Debug)]
pub struct NominalInfo {
    /// Its name.
    pub name: String,
    /// Class, struct or enum.
    pub kind: NominalKind,
    /// Stored properties in declaration order.
    pub fields: Vec<FieldInfo>,
    /// Methods (instance and static).
    pub methods: Vec<MethodInfo>,
    /// Initializers.
    pub inits: Vec<MethodInfo>,
    /// Computed properties.
    pub computed: Vec<ComputedInfo>,
    /// Static stored properties: name, global index, type.
    pub statics: Vec<(String, u32, TypeId)>,
    /// Enum cases.
    pub cases: Vec<CaseInfo>,
    /// Each case's index by name (a 10,000-case `switch` looks every name up).
    pub case_index: HashMap<String, u32>,
    /// Enum raw value type.
    pub raw_type: Option<TypeId>,
    /// `CaseIterable`.
    pub case_iterable: bool,
    /// Declared `Equatable` (or `Hashable`): `==` is synthesized.
    pub equatable: bool,
    /// Declared `Hashable`.
    pub hashable: bool,
    /// Classes: the superclass.
    pub superclass: Option<TypeId>,
    /// Classes: the `deinit` (a module function taking `self`).
    pub deinit: Option<u32>,
    /// Classes: where the class's own stored properties start (the superclass's come first).
    pub own_fields_start: usize,
    /// Classes: method key → module function, overrides replacing inherited entries.
    pub vtable: Vec<(u32, u32)>,
    /// The name qualified by enclosing types (`Outer.Inner`), as debug descriptions print it.
    pub qualified_name: String,
    /// What `private` limits in this type (`sema/access.rs`).
    pub access: AccessInfo,
}

/// A declaration's source range in one compilation (a REPL entry is one): where a
/// `private` member of the type declared there is visible.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// Which compilation of the module.
    pub compilation: u32,
    /// The declaration's span in that compilation's source.
    pub span: crate::syntax::ast::Span,
}

/// A member whose access `private` limits to its type's declaration.
#[derive(Clone, Debug)]
pub struct MemberAccess {
    /// Reading (or calling) it is limited (`private`).
    pub read: bool,
    /// Assigning it is limited (`private` or `private(set)`).
    pub write: bool,
    /// Where it is declared (the note), and its full name (`f(x:)`).
    pub decl: crate::syntax::ast::Span,
    /// Its name with argument labels, as swiftc's note names it.
    pub full_name: String,
}

/// Access control of a user type inside the file: only `private` limits anything in one
/// file (`fileprivate`, `internal`, `public` and `open` see the whole file).
#[derive(Clone, Debug, Default)]
pub struct AccessInfo {
    /// The type's declaration.
    pub region: Option<Region>,
    /// A `private` type nested in another: the enclosing declaration, where it is visible.
    pub visible_in: Option<Region>,
    /// Where the type's name is declared (notes).
    pub name_span: crate::syntax::ast::Span,
    /// Limited members by name (methods of one name count as limited only if all are).
    pub members: HashMap<String, MemberAccess>,
    /// `private` initializers: their labels and declarations.
    pub inits: Vec<(Vec<Option<String>>, MemberAccess)>,
    /// The memberwise initializer is `private` (a stored property it sets is).
    pub memberwise_private: bool,
}

impl NominalInfo {
    /// The enum case named `name`: its tag and what it is.
    pub fn case_named(&self, name: &str) -> Option<(u32, &CaseInfo)> {
        let tag = *self.case_index.get(name)?;
        Some((tag, self.cases.get(tag as usize)?))
    }
}

/// Interned types with their display names.
#[derive(Clone, Debug)]
pub struct TypeTable {
    types: Vec<Type>,
    ids: HashMap<Type, TypeId>,
    /// Names of nominal types (`Point`), indexed by `Type::Nominal`'s index.
    nominal_names: Vec<String>,
    /// What each nominal type is, indexed like `nominal_names`.
    pub nominals: Vec<NominalInfo>,
    /// The module's name, which qualifies user types in debug descriptions (`main.Point`).
    pub module_name: String,
    /// Method keys (`name(label:label:)`) for class method dispatch, by key index.
    pub method_keys: Vec<String>,
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    /// `Error`.
    pub const ERROR: TypeId = TypeId(0);
    /// `Void`.
    pub const VOID: TypeId = TypeId(1);
    /// `Int`.
    pub const INT: TypeId = TypeId(2);
    /// `Double`.
    pub const DOUBLE: TypeId = TypeId(3);
    /// `Bool`.
    pub const BOOL: TypeId = TypeId(4);
    /// `String`.
    pub const STRING: TypeId = TypeId(5);
    /// `Character`.
    pub const CHARACTER: TypeId = TypeId(6);

    /// A table holding the builtin scalar types at their fixed ids.
    pub fn new() -> TypeTable {
        let mut t = TypeTable {
            types: Vec::new(),
            ids: HashMap::default(),
            nominal_names: Vec::new(),
            nominals: Vec::new(),
            module_name: "main".to_string(),
            method_keys: Vec::new(),
        };
        for ty in [
            Type::Error,
            Type::Void,
            Type::Int,
            Type::Double,
            Type::Bool,
            Type::String,
            Type::Character,
        ] {
            t.intern(ty);
        }
        t
    }

    /// The id of `ty`, interning it.
    pub fn intern(&mut self, ty: Type) -> TypeId {
        if let Some(id) = self.ids.get(&ty) {
            return *id;
        }
        let id = TypeId(u32::try_from(self.types.len()).unwrap_or(u32::MAX));
        self.types.push(ty.clone());
        self.ids.insert(ty, id);
        id
    }

    /// The type behind `id` (`Error` for an unknown id).
    pub fn get(&self, id: TypeId) -> &Type {
        self.types.get(id.0 as usize).unwrap_or(&Type::Error)
    }

    /// `T?`
    pub fn optional(&mut self, t: TypeId) -> TypeId {
        self.intern(Type::Optional(t))
    }

    /// `[T]`
    pub fn array(&mut self, t: TypeId) -> TypeId {
        self.intern(Type::Array(t))
    }

    /// `ArraySlice<T>`
    pub fn array_slice(&mut self, t: TypeId) -> TypeId {
        self.intern(Type::ArraySlice(t))
    }

    /// A tuple type; one unlabeled element is the element itself, none is Void.
    pub fn tuple(&mut self, elems: Vec<(Option<String>, TypeId)>) -> TypeId {
        match elems.as_slice() {
            [] => Self::VOID,
            [(None, t)] => *t,
            _ => self.intern(Type::Tuple(elems)),
        }
    }

    /// Registers a nominal type, returning its type.
    pub fn add_nominal(&mut self, name: &str, kind: NominalKind) -> TypeId {
        self.nominal_names.push(name.to_string());
        self.nominals.push(NominalInfo {
            name: name.to_string(),
            kind,
            fields: Vec::new(),
            methods: Vec::new(),
            inits: Vec::new(),
            computed: Vec::new(),
            statics: Vec::new(),
            cases: Vec::new(),
            case_index: HashMap::default(),
            raw_type: None,
            case_iterable: false,
            equatable: false,
            hashable: false,
            superclass: None,
            deinit: None,
            own_fields_start: 0,
            vtable: Vec::new(),
            qualified_name: name.to_string(),
            access: AccessInfo::default(),
        });
        let index = u32::try_from(self.nominals.len() - 1).unwrap_or(u32::MAX);
        self.intern(Type::Nominal(index))
    }

    /// The dispatch key of a method signature.
    pub fn method_key(&mut self, name: &str, labels: &[Option<String>]) -> u32 {
        let key: String = format!(
            "{name}({})",
            labels
                .iter()
                .map(|l| format!("{}:", l.as_deref().unwrap_or("_")))
                .collect::<String>()
        );
        if let Some(i) = self.method_keys.iter().position(|k| *k == key) {
            return u32::try_from(i).unwrap_or(u32::MAX);
        }
        self.method_keys.push(key);
        u32::try_from(self.method_keys.len() - 1).unwrap_or(u32::MAX)
    }

    /// Whether class `sub` is `sup` or inherits from it.
    pub fn is_subclass(&self, sub: TypeId, sup: TypeId) -> bool {
        let mut cur = Some(sub);
        let mut steps = 0;
        while let Some(c) = cur {
            if c == sup {
                return true;
            }
            steps += 1;
            if steps > 1000 {
                return false;
            }
            cur = self.nominal(c).and_then(|n| n.superclass);
        }
        false
    }

    /// The nominal type behind `id`, if it is one.
    pub fn nominal(&self, id: TypeId) -> Option<&NominalInfo> {
        match self.get(id) {
            Type::Nominal(i) => self.nominals.get(*i as usize),
            _ => None,
        }
    }

    /// The type of the nominal with index `index` (every declared nominal is interned).
    pub fn nominal_type(&self, index: usize) -> Option<TypeId> {
        let i = u32::try_from(index).ok()?;
        self.ids.get(&Type::Nominal(i)).copied()
    }

    /// The index of the nominal type behind `id`.
    pub fn nominal_index(&self, id: TypeId) -> Option<u32> {
        match self.get(id) {
            Type::Nominal(i) => Some(*i),
            _ => None,
        }
    }

    /// A nominal type's name.
    pub fn nominal_name(&self, index: u32) -> &str {
        self.nominal_names
            .get(index as usize)
            .map_or("<unknown>", String::as_str)
    }

    /// Whether `id` is `Error` (so checks can stay quiet).
    pub fn is_error(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::Error)
    }

    /// The wrapped type of an optional.
    pub fn optional_inner(&self, id: TypeId) -> Option<TypeId> {
        match self.get(id) {
            Type::Optional(t) => Some(*t),
            _ => None,
        }
    }

    /// The element type when iterating a value of type `id` with `for in`, if it is a sequence.
    pub fn element_of(&mut self, id: TypeId) -> Option<TypeId> {
        match self.get(id).clone() {
            Type::Array(t) | Type::ArraySlice(t) | Type::Set(t) => Some(t),
            Type::String => Some(Self::CHARACTER),
            Type::Dictionary(k, v) => {
                Some(self.tuple(vec![(Some("key".into()), k), (Some("value".into()), v)]))
            }
            Type::Range(t) | Type::ClosedRange(t) | Type::RangeFrom(t) if t == Self::INT => Some(t),
            Type::Seq(_, elem, _) => Some(elem),
            _ => None,
        }
    }

    /// The type as Swift spells it (`[Int]`, `[String: Int]`, `Int?`, `(Int, String)`,
    /// `(Int) -> Int`, `Set<Int>`, `ClosedRange<Int>`).
    pub fn name(&self, id: TypeId) -> String {
        let mut s = String::new();
        self.write_name(id, &mut s);
        s
    }

    fn write_name(&self, id: TypeId, s: &mut String) {
        match self.get(id) {
            Type::Error => s.push_str("<<error type>>"),
            Type::Void => s.push_str("()"),
            Type::Int => s.push_str("Int"),
            Type::Double => s.push_str("Double"),
            Type::Bool => s.push_str("Bool"),
            Type::String => s.push_str("String"),
            Type::Character => s.push_str("Character"),
            Type::Optional(t) => {
                let needs_parens = matches!(self.get(*t), Type::Function(..));
                if needs_parens {
                    s.push('(');
                }
                self.write_name(*t, s);
                if needs_parens {
                    s.push(')');
                }
                s.push('?');
            }
            Type::Array(t) => {
                s.push('[');
                self.write_name(*t, s);
                s.push(']');
            }
            Type::Dictionary(k, v) => {
                s.push('[');
                self.write_name(*k, s);
                s.push_str(": ");
                self.write_name(*v, s);
                s.push(']');
            }
            Type::Set(t) => self.generic("Set", &[*t], s),
            Type::ArraySlice(t) => self.generic("ArraySlice", &[*t], s),
            Type::Tuple(elems) => {
                s.push('(');
                for (i, (label, t)) in elems.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    if let Some(l) = label {
                        let _ = write!(s, "{l}: ");
                    }
                    self.write_name(*t, s);
                }
                s.push(')');
            }
            Type::Function(params, result) => {
                s.push('(');
                for (i, p) in params.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    if p.inout {
                        s.push_str("inout ");
                    }
                    self.write_name(p.ty, s);
                }
                s.push_str(") -> ");
                self.write_name(*result, s);
            }
            Type::Range(t) => self.generic("Range", &[*t], s),
            Type::ClosedRange(t) => self.generic("ClosedRange", &[*t], s),
            Type::RangeFrom(t) => self.generic("PartialRangeFrom", &[*t], s),
            Type::RangeUpTo(t) => self.generic("PartialRangeUpTo", &[*t], s),
            Type::RangeThrough(t) => self.generic("PartialRangeThrough", &[*t], s),
            Type::Seq(kind, elem, base) => match kind {
                SeqKind::StrideTo => self.generic("StrideTo", &[*elem], s),
                SeqKind::StrideThrough => self.generic("StrideThrough", &[*elem], s),
                SeqKind::Enumerated => self.generic("EnumeratedSequence", &[*base], s),
                SeqKind::Reversed => self.generic("ReversedCollection", &[*base], s),
                SeqKind::Zip => {
                    if let Type::Tuple(parts) = self.get(*base) {
                        let ids: Vec<TypeId> = parts.iter().map(|p| p.1).collect();
                        self.generic("Zip2Sequence", &ids, s);
                    }
                }
                SeqKind::Repeated => self.generic("Repeated", &[*elem], s),
                SeqKind::DictKeys => {
                    self.generic_dict(*base, s);
                    s.push_str(".Keys");
                }
                SeqKind::DictValues => {
                    self.generic_dict(*base, s);
                    s.push_str(".Values");
                }
            },
            Type::Meta(t) => {
                self.write_name(*t, s);
                s.push_str(".Type");
            }
            Type::Nominal(i) => s.push_str(self.nominal_name(*i)),
        }
    }

    fn generic(&self, name: &str, args: &[TypeId], s: &mut String) {
        s.push_str(name);
        s.push('<');
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            self.write_name(*a, s);
        }
        s.push('>');
    }

    fn generic_dict(&self, dict: TypeId, s: &mut String) {
        if let Type::Dictionary(k, v) = self.get(dict) {
            self.generic("Dictionary", &[*k, *v], s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_swifts() {
        let mut t = TypeTable::new();
        let ai = t.array(TypeTable::INT);
        let d = t.intern(Type::Dictionary(TypeTable::STRING, ai));
        let o = t.optional(d);
        assert_eq!(t.name(o), "[String: [Int]]?");
        let tup = t.tuple(vec![
            (Some("x".into()), TypeTable::INT),
            (None, TypeTable::STRING),
        ]);
        assert_eq!(t.name(tup), "(x: Int, String)");
        let f = t.intern(Type::Function(
            vec![ParamType {
                ty: TypeTable::INT,
                inout: true,
            }],
            TypeTable::BOOL,
        ));
        assert_eq!(t.name(f), "(inout Int) -> Bool");
        let of = t.optional(f);
        assert_eq!(t.name(of), "((inout Int) -> Bool)?");
        assert_eq!(t.tuple(vec![(None, TypeTable::INT)]), TypeTable::INT);
        assert_eq!(t.tuple(vec![]), TypeTable::VOID);
    }
}
