# The Makefile only wraps CMake; it also installs the Debian packages the
# build needs, so a fresh machine (or CI, with no standard input) gets there.
PREFIX      ?= /usr/local
DESTDIR     ?=
BUILD_DIR   ?= build
ASAN_DIR    ?= build-asan
JOBS        ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

DEB_PACKAGES := cmake g++ make libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev nlohmann-json3-dev libabsl-dev libssl-dev coinor-libclp-dev pkg-config help2man
# bench/ compares pthv with miller and sqlite3 and reads peak memory from
# GNU time, and times fast-cpp-csv-parser against pthv's own reader;
# `make test` runs bench/ at a small scale, so it needs them too.
# tests/e2e/test_remind.sh sends real mail: msmtp to a local SMTP server
# (python3-aiosmtpd) it starts on 127.0.0.1. tests/e2e/test_phone_width.sh
# lays the HTML report out in headless chromium at a phone's width.
BENCH_PACKAGES := miller sqlite3 time libfccp-dev msmtp python3-aiosmtpd chromium

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

FUZZ_DIR     ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= fuzz_csv fuzz_config fuzz_repo $(if $(wildcard lib/pthv/record/import_map.hpp),fuzz_import_map)

.PHONY: all deps bench-deps build demo test test-asan fuzz bench install uninstall clean format

all: build

deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(DEB_PACKAGES)"

bench-deps: deps
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(BENCH_PACKAGES)"

.PHONY: install-packages
install-packages:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing </dev/null; \
	fi

$(BUILD_DIR)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

# The binary and nothing else: tests are built by `make test`.
build: deps $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS) --target pthv

demo: build
	@echo "== pthv validate on the example district (as of 2026-05-15) =="
	@./$(BUILD_DIR)/pthv -C examples --as-of 2026-05-15 validate || \
	  echo "(exit $$?: the example district has findings on purpose, see examples/README.md)"

test: build bench-deps
	cmake --build $(BUILD_DIR) -j $(JOBS) --target tests
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: bench-deps
	cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=Debug -DPTHV_SANITIZE=ON $(CMAKE_FLAGS)
	cmake --build $(ASAN_DIR) -j $(JOBS) --target tests
	cd $(ASAN_DIR) && ctest --output-on-failure -j $(JOBS)

# libFuzzer targets (clang, ASan + UBSan), each run for FUZZ_SECONDS from its
# seed corpus in fuzz/corpus/; new inputs go to $(FUZZ_DIR)/corpus/, crashes
# to $(FUZZ_DIR)/crash-*.
fuzz: deps
	@command -v clang++ >/dev/null || { $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang </dev/null; }
	cmake -S . -B $(FUZZ_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DPTHV_FUZZ=ON -DPTHV_TESTS=OFF $(CMAKE_FLAGS)
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target $(FUZZ_TARGETS)
	@for t in $(FUZZ_TARGETS); do \
	  echo "== $$t ($(FUZZ_SECONDS) s)"; mkdir -p $(FUZZ_DIR)/corpus/$$t; \
	  $(FUZZ_DIR)/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -artifact_prefix=$(FUZZ_DIR)/$$t- \
	    $(FUZZ_DIR)/corpus/$$t fuzz/corpus/$$t || exit 1; \
	done

# pthv against miller and sqlite3 on a generated state-scale repo
# (BENCH_STUDENTS, default 1000000); see bench/README.md.
bench: build bench-deps
	cmake --build $(BUILD_DIR) -j $(JOBS) --target csv_readers
	bash bench/run.sh ./$(BUILD_DIR)/pthv

install: build
	DESTDIR=$(DESTDIR) cmake --install $(BUILD_DIR) --prefix $(PREFIX)

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/pthv $(DESTDIR)$(PREFIX)/share/man/man1/pthv.1 \
	  $(DESTDIR)$(PREFIX)/share/man/man1/pthv-*.1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions/pthv
	rm -rf $(DESTDIR)$(PREFIX)/share/doc/pthv

format:
	clang-format -i cmd/*.cpp cmd/*.hpp lib/pthv/*/*.cpp lib/pthv/*/*.hpp tests/unit/*.cpp

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)
