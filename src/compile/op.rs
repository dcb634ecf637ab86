//! The instruction set: a stack machine with typed instructions and frame slots.
//! Operands are small integers (slots, constant and function indices, jump offsets) so an
//! instruction is 8 bytes. The disassembler (`disasm.rs`) prints it.

use crate::sema::ir::BinKind;
use crate::stdlib::Builtin;

/// What a runtime trap reports (Swift's messages are in `vm::trap`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrapKind {
    /// A closed range `a...b` or `a..<b` with `b < a`.
    BadRange,
    /// Reached code Swift proves unreachable (a missing return at run time).
    Unreachable,
}

/// One instruction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    /// Push a constant of the function's module pool.
    Const(u32),
    /// Push a small integer.
    Int(i32),
    /// Push `true` / `false`.
    Bool(bool),
    /// Push `nil`.
    Nil,
    /// Push `()`.
    Void,
    /// Push a copy of a local slot.
    Load(u16),
    /// Pop into a local slot.
    Store(u16),
    /// Move a local slot's value out (leaving `()`), for in-place mutation.
    Take(u16),
    /// Push the content of the box in a local slot.
    LoadBox(u16),
    /// Pop into the box in a local slot.
    StoreBox(u16),
    /// Move the content of the box in a local slot out.
    TakeBox(u16),
    /// Pop a value and store a new box holding it in a local slot.
    NewBox(u16),
    /// Push the content of the current closure's n-th captured box.
    LoadCapture(u16),
    /// Pop into the current closure's n-th captured box.
    StoreCapture(u16),
    /// Move the content of the n-th captured box out.
    TakeCapture(u16),
    /// Push a global.
    LoadGlobal(u32),
    /// Push a global that may not have its value yet: a static stored property runs its
    /// lazy initializer on first access; any other global read before its initializer ran
    /// (from a function called too early) traps.
    LoadGlobalChecked(u32),
    /// Pop into a global.
    StoreGlobal(u32),
    /// Move a global out.
    TakeGlobal(u32),
    /// Drop the top value.
    Pop,
    /// Duplicate the top value.
    Dup,
    /// Swap the top two values.
    Swap,
    /// Pop the top value into the stack position `n` below the (new) top (argument fix-up).
    Poke(u16),
    /// A typed binary operation on the top two values.
    Binary(BinKind),
    /// `Binary` whose right operand is local slot `s` (the peephole pass's `Load(s); Binary`).
    BinarySlot(u16, BinKind),
    /// `Binary` whose right operand is the Int `i` (`Int(i); Binary`).
    BinaryInt(i32, BinKind),
    /// A comparison with local slot `s` as its right operand, then `JumpIfFalse(off)`.
    BranchSlot(u16, BinKind, i32),
    /// A comparison with the Int `i` as its right operand, then `JumpIfFalse(off)`.
    BranchInt(i16, BinKind, i32),
    /// Push `slot a (op) i` (`Load(a); BinaryInt(i, op)`).
    LoadBinaryInt(u16, BinKind, i32),
    /// Push `slot a (op) slot b` (`Load(a); BinarySlot(b, op)`).
    LoadBinarySlot(u16, u16, BinKind),
    /// `slot d = slot a (op) i`: `SlotBinaryInt(d, a, i, op)`.
    SlotBinaryInt(u16, u16, i16, BinKind),
    /// `slot d = slot a (op) slot b`: `SlotBinarySlot(d, a, b, op)`.
    SlotBinarySlot(u16, u16, u16, BinKind),
    /// `Binary(op); Store(d)`.
    BinaryStore(BinKind, u16),
    /// `BinaryInt(i, op); Store(d)`.
    BinaryIntStore(i32, BinKind, u16),
    /// `BinarySlot(b, op); Store(d)`: `BinarySlotStore(b, op, d)`.
    BinarySlotStore(u16, BinKind, u16),
    /// Compare slot `a` with the Int `i`; jump when false (`Load(a); BranchInt`).
    BranchSlotInt(u16, i16, BinKind, i16),
    /// Compare slot `a` with slot `b`; jump when false (`Load(a); BranchSlot`).
    BranchSlotSlot(u16, u16, BinKind, i16),
    /// `slot d = slot a`: `Move(d, a)`.
    Move(u16, u16),
    /// Push two slots (`Load(a); Load(b)`).
    Load2(u16, u16),
    /// `Binary` whose right operand is stored property `i` of the instance in slot `s`
    /// (`LoadField(s, i); Binary(op)`): `BinaryField(s, i, op)`.
    BinaryField(u16, u16, BinKind),
    /// Push `slot a (op) field i of the instance in slot s` (`Load(a); BinaryField`):
    /// `SlotBinaryField(a, s, i, op)`.
    SlotBinaryField(u16, u16, u16, BinKind),
    /// `a[i] = v` with the array, index and value in slots: `ArrayPutSlots(a, i, v)`
    /// (`Take(a); Load(i); Take(v); ArrayPut; Store(a)`); the value slot is left empty.
    ArrayPutSlots(u16, u16, u16),
    /// `d[k] = v` with the dictionary, key and optional value in slots: `DictPutSlots(d, k,
    /// v)` (`Take(d); Load(k); Take(v); DictPut; Store(d)`).
    DictPutSlots(u16, u16, u16),
    /// Push whether slot `a` equals (`EqValue`) or differs from (`NeValue`) constant `c`,
    /// copying neither (`Load(a); Const(c); Binary(op)`): `SlotEqualsConst(a, op, c)`.
    SlotEqualsConst(u16, BinKind, u32),
    /// Captured variable `a` becomes itself (op) captured variable `b` (`count += step` in a
    /// closure): `CaptureBinaryCapture(a, b, op)`.
    CaptureBinaryCapture(u16, u16, BinKind),
    /// Captured variable `a` becomes itself (op) the Int `n`: `CaptureBinaryInt(a, n, op)`.
    CaptureBinaryInt(u16, i16, BinKind),
    /// Push element `slot i` of the array in slot `a` (`Load2(a, i); Builtin(ArrGet, 2)`):
    /// `ArrayGetSlots(a, i)`.
    ArrayGetSlots(u16, u16),
    /// Stored property `i` of the instance in slot `s` becomes itself (op) slot `r`:
    /// `FieldBinarySlot(s, i, r, op)` (`self.x += y`).
    FieldBinarySlot(u16, u16, u16, BinKind),
    /// The same with the Int `n`: `FieldBinaryInt(s, i, n, op)` (`self.count += 1`).
    FieldBinaryInt(u16, u16, i16, BinKind),
    /// `-Int` (traps on overflow)
    NegInt,
    /// `-Double`
    NegDouble,
    /// `!Bool`
    Not,
    /// `~Int`
    BitNot,
    /// Jump by a relative offset (from the next instruction).
    Jump(i32),
    /// Pop a Bool; jump when false.
    JumpIfFalse(i32),
    /// Pop a Bool; jump when true.
    JumpIfTrue(i32),
    /// Look at the top optional: if nil, pop it and jump; otherwise replace it with its
    /// unwrapped value.
    UnwrapOrJump(i32),
    /// Force-unwrap the top optional (traps on nil).
    ForceUnwrap,
    /// Wrap the top value as `Optional.some` (only for values that are themselves optional).
    WrapSome,
    /// Call module function `func` with `argc` arguments on the stack.
    Call(u32, u8),
    /// Call the function value below `argc` arguments.
    CallValue(u8),
    /// Call a builtin with `argc` arguments.
    Builtin(Builtin, u8),
    /// Call a mutating builtin: the receiver is on top, its `argc - 1` arguments below it;
    /// leaves `[receiver', result]`.
    BuiltinMut(Builtin, u8),
    /// Make a closure of module function `func` from its captures.
    Closure(u32),
    /// Push the running function's own closure (a local function naming itself).
    CurrentClosure,
    /// Return the top value (and the `inout` parameters after it).
    Return,
    /// Make an array of the top `n` values.
    MakeArray(u32),
    /// Make a set of the top `n` values.
    MakeSet(u32),
    /// Make a dictionary of the top `2n` values (key, value pairs).
    MakeDict(u32),
    /// Make a tuple of the top `n` values.
    MakeTuple(u32),
    /// Make a range of the top two values (`true`: closed); traps if upper < lower.
    MakeRange(bool),
    /// Pop two bounds and trap if the upper is below the lower (a `for` loop's range,
    /// checked without being made).
    CheckRange,
    /// A new instance of class (nominal index), its stored properties at their defaults.
    NewObject(u32),
    /// Replace an instance with its n-th stored property.
    ObjGet(u16),
    /// `[obj]` -> `[obj, value]` with the property moved out.
    ObjTake(u16),
    /// Push stored property `i` of the instance in local slot `s` (the peephole pass's
    /// `Load(s); ObjGet(i)`).
    LoadField(u16, u16),
    /// `[obj, value]` -> `[]` with the property set.
    ObjPut(u16),
    /// Call the method with dispatch key `key` of the receiver `argc` values down (`self`,
    /// the first argument), looked up in its class.
    CallMethod(u32, u8),
    /// Make an enum value with case `tag` and the top `n` values as its associated values.
    MakeEnum(u16, u8),
    /// Replace an enum value with its case index (an Int).
    EnumTag,
    /// Replace an enum value with its n-th associated value.
    EnumPayload(u16),
    /// Replace a tuple with its n-th field.
    TupleGet(u16),
    /// `[tuple]` -> `[tuple, field]` with the field moved out.
    TupleTake(u16),
    /// `[tuple, field]` -> `[tuple]` with the field put back.
    TuplePut(u16),
    /// `[array, index]` -> `[array, index, element]` with the element moved out.
    ArrayTake,
    /// `[array, index, element]` -> `[array]` with the element put back.
    ArrayPut,
    /// `[dict, key]` -> `[dict, key, value?]`.
    DictTake,
    /// `[dict, key, value?]` -> `[dict]` (nil removes the key).
    DictPut,
    /// `[dict, key, default]` -> `[dict, key, value]` (the default when absent).
    DictTakeDefault,
    /// `[dict, key, value]` -> `[dict]`.
    DictPutValue,
    /// Describe the top value by static type `TypeId` (for `print` and interpolation).
    Describe(u32),
    /// Concatenate the top `n` values: strings, and Ints written in decimal (an
    /// interpolation's parts).
    Concat(u32),
    /// Replace a sequence with an iterator over it.
    IterStart,
    /// With an iterator in slot `slot`: push its next element, or jump when done.
    IterNext(u16, i32),
    /// `IterNext(it, off); Store(e)`: the next element goes straight into slot `e` (a
    /// dictionary's (key, value) tuple there is refilled when nothing else holds it).
    IterNextStore(u16, u16, i16),
    /// Add one to an Int slot (loop counters; no overflow check needed by construction).
    Incr(u16),
    /// Trap.
    Trap(TrapKind),
}

impl Op {
    /// The relative offset of a jumping instruction (from the instruction after it).
    pub fn jump_offset(self) -> Option<i32> {
        Some(match self {
            Op::Jump(o) | Op::JumpIfFalse(o) | Op::JumpIfTrue(o) | Op::UnwrapOrJump(o) => o,
            Op::IterNext(_, o) | Op::BranchSlot(_, _, o) | Op::BranchInt(_, _, o) => o,
            Op::BranchSlotInt(_, _, _, o) | Op::BranchSlotSlot(_, _, _, o) => i32::from(o),
            Op::IterNextStore(_, _, o) => i32::from(o),
            _ => return None,
        })
    }

    /// The same jump with another offset; `None` if it does not fit the instruction.
    pub fn with_jump_offset(self, off: i32) -> Option<Op> {
        let short = i16::try_from(off).ok();
        Some(match self {
            Op::Jump(_) => Op::Jump(off),
            Op::JumpIfFalse(_) => Op::JumpIfFalse(off),
            Op::JumpIfTrue(_) => Op::JumpIfTrue(off),
            Op::UnwrapOrJump(_) => Op::UnwrapOrJump(off),
            Op::IterNext(s, _) => Op::IterNext(s, off),
            Op::BranchSlot(s, k, _) => Op::BranchSlot(s, k, off),
            Op::BranchInt(i, k, _) => Op::BranchInt(i, k, off),
            Op::BranchSlotInt(a, i, k, _) => Op::BranchSlotInt(a, i, k, short?),
            Op::BranchSlotSlot(a, b, k, _) => Op::BranchSlotSlot(a, b, k, short?),
            Op::IterNextStore(s, e, _) => Op::IterNextStore(s, e, short?),
            other => other,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Op;

    #[test]
    fn an_instruction_is_eight_bytes() {
        assert_eq!(std::mem::size_of::<Op>(), 8);
    }
}
