#!/usr/bin/env bash
# Every `pthv -C examples ...` line in a ```sh block of docs/guide.md runs
# on a copy of examples/ with --as-of 2026-05-15 and exits 0 or 1, never 2.
# A command this pthv does not have yet is skipped with a SKIP line.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=${PTHV_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
cp -r "$src/examples" "$tmp/examples"
commands=$("$bin" --help | awk '/^Subcommands:/ {on = 1; next} on && /^$/ {exit} on && /^  [a-z]/ {print $1}')
lines=$(awk '/^```sh$/ {on = 1; next} /^```/ {on = 0} on && /^pthv -C examples / {print}' "$src/docs/guide.md")
[ -n "$lines" ] || { echo "FAIL no tested commands in docs/guide.md"; exit 1; }
pthv() { "$bin" "$@"; }
cd "$tmp" || exit 1
n=0
while IFS= read -r line; do
    n=$((n + 1))
    cmd=$(awk '{print $4}' <<<"$line") # pthv -C examples COMMAND ...
    if ! grep -qx -- "$cmd" <<<"$commands"; then
        echo "SKIP $line (no $cmd command in this pthv)"
        continue
    fi
    eval "$line --as-of 2026-05-15" >"$tmp/out.$n" 2>"$tmp/err.$n"
    rc=$?
    if [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; then
        echo "ok   (exit $rc) $line"
    else
        echo "FAIL (exit $rc) $line"
        sed 's/^/     /' "$tmp/err.$n"
        fails=$((fails + 1))
    fi
done <<<"$lines"
[ "$fails" -eq 0 ]
