-- spectralnorm: the benchmarks game's spectral norm of the infinite matrix A, n = 300.
-- Exercises arrays of floats (tables), nested loops, small function calls.
-- The result is printed with 9 decimals by fmt, the same text in Swift and Python.
-- Arrays are 1-based here; evalA takes 0-based indices as in the other two versions.
local n = 300 -- SIZE

local function evalA(i, j)
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)
end

local function multiplyAv(v, av)
    local count = #v
    for i = 1, count do
        local sum = 0.0
        for j = 1, count do
            sum = sum + evalA(i - 1, j - 1) * v[j]
        end
        av[i] = sum
    end
end

local function multiplyAtv(v, atv)
    local count = #v
    for i = 1, count do
        local sum = 0.0
        for j = 1, count do
            sum = sum + evalA(j - 1, i - 1) * v[j]
        end
        atv[i] = sum
    end
end

local function multiplyAtAv(v, out, tmp)
    multiplyAv(v, tmp)
    multiplyAtv(tmp, out)
end

local function fmt(value, places)
    local scale = 1
    for _ = 1, places do
        scale = scale * 10
    end
    local q = math.floor(math.abs(value) * scale + 0.5)
    local sign = (value < 0 and q ~= 0) and "-" or ""
    return sign .. (q // scale) .. "." .. string.format("%0" .. places .. "d", q % scale)
end

local function run(size)
    local u, v, tmp = {}, {}, {}
    for i = 1, size do
        u[i] = 1.0
        v[i] = 0.0
        tmp[i] = 0.0
    end
    for _ = 1, 10 do
        multiplyAtAv(u, v, tmp)
        multiplyAtAv(v, u, tmp)
    end
    local vBv, vv = 0.0, 0.0
    for i = 1, size do
        vBv = vBv + u[i] * v[i]
        vv = vv + v[i] * v[i]
    end
    print(fmt(math.sqrt(vBv / vv), 9))
end

run(n)
