#!/usr/bin/env bash
# pthv explain: a rule's entry of docs/rules.md, compiled into the binary.
. "$(dirname "$0")/lib.sh" "$1"
doc="$src/docs/rules.md"
# Outside any data repo: explain needs none.
cd "$tmp" || exit 1

# The `## ID` entry of docs/rules.md, up to the next `## `, without trailing blank lines.
section() {
    awk -v id="$1" '/^## / {on = ($0 == "## " id)} on {print}' "$doc" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
}
doc_ids=$(sed -n 's/^## //p' "$doc")

"$bin" explain >list.txt 2>err.txt
check "pthv explain with no id exits 0, outside a data repo" test $? = 0
check "the list points to docs/rules.md" grep -q 'docs/rules.md' list.txt
check "the list holds every entry of docs/rules.md, in order" \
    test "$(awk 'NR > 1 {print $1}' list.txt)" = "$doc_ids"
check "the list gives what CP5-pair means" \
    grep -qx '  CP5-pair              A visit was made by fewer than two educators.' list.txt

n=0
for id in $doc_ids; do
    "$bin" explain "$id" >out.txt 2>err.txt
    rc=$?
    if [ "$rc" = 0 ] && diff -q <(section "$id") out.txt >/dev/null && [ ! -s err.txt ]; then
        n=$((n + 1))
    else
        echo "FAIL pthv explain $id (exit $rc) does not print its entry"
        diff <(section "$id") out.txt | head -5
        fails=$((fails + 1))
    fi
done
check "pthv explain ID prints each of the $n entries exactly" test "$n" -gt 20
"$bin" explain CP5-pair >out.txt
check "an entry starts at its heading" test "$(head -n 1 out.txt)" = "## CP5-pair"
check "an entry holds its default severity" grep -qx -- '- default severity: error' out.txt
check "an entry stops before the next rule" bash -c "! grep -q 'CP5-reflection' out.txt"
"$bin" explain CP5-reflection >out.txt
check "the entry before the next heading gives its example" grep -q 'warning\[CP5-reflection\]' out.txt

"$bin" explain CP5-pairs >out.txt 2>err.txt
check "an unknown id exits 2" test $? = 2
check "an unknown id gets the closest one" grep -qx 'pthv: error: no rule has the id "CP5-pairs"; did you mean CP5-pair?' err.txt
check "an unknown id prints nothing on stdout" test ! -s out.txt
"$bin" explain no-such-rule-at-all >/dev/null 2>err.txt
check "an id near nothing exits 2" test $? = 2
check "an id near nothing points to the list" grep -q 'pthv explain` lists the rule ids' err.txt
"$bin" explain --help >help.txt
check "explain --help names docs/rules.md" grep -q 'docs/rules.md' help.txt
check "pthv --help lists explain" bash -c "'$bin' --help | grep -q '^  explain '"
"$bin" explain CP5-pair -o "$tmp/entry.txt" >/dev/null
check "-o writes the entry to a file" diff -q <(section CP5-pair) "$tmp/entry.txt"

finish
