#!/bin/sh
# make package: a Linux desktop bundle, bin/orgplanner-linux.tar.xz, holding the binary,
# the icon, a .desktop entry that opens plan files (%f) and registers their MIME
# type, the shared-mime-info type and the AppStream metainfo, with a Makefile
# for `sudo make install` or `make user-install`.
#
# fyne package bumps Build in FyneApp.toml at every run and writes files into the
# folder it builds (fyne_metadata_init.go, the bundle, the binary): it runs on a
# copy of the repository's files in bin/package/src, so the tree is never touched.
# Usage: .ci/package-linux.sh FYNE_TOOL
set -eu
FYNE=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT=$ROOT/bin/package
rm -rf "$OUT" && mkdir -p "$OUT/src"
# The files git knows, as they are in the working tree (uncommitted edits included).
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$OUT/src"
(cd "$OUT/src" && "$FYNE" package -os linux -name "Org Planner" -release)

# Unpack fyne's bundle and put our files in place of its generic ones.
STAGE=$OUT/stage
mkdir -p "$STAGE"
tar -xJf "$OUT/src/Org Planner.tar.xz" -C "$STAGE"
USR=$(find "$STAGE" -maxdepth 2 -type d -name usr | head -n 1)
[ -n "$USR" ] || { echo "package: no usr folder in fyne's bundle" >&2; exit 1; }
TOP=$(dirname "$USR") # the bundle's top folder, where its Makefile goes
LOCAL=; [ -d "$USR/local/share" ] && LOCAL=local/
SHARE=$USR/${LOCAL}share
rm -f "$SHARE/applications/"*.desktop
install -Dm644 assets/linux/io.orgplanner.app.desktop "$SHARE/applications/io.orgplanner.app.desktop"
install -Dm644 assets/linux/io.orgplanner.app.mime.xml "$SHARE/mime/packages/io.orgplanner.app.xml"
install -Dm644 assets/linux/io.orgplanner.app.metainfo.xml "$SHARE/metainfo/io.orgplanner.app.metainfo.xml"
for icon in "$SHARE/pixmaps/"*; do
	[ "$icon" = "$SHARE/pixmaps/io.orgplanner.app.png" ] || mv "$icon" "$SHARE/pixmaps/io.orgplanner.app.png"
done
[ -x "$USR/${LOCAL}bin/orgplanner" ] || { echo "package: no bin/orgplanner in fyne's bundle" >&2; exit 1; }
cat > "$TOP/Makefile" <<MAKE
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
tar -cJf bin/orgplanner-linux.tar.xz -C "$STAGE" .
rm -rf "$OUT"
echo "Wrote bin/orgplanner-linux.tar.xz"
