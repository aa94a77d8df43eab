/*
 * jvm.h - the Java front end: JVM class files (javac 17, versions up to
 * 61) read strictly and translated into Phantom classes at install time
 * (docs/JAVA.md).
 *
 * Layering: this front end sits beside src/compiler and, like it, only
 * produces Phantom assembly text that the VM's assembler (src/vm/asm.h)
 * turns into verified class files.  Nothing here touches a world.
 */
#ifndef PHANTOM_JVM_H
#define PHANTOM_JVM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One error model for the layer: a return code below 0 and a message
 * naming the file, the class, what is wrong and the byte offset. */
typedef struct jv_error {
    char msg[600];
} jv_error;

enum {
    JV_E_FORMAT = -1,      /* a malformed class file */
    JV_E_UNSUPPORTED = -2, /* well formed, but uses what the front end refuses */
    JV_E_NOMEM = -3,
};

#define JV_MAX_CLASS_BYTES (16u << 20)

/* A class file, read: the constant pool and what the translator needs. */
typedef struct jv_cp {
    uint8_t tag;         /* JVM constant tag (1 Utf8 .. 20 Package), 0 unused */
    uint8_t kind;        /* MethodHandle: reference kind */
    uint16_t a, b;       /* indices into the pool (meaning by tag) */
    uint32_t len;        /* Utf8: bytes of str (standard UTF-8) */
    char *str;           /* Utf8: NUL-terminated standard UTF-8, or NULL when the text cannot be a
                            Phantom string (a NUL or a lone surrogate; str_bad says which) */
    const char *str_bad; /* why str is NULL */
    char *raw;           /* Utf8: the modified-UTF-8 bytes as in the file, NUL-terminated (names) */
    uint64_t bits;       /* Integer, Float (32 bits), Long, Double (64 bits) */
} jv_cp;

typedef struct jv_handler {
    uint16_t start, end, target, catch_type;
} jv_handler;

typedef struct jv_line {
    uint16_t pc, line;
} jv_line;

typedef struct jv_method {
    uint16_t flags;
    const char *name, *desc;
    bool has_code;
    uint16_t max_stack, max_locals;
    uint32_t code_len;
    const uint8_t *code;     /* points into the class's copy of the file */
    uint32_t code_offset;    /* where the code starts in the file (for messages) */
    uint16_t nhandlers;
    jv_handler *handlers;
    uint32_t nlines;
    jv_line *lines;
} jv_method;

typedef struct jv_field {
    uint16_t flags;
    const char *name, *desc;
    uint16_t constant; /* ConstantValue index, or 0 */
} jv_field;

typedef struct jv_bootstrap {
    uint16_t handle; /* MethodHandle constant */
    uint16_t nargs;
    uint16_t *args;
} jv_bootstrap;

typedef struct jv_class {
    char *file;                /* the file name, for messages */
    uint8_t *bytes;            /* a copy of the file */
    size_t len;
    uint16_t major, minor, flags;
    uint16_t ncp;
    jv_cp *cp;
    const char *name, *super;  /* internal form (java/lang/Object); super NULL only for java/lang/Object */
    uint16_t ninterfaces;
    const char **interfaces;
    uint16_t nfields, nmethods;
    jv_field *fields;
    jv_method *methods;
    const char *source;        /* SourceFile, or NULL */
    uint16_t nbootstraps;
    jv_bootstrap *bootstraps;
} jv_class;

/* JVM access flags the translator uses. */
enum {
    JV_ACC_PUBLIC = 0x0001, JV_ACC_STATIC = 0x0008, JV_ACC_FINAL = 0x0010, JV_ACC_SYNCHRONIZED = 0x0020,
    JV_ACC_NATIVE = 0x0100, JV_ACC_INTERFACE = 0x0200, JV_ACC_ABSTRACT = 0x0400,
};

/* Constant pool tags. */
enum {
    JV_C_UTF8 = 1, JV_C_INTEGER = 3, JV_C_FLOAT = 4, JV_C_LONG = 5, JV_C_DOUBLE = 6, JV_C_CLASS = 7,
    JV_C_STRING = 8, JV_C_FIELDREF = 9, JV_C_METHODREF = 10, JV_C_IMETHODREF = 11, JV_C_NAMETYPE = 12,
    JV_C_MHANDLE = 15, JV_C_MTYPE = 16, JV_C_DYNAMIC = 17, JV_C_INDY = 18, JV_C_MODULE = 19, JV_C_PACKAGE = 20,
};

/* jv_class.c: reads a class file.  Every malformed input is refused with
 * JV_E_FORMAT and "FILE: class NAME: what (offset N)"; nothing is kept
 * on failure.  The class keeps its own copy of the bytes. */
int jv_class_read(const uint8_t *buf, size_t len, const char *file, jv_class *c, jv_error *err);
void jv_class_free(jv_class *c);
/* The text of a Utf8 constant, of a Class constant's name, NULL if the
 * index is not one (the reader has checked every index it relies on). */
const char *jv_utf8(const jv_class *c, uint32_t i);
const char *jv_class_name(const jv_class *c, uint32_t i);
/* Checks a field descriptor (whole) or a method descriptor: 0 or -1. */
bool jv_field_desc_ok(const char *d);
bool jv_method_desc_ok(const char *d);

/* jv_trans.c: translates one class to Phantom assembly text (a .class
 * block appended to *out, a malloc'd buffer of *outlen bytes), every JVM
 * instruction either translated with Java's semantics or refused with
 * JV_E_UNSUPPORTED naming the class, method, offset and instruction. */
struct tb_buf;
int jv_translate(const jv_class *c, const jv_class *const *prog, int nprog, struct tb_buf *out, jv_error *err);
/* The program's class of that name, or NULL (a library class). */
const jv_class *jv_find(const jv_class *const *prog, int nprog, const char *name);
/* The Phantom name of a Java class (internal form): ".jvm." and its
 * name with '/' as '.', or the VM's own class for java/lang/Object and
 * java/lang/String.  Writes at most n bytes. */
void jv_phantom_class(const char *jname, char *buf, size_t n);
/* The Phantom name of a method: name and descriptor in one identifier
 * (docs/JAVA.md, "Names"); and back, for messages. */
void jv_mangle(const char *name, const char *desc, char *buf, size_t n);
void jv_demangle(const char *mangled, char *buf, size_t n);

/* jv_program.c: a whole program: class files (bytes) read, checked
 * against each other and the library, translated; the result is one
 * assembly text holding the program's classes, the library's and a
 * driver class (*entry) whose main(args) runs main_class's main. */
typedef struct jv_input {
    char *name;      /* file name for messages (malloc'd) */
    uint8_t *bytes;  /* malloc'd */
    size_t len;
} jv_input;
/* Finds a class the program refers to (internal name): 1 with *in
 * filled (malloc'd name and bytes), 0 if there is none, -1 with in->name
 * holding a message. */
typedef int (*jv_load_fn)(void *ctx, const char *name, jv_input *in);
int jv_program(const jv_input *in, int n, const char *main_class, jv_load_fn load, void *ctx, char **text,
               size_t *len, char *entry, size_t entry_len, jv_error *err);

/* jv_check.c: checks that every Java class and member the program's
 * translated classes cfs[0, nprog) name is among cfs[0, n) (the program
 * and the library): 0, or JV_E_UNSUPPORTED naming the first missing one. */
#include "../vm/classfile.h"
int jv_check_refs(pv_cf *const *cfs, int n, int nprog, jv_error *err);

/* jv_jar.c: the .class entries of a jar (zip), and its manifest's
 * Main-Class (internal form, or empty).  Without zlib only stored
 * entries are read. */
int jv_jar_read(const uint8_t *buf, size_t len, const char *file, jv_input **in, int *n, char *main_class,
                size_t main_len, jv_error *err);
/* Frees the names and bytes of n inputs, and the array. */
void jv_inputs_free(jv_input *in, int n);
void jv_inputs_free_one(jv_input *in);

#endif
