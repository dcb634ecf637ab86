-- dict: insert 1,000,000 integer keys into a table (hash part), look up 1,000,000 keys (a
-- third of them present), then iterate once over the entries to count them and sum the keys.
-- Exercises hashing of integer keys, insertion with growth, lookups, iteration.
local n = 1000000 -- SIZE

local function run(count)
    local d = {}
    for i = 0, count - 1 do
        d[i * 7] = i
    end
    local found = 0
    local sum = 0
    for i = 0, count - 1 do
        local v = d[i * 3]
        if v ~= nil then
            found = found + 1
            sum = sum + v
        end
    end
    local entries = 0
    local keySum = 0
    for k, _ in pairs(d) do
        entries = entries + 1
        keySum = keySum + k
    end
    print(entries .. " " .. keySum .. " " .. found .. " " .. sum)
end

run(n)
