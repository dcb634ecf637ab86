-- binarytrees: allocate and drop many binary trees of class instances (the benchmarks game's
-- shape: a stretch tree, a long-lived tree, then many short-lived trees per depth).
-- Exercises allocation, garbage collection, optional fields, recursion.
local n = 16 -- SIZE

local function Node(left, right)
    return { left = left, right = right }
end

local function check(node)
    local count = 1
    local l = node.left
    if l then
        count = count + check(l)
    end
    local r = node.right
    if r then
        count = count + check(r)
    end
    return count
end

local function bottomUpTree(depth)
    if depth <= 0 then
        return Node(nil, nil)
    end
    return Node(bottomUpTree(depth - 1), bottomUpTree(depth - 1))
end

local function run(requested)
    local minDepth = 4
    local maxDepth = math.max(minDepth + 2, requested)
    local stretchDepth = maxDepth + 1
    print("stretch tree of depth " .. stretchDepth .. "\t check: " .. check(bottomUpTree(stretchDepth)))

    local longLived = bottomUpTree(maxDepth)

    for depth = minDepth, maxDepth, 2 do
        local iterations = 1 << (maxDepth - depth + minDepth)
        local total = 0
        for _ = 1, iterations do
            total = total + check(bottomUpTree(depth))
        end
        print(iterations .. "\t trees of depth " .. depth .. "\t check: " .. total)
    end
    print("long lived tree of depth " .. maxDepth .. "\t check: " .. check(longLived))
end

run(n)
