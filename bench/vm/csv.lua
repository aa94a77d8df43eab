-- csv.lua - text building and parsing: 200k CSV rows (id, name, quantity,
-- price) built by concatenation and joined into one text, then split into
-- lines and fields, the numbers parsed, and totals made.  Prints the text's
-- length, the sum of quantity * price and the total length of the names.
local rows = {"id,name,qty,price"}
for id = 1, 200000 do
  rows[#rows + 1] = id .. ",item" .. (id * 7 % 1000) .. "," .. (id % 13) .. "," .. (id * 37 % 1000)
end
local text = table.concat(rows, "\n")

local total, names, n = 0, 0, 0
for line in text:gmatch("[^\n]+") do
  n = n + 1
  if n > 1 then
    local _, name, qty, price = line:match("^([^,]*),([^,]*),([^,]*),([^,]*)$")
    names = names + #name
    total = (total + tonumber(qty) * tonumber(price)) % 1000000007
  end
end
print(string.format("%d %d %d", #text, total, names))
