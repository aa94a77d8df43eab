# Phantom - build with plain `make`.  Everything goes to build/.
#   make            build/phantom, examples, tests
#   make run        build and run the example persistent program
#   make test       all tests, plain and under ASan+UBSan
#   make bench      benchmarks (see BENCHMARKS.md)
#   make torture    long crash loops

CC      ?= cc
BUILD   ?= build
OPT     ?= -O2 -g
SANFLAGS ?=
# -Wno-format-truncation: messages are built with snprintf into fixed
# buffers on purpose; a long path is cut, never overflowed.
CFLAGS  := -std=c17 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-format-truncation \
           $(OPT) $(SANFLAGS) -MMD -MP
LDFLAGS := $(SANFLAGS)
LDLIBS  := -lpthread

LIB_SRC  := $(wildcard src/util/*.c) $(wildcard src/hal/posix/*.c) $(wildcard src/persist/*.c)
TOOL_SRC := $(wildcard src/tools/*.c)
EXAMPLES := $(patsubst examples/%.c,$(BUILD)/examples/%,$(wildcard examples/*.c))
TESTS    := $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/*.c tests/crash/*.c))
BENCHES  := $(patsubst bench/%.c,$(BUILD)/bench/%,$(wildcard bench/*.c))

LIB_OBJ  := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRC))
TOOL_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(TOOL_SRC))
LIB      := $(BUILD)/libphantom.a

all: $(BUILD)/phantom $(EXAMPLES) $(TESTS) $(BENCHES)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/phantom: $(TOOL_OBJ) $(LIB)
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

$(BUILD)/examples/%: examples/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $< $(LIB) -o $@ $(LDLIBS)

$(BUILD)/tests/%: tests/%.c tests/testlib.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests $< $(LIB) -o $@ $(LDLIBS)

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $< $(LIB) -o $@ $(LDLIBS)

# The newcomer's first command: build, then run the example world.  Run it
# again (or kill it and run it again) and it continues where it was.
run: all
	$(BUILD)/examples/counter phantom-example.img

test: all
	@$(MAKE) --no-print-directory asan-build
	BUILD=$(BUILD) tests/run-all.sh
	BUILD=$(BUILD)/asan tests/run-all.sh --sanitized

asan-build:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/asan OPT="-O1 -g -fno-omit-frame-pointer" \
	    SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined" all

torture: all
	BUILD=$(BUILD) TORTURE=1 tests/run-all.sh --torture

bench: all
	BUILD=$(BUILD) bench/run-all.sh

clean:
	rm -rf $(BUILD)

.PHONY: all run test asan-build torture bench clean
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
