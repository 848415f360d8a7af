# The functions of pthv's bash completion. This file is not the script
# itself: `pthv completion bash` prints the tables of commands, options and
# values it makes from the program's own command line (cmd/completion.cpp),
# then this file, which the build compiles in. The tables are
#   _pthv_commands[PATH]   the commands under PATH ("pthv", "pthv roster")
#   _pthv_options[PATH]    the options of PATH
#   _pthv_values[KEY]      what the option or positional KEY takes:
#                          "PATH|--opt", "PATH|#N" (the Nth positional),
#                          "PATH|#*" (every positional past the numbered ones)
# Student, staff, site, visit and session ids come from the CSV files of the
# data repo (-C DIR, else the first folder above here that holds pthv.yaml).

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

# REPLY = the spec of option $2 as the command at path $1 reads it: its own,
# else that of a command above it (options fall through to their parents).
# Status 1 when no command on the path has the option.
_pthv_spec()
{
    local path=$1
    while :; do
        if [[ -n ${_pthv_values["$path|$2"]+set} ]]; then
            REPLY=${_pthv_values["$path|$2"]}
            return 0
        fi
        [[ $path == *' '* ]] || return 1
        path=${path% *}
    done
}

# COMPREPLY = the candidates for word $2 by spec $1 (see lib/pthv/cli/completion.hpp),
# each with prefix $3 (the "--opt=" of a word bash did not split).
_pthv_offer()
{
    local spec=${1#+} cur=$2 prefix=$3 list=
    case $spec in
    w:*) list=${spec#w:} ;;
    f | d)
        compopt -o filenames 2>/dev/null
        if [[ $spec == d ]]; then
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        else
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        fi
        return
        ;;
    i:*)
        spec=${spec#i:}
        list=$(_pthv_ids "${spec%%:*}" "${spec#*:}")
        ;;
    l:*)
        # A comma-separated list: complete the last id.
        spec=${spec#l:}
        [[ $cur == *,* ]] && prefix+=${cur%,*},
        cur=${cur##*,}
        list=$(_pthv_ids "${spec%%:*}" "${spec#*:}")
        ;;
    t) list=$(date +%F) ;;
    m) list="$(date +%Y-%m) $(date -d '-1 month' +%Y-%m 2>/dev/null)" ;;
    p) list="mid-year end-of-year $(date +%Y-%m)" ;;
    *) COMPREPLY=() && return ;;
    esac
    mapfile -t COMPREPLY < <(compgen -P "$prefix" -W "$list" -- "$cur")
}

_pthv()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]} cword=$COMP_CWORD
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

    # The command path (e.g. "pthv hooks install"), the positionals seen so far,
    # and an option of several values still taking them.
    local path=pthv i word skip=0 npos=0 many= REPLY
    for ((i = 1; i < cword; i++)); do
        word=${COMP_WORDS[i]}
        if ((skip)); then
            skip=0
            continue
        fi
        [[ $word == = ]] && continue
        if [[ $word == -* ]]; then
            many=
            [[ $word == *=* ]] && continue
            if _pthv_spec "$path" "$word" && [[ $REPLY != x ]]; then
                [[ ${COMP_WORDS[i + 1]} != = ]] && skip=1
                [[ $REPLY == +* ]] && many=$REPLY
            fi
            continue
        fi
        [[ -n $many ]] && continue
        if ((npos == 0)) && [[ " ${_pthv_commands[$path]} " == *" $word "* ]]; then
            path+=" $word"
        else
            npos=$((npos + 1))
        fi
    done

    # The value of an option.
    if [[ $prev == -* ]] && _pthv_spec "$path" "$prev" && [[ $REPLY != x ]]; then
        _pthv_offer "$REPLY" "$cur" "$eq_prefix"
        return
    fi
    if [[ $cur == -* ]]; then
        local options=${_pthv_options[$path]}
        [[ $path != pthv ]] && options+=" ${_pthv_options[pthv]}"
        # -h and --help are both the command's and pthv's: offer them once.
        mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur" | awk '!seen[$0]++')
        return
    fi
    # Another value of an option that takes several.
    if [[ -n $many ]]; then
        _pthv_offer "$many" "$cur" ""
        return
    fi
    # A command, then the command's positionals.
    if ((npos == 0)) && [[ -n ${_pthv_commands[$path]} ]]; then
        mapfile -t COMPREPLY < <(compgen -W "${_pthv_commands[$path]}" -- "$cur")
        return
    fi
    if [[ -n ${_pthv_values["$path|#$npos"]+set} ]]; then
        _pthv_offer "${_pthv_values["$path|#$npos"]}" "$cur" ""
    elif [[ -n ${_pthv_values["$path|#*"]+set} ]]; then
        _pthv_offer "${_pthv_values["$path|#*"]}" "$cur" ""
    fi
}

complete -F _pthv pthv
