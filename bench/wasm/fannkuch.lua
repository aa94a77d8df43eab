-- fannkuch - the same algorithm as bench/wasm/fannkuch.c; element i of a
-- C array is t[i + 1] here.
local N = 10
local perm, perm1, count = {}, {}, {}
local maxflips, checksum, permcount, r = 0, 0, 0, N
for i = 0, N - 1 do perm1[i + 1] = i; perm[i + 1] = 0; count[i + 1] = 0 end
while true do
  while r ~= 1 do count[r] = r; r = r - 1 end
  for i = 1, N do perm[i] = perm1[i] end
  local flips = 0
  local k = perm[1]
  while k ~= 0 do
    local k2 = (k + 1) >> 1
    for i = 0, k2 - 1 do
      local t = perm[i + 1]
      perm[i + 1] = perm[k - i + 1]
      perm[k - i + 1] = t
    end
    flips = flips + 1
    k = perm[1]
  end
  if flips > maxflips then maxflips = flips end
  if permcount % 2 == 0 then checksum = checksum + flips else checksum = checksum - flips end
  while true do
    if r == N then
      print(string.format("%d\nPfannkuchen(%d) = %d", checksum, N, maxflips))
      return
    end
    local perm0 = perm1[1]
    for i = 1, r do perm1[i] = perm1[i + 1] end
    perm1[r + 1] = perm0
    count[r + 1] = count[r + 1] - 1
    if count[r + 1] > 0 then break end
    r = r + 1
  end
  permcount = permcount + 1
end
