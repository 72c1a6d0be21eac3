# Org Planner: `make run` opens the app on a sample plan, `make test` runs every test.
# On Debian and Ubuntu both install the packages they need first (through sudo when
# not root); elsewhere they say what to install (README.md, Install).

BIN      := bin/orgplanner
GO       ?= go
# What a cgo build of the Fyne GUI needs on Debian and Ubuntu.
GUI_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev
# What the tests need beyond that: a real window under Xvfb driven by xdotool,
# screenshots, graphviz as the peer of the export benchmark, fonts for the
# script tests (Arabic, Hebrew, Devanagari, Thai; Chinese, Japanese, Korean), git for
# the merge-driver tests, and the freedesktop validators for the packaging files.
TEST_PKGS := xvfb xauth xdotool imagemagick graphviz poppler-utils librsvg2-bin fontconfig fonts-noto-core fonts-noto-cjk git desktop-file-utils appstream util-linux
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps test-deps build run test test-unit test-hostile test-gui bench vet package clean

all: build

# Install only the packages that are missing; do nothing when all are present. Without
# dpkg (Fedora, Arch, openSUSE, macOS, ...) nothing is installed: say what is needed.
define install_missing
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "No dpkg here: install by hand what the $(1) needs (README.md, Install):"; \
		echo "  Fedora:   sudo dnf install gcc pkg-config libX11-devel libXcursor-devel libXrandr-devel libXinerama-devel libXi-devel libXxf86vm-devel mesa-libGL-devel wayland-devel libxkbcommon-devel"; \
		echo "  Arch:     sudo pacman -S --needed gcc pkgconf libx11 libxcursor libxrandr libxinerama libxi libxxf86vm mesa wayland libxkbcommon"; \
		echo "  openSUSE: sudo zypper install gcc pkg-config libX11-devel libXcursor-devel libXrandr-devel libXinerama-devel libXi-devel libXxf86vm-devel Mesa-libGL-devel wayland-devel libxkbcommon-devel"; \
		echo "  macOS:    xcode-select --install   (Windows: a gcc such as MSYS2's mingw-w64)"; \
		echo "  tests also use: Xvfb, xauth, xdotool, ImageMagick, graphviz, git"; \
		exit 0; \
	fi; \
	missing=$$(for p in $(2); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call install_missing,build,$(GUI_PKGS))

test-deps: deps
	$(call install_missing,tests,$(TEST_PKGS))

# -buildvcs=auto records the commit (orgplanner version) when built from a git checkout.
build: deps
	CGO_ENABLED=1 $(GO) build -buildvcs=auto -o $(BIN) .

run: build
	./$(BIN) assets/samples/scaleup.yaml

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	@$(GO) mod tidy -diff || { echo "go.mod or go.sum is not tidy: run go mod tidy"; exit 1; }

# Unit tests run headless: the ci tag swaps in Fyne's test driver and software painter.
test-unit:
	CGO_ENABLED=0 $(GO) test -tags ci -count=1 ./...

# The real app in a real window under Xvfb, driven by xdotool.
# First the real binary without a display: one line and exit 2, never a panic.
test-gui: build
	@out=$$(env -u DISPLAY -u WAYLAND_DISPLAY ./$(BIN) 2>&1); code=$$?; \
	if [ $$code -ne 2 ] || [ $$(printf '%s\n' "$$out" | wc -l) -ne 1 ]; then \
		echo "without a display: exit $$code, want 2 and one line:"; echo "$$out"; exit 1; fi
	./$(BIN) version
	bash testdata/gui/refusing_display.sh ./$(BIN)
	bash testdata/gui/drag_and_save.sh ./$(BIN)

# Every hostile file through every command under memory and time limits (issue 14).
test-hostile:
	sh testdata/hostile/run.sh

test: test-deps vet test-unit test-hostile test-gui

bench:
	CGO_ENABLED=0 $(GO) test -tags ci -run '^$$' -bench . -benchmem ./...

# A Linux desktop bundle, bin/orgplanner-linux.tar.xz: binary, icon, a .desktop entry
# that opens plan files, their MIME type and AppStream metainfo (assets/linux). The
# fyne tool comes from the Go module proxy; .ci/package-linux.sh runs it on a copy of
# the tree, as it rewrites FyneApp.toml and writes files where it builds.
FYNE ?= $(shell $(GO) env GOPATH)/bin/fyne
package: deps
	test -x $(FYNE) || $(GO) install fyne.io/tools/cmd/fyne@v1.7.4
	sh .ci/package-linux.sh $(FYNE)

clean:
	rm -rf bin
