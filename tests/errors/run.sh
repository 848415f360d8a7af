#!/usr/bin/env bash
# The error catalogue: one folder per rule id of rules.md, and more folders
# for other messages of one rule (ID.what, e.g. csv-syntax.semicolon). Each folder's
# patch.sh breaks one thing in a copy of base/ (or the folder brings its own
# repo/), and `expected` is the exact output of
#     pthv -C repo validate <args>
# which must also exit 1.
#
#   bash tests/errors/run.sh PTHV              check every folder
#   bash tests/errors/run.sh PTHV --update     rewrite the expected files (read them before committing)
set -u

pthv=${1:?usage: run.sh PATH/TO/pthv [--update]}
update=${2:-}
case $pthv in /*) ;; *) pthv="$PWD/$pthv" ;; esac
[ -x "$pthv" ] || { echo "FAIL no pthv binary at $pthv"; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail=0
checked=0
for dir in "$here"/*/; do
    name=$(basename "$dir")
    [ "$name" = base ] && continue
    [ -f "$dir/args" ] || continue
    repo="$tmp/$name"
    if [ -d "$dir/repo" ]; then
        cp -r "$dir/repo" "$repo"
    else
        cp -r "$here/base" "$repo"
    fi
    if [ -f "$dir/patch.sh" ]; then
        (cd "$repo" && bash "$dir/patch.sh") || { echo "FAIL $name: patch.sh failed"; fail=1; continue; }
    fi
    read -r -a args < "$dir/args"
    actual=$(NO_COLOR=1 "$pthv" -C "$repo" --color never validate "${args[@]}" 2>&1)
    code=$?
    checked=$((checked + 1))
    if [ "$update" = --update ]; then
        [ "$code" -eq 1 ] || { echo "FAIL $name: exit $code, not writing expected"; fail=1; continue; }
        printf '%s\n' "$actual" > "$dir/expected"
        echo "wrote $name/expected (exit $code)"
        continue
    fi
    if [ "$code" -ne 1 ]; then
        echo "FAIL $name: exit $code, expected 1"
        fail=1
    fi
    if ! diff -u "$dir/expected" <(printf '%s\n' "$actual") > "$tmp/$name.diff"; then
        echo "FAIL $name: output differs"
        cat "$tmp/$name.diff"
        fail=1
    elif ! grep -q "\[${name%%.*}\]" "$dir/expected"; then
        echo "FAIL $name: expected holds no ${name%%.*} finding"
        fail=1
    else
        [ "$code" -eq 1 ] && echo "ok   $name"
    fi
done

# The base repo itself must be clean, or every expected file would carry its noise.
base_out=$("$pthv" -C "$here/base" --as-of 2026-10-01 validate 2>&1)
if [ $? -ne 0 ] || [ "$base_out" != "0 errors, 0 warnings in 3 visits" ]; then
    echo "FAIL base: not clean: $base_out"
    fail=1
else
    echo "ok   base is clean"
fi

# Every rule id (as `pthv validate --help` lists them) has its folder.
ids=$("$pthv" validate --help | awk '/^Rules/ {f = 1; next} f && /^  [A-Za-z0-9]/ {print $1} f && /^$/ {f = 0}')
[ -n "$ids" ] || { echo "FAIL no rule ids in pthv validate --help"; fail=1; }
for id in $ids; do
    [ -f "$here/$id/args" ] || { echo "FAIL rule $id has no folder in tests/errors"; fail=1; }
done
echo "checked $checked folders"
exit $fail
