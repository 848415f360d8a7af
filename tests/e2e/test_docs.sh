#!/usr/bin/env bash
# Every file that pthv's help and the files `pthv init` writes point to
# ships: each `docs/...` path they name exists in the source tree, and none
# names a bare rules.md, cli.md, data.md or program.md that a user cannot
# find. pthv schema pthv.yaml lists the settings docs/data.md describes.
. "$(dirname "$0")/lib.sh" "$1"
cd "$tmp" || exit 1

# "  name  description" lines under "Subcommands:".
subcommands() { awk '/^Subcommands:/ {on = 1; next} on && /^$/ {exit} on && /^  [a-z]/ {print $1}'; }

# Every help text: pthv, each command, each command's subcommands.
"$bin" --help >help.all
commands=$(subcommands <help.all)
check "pthv --help lists commands" test -n "$commands"
for c in $commands; do
    "$bin" "$c" --help >"help.$c" || { echo "FAIL pthv $c --help"; fails=$((fails + 1)); }
    cat "help.$c" >>help.all
    for s in $(subcommands <"help.$c"); do
        "$bin" "$c" "$s" --help >>help.all || { echo "FAIL pthv $c $s --help"; fails=$((fails + 1)); }
    done
done

# Every file pthv init writes.
"$bin" --as-of 2026-09-01 init repo >/dev/null
check "pthv init writes .gitattributes and .gitignore" test -f repo/.gitattributes -a -f repo/.gitignore
cat repo/pthv.yaml repo/.gitattributes repo/.gitignore repo/*.csv >init.all

for f in help.all init.all; do
    paths=$(grep -o 'docs/[A-Za-z0-9_./-]*[A-Za-z0-9]' "$f" | sort -u)
    for p in $paths; do
        check "$p (named in ${f%.all}) exists" test -e "$src/$p"
    done
    bare=$(grep -En '(^|[^/A-Za-z])(rules|cli|data|program)\.md' "$f")
    check "no bare .md file that does not ship is named in ${f%.all}" test -z "$bare"
    [ -z "$bare" ] || echo "$bare" | sed 's/^/     /'
done
check "pthv --help points to the reference" \
    bash -c 'for d in guide rules data import; do grep -q "^  docs/$d.md  " help.all || exit 1; done'
check "validate --help points to docs/rules.md and pthv explain" \
    grep -q '^Rules (`pthv explain ID` explains one; docs/rules.md):' help.validate
check "log-visit --map points to docs/import.md" grep -q 'docs/import.md' help.log-visit
check "the generated .gitattributes points to docs/data.md" grep -q '(docs/data.md)' repo/.gitattributes
check "the generated pthv.yaml points to pthv schema pthv.yaml and docs/data.md" \
    grep -q '`pthv schema pthv.yaml` lists every setting, and docs/data.md explains them' repo/pthv.yaml
check "schema --help offers pthv.yaml" grep -q 'pthv.yaml' help.schema

# pthv schema pthv.yaml: every setting docs/data.md documents, with type and default.
"$bin" schema pthv.yaml >settings.txt
check "pthv schema pthv.yaml exits 0 outside a data repo" test $? = 0
shown=$(awk 'NR > 2 && /^  [a-z]/ {print $1}' settings.txt)
documented=$(awk '/^## pthv.yaml/ {on = 1; next} /^## / {on = 0} on && /^\| `/ {split($0, c, "`"); print c[2]}' "$src/docs/data.md")
check "pthv schema pthv.yaml lists the settings of docs/data.md, in order" test "$shown" = "$documented"
check "a setting shows its type and default" \
    grep -Eq '^  practices\.refresher_months +integer 1\.\.240 +24$' settings.txt
check "a setting shows its meaning" grep -q 'training older than this is due for a refresher' settings.txt
check "pthv schema pthv.yml finds it too" bash -c "'$bin' schema pthv.yml | cmp -s - settings.txt"
"$bin" schema pthv.yaml --format yaml >settings.yaml
check "--format yaml gives one entry per setting" \
    test "$(grep -c '^  - {path: ' settings.yaml)" = "$(wc -l <<<"$documented")"
"$bin" schema pthx >/dev/null 2>err.txt
check "a near miss suggests pthv.yaml" grep -q 'did you mean pthv.yaml?' err.txt
"$bin" schema >all.txt
check "pthv schema alone still prints the table schemas" grep -q '^visits.csv (' all.txt
check "pthv schema alone prints no settings" bash -c "! grep -q 'practices.refresher_months' all.txt"

# No merge left half done in what ships.
check "no merge-conflict markers in docs, code, schemas or examples" bash -c \
    "! grep -rn -E '^(<<<<<<<|>>>>>>>) ' '$src/README.md' '$src/docs' '$src/lib' '$src/cmd' '$src/schemas' '$src/examples' '$src/tests'"

finish
