-- loop.lua - a tight integer loop: 100M iterations summing i % 7
-- (the modulo keeps the sum inside 32 bits, where Phantom's ints live).
local s = 0
for i = 0, 100000000 - 1 do
  s = s + i % 7
end
print(s)
