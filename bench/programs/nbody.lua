-- nbody: the 5-body (Sun and the four gas giants) simulation of the benchmarks game.
-- Exercises Double arithmetic, field reads and writes on tables, array indexing.
-- Energies are printed with 9 decimals by fmt (rounding half away from zero), the same
-- text in the Swift and Python versions.
local n = 200000 -- SIZE

local sqrt = math.sqrt

local pi = 3.141592653589793
local solarMass = 4.0 * pi * pi
local daysPerYear = 365.24

local function Body(x, y, z, vx, vy, vz, mass)
    return { x = x, y = y, z = z, vx = vx, vy = vy, vz = vz, mass = mass }
end

local function makeBodies()
    local sun = Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, solarMass)
    local jupiter = Body(
        4.84143144246472090e+00,
        -1.16032004402742839e+00,
        -1.03622044471123109e-01,
        1.66007664274403694e-03 * daysPerYear,
        7.69901118419740425e-03 * daysPerYear,
        -6.90460016972063023e-05 * daysPerYear,
        9.54791938424326609e-04 * solarMass)
    local saturn = Body(
        8.34336671824457987e+00,
        4.12479856412430479e+00,
        -4.03523417114321381e-01,
        -2.76742510726862411e-03 * daysPerYear,
        4.99852801234917238e-03 * daysPerYear,
        2.30417297573763929e-05 * daysPerYear,
        2.85885980666130812e-04 * solarMass)
    local uranus = Body(
        1.28943695621391310e+01,
        -1.51111514016986312e+01,
        -2.23307578892655734e-01,
        2.96460137564761618e-03 * daysPerYear,
        2.37847173959480950e-03 * daysPerYear,
        -2.96589568540237556e-05 * daysPerYear,
        4.36624404335156298e-05 * solarMass)
    local neptune = Body(
        1.53796971148509165e+01,
        -2.59193146099879641e+01,
        1.79258772950371181e-01,
        2.68067772490389322e-03 * daysPerYear,
        1.62824170038242295e-03 * daysPerYear,
        -9.51592254519715870e-05 * daysPerYear,
        5.15138902046611451e-05 * solarMass)
    return { sun, jupiter, saturn, uranus, neptune }
end

local function offsetMomentum(bodies)
    local px, py, pz = 0.0, 0.0, 0.0
    for _, b in ipairs(bodies) do
        px = px + b.vx * b.mass
        py = py + b.vy * b.mass
        pz = pz + b.vz * b.mass
    end
    local sun = bodies[1]
    sun.vx = -px / solarMass
    sun.vy = -py / solarMass
    sun.vz = -pz / solarMass
end

local function energy(bodies)
    local e = 0.0
    local count = #bodies
    for i = 1, count do
        local b = bodies[i]
        e = e + 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
        for j = i + 1, count do
            local b2 = bodies[j]
            local dx = b.x - b2.x
            local dy = b.y - b2.y
            local dz = b.z - b2.z
            e = e - (b.mass * b2.mass) / sqrt(dx * dx + dy * dy + dz * dz)
        end
    end
    return e
end

local function advance(bodies, dt)
    local count = #bodies
    for i = 1, count do
        local bi = bodies[i]
        for j = i + 1, count do
            local bj = bodies[j]
            local dx = bi.x - bj.x
            local dy = bi.y - bj.y
            local dz = bi.z - bj.z
            local dSquared = dx * dx + dy * dy + dz * dz
            local mag = dt / (dSquared * sqrt(dSquared))
            bi.vx = bi.vx - dx * bj.mass * mag
            bi.vy = bi.vy - dy * bj.mass * mag
            bi.vz = bi.vz - dz * bj.mass * mag
            bj.vx = bj.vx + dx * bi.mass * mag
            bj.vy = bj.vy + dy * bi.mass * mag
            bj.vz = bj.vz + dz * bi.mass * mag
        end
    end
    for i = 1, count do
        local b = bodies[i]
        b.x = b.x + dt * b.vx
        b.y = b.y + dt * b.vy
        b.z = b.z + dt * b.vz
    end
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

local function run(steps)
    local bodies = makeBodies()
    offsetMomentum(bodies)
    print(fmt(energy(bodies), 9))
    for _ = 1, steps do
        advance(bodies, 0.01)
    end
    print(fmt(energy(bodies), 9))
end

run(n)
