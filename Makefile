# Phantom - build with plain `make`.  Everything goes to build/.
#   make            build/phantom, examples, tests
#   make run        build and open the persistent shell
#   make test       all tests, plain and under ASan+UBSan, and the README's
#                   commands on a fresh copy of the tracked files
#   make bench      benchmarks (see BENCHMARKS.md)
#   make torture    long crash loops under load (10,000 engine kill cycles), the collectors' soak (SOAK_SECONDS=180)
#   make install    build/phantom, the man page and the editor files under
#                   $(DESTDIR)$(PREFIX) (default /usr/local); make uninstall
#
# make uses every core unless told otherwise (-jN on the command line).
ifeq ($(filter -j%,$(MAKEFLAGS)),)
MAKEFLAGS += -j$(shell nproc 2>/dev/null || echo 2)
endif

CC      ?= cc
BUILD   ?= build
OPT     ?= -O2 -g
SANFLAGS ?=
# -Wno-format-truncation: messages are built with snprintf into fixed
# buffers on purpose; a long path is cut, never overflowed.
CFLAGS  := -std=c17 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-format-truncation \
           $(OPT) $(SANFLAGS) -MMD -MP
LDFLAGS := $(SANFLAGS)
LDLIBS  := -lpthread -lm

# Regular expressions (.internal.regex) use PCRE2 when pkg-config finds it
# (Debian: libpcre2-dev); without it they build off and say so when used.
PCRE2_LIBS := $(shell pkg-config --libs libpcre2-8 2>/dev/null)
ifneq ($(PCRE2_LIBS),)
CFLAGS  += -DPHANTOM_HAVE_PCRE2 $(shell pkg-config --cflags libpcre2-8)
LDLIBS  += $(PCRE2_LIBS)
else
$(info phantom: PCRE2 not found (apt-get install libpcre2-dev): regular expressions are built off)
endif

# zlib (Debian: zlib1g-dev), when pkg-config finds it, reads compressed
# jars (docs/JAVA.md) and encodes the web display's PNGs (src/display,
# --display); without it only jars stored uncompressed can be read and the
# display is built off.
ZLIB_LIBS := $(shell pkg-config --libs zlib 2>/dev/null)
ifneq ($(ZLIB_LIBS),)
CFLAGS  += -DPHANTOM_HAVE_ZLIB $(shell pkg-config --cflags zlib)
LDLIBS  += $(ZLIB_LIBS)
else
$(info phantom: zlib not found (apt-get install zlib1g-dev): the web display (--display) is built off and compressed jars cannot be read)
endif

# The shell's line editor uses libedit when pkg-config finds it (Debian:
# libedit-dev); without it (or with NO_LIBEDIT=1) the shell reads plain
# lines: no history recall, search or completion.
EDIT_LIBS := $(if $(NO_LIBEDIT),,$(shell pkg-config --libs libedit 2>/dev/null))
ifneq ($(EDIT_LIBS),)
CFLAGS  += -DPHANTOM_HAVE_LIBEDIT $(shell pkg-config --cflags libedit)
LDLIBS  += $(EDIT_LIBS)
else
$(info phantom: libedit not found (apt-get install libedit-dev): the shell reads plain lines, without line editing)
endif

# Images on NBD exports (nbd://..., nbd+unix://...; docs/DISK-FORMAT.md,
# "Images on an NBD server") use libnbd when pkg-config finds it (Debian:
# libnbd-dev); without it (or with NO_LIBNBD=1) an NBD URI is refused with
# a clear error.
NBD_LIBS := $(if $(NO_LIBNBD),,$(shell pkg-config --libs libnbd 2>/dev/null))
ifneq ($(NBD_LIBS),)
CFLAGS  += -DPHANTOM_HAVE_LIBNBD $(shell pkg-config --cflags libnbd)
LDLIBS  += $(NBD_LIBS)
else
$(info phantom: libnbd not found (apt-get install libnbd-dev): images on NBD servers are built off)
endif

# SHA-256 for the replication stream's MACs (src/util/sha256.c) is
# libcrypto's when pkg-config finds it (Debian: libssl-dev): several times
# faster on CPUs with SHA instructions; without it (or with NO_LIBCRYPTO=1)
# the built-in code hashes, so replication never builds off.
CRYPTO_LIBS := $(if $(NO_LIBCRYPTO),,$(shell pkg-config --libs libcrypto 2>/dev/null))
ifneq ($(CRYPTO_LIBS),)
CFLAGS  += -DPHANTOM_HAVE_LIBCRYPTO $(shell pkg-config --cflags libcrypto)
LDLIBS  += $(CRYPTO_LIBS)
else
$(info phantom: libcrypto not found (apt-get install libssl-dev): replication hashes with the slower built-in SHA-256)
endif

LIB_SRC  := $(wildcard src/util/*.c) $(wildcard src/display/*.c) $(wildcard src/hal/posix/*.c) $(wildcard src/persist/*.c) $(wildcard src/wasm/*.c) $(wildcard src/jvm/*.c) \
            $(wildcard src/vm/*.c) $(wildcard src/vm/native/*.c) $(wildcard src/vm/gc/*.c) $(wildcard src/compiler/*.c)
TOOL_SRC := $(wildcard src/tools/*.c)
EXAMPLES := $(patsubst examples/%.c,$(BUILD)/examples/%,$(wildcard examples/*.c))
TESTS    := $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/*.c tests/crash/*.c))
BENCHES  := $(patsubst bench/%.c,$(BUILD)/bench/%,$(wildcard bench/*.c))

LIB_OBJ  := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRC))
TOOL_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(TOOL_SRC))
LIB      := $(BUILD)/libphantom.a

# Fuzz targets (tests/fuzz/fuzz_*.c) are built with clang's libFuzzer; they
# use only the parts that read untrusted input: class files, the assembler,
# the compiler's front end, WebAssembly modules.
FUZZ_CC    ?= clang
FUZZ_SRC   := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_DEPS  := src/vm/classfile.c src/vm/verify.c src/vm/opcodes.c src/vm/asm.c src/vm/disasm.c src/util/textbuf.c \
              $(wildcard src/compiler/*.c)
FUZZERS    := $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(FUZZ_SRC))
FUZZ_FLAGS := -std=c17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
              -DPHANTOM_LIBFUZZER -Isrc

all: $(BUILD)/phantom $(EXAMPLES) $(TESTS) $(BENCHES)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

# The standard library's sources (lib/*.ph) are embedded in the command.
LIB_PH   := $(sort $(wildcard lib/*.ph))
EMBED_OBJ := $(BUILD)/obj/gen/lib_embed.o

$(BUILD)/gen/lib_embed.c: $(LIB_PH) $(wildcard lib) tools/embed-lib.sh
	@mkdir -p $(dir $@)
	sh tools/embed-lib.sh $(LIB_PH) > $@.tmp && mv $@.tmp $@

$(EMBED_OBJ): $(BUILD)/gen/lib_embed.c src/tools/lib_embed.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc/tools -c $< -o $@

# The Java class library (javalib/*.ph, docs/JAVA.md), compiled only for
# Java programs.
JVM_PH   := $(sort $(wildcard javalib/*.ph))
JVM_EMBED_OBJ := $(BUILD)/obj/gen/jvm_lib_embed.o

$(BUILD)/gen/jvm_lib_embed.c: $(JVM_PH) $(wildcard javalib) tools/embed-lib.sh
	@mkdir -p $(dir $@)
	EMBED_NAME=tool_jvmlib EMBED_DIR=javalib sh tools/embed-lib.sh $(JVM_PH) > $@.tmp && mv $@.tmp $@

$(JVM_EMBED_OBJ): $(BUILD)/gen/jvm_lib_embed.c src/tools/lib_embed.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc/tools -c $< -o $@

$(BUILD)/phantom: $(TOOL_OBJ) $(EMBED_OBJ) $(JVM_EMBED_OBJ) $(LIB)
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

$(BUILD)/examples/%: examples/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $< $(LIB) -o $@ $(LDLIBS)

$(BUILD)/tests/%: tests/%.c tests/testlib.h tests/runner.h tests/golden.h tests/killrun.h tests/httpc.h tests/displayc.h \
                  tests/nbdkit.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests $< $(LIB) -o $@ $(LDLIBS)

# The shell's test drives it through a pseudo-terminal (forkpty).
$(BUILD)/tests/crash/shell_pty: LDLIBS += -lutil

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $< $(LIB) -o $@ $(LDLIBS)

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz_main.h $(FUZZ_DEPS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(if $(FUZZ_LIBS),-DPHANTOM_HAVE_ZLIB) $< $(sort $(FUZZ_DEPS)) -o $@ -lm -lpthread $(FUZZ_LIBS)

# The compiler's target also links the VM, for its real table of internal
# classes (src/vm/native_info.c).
$(BUILD)/fuzz/fuzz_compile: FUZZ_DEPS += $(LIB_SRC)
$(BUILD)/fuzz/fuzz_compile: $(LIB_SRC)

# The WebAssembly loader's target: the front end and engine alone.
$(BUILD)/fuzz/fuzz_wasm: FUZZ_DEPS := $(wildcard src/wasm/*.c) src/util/crc32c.c
$(BUILD)/fuzz/fuzz_wasm: $(wildcard src/wasm/*.c src/wasm/*.h) src/util/crc32c.c

# The Java front end's target: the front end, the assembler and the verifier.
$(BUILD)/fuzz/fuzz_jvm: FUZZ_DEPS += $(wildcard src/jvm/*.c)
$(BUILD)/fuzz/fuzz_jvm: $(wildcard src/jvm/*.c src/jvm/*.h)
$(BUILD)/fuzz/fuzz_jvm: FUZZ_LIBS := $(ZLIB_LIBS)

fuzzers: $(FUZZERS)

# A long fuzzing session: FUZZ_SECONDS per target (default 300), then as
# long again of mutated test programs run by the ASan build
# (tests/crash/mutants.c; `make test` runs it briefly, plain and ASan).
fuzz: fuzzers
	@$(MAKE) --no-print-directory asan-build
	FUZZ_SECONDS=$${FUZZ_SECONDS:-300} tests/fuzz/run.sh $(BUILD)/fuzz
	BUILD=$(BUILD)/asan MUTATION_SECONDS=$${FUZZ_SECONDS:-300} $(BUILD)/asan/tests/crash/mutants

# The newcomer's first command: build, then open the persistent shell on
# the world phantom.img.  Define a variable, start a thread, kill the
# process any way you like, `make run` again: everything is still there.
RUN_IMG ?= phantom.img
run: all
	$(BUILD)/phantom --image $(RUN_IMG)

# The fuzz targets need clang with libFuzzer (Debian: clang and
# libclang-rt-14-dev; .ci/run installs them).  Without it `make test` runs
# everything else and says, in one line, what it skipped.
HAVE_LIBFUZZER = $(shell printf 'int LLVMFuzzerTestOneInput(const char *d, long n){(void)d;(void)n;return 0;}' | \
    $(FUZZ_CC) -x c -fsanitize=fuzzer - -o /dev/null >/dev/null 2>&1 && echo yes)

test: all
	@$(MAKE) --no-print-directory asan-build $(if $(HAVE_LIBFUZZER),fuzzers)
	BUILD=$(BUILD) tests/run-all.sh
	tests/fresh-clone.sh
	BUILD=$(BUILD)/asan tests/run-all.sh --sanitized
	@if [ "$(HAVE_LIBFUZZER)" = yes ]; then \
	    echo "FUZZ_SECONDS=$${FUZZ_SECONDS:-20} tests/fuzz/run.sh $(BUILD)/fuzz"; \
	    FUZZ_SECONDS=$${FUZZ_SECONDS:-20} tests/fuzz/run.sh $(BUILD)/fuzz; \
	else \
	    echo "make test: skipped the libFuzzer targets: $(FUZZ_CC) with libFuzzer is not installed (apt-get install clang libclang-rt-14-dev)"; \
	fi

asan-build:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/asan OPT="-O1 -g -fno-omit-frame-pointer -DPV_GC_POISON -DPHANTOM_DEBUG" \
	    SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined" all

torture: all
	BUILD=$(BUILD) TORTURE=1 tests/run-all.sh --torture
	BUILD=$(BUILD) SOAK_SECONDS=$${SOAK_SECONDS:-180} bench/gc_soak.sh

bench: all
	BUILD=$(BUILD) bench/run-all.sh
	BUILD=$(BUILD) bench/gc_compare.sh
	BUILD=$(BUILD) bench/gc_pause.sh
	BUILD=$(BUILD) bench/gc_dirty.sh
	BUILD=$(BUILD) bench/readahead.sh

PREFIX  ?= /usr/local
MANDIR  ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/phantom

install: $(BUILD)/phantom
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/editors/vim/syntax \
	    $(DESTDIR)$(DATADIR)/editors/vim/ftdetect $(DESTDIR)$(DATADIR)/editors/textmate
	install -m 755 $(BUILD)/phantom $(DESTDIR)$(PREFIX)/bin/phantom
	install -m 644 docs/phantom.1 $(DESTDIR)$(MANDIR)/man1/phantom.1
	install -m 644 editors/README.md $(DESTDIR)$(DATADIR)/editors/README.md
	install -m 644 editors/vim/syntax/*.vim $(DESTDIR)$(DATADIR)/editors/vim/syntax/
	install -m 644 editors/vim/ftdetect/*.vim $(DESTDIR)$(DATADIR)/editors/vim/ftdetect/
	install -m 644 editors/textmate/*.json $(DESTDIR)$(DATADIR)/editors/textmate/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/phantom $(DESTDIR)$(MANDIR)/man1/phantom.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(BUILD)

.PHONY: all run test asan-build torture bench clean fuzzers fuzz install uninstall
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
