-- records.lua - recursion with records: 300k keys from a small LCG inserted
-- into an unbalanced binary search tree of node records by a recursive
-- insert (duplicates counted), then recursive walks for the node count,
-- the height and a key-weighted sum.
local function insert(t, k)
  if t == nil then return {key = k, count = 1} end
  if k < t.key then t.left = insert(t.left, k)
  elseif k > t.key then t.right = insert(t.right, k)
  else t.count = t.count + 1 end
  return t
end

local function size(t)
  if t == nil then return 0 end
  return 1 + size(t.left) + size(t.right)
end

local function height(t)
  if t == nil then return 0 end
  local l, r = height(t.left), height(t.right)
  return 1 + (l > r and l or r)
end

local function weighted(t)
  if t == nil then return 0 end
  return (weighted(t.left) + t.key % 1000 * t.count + weighted(t.right)) % 1000000007
end

local root
local x, y = 1, 7
for _ = 1, 300000 do
  x = (x * 75 + 74) % 65537
  y = (y * 75 + 74) % 65537
  root = insert(root, x % 30000 * 30000 + y % 30000)
end
print(size(root) .. " " .. height(root) .. " " .. weighted(root))
