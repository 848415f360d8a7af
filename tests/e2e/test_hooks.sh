#!/usr/bin/env bash
# pthv init --git and pthv hooks install: git init without a commit,
# .gitattributes and .gitignore, a pre-commit hook that stops a commit with
# validate errors and never replaces a foreign hook without --force.
. "$(dirname "$0")/lib.sh" "$1"
export GIT_CONFIG_NOSYSTEM=1 HOME=$tmp PTHV=$bin
git config --global init.defaultBranch main
git config --global user.name "Test Coordinator"
git config --global user.email "coordinator@example.org"

"$bin" init "$tmp/d" --git --as-of 2026-08-01 -q
check_eval "init --git exits 0" '[ $? -eq 0 ]'
check_eval "init --git makes a git repo" '[ -d "$tmp/d/.git" ]'
check_eval "init --git makes no commit" '! git -C "$tmp/d" rev-parse -q --verify HEAD >/dev/null'
check_eval ".gitattributes: union merge for visits.csv" 'grep -qx "visits.csv merge=union" "$tmp/d/.gitattributes"'
check_eval ".gitattributes: union merge for trainings.csv" 'grep -qx "trainings.csv merge=union" "$tmp/d/.gitattributes"'
check_eval ".gitattributes: LF for CSV" 'grep -qx "\*.csv text eol=lf" "$tmp/d/.gitattributes"'
for p in 'flags*.csv' 'attendance*.csv' 'scores*.csv' 'exports/' '*.private.csv' '.pthv.lock'; do
    check_eval ".gitignore holds $p" 'grep -qxF "$p" "$tmp/d/.gitignore"'
done
touch "$tmp/d/flags-2026.csv"
check_eval "git ignores a flags file" 'git -C "$tmp/d" check-ignore -q flags-2026.csv'

mkdir -p "$tmp/outer" && git -C "$tmp/outer" init -q
"$bin" init "$tmp/outer/data" --git --as-of 2026-08-01 -q
check_eval "init --git inside a work tree runs no git init" '[ ! -e "$tmp/outer/data/.git" ]'

"$bin" init "$tmp/plain" --as-of 2026-08-01 -q
check_eval "init without --git makes no git repo" '[ ! -e "$tmp/plain/.git" ]'
"$bin" -C "$tmp/plain" hooks install 2>"$tmp/err"
check_eval "hooks install outside git exits 2" '[ $? -eq 2 ] && grep -q "not in a git work tree" "$tmp/err"'

cd "$tmp/d" || exit 1
"$bin" hooks install >"$tmp/out"
check_eval "hooks install exits 0" '[ $? -eq 0 ] && grep -q Installed "$tmp/out"'
# Every log .gitattributes marks merge=union is one the message says merges by key.
for log in $(awk '$2 == "merge=union" {print $1}' .gitattributes); do
    check_eval "hooks install says $log merges by key" 'tr "\n" " " <"$tmp/out" | grep -q "merge by key:.*$log"'
done
check_eval "surveys.csv among them" 'grep -q "surveys.csv" "$tmp/out"'
check_eval "the hook is executable" '[ -x .git/hooks/pre-commit ]'
check_eval "the merge hook is installed and executable" '[ -x .git/hooks/pre-merge-commit ] && grep -q "pthv pre-merge-commit hook" .git/hooks/pre-merge-commit'
"$bin" hooks install >"$tmp/out"
check_eval "a second install says it is there" '[ $? -eq 0 ] && grep -q "already installed" "$tmp/out"'
check_eval "a second install names the logs too, surveys.csv among them" 'grep -q "merge by key:.*surveys.csv" "$tmp/out"'

git add . && git commit -q -m "data repo" >/dev/null 2>&1
check_eval "a clean repo commits" '[ $? -eq 0 ] && git rev-parse -q --verify HEAD >/dev/null'
printf 'S01,Cedar Grove Elementary,elementary,active,,\nS01,Cedar Grove Elementary,elementary,active,,\n' >>sites.csv
git add sites.csv
git commit -q -m "duplicate site" >/dev/null 2>"$tmp/err"
check_eval "a commit with errors is stopped" '[ $? -ne 0 ] && [ "$(git rev-list --count HEAD)" = 1 ]'
check_eval "the hook prints the problem" 'grep -q "duplicate-key" "$tmp/err"'
git commit -q --no-verify -m "duplicate site, knowingly" >/dev/null 2>&1
check_eval "--no-verify skips the hook" '[ "$(git rev-list --count HEAD)" = 2 ]'

printf '#!/bin/sh\necho mine\n' >.git/hooks/pre-commit
"$bin" hooks install 2>"$tmp/err"
check_eval "a foreign hook is not replaced" '[ $? -eq 2 ] && grep -q -- --force "$tmp/err" && grep -q mine .git/hooks/pre-commit'
"$bin" hooks install --force >/dev/null
check_eval "--force replaces it" '[ $? -eq 0 ] && grep -q "pthv pre-commit hook" .git/hooks/pre-commit'
"$bin" hooks uninstall >/dev/null
check_eval "hooks uninstall removes it" '[ $? -eq 0 ] && [ ! -e .git/hooks/pre-commit ]'
check_eval "hooks uninstall removes the merge hook too" '[ ! -e .git/hooks/pre-merge-commit ]'

# An install from before the merge hook: install adds it and keeps the rest.
"$bin" hooks install >/dev/null && rm .git/hooks/pre-merge-commit
"$bin" hooks install >"$tmp/out"
check_eval "install adds a missing merge hook" '[ $? -eq 0 ] && grep -q "Installed the pre-merge-commit hook" "$tmp/out" && grep -q "pre-commit hook is already installed" "$tmp/out"'
printf '#!/bin/sh\necho mine\n' >.git/hooks/pre-merge-commit
"$bin" hooks uninstall 2>"$tmp/err"
check_eval "uninstall leaves a foreign merge hook, and the pre-commit hook too" '[ $? -eq 2 ] && grep -q mine .git/hooks/pre-merge-commit && [ -x .git/hooks/pre-commit ]'
"$bin" hooks uninstall --force >/dev/null
check_eval "uninstall --force removes both" '[ ! -e .git/hooks/pre-merge-commit ] && [ ! -e .git/hooks/pre-commit ]'

# A merge commit is checked too: two branches each close a pay month. On
# its own, each is clean; merged, October pays as late what September paid
# (neither branch saw the other's ledger), and git merges the two new
# files without a conflict. git runs pre-merge-commit, not pre-commit, for
# the merge commit.
cp -r "$src/tests/errors/base" "$tmp/pay"
cd "$tmp/pay" || exit 1
git init -q && git add . && git commit -q -m "district data"
"$bin" hooks install >/dev/null
pv() { "$bin" --as-of 2026-11-05 "$@"; }
git checkout -q -b september
pv payroll --month 2026-09 --close >/dev/null 2>&1 && git add payroll && git commit -q -m "close 2026-09" >/dev/null 2>&1
check_eval "branch september closes 2026-09 and commits" '[ $? -eq 0 ] && [ -e payroll/2026-09.csv ]'
git checkout -q main && git checkout -q -b october
pv payroll --month 2026-10 --close >/dev/null 2>&1 && git add payroll && git commit -q -m "close 2026-10" >/dev/null 2>&1
check_eval "branch october closes 2026-10, paying September as late, and commits" \
    '[ $? -eq 0 ] && grep -q "^2026-10,T01,visit,V20260914-ST01," payroll/2026-10.csv'
export PTHV_AS_OF=2026-11-05
GIT_EDITOR=true git merge --no-edit september >"$tmp/out" 2>"$tmp/err"
check_eval "the merge commit is stopped" '[ $? -ne 0 ] && [ "$(git rev-list --count HEAD)" = 2 ]'
check_eval "the merge hook says why, naming paid-twice" 'grep -q "paid-twice" "$tmp/err" && grep -q "pre-merge-commit: pthv validate found errors" "$tmp/err"'
pv validate -q >/dev/null
check_eval "validate agrees: exit 1" '[ $? -eq 1 ]'
git merge --abort
git merge -q --no-verify --no-edit september >/dev/null 2>&1
check_eval "git merge --no-verify skips the check" '[ "$(git rev-list --count HEAD)" = 4 ]'
finish
