-- hashtab - the same algorithm as bench/wasm/hashtab.c: the open-addressing
-- table is two Lua arrays (slot s at index s + 1), 32-bit arithmetic masked.
local BITS = 20
local SIZE = 1 << BITS
local MASK = SIZE - 1
local INSERTS, LOOKUPS = 700000, 6000000
local M32 = 0xffffffff

local seed = 42
local function rnd()
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed
end

local keys, vals = {}, {}
for i = 1, SIZE do keys[i] = 0; vals[i] = 0 end

-- the slot holding key, or the empty slot where it goes
local function find(key)
  local s = (((key * 2654435769) & M32) >> (32 - BITS)) & MASK
  while keys[s + 1] ~= 0 and keys[s + 1] ~= key do s = (s + 1) & MASK end
  return s
end

local distinct, repeats = 0, 0
for i = 0, INSERTS - 1 do
  local k = rnd() % 1000000 + 1
  local s = find(k)
  if keys[s + 1] == k then
    vals[s + 1] = (vals[s + 1] + i) & M32
    repeats = repeats + 1
  else
    keys[s + 1] = k
    vals[s + 1] = i
    distinct = distinct + 1
  end
end
local hits, sum = 0, 0
for _ = 1, LOOKUPS do
  local k = rnd() % 2000000 + 1
  local s = find(k)
  if keys[s + 1] == k then
    hits = hits + 1
    sum = (sum * 31 + vals[s + 1]) & M32
  end
end
print(string.format("%d %d %d %d", distinct, repeats, hits, sum))
