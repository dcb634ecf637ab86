//! Printing values as Swift does, by static type: `description` at the top level (what
//! `print` and interpolation show), `debugDescription` inside collections, optionals and
//! tuples (strings quoted, `Optional(...)`).

use std::fmt::Write as _;

use super::value::{SeqObj, Value};
use crate::sema::types::{SeqKind, Type, TypeId, TypeTable};
use crate::text;

/// How deep values may nest inside one another when printed (each level is a Rust call).
pub const MAX_PRINT_DEPTH: u32 = 2_000;

/// The text being written, and how deep the value being written is.
struct Out {
    text: String,
    depth: u32,
    too_deep: bool,
}

impl Out {
    fn new() -> Out {
        Out {
            text: String::new(),
            depth: 0,
            too_deep: false,
        }
    }

    fn push(&mut self, c: char) {
        self.text.push(c);
    }

    fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
    }
}

impl std::fmt::Write for Out {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.text.push_str(s);
        Ok(())
    }
}

/// `String(describing: v)` for a value of static type `ty`; `None` when the value nests
/// deeper than [`MAX_PRINT_DEPTH`] (the script's stack overflow).
pub fn try_describe(v: &Value, ty: TypeId, types: &TypeTable) -> Option<String> {
    let mut out = Out::new();
    write_value(&mut out, v, ty, types, false);
    (!out.too_deep).then_some(out.text)
}

/// `String(describing: v)` for a value of static type `ty`, with `...` for what nests
/// deeper than [`MAX_PRINT_DEPTH`] (the REPL's echo).
pub fn describe(v: &Value, ty: TypeId, types: &TypeTable) -> String {
    let mut out = Out::new();
    write_value(&mut out, v, ty, types, false);
    out.text
}

/// `String(reflecting: v)`, Swift's `debugDescription` (strings quoted), for the REPL's echo.
pub fn debug_describe(v: &Value, ty: TypeId, types: &TypeTable) -> String {
    let mut out = Out::new();
    write_value(&mut out, v, ty, types, true);
    out.text
}

/// One value, bounded in depth.
fn write_value(out: &mut Out, v: &Value, ty: TypeId, types: &TypeTable, debug: bool) {
    if out.depth >= MAX_PRINT_DEPTH {
        out.too_deep = true;
        out.push_str("...");
        return;
    }
    out.depth += 1;
    write_value_at(out, v, ty, types, debug);
    out.depth -= 1;
}

fn write_value_at(out: &mut Out, v: &Value, ty: TypeId, types: &TypeTable, debug: bool) {
    // A struct's `weak` / `unowned` property holds a weak reference: print what it reads.
    if let Value::Weak(w) = v {
        let read = w.upgrade().map_or(Value::Nil, Value::Object);
        return write_value_at(out, &read, ty, types, debug);
    }
    match (types.get(ty), v) {
        (Type::Int, Value::Int(i)) => {
            let _ = write!(out, "{i}");
        }
        (Type::Double, Value::Double(d)) => out.push_str(&text::format_double(*d)),
        (Type::Bool, Value::Bool(b)) => out.push_str(if *b { "true" } else { "false" }),
        (Type::String, Value::Str(s)) => {
            if debug {
                out.push_str(&text::debug_quote(s));
            } else {
                out.push_str(s);
            }
        }
        (Type::Character, Value::Str(s)) => {
            if debug {
                out.push_str(&text::debug_quote_char(s));
            } else {
                out.push_str(s);
            }
        }
        (Type::Void, _) => out.push_str("()"),
        (Type::Optional(_), Value::Nil) => out.push_str("nil"),
        (Type::Optional(inner), v) => {
            out.push_str("Optional(");
            let inner_v = match v {
                Value::Some(b) => &**b,
                other => other,
            };
            write_value(out, inner_v, *inner, types, true);
            out.push(')');
        }
        (Type::Array(e), Value::Array(items)) => write_list(out, items.iter(), *e, types),
        (Type::ArraySlice(e), Value::Slice(s)) => write_list(out, s.items().iter(), *e, types),
        (Type::Set(e), Value::Set(s)) => write_list(out, s.iter(), *e, types),
        (Type::Dictionary(k, vt), Value::Dict(d)) => {
            if d.is_empty() {
                out.push_str("[:]");
                return;
            }
            out.push('[');
            for (i, (key, val)) in d.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_value(out, key, *k, types, true);
                out.push_str(": ");
                write_value(out, val, *vt, types, true);
            }
            out.push(']');
        }
        (Type::Tuple(elems), Value::Tuple(items)) => {
            out.push('(');
            for (i, ((label, t), item)) in elems.iter().zip(items.iter()).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if let Some(l) = label {
                    let _ = write!(out, "{l}: ");
                }
                write_value(out, item, *t, types, true);
            }
            out.push(')');
        }
        (Type::Range(e) | Type::ClosedRange(e), Value::Range(r)) => {
            write_value(out, &r.lo, *e, types, true);
            out.push_str(if r.closed { "..." } else { "..<" });
            write_value(out, &r.hi, *e, types, true);
        }
        (Type::RangeFrom(e), Value::Range(r)) => {
            out.push_str("PartialRangeFrom<");
            out.push_str(&types.name(*e));
            out.push_str(">(lowerBound: ");
            write_value(out, &r.lo, *e, types, true);
            out.push(')');
        }
        (Type::RangeUpTo(e) | Type::RangeThrough(e), Value::Range(r)) => {
            let name = if matches!(types.get(ty), Type::RangeUpTo(_)) {
                "PartialRangeUpTo"
            } else {
                "PartialRangeThrough"
            };
            let _ = write!(out, "{name}<{}>(upperBound: ", types.name(*e));
            write_value(out, &r.hi, *e, types, true);
            out.push(')');
        }
        (Type::Function(..), _) => out.push_str("(Function)"),
        (Type::Seq(kind, elem, base), Value::Seq(s)) => {
            write_seq(out, *kind, *elem, *base, s, ty, types)
        }
        (Type::Meta(t), _) => out.push_str(&types.name(*t)),
        (Type::Nominal(i), v) => write_nominal(out, *i, v, types, debug),
        (_, Value::Void) => out.push_str("()"),
        _ => {
            // A value whose representation does not match its static type is a bug in
            // swiftlang; show something rather than crash.
            let _ = write!(out, "<{}>", v.kind_name());
        }
    }
}

/// A user type's value: `Point(x: 1, y: 2)`, `north`, `upc(8, 85909)`; qualified with the
/// module name in debug descriptions (`main.Point(...)`, `main.Suit.hearts`).
fn write_nominal(out: &mut Out, index: u32, v: &Value, types: &TypeTable, debug: bool) {
    let Some(info) = types.nominals.get(index as usize) else {
        out.push_str("<?>");
        return;
    };
    match v {
        Value::Tuple(fields) => {
            if debug {
                let _ = write!(out, "{}.{}", types.module_name, info.qualified_name);
            } else {
                out.push_str(&info.name);
            }
            out.push('(');
            for (i, (f, val)) in info.fields.iter().zip(fields.iter()).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                let _ = write!(out, "{}: ", f.name);
                write_value(out, val, f.ty, types, true);
            }
            out.push(')');
        }
        Value::Enum(tag, payload) => {
            let Some(case) = info.cases.get(*tag as usize) else {
                out.push_str("<?>");
                return;
            };
            if debug {
                let _ = write!(out, "{}.{}.", types.module_name, info.qualified_name);
            }
            out.push_str(&case.name);
            if let (Some(p), Some(types_of)) = (payload, &case.payload) {
                out.push('(');
                for (i, (val, (label, t))) in p.iter().zip(types_of).enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    if let Some(l) = label {
                        let _ = write!(out, "{l}: ");
                    }
                    write_value(out, val, *t, types, true);
                }
                out.push(')');
            }
        }
        Value::Object(o) => {
            // A class instance prints its dynamic type.
            let name = types
                .nominals
                .get(o.get().class as usize)
                .map_or(info.qualified_name.as_str(), |n| n.qualified_name.as_str());
            let _ = write!(out, "{}.{}", types.module_name, name);
        }
        _ => {
            let _ = write!(out, "{}.{}", types.module_name, info.name);
        }
    }
}

fn write_list<'v>(
    out: &mut Out,
    items: impl Iterator<Item = &'v Value>,
    elem: TypeId,
    types: &TypeTable,
) {
    out.push('[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_value(out, item, elem, types, true);
    }
    out.push(']');
}

fn write_seq(
    out: &mut Out,
    _kind: SeqKind,
    elem: TypeId,
    base: TypeId,
    s: &SeqObj,
    ty: TypeId,
    types: &TypeTable,
) {
    let name = types.name(ty);
    match s {
        SeqObj::StrideInt { from, to, by, .. } => {
            let _ = write!(out, "{name}(_start: {from}, _end: {to}, _stride: {by})");
        }
        SeqObj::StrideDouble { from, to, by, .. } => {
            let _ = write!(
                out,
                "{name}(_start: {}, _end: {}, _stride: {})",
                text::format_double(*from),
                text::format_double(*to),
                text::format_double(*by)
            );
        }
        SeqObj::Enumerated(b) | SeqObj::Reversed(b) => {
            let _ = write!(out, "{name}(_base: ");
            write_value(out, b, base, types, true);
            out.push(')');
        }
        SeqObj::Zip(a, b) => {
            let _ = write!(out, "{name}(_sequence1: ");
            if let Type::Tuple(parts) = types.get(base) {
                if let [(_, ta), (_, tb)] = parts.as_slice() {
                    write_value(out, a, *ta, types, true);
                    out.push_str(", _sequence2: ");
                    write_value(out, b, *tb, types, true);
                }
            }
            out.push(')');
        }
        SeqObj::Repeated(v, n) => {
            let _ = write!(out, "{name}(count: {n}, repeatedValue: ");
            write_value(out, v, elem, types, true);
            out.push(')');
        }
        SeqObj::Keys(d) | SeqObj::Values(d) => {
            // Swift prints the keys / values like an array.
            if let (Value::Dict(dict), Type::Dictionary(k, v)) = (d, types.get(base)) {
                out.push('[');
                for (i, (key, val)) in dict.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    if matches!(s, SeqObj::Keys(_)) {
                        write_value(out, key, *k, types, true);
                    } else {
                        write_value(out, val, *v, types, true);
                    }
                }
                out.push(']');
            }
        }
    }
}
