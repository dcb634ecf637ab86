//! The peephole pass over a finished function: pairs of instructions that the compiler emits
//! over and over become one, so the interpreter dispatches less. A binary operation whose
//! right operand is a local slot (`Load(s); Binary(k)`) or a small constant
//! (`Int(i); Binary(k)`) takes it directly; a stored property of an instance in a local
//! slot (`Load(s); ObjGet(i)`) is read without copying the reference.
//!
//! A pair is fused only when no jump lands on its second instruction; jump offsets are
//! recomputed afterwards. The fused instruction keeps the line of the operation (its trap
//! line).

use super::op::Op;
use crate::sema::ir::BinKind;

/// The absolute target of a jump at `at`, if `op` jumps.
fn target(at: usize, op: Op) -> Option<usize> {
    let off = op.jump_offset()?;
    usize::try_from(at as i64 + 1 + i64::from(off)).ok()
}

/// Comparisons whose result a branch can take directly.
fn is_comparison(k: BinKind) -> bool {
    use BinKind::*;
    matches!(
        k,
        LtInt | LeInt | GtInt | GeInt | EqInt | NeInt | LtDouble | LeDouble | GtDouble | GeDouble
    )
}

/// Arithmetic on numbers (what a stored property's compound assignment can do in place).
fn is_arithmetic(k: BinKind) -> bool {
    use BinKind::*;
    matches!(
        k,
        AddInt
            | SubInt
            | MulInt
            | DivInt
            | RemInt
            | AddWrapInt
            | SubWrapInt
            | MulWrapInt
            | AndInt
            | OrInt
            | XorInt
            | ShlInt
            | ShrInt
            | AddDouble
            | SubDouble
            | MulDouble
            | DivDouble
    )
}

/// A fused instruction.
struct Fused {
    op: Op,
    /// How many instructions it replaces.
    len: usize,
    /// Which of them gives its line (the one that can trap).
    line_of: usize,
}

fn fused(op: Op, len: usize, line_of: usize) -> Option<Fused> {
    Some(Fused { op, len, line_of })
}

/// What the instructions at the start of `w` become, if anything. `short_jumps`: every jump
/// offset of the function fits 16 bits, so branches with 16-bit offsets can be made.
///
/// A branch made from a jump keeps the jump's offset adjusted to count from the fused
/// instruction (its absolute target is recomputed after fusion).
fn fuse(w: &[Op], short_jumps: bool) -> Option<Fused> {
    use Op::*;
    let short = |o: i32, by: i32| {
        i16::try_from(o.saturating_add(by))
            .ok()
            .filter(|_| short_jumps)
    };
    match *w {
        [Load(s), ObjTake(i), BinarySlot(r, k), ObjPut(j), ..] if i == j && is_arithmetic(k) => {
            return fused(FieldBinarySlot(s, i, r, k), 4, 2)
        }
        [Load(s), ObjTake(i), BinaryInt(n, k), ObjPut(j), ..] if i == j && is_arithmetic(k) => {
            if let Ok(n) = i16::try_from(n) {
                return fused(FieldBinaryInt(s, i, n, k), 4, 2);
            }
        }
        [Take(a), Load(i), Take(v), ArrayPut, Store(b), ..] if a == b => {
            return fused(ArrayPutSlots(a, i, v), 5, 3)
        }
        [Take(a), Load(k), Take(v), DictPut, Store(b), ..] if a == b => {
            return fused(DictPutSlots(a, k, v), 5, 3)
        }
        [Load(a), Const(c), Binary(k @ (BinKind::EqValue | BinKind::NeValue)), ..] => {
            return fused(SlotEqualsConst(a, k, c), 3, 2)
        }
        [LoadCapture(a), LoadCapture(b), Binary(k), StoreCapture(c), ..] if a == c => {
            return fused(CaptureBinaryCapture(a, b, k), 4, 2)
        }
        [LoadCapture(a), BinaryInt(n, k), StoreCapture(c), ..] if a == c => {
            if let Ok(n) = i16::try_from(n) {
                return fused(CaptureBinaryInt(a, n, k), 3, 1);
            }
        }
        [Load(a), BinaryInt(n, k), Store(d), ..] => {
            if let Ok(n) = i16::try_from(n) {
                return fused(SlotBinaryInt(d, a, n, k), 3, 1);
            }
        }
        [Load(a), BinarySlot(b, k), Store(d), ..] => {
            return fused(SlotBinarySlot(d, a, b, k), 3, 1)
        }
        _ => {}
    }
    let (first, second) = match w {
        [a, b, ..] => (*a, *b),
        _ => return None,
    };
    match (first, second) {
        (Load(s), Binary(k)) => fused(BinarySlot(s, k), 2, 1),
        (Int(i), Binary(k)) => fused(BinaryInt(i, k), 2, 1),
        (Load(s), ObjGet(i)) => fused(LoadField(s, i), 2, 1),
        (BinarySlot(s, k), JumpIfFalse(o)) if is_comparison(k) => {
            fused(BranchSlot(s, k, o.saturating_add(1)), 2, 0)
        }
        (BinaryInt(i, k), JumpIfFalse(o)) if is_comparison(k) => fused(
            BranchInt(i16::try_from(i).ok()?, k, o.saturating_add(1)),
            2,
            0,
        ),
        (Load(a), BranchInt(i, k, o)) => fused(BranchSlotInt(a, i, k, short(o, 1)?), 2, 1),
        (Load(a), BranchSlot(b, k, o)) => fused(BranchSlotSlot(a, b, k, short(o, 1)?), 2, 1),
        // A comparison about to branch becomes a branch first (then takes the load).
        (Load(_), BinaryInt(_, k) | BinarySlot(_, k))
            if is_comparison(k) && matches!(w.get(2), Some(JumpIfFalse(_))) =>
        {
            None
        }
        (Load(a), BinaryInt(i, k)) => fused(LoadBinaryInt(a, k, i), 2, 1),
        (Load(a), BinarySlot(b, k)) => fused(LoadBinarySlot(a, b, k), 2, 1),
        (Binary(k), Store(d)) => fused(BinaryStore(k, d), 2, 0),
        (BinaryInt(i, k), Store(d)) => fused(BinaryIntStore(i, k, d), 2, 0),
        (BinarySlot(b, k), Store(d)) => fused(BinarySlotStore(b, k, d), 2, 0),
        (Load(a), Store(d)) => fused(Move(d, a), 2, 0),
        (IterNext(s, o), Store(e)) => fused(IterNextStore(s, e, short(o, 0)?), 2, 0),
        (LoadField(s, i), Binary(k)) => fused(BinaryField(s, i, k), 2, 1),
        (Load(a), BinaryField(s, i, k)) => fused(SlotBinaryField(a, s, i, k), 2, 1),
        (Load2(a, i), Builtin(crate::stdlib::Builtin::ArrGet, 2)) => {
            fused(ArrayGetSlots(a, i), 2, 1)
        }
        // Two loads only when the second does not fuse better with what follows.
        (Load(a), Load(b))
            if w.get(1..)
                .and_then(|rest| fuse(rest, short_jumps))
                .is_none() =>
        {
            fused(Load2(a, b), 2, 0)
        }
        _ => None,
    }
}

/// Rewrites `code` and its `lines` with fused instructions, pass after pass, as a fused
/// instruction can fuse again with its neighbours (`Int; Binary` then `Load; BinaryInt`).
pub fn optimize(code: &mut Vec<Op>, lines: &mut Vec<u32>) {
    for _ in 0..4 {
        if !fuse_pass(code, lines) {
            break;
        }
    }
}

/// One pass; false if nothing changed.
fn fuse_pass(code: &mut Vec<Op>, lines: &mut Vec<u32>) -> bool {
    let n = code.len();
    let short_jumps = n < i16::MAX as usize;
    let mut targets = vec![false; n + 1];
    for (i, op) in code.iter().enumerate() {
        if let Some(t) = target(i, *op) {
            if let Some(flag) = targets.get_mut(t) {
                *flag = true;
            }
        }
    }
    let mut out: Vec<Op> = Vec::with_capacity(n);
    let mut out_lines: Vec<u32> = Vec::with_capacity(n);
    // For each old index, the new index of the instruction that now starts there.
    let mut new_index = vec![0usize; n + 1];
    // For each new instruction, the old index it came from (to find jump targets).
    let mut old_index: Vec<usize> = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        new_index[i] = out.len();
        // No jump may land inside what is fused.
        let f = fuse(&code[i..], short_jumps)
            .filter(|f| (i + 1..i + f.len).all(|j| !targets.get(j).copied().unwrap_or(true)));
        match f {
            Some(f) => {
                for j in i + 1..i + f.len {
                    new_index[j] = out.len();
                }
                out.push(f.op);
                out_lines.push(lines.get(i + f.line_of).copied().unwrap_or(0));
                old_index.push(i);
                i += f.len;
            }
            None => {
                out.push(code[i]);
                out_lines.push(lines.get(i).copied().unwrap_or(0));
                old_index.push(i);
                i += 1;
            }
        }
    }
    if out.len() == n {
        return false;
    }
    new_index[n] = out.len();
    for (j, op) in out.iter_mut().enumerate() {
        if let Some(t) = target(old_index[j], *op) {
            let t = new_index.get(t).copied().unwrap_or(out_lines.len());
            let off = i32::try_from(t as i64 - j as i64 - 1).unwrap_or(0);
            // Offsets only shrink, so a short one still fits.
            *op = op.with_jump_offset(off).unwrap_or(*op);
        }
    }
    *code = out;
    *lines = out_lines;
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sema::ir::BinKind;

    #[test]
    fn fuses_pairs_and_keeps_jumps_right() {
        // 0: Load(1)  1: Int(2)  2: Binary(Add)  3: JumpIfFalse -> 0  4: Load(0)  5: Binary(Sub)
        let mut code = vec![
            Op::Load(1),
            Op::Int(2),
            Op::Binary(BinKind::AddInt),
            Op::JumpIfFalse(-4),
            Op::Load(0),
            Op::Binary(BinKind::SubInt),
            Op::Return,
        ];
        let mut lines = vec![1, 1, 2, 3, 4, 5, 6];
        optimize(&mut code, &mut lines);
        assert_eq!(
            code,
            vec![
                Op::LoadBinaryInt(1, BinKind::AddInt, 2),
                Op::JumpIfFalse(-2),
                Op::BinarySlot(0, BinKind::SubInt),
                Op::Return,
            ]
        );
        assert_eq!(lines, vec![2, 3, 5, 6]);
    }

    #[test]
    fn a_counting_loop_becomes_slot_instructions() {
        use BinKind::*;
        // while i < n { x = x * 3; self.count += 1; i = i &+ 1 }  (i: 0, n: 1, x: 2, self: 3)
        let mut code = vec![
            Op::Load(0),
            Op::Load(1),
            Op::Binary(LtInt),
            Op::JumpIfFalse(14),
            Op::Load(2),
            Op::Int(3),
            Op::Binary(MulInt),
            Op::Store(2),
            Op::Load(3),
            Op::ObjTake(0),
            Op::Int(1),
            Op::Binary(AddInt),
            Op::ObjPut(0),
            Op::Load(0),
            Op::Int(1),
            Op::Binary(AddWrapInt),
            Op::Store(0),
            Op::Jump(-18),
            Op::Return,
        ];
        let mut lines: Vec<u32> = (0..code.len() as u32).collect();
        optimize(&mut code, &mut lines);
        assert_eq!(
            code,
            vec![
                Op::BranchSlotSlot(0, 1, LtInt, 4),
                Op::SlotBinaryInt(2, 2, 3, MulInt),
                Op::FieldBinaryInt(3, 0, 1, AddInt),
                Op::SlotBinaryInt(0, 0, 1, AddWrapInt),
                Op::Jump(-5),
                Op::Return,
            ]
        );
        // Each keeps the line of its operation (where a trap would point).
        assert_eq!(lines, vec![2, 6, 11, 15, 17, 18]);
    }

    #[test]
    fn a_jump_target_is_not_fused_away() {
        // The first jump lands on the Binary: the pair stays apart.
        let mut code = vec![
            Op::Jump(1),
            Op::Int(1),
            Op::Binary(BinKind::AddInt),
            Op::Jump(-3),
        ];
        let expected = code.clone();
        let mut lines = vec![1; 4];
        optimize(&mut code, &mut lines);
        assert_eq!(code, expected);
    }
}
