//! The standard library's implementations. Arguments arrive in the order sema built them
//! (a method's receiver first; mutating methods get it as `recv`).

use std::cmp::Ordering;

use super::collections::{DictObj, SetObj};
use super::interp::{stride_doubles, Stop, Vm};
use super::object::Obj;
use super::trap::TrapKind;
use super::value::{
    compare, equal, items_from, items_of, items_with_capacity, new_items, Items, SeqObj, Value,
};
use crate::stdlib::Builtin;
use crate::text;

type R<T> = Result<T, Stop>;

fn int(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        _ => 0,
    }
}

fn dbl(v: &Value) -> f64 {
    match v {
        Value::Double(d) => *d,
        Value::Int(i) => *i as f64,
        _ => 0.0,
    }
}

fn boolean(v: &Value) -> bool {
    matches!(v, Value::Bool(true))
}

fn string(v: &Value) -> &str {
    match v {
        Value::Str(s) => s.as_str(),
        _ => "",
    }
}

pub(super) fn items(v: &Value) -> &[Value] {
    match v {
        Value::Array(a) | Value::Tuple(a) => a.as_slice(),
        Value::Slice(s) => s.items(),
        _ => &[],
    }
}

/// An optional from a Rust option (values that are themselves optional are wrapped).
fn opt(v: Option<Value>) -> Value {
    v.unwrap_or(Value::Nil)
}

/// Runs a non-mutating builtin.
pub fn call(vm: &mut Vm<'_>, b: Builtin, args: &[Value]) -> R<Value> {
    let a0 = args.first().cloned().unwrap_or_default();
    let a1 = args.get(1).cloned().unwrap_or_default();
    Ok(match b {
        Builtin::ArrGet
        | Builtin::ArrSlice
        | Builtin::ArrStartIndex
        | Builtin::ArrEndIndex
        | Builtin::ArrIndices
        | Builtin::ArrFirstIndexOf
        | Builtin::ArrFirstIndexWhere
        | Builtin::ArrLastIndexOf
        | Builtin::ArrLastIndexWhere
        | Builtin::ArrPrefix
        | Builtin::ArrSuffix
        | Builtin::ArrDropFirst
        | Builtin::ArrDropLast
        | Builtin::SliceFilter
        | Builtin::SliceFromSeq => super::slice_ops::call(vm, b, &a0, &a1)?,
        Builtin::Print => {
            let sep = string(&a0).to_string();
            let term = string(&a1).to_string();
            let mut line = String::new();
            for (i, item) in args.iter().skip(2).enumerate() {
                if i > 0 {
                    line.push_str(&sep);
                }
                line.push_str(string(item));
            }
            line.push_str(&term);
            vm.write_out(&line)?;
            Value::Void
        }
        Builtin::ReadLine => {
            vm.flush()?;
            match vm.read_line()? {
                Some(line) => vm.string(line)?,
                None => Value::Nil,
            }
        }
        Builtin::Describe | Builtin::CharToString => a0,
        Builtin::StringToInt => opt(text::parse_int(string(&a0)).map(Value::Int)),
        Builtin::StringToDouble => opt(text::parse_double(string(&a0)).map(Value::Double)),
        Builtin::DoubleToInt => {
            let d = dbl(&a0);
            if d.is_nan() || d.is_infinite() {
                let what = if d.is_nan() { "NaN" } else { "infinite" };
                return Err(vm.trap(TrapKind::Fatal(format!("Double value cannot be converted to Int because it is either infinite or NaN"))).with_note(what));
            }
            let t = d.trunc();
            if t < -9.223_372_036_854_775_808e18 {
                return Err(vm.trap(TrapKind::Fatal("Double value cannot be converted to Int because the result would be less than Int.min".into())));
            }
            if t >= 9.223_372_036_854_775_808e18 {
                return Err(vm.trap(TrapKind::Fatal("Double value cannot be converted to Int because the result would be greater than Int.max".into())));
            }
            Value::Int(t as i64)
        }
        Builtin::IntToDouble => Value::Double(int(&a0) as f64),
        Builtin::StringRepeating => {
            let n = int(&a1);
            if n < 0 {
                return Err(vm.trap(TrapKind::Fatal("Negative count not allowed".into())));
            }
            let piece = string(&a0);
            let bytes = piece.len() as u128 * n as u128;
            let mut out = String::new();
            if usize::try_from(bytes)
                .ok()
                .is_none_or(|b| out.try_reserve_exact(b).is_err())
            {
                return Err(vm.cannot_allocate(bytes));
            }
            if !piece.is_empty() {
                for _ in 0..n {
                    out.push_str(piece);
                }
            }
            vm.string(out)?
        }
        Builtin::ArrayFromSeq => {
            let e = vm.elements(&a0)?;
            vm.array(e)?
        }
        Builtin::StringFromChars => {
            let e = vm.elements(&a0)?;
            let s: String = e.iter().map(string).collect();
            vm.string(s)?
        }
        Builtin::SetFromSeq => {
            let mut s = SetObj::default();
            for v in vm.elements(&a0)? {
                s.insert(v);
            }
            Value::Set(vm.obj(s)?)
        }
        Builtin::ArrayRepeating => {
            let n = int(&a1);
            if n < 0 {
                return Err(vm.trap(TrapKind::Fatal(
                    "Can't construct Array with count < 0".into(),
                )));
            }
            let mut out = vm.room(n as u128)?;
            out.resize(n as usize, a0);
            vm.array(out)?
        }
        Builtin::AbsInt => Value::Int(
            int(&a0)
                .checked_abs()
                .ok_or_else(|| vm.trap(TrapKind::overflow()))?,
        ),
        Builtin::AbsDouble => Value::Double(dbl(&a0).abs()),
        Builtin::MinInt
        | Builtin::MaxInt
        | Builtin::MinDouble
        | Builtin::MaxDouble
        | Builtin::MinStr
        | Builtin::MaxStr => {
            let want_min = matches!(b, Builtin::MinInt | Builtin::MinDouble | Builtin::MinStr);
            let mut best = a0;
            for v in args.iter().skip(1).cloned() {
                let o = compare(&v, &best);
                if (want_min && o == Ordering::Less) || (!want_min && o == Ordering::Greater) {
                    best = v;
                }
            }
            best
        }
        Builtin::Sqrt => Value::Double(dbl(&a0).sqrt()),
        Builtin::Pow => Value::Double(dbl(&a0).powf(dbl(&a1))),
        Builtin::Sin => Value::Double(dbl(&a0).sin()),
        Builtin::Cos => Value::Double(dbl(&a0).cos()),
        Builtin::Tan => Value::Double(dbl(&a0).tan()),
        Builtin::Floor => Value::Double(dbl(&a0).floor()),
        Builtin::Ceil => Value::Double(dbl(&a0).ceil()),
        Builtin::Round | Builtin::Rounded => Value::Double(dbl(&a0).round()),
        Builtin::Exp => Value::Double(dbl(&a0).exp()),
        Builtin::Log => Value::Double(dbl(&a0).ln()),
        Builtin::Log2 => Value::Double(dbl(&a0).log2()),
        Builtin::Log10 => Value::Double(dbl(&a0).log10()),
        Builtin::Atan2 => Value::Double(dbl(&a0).atan2(dbl(&a1))),
        Builtin::IntRandom => {
            let (lo, hi) = range_bounds(&a0);
            let (lo, hi) = (int(&lo), int(&hi));
            if hi < lo {
                return Err(vm.trap(TrapKind::Fatal(
                    "Range requires lowerBound <= upperBound".into(),
                )));
            }
            let span = (hi as i128 - lo as i128 + 1) as u128;
            let r = u128::from(vm.next_random()) % span.max(1);
            Value::Int((lo as i128 + r as i128) as i64)
        }
        Builtin::DoubleRandom => {
            let (lo, hi) = range_bounds(&a0);
            let (lo, hi) = (dbl(&lo), dbl(&hi));
            let unit = (vm.next_random() >> 11) as f64 / (1u64 << 53) as f64;
            Value::Double(lo + (hi - lo) * unit)
        }
        Builtin::BoolRandom => Value::Bool(vm.next_random() & 1 == 1),
        Builtin::FatalError => {
            return Err(vm.trap(TrapKind::Fatal(string(&a0).to_string())));
        }
        Builtin::Precondition | Builtin::Assert => {
            if !boolean(&a0) {
                let msg = string(&a1).to_string();
                let kind = if b == Builtin::Assert {
                    TrapKind::Assertion(msg)
                } else {
                    TrapKind::Precondition(msg)
                };
                return Err(vm.trap(kind));
            }
            Value::Void
        }
        Builtin::Swap => Value::Void,
        Builtin::StrideTo | Builtin::StrideThrough => {
            let by = int(args.get(2).unwrap_or(&Value::Int(1)));
            if by == 0 {
                return Err(vm.trap(TrapKind::Fatal("Stride size must not be zero".into())));
            }
            Value::Seq(vm.obj(SeqObj::StrideInt {
                from: int(&a0),
                to: int(&a1),
                by,
                through: b == Builtin::StrideThrough,
            })?)
        }
        Builtin::StrideToDouble | Builtin::StrideThroughDouble => {
            let by = dbl(args.get(2).unwrap_or(&Value::Double(1.0)));
            Value::Seq(vm.obj(SeqObj::StrideDouble {
                from: dbl(&a0),
                to: dbl(&a1),
                by,
                through: b == Builtin::StrideThroughDouble,
            })?)
        }
        Builtin::Zip => Value::Seq(vm.obj(SeqObj::Zip(a0, a1))?),
        Builtin::RepeatElement => {
            let n = int(&a1);
            if n < 0 {
                return Err(vm.trap(TrapKind::Fatal(
                    "Repetition count should be non-negative".into(),
                )));
            }
            Value::Seq(vm.obj(SeqObj::Repeated(a0, n))?)
        }
        Builtin::IsMultiple => {
            let (x, y) = (int(&a0), int(&a1));
            Value::Bool(if y == 0 {
                x == 0
            } else {
                x.wrapping_rem(y) == 0
            })
        }
        Builtin::SquareRoot => Value::Double(dbl(&a0).sqrt()),
        Builtin::WeakRef => match a0 {
            Value::Object(o) => Value::Weak(o.downgrade()),
            other => other,
        },
        Builtin::WeakLoad => match a0 {
            Value::Weak(w) => w.upgrade().map_or(Value::Nil, Value::Object),
            other => other,
        },
        Builtin::UnownedLoad => match a0 {
            Value::Weak(w) => match w.upgrade() {
                Some(o) => Value::Object(o),
                None => return Err(vm.trap(TrapKind::unowned_deallocated())),
            },
            other => other,
        },
        Builtin::TruncatingRemainder => Value::Double(dbl(&a0) % dbl(&a1)),
        Builtin::IsNaN => Value::Bool(dbl(&a0).is_nan()),
        Builtin::IsInfinite => Value::Bool(dbl(&a0).is_infinite()),
        Builtin::Signum => Value::Int(int(&a0).signum()),
        Builtin::StrCount => Value::Int(text::grapheme_count(string(&a0)) as i64),
        Builtin::StrIsEmpty => Value::Bool(string(&a0).is_empty()),
        // Canonically equivalent text matches ("cafe\u{301}".hasSuffix("\u{E9}")), on
        // Character boundaries.
        Builtin::StrHasPrefix => Value::Bool(text::has_prefix(string(&a0), string(&a1))),
        Builtin::StrHasSuffix => Value::Bool(text::has_suffix(string(&a0), string(&a1))),
        Builtin::StrContains => Value::Bool(text::contains(string(&a0), string(&a1))),
        Builtin::StrUppercased => vm.string(text::swift_uppercased(string(&a0)))?,
        Builtin::StrLowercased => vm.string(text::swift_lowercased(string(&a0)))?,
        Builtin::StrSplit => {
            let sep = string(&a1);
            let mut parts = new_items();
            for p in string(&a0).split(sep).filter(|p| !p.is_empty()) {
                parts.push(vm.string(p)?);
            }
            vm.array(parts)?
        }
        Builtin::StrFirst => match text::graphemes(string(&a0)).next() {
            Some(g) => vm.string(g.to_string())?,
            None => Value::Nil,
        },
        Builtin::StrLast => match text::graphemes(string(&a0)).next_back() {
            Some(g) => vm.string(g.to_string())?,
            None => Value::Nil,
        },
        Builtin::StrReversed => Value::Seq(vm.obj(SeqObj::Reversed(a0))?),
        Builtin::StrChars => {
            let e = vm.elements(&a0)?;
            vm.array(e)?
        }
        Builtin::StrAppend => Value::Void,
        Builtin::CharIsLetter => Value::Bool(text::char_is_letter(string(&a0))),
        Builtin::CharIsNumber => Value::Bool(text::char_is_number(string(&a0))),
        Builtin::CharIsWhitespace => Value::Bool(text::char_is_whitespace(string(&a0))),
        Builtin::CharIsUppercase => Value::Bool(text::char_is_uppercase(string(&a0))),
        Builtin::CharIsLowercase => Value::Bool(text::char_is_lowercase(string(&a0))),
        Builtin::CharIsPunctuation => Value::Bool(text::char_is_punctuation(string(&a0))),
        Builtin::CharWholeNumber => opt(text::char_whole_number_value(string(&a0)).map(Value::Int)),
        Builtin::CharAsciiValue => {
            opt(text::char_ascii_value(string(&a0)).map(|v| Value::Int(i64::from(v))))
        }
        Builtin::ArrCount => Value::Int(items(&a0).len() as i64),
        Builtin::ArrIsEmpty => Value::Bool(items(&a0).is_empty()),
        Builtin::ArrFirst => opt(items(&a0).first().cloned()),
        Builtin::ArrLast => opt(items(&a0).last().cloned()),
        Builtin::ArrContains => Value::Bool(items(&a0).iter().any(|v| equal(v, &a1))),
        Builtin::ArrContainsWhere | Builtin::ArrAllSatisfy => {
            let all = b == Builtin::ArrAllSatisfy;
            for v in items(&a0).iter().cloned() {
                let r = boolean(&vm.call_value(&a1, vec![v])?);
                if r != all {
                    return Ok(Value::Bool(!all));
                }
            }
            Value::Bool(all)
        }
        Builtin::ArrFirstWhere => {
            for v in items(&a0).iter().cloned() {
                if boolean(&vm.call_value(&a1, vec![v.clone()])?) {
                    return Ok(v);
                }
            }
            Value::Nil
        }
        Builtin::ArrMap => {
            let src = items(&a0);
            let mut out = items_with_capacity(src.len());
            for v in src.iter().cloned() {
                out.push(vm.call_value(&a1, vec![v])?);
            }
            vm.array(out)?
        }
        Builtin::ArrFilter => {
            let mut out = new_items();
            for v in items(&a0).iter().cloned() {
                if boolean(&vm.call_value(&a1, vec![v.clone()])?) {
                    out.push(v);
                }
            }
            vm.array(out)?
        }
        Builtin::ArrCompactMap => {
            let mut out = new_items();
            for v in items(&a0).iter().cloned() {
                match vm.call_value(&a1, vec![v])? {
                    Value::Nil => {}
                    Value::Some(inner) => out.push((*inner).clone()),
                    r => out.push(r),
                }
            }
            vm.array(out)?
        }
        Builtin::ArrFlatMap => {
            let mut out = new_items();
            for v in items(&a0).iter().cloned() {
                let r = vm.call_value(&a1, vec![v])?;
                out.extend(vm.elements(&r)?);
            }
            vm.array(out)?
        }
        Builtin::ArrForEach => {
            for v in items(&a0).iter().cloned() {
                vm.call_value(&a1, vec![v])?;
            }
            Value::Void
        }
        Builtin::ArrReduce => {
            let f = args.get(2).cloned().unwrap_or_default();
            let mut acc = a1;
            for v in items(&a0).iter().cloned() {
                acc = vm.call_value(&f, vec![acc, v])?;
            }
            acc
        }
        Builtin::ArrSorted => {
            let mut v = items_from(items(&a0).iter().cloned());
            v.sort_by(compare);
            vm.array(v)?
        }
        Builtin::ArrSortedBy => {
            let v = sort_by_closure(vm, items_from(items(&a0).iter().cloned()), &a1)?;
            vm.array(v)?
        }
        Builtin::ArrReversed => Value::Seq(vm.obj(SeqObj::Reversed(a0))?),
        Builtin::ArrEnumerated => Value::Seq(vm.obj(SeqObj::Enumerated(a0))?),
        Builtin::ArrJoined => {
            let sep = string(&a1);
            let parts: Vec<&str> = items(&a0).iter().map(string).collect();
            vm.string(parts.join(sep))?
        }
        Builtin::ArrMin | Builtin::ArrMax => {
            let want = if b == Builtin::ArrMin {
                Ordering::Less
            } else {
                Ordering::Greater
            };
            let mut best: Option<Value> = None;
            for v in items(&a0) {
                if best.as_ref().is_none_or(|b| compare(v, b) == want) {
                    best = Some(v.clone());
                }
            }
            opt(best)
        }
        Builtin::ArrMinBy | Builtin::ArrMaxBy => {
            // `areInIncreasingOrder`: min keeps the first smallest, max the last largest.
            let mut best: Option<Value> = None;
            for v in items(&a0).iter().cloned() {
                best = Some(match best {
                    None => v,
                    Some(b0) => {
                        let replace = if b == Builtin::ArrMinBy {
                            boolean(&vm.call_value(&a1, vec![v.clone(), b0.clone()])?)
                        } else {
                            !boolean(&vm.call_value(&a1, vec![v.clone(), b0.clone()])?)
                        };
                        if replace {
                            v
                        } else {
                            b0
                        }
                    }
                });
            }
            opt(best)
        }
        Builtin::ArrShuffled => {
            let mut v = items_from(items(&a0).iter().cloned());
            for i in (1..v.len()).rev() {
                let j = (vm.next_random() % (i as u64 + 1)) as usize;
                v.swap(i, j);
            }
            vm.array(v)?
        }
        Builtin::DictGet => match &a0 {
            Value::Dict(d) => opt(d.get(&a1).cloned()),
            _ => Value::Nil,
        },
        Builtin::DictGetDefault => match &a0 {
            Value::Dict(d) => d
                .get(&a1)
                .cloned()
                .unwrap_or_else(|| args.get(2).cloned().unwrap_or_default()),
            _ => Value::Void,
        },
        Builtin::DictCount => Value::Int(match &a0 {
            Value::Dict(d) => d.len() as i64,
            _ => 0,
        }),
        Builtin::DictIsEmpty => Value::Bool(match &a0 {
            Value::Dict(d) => d.is_empty(),
            _ => true,
        }),
        Builtin::DictKeys => Value::Seq(vm.obj(SeqObj::Keys(a0))?),
        Builtin::DictValues => Value::Seq(vm.obj(SeqObj::Values(a0))?),
        Builtin::DictMapValues => {
            let mut out = DictObj::default();
            if let Value::Dict(d) = &a0 {
                let pairs: Vec<(Value, Value)> =
                    d.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                for (k, v) in pairs {
                    let nv = vm.call_value(&a1, vec![v])?;
                    out.insert(k, nv);
                }
            }
            Value::Dict(vm.obj(out)?)
        }
        Builtin::DictSortedBy => {
            let pairs = vm.elements(&a0)?;
            let v = sort_by_closure(vm, pairs, &a1)?;
            vm.array(v)?
        }
        Builtin::DictFilter => {
            let mut out = DictObj::default();
            if let Value::Dict(d) = &a0 {
                let pairs: Vec<(Value, Value)> =
                    d.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                for (k, v) in pairs {
                    let t = vm.tuple(items_of([k.clone(), v.clone()]))?;
                    if boolean(&vm.call_value(&a1, vec![t])?) {
                        out.insert(k, v);
                    }
                }
            }
            Value::Dict(vm.obj(out)?)
        }
        Builtin::DictMap => {
            let pairs = vm.elements(&a0)?;
            let mut out = items_with_capacity(pairs.len());
            for p in pairs {
                out.push(vm.call_value(&a1, vec![p])?);
            }
            vm.array(out)?
        }
        Builtin::DictContainsWhere => {
            for p in vm.elements(&a0)? {
                if boolean(&vm.call_value(&a1, vec![p])?) {
                    return Ok(Value::Bool(true));
                }
            }
            Value::Bool(false)
        }
        Builtin::SetContains => Value::Bool(matches!(&a0, Value::Set(s) if s.contains(&a1))),
        Builtin::SetCount => Value::Int(match &a0 {
            Value::Set(s) => s.len() as i64,
            _ => 0,
        }),
        Builtin::SetIsEmpty => Value::Bool(matches!(&a0, Value::Set(s) if s.is_empty())),
        Builtin::SetUnion
        | Builtin::SetIntersection
        | Builtin::SetSubtracting
        | Builtin::SetSymmetricDifference => {
            let (Value::Set(x), Value::Set(y)) = (&a0, &a1) else {
                return Ok(Value::Void);
            };
            let mut out = SetObj::default();
            match b {
                Builtin::SetUnion => {
                    for v in x.iter().chain(y.iter()) {
                        out.insert(v.clone());
                    }
                }
                Builtin::SetIntersection => {
                    for v in x.iter().filter(|v| y.contains(v)) {
                        out.insert(v.clone());
                    }
                }
                Builtin::SetSubtracting => {
                    for v in x.iter().filter(|v| !y.contains(v)) {
                        out.insert(v.clone());
                    }
                }
                _ => {
                    for v in x
                        .iter()
                        .filter(|v| !y.contains(v))
                        .chain(y.iter().filter(|v| !x.contains(v)))
                    {
                        out.insert(v.clone());
                    }
                }
            }
            Value::Set(vm.obj(out)?)
        }
        Builtin::SetIsSubset | Builtin::SetIsSuperset | Builtin::SetIsDisjoint => {
            let (Value::Set(x), Value::Set(y)) = (&a0, &a1) else {
                return Ok(Value::Bool(false));
            };
            Value::Bool(match b {
                Builtin::SetIsSubset => x.iter().all(|v| y.contains(v)),
                Builtin::SetIsSuperset => y.iter().all(|v| x.contains(v)),
                _ => x.iter().all(|v| !y.contains(v)),
            })
        }
        Builtin::SetSorted => {
            let mut v = vm.elements(&a0)?;
            v.sort_by(compare);
            vm.array(v)?
        }
        Builtin::RangeContains => match &a0 {
            Value::Range(r) => {
                let lo_ok = compare(&a1, &r.lo) != Ordering::Less;
                let hi_ok = if r.closed {
                    compare(&a1, &r.hi) != Ordering::Greater
                } else {
                    compare(&a1, &r.hi) == Ordering::Less
                };
                Value::Bool(lo_ok && hi_ok)
            }
            _ => Value::Bool(false),
        },
        Builtin::RangeCount => match &a0 {
            Value::Range(r) => Value::Int(
                int(&r.hi)
                    .checked_sub(int(&r.lo))
                    .and_then(|n| n.checked_add(i64::from(r.closed)))
                    .ok_or_else(|| vm.trap(TrapKind::overflow()))?
                    .max(0),
            ),
            Value::Seq(_) => Value::Int(vm.elements(&a0)?.len() as i64),
            _ => Value::Int(0),
        },
        Builtin::RangeIsEmpty => match &a0 {
            Value::Range(r) => Value::Bool(!r.closed && compare(&r.lo, &r.hi) == Ordering::Equal),
            _ => Value::Bool(true),
        },
        Builtin::RangeLower => match &a0 {
            Value::Range(r) => r.lo.clone(),
            _ => Value::Void,
        },
        Builtin::RangeUpper => match &a0 {
            Value::Range(r) => r.hi.clone(),
            _ => Value::Void,
        },
        Builtin::RangeToArray => {
            let e = vm.elements(&a0)?;
            vm.array(e)?
        }
        Builtin::WithMemoryTag => {
            let tag = crate::alloc::Tag::new(string(&a0));
            let _scope = crate::alloc::TagScope::enter(tag);
            vm.call_value(&a1, vec![])?
        }
        Builtin::MemoryStats => vm.string(crate::alloc::report::stats_text())?,
        Builtin::IsInstance | Builtin::CastOptional | Builtin::CastForced => {
            let types = &vm.env().types;
            let target = usize::try_from(int(&a1)).unwrap_or(usize::MAX);
            let class = match &a0 {
                Value::Object(o) => Some(o.get().class as usize),
                _ => None,
            };
            let is = class.is_some_and(|c| {
                let mut cur = Some(c);
                let mut steps = 0;
                while let Some(k) = cur {
                    if k == target {
                        return true;
                    }
                    steps += 1;
                    if steps > 1000 {
                        break;
                    }
                    cur = types
                        .nominals
                        .get(k)
                        .and_then(|n| n.superclass)
                        .and_then(|s| types.nominal_index(s))
                        .map(|i| i as usize);
                }
                false
            });
            match b {
                Builtin::IsInstance => Value::Bool(is),
                Builtin::CastOptional => {
                    if is {
                        a0
                    } else {
                        Value::Nil
                    }
                }
                _ => {
                    if !is {
                        let module = &types.module_name;
                        let from = class
                            .and_then(|c| types.nominals.get(c))
                            .map_or("nil".to_string(), |n| format!("{module}.{}", n.name));
                        let to = types
                            .nominals
                            .get(target)
                            .map_or(String::new(), |n| format!("{module}.{}", n.name));
                        return Err(vm.trap_with_prefix(format!(
                            "Could not cast value of type '{from}' to '{to}'."
                        )));
                    }
                    a0
                }
            }
        }
        Builtin::EnumFromRaw | Builtin::EnumRawValue | Builtin::EnumAllCases => {
            let types = &vm.env().types;
            let index = match b {
                Builtin::EnumAllCases => int(&a0),
                _ => int(&a1),
            };
            let Some(info) = types
                .nominals
                .get(usize::try_from(index).unwrap_or(usize::MAX))
            else {
                return Err(vm.trap(TrapKind::Internal("unknown enum".into())));
            };
            use crate::sema::types::RawValue;
            match b {
                Builtin::EnumAllCases => {
                    let cases =
                        items_from((0..info.cases.len()).map(|i| Value::Enum(i as u32, None)));
                    vm.array(cases)?
                }
                Builtin::EnumRawValue => {
                    let Value::Enum(tag, _) = a0 else {
                        return Err(vm.trap(TrapKind::Internal("rawValue of a non-enum".into())));
                    };
                    match info.cases.get(tag as usize).and_then(|c| c.raw.clone()) {
                        Some(RawValue::Int(i)) => Value::Int(i),
                        Some(RawValue::Str(s)) => vm.string(s)?,
                        None => Value::Void,
                    }
                }
                _ => {
                    let found = info.cases.iter().position(|c| match (&c.raw, &a0) {
                        (Some(RawValue::Int(i)), Value::Int(v)) => i == v,
                        (Some(RawValue::Str(s)), Value::Str(v)) => text::swift_eq(s, v),
                        _ => false,
                    });
                    match found {
                        Some(tag) => Value::Enum(tag as u32, None),
                        None => Value::Nil,
                    }
                }
            }
        }
        // Mutating builtins reach `call_mut`; these have no value form.
        Builtin::ArrAppend
        | Builtin::ArrAppendContents
        | Builtin::ArrInsert
        | Builtin::ArrRemoveAt
        | Builtin::ArrRemoveFirst
        | Builtin::ArrRemoveLast
        | Builtin::ArrRemoveAll
        | Builtin::ArrPopLast
        | Builtin::ArrSort
        | Builtin::ArrSortBy
        | Builtin::ArrSwapAt
        | Builtin::DictRemoveValue
        | Builtin::DictUpdateValue
        | Builtin::SetInsert
        | Builtin::SetRemove => {
            return Err(vm.trap(TrapKind::Internal(format!(
                "{b:?} called without a receiver"
            ))));
        }
    })
}

trait WithNote {
    fn with_note(self, note: &str) -> Self;
}

impl WithNote for Stop {
    fn with_note(self, _note: &str) -> Self {
        self
    }
}

fn range_bounds(v: &Value) -> (Value, Value) {
    match v {
        Value::Range(r) => {
            if r.closed {
                (r.lo.clone(), r.hi.clone())
            } else {
                let hi = match &r.hi {
                    Value::Int(i) => Value::Int(i - 1),
                    other => other.clone(),
                };
                (r.lo.clone(), hi)
            }
        }
        _ => (Value::Int(0), Value::Int(0)),
    }
}

/// A stable sort by a Swift `areInIncreasingOrder` closure.
fn sort_by_closure(vm: &mut Vm<'_>, mut v: Items, f: &Value) -> R<Items> {
    // Merge sort, so every comparison can call back into the VM and fail cleanly.
    let n = v.len();
    let mut buf = items_with_capacity(n);
    let mut width = 1;
    while width < n {
        let mut i = 0;
        buf.clear();
        while i < n {
            let mid = (i + width).min(n);
            let end = (i + 2 * width).min(n);
            let (mut a, mut b) = (i, mid);
            while a < mid && b < end {
                let less = boolean(&vm.call_value(f, vec![v[b].clone(), v[a].clone()])?);
                if less {
                    buf.push(std::mem::take(&mut v[b]));
                    b += 1;
                } else {
                    buf.push(std::mem::take(&mut v[a]));
                    a += 1;
                }
            }
            while a < mid {
                buf.push(std::mem::take(&mut v[a]));
                a += 1;
            }
            while b < end {
                buf.push(std::mem::take(&mut v[b]));
                b += 1;
            }
            i = end;
        }
        std::mem::swap(&mut v, &mut buf);
        width *= 2;
    }
    Ok(v)
}

/// Runs a mutating builtin on `recv`.
pub fn call_mut(vm: &mut Vm<'_>, b: Builtin, recv: &mut Value, args: &[Value]) -> R<Value> {
    if let Value::Slice(_) = recv {
        return super::slice_ops::call_mut(vm, b, recv, args);
    }
    let a0 = args.first().cloned().unwrap_or_default();
    let a1 = args.get(1).cloned().unwrap_or_default();
    match b {
        Builtin::StrAppend => {
            if let Value::Str(s) = recv {
                s.push_str(string(&a0)).map_err(|e| vm.alloc_trap(e))?;
            }
            return Ok(Value::Void);
        }
        Builtin::SetInsert | Builtin::SetRemove => {
            let Value::Set(s) = recv else {
                return Ok(Value::Void);
            };
            let s = Obj::make_mut(s).map_err(|e| vm.alloc_trap(e))?;
            if b == Builtin::SetInsert {
                let inserted = s.insert(a0.clone());
                return vm.tuple(items_of([Value::Bool(inserted), a0]));
            }
            return Ok(opt(s.remove(&a0)));
        }
        Builtin::DictRemoveValue | Builtin::DictUpdateValue => {
            let Value::Dict(d) = recv else {
                return Ok(Value::Nil);
            };
            let d = Obj::make_mut(d).map_err(|e| vm.alloc_trap(e))?;
            return Ok(if b == Builtin::DictRemoveValue {
                opt(d.remove(&a0))
            } else {
                opt(d.insert(a1, a0))
            });
        }
        Builtin::ArrSortBy => {
            let v = match recv {
                Value::Array(a) => (**a).clone(),
                _ => return Ok(Value::Void),
            };
            let sorted = sort_by_closure(vm, v, &a0)?;
            *recv = vm.array(sorted)?;
            return Ok(Value::Void);
        }
        _ => {}
    }
    let Value::Array(arr) = recv else {
        return Err(vm.trap(TrapKind::Internal(format!("{b:?} on a non-array"))));
    };
    let len = arr.len();
    let a = Obj::make_mut(arr).map_err(|e| vm.alloc_trap(e))?;
    Ok(match b {
        Builtin::ArrAppend => {
            a.push(a0);
            Value::Void
        }
        Builtin::ArrAppendContents => {
            let more = vm.elements(&a0)?;
            a.extend(more);
            Value::Void
        }
        Builtin::ArrInsert => {
            let i = int(&a1);
            if i < 0 || i as usize > len {
                return Err(vm.trap(TrapKind::Fatal("Array index is out of range".into())));
            }
            a.insert(i as usize, a0);
            Value::Void
        }
        Builtin::ArrRemoveAt => {
            let i = int(&a0);
            if i < 0 || i as usize >= len {
                return Err(vm.trap(TrapKind::index_out_of_range()));
            }
            a.remove(i as usize)
        }
        Builtin::ArrRemoveFirst => {
            if a.is_empty() {
                return Err(vm.trap(TrapKind::Fatal(
                    "Can't remove first element from an empty collection".into(),
                )));
            }
            a.remove(0)
        }
        Builtin::ArrRemoveLast => match a.pop() {
            Some(v) => v,
            None => {
                return Err(vm.trap(TrapKind::Fatal(
                    "Can't remove last element from an empty collection".into(),
                )))
            }
        },
        Builtin::ArrPopLast => opt(a.pop()),
        Builtin::ArrRemoveAll => {
            a.clear();
            Value::Void
        }
        Builtin::ArrSort => {
            a.sort_by(compare);
            Value::Void
        }
        Builtin::ArrSwapAt => {
            let (i, j) = (int(&a0), int(&a1));
            if i < 0 || j < 0 || i as usize >= len || j as usize >= len {
                return Err(vm.trap(TrapKind::index_out_of_range()));
            }
            a.swap(i as usize, j as usize);
            Value::Void
        }
        other => {
            return Err(vm.trap(TrapKind::Internal(format!(
                "{other:?} is not a mutating builtin"
            ))))
        }
    })
}

#[allow(dead_code)]
fn unused() -> Vec<f64> {
    stride_doubles(0.0, 1.0, 0.5, false)
}
