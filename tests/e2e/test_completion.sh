#!/usr/bin/env bash
# The bash completion, run the way bash runs it (source the script, set
# COMP_WORDS and COMP_CWORD, call _pthv, read COMPREPLY), for every command
# and option the binary's own --help lists: each command and option is
# offered, and each option's values are what pthv accepts, read from
# sources other than the completion (the schemas, error messages, the help
# text, the rule list of `pthv explain`).
. "$(dirname "$0")/lib.sh" "$1"

comp=$tmp/pthv.bash
"$bin" completion bash >"$comp" 2>"$tmp/err"
check_eval "pthv completion bash prints a bash script" '[ -s "$comp" ] && bash -n "$comp"'
unclassified=$(grep "^# unclassified" "$comp")
check_eval "every option with a value has its values declared" '[ -z "$unclassified" ] || { echo "$unclassified"; false; }'

# A folder to complete paths in, and the example district for ids.
work=$tmp/work
mkdir -p "$work/repo2"
: >"$work/notes.txt"
repo=$src/examples
cat >"$tmp/drive.sh" <<'DRIVE'
source "$1"
cd "$2"
shift 2
COMP_WORDS=(pthv "$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMPREPLY=()
_pthv
printf '%s\n' "${COMPREPLY[@]}"
DRIVE
# The candidates bash would offer after `pthv WORDS...` (the last word is
# the one being completed), one a line, sorted.
offers() { bash "$tmp/drive.sh" "$comp" "$work" -C "$repo" "$@" 2>&1 | sort; }
words() { tr ' ,|' '\n\n\n' | sed '/^$/d' | sort -u; }
has() { grep -qxF -- "$2" <<<"$1"; }

help_of() { "$bin" $1 --help 2>&1; }
subcommands_of() { help_of "$1" | awk '/^Subcommands:/ {on = 1; next} on && /^$/ {exit} on && /^  [a-z]/ {print $1}'; }
# "SHORT LONG TYPE" per option of a help text ("-" for none).
options_of()
{
    help_of "$1" | awk '/^Options:/ {on = 1; next} /^[A-Z]/ {on = 0} on' |
        sed -nE 's/^  (-[[:alnum:]],)?(--[[:alnum:]][[:alnum:]-]*)( ([^ ]+))?.*/\1 \2 \4/p' |
        awk '{s = $1; l = $2; t = $3; if (s ~ /^--/) {t = l; l = s; s = "-"} else sub(/,$/, "", s); if (t == "" || t == "REQUIRED") t = "-"; print s, l, t}'
}
positionals_of() { help_of "$1" | awk '/^Positionals:/ {on = 1; next} on && /^$/ {exit} on && /^  [A-Za-z]/ {print $1}'; }
# The enum of COLUMN in `pthv schema FILE` ("a | b | c").
schema_enum() { "$bin" schema "$1" | awk -v c="$2" '$1 == c' | grep -oE '[a-z_-]+( \| [a-z_-]+)+' | words; }

today=$(date +%F)
rule_ids=$("$bin" explain | awk 'NR > 1 {print $1}' | sort)
check_eval "pthv explain lists rule ids" '[ -n "$rule_ids" ]'
schemas=$( { "$bin" schema --format yaml | sed -n 's/^name: //p'; echo pthv.yaml; } | sort)
tables=$("$bin" -C "$repo" report --period mid-year --format csv 2>&1 | sed -n 's/.*--table (\([^)]*\)).*/\1/p' | words)
check_eval "report names its tables when --table is missing" '[ -n "$tables" ]'
rollup_tables=$("$bin" rollup "$repo" --format csv --table qqqqqqqqqqqq 2>&1 | sed -n 's/.*the tables are \(.*\)$/\1/p' | tr -d , | words)
check_eval "rollup names its tables for an unknown --table" '[ -n "$rollup_tables" ]'
event_kinds=$("$bin" -C "$repo" event add --date 2026-01-01 --title t --kind bogus 2>&1 |
    sed -n 's/.*not an event kind (\([^)]*\)).*/\1/p' | words)
known_formats=$(words <<<"text json csv md html github yaml eml")

# What the values of option LONG (or positional) of command PATH must be;
# every option of every --help must be named here, so a new option fails
# this test until its completion is thought about.
expect_values()
{
    local path=$1 name=$2 type=$3 got=$4
    local what="pthv${path:+ $path} $name"
    local ok=1 expected=
    case "$path|$name" in
    *"|--output" | *"|--flags" | *"|--attendance" | *"|--scores" | *"|--subgroups" | *"|--key-file" | *"|--map" | "log-visit|--import" | \
        "survey import|FILE" | "hooks merge|files")
        has "$got" notes.txt || ok=0 ;;
    *"|--data" | "init|--from" | "init|DIR" | "rollup|repos" | "trend|repos")
        { has "$got" repo2 && ! has "$got" notes.txt; } || ok=0 ;;
    *"|--as-of" | *"|--date" | *"|--arranged-on" | *"|--reflected-on" | "payroll|--from" | "payroll|--to")
        has "$got" "$today" || ok=0 ;;
    "payroll|--month") has "$got" "$(date +%Y-%m)" || ok=0 ;;
    *"|--period") { has "$got" mid-year && has "$got" end-of-year; } || ok=0 ;;
    *"|--site") { has "$got" S01 && ! has "$got" T001; } || ok=0 ;;
    "log-visit|--student" | "roster student|ID") { has "$got" ST0001 && ! has "$got" T001; } || ok=0 ;;
    "log-visit|--educators" | "event add|--staff" | "log-visit|--interpreter" | "log-visit|--by" | "review|--by" | \
        "remind|--to" | "roster students|--homeroom" | "roster set|ID" | "roster train|ID")
        { has "$got" T001 && ! has "$got" ST0001; } || ok=0 ;;
    "log-visit|--update" | "log-visit|--remove" | "log-visit|--confirm")
        has "$got" "$(awk -F, 'NR == 2 {print $1}' "$repo/visits.csv")" || ok=0 ;;
    "roster train|--session") has "$got" "$(awk -F, 'NR == 2 {print $1}' "$repo/sessions.csv")" || ok=0 ;;
    "validate|--rule" | "explain|RULE") expected=$rule_ids ;;
    "review|rule")
        # Rule ids, but not the data-integrity ones review refuses.
        { [ -n "$got" ] && [ -z "$(comm -23 <(echo "$got") <(echo "$rule_ids"))" ] && has "$got" CP5-pair &&
            ! has "$got" csv-syntax; } || ok=0 ;;
    "schema|FILE") expected=$schemas ;;
    "report|--table") expected=$tables ;;
    "rollup|--table") expected=$rollup_tables ;;
    "event add|--kind") expected=$event_kinds ;;
    "roster train|--kind") expected=$(schema_enum trainings kind) ;;
    "log-visit|--focus") expected=$(schema_enum visits focus) ;;
    "log-visit|--mode") expected=$(schema_enum visits mode) ;;
    "log-visit|--status") expected=$(schema_enum visits status) ;;
    "log-visit|--cancelled-by") expected=$(schema_enum visits cancelled_by) ;;
    *"|--class") expected=$(schema_enum staff class) ;;
    *"|--opted-in" | *"|--active") expected=$(words <<<"yes no") ;;
    "roster|--status")
        expected=$(help_of roster | grep -- '^  --status' | sed 's/.*training status: //' | words) ;;
    *"|--format")
        # Formats pthv knows; the commands that read them are checked below.
        { [ -n "$got" ] && [ -z "$(comm -23 <(echo "$got") <(echo "$known_formats"))" ]; } || ok=0 ;;
    *"|--district" | *"|--time" | *"|--minutes" | *"|--language" | *"|--notes" | *"|--reason" | \
        *"|--lock-timeout" | *"|--id" | *"|--name" | *"|--role" | *"|--hourly-rate" | *"|--hours" | *"|--title" | \
        *"|--attendees" | *"|--note" | *"|--days" | *"|--send" | *"|--k" | "review|record")
        # Free text: nothing to offer, and no file names either.
        [ -z "$got" ] || ok=0 ;;
    *)
        if [[ $type == *:\{*\} ]]; then
            # CLI11's own check, as the help shows it: TYPE:{a,b,c}.
            expected=$(sed 's/.*:{\(.*\)}/\1/' <<<"$type" | words)
        else
            echo "FAIL $what: this test does not say what its values are"
            fails=$((fails + 1))
            return
        fi
        ;;
    esac
    if [ -n "$expected" ] && [ "$got" != "$expected" ]; then
        ok=0
    fi
    if [ "$ok" = 1 ]; then
        passes=$((passes + 1))
    else
        echo "FAIL $what: offers [$(echo $got)]${expected:+, expected [$(echo $expected)]}"
        fails=$((fails + 1))
    fi
}

# Every command path: pthv itself, each command, each command's commands.
paths=("")
for c in $(subcommands_of ""); do
    paths+=("$c")
    for s in $(subcommands_of "$c"); do paths+=("$c $s"); done
done
check_eval "the help lists commands and nested commands" '[ ${#paths[@]} -gt 20 ]'

for path in "${paths[@]}"; do
    read -ra pw <<<"$path"
    subs=$(subcommands_of "$path")
    if [ -n "$subs" ]; then
        got=$(offers "${pw[@]}" '')
        for s in $subs; do
            has "$got" "$s" || { echo "FAIL pthv $path <TAB> does not offer the command $s"; fails=$((fails + 1)); }
        done
        passes=$((passes + 1))
    fi
    names=$(offers "${pw[@]}" -)
    while read -r short long type; do
        [ -n "$long" ] || continue
        for n in $short $long; do
            [ "$n" = - ] && continue
            has "$names" "$n" || { echo "FAIL pthv $path - <TAB> does not offer $n"; fails=$((fails + 1)); }
        done
        [ "$type" = - ] && continue
        # --opt <TAB>, and --opt=<TAB> the way bash splits it.
        got=$(offers "${pw[@]}" "$long" '')
        expect_values "$path" "$long" "$type" "$got"
        got_eq=$(offers "${pw[@]}" "$long" = '')
        [ "$got_eq" = "$got" ] || { echo "FAIL pthv $path $long=<TAB> differs from $long <TAB>"; fails=$((fails + 1)); }
    done < <(options_of "$path")
    # Positionals, each after as many placeholder words as come before it.
    before=()
    for p in $(positionals_of "$path"); do
        got=$(offers "${pw[@]}" "${before[@]}" '')
        expect_values "$path" "$p" "" "$got"
        before+=(X)
    done
done

# The lists the issue named, spelled out.
got=$(offers explain '')
check_eval "explain <TAB> offers rule ids, not file names" 'has "$got" CP5-pair && has "$got" held-back && ! has "$got" notes.txt'
got=$(offers review '')
check_eval "review <TAB> offers rule ids, not file names" 'has "$got" CP2-trained && ! has "$got" notes.txt'
got=$(offers report --format '')
check_eval "report --format <TAB> offers its formats" '[ "$(echo $got)" = "csv html json md text" ]'
for f in $got; do
    table=()
    [ "$f" = csv ] && table=(--table headline)
    "$bin" -C "$repo" --as-of 2026-05-15 report --period mid-year --format "$f" "${table[@]}" >/dev/null 2>"$tmp/err"
    check_eval "report --format $f, as offered, is accepted" '! grep -q "not supported" "$tmp/err"'
done
got=$(offers validate --format '')
check_eval "validate --format <TAB> offers its formats" '[ "$(echo $got)" = "github json text" ]'
got=$(offers event add --kind '')
check_eval "event add --kind <TAB> offers event kinds, not training kinds" \
    'has "$got" site_visit && ! has "$got" intro'
got=$(offers report --table '')
check_eval "report --table <TAB> offers the tables" 'has "$got" headline && has "$got" census'
got=$(offers schema '')
check_eval "schema <TAB> offers every schema and pthv.yaml" 'has "$got" surveys && has "$got" pthv.yaml'
for s in $got; do
    check "pthv schema $s, as offered, is accepted" "$bin" schema "$s" -o /dev/null
done
check_eval "validate --rule CP5 <TAB>" '[ "$(echo $(offers validate --rule CP5))" = "CP5-pair CP5-reflection" ]'
check_eval "validate --rule A B <TAB>: --rule takes several" '[ "$(echo $(offers validate --rule CP5-pair CP1))" = "CP1-arranged CP1-opted-in" ]'
check_eval "validate --rule=CP1 <TAB>, unsplit" '[ "$(echo $(offers validate --rule=CP1))" = "--rule=CP1-arranged --rule=CP1-opted-in" ]'
check_eval "the last of several educators" '[[ "$(offers log-visit --educators T001,T00 | head -1)" == T001,T001 ]]'
check_eval "global options after a command" 'has "$(offers roster add --)" --as-of'
check_eval "roster sessions --format <TAB>" '[ "$(echo $(offers roster sessions --format ""))" = "csv json text" ]'
check_eval "the hidden completion command is not offered" '! has "$(offers "")" completion'
finish
