-- dynarray.lua - dynamic arrays of records: 300k order records pushed onto
-- a growing array, then ten passes that each filter the big orders into a
-- new array, total them per customer, copy three orders in four into a new
-- array and append 60k new orders.
local orders = {}
local x, id = 1, 0
while id < 300000 do
  x = (x * 75 + 74) % 65537
  orders[#orders + 1] = {id = id, customer = x % 100, qty = x % 17 + 1, price = x % 1000}
  id = id + 1
end
local check = 0
for pass = 0, 9 do
  local big = {}
  for _, o in ipairs(orders) do
    if o.qty * o.price > 5000 then big[#big + 1] = o end
  end
  local perCustomer = {}
  for c = 0, 99 do perCustomer[c] = 0 end
  for _, o in ipairs(big) do
    perCustomer[o.customer] = perCustomer[o.customer] + o.qty
  end
  for c = 0, 99 do check = (check * 31 + perCustomer[c]) % 1000003 end
  local kept = {}
  for _, o in ipairs(orders) do
    if (o.id + pass) % 4 ~= 0 then kept[#kept + 1] = o end
  end
  for _ = 1, 60000 do
    x = (x * 75 + 74) % 65537
    kept[#kept + 1] = {id = id, customer = x % 100, qty = x % 17 + 1, price = x % 1000}
    id = id + 1
  end
  orders = kept
  check = (check + #orders) % 1000003
end
print(#orders .. " " .. check)
