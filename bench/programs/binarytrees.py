# binarytrees: allocate and drop many binary trees of class instances (the benchmarks game's
# shape: a stretch tree, a long-lived tree, then many short-lived trees per depth).
# Exercises allocation, reference counting and deallocation, optional fields, recursion.
n = 16  # SIZE


class Node:
    __slots__ = ("left", "right")

    def __init__(self, left, right):
        self.left = left
        self.right = right

    def check(self):
        count = 1
        left = self.left
        if left is not None:
            count += left.check()
        right = self.right
        if right is not None:
            count += right.check()
        return count


def bottom_up_tree(depth):
    if depth <= 0:
        return Node(None, None)
    return Node(bottom_up_tree(depth - 1), bottom_up_tree(depth - 1))


def run(requested):
    min_depth = 4
    max_depth = max(min_depth + 2, requested)
    stretch_depth = max_depth + 1
    print(f"stretch tree of depth {stretch_depth}\t check: {bottom_up_tree(stretch_depth).check()}")

    long_lived = bottom_up_tree(max_depth)

    for depth in range(min_depth, max_depth + 1, 2):
        iterations = 1 << (max_depth - depth + min_depth)
        check = 0
        for _ in range(iterations):
            check += bottom_up_tree(depth).check()
        print(f"{iterations}\t trees of depth {depth}\t check: {check}")
    print(f"long lived tree of depth {max_depth}\t check: {long_lived.check()}")


run(n)
