-- interp - the same byte-code machine as bench/wasm/interp.c (an if chain
-- in op order where C has a switch; program word p at program[p + 1]).
local N = 5000000
local PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, AND, XOR, LT, JZ, JMP, HALT = 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
local program = {
  PUSH, 0, STORE, 0, PUSH, 0, STORE, 1,
  LOAD, 0, PUSH, N, LT, JZ, 53,
  LOAD, 0, LOAD, 0, MUL, PUSH, 7, MOD, LOAD, 1, ADD, STORE, 1,
  LOAD, 0, PUSH, 15, AND, JZ, 37, JMP, 44,
  LOAD, 1, LOAD, 0, XOR, STORE, 1,
  LOAD, 0, PUSH, 1, ADD, STORE, 0, JMP, 8,
  HALT,
}
local stack, reg = {}, {0, 0, 0, 0, 0, 0, 0, 0}
for i = 1, 64 do stack[i] = 0 end
local sp, pc, steps = 0, 0, 0
while true do
  local op = program[pc + 1]
  steps = steps + 1
  if op == PUSH then sp = sp + 1; stack[sp] = program[pc + 2]; pc = pc + 2
  elseif op == LOAD then sp = sp + 1; stack[sp] = reg[program[pc + 2] + 1]; pc = pc + 2
  elseif op == STORE then reg[program[pc + 2] + 1] = stack[sp]; sp = sp - 1; pc = pc + 2
  elseif op == ADD then sp = sp - 1; stack[sp] = stack[sp] + stack[sp + 1]; pc = pc + 1
  elseif op == SUB then sp = sp - 1; stack[sp] = stack[sp] - stack[sp + 1]; pc = pc + 1
  elseif op == MUL then sp = sp - 1; stack[sp] = stack[sp] * stack[sp + 1]; pc = pc + 1
  elseif op == MOD then sp = sp - 1; stack[sp] = math.fmod(stack[sp], stack[sp + 1]); pc = pc + 1
  elseif op == AND then sp = sp - 1; stack[sp] = stack[sp] & stack[sp + 1]; pc = pc + 1
  elseif op == XOR then sp = sp - 1; stack[sp] = stack[sp] ~ stack[sp + 1]; pc = pc + 1
  elseif op == LT then sp = sp - 1; stack[sp] = (stack[sp] < stack[sp + 1]) and 1 or 0; pc = pc + 1
  elseif op == JZ then
    local v = stack[sp]; sp = sp - 1
    if v == 0 then pc = program[pc + 2] else pc = pc + 2 end
  elseif op == JMP then pc = program[pc + 2]
  elseif op == HALT then
    print(string.format("%d %d", reg[2], steps))
    return
  end
end
