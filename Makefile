# ciliumkit: the two commands a user runs on a fresh Debian/Ubuntu machine as root
# are `make demo` and `make test`; both install what they lack first.
SHELL := /bin/bash
.DEFAULT_GOAL := build

# System packages: the BPF toolchain and libbpf for the addon and the datapath,
# iproute2 for namespaces and tc, the shells whose completion the tests drive,
# and the peers the benchmarks measure against.
DEB_PACKAGES := clang llvm libbpf-dev libelf-dev zlib1g-dev pkg-config bpftool \
	iproute2 fish zsh bash-completion iperf3 hyperfine iputils-ping

NODE_STAMP := node_modules/.ciliumkit-stamp

.PHONY: deps build addon datapath bundle manifest lint typecheck test demo bench clean

deps:
	@scripts/install-deps.sh $(DEB_PACKAGES)

# npm ci only when package.json or the lock file changed since the last install.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

build: deps $(NODE_STAMP)
	npx tsc -p tsconfig.json
	@$(MAKE) --no-print-directory addon datapath bundle manifest

# The N-API addon (src/native) and the datapath objects (bpf/) build once their
# sources exist; each has its own build description.
addon:
	@if [ -f src/native/binding.gyp ]; then \
		cd src/native && npx node-gyp $$( [ -d build ] || echo configure ) build --loglevel=warn; \
	fi

datapath:
	@if [ -f bpf/Makefile ]; then $(MAKE) --no-print-directory -C bpf; fi

# The bins load one esbuild bundle of oclif and all commands; the manifests describe it.
bundle:
	@node scripts/bundle.js

manifest: bundle
	@node scripts/build-manifest.js

lint:
	npx eslint .

typecheck:
	npx tsc -p tsconfig.json --noEmit

# Test files are listed explicitly (dist exists only after build, and node 22+ reads
# directory arguments differently from node 20).
test: build lint typecheck
	node --test --test-reporter=spec --test-reporter-destination=stdout \
		$$(find dist/test/unit dist/test/e2e dist/test/kernel -name '*.test.js' 2>/dev/null | sort)

demo: build
	@scripts/demo.sh

# Every benchmark in bench/ (lib.js is their shared helper, not a benchmark).
bench: build
	@for b in dist/bench/*.js; do [ "$${b##*/}" = lib.js ] && continue; echo "== $$b"; node "$$b" || exit 1; done

clean:
	rm -rf dist src/native/build bpf/build oclif.manifest.json hubble-root/oclif.manifest.json $(NODE_STAMP)
