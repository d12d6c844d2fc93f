#!/usr/bin/env bash
# Build Screenpop.app (PyInstaller's BUNDLE, from the same spec as Linux and
# Windows) and a zip of it, on a Mac:
#
#   python3 -m venv .venv && .venv/bin/pip install -e '.[package]'
#   packaging/macos/build.sh
#
# Output: dist/Screenpop.app and dist/Screenpop-VERSION-macos-ARCH.zip. The
# app is not signed or notarized here: Gatekeeper then asks once (right-click,
# Open). Sign with `codesign --deep --options runtime -s IDENTITY` before
# zipping to hand it out widely.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"

if [ "$(uname -s)" != Darwin ]; then
    echo "build: Screenpop.app can only be built on macOS" >&2
    exit 1
fi
python=${PYTHON:-}
if [ -z "$python" ]; then
    if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
fi
version=$("$python" packaging/build_config.py version)
arch=$(uname -m)
app="$repo/dist/Screenpop.app"

started=$(date +%s)
rm -rf "$app" "$repo/dist/screenpop"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$repo/dist" --workpath "$repo/build/pyinstaller" packaging/screenpop.spec

# What Finder and Launch Services read: the version and the URL schemes.
plist="$app/Contents/Info.plist"
shown=$(plutil -extract CFBundleShortVersionString raw "$plist")
identifier=$(plutil -extract CFBundleIdentifier raw "$plist")
schemes=$(plutil -extract CFBundleURLTypes.0.CFBundleURLSchemes xml1 -o - "$plist")
[ "$shown" = "$version" ] || { echo "build: Info.plist says version $shown, not $version" >&2; exit 1; }
[ "$identifier" = org.screenpop.Screenpop ] || { echo "build: bundle identifier $identifier" >&2; exit 1; }
for scheme in tel callto sip sips; do
    grep -q "<string>$scheme</string>" <<<"$schemes" \
        || { echo "build: Info.plist does not declare $scheme:" >&2; exit 1; }
done
reported=$("$app/Contents/MacOS/screenpop" --version)
[ "$reported" = "screenpop $version" ] || { echo "build: the app reports '$reported'" >&2; exit 1; }

zip="$repo/dist/Screenpop-$version-macos-$arch.zip"
rm -f "$zip"
ditto -c -k --sequesterRsrc --keepParent "$app" "$zip"
echo "build: $app: $(du -sh "$app" | cut -f1) unpacked; $zip: $(du -h "$zip" | cut -f1)"
echo "build: $(($(date +%s) - started)) s"
