-- callbacks.lua - callbacks through closures: map, filter and reduce over
-- a 100k-int array with function values (adders, multipliers, a
-- composition, a divisibility test, a sum), 30 rounds.
local function adder(k) return function(x) return x + k end end
local function multiplier(k) return function(x) return x * k % 100003 end end
local function composed(f, g) return function(x) return g(f(x)) end end
local function multipleOf(k) return function(x) return x % k == 0 end end
local function summer(acc, x) return (acc + x) % 1000000007 end

local function map(a, f)
  local r = {}
  for i = 1, #a do r[i] = f(a[i]) end
  return r
end

local function filter(a, p)
  local r = {}
  for _, x in ipairs(a) do
    if p(x) then r[#r + 1] = x end
  end
  return r
end

local function reduce(a, init, op)
  local acc = init
  for _, x in ipairs(a) do acc = op(acc, x) end
  return acc
end

local a = {}
for i = 1, 100000 do a[i] = i - 1 end
local total = 0
for round = 1, 30 do
  local f = composed(adder(round), multiplier(round + 2))
  local b = map(a, f)
  local c = filter(b, multipleOf(3))
  total = (total + reduce(c, round, summer) + #c) % 1000000007
end
print(total)
