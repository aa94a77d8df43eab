-- collections.lua - 1M array appends and 1M reads, then 1M map puts and
-- 1M map gets with string keys.
local N = 1000000
local a = {}
for i = 0, N - 1 do
  a[#a + 1] = i % 1000
end
local s = 0
for i = 1, N do
  s = s + a[i]
end
local d = {}
for i = 0, N - 1 do
  d["k" .. i] = i % 1000
end
for i = 0, N - 1 do
  s = s + d["k" .. i]
end
print(s)
