#!/bin/sh
# The WiX template names installed files by CPack's ids ([#CM_FP_<path>], '/' as '.', characters a
# WiX id refuses as '_'). No Windows build runs here, so this keeps the template true to the file
# list: every file it names must be installed, and every installed program must be named in it.
#   installer/wix/check-file-list.sh <template.wxs.in> <staged install prefix>
set -eu
template=$1
prefix=$2

# The id CPack gives an installed path, as the template writes it (Windows programs end in .exe).
wix_id() {
    printf 'CM_FP_%s' "$1" | sed -e 's|/|.|g' -e 's|[^A-Za-z0-9_.]|_|g'
}

status=0
named=$(grep -oE 'CM_FP_[A-Za-z0-9_.]+' "$template" | sort -u)
installed=$(cd "$prefix" && find . -type f | sed 's|^\./||' | sort)

for id in $named; do
    found=""
    for path in $installed; do
        case $path in
            bin/*) candidate=$(wix_id "$path.exe") ;;
            *) candidate=$(wix_id "$path") ;;
        esac
        if [ "$candidate" = "$id" ]; then found=$path; break; fi
    done
    if [ -z "$found" ]; then
        echo "check-file-list: the WiX template names $id, which nothing installs" >&2
        status=1
    fi
done

for path in $installed; do
    case $path in
        bin/*)
            id=$(wix_id "$path.exe")
            if ! printf '%s\n' "$named" | grep -qx "$id"; then
                echo "check-file-list: $path is installed but the WiX template does not name it ($id)" >&2
                status=1
            fi ;;
    esac
done

if [ "$status" = 0 ]; then
    echo "check-file-list: the WiX template names $(printf '%s\n' "$named" | wc -l) installed files; every installed program is among them"
fi
exit "$status"
