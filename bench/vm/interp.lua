-- interp.lua - a small interpreter: a stack machine with twelve
-- instructions, dispatched by an if-chain, runs a program (two ints per
-- instruction) that counts the primes below 40000 by trial division.
-- Prints the count and the instructions executed.
local PUSH, LOAD, STORE, ADD, MUL, MOD, LT, LE, JZ, JNZ, JMP, HALT = 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11

local steps = 0

local function run(code)
  local stack, regs = {}, {0, 0, 0, 0}
  local sp, pc = 0, 1
  while true do
    local op, arg = code[pc], code[pc + 1]
    pc = pc + 2
    steps = steps + 1
    if op == PUSH then sp = sp + 1; stack[sp] = arg
    elseif op == LOAD then sp = sp + 1; stack[sp] = regs[arg + 1]
    elseif op == STORE then regs[arg + 1] = stack[sp]; sp = sp - 1
    elseif op == ADD then sp = sp - 1; stack[sp] = stack[sp] + stack[sp + 1]
    elseif op == MUL then sp = sp - 1; stack[sp] = stack[sp] * stack[sp + 1]
    elseif op == MOD then sp = sp - 1; stack[sp] = stack[sp] % stack[sp + 1]
    elseif op == LT then sp = sp - 1; stack[sp] = stack[sp] < stack[sp + 1] and 1 or 0
    elseif op == LE then sp = sp - 1; stack[sp] = stack[sp] <= stack[sp + 1] and 1 or 0
    elseif op == JZ then
      if stack[sp] == 0 then pc = arg * 2 + 1 end
      sp = sp - 1
    elseif op == JNZ then
      if stack[sp] ~= 0 then pc = arg * 2 + 1 end
      sp = sp - 1
    elseif op == JMP then pc = arg * 2 + 1
    elseif op == HALT then return stack[sp]
    end
  end
end

-- n = 2; count = 0
-- loop (4):  if !(n < 40000) goto end
--            d = 2; prime = 1
-- inner (12): if !(d * d <= n) goto done
--            if (n % d != 0) goto next
--            prime = 0; goto done
-- next (25): d = d + 1; goto inner
-- done (30): count = count + prime; n = n + 1; goto loop
-- end (39):  push count; halt
local asm = "0 2 2 0 0 0 2 1 1 0 0 40000 6 0 8 39 0 2 2 2 0 1 2 3 " ..
            "1 2 1 2 4 0 1 0 7 0 8 30 1 0 1 2 5 0 9 25 0 0 2 3 10 30 " ..
            "1 2 0 1 3 0 2 2 10 12 1 1 1 3 3 0 2 1 1 0 0 1 3 0 2 0 10 4 " ..
            "1 1 11 0"
local code = {}
for t in asm:gmatch("%S+") do code[#code + 1] = tonumber(t) end
local primes = run(code)
print(primes .. " " .. steps)
