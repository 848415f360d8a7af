#!/usr/bin/env bash
# docs/rules.md against the rule registry, strictly: one `## ID` entry for
# each rule id `pthv validate --help` lists, in the same order, no other
# entry; each with the registry's default severity, the fields every entry
# has, and an example whose lines are exactly what pthv prints for that
# rule in tests/errors/ID/expected.
. "$(dirname "$0")/lib.sh" "$1"
doc="$src/docs/rules.md"
section() { awk -v id="$1" '/^## / {on = ($0 == "## " id)} on {print}' "$doc"; }

# "  ID  SEVERITY  when" lines after "Rules" in validate --help.
registry=$("$bin" validate --help | awk '/^Rules/ {f = 1; next} f && /^  [A-Za-z0-9]/ {print $1, $2} f && /^$/ {f = 0}')
registry_ids=$(awk '{print $1}' <<<"$registry")
doc_ids=$(sed -n 's/^## //p' "$doc")
check "validate --help lists rule ids" test -n "$registry_ids"
check "no rule id has two entries" test -z "$(sort <<<"$doc_ids" | uniq -d)"
for id in $registry_ids; do
    grep -qx -- "$id" <<<"$doc_ids" || { echo "FAIL rule $id has no '## $id' entry in docs/rules.md"; fails=$((fails + 1)); }
done
for id in $doc_ids; do
    grep -qx -- "$id" <<<"$registry_ids" || { echo "FAIL docs/rules.md has '## $id', which no rule of the registry has"; fails=$((fails + 1)); }
done
check "the entries follow the registry's order" test "$doc_ids" = "$registry_ids"

# README.md's table of findings (the first column's `ids`, under "What each
# finding means") names every rule of the registry, and no other.
readme_ids=$(awk '/^### .*What each finding means/ {on = 1; next} on && /^#/ {exit} on && /^\| `/' "$src/README.md" |
    cut -d'|' -f2 | grep -o '`[^`]*`' | tr -d '`' | sort)
check "README.md has the table of findings" test -n "$readme_ids"
for id in $registry_ids; do
    grep -qx -- "$id" <<<"$readme_ids" || { echo "FAIL rule $id is not in README.md's table of findings"; fails=$((fails + 1)); }
done
for id in $readme_ids; do
    grep -qx -- "$id" <<<"$registry_ids" || { echo "FAIL README.md's table names $id, which no rule of the registry has"; fails=$((fails + 1)); }
done
check "README.md's table names no rule twice" test -z "$(uniq -d <<<"$readme_ids")"

while read -r id severity; do
    [ -n "$id" ] || continue
    text=$(section "$id")
    [ -n "$text" ] || continue # reported above
    grep -qx -- "- default severity: $severity" <<<"$text" ||
        { echo "FAIL $id: the entry does not give the default severity $severity"; fails=$((fails + 1)); }
done <<<"$registry"

for id in $doc_ids; do
    text=$(section "$id")
    ok=1
    for field in '^- kind: ' '^- default severity: (error|warning)$' '^- fires when: ' '^How to fix: ' '^Example:$'; do
        grep -Eq -- "$field" <<<"$text" || { echo "FAIL $id: no '$field' in its entry"; ok=0; }
    done
    # The example: the indented lines after "Example:".
    example=$(awk '/^Example:$/ {on = 1; next} on && /^    / {print substr($0, 5)}' <<<"$text")
    grep -q "\[$id\]: " <<<"$example" || { echo "FAIL $id: its example shows no $id message"; ok=0; }
    expected="$src/tests/errors/$id/expected"
    if [ ! -f "$expected" ]; then
        echo "FAIL $id: no tests/errors/$id/expected to take its example from"
        ok=0
    else
        while IFS= read -r line; do
            grep -qxF -- "$line" "$expected" || { echo "FAIL $id: example line not printed by pthv: $line"; ok=0; }
        done <<<"$example"
    fi
    [ "$ok" = 1 ] && echo "ok   $id: fields and example" || fails=$((fails + 1))
done

finish
