/*
 * jv_ops.c - the JVM instruction table (jv_ops.h).
 */
#include <stddef.h>

#include "jv_ops.h"

/* name and length for the fixed-length opcodes; 0 length: variable. */
static const struct {
    const char *name;
    uint8_t len;
} ops[256] = {
    [0] = {"nop", 1}, [1] = {"aconst_null", 1}, [2] = {"iconst_m1", 1}, [3] = {"iconst_0", 1},
    [4] = {"iconst_1", 1}, [5] = {"iconst_2", 1}, [6] = {"iconst_3", 1}, [7] = {"iconst_4", 1},
    [8] = {"iconst_5", 1}, [9] = {"lconst_0", 1}, [10] = {"lconst_1", 1}, [11] = {"fconst_0", 1},
    [12] = {"fconst_1", 1}, [13] = {"fconst_2", 1}, [14] = {"dconst_0", 1}, [15] = {"dconst_1", 1},
    [16] = {"bipush", 2}, [17] = {"sipush", 3}, [18] = {"ldc", 2}, [19] = {"ldc_w", 3}, [20] = {"ldc2_w", 3},
    [21] = {"iload", 2}, [22] = {"lload", 2}, [23] = {"fload", 2}, [24] = {"dload", 2}, [25] = {"aload", 2},
    [26] = {"iload_0", 1}, [27] = {"iload_1", 1}, [28] = {"iload_2", 1}, [29] = {"iload_3", 1},
    [30] = {"lload_0", 1}, [31] = {"lload_1", 1}, [32] = {"lload_2", 1}, [33] = {"lload_3", 1},
    [34] = {"fload_0", 1}, [35] = {"fload_1", 1}, [36] = {"fload_2", 1}, [37] = {"fload_3", 1},
    [38] = {"dload_0", 1}, [39] = {"dload_1", 1}, [40] = {"dload_2", 1}, [41] = {"dload_3", 1},
    [42] = {"aload_0", 1}, [43] = {"aload_1", 1}, [44] = {"aload_2", 1}, [45] = {"aload_3", 1},
    [46] = {"iaload", 1}, [47] = {"laload", 1}, [48] = {"faload", 1}, [49] = {"daload", 1},
    [50] = {"aaload", 1}, [51] = {"baload", 1}, [52] = {"caload", 1}, [53] = {"saload", 1},
    [54] = {"istore", 2}, [55] = {"lstore", 2}, [56] = {"fstore", 2}, [57] = {"dstore", 2}, [58] = {"astore", 2},
    [59] = {"istore_0", 1}, [60] = {"istore_1", 1}, [61] = {"istore_2", 1}, [62] = {"istore_3", 1},
    [63] = {"lstore_0", 1}, [64] = {"lstore_1", 1}, [65] = {"lstore_2", 1}, [66] = {"lstore_3", 1},
    [67] = {"fstore_0", 1}, [68] = {"fstore_1", 1}, [69] = {"fstore_2", 1}, [70] = {"fstore_3", 1},
    [71] = {"dstore_0", 1}, [72] = {"dstore_1", 1}, [73] = {"dstore_2", 1}, [74] = {"dstore_3", 1},
    [75] = {"astore_0", 1}, [76] = {"astore_1", 1}, [77] = {"astore_2", 1}, [78] = {"astore_3", 1},
    [79] = {"iastore", 1}, [80] = {"lastore", 1}, [81] = {"fastore", 1}, [82] = {"dastore", 1},
    [83] = {"aastore", 1}, [84] = {"bastore", 1}, [85] = {"castore", 1}, [86] = {"sastore", 1},
    [87] = {"pop", 1}, [88] = {"pop2", 1}, [89] = {"dup", 1}, [90] = {"dup_x1", 1}, [91] = {"dup_x2", 1},
    [92] = {"dup2", 1}, [93] = {"dup2_x1", 1}, [94] = {"dup2_x2", 1}, [95] = {"swap", 1},
    [96] = {"iadd", 1}, [97] = {"ladd", 1}, [98] = {"fadd", 1}, [99] = {"dadd", 1},
    [100] = {"isub", 1}, [101] = {"lsub", 1}, [102] = {"fsub", 1}, [103] = {"dsub", 1},
    [104] = {"imul", 1}, [105] = {"lmul", 1}, [106] = {"fmul", 1}, [107] = {"dmul", 1},
    [108] = {"idiv", 1}, [109] = {"ldiv", 1}, [110] = {"fdiv", 1}, [111] = {"ddiv", 1},
    [112] = {"irem", 1}, [113] = {"lrem", 1}, [114] = {"frem", 1}, [115] = {"drem", 1},
    [116] = {"ineg", 1}, [117] = {"lneg", 1}, [118] = {"fneg", 1}, [119] = {"dneg", 1},
    [120] = {"ishl", 1}, [121] = {"lshl", 1}, [122] = {"ishr", 1}, [123] = {"lshr", 1},
    [124] = {"iushr", 1}, [125] = {"lushr", 1}, [126] = {"iand", 1}, [127] = {"land", 1},
    [128] = {"ior", 1}, [129] = {"lor", 1}, [130] = {"ixor", 1}, [131] = {"lxor", 1}, [132] = {"iinc", 3},
    [133] = {"i2l", 1}, [134] = {"i2f", 1}, [135] = {"i2d", 1}, [136] = {"l2i", 1}, [137] = {"l2f", 1},
    [138] = {"l2d", 1}, [139] = {"f2i", 1}, [140] = {"f2l", 1}, [141] = {"f2d", 1}, [142] = {"d2i", 1},
    [143] = {"d2l", 1}, [144] = {"d2f", 1}, [145] = {"i2b", 1}, [146] = {"i2c", 1}, [147] = {"i2s", 1},
    [148] = {"lcmp", 1}, [149] = {"fcmpl", 1}, [150] = {"fcmpg", 1}, [151] = {"dcmpl", 1}, [152] = {"dcmpg", 1},
    [153] = {"ifeq", 3}, [154] = {"ifne", 3}, [155] = {"iflt", 3}, [156] = {"ifge", 3}, [157] = {"ifgt", 3},
    [158] = {"ifle", 3}, [159] = {"if_icmpeq", 3}, [160] = {"if_icmpne", 3}, [161] = {"if_icmplt", 3},
    [162] = {"if_icmpge", 3}, [163] = {"if_icmpgt", 3}, [164] = {"if_icmple", 3}, [165] = {"if_acmpeq", 3},
    [166] = {"if_acmpne", 3}, [167] = {"goto", 3}, [168] = {"jsr", 3}, [169] = {"ret", 2},
    [170] = {"tableswitch", 0}, [171] = {"lookupswitch", 0}, [172] = {"ireturn", 1}, [173] = {"lreturn", 1},
    [174] = {"freturn", 1}, [175] = {"dreturn", 1}, [176] = {"areturn", 1}, [177] = {"return", 1},
    [178] = {"getstatic", 3}, [179] = {"putstatic", 3}, [180] = {"getfield", 3}, [181] = {"putfield", 3},
    [182] = {"invokevirtual", 3}, [183] = {"invokespecial", 3}, [184] = {"invokestatic", 3},
    [185] = {"invokeinterface", 5}, [186] = {"invokedynamic", 5}, [187] = {"new", 3}, [188] = {"newarray", 2},
    [189] = {"anewarray", 3}, [190] = {"arraylength", 1}, [191] = {"athrow", 1}, [192] = {"checkcast", 3},
    [193] = {"instanceof", 3}, [194] = {"monitorenter", 1}, [195] = {"monitorexit", 1}, [196] = {"wide", 0},
    [197] = {"multianewarray", 4}, [198] = {"ifnull", 3}, [199] = {"ifnonnull", 3}, [200] = {"goto_w", 5},
    [201] = {"jsr_w", 5}, [202] = {"breakpoint", 1}, [254] = {"impdep1", 1}, [255] = {"impdep2", 1},
};

const char *jv_op_name(uint8_t op)
{
    return ops[op].name;
}

static int32_t s4(const uint8_t *p)
{
    return (int32_t)((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]);
}

uint32_t jv_op_length(const uint8_t *code, uint32_t len, uint32_t pc)
{
    uint8_t op = code[pc];
    if (!ops[op].name)
        return 0;
    uint32_t n = ops[op].len;
    if (op == 196) { /* wide */
        if (pc + 1 >= len)
            return 0;
        uint8_t w = code[pc + 1];
        n = w == 132 ? 6 : ((w >= 21 && w <= 25) || (w >= 54 && w <= 58) || w == 169) ? 4 : 0;
    } else if (op == 170 || op == 171) {
        uint32_t p = (pc + 4) & ~3u;
        if ((uint64_t)p + 12 > len)
            return 0;
        if (op == 170) {
            int32_t lo = s4(code + p + 4), hi = s4(code + p + 8);
            if (lo > hi || (int64_t)hi - lo >= 65536)
                return 0;
            n = p + 12 + (uint32_t)((int64_t)hi - lo + 1) * 4 - pc;
        } else {
            int32_t np = s4(code + p + 4);
            if (np < 0 || np > 65536)
                return 0;
            n = p + 8 + (uint32_t)np * 8 - pc;
        }
    }
    if (!n || (uint64_t)pc + n > len)
        return 0;
    return n;
}
