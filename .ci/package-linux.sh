#!/bin/sh
# make package: a Linux desktop bundle, bin/orgplanner-linux.tar.xz, holding the binary,
# the icon, a .desktop entry that opens plan files (%f) and registers their MIME
# type, the shared-mime-info type and the AppStream metainfo, with a Makefile
# for `sudo make install` or `make user-install`.
#
# fyne package builds the binary with the app's metadata, but it bumps Build
# in FyneApp.toml at every run and writes its bundle into the source folder:
# it runs on a copy of the tree's FyneApp.toml, which is restored whatever happens,
# and its output is moved to bin/. The tree is left as it was.
# Usage: .ci/package-linux.sh FYNE_TOOL
set -eu
FYNE=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT=bin/package
rm -rf "$OUT" && mkdir -p "$OUT"
cp FyneApp.toml "$OUT/FyneApp.toml.orig"
restore() { cp "$OUT/FyneApp.toml.orig" FyneApp.toml; }
trap restore EXIT INT TERM
"$FYNE" package -os linux -name "Org Planner" -release
restore
trap - EXIT INT TERM
rm -f orgplanner # the binary fyne leaves beside the bundle

# Unpack fyne's bundle and put our files in place of its generic ones.
STAGE=$OUT/stage
mkdir -p "$STAGE"
tar -xJf "Org Planner.tar.xz" -C "$STAGE"
rm -f "Org Planner.tar.xz"
SHARE=$(find "$STAGE" -type d -path '*/share' | head -n 1)
[ -n "$SHARE" ] || { echo "package: no share folder in fyne's bundle" >&2; exit 1; }
rm -f "$SHARE/applications/"*.desktop
install -Dm644 assets/linux/io.orgplanner.app.desktop "$SHARE/applications/io.orgplanner.app.desktop"
install -Dm644 assets/linux/io.orgplanner.app.mime.xml "$SHARE/mime/packages/io.orgplanner.app.xml"
install -Dm644 assets/linux/io.orgplanner.app.metainfo.xml "$SHARE/metainfo/io.orgplanner.app.metainfo.xml"
for icon in "$SHARE/pixmaps/"*; do mv "$icon" "$SHARE/pixmaps/io.orgplanner.app.png"; done
LOCAL=${SHARE#"$STAGE/usr/"}; LOCAL=${LOCAL%share}
cat > "$STAGE/Makefile" <<MAKE
# Install Org Planner: sudo make install (to \$(PREFIX), /usr/local by default)
# or make user-install (to ~/.local). make uninstall / make user-uninstall undo it.
PREFIX ?= /usr/local
FILES := bin/orgplanner share/applications/io.orgplanner.app.desktop \\
         share/mime/packages/io.orgplanner.app.xml share/metainfo/io.orgplanner.app.metainfo.xml \\
         share/pixmaps/io.orgplanner.app.png

install:
	@for f in \$(FILES); do mode=644; [ "\$\$f" = bin/orgplanner ] && mode=755; \\
		install -Dm\$\$mode usr/${LOCAL}\$\$f \$(DESTDIR)\$(PREFIX)/\$\$f; done
	-update-mime-database \$(DESTDIR)\$(PREFIX)/share/mime
	-update-desktop-database \$(DESTDIR)\$(PREFIX)/share/applications
uninstall:
	-for f in \$(FILES); do rm -f \$(DESTDIR)\$(PREFIX)/\$\$f; done
	-update-mime-database \$(DESTDIR)\$(PREFIX)/share/mime
user-install:
	\$(MAKE) install PREFIX=\$(HOME)/.local
user-uninstall:
	\$(MAKE) uninstall PREFIX=\$(HOME)/.local
MAKE
if [ -d "$STAGE/usr/${LOCAL}bin" ]; then :; else echo "package: no bin folder" >&2; exit 1; fi
tar -cJf bin/orgplanner-linux.tar.xz -C "$STAGE" .
rm -rf "$STAGE" "$OUT"
echo "Wrote bin/orgplanner-linux.tar.xz"
