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
for p in 'flags*.csv' 'attendance*.csv' 'exports/' '*.private.csv' '.pthv.lock'; do
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
check_eval "the hook is executable" '[ -x .git/hooks/pre-commit ]'
"$bin" hooks install >"$tmp/out"
check_eval "a second install says it is there" '[ $? -eq 0 ] && grep -q "already installed" "$tmp/out"'

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
finish
