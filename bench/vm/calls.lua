-- calls.lua - 10M method calls on one object (a metatable method, Lua's
-- virtual call).
local Counter = {}
Counter.__index = Counter

function Counter.new()
  return setmetatable({ n = 0 }, Counter)
end

function Counter:add(k)
  self.n = self.n + k
end

local c = Counter.new()
for i = 0, 10000000 - 1 do
  c:add(i % 3)
end
print(c.n)
