# A public report says whether the data check finds errors or warnings in
# its period, never how many: most findings are visits that fell short of a
# practice, which the public fidelity table shows only as "<10" or a bound.
# "1 error and 0 warnings" in April's public reports said that at most one
# of April's visits fell short, of one practice, in the whole district.
. "$(dirname "$0")/lib.sh" "$1"

repo=$tmp/repo
cp -r "$src/examples" "$repo"
asof=2026-05-15
run() { "$bin" -C "$repo" --as-of $asof report "$@"; }

run --period 2026-04 >"$tmp/internal.text"
check "internal: the period's findings are counted" \
    grep -q '^Validate finds 1 error and 0 warnings in the records of this period' "$tmp/internal.text"
for fmt in text md html; do
    for scope in "" S04; do
        out=$tmp/public$scope.$fmt
        run --period 2026-04 --public ${scope:+--site $scope} --format $fmt -o "$out"
        check "$fmt public ${scope:-district}: says the check finds errors" grep -q 'data check finds errors in the records of this period' "$out"
        check "$fmt public ${scope:-district}: says no number of findings" \
            bash -c "! grep -iE '[0-9]+ (errors?|warnings?)\b' '$out'"
    done
done
for p in 2025-10 2026-02 mid-year end-of-year; do
    run --period $p --public --format text -o "$tmp/p.text"
    check "public $p: no number of findings" bash -c "! grep -iE 'data check finds [^.]*[0-9]' '$tmp/p.text'"
done

# The JSON's validate object counts the whole repo (5 errors and 9
# warnings in the example district): in public, as "<10".
run --period end-of-year --format json >"$tmp/internal.json"
run --period end-of-year --public --format json >"$tmp/public.json"
check "internal JSON: the whole repo's findings counted" \
    python3 -c "import json,sys; v=json.load(open(sys.argv[1]))['validate']; assert v=={'errors':5,'warnings':9}, v" "$tmp/internal.json"
check "public JSON: a small count of findings is <10" \
    python3 -c "import json,sys; v=json.load(open(sys.argv[1]))['validate']; assert v=={'errors':'<10','warnings':'<10'}, v" "$tmp/public.json"

# The public roll-up names the districts whose period has errors, without
# their number; the private one keeps it.
"$bin" --as-of $asof rollup "$repo" --public --format text >"$tmp/rollup-public.text"
"$bin" --as-of $asof rollup "$repo" --format text >"$tmp/rollup.text"
check "rollup public: the district is named without its number of errors" \
    bash -c "grep -q 'data check finds errors in the records of the period of 1 district: Riverbend Unified School District\.' '$tmp/rollup-public.text'"
check "rollup private: with its number" \
    bash -c "grep -q 'data check finds errors in the records of the period of 1 district: Riverbend Unified School District ([0-9]*)' '$tmp/rollup.text'"

# Beside a district whose findings are shown (min_cell 5), the state's
# findings add only the shown ones, and a "left out" row says how many
# districts each total leaves out.
cp -r "$repo" "$tmp/hilltop"
sed -i 's/^district: .*/district: Hilltop Elementary/; s/^reports: .*/reports: {min_cell: 5}/' "$tmp/hilltop/pthv.yaml"
"$bin" --as-of $asof rollup "$repo" "$tmp/hilltop" --public --format text >"$tmp/two.text"
sed -n '/^Findings of the data check/,/^$/p' "$tmp/two.text" >"$tmp/two.findings"
check "rollup public: a small count of findings is <10" grep -qE '^  Riverbend Unified School District +<10 +<10$' "$tmp/two.findings"
check "rollup public: the state adds the shown findings only" grep -qE '^  state +5 +9$' "$tmp/two.findings"
check "rollup public: the left-out row" grep -qE '^  left out +1 +1$' "$tmp/two.findings"

finish
