#!/bin/bash
# The bash completion of syncbridge-cli against the built program: every command of its --help is
# offered, sub-commands after their command, option values where the help says an option takes one.
#   tst_bash_completion.sh <completion script> <directory of syncbridge-cli>
set -u
completion=$1
PATH="$2:$PATH"
source /usr/share/bash-completion/bash_completion || { echo "FAIL: bash-completion is not installed"; exit 1; }
source "$completion"

failures=0
# complete <expected words> -- <words typed, the last one being completed>
expect() {
    local expected=$1
    shift
    COMP_WORDS=(syncbridge-cli "$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="${COMP_WORDS[*]}"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _syncbridge_cli
    local got
    got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//')
    if [[ $got != "$expected" ]]; then
        echo "FAIL: syncbridge-cli $* → '$got', expected '$expected'"
        failures=$((failures + 1))
    else
        echo "PASS: syncbridge-cli $* → $got"
    fi
}

# Every command the help lists, whatever commands the build has.
commands=$(syncbridge-cli --help | awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on && /^  [a-z]/ { print $1 }' | sort -u | tr '\n' ' ' | sed 's/ $//')
[[ $commands == *run* && $commands == *definitions* ]] || { echo "FAIL: the help lists no commands: $commands"; exit 1; }
expect "$commands" ""
expect "connections" conn
expect "add-database add-sharepoint list test" connections ""
expect "list show" --store x.db runs ""          # an option's value is not taken for the command
expect "delete export import list" --name agent-1 definitions ""
expect "--page-size --password-stdin" run --pa
expect "env keychain" --secrets ""
expect "PRIMARY REPLICA STANDBY" connections add-database --role ""
expect "" summary ""                              # a command without sub-commands

[[ $failures == 0 ]] || { echo "$failures completion(s) wrong"; exit 1; }
