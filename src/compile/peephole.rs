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
    let off = match op {
        Op::Jump(o) | Op::JumpIfFalse(o) | Op::JumpIfTrue(o) | Op::UnwrapOrJump(o) => o,
        Op::IterNext(_, o) | Op::BranchSlot(_, _, o) | Op::BranchInt(_, _, o) => o,
        _ => return None,
    };
    usize::try_from(at as i64 + 1 + i64::from(off)).ok()
}

fn with_offset(op: Op, off: i32) -> Op {
    match op {
        Op::Jump(_) => Op::Jump(off),
        Op::JumpIfFalse(_) => Op::JumpIfFalse(off),
        Op::JumpIfTrue(_) => Op::JumpIfTrue(off),
        Op::UnwrapOrJump(_) => Op::UnwrapOrJump(off),
        Op::IterNext(s, _) => Op::IterNext(s, off),
        Op::BranchSlot(s, k, _) => Op::BranchSlot(s, k, off),
        Op::BranchInt(i, k, _) => Op::BranchInt(i, k, off),
        other => other,
    }
}

/// Comparisons whose result a branch can take directly.
fn is_comparison(k: BinKind) -> bool {
    use BinKind::*;
    matches!(
        k,
        LtInt | LeInt | GtInt | GeInt | EqInt | NeInt | LtDouble | LeDouble | GtDouble | GeDouble
    )
}

fn fuse(first: Op, second: Op) -> Option<Op> {
    match (first, second) {
        (Op::Load(s), Op::Binary(k)) => Some(Op::BinarySlot(s, k)),
        (Op::Int(i), Op::Binary(k)) => Some(Op::BinaryInt(i, k)),
        (Op::Load(s), Op::ObjGet(i)) => Some(Op::LoadField(s, i)),
        // Jump offsets are retargeted after fusion; the branch keeps the jump's old offset
        // meanwhile (relative to the jump, one instruction later: fixed up below).
        (Op::BinarySlot(s, k), Op::JumpIfFalse(o)) if is_comparison(k) => {
            Some(Op::BranchSlot(s, k, o.saturating_add(1)))
        }
        (Op::BinaryInt(i, k), Op::JumpIfFalse(o)) if is_comparison(k) => i16::try_from(i)
            .ok()
            .map(|i| Op::BranchInt(i, k, o.saturating_add(1))),
        _ => None,
    }
}

/// Rewrites `code` and its `lines` with fused instructions: two passes, as a branch fuses
/// with a comparison the first pass made.
pub fn optimize(code: &mut Vec<Op>, lines: &mut Vec<u32>) {
    fuse_pairs(code, lines);
    fuse_pairs(code, lines);
}

fn fuse_pairs(code: &mut Vec<Op>, lines: &mut Vec<u32>) {
    let n = code.len();
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
        let fused = match (code.get(i), code.get(i + 1)) {
            (Some(&a), Some(&b)) if !targets.get(i + 1).copied().unwrap_or(true) => fuse(a, b),
            _ => None,
        };
        if let Some(op) = fused {
            new_index[i + 1] = out.len();
            out.push(op);
            out_lines.push(lines.get(i + 1).copied().unwrap_or(0));
            old_index.push(i);
            i += 2;
        } else {
            out.push(code[i]);
            out_lines.push(lines.get(i).copied().unwrap_or(0));
            old_index.push(i);
            i += 1;
        }
    }
    new_index[n] = out.len();
    for (j, op) in out.iter_mut().enumerate() {
        if let Some(t) = target(old_index[j], *op) {
            let t = new_index.get(t).copied().unwrap_or(out_lines.len());
            let off = i32::try_from(t as i64 - j as i64 - 1).unwrap_or(0);
            *op = with_offset(*op, off);
        }
    }
    *code = out;
    *lines = out_lines;
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
                Op::Load(1),
                Op::BinaryInt(2, BinKind::AddInt),
                Op::JumpIfFalse(-3),
                Op::BinarySlot(0, BinKind::SubInt),
                Op::Return,
            ]
        );
        assert_eq!(lines, vec![1, 2, 3, 5, 6]);
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
