-- lz77 - the same compressor and decompressor as bench/wasm/lz77.c, over
-- arrays of byte values (byte i at t[i + 1]; head and prev likewise).
local SIZE, HBITS, WINDOW, MAXCHAIN, MAXLEN = 1000000, 15, 32768, 256, 255
local HMASK = (1 << HBITS) - 1
local words = {
  "the", "persistent", "world", "keeps", "every", "object", "snapshot", "of", "memory",
  "and", "a", "program", "continues", "after", "kill", "interpreter", "stack", "frame",
  "page", "disk", "restart", "thread", "value", "table", "function", "module",
}
local seed = 12345
local function rnd()
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed
end

local inp, out, back, head, prev = {}, {}, {}, {}, {}
local n = 0
while n < SIZE do
  local w = words[rnd() % #words + 1]
  for k = 1, #w do
    if n >= SIZE then break end
    n = n + 1; inp[n] = w:byte(k)
  end
  if n < SIZE then
    n = n + 1
    inp[n] = (rnd() % 8 == 0) and 10 or 32
  end
end
for h = 1, 1 << HBITS do head[h] = -1 end
for k = 1, n do prev[k] = -1 end

local function hash3(i) return ((inp[i + 1] << 10) ~ (inp[i + 2] << 5) ~ inp[i + 3]) & HMASK end

local o, i = 0, 0
while i < n do
  local best, dist = 0, 0
  if i + 3 <= n then
    local h = hash3(i)
    local j, chain = head[h + 1], 0
    while j >= 0 and i - j <= WINDOW and chain < MAXCHAIN do
      local l = 0
      while l < MAXLEN and i + l < n and inp[j + l + 1] == inp[i + l + 1] do l = l + 1 end
      if l > best then best = l; dist = i - j end
      j = prev[j + 1]
      chain = chain + 1
    end
    prev[i + 1] = head[h + 1]
    head[h + 1] = i
  end
  if best >= 3 then
    out[o + 1] = 1; out[o + 2] = best; out[o + 3] = dist & 255; out[o + 4] = dist >> 8
    o = o + 4
    for k = i + 1, i + best - 1 do
      if k + 3 <= n then
        local h = hash3(k)
        prev[k + 1] = head[h + 1]
        head[h + 1] = k
      end
    end
    i = i + best
  else
    out[o + 1] = 0; out[o + 2] = inp[i + 1]
    o = o + 2
    i = i + 1
  end
end
local m, p = 0, 0
while p < o do
  if out[p + 1] == 0 then
    back[m + 1] = out[p + 2]; m = m + 1
    p = p + 2
  else
    local len, d = out[p + 2], out[p + 3] | (out[p + 4] << 8)
    for _ = 1, len do back[m + 1] = back[m + 1 - d]; m = m + 1 end
    p = p + 4
  end
end
local same = (m == n) and 1 or 0
if same == 1 then
  for k = 1, n do if inp[k] ~= back[k] then same = 0; break end end
end
local a, b = 1, 0
for k = 1, o do
  a = (a + out[k]) % 65521
  b = (b + a) % 65521
end
print(string.format("%d %d %d %d", n, o, same, (b << 16) | a))
