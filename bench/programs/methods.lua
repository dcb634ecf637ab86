-- methods: 5,000,000 method calls on one object (deposit and withdraw alternate) that read
-- and update its fields. Exercises method calls through a metatable, field reads and writes
-- through self, boolean returns.
local n = 5000000 -- SIZE

local Account = {}
Account.__index = Account

function Account.new()
    return setmetatable({ balance = 0, deposits = 0, refused = 0 }, Account)
end

function Account:deposit(amount)
    self.balance = self.balance + amount
    self.deposits = self.deposits + 1
end

function Account:withdraw(amount)
    if amount > self.balance then
        self.refused = self.refused + 1
        return false
    end
    self.balance = self.balance - amount
    return true
end

local function run(calls)
    local account = Account.new()
    local accepted = 0
    for i = 0, calls // 2 - 1 do
        account:deposit(i % 100)
        if account:withdraw((i * 7) % 150) then
            accepted = accepted + 1
        end
    end
    print(account.balance .. " " .. account.deposits .. " " .. account.refused .. " " .. accepted)
end

run(n)
