-- wordcount.lua - a string-keyed word count: 600k words drawn from a
-- vocabulary of syllable words, written as lines of ten, joined into one
-- text, split again and counted in a table.  Prints the number of distinct
-- words, the largest count and sum(count * length).
local floor = math.floor
local syl = {}
for s in ("ka lo mi ne su ta ri po de gu fa zo"):gmatch("%S+") do syl[#syl + 1] = s end
local words = {}
for k = 0, 3999 do
  local w = syl[k % 12 + 1] .. syl[floor(k / 12) % 12 + 1]
  if k >= 144 then w = w .. syl[floor(k / 144) % 12 + 1] end
  words[k] = w
end
local lines, line = {}, {}
local x = 1
for _ = 1, 600000 do
  x = (x * 75 + 74) % 65537
  line[#line + 1] = words[x % 4000]
  if #line == 10 then
    lines[#lines + 1] = table.concat(line, " ")
    line = {}
  end
end
local text = table.concat(lines, "\n")

local counts = {}
for l in text:gmatch("[^\n]+") do
  for w in l:gmatch("%S+") do
    counts[w] = (counts[w] or 0) + 1
  end
end
local distinct, most, weighted = 0, 0, 0
for w, c in pairs(counts) do
  distinct = distinct + 1
  if c > most then most = c end
  weighted = weighted + c * #w
end
print(string.format("%d %d %d", distinct, most, weighted))
