#!/usr/bin/env bash
# The .deb's postinst and prerm (installer/linux/), filled in as jpackage does, run against a stand-in
# xdg-desktop-menu that fails as on a machine without a desktop menu system (exit 3), then one that works:
# installing and removing the package must succeed either way, saying so when there is no menu entry.
# Needs only sh and sed (no root, no jpackage); run by test.sh. (jpackage's own postinst, with the bare
# command under `set -e`, exits 3 here: the package was left half-configured.)
set -euo pipefail
cd "$(dirname "$0")/linux"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
desktop=/opt/roomnet-organizer/lib/roomnet-organizer-RoomNet_Organizer.desktop

fail() { echo "FAIL: $*" >&2; [[ -f "$work/err" ]] && cat "$work/err" >&2; exit 1; }

for menu_exit in 3 0; do
  printf '#!/bin/sh\necho "$*" >> "%s/calls"\nexit %d\n' "$work" "$menu_exit" > "$work/bin/xdg-desktop-menu"
  chmod +x "$work/bin/xdg-desktop-menu"
  for run in postinst:configure:install prerm:remove:uninstall prerm:upgrade:uninstall; do
    IFS=: read -r script argument action <<<"$run"
    sed -e 's/APPLICATION_PACKAGE/roomnet-organizer/g' \
        -e "s|^DESKTOP_COMMANDS_INSTALL\$|xdg-desktop-menu install $desktop|" \
        -e "s|^DESKTOP_COMMANDS_UNINSTALL\$|xdg-desktop-menu uninstall $desktop|" \
        -e 's|^UTILITY_SCRIPTS$||' "$script" > "$work/$script"
    ! grep -qE 'APPLICATION_|DESKTOP_COMMANDS|UTILITY_SCRIPTS' "$work/$script" || fail "$script: a placeholder left"
    rm -f "$work/calls"
    PATH="$work/bin:$PATH" sh "$work/$script" "$argument" 2>"$work/err" \
      || fail "$script $argument exited $? with xdg-desktop-menu exiting $menu_exit"
    [[ "$(cat "$work/calls" 2>/dev/null)" == "$action $desktop" ]] || fail "$script $argument: xdg-desktop-menu not run"
    if (( menu_exit != 0 )); then
      grep -q "menu entry" "$work/err" || fail "$script $argument: no word about the missing menu entry"
    else
      [[ ! -s "$work/err" ]] || fail "$script $argument: said something though the menu worked"
    fi
  done
done
echo "installer/linux postinst and prerm: ok with and without a desktop menu system"
