// interp.ph - a small interpreter: a stack machine with twelve
// instructions, dispatched by a switch, runs a program (two ints per
// instruction) that counts the primes below 40000 by trial division.
// Prints the count and the instructions executed.
class interp
{
    const int PUSH = 0;
    const int LOAD = 1;
    const int STORE = 2;
    const int ADD = 3;
    const int MUL = 4;
    const int MOD = 5;
    const int LT = 6;
    const int LE = 7;
    const int JZ = 8;
    const int JNZ = 9;
    const int JMP = 10;
    const int HALT = 11;

    int steps;

    int run(int[] code)
    {
        int[] stack = new int[16];
        int[] regs = new int[4];
        int sp = 0, pc = 0;
        for (;;) {
            int op = code[pc], arg = code[pc + 1];
            pc += 2;
            steps++;
            switch (op) {
            case PUSH: stack[sp] = arg; sp++; break;
            case LOAD: stack[sp] = regs[arg]; sp++; break;
            case STORE: sp--; regs[arg] = stack[sp]; break;
            case ADD: sp--; stack[sp - 1] = stack[sp - 1] + stack[sp]; break;
            case MUL: sp--; stack[sp - 1] = stack[sp - 1] * stack[sp]; break;
            case MOD: sp--; stack[sp - 1] = stack[sp - 1] % stack[sp]; break;
            case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp] ? 1 : 0; break;
            case LE: sp--; stack[sp - 1] = stack[sp - 1] <= stack[sp] ? 1 : 0; break;
            case JZ: sp--; if (stack[sp] == 0) pc = arg * 2; break;
            case JNZ: sp--; if (stack[sp] != 0) pc = arg * 2; break;
            case JMP: pc = arg * 2; break;
            case HALT: return stack[sp - 1];
            }
        }
    }

    static void main()
    {
        int[] code = new int[]();
        // n = 2; count = 0
        // loop (4):  if !(n < 40000) goto end
        //            d = 2; prime = 1
        // inner (12): if !(d * d <= n) goto done
        //            if (n % d != 0) goto next
        //            prime = 0; goto done
        // next (25): d = d + 1; goto inner
        // done (30): count = count + prime; n = n + 1; goto loop
        // end (39):  push count; halt
        string asm = "0 2 2 0 0 0 2 1 1 0 0 40000 6 0 8 39 0 2 2 2 0 1 2 3 " +
                     "1 2 1 2 4 0 1 0 7 0 8 30 1 0 1 2 5 0 9 25 0 0 2 3 10 30 " +
                     "1 2 0 1 3 0 2 2 10 12 1 1 1 3 3 0 2 1 1 0 0 1 3 0 2 0 10 4 " +
                     "1 1 11 0";
        foreach (string t in asm.split(" "))
            code.push(t.toInt());
        interp vm = new interp();
        int primes = vm.run(code);
        println(primes + " " + vm.steps);
    }
};
