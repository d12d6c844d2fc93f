#!/bin/sh
# Install Screenpop for this user, from the unpacked tarball. No root needed.
#
#   ./install.sh
#
#   ~/.local/lib/screenpop/           the program (replaced on upgrade)
#   ~/.local/bin/screenpop            a link to it, for the terminal
#   ~/.local/share/applications/org.screenpop.Screenpop.desktop
#   ~/.local/share/icons/hicolor/scalable/apps/screenpop.svg
#   and Screenpop as this user's handler of tel:, callto:, sip: and sips:
#   links (xdg-mime, in ~/.config/mimeapps.list).
#
# PREFIX (default ~/.local) moves the program and the link; XDG_DATA_HOME
# (default ~/.local/share) is where the menu entry and icon go, as the
# desktop looks for them there. Running it again upgrades in place; settings
# and the saved password are left alone.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$prefix/lib/screenpop
bin_dir=$prefix/bin
icon_dir=$data_home/icons/hicolor/scalable/apps

say() { printf 'install: %s\n' "$*"; }
warn() { printf 'install: %s\n' "$*" >&2; }

if [ ! -x "$here/screenpop/screenpop" ]; then
    warn "no screenpop/screenpop beside this script; run it from the unpacked tarball"
    exit 1
fi
if [ "$(id -u)" = 0 ]; then
    warn "running as root installs for root only; run it as the agent's own user"
fi

# Copy next to the old version, then swap: a running Screenpop keeps its
# (already open) files, and a failed copy leaves the old version working.
mkdir -p "$prefix/lib"
rm -rf "$app_dir.new" "$app_dir.old"
cp -R "$here/screenpop" "$app_dir.new"
cp "$here/uninstall.sh" "$app_dir.new/uninstall.sh"
chmod 0755 "$app_dir.new/uninstall.sh"
if [ -e "$app_dir" ]; then
    mv "$app_dir" "$app_dir.old"
fi
mv "$app_dir.new" "$app_dir"
rm -rf "$app_dir.old"
say "installed $("$app_dir/screenpop" --version) in $app_dir"

mkdir -p "$bin_dir"
ln -sfn "$app_dir/screenpop" "$bin_dir/screenpop"

mkdir -p "$icon_dir"
cp "$here/share/icons/hicolor/scalable/apps/screenpop.svg" "$icon_dir/screenpop.svg"
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache --quiet --ignore-theme-index "$data_home/icons/hicolor" 2>/dev/null || true
fi

# The menu entry and the link handler: the program writes them itself, so
# they are exactly what `screenpop --register-handler` writes, with Exec= the
# installed program.
if "$app_dir/screenpop" --register-handler; then
    :
else
    warn "the menu entry is installed, but Screenpop could not be made the handler of"
    warn "tel: links (is xdg-utils installed?); run 'screenpop --register-handler' later"
fi

case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) say "$bin_dir is not on your PATH; the menu entry works, or run $bin_dir/screenpop" ;;
esac
say "done. Start it from the applications menu, or: screenpop --demo"
say "to remove it: $app_dir/uninstall.sh"
