#!/bin/sh
# Remove what install.sh installed for this user:
#
#   ~/.local/lib/screenpop/uninstall.sh            (or ./uninstall.sh from the tarball)
#   ~/.local/lib/screenpop/uninstall.sh --purge    also the settings, logs, cache
#                                                  and the password in the keyring
#
# Takes the same PREFIX and XDG_DATA_HOME as install.sh.
set -eu

prefix=${PREFIX:-$HOME/.local}
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$prefix/lib/screenpop
bin_dir=$prefix/bin
program=$app_dir/screenpop
desktop_file=$data_home/applications/org.screenpop.Screenpop.desktop
icon=$data_home/icons/hicolor/scalable/apps/screenpop.svg

say() { printf 'uninstall: %s\n' "$*"; }
warn() { printf 'uninstall: %s\n' "$*" >&2; }

# All in a function: this file may be inside the folder it deletes, and the
# shell has then read all of it before anything is removed.
main() {
    purge=no
    case "${1:-}" in
        "") ;;
        --purge) purge=yes ;;
        *) warn "usage: $0 [--purge]"; exit 2 ;;
    esac

    if [ -x "$program" ]; then
        if [ "$purge" = yes ]; then
            # The saved password lives in the keyring, not in a file.
            "$program" credentials clear || warn "the saved password could not be removed"
        fi
        # The program undoes its own registration: the .desktop file and its
        # lines in mimeapps.list.
        "$program" --unregister-handler || warn "the link handler could not be unregistered"
    else
        warn "$program is missing; removing the menu entry only"
    fi
    rm -f "$desktop_file"
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$data_home/applications" 2>/dev/null || true
    fi

    rm -f "$icon"
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$data_home/icons/hicolor" ]; then
        gtk-update-icon-cache --quiet --ignore-theme-index "$data_home/icons/hicolor" 2>/dev/null || true
    fi

    # Only our own link: a screenpop from somewhere else (pip) stays.
    if [ -L "$bin_dir/screenpop" ] && [ "$(readlink "$bin_dir/screenpop")" = "$program" ]; then
        rm -f "$bin_dir/screenpop"
    fi
    rm -rf "$app_dir" "$app_dir.new" "$app_dir.old"

    if [ "$purge" = yes ]; then
        rm -rf "${XDG_CONFIG_HOME:-$HOME/.config}/screenpop" \
            "${XDG_STATE_HOME:-$HOME/.local/state}/screenpop" \
            "${XDG_CACHE_HOME:-$HOME/.cache}/screenpop"
        say "removed Screenpop, its settings, logs and saved password"
    else
        say "removed Screenpop; settings stay in ${XDG_CONFIG_HOME:-$HOME/.config}/screenpop"
    fi
}

main "$@"
exit
