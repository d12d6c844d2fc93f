#!/usr/bin/env bash
# Build the Linux bundle (PyInstaller, one folder) and the tarball users
# install from:
#
#   packaging/linux/build.sh            # uses .venv/bin/python, else python3
#   PYTHON=/path/to/python packaging/linux/build.sh
#
# The Python must have Screenpop and PyInstaller installed:
#   pip install -e '.[package]'
#
# Output: dist/screenpop/ (the bundle) and
# dist/screenpop-VERSION-linux-ARCH.tar.gz, which holds
#   install.sh, uninstall.sh, README.txt, screenpop/ (the bundle),
#   share/icons/hicolor/scalable/apps/screenpop.svg
# The .desktop entry is written at install time by the bundle itself
# (`screenpop --register-handler`), from the template in its resources, so it
# is the same entry --register-handler writes and names the installed path.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"

python=${PYTHON:-}
if [ -z "$python" ]; then
    if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
fi
version=$("$python" packaging/build_config.py version)
arch=$(uname -m)
name="screenpop-$version-linux-$arch"
work="$repo/build"
dist="$repo/dist"
log="$work/pyinstaller.log"

echo "build: Screenpop $version for linux-$arch with $("$python" -m PyInstaller --version | head -1) (PyInstaller)"
started=$(date +%s.%N)
mkdir -p "$work"
rm -rf "$dist/screenpop"
if ! "$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work/pyinstaller" packaging/screenpop.spec >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "build: PyInstaller failed; the whole log is in $log" >&2
    exit 1
fi
# A library PyInstaller could not find is missing from the bundle, and the
# bundle then fails on every machine that lacks it too (the xcb platform
# plugin needs libxcb-icccm4 and libxcb-keysyms1, say): fail the build.
if grep -q "Library not found" "$log"; then
    grep "Library not found" "$log" | sed 's/^[0-9]* WARNING: //' | sort -u >&2
    echo "build: install the libraries above on the build machine (.ci/run lists them)" >&2
    exit 1
fi
built=$(date +%s.%N)

# The tarball: a folder named like the tarball, so unpacking never spills.
stage="$work/$name"
rm -rf "$stage"
mkdir -p "$stage/share/icons/hicolor/scalable/apps"
cp -a "$dist/screenpop" "$stage/screenpop"
install -m 0755 "$here/install.sh" "$here/uninstall.sh" "$stage/"
install -m 0644 resources/icons/screenpop.svg "$stage/share/icons/hicolor/scalable/apps/"
cat >"$stage/README.txt" <<EOF
Screenpop $version for Linux ($arch)

  ./install.sh       installs for this user into ~/.local (no root needed):
                     the program, a menu entry, the icon, and Screenpop as
                     the handler of tel:, callto: and sip: links
  ./uninstall.sh     removes all of that again (also installed as
                     ~/.local/lib/screenpop/uninstall.sh);
                     --purge also removes the settings, logs and saved password

Then run: screenpop --demo   (or pick Screenpop in the applications menu)
EOF
tarball="$dist/$name.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$work" -czf "$tarball" "$name"
finished=$(date +%s.%N)

mib() { awk -v bytes="$1" 'BEGIN { printf "%.1f MiB", bytes / 1048576 }'; }
bundle_bytes=$(du -sb "$dist/screenpop" | cut -f1)
echo "build: bundle  $dist/screenpop: $(mib "$bundle_bytes") unpacked, $(find "$dist/screenpop" -type f | wc -l) files"
echo "build: tarball $tarball: $(mib "$(stat -c %s "$tarball")")"
awk -v a="$started" -v b="$built" -v c="$finished" \
    'BEGIN { printf "build: %.1f s PyInstaller, %.1f s tarball\n", b - a, c - b }'
