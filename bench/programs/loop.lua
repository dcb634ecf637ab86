-- loop: one Int loop with arithmetic in the body (multiply, add, remainder, bitwise and).
local n = 10000000 -- SIZE

local function run(count)
    local acc = 0
    local x = 1
    for i = 0, count - 1 do
        x = (x * 31 + i) % 1000003
        acc = acc + ((x & 255) - (i % 7))
    end
    print(acc .. " " .. x)
end

run(n)
