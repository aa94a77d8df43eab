-- sort - the same algorithm as bench/wasm/sort.c (element i at a[i + 1]).
local N = 400000
local M32 = 0xffffffff
local seed = 7
local function rnd()
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed
end

local function isort(a, lo, hi)
  for i = lo + 1, hi do
    local v = a[i + 1]
    local j = i - 1
    while j >= lo and a[j + 1] > v do
      a[j + 2] = a[j + 1]
      j = j - 1
    end
    a[j + 2] = v
  end
end

local function qsort(a, lo, hi)
  while hi - lo >= 16 do
    local mid = lo + (hi - lo) // 2
    local x, y, z = a[lo + 1], a[mid + 1], a[hi + 1]
    local p
    if x < y then
      if y < z then p = y elseif x < z then p = z else p = x end
    else
      if x < z then p = x elseif y < z then p = z else p = y end
    end
    local i, j = lo, hi
    while i <= j do
      while a[i + 1] < p do i = i + 1 end
      while a[j + 1] > p do j = j - 1 end
      if i <= j then
        a[i + 1], a[j + 1] = a[j + 1], a[i + 1]
        i = i + 1
        j = j - 1
      end
    end
    if j - lo < hi - i then
      qsort(a, lo, j)
      lo = i
    else
      qsort(a, i, hi)
      hi = j
    end
  end
  isort(a, lo, hi)
end

local a = {}
for round = 0, 5 do
  local mod = round % 3 == 0 and 0x7fffffff or (round % 3 == 1 and 1000 or 100000)
  for i = 1, N do a[i] = rnd() % mod end
  qsort(a, 0, N - 1)
  local sum, ordered = 0, 1
  for i = 1, N do
    if i > 1 and a[i - 1] > a[i] then ordered = 0 end
    sum = (sum * 31 + a[i]) & M32
  end
  print(string.format("%d %d", ordered, sum))
end
