-- strings.lua - string building: 1M pieces made by concatenation and
-- tostring, joined into one string, then its length.
local N = 1000000
local parts = {}
for i = 0, N - 1 do
  parts[#parts + 1] = "item" .. i .. ";"
end
local s = table.concat(parts)
print(#s)
