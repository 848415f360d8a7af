# bash completion for pthv.                                  -*- shell-script -*-
#
# Commands, options and the values an option takes are read from the
# program's own help (`pthv --help`, `pthv COMMAND --help`) the first time
# they are needed and cached for the shell session, so the completion knows
# every command the installed pthv has and never drifts from it. Rule ids
# come from the rule table in `pthv validate --help`; student, staff, site
# and visit ids from the CSV files of the data repo (-C DIR, else the first
# folder above here that holds pthv.yaml).
#
# Install: copy to /usr/share/bash-completion/completions/pthv (make
# install does), or `source completion/pthv.bash` in ~/.bashrc.

declare -gA _pthv_help_cache 2>/dev/null || true

# REPLY = the help text of `BIN WORDS... --help`, cached per session.
_pthv_help()
{
    local bin=$1
    shift
    local key="$bin|$*"
    if [[ -z ${_pthv_help_cache[$key]+set} ]]; then
        _pthv_help_cache[$key]=$(command "$bin" "$@" --help 2>/dev/null)
    fi
    REPLY=${_pthv_help_cache[$key]}
}

# The commands listed under "Subcommands:" of a help text, one a line.
_pthv_subcommands()
{
    awk '/^Subcommands:/ {on = 1; next} on && /^$/ {exit} on && /^  [a-z]/ {print $1}' <<<"$1"
}

# "NAME TYPE" per option of a help text (TYPE empty for a flag); the short
# form gets its own line.
_pthv_options()
{
    local line re='^ +(-[[:alnum:]],)?(--[[:alnum:]][[:alnum:]-]*)( ([^ ]+))?'
    while IFS= read -r line; do
        if [[ $line =~ $re ]]; then
            printf '%s %s\n' "${BASH_REMATCH[2]}" "${BASH_REMATCH[4]}"
            [[ -n ${BASH_REMATCH[1]} ]] && printf '%s %s\n' "${BASH_REMATCH[1]%,}" "${BASH_REMATCH[4]}"
        fi
    done <<<"$1"
}

# The data repo: -C DIR / --data DIR on the line, else walk up to pthv.yaml.
_pthv_repo()
{
    local i dir=
    for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
        case ${COMP_WORDS[i]} in
        -C | --data) dir=${COMP_WORDS[i + 1]} ;;
        esac
    done
    if [[ -n $dir ]]; then
        dir=${dir/#\~/$HOME}
        [[ -f $dir/pthv.yaml ]] && REPLY=$dir && return 0
        return 1
    fi
    dir=$PWD
    while [[ -n $dir ]]; do
        [[ -f $dir/pthv.yaml ]] && REPLY=$dir && return 0
        dir=${dir%/*}
    done
    [[ -f /pthv.yaml ]] && REPLY=/ && return 0
    return 1
}

# The values of column COLUMN of FILE in the data repo, found by header name
# (column order is free in pthv's CSV files).
_pthv_ids()
{
    local REPLY
    _pthv_repo || return 0
    [[ -r $REPLY/$1 ]] || return 0
    awk -F, -v col="$2" 'NR == 1 {sub(/^\xef\xbb\xbf/, ""); for (i = 1; i <= NF; i++) {sub(/\r$/, "", $i); if ($i == col) k = i}; next}
        k && $k != "" {sub(/\r$/, "", $k); print $k}' "$REPLY/$1"
}

# The values an option takes; prints nothing for free text.
_pthv_values()
{
    local bin=$1 cmd=$2 opt=$3 type=$4 help=$5
    # Enumerations CLI11 shows in the help: TYPE:{a,b,c}.
    if [[ $type == *:\{*\} ]]; then
        local list=${type#*:\{}
        list=${list%\}}
        printf '%s\n' ${list//,/ }
        return
    fi
    case $opt in
    --format)
        # "Formats: text (default), json, github." in the command's footer.
        local formats
        formats=$(sed -n 's/^Formats: //p' <<<"$help" | sed 's/([^)]*)//g; s/\..*$//; s/,/ /g')
        printf '%s\n' ${formats:-text json csv md html}
        ;;
    --rule)
        local REPLY
        _pthv_help "$bin" validate
        awk '/^Rules/ {on = 1; next} on && /^$/ {exit} on && $2 ~ /^(error|warning)$/ {print $1}' <<<"$REPLY"
        ;;
    --focus) printf '%s\n' hopes_and_dreams academics other ;;
    --mode) printf '%s\n' home community virtual ;;
    --status)
        if [[ $cmd == roster* ]]; then
            printf '%s\n' current due-soon expired untrained
        else
            printf '%s\n' scheduled completed declined cancelled no_show
        fi
        ;;
    --by) printf '%s\n' homeroom site grade educator ;;
    --kind) printf '%s\n' intro refresher ;;
    --level) printf '%s\n' elementary middle high k8 other ;;
    --class) printf '%s\n' certificated classified ;;
    --opted-in | --active) printf '%s\n' yes no ;;
    --period) printf '%s\n' mid-year end-of-year "$(date +%Y-%m)" ;;
    --month) printf '%s\n' "$(date +%Y-%m)" "$(date -d '-1 month' +%Y-%m 2>/dev/null)" ;;
    --as-of | --date | --from | --to | --arranged-on | --reflected-on) date +%F ;;
    --student) _pthv_ids students.csv student_id ;;
    --site) _pthv_ids sites.csv site_id ;;
    --educators | --homeroom | --staff) _pthv_ids staff.csv staff_id ;;
    --update) _pthv_ids visits.csv visit_id ;;
    esac
}

_pthv()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]} cword=$COMP_CWORD
    local bin=${COMP_WORDS[0]}
    bin=${bin/#\~/$HOME}
    COMPREPLY=()
    # --opt=value: bash splits at "=" (COMP_WORDBREAKS).
    local eq_prefix=
    if [[ $cur == = ]]; then
        cur=
    elif [[ $prev == = ]]; then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    elif [[ $cur == --*=* ]]; then
        prev=${cur%%=*} eq_prefix=${cur%%=*}=
        cur=${cur#*=}
    fi

    local REPLY
    _pthv_help "$bin"
    local top_help=$REPLY
    local global_opts
    global_opts=$(_pthv_options "$top_help")

    # The command path (e.g. "hooks install") and the options seen so far.
    local -a path=()
    local help=$top_help opts=$global_opts i word skip=0 name type
    for ((i = 1; i < cword; i++)); do
        word=${COMP_WORDS[i]}
        if ((skip)); then
            skip=0
            continue
        fi
        [[ $word == = ]] && continue
        if [[ $word == -* ]]; then
            type=$(awk -v o="$word" '$1 == o {print $2; exit}' <<<"$opts")
            [[ -n $type && $word != *=* && ${COMP_WORDS[i + 1]} != = ]] && skip=1
            continue
        fi
        if grep -qx -- "$word" <<<"$(_pthv_subcommands "$help")"; then
            path+=("$word")
            _pthv_help "$bin" "${path[@]}"
            help=$REPLY
            opts=$(_pthv_options "$help")$'\n'$global_opts
        fi
    done
    local cmd="${path[*]}"

    # The value of an option. An option the help does not list (a command
    # of a newer or older pthv) still gets the values pthv's data define.
    type=$(awk -v o="$prev" '$1 == o {print $2; exit}' <<<"$opts")
    if [[ $prev == -* && -z $type ]] && ! grep -q -- "^$prev \$" <<<"$opts"; then
        [[ -n $(_pthv_values "$bin" "$cmd" "$prev" "" "$help") ]] && type=VALUE
    fi
    if [[ $prev == -* && -n $type ]]; then
        case $prev in
        -C | --data)
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            return
            ;;
        -o | --output | --flags | --import | --map | --key-file)
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return
            ;;
        --educators)
            # A comma-separated list: complete the last id.
            local done_part=
            [[ $cur == *,* ]] && done_part=${cur%,*},
            mapfile -t COMPREPLY < <(compgen -P "$done_part" -W "$(_pthv_values "$bin" "$cmd" "$prev" "$type" "$help")" -- "${cur##*,}")
            return
            ;;
        esac
        mapfile -t COMPREPLY < <(compgen -P "$eq_prefix" -W "$(_pthv_values "$bin" "$cmd" "$prev" "$type" "$help")" -- "$cur")
        return
    fi

    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(awk '{print $1}' <<<"$opts")" -- "$cur")
        return
    fi

    # A command, then the command's positional arguments.
    local subs
    subs=$(_pthv_subcommands "$help")
    if [[ -n $subs ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$subs" -- "$cur")
        return
    fi
    case $cmd in
    schema) mapfile -t COMPREPLY < <(compgen -W "sites staff students trainings visits payroll" -- "$cur") ;;
    init) mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
    "roster student") mapfile -t COMPREPLY < <(compgen -W "$(_pthv_ids students.csv student_id)" -- "$cur") ;;
    "roster set" | "roster train") mapfile -t COMPREPLY < <(compgen -W "$(_pthv_ids staff.csv staff_id)" -- "$cur") ;;
    *) mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
    esac
}

complete -F _pthv pthv
