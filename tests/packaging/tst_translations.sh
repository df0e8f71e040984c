#!/bin/bash
# The catalogues the package installs are complete for the sources built here: lupdate runs over
# the sources into copies of the catalogues (it must finish: lupdate 6.4 loops for ever on some
# expressions among translate()'s arguments, see CONTRIBUTING.md), and no German text and no
# English plural form is left to translate.
#   tst_translations.sh <lupdate> <source directory>
set -u
lupdate=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$source_dir" || exit 1
sources=(core ui app/syncbridge app/syncbridge-cli)

failures=0
# refresh <catalogue> <lupdate options…>: the catalogue as lupdate would leave it, in $work
refresh() {
    local catalogue=$1
    shift
    cp "translations/$catalogue" "$work/$catalogue"
    if ! timeout 120 "$lupdate" -silent -no-obsolete -locations none "$@" "${sources[@]}" -ts "$work/$catalogue"; then
        echo "FAIL: lupdate did not finish on $catalogue within 120 s (or failed): look for a template argument"
        echo "      list or a dereference among translate()'s arguments (CONTRIBUTING.md)"
        failures=$((failures + 1))
        return 1
    fi
}

# untranslated <catalogue> <what>: lists the sources still to translate
untranslated() {
    local left
    left=$(grep -c 'type="unfinished"' "$work/$1")
    if [[ $left != 0 ]]; then
        echo "FAIL: $left $2 of translations/$1 to translate (run the translations_lupdate target, then translate):"
        grep -B3 'type="unfinished"' "$work/$1" | grep -o '<source>.*</source>' | head -20 | sed 's/^/      /'
        failures=$((failures + 1))
    else
        echo "PASS: translations/$1 holds every $2 of the sources"
    fi
}

refresh syncbridge_de.ts && untranslated syncbridge_de.ts "text"
refresh syncbridge_en.ts -pluralonly && untranslated syncbridge_en.ts "plural form"
exit $((failures > 0))
