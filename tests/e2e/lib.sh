# Sourced by every suite (tests/e2e/test_*.sh), with the binary's path:
#   . "$(dirname "$0")/lib.sh" "$1"
# It sets $bin (the pthv binary, absolute), $src (the source tree) and $tmp
# (a folder removed on exit), and gives:
#   check NAME COMMAND...     ok when COMMAND succeeds, FAIL otherwise
#   check_eval NAME 'TEST'    the same for a shell condition, evaluated here
#   finish                    the count of checks; exits 1 if one failed
set -u
bin=$(cd "$(dirname "${1:?usage: bash SUITE.sh PATH/TO/pthv}")" && pwd)/$(basename "$1")
src=${PTHV_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
passes=0

check() {
    local name=$1
    shift
    if "$@"; then
        echo "ok   $name"
        passes=$((passes + 1))
    else
        echo "FAIL $name"
        fails=$((fails + 1))
    fi
}

check_eval() {
    if eval "$2"; then
        echo "ok   $1"
        passes=$((passes + 1))
    else
        echo "FAIL $1"
        fails=$((fails + 1))
    fi
}

finish() {
    echo "$passes passed, $fails failed"
    [ "$fails" -eq 0 ] || exit 1
    exit 0
}
