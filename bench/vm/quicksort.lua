-- quicksort.lua - an in-language quicksort (Hoare partition, middle pivot,
-- recursion on the smaller side) of 600k ints from a small LCG, three
-- times over fresh data.  Prints a position-weighted checksum.
local floor = math.floor

local function sort(a, lo, hi)
  while lo < hi do
    local p = a[floor((lo + hi) / 2)]
    local i, j = lo, hi
    while i <= j do
      while a[i] < p do i = i + 1 end
      while a[j] > p do j = j - 1 end
      if i <= j then
        a[i], a[j] = a[j], a[i]
        i = i + 1
        j = j - 1
      end
    end
    if j - lo < hi - i then
      sort(a, lo, j)
      lo = i
    else
      sort(a, i, hi)
      hi = j
    end
  end
end

local n = 600000
local x, sum = 1, 0
for _ = 1, 3 do
  local a = {}
  for i = 1, n do
    x = (x * 75 + 74) % 65537
    a[i] = x
  end
  sort(a, 1, n)
  for i = 2, n do
    if a[i - 1] > a[i] then print("not sorted at " .. i) end
  end
  for i = 1, n do
    sum = (sum + a[i] * ((i - 1) % 7)) % 1000003
  end
end
print(sum)
