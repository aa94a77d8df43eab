/*
 * compiler_parse.c - the Phantom language front end: golden tests and
 * robustness checks.
 *
 * Golden tests (run from the repository root):
 *   tests/lang/parse/NAME.ph         must parse without errors; its AST dump
 *                                    (then any warnings) must equal NAME.ast
 *   tests/lang/parse-errors/NAME.ph  must fail; its diagnostics must equal
 *                                    NAME.err
 * PHANTOM_UPDATE_GOLDEN=1 rewrites the goldens from the current output
 * instead of comparing (review every changed golden by eye before
 * committing it).
 *
 * Then checks that need no files: keyword and operator spellings, literal
 * values, the shell entry point's OK / ERROR / INCOMPLETE verdicts, the
 * error cap, the memory limit, and hostile inputs (a megabyte of '(' or
 * '{', a 100000-term sum, random bytes, NUL bytes) which must be reported
 * without a crash, a hang or unbounded recursion.
 */
#define _GNU_SOURCE
#include "../../src/compiler/lex.h"
#include "../../src/compiler/parse.h"
#include "testlib.h"

#include <dirent.h>

/* ---- a growable text buffer that is also a pc_write_fn sink ---- */

typedef struct text {
    char *s;
    size_t n, cap;
} text;

static void text_write(void *ctx, const char *s, size_t n)
{
    text *t = ctx;
    if (t->n + n + 1 > t->cap) {
        t->cap = (t->n + n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        REQUIRE(t->s);
    }
    memcpy(t->s + t->n, s, n);
    t->n += n;
    t->s[t->n] = 0;
}

static const char *text_str(const text *t)
{
    return t->s ? t->s : "";
}

static void text_free(text *t)
{
    free(t->s);
    memset(t, 0, sizeof *t);
}

/* ---- files ---- */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    text t = {0};
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        text_write(&t, buf, n);
    fclose(f);
    *len = t.n;
    return t.s ? t.s : calloc(1, 1);
}

static bool write_file(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(s, 1, n, f) == n;
    return fclose(f) == 0 && ok;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.ph files of dir, sorted; *count set; free each and the array. */
static char **list_ph(const char *dir, int *count)
{
    DIR *d = opendir(dir);
    REQUIRE(d);
    char **names = NULL;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len > 3 && strcmp(e->d_name + len - 3, ".ph") == 0) {
            names = realloc(names, (size_t)(n + 1) * sizeof *names);
            REQUIRE(names);
            names[n++] = strdup(e->d_name);
        }
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp_names);
    *count = n;
    return names;
}

/* Compares actual output with the golden file (or rewrites it); reports the first difference. */
static void golden(const char *golden_path, const text *actual)
{
    if (getenv("PHANTOM_UPDATE_GOLDEN")) {
        CHECK(write_file(golden_path, text_str(actual), actual->n));
        return;
    }
    size_t len;
    char *want = read_file(golden_path, &len);
    if (!want) {
        fprintf(stderr, "%s: missing (PHANTOM_UPDATE_GOLDEN=1 writes it)\n", golden_path);
        CHECK(want != NULL);
        return;
    }
    const char *got = text_str(actual);
    bool same = len == actual->n && memcmp(want, got, len) == 0;
    CHECK(same);
    if (!same) {
        int line = 1;
        size_t i = 0;
        while (i < len && i < actual->n && want[i] == got[i])
            line += want[i++] == '\n';
        size_t ws = i, gs = i;
        while (ws > 0 && want[ws - 1] != '\n')
            ws--;
        while (gs > 0 && got[gs - 1] != '\n')
            gs--;
        fprintf(stderr, "%s: differs at line %d\n  expected: %.*s\n  actual:   %.*s\n", golden_path,
                line, (int)strcspn(want + ws, "\n"), want + ws, (int)strcspn(got + gs, "\n"),
                got + gs);
    }
    free(want);
}

/* Parses dir/name; returns the unit (NULL: no memory), diagnostics in *diags. */
static pc_unit *parse_path(const char *path, text *diags, pc_diag *d)
{
    size_t len;
    char *src = read_file(path, &len);
    REQUIRE(src);
    pc_diag_init(d, text_write, diags);
    pc_unit *u = pc_parse_unit(src, len, path, d, NULL);
    free(src); /* the unit keeps its own copy */
    return u;
}

static void golden_dir(const char *dir, bool expect_errors)
{
    int n;
    char **names = list_ph(dir, &n);
    CHECK(n > 0);
    for (int i = 0; i < n; i++) {
        char path[512], gold[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        snprintf(gold, sizeof gold, "%.*s%s", (int)strlen(path) - 3, path,
                 expect_errors ? ".err" : ".ast");
        text diags = {0}, out = {0};
        pc_diag d;
        pc_unit *u = parse_path(path, &diags, &d);
        REQUIRE(u);
        int before = t_failures;
        if (expect_errors) {
            CHECK(d.errors > 0);
            CHECK(u->status != PC_PARSE_OK);
            golden(gold, &diags);
        } else {
            CHECK(d.errors == 0);
            CHECK(u->status == PC_PARSE_OK);
            pc_dump_unit(u, text_write, &out);
            if (diags.n) {
                text_write(&out, ";; diagnostics\n", 15);
                text_write(&out, diags.s, diags.n);
            }
            golden(gold, &out);
        }
        if (t_failures != before)
            fprintf(stderr, "%s: %s", path, text_str(&diags));
        printf("%s %s\n", t_failures == before ? "ok  " : "FAIL", path);
        pc_unit_free(u);
        text_free(&diags);
        text_free(&out);
        free(names[i]);
    }
    free(names);
}

/* ---- in-memory inputs ---- */

typedef struct result {
    pc_unit *u;
    text diags;
    pc_diag d;
} result;

static void parse_mem(result *r, const char *src, size_t len, bool shell)
{
    memset(r, 0, sizeof *r);
    pc_diag_init(&r->d, text_write, &r->diags);
    r->u = shell ? pc_parse_expression_or_statement(src, len, "<mem>", &r->d, NULL)
                 : pc_parse_unit(src, len, "<mem>", &r->d, NULL);
}

static void result_free(result *r)
{
    pc_unit_free(r->u);
    text_free(&r->diags);
}

/* The single expression of `class c { var f = EXPR; };`. */
static const pc_expr *field_init(result *r, const char *expr)
{
    char src[256];
    snprintf(src, sizeof src, "class c { var f = %s; };", expr);
    parse_mem(r, src, strlen(src), false);
    REQUIRE(r->u && r->u->decls && r->u->decls->u.cls.members);
    return r->u->decls->u.cls.members->u.field.init;
}

static void test_spellings(void)
{
    /* every keyword and operator lexes back to its own kind (also checks the keyword order) */
    for (int k = PC_TK_ATTRIBUTE; k < PC_TK_COUNT; k++) {
        const char *s = pc_tok_spelling((pc_tok_kind)k);
        pc_source src = {"<kw>", s, strlen(s)};
        pc_lexer lx;
        pc_arena a;
        pc_arena_init(&a);
        pc_lex_init(&lx, &src, NULL, &a);
        pc_token t;
        pc_lex_next(&lx, &t);
        CHECK(t.kind == (pc_tok_kind)k && t.len == strlen(s));
        pc_lex_next(&lx, &t);
        CHECK(t.kind == PC_TK_EOF);
        pc_arena_free(&a);
    }
}

/* Lexes src and checks the kinds of its tokens, then the end. */
static void check_tokens(const char *src, const pc_tok_kind *want, int n)
{
    pc_source s = {"<lex>", src, strlen(src)};
    pc_lexer lx;
    pc_arena a;
    pc_arena_init(&a);
    pc_lex_init(&lx, &s, NULL, &a);
    for (int i = 0; i <= n; i++) {
        pc_token t;
        pc_lex_next(&lx, &t);
        bool ok = t.kind == (i < n ? want[i] : PC_TK_EOF);
        CHECK(ok);
        if (!ok)
            fprintf(stderr, "lexing '%s': token %d is '%s'\n", src, i, pc_tok_spelling(t.kind));
    }
    pc_arena_free(&a);
}

#define TOKENS(src, ...)                                                                   \
    do {                                                                                   \
        static const pc_tok_kind want_[] = {__VA_ARGS__};                                  \
        check_tokens(src, want_, (int)(sizeof want_ / sizeof want_[0]));                   \
    } while (0)

static void test_lexer(void)
{
    TOKENS("a:==b:!=c", PC_TK_IDENT, PC_TK_REF_EQ, PC_TK_IDENT, PC_TK_REF_NE, PC_TK_IDENT);
    TOKENS("x ? y :!z", PC_TK_IDENT, PC_TK_QUESTION, PC_TK_IDENT, PC_TK_COLON, PC_TK_BANG,
           PC_TK_IDENT);
    TOKENS("a>>>=b>>=c>>>d", PC_TK_IDENT, PC_TK_USHR_ASSIGN, PC_TK_IDENT, PC_TK_SHR_ASSIGN,
           PC_TK_IDENT, PC_TK_USHR, PC_TK_IDENT);
    TOKENS("i--->j", PC_TK_IDENT, PC_TK_DEC, PC_TK_ARROW, PC_TK_IDENT);
    TOKENS("o.16(x)", PC_TK_IDENT, PC_TK_DOT, PC_TK_INT, PC_TK_LPAREN, PC_TK_IDENT, PC_TK_RPAREN);
    TOKENS("5.toString 1.5 1e3 1.e3", PC_TK_INT, PC_TK_DOT, PC_TK_IDENT, PC_TK_DOUBLE,
           PC_TK_DOUBLE, PC_TK_INT, PC_TK_DOT, PC_TK_IDENT);
    TOKENS("in instanceof int interface", PC_TK_IDENT, PC_TK_INSTANCEOF, PC_TK_INT_KW,
           PC_TK_INTERFACE);
    TOKENS("a/**/b//c\nd/*\n*/e", PC_TK_IDENT, PC_TK_IDENT, PC_TK_IDENT, PC_TK_IDENT);
    TOKENS("\"a\\\"b\" 'c' 0x1fL 7l 2f 3D", PC_TK_STRING, PC_TK_CHAR, PC_TK_LONG, PC_TK_LONG,
           PC_TK_FLOAT, PC_TK_DOUBLE);
    TOKENS("attribute const * ->!;", PC_TK_ATTRIBUTE, PC_TK_CONST, PC_TK_STAR, PC_TK_ARROW,
           PC_TK_BANG, PC_TK_SEMI);
}

static void test_literals(void)
{
    static const struct {
        const char *src;
        pc_expr_kind kind;
        int64_t value;
    } ints[] = {
        {"0", PC_E_INT, 0},
        {"2147483647", PC_E_INT, 2147483647},
        {"-2147483648", PC_E_INT, INT32_MIN},
        {"0xFFFFFFFF", PC_E_INT, -1},
        {"0x7fffffff", PC_E_INT, INT32_MAX},
        {"-0x80000000", PC_E_INT, INT32_MIN},
        {"9223372036854775807L", PC_E_LONG, INT64_MAX},
        {"-9223372036854775808L", PC_E_LONG, INT64_MIN},
        {"0xFFFFFFFFFFFFFFFFL", PC_E_LONG, -1},
        {"'a'", PC_E_CHAR, 'a'},
        {"'\\u00e9'", PC_E_CHAR, 0xe9},
        {"'\xc3\xa9'", PC_E_CHAR, 0xe9},
        {"'\\n'", PC_E_CHAR, '\n'},
        {"true", PC_E_BOOL, 1},
    };
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        result r;
        const pc_expr *e = field_init(&r, ints[i].src);
        bool ok = r.d.errors == 0 && e && e->kind == ints[i].kind && e->u.i == ints[i].value;
        CHECK(ok);
        if (!ok)
            fprintf(stderr, "literal %s: %s", ints[i].src, text_str(&r.diags));
        result_free(&r);
    }
    result r;
    const pc_expr *e = field_init(&r, "1.5f");
    CHECK(e->kind == PC_E_FLOAT && e->u.f == 1.5);
    result_free(&r);
    e = field_init(&r, "0.1f");
    CHECK(e->kind == PC_E_FLOAT && e->u.f == (double)0.1f);
    result_free(&r);
    e = field_init(&r, "2.5e-3");
    CHECK(e->kind == PC_E_DOUBLE && e->u.f == 2.5e-3);
    result_free(&r);
    e = field_init(&r, "\"a\\0b\\x41\\u00e9\"");
    CHECK(e->kind == PC_E_STRING && e->u.str.len == 6 &&
          memcmp(e->u.str.s, "a\0bA\xc3\xa9", 6) == 0);
    result_free(&r);
    static const char *const bad[] = {"2147483648", "4294967296", "0x100000000",
                                      "9223372036854775808L", "99999999999999999999L", "1e999",
                                      "'ab'", "''", "12abc", "0x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        field_init(&r, bad[i]);
        CHECK(r.d.errors == 1);
        if (r.d.errors != 1)
            fprintf(stderr, "literal %s: %s", bad[i], text_str(&r.diags));
        result_free(&r);
    }
}

static void check_shell(const char *src, pc_parse_status want, pc_unit_kind kind)
{
    result r;
    parse_mem(&r, src, strlen(src), true);
    REQUIRE(r.u);
    bool ok = r.u->status == want && (want != PC_PARSE_OK || r.u->kind == kind);
    CHECK(ok);
    if (!ok)
        fprintf(stderr, "shell input '%s': status %d kind %d\n%s", src, r.u->status, r.u->kind,
                text_str(&r.diags));
    result_free(&r);
}

static void test_shell(void)
{
    check_shell("1 + 2", PC_PARSE_OK, PC_UNIT_EXPR);
    check_shell("  boot.16(\"hi\")  \n", PC_PARSE_OK, PC_UNIT_EXPR);
    check_shell("x = 1;", PC_PARSE_OK, PC_UNIT_STMTS);
    check_shell("var n : int = 0; n += 5; n", PC_PARSE_OK, PC_UNIT_STMTS);
    check_shell("var n = 4", PC_PARSE_OK, PC_UNIT_STMTS);
    check_shell("for (var i = 0; i < 3; i++) println(i);", PC_PARSE_OK, PC_UNIT_STMTS);
    check_shell("class a { void f() {} };", PC_PARSE_OK, PC_UNIT_DECLS);
    check_shell("class a { void f() {} }", PC_PARSE_OK, PC_UNIT_DECLS);
    check_shell("import .internal.directory;", PC_PARSE_OK, PC_UNIT_DECLS);
    check_shell("import \"logo.txt\"", PC_PARSE_OK, PC_UNIT_EXPR);
    check_shell("", PC_PARSE_OK, PC_UNIT_STMTS);
    /* input that goes on: the shell asks for another line */
    check_shell("class a {", PC_PARSE_INCOMPLETE, 0);
    check_shell("class a { void f() { if (x) {\n", PC_PARSE_INCOMPLETE, 0);
    check_shell("foo(1,", PC_PARSE_INCOMPLETE, 0);
    check_shell("x = 1 +", PC_PARSE_INCOMPLETE, 0);
    check_shell("while (i < 3) {", PC_PARSE_INCOMPLETE, 0);
    check_shell("do { i++; }", PC_PARSE_INCOMPLETE, 0);
    check_shell("x = 1; /* a comment", PC_PARSE_INCOMPLETE, 0);
    check_shell("if (x)", PC_PARSE_INCOMPLETE, 0);
    /* input that is wrong however it goes on */
    check_shell("x = ;", PC_PARSE_ERROR, 0);
    check_shell("x = 1 +;", PC_PARSE_ERROR, 0);
    check_shell("print(\"abc", PC_PARSE_ERROR, 0);
    check_shell("class a { void f() { x = ; ", PC_PARSE_ERROR, 0);
    check_shell("}", PC_PARSE_ERROR, 0);
    check_shell("1 2", PC_PARSE_ERROR, 0);
    check_shell("a $ b", PC_PARSE_ERROR, 0);
}

/* Parses src (as a file); checks it fails with at most max_errors messages, quickly. */
static void check_hostile(const char *what, const char *src, size_t len)
{
    result r;
    parse_mem(&r, src, len, false);
    REQUIRE(r.u);
    CHECK(r.u->status != PC_PARSE_OK);
    CHECK(r.d.errors >= 1 && r.d.errors <= PC_DIAG_MAX_ERRORS);
    text dump = {0};
    pc_dump_unit(r.u, text_write, &dump); /* the tree of a failed parse is still whole */
    printf("ok   hostile %s: %d errors\n", what, r.d.errors);
    text_free(&dump);
    result_free(&r);
}

static void test_hostile(void)
{
    size_t big = 1 << 20;
    char *s = malloc(big + 64);
    REQUIRE(s);

    memset(s, '(', big);
    check_hostile("1 MB of '('", s, big);
    memset(s, '{', big);
    check_hostile("1 MB of '{'", s, big);
    int n = snprintf(s, 64, "class c { void f() { x = ");
    memset(s + n, '(', big - (size_t)n);
    check_hostile("1 MB of '(' in a method", s, big);
    n = snprintf(s, 64, "class c { void f() { x = ");
    size_t len = (size_t)n;
    while (len + 4 < big)
        len += (size_t)sprintf(s + len, "1 + ");
    len += (size_t)sprintf(s + len, "1; } }");
    check_hostile("a 260000-term sum", s, len);
    memset(s, '-', big);
    check_hostile("1 MB of '-'", s, big);
    uint64_t rng = 42;
    for (size_t i = 0; i < big; i++)
        s[i] = (char)t_rand(&rng);
    check_hostile("1 MB of random bytes", s, big);
    memset(s, 0, big);
    check_hostile("1 MB of NUL", s, big);
    memset(s, '"', big);
    check_hostile("1 MB of '\"'", s, big);
    n = snprintf(s, 64, "class c { void f() { ");
    len = (size_t)n;
    while (len + 16 < big)
        len += (size_t)sprintf(s + len, "if (x) ");
    check_hostile("nested ifs", s, len);
    free(s);
}

static void test_error_cap(void)
{
    text src = {0};
    text_write(&src, "class c { void f() {\n", 21);
    for (int i = 0; i < 100; i++)
        text_write(&src, "  x = ;\n", 8);
    text_write(&src, "} };\n", 5);
    result r;
    parse_mem(&r, src.s, src.n, false);
    CHECK(r.d.errors == PC_DIAG_MAX_ERRORS && r.d.stopped);
    CHECK(strstr(text_str(&r.diags), "too many errors") != NULL);
    pc_unit *again = pc_parse_unit("class a { };", 12, "next.ph", &r.d, NULL);
    CHECK(again && again->status == PC_PARSE_ERROR); /* the sink gave up: nothing is OK any more */
    pc_unit_free(again);
    result_free(&r);
    text_free(&src);
}

static void test_mem_limit(void)
{
    text src = {0};
    text_write(&src, "class c { void f() {\n", 21);
    for (int i = 0; i < 2000; i++)
        text_write(&src, "  x = x + 1;\n", 13);
    text_write(&src, "} };\n", 5);
    text diags = {0};
    pc_diag d;
    pc_diag_init(&d, text_write, &diags);
    pc_parse_opts opts = {.mem_limit = 64 * 1024};
    pc_unit *u = pc_parse_unit(src.s, src.n, "big.ph", &d, &opts);
    CHECK(u == NULL);
    CHECK(d.errors == 1 && strstr(text_str(&diags), "out of memory") != NULL);
    opts.mem_limit = 0;
    u = pc_parse_unit(src.s, src.n, "big.ph", &d, &opts);
    CHECK(u && u->status == PC_PARSE_OK);
    pc_unit_free(u);
    text_free(&diags);
    text_free(&src);
}

/* The smaller entry points: dumping one expression or statement, a missing name, a huge length. */
static void test_api(void)
{
    result r;
    parse_mem(&r, "if (a) b = -c[1];", 17, true);
    REQUIRE(r.u && r.u->kind == PC_UNIT_STMTS && r.u->stmts);
    text t = {0};
    pc_dump_stmt(r.u->stmts, 0, text_write, &t);
    CHECK(strcmp(text_str(&t), "(if @1:1\n  (name @1:5 a)\n  (expr @1:8\n    (= @1:10\n"
                               "      (name @1:8 b)\n      (neg @1:12\n        (index @1:14\n"
                               "          (name @1:13 c)\n          (int @1:15 1))))))") == 0);
    text_free(&t);
    pc_dump_expr(r.u->stmts->u.if_.cond, 3, text_write, &t);
    CHECK(strcmp(text_str(&t), "(name @1:5 a)") == 0);
    text_free(&t);
    result_free(&r);

    text diags = {0};
    pc_diag d;
    pc_diag_init(&d, text_write, &diags);
    pc_unit *u = pc_parse_unit("class a {", 9, NULL, &d, NULL);
    CHECK(u && u->status == PC_PARSE_ERROR && strcmp(u->src.name, "<input>") == 0);
    CHECK(strncmp(text_str(&diags), "<input>:1:10: error: expected '}'", 33) == 0);
    pc_unit_free(u);
    u = pc_parse_unit("", PC_MAX_SOURCE + 1, "huge.ph", &d, NULL); /* refused before reading */
    CHECK(u && u->status == PC_PARSE_ERROR &&
          strstr(text_str(&diags), "huge.ph: source too large"));
    pc_unit_free(u);
    pc_unit_free(NULL);
    text_free(&diags);
}

/* Two parses alive at once, freed in the other order: nothing is shared. */
static void test_reentrant(void)
{
    result a, b;
    parse_mem(&a, "class a { };", 12, false);
    parse_mem(&b, "class b { x };", 14, false);
    CHECK(a.u->status == PC_PARSE_OK && b.u->status == PC_PARSE_ERROR);
    CHECK(a.d.errors == 0 && b.d.errors == 1);
    result_free(&b);
    CHECK(strcmp(a.u->decls->u.cls.name->part[0], "a") == 0);
    result_free(&a);
}

int main(void)
{
    golden_dir("tests/lang/parse", false);
    golden_dir("tests/lang/parse-errors", true);
    test_spellings();
    test_lexer();
    test_literals();
    test_shell();
    test_error_cap();
    test_mem_limit();
    test_reentrant();
    test_api();
    test_hostile();
    return test_done("compiler_parse");
}
