# Org Planner: `make run` opens the app on a sample plan, `make test` runs every test.
# Both install the Debian packages they need first (through sudo when not root).

BIN      := bin/orgplanner
GO       ?= go
# What a cgo build of the Fyne GUI needs on Debian and Ubuntu.
GUI_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev
# What the tests need beyond that: a real window under Xvfb driven by xdotool,
# screenshots, graphviz as the peer of the export benchmark, and fonts for the
# script tests (Arabic, Hebrew, Devanagari, Thai; Chinese, Japanese, Korean).
TEST_PKGS := xvfb xauth xdotool imagemagick graphviz poppler-utils librsvg2-bin fontconfig fonts-noto-core fonts-noto-cjk
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps test-deps build run test test-unit test-gui bench vet package clean

all: build

# Install only the packages that are missing; do nothing when all are present.
deps:
	@missing=$$(for p in $(GUI_PKGS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

test-deps: deps
	@missing=$$(for p in $(TEST_PKGS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	CGO_ENABLED=1 $(GO) build -o $(BIN) .

run: build
	./$(BIN) assets/samples/scaleup.yaml

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }

# Unit tests run headless: the ci tag swaps in Fyne's test driver and software painter.
test-unit:
	CGO_ENABLED=0 $(GO) test -tags ci -count=1 ./...

# The real app in a real window under Xvfb, driven by xdotool.
test-gui: build
	bash testdata/gui/drag_and_save.sh ./$(BIN)

test: test-deps vet test-unit test-gui

bench:
	CGO_ENABLED=0 $(GO) test -tags ci -run '^$$' -bench . -benchmem ./...

# A Linux desktop bundle (binary, icon, .desktop file). The fyne tool comes from the
# Go module proxy; packaging bumps Build in FyneApp.toml.
FYNE ?= $(shell $(GO) env GOPATH)/bin/fyne
package: deps
	test -x $(FYNE) || $(GO) install fyne.io/tools/cmd/fyne@v1.7.4
	$(FYNE) package -os linux

clean:
	rm -rf bin
