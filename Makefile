# zongjie — build, demo and test. Everything the project needs is installed
# from here; see README.md for the two commands that matter.

GO ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
GOFILES = $(shell git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.git/*')
FUZZTIME ?= 60s

.PHONY: demo build test vet lint fmt-check check-go fuzz bench testdata clean

## demo: the main job — build zongjie and run it on the bundled example reports
demo: build
	./bin/zongjie extract --demo

## build: build bin/zongjie
build: check-go
	$(GO) build -o bin/zongjie ./cmd/zongjie

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

## fuzz: run every fuzz target for FUZZTIME each (default 60s); not part of CI
FUZZ_TARGETS = document:FuzzPosition numeral:FuzzScan internal/words:FuzzSet quantity:FuzzExtract \
	reader:FuzzText reader:FuzzMarkdown reader:FuzzDocx reader:FuzzDocxParts extract:FuzzFile
fuzz: check-go
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t#*:}; echo "== $$pkg $$name"; \
		$(GO) test ./$$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) || exit 1; \
	done

## bench: extraction throughput on the seeds and the corpus
bench: check-go
	$(GO) test ./extract -run '^$$' -bench . -benchmem

## testdata: regenerate reader/testdata/numbered.docx from its .fodt source with LibreOffice
testdata:
	soffice --headless --norestore --convert-to docx:"MS Word 2007 XML" --outdir reader/testdata reader/testdata/numbered.fodt

clean:
	rm -rf bin
