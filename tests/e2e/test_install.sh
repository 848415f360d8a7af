#!/usr/bin/env bash
# make install / cmake --install: binary, a man page per command (from the
# binary's own help), bash completion that completes commands, options,
# rule ids and enum values, the documents under share/doc/pthv (which the
# installed help and man pages cite); make uninstall removes it all.
. "$(dirname "$0")/lib.sh" "$1"
build=$(cd "$(dirname "$bin")" && pwd)

dest=$tmp/x
DESTDIR=$dest cmake --install "$build" --prefix /usr >"$tmp/install.log" 2>&1
check_eval "cmake --install succeeds" '[ $? -eq 0 ] || cat "$tmp/install.log"'
check_eval "binary installed" '[ -x "$dest/usr/bin/pthv" ]'
check_eval "pthv.1 installed" '[ -f "$dest/usr/share/man/man1/pthv.1" ]'
commands=$("$bin" --help | awk '/^Subcommands:/ {on = 1; next} on && /^$/ {exit} on && /^  [a-z]/ {print $1}')
for c in $commands; do
    check_eval "man page for $c" '[ -f "$dest/usr/share/man/man1/pthv-$c.1" ]'
done
for nested in roster-add roster-set roster-train roster-students hooks-install; do
    check_eval "man page for the nested command $nested" '[ -f "$dest/usr/share/man/man1/pthv-$nested.1" ]'
done
check_eval "pthv-roster-train.1 names its options" 'grep -q "hours" "$dest/usr/share/man/man1/pthv-roster-train.1"'
check_eval "pthv-validate.1 lists the rule ids from --help" 'grep -q "CP5\\\\-pair" "$dest/usr/share/man/man1/pthv-validate.1"'
check_eval "pthv.1 keeps the example lines" 'grep -q "^\.nf" "$dest/usr/share/man/man1/pthv.1"'
comp=$dest/usr/share/bash-completion/completions/pthv
check_eval "completion installed" '[ -f "$comp" ]'
check_eval "the installed completion is the one pthv writes from its command line" \
    '"$bin" completion bash | cmp -s - "$comp"'

# The documents the help cites, installed beside the binary, and cited
# where they are installed.
docs=$dest/usr/share/doc/pthv
for d in README.md guide.md rules.md data.md import.md surveys.md remind.md reports.md payroll.md; do
    check_eval "share/doc/pthv/$d installed" '[ -f "$docs/$d" ]'
done
check_eval "the help cites no document it does not install" \
    '(for f in $("$bin" --help | grep -o "docs/[a-z_-]*\.md"); do [ -f "$docs/${f#docs/}" ] || exit 1; done)'
installed_help=$("$dest/usr/bin/pthv" --help)
check_eval "the installed pthv --help cites the installed documents" \
    'grep -qF "$docs/rules.md" <<<"$installed_help" && grep -qF "$docs/guide.md" <<<"$installed_help"'
check_eval "the installed pthv --help cites no docs/ of a source tree it does not have" \
    '! grep -q "[^/]docs/" <<<"$installed_help"'
check_eval "a command's help too (explain)" '"$dest/usr/bin/pthv" explain --help | grep -qF "$docs/rules.md"'
check_eval "the man pages cite the documents where they will be (the prefix, without DESTDIR)" \
    'grep -qF "/usr/share/doc/pthv/rules.md" "$dest/usr/share/man/man1/pthv.1" &&
     ! grep -q "[^/]docs/rules" "$dest/usr/share/man/man1/pthv.1" &&
     grep -qF "/usr/share/doc/pthv/import.md" "$dest/usr/share/man/man1/pthv-log-visit.1"'
check_eval "pthv run from its build tree cites docs/ of the source tree" '"$bin" --help | grep -q "^  docs/rules.md"'

# The completion, driven as bash does.
cat >"$tmp/drive.sh" <<'DRIVE'
source "$1"
complete -p pthv
t() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _pthv; echo "${COMPREPLY[*]}"; }
cd "$3"
t "$2" ''
t "$2" val
t "$2" validate --st
t "$2" validate --rule CP5
t "$2" validate --rule = CP1
t "$2" log-visit --focus ''
t "$2" --color n
t "$2" validate --format ''
t "$2" log-visit --student ST000
t "$2" log-visit --educators T001,T00
DRIVE
out=$(bash "$tmp/drive.sh" "$comp" "$bin" "$src/examples" 2>&1)
line() { sed -n "$1p" <<<"$out"; }
check_eval "complete -p pthv names _pthv" '[ "$(line 1)" = "complete -F _pthv pthv" ]'
check_eval "commands complete" '[[ " $(line 2) " == *" init "* && " $(line 2) " == *" validate "* && " $(line 2) " == *" schema "* ]]'
check_eval "a command completes from its start" '[ "$(line 3)" = validate ]'
check_eval "an option completes" '[ "$(line 4)" = --strict ]'
check_eval "rule ids after --rule" '[ "$(line 5)" = "CP5-pair CP5-reflection" ]'
check_eval "rule ids after --rule=" '[ "$(line 6)" = "CP1-arranged CP1-opted-in" ]'
check_eval "focus values" '[ "$(line 7)" = "hopes_and_dreams academics other" ]'
check_eval "color values from the help" '[ "$(line 8)" = never ]'
check_eval "formats of validate from its help" '[ "$(line 9)" = "text json github" ]'
check_eval "student ids from the data repo" '[[ "$(line 10)" == "ST0001 ST0002"* ]]'
check_eval "the last of several educators" '[[ "$(line 11)" == "T001,T001 T001,T002"* ]]'

make -s -C "$src" uninstall DESTDIR="$dest" PREFIX=/usr >/dev/null 2>&1
check_eval "make uninstall removes everything" '[ -z "$(find "$dest" -type f)" ]'
finish
