/* interp - a small stack-machine interpreter (a switch over byte codes,
 * eight registers), written for bench/wasm: an interpreter's dispatch
 * inside an interpreter.  The program sums i*i mod 7 over i < N and
 * xors in every 16th i; prints the result and the instructions run. */
#include <stdint.h>
#include <stdio.h>

#define N 5000000
enum { PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, AND, XOR, LT, JZ, JMP, HALT };

static const int64_t program[] = {
    PUSH, 0, STORE, 0, PUSH, 0, STORE, 1,
    /* 8: loop */ LOAD, 0, PUSH, N, LT, JZ, 53,
    /* 15 */ LOAD, 0, LOAD, 0, MUL, PUSH, 7, MOD, LOAD, 1, ADD, STORE, 1,
    /* 28 */ LOAD, 0, PUSH, 15, AND, JZ, 37, JMP, 44,
    /* 37 */ LOAD, 1, LOAD, 0, XOR, STORE, 1,
    /* 44 */ LOAD, 0, PUSH, 1, ADD, STORE, 0, JMP, 8,
    /* 53 */ HALT,
};

int main(void)
{
    int64_t stack[64], reg[8] = {0};
    int sp = 0, pc = 0;
    int64_t steps = 0;
    for (;;) {
        int64_t op = program[pc];
        steps++;
        switch (op) {
        case PUSH: stack[sp++] = program[pc + 1]; pc += 2; break;
        case LOAD: stack[sp++] = reg[program[pc + 1]]; pc += 2; break;
        case STORE: reg[program[pc + 1]] = stack[--sp]; pc += 2; break;
        case ADD: sp--; stack[sp - 1] = stack[sp - 1] + stack[sp]; pc++; break;
        case SUB: sp--; stack[sp - 1] = stack[sp - 1] - stack[sp]; pc++; break;
        case MUL: sp--; stack[sp - 1] = stack[sp - 1] * stack[sp]; pc++; break;
        case MOD: sp--; stack[sp - 1] = stack[sp - 1] % stack[sp]; pc++; break;
        case AND: sp--; stack[sp - 1] = stack[sp - 1] & stack[sp]; pc++; break;
        case XOR: sp--; stack[sp - 1] = stack[sp - 1] ^ stack[sp]; pc++; break;
        case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; pc++; break;
        case JZ: pc = stack[--sp] == 0 ? (int)program[pc + 1] : pc + 2; break;
        case JMP: pc = (int)program[pc + 1]; break;
        case HALT:
            printf("%lld %lld\n", (long long)reg[1], (long long)steps);
            return 0;
        }
    }
}
