-- closures: create counter closures that capture a mutable variable (an upvalue), and call
-- each one 100 times: 2,000,000 calls in all. Exercises closure creation, upvalue reads and
-- writes, and calls through a function value.
local n = 2000000 -- SIZE

local function makeCounter(step)
    local count = 0
    return function()
        count = count + step
        return count
    end
end

local function run(calls)
    local total = 0
    local closures = calls // 100
    for k = 0, closures - 1 do
        local nextValue = makeCounter(k % 10 + 1)
        for _ = 1, 100 do
            total = total + nextValue()
        end
    end
    print(closures .. " " .. total)
end

run(n)
