-- strings: build 200,000 small pieces with formatting and concatenation, append each to
-- one result (a buffer table joined by table.concat, Lua's idiom: repeated `s = s .. piece`
-- would be quadratic), then count its characters (and, by iterating, the "7"s).
local n = 200000 -- SIZE

local function build(count)
    local parts = {}
    for i = 0, count - 1 do
        local piece = string.format("<%d:%d>", i, i % 7) .. tostring(i * 3) .. ","
        parts[#parts + 1] = piece
    end
    return table.concat(parts)
end

local function run(count)
    local s = build(count)
    local sevens = 0
    local byte = string.byte
    for k = 1, #s do
        if byte(s, k) == 55 then -- "7"
            sevens = sevens + 1
        end
    end
    print(#s .. " " .. sevens)
end

run(n)
